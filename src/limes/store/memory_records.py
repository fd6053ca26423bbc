"""Entry/exit and refusal records in memory, with the overstay sweep and statistics."""

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import product

from limes.ees.errors import InvalidRecordError, RecordNotFoundError
from limes.ees.model import EntryExitRecord, RefusalRecord
from limes.ees.ports import OverstayerRow, StatisticsRow
from limes.store.memory_tables import Staged, link, unlink
from limes.store.statistics import NO_VISA, UNKNOWN, check_request


class MemoryRecords:
    def __init__(self, data: Staged) -> None:
        self._data = data

    def add_entry(self, record: EntryExitRecord) -> None:
        if record.record_id in self._data.entries or record.file_id not in self._data.files:
            raise InvalidRecordError("the record exists already or its file does not")
        self._data.entries.put(record.record_id, record)
        link(self._data.entries_by_file, record.file_id, record.record_id)

    def save_entry(self, record: EntryExitRecord) -> None:
        old = self._data.entries.get(record.record_id)
        if old is None:
            raise RecordNotFoundError("no entry/exit record with this identifier")
        unlink(self._data.entries_by_file, old.file_id, record.record_id)
        self._data.entries.put(record.record_id, record)
        link(self._data.entries_by_file, record.file_id, record.record_id)

    def get_entry(self, record_id: str) -> EntryExitRecord | None:
        return self._data.entries.get(record_id)

    def add_refusal(self, record: RefusalRecord) -> None:
        if record.record_id in self._data.refusals or record.file_id not in self._data.files:
            raise InvalidRecordError("the record exists already or its file does not")
        self._data.refusals.put(record.record_id, record)
        link(self._data.refusals_by_file, record.file_id, record.record_id)

    def erase_entry(self, record_id: str) -> None:
        record = self._data.entries.get(record_id)
        if record is not None:
            unlink(self._data.entries_by_file, record.file_id, record_id)
            self._data.entries.delete(record_id)
        self._unschedule(("entry", record_id))

    def erase_refusal(self, record_id: str) -> None:
        record = self._data.refusals.get(record_id)
        if record is not None:
            unlink(self._data.refusals_by_file, record.file_id, record_id)
            self._data.refusals.delete(record_id)
        self._unschedule(("refusal", record_id))

    def _unschedule(self, subject: tuple[str, str]) -> None:
        """An erased record leaves the retention plan, so it is never due again."""
        planned = self._data.retention.get(subject)
        if planned is not None:
            unlink(self._data.retention_by_file, planned.item.file_id, subject)
            self._data.retention.delete(subject)

    def due_for_overstay_flag(self, on: date, limit: int) -> Sequence[EntryExitRecord]:
        due = (
            record
            for record in self._data.entries.values()
            if record.is_open
            and record.overstay_flagged_at is None
            and record.authorised_stay_until < on
        )
        return sorted(due, key=_by_stay_end)[:limit]

    def overstayers(
        self, *, nationality: str | None, bcp_code: str | None, limit: int, offset: int
    ) -> Sequence[OverstayerRow]:
        rows = []
        for record in self._data.entries.values():
            if not record.is_open or record.overstay_flagged_at is None:
                continue
            if bcp_code is not None and record.entry.bcp_code != bcp_code:
                continue
            file = self._data.files.get(record.file_id)
            if file is None:
                continue
            if nationality is not None and nationality not in file.identity.nationalities:
                continue
            rows.append(OverstayerRow(record=record, file=file))
        rows.sort(key=lambda row: _by_stay_end(row.record))
        return rows[offset : offset + limit]

    def statistics(
        self, *, dimensions: Sequence[str], from_day: date, to_day: date, kind: str
    ) -> Sequence[StatisticsRow]:
        check_request(dimensions, kind)
        # A sticker number names one visa; the smallest state breaks a (theoretical) tie.
        visa_states: dict[str, str] = {}
        if "visa_issuing_state" in dimensions:
            for visa in sorted(self._data.visas.values(), key=lambda v: v.issuing_state):
                visa_states.setdefault(visa.sticker_number, visa.issuing_state)
        cells: Counter[tuple[str, ...]] = Counter()
        for record, day, bcp_code in self._counted(kind):
            if from_day <= day <= to_day:
                values = [
                    self._values(dimension, record, bcp_code, visa_states)
                    for dimension in dimensions
                ]
                cells.update(product(*values))
        if not dimensions:
            return [StatisticsRow(dimensions=(), count=cells[()])]
        return sorted(
            (
                StatisticsRow(dimensions=tuple(zip(dimensions, cell, strict=True)), count=count)
                for cell, count in cells.items()
            ),
            key=lambda row: row.dimensions,
        )

    def _counted(self, kind: str) -> Iterator[tuple[EntryExitRecord | RefusalRecord, date, str]]:
        """Each record `kind` counts, with the day that places it and its BCP."""
        if kind == "refusal":
            for refusal in self._data.refusals.values():
                yield refusal, refusal.crossing.day, refusal.crossing.bcp_code
            return
        for entry in self._data.entries.values():
            if kind == "entry":
                yield entry, entry.entry.day, entry.entry.bcp_code
            elif kind == "exit" and entry.exit is not None:
                yield entry, entry.exit.day, entry.exit.bcp_code
            elif kind == "overstayer" and entry.is_open and entry.overstay_flagged_at:
                yield entry, entry.authorised_stay_until, entry.entry.bcp_code

    def _values(
        self,
        dimension: str,
        record: EntryExitRecord | RefusalRecord,
        bcp_code: str,
        visa_states: dict[str, str],
    ) -> list[str]:
        """The values `record` counts under; several only for refusal reasons."""
        file = self._data.files.get(record.file_id)
        if dimension == "refusal_reason":
            assert isinstance(record, RefusalRecord)
            return [reason.value for reason in record.reasons]
        if dimension == "bcp":
            return [bcp_code]
        if dimension == "document_issuing_state":
            return [record.document.issuing_state]
        if dimension == "border_type":
            bcp = self._data.bcps.get(bcp_code)
            return [UNKNOWN if bcp is None else bcp.border_type.value]
        if dimension == "document_type":
            holder = self._data.files.get(self._data.documents.get(record.document) or "")
            held = holder.documents if holder is not None else ()
            types = [d.document_type.value for d in held if d.key == record.document]
            return [types[0] if types else UNKNOWN]
        if dimension == "visa_issuing_state":
            if isinstance(record, RefusalRecord) or record.visa_sticker is None:
                return [NO_VISA]
            return [visa_states.get(record.visa_sticker, UNKNOWN)]
        if file is None:  # not reached: records go with their file
            return [UNKNOWN]
        identity = file.identity
        return [
            {
                "nationality": identity.nationalities[0] if identity.nationalities else UNKNOWN,
                "sex": identity.sex.value,
                "year_of_birth": str(identity.date_of_birth.year),
                "fingerprint_status": file.biometrics.fingerprint_status.value,
            }[dimension]
        ]


def _by_stay_end(record: EntryExitRecord) -> tuple[date, str]:
    return record.authorised_stay_until, record.record_id
