"""Webhooks for a run of 1,000 edits, received on loopback, beside the same posts sent directly.

    .venv/bin/python bench/webhook_delivery.py [--edits 1000] [--characters 150] [--workers 2]

The edits are an editor's day through lorebase.services, one transaction each:
characters created (shared surnames, two languages), then renamed and re-described
at random, some deleted. A Celery worker delivers each change to a receiver on
loopback (allow-listed), which verifies every Standard Webhooks signature. It
prints how long after the last edit the last delivery arrived and the deliveries
per second, beside the baseline: the same payloads signed and posted one after
another by this process, with no queue, database or worker (the floor of signing
and HTTP). Checks: every change of the run arrived, every signature is valid, and
each entity's changes arrived in version order.
"""

import argparse
import json
import os
import random
import threading
import time
import urllib.request
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from stack import bench_stack

SURNAMES = ["Voss", "Marsh", "Корсакова", "Hale", "Sato"]
GIVEN = ["Anya", "Anya-Marie", "Марк", "Ivo", "Lin"]


class Receiver:
    """Verifies and records what it is sent: (entity id, version, message id) in arrival order."""

    def __init__(self, secret: str = "") -> None:
        self.secret = secret
        self.arrived: list[tuple[str, int, str]] = []
        self.bad_signatures = 0
        self.last_at = 0.0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                from standardwebhooks import Webhook, WebhookVerificationError

                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    Webhook(receiver.secret).verify(body, dict(self.headers.items()))
                except WebhookVerificationError:
                    receiver.bad_signatures += 1
                data = json.loads(body)["data"]
                receiver.arrived.append(
                    (data["entity_id"], data["version"], self.headers["webhook-id"])
                )
                receiver.last_at = time.perf_counter()
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/lore"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def edit_run(world, edits: int, characters: int, seed: int) -> None:
    """`edits` committed writes: creates, then renames and new descriptions, some deletes."""
    from lorebase import services
    from lorebase.models import Character

    rng = random.Random(seed)
    cast = []
    for n in range(min(characters, edits)):
        name = f"{GIVEN[n % len(GIVEN)]} {SURNAMES[n // len(GIVEN) % len(SURNAMES)]} {n}"
        cast.append(services.entity_save(instance=Character(world=world, name=name)))
    for n in range(edits - len(cast)):
        character = rng.choice(cast)
        if n % 25 == 24 and len(cast) > 1:
            cast.remove(character)
            services.entity_delete(instance=character)
            continue
        character.description = f"Edit {n}: {character.name} keeps the light."
        services.entity_save(instance=character)


def wait_for(receiver: Receiver, expected: int, timeout: float = 600) -> None:
    """Until `expected` distinct messages arrived, the sweep's job done meanwhile."""
    from webhooks.services import deliveries_due, deliveries_publish

    deadline = time.monotonic() + timeout
    while len({message for _, _, message in receiver.arrived}) < expected:
        if time.monotonic() > deadline:
            raise TimeoutError("the deliveries did not all arrive")
        time.sleep(0.5)
        # What beat's webhooks.sweep does every minute, for a delivery that waited.
        deliveries_publish(delivery_ids=deliveries_due())


def baseline(payloads: list[tuple[str, str]], secret: str) -> float:
    """The same bodies signed and posted one after another from here."""
    from datetime import UTC, datetime

    from standardwebhooks import Webhook

    receiver = Receiver(secret)
    signer = Webhook(secret)
    began = time.perf_counter()
    for message_id, body in payloads:
        signature = signer.sign(message_id, datetime.now(tz=UTC), body)
        request = urllib.request.Request(
            receiver.url,
            data=body.encode(),
            method="POST",
            headers={
                "webhook-id": message_id,
                "webhook-timestamp": str(int(time.time())),
                "webhook-signature": signature,
                "Content-Type": "application/json",
            },
        )
        with urllib.request.urlopen(request, timeout=10):
            pass
    took = time.perf_counter() - began
    assert receiver.bad_signatures == 0 and len(receiver.arrived) == len(payloads)
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--characters", type=int, default=150)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    os.environ["WEBHOOK_ALLOWED_NETWORKS"] = "127.0.0.1/32"  # the worker reads it at start
    with bench_stack(worker_concurrency=arguments.workers):
        from lorebase.models import Change
        from lorebase.services import world_create
        from webhooks.models import WebhookDelivery
        from webhooks.services import endpoint_create

        world = world_create(owner=None, name="Harbor", slug="bench-hooks", language="en")
        receiver = Receiver()
        endpoint = endpoint_create(world=world, url=receiver.url)
        receiver.secret = endpoint.secret
        before = Change.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        began = time.perf_counter()
        edit_run(world, arguments.edits, arguments.characters, arguments.seed)
        edited = time.perf_counter()
        changes = list(Change.objects.filter(world_id=world.public_id, pk__gt=before))
        wait_for(receiver, len(changes))
        after_last_edit = max(receiver.last_at - edited, 0.0)
        delivered = receiver.last_at - began
        payloads = [
            (d.message_id, json.dumps(d.payload, separators=(",", ":"), sort_keys=True))
            for d in WebhookDelivery.objects.filter(endpoint=endpoint).order_by("pk")
        ]
        floor = baseline(payloads, endpoint.secret)

    first_arrival: dict[str, tuple[str, int]] = {}
    for entity_id, version, message in receiver.arrived:
        first_arrival.setdefault(message, (entity_id, version))
    versions: dict[str, list[int]] = defaultdict(list)
    for entity_id, version in first_arrival.values():
        versions[entity_id].append(version)
    out_of_order = sum(seq != sorted(seq) for seq in versions.values())
    expected = {(str(c.entity_id), c.version) for c in changes}
    missing = len(expected - set(first_arrival.values()))
    print(
        f"\n{len(changes)} changes ({arguments.edits} edits of {arguments.characters} "
        f"characters, one transaction each), {arguments.workers} worker processes"
    )
    print(
        f"  through the worker   {delivered:6.1f} s from the first edit "
        f"({len(changes) / delivered:,.0f} deliveries/s); the last "
        f"{after_last_edit:.1f} s after the last edit (edits took {edited - began:.1f} s)"
    )
    print(
        f"  posted directly      {floor:6.1f} s ({len(payloads) / floor:,.0f} deliveries/s, "
        "one client, no queue)"
    )
    print(
        f"  check: {len(first_arrival)} distinct messages ({len(receiver.arrived)} posts), "
        f"{missing} changes missing, {receiver.bad_signatures} bad signatures, "
        f"{out_of_order} entities out of order"
    )


if __name__ == "__main__":
    main()
