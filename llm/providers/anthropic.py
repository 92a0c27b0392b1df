"""Anthropic's Messages API; the structured answer comes back as a forced tool call."""

from django.conf import settings

from ..context import Context
from ..prompt import ANSWER_SCHEMA, Prompt
from .base import Completion, Provider, ProviderOutputInvalid, parse_answer, post_json

API_VERSION = "2023-06-01"
TOOL = "answer_in_role"


class AnthropicProvider(Provider):
    name = "anthropic"

    def __init__(self) -> None:
        self.model = settings.LLM_ANTHROPIC_MODEL
        self.url = settings.LLM_ANTHROPIC_BASE_URL.rstrip("/") + "/v1/messages"

    def complete(self, *, context: Context, prompt: Prompt, question: str) -> Completion:
        reply = post_json(
            provider=self.name,
            url=self.url,
            headers={"x-api-key": settings.LLM_ANTHROPIC_API_KEY, "anthropic-version": API_VERSION},
            body={
                "model": self.model,
                "max_tokens": settings.LLM_MAX_OUTPUT_TOKENS,
                "temperature": settings.LLM_TEMPERATURE,
                "system": prompt.system,
                "messages": [{"role": "user", "content": prompt.user}],
                # A forced tool call is the Messages API's way to get schema-shaped JSON.
                "tools": [
                    {
                        "name": TOOL,
                        "description": "Give the answer in role with its citations.",
                        "input_schema": ANSWER_SCHEMA,
                    }
                ],
                "tool_choice": {"type": "tool", "name": TOOL},
            },
        )
        blocks = reply.get("content") if isinstance(reply, dict) else None
        call = next(
            (
                block
                for block in blocks or []
                if isinstance(block, dict)
                and block.get("type") == "tool_use"
                and block.get("name") == TOOL
            ),
            None,
        )
        if call is None:
            raise ProviderOutputInvalid(f"anthropic: the reply has no {TOOL} tool call.")
        completion = parse_answer(self.name, call.get("input"))
        usage = reply.get("usage") or {}
        return Completion(
            completion.answer,
            completion.citations,
            completion.knows,
            {
                "prompt_tokens": int(usage.get("input_tokens", 0)),
                "completion_tokens": int(usage.get("output_tokens", 0)),
            },
        )
