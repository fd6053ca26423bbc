"""MID links in SQL: the link row, and its identity confirmation file's history in order."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from limes.interop.errors import LinkNotFoundError
from limes.interop.model import (
    BiometricComparison,
    DocumentComparison,
    IdentityComparison,
    Link,
    LinkChange,
    LinkColour,
    LinkEvidence,
    System,
)
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import changed_rows
from limes.store.sql.tables import LinkChangeRow, LinkRow, table_of

LINKS = table_of(LinkRow)
CHANGES = table_of(LinkChangeRow)

_OF_RECORD = (LINKS.c.record_a == bindparam("key")) | (LINKS.c.record_b == bindparam("key"))
_IN_CREATION_ORDER = select(LINKS).order_by(LINKS.c.created_at, LINKS.c.link_id)
_BY_ID = select(LINKS).where(LINKS.c.link_id == bindparam("link_id"))
_FOR_RECORD = _IN_CREATION_ORDER.where(_OF_RECORD)
_CHANGES_OF = (
    select(CHANGES)
    .where(CHANGES.c.link_id.in_(bindparam("link_ids", expanding=True)))
    .order_by(CHANGES.c.link_id, CHANGES.c.seq)
)
_INSERT_LINK = insert(LINKS)
_INSERT_CHANGES = insert(CHANGES)
_UPDATE_LINK = update(LINKS).where(LINKS.c.link_id == bindparam("saved_link_id"))
_DELETE_CHANGES = delete(CHANGES).where(CHANGES.c.link_id == bindparam("link_id"))
_DELETE_FOR_RECORD = delete(LINKS).where(_OF_RECORD)


class SqlLinks:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, link: Link) -> None:
        values = _state_values(link) | {
            "link_id": link.link_id,
            "record_a": link.record_a,
            "record_b": link.record_b,
            "biometric": link.evidence.biometric.value,
            "biometric_score": link.evidence.biometric_score,
            "biometric_modality": link.evidence.biometric_modality,
            "identity": link.evidence.identity.value,
            "document": link.evidence.document.value,
            "responsible_system": link.responsible_system.value,
            "responsible_state": link.responsible_state,
            "created_at": link.created_at,
        }
        with translated_errors():
            self._session.execute(_INSERT_LINK, [values])
            self._insert_history(link)

    def save(self, link: Link) -> None:
        values = _state_values(link) | {"saved_link_id": link.link_id}
        with translated_errors():
            if changed_rows(self._session, _UPDATE_LINK, values) == 0:
                raise LinkNotFoundError("no link with this identifier")
            self._session.execute(_DELETE_CHANGES, {"link_id": link.link_id})
            self._insert_history(link)

    def get(self, link_id: str) -> Link | None:
        found = self._load(_BY_ID, {"link_id": link_id})
        return found[0] if found else None

    def for_record(self, key: str) -> Sequence[Link]:
        return self._load(_FOR_RECORD, {"key": key})

    def queue(
        self, *, system: System | None, state: str | None, limit: int, offset: int
    ) -> Sequence[Link]:
        criteria: list[ColumnElement[bool]] = [LINKS.c.colour == LinkColour.YELLOW.value]
        if system is not None:
            criteria.append(LINKS.c.responsible_system == system.value)
        if state is not None:
            criteria.append(LINKS.c.responsible_state == state)
        statement = (
            select(LINKS)
            .where(*criteria)
            .order_by(LINKS.c.verify_by.asc().nulls_last(), LINKS.c.link_id)
            .limit(limit)
            .offset(offset)
        )
        return self._load(statement, {})

    def all(self, *, colour: LinkColour | None, limit: int, offset: int) -> Sequence[Link]:
        statement = _IN_CREATION_ORDER
        if colour is not None:
            statement = statement.where(LINKS.c.colour == colour.value)
        return self._load(statement.limit(limit).offset(offset), {})

    def erase_for_record(self, key: str) -> int:
        # The history goes with each link: its foreign key cascades on delete.
        return changed_rows(self._session, _DELETE_FOR_RECORD, {"key": key})

    def _insert_history(self, link: Link) -> None:
        if link.history:
            self._session.execute(
                _INSERT_CHANGES,
                [
                    _change_values(link.link_id, seq, change)
                    for seq, change in enumerate(link.history)
                ],
            )

    def _load(self, statement: Select[Any], values: dict[str, Any]) -> list[Link]:
        """The links `statement` selects, in its order, with their histories."""
        rows = self._session.execute(statement, values).all()
        if not rows:
            return []
        history: defaultdict[str, list[LinkChange]] = defaultdict(list)
        link_ids = {"link_ids": [row.link_id for row in rows]}
        for change in self._session.execute(_CHANGES_OF, link_ids):
            history[change.link_id].append(_change(change))
        return [_link(row, tuple(history[row.link_id])) for row in rows]


def _state_values(link: Link) -> dict[str, Any]:
    """The columns `save` replaces."""
    return {
        "colour": link.colour.value,
        "verify_by": link.verify_by,
        "verified_at": link.verified_at,
    }


def _change_values(link_id: str, seq: int, change: LinkChange) -> dict[str, Any]:
    return {
        "link_id": link_id,
        "seq": seq,
        "at": change.at,
        "changed_by": change.by,
        "authority": change.authority,
        "colour": change.colour.value,
        "reason": change.reason,
    }


def _change(row: Row[Any]) -> LinkChange:
    return LinkChange(
        at=row.at,
        by=row.changed_by,
        authority=row.authority,
        colour=LinkColour(row.colour),
        reason=row.reason,
    )


def _link(row: Row[Any], history: tuple[LinkChange, ...]) -> Link:
    return Link(
        link_id=row.link_id,
        record_a=row.record_a,
        record_b=row.record_b,
        colour=LinkColour(row.colour),
        evidence=LinkEvidence(
            biometric=BiometricComparison(row.biometric),
            biometric_score=row.biometric_score,
            identity=IdentityComparison(row.identity),
            document=DocumentComparison(row.document),
            biometric_modality=row.biometric_modality,
        ),
        responsible_system=System(row.responsible_system),
        responsible_state=row.responsible_state,
        created_at=row.created_at,
        verify_by=row.verify_by,
        verified_at=row.verified_at,
        history=history,
    )
