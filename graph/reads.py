"""Every read of the graph mirror goes through here.

A read runs in a read transaction whose timeout the server enforces: the caller
names the setting that holds its seconds, or passes a Deadline that several
statements of one answer share. Driver and server failures become GraphTimeout
or GraphUnavailable, which the API answers with a 503. Labels and relationship
types are placed in statements only after graph.projection's `label` and
`types` check them against its allow-lists; values always travel as parameters.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from neo4j.exceptions import ClientError, DriverError, Neo4jError
from neomodel import db

from graph import projection
from graph.connection import ensure_connected, is_transient, reset_pool

# The relation bound to `r` holds at chapter $as_of (any relation when $as_of is null):
# an open end is from the start or to the end. Relation.objects.valid_at is the same
# rule in PostgreSQL.
VALID_AT = (
    "($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of) "
    "AND (r.valid_to IS NULL OR r.valid_to >= $as_of)))"
)


def pinned(variable: str, label: str) -> str:
    """A hint that starts the match at the node's uid (its unique index).

    Matched by uid alone the planner would choose that start today, but a plan
    cached on other statistics (a long-lived server, a small world first) may start
    from the `world` index instead and read every node of the world.
    """
    return f"USING INDEX {variable}:{projection.label(label)}(uid)"


class GraphTimeout(Exception):
    """The graph did not answer within the read's time limit."""


class GraphUnavailable(Exception):
    """The graph server cannot be reached, or asked to retry (a transient error)."""


@dataclass(frozen=True)
class Deadline:
    """One time limit for several statements: the seconds of `setting`, from `start()`."""

    setting: str
    at: float

    @classmethod
    def start(cls, setting: str) -> "Deadline":
        return cls(setting, time.monotonic() + getattr(settings, setting))


def read(query: str, params: dict, *, timeout: str | Deadline) -> list[list]:
    """The rows of one read statement. `timeout` names the setting that holds its
    seconds, or is a Deadline shared with the answer's other statements."""
    setting = timeout.setting if isinstance(timeout, Deadline) else timeout
    seconds = getattr(settings, setting)
    if isinstance(timeout, Deadline):
        seconds = timeout.at - time.monotonic()
        if seconds <= 0:
            raise GraphTimeout(_took_too_long(setting))
    ensure_connected()
    # A transient failure (a restarted server left dead connections in the pool) is
    # retried once on a fresh pool; a second one means the graph is down: a 503.
    for attempt in range(2):
        try:
            with db.read_transaction(timeout=seconds):
                rows, _ = db.cypher_query(query, params)
        except Neo4jError as error:
            # Neo.ClientError.Transaction.TransactionTimedOut[ClientConfiguration]: the
            # server's enforcement of the timeout given above.
            if "TransactionTimedOut" in (error.code or ""):
                raise GraphTimeout(_took_too_long(setting)) from error
            if is_transient(error):
                reset_pool()
                if attempt == 0:
                    continue
                raise GraphUnavailable("The graph server asked to retry later.") from error
            if isinstance(error, ClientError):
                raise  # the statement's fault: a bug here, not the server's
            # A DatabaseError: the server failed, not the caller.
            raise GraphUnavailable("The graph server failed to answer.") from error
        except (DriverError, OSError) as error:
            if not is_transient(error) and not isinstance(error, DriverError):
                raise
            reset_pool()
            if attempt == 0 and is_transient(error):
                continue
            raise GraphUnavailable("The graph server cannot be reached right now.") from error
        break
    return rows


def _took_too_long(setting: str) -> str:
    return f"The graph query took longer than {getattr(settings, setting):g} s."


def db_hits(query: str, params: dict) -> int:
    """The database hits of the statement's profiled plan: what its plan test bounds."""
    if db.driver is None:
        raise GraphUnavailable("The graph server cannot be reached right now.")
    with db.driver.session(database=db._database_name) as session:
        profile = session.run(f"PROFILE {query}", params).consume().profile
    return _plan_hits(profile or {})


def _plan_hits(plan: dict) -> int:
    return plan.get("dbHits", 0) + sum(_plan_hits(child) for child in plan.get("children", []))
