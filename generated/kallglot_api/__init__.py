# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
"""Models and operations generated from ``openapi/kallglot.yaml`` for the ``kallglot`` SDK.

``kallglot_api.models`` holds the schemas, ``kallglot_api.operations`` the requests. There is no client
here on purpose: use ``kallglot.Kallglot`` or ``kallglot.AsyncKallglot``.
"""
