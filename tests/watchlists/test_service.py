"""WatchlistService on the in-memory store: access, audit, art. 35, review, observers."""

from dataclasses import replace
from datetime import timedelta

import pytest

from limes.access.errors import ForbiddenError
from limes.access.model import Actor
from limes.watchlists.errors import (
    AlertNotFoundError,
    AlreadyWithdrawnError,
    DuplicateAlertError,
    EntryInSisError,
    InvalidFieldError,
    NotResponsibleError,
)
from limes.watchlists.model import DocumentSource, WatchlistAdditions, WatchlistKind
from tests.watchlists.builders import (
    ADMIN,
    CREATED,
    ETIAS_UNIT_NL,
    EUROPOL_ANALYST,
    GUARD,
    SIRENE_DE,
    SIRENE_NL,
    make_document_alert,
    make_entry,
    make_person_alert,
    passport,
)
from tests.watchlists.conftest import Lists


def test_an_added_alert_is_stored_and_audited(lists: Lists) -> None:
    alert = lists.service.add_person_alert(SIRENE_NL, make_person_alert())

    assert lists.service.get_person_alert(GUARD, alert.alert_id) == alert
    [added, read] = lists.audit_events()
    assert (added.action, added.subject, added.actor) == (
        "watchlist.sis_person.add",
        "sis_person:SIS-NLD-0001",
        "sirene-nl",
    )
    assert (read.action, read.actor) == ("watchlist.read", "guard-1")


@pytest.mark.parametrize(
    ("actor", "error"),
    [
        pytest.param(GUARD, ForbiddenError, id="a-border-guard"),
        pytest.param(EUROPOL_ANALYST, ForbiddenError, id="europol"),
        pytest.param(SIRENE_DE, NotResponsibleError, id="another-states-sirene"),
    ],
)
def test_only_the_issuing_states_sirene_adds_an_sis_alert(
    lists: Lists, actor: Actor, error: type[Exception]
) -> None:
    with pytest.raises(error):
        lists.service.add_person_alert(actor, make_person_alert())
    assert lists.audit_events() == []


def test_any_sirene_keeps_the_sltd_copy(lists: Lists) -> None:
    sltd = make_document_alert(source=DocumentSource.SLTD, issuing_state="FRA")
    assert lists.service.add_document_alert(SIRENE_DE, sltd) == sltd


def test_an_identifier_is_taken_across_kinds(lists: Lists) -> None:
    lists.service.add_person_alert(SIRENE_NL, make_person_alert(alert_id="X-1"))

    with pytest.raises(DuplicateAlertError):
        lists.service.add_document_alert(SIRENE_NL, make_document_alert(alert_id="X-1"))


def test_a_watchlist_entry_is_entered_by_the_actors_own_party(lists: Lists) -> None:
    lists.service.add_watchlist_entry(EUROPOL_ANALYST, make_entry())
    lists.service.add_watchlist_entry(
        ETIAS_UNIT_NL, make_entry(entry_id="ETW-NL-1", entered_by="NLD")
    )

    with pytest.raises(NotResponsibleError):
        lists.service.add_watchlist_entry(ETIAS_UNIT_NL, make_entry(entry_id="ETW-2"))
    with pytest.raises(ForbiddenError):
        lists.service.add_watchlist_entry(SIRENE_NL, make_entry(entry_id="ETW-3"))


@pytest.mark.parametrize(
    "entry_changes",
    [
        pytest.param({"surname": "VANDERMEER", "date_of_birth": "1975-03-02"}, id="same"),
        pytest.param({"surname": "Vandermeer", "date_of_birth": "1975"}, id="birth-year-only"),
        pytest.param(
            {"surname": "Smit", "surname_at_birth": "Vandermeer", "date_of_birth": "1975-03"},
            id="surname-at-birth",
        ),
        pytest.param(
            {"surname": None, "date_of_birth": None, "travel_documents": (passport("spec 01234"),)},
            id="same-document",
        ),
    ],
)
def test_an_entry_corresponding_to_an_sis_alert_is_refused(
    lists: Lists, entry_changes: dict[str, object]
) -> None:
    lists.service.add_person_alert(SIRENE_NL, make_person_alert())

    with pytest.raises(EntryInSisError) as raised:
        lists.service.add_watchlist_entry(EUROPOL_ANALYST, make_entry(**entry_changes))

    assert raised.value.code == "watchlist.entry_in_sis"
    assert "Vandermeer" not in raised.value.message
    assert "art. 35" in raised.value.message
    with pytest.raises(AlertNotFoundError):
        lists.service.get_watchlist_entry(GUARD, "ETW-0001")


