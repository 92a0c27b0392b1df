"""Domain errors as 4xx JSON: the field and the reason, never a 500."""

from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler

from lorebase.services import VersionConflict


def validation_error_from_django(
    error: DjangoValidationError, field_map: dict[str, str] | None = None
) -> ValidationError:
    """A model validation error keyed by API field names (model fields renamed by `field_map`)."""
    field_map = field_map or {}
    detail: dict[str, list[str]] = {}
    for field, messages in error.message_dict.items():
        name = field_map.get(field, "non_field_errors" if field == NON_FIELD_ERRORS else field)
        detail.setdefault(name, []).extend(messages)
    return ValidationError(detail)


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
