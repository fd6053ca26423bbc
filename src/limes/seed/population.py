"""A synthetic traveller population for the EES: identities, passports, visas and trips.

Pure: all randomness comes from the `random.Random` passed in, so a seed always gives the
same population. Trips start on or after the EES's full operation (10.04.2026) and end by
the `until` date; they respect the 90/180 rule (`limes.core.stay`) and the visa's validity,
entries and days, except for a deliberate share of overstayers. `limes seed` feeds the
result through the EES services.
"""

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from functools import cache
from itertools import accumulate
from typing import Final, TypeVar
from zoneinfo import ZoneInfo

from limes.core.mrz.model import MrzFields, MrzFormat
from limes.core.mrz.writer import write_mrz
from limes.core.names import to_mrz_characters
from limes.core.presence import PresenceHistory, Stay
from limes.core.stay import MAX_STAY_DAYS, max_stay
from limes.ees.model import (
    BorderCrossingPoint,
    BorderType,
    DocumentType,
    FingerprintStatus,
    Identity,
    RefusalReason,
    Sex,
    TravelDocument,
    VisaRecord,
)
from limes.ees.scope import EES_STATES
from limes.seed.name_tables import NAME_TABLES, VISA_REQUIRED, NameTable

# The EES has been fully operational at all external borders since this day (ees_rules.md §5).
EES_FULL_OPERATION: Final = date(2026, 4, 10)

OVERSTAYER_SHARE: Final = 0.015  # of travellers: still inside past their authorised stay
INSIDE_SHARE: Final = 0.04  # of travellers: still inside, within their authorised stay
REFUSAL_SHARE: Final = 0.01  # of attempted entries
FAMILY_MEMBER_SHARE: Final = 0.01  # EESR art. 2(1)(b): family members of EU citizens
# Of travellers whose entry would break the 90/180 rule: come anyway and are refused (F).
_TRY_ANYWAY_SHARE: Final = 0.2
# Children under 12 give no fingerprints (EESR art. 17(3)).
FINGERPRINT_MINIMUM_AGE: Final = 12

_TD3_NAME_WIDTH: Final = 39
_DOCUMENT_NUMBER_CHARACTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntheticTrip:
    """One entry (or refusal of entry) and its exit; `exit_at` is None while inside.

    A non-empty `refused` makes this a refusal of entry at `entry_at` (no stay, no exit).
    Instants are UTC; the stay's days are the calendar days at each BCP (core/time.py).
    """

    entry_at: datetime
    exit_at: datetime | None
    entry_bcp: str
    exit_bcp: str | None
    visa_sticker: str | None
    refused: frozenset[RefusalReason]
    self_service: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntheticTraveller:
    """A synthetic third-country national: who, which passport, which visas, which trips."""

    identity: Identity
    document: TravelDocument
    mrz_lines: tuple[str, ...]  # TD3, document code P, every check digit valid
    visa_required: bool
    visas: tuple[VisaRecord, ...]
    trips: tuple[SyntheticTrip, ...]  # oldest first
    family_member_of_eu_citizen: bool
    fingerprints: FingerprintStatus


def _bcp(code: str, name: str, state: str, kind: BorderType, zone: str) -> BorderCrossingPoint:
    return BorderCrossingPoint(code=code, name=name, state=state, border_type=kind, time_zone=zone)


