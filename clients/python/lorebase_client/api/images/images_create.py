from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.image import Image
from ...models.image_upload_request import ImageUploadRequest
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    *,
    body: ImageUploadRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/worlds/{world_id}/images/".format(world_id=quote(str(world_id), safe=""),),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Image | Problem | None:
    if response.status_code == 201:
        response_201 = Image.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Image | Problem]:
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
    body: ImageUploadRequest,

) -> Response[Image | Problem]:
    """  Upload a picture (multipart/form-data). The file is decoded: anything but a PNG, JPEG, WebP or GIF,
    a file over IMAGE_MAX_UPLOAD_BYTES or a picture of more than IMAGE_MAX_PIXELS pixels is refused with
    a 400 naming `file`.

    Args:
        world_id (UUID):
        body (ImageUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Image | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImageUploadRequest,

) -> Image | Problem | None:
    """  Upload a picture (multipart/form-data). The file is decoded: anything but a PNG, JPEG, WebP or GIF,
    a file over IMAGE_MAX_UPLOAD_BYTES or a picture of more than IMAGE_MAX_PIXELS pixels is refused with
    a 400 naming `file`.

    Args:
        world_id (UUID):
        body (ImageUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Image | Problem
     """


    return sync_detailed(
        world_id=world_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImageUploadRequest,

) -> Response[Image | Problem]:
    """  Upload a picture (multipart/form-data). The file is decoded: anything but a PNG, JPEG, WebP or GIF,
    a file over IMAGE_MAX_UPLOAD_BYTES or a picture of more than IMAGE_MAX_PIXELS pixels is refused with
    a 400 naming `file`.

    Args:
        world_id (UUID):
        body (ImageUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Image | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImageUploadRequest,

) -> Image | Problem | None:
    """  Upload a picture (multipart/form-data). The file is decoded: anything but a PNG, JPEG, WebP or GIF,
    a file over IMAGE_MAX_UPLOAD_BYTES or a picture of more than IMAGE_MAX_PIXELS pixels is refused with
    a 400 naming `file`.

    Args:
        world_id (UUID):
        body (ImageUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Image | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
body=body,

    )).parsed
