"""Typed, directed relations between two entities of the same world.

Which kinds fit which pair of entity types is an allow-list here, in code:
the graph mirror turns each kind into a relationship type, so nothing outside
this list can ever reach a Cypher statement.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from ..catalogue import ENDPOINT_TYPES, EntityType, entity_type_of
from .entities import Chapter, Character, Concept, Location
from .worlds import WorldEntity

# Short names for the rules below.
CHARACTER, LOCATION, CONCEPT = EntityType.CHARACTER, EntityType.LOCATION, EntityType.CONCEPT
ANY_PAIR = frozenset((s, t) for s in ENDPOINT_TYPES for t in ENDPOINT_TYPES)
SIDES = ("source", "target")
# A relation's endpoint foreign keys (source_character … target_concept) → their side.
ENDPOINT_SIDES = {f"{side}_{t}": side for side in SIDES for t in ENDPOINT_TYPES}
ENDPOINT_FIELDS = tuple(ENDPOINT_SIDES)


class RelationKind(models.TextChoices):
    KNOWS = "KNOWS", "knows"
    FAMILY_OF = "FAMILY_OF", "is family of"
    ALLY_OF = "ALLY_OF", "is an ally of"
    ENEMY_OF = "ENEMY_OF", "is an enemy of"
    LOVES = "LOVES", "loves"
    MENTOR_OF = "MENTOR_OF", "is a mentor of"
    SERVES = "SERVES", "serves"
    MEMBER_OF = "MEMBER_OF", "is a member of"
    LEADS = "LEADS", "leads"
    OWNS = "OWNS", "owns"
    LIVES_IN = "LIVES_IN", "lives in"
    RULES = "RULES", "rules"
    PART_OF = "PART_OF", "is part of"
    RELATES_TO = "RELATES_TO", "relates to"


_PEOPLE_AND_FACTIONS = {
    (CHARACTER, CHARACTER),
    (CHARACTER, CONCEPT),
    (CONCEPT, CHARACTER),
    (CONCEPT, CONCEPT),
}
RELATION_RULES: dict[str, frozenset[tuple[str, str]]] = {
    RelationKind.KNOWS: frozenset({(CHARACTER, CHARACTER)}),
    RelationKind.FAMILY_OF: frozenset({(CHARACTER, CHARACTER)}),
    RelationKind.LOVES: frozenset({(CHARACTER, CHARACTER)}),
    RelationKind.MENTOR_OF: frozenset({(CHARACTER, CHARACTER)}),
    RelationKind.ALLY_OF: frozenset(_PEOPLE_AND_FACTIONS),
    RelationKind.ENEMY_OF: frozenset(_PEOPLE_AND_FACTIONS),
    RelationKind.SERVES: frozenset({(CHARACTER, CHARACTER), (CHARACTER, CONCEPT)}),
    RelationKind.MEMBER_OF: frozenset({(CHARACTER, CONCEPT), (CONCEPT, CONCEPT)}),
    RelationKind.LEADS: frozenset({(CHARACTER, CONCEPT)}),
    RelationKind.OWNS: frozenset(
        {(CHARACTER, CONCEPT), (CHARACTER, LOCATION), (CONCEPT, CONCEPT), (CONCEPT, LOCATION)}
    ),
    RelationKind.LIVES_IN: frozenset({(CHARACTER, LOCATION)}),
    RelationKind.RULES: frozenset({(CHARACTER, LOCATION), (CONCEPT, LOCATION)}),
    RelationKind.PART_OF: frozenset({(CONCEPT, CONCEPT), (LOCATION, LOCATION)}),
    RelationKind.RELATES_TO: ANY_PAIR,
}


class RelationQuerySet(models.QuerySet):
    def valid_at(self, chapter: int) -> "RelationQuerySet":
        """Relations that hold at chapter number `chapter`: an open end is from the
        start or to the end (graph.reads.VALID_AT is the same rule in the graph)."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__number__lte=chapter),
            Q(valid_to__isnull=True) | Q(valid_to__number__gte=chapter),
        )


