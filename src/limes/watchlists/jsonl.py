"""The watchlist exchange format: JSON Lines, one alert or entry per line. Pure.

Each line is a JSON object with `"kind"`: `sis_person`, `sis_document`, `sltd_document` or
`etias_watchlist`, and the fields of that kind (docs/watchlists.md has them field by
field). The parser is strict: an unknown or repeated field, a wrong type or a broken rule
refuses the line with a stable code and a message naming the field, never its value.
Blank lines are skipped. `to_line` writes every field (null where absent), so
`parse_line(to_line(record))` gives the record back.

Refusal codes: `line_too_long`, `invalid_json`, `not_an_object`, `duplicate_field`,
`missing_kind`, `unknown_kind`, `missing_field`, `unknown_field`, `invalid_field`,
`no_identifying_item`.
"""

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from enum import StrEnum
from typing import Any, Final, TypeVar

from limes.watchlists.errors import WatchlistError
from limes.watchlists.import_report import Rejection
from limes.watchlists.model import (
    DocumentAction,
    DocumentAlert,
    DocumentSource,
    DocumentStatus,
    Offence,
    Organisation,
    PersonAction,
    PersonAlert,
    PersonAlertCategory,
    TravelDocument,
    WatchlistEntry,
    WatchlistKind,
    WatchlistRecord,
    default_person_action,
)

MAX_LINE_CHARACTERS: Final = 16_384
_FIELD_NAME = re.compile(r"[a-z][a-z_.]{0,39}")
E = TypeVar("E", bound=StrEnum)

ParsedRow = tuple[int, WatchlistRecord | Rejection]


class _RefusedError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def parse_lines(lines: Iterable[str], first_line: int = 1) -> Iterator[ParsedRow]:
    """(line number, record or rejection) for each non-blank line, in order."""
    for number, text in enumerate(lines, start=first_line):
        parsed = parse_line(text, number)
        if parsed is not None:
            yield number, parsed


def parse_line(text: str, line: int = 1) -> WatchlistRecord | Rejection | None:
    """The record on one line, a rejection saying why there is none, or None if blank."""
    if not text.strip():
        return None
    try:
        if len(text) > MAX_LINE_CHARACTERS:
            raise _RefusedError(
                "line_too_long", f"a line holds at most {MAX_LINE_CHARACTERS} characters"
            )
        return _record(_object(text))
    except _RefusedError as refused:
        return Rejection(line=line, code=refused.code, message=refused.message)
    except WatchlistError as error:
        return Rejection(line=line, code=error.line_code, message=error.message)


def to_line(record: WatchlistRecord) -> str:
    """One line of the format, without the line break."""
    return json.dumps(to_json(record), ensure_ascii=False, separators=(",", ":"))


def to_json(record: WatchlistRecord) -> dict[str, Any]:
    """The record as the JSON object of its line, every field present."""
    if isinstance(record, PersonAlert):
        return {
            "kind": record.kind.value,
            "alert_id": record.alert_id,
            "issuing_state": record.issuing_state,
            "category": record.category.value,
            "surname": record.surname,
            "given_names": record.given_names,
            "other_names": list(record.other_names),
            "date_of_birth": record.date_of_birth,
            "sex": record.sex,
            "nationalities": list(record.nationalities),
            "travel_documents": [_document_json(d) for d in record.travel_documents],
            "action_to_take": record.action_to_take.value,
            **_life_json(record),
        }
    if isinstance(record, DocumentAlert):
        return {
            "kind": record.kind.value,
            "alert_id": record.alert_id,
            "issuing_state": record.issuing_state,
            "document_type": record.document_type,
            "document_number": record.document_number,
            "document_country": record.document_country,
            "status": record.status.value,
            "action_to_take": record.action_to_take.value,
            **_life_json(record),
        }
    organisation = record.organisation
    return {
        "kind": record.kind.value,
        "entry_id": record.entry_id,
        "entered_by": record.entered_by,
        "offence": record.offence.value,
        "surname": record.surname,
        "surname_at_birth": record.surname_at_birth,
        "first_names": record.first_names,
        "other_names": list(record.other_names),
        "date_of_birth": record.date_of_birth,
        "place_of_birth": record.place_of_birth,
        "country_of_birth": record.country_of_birth,
        "sex": record.sex,
        "nationalities": list(record.nationalities),
        "travel_documents": [_document_json(d) for d in record.travel_documents],
        "home_address": record.home_address,
        "email": record.email,
        "phone": record.phone,
        "ip_address": record.ip_address,
        "organisation": None
        if organisation is None
        else {
            "name": organisation.name,
            "email": organisation.email,
            "address": organisation.address,
            "phone": organisation.phone,
        },
        "created_at": record.created_at.isoformat(),
        "last_reviewed_at": _instant_json(record.last_reviewed_at),
        "withdrawn_at": _instant_json(record.withdrawn_at),
        "withdrawal_reason": record.withdrawal_reason,
    }


