"""Every error the API returns, mapped to an HTTP status in one place.

The body is always `{"error": {"code": ..., "message": ...}}`; the code is stable and
machine-readable. Request validation errors name the fields that failed and the rule they
broke, never the value sent: it may be a name or a document number.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from limes.core.errors import LimesError

BAD_REQUEST: Final = 400

# A code ending in ".*" covers every code with that prefix; an exact code wins.
STATUS_BY_CODE: Final[Mapping[str, int]] = MappingProxyType(
    {
        "auth.not_authenticated": 401,
        "auth.forbidden": 403,
        "auth.unknown_user": 404,
        "auth.user_exists": 409,
        "auth.invalid_user": 422,
        "ees.traveller_not_found": 404,
        "ees.record_not_found": 404,
        "ees.already_inside": 409,
        "ees.not_inside": 409,
        "ees.document_conflict": 409,
        "ees.idempotency_key_reused": 409,
        "ees.entry_not_authorised": 409,
        "ees.out_of_scope": 422,
        "ees.invalid_record": 422,
        "ees.biometrics_required": 422,
        "ees.unknown_border_crossing_point": 422,
        "ees.unknown_visa": 422,
        "ees.invalid_columns": 422,
        "ees.store_unavailable": 503,
        "biometrics.template_not_found": 404,
        "biometrics.duplicate_template": 409,
        "biometrics.*": 422,
        "interop.record_not_found": 404,
        "interop.link_not_found": 404,
        "interop.duplicate_record": 409,
        "interop.invalid_link_change": 409,
        "interop.not_responsible_authority": 403,
        "interop.*": 422,
        "watchlist.not_found": 404,
        "watchlist.duplicate_alert": 409,
        "watchlist.entry_in_sis": 409,
        "watchlist.already_withdrawn": 409,
        "watchlist.not_responsible": 403,
        "watchlist.import_interrupted": 503,
        "watchlist.*": 422,
        "etias.application_not_found": 404,
        "etias.authorisation_not_found": 404,
        "etias.hit_not_found": 404,
        "etias.screening_rule_not_found": 404,
        "etias.duplicate_application": 409,
        "etias.invalid_transition": 409,
        "etias.not_responsible_state": 403,
        "etias.*": 422,
        "screening.*": 422,
        "stay.*": 422,
        "mrz.*": 422,
        "request.invalid": 422,
        "request.unreadable_body": 400,
        "request.too_large": 413,
        "request.rate_limited": 429,
        "request.unknown_route": 404,
        "request.method_not_allowed": 405,
        "request.http_error": 400,
        "internal.error": 500,
    }
)


class ErrorDetail(BaseModel):
    """Where a request failed validation and which rule it broke; never the value sent."""

    location: list[str]
    type: str
    message: str


class FieldProblem(BaseModel):
    """A field of a form (e.g. `travel_document.number`) and what is wrong with it."""

    field: str
    type: str


class ErrorBody(BaseModel):
    code: str
    message: str
    details: list[ErrorDetail | FieldProblem] | None = None


class ErrorRead(BaseModel):
    """Every error response: a stable machine-readable code and a message without personal data."""

    error: ErrorBody


_MEANINGS: Final = {
    400: "The body could not be read.",
    401: "No API token, or an unknown or revoked one.",
    403: "None of the user's roles may take this action.",
    404: "Nothing is registered under the identifier or document given.",
    409: "The request contradicts what is registered (e.g. already inside).",
    413: "The body is larger than 64 KiB (12 MiB on routes that carry images).",
    422: "The request is malformed or breaks a rule (e.g. out of scope, unknown BCP).",
    429: "Too many requests from this address: wait the seconds `Retry-After` gives.",
    503: "The central store cannot be reached.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI documentation of the error responses a route can give."""
    return {status: {"model": ErrorRead, "description": _MEANINGS[status]} for status in statuses}


def status_for(code: str) -> int:
    """The HTTP status for an error code; 400 for a code the table does not know."""
    if code in STATUS_BY_CODE:
        return STATUS_BY_CODE[code]
    prefix = code.split(".", 1)[0]
    return STATUS_BY_CODE.get(f"{prefix}.*", BAD_REQUEST)


def error_response(
    code: str, message: str, *, details: list[dict[str, Any]] | None = None
) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    headers = {"WWW-Authenticate": "Bearer"} if code == "auth.not_authenticated" else None
    return JSONResponse({"error": body}, status_code=status_for(code), headers=headers)


def _limes_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, LimesError)
    return error_response(error.code, error.message, details=error.details())


def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    # Only where and which rule: pydantic's `input` and `ctx` may hold personal data.
    details = [
        {
            "location": [str(part) for part in item["loc"]],
            "type": item["type"],
            "message": item["msg"],
        }
        for item in error.errors()
    ]
    return error_response("request.invalid", "the request is not valid", details=details)


_HTTP_CODES: Final = {
    400: "request.unreadable_body",
    404: "request.unknown_route",
    405: "request.method_not_allowed",
}


def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    code = _HTTP_CODES.get(error.status_code, "request.http_error")
    response = error_response(code, str(error.detail))
    response.status_code = error.status_code
    return response


def _unexpected_error(_request: Request, _error: Exception) -> JSONResponse:
    return error_response("internal.error", "an unexpected error occurred; it has been logged")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LimesError, _limes_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
