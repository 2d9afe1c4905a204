from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.offline_repayment_out import OfflineRepaymentOut
from ...types import Response


def _get_kwargs(
    offline_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/offline-repayments/{offline_id}".format(
            offline_id=quote(str(offline_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | OfflineRepaymentOut | None:
    if response.status_code == 200:
        response_200 = OfflineRepaymentOut.from_dict(response.json())

        return response_200

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | OfflineRepaymentOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    offline_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | OfflineRepaymentOut]:
    """An offline repayment and whether it is confirmed.

    Args:
        offline_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OfflineRepaymentOut]
    """

    kwargs = _get_kwargs(
        offline_id=offline_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    offline_id: str,
    *,
    client: AuthenticatedClient,
) -> Error | OfflineRepaymentOut | None:
    """An offline repayment and whether it is confirmed.

    Args:
        offline_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OfflineRepaymentOut
    """

    return sync_detailed(
        offline_id=offline_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    offline_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | OfflineRepaymentOut]:
    """An offline repayment and whether it is confirmed.

    Args:
        offline_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OfflineRepaymentOut]
    """

    kwargs = _get_kwargs(
        offline_id=offline_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    offline_id: str,
    *,
    client: AuthenticatedClient,
) -> Error | OfflineRepaymentOut | None:
    """An offline repayment and whether it is confirmed.

    Args:
        offline_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OfflineRepaymentOut
    """

    return (
        await asyncio_detailed(
            offline_id=offline_id,
            client=client,
        )
    ).parsed
