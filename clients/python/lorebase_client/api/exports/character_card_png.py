from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    id: UUID,
    *,
    as_of_chapter: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["as_of_chapter"] = as_of_chapter


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/characters/{id}/card/png/".format(world_id=quote(str(world_id), safe=""),id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.content)
        )



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    world_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient,
    as_of_chapter: int | Unset = UNSET,

) -> Response[File | Problem]:
    """ A character's portrait with its Character Cards V3 and V2 inside, as a PNG

     The character's portrait as a PNG carrying both cards (`ccv3` and `chara` chunks).

    Args:
        world_id (UUID):
        id (UUID):
        as_of_chapter (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
id=id,
as_of_chapter=as_of_chapter,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    world_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient,
    as_of_chapter: int | Unset = UNSET,

) -> File | Problem | None:
    """ A character's portrait with its Character Cards V3 and V2 inside, as a PNG

     The character's portrait as a PNG carrying both cards (`ccv3` and `chara` chunks).

    Args:
        world_id (UUID):
        id (UUID):
        as_of_chapter (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        world_id=world_id,
id=id,
client=client,
as_of_chapter=as_of_chapter,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient,
    as_of_chapter: int | Unset = UNSET,

) -> Response[File | Problem]:
    """ A character's portrait with its Character Cards V3 and V2 inside, as a PNG

     The character's portrait as a PNG carrying both cards (`ccv3` and `chara` chunks).

    Args:
        world_id (UUID):
        id (UUID):
        as_of_chapter (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
id=id,
as_of_chapter=as_of_chapter,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    world_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient,
    as_of_chapter: int | Unset = UNSET,

) -> File | Problem | None:
    """ A character's portrait with its Character Cards V3 and V2 inside, as a PNG

     The character's portrait as a PNG carrying both cards (`ccv3` and `chara` chunks).

    Args:
        world_id (UUID):
        id (UUID):
        as_of_chapter (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
id=id,
client=client,
as_of_chapter=as_of_chapter,

    )).parsed
