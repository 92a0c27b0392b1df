"""`POST /api/v1/worlds/{world_id}/batch/`: many creates, updates and deletes, all or nothing.

Each operation goes through the entity's own serializer and lorebase.services, as one
request of its own would: the same validation, versions, history and change log (so the
outbox, the mirror, the feed). All of them run in one transaction; the first that fails
undoes the others and the answer (400, 409) names its index, the field and the reason.

A new entity may be given a `ref`, a name of the client's, and later operations point
at it with `{"ref": "<name>"}` wherever an id goes: a reference field
(`"location": {"ref": "pier"}`), a relation's end (`"source": {"type": "character",
"id": {"ref": "anya"}}`), or the `id` of an update or delete.

With an `Idempotency-Key` header a batch that succeeded is answered again, unchanged
and without writing, for `BATCH_IDEMPOTENCY_HOURS`; the same key with another body is a
422. A batch that failed left nothing behind, so its retry runs anew.
"""

import hashlib
import json
import re
import uuid
from collections.abc import Iterator
from typing import Any, cast

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException, ParseError, ValidationError
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase import services
from lorebase.catalogue import KINDS, EntityType
from lorebase.models import World, WorldEntity

from . import serializers as entity_serializers
from .fields import KNOWN_ENTITIES, known_entities_load
from .schema import problem
from .serializers import UNIQUE_BY_DATABASE
from .world_scope import WorldScopedView

SERIALIZERS: dict[str, type[entity_serializers.EntitySerializer]] = {
    EntityType.CHAPTER: entity_serializers.ChapterSerializer,
    EntityType.LOCATION: entity_serializers.LocationSerializer,
    EntityType.CHARACTER: entity_serializers.CharacterSerializer,
    EntityType.SCENE: entity_serializers.SceneSerializer,
    EntityType.CONCEPT: entity_serializers.ConceptSerializer,
    EntityType.RELATION: entity_serializers.RelationSerializer,
}
REF = re.compile(r"^[A-Za-z0-9_.:-]{1,100}$")


class BatchOperationSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["create", "update", "delete"])
    type = serializers.ChoiceField(choices=sorted(SERIALIZERS))
    ref = serializers.RegexField(
        REF,
        required=False,
        help_text="create: a name for the new entity, for later operations to point at "
        'with `{"ref": …}` (letters, digits, `_.:-`, at most 100).',
    )
    id = serializers.JSONField(
        required=False,
        help_text='update, delete: the entity\'s id, or `{"ref": …}` of one created '
        "earlier in the batch.",
    )
    # DRF's metaclass takes declared fields off the class: this hides nothing of
    # Serializer.data at run time; mypy sees only the class body.
    data = serializers.DictField(  # type: ignore[assignment]
        required=False,
        help_text="create, update: the entity's fields, as its own endpoint takes them "
        "(an update may send only some, and its `version`).",
    )

    def validate(self, attrs: dict) -> dict:
        op = attrs["op"]
        if op == "create" and "id" in attrs:
            raise ValidationError({"id": ["A create takes no id: give it a `ref` instead."]})
        if op != "create" and "id" not in attrs:
            raise ValidationError({"id": [f"An {op} names its entity: its id or a ref."]})
        if op != "create" and "ref" in attrs:
            raise ValidationError({"ref": ["Only a create names a ref; point at it with id."]})
        if op != "delete" and "data" not in attrs:
            raise ValidationError({"data": [f"An {op} needs the entity's fields."]})
        return attrs


class BatchSerializer(serializers.Serializer):
    operations = BatchOperationSerializer(many=True, allow_empty=False)

    def validate_operations(self, value: list) -> list:
        limit = settings.BATCH_MAX_OPERATIONS
        if len(value) > limit:
            raise ValidationError(
                f"At most {limit} operations per batch; send {len(value)} in several."
            )
        return value


class BatchResultSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    op = serializers.CharField()
    type = serializers.CharField()
    id = serializers.UUIDField()
    version = serializers.IntegerField(help_text="The version written (a delete: the last one).")
    ref = serializers.CharField(required=False)


