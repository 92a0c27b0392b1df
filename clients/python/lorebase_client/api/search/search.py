from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.search_response import SearchResponse
from ...models.search_types_item import SearchTypesItem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    *,
    as_of_chapter: int | Unset = UNSET,
    limit: int | Unset = 10,
    q: str,
    tags: list[str] | Unset = UNSET,
    types: list[SearchTypesItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["as_of_chapter"] = as_of_chapter

    params["limit"] = limit

    params["q"] = q

    json_tags: list[str] | Unset = UNSET
    if not isinstance(tags, Unset):
        json_tags = tags


    params["tags"] = json_tags

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = []
        for types_item_data in types:
            types_item = types_item_data.value
            json_types.append(types_item)


    params["types"] = json_types


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/search/".format(world_id=quote(str(world_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SearchResponse | None:
    if response.status_code == 200:
        response_200 = SearchResponse.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SearchResponse]:
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
    limit: int | Unset = 10,
    q: str,
    tags: list[str] | Unset = UNSET,
    types: list[SearchTypesItem] | Unset = UNSET,

) -> Response[Problem | SearchResponse]:
    """ Search the world: a question or words

     Full text, names with typing errors, and graph questions: two characters → the scenes where they
    meet; a character and a place → their scenes; “how is A connected to B” → the shortest connection.

    Args:
        world_id (UUID):
        as_of_chapter (int | Unset):
        limit (int | Unset):  Default: 10.
        q (str):
        tags (list[str] | Unset):
        types (list[SearchTypesItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchResponse]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
as_of_chapter=as_of_chapter,
limit=limit,
q=q,
tags=tags,
types=types,

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
    limit: int | Unset = 10,
    q: str,
    tags: list[str] | Unset = UNSET,
    types: list[SearchTypesItem] | Unset = UNSET,

) -> Problem | SearchResponse | None:
    """ Search the world: a question or words

     Full text, names with typing errors, and graph questions: two characters → the scenes where they
    meet; a character and a place → their scenes; “how is A connected to B” → the shortest connection.

    Args:
        world_id (UUID):
        as_of_chapter (int | Unset):
        limit (int | Unset):  Default: 10.
        q (str):
        tags (list[str] | Unset):
        types (list[SearchTypesItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchResponse
     """


    return sync_detailed(
        world_id=world_id,
client=client,
as_of_chapter=as_of_chapter,
limit=limit,
q=q,
tags=tags,
types=types,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of_chapter: int | Unset = UNSET,
    limit: int | Unset = 10,
    q: str,
    tags: list[str] | Unset = UNSET,
    types: list[SearchTypesItem] | Unset = UNSET,

) -> Response[Problem | SearchResponse]:
    """ Search the world: a question or words

     Full text, names with typing errors, and graph questions: two characters → the scenes where they
    meet; a character and a place → their scenes; “how is A connected to B” → the shortest connection.

    Args:
        world_id (UUID):
        as_of_chapter (int | Unset):
        limit (int | Unset):  Default: 10.
        q (str):
        tags (list[str] | Unset):
        types (list[SearchTypesItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchResponse]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
as_of_chapter=as_of_chapter,
limit=limit,
q=q,
tags=tags,
types=types,

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
    limit: int | Unset = 10,
    q: str,
    tags: list[str] | Unset = UNSET,
    types: list[SearchTypesItem] | Unset = UNSET,

) -> Problem | SearchResponse | None:
    """ Search the world: a question or words

     Full text, names with typing errors, and graph questions: two characters → the scenes where they
    meet; a character and a place → their scenes; “how is A connected to B” → the shortest connection.

    Args:
        world_id (UUID):
        as_of_chapter (int | Unset):
        limit (int | Unset):  Default: 10.
        q (str):
        tags (list[str] | Unset):
        types (list[SearchTypesItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchResponse
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
as_of_chapter=as_of_chapter,
limit=limit,
q=q,
tags=tags,
types=types,

    )).parsed
