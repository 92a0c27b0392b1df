from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.meetings_response import MeetingsResponse
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    *,
    a: UUID,
    as_of_chapter: int | Unset = UNSET,
    b: UUID,
    limit: int | Unset = 10,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_a = str(a)
    params["a"] = json_a

    params["as_of_chapter"] = as_of_chapter

    json_b = str(b)
    params["b"] = json_b

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/graph/meetings/".format(world_id=quote(str(world_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MeetingsResponse | Problem | None:
    if response.status_code == 200:
        response_200 = MeetingsResponse.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MeetingsResponse | Problem]:
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
    a: UUID,
    as_of_chapter: int | Unset = UNSET,
    b: UUID,
    limit: int | Unset = 10,

) -> Response[MeetingsResponse | Problem]:
    """ Scenes where two characters meet

     Scenes where both characters are present, in story order.

    Args:
        world_id (UUID):
        a (UUID):
        as_of_chapter (int | Unset):
        b (UUID):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingsResponse | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
a=a,
as_of_chapter=as_of_chapter,
b=b,
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
    a: UUID,
    as_of_chapter: int | Unset = UNSET,
    b: UUID,
    limit: int | Unset = 10,

) -> MeetingsResponse | Problem | None:
    """ Scenes where two characters meet

     Scenes where both characters are present, in story order.

    Args:
        world_id (UUID):
        a (UUID):
        as_of_chapter (int | Unset):
        b (UUID):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingsResponse | Problem
     """


    return sync_detailed(
        world_id=world_id,
client=client,
a=a,
as_of_chapter=as_of_chapter,
b=b,
limit=limit,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    a: UUID,
    as_of_chapter: int | Unset = UNSET,
    b: UUID,
    limit: int | Unset = 10,

) -> Response[MeetingsResponse | Problem]:
    """ Scenes where two characters meet

     Scenes where both characters are present, in story order.

    Args:
        world_id (UUID):
        a (UUID):
        as_of_chapter (int | Unset):
        b (UUID):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingsResponse | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
a=a,
as_of_chapter=as_of_chapter,
b=b,
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
    a: UUID,
    as_of_chapter: int | Unset = UNSET,
    b: UUID,
    limit: int | Unset = 10,

) -> MeetingsResponse | Problem | None:
    """ Scenes where two characters meet

     Scenes where both characters are present, in story order.

    Args:
        world_id (UUID):
        a (UUID):
        as_of_chapter (int | Unset):
        b (UUID):
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingsResponse | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
a=a,
as_of_chapter=as_of_chapter,
b=b,
limit=limit,

    )).parsed