_AIR, _SEA, _LAND = BorderType.AIR, BorderType.SEA, BorderType.LAND
# Codes are UN/LOCODEs. Sure: NLAMS, NLRTM, DEFRA, ESMAD, ESALG, ATVIE, GRATH, PLWAW, FIHEL,
# PTLIS. Less sure: FRCDG (Paris-Charles de Gaulle, besides FRPAR) and ITFCO (Fiumicino).
# The land crossings have no UN/LOCODE we know of: HRBJK (Bajakovo, HR-RS), PLMDK (Medyka,
# PL-UA) and GRKIP (Kipoi, GR-TR) are made up from the state's alpha-2 code and the place.
SEED_BORDER_CROSSING_POINTS: Final = (
    _bcp("NLAMS", "Amsterdam Airport Schiphol", "NLD", _AIR, "Europe/Amsterdam"),
    _bcp("DEFRA", "Frankfurt Airport", "DEU", _AIR, "Europe/Berlin"),
    _bcp("FRCDG", "Paris-Charles de Gaulle Airport", "FRA", _AIR, "Europe/Paris"),
    _bcp("ESMAD", "Adolfo Suárez Madrid-Barajas Airport", "ESP", _AIR, "Europe/Madrid"),
    _bcp("ITFCO", "Rome Fiumicino Airport", "ITA", _AIR, "Europe/Rome"),
    _bcp("ATVIE", "Vienna International Airport", "AUT", _AIR, "Europe/Vienna"),
    _bcp("GRATH", "Athens International Airport", "GRC", _AIR, "Europe/Athens"),
    _bcp("PLWAW", "Warsaw Chopin Airport", "POL", _AIR, "Europe/Warsaw"),
    _bcp("FIHEL", "Helsinki Airport", "FIN", _AIR, "Europe/Helsinki"),
    _bcp("PTLIS", "Lisbon Humberto Delgado Airport", "PRT", _AIR, "Europe/Lisbon"),
    _bcp("NLRTM", "Port of Rotterdam", "NLD", _SEA, "Europe/Amsterdam"),
    _bcp("ESALG", "Port of Algeciras", "ESP", _SEA, "Europe/Madrid"),
    _bcp("HRBJK", "Bajakovo road crossing", "HRV", _LAND, "Europe/Zagreb"),
    _bcp("PLMDK", "Medyka road crossing", "POL", _LAND, "Europe/Warsaw"),
    _bcp("GRKIP", "Kipoi road crossing", "GRC", _LAND, "Europe/Athens"),
)

# Rough share of crossings per BCP, in the order above.
_BCP_WEIGHTS: Final = (12, 14, 16, 9, 9, 5, 5, 4, 3, 5, 1, 2, 2, 2, 1)
_BCP_CUMULATIVE: Final = tuple(accumulate(_BCP_WEIGHTS))
_BCP_BY_CODE: Final = {bcp.code: bcp for bcp in SEED_BORDER_CROSSING_POINTS}
# Neighbours and ferry passengers often use "their" crossing: (BCP code, share of trips).
_HOME_CROSSINGS: Final = {
    "SRB": ("HRBJK", 0.5),
    "UKR": ("PLMDK", 0.5),
    "TUR": ("GRKIP", 0.2),
    "MAR": ("ESALG", 0.35),
    "GBR": ("NLRTM", 0.05),
}

_HOURS: Final = tuple(range(24))
# Local hour of arrival by border type: long-haul flights land early, ferries in the morning.
_ENTRY_HOUR_WEIGHTS: Final = {
    BorderType.AIR: (1, 1, 1, 1, 2, 5, 9, 10, 9, 8, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 6, 5, 4, 2),
    BorderType.SEA: (0, 0, 0, 0, 1, 2, 6, 10, 10, 6, 3, 2, 2, 2, 2, 2, 3, 5, 5, 4, 2, 1, 1, 0),
    BorderType.LAND: (1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5, 4, 3, 2, 2, 1),
}
_ENTRY_HOUR_CUMULATIVE: Final = {
    kind: tuple(accumulate(weights)) for kind, weights in _ENTRY_HOUR_WEIGHTS.items()
}
# Exits from 04:00 only, so an exit the day after an entry is always later in UTC too.
_EXIT_HOUR_CUMULATIVE: Final = tuple(
    accumulate((0, 0, 0, 0, 1, 3, 7, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8, 8, 7, 6, 5, 4, 2, 1))
)

# Share of entries through a self-service system or e-gate (SBC art. 8a, 8b), by border type.
_SELF_SERVICE_SHARE: Final = {BorderType.AIR: 0.35, BorderType.SEA: 0.1, BorderType.LAND: 0.15}

