"""EES statistics (EESR art. 63): aggregated counts only, with small counts suppressed.

A cell that counts fewer than `min_count` persons or events could single someone out
(a rare nationality at a small land crossing); it is reported as suppressed, without its
number. The dimensions are those art. 63 lists; identity data are not among them.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from limes.ees.errors import InvalidRecordError
from limes.ees.ports import StatisticsRow


class StatisticsKind(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"
    REFUSAL = "refusal"
    OVERSTAYER = "overstayer"


class Dimension(StrEnum):
    NATIONALITY = "nationality"
    SEX = "sex"
    YEAR_OF_BIRTH = "year_of_birth"
    BCP = "bcp"
    BORDER_TYPE = "border_type"
    DOCUMENT_TYPE = "document_type"
    DOCUMENT_ISSUING_STATE = "document_issuing_state"
    VISA_ISSUING_STATE = "visa_issuing_state"
    REFUSAL_REASON = "refusal_reason"
    FINGERPRINT_STATUS = "fingerprint_status"


MAX_DIMENSIONS = 3
MAX_PERIOD_DAYS = 3660


@dataclass(frozen=True, slots=True, kw_only=True)
class StatisticsCell:
    dimensions: tuple[tuple[str, str], ...]
    count: int | None  # None: suppressed, fewer than the minimum count


@dataclass(frozen=True, slots=True, kw_only=True)
class StatisticsTable:
    kind: StatisticsKind
    dimensions: tuple[Dimension, ...]
    from_day: date
    to_day: date
    min_count: int
    cells: tuple[StatisticsCell, ...]
    suppressed_cells: int


def require_valid_query(
    kind: StatisticsKind, dimensions: Sequence[Dimension], from_day: date, to_day: date
) -> None:
    if not 1 <= len(dimensions) <= MAX_DIMENSIONS or len(set(dimensions)) != len(dimensions):
        raise InvalidRecordError(f"choose 1 to {MAX_DIMENSIONS} different dimensions")
    if Dimension.REFUSAL_REASON in dimensions and kind is not StatisticsKind.REFUSAL:
        raise InvalidRecordError("refusal_reason applies to refusal statistics only")
    if to_day < from_day or (to_day - from_day).days > MAX_PERIOD_DAYS:
        raise InvalidRecordError("the period must run forwards and span at most ten years")


def suppress_small_counts(
    kind: StatisticsKind,
    dimensions: Sequence[Dimension],
    from_day: date,
    to_day: date,
    rows: Sequence[StatisticsRow],
    min_count: int,
) -> StatisticsTable:
    """The table with every count below `min_count` replaced by None.

    Published cells come first, largest count first; the suppressed cells follow in the
    order of their dimension values, since ordering them by count would rank what is hidden.
    """
    cells = tuple(
        StatisticsCell(
            dimensions=row.dimensions, count=row.count if row.count >= min_count else None
        )
        for row in sorted(
            rows,
            key=lambda row: (
                row.count < min_count,
                -row.count if row.count >= min_count else 0,
                row.dimensions,
            ),
        )
    )
    return StatisticsTable(
        kind=kind,
        dimensions=tuple(dimensions),
        from_day=from_day,
        to_day=to_day,
        min_count=min_count,
        cells=cells,
        suppressed_cells=sum(1 for cell in cells if cell.count is None),
    )
