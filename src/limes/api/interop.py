"""Routes of the interoperability layer: CIR records, the MID workflow, the search portal."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Response
from pydantic import Field

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.biometrics import Base64, SystemName, decode_base64
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.fields import (
    CountryCode,
    Day,
    DocumentNumber,
    Identifier,
    Limit,
    Name,
    Offset,
    Schema,
    Text,
)
from limes.ees.model import Sex
from limes.interop.commands import RecordRegistration
from limes.interop.link_statistics import Durations, LinkStatistics
from limes.interop.mid_service import LinkFile
from limes.interop.model import (
    IdentityData,
    Link,
    LinkColour,
    System,
    SystemRecord,
    TravelDocument,
)
from limes.interop.search_portal import PortalAnswer, SearchQuery

router = APIRouter(
    prefix="/interop",
    tags=["interoperability"],
    responses=error_responses(400, 401, 403, 413, 422, 503),
)

Writer = Annotated[Actor, permitted(Action.INTEROP_RECORD_WRITE)]
Reader = Annotated[Actor, permitted(Action.INTEROP_RECORD_READ)]
QueueReader = Annotated[Actor, permitted(Action.MID_QUEUE_READ, "identity_verification")]
Resolver = Annotated[Actor, permitted(Action.MID_LINK_RESOLVE, "identity_verification")]
Statistician = Annotated[Actor, permitted(Action.MID_STATISTICS_READ, "statistics")]
PortalUser = Annotated[Actor, permitted(Action.ESP_SEARCH)]
LinkId = Annotated[Identifier, Path(description="The link's (and its confirmation file's) id.")]


class IdentityBody(Schema):
    surname: Annotated[Name, Field(min_length=1)]
    given_names: Name = ""
    date_of_birth: Day | None = None
    sex: Sex | None = None
    nationalities: Annotated[tuple[CountryCode, ...], Field(max_length=5)] = ()

    def to_domain(self) -> IdentityData:
        return IdentityData(
            surname=self.surname,
            given_names=self.given_names,
            date_of_birth=self.date_of_birth,
            sex=None if self.sex is None else self.sex.value,
            nationalities=tuple(self.nationalities),
        )

    @classmethod
    def from_domain(cls, identity: IdentityData) -> "IdentityBody":
        return cls(
            surname=identity.surname,
            given_names=identity.given_names,
            date_of_birth=identity.date_of_birth,
            sex=None if identity.sex is None else Sex(identity.sex),
            nationalities=identity.nationalities,
        )


class DocumentBody(Schema):
    issuing_state: CountryCode
    number: DocumentNumber

    def to_domain(self) -> TravelDocument:
        return TravelDocument(number=self.number, issuing_state=self.issuing_state)


class RecordWrite(Schema):
    """A record created or updated in one EU system; its templates enrolled beforehand."""

    system: SystemName
    record_id: Identifier
    member_state: CountryCode
    identity: IdentityBody
    documents: Annotated[tuple[DocumentBody, ...], Field(max_length=10)] = ()
    template_ids: Annotated[tuple[Identifier, ...], Field(max_length=11)] = ()

    def to_domain(self) -> RecordRegistration:
        return RecordRegistration(
            system=System(self.system),
            record_id=self.record_id,
            member_state=self.member_state,
            identity=self.identity.to_domain(),
            documents=tuple(d.to_domain() for d in self.documents),
            template_ids=tuple(self.template_ids),
        )


class RecordRead(Schema):
    system: str
    record_id: str
    identity_id: str
    member_state: str
    identity: IdentityBody
    documents: tuple[DocumentBody, ...]
    template_ids: list[str]
    created_at: str
    updated_at: str

    @classmethod
    def from_domain(cls, record: SystemRecord) -> "RecordRead":
        return cls(
            system=record.system.value,
            record_id=record.record_id,
            identity_id=record.identity_id,
            member_state=record.member_state,
            identity=IdentityBody.from_domain(record.identity),
            documents=tuple(
                DocumentBody(issuing_state=d.issuing_state, number=d.number)
                for d in record.documents
            ),
            template_ids=list(record.template_ids),
            created_at=record.created_at.isoformat(),
            updated_at=record.updated_at.isoformat(),
        )


class LinkChangeRead(Schema):
    at: str
    by: str
    authority: str
    colour: str
    reason: str


class LinkRead(Schema):
    """A MID link with its identity confirmation file (Reg. 2019/817 art. 34)."""

    link_id: str
    record_a: str
    record_b: str
    colour: str
    biometric: str
    biometric_score: float | None
    biometric_modality: str | None
    identity: str
    document: str
    responsible_system: str
    responsible_state: str
    created_at: str
    verify_by: str | None
    verified_at: str | None
    history: list[LinkChangeRead]

    @classmethod
    def from_domain(cls, link: Link) -> "LinkRead":
        return cls(
            link_id=link.link_id,
            record_a=link.record_a,
            record_b=link.record_b,
            colour=link.colour.value,
            biometric=link.evidence.biometric.value,
            biometric_score=link.evidence.biometric_score,
            biometric_modality=link.evidence.biometric_modality,
            identity=link.evidence.identity.value,
            document=link.evidence.document.value,
            responsible_system=link.responsible_system.value,
            responsible_state=link.responsible_state,
            created_at=link.created_at.isoformat(),
            verify_by=None if link.verify_by is None else link.verify_by.isoformat(),
            verified_at=None if link.verified_at is None else link.verified_at.isoformat(),
            history=[
                LinkChangeRead(
                    at=c.at.isoformat(),
                    by=c.by,
                    authority=c.authority,
                    colour=c.colour.value,
                    reason=c.reason,
                )
                for c in link.history
            ],
        )


class RecordOutcomeRead(Schema):
    record: RecordRead
    created: bool
    links: list[LinkRead]


class LinkFileRead(Schema):
    link: LinkRead
    legal_basis: str
    record_a: RecordRead | None = Field(description="Only for the responsible authority.")
    record_b: RecordRead | None

    @classmethod
    def from_domain(cls, file: LinkFile) -> "LinkFileRead":
        return cls(
            link=LinkRead.from_domain(file.link),
            legal_basis=file.legal_basis,
            record_a=None if file.record_a is None else RecordRead.from_domain(file.record_a),
            record_b=None if file.record_b is None else RecordRead.from_domain(file.record_b),
        )


class Resolution(Schema):
    colour: Literal["white", "green", "red"]
    reason: Text


class DurationsRead(Schema):
    closed: int
    closed_median_hours: float | None
    closed_max_hours: float | None
    still_open: int
    open_median_hours: float | None
    open_max_hours: float | None
    overdue: int

    @classmethod
    def from_domain(cls, durations: Durations) -> "DurationsRead":
        return cls(
            closed=durations.closed,
            closed_median_hours=durations.closed_median_hours,
            closed_max_hours=durations.closed_max_hours,
            still_open=durations.still_open,
            open_median_hours=durations.open_median_hours,
            open_max_hours=durations.open_max_hours,
            overdue=durations.overdue,
        )


class StatisticsRead(Schema):
    by_colour: dict[str, int]
    yellow: DurationsRead
    red: DurationsRead

    @classmethod
    def from_domain(cls, stats: LinkStatistics) -> "StatisticsRead":
        return cls(
            by_colour=stats.by_colour,
            yellow=DurationsRead.from_domain(stats.yellow),
            red=DurationsRead.from_domain(stats.red),
        )


class PortalQuery(Schema):
    """Any of: a travel document, identity data, a facial image (base64)."""

    document: DocumentBody | None = None
    identity: IdentityBody | None = None
    face_image: Base64 | None = None
    max_candidates: Annotated[int, Field(ge=1, le=100)] = 10


class PortalAnswerRead(Schema):
    searched: list[str]
    query_kinds: list[str]
    results: dict[str, list[dict[str, Any]]]

    @classmethod
    def from_domain(cls, answer: PortalAnswer) -> "PortalAnswerRead":
        return cls(
            searched=list(answer.searched),
            query_kinds=list(answer.query_kinds),
            results=answer.results,
        )


@router.post(
    "/records",
    responses={**error_responses(404, 409), 200: {"description": "An existing record updated."}},
    status_code=201,
    summary="A record created or updated in an EU system: CIR write and multiple-identity check",
    description=roles_note(Action.INTEROP_RECORD_WRITE),
)
def write_record(
    body: RecordWrite, services: ServicesDep, actor: Writer, response: Response
) -> RecordOutcomeRead:
    outcome = services.identities.register_record(body.to_domain(), actor)
    if not outcome.created:
        response.status_code = 200
    return RecordOutcomeRead(
        record=RecordRead.from_domain(outcome.record),
        created=outcome.created,
        links=[LinkRead.from_domain(link) for link in outcome.links],
    )


@router.get(
    "/records/{system}/{record_id}",
    responses=error_responses(404),
    summary="A record as the CIR holds it",
    description=roles_note(Action.INTEROP_RECORD_READ),
)
def read_record(
    system: Annotated[SystemName, Path()],
    record_id: Annotated[Identifier, Path()],
    services: ServicesDep,
    actor: Reader,
) -> RecordRead:
    record = services.identities.get_record(System(system), record_id, actor)
    return RecordRead.from_domain(record)


@router.get(
    "/identities/{identity_id}",
    responses=error_responses(404),
    summary="Every record of one person across the EES, ETIAS, VIS and SIS",
    description=roles_note(Action.INTEROP_RECORD_READ),
)
def read_identity(
    identity_id: Annotated[Identifier, Path()], services: ServicesDep, actor: Reader
) -> list[RecordRead]:
    return [RecordRead.from_domain(r) for r in services.identities.identity(identity_id, actor)]


@router.get(
    "/links/queue",
    summary="Yellow links this authority must verify, earliest deadline first",
    description=roles_note(Action.MID_QUEUE_READ),
)
def link_queue(
    services: ServicesDep, actor: QueueReader, limit: Limit = 50, offset: Offset = 0
) -> list[LinkRead]:
    links = services.mid.queue(actor, limit=limit, offset=offset)
    return [LinkRead.from_domain(link) for link in links]


@router.get(
    "/links/{link_id}",
    responses=error_responses(404),
    summary="A link's identity confirmation file, with the linked records for its verifier",
    description=roles_note(Action.MID_QUEUE_READ),
)
def link_file(link_id: LinkId, services: ServicesDep, actor: QueueReader) -> LinkFileRead:
    return LinkFileRead.from_domain(services.mid.link_file(link_id, actor))


@router.post(
    "/links/{link_id}/resolution",
    responses=error_responses(404, 409),
    summary="Manual verification: white (same person), green (different) or red (fraud)",
    description=roles_note(Action.MID_LINK_RESOLVE),
)
def resolve_link(
    link_id: LinkId, body: Resolution, services: ServicesDep, actor: Resolver
) -> LinkRead:
    link = services.mid.resolve(link_id, LinkColour(body.colour), body.reason, actor)
    return LinkRead.from_domain(link)


@router.get(
    "/statistics",
    summary="Links per colour; how long yellow and red links stayed",
    description=roles_note(Action.MID_STATISTICS_READ),
)
def statistics(services: ServicesDep, actor: Statistician) -> StatisticsRead:
    return StatisticsRead.from_domain(services.mid.statistics(actor))


@router.post(
    "/search",
    responses=error_responses(413),
    summary="European Search Portal: one query across the systems this role may see",
    description=roles_note(Action.ESP_SEARCH),
)
def search(body: PortalQuery, services: ServicesDep, actor: PortalUser) -> PortalAnswerRead:
    query = SearchQuery(
        document=None if body.document is None else body.document.to_domain(),
        identity=None if body.identity is None else body.identity.to_domain(),
        face_image=None if body.face_image is None else decode_base64(body.face_image),
        max_candidates=body.max_candidates,
    )
    return PortalAnswerRead.from_domain(services.portal.search(query, actor))
