"""Candidate search for name screening: an inverted index over blocking keys.

Screening one applicant against a million watchlist entries must never compare against every
entry: a pairwise comparison costs tenths of a millisecond, so a full scan would take minutes
(etias_screening.md §5, "candidate explosion"; yente caps its candidates at 500 for the
same reason). The engine promises that an entry and a query it would match share at least
one blocking key (`limes.screening.keys`), so the index looks up the query's keys,
collects the entries that share them, weighs each shared key by how rare it is (inverse
document frequency, log(1 + N/df)), ranks the entries by how much of the query's name parts
and of their own keys they share and by birth year (see the ranking constants), and runs
the full comparison on the K entries ranked first only.

Birth years: an entry's name keys are filed under its birth year ("ivanov|1970"), or
under "?" when it has none or an approximate one; a query looks in the years within
`birth_year_slack` of its own, and in "?". Entries born further apart are never compared
(the engine vetoes years three or more apart), an entry without a date of birth is always
found (unknown, not different), and each posting list holds one year's entries only. The
index pairs keys with years itself: the keyer sees people without their date of birth.

Storage (numpy, CSR style): each key is hashed to a stable 64-bit integer (BLAKE2b, never
Python's per-process `hash`); `key_hashes` holds the sorted distinct hashes, `offsets` where
each key's postings start, and `postings` the entry rows (int32) of every key, key after key.
A key's document frequency is the length of its posting list. Entries added after the
build go to a small overlay (hash -> rows); removed entries become tombstones. `compact()`
folds both back into the arrays. Not safe for concurrent writers: callers serialise `add`,
`remove` and `compact` against searches.
"""

import hashlib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import Final

import numpy as np
from numpy.typing import NDArray

from limes.screening.model import Comparison, Decision, Name, Person

Keyer = Callable[[Person], Iterable[str]]
# A query's keys name part by name part, each marked True for a family name.
PartKeyer = Callable[[Person], list[tuple[frozenset[str], bool]]]
Comparer = Callable[[Person, Person], Comparison]
ProgressCallback = Callable[[int], None]

DEFAULT_TOP_K: Final = 64
# `search` compares the next batch of `top_k` while a quarter or more of the last one
# matched, up to this many batches.
EXTENSION_BATCHES: Final = 4
EXTEND_WHEN_MATCHED_SHARE: Final = 4
# A key whose posting list is longer than this is skipped when the query has rarer keys.
DEFAULT_HUGE_POSTINGS: Final = 100_000
# A query finds entries born up to this many years from its own year, and those without a
# year; the engine vetoes years three or more apart (keys.py asks for the same years).
DEFAULT_BIRTH_YEAR_SLACK: Final = 2

# Ranking (measured on synthetic watchlists, bench/screening.py): a candidate's figure is
#   sum over query name parts of (rarest key weight) * (share of the part's keys shared) ** 0.5
#   * (share of the entry's own key weight the query covers) ** 0.5
#   * a birth-year factor: same year 2, another year within the slack 1.5, unknown 1.
# Covering every part of the query and every part of the entry is what the engine rewards;
# summing the weights alone let entries that share many keys of one part crowd out an
# entry that holds only a surname and a date of birth (art. 34(4)).
PART_COVERAGE_EXPONENT: Final = 0.5
FAMILY_PART_WEIGHT: Final = 1.5  # a part the query marks as family name (logic-v2 uses 1.3)
ENTRY_COVERAGE_EXPONENT: Final = 0.5
SAME_BIRTH_YEAR_FACTOR: Final = 2.0
NEAR_BIRTH_YEAR_FACTOR: Final = 1.5

_UNKNOWN_YEAR: Final = "?"
_TOKEN_SEPARATORS: Final = re.compile(r"[\s,<\-‐‑–—/]+")
_BUILD_CHUNK: Final = 65_536  # entries keyed between two progress reports
_HASH_CACHE_LIMIT: Final = 1 << 20  # distinct key strings remembered while hashing
_EMPTY_ROWS: Final = np.empty(0, dtype=np.int32)


def key_hash(key: str) -> int:
    """The key's 64-bit BLAKE2b hash: the same in every process, run and machine.

    >>> key_hash("ivanov")
    5659731552495652554
    """
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


