"""Real redis-server and PostgreSQL processes on loopback, in a temporary folder, for the store tests.

Each starts in well under a few seconds (initdb runs once per session). Where the binaries are missing the tests
skip naming the Debian package to install; CI (`.ci/run`) installs both first, so it never skips.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _missing(message: str) -> None:
    # CI sets this after installing both packages: a missing server there is a failure, not a skip.
    if os.environ.get("KALLGLOT_REQUIRE_STORE_SERVERS"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
        time.sleep(0.02)
    return False


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """Yield ``redis://127.0.0.1:<port>/0`` of a fresh, memory-only redis-server; stop it afterwards."""
    binary = shutil.which("redis-server")
    if binary is None:
        _missing("redis-server is not installed (Debian package: redis-server)")
        return
    for _ in range(5):  # another process may take the free port between the probe and the bind
        port = free_port()
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            if _wait_for_port(port, process):
                yield f"redis://127.0.0.1:{port}/0"
                return
        finally:
            process.terminate()
            process.wait(timeout=10)
    pytest.fail("redis-server did not start")


def _postgres_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(versions[-1]).parent if versions else None


def _as_postgres(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root (CI runs as root): run it as the unprivileged user Debian creates.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a DSN for a throwaway PostgreSQL cluster on 127.0.0.1; stop and delete it afterwards."""
    bindir = _postgres_bin()
    if bindir is None:
        _missing("PostgreSQL is not installed (Debian package: postgresql)")
        return
    folder = tempfile.mkdtemp(prefix="kallglot-pg-")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = os.path.join(folder, "data")
    try:
        subprocess.run(
            _as_postgres([str(bindir / "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]),
            check=True,
            capture_output=True,
        )
        port = free_port()
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", data, "-o", options, "-l", f"{folder}/log", "-w", "start"]),
            check=True,
            capture_output=True,
        )
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(
                _as_postgres([str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]),
                capture_output=True,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _answer_postgres_startup(conn: socket.socket) -> None:
    # Just enough of the PostgreSQL protocol for a client to connect: refuse SSL/GSS encryption, accept the
    # startup packet without a password, report ready. Whatever comes next gets no answer.
    with contextlib.suppress(OSError):
        while True:
            size = int.from_bytes(conn.recv(4), "big")
            code = int.from_bytes(conn.recv(size - 4)[:4], "big")
            if code not in (80877103, 80877104):  # SSLRequest, GSSENCRequest
                break
            conn.sendall(b"N")
        version = b"server_version\x0016.0\x00"
        conn.sendall(
            b"R" + (8).to_bytes(4, "big") + (0).to_bytes(4, "big")
            + b"S" + (4 + len(version)).to_bytes(4, "big") + version
            + b"Z" + (5).to_bytes(4, "big") + b"I"
        )  # fmt: skip


@contextlib.contextmanager
def silent_server(*, postgres_startup: bool = False) -> Iterator[int]:
    """Yield the port of a loopback server that accepts connections and never answers (after answering the
    PostgreSQL startup with ``postgres_startup``), holding each connection open until the block ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = listener.accept()
                accepted.append(conn)
                if postgres_startup:
                    threading.Thread(target=_answer_postgres_startup, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(), which close() alone does not
        listener.close()
        for conn in accepted:
            conn.close()
        thread.join(timeout=10)
