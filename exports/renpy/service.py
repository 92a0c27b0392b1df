"""The whole import of a game directory: read everything, then write in one transaction."""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from lorebase.models import World

from .importer import import_story
from .parser import Unknown, read_game
from .story import LANGUAGES, StoryError, build_story, read_map


@dataclass
class ImportResult:
    changes: list[str]  # one line per created or updated entity; empty: nothing changed
    unknown: list[Unknown]  # lines read but not understood, with file and line
    worlds: list[str]  # slugs: the world, then its translations


def import_game(
    game_dir: Path, *, slug: str, chapters: Path | None = None, check: bool = False
) -> ImportResult:
    """Raises lines.RenpyParseError or story.StoryError, and nothing is written; with
    `check`, works out the changes and rolls them back."""
    script, translations = read_game(game_dir)
    chapter_map = read_map(chapters) if chapters else None
    story = build_story(script, chapter_map)
    unknown = list(story.unknown)
    editions = []
    for translation in translations:
        language = LANGUAGES.get(translation.language)
        if language is None:
            unknown.append(
                Unknown(f"tl/{translation.language}", "", "no world language for this folder")
            )
            continue
        edition = build_story(script, chapter_map, translation)
        unknown += translation.unknown
        editions.append((language, edition))
    with transaction.atomic():
        world = World.objects.filter(slug=slug).first()
        language = world.language if world else World.Language.ENGLISH
        world, changes = import_story(story=story, world=world, slug=slug, language=language)
        slugs = [world.slug]
        for code, edition in editions:
            edition_slug = f"{slug}-{code}"
            existing = World.objects.filter(slug=edition_slug).first()
            if existing is not None and existing.original != world.public_id:
                raise StoryError(
                    f"The world {edition_slug} exists and is not the {code} edition of {slug}: "
                    "rename it, or import under another --world."
                )
            _, more = import_story(
                story=edition,
                world=existing,
                slug=edition_slug,
                language=code,
                original=world,
            )
            changes += [f"{edition_slug}: {line}" for line in more]
            slugs.append(edition_slug)
        if check:
            transaction.set_rollback(True)
    return ImportResult(changes=changes, unknown=unknown, worlds=slugs)