class Relation(WorldEntity):
    """`source` —kind→ `target`, optionally valid only between two chapters."""

    entity_type = EntityType.RELATION

    kind = models.CharField(max_length=32, choices=RelationKind.choices)
    source_character = models.ForeignKey(
        Character, null=True, blank=True, on_delete=models.CASCADE, related_name="relations_out"
    )
    source_location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="relations_out"
    )
    source_concept = models.ForeignKey(
        Concept, null=True, blank=True, on_delete=models.CASCADE, related_name="relations_out"
    )
    target_character = models.ForeignKey(
        Character, null=True, blank=True, on_delete=models.CASCADE, related_name="relations_in"
    )
    target_location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="relations_in"
    )
    target_concept = models.ForeignKey(
        Concept, null=True, blank=True, on_delete=models.CASCADE, related_name="relations_in"
    )
    description = models.TextField(blank=True)
    valid_from = models.ForeignKey(
        Chapter,
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="+",
        help_text="First chapter in which this holds (empty: from the start).",
    )
    valid_to = models.ForeignKey(
        Chapter,
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="+",
        help_text="Last chapter in which this holds (empty: to the end).",
    )
    known_from_start = models.BooleanField(
        default=False,
        help_text=(
            "Both parties know of it before they meet on the page (family, an old oath). "
            "Otherwise a relation with no first chapter is known to a party only once "
            "they have shared a scene with the other."
        ),
    )

    objects = RelationQuerySet.as_manager()

    class Meta:
        ordering = ["world", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                name="relation_has_one_source",
                condition=(
                    Q(
                        source_character__isnull=False,
                        source_location__isnull=True,
                        source_concept__isnull=True,
                    )
                    | Q(
                        source_character__isnull=True,
                        source_location__isnull=False,
                        source_concept__isnull=True,
                    )
                    | Q(
                        source_character__isnull=True,
                        source_location__isnull=True,
                        source_concept__isnull=False,
                    )
                ),
            ),
            models.CheckConstraint(
                name="relation_has_one_target",
                condition=(
                    Q(
                        target_character__isnull=False,
                        target_location__isnull=True,
                        target_concept__isnull=True,
                    )
                    | Q(
                        target_character__isnull=True,
                        target_location__isnull=False,
                        target_concept__isnull=True,
                    )
                    | Q(
                        target_character__isnull=True,
                        target_location__isnull=True,
                        target_concept__isnull=False,
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"

    def _endpoint(self, side: str) -> tuple[str | None, WorldEntity | None]:
        for type_name in ENDPOINT_TYPES:
            entity = getattr(self, f"{side}_{type_name}", None)
            if entity is not None:
                return type_name, entity
        return None, None

    @property
    def source_type(self) -> str | None:
        return self._endpoint("source")[0]

    @property
    def source(self) -> WorldEntity | None:
        return self._endpoint("source")[1]

    @property
    def target_type(self) -> str | None:
        return self._endpoint("target")[0]

    @property
    def target(self) -> WorldEntity | None:
        return self._endpoint("target")[1]

    def set_endpoint(self, side: str, entity: WorldEntity) -> None:
        entity_type = entity_type_of(entity)
        for type_name in ENDPOINT_TYPES:
            setattr(self, f"{side}_{type_name}", entity if entity_type == type_name else None)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        for side in SIDES:
            filled = [t for t in ENDPOINT_TYPES if getattr(self, f"{side}_{t}_id", None)]
            if len(filled) != 1:
                errors[side] = f"Choose exactly one {side}: a character, a location or a concept."
        if not errors:
            pair = (self.source_type, self.target_type)
            if self.kind in RELATION_RULES and pair not in RELATION_RULES[self.kind]:
                allowed = ", ".join(f"{s} → {t}" for s, t in sorted(RELATION_RULES[self.kind]))
                errors["kind"] = (
                    f"“{self.get_kind_display()}” cannot link a {pair[0]} to a {pair[1]}. "
                    f"It fits: {allowed}."
                )
            if self.source == self.target:
                errors["target"] = "A relation needs two different entities."
        if self.valid_from and self.valid_to and self.valid_to.number < self.valid_from.number:
            errors["valid_to"] = (
                f"The relation cannot end in chapter {self.valid_to.number} before it starts "
                f"in chapter {self.valid_from.number}."
            )
        if errors:
            raise ValidationError(errors)