@pytest.mark.parametrize(
    "entry_changes",
    [
        pytest.param({"surname": "Vandermeer", "date_of_birth": "1976"}, id="other-birth"),
        pytest.param({"surname": "Vandermeer", "date_of_birth": None}, id="no-birth"),
        pytest.param({"surname": "Vandermeeren", "date_of_birth": "1975-03-02"}, id="other-name"),
    ],
)
def test_an_entry_that_differs_from_every_alert_is_entered(
    lists: Lists, entry_changes: dict[str, object]
) -> None:
    lists.service.add_person_alert(SIRENE_NL, make_person_alert())

    entry = lists.service.add_watchlist_entry(EUROPOL_ANALYST, make_entry(**entry_changes))

    assert lists.service.get_watchlist_entry(GUARD, entry.entry_id) == entry


def test_a_withdrawn_sis_alert_no_longer_blocks_an_entry(lists: Lists) -> None:
    lists.service.add_person_alert(SIRENE_NL, make_person_alert())
    lists.service.withdraw(SIRENE_NL, "SIS-NLD-0001", "person arrested")

    entry = make_entry(surname="Vandermeer", date_of_birth="1975-03-02")
    assert lists.service.add_watchlist_entry(EUROPOL_ANALYST, entry) == entry


def test_withdrawing_keeps_the_alert_out_of_force(lists: Lists) -> None:
    lists.service.add_document_alert(SIRENE_NL, make_document_alert())
    lists.clock.advance(days=1)

    withdrawn = lists.service.withdraw(SIRENE_NL, "SISDOC-NLD-0001", "document recovered")

    assert withdrawn.withdrawn_at == lists.clock.now()
    assert lists.service.get_document_alert(GUARD, "SISDOC-NLD-0001") == withdrawn
    assert not lists.service.check_document(GUARD, "NLD", "SPEC98765").hit
    with pytest.raises(AlreadyWithdrawnError):
        lists.service.withdraw(SIRENE_NL, "SISDOC-NLD-0001", "again")


def test_withdrawing_needs_a_reason_the_right_kind_and_the_issuer(lists: Lists) -> None:
    lists.service.add_person_alert(SIRENE_NL, make_person_alert())

    with pytest.raises(InvalidFieldError):
        lists.service.withdraw(SIRENE_NL, "SIS-NLD-0001", " ")
    with pytest.raises(AlertNotFoundError):
        lists.service.withdraw(
            SIRENE_NL, "SIS-NLD-0001", "wrong kind", kinds={WatchlistKind.SIS_DOCUMENT}
        )
    with pytest.raises(NotResponsibleError):
        lists.service.withdraw(SIRENE_DE, "SIS-NLD-0001", "not ours")
    with pytest.raises(AlertNotFoundError):
        lists.service.withdraw(SIRENE_NL, "nothing", "unknown")


def test_a_document_check_finds_both_sources_and_persons_holding_it(lists: Lists) -> None:
    lists.service.add_document_alert(
        SIRENE_NL, make_document_alert(document_country="UTO", document_number="SPEC01234")
    )
    lists.service.add_document_alert(
        SIRENE_NL,
        make_document_alert(
            alert_id="SLTD-1",
            source=DocumentSource.SLTD,
            document_country="UTO",
            document_number="SPEC-01234",
        ),
    )
    lists.service.add_person_alert(SIRENE_NL, make_person_alert())

    check = lists.service.check_document(GUARD, "uto", "spec 012 34")

    assert [a.alert_id for a in check.document_alerts] == ["SISDOC-NLD-0001", "SLTD-1"]
    assert [a.alert_id for a in check.person_alerts] == ["SIS-NLD-0001"]
    audited = lists.audit_events()[-1]
    assert (audited.action, audited.outcome) == ("watchlist.document.check", "hit")
    assert "SPEC01234" not in audited.subject
    assert audited.subject == "document:uto/…34"


