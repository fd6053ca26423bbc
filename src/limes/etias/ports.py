"""What the ETIAS services need from outside: a store, and the systems they check against.

Repositories never commit; the service calls `commit()` once per use case.
`store/memory_etias.py` implements the repositories in memory. The art. 20 sources (SIS,
SLTD, EES, VIS, the ETIAS watchlist, ...) are `CheckSource`s implemented outside this
package (`interop/etias_*_source*.py`) and passed in by `bootstrap.py`, so `etias/` imports
neither `ees/`, `screening/` nor `watchlists/`.
"""

from collections.abc import Collection, Iterator, Sequence
from datetime import date, datetime
from typing import Protocol

from limes.audit.model import AuditEntry
from limes.core.transaction import Transaction
from limes.etias.model import Application, ApplicationFile, ApplicationStatus, Hit
from limes.etias.screening_rules import ScreeningRule


class Applications(Protocol):
    """Application files (art. 19), one per application, found by id, document or e-mail."""

    def add(self, file: ApplicationFile) -> None:
        """Insert; raises DuplicateApplicationError when the application id is taken."""

    def save(self, file: ApplicationFile) -> None:
        """Replace an existing file; raises ApplicationNotFoundError when there is none."""

    def get(self, application_id: str) -> ApplicationFile | None: ...

    def get_by_authorisation(self, number: str) -> ApplicationFile | None:
        """The file whose travel authorisation has this number."""

    def find_by_document(self, issuing_country: str, number: str) -> Sequence[ApplicationFile]:
        """Files for this travel document (number compared upper-case, without spaces or
        fillers), oldest submission first."""

    def find_by_email(self, email: str) -> Sequence[ApplicationFile]:
        """Files with this e-mail address (compared case-insensitively), oldest first."""

    def valid_authorisations(self, on: date) -> Iterator[ApplicationFile]:
        """Files whose authorisation is valid (not annulled, revoked or expired) on `on`."""

    def queue(
        self,
        statuses: Collection[ApplicationStatus],
        *,
        responsible_state: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Sequence[ApplicationFile]:
        """Files in one of `statuses` (of one Member State's National Unit when given),
        earliest deadline first; files without a deadline last."""

    def all(self) -> Iterator[ApplicationFile]:
        """Every file in submission order: for impact assessments and fairness replays."""

    def erase(self, application_id: str) -> None:
        """Erase the file and everything in it (art. 54-55)."""

    def count(self) -> int: ...


class ScreeningRules(Protocol):
    """Risk indicators (art. 33), every version kept."""

    def add(self, rule: ScreeningRule) -> None:
        """Store a new version: version 1 of a new rule id, or the latest version + 1;
        raises InvalidScreeningRuleError otherwise."""

    def latest(self, rule_id: str) -> ScreeningRule | None: ...

    def active(self) -> Sequence[ScreeningRule]:
        """The latest version of each rule, where that version is active, by rule id."""

    def history(self, rule_id: str) -> Sequence[ScreeningRule]:
        """Every version of a rule, oldest first."""


class CheckSource(Protocol):
    """One art. 20 source (EES, SIS persons, SIS documents, SLTD, VIS, the watchlist, ...).

    `check` returns the hits the application produces against the source's data as of
    `at`, each with its evidence; an empty sequence when nothing corresponds. It must not
    write anything: the ETIAS service records the hits in its own transaction.
    """

    @property
    def name(self) -> str: ...

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]: ...


class AuditLog(Protocol):
    """The hash-chained audit log, as `audit.recorder.record_event` uses it (declared here
    so that `etias/` does not import `ees/`; the EES store's log satisfies it)."""

    def head(self) -> AuditEntry | None:
        """The newest entry, locked against concurrent appends until commit."""

    def append(self, entry: AuditEntry) -> None: ...

    def entries(self, after_sequence: int = 0) -> Iterator[AuditEntry]:
        """All entries in sequence order, streamed."""


class EtiasUnitOfWork(Transaction, Protocol):
    applications: Applications
    screening_rules: ScreeningRules
    audit_log: AuditLog
