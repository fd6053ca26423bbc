"""Contract: SIS alerts, the SLTD copy and the ETIAS watchlist, on memory, SQLite, PostgreSQL."""

from dataclasses import replace
from datetime import timedelta

import pytest

from limes.core.time import FixedClock
from limes.watchlists.errors import AlertNotFoundError, DuplicateAlertError
from limes.watchlists.jsonl import parse_lines
from limes.watchlists.keys import name_key
from limes.watchlists.model import (
    DocumentSource,
    Organisation,
    PersonAlert,
    WatchlistEntry,
    WatchlistKind,
)
from limes.watchlists.service import WatchlistService
from tests.store.conftest import StoreUnderTest
from tests.watchlists.builders import (
    ADMIN,
    CREATED,
    SAMPLE,
    make_document_alert,
    make_entry,
    make_person_alert,
    passport,
)

LATER = CREATED + timedelta(days=30)


def full_entry(**changes: object) -> WatchlistEntry:
    return make_entry(
        surname="Ørsted",
        surname_at_birth="Falk",
        other_names=("The Hawk", "Ястреб"),
        place_of_birth="Utopia City",
        country_of_birth="UTO",
        sex="M",
        nationalities=("UTO", "NLD"),
        travel_documents=(passport("SPEC1"), passport("SPEC2", "NLD")),
        home_address="1 Example Street",
        email="hawk@example.org",
        phone="+31 20 555 0100",
        ip_address="2001:db8::7",
        organisation=Organisation(name="Example Ltd", address="2 Example Quay"),
        **changes,
    )


def test_each_kind_is_stored_and_read_back_whole(store: StoreUnderTest) -> None:
    person = make_person_alert(other_names=("Jo V", "J. Vandermeer"), valid_until=LATER)
    document = make_document_alert(source=DocumentSource.SLTD, issuing_state="FRA")
    entry = full_entry()
    with store.unit_of_work() as uow:
        uow.watchlists.add_person_alert(person)
        uow.watchlists.add_document_alert(document)
        uow.watchlists.add_watchlist_entry(entry)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.watchlists.get_person_alert(person.alert_id) == person
        assert uow.watchlists.get_document_alert(document.alert_id) == document
        assert uow.watchlists.get_watchlist_entry(entry.entry_id) == entry
        assert uow.watchlists.kind_of(person.alert_id) is WatchlistKind.SIS_PERSON
        assert uow.watchlists.kind_of(document.alert_id) is WatchlistKind.SLTD_DOCUMENT
        assert uow.watchlists.kind_of(entry.entry_id) is WatchlistKind.ETIAS_WATCHLIST
        assert uow.watchlists.kind_of("unknown") is None
        assert uow.watchlists.get_person_alert("unknown") is None


