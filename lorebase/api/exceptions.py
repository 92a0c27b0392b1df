"""Errors in the API's terms (config.api_errors answers every error)."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import ValidationError


def _messages(error: DjangoValidationError) -> list[str]:
    """Its messages, whatever it was raised with: a message whose params do not fit it
    (a KeyError or TypeError in Django's formatting) is given as written."""
    found = []
    for item in error.error_list:
        try:
            found.extend(DjangoValidationError(item.message, item.code, item.params).messages)
        except (KeyError, TypeError, ValueError):
            found.append(str(item.message))
    return found


def validation_error_from_django(
    error: DjangoValidationError, field_map: dict[str, str] | None = None
) -> ValidationError:
    """A model validation error keyed by API field names (model fields renamed by `field_map`).

    Never fails on the error's shape: raised with a message, a list or a dict (only a
    dict has `error_dict`, hence `message_dict`).
    """
    field_map = field_map or {}
    detail: dict[str, list[str]] = {}
    by_field: dict[str, list[DjangoValidationError]] = (
        error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: [error]}
    )
    for field, errors in by_field.items():
        name = field_map.get(field, "non_field_errors" if field == NON_FIELD_ERRORS else field)
        for each in errors:
            detail.setdefault(name, []).extend(_messages(DjangoValidationError(each)))
    return ValidationError(detail)


class PreconditionFailed(Exception):
    """`If-Match` named another version than the entity's current one (412)."""

    def __init__(self, current_version: int) -> None:
        super().__init__(f"If-Match is stale; the current version is {current_version}")
        self.current_version = current_version
