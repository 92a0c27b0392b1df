"""Refuse request bodies over DATA_UPLOAD_MAX_MEMORY_SIZE before anything reads them.

Django checks the limit only when `request.body` or a form is read; DRF's JSON
parser reads the stream directly and would accept any size. Checking the
declared Content-Length here covers every parser and answers 413 as a problem (RFC 9457).
A batch write (`…/batch/`) may send up to BATCH_MAX_BODY_BYTES instead, an image
upload (the API's `…/images/`, the admin's image forms) IMAGE_MAX_UPLOAD_BYTES plus
room for the form's other fields.
"""

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .views import problem

BATCH_PATH = re.compile(r"^/api/v1/worlds/[0-9a-f-]{36}/batch/$")
IMAGE_PATH = re.compile(
    r"^(/api/v1/worlds/[0-9a-f-]{36}/images/"
    r"|/admin/lorebase/(character|location|scene|concept)/\d+/images/)$"
)
FORM_ROOM = 64 * 1024


class BodySizeLimitMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if BATCH_PATH.match(request.path):
            limit = settings.BATCH_MAX_BODY_BYTES
        elif IMAGE_PATH.match(request.path):
            limit = settings.IMAGE_MAX_UPLOAD_BYTES + FORM_ROOM
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
