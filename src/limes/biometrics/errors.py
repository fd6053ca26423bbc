"""Biometric errors: a stable machine-readable code each; messages never carry biometric data."""

from limes.core.errors import LimesError


class BiometricError(LimesError):
    code = "biometrics.error"


class UnreadableImageError(BiometricError):
    """The bytes are not an image we can decode, or it is too large or too small."""

    code = "biometrics.unreadable_image"


class QualityRejectedError(BiometricError):
    """The sample failed the quality gate; `reasons` lists every rule it broke."""

    code = "biometrics.quality_rejected"

    def __init__(self, message: str, reasons: tuple[str, ...]) -> None:
        super().__init__(message)
        self.reasons = reasons

    def details(self) -> list[dict[str, object]] | None:
        return [
            {"location": ["sample"], "type": reason, "message": "failed the quality gate"}
            for reason in self.reasons
        ]


class TemplateFormatError(BiometricError):
    """A minutiae record or template does not follow its format's layout."""

    code = "biometrics.template_format"


class TemplateNotFoundError(BiometricError):
    code = "biometrics.template_not_found"


class ModalityMismatchError(BiometricError):
    """A probe and a reference of different modalities or template formats were compared."""

    code = "biometrics.modality_mismatch"


class DuplicateTemplateError(BiometricError):
    code = "biometrics.duplicate_template"
