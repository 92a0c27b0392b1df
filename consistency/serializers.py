"""Query parameters (each bad one is a 400 naming it) and the report's shape."""

from rest_framework import serializers

from lorebase.api.pagination import PageNumberPagination

from .rules import ENTITY_MODELS, ERROR, RULES, WARNING


class ReportParams(serializers.Serializer):
    rule = serializers.ChoiceField(
        choices=list(RULES), required=False, help_text="Run only this rule (default: all)."
    )
    page = serializers.IntegerField(required=False, min_value=1, help_text="Page of findings.")
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=PageNumberPagination.max_page_size,
        help_text="Findings per page (default 50, at most 200).",
    )


class FindingEntitySerializer(serializers.Serializer):
    # Not an enum: its values are the same set as another component's enum, and the
    # schema would rename that one to share a name.
    type = serializers.CharField(help_text=f"One of: {', '.join(ENTITY_MODELS)}.")
    id = serializers.UUIDField(source="public_id", help_text="Public id of the entity.")
    name = serializers.CharField(help_text="Name, scene title, or the relation in words.")


class FindingSerializer(serializers.Serializer):
    rule = serializers.ChoiceField(choices=list(RULES))
    severity = serializers.ChoiceField(
        choices=[ERROR, WARNING],
        help_text="error: the lore cannot be true as written; warning: it may be a mistake.",
    )
    message = serializers.CharField()
    entities = FindingEntitySerializer(many=True, help_text="What to look at, most central first.")


class ConsistencyReportSerializer(serializers.Serializer):
    world = serializers.UUIDField(help_text="Public id of the world.")
    counts = serializers.DictField(
        child=serializers.IntegerField(min_value=0),
        help_text="Rule id → findings, for each rule that ran (all, or the one asked for).",
    )
    count = serializers.IntegerField(help_text="Findings on all pages.")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = FindingSerializer(many=True)
