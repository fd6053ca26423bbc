"""Invariants of the MRZ reader and writer, over many generated inputs."""

import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from limes.core.mrz.model import MrzFields, MrzFormat
from limes.core.mrz.reader import read_mrz
from limes.core.mrz.writer import write_mrz
from tests.core.mrz.strategies import any_valid_fields

ON = date(2026, 11, 23)
BIRTH_DATE_START = {
    MrzFormat.TD1: 0,
    MrzFormat.TD2: 13,
    MrzFormat.TD3: 13,
    MrzFormat.MRVA: 13,
    MrzFormat.MRVB: 13,
    MrzFormat.FRENCH_ID: 27,
}
DIGIT_LOOK_ALIKES = {"0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B"}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=any_valid_fields())
def test_reading_what_was_written_gives_back_the_fields(fields: MrzFields) -> None:
    mrz = read_mrz(write_mrz(fields), on=ON)

    assert mrz.problems == ()
    assert mrz.fields() == fields


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.text(max_size=60), max_size=5))
def test_arbitrary_text_never_raises(lines: list[str]) -> None:
    mrz = read_mrz(lines, on=ON, repair=True)

    assert mrz.valid == (mrz.format is not None and not mrz.problems)


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<", min_size=30, max_size=44),
        min_size=2,
        max_size=3,
    )
)
def test_text_in_the_mrz_alphabet_never_raises(lines: list[str]) -> None:
    read_mrz(lines, on=ON, repair=True)


@st.composite
def layout_sized_text(draw: st.DrawFn) -> list[str]:
    """Lines of exactly a layout's width, any characters, often MRZ-like ones."""
    count, width = draw(st.sampled_from([(3, 30), (2, 36), (2, 44)]))
    alphabet = st.one_of(
        st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<OIZSBGDQ"), st.characters()
    )
    first = draw(st.sampled_from(["", "P<", "V<", "I<", "IDFRA", "A", "C"]))
    lines = [draw(st.text(alphabet, min_size=width, max_size=width)) for _ in range(count)]
    lines[0] = (first + lines[0])[:width]
    return lines


@settings(max_examples=400, deadline=None)
@given(lines=layout_sized_text())
def test_any_characters_at_a_layouts_exact_size_never_raise(lines: list[str]) -> None:
    for repair in (False, True):
        mrz = read_mrz(lines, on=ON, repair=repair)

        assert mrz.format is not None


def test_a_very_long_line_is_rejected_quickly() -> None:
    lines = ["P<UTO" + "A" * 39, "X" * 2_000_000]
    started = time.perf_counter()

    mrz = read_mrz(lines, on=ON, repair=True)

    assert mrz.problems[0].code == "length"
    # Generous bound: guards against a scan of the whole line, not a speed target.
    assert time.perf_counter() - started < 2.0


@settings(max_examples=200, deadline=None)
@given(fields=any_valid_fields(), data=st.data())
def test_a_letter_misread_into_a_date_is_always_repaired(
    fields: MrzFields, data: st.DataObject
) -> None:
    lines = write_mrz(fields)
    mrz = read_mrz(lines, on=ON)
    birth_line = 2  # the birth date is on line 2 in every layout
    start = BIRTH_DATE_START[fields.format]
    candidates = [
        start + offset
        for offset in range(6)
        if lines[birth_line - 1][start + offset] in DIGIT_LOOK_ALIKES
    ]
    if not candidates:
        return
    position = data.draw(st.sampled_from(candidates))
    misread = list(lines)
    row = misread[birth_line - 1]
    misread[birth_line - 1] = (
        row[:position] + DIGIT_LOOK_ALIKES[row[position]] + row[position + 1 :]
    )

    repaired = read_mrz(misread, on=ON, repair=True)

    assert repaired.lines == mrz.lines
    assert repaired.valid
