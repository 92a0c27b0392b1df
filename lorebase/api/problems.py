"""Errors as RFC 9457 problem details: one shape for every 4xx and 5xx of the API.

    HTTP/1.1 400 Bad Request
    Content-Type: application/problem+json

    {"type": "urn:lorebase:problem:validation_error", "title": "Bad Request",
     "status": 400, "code": "validation_error", "detail": "2 fields are invalid: …",
     "instance": "/api/v1/worlds/…/scenes/",
     "errors": [{"field": "chapter", "code": "does_not_exist", "detail": "There is no …"}]}

`code` is stable and machine-readable (the same as the last part of `type`); `errors`
lists each bad field (a dotted path into the body or the query: `participants.0.character`)
with its own code and reason. Other members (`current_version`, `used_by`) are extensions
a problem of that code documents. Here, and not in config, so that every app's views can
name the shape in their schema; config.api_errors turns exceptions into it.
"""

from http import HTTPStatus
from typing import Any

from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response
from rest_framework.settings import api_settings

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:lorebase:problem:"


def problem_body(
    *,
    status: int,
    code: str,
    detail: str,
    instance: str | None = None,
    errors: list[dict[str, str]] | None = None,
    **extensions: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + code,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "code": code,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    body.update(extensions)
    return body


def problem_response(
    *, status: int, code: str, detail: str, headers: dict | None = None, **members: Any
) -> Response:
    return Response(
        problem_body(status=status, code=code, detail=detail, **members),
        status=status,
        headers=headers,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def field_errors(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """A DRF error detail (nested dicts and lists) as a flat list of field errors.

    A non-field error has the field `non_field_errors` (under its prefix, if nested).
    """
    if isinstance(detail, dict):
        return [
            error
            for key, value in detail.items()
            for error in field_errors(value, _path(prefix, str(key)))
        ]
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return [_one(item, prefix) for item in detail]
        # A list of nested objects (many=True): the index is part of the path.
        return [
            error
            for index, item in enumerate(detail)
            for error in field_errors(item, f"{prefix}.{index}" if prefix else str(index))
        ]
    return [_one(detail, prefix)]


def _path(prefix: str, key: str) -> str:
    """`prefix.key`; a nested object's own (non-field) errors are the prefix's."""
    if not prefix:
        return key
    return prefix if key == api_settings.NON_FIELD_ERRORS_KEY else f"{prefix}.{key}"


def _one(message: Any, field: str) -> dict[str, str]:
    code = message.code if isinstance(message, ErrorDetail) else "invalid"
    return {"field": field or "non_field_errors", "code": code or "invalid", "detail": str(message)}


def summary(errors: list[dict[str, str]]) -> str:
    """One line for `detail`: the reason when one field is wrong, else the fields."""
    fields = list(dict.fromkeys(error["field"] for error in errors))
    if not fields:
        return "The request is invalid."
    if len(fields) == 1:
        return f"{fields[0]}: {errors[0]['detail']}"
    return f"{len(fields)} fields are invalid: {', '.join(fields)}."


class FieldErrorSerializer(serializers.Serializer):
    field = serializers.CharField(
        help_text="Where: a field of the body or a query parameter, dotted for nested "
        "values (`participants.0.character`, `operations.3.data.name`)."
    )
    code = serializers.CharField(help_text="Why, for machines: `required`, `invalid`, …")
    detail = serializers.CharField(help_text="Why, for people.")


class ProblemSerializer(serializers.Serializer):
    """An RFC 9457 problem: what went wrong, for machines (`code`) and people (`detail`)."""

    type = serializers.CharField(help_text="`urn:lorebase:problem:<code>`.")
    title = serializers.CharField(help_text="The HTTP status's phrase.")
    status = serializers.IntegerField()
    code = serializers.CharField(
        help_text="Stable and machine-readable: `validation_error`, `parse_error`, "
        "`not_authenticated`, `authentication_failed`, `permission_denied`, `not_found`, "
        "`method_not_allowed`, `not_acceptable`, `unsupported_media_type`, "
        "`version_conflict`, `in_use`, `precondition_failed`, `request_too_large`, "
        "`throttled`, `graph_unavailable`, `provider_failed`, `server_error`, …"
    )
    detail = serializers.CharField()
    instance = serializers.CharField(required=False, help_text="The path that was asked.")
    # DRF's metaclass takes declared fields off the class, so this does not hide
    # Serializer.errors at run time; mypy sees only the class body.
    errors = FieldErrorSerializer(  # type: ignore[assignment]
        many=True, required=False, help_text="Each bad field (validation errors)."
    )
    current_version = serializers.IntegerField(
        required=False, help_text="`version_conflict`, `precondition_failed`: the version now."
    )
    used_by = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="`in_use`: what still uses it."
    )
