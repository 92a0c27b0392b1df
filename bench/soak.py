"""A faulted soak: mixed API traffic over HTTP while a worker, the graph server and the
broker fail, each once, at set times; then nothing acknowledged may be missing.

    .venv/bin/python bench/soak.py [--minutes 10] [--clients 4] [--rate 20] \\
        [--max-requests 20000] [--seed 1]

Starts a stack of its own on loopback (PostgreSQL, the graph server, a RabbitMQ node,
a Celery worker, the local model server of tests/llm speaking the OpenAI wire format,
gunicorn as production runs it), loads the demo world, and sends from `--clients`
threads, at `--rate` requests per second in all, searches, graph reads (meetings,
neighbourhood, paths), answers in role, single creates and batches. At 20 % of the
time the worker is killed with `kill -9` and a new one started, at 45 % the graph
server is stopped gracefully and started again on its port and data, at 70 % the
broker is restarted.

Prints per minute and in total: requests, errors by status, p50/p95; then drains the
outbox (doing beat's republishing meanwhile) and prints writes acknowledged vs found
in PostgreSQL vs found in the graph, duplicate nodes and edges (per uid), and the
reconcile drift. tests/test_soak.py runs 60 s of the same and asserts those counts.
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stack import ROOT, bench_stack, bench_token, percentile, served

# Relative weights of the kinds of request in the traffic.
MIX = {
    "search": 30,
    "meetings": 10,
    "neighbourhood": 10,
    "path": 10,
    "answer": 10,
    "create": 20,
    "batch": 10,
}
WRITES = frozenset({"create", "batch"})
# Messy on purpose: shared surnames, names inside names, Cyrillic beside English, numbers.
SEARCHES = ["Anna", "Marlowe", "Анна Марлоу", "pier nine", "Pier 9", "lamp room", "Kay", "Кай"]
NEW_NAMES = ["Anna Marlowe", "Anna Marlowe-Kay", "Анна Марлоу", "Kay 2nd", "Marlowe", "Ева Кай"]
AFTER_FAULTS = 0.1  # of the planned time, the least traffic after the last fault
FAULT_SCHEDULE = (
    (0.20, "worker killed (kill -9), a new one started"),
    (0.45, "graph server restarted (SIGTERM, then started on its port and data)"),
    (0.70, "broker restarted"),
)


@dataclass
class Target:
    """What the traffic is sent to: a served world and a token of one of its editors."""

    url: str
    world_id: str
    token: str
    characters: list[str]
    locations: list[str]


@dataclass
class Result:
    kind: str
    started: float  # seconds since the soak began
    status: int  # 0: no HTTP answer at all
    millis: float
    written: list[tuple[str, str]] = field(default_factory=list)  # (type, id) acknowledged
    detail: str = ""  # of a failure: the problem's detail, or the start of the body


@dataclass
class Faults:
    """The three faults, as the caller can cause them on its stack."""

    kill_worker: Callable[[], None]
    restart_graph: Callable[[], None]
    restart_broker: Callable[[], None]


@dataclass
class Soak:
    results: list[Result]
    faults: list[tuple[str, float, float]]  # (what, began, ended), seconds since the start


@dataclass
class Verdict:
    acknowledged: int
    in_postgres: int
    in_graph: int
    duplicate_nodes: int
    duplicate_edges: int
    drift: dict[str, int]
    statuses: Counter
    failed_writes: int

    @property
    def unexpected_5xx(self) -> int:
        """Answers in 5xx other than 503, and requests that got no answer at all."""
        return sum(
            n
            for status, n in self.statuses.items()
            if status == 0 or (status >= 500 and status != 503)
        )


def _send(target: Target, method: str, path: str, body: dict | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        f"{target.url}/api/v1/worlds/{target.world_id}/{path}",
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"Authorization": f"Token {target.token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()[:400].decode(errors="replace")
    except OSError as error:  # refused, reset, timed out: no answer
        return 0, repr(error)


def _request(target: Target, kind: str, rng: random.Random, n: int) -> Result:
    """One request of `kind`; the ids of what a write created when it is acknowledged."""
    a, b = rng.sample(target.characters, 2)
    name = f"{rng.choice(NEW_NAMES)} {n}"
    started = time.perf_counter()
    if kind == "search":
        status, body = _send(
            target, "GET", f"search/?q={urllib.request.quote(rng.choice(SEARCHES))}"
        )
    elif kind == "meetings":
        status, body = _send(target, "GET", f"graph/meetings/?a={a}&b={b}")
    elif kind == "neighbourhood":
        status, body = _send(target, "GET", f"graph/neighbourhood/?entity={a}&depth=2")
    elif kind == "path":
        status, body = _send(target, "GET", f"graph/path/?a={a}&b={rng.choice(target.locations)}")
    elif kind == "answer":
        question = f"What do you remember of the pier, the {n}th time I ask?"
        status, body = _send(target, "POST", "answers/", {"character": a, "question": question})
    elif kind == "create":
        status, body = _send(
            target, "POST", "characters/", {"name": name, "description": f"Soak {n}."}
        )
    else:
        status, body = _send(target, "POST", "batch/", {"operations": _batch(name, b)})
    result = Result(kind, 0.0, status, (time.perf_counter() - started) * 1000)
    if kind == "create" and status == 201:
        result.written = [("character", body["id"])]
    elif kind == "batch" and status == 200:
        result.written = [(r["type"], r["id"]) for r in body["results"]]
    elif not 200 <= status < 300:
        result.detail = _problem_detail(body)
    return result


def _problem_detail(body: Any) -> str:
    try:
        return str(json.loads(body)["detail"])
    except (TypeError, ValueError, KeyError):
        return str(body)[:400]


def _batch(name: str, known: str) -> list[dict]:
    """A location, a new character and a relation from it to a known character."""
    return [
        {"op": "create", "type": "location", "ref": "home", "data": {"name": f"Дом {name}"}},
        {"op": "create", "type": "character", "ref": "who", "data": {"name": name}},
        {
            "op": "create",
            "type": "relation",
            "data": {
                "kind": "KNOWS",
                "source": {"type": "character", "id": {"ref": "who"}},
                "target": {"type": "character", "id": known},
            },
        },
    ]


def soak(
    target: Target,
    faults: Faults,
    *,
    seconds: float,
    clients: int,
    rate: float,
    max_requests: int,
    seed: int = 1,
) -> Soak:
    """Traffic from `clients` threads for `seconds` (or `max_requests`), the faults each
    once at their time; returns when both are over."""
    began = time.monotonic()
    stop = threading.Event()
    budget = iter(range(max_requests))
    lock = threading.Lock()
    results: list[Result] = []
    done: list[tuple[str, float, float]] = []
    failures: list[BaseException] = []
    kinds, weights = zip(*MIX.items(), strict=True)

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        interval = clients / rate
        while not stop.is_set():
            with lock:
                n = next(budget, None)
            if n is None:
                return
            at = time.monotonic() - began
            result = _request(target, rng.choices(kinds, weights)[0], rng, n)
            result.started = at
            with lock:
                results.append(result)
            stop.wait(max(0.0, interval - result.millis / 1000))

    def cause_faults() -> None:
        causes = (faults.kill_worker, faults.restart_graph, faults.restart_broker)
        for (fraction, what), cause in zip(FAULT_SCHEDULE, causes, strict=True):
            stop.wait(max(0.0, began + fraction * seconds - time.monotonic()))
            start = time.monotonic() - began
            try:
                cause()
            except BaseException as error:  # re-raised once the traffic is over
                failures.append(error)
                return
            finally:
                done.append((what, start, time.monotonic() - began))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    faulting = threading.Thread(target=cause_faults)
    for thread in (*threads, faulting):
        thread.start()
    faulting.join()
    # On a loaded machine a restart can outlast the planned time: the traffic goes on
    # until the last fault is over and a while after, so every fault meets traffic.
    stop.wait(max(began + seconds, time.monotonic() + AFTER_FAULTS * seconds) - time.monotonic())
    stop.set()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return Soak(sorted(results, key=lambda r: r.started), done)


def print_traffic(run: Soak) -> None:
    """Per minute and in total: requests, errors by status, p50/p95 (ms)."""

    def line(label: str, results: list[Result]) -> str:
        errors = Counter(r.status for r in results if not 200 <= r.status < 300)
        millis = [r.millis for r in results]
        shown = ", ".join(f"{status}: {n}" for status, n in sorted(errors.items())) or "none"
        return (
            f"  {label:13} {len(results):>6} requests  p50 {percentile(millis, 0.5):7.1f} ms  "
            f"p95 {percentile(millis, 0.95):7.1f} ms  errors {shown}"
        )

    minutes = int(run.results[-1].started // 60) + 1 if run.results else 0
    print("traffic:")
    for minute in range(minutes):
        part = [r for r in run.results if minute * 60 <= r.started < (minute + 1) * 60]
        if part:
            print(line(f"minute {minute + 1}", part))
    print(line("total", run.results))
    for kind in MIX:
        print(line(kind, [r for r in run.results if r.kind == kind]))
    print("faults:")
    for what, start, end in run.faults:
        print(f"  {start:6.1f}–{end:6.1f} s  {what}")
    graph_back = next((end for what, _, end in run.faults if what.startswith("graph")), None)
    if graph_back is not None:
        late = Counter(r.detail for r in run.results if r.status == 503 and r.started > graph_back)
        print(f"  503 answers sent after the graph server was back: {late.total()}")
        for detail, n in late.most_common():
            print(f"    {n:>5}  {detail}")
    for result in run.results:
        if result.detail and result.status != 503:
            print(f"  {result.started:6.1f} s {result.kind} → {result.status}: {result.detail}")


def drain(*, timeout: float) -> float:
    """Wait until every outbox row is delivered, republishing what is overdue as beat does;
    returns the seconds it took."""
    from graph.models import OutboxEvent
    from graph.outbox import outbox_overdue, outbox_publish

    started = time.monotonic()
    while OutboxEvent.objects.filter(delivered_at__isnull=True).exists():
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"the outbox did not drain in {timeout:.0f} s")
        outbox_publish(event_ids=outbox_overdue(older_than_seconds=5))
        time.sleep(1)
    return time.monotonic() - started


def verdict(world, run: Soak) -> Verdict:
    """Acknowledged writes against PostgreSQL and the graph, duplicates, drift."""
    from neomodel import db

    from graph.projection import LABELS, MODELS
    from graph.reconcile import world_drift

    written: dict[str, set[str]] = {}
    for result in run.results:
        for entity_type, uid in result.written:
            written.setdefault(entity_type, set()).add(uid)
    in_postgres = in_graph = 0
    for entity_type, uids in written.items():
        in_postgres += MODELS[entity_type].objects.filter(public_id__in=uids).count()
        match = f"MATCH (x:{LABELS[entity_type]})" if entity_type in LABELS else "MATCH ()-[x]->()"
        rows, _ = db.cypher_query(
            f"{match} WHERE x.uid IN $uids RETURN count(DISTINCT x.uid)", {"uids": list(uids)}
        )
        in_graph += rows[0][0]
    duplicates = [
        db.cypher_query(
            f"MATCH {pattern} WHERE x.uid IS NOT NULL WITH x.uid AS uid, count(*) AS n "
            "WHERE n > 1 RETURN count(uid)"
        )[0][0][0]
        for pattern in ("(x)", "()-[x]->()")
    ]
    return Verdict(
        acknowledged=sum(map(len, written.values())),
        in_postgres=in_postgres,
        in_graph=in_graph,
        duplicate_nodes=duplicates[0],
        duplicate_edges=duplicates[1],
        drift=world_drift(world).summary(),
        statuses=Counter(r.status for r in run.results),
        failed_writes=sum(1 for r in run.results if r.kind in WRITES and not 200 <= r.status < 300),
    )


def print_verdict(found: Verdict, drained: float) -> None:
    print(f"outbox drained {drained:.1f} s after the traffic")
    print(
        f"writes acknowledged {found.acknowledged}, in PostgreSQL {found.in_postgres}, "
        f"in the graph {found.in_graph}; writes refused {found.failed_writes}"
    )
    print(f"duplicate nodes {found.duplicate_nodes}, duplicate edges {found.duplicate_edges}")
    print(f"reconcile drift {found.drift or 0}; 5xx other than 503: {found.unexpected_5xx}")


def soak_target(world, url: str) -> Target:
    """The demo world `world` as the traffic's target, with a token of a new editor."""
    from lorebase.models import Character, Location

    return Target(
        url=url,
        world_id=str(world.public_id),
        token=bench_token(world),
        characters=[
            str(u)
            for u in Character.objects.filter(world=world).values_list("public_id", flat=True)
        ],
        locations=[
            str(u) for u in Location.objects.filter(world=world).values_list("public_id", flat=True)
        ],
    )


