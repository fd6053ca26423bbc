"""How `limes etias` prints: plain lines for cases and answers (easy to read and to grep),
Rich tables for the impact and fairness reports. Pure: values in, text or tables out."""

from datetime import date, datetime

from rich.table import Table

from limes.etias.answers import ApplicantStatus, BorderAnswer
from limes.etias.model import ApplicationFile, Flag, Hit
from limes.etias.screening_rules import Condition, ScreeningRule
from limes.etias.statistics import Cell, FairnessReport, ImpactReport


def _when(value: date | datetime | None) -> str:
    return "-" if value is None else value.isoformat()


def _flags(flags: tuple[Flag, ...]) -> str:
    return ", ".join(f.kind.value + (f":{f.check.value}" if f.check else "") for f in flags)


def status_lines(status: ApplicantStatus) -> list[str]:
    """What the applicant sees: id, status, fee, authorisation, what is asked, grounds."""
    fee = status.fee
    lines = [
        f"application: {status.application_id}",
        f"status: {status.status.value}",
        f"fee: {fee.currency} {fee.amount_cents / 100:.2f}"
        + (f" (waived: {fee.waiver.value})" if fee.waiver else ""),
    ]
    if status.authorisation_number:
        state = status.authorisation_status.value if status.authorisation_status else "-"
        lines.append(
            f"authorisation: {status.authorisation_number} ({state}), period "
            f"{_when(status.valid_from)} to {_when(status.valid_until)}"
        )
    if status.territorial_validity:
        lines.append("valid only in: " + ", ".join(status.territorial_validity))
    if status.questions:
        lines.append(f"questions (reply by {_when(status.reply_due)}): {status.questions}")
    if status.interview_at:
        lines.append(f"interview: {_when(status.interview_at)}")
    if status.grounds:
        lines.append("grounds: " + ", ".join(status.grounds))
    if status.reason:
        lines.append(f"reason: {status.reason}")
    return lines


def summary_line(file: ApplicationFile) -> str:
    """One queue row: id, status, deadline, responsible state, open hits, checks."""
    checks = ",".join(sorted({hit.check.value for hit in file.hits})) or "-"
    return (
        f"{file.application_id}  {file.status.value}  due {_when(file.deadline)}  "
        f"state {file.responsible_state or '-'}  open hits {len(file.open_hits)}  {checks}"
    )


def hit_lines(hit: Hit) -> list[str]:
    """A hit, its evidence field by field, and the engine's explanation line by line."""
    score = "-" if hit.score is None else f"{hit.score:.3f}"
    lines = [
        f"hit {hit.hit_id}: {hit.check.value} from {hit.source} record {hit.record_ref} "
        f"(state {hit.member_state or '-'}), score {score}, {hit.status.value}"
    ]
    for match in hit.matched_fields:
        how = match.method.value + ("" if match.score is None else f" {match.score:.3f}")
        lines.append(f"  matched {match.application_field} ~ {match.record_field} ({how})")
    lines.extend(f"  - {line}" for line in hit.explanation)
    if hit.verified_by:
        lines.append(f"  verified by {hit.verified_by}: {hit.verification_reason}")
    return lines


def case_lines(file: ApplicationFile) -> list[str]:
    """The case file as an officer reads it: where it stands, hits, decisions, history."""
    lines = [
        f"application: {file.application_id}",
        f"status: {file.status.value}",
        f"submitted: {_when(file.application.submitted_at)}",
        f"deadline: {_when(file.deadline)}",
        f"responsible state: {file.responsible_state or '-'}",
    ]
    lines += [line for hit in file.hits for line in hit_lines(hit)] or ["hits: none"]
    for record in file.decisions:
        decision = record.decision
        detail = ", ".join(decision.grounds) or _flags(decision.flags)
        lines.append(
            f"decision: {decision.kind.value} {detail} by {record.decided_by} "
            f"({record.member_state or 'ETIAS'}) at {_when(record.decided_at)}".rstrip()
        )
    authorisation = file.authorisation
    if authorisation is not None:
        lines.append(
            f"authorisation: {authorisation.number} ({authorisation.status.value}), period "
            f"{_when(authorisation.valid_from)} to {_when(authorisation.valid_until)}"
            + (f", flags {_flags(authorisation.flags)}" if authorisation.flags else "")
        )
    lines += [f"event: {_when(e.at)} {e.action} by {e.by} {e.detail}".rstrip() for e in file.events]
    return lines


