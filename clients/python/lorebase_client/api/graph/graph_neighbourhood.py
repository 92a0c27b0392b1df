from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.graph_neighbourhood_kinds_item import GraphNeighbourhoodKindsItem
from ...models.neighbourhood_response import NeighbourhoodResponse
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    *,
    as_of_chapter: int | Unset = UNSET,
    depth: int | Unset = 1,
    entity: UUID,
    kinds: list[GraphNeighbourhoodKindsItem] | Unset = UNSET,
    limit: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["as_of_chapter"] = as_of_chapter

    params["depth"] = depth

    json_entity = str(entity)
    params["entity"] = json_entity

    json_kinds: list[str] | Unset = UNSET
    if not isinstance(kinds, Unset):
        json_kinds = []
        for kinds_item_data in kinds:
            kinds_item = kinds_item_data.value
            json_kinds.append(kinds_item)


    params["kinds"] = json_kinds

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/graph/neighbourhood/".format(world_id=quote(str(world_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> NeighbourhoodResponse | Problem | None:
    if response.status_code == 200:
        response_200 = NeighbourhoodResponse.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[NeighbourhoodResponse | Problem]:
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
    as_of_chapter: int | Unset = UNSET,
    depth: int | Unset = 1,
    entity: UUID,
    kinds: list[GraphNeighbourhoodKindsItem] | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[NeighbourhoodResponse | Problem]:
    """ Everything near an entity

     Everything within `depth` (at most 3) steps of an entity.

    Args:
        world_id (UUID):
        as_of_chapter (int | Unset):
        depth (int | Unset):  Default: 1.
        entity (UUID):
        kinds (list[GraphNeighbourhoodKindsItem] | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NeighbourhoodResponse | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
as_of_chapter=as_of_chapter,
depth=depth,
entity=entity,
kinds=kinds,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of_chapter: int | Unset = UNSET,
    depth: int | Unset = 1,
    entity: UUID,
    kinds: list[GraphNeighbourhoodKindsItem] | Unset = UNSET,
    limit: int | Unset = 50,

) -> NeighbourhoodResponse | Problem | None:
    """ Everything near an entity

     Everything within `depth` (at most 3) steps of an entity.

    Args:
        world_id (UUID):
        as_of_chapter (int | Unset):
        depth (int | Unset):  Default: 1.
        entity (UUID):
        kinds (list[GraphNeighbourhoodKindsItem] | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NeighbourhoodResponse | Problem
     """


    return sync_detailed(
        world_id=world_id,
client=client,
as_of_chapter=as_of_chapter,
depth=depth,
entity=entity,
kinds=kinds,
limit=limit,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of_chapter: int | Unset = UNSET,
    depth: int | Unset = 1,
    entity: UUID,
    kinds: list[GraphNeighbourhoodKindsItem] | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[NeighbourhoodResponse | Problem]:
    """ Everything near an entity

     Everything within `depth` (at most 3) steps of an entity.

    Args:
        world_id (UUID):
        as_of_chapter (int | Unset):
        depth (int | Unset):  Default: 1.
        entity (UUID):
        kinds (list[GraphNeighbourhoodKindsItem] | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NeighbourhoodResponse | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
as_of_chapter=as_of_chapter,
depth=depth,
entity=entity,
kinds=kinds,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of_chapter: int | Unset = UNSET,
    depth: int | Unset = 1,
    entity: UUID,
    kinds: list[GraphNeighbourhoodKindsItem] | Unset = UNSET,
    limit: int | Unset = 50,

) -> NeighbourhoodResponse | Problem | None:
    """ Everything near an entity

     Everything within `depth` (at most 3) steps of an entity.

    Args:
        world_id (UUID):
        as_of_chapter (int | Unset):
        depth (int | Unset):  Default: 1.
        entity (UUID):
        kinds (list[GraphNeighbourhoodKindsItem] | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NeighbourhoodResponse | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
as_of_chapter=as_of_chapter,
depth=depth,
entity=entity,
kinds=kinds,
limit=limit,

    )).parsed
