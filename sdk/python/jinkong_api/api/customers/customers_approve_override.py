from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.override_decision_in import OverrideDecisionIn
from ...types import Response


def _get_kwargs(
    customer_id: str,
    override_id: str,
    *,
    body: OverrideDecisionIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/customers/{customer_id}/grade-overrides/{override_id}/approve".format(
            customer_id=quote(str(customer_id), safe=""),
            override_id=quote(str(override_id), safe=""),
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
    override_id: str,
    *,
    client: AuthenticatedClient,
    body: OverrideDecisionIn,
) -> Response[Any | Error]:
    """Approve a grade override (approval: someone other than its maker).

    Args:
        customer_id (str):
        override_id (str):
        body (OverrideDecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        override_id=override_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    override_id: str,
    *,
    client: AuthenticatedClient,
    body: OverrideDecisionIn,
) -> Any | Error | None:
    """Approve a grade override (approval: someone other than its maker).

    Args:
        customer_id (str):
        override_id (str):
        body (OverrideDecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        customer_id=customer_id,
        override_id=override_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    override_id: str,
    *,
    client: AuthenticatedClient,
    body: OverrideDecisionIn,
) -> Response[Any | Error]:
    """Approve a grade override (approval: someone other than its maker).

    Args:
        customer_id (str):
        override_id (str):
        body (OverrideDecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        override_id=override_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    override_id: str,
    *,
    client: AuthenticatedClient,
    body: OverrideDecisionIn,
) -> Any | Error | None:
    """Approve a grade override (approval: someone other than its maker).

    Args:
        customer_id (str):
        override_id (str):
        body (OverrideDecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            override_id=override_id,
            client=client,
            body=body,
        )
    ).parsed
