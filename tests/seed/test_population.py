import random
from collections.abc import Callable
from datetime import UTC, date
from typing import Literal
from zoneinfo import ZoneInfo

import pytest

from limes.core.countries import is_known_country_code
from limes.core.mrz.model import MrzFormat
from limes.core.mrz.reader import read_mrz
from limes.core.names import to_mrz_characters
from limes.core.presence import PresenceHistory, Stay
from limes.core.short_stay_visa import ShortStayVisa, check_visa_entry
from limes.core.stay import days_used, max_stay, overstay
from limes.core.time import local_day
from limes.ees.model import FingerprintStatus, RefusalReason, Sex, VisaRecord
from limes.ees.scope import EES_STATES
from limes.seed.crossing_points import SEED_BORDER_CROSSING_POINTS
from limes.seed.itinerary import EES_FULL_OPERATION, SyntheticTrip
from limes.seed.name_tables import NAME_TABLES, VISA_REQUIRED
from limes.seed.population import SyntheticTraveller, generate_population

UNTIL = date(2026, 12, 31)
POPULATION_SIZE = 2000
BCPS = {bcp.code: bcp for bcp in SEED_BORDER_CROSSING_POINTS}


@pytest.fixture(scope="module")
def population() -> list[SyntheticTraveller]:
    return list(generate_population(random.Random(2026), POPULATION_SIZE, until=UNTIL))


def entry_day(trip: SyntheticTrip) -> date:
    return local_day(trip.entry_at, BCPS[trip.entry_bcp].time_zone)


def exit_day(trip: SyntheticTrip) -> date | None:
    if trip.exit_at is None or trip.exit_bcp is None:
        return None
    return local_day(trip.exit_at, BCPS[trip.exit_bcp].time_zone)


def entries(traveller: SyntheticTraveller) -> list[SyntheticTrip]:
    return [trip for trip in traveller.trips if not trip.refused]


def stays(trips: list[SyntheticTrip]) -> list[Stay]:
    return [Stay(entry_day(trip), exit_day(trip)) for trip in trips]


def history(traveller: SyntheticTraveller) -> PresenceHistory:
    return PresenceHistory.from_stays(stays(entries(traveller)))


def is_inside(traveller: SyntheticTraveller) -> bool:
    return (
        bool(traveller.trips)
        and not traveller.trips[-1].refused
        and (traveller.trips[-1].exit_at is None)
    )


ENTRIES: dict[int | None, Literal[1, 2] | None] = {1: 1, 2: 2, None: None}


def short_stay_visa(visa: VisaRecord) -> ShortStayVisa:
    return ShortStayVisa(
        valid_from=visa.valid_from,
        valid_until=visa.valid_until,
        entries=ENTRIES[visa.entries_allowed],
        duration_of_stay_days=visa.duration_of_stay_days,
    )


def visa_of(traveller: SyntheticTraveller, trip: SyntheticTrip) -> VisaRecord:
    return next(visa for visa in traveller.visas if visa.sticker_number == trip.visa_sticker)


def last_authorised_day(traveller: SyntheticTraveller) -> date:
    """The last day the open stay of a traveller inside is authorised (90/180 and visa)."""
    earlier, last = entries(traveller)[:-1], entries(traveller)[-1]
    before = PresenceHistory.from_stays(stays(earlier))
    entry = entry_day(last)
    plan = max_stay(before, entry)
    assert plan.latest_exit is not None
    authorised = plan.latest_exit
    if last.visa_sticker is not None:
        visa = short_stay_visa(visa_of(traveller, last))
        covered = check_visa_entry(before, visa, entry, UNTIL).last_day_covered_by_visa
        assert covered is not None
        authorised = min(authorised, covered)
    return authorised


def is_overstayer(traveller: SyntheticTraveller) -> bool:
    return is_inside(traveller) and last_authorised_day(traveller) < UNTIL


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def first_crossing_day(traveller: SyntheticTraveller) -> date:
    return entry_day(traveller.trips[0]) if traveller.trips else UNTIL


def test_the_same_seed_gives_the_same_population() -> None:
    first = list(generate_population(random.Random(7), 300, until=UNTIL))
    second = list(generate_population(random.Random(7), 300, until=UNTIL))

    assert first == second


