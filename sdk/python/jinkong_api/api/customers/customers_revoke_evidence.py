from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.revoke_in import RevokeIn
from ...types import Response


def _get_kwargs(
    customer_id: str,
    evidence_id: str,
    *,
    body: RevokeIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/customers/{customer_id}/verification/evidence/{evidence_id}/revoke".format(
            customer_id=quote(str(customer_id), safe=""),
            evidence_id=quote(str(evidence_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient,
    body: RevokeIn,
) -> Response[Any | Error]:
    """Revoke evidence with a reason; the level is recomputed from what remains and the history says so.

    Args:
        customer_id (str):
        evidence_id (str):
        body (RevokeIn): ``POST /v1/customers/{id}/verification/evidence/{evidence_id}/revoke``:
            why the evidence no longer stands.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        evidence_id=evidence_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient,
    body: RevokeIn,
) -> Any | Error | None:
    """Revoke evidence with a reason; the level is recomputed from what remains and the history says so.

    Args:
        customer_id (str):
        evidence_id (str):
        body (RevokeIn): ``POST /v1/customers/{id}/verification/evidence/{evidence_id}/revoke``:
            why the evidence no longer stands.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        customer_id=customer_id,
        evidence_id=evidence_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient,
    body: RevokeIn,
) -> Response[Any | Error]:
    """Revoke evidence with a reason; the level is recomputed from what remains and the history says so.

    Args:
        customer_id (str):
        evidence_id (str):
        body (RevokeIn): ``POST /v1/customers/{id}/verification/evidence/{evidence_id}/revoke``:
            why the evidence no longer stands.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        evidence_id=evidence_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient,
    body: RevokeIn,
) -> Any | Error | None:
    """Revoke evidence with a reason; the level is recomputed from what remains and the history says so.

    Args:
        customer_id (str):
        evidence_id (str):
        body (RevokeIn): ``POST /v1/customers/{id}/verification/evidence/{evidence_id}/revoke``:
            why the evidence no longer stands.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            evidence_id=evidence_id,
            client=client,
            body=body,
        )
    ).parsed
