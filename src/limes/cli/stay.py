"""`limes stay`: the Schengen 90/180-day short-stay rule for a file of cases or one traveller."""

import json
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.table import Table

from limes.cli.options import date_option, read_source
from limes.core.errors import LimesError
from limes.core.presence import InvalidQueryError, PresenceHistory, Stay
from limes.core.short_stay_visa import ShortStayVisa, check_visa_entry
from limes.core.stay import (
    MAX_STAY_DAYS,
    WINDOW_DAYS,
    StayPosition,
    check_stay,
    days_used,
    earliest_entry,
    latest_exit_if_staying,
    max_stay,
    overstay,
    stay_position,
    window,
)

app = typer.Typer(
    help=(
        "The Schengen short-stay rule: at most 90 days in any 180-day period (Schengen Borders "
        "Code art. 6). Days used, days remaining, overstay, and how long a stay may last."
    ),
    no_args_is_help=True,
)

EXIT_ALL_COMPUTED, EXIT_SOME_FAILED = 0, 1


class UnreadableCasesError(LimesError):
    """The cases file cannot be read, or is not a JSON object with a list of cases."""

    code = "stay.unreadable_cases"


class MalformedCaseError(LimesError):
    """A case lacks its id or its travels, or a travel is not a pair of ISO dates."""

    code = "stay.malformed_case"


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _parse_date(value: object, field: str, error: type[LimesError]) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise error(f"{field} must be an ISO date (YYYY-MM-DD)")


def history_from_travels(travels: object) -> PresenceHistory:
    """The presence history of a case's `travels`: [[entry, exit or null], ...]."""
    shape = "travels must be a list of [entry date, exit date or null] pairs"
    if not isinstance(travels, list):
        raise MalformedCaseError(shape)
    stays = []
    for travel in travels:
        if not isinstance(travel, list) or len(travel) != 2:
            raise MalformedCaseError(shape)
        entry = _parse_date(travel[0], "a travel's entry date", MalformedCaseError)
        exit_ = travel[1]
        if exit_ is None:
            stays.append(Stay(entry))
        else:
            stays.append(
                Stay(entry, _parse_date(exit_, "a travel's exit date", MalformedCaseError))
            )
    return PresenceHistory.from_stays(stays)


def _query_date(query: Mapping[str, object], key: str) -> date:
    if key not in query:
        raise InvalidQueryError(f"this query type needs query.{key}")
    return _parse_date(query[key], f"query.{key}", InvalidQueryError)


def _optional_int(query: Mapping[str, object], key: str) -> int | None:
    value = query.get(key)
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise InvalidQueryError(f"query.{key} must be a whole number")


def visa_from_query(raw: object) -> ShortStayVisa:
    """The visa of a `visa_entries_check` query; entries are 1, 2 or "multiple"/"MULT"."""
    if not isinstance(raw, dict):
        raise InvalidQueryError("query.visa must be an object with valid_from and valid_until")
    entries: Literal[1, 2] | None
    match raw.get("entries"):
        case 1 | "1" | "01":
            entries = 1
        case 2 | "2" | "02":
            entries = 2
        case str(word) if word.upper() in ("MULT", "MULTIPLE"):
            entries = None
        case _:
            raise InvalidQueryError('query.visa.entries must be 1, 2 or "multiple"')
    return ShortStayVisa(
        valid_from=_parse_date(raw.get("valid_from"), "query.visa.valid_from", InvalidQueryError),
        valid_until=_parse_date(
            raw.get("valid_until"), "query.visa.valid_until", InvalidQueryError
        ),
        entries=entries,
        duration_of_stay_days=_optional_int(raw, "duration_of_stay"),
    )


