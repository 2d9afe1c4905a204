from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.diff_view import DiffView
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    from_: str | Unset = UNSET,
    to: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/products/{code}/diff".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DiffView | Error | None:
    if response.status_code == 200:
        response_200 = DiffView.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DiffView | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    from_: str | Unset = UNSET,
    to: str,
) -> Response[DiffView | Error]:
    """The parameters that changed between two versions (`?from=1&to=2`), for the approver.

    Args:
        code (str):
        from_ (str | Unset):
        to (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiffView | Error]
    """

    kwargs = _get_kwargs(
        code=code,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    from_: str | Unset = UNSET,
    to: str,
) -> DiffView | Error | None:
    """The parameters that changed between two versions (`?from=1&to=2`), for the approver.

    Args:
        code (str):
        from_ (str | Unset):
        to (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiffView | Error
    """

    return sync_detailed(
        code=code,
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    from_: str | Unset = UNSET,
    to: str,
) -> Response[DiffView | Error]:
    """The parameters that changed between two versions (`?from=1&to=2`), for the approver.

    Args:
        code (str):
        from_ (str | Unset):
        to (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiffView | Error]
    """

    kwargs = _get_kwargs(
        code=code,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    from_: str | Unset = UNSET,
    to: str,
) -> DiffView | Error | None:
    """The parameters that changed between two versions (`?from=1&to=2`), for the approver.

    Args:
        code (str):
        from_ (str | Unset):
        to (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiffView | Error
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
