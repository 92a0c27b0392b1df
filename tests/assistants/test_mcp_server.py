"""The MCP server driven by the SDK's own client, over stdio and over Streamable HTTP."""

import json
import uuid
from collections.abc import Awaitable, Callable

import anyio
import pytest
from mcp import MCPError
from rest_framework.test import APIClient

from tests.llm.conftest import answers_url
from tests.llm.fake_llm import FakeLLM, lore_ids

from .conftest import Session, Story, data_of, http_session, stdio_session, text_of

TOOLS = {
    "search",
    "get_entity",
    "neighbourhood",
    "meetings",
    "shortest_connection",
    "character_timeline",
    "answer_in_role",
    "consistency_report",
    "character_card",
}


def run(body: Callable[[], Awaitable[None]]) -> None:
    anyio.run(body)


@pytest.fixture(params=["stdio", "http"])
def connect(request, story: Story, fake_llm: FakeLLM) -> Session:
    """Opens a session as the user of a token, over the transport of the parameter."""
    if request.param == "http":
        url = request.getfixturevalue("live_server").url
        return lambda token: http_session(url, token)
    llm = {  # as tests/llm's fake_llm fixture points the settings at the local model server
        "LLM_OPENAI_BASE_URL": f"{fake_llm.url}/v1",
        "LLM_OPENAI_API_KEY": "local-test-key",
        "LLM_OPENAI_MODEL": "local-chat",
        "LLM_RETRY_BACKOFF": "0.01",
    }
    return lambda token: stdio_session(story, token, llm)


def calls(story: Story, as_of: int | str) -> dict[str, dict]:
    """One call of each tool, at `as_of`."""
    i = story.ids
    args = {
        "search": {"q": "Wren"},
        "get_entity": {"entity_id": i["Tobias Wren"]},
        "neighbourhood": {"entity_id": i["Anya Wren"], "depth": 2},
        "meetings": {"a": i["Anya Wren"], "b": i["Tobias Wren"]},
        "shortest_connection": {"a": i["Kay"], "b": i["Мира Холлис"]},
        "character_timeline": {"character_id": i["Anya Wren"]},
        "answer_in_role": {
            "character_id": i["Anya Wren"],
            "question": "Who is your enemy?",
            "provider": "openai",
        },
        "consistency_report": {},
        "character_card": {"character_id": i["Anya Wren"]},
    }
    world = {"world_id": str(story.world.public_id), "as_of_chapter": as_of}
    return {name: world | each for name, each in args.items()}


def test_lists_its_tools_each_requiring_as_of_chapter(connect: Session, story: Story):
    async def body() -> None:
        async with connect(story.reader) as session:
            tools = (await session.list_tools()).tools
            assert {tool.name for tool in tools} == TOOLS
            for tool in tools:
                assert "as_of_chapter" in tool.input_schema["required"], tool.name
                choices = tool.input_schema["properties"]["as_of_chapter"]["anyOf"]
                assert {"type": "integer", "minimum": 1} in choices
                assert {"const": "whole_story", "type": "string"} in choices
            prompts = (await session.list_prompts()).prompts
            assert [p.name for p in prompts] == ["answer_in_role_prompt"]
            listed = (await session.read_resource("lorebase://worlds")).contents
            assert [w["name"] for w in json.loads(listed[0].text)] == ["Harbor of Wrens 2"]

    run(body)


