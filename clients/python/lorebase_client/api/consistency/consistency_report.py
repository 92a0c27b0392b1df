from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.consistency_report import ConsistencyReport
from ...models.consistency_report_rule import ConsistencyReportRule
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    world_id: UUID,
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    rule: ConsistencyReportRule | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    json_rule: str | Unset = UNSET
    if not isinstance(rule, Unset):
        json_rule = rule.value

    params["rule"] = json_rule


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/worlds/{world_id}/consistency/".format(world_id=quote(str(world_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConsistencyReport | Problem | None:
    if response.status_code == 200:
        response_200 = ConsistencyReport.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ConsistencyReport | Problem]:
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
    rule: ConsistencyReportRule | Unset = UNSET,

) -> Response[ConsistencyReport | Problem]:
    """ Contradictions and gaps in the world's lore

     Dead characters in later scenes, scenes without location or participants, places inside each other,
    relations that end before they start, allies who are enemies in the same chapters, and names so
    alike they may be one entity. Computed when asked, rule by rule, in a fixed order.

    Args:
        world_id (UUID):
        page (int | Unset):
        page_size (int | Unset):
        rule (ConsistencyReportRule | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsistencyReport | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
page=page,
page_size=page_size,
rule=rule,

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
    rule: ConsistencyReportRule | Unset = UNSET,

) -> ConsistencyReport | Problem | None:
    """ Contradictions and gaps in the world's lore

     Dead characters in later scenes, scenes without location or participants, places inside each other,
    relations that end before they start, allies who are enemies in the same chapters, and names so
    alike they may be one entity. Computed when asked, rule by rule, in a fixed order.

    Args:
        world_id (UUID):
        page (int | Unset):
        page_size (int | Unset):
        rule (ConsistencyReportRule | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsistencyReport | Problem
     """


    return sync_detailed(
        world_id=world_id,
client=client,
page=page,
page_size=page_size,
rule=rule,

    ).parsed

async def asyncio_detailed(
    world_id: UUID,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    rule: ConsistencyReportRule | Unset = UNSET,

) -> Response[ConsistencyReport | Problem]:
    """ Contradictions and gaps in the world's lore

     Dead characters in later scenes, scenes without location or participants, places inside each other,
    relations that end before they start, allies who are enemies in the same chapters, and names so
    alike they may be one entity. Computed when asked, rule by rule, in a fixed order.

    Args:
        world_id (UUID):
        page (int | Unset):
        page_size (int | Unset):
        rule (ConsistencyReportRule | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsistencyReport | Problem]
     """


    kwargs = _get_kwargs(
        world_id=world_id,
page=page,
page_size=page_size,
rule=rule,

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
    rule: ConsistencyReportRule | Unset = UNSET,

) -> ConsistencyReport | Problem | None:
    """ Contradictions and gaps in the world's lore

     Dead characters in later scenes, scenes without location or participants, places inside each other,
    relations that end before they start, allies who are enemies in the same chapters, and names so
    alike they may be one entity. Computed when asked, rule by rule, in a fixed order.

    Args:
        world_id (UUID):
        page (int | Unset):
        page_size (int | Unset):
        rule (ConsistencyReportRule | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsistencyReport | Problem
     """


    return (await asyncio_detailed(
        world_id=world_id,
client=client,
page=page,
page_size=page_size,
rule=rule,

    )).parsed
