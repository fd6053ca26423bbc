"""The lists ETIAS applications and border checks are screened against. Value types.

- `PersonAlert`: an SIS alert on a person: refusal of entry and stay (Reg. (EU) 2018/1861
  art. 24); arrest for surrender or extradition, missing persons, persons sought for a
  judicial procedure, discreet, inquiry and specific checks (Reg. (EU) 2018/1862 art. 26,
  32, 34, 36).
- `DocumentAlert`: a travel document reported lost, stolen, misappropriated or
  invalidated, in SIS (Reg. 2018/1862 art. 38) or in Interpol's SLTD database (checked
  under Reg. 2018/1240 art. 20(2)(a)-(b)).
- `WatchlistEntry`: the ETIAS watchlist (Reg. 2018/1240 art. 34-35): persons suspected of
  terrorist or other serious criminal offences, entered by Europol or a Member State.

Each record validates itself on construction (InvalidFieldError, NoIdentifyingItemError).
Dates of birth are ISO 8601 strings, possibly partial ("1975", "1975-03", "1975-03-02"),
because alerts often hold only a year; instants are timezone-aware. Nothing is ever deleted:
`withdrawn_at` ends an alert or entry, and `in_force(at)` says whether it counts at `at`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from limes.watchlists import validation as check
from limes.watchlists.errors import InvalidFieldError, NoIdentifyingItemError
from limes.watchlists.keys import document_key

# Reg. 2018/1240 art. 35: Europol and the Member States review the accuracy of their
# entries at least once a year.
REVIEW_INTERVAL: Final = timedelta(days=365)


class WatchlistKind(StrEnum):
    """What one record (and one JSON Lines row) is; also the `kind` of the file format."""

    SIS_PERSON = "sis_person"
    SIS_DOCUMENT = "sis_document"
    SLTD_DOCUMENT = "sltd_document"
    ETIAS_WATCHLIST = "etias_watchlist"


DOCUMENT_KINDS: Final = frozenset({WatchlistKind.SIS_DOCUMENT, WatchlistKind.SLTD_DOCUMENT})


class PersonAlertCategory(StrEnum):
    """The SIS alert categories on persons that border checks and ETIAS look at."""

    REFUSAL_OF_ENTRY = "refusal_of_entry"  # Reg. 2018/1861 art. 24
    ARREST = "arrest"  # Reg. 2018/1862 art. 26: surrender or extradition
    MISSING_PERSON = "missing_person"  # Reg. 2018/1862 art. 32
    JUDICIAL_PROCEDURE = "judicial_procedure"  # Reg. 2018/1862 art. 34
    CHECK = "check"  # Reg. 2018/1862 art. 36: discreet, inquiry or specific check


class PersonAction(StrEnum):
    """What the officer who finds the person must do (Reg. 2018/1862)."""

    REFUSE_ENTRY = "refuse_entry"
    ARREST = "arrest"
    PLACE_UNDER_PROTECTION = "place_under_protection"
    REPORT_WHEREABOUTS = "report_whereabouts"
    DISCREET_CHECK = "discreet_check"
    INQUIRY_CHECK = "inquiry_check"
    SPECIFIC_CHECK = "specific_check"


# The actions each category allows, the first being the default.
PERSON_ACTIONS: Final[Mapping[PersonAlertCategory, tuple[PersonAction, ...]]] = MappingProxyType(
    {
        PersonAlertCategory.REFUSAL_OF_ENTRY: (PersonAction.REFUSE_ENTRY,),
        PersonAlertCategory.ARREST: (PersonAction.ARREST,),
        PersonAlertCategory.MISSING_PERSON: (
            PersonAction.PLACE_UNDER_PROTECTION,
            PersonAction.REPORT_WHEREABOUTS,
        ),
        PersonAlertCategory.JUDICIAL_PROCEDURE: (PersonAction.REPORT_WHEREABOUTS,),
        PersonAlertCategory.CHECK: (
            PersonAction.DISCREET_CHECK,
            PersonAction.INQUIRY_CHECK,
            PersonAction.SPECIFIC_CHECK,
        ),
    }
)


def default_person_action(category: PersonAlertCategory) -> PersonAction:
    """The action an alert of `category` asks for when the issuer names none."""
    return PERSON_ACTIONS[category][0]


class DocumentSource(StrEnum):
    SIS = "sis"
    SLTD = "sltd"  # Interpol's Stolen and Lost Travel Documents database, or a copy of it


class DocumentStatus(StrEnum):
    LOST = "lost"
    STOLEN = "stolen"
    MISAPPROPRIATED = "misappropriated"  # SIS only (Reg. 2018/1862 art. 38)
    INVALIDATED = "invalidated"


class DocumentAction(StrEnum):
    SEIZE_DOCUMENT = "seize_document"  # Reg. 2018/1862 art. 39
    REFUSE_ENTRY = "refuse_entry"
    CONTACT_ISSUING_AUTHORITY = "contact_issuing_authority"


# Reg. 2018/1240 art. 20(2)(b): SLTD holds documents reported lost, stolen or invalidated.
SLTD_STATUSES: Final = frozenset(
    {DocumentStatus.LOST, DocumentStatus.STOLEN, DocumentStatus.INVALIDATED}
)


class Offence(StrEnum):
    """Why a person is on the ETIAS watchlist (Reg. 2018/1240 art. 34(1))."""

    TERRORIST_OFFENCE = "terrorist_offence"
    SERIOUS_CRIMINAL_OFFENCE = "serious_criminal_offence"


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelDocument:
    """A travel document named in an alert or entry.

    >>> TravelDocument(document_type="P", number="SPEC12345", country="NLD").key
    ('NLD', 'SPEC12345')
    """

    document_type: str  # the issuer's code: P, ID, ...
    number: str
    country: str  # the issuing country, ISO 3166-1 alpha-3 / ICAO

    def __post_init__(self) -> None:
        check.document_type("document_type", self.document_type)
        check.document_number("number", self.number)
        check.country("country", self.country)

    @property
    def key(self) -> tuple[str, str]:
        return document_key(self.country, self.number)


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonAlert:
    """An SIS alert on a person; `action_to_take` must be one its category allows."""

    alert_id: str
    issuing_state: str
    category: PersonAlertCategory
    surname: str
    given_names: str = ""
    other_names: tuple[str, ...] = ()  # aliases and other names used
    date_of_birth: str | None = None  # ISO 8601, possibly partial
    sex: str | None = None  # ICAO 9303: M, F, X
    nationalities: tuple[str, ...] = ()
    travel_documents: tuple[TravelDocument, ...] = ()
    action_to_take: PersonAction
    valid_from: datetime
    valid_until: datetime | None = None  # None: until withdrawn
    created_at: datetime
    withdrawn_at: datetime | None = None
    withdrawal_reason: str | None = None

    def __post_init__(self) -> None:
        check.identifier("alert_id", self.alert_id)
        check.country("issuing_state", self.issuing_state)
        check.text("surname", self.surname, required=True)
        if self.given_names:
            check.text("given_names", self.given_names)
        check.names("other_names", self.other_names)
        check.partial_date("date_of_birth", self.date_of_birth)
        check.sex("sex", self.sex)
        check.countries("nationalities", self.nationalities)
        check.bounded("travel_documents", self.travel_documents)
        if self.action_to_take not in PERSON_ACTIONS[self.category]:
            raise InvalidFieldError(
                "action_to_take", f"not an action of a {self.category.value} alert"
            )
        _check_life(self.valid_from, self.valid_until, self.created_at, self.withdrawn_at)
        check.text("withdrawal_reason", self.withdrawal_reason, limit=check.MAX_TEXT_CHARACTERS)

    @property
    def kind(self) -> WatchlistKind:
        return WatchlistKind.SIS_PERSON

    @property
    def record_id(self) -> str:
        return self.alert_id

    def in_force(self, at: datetime) -> bool:
        return _in_force(self.valid_from, self.valid_until, self.withdrawn_at, at)


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentAlert:
    """A travel document reported lost, stolen, misappropriated or invalidated.

    `issuing_state` is the state that issued the alert (for SLTD: the reporting country);
    `document_country` is the country that issued the document.
    """

    source: DocumentSource
    alert_id: str
    issuing_state: str
    document_type: str
    document_number: str
    document_country: str
    status: DocumentStatus
    action_to_take: DocumentAction = DocumentAction.SEIZE_DOCUMENT
    valid_from: datetime
    valid_until: datetime | None = None
    created_at: datetime
    withdrawn_at: datetime | None = None
    withdrawal_reason: str | None = None

    def __post_init__(self) -> None:
        check.identifier("alert_id", self.alert_id)
        check.country("issuing_state", self.issuing_state)
        check.document_type("document_type", self.document_type)
        check.document_number("document_number", self.document_number)
        check.country("document_country", self.document_country)
        if self.source is DocumentSource.SLTD and self.status not in SLTD_STATUSES:
            raise InvalidFieldError("status", "SLTD holds lost, stolen or invalidated documents")
        _check_life(self.valid_from, self.valid_until, self.created_at, self.withdrawn_at)
        check.text("withdrawal_reason", self.withdrawal_reason, limit=check.MAX_TEXT_CHARACTERS)

    @property
    def kind(self) -> WatchlistKind:
        if self.source is DocumentSource.SLTD:
            return WatchlistKind.SLTD_DOCUMENT
        return WatchlistKind.SIS_DOCUMENT

    @property
    def record_id(self) -> str:
        return self.alert_id

    @property
    def key(self) -> tuple[str, str]:
        return document_key(self.document_country, self.document_number)

    def in_force(self, at: datetime) -> bool:
        return _in_force(self.valid_from, self.valid_until, self.withdrawn_at, at)


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    """A firm or organisation linked to a watchlist entry (art. 34(4)): one item or more."""

    name: str | None = None
    email: str | None = None
    address: str | None = None
    phone: str | None = None

    def __post_init__(self) -> None:
        check.text("organisation.name", self.name)
        check.email("organisation.email", self.email)
        check.text("organisation.address", self.address, limit=check.MAX_TEXT_CHARACTERS)
        check.phone("organisation.phone", self.phone)
        if not (self.name or self.email or self.address or self.phone):
            raise InvalidFieldError("organisation", "give at least one of its items, or none")


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchlistEntry:
    """An ETIAS watchlist entry (Reg. 2018/1240 art. 34).

    It holds one or more of the identifying items of art. 34(4) (surname, surname at
    birth, date of birth, other names, travel documents, home address, e-mail, phone,
    a firm or organisation, IP address); first names, place and country of birth, sex and
    nationalities are added only "where available" and identify no one alone.
    `entered_by` is Europol ("EUROPOL") or the Member State that entered it; each is
    responsible for its entries (art. 34(2)).

    Art. 35(1)(b) also asks the entering party to assess the entry's impact on the share
    of applications sent to manual processing; that assessment is built elsewhere
    (ETIAS impact assessment), not here. The SIS check of art. 35(1) and the yearly
    review are `WatchlistService`'s.
    """

    entry_id: str
    entered_by: str
    offence: Offence
    surname: str | None = None
    surname_at_birth: str | None = None
    first_names: str | None = None
    other_names: tuple[str, ...] = ()
    date_of_birth: str | None = None
    place_of_birth: str | None = None
    country_of_birth: str | None = None
    sex: str | None = None
    nationalities: tuple[str, ...] = ()
    travel_documents: tuple[TravelDocument, ...] = ()
    home_address: str | None = None
    email: str | None = None
    phone: str | None = None
    ip_address: str | None = None
    organisation: Organisation | None = None
    created_at: datetime
    last_reviewed_at: datetime | None = None
    withdrawn_at: datetime | None = None
    withdrawal_reason: str | None = None

    def __post_init__(self) -> None:
        check.identifier("entry_id", self.entry_id)
        check.party("entered_by", self.entered_by)
        for field in ("surname", "surname_at_birth", "first_names", "place_of_birth"):
            check.text(field, getattr(self, field))
        check.names("other_names", self.other_names)
        check.partial_date("date_of_birth", self.date_of_birth)
        if self.country_of_birth is not None:
            check.country("country_of_birth", self.country_of_birth)
        check.sex("sex", self.sex)
        check.countries("nationalities", self.nationalities)
        check.bounded("travel_documents", self.travel_documents)
        check.text("home_address", self.home_address, limit=check.MAX_TEXT_CHARACTERS)
        check.email("email", self.email)
        check.phone("phone", self.phone)
        check.ip_address("ip_address", self.ip_address)
        if not self.identifying_items:
            raise NoIdentifyingItemError(
                "a watchlist entry needs at least one of: surname, surname_at_birth, "
                "date_of_birth, other_names, travel_documents, home_address, email, phone, "
                "organisation, ip_address (Reg. 2018/1240 art. 34(4))"
            )
        check.instant("created_at", self.created_at)
        check.instant("last_reviewed_at", self.last_reviewed_at)
        check.instant("withdrawn_at", self.withdrawn_at)
        check.text("withdrawal_reason", self.withdrawal_reason, limit=check.MAX_TEXT_CHARACTERS)

    @property
    def kind(self) -> WatchlistKind:
        return WatchlistKind.ETIAS_WATCHLIST

    @property
    def record_id(self) -> str:
        return self.entry_id

    @property
    def identifying_items(self) -> tuple[str, ...]:
        """The art. 34(4) items this entry holds, by field name."""
        present = {
            "surname": self.surname,
            "surname_at_birth": self.surname_at_birth,
            "date_of_birth": self.date_of_birth,
            "other_names": self.other_names,
            "travel_documents": self.travel_documents,
            "home_address": self.home_address,
            "email": self.email,
            "phone": self.phone,
            "organisation": self.organisation,
            "ip_address": self.ip_address,
        }
        return tuple(name for name, value in present.items() if value)

    def in_force(self, at: datetime) -> bool:
        return self.withdrawn_at is None or at < self.withdrawn_at

    def review_due_since(self) -> datetime:
        """When the yearly accuracy review falls due: a year after the last review or entry."""
        return (self.last_reviewed_at or self.created_at) + REVIEW_INTERVAL

    def due_for_review(self, now: datetime) -> bool:
        """Not withdrawn, and last reviewed (or entered) more than a year before `now`."""
        return self.withdrawn_at is None and now > self.review_due_since()


Alert = PersonAlert | DocumentAlert
WatchlistRecord = PersonAlert | DocumentAlert | WatchlistEntry


def _check_life(
    valid_from: datetime,
    valid_until: datetime | None,
    created_at: datetime,
    withdrawn_at: datetime | None,
) -> None:
    check.validity(valid_from, valid_until)
    check.instant("created_at", created_at)
    check.instant("withdrawn_at", withdrawn_at)


def _in_force(
    valid_from: datetime, valid_until: datetime | None, withdrawn_at: datetime | None, at: datetime
) -> bool:
    if withdrawn_at is not None and withdrawn_at <= at:
        return False
    return valid_from <= at and (valid_until is None or at < valid_until)


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchlistAdditions:
    """What one committed unit of work added: the cue to re-screen valid authorisations
    (Reg. 2018/1240 art. 41)."""

    person_alerts: tuple[PersonAlert, ...] = ()
    document_alerts: tuple[DocumentAlert, ...] = ()
    watchlist_entries: tuple[WatchlistEntry, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.person_alerts or self.document_alerts or self.watchlist_entries)
