from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.factoring_quote_request import FactoringQuoteRequest
from ...models.lease_quote_request import LeaseQuoteRequest
from ...models.loan_quote_request import LoanQuoteRequest
from ...models.quote_response import QuoteResponse
from ...types import Response


def _get_kwargs(
    *,
    body: FactoringQuoteRequest | LeaseQuoteRequest | LoanQuoteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/quotes",
    }

    if isinstance(body, LoanQuoteRequest):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, LeaseQuoteRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | QuoteResponse | None:
    if response.status_code == 200:
        response_200 = QuoteResponse.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | QuoteResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FactoringQuoteRequest | LeaseQuoteRequest | LoanQuoteRequest,
) -> Response[Error | QuoteResponse]:
    """Price loan, lease or factoring terms: the full schedule, totals and APR (any signed-in user).

    Args:
        body (FactoringQuoteRequest | LeaseQuoteRequest | LoanQuoteRequest): The body of ``POST
            /v1/quotes``, discriminated on ``kind``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | QuoteResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: FactoringQuoteRequest | LeaseQuoteRequest | LoanQuoteRequest,
) -> Error | QuoteResponse | None:
    """Price loan, lease or factoring terms: the full schedule, totals and APR (any signed-in user).

    Args:
        body (FactoringQuoteRequest | LeaseQuoteRequest | LoanQuoteRequest): The body of ``POST
            /v1/quotes``, discriminated on ``kind``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | QuoteResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FactoringQuoteRequest | LeaseQuoteRequest | LoanQuoteRequest,
) -> Response[Error | QuoteResponse]:
    """Price loan, lease or factoring terms: the full schedule, totals and APR (any signed-in user).

    Args:
        body (FactoringQuoteRequest | LeaseQuoteRequest | LoanQuoteRequest): The body of ``POST
            /v1/quotes``, discriminated on ``kind``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | QuoteResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: FactoringQuoteRequest | LeaseQuoteRequest | LoanQuoteRequest,
) -> Error | QuoteResponse | None:
    """Price loan, lease or factoring terms: the full schedule, totals and APR (any signed-in user).

    Args:
        body (FactoringQuoteRequest | LeaseQuoteRequest | LoanQuoteRequest): The body of ``POST
            /v1/quotes``, discriminated on ``kind``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | QuoteResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
