from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.proposal_view import ProposalView
from ...models.reverse_request import ReverseRequest
from ...types import Response


def _get_kwargs(
    entry_id: str,
    *,
    body: ReverseRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/ledger/entries/{entry_id}/reverse".format(
            entry_id=quote(str(entry_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | ProposalView | None:
    if response.status_code == 202:
        response_202 = ProposalView.from_dict(response.json())

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
) -> Response[Error | ProposalView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    entry_id: str,
    *,
    client: AuthenticatedClient,
    body: ReverseRequest,
) -> Response[Error | ProposalView]:
    """Propose reversing a manual journal entry (Idempotency-Key header required): 202 with a pending

     Propose reversing a manual journal entry (Idempotency-Key header required): 202 with a pending
        proposal (``kind: reversal``) that another user approves through
        ``/v1/ledger/journal-proposals/{id}/approve``, which posts the reversal — at most once per
    entry.
        Entries other contexts posted (disbursements, repayments, accruals, …) are reversed only there:
        409 ``ledger.entry.owned``.

    Args:
        entry_id (str):
        body (ReverseRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProposalView]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entry_id: str,
    *,
    client: AuthenticatedClient,
    body: ReverseRequest,
) -> Error | ProposalView | None:
    """Propose reversing a manual journal entry (Idempotency-Key header required): 202 with a pending

     Propose reversing a manual journal entry (Idempotency-Key header required): 202 with a pending
        proposal (``kind: reversal``) that another user approves through
        ``/v1/ledger/journal-proposals/{id}/approve``, which posts the reversal — at most once per
    entry.
        Entries other contexts posted (disbursements, repayments, accruals, …) are reversed only there:
        409 ``ledger.entry.owned``.

    Args:
        entry_id (str):
        body (ReverseRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProposalView
    """

    return sync_detailed(
        entry_id=entry_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    entry_id: str,
    *,
    client: AuthenticatedClient,
    body: ReverseRequest,
) -> Response[Error | ProposalView]:
    """Propose reversing a manual journal entry (Idempotency-Key header required): 202 with a pending

     Propose reversing a manual journal entry (Idempotency-Key header required): 202 with a pending
        proposal (``kind: reversal``) that another user approves through
        ``/v1/ledger/journal-proposals/{id}/approve``, which posts the reversal — at most once per
    entry.
        Entries other contexts posted (disbursements, repayments, accruals, …) are reversed only there:
        409 ``ledger.entry.owned``.

    Args:
        entry_id (str):
        body (ReverseRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProposalView]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entry_id: str,
    *,
    client: AuthenticatedClient,
    body: ReverseRequest,
) -> Error | ProposalView | None:
    """Propose reversing a manual journal entry (Idempotency-Key header required): 202 with a pending

     Propose reversing a manual journal entry (Idempotency-Key header required): 202 with a pending
        proposal (``kind: reversal``) that another user approves through
        ``/v1/ledger/journal-proposals/{id}/approve``, which posts the reversal — at most once per
    entry.
        Entries other contexts posted (disbursements, repayments, accruals, …) are reversed only there:
        409 ``ledger.entry.owned``.

    Args:
        entry_id (str):
        body (ReverseRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProposalView
    """

    return (
        await asyncio_detailed(
            entry_id=entry_id,
            client=client,
            body=body,
        )
    ).parsed
