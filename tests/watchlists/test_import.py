"""Importing JSON Lines: counts per kind, refused rows with their line, batches, observers."""

import json

import pytest

from limes.access.errors import ForbiddenError
from limes.ees.errors import StoreUnavailableError
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from limes.watchlists.errors import ImportInterruptedError
from limes.watchlists.import_report import ImportProgress
from limes.watchlists.jsonl import to_line
from limes.watchlists.model import WatchlistAdditions, WatchlistKind
from limes.watchlists.service import WatchlistService
from tests.watchlists.builders import (
    ADMIN,
    GUARD,
    SAMPLE,
    SIRENE_NL,
    make_document_alert,
    make_entry,
    make_person_alert,
)
from tests.watchlists.conftest import Lists, make_lists


def test_the_sample_file_imports_completely(lists: Lists) -> None:
    with SAMPLE.open(encoding="utf-8") as lines:
        report = lists.service.import_lines(ADMIN, lines)

    assert report.complete
    assert report.lines_read == 12
    assert report.accepted == {
        WatchlistKind.SIS_PERSON: 5,
        WatchlistKind.SIS_DOCUMENT: 2,
        WatchlistKind.SLTD_DOCUMENT: 2,
        WatchlistKind.ETIAS_WATCHLIST: 3,
    }
    imports = [e for e in lists.audit_events() if e.action == "watchlist.import"]
    assert len(imports) == 12
    assert imports[0].subject == "sis_person:SIS-NLD-2026-000101"


def test_refused_rows_are_reported_by_line_and_code_and_the_rest_stored(lists: Lists) -> None:
    lines = [
        to_line(make_person_alert()),
        "",
        "{broken",
        to_line(make_person_alert()),  # the same alert again
        to_line(make_entry(surname="Vandermeer", date_of_birth="1975")),  # in SIS
        to_line(make_document_alert()),
    ]

    report = lists.service.import_lines(ADMIN, lines)

    assert [(r.line, r.code) for r in report.rejected] == [
        (3, "invalid_json"),
        (4, "duplicate_alert"),
        (5, "entry_in_sis"),
    ]
    assert report.stored == 2
    assert str(report.rejected[1]) == (
        "line 4: duplicate_alert: an alert or entry with this identifier is stored"
    )
    batch = lists.audit_events()[-1]
    assert (batch.action, batch.outcome) == ("watchlist.import.batch", "stored 2, refused 3")


def test_importing_the_same_file_again_overwrites_nothing(lists: Lists) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lists.service.import_lines(ADMIN, lines)
    lists.service.withdraw(SIRENE_NL, "SIS-NLD-2026-000101", "obsolete")

    again = lists.service.import_lines(ADMIN, lines)

    assert again.stored == 0
    assert {r.code for r in again.rejected} == {"duplicate_alert"}
    assert lists.service.get_person_alert(GUARD, "SIS-NLD-2026-000101").withdrawn_at is not None


def test_rows_are_committed_in_batches_with_progress_and_observers() -> None:
    lists = make_lists(batch_rows=2)
    progress: list[ImportProgress] = []
    heard: list[WatchlistAdditions] = []
    lists.service.observe_new(lambda additions, _actor: heard.append(additions))
    lines = [to_line(make_person_alert(alert_id=f"P-{n}")) for n in range(5)]
    lines.insert(2, "oops")

    report = lists.service.import_lines(ADMIN, lines, on_progress=progress.append)

    assert [(p.lines_read, p.stored, p.rejected) for p in progress] == [
        (2, 2, 0),
        (4, 3, 1),
        (6, 5, 1),
    ]
    assert [[a.alert_id for a in additions.person_alerts] for additions in heard] == [
        ["P-0", "P-1"],
        ["P-2"],
        ["P-3", "P-4"],
    ]
    assert report.stored == 5


def test_an_interrupted_import_reports_what_was_stored() -> None:
    store = MemoryStore()
    commits = [0]

    class FailingOnThirdCommit(MemoryUnitOfWork):
        def commit(self) -> None:
            commits[0] += 1
            if commits[0] == 3:
                raise StoreUnavailableError("the store cannot be reached")
            super().commit()

    service = WatchlistService(
        lambda: FailingOnThirdCommit(store), make_lists().clock, batch_rows=2
    )
    lines = [to_line(make_person_alert(alert_id=f"P-{n}")) for n in range(6)]

    with pytest.raises(ImportInterruptedError) as raised:
        service.import_lines(ADMIN, lines)

    report = raised.value.report
    assert report.stored == 4
    assert report.lines_read == 4
    assert "line 5" in raised.value.message
    with MemoryUnitOfWork(store) as uow:
        assert uow.watchlists.count(WatchlistKind.SIS_PERSON) == 4
    resumed = WatchlistService(lambda: MemoryUnitOfWork(store), make_lists().clock)
    again = resumed.import_lines(ADMIN, lines)
    assert (again.stored, len(again.rejected)) == (2, 4)


def test_importing_needs_the_import_role(lists: Lists) -> None:
    with pytest.raises(ForbiddenError):
        lists.service.import_lines(GUARD, [to_line(make_person_alert())])


def test_export_round_trips_through_import(lists: Lists) -> None:
    lists.service.import_lines(ADMIN, SAMPLE.read_text(encoding="utf-8").splitlines())
    exported = list(lists.service.export(ADMIN))

    copy = make_lists()
    report = copy.service.import_lines(ADMIN, exported)

    assert report.complete
    assert report.stored == 12
    assert list(copy.service.export(ADMIN)) == exported
    assert all(json.loads(line)["kind"] for line in exported)
    assert lists.audit_events()[-1].action == "watchlist.export"
