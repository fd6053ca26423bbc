"""Watchlist records validate themselves; messages name the field, never the value."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from limes.watchlists.errors import InvalidFieldError, NoIdentifyingItemError
from limes.watchlists.keys import dates_agree, document_key, name_key
from limes.watchlists.model import (
    DocumentSource,
    DocumentStatus,
    Organisation,
    PersonAction,
    PersonAlertCategory,
    WatchlistKind,
    default_person_action,
)
from tests.watchlists.builders import (
    CREATED,
    make_document_alert,
    make_entry,
    make_person_alert,
    passport,
)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"alert_id": ""}, "alert_id", id="empty-id"),
        pytest.param({"alert_id": "a b"}, "alert_id", id="id-with-space"),
        pytest.param({"issuing_state": "QQQ"}, "issuing_state", id="unknown-state"),
        pytest.param({"surname": " "}, "surname", id="blank-surname"),
        pytest.param({"surname": "A\nB"}, "surname", id="control-character"),
        pytest.param({"date_of_birth": "1975-13"}, "date_of_birth", id="month-13"),
        pytest.param({"date_of_birth": "1975-02-30"}, "date_of_birth", id="february-30"),
        pytest.param({"date_of_birth": "75"}, "date_of_birth", id="two-digit-year"),
        pytest.param({"date_of_birth": "1850"}, "date_of_birth", id="before-1900"),
        pytest.param({"sex": "Q"}, "sex", id="unknown-sex"),
        pytest.param({"nationalities": ("UTO", "UTO")}, "nationalities", id="repeated"),
        pytest.param({"nationalities": ("uto",)}, "nationalities", id="lower-case"),
        pytest.param({"action_to_take": PersonAction.ARREST}, "action_to_take", id="wrong-action"),
        pytest.param({"valid_until": CREATED}, "valid_until", id="ends-when-it-starts"),
        pytest.param(
            {"created_at": datetime(2026, 1, 1)},
            "created_at",
            id="naive-instant",
        ),
        pytest.param({"other_names": ("",)}, "other_names", id="empty-alias"),
    ],
)
def test_a_person_alert_refuses_a_broken_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidFieldError) as raised:
        make_person_alert(**changes)

    assert raised.value.field == field
    assert raised.value.code == "watchlist.invalid_field"
    for value in changes.values():
        if isinstance(value, str) and value.strip():
            assert value not in raised.value.message


@pytest.mark.parametrize("birth", ["1975", "1975-03", "1975-03-02", None])
def test_a_date_of_birth_may_be_partial_or_missing(birth: str | None) -> None:
    assert make_person_alert(date_of_birth=birth).date_of_birth == birth


@pytest.mark.parametrize(
    ("category", "action"),
    [
        (PersonAlertCategory.REFUSAL_OF_ENTRY, PersonAction.REFUSE_ENTRY),
        (PersonAlertCategory.ARREST, PersonAction.ARREST),
        (PersonAlertCategory.MISSING_PERSON, PersonAction.PLACE_UNDER_PROTECTION),
        (PersonAlertCategory.JUDICIAL_PROCEDURE, PersonAction.REPORT_WHEREABOUTS),
        (PersonAlertCategory.CHECK, PersonAction.DISCREET_CHECK),
    ],
)
def test_each_category_has_a_default_action(
    category: PersonAlertCategory, action: PersonAction
) -> None:
    assert default_person_action(category) is action
    assert make_person_alert(category=category, action_to_take=action).action_to_take is action


def test_a_check_alert_may_ask_for_a_specific_check() -> None:
    alert = make_person_alert(
        category=PersonAlertCategory.CHECK, action_to_take=PersonAction.SPECIFIC_CHECK
    )
    assert alert.action_to_take is PersonAction.SPECIFIC_CHECK


def test_an_alert_is_in_force_from_its_start_until_its_end_or_withdrawal() -> None:
    end = CREATED + timedelta(days=10)
    alert = make_person_alert(valid_until=end)

    assert not alert.in_force(CREATED - timedelta(seconds=1))
    assert alert.in_force(CREATED)
    assert not alert.in_force(end)
    withdrawn = make_person_alert(withdrawn_at=CREATED + timedelta(days=1))
    assert withdrawn.in_force(CREATED)
    assert not withdrawn.in_force(CREATED + timedelta(days=1))


def test_sltd_holds_no_misappropriated_documents() -> None:
    with pytest.raises(InvalidFieldError) as raised:
        make_document_alert(source=DocumentSource.SLTD, status=DocumentStatus.MISAPPROPRIATED)
    assert raised.value.field == "status"
    sis = make_document_alert(status=DocumentStatus.MISAPPROPRIATED)
    assert sis.kind is WatchlistKind.SIS_DOCUMENT
    assert make_document_alert(source=DocumentSource.SLTD).kind is WatchlistKind.SLTD_DOCUMENT


def test_a_document_alert_is_found_by_its_normalised_key() -> None:
    alert = make_document_alert(document_number="spec 987-65<", document_country="NLD")
    assert alert.key == ("NLD", "SPEC98765")


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"surname": None, "date_of_birth": None}, id="first-names-only"),
        pytest.param(
            {
                "surname": None,
                "date_of_birth": None,
                "place_of_birth": "Utopia City",
                "country_of_birth": "UTO",
                "sex": "M",
                "nationalities": ("UTO",),
            },
            id="only-items-added-where-available",
        ),
    ],
)
def test_an_entry_without_an_identifying_item_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(NoIdentifyingItemError) as raised:
        make_entry(**changes)
    assert raised.value.code == "watchlist.no_identifying_item"


@pytest.mark.parametrize(
    ("changes", "item"),
    [
        pytest.param({"surname": "Kestrel"}, "surname", id="surname"),
        pytest.param({"surname_at_birth": "Falk"}, "surname_at_birth", id="surname-at-birth"),
        pytest.param({"date_of_birth": "1981"}, "date_of_birth", id="date-of-birth"),
        pytest.param({"other_names": ("The Hawk",)}, "other_names", id="alias"),
        pytest.param({"travel_documents": (passport(),)}, "travel_documents", id="document"),
        pytest.param({"home_address": "1 Example Street"}, "home_address", id="address"),
        pytest.param({"email": "a.kestrel@example.org"}, "email", id="e-mail"),
        pytest.param({"phone": "+31 20 555 0100"}, "phone", id="phone"),
        pytest.param({"ip_address": "2001:db8::1"}, "ip_address", id="ip-address"),
        pytest.param(
            {"organisation": Organisation(name="Example Trading Ltd")}, "organisation", id="firm"
        ),
    ],
)
def test_one_identifying_item_is_enough(changes: dict[str, Any], item: str) -> None:
    bare = {"surname": None, "first_names": None, "date_of_birth": None}
    entry = make_entry(**(bare | changes))
    assert entry.identifying_items == (item,)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"entered_by": "INTERPOL"}, "entered_by", id="unknown-party"),
        pytest.param({"email": "not an address"}, "email", id="e-mail"),
        pytest.param({"ip_address": "999.1.1.1"}, "ip_address", id="ip-address"),
        pytest.param({"phone": "call me"}, "phone", id="phone"),
        pytest.param({"country_of_birth": "QQQ"}, "country_of_birth", id="country-of-birth"),
        pytest.param({"surname": ""}, "surname", id="empty-surname"),
    ],
)
def test_an_entry_refuses_a_broken_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidFieldError) as raised:
        make_entry(**changes)
    assert raised.value.field == field


def test_an_organisation_holds_at_least_one_item() -> None:
    with pytest.raises(InvalidFieldError) as raised:
        Organisation()
    assert raised.value.field == "organisation"


def test_an_entry_is_due_for_review_a_year_after_its_last_review_or_creation() -> None:
    entry = make_entry()
    year = timedelta(days=365)

    assert not entry.due_for_review(CREATED + year)
    assert entry.due_for_review(CREATED + year + timedelta(seconds=1))
    reviewed = make_entry(last_reviewed_at=CREATED + year)
    assert not reviewed.due_for_review(CREATED + year + timedelta(days=1))
    withdrawn = make_entry(withdrawn_at=CREATED + timedelta(days=1))
    assert not withdrawn.due_for_review(CREATED + 2 * year)


def test_keys_compare_documents_surnames_and_partial_dates() -> None:
    assert document_key(" nld", "ab 12-3<") == ("NLD", "AB123")
    assert name_key("Müller") == name_key("MUELLER") == "MUELLER"
    assert dates_agree("1975", "1975-03-02")
    assert dates_agree("1975-03", "1975-03")
    assert not dates_agree("1975-03", "1975-04-01")
    assert not dates_agree(None, "1975")


def test_instants_keep_their_offset_but_compare_as_instants() -> None:
    at = datetime(2026, 1, 5, 10, 0, tzinfo=UTC).astimezone()
    assert make_person_alert(created_at=at, valid_from=at).created_at == at
