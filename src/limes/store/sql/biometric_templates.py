"""sBMS templates in SQL. The database hands out the labels, so two enrolments never share one."""

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Row, Select, bindparam, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from limes.biometrics.errors import DuplicateTemplateError
from limes.biometrics.model import BiometricTemplate, Modality, SubjectRef, TemplateFormat
from limes.store.sql.tables import BiometricTemplateRow, table_of

TEMPLATES = table_of(BiometricTemplateRow)

_LABEL = TEMPLATES.c.label
_OF_SUBJECT = (TEMPLATES.c.subject_system == bindparam("system")) & (
    TEMPLATES.c.subject_record_id == bindparam("record_id")
)
_IN_LABEL_ORDER = select(TEMPLATES).order_by(_LABEL)
_BY_ID = select(TEMPLATES).where(TEMPLATES.c.template_id == bindparam("template_id"))
_BY_SUBJECT = _IN_LABEL_ORDER.where(_OF_SUBJECT)
_BY_LABELS = _IN_LABEL_ORDER.where(_LABEL.in_(bindparam("labels", expanding=True)))
_PAGE = _IN_LABEL_ORDER.where(
    TEMPLATES.c.modality == bindparam("modality"),
    TEMPLATES.c.format == bindparam("format"),
    TEMPLATES.c.label > bindparam("after_label"),
).limit(bindparam("limit"))
_COUNT = (
    select(func.count()).select_from(TEMPLATES).where(TEMPLATES.c.modality == bindparam("modality"))
)
_INSERT = insert(TEMPLATES).returning(_LABEL)
_ERASE_SUBJECT = delete(TEMPLATES).where(_OF_SUBJECT).returning(_LABEL)


class SqlTemplates:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, template: BiometricTemplate) -> BiometricTemplate:
        values = _template_values(template)
        try:
            # The unique template_id is the only key an insert can repeat: no look-up first.
            label = self._session.execute(_INSERT, values).scalar_one()
        except IntegrityError as error:
            raise DuplicateTemplateError("the template identifier is taken") from error
        return replace(template, label=label)

    def get(self, template_id: str) -> BiometricTemplate | None:
        row = self._session.execute(_BY_ID, {"template_id": template_id}).one_or_none()
        return None if row is None else _template(row)

    def for_subject(self, subject: SubjectRef) -> Sequence[BiometricTemplate]:
        return self._templates(_BY_SUBJECT, _subject_values(subject))

    def by_labels(self, labels: Sequence[int]) -> Sequence[BiometricTemplate]:
        if not labels:
            return []
        return self._templates(_BY_LABELS, {"labels": list(labels)})

    def stream(
        self, modality: Modality, format: TemplateFormat, after_label: int, limit: int
    ) -> Sequence[BiometricTemplate]:
        values = {
            "modality": modality.value,
            "format": format.value,
            "after_label": after_label,
            "limit": limit,
        }
        return self._templates(_PAGE, values)

    def erase_subject(self, subject: SubjectRef) -> Sequence[int]:
        return sorted(self._session.scalars(_ERASE_SUBJECT, _subject_values(subject)))

    def count(self, modality: Modality) -> int:
        return self._session.scalar(_COUNT, {"modality": modality.value}) or 0

    def _templates(self, statement: Select[Any], values: dict[str, Any]) -> list[BiometricTemplate]:
        return [_template(row) for row in self._session.execute(statement, values)]


def _subject_values(subject: SubjectRef) -> dict[str, Any]:
    return {"system": subject.system, "record_id": subject.record_id}


def _template_values(template: BiometricTemplate) -> dict[str, Any]:
    return {
        "template_id": template.template_id,
        "subject_system": template.subject.system,
        "subject_record_id": template.subject.record_id,
        "modality": template.modality.value,
        "format": template.format.value,
        "model_version": template.model_version,
        "finger_position": template.finger_position,
        "quality": template.quality,
        "capture_device": template.capture_device,
        "captured_at": template.captured_at,
        "enrolled_at": template.enrolled_at,
        "data": template.data,
    }


def _template(row: Row[Any]) -> BiometricTemplate:
    return BiometricTemplate(
        template_id=row.template_id,
        label=row.label,
        subject=SubjectRef(system=row.subject_system, record_id=row.subject_record_id),
        modality=Modality(row.modality),
        format=TemplateFormat(row.format),
        model_version=row.model_version,
        finger_position=row.finger_position,
        quality=row.quality,
        capture_device=row.capture_device,
        captured_at=row.captured_at,
        enrolled_at=row.enrolled_at,
        data=row.data,
    )
