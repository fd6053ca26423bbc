"""Finger minutiae codecs: golden bytes, the shared real records, strict errors, properties."""

import math
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limes.biometrics.errors import TemplateFormatError
from limes.biometrics.minutiae import (
    ExtendedData,
    FingerView,
    Minutia,
    MinutiaeRecord,
    MinutiaKind,
)
from limes.biometrics.minutiae_codecs import TemplateFormat, decode, encode, sniff_format
from tests.biometrics import fingerprint_data
from tests.biometrics.fingerprint_data import read_fingerprint_file

ISO_2005 = TemplateFormat.ISO_19794_2_2005
ANSI_378 = TemplateFormat.ANSI_378_2004
ISO_2011 = TemplateFormat.ISO_19794_2_2011
MINUTIAE_FORMATS = (ISO_2005, ANSI_378, ISO_2011)
ANGLE_STEP_DEGREES = {ISO_2005: 360 / 256, ANSI_378: 2.0, ISO_2011: 360 / 256}

ANSI_B2 = "biomdi/ANSI-INCITS-378_2004/Appendix-B2_Example.raw"
ISO_C2 = "biomdi/ISO-19794-2_2005/Appendix-C2_Example.raw"
TRUNCATED = [
    f"openafis/invalid/fvc2004/DB_1B/101_1_truncate_{cut}.iso"
    for cut in ("1_byte", "2_bytes", "3_bytes")
]
# Minutiae per openafis template, as the data README lists them (one view each).
OPENAFIS_MINUTIAE = {
    "DB1_B/101_1": 25, "DB1_B/101_2": 16, "DB1_B/101_3": 24, "DB1_B/101_4": 23,
    "DB1_B/102_1": 45, "DB1_B/102_2": 36, "DB1_B/102_3": 25, "DB1_B/102_4": 30,
    "DB1_B/103_1": 35, "DB1_B/103_2": 29, "DB1_B/103_3": 21, "DB1_B/103_4": 13,
    "DB1_B/104_1": 48, "DB1_B/104_2": 48, "DB1_B/104_3": 50, "DB1_B/104_4": 37,
    "DB1_B/105_1": 43, "DB1_B/105_2": 41, "DB1_B/105_3": 44, "DB1_B/105_4": 28,
    "DB1_B/106_1": 49, "DB1_B/106_2": 45, "DB1_B/106_3": 52, "DB1_B/106_4": 23,
    "DB1_B/107_1": 27, "DB1_B/107_2": 29, "DB1_B/107_3": 35, "DB1_B/107_4": 35,
    "DB1_B/108_1": 51, "DB1_B/108_2": 48, "DB1_B/108_3": 50, "DB1_B/108_4": 44,
    "DB1_B/109_1": 32, "DB1_B/109_2": 28, "DB1_B/109_3": 31, "DB1_B/109_4": 30,
    "DB1_B/110_1": 40, "DB1_B/110_2": 37, "DB1_B/110_3": 45, "DB1_B/110_4": 28,
    "DB2_B/101_1": 55, "DB2_B/101_2": 69, "DB2_B/102_1": 49, "DB2_B/102_2": 51,
}  # fmt: skip


def make_record(**changes: object) -> MinutiaeRecord:
    """One left index view with a ridge ending and a bifurcation; the golden-byte record."""
    record = MinutiaeRecord(
        width=300,
        height=400,
        x_resolution=197,
        y_resolution=197,
        capture_equipment_id=0x0B5,
        cbeff_product_owner=0x0042,
        cbeff_product_type=0x0011,
        views=(
            FingerView(
                finger_position=7,
                quality=90,
                minutiae=(
                    Minutia(x=100, y=14, angle=112.5, kind=MinutiaKind.RIDGE_ENDING, quality=90),
                    Minutia(x=164, y=17, angle=270.0, kind=MinutiaKind.BIFURCATION, quality=0),
                ),
            ),
        ),
    )
    return replace(record, **changes)  # type: ignore[arg-type]


def make_view(**changes: object) -> FingerView:
    return replace(make_record().views[0], **changes)  # type: ignore[arg-type]


def make_minutia(**changes: object) -> Minutia:
    return replace(make_view().minutiae[0], **changes)  # type: ignore[arg-type]


def patched(data: bytes, offset: int, new: bytes) -> bytes:
    return data[:offset] + new + data[offset + len(new) :]


# Golden bytes, written by hand from the layout tables (comments name each field).

