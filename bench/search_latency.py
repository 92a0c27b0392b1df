"""Latency of search and the graph endpoints at 100k entities, each beside its baselines.

    .venv/bin/python bench/search_latency.py [--entities 100000] [--requests 500]

Generates a world, writes its graph, starts the production WSGI server as compose
does (gunicorn, 2 workers, persistent database connections; DEBUG off, API
throttle raised) on loopback; per endpoint it warms up (every request once
in-process, 50 over HTTP), then prints p50/p95/p99 in milliseconds of
`--requests` requests (each a different question or pair, drawn from the world
itself), one table each:

- the project over HTTP, from 2 concurrent clients;
- the project in-process (bench/baselines.py), one request at a time;
- the raw drivers: the statements the project sent, again on one neo4j session
  and one psycopg connection;
- SQL: the same answer from PostgreSQL (meetings, co-appearances).

and its checks: the raw drivers got the project's rows; the SQL answer is the
project's; a path is the one the quantified-path form (used before) finds; search
results are those of ranking every full-text match (the candidate cut).

The graph is written by bench/graph_rebuild.py's raw-driver loader: the same
projection as `graph_rebuild`, quicker to set up, and only the reads are
measured here.
"""

import json
import random
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from baselines import (
    CO_APPEARANCES_SQL,
    MEETINGS_SQL,
    RawDrivers,
    co_appearance_rows,
    in_process,
    meetings_rows,
    path_before,
)
from graph_rebuild import baseline_rows, raw_driver_write
from stack import bench_parser, bench_stack, bench_token, generated_world, percentile, served

CLIENTS = 2
WARM_UP = 50
DEFAULT_LIMIT = 10  # the endpoints' `limit` when not given (search.serializers)


def request_sets(world, rng: random.Random, count: int) -> dict[str, list[dict]]:
    """Query parameters per endpoint (its path inside the world): meetings, names with
    typos, text, connections."""
    from lorebase.models import Character, Location, SceneParticipant

    characters = list(
        Character.objects.filter(world=world, participations__isnull=False)
        .distinct()
        .values_list("public_id", "name")[:2000]
    )
    places = list(Location.objects.filter(world=world).values_list("public_id", "name")[:2000])
    cast: dict = {}
    for scene, character in SceneParticipant.objects.filter(scene__world=world).values_list(
        "scene_id", "character_id"
    )[:20000]:
        cast.setdefault(scene, []).append(character)
    names = dict(Character.objects.filter(world=world).values_list("pk", "name"))
    ids = dict(Character.objects.filter(world=world).values_list("pk", "public_id"))
    pairs = [group[:2] for group in cast.values() if len(group) >= 2]
    rng.shuffle(pairs)
    pairs = pairs[:count]
    questions = []
    for i in range(count):
        a, b = pairs[i % len(pairs)]
        place = places[i % len(places)]
        questions.append(
            [
                f"where did {names[a]} and {names[b]} meet",
                f"{names[a][:-2] + names[a][-1:]}",  # a typo: one letter dropped
                f"{names[a]} at {place[1]}",
                f"how is {names[a]} connected to {names[b]}",
                "storm lantern harbour secret",
            ][i % 5]
        )
    pick = [rng.sample(characters, 2) for _ in range(count)]
    return {
        "/search/": [{"q": q} for q in questions],
        "/graph/meetings/": [{"a": ids[a], "b": ids[b]} for a, b in pairs[:count]],
        "/graph/path/": [{"a": a[0], "b": b[0]} for a, b in pick],
        "/graph/neighbourhood/": [{"entity": a[0], "depth": 2, "limit": 50} for a, _ in pick],
        "/graph/co-appearances/": [{"character": a[0]} for a, _ in pick],
    }


