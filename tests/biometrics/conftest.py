"""Fixtures for the biometrics tests. Each modality keeps its fixtures in its own section."""

from pathlib import Path

import pytest

from limes.biometrics.face_dlib import DlibFaceEncoder  # face section
from tests.biometrics.face_samples import SamplesUnavailableError, fetch_samples  # face section

# --- Face: real photos and dlib's encoder (test_face_pipeline.py) ---------------------


@pytest.fixture(scope="session")
def face_sample_paths() -> dict[str, Path]:
    """The real face photos by file name, downloaded once into the cache (see face_samples)."""
    try:
        return fetch_samples()
    except SamplesUnavailableError as error:
        pytest.skip(f"real face photos unavailable: {error}")


@pytest.fixture(scope="session")
def face_encoder() -> DlibFaceEncoder:
    """One encoder for the session: loading dlib's models takes about a second."""
    encoder = DlibFaceEncoder()
    encoder.load_models()
    return encoder


# --- End of the face section ------------------------------------------------------------
