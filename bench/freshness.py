"""Save-to-visible latency: saves through the service layer, a real worker mirrors them.

    .venv/bin/python bench/freshness.py [--rate 20] [--seconds 60] [--workers 2]

A poller thread reads the graph every few milliseconds and records when each
saved version first becomes visible; latency = visible time - save start.
"""

import argparse
import threading
import time

from stack import bench_stack, percentile, raw_graph_driver


class Poller(threading.Thread):
    """Watches the versions of a fixed set of character nodes."""

    def __init__(self, uids: list[str]) -> None:
        super().__init__(daemon=True)
        self.driver, self.database = raw_graph_driver()
        self.uids = uids
        self.seen: dict[tuple[str, int], float] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        with self.driver.session(database=self.database) as session:
            while not self.stopped.is_set():
                rows = session.run(
                    "MATCH (c:Character) WHERE c.uid IN $uids "
                    "RETURN c.uid AS uid, c.version AS version",
                    uids=self.uids,
                )
                now = time.perf_counter()
                for row in rows:
                    for version in range(1, row["version"] + 1):
                        self.seen.setdefault((row["uid"], version), now)
                time.sleep(0.003)
        self.driver.close()


def measure_freshness(*, rate: float, seconds: float, world=None) -> dict:
    """Saves at `rate` per second for `seconds` of 20 new characters of `world` (a new
    small one if None; a worker must be running); latencies in ms."""
    from lorebase import services
    from lorebase.models import Character

    if world is None:
        world = services.world_create(
            owner=None, name="Freshness", slug="bench-freshness", language="en"
        )
    cast = [
        services.entity_save(instance=Character(world=world, name=f"Hero {n}")) for n in range(20)
    ]
    poller = Poller([str(c.public_id) for c in cast])
    poller.start()
    saved: dict[tuple[str, int], float] = {}
    total = int(rate * seconds)
    started = time.perf_counter()
    for n in range(total):
        time.sleep(max(0.0, started + n / rate - time.perf_counter()))
        hero = cast[n % len(cast)]
        hero.description = f"edit {n}"
        began = time.perf_counter()
        services.entity_save(instance=hero)
        saved[(str(hero.public_id), hero.version)] = began
    deadline = time.perf_counter() + 60
    while set(saved) - set(poller.seen) and time.perf_counter() < deadline:
        time.sleep(0.05)
    poller.stopped.set()
    poller.join()
    latencies = [
        (poller.seen[key] - began) * 1000 for key, began in saved.items() if key in poller.seen
    ]
    return {
        "saves": len(saved),
        "missing": len(saved) - len(latencies),
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "max": max(latencies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=20.0, help="saves per second")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2, help="worker pool size")
    arguments = parser.parse_args()
    with bench_stack(worker_concurrency=arguments.workers):
        result = measure_freshness(rate=arguments.rate, seconds=arguments.seconds)
        print(
            f"freshness: {result['saves']} saves at {arguments.rate:g}/s for "
            f"{arguments.seconds:g} s, {arguments.workers} worker processes; "
            f"not visible after 60 s: {result['missing']}"
        )
        print(
            "save-to-visible latency ms: "
            f"p50 {result['p50']:.0f}, p95 {result['p95']:.0f}, "
            f"p99 {result['p99']:.0f}, max {result['max']:.0f}"
        )


if __name__ == "__main__":
    main()
