"""Hypothesis strategies for valid MRZ fields, one per layout."""

from datetime import date

from hypothesis import strategies as st

from limes.core.countries import ICAO_SPECIAL_CODES, ISO_3166_ALPHA_3
from limes.core.mrz.model import MrzFields, MrzFormat

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALPHANUMERIC = LETTERS + "0123456789"
CODES = sorted(ISO_3166_ALPHA_3) + sorted(ICAO_SPECIAL_CODES)

# (name field width, longest document number, optional data width) per layout.
WIDTHS = {
    MrzFormat.TD1: (30, 22, 15),
    MrzFormat.TD2: (31, 14, 7),
    MrzFormat.TD3: (39, 9, 14),
    MrzFormat.MRVA: (39, 9, 16),
    MrzFormat.MRVB: (31, 9, 8),
}
FIRST_LETTERS = {
    MrzFormat.TD1: "ACI",
    MrzFormat.TD2: "ACI",
    MrzFormat.TD3: "P",
    MrzFormat.MRVA: "V",
    MrzFormat.MRVB: "V",
}


def words(max_words: int) -> st.SearchStrategy[str]:
    return st.lists(st.text(LETTERS, min_size=1, max_size=12), min_size=0, max_size=max_words).map(
        " ".join
    )


def raw_text(alphabet: str, max_size: int) -> st.SearchStrategy[str]:
    """Raw MRZ text without trailing fillers (the reader strips them)."""
    return st.text(alphabet + "<", max_size=max_size).map(lambda text: text.rstrip("<"))


@st.composite
def yymmdd(draw: st.DrawFn, *, unknown_parts: bool) -> str:
    day = draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2029, 12, 31)))
    text = day.strftime("%y%m%d")
    if unknown_parts:
        mask = draw(st.sampled_from(["YMD", "YM", "Y", "", "MD"]))
        text = "".join(
            text[i : i + 2] if part in mask else "<<"
            for i, part in zip((0, 2, 4), "YMD", strict=True)
        )
    return text


@st.composite
def names_fitting(draw: st.DrawFn, width: int) -> tuple[str, str]:
    surname = draw(words(3))
    given = draw(words(3))
    needed = len(surname) + (2 + len(given) if given else 0)
    if (not surname and not given) or needed > width:
        return "ERIKSSON", "ANNA"
    return surname, given


@st.composite
def icao_fields(draw: st.DrawFn, mrz_format: MrzFormat) -> MrzFields:
    """Valid fields for an ICAO layout that fit without truncation."""
    name_width, longest_number, optional_width = WIDTHS[mrz_format]
    surname, given = draw(names_fitting(name_width))
    number = draw(st.text(ALPHANUMERIC, min_size=1, max_size=longest_number))
    optional_room = optional_width
    if len(number) > 9:
        optional_room -= len(number) - 9 + 2  # overflow, its check digit and a filler
        if optional_room < 0:
            number = number[:9]
            optional_room = optional_width
    second = draw(st.sampled_from(["", *LETTERS]))
    return MrzFields(
        format=mrz_format,
        document_code=draw(st.sampled_from(FIRST_LETTERS[mrz_format])) + second,
        issuing_state=draw(st.sampled_from(CODES)),
        surname=surname,
        given_names=given,
        document_number=number,
        nationality=draw(st.sampled_from(CODES)),
        birth_date=draw(yymmdd(unknown_parts=True)),
        sex=draw(st.sampled_from("MF<")),
        expiry_date=draw(st.one_of(yymmdd(unknown_parts=False), st.just("<<<<<<"))),
        optional_data=draw(raw_text(ALPHANUMERIC, max(optional_room, 0))),
        optional_data_2=(draw(raw_text(ALPHANUMERIC, 11)) if mrz_format is MrzFormat.TD1 else None),
    )


@st.composite
def french_id_fields(draw: st.DrawFn) -> MrzFields:
    """Valid fields for the pre-2021 French identity card."""
    issue = draw(st.dates(min_value=date(1988, 1, 1), max_value=date(2021, 3, 1))).strftime("%y%m")
    office = draw(st.text(ALPHANUMERIC, min_size=3, max_size=3))
    serial = draw(st.text("0123456789", min_size=5, max_size=5))
    surname = draw(st.text(LETTERS, min_size=1, max_size=25))
    given = draw(words(3).filter(lambda text: len(text) + text.count(" ") <= 14))
    return MrzFields(
        format=MrzFormat.FRENCH_ID,
        document_code="ID",
        issuing_state="FRA",
        surname=surname,
        given_names=given,
        document_number=issue + office + serial,
        nationality=None,
        birth_date=draw(yymmdd(unknown_parts=False)),
        sex=draw(st.sampled_from("MF")),
        expiry_date=None,
        optional_data=draw(st.text(ALPHANUMERIC, min_size=6, max_size=6)),
    )


def any_valid_fields() -> st.SearchStrategy[MrzFields]:
    return st.one_of(*(icao_fields(f) for f in WIDTHS), french_id_fields())
