"""Routes of the watchlists: SIS person and document alerts, the SLTD copy, the ETIAS watchlist.

Single alerts and entries are posted as JSON objects; a batch is imported as JSON with a
`lines` array of JSON Lines rows (docs/watchlists.md), answered with the import report.
Documents are checked with the document in the body, never in the URL.
"""

from typing import Annotated

from fastapi import APIRouter, Path

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.fields import Identifier
from limes.api.watchlist_schemas import (
    DocumentAlertCreate,
    DocumentAlertRead,
    DocumentCheckRead,
    DocumentQuery,
    ImportBody,
    ImportReportRead,
    PersonAlertCreate,
    PersonAlertRead,
    ReviewDueRead,
    WatchlistEntryCreate,
    WatchlistEntryRead,
    Withdrawal,
)
from limes.watchlists.model import (
    DOCUMENT_KINDS,
    DocumentAlert,
    PersonAlert,
    WatchlistEntry,
    WatchlistKind,
)
from limes.watchlists.responsibility import entering_party

router = APIRouter(
    prefix="/watchlist",
    tags=["watchlists"],
    responses=error_responses(400, 401, 403, 413, 422, 503),
)

PURPOSE = "watchlist_management"
Reader = Annotated[Actor, permitted(Action.WATCHLIST_READ)]
AlertWriter = Annotated[Actor, permitted(Action.WATCHLIST_ALERT_WRITE, PURPOSE)]
EntryWriter = Annotated[Actor, permitted(Action.WATCHLIST_ENTRY_WRITE, PURPOSE)]
Importer = Annotated[Actor, permitted(Action.WATCHLIST_IMPORT, PURPOSE)]
AlertId = Annotated[Identifier, Path(description="The alert's identifier.")]
EntryId = Annotated[Identifier, Path(description="The watchlist entry's identifier.")]


@router.post(
    "/person-alerts",
    status_code=201,
    responses=error_responses(409),
    summary="Store an SIS alert on a person (Reg. 2018/1861 art. 24, 2018/1862 art. 26-36)",
    description=roles_note(Action.WATCHLIST_ALERT_WRITE),
)
def add_person_alert(
    body: PersonAlertCreate, services: ServicesDep, actor: AlertWriter
) -> PersonAlertRead:
    alert = body.to_domain(services.clock.now())
    return PersonAlertRead.from_domain(services.watchlists.add_person_alert(actor, alert))


@router.post(
    "/document-alerts",
    status_code=201,
    responses=error_responses(409),
    summary="Store an SIS alert on a travel document, or an SLTD record",
    description=roles_note(Action.WATCHLIST_ALERT_WRITE),
)
def add_document_alert(
    body: DocumentAlertCreate, services: ServicesDep, actor: AlertWriter
) -> DocumentAlertRead:
    alert = body.to_domain(services.clock.now())
    return DocumentAlertRead.from_domain(services.watchlists.add_document_alert(actor, alert))


@router.post(
    "/entries",
    status_code=201,
    responses=error_responses(409),
    summary="Enter data in the ETIAS watchlist, after the SIS check (Reg. 2018/1240 art. 34-35)",
    description=roles_note(Action.WATCHLIST_ENTRY_WRITE),
)
def add_watchlist_entry(
    body: WatchlistEntryCreate, services: ServicesDep, actor: EntryWriter
) -> WatchlistEntryRead:
    entry = body.to_domain(entering_party(actor), services.clock.now())
    return WatchlistEntryRead.from_domain(services.watchlists.add_watchlist_entry(actor, entry))


@router.post(
    "/import",
    summary="Import rows of the JSON Lines format; the report lists refused rows by line",
    description="Body: JSON with a `lines` array, one row of the format per string. "
    + roles_note(Action.WATCHLIST_IMPORT),
)
def import_lines(body: ImportBody, services: ServicesDep, actor: Importer) -> ImportReportRead:
    report = services.watchlists.import_lines(actor, body.lines)
    return ImportReportRead.from_domain(report)


@router.get(
    "/person-alerts/{alert_id}",
    responses=error_responses(404),
    summary="An SIS alert on a person",
    description=roles_note(Action.WATCHLIST_READ),
)
def read_person_alert(alert_id: AlertId, services: ServicesDep, actor: Reader) -> PersonAlertRead:
    return PersonAlertRead.from_domain(services.watchlists.get_person_alert(actor, alert_id))


