import pytest

from limes.core.names import to_mrz_characters


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("Müller", "MUELLER", id="umlaut-expands"),
        pytest.param("Åsa Ørsted", "AASA OERSTED", id="nordic-expansions"),
        pytest.param("Straße", "STRASSE", id="sharp-s"),
        pytest.param("Ángel Núñez", "ANGEL NUNEZ", id="diacritics-dropped"),
        pytest.param("O'Connor", "OCONNOR", id="apostrophe-dropped"),
        pytest.param("Marie-Thérèse", "MARIE THERESE", id="hyphen-separates"),
        pytest.param("Юлия Щеглова", "IULIIA SHCHEGLOVA", id="cyrillic-icao"),
        pytest.param("Олег", "OLEG", id="ukrainian-g-per-icao-not-national"),
        pytest.param("Σωκράτης", "SOKRATIS", id="greek-with-accent"),
        pytest.param("محمود عبدالرحيم", "MXHMWD EBDALRXHYM", id="arabic-mrz-scheme"),
        pytest.param("Łukasz", "LUKASZ", id="polish-l-stroke"),
    ],
)
def test_names_are_written_in_the_mrz_alphabet(name: str, expected: str) -> None:
    assert to_mrz_characters(name) == expected
