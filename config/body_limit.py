"""Refuse request bodies over DATA_UPLOAD_MAX_MEMORY_SIZE before anything reads them.

Django checks the limit only when `request.body` or a form is read; DRF's JSON
parser reads the stream directly and would accept any size. Checking the
declared Content-Length here covers every parser and answers 413 as a problem (RFC 9457).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .views import problem


class BodySizeLimitMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return problem(
                request, status=400, code="parse_error", detail="Content-Length is not a number."
            )
        if limit is not None and length > limit:
            return problem(
                request,
                status=413,
                code="request_too_large",
                detail=f"The request body is larger than {limit} bytes.",
            )
        return self.get_response(request)
