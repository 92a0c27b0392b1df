"""Reference fields: entities are named by public id, inside the request's world."""

import uuid

from django.core.validators import RegexValidator
from django.db.models import Model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lorebase.catalogue import ENDPOINT_TYPES, KINDS, entity_type_of

# The serializer context's key of a dict (model, public id) → entity that several
# serializers share: a batch reads each referenced entity once, not once per use.
KNOWN_ENTITIES = "known_entities"


def world_entity(context: dict, model: type[Model], public_id: uuid.UUID) -> Model | None:
    """The `model` entity of the context's world with this public id, or None."""
    known = context.get(KNOWN_ENTITIES)
    if known is not None and (model, public_id) in known:
        return known[model, public_id]
    entity = model._default_manager.filter(world=context["world"], public_id=public_id).first()
    if known is not None and entity is not None:
        known[model, public_id] = entity
    return entity


def known_entities_load(
    context: dict, serializer: serializers.BaseSerializer, data: object
) -> None:
    """Read at once every entity `data` may name through `serializer`'s reference fields
    into the context's known entities: one query per model for a whole batch run, where
    each reference would read its own."""
    wanted = _uuids_in(data)
    for model in _referenced_models(serializer):
        for entity in model._default_manager.filter(world=context["world"], public_id__in=wanted):
            context[KNOWN_ENTITIES][model, entity.public_id] = entity


def _uuids_in(value: object) -> set[uuid.UUID]:
    if isinstance(value, dict):
        return set().union(*map(_uuids_in, value.values()))
    if isinstance(value, list):
        return set().union(*map(_uuids_in, value))
    try:
        return {uuid.UUID(value)} if isinstance(value, str) else set()
    except ValueError:
        return set()


def _referenced_models(serializer: serializers.BaseSerializer) -> set[type[Model]]:
    if isinstance(serializer, serializers.ListSerializer):
        return _referenced_models(serializer.child)
    found: set[type[Model]] = set()
    for field in getattr(serializer, "fields", {}).values():
        if isinstance(field, WorldRefField):
            found.add(field.model)
        elif isinstance(field, EndpointField):
            found.update(KINDS[name].model for name in ENDPOINT_TYPES)
        elif isinstance(field, serializers.BaseSerializer):
            found |= _referenced_models(field)
    return found


class WorldRefField(serializers.SlugRelatedField):
    """An entity of the request's world, by its public id."""

    default_error_messages = {
        "does_not_exist": "There is no {model} with id “{value}” in this world.",
        "invalid": "Send the id (a UUID) of a {model} of this world.",
    }

    def __init__(self, model: type[Model], **kwargs: object) -> None:
        self.model = model
        super().__init__(slug_field="public_id", queryset=model.objects.all(), **kwargs)

    def get_queryset(self):
        return self.model.objects.filter(world=self.context["world"])

    def to_internal_value(self, data: object) -> Model:
        name = self.model._meta.verbose_name
        try:
            public_id = uuid.UUID(str(data))
        except ValueError:
            self.fail("invalid", model=name)
        entity = world_entity(self.context, self.model, public_id)
        if entity is None:
            self.fail("does_not_exist", model=name, value=data)
        return entity


class EndpointSchema(serializers.Serializer):
    """One end of a relation: the entity's type and id (its name is read-only)."""

    type = serializers.ChoiceField(choices=sorted(ENDPOINT_TYPES))
    id = serializers.UUIDField()
    name = serializers.CharField(read_only=True)


@extend_schema_field(EndpointSchema)
class EndpointField(serializers.Field):
    """A character, location or concept of the request's world: {"type", "id"}."""

    default_error_messages = {
        "shape": 'Send {{"type": "character" | "location" | "concept", "id": "<uuid>"}}.',
        "does_not_exist": "There is no {type} with id “{value}” in this world.",
    }

    def to_representation(self, entity: Model) -> dict:
        return {
            "type": entity_type_of(entity).value,
            "id": str(entity.public_id),
            "name": str(entity),
        }

    def to_internal_value(self, data: object) -> Model:
        if not isinstance(data, dict) or data.get("type") not in ENDPOINT_TYPES:
            self.fail("shape")
        try:
            public_id = uuid.UUID(str(data.get("id")))
        except ValueError:
            self.fail("shape")
        model = KINDS[data["type"]].model
        entity = world_entity(self.context, model, public_id)
        if entity is None:
            self.fail("does_not_exist", type=data["type"], value=data.get("id"))
        return entity


class StrictCharField(serializers.CharField):
    """A string, and only a string: DRF's CharField takes a number for its digits, which
    the schema (a string) does not allow."""

    def to_internal_value(self, data: object) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class TagsField(serializers.ListField):
    """An entity's tags as a sorted list of names; a write replaces them all."""

    child = serializers.CharField(
        max_length=100,
        allow_blank=False,
        # What tags_clean refuses, in the schema too: a comma (it separates tags in a
        # query), a NUL, only spaces.
        validators=[
            RegexValidator(
                r"^[^,\x00]*[^\s,\x00][^,\x00]*$", "A tag has no comma and not only spaces."
            )
        ],
    )

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("help_text", "Tag names; sending the list replaces the entity's tags.")
        super().__init__(**kwargs)

    def to_representation(self, value: object) -> list[str]:
        # The manager (its rows prefetched by the selector), not a list.
        return sorted(tag.name for tag in value.all())  # type: ignore[attr-defined]
