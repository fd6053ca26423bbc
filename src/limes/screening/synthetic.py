"""Synthetic watchlists in several scripts, and queries planted to find their entries.

A watchlist entry is drawn from an `Identity`: the whole person (every name part in its own
script with its Latin spellings, `synthetic_names`, a full date of birth, sex, nationality),
of which the entry shows what a real list would: a name in the original script or one
romanisation, sometimes an alias, a date of birth that may be full, a year or missing,
and, for some ETIAS watchlist entries, only a surname and a date of birth
(Reg. 2018/1240 art. 34(4)). Common names repeat as they do in life: names are drawn with
Zipf weights (rank r has weight 1/r), so the first names of each table dominate.

`plant_queries` makes applicants who are the same person as a chosen entry, written
differently (another romanisation system or script, a typo, another order or the MRZ form,
a dropped middle name or patronymic, a diacritic variant, a date of birth off by a day,
swapped or reduced to the year), each with the entry id it must find. Everything is drawn
from the `random.Random` passed in, so a seed gives the same population and queries.
"""

import random
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from itertools import accumulate
from typing import Final

from limes.core.mrz.names import format_name_field
from limes.core.names import to_mrz_characters
from limes.screening import synthetic_names as tables
from limes.screening.model import Name, NameKind, Person
from limes.screening.synthetic_names import NameForms
from limes.seed.name_tables import NAME_TABLES

NATIVE: Final = "native"  # the name in its own script (for Latin-script names: with diacritics)
_MRZ_WIDTH: Final = 39  # TD3 name field, Doc 9303 Part 4
_EARLIEST_BIRTH: Final = date(1945, 1, 1)
_LATEST_BIRTH: Final = date(2006, 12, 31)


class Culture(StrEnum):
    ENGLISH = "english"
    SPANISH = "spanish"
    PORTUGUESE = "portuguese"
    GERMAN = "german"
    FRENCH = "french"
    DUTCH = "dutch"
    POLISH = "polish"
    TURKISH = "turkish"
    NIGERIAN = "nigerian"
    RUSSIAN = "russian"
    UKRAINIAN = "ukrainian"
    BELARUSIAN = "belarusian"
    ARABIC = "arabic"
    CHINESE = "chinese"
    GREEK = "greek"


class Script(StrEnum):
    LATIN = "latin"
    CYRILLIC = "cyrillic"
    ARABIC = "arabic"
    HAN = "han"
    GREEK = "greek"


@dataclass(frozen=True, slots=True)
class CultureTables:
    """What the generator draws one culture's people from."""

    script: Script
    weight: float  # share of the watchlist
    male: tuple[NameForms, ...]
    female: tuple[NameForms, ...]
    surnames: tuple[NameForms, ...]
    female_surnames: tuple[NameForms, ...]  # aligned with surnames; empty = not gendered
    systems: tuple[tuple[str, float], ...]  # Latin spelling systems and how often lists use them
    nationalities: tuple[str, ...]
    second_given_share: float = 0.0
    double_surname_share: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Identity:
    """The whole person behind an entry; the entry shows only part of it."""

    culture: Culture
    sex: str
    given: tuple[NameForms, ...]  # Chinese: the syllables of one given name
    family: tuple[NameForms, ...]  # empty for Arabic names without a family name
    father: tuple[NameForms, ...] = ()  # patronymic (Russian) or nasab chain (Arabic)
    family_article: bool = False  # Arabic family name written with al-
    birth_date: date
    nationality: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendering:
    """How a person's name is written: spelling system, layout and which parts show."""

    system: str = NATIVE
    layout: str = "structured"  # structured, given_family, family_given, family_comma, mrz
    keep_middle: bool = True
    surname_only: bool = False
    nasab_particle: str = ""  # Arabic: "bin", "ibn", "ben" between given and father's name
    article: str = "al-"  # Arabic: how the family name's article is written
    spelling_seed: int = 0  # picks among several spellings in one system (Arabic)


