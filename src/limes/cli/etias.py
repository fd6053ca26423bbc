"""`limes etias`: apply and follow an application, work the Central and National Unit
queues, decide, revoke, and ask as a carrier or a border guard.

`apply` and `status` act for the applicant, as the public website does. Officers' commands
act as the user holding `--token` (or LIMES_TOKEN): a decision names who took it, and a
National Unit sees its own Member State's cases. Without a token the system actor acts:
it may ask the carrier and border queries and read the fairness report, and `rescreen`
runs as the ETIAS Central System. Files are the JSON bodies of the API (etias_files.py).
Carrier queries exit 0 for OK and 1 for NOT_OK; coded errors exit 2.
"""

from pathlib import Path
from typing import Annotated, Final

import typer

from limes.access.errors import ForbiddenError
from limes.access.model import Actor, Role
from limes.api.etias_forms import ApplicationFormBody
from limes.cli import etias_oversight
from limes.cli.etias_files import load, read_text
from limes.cli.etias_render import (
    border_lines,
    case_lines,
    decided_lines,
    status_lines,
    summary_line,
)
from limes.cli.operator import TokenOption, acting, day, open_services, print_json
from limes.etias.answers import CarrierAnswer
from limes.etias.model import (
    CheckKind,
    Decision,
    DecisionKind,
    Flag,
    FlagKind,
    HitStatus,
    RefusalGround,
)
from limes.etias.service_base import CENTRAL_SYSTEM_ACTOR

app = typer.Typer(
    help="ETIAS: applications, the Central and National Unit queues, decisions, carrier and "
    "border queries, screening rules, impact and fairness reports.",
    no_args_is_help=True,
)
app.add_typer(etias_oversight.rules, name="rules")
app.command()(etias_oversight.impact)
app.command()(etias_oversight.fairness)

PURPOSE = "etias_case_handling"
EXIT_OK, EXIT_NOT_OK = 0, 1
CLI_APPLICANT: Final = Actor(
    user_name="etias-cli",
    roles=frozenset({Role.APPLICANT}),
    authority="limes CLI",
    state="",
    purpose="etias_application",
)

ApplicationId = Annotated[str, typer.Argument(metavar="ID", help="The application's id.")]
Reason = Annotated[str, typer.Option(help="The statement of reasons, kept on the case.")]
Grounds = Annotated[
    list[RefusalGround], typer.Option("--ground", help="A ground (art. 37); repeat for several.")
]


def _echo(lines: list[str]) -> None:
    for line in lines:
        typer.echo(line)


@app.command()
def apply(
    file: Annotated[
        Path, typer.Argument(help="The form as JSON (src/limes/examples/etias_application.json).")
    ],
) -> None:
    """Submit an application; print its id, status and, if issued, the authorisation."""
    form = load(ApplicationFormBody, file).to_domain(ip_address="")
    services = open_services()
    _echo(status_lines(services.etias.submit(form, CLI_APPLICANT)))


@app.command()
def status(
    application_id: ApplicationId,
    document: Annotated[str, typer.Option(help="The travel document number applied with.")],
) -> None:
    """The applicant's view of an application: status, authorisation, questions, grounds."""
    services = open_services()
    _echo(status_lines(services.etias.status(CLI_APPLICANT, application_id, document)))


