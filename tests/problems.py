"""Reading the API's problem details (RFC 9457) in tests."""

from lorebase.api.problems import PROBLEM_CONTENT_TYPE


def problem(response, status: int, code: str | None = None) -> dict:
    """The problem of an error response, checked for its status, media type and code."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE, response["Content-Type"]
    body = response.json()
    assert body["status"] == status and body["type"] == f"urn:lorebase:problem:{body['code']}"
    if code is not None:
        assert body["code"] == code, body
    return body


def by_field(response) -> dict[str, list[str]]:
    """The field errors of a 400, as field → reasons."""
    fields: dict[str, list[str]] = {}
    for error in problem(response, 400, "validation_error")["errors"]:
        fields.setdefault(error["field"], []).append(error["detail"])
    return fields


def fields_named(response) -> set[str]:
    """The fields a 400 names, without the index or key inside them (`kinds.0` → `kinds`)."""
    return {field.split(".")[0] for field in by_field(response)}
