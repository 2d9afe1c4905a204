from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.end_of_day_in import EndOfDayIn
from ...models.end_of_day_out import EndOfDayOut
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: EndOfDayIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/servicing/end-of-day",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EndOfDayOut | Error | None:
    if response.status_code == 200:
        response_200 = EndOfDayOut.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = EndOfDayOut.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EndOfDayOut | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EndOfDayIn,
) -> Response[EndOfDayOut | Error]:
    """Close of business through a date: every date not yet closed, in order (idempotent per date), on

     Close of business through a date: every date not yet closed, in order (idempotent per date), on
        the close-of-business state machine. 200 with the run once it has ended; 202 with the run as it
        stands if it is still going after a few seconds (follow it on ``GET …/end-of-day/{date}``).

    Args:
        body (EndOfDayIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndOfDayOut | Error]
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
    body: EndOfDayIn,
) -> EndOfDayOut | Error | None:
    """Close of business through a date: every date not yet closed, in order (idempotent per date), on

     Close of business through a date: every date not yet closed, in order (idempotent per date), on
        the close-of-business state machine. 200 with the run once it has ended; 202 with the run as it
        stands if it is still going after a few seconds (follow it on ``GET …/end-of-day/{date}``).

    Args:
        body (EndOfDayIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndOfDayOut | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EndOfDayIn,
) -> Response[EndOfDayOut | Error]:
    """Close of business through a date: every date not yet closed, in order (idempotent per date), on

     Close of business through a date: every date not yet closed, in order (idempotent per date), on
        the close-of-business state machine. 200 with the run once it has ended; 202 with the run as it
        stands if it is still going after a few seconds (follow it on ``GET …/end-of-day/{date}``).

    Args:
        body (EndOfDayIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndOfDayOut | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EndOfDayIn,
) -> EndOfDayOut | Error | None:
    """Close of business through a date: every date not yet closed, in order (idempotent per date), on

     Close of business through a date: every date not yet closed, in order (idempotent per date), on
        the close-of-business state machine. 200 with the run once it has ended; 202 with the run as it
        stands if it is still going after a few seconds (follow it on ``GET …/end-of-day/{date}``).

    Args:
        body (EndOfDayIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndOfDayOut | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
