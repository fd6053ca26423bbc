"""MID statistics (Reg. 2019/817 art. 74(5)-(6) and 2019/818 art. 62): the number of links
of each colour, and how long yellow and red links stayed in the system. Pure.

A link is "yellow" from its creation until its first manual verification; it is "red"
from the change that made it red until a later change made it another colour (or until
now, for a link that is still red).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from limes.interop.model import Link, LinkColour


@dataclass(frozen=True, slots=True, kw_only=True)
class Durations:
    """Hours a colour lasted: for closed spells and for the ones still open at `now`."""

    closed: int
    closed_median_hours: float | None
    closed_max_hours: float | None
    still_open: int
    open_median_hours: float | None
    open_max_hours: float | None
    overdue: int  # yellow only: open past the verification deadline


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkStatistics:
    by_colour: dict[str, int]
    yellow: Durations
    red: Durations


def link_statistics(links: Iterable[Link], now: datetime) -> LinkStatistics:
    counts = {colour.value: 0 for colour in LinkColour}
    spells: dict[LinkColour, tuple[list[float], list[float]]] = {
        LinkColour.YELLOW: ([], []),
        LinkColour.RED: ([], []),
    }
    overdue = 0
    for link in links:
        counts[link.colour.value] += 1
        if link.colour is LinkColour.YELLOW and link.verify_by is not None and link.verify_by < now:
            overdue += 1
        for colour, started, ended in colour_spells(link):
            if colour in spells:
                closed, still_open = spells[colour]
                hours = ((ended or now) - started).total_seconds() / 3600
                (still_open if ended is None else closed).append(hours)
    return LinkStatistics(
        by_colour=counts,
        yellow=_durations(*spells[LinkColour.YELLOW], overdue=overdue),
        red=_durations(*spells[LinkColour.RED], overdue=0),
    )


def colour_spells(link: Link) -> list[tuple[LinkColour, datetime, datetime | None]]:
    """(colour, from, until) for each colour the link had; `until` None while it lasts."""
    spells: list[tuple[LinkColour, datetime, datetime | None]] = []
    for index, change in enumerate(link.history):
        following = link.history[index + 1].at if index + 1 < len(link.history) else None
        spells.append((change.colour, change.at, following))
    return spells


def _durations(closed: list[float], still_open: list[float], *, overdue: int) -> Durations:
    return Durations(
        closed=len(closed),
        closed_median_hours=_median(closed),
        closed_max_hours=round(max(closed), 2) if closed else None,
        still_open=len(still_open),
        open_median_hours=_median(still_open),
        open_max_hours=round(max(still_open), 2) if still_open else None,
        overdue=overdue,
    )


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    value = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return round(value, 2)
