"""`limes demo`: the seeded EES API on localhost; `--offline`: bundled passports and stays."""

import json
from datetime import date
from importlib import resources
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from limes.cli.live_demo import run_live_demo, stop_server
from limes.cli.options import date_option
from limes.cli.stay import history_from_travels, stay_table
from limes.core.countries import country_name
from limes.core.mrz.model import MachineReadableZone
from limes.core.mrz.reader import read_mrz
from limes.core.stay import stay_position


def _load_examples() -> dict[str, Any]:
    text = resources.files("limes").joinpath("examples/travellers.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _masked(number: str) -> str:
    """Show a document number the way a console shows it to bystanders: ends only."""
    return number[:2] + "•" * max(0, len(number) - 4) + number[-2:] if len(number) > 4 else "••••"


def _document_table(mrz: MachineReadableZone, on: date) -> Table:
    table = Table(title="Travel document (MRZ)", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    kind = mrz.document_type.value if mrz.document_type else "unknown"
    table.add_row("Layout", f"{mrz.format.value if mrz.format else 'not recognised'} ({kind})")
    table.add_row("Name", f"{mrz.surname}, {mrz.given_names}")
    nationality = mrz.nationality or ""
    table.add_row("Nationality", f"{nationality} ({country_name(nationality) or 'unknown'})")
    birth = mrz.birth_date.as_date() if mrz.birth_date else None
    table.add_row("Born", birth.isoformat() if birth else "unknown")
    table.add_row("Document number", _masked(mrz.document_number or ""))
    expiry = mrz.expiry_date.as_date() if mrz.expiry_date else None
    expired = " [red](expired)[/red]" if mrz.is_expired(on) else ""
    table.add_row("Valid until", (expiry.isoformat() if expiry else "no expiry date") + expired)
    verdicts = ", ".join(
        f"{check.field.replace('_', ' ')} {'✓' if check.valid else '✗'}"
        for check in mrz.check_digits
    )
    table.add_row("Check digits", verdicts)
    table.add_row(
        "MRZ", "[green]valid[/green]" if mrz.valid else f"[red]{len(mrz.problems)} problem(s)[/red]"
    )
    for repair in mrz.repairs:
        table.add_row(
            "OCR repair",
            f"line {repair.line} position {repair.position} ({repair.field.replace('_', ' ')}): "
            f"{repair.original} → {repair.replacement}",
        )
    return table


def demo(
    offline: Annotated[
        bool,
        typer.Option(
            "--offline",
            help="Only read the bundled passports and explain their 90/180 positions.",
        ),
    ] = False,
    stop: Annotated[bool, typer.Option("--stop", help="Stop the demo API server.")] = False,
    travellers: Annotated[
        int, typer.Option(min=0, help="How many synthetic travellers to seed.")
    ] = 10_000,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port for the API.")] = 8000,
    on: Annotated[
        str | None,
        typer.Option(help="With --offline: date to compute for (YYYY-MM-DD)."),
    ] = None,
) -> None:
    """Seed an EES in .demo/ and serve its API on localhost, printing a token and curl lines."""
    if stop:
        if not stop_server(Console()):
            typer.echo("no demo API server is running")
        return
    if offline:
        offline_demo(on)
        return
    run_live_demo(travellers, port)


def offline_demo(on: str | None) -> None:
    """Read the bundled example passports and explain each holder's 90/180 position."""
    examples = _load_examples()
    control = date_option(on, "--on", default=date.fromisoformat(examples["on"]))
    console = Console()
    console.rule("[bold]Limes demo: machine-readable zones and the Schengen 90/180 rule")
    console.print(examples["about"], style="dim")
    for number, traveller in enumerate(examples["travellers"], start=1):
        console.print()
        console.rule(f"[bold]{number}. {traveller['label']}")
        mrz = read_mrz(traveller["mrz"], on=control, repair=traveller.get("repair", False))
        console.print(_document_table(mrz, control))
        history = history_from_travels(traveller["stays"])
        planned = traveller.get("planned_entry")
        entry = date.fromisoformat(planned) if planned else None
        console.print(stay_table(stay_position(history, control, entry), history.is_open))
    console.print()
    console.print(
        "Next: [bold]limes mrz parse FILE[/bold] reads your own MRZs; "
        "[bold]limes stay check --stay FROM:TO[/bold] computes a stay. See README.md."
    )
