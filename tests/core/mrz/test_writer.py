from dataclasses import replace
from typing import Any

import pytest

from limes.core.mrz.model import MrzFields, MrzFormat
from limes.core.mrz.names import format_name_field, split_name
from limes.core.mrz.writer import MrzFieldError, write_mrz
from tests.core.mrz.builders import ICAO_TD1, ICAO_TD2, ICAO_TD3, SPECIMEN_FIELDS


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param(SPECIMEN_FIELDS, ICAO_TD3, id="icao-td3"),
        pytest.param(
            replace(SPECIMEN_FIELDS, format=MrzFormat.TD1, document_code="I",
                    document_number="D23145890", optional_data="", optional_data_2=""),
            ICAO_TD1,
            id="icao-td1",
        ),
        pytest.param(
            replace(SPECIMEN_FIELDS, format=MrzFormat.TD2, document_code="I",
                    document_number="D23145890", optional_data=""),
            ICAO_TD2,
            id="icao-td2",
        ),
        pytest.param(
            replace(SPECIMEN_FIELDS, format=MrzFormat.TD1, document_code="I", surname="STEVENSON",
                    given_names="PETER JOHN", document_number="D23145890734", birth_date="340712",
                    sex="M", expiry_date="950712", optional_data="", optional_data_2=""),
            (
                "I<UTOD23145890<7349<<<<<<<<<<<",
                "3407127M9507122UTO<<<<<<<<<<<2",
                "STEVENSON<<PETER<JOHN<<<<<<<<<",
            ),
            id="icao-td1-long-document-number",
        ),
    ],
)  # fmt: skip
def test_the_icao_specimens_are_written_character_for_character(
    fields: MrzFields, expected: tuple[str, ...]
) -> None:
    assert write_mrz(fields) == expected


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param(
            {"document_number": "L898902C3X"}, "document_number", id="td3-number-too-long"
        ),
        pytest.param({"optional_data": "ZE184226B<<<<<<"}, "optional_data", id="optional-too-long"),
        pytest.param({"sex": "X"}, "sex", id="sex-x"),
        pytest.param({"issuing_state": "U7O"}, "issuing_state", id="digit-in-state"),
        pytest.param({"surname": "O'BRIEN"}, "surname", id="apostrophe-not-transliterated"),
    ],
)
def test_fields_that_do_not_fit_are_refused_naming_the_field(
    change: dict[str, Any], field: str
) -> None:
    with pytest.raises(MrzFieldError, match=field) as error:
        write_mrz(replace(SPECIMEN_FIELDS, **change))

    assert error.value.code == "mrz.field"


@pytest.mark.parametrize(
    ("primary", "secondary", "width", "expected"),
    [
        pytest.param("ERIKSSON", "ANNA MARIA", 30, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<", id="fits"),
        pytest.param("VAN DER BERG", "", 20, "VAN<DER<BERG<<<<<<<<", id="no-secondary"),
        pytest.param("DE BRUIJN", "WILLEKE LISELOTTE GERARDA", 30,
                     "DE<BRUIJN<<WILLEKE<LISELOTTE<G", id="secondary-cut-first"),
        pytest.param("ABCDEFGHIJKLMNOPQRSTUVWXYZABCD", "ANNA", 30,
                     "ABCDEFGHIJKLMNOPQRSTUVWXYZA<<A", id="long-primary-keeps-an-initial"),
    ],
)  # fmt: skip
def test_names_are_truncated_secondary_identifier_first(
    primary: str, secondary: str, width: int, expected: str
) -> None:
    assert format_name_field(primary, secondary, width) == expected


def test_a_name_field_without_double_filler_is_all_primary_identifier() -> None:
    assert split_name("MEGAN<ELLA<RUTH<BIN<ISMAELAR<EZZAHUDDIN") == (
        "MEGAN ELLA RUTH BIN ISMAELAR EZZAHUDDIN",
        "",
    )
