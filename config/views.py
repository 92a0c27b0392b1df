"""Health endpoints for load balancers and operators (no authentication, no data),
and the API's answer for a URL no route matches."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET
from django.views.defaults import page_not_found

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


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """JSON under /api/ (a malformed id in a path matches no route), the HTML page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return page_not_found(request, exception)