def test_at_chapter_2_no_tool_says_anything_of_chapter_3(
    connect: Session, story: Story, fake_llm: FakeLLM
):
    outputs: dict[str, str] = {}

    async def body() -> None:
        async with connect(story.reader) as session:
            for name, arguments in calls(story, 2).items():
                outputs[name] = text_of(await session.call_tool(name, arguments))
            world = f"lorebase://worlds/{story.world.public_id}"
            for uri in (
                f"{world}/as-of/2/entities",
                f"{world}/as-of/2/entities/{story.ids['Kay']}",
            ):
                outputs[uri] = (await session.read_resource(uri)).contents[0].text
            prompt = await session.get_prompt(
                "answer_in_role_prompt",
                {
                    "world_id": str(story.world.public_id),
                    "character_id": story.ids["Anya Wren"],
                    "question": "Who is your enemy?",
                    "as_of_chapter": "2",
                },
            )
            outputs["prompt"] = prompt.messages[0].content.text

    run(body)
    for name, output in outputs.items():
        leaks = [secret for secret in story.later if secret in output]
        assert leaks == [], f"{name} at chapter 2 tells of {leaks}: {output[:2000]}"
    # …and each said something true of chapters 1–2.
    assert "Vigil at the Old Lighthouse" in outputs["meetings"]
    assert "Lanterns at Pier Nine" in outputs["character_timeline"]
    assert "Tobias Wren" in outputs["get_entity"] and "status" not in json.loads(
        outputs["get_entity"]
    )
    assert story.ids["Мира Холлис"] in outputs["neighbourhood"]
    assert json.loads(outputs["shortest_connection"])["found"] is True
    assert json.loads(outputs["answer_in_role"])["answer"] == "I know this."
    assert "Kay" in outputs[f"lorebase://worlds/{story.world.public_id}/as-of/2/entities"]
    assert "lorebase://" not in outputs["prompt"] and "<lore>" in outputs["prompt"]
    assert (
        outputs["character_card"].startswith("Error")
        and "as_of_chapter" in outputs["character_card"]
    )
    asked = [seen.body for seen in fake_llm.seen]
    assert asked and all(lore_ids(body) for body in asked)
    assert not [
        s for s in story.later for body in asked if s in json.dumps(body, ensure_ascii=False)
    ]


def test_the_whole_story_is_there_when_asked_for_by_name(connect: Session, story: Story):
    outputs: dict[str, dict] = {}

    async def body() -> None:
        async with connect(story.reader) as session:
            for name, arguments in calls(story, "whole_story").items():
                outputs[name] = data_of(await session.call_tool(name, arguments))

    run(body)
    assert [s["title"] for s in outputs["character_timeline"]["scenes"]][-1] == (
        "The Drowned Archive"
    )
    assert outputs["get_entity"]["death_cause"] == "drowned"
    assert outputs["get_entity"]["killed_by"] == story.ids["Kay Marr"]
    assert story.ids["Kay Marr"] in json.dumps(outputs["neighbourhood"])
    assert "The Drowned Archive" in json.dumps(outputs["character_card"], ensure_ascii=False)
    assert outputs["character_card"]["spec"] == "chara_card_v2"


def test_a_missing_as_of_chapter_is_refused_by_name(connect: Session, story: Story):
    refused: dict[str, str] = {}

    async def body() -> None:
        async with connect(story.reader) as session:
            for name, arguments in calls(story, 1).items():
                del arguments["as_of_chapter"]
                result = await session.call_tool(name, arguments)
                assert result.is_error, name
                refused[name] = text_of(result)

    run(body)
    for name, message in refused.items():
        assert "as_of_chapter" in message and "Field required" in message, (name, message)


def test_a_stranger_sees_no_world(connect: Session, story: Story):
    async def body() -> None:
        async with connect(story.stranger) as session:
            listed = (await session.read_resource("lorebase://worlds")).contents
            assert json.loads(listed[0].text) == []
            for name, arguments in calls(story, 2).items():
                result = await session.call_tool(name, arguments)
                assert result.is_error, name
                assert text_of(result).endswith("world_id: No such world."), name
            world = f"lorebase://worlds/{story.world.public_id}"
            for uri in (world, f"{world}/as-of/2/entities"):
                with pytest.raises(MCPError, match=r"world_id: No such world\."):
                    await session.read_resource(uri)
            with pytest.raises(MCPError, match=r"world_id: 'Harbor' is not an id\."):
                await session.read_resource("lorebase://worlds/Harbor")

    run(body)


