"""A request id, carried from the HTTP request into its logs and the Celery tasks it causes.

The web process takes `X-Request-ID` from the client (or makes one), logs it on
every line, returns it in the response, and stamps it on every task published
while serving the request; the worker adopts it for the task's log lines.
"""

import contextvars
import logging
import re
import uuid

from celery.signals import before_task_publish, task_postrun, task_prerun
from django.http import HttpRequest, HttpResponse

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
HEADER = "X-Request-ID"
_SAFE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def _accepted(value: str | None) -> str | None:
    """A client's id is kept only if it is short and plain (it ends up in every log line)."""
    return value if value and _SAFE.match(value) else None


class RequestIdMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = _accepted(request.headers.get(HEADER)) or uuid.uuid4().hex
        request.request_id = request_id
        token = REQUEST_ID.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            REQUEST_ID.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every log record (for the JSON and plain formatters)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


@before_task_publish.connect
def _stamp_task(headers: dict | None = None, **_: object) -> None:
    if headers is not None and REQUEST_ID.get() != "-":
        headers.setdefault("request_id", REQUEST_ID.get())


@task_prerun.connect
def _adopt_request_id(task=None, **_: object) -> None:
    REQUEST_ID.set(getattr(task.request, "request_id", None) or "-")


@task_postrun.connect
def _forget_request_id(**_: object) -> None:
    REQUEST_ID.set("-")
