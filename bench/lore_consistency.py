"""Lore consistency report on a generated world: time per rule, and the findings.

    .venv/bin/python bench/lore_consistency.py [--entities 100000] [--runs 3]

The world is vacuumed and analysed first, as autovacuum will have done by the
time the hourly check runs. (Not named consistency.py: as a script it would
shadow the app of that name.)
"""

import statistics
import time

from stack import bench_parser, bench_stack, generated_world


def main() -> None:
    parser = bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with bench_stack():
        from django.db import connection

        from consistency.rules import CHECKS
        from worldgen.generator import delete_generated_world

        world = generated_world(arguments, slug="bench-consistency")
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