class BatchResponseSerializer(serializers.Serializer):
    results = BatchResultSerializer(many=True)


class KeyReused(APIException):
    status_code = 422
    default_code = "idempotency_key_reused"


class OperationFailed(Exception):
    """The operation at `index` failed: its errors, already prefixed with its path."""

    def __init__(self, index: int, detail: dict, status: int = 400) -> None:
        super().__init__(f"operation {index} failed")
        self.index, self.detail, self.status = index, detail, status


def _resolve(value: Any, refs: dict[str, Any], path: str, index: int) -> Any:
    """`value` with each `{"ref": name}` replaced by the id of the entity created under it."""
    if isinstance(value, dict):
        if set(value) == {"ref"}:
            name = value["ref"]
            if not isinstance(name, str) or name not in refs:
                raise OperationFailed(
                    index,
                    {path: [f"No earlier operation of this batch created ref “{name}”."]},
                )
            return str(refs[name].public_id)
        return {k: _resolve(v, refs, f"{path}.{k}", index) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, refs, f"{path}.{i}", index) for i, v in enumerate(value)]
    return value


def _prefixed(detail: Any, prefix: str) -> dict:
    if isinstance(detail, dict):
        return {f"{prefix}.{key}": value for key, value in detail.items()}
    return {prefix: detail}


def _target(operation: dict, refs: dict, context: dict, index: int) -> WorldEntity:
    """The entity an update or delete names; it leaves the batch's known entities, which
    would otherwise keep its state from before the operation."""
    model = KINDS[operation["type"]].model
    ident = _resolve(operation["id"], refs, f"operations.{index}.id", index)
    try:
        public_id = uuid.UUID(str(ident))
    except ValueError:
        found = None
    else:
        context[KNOWN_ENTITIES].pop((model, public_id), None)
        found = model._default_manager.filter(world=context["world"], public_id=public_id).first()
    if found is None:
        raise OperationFailed(
            index,
            {
                f"operations.{index}.id": [
                    f"There is no {operation['type']} “{ident}” in this world."
                ]
            },
        )
    return cast(WorldEntity, found)


def _apply_one(index: int, operation: dict, refs: dict, context: dict) -> dict:
    op, type_name = operation["op"], operation["type"]
    if op == "delete":
        doomed = _target(operation, refs, context, index)
        # What the delete takes with it (cascades, cleared references) is not known here.
        context[KNOWN_ENTITIES].clear()
        try:
            services.entity_delete(instance=doomed)
        except (ProtectedError, RestrictedError) as error:
            blocking = (
                error.protected_objects
                if isinstance(error, ProtectedError)
                else error.restricted_objects
            )
            used_by = ", ".join(sorted({str(obj) for obj in blocking})[:10])
            raise OperationFailed(
                index, {f"operations.{index}.id": [f"Still in use, by: {used_by}."]}, 409
            ) from error
        return _noted(index, operation, doomed, refs, context)
    instance = _target(operation, refs, context, index) if op == "update" else None
    data = _resolve(operation["data"], refs, f"operations.{index}.data", index)
    serializer = SERIALIZERS[type_name](
        instance=instance, data=data, partial=op == "update", context=context
    )
    prefix = f"operations.{index}.data"
    if not serializer.is_valid():
        raise OperationFailed(index, _prefixed(serializer.errors, prefix))
    try:
        entity = serializer.save()
    except ValidationError as error:
        raise OperationFailed(index, _prefixed(error.detail, prefix)) from error
    except services.VersionConflict as error:
        raise OperationFailed(
            index,
            {
                f"{prefix}.version": [
                    f"Someone saved this since you read it (current version "
                    f"{error.current_version})."
                ]
            },
            409,
        ) from error
    return _noted(index, operation, entity, refs, context)


