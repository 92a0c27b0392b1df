"""Webhooks: endpoints, a delivery row per change (in the change's transaction), delivery.

Deliveries are at least once and in order per entity: a delivery waits while an older
one of the same entity to the same endpoint is pending. Each is signed as Standard
Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`, HMAC-SHA256 with the
endpoint's secret). A failed attempt is tried again with exponential backoff
(`WEBHOOK_RETRY_BACKOFF` doubling, at most an hour apart) for `WEBHOOK_RETRY_HOURS`, then
given up; `WEBHOOK_DISABLE_AFTER` failed attempts in a row disable the endpoint, and its
owner sees why in the admin.
"""

import json
import logging
import uuid
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from standardwebhooks import Webhook

from lorebase.models import Change, World

from .models import WebhookDelivery, WebhookEndpoint
from .targets import TargetRefused, target_check, target_post

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=1)


def endpoint_create(
    *,
    world: World,
    url: str,
    event_types: list[str] | None = None,
    entity_types: list[str] | None = None,
    active: bool = True,
    created_by: User | None = None,
) -> WebhookEndpoint:
    """A new endpoint; TargetRefused when its URL may not receive webhooks."""
    target_check(url)
    endpoint = WebhookEndpoint(
        world=world,
        url=url,
        event_types=event_types or [],
        entity_types=entity_types or [],
        active=active,
        created_by=created_by,
    )
    endpoint.full_clean()
    endpoint.save()
    return endpoint


def endpoint_update(*, endpoint: WebhookEndpoint, **fields: object) -> WebhookEndpoint:
    """Change an endpoint; turning it on again clears its failures."""
    if "url" in fields:
        target_check(str(fields["url"]))
    for name, value in fields.items():
        setattr(endpoint, name, value)
    if fields.get("active"):
        endpoint.consecutive_failures, endpoint.disabled_reason = 0, ""
    endpoint.full_clean()
    endpoint.save()
    return endpoint


def _payload(change: Change) -> dict:
    return {
        "type": f"{change.entity_type}.{change.operation}",
        "timestamp": change.created_at.isoformat(),
        "data": {
            "world_id": str(change.world_id),
            "entity_type": change.entity_type,
            "entity_id": str(change.entity_id),
            "operation": change.operation,
            "version": change.version,
        },
    }


def deliveries_record(*, changes: list[Change], **kwargs: object) -> list[WebhookDelivery]:
    """On `changes_recorded`, inside the changes' transaction: a delivery per change and
    endpoint that wants it, published after the commit (the sweep publishes what this
    misses). The endpoints are read once per world of the changes."""
    endpoints: dict[uuid.UUID, list[WebhookEndpoint]] = {}
    for world_id in {change.world_id for change in changes}:
        endpoints[world_id] = list(
            WebhookEndpoint.objects.filter(world__public_id=world_id, active=True)
        )
    now = timezone.now()
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            endpoint=endpoint,
            change_id=change.pk,
            entity_type=change.entity_type,
            entity_id=change.entity_id,
            operation=change.operation,
            version=change.version,
            payload=_payload(change),
            next_attempt_at=now,
        )
        for change in changes
        for endpoint in endpoints[change.world_id]
        if endpoint.wants(change)
    )
    if deliveries:
        ids = [d.pk for d in deliveries]
        transaction.on_commit(partial(deliveries_publish, delivery_ids=ids), robust=True)
    return deliveries


def deliveries_publish(*, delivery_ids: list[int], countdown: float = 0) -> int:
    from .tasks import deliver

    published = 0
    for delivery_id in delivery_ids:
        try:
            deliver.apply_async(args=[delivery_id], countdown=countdown or None)
        except Exception as error:  # broker down: the sweep publishes it later
            logger.warning("webhooks: publish of delivery %s failed: %s", delivery_id, error)
            continue
        published += 1
    return published