GOLDEN_ISO_2005 = bytes.fromhex(
    "464d5200 20323000"  # "FMR\0", " 20\0"
    "0000002a"  # record length 42
    "00b5 012c 0190 00c5 00c5"  # equipment 0/0x0b5, 300 x 400 px, 197 x 197 px/cm
    "01 00"  # one finger view, reserved
    "07 00 5a 02"  # left index, view 0 + impression 0, quality 90, 2 minutiae
    "4064 000e 50 5a"  # 01 ridge ending, x 100, y 14, 112.5° = 80 x 360/256°, quality 90
    "80a4 0011 c0 00"  # 10 bifurcation, x 164, y 17, 270° = 192 units, quality 0
    "0000"  # no extended data
)
GOLDEN_ANSI_378 = bytes.fromhex(
    "464d5200 20323000"
    "002c"  # record length 44, 2-byte form
    "0042 0011"  # CBEFF product owner, product type
    "00b5 012c 0190 00c5 00c5 01 00"
    "07 00 5a 02"
    "4064 000e 38 5a"  # 112.5° / 2° = 56.25 -> 56
    "80a4 0011 87 00"  # 270° / 2° = 135
    "0000"
)
GOLDEN_ISO_2011 = bytes.fromhex(
    "464d5200 30333000"  # "FMR\0", "030\0"
    "00000042"  # record length 66
    "0001 00"  # one representation, certification flag 0
    "00000033"  # representation length 51
    "ffffffffffffffffff"  # capture date and time not given
    "00 0000 00b5"  # device technology unknown, vendor unknown, device type 0x0b5
    "01 5a 0000 0000"  # one quality block: 90, algorithm vendor 0, algorithm 0
    "07 00 00c5 00c5 00"  # left index, representation 0, 197 x 197 px/cm, live-scan plain
    "012c 0190"  # 300 x 400 px
    "60 02"  # 6-byte minutiae + ridge ending type 0, 2 minutiae
    "4064 000e 50 5a"
    "80a4 0011 c0 fe"  # quality 0 ("not reported") is 254 in :2011
    "0000"
)
GOLDEN = {ISO_2005: GOLDEN_ISO_2005, ANSI_378: GOLDEN_ANSI_378, ISO_2011: GOLDEN_ISO_2011}


@pytest.mark.parametrize("template_format", MINUTIAE_FORMATS)
def test_the_tiny_record_encodes_to_the_hand_written_bytes(
    template_format: TemplateFormat,
) -> None:
    assert encode(make_record(), template_format) == GOLDEN[template_format]


@pytest.mark.parametrize("template_format", MINUTIAE_FORMATS)
def test_the_hand_written_bytes_decode_to_the_tiny_record(template_format: TemplateFormat) -> None:
    decoded = decode(GOLDEN[template_format], template_format)

    angles = [minutia.angle for minutia in decoded.views[0].minutiae]
    assert angles == ([112.0, 270.0] if template_format == ANSI_378 else [112.5, 270.0])
    assert decoded.views[0].minutiae[1].quality == 0
    assert (decoded.width, decoded.height, decoded.x_resolution) == (300, 400, 197)
    assert decoded.capture_equipment_id == 0x0B5
    assert decoded.cbeff_product_owner == (0x0042 if template_format == ANSI_378 else 0)


@pytest.mark.parametrize("template_format", MINUTIAE_FORMATS)
def test_sniffing_the_hand_written_bytes_finds_their_format(
    template_format: TemplateFormat,
) -> None:
    assert sniff_format(GOLDEN[template_format]) == template_format


@pytest.mark.parametrize(
    ("degrees", "template_format", "units"),
    [
        pytest.param(0.703125, ISO_2005, 1, id="iso-exact-half-rounds-up"),
        pytest.param(0.703124, ISO_2005, 0, id="iso-just-below-half-rounds-down"),
        pytest.param(359.4, ISO_2005, 0, id="iso-rounds-up-to-360-wraps-to-0"),
        pytest.param(359.2, ISO_2005, 255, id="iso-last-unit"),
        pytest.param(1.0, ANSI_378, 1, id="ansi-exact-half-rounds-up"),
        pytest.param(0.999, ANSI_378, 0, id="ansi-below-half-rounds-down"),
        pytest.param(359.0, ANSI_378, 0, id="ansi-rounds-up-to-360-wraps-to-0"),
        pytest.param(358.9, ANSI_378, 179, id="ansi-last-unit"),
        pytest.param(0.703125, ISO_2011, 1, id="iso-2011-exact-half-rounds-up"),
    ],
)
def test_angles_quantise_half_up_modulo_the_circle(
    degrees: float, template_format: TemplateFormat, units: int
) -> None:
    record = make_record(views=(make_view(minutiae=(make_minutia(angle=degrees),)),))

    decoded = decode(encode(record, template_format), template_format)

    assert decoded.views[0].minutiae[0].angle == units * ANGLE_STEP_DEGREES[template_format]


