from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_webhook_endpoint_list import PaginatedWebhookEndpointList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/webhooks/".format(world_id=quote(str(world_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedWebhookEndpointList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedWebhookEndpointList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedWebhookEndpointList | Problem]:
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
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[PaginatedWebhookEndpointList | Problem]:
    """  Resolves `self.world` from the path and checks the user's role in it.

    In `initial()`, after authentication, permissions and throttles, and before the
    handler validates anything: an anonymous request is 401 and another studio's world
    404 whatever else the request got wrong.

    Args:
        world_id (UUID):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedWebhookEndpointList | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
page=page,
page_size=page_size,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> PaginatedWebhookEndpointList | Problem | None:
    """  Resolves `self.world` from the path and checks the user's role in it.

    In `initial()`, after authentication, permissions and throttles, and before the
    handler validates anything: an anonymous request is 401 and another studio's world
    404 whatever else the request got wrong.

    Args:
        world_id (UUID):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedWebhookEndpointList | Problem
     """


    return sync_detailed(
        world_id=world_id,
client=client,
page=page,
page_size=page_size,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[PaginatedWebhookEndpointList | Problem]:
    """  Resolves `self.world` from the path and checks the user's role in it.

    In `initial()`, after authentication, permissions and throttles, and before the
    handler validates anything: an anonymous request is 401 and another studio's world
    404 whatever else the request got wrong.

    Args:
        world_id (UUID):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedWebhookEndpointList | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
page=page,
page_size=page_size,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> PaginatedWebhookEndpointList | Problem | None:
    """  Resolves `self.world` from the path and checks the user's role in it.

    In `initial()`, after authentication, permissions and throttles, and before the
    handler validates anything: an anonymous request is 401 and another studio's world
    404 whatever else the request got wrong.

    Args:
        world_id (UUID):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedWebhookEndpointList | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
page=page,
page_size=page_size,

    )).parsed
