"""`python -m limes`: the same as the `limes` command."""

from limes.cli.main import run

run()
