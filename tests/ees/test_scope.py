"""Who the EES registers (EESR art. 2): third-country nationals, minus the art. 2(3) categories."""

import pytest

from limes.core.visa_list import VISA_EXEMPT_NATIONALITIES
from limes.ees.errors import OutOfScopeError
from limes.ees.scope import (
    EES_STATES,
    FREE_MOVEMENT_NATIONALITIES,
    MICROSTATE_NATIONALITIES,
    ScopeExemption,
    require_in_scope,
)


def out_of_scope_category(
    nationalities: tuple[str, ...], exemption: ScopeExemption | None = None
) -> str | None:
    """The category named by the error, or None when the person is registered."""
    try:
        require_in_scope(nationalities, exemption)
    except OutOfScopeError as error:
        return error.category
    return None


@pytest.mark.parametrize(
    "nationality",
    [
        pytest.param("NLD", id="netherlands"),
        pytest.param("DEU", id="germany"),
        pytest.param("D", id="germany-icao-code"),
        pytest.param("FRA", id="france"),
        pytest.param("BGR", id="bulgaria"),
        pytest.param("ROU", id="romania"),
        pytest.param("CYP", id="cyprus-outside-the-ees"),
        pytest.param("IRL", id="ireland-outside-the-ees"),
        pytest.param("ISL", id="iceland"),
        pytest.param("LIE", id="liechtenstein"),
        pytest.param("NOR", id="norway"),
        pytest.param("CHE", id="switzerland"),
    ],
)
def test_eu_and_schengen_nationals_are_free_movement_nationals(nationality: str) -> None:
    assert out_of_scope_category((nationality,)) == "free_movement_national"


@pytest.mark.parametrize("nationality", sorted(FREE_MOVEMENT_NATIONALITIES))
def test_every_free_movement_nationality_is_out_of_scope(nationality: str) -> None:
    assert out_of_scope_category((nationality,)) == "free_movement_national"


@pytest.mark.parametrize(
    "nationality",
    [
        pytest.param("AND", id="andorra"),
        pytest.param("MCO", id="monaco"),
        pytest.param("SMR", id="san-marino"),
        pytest.param("VAT", id="holy-see"),
    ],
)
def test_microstate_nationals_are_out_of_scope(nationality: str) -> None:
    assert out_of_scope_category((nationality,)) == "microstate_national"


@pytest.mark.parametrize("exemption", list(ScopeExemption), ids=lambda exemption: exemption.value)
def test_each_exemption_is_its_own_category(exemption: ScopeExemption) -> None:
    assert out_of_scope_category(("USA",), exemption) == exemption.value


@pytest.mark.parametrize(
    ("nationalities", "exemption", "expected"),
    [
        pytest.param(("USA",), None, None, id="usa-in-scope"),
        pytest.param(("CHN",), None, None, id="visa-holder-in-scope"),
        pytest.param(("GBR",), None, None, id="united-kingdom-in-scope-since-brexit"),
        pytest.param(("XXA",), None, None, id="stateless-person-in-scope"),
        pytest.param(("USA", "FRA"), None, "free_movement_national", id="dual-national-with-eu"),
        pytest.param(("FRA", "USA"), None, "free_movement_national", id="eu-nationality-second"),
        pytest.param(("USA", "MCO"), None, "microstate_national", id="dual-national-microstate"),
        pytest.param(("USA", "CAN"), None, None, id="two-third-country-nationalities"),
        pytest.param(
            ("DEU",),
            ScopeExemption.TRAIN_CREW,
            "free_movement_national",
            id="nationality-decides-before-the-stated-category",
        ),
        pytest.param(
            ("FRA", "MCO"), None, "free_movement_national", id="free-movement-before-microstate"
        ),
    ],
)
def test_require_in_scope_decides_by_nationality_before_the_stated_category(
    nationalities: tuple[str, ...], exemption: ScopeExemption | None, expected: str | None
) -> None:
    assert out_of_scope_category(nationalities, exemption) == expected


def test_the_error_has_a_stable_code_and_names_the_article() -> None:
    with pytest.raises(OutOfScopeError) as raised:
        require_in_scope(["FRA"])

    assert raised.value.code == "ees.out_of_scope"
    assert "art. 2(3)(a)" in raised.value.message


def test_the_error_message_does_not_repeat_the_nationalities() -> None:
    with pytest.raises(OutOfScopeError) as raised:
        require_in_scope(["USA", "FRA"])

    assert "USA" not in raised.value.message
    assert "FRA" not in raised.value.message


def test_any_iterable_of_nationalities_is_accepted() -> None:
    assert out_of_scope_category(tuple(iter(["USA"]))) is None
    with pytest.raises(OutOfScopeError):
        require_in_scope(code for code in ["USA", "NLD"])


def test_the_ees_operates_in_the_29_schengen_states() -> None:
    assert len(EES_STATES) == 29
    assert {"CYP", "IRL", "D"}.isdisjoint(EES_STATES)
    assert {"BGR", "ROU", "HRV", "CHE", "NOR", "ISL", "LIE"} <= EES_STATES


def test_the_free_movement_list_holds_the_27_member_states_and_4_associated_states() -> None:
    # 27 + 4 alpha-3 codes, plus Germany's ICAO code "D".
    assert len(FREE_MOVEMENT_NATIONALITIES) == 32


def test_microstates_are_neither_eu_nor_schengen_members() -> None:
    assert MICROSTATE_NATIONALITIES.isdisjoint(FREE_MOVEMENT_NATIONALITIES)


def test_no_free_movement_nationality_is_on_the_visa_exempt_list_of_third_countries() -> None:
    assert FREE_MOVEMENT_NATIONALITIES.isdisjoint(VISA_EXEMPT_NATIONALITIES)
