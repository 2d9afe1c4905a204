from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approval_page import ApprovalPage
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["status"] = status

    params["limit"] = limit

    params["next"] = next_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/approval-requests",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApprovalPage | Error | None:
    if response.status_code == 200:
        response_200 = ApprovalPage.from_dict(response.json())

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
) -> Response[ApprovalPage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> Response[ApprovalPage | Error]:
    """The tenant's approval requests in one status, newest first — by default those awaiting a checker.

    Args:
        status (str | Unset):
        limit (str | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalPage | Error]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        next_=next_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> ApprovalPage | Error | None:
    """The tenant's approval requests in one status, newest first — by default those awaiting a checker.

    Args:
        status (str | Unset):
        limit (str | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalPage | Error
    """

    return sync_detailed(
        client=client,
        status=status,
        limit=limit,
        next_=next_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> Response[ApprovalPage | Error]:
    """The tenant's approval requests in one status, newest first — by default those awaiting a checker.

    Args:
        status (str | Unset):
        limit (str | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalPage | Error]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        next_=next_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> ApprovalPage | Error | None:
    """The tenant's approval requests in one status, newest first — by default those awaiting a checker.

    Args:
        status (str | Unset):
        limit (str | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalPage | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            limit=limit,
            next_=next_,
        )
    ).parsed
