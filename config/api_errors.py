"""The API's one exception handler: errors as JSON with the field and the reason, never a 500.

Domain errors are 4xx; a graph that cannot answer (graph.reads) is a 503, whichever
view read it.
"""

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import exception_handler

from graph.reads import GraphTimeout, GraphUnavailable
from lorebase.api.exceptions import validation_error_from_django
from lorebase.services import VersionConflict


class GraphBusy(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "graph_unavailable"


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    # Raised by Django's form and multipart parsing (DRF re-raises them): without this
    # they would reach Django's HTML 400 page instead of a JSON answer.
    if isinstance(exc, RequestDataTooBig):
        return Response(
            {"detail": "The request body is too large."},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, SuspiciousOperation):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, GraphTimeout | GraphUnavailable):
        exc = GraphBusy(f"{exc} Try again, or ask for less (a smaller depth or limit).")
    if isinstance(exc, DjangoValidationError):
        exc = validation_error_from_django(exc)
    if isinstance(exc, VersionConflict):
        return Response(
            {
                "version": [
                    f"Someone saved this since you read it (current version "
                    f"{exc.current_version}). Reload, reapply your change and send the "
                    f"current version."
                ],
                "current_version": exc.current_version,
            },
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, ProtectedError | RestrictedError):
        blocking = getattr(exc, "protected_objects", None) or exc.restricted_objects
        used_by = sorted({str(obj) for obj in blocking})[:10]
        return Response(
            {"detail": "Still in use, so it cannot be deleted.", "used_by": used_by},
            status=status.HTTP_409_CONFLICT,
        )
    return exception_handler(exc, context)
