"""`limes mid`: the Multiple-Identity Detector's verification queue, link files, resolution.

Resolving needs a user of the responsible authority (`--token`): the system actor
belongs to no Member State, so it can read statistics but verifies no link.
"""

from typing import Annotated

import typer

from limes.cli.operator import TokenOption, acting, open_services, print_json
from limes.interop.model import LinkColour

app = typer.Typer(help="Multiple-identity links: the yellow-link queue, resolution, statistics.")

PURPOSE = "identity_verification"


@app.command()
def queue(
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
    token: TokenOption = None,
) -> None:
    """Yellow links your authority must verify, earliest deadline first."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    print_json(services.mid.queue(actor, limit=limit))


@app.command()
def show(link_id: str, token: TokenOption = None) -> None:
    """A link's identity confirmation file (with both records for its verifier)."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    print_json(services.mid.link_file(link_id, actor))


@app.command()
def resolve(
    link_id: str,
    colour: Annotated[str, typer.Option(help="white (same person), green or red.")],
    reason: Annotated[str, typer.Option(help="Why: kept in the identity confirmation file.")],
    token: TokenOption = None,
) -> None:
    """Verify a yellow link (or correct a red one) with a reason."""
    if colour not in {"white", "green", "red"}:
        raise typer.BadParameter("white, green or red", param_hint="--colour")
    services = open_services()
    actor = acting(services, token, PURPOSE)
    print_json(services.mid.resolve(link_id, LinkColour(colour), reason, actor))


@app.command()
def statistics(token: TokenOption = None) -> None:
    """Links per colour; how long yellow and red links stayed."""
    services = open_services()
    actor = acting(services, token, "statistics")
    print_json(services.mid.statistics(actor))
