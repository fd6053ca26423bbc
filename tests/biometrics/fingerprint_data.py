"""The shared fingerprint test data (../shared/data/fingerprints beside the checkout)."""

from pathlib import Path

import pytest

FINGERPRINT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "fingerprints"


def read_fingerprint_file(relative_path: str) -> bytes:
    """The file's bytes; skips the test when the shared data is not beside the checkout."""
    path = FINGERPRINT_DATA / relative_path
    if not path.is_file():
        pytest.skip(f"shared fingerprint data absent: {relative_path} not under {FINGERPRINT_DATA}")
    return path.read_bytes()
