"""`limes users add`: create a named user with roles and print their first API token once."""

from typing import Annotated

import typer

from limes.access.model import Role
from limes.cli.operator import TokenOption, acting, open_services

app = typer.Typer(help="Named users, their roles and API tokens.", no_args_is_help=True)


@app.command()
def add(
    name: Annotated[str, typer.Argument(help="User name: letters, digits, '-' or '_'.")],
    role: Annotated[list[Role], typer.Option(help="A role; repeat for several.")],
    authority: Annotated[str, typer.Option(help="The authority the user acts for.")],
    state: Annotated[str, typer.Option(help="Member State the user works for (ISO alpha-3).")],
    token: TokenOption = None,
) -> None:
    """Create a user; the API token goes to standard output and is never shown again."""
    services = open_services()
    actor = acting(services, token, "administration")
    user, new_token = services.users.add_user(
        name, role, authority=authority, state=state, actor=actor
    )
    roles = ", ".join(sorted(user.roles))
    typer.echo(f"user {user.name} created with roles {roles}; the token is shown once:", err=True)
    typer.echo(new_token)
