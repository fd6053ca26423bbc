"""Romanisation tables and Latin folding, against the published forms they implement."""

import pytest

from limes.screening.distance import budget, similarity, weighted_distance
from limes.screening.latin import canonical, fold, skeleton
from limes.screening.romanisation import arabic_from_mrz, readings
from limes.screening.scripts import Script, script_of


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Vladimir", Script.LATIN),
        ("Владимир", Script.CYRILLIC),
        ("Βλαντιμίρ", Script.GREEK),
        ("فلاديمير", Script.ARABIC),
        ("ולדימיר", Script.HEBREW),
        ("张伟", Script.HAN),
        ("김정은", Script.HANGUL),
        ("ウラジーミル", Script.KANA),
        ("व्लादिमीर", Script.OTHER),
    ],
)
def test_the_script_is_recognised(text: str, script: Script) -> None:
    assert script_of(text) is script


def test_cyrillic_reads_as_icao_9303_and_as_the_national_systems() -> None:
    # etias_screening.md §4.3: ICAO gives IULIIA SHCHEGLOVA; Ukraine's system writes Г as H.
    assert readings("Юлия Щеглова", Script.CYRILLIC)[0].text == "iuliia shcheglova"
    systems = {reading.text for reading in readings("Олег", Script.CYRILLIC)}
    assert systems == {"oleg", "oleh"}


def test_arabic_in_the_mrz_scheme_decodes_to_letters() -> None:
    # §4.4: "محمود عبدالرحيم" -> MXHMWD<EBDALRXHYM
    assert arabic_from_mrz(["MXHMWD", "EBDALRXHYM"]) == "محمود عبدالرحيم"
    assert arabic_from_mrz(["ERIKSSON", "ANNA"]) is None  # no X-digraph: a Latin name


def test_han_is_read_family_name_first_in_pinyin_and_wade_giles() -> None:
    texts = [reading.text for reading in readings("张伟", Script.HAN)]
    assert texts[0] == "zhang wei"
    assert "chang wei" in texts


def test_a_foreign_name_in_han_is_read_as_a_skeleton() -> None:
    (reading,) = readings("贝拉克·奥巴马", Script.HAN)
    assert reading.abjad
    assert reading.text == "beilake aobama"


def test_hangul_decomposes_into_revised_romanization() -> None:
    assert readings("김정은", Script.HANGUL)[0].text == "kim jeongeun"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Shcherbakov", "Chtcherbakov"),
        ("Shcherbakov", "Schtscherbakow"),
        ("Yuliya", "Iuliia"),
        ("Yuliya", "Julija"),
        ("Sergey", "Sergei"),
        ("Aleksey", "Alexei"),
        ("Mueller", "Müller"),
        ("Nooristani", "Nuristani"),
        ("Zelenskyy", "Zelenskii"),
    ],
)
def test_romanisation_systems_fold_onto_one_spelling(a: str, b: str) -> None:
    assert canonical(fold(a)) == canonical(fold(b))


def test_french_j_for_zh_is_one_close_substitution() -> None:
    assert similarity(canonical(fold("Zhukov")), canonical(fold("Joukov"))) > 0.8


def test_fold_drops_apostrophes_and_separates_at_hyphens() -> None:
    assert fold("O'Connor-Smith") == "oconnor smith"
    assert fold("Đorđević") == "djordjevic"


def test_skeletons_keep_consonants() -> None:
    assert skeleton("muhamad") == "mhmd"


def test_the_edit_budget_grows_with_length_and_falls_off_a_cliff() -> None:
    assert budget(2) == 0
    assert budget(4) < budget(6) < budget(10)
    assert similarity("lavrov", "lavrof") > 0.8  # one close substitution
    assert similarity("scholz", "schulze") == 0.0  # two edits in a short name
    assert weighted_distance("oleg", "oleh") == 0.5
