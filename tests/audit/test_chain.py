"""The audit hash chain: sealing, and finding the first entry that no longer fits."""

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limes.audit.chain import GENESIS_DIGEST, canonical_form, seal, verify_chain
from limes.audit.model import AuditEntry, AuditEvent

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def make_event(
    *,
    at: datetime = AT,
    actor: str = "guard.one",
    roles: tuple[str, ...] = ("border_guard",),
    action: str = "ees.entry.register",
    subject: str = "file-1",
    purpose: str = "border check",
    outcome: str = "ok",
) -> AuditEvent:
    return AuditEvent(
        at=at,
        actor=actor,
        roles=roles,
        action=action,
        subject=subject,
        purpose=purpose,
        outcome=outcome,
    )


def make_chain(events: Sequence[AuditEvent]) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for event in events:
        entries.append(seal(event, entries[-1] if entries else None))
    return entries


def five_entries() -> list[AuditEntry]:
    return make_chain(
        [make_event(at=AT + timedelta(minutes=n), subject=f"file-{n}") for n in range(5)]
    )


# Each way of changing one field of a sealed event.
EVENT_CHANGES: dict[str, Callable[[AuditEvent], AuditEvent]] = {
    "at": lambda event: replace(event, at=event.at + timedelta(seconds=1)),
    "actor": lambda event: replace(event, actor=event.actor + "x"),
    "roles": lambda event: replace(event, roles=(*event.roles, "admin")),
    "action": lambda event: replace(event, action=event.action + "x"),
    "subject": lambda event: replace(event, subject=event.subject + "x"),
    "purpose": lambda event: replace(event, purpose=event.purpose + "x"),
    "outcome": lambda event: replace(event, outcome=event.outcome + "x"),
}


def test_the_first_entry_links_to_the_genesis_digest() -> None:
    entry = seal(make_event(), None)

    assert (entry.sequence, entry.previous_digest) == (1, GENESIS_DIGEST)
    assert (
        entry.digest == hashlib.sha256(canonical_form(1, entry.event, GENESIS_DIGEST)).hexdigest()
    )


def test_each_entry_links_to_the_one_before() -> None:
    entries = five_entries()

    assert [entry.sequence for entry in entries] == [1, 2, 3, 4, 5]
    assert all(later.previous_digest == earlier.digest for earlier, later in pairwise(entries))


def test_the_canonical_form_is_sorted_compact_json_with_the_previous_digest() -> None:
    form = json.loads(canonical_form(7, make_event(), "ab" * 32))

    assert list(form) == sorted(form)
    assert form == {
        "action": "ees.entry.register",
        "actor": "guard.one",
        "at": "2026-11-23T09:00:00+00:00",
        "outcome": "ok",
        "previous_digest": "ab" * 32,
        "purpose": "border check",
        "roles": ["border_guard"],
        "sequence": 7,
        "subject": "file-1",
    }
    assert b" " not in canonical_form(7, make_event(purpose="x"), "0")


def test_the_same_instant_in_another_offset_has_the_same_canonical_form() -> None:
    amsterdam_winter = timezone(timedelta(hours=1))

    local = canonical_form(1, make_event(at=AT.astimezone(amsterdam_winter)), GENESIS_DIGEST)

    assert local == canonical_form(1, make_event(at=AT), GENESIS_DIGEST)


def test_an_entry_sealed_in_local_time_verifies_after_a_store_returns_it_in_utc() -> None:
    sealed = seal(make_event(at=AT.astimezone(timezone(timedelta(hours=2)))), None)
    from_store = replace(sealed, event=replace(sealed.event, at=sealed.event.at.astimezone(UTC)))

    assert verify_chain([from_store]).intact


def test_a_naive_instant_cannot_be_sealed() -> None:
    with pytest.raises(ValueError, match="time zone"):
        seal(make_event(at=datetime(2026, 11, 23, 9, 0)), None)


def test_an_intact_chain_verifies() -> None:
    entries = five_entries()

    verdict = verify_chain(entries)

    assert (verdict.intact, verdict.entries_checked, verdict.broken_at, verdict.problem) == (
        True,
        5,
        None,
        "",
    )
    assert verdict.head_digest == entries[-1].digest


def test_an_empty_chain_is_intact_at_the_genesis_digest() -> None:
    verdict = verify_chain([])

    assert (verdict.intact, verdict.entries_checked, verdict.head_digest) == (
        True,
        0,
        GENESIS_DIGEST,
    )


