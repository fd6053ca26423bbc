"""The synthetic watchlist generator: seeded, in every script, with planted queries linked."""

import random
import unicodedata
from collections import Counter

import pytest

from limes.screening import synthetic_names as tables
from limes.screening.model import Name
from limes.screening.synthetic import (
    Culture,
    Identity,
    PlantedQuery,
    WatchlistEntry,
    _add_typo,
    generate_population,
    plant_queries,
    random_queries,
)

SIZE = 3000


@pytest.fixture(scope="module")
def population() -> list[WatchlistEntry]:
    return generate_population(random.Random(2026), SIZE)


@pytest.fixture(scope="module")
def planted(population: list[WatchlistEntry]) -> list[PlantedQuery]:
    return plant_queries(population, random.Random(7), 1500)


def scripts_of(name: Name) -> set[str]:
    text = name.text + name.family + name.given
    return {unicodedata.name(character).split()[0] for character in text if character.isalpha()}


def names_text(name: Name) -> str:
    return name.text or f"{name.family} {name.given}"


def edit_distance(first: str, second: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one)."""
    rows = [
        [i + j if i * j == 0 else 0 for j in range(len(second) + 1)] for i in range(len(first) + 1)
    ]
    for i in range(1, len(first) + 1):
        for j in range(1, len(second) + 1):
            cost = first[i - 1] != second[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and first[i - 1] == second[j - 2] and first[i - 2] == second[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def test_the_same_seed_gives_the_same_watchlist_and_queries() -> None:
    first = generate_population(random.Random(11), 200)
    second = generate_population(random.Random(11), 200)

    assert first == second
    assert plant_queries(first, random.Random(3), 50) == plant_queries(second, random.Random(3), 50)
    assert generate_population(random.Random(12), 200) != first


def test_the_watchlist_holds_every_script_and_culture(population: list[WatchlistEntry]) -> None:
    scripts = set().union(
        *(scripts_of(name) for entry in population for name in entry.person.names)
    )

    assert {"LATIN", "CYRILLIC", "ARABIC", "CJK", "GREEK"} <= scripts
    assert {entry.identity.culture for entry in population} == set(Culture)


def test_common_names_repeat_much_more_than_rare_ones(population: list[WatchlistEntry]) -> None:
    english = [e.identity for e in population if e.identity.culture is Culture.ENGLISH]
    counts = Counter(identity.family[0].native for identity in english).most_common()

    assert counts[0][1] >= 5 * counts[len(counts) // 2][1]


def test_entries_show_full_partial_or_missing_birth_dates(population: list[WatchlistEntry]) -> None:
    shapes = Counter(len(entry.person.birth_date or "") for entry in population)

    assert shapes[10] > shapes[4] > 0
    assert shapes[0] > 0


def test_some_entries_hold_only_a_surname_and_a_birth_date(
    population: list[WatchlistEntry],
) -> None:
    surname_only = [
        entry
        for entry in population
        if len(entry.person.names) == 1
        and entry.person.names[0].family
        and not entry.person.names[0].given
        and not entry.person.names[0].text
    ]

    assert len(surname_only) > SIZE * 0.03
    assert all(len(entry.person.birth_date or "") == 10 for entry in surname_only)
    assert all(not entry.person.nationalities for entry in surname_only)


def test_planted_queries_differ_from_their_entry_and_keep_the_link(
    population: list[WatchlistEntry], planted: list[PlantedQuery]
) -> None:
    by_id = {entry.entry_id: entry for entry in population}

    assert len({query.entry_id for query in planted}) == len(planted)
    for query in planted:
        source = by_id[query.entry_id]
        assert query.person.names[0] not in source.person.names
        assert query.person.birth_date
        assert query.person.sex == source.identity.sex
        assert query.variations


def test_planted_queries_use_every_kind_of_variation(planted: list[PlantedQuery]) -> None:
    seen = Counter(variation for query in planted for variation in query.variations)

    assert set(seen) == {
        "romanisation", "script", "typo", "order", "drop_middle", "diacritics",
        "birth_date_exact", "birth_date_day_month_swapped", "birth_date_one_day_off",
        "birth_date_year_only",
    }  # fmt: skip
    assert any("<<" in query.person.names[0].text for query in planted)  # ICAO MRZ form


def test_a_romanised_query_uses_a_spelling_from_another_system(
    population: list[WatchlistEntry], planted: list[PlantedQuery]
) -> None:
    by_id = {entry.entry_id: entry for entry in population}
    russian = [
        query
        for query in planted
        if query.variations[:1] == ("romanisation",)
        and len(query.variations) == 2
        and by_id[query.entry_id].identity.culture is Culture.RUSSIAN
    ]

    assert russian
    for query in russian:
        surname = by_id[query.entry_id].identity.family[0]
        written = names_text(query.person.names[0]).casefold()
        assert any(spelling.casefold() in written for spelling in surname.latin)


def test_a_typo_is_one_edit_in_a_word_of_six_letters_or_more() -> None:
    rng = random.Random(5)
    for _ in range(200):
        given, family = ["Aleksandr"], ["Ivanov", "Li"]
        before = given + family
        assert _add_typo(given, family, rng)
        changed = [
            (old, new) for old, new in zip(before, given + family, strict=True) if old != new
        ]
        assert len(changed) == 1
        old, new = changed[0]
        assert len(old) >= 6
        assert edit_distance(old, new) == 1


def test_no_typo_when_every_word_is_short() -> None:
    given, family = ["Li"], ["Wang"]

    assert not _add_typo(given, family, random.Random(1))
    assert (given, family) == (["Li"], ["Wang"])


def test_random_queries_are_applicants_with_a_full_birth_date() -> None:
    queries = random_queries(random.Random(9), 100)

    assert len(queries) == 100
    assert all(len(query.birth_date or "") == 10 for query in queries)
    assert all(query.names and query.sex in {"M", "F"} for query in queries)


def test_tables_pair_up_row_by_row() -> None:
    assert len(tables.RUSSIAN_PATRONYMIC_MALE) == len(tables.RUSSIAN_MALE_GIVEN)
    assert len(tables.RUSSIAN_PATRONYMIC_FEMALE) == len(tables.RUSSIAN_MALE_GIVEN)
    assert len(tables.RUSSIAN_FEMALE_SURNAMES) == len(tables.RUSSIAN_SURNAMES)
    assert len(tables.GREEK_FEMALE_SURNAMES) == len(tables.GREEK_SURNAMES)
    assert len(tables.BELARUSIAN_FEMALE_SURNAMES) == len(tables.BELARUSIAN_SURNAMES)
    assert len(tables.RUSSIAN_MALE_GIVEN) + len(tables.RUSSIAN_FEMALE_GIVEN) >= 60
    assert len(tables.RUSSIAN_SURNAMES) >= 60
    assert {
        name: forms.spelling(name) for name in tables.RUSSIAN_SYSTEMS
        for forms in tables.RUSSIAN_SURNAMES if forms.native == "Щербаков"
    } == {
        "icao": "Shcherbakov", "bgn_pcgn": "Shcherbakov", "gost_779_b": "Shherbakov",
        "french_mvd_310": "Chtcherbakov", "german_duden": "Schtscherbakow",
    }  # fmt: skip


def test_an_identity_is_complete_even_when_its_entry_is_not(
    population: list[WatchlistEntry],
) -> None:
    identities: list[Identity] = [entry.identity for entry in population]

    assert all(identity.given and identity.birth_date for identity in identities)
    assert all(identity.sex in {"M", "F"} and identity.nationality for identity in identities)