def _noted(index: int, operation: dict, entity: WorldEntity, refs: dict, context: dict) -> dict:
    """The result of an operation that wrote `entity`; a new one joins the batch's known
    entities, and its ref (if any) names it for the operations after it."""
    result: dict[str, Any] = {"index": index, "op": operation["op"], "type": operation["type"]}
    if operation["op"] == "create":
        context[KNOWN_ENTITIES][type(entity), entity.public_id] = entity
    if "ref" in operation:
        refs[operation["ref"]] = entity
        result["ref"] = operation["ref"]
    return {**result, "id": entity.public_id, "version": entity.version}


def _refs_in(value: Any) -> set[str]:
    """The refs `value` points at (`{"ref": name}` anywhere inside it)."""
    if isinstance(value, dict):
        if set(value) == {"ref"}:
            return {str(value["ref"])}
        return set().union(*map(_refs_in, value.values()))
    if isinstance(value, list):
        return set().union(*map(_refs_in, value))
    return set()


def _runs(operations: list[dict]) -> Iterator[list[tuple[int, dict]]]:
    """The operations in order, consecutive creates of one type together; a run ends before
    a create that points at a ref made in it (that entity must exist first)."""
    run: list[tuple[int, dict]] = []
    made: set[str] = set()
    for index, operation in enumerate(operations):
        first = run[0][1] if run else None
        joins = (
            first is not None
            and first["op"] == operation["op"] == "create"
            and first["type"] == operation["type"]
            and not _refs_in(operation.get("data")) & made
        )
        if run and not joins:
            yield run
            run, made = [], set()
        run.append((index, operation))
        if "ref" in operation:
            made.add(operation["ref"])
    if run:
        yield run


def _create_together(run: list[tuple[int, dict]], refs: dict, context: dict) -> list[dict] | None:
    """A run of creates of one type, validated as one list and written at once
    (services.entities_create); None if any of them fails, in any way: nothing of the run
    is written then, and the caller applies them one by one, which names the one that
    fails and why."""
    names = [operation["ref"] for _, operation in run if "ref" in operation]
    if len(set(names)) < len(names) or any(name in refs for name in names):
        return None
    try:
        data = [_resolve(op["data"], refs, f"operations.{i}.data", i) for i, op in run]
    except OperationFailed:
        return None
    serializer: serializers.ListSerializer = serializers.ListSerializer(
        child=SERIALIZERS[run[0][1]["type"]](),
        data=data,
        context={**context, UNIQUE_BY_DATABASE: True},
    )
    known_entities_load(context, serializer, data)
    if not serializer.is_valid():
        return None
    child = cast(entity_serializers.EntitySerializer, serializer.child)
    built = [child.built(item) for item in cast(list, serializer.validated_data)]
    try:
        services.entities_create(
            instances=[entity for entity, _ in built], casts=[members for _, members in built]
        )
    except (IntegrityError, DjangoValidationError):
        return None
    return [
        _noted(index, operation, entity, refs, context)
        for (index, operation), (entity, _) in zip(run, built, strict=True)
    ]


def batch_apply(*, world: World, request: Request, operations: list[dict]) -> list[dict]:
    """Apply the operations in order, in the caller's transaction; OperationFailed on the first
    that fails (the caller rolls back). A run of creates of one type is written at once."""
    refs: dict[str, Any] = {}
    context = {"world": world, "request": request, "if_match": False, KNOWN_ENTITIES: {}}
    results = []
    for run in _runs(operations):
        together = _create_together(run, refs, context) if len(run) > 1 else None
        if together is not None:
            results.extend(together)
            continue
        for index, operation in run:
            if "ref" in operation and operation["ref"] in refs:
                raise OperationFailed(
                    index,
                    {f"operations.{index}.ref": [f"Ref “{operation['ref']}” is used twice."]},
                )
            results.append(_apply_one(index, operation, refs, context))
    return results


class BatchConflict(ValidationError):
    """An operation met a stale version or an entity still in use: a 409 with its field."""

    status_code = 409
    problem_code = "conflict"


IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    {"type": "string", "minLength": 1, "maxLength": 200},
    OpenApiParameter.HEADER,
    required=False,
    description="Any unique string of yours (at most 200 characters): a retried batch with "
    "the same key and body gets the first answer, and nothing is written twice.",
)

