from dataclasses import replace
from datetime import date

from limes.core.mrz.reader import read_mrz
from limes.core.mrz.writer import write_mrz
from tests.core.mrz.builders import ICAO_TD1, ICAO_TD3, SPECIMEN_FIELDS, with_character

ON = date(2026, 11, 23)
GARBLED_TD3 = (
    "P<UT0ERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O",
)


def test_repair_is_off_unless_asked_for() -> None:
    mrz = read_mrz(GARBLED_TD3, on=ON)

    assert not mrz.valid
    assert mrz.repairs == ()


def test_a_garbled_specimen_is_repaired_to_the_original() -> None:
    mrz = read_mrz(GARBLED_TD3, on=ON, repair=True)

    assert mrz.valid
    assert mrz.lines == ICAO_TD3


def test_every_repair_is_reported_and_marked_verified_only_under_a_check_digit() -> None:
    mrz = read_mrz(GARBLED_TD3, on=ON, repair=True)

    reported = {(r.line, r.position, r.original, r.replacement, r.verified) for r in mrz.repairs}

    assert reported == {
        (1, 5, "0", "O", False),
        (1, 10, "5", "S", False),
        (1, 11, "5", "S", False),
        (1, 24, "1", "I", False),
        (2, 17, "B", "8", True),
        (2, 18, "I", "1", True),
        (2, 19, "Z", "2", True),
        (2, 20, "Z", "2", True),
        (2, 27, "S", "5", True),
        (2, 44, "O", "0", True),
    }


def test_a_look_alike_in_a_document_number_is_repaired_when_only_one_swap_verifies() -> None:
    true_lines = write_mrz(replace(SPECIMEN_FIELDS, document_number="AXC7KH4J8"))
    misread = with_character(true_lines, 2, 9, "B")

    mrz = read_mrz(misread, on=ON, repair=True)

    assert mrz.valid
    assert mrz.document_number == "AXC7KH4J8"
    assert [(r.line, r.position, r.original, r.replacement, r.verified) for r in mrz.repairs] == [
        (2, 9, "B", "8", True)
    ]


def test_a_look_alike_that_several_swaps_would_explain_is_left_alone() -> None:
    misread = with_character(ICAO_TD1, 1, 6, "0")  # D2314589 read as 02314589

    mrz = read_mrz(misread, on=ON, repair=True)

    assert not mrz.valid
    assert mrz.repairs == ()


def test_a_repair_that_more_than_one_swap_would_explain_is_refused() -> None:
    # Two independent look-alikes in the number, and the check digits no longer agree with
    # any single combination: nothing is changed and the MRZ stays invalid.
    lines = with_character(with_character(ICAO_TD3, 2, 1, "1"), 2, 7, "Z")
    lines = with_character(lines, 2, 10, "0")

    mrz = read_mrz(lines, on=ON, repair=True)

    assert not mrz.valid
    assert all(not repair.verified for repair in mrz.repairs)


def test_a_valid_mrz_needs_no_repair() -> None:
    assert read_mrz(ICAO_TD3, on=ON, repair=True).repairs == ()
