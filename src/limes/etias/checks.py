"""The automated checks ETIAS runs on its own data (pure): art. 20(2)(e)-(f), 20(3), 33.

The other art. 20 sources (SIS, SLTD, EES, VIS, the watchlist, ...) are `CheckSource`s
passed in from outside. These checks take the earlier application files the service
found by document and by e-mail, and return hits with their evidence.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from limes.core.names import to_mrz_characters
from limes.etias.application import ApplicationForm
from limes.etias.model import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    CheckKind,
    DecisionKind,
    DecisionRecord,
    FieldMatch,
    Hit,
    MatchMethod,
)
from limes.etias.screening_rules import ScreeningRule, evaluate, rule_hit

SOURCE = "etias"
_NEGATIVE_STATUSES = frozenset(
    {ApplicationStatus.REFUSED, ApplicationStatus.ANNULLED, ApplicationStatus.REVOKED}
)
_DOCUMENT_FIELDS = (
    FieldMatch(
        application_field="travel_document.number",
        record_field="travel_document.number",
        method=MatchMethod.EXACT,
        score=1.0,
    ),
    FieldMatch(
        application_field="travel_document.issuing_country",
        record_field="travel_document.issuing_country",
        method=MatchMethod.EXACT,
        score=1.0,
    ),
)
_QUESTIONS = {
    "criminal_conviction": ("art. 17(4)(a)", "a criminal conviction"),
    "conflict_zone_stay": ("art. 17(4)(b)", "a stay in a war or conflict zone"),
    "return_decision": ("art. 17(4)(c)", "a decision to leave a territory or return"),
}


def etias_record_hits(
    application: Application,
    same_document: Iterable[ApplicationFile],
    same_email: Iterable[ApplicationFile],
) -> list[Hit]:
    """Hits on earlier application files: refused, revoked or annulled with this document
    (art. 20(2)(e)), this document under other identity data (art. 20(2)(f)), and this
    e-mail address in a refused, revoked or annulled application."""
    form = application.form
    hits: list[Hit] = []
    seen: set[str] = set()
    for earlier in same_document:
        if earlier.application_id == application.application_id:
            continue
        seen.add(earlier.application_id)
        negative = _negative_decision(earlier)
        if negative is not None:
            hits.append(_refused_hit(earlier, negative))
        if differing := differing_identity_fields(form, earlier.application.form):
            hits.append(
                Hit(
                    check=CheckKind.ETIAS_SAME_DOCUMENT_OTHER_IDENTITY,
                    source=SOURCE,
                    record_ref=earlier.application_id,
                    matched_fields=_DOCUMENT_FIELDS,
                    score=1.0,
                    explanation=(
                        "the travel document was used in another application",
                        f"with different identity data: {', '.join(differing)}",
                    ),
                    record_created_at=earlier.application.submitted_at,
                )
            )
    for earlier in same_email:
        if earlier.application_id == application.application_id or earlier.application_id in seen:
            continue
        negative = _negative_decision(earlier)
        if negative is not None:
            hits.append(_email_hit(earlier, negative))
    return hits


def differing_identity_fields(form: ApplicationForm, other: ApplicationForm) -> list[str]:
    """The art. 17(2)(a) identity fields that differ between two forms, by name.

    Names are compared as ICAO 9303 writes them (case, accents, scripts, hyphens ignored).
    """
    pairs = {
        "surname": (_name(form.surname), _name(other.surname)),
        "first_names": (_name(form.first_names), _name(other.first_names)),
        "date_of_birth": (form.date_of_birth.isoformat(), other.date_of_birth.isoformat()),
        "sex": (form.sex.value, other.sex.value),
        "nationality": (form.nationality, other.nationality),
    }
    return [name for name, (a, b) in pairs.items() if a != b]


def declared_hits(application: Application) -> list[Hit]:
    """Art. 20(3): yes to a background question, and a missing home address."""
    form = application.form
    hits = [
        Hit(
            check=CheckKind.BACKGROUND_ANSWER,
            source="etias.application",
            record_ref=_QUESTIONS[question][0],
            matched_fields=(
                FieldMatch(
                    application_field=f"background.{question}",
                    record_field="answer",
                    method=MatchMethod.DECLARED,
                ),
            ),
            explanation=(f"the applicant declared {_QUESTIONS[question][1]}",),
        )
        for question in form.background.affirmative()
    ]
    if not form.residence.has_home_address:
        hits.append(
            Hit(
                check=CheckKind.MISSING_HOME_ADDRESS,
                source="etias.application",
                record_ref="art. 20(3)",
                matched_fields=(
                    FieldMatch(
                        application_field="residence.address",
                        record_field="home_address",
                        method=MatchMethod.DECLARED,
                    ),
                ),
                explanation=("only the city and country of residence were given",),
            )
        )
    return hits


def screening_rule_hits(
    rules: Sequence[ScreeningRule], application: Application, *, on: date
) -> list[Hit]:
    """Art. 20(5), 33: one hit per matching active risk indicator."""
    return [rule_hit(rule, application, on=on) for rule in evaluate(rules, application, on=on)]


def _name(text: str) -> str:
    return to_mrz_characters(text)


def _negative_decision(file: ApplicationFile) -> DecisionRecord | None:
    """The refusal, annulment or revocation that ended the file; None for a holder's own
    revocation, which says nothing about risk."""
    if file.status not in _NEGATIVE_STATUSES or not file.decisions:
        return None
    last = file.decisions[-1]
    return None if last.decision.kind is DecisionKind.SELF_REVOKE else last


def _refused_hit(earlier: ApplicationFile, negative: DecisionRecord) -> Hit:
    return Hit(
        check=CheckKind.ETIAS_REFUSED_REVOKED_ANNULLED,
        source=SOURCE,
        record_ref=earlier.application_id,
        member_state=negative.member_state,
        matched_fields=_DOCUMENT_FIELDS,
        score=1.0,
        explanation=(
            f"an application with this travel document was {earlier.status.value}",
            f"grounds: {', '.join(negative.decision.grounds)}",
        ),
        record_created_at=negative.decided_at,
    )


def _email_hit(earlier: ApplicationFile, negative: DecisionRecord) -> Hit:
    return Hit(
        check=CheckKind.ETIAS_SAME_EMAIL,
        source=SOURCE,
        record_ref=earlier.application_id,
        member_state=negative.member_state,
        matched_fields=(
            FieldMatch(application_field="email", record_field="email", method=MatchMethod.EXACT),
        ),
        score=1.0,
        explanation=(f"an application with this e-mail address was {earlier.status.value}",),
        record_created_at=negative.decided_at,
    )
