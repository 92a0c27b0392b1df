"""A world of 5,500 entities loaded through the batch endpoint over HTTP, beside SQL.

    .venv/bin/python bench/batch_load.py [--characters 600] [--scenes 4000] \\
        [--relations 570] [--batch-size 1000] [--workers 2]

The world is shaped like a studio's existing one: chapters, places, characters
(shared surnames, two languages), concepts, scenes with a cast of three and
relations, each created with a `ref` and pointed at by later operations. It
starts a Celery worker and the production WSGI server (stack.served), sends the
operations in batches from one client, and prints the load time, then how long
after the last batch the graph held every entity (the outbox drained). The
baseline is the same rows inserted with `bulk_create` in one transaction: the
floor under validation, versions, history and the outbox. Checks: every
operation answered, PostgreSQL holds as many entities as were sent.
"""

import argparse
import json
import random
import time
import urllib.request

from stack import bench_stack, bench_token, served

SURNAMES = ["Voss", "Marsh", "Ilyin", "Корсакова", "Hale", "Dunmore", "Sato", "Novak"]
GIVEN = ["Anya", "Anya-Marie", "Ivo", "Mara", "Марк", "Ede", "Tomas", "Lin", "Rowan"]


def operations(characters: int, scenes: int, relations: int, seed: int) -> list[dict]:
    """Creates in dependency order; each entity's ref is its type and number."""
    rng = random.Random(seed)
    chapters, places, concepts = 20, max(1, characters // 3), max(1, characters // 6)
    ops: list[dict] = []

    def create(kind: str, n: int, data: dict) -> None:
        ops.append({"op": "create", "type": kind, "ref": f"{kind}-{n}", "data": data})

    for n in range(chapters):
        create("chapter", n, {"number": n + 1, "title": f"Chapter {n + 1}: The Tide {n % 7}"})
    for n in range(places):
        create("location", n, {"name": f"Pier {n} of {SURNAMES[n % len(SURNAMES)]} Street"})
    for n in range(characters):
        name = f"{GIVEN[n % len(GIVEN)]} {SURNAMES[(n // len(GIVEN)) % len(SURNAMES)]} {n}"
        create("character", n, {"name": name, "description": f"{name} keeps the light."})
    for n in range(concepts):
        create("concept", n, {"name": f"The Oath of {SURNAMES[n % len(SURNAMES)]} {n}"})
    per_chapter = -(-scenes // chapters)
    for n in range(scenes):
        cast = rng.sample(range(characters), 3)
        data = {
            "chapter": {"ref": f"chapter-{n // per_chapter}"},
            "order": n % per_chapter + 1,
            "title": f"Scene {n}: fog over pier {n % places}",
            "summary": "They meet where the fog comes in.",
            "location": {"ref": f"location-{rng.randrange(places)}"},
            "participants": [
                {"character": {"ref": f"character-{c}"}, "role": role}
                for c, role in zip(cast, ("speaker", "present", "mentioned"), strict=True)
            ],
        }
        create("scene", n, data)
    for n in range(relations):
        source, target = rng.sample(range(characters), 2)
        create(
            "relation",
            n,
            {
                "kind": rng.choice(["KNOWS", "ALLY_OF", "ENEMY_OF", "FAMILY_OF"]),
                "source": {"type": "character", "id": {"ref": f"character-{source}"}},
                "target": {"type": "character", "id": {"ref": f"character-{target}"}},
            },
        )
    return ops


def resolved(batch: list[dict], ids: dict[str, str]) -> list[dict]:
    """The batch with refs of earlier batches replaced by their ids."""

    def walk(value):
        if isinstance(value, dict):
            if set(value) == {"ref"} and value["ref"] in ids:
                return ids[value["ref"]]
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return [walk(op) for op in batch]


def load_over_http(url: str, token: str, ops: list[dict], size: int) -> tuple[float, list]:
    ids: dict[str, str] = {}
    seconds: list[float] = []
    for start in range(0, len(ops), size):
        body = json.dumps({"operations": resolved(ops[start : start + size], ids)}).encode()
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
        )
        began = time.perf_counter()
        with urllib.request.urlopen(request, timeout=600) as response:
            results = json.loads(response.read())["results"]
        seconds.append(time.perf_counter() - began)
        ids |= {r["ref"]: r["id"] for r in results if "ref" in r}
    return sum(seconds), seconds


def graph_caught_up(timeout: float = 300) -> float:
    """Seconds until the outbox has no undelivered event."""
    from graph.models import OutboxEvent

    began = time.perf_counter()
    while OutboxEvent.objects.filter(delivered_at__isnull=True).exists():
        if time.perf_counter() - began > timeout:
            raise TimeoutError("the graph did not catch up")
        time.sleep(0.1)
    return time.perf_counter() - began


def sql_baseline(ops: list[dict]) -> float:
    """The same rows with bulk_create in one transaction (ids resolved in memory)."""
    from django.db import transaction

    from lorebase.models import (
        Chapter,
        Character,
        Concept,
        Location,
        Relation,
        Scene,
        SceneParticipant,
    )
    from lorebase.services import world_create

    world = world_create(owner=None, name="Baseline", slug="bench-batch-sql", language="en")
    models = {"chapter": Chapter, "location": Location, "character": Character, "concept": Concept}
    began = time.perf_counter()
    with transaction.atomic():
        made: dict[str, object] = {}
        for kind, model in models.items():
            rows = [op for op in ops if op["type"] == kind]
            objs = model.objects.bulk_create(model(world=world, **op["data"]) for op in rows)
            made |= {op["ref"]: obj for op, obj in zip(rows, objs, strict=True)}
        scene_ops = [op for op in ops if op["type"] == "scene"]
        scenes = Scene.objects.bulk_create(
            Scene(
                world=world,
                chapter=made[op["data"]["chapter"]["ref"]],
                location=made[op["data"]["location"]["ref"]],
                **{k: op["data"][k] for k in ("order", "title", "summary")},
            )
            for op in scene_ops
        )
        SceneParticipant.objects.bulk_create(
            SceneParticipant(scene=scene, character=made[p["character"]["ref"]], role=p["role"])
            for op, scene in zip(scene_ops, scenes, strict=True)
            for p in op["data"]["participants"]
        )
        relations = []
        for op in ops:
            if op["type"] == "relation":
                relation = Relation(world=world, kind=op["data"]["kind"])
                for side in ("source", "target"):
                    relation.set_endpoint(side, made[op["data"][side]["id"]["ref"]])
                relations.append(relation)
        Relation.objects.bulk_create(relations)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--characters", type=int, default=600)
    parser.add_argument("--scenes", type=int, default=4000)
    parser.add_argument("--relations", type=int, default=570)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    ops = operations(arguments.characters, arguments.scenes, arguments.relations, arguments.seed)
    with bench_stack(worker_concurrency=arguments.workers):
        from lorebase.catalogue import KINDS
        from lorebase.services import world_create

        world = world_create(owner=None, name="Harbor", slug="bench-batch", language="en")
        token = bench_token(world)
        with served(name="batch-load") as server_url:
            url = f"{server_url}/api/v1/worlds/{world.public_id}/batch/"
            total, per_batch = load_over_http(url, token, ops, arguments.batch_size)
            caught_up = graph_caught_up()
        baseline = sql_baseline(ops)
        stored = sum(
            kind.model.objects.filter(world=world).count()
            for kind in KINDS.values()
            if kind.type != "world"
        )
    slowest = max(per_batch)
    print(
        f"\n{len(ops)} operations in {len(per_batch)} batches of {arguments.batch_size}, "
        f"1 HTTP client, {arguments.workers} worker processes"
    )
    print(
        f"  over HTTP          {total:7.1f} s  ({len(ops) / total:,.0f} entities/s; "
        f"slowest batch {slowest:.1f} s)"
    )
    print(f"  bulk_create (SQL)  {baseline:7.1f} s  ({len(ops) / baseline:,.0f} entities/s)")
    print(f"  graph caught up    {caught_up:7.1f} s after the last batch")
    print(
        f"  check: stored {stored} of {len(ops)} entities"
        + ("" if stored == len(ops) else "  MISMATCH")
    )


if __name__ == "__main__":
    main()
