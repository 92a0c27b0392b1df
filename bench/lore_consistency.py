"""Lore consistency report on a generated world: time per rule, and the findings.

    .venv/bin/python bench/lore_consistency.py [--entities 100000] [--runs 3]

The world is vacuumed and analysed first, as autovacuum will have done by the
time the hourly check runs. (Not named consistency.py: as a script it would
shadow the app of that name.)
"""

import argparse
import statistics
import time

from stack import bench_stack


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with bench_stack():
        from django.db import connection

        from consistency.rules import CHECKS
        from worldgen.generator import counts_for_total, delete_generated_world, generate_world

        world = generate_world(
            seed=arguments.seed, slug="bench-consistency", **counts_for_total(arguments.entities)
        ).world
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        try:
            print(f"{'rule':40} {'findings':>8} {'median s':>9} {'max s':>7}")
            total = 0.0
            for rule_id, (_, check) in CHECKS.items():
                seconds = []
                for _ in range(arguments.runs):
                    started = time.perf_counter()
                    found = check(world)
                    seconds.append(time.perf_counter() - started)
                total += statistics.median(seconds)
                print(
                    f"{rule_id:40} {len(found):8} {statistics.median(seconds):9.3f} "
                    f"{max(seconds):7.3f}"
                )
            print(f"{'whole report (sum of medians)':40} {'':8} {total:9.3f}")
        finally:
            delete_generated_world(world)


if __name__ == "__main__":
    main()
