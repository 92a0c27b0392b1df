"""The questions an assistant may ask, each answered by the REST endpoint's own code.

Every function takes the user and the world's public id, checks the user's role as
the REST API does (a world they are not a member of is "No such world."), validates
its arguments with the endpoint's own serializer (so a bad one is named exactly as a
400 would name it) and calls the same selector. They raise DRF's ValidationError and
NotFound; the MCP server turns those into tool errors.
"""

import json
from types import SimpleNamespace
from typing import Any

from django.contrib.auth.models import User
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.utils.encoders import JSONEncoder

from consistency.selectors import world_report
from consistency.serializers import FindingSerializer, ReportParams
from exports.cards import character_card as card_of
from llm.knowledge import knowledge_of, latest_chapter
from llm.providers import ProviderNotConfigured
from llm.serializers import AnswerRequestSerializer
from llm.services import answer_question
from llm.views import AnswerRateThrottle, AnswerView
from lorebase import selectors
from lorebase.api import serializers as entity_serializers
from lorebase.api.pagination import PageNumberPagination
from lorebase.models import Character, Concept, Location, Scene, World, WorldEntity
from search import views as search_views
from search.serializers import AsOfParams

from .cut import WHOLE_STORY, hidden_after

# What get_entity answers: each type with the REST API's representation of it.
ENTITY_TYPES: dict[str, tuple[type[WorldEntity], type]] = {
    "character": (Character, entity_serializers.CharacterSerializer),
    "location": (Location, entity_serializers.LocationSerializer),
    "concept": (Concept, entity_serializers.ConceptSerializer),
    "scene": (Scene, entity_serializers.SceneSerializer),
}
# A death recorded for a later chapter is a spoiler: these fields wait for it.
DEATH_FIELDS = ("status", "status_chapter", "killed_by", "death_scene", "death_cause")


def plain(data: Any) -> Any:
    """JSON types only, as the REST API would render them (UUIDs, dates as strings)."""
    return json.loads(json.dumps(data, cls=JSONEncoder, ensure_ascii=False))


def world_for_user(*, user: User, world_id: str) -> World:
    """The world, if the user may read it (lorebase.api.permissions' rule for a read)."""
    world = World.objects.filter(public_id=world_id).first()
    if world is None or selectors.membership_role(user=user, world=world) is None:
        raise NotFound("No such world.")
    return world


def readable_worlds(*, user: User) -> list[dict]:
    worlds = selectors.worlds_for_user(user=user).order_by("name", "public_id")
    return [
        {"id": str(w.public_id), "name": w.name, "language": w.language, "uri": world_uri(w)}
        for w in worlds
    ]


def world_uri(world: World) -> str:
    return f"lorebase://worlds/{world.public_id}"


def checked_chapter(world: World, as_of_chapter: int | str) -> int | None:
    """The cut as the selectors take it (None: the whole story), checked like the REST API's."""
    if as_of_chapter == WHOLE_STORY:
        return None
    return _validated(AsOfParams, world, {"as_of_chapter": as_of_chapter})["as_of_chapter"]


def _asked(as_of_chapter: int | str, **params: Any) -> dict:
    """Query parameters for a search.views query: the cut left out for the whole story."""
    asked = {name: value for name, value in params.items() if value is not None}
    if as_of_chapter != WHOLE_STORY:
        asked["as_of_chapter"] = as_of_chapter
    return asked


def _known_yet(as_of_chapter: int | str, **ids: str | None) -> None:
    """Refuses the id of anything not known yet at the chapter, naming its argument: the
    REST answer would name it back (`"a": {"name": …}`), which is itself a spoiler."""
    as_of = None if as_of_chapter == WHOLE_STORY else int(as_of_chapter)
    refs = [(t, uid) for uid in ids.values() if uid for t in ("character", "location", "scene")]
    hidden = hidden_after(refs=refs, as_of=as_of)
    if later := [name for name, uid in ids.items() if uid in hidden]:
        raise ValidationError({name: [f"Not known yet as of chapter {as_of}."] for name in later})


# The REST parameters that the tools call by their ids' names.
TOOL_NAMES = {"entity": "entity_id", "character": "character_id"}


def _validated(serializer_class: type, world: World, data: dict) -> dict:
    """The REST endpoint's own validation; a bad field named as the tool calls it."""
    serializer = serializer_class(data=data, context={"world": world})
    if not serializer.is_valid():
        raise ValidationError({TOOL_NAMES.get(k, k): v for k, v in serializer.errors.items()})
    return serializer.validated_data


