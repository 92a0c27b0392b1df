from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from exports.renpy.lines import RenpyParseError
from exports.renpy.service import import_game
from exports.renpy.story import StoryError


class Command(BaseCommand):
    help = (
        "Import a Ren'Py game directory (its .rpy scripts, and game/tl/<language>/ as "
        "editions in that language) into a world; --check only says what would change."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("game_dir", type=Path, help="The game's `game/` directory.")
        parser.add_argument("--world", required=True, help="Slug of the world (made if missing).")
        parser.add_argument(
            "--chapters", type=Path, help="A YAML map: labels or files → chapters, image → place."
        )
        parser.add_argument(
            "--check", action="store_true", help="Write nothing; exit 1 if anything would change."
        )

    def handle(self, *args: object, **options: Any) -> None:
        if not options["game_dir"].is_dir():
            raise CommandError(f"{options['game_dir']}: not a directory.")
        try:
            result = import_game(
                options["game_dir"],
                slug=options["world"],
                chapters=options["chapters"],
                check=options["check"],
            )
        except (RenpyParseError, StoryError, ValidationError) as error:
            raise CommandError(f"Nothing imported: {error}") from error
        for unknown in result.unknown:
            self.stderr.write(f"{unknown.where}: skipped, {unknown.reason}: {unknown.source}")
        for change in result.changes:
            self.stdout.write(("would " if options["check"] else "") + change)
        worlds = ", ".join(result.worlds)
        if not result.changes:
            self.stdout.write(f"{worlds}: up to date.")
        elif options["check"]:
            self.stdout.write(f"{worlds}: {len(result.changes)} change(s) not written.")
            raise SystemExit(1)
        else:
            self.stdout.write(f"{worlds}: {len(result.changes)} change(s) written.")
