"""The ETIAS applicant's routes: no account and no token (art. 15), rate limited per address.

The API acts for the applicant as the public website (`PUBLIC_WEBSITE`, role applicant).
An applicant proves a file is theirs with its application id and their travel document
number, which travels in the body, never in the URL; a wrong pair answers exactly like
an unknown id (404), so pairs cannot be probed. Mounted under /etias by `api/etias.py`.
"""

import ipaddress
from typing import Annotated, Final

from fastapi import APIRouter, Depends, Path, Request
from pydantic import Field, StringConstraints

from limes.access.model import Actor, Role
from limes.api.deps import ServicesDep
from limes.api.errors import error_responses
from limes.api.etias_forms import ApplicationFormBody
from limes.api.etias_reads import ApplicantStatusRead
from limes.api.fields import Identifier, Schema
from limes.api.rate_limit import ROUTE_NOTE, client_address, public_rate_limit

PUBLIC_WEBSITE: Final = Actor(
    user_name="etias-public-website",
    roles=frozenset({Role.APPLICANT}),
    authority="ETIAS public website",
    state="",
    purpose="etias_application",
)

router = APIRouter(
    dependencies=[Depends(public_rate_limit)],
    responses=error_responses(400, 404, 413, 422, 429, 503),
)

ApplicationId = Annotated[Identifier, Path(description="The application's identifier.")]
# As printed; compared without spaces, dashes or fillers, case-insensitively.
DocumentNumber = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9 <-]{1,40}$")]
Reply = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x09\x0b-\x1f\x7f]{1,4000}$")]


class ApplicantProof(Schema):
    """The travel document number the application was made with."""

    document_number: DocumentNumber


class InformationReply(ApplicantProof):
    reply: Reply = Field(description="The answer to the National Unit's questions (art. 27).")


class SelfRevocation(ApplicantProof):
    application_id: Identifier


def _ip_address(request: Request) -> str:
    """The client's IP address for art. 17(8); empty when the peer is not an IP address."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""


@router.post(
    "/applications",
    status_code=201,
    summary="Apply for a travel authorisation (art. 17, 19-21)",
    description="The form is checked as a whole: every problem comes back at once as 422 "
    "`etias.invalid_application` with `details` of `{field, type}`, never the values. "
    "Automated processing runs at once; without a hit the authorisation is issued. " + ROUTE_NOTE,
)
def submit_application(
    body: ApplicationFormBody, request: Request, services: ServicesDep
) -> ApplicantStatusRead:
    form = body.to_domain(ip_address=_ip_address(request))
    return ApplicantStatusRead.from_domain(services.etias.submit(form, PUBLIC_WEBSITE))


@router.post(
    "/applications/{application_id}/status",
    summary="The status of one's application and authorisation (art. 31, 38)",
    description=ROUTE_NOTE,
)
def application_status(
    application_id: ApplicationId, body: ApplicantProof, services: ServicesDep
) -> ApplicantStatusRead:
    status = services.etias.status(PUBLIC_WEBSITE, application_id, body.document_number)
    return ApplicantStatusRead.from_domain(status)


@router.post(
    "/applications/{application_id}/information-reply",
    responses=error_responses(409),
    summary="Answer a National Unit's request for information, within 10 days (art. 27(2))",
    description=ROUTE_NOTE,
)
def reply_to_information_request(
    application_id: ApplicationId, body: InformationReply, services: ServicesDep
) -> ApplicantStatusRead:
    status = services.etias.record_information_reply(
        PUBLIC_WEBSITE, application_id, body.document_number, body.reply
    )
    return ApplicantStatusRead.from_domain(status)


@router.post(
    "/applications/{application_id}/retention-consent",
    responses=error_responses(409),
    summary="Consent to keeping the file three more years after validity (art. 54(2))",
    description=ROUTE_NOTE,
)
def consent_to_retention(
    application_id: ApplicationId, body: ApplicantProof, services: ServicesDep
) -> ApplicantStatusRead:
    status = services.etias.consent_to_retention(
        PUBLIC_WEBSITE, application_id, body.document_number
    )
    return ApplicantStatusRead.from_domain(status)


@router.post(
    "/authorisations/self-revoke",
    responses=error_responses(409),
    summary="Revoke one's own travel authorisation (art. 41(8))",
    description=ROUTE_NOTE,
)
def self_revoke(body: SelfRevocation, services: ServicesDep) -> ApplicantStatusRead:
    status = services.etias.self_revoke(PUBLIC_WEBSITE, body.application_id, body.document_number)
    return ApplicantStatusRead.from_domain(status)
