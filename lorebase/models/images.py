"""Pictures of the lore: portraits and sprites, backgrounds, reference images.

An image belongs to exactly one character, location, scene or concept. Its file
and thumbnail are stored by content hash (`images/<hash>.<ext>`), so the same
picture uploaded twice is stored once and exports name it by its hash.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from ..catalogue import EntityType
from .entities import Character, Concept, Location, Scene
from .worlds import LoadedReferences, World

OWNER_FIELDS = ("character", "location", "scene", "concept")


class EntityImage(LoadedReferences):
    class Kind(models.TextChoices):
        PORTRAIT = "portrait", "Portrait"
        SPRITE = "sprite", "Sprite"
        BACKGROUND = "background", "Background"
        REFERENCE = "reference", "Reference image"

    # Which kinds each owner type takes (a character has one portrait, any sprites).
    KINDS_BY_OWNER = {
        EntityType.CHARACTER: (Kind.PORTRAIT, Kind.SPRITE),
        EntityType.LOCATION: (Kind.BACKGROUND,),
        EntityType.SCENE: (Kind.BACKGROUND,),
        EntityType.CONCEPT: (Kind.REFERENCE,),
    }

    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    character = models.ForeignKey(
        Character, null=True, blank=True, on_delete=models.CASCADE, related_name="images"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="images"
    )
    scene = models.ForeignKey(
        Scene, null=True, blank=True, on_delete=models.CASCADE, related_name="images"
    )
    concept = models.ForeignKey(
        Concept, null=True, blank=True, on_delete=models.CASCADE, related_name="images"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    label = models.CharField(
        max_length=100,
        blank=True,
        help_text="Which one: a sprite's mood (“smiling”), a time of day.",
    )
    file = models.FileField(max_length=200)
    thumbnail = models.FileField(max_length=200)
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the file's bytes.")
    content_type = models.CharField(max_length=32)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "label", "id"]
        constraints = [
            models.CheckConstraint(
                name="image_has_one_owner",
                condition=(
                    Q(character__isnull=False, location=None, scene=None, concept=None)
                    | Q(character=None, location__isnull=False, scene=None, concept=None)
                    | Q(character=None, location=None, scene__isnull=False, concept=None)
                    | Q(character=None, location=None, scene=None, concept__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["character"], condition=Q(kind="portrait"), name="one_portrait"
            ),
        ]

    def __str__(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"{self.get_kind_display()}{label} of {self.owner}"

    @property
    def owner(self) -> Character | Location | Scene | Concept:
        return next(getattr(self, f) for f in OWNER_FIELDS if getattr(self, f"{f}_id"))

    def set_owner(self, owner: Character | Location | Scene | Concept) -> None:
        for name in OWNER_FIELDS:
            setattr(self, name, owner if owner.entity_type == name else None)
        self.world_id = owner.world_id

    def clean(self) -> None:
        super().clean()
        owner = self.owner
        allowed = self.KINDS_BY_OWNER[owner.entity_type]
        if self.kind not in allowed:
            raise ValidationError(
                {
                    "kind": f"A {owner.entity_type} takes "
                    + " or ".join(str(k.label).lower() for k in allowed)
                    + f" images, not “{self.kind}”."
                }
            )
