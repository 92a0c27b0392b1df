from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.character_card_spec import CharacterCardSpec
from ...models.character_card_v2 import CharacterCardV2
from ...models.character_card_v3 import CharacterCardV3
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    id: UUID,
    *,
    as_of_chapter: int | Unset = UNSET,
    spec: CharacterCardSpec | Unset = CharacterCardSpec.V2,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["as_of_chapter"] = as_of_chapter

    json_spec: str | Unset = UNSET
    if not isinstance(spec, Unset):
        json_spec = spec.value

    params["spec"] = json_spec


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/characters/{id}/card/".format(world_id=quote(str(world_id), safe=""),id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CharacterCardV2 | CharacterCardV3 | Problem | None:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> CharacterCardV2 | CharacterCardV3:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_character_card_type_0 = CharacterCardV2.from_dict(data)



                return componentsschemas_character_card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_character_card_type_1 = CharacterCardV3.from_dict(data)



            return componentsschemas_character_card_type_1

        response_200 = _parse_response_200(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CharacterCardV2 | CharacterCardV3 | Problem]:
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
    spec: CharacterCardSpec | Unset = CharacterCardSpec.V2,

) -> Response[CharacterCardV2 | CharacterCardV3 | Problem]:
    """ A character as a Character Card V2 or V3, optionally cut at a chapter

     A character as a Character Card V2 or V3 with a lorebook of what they know.

    Args:
        world_id (UUID):
        id (UUID):
        as_of_chapter (int | Unset):
        spec (CharacterCardSpec | Unset):  Default: CharacterCardSpec.V2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CharacterCardV2 | CharacterCardV3 | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
id=id,
as_of_chapter=as_of_chapter,
spec=spec,

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
    spec: CharacterCardSpec | Unset = CharacterCardSpec.V2,

) -> CharacterCardV2 | CharacterCardV3 | Problem | None:
    """ A character as a Character Card V2 or V3, optionally cut at a chapter

     A character as a Character Card V2 or V3 with a lorebook of what they know.

    Args:
        world_id (UUID):
        id (UUID):
        as_of_chapter (int | Unset):
        spec (CharacterCardSpec | Unset):  Default: CharacterCardSpec.V2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CharacterCardV2 | CharacterCardV3 | Problem
     """


    return sync_detailed(
        world_id=world_id,
id=id,
client=client,
as_of_chapter=as_of_chapter,
spec=spec,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    id: UUID,
    *,
    client: AuthenticatedClient,
    as_of_chapter: int | Unset = UNSET,
    spec: CharacterCardSpec | Unset = CharacterCardSpec.V2,

) -> Response[CharacterCardV2 | CharacterCardV3 | Problem]:
    """ A character as a Character Card V2 or V3, optionally cut at a chapter

     A character as a Character Card V2 or V3 with a lorebook of what they know.

    Args:
        world_id (UUID):
        id (UUID):
        as_of_chapter (int | Unset):
        spec (CharacterCardSpec | Unset):  Default: CharacterCardSpec.V2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CharacterCardV2 | CharacterCardV3 | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
id=id,
as_of_chapter=as_of_chapter,
spec=spec,

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
    spec: CharacterCardSpec | Unset = CharacterCardSpec.V2,

) -> CharacterCardV2 | CharacterCardV3 | Problem | None:
    """ A character as a Character Card V2 or V3, optionally cut at a chapter

     A character as a Character Card V2 or V3 with a lorebook of what they know.

    Args:
        world_id (UUID):
        id (UUID):
        as_of_chapter (int | Unset):
        spec (CharacterCardSpec | Unset):  Default: CharacterCardSpec.V2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CharacterCardV2 | CharacterCardV3 | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
id=id,
client=client,
as_of_chapter=as_of_chapter,
spec=spec,

    )).parsed
