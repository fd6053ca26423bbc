"""Blocking keys: what an entry and a query must share to be compared at all. Pure.

A key is a name part's consonant skeleton with close consonants merged (k/g/c/q,
s/z/ʒ, b/p, d/t, l/r, v/f/w; vowels and h dropped, since the engine forgives those), and
the skeleton with one consonant deleted: two spellings that differ by one consonant
(inserted, dropped or replaced) share a key. Names listed as forms of one name (Ted,
Theodore) share their cluster's key. A skeleton paired with the year of birth makes
a rarer key, so that common names still find the right people first; the query asks
for the years the engine does not veto (two either side).

An entry and a query the engine matches share at least one key unless every name part
of one differs from every part of the other by two consonants or more.
"""

from collections.abc import Iterable

from limes.screening.birth_dates import VETO_YEARS, parse_partial
from limes.screening.engine import prepared_names
from limes.screening.latin import consonant_classes
from limes.screening.model import Person
from limes.screening.name_variants import variant_keys
from limes.screening.parts import Role
from limes.screening.prepared import Part

_DROPPED = frozenset("aeiouyh")


def skeleton_key(form: str) -> str:
    classed = consonant_classes(form)
    out: list[str] = []
    for character in classed:
        if character in _DROPPED or (out and out[-1] == character):
            continue
        out.append(character)
    return "".join(out) or form[:3]


def _part_skeletons(part: Part) -> set[str]:
    return {skeleton_key(form) for form in part.forms if form}


def _usable(part: Part) -> bool:
    return not part.is_initial and part.role is not Role.PARTICLE and len(part.form) >= 2


def _name_keys(parts: Iterable[Part], years: tuple[int, ...]) -> set[str]:
    keys: set[str] = set()
    for part in parts:
        if not _usable(part):
            continue
        for skeleton in _part_skeletons(part):
            keys.add(f"d:{skeleton}")
            if len(skeleton) >= 3:
                keys.update(f"d:{skeleton[:i]}{skeleton[i + 1 :]}" for i in range(len(skeleton)))
            keys.update(f"y:{skeleton}|{year}" for year in years)
        for form in part.forms:
            keys.update(f"v:{key}" for key in variant_keys(form))
    return keys


def _keys(person: Person, spread: int) -> frozenset[str]:
    birth = parse_partial(person.birth_date)
    years = tuple(range(birth.year - spread, birth.year + spread + 1)) if birth else ()
    keys: set[str] = set()
    for name in prepared_names(person):
        keys |= _name_keys(name.parts, years)
    return frozenset(keys)


def entry_keys(person: Person) -> frozenset[str]:
    """The keys a watchlist entry or alert is filed under."""
    return _keys(person, 0)


def query_keys(person: Person) -> frozenset[str]:
    """The keys to look up for a query: the entry keys, with the tolerated birth years."""
    return _keys(person, VETO_YEARS - 1)
