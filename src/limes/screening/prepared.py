"""A name taken apart for matching: its parts, each with its Latin forms and role. Pure.

`prepare_name` reads a `Name` as ICAO 9303 MRZ (`PRIMARY<<SECONDARY`, fillers, truncation
at the end of the field), as "FAMILY, Given", as structured family/given fields, or as
free text in unknown order, in any script, and returns `PreparedName`.
"""

from dataclasses import dataclass
from functools import lru_cache

from limes.core.mrz.names import is_possibly_truncated, split_name
from limes.screening.latin import abjad_skeletons, canonical, fold
from limes.screening.model import Name
from limes.screening.name_variants import cognate_clusters, same_name_clusters
from limes.screening.parts import NASAB, PARTICLES, SUFFIXES, TITLES, Role, is_patronymic
from limes.screening.romanisation import arabic_from_mrz, readings
from limes.screening.scripts import Script, script_of

# MRZ name fields are 39 (TD3), 31 (TD2) or 30 (TD1) characters (Doc 9303 Parts 4-6).
_MRZ_FIELD_WIDTHS = frozenset({30, 31, 39})


# Compared by identity: parts are made once per name (prepare_name is cached) and used as
# keys of the pair caches, where hashing their fields on every lookup would cost more.
@dataclass(frozen=True, slots=True, eq=False)
class Part:
    """One name part: canonical Latin forms (one per reading) and what it is."""

    text: str  # as written (for explanations)
    forms: tuple[str, ...]  # canonical Latin forms
    skeletons: tuple[str, ...]  # consonant skeletons, when the script writes no vowels
    raw: tuple[str, ...]  # the Latin spellings as read, before `canonical`
    same_name: frozenset[int]  # clusters of name_variants it belongs to
    cognates: frozenset[int]
    starts: frozenset[str]  # first letters of its forms
    initial: str  # the ASCII first letter, for initials
    role: Role
    system: str  # the romanisation used, "" for Latin
    is_initial: bool = False
    truncated: bool = False

    @property
    def form(self) -> str:
        return self.forms[0]


@dataclass(frozen=True, slots=True)
class PreparedName:
    display: str
    parts: tuple[Part, ...]
    suffix: str | None  # generational suffix: "junior", "senior", "ii", ...
    order_known: bool


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    role: Role
    script: Script


_SEPARATORS = str.maketrans(dict.fromkeys('-‐‑–—,.;:/()[]"', " "))


def _words(text: str, role: Role) -> list[_Word]:
    """Split on spaces, hyphens and punctuation; keep scripts apart."""
    return [
        _Word(word, role, Script.LATIN if word.isascii() else script_of(word))
        for word in text.translate(_SEPARATORS).split()
    ]


def _group_by_script(words: list[_Word]) -> list[list[_Word]]:
    groups: list[list[_Word]] = []
    for word in words:
        if groups and groups[-1][0].script == word.script and word.script is not Script.LATIN:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _latin_tokens(group: list[_Word]) -> list[tuple[str, Role, str, bool]]:
    """(folded token, role, system, abjad) for a run of words in one script."""
    script = group[0].script
    if script is Script.LATIN:
        return [
            (token, word.role, "", False) for word in group for token in fold(word.text).split()
        ]
    # Non-Latin runs are read together: Han and Hangul names come without spaces.
    text = " ".join(word.text for word in group)
    found = readings(text, script)
    if not found:
        return []
    best = found[0]
    tokens = best.text.split()
    roles = [group[min(index, len(group) - 1)].role for index in range(len(tokens))]
    if script in (Script.HAN, Script.HANGUL) and len(tokens) == 2 and len(group) == 1:
        roles = [Role.FAMILY, Role.GIVEN] if group[0].role is Role.UNKNOWN else roles
    alternatives = [reading.text.split() for reading in found[1:]]
    out: list[tuple[str, Role, str, bool]] = []
    for index, token in enumerate(tokens):
        variants = [token] + [alt[index] for alt in alternatives if len(alt) == len(tokens)]
        out.append(("|".join(dict.fromkeys(variants)), roles[index], best.system, best.abjad))
    return out


