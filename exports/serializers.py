"""Shapes of the export endpoints, for validation and the OpenAPI schema."""

from rest_framework import serializers

from lorebase.models import Chapter


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

    # One value each, so that a card is valid as one version only (the schema's oneOf).
    spec = serializers.ChoiceField(choices=["chara_card_v2"])
    spec_version = serializers.CharField(help_text="Always 2.0.")
    data = CharacterCardDataSerializer()


class CharacterCardV3EntrySerializer(CharacterBookEntrySerializer):
    use_regex = serializers.BooleanField(help_text="Always false: keys are plain names.")


class CharacterBookV3Serializer(CharacterBookSerializer):
    entries = CharacterCardV3EntrySerializer(many=True)


class CharacterCardV3DataSerializer(CharacterCardDataSerializer):
    character_book = CharacterBookV3Serializer()
    group_only_greetings = serializers.ListField(child=serializers.CharField())
    source = serializers.ListField(child=serializers.CharField())
    creation_date = serializers.IntegerField(help_text="Unix seconds.")
    modification_date = serializers.IntegerField(help_text="Unix seconds.")


class CharacterCardV3Serializer(serializers.Serializer):
    """Character Card V3: https://github.com/kwaroran/character-card-spec-v3"""

    spec = serializers.ChoiceField(choices=["chara_card_v3"])
    spec_version = serializers.CharField(help_text="Always 3.0.")
    data = CharacterCardV3DataSerializer()


class AsOfChapterParams(serializers.Serializer):
    as_of_chapter = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Only what is known by the end of this chapter; without it, the whole "
        "story (the export says which).",
    )

    def validate_as_of_chapter(self, value: int) -> int:
        numbers = list(
            Chapter.objects.filter(world=self.context["world"]).values_list("number", flat=True)
        )
        if value not in numbers:
            known = f"{min(numbers)}–{max(numbers)}" if numbers else "none"
            raise serializers.ValidationError(
                f"This world has no chapter {value} (its chapters: {known})."
            )
        return value


class CardParams(AsOfChapterParams):
    spec = serializers.ChoiceField(
        choices=[("v2", "Character Card V2"), ("v3", "Character Card V3")],
        default="v2",
        help_text="Which card format.",
    )


class GameExportParams(AsOfChapterParams):
    # Not `format`: DRF reads that query parameter as the renderer to answer with.
    kind = serializers.ChoiceField(
        choices=[
            ("renpy", "characters.rpy and codex.json for a Ren'Py game"),
            ("markdown", "an Obsidian-style Markdown vault"),
        ],
        help_text="What to export.",
    )

    def validate(self, attrs: dict) -> dict:
        if attrs["kind"] == "renpy" and "as_of_chapter" in attrs:
            raise serializers.ValidationError(
                {"as_of_chapter": "The renpy codex names each entry's chapter: no cut."}
            )
        return attrs