@pytest.mark.parametrize("field", list(EVENT_CHANGES))
@pytest.mark.parametrize("position", [0, 2, 4], ids=["first", "middle", "last"])
def test_a_changed_field_breaks_the_chain_at_that_entry(field: str, position: int) -> None:
    entries = five_entries()
    entries[position] = replace(
        entries[position], event=EVENT_CHANGES[field](entries[position].event)
    )

    verdict = verify_chain(entries)

    assert (verdict.intact, verdict.broken_at) == (False, position + 1)
    assert verdict.problem == "digest does not match the entry's content"
    assert verdict.entries_checked == position
    expected_head = entries[position - 1].digest if position else GENESIS_DIGEST
    assert verdict.head_digest == expected_head


@pytest.mark.parametrize(
    ("tamper", "broken_at", "problem"),
    [
        pytest.param(
            lambda entries: entries.pop(2),
            3,
            "sequence 4 where 3 was expected",
            id="entry-removed",
        ),
        pytest.param(
            lambda entries: entries.pop(0),
            1,
            "sequence 2 where 1 was expected",
            id="first-entry-removed",
        ),
        pytest.param(
            lambda entries: entries.__setitem__(slice(1, 3), [entries[2], entries[1]]),
            2,
            "sequence 3 where 2 was expected",
            id="two-entries-swapped",
        ),
        pytest.param(
            lambda entries: entries.insert(2, entries[2]),
            4,
            "sequence 3 where 4 was expected",
            id="entry-duplicated",
        ),
        pytest.param(
            lambda entries: entries.__setitem__(3, replace(entries[3], digest="f" * 64)),
            4,
            "digest does not match the entry's content",
            id="digest-replaced",
        ),
        pytest.param(
            lambda entries: entries.__setitem__(2, replace(entries[2], previous_digest="e" * 64)),
            3,
            "link to the previous entry does not match",
            id="link-replaced",
        ),
        pytest.param(
            lambda entries: entries.__setitem__(2, replace(entries[2], sequence=9)),
            3,
            "sequence 9 where 3 was expected",
            id="sequence-changed",
        ),
    ],
)
def test_tampering_is_found_at_the_first_entry_that_no_longer_fits(
    tamper: Callable[[list[AuditEntry]], object], broken_at: int, problem: str
) -> None:
    entries = five_entries()
    tamper(entries)

    verdict = verify_chain(entries)

    assert (verdict.intact, verdict.broken_at, verdict.problem) == (False, broken_at, problem)


def test_a_changed_entry_sealed_again_breaks_the_link_of_the_next_one() -> None:
    entries = five_entries()
    changed = replace(entries[1].event, subject="file-other")
    entries[1] = seal(changed, entries[0])

    verdict = verify_chain(entries)

    assert (verdict.broken_at, verdict.problem) == (
        3,
        "link to the previous entry does not match",
    )


def test_a_truncated_chain_is_intact_but_its_head_digest_differs() -> None:
    entries = five_entries()

    verdict = verify_chain(entries[:-1])

    assert verdict.intact
    assert verdict.head_digest == entries[-2].digest != entries[-1].digest


# --- properties --------------------------------------------------------------------------------

_text = st.text(max_size=20)
events = st.builds(
    make_event,
    at=st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
    ),
    actor=_text,
    roles=st.lists(_text, max_size=3).map(tuple),
    action=_text,
    subject=_text,
    purpose=_text,
    outcome=_text,
)
event_lists = st.lists(events, min_size=1, max_size=12)


@settings(max_examples=100, deadline=None)
@given(events=event_lists)
def test_any_sealed_chain_verifies(events: list[AuditEvent]) -> None:
    entries = make_chain(events)

    verdict = verify_chain(entries)

    assert (verdict.intact, verdict.entries_checked) == (True, len(events))
    assert verdict.head_digest == entries[-1].digest


@settings(max_examples=100, deadline=None)
@given(events=event_lists, data=st.data())
def test_any_changed_field_is_found_at_its_sequence(
    events: list[AuditEvent], data: st.DataObject
) -> None:
    entries = make_chain(events)
    position = data.draw(st.integers(0, len(entries) - 1))
    change = EVENT_CHANGES[data.draw(st.sampled_from(sorted(EVENT_CHANGES)))]
    entries[position] = replace(entries[position], event=change(entries[position].event))

    assert verify_chain(entries).broken_at == position + 1


@settings(max_examples=100, deadline=None)
@given(events=st.lists(events, min_size=2, max_size=12), data=st.data())
def test_any_swap_or_removal_is_found_at_the_first_moved_entry(
    events: list[AuditEvent], data: st.DataObject
) -> None:
    entries = make_chain(events)
    first = data.draw(st.integers(0, len(entries) - 2))
    second = data.draw(st.integers(first + 1, len(entries) - 1))
    swapped = list(entries)
    swapped[first], swapped[second] = swapped[second], swapped[first]
    removed = entries[:first] + entries[first + 1 :]

    assert verify_chain(swapped).broken_at == first + 1
    assert verify_chain(removed).broken_at == first + 1
