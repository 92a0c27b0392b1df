"""Health endpoints for load balancers and operators (no authentication, no data),
and the API's answer for a URL no route matches."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET
from django.views.defaults import page_not_found
from django.views.defaults import server_error as html_server_error

from lorebase.api.problems import PROBLEM_CONTENT_TYPE, problem_body

from .health import readiness


@require_GET
def live(request: HttpRequest) -> JsonResponse:
    """The process answers; says nothing about its dependencies."""
    return JsonResponse({"status": "ok"})


@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    """PostgreSQL, RabbitMQ and the graph, each with its latency; 503 when one is down."""
    ok, checks = readiness()
    down = sorted(name for name, check in checks.items() if not check["ok"])
    body = {"status": "ok" if ok else "unavailable", "down": down, "checks": checks}
    return JsonResponse(body, status=200 if ok else 503)


def problem(request: HttpRequest, *, status: int, code: str, detail: str) -> JsonResponse:
    """A problem (RFC 9457) answered outside DRF: no route, a refused body, a crash."""
    body = problem_body(status=status, code=code, detail=detail, instance=request.path)
    return JsonResponse(body, status=status, content_type=PROBLEM_CONTENT_TYPE)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A problem under /api/ (a malformed id in a path matches no route), the HTML page
    elsewhere."""
    if request.path.startswith("/api/"):
        return problem(request, status=404, code="not_found", detail="Not found.")
    return page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """A problem under /api/ (the traceback is in the log, never in the answer)."""
    if request.path.startswith("/api/"):
        return problem(
            request, status=500, code="server_error", detail="Something went wrong on our side."
        )
    return html_server_error(request)
