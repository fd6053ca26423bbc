"""How the repositories talk to the database, and why it looks this way.

Every statement that runs once per registration is built once, at import, with named
`bindparam`s, and executed with a dict of values. Building a `select()` and computing its
cache key costs more than running it on SQLite, so this is what keeps a unit of work
near the cost of its SQL. Statements run on the Core tables and return plain rows: no
identity map sits between the repositories and the database, so a read always shows
what the transaction wrote before it.
"""

from typing import Any

from sqlalchemy import CursorResult, Executable
from sqlalchemy.orm import Session


def changed_rows(session: Session, statement: Executable, values: dict[str, Any]) -> int:
    """Run an UPDATE or DELETE and return how many rows it touched."""
    result = session.execute(statement, values)
    assert isinstance(result, CursorResult)
    return result.rowcount
