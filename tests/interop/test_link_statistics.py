"""Links per colour and how long yellow and red links stayed (Reg. 2019/818 art. 62)."""

from datetime import timedelta

from limes.interop.link_statistics import colour_spells, link_statistics
from limes.interop.links import change_colour
from limes.interop.model import LinkColour
from tests.interop.test_links import NOW, yellow_link


def test_counts_and_durations() -> None:
    open_yellow = yellow_link()  # created at NOW, due two hours later
    green = change_colour(
        yellow_link(),
        LinkColour.GREEN,
        at=NOW + timedelta(hours=4),
        by="a",
        authority="K",
        reason="r",
    )
    red = change_colour(
        yellow_link(),
        LinkColour.RED,
        at=NOW + timedelta(hours=1),
        by="a",
        authority="K",
        reason="r",
    )
    corrected = change_colour(
        red, LinkColour.WHITE, at=NOW + timedelta(hours=11), by="b", authority="K", reason="r"
    )
    stats = link_statistics([open_yellow, green, red, corrected], now=NOW + timedelta(hours=6))

    assert stats.by_colour == {"yellow": 1, "green": 1, "red": 1, "white": 1}
    # Yellow spells: open 6 h (overdue), and three closed after 4 h, 1 h and 1 h.
    assert stats.yellow.still_open == 1
    assert stats.yellow.open_max_hours == 6.0
    assert stats.yellow.overdue == 1
    assert stats.yellow.closed == 3
    assert stats.yellow.closed_median_hours == 1.0
    assert stats.yellow.closed_max_hours == 4.0
    # Red spells: one still red for 5 h, one corrected after 10 h.
    assert stats.red.still_open == 1
    assert stats.red.open_max_hours == 5.0
    assert stats.red.closed == 1
    assert stats.red.closed_max_hours == 10.0


def test_spells_follow_the_history() -> None:
    red = change_colour(
        yellow_link(),
        LinkColour.RED,
        at=NOW + timedelta(hours=1),
        by="a",
        authority="K",
        reason="r",
    )
    spells = colour_spells(red)
    assert [(colour, end is None) for colour, _, end in spells] == [
        (LinkColour.YELLOW, False),
        (LinkColour.RED, True),
    ]


def test_no_links_no_durations() -> None:
    stats = link_statistics([], now=NOW)
    assert stats.by_colour == {"yellow": 0, "green": 0, "red": 0, "white": 0}
    assert stats.yellow.closed_median_hours is None
    assert stats.red.open_max_hours is None
