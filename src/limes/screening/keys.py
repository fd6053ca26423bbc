"""Blocking keys: what an entry and a query must share to be compared at all. Pure.

The keys of each name (`name_keys.py`: consonant skeletons, one consonant deleted,
nickname clusters), and for the index a skeleton paired with the year of birth makes
a rarer key, so that common names still find the right people first; the query asks
for the years the engine does not veto (two either side).

An entry and a query the engine matches share at least one key unless every name part
of one differs from every part of the other by two consonants or more.
"""

from limes.screening.birth_dates import VETO_YEARS, parse_partial
from limes.screening.engine import prepared_names
from limes.screening.model import Person
from limes.screening.name_keys import name_keys as _plain_keys
from limes.screening.name_keys import part_keys, part_skeletons, usable
from limes.screening.parts import Role


def _keys(person: Person, spread: int) -> frozenset[str]:
    birth = parse_partial(person.birth_date)
    years = tuple(range(birth.year - spread, birth.year + spread + 1)) if birth else ()
    keys: set[str] = set()
    for name in prepared_names(person):
        keys |= _plain_keys(name)
        for part in name.parts:
            if usable(part):
                keys.update(
                    f"y:{skeleton}|{year}" for skeleton in part_skeletons(part) for year in years
                )
    return frozenset(keys)


def query_part_keys(person: Person) -> list[tuple[frozenset[str], bool]]:
    """The query's keys part by part (each distinct part once), True for family names:
    how much of each part an entry shares ranks it in the index."""
    seen: dict[frozenset[str], bool] = {}
    for name in prepared_names(person):
        for part in name.parts:
            keys = part_keys(part)
            if keys:
                seen[keys] = seen.get(keys, False) or part.role is Role.FAMILY
    return list(seen.items())


def entry_keys(person: Person) -> frozenset[str]:
    """The keys a watchlist entry or alert is filed under."""
    return _keys(person, 0)


def query_keys(person: Person) -> frozenset[str]:
    """The keys to look up for a query: the entry keys, with the tolerated birth years."""
    return _keys(person, VETO_YEARS - 1)
