"""Any OpenAI-compatible chat-completions server: OpenAI, Ollama, vLLM, llama.cpp server."""

from django.conf import settings

from ..context import Context
from ..prompt import ANSWER_SCHEMA, Prompt
from .base import Completion, Provider, ProviderOutputInvalid, parse_answer, post_json


def is_reasoning_model(model: str) -> bool:
    """A reasoning model (o1, o3, o4, gpt-5 …, LLM_OPENAI_REASONING_MODELS), also behind a
    router's vendor prefix (`openai/o3-mini`)."""
    name = model.rsplit("/", 1)[-1].lower()
    return any(
        name == family or name.startswith(f"{family}-")
        for family in settings.LLM_OPENAI_REASONING_MODELS
    )


def sampling(model: str) -> dict[str, object]:
    """The output limit and sampling by model family: reasoning models refuse
    `max_tokens` (replaced by `max_completion_tokens`) and any `temperature` but 1."""
    if is_reasoning_model(model):
        return {"max_completion_tokens": settings.LLM_REASONING_MAX_OUTPUT_TOKENS}
    return {"temperature": settings.LLM_TEMPERATURE, "max_tokens": settings.LLM_MAX_OUTPUT_TOKENS}


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
                **sampling(self.model),
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
