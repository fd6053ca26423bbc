"""Blocking keys of one name: what two names must share for the engine to match them. Pure.

A key is a name part's consonant skeleton with close consonants merged (k/g/c/q,
s/z/ʒ, b/p, d/t, l/r, v/f/w; vowels and h dropped, since the engine forgives those), and
the skeleton with one consonant deleted: two spellings that differ by one consonant
(inserted, dropped or replaced) share a key. Names listed as forms of one name (Ted,
Theodore) share their cluster's key; spellings of four letters or more share their first
three letters. `keys.py` adds the year of birth for the index; the
engine skips name pairs that share no key, since it could not match them.
"""

from functools import lru_cache

from limes.screening.latin import consonant_classes
from limes.screening.name_variants import variant_keys
from limes.screening.parts import Role
from limes.screening.prepared import Part, PreparedName

_DROPPED = frozenset("aeiouyh")


def skeleton_key(form: str) -> str:
    classed = consonant_classes(form)
    out: list[str] = []
    for character in classed:
        if character in _DROPPED or (out and out[-1] == character):
            continue
        out.append(character)
    return "".join(out) or form[:3]


def usable(part: Part) -> bool:
    """Initials and particles make no keys: they match too much."""
    return not part.is_initial and part.role is not Role.PARTICLE and len(part.form) >= 2


def part_skeletons(part: Part) -> frozenset[str]:
    return frozenset(skeleton_key(form) for form in part.forms if form)


@lru_cache(maxsize=262144)
def part_keys(part: Part) -> frozenset[str]:
    keys: set[str] = set()
    if not usable(part):
        return frozenset()
    for skeleton in part_skeletons(part):
        keys.add(f"d:{skeleton}")
        if len(skeleton) >= 3:
            keys.update(f"d:{skeleton[:i]}{skeleton[i + 1 :]}" for i in range(len(skeleton)))
    for form in part.forms:
        keys.update(f"v:{key}" for key in variant_keys(form))
        if len(form) >= 4 and not part.skeletons:
            keys.add(f"p:{form[:3]}")  # a typo that changes the skeleton keeps the start
    return frozenset(keys)


@lru_cache(maxsize=131072)
def name_keys(name: PreparedName) -> frozenset[str]:
    return frozenset().union(*(part_keys(part) for part in name.parts))
