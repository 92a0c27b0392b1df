"""Graph engines side by side on one generated world: reads, rebuild and freshness.

    .venv/bin/python bench/graph_engines.py --entities 100000 \\
        --engine launcher=bolt://neo4j:PASSWORD@127.0.0.1:PORT \\
        --engine compose=bolt://neo4j:PASSWORD@127.0.0.1:OTHER_PORT

Any Bolt servers side by side (docs/benchmarks.md records the run that compared
ArcadeDB with Neo4j before ArcadeDB was retired).

The world (seed `--seed`) is generated once in PostgreSQL (embedded unless
DATABASE_URL is set); the requests are drawn from it once. Then, for each engine
in turn, a child process of this script (its own driver, settings and queue):

1. `graph_rebuild`'s code path (`graph.rebuild.world_rebuild`) on an empty graph,
   stopped between batches after `--rebuild-limit` seconds (then recorded as not
   finished, with the rows it wrote per second); then the graph is emptied and
   written by bench/graph_rebuild.py's raw-driver `UNWIND … MERGE` loader (the
   same projection, the baseline of the ratio). The reads run on that graph.
2. In-process latency: every request goes through DRF's `APIClient` (Django's
   test client: URL routing, middleware, token authentication, the world and
   chapter lookups, the views, serializers and JSON rendering; no HTTP server),
   one at a time, `--warm-up` requests per endpoint first, then `--requests`.
   The requests are bench/search_latency.py's (five question shapes for /search,
   pairs from the world for the graph endpoints), the same ones for every engine.

Then, for each engine, a child with a real Celery worker measures freshness as
bench/freshness.py does (the 100k world still in the graph). Engines' servers
are not started here: pass their Bolt URLs. A table compares them at the end;
each engine's results, with every request's milliseconds, are also kept in
$TMPDIR/lorebase-engines-NAME.json.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from freshness import measure_freshness
from graph_rebuild import baseline_rows, graph_row_count, raw_driver_write, timed_rebuild
from search_latency import WARM_UP, request_sets
from stack import bench_parser, bench_stack, generated_world, percentile

WORLD_SLUG = "bench-engines"
SEARCH_SHAPES = ("meetings", "typo", "at place", "connected", "words")
# Settings for the in-process reads, read by the child before Django starts.
READ_SETTINGS = {
    "DJANGO_DEBUG": "false",
    "DJANGO_ALLOWED_HOSTS": "testserver",
    # The per-user API throttle would answer most of a benchmark with 429.
    "API_THROTTLE_USER_RATE": "1000000/minute",
    # Persistent connections as in production (base settings); dev closes them per request.
    "DATABASE_CONN_MAX_AGE": "60",
}


def engine_argument(text: str) -> tuple[str, str]:
    name, _, url = text.partition("=")
    if not name or not url.startswith(("bolt://", "neo4j://")):
        raise argparse.ArgumentTypeError("expected NAME=bolt://user:password@host:port[/db]")
    return name, url


def reads(world, requests: dict[str, list[dict]], warm_up: int, rebuild_limit: float) -> dict:
    """Rebuild, baseline and in-process latency against NEO4J_BOLT_URL's engine."""
    from neomodel import db

    from graph.reconcile import world_drift

    result: dict = {}
    nodes, edges = baseline_rows(world)
    rows = sum(map(len, nodes.values())) + sum(map(len, edges.values()))
    result["rows"] = rows
    db.cypher_query("MATCH (n) DETACH DELETE n")

    print(f"  graph_rebuild (limit {rebuild_limit:g} s)…", flush=True)
    rebuilt = timed_rebuild(world, batch_size=2000, time_limit=rebuild_limit)
    if rebuilt["finished"]:
        rebuilt["drift"] = world_drift(world).summary()
        rebuilt["rows_per_s"] = rows / rebuilt["seconds"]
    else:
        # What the rebuild had written when it was stopped, per second.
        rebuilt["rows_written"] = graph_row_count()
        rebuilt["rows_per_s"] = rebuilt["rows_written"] / rebuilt["seconds"]
    result["rebuild"] = rebuilt
    print(f"  {rebuilt}", flush=True)

    db.cypher_query("MATCH (n) DETACH DELETE n")
    seconds = raw_driver_write(nodes, edges, batch_size=2000)
    result["baseline"] = {"seconds": seconds, "rows_per_s": rows / seconds}
    result["ratio"] = rebuilt["rows_per_s"] / result["baseline"]["rows_per_s"]
    print(f"  raw driver: {seconds:.1f} s; reads…", flush=True)
    result["latency"] = in_process_latency(world, requests, warm_up)
    return result


