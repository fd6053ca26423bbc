"""Blocking keys: pairs the engine matches must share a key, so the index can find them."""

import json
from pathlib import Path

import pytest

from limes.screening.engine import compare
from limes.screening.evaluation import person_from_json
from limes.screening.keys import entry_keys, query_keys
from limes.screening.model import Decision, Name, Person

CASES = json.loads(
    (Path(__file__).parent.parent / "data" / "name_match_cases.dev.json").read_text("utf-8")
)["cases"]
PAIRS = [
    (case["id"], person_from_json(case["query"], "q"), person_from_json(case["candidate"], "c"))
    for case in CASES
]
# Keys are owed only to pairs the engine matches (most of the file).
MATCHED = [pair for pair in PAIRS if compare(pair[1], pair[2]).decision is Decision.MATCH]


def test_most_pairs_are_matched_pairs() -> None:
    assert len(MATCHED) >= 30


@pytest.mark.parametrize(("case_id", "query", "candidate"), MATCHED, ids=[p[0] for p in MATCHED])
def test_pairs_the_engine_matches_share_a_key(
    case_id: str, query: Person, candidate: Person
) -> None:
    assert query_keys(query) & entry_keys(candidate)
    assert query_keys(candidate) & entry_keys(query)


def test_the_birth_year_makes_a_rarer_key_within_the_tolerated_years() -> None:
    entry = Person(names=(Name(text="John Smith"),), birth_date="1970-05-01")
    near = Person(names=(Name(text="John Smith"),), birth_date="1972")
    far = Person(names=(Name(text="John Smith"),), birth_date="1975")

    year_keys = {key for key in entry_keys(entry) if key.startswith("y:")}

    assert year_keys & query_keys(near)
    assert not year_keys & query_keys(far)


def test_particles_and_initials_make_no_keys() -> None:
    keys = entry_keys(Person(names=(Name(text="J. bin Smith"),)))

    assert keys
    assert all(key.removeprefix("d:") != "j" for key in keys)
