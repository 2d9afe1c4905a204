from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.end_of_day_out import EndOfDayOut
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    business_date: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/servicing/end-of-day/{business_date}".format(
            business_date=quote(str(business_date), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EndOfDayOut | Error | None:
    if response.status_code == 200:
        response_200 = EndOfDayOut.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EndOfDayOut | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    business_date: str,
    *,
    client: AuthenticatedClient,
) -> Response[EndOfDayOut | Error]:
    """A close-of-business run's progress: its phases, the contract batches' counts per business step,

     A close-of-business run's progress: its phases, the contract batches' counts per business step,
        and the contracts parked with their errors.

    Args:
        business_date (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndOfDayOut | Error]
    """

    kwargs = _get_kwargs(
        business_date=business_date,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    business_date: str,
    *,
    client: AuthenticatedClient,
) -> EndOfDayOut | Error | None:
    """A close-of-business run's progress: its phases, the contract batches' counts per business step,

     A close-of-business run's progress: its phases, the contract batches' counts per business step,
        and the contracts parked with their errors.

    Args:
        business_date (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndOfDayOut | Error
    """

    return sync_detailed(
        business_date=business_date,
        client=client,
    ).parsed


async def asyncio_detailed(
    business_date: str,
    *,
    client: AuthenticatedClient,
) -> Response[EndOfDayOut | Error]:
    """A close-of-business run's progress: its phases, the contract batches' counts per business step,

     A close-of-business run's progress: its phases, the contract batches' counts per business step,
        and the contracts parked with their errors.

    Args:
        business_date (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndOfDayOut | Error]
    """

    kwargs = _get_kwargs(
        business_date=business_date,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    business_date: str,
    *,
    client: AuthenticatedClient,
) -> EndOfDayOut | Error | None:
    """A close-of-business run's progress: its phases, the contract batches' counts per business step,

     A close-of-business run's progress: its phases, the contract batches' counts per business step,
        and the contracts parked with their errors.

    Args:
        business_date (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndOfDayOut | Error
    """

    return (
        await asyncio_detailed(
            business_date=business_date,
            client=client,
        )
    ).parsed
