from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_location_list import PaginatedLocationList
from ...models.problem import Problem
from ...models.v1_worlds_locations_list_kind import V1WorldsLocationsListKind
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    world_id: UUID,
    *,
    kind: V1WorldsLocationsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    parent: UUID | Unset = UNSET,
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

    json_parent: str | Unset = UNSET
    if not isinstance(parent, Unset):
        json_parent = str(parent)
    params["parent"] = json_parent

    params["tags"] = tags

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/locations/".format(world_id=quote(str(world_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedLocationList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedLocationList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedLocationList | Problem]:
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
    kind: V1WorldsLocationsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    parent: UUID | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedLocationList | Problem]:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        kind (V1WorldsLocationsListKind | Unset):
        name (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        parent (UUID | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedLocationList | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
kind=kind,
name=name,
ordering=ordering,
page=page,
page_size=page_size,
parent=parent,
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
    kind: V1WorldsLocationsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    parent: UUID | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> PaginatedLocationList | Problem | None:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        kind (V1WorldsLocationsListKind | Unset):
        name (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        parent (UUID | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedLocationList | Problem
     """


    return sync_detailed(
        world_id=world_id,
client=client,
kind=kind,
name=name,
ordering=ordering,
page=page,
page_size=page_size,
parent=parent,
tags=tags,
updated_since=updated_since,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    kind: V1WorldsLocationsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    parent: UUID | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedLocationList | Problem]:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        kind (V1WorldsLocationsListKind | Unset):
        name (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        parent (UUID | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedLocationList | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
kind=kind,
name=name,
ordering=ordering,
page=page,
page_size=page_size,
parent=parent,
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
    kind: V1WorldsLocationsListKind | Unset = UNSET,
    name: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    parent: UUID | Unset = UNSET,
    tags: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> PaginatedLocationList | Problem | None:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        kind (V1WorldsLocationsListKind | Unset):
        name (str | Unset):
        ordering (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        parent (UUID | Unset):
        tags (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedLocationList | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
kind=kind,
name=name,
ordering=ordering,
page=page,
page_size=page_size,
parent=parent,
tags=tags,
updated_since=updated_since,

    )).parsed
