"""sBMS templates, CIR records and MID links in memory, in the orders the SQL store gives.

Templates come by label, records by key, links by creation (the verification queue by
deadline). Labels count up from the highest ever handed out, as SQLite's AUTOINCREMENT
does: an erased label is never given again, and a rolled-back one may be.
"""

import heapq
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from limes.biometrics.errors import DuplicateTemplateError
from limes.biometrics.model import BiometricTemplate, Modality, SubjectRef, TemplateFormat
from limes.ees.errors import InvalidRecordError
from limes.interop.errors import DuplicateRecordError, LinkNotFoundError, RecordNotFoundError
from limes.interop.identity_comparison import document_key, name_key
from limes.interop.model import Link, LinkColour, System, SystemRecord, TravelDocument
from limes.store.memory_tables import Staged, Table, present
from limes.store.memory_tables import link as add_to_index
from limes.store.memory_tables import unlink as remove_from_index

_LAST = "last"
_NO_DEADLINE = datetime.max.replace(tzinfo=UTC)

IndexChange = Callable[[Table[Any, frozenset[str]], Any, str], None]


class MemoryTemplates:
    def __init__(self, data: Staged) -> None:
        self._data = data

    def add(self, template: BiometricTemplate) -> BiometricTemplate:
        data = self._data
        if template.template_id in data.template_labels:
            raise DuplicateTemplateError("the template identifier is taken")
        label = (data.template_sequence.get(_LAST) or 0) + 1
        stored = replace(template, label=label)
        data.template_sequence.put(_LAST, label)
        data.templates.put(label, stored)
        data.template_labels.put(template.template_id, label)
        add_to_index(data.templates_by_subject, template.subject, label)
        return stored

    def get(self, template_id: str) -> BiometricTemplate | None:
        label = self._data.template_labels.get(template_id)
        return None if label is None else self._data.templates.get(label)

    def for_subject(self, subject: SubjectRef) -> Sequence[BiometricTemplate]:
        labels = self._data.templates_by_subject.get(subject)
        return sorted(present(self._data.templates, labels), key=_label)

    def by_labels(self, labels: Sequence[int]) -> Sequence[BiometricTemplate]:
        return sorted(present(self._data.templates, frozenset(labels)), key=_label)

    def stream(
        self, modality: Modality, format: TemplateFormat, after_label: int, limit: int
    ) -> Sequence[BiometricTemplate]:
        page = (
            template
            for template in self._data.templates.values()
            if template.modality is modality
            and template.format is format
            and template.label > after_label
        )
        return heapq.nsmallest(limit, page, key=_label)

    def erase_subject(self, subject: SubjectRef) -> Sequence[int]:
        data = self._data
        erased = present(data.templates, data.templates_by_subject.get(subject))
        for template in erased:
            data.template_labels.delete(template.template_id)
            data.templates.delete(template.label)
        data.templates_by_subject.delete(subject)
        return sorted(template.label for template in erased)

    def count(self, modality: Modality) -> int:
        return sum(1 for t in self._data.templates.values() if t.modality is modality)


