"""ETIAS's check against the ETIAS watchlist (art. 20(5), 34), and a proposed entry's
impact (art. 35(1)(b)).

Names through the screening index; the travel document, e-mail, phone and IP address
exactly. `ProposedEntrySource` compares one proposed entry with each stored application,
without an index.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final

from limes.etias.model import Application, CheckKind, FieldMatch, Hit, MatchMethod
from limes.interop.etias_evidence import document_match, explanation, name_evidence
from limes.interop.screening_subjects import applicant, watchlist_entry
from limes.interop.watchlist_screening import WatchlistScreening, item_keys, phone_digits
from limes.screening.engine import compare
from limes.screening.model import Comparison, Decision
from limes.watchlists.keys import document_key
from limes.watchlists.model import WatchlistEntry
from limes.watchlists.ports import WatchlistUnitOfWork

EUROPOL: Final = "EUROPOL"


def _entry_exact_matches(application: Application, entry: WatchlistEntry) -> list[FieldMatch]:
    form = application.form
    matches: list[FieldMatch] = []
    mine = document_key(form.travel_document.issuing_country, form.travel_document.number)
    if any(document_key(d.country, d.number) == mine for d in entry.travel_documents):
        matches.append(document_match("travel_documents"))
    if entry.email and entry.email.strip().lower() == form.email.strip().lower():
        matches.append(
            FieldMatch(application_field="email", record_field="email", method=MatchMethod.EXACT)
        )
    phones = {phone_digits(phone) for phone in form.phones}
    if entry.phone and phone_digits(entry.phone) in phones:
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
        explanation=explanation(comparison) if comparison else (),
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
                    name_evidence(found.comparison, "names"),
                    *_entry_exact_matches(application, entry),
                ]
                hits[entry.entry_id] = _watchlist_hit(entry, evidence, found.comparison)
            form = application.form
            items = item_keys(
                documents=[(form.travel_document.issuing_country, form.travel_document.number)],
                email=form.email,
                phones=form.phones,
                ip_address=form.ip_address,
            )
            for entry_id in sorted(self._screening.entries_with_items(items, at=at)):
                entry = uow.watchlists.get_watchlist_entry(entry_id)
                if entry_id in hits or entry is None or not entry.in_force(at):
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
                evidence.insert(0, name_evidence(comparison, "names"))
            else:
                comparison = None
        return [_watchlist_hit(self._entry, evidence, comparison)] if evidence else []