# (first birth year, last birth year, weight): mostly working-age adults, some children.
_BIRTH_YEARS: Final = (
    (1940, 1949, 3), (1950, 1959, 7), (1960, 1969, 12), (1970, 1979, 16), (1980, 1989, 19),
    (1990, 1999, 19), (2000, 2009, 12), (2010, 2014, 5), (2015, 2024, 7),
)  # fmt: skip
# (shortest, longest, weight) in days: most stays are short.
_STAY_DAYS: Final = ((1, 3, 15), (4, 7, 30), (8, 14, 28), (15, 30, 17), (31, 60, 10))
_MEAN_STAY_DAYS: Final = 13
_TRIP_COUNT_WEIGHTS: Final = (3, 34, 20, 13, 9, 7, 6, 4, 4)  # 0 to 8 trips

# Visa validity in days (90 days to 5 years), with weights; longer ones are MULT only
# (Visa Code art. 24(2), as amended by Reg. (EU) 2019/1155: the multiple-entry "cascade").
_VISA_VALIDITY_DAYS: Final = ((90, 45), (180, 20), (365, 20), (730, 8), (1095, 4), (1825, 3))
_VISA_DURATION_DAYS: Final = (15, 30, 30, 45, 60, 90, 90, 90)
_VISA_ISSUING_STATES: Final = tuple(sorted(EES_STATES))

# Annex V Part B letters with weights, for travellers with and without a visa requirement.
_REFUSAL_REASONS_VISA_REQUIRED: Final = (
    (RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT, 35),
    (RefusalReason.NO_JUSTIFICATION_OF_PURPOSE, 25),
    (RefusalReason.INSUFFICIENT_MEANS_OF_SUBSISTENCE, 20),
    (RefusalReason.NO_VALID_TRAVEL_DOCUMENT, 12),
    (RefusalReason.FALSE_VISA_OR_RESIDENCE_PERMIT, 4),
    (RefusalReason.FALSE_TRAVEL_DOCUMENT, 2),
    (RefusalReason.SIS_OR_NATIONAL_ALERT, 2),
)
_REFUSAL_REASONS_VISA_EXEMPT: Final = (
    (RefusalReason.NO_JUSTIFICATION_OF_PURPOSE, 35),
    (RefusalReason.INSUFFICIENT_MEANS_OF_SUBSISTENCE, 30),
    (RefusalReason.NO_VALID_TRAVEL_DOCUMENT, 22),
    (RefusalReason.FALSE_TRAVEL_DOCUMENT, 5),
    (RefusalReason.SIS_OR_NATIONAL_ALERT, 4),
    (RefusalReason.THREAT_TO_PUBLIC_POLICY, 4),
)
_SECOND_REFUSAL_REASON_SHARE: Final = 0.15

_NATIONALITY_CUMULATIVE: Final = tuple(accumulate(table.traveller_weight for table in NAME_TABLES))
_PLANNING_ATTEMPTS: Final = 4


class _Outcome(Enum):
    """Where the traveller is on `until`."""

    LEFT = "left"
    INSIDE = "inside"
    OVERSTAYED = "overstayed"


def generate_population(
    rng: random.Random, count: int, *, until: date
) -> Iterator[SyntheticTraveller]:
    """`count` synthetic travellers with trips from 10.04.2026 through `until`.

    Document numbers and visa sticker numbers are unique across the population. Raises
    ValueError for a negative count or an `until` before the EES's full operation.
    """
    if count < 0:
        raise ValueError("the population size cannot be negative")
    if until < EES_FULL_OPERATION:
        raise ValueError(f"trips start on {EES_FULL_OPERATION.isoformat()}; `until` is earlier")
    return _travellers(rng, count, until)


def _travellers(rng: random.Random, count: int, until: date) -> Iterator[SyntheticTraveller]:
    numbers = _IssuedNumbers()
    for _ in range(count):
        yield _traveller(rng, until, numbers)


