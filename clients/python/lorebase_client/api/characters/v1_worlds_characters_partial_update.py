from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.character import Character
from ...models.patched_character_request import PatchedCharacterRequest
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    id: UUID,
    *,
    body: PatchedCharacterRequest,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/worlds/{world_id}/characters/{id}/".format(world_id=quote(str(world_id), safe=""),id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Character | Problem | None:
    if response.status_code == 200:
        response_200 = Character.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Character | Problem]:
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
    body: PatchedCharacterRequest,
    if_match: str | Unset = UNSET,

) -> Response[Character | Problem]:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        id (UUID):
        if_match (str | Unset):
        body (PatchedCharacterRequest): Common shape: a public id, a version for optimistic
            locking, timestamps.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Character | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
id=id,
body=body,
if_match=if_match,

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
    body: PatchedCharacterRequest,
    if_match: str | Unset = UNSET,

) -> Character | Problem | None:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        id (UUID):
        if_match (str | Unset):
        body (PatchedCharacterRequest): Common shape: a public id, a version for optimistic
            locking, timestamps.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Character | Problem
     """


    return sync_detailed(
        world_id=world_id,
id=id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedCharacterRequest,
    if_match: str | Unset = UNSET,

) -> Response[Character | Problem]:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        id (UUID):
        if_match (str | Unset):
        body (PatchedCharacterRequest): Common shape: a public id, a version for optimistic
            locking, timestamps.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Character | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
id=id,
body=body,
if_match=if_match,

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
    body: PatchedCharacterRequest,
    if_match: str | Unset = UNSET,

) -> Character | Problem | None:
    """  `GET …/{id}/relations/`: the entity's relations, from both ends.

    Args:
        world_id (UUID):
        id (UUID):
        if_match (str | Unset):
        body (PatchedCharacterRequest): Common shape: a public id, a version for optimistic
            locking, timestamps.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Character | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
id=id,
client=client,
body=body,
if_match=if_match,

    )).parsed