def timed_get(base: str, token: str, path: str, params: dict) -> tuple[float, int]:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}"
    request = urllib.request.Request(url, headers={"Authorization": f"Token {token}"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return (time.perf_counter() - started) * 1000, status


def http_timings(base: str, token: str, path: str, params: list[dict]) -> list[float]:
    for warm in params[:WARM_UP]:
        timed_get(base, token, path, warm)
    with ThreadPoolExecutor(CLIENTS) as pool:
        timings = list(pool.map(lambda p: timed_get(base, token, path, p), params))
    errors = sorted({status for _, status in timings if status != 200})
    if errors:
        print(f"  HTTP errors: {json.dumps(errors)}")
    return [ms for ms, _ in timings]


def sql_answer(drivers: RawDrivers, path: str, world, params: dict, answer: dict):
    """(milliseconds, whether SQL gives the project's answer) where SQL has one, else None."""
    ask = {"world": world.pk, "limit": DEFAULT_LIMIT}
    if path == "/graph/meetings/":
        millis, rows = drivers.answer(MEETINGS_SQL, ask | {"a": params["a"], "b": params["b"]})
        return millis, [uid for (uid,) in rows] == meetings_rows(answer)
    if path == "/graph/co-appearances/":
        millis, rows = drivers.answer(CO_APPEARANCES_SQL, ask | {"a": params["character"]})
        return millis, [tuple(row) for row in rows] == co_appearance_rows(answer)
    return None


def answer_checks(drivers: RawDrivers, path: str, world, params: dict, answer: dict, query):
    """Whether the fast path answers as before: a path as the quantified-path form,
    search results as ranking every full-text match (all ten, and the first)."""
    from django.conf import settings
    from django.test import override_settings

    if path == "/graph/path/":
        before = path_before(
            drivers,
            str(world.public_id),
            str(params["a"]),
            str(params["b"]),
            settings.SEARCH_MAX_PATH_HOPS,
        )
        return {"same path as ALL SHORTEST": [node["id"] for node in answer["nodes"]] == before}
    if path == "/search/":
        with override_settings(SEARCH_TEXT_CANDIDATES=10**9):
            _, every, _ = in_process(query, world, params)
        ours, theirs = _result_ids(answer), _result_ids(every)
        return {
            "same results as ranking every match": ours == theirs,
            "same first result as ranking every match": ours[:1] == theirs[:1],
        }
    return {}


def _result_ids(answer: dict) -> list[tuple[str, str]]:
    return [(result["type"], result["id"]) for result in answer["results"]]


def print_table(path: str, rows: dict[str, list[float]], checks: dict[str, list[bool]]) -> None:
    raw_p95 = percentile(rows["raw drivers"], 0.95)
    print(f"\n{path} ({len(rows['project over HTTP'])} requests)")
    print(f"  {'':22} {'p50':>7} {'p95':>7} {'p99':>7}  {'p95 / raw':>9}")
    for name, millis in rows.items():
        p50, p95, p99 = (percentile(millis, q) for q in (0.5, 0.95, 0.99))
        print(f"  {name:22} {p50:>7.1f} {p95:>7.1f} {p99:>7.1f}  {p95 / raw_p95:>9.2f}")
    for name, results in checks.items():
        print(f"  check: {name}: {sum(results)}/{len(results)}")


def project_answer(query, world, params: dict):
    """in_process's result, or None when the graph timed out or was unavailable (a 503)."""
    from graph.reads import GraphTimeout, GraphUnavailable

    try:
        return in_process(query, world, params)
    except (GraphTimeout, GraphUnavailable) as error:
        print(f"  in-process 503: {error}")
        return None


def measure(path: str, query, world, params: list[dict], drivers: RawDrivers, http) -> None:
    # Warm: every request of the endpoint once, untimed. The first pass over a fresh
    # graph server is slower throughout (neighbourhoods: p95 318 against 29 ms in
    # the second pass), whichever of HTTP or in-process goes first.
    for warm in params:
        project_answer(query, world, warm)
    rows: dict[str, list[float]] = {"project over HTTP": http(path, params)}
    rows["project in-process"], rows["raw drivers"], rows["SQL (same answer)"] = [], [], []
    checks: dict[str, list[bool]] = {"raw drivers got the project's rows": []}
    for each in params:
        result = project_answer(query, world, each)
        if result is None:
            continue
        millis, answer, recorded = result
        rows["project in-process"].append(millis)
        raw_millis, raw_rows = drivers.replay(recorded)
        rows["raw drivers"].append(raw_millis)
        checks["raw drivers got the project's rows"].append(raw_rows == recorded.rows)
        answered = sql_answer(drivers, path, world, each, answer)
        if answered is not None:
            rows["SQL (same answer)"].append(answered[0])
            checks.setdefault("SQL gives the project's answer", []).append(answered[1])
        for name, same in answer_checks(drivers, path, world, each, answer, query).items():
            checks.setdefault(name, []).append(same)
    print_table(path, {name: millis for name, millis in rows.items() if millis}, checks)


def main() -> None:
    parser = bench_parser(__doc__)
    parser.add_argument("--requests", type=int, default=500)
    arguments = parser.parse_args()
    with bench_stack():
        from search import views

        queries = {
            "/search/": views.SEARCH,
            "/graph/meetings/": views.MEETINGS,
            "/graph/path/": views.PATH,
            "/graph/neighbourhood/": views.NEIGHBOURHOOD,
            "/graph/co-appearances/": views.CO_APPEARANCES,
        }
        world = generated_world(arguments, slug="bench-search")
        started = time.perf_counter()
        raw_driver_write(*baseline_rows(world), batch_size=2000)
        print(f"written to the graph in {time.perf_counter() - started:.0f} s", flush=True)
        token = bench_token(world)
        requests = request_sets(world, random.Random(arguments.seed), arguments.requests)
        drivers = RawDrivers()
        try:
            with served(name="search-latency") as server_url:
                base = f"{server_url}/api/v1/worlds/{world.public_id}"
                for path, params in requests.items():
                    measure(
                        path,
                        queries[path],
                        world,
                        params,
                        drivers,
                        lambda path, params: http_timings(base, token, path, params),
                    )
        finally:
            drivers.close()


if __name__ == "__main__":
    main()
