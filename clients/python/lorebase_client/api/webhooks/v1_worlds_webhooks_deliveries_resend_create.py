from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.webhook_delivery import WebhookDelivery
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    id: UUID,
    delivery: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/worlds/{world_id}/webhooks/{id}/deliveries/{delivery}/resend/".format(world_id=quote(str(world_id), safe=""),id=quote(str(id), safe=""),delivery=quote(str(delivery), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WebhookDelivery | None:
    if response.status_code == 200:
        response_200 = WebhookDelivery.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WebhookDelivery]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    world_id: UUID,
    id: UUID,
    delivery: str,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | WebhookDelivery]:
    """  Send a delivery again, with the same `webhook-id`.

    Args:
        world_id (UUID):
        id (UUID):
        delivery (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookDelivery]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
id=id,
delivery=delivery,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    world_id: UUID,
    id: UUID,
    delivery: str,
    *,
    client: AuthenticatedClient,

) -> Problem | WebhookDelivery | None:
    """  Send a delivery again, with the same `webhook-id`.

    Args:
        world_id (UUID):
        id (UUID):
        delivery (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookDelivery
     """


    return sync_detailed(
        world_id=world_id,
id=id,
delivery=delivery,
client=client,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    id: UUID,
    delivery: str,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | WebhookDelivery]:
    """  Send a delivery again, with the same `webhook-id`.

    Args:
        world_id (UUID):
        id (UUID):
        delivery (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookDelivery]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
id=id,
delivery=delivery,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    world_id: UUID,
    id: UUID,
    delivery: str,
    *,
    client: AuthenticatedClient,

) -> Problem | WebhookDelivery | None:
    """  Send a delivery again, with the same `webhook-id`.

    Args:
        world_id (UUID):
        id (UUID):
        delivery (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookDelivery
     """


    return (await asyncio_detailed(
        world_id=world_id,
id=id,
delivery=delivery,
client=client,

    )).parsed