@dataclass(slots=True)
class _IssuedNumbers:
    """Document and visa sticker numbers already given out, to keep them unique."""

    documents: set[str] = field(default_factory=set)
    stickers: set[str] = field(default_factory=set)

    def document_number(self, rng: random.Random) -> str:
        while True:
            number = rng.choice(_DOCUMENT_NUMBER_CHARACTERS[:26]) + "".join(
                rng.choices(_DOCUMENT_NUMBER_CHARACTERS, k=8)
            )
            if number not in self.documents:
                self.documents.add(number)
                return number

    def sticker_number(self, rng: random.Random) -> str:
        while True:
            number = f"{rng.randrange(10**9):09d}"
            if number not in self.stickers:
                self.stickers.add(number)
                return number


def _traveller(rng: random.Random, until: date, numbers: _IssuedNumbers) -> SyntheticTraveller:
    table = rng.choices(NAME_TABLES, cum_weights=_NATIONALITY_CUMULATIVE)[0]
    identity = _identity(rng, table)
    document = TravelDocument(
        document_type=DocumentType.PASSPORT,
        number=numbers.document_number(rng),
        issuing_state=table.nationality,
        expiry=until + timedelta(days=rng.randint(90, 3650)),
    )
    family_member = rng.random() < FAMILY_MEMBER_SHARE
    outcome = _draw_outcome(rng, family_member=family_member)
    facts = _Facts(
        nationality=table.nationality,
        visa_required=table.nationality in VISA_REQUIRED,
        date_of_birth=identity.date_of_birth,
    )
    itinerary = None
    for _ in range(_PLANNING_ATTEMPTS):
        itinerary = _plan(rng, facts, outcome, until, numbers)
        if itinerary is not None:
            break
    if itinerary is None:
        # E.g. `until` is too soon after 10.04.2026 for a visa-exempt traveller to overstay.
        itinerary = _plan(rng, facts, _Outcome.LEFT, until, numbers)
        assert itinerary is not None
    return SyntheticTraveller(
        identity=identity,
        document=document,
        mrz_lines=_mrz_lines(identity, document),
        visa_required=facts.visa_required,
        visas=tuple(itinerary.visas),
        trips=tuple(itinerary.trips),
        family_member_of_eu_citizen=family_member,
        fingerprints=_fingerprint_status(itinerary, identity.date_of_birth, until),
    )


def _draw_outcome(rng: random.Random, *, family_member: bool) -> _Outcome:
    draw = rng.random()
    # Family members of EU citizens are not subject to the stay calculator (EESR art. 11(1)).
    if draw < OVERSTAYER_SHARE and not family_member:
        return _Outcome.OVERSTAYED
    if draw < OVERSTAYER_SHARE + INSIDE_SHARE:
        return _Outcome.INSIDE
    return _Outcome.LEFT


def _identity(rng: random.Random, table: NameTable) -> Identity:
    female = rng.random() < 0.5
    given = _draw_names(
        rng,
        table.female_given_names if female else table.male_given_names,
        table.second_given_name_share,
    )
    surname = _draw_names(rng, table.surnames_for(female=female), table.double_surname_share)
    # Keep the whole name within the TD3 name field, so the MRZ carries it untruncated.
    while len(given) > 1 and not _fits_td3(surname, given):
        given = given[:1]
    while len(surname) > 1 and not _fits_td3(surname, given):
        surname = surname[:1]
    first_year, last_year, _ = rng.choices(_BIRTH_YEARS, weights=[w for *_, w in _BIRTH_YEARS])[0]
    born = date.fromordinal(
        rng.randint(date(first_year, 1, 1).toordinal(), date(last_year, 12, 31).toordinal())
    )
    return Identity(
        surname=" ".join(surname),
        given_names=" ".join(given),
        date_of_birth=born,
        nationalities=(table.nationality,),
        sex=Sex.FEMALE if female else Sex.MALE,
    )


