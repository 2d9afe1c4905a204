from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.offline_repayment_page import OfflineRepaymentPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contract_id: str,
    *,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["next"] = next_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/contracts/{contract_id}/offline-repayments".format(
            contract_id=quote(str(contract_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | OfflineRepaymentPage | None:
    if response.status_code == 200:
        response_200 = OfflineRepaymentPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | OfflineRepaymentPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> Response[Error | OfflineRepaymentPage]:
    """The contract's offline repayments in any status, newest first.

    Args:
        contract_id (str):
        limit (str | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OfflineRepaymentPage]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        limit=limit,
        next_=next_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> Error | OfflineRepaymentPage | None:
    """The contract's offline repayments in any status, newest first.

    Args:
        contract_id (str):
        limit (str | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OfflineRepaymentPage
    """

    return sync_detailed(
        contract_id=contract_id,
        client=client,
        limit=limit,
        next_=next_,
    ).parsed


async def asyncio_detailed(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> Response[Error | OfflineRepaymentPage]:
    """The contract's offline repayments in any status, newest first.

    Args:
        contract_id (str):
        limit (str | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OfflineRepaymentPage]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        limit=limit,
        next_=next_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> Error | OfflineRepaymentPage | None:
    """The contract's offline repayments in any status, newest first.

    Args:
        contract_id (str):
        limit (str | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OfflineRepaymentPage
    """

    return (
        await asyncio_detailed(
            contract_id=contract_id,
            client=client,
            limit=limit,
            next_=next_,
        )
    ).parsed
