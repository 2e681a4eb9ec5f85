# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
"""Contains endpoint functions for accessing the API"""
