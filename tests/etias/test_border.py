"""The carrier query (art. 45) and the border query by MRZ (art. 47)."""

from datetime import date

import pytest

from limes.core.mrz.reader import read_mrz
from limes.etias.answers import CarrierAnswer
from limes.etias.errors import UnreadableMrzError
from limes.etias.model import CheckKind, Decision, HitStatus
from tests.etias.builders import (
    APPLICANT,
    CARRIER,
    CENTRAL_UNIT,
    GUARD_FR,
    GUARD_NL,
    NATIONAL_UNIT_NL,
    make_application,
    make_hit,
)
from tests.etias.conftest import Etias
from tests.etias.test_flows import DOCUMENT, passport_mrz

TRAVEL = date(2027, 3, 1)


def limited_to_the_netherlands(etias: Etias) -> None:
    etias.sis.add(DOCUMENT, make_hit(CheckKind.SIS_DOCUMENT, member_state="NLD"))
    answer = etias.service.submit(make_application(), APPLICANT)
    [hit] = etias.stored(answer.application_id).hits
    etias.service.verify_hit(
        CENTRAL_UNIT, answer.application_id, hit.hit_id, HitStatus.CONFIRMED, "agree"
    )
    etias.service.decide(
        NATIONAL_UNIT_NL,
        answer.application_id,
        Decision.limited_territorial_validity(("NLD",), reason="humanitarian grounds"),
    )


@pytest.mark.parametrize(
    ("number", "state", "nationality", "day", "answer"),
    [
        pytest.param(DOCUMENT, "USA", "USA", TRAVEL, CarrierAnswer.OK, id="valid"),
        pytest.param("l898902c3", "USA", "USA", TRAVEL, CarrierAnswer.OK, id="case-insensitive"),
        pytest.param(DOCUMENT, "CAN", "USA", TRAVEL, CarrierAnswer.NOT_OK, id="other-state"),
        pytest.param(DOCUMENT, "USA", "CAN", TRAVEL, CarrierAnswer.NOT_OK, id="other-nationality"),
        pytest.param("X1", "USA", "USA", TRAVEL, CarrierAnswer.NOT_OK, id="unknown-document"),
        pytest.param(
            DOCUMENT, "USA", "USA", date(2029, 11, 23), CarrierAnswer.NOT_OK, id="after-expiry"
        ),
    ],
)
def test_carriers_get_ok_or_not_ok_only(
    etias: Etias, number: str, state: str, nationality: str, day: date, answer: CarrierAnswer
) -> None:
    etias.service.submit(make_application(), APPLICANT)

    assert (
        etias.service.carrier_query(CARRIER, number, state, nationality, travel_date=day) is answer
    )


def test_for_limited_validity_the_carrier_answer_depends_on_the_state_of_entry(
    etias: Etias,
) -> None:
    limited_to_the_netherlands(etias)

    def ask(state: str | None) -> CarrierAnswer:
        return etias.service.carrier_query(
            CARRIER, DOCUMENT, "USA", "USA", travel_date=TRAVEL, state_of_entry=state
        )

    assert (ask("NLD"), ask("FRA"), ask(None)) == (
        CarrierAnswer.OK,
        CarrierAnswer.NOT_OK,
        CarrierAnswer.NOT_OK,
    )


def test_the_border_sees_the_limited_validity_for_its_own_state(etias: Etias) -> None:
    limited_to_the_netherlands(etias)

    dutch = etias.service.border_query(GUARD_NL, passport_mrz())
    french = etias.service.border_query(GUARD_FR, read_mrz(passport_mrz(), on=TRAVEL))

    assert (dutch.valid_here, dutch.limited_to, dutch.max_days_from_first_entry) == (
        True,
        ("NLD",),
        90,
    )
    assert (french.found, french.valid_here) == (True, False)


def test_no_authorisation_is_reported_as_not_found(etias: Etias) -> None:
    answer = etias.service.border_query(GUARD_NL, passport_mrz())

    assert (answer.found, answer.valid_here, answer.status) == (False, False, None)


def test_an_unreadable_zone_asks_for_a_rescan(etias: Etias) -> None:
    lines = passport_mrz()
    broken = (lines[0], lines[1][:9] + "8" + lines[1][10:])  # wrong document check digit

    with pytest.raises(UnreadableMrzError) as raised:
        etias.service.border_query(GUARD_NL, broken)
    assert raised.value.code == "etias.unreadable_mrz"
    assert {"field": "mrz", "type": "check_digit.document_number"} in (raised.value.details() or [])
    with pytest.raises(UnreadableMrzError):
        etias.service.border_query(GUARD_NL, "not an MRZ")
