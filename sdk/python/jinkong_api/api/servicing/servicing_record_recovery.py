from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approval_request_out import ApprovalRequestOut
from ...models.error import Error
from ...models.recovery_in import RecoveryIn
from ...types import Response


def _get_kwargs(
    contract_id: str,
    *,
    body: RecoveryIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contracts/{contract_id}/recoveries".format(
            contract_id=quote(str(contract_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApprovalRequestOut | Error | None:
    if response.status_code == 202:
        response_202 = ApprovalRequestOut.from_dict(response.json())

        return response_202

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
) -> Response[ApprovalRequestOut | Error]:
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
    body: RecoveryIn,
) -> Response[ApprovalRequestOut | Error]:
    """Ask to record money recovered after write-off (Idempotency-Key required): 202 pending another

     Ask to record money recovered after write-off (Idempotency-Key required): 202 pending another
        user's approval, which posts it; 201, done at once, below the tenant's
    ``four_eyes_below.recovery``.

    Args:
        contract_id (str):
        body (RecoveryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalRequestOut | Error]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    body: RecoveryIn,
) -> ApprovalRequestOut | Error | None:
    """Ask to record money recovered after write-off (Idempotency-Key required): 202 pending another

     Ask to record money recovered after write-off (Idempotency-Key required): 202 pending another
        user's approval, which posts it; 201, done at once, below the tenant's
    ``four_eyes_below.recovery``.

    Args:
        contract_id (str):
        body (RecoveryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalRequestOut | Error
    """

    return sync_detailed(
        contract_id=contract_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    body: RecoveryIn,
) -> Response[ApprovalRequestOut | Error]:
    """Ask to record money recovered after write-off (Idempotency-Key required): 202 pending another

     Ask to record money recovered after write-off (Idempotency-Key required): 202 pending another
        user's approval, which posts it; 201, done at once, below the tenant's
    ``four_eyes_below.recovery``.

    Args:
        contract_id (str):
        body (RecoveryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalRequestOut | Error]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contract_id: str,
    *,
    client: AuthenticatedClient,
    body: RecoveryIn,
) -> ApprovalRequestOut | Error | None:
    """Ask to record money recovered after write-off (Idempotency-Key required): 202 pending another

     Ask to record money recovered after write-off (Idempotency-Key required): 202 pending another
        user's approval, which posts it; 201, done at once, below the tenant's
    ``four_eyes_below.recovery``.

    Args:
        contract_id (str):
        body (RecoveryIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalRequestOut | Error
    """

    return (
        await asyncio_detailed(
            contract_id=contract_id,
            client=client,
            body=body,
        )
    ).parsed