@dataclass(frozen=True, slots=True)
class WatchlistEntry:
    entry_id: str
    person: Person
    identity: Identity
    rendering: Rendering


@dataclass(frozen=True, slots=True)
class PlantedQuery:
    """An applicant who is the person of entry `entry_id`, and how the writing differs."""

    person: Person
    entry_id: str
    variations: tuple[str, ...]


# -- tables -------------------------------------------------------------------------------------


def _latin_forms(names: Sequence[str], sex: str = "") -> tuple[NameForms, ...]:
    """Latin-script names with their ICAO MRZ spelling (Ü -> UE) and the plain-ASCII one."""
    return tuple(
        NameForms(name, ((NATIVE, name), ("icao", _icao_latin(name)), ("ascii", _ascii(name))), sex)
        for name in names
    )


def _icao_latin(name: str) -> str:
    """Doc 9303 Part 3 letters in ordinary case (MÜLLER -> Mueller), spaces and hyphens kept."""
    return "-".join(
        " ".join(word.capitalize() for word in to_mrz_characters(piece).split())
        for piece in name.split("-")
    )


def _ascii(name: str) -> str:
    """Diacritics dropped as airline and older systems do (Müller -> Muller, Łukasz -> Lukasz)."""
    folded = name.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _seed_table(nationality: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    table = next(table for table in NAME_TABLES if table.nationality == nationality)
    return table.male_given_names, table.female_given_names, table.surnames


def _merged(*lists: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for names in lists for name in names))


def _polish_feminine(surname: str) -> str:
    """Polish -ski/-cki/-dzki surnames take -ska/-cka/-dzka for women; others do not change."""
    return surname[:-1] + "a" if surname.endswith(("ski", "cki", "dzki")) else surname


def _latin_culture(
    male: Sequence[str],
    female: Sequence[str],
    surnames: Sequence[str],
    nationalities: tuple[str, ...],
    weight: float,
    **shares: float,
) -> CultureTables:
    return CultureTables(
        script=Script.LATIN,
        weight=weight,
        male=_latin_forms(male, "M"),
        female=_latin_forms(female, "F"),
        surnames=_latin_forms(surnames),
        female_surnames=(),
        # Lists keep diacritics, or write the MRZ form, or plain ASCII.
        systems=((NATIVE, 0.6), ("icao", 0.25), ("ascii", 0.15)),
        nationalities=nationalities,
        **shares,
    )