def test_another_seed_gives_another_population() -> None:
    first = list(generate_population(random.Random(7), 20, until=UNTIL))
    second = list(generate_population(random.Random(8), 20, until=UNTIL))

    assert first != second


def test_the_population_has_the_requested_size(population: list[SyntheticTraveller]) -> None:
    assert len(population) == POPULATION_SIZE


@pytest.mark.parametrize(
    ("count", "until", "message"),
    [
        pytest.param(-1, UNTIL, "cannot be negative", id="negative-count"),
        pytest.param(10, date(2026, 4, 9), "is earlier", id="until-before-full-operation"),
    ],
)
def test_impossible_requests_are_rejected_at_once(count: int, until: date, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generate_population(random.Random(1), count, until=until)


def test_a_population_until_the_first_day_of_full_operation_has_trips_on_that_day() -> None:
    travellers = list(generate_population(random.Random(3), 200, until=EES_FULL_OPERATION))

    days = {entry_day(trip) for traveller in travellers for trip in traveller.trips}
    assert days == {EES_FULL_OPERATION}


def test_every_mrz_reads_back_valid_with_the_traveller_data(
    population: list[SyntheticTraveller],
) -> None:
    for traveller in population:
        zone = read_mrz(traveller.mrz_lines, on=UNTIL)
        identity, document = traveller.identity, traveller.document
        assert zone.valid, zone.problems
        assert zone.format is MrzFormat.TD3
        assert zone.document_code == "P"
        assert zone.surname == to_mrz_characters(identity.surname)
        assert zone.given_names == to_mrz_characters(identity.given_names)
        assert not zone.name_possibly_truncated
        assert zone.document_number == document.number
        assert zone.issuing_state == document.issuing_state == identity.nationalities[0]
        assert zone.nationality == identity.nationalities[0]
        assert zone.birth_date is not None
        assert zone.birth_date.as_date() == identity.date_of_birth
        assert zone.expiry_date is not None
        assert zone.expiry_date.as_date() == document.expiry
        assert zone.sex == identity.sex.value


def test_document_numbers_are_nine_alphanumerics_unique_across_the_population(
    population: list[SyntheticTraveller],
) -> None:
    numbers = [traveller.document.number for traveller in population]

    assert len(set(numbers)) == len(numbers)
    assert all(len(number) == 9 and number.isalnum() and number.isupper() for number in numbers)


def test_documents_expire_after_until(population: list[SyntheticTraveller]) -> None:
    assert all(traveller.document.expiry > UNTIL for traveller in population)


def test_birth_dates_spread_from_1940_to_2024(population: list[SyntheticTraveller]) -> None:
    births = [traveller.identity.date_of_birth for traveller in population]

    assert min(births).year < 1950
    assert max(births).year > 2020
    assert all(date(1940, 1, 1) <= born <= date(2024, 12, 31) for born in births)


def test_both_sexes_and_many_nationalities_appear(population: list[SyntheticTraveller]) -> None:
    assert {traveller.identity.sex for traveller in population} == {Sex.FEMALE, Sex.MALE}
    assert len({traveller.identity.nationalities for traveller in population}) >= 20


def test_visa_requirement_follows_annex_i(population: list[SyntheticTraveller]) -> None:
    for traveller in population:
        assert traveller.visa_required == (traveller.identity.nationalities[0] in VISA_REQUIRED)
        assert traveller.visa_required or not traveller.visas


def test_trips_are_chronological_and_do_not_overlap(
    population: list[SyntheticTraveller],
) -> None:
    for traveller in population:
        for earlier, later in zip(traveller.trips, traveller.trips[1:], strict=False):
            assert earlier.exit_at is not None or earlier.refused
            assert (earlier.exit_at or earlier.entry_at) < later.entry_at
        for trip in traveller.trips:
            assert trip.entry_at.tzinfo is UTC
            assert trip.exit_at is None or trip.entry_at < trip.exit_at


def test_trips_fall_between_full_operation_and_until(
    population: list[SyntheticTraveller],
) -> None:
    for traveller in population:
        assert len(traveller.trips) <= 8
        for trip in traveller.trips:
            last = exit_day(trip) or entry_day(trip)
            assert EES_FULL_OPERATION <= entry_day(trip) <= last <= UNTIL


def test_closed_stays_last_one_to_sixty_days_mostly_short(
    population: list[SyntheticTraveller],
) -> None:
    lengths = [
        (last - entry_day(trip)).days + 1
        for traveller in population
        for trip in entries(traveller)
        if (last := exit_day(trip)) is not None
    ]

    assert all(1 <= length <= 60 for length in lengths)
    assert sum(length <= 14 for length in lengths) > len(lengths) / 2


def test_stays_never_touch_so_each_entry_is_its_own_stay(
    population: list[SyntheticTraveller],
) -> None:
    for traveller in population:
        recorded = stays(entries(traveller))
        assert len(history(traveller).merged_stays()) == len(recorded)


def test_everyone_but_the_overstayers_respects_the_90_180_rule(
    population: list[SyntheticTraveller],
) -> None:
    for traveller in population:
        if is_overstayer(traveller):
            continue
        presence = history(traveller)
        for trip in entries(traveller):
            last = exit_day(trip) or UNTIL
            assert days_used(presence, last) <= 90
        assert overstay(presence, UNTIL).first_violation_day is None


def test_overstayers_stayed_beyond_their_authorised_stay_and_entered_lawfully(
    population: list[SyntheticTraveller],
) -> None:
    overstayers = [traveller for traveller in population if is_overstayer(traveller)]

    assert overstayers
    for traveller in overstayers:
        last = entries(traveller)[-1]
        assert entry_day(last) <= last_authorised_day(traveller) < UNTIL
        assert not traveller.family_member_of_eu_citizen


def _share_of_travellers(
    holds: Callable[[SyntheticTraveller], bool],
) -> Callable[[list[SyntheticTraveller]], float]:
    return lambda travellers: sum(map(holds, travellers)) / len(travellers)


def _share_of_refused_trips(travellers: list[SyntheticTraveller]) -> float:
    trips = [trip for traveller in travellers for trip in traveller.trips]
    return sum(bool(trip.refused) for trip in trips) / len(trips)


@pytest.mark.parametrize(
    ("measure", "low", "high"),
    [
        pytest.param(_share_of_travellers(is_overstayer), 0.008, 0.025, id="overstayers"),
        pytest.param(
            _share_of_travellers(lambda t: is_inside(t) and not is_overstayer(t)),
            0.03,
            0.055,
            id="inside-within-their-stay",
        ),
        pytest.param(_share_of_refused_trips, 0.005, 0.02, id="refusals-of-trips"),
        pytest.param(
            _share_of_travellers(lambda t: t.family_member_of_eu_citizen),
            0.003,
            0.02,
            id="family-members",
        ),
        pytest.param(
            _share_of_travellers(lambda t: age_on(t.identity.date_of_birth, UNTIL) < 12),
            0.02,
            0.1,
            id="children-under-12",
        ),
        pytest.param(_share_of_travellers(lambda t: t.visa_required), 0.2, 0.45, id="visa"),
    ],
)
def test_shares_are_near_their_targets(
    population: list[SyntheticTraveller],
    measure: Callable[[list[SyntheticTraveller]], float],
    low: float,
    high: float,
) -> None:
    assert low <= measure(population) <= high


def test_refusals_carry_annex_v_reasons_and_no_exit(
    population: list[SyntheticTraveller],
) -> None:
    refusals = [trip for traveller in population for trip in traveller.trips if trip.refused]

    assert refusals
    for trip in refusals:
        assert trip.exit_at is None
        assert trip.exit_bcp is None
        assert trip.visa_sticker is None
        assert not trip.self_service
        assert 1 <= len(trip.refused) <= 2


def test_refusals_for_an_exhausted_stay_are_given_only_when_90_days_are_used(
    population: list[SyntheticTraveller],
) -> None:
    for traveller in population:
        for index, trip in enumerate(traveller.trips):
            if RefusalReason.ALREADY_STAYED_90_DAYS not in trip.refused:
                continue
            earlier = [t for t in traveller.trips[:index] if not t.refused]
            before = PresenceHistory.from_stays(stays(earlier))
            assert not max_stay(before, entry_day(trip)).allowed


def test_visa_exempt_travellers_are_never_refused_for_want_of_a_visa(
    population: list[SyntheticTraveller],
) -> None:
    for traveller in population:
        if not traveller.visa_required:
            for trip in traveller.trips:
                assert RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT not in trip.refused


def test_fingerprints_follow_age_and_visa(population: list[SyntheticTraveller]) -> None:
    for traveller in population:
        if age_on(traveller.identity.date_of_birth, first_crossing_day(traveller)) < 12:
            expected = FingerprintStatus.EXEMPT_CHILD_UNDER_12
        elif traveller.visas:
            expected = FingerprintStatus.HELD_IN_VIS
        else:
            expected = FingerprintStatus.CAPTURED
        assert traveller.fingerprints is expected


def test_children_under_12_with_trips_exist_and_are_exempt(
    population: list[SyntheticTraveller],
) -> None:
    children = [
        traveller
        for traveller in population
        if traveller.trips
        and age_on(traveller.identity.date_of_birth, first_crossing_day(traveller)) < 12
    ]

    assert children
    assert all(c.fingerprints is FingerprintStatus.EXEMPT_CHILD_UNDER_12 for c in children)


def test_visas_look_like_schengen_short_stay_visas(population: list[SyntheticTraveller]) -> None:
    visas = [visa for traveller in population for visa in traveller.visas]
    stickers = [visa.sticker_number for visa in visas]

    assert visas
    assert len(set(stickers)) == len(stickers)
    for visa in visas:
        assert len(visa.sticker_number) == 9
        assert visa.sticker_number.isdigit()
        assert visa.issuing_state in EES_STATES
        assert 90 <= (visa.valid_until - visa.valid_from).days + 1 <= 5 * 365
        assert visa.entries_allowed in (1, 2, None)
        assert 1 <= visa.duration_of_stay_days <= 90


def test_visa_holders_trips_are_covered_by_one_of_their_visas(
    population: list[SyntheticTraveller],
) -> None:
    for traveller in population:
        if not traveller.visa_required:
            assert all(trip.visa_sticker is None for trip in traveller.trips)
            continue
        overstayer = is_overstayer(traveller)
        recorded = entries(traveller)
        for index, trip in enumerate(recorded):
            visa = visa_of(traveller, trip)
            entry, last = entry_day(trip), exit_day(trip) or UNTIL
            assert visa.valid_from <= entry <= visa.valid_until
            before = PresenceHistory.from_stays(stays(recorded[:index]))
            check = check_visa_entry(before, short_stay_visa(visa), entry, last)
            assert check.entry_allowed
            if not (overstayer and index == len(recorded) - 1):
                assert last <= visa.valid_until
                assert check.visa_overstay_days == 0


def test_entries_are_recorded_at_seed_border_crossing_points(
    population: list[SyntheticTraveller],
) -> None:
    used = {
        code
        for traveller in population
        for trip in traveller.trips
        for code in (trip.entry_bcp, trip.exit_bcp)
        if code is not None
    }

    assert used == set(BCPS)


def test_border_crossing_points_are_in_ees_states_with_real_time_zones() -> None:
    codes = [bcp.code for bcp in SEED_BORDER_CROSSING_POINTS]

    assert len(set(codes)) == len(codes)
    for bcp in SEED_BORDER_CROSSING_POINTS:
        assert len(bcp.code) == 5
        assert bcp.code.isupper()
        assert bcp.state in EES_STATES
        assert ZoneInfo(bcp.time_zone).key == bcp.time_zone


def test_name_tables_cover_known_nationalities_with_mrz_ready_names() -> None:
    nationalities = [table.nationality for table in NAME_TABLES]

    assert len(set(nationalities)) == len(nationalities) >= 20
    assert set(nationalities) >= VISA_REQUIRED
    for table in NAME_TABLES:
        assert is_known_country_code(table.nationality)
        assert table.traveller_weight > 0
        for names in (table.male_given_names, table.female_given_names, table.surnames):
            assert 15 <= len(names) <= 30
            assert len(set(names)) == len(names)
            assert all(to_mrz_characters(name) for name in names)


def test_russian_women_bear_the_feminine_form_of_the_surname(
    population: list[SyntheticTraveller],
) -> None:
    russians = [t for t in population if t.identity.nationalities == ("RUS",)]

    assert russians
    for traveller in russians:
        feminine = traveller.identity.surname.endswith("а")
        assert feminine == (traveller.identity.sex is Sex.FEMALE)
