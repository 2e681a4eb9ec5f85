# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.transcript import Transcript
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    format_: str | Unset = "json",
    include_translations: bool | Unset = True,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["format"] = format_

    params["include_translations"] = include_translations

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sessions/{id}/transcript".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Transcript | None:
    if response.status_code == 200:
        response_200 = Transcript.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Transcript]:
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
    format_: str | Unset = "json",
    include_translations: bool | Unset = True,
) -> Response[ErrorResponse | Transcript]:
    """Retrieve a session's transcript

     The conversation so far (`in_progress` while the session is active) or in full (`completed` once it
    ended): speaker-labelled turns with their timestamps and translations.

    Args:
        id (str):
        format_ (str | Unset):  Default: 'json'.
        include_translations (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Transcript]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        include_translations=include_translations,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: str | Unset = "json",
    include_translations: bool | Unset = True,
) -> ErrorResponse | Transcript | None:
    """Retrieve a session's transcript

     The conversation so far (`in_progress` while the session is active) or in full (`completed` once it
    ended): speaker-labelled turns with their timestamps and translations.

    Args:
        id (str):
        format_ (str | Unset):  Default: 'json'.
        include_translations (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Transcript
    """

    return sync_detailed(
        id=id,
        client=client,
        format_=format_,
        include_translations=include_translations,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: str | Unset = "json",
    include_translations: bool | Unset = True,
) -> Response[ErrorResponse | Transcript]:
    """Retrieve a session's transcript

     The conversation so far (`in_progress` while the session is active) or in full (`completed` once it
    ended): speaker-labelled turns with their timestamps and translations.

    Args:
        id (str):
        format_ (str | Unset):  Default: 'json'.
        include_translations (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Transcript]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        include_translations=include_translations,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: str | Unset = "json",
    include_translations: bool | Unset = True,
) -> ErrorResponse | Transcript | None:
    """Retrieve a session's transcript

     The conversation so far (`in_progress` while the session is active) or in full (`completed` once it
    ended): speaker-labelled turns with their timestamps and translations.

    Args:
        id (str):
        format_ (str | Unset):  Default: 'json'.
        include_translations (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Transcript
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            format_=format_,
            include_translations=include_translations,
        )
    ).parsed
