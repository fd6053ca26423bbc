"""`limes watchlist`: import and export the SIS alerts, the SLTD copy and the ETIAS watchlist.

Files are JSON Lines, one alert or entry per line (docs/watchlists.md). `import` exits 0
when every row was stored, 1 when some were refused (each listed as `line N: code:
message`), and 2 when the file cannot be used at all. Importing and exporting need the
admin role, which the system actor holds; withdrawing and reviewing need the issuing
SIRENE Bureau or the entering party (`--token`).
"""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from limes.cli.operator import TokenOption, acting, open_services, print_json
from limes.core.errors import LimesError
from limes.watchlists.import_report import ImportProgress, ImportReport
from limes.watchlists.jsonl import to_line
from limes.watchlists.model import WatchlistKind

app = typer.Typer(
    help="SIS alerts, the SLTD copy and the ETIAS watchlist: import, export, list, withdraw.",
    no_args_is_help=True,
)

PURPOSE = "watchlist_management"
EXIT_ALL_STORED, EXIT_SOME_REFUSED = 0, 1

FileArgument = Annotated[Path, typer.Argument(help="A JSON Lines file (docs/watchlists.md).")]


class UnreadableFileError(LimesError):
    """The file cannot be read as UTF-8 text, or holds no row at all."""

    code = "watchlist.unreadable_file"


@app.command(name="import")
def import_file(file: FileArgument, token: TokenOption = None) -> None:
    """Store every valid row of FILE; list the refused rows with their line numbers."""
    total = _count_lines(file)
    services = open_services()
    actor = acting(services, token, PURPOSE)
    with (
        Progress(
            TextColumn("importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("lines"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        ) as progress,
        file.open(encoding="utf-8-sig") as lines,  # a byte order mark is not part of row 1
    ):
        task = progress.add_task("import", total=total)

        def advance(step: ImportProgress) -> None:
            progress.update(task, completed=step.lines_read)

        report = services.watchlists.import_lines(actor, lines, on_progress=advance)
    _print_report(report)
    raise typer.Exit(EXIT_ALL_STORED if report.complete else EXIT_SOME_REFUSED)


@app.command()
def export(
    file: Annotated[Path, typer.Argument(help="Where to write the JSON Lines file.")],
    token: TokenOption = None,
) -> None:
    """Write every alert and entry, withdrawn ones included, to FILE."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    written = 0
    with file.open("w", encoding="utf-8") as out:
        for line in services.watchlists.export(actor):
            out.write(line + "\n")
            written += 1
    typer.echo(f"exported {written} rows to {file}")


@app.command(name="list")
def list_records(
    kind: Annotated[WatchlistKind, typer.Option(help="Which list.")],
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    token: TokenOption = None,
) -> None:
    """Alerts or entries of one kind in identifier order, one JSON line each."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    for record in services.watchlists.list_records(actor, kind, limit=limit, offset=offset):
        typer.echo(to_line(record))


@app.command()
def withdraw(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The alert or entry id.")],
    reason: Annotated[str, typer.Option(help="Why: kept with the alert or entry.")],
    token: TokenOption = None,
) -> None:
    """Withdraw an alert or entry: it is kept, and no longer in force."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    record = services.watchlists.withdraw(actor, record_id, reason)
    typer.echo(f"withdrew {record.kind.value} {record.record_id}")


@app.command(name="review-due")
def review_due(token: TokenOption = None) -> None:
    """ETIAS watchlist entries due for their yearly accuracy review (art. 35)."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    print_json(
        [
            {
                "entry_id": entry.entry_id,
                "entered_by": entry.entered_by,
                "offence": entry.offence,
                "created_at": entry.created_at,
                "last_reviewed_at": entry.last_reviewed_at,
                "review_due_since": entry.review_due_since(),
            }
            for entry in services.watchlists.due_for_review(actor)
        ]
    )


def _count_lines(file: Path) -> int:
    """The number of lines, after checking the whole file is UTF-8 with at least one row."""
    lines = rows = 0
    try:
        with file.open("rb") as raw:
            for line in raw:
                lines += 1
                rows += bool(line.decode("utf-8").strip())
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFileError(
            f"cannot read the file as UTF-8 text ({type(error).__name__})"
        ) from None
    if not rows:
        raise UnreadableFileError("the file holds no rows")
    return lines


def _print_report(report: ImportReport) -> None:
    kinds = ", ".join(f"{kind.value} {count}" for kind, count in report.accepted.items())
    typer.echo(f"stored {report.stored} rows: {kinds}")
    if report.rejected:
        typer.echo(f"refused {len(report.rejected)} rows:")
        for rejection in report.rejected:
            typer.echo(str(rejection))
