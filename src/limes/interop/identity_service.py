"""`IdentityService`: records enter the CIR and pass the multiple-identity check.

One call per record created or updated in an EU system (Reg. 2019/817 art. 27): the
record's face templates are searched 1:N in the sBMS, its documents and identity data
are searched in the CIR, every candidate is weighed, links are created with their
colour and identity confirmation file, and white links join the record to the
candidate's identity (one identity per person). Everything is written in one unit of
work: a failure leaves no record without its links, and no link without its record.
"""

import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.biometrics.face_gallery import embedding_of
from limes.biometrics.minutiae_codecs import decode as decode_minutiae
from limes.biometrics.model import BiometricTemplate, Modality, SubjectRef
from limes.biometrics.service import BiometricService
from limes.core.time import Clock
from limes.interop.commands import RecordOutcome, RecordRegistration
from limes.interop.errors import InvalidQueryError, RecordNotFoundError
from limes.interop.links import (
    DEFAULT_VERIFICATION_HOURS,
    MID,
    classify,
    legal_basis,
    responsible_system,
    verification_deadline,
)
from limes.interop.mid_check import (
    BiometricHit,
    face_templates,
    find_candidates,
    subject_key,
    weigh,
)
from limes.interop.model import (
    Link,
    LinkChange,
    LinkColour,
    LinkEvidence,
    System,
    SystemRecord,
    record_key,
)
from limes.interop.ports import InteropUnitOfWork

BIOMETRIC_CANDIDATES = 10


