"""The Lorebase MCP server: read-only tools, resources and a prompt, for one user.

Every tool requires `as_of_chapter` (cut.AsOfChapter). Each call runs the
synchronous code of assistants.tools in Django's thread for database work
(sync_to_async) as the user in USER, which the transport sets: the stdio command
from its --token, the HTTP view per request from the Authorization header.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Annotated, Any
from uuid import UUID

from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.db import close_old_connections
from mcp import MCPError
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import INVALID_PARAMS, ToolAnnotations
from pydantic import Field
from rest_framework.exceptions import APIException, NotFound, ValidationError

from graph.reads import GraphTimeout, GraphUnavailable
from llm.context import build_context
from llm.prompt import build_prompt
from llm.providers.base import ProviderError
from lorebase.api.pagination import PageNumberPagination
from lorebase.api.problems import field_errors
from lorebase.models import Chapter

from . import tools
from .cut import WHOLE_STORY, AsOfChapter

USER: ContextVar[User] = ContextVar("lorebase_mcp_user")
READ_ONLY = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)

WorldId = Annotated[UUID, Field(description="Public id of the world (see lorebase://worlds).")]
CharacterId = Annotated[UUID, Field(description="Public id of a character of the world.")]
EntityId = Annotated[UUID, Field(description="Public id of an entity of the world.")]
Limit = Annotated[int | None, Field(ge=1, description="At most this many results.")]
Kinds = Annotated[
    list[str] | None,
    Field(description="Relationship types to walk along (default: all but IN_CHAPTER, NEXT)."),
]

server = MCPServer(
    name="lorebase",
    title="Lorebase",
    instructions="Lore of visual-novel worlds, spoiler-safe: every tool needs `as_of_chapter`, "
    "the chapter the reader has reached; nothing later is ever answered. Start from the "
    "lorebase://worlds resource, then search a world for the ids the other tools take.",
)


def described(error: APIException) -> str:
    """A DRF error as one line naming each field: `as_of_chapter: This world has no …`."""
    if not isinstance(error, ValidationError):
        return str(error.detail)
    return "; ".join(f"{e['field']}: {e['detail']}" for e in field_errors(error.detail))


def _framed(fn: Callable[..., Any], **arguments: Any) -> Any:
    """One call framed as Django frames a request (and Celery a task): a connection that
    died or aged since the last call is replaced, as a long stdio session needs."""
    close_old_connections()
    try:
        return fn(**arguments)
    finally:
        close_old_connections()


async def call(fn: Callable[..., Any], **arguments: Any) -> Any:
    """Run a tools function as the transport's user; what it refuses becomes a tool error."""
    try:
        return await sync_to_async(_framed)(fn, user=USER.get(), **arguments)
    except NotFound as error:  # the only thing the tools look up unvalidated: the world
        raise ToolError(f"world_id: {error.detail}") from error
    except APIException as error:
        raise ToolError(described(error)) from error
    except (GraphTimeout, GraphUnavailable) as error:
        raise ToolError(f"{error} Try again, or ask for less.") from error
    except ProviderError as error:
        raise ToolError(f"The language model gave no usable answer: {error}") from error


def _ids(**values: UUID | None) -> dict[str, str | None]:
    return {name: None if value is None else str(value) for name, value in values.items()}


@server.tool(annotations=READ_ONLY)
async def search(
    world_id: WorldId,
    q: Annotated[str, Field(description="A question or words: “where did Anya and Kay meet”.")],
    as_of_chapter: AsOfChapter,
    types: Annotated[list[str] | None, Field(description="Result types to keep.")] = None,
    limit: Limit = None,
) -> dict:
    """Search a world: full text, names with typos, and graph questions (who met whom,
    who killed whom, how two are connected), with why each result matched."""
    return await call(
        tools.search,
        **_ids(world_id=world_id),
        q=q,
        as_of_chapter=as_of_chapter,
        types=types,
        limit=limit,
    )