class MemorySystemRecords:
    def __init__(self, data: Staged) -> None:
        self._data = data

    def add(self, record: SystemRecord) -> None:
        if record.key in self._data.system_records:
            raise DuplicateRecordError(f"the {record.system.value} record identifier is taken")
        self._put(record)

    def save(self, record: SystemRecord) -> None:
        old = self._data.system_records.get(record.key)
        if old is None:
            raise RecordNotFoundError(f"no {record.system.value} record with this identifier")
        self._index(old, remove_from_index)
        self._put(
            replace(
                old,
                identity_id=record.identity_id,
                identity=record.identity,
                documents=record.documents,
                template_ids=record.template_ids,
                updated_at=record.updated_at,
            )
        )

    def get(self, key: str) -> SystemRecord | None:
        return self._data.system_records.get(key)

    def find_by_document(self, document: TravelDocument) -> Sequence[SystemRecord]:
        return self._in_key_order(self._data.records_by_document.get(document_key(document)))

    def find_by_identity(
        self, *, name_key: str, date_of_birth: date | None, limit: int
    ) -> Sequence[SystemRecord]:
        same_name = self._data.records_by_name.get(name_key) or frozenset()
        same_birth = frozenset[str]()
        if date_of_birth is not None:
            same_birth = self._data.records_by_birth.get(date_of_birth) or frozenset()
        both = same_name & same_birth
        candidates = present(self._data.system_records, same_name | same_birth)
        # As in SQL: records sharing both keys first, so a tight limit drops the weaker ones.
        return sorted(candidates, key=lambda record: (record.key not in both, record.key))[:limit]

    def of_identity(self, identity_id: str) -> Sequence[SystemRecord]:
        return self._in_key_order(self._data.records_by_identity.get(identity_id))

    def move_identity(self, from_identity: str, to_identity: str) -> int:
        moved = self.of_identity(from_identity)
        for record in moved:
            self._index(record, remove_from_index)
            self._put(replace(record, identity_id=to_identity))
        return len(moved)

    def erase(self, key: str) -> None:
        record = self._data.system_records.get(key)
        if record is not None:
            self._index(record, remove_from_index)
            self._data.system_records.delete(key)

    def count(self, system: System | None = None) -> int:
        records = self._data.system_records.values()
        return sum(1 for record in records if system is None or record.system is system)

    def _put(self, record: SystemRecord) -> None:
        self._data.system_records.put(record.key, record)
        self._index(record, add_to_index)

    def _index(self, record: SystemRecord, change: IndexChange) -> None:
        """Add the record to, or remove it from, every index that finds it."""
        data = self._data
        change(data.records_by_identity, record.identity_id, record.key)
        change(data.records_by_name, name_key(record.identity), record.key)
        if record.identity.date_of_birth is not None:
            change(data.records_by_birth, record.identity.date_of_birth, record.key)
        for document in record.documents:
            change(data.records_by_document, document_key(document), record.key)

    def _in_key_order(self, keys: frozenset[str] | None) -> list[SystemRecord]:
        records = present(self._data.system_records, keys)
        return sorted(records, key=lambda record: record.key)


class MemoryLinks:
    def __init__(self, data: Staged) -> None:
        self._data = data

    def add(self, link: Link) -> None:
        if link.link_id in self._data.links:
            raise InvalidRecordError("a link with this identifier exists")
        self._data.links.put(link.link_id, link)
        for key in (link.record_a, link.record_b):
            add_to_index(self._data.links_by_record, key, link.link_id)

    def save(self, link: Link) -> None:
        old = self._data.links.get(link.link_id)
        if old is None:
            raise LinkNotFoundError("no link with this identifier")
        saved = replace(
            old,
            colour=link.colour,
            verify_by=link.verify_by,
            verified_at=link.verified_at,
            history=link.history,
        )
        self._data.links.put(link.link_id, saved)

    def get(self, link_id: str) -> Link | None:
        return self._data.links.get(link_id)

    def for_record(self, key: str) -> Sequence[Link]:
        links = present(self._data.links, self._data.links_by_record.get(key))
        return sorted(links, key=_creation)

    def queue(
        self, *, system: System | None, state: str | None, limit: int, offset: int
    ) -> Sequence[Link]:
        waiting = [
            link
            for link in self._data.links.values()
            if link.colour is LinkColour.YELLOW
            and (system is None or link.responsible_system is system)
            and (state is None or link.responsible_state == state)
        ]
        waiting.sort(key=_deadline)
        return waiting[offset : offset + limit]

    def all(self, *, colour: LinkColour | None, limit: int, offset: int) -> Sequence[Link]:
        links = [
            link for link in self._data.links.values() if colour is None or link.colour is colour
        ]
        links.sort(key=_creation)
        return links[offset : offset + limit]

    def erase_for_record(self, key: str) -> int:
        erased = present(self._data.links, self._data.links_by_record.get(key))
        for link in erased:
            for record_key in (link.record_a, link.record_b):
                remove_from_index(self._data.links_by_record, record_key, link.link_id)
            self._data.links.delete(link.link_id)
        return len(erased)


def _label(template: BiometricTemplate) -> int:
    return template.label


def _creation(link: Link) -> tuple[datetime, str]:
    return link.created_at, link.link_id


def _deadline(link: Link) -> tuple[datetime, str]:
    """Earliest deadline first; a yellow link without one comes last, as NULLS LAST in SQL."""
    return link.verify_by or _NO_DEADLINE, link.link_id
