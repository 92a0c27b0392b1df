"""Chapters, locations, characters, scenes and concepts of a world."""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from ..catalogue import EntityType
from .worlds import LoadedReferences, WorldEntity


def aliases_field() -> ArrayField:
    return ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Other names, one per line in the admin (nicknames, titles, translations).",
    )


class Chapter(WorldEntity):
    """A chapter of the story; spoiler control is measured in chapters."""

    entity_type = EntityType.CHAPTER

    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["world", "number"]
        constraints = [
            models.UniqueConstraint(fields=["world", "number"], name="chapter_number_per_world")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Location(WorldEntity):
    entity_type = EntityType.LOCATION

    class Kind(models.TextChoices):
        REGION = "region", "Region"
        CITY = "city", "City"
        DISTRICT = "district", "District"
        BUILDING = "building", "Building"
        ROOM = "room", "Room"
        WILDERNESS = "wilderness", "Wilderness"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    aliases = aliases_field()
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="children",
        help_text="The larger place this one is part of (a building's city, a city's region).",
    )

    class Meta:
        ordering = ["world", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.check_no_cycle()

    def check_no_cycle(self) -> None:
        seen, path, place = {self.pk}, [self.name], self.parent
        while place is not None:
            path.append(place.name)
            if place.pk in seen:
                raise ValidationError(
                    {"parent": "A place cannot be inside itself: " + " → ".join(path) + "."}
                )
            seen.add(place.pk)
            place = place.parent


class Character(WorldEntity):
    entity_type = EntityType.CHARACTER

    class Status(models.TextChoices):
        ALIVE = "alive", "Alive"
        DEAD = "dead", "Dead"
        MISSING = "missing", "Missing"
        UNKNOWN = "unknown", "Unknown"

    name = models.CharField(max_length=200)
    aliases = aliases_field()
    description = models.TextField(blank=True)
    persona = models.TextField(
        blank=True, help_text="Who they are inside: values, fears, what they want."
    )
    speech_style = models.TextField(
        blank=True, help_text="How they talk: register, verbal tics, favourite words."
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ALIVE)
    status_chapter = models.ForeignKey(
        Chapter,
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="+",
        help_text="The chapter in which the status changed (e.g. died in chapter 4).",
    )
    # The death record: set only on a dead character; its chapter is status_chapter.
    killed_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kills",
        help_text="Who killed them (empty: nobody, or not known).",
    )
    death_scene = models.ForeignKey(
        "Scene",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deaths",
        help_text="The scene in which they died; its chapter becomes the status chapter.",
    )
    death_cause = models.TextField(
        blank=True, help_text="How they died, in a sentence (“drowned in the harbour”)."
    )

    class Meta:
        ordering = ["world", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def portrait(self):  # -> EntityImage | None (images.py imports this module)
        """The character's portrait (its card's avatar), or None."""
        return next((image for image in self.images.all() if image.kind == "portrait"), None)

    def clean(self) -> None:
        super().clean()
        self.check_death()

    def check_death(self) -> None:
        """A killer, a scene or a cause of death belong to a dead character only."""
        recorded = {
            "killed_by": self.killed_by_id,
            "death_scene": self.death_scene_id,
            "death_cause": self.death_cause,
        }
        if self.status != self.Status.DEAD:
            errors = {
                field: "Only a dead character has this; set the status to dead first."
                for field, value in recorded.items()
                if value
            }
            if errors:
                raise ValidationError(errors)
            return
        if self.killed_by_id and self.killed_by_id == self.pk:
            raise ValidationError(
                {
                    "killed_by": "A character cannot be their own killer here; "
                    "describe it in the cause of death."
                }
            )
        if self.death_scene_id:
            chapter = self.death_scene.chapter
            if self.status_chapter_id is None:
                self.status_chapter = chapter
            elif self.status_chapter_id != chapter.pk:
                raise ValidationError(
                    {
                        "death_scene": (
                            f"“{self.death_scene}” is in chapter {chapter.number}, but the "
                            f"character died in chapter {self.status_chapter.number}."
                        )
                    }
                )


class Scene(WorldEntity):
    entity_type = EntityType.SCENE

    chapter = models.ForeignKey(Chapter, on_delete=models.RESTRICT, related_name="scenes")
    order = models.PositiveIntegerField(help_text="Position of the scene within its chapter.")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.SET_NULL, related_name="scenes"
    )
    participants = models.ManyToManyField(
        Character, through="SceneParticipant", related_name="scenes", blank=True
    )

    class Meta:
        ordering = ["world", "chapter__number", "order"]
        constraints = [
            models.UniqueConstraint(fields=["chapter", "order"], name="scene_order_per_chapter")
        ]

    def __str__(self) -> str:
        return self.title


class SceneParticipant(LoadedReferences):
    class Role(models.TextChoices):
        PRESENT = "present", "Present"
        SPEAKER = "speaker", "Speaker"
        MENTIONED = "mentioned", "Mentioned"

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="participations")
    character = models.ForeignKey(
        Character, on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.PRESENT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scene", "character__name"]
        constraints = [
            models.UniqueConstraint(fields=["scene", "character"], name="one_role_per_scene")
        ]

    def __str__(self) -> str:
        return f"{self.character} ({self.get_role_display()})"

    def clean(self) -> None:
        super().clean()
        if self.scene_id and self.character_id and self.scene.world_id != self.character.world_id:
            raise ValidationError(
                {"character": f"“{self.character}” belongs to another world than this scene."}
            )


class Concept(WorldEntity):
    entity_type = EntityType.CONCEPT

    class Kind(models.TextChoices):
        FACTION = "faction", "Faction"
        ITEM = "item", "Item"
        MAGIC = "magic", "Magic"
        TERM = "term", "Term"
        EVENT = "event", "Event"
        CREATURE = "creature", "Creature"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    aliases = aliases_field()
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.TERM)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["world", "name"]

    def __str__(self) -> str:
        return self.name
