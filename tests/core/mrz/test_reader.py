from datetime import date

import pytest

from limes.core.mrz.check_digit import compute_check_digit
from limes.core.mrz.dates import read_birth_date, read_expiry_date
from limes.core.mrz.model import CheckBasis, MrzFormat
from limes.core.mrz.reader import read_mrz
from tests.core.mrz.builders import ICAO_TD1, ICAO_TD2, ICAO_TD3, with_character

ON = date(2026, 11, 23)


def codes(lines: tuple[str, ...]) -> list[str]:
    return [problem.code for problem in read_mrz(lines, on=ON).problems]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(ICAO_TD3, MrzFormat.TD3, id="td3-passport"),
        pytest.param(ICAO_TD1, MrzFormat.TD1, id="td1-card"),
        pytest.param(ICAO_TD2, MrzFormat.TD2, id="td2-card"),
        pytest.param(
            (
                "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
            ),
            MrzFormat.MRVA,
            id="mrv-a-visa",
        ),
        pytest.param(
            ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"),
            MrzFormat.MRVB,
            id="mrv-b-visa",
        ),
        pytest.param(
            ("IDFRANEYRIER<<<<<<<<<<<<<<<<<<013029", "2101133537444MICHEL<<JEAN<<8505279M1"),
            MrzFormat.FRENCH_ID,
            id="french-card-before-2021",
        ),
    ],
)
def test_each_layout_is_recognised_and_valid(lines: tuple[str, ...], expected: MrzFormat) -> None:
    mrz = read_mrz(lines, on=ON)

    assert (mrz.format, mrz.problems) == (expected, ())


def test_every_problem_is_reported_not_just_the_first() -> None:
    lines = with_character(with_character(ICAO_TD3, 2, 14, "8"), 2, 21, "X")

    assert codes(lines) == [
        "check_digit.birth_date",
        "field.sex",
        "check_digit.composite",
    ]


def test_a_problem_names_its_line_and_position() -> None:
    problem = read_mrz(with_character(ICAO_TD3, 2, 10, "5"), on=ON).problems[0]

    assert (problem.code, problem.line, problem.position) == ("check_digit.document_number", 2, 10)


def test_problem_messages_never_quote_the_document_number() -> None:
    mrz = read_mrz(with_character(ICAO_TD3, 2, 10, "5"), on=ON)

    assert all("L898902C" not in problem.message for problem in mrz.problems)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        pytest.param("D<<", [], id="germany-one-letter"),
        pytest.param("GBN", [], id="british-national-overseas"),
        pytest.param("XXA", [], id="stateless"),
        pytest.param("EUE", [], id="eu-laissez-passer"),
        pytest.param("BOS", ["code.issuing_state"], id="not-a-code"),
        pytest.param("<<<", ["code.issuing_state"], id="empty"),
    ],
)
def test_issuing_state_codes(state: str, expected: list[str]) -> None:
    lines = (ICAO_TD3[0][:2] + state + ICAO_TD3[0][5:], ICAO_TD3[1])

    assert codes(lines) == expected


@pytest.mark.parametrize(
    ("birth", "expected_iso"),
    [
        pytest.param("740812", "1974-08-12", id="last-century"),
        pytest.param("201231", "2020-12-31", id="this-century"),
        pytest.param("261124", "1926-11-24", id="tomorrow-means-a-century-ago"),
        pytest.param("261123", "2026-11-23", id="born-today"),
    ],
)
def test_birth_dates_are_never_in_the_future(birth: str, expected_iso: str) -> None:
    resolved = read_birth_date(birth, ON)

    assert resolved is not None
    assert str(resolved.as_date()) == expected_iso


@pytest.mark.parametrize(
    ("expiry", "expected_year"),
    [
        pytest.param("120415", 2012, id="expired-this-century"),
        pytest.param("350101", 2035, id="valid-ten-years-ahead"),
        pytest.param("700601", 2070, id="portuguese-specimen-2070"),
        pytest.param("950712", 1995, id="too-far-ahead-reads-as-last-century"),
    ],
)
def test_expiry_dates_fall_within_the_validity_horizon(expiry: str, expected_year: int) -> None:
    resolved = read_expiry_date(expiry, ON, None)

    assert resolved is not None
    assert resolved.year == expected_year


@pytest.mark.parametrize(
    ("birth", "parts"),
    [
        pytest.param("<<<<<<", (None, None, None), id="all-unknown"),
        pytest.param("7408<<", (1974, 8, None), id="day-unknown"),
        pytest.param("74<<<<", (1974, None, None), id="month-and-day-unknown"),
    ],
)
def test_unknown_birth_date_parts_stay_unknown(
    birth: str, parts: tuple[int | None, int | None, int | None]
) -> None:
    resolved = read_birth_date(birth, ON)

    assert resolved is not None
    assert (resolved.year, resolved.month, resolved.day) == parts
    assert resolved.as_date() is None


