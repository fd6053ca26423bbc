"""JSON files the `limes etias` commands read: the same bodies the API takes.

An application form is the body of POST /etias/applications (src/limes/examples/
etias_application.json), a screening rule that of POST /etias/screening-rules, a proposed
watchlist entry that of POST /watchlist/entries. A file that cannot be read, or that does
not fit its schema, is a coded error naming the fields and the rules they broke, never
the values (they may be a name or a document number).
"""

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from limes.cli.options import read_source
from limes.core.errors import LimesError

M = TypeVar("M", bound=BaseModel)


class UnreadableFileError(LimesError):
    code = "etias.unreadable_file"


class InvalidFileError(LimesError):
    """The file is JSON but not of the expected shape; `details()` lists field and rule."""

    code = "etias.invalid_file"

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        fields = ", ".join(f"{field} ({kind})" for field, kind in problems)
        super().__init__(f"the file does not fit the schema: {fields}")
        self.problems = problems

    def details(self) -> list[dict[str, object]] | None:
        return [{"field": field, "type": kind} for field, kind in self.problems]


def read_text(source: Path | str) -> str:
    """The UTF-8 text of file `source` ("-": standard input)."""
    try:
        return read_source(str(source))
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFileError(
            f"cannot read the file as UTF-8 text ({type(error).__name__})"
        ) from None


def load(model: type[M], source: Path | str) -> M:
    """The JSON document in file `source` ("-": standard input) as a `model`."""
    text = read_text(source)
    try:
        return model.model_validate_json(text)
    except ValidationError as error:
        problems = [
            (".".join(str(part) for part in item["loc"]) or "(document)", item["type"])
            for item in error.errors()
        ]
        raise InvalidFileError(problems) from None
