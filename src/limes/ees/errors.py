"""EES errors: each has a stable machine-readable code; messages carry no personal data."""

from limes.core.errors import LimesError


class EesError(LimesError):
    code = "ees.error"


class TravellerNotFoundError(EesError):
    code = "ees.traveller_not_found"


class RecordNotFoundError(EesError):
    code = "ees.record_not_found"


class UnknownBorderCrossingPointError(EesError):
    code = "ees.unknown_border_crossing_point"


class UnknownVisaError(EesError):
    code = "ees.unknown_visa"


class OutOfScopeError(EesError):
    """The person is not registered in the EES (EESR art. 2(3)); the category is in `category`."""

    code = "ees.out_of_scope"

    def __init__(self, message: str, category: str) -> None:
        super().__init__(message)
        self.category = category


class InvalidRecordError(EesError):
    code = "ees.invalid_record"


class AlreadyInsideError(EesError):
    code = "ees.already_inside"


class NotInsideError(EesError):
    code = "ees.not_inside"


class EntryNotAuthorisedError(EesError):
    """The automated calculator finds no authorised stay: the guard must refuse entry."""

    code = "ees.entry_not_authorised"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class BiometricsRequiredError(EesError):
    code = "ees.biometrics_required"


class DocumentConflictError(EesError):
    """A travel document is already attached to another individual file."""

    code = "ees.document_conflict"


class IdempotencyKeyReusedError(EesError):
    code = "ees.idempotency_key_reused"


class StoreUnavailableError(EesError):
    """The central store cannot be reached (EESR art. 21 fallback applies)."""

    code = "ees.store_unavailable"
