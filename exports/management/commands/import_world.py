from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from exports.importer import InvalidFile
from exports.services import import_world


class Command(BaseCommand):
    help = (
        "Import worlds from an export directory (or one world's directory): every file is "
        "checked first, then all are created or updated by id in one transaction."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument("--owner", help="Username who owns worlds this import creates.")

    def handle(self, *args: object, **options) -> None:
        owner = None
        if options["owner"]:
            owner = get_user_model().objects.filter(username=options["owner"]).first()
            if owner is None:
                raise CommandError(f"No user {options['owner']!r}.")
        try:
            summary = import_world(options["directory"], owner=owner)
        except InvalidFile as error:
            raise CommandError(f"Nothing imported. {error}") from error
        for kind, counts in summary.items():
            self.stdout.write(f"{kind}: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