def decided_lines(file: ApplicationFile) -> list[str]:
    """After a decision: the case in one line, the decision and the authorisation."""
    lines = case_lines(file)
    decisions = [line for line in lines if line.startswith("decision:")]
    authorisation = [line for line in lines if line.startswith("authorisation:")]
    return [summary_line(file), *decisions[-1:], *authorisation]


def border_lines(answer: BorderAnswer) -> list[str]:
    if not answer.found:
        return ["found: no", "valid here: no"]
    lines = [
        "found: yes",
        f"valid here: {'yes' if answer.valid_here else 'no'}",
        f"status: {answer.status.value if answer.status else '-'}",
        f"authorisation: {answer.authorisation_number}",
        f"valid until: {_when(answer.valid_until)}",
    ]
    if answer.limited_to:
        lines.append(
            f"limited to: {', '.join(answer.limited_to)} "
            f"({answer.max_days_from_first_entry} days from first entry)"
        )
    if answer.flags:
        lines.append(f"flags: {_flags(answer.flags)}")
    return lines


def _condition(condition: Condition) -> str:
    if condition.values:
        return f"{condition.attribute} in {'|'.join(condition.values)}"
    low = "" if condition.min_age is None else condition.min_age
    high = "" if condition.max_age is None else condition.max_age
    return f"{condition.attribute} {low}-{high}"


def rule_line(rule: ScreeningRule) -> str:
    conditions = " and ".join(_condition(c) for c in rule.conditions)
    state = "active" if rule.active else "withdrawn"
    return (
        f"{rule.ref}  {rule.risk.value}  {state}  {conditions}  "
        f"by {rule.author} at {_when(rule.created_at)}: {rule.reason}"
    )


def _count(count: int | None) -> str:
    return "suppressed" if count is None else str(count)


def _cells_table(title: str, cells: tuple[Cell, ...], with_outcome: bool) -> Table:
    table = Table(title=title)
    table.add_column("dimension")
    table.add_column("value")
    if with_outcome:
        table.add_column("outcome")
    table.add_column("count", justify="right")
    for cell in cells:
        row = [cell.dimension, cell.value]
        row += [cell.outcome] if with_outcome else []
        table.add_row(*row, _count(cell.count))
    return table


def impact_tables(report: ImpactReport) -> list[Table]:
    summary = Table(title="Impact assessment (art. 35(1)(b))")
    summary.add_column("replayed", justify="right")
    summary.add_column("would hit", justify="right")
    summary.add_column("additional manual", justify="right")
    summary.add_column("rate", justify="right")
    summary.add_row(
        str(report.replayed),
        str(report.would_hit),
        str(report.additional_manual),
        f"{report.additional_manual_rate:.2%}",
    )
    title = f"Additional manual cases (cells under {report.min_count} suppressed)"
    return [summary, _cells_table(title, report.cells, with_outcome=False)]


def fairness_tables(report: FairnessReport) -> list[Table]:
    summary = Table(title=f"Outcomes of {report.total} applications")
    summary.add_column("outcome")
    summary.add_column("count", justify="right")
    for outcome, count in report.outcomes:
        summary.add_row(outcome, _count(count))
    title = f"By nationality, sex and age band (cells under {report.min_count} suppressed)"
    return [summary, _cells_table(title, report.cells, with_outcome=True)]
