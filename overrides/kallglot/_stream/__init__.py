"""The live WebSocket stream, as a sans-I/O core and two shells (like ``websockets``' protocol/sync/asyncio).

- ``protocol``: frames out, events in, send rules, de-duplication (``StreamProtocol``);
- ``finals``: what makes two finals the same turn, and their reconciliation with the REST transcript;
- ``target``: what the stream knows of its session (status, URL, token and its expiry);
- ``rounds``: connect and reconnect rounds as generators of I/O steps: every (re)connect decision;
- ``reconnect``: failure classification, attempt counting and backoff, the steps, ``StreamReconnect``;
- ``events``: typed server events; ``options``: ``StreamOptions`` and the ``websockets`` settings;
- ``base``: the state both shells expose; ``sync`` / ``asyncio``: the shells, which only carry out steps.
"""
