"""Celery tasks of the graph mirror: thin wrappers over graph.mirror and graph.outbox."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from celery import shared_task
from django.db import OperationalError

from lorebase.catalogue import EntityType

from .connection import GraphConnectionLost, is_transient, reset_pool
from .metrics import GRAPH_TRANSIENT_ERRORS, GRAPH_WRITE_SECONDS
from .outbox import outbox_mark_delivered, outbox_note_failure, outbox_overdue, outbox_publish

logger = logging.getLogger(__name__)

# Worth retrying: the graph or PostgreSQL is busy (a deadlock), restarting or
# unreachable; graph.connection.is_transient decides for the graph, whose transient
# errors reach Celery as GraphConnectionLost after the pool was reset. A unique key
# violation is not: nodes are only written with MERGE on their uniquely constrained
# key, which Neo4j serialises with the constraint's locks.
TRANSIENT_ERRORS = (GraphConnectionLost, OperationalError)


def _graph_failure(error: Exception) -> Exception:
    """A transient graph error as GraphConnectionLost, with the pool reset (its
    connections may be dead: a restarted server); anything else unchanged."""
    if isinstance(error, GraphConnectionLost) or not is_transient(error):
        return error
    GRAPH_TRANSIENT_ERRORS.labels(error=type(error).__name__).inc()
    reset_pool()
    return GraphConnectionLost(f"{type(error).__name__}: {error}")


# A mirror takes milliseconds (a batch of entities, a second or two); one that hangs
# (a graph server dying without closing its sockets) is killed, and late acks give
# its message to another child.
MIRROR_TASK_OPTIONS = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 1,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 6,
    "soft_time_limit": 60,
    "time_limit": 90,
}


@contextmanager
def _noting_failures(items: list[tuple[str, str]]) -> Iterator[None]:
    """Record a failed attempt on each entity's pending rows (after the last retry they
    stay pending, for the sweep), then let the error go on to Celery's retry."""
    try:
        yield
    except Exception as error:
        outbox_note_failure(entities=items, error=error)
        failure = _graph_failure(error)
        if failure is error:
            if isinstance(error, OperationalError):
                GRAPH_TRANSIENT_ERRORS.labels(error=type(error).__name__).inc()
            raise
        raise failure from error


@shared_task(name="graph.mirror_entity", **MIRROR_TASK_OPTIONS)
def mirror_entity(self, entity_type: str, entity_id: str, version: int) -> int:
    """Mirror an entity's current state; `version` is the change that caused the task."""
    from .mirror import mirror_entity as mirror

    EntityType(entity_type)  # refuse unknown types before touching anything
    timer = GRAPH_WRITE_SECONDS.labels(entity_type=entity_type).time()
    with _noting_failures([(entity_type, entity_id)]), timer:
        mirrored = mirror(entity_type=entity_type, entity_id=entity_id)
    outbox_mark_delivered(mirrored={(entity_type, entity_id): mirrored})
    logger.info("mirrored %s %s (change v%s, now v%s)", entity_type, entity_id, version, mirrored)
    return mirrored


@shared_task(name="graph.mirror_entities", **MIRROR_TASK_OPTIONS)
def mirror_entities(self, items: list[list]) -> int:
    """Mirror many entities' current state at once: `items` are [type, id, version]."""
    from .mirror import mirror_entities as mirror

    # Unknown types are refused before anything is touched.
    entities = [(EntityType(kind).value, str(entity_id)) for kind, entity_id, _version in items]
    with _noting_failures(entities), GRAPH_WRITE_SECONDS.labels(entity_type="batch").time():
        mirrored = mirror(entities)
    outbox_mark_delivered(mirrored=mirrored)
    logger.info("mirrored %s entities in one task", len(mirrored))
    return len(mirrored)


@shared_task(name="graph.republish_overdue", acks_late=True, reject_on_worker_lost=True)
def republish_overdue(older_than_seconds: int = 120) -> int:
    """Beat: publish again what the graph has not confirmed in time."""
    return outbox_publish(event_ids=outbox_overdue(older_than_seconds=older_than_seconds))


@shared_task(
    name="graph.reconcile",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    max_retries=3,
)
def reconcile(world_id: str | None = None) -> dict:
    """Beat: compare PostgreSQL and the graph per world and repair any drift."""
    from .reconcile import reconcile_worlds

    try:
        return reconcile_worlds(world_id=world_id)
    except Exception as error:
        failure = _graph_failure(error)
        if failure is error:
            raise
        raise failure from error


@shared_task(
    name="graph.prune_change_log",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=5,
    max_retries=3,
)
def prune_change_log(retention_days: int | None = None) -> dict:
    """Beat, daily: drop changes older than CHANGE_LOG_RETENTION_DAYS that the graph has
    confirmed (idempotent: a second run finds nothing more to drop)."""
    from django.conf import settings

    from .retention import change_log_prune

    days = settings.CHANGE_LOG_RETENTION_DAYS if retention_days is None else retention_days
    return change_log_prune(retention_days=days)
