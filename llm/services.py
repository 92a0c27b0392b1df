"""Answer a question in a character's role: context, prompt, cache, provider, citations."""

import hashlib
import json
import time

from django.conf import settings
from django.core.cache import caches

from lorebase.models import Character

from .citations import checked_citations
from .context import Context, build_context
from .metrics import CONTEXT_SECONDS, LATENCY, REQUESTS, TOKENS
from .prompt import Prompt, build_prompt
from .providers import get_provider
from .providers.base import (
    Completion,
    Provider,
    ProviderError,
    ProviderOutputInvalid,
    ProviderTimeout,
    ProviderUnavailable,
)

CACHE = "llm"
OUTCOMES = {
    ProviderTimeout: "timeout",
    ProviderUnavailable: "unavailable",
    ProviderOutputInvalid: "invalid",
}


def cache_key(provider: str, model: str, prompt: dict) -> str:
    """Same provider, model and prompt: the same answer (temperature 0), so one call."""
    payload = json.dumps([provider, model, prompt], ensure_ascii=False, sort_keys=True)
    return "llm-answer:" + hashlib.sha256(payload.encode()).hexdigest()


def answer_question(
    *,
    character: Character,
    question: str,
    as_of_chapter: int | None = None,
    provider_name: str | None = None,
) -> dict:
    provider = get_provider(provider_name)
    started = time.perf_counter()
    context = build_context(character=character, question=question, as_of=as_of_chapter)
    CONTEXT_SECONDS.observe(time.perf_counter() - started)
    prompt = build_prompt(context, question)
    key = cache_key(provider.name, provider.model, prompt.as_dict())
    cache = caches[CACHE]
    stored = cache.get(key)
    if stored is not None:
        REQUESTS.labels(provider.name, "cached").inc()
        completion, cached = Completion(**stored), True
    else:
        completion, cached = _call(provider, context, prompt, question), False
        cache.set(key, completion.__dict__, settings.LLM_CACHE_SECONDS)
    citations = checked_citations(context, completion.citations, provider.name)
    return {
        "answer": completion.answer,
        "knows": completion.knows,
        "character": {"id": str(character.public_id), "name": character.name},
        "as_of_chapter": context.as_of,
        "provider": provider.name,
        "model": provider.model,
        "citations": citations,
        "knowledge_items": [item.as_dict() for item in context.items],
        "context": {"nodes": context.nodes, "edges": context.edges, "tokens": context.tokens},
        "usage": completion.usage,
        "cached": cached,
    }


def _call(provider: Provider, context: Context, prompt: Prompt, question: str) -> Completion:
    started = time.perf_counter()
    try:
        completion = provider.complete(context=context, prompt=prompt, question=question)
    except ProviderError as error:
        outcome = OUTCOMES.get(type(error), "error")
        REQUESTS.labels(provider.name, outcome).inc()
        raise
    finally:
        LATENCY.labels(provider.name).observe(time.perf_counter() - started)
    REQUESTS.labels(provider.name, "ok").inc()
    for kind, count in completion.usage.items():
        TOKENS.labels(provider.name, kind.removesuffix("_tokens")).inc(count)
    return completion
