from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.services import backup_create


class Command(BaseCommand):
    help = "Back up PostgreSQL (pg_dump, custom format) and the export repository (a Git bundle)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path, help="where the backup files are written")

    def handle(self, *args: object, directory: Path, **options: object) -> None:
        try:
            backup = backup_create(directory=directory)
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"database: {backup.database}")
        self.stdout.write(f"exports:  {backup.exports or 'no export repository with commits'}")