@router.get(
    "/document-alerts/{alert_id}",
    responses=error_responses(404),
    summary="An SIS or SLTD alert on a travel document",
    description=roles_note(Action.WATCHLIST_READ),
)
def read_document_alert(
    alert_id: AlertId, services: ServicesDep, actor: Reader
) -> DocumentAlertRead:
    return DocumentAlertRead.from_domain(services.watchlists.get_document_alert(actor, alert_id))


@router.get(
    "/entries/{entry_id}",
    responses=error_responses(404),
    summary="An ETIAS watchlist entry",
    description=roles_note(Action.WATCHLIST_READ),
)
def read_watchlist_entry(
    entry_id: EntryId, services: ServicesDep, actor: Reader
) -> WatchlistEntryRead:
    return WatchlistEntryRead.from_domain(services.watchlists.get_watchlist_entry(actor, entry_id))


@router.post(
    "/person-alerts/{alert_id}/withdraw",
    responses=error_responses(404, 409),
    summary="Withdraw an SIS alert on a person (the issuing state only)",
    description=roles_note(Action.WATCHLIST_ALERT_WRITE),
)
def withdraw_person_alert(
    alert_id: AlertId, body: Withdrawal, services: ServicesDep, actor: AlertWriter
) -> PersonAlertRead:
    kinds = {WatchlistKind.SIS_PERSON}
    alert = services.watchlists.withdraw(actor, alert_id, body.reason, kinds=kinds)
    assert isinstance(alert, PersonAlert)
    return PersonAlertRead.from_domain(alert)


@router.post(
    "/document-alerts/{alert_id}/withdraw",
    responses=error_responses(404, 409),
    summary="Withdraw an alert on a travel document (SIS: the issuing state only)",
    description=roles_note(Action.WATCHLIST_ALERT_WRITE),
)
def withdraw_document_alert(
    alert_id: AlertId, body: Withdrawal, services: ServicesDep, actor: AlertWriter
) -> DocumentAlertRead:
    alert = services.watchlists.withdraw(actor, alert_id, body.reason, kinds=DOCUMENT_KINDS)
    assert isinstance(alert, DocumentAlert)
    return DocumentAlertRead.from_domain(alert)


@router.post(
    "/entries/{entry_id}/withdraw",
    responses=error_responses(404, 409),
    summary="Withdraw an ETIAS watchlist entry (the entering party only)",
    description=roles_note(Action.WATCHLIST_ENTRY_WRITE),
)
def withdraw_watchlist_entry(
    entry_id: EntryId, body: Withdrawal, services: ServicesDep, actor: EntryWriter
) -> WatchlistEntryRead:
    kinds = {WatchlistKind.ETIAS_WATCHLIST}
    entry = services.watchlists.withdraw(actor, entry_id, body.reason, kinds=kinds)
    assert isinstance(entry, WatchlistEntry)
    return WatchlistEntryRead.from_domain(entry)


@router.post(
    "/entries/{entry_id}/review",
    responses=error_responses(404, 409),
    summary="Record the yearly accuracy review of an entry (Reg. 2018/1240 art. 35)",
    description=roles_note(Action.WATCHLIST_ENTRY_WRITE),
)
def review_watchlist_entry(
    entry_id: EntryId, services: ServicesDep, actor: EntryWriter
) -> WatchlistEntryRead:
    entry = services.watchlists.review_watchlist_entry(actor, entry_id)
    return WatchlistEntryRead.from_domain(entry)


@router.get(
    "/review-due",
    summary="ETIAS watchlist entries not reviewed for more than a year, longest overdue first",
    description=roles_note(Action.WATCHLIST_READ),
)
def review_due(services: ServicesDep, actor: Reader) -> list[ReviewDueRead]:
    return [ReviewDueRead.from_domain(e) for e in services.watchlists.due_for_review(actor)]


@router.post(
    "/documents/check",
    summary="Alerts in force on a travel document: SIS and SLTD, and SIS persons holding it",
    description=roles_note(Action.WATCHLIST_READ),
)
def check_document(body: DocumentQuery, services: ServicesDep, actor: Reader) -> DocumentCheckRead:
    check = services.watchlists.check_document(actor, body.country, body.number)
    return DocumentCheckRead.from_domain(check)
