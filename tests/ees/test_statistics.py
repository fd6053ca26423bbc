"""EES statistics (EESR art. 63): query validation and small-count suppression."""

from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from limes.ees.errors import InvalidRecordError
from limes.ees.ports import StatisticsRow
from limes.ees.statistics import (
    MAX_DIMENSIONS,
    MAX_PERIOD_DAYS,
    Dimension,
    StatisticsKind,
    StatisticsTable,
    require_valid_query,
    suppress_small_counts,
)

FROM_DAY = date(2026, 1, 1)
TO_DAY = date(2026, 12, 31)


def row(nationality: str, count: int) -> StatisticsRow:
    return StatisticsRow(dimensions=(("nationality", nationality),), count=count)


def table(rows: Sequence[StatisticsRow], min_count: int = 5) -> StatisticsTable:
    return suppress_small_counts(
        StatisticsKind.ENTRY, [Dimension.NATIONALITY], FROM_DAY, TO_DAY, rows, min_count
    )


def published(result: StatisticsTable) -> list[tuple[str, int | None]]:
    return [(cell.dimensions[0][1], cell.count) for cell in result.cells]


@pytest.mark.parametrize(
    ("kind", "dimensions", "from_day", "to_day"),
    [
        pytest.param(StatisticsKind.ENTRY, [Dimension.NATIONALITY], FROM_DAY, TO_DAY, id="one"),
        pytest.param(
            StatisticsKind.EXIT,
            [Dimension.NATIONALITY, Dimension.SEX, Dimension.BCP],
            FROM_DAY,
            TO_DAY,
            id="three-dimensions",
        ),
        pytest.param(
            StatisticsKind.REFUSAL,
            [Dimension.REFUSAL_REASON, Dimension.BCP],
            FROM_DAY,
            TO_DAY,
            id="refusal-reason-for-refusals",
        ),
        pytest.param(
            StatisticsKind.OVERSTAYER, [Dimension.NATIONALITY], FROM_DAY, FROM_DAY, id="one-day"
        ),
        pytest.param(
            StatisticsKind.ENTRY,
            [Dimension.BORDER_TYPE],
            FROM_DAY,
            FROM_DAY + timedelta(days=MAX_PERIOD_DAYS),
            id="longest-period",
        ),
    ],
)
def test_valid_queries_are_accepted(
    kind: StatisticsKind, dimensions: list[Dimension], from_day: date, to_day: date
) -> None:
    require_valid_query(kind, dimensions, from_day, to_day)


@pytest.mark.parametrize(
    ("kind", "dimensions", "from_day", "to_day", "message"),
    [
        pytest.param(StatisticsKind.ENTRY, [], FROM_DAY, TO_DAY, "dimensions", id="none"),
        pytest.param(
            StatisticsKind.ENTRY,
            [Dimension.NATIONALITY, Dimension.SEX, Dimension.BCP, Dimension.YEAR_OF_BIRTH],
            FROM_DAY,
            TO_DAY,
            "dimensions",
            id="four-dimensions",
        ),
        pytest.param(
            StatisticsKind.ENTRY,
            [Dimension.SEX, Dimension.SEX],
            FROM_DAY,
            TO_DAY,
            "dimensions",
            id="repeated-dimension",
        ),
        pytest.param(
            StatisticsKind.ENTRY,
            [Dimension.REFUSAL_REASON],
            FROM_DAY,
            TO_DAY,
            "refusal_reason",
            id="refusal-reason-for-entries",
        ),
        pytest.param(
            StatisticsKind.ENTRY,
            [Dimension.NATIONALITY],
            TO_DAY,
            FROM_DAY,
            "period",
            id="backwards",
        ),
        pytest.param(
            StatisticsKind.ENTRY,
            [Dimension.NATIONALITY],
            FROM_DAY,
            FROM_DAY + timedelta(days=MAX_PERIOD_DAYS + 1),
            "period",
            id="more-than-ten-years",
        ),
    ],
)
def test_invalid_queries_are_rejected(
    kind: StatisticsKind,
    dimensions: list[Dimension],
    from_day: date,
    to_day: date,
    message: str,
) -> None:
    with pytest.raises(InvalidRecordError, match=message) as raised:
        require_valid_query(kind, dimensions, from_day, to_day)

    assert raised.value.code == "ees.invalid_record"


def test_at_most_three_dimensions() -> None:
    assert MAX_DIMENSIONS == 3


@pytest.mark.parametrize(
    ("rows", "min_count", "expected", "suppressed"),
    [
        pytest.param([], 5, [], 0, id="no-rows"),
        pytest.param(
            [row("USA", 12), row("GBR", 5), row("JPN", 4), row("CAN", 1)],
            5,
            [("USA", 12), ("GBR", 5), ("CAN", None), ("JPN", None)],
            2,
            id="below-the-minimum-suppressed",
        ),
        pytest.param([row("USA", 5)], 5, [("USA", 5)], 0, id="exactly-the-minimum-published"),
        pytest.param([row("USA", 4)], 5, [("USA", None)], 1, id="one-below-suppressed"),
        pytest.param(
            [row("GBR", 7), row("USA", 7), row("CAN", 9)],
            5,
            [("CAN", 9), ("GBR", 7), ("USA", 7)],
            0,
            id="largest-first-ties-by-dimension",
        ),
        pytest.param(
            [row("USA", 1), row("GBR", 2)], 1, [("GBR", 2), ("USA", 1)], 0, id="minimum-one"
        ),
    ],
)
def test_small_counts_are_suppressed(
    rows: list[StatisticsRow],
    min_count: int,
    expected: list[tuple[str, int | None]],
    suppressed: int,
) -> None:
    result = table(rows, min_count)

    assert published(result) == expected
    assert result.suppressed_cells == suppressed


def test_the_order_of_suppressed_cells_does_not_rank_their_hidden_counts() -> None:
    ascending = table([row("AAA", 1), row("ZZZ", 4)])
    descending = table([row("AAA", 4), row("ZZZ", 1)])

    assert published(ascending) == published(descending) == [("AAA", None), ("ZZZ", None)]


def test_the_table_echoes_the_query() -> None:
    result = suppress_small_counts(
        StatisticsKind.REFUSAL,
        [Dimension.REFUSAL_REASON, Dimension.BCP],
        FROM_DAY,
        TO_DAY,
        [],
        10,
    )

    assert (result.kind, result.dimensions, result.from_day, result.to_day, result.min_count) == (
        StatisticsKind.REFUSAL,
        (Dimension.REFUSAL_REASON, Dimension.BCP),
        FROM_DAY,
        TO_DAY,
        10,
    )


@given(
    counts=st.dictionaries(
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
        st.integers(1, 50),
        max_size=20,
    ),
    min_count=st.integers(1, 20),
)
def test_no_published_count_is_below_the_minimum_and_every_cell_is_kept(
    counts: dict[str, int], min_count: int
) -> None:
    result = table([row(code, count) for code, count in counts.items()], min_count)

    assert {cell.dimensions[0][1] for cell in result.cells} == set(counts)
    assert all(cell.count is None or cell.count >= min_count for cell in result.cells)
    assert result.suppressed_cells == sum(1 for count in counts.values() if count < min_count)
    assert all(
        cell.count == counts[cell.dimensions[0][1]]
        for cell in result.cells
        if cell.count is not None
    )
    shown = [cell.count for cell in result.cells if cell.count is not None]
    assert shown == sorted(shown, reverse=True)
    assert [cell.count for cell in result.cells[len(shown) :]] == [None] * result.suppressed_cells
