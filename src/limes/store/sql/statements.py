"""How repositories talk to the session: fresh reads and plain bulk writes.

Repositories never `session.add()` objects; they write with INSERT/UPDATE/DELETE
statements, so the session's identity map can hold rows older than the database. Every
read therefore asks for `populate_existing`: the returned objects always carry the
values in the database, and writes skip synchronising the identity map.
"""

from typing import Any, Final

FRESH: Final = {"populate_existing": True}
NO_SYNC: Final[dict[str, Any]] = {"synchronize_session": False}
