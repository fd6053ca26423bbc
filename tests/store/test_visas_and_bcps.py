"""Contract: visas by issuing state and sticker, and the list of border crossing points."""

from dataclasses import replace

import pytest

from limes.ees.errors import UnknownVisaError
from limes.ees.model import BorderType, VisaStatus
from tests.store.builders import make_bcp, make_file, make_visa
from tests.store.conftest import StoreUnderTest


def test_a_visa_comes_back_equal_and_can_be_linked_to_a_file(store: StoreUnderTest) -> None:
    file = make_file()
    visa = make_visa(limited_territorial_validity=("NLD", "BEL", "LUX"))
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.visas.add(visa)
        uow.commit()

    linked = replace(visa, file_id=file.file_id, status=VisaStatus.EXTENDED, entries_allowed=None)
    with store.unit_of_work() as uow:
        assert uow.visas.get(visa.issuing_state, visa.sticker_number) == visa
        uow.visas.save(linked)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.visas.get(visa.issuing_state, visa.sticker_number) == linked
        assert uow.visas.get("BEL", visa.sticker_number) is None
        history = uow.traveller_files.history(file.file_id)
    assert history is not None
    assert history.visas == (linked,)


def test_saving_an_unknown_visa_is_an_error(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow, pytest.raises(UnknownVisaError):
        uow.visas.save(make_visa())


def test_border_crossing_points_are_listed_by_code(store: StoreUnderTest) -> None:
    helsinki = make_bcp("FIHEL", BorderType.SEA, state="FIN")
    schiphol = make_bcp("NLAMS")
    with store.unit_of_work() as uow:
        uow.border_crossing_points.add(schiphol)
        uow.border_crossing_points.add(helsinki)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.border_crossing_points.get("FIHEL") == helsinki
        assert uow.border_crossing_points.get("DEBER") is None
        assert uow.border_crossing_points.list() == [helsinki, schiphol]
