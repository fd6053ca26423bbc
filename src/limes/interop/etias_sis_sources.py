"""ETIAS's art. 20 checks against Limes' SIS: person alerts and document alerts.

- `SisPersonSource`: SIS alerts on persons, by name (the screening engine) and by travel
  document (exact): refusal of entry (art. 20(2)(c)), arrest (d), and the art. 20(4)
  alerts that only notify; a minor's guardian against arrest and refusal alerts (m).
- `TravelDocumentSource`: SIS and SLTD document alerts (art. 20(2)(a)-(b)), exact.

Sources only read; a hit is reported only for an alert in force in the store.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final

from limes.etias.model import Application, CheckKind, FieldMatch, Hit, MatchMethod
from limes.interop.etias_evidence import document_match, explanation, name_evidence
from limes.interop.screening_subjects import applicant, guardian
from limes.interop.watchlist_screening import WatchlistScreening
from limes.screening.model import Comparison
from limes.watchlists.model import DocumentSource, PersonAlert, PersonAlertCategory
from limes.watchlists.ports import WatchlistUnitOfWork

_PERSON_CHECKS: Final = {
    PersonAlertCategory.REFUSAL_OF_ENTRY: CheckKind.SIS_REFUSAL_ALERT,
    PersonAlertCategory.ARREST: CheckKind.SIS_ARREST_ALERT,
    PersonAlertCategory.MISSING_PERSON: CheckKind.SIS_MISSING_PERSON,
    PersonAlertCategory.JUDICIAL_PROCEDURE: CheckKind.SIS_JUDICIAL_PROCEDURE,
    PersonAlertCategory.CHECK: CheckKind.SIS_CHECK_ALERT,
}
_GUARDIAN_CATEGORIES: Final = frozenset(
    {PersonAlertCategory.ARREST, PersonAlertCategory.REFUSAL_OF_ENTRY}
)


class SisPersonSource:
    name = "sis_persons"

    def __init__(
        self, screening: WatchlistScreening, unit_of_work: Callable[[], WatchlistUnitOfWork]
    ) -> None:
        self._screening = screening
        self._uow = unit_of_work

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        form = application.form
        hits: dict[str, Hit] = {}
        with self._uow() as uow:
            for found in self._screening.search(applicant(form), at=at):
                alert = uow.watchlists.get_person_alert(found.record_id)
                if found.kind == "sis" and alert is not None and alert.in_force(at):
                    hits[alert.alert_id] = _person_hit(
                        alert,
                        _check_of(alert),
                        [name_evidence(found.comparison, "names")],
                        found.comparison,
                    )
            document = form.travel_document
            for alert in uow.watchlists.find_person_alerts_by_document(
                document.issuing_country, document.number, at
            ):
                earlier = hits.get(alert.alert_id)
                evidence = [document_match("travel_documents")]
                if earlier is not None:
                    evidence = [*earlier.matched_fields, *evidence]
                hits[alert.alert_id] = _person_hit(alert, _check_of(alert), evidence, None)
            minor_guardian = guardian(form)
            if minor_guardian is not None:
                for found in self._screening.search(minor_guardian, at=at):
                    alert = uow.watchlists.get_person_alert(found.record_id)
                    if (
                        found.kind == "sis"
                        and alert is not None
                        and alert.in_force(at)
                        and alert.category in _GUARDIAN_CATEGORIES
                    ):
                        hits[f"guardian:{alert.alert_id}"] = _person_hit(
                            alert,
                            CheckKind.SIS_MINOR_GUARDIAN_ALERT,
                            [
                                FieldMatch(
                                    application_field="guardian",
                                    record_field="names",
                                    method=MatchMethod.NAME_SCREENING,
                                    score=found.comparison.score,
                                )
                            ],
                            found.comparison,
                        )
        return list(hits.values())


def _check_of(alert: PersonAlert) -> CheckKind:
    return _PERSON_CHECKS[alert.category]


def _person_hit(
    alert: PersonAlert,
    check: CheckKind,
    evidence: Sequence[FieldMatch],
    comparison: Comparison | None,
) -> Hit:
    return Hit(
        check=check,
        source="sis",
        record_ref=alert.alert_id,
        member_state=alert.issuing_state,
        matched_fields=tuple(evidence),
        score=comparison.score if comparison else 1.0,
        explanation=explanation(comparison) if comparison else ("document: same number",),
        record_created_at=alert.created_at,
    )


class TravelDocumentSource:
    name = "travel_documents"

    def __init__(self, unit_of_work: Callable[[], WatchlistUnitOfWork]) -> None:
        self._uow = unit_of_work

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        document = application.form.travel_document
        with self._uow() as uow:
            alerts = uow.watchlists.find_documents(document.issuing_country, document.number, at)
        return [
            Hit(
                check=(
                    CheckKind.SIS_DOCUMENT
                    if alert.source is DocumentSource.SIS
                    else CheckKind.SLTD_DOCUMENT
                ),
                source=alert.source.value,
                record_ref=alert.alert_id,
                # SLTD data come from Interpol: no Member State is responsible (art. 25(3)).
                member_state=alert.issuing_state if alert.source is DocumentSource.SIS else None,
                matched_fields=(document_match("document"),),
                score=1.0,
                explanation=(f"document reported {alert.status.value}",),
                record_created_at=alert.created_at,
            )
            for alert in alerts
        ]