@cache
def culture_tables() -> dict[Culture, CultureTables]:
    """Every culture's tables (built once)."""
    gbr, usa, bra = _seed_table("GBR"), _seed_table("USA"), _seed_table("BRA")
    mex, arg, tur, nga = (_seed_table(code) for code in ("MEX", "ARG", "TUR", "NGA"))
    polish = _latin_culture(
        tables.POLISH_MALE_GIVEN, tables.POLISH_FEMALE_GIVEN, tables.POLISH_SURNAMES, ("POL",), 4
    )
    polish_feminine = _latin_forms([_polish_feminine(s) for s in tables.POLISH_SURNAMES])
    return {
        Culture.ENGLISH: _latin_culture(
            _merged(gbr[0], usa[0]), _merged(gbr[1], usa[1]), _merged(gbr[2], usa[2]),
            ("GBR", "USA", "IRL", "AUS", "CAN"), 9, second_given_share=0.5,
        ),
        Culture.SPANISH: _latin_culture(
            _merged(mex[0], arg[0]), _merged(mex[1], arg[1]), _merged(mex[2], arg[2]),
            ("ESP", "MEX", "COL", "ARG", "VEN"), 7, second_given_share=0.4,
            double_surname_share=0.7,
        ),
        Culture.PORTUGUESE: _latin_culture(
            *bra, ("BRA", "PRT"), 4, second_given_share=0.4, double_surname_share=0.5
        ),
        Culture.GERMAN: _latin_culture(
            tables.GERMAN_MALE_GIVEN, tables.GERMAN_FEMALE_GIVEN, tables.GERMAN_SURNAMES,
            ("DEU", "AUT", "CHE"), 5, second_given_share=0.3,
        ),
        Culture.FRENCH: _latin_culture(
            tables.FRENCH_MALE_GIVEN, tables.FRENCH_FEMALE_GIVEN, tables.FRENCH_SURNAMES,
            ("FRA", "BEL", "CHE"), 5, second_given_share=0.3,
        ),
        Culture.DUTCH: _latin_culture(
            tables.DUTCH_MALE_GIVEN, tables.DUTCH_FEMALE_GIVEN, tables.DUTCH_SURNAMES,
            ("NLD", "BEL"), 3, second_given_share=0.3,
        ),
        Culture.POLISH: replace(
            polish, female_surnames=polish_feminine, second_given_share=0.2
        ),
        Culture.TURKISH: _latin_culture(*tur, ("TUR",), 6, second_given_share=0.1),
        Culture.NIGERIAN: _latin_culture(*nga, ("NGA",), 5, second_given_share=0.4),
        Culture.RUSSIAN: CultureTables(
            Script.CYRILLIC, 12, tables.RUSSIAN_MALE_GIVEN, tables.RUSSIAN_FEMALE_GIVEN,
            tables.RUSSIAN_SURNAMES, tables.RUSSIAN_FEMALE_SURNAMES,
            (("icao", 0.35), ("bgn_pcgn", 0.3), ("gost_779_b", 0.05),
             ("french_mvd_310", 0.15), ("german_duden", 0.15)),
            ("RUS", "RUS", "RUS", "KAZ"),
        ),
        Culture.UKRAINIAN: CultureTables(
            Script.CYRILLIC, 5, tables.UKRAINIAN_MALE_GIVEN, tables.UKRAINIAN_FEMALE_GIVEN,
            tables.UKRAINIAN_SURNAMES, (), (("ukraine_2010", 0.7), ("icao", 0.3)), ("UKR",),
        ),
        Culture.BELARUSIAN: CultureTables(
            Script.CYRILLIC, 2, tables.BELARUSIAN_MALE_GIVEN, tables.BELARUSIAN_FEMALE_GIVEN,
            tables.BELARUSIAN_SURNAMES, tables.BELARUSIAN_FEMALE_SURNAMES,
            (("icao", 0.6), ("bgn_pcgn", 0.4)), ("BLR",),
        ),
        Culture.ARABIC: CultureTables(
            Script.ARABIC, 20, tables.ARABIC_MALE_GIVEN, tables.ARABIC_FEMALE_GIVEN,
            tables.ARABIC_FAMILY_WITH_ARTICLE + tables.ARABIC_FAMILY, (), (("usual", 1.0),),
            ("SYR", "IRQ", "EGY", "SAU", "JOR", "LBN", "MAR", "DZA", "TUN", "LBY", "YEM"),
        ),
        Culture.CHINESE: CultureTables(
            Script.HAN, 7, tables.CHINESE_GIVEN_SYLLABLES, tables.CHINESE_GIVEN_SYLLABLES,
            tables.CHINESE_SURNAMES, (),
            (("pinyin", 0.8), ("wade_giles", 0.1), ("cantonese_hk", 0.1)), ("CHN", "TWN"),
        ),
        Culture.GREEK: CultureTables(
            Script.GREEK, 3, tables.GREEK_MALE_GIVEN, tables.GREEK_FEMALE_GIVEN,
            tables.GREEK_SURNAMES, tables.GREEK_FEMALE_SURNAMES,
            (("elot_743", 0.8), ("attested", 0.2)), ("GRC", "CYP"),
        ),
    }  # fmt: skip


