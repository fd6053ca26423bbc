"""The dataclass JSON codec round-trips every EES record, command and outcome."""

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta, timezone
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limes.core.dataclass_json import from_jsonable, to_jsonable
from limes.ees import commands, model, outcomes
from limes.ees.commands import (
    EntryRegistration,
    ExitRegistration,
    RefusalRegistration,
    StayDecisionRegistration,
    TravellerData,
    VisaReference,
)
from limes.ees.model import (
    BorderCrossingPoint,
    BorderType,
    EntryExitRecord,
    FingerprintStatus,
    RecordFlag,
    RefusalReason,
    StayDecisionKind,
    VisaRecord,
    VisaStatus,
)
from limes.ees.outcomes import (
    CarrierVerdict,
    EntryOutcome,
    ExitOutcome,
    RefusalOutcome,
    RetentionReport,
    StayReport,
)
from limes.ees.scope import ScopeExemption
from tests.ees.records import (
    DOCUMENT,
    make_biometrics,
    make_crossing,
    make_decision,
    make_entry,
    make_file,
    make_history,
    make_refusal,
    make_visa,
)

CET = timezone(timedelta(hours=1))
AT_LOCAL = datetime(2026, 11, 23, 10, 0, tzinfo=CET)

FULL_ENTRY = make_entry(
    entry_day=date(2026, 2, 1),
    exit_day=date(2026, 3, 1),
    visa_sticker="NLD000000001",
    flags=frozenset({RecordFlag.FALLBACK, RecordFlag.FAMILY_MEMBER, RecordFlag.E_GATE}),
    decisions=(
        make_decision(StayDecisionKind.EXTENSION, authorised_stay_until=date(2026, 6, 30)),
        make_decision(StayDecisionKind.REVOCATION, new_visa_sticker="NLD000000002"),
    ),
    overstay_flagged_at=AT_LOCAL,
)
TRAVELLER = TravellerData(
    identity=make_file().identity,
    document=make_file().documents[0],
    facial_image_ref="face-1",
    fingerprint_ref="fingers-1",
    fingerprint_status=FingerprintStatus.NOT_APPLICABLE,
    family_member_of_eu_citizen=True,
    exemption=ScopeExemption.TRAIN_CREW,
    visa_required=False,
)
VISA = make_visa(entries_allowed=2, limited_territorial_validity=("NLD", "BEL"))

