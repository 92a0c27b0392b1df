"""Shapes of the export endpoints, for validation and the OpenAPI schema."""

from rest_framework import serializers


class CharacterBookEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    keys = serializers.ListField(child=serializers.CharField())
    secondary_keys = serializers.ListField(child=serializers.CharField())
    content = serializers.CharField()
    comment = serializers.CharField(allow_blank=True)
    enabled = serializers.BooleanField()
    constant = serializers.BooleanField()
    selective = serializers.BooleanField()
    case_sensitive = serializers.BooleanField()
    insertion_order = serializers.IntegerField()
    priority = serializers.IntegerField()
    position = serializers.CharField(help_text="before_char or after_char")
    extensions = serializers.DictField()


class CharacterBookSerializer(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()
    recursive_scanning = serializers.BooleanField()
    extensions = serializers.DictField()
    entries = CharacterBookEntrySerializer(many=True)


class CharacterCardDataSerializer(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    personality = serializers.CharField(allow_blank=True)
    scenario = serializers.CharField(allow_blank=True)
    first_mes = serializers.CharField(allow_blank=True)
    mes_example = serializers.CharField(allow_blank=True)
    creator_notes = serializers.CharField(allow_blank=True)
    system_prompt = serializers.CharField(allow_blank=True)
    post_history_instructions = serializers.CharField(allow_blank=True)
    alternate_greetings = serializers.ListField(child=serializers.CharField())
    tags = serializers.ListField(child=serializers.CharField())
    creator = serializers.CharField()
    character_version = serializers.CharField()
    extensions = serializers.DictField()
    character_book = CharacterBookSerializer()


class CharacterCardV2Serializer(serializers.Serializer):
    """Character Card V2: https://github.com/malfoyslastname/character-card-spec-v2"""

    spec = serializers.CharField(help_text="Always chara_card_v2.")
    spec_version = serializers.CharField(help_text="Always 2.0.")
    data = CharacterCardDataSerializer()
