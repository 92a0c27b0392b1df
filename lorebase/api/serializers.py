"""API representations of the lore. Writes go through lorebase.services."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers
from rest_framework.utils import html
from rest_framework.validators import UniqueTogetherValidator

from lorebase import services
from lorebase.models import (
    ENDPOINT_SIDES,
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    SceneParticipant,
    World,
    WorldEntity,
)
from lorebase.selectors import membership_role

from . import examples
from .exceptions import validation_error_from_django
from .fields import EndpointField, StrictCharField, TagsField, WorldRefField

ENTITY_READ_ONLY = ("id", "created_at", "updated_at")

# In a serializer's context: the database checks unique constraints (see get_validators).
UNIQUE_BY_DATABASE = "unique_by_database"


class EntitySerializer(serializers.ModelSerializer):
    """Common shape: a public id, a version for optimistic locking, timestamps."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="Read-only on create. On update, send the version you read (or its "
        "ETag in `If-Match`): if someone saved in between, the answer is 409 (412 for "
        "`If-Match`) and nothing changes.",
    )
    tags = TagsField(required=False)
    original = serializers.UUIDField(
        read_only=True,
        allow_null=True,
        help_text="In a translated edition of a world: the id of this entity in the original.",
    )
    # Model field names that differ from the API's, for validation messages.
    error_fields: dict[str, str] = {}
    serializer_field_mapping = serializers.ModelSerializer.serializer_field_mapping | {
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
    }

    def to_internal_value(self, data):
        # DRF reads an empty field of a form as one left out (its default, or no
        # `version`); the schema, and a JSON body, say it is a blank one: a 400.
        if html.is_html_input(data):
            blank = {
                name: [serializers.ErrorDetail("This field may not be blank.", code="blank")]
                for name, field in self.fields.items()
                if data.get(name) == ""
                and not field.read_only
                and not field.allow_null
                and not getattr(field, "allow_blank", False)
            }
            if blank:
                raise serializers.ValidationError(blank)
        return super().to_internal_value(data)

    def validate(self, attrs: dict) -> dict:
        # An If-Match header (checked by the view) stands for the version in the body.
        if (
            self.instance is not None
            and "version" not in attrs
            and not self.context.get("if_match")
        ):
            raise serializers.ValidationError(
                {
                    "version": [
                        "Send the version you read (or its ETag in If-Match), so that "
                        "concurrent edits are caught."
                    ]
                }
            )
        return attrs

    def create(self, validated_data: dict):
        validated_data.pop("version", None)
        return self.save_entity(self.Meta.model(world=self.context["world"]), validated_data, None)

    def update(self, instance, validated_data: dict):
        expected = validated_data.pop("version", None)
        return self.save_entity(instance, validated_data, expected)

    def get_validators(self) -> list:
        # A batch's run of creates leaves uniqueness to the database (and, on a clash,
        # saves them one by one with these validators): one query less per entity.
        validators = super().get_validators()
        if self.context.get(UNIQUE_BY_DATABASE):
            return [v for v in validators if not isinstance(v, UniqueTogetherValidator)]
        return validators

    def assign(self, instance, data: dict) -> None:
        """Put validated fields on the instance (a subclass handles those not plain)."""
        for name, value in data.items():
            setattr(instance, name, value)

    def built(self, data: dict) -> tuple[WorldEntity, list[tuple[Character, str]]]:
        """A new, unsaved entity of this world from validated data, and its cast (scenes)."""
        instance = self.Meta.model(world=self.context["world"])
        self.assign(instance, {k: v for k, v in data.items() if k not in ("version", "tags")})
        instance.tags_on_create = data.get("tags")
        return instance, []

    def save_entity(self, instance, data: dict, expected_version: int | None):
        tags = data.pop("tags", None)
        self.assign(instance, data)
        try:
            return services.entity_save(
                instance=instance, expected_version=expected_version, tags=tags
            )
        except DjangoValidationError as error:
            raise validation_error_from_django(error, self.error_fields) from error


