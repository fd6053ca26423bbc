"""Watchlist records and actors with keyword defaults; fictitious people only."""

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from limes.access.model import Role
from limes.watchlists.model import (
    DocumentAlert,
    DocumentSource,
    DocumentStatus,
    Offence,
    PersonAction,
    PersonAlert,
    PersonAlertCategory,
    TravelDocument,
    WatchlistEntry,
)
from tests.builders import make_actor

CREATED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SAMPLE = Path(__file__).parents[2] / "src" / "limes" / "examples" / "watchlist.jsonl"

SIRENE_NL = make_actor(Role.SIRENE, name="sirene-nl", state="NLD")
SIRENE_DE = make_actor(Role.SIRENE, name="sirene-de", state="DEU")
EUROPOL_ANALYST = make_actor(Role.EUROPOL, name="europol-1", state="")
ETIAS_UNIT_NL = make_actor(Role.ETIAS_UNIT, name="etias-nl", state="NLD")
GUARD = make_actor(Role.BORDER_GUARD)
ADMIN = make_actor(Role.ADMIN, name="admin-1")


def passport(number: str = "SPEC01234", country: str = "UTO") -> TravelDocument:
    return TravelDocument(document_type="P", number=number, country=country)


def make_person_alert(**changes: Any) -> PersonAlert:
    alert = PersonAlert(
        alert_id="SIS-NLD-0001",
        issuing_state="NLD",
        category=PersonAlertCategory.REFUSAL_OF_ENTRY,
        surname="Vandermeer",
        given_names="Jorien",
        other_names=("Jo Vdm",),
        date_of_birth="1975-03-02",
        sex="F",
        nationalities=("UTO",),
        travel_documents=(passport(),),
        action_to_take=PersonAction.REFUSE_ENTRY,
        valid_from=CREATED,
        created_at=CREATED,
    )
    return replace(alert, **changes)


def make_document_alert(**changes: Any) -> DocumentAlert:
    alert = DocumentAlert(
        source=DocumentSource.SIS,
        alert_id="SISDOC-NLD-0001",
        issuing_state="NLD",
        document_type="P",
        document_number="SPEC98765",
        document_country="NLD",
        status=DocumentStatus.STOLEN,
        valid_from=CREATED,
        created_at=CREATED,
    )
    return replace(alert, **changes)


def make_entry(**changes: Any) -> WatchlistEntry:
    entry = WatchlistEntry(
        entry_id="ETW-0001",
        entered_by="EUROPOL",
        offence=Offence.TERRORIST_OFFENCE,
        surname="Kestrel",
        first_names="Amon",
        date_of_birth="1981",
        created_at=CREATED,
    )
    return replace(entry, **changes)
