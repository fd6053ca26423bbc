"""Reg. 2018/1240 art. 35(1): ETIAS watchlist data must not duplicate an SIS alert. Pure.

Before data are entered in the ETIAS watchlist, the entering party checks whether they
correspond to an alert in SIS; if they do, they are not entered: SIS has priority.
Limes calls an entry and a person alert corresponding when

- a surname of the entry (its surname or surname at birth) is the alert's surname in MRZ
  letters (`keys.name_key`) and both give a date of birth that agree on every component
  both give ("1975" and "1975-03-02" agree), or
- they name the same travel document (`keys.document_key`).
"""

from enum import StrEnum

from limes.watchlists.keys import dates_agree, name_key
from limes.watchlists.model import PersonAlert, WatchlistEntry


class Correspondence(StrEnum):
    SAME_SURNAME_AND_BIRTH = "same surname and date of birth"
    SAME_DOCUMENT = "same travel document"


def surname_keys(entry: WatchlistEntry) -> frozenset[str]:
    """The entry's surnames (current and at birth) in MRZ letters."""
    names = (entry.surname, entry.surname_at_birth)
    return frozenset(key for name in names if name and (key := name_key(name)))


def correspondence(entry: WatchlistEntry, alert: PersonAlert) -> Correspondence | None:
    """Why the entry corresponds to the alert, or None when it does not."""
    if name_key(alert.surname) in surname_keys(entry) and dates_agree(
        entry.date_of_birth, alert.date_of_birth
    ):
        return Correspondence.SAME_SURNAME_AND_BIRTH
    alert_documents = {document.key for document in alert.travel_documents}
    if any(document.key in alert_documents for document in entry.travel_documents):
        return Correspondence.SAME_DOCUMENT
    return None
