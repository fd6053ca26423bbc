"""The JSON Lines format: one refusal code per kind of fault, and parse(write(x)) == x."""

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from limes.watchlists.import_report import Rejection
from limes.watchlists.jsonl import MAX_LINE_CHARACTERS, parse_line, parse_lines, to_line
from limes.watchlists.model import (
    DocumentAction,
    DocumentSource,
    Organisation,
    PersonAction,
    PersonAlertCategory,
    WatchlistRecord,
)
from tests.watchlists.builders import (
    CREATED,
    make_document_alert,
    make_entry,
    make_person_alert,
    passport,
)

PERSON = {
    "kind": "sis_person",
    "alert_id": "SIS-UTO-1",
    "issuing_state": "UTO",
    "category": "arrest",
    "surname": "Quillfeather",
    "date_of_birth": "1968",
    "created_at": "2026-01-05T09:00:00Z",
}


def line(**fields: object) -> str:
    return json.dumps(PERSON | fields)


def rejection(text: str) -> Rejection:
    parsed = parse_line(text, 7)
    assert isinstance(parsed, Rejection), parsed
    assert parsed.line == 7
    return parsed


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("{not json", "invalid_json", id="invalid-json"),
        pytest.param("[1, 2]", "not_an_object", id="not-an-object"),
        pytest.param(
            '{"kind": "sis_person", "kind": "sltd_document"}',
            "duplicate_field",
            id="duplicate-field",
        ),
        pytest.param('{"alert_id": "A-1"}', "missing_kind", id="missing-kind"),
        pytest.param('{"kind": "interpol_red_notice"}', "unknown_kind", id="unknown-kind"),
        pytest.param('{"kind": ["sis_person"]}', "unknown_kind", id="kind-not-a-string"),
        pytest.param(line(surname=None), "missing_field", id="missing-field"),
        pytest.param(line(favourite_colour="red"), "unknown_field", id="unknown-field"),
        pytest.param(line(surname=42), "invalid_field", id="wrong-type"),
        pytest.param(line(category="wanted"), "invalid_field", id="unknown-category"),
        pytest.param(line(created_at="2026-01-05T09:00:00"), "invalid_field", id="naive-time"),
        pytest.param(line(date_of_birth="02/03/1968"), "invalid_field", id="date-format"),
        pytest.param(line(travel_documents=["P1234"]), "invalid_field", id="document-not-object"),
        pytest.param(
            line(
                travel_documents=[
                    {"document_type": "P", "number": "1", "country": "UTO", "expiry": "2030"}
                ]
            ),
            "unknown_field",
            id="unknown-document-field",
        ),
        pytest.param(line(nationalities="UTO"), "invalid_field", id="list-expected"),
        pytest.param(
            json.dumps(
                {
                    "kind": "etias_watchlist",
                    "entry_id": "E-1",
                    "entered_by": "EUROPOL",
                    "offence": "terrorist_offence",
                    "first_names": "Amon",
                    "created_at": "2026-01-05T09:00:00Z",
                }
            ),
            "no_identifying_item",
            id="no-identifying-item",
        ),
        pytest.param(
            line(other_names=["x" * MAX_LINE_CHARACTERS]), "line_too_long", id="line-too-long"
        ),
    ],
)
def test_each_fault_has_its_code(text: str, code: str) -> None:
    assert rejection(text).code == code


def test_a_message_names_the_field_but_never_the_value() -> None:
    refused = rejection(line(date_of_birth="02/03/1968", surname="Quillfeather"))

    assert refused.message.startswith("date_of_birth:")
    assert "1968" not in refused.message
    assert "Quillfeather" not in refused.message


def test_an_unknown_field_that_looks_like_data_is_not_named() -> None:
    refused = rejection(line(**{"Quillfeather, Ada": 1}))

    assert refused.code == "unknown_field"
    assert "Quillfeather" not in refused.message


def test_defaults_fill_what_an_issuer_may_leave_out() -> None:
    alert = parse_line(line())

    assert not isinstance(alert, Rejection | None)
    assert alert.kind.value == "sis_person"
    assert alert.action_to_take is PersonAction.ARREST  # type: ignore[union-attr]
    assert alert.valid_from == alert.created_at == CREATED  # type: ignore[union-attr]
    assert alert.given_names == ""  # type: ignore[union-attr]


def test_blank_lines_are_skipped_and_numbers_kept() -> None:
    rows = list(parse_lines(["", line(), "   \n", "oops", line(alert_id="SIS-UTO-2")]))

    assert [number for number, _ in rows] == [2, 4, 5]
    assert isinstance(rows[1][1], Rejection)


RECORDS: list[WatchlistRecord] = [
    make_person_alert(),
    make_person_alert(
        category=PersonAlertCategory.MISSING_PERSON,
        action_to_take=PersonAction.REPORT_WHEREABOUTS,
        valid_until=CREATED + timedelta(days=30),
        withdrawn_at=CREATED + timedelta(days=2),
        withdrawal_reason="person found",
        sex=None,
        date_of_birth=None,
        travel_documents=(),
    ),
    make_document_alert(),
    make_document_alert(
        source=DocumentSource.SLTD,
        issuing_state="FRA",
        action_to_take=DocumentAction.CONTACT_ISSUING_AUTHORITY,
        created_at=datetime(2025, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=2))),
    ),
    make_entry(),
    make_entry(
        surname="Ørsted-Łódź",
        surname_at_birth="Ωmega",
        other_names=("The Hawk", "Ястреб"),
        place_of_birth="Utopia City",
        country_of_birth="UTO",
        sex="X",
        nationalities=("UTO", "NLD"),
        travel_documents=(passport(), passport("SPEC5", "NLD")),
        home_address="1 Example Street, 1000 AA Utopia",
        email="kestrel@example.org",
        phone="+31 20 555 0100",
        ip_address="192.0.2.7",
        organisation=Organisation(name="Example Trading Ltd", phone="+31 20 555 0199"),
        last_reviewed_at=CREATED + timedelta(days=200),
    ),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.record_id)
def test_writing_then_parsing_gives_the_record_back(record: WatchlistRecord) -> None:
    written = to_line(record)

    assert "\n" not in written
    assert parse_line(written) == record
    assert set(json.loads(written)) >= {"kind", "created_at", "withdrawn_at"}


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x7f"),
    min_size=1,
    max_size=40,
).filter(str.strip)


@given(
    surname=names,
    given_names=names,
    aliases=st.lists(names, max_size=3),
    birth=st.sampled_from([None, "1900", "1999-12", "2000-02-29"]),
    minutes=st.integers(min_value=-720, max_value=840),
)
def test_any_person_alert_survives_a_round_trip(
    surname: str, given_names: str, aliases: list[str], birth: str | None, minutes: int
) -> None:
    at = datetime(2026, 3, 1, tzinfo=UTC).astimezone(timezone(timedelta(minutes=minutes)))
    alert = make_person_alert(
        surname=surname,
        given_names=given_names,
        other_names=tuple(aliases),
        date_of_birth=birth,
        valid_from=at,
        created_at=at,
    )
    assert parse_line(to_line(alert)) == alert
