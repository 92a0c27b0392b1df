"""Health endpoints for load balancers and operators (no authentication, no data)."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

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
