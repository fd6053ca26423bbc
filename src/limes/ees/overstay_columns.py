"""Overstayers and 90/180 day counts over whole columns of entry/exit records, no loop per row.

The same rules as `limes.core.stay`, evaluated on NumPy arrays: one row per entry/exit record,
days as `date.toordinal()` ordinals, codes as indices into code tables the caller keeps. Every
function is pure: the control date is an argument, never the clock.

Assumption about the records: a person's records never overlap. At most a day is shared, when
the person leaves and re-enters on the same day, and that day counts once (ees_rules.md §1). An
open record (no exit) is the person's latest. The EES enforces both when it registers a
crossing; `days_used_on` is exact for columns that keep to them.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

import numpy as np
import numpy.typing as npt

from limes.core.stay import MAX_STAY_DAYS, WINDOW_DAYS
from limes.ees.errors import EesError

NO_EXIT: Final = -1  # `exit_day` of a record whose person is still inside
GroupColumn = Literal["nationality", "entry_bcp"]
GROUP_COLUMNS: Final[tuple[GroupColumn, ...]] = ("nationality", "entry_bcp")

# Rows per step: bounds each temporary array (16 MiB for an int32 one) whatever the size.
_CHUNK_ROWS: Final = 1 << 22

Int16s = npt.NDArray[np.int16]
Int32s = npt.NDArray[np.int32]
Int64s = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


class InvalidColumnsError(EesError, ValueError):
    """Columns of the wrong type, shape or length, or codes that index no table."""

    code = "ees.invalid_columns"


def _require_column(owner: str, name: str, values: object, dtype: type[np.generic]) -> int:
    if not isinstance(values, np.ndarray) or values.ndim != 1 or values.dtype != dtype:
        found = (
            f"{values.dtype} array of shape {values.shape}"
            if isinstance(values, np.ndarray)
            else type(values).__name__
        )
        raise InvalidColumnsError(
            f"{owner}.{name} must be a one-dimensional {np.dtype(dtype)} array, got {found}"
        )
    return len(values)


@dataclass(frozen=True, slots=True, kw_only=True)
class CrossingColumns:
    """Entry/exit records (EESR art. 16(2)) as equal-length columns, one row per record."""

    traveller: Int32s  # index into the traveller columns
    entry_day: Int32s
    exit_day: Int32s  # NO_EXIT while the person is inside
    authorised_until_day: Int32s  # last day of the maximum authorised stay (art. 11(2)(a))
    entry_bcp: Int16s  # index into a border crossing point code table

    def __post_init__(self) -> None:
        lengths = {
            _require_column("CrossingColumns", "traveller", self.traveller, np.int32),
            _require_column("CrossingColumns", "entry_day", self.entry_day, np.int32),
            _require_column("CrossingColumns", "exit_day", self.exit_day, np.int32),
            _require_column(
                "CrossingColumns", "authorised_until_day", self.authorised_until_day, np.int32
            ),
            _require_column("CrossingColumns", "entry_bcp", self.entry_bcp, np.int16),
        }
        if len(lengths) > 1:
            raise InvalidColumnsError(
                f"CrossingColumns columns must have equal lengths, got {sorted(lengths)}"
            )

    def __len__(self) -> int:
        return len(self.traveller)

    @property
    def nbytes(self) -> int:
        """Memory held by the five columns."""
        return sum(
            column.nbytes
            for column in (
                self.traveller,
                self.entry_day,
                self.exit_day,
                self.authorised_until_day,
                self.entry_bcp,
            )
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class TravellerColumns:
    """Per-traveller columns; row i is the traveller that `CrossingColumns.traveller` calls i."""

    nationality: Int16s  # index into a nationality code table

    def __post_init__(self) -> None:
        _require_column("TravellerColumns", "nationality", self.nationality, np.int16)

    def __len__(self) -> int:
        return len(self.nationality)


@dataclass(frozen=True, slots=True, kw_only=True)
class OverstayerColumns:
    """The overstayer list on `on`, one row per flagged record, in record order."""

    on: date
    record: Int64s  # row in the CrossingColumns
    traveller: Int32s
    overstay_days: Int32s  # days from the last authorised day to `on`: at least 1

    def __len__(self) -> int:
        return len(self.record)


@dataclass(frozen=True, slots=True, kw_only=True)
class OverstayerCounts:
    """Overstayers per combination of codes; rows sorted by the codes, empty groups left out."""

    by: tuple[GroupColumn, ...]
    codes: tuple[Int16s, ...]  # one column per name in `by`
    count: Int64s


def find_overstayers(crossings: CrossingColumns, on: date) -> OverstayerColumns:
    """Records still open after their authorised stay ended, with the days overstayed on `on`."""
    day = on.toordinal()
    records: list[Int64s] = []
    for rows in _chunks(len(crossings)):
        # EESR art. 12(1): no exit, and the maximum authorised stay has expired.
        flagged = (crossings.exit_day[rows] == NO_EXIT) & (
            crossings.authorised_until_day[rows] < day
        )
        records.append(np.flatnonzero(flagged).astype(np.int64) + rows.start)
    record = np.concatenate(records) if records else np.empty(0, np.int64)
    return OverstayerColumns(
        on=on,
        record=record,
        traveller=crossings.traveller[record],
        overstay_days=(day - crossings.authorised_until_day[record]).astype(np.int32),
    )


def days_used_on(crossings: CrossingColumns, travellers_count: int, on: date) -> Int32s:
    """Per traveller, the presence days in the 180-day window ending on `on` (SBC art. 6(1))."""
    last = on.toordinal()
    first = last - WINDOW_DAYS + 1  # the window is [on - 179, on], both ends included
    travellers: list[Int32s] = []
    lengths: list[Int16s] = []
    boundaries: list[Int64s] = []
    for rows in _chunks(len(crossings)):
        entry = crossings.entry_day[rows]
        exit_ = crossings.exit_day[rows]
        # SBC art. 6(2): entry and exit days are days of stay; an open stay runs up to `on`.
        end = np.minimum(np.where(exit_ == NO_EXIT, last, exit_), last)
        length = end - np.maximum(entry, first) + 1
        inside = length > 0
        traveller = crossings.traveller[rows][inside]
        entry, exit_ = entry[inside], exit_[inside]
        travellers.append(traveller)
        lengths.append(length[inside].astype(np.int16))
        boundaries.append(_boundary_keys(traveller, entry, exit_, first, last))
    if not travellers:
        return np.zeros(travellers_count, np.int32)
    counted = np.bincount(
        np.concatenate(travellers), weights=np.concatenate(lengths), minlength=travellers_count
    )
    if len(counted) > travellers_count:
        raise InvalidColumnsError("CrossingColumns.traveller holds an index >= travellers_count")
    shared = np.bincount(_shared_day_travellers(boundaries), minlength=travellers_count)
    return (counted - shared).astype(np.int32)


def breaches_90_180(days_used: Int32s) -> Bools:
    """Per traveller, whether the days used exceed 90; exactly 90 complies (SBC art. 6(1))."""
    return days_used > MAX_STAY_DAYS


def overstayer_counts(
    result: OverstayerColumns,
    travellers: TravellerColumns,
    crossings: CrossingColumns,
    by: Sequence[GroupColumn] = GROUP_COLUMNS,
) -> OverstayerCounts:
    """Overstayers per nationality and/or entry border crossing point (EESR art. 12(3), 63)."""
    columns = tuple(by)
    codes: list[Int64s] = []
    for name in columns:
        if name == "nationality":
            values = travellers.nationality[result.traveller]
        elif name == "entry_bcp":
            values = crossings.entry_bcp[result.record]
        else:
            raise InvalidColumnsError(f"cannot count by {name!r}; choose from {GROUP_COLUMNS}")
        if len(values) and values.min() < 0:
            raise InvalidColumnsError(f"{name} codes must be indices >= 0")
        codes.append(values.astype(np.int64))
    # One int64 key per row, each code a digit in a mixed radix of the tables' used sizes.
    radixes = [int(column.max()) + 1 if len(column) else 1 for column in codes]
    key = np.zeros(len(result), np.int64)
    for column, radix in zip(codes, radixes, strict=True):
        key = key * radix + column
    keys, count = np.unique(key, return_counts=True)
    digits: list[Int16s] = []
    for radix in reversed(radixes):
        keys, digit = np.divmod(keys, radix)
        digits.append(digit.astype(np.int16))
    return OverstayerCounts(by=columns, codes=tuple(reversed(digits)), count=count.astype(np.int64))


def _boundary_keys(
    traveller: Int32s, entry: Int32s, exit_: Int32s, first: int, last: int
) -> Int64s:
    """(traveller, day) keys of the entry and exit days inside the window, one per record and day.

    A day two records share is a boundary of both: an exit and a re-entry on the same day.
    """
    entered = entry >= first
    # A one-day record has one boundary day; an open record's end is no recorded exit.
    exited = (exit_ != NO_EXIT) & (exit_ <= last) & (exit_ != entry)
    owner = np.concatenate((traveller[entered], traveller[exited])).astype(np.int64)
    day = np.concatenate((entry[entered], exit_[exited])).astype(np.int64)
    return owner * WINDOW_DAYS + (day - first)


def _shared_day_travellers(boundaries: list[Int64s]) -> Int64s:
    """The traveller of every repeat of a (traveller, day) boundary key: one per extra count."""
    keys: Int64s = np.sort(np.concatenate(boundaries))
    repeated: Int64s = keys[1:][keys[1:] == keys[:-1]]
    return repeated // WINDOW_DAYS


def _chunks(rows: int) -> Iterator[slice]:
    for start in range(0, rows, _CHUNK_ROWS):
        yield slice(start, min(start + _CHUNK_ROWS, rows))
