"""The provider interface, its errors, and the HTTP call the remote providers share."""

import json
import re
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

import jsonschema
from django.conf import settings
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_exponential

from ..context import Context
from ..metrics import RETRIES
from ..prompt import ANSWER_SCHEMA, Prompt

MAX_RETRY_WAIT = 30.0  # seconds; a longer Retry-After is capped, the caller is waiting
FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)


@dataclass(frozen=True)
class Completion:
    answer: str
    citations: list[str]
    knows: bool
    usage: dict[str, int] = field(default_factory=dict)


class ProviderError(Exception):
    """The provider gave no usable answer (502 to the client)."""

    status_code = 502


class ProviderUnavailable(ProviderError):
    """Still 429, 5xx or unreachable after the retries (503)."""

    status_code = 503


class ProviderTimeout(ProviderError):
    """No answer within LLM_TIMEOUT (504). Not retried: the caller has waited already."""

    status_code = 504


class ProviderOutputInvalid(ProviderError):
    """The model's reply is not the JSON object ANSWER_SCHEMA describes (502)."""


class Provider(ABC):
    name: str
    model: str

    @abstractmethod
    def complete(self, *, context: Context, prompt: Prompt, question: str) -> Completion: ...


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _wait(state: RetryCallState) -> float:
    backoff = wait_exponential(multiplier=settings.LLM_RETRY_BACKOFF, max=MAX_RETRY_WAIT)(state)
    error = state.outcome.exception() if state.outcome else None
    return min(max(backoff, getattr(error, "retry_after", 0.0)), MAX_RETRY_WAIT)


def post_json(*, provider: str, url: str, headers: dict[str, str], body: dict) -> dict:
    """POST JSON and return the JSON reply, retrying 429, 5xx and refused connections."""
    retrying = Retrying(
        retry=retry_if_exception_type(_Retryable),
        stop=stop_after_attempt(settings.LLM_RETRY_ATTEMPTS),
        wait=_wait,
        before_sleep=lambda state: RETRIES.labels(provider).inc(),
        reraise=True,
    )
    try:
        return retrying(_post_once, provider, url, headers, body)
    except _Retryable as error:
        raise ProviderUnavailable(f"{provider}: {error}") from error


def _post_once(provider: str, url: str, headers: dict[str, str], body: dict) -> dict:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.LLM_TIMEOUT) as response:
            raw = response.read()
    except urllib.error.HTTPError as error:
        if error.code == 429 or error.code >= 500:
            raise _Retryable(f"HTTP {error.code}", _retry_after(error)) from error
        raise ProviderError(f"{provider} refused the request: HTTP {error.code}.") from error
    except TimeoutError as error:
        raise ProviderTimeout(
            f"{provider} did not answer within {settings.LLM_TIMEOUT:g} s."
        ) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise ProviderTimeout(
                f"{provider} did not answer within {settings.LLM_TIMEOUT:g} s."
            ) from error
        raise _Retryable(f"cannot connect ({error.reason})") from error
    try:
        return json.loads(raw)
    except ValueError as error:
        raise ProviderOutputInvalid(f"{provider} did not reply with JSON.") from error


def _retry_after(error: urllib.error.HTTPError) -> float:
    try:
        return float(error.headers.get("Retry-After", 0))
    except (TypeError, ValueError):  # an HTTP date: fall back to the backoff
        return 0.0


def parse_answer(provider: str, value: object) -> Completion:
    """The model's structured answer, validated against ANSWER_SCHEMA."""
    if isinstance(value, str):
        text = value.strip()
        fenced = FENCE.match(text)  # some local models wrap JSON in a code fence
        try:
            value = json.loads(fenced.group(1) if fenced else text)
        except ValueError as error:
            raise ProviderOutputInvalid(f"{provider}: the answer is not JSON.") from error
    try:
        jsonschema.validate(value, ANSWER_SCHEMA)
    except jsonschema.ValidationError as error:
        raise ProviderOutputInvalid(
            f"{provider}: the answer does not match the schema ({error.message})."
        ) from error
    return Completion(value["answer"], list(value["citations"]), value["knows"])