def _draw_names(rng: random.Random, names: Sequence[str], second_share: float) -> list[str]:
    first = rng.choice(names)
    if rng.random() >= second_share:
        return [first]
    second = rng.choice(names)
    return [first] if second == first else [first, second]


def _fits_td3(surname: Sequence[str], given: Sequence[str]) -> bool:
    surname_text = to_mrz_characters(" ".join(surname))
    given_text = to_mrz_characters(" ".join(given))
    return len(surname_text) + 2 + len(given_text) <= _TD3_NAME_WIDTH


def _mrz_lines(identity: Identity, document: TravelDocument) -> tuple[str, ...]:
    return write_mrz(
        MrzFields(
            format=MrzFormat.TD3,
            document_code="P",
            issuing_state=document.issuing_state,
            surname=to_mrz_characters(identity.surname),
            given_names=to_mrz_characters(identity.given_names),
            document_number=document.number,
            nationality=identity.nationalities[0],
            birth_date=identity.date_of_birth.strftime("%y%m%d"),
            sex=identity.sex.value,
            expiry_date=document.expiry.strftime("%y%m%d"),
        )
    )


def age_on(born: date, on: date) -> int:
    """Completed years of age on `on`."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _fingerprint_status(itinerary: "_Itinerary", born: date, until: date) -> FingerprintStatus:
    """Exempt under 12 at the first crossing, else held in the VIS for visa holders."""
    first_crossing = itinerary.first_day or until
    if age_on(born, first_crossing) < FINGERPRINT_MINIMUM_AGE:
        return FingerprintStatus.EXEMPT_CHILD_UNDER_12
    if itinerary.visas:
        return FingerprintStatus.HELD_IN_VIS
    return FingerprintStatus.CAPTURED


@dataclass(frozen=True, slots=True)
class _Facts:
    """What trip planning needs to know about the traveller."""

    nationality: str
    visa_required: bool
    date_of_birth: date


@dataclass(slots=True)
class _VisaInUse:
    """A visa and what the trips on it have used so far."""

    record: VisaRecord
    entries_used: int = 0
    days_used: int = 0

    def last_covered_day(self, entry: date) -> date | None:
        """Last day a stay from `entry` is covered; None when the visa does not cover `entry`.

        Days count over all stays on the visa, as core/short_stay_visa.py counts them.
        """
        visa = self.record
        if not visa.valid_from <= entry <= visa.valid_until:
            return None
        if visa.entries_allowed is not None and self.entries_used >= visa.entries_allowed:
            return None
        days_left = visa.duration_of_stay_days - self.days_used
        if days_left < 1:
            return None
        return min(visa.valid_until, entry + timedelta(days=days_left - 1))


@dataclass(slots=True)
class _Itinerary:
    """One traveller's trips and visas while they are planned, oldest first."""

    facts: _Facts
    numbers: _IssuedNumbers
    trips: list[SyntheticTrip] = field(default_factory=list)
    stays: list[Stay] = field(default_factory=list)
    visas: list[VisaRecord] = field(default_factory=list)
    visa: _VisaInUse | None = None
    first_day: date | None = None
    last_day: date | None = None  # the latest exit day or refusal day

    def history(self) -> PresenceHistory:
        return PresenceHistory.from_stays(self.stays)

    def add(self, trip: SyntheticTrip, first_day: date, last_day: date) -> None:
        self.trips.append(trip)
        self.first_day = self.first_day or first_day
        self.last_day = last_day