@app.command()
def queue(
    central: Annotated[bool, typer.Option("--central", help="The Central Unit's queue.")] = False,
    national: Annotated[bool, typer.Option("--national", help="A National Unit's queue.")] = False,
    state: Annotated[
        str | None, typer.Option(help="With --national: the state, which must be yours.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
    token: TokenOption = None,
) -> None:
    """Cases waiting for you, the nearest deadline first, one line each."""
    if central == national:
        raise typer.BadParameter("give --central or --national", param_hint="--central")
    services = open_services()
    actor = acting(services, token, PURPOSE)
    if central:
        files = services.etias.central_unit_queue(actor, limit=limit)
    else:
        if state is not None and state != actor.state:
            raise ForbiddenError("a National Unit reads the queue of its own Member State")
        files = services.etias.national_unit_queue(actor, limit=limit)
    _echo([summary_line(file) for file in files])


@app.command()
def case(
    application_id: ApplicationId,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole file as JSON.")] = False,
    token: TokenOption = None,
) -> None:
    """The case file: status, hits with their evidence and explanations, decisions."""
    services = open_services()
    file = services.etias.case(acting(services, token, PURPOSE), application_id)
    if as_json:
        print_json(file)
    else:
        _echo(case_lines(file))


@app.command(name="verify-hit")
def verify_hit(
    application_id: ApplicationId,
    hit_id: Annotated[str, typer.Argument(metavar="HIT", help="The hit's id (see `case`).")],
    verdict: Annotated[str, typer.Option("--status", help="confirmed, false or doubtful.")],
    reason: Reason,
    token: TokenOption = None,
) -> None:
    """The Central Unit's verdict on a hit; the last verdict moves the case on."""
    if verdict not in {"confirmed", "false", "doubtful"}:
        raise typer.BadParameter("confirmed, false or doubtful", param_hint="--status")
    services = open_services()
    actor = acting(services, token, PURPOSE)
    file = services.etias.verify_hit(actor, application_id, hit_id, HitStatus(verdict), reason)
    typer.echo(summary_line(file))


def _flag(text: str) -> Flag:
    """`second_line_check`, `no_risk`, or `hit_verified_false:<check>`."""
    kind, _, check = text.partition(":")
    try:
        return Flag(kind=FlagKind(kind), check=CheckKind(check) if check else None)
    except ValueError:
        raise typer.BadParameter(
            "second_line_check, no_risk or hit_verified_false:<check>", param_hint="--flag"
        ) from None


def _decision(
    issue: bool,
    refuse: list[RefusalGround],
    revoke: list[RefusalGround],
    flags: list[Flag],
    ltv: str | None,
    reason: str,
) -> Decision:
    chosen = [issue or (bool(flags) and not ltv), bool(refuse), bool(revoke), bool(ltv)]
    if sum(chosen) != 1:
        raise typer.BadParameter(
            "give one of --issue (with or without --flag), --refuse, --revoke, --ltv",
            param_hint="--issue",
        )
    if refuse:
        return Decision.refuse(*refuse, reason=reason)
    if revoke:
        return Decision(kind=DecisionKind.REVOKE, grounds=tuple(revoke), reason=reason)
    if ltv:
        states = tuple(s.strip().upper() for s in ltv.split(",") if s.strip())
        return Decision.limited_territorial_validity(states, flags=tuple(flags), reason=reason)
    if flags:
        return Decision.issue_with_flags(*flags, reason=reason)
    return Decision.issue(reason)


@app.command()
def decide(
    application_id: ApplicationId,
    issue: Annotated[bool, typer.Option("--issue", help="Issue (in a review: keep).")] = False,
    refuse: Annotated[
        list[RefusalGround] | None, typer.Option("--refuse", help="Refuse on this ground.")
    ] = None,
    revoke: Annotated[
        list[RefusalGround] | None,
        typer.Option("--revoke", help="In a revocation review: revoke on this ground."),
    ] = None,
    flag: Annotated[
        list[str] | None,
        typer.Option(
            help="Issue with this flag: second_line_check, no_risk or "
            "hit_verified_false:<check>; repeatable."
        ),
    ] = None,
    ltv: Annotated[
        str | None, typer.Option(help="Limited territorial validity: states, comma-separated.")
    ] = None,
    reason: Reason = "",
    token: TokenOption = None,
) -> None:
    """The National Unit's decision (art. 36-37, 44), or a revocation review's outcome."""
    decision = _decision(
        issue, refuse or [], revoke or [], [_flag(f) for f in flag or []], ltv, reason
    )
    services = open_services()
    file = services.etias.decide(acting(services, token, PURPOSE), application_id, decision)
    _echo(decided_lines(file))


@app.command(name="revoke")
def revoke_authorisation(
    number: Annotated[str, typer.Argument(help="The travel authorisation number (TA-…).")],
    ground: Grounds,
    reason: Reason,
    token: TokenOption = None,
) -> None:
    """Revoke an authorisation whose conditions are no longer met (art. 41(1))."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    typer.echo(summary_line(services.etias.revoke(actor, number, ground, reason=reason)))


@app.command(name="annul")
def annul_authorisation(
    number: Annotated[str, typer.Argument(help="The travel authorisation number (TA-…).")],
    ground: Grounds,
    reason: Reason,
    token: TokenOption = None,
) -> None:
    """Annul an authorisation whose conditions were not met when issued (art. 40)."""
    services = open_services()
    actor = acting(services, token, PURPOSE)
    typer.echo(summary_line(services.etias.annul(actor, number, ground, reason=reason)))


@app.command()
def rescreen(
    source: Annotated[
        list[str] | None,
        typer.Option(
            help="Only this source (sis_persons, travel_documents, etias_watchlist, "
            "ees); repeatable."
        ),
    ] = None,
    token: TokenOption = None,
) -> None:
    """Check every valid authorisation against the sources again (art. 41(3)-(4))."""
    services = open_services()
    actor = acting(services, token, PURPOSE) if token else CENTRAL_SYSTEM_ACTOR
    report = services.etias.rescreen(actor, sources=source or None)
    typer.echo(
        f"checked {report.checked}, reviews opened {len(report.reviews_opened)}, "
        f"notifications {report.notifications}"
    )
    _echo([f"review: {application_id}" for application_id in report.reviews_opened])


@app.command()
def overdue(token: TokenOption = None) -> None:
    """Your cases past their deadline, the longest overdue first."""
    services = open_services()
    _echo([summary_line(f) for f in services.etias.overdue(acting(services, token, PURPOSE))])


@app.command(name="carrier-query")
def carrier_query(
    document: Annotated[str, typer.Option(help="The travel document number.")],
    issuing_state: Annotated[str, typer.Option(help="The issuing state (alpha-3).")],
    nationality: Annotated[str, typer.Option(help="The traveller's nationality (alpha-3).")],
    travel_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD; default today.")] = None,
    state_of_entry: Annotated[
        str | None, typer.Option(help="For a limited territorial validity.")
    ] = None,
    token: TokenOption = None,
) -> None:
    """OK or NOT_OK, nothing more (art. 45); exit 0 for OK, 1 for NOT_OK."""
    services = open_services()
    actor = acting(services, token, "carrier_check")
    on = services.clock.now().date() if travel_date is None else day(travel_date, "--travel-date")
    answer = services.etias.carrier_query(
        actor, document, issuing_state, nationality, travel_date=on, state_of_entry=state_of_entry
    )
    typer.echo(answer.value)
    raise typer.Exit(EXIT_OK if answer is CarrierAnswer.OK else EXIT_NOT_OK)


@app.command(name="border-query")
def border_query(
    source: Annotated[
        str, typer.Argument(help="A file with the MRZ lines; - (default) for stdin.")
    ] = "-",
    token: TokenOption = None,
) -> None:
    """The travel authorisation for a scanned document, as it applies to your state (art. 47)."""
    lines = [line.strip() for line in read_text(source).splitlines() if line.strip()]
    services = open_services()
    answer = services.etias.border_query(acting(services, token, "border_check"), lines)
    _echo(border_lines(answer))
