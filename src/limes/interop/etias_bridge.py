"""New alerts and watchlist entries reach ETIAS: re-screening of valid authorisations.

Reg. 2018/1240 art. 41(3): the Central System checks new SIS alerts on persons and on
documents, and new watchlist entries, against the valid travel authorisations; a new hit
puts the authorisation before the National Unit of the state that entered the data,
which may revoke it. `EtiasWatchlistBridge.additions_committed` is the watchlist
service's observer: it indexes the additions, then re-runs the sources concerned, as
the ETIAS Central System (not as the user who added the alert, who may not see ETIAS).
"""

from limes.access.model import Actor
from limes.etias.answers import RescreenReport
from limes.etias.service import EtiasService
from limes.etias.service_base import CENTRAL_SYSTEM_ACTOR
from limes.interop.watchlist_screening import WatchlistScreening
from limes.watchlists.model import WatchlistAdditions


class EtiasWatchlistBridge:
    def __init__(self, screening: WatchlistScreening, etias: EtiasService) -> None:
        self._screening = screening
        self._etias = etias
        self.last_report: RescreenReport | None = None

    def additions_committed(self, additions: WatchlistAdditions, actor: Actor) -> None:
        self._screening.add(additions)
        sources: set[str] = set()
        if additions.person_alerts:
            sources.add("sis_persons")
        if additions.document_alerts:
            sources.add("travel_documents")
        if additions.watchlist_entries:
            sources.add("etias_watchlist")
        if sources:
            self.last_report = self._etias.rescreen(CENTRAL_SYSTEM_ACTOR, sources=sources)
