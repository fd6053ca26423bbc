"""Who needs a short-stay visa (Regulation (EU) 2018/1806, Annexes I and II)."""

import pytest

from limes.core.countries import is_known_country_code
from limes.core.visa_list import VISA_EXEMPT_NATIONALITIES, requires_short_stay_visa


@pytest.mark.parametrize(
    ("nationality", "visa_required"),
    [
        pytest.param("USA", False, id="united-states"),
        pytest.param("GBR", False, id="united-kingdom"),
        pytest.param("JPN", False, id="japan"),
        pytest.param("CAN", False, id="canada"),
        pytest.param("BRA", False, id="brazil"),
        pytest.param("MYS", False, id="malaysia"),
        pytest.param("UKR", False, id="ukraine"),
        pytest.param("SRB", False, id="serbia"),
        pytest.param("RKS", False, id="kosovo-since-2024"),
        pytest.param("HKG", False, id="hong-kong-sar"),
        pytest.param("MAC", False, id="macao-sar"),
        pytest.param("TWN", False, id="taiwan"),
        pytest.param("GBN", False, id="british-national-overseas"),
        pytest.param("GBD", False, id="british-overseas-territories-citizen"),
        pytest.param("GBO", False, id="british-overseas-citizen"),
        pytest.param("GBP", False, id="british-protected-person"),
        pytest.param("GBS", False, id="british-subject"),
        pytest.param("CHN", True, id="china"),
        pytest.param("IND", True, id="india"),
        pytest.param("RUS", True, id="russia"),
        pytest.param("TUR", True, id="turkiye"),
        pytest.param("ZAF", True, id="south-africa"),
        pytest.param("VUT", True, id="vanuatu-exemption-suspended"),
        pytest.param("XXA", True, id="stateless-person"),
    ],
)
def test_annex_ii_nationals_are_visa_exempt_and_all_others_need_a_visa(
    nationality: str, visa_required: bool
) -> None:
    assert requires_short_stay_visa(nationality) is visa_required


def test_every_exempt_code_is_a_country_code_a_document_can_carry() -> None:
    # RKS is the code Kosovo prints in its passports; it is neither ISO 3166 nor ICAO-listed.
    unknown = {code for code in VISA_EXEMPT_NATIONALITIES if not is_known_country_code(code)}

    assert unknown == {"RKS"}


def test_codes_are_three_upper_case_letters() -> None:
    assert all(
        len(code) == 3 and code.isalpha() and code.isupper() for code in VISA_EXEMPT_NATIONALITIES
    )
