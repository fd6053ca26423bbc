"""`limes etias rules|impact|fairness`: the screening rules (art. 33), the impact of a
proposed rule or watchlist entry (art. 35(1)(b)) and the fairness report (art. 10, 33(5)).

Rules are kept by the Central Unit and impact assessments made by the units or Europol:
both need `--token`. The fairness report is open to statisticians, supervisors, auditors
and the system actor. `--html PATH` also writes a self-contained page with bar charts.
"""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from limes.api.etias_oversight import ScreeningRuleCreate, entry_proposal
from limes.api.watchlist_schemas import WatchlistEntryCreate
from limes.cli.etias_files import load
from limes.cli.etias_html import fairness_page, impact_page
from limes.cli.etias_render import fairness_tables, impact_tables, rule_line
from limes.cli.operator import TokenOption, acting, open_services

rules = typer.Typer(
    help="Screening rules (art. 33): list, add, history, withdraw.", no_args_is_help=True
)

RULES_PURPOSE = "etias_screening_rules"
RuleFile = Annotated[
    Path,
    typer.Argument(
        help="JSON as POST /api/v1/etias/screening-rules takes: rule_id?, risk, conditions, reason."
    ),
]
HtmlOption = Annotated[
    Path | None, typer.Option("--html", help="Also write a self-contained HTML report here.")
]


def _print(tables: list[Table]) -> None:
    console = Console()
    for table in tables:
        console.print(table)


@rules.command(name="list")
def list_rules(token: TokenOption = None) -> None:
    """The rules in force: the latest active version of each."""
    services = open_services()
    actor = acting(services, token, RULES_PURPOSE)
    for rule in services.etias.screening_rules(actor):
        typer.echo(rule_line(rule))


@rules.command()
def add(file: RuleFile, token: TokenOption = None) -> None:
    """Add a risk indicator from FILE (version 1); art. 33(4)-(5) violations are refused."""
    body = load(ScreeningRuleCreate, file)
    services = open_services()
    actor = acting(services, token, RULES_PURPOSE)
    rule = services.etias.add_screening_rule(
        actor,
        risk=body.risk,
        conditions=[c.to_domain() for c in body.conditions],
        reason=body.reason,
        rule_id=body.rule_id,
    )
    typer.echo(rule_line(rule))


@rules.command()
def history(rule_id: str, token: TokenOption = None) -> None:
    """Every version of one rule, oldest first."""
    services = open_services()
    actor = acting(services, token, RULES_PURPOSE)
    for rule in services.etias.screening_rule_history(actor, rule_id):
        typer.echo(rule_line(rule))


@rules.command()
def withdraw(
    rule_id: str,
    reason: Annotated[str, typer.Option(help="Why: kept with the new version.")],
    token: TokenOption = None,
) -> None:
    """Withdraw a rule: a new, inactive version."""
    services = open_services()
    actor = acting(services, token, RULES_PURPOSE)
    rule = services.etias.change_screening_rule(actor, rule_id, reason=reason, active=False)
    typer.echo(rule_line(rule))


def impact(
    rule: Annotated[Path | None, typer.Option(help="A proposed screening rule (JSON).")] = None,
    entry: Annotated[
        Path | None,
        typer.Option(help="A proposed watchlist entry (JSON, as POST /watchlist/entries)."),
    ] = None,
    html: HtmlOption = None,
    token: TokenOption = None,
) -> None:
    """What a proposed rule or watchlist entry would do to the stored applications."""
    if (rule is None) == (entry is None):
        raise typer.BadParameter("give either --rule FILE or --entry FILE", param_hint="--rule")
    services = open_services()
    actor = acting(services, token, "etias_impact_assessment")
    now = services.clock.now()
    if rule is not None:
        proposal = load(ScreeningRuleCreate, rule).proposal(actor.user_name, now)
        report = services.etias.impact_assessment(actor, proposal)
        described = f"screening rule from {rule.name}"
    else:
        assert entry is not None
        source = entry_proposal(load(WatchlistEntryCreate, entry), actor, now)
        report = services.etias.impact_assessment(actor, source)
        described = f"watchlist entry from {entry.name}"
    _print(impact_tables(report))
    if html is not None:
        html.write_text(impact_page(report, described), encoding="utf-8")
        typer.echo(f"wrote {html}")


def fairness(html: HtmlOption = None, token: TokenOption = None) -> None:
    """Outcomes by nationality, sex and age band, cells under five suppressed."""
    services = open_services()
    actor = acting(services, token, "statistics")
    report = services.etias.fairness_report(actor)
    _print(fairness_tables(report))
    if html is not None:
        html.write_text(fairness_page(report), encoding="utf-8")
        typer.echo(f"wrote {html}")
