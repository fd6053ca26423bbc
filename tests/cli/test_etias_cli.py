"""`limes etias` through the real entry point, on a fresh SQLite store and the real clock."""

import json
from pathlib import Path
from typing import Any

import pytest

from limes.api.etias_forms import EXAMPLE
from limes.core.mrz.model import MrzFields, MrzFormat
from limes.core.mrz.writer import write_mrz
from tests.cli.entry_point import Outcome, run_limes

FORM = Path(__file__).parents[2] / "src" / "limes" / "examples" / "etias_application.json"
DOCUMENT = EXAMPLE["travel_document"]["number"]


@pytest.fixture
def cli(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> "Cli":
    return Cli(monkeypatch, capsys)


class Cli:
    """`limes` on the test database, with users made through `limes users add`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        self._monkeypatch = monkeypatch
        self._capsys = capsys

    def __call__(self, *args: str, token: str | None = None, stdin: str = "") -> Outcome:
        extra = ("--token", token) if token else ()
        return run_limes(self._monkeypatch, self._capsys, *args, *extra, stdin=stdin)

    def etias(self, *args: str, token: str | None = None, stdin: str = "") -> Outcome:
        return self("etias", *args, token=token, stdin=stdin)

    def user(self, name: str, role: str, state: str = "NLD") -> str:
        outcome = self(
            "users", "add", name, "--role", role, "--authority", "test", "--state", state
        )
        assert outcome.exit_code == 0, outcome.stderr
        return outcome.stdout.strip()

    def apply(self, form: Path = FORM) -> str:
        """Apply with `form`; the application id."""
        outcome = self.etias("apply", str(form))
        assert outcome.exit_code == 0, outcome.stderr
        return _field(outcome, "application")

    def import_alert(self, tmp_path: Path, alert_id: str, category: str) -> None:
        """An SIS alert of the Netherlands on the example applicant, imported as a file."""
        row = {
            "kind": "sis_person",
            "alert_id": alert_id,
            "issuing_state": "NLD",
            "category": category,
            "surname": EXAMPLE["surname"],
            "given_names": EXAMPLE["first_names"],
            "date_of_birth": EXAMPLE["date_of_birth"],
            "sex": EXAMPLE["sex"],
            "nationalities": [EXAMPLE["nationality"]],
            "created_at": "2026-01-05T09:00:00+00:00",
        }
        file = tmp_path / f"{alert_id}.jsonl"
        file.write_text(json.dumps(row) + "\n", encoding="utf-8")
        outcome = self("watchlist", "import", str(file))
        assert outcome.exit_code == 0, outcome.stdout


def _field(outcome: Outcome, name: str) -> str:
    """The value of the `name: value` line of the output."""
    for line in outcome.stdout.splitlines():
        if line.startswith(f"{name}: "):
            return line.split(": ", 1)[1]
    raise AssertionError(f"no {name!r} line in {outcome.stdout!r}")


def _write(tmp_path: Path, name: str, document: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _mrz() -> str:
    fields = MrzFields(
        format=MrzFormat.TD3,
        document_code="P",
        issuing_state="CAN",
        surname="HOLLOWELL",
        given_names="TAMSIN GRACE",
        document_number=DOCUMENT,
        nationality="CAN",
        birth_date="880614",
        sex="F",
        expiry_date="340228",
    )
    return "\n".join(write_mrz(fields)) + "\n"


def test_the_example_form_is_issued_and_the_applicant_and_a_carrier_see_it(cli: Cli) -> None:
    application_id = cli.apply()

    status = cli.etias("status", application_id, "--document", DOCUMENT)
    holder = cli.etias(
        "carrier-query", "--document", DOCUMENT, "--issuing-state", "CAN", "--nationality", "CAN"
    )
    stranger = cli.etias(
        "carrier-query", "--document", "DEMO77777", "--issuing-state", "CAN",
        "--nationality", "CAN", "--travel-date", "2027-01-10",
    )  # fmt: skip

    assert _field(status, "status") == "issued"
    assert _field(status, "fee") == "EUR 20.00"
    assert _field(status, "authorisation").startswith("TA-")
    assert (holder.exit_code, holder.stdout) == (0, "OK\n")
    assert (stranger.exit_code, stranger.stdout) == (1, "NOT_OK\n")


def test_a_form_the_service_refuses_lists_the_fields_and_exits_2(cli: Cli, tmp_path: Path) -> None:
    form = EXAMPLE | {"email": "tamsin-at-example", "nationality": "DEU"}

    outcome = cli.etias("apply", str(_write(tmp_path, "form.json", form)))

    assert outcome.exit_code == 2
    assert "error [etias.invalid_application]" in outcome.stderr
    assert "invalid_email" in outcome.stderr
    assert "eu_or_schengen_national" in outcome.stderr
    assert "tamsin-at-example" not in outcome.stderr


@pytest.mark.parametrize(
    ("content", "code", "expected"),
    [
        pytest.param(None, "etias.unreadable_file", "FileNotFoundError", id="missing"),
        pytest.param("{oops", "etias.invalid_file", "json_invalid", id="not-json"),
        pytest.param(
            json.dumps(EXAMPLE | {"date_of_birth": "1988-02-30", "sex": "Q"}),
            "etias.invalid_file",
            "date_of_birth (date_from_datetime_parsing), sex (enum)",
            id="wrong-fields",
        ),
    ],
)
def test_an_unusable_form_file_exits_2_naming_fields_not_values(
    cli: Cli, tmp_path: Path, content: str | None, code: str, expected: str
) -> None:
    path = tmp_path / "form.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")

    outcome = cli.etias("apply", str(path))

    assert outcome.exit_code == 2
    assert f"error [{code}]" in outcome.stderr
    assert expected in outcome.stderr
    assert "1988-02-30" not in outcome.stderr


def test_a_hit_is_verified_by_the_central_unit_and_decided_by_the_national_unit(
    cli: Cli, tmp_path: Path
) -> None:
    central = cli.user("cu-1", "etias_central_unit", state="EUE")
    national = cli.user("nu-nl-1", "etias_unit")
    cli.import_alert(tmp_path, "SIS-NLD-ARREST-9", "arrest")
    application_id = cli.apply()

    waiting = cli.etias("queue", "--central", token=central)
    case = cli.etias("case", application_id, token=central)
    hit_id = f"{application_id}-h1"
    verified = cli.etias(
        "verify-hit", application_id, hit_id, "--status", "confirmed",
        "--reason", "name and birth date agree", token=central,
    )  # fmt: skip
    not_mine = cli.etias("queue", "--national", "--state", "DEU", token=national)
    mine = cli.etias("queue", "--national", "--state", "NLD", token=national)
    decided = cli.etias(
        "decide", application_id, "--flag", "second_line_check",
        "--reason", "identity confirmed; check at the border", token=national,
    )  # fmt: skip
    border = cli.etias("border-query", stdin=_mrz())

    assert waiting.stdout.startswith(f"{application_id}  central_unit_verification")
    assert f"hit {hit_id}: sis_arrest_alert from sis record SIS-NLD-ARREST-9" in case.stdout
    assert "  matched names ~ names (name_screening" in case.stdout
    assert any(line.startswith("  - ") for line in case.stdout.splitlines())
    assert "national_unit_assessment" in verified.stdout
    assert (not_mine.exit_code, "error [auth.forbidden]" in not_mine.stderr) == (2, True)
    assert f"{application_id}  national_unit_assessment" in mine.stdout
    assert decided.exit_code == 0, decided.stderr
    assert "decision: issue_with_flag second_line_check by nu-nl-1 (NLD)" in decided.stdout
    assert _field(border, "valid here") == "yes"
    assert _field(border, "flags") == "second_line_check"


def test_a_new_refusal_alert_opens_a_review_and_the_national_unit_revokes(
    cli: Cli, tmp_path: Path
) -> None:
    national = cli.user("nu-nl-1", "etias_unit")
    application_id = cli.apply()

    cli.import_alert(tmp_path, "SIS-NLD-REFUSAL-9", "refusal_of_entry")
    review = cli.etias("queue", "--national", token=national)
    revoked = cli.etias(
        "decide", application_id, "--revoke", "sis_refusal_alert",
        "--reason", "refusal-of-entry alert confirmed", token=national,
    )  # fmt: skip
    carrier = cli.etias(
        "carrier-query", "--document", DOCUMENT, "--issuing-state", "CAN", "--nationality", "CAN"
    )
    mrz = tmp_path / "mrz.txt"
    mrz.write_text(_mrz(), encoding="utf-8")
    border = cli.etias("border-query", str(mrz))
    seen = cli.etias("status", application_id, "--document", DOCUMENT)

    assert review.stdout.startswith(f"{application_id}  revocation_review")
    assert "sis_refusal_alert" in review.stdout
    assert revoked.stdout.startswith(f"{application_id}  revoked")
    assert (carrier.exit_code, carrier.stdout) == (1, "NOT_OK\n")
    assert (_field(border, "valid here"), _field(border, "status")) == ("no", "revoked")
    assert _field(seen, "grounds") == "sis_refusal_alert"


def test_revoke_rescreen_and_overdue(cli: Cli) -> None:
    national = cli.user("nu-nl-1", "etias_unit")
    application_id = cli.apply()
    number = _field(cli.etias("status", application_id, "--document", DOCUMENT), "authorisation")
    number = number.split()[0]

    rescreened = cli.etias("rescreen")
    revoked = cli.etias(
        "revoke", number, "--ground", "security_risk", "--reason", "new information",
        token=national,
    )  # fmt: skip
    again = cli.etias("annul", number, "--ground", "security_risk", "--reason", "x", token=national)
    overdue = cli.etias("overdue", token=national)
    unauthorised = cli.etias("overdue")

    assert rescreened.stdout.splitlines() == ["checked 1, reviews opened 0, notifications 0"]
    assert revoked.stdout.startswith(f"{application_id}  revoked")
    assert (again.exit_code, "error [etias.invalid_transition]" in again.stderr) == (2, True)
    assert (overdue.exit_code, overdue.stdout) == (0, "")
    assert (unauthorised.exit_code, "error [auth.forbidden]" in unauthorised.stderr) == (2, True)


def test_rules_are_added_listed_and_their_impact_reported_with_an_html_chart(
    cli: Cli, tmp_path: Path
) -> None:
    central = cli.user("cu-1", "etias_central_unit", state="EUE")
    europol = cli.user("europol-1", "europol", state="EUE")
    cli.apply()
    rule = _write(
        tmp_path,
        "rule.json",
        {
            "rule_id": "teachers-1",
            "risk": "illegal_immigration",
            "conditions": [
                {"attribute": "nationality", "values": ["CAN"]},
                {"attribute": "occupation", "values": ["education"]},
            ],
            "reason": "abnormal overstay rate, EES statistics 2026 Q3",
        },
    )
    forbidden = _write(
        tmp_path,
        "forbidden.json",
        {
            "risk": "security",
            "conditions": [{"attribute": "religion", "values": ["any"]}],
            "reason": "not allowed",
        },
    )
    entry = _write(
        tmp_path, "entry.json", {"offence": "terrorist_offence", "email": EXAMPLE["email"]}
    )
    page = tmp_path / "impact.html"

    impact = cli.etias("impact", "--rule", str(rule), "--html", str(page), token=central)
    by_entry = cli.etias("impact", "--entry", str(entry), token=europol)
    added = cli.etias("rules", "add", str(rule), token=central)
    refused = cli.etias("rules", "add", str(forbidden), token=central)
    listed = cli.etias("rules", "list", token=central)
    withdrawn = cli.etias("rules", "withdraw", "teachers-1", "--reason", "ended", token=central)
    history = cli.etias("rules", "history", "teachers-1", token=central)
    neither = cli.etias("impact", token=central)

    assert impact.exit_code == 0, impact.stderr
    assert "Impact assessment" in impact.stdout
    assert "100.00%" in impact.stdout
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") == 3
    assert "suppressed" in html
    assert "src=" not in html
    assert "href=" not in html
    assert by_entry.exit_code == 0, by_entry.stderr
    assert added.stdout.startswith("teachers-1@v1  illegal_immigration  active")
    assert (refused.exit_code, "forbidden_attribute" in refused.stderr) == (2, True)
    assert listed.stdout == added.stdout
    assert withdrawn.stdout.startswith("teachers-1@v2  illegal_immigration  withdrawn")
    assert len(history.stdout.splitlines()) == 2
    assert neither.exit_code == 2


def test_the_fairness_report_prints_tables_and_writes_a_page(cli: Cli, tmp_path: Path) -> None:
    cli.apply()
    page = tmp_path / "fairness.html"

    outcome = cli.etias("fairness", "--html", str(page))

    assert outcome.exit_code == 0, outcome.stderr
    assert "Outcomes of 1 applications" in outcome.stdout
    assert "issued_automatically" in outcome.stdout
    assert page.read_text(encoding="utf-8").count("<svg") == 3