@pytest.mark.parametrize(
    "birth",
    [
        pytest.param("741312", id="month-13"),
        pytest.param("740231", id="february-31"),
        pytest.param("010599", id="day-99"),
        pytest.param("7<0812", id="half-a-filler"),
    ],
)
def test_impossible_birth_dates_are_reported(birth: str) -> None:
    lines = (ICAO_TD3[0], ICAO_TD3[1][:13] + birth + ICAO_TD3[1][19:])

    assert "date.birth" in codes(lines)


def test_a_document_without_expiry_date_is_valid_when_its_check_digit_is_zero() -> None:
    lines = (ICAO_TD1[0], ICAO_TD1[1][:8] + "<<<<<<0" + ICAO_TD1[1][15:], ICAO_TD1[2])
    lines = (lines[0], lines[1][:29] + _composite_td1(lines), lines[2])

    mrz = read_mrz(lines, on=ON)

    assert mrz.valid
    assert mrz.expiry_date is not None
    assert mrz.expiry_date.as_date() is None
    assert mrz.is_expired(ON) is None


def _composite_td1(lines: tuple[str, ...]) -> str:
    return compute_check_digit(lines[0][5:30] + lines[1][0:7] + lines[1][8:15] + lines[1][18:29])


def test_sex_x_is_the_visual_zone_marker_and_not_valid_in_the_mrz() -> None:
    assert codes(with_character(ICAO_TD3, 2, 21, "X")) == ["field.sex"]


def test_a_long_td1_document_number_joins_its_overflow_and_reports_the_reading() -> None:
    lines = (
        "I<UTOD23145890<7349<<<<<<<<<<<",
        "3407127M9507122UTO<<<<<<<<<<<2",
        "STEVENSON<<PETER<JOHN<<<<<<<<<",
    )

    mrz = read_mrz(lines, on=ON)

    assert mrz.valid
    assert mrz.document_number == "D23145890734"
    assert mrz.document_number_check_basis is CheckBasis.EITHER


def test_a_filler_check_digit_without_overflow_is_a_missing_check_digit() -> None:
    lines = with_character(ICAO_TD1, 1, 15, "<")

    assert "check_digit.document_number" in codes(lines)


def test_the_td3_personal_number_check_digit_may_be_a_filler_when_unused() -> None:
    line2 = "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<"
    for digit in ("<", "0"):
        lines = (ICAO_TD3[0], line2 + digit + _composite_td3(line2 + digit))

        assert read_mrz(lines, on=ON).valid


def _composite_td3(line2: str) -> str:
    return compute_check_digit(line2[0:10] + line2[13:20] + line2[21:43])


@pytest.mark.parametrize(
    ("name_line", "surname", "given", "truncated"),
    [
        pytest.param("ERIKSSON<<ANNA<MARIA<<<<<<<<<<", "ERIKSSON", "ANNA MARIA", False, id="plain"),
        pytest.param("<<ANNA<MARIA<<<<<<<<<<<<<<<<<<", "", "ANNA MARIA", False, id="no-primary"),
        pytest.param("VAN<DER<BERG<<<<<<<<<<<<<<<<<<", "VAN DER BERG", "", False,
                     id="no-secondary"),
        pytest.param("PATTERSON<<ELIZABETH<CHARLOTTE", "PATTERSON", "ELIZABETH CHARLOTTE", True,
                     id="fills-the-field"),
    ],
)  # fmt: skip
def test_names_split_into_primary_and_secondary_identifiers(
    name_line: str, surname: str, given: str, truncated: bool
) -> None:
    mrz = read_mrz((ICAO_TD1[0], ICAO_TD1[1], name_line), on=ON)

    assert (mrz.surname, mrz.given_names, mrz.name_possibly_truncated) == (
        surname,
        given,
        truncated,
    )


def test_a_wrong_length_line_still_names_the_layout_and_its_bad_characters() -> None:
    lines = (ICAO_TD3[0], ICAO_TD3[1][:40] + "|0")

    mrz = read_mrz(lines, on=ON)

    assert mrz.format is MrzFormat.TD3
    assert [(p.code, p.line) for p in mrz.problems] == [("length", 2), ("charset", 2)]


def test_an_expired_document_is_still_a_valid_mrz() -> None:
    mrz = read_mrz(ICAO_TD3, on=ON)

    assert mrz.valid
    assert mrz.is_expired(ON)
