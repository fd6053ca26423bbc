"""Routes of the border check: look up a traveller, register crossings, read the stay.

Documents travel in request bodies, never in URLs, because URLs end up in access logs.
"""

from typing import Annotated

from fastapi import APIRouter

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.crossings import (
    CarrierQuery,
    CarrierVerdictRead,
    EntryCreate,
    EntryRead,
    ExitCreate,
    ExitRead,
    RefusalCreate,
    RefusalRead,
    StayDecisionCreate,
    StayQuery,
    StayReportRead,
    document_key,
)
from limes.api.deps import IdempotencyKeyHeader, ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.fields import DocumentKeyBody
from limes.api.records import EntryRecordRead, TravellerHistoryRead

router = APIRouter(tags=["border check"], responses=error_responses(401, 403, 422, 503))


@router.post(
    "/travellers/lookup",
    responses=error_responses(400, 404, 413),
    summary="Find the individual file holding a travel document, with all its records",
    description=roles_note(Action.TRAVELLER_READ),
)
def look_up_traveller(
    body: DocumentKeyBody,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.TRAVELLER_READ)],
) -> TravellerHistoryRead:
    history = services.stays.find_traveller(document_key(body), actor)
    return TravellerHistoryRead.from_domain(history)


@router.post(
    "/entries",
    responses=error_responses(400, 404, 409, 413),
    status_code=201,
    summary="Register an entry; the answer carries the maximum authorised stay",
    description=roles_note(Action.ENTRY_REGISTER),
)
def register_entry(
    body: EntryCreate,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.ENTRY_REGISTER)],
    idempotency_key: IdempotencyKeyHeader = None,
) -> EntryRead:
    outcome = services.entry_exit.register_entry(body.to_domain(), actor, idempotency_key)
    return EntryRead.from_domain(outcome)


@router.post(
    "/exits",
    responses=error_responses(400, 404, 409, 413),
    status_code=201,
    summary="Register an exit; the answer carries any overstay",
    description=roles_note(Action.EXIT_REGISTER),
)
def register_exit(
    body: ExitCreate,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.EXIT_REGISTER)],
    idempotency_key: IdempotencyKeyHeader = None,
) -> ExitRead:
    outcome = services.entry_exit.register_exit(body.to_domain(), actor, idempotency_key)
    return ExitRead.from_domain(outcome)


@router.post(
    "/refusals",
    responses=error_responses(400, 409, 413),
    status_code=201,
    summary="Register a refusal of entry with its Annex V Part B reasons",
    description=roles_note(Action.REFUSAL_REGISTER),
)
def register_refusal(
    body: RefusalCreate,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.REFUSAL_REGISTER)],
    idempotency_key: IdempotencyKeyHeader = None,
) -> RefusalRead:
    outcome = services.entry_exit.register_refusal(body.to_domain(), actor, idempotency_key)
    return RefusalRead.from_domain(outcome)


@router.post(
    "/stay-decisions",
    responses=error_responses(400, 404, 409, 413),
    status_code=201,
    summary="Extend, revoke or annul the latest authorised stay (EESR art. 19)",
    description=roles_note(Action.STAY_DECISION_REGISTER),
)
def register_stay_decision(
    body: StayDecisionCreate,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.STAY_DECISION_REGISTER, "stay_decision")],
    idempotency_key: IdempotencyKeyHeader = None,
) -> EntryRecordRead:
    record = services.entry_exit.register_stay_decision(body.to_domain(), actor, idempotency_key)
    return EntryRecordRead.from_domain(record)


@router.post(
    "/stay/remaining",
    responses=error_responses(400, 404, 413),
    summary="Days used and remaining, or the overstay, on a day (today by default)",
    description=roles_note(Action.STAY_READ),
)
def remaining_stay(
    body: StayQuery,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.STAY_READ)],
) -> StayReportRead:
    report = services.stays.remaining_stay(document_key(body.document), actor, body.on)
    return StayReportRead.from_domain(report)


@router.post(
    "/carrier/verify",
    responses=error_responses(400, 413),
    summary="Whether a visa's entries are used up (EESR art. 13(3)): OK or NOT OK",
    description=roles_note(Action.CARRIER_VERIFY),
)
def verify_for_carrier(
    body: CarrierQuery,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.CARRIER_VERIFY, "carrier_check")],
) -> CarrierVerdictRead:
    verdict = services.stays.carrier_check(
        document_key(body.document),
        body.nationality,
        actor,
        body.planned_entry,
        body.visa.to_domain() if body.visa else None,
    )
    return CarrierVerdictRead.from_domain(verdict)
