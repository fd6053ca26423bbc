"""ScreeningIndex against a brute-force scan, with a toy keyer and comparer defined here.

The toy engine matches two people when their family names agree (case aside) and their
birth years agree or one is unknown; its keys are the family name, and the family name with
the birth year (the index keys names without the date of birth, so only the first reaches
it). Whatever the index does with keys, ranking and the top-K cut, it must return what
comparing the query with every entry returns.
"""

import os
import random
import subprocess
import sys

import pytest

from limes.screening.index import ScreeningIndex, key_hash
from limes.screening.model import Comparison, Decision, Name, Person

STEMS = ("Kov", "Ber", "Mal", "Sant", "Ngu", "Hass", "Or")
SURNAMES = [
    stem + end for stem in STEMS for end in ("a", "en", "ini", "ov", "os", "ez", "ic", "yen")
]


def family(person: Person) -> str:
    return person.names[0].family.lower()


def birth_year(person: Person) -> str:
    return (person.birth_date or "")[:4]


def toy_keys(person: Person) -> frozenset[str]:
    keys = {family(person)} if family(person) else set()
    if keys and birth_year(person):
        keys.add(f"{family(person)}|{birth_year(person)}")
    return frozenset(keys)


def toy_compare(query: Person, candidate: Person) -> Comparison:
    same_name = bool(family(query)) and family(query) == family(candidate)
    years = {birth_year(query), birth_year(candidate)}
    if same_name and (len(years) == 1 or "" in years):
        score = 1.0 if len(years) == 1 else 0.8
        return Comparison(score, Decision.MATCH)
    return Comparison(0.0, Decision.NO_MATCH)


def make_person(rng: random.Random) -> Person:
    year = rng.choice([None, *range(1960, 1975)])
    return Person(
        names=(Name(family=rng.choice(SURNAMES), given="X"),),
        birth_date=f"{year}-01-01" if year else None,
    )


def make_entries(rng: random.Random, count: int, prefix: str = "E") -> list[tuple[str, Person]]:
    return [(f"{prefix}{number:05d}", make_person(rng)) for number in range(count)]


def brute_force(entries: dict[str, Person], query: Person) -> set[str]:
    return {
        entry_id
        for entry_id, person in entries.items()
        if toy_compare(query, person).decision == Decision.MATCH
    }


def found(index: ScreeningIndex, query: Person) -> set[str]:
    hits = index.search(query)
    assert len(hits) == len({hit.entry_id for hit in hits})
    return {hit.entry_id for hit in hits}


def toy_index(entries: list[tuple[str, Person]], top_k: int = 64) -> ScreeningIndex:
    return ScreeningIndex(
        entries, entry_keyer=toy_keys, query_keyer=toy_keys, comparer=toy_compare, top_k=top_k
    )


def test_the_index_returns_what_comparing_every_entry_returns() -> None:
    rng = random.Random(7)
    entries = make_entries(rng, 3000)
    index = toy_index(entries, top_k=200)
    queries = [make_person(rng) for _ in range(150)]

    for query in queries:
        assert found(index, query) == brute_force(dict(entries), query)


