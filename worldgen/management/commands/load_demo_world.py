from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from worldgen.demo.loader import DemoDataError, demo_world_counts, demo_world_load


class Command(BaseCommand):
    help = (
        "Load the Lantern Harbor demo world (English and Russian editions). "
        "Worlds already there are left untouched."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--owner", metavar="USERNAME", help="the user who becomes owner of the loaded worlds"
        )

    def handle(self, *args: object, owner: str | None, **options: object) -> None:
        user = None
        if owner is not None:
            users = get_user_model()
            try:
                user = users.objects.get_by_natural_key(owner)
            except users.DoesNotExist:
                raise CommandError(
                    f"No user named {owner!r}; create it first or leave out --owner."
                ) from None
        try:
            loaded = demo_world_load(owner=user)
        except DemoDataError as error:
            raise CommandError(f"The demo data is invalid: {error}") from error
        if not loaded:
            self.stdout.write("The demo worlds are already there; nothing loaded.")
        for world in loaded:
            counts = ", ".join(f"{n} {name}" for name, n in demo_world_counts(world).items())
            owned = f", owner {owner}" if owner else ""
            self.stdout.write(
                self.style.SUCCESS(f"Loaded demo world “{world.name}” ({world.slug}{owned}): ")
                + counts
            )
