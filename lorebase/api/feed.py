"""`GET /api/v1/worlds/{world_id}/changes/`: the world's change feed, for tools that stay in step.

Every committed change (create, update, delete; cascades included) in the order the
log gives them (lorebase.changes: a change is never served before one it could depend
on, and a late commit is never skipped), a page at a time. The cursor is opaque to the
client and is a position in the log, so it survives restarts of anything; a cursor
older than the log's window (`CHANGE_LOG_RETENTION_DAYS`) is 410: reload, then follow
from the `next_cursor` of an empty cursor.
"""

import base64
import binascii
import json
from typing import Any

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase.changes import changes_after, changes_first_position
from lorebase.models import Change

from .schema import problem
from .world_scope import WorldScopedView

CURSOR_VERSION = 1


def cursor_encode(position: int) -> str:
    raw = json.dumps({"v": CURSOR_VERSION, "p": position}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_decode(cursor: str) -> int:
    """The position a cursor stands for; ValueError if it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise ValueError("not a cursor") from error
    position = data.get("p") if isinstance(data, dict) else None
    if data.get("v") != CURSOR_VERSION or not isinstance(position, int) or position < 0:
        raise ValueError("not a cursor")
    return position


NOT_A_CURSOR = (
    "Not a cursor of this feed: send a `next_cursor` as it was given, or none "
    "to start from the oldest change kept."
)


class FeedParams(serializers.Serializer):
    cursor = serializers.CharField(
        required=False,
        max_length=200,
        help_text="The `next_cursor` of the last page you read; none: from the oldest kept.",
    )
    limit = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=1000,
        help_text="At most this many changes (1–1000, default 100).",
    )

    def to_internal_value(self, data: Any) -> dict:
        # DRF reads an empty `?cursor=` as none (from the oldest change): it is no cursor.
        if data.get("cursor") == "":
            raise serializers.ValidationError({"cursor": [NOT_A_CURSOR]}, code="invalid")
        return super().to_internal_value(data)

    def validate_cursor(self, value: str) -> int:
        try:
            return cursor_decode(value)
        except ValueError:
            raise serializers.ValidationError(NOT_A_CURSOR, code="invalid") from None


class ChangeSerializer(serializers.Serializer):
    operation = serializers.ChoiceField(choices=Change.Operation.choices)
    entity_type = serializers.CharField(help_text="`world`, `chapter`, `location`, …")
    entity_id = serializers.UUIDField()
    version = serializers.IntegerField(help_text="The entity's version after the change.")
    changed_at = serializers.DateTimeField(source="created_at")


class FeedPageSerializer(serializers.Serializer):
    results = ChangeSerializer(many=True)
    next_cursor = serializers.CharField(
        help_text="Send it as `cursor` for the changes after these (also when there were none)."
    )
    has_more = serializers.BooleanField(help_text="More changes are waiting: ask again now.")


class CursorExpired(APIException):
    status_code = 410
    default_code = "cursor_expired"


FEED_EXAMPLE = OpenApiExample(
    "Two changes, then nothing more",
    value={
        "results": [
            {
                "operation": "update",
                "entity_type": "scene",
                "entity_id": "6d3e9a1b-2c4f-4a7e-8b5d-1f0c9e2a3b74",
                "version": 4,
                "changed_at": "2026-12-02T10:15:00Z",
            },
            {
                "operation": "delete",
                "entity_type": "relation",
                "entity_id": "c7282a37-3f3e-4a8c-9b0e-2d5f1a6b7c80",
                "version": 3,
                "changed_at": "2026-12-02T10:15:02Z",
            },
        ],
        "next_cursor": "eyJ2IjoxLCJwIjo0Mn0",
        "has_more": False,
    },
    response_only=True,
)


class ChangeFeedView(WorldScopedView):
    """The world's committed changes in log order, deletions included."""

    @extend_schema(
        operation_id="changes_list",
        tags=["changes"],
        summary="The world's change feed",
        parameters=[FeedParams],
        responses={
            200: FeedPageSerializer,
            410: problem("The cursor is older than the log keeps: reload, then start again."),
        },
        examples=[FEED_EXAMPLE],
        description="Every committed change of the world — create, update, delete, and what "
        "a delete took with it — in the log's order, at most `limit` at a time. Follow "
        "`next_cursor`; `has_more` says whether to ask again at once. Apply a change by "
        "reading the entity (a delete: forget it): `version` tells a late one from a new one.",
    )
    def get(self, request: Request, world_id: str) -> Response:
        params = FeedParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        after = params.validated_data.get("cursor", 0)
        limit = params.validated_data.get("limit", 100)
        first = changes_first_position()
        if after and first is not None and after < first - 1:
            raise CursorExpired(
                f"The log keeps {settings.CHANGE_LOG_RETENTION_DAYS} days and this cursor is "
                "older: reload what you keep from the lists, then follow the feed from no cursor."
            )
        page, horizon = changes_after(world_id=self.world.public_id, after=after, limit=limit + 1)
        has_more = len(page) > limit
        page = page[:limit]
        # All of the world up to the horizon has been read unless the page was cut.
        next_position = page[-1].position if has_more else max(after, horizon)
        return Response(
            {
                "results": ChangeSerializer(page, many=True).data,
                "next_cursor": cursor_encode(next_position or 0),
                "has_more": has_more,
            }
        )
