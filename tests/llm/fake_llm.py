"""A local HTTP server speaking the OpenAI chat-completions and Anthropic Messages wire formats.

Each request takes the next scripted reply (status, JSON body or raw bytes,
headers, delay); with the script empty it answers like an obliging model:
valid structured output citing the first lore line of the prompt. Every
request is recorded (path, headers, JSON body) for the tests to inspect.
"""

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    answer: dict | None = None  # the structured answer, wrapped in the provider's envelope
    raw: bytes | None = None  # sent as is instead (a broken reply)
    envelope: dict | None = None  # the whole JSON body instead (a reply of the wrong shape)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    body: dict


def lore_ids(body: dict) -> list[str]:
    """The ids of the lore lines in a request, in order (system prompt or user message)."""
    if "messages" not in body:
        return []
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    lore = user.split("<lore>\n", 1)[1].split("\n</lore>", 1)[0]
    return [json.loads(line)["id"] for line in lore.splitlines() if line]


def openai_envelope(answer: dict, model: str) -> dict:
    return {
        "id": "chatcmpl-local",
        "object": "chat.completion",
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": json.dumps(answer)},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 321, "completion_tokens": 45, "total_tokens": 366},
    }


def anthropic_envelope(answer: dict, model: str) -> dict:
    return {
        "id": "msg_local",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": [
            {"type": "tool_use", "id": "toolu_local", "name": "answer_in_role", "input": answer}
        ],
        "stop_reason": "tool_use",
        "usage": {"input_tokens": 321, "output_tokens": 45},
    }


class FakeLLM:
    def __init__(self) -> None:
        self.script: deque[Reply] = deque()
        self.seen: list[Seen] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeLLM":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def then(self, *replies: Reply) -> "FakeLLM":
        self.script.extend(replies)
        return self

    def _respond(self, path: str, body: dict) -> tuple[int, bytes, dict[str, str], float]:
        reply = self.script.popleft() if self.script else Reply()
        if reply.raw is not None:
            return reply.status, reply.raw, reply.headers, reply.delay
        if reply.envelope is not None:
            envelope = reply.envelope
        elif reply.status != 200:
            envelope = {"error": {"type": "rate_limit_or_server", "message": "try later"}}
        else:
            ids = lore_ids(body)
            answer = reply.answer or {"answer": "I know this.", "citations": ids[:1], "knows": True}
            wrap = anthropic_envelope if path.endswith("/messages") else openai_envelope
            envelope = wrap(answer, body.get("model", ""))
        return reply.status, json.dumps(envelope).encode(), reply.headers, reply.delay

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                headers = {name.lower(): value for name, value in self.headers.items()}
                fake.seen.append(Seen(self.path, headers, body))
                status, payload, headers, delay = fake._respond(self.path, body)
                time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

            def log_message(self, *args: object) -> None:
                pass

        return Handler