def _plan(
    rng: random.Random, facts: _Facts, outcome: _Outcome, until: date, numbers: _IssuedNumbers
) -> _Itinerary | None:
    """The traveller's trips ending in `outcome` on `until`; None if the draw cannot."""
    itinerary = _Itinerary(facts=facts, numbers=numbers)
    if outcome is _Outcome.LEFT:
        _plan_closed_trips(rng, itinerary, _draw_trip_count(rng), until)
        return itinerary
    allowed_days = MAX_STAY_DAYS
    if outcome is _Outcome.INSIDE:
        entry = max(EES_FULL_OPERATION, until - timedelta(days=_draw_stay_days(rng) - 1))
    else:
        if facts.visa_required:
            allowed_days = rng.choice(_VISA_DURATION_DAYS)  # overstaying the visa's days
        overstay_days = 1 + min(int(rng.expovariate(1 / 20)), 120)
        entry = until - timedelta(days=allowed_days - 1 + overstay_days)
        if entry < EES_FULL_OPERATION:
            return None
    closed_trips = _draw_trip_count(rng, minimum=1) - 1
    _plan_closed_trips(rng, itinerary, closed_trips, entry - timedelta(days=2))
    if not _add_open_stay(rng, itinerary, outcome, entry, until, allowed_days):
        return None
    return itinerary


def _plan_closed_trips(rng: random.Random, it: _Itinerary, count: int, horizon: date) -> None:
    """Up to `count` trips (or refusals) that are over by `horizon`, spread over the period."""
    if count == 0 or horizon < EES_FULL_OPERATION:
        return
    span_days = (horizon - EES_FULL_OPERATION).days + 1
    mean_gap_days = max(3.0, (span_days - count * _MEAN_STAY_DAYS) / (count + 1))
    for _ in range(count):
        gap = timedelta(days=int(rng.uniform(0, 2 * mean_gap_days)))
        # Two days apart at least, so that no two stays merge into one (core/presence.py).
        start = EES_FULL_OPERATION if it.last_day is None else it.last_day + timedelta(days=2)
        if start + gap > horizon or not _attempt_entry(rng, it, start + gap, horizon):
            return


def _attempt_entry(rng: random.Random, it: _Itinerary, day: date, horizon: date) -> bool:
    """Add an entry on `day` (or later, if the 90/180 rule forbids it) or a refusal."""
    history = it.history()
    plan = max_stay(history, day)
    bcp = _entry_bcp(rng, it.facts.nationality)
    if rng.random() < REFUSAL_SHARE or (not plan.allowed and rng.random() < _TRY_ANYWAY_SHARE):
        if plan.allowed:
            reasons = _draw_refusal_reasons(rng, it, day)
        else:
            reasons = frozenset({RefusalReason.ALREADY_STAYED_90_DAYS})
        _add_refusal(rng, it, day, bcp, reasons)
        return True
    if not plan.allowed:
        if plan.earliest_entry is None or plan.earliest_entry > horizon:
            return False
        day = plan.earliest_entry
        plan = max_stay(history, day)
    assert plan.latest_exit is not None
    wanted_last = day + timedelta(days=_draw_stay_days(rng) - 1)
    latest = min(plan.latest_exit, horizon)
    visa = None
    if it.facts.visa_required:
        visa = _visa_for(rng, it, day, wanted_last, bcp)
        covered = visa.last_covered_day(day)
        assert covered is not None
        latest = min(latest, covered)
    _add_stay(rng, it, day, min(wanted_last, latest), bcp, visa)
    return True


def _add_open_stay(
    rng: random.Random,
    it: _Itinerary,
    outcome: _Outcome,
    entry: date,
    until: date,
    allowed_days: int,
) -> bool:
    """Add the last entry, still without exit on `until`; False if it cannot end in `outcome`."""
    plan = max_stay(it.history(), entry)
    if plan.latest_exit is None:
        return False
    latest = plan.latest_exit
    bcp = _entry_bcp(rng, it.facts.nationality)
    visa = None
    if it.facts.visa_required:
        if outcome is _Outcome.INSIDE:
            last_planned = entry + timedelta(days=MAX_STAY_DAYS - 1)
            wanted_last = min(until + timedelta(days=rng.randint(0, 30)), last_planned)
            visa = _visa_for(rng, it, entry, wanted_last, bcp, must_cover=until)
        else:
            wanted_last = entry + timedelta(days=allowed_days - 1)
            visa = _visa_for(rng, it, entry, wanted_last, bcp, duration_days=allowed_days)
        covered = visa.last_covered_day(entry)
        if covered is None:
            return False
        latest = min(latest, covered)
    if (latest >= until) != (outcome is _Outcome.INSIDE):
        return False
    trip = SyntheticTrip(
        entry_at=_instant(rng, entry, bcp, _hour(rng, _ENTRY_HOUR_CUMULATIVE[bcp.border_type])),
        exit_at=None,
        entry_bcp=bcp.code,
        exit_bcp=None,
        visa_sticker=visa.record.sticker_number if visa else None,
        refused=frozenset(),
        self_service=_uses_self_service(rng, it, entry, bcp),
    )
    it.stays.append(Stay(entry))
    it.add(trip, entry, entry)
    return True


