from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.answer import Answer
from ...models.answer_request_request import AnswerRequestRequest
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    *,
    body: AnswerRequestRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/worlds/{world_id}/answers/".format(world_id=quote(str(world_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Answer | Problem | None:
    if response.status_code == 200:
        response_200 = Answer.from_dict(response.json())



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

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Answer | Problem]:
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
    body: AnswerRequestRequest,

) -> Response[Answer | Problem]:
    """ Ask a character: an answer in role

     The character answers from what they could know at `as_of_chapter`: the scenes they were in (not
    merely mentioned); their relations valid then — one with no first chapter only once they have shared
    a scene with the other party, unless it is known from the start (with a place or a concept at the
    other end, always); the deaths they witnessed or caused, from the chapter of the death; and the
    places and concepts those lead to. Every citation is an id from that context (a death cites its
    scene). Questions of at most 500 characters.

    Args:
        world_id (UUID):
        body (AnswerRequestRequest): Checks `as_of_chapter` against the chapters of the world
            (context["world"]).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Answer | Problem]
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
    body: AnswerRequestRequest,

) -> Answer | Problem | None:
    """ Ask a character: an answer in role

     The character answers from what they could know at `as_of_chapter`: the scenes they were in (not
    merely mentioned); their relations valid then — one with no first chapter only once they have shared
    a scene with the other party, unless it is known from the start (with a place or a concept at the
    other end, always); the deaths they witnessed or caused, from the chapter of the death; and the
    places and concepts those lead to. Every citation is an id from that context (a death cites its
    scene). Questions of at most 500 characters.

    Args:
        world_id (UUID):
        body (AnswerRequestRequest): Checks `as_of_chapter` against the chapters of the world
            (context["world"]).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Answer | Problem
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
    body: AnswerRequestRequest,

) -> Response[Answer | Problem]:
    """ Ask a character: an answer in role

     The character answers from what they could know at `as_of_chapter`: the scenes they were in (not
    merely mentioned); their relations valid then — one with no first chapter only once they have shared
    a scene with the other party, unless it is known from the start (with a place or a concept at the
    other end, always); the deaths they witnessed or caused, from the chapter of the death; and the
    places and concepts those lead to. Every citation is an id from that context (a death cites its
    scene). Questions of at most 500 characters.

    Args:
        world_id (UUID):
        body (AnswerRequestRequest): Checks `as_of_chapter` against the chapters of the world
            (context["world"]).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Answer | Problem]
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
    body: AnswerRequestRequest,

) -> Answer | Problem | None:
    """ Ask a character: an answer in role

     The character answers from what they could know at `as_of_chapter`: the scenes they were in (not
    merely mentioned); their relations valid then — one with no first chapter only once they have shared
    a scene with the other party, unless it is known from the start (with a place or a concept at the
    other end, always); the deaths they witnessed or caused, from the chapter of the death; and the
    places and concepts those lead to. Every citation is an id from that context (a death cites its
    scene). Questions of at most 500 characters.

    Args:
        world_id (UUID):
        body (AnswerRequestRequest): Checks `as_of_chapter` against the chapters of the world
            (context["world"]).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Answer | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
body=body,

    )).parsed