def deliveries_due(*, limit: int = 1000) -> list[int]:
    """Pending deliveries whose next attempt is due (or was published and lost)."""
    return list(
        WebhookDelivery.objects.filter(
            status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=timezone.now()
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def delivery_signed_headers(delivery: WebhookDelivery, body: str) -> dict[str, str]:
    now = timezone.now()
    signature = Webhook(delivery.endpoint.secret).sign(delivery.message_id, now, body)
    return {
        "Content-Type": "application/json",
        "User-Agent": "Lorebase-Webhooks/1",
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signature,
    }


def delivery_attempt(*, delivery_id: int) -> str:
    """One attempt at a delivery (idempotent: a delivered one is not sent again).

    Returns what happened: `succeeded`, `waiting` (an older change of the entity is still
    pending), `retry`, `failed` (gave up), `skipped`.
    """
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .select_related("endpoint")
            .filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING)
            .first()
        )
        if delivery is None:
            return "skipped"  # done, given up, or being sent by another worker
        endpoint = delivery.endpoint
        if not endpoint.active:
            return "skipped"
        older = WebhookDelivery.objects.filter(
            endpoint=endpoint,
            entity_id=delivery.entity_id,
            status=WebhookDelivery.Status.PENDING,
            pk__lt=delivery.pk,
        ).exists()
        if older:
            delivery.next_attempt_at = timezone.now() + timedelta(seconds=1)
            delivery.save(update_fields=["next_attempt_at"])
            return "waiting"
        body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True)
        status_code, error = None, ""
        try:
            target = target_check(endpoint.url)
            status_code = target_post(
                target,
                body.encode(),
                delivery_signed_headers(delivery, body),
                timeout=settings.WEBHOOK_TIMEOUT,
            )
        except TargetRefused as refused:
            error = str(refused)
        except OSError as failure:  # refused, reset, timed out, TLS
            error = f"{type(failure).__name__}: {failure}"
        delivery.attempts += 1
        delivery.last_status_code = status_code
        if status_code is not None and 200 <= status_code < 300:
            delivery.status = WebhookDelivery.Status.SUCCEEDED
            delivery.delivered_at = timezone.now()
            delivery.last_error = ""
            delivery.save()
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(consecutive_failures=0)
            # The entity's next change to this endpoint waited for this one: send it now,
            # not when the sweep next finds it due.
            transaction.on_commit(partial(_successor_publish, delivery), robust=True)
            return "succeeded"
        delivery.last_error = (error or f"HTTP {status_code}")[:2000]
        return _failed(delivery, endpoint)


def _successor_publish(delivery: WebhookDelivery) -> None:
    successor = (
        WebhookDelivery.objects.filter(
            endpoint_id=delivery.endpoint_id,
            entity_id=delivery.entity_id,
            status=WebhookDelivery.Status.PENDING,
            pk__gt=delivery.pk,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    if successor is not None:
        deliveries_publish(delivery_ids=[successor])


def _failed(delivery: WebhookDelivery, endpoint: WebhookEndpoint) -> str:
    now = timezone.now()
    backoff = timedelta(seconds=settings.WEBHOOK_RETRY_BACKOFF * 2 ** (delivery.attempts - 1))
    give_up_at = delivery.created_at + timedelta(hours=settings.WEBHOOK_RETRY_HOURS)
    outcome = "retry"
    if now + min(backoff, MAX_BACKOFF) > give_up_at:
        delivery.status = WebhookDelivery.Status.FAILED
        outcome = "failed"
    else:
        delivery.next_attempt_at = now + min(backoff, MAX_BACKOFF)
    delivery.save()
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        consecutive_failures=F("consecutive_failures") + 1
    )
    endpoint.refresh_from_db(fields=["consecutive_failures"])
    if endpoint.consecutive_failures >= settings.WEBHOOK_DISABLE_AFTER:
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
            active=False,
            disabled_reason=(
                f"Disabled on {now:%Y-%m-%d %H:%M} UTC after {endpoint.consecutive_failures} "
                f"failed attempts in a row; the last: {delivery.last_error}"
            )[:2000],
        )
    return outcome


def delivery_resend(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery again (the same `webhook-id`), whatever became of it."""
    delivery.status = WebhookDelivery.Status.PENDING
    delivery.next_attempt_at = timezone.now()
    delivery.created_at = timezone.now()  # a new day of retries
    delivery.save(update_fields=["status", "next_attempt_at", "created_at"])
    transaction.on_commit(partial(deliveries_publish, delivery_ids=[delivery.pk]), robust=True)
    return delivery