SAMPLES: list[Any] = [
    # ees/model.py
    DOCUMENT,
    make_file().documents[0],
    make_file().identity,
    make_biometrics(),
    make_biometrics(fingerprint_ref=None, fingerprint_status=FingerprintStatus.HELD_IN_VIS),
    make_file(nationalities=("USA", "CAN"), family_member=True),
    BorderCrossingPoint(
        code="NLAMS",
        name="Amsterdam Schiphol",
        state="NLD",
        border_type=BorderType.AIR,
        time_zone="Europe/Amsterdam",
    ),
    VISA,
    make_visa(entries_allowed=None, status=VisaStatus.REVOKED),
    make_crossing(at=AT_LOCAL),
    make_decision(),
    make_entry(),
    FULL_ENTRY,
    make_refusal(
        reasons=frozenset(
            {RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT, RefusalReason.FALSE_TRAVEL_DOCUMENT}
        ),
        biometrics_refused=True,
    ),
    make_history(
        entries=(FULL_ENTRY, make_entry(entry_day=date(2026, 5, 1))),
        refusals=(make_refusal(),),
        visas=(VISA,),
    ),
    # ees/commands.py
    VisaReference(issuing_state="NLD", sticker_number="NLD000000001"),
    TRAVELLER,
    TravellerData(identity=make_file().identity, document=make_file().documents[0]),
    EntryRegistration(
        traveller=TRAVELLER,
        bcp_code="NLAMS",
        at=AT_LOCAL,
        visa=VisaReference(issuing_state="NLD", sticker_number="NLD000000001"),
        file_id="file-1",
        self_service=True,
        e_gate=True,
        biometrics_postponed=True,
        fallback=True,
    ),
    EntryRegistration(traveller=TRAVELLER, bcp_code="NLAMS"),
    ExitRegistration(document=DOCUMENT, bcp_code="NLAMS", at=AT_LOCAL, fingerprint_ref="f"),
    RefusalRegistration(
        traveller=TRAVELLER,
        bcp_code="NLAMS",
        reasons=frozenset(RefusalReason),
        biometrics_refused=True,
        at=AT_LOCAL,
    ),
    StayDecisionRegistration(
        document=DOCUMENT,
        kind=StayDecisionKind.ANNULMENT,
        decided_on=date(2026, 3, 1),
        place="Den Haag",
        authorised_stay_until=date(2026, 3, 5),
        new_visa_sticker="NLD000000003",
    ),
    # ees/outcomes.py
    EntryOutcome(
        record=FULL_ENTRY,
        file_created=True,
        authorised_stay_until=date(2026, 4, 30),
        max_stay_days=90,
        days_used_on_entry=1,
        visa_entry_number=1,
        visa_entries_allowed=None,
        warnings=("biometrics_outstanding", "document_expires_soon"),
    ),
    ExitOutcome(
        record=FULL_ENTRY,
        days_used=29,
        overstay_days=0,
        days_in_breach=0,
        days_after_authorised_stay=0,
    ),
    RefusalOutcome(record=make_refusal(), file_created=False),
    StayReport(
        file_id="file-1",
        on=date(2026, 3, 1),
        inside=True,
        days_used=29,
        days_remaining=61,
        overstay_days=0,
        days_in_breach=0,
        latest_exit=date(2026, 5, 1),
        authorised_stay_until=None,
        visa=VISA,
    ),
    CarrierVerdict(ok=False, reason="visa_entries_used"),
    RetentionReport(erased_files=1, erased_records=3, warnings_issued=0),
]


def round_trip(value: Any) -> Any:
    """Through the codec and through JSON text, as the fallback queue stores it."""
    return from_jsonable(type(value), json.loads(json.dumps(to_jsonable(value))))


def sample_id(value: Any) -> str:
    return type(value).__name__


@pytest.mark.parametrize("value", SAMPLES, ids=sample_id)
def test_every_sample_survives_a_round_trip_through_json_text(value: Any) -> None:
    assert round_trip(value) == value


def dataclasses_of(module: ModuleType) -> set[type]:
    return {
        thing
        for thing in vars(module).values()
        if isinstance(thing, type)
        and dataclasses.is_dataclass(thing)
        and thing.__module__ == module.__name__
    }


def test_every_record_command_and_outcome_type_has_a_sample() -> None:
    types = dataclasses_of(model) | dataclasses_of(commands) | dataclasses_of(outcomes)

    assert types - {type(value) for value in SAMPLES} == set()


def test_enums_are_written_as_their_values_and_frozensets_sorted() -> None:
    flags = frozenset({RecordFlag.SELF_SERVICE, RecordFlag.E_GATE, RecordFlag.FALLBACK})

    assert to_jsonable(flags) == ["e_gate", "fallback", "self_service"]
    assert to_jsonable(RefusalReason.ALREADY_STAYED_90_DAYS) == "F"
    assert from_jsonable(frozenset[RecordFlag], ["fallback", "e_gate"]) == frozenset(
        {RecordFlag.FALLBACK, RecordFlag.E_GATE}
    )


def test_a_record_is_written_as_plain_json_values() -> None:
    written = to_jsonable(make_entry(entry_day=date(2026, 2, 1), exit_day=date(2026, 3, 1)))

    assert written["document"] == {"issuing_state": "USA", "number": "P12345678"}
    assert written["entry"]["at"] == "2026-02-01T09:00:00+00:00"
    assert written["entry"]["day"] == "2026-02-01"
    assert written["authorised_stay_until"] == "2026-05-01"
    assert written["flags"] == []
    assert written["decisions"] == []
    assert written["overstay_flagged_at"] is None