@cache
def _zipf_weights(count: int) -> tuple[float, ...]:
    """Cumulative Zipf weights for a table of `count` names (rank r weighs 1/r)."""
    return tuple(accumulate(1.0 / rank for rank in range(1, count + 1)))


def _zipf(rng: random.Random, names: Sequence[NameForms]) -> NameForms:
    return rng.choices(names, cum_weights=_zipf_weights(len(names)))[0]


# -- identities ---------------------------------------------------------------------------------


def make_identity(rng: random.Random, culture: Culture | None = None) -> Identity:
    """A whole synthetic person of the culture (drawn by watchlist share when not given)."""
    cultures = culture_tables()
    if culture is None:
        culture = rng.choices(list(cultures), weights=[c.weight for c in cultures.values()])[0]
    source = cultures[culture]
    sex = rng.choice("MF")
    given_names = source.male if sex == "M" else source.female
    family_index = rng.choices(
        range(len(source.surnames)), cum_weights=_zipf_weights(len(source.surnames))
    )[0]
    family = (
        source.female_surnames[family_index]
        if sex == "F" and source.female_surnames
        else source.surnames[family_index]
    )
    families = [family]
    if rng.random() < source.double_surname_share:
        families.append(_zipf(rng, source.surnames))
    father: tuple[NameForms, ...] = ()
    article = False
    if culture is Culture.CHINESE:
        given = _chinese_given(rng, sex)
    else:
        given = (_zipf(rng, given_names),)
        if rng.random() < source.second_given_share:
            second = _zipf(rng, given_names)
            if second != given[0]:
                given += (second,)
    if culture is Culture.RUSSIAN:
        father = (_patronymic(rng, sex),)
    elif culture is Culture.ARABIC:
        father = tuple(_zipf(rng, source.male) for _ in range(rng.choice((1, 1, 2))))
        article = family in tables.ARABIC_FAMILY_WITH_ARTICLE
        if rng.random() < 0.15:  # no family name: given name and nasab only
            families, article = [], False
    span = (_LATEST_BIRTH - _EARLIEST_BIRTH).days
    return Identity(
        culture=culture,
        sex=sex,
        given=given,
        family=tuple(families),
        father=father,
        family_article=article,
        birth_date=_EARLIEST_BIRTH + timedelta(days=rng.randrange(span + 1)),
        nationality=rng.choice(source.nationalities),
    )


def _chinese_given(rng: random.Random, sex: str) -> tuple[NameForms, ...]:
    leaning = [s for s in tables.CHINESE_GIVEN_SYLLABLES if s.sex == sex]
    count = 1 if rng.random() < 0.3 else 2
    return tuple(_zipf(rng, leaning) for _ in range(count))


def _patronymic(rng: random.Random, sex: str) -> NameForms:
    """The patronymic of a Russian, from the father's given name drawn like any man's."""
    row = rng.choices(
        range(len(tables.RUSSIAN_MALE_GIVEN)),
        cum_weights=_zipf_weights(len(tables.RUSSIAN_MALE_GIVEN)),
    )[0]
    patronymics = tables.RUSSIAN_PATRONYMIC_MALE if sex == "M" else tables.RUSSIAN_PATRONYMIC_FEMALE
    return patronymics[row]


# -- writing names ------------------------------------------------------------------------------

_ARTICLES: Final = ("al-", "Al-", "Al ", "Al", "El ", "el-", "sun")


@cache
def _spelling_slots(count: int) -> tuple[int, ...]:
    """16 slots shared among `count` spellings by Zipf weight: the first is the usual one."""
    weights = [1.0 / rank for rank in range(1, count + 1)]
    slots = [min(int(16 * w / sum(weights) + 0.5), 16) or 1 for w in weights]
    return tuple(index for index, many in enumerate(slots) for _ in range(many))[:16]