def _query(query: search_views.Query, world: World, params: dict) -> dict:
    """One of the REST search and graph endpoints, called as its view calls it."""
    return plain(query.answer(world, _validated(query.params, world, params)))


def search(
    *,
    user: User,
    world_id: str,
    q: str,
    as_of_chapter: int | str,
    types: list[str] | None,
    limit: int | None,
) -> dict:
    world = world_for_user(user=user, world_id=world_id)
    params = _asked(as_of_chapter, q=q, types=types, limit=limit)
    return _query(search_views.SEARCH, world, params)


def neighbourhood(
    *,
    user: User,
    world_id: str,
    entity_id: str,
    as_of_chapter: int | str,
    depth: int | None,
    kinds: list[str] | None,
    limit: int | None,
) -> dict:
    world = world_for_user(user=user, world_id=world_id)
    _known_yet(as_of_chapter, entity_id=entity_id)
    params = _asked(as_of_chapter, entity=entity_id, depth=depth, kinds=kinds, limit=limit)
    return _query(search_views.NEIGHBOURHOOD, world, params)


def meetings(
    *, user: User, world_id: str, a: str, b: str, as_of_chapter: int | str, limit: int | None
) -> dict:
    world = world_for_user(user=user, world_id=world_id)
    _known_yet(as_of_chapter, a=a, b=b)
    return _query(search_views.MEETINGS, world, _asked(as_of_chapter, a=a, b=b, limit=limit))


def shortest_connection(
    *,
    user: User,
    world_id: str,
    a: str,
    b: str,
    as_of_chapter: int | str,
    max_hops: int | None,
    kinds: list[str] | None,
) -> dict:
    world = world_for_user(user=user, world_id=world_id)
    _known_yet(as_of_chapter, a=a, b=b)
    params = _asked(as_of_chapter, a=a, b=b, max_hops=max_hops, kinds=kinds)
    return _query(search_views.PATH, world, params)


def entity(*, user: User, world_id: str, entity_id: str, as_of_chapter: int | str) -> dict:
    """An entity as the REST API shows it, if it is known at the chapter."""
    world = world_for_user(user=user, world_id=world_id)
    as_of = checked_chapter(world, as_of_chapter)
    type_name, found, serializer = _entity_of(world, entity_id)
    _known_yet(as_of_chapter, entity_id=entity_id)
    data = serializer(found, context={"world": world}).data
    changed = found.status_chapter if isinstance(found, Character) else None
    if as_of is not None and changed is not None and changed.number > as_of:
        data = {name: value for name, value in data.items() if name not in DEATH_FIELDS}
    return plain({"type": type_name, "as_of_chapter": as_of, **data})


def _entity_of(world: World, entity_id: str) -> tuple[str, Any, type]:
    for type_name, (model, serializer) in ENTITY_TYPES.items():
        queryset = selectors.entity_queryset(model=model, world=world)
        if (found := queryset.filter(public_id=entity_id).first()) is not None:
            return type_name, found, serializer
    raise ValidationError(
        {"entity_id": ["No character, location, concept or scene with this id in this world."]}
    )


def world_entities(*, user: User, world_id: str, as_of_chapter: int | str) -> dict:
    """Every entity of the world known at the chapter: type, id and name."""
    world = world_for_user(user=user, world_id=world_id)
    as_of = checked_chapter(world, as_of_chapter)
    refs = [
        (type_name, str(uid), name)
        for type_name, (model, _) in ENTITY_TYPES.items()
        for uid, name in model._default_manager.filter(world=world)
        .order_by("public_id")
        .values_list("public_id", "title" if model is Scene else "name")
    ]
    hidden = hidden_after(refs=[(t, uid) for t, uid, _ in refs], as_of=as_of)
    known = [{"type": t, "id": uid, "name": name} for t, uid, name in refs if uid not in hidden]
    return {
        "world": {"id": str(world.public_id), "name": world.name},
        "as_of_chapter": as_of,
        "entities": known,
    }


def character_of(world: World, character_id: str) -> Character:
    found = (
        Character.objects.filter(world=world, public_id=character_id)
        .select_related("world", "status_chapter")
        .first()
    )
    if found is None:
        raise ValidationError({"character_id": ["No character with this id in this world."]})
    return found


