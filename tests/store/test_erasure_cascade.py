"""Contract: erasing an EES file erases its CIR record, MID links and sBMS templates too
(Reg. 2019/817 art. 35), in the same transaction; other records stay."""

from dataclasses import replace

from limes.biometrics.model import SubjectRef
from limes.interop.model import System
from tests.store.builders import make_file
from tests.store.conftest import StoreUnderTest
from tests.store.test_biometric_templates import make_template
from tests.store.test_interop_records import make_link, make_record


def test_erasing_a_file_erases_what_the_interoperability_layer_holds_of_it(
    store: StoreUnderTest,
) -> None:
    file = make_file()
    mine = replace(make_record(), record_id=file.file_id)
    other = make_record(system=System.VIS)
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.system_records.add(mine)
        uow.system_records.add(other)
        uow.links.add(make_link(mine.key, other.key))
        unrelated = make_link(other.key, "SIS:alert-1")
        uow.links.add(unrelated)
        template = uow.biometric_templates.add(make_template(subject=_subject(file.file_id)))
        uow.commit()

    with store.unit_of_work() as uow:
        uow.traveller_files.erase(file.file_id)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.system_records.get(mine.key) is None
        assert uow.system_records.get(other.key) == other
        assert [link.link_id for link in uow.links.for_record(other.key)] == [unrelated.link_id]
        assert uow.biometric_templates.get(template.template_id) is None


def _subject(file_id: str) -> SubjectRef:
    return SubjectRef(system="EES", record_id=file_id)
