"""Any OpenAI-compatible chat-completions server: OpenAI, Ollama, vLLM, llama.cpp server."""

from django.conf import settings

from ..context import Context
from ..prompt import ANSWER_SCHEMA, Prompt
from .base import Completion, Provider, ProviderOutputInvalid, parse_answer, post_json


class OpenAIProvider(Provider):
    name = "openai"

    def __init__(self) -> None:
        self.model = settings.LLM_OPENAI_MODEL
        self.url = settings.LLM_OPENAI_BASE_URL.rstrip("/") + "/chat/completions"

    def complete(self, *, context: Context, prompt: Prompt, question: str) -> Completion:
        headers = {}
        if settings.LLM_OPENAI_API_KEY:  # local servers (Ollama, llama.cpp) need none
            headers["Authorization"] = f"Bearer {settings.LLM_OPENAI_API_KEY}"
        reply = post_json(
            provider=self.name,
            url=self.url,
            headers=headers,
            body={
                "model": self.model,
                "messages": [
                    {"role": "system", "content": prompt.system},
                    {"role": "user", "content": prompt.user},
                ],
                "temperature": 0,
                "max_tokens": settings.LLM_MAX_OUTPUT_TOKENS,
                "response_format": {
                    "type": "json_schema",
                    "json_schema": {"name": "answer", "strict": True, "schema": ANSWER_SCHEMA},
                },
            },
        )
        try:
            content = reply["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as error:
            raise ProviderOutputInvalid("openai: the reply has no message content.") from error
        completion = parse_answer(self.name, content)
        usage = reply.get("usage") or {}
        return Completion(
            completion.answer,
            completion.citations,
            completion.knows,
            {
                "prompt_tokens": int(usage.get("prompt_tokens", 0)),
                "completion_tokens": int(usage.get("completion_tokens", 0)),
            },
        )
