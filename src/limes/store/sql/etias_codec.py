"""ETIAS application files and screening rules as JSON text, and back, exactly.

The SQL store keeps each aggregate whole in one text column. The codec is built once per
dataclass from its type hints: dates and instants as ISO 8601 (an instant keeps its UTC
offset), enumerations by value, tuples as arrays, `X | None` as the value or null. A type
it does not know (a dict, a set, a union of two types) fails when this module is
imported, not when a file is first saved. `core.dataclass_json` does the same walk
generically, resolving the type hints for every value; for a file with a dozen nested
dataclasses that is most of the cost, and `all()` decodes every file.

A field added later with a default reads old documents unchanged; a field renamed or
retyped needs a migration that rewrites the documents.
"""

import dataclasses
import json
import types
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from limes.etias.model import ApplicationFile
from limes.etias.screening_rules import ScreeningRule

JsonValue = Any
Encode = Callable[[Any], JsonValue]
Decode = Callable[[JsonValue], Any]


def application_file_to_json(file: ApplicationFile) -> str:
    return _dumps(_FILE_ENCODE(file))


def application_file_from_json(text: str) -> ApplicationFile:
    file: ApplicationFile = _FILE_DECODE(json.loads(text))
    return file


def screening_rule_to_json(rule: ScreeningRule) -> str:
    return _dumps(_RULE_ENCODE(rule))


def screening_rule_from_json(text: str) -> ScreeningRule:
    rule: ScreeningRule = _RULE_DECODE(json.loads(text))
    return rule


def _dumps(value: JsonValue) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _same(value: Any) -> Any:
    return value


@cache
def codec_for(hint: Any) -> tuple[Encode, Decode]:
    """The encoder and decoder of values of type `hint`; TypeError for an unknown type."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return _optional(hint)
    if origin is tuple:
        return _tuple(hint)
    if hint in (str, int, bool):
        return _same, _same
    if hint is float:
        return float, float  # 1.0 stays a float through JSON
    if hint is datetime:
        return datetime.isoformat, datetime.fromisoformat
    if hint is date:
        return date.isoformat, date.fromisoformat
    if isinstance(hint, type) and issubclass(hint, Enum):
        enum: type[Enum] = hint
        return (lambda member: member.value), enum
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    raise TypeError(f"the ETIAS codec cannot store {hint!r}")


def _optional(hint: Any) -> tuple[Encode, Decode]:
    options = [option for option in get_args(hint) if option is not type(None)]
    if len(options) != 1 or len(get_args(hint)) != 2:
        raise TypeError(f"the ETIAS codec stores `X | None` unions only, not {hint!r}")
    encode, decode = codec_for(options[0])
    return (
        lambda value: None if value is None else encode(value),
        lambda data: None if data is None else decode(data),
    )


def _tuple(hint: Any) -> tuple[Encode, Decode]:
    arguments = get_args(hint)
    if len(arguments) != 2 or arguments[1] is not Ellipsis:
        raise TypeError(f"the ETIAS codec stores `tuple[X, ...]` only, not {hint!r}")
    encode, decode = codec_for(arguments[0])
    return (
        lambda values: [encode(value) for value in values],
        lambda data: tuple(decode(item) for item in data),
    )


def _dataclass(cls: type[Any]) -> tuple[Encode, Decode]:
    hints = get_type_hints(cls)
    fields = [
        (field.name, *codec_for(hints[field.name]))
        for field in dataclasses.fields(cls)
        if field.init
    ]

    def encode(value: Any) -> JsonValue:
        return {name: encode(getattr(value, name)) for name, encode, _ in fields}

    def decode(data: JsonValue) -> Any:
        # A field missing from an older document takes its default.
        return cls(**{name: decode(data[name]) for name, _, decode in fields if name in data})

    return encode, decode


_FILE_ENCODE, _FILE_DECODE = codec_for(ApplicationFile)
_RULE_ENCODE, _RULE_DECODE = codec_for(ScreeningRule)
