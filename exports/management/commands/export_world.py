import uuid
from contextlib import suppress
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from exports.documents import MODELS
from exports.lock import ExportBusy
from exports.services import GAME_FORMATS, export_worlds, game_files, write_files
from lorebase.models import Chapter, World


class Command(BaseCommand):
    help = (
        "Export worlds to the Git export directory as YAML files, commit and push; or, with "
        "--format renpy|markdown, one world's files for the game or as a Markdown vault."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--world", help="Slug or public id of one world (default: all).")
        parser.add_argument("--out", type=Path, help=f"Directory (default {settings.EXPORT_DIR}).")
        parser.add_argument("--format", choices=["git", *GAME_FORMATS], default="git")
        parser.add_argument(
            "--as-of-chapter", type=int, help="markdown: only what is known by this chapter."
        )

    def handle(self, *args: object, **options) -> None:
        if options["format"] != "git":
            self._game(options)
            return
        worlds = None
        if options["world"]:
            worlds = [_world(options["world"])]
        total = sum(
            model.objects.filter(**({"world__in": worlds} if worlds else {})).count()
            for model in MODELS.values()
        )
        try:
            with tqdm(
                total=total, unit=" entities", delay=0.5, disable=options["verbosity"] == 0
            ) as bar:
                result = export_worlds(worlds=worlds, out_dir=options["out"], progress=bar.update)
        except ExportBusy as error:
            raise CommandError(str(error)) from error
        if result.commit is None:
            self.stdout.write(f"{result.worlds} world(s) exported; nothing changed, no commit.")
        else:
            changes = "; ".join(
                f"{group}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items())
                for group, counts in result.changes.items()
            )
            self.stdout.write(f"Committed {result.commit[:12]}: {changes}")
        if result.push_error:
            self.stderr.write(f"Push failed (the commit is kept): {result.push_error}")
        elif result.pushed:
            self.stdout.write("Pushed.")

    def _game(self, options: dict) -> None:
        if not (options["world"] and options["out"]):
            raise CommandError(f"--format {options['format']} needs --world and --out.")
        world, as_of = _world(options["world"]), options["as_of_chapter"]
        if as_of is not None:
            if options["format"] == "renpy":
                raise CommandError("--as-of-chapter: the renpy codex carries its own chapters.")
            check_chapter(world, as_of)
        written = write_files(
            game_files(world, format=options["format"], as_of=as_of), options["out"]
        )
        self.stdout.write(f"{len(written)} file(s) written to {options['out'] / world.slug}.")


def _world(name: str) -> World:
    world = World.objects.filter(slug=name).first()
    if world is None:
        with suppress(ValueError):  # not an id either: no such world
            world = World.objects.filter(public_id=uuid.UUID(name)).first()
    if world is None:
        raise CommandError(f"No world with the slug or id {name!r}.")
    return world


def check_chapter(world: World, number: int) -> None:
    """An --as-of-chapter must be a chapter of the world."""
    if not Chapter.objects.filter(world=world, number=number).exists():
        raise CommandError(f"--as-of-chapter: {world.slug} has no chapter {number}.")