def _spell(forms: NameForms, rendering: Rendering, position: int) -> str:
    if rendering.system == NATIVE:
        return forms.native
    if rendering.system == "usual":  # several spellings in one system: the seed picks one
        latin = forms.latin
        slots = _spelling_slots(len(latin))
        return latin[slots[(rendering.spelling_seed >> (4 * position)) % len(slots)]]
    return forms.spelling(rendering.system)


def _arabic_family(forms: NameForms, identity: Identity, rendering: Rendering, spelled: str) -> str:
    if not identity.family_article:
        return spelled
    if rendering.system == NATIVE:
        return spelled
    article = rendering.article
    if article == "sun":  # the article assimilates to a sun letter: ash-Shami, ad-Dosari
        if forms.native[2:3] in tables.ARABIC_SUN_LETTERS:
            head = spelled[:2] if spelled[:2].lower() in ("sh", "th", "dh") else spelled[:1]
            return f"a{head.lower()}-{spelled}"
        article = "al-"
    return f"{article}{spelled}"


def name_parts(identity: Identity, rendering: Rendering) -> tuple[list[str], list[str]]:
    """(given parts, family parts) as the rendering writes them."""
    given = [_spell(forms, rendering, n) for n, forms in enumerate(identity.given)]
    if identity.culture is Culture.CHINESE:
        given = [_chinese_join(given, rendering.system)]
    elif not rendering.keep_middle:
        given = given[:1]
    fathers_shown = identity.father if rendering.keep_middle else ()
    if not identity.family and identity.father:
        # An Arabic name without a family name keeps the father's name in its place.
        fathers_shown = identity.father[: len(identity.father) if rendering.keep_middle else 1]
    if fathers_shown:
        fathers = [_spell(forms, rendering, 3 + n) for n, forms in enumerate(fathers_shown)]
        if rendering.nasab_particle:
            # In Arabic script the particle is بن whichever Latin form the list uses.
            particle = "بن" if rendering.system == NATIVE else rendering.nasab_particle
            fathers[0] = f"{particle} {fathers[0]}"
        given += fathers
    family = [_spell(forms, rendering, 6 + n) for n, forms in enumerate(identity.family)]
    if identity.culture is Culture.ARABIC and family:
        family[0] = _arabic_family(identity.family[0], identity, rendering, family[0])
    return given, family


def _chinese_join(syllables: list[str], system: str) -> str:
    if system == NATIVE:
        return "".join(syllables)
    if system == "pinyin":
        return "".join(syllables).capitalize()
    return "-".join(syllables).capitalize()  # Wade-Giles and Cantonese hyphenate: Hsiao-ming


def render_name(identity: Identity, rendering: Rendering, kind: NameKind) -> Name:
    """One `Name` of the person in the rendering's system and layout."""
    given_parts, family_parts = name_parts(identity, rendering)
    return _laid_out(given_parts, family_parts, identity, rendering, kind)


def _laid_out(
    given_parts: list[str],
    family_parts: list[str],
    identity: Identity,
    rendering: Rendering,
    kind: NameKind,
) -> Name:
    given, family = " ".join(given_parts), " ".join(family_parts)
    if rendering.surname_only and family:
        return Name(family=family, kind=kind)
    # Chinese names in Han are written family name first, without a space.
    han = identity.culture is Culture.CHINESE and rendering.system == NATIVE
    match rendering.layout:
        case "given_family" | "family_given" if han:
            return Name(text=family + given, kind=kind)
        case "given_family":
            return Name(text=f"{given} {family}".strip(), kind=kind)
        case "family_given":
            return Name(text=f"{family} {given}".strip(), kind=kind)
        case "family_comma" if family and given:
            return Name(text=f"{family.upper()}, {given}", kind=kind)
        case "mrz" if not han:
            primary, secondary = to_mrz_characters(family), to_mrz_characters(given)
            field = format_name_field(primary, secondary, _MRZ_WIDTH)
            return Name(text=field.rstrip("<"), kind=kind)
        case _:
            return Name(family=family, given=given, kind=kind)


