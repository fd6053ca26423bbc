"""Contract: statistics are counts grouped by dimension, the same on every store."""

from collections.abc import Sequence
from datetime import date

import pytest

from limes.ees.model import (
    BorderType,
    DocumentType,
    FingerprintStatus,
    RefusalReason,
    Sex,
)
from limes.ees.ports import StatisticsRow
from tests.store.builders import (
    at,
    make_bcp,
    make_crossing,
    make_document,
    make_entry,
    make_file,
    make_refusal,
    make_visa,
)
from tests.store.conftest import StoreUnderTest

NOVEMBER = {"from_day": date(2026, 11, 1), "to_day": date(2026, 11, 30)}


@pytest.fixture
def crossings(store: StoreUnderTest) -> StoreUnderTest:
    """Three travellers, four entries, one exit, one overstayer, two refusals in November."""
    syrian = make_file(
        nationalities=("SYR", "TUR"),
        sex=Sex.MALE,
        date_of_birth=date(1990, 5, 1),
        fingerprint_status=FingerprintStatus.POSTPONED,
    )
    american = make_file(
        nationalities=("USA",),
        documents=(make_document(issuing_state="USA"),),
        date_of_birth=date(1974, 8, 12),
    )
    child = make_file(
        nationalities=("USA",),
        documents=(make_document(document_type=DocumentType.IDENTITY_CARD),),
        date_of_birth=date(2019, 2, 2),
        fingerprint_status=FingerprintStatus.EXEMPT_CHILD_UNDER_12,
    )
    with store.unit_of_work() as uow:
        uow.border_crossing_points.add(make_bcp("NLAMS", BorderType.AIR))
        uow.border_crossing_points.add(make_bcp("FIHEL", BorderType.SEA, state="FIN"))
        for file in (syrian, american, child):
            uow.traveller_files.add(file)
        uow.visas.add(make_visa(sticker_number="NLD0001", issuing_state="NLD"))
        uow.records.add_entry(
            make_entry(
                syrian,
                visa_sticker="NLD0001",
                authorised_stay_until=date(2026, 11, 10),
                overstay_flagged_at=at(2026, 11, 11),
            )
        )
        uow.records.add_entry(make_entry(syrian, entry=make_crossing(at(2026, 10, 1))))
        uow.records.add_entry(
            make_entry(
                american,
                entry=make_crossing(at(2026, 11, 3), bcp_code="FIHEL"),
                exit=make_crossing(at(2026, 11, 9), bcp_code="NLAMS"),
            )
        )
        uow.records.add_entry(make_entry(child, visa_sticker="LOST-STICKER"))
        uow.records.add_entry(make_entry(american, entry=make_crossing(at(2026, 11, 20))))
        uow.records.add_refusal(
            make_refusal(
                syrian,
                reasons=frozenset(
                    {
                        RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT,
                        RefusalReason.ALREADY_STAYED_90_DAYS,
                    }
                ),
            )
        )
        uow.records.add_refusal(
            make_refusal(
                american,
                crossing=make_crossing(bcp_code="FIHEL"),
                reasons=frozenset({RefusalReason.ALREADY_STAYED_90_DAYS}),
            )
        )
        uow.commit()
    return store


def counts(
    store: StoreUnderTest, kind: str, *dimensions: str, from_day: date, to_day: date
) -> dict[tuple[str, ...], int]:
    with store.unit_of_work() as uow:
        rows: Sequence[StatisticsRow] = uow.records.statistics(
            dimensions=dimensions, from_day=from_day, to_day=to_day, kind=kind
        )
    for row in rows:
        assert tuple(name for name, _ in row.dimensions) == dimensions
    return {tuple(value for _, value in row.dimensions): row.count for row in rows}


