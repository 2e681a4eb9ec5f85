"""A minimal keep-alive HTTP/1.1 server for benchmarks: every request gets the same JSON body.

Run as ``python -m benchmarks._http_server``; it prints its port on the first line of stdout.
"""

from __future__ import annotations

import asyncio
import json
import sys

BODY = json.dumps(
    {
        "id": "sess_01HXYZ123456789", "object": "session", "status": "active", "mode": "bidirectional_translation",
        "provider": "twilio", "phone_number": "+14155551234", "source_language": "de", "target_language": "en",
        "stream": {"url": "wss://api.kallglot.com/v1/sessions/sess_01HXYZ123456789/connect",
                   "token": "kst_live_xxxxxxxx", "expires_at": "2026-03-26T12:00:00Z"},
        "recording": {"enabled": True}, "metadata": {"customer_id": "123"}, "created_at": "2026-03-26T11:00:00Z",
        "started_at": "2026-03-26T11:00:15Z", "ended_at": None,
    }
).encode()  # fmt: skip
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-ID: req_bench\r\n"
    b"X-RateLimit-Limit: 120\r\nX-RateLimit-Remaining: 119\r\nX-RateLimit-Reset: 1711454460\r\n"
    b"Content-Length: " + str(len(BODY)).encode() + b"\r\n\r\n" + BODY
)


class _Protocol(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) != -1:
            self.buffer = self.buffer[end + 4 :]
            self.transport.write(RESPONSE)  # type: ignore[attr-defined]


async def _main() -> None:
    server = await asyncio.get_running_loop().create_server(_Protocol, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(_main())
    except KeyboardInterrupt:
        sys.exit(0)
