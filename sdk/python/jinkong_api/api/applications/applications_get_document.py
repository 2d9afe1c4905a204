from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_download_view import DocumentDownloadView
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    application_id: str,
    document_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/applications/{application_id}/documents/{document_id}".format(
            application_id=quote(str(application_id), safe=""),
            document_id=quote(str(document_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DocumentDownloadView | Error | None:
    if response.status_code == 200:
        response_200 = DocumentDownloadView.from_dict(response.json())

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
) -> Response[DocumentDownloadView | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: str,
    document_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[DocumentDownloadView | Error]:
    """A document with a short-lived download URL.

    Args:
        application_id (str):
        document_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentDownloadView | Error]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        document_id=document_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: str,
    document_id: str,
    *,
    client: AuthenticatedClient,
) -> DocumentDownloadView | Error | None:
    """A document with a short-lived download URL.

    Args:
        application_id (str):
        document_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentDownloadView | Error
    """

    return sync_detailed(
        application_id=application_id,
        document_id=document_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    application_id: str,
    document_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[DocumentDownloadView | Error]:
    """A document with a short-lived download URL.

    Args:
        application_id (str):
        document_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentDownloadView | Error]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        document_id=document_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: str,
    document_id: str,
    *,
    client: AuthenticatedClient,
) -> DocumentDownloadView | Error | None:
    """A document with a short-lived download URL.

    Args:
        application_id (str):
        document_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentDownloadView | Error
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            document_id=document_id,
            client=client,
        )
    ).parsed
