"""Outcomes and impacts by nationality, sex and age band, with small cells suppressed (pure).

The fundamental rights oversight of the screening rules and the watchlist (art. 10, 33(5),
35(1)(b)) asks who bears the cost of a rule or an entry. These tables answer that without
singling anyone out: a cell counting fewer than `MIN_COUNT` applications is reported as
suppressed, without its number, as the EES statistics do (ees/statistics.py).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from limes.etias.dates import age_on
from limes.etias.model import Application, ApplicationFile, DecisionKind

MIN_COUNT: Final = 5
# Bands meet the fee's age limits (art. 18(2)) so waived and paying applicants never share one.
_AGE_BANDS: Final = ((0, 17), (18, 29), (30, 44), (45, 59), (60, 70))
DIMENSIONS: Final = ("nationality", "sex", "age_band")


class Outcome(StrEnum):
    ISSUED_AUTOMATICALLY = "issued_automatically"  # art. 21(1): no hit
    ISSUED_AFTER_CENTRAL_UNIT = "issued_after_central_unit"  # art. 22(4): hits all false
    ISSUED_AFTER_MANUAL_PROCESSING = "issued_after_manual_processing"  # art. 26, 36
    REFUSED = "refused"  # art. 37
    PENDING = "pending"


@dataclass(frozen=True, slots=True, kw_only=True)
class Cell:
    """One count: a dimension's value and, for outcome tables, the outcome."""

    dimension: str
    value: str
    outcome: str
    count: int | None  # None: suppressed, fewer than MIN_COUNT


@dataclass(frozen=True, slots=True, kw_only=True)
class FairnessReport:
    total: int
    outcomes: tuple[tuple[str, int | None], ...]
    cells: tuple[Cell, ...]
    suppressed_cells: int
    min_count: int = MIN_COUNT


@dataclass(frozen=True, slots=True, kw_only=True)
class ImpactReport:
    """What a proposed watchlist entry or screening rule would have done to past
    applications (art. 35(1)(b)): how many it hits, and how many of those were issued
    without any verification and would now go to manual processing."""

    replayed: int
    would_hit: int
    additional_manual: int
    additional_manual_rate: float
    cells: tuple[Cell, ...]  # the additional manual cases by dimension
    suppressed_cells: int
    min_count: int = MIN_COUNT


def age_band(age: int) -> str:
    for low, high in _AGE_BANDS:
        if low <= age <= high:
            return f"{low}-{high}"
    return f"{_AGE_BANDS[-1][1] + 1}+"


def profile(application: Application) -> dict[str, str]:
    """The dimensions of one application: nationality, sex, age band when submitted."""
    form = application.form
    age = age_on(form.date_of_birth, application.submitted_at.date())
    return {"nationality": form.nationality, "sex": form.sex.value, "age_band": age_band(age)}


def went_to_verification(file: ApplicationFile) -> bool:
    """Whether any person looked at the case (Central Unit or National Unit)."""
    return any(event.action.startswith("routed.") for event in file.events)


def outcome(file: ApplicationFile) -> Outcome:
    if any(r.decision.kind is DecisionKind.REFUSE for r in file.decisions):
        return Outcome.REFUSED
    if not any(r.decision.issues for r in file.decisions):
        return Outcome.PENDING
    if not file.issued_automatically:
        return Outcome.ISSUED_AFTER_MANUAL_PROCESSING
    if went_to_verification(file):
        return Outcome.ISSUED_AFTER_CENTRAL_UNIT
    return Outcome.ISSUED_AUTOMATICALLY


def fairness_report(files: Iterable[ApplicationFile]) -> FairnessReport:
    """Outcomes overall and by each dimension, small cells suppressed."""
    totals: Counter[str] = Counter()
    counts: Counter[tuple[str, str, str]] = Counter()
    for file in files:
        result = outcome(file).value
        totals[result] += 1
        for dimension, value in profile(file.application).items():
            counts[(dimension, value, result)] += 1
    cells, suppressed = _cells(counts)
    return FairnessReport(
        total=sum(totals.values()),
        outcomes=tuple((o.value, _shown(totals[o.value])) for o in Outcome),
        cells=cells,
        suppressed_cells=suppressed,
    )


def impact_report(replayed: Iterable[tuple[ApplicationFile, bool]]) -> ImpactReport:
    """`replayed` pairs each stored file with whether the proposal hits it."""
    total = hit = 0
    counts: Counter[tuple[str, str, str]] = Counter()
    for file, hits in replayed:
        total += 1
        if not hits:
            continue
        hit += 1
        if not went_to_verification(file):
            for dimension, value in profile(file.application).items():
                counts[(dimension, value, "additional_manual")] += 1
    additional = sum(n for (dimension, _, _), n in counts.items() if dimension == DIMENSIONS[0])
    cells, suppressed = _cells(counts)
    return ImpactReport(
        replayed=total,
        would_hit=hit,
        additional_manual=additional,
        additional_manual_rate=additional / total if total else 0.0,
        cells=cells,
        suppressed_cells=suppressed,
    )


def _shown(count: int) -> int | None:
    return count if count == 0 or count >= MIN_COUNT else None


def _cells(counts: Counter[tuple[str, str, str]]) -> tuple[tuple[Cell, ...], int]:
    cells = tuple(
        Cell(dimension=d, value=v, outcome=o, count=_shown(n))
        for (d, v, o), n in sorted(counts.items())
    )
    return cells, sum(1 for cell in cells if cell.count is None)
