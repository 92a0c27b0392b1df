"""The answer request (each bad field is a 400 naming it) and the answer's shape."""

from django.conf import settings
from rest_framework import serializers

from search.serializers import KnownChapter

from .providers import PROVIDERS


class AnswerRequestSerializer(KnownChapter, serializers.Serializer):
    world = serializers.UUIDField(
        required=False, help_text="Public id of the world (or the `world` query parameter)."
    )
    character = serializers.UUIDField(help_text="Public id of the character who answers.")
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


class AnswerErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class AnswerBadRequestSerializer(serializers.Serializer):
    detail = serializers.CharField(
        required=False, help_text="A malformed body; or else: each bad field → its reasons."
    )