def test_a_taken_identifier_is_refused_within_a_kind(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        uow.watchlists.add_person_alert(make_person_alert())
        uow.commit()

    with store.unit_of_work() as uow, pytest.raises(DuplicateAlertError):
        uow.watchlists.add_person_alert(make_person_alert(surname="Other"))


def test_nothing_is_visible_before_commit(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        uow.watchlists.add_person_alert(make_person_alert())
        assert uow.watchlists.count(WatchlistKind.SIS_PERSON) == 1

    with store.unit_of_work() as uow:
        assert uow.watchlists.count(WatchlistKind.SIS_PERSON) == 0


def test_documents_are_found_exactly_after_normalising_and_only_in_force(
    store: StoreUnderTest,
) -> None:
    with store.unit_of_work() as uow:
        watchlists = uow.watchlists
        watchlists.add_document_alert(make_document_alert(document_number="SPEC 987-65"))
        watchlists.add_document_alert(
            make_document_alert(alert_id="SLTD-1", source=DocumentSource.SLTD)
        )
        watchlists.add_document_alert(make_document_alert(alert_id="OTHER", document_country="UTO"))
        watchlists.add_document_alert(make_document_alert(alert_id="LATE", valid_from=LATER))
        watchlists.add_document_alert(
            make_document_alert(alert_id="OLD", valid_until=CREATED + timedelta(days=1))
        )
        watchlists.add_person_alert(make_person_alert(travel_documents=(passport("X-1", "NLD"),)))
        uow.commit()

    at = CREATED + timedelta(days=2)
    with store.unit_of_work() as uow:
        found = uow.watchlists.find_documents("nld", "spec98765", at)
        assert [alert.alert_id for alert in found] == ["SISDOC-NLD-0001", "SLTD-1"]
        assert [a.alert_id for a in uow.watchlists.find_documents("NLD", "SPEC98765", LATER)] == [
            "LATE",
            "SISDOC-NLD-0001",
            "SLTD-1",
        ]
        holders = uow.watchlists.find_person_alerts_by_document("NLD", "x1", at)
        assert [alert.alert_id for alert in holders] == ["SIS-NLD-0001"]
        assert uow.watchlists.find_person_alerts_by_document("UTO", "X1", at) == []


def test_withdrawal_takes_an_alert_out_of_force_from_then_on(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        uow.watchlists.add_person_alert(make_person_alert())
        uow.watchlists.add_watchlist_entry(make_entry())
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.watchlists.withdraw("SIS-NLD-0001", LATER, "obsolete")
        assert uow.watchlists.withdraw("ETW-0001", LATER, "obsolete")
        assert not uow.watchlists.withdraw("unknown", LATER, "obsolete")
        uow.commit()

    key = name_key("VANDERMEER")
    with store.unit_of_work() as uow:
        alert = uow.watchlists.get_person_alert("SIS-NLD-0001")
        assert alert is not None
        assert (alert.withdrawn_at, alert.withdrawal_reason) == (LATER, "obsolete")
        assert [a.alert_id for a in uow.watchlists.find_person_alerts_by_surname(key, CREATED)] == [
            "SIS-NLD-0001"
        ]
        assert uow.watchlists.find_person_alerts_by_surname(key, LATER) == []
        assert list(uow.watchlists.active_watchlist_entries(LATER)) == []
        assert [e.entry_id for e in uow.watchlists.active_watchlist_entries(CREATED)] == [
            "ETW-0001"
        ]
        assert uow.watchlists.count(WatchlistKind.SIS_PERSON) == 1
        assert uow.watchlists.count(WatchlistKind.SIS_PERSON, LATER) == 0


def test_a_review_date_is_saved(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        uow.watchlists.add_watchlist_entry(full_entry())
        uow.commit()

    with store.unit_of_work() as uow:
        entry = uow.watchlists.get_watchlist_entry("ETW-0001")
        assert entry is not None
        uow.watchlists.save_watchlist_entry(replace(entry, last_reviewed_at=LATER))
        with pytest.raises(AlertNotFoundError):
            uow.watchlists.save_watchlist_entry(replace(entry, entry_id="unknown"))
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.watchlists.get_watchlist_entry("ETW-0001") == replace(
            full_entry(), last_reviewed_at=LATER
        )


def test_iterators_page_through_every_alert_in_identifier_order(store: StoreUnderTest) -> None:
    alerts = [make_person_alert(alert_id=f"P-{n:05d}") for n in range(2_050)]
    with store.unit_of_work() as uow:
        for alert in alerts:
            uow.watchlists.add_person_alert(alert)
        uow.watchlists.add_document_alert(make_document_alert())
        uow.watchlists.add_document_alert(
            make_document_alert(alert_id="SLTD-1", source=DocumentSource.SLTD)
        )
        uow.commit()

    with store.unit_of_work() as uow:
        listed: list[PersonAlert] = list(uow.watchlists.person_alerts())
        active = list(uow.watchlists.active_person_alerts(CREATED))
        assert listed == active == alerts
        assert [a.alert_id for a in uow.watchlists.document_alerts()] == [
            "SISDOC-NLD-0001",
            "SLTD-1",
        ]
        assert [a.alert_id for a in uow.watchlists.active_document_alerts(CREATED)] == [
            "SISDOC-NLD-0001",
            "SLTD-1",
        ]
        assert uow.watchlists.count(WatchlistKind.SLTD_DOCUMENT, CREATED) == 1
        assert uow.watchlists.count(WatchlistKind.SIS_DOCUMENT) == 1


def test_the_service_imports_and_exports_the_sample_on_every_store(store: StoreUnderTest) -> None:
    service = WatchlistService(store.unit_of_work, FixedClock(LATER), batch_rows=5)
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()

    report = service.import_lines(ADMIN, lines)
    again = service.import_lines(ADMIN, lines)

    assert (report.stored, report.rejected) == (12, ())
    assert {rejection.code for rejection in again.rejected} == {"duplicate_alert"}
    # SQL stores give instants back in UTC: compare records, not their text.
    imported = {record.record_id: record for _, record in parse_lines(lines)}  # type: ignore[union-attr]
    exported = {record.record_id: record for _, record in parse_lines(service.export(ADMIN))}  # type: ignore[union-attr]
    assert exported == imported
