"""Prometheus metrics of answers in role, per provider (exported on the web's /metrics)."""

from prometheus_client import Counter, Histogram

REQUESTS = Counter(
    "lorebase_llm_calls",
    "Answers asked of a provider, by outcome (ok, cached, unavailable, timeout, invalid).",
    ["provider", "outcome"],
)
TOKENS = Counter(
    "lorebase_llm_tokens", "Tokens the provider reported, by kind.", ["provider", "kind"]
)
LATENCY = Histogram(
    "lorebase_llm_request_seconds",
    "Time of one provider call, retries included (cache hits are not calls).",
    ["provider"],
    buckets=(0.005, 0.05, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 80),
)
CONTEXT_SECONDS = Histogram(
    "lorebase_llm_context_seconds",
    "Time to assemble one answer's context (graph walk, texts, search).",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5),
)
RETRIES = Counter(
    "lorebase_llm_retries",
    "Provider calls retried after a 429, a 5xx or no connection.",
    ["provider"],
)
DROPPED_CITATIONS = Counter(
    "lorebase_llm_dropped_citations",
    "Citations a provider returned that were not in the answer's context.",
    ["provider"],
)