def model_server_environment(url: str) -> dict[str, str]:
    """The web server's answers in role from the local model server at `url`."""
    return {
        "LLM_PROVIDER": "openai",
        "LLM_OPENAI_BASE_URL": f"{url}/v1",
        "LLM_OPENAI_API_KEY": "local-soak-key",
        "LLM_OPENAI_MODEL": "local-chat",
        "LLM_THROTTLE_RATE": "100000/minute",  # the soak measures faults, not the throttle
    }


class ReplaceableWorker:
    """A Celery worker on the soak's queue, replaced by a new one after its `kill -9`."""

    def __init__(self, start: Callable[[], subprocess.Popen]) -> None:
        self.start = start
        self.process = start()

    def replace(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)  # the worker and its pool, mid-task
        self.process.wait(10)
        self.process = self.start()

    def stop(self) -> None:
        from devstack.processes import stop_process

        stop_process(self.process)


def bench_worker() -> subprocess.Popen:
    """A worker on the bench's queue (CELERY_TASK_DEFAULT_QUEUE), once it answers; its log
    goes to test-artifacts/soak-worker.log."""
    from config.celery import app
    from devstack.net import free_port
    from devstack.processes import celery_command

    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    with (ROOT / "test-artifacts" / "soak-worker.log").open("ab") as log:
        process = subprocess.Popen(
            celery_command("worker", "--loglevel", "WARNING", "--concurrency", "2"),
            cwd=ROOT,
            env={**os.environ, "WORKER_METRICS_PORT": str(free_port())},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=1.0):  # the killed one no longer answers
        if time.monotonic() > deadline:
            raise TimeoutError("the soak's Celery worker did not start")
    return process


