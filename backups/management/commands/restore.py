from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from backups.services import RestoreRefused, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup into an empty database (and export directory), then rebuild "
        "the graph from it."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("database", type=Path, help="the .dump file of `backup`")
        parser.add_argument("--exports", type=Path, help="the .bundle file of `backup`")
        parser.add_argument(
            "--skip-graph", action="store_true", help="leave the graph rebuild for later"
        )

    def handle(
        self, *args: object, database: Path, exports: Path | None, skip_graph: bool, **options
    ) -> None:
        try:
            backup_restore(database=database, exports=exports)
        except (RestoreRefused, RuntimeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {database}" + (f" and {exports}" if exports else ""))
        if not skip_graph:
            call_command("graph_rebuild", stdout=self.stdout, stderr=self.stderr)