def query_result(history: PresenceHistory, query: Mapping[str, object]) -> dict[str, Any]:
    """Every key the vectors' schema defines for the query's type (dates as ISO strings)."""
    match query.get("type"):
        case "days_used" | "days_remaining":
            counted = overstay(history, _query_date(query, "control_date"))
            return {
                "days_used": counted.days_used,
                "days_remaining": counted.days_remaining,
                "overstay_days": counted.overstay_days,
            }
        case "window":
            on = _query_date(query, "control_date")
            start, end = window(on)
            return {
                "window_start": start.isoformat(),
                "window_end": end.isoformat(),
                "days_used": days_used(history, on),
            }
        case "overstay":
            found = overstay(history, _query_date(query, "control_date"))
            return {
                "days_used": found.days_used,
                "days_remaining": found.days_remaining,
                "overstay_days": found.overstay_days,
                "first_violation_day": _iso(found.first_violation_day),
                "days_in_breach": found.days_in_breach,
            }
        case "max_stay":
            plan = max_stay(history, _query_date(query, "entry_date"))
            return {
                "allowed": plan.allowed,
                "max_stay_days": plan.max_stay_days,
                "latest_exit": _iso(plan.latest_exit),
                "used_on_entry": plan.used_on_entry,
                "conflict_day": _iso(plan.conflict_day),
                "earliest_entry": _iso(plan.earliest_entry),
                "max_stay_days_at_earliest_entry": plan.max_stay_days_at_earliest_entry,
            }
        case "latest_exit_if_staying":
            on = _query_date(query, "control_date")
            return {
                "latest_exit": _iso(latest_exit_if_staying(history, on)),
                "days_used": days_used(history, on),
            }
        case "check_stay":
            check = check_stay(
                history, _query_date(query, "entry_date"), _query_date(query, "exit_date")
            )
            return {
                "allowed": check.allowed,
                "first_violation_day": _iso(check.first_violation_day),
                "overshoot": check.overshoot,
                "latest_permitted_exit": _iso(check.latest_permitted_exit),
                "conflict_day": _iso(check.conflict_day),
            }
        case "earliest_entry":
            min_stay_days = _optional_int(query, "min_stay_days")
            found_entry = earliest_entry(
                history,
                _query_date(query, "not_before"),
                1 if min_stay_days is None else min_stay_days,
            )
            return {
                "earliest_entry": _iso(found_entry.earliest_entry),
                "max_stay_days": found_entry.max_stay_days,
            }
        case "visa_entries_check":
            exit_date = _query_date(query, "exit_date") if "exit_date" in query else None
            visa_check = check_visa_entry(
                history,
                visa_from_query(query.get("visa")),
                _query_date(query, "stay_entry_date"),
                exit_date,
            )
            return {
                "entry_allowed": visa_check.entry_allowed,
                "entry_number_on_visa": visa_check.entry_number_on_visa,
                "visa_overstay_days": visa_check.visa_overstay_days,
                "stay_entry": visa_check.stay_entry.isoformat(),
                "stay_exit": visa_check.stay_exit.isoformat(),
                "entry_covered_by_visa": visa_check.entry_covered_by_visa,
                "visa_days_used_before": visa_check.visa_days_used_before,
                "last_day_covered_by_visa": _iso(visa_check.last_day_covered_by_visa),
                "days_used_on_entry": visa_check.days_used_on_entry,
                "stay_allowed": visa_check.stay_rule.allowed,
                "first_violation_day": _iso(visa_check.stay_rule.first_violation_day),
            }
        case _:
            raise InvalidQueryError("query.type is missing or not a known query type")


def case_line(case: object) -> dict[str, Any]:
    """{"id", "result"} for a case that computes, {"id", "error": {"code", "message"}} if not."""
    case_id = case.get("id") if isinstance(case, dict) else None
    try:
        if not isinstance(case, dict) or "id" not in case:
            raise MalformedCaseError("a case must be an object with id, travels and query")
        query = case.get("query")
        if not isinstance(query, dict):
            raise InvalidQueryError("query must be an object with a type")
        history = history_from_travels(case.get("travels"))
        return {"id": case_id, "result": query_result(history, query)}
    except LimesError as error:
        return {"id": case_id, "error": {"code": error.code, "message": error.message}}


def _read_cases(source: str) -> list[object]:
    try:
        text = read_source(source)
        document = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableCasesError(
            f"cannot read {source!r} as a JSON cases file ({type(error).__name__})"
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("cases"), list):
        raise UnreadableCasesError(f'{source!r} is not a JSON object with a "cases" list')
    cases: list[object] = document["cases"]
    return cases


