import json
import uuid
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exports.card_png import PortraitUnreadable, card_png
from exports.cards import character_card, character_card_v3
from exports.management.commands.export_world import _world, check_chapter
from lorebase.models import Character


class Command(BaseCommand):
    help = (
        "A character as a Character Card (JSON on stdout or --out), or with --portrait as a "
        "PNG carrying the V3 card (ccv3) and the V2 card (chara)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("character", help="Public id of the character.")
        parser.add_argument("--world", required=True, help="Slug or public id of its world.")
        parser.add_argument(
            "--as-of-chapter",
            type=int,
            help="Only what the character knows by this chapter (default: the whole story).",
        )
        parser.add_argument(
            "--spec", choices=["v2", "v3"], default="v2", help="As the API: v2 by default."
        )
        parser.add_argument("--portrait", type=Path, help="An image file: write a card PNG.")
        parser.add_argument("--out", type=Path, help="The file to write (needed for a PNG).")

    def handle(self, *args: object, **options: Any) -> None:
        world = _world(options["world"])
        try:
            character = Character.objects.get(
                world=world, public_id=uuid.UUID(options["character"])
            )
        except (ValueError, Character.DoesNotExist) as error:
            raise CommandError(f"No character {options['character']!r} in {world.slug}.") from error
        as_of = options["as_of_chapter"]
        if as_of is not None:
            check_chapter(world, as_of)
        if options["portrait"]:
            if not options["out"]:
                raise CommandError("--out: a PNG card needs a file to be written to.")
            try:
                png = card_png(
                    options["portrait"].read_bytes(),
                    v3=character_card_v3(character, as_of=as_of),
                    v2=character_card(character, as_of=as_of),
                )
            except (OSError, PortraitUnreadable) as error:
                raise CommandError(f"--portrait: {error}") from error
            options["out"].write_bytes(png)
            return
        card = (character_card_v3 if options["spec"] == "v3" else character_card)(
            character, as_of=as_of
        )
        text = json.dumps(card, ensure_ascii=False, indent=2)
        if options["out"]:
            options["out"].write_text(text + "\n", encoding="utf-8")
        else:
            self.stdout.write(text)
