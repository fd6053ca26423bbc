"""Interoperability errors: a stable machine-readable code each, no personal data in messages."""

from limes.core.errors import LimesError


class InteropError(LimesError):
    code = "interop.error"


class DuplicateRecordError(InteropError):
    code = "interop.duplicate_record"


class RecordNotFoundError(InteropError):
    code = "interop.record_not_found"


class LinkNotFoundError(InteropError):
    code = "interop.link_not_found"


class InvalidLinkChangeError(InteropError):
    """A colour change the regulation does not provide for, or one without a reason."""

    code = "interop.invalid_link_change"


class NotResponsibleAuthorityError(InteropError):
    """Only the authority art. 29 names may verify this link."""

    code = "interop.not_responsible_authority"


class InvalidQueryError(InteropError):
    code = "interop.invalid_query"
