"""The applicant's side: submit, follow the status, reply, consent, revoke one's own.

The applicant has no account (art. 15): the public website acts for them as an `Actor`
with `Role.APPLICANT`, and they prove a file is theirs with its application number and
their travel document number.
"""

from dataclasses import replace

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.etias import authorisations, enquiries, workflow
from limes.etias.answers import ApplicantStatus
from limes.etias.application import ApplicationForm
from limes.etias.errors import InvalidTransitionError
from limes.etias.fee import fee_for
from limes.etias.model import Application
from limes.etias.service_base import EtiasServiceBase, subject
from limes.etias.validation import validate_form


class ApplicationUseCases(EtiasServiceBase):
    def submit(self, form: ApplicationForm, actor: Actor) -> ApplicantStatus:
        """Validate, charge, store and process an application in one transaction (art. 19-21).

        Automated processing runs before anything is stored: if a source fails, nothing
        is kept and the applicant may submit again.
        """
        require(actor, Action.ETIAS_APPLY)
        now = self._now()
        validate_form(form, on=now.date())
        application = Application(
            application_id=self._new_id(),
            submitted_at=now,
            form=form,
            fee=fee_for(form, on=now.date()),
        )
        with self._unit_of_work() as uow:
            file = workflow.submitted(application)
            hits = self._automated_processing(uow, application, at=now)
            file = workflow.route(
                file,
                workflow.number_hits(file, hits, at=now),
                at=now,
                authorisation_number=self._number(),
            )
            uow.applications.add(file)
            record_event(
                uow.audit_log, actor, Action.ETIAS_APPLY, subject(file.application_id), now
            )
            uow.commit()
        return ApplicantStatus.of(file, now.date())

    def status(self, actor: Actor, application_id: str, document_number: str) -> ApplicantStatus:
        """Art. 31 (verify): the applicant checks the status of their application."""
        require(actor, Action.ETIAS_APPLICATION_STATUS)
        now = self._now()
        with self._unit_of_work() as uow:
            file = self._applicants_file(uow, application_id, document_number)
            record_event(
                uow.audit_log, actor, Action.ETIAS_APPLICATION_STATUS, subject(application_id), now
            )
            uow.commit()
        return ApplicantStatus.of(file, now.date())

    def record_information_reply(
        self, actor: Actor, application_id: str, document_number: str, reply: str
    ) -> ApplicantStatus:
        """The applicant answers an information request (art. 27(2))."""
        require(actor, Action.ETIAS_APPLY)
        now = self._now()
        with self._unit_of_work() as uow:
            file = self._applicants_file(uow, application_id, document_number)
            file = enquiries.record_information_reply(file, reply, at=now)
            uow.applications.save(file)
            record_event(
                uow.audit_log, actor, "etias.information.reply", subject(application_id), now
            )
            uow.commit()
        return ApplicantStatus.of(file, now.date())

    def consent_to_retention(
        self, actor: Actor, application_id: str, document_number: str
    ) -> ApplicantStatus:
        """Art. 54(2): keep the file three more years after validity, to ease reapplying."""
        require(actor, Action.ETIAS_APPLICATION_STATUS)
        now = self._now()
        with self._unit_of_work() as uow:
            file = self._applicants_file(uow, application_id, document_number)
            if file.authorisation is None:
                raise InvalidTransitionError("consent applies to an issued authorisation")
            file = replace(file, retention_consent=True).logged(
                now, "retention.consent", by="applicant"
            )
            uow.applications.save(file)
            record_event(
                uow.audit_log, actor, "etias.retention.consent", subject(application_id), now
            )
            uow.commit()
        return ApplicantStatus.of(file, now.date())

    def self_revoke(
        self, actor: Actor, application_id: str, document_number: str
    ) -> ApplicantStatus:
        """Art. 41(8): the holder revokes their own travel authorisation."""
        require(actor, Action.ETIAS_APPLICATION_STATUS)
        now = self._now()
        with self._unit_of_work() as uow:
            file = self._applicants_file(uow, application_id, document_number)
            file = authorisations.self_revoke(file, at=now)
            uow.applications.save(file)
            record_event(
                uow.audit_log,
                actor,
                "etias.authorisation.self_revoke",
                subject(application_id),
                now,
            )
            uow.commit()
        return ApplicantStatus.of(file, now.date())
