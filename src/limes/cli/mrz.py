"""`limes mrz`: read and validate machine-readable zones from a file or standard input."""

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Annotated, Any

import typer

from limes.cli.options import date_option, read_source
from limes.core.errors import LimesError
from limes.core.mrz.model import MachineReadableZone, MrzDate
from limes.core.mrz.reader import read_mrz

app = typer.Typer(
    help="Read and validate travel documents' machine-readable zones (ICAO Doc 9303).",
    no_args_is_help=True,
)

EXIT_ALL_VALID, EXIT_SOME_INVALID = 0, 1


class UnreadableInputError(LimesError):
    """The input file cannot be read as text, or holds no MRZ at all."""

    code = "mrz.unreadable_input"


def split_blocks(lines: Iterable[str]) -> Iterator[list[str]]:
    """MRZs as lists of lines; blank lines separate them. Only line endings are stripped."""
    block: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _iso(value: MrzDate | None) -> str | None:
    resolved = value.as_date() if value else None
    return resolved.isoformat() if resolved else None


def mrz_record(mrz: MachineReadableZone, on: date) -> dict[str, Any]:
    """The JSON object `limes mrz parse` prints for one MRZ (keys in docs/mrz.md)."""
    return {
        "valid": mrz.valid,
        "format": mrz.format.value if mrz.format else None,
        "document_type": mrz.document_type.value if mrz.document_type else None,
        "document_code": mrz.document_code,
        "issuing_state": mrz.issuing_state,
        "surname": mrz.surname,
        "given_names": mrz.given_names,
        "name_possibly_truncated": mrz.name_possibly_truncated,
        "document_number": mrz.document_number,
        "document_number_check_basis": (
            mrz.document_number_check_basis.value if mrz.document_number_check_basis else None
        ),
        "nationality": mrz.nationality,
        "birth_date_raw": mrz.birth_date.raw if mrz.birth_date else None,
        "birth_date": _iso(mrz.birth_date),
        "sex": mrz.sex,
        "expiry_date_raw": mrz.expiry_date.raw if mrz.expiry_date else None,
        "expiry_date": _iso(mrz.expiry_date),
        "expired": mrz.is_expired(on),
        "optional_data": mrz.optional_data,
        "optional_data_2": mrz.optional_data_2,
        "check_digits": {result.field: result.valid for result in mrz.check_digits},
        "problems": [
            {"code": p.code, "line": p.line, "position": p.position, "message": p.message}
            for p in mrz.problems
        ],
        "repairs": [
            {
                "line": r.line,
                "position": r.position,
                "field": r.field,
                "from": r.original,
                "to": r.replacement,
                "verified": r.verified,
            }
            for r in mrz.repairs
        ],
    }


def _read_text(source: str) -> list[str]:
    try:
        return read_source(source).splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableInputError(
            f"cannot read {source!r} as UTF-8 text ({type(error).__name__})"
        ) from None


@app.command()
def parse(
    source: Annotated[
        str,
        typer.Argument(help="File with one or more MRZs separated by blank lines; - for stdin."),
    ] = "-",
    repair: Annotated[
        bool,
        typer.Option(help="Undo OCR confusions (O/0, I/1, B/8 …) where check digits prove them."),
    ] = False,
    on: Annotated[
        str | None,
        typer.Option(help="Reference date (YYYY-MM-DD) for the century of dates; default today."),
    ] = None,
) -> None:
    """Print one JSON object per MRZ, in input order.

    Exit code 0 when every MRZ is valid, 1 when any is invalid, 2 when the input is unreadable.
    """
    reference = date_option(on, "--on", default=date.today())
    blocks = list(split_blocks(_read_text(source)))
    if not blocks:
        raise UnreadableInputError("no MRZ found in the input")
    all_valid = True
    for block in blocks:
        mrz = read_mrz(block, on=reference, repair=repair)
        all_valid &= mrz.valid
        typer.echo(json.dumps(mrz_record(mrz, reference), ensure_ascii=False))
    raise typer.Exit(EXIT_ALL_VALID if all_valid else EXIT_SOME_INVALID)
