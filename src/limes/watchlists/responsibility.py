"""Who may change an alert or an entry: its issuer, or the party that entered it. Pure.

An SIS alert is issued by one Member State through its SIRENE Bureau, and only that
state changes or withdraws it. Each party entering data in the ETIAS watchlist — Europol
or a Member State — is responsible for its entries (Reg. 2018/1240 art. 34(2)); the SLTD
copy is Interpol's, kept by whoever may write alerts.
Bulk imports (WATCHLIST_IMPORT) load national copies and are not checked per record.
"""

from limes.access.model import Actor, Role
from limes.watchlists.errors import NotResponsibleError
from limes.watchlists.model import (
    DocumentAlert,
    DocumentSource,
    WatchlistEntry,
    WatchlistRecord,
)
from limes.watchlists.validation import EUROPOL


def parties_of(actor: Actor) -> frozenset[str]:
    """The parties an actor enters ETIAS watchlist data for: Europol, their state, both."""
    parties = set()
    if Role.EUROPOL in actor.roles:
        parties.add(EUROPOL)
    if Role.ETIAS_UNIT in actor.roles and actor.state:
        parties.add(actor.state)
    return frozenset(parties)


def entering_party(actor: Actor) -> str:
    """The party an entry made by this actor is entered by: Europol first, else their state."""
    return EUROPOL if Role.EUROPOL in actor.roles else actor.state


def require_responsible(actor: Actor, record: WatchlistRecord) -> None:
    """Raise NotResponsibleError unless the actor's state or party owns the record."""
    if isinstance(record, WatchlistEntry):
        if record.entered_by not in parties_of(actor):
            raise NotResponsibleError(
                "only the party that entered this watchlist entry may change it"
            )
        return
    if isinstance(record, DocumentAlert) and record.source is DocumentSource.SLTD:
        return
    if actor.state != record.issuing_state:
        raise NotResponsibleError("only the state that issued this SIS alert may change it")
