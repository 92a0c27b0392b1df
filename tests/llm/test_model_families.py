"""Provider parameters by model family, against the local fake server (issue 22:
reasoning models refuse `max_tokens` and `temperature`; the default Claude was retired)."""

import json

import pytest

from config.settings import base
from llm.prompt import Prompt
from llm.providers.anthropic import AnthropicProvider
from llm.providers.openai import OpenAIProvider

from .fake_llm import FakeLLM

PROMPT = Prompt(system="Stay in role.", user='<lore>\n{"id": "c1"}\n</lore>\nWho?')


def sent(provider, fake_llm: FakeLLM) -> dict:
    provider.complete(context=None, prompt=PROMPT, question="Who?")
    [seen] = fake_llm.seen
    return seen.body


@pytest.mark.parametrize(
    "model", ["o1", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini", "openai/o3", "GPT-5-nano"]
)
def test_a_reasoning_model_gets_max_completion_tokens_and_no_temperature(fake_llm, settings, model):
    settings.LLM_OPENAI_MODEL = model
    settings.LLM_REASONING_MAX_OUTPUT_TOKENS = 1234
    body = sent(OpenAIProvider(), fake_llm)
    assert body["max_completion_tokens"] == 1234
    assert "max_tokens" not in body and "temperature" not in body


@pytest.mark.parametrize("model", ["gpt-4o-mini", "gpt-4.1", "llama3.1", "o1x", "local-chat"])
def test_a_chat_model_gets_max_tokens_and_the_temperature(fake_llm, settings, model):
    settings.LLM_OPENAI_MODEL = model
    settings.LLM_MAX_OUTPUT_TOKENS = 321
    settings.LLM_TEMPERATURE = 0.2
    body = sent(OpenAIProvider(), fake_llm)
    assert (body["max_tokens"], body["temperature"]) == (321, 0.2)
    assert "max_completion_tokens" not in body


def test_the_reasoning_families_are_settable(fake_llm, settings):
    settings.LLM_OPENAI_REASONING_MODELS = ["deepseek-r1"]
    settings.LLM_OPENAI_MODEL = "deepseek-r1-distill"
    assert "max_completion_tokens" in sent(OpenAIProvider(), fake_llm)


def test_anthropic_gets_max_tokens_and_the_temperature(fake_llm, settings):
    settings.LLM_TEMPERATURE = 0.3
    body = sent(AnthropicProvider(), fake_llm)
    assert body["model"] == "local-claude" and body["temperature"] == 0.3
    assert body["max_tokens"] == settings.LLM_MAX_OUTPUT_TOKENS


def test_the_default_models_are_current():
    assert base.LLM_ANTHROPIC_MODEL == "claude-haiku-4-5"  # claude-3-5-haiku-latest: 404
    assert json.dumps(base.LLM_OPENAI_REASONING_MODELS) == '["o1", "o3", "o4", "gpt-5"]'
