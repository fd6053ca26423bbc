"""Run the real `limes` entry point in-process, with its exit-code mapping."""

import io
import sys
from dataclasses import dataclass

import pytest

from limes.cli.main import run


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a command printed and how it ended."""

    exit_code: int
    stdout: str
    stderr: str


def run_limes(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
    stdin: str = "",
) -> Outcome:
    """Run `limes ARGS` with `stdin` as standard input."""
    monkeypatch.setattr(sys, "argv", ["limes", *args])
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code: int | str | None = 0
    try:
        run()
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return Outcome(int(code or 0), captured.out, captured.err)