def _latin_system(rng: random.Random, source: CultureTables) -> str:
    systems = [system for system, _ in source.systems]
    weights = [weight for _, weight in source.systems]
    return rng.choices(systems, weights=weights)[0]


def _random_rendering(rng: random.Random, identity: Identity, *, native_share: float) -> Rendering:
    source = culture_tables()[identity.culture]
    native = source.script is not Script.LATIN and rng.random() < native_share
    return Rendering(
        system=NATIVE if native else _latin_system(rng, source),
        layout=rng.choices(
            ("structured", "given_family", "family_comma", "family_given"), (60, 15, 20, 5)
        )[0],
        keep_middle=rng.random() < 0.85,
        nasab_particle=(
            rng.choice(("", "", "bin", "ibn", "ben"))
            if identity.culture is Culture.ARABIC and not native
            else ""
        ),
        article=rng.choice(_ARTICLES),
        spelling_seed=rng.getrandbits(32),
    )


# -- entries ------------------------------------------------------------------------------------


def _entry_birth_date(
    rng: random.Random, identity: Identity, surname_only: bool
) -> tuple[str | None, bool]:
    """The date of birth a list shows: full, the year (sometimes marked approximate) or none."""
    draw = rng.random()
    if surname_only or draw < 0.75:
        return identity.birth_date.isoformat(), False
    if draw < 0.87:
        return str(identity.birth_date.year), rng.random() < 0.2
    return None, False


def make_entry(
    rng: random.Random, entry_id: str, identity: Identity | None = None
) -> WatchlistEntry:
    """One watchlist entry or alert drawn for the identity (a new identity when not given)."""
    identity = identity or make_identity(rng)
    rendering = _random_rendering(rng, identity, native_share=0.35)
    # ETIAS watchlist entries may hold only a surname and a date of birth (art. 34(4)).
    surname_only = bool(identity.family) and rng.random() < 0.08
    if surname_only:
        rendering = replace(rendering, surname_only=True)
    names = [render_name(identity, rendering, NameKind.PRIMARY)]
    if not surname_only and rng.random() < 0.2:
        alias = _random_rendering(
            rng, identity, native_share=0.0 if rendering.system == NATIVE else 0.5
        )
        if name_parts(identity, alias) != name_parts(identity, rendering):
            names.append(render_name(identity, alias, NameKind.ALIAS))
    birth_date, approximate = _entry_birth_date(rng, identity, surname_only)
    person = Person(
        names=tuple(names),
        birth_date=birth_date,
        birth_date_approximate=approximate,
        nationalities=(identity.nationality,) if not surname_only and rng.random() < 0.7 else (),
        sex=identity.sex if not surname_only and rng.random() < 0.75 else None,
    )
    return WatchlistEntry(entry_id, person, identity, rendering)


def iter_population(
    rng: random.Random, size: int, *, id_prefix: str = "W"
) -> Iterator[WatchlistEntry]:
    """`size` entries, one at a time (a million entries need not sit in a list twice)."""
    width = max(7, len(str(size)))
    for number in range(size):
        yield make_entry(rng, f"{id_prefix}{number:0{width}d}")


def generate_population(
    rng: random.Random, size: int, *, id_prefix: str = "W"
) -> list[WatchlistEntry]:
    """A synthetic watchlist of `size` entries."""
    return list(iter_population(rng, size, id_prefix=id_prefix))


# -- planted and random queries ------------------------------------------------------------------

_ORDER_LAYOUTS: Final = ("family_given", "family_comma", "mrz")
_TYPO_ALPHABETS: Final = (
    "abcdefghijklmnopqrstuvwxyz",
    "абвгдежзийклмнопрстуфхцчшщыьэюя",
    "αβγδεζηθικλμνξοπρστυφχψω",
)