@extend_schema_serializer(examples=examples.WORLD)
class WorldSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    role = serializers.SerializerMethodField(help_text="Your role in this world.")
    original = serializers.UUIDField(
        read_only=True,
        allow_null=True,
        help_text="In a translated edition: the original world's id.",
    )

    class Meta:
        model = World
        fields = (
            "id",
            "original",
            "name",
            "slug",
            "language",
            "description",
            "version",
            "role",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("version", "created_at", "updated_at")

    def get_role(self, world: World) -> str | None:
        known = self.context.get("roles", {}).get(world.pk)
        return known or membership_role(user=self.context["request"].user, world=world)


@extend_schema_serializer(examples=examples.CHAPTER)
class ChapterSerializer(EntitySerializer):
    error_fields = {"__all__": "number"}

    class Meta:
        model = Chapter
        fields = (
            "id",
            "original",
            "version",
            "tags",
            "number",
            "title",
            "summary",
            "created_at",
            "updated_at",
        )
        read_only_fields = ENTITY_READ_ONLY


@extend_schema_serializer(examples=examples.LOCATION)
class LocationSerializer(EntitySerializer):
    parent = WorldRefField(Location, allow_null=True, required=False)

    class Meta:
        model = Location
        fields = (
            "id",
            "original",
            "version",
            "tags",
            "name",
            "aliases",
            "kind",
            "description",
            "parent",
            "created_at",
            "updated_at",
        )
        read_only_fields = ENTITY_READ_ONLY


@extend_schema_serializer(examples=examples.CHARACTER)
class CharacterSerializer(EntitySerializer):
    status_chapter = WorldRefField(Chapter, allow_null=True, required=False)
    killed_by = WorldRefField(Character, allow_null=True, required=False)
    death_scene = WorldRefField(Scene, allow_null=True, required=False)

    class Meta:
        model = Character
        fields = (
            "id",
            "original",
            "version",
            "tags",
            "name",
            "aliases",
            "description",
            "persona",
            "speech_style",
            "status",
            "status_chapter",
            "killed_by",
            "death_scene",
            "death_cause",
            "created_at",
            "updated_at",
        )
        read_only_fields = ENTITY_READ_ONLY


@extend_schema_serializer(examples=examples.CONCEPT)
class ConceptSerializer(EntitySerializer):
    class Meta:
        model = Concept
        fields = (
            "id",
            "original",
            "version",
            "tags",
            "name",
            "aliases",
            "kind",
            "description",
            "created_at",
            "updated_at",
        )
        read_only_fields = ENTITY_READ_ONLY


class ParticipantSerializer(serializers.Serializer):
    character = WorldRefField(Character)
    role = serializers.ChoiceField(
        choices=SceneParticipant.Role.choices, default=SceneParticipant.Role.PRESENT
    )


@extend_schema_serializer(examples=examples.SCENE)
class SceneSerializer(EntitySerializer):
    chapter = WorldRefField(Chapter)
    location = WorldRefField(Location, allow_null=True, required=False)
    participants = ParticipantSerializer(many=True, required=False, source="participations")
    error_fields = {"__all__": "order"}

    class Meta:
        model = Scene
        fields = (
            "id",
            "original",
            "version",
            "tags",
            "chapter",
            "order",
            "title",
            "summary",
            "text",
            "location",
            "participants",
            "created_at",
            "updated_at",
        )
        read_only_fields = ENTITY_READ_ONLY

    def validate_participants(self, value: list[dict]) -> list[dict]:
        characters = [item["character"] for item in value]
        doubled = {str(c) for c in characters if characters.count(c) > 1}
        if doubled:
            listed = ", ".join(sorted(doubled))
            raise serializers.ValidationError(
                f"Each character takes one role per scene; listed twice: {listed}."
            )
        return value

    @staticmethod
    def _cast(items: list[dict]) -> list[tuple[Character, str]]:
        return [(item["character"], item["role"]) for item in items]

    def built(self, data: dict) -> tuple[WorldEntity, list[tuple[Character, str]]]:
        data = dict(data)
        cast = data.pop("participations", [])
        scene, _ = super().built(data)
        return scene, self._cast(cast)

    def save_entity(self, instance, data: dict, expected_version: int | None):
        cast = data.pop("participations", None)
        created = instance.pk is None
        scene = super().save_entity(instance, data, expected_version)
        if cast is not None:
            services.scene_set_participants(
                scene=scene,
                participants=self._cast(cast),
                touch=False,
                created=created,
            )
        return scene


@extend_schema_serializer(examples=examples.RELATION)
class RelationSerializer(EntitySerializer):
    source = EndpointField()
    target = EndpointField()
    valid_from = WorldRefField(Chapter, allow_null=True, required=False)
    valid_to = WorldRefField(Chapter, allow_null=True, required=False)
    error_fields = ENDPOINT_SIDES

    class Meta:
        model = Relation
        fields = (
            "id",
            "original",
            "version",
            "tags",
            "kind",
            "source",
            "target",
            "description",
            "valid_from",
            "valid_to",
            "known_from_start",
            "created_at",
            "updated_at",
        )
        read_only_fields = ENTITY_READ_ONLY

    def assign(self, instance, data: dict) -> None:
        data = dict(data)
        for side in ("source", "target"):
            if side in data:
                instance.set_endpoint(side, data.pop(side))
        super().assign(instance, data)


class EntityRelationSerializer(RelationSerializer):
    """A relation seen from one of its ends."""

    direction = serializers.SerializerMethodField(
        help_text="`out`: the entity is the source; `in`: it is the target."
    )

    class Meta(RelationSerializer.Meta):
        fields = (*RelationSerializer.Meta.fields, "direction")

    def get_direction(self, relation: Relation) -> str:
        return "out" if relation.source == self.context["entity"] else "in"
