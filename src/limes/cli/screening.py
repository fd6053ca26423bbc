"""`limes screening`: compare names as the watchlist screening does, and explain why."""

import json
from typing import Annotated

import typer

from limes.cli.options import read_source
from limes.core.errors import LimesError
from limes.screening.engine import MATCH_THRESHOLD, compare
from limes.screening.evaluation import InvalidCasesError, evaluate
from limes.screening.model import Name, Person

app = typer.Typer(
    help="Name screening: compare two people across scripts and romanisations, or run a "
    "file of cases through the engine.",
    no_args_is_help=True,
)


class UnreadableCasesError(LimesError):
    code = "screening.unreadable_cases"


@app.command("evaluate")
def evaluate_command(
    source: Annotated[
        str, typer.Argument(help="Cases file (JSON, see docs/screening.md); - for stdin.")
    ],
    threshold: Annotated[
        float, typer.Option(help="Decision threshold.", min=0.0, max=1.0)
    ] = MATCH_THRESHOLD,
) -> None:
    """Print one JSON line per case: {"id", "score", "decision"}. Labels are not read."""
    try:
        document = json.loads(read_source(source))
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableCasesError(f"cannot read the cases file: {type(error).__name__}") from None
    except json.JSONDecodeError as error:
        raise InvalidCasesError(f"not JSON (line {error.lineno}, column {error.colno})") from None
    for result in evaluate(document, threshold):
        typer.echo(json.dumps(result, ensure_ascii=False))


@app.command("compare")
def compare_command(
    query: Annotated[
        str, typer.Argument(help="A name in any script, 'FAMILY, Given' or MRZ form.")
    ],
    candidate: Annotated[str, typer.Argument(help="The name to compare it with.")],
    query_birth_date: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
    candidate_birth_date: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Compare two people and print the score, the decision and every reason."""
    result = compare(
        Person(names=(Name(text=query),), birth_date=query_birth_date),
        Person(names=(Name(text=candidate),), birth_date=candidate_birth_date),
    )
    if as_json:
        reasons = [
            {"code": r.code, "detail": r.detail, "effect": round(r.effect, 4)}
            for r in result.reasons
        ]
        payload = {"score": result.score, "decision": result.decision.value, "reasons": reasons}
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    typer.echo(f"{result.decision.value}  score {result.score:.3f} (threshold {MATCH_THRESHOLD})")
    for reason in result.reasons:
        effect = f" ({reason.effect:+.2f})" if reason.effect and reason.code != "name_score" else ""
        typer.echo(f"  {reason.code}: {reason.detail}{effect}")
