"""The ETIAS JSON codec gives back exactly what it was given, for any file or rule.

The strategies are derived from the dataclasses' type hints, as the codec is, so a field
added to the model is generated here without a change; a field of a type the codec does
not store fails at import of `etias_codec`.
"""

import dataclasses
import types
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limes.etias.model import ApplicationFile, Decision, Flag, RefusalGround
from limes.etias.screening_rules import ScreeningRule
from limes.store.sql.etias_codec import (
    application_file_from_json,
    application_file_to_json,
    codec_for,
    screening_rule_from_json,
    screening_rule_to_json,
)
from tests.store.etias_builders import make_rich_file, make_rule

OFFSETS = (UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=5, minutes=30)))
STATES = st.lists(st.sampled_from(["NLD", "BEL", "DEU", "FRA"]), min_size=1, max_size=3)


def strategy_for(hint: Any) -> st.SearchStrategy[Any]:
    """Values of type `hint`, with aware instants in several offsets and valid decisions."""
    if hint is Decision:
        return _decisions()
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        (option,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return st.none() | strategy_for(option)
    if origin is tuple:
        return st.lists(strategy_for(get_args(hint)[0]), max_size=2).map(tuple)
    simple: dict[Any, st.SearchStrategy[Any]] = {
        str: st.text(max_size=8),
        int: st.integers(),
        float: st.floats(allow_nan=False),
        bool: st.booleans(),
        date: st.dates(),
        datetime: st.datetimes(timezones=st.sampled_from(OFFSETS)),
    }
    if hint in simple:
        return simple[hint]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return st.sampled_from(hint)
    if not (isinstance(hint, type) and dataclasses.is_dataclass(hint)):
        raise TypeError(f"no strategy for {hint!r}")
    hints = get_type_hints(hint)
    fields = {field.name: strategy_for(hints[field.name]) for field in dataclasses.fields(hint)}
    return st.builds(hint, **fields)


def _decisions() -> st.SearchStrategy[Decision]:
    """Decisions through their constructors: a bare `Decision(...)` is mostly invalid."""
    reasons = st.text(max_size=8)
    flags = st.lists(strategy_for(Flag), min_size=1, max_size=2).map(tuple)
    grounds = st.lists(st.sampled_from(RefusalGround), min_size=1, max_size=2)
    return st.one_of(
        st.builds(Decision.issue, reasons),
        st.builds(lambda f, r: Decision.issue_with_flags(*f, reason=r), flags, reasons),
        st.builds(lambda g, r: Decision.refuse(*g, reason=r), grounds, reasons),
        st.builds(
            lambda s, f, r: Decision.limited_territorial_validity(tuple(s), flags=f, reason=r),
            STATES,
            st.just(()) | flags,
            reasons,
        ),
    )


@settings(max_examples=60, deadline=None)
@given(strategy_for(ApplicationFile))
def test_any_application_file_comes_back_equal_and_encodes_the_same(
    file: ApplicationFile,
) -> None:
    text = application_file_to_json(file)
    back = application_file_from_json(text)

    assert back == file
    assert application_file_to_json(back) == text  # offsets and float types included


@settings(max_examples=60, deadline=None)
@given(strategy_for(ScreeningRule))
def test_any_screening_rule_comes_back_equal(rule: ScreeningRule) -> None:
    text = screening_rule_to_json(rule)

    assert screening_rule_from_json(text) == rule
    assert screening_rule_to_json(screening_rule_from_json(text)) == text


def test_a_rich_file_and_a_rule_come_back_equal() -> None:
    file, rule = make_rich_file(), make_rule()

    assert application_file_from_json(application_file_to_json(file)) == file
    assert screening_rule_from_json(screening_rule_to_json(rule)) == rule


def test_a_field_missing_from_an_older_document_takes_its_default() -> None:
    file = make_rich_file()
    older = application_file_to_json(file).replace('"retention_consent":true,', "")

    assert application_file_from_json(older) == dataclasses.replace(file, retention_consent=False)


@pytest.mark.parametrize(
    "hint",
    [
        pytest.param(dict[str, int], id="dict"),
        pytest.param(frozenset[str], id="frozenset"),
        pytest.param(int | str, id="union-of-two"),
        pytest.param(tuple[int, str], id="fixed-tuple"),
    ],
)
def test_a_type_the_codec_does_not_store_is_refused(hint: Any) -> None:
    with pytest.raises(TypeError):
        codec_for(hint)
