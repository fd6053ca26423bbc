"""Issued travel authorisations: annulment and revocation (art. 40-41), the rescreening of
valid ones (art. 41(3)-(4)), and what carriers (art. 45) and border guards (art. 47) may
ask. Documents travel in the body, never in the URL. Mounted under /etias by `api/etias.py`.
"""

from typing import Annotated, Literal

from fastapi import APIRouter, Path
from pydantic import Field, StringConstraints

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.etias_forms import Statement
from limes.api.etias_reads import BorderAnswerRead, CaseRead, RescreenReportRead
from limes.api.fields import CountryCode, Day, DocumentKeyBody, Schema
from limes.etias.answers import CarrierAnswer
from limes.etias.model import RefusalGround

router = APIRouter(responses=error_responses(400, 401, 403, 413, 422, 503))

Manager = Annotated[Actor, permitted(Action.ETIAS_AUTHORISATION_MANAGE, "etias_case_handling")]
Rescreener = Annotated[Actor, permitted(Action.ETIAS_CENTRAL_VERIFY, "etias_case_handling")]
Carrier = Annotated[Actor, permitted(Action.ETIAS_CARRIER_QUERY, "carrier_check")]
Guard = Annotated[Actor, permitted(Action.ETIAS_BORDER_QUERY)]
AuthorisationNumber = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$"),
    Path(description="The travel authorisation's number, e.g. TA-…"),
]
SourceName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,39}$")]
MrzLine = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9< ]{1,60}$")]


class Ending(Schema):
    """The grounds (art. 37, by reference in art. 40(1), 41(1)) and the statement of reasons."""

    grounds: Annotated[tuple[RefusalGround, ...], Field(min_length=1, max_length=8)]
    reason: Statement


class RescreenBody(Schema):
    sources: Annotated[tuple[SourceName, ...], Field(max_length=10)] | None = Field(
        default=None,
        description="Only these sources (sis_persons, travel_documents, etias_watchlist, "
        "ees); default every one.",
    )


class CarrierQuery(Schema):
    """Art. 45(2): the traveller's document, nationality and day of travel; for a limited
    territorial validity, the Member State of entry."""

    document: DocumentKeyBody
    nationality: CountryCode
    travel_date: Day | None = Field(default=None, description="Default: today.")
    state_of_entry: CountryCode | None = None


class CarrierAnswerRead(Schema):
    """Whether the traveller holds a valid travel authorisation: nothing more (art. 45(2))."""

    answer: Literal["OK", "NOT_OK"]


class BorderQuery(Schema):
    """The machine-readable zone of the travel document, as read: two or three lines."""

    mrz: Annotated[tuple[MrzLine, ...], Field(min_length=1, max_length=3)]


@router.post(
    "/authorisations/{authorisation_number}/annul",
    responses=error_responses(404, 409),
    summary="Annul a travel authorisation: the conditions for issuing were not met (art. 40)",
    description=roles_note(Action.ETIAS_AUTHORISATION_MANAGE),
)
def annul(
    authorisation_number: AuthorisationNumber,
    body: Ending,
    services: ServicesDep,
    actor: Manager,
) -> CaseRead:
    file = services.etias.annul(actor, authorisation_number, body.grounds, reason=body.reason)
    return CaseRead.from_domain(file)


@router.post(
    "/authorisations/{authorisation_number}/revoke",
    responses=error_responses(404, 409),
    summary="Revoke a travel authorisation: the conditions are no longer met (art. 41(1))",
    description=roles_note(Action.ETIAS_AUTHORISATION_MANAGE),
)
def revoke(
    authorisation_number: AuthorisationNumber,
    body: Ending,
    services: ServicesDep,
    actor: Manager,
) -> CaseRead:
    file = services.etias.revoke(actor, authorisation_number, body.grounds, reason=body.reason)
    return CaseRead.from_domain(file)


@router.post(
    "/rescreen",
    summary="Check every valid authorisation against the sources again; a new hit opens a "
    "revocation review (art. 41(3)-(4))",
    description=roles_note(Action.ETIAS_CENTRAL_VERIFY),
)
def rescreen(body: RescreenBody, services: ServicesDep, actor: Rescreener) -> RescreenReportRead:
    report = services.etias.rescreen(actor, sources=body.sources)
    return RescreenReportRead.from_domain(report)


@router.post(
    "/carrier-query",
    summary="Whether a traveller holds a valid travel authorisation: OK or NOT_OK (art. 45)",
    description=roles_note(Action.ETIAS_CARRIER_QUERY),
)
def carrier_query(body: CarrierQuery, services: ServicesDep, actor: Carrier) -> CarrierAnswerRead:
    answer = services.etias.carrier_query(
        actor,
        body.document.number,
        body.document.issuing_state,
        body.nationality,
        travel_date=body.travel_date or services.clock.now().date(),
        state_of_entry=body.state_of_entry,
    )
    return CarrierAnswerRead(answer="OK" if answer is CarrierAnswer.OK else "NOT_OK")


@router.post(
    "/border-query",
    responses=error_responses(422),
    summary="The travel authorisation for a scanned document, as it applies to your state "
    "(art. 47); an unreadable zone is 422 `etias.unreadable_mrz`: rescan",
    description=roles_note(Action.ETIAS_BORDER_QUERY),
)
def border_query(body: BorderQuery, services: ServicesDep, actor: Guard) -> BorderAnswerRead:
    return BorderAnswerRead.from_domain(services.etias.border_query(actor, list(body.mrz)))
