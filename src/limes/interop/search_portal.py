"""`SearchPortal`: the European Search Portal (Reg. 2019/817 art. 6-11).

One query — by travel document, by identity data or by a facial image — runs against
every system the actor's profile allows, and the answer comes back grouped per system
with only the fields the profile shows. The audit log records that a search ran, by
whom, why and of which kind; never the searched values.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.biometrics.service import BiometricService
from limes.core.time import Clock
from limes.interop.access_profiles import (
    BIOMETRICS,
    DOCUMENTS,
    IDENTITY,
    LINKS,
    RECORD,
    visible_fields,
)
from limes.interop.errors import InvalidQueryError
from limes.interop.identity_comparison import compare_identities, name_key
from limes.interop.mid_check import subject_key
from limes.interop.model import (
    IdentityComparison,
    IdentityData,
    System,
    SystemRecord,
    TravelDocument,
)
from limes.interop.ports import InteropUnitOfWork

_IDENTITY_CANDIDATES = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchQuery:
    document: TravelDocument | None = None
    identity: IdentityData | None = None
    face_image: bytes | None = None
    max_candidates: int = 10

    @property
    def kinds(self) -> list[str]:
        kinds = []
        if self.document is not None:
            kinds.append("document")
        if self.identity is not None:
            kinds.append("identity")
        if self.face_image is not None:
            kinds.append("face")
        return kinds


@dataclass(frozen=True, slots=True, kw_only=True)
class PortalAnswer:
    """Hits per system the actor may see; systems the profile hides are absent."""

    searched: tuple[str, ...]  # the systems searched, in order
    query_kinds: tuple[str, ...]
    results: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class SearchPortal:
    def __init__(
        self,
        unit_of_work: Callable[[], InteropUnitOfWork],
        clock: Clock,
        biometrics: BiometricService,
    ) -> None:
        self._uow = unit_of_work
        self._clock = clock
        self._biometrics = biometrics

    def search(self, query: SearchQuery, actor: Actor) -> PortalAnswer:
        require(actor, Action.ESP_SEARCH)
        if not query.kinds:
            raise InvalidQueryError("a search needs a document, identity data or a facial image")
        profile = visible_fields(actor.roles)
        distances: dict[str, float] = {}
        if query.face_image is not None:
            found = self._biometrics.identify_face(
                query.face_image, actor, max_candidates=query.max_candidates
            )
            for candidate in found.matches:
                distances[subject_key(candidate.subject)] = candidate.face_distance or 0.0
        with self._uow() as uow:
            hits = self._records(uow, query, distances)
            answer: dict[str, list[dict[str, Any]]] = {
                system.value: [] for system in System if system in profile
            }
            for record in hits:
                groups = profile.get(record.system)
                if groups is None:
                    continue
                colours = (
                    sorted({link.colour.value for link in uow.links.for_record(record.key)})
                    if LINKS in groups
                    else []
                )
                answer[record.system.value].append(
                    _view(record, groups, distances.get(record.key), colours)
                )
            record_event(
                uow.audit_log,
                actor,
                "esp.search",
                "esp:" + "+".join(query.kinds),
                self._clock.now(),
            )
            uow.commit()
        searched = tuple(system.value for system in System if system in profile)
        return PortalAnswer(searched=searched, query_kinds=tuple(query.kinds), results=answer)

    @staticmethod
    def _records(
        uow: InteropUnitOfWork, query: SearchQuery, distances: dict[str, float]
    ) -> list[SystemRecord]:
        found: dict[str, SystemRecord] = {}
        for key in distances:
            record = uow.system_records.get(key)
            if record is not None:
                found[key] = record
        if query.document is not None:
            for record in uow.system_records.find_by_document(query.document):
                found[record.key] = record
        if query.identity is not None:
            for record in uow.system_records.find_by_identity(
                name_key=name_key(query.identity),
                date_of_birth=query.identity.date_of_birth,
                limit=_IDENTITY_CANDIDATES,
            ):
                alike = compare_identities(query.identity, record.identity)
                if alike is not IdentityComparison.DIFFERENT:
                    found[record.key] = record
        return sorted(found.values(), key=lambda r: (r.system.value, r.record_id))


def _view(
    record: SystemRecord, groups: frozenset[str], distance: float | None, colours: list[str]
) -> dict[str, Any]:
    view: dict[str, Any] = {}
    if RECORD in groups:
        view.update(
            system=record.system.value,
            record_id=record.record_id,
            identity_id=record.identity_id,
            member_state=record.member_state,
            created_at=record.created_at.isoformat(),
            updated_at=record.updated_at.isoformat(),
        )
    if IDENTITY in groups:
        identity = record.identity
        view["identity"] = {
            "surname": identity.surname,
            "given_names": identity.given_names,
            "date_of_birth": identity.date_of_birth.isoformat() if identity.date_of_birth else None,
            "sex": identity.sex,
            "nationalities": list(identity.nationalities),
        }
    if DOCUMENTS in groups:
        view["documents"] = [
            {"number": d.number, "issuing_state": d.issuing_state} for d in record.documents
        ]
    if BIOMETRICS in groups:
        view["template_ids"] = list(record.template_ids)
        view["face_distance"] = None if distance is None else round(distance, 4)
    if LINKS in groups:
        view["link_colours"] = colours
    return view
