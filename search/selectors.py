"""Reads from PostgreSQL that answers rest on where the graph holds nothing to ask."""

from lorebase.models import Chapter, Character, SceneParticipant, World


def character_death(*, world: World, character_id: str) -> Character | None:
    """The character with their death record (killer, scene, chapter), if they are dead."""
    return (
        Character.objects.filter(world=world, public_id=character_id, status=Character.Status.DEAD)
        .select_related(
            "killed_by", "status_chapter", "death_scene__chapter", "death_scene__location"
        )
        .first()
    )


def scene_places(*, world: World, character_ids: list[str], as_of: int | None) -> set[str]:
    """Public ids of the places where these characters are in a scene, not merely mentioned."""
    rows = SceneParticipant.objects.filter(
        scene__world=world,
        character__public_id__in=character_ids,
        scene__location__isnull=False,
    ).exclude(role=SceneParticipant.Role.MENTIONED)
    if as_of is not None:
        rows = rows.filter(scene__chapter__number__lte=as_of)
    return {str(uid) for uid in rows.values_list("scene__location__public_id", flat=True)}


def chapter_number(*, world: World, chapter_id: str) -> int | None:
    return (
        Chapter.objects.filter(world=world, public_id=chapter_id)
        .values_list("number", flat=True)
        .first()
    )


def chapter_numbers(*, world: World) -> set[int]:
    return set(Chapter.objects.filter(world=world).values_list("number", flat=True))


def chapter_exists(*, world: World, number: int) -> bool:
    return Chapter.objects.filter(world=world, number=number).exists()
