from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_relation_list import PaginatedRelationList
from ...models.problem import Problem
from ...models.v1_worlds_relations_list_kind import V1WorldsRelationsListKind
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    world_id: UUID,
    *,
    entity: str | Unset = UNSET,
    kind: V1WorldsRelationsListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["entity"] = entity

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["ordering"] = ordering

    params["page"] = page

    params["page_size"] = page_size

    params["tags"] = tags

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/relations/".format(world_id=quote(str(world_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedRelationList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedRelationList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedRelationList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    entity: str | Unset = UNSET,
    kind: V1WorldsRelationsListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedRelationList | Problem]:
    """  CRUD of one entity type inside the world named in the URL; editors write.

    Each entity answered carries its `ETag`; a write may send it back in `If-Match`.

    Args:
        world_id (UUID):
        entity (str | Unset):
        kind (V1WorldsRelationsListKind | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedRelationList | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
entity=entity,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
tags=tags,
updated_since=updated_since,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    entity: str | Unset = UNSET,
    kind: V1WorldsRelationsListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> PaginatedRelationList | Problem | None:
    """  CRUD of one entity type inside the world named in the URL; editors write.

    Each entity answered carries its `ETag`; a write may send it back in `If-Match`.

    Args:
        world_id (UUID):
        entity (str | Unset):
        kind (V1WorldsRelationsListKind | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedRelationList | Problem
     """


    return sync_detailed(
        world_id=world_id,
client=client,
entity=entity,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
tags=tags,
updated_since=updated_since,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    entity: str | Unset = UNSET,
    kind: V1WorldsRelationsListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedRelationList | Problem]:
    """  CRUD of one entity type inside the world named in the URL; editors write.

    Each entity answered carries its `ETag`; a write may send it back in `If-Match`.

    Args:
        world_id (UUID):
        entity (str | Unset):
        kind (V1WorldsRelationsListKind | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedRelationList | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
entity=entity,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
tags=tags,
updated_since=updated_since,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    entity: str | Unset = UNSET,
    kind: V1WorldsRelationsListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> PaginatedRelationList | Problem | None:
    """  CRUD of one entity type inside the world named in the URL; editors write.

    Each entity answered carries its `ETag`; a write may send it back in `If-Match`.

    Args:
        world_id (UUID):
        entity (str | Unset):
        kind (V1WorldsRelationsListKind | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedRelationList | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
entity=entity,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
tags=tags,
updated_since=updated_since,

    )).parsed
