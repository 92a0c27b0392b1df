"""Query parameters (validated: each bad one is a 400 naming it) and response shapes.

The world is the view's (from the path), in the serializer's context["world"].
"""

from django.conf import settings
from rest_framework import serializers

from lorebase.catalogue import EntityType
from lorebase.models import RelationKind

from . import kinds
from .answers import MODELS, RESULT_TYPES, entity_in_world
from .graph_queries import PATH_TYPES
from .selectors import chapter_numbers

CHARACTER = (EntityType.CHARACTER.value,)
# What a graph question may start or end at: every entity with a node.
ENDPOINT_TYPES = tuple(MODELS)


class CommaListField(serializers.ListField):
    """`a,b,c` in one query parameter."""

    def to_internal_value(self, data):
        if isinstance(data, list) and len(data) == 1:
            data = data[0]
        if isinstance(data, str):
            data = [part.strip() for part in data.split(",") if part.strip()]
        return super().to_internal_value(data)


class WorldEntityField(serializers.UUIDField):
    """The public id of an entity of one of `types` in the world → its {id, type, name}."""

    def __init__(self, *, types: tuple[str, ...], **kwargs: object) -> None:
        self.types = types
        super().__init__(**kwargs)

    def to_internal_value(self, data: object) -> dict:
        uid = super().to_internal_value(data)
        found = entity_in_world(self.context["world"], str(uid), self.types)
        if found is None:
            raise serializers.ValidationError(
                f"No {' or '.join(self.types)} with this id in this world."
            )
        return found


class KnownChapter:
    """Checks `as_of_chapter` against the chapters of the world (context["world"])."""

    def validate_as_of_chapter(self, value: int) -> int:
        numbers = chapter_numbers(world=self.context["world"])
        if value not in numbers:
            known = f"{min(numbers)}–{max(numbers)}" if numbers else "none"
            raise serializers.ValidationError(
                f"This world has no chapter {value} (its chapters: {known})."
            )
        return value


class AsOfParams(KnownChapter, serializers.Serializer):
    as_of_chapter = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Only what is known by this chapter: later scenes and relations "
        "outside their span are left out.",
    )


def _limit(default: int = 10) -> serializers.IntegerField:
    return serializers.IntegerField(
        required=False, default=default, min_value=1, max_value=settings.SEARCH_MAX_RESULTS
    )


def _kinds() -> CommaListField:
    return CommaListField(
        child=serializers.ChoiceField(choices=PATH_TYPES),
        required=False,
        allow_empty=False,
        help_text="Relationship types to walk along, comma-separated (default: all but "
        "IN_CHAPTER and NEXT).",
    )


class SearchParams(AsOfParams):
    q = serializers.CharField(
        max_length=settings.SEARCH_MAX_QUESTION_LENGTH,
        help_text="A question or words, in the world's language: “where did Anya and Kay "
        "first meet”, “who killed Tobias Wren”, “whom does Mira Hollis serve”, “what "
        "happened at Pier Nine in chapter 1”; «кто враг Кая», «что случилось на Девятом "
        "причале в главе 1».",
    )
    types = CommaListField(
        child=serializers.ChoiceField(choices=RESULT_TYPES),
        required=False,
        allow_empty=False,
        help_text="Result types to keep, comma-separated.",
    )
    tags = CommaListField(
        child=serializers.CharField(max_length=100),
        required=False,
        allow_empty=False,
        help_text="Only entities carrying every one of these tags (comma-separated, any case).",
    )
    limit = _limit()


class MeetingsParams(AsOfParams):
    a = WorldEntityField(types=CHARACTER, help_text="Public id of the first character.")
    b = WorldEntityField(types=CHARACTER, help_text="Public id of the second character.")
    limit = _limit()


class PathParams(AsOfParams):
    a = WorldEntityField(types=ENDPOINT_TYPES, help_text="Public id of the first entity.")
    b = WorldEntityField(types=ENDPOINT_TYPES, help_text="Public id of the second entity.")
    max_hops = serializers.IntegerField(
        required=False, min_value=1, max_value=settings.SEARCH_MAX_PATH_HOPS
    )
    kinds = _kinds()


class NeighbourhoodParams(AsOfParams):
    entity = WorldEntityField(
        types=ENDPOINT_TYPES, help_text="Public id of the entity at the centre."
    )
    depth = serializers.IntegerField(required=False, default=1, min_value=1, max_value=3)
    kinds = _kinds()
    limit = _limit(default=50)

    def validate_limit(self, value: int) -> int:
        return min(value, settings.SEARCH_MAX_NEIGHBOURHOOD_NODES)


class CoAppearanceParams(AsOfParams):
    character = WorldEntityField(types=CHARACTER, help_text="Public id of the character.")
    limit = _limit()


# --- responses ---------------------------------------------------------------


class EntityRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    type = serializers.CharField()
    name = serializers.CharField(allow_null=True)


class PlaceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class StepSerializer(serializers.Serializer):
    source = serializers.UUIDField(help_text="Public id the step leaves.")
    target = serializers.UUIDField(help_text="Public id the step reaches.")
    type = serializers.CharField(help_text="Relationship type.")
    direction = serializers.CharField(required=False)
    relation = serializers.CharField(allow_null=True, required=False)
    role = serializers.CharField(allow_null=True, required=False)
    text = serializers.CharField(required=False)


class WhySerializer(serializers.Serializer):
    source = serializers.ChoiceField(
        choices=["graph", "record", "name", "text"],
        help_text="graph: a walk over the graph (path holds its steps); record: a field of "
        "the entity in the database (a death record); name: a name or an alias; text: "
        "full text or trigrams (fields holds the words).",
    )
    explanation = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Field → the question's words it matched.",
    )
    path = StepSerializer(many=True, required=False)