def plant_queries(
    population: Sequence[WatchlistEntry], rng: random.Random, n: int
) -> list[PlantedQuery]:
    """`n` applicants, each the person of a distinct entry (fewer when the list is shorter)."""
    chosen = rng.sample(range(len(population)), min(n, len(population)))
    return [plant_query(population[index], rng) for index in chosen]


def plant_query(entry: WatchlistEntry, rng: random.Random) -> PlantedQuery:
    """An applicant who is the entry's person, written with one to three realistic changes."""
    identity, source = entry.identity, entry.rendering
    rendering = Rendering(
        system=source.system,
        nasab_particle=source.nasab_particle,
        article=source.article,
        spelling_seed=source.spelling_seed,
    )
    possible = _possible_variations(identity, rendering)
    wanted = rng.sample(possible, min(rng.choice((1, 1, 2, 2, 3)), len(possible)))
    if "script" in wanted and "romanisation" in wanted:  # one would undo the other
        wanted.remove(rng.choice(("script", "romanisation")))
    applied: list[str] = []
    for variation in wanted:
        changed = _vary(variation, identity, rendering, rng)
        if changed is not None:
            rendering = changed
            applied.append(variation)
    given_parts, family_parts = name_parts(identity, rendering)
    if "typo" in wanted and _add_typo(given_parts, family_parts, rng):
        applied.append("typo")
    name = _laid_out(given_parts, family_parts, identity, rendering, NameKind.PRIMARY)
    if _plain(name) in {_plain(known) for known in entry.person.names}:
        # Nothing showed (the entry already has this form): write it in another layout.
        name = _other_layout(entry, identity, rendering, given_parts, family_parts, rng)
        applied.append("order")
    birth_date, birth_variation = _query_birth_date(identity.birth_date, rng)
    person = Person(
        names=(name,),
        birth_date=birth_date,
        nationalities=(identity.nationality,),
        sex=identity.sex,
    )
    return PlantedQuery(person, entry.entry_id, (*dict.fromkeys(applied), birth_variation))


def _other_layout(
    entry: WatchlistEntry,
    identity: Identity,
    rendering: Rendering,
    given_parts: list[str],
    family_parts: list[str],
    rng: random.Random,
) -> Name:
    """The name in a layout the entry does not show; one that reads differently if any."""
    layouts = [*rng.sample(_ORDER_LAYOUTS, len(_ORDER_LAYOUTS)), "structured"]
    names = [
        _laid_out(
            given_parts, family_parts, identity, replace(rendering, layout=layout), NameKind.PRIMARY
        )
        for layout in layouts
    ]
    shown = {_plain(known) for known in entry.person.names}
    reads_differently = [name for name in names if _plain(name) not in shown]
    new = [name for name in names if name not in entry.person.names]
    return (reads_differently or new or names)[0]


def _plain(name: Name) -> str:
    """The name as a reader sees it, case and punctuation aside."""
    text = name.text or f"{name.given} {name.family}"
    return " ".join(text.replace("<", " ").replace(",", " ").casefold().split())


def random_queries(rng: random.Random, n: int) -> list[Person]:
    """Applicants drawn afresh, as an ETIAS form holds them: usual Latin spelling, full DOB.

    They are not planted; with common names some will still match an entry, as in life.
    """
    queries = []
    for _ in range(n):
        identity = make_identity(rng)
        source = culture_tables()[identity.culture]
        rendering = Rendering(system=source.systems[0][0], spelling_seed=rng.getrandbits(32))
        person = Person(
            names=(render_name(identity, rendering, NameKind.PRIMARY),),
            birth_date=identity.birth_date.isoformat(),
            nationalities=(identity.nationality,),
            sex=identity.sex,
        )
        queries.append(person)
    return queries


