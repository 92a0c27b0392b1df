"""A 404 under /api/ is a problem (RFC 9457), never an HTML page.

With DEBUG on (`make run`), Django answers a URL no route matches with its technical
404 page and ignores handler404 (config.views.not_found): the fuzzer saw HTML.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .views import problem


class ApiNotFoundMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 404
            and request.path.startswith("/api/")
            and "json" not in response.get("Content-Type", "")
        ):
            return problem(request, status=404, code="not_found", detail="Not found.")
        return response
