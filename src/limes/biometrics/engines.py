"""The biometric engines a deployment runs: face encoder, fingerprint encoder, comparator."""

from dataclasses import dataclass

from limes.biometrics.ports import FaceEncoder, FingerprintComparator, FingerprintEncoder
from limes.settings import Settings


@dataclass(frozen=True, slots=True, kw_only=True)
class BiometricEngines:
    face: FaceEncoder
    fingerprint: FingerprintEncoder
    comparator: FingerprintComparator


def default_engines(settings: Settings) -> BiometricEngines:
    """dlib's ResNet for faces, NIST NBIS (MINDTCT, NFIQ 2, Bozorth3) for fingerprints.

    Both load their models on first use, so building the engines costs nothing.
    """
    from limes.biometrics.face_dlib import DlibFaceEncoder
    from limes.biometrics.fingerprint_nbis import Bozorth3Comparator, NbisFingerprintEncoder

    return BiometricEngines(
        face=DlibFaceEncoder(),
        fingerprint=NbisFingerprintEncoder(min_nfiq2=settings.fingerprint_min_nfiq2),
        comparator=Bozorth3Comparator(),
    )
