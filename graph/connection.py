"""neomodel's connection to Neo4j over Bolt, and the one test of a transient graph error.

The driver is built here rather than by neomodel so that it checks a pooled
connection's liveness before handing it out (`liveness_check_timeout`): after a
graceful restart of the graph server the pool otherwise keeps connections to the
old server, and every use fails with "RUN not expected in state: AUTHENTICATION".
"""

import contextlib
import errno
from urllib.parse import unquote, urlsplit

from django.conf import settings
from neo4j import Driver, GraphDatabase, basic_auth
from neo4j.exceptions import (
    ClientError,
    DriverError,
    IncompleteCommit,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from neomodel import db, get_config

# Connection-level errors of the socket layer (a server gone between two uses).
_TRANSPORT_ERRNOS = {errno.EPIPE, errno.ECONNRESET, errno.ECONNREFUSED, errno.ECONNABORTED}


def configure(url: str | None = None) -> None:
    """Point neomodel at `url` (default: settings.NEO4J_BOLT_URL); connects lazily."""
    config = get_config()
    config.database_url = url or settings.NEO4J_BOLT_URL
    config.connection_timeout = settings.GRAPH_CONNECTION_TIMEOUT
    # Waiting for a pooled connection must fail too, not block a worker indefinitely.
    config.connection_acquisition_timeout = 3 * settings.GRAPH_CONNECTION_TIMEOUT


def open_driver(url: str) -> tuple[Driver, str | None]:
    """A driver for `url` (bolt://user:password@host:port[/database]) and its database."""
    parts = urlsplit(url)
    config = get_config()
    driver = GraphDatabase.driver(
        f"{parts.scheme}://{parts.hostname}:{parts.port}",
        auth=basic_auth(unquote(parts.username or ""), unquote(parts.password or "")),
        connection_timeout=config.connection_timeout,
        connection_acquisition_timeout=config.connection_acquisition_timeout,
        # A connection idle for longer than this is pinged before use; a dead one
        # (the server restarted) is dropped and replaced instead of failing the query.
        liveness_check_timeout=settings.GRAPH_LIVENESS_CHECK_TIMEOUT,
        max_connection_lifetime=config.max_connection_lifetime,
        max_connection_pool_size=config.max_connection_pool_size,
        keep_alive=config.keep_alive,
        user_agent=config.user_agent,
    )
    return driver, parts.path.strip("/") or None


def reconnect(url: str | None = None) -> None:
    """Drop the current driver and its pool and open a new one (after a fork, a new URL,
    or a transient error that may have left dead connections in the pool)."""
    configure(url)
    previous = db.driver
    if previous is not None:
        try:
            db.close_connection()
        except Exception:
            db.driver = None
    driver, database = open_driver(get_config().database_url)
    get_config().database_name = database
    db.set_connection(driver=driver)


def ensure_connected() -> None:
    """Open this project's driver (with its liveness check) if none is open yet."""
    if db.driver is None:
        # The query that follows reports the failure.
        with contextlib.suppress(Exception):
            reconnect(get_config().database_url)


def reset_pool() -> None:
    """Close every pooled connection and open a fresh driver; never raises."""
    try:
        reconnect(get_config().database_url)
    except Exception:
        db.driver = None


class GraphConnectionLost(Exception):
    """A transient graph failure (see is_transient), raised after the pool was reset."""


def is_transient(error: BaseException | None) -> bool:
    """is_transient of the error or of any error it was raised from."""
    seen = 0
    while error is not None and seen < 5:
        if _is_transient(error):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _is_transient(error: BaseException) -> bool:
    """Whether a graph failure is the connection's or the server's, not the statement's:
    worth retrying (after reset_pool) and, at the API, a 503.

    Transient: the server asked to retry (TransientError: a deadlock, a leader switch),
    it cannot be reached or went away (ServiceUnavailable, SessionExpired, a commit
    whose outcome is unknown), a connection left in the wrong protocol state (the
    ClientError "... not expected in state ...", seen after a graceful restart), the
    driver's own transport errors, and a broken or reset socket.
    """
    if isinstance(error, GraphConnectionLost):
        return True
    if isinstance(error, TransientError | ServiceUnavailable | SessionExpired | IncompleteCommit):
        return True
    if isinstance(error, ClientError):
        return "not expected in state" in (error.message or str(error))
    if isinstance(error, DriverError):
        # TransactionError, ResultConsumedError, ConfigurationError, ... are the
        # caller's misuse; only the connection-level family is transient.
        return False
    if isinstance(error, BrokenPipeError | ConnectionResetError | ConnectionRefusedError):
        return True
    return isinstance(error, OSError) and error.errno in _TRANSPORT_ERRNOS
