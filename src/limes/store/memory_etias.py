"""ETIAS application files and screening-rule versions in memory, in the orders the SQL
store is to give: files by submission, queues by deadline, rule versions by number.

Documents are indexed by issuing country and the normalised number, e-mail addresses
case-insensitively (`etias.application.normalise_*`), as `etias.ports.Applications` says.
"""

from collections.abc import Collection, Iterator, Sequence
from datetime import UTC, date, datetime

from limes.core.documents import normalise_document_number
from limes.etias.application import normalise_email
from limes.etias.errors import (
    ApplicationNotFoundError,
    DuplicateApplicationError,
    InvalidScreeningRuleError,
)
from limes.etias.model import ApplicationFile, ApplicationStatus
from limes.etias.screening_rules import ScreeningRule, validate_rule
from limes.store.memory_tables import Staged, link, present, unlink

_NO_DEADLINE = datetime.max.replace(tzinfo=UTC)


def _document_key(file: ApplicationFile) -> tuple[str, str]:
    document = file.application.form.travel_document
    return document.issuing_country, normalise_document_number(document.number)


def _submission(file: ApplicationFile) -> tuple[datetime, str]:
    return file.application.submitted_at, file.application_id


def _deadline(file: ApplicationFile) -> tuple[datetime, datetime, str]:
    """Earliest deadline first; a file without one comes last, as NULLS LAST in SQL."""
    return file.deadline or _NO_DEADLINE, file.application.submitted_at, file.application_id


class MemoryApplications:
    def __init__(self, data: Staged) -> None:
        self._data = data

    def add(self, file: ApplicationFile) -> None:
        if file.application_id in self._data.etias_files:
            raise DuplicateApplicationError("an application with this id exists")
        self._refuse_taken_number(file)
        self._put(file)

    def save(self, file: ApplicationFile) -> None:
        old = self._data.etias_files.get(file.application_id)
        if old is None:
            raise ApplicationNotFoundError("no application with this id")
        self._refuse_taken_number(file)
        self._unindex(old)
        self._put(file)

    def _refuse_taken_number(self, file: ApplicationFile) -> None:
        """An authorisation number belongs to one file, as the SQL store's unique column."""
        if file.authorisation is None:
            return
        holder = self._data.etias_files_by_authorisation.get(file.authorisation.number)
        if holder is not None and holder != file.application_id:
            raise DuplicateApplicationError("this travel authorisation number is taken")

    def get(self, application_id: str) -> ApplicationFile | None:
        return self._data.etias_files.get(application_id)

    def get_by_authorisation(self, number: str) -> ApplicationFile | None:
        application_id = self._data.etias_files_by_authorisation.get(number)
        return None if application_id is None else self._data.etias_files.get(application_id)

    def find_by_document(self, issuing_country: str, number: str) -> Sequence[ApplicationFile]:
        key = (issuing_country, normalise_document_number(number))
        ids = self._data.etias_files_by_document.get(key)
        return sorted(present(self._data.etias_files, ids), key=_submission)

    def find_by_email(self, email: str) -> Sequence[ApplicationFile]:
        ids = self._data.etias_files_by_email.get(normalise_email(email))
        return sorted(present(self._data.etias_files, ids), key=_submission)

    def valid_authorisations(self, on: date) -> Iterator[ApplicationFile]:
        for file in self.all():
            if file.authorisation is not None and file.authorisation.is_valid_on(on):
                yield file

    def queue(
        self,
        statuses: Collection[ApplicationStatus],
        *,
        responsible_state: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Sequence[ApplicationFile]:
        waiting = [
            file
            for file in self._data.etias_files.values()
            if file.status in statuses
            and (responsible_state is None or file.responsible_state == responsible_state)
        ]
        waiting.sort(key=_deadline)
        return waiting[offset : offset + limit]

    def all(self) -> Iterator[ApplicationFile]:
        yield from sorted(self._data.etias_files.values(), key=_submission)

    def erase(self, application_id: str) -> None:
        file = self._data.etias_files.get(application_id)
        if file is not None:
            self._unindex(file)
            self._data.etias_files.delete(application_id)

    def count(self) -> int:
        return sum(1 for _ in self._data.etias_files.values())

    def _put(self, file: ApplicationFile) -> None:
        data = self._data
        application_id = file.application_id
        data.etias_files.put(application_id, file)
        link(data.etias_files_by_document, _document_key(file), application_id)
        link(
            data.etias_files_by_email, normalise_email(file.application.form.email), application_id
        )
        if file.authorisation is not None:
            data.etias_files_by_authorisation.put(file.authorisation.number, application_id)

    def _unindex(self, file: ApplicationFile) -> None:
        data = self._data
        application_id = file.application_id
        unlink(data.etias_files_by_document, _document_key(file), application_id)
        unlink(
            data.etias_files_by_email, normalise_email(file.application.form.email), application_id
        )
        if file.authorisation is not None:
            data.etias_files_by_authorisation.delete(file.authorisation.number)


class MemoryScreeningRules:
    def __init__(self, data: Staged) -> None:
        self._data = data

    def add(self, rule: ScreeningRule) -> None:
        validate_rule(rule)
        latest = self._data.etias_rule_versions.get(rule.rule_id) or 0
        if rule.version != latest + 1:
            raise InvalidScreeningRuleError(
                "a new version follows the latest one", "version_conflict"
            )
        self._data.etias_rules.put((rule.rule_id, rule.version), rule)
        self._data.etias_rule_versions.put(rule.rule_id, rule.version)

    def latest(self, rule_id: str) -> ScreeningRule | None:
        version = self._data.etias_rule_versions.get(rule_id)
        return None if version is None else self._data.etias_rules.get((rule_id, version))

    def active(self) -> Sequence[ScreeningRule]:
        latest = (
            self._data.etias_rules.get((rule_id, version)) for rule_id, version in self._versions()
        )
        return sorted(
            (rule for rule in latest if rule is not None and rule.active),
            key=lambda rule: rule.rule_id,
        )

    def history(self, rule_id: str) -> Sequence[ScreeningRule]:
        version = self._data.etias_rule_versions.get(rule_id) or 0
        versions = (self._data.etias_rules.get((rule_id, v)) for v in range(1, version + 1))
        return [rule for rule in versions if rule is not None]

    def _versions(self) -> list[tuple[str, int]]:
        rules = {rule.rule_id for rule in self._data.etias_rules.values()}
        return [(rule_id, self._data.etias_rule_versions.get(rule_id) or 0) for rule_id in rules]
