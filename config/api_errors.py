"""The API's one exception handler: every error an RFC 9457 problem (lorebase.api.problems).

Domain errors are 4xx naming the field and the reason; a graph that cannot answer
(graph.reads) is a 503, whichever view read it. An exception nobody expected is left
to Django (logged with its traceback), whose 500 handler (config.views.server_error)
answers a problem too.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import set_rollback

from graph.connection import is_transient
from graph.reads import GraphTimeout, GraphUnavailable
from lorebase.api.exceptions import PreconditionFailed, validation_error_from_django
from lorebase.api.problems import field_errors, problem_response, summary
from lorebase.services import VersionConflict


class GraphBusy(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "graph_unavailable"


class TooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"
    default_detail = "The request body is too large."


def _as_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, RequestDataTooBig):
        # Raised by Django's form and multipart parsing (DRF re-raises it).
        return TooLarge()
    if isinstance(exc, SuspiciousOperation):
        return exceptions.ParseError(str(exc))
    if isinstance(exc, GraphTimeout | GraphUnavailable):
        return GraphBusy(f"{exc} Try again, or ask for less (a smaller depth or limit).")
    if is_transient(exc):  # a graph read outside graph.reads: the server, not the caller
        return GraphBusy("The graph server cannot be reached right now. Try again.")
    if isinstance(exc, DjangoValidationError):
        return validation_error_from_django(exc)
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    request = context.get("request")
    instance = request.path if request is not None else None
    exc = _as_api_exception(exc)
    if isinstance(exc, VersionConflict | PreconditionFailed):
        set_rollback()
        precondition = isinstance(exc, PreconditionFailed)
        reason = (
            "The entity changed since the ETag you sent in If-Match"
            if precondition
            else "Someone saved this since you read it"
        )
        detail = (
            f"{reason} (current version {exc.current_version}). Reload, reapply your change "
            "and send the current version."
        )
        errors = [] if precondition else [{"field": "version", "code": "stale", "detail": detail}]
        return problem_response(
            status=412 if precondition else 409,
            code="precondition_failed" if precondition else "version_conflict",
            detail=detail,
            instance=instance,
            errors=errors,
            current_version=exc.current_version,
        )
    if isinstance(exc, ProtectedError | RestrictedError):
        set_rollback()
        blocking = (
            exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        )
        return problem_response(
            status=409,
            code="in_use",
            detail="Still in use, so it cannot be deleted.",
            instance=instance,
            used_by=sorted({str(obj) for obj in blocking})[:10],
        )
    if not isinstance(exc, APIException):
        return None  # Django logs it and answers with config.views.server_error
    set_rollback()
    headers = {}
    if auth_header := getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = auth_header
    if wait := getattr(exc, "wait", None):
        headers["Retry-After"] = f"{int(wait)}"
    if isinstance(exc, exceptions.ValidationError):
        errors = field_errors(exc.detail)
        return problem_response(
            status=exc.status_code,
            # A 409 that names fields (a batch's stale operation) says so in its code.
            code=getattr(exc, "problem_code", "validation_error"),
            detail=summary(errors),
            instance=instance,
            errors=errors,
            headers=headers,
        )
    code = exc.get_codes()
    return problem_response(
        status=exc.status_code,
        code=code if isinstance(code, str) else exc.default_code,
        detail=str(exc.detail),
        instance=instance,
        headers=headers,
    )
