"""The schema of every operation lists its error responses, each a problem (RFC 9457).

Which errors an operation can answer follows from what it is: any operation that takes
input can be a 400; one behind authentication a 401 and a 403 (a role too low, a missing
CSRF token); one with a path parameter, or a page of a list, a 404; one that takes a
body a 413 and a 415; a throttled one a 429; a write of an entity a 409 (stale version,
still in use) and a 412 (stale `If-Match`); any a 500. A view names the others it
answers (a graph that is down, 503; a language model that fails, 502/504) in
`extend_schema(responses=…)`: whatever it gives as their body, the schema says problem.
"""

import copy
import re

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from .problems import PROBLEM_CONTENT_TYPE, ProblemSerializer

DESCRIPTIONS = {
    "400": "Invalid input: `errors` names each field and the reason.",
    "401": "No credentials, or wrong ones.",
    "403": "Your role in this world does not allow this.",
    "404": "No such world or entity (or not one of yours).",
    "409": "A stale `version`, or still in use by others.",
    "412": "`If-Match` names another version than the current one.",
    "413": "The request body is too large.",
    "415": "A body of an unsupported media type.",
    "429": "Too many requests: see `Retry-After`.",
    "500": "Something went wrong on our side.",
    "502": "An upstream service gave no usable answer.",
    "503": "A service this needs is unavailable or took too long: try again.",
    "504": "An upstream service did not answer in time.",
}
BODY_METHODS = ("POST", "PUT", "PATCH")
ENTITY_WRITE_METHODS = ("PUT", "PATCH", "DELETE")


class ProblemAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        if direction != "response":
            return responses
        codes = {code for code in responses if code >= "400"} | set(self._error_codes())
        problem = self._get_response_for_code(
            ProblemSerializer, "400", media_types=[PROBLEM_CONTENT_TYPE]
        )
        for code in sorted(codes):
            description = DESCRIPTIONS.get(code, "An error.")
            declared = responses.get(code)
            if isinstance(declared, dict) and declared.get("description"):
                description = declared["description"]
            responses[code] = {**problem, "description": description}
        return responses

    def _error_codes(self) -> list[str]:
        codes = ["500"]
        has_body = self.method in BODY_METHODS
        path_parameters = "{" in self.path
        if has_body or self._get_filter_parameters() or self._query_parameters():
            codes.append("400")
        if [auth for auth in self.get_auth() if auth]:
            codes += ["401", "403"]
        if path_parameters or self._paginated():
            codes.append("404")  # no such world or entity; a page past the last
        if has_body:
            codes += ["413", "415"]
        if self.view.get_throttles():
            codes.append("429")
        if path_parameters and self.method in ENTITY_WRITE_METHODS:
            codes += ["409", "412"]
        return codes

    def _paginated(self) -> bool:
        return self.method == "GET" and bool(self._get_paginator()) and self._is_list_view()

    def _query_parameters(self) -> bool:
        if self._paginated():
            return True
        overrides = self.get_override_parameters()
        return bool(overrides)


def problem(description: str) -> OpenApiResponse:
    """An error response a view names in `extend_schema(responses=…)`."""
    return OpenApiResponse(ProblemSerializer, description=description)


def require_version_on_updates(
    result: dict, generator: object, request: object, public: bool
) -> dict:
    """A PATCH or PUT body must carry `version` (If-Match stands for it): without either
    the answer is a 400, since a write that names no version could silently overwrite
    someone else's save. drf-spectacular marks every field of a partial update
    optional, and a PUT shares its body with the create, where `version` is read-only:
    a PUT gets a body of its own, `<Name>UpdateRequest`, that requires it. A PATCH
    body is required too: without one there is no `version`."""
    schemas = result.get("components", {}).get("schemas", {})
    for name, component in list(schemas.items()):
        if name.startswith("Patched") and name.endswith("Request"):
            _require_version(component)
    for path in result.get("paths", {}).values():
        if "requestBody" in path.get("patch", {}):
            path["patch"]["requestBody"]["required"] = True
        body = path.get("put", {}).get("requestBody", {}).get("content", {})
        for media in body.values():
            reference = media.get("schema", {}).get("$ref", "")
            name = reference.rsplit("/", 1)[-1]
            if name.endswith("Request") and "version" in schemas.get(name, {}).get(
                "properties", {}
            ):
                update = f"{name[: -len('Request')]}UpdateRequest"
                schemas.setdefault(update, _require_version(copy.deepcopy(schemas[name])))
                media["schema"] = {"$ref": f"#/components/schemas/{update}"}
    return result


def _require_version(component: dict) -> dict:
    if "version" in component.get("properties", {}):
        required = component.setdefault("required", [])
        if "version" not in required:
            required.append("version")
    return component


def link_created_to_item(result: dict, generator: object, request: object, public: bool) -> dict:
    """Each create (201 of a POST on a collection) links to the operations on the item it
    made, `…/{id}/` with the created `id`: a client (and the stateful fuzzer) follows a
    create with its read, update and delete without knowing the URL scheme."""
    paths = result.get("paths", {})
    for collection, operations in paths.items():
        created = operations.get("post", {}).get("responses", {}).get("201")
        if created is None:
            continue
        for item, item_operations in paths.items():
            match = re.fullmatch(re.escape(collection) + r"\{(\w+)\}/", item)
            if match is None:
                continue
            parameters = {
                name: f"$request.path.{name}" for name in re.findall(r"\{(\w+)\}", collection)
            } | {match.group(1): "$response.body#/id"}
            created["links"] = {
                operation["operationId"]: {
                    "operationId": operation["operationId"],
                    "parameters": parameters,
                }
                for operation in item_operations.values()
            }
    return result


NO_NUL = "^[^\\x00]*$"
# Not blank either: the API trims a string before it asks for one character.
NOT_BLANK = "^[^\\x00]*[^\\s\\x00][^\\x00]*$"


def text_without_nul(result: dict, generator: object, request: object, public: bool) -> dict:
    """Text the API reads refuses the NUL character (PostgreSQL cannot store it, a 400
    says so), and where it must not be blank, one of only spaces: each string of a
    request body or a query without a format of its own says so too, as a pattern."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            _forbid_nul(component)
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    _forbid_nul(parameter.get("schema", {}))
    return result


def _forbid_nul(schema: dict) -> None:
    if schema.get("type") == "string" and not {"format", "enum", "pattern"} & schema.keys():
        schema["pattern"] = NOT_BLANK if schema.get("minLength", 0) > 0 else NO_NUL
    for child in schema.get("properties", {}).values():
        _forbid_nul(child)
    if isinstance(schema.get("items"), dict):
        _forbid_nul(schema["items"])
