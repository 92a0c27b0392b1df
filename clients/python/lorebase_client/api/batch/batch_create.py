from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.batch_request import BatchRequest
from ...models.batch_response import BatchResponse
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    *,
    body: BatchRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/worlds/{world_id}/batch/".format(world_id=quote(str(world_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchResponse | Problem | None:
    if response.status_code == 200:
        response_200 = BatchResponse.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BatchResponse | Problem]:
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
    body: BatchRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[BatchResponse | Problem]:
    """ Create, update and delete many entities, all or nothing

     Operations on any entity type of this world, applied in order in one transaction: if one fails
    nothing is written, and the error names `operations.<index>.<field>` and the reason. New entities
    take a `ref` that later operations use as `{"ref": …}` in place of an id. At most
    `BATCH_MAX_OPERATIONS` operations and `BATCH_MAX_BODY_BYTES` bytes.

    Args:
        world_id (UUID):
        idempotency_key (str | Unset):
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResponse | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
    idempotency_key: str | Unset = UNSET,

) -> BatchResponse | Problem | None:
    """ Create, update and delete many entities, all or nothing

     Operations on any entity type of this world, applied in order in one transaction: if one fails
    nothing is written, and the error names `operations.<index>.<field>` and the reason. New entities
    take a `ref` that later operations use as `{"ref": …}` in place of an id. At most
    `BATCH_MAX_OPERATIONS` operations and `BATCH_MAX_BODY_BYTES` bytes.

    Args:
        world_id (UUID):
        idempotency_key (str | Unset):
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResponse | Problem
     """


    return sync_detailed(
        world_id=world_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[BatchResponse | Problem]:
    """ Create, update and delete many entities, all or nothing

     Operations on any entity type of this world, applied in order in one transaction: if one fails
    nothing is written, and the error names `operations.<index>.<field>` and the reason. New entities
    take a `ref` that later operations use as `{"ref": …}` in place of an id. At most
    `BATCH_MAX_OPERATIONS` operations and `BATCH_MAX_BODY_BYTES` bytes.

    Args:
        world_id (UUID):
        idempotency_key (str | Unset):
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResponse | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
    idempotency_key: str | Unset = UNSET,

) -> BatchResponse | Problem | None:
    """ Create, update and delete many entities, all or nothing

     Operations on any entity type of this world, applied in order in one transaction: if one fails
    nothing is written, and the error names `operations.<index>.<field>` and the reason. New entities
    take a `ref` that later operations use as `{"ref": …}` in place of an id. At most
    `BATCH_MAX_OPERATIONS` operations and `BATCH_MAX_BODY_BYTES` bytes.

    Args:
        world_id (UUID):
        idempotency_key (str | Unset):
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResponse | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