def _add_stay(
    rng: random.Random,
    it: _Itinerary,
    entry: date,
    exit: date,
    entry_bcp: BorderCrossingPoint,
    visa: _VisaInUse | None,
) -> None:
    exit_bcp = entry_bcp if entry == exit else _exit_bcp(rng, entry_bcp)
    if entry == exit:
        entry_hour = rng.randint(5, 13)
        exit_hour = entry_hour + rng.randint(2, 9)
    else:
        entry_hour = _hour(rng, _ENTRY_HOUR_CUMULATIVE[entry_bcp.border_type])
        exit_hour = _hour(rng, _EXIT_HOUR_CUMULATIVE)
    trip = SyntheticTrip(
        entry_at=_instant(rng, entry, entry_bcp, entry_hour),
        exit_at=_instant(rng, exit, exit_bcp, exit_hour),
        entry_bcp=entry_bcp.code,
        exit_bcp=exit_bcp.code,
        visa_sticker=visa.record.sticker_number if visa else None,
        refused=frozenset(),
        self_service=_uses_self_service(rng, it, entry, entry_bcp),
    )
    it.stays.append(Stay(entry, exit))
    it.add(trip, entry, exit)
    if visa is not None:
        visa.entries_used += 1
        visa.days_used += (exit - entry).days + 1


def _add_refusal(
    rng: random.Random,
    it: _Itinerary,
    day: date,
    bcp: BorderCrossingPoint,
    reasons: frozenset[RefusalReason],
) -> None:
    trip = SyntheticTrip(
        entry_at=_instant(rng, day, bcp, _hour(rng, _ENTRY_HOUR_CUMULATIVE[bcp.border_type])),
        exit_at=None,
        entry_bcp=bcp.code,
        exit_bcp=None,
        visa_sticker=None,
        refused=reasons,
        self_service=False,
    )
    it.add(trip, day, day)


def _visa_for(
    rng: random.Random,
    it: _Itinerary,
    entry: date,
    wanted_last: date,
    bcp: BorderCrossingPoint,
    *,
    must_cover: date | None = None,
    duration_days: int | None = None,
) -> _VisaInUse:
    """The current visa if it covers the entry (through `must_cover`), else a new one.

    With `duration_days` a new visa with exactly that many days is always issued.
    """
    current = it.visa
    if current is not None and duration_days is None:
        covered = current.last_covered_day(entry)
        if covered is not None and (must_cover is None or covered >= must_cover):
            return current
    # Valid from after the latest trip, so that only this visa's own trips count on it.
    earliest = entry - timedelta(days=45)
    if it.last_day is not None:
        earliest = max(earliest, it.last_day + timedelta(days=1))
    valid_from = earliest + timedelta(days=rng.randint(0, (entry - earliest).days))
    validity_days = _weighted(rng, _VISA_VALIDITY_DAYS)
    needed_days = (wanted_last - valid_from).days + 1
    if validity_days < needed_days:
        validity_days = min(days for days, _ in _VISA_VALIDITY_DAYS if days >= needed_days)
    multiple_entry_only = validity_days > 180
    entries = None if multiple_entry_only else _weighted(rng, ((1, 50), (2, 15), (None, 35)))
    if duration_days is None:
        wanted_days = (wanted_last - entry).days + 1
        duration_days = (
            90 if multiple_entry_only else max(wanted_days, rng.choice(_VISA_DURATION_DAYS))
        )
    issuing_state = bcp.state if rng.random() < 0.7 else rng.choice(_VISA_ISSUING_STATES)
    record = VisaRecord(
        sticker_number=it.numbers.sticker_number(rng),
        issuing_state=issuing_state,
        valid_from=valid_from,
        valid_until=valid_from + timedelta(days=validity_days - 1),
        entries_allowed=entries,
        duration_of_stay_days=min(duration_days, MAX_STAY_DAYS),
    )
    it.visas.append(record)
    it.visa = _VisaInUse(record)
    return it.visa


