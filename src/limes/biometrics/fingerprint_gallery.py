"""The fingerprint 1:N gallery of the service, rebuilt from the store when it changed.

`fingerprint_search.FingerprintSearch` serves one fixed gallery, so this holder keeps
one built from every stored fingerprint template and marks it stale on each enrolment
or erasure; the next identification rebuilds it (the whitening is learned again from
the gallery). Small galleries re-rank in this process; from `POOL_FROM` templates on,
Bozorth3 runs in worker processes.
"""

import threading
from collections.abc import Callable

from limes.biometrics.fingerprint_search import (
    FingerprintGallery,
    FingerprintSearch,
    FingerprintSearchResult,
    fit_whitening,
)
from limes.biometrics.minutiae import MinutiaeRecord
from limes.biometrics.minutiae_codecs import decode
from limes.biometrics.model import BiometricTemplate, Modality, TemplateFormat
from limes.biometrics.ports import Templates

POOL_FROM = 5_000
PAGE = 5_000
STORED_FORMAT = TemplateFormat.ISO_19794_2_2005


def all_fingerprints(templates: Templates) -> list[BiometricTemplate]:
    """Every stored fingerprint template, paged in label order."""
    stored: list[BiometricTemplate] = []
    after = 0
    while page := templates.stream(Modality.FINGERPRINT, STORED_FORMAT, after, PAGE):
        stored.extend(page)
        after = page[-1].label
    return stored


class FingerprintGalleryHolder:
    def __init__(self, *, shortlist_size: int = 200, workers: int = 2) -> None:
        self._shortlist_size = shortlist_size
        self._workers = workers
        self._search: FingerprintSearch | None = None
        self._stale = True
        self._lock = threading.Lock()

    def mark_stale(self) -> None:
        with self._lock:
            self._stale = True

    def identify(
        self,
        load: Callable[[], list[BiometricTemplate]],
        probe: MinutiaeRecord,
        max_candidates: int,
    ) -> FingerprintSearchResult | None:
        """Candidates for the probe; None when no fingerprint is enrolled at all.

        `load` gives every stored fingerprint template; it is called only to rebuild.
        """
        with self._lock:
            if self._stale:
                self._rebuild(load())
            if self._search is None:
                return None
            return self._search.identify(probe, max_candidates=max_candidates)

    def size(self) -> int:
        with self._lock:
            return 0 if self._search is None else len(self._search.gallery)

    def close(self) -> None:
        with self._lock:
            if self._search is not None:
                self._search.close()
                self._search = None
            self._stale = True

    def _rebuild(self, stored: list[BiometricTemplate]) -> None:
        if self._search is not None:
            self._search.close()
            self._search = None
        self._stale = False
        if not stored:
            return
        records = [decode(t.data, t.format) for t in stored]
        # The whitening is learned from at least two histograms. A gallery of one template
        # is shortlisted whole whatever stage 1 says, so learning it from that template
        # twice changes no answer.
        sample = records if len(records) > 1 else records * 2
        gallery = FingerprintGallery.from_records(
            [t.label for t in stored], records, whitening=fit_whitening(sample)
        )
        workers = self._workers if len(stored) >= POOL_FROM else 0
        self._search = FingerprintSearch(
            gallery, shortlist_size=min(self._shortlist_size, len(stored)), workers=workers
        )
