"""POST /screening/compare: two people through the name-screening engine, with its reasons.

The engine is pure and touches no stored record, but who compared whom for what purpose
is audited as every read is (`X-Purpose`; the names themselves are not in the log).
"""

from typing import Annotated, Literal

from fastapi import APIRouter
from pydantic import Field, StringConstraints

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.fields import CountryCode, Schema
from limes.screening.engine import MATCH_THRESHOLD, compare
from limes.screening.model import Comparison, Decision, Name, NameKind, Person

router = APIRouter(
    prefix="/screening",
    tags=["screening"],
    responses=error_responses(400, 401, 403, 413, 422, 503),
)

Comparer = Annotated[Actor, permitted(Action.SCREENING_COMPARE, "watchlist_screening")]
NameText = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{0,100}$")]
PartialDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    Field(description="ISO 8601, possibly partial: 1975, 1975-03 or 1975-03-02."),
]


class NameBody(Schema):
    """A whole name in any script and order (`text`), or its parts (`family`, `given`)."""

    text: NameText = ""
    family: NameText = ""
    given: NameText = ""
    kind: NameKind = NameKind.PRIMARY

    def to_domain(self) -> Name:
        return Name(text=self.text, family=self.family, given=self.given, kind=self.kind)


class PersonBody(Schema):
    names: Annotated[tuple[NameBody, ...], Field(min_length=1, max_length=5)]
    birth_date: PartialDate | None = None
    nationalities: Annotated[tuple[CountryCode, ...], Field(max_length=5)] = ()
    sex: Literal["M", "F", "X"] | None = None

    def to_domain(self) -> Person:
        return Person(
            names=tuple(name.to_domain() for name in self.names),
            birth_date=self.birth_date,
            nationalities=self.nationalities,
            sex=self.sex,
        )


class ComparisonCreate(Schema):
    """The person looked for (`query`) and the listed one (`candidate`)."""

    query: PersonBody
    candidate: PersonBody


class ReasonRead(Schema):
    code: str
    detail: str
    effect: float = Field(description="What the reason added to (or took from) the score.")


class ComparisonRead(Schema):
    score: float
    decision: Literal["match", "no_match"]
    threshold: float
    reasons: list[ReasonRead]

    @classmethod
    def from_domain(cls, comparison: Comparison) -> "ComparisonRead":
        return cls(
            score=comparison.score,
            decision="match" if comparison.decision is Decision.MATCH else "no_match",
            threshold=MATCH_THRESHOLD,
            reasons=[
                ReasonRead(code=r.code, detail=r.detail, effect=round(r.effect, 4))
                for r in comparison.reasons
            ],
        )


@router.post(
    "/compare",
    summary="Compare two people as the watchlist screening does: score, decision, reasons",
    description="Names in any script; missing facts count as unknown, never as a mismatch. "
    + roles_note(Action.SCREENING_COMPARE),
)
def compare_people(
    body: ComparisonCreate, services: ServicesDep, actor: Comparer
) -> ComparisonRead:
    comparison = compare(body.query.to_domain(), body.candidate.to_domain())
    services.audit.record_use(
        actor, Action.SCREENING_COMPARE, "screening:compare", services.clock.now()
    )
    return ComparisonRead.from_domain(comparison)
