"""Benchmark `generate_world`: write a world of about N entities, time it, delete it.

    .venv/bin/python bench/generate_world.py [--entities 100000] [--seed 1] [--language en]

Uses the database named by DATABASE_URL (or the dev default) through the dev settings.
"""

import argparse
import os
import sys
import time
import uuid
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--language", choices=("en", "ru"), default="en")
    arguments = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    django.setup()
    from worldgen.generator import counts_for_total, delete_generated_world, generate_world

    slug = f"bench-{uuid.uuid4().hex[:12]}"
    counts = counts_for_total(arguments.entities)
    started = time.perf_counter()
    result = generate_world(seed=arguments.seed, slug=slug, language=arguments.language, **counts)
    seconds = time.perf_counter() - started
    try:
        print(
            f"generate_world: {result.entities} entities "
            f"(+ {result.participants} scene participants) in {seconds:.2f} s, "
            f"{result.entities / seconds:,.0f} entities/s"
        )
        print("counts: " + ", ".join(f"{name} {value}" for name, value in counts.items()))
    finally:
        delete_generated_world(result.world)


if __name__ == "__main__":
    main()
