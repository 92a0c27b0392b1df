"""The answer request (each bad field is a 400 naming it) and the answer's shape.

The world is the view's (from the path), in the serializer's context["world"].
"""

from django.conf import settings
from rest_framework import serializers

from lorebase.models import Character
from search.serializers import KnownChapter

from .providers import PROVIDERS


class WorldCharacterField(serializers.UUIDField):
    """The public id of a character of the world → the character."""

    def to_internal_value(self, data: object) -> Character:
        uid = super().to_internal_value(data)
        character = (
            Character.objects.filter(world=self.context["world"], public_id=uid)
            .select_related("world", "status_chapter")
            .first()
        )
        if character is None:
            raise serializers.ValidationError("No character with this id in this world.")
        return character


class AnswerRequestSerializer(KnownChapter, serializers.Serializer):
    character = WorldCharacterField(help_text="Public id of the character who answers.")
    question = serializers.CharField(
        max_length=settings.LLM_MAX_QUESTION_LENGTH,
        help_text="What to ask the character.",
    )
    as_of_chapter = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="The character knows only scenes up to this chapter, the relations valid "
        "in it (timeless ones once they have met the other party, unless known from the "
        "start) and the deaths seen or caused by then (default: the last chapter).",
    )
    provider = serializers.ChoiceField(
        choices=sorted(PROVIDERS),
        required=False,
        help_text="Who writes the answer (default: the server's LLM_PROVIDER).",
    )

    def validate_question(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError("Ask something: the question is blank.")
        return value.strip()


class AnswerCitationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    type = serializers.ChoiceField(
        choices=["character", "scene", "relation", "death", "location", "concept"]
    )
    title = serializers.CharField()


class AnswerCharacterSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class AnswerContextSerializer(serializers.Serializer):
    nodes = serializers.ListField(child=serializers.DictField())
    edges = serializers.ListField(child=serializers.DictField())
    tokens = serializers.IntegerField(
        help_text="Estimated size of the lore sent (about 4 characters a token)."
    )


class AnswerSerializer(serializers.Serializer):
    answer = serializers.CharField()
    knows = serializers.BooleanField(help_text="False when the character said they do not know.")
    character = AnswerCharacterSerializer()
    as_of_chapter = serializers.IntegerField()
    provider = serializers.CharField()
    model = serializers.CharField()
    citations = AnswerCitationSerializer(many=True)
    knowledge_items = serializers.ListField(
        child=serializers.DictField(),
        help_text="What the character knows that was given to the provider, in context order "
        "(a `death` item: `victim`, `killer`, `scene`, `chapter`, `cause`).",
    )
    context = AnswerContextSerializer()
    usage = serializers.DictField(child=serializers.IntegerField())
    cached = serializers.BooleanField()