def test_an_alert_not_yet_valid_is_not_found(lists: Lists) -> None:
    later = CREATED + timedelta(days=3)
    lists.service.add_document_alert(SIRENE_NL, make_document_alert(valid_from=later))

    assert not lists.service.check_document(GUARD, "NLD", "SPEC98765").hit
    lists.clock.set(later)
    assert lists.service.check_document(GUARD, "NLD", "SPEC98765").hit


def test_entries_fall_due_for_review_a_year_after_entry_or_review(lists: Lists) -> None:
    service = lists.service
    service.add_watchlist_entry(EUROPOL_ANALYST, make_entry(entry_id="A"))
    lists.clock.advance(days=100)
    later = lists.clock.now()
    service.add_watchlist_entry(
        EUROPOL_ANALYST, make_entry(entry_id="B", surname="Other", created_at=later)
    )
    lists.clock.advance(days=266)  # A: a year and a day; B: not yet

    assert [entry.entry_id for entry in service.due_for_review(GUARD)] == ["A"]

    reviewed = service.review_watchlist_entry(EUROPOL_ANALYST, "A")
    assert reviewed.last_reviewed_at == lists.clock.now()
    assert service.due_for_review(GUARD) == []
    lists.clock.advance(days=100)
    assert [entry.entry_id for entry in service.due_for_review(GUARD)] == ["B"]
    with pytest.raises(NotResponsibleError):
        service.review_watchlist_entry(ETIAS_UNIT_NL, "B")
    assert lists.audit_events()[-1].action == "watchlist.review_due.read"


def test_observers_hear_of_additions_only_after_commit(lists: Lists) -> None:
    heard: list[tuple[WatchlistAdditions, str, bool]] = []

    def observer(additions: WatchlistAdditions, actor: Actor) -> None:
        # Committed: a new unit of work already sees the addition.
        [alert] = additions.person_alerts
        with lists.unit_of_work() as uow:
            visible = uow.watchlists.get_person_alert(alert.alert_id) is not None
        heard.append((additions, actor.user_name, visible))

    lists.service.observe_new(observer)
    alert = lists.service.add_person_alert(SIRENE_NL, make_person_alert())
    with pytest.raises(DuplicateAlertError):
        lists.service.add_person_alert(SIRENE_NL, make_person_alert())

    assert heard == [(WatchlistAdditions(person_alerts=(alert,)), "sirene-nl", True)]


def test_listing_and_counting_see_every_kind(lists: Lists) -> None:
    lists.service.add_person_alert(SIRENE_NL, make_person_alert(alert_id="P-2"))
    lists.service.add_person_alert(SIRENE_NL, make_person_alert(alert_id="P-1"))
    lists.service.add_document_alert(SIRENE_NL, make_document_alert())
    lists.service.withdraw(SIRENE_NL, "P-2", "obsolete")

    listed = lists.service.list_records(GUARD, WatchlistKind.SIS_PERSON)
    assert [record.record_id for record in listed] == ["P-1", "P-2"]
    assert lists.service.list_records(GUARD, WatchlistKind.SLTD_DOCUMENT) == []
    assert lists.service.counts(GUARD) == {
        WatchlistKind.SIS_PERSON: 1,
        WatchlistKind.SIS_DOCUMENT: 1,
        WatchlistKind.SLTD_DOCUMENT: 0,
        WatchlistKind.ETIAS_WATCHLIST: 0,
    }
    assert [a.alert_id for a in lists.service.person_alerts_in_force(GUARD)] == ["P-1"]


def test_reading_needs_a_reading_role(lists: Lists) -> None:
    with pytest.raises(ForbiddenError):
        lists.service.due_for_review(replace(ADMIN, roles=frozenset()))
