"""The service's fingerprint gallery: rebuilt when stale, usable from its first template."""

from datetime import UTC, datetime

from limes.biometrics.fingerprint_gallery import FingerprintGalleryHolder
from limes.biometrics.minutiae import MinutiaeRecord
from limes.biometrics.minutiae_codecs import encode
from limes.biometrics.model import BiometricTemplate, Modality, SubjectRef, TemplateFormat
from tests.biometrics.fakes import FakeFingerprintEncoder

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def stored(label: int, finger: bytes) -> BiometricTemplate:
    record = FakeFingerprintEncoder().capture(finger, ppi=500, finger_position=2).record
    return BiometricTemplate(
        template_id=f"t{label}",
        label=label,
        subject=SubjectRef(system="EES", record_id=f"r{label}"),
        modality=Modality.FINGERPRINT,
        format=TemplateFormat.ISO_19794_2_2005,
        model_version="fake",
        finger_position=2,
        quality=60,
        capture_device="test",
        captured_at=NOW,
        enrolled_at=NOW,
        data=encode(record, TemplateFormat.ISO_19794_2_2005),
    )


def probe(finger: bytes) -> MinutiaeRecord:
    return FakeFingerprintEncoder().capture(finger, ppi=500, finger_position=2).record


def test_a_gallery_of_one_template_finds_it() -> None:
    holder = FingerprintGalleryHolder()
    gallery = [stored(1, b"finger:a")]
    found = holder.identify(lambda: gallery, probe(b"finger:a"), 5)
    assert found is not None
    assert [c.label for c in found.candidates] == [1]
    assert found.candidates[0].bozorth3_score >= 40


def test_no_template_no_answer_and_a_stale_gallery_is_rebuilt() -> None:
    holder = FingerprintGalleryHolder()
    gallery: list[BiometricTemplate] = []
    assert holder.identify(lambda: gallery, probe(b"finger:a"), 5) is None
    gallery.extend([stored(1, b"finger:a"), stored(2, b"finger:b")])
    assert holder.identify(lambda: gallery, probe(b"finger:b"), 5) is None  # not yet stale
    holder.mark_stale()
    found = holder.identify(lambda: gallery, probe(b"finger:b"), 5)
    assert found is not None
    assert found.candidates[0].label == 2
    assert holder.size() == 2