@server.tool(annotations=READ_ONLY)
async def get_entity(world_id: WorldId, entity_id: EntityId, as_of_chapter: AsOfChapter) -> dict:
    """A character, location, concept or scene, as known at the chapter."""
    return await call(
        tools.entity, **_ids(world_id=world_id, entity_id=entity_id), as_of_chapter=as_of_chapter
    )


@server.tool(annotations=READ_ONLY)
async def neighbourhood(
    world_id: WorldId,
    entity_id: EntityId,
    as_of_chapter: AsOfChapter,
    depth: Annotated[int | None, Field(description="Steps from the entity, 1–3.")] = None,
    kinds: Kinds = None,
    limit: Limit = None,
) -> dict:
    """Everything within `depth` steps of an entity in the graph."""
    return await call(
        tools.neighbourhood,
        **_ids(world_id=world_id, entity_id=entity_id),
        as_of_chapter=as_of_chapter,
        depth=depth,
        kinds=kinds,
        limit=limit,
    )


@server.tool(annotations=READ_ONLY)
async def meetings(
    world_id: WorldId,
    a: CharacterId,
    b: CharacterId,
    as_of_chapter: AsOfChapter,
    limit: Limit = None,
) -> dict:
    """The scenes where two characters meet, in story order."""
    return await call(
        tools.meetings,
        **_ids(world_id=world_id, a=a, b=b),
        as_of_chapter=as_of_chapter,
        limit=limit,
    )


@server.tool(annotations=READ_ONLY)
async def shortest_connection(
    world_id: WorldId,
    a: EntityId,
    b: EntityId,
    as_of_chapter: AsOfChapter,
    max_hops: Annotated[int | None, Field(description="Longest connection to look for.")] = None,
    kinds: Kinds = None,
) -> dict:
    """The shortest connection between two entities through scenes, places and relations."""
    return await call(
        tools.shortest_connection,
        **_ids(world_id=world_id, a=a, b=b),
        as_of_chapter=as_of_chapter,
        max_hops=max_hops,
        kinds=kinds,
    )


@server.tool(annotations=READ_ONLY)
async def character_timeline(
    world_id: WorldId, character_id: CharacterId, as_of_chapter: AsOfChapter
) -> dict:
    """A character's scenes (where, with whom) and the deaths they know of, in story order."""
    return await call(
        tools.character_timeline,
        **_ids(world_id=world_id, character_id=character_id),
        as_of_chapter=as_of_chapter,
    )


@server.tool(annotations=READ_ONLY)
async def answer_in_role(
    world_id: WorldId,
    character_id: CharacterId,
    question: Annotated[str, Field(description="What to ask the character.")],
    as_of_chapter: AsOfChapter,
    provider: Annotated[str | None, Field(description="Who writes the answer.")] = None,
) -> dict:
    """The character answers from what they could know at the chapter, citing the lore."""
    return await call(
        tools.answer_in_role,
        **_ids(world_id=world_id, character_id=character_id),
        question=question,
        as_of_chapter=as_of_chapter,
        provider=provider,
    )


@server.tool(annotations=READ_ONLY)
async def consistency_report(
    world_id: WorldId,
    as_of_chapter: AsOfChapter,
    rule: Annotated[str | None, Field(description="Run only this rule.")] = None,
    limit: Annotated[
        int | None,
        Field(ge=1, le=PageNumberPagination.max_page_size, description="At most this many."),
    ] = None,
) -> dict:
    """Contradictions and gaps in the lore (dead characters in later scenes, relations that
    end before they start, names so alike they may be one entity)."""
    return await call(
        tools.consistency_report,
        **_ids(world_id=world_id),
        as_of_chapter=as_of_chapter,
        rule=rule,
        limit=limit,
    )


