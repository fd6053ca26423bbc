"""What every ETIAS hit on Limes' own systems records: which field matched how, and why."""

from limes.etias.model import FieldMatch, MatchMethod
from limes.screening.model import Comparison


def name_evidence(comparison: Comparison, record_field: str) -> FieldMatch:
    return FieldMatch(
        application_field="names",
        record_field=record_field,
        method=MatchMethod.NAME_SCREENING,
        score=comparison.score,
    )


def explanation(comparison: Comparison) -> tuple[str, ...]:
    return tuple(f"{reason.code}: {reason.detail}" for reason in comparison.reasons)


def document_match(record_field: str) -> FieldMatch:
    return FieldMatch(
        application_field="travel_document",
        record_field=record_field,
        method=MatchMethod.EXACT,
    )
