from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.transition_request import TransitionRequest
from ...models.version_view import VersionView
from ...types import Response


def _get_kwargs(
    code: str,
    version: str,
    *,
    body: TransitionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/products/{code}/versions/{version}/retire".format(
            code=quote(str(code), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | VersionView | None:
    if response.status_code == 200:
        response_200 = VersionView.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | VersionView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    version: str,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
) -> Response[Error | VersionView]:
    """Retire a version for new business; contracts written on it keep it.

    Args:
        code (str):
        version (str):
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VersionView]
    """

    kwargs = _get_kwargs(
        code=code,
        version=version,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    version: str,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
) -> Error | VersionView | None:
    """Retire a version for new business; contracts written on it keep it.

    Args:
        code (str):
        version (str):
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VersionView
    """

    return sync_detailed(
        code=code,
        version=version,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    code: str,
    version: str,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
) -> Response[Error | VersionView]:
    """Retire a version for new business; contracts written on it keep it.

    Args:
        code (str):
        version (str):
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VersionView]
    """

    kwargs = _get_kwargs(
        code=code,
        version=version,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    version: str,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
) -> Error | VersionView | None:
    """Retire a version for new business; contracts written on it keep it.

    Args:
        code (str):
        version (str):
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VersionView
    """

    return (
        await asyncio_detailed(
            code=code,
            version=version,
            client=client,
            body=body,
        )
    ).parsed