# The shared real records (../shared/data/fingerprints; skipped when absent).


def test_the_ansi_appendix_b2_example_has_its_documented_header() -> None:
    record = decode(read_fingerprint_file(ANSI_B2), ANSI_378)

    assert (record.cbeff_product_owner, record.cbeff_product_type) == (0x0042, 0x0011)
    assert (record.width, record.height) == (512, 512)
    assert (record.x_resolution, record.y_resolution) == (197, 197)
    assert [(view.finger_position, len(view.minutiae), view.quality) for view in record.views] == [
        (7, 27, 90),
        (2, 22, 70),
    ]
    assert record.views[0].extended_data == ()
    [ridge_counts] = record.views[1].extended_data
    assert ridge_counts.type_code == 0x0001
    assert len(ridge_counts.data) + 4 == 11  # the item's length field counts its 4-byte header


def test_the_ansi_appendix_b2_example_re_encodes_byte_for_byte() -> None:
    data = read_fingerprint_file(ANSI_B2)

    assert encode(decode(data, ANSI_378), ANSI_378) == data


def test_strict_decoding_rejects_the_iso_c2_example_whose_length_field_is_one_short() -> None:
    data = read_fingerprint_file(ISO_C2)

    with pytest.raises(
        TemplateFormatError, match="declares 340 bytes but the content ends after 341"
    ):
        decode(data, ISO_2005)


def test_lenient_decoding_reads_the_iso_c2_example_by_its_content() -> None:
    record = decode(read_fingerprint_file(ISO_C2), ISO_2005, strict=False)

    assert (record.width, record.height, record.x_resolution) == (512, 512, 197)
    assert [(view.finger_position, len(view.minutiae), view.quality) for view in record.views] == [
        (7, 27, 90),
        (2, 22, 70),
    ]
    assert [item.type_code for item in record.views[1].extended_data] == [0x0001]


def test_re_encoding_the_iso_c2_example_corrects_only_its_length_field() -> None:
    data = read_fingerprint_file(ISO_C2)

    encoded = encode(decode(data, ISO_2005, strict=False), ISO_2005)

    assert int.from_bytes(encoded[8:12], "big") == len(data) == 341
    assert encoded[:8] + encoded[12:] == data[:8] + data[12:]


def test_the_ansi_b2_and_iso_c2_examples_hold_the_same_minutiae() -> None:
    ansi = decode(read_fingerprint_file(ANSI_B2), ANSI_378)
    iso = decode(read_fingerprint_file(ISO_C2), ISO_2005, strict=False)

    # Both quantise the same angles: each is within half its own step of the original, so they
    # differ by at most 1° + 0.703125°, under one step of the coarser ANSI unit (2°).
    assert without_angles(replace(ansi, cbeff_product_owner=0, cbeff_product_type=0)) == (
        without_angles(iso)
    )
    assert max(angle_gaps(ansi, iso)) <= 1 + 360 / 512


def test_converting_the_ansi_b2_example_to_iso_stays_within_one_unit_of_c2() -> None:
    iso = decode(read_fingerprint_file(ISO_C2), ISO_2005, strict=False)

    converted = decode(encode(decode(read_fingerprint_file(ANSI_B2), ANSI_378), ISO_2005), ISO_2005)

    assert without_angles(converted) == without_angles(iso)
    assert max(angle_gaps(converted, iso)) <= ANGLE_STEP_DEGREES[ISO_2005]


def test_converting_the_iso_c2_example_to_ansi_stays_within_one_unit_of_b2() -> None:
    ansi = decode(read_fingerprint_file(ANSI_B2), ANSI_378)

    iso = decode(read_fingerprint_file(ISO_C2), ISO_2005, strict=False)
    converted = decode(encode(iso, ANSI_378), ANSI_378)

    assert without_angles(converted) == without_angles(
        replace(ansi, cbeff_product_owner=0, cbeff_product_type=0)
    )
    assert max(angle_gaps(converted, ansi)) <= ANGLE_STEP_DEGREES[ANSI_378]


