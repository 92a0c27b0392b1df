"""neomodel's connection to Neo4j over Bolt."""

from django.conf import settings
from neomodel import db, get_config


def configure(url: str | None = None) -> None:
    """Point neomodel at `url` (default: settings.NEO4J_BOLT_URL); connects lazily."""
    config = get_config()
    config.database_url = url or settings.NEO4J_BOLT_URL
    config.connection_timeout = settings.GRAPH_CONNECTION_TIMEOUT
    # Waiting for a pooled connection must fail too, not block a worker indefinitely.
    config.connection_acquisition_timeout = 3 * settings.GRAPH_CONNECTION_TIMEOUT


def reconnect(url: str | None = None) -> None:
    """Drop the current driver and open a new one (after a fork, or a new URL)."""
    configure(url)
    if db.driver is not None:
        db.close_connection()
    db.set_connection(url=get_config().database_url)
