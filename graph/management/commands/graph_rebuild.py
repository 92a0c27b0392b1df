from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from graph.rebuild import world_rebuild, world_size
from lorebase.models import World


class Command(BaseCommand):
    help = "Rebuild the graph from PostgreSQL (all worlds, or one). Safe to interrupt and rerun."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--world", help="slug or public id of one world")
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args: object, world: str | None, batch_size: int, **options: object):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        worlds = World.objects.all()
        if world:
            worlds = (
                worlds.filter(slug=world) if not _is_uuid(world) else worlds.filter(public_id=world)
            )
            if not worlds.exists():
                raise CommandError(f"No world {world!r}.")
        for each in worlds:
            with tqdm(
                total=world_size(each), desc=each.slug, unit="entity", file=self.stderr
            ) as bar:
                leftover = world_rebuild(each, batch_size=batch_size, progress=bar.update)
            self.stdout.write(
                f"{each.slug}: rebuilt; drift repaired after rebuild: {leftover or 'none'}"
            )


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