def test_hits_come_best_first_and_non_matches_only_on_request() -> None:
    rng = random.Random(8)
    entries = make_entries(rng, 2000)
    index = toy_index(entries, top_k=500)
    query = Person(names=(Name(family=SURNAMES[3]),), birth_date="1965-05-05")

    hits = index.search(query)
    everything = index.search(query, include_non_matches=True)

    scores = [hit.comparison.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(hit.comparison.decision == Decision.MATCH for hit in hits)
    assert everything[: len(hits)] == hits
    assert len(everything) > len(hits)  # same name, other birth years: compared, no match


def test_top_k_keeps_the_entries_with_the_most_evidence() -> None:
    rng = random.Random(9)
    entries = make_entries(rng, 3000)
    index = toy_index(entries, top_k=5)
    query = Person(names=(Name(family=SURNAMES[0]),), birth_date="1970-01-01")
    exact = {
        entry_id
        for entry_id, person in entries
        if family(person) == family(query) and birth_year(person) == "1970"
    }

    candidates = index.candidate_ids(query)

    # The same birth year ranks before another or an unknown one.
    assert len(candidates) == 5
    if len(exact) >= 5:
        assert set(candidates) <= exact
    else:
        assert set(candidates[: len(exact)]) == exact


def test_entries_born_years_apart_are_not_candidates_and_unknown_years_are() -> None:
    def person(year: str | None) -> Person:
        return Person(names=(Name(family="Same"),), birth_date=year)

    entries = [("far", person("1950")), ("unknown", person(None)), ("near", person("1982"))]
    entries += [("same", person("1980-02-02"))]
    index = toy_index(entries)

    # An unknown year ranks like a near one (ties go to the earlier entry), below the same.
    assert index.candidate_ids(person("1980-01-01")) == ["same", "unknown", "near"]
    assert set(index.candidate_ids(person(None))) == {"far", "unknown", "near", "same"}


def test_ties_at_the_cut_go_to_the_earliest_entries() -> None:
    entries = [(f"E{number}", Person(names=(Name(family="Same"),))) for number in range(100)]
    index = toy_index(entries, top_k=10)

    assert index.candidate_ids(Person(names=(Name(family="same"),))) == [
        f"E{number}" for number in range(10)
    ]


def test_huge_posting_lists_are_skipped_only_when_rarer_keys_exist() -> None:
    common = [
        (f"C{n}", Person(names=(Name(family="Common"),), birth_date="1980")) for n in range(50)
    ]
    rare = [("R1", Person(names=(Name(family="Rare"),), birth_date="1980"))]
    both = lambda person: frozenset({"common", *toy_keys(person)})  # noqa: E731
    index = ScreeningIndex(
        common + rare,
        entry_keyer=toy_keys,
        query_keyer=both,
        comparer=toy_compare,
        top_k=100,
        huge_postings=10,
    )

    assert index.candidate_ids(Person(names=(Name(family="Rare"),))) == ["R1"]
    only_common = index.candidate_ids(Person(names=(Name(family="Common"),)))
    assert len(only_common) == 50


def test_entries_added_and_removed_while_running_are_searched_as_if_built() -> None:
    rng = random.Random(10)
    first, later = make_entries(rng, 1500, "A"), make_entries(rng, 500, "B")
    index = toy_index(first, top_k=300)
    for entry_id, person in later:
        index.add(entry_id, person)
    removed = {entry_id for entry_id, _ in rng.sample(first + later, 400)}
    for entry_id in removed:
        assert index.remove(entry_id)
    replaced_id, replacement = first[0][0], make_person(rng)
    index.add(replaced_id, replacement)
    live = {entry_id: person for entry_id, person in first + later if entry_id not in removed}
    live[replaced_id] = replacement
    queries = [make_person(rng) for _ in range(100)]

    assert len(index) == len(live)
    assert not index.remove("never-added")
    assert [found(index, query) for query in queries] == [brute_force(live, q) for q in queries]
    assert index.overlay_size > 0

    index.compact()

    assert index.overlay_size == 0
    assert len(index) == len(live)
    assert [found(index, query) for query in queries] == [brute_force(live, q) for q in queries]
    assert index.person(replaced_id) == replacement
    assert replaced_id in index
    assert next(iter(removed - {replaced_id})) not in index


def test_document_frequency_counts_the_entries_carrying_a_key() -> None:
    entries = [
        (f"E{n}", Person(names=(Name(family="Abc" if n % 3 else "Xyz"),))) for n in range(30)
    ]
    index = toy_index(entries)
    index.add("E99", Person(names=(Name(family="Xyz"),)))

    assert index.document_frequency("abc") == 20
    assert index.document_frequency("xyz") == 11
    assert index.document_frequency("nobody") == 0
    assert index.key_count == 2


def test_an_empty_index_finds_nothing_and_still_takes_additions() -> None:
    index = toy_index([])
    query = Person(names=(Name(family="Anyone"),))

    assert index.search(query) == []
    assert len(index) == 0
    index.add("E1", Person(names=(Name(family="Anyone"),)))
    assert [hit.entry_id for hit in index.search(query)] == ["E1"]
    index.compact()
    assert [hit.entry_id for hit in index.search(query)] == ["E1"]


def test_a_query_without_keys_finds_nothing() -> None:
    rng = random.Random(11)
    index = toy_index(make_entries(rng, 200))

    assert index.search(Person(names=(Name(given="Only a given name"),))) == []


def test_removing_everything_leaves_an_index_that_finds_nothing() -> None:
    rng = random.Random(12)
    entries = make_entries(rng, 50)
    index = toy_index(entries)
    for entry_id, _ in entries:
        index.remove(entry_id)

    assert index.search(entries[0][1]) == []
    index.compact()
    assert len(index) == 0
    assert index.search(entries[0][1]) == []


def test_an_entry_id_given_twice_while_building_is_refused() -> None:
    person = Person(names=(Name(family="Twice"),))
    with pytest.raises(ValueError, match="twice"):
        toy_index([("E1", person), ("E1", person)])


def test_progress_is_reported_up_to_the_number_of_entries() -> None:
    rng = random.Random(13)
    seen: list[int] = []
    ScreeningIndex(
        make_entries(rng, 100),
        entry_keyer=toy_keys,
        query_keyer=toy_keys,
        comparer=toy_compare,
        on_progress=seen.append,
    )

    assert seen[-1] == 100


def test_memory_is_reported_and_grows_with_the_entries() -> None:
    rng = random.Random(14)
    small, large = toy_index(make_entries(rng, 100)), toy_index(make_entries(rng, 2000))

    assert 0 < small.nbytes < large.nbytes


def test_key_hashes_are_the_same_in_every_process() -> None:
    keys = ["ivanov", "ivanov|1970", "محمد", "张"]
    script = (
        f"from limes.screening.index import key_hash; print([key_hash(key) for key in {keys!r}])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }

    assert outputs == {str([key_hash(key) for key in keys])}
    assert all(0 <= key_hash(key) < 2**64 for key in keys)