def character_timeline(
    *, user: User, world_id: str, character_id: str, as_of_chapter: int | str
) -> dict:
    """The scenes the character was in and the deaths they know of, in story order:
    what llm.knowledge says they know (the answers in role rest on the same read)."""
    world = world_for_user(user=user, world_id=world_id)
    as_of = checked_chapter(world, as_of_chapter)
    character = character_of(world, character_id)
    _known_yet(as_of_chapter, character_id=character_id)
    knowledge = knowledge_of(character, latest_chapter(character) if as_of is None else as_of)
    scenes = [
        {
            "id": scene.public_id,
            "chapter": scene.chapter.number,
            "order": scene.order,
            "title": scene.title,
            "summary": scene.summary,
            "location": scene.location
            and {"id": scene.location.public_id, "name": scene.location.name},
            "with": [
                {"id": uid, "name": name, "role": role}
                for uid, name, role in knowledge.cast.get(scene.pk, [])
            ],
        }
        for scene in knowledge.scenes
    ]
    deaths = [
        {
            "victim": {"id": victim.public_id, "name": victim.name},
            "killer": victim.killed_by
            and {"id": victim.killed_by.public_id, "name": victim.killed_by.name},
            "chapter": victim.status_chapter and victim.status_chapter.number,
            "scene": victim.death_scene and victim.death_scene.public_id,
        }
        for victim in knowledge.deaths
    ]
    return plain(
        {
            "character": {"id": character.public_id, "name": character.name},
            "as_of_chapter": knowledge.as_of,
            "scenes": scenes,
            "deaths": deaths,
        }
    )


def answer_in_role(
    *,
    user: User,
    world_id: str,
    character_id: str,
    question: str,
    as_of_chapter: int | str,
    provider: str | None,
) -> dict:
    """llm.views.AnswerView's request, validated and answered the same way."""
    world = world_for_user(user=user, world_id=world_id)
    _throttle_answers(user)
    _known_yet(as_of_chapter, character_id=character_id)
    body = _asked(as_of_chapter, character=character_id, question=question, provider=provider)
    data = _validated(AnswerRequestSerializer, world, body)
    try:
        answer = answer_question(
            character=data["character"],
            question=data["question"],
            as_of_chapter=data.get("as_of_chapter"),
            provider_name=data.get("provider"),
        )
    except ProviderNotConfigured as error:
        raise ValidationError({"provider": [str(error)]}) from error
    return plain(answer)


def _throttle_answers(user: User) -> None:
    """The REST endpoint's rate limit on answers, counted with it: one budget per user."""
    throttle = AnswerRateThrottle()
    if not throttle.allow_request(SimpleNamespace(user=user), AnswerView):  # type: ignore[arg-type]
        raise Throttled(throttle.wait())


def consistency_report(
    *, user: User, world_id: str, as_of_chapter: int | str, rule: str | None, limit: int | None
) -> dict:
    """consistency.selectors.world_report; at a chapter, only findings about what is known."""
    world = world_for_user(user=user, world_id=world_id)
    as_of = checked_chapter(world, as_of_chapter)
    _validated(ReportParams, world, {"rule": rule} if rule else {})
    page = limit or PageNumberPagination.page_size
    report = world_report(world=world, rules=[rule] if rule else None)
    refs = [(ref.type, ref.public_id) for f in report.findings for ref in f.entities]
    hidden = hidden_after(refs=refs, as_of=as_of)
    findings = [
        f for f in report.findings if not any(ref.public_id in hidden for ref in f.entities)
    ]
    return plain(
        {
            "world": world.public_id,
            "as_of_chapter": as_of,
            "count": len(findings),
            "results": FindingSerializer(findings[:page], many=True).data,
        }
    )


def character_card(
    *, user: User, world_id: str, character_id: str, as_of_chapter: int | str
) -> dict:
    """exports.cards' Character Card V2, which knows every chapter: the whole story only."""
    world = world_for_user(user=user, world_id=world_id)
    as_of = checked_chapter(world, as_of_chapter)
    character = character_of(world, character_id)
    if as_of is not None:
        raise ValidationError(
            {
                "as_of_chapter": [
                    "The character card's lorebook holds every chapter and cannot be cut at one "
                    f'yet: ask with "{WHOLE_STORY}" to accept spoilers.'
                ]
            }
        )
    return plain(card_of(character))