@lru_cache(maxsize=262144)
def make_part(token: str, role: Role, system: str, abjad: bool, truncated: bool) -> Part:
    """One part, shared by every name that holds the same token in the same role (cached)."""
    variants = token.split("|")
    # The Arabic article written onto the name: Elkaddafi, Alqadhafi, الزهراني (alzhrani).
    shortest = 4 if abjad else 7
    variants += [
        variant[2:]
        for variant in variants
        if variant[:2] in ("al", "el") and len(variant) >= shortest
    ]
    canonical_forms = [canonical(variant) for variant in variants]
    # The spelling as written (doubles merged) too: a typo next to a digraph must not
    # grow into two edits once the digraph is rewritten (Sauel/Samuel, Doota/Dorota).
    plain_forms = [] if abjad else variants
    forms = tuple(dict.fromkeys(canonical_forms + plain_forms))
    skeletons = (
        tuple(dict.fromkeys(s for v in variants for s in abjad_skeletons(v))) if abjad else ()
    )
    return Part(
        text=variants[0],
        forms=forms,
        skeletons=skeletons,
        raw=tuple(dict.fromkeys(variants)),
        same_name=frozenset().union(*(same_name_clusters(form) for form in forms)),
        cognates=frozenset().union(*(cognate_clusters(form) for form in forms)),
        starts=frozenset(form[:1] for form in forms),
        initial=variants[0][:1],
        role=role,
        system=system,
        is_initial=len(variants[0]) == 1 and not abjad,
        truncated=truncated,
    )


def _parse_mrz(text: str) -> tuple[list[_Word], bool, str]:
    field = text.strip().upper()
    primary, secondary = split_name(field)
    truncated = len(field) in _MRZ_FIELD_WIDTHS and is_possibly_truncated(field)
    arabic = arabic_from_mrz((primary + " " + secondary).split())
    if arabic is not None:
        primary_count = len(primary.split())
        arabic_words = arabic.split()
        words = [
            _Word(word, Role.FAMILY if index < primary_count else Role.GIVEN, script_of(word))
            for index, word in enumerate(arabic_words)
        ]
        return words, False, "Arabic, ICAO 9303 MRZ scheme"
    words = _words(primary, Role.FAMILY) + _words(secondary, Role.GIVEN)
    return words, truncated, ""


def _raw_words(name: Name) -> tuple[list[_Word], bool, bool]:
    """The words of a name with roles; whether the order is known; whether truncated."""
    if name.family or name.given:
        words = _words(name.family, Role.FAMILY) + _words(name.given, Role.GIVEN)
        return words, True, False
    text = name.text
    if "<" in text:
        words, truncated, _ = _parse_mrz(text)
        return words, True, truncated
    if "," in text:
        family, _, given = text.partition(",")
        return _words(family, Role.FAMILY) + _words(given, Role.GIVEN), True, False
    return _words(text, Role.UNKNOWN), False, False


@lru_cache(maxsize=65536)
def prepare_name(name: Name) -> PreparedName:
    words, order_known, truncated = _raw_words(name)
    tokens: list[tuple[str, Role, str, bool]] = []
    for group in _group_by_script(words):
        tokens.extend(_latin_tokens(group))
    suffix: str | None = None
    kept: list[tuple[str, Role, str, bool]] = []
    for token, role, system, abjad in tokens:
        plain = token.split("|")[0]
        if plain in TITLES and len(tokens) > 2:
            continue
        if plain in SUFFIXES and kept:
            suffix = SUFFIXES[plain]
            continue
        kept.append((token, role, system, abjad))
    parts: list[Part] = []
    after_nasab = False
    for index, (token, role, system, abjad) in enumerate(kept):
        plain = token.split("|")[0]
        is_last = index == len(kept) - 1
        if plain in PARTICLES and not is_last and _may_be_particle(kept, index):
            part_role = Role.PARTICLE
        elif after_nasab or is_patronymic(plain):
            part_role = Role.PATRONYMIC
        else:
            part_role = role
        after_nasab = plain in NASAB
        parts.append(make_part(token, part_role, system, abjad, truncated and is_last))
    parts = _join_abd(parts)
    return PreparedName(
        display=name.display(), parts=tuple(parts), suffix=suffix, order_known=order_known
    )


def _may_be_particle(tokens: list[tuple[str, Role, str, bool]], index: int) -> bool:
    """A particle precedes a name and never opens the given names or a free-text name.

    "Bin Zhao" and "Van Morrison" are given names; "BIN LADIN, Osama" opens a family name.
    """
    role = tokens[index][1]
    if index == 0:
        return role is Role.FAMILY
    return not (role is Role.GIVEN and tokens[index - 1][1] is not Role.GIVEN)


_ABD_ARTICLES = frozenset({"al", "el", "ul", "ar", "er", "ur", "as", "an", "ad", "az", "at"})


def _join_abd(parts: list[Part]) -> list[Part]:
    """'Abd al-Aziz', 'Abdel Aziz' and 'Abdul Aziz' are one name part pattern: abdul + aziz."""
    out: list[Part] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        if part.form == "abd" and following is not None and following.form in _ABD_ARTICLES:
            out.append(make_part("abdul", part.role, part.system, bool(part.skeletons), False))
            index += 2
            continue
        if part.form in ("abdel", "abdal", "abdol", "abdu", "abdoul"):
            out.append(make_part("abdul", part.role, part.system, bool(part.skeletons), False))
            index += 1
            continue
        out.append(part)
        index += 1
    return out
