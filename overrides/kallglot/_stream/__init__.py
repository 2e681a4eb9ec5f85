"""The live WebSocket stream: a sans-I/O core (``protocol``) and two shells (``sync``, ``asyncio``)."""
