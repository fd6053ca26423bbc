"""`limes audit verify`: prove the audit log untouched by replaying its hash chain."""

import typer

from limes.cli.operator import TokenOption, acting, open_services

EXIT_BROKEN = 1

app = typer.Typer(help="The append-only, hash-chained audit log.", no_args_is_help=True)


@app.command()
def verify(token: TokenOption = None) -> None:
    """Exit 0 when every entry fits the chain; 1 with the first broken sequence number."""
    services = open_services()
    verdict = services.audit.verify(acting(services, token, "audit"))
    if verdict.intact:
        typer.echo(
            f"audit log intact: {verdict.entries_checked} entries, head {verdict.head_digest}"
        )
        return
    typer.echo(
        f"audit log broken at entry {verdict.broken_at}: {verdict.problem} "
        f"({verdict.entries_checked} entries before it are intact)"
    )
    raise typer.Exit(EXIT_BROKEN)