def _document_json(document: TravelDocument) -> dict[str, str]:
    return {
        "document_type": document.document_type,
        "number": document.number,
        "country": document.country,
    }


def _life_json(alert: PersonAlert | DocumentAlert) -> dict[str, str | None]:
    return {
        "valid_from": alert.valid_from.isoformat(),
        "valid_until": _instant_json(alert.valid_until),
        "created_at": alert.created_at.isoformat(),
        "withdrawn_at": _instant_json(alert.withdrawn_at),
        "withdrawal_reason": alert.withdrawal_reason,
    }


def _instant_json(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


# -- reading -------------------------------------------------------------------------


def _object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text, object_pairs_hook=_without_repeats)
    except json.JSONDecodeError as error:
        raise _RefusedError("invalid_json", f"not valid JSON (column {error.colno})") from None
    except RecursionError:
        raise _RefusedError("invalid_json", "nested too deeply") from None
    if not isinstance(value, dict):
        raise _RefusedError("not_an_object", "a line holds one JSON object")
    return value


def _without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _RefusedError("duplicate_field", f"{_field_name(key)} is given twice")
        found[key] = value
    return found


def _record(data: dict[str, Any]) -> WatchlistRecord:
    if "kind" not in data:
        raise _RefusedError("missing_kind", "every line needs a kind")
    kind = data["kind"]
    if not isinstance(kind, str) or kind not in set(WatchlistKind):
        raise _RefusedError("unknown_kind", "kind is one of: " + ", ".join(WatchlistKind))
    fields = _Fields(data, _ALLOWED[WatchlistKind(kind)])
    if kind == WatchlistKind.SIS_PERSON:
        return _person_alert(fields)
    if kind == WatchlistKind.ETIAS_WATCHLIST:
        return _watchlist_entry(fields)
    source = DocumentSource.SIS if kind == WatchlistKind.SIS_DOCUMENT else DocumentSource.SLTD
    return _document_alert(fields, source)


def _person_alert(fields: "_Fields") -> PersonAlert:
    category = fields.enum("category", PersonAlertCategory)
    created_at = fields.instant("created_at")
    action = fields.optional("action_to_take", lambda name, v: _enum(name, v, PersonAction))
    return PersonAlert(
        alert_id=fields.text("alert_id"),
        issuing_state=fields.text("issuing_state"),
        category=category,
        surname=fields.text("surname"),
        given_names=fields.optional("given_names", _text) or "",
        other_names=fields.texts("other_names"),
        date_of_birth=fields.optional("date_of_birth", _text),
        sex=fields.optional("sex", _text),
        nationalities=fields.texts("nationalities"),
        travel_documents=fields.documents("travel_documents"),
        action_to_take=action or default_person_action(category),
        valid_from=fields.optional("valid_from", _instant) or created_at,
        valid_until=fields.optional("valid_until", _instant),
        created_at=created_at,
        withdrawn_at=fields.optional("withdrawn_at", _instant),
        withdrawal_reason=fields.optional("withdrawal_reason", _text),
    )


def _document_alert(fields: "_Fields", source: DocumentSource) -> DocumentAlert:
    created_at = fields.instant("created_at")
    action = fields.optional("action_to_take", lambda name, v: _enum(name, v, DocumentAction))
    return DocumentAlert(
        source=source,
        alert_id=fields.text("alert_id"),
        issuing_state=fields.text("issuing_state"),
        document_type=fields.text("document_type"),
        document_number=fields.text("document_number"),
        document_country=fields.text("document_country"),
        status=fields.enum("status", DocumentStatus),
        action_to_take=action or DocumentAction.SEIZE_DOCUMENT,
        valid_from=fields.optional("valid_from", _instant) or created_at,
        valid_until=fields.optional("valid_until", _instant),
        created_at=created_at,
        withdrawn_at=fields.optional("withdrawn_at", _instant),
        withdrawal_reason=fields.optional("withdrawal_reason", _text),
    )


def _watchlist_entry(fields: "_Fields") -> WatchlistEntry:
    def text(name: str) -> str | None:
        return fields.optional(name, _text)

    return WatchlistEntry(
        entry_id=fields.text("entry_id"),
        entered_by=fields.text("entered_by"),
        offence=fields.enum("offence", Offence),
        surname=text("surname"),
        surname_at_birth=text("surname_at_birth"),
        first_names=text("first_names"),
        other_names=fields.texts("other_names"),
        date_of_birth=text("date_of_birth"),
        place_of_birth=text("place_of_birth"),
        country_of_birth=text("country_of_birth"),
        sex=text("sex"),
        nationalities=fields.texts("nationalities"),
        travel_documents=fields.documents("travel_documents"),
        home_address=text("home_address"),
        email=text("email"),
        phone=text("phone"),
        ip_address=text("ip_address"),
        organisation=fields.optional("organisation", _organisation),
        created_at=fields.instant("created_at"),
        last_reviewed_at=fields.optional("last_reviewed_at", _instant),
        withdrawn_at=fields.optional("withdrawn_at", _instant),
        withdrawal_reason=text("withdrawal_reason"),
    )


