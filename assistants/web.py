"""POST /mcp/: the MCP server's Streamable HTTP transport inside the WSGI web process.

The web process is WSGI (gunicorn gthread), so there is no long-lived event loop to
hold MCP sessions: each request runs the SDK's own Streamable HTTP handling in
stateless, JSON-response mode (no session, no SSE stream), driven as an ASGI app for
that one request through asgiref's async_to_sync. The tools' database work comes
back to this request's thread (sync_to_async, thread-sensitive), so it uses the
request's connection.
"""

from collections.abc import MutableMapping
from typing import Any

import anyio
from asgiref.sync import async_to_sync
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from rest_framework.exceptions import AuthenticationFailed

from lorebase.api.problems import PROBLEM_CONTENT_TYPE, problem_body

from .access import header_user
from .server import USER, server


@csrf_exempt
def mcp_endpoint(request: HttpRequest) -> HttpResponse:
    try:
        user = header_user(request.headers.get("Authorization", ""))
    except AuthenticationFailed as error:
        body = problem_body(
            status=401, code="not_authenticated", detail=str(error.detail), instance=request.path
        )
        refused = JsonResponse(body, status=401, content_type=PROBLEM_CONTENT_TYPE)
        refused["WWW-Authenticate"] = 'Token realm="api"'
        return refused
    scope = _scope(request)
    asker = USER.set(user)
    try:
        status, headers, content = async_to_sync(_serve)(scope, request.body)
    finally:
        USER.reset(asker)
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name.decode("latin-1")] = value.decode("latin-1")
    return response


def _scope(request: HttpRequest) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": request.method,
        "scheme": request.scheme,
        "path": "/",
        "raw_path": b"/",
        "root_path": "",
        "query_string": request.META.get("QUERY_STRING", "").encode("latin-1"),
        "headers": [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in request.headers.items()
        ],
        "server": (request.get_host().rsplit(":", 1)[0], int(request.get_port())),
        "client": (request.META.get("REMOTE_ADDR", ""), 0),
    }


async def _serve(scope: dict[str, Any], body: bytes) -> tuple[int, list, bytes]:
    """One request through a session manager of its own: status, headers, body."""
    # MCPServer has no public accessor for its protocol server; its own
    # streamable_http_app() builds the session manager from this one the same way.
    manager = StreamableHTTPSessionManager(
        app=server._lowlevel_server, json_response=True, stateless=True
    )
    answered = anyio.Event()
    started: dict[str, Any] = {}
    chunks: list[bytes] = []
    sent_body = False

    async def receive() -> dict[str, Any]:
        nonlocal sent_body
        if not sent_body:
            sent_body = True
            return {"type": "http.request", "body": body, "more_body": False}
        await answered.wait()
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            started.update(message)
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                answered.set()

    async with manager.run():
        await manager.handle_request(scope, receive, send)
    return started["status"], list(started.get("headers", [])), b"".join(chunks)
