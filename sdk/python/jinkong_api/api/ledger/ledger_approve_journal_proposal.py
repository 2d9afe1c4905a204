from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.entry_view import EntryView
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    proposal_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/ledger/journal-proposals/{proposal_id}/approve".format(
            proposal_id=quote(str(proposal_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EntryView | Error | None:
    if response.status_code == 201:
        response_201 = EntryView.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EntryView | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    proposal_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[EntryView | Error]:
    """Approve a proposal and post its entry — never by whoever proposed it (403 ledger.maker_checker).

    Args:
        proposal_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntryView | Error]
    """

    kwargs = _get_kwargs(
        proposal_id=proposal_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    proposal_id: str,
    *,
    client: AuthenticatedClient,
) -> EntryView | Error | None:
    """Approve a proposal and post its entry — never by whoever proposed it (403 ledger.maker_checker).

    Args:
        proposal_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntryView | Error
    """

    return sync_detailed(
        proposal_id=proposal_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    proposal_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[EntryView | Error]:
    """Approve a proposal and post its entry — never by whoever proposed it (403 ledger.maker_checker).

    Args:
        proposal_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntryView | Error]
    """

    kwargs = _get_kwargs(
        proposal_id=proposal_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    proposal_id: str,
    *,
    client: AuthenticatedClient,
) -> EntryView | Error | None:
    """Approve a proposal and post its entry — never by whoever proposed it (403 ledger.maker_checker).

    Args:
        proposal_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntryView | Error
    """

    return (
        await asyncio_detailed(
            proposal_id=proposal_id,
            client=client,
        )
    ).parsed