def in_process_latency(world, requests: dict[str, list[dict]], warm_up: int) -> dict:
    """Per endpoint: milliseconds of each measured request and the statuses other than 200."""
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    user, _ = get_user_model().objects.get_or_create(
        username="bench-engines", defaults={"is_staff": True, "is_superuser": True}
    )
    # An exception in a view is answered 500 and counted, as a server would, not raised here.
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    latency = {}
    base = f"/api/v1/worlds/{world.public_id}"
    for path, params in requests.items():
        for warm in params[:warm_up]:
            client.get(f"{base}{path}", warm)
        millis, errors = [], {}
        for query in params[warm_up:]:
            started = time.perf_counter()
            status = client.get(f"{base}{path}", query).status_code
            millis.append((time.perf_counter() - started) * 1000)
            if status != 200:
                errors[str(status)] = errors.get(str(status), 0) + 1
        latency[path] = {"ms": millis, "errors": errors}
        print(f"  {path}: p50 {percentile(millis, 0.5):.1f} ms", flush=True)
    return latency


def child(arguments: argparse.Namespace) -> None:
    """One engine, one phase; the result goes to --out as JSON."""
    name, url = arguments.engine[0]
    os.environ["NEO4J_BOLT_URL"] = url
    if arguments.child == "reads":
        os.environ.update(READ_SETTINGS)
        with bench_stack():
            from lorebase.models import World

            world = World.objects.get(slug=WORLD_SLUG)
            requests = json.loads(Path(arguments.requests_file).read_text())
            result = reads(world, requests, arguments.warm_up, arguments.rebuild_limit)
    else:
        with bench_stack(worker_concurrency=arguments.workers):
            from lorebase import services

            world = services.world_create(
                owner=None, name="Freshness", slug=f"bench-freshness-{name}", language="en"
            )
            result = measure_freshness(rate=arguments.rate, seconds=arguments.seconds, world=world)
    Path(arguments.out).write_text(json.dumps(result))


def run_child(phase: str, name: str, url: str, arguments, scratch: Path) -> dict:
    out = scratch / f"{phase}-{name}.json"
    command = [
        sys.executable,
        __file__,
        "--child",
        phase,
        "--engine",
        f"{name}={url}",
        "--out",
        str(out),
        "--requests-file",
        str(scratch / "requests.json"),
        *("--warm-up", str(arguments.warm_up), "--rebuild-limit", str(arguments.rebuild_limit)),
        *("--rate", str(arguments.rate), "--seconds", str(arguments.seconds)),
        *("--workers", str(arguments.workers)),
    ]
    print(f"[{time.strftime('%H:%M:%S')}] {name}: {phase}", flush=True)
    subprocess.run(command, check=True)
    return json.loads(out.read_text())


