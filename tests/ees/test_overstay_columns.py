import random
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limes.core.presence import PresenceHistory, Stay
from limes.core.stay import days_used
from limes.ees.overstay_columns import (
    NO_EXIT,
    CrossingColumns,
    InvalidColumnsError,
    TravellerColumns,
    breaches_90_180,
    days_used_on,
    find_overstayers,
    overstayer_counts,
)

ON = date(2026, 11, 23)

# (traveller, entry, exit or None, authorised until, entry BCP code)
Row = tuple[int, date, date | None, date, int]


def days_before(days: int) -> date:
    return ON - timedelta(days=days)


def columns(*rows: Row) -> CrossingColumns:
    return CrossingColumns(
        traveller=np.array([row[0] for row in rows], np.int32),
        entry_day=np.array([row[1].toordinal() for row in rows], np.int32),
        exit_day=np.array(
            [NO_EXIT if row[2] is None else row[2].toordinal() for row in rows], np.int32
        ),
        authorised_until_day=np.array([row[3].toordinal() for row in rows], np.int32),
        entry_bcp=np.array([row[4] for row in rows], np.int16),
    )


def stay_row(traveller: int, entry: date, exit_: date | None) -> Row:
    return (traveller, entry, exit_, entry + timedelta(days=89), 0)


@pytest.mark.parametrize(
    ("row", "overstay_days"),
    [
        pytest.param((0, days_before(100), None, days_before(11), 0), 11, id="open-past-end"),
        pytest.param((0, days_before(90), None, days_before(1), 0), 1, id="open-one-day-past"),
        pytest.param((0, days_before(89), None, ON, 0), None, id="open-ends-on-control-day"),
        pytest.param((0, days_before(5), None, days_before(-85), 0), None, id="open-in-time"),
        pytest.param(
            (0, days_before(200), days_before(10), days_before(111), 0), None, id="exited-late"
        ),
        pytest.param(
            (0, days_before(30), days_before(20), days_before(-59), 0), None, id="exited-in-time"
        ),
    ],
)
def test_an_open_record_past_its_authorised_stay_is_an_overstayer(
    row: Row, overstay_days: int | None
) -> None:
    found = find_overstayers(columns(stay_row(1, days_before(400), days_before(390)), row), ON)

    if overstay_days is None:
        assert len(found) == 0
    else:
        assert found.record.tolist() == [1]
        assert found.traveller.tolist() == [0]
        assert found.overstay_days.tolist() == [overstay_days]


def test_overstayers_are_listed_in_record_order_with_their_travellers() -> None:
    crossings = columns(
        (4, days_before(120), None, days_before(31), 0),
        (2, days_before(10), None, days_before(-79), 0),
        (7, days_before(95), None, days_before(6), 0),
    )

    found = find_overstayers(crossings, ON)

    assert found.on == ON
    assert found.record.tolist() == [0, 2]
    assert found.traveller.tolist() == [4, 7]
    assert found.overstay_days.tolist() == [31, 6]


@pytest.mark.parametrize(
    ("stays", "expected"),
    [
        pytest.param([], 0, id="no-records"),
        pytest.param([(days_before(89), ON)], 90, id="exactly-90-ending-today"),
        pytest.param([(days_before(90), ON)], 91, id="91-ending-today"),
        pytest.param([(days_before(9), None)], 10, id="open-stay-counted-up-to-on"),
        pytest.param([(days_before(-3), None)], 0, id="open-stay-after-on"),
        pytest.param([(days_before(2), days_before(-20))], 3, id="days-after-on-ignored"),
        pytest.param([(days_before(179), days_before(179))], 1, id="d-179-included"),
        pytest.param([(days_before(180), days_before(180))], 0, id="d-180-excluded"),
        pytest.param([(days_before(200), days_before(170))], 10, id="clipped-at-window-start"),
        pytest.param(
            [(days_before(30), days_before(20)), (days_before(20), None)],
            31,
            id="exit-and-re-entry-same-day-counts-once",
        ),
        pytest.param(
            [(days_before(9), days_before(9)), (days_before(9), days_before(9))],
            1,
            id="two-day-trips-on-one-day",
        ),
        pytest.param(
            [(days_before(190), days_before(180)), (days_before(180), days_before(170))],
            10,
            id="shared-day-before-window",
        ),
    ],
)
def test_days_used_counts_presence_in_the_window_ending_on_the_control_date(
    stays: list[tuple[date, date | None]], expected: int
) -> None:
    crossings = columns(*(stay_row(1, entry, exit_) for entry, exit_ in stays))

    assert days_used_on(crossings, 3, ON).tolist() == [0, expected, 0]


