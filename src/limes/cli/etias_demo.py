"""The ETIAS part of `limes demo`: the sample watchlist, ETIAS officers, and curl lines.

The demo imports the bundled sample of SIS alerts, SLTD records and ETIAS watchlist
entries (fictitious people; `limes/examples/watchlist.jsonl`), adds a Central Unit and a
Dutch National Unit officer and a carrier, and prints how to apply (no account needed),
how an applicant whose name is on an alert lands in the Central Unit's queue, and what a
carrier sees.
"""

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import typer

from limes.access.model import Role
from limes.access.service import SYSTEM
from limes.bootstrap import Services


@dataclass(frozen=True, slots=True)
class EtiasDemo:
    imported: int
    central_unit_token: str
    national_unit_token: str
    carrier_token: str


def _example(name: str) -> str:
    return resources.files("limes").joinpath(f"examples/{name}").read_text("utf-8")


def application_form() -> dict[str, Any]:
    """The bundled example form: a fictitious Canadian, on no list."""
    form: dict[str, Any] = json.loads(_example("etias_application.json"))
    return form


def listed_application_form() -> dict[str, Any]:
    """The example form with the name and birth date of an SIS refusal alert in the sample
    (written "Quillfeather, Ada Marit" in SIS; applied for as "QUILLFEATHER Ada")."""
    form = application_form()
    form.update(
        surname="QUILLFEATHER",
        first_names="Ada",
        surname_at_birth="",
        date_of_birth="1979-04-12",
        email="ada.q@example.com",
    )
    form["travel_document"] = {**form["travel_document"], "number": "DEMO00003"}
    return form


def prepare_etias(services: Services) -> EtiasDemo:
    report = services.watchlists.import_lines(SYSTEM, _example("watchlist.jsonl").splitlines())
    _, central = services.users.add_user(
        "demo-etias-cu", [Role.ETIAS_CENTRAL_UNIT], authority="ETIAS Central Unit", state="EUE"
    )
    _, national = services.users.add_user(
        "demo-etias-nu", [Role.ETIAS_UNIT], authority="ETIAS National Unit NL", state="NLD"
    )
    _, carrier = services.users.add_user(
        "demo-carrier", [Role.CARRIER], authority="Example Airlines", state="NLD"
    )
    return EtiasDemo(report.stored, central, national, carrier)


def print_etias_instructions(base: str, demo: EtiasDemo) -> None:
    typer.echo(
        f"\nETIAS: {demo.imported} sample SIS alerts, SLTD records and watchlist entries were "
        "imported. Apply for a travel authorisation (no account needed):\n"
    )
    typer.echo(_post(f"{base}/etias/applications", application_form()))
    typer.echo(
        "\nAn applicant whose name and birth date are on an SIS alert goes to the Central "
        "Unit instead:\n"
    )
    typer.echo(_post(f"{base}/etias/applications", listed_application_form()))
    typer.echo("\nThe Central Unit's queue, with each hit's evidence at /etias/applications/ID:\n")
    typer.echo(
        f'curl -s {base}/etias/central-unit/queue -H "Authorization: Bearer '
        f'{demo.central_unit_token}"'
    )
    typer.echo("\nWhat a carrier sees (OK / NOT_OK only):\n")
    carrier_query = {
        "document": {"issuing_state": "CAN", "number": "DEMO00002"},
        "nationality": "CAN",
    }
    typer.echo(_post(f"{base}/etias/carrier-query", carrier_query, demo.carrier_token))
    typer.echo(f"\nNational Unit token (demo-etias-nu, NLD): {demo.national_unit_token}")


def _post(url: str, body: object, token: str | None = None) -> str:
    auth = f'-H "Authorization: Bearer {token}" ' if token else ""
    return (
        f"curl -s -X POST {url} \\\n"
        f'  {auth}-H "Content-Type: application/json" \\\n'
        f"  -d '{json.dumps(body)}'"
    )