class ResultSerializer(serializers.Serializer):
    type = serializers.CharField()
    id = serializers.UUIDField(allow_null=True)
    title = serializers.CharField()
    score = serializers.FloatField()
    chapter = serializers.IntegerField(required=False, allow_null=True)
    location = PlaceSerializer(required=False, allow_null=True)
    why = WhySerializer()
    cites = serializers.ListField(child=serializers.UUIDField())


class MatchedSerializer(serializers.Serializer):
    words = serializers.ListField(child=serializers.CharField())
    field = serializers.CharField()
    value = serializers.CharField()
    how = serializers.ChoiceField(choices=["exact", "stem", "fuzzy"])
    score = serializers.FloatField()


class RecognisedSerializer(EntityRefSerializer):
    matched = MatchedSerializer()


KINDS = list(kinds.KINDS)


class CandidateSerializer(EntityRefSerializer):
    parent = serializers.CharField(
        allow_null=True, help_text="A place's larger place, to tell places of one name apart."
    )


class MentionSerializer(MatchedSerializer):
    ambiguous = serializers.BooleanField(
        help_text="More than one entity fits these words equally well."
    )
    resolved_by = serializers.CharField(
        allow_null=True,
        help_text="When several entities fit these words, what else in the question chose "
        "the one taken: a place it names that holds just one of them, the places where "
        "the characters it names have scenes, or whether it asks about a chapter.",
    )
    candidates = CandidateSerializer(
        many=True, help_text="Every entity these words may name, the first one when clear."
    )


class RelationAskedSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RelationKind.choices)
    side = serializers.ChoiceField(
        choices=[kinds.OUT, kinds.IN, kinds.BOTH],
        help_text="out: the named entity is the relation's source (“whom does X serve”); "
        "in: its target (“who serves X”, “X's mentor”); both: either.",
    )


class DetailsSerializer(serializers.Serializer):
    meeting = serializers.ChoiceField(
        choices=[kinds.FIRST, kinds.LAST, kinds.ALL],
        required=False,
        help_text="meetings: first → results[0] is the first meeting; last → results[0] is "
        "the last one, the rest follow in story order; all → story order.",
    )
    death = serializers.ChoiceField(
        choices=[kinds.KILLER, kinds.HOW],
        required=False,
        help_text="death: killer → results[0] is the killer, results[1] the death scene; "
        "how → results[0] is the death scene (the victim when no scene is recorded).",
    )
    relations = RelationAskedSerializer(
        many=True,
        required=False,
        help_text="relation: the relations asked about; results are the other parties of "
        "those that hold at as_of_chapter, by (chapter the relation starts in, name, id).",
    )
    chapter = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="events_at_location: the chapter asked about, by number or title.",
    )


class InterpretationSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=KINDS,
        help_text="meetings: two characters → the scenes where both are, in story order. "
        "path: “connected / связаны” → the shortest connection. character_at_location: a "
        "character and a place → their scenes there or inside it. death: “who killed X / "
        "how did X die”, «кто убил X / как погиб X» → from the death record. relation: “who "
        "is X's enemy / ally / family / mentor / master / lover”, “whom does X serve”, "
        "“who serves X”, “who leads F”, «кто враг X», «кому служит X» → the other parties. "
        "events_at_location: “what happened at P in chapter N / in <chapter title>”, «что "
        "случилось в P в главе N» → that chapter's scenes at P or inside it. text: names "
        "and full text only (also whenever a name is ambiguous).",
    )
    details = DetailsSerializer(help_text="What the kind needs beyond the names.")
    confident = serializers.BooleanField(
        help_text="False when a name could be several entities: then the results come "
        "from text search, not from the graph."
    )
    mentions = MentionSerializer(
        many=True,
        help_text="Names found in the question as longest non-overlapping spans, in order.",
    )
    note = serializers.CharField(
        allow_null=True,
        help_text="What was unclear, for a “did you mean …” prompt; or why there is no "
        "answer (“Nothing is known of a death of X as of chapter 2.”, a chapter after "
        "as_of_chapter).",
    )


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField()
    kind = serializers.ChoiceField(choices=KINDS)
    as_of_chapter = serializers.IntegerField(allow_null=True)
    entities = RecognisedSerializer(
        many=True, help_text="Entities the question names beyond doubt."
    )
    interpretation = InterpretationSerializer(
        help_text="How the question was read: its names with every candidate, and its kind."
    )
    results = ResultSerializer(many=True)


class MeetingsResponseSerializer(serializers.Serializer):
    a = EntityRefSerializer()
    b = EntityRefSerializer()
    results = ResultSerializer(many=True)


class PathResponseSerializer(serializers.Serializer):
    a = EntityRefSerializer()
    b = EntityRefSerializer()
    found = serializers.BooleanField()
    length = serializers.IntegerField(allow_null=True)
    nodes = EntityRefSerializer(many=True)
    steps = StepSerializer(many=True)
    truncated = serializers.BooleanField(
        help_text="Always false: the search is exact within max_hops "
        "(one too large to finish in time answers 503). Kept for existing clients."
    )


class NeighbourSerializer(EntityRefSerializer):
    distance = serializers.IntegerField()


class NeighbourhoodResponseSerializer(serializers.Serializer):
    entity = EntityRefSerializer()
    nodes = NeighbourSerializer(many=True)
    edges = StepSerializer(many=True)
    truncated = serializers.BooleanField()


class CoAppearanceSerializer(serializers.Serializer):
    character = PlaceSerializer()
    scenes = serializers.IntegerField()
    first_chapter = serializers.IntegerField()
    why = serializers.CharField()


class CoAppearancesResponseSerializer(serializers.Serializer):
    character = EntityRefSerializer()
    results = CoAppearanceSerializer(many=True)
