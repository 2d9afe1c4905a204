from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.evidence_in import EvidenceIn
from ...types import Response


def _get_kwargs(
    customer_id: str,
    *,
    body: EvidenceIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/customers/{customer_id}/verification/evidence".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 201:
        response_201 = cast(Any, None)
        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceIn,
) -> Response[Any | Error]:
    """Record verification evidence; the level rises to what the evidence on record reaches.

    Args:
        customer_id (str):
        body (EvidenceIn): ``POST /v1/customers/{id}/verification/evidence``.

            ``phone_confirmed`` names the phone and the code's reference; ``id_document_checked`` the
            document
            type and the check's reference; ``face_matched`` the captured selfie and document photo
            (the
            verification provider is asked, and only its passing answer becomes evidence).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceIn,
) -> Any | Error | None:
    """Record verification evidence; the level rises to what the evidence on record reaches.

    Args:
        customer_id (str):
        body (EvidenceIn): ``POST /v1/customers/{id}/verification/evidence``.

            ``phone_confirmed`` names the phone and the code's reference; ``id_document_checked`` the
            document
            type and the check's reference; ``face_matched`` the captured selfie and document photo
            (the
            verification provider is asked, and only its passing answer becomes evidence).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceIn,
) -> Response[Any | Error]:
    """Record verification evidence; the level rises to what the evidence on record reaches.

    Args:
        customer_id (str):
        body (EvidenceIn): ``POST /v1/customers/{id}/verification/evidence``.

            ``phone_confirmed`` names the phone and the code's reference; ``id_document_checked`` the
            document
            type and the check's reference; ``face_matched`` the captured selfie and document photo
            (the
            verification provider is asked, and only its passing answer becomes evidence).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceIn,
) -> Any | Error | None:
    """Record verification evidence; the level rises to what the evidence on record reaches.

    Args:
        customer_id (str):
        body (EvidenceIn): ``POST /v1/customers/{id}/verification/evidence``.

            ``phone_confirmed`` names the phone and the code's reference; ``id_document_checked`` the
            document
            type and the check's reference; ``face_matched`` the captured selfie and document photo
            (the
            verification provider is asked, and only its passing answer becomes evidence).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            body=body,
        )
    ).parsed
