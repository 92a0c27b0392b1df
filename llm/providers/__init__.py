"""Providers by name; which ones this server may use follows from its settings."""

from django.conf import settings

from .anthropic import AnthropicProvider
from .base import Provider
from .extractive import ExtractiveProvider
from .openai import OpenAIProvider

PROVIDERS: dict[str, type[Provider]] = {
    "extractive": ExtractiveProvider,
    "openai": OpenAIProvider,
    "anthropic": AnthropicProvider,
}


class ProviderNotConfigured(Exception):
    pass


def missing_setting(name: str) -> str | None:
    """The setting a provider still needs, or None when it can be used."""
    if name == "openai" and not (settings.LLM_OPENAI_BASE_URL and settings.LLM_OPENAI_MODEL):
        return "LLM_OPENAI_BASE_URL"
    if name == "anthropic" and not settings.LLM_ANTHROPIC_API_KEY:
        return "LLM_ANTHROPIC_API_KEY"
    return None


def get_provider(name: str | None = None) -> Provider:
    name = name or settings.LLM_PROVIDER
    if name not in PROVIDERS:
        raise ProviderNotConfigured(f"Unknown provider “{name}”; one of {', '.join(PROVIDERS)}.")
    missing = missing_setting(name)
    if missing:
        raise ProviderNotConfigured(f"“{name}” is not configured on this server ({missing}).")
    return PROVIDERS[name]()