def table(results: dict[str, dict], arguments) -> str:
    names = list(results)
    lines = ["in-process latency, ms (APIClient, one request at a time):"]
    lines.append(f"{'':26}" + "".join(f"{name:>22}" for name in names))
    lines.append(f"{'endpoint':22}{'n':>4}" + "".join(f"{'p50':>11}{'p95':>11}" for _ in names))
    first = results[names[0]]["reads"]["latency"]
    for path in first:
        cells = []
        for name in names:
            ms = results[name]["reads"]["latency"][path]["ms"]
            cells.append(f"{percentile(ms, 0.5):>11.1f}{percentile(ms, 0.95):>11.1f}")
        lines.append(f"{path:22}{len(first[path]['ms']):>4}" + "".join(cells))
        if path == "/search/":
            for shape_index, shape in enumerate(SEARCH_SHAPES):
                cells = []
                for name in names:
                    ms = results[name]["reads"]["latency"][path]["ms"]
                    # Question i has shape i % 5; the first warm-up ones were not measured.
                    shaped = [
                        m for i, m in enumerate(ms, start=arguments.warm_up) if i % 5 == shape_index
                    ]
                    cells.append(
                        f"{percentile(shaped, 0.5):>11.1f}{percentile(shaped, 0.95):>11.1f}"
                    )
                lines.append(f"  {shape:20}{len(shaped):>4}" + "".join(cells))
    errors = {
        name: {p: v["errors"] for p, v in r["reads"]["latency"].items() if v["errors"]}
        for name, r in results.items()
    }
    lines.append("non-200 answers: " + json.dumps(errors))
    lines.append("")
    rows = results[names[0]]["reads"]["rows"]
    lines.append(f"graph writes ({rows:,} rows: nodes + relationships, batches of 2000):")
    lines.append(f"{'':26}" + "".join(f"{name:>22}" for name in names))
    cells = []
    for name in names:
        rebuild = results[name]["reads"]["rebuild"]
        mark = "" if rebuild["finished"] else " (cut)"
        cells.append(f"{rebuild['rows_per_s']:>14,.0f} {rebuild['seconds']:>5.0f}s{mark:>1}")
    lines.append(f"{'graph_rebuild rows/s':26}" + "".join(f"{c:>22}" for c in cells))
    cells = [
        f"{r['reads']['baseline']['rows_per_s']:>14,.0f} {r['reads']['baseline']['seconds']:>5.0f}s"
        for r in results.values()
    ]
    lines.append(f"{'raw driver rows/s':26}" + "".join(f"{c:>22}" for c in cells))
    lines.append(
        f"{'ratio rebuild/raw':26}"
        + "".join(f"{r['reads']['ratio']:>22.2f}" for r in results.values())
    )
    for name, r in results.items():
        rebuild = r["reads"]["rebuild"]
        if rebuild["finished"]:
            lines.append(
                f"  {name}: rebuild finished; repaired {rebuild['repaired'] or 'none'}, "
                f"drift after {rebuild['drift'] or 'none'}"
            )
        else:
            lines.append(
                f"  {name}: rebuild NOT finished within {arguments.rebuild_limit:g} s: "
                f"{rebuild['entities_done']:,} of {rebuild['entities_total']:,} entities, "
                f"{rebuild['rows_written']:,} graph rows written; the reads ran on the "
                "raw-driver loader's graph"
            )
    lines.append("")
    lines.append(
        f"freshness, ms (save -> visible; {arguments.rate:g} saves/s for {arguments.seconds:g} s, "
        f"{arguments.workers} worker processes):"
    )
    lines.append(f"{'':26}" + "".join(f"{name:>22}" for name in names))
    for key in ("p50", "p95", "p99", "max", "missing"):
        lines.append(
            f"{key:26}" + "".join(f"{r['freshness'][key]:>22.0f}" for r in results.values())
        )
    return "\n".join(lines)


def main() -> None:
    parser = bench_parser(__doc__)
    parser.add_argument(
        "--engine", type=engine_argument, action="append", required=True, help="NAME=BOLT_URL"
    )
    parser.add_argument("--requests", type=int, default=300, help="measured, per endpoint")
    parser.add_argument("--warm-up", type=int, default=WARM_UP)
    parser.add_argument("--rebuild-limit", type=float, default=1200.0, help="seconds")
    parser.add_argument("--rate", type=float, default=20.0, help="freshness: saves per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="freshness: duration")
    parser.add_argument("--workers", type=int, default=2, help="freshness: worker processes")
    parser.add_argument("--child", choices=("reads", "freshness"), help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--requests-file", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments)
        return
    # The first engine's URL keeps bench_stack from starting a graph server of its own.
    os.environ["NEO4J_BOLT_URL"] = arguments.engine[0][1]
    with bench_stack(), tempfile.TemporaryDirectory(prefix="lorebase-engines-") as scratch:
        world = generated_world(arguments, slug=WORLD_SLUG)
        requests = request_sets(
            world, random.Random(arguments.seed), arguments.warm_up + arguments.requests
        )
        (Path(scratch) / "requests.json").write_text(json.dumps(requests, default=str))
        results: dict[str, dict] = {name: {} for name, _ in arguments.engine}
        for phase in ("reads", "freshness"):
            for name, url in arguments.engine:
                results[name][phase] = run_child(phase, name, url, arguments, Path(scratch))
                (Path(scratch).parent / f"lorebase-engines-{name}.json").write_text(
                    json.dumps(results[name])
                )
        print(table(results, arguments))


if __name__ == "__main__":
    main()
