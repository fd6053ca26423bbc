"""What a statistics request may ask of a store (EESR art. 63), shared by both stores.

Each count is one cell of a table grouped by the requested dimensions. A person with
several nationalities is counted under the first one, so cells add up to the total.
Refusals are counted once per Annex V reason when grouped by `refusal_reason`.

The day range selects entries by entry day, exits by exit day, refusals by refusal day,
and overstayers (open entries flagged as overstay) by the last day of authorised stay.
"""

from collections.abc import Sequence
from typing import Final

from limes.ees.statistics import Dimension, StatisticsKind

# The domain's lists (ees/statistics.py), as the strings the ports carry.
KINDS: Final = tuple(kind.value for kind in StatisticsKind)
DIMENSIONS: Final = tuple(dimension.value for dimension in Dimension)
UNKNOWN: Final = "unknown"  # the value is not on record (an erased document, an unknown BCP)
NO_VISA: Final = "none"  # the crossing was made without a visa


def check_request(dimensions: Sequence[str], kind: str) -> None:
    """Raise ValueError for an unknown kind or dimension, or a dimension the kind lacks."""
    if kind not in KINDS:
        raise ValueError(f"unknown statistics kind {kind!r}; expected one of {KINDS}")
    for dimension in dimensions:
        if dimension not in DIMENSIONS:
            raise ValueError(f"unknown statistics dimension {dimension!r}")
    if "refusal_reason" in dimensions and kind != "refusal":
        raise ValueError("refusal_reason is a dimension of refusals only")
    if len(set(dimensions)) != len(dimensions):
        raise ValueError("a statistics dimension is repeated")
