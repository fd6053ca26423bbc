"""Input handling shared by the commands: dates given as options, and text from a file or stdin."""

import sys
from datetime import date
from pathlib import Path

import typer


def date_option(value: str | None, option: str, default: date) -> date:
    """The ISO date given for `option`, or `default`; a usage error (exit 2) when malformed."""
    if value is None:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter("expected a date YYYY-MM-DD", param_hint=option) from None


def read_source(source: str) -> str:
    """The UTF-8 text of file `source`, or of standard input for `-`.

    Raises OSError or UnicodeDecodeError; each command maps them to its own coded error.
    """
    if source == "-":
        return sys.stdin.read()
    return Path(source).read_text(encoding="utf-8")
