"""The art. 20 checks of ETIAS against Limes' own systems, as `etias.ports.CheckSource`s.

- `SisPersonSource`: SIS alerts on persons, by name (the screening engine) and by travel
  document (exact): refusal of entry (art. 20(2)(c)), arrest (d), and the art. 20(4)
  alerts that only notify; a minor's guardian against arrest and refusal alerts (m).
- `TravelDocumentSource`: SIS and SLTD document alerts (art. 20(2)(a)-(b)), exact.
- `WatchlistSource`: the ETIAS watchlist (art. 20(5), 34): names, and the exact items
  (document, e-mail, phone, IP address).
- `EesSource`: refusals of entry and overstays in the EES (art. 20(2)(g)-(h)), found by
  travel document and, through the CIR, by identity.
- `ProposedEntrySource`: one proposed watchlist entry, for the impact assessment of
  art. 35(1)(b), compared without any index.

Every hit says which application field matched which record field and how; name hits
carry the screening engine's score and reasons. Sources only read.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final, Protocol

from limes.core.names import to_mrz_characters
from limes.core.transaction import Transaction
from limes.ees.model import DocumentKey
from limes.ees.ports import TravellerFiles
from limes.etias.model import Application, CheckKind, FieldMatch, Hit, MatchMethod
from limes.interop.model import System
from limes.interop.ports import SystemRecords
from limes.interop.screening_subjects import applicant, guardian, watchlist_entry
from limes.interop.watchlist_screening import WatchlistScreening
from limes.screening.engine import compare
from limes.screening.model import Comparison, Decision, Name, Person
from limes.watchlists.keys import document_key
from limes.watchlists.model import (
    DocumentSource,
    PersonAlert,
    PersonAlertCategory,
    WatchlistEntry,
)
from limes.watchlists.ports import WatchlistUnitOfWork

_PERSON_CHECKS: Final = {
    PersonAlertCategory.REFUSAL_OF_ENTRY: CheckKind.SIS_REFUSAL_ALERT,
    PersonAlertCategory.ARREST: CheckKind.SIS_ARREST_ALERT,
    PersonAlertCategory.MISSING_PERSON: CheckKind.SIS_MISSING_PERSON,
    PersonAlertCategory.JUDICIAL_PROCEDURE: CheckKind.SIS_JUDICIAL_PROCEDURE,
    PersonAlertCategory.CHECK: CheckKind.SIS_CHECK_ALERT,
}
_GUARDIAN_CATEGORIES: Final = frozenset(
    {PersonAlertCategory.ARREST, PersonAlertCategory.REFUSAL_OF_ENTRY}
)
EUROPOL: Final = "EUROPOL"


def _name_evidence(comparison: Comparison, record_field: str) -> FieldMatch:
    return FieldMatch(
        application_field="names",
        record_field=record_field,
        method=MatchMethod.NAME_SCREENING,
        score=comparison.score,
    )


def _explanation(comparison: Comparison) -> tuple[str, ...]:
    return tuple(f"{reason.code}: {reason.detail}" for reason in comparison.reasons)


def _document_match(record_field: str) -> FieldMatch:
    return FieldMatch(
        application_field="travel_document",
        record_field=record_field,
        method=MatchMethod.EXACT,
    )


class SisPersonSource:
    name = "sis_persons"

    def __init__(
        self, screening: WatchlistScreening, unit_of_work: Callable[[], WatchlistUnitOfWork]
    ) -> None:
        self._screening = screening
        self._uow = unit_of_work

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        form = application.form
        hits: dict[str, Hit] = {}
        with self._uow() as uow:
            for found in self._screening.search(applicant(form), at=at):
                alert = uow.watchlists.get_person_alert(found.record_id)
                if found.kind == "sis" and alert is not None and alert.in_force(at):
                    hits[alert.alert_id] = _person_hit(
                        alert,
                        _check_of(alert),
                        [_name_evidence(found.comparison, "names")],
                        found.comparison,
                    )
            document = form.travel_document
            for alert in uow.watchlists.find_person_alerts_by_document(
                document.issuing_country, document.number, at
            ):
                earlier = hits.get(alert.alert_id)
                evidence = [_document_match("travel_documents")]
                if earlier is not None:
                    evidence = [*earlier.matched_fields, *evidence]
                hits[alert.alert_id] = _person_hit(alert, _check_of(alert), evidence, None)
            minor_guardian = guardian(form)
            if minor_guardian is not None:
                for found in self._screening.search(minor_guardian, at=at):
                    alert = uow.watchlists.get_person_alert(found.record_id)
                    if (
                        found.kind == "sis"
                        and alert is not None
                        and alert.in_force(at)
                        and alert.category in _GUARDIAN_CATEGORIES
                    ):
                        hits[f"guardian:{alert.alert_id}"] = _person_hit(
                            alert,
                            CheckKind.SIS_MINOR_GUARDIAN_ALERT,
                            [
                                FieldMatch(
                                    application_field="guardian",
                                    record_field="names",
                                    method=MatchMethod.NAME_SCREENING,
                                    score=found.comparison.score,
                                )
                            ],
                            found.comparison,
                        )
        return list(hits.values())


def _check_of(alert: PersonAlert) -> CheckKind:
    return _PERSON_CHECKS[alert.category]


def _person_hit(
    alert: PersonAlert,
    check: CheckKind,
    evidence: Sequence[FieldMatch],
    comparison: Comparison | None,
) -> Hit:
    return Hit(
        check=check,
        source="sis",
        record_ref=alert.alert_id,
        member_state=alert.issuing_state,
        matched_fields=tuple(evidence),
        score=comparison.score if comparison else 1.0,
        explanation=_explanation(comparison) if comparison else ("document: same number",),
        record_created_at=alert.created_at,
    )


class TravelDocumentSource:
    name = "travel_documents"

    def __init__(self, unit_of_work: Callable[[], WatchlistUnitOfWork]) -> None:
        self._uow = unit_of_work

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        document = application.form.travel_document
        with self._uow() as uow:
            alerts = uow.watchlists.find_documents(document.issuing_country, document.number, at)
        return [
            Hit(
                check=(
                    CheckKind.SIS_DOCUMENT
                    if alert.source is DocumentSource.SIS
                    else CheckKind.SLTD_DOCUMENT
                ),
                source=alert.source.value,
                record_ref=alert.alert_id,
                # SLTD data come from Interpol: no Member State is responsible (art. 25(3)).
                member_state=alert.issuing_state if alert.source is DocumentSource.SIS else None,
                matched_fields=(_document_match("document"),),
                score=1.0,
                explanation=(f"document reported {alert.status.value}",),
                record_created_at=alert.created_at,
            )
            for alert in alerts
        ]


def _entry_exact_matches(application: Application, entry: WatchlistEntry) -> list[FieldMatch]:
    form = application.form
    matches: list[FieldMatch] = []
    mine = document_key(form.travel_document.issuing_country, form.travel_document.number)
    if any(document_key(d.country, d.number) == mine for d in entry.travel_documents):
        matches.append(_document_match("travel_documents"))
    if entry.email and entry.email.strip().lower() == form.email.strip().lower():
        matches.append(
            FieldMatch(application_field="email", record_field="email", method=MatchMethod.EXACT)
        )
    phones = {_digits(phone) for phone in form.phones}
    if entry.phone and _digits(entry.phone) in phones:
        matches.append(
            FieldMatch(application_field="phones", record_field="phone", method=MatchMethod.EXACT)
        )
    if entry.ip_address and entry.ip_address == form.ip_address:
        matches.append(
            FieldMatch(
                application_field="ip_address", record_field="ip_address", method=MatchMethod.EXACT
            )
        )
    return matches


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def _watchlist_hit(
    entry: WatchlistEntry, evidence: Sequence[FieldMatch], comparison: Comparison | None
) -> Hit:
    entered_by = entry.entered_by.upper()
    return Hit(
        check=CheckKind.WATCHLIST,
        source="etias_watchlist",
        record_ref=entry.entry_id,
        member_state=None if entered_by == EUROPOL else entered_by,
        matched_fields=tuple(evidence),
        score=comparison.score if comparison else 1.0,
        explanation=_explanation(comparison) if comparison else (),
        record_created_at=entry.created_at,
    )


class WatchlistSource:
    name = "etias_watchlist"

    def __init__(
        self, screening: WatchlistScreening, unit_of_work: Callable[[], WatchlistUnitOfWork]
    ) -> None:
        self._screening = screening
        self._uow = unit_of_work

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        hits: dict[str, Hit] = {}
        with self._uow() as uow:
            for found in self._screening.search(applicant(application.form), at=at):
                entry = uow.watchlists.get_watchlist_entry(found.record_id)
                if found.kind != "wl" or entry is None or not entry.in_force(at):
                    continue
                evidence = [
                    _name_evidence(found.comparison, "names"),
                    *_entry_exact_matches(application, entry),
                ]
                hits[entry.entry_id] = _watchlist_hit(entry, evidence, found.comparison)
            for entry in uow.watchlists.active_watchlist_entries(at):
                if entry.entry_id in hits:
                    continue
                exact = _entry_exact_matches(application, entry)
                if exact:
                    hits[entry.entry_id] = _watchlist_hit(entry, exact, None)
        return list(hits.values())


class ProposedEntrySource:
    """One proposed ETIAS watchlist entry, for the impact assessment (art. 35(1)(b))."""

    name = "proposed_watchlist_entry"

    def __init__(self, entry: WatchlistEntry) -> None:
        self._entry = entry
        self._person = watchlist_entry(entry)

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        evidence = _entry_exact_matches(application, self._entry)
        comparison: Comparison | None = None
        if self._person is not None:
            comparison = compare(applicant(application.form), self._person)
            if comparison.decision is Decision.MATCH:
                evidence.insert(0, _name_evidence(comparison, "names"))
            else:
                comparison = None
        return [_watchlist_hit(self._entry, evidence, comparison)] if evidence else []


class EesUnitOfWork(Transaction, Protocol):
    traveller_files: TravellerFiles
    system_records: SystemRecords


_CIR_CANDIDATES = 200


class EesSource:
    """Refusals of entry and overstays recorded in the EES (art. 20(2)(g)-(h))."""

    name = "ees"

    def __init__(self, unit_of_work: Callable[[], EesUnitOfWork]) -> None:
        self._uow = unit_of_work

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        form = application.form
        person = applicant(form)
        document = form.travel_document
        key = DocumentKey(document.issuing_country.upper(), document_key("", document.number)[1])
        hits: list[Hit] = []
        with self._uow() as uow:
            files: dict[str, tuple[FieldMatch, Comparison | None]] = {}
            by_document = uow.traveller_files.find_by_document(key)
            if by_document is not None:
                files[by_document.file_id] = (_document_match("travel_documents"), None)
            candidates = uow.system_records.find_by_identity(
                name_key=to_mrz_characters(form.surname),
                date_of_birth=form.date_of_birth,
                limit=_CIR_CANDIDATES,
            )
            for record in candidates:
                if record.system is not System.EES or record.record_id in files:
                    continue
                other = Person(
                    names=(
                        Name(family=record.identity.surname, given=record.identity.given_names),
                    ),
                    birth_date=(
                        record.identity.date_of_birth.isoformat()
                        if record.identity.date_of_birth
                        else None
                    ),
                    nationalities=record.identity.nationalities,
                    sex=record.identity.sex if record.identity.sex in ("M", "F") else None,
                )
                found = compare(person, other)
                if found.decision is Decision.MATCH:
                    files[record.record_id] = (_name_evidence(found, "identity"), found)
            for file_id, (evidence, comparison) in files.items():
                history = uow.traveller_files.history(file_id)
                if history is None:
                    continue
                state = history.file.responsible_state
                for refusal in history.refusals:
                    hits.append(
                        _ees_hit(
                            CheckKind.EES_REFUSED_ENTRY,
                            refusal.record_id,
                            state,
                            evidence,
                            comparison,
                            refusal.crossing.at,
                        )
                    )
                for entry in history.entries:
                    overstayed = entry.overstay_flagged_at is not None or (
                        entry.exit is not None and entry.exit.day > entry.authorised_stay_until
                    )
                    if overstayed:
                        hits.append(
                            _ees_hit(
                                CheckKind.EES_OVERSTAYER,
                                entry.record_id,
                                state,
                                evidence,
                                comparison,
                                entry.entry.at,
                            )
                        )
        return hits


def _ees_hit(
    check: CheckKind,
    record_id: str,
    state: str,
    evidence: FieldMatch,
    comparison: Comparison | None,
    created_at: datetime,
) -> Hit:
    return Hit(
        check=check,
        source="ees",
        record_ref=record_id,
        member_state=state,
        matched_fields=(evidence,),
        score=comparison.score if comparison else 1.0,
        explanation=_explanation(comparison) if comparison else ("document: same number",),
        record_created_at=created_at,
    )