BATCH_EXAMPLE = OpenApiExample(
    "A place, a character and a scene at that place with that character",
    value={
        "operations": [
            {"op": "create", "type": "location", "ref": "pier", "data": {"name": "Pier Nine"}},
            {"op": "create", "type": "character", "ref": "anya", "data": {"name": "Anya"}},
            {
                "op": "create",
                "type": "scene",
                "data": {
                    "chapter": "9b2f4e1a-6c3d-4b8e-a1f0-3d2c1b0a9e8f",
                    "order": 1,
                    "title": "Fog on the Pier",
                    "location": {"ref": "pier"},
                    "participants": [{"character": {"ref": "anya"}, "role": "speaker"}],
                },
            },
        ]
    },
    request_only=True,
)


class BatchJSONParser(BaseParser):
    """JSON from the stream. DRF's JSONParser reads `request.body`, which Django bounds by
    DATA_UPLOAD_MAX_MEMORY_SIZE; a batch is bounded by BATCH_MAX_BODY_BYTES instead
    (config.body_limit checks the declared length before anything reads it)."""

    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        if stream is None:
            return {}
        try:
            return json.loads(stream.read(settings.BATCH_MAX_BODY_BYTES + 1).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise ParseError(f"JSON parse error - {error}") from error


class BatchView(WorldScopedView):
    """Thin: the envelope, the idempotency record, then batch_apply in one transaction."""

    parser_classes = [BatchJSONParser]

    @extend_schema(
        operation_id="batch_create",
        tags=["batch"],
        summary="Create, update and delete many entities, all or nothing",
        request=BatchSerializer,
        responses={
            200: BatchResponseSerializer,
            409: problem("An operation met a stale version or an entity still in use."),
            422: problem("This Idempotency-Key was used with another body."),
        },
        parameters=[IDEMPOTENCY_KEY],
        examples=[BATCH_EXAMPLE],
        description="Operations on any entity type of this world, applied in order in one "
        "transaction: if one fails nothing is written, and the error names "
        "`operations.<index>.<field>` and the reason. New entities take a `ref` that later "
        'operations use as `{"ref": …}` in place of an id. At most `BATCH_MAX_OPERATIONS` '
        "operations and `BATCH_MAX_BODY_BYTES` bytes.",
    )
    def post(self, request: Request, world_id: str) -> Response:
        key = request.headers.get("Idempotency-Key")
        if key is not None and not 0 < len(key) <= 200:
            raise ValidationError({"Idempotency-Key": ["Send 1 to 200 characters."]})
        envelope = BatchSerializer(data=request.data)
        envelope.is_valid(raise_exception=True)
        canonical = json.dumps(request.data, sort_keys=True, separators=(",", ":"))
        body_hash = hashlib.sha256(canonical.encode()).hexdigest()
        if key is not None:
            replay = self._replay(request, key, body_hash)
            if replay is not None:
                return replay
        try:
            with transaction.atomic():
                results = batch_apply(
                    world=self.world,
                    request=request,
                    operations=envelope.validated_data["operations"],
                )
                body = BatchResponseSerializer({"results": results}).data
                if key is not None:
                    services.batch_remember(
                        user=cast(User, request.user),
                        world=self.world,
                        key=key,
                        request_hash=body_hash,
                        status_code=200,
                        response=body,
                    )
        except OperationFailed as failure:
            raise (BatchConflict if failure.status == 409 else ValidationError)(
                failure.detail
            ) from None
        except IntegrityError:
            # Another request with the same key committed first: answer as it did.
            replay = self._replay(request, key, body_hash) if key is not None else None
            if replay is None:
                raise
            return replay
        return Response(body)

    def _replay(self, request: Request, key: str, body_hash: str) -> Response | None:
        kept = services.batch_recall(user=cast(User, request.user), world=self.world, key=key)
        if kept is None:
            return None
        if kept.request_hash != body_hash:
            raise KeyReused(
                "This Idempotency-Key was used with another body: send a new key for a new batch."
            )
        return Response(
            kept.response, status=kept.status_code, headers={"Idempotent-Replayed": "true"}
        )
