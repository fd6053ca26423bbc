"""Contract: CIR records (documents, candidates, identities) and MID links with their history."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from limes.interop.errors import DuplicateRecordError, LinkNotFoundError, RecordNotFoundError
from limes.interop.identity_comparison import name_key
from limes.interop.model import (
    BiometricComparison,
    DocumentComparison,
    IdentityComparison,
    IdentityData,
    Link,
    LinkChange,
    LinkColour,
    LinkEvidence,
    System,
    SystemRecord,
    TravelDocument,
)
from tests.store.builders import at, new_id
from tests.store.conftest import StoreUnderTest

BIRTH = date(1980, 5, 17)


def make_record(
    *,
    system: System = System.EES,
    identity_id: str | None = None,
    surname: str = "Müller",
    date_of_birth: date | None = BIRTH,
    documents: tuple[TravelDocument, ...] | None = None,
) -> SystemRecord:
    return SystemRecord(
        system=system,
        record_id=new_id("record"),
        identity_id=identity_id or new_id("identity"),
        identity=IdentityData(
            surname=surname,
            given_names="Anna Maria",
            date_of_birth=date_of_birth,
            sex="F",
            nationalities=("TUR", "DEU"),
        ),
        documents=documents if documents is not None else (make_travel_document(),),
        template_ids=(new_id("face"), new_id("finger")),
        member_state="NLD",
        created_at=at(2026, 11, 1, 9),
        updated_at=at(2026, 11, 1, 9),
    )


def make_travel_document(number: str | None = None, state: str = "TUR") -> TravelDocument:
    return TravelDocument(number=number or new_id("U"), issuing_state=state)


def make_link(
    record_a: str = "EES:a",
    record_b: str = "ETIAS:b",
    *,
    colour: LinkColour = LinkColour.YELLOW,
    created_at: datetime | None = None,
    verify_by: datetime | None = None,
    responsible_system: System = System.EES,
    responsible_state: str = "NLD",
) -> Link:
    created_at = created_at or at(2026, 11, 1)
    return Link(
        link_id=new_id("link"),
        record_a=record_a,
        record_b=record_b,
        colour=colour,
        evidence=LinkEvidence(
            biometric=BiometricComparison.NOT_AVAILABLE,
            biometric_score=None,
            identity=IdentityComparison.SIMILAR,
            document=DocumentComparison.DIFFERENT,
        ),
        responsible_system=responsible_system,
        responsible_state=responsible_state,
        created_at=created_at,
        verify_by=verify_by,
        verified_at=None,
        history=(make_change(colour, created_at),),
    )


def make_change(colour: LinkColour, when: datetime, by: str = "mid") -> LinkChange:
    return LinkChange(
        at=when, by=by, authority="MID", colour=colour, reason="art. 30(1)(b): similar names"
    )


def add_records(store: StoreUnderTest, *records: SystemRecord) -> None:
    with store.unit_of_work() as uow:
        for record in records:
            uow.system_records.add(record)
        uow.commit()


def add_links(store: StoreUnderTest, *links: Link) -> None:
    with store.unit_of_work() as uow:
        for link in links:
            uow.links.add(link)
        uow.commit()


def test_a_record_comes_back_equal_to_the_one_stored(store: StoreUnderTest) -> None:
    record = make_record(documents=(make_travel_document(), make_travel_document(state="DEU")))
    bare = make_record(system=System.SIS, date_of_birth=None, documents=())
    bare = replace(bare, identity=replace(bare.identity, sex=None, nationalities=()))
    add_records(store, record, bare)

    with store.unit_of_work() as uow:
        assert uow.system_records.get(record.key) == record
        assert uow.system_records.get(bare.key) == bare
        assert uow.system_records.get("EES:missing") is None


def test_a_taken_key_is_refused_without_names_and_nothing_is_written(
    store: StoreUnderTest,
) -> None:
    record = make_record()
    add_records(store, record)
    before = store.row_counts()
    other = make_record(
        surname="Yilmaz", documents=(make_travel_document(), make_travel_document())
    )

    with store.unit_of_work() as uow, pytest.raises(DuplicateRecordError) as raised:
        uow.system_records.add(replace(other, record_id=record.record_id))

    assert "EES" in str(raised.value)
    assert "Yilmaz" not in str(raised.value)
    assert record.record_id not in str(raised.value)
    assert store.row_counts() == before
    with store.unit_of_work() as uow:
        assert uow.system_records.get(record.key) == record
        assert uow.system_records.find_by_document(other.documents[0]) == []


def test_save_replaces_identity_documents_and_templates_and_keeps_the_rest(
    store: StoreUnderTest,
) -> None:
    record = make_record()
    add_records(store, record)
    renewed = replace(
        record,
        identity_id="identity-merged",
        identity=replace(record.identity, surname="Schmidt", date_of_birth=date(1980, 6, 17)),
        documents=(make_travel_document(),),
        template_ids=("face-new",),
        member_state="DEU",  # not the store's to change
        created_at=at(2027, 1, 1),
        updated_at=at(2026, 12, 24, 8),
    )

    with store.unit_of_work() as uow:
        uow.system_records.save(renewed)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.system_records.get(record.key) == replace(
            renewed, member_state="NLD", created_at=record.created_at
        )
        assert uow.system_records.find_by_document(record.documents[0]) == []
        assert (
            uow.system_records.find_by_identity(
                name_key=name_key(record.identity), date_of_birth=None, limit=10
            )
            == []
        )
        assert uow.system_records.of_identity(record.identity_id) == []


def test_saving_an_unknown_record_is_an_error(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow, pytest.raises(RecordNotFoundError):
        uow.system_records.save(make_record())


def test_a_document_finds_every_record_holding_it_as_the_mid_compares_it(
    store: StoreUnderTest,
) -> None:
    in_ees = make_record(documents=(make_travel_document("u 1234-56<"),))
    in_vis = make_record(system=System.VIS, documents=(make_travel_document("U123456"),))
    elsewhere = make_record(documents=(make_travel_document("U123456", state="DEU"),))
    add_records(store, in_vis, elsewhere, in_ees)

    with store.unit_of_work() as uow:
        found = uow.system_records.find_by_document(make_travel_document("U 123456", "tur"))
        missing = uow.system_records.find_by_document(make_travel_document("U1234567"))
    assert found == sorted([in_ees, in_vis], key=lambda record: record.key)
    assert missing == []


def test_candidates_share_the_surname_or_the_date_of_birth(store: StoreUnderTest) -> None:
    both = make_record(surname="Müller")
    same_name = make_record(surname="MUELLER", date_of_birth=date(1981, 1, 1))
    same_birth = make_record(surname="Schmidt")
    neither = make_record(surname="Schmidt", date_of_birth=date(1981, 1, 1))
    add_records(store, same_birth, neither, same_name, both)
    key = name_key(both.identity)

    with store.unit_of_work() as uow:
        records = uow.system_records
        found = records.find_by_identity(name_key=key, date_of_birth=BIRTH, limit=10)
        first = records.find_by_identity(name_key=key, date_of_birth=BIRTH, limit=1)
        by_name = records.find_by_identity(name_key=key, date_of_birth=None, limit=10)

    others = sorted([same_name, same_birth], key=lambda record: record.key)
    assert found == [both, *others]  # sharing both keys first, then in key order
    assert first == [both]
    assert by_name == sorted([both, same_name], key=lambda record: record.key)


def test_moving_an_identity_repoints_all_its_records(store: StoreUnderTest) -> None:
    first, second = make_record(identity_id="identity-1"), make_record(identity_id="identity-1")
    target = make_record(identity_id="identity-2")
    add_records(store, first, second, target)

    with store.unit_of_work() as uow:
        moved = uow.system_records.move_identity("identity-1", "identity-2")
        again = uow.system_records.move_identity("identity-1", "identity-2")
        uow.commit()

    assert (moved, again) == (2, 0)
    with store.unit_of_work() as uow:
        assert uow.system_records.of_identity("identity-1") == []
        merged = uow.system_records.of_identity("identity-2")
    assert [record.key for record in merged] == sorted(r.key for r in (first, second, target))
    assert {record.identity_id for record in merged} == {"identity-2"}


def test_erasing_a_record_takes_its_documents_and_templates_with_it(
    store: StoreUnderTest,
) -> None:
    before = store.row_counts()
    record = make_record()
    add_records(store, record)

    with store.unit_of_work() as uow:
        uow.system_records.erase(record.key)
        uow.system_records.erase("EES:missing")  # nothing to do
        uow.commit()

    assert store.row_counts() == before
    with store.unit_of_work() as uow:
        assert uow.system_records.get(record.key) is None
        assert uow.system_records.find_by_document(record.documents[0]) == []


def test_count_is_per_system_or_in_all(store: StoreUnderTest) -> None:
    add_records(store, make_record(), make_record(), make_record(system=System.ETIAS))

    with store.unit_of_work() as uow:
        assert uow.system_records.count() == 3
        assert uow.system_records.count(System.EES) == 2
        assert uow.system_records.count(System.VIS) == 0


def test_a_link_comes_back_with_its_history_in_order(store: StoreUnderTest) -> None:
    link = make_link(verify_by=at(2026, 11, 8))
    scored = replace(link.evidence, biometric=BiometricComparison.SAME, biometric_score=0.1875)
    other = replace(make_link(), evidence=scored)
    add_links(store, link, other)
    verified = replace(
        link,
        colour=LinkColour.RED,
        verify_by=None,
        verified_at=at(2026, 11, 3, 14),
        history=(
            *link.history,
            make_change(LinkColour.RED, at(2026, 11, 3, 14), by="officer-7"),
        ),
    )

    with store.unit_of_work() as uow:
        uow.links.save(verified)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.links.get(link.link_id) == verified
        assert uow.links.get(other.link_id) == other
        assert uow.links.get("link-missing") is None


def test_saving_an_unknown_link_is_an_error(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow, pytest.raises(LinkNotFoundError):
        uow.links.save(make_link())


def test_a_record_finds_its_links_on_either_side_in_creation_order(
    store: StoreUnderTest,
) -> None:
    later = make_link("VIS:v", "EES:x", created_at=at(2026, 11, 2))
    earlier = make_link("EES:x", "ETIAS:e", created_at=at(2026, 11, 1))
    add_links(store, later, make_link("VIS:v", "ETIAS:e"), earlier)

    with store.unit_of_work() as uow:
        assert uow.links.for_record("EES:x") == [earlier, later]
        assert uow.links.for_record("SIS:s") == []


def test_the_queue_holds_yellow_links_by_deadline_for_one_authority(
    store: StoreUnderTest,
) -> None:
    day = at(2026, 11, 1)
    due = [make_link(verify_by=day + timedelta(days=days)) for days in (3, 1, 2)]
    no_deadline = make_link()
    add_links(
        store,
        *due,
        no_deadline,
        make_link(colour=LinkColour.WHITE, verify_by=day),
        make_link(verify_by=day, responsible_state="DEU"),
        make_link(verify_by=day, responsible_system=System.VIS),
    )

    with store.unit_of_work() as uow:
        pages = [
            uow.links.queue(system=System.EES, state="NLD", limit=2, offset=offset)
            for offset in (0, 2, 4)
        ]
        everyone = uow.links.queue(system=None, state=None, limit=100, offset=0)

    assert pages == [[due[1], due[2]], [due[0], no_deadline], []]
    assert len(everyone) == 6
    assert everyone[-1] == no_deadline


def test_all_lists_links_of_a_colour_in_creation_order(store: StoreUnderTest) -> None:
    day = at(2026, 11, 1)
    white = [
        make_link(colour=LinkColour.WHITE, created_at=day + timedelta(hours=hours))
        for hours in (5, 1, 3)
    ]
    red = make_link(colour=LinkColour.RED, created_at=day)
    add_links(store, *white, red)

    with store.unit_of_work() as uow:
        whites = uow.links.all(colour=LinkColour.WHITE, limit=2, offset=1)
        everything = uow.links.all(colour=None, limit=10, offset=0)

    assert whites == [white[2], white[0]]
    assert everything == [red, white[1], white[2], white[0]]


def test_erasing_a_records_links_takes_both_sides_and_their_history(
    store: StoreUnderTest,
) -> None:
    kept = make_link("VIS:v", "ETIAS:e")
    add_links(store, kept)
    before = store.row_counts()
    add_links(store, make_link("EES:x", "VIS:v"), make_link("ETIAS:e", "EES:x"))

    with store.unit_of_work() as uow:
        assert uow.links.erase_for_record("EES:x") == 2
        assert uow.links.erase_for_record("EES:x") == 0
        uow.commit()

    assert store.row_counts() == before
    with store.unit_of_work() as uow:
        assert uow.links.for_record("EES:x") == []
        assert uow.links.for_record("VIS:v") == [kept]


def test_leaving_without_commit_keeps_no_record_and_no_link(store: StoreUnderTest) -> None:
    before = store.row_counts()
    record = make_record()
    with store.unit_of_work() as uow:
        uow.system_records.add(record)
        uow.links.add(make_link(record.key, "VIS:v"))
        assert uow.system_records.get(record.key) == record  # seen inside

    assert store.row_counts() == before
    with store.unit_of_work() as uow:
        assert uow.system_records.count() == 0
        assert uow.links.for_record(record.key) == []
