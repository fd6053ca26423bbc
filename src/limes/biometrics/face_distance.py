"""How far apart two face embeddings are, and when that counts as the same person. Pure.

`DEFAULT_VERIFICATION_THRESHOLD` is dlib's 0.6 for its ResNet model v1: "if the Euclidean
distance between two face descriptor vectors is less than 0.6 then they are from the same
person" (dlib's python_examples/face_recognition.py). dlib reports 99.38 % accuracy on the
LFW benchmark at that threshold, i.e. about 6 errors in 1,000 balanced pairs; it says
nothing about the false match rate of a 1:N search over millions, where a fixed threshold
lets false matches grow with the gallery. Lowering it trades false matches for false
non-matches. On the real photos this project can obtain (shared/reference/biometrics.md
§1.1, re-measured in tests/biometrics/test_face_pipeline.py) genuine pairs measure
0.235-0.428 and the closest impostor pair 0.628, just over the threshold: smoke-level
evidence only, never an error rate.
"""

import numpy as np
from numpy.typing import NDArray

DEFAULT_VERIFICATION_THRESHOLD = 0.6


def euclidean_distance(a: NDArray[np.floating], b: NDArray[np.floating]) -> float:
    """The Euclidean (L2) distance between two embeddings of the same shape."""
    first = np.asarray(a, dtype=np.float64)
    second = np.asarray(b, dtype=np.float64)
    if first.ndim != 1 or first.shape != second.shape:
        raise ValueError(
            f"embeddings must be vectors of one dimension, got {first.shape} and {second.shape}"
        )
    return float(np.linalg.norm(first - second))


def is_same_face(distance: float, threshold: float = DEFAULT_VERIFICATION_THRESHOLD) -> bool:
    """dlib's rule: strictly below the threshold is a match."""
    return distance < threshold
