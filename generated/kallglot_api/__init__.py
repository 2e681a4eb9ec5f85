# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.

"""A client library for accessing Kallglot API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