def _draw_refusal_reasons(
    rng: random.Random, it: _Itinerary, day: date
) -> frozenset[RefusalReason]:
    """One or two Annex V Part B reasons; no "no valid visa" for a traveller who has one."""
    table: Sequence[tuple[RefusalReason, int]] = _REFUSAL_REASONS_VISA_EXEMPT
    if it.facts.visa_required:
        table = _REFUSAL_REASONS_VISA_REQUIRED
        if it.visa is not None and it.visa.last_covered_day(day) is not None:
            table = [
                row
                for row in table
                if row[0] is not RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT
            ]
    reasons = {_weighted(rng, table)}
    if rng.random() < _SECOND_REFUSAL_REASON_SHARE:
        reasons.add(_weighted(rng, table))
    return frozenset(reasons)


def _entry_bcp(rng: random.Random, nationality: str) -> BorderCrossingPoint:
    home = _HOME_CROSSINGS.get(nationality)
    if home is not None and rng.random() < home[1]:
        return _BCP_BY_CODE[home[0]]
    return rng.choices(SEED_BORDER_CROSSING_POINTS, cum_weights=_BCP_CUMULATIVE)[0]


def _exit_bcp(rng: random.Random, entry: BorderCrossingPoint) -> BorderCrossingPoint:
    """Mostly the way they came; air travellers sometimes fly home from elsewhere."""
    same_way_share = 0.7 if entry.border_type is BorderType.AIR else 0.85
    if rng.random() < same_way_share:
        return entry
    return rng.choices(SEED_BORDER_CROSSING_POINTS, cum_weights=_BCP_CUMULATIVE)[0]


def _uses_self_service(
    rng: random.Random, it: _Itinerary, day: date, bcp: BorderCrossingPoint
) -> bool:
    adult_enough = age_on(it.facts.date_of_birth, day) >= FINGERPRINT_MINIMUM_AGE
    return adult_enough and rng.random() < _SELF_SERVICE_SHARE[bcp.border_type]


def _hour(rng: random.Random, cumulative_weights: Sequence[int]) -> int:
    return rng.choices(_HOURS, cum_weights=cumulative_weights)[0]


def _instant(rng: random.Random, day: date, bcp: BorderCrossingPoint, hour: int) -> datetime:
    """A UTC instant at `hour` local time on `day` at the BCP, with random minutes."""
    local = datetime(
        day.year,
        day.month,
        day.day,
        hour,
        rng.randrange(60),
        rng.randrange(60),
        tzinfo=_zone(bcp.time_zone),
    )
    return local.astimezone(UTC)


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _draw_trip_count(rng: random.Random, minimum: int = 0) -> int:
    weights = _TRIP_COUNT_WEIGHTS[minimum:]
    return minimum + rng.choices(range(len(weights)), weights=weights)[0]


def _draw_stay_days(rng: random.Random) -> int:
    shortest, longest, _ = rng.choices(_STAY_DAYS, weights=[w for *_, w in _STAY_DAYS])[0]
    return rng.randint(shortest, longest)


def _weighted(rng: random.Random, table: Sequence[tuple[_T, int]]) -> _T:
    return rng.choices([value for value, _ in table], weights=[w for _, w in table])[0]
