"""What each transport does before MCP starts: who is asking."""

import anyio
import anyio.to_thread
import httpx2
from django.db import connection

from .conftest import Story, data_of, mcp_cli, stdio_session

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {},
        "clientInfo": {"name": "curl", "version": "1"},
    },
}
ACCEPT = {"Accept": "application/json, text/event-stream"}


def test_http_without_a_valid_token_is_a_401_problem(story: Story, live_server):
    for header in ({}, {"Authorization": "Token not-a-token"}, {"Authorization": "Basic eDp5"}):
        answer = httpx2.post(f"{live_server.url}/mcp/", json=INITIALIZE, headers=ACCEPT | header)
        assert answer.status_code == 401
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["code"] == "not_authenticated"
        assert "token" in answer.json()["detail"].lower()


def test_http_takes_the_rest_api_token_header_too(story: Story, live_server):
    header = {"Authorization": f"Token {story.reader}"}
    answer = httpx2.post(f"{live_server.url}/mcp/", json=INITIALIZE, headers=ACCEPT | header)
    assert answer.status_code == 200, answer.text
    assert answer.json()["result"]["serverInfo"]["name"] == "lorebase"


def test_stdio_refuses_a_bad_token_before_serving(story: Story):
    done = mcp_cli(story, "--token", "0" * 40)
    assert done.returncode != 0
    assert "--token: Invalid token." in done.stderr
    assert done.stdout == ""  # stdout is the protocol's: nothing else is written to it


def test_a_stdio_session_outlives_a_lost_database_connection(story: Story):
    """A desktop assistant keeps its server for hours; the database may drop it meanwhile."""
    search = {"world_id": str(story.world.public_id), "q": "Kay", "as_of_chapter": 1}

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        tests_own = cursor.fetchone()[0]

    def drop_other_connections() -> int:
        """Every connection to the database but the test's: the server's."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), %s)",
                [tests_own],
            )
            dropped = cursor.fetchone()[0]
        connection.close()  # this thread's own, opened for this
        return dropped

    async def body() -> None:
        async with stdio_session(story, story.reader) as session:
            assert data_of(await session.call_tool("search", search))["as_of_chapter"] == 1
            assert await anyio.to_thread.run_sync(drop_other_connections) >= 1
            assert data_of(await session.call_tool("search", search))["as_of_chapter"] == 1

    anyio.run(body)
