"""What the name-screening engine compares and what it answers. Pure value types.

A `Person` is one side of a comparison: an ETIAS applicant, an SIS alert, an ETIAS
watchlist entry (which may hold only a surname and a date of birth, Reg. 2018/1240
art. 34(4)), or a name read from a machine-readable zone. Missing data is unknown, never
a mismatch.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class NameKind(StrEnum):
    PRIMARY = "primary"  # the name as on the travel document
    BIRTH = "birth"  # surname at birth (art. 17(2)(a))
    ALIAS = "alias"  # other names: aliases, artistic and usual names (art. 17(2)(b))


@dataclass(frozen=True, slots=True, kw_only=True)
class Name:
    """One name of a person, free text or structured.

    `text` is a whole name in any script and order: "Vladimir Putin", "PUTIN, Vladimir",
    "PUTIN<<VLADIMIR" (ICAO 9303 MRZ form), "Владимир Путин". When the source knows which
    part is which, `family` and `given` carry them instead (either may be empty: a
    watchlist entry may hold only a surname).
    """

    text: str = ""
    family: str = ""
    given: str = ""
    kind: NameKind = NameKind.PRIMARY

    def display(self) -> str:
        if self.text:
            return self.text
        return (
            f"{self.family}, {self.given}"
            if self.given and self.family
            else (self.family or self.given)
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """One side of a comparison: names (at least one) and the facts that qualify them.

    `birth_date` is ISO 8601, possibly partial: "1974", "1974-08" or "1974-08-12".
    `nationalities` are ISO 3166-1 alpha-3 / ICAO 9303 codes; `sex` is "M", "F" or "X".
    """

    names: tuple[Name, ...]
    birth_date: str | None = None
    birth_date_approximate: bool = False
    nationalities: tuple[str, ...] = ()
    sex: str | None = None


class Decision(StrEnum):
    MATCH = "match"
    NO_MATCH = "no_match"


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence: a stable code, a human explanation and its effect on the score.

    Codes: "name_parts" (which parts aligned, how, with which transliteration),
    "extra_part", "birth_date", "nationality", "sex", "generational_suffix",
    "gendered_form", ... `effect` is what the reason added to (or took from) the score.
    """

    code: str
    detail: str
    effect: float = 0.0


@dataclass(frozen=True, slots=True)
class Comparison:
    """The engine's answer for one pair: a score in [0, 1], the decision and why."""

    score: float
    decision: Decision
    reasons: tuple[Reason, ...] = field(default=())
    query_name: str = ""
    candidate_name: str = ""