@server.tool(annotations=READ_ONLY)
async def character_card(
    world_id: WorldId, character_id: CharacterId, as_of_chapter: AsOfChapter
) -> dict:
    """A character as a Character Card V2 with a lorebook of what they witnessed."""
    return await call(
        tools.character_card,
        **_ids(world_id=world_id, character_id=character_id),
        as_of_chapter=as_of_chapter,
    )


def _as_of(value: str) -> int | str:
    """A chapter in a resource address: a number or whole_story."""
    if value == WHOLE_STORY:
        return value
    if not value.isdigit():
        raise refused(f'as_of_chapter: {value!r} is neither a chapter number nor "{WHOLE_STORY}".')
    return int(value)


def _id(name: str, value: str) -> str:
    """A public id in a resource address or a prompt argument, which the SDK leaves as text."""
    try:
        return str(UUID(value))
    except ValueError:
        raise refused(f"{name}: {value!r} is not an id.") from None


def refused(message: str) -> MCPError:
    """A bad resource address or prompt argument: an invalid-params error saying which."""
    return MCPError(code=INVALID_PARAMS, message=message)


async def resource(fn: Callable[..., Any], **arguments: Any) -> Any:
    """`call` for a resource or a prompt, whose failures are protocol errors, not tool errors."""
    try:
        return await call(fn, **arguments)
    except ToolError as error:
        raise refused(str(error)) from error


def _world(*, user: User, world_id: str) -> dict:
    world = tools.world_for_user(user=user, world_id=world_id)
    chapters = Chapter.objects.filter(world=world).order_by("number").values("number", "title")
    base = tools.world_uri(world)
    return {
        "id": str(world.public_id),
        "name": world.name,
        "language": world.language,
        "chapters": list(chapters),
        "entities": f"{base}/as-of/{{as_of_chapter}}/entities",
    }


@server.resource("lorebase://worlds", mime_type="application/json")
async def worlds() -> list[dict]:
    """The worlds you may read."""
    return await call(tools.readable_worlds)


@server.resource("lorebase://worlds/{world_id}", mime_type="application/json")
async def world(world_id: str) -> dict:
    """A world and its chapters (the values `as_of_chapter` takes)."""
    return await resource(_world, world_id=_id("world_id", world_id))


@server.resource(
    "lorebase://worlds/{world_id}/as-of/{as_of_chapter}/entities", mime_type="application/json"
)
async def world_entities(world_id: str, as_of_chapter: str) -> dict:
    """Every entity of the world known at the chapter: type, id and name."""
    return await resource(
        tools.world_entities,
        world_id=_id("world_id", world_id),
        as_of_chapter=_as_of(as_of_chapter),
    )


@server.resource(
    "lorebase://worlds/{world_id}/as-of/{as_of_chapter}/entities/{entity_id}",
    mime_type="application/json",
)
async def world_entity(world_id: str, as_of_chapter: str, entity_id: str) -> dict:
    """One entity, as known at the chapter."""
    return await resource(
        tools.entity,
        world_id=_id("world_id", world_id),
        entity_id=_id("entity_id", entity_id),
        as_of_chapter=_as_of(as_of_chapter),
    )


def _in_role(
    *, user: User, world_id: str, character_id: str, question: str, as_of_chapter: int | str
) -> str:
    world = tools.world_for_user(user=user, world_id=world_id)
    as_of = tools.checked_chapter(world, as_of_chapter)
    character = tools.character_of(world, character_id)
    prompt = build_prompt(
        build_context(character=character, question=question, as_of=as_of), question
    )
    return f"{prompt.system}\n\n{prompt.user}"


@server.prompt()
async def answer_in_role_prompt(
    world_id: str, character_id: str, question: str, as_of_chapter: str
) -> str:
    """Answer a question in the role of a character, from the lore they know at the chapter
    (the same instructions and lore the answer_in_role tool sends to its language model)."""
    return await resource(
        _in_role,
        world_id=_id("world_id", world_id),
        character_id=_id("character_id", character_id),
        question=question,
        as_of_chapter=_as_of(as_of_chapter),
    )