class _KeyHasher:
    """`key_hash` behind a bounded cache: common names repeat across entries."""

    def __init__(self) -> None:
        self._cache: dict[str, int] = {}

    def hash_list(self, key: str, buckets: Iterable[str]) -> list[int]:
        """The hashes of `key|bucket`, bucket by bucket."""
        return [self.hash(f"{key}|{bucket}") for bucket in buckets]

    def hash(self, text: str) -> int:
        value = self._cache.get(text)
        if value is None:
            if len(self._cache) >= _HASH_CACHE_LIMIT:
                self._cache.clear()
            value = self._cache[text] = key_hash(text)
        return value

    def hashes(self, keys: Iterable[str], buckets: Iterable[str] = ("",)) -> set[int]:
        """The hashes of `key|bucket` for every key and bucket ("" = the key alone)."""
        suffixes = [f"|{bucket}" if bucket else "" for bucket in buckets]
        return {self.hash(key + suffix) for key in keys for suffix in suffixes}


@dataclass(frozen=True, slots=True)
class ScreeningHit:
    """One watchlist entry the engine compared with the query, and its answer.

    `evidence` is the index's own ranking figure (how much of the query's name parts and of
    the entry's keys they share, weighed by rarity and birth year); it chose the entry for
    comparison and decides nothing.
    """

    entry_id: str
    comparison: Comparison
    evidence: float = 0.0


def _birth_year(person: Person) -> int:
    """The birth year when it is given and not approximate; 0 for unknown."""
    text = person.birth_date or ""
    if person.birth_date_approximate or len(text) < 4 or not text[:4].isdigit():
        return 0
    return int(text[:4])


def _inverted(
    hashes: NDArray[np.uint64], rows: NDArray[np.int32]
) -> tuple[NDArray[np.uint64], NDArray[np.int64], NDArray[np.int32]]:
    """Sorted distinct hashes, offsets into the postings, and the postings (rows by key).

    A stable sort keeps each key's rows in the order given, ascending when they are.
    """
    order = np.argsort(hashes, kind="stable")
    sorted_hashes = hashes[order]
    postings = np.ascontiguousarray(rows[order], dtype=np.int32)
    del order
    if sorted_hashes.size == 0:
        return sorted_hashes, np.zeros(1, dtype=np.int64), postings
    is_start = np.empty(sorted_hashes.size, dtype=bool)
    is_start[0] = True
    np.not_equal(sorted_hashes[1:], sorted_hashes[:-1], out=is_start[1:])
    starts = np.flatnonzero(is_start)
    offsets = np.append(starts, sorted_hashes.size).astype(np.int64)
    return np.ascontiguousarray(sorted_hashes[starts]), offsets, postings