def _possible_variations(identity: Identity, rendering: Rendering) -> list[str]:
    source = culture_tables()[identity.culture]
    possible = ["order", "typo"]
    if source.script is Script.LATIN:
        parts = identity.given + identity.family
        if any(forms.native != forms.spelling("ascii") for forms in parts):
            possible.append("diacritics")
    else:
        possible.append("script")
        if rendering.system != NATIVE:
            possible.append("romanisation")
    if (len(identity.given) > 1 and identity.culture is not Culture.CHINESE) or identity.father:
        possible.append("drop_middle")
    return possible


def _vary(
    variation: str, identity: Identity, rendering: Rendering, rng: random.Random
) -> Rendering | None:
    """The rendering with one change; None when the change would not show."""
    source = culture_tables()[identity.culture]
    candidates: list[Rendering] = []
    match variation:
        case "order":
            candidates = [replace(rendering, layout=layout) for layout in _ORDER_LAYOUTS]
        case "drop_middle":
            candidates = [replace(rendering, keep_middle=False)]
        case "script" if rendering.system == NATIVE:
            candidates = [replace(rendering, system=_latin_system(rng, source))]
        case "script":
            candidates = [replace(rendering, system=NATIVE)]
        case "romanisation" if rendering.system == "usual":
            # One system with several spellings per name (Arabic): draw other spellings.
            candidates = [replace(rendering, spelling_seed=rng.getrandbits(32)) for _ in range(8)]
        case "romanisation" | "diacritics" if (
            rendering.system != NATIVE or variation == "diacritics"
        ):
            systems = [system for system, _ in source.systems if system != rendering.system]
            candidates = [replace(rendering, system=system) for system in systems]
    before = _plain(render_name(identity, rendering, NameKind.PRIMARY))
    rng.shuffle(candidates)
    for candidate in candidates:
        if _plain(render_name(identity, candidate, NameKind.PRIMARY)) != before:
            return candidate
    return None


def _add_typo(given_parts: list[str], family_parts: list[str], rng: random.Random) -> bool:
    """One letter substituted, dropped, doubled or swapped in a word of six letters or more."""
    words = [
        (parts, index, position, alphabet)
        for parts in (given_parts, family_parts)
        for index, part in enumerate(parts)
        for position, word in enumerate(part.split(" "))
        if len(word) >= 6 and (alphabet := _alphabet(word))
    ]
    if not words:
        return False
    parts, index, position, alphabet = rng.choice(words)
    split = parts[index].split(" ")
    word = split[position]
    at = rng.randrange(1, len(word) - 1)  # keep the first letter, as typists mostly do
    match rng.choice(("substitute", "drop", "double", "swap")):
        case "substitute":
            letter = rng.choice(alphabet.replace(word[at].lower(), ""))
            typed = word[:at] + (letter.upper() if word[at].isupper() else letter) + word[at + 1 :]
        case "drop":
            typed = word[:at] + word[at + 1 :]
        case "double":
            typed = word[:at] + word[at] + word[at:]
        case _:
            typed = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if typed == word:
        return False
    split[position] = typed
    parts[index] = " ".join(split)
    return True


def _alphabet(word: str) -> str:
    """The alphabet the word is written in (unaccented Latin, Cyrillic or Greek), or ""."""
    lowered = _ascii(word).lower()
    for alphabet in _TYPO_ALPHABETS:
        if all(letter in alphabet for letter in lowered):
            return alphabet
    return ""


def _query_birth_date(born: date, rng: random.Random) -> tuple[str, str]:
    """The applicant's date of birth as written, and how it differs from the true one."""
    draw = rng.random()
    if draw < 0.12 and born.day <= 12 and born.day != born.month:
        return date(born.year, born.day, born.month).isoformat(), "birth_date_day_month_swapped"
    if draw < 0.27:
        return (born + timedelta(days=rng.choice((-1, 1)))).isoformat(), "birth_date_one_day_off"
    if draw < 0.37:
        return str(born.year), "birth_date_year_only"
    return born.isoformat(), "birth_date_exact"