@pytest.mark.parametrize(
    ("kind", "dimension", "expected"),
    [
        pytest.param("entry", "nationality", {("SYR",): 1, ("USA",): 3}, id="first-nationality"),
        pytest.param("entry", "sex", {("F",): 3, ("M",): 1}, id="sex"),
        pytest.param(
            "entry",
            "year_of_birth",
            {("1974",): 2, ("1990",): 1, ("2019",): 1},
            id="year-of-birth",
        ),
        pytest.param("entry", "bcp", {("FIHEL",): 1, ("NLAMS",): 3}, id="bcp"),
        pytest.param("entry", "border_type", {("air",): 3, ("sea",): 1}, id="border-type"),
        pytest.param(
            "entry",
            "document_type",
            {("identity_card",): 1, ("passport",): 3},
            id="document-type",
        ),
        pytest.param(
            "entry",
            "document_issuing_state",
            {("USA",): 2, ("UTO",): 2},
            id="document-issuing-state",
        ),
        pytest.param(
            "entry",
            "visa_issuing_state",
            {("NLD",): 1, ("none",): 2, ("unknown",): 1},
            id="visa-issuing-state",
        ),
        pytest.param(
            "entry",
            "fingerprint_status",
            {("captured",): 2, ("exempt_child_under_12",): 1, ("postponed",): 1},
            id="fingerprint-status",
        ),
        pytest.param("exit", "bcp", {("NLAMS",): 1}, id="exits-by-exit-bcp"),
        pytest.param("overstayer", "nationality", {("SYR",): 1}, id="overstayers"),
        pytest.param("refusal", "bcp", {("FIHEL",): 1, ("NLAMS",): 1}, id="refusals"),
        pytest.param(
            "refusal", "refusal_reason", {("C",): 1, ("F",): 2}, id="refusals-once-per-reason"
        ),
        pytest.param("refusal", "visa_issuing_state", {("none",): 2}, id="refusals-carry-no-visa"),
    ],
)
def test_statistics_count_per_dimension(
    crossings: StoreUnderTest, kind: str, dimension: str, expected: dict[tuple[str, ...], int]
) -> None:
    assert counts(crossings, kind, dimension, **NOVEMBER) == expected


def test_statistics_group_by_several_dimensions(crossings: StoreUnderTest) -> None:
    assert counts(crossings, "entry", "bcp", "sex", "nationality", **NOVEMBER) == {
        ("FIHEL", "F", "USA"): 1,
        ("NLAMS", "F", "USA"): 2,
        ("NLAMS", "M", "SYR"): 1,
    }


def test_statistics_without_dimensions_give_the_total(crossings: StoreUnderTest) -> None:
    assert counts(crossings, "entry", **NOVEMBER) == {(): 4}
    assert counts(crossings, "exit", from_day=date(2027, 1, 1), to_day=date(2027, 1, 31)) == {(): 0}


def test_statistics_of_an_empty_range_have_no_cells(crossings: StoreUnderTest) -> None:
    december = {"from_day": date(2026, 12, 1), "to_day": date(2026, 12, 31)}
    assert counts(crossings, "refusal", "visa_issuing_state", **december) == {}
    assert counts(crossings, "entry", "bcp", **december) == {}


def test_statistics_count_only_the_day_range(crossings: StoreUnderTest) -> None:
    first_week = {"from_day": date(2026, 10, 1), "to_day": date(2026, 11, 7)}
    assert counts(crossings, "entry", "nationality", **first_week) == {
        ("SYR",): 2,
        ("USA",): 2,
    }


def test_an_unknown_dimension_or_kind_is_refused(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        with pytest.raises(ValueError, match="dimension"):
            uow.records.statistics(dimensions=["name"], kind="entry", **NOVEMBER)
        with pytest.raises(ValueError, match="kind"):
            uow.records.statistics(dimensions=[], kind="crossing", **NOVEMBER)
        with pytest.raises(ValueError, match="refusal"):
            uow.records.statistics(dimensions=["refusal_reason"], kind="entry", **NOVEMBER)