class ScreeningIndex:
    """Watchlist entries searchable by the blocking keys their names share with a query.

    >>> index = ScreeningIndex(entries, entry_keyer=keys.entry_keys,   # doctest: +SKIP
    ...                        query_keyer=keys.query_keys, comparer=engine.compare)
    >>> [hit.entry_id for hit in index.search(applicant)]              # doctest: +SKIP
    ['SIS-000412']
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, Person]] = (),
        *,
        entry_keyer: Keyer | None = None,
        query_keyer: Keyer | None = None,
        comparer: Comparer | None = None,
        part_keyer: PartKeyer | None = None,
        top_k: int = DEFAULT_TOP_K,
        huge_postings: int = DEFAULT_HUGE_POSTINGS,
        birth_year_slack: int = DEFAULT_BIRTH_YEAR_SLACK,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        if top_k < 1:
            raise ValueError(f"top_k must be at least 1, got {top_k}")
        self._entry_keyer = entry_keyer or _default_entry_keyer()
        self._query_keyer = query_keyer or _default_query_keyer()
        # The query's keys by name part: the engine's own reading of the names (scripts,
        # MRZ form, joined Han names) unless another query keyer is injected, whose parts
        # are then the query's words.
        if part_keyer is None and query_keyer is None:
            part_keyer = _default_part_keyer()
        self._part_keyer = part_keyer
        self._comparer = comparer or _default_comparer()
        self.top_k = top_k
        self.huge_postings = huge_postings
        self.birth_year_slack = birth_year_slack
        self._hasher = _KeyHasher()
        self._entry_ids: list[str] = []
        self._persons: list[Person | None] = []
        self._row_of: dict[str, int] = {}
        self._alive = np.zeros(0, dtype=bool)
        self._birth_years = np.zeros(0, dtype=np.int16)
        self._masses = np.zeros(0, dtype=np.float32)  # each entry's own evidence if all shared
        self._live = 0
        self._years: set[int] = set()  # birth years held, 0 for unknown
        self._overlay: dict[int, list[int]] = {}
        self._overlay_postings = 0
        self._key_hashes: NDArray[np.uint64] = np.empty(0, dtype=np.uint64)
        self._offsets: NDArray[np.int64] = np.zeros(1, dtype=np.int64)
        self._postings: NDArray[np.int32] = _EMPTY_ROWS
        self._build(entries, on_progress)

    # -- building ---------------------------------------------------------------------

    def _build(
        self, entries: Iterable[tuple[str, Person]], on_progress: ProgressCallback | None
    ) -> None:
        hash_chunks: list[NDArray[np.uint64]] = []
        row_chunks: list[NDArray[np.int32]] = []
        hashes: list[int] = []
        rows: list[int] = []
        years: list[int] = []
        for entry_id, person in entries:
            if entry_id in self._row_of:
                raise ValueError(f"entry id given twice while building: {entry_id!r}")
            row = len(self._entry_ids)
            self._row_of[entry_id] = row
            self._entry_ids.append(entry_id)
            self._persons.append(person)
            years.append(_birth_year(person))
            entry_hashes = self._entry_hashes(person)
            hashes.extend(entry_hashes)
            rows.extend([row] * len(entry_hashes))
            if (row + 1) % _BUILD_CHUNK == 0:
                hash_chunks.append(np.array(hashes, dtype=np.uint64))
                row_chunks.append(np.array(rows, dtype=np.int32))
                hashes, rows = [], []
                if on_progress is not None:
                    on_progress(row + 1)
        hash_chunks.append(np.array(hashes, dtype=np.uint64))
        row_chunks.append(np.array(rows, dtype=np.int32))
        count = len(self._entry_ids)
        self._alive = np.ones(count, dtype=bool)
        self._birth_years = np.array(years, dtype=np.int16)
        self._live = count
        self._key_hashes, self._offsets, self._postings = _inverted(
            np.concatenate(hash_chunks), np.concatenate(row_chunks)
        )
        self._masses = self._entry_masses()
        if on_progress is not None:
            on_progress(count)

    def _entry_hashes(self, person: Person) -> set[int]:
        """The entry's name keys, filed under its birth year ("?" when unknown)."""
        year = _birth_year(person)
        self._years.add(year)
        bucket = str(year) if year else _UNKNOWN_YEAR
        return self._hasher.hashes(self._entry_keyer(_undated(person)), (bucket,))

    def _query_years(self, query: Person) -> list[int]:
        """The birth years a query looks in, ascending, then 0 for "unknown".

        Its own year and those within the slack; every year the index holds when the query
        has no usable year.
        """
        year = _birth_year(query)
        if year == 0:
            return [*sorted(self._years - {0}), 0]
        slack = self.birth_year_slack
        return [*range(year - slack, year + slack + 1), 0]

    def _entry_masses(self) -> NDArray[np.float32]:
        """Per entry, the summed IDF weight of all its keys (what a perfect query shares)."""
        frequencies = np.diff(self._offsets)
        weights = np.log1p(max(self._live, 1) / np.maximum(frequencies, 1))
        masses = np.bincount(
            self._postings, weights=np.repeat(weights, frequencies), minlength=len(self._alive)
        )
        return masses.astype(np.float32)

    # -- changes while running ---------------------------------------------------------

    def add(self, entry_id: str, person: Person) -> None:
        """Index one more entry at once (an alert just issued); an existing id is replaced."""
        if entry_id in self._row_of:
            self.remove(entry_id)
        row = len(self._entry_ids)
        if row >= len(self._alive):
            capacity = max(16, len(self._alive) * 3 // 2)
            self._alive = np.concatenate((self._alive, np.zeros(capacity - row, dtype=bool)))
            self._birth_years = np.concatenate(
                (self._birth_years, np.zeros(capacity - row, dtype=np.int16))
            )
            self._masses = np.concatenate(
                (self._masses, np.zeros(capacity - row, dtype=np.float32))
            )
        values = self._entry_hashes(person)
        for value in values:
            self._overlay.setdefault(value, []).append(row)
            self._overlay_postings += 1
        frequencies = np.array([self._frequency(value) for value in values], dtype=np.float64)
        self._masses[row] = float(np.log1p((self._live + 1) / frequencies).sum())
        self._row_of[entry_id] = row
        self._entry_ids.append(entry_id)
        self._persons.append(person)
        self._alive[row] = True
        self._birth_years[row] = _birth_year(person)
        self._live += 1

    def remove(self, entry_id: str) -> bool:
        """Withdraw an entry (an alert deleted); False when the index does not hold it."""
        row = self._row_of.pop(entry_id, None)
        if row is None:
            return False
        self._alive[row] = False
        self._persons[row] = None
        self._live -= 1
        return True

    def compact(self) -> None:
        """Fold the overlay into the arrays and drop removed entries; rows are renumbered."""
        count = len(self._entry_ids)
        kept = np.flatnonzero(self._alive[:count])
        new_row = np.full(count, -1, dtype=np.int32)
        new_row[kept] = np.arange(kept.size, dtype=np.int32)
        counts = np.diff(self._offsets)
        base_hashes = np.repeat(self._key_hashes, counts)
        live_postings = self._alive[self._postings]
        hashes = [base_hashes[live_postings]]
        rows = [new_row[self._postings[live_postings]]]
        del base_hashes
        for value, overlay_rows in self._overlay.items():
            renumbered = new_row[np.array(overlay_rows, dtype=np.int64)]
            renumbered = renumbered[renumbered >= 0]
            hashes.append(np.full(renumbered.size, value, dtype=np.uint64))
            rows.append(renumbered)
        self._key_hashes, self._offsets, self._postings = _inverted(
            np.concatenate(hashes), np.concatenate(rows).astype(np.int32)
        )
        self._entry_ids = [self._entry_ids[row] for row in kept]
        self._persons = [self._persons[row] for row in kept]
        self._row_of = {entry_id: row for row, entry_id in enumerate(self._entry_ids)}
        self._alive = np.ones(kept.size, dtype=bool)
        self._birth_years = self._birth_years[kept]
        self._overlay = {}
        self._overlay_postings = 0
        self._live = int(kept.size)
        self._masses = self._entry_masses()

    # -- what it holds -----------------------------------------------------------------

    def __len__(self) -> int:
        return self._live

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._row_of

    def person(self, entry_id: str) -> Person:
        """The indexed person of an entry; KeyError when the index does not hold it."""
        person = self._persons[self._row_of[entry_id]]
        assert person is not None  # rows of removed entries leave _row_of
        return person

    def document_frequency(self, key: str) -> int:
        """How many entries, removed ones included until `compact()`, carry the key."""
        buckets = [*(str(year) for year in self._years if year), _UNKNOWN_YEAR]
        return sum(self._frequency(value) for value in self._hasher.hashes([key], buckets))

    def _frequency(self, value: int) -> int:
        position = int(np.searchsorted(self._key_hashes, np.uint64(value)))
        base = 0
        if position < self._key_hashes.size and int(self._key_hashes[position]) == value:
            base = int(self._offsets[position + 1] - self._offsets[position])
        return base + len(self._overlay.get(value, ()))

    @property
    def key_count(self) -> int:
        """Distinct keys in the arrays (the overlay's new keys not counted)."""
        return int(self._key_hashes.size)

    @property
    def overlay_size(self) -> int:
        """Postings waiting in the overlay for the next `compact()`."""
        return self._overlay_postings

    @property
    def nbytes(self) -> int:
        """Bytes of the index structures: arrays, and the overlay at CPython object sizes.

        The entry ids, their lookup table and the Person objects are not counted.
        """
        arrays = (
            self._key_hashes.nbytes
            + self._offsets.nbytes
            + self._postings.nbytes
            + self._alive.nbytes
            + self._birth_years.nbytes
            + self._masses.nbytes
        )
        # A dict slot with its int key and list (~150 bytes) and 36 bytes per listed row.
        overlay = len(self._overlay) * 150 + self._overlay_postings * 36
        return int(arrays + overlay)

    # -- searching ---------------------------------------------------------------------

    def search(
        self, query: Person, *, include_non_matches: bool = False, top_k: int | None = None
    ) -> list[ScreeningHit]:
        """The entries the comparer matches with the query, best first.

        With `include_non_matches` every compared candidate is returned (matches first),
        which shows whether an expected entry was compared and how it scored; the default
        comparer explains matches only (`engine.compare` explains any pair).
        """
        batch = self.top_k if top_k is None else top_k
        rows, evidence = self.candidates(query, top_k=batch * EXTENSION_BATCHES)
        hits: list[tuple[ScreeningHit, int]] = []
        ranked = list(zip(rows.tolist(), evidence.tolist(), strict=True))
        for start in range(0, len(ranked), batch):
            matched = 0
            for row, weight in ranked[start : start + batch]:
                candidate = self._persons[row]
                assert candidate is not None  # candidates() drops removed rows
                comparison = self._comparer(query, candidate)
                matched += comparison.decision == Decision.MATCH
                if include_non_matches or comparison.decision == Decision.MATCH:
                    hits.append((ScreeningHit(self._entry_ids[row], comparison, weight), row))
            # A query with many namesakes on the list matches much of a batch: the next
            # batch may hold more of them. Otherwise the first batch is all there is.
            if matched * EXTEND_WHEN_MATCHED_SHARE < batch:
                break
        hits.sort(
            key=lambda pair: (
                pair[0].comparison.decision != Decision.MATCH,
                -pair[0].comparison.score,
                -pair[0].evidence,
                pair[1],
            )
        )
        return [hit for hit, _ in hits]

    def candidate_ids(self, query: Person, *, top_k: int | None = None) -> list[str]:
        """The entries `search` would compare, most evidence first."""
        rows, _ = self.candidates(query, top_k=top_k)
        return [self._entry_ids[row] for row in rows.tolist()]

    def candidates(
        self, query: Person, *, top_k: int | None = None
    ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """Rows of the at most `top_k` live entries ranked first, and their ranking figures.

        Ordered by the figure, then by row (earlier entries first), so ties are deterministic.
        """
        limit = self.top_k if top_k is None else top_k
        if limit < 1:
            raise ValueError(f"top_k must be at least 1, got {limit}")
        found = self._postings_of(query)
        if found is None:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        rows, inverse = _grouped(found.rows)
        count = rows.size
        evidence = np.bincount(
            inverse, weights=found.weights * found.first, minlength=count
        ).astype(np.float64, copy=False)
        by_part = (
            np.bincount(
                inverse * found.slots + found.parts,
                weights=found.weights,
                minlength=count * found.slots,
            )
            .astype(np.float64, copy=False)
            .reshape(count, found.slots)
        )
        buckets = found.buckets_of(self._birth_years[rows])
        score = _query_coverage(by_part, found.part_masses[buckets], found.part_weights, evidence)
        masses = np.maximum(self._masses[rows].astype(np.float64), 1e-9)
        score *= np.minimum(evidence / masses, 1.0) ** ENTRY_COVERAGE_EXPONENT
        score *= self._birth_year_factors(query, rows)
        live = self._alive[rows]
        if not live.all():
            rows, score = rows[live], score[live]
        return _best(rows, score, limit)

    def _postings_of(self, query: Person) -> "_Postings | None":
        """The postings of the query's keys in its birth-year buckets, tagged by name part."""
        if self._live == 0:
            return None
        years = self._query_years(query)
        buckets = [str(year) if year else _UNKNOWN_YEAR for year in years]
        keyed = (
            [(set(keys), is_family) for keys, is_family in self._part_keyer(query)]
            if self._part_keyer is not None
            else [
                (set(self._query_keyer(Person(names=(Name(text=word),)))), is_family)
                for word, is_family in _name_tokens(query).items()
            ]
        )
        parts = [keys for keys, _ in keyed if keys]
        family = [is_family for keys, is_family in keyed if keys]
        owners: dict[str, list[int]] = {}
        for part, keys in enumerate(parts):
            for key in keys:
                owners.setdefault(key, []).append(part)
        for key in self._query_keyer(_undated(query)):
            owners.setdefault(key, [len(parts)])  # a key of the whole name, of no single part
        wanted = [
            (value, bucket, key_owners)
            for key, key_owners in owners.items()
            for bucket, value in enumerate(self._hasher.hash_list(key, buckets))
        ]
        lists = [
            (rows, bucket, key_owners)
            for (_, bucket, key_owners), rows in zip(
                wanted, self._posting_lists([value for value, _, _ in wanted]), strict=True
            )
            if rows.size
        ]
        if not lists:
            return None
        rare = [found for found in lists if found[0].size <= self.huge_postings]
        if rare and len(rare) < len(lists):
            # Huge lists (particles, the most common names) add latency and little evidence;
            # they are skipped only when rarer keys remain to find the candidates with.
            lists = rare
        return _Postings.tag(lists, family, years, self._live)

    def _posting_lists(self, values: list[int]) -> list[NDArray[np.int32]]:
        """The rows filed under each key hash (arrays and overlay), one lookup for them all."""
        hashes = np.array(values, dtype=np.uint64)
        positions = np.searchsorted(self._key_hashes, hashes)
        found = positions < self.key_count
        found[found] = self._key_hashes[positions[found]] == hashes[found]
        starts = self._offsets[np.where(found, positions, 0)].tolist()
        ends = self._offsets[np.where(found, positions + 1, 0)].tolist()
        lists = []
        for value, start, end in zip(values, starts, ends, strict=True):
            rows = self._postings[start:end]
            added = self._overlay.get(value)
            if added:
                rows = np.concatenate((rows, np.array(added, dtype=np.int32)))
            lists.append(rows)
        return lists

    def _birth_year_factors(self, query: Person, rows: NDArray[np.int64]) -> NDArray[np.float64]:
        """Per candidate: more weight for the same birth year, much less for a distant one."""
        factors = np.ones(rows.size, dtype=np.float64)
        year = _birth_year(query)
        if year == 0:
            return factors
        years = self._birth_years[rows].astype(np.int32)
        apart = np.abs(years - year)
        known = years != 0
        factors[known & (apart <= self.birth_year_slack)] = NEAR_BIRTH_YEAR_FACTOR
        factors[known & (apart == 0)] = SAME_BIRTH_YEAR_FACTOR
        # An entry without a date of birth (a watchlist entry may hold none) is compatible
        # with any: ranked like a near year, not below every namesake with a date.
        factors[~known] = NEAR_BIRTH_YEAR_FACTOR
        return factors


@dataclass(frozen=True, slots=True)
class _Postings:
    """A query's postings: entry rows, the name part each came from and its key's IDF weight.

    A key of several parts appears once per part; `first` marks one copy of each, so the
    total evidence counts every key once. Keys of no single part (the whole name's) go to
    the extra part slot `slots - 1`. Part masses are kept per birth-year bucket: an entry can
    share a key only in its own bucket.
    """

    rows: NDArray[np.int32]
    parts: NDArray[np.int64]
    weights: NDArray[np.float64]
    first: NDArray[np.float64]
    slots: int
    years: NDArray[np.int64]  # the buckets' years, ascending, then 0 for unknown
    part_masses: NDArray[np.float64]  # per bucket and part: summed weight of its keys found
    part_weights: NDArray[np.float64]  # per part: weight of its rarest key found

    @classmethod
    def tag(
        cls,
        lists: list[tuple[NDArray[np.int32], int, list[int]]],
        family: list[bool],
        years: list[int],
        live: int,
    ) -> "_Postings":
        part_count = len(family)
        rows, tags, weights, first = [], [], [], []
        masses = np.zeros((len(years), part_count), dtype=np.float64)
        rarest = np.zeros(part_count, dtype=np.float64)
        for posting, bucket, owners in lists:
            weight = math.log1p(live / posting.size)
            for copy, owner in enumerate(owners):
                rows.append(posting)
                tags.append(owner)
                weights.append(weight)
                first.append(1.0 if copy == 0 else 0.0)
                if owner < part_count:
                    masses[bucket, owner] += weight
                    rarest[owner] = max(rarest[owner], weight)
        sizes = np.array([posting.size for posting in rows], dtype=np.int64)
        return cls(
            rows=np.concatenate(rows),
            parts=np.repeat(np.array(tags, dtype=np.int64), sizes),
            weights=np.repeat(np.array(weights, dtype=np.float64), sizes),
            first=np.repeat(np.array(first, dtype=np.float64), sizes),
            slots=part_count + 1,
            years=np.array(years, dtype=np.int64),
            part_masses=masses,
            part_weights=rarest * np.where(family, FAMILY_PART_WEIGHT, 1.0),
        )

    def buckets_of(self, birth_years: NDArray[np.int16]) -> NDArray[np.int64]:
        """The bucket of each candidate, from its birth year (0 = unknown, the last bucket)."""
        known = self.years[:-1]
        positions = np.searchsorted(known, birth_years.astype(np.int64))
        return np.where(birth_years == 0, known.size, np.minimum(positions, known.size))


def _query_coverage(
    by_part: NDArray[np.float64],
    part_masses: NDArray[np.float64],
    part_weights: NDArray[np.float64],
    evidence: NDArray[np.float64],
) -> NDArray[np.float64]:
    """How much of each query name part a candidate covers, rarer parts weighing more.

    Sum over parts of (rarest key's weight) * (share of the part's key weight shared) ** 0.5,
    with `part_masses` given per candidate; the total evidence when the keyer gives no key
    for single parts.
    """
    if part_weights.size == 0:
        return evidence.copy()
    shares = np.minimum(by_part[:, :-1] / np.maximum(part_masses, 1e-9), 1.0)
    result: NDArray[np.float64] = (shares**PART_COVERAGE_EXPONENT) @ part_weights
    return result


def _name_tokens(person: Person) -> dict[str, bool]:
    """The distinct words of a person's names, each marked True when it is a family name.

    A word is a family name when the name says so: its `family` field, the part before the
    comma of "FAMILY, Given", or before `<<` in the MRZ form.
    """
    words: dict[str, bool] = {}
    for name in person.names:
        family, given, text = name.family, name.given, name.text
        for separator in ("<<", ","):
            if separator in text:
                family, _, given = text.partition(separator)
                text = ""
                break
        for part, is_family in ((family, True), (given, False), (text, False)):
            for word in _TOKEN_SEPARATORS.split(part):
                if word:
                    key = word.casefold()
                    words[key] = words.get(key, False) or is_family
    return words


def _undated(person: Person) -> Person:
    """The person without a date of birth: the index weighs birth years itself."""
    if person.birth_date is None:
        return person
    return replace(person, birth_date=None, birth_date_approximate=False)


def _grouped(rows: NDArray[np.int32]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Distinct rows (ascending) and, per posting, the index of its row among them."""
    highest = int(rows.max())
    if rows.size * 16 < highest:
        # Few postings over many entries: sorting them beats a pass over every entry.
        distinct, inverse = np.unique(rows, return_inverse=True)
        return distinct.astype(np.int64), inverse.astype(np.int64)
    seen = np.zeros(highest + 1, dtype=bool)
    seen[rows] = True
    distinct_rows = np.flatnonzero(seen)
    slot = np.empty(highest + 1, dtype=np.int64)
    slot[distinct_rows] = np.arange(distinct_rows.size)
    return distinct_rows.astype(np.int64), slot[rows]


def _best(
    candidates: NDArray[np.int64], evidence: NDArray[np.float64], limit: int
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """The `limit` candidates with the most evidence; ties go to the lower row."""
    if candidates.size > limit:
        cut = np.argpartition(-evidence, limit - 1)[:limit]
        threshold = evidence[cut].min()
        above = np.flatnonzero(evidence > threshold)
        # candidates are ascending, so the first tied positions are the lowest rows.
        tied = np.flatnonzero(evidence == threshold)[: limit - above.size]
        chosen = np.concatenate((above, tied))
        candidates, evidence = candidates[chosen], evidence[chosen]
    order = np.lexsort((candidates, -evidence))
    return candidates[order], evidence[order]


def _default_entry_keyer() -> Keyer:
    from limes.screening.keys import entry_keys

    return entry_keys


def _default_query_keyer() -> Keyer:
    from limes.screening.keys import query_keys

    return query_keys


def _default_part_keyer() -> PartKeyer:
    from limes.screening.keys import query_part_keys

    return query_part_keys


def _default_comparer() -> Comparer:
    from limes.screening.engine import compare

    # Only matches are shown, so only matches need their reasons.
    return partial(compare, explain=False)
