from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_page import ChangePage
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    next_: str | Unset = UNSET,
    limit: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["next"] = next_

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user_id}/history".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangePage | Error | None:
    if response.status_code == 200:
        response_200 = ChangePage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChangePage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    next_: str | Unset = UNSET,
    limit: str | Unset = UNSET,
) -> Response[ChangePage | Error]:
    """The user's changes (who, when, before and after), newest first.

    Args:
        user_id (str):
        next_ (str | Unset):
        limit (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        next_=next_,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    next_: str | Unset = UNSET,
    limit: str | Unset = UNSET,
) -> ChangePage | Error | None:
    """The user's changes (who, when, before and after), newest first.

    Args:
        user_id (str):
        next_ (str | Unset):
        limit (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Error
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        next_=next_,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    next_: str | Unset = UNSET,
    limit: str | Unset = UNSET,
) -> Response[ChangePage | Error]:
    """The user's changes (who, when, before and after), newest first.

    Args:
        user_id (str):
        next_ (str | Unset):
        limit (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        next_=next_,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    next_: str | Unset = UNSET,
    limit: str | Unset = UNSET,
) -> ChangePage | Error | None:
    """The user's changes (who, when, before and after), newest first.

    Args:
        user_id (str):
        next_ (str | Unset):
        limit (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Error
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            next_=next_,
            limit=limit,
        )
    ).parsed
