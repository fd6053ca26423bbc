"""Contract: the sBMS template store, its labels, paging for index rebuilds, and erasure."""

import pytest

from limes.biometrics.errors import DuplicateTemplateError
from limes.biometrics.model import BiometricTemplate, Modality, SubjectRef, TemplateFormat
from tests.store.builders import at, new_id
from tests.store.conftest import StoreUnderTest


def make_subject(system: str = "EES") -> SubjectRef:
    return SubjectRef(system=system, record_id=new_id("record"))


def make_template(
    subject: SubjectRef | None = None,
    *,
    template_id: str | None = None,
    modality: Modality = Modality.FACE,
    format: TemplateFormat = TemplateFormat.DLIB_RESNET_128,
    finger_position: int | None = None,
    data: bytes = bytes(range(256)) * 2,
) -> BiometricTemplate:
    return BiometricTemplate(
        template_id=template_id or new_id("template"),
        label=0,  # the store assigns it
        subject=subject or make_subject(),
        modality=modality,
        format=format,
        model_version="dlib_face_recognition_resnet_model_v1",
        finger_position=finger_position,
        quality=87,
        capture_device="NLAMS-ABC-07",
        captured_at=at(2026, 11, 1, 9, 58),
        enrolled_at=at(2026, 11, 1, 10, 1),
        data=data,
    )


def make_fingerprint(subject: SubjectRef, position: int) -> BiometricTemplate:
    return make_template(
        subject,
        modality=Modality.FINGERPRINT,
        format=TemplateFormat.ISO_19794_2_2011,
        finger_position=position,
        data=b"FMR\x00 20\x00" + bytes([position]) * 40,
    )


def add_all(store: StoreUnderTest, *templates: BiometricTemplate) -> list[BiometricTemplate]:
    with store.unit_of_work() as uow:
        stored = [uow.biometric_templates.add(template) for template in templates]
        uow.commit()
    return stored


@pytest.mark.parametrize(
    "template",
    [
        pytest.param(make_template(), id="face"),
        pytest.param(make_fingerprint(make_subject("VIS"), 2), id="fingerprint"),
    ],
)
def test_a_template_comes_back_equal_with_the_label_it_was_given(
    store: StoreUnderTest, template: BiometricTemplate
) -> None:
    [stored] = add_all(store, template)

    with store.unit_of_work() as uow:
        found = uow.biometric_templates.get(template.template_id)
    assert stored.label > 0
    assert found == stored
    assert found is not None
    assert type(found.data) is bytes


def test_an_unknown_template_is_none(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        assert uow.biometric_templates.get("template-missing") is None
        assert uow.biometric_templates.for_subject(make_subject()) == []
        assert uow.biometric_templates.by_labels([]) == []


def test_labels_are_unique_and_increase_with_each_enrolment(store: StoreUnderTest) -> None:
    first = add_all(store, make_template(), make_template())
    second = add_all(store, make_template(), make_template(), make_template())

    labels = [template.label for template in first + second]
    assert labels == sorted(set(labels))


def test_an_erased_label_is_not_handed_out_again(store: StoreUnderTest) -> None:
    [kept, last] = add_all(store, make_template(), make_template())
    with store.unit_of_work() as uow:
        assert uow.biometric_templates.erase_subject(last.subject) == [last.label]
        uow.commit()

    [later] = add_all(store, make_template())

    assert later.label > last.label > kept.label


def test_the_templates_of_a_subject_come_in_enrolment_order(store: StoreUnderTest) -> None:
    subject = make_subject()
    stored = add_all(
        store,
        make_template(subject),
        make_fingerprint(subject, 2),
        make_template(),  # someone else's
        make_fingerprint(subject, 7),
    )

    with store.unit_of_work() as uow:
        found = uow.biometric_templates.for_subject(subject)
    assert found == [stored[0], stored[1], stored[3]]


def test_by_labels_finds_the_known_labels_and_skips_the_others(store: StoreUnderTest) -> None:
    stored = add_all(store, make_template(), make_template(), make_template())
    wanted = [stored[2].label, stored[0].label, stored[2].label + 1000]

    with store.unit_of_work() as uow:
        found = uow.biometric_templates.by_labels(wanted)
    assert sorted(found, key=lambda template: template.label) == [stored[0], stored[2]]


def test_stream_pages_through_one_modality_and_format_in_label_order(
    store: StoreUnderTest,
) -> None:
    subject = make_subject()
    stored = add_all(
        store,
        make_template(subject),
        make_fingerprint(subject, 1),
        make_template(),
        make_template(format=TemplateFormat.FLOAT32_VECTOR),
        make_template(),
        make_template(),
        make_template(),
    )
    faces = [t for t in stored if t.format is TemplateFormat.DLIB_RESNET_128]

    pages, after = [], 0
    with store.unit_of_work() as uow:
        while page := uow.biometric_templates.stream(
            Modality.FACE, TemplateFormat.DLIB_RESNET_128, after_label=after, limit=2
        ):
            pages.append(page)
            after = page[-1].label
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [template for page in pages for template in page] == faces


def test_erasing_a_subject_returns_its_labels_and_keeps_the_others(
    store: StoreUnderTest,
) -> None:
    subject, other = make_subject(), make_subject()
    mine = add_all(store, make_template(subject), make_fingerprint(subject, 3))
    [theirs] = add_all(store, make_template(other))

    with store.unit_of_work() as uow:
        erased = uow.biometric_templates.erase_subject(subject)
        again = uow.biometric_templates.erase_subject(subject)
        uow.commit()

    assert erased == [template.label for template in mine]
    assert again == []
    with store.unit_of_work() as uow:
        assert uow.biometric_templates.for_subject(subject) == []
        assert uow.biometric_templates.get(mine[0].template_id) is None
        assert uow.biometric_templates.by_labels(erased) == []
        assert uow.biometric_templates.for_subject(other) == [theirs]


def test_count_is_per_modality(store: StoreUnderTest) -> None:
    subject = make_subject()
    add_all(
        store,
        make_template(subject),
        make_template(),
        *(make_fingerprint(subject, p) for p in (1, 2, 3)),
    )

    with store.unit_of_work() as uow:
        assert uow.biometric_templates.count(Modality.FACE) == 2
        assert uow.biometric_templates.count(Modality.FINGERPRINT) == 3


def test_a_taken_template_id_is_refused_and_nothing_is_written(store: StoreUnderTest) -> None:
    [original] = add_all(store, make_template())
    before = store.row_counts()
    copy = make_template(template_id=original.template_id, data=b"other bytes")

    with store.unit_of_work() as uow, pytest.raises(DuplicateTemplateError) as raised:
        uow.biometric_templates.add(copy)

    assert original.template_id not in str(raised.value)
    assert store.row_counts() == before
    with store.unit_of_work() as uow:
        assert uow.biometric_templates.get(original.template_id) == original
        assert uow.biometric_templates.for_subject(copy.subject) == []


def test_leaving_without_commit_keeps_no_template(store: StoreUnderTest) -> None:
    before = store.row_counts()
    template = make_template()
    with store.unit_of_work() as uow:
        stored = uow.biometric_templates.add(template)
        assert uow.biometric_templates.get(template.template_id) == stored  # seen inside

    assert store.row_counts() == before
    with store.unit_of_work() as uow:
        assert uow.biometric_templates.get(template.template_id) is None
        assert uow.biometric_templates.count(Modality.FACE) == 0
