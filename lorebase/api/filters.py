"""Query-string filters of the entity lists."""

from datetime import UTC, datetime

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django_filters.fields import IsoDateTimeField

from lorebase.models import ENDPOINT_FIELDS, Chapter, Character, Concept, Location, Relation, Scene
from lorebase.selectors import tagged


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 time, in UTC: PostgreSQL refuses offsets beyond ±15:59 (a 500 the
    fuzzer found), and a time at the edge of the calendar may not have a UTC one (400)."""

    def to_python(self, value: object) -> datetime | None:
        parsed = super().to_python(value)
        if parsed is None or parsed.tzinfo is None:
            return parsed
        try:
            return parsed.astimezone(UTC)
        except OverflowError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class EntityFilter(django_filters.FilterSet):
    """What every entity list takes: `updated_since`, `tags`."""

    tags = django_filters.CharFilter(
        method="tagged",
        help_text="Only entities carrying every one of these tags (comma-separated, any case).",
    )

    updated_since = UtcIsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only entities created or changed at or after this time (ISO 8601). "
        "Deletions are not in a list: follow the change feed (`changes/`) for those.",
    )

    def tagged(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return tagged(queryset, value.split(","))

    def is_valid(self) -> bool:
        # django-filter reads an empty `?kind=` as no filter at all; an empty id, number,
        # choice or time is none of those (the schema says so), so it is a 400.
        for name, field in self.filters.items():
            if not isinstance(field, django_filters.CharFilter) and self.data.get(name) == "":
                self.form.add_error(name, "Send a value, or leave the parameter out.")
        return super().is_valid()


def _by_name(queryset: QuerySet, name: str, value: str) -> QuerySet:
    """Part of the name, or one of the aliases exactly (any case)."""
    return queryset.filter(Q(name__icontains=value) | Q(aliases__icontains=value))


class ChapterFilter(EntityFilter):
    class Meta:
        model = Chapter
        fields = ("number", "tags", "updated_since")


class LocationFilter(EntityFilter):
    name = django_filters.CharFilter(method=_by_name, help_text="Part of a name or alias.")
    parent = django_filters.UUIDFilter(field_name="parent__public_id")

    class Meta:
        model = Location
        fields = ("name", "kind", "parent", "tags", "updated_since")


class CharacterFilter(EntityFilter):
    name = django_filters.CharFilter(method=_by_name, help_text="Part of a name or alias.")
    chapter = django_filters.UUIDFilter(
        field_name="scenes__chapter__public_id",
        distinct=True,
        help_text="Characters who take part in a scene of this chapter.",
    )
    location = django_filters.UUIDFilter(
        field_name="scenes__location__public_id",
        distinct=True,
        help_text="Characters who take part in a scene at this location.",
    )

    class Meta:
        model = Character
        fields = ("name", "status", "chapter", "location", "tags", "updated_since")


class ConceptFilter(EntityFilter):
    name = django_filters.CharFilter(method=_by_name, help_text="Part of a name or alias.")

    class Meta:
        model = Concept
        fields = ("name", "kind", "tags", "updated_since")


class SceneFilter(EntityFilter):
    title = django_filters.CharFilter(lookup_expr="icontains")
    chapter = django_filters.UUIDFilter(field_name="chapter__public_id")
    chapter_number = django_filters.NumberFilter(field_name="chapter__number")
    location = django_filters.UUIDFilter(field_name="location__public_id")
    participant = django_filters.UUIDFilter(
        field_name="participants__public_id",
        distinct=True,
        help_text="Scenes in which this character takes part.",
    )

    class Meta:
        model = Scene
        fields = (
            "title",
            "chapter",
            "chapter_number",
            "location",
            "participant",
            "tags",
            "updated_since",
        )


class RelationFilter(EntityFilter):
    entity = django_filters.UUIDFilter(
        method="touching", help_text="Relations from or to this character, location or concept."
    )

    class Meta:
        model = Relation
        fields = ("kind", "entity", "tags", "updated_since")

    def touching(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q()
        for field in ENDPOINT_FIELDS:
            condition |= Q(**{f"{field}__public_id": value})
        return queryset.filter(condition)
