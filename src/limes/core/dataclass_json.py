"""Frozen dataclasses to JSON-ready values and back, driven by their type hints.

Used where a domain value must outlive the process as text: the outcome kept under an
idempotency key, and a command waiting in the fallback queue. Supports the field types
our records use: str, int, float, bool, None, date, datetime (ISO 8601, offset kept),
StrEnum, nested dataclasses, tuple[X, ...], frozenset[X] (sorted on the way out) and
unions with None; dicts are written (keys as strings) but not read back.
"""

import dataclasses
import types
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")

JsonValue = Any


def to_jsonable(value: object) -> JsonValue:
    """A structure of dicts, lists, strings, numbers, booleans and None."""
    if value is None or isinstance(value, bool | int | float | str):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: to_jsonable(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
    if isinstance(value, frozenset | set):
        return sorted((to_jsonable(item) for item in value), key=repr)
    if isinstance(value, tuple | list):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(to_jsonable(key)): to_jsonable(item) for key, item in value.items()}
    raise TypeError(f"cannot turn {type(value).__name__} into JSON")


def from_jsonable(cls: type[T], data: JsonValue) -> T:
    """Rebuild a value of type `cls` from what `to_jsonable` produced."""
    return _decode(cls, data)  # type: ignore[no-any-return]


def _decode(hint: Any, data: JsonValue) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = get_args(hint)
        if data is None and type(None) in options:
            return None
        (kind,) = [option for option in options if option is not type(None)]
        return _decode(kind, data)
    if origin is tuple:
        (item,) = [arg for arg in get_args(hint) if arg is not Ellipsis][:1]
        return tuple(_decode(item, element) for element in data)
    if origin is frozenset:
        (item,) = get_args(hint)
        return frozenset(_decode(item, element) for element in data)
    if hint is Any or hint in (str, int, float, bool):
        return data
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(data)
    if hint is datetime:
        return datetime.fromisoformat(data)
    if hint is date:
        return date.fromisoformat(data)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = get_type_hints(hint)
        return hint(
            **{
                field.name: _decode(hints[field.name], data[field.name])
                for field in dataclasses.fields(hint)
                if field.name in data
            }
        )
    raise TypeError(f"cannot rebuild {hint!r} from JSON")
