"""Who runs a command and on which store: services from the settings, the acting user.

Whoever runs the CLI on the server holds the database, so by default commands act as the
`system` actor; `--token` (or LIMES_TOKEN) acts as a named user with that user's roles,
and the audit log records that user instead.
"""

import json
from dataclasses import replace
from datetime import date, datetime
from typing import Annotated

import typer

from limes.access.model import Actor
from limes.access.service import SYSTEM
from limes.bootstrap import Services, build_services
from limes.cli.options import date_option
from limes.core.dataclass_json import to_jsonable
from limes.settings import Settings

TokenOption = Annotated[
    str | None,
    typer.Option(
        "--token",
        envvar="LIMES_TOKEN",
        show_envvar=True,
        help="Act as the user holding this API token (default: the system actor).",
    ),
]


def open_services() -> Services:
    """Services on the store LIMES_DATABASE_URL names."""
    return build_services(Settings())


def acting(services: Services, token: str | None, purpose: str) -> Actor:
    """The actor for this command: the token's user, or the system actor."""
    if token:
        return services.users.authenticate(token, purpose)
    return replace(SYSTEM, purpose=purpose)


def day(value: str, option: str) -> date:
    """The ISO date given for a required `option`; a usage error (exit 2) when malformed."""
    return date_option(value, option, default=date.min)  # `value` is given: no default


def instant_option(value: str | None, option: str) -> datetime | None:
    """An ISO 8601 instant with its UTC offset; a usage error (exit 2) when malformed."""
    if value is None:
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter("expected an ISO 8601 date and time", param_hint=option) from None
    if at.tzinfo is None:
        raise typer.BadParameter("give the UTC offset, e.g. +01:00 or Z", param_hint=option)
    return at


def print_json(value: object) -> None:
    """One JSON document on standard output."""
    typer.echo(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2))
