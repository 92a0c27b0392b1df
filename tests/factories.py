"""factory-boy factories for every model of the lore domain."""

import factory
from django.contrib.auth import get_user_model

from lorebase.models import (
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    RelationKind,
    Scene,
    SceneParticipant,
    World,
    WorldMembership,
    WorldRole,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"writer{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@studio.example")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def persist_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class WorldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = World

    name = factory.Sequence(lambda n: f"World {n}")
    slug = factory.Sequence(lambda n: f"world-{n}")
    language = World.Language.ENGLISH


class WorldMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorldMembership

    world = factory.SubFactory(WorldFactory)
    user = factory.SubFactory(UserFactory)
    role = WorldRole.EDITOR


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter

    world = factory.SubFactory(WorldFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Chapter {n + 1}")


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    world = factory.SubFactory(WorldFactory)
    name = factory.Sequence(lambda n: f"Place {n}")
    kind = Location.Kind.CITY


class CharacterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Character

    world = factory.SubFactory(WorldFactory)
    name = factory.Sequence(lambda n: f"Character {n}")
    description = "A character of the story."


class ConceptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concept

    world = factory.SubFactory(WorldFactory)
    name = factory.Sequence(lambda n: f"Concept {n}")
    kind = Concept.Kind.FACTION


class SceneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scene

    world = factory.SubFactory(WorldFactory)
    chapter = factory.SubFactory(ChapterFactory, world=factory.SelfAttribute("..world"))
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Scene {n}")
    location = factory.SubFactory(LocationFactory, world=factory.SelfAttribute("..world"))


class SceneParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SceneParticipant

    scene = factory.SubFactory(SceneFactory)
    character = factory.SubFactory(CharacterFactory, world=factory.SelfAttribute("..scene.world"))
    role = SceneParticipant.Role.PRESENT


class RelationFactory(factory.django.DjangoModelFactory):
    """Character KNOWS character by default."""

    class Meta:
        model = Relation

    world = factory.SubFactory(WorldFactory)
    kind = RelationKind.KNOWS
    source_character = factory.SubFactory(CharacterFactory, world=factory.SelfAttribute("..world"))
    target_character = factory.SubFactory(CharacterFactory, world=factory.SelfAttribute("..world"))
