from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_concept_list import PaginatedConceptList
from ...models.problem import Problem
from ...models.v1_worlds_concepts_list_kind import V1WorldsConceptsListKind
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    world_id: UUID,
    *,
    kind: V1WorldsConceptsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["name"] = name

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
        "url": "/api/v1/worlds/{world_id}/concepts/".format(world_id=quote(str(world_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedConceptList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedConceptList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedConceptList | Problem]:
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
    kind: V1WorldsConceptsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedConceptList | Problem]:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        kind (V1WorldsConceptsListKind | Unset):
        name (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedConceptList | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
kind=kind,
name=name,
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
    kind: V1WorldsConceptsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> PaginatedConceptList | Problem | None:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        kind (V1WorldsConceptsListKind | Unset):
        name (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedConceptList | Problem
     """


    return sync_detailed(
        world_id=world_id,
client=client,
kind=kind,
name=name,
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
    kind: V1WorldsConceptsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedConceptList | Problem]:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        kind (V1WorldsConceptsListKind | Unset):
        name (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedConceptList | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
kind=kind,
name=name,
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
    kind: V1WorldsConceptsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> PaginatedConceptList | Problem | None:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        kind (V1WorldsConceptsListKind | Unset):
        name (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedConceptList | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
kind=kind,
name=name,
ordering=ordering,
page=page,
page_size=page_size,
tags=tags,
updated_since=updated_since,

    )).parsed
