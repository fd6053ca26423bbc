"""The in-memory store answers every query like SQLite, on random crossings (Hypothesis)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from limes.ees.model import (
    BorderType,
    DocumentType,
    FingerprintStatus,
    RefusalReason,
    Sex,
)
from limes.ees.ports import UnitOfWork
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from limes.store.sql.unit_of_work import SqlUnitOfWork
from limes.store.statistics import DIMENSIONS, KINDS
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

NOVEMBER_1 = date(2026, 11, 1)
BCPS = ("NLAMS", "FIHEL", "DEBER")  # DEBER is not registered: its border type is unknown


@dataclass(frozen=True)
class Crossing:
    nationalities: tuple[str, ...]
    sex: Sex
    birth_year: int
    document_type: DocumentType
    bcp: str
    entry_offset_days: int
    stay_days: int
    visa: str | None
    exit_after_days: int | None
    flagged: bool
    refused_for: frozenset[RefusalReason]


crossings = st.lists(
    st.builds(
        Crossing,
        nationalities=st.lists(st.sampled_from(["SYR", "USA", "TUR"]), min_size=1, max_size=2).map(
            tuple
        ),
        sex=st.sampled_from(Sex),
        birth_year=st.integers(1950, 2020),
        document_type=st.sampled_from(DocumentType),
        bcp=st.sampled_from(BCPS),
        entry_offset_days=st.integers(-40, 40),
        stay_days=st.integers(0, 90),
        visa=st.sampled_from([None, "NLD0001", "LOST"]),
        exit_after_days=st.none() | st.integers(0, 100),
        flagged=st.booleans(),
        refused_for=st.frozensets(st.sampled_from(RefusalReason), max_size=3),
    ),
    max_size=12,
)


def store_everything(uow: UnitOfWork, travels: list[Crossing]) -> None:
    uow.border_crossing_points.add(make_bcp("NLAMS", BorderType.AIR))
    uow.border_crossing_points.add(make_bcp("FIHEL", BorderType.SEA, state="FIN"))
    uow.visas.add(make_visa(sticker_number="NLD0001", issuing_state="NLD"))
    for number, travel in enumerate(travels):
        file = make_file(
            file_id=f"file-{number}",
            nationalities=travel.nationalities,
            sex=travel.sex,
            date_of_birth=date(travel.birth_year, 3, 1),
            documents=(make_document(f"D{number}", document_type=travel.document_type),),
            fingerprint_status=FingerprintStatus.CAPTURED,
        )
        uow.traveller_files.add(file)
        entered = at(2026, 11, 1) + timedelta(days=travel.entry_offset_days)
        exit_ = None
        if travel.exit_after_days is not None:
            left = entered + timedelta(days=travel.exit_after_days)
            exit_ = make_crossing(left, bcp_code="NLAMS")
        entry = make_entry(
            file,
            entry=make_crossing(entered, bcp_code=travel.bcp),
            authorised_stay_until=entered.date() + timedelta(days=travel.stay_days),
            exit=exit_,
            overstay_flagged_at=entered + timedelta(days=95) if travel.flagged else None,
            visa_sticker=travel.visa,
        )
        uow.records.add_entry(replace(entry, record_id=f"entry-{number}"))
        if travel.refused_for:
            refused = make_crossing(entered - timedelta(days=1), bcp_code=travel.bcp)
            uow.records.add_refusal(
                make_refusal(file, crossing=refused, reasons=travel.refused_for)
            )
    uow.commit()


Answers = dict[str, object]


def answers(new_unit_of_work: Callable[[], UnitOfWork]) -> Answers:
    found: Answers = {}
    november = {"from_day": NOVEMBER_1, "to_day": date(2026, 11, 30)}
    with new_unit_of_work() as uow:
        for kind in KINDS:
            found[f"{kind}-total"] = uow.records.statistics(dimensions=(), kind=kind, **november)
            for dimension in DIMENSIONS:
                if dimension == "refusal_reason" and kind != "refusal":
                    continue
                paired = (dimension,) if dimension == "bcp" else (dimension, "bcp")
                found[f"{kind}-{dimension}"] = uow.records.statistics(
                    dimensions=paired, kind=kind, **november
                )
        found["due"] = uow.records.due_for_overstay_flag(date(2026, 12, 1), 100)
        for nationality in (None, "SYR", "TUR"):
            for bcp in (None, "NLAMS"):
                found[f"overstayers-{nationality}-{bcp}"] = uow.records.overstayers(
                    nationality=nationality, bcp_code=bcp, limit=100, offset=0
                )
    return found


@contextmanager
def rolled_back_sqlite(engine: Engine) -> Iterator[Callable[[], UnitOfWork]]:
    with engine.connect() as connection:
        outer = connection.begin()
        sessions = sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
        yield lambda: SqlUnitOfWork(sessions)
        outer.rollback()


@settings(max_examples=40, deadline=None)
@given(travels=crossings)
def test_memory_and_sqlite_give_the_same_answers(
    sqlite_engine: Engine, travels: list[Crossing]
) -> None:
    memory = MemoryStore()
    with MemoryUnitOfWork(memory) as uow:
        store_everything(uow, travels)
    with rolled_back_sqlite(sqlite_engine) as sql_unit_of_work:
        with sql_unit_of_work() as uow:
            store_everything(uow, travels)
        from_sql = answers(sql_unit_of_work)

    assert answers(lambda: MemoryUnitOfWork(memory)) == from_sql