def test_a_bad_argument_is_a_tool_error_naming_it_and_the_server_keeps_serving(
    connect: Session, story: Story
):
    world = str(story.world.public_id)
    bad = [
        ("search", {"q": "Wren", "as_of_chapter": 9}, "as_of_chapter: This world has no chapter 9"),
        ("search", {"q": "Wren", "as_of_chapter": 0}, "as_of_chapter"),
        ("search", {"q": "Wren", "as_of_chapter": "chapter three"}, "as_of_chapter"),
        ("search", {"q": "Wren", "as_of_chapter": 2, "limit": 10_000}, "limit: "),
        ("neighbourhood", {"entity_id": str(uuid.uuid4()), "as_of_chapter": 2}, "entity_id: No "),
        (
            "neighbourhood",
            {"entity_id": story.ids["Kay"], "depth": 7, "as_of_chapter": 2},
            "depth: ",
        ),
        (
            "meetings",
            {"a": story.ids["Kay"], "b": story.ids["Pier Nine"], "as_of_chapter": 1},
            "b: No character with this id",
        ),
        (
            "get_entity",
            {"entity_id": story.ids["Kay Marr"], "as_of_chapter": 2},
            "entity_id: Not known yet as of chapter 2.",
        ),
        ("get_entity", {"entity_id": "Kay Marr", "as_of_chapter": 2}, "entity_id"),
        (
            "neighbourhood",
            {"entity_id": story.ids["Архив Утопленников"], "as_of_chapter": 2},
            "entity_id: Not known yet as of chapter 2.",
        ),
        (
            "meetings",
            {"a": story.ids["Kay"], "b": story.ids["Kay Marr"], "as_of_chapter": 1},
            "b: Not known yet as of chapter 1.",
        ),
        (
            "character_timeline",
            {"character_id": story.ids["Agent 47"], "as_of_chapter": 2},
            "character_id: Not known yet as of chapter 2.",
        ),
        (
            "answer_in_role",
            {"character_id": story.ids["Kay Marr"], "question": "Who are you?", "as_of_chapter": 2},
            "character_id: Not known yet as of chapter 2.",
        ),
        (
            "character_timeline",
            {"character_id": story.ids["Pier Nine"], "as_of_chapter": 1},
            "character_id: No character with this id in this world.",
        ),
        (
            "answer_in_role",
            {"character_id": story.ids["Kay"], "question": "   ", "as_of_chapter": 1},
            "question: ",
        ),
        (
            "answer_in_role",
            {"character_id": story.ids["Pier Nine"], "question": "Who?", "as_of_chapter": 1},
            "character_id: No character with this id",
        ),
        ("consistency_report", {"rule": "no-such-rule", "as_of_chapter": 1}, "rule: "),
        ("consistency_report", {"limit": 500, "as_of_chapter": 1}, "limit"),
        (
            "character_card",
            {"character_id": story.ids["Kay"], "as_of_chapter": 2},
            "as_of_chapter: The character card",
        ),
    ]

    async def body() -> None:
        async with connect(story.reader) as session:
            for name, arguments, named in bad:
                result = await session.call_tool(name, {"world_id": world, **arguments})
                assert result.is_error and named in text_of(result), (name, text_of(result))
            still = await session.call_tool(
                "search", {"world_id": world, "q": "Kay", "as_of_chapter": 1}
            )
            assert data_of(still)["as_of_chapter"] == 1

    run(body)


def test_answers_in_role_share_the_rest_api_rate_limit(story: Story, live_server, settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "llm-answer": "2/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    rest = APIClient()
    rest.credentials(HTTP_AUTHORIZATION=f"Token {story.reader}")
    body = {"character": story.ids["Kay"], "question": "Who met you at Pier Nine?"}
    assert rest.post(answers_url(story.world), body, format="json").status_code == 200
    ask = calls(story, 1)["answer_in_role"] | {"character_id": story.ids["Kay"], "provider": None}
    answers: list = []

    async def asking() -> None:
        async with http_session(live_server.url, story.reader) as session:
            answers.extend([await session.call_tool("answer_in_role", ask) for _ in range(2)])

    run(asking)
    assert data_of(answers[0])["character"]["name"] == "Kay"
    assert answers[1].is_error and "throttled" in text_of(answers[1]), text_of(answers[1])