@pytest.mark.parametrize(("template", "minutiae"), OPENAFIS_MINUTIAE.items())
def test_openafis_templates_decode_with_their_documented_header(
    template: str, minutiae: int
) -> None:
    data = read_fingerprint_file(f"openafis/fvc2002/{template}.iso")

    record = decode(data, ISO_2005)

    assert int.from_bytes(data[8:12], "big") == len(data)
    assert (record.width, record.height, record.x_resolution, record.y_resolution) == (
        300,
        400,
        197,
        197,
    )
    [view] = record.views
    assert (view.finger_position, view.impression_type, view.quality) == (0, 0, 0)
    assert len(view.minutiae) == minutiae
    assert {minutia.quality for minutia in view.minutiae} == {0}
    assert {minutia.kind for minutia in view.minutiae} <= {
        MinutiaKind.RIDGE_ENDING,
        MinutiaKind.BIFURCATION,
    }
    assert view.extended_data == ()


@pytest.mark.parametrize("template", OPENAFIS_MINUTIAE)
def test_openafis_templates_re_encode_byte_for_byte(template: str) -> None:
    data = read_fingerprint_file(f"openafis/fvc2002/{template}.iso")

    assert sniff_format(data) == ISO_2005
    assert encode(decode(data, ISO_2005), ISO_2005) == data


@pytest.mark.parametrize(
    ("name", "declared_length", "size", "endings", "bifurcations"),
    [
        pytest.param("iso-probe.dat", 263, (224, 288), 18, 20, id="probe"),
        pytest.param("iso-matching.dat", 263, (224, 288), 18, 20, id="matching"),
        pytest.param("iso-nonmatching.dat", 269, (208, 320), 19, 20, id="nonmatching"),
    ],
)
def test_zero_padded_sourceafis_templates_decode_by_their_length_field(
    name: str, declared_length: int, size: tuple[int, int], endings: int, bifurcations: int
) -> None:
    data = read_fingerprint_file(f"sourceafis-java/{name}")

    record = decode(data, ISO_2005)

    assert len(data) == 384
    assert set(data[declared_length:]) == {0}
    assert sniff_format(data) == ISO_2005
    assert ((record.width, record.height), record.x_resolution) == (size, 197)
    [view] = record.views
    assert view.finger_position == 0
    kinds = [minutia.kind for minutia in view.minutiae]
    assert kinds.count(MinutiaKind.RIDGE_ENDING) == endings
    assert kinds.count(MinutiaKind.BIFURCATION) == bifurcations
    assert {minutia.quality for minutia in view.minutiae} == {0}
    [vendor_item] = view.extended_data
    assert (vendor_item.type_code, len(vendor_item.data)) == (0x0144, 1)
    # Re-encoding gives the record without the padding: the declared-length prefix.
    assert encode(record, ISO_2005) == data[:declared_length]


@pytest.mark.parametrize("path", TRUNCATED)
@pytest.mark.parametrize("strict", [True, False])
def test_truncated_openafis_records_are_rejected(path: str, strict: bool) -> None:
    data = read_fingerprint_file(path)

    assert sniff_format(data) == ISO_2005
    with pytest.raises(TemplateFormatError):
        decode(data, ISO_2005, strict=strict)


def test_a_truncated_record_is_named_as_such_in_strict_mode() -> None:
    data = read_fingerprint_file(TRUNCATED[0])

    with pytest.raises(TemplateFormatError, match=r"declares 30 bytes but only 29 .*truncated"):
        decode(data, ISO_2005)


def test_the_ansi_b2_example_is_sniffed_as_ansi_and_c2_as_iso() -> None:
    assert sniff_format(read_fingerprint_file(ANSI_B2)) == ANSI_378
    assert sniff_format(read_fingerprint_file(ISO_C2)) == ISO_2005


def test_tests_skip_when_the_shared_data_is_absent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fingerprint_data, "FINGERPRINT_DATA", tmp_path)

    with pytest.raises(pytest.skip.Exception, match="shared fingerprint data absent"):
        read_fingerprint_file(ANSI_B2)


# ANSI/INCITS 378-2004: the 2-byte record length up to 65535, the 6-byte form above.


def ansi_record_of_length(short_form_length: int) -> MinutiaeRecord:
    """One empty view whose vendor item pads the 26-byte-header record to the given size."""
    padding = short_form_length - 26 - 4 - 2 - 4  # header, view header, block length, item
    item = ExtendedData(type_code=0x0144, data=bytes(padding))
    return make_record(views=(make_view(minutiae=(), extended_data=(item,)),))