class IdentityService:
    def __init__(
        self,
        unit_of_work: Callable[[], InteropUnitOfWork],
        clock: Clock,
        biometrics: BiometricService,
        verification_hours: Mapping[System, float] = DEFAULT_VERIFICATION_HOURS,
    ) -> None:
        self._uow = unit_of_work
        self._clock = clock
        self._biometrics = biometrics
        self._hours = verification_hours

    def register_record(self, command: RecordRegistration, actor: Actor) -> RecordOutcome:
        require(actor, Action.INTEROP_RECORD_WRITE)
        subject = SubjectRef(system=command.system.value, record_id=command.record_id)
        templates = self._templates(command, subject)
        mine = [t for t in templates if t.modality is Modality.FACE]
        fingers = [t for t in templates if t.modality is Modality.FINGERPRINT]
        hits = self._biometric_hits(mine, fingers, subject, actor)
        now = self._clock.now()
        with self._uow() as uow:
            existing = uow.system_records.get(record_key(command.system, command.record_id))
            record = self._record(command, existing, now)
            candidates = find_candidates(uow, record, hits.values())
            linked = self._linked_keys(uow, record.key)
            links: list[Link] = []
            for other in candidates.values():
                if other.key in linked:
                    continue
                evidence = weigh(
                    record,
                    other,
                    hits,
                    mine,
                    face_templates(uow, other),
                    self._biometrics.face_distance,
                    self._biometrics.thresholds.face_distance,
                )
                colour = classify(evidence)
                if colour is not None:
                    links.append(self._link(record, other, colour, evidence, now))
            record = self._join_identities(uow, record, candidates, links)
            if existing is None:
                uow.system_records.add(record)
            else:
                uow.system_records.save(record)
            for link in links:
                uow.links.add(link)
                record_event(uow.audit_log, actor, "mid.link.create", f"link:{link.link_id}", now)
            record_event(uow.audit_log, actor, "interop.record.write", f"record:{record.key}", now)
            uow.commit()
        return RecordOutcome(record=record, created=existing is None, links=tuple(links))

    def get_record(self, system: System, record_id: str, actor: Actor) -> SystemRecord:
        require(actor, Action.INTEROP_RECORD_READ)
        key = record_key(system, record_id)
        with self._uow() as uow:
            record = uow.system_records.get(key)
            if record is None:
                raise RecordNotFoundError(f"no {system.value} record with this id")
            record_event(
                uow.audit_log, actor, "interop.record.read", f"record:{key}", self._clock.now()
            )
            uow.commit()
        return record

    def identity(self, identity_id: str, actor: Actor) -> list[SystemRecord]:
        """Every record of one person in the CIR: the identity across systems."""
        require(actor, Action.INTEROP_RECORD_READ)
        with self._uow() as uow:
            records = list(uow.system_records.of_identity(identity_id))
            if not records:
                raise RecordNotFoundError("no identity with this id")
            record_event(
                uow.audit_log,
                actor,
                "interop.identity.read",
                f"identity:{identity_id}",
                self._clock.now(),
            )
            uow.commit()
        return records

    # -- internals ---------------------------------------------------------------------

    def _templates(
        self, command: RecordRegistration, subject: SubjectRef
    ) -> list[BiometricTemplate]:
        """The record's templates; each must have been enrolled for this very record."""
        with self._uow() as uow:
            found = [uow.biometric_templates.get(t) for t in command.template_ids]
        templates = [t for t in found if t is not None and t.subject == subject]
        if len(templates) != len(found):
            raise InvalidQueryError(
                "every template of a record must be enrolled for that record first"
            )
        return templates

    def _biometric_hits(
        self,
        faces: list[BiometricTemplate],
        fingers: list[BiometricTemplate],
        subject: SubjectRef,
        actor: Actor,
    ) -> dict[str, BiometricHit]:
        """Records the sBMS matches to any of the record's templates; a face match, when
        there is one, is the evidence kept (its distance is what the verifier compares)."""
        hits: dict[str, BiometricHit] = {}
        for template in fingers:
            probe = decode_minutiae(template.data, template.format)
            found = self._biometrics.identify_minutiae(
                probe, template.quality, actor, BIOMETRIC_CANDIDATES, exclude=subject
            )
            for candidate in found.matches:
                key = subject_key(candidate.subject)
                score = float(max(candidate.finger_scores, default=0))
                if key not in hits or score > hits[key].score:
                    hits[key] = BiometricHit(key=key, modality="fingerprint", score=score)
        face_hits: dict[str, BiometricHit] = {}
        for template in faces:
            found = self._biometrics.identify_face_embedding(
                embedding_of(template), template.quality, actor, BIOMETRIC_CANDIDATES, subject
            )
            for candidate in found.matches:
                key = subject_key(candidate.subject)
                distance = candidate.face_distance or 0.0
                if key not in face_hits or distance < face_hits[key].score:
                    face_hits[key] = BiometricHit(key=key, modality="face", score=distance)
        return hits | face_hits

    @staticmethod
    def _linked_keys(uow: InteropUnitOfWork, key: str) -> set[str]:
        return {k for link in uow.links.for_record(key) for k in (link.record_a, link.record_b)}

    @staticmethod
    def _record(
        command: RecordRegistration, existing: SystemRecord | None, now: datetime
    ) -> SystemRecord:
        return SystemRecord(
            system=command.system,
            record_id=command.record_id,
            identity_id=existing.identity_id if existing else uuid.uuid4().hex,
            identity=command.identity,
            documents=command.documents,
            template_ids=command.template_ids,
            member_state=command.member_state,
            created_at=existing.created_at if existing else now,
            updated_at=now,
        )

    def _link(
        self,
        record: SystemRecord,
        other: SystemRecord,
        colour: LinkColour,
        evidence: LinkEvidence,
        now: datetime,
    ) -> Link:
        system = responsible_system(record.system, other.system)
        # A link to a SIS alert goes to the SIRENE Bureau of the state that issued it.
        sis_alert = other.system is System.SIS and record.system is not System.SIS
        state = other.member_state if sis_alert else record.member_state
        basis = legal_basis(colour, evidence, manual=False)
        return Link(
            link_id=uuid.uuid4().hex,
            record_a=record.key,
            record_b=other.key,
            colour=colour,
            evidence=evidence,
            responsible_system=system,
            responsible_state=state,
            created_at=now,
            verify_by=verification_deadline(colour, now, self._hours[system]),
            verified_at=None,
            history=(LinkChange(at=now, by=MID, authority="MID", colour=colour, reason=basis),),
        )

    @staticmethod
    def _join_identities(
        uow: InteropUnitOfWork,
        record: SystemRecord,
        candidates: dict[str, SystemRecord],
        links: list[Link],
    ) -> SystemRecord:
        """White links mean the same person: the record joins that identity (merging)."""
        white = [candidates[link.record_b] for link in links if link.colour is LinkColour.WHITE]
        if not white:
            return record
        target = white[0].identity_id
        for other_identity in {record.identity_id, *(o.identity_id for o in white[1:])}:
            if other_identity != target:
                uow.system_records.move_identity(other_identity, target)
        return replace(record, identity_id=target)