@pytest.mark.parametrize(
    "at",
    [
        pytest.param(datetime(2026, 11, 23, 9, 0, tzinfo=UTC), id="utc"),
        pytest.param(AT_LOCAL, id="plus-one-hour"),
        pytest.param(
            datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=timezone(timedelta(hours=-1))),
            id="azores-with-microseconds",
        ),
        pytest.param(
            datetime(2026, 3, 29, 1, 30, tzinfo=timezone(timedelta(hours=5, minutes=45))),
            id="quarter-hour-offset",
        ),
    ],
)
def test_aware_datetimes_keep_their_instant_and_offset(at: datetime) -> None:
    back = from_jsonable(datetime, json.loads(json.dumps(to_jsonable(at))))

    assert back == at
    assert back.utcoffset() == at.utcoffset()


def test_nested_optionals_round_trip_as_none_and_as_values() -> None:
    without_exit = make_entry()

    assert to_jsonable(without_exit)["exit"] is None
    assert round_trip(without_exit).exit is None
    assert round_trip(FULL_ENTRY).exit == FULL_ENTRY.exit


def test_tuples_come_back_as_tuples_and_frozensets_as_frozensets() -> None:
    back = round_trip(VISA)
    entry = round_trip(FULL_ENTRY)

    assert isinstance(back, VisaRecord)
    assert back.limited_territorial_validity == ("NLD", "BEL")
    assert isinstance(entry, EntryExitRecord)
    assert isinstance(entry.decisions, tuple)
    assert isinstance(entry.flags, frozenset)


def test_missing_fields_take_their_defaults() -> None:
    data = to_jsonable(make_entry())
    del data["flags"], data["decisions"], data["visa_sticker"]

    back = from_jsonable(EntryExitRecord, data)

    assert (back.flags, back.decisions, back.visa_sticker) == (frozenset(), (), None)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(object(), id="object"),
        pytest.param(b"bytes", id="bytes"),
    ],
)
def test_unsupported_values_are_refused(value: object) -> None:
    with pytest.raises(TypeError, match="cannot turn"):
        to_jsonable(value)


def test_dicts_are_written_with_string_keys() -> None:
    assert to_jsonable({"a": (1, 2), 3: date(2026, 1, 2)}) == {"a": [1, 2], "3": "2026-01-02"}


def test_unsupported_types_are_refused() -> None:
    with pytest.raises(TypeError, match="cannot rebuild"):
        from_jsonable(dict[str, int], {"a": 1})


def test_an_unknown_enum_value_is_refused() -> None:
    with pytest.raises(ValueError, match="Z"):
        from_jsonable(RefusalReason, "Z")


# --- properties --------------------------------------------------------------------------------

# Hypothesis builds every field from the type hints; datetimes come without a time zone there,
# which the codec round-trips as well. Aware datetimes are covered by the strategy below.
ROUND_TRIP_TYPES = sorted(
    dataclasses_of(model) | dataclasses_of(commands) | dataclasses_of(outcomes),
    key=lambda cls: cls.__name__,
)


@settings(max_examples=25, deadline=None)
@pytest.mark.parametrize("cls", ROUND_TRIP_TYPES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_any_generated_value_survives_a_round_trip(cls: type, data: st.DataObject) -> None:
    value = data.draw(st.from_type(cls))

    assert round_trip(value) == value


aware_datetimes = st.builds(
    lambda naive, minutes: naive.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
    st.integers(-14 * 60, 14 * 60),
)
crossings = st.builds(make_crossing, st.dates(), at=aware_datetimes)


@settings(max_examples=100, deadline=None)
@given(
    entry=crossings,
    exit_=st.none() | crossings,
    flagged_at=st.none() | aware_datetimes,
    flags=st.frozensets(st.sampled_from(RecordFlag)),
)
def test_entry_records_with_aware_datetimes_round_trip(
    entry: Any, exit_: Any, flagged_at: datetime | None, flags: frozenset[RecordFlag]
) -> None:
    record = dataclasses.replace(
        FULL_ENTRY, entry=entry, exit=exit_, overstay_flagged_at=flagged_at, flags=flags
    )

    back = round_trip(record)

    assert back == record
    assert back.entry.at.utcoffset() == entry.at.utcoffset()