def test_an_ansi_record_of_65535_bytes_keeps_the_2_byte_length() -> None:
    record = ansi_record_of_length(65535)

    data = encode(record, ANSI_378)

    assert len(data) == 65535
    assert data[8:10] == b"\xff\xff"
    assert decode(data, ANSI_378) == record
    assert sniff_format(data) == ANSI_378


def test_an_ansi_record_over_65535_bytes_takes_the_6_byte_length() -> None:
    record = ansi_record_of_length(65536)

    data = encode(record, ANSI_378)

    assert len(data) == 65540  # the 4 extra length bytes count too
    assert data[8:10] == b"\x00\x00"
    assert int.from_bytes(data[10:14], "big") == 65540
    assert data[14:18] == bytes.fromhex("0042 0011")
    assert decode(data, ANSI_378) == record
    assert sniff_format(data) == ANSI_378


def test_the_6_byte_length_for_a_small_record_is_strictly_rejected_and_leniently_read() -> None:
    long_form = GOLDEN_ANSI_378[:8] + bytes.fromhex("0000 00000030") + GOLDEN_ANSI_378[10:]

    with pytest.raises(TemplateFormatError, match="long form"):
        decode(long_form, ANSI_378)
    assert decode(long_form, ANSI_378, strict=False) == decode(GOLDEN_ANSI_378, ANSI_378)


# Strict decoding: each broken rule raises TemplateFormatError naming the field.

ISO_WITH_ITEM = encode(
    make_record(views=(make_view(extended_data=(ExtendedData(0x0144, b"\x97"),)),)), ISO_2005
)  # the item's type code sits at offset 42, its length at 44, its data at 46
TWO_VIEWS_2011 = encode(make_record(views=(make_view(), make_view(view_number=1))), ISO_2011)


@pytest.mark.parametrize(
    ("data", "template_format", "message"),
    [
        pytest.param(
            patched(GOLDEN_ISO_2005, 0, b"FMX"), ISO_2005, "format identifier", id="magic"
        ),
        pytest.param(GOLDEN_ISO_2005, ISO_2011, "version", id="version-2005-read-as-2011"),
        pytest.param(GOLDEN_ISO_2011, ISO_2005, "version", id="version-2011-read-as-2005"),
        pytest.param(
            patched(GOLDEN_ISO_2005, 8, (43).to_bytes(4, "big")),
            ISO_2005,
            "truncated",
            id="length-past-the-data",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 8, (41).to_bytes(4, "big")),
            ISO_2005,
            "declares 41 bytes but the content ends after 42",
            id="length-short-of-the-content",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 8, (20).to_bytes(4, "big")),
            ISO_2005,
            "at least 24",
            id="length-below-the-header",
        ),
        pytest.param(
            patched(GOLDEN_ANSI_378, 8, (45).to_bytes(2, "big")),
            ANSI_378,
            "truncated",
            id="ansi-length-past-the-data",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 27, b"\x03"),
            ISO_2005,
            "minutia 3: y: the data ends",
            id="minutiae-count-past-the-end",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005[:-2] + bytes.fromhex("4064 000e 50 5a 0000"), 27, b"\x03"),
            ISO_2005,
            "declares 42 bytes but the content ends after 48",
            id="minutia-beyond-the-declared-length",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 22, b"\x02"),
            ISO_2005,
            "finger view 2: finger position: the data ends",
            id="view-count-past-the-end",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 28, b"\xc0"), ISO_2005, "type bits", id="type-bits-11"
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 30, b"\x40"), ISO_2005, "y is 14 bits", id="y-over-14-bits"
        ),
        pytest.param(
            patched(GOLDEN_ANSI_378, 34, bytes([180])),
            ANSI_378,
            r"minutia 1: angle \(in its format's units\) must be in 0–179",
            id="ansi-angle-180",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 33, bytes([101])),
            ISO_2005,
            "minutia 1: quality must be in 0–100",
            id="minutia-quality-101",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 26, bytes([101])),
            ISO_2005,
            "finger quality must be in 0–100",
            id="finger-quality-101",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 24, bytes([11])),
            ISO_2005,
            "finger position must be in 0–10",
            id="finger-position-11",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2005, 23, b"\x01"), ISO_2005, "reserved", id="reserved-header-byte"
        ),
        pytest.param(
            patched(ISO_WITH_ITEM, 42, b"\x00\x00"),
            ISO_2005,
            "type code 0 is reserved",
            id="extended-data-type-0",
        ),
        pytest.param(
            patched(ISO_WITH_ITEM, 44, b"\x00\x03"),
            ISO_2005,
            "at least 4",
            id="extended-data-item-too-short",
        ),
        pytest.param(
            patched(ISO_WITH_ITEM, 44, b"\x00\x06"),
            ISO_2005,
            "runs past the end of the extended data block",
            id="extended-data-item-past-its-block",
        ),
        pytest.param(
            patched(ISO_WITH_ITEM, 40, b"\x00\x02"),
            ISO_2005,
            "too few bytes for an item header",
            id="extended-data-block-too-short",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2011, 12, b"\x00\x00"),
            ISO_2011,
            "at least 1",
            id="iso-2011-no-representations",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2011, 14, b"\x02"),
            ISO_2011,
            "certification flag must be in 0–1",
            id="iso-2011-certification-flag-2",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2011, 50, b"\x70"),
            ISO_2011,
            "minutia field length must be 5 or 6",
            id="iso-2011-field-length-7",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2011, 50, b"\x62"),
            ISO_2011,
            "ridge ending type must be 0 or 1",
            id="iso-2011-ridge-ending-type-2",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2011, 15, (52).to_bytes(4, "big")),
            ISO_2011,
            "representation 1: representation length: the field declares 52",
            id="iso-2011-representation-length",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2011, 34, bytes([101])),
            ISO_2011,
            "quality block 1: score",
            id="iso-2011-quality-score-101",
        ),
        pytest.param(
            patched(GOLDEN_ISO_2011, 57, bytes([253])),
            ISO_2011,
            "minutia 1: quality must be in 0–100",
            id="iso-2011-minutia-quality-253",
        ),
        pytest.param(
            patched(TWO_VIEWS_2011, 15 + 51 + 31, b"\x01\x2d"),  # second width: 301
            ISO_2011,
            "must agree on image size",
            id="iso-2011-representations-disagree",
        ),
    ],
)
def test_strict_decoding_names_the_broken_rule(
    data: bytes, template_format: TemplateFormat, message: str
) -> None:
    with pytest.raises(TemplateFormatError, match=message):
        decode(data, template_format)


