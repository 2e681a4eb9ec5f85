# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    format_: str | Unset = "mp3",
    sample_rate: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["format"] = format_

    params["sample_rate"] = sample_rate

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/recordings/{id}/download".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorResponse | None:
    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 410:
        response_410 = ErrorResponse.from_dict(response.json())

        return response_410

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: str | Unset = "mp3",
    sample_rate: int | Unset = UNSET,
) -> Response[Any | ErrorResponse]:
    """Download a recording (older redirect contract)

     Older docs and the API overview: redirects (302) to a pre-signed storage URL valid for one hour.
    Superseded by `GET /recordings/{recording_id}/audio`. Follow the redirect without the API key.

    Args:
        id (str):
        format_ (str | Unset):  Default: 'mp3'.
        sample_rate (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        sample_rate=sample_rate,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: str | Unset = "mp3",
    sample_rate: int | Unset = UNSET,
) -> Any | ErrorResponse | None:
    """Download a recording (older redirect contract)

     Older docs and the API overview: redirects (302) to a pre-signed storage URL valid for one hour.
    Superseded by `GET /recordings/{recording_id}/audio`. Follow the redirect without the API key.

    Args:
        id (str):
        format_ (str | Unset):  Default: 'mp3'.
        sample_rate (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        format_=format_,
        sample_rate=sample_rate,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: str | Unset = "mp3",
    sample_rate: int | Unset = UNSET,
) -> Response[Any | ErrorResponse]:
    """Download a recording (older redirect contract)

     Older docs and the API overview: redirects (302) to a pre-signed storage URL valid for one hour.
    Superseded by `GET /recordings/{recording_id}/audio`. Follow the redirect without the API key.

    Args:
        id (str):
        format_ (str | Unset):  Default: 'mp3'.
        sample_rate (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        sample_rate=sample_rate,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: str | Unset = "mp3",
    sample_rate: int | Unset = UNSET,
) -> Any | ErrorResponse | None:
    """Download a recording (older redirect contract)

     Older docs and the API overview: redirects (302) to a pre-signed storage URL valid for one hour.
    Superseded by `GET /recordings/{recording_id}/audio`. Follow the redirect without the API key.

    Args:
        id (str):
        format_ (str | Unset):  Default: 'mp3'.
        sample_rate (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            format_=format_,
            sample_rate=sample_rate,
        )
    ).parsed
