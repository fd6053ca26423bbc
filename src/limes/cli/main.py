"""The `limes` command: one Typer app, one sub-app per system."""

import sys

import typer

from limes.cli import (
    audit,
    biometrics,
    db,
    demo,
    ees,
    etias,
    mid,
    mrz,
    screening,
    seed,
    serve,
    stay,
    users,
    watchlist,
)
from limes.core.errors import LimesError

EXIT_INPUT_ERROR = 2

app = typer.Typer(
    name="limes",
    help=(
        "Limes: an open implementation of the EU border management IT stack.\n\n"
        "Read travel documents' machine-readable zones (ICAO 9303), compute the Schengen "
        "90/180-day short-stay rule, and run the Entry/Exit System with its HTTP API. "
        "Commands that use the database read LIMES_DATABASE_URL (default sqlite:///limes.db)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(mrz.app, name="mrz")
app.add_typer(stay.app, name="stay")
app.add_typer(db.app, name="db")
app.add_typer(users.app, name="users")
app.add_typer(ees.app, name="ees")
app.add_typer(audit.app, name="audit")
app.add_typer(biometrics.app, name="biometrics")
app.add_typer(mid.app, name="mid")
app.add_typer(watchlist.app, name="watchlist")
app.add_typer(screening.app, name="screening")
app.add_typer(etias.app, name="etias")
app.command(name="seed")(seed.seed)
app.command(name="serve")(serve.serve)
app.command(name="demo")(demo.demo)


def run() -> None:
    """Entry point: runs the app and turns Limes errors into exit code 2 with a clear message."""
    try:
        app()
    except LimesError as error:
        details = error.details() or []
        reasons = ", ".join(str(detail["type"]) for detail in details)
        typer.echo(f"error [{error.code}]: {error.message}", err=True)
        if reasons:
            typer.echo(f"reasons: {reasons}", err=True)
        sys.exit(EXIT_INPUT_ERROR)