def test_lenient_decoding_still_applies_the_value_rules() -> None:
    with pytest.raises(TemplateFormatError, match="quality"):
        decode(patched(GOLDEN_ISO_2005, 33, bytes([101])), ISO_2005, strict=False)


def test_lenient_decoding_reads_an_iso_2011_representation_by_its_content() -> None:
    data = patched(GOLDEN_ISO_2011, 15, (52).to_bytes(4, "big"))

    assert decode(data, ISO_2011, strict=False) == decode(GOLDEN_ISO_2011, ISO_2011)


def test_trailing_bytes_after_the_declared_length_are_ignored() -> None:
    for template_format, data in GOLDEN.items():
        assert decode(data + bytes(7), template_format) == decode(data, template_format)


def test_an_iso_2011_record_with_fields_the_model_drops_decodes_to_what_it_keeps() -> None:
    data = bytes.fromhex(
        "464d5200 30333000 00000044 0001 01"  # length 68, one representation, certified
        "00000035"  # representation length 53
        "07e8 05 11 0c 1e 00 0000"  # captured 2024-05-17 12:30:00.000
        "02 1234 0042"  # device technology, vendor 0x1234, device type 0x042
        "02 3c 0101 0002 ff 0101 0003"  # quality blocks: 60 and "not computed"
        "01 0005 01"  # one certification block
        "02 01 00c5 00c5 01 01f4 01f4"  # right index, representation 1, rolled, 500 x 500 px
        "51 01"  # 5-byte minutiae (no quality), ridge ending type 1, one minutia
        "4064 000e 50"
        "0000"
    )

    record = decode(data, ISO_2011)

    assert record == MinutiaeRecord(
        width=500,
        height=500,
        x_resolution=197,
        y_resolution=197,
        capture_equipment_id=0x042,
        views=(
            FingerView(
                finger_position=2,
                view_number=1,
                impression_type=1,
                quality=60,
                minutiae=(Minutia(x=100, y=14, angle=112.5, kind=MinutiaKind.RIDGE_ENDING),),
            ),
        ),
    )


@pytest.mark.parametrize(
    ("quality_byte", "quality"),
    [
        pytest.param(254, 0, id="254-not-reported"),
        pytest.param(255, 0, id="255-not-computed"),
        pytest.param(0, 0, id="0"),
        pytest.param(100, 100, id="100"),
    ],
)
def test_iso_2011_minutia_quality_codes(quality_byte: int, quality: int) -> None:
    data = patched(GOLDEN_ISO_2011, 57, bytes([quality_byte]))

    assert decode(data, ISO_2011).views[0].minutiae[0].quality == quality


