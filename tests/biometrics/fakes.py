"""Stand-in engines for service tests: deterministic embeddings from the image bytes.

An "image" is `b"face:<person>:<variant>"`: the same person gives embeddings 0.2 apart
(well under the 0.6 threshold) and different persons give embeddings about 1.4 apart.
`b"face:<person>:blurred"` fails the quality gate. Real engines are tested on real
images in test_face_pipeline.py and test_fingerprint_nbis.py.
"""

import hashlib
from collections.abc import Sequence

import numpy as np

from limes.biometrics.engines import BiometricEngines
from limes.biometrics.errors import UnreadableImageError
from limes.biometrics.minutiae import FingerView, Minutia, MinutiaeRecord, MinutiaKind
from limes.biometrics.model import FaceQuality, FingerprintQuality, QualityIssue
from limes.biometrics.ports import FaceCapture, FingerprintCapture

DIMENSION = 128


def _unit(seed: bytes) -> np.ndarray:
    rng = np.random.default_rng(int.from_bytes(hashlib.sha256(seed).digest()[:8], "big"))
    vector = rng.standard_normal(DIMENSION)
    return vector / np.linalg.norm(vector)


class FakeFaceEncoder:
    model_version = "fake-face-v1"
    dimension = DIMENSION

    def capture(self, image: bytes) -> FaceCapture:
        if not image.startswith(b"face:"):
            raise UnreadableImageError("not an image")
        _, person, variant = image.split(b":", 2)
        embedding = _unit(person) + 0.2 * _unit(person + b"/" + variant) * (variant != b"0")
        issues = (QualityIssue.BLURRED,) if variant == b"blurred" else ()
        quality = FaceQuality(
            face_count=1,
            inter_eye_distance=100.0,
            yaw=0.0,
            sharpness=500.0,
            score=90 if not issues else 20,
            issues=issues,
        )
        return FaceCapture(embedding=embedding.astype(np.float32), quality=quality)


class FakeFingerprintEncoder:
    model_version = "fake-finger-v1"

    def capture(self, image: bytes, *, ppi: int, finger_position: int) -> FingerprintCapture:
        if not image.startswith(b"finger:"):
            raise UnreadableImageError("not an image")
        rng = np.random.default_rng(int.from_bytes(hashlib.sha256(image).digest()[:8], "big"))
        minutiae = tuple(
            Minutia(x=int(x), y=int(y), angle=float(a), kind=MinutiaKind.RIDGE_ENDING)
            for x, y, a in zip(
                rng.integers(0, 300, 30),
                rng.integers(0, 400, 30),
                rng.integers(0, 360, 30),
                strict=True,
            )
        )
        view = FingerView(finger_position=finger_position, minutiae=minutiae)
        record = MinutiaeRecord(
            width=300, height=400, x_resolution=197, y_resolution=197, views=(view,)
        )
        return FingerprintCapture(
            record=record, quality=FingerprintQuality(nfiq2=60, minutiae=30, issues=())
        )


class FakeComparator:
    """Counts shared minutiae: identical records score high, unrelated ones near zero."""

    def compare(self, probe: MinutiaeRecord, reference: MinutiaeRecord) -> int:
        mine = {(m.x, m.y) for m in probe.views[0].minutiae}
        return 4 * sum((m.x, m.y) in mine for m in reference.views[0].minutiae)

    def compare_many(
        self, probe: MinutiaeRecord, references: Sequence[MinutiaeRecord]
    ) -> list[int]:
        return [self.compare(probe, reference) for reference in references]


def fake_engines() -> BiometricEngines:
    return BiometricEngines(
        face=FakeFaceEncoder(), fingerprint=FakeFingerprintEncoder(), comparator=FakeComparator()
    )