@pytest.mark.parametrize(
    ("stay_days", "breach"),
    [
        pytest.param(89, False, id="89-days"),
        pytest.param(90, False, id="exactly-90-complies"),
        pytest.param(91, True, id="91-breaches"),
    ],
)
def test_only_more_than_90_days_breaches_the_rule(stay_days: int, breach: bool) -> None:
    crossings = columns(stay_row(0, days_before(stay_days - 1), ON))

    assert breaches_90_180(days_used_on(crossings, 1, ON)).tolist() == [breach]


def test_overstayers_are_counted_per_nationality_and_entry_bcp() -> None:
    crossings = columns(
        (0, days_before(100), None, days_before(10), 5),
        (1, days_before(100), None, days_before(10), 5),
        (2, days_before(100), None, days_before(10), 2),
        (3, days_before(100), None, days_before(10), 5),
        (4, days_before(5), None, days_before(-80), 5),
    )
    travellers = TravellerColumns(nationality=np.array([3, 3, 3, 0, 3], np.int16))
    found = find_overstayers(crossings, ON)

    both = overstayer_counts(found, travellers, crossings)
    by_bcp = overstayer_counts(found, travellers, crossings, by=("entry_bcp",))

    assert both.by == ("nationality", "entry_bcp")
    assert [codes.tolist() for codes in both.codes] == [[0, 3, 3], [5, 2, 5]]
    assert both.count.tolist() == [1, 1, 2]
    assert [codes.tolist() for codes in by_bcp.codes] == [[2, 5]]
    assert by_bcp.count.tolist() == [1, 3]


def test_no_overstayers_give_no_counts() -> None:
    crossings = columns(stay_row(0, days_before(5), None))
    travellers = TravellerColumns(nationality=np.array([1], np.int16))

    counts = overstayer_counts(find_overstayers(crossings, ON), travellers, crossings)

    assert [codes.tolist() for codes in counts.codes] == [[], []]
    assert counts.count.tolist() == []


def test_columns_of_unequal_length_are_refused() -> None:
    good = columns(stay_row(0, days_before(5), None))

    with pytest.raises(InvalidColumnsError, match="equal lengths"):
        CrossingColumns(
            traveller=good.traveller,
            entry_day=good.entry_day,
            exit_day=good.exit_day,
            authorised_until_day=good.authorised_until_day,
            entry_bcp=np.zeros(2, np.int16),
        )


def test_a_column_of_the_wrong_type_is_refused_by_name() -> None:
    with pytest.raises(InvalidColumnsError, match=r"nationality must be .* int16 array, got int64"):
        TravellerColumns(nationality=np.zeros(3, np.int64))


def test_a_traveller_index_beyond_the_count_is_refused() -> None:
    with pytest.raises(InvalidColumnsError, match="travellers_count"):
        days_used_on(columns(stay_row(5, days_before(5), None)), 2, ON)


# Property: the columns agree with the pure per-traveller engine on random small histories.

BASE = ON - timedelta(days=400)


@st.composite
def histories(draw: st.DrawFn) -> list[Stay]:
    """Chronological stays that never overlap; a gap of 0 is an exit and re-entry that day."""
    stays = []
    entry = BASE + timedelta(days=draw(st.integers(0, 120)))
    for _ in range(draw(st.integers(0, 6))):
        exit_ = entry + timedelta(days=draw(st.integers(0, 100)))
        stays.append(Stay(entry, exit_))
        entry = exit_ + timedelta(days=draw(st.one_of(st.just(0), st.integers(1, 60))))
    if draw(st.booleans()):
        stays.append(Stay(entry))
    return stays


@settings(max_examples=150, deadline=None)
@given(
    people=st.lists(histories(), min_size=1, max_size=5),
    on=st.builds(lambda days: BASE + timedelta(days=days), st.integers(0, 800)),
    order=st.randoms(use_true_random=False),
)
def test_days_used_on_matches_the_pure_engine_for_every_traveller(
    people: list[list[Stay]], on: date, order: random.Random
) -> None:
    rows = [
        stay_row(traveller, stay.entry, stay.exit)
        for traveller, stays in enumerate(people)
        for stay in stays
    ]
    order.shuffle(rows)

    found = days_used_on(columns(*rows), len(people), on)

    assert found.tolist() == [days_used(PresenceHistory.from_stays(stays), on) for stays in people]