T = TypeVar("T")


class _Fields:
    """One line's object, read field by field; unknown fields are refused up front."""

    def __init__(self, data: dict[str, Any], allowed: frozenset[str]) -> None:
        for key in data:
            if key not in allowed:
                raise _RefusedError(
                    "unknown_field", f"{_field_name(key)} is not a field of this kind"
                )
        self._data = data

    def required(self, name: str) -> Any:
        value = self._data.get(name)
        if value is None:
            raise _RefusedError("missing_field", f"{name} is required")
        return value

    def text(self, name: str) -> str:
        return _text(name, self.required(name))

    def enum(self, name: str, enum: type[E]) -> E:
        return _enum(name, self.required(name), enum)

    def instant(self, name: str) -> datetime:
        return _instant(name, self.required(name))

    def optional(self, name: str, read: Callable[[str, Any], T]) -> T | None:
        value = self._data.get(name)
        return None if value is None else read(name, value)

    def texts(self, name: str) -> tuple[str, ...]:
        values = self._data.get(name)
        if values is None:
            return ()
        return tuple(_text(name, value) for value in _list(name, values))

    def documents(self, name: str) -> tuple[TravelDocument, ...]:
        values = self._data.get(name)
        if values is None:
            return ()
        return tuple(_document(name, value) for value in _list(name, values))


def _invalid(name: str, rule: str) -> _RefusedError:
    return _RefusedError("invalid_field", f"{name}: {rule}")


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _invalid(name, "must be a string")
    return value


def _list(name: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _invalid(name, "must be a list")
    return value


def _enum(name: str, value: Any, enum: type[E]) -> E:
    if not isinstance(value, str) or value not in set(enum):
        raise _invalid(name, "one of: " + ", ".join(enum))
    return enum(value)


def _instant(name: str, value: Any) -> datetime:
    rule = "an ISO 8601 date and time with its UTC offset, e.g. 2026-11-23T09:00:00+00:00"
    try:
        at = datetime.fromisoformat(_text(name, value))
    except ValueError:
        raise _invalid(name, rule) from None
    if at.utcoffset() is None:
        raise _invalid(name, rule)
    return at


def _document(name: str, value: Any) -> TravelDocument:
    if not isinstance(value, dict):
        raise _invalid(name, "each document is an object")
    fields = _Fields(value, _DOCUMENT_FIELDS)
    return TravelDocument(
        document_type=fields.text("document_type"),
        number=fields.text("number"),
        country=fields.text("country"),
    )


def _organisation(name: str, value: Any) -> Organisation:
    if not isinstance(value, dict):
        raise _invalid(name, "must be an object")
    fields = _Fields(value, _ORGANISATION_FIELDS)
    return Organisation(
        name=fields.optional("name", _text),
        email=fields.optional("email", _text),
        address=fields.optional("address", _text),
        phone=fields.optional("phone", _text),
    )


def _field_name(key: str) -> str:
    """A field name fit for a message: keys are input too, and may hold anything."""
    return key if _FIELD_NAME.fullmatch(key) else "a field"


_LIFE = {"valid_from", "valid_until", "created_at", "withdrawn_at", "withdrawal_reason"}
_DOCUMENT_FIELDS: Final = frozenset({"document_type", "number", "country"})
_ORGANISATION_FIELDS: Final = frozenset({"name", "email", "address", "phone"})
_DOCUMENT_ALERT_FIELDS = frozenset(
    {"kind", "alert_id", "issuing_state", "document_type", "document_number"}
    | {"document_country", "status", "action_to_take", *_LIFE}
)
_ALLOWED: Final = {
    WatchlistKind.SIS_PERSON: frozenset(
        {"kind", "alert_id", "issuing_state", "category", "surname", "given_names"}
        | {"other_names", "date_of_birth", "sex", "nationalities", "travel_documents"}
        | {"action_to_take", *_LIFE}
    ),
    WatchlistKind.SIS_DOCUMENT: _DOCUMENT_ALERT_FIELDS,
    WatchlistKind.SLTD_DOCUMENT: _DOCUMENT_ALERT_FIELDS,
    WatchlistKind.ETIAS_WATCHLIST: frozenset(
        {"kind", "entry_id", "entered_by", "offence", "surname", "surname_at_birth"}
        | {"first_names", "other_names", "date_of_birth", "place_of_birth"}
        | {"country_of_birth", "sex", "nationalities", "travel_documents", "home_address"}
        | {"email", "phone", "ip_address", "organisation", "created_at", "last_reviewed_at"}
        | {"withdrawn_at", "withdrawal_reason"}
    ),
}