def restart(server: Any) -> None:
    """A graceful stop, then a start on the same port and data (GraphServer, RabbitNode)."""
    server.stop()
    server.start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rate", type=float, default=20.0, help="requests per second, in all")
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    from devstack.broker import RabbitNode, local_url
    from devstack.graph_server import GraphServer
    from devstack.net import free_port
    from tests.llm.fake_llm import FakeLLM

    scratch = Path(tempfile.mkdtemp(prefix="lorebase-soak-"))
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, scratch, ignore_errors=True)
        # A broker and a graph server of the soak's own: the faults stop them.
        broker = RabbitNode(scratch / "rabbitmq", local_url(free_port())).start()
        stack.callback(broker.stop)
        graph = GraphServer(scratch / "graph", free_port(), log_path=scratch / "graph.out").start()
        stack.callback(graph.stop)
        os.environ |= {"CELERY_BROKER_URL": broker.url, "NEO4J_BOLT_URL": graph.url}
        model = stack.enter_context(FakeLLM())
        os.environ |= model_server_environment(model.url)
        stack.enter_context(bench_stack())
        from graph.connection import reconnect

        # This process's own reads (the rebuild, the verdict) through the project's
        # driver, which checks a pooled connection's liveness: neomodel's default one
        # keeps the connections to the graph server from before its restart.
        reconnect()
        from graph.rebuild import world_rebuild
        from worldgen.demo.loader import demo_world_load

        worlds = {world.language: world for world in demo_world_load()}
        for world in worlds.values():
            world_rebuild(world)
        worker = ReplaceableWorker(bench_worker)
        stack.callback(worker.stop)
        url = stack.enter_context(served(name="soak"))
        faults = Faults(
            kill_worker=worker.replace,
            restart_graph=lambda: restart(graph),
            restart_broker=lambda: restart(broker),
        )
        run = soak(
            soak_target(worlds["en"], url),
            faults,
            seconds=arguments.minutes * 60,
            clients=arguments.clients,
            rate=arguments.rate,
            max_requests=arguments.max_requests,
            seed=arguments.seed,
        )
        print_traffic(run)
        drained = drain(timeout=600)
        print_verdict(verdict(worlds["en"], run), drained)


if __name__ == "__main__":
    main()
