"""Errors in the API's terms (config.api_errors answers every error)."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import ValidationError


def validation_error_from_django(
    error: DjangoValidationError, field_map: dict[str, str] | None = None
) -> ValidationError:
    """A model validation error keyed by API field names (model fields renamed by `field_map`)."""
    field_map = field_map or {}
    detail: dict[str, list[str]] = {}
    # A ValidationError raised with a message (no field) has no message_dict.
    by_field = (
        error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    )
    for field, messages in by_field.items():
        name = field_map.get(field, "non_field_errors" if field == NON_FIELD_ERRORS else field)
        detail.setdefault(name, []).extend(messages)
    return ValidationError(detail)


class PreconditionFailed(Exception):
    """`If-Match` named another version than the entity's current one (412)."""

    def __init__(self, current_version: int) -> None:
        super().__init__(f"If-Match is stale; the current version is {current_version}")
        self.current_version = current_version
