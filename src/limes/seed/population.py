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
from datetime import date, timedelta
from itertools import accumulate
from typing import Final

from limes.core.mrz.model import MrzFields, MrzFormat
from limes.core.mrz.writer import write_mrz
from limes.core.names import to_mrz_characters
from limes.ees.model import (
    DocumentType,
    FingerprintStatus,
    Identity,
    Sex,
    TravelDocument,
    VisaRecord,
)
from limes.seed.itinerary import (
    EES_FULL_OPERATION,
    FINGERPRINT_MINIMUM_AGE,
    Itinerary,
    Outcome,
    StickerNumbers,
    SyntheticTrip,
    TravellerFacts,
    age_on,
    plan_itinerary,
)
from limes.seed.name_tables import NAME_TABLES, VISA_REQUIRED, NameTable

OVERSTAYER_SHARE: Final = 0.015  # of travellers: still inside past their authorised stay
INSIDE_SHARE: Final = 0.04  # of travellers: still inside, within their authorised stay
FAMILY_MEMBER_SHARE: Final = 0.01  # EESR art. 2(1)(b): family members of EU citizens

_TD3_NAME_WIDTH: Final = 39
_DOCUMENT_NUMBER_CHARACTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


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


# (first birth year, last birth year, weight): mostly working-age adults, some children.
_BIRTH_YEARS: Final = (
    (1940, 1949, 3), (1950, 1959, 7), (1960, 1969, 12), (1970, 1979, 16), (1980, 1989, 19),
    (1990, 1999, 19), (2000, 2009, 12), (2010, 2014, 5), (2015, 2024, 7),
)  # fmt: skip
_NATIONALITY_CUMULATIVE: Final = tuple(accumulate(table.traveller_weight for table in NAME_TABLES))
_PLANNING_ATTEMPTS: Final = 4


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
    documents = _DocumentNumbers()
    stickers = StickerNumbers()
    for _ in range(count):
        yield _traveller(rng, until, documents, stickers)


@dataclass(slots=True)
class _DocumentNumbers:
    """Document numbers already given out, to keep them unique."""

    issued: set[str] = field(default_factory=set)

    def issue(self, rng: random.Random) -> str:
        while True:
            number = rng.choice(_DOCUMENT_NUMBER_CHARACTERS[:26]) + "".join(
                rng.choices(_DOCUMENT_NUMBER_CHARACTERS, k=8)
            )
            if number not in self.issued:
                self.issued.add(number)
                return number


def _traveller(
    rng: random.Random, until: date, documents: _DocumentNumbers, stickers: StickerNumbers
) -> SyntheticTraveller:
    table = rng.choices(NAME_TABLES, cum_weights=_NATIONALITY_CUMULATIVE)[0]
    identity = _identity(rng, table)
    document = TravelDocument(
        document_type=DocumentType.PASSPORT,
        number=documents.issue(rng),
        issuing_state=table.nationality,
        expiry=until + timedelta(days=rng.randint(90, 3650)),
    )
    family_member = rng.random() < FAMILY_MEMBER_SHARE
    outcome = _draw_outcome(rng, family_member=family_member)
    facts = TravellerFacts(
        nationality=table.nationality,
        visa_required=table.nationality in VISA_REQUIRED,
        date_of_birth=identity.date_of_birth,
    )
    itinerary = None
    for _ in range(_PLANNING_ATTEMPTS):
        itinerary = plan_itinerary(rng, facts, outcome, until, stickers)
        if itinerary is not None:
            break
    if itinerary is None:
        # E.g. `until` is too soon after 10.04.2026 for a visa-exempt traveller to overstay.
        itinerary = plan_itinerary(rng, facts, Outcome.LEFT, until, stickers)
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


def _draw_outcome(rng: random.Random, *, family_member: bool) -> Outcome:
    draw = rng.random()
    # Family members of EU citizens are not subject to the stay calculator (EESR art. 11(1)).
    if draw < OVERSTAYER_SHARE and not family_member:
        return Outcome.OVERSTAYED
    if draw < OVERSTAYER_SHARE + INSIDE_SHARE:
        return Outcome.INSIDE
    return Outcome.LEFT


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


def _fingerprint_status(itinerary: Itinerary, born: date, until: date) -> FingerprintStatus:
    """Exempt under 12 at the first crossing, else held in the VIS for visa holders."""
    first_crossing = itinerary.first_day or until
    if age_on(born, first_crossing) < FINGERPRINT_MINIMUM_AGE:
        return FingerprintStatus.EXEMPT_CHILD_UNDER_12
    if itinerary.visas:
        return FingerprintStatus.HELD_IN_VIS
    return FingerprintStatus.CAPTURED
