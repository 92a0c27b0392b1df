"""Entity writes at 100k entities over HTTP beside SQL, and save → visible in the graph.

    .venv/bin/python bench/write_latency.py [--entities 100000] [--requests 300] \\
        [--clients 2] [--rate 20] [--seconds 30] [--workers 2]

Generates a world, writes its graph, starts a Celery worker and the production
WSGI server (stack.served), then:

- creates `--requests` characters and updates each once (PATCH with the version
  read) from `--clients` concurrent clients (2), and prints p50/p95/p99 beside the same rows
  written in plain SQL on one psycopg connection (a copy of a character row, an
  UPDATE by primary key): the floor under the project's validation, history,
  outbox and publishing;
- saves characters of that world at `--rate` per second through the services for
  `--seconds` and prints when each version became visible in the graph
  (bench/freshness.py), beside a raw-driver MERGE of one node.
"""

import json
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

from baselines import RawDrivers
from freshness import measure_freshness
from graph_rebuild import baseline_rows, raw_driver_write
from stack import bench_parser, bench_stack, bench_token, generated_world, percentile, served


def send(method: str, url: str, token: str, body: dict) -> tuple[float, int, dict]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method=method,
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            answer, status = json.loads(response.read()), response.status
    except urllib.error.HTTPError as error:
        answer, status = {}, error.code
    return (time.perf_counter() - started) * 1000, status, answer


def over_http(base: str, token: str, count: int, clients: int) -> dict[str, list[float]]:
    """Create `count` characters, then update each: milliseconds per request."""
    names = [f"Writer {n} of the Bench" for n in range(count)]
    with ThreadPoolExecutor(clients) as pool:
        created = list(
            pool.map(
                lambda name: send(
                    "POST", f"{base}/characters/", token, {"name": name, "description": "A scribe."}
                ),
                names,
            )
        )
        updated = list(
            pool.map(
                lambda answer: send(
                    "PATCH",
                    f"{base}/characters/{answer['id']}/",
                    token,
                    {"description": "A scribe who edits.", "version": answer["version"]},
                ),
                [answer for _, status, answer in created if status == 201],
            )
        )
    for verb, results, expected in (("create", created, 201), ("update", updated, 200)):
        errors = sorted({status for _, status, _ in results if status != expected})
        if errors or len(results) != count:
            print(f"  {verb}: {len(results)} sent, statuses other than {expected}: {errors}")
    return {
        "create over HTTP": [ms for ms, _, _ in created],
        "update over HTTP": [ms for ms, _, _ in updated],
    }


def in_sql(drivers: RawDrivers, world, count: int) -> dict[str, list[float]]:
    """The same number of character rows written in plain SQL: insert copies, update each."""
    from lorebase.models import Character

    columns = [
        f.column
        for f in Character._meta.concrete_fields
        if f.column not in ("id", "public_id", "name")
    ]
    template = Character.objects.filter(world=world).values_list("pk", flat=True).first()
    insert = (
        f"INSERT INTO lorebase_character (public_id, name, {', '.join(columns)}) "
        f"SELECT %(uid)s, %(name)s, {', '.join(columns)} FROM lorebase_character "
        "WHERE id = %(template)s RETURNING id"
    )
    update = (
        "UPDATE lorebase_character SET description = %(text)s, version = version + 1 "
        "WHERE id = %(id)s"
    )
    inserts, updates, ids = [], [], []
    for n in range(count):
        params = {"uid": uuid.uuid4(), "name": f"Copyist {n}", "template": template}
        millis, rows = drivers.answer(insert, params)
        inserts.append(millis)
        ids.append(rows[0][0])
    for pk in ids:
        started = time.perf_counter()
        with drivers.sql.cursor() as cursor:
            cursor.execute(update, {"text": "A copyist who edits.", "id": pk})
        updates.append((time.perf_counter() - started) * 1000)
    return {"create in SQL": inserts, "update in SQL": updates}


def raw_merge(drivers: RawDrivers, uid: str, count: int = 200) -> list[float]:
    """A raw-driver MERGE of one character node, `count` times: the graph's share of a save."""
    timings = []
    for version in range(count):
        started = time.perf_counter()
        drivers.cypher(
            "MERGE (c:Character {uid: $uid}) SET c.version = $version, c.world = 'bench'",
            {"uid": uid, "version": version},
        )
        timings.append((time.perf_counter() - started) * 1000)
    drivers.cypher("MATCH (c:Character {uid: $uid}) DELETE c", {"uid": uid})
    return timings


def print_rows(rows: dict[str, list[float]]) -> None:
    print(f"  {'':20} {'n':>5} {'p50':>7} {'p95':>7} {'p99':>7}")
    for name, millis in rows.items():
        p50, p95, p99 = (percentile(millis, q) for q in (0.5, 0.95, 0.99))
        print(f"  {name:20} {len(millis):>5} {p50:>7.1f} {p95:>7.1f} {p99:>7.1f}")


def main() -> None:
    parser = bench_parser(__doc__)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--clients", type=int, default=2, help="concurrent HTTP clients")
    parser.add_argument("--rate", type=float, default=20.0, help="saves per second")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2, help="worker pool size")
    arguments = parser.parse_args()
    with bench_stack(worker_concurrency=arguments.workers):
        world = generated_world(arguments, slug="bench-writes")
        raw_driver_write(*baseline_rows(world), batch_size=2000)
        token = bench_token(world)
        drivers = RawDrivers()
        try:
            with served(name="write-latency") as server_url:
                base = f"{server_url}/api/v1/worlds/{world.public_id}"
                # warm-up: both workers, the broker channel
                over_http(base, token, 20, arguments.clients)
                print(f"\nwrites ({arguments.requests} of each, {arguments.clients} HTTP clients)")
                print_rows(over_http(base, token, arguments.requests, arguments.clients))
                print_rows(in_sql(drivers, world, arguments.requests))
            fresh = measure_freshness(rate=arguments.rate, seconds=arguments.seconds, world=world)
            merge = raw_merge(drivers, str(uuid.uuid4()))
        finally:
            drivers.close()
        print(
            f"\nsave → visible in the graph: {fresh['saves']} saves at {arguments.rate:g}/s for "
            f"{arguments.seconds:g} s, {arguments.workers} worker processes; "
            f"not visible after 60 s: {fresh['missing']}"
        )
        print(
            f"  p50 {fresh['p50']:.0f}, p95 {fresh['p95']:.0f}, p99 {fresh['p99']:.0f}, "
            f"max {fresh['max']:.0f} ms; raw-driver MERGE of one node: "
            f"p50 {percentile(merge, 0.5):.1f}, p99 {percentile(merge, 0.99):.1f} ms"
        )


if __name__ == "__main__":
    main()
