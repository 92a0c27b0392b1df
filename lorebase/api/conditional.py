"""Optimistic concurrency by HTTP convention: `ETag` out, `If-Match` in.

An entity's ETag is its version, quoted (`"3"`): strong, since every change of what
the API shows of it makes a new version. A write (PUT, PATCH, DELETE) with `If-Match`
goes ahead only if one of the tags it names is the current one (or it says `*`);
otherwise 412 and nothing changes. The check runs under the row's lock, in the
write's own transaction, so no save can slip in between. The `version` in the body
keeps working as before (409 when stale); a write may send either, or both.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase import services
from lorebase.models import World, WorldEntity

from .exceptions import PreconditionFailed

DETAIL_ACTIONS = ("retrieve", "create", "update", "partial_update")

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description='The ETag you read (`"3"`): if the entity changed since, 412 and nothing '
    "changes. Stands for `version` in the body (a PATCH needs one or the other).",
)


def etag(version: int) -> str:
    return f'"{version}"'


def if_match_tags(request: Request) -> list[str] | None:
    """The entity tags of the request's If-Match, or None without one."""
    header = request.headers.get("If-Match")
    if header is None:
        return None
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def check_if_match(*, request: Request, instance: WorldEntity | World) -> None:
    """Lock the entity and refuse the write if If-Match names another version (412).

    Call inside the write's transaction. A weak tag (`W/"3"`) never matches: If-Match
    compares strongly (RFC 9110, 13.1.1).
    """
    tags = if_match_tags(request)
    if tags is None:
        return
    current = services.entity_lock(instance=instance)
    if "*" not in tags and etag(current) not in tags:
        raise PreconditionFailed(current)


class ConditionalWritesMixin:
    """For a viewset of entities that have a `version`: ETag on each entity answered.

    Its perform_update and perform_destroy call check_if_match first, in their
    transaction."""

    action: str
    request: Request

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()  # type: ignore[misc]
        context["if_match"] = if_match_tags(self.request) is not None
        return context

    def finalize_response(
        self, request: Request, response: Response, *args: object, **kwargs: object
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        data = getattr(response, "data", None)
        if (
            self.action in DETAIL_ACTIONS
            and 200 <= response.status_code < 300
            and isinstance(data, dict)
            and isinstance(data.get("version"), int)
        ):
            response["ETag"] = etag(data["version"])
        return response
