from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.exposure_page import ExposurePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
    run: str | Unset = UNSET,
    subsidiary: str | Unset = UNSET,
    product_kind: str | Unset = UNSET,
    classification: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    region: str | Unset = UNSET,
    min_exposure: str | Unset = UNSET,
    group_customer_id: str | Unset = UNSET,
    related_party: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["next"] = next_

    params["run"] = run

    params["subsidiary"] = subsidiary

    params["product_kind"] = product_kind

    params["classification"] = classification

    params["industry"] = industry

    params["region"] = region

    params["min_exposure"] = min_exposure

    params["group_customer_id"] = group_customer_id

    params["related_party"] = related_party

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/group/exposures",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | ExposurePage | None:
    if response.status_code == 200:
        response_200 = ExposurePage.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ExposurePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
    run: str | Unset = UNSET,
    subsidiary: str | Unset = UNSET,
    product_kind: str | Unset = UNSET,
    classification: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    region: str | Unset = UNSET,
    min_exposure: str | Unset = UNSET,
    group_customer_id: str | Unset = UNSET,
    related_party: str | Unset = UNSET,
) -> Response[Error | ExposurePage]:
    """Consolidated exposure per customer (largest first), with the per-subsidiary breakdown.

    Args:
        limit (str | Unset):
        next_ (str | Unset):
        run (str | Unset):
        subsidiary (str | Unset):
        product_kind (str | Unset):
        classification (str | Unset):
        industry (str | Unset):
        region (str | Unset):
        min_exposure (str | Unset):
        group_customer_id (str | Unset):
        related_party (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ExposurePage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        next_=next_,
        run=run,
        subsidiary=subsidiary,
        product_kind=product_kind,
        classification=classification,
        industry=industry,
        region=region,
        min_exposure=min_exposure,
        group_customer_id=group_customer_id,
        related_party=related_party,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
    run: str | Unset = UNSET,
    subsidiary: str | Unset = UNSET,
    product_kind: str | Unset = UNSET,
    classification: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    region: str | Unset = UNSET,
    min_exposure: str | Unset = UNSET,
    group_customer_id: str | Unset = UNSET,
    related_party: str | Unset = UNSET,
) -> Error | ExposurePage | None:
    """Consolidated exposure per customer (largest first), with the per-subsidiary breakdown.

    Args:
        limit (str | Unset):
        next_ (str | Unset):
        run (str | Unset):
        subsidiary (str | Unset):
        product_kind (str | Unset):
        classification (str | Unset):
        industry (str | Unset):
        region (str | Unset):
        min_exposure (str | Unset):
        group_customer_id (str | Unset):
        related_party (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ExposurePage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        next_=next_,
        run=run,
        subsidiary=subsidiary,
        product_kind=product_kind,
        classification=classification,
        industry=industry,
        region=region,
        min_exposure=min_exposure,
        group_customer_id=group_customer_id,
        related_party=related_party,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
    run: str | Unset = UNSET,
    subsidiary: str | Unset = UNSET,
    product_kind: str | Unset = UNSET,
    classification: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    region: str | Unset = UNSET,
    min_exposure: str | Unset = UNSET,
    group_customer_id: str | Unset = UNSET,
    related_party: str | Unset = UNSET,
) -> Response[Error | ExposurePage]:
    """Consolidated exposure per customer (largest first), with the per-subsidiary breakdown.

    Args:
        limit (str | Unset):
        next_ (str | Unset):
        run (str | Unset):
        subsidiary (str | Unset):
        product_kind (str | Unset):
        classification (str | Unset):
        industry (str | Unset):
        region (str | Unset):
        min_exposure (str | Unset):
        group_customer_id (str | Unset):
        related_party (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ExposurePage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        next_=next_,
        run=run,
        subsidiary=subsidiary,
        product_kind=product_kind,
        classification=classification,
        industry=industry,
        region=region,
        min_exposure=min_exposure,
        group_customer_id=group_customer_id,
        related_party=related_party,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: str | Unset = UNSET,
    next_: str | Unset = UNSET,
    run: str | Unset = UNSET,
    subsidiary: str | Unset = UNSET,
    product_kind: str | Unset = UNSET,
    classification: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    region: str | Unset = UNSET,
    min_exposure: str | Unset = UNSET,
    group_customer_id: str | Unset = UNSET,
    related_party: str | Unset = UNSET,
) -> Error | ExposurePage | None:
    """Consolidated exposure per customer (largest first), with the per-subsidiary breakdown.

    Args:
        limit (str | Unset):
        next_ (str | Unset):
        run (str | Unset):
        subsidiary (str | Unset):
        product_kind (str | Unset):
        classification (str | Unset):
        industry (str | Unset):
        region (str | Unset):
        min_exposure (str | Unset):
        group_customer_id (str | Unset):
        related_party (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ExposurePage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            next_=next_,
            run=run,
            subsidiary=subsidiary,
            product_kind=product_kind,
            classification=classification,
            industry=industry,
            region=region,
            min_exposure=min_exposure,
            group_customer_id=group_customer_id,
            related_party=related_party,
        )
    ).parsed