@app.command()
def evaluate(
    source: Annotated[
        str,
        typer.Argument(help='JSON file {"cases": [{"id", "travels", "query"}]}; - for stdin.'),
    ] = "-",
) -> None:
    """Compute every case and print one JSON line per case: {"id", "result"} or {"id", "error"}.

    Never compares with a case's `expected`. Exit code 0 when every case computed, 1 when any
    case's input was invalid, 2 when the file is unreadable or not in that format.
    """
    failed = False
    for case in _read_cases(source):
        line = case_line(case)
        failed = failed or "error" in line
        typer.echo(json.dumps(line, ensure_ascii=False))
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_ALL_COMPUTED)


def parse_stay_option(value: str) -> Stay:
    """A stay from ENTRY:EXIT, or ENTRY: when the traveller is still inside."""
    entry, separator, exit_ = value.partition(":")
    try:
        if not separator:
            raise ValueError
        return Stay(date.fromisoformat(entry), date.fromisoformat(exit_) if exit_ else None)
    except ValueError:
        raise typer.BadParameter(
            "write a stay as ENTRY:EXIT or ENTRY: (still inside), dates as YYYY-MM-DD"
        ) from None


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def stay_table(position: StayPosition, opened_stay: bool) -> Table:
    """Render a traveller's position: what a traveller or a border guard needs to know."""
    found = position.overstay
    table = Table(title=f"Schengen 90/180 rule on {position.on.isoformat()}", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row(
        f"{WINDOW_DAYS}-day window",
        f"{position.window_start.isoformat()} to {position.window_end.isoformat()}",
    )
    table.add_row("Days used in the window", f"{found.days_used} of {MAX_STAY_DAYS}")
    table.add_row("Days remaining", str(found.days_remaining))
    table.add_row("Overstay on this date (days over 90)", _days(found.overstay_days))
    if found.first_violation_day is not None:
        table.add_row(
            "Days stayed in breach",
            f"{_days(found.days_in_breach)}, from {found.first_violation_day.isoformat()}",
        )
    if position.inside:
        latest = position.latest_exit
        table.add_row(
            "Staying on, must leave by",
            latest.isoformat() if latest else "already over 90 days: leave now",
        )
    plan = position.plan
    if plan is not None:
        entry_label = f"Entry on {plan.entry.isoformat()}"
        if opened_stay and plan.entry > position.on:
            entry_label += f" (leaving on {position.on.isoformat()})"
        table.add_row(entry_label, "allowed" if plan.allowed else "refused")
        table.add_row("Days used on that entry day", f"{plan.used_on_entry} of {MAX_STAY_DAYS}")
        if plan.latest_exit is not None:
            table.add_row(
                "Longest stay",
                f"{_days(plan.max_stay_days)}, leaving by {plan.latest_exit.isoformat()}",
            )
        if plan.conflict_day is not None:
            table.add_row("Limited by the recorded stay on", plan.conflict_day.isoformat())
        if plan.earliest_entry is not None:
            table.add_row(
                "Earliest possible entry",
                f"{plan.earliest_entry.isoformat()}, "
                f"for up to {_days(plan.max_stay_days_at_earliest_entry or 0)}",
            )
    return table


@app.command()
def check(
    stay: Annotated[
        list[str],
        typer.Option(
            "--stay",
            help="A stay ENTRY:EXIT (both days count), or ENTRY: if still inside. Repeat it.",
        ),
    ],
    on: Annotated[
        str | None, typer.Option(help="Control date (YYYY-MM-DD); default today.")
    ] = None,
    entry: Annotated[
        str | None, typer.Option(help="A planned entry date (YYYY-MM-DD) to plan a stay from.")
    ] = None,
) -> None:
    """Show days used, days remaining, overstay and the latest exit for one traveller."""
    history = PresenceHistory.from_stays(parse_stay_option(value) for value in stay)
    control = date_option(on, "--on", default=date.today())
    planned = date_option(entry, "--entry", default=control) if entry else None
    Console().print(stay_table(stay_position(history, control, planned), history.is_open))
