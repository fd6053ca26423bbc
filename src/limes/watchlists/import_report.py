"""What an import of watchlist rows answers: rows stored per kind, rows refused and why."""

from collections.abc import Mapping
from dataclasses import dataclass

from limes.watchlists.model import WatchlistKind


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejection:
    """A refused row: its 1-based line number, a stable code, a message without personal data."""

    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.code}: {self.message}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportProgress:
    """Where an import stands after a committed batch."""

    lines_read: int
    stored: int
    rejected: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportReport:
    """Every row stored is counted in `accepted`; every other non-blank row is in `rejected`.

    Rows are committed in batches: `accepted` counts only committed rows, so after an
    interruption it says exactly what was stored.
    """

    lines_read: int
    accepted: Mapping[WatchlistKind, int]
    rejected: tuple[Rejection, ...]

    @property
    def stored(self) -> int:
        return sum(self.accepted.values())

    @property
    def complete(self) -> bool:
        """True when no row was refused."""
        return not self.rejected
