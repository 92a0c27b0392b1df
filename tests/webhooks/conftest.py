from collections.abc import Iterator

import pytest

from tests.api.conftest import editor, owner, world  # noqa: F401  (shared fixtures)
from tests.webhooks.receiver import Receiver


@pytest.fixture
def receiver(settings) -> Iterator[Receiver]:
    """A receiver on loopback, allow-listed as the tests' own."""
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    server = Receiver()
    yield server
    server.close()
