from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.image import Image
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    *,
    entity: UUID | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_entity: str | Unset = UNSET
    if not isinstance(entity, Unset):
        json_entity = str(entity)
    params["entity"] = json_entity


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/images/".format(world_id=quote(str(world_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[Image] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = Image.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[Image]]:
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
    entity: UUID | Unset = UNSET,

) -> Response[Problem | list[Image]]:
    """  An APIView inside the world named in the path.

    Args:
        world_id (UUID):
        entity (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[Image]]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
entity=entity,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    entity: UUID | Unset = UNSET,

) -> Problem | list[Image] | None:
    """  An APIView inside the world named in the path.

    Args:
        world_id (UUID):
        entity (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[Image]
     """


    return sync_detailed(
        world_id=world_id,
client=client,
entity=entity,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    entity: UUID | Unset = UNSET,

) -> Response[Problem | list[Image]]:
    """  An APIView inside the world named in the path.

    Args:
        world_id (UUID):
        entity (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[Image]]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
entity=entity,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    entity: UUID | Unset = UNSET,

) -> Problem | list[Image] | None:
    """  An APIView inside the world named in the path.

    Args:
        world_id (UUID):
        entity (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[Image]
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
entity=entity,

    )).parsed
