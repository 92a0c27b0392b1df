"""Worlds, who may work on them, and what every world entity has in common."""

import uuid
from collections.abc import Collection
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from ..catalogue import EntityType


def original_field(what: str) -> models.UUIDField:
    """In an edition in another language (a translation imported from Ren'Py), the
    public id of the same entity in the original world; a plain id, so an edition
    outlives a change of its original."""
    return models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=f"The {what} this one translates (its public id), if it is a translation.",
    )


class World(models.Model):
    """One story. A studio keeps several; each is written in one language."""

    entity_type = EntityType.WORLD

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        RUSSIAN = "ru", "Russian"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    language = models.CharField(max_length=8, choices=Language.choices, default=Language.ENGLISH)
    description = models.TextField(blank=True)
    original = original_field("world")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WorldRole(models.TextChoices):
    VIEWER = "viewer", "Viewer"
    EDITOR = "editor", "Editor"
    OWNER = "owner", "Owner"


ROLE_RANK: dict[str, int] = {WorldRole.VIEWER: 1, WorldRole.EDITOR: 2, WorldRole.OWNER: 3}


class WorldMembership(models.Model):
    """A user's role in one world: viewers read, editors write, owners manage."""

    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="world_memberships"
    )
    role = models.CharField(max_length=16, choices=WorldRole.choices, default=WorldRole.VIEWER)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["world", "user"], name="one_membership_per_world")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} of {self.world}"

    def allows(self, role: str) -> bool:
        return ROLE_RANK[self.role] >= ROLE_RANK[role]


class LoadedReferences(models.Model):
    """Validation that trusts a reference already read from the database.

    `full_clean` asks the database whether each foreign key's row exists, one query
    per reference; a related object this instance holds was read in the caller's
    transaction, and the database's own constraint still guards the insert.
    """

    class Meta:
        abstract = True

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        loaded = {
            field.name
            for field in self._meta.concrete_fields
            if field.is_relation
            and field.is_cached(self)
            and getattr(self, field.name) is not None
            and getattr(self, field.name).pk is not None
        }
        super().clean_fields(exclude={*(exclude or ()), *loaded})


class WorldEntity(LoadedReferences):
    """Base of everything inside a world: a stable public id and a growing version."""

    entity_type: ClassVar[EntityType]  # each concrete model declares its stored type

    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    original = original_field("entity")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(inherit=True)
    # Set only through services.entity_save(tags=…): a tag change is a new version.
    # A create of many at once (services.entities_create) takes `tags_on_create`.
    tags_on_create: list[str] | None = None
    tags = TaggableManager(
        blank=True, help_text="Labels for the content team (“needs art”, “act 2”), comma-separated."
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        self.check_same_world()

    def check_same_world(self) -> None:
        """Every reference to another entity must stay inside this entity's world."""
        errors = {}
        for field in self._meta.concrete_fields:
            related = field.related_model
            if not (field.is_relation and related and issubclass(related, WorldEntity)):
                continue
            target = getattr(self, field.name, None)
            if target is not None and target.world_id != self.world_id:
                errors[field.name] = (
                    f"“{target}” belongs to another world; choose one from this world."
                )
        if errors:
            raise ValidationError(errors)