# Encoding validates the model.


@pytest.mark.parametrize(
    ("record", "message"),
    [
        pytest.param(
            make_record(views=(make_view(minutiae=(make_minutia(x=16384),)),)),
            r"minutia 1: x \(14 bits\) must be in 0–16383",
            id="x-over-14-bits",
        ),
        pytest.param(
            make_record(views=(make_view(minutiae=(make_minutia(y=-1),)),)),
            "y",
            id="negative-y",
        ),
        pytest.param(
            make_record(views=(make_view(minutiae=(make_minutia(angle=360.0),)),)),
            r"angle must be in \[0, 360\) degrees",
            id="angle-360",
        ),
        pytest.param(
            make_record(views=(make_view(minutiae=(make_minutia(angle=-0.5),)),)),
            "angle",
            id="negative-angle",
        ),
        pytest.param(
            make_record(views=(make_view(minutiae=(make_minutia(angle=math.nan),)),)),
            "angle",
            id="angle-nan",
        ),
        pytest.param(
            make_record(views=(make_view(minutiae=(make_minutia(quality=101),)),)),
            "minutia 1: quality",
            id="minutia-quality-101",
        ),
        pytest.param(make_record(views=(make_view(quality=101),)), "finger quality", id="q-101"),
        pytest.param(
            make_record(views=(make_view(finger_position=11),)), "finger position", id="pos-11"
        ),
        pytest.param(
            make_record(views=(make_view(minutiae=(make_minutia(),) * 256),)),
            "number of minutiae",
            id="256-minutiae",
        ),
        pytest.param(
            make_record(views=(make_view(extended_data=(ExtendedData(0, b""),)),)),
            "type code",
            id="extended-data-type-0",
        ),
        pytest.param(
            make_record(views=(make_view(extended_data=(ExtendedData(1, bytes(65532)),)),)),
            "extended data block length",
            id="extended-data-over-65535",
        ),
        pytest.param(make_record(width=65536), "image width", id="width-over-2-bytes"),
    ],
)
@pytest.mark.parametrize("template_format", MINUTIAE_FORMATS)
def test_encoding_rejects_values_the_format_cannot_hold(
    record: MinutiaeRecord, message: str, template_format: TemplateFormat
) -> None:
    with pytest.raises(TemplateFormatError, match=message):
        encode(record, template_format)


@pytest.mark.parametrize(
    ("record", "template_format", "message"),
    [
        pytest.param(
            make_record(views=(make_view(view_number=16),)), ISO_2005, "view number", id="view-16"
        ),
        pytest.param(
            make_record(views=(make_view(impression_type=16),)),
            ANSI_378,
            "impression type",
            id="impression-16",
        ),
        pytest.param(
            make_record(views=()), ISO_2011, "number of finger representations", id="no-views"
        ),
        pytest.param(
            make_record(capture_equipment_id=0x1000), ISO_2005, "capture equipment ID", id="id"
        ),
        pytest.param(
            make_record(capture_equipment_compliance=16), ANSI_378, "compliance", id="compliance"
        ),
        pytest.param(make_record(cbeff_product_owner=65536), ANSI_378, "CBEFF", id="cbeff"),
        pytest.param(make_record(views=(make_view(),) * 256), ISO_2005, "finger views", id="256"),
    ],
)
def test_encoding_rejects_values_a_particular_format_cannot_hold(
    record: MinutiaeRecord, template_format: TemplateFormat, message: str
) -> None:
    with pytest.raises(TemplateFormatError, match=message):
        encode(record, template_format)


def test_error_messages_name_the_rule_not_the_value() -> None:
    with pytest.raises(TemplateFormatError) as raised:
        encode(make_record(views=(make_view(minutiae=(make_minutia(x=12345 + 16384),)),)), ISO_2005)

    assert "28729" not in raised.value.message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "format identifier", id="empty"),
        pytest.param(b"FIR\x00 20\x00\x00\x00\x00\x2a", "format identifier", id="face-record"),
        pytest.param(b"FMR\x00 35\x00\x00\x00\x00\x2a", "version", id="unknown-version"),
        pytest.param(b"FMR\x00 20\x00\x00", "record length", id="no-length"),
    ],
)
def test_sniffing_rejects_what_is_no_finger_minutiae_record(data: bytes, message: str) -> None:
    with pytest.raises(TemplateFormatError, match=message):
        sniff_format(data)


