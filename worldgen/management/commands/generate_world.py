import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from lorebase.models import World
from worldgen.generator import counts_for_total, generate_world

DEFAULT_ENTITIES = 1000
COUNTS = ("chapters", "locations", "characters", "scenes", "concepts", "relations")


class Command(BaseCommand):
    help = (
        "Generate a deterministic synthetic world for tests and benchmarks "
        "(no history rows; see worldgen.generator)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seed", type=int, required=True)
        parser.add_argument("--slug", required=True)
        parser.add_argument("--language", choices=World.Language.values, default="en")
        parser.add_argument(
            "--entities",
            type=int,
            default=DEFAULT_ENTITIES,
            help="About how many entities in all; sets the counts not given explicitly.",
        )
        for name in COUNTS:
            parser.add_argument(f"--{name}", type=int)

    def handle(self, *args: object, **options) -> None:
        try:
            counts = counts_for_total(options["entities"])
            counts |= {name: options[name] for name in COUNTS if options[name] is not None}
            started = time.perf_counter()
            # The delay keeps the bar away when the arguments are refused or the world is tiny.
            with tqdm(
                total=sum(counts.values()),
                unit=" entities",
                delay=0.5,
                disable=options["verbosity"] == 0,
            ) as bar:
                result = generate_world(
                    seed=options["seed"],
                    slug=options["slug"],
                    language=options["language"],
                    progress=bar.update,
                    **counts,
                )
        except ValueError as error:
            raise CommandError(str(error)) from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"World {result.world.slug!r} (seed {options['seed']}, {options['language']}): "
            + ", ".join(f"{getattr(result, name)} {name}" for name in COUNTS)
            + f"; {result.entities} entities and {result.participants} scene participants "
            f"in {elapsed:.1f} s."
        )
