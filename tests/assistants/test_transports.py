"""What each transport does before MCP starts: who is asking."""

import httpx2

from .conftest import Story, mcp_cli

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
