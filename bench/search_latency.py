"""Latency of search and the graph endpoints at 100k entities, against the running server.

    .venv/bin/python bench/search_latency.py [--entities 100000] [--requests 500]

Generates a world, writes its graph, starts the production WSGI server as compose
does (gunicorn, 2 workers, persistent database connections; DEBUG off, API
throttle raised) on loopback, warms up, then sends `--requests` requests per
endpoint from 2 concurrent clients and prints p50/p95/p99 in milliseconds.
Each request is a different question or pair, drawn from the world itself.

The graph is written by bench/graph_rebuild.py's raw-driver loader: the same
projection as `graph_rebuild`, quicker to set up, and only the reads are
measured here.
"""

import json
import os
import random
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from graph_rebuild import baseline_rows, raw_driver_write
from stack import ROOT, bench_parser, bench_stack, generated_world, percentile

CLIENTS = 2
WARM_UP = 50


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


def wait_for(server: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{server}/api/schema/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("the web server did not start")


def main() -> None:
    parser = bench_parser(__doc__)
    parser.add_argument("--requests", type=int, default=500)
    arguments = parser.parse_args()
    with bench_stack():
        from django.contrib.auth import get_user_model
        from rest_framework.authtoken.models import Token

        from devstack.net import free_port
        from devstack.processes import stop_process

        world = generated_world(arguments, slug="bench-search")
        started = time.perf_counter()
        raw_driver_write(*baseline_rows(world), batch_size=2000)
        print(f"written to the graph in {time.perf_counter() - started:.0f} s", flush=True)
        user = get_user_model().objects.create_superuser("bench", password=os.urandom(8).hex())
        token = Token.objects.create(user=user).key
        requests = request_sets(world, random.Random(arguments.seed), arguments.requests)

        port = free_port()
        (ROOT / "test-artifacts").mkdir(exist_ok=True)
        log = (ROOT / "test-artifacts" / "search-latency-server.log").open("wb")
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "config.wsgi"),
                *("--bind", f"127.0.0.1:{port}", "--workers", "2"),
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_DEBUG": "false",
                "DATABASE_CONN_MAX_AGE": "60",
                # The per-user API throttle would answer most of a load test with 429.
                "API_THROTTLE_USER_RATE": "100000/minute",
            },
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            server_url = f"http://127.0.0.1:{port}"
            wait_for(server_url)
            base = f"{server_url}/api/v1/worlds/{world.public_id}"
            print(f"{'endpoint':24} {'n':>4} {'p50':>7} {'p95':>7} {'p99':>7}  errors")
            for path, params in requests.items():
                for warm in params[:WARM_UP]:
                    timed_get(base, token, path, warm)
                with ThreadPoolExecutor(CLIENTS) as pool:
                    timings = list(
                        pool.map(lambda p, path=path: timed_get(base, token, path, p), params)
                    )
                millis = [ms for ms, _ in timings]
                errors = {status for _, status in timings if status != 200}
                print(
                    f"{path:24} {len(millis):>4} {percentile(millis, 0.5):>7.1f} "
                    f"{percentile(millis, 0.95):>7.1f} {percentile(millis, 0.99):>7.1f}  "
                    f"{json.dumps(sorted(errors)) if errors else 'none'}"
                )
        finally:
            stop_process(server)
            log.close()


if __name__ == "__main__":
    main()