def test_decoding_a_face_template_format_is_refused() -> None:
    with pytest.raises(TemplateFormatError, match="not a finger minutiae record format"):
        decode(GOLDEN_ISO_2005, TemplateFormat.DLIB_RESNET_128)


# Properties: encode then decode keeps the record up to angle quantisation; decode then
# encode gives back the same bytes; the header is always sniffed as its own format.

minutiae = st.builds(
    Minutia,
    x=st.integers(0, 16383),
    y=st.integers(0, 16383),
    angle=st.floats(0, 360, exclude_max=True, allow_nan=False),
    kind=st.sampled_from(MinutiaKind),
    quality=st.integers(0, 100),
)
extended_data_items = st.builds(
    ExtendedData, type_code=st.integers(1, 0xFFFF), data=st.binary(max_size=12)
)
finger_views = st.builds(
    FingerView,
    finger_position=st.integers(0, 10),
    view_number=st.integers(0, 15),
    impression_type=st.integers(0, 15),
    quality=st.integers(0, 100),
    minutiae=st.lists(minutiae, max_size=12).map(tuple),
    extended_data=st.lists(extended_data_items, max_size=3).map(tuple),
)


def records(min_views: int = 0) -> st.SearchStrategy[MinutiaeRecord]:
    return st.builds(
        MinutiaeRecord,
        width=st.integers(0, 0xFFFF),
        height=st.integers(0, 0xFFFF),
        x_resolution=st.integers(0, 0xFFFF),
        y_resolution=st.integers(0, 0xFFFF),
        views=st.lists(finger_views, min_size=min_views, max_size=3).map(tuple),
        capture_equipment_compliance=st.integers(0, 15),
        capture_equipment_id=st.integers(0, 0x0FFF),
        cbeff_product_owner=st.integers(0, 0xFFFF),
        cbeff_product_type=st.integers(0, 0xFFFF),
    )


any_format_and_record = st.sampled_from(MINUTIAE_FORMATS).flatmap(
    lambda template_format: st.tuples(
        st.just(template_format), records(min_views=1 if template_format == ISO_2011 else 0)
    )
)
PROPERTY = settings(max_examples=200, deadline=None)


def without_angles(record: MinutiaeRecord) -> MinutiaeRecord:
    views = tuple(
        replace(view, minutiae=tuple(replace(minutia, angle=0.0) for minutia in view.minutiae))
        for view in record.views
    )
    return replace(record, views=views)


def angle_gaps(first: MinutiaeRecord, second: MinutiaeRecord) -> list[float]:
    """Circular distance in degrees between corresponding minutiae of two records."""
    gaps = []
    for view, other_view in zip(first.views, second.views, strict=True):
        for minutia, other in zip(view.minutiae, other_view.minutiae, strict=True):
            gap = abs(minutia.angle - other.angle) % 360
            gaps.append(min(gap, 360 - gap))
    return gaps


def fields_the_format_keeps(
    record: MinutiaeRecord, template_format: TemplateFormat
) -> MinutiaeRecord:
    if template_format == ANSI_378:
        return record
    record = replace(record, cbeff_product_owner=0, cbeff_product_type=0)
    if template_format == ISO_2011:
        record = replace(record, capture_equipment_compliance=0)
    return record


@PROPERTY
@given(any_format_and_record)
def test_encode_then_decode_keeps_the_record_up_to_angle_quantisation(
    format_and_record: tuple[TemplateFormat, MinutiaeRecord],
) -> None:
    template_format, record = format_and_record

    decoded = decode(encode(record, template_format), template_format)

    assert without_angles(decoded) == without_angles(
        fields_the_format_keeps(record, template_format)
    )
    step = ANGLE_STEP_DEGREES[template_format]
    assert all(gap <= step / 2 + 1e-9 for gap in angle_gaps(decoded, record))
    assert all(
        (minutia.angle / step).is_integer() for view in decoded.views for minutia in view.minutiae
    )


@PROPERTY
@given(any_format_and_record)
def test_decode_then_encode_gives_identical_bytes(
    format_and_record: tuple[TemplateFormat, MinutiaeRecord],
) -> None:
    template_format, record = format_and_record
    data = encode(record, template_format)

    assert encode(decode(data, template_format), template_format) == data


@PROPERTY
@given(any_format_and_record, st.integers(0, 64))
def test_every_encoded_record_is_sniffed_as_its_format_even_when_padded(
    format_and_record: tuple[TemplateFormat, MinutiaeRecord], padding: int
) -> None:
    template_format, record = format_and_record

    assert sniff_format(encode(record, template_format) + bytes(padding)) == template_format
