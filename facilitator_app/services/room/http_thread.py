"""An HTTP server of this laptop's in a thread of its own: the room server and the venue hub.

Uvicorn, asyncio loop, h11 only, no lifespan, no logging, no Server/Date headers; the socket
is bound (to the chosen address only) and listening before :meth:`ServerThread.start`
returns, so a port in use is an :class:`OSError` at once. Uvicorn installs signal handlers
only in the main thread (``Server.capture_signals``): in this thread it leaves Ctrl+C to the
window or to the command that started it.
"""

from __future__ import annotations

import socket
import threading
from typing import Any

import uvicorn

# How long a stop waits for requests under way.
STOP_SECONDS = 10.0


def listening_socket(host: str, port: int, *, backlog: int = 1024) -> socket.socket:
    """A TCP socket bound to ``host`` only, listening (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(backlog)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


class ServerThread:
    """One ASGI app served on a bound socket from a daemon thread.

    Args:
        app: the ASGI application.
        host: the address to bind (only that one).
        port: the port (0: any free port).
        name: the thread's name.
        limit_concurrency: most connections served at once.
        extra: more ``uvicorn.Config`` options.

    Raises:
        OSError: the address cannot be bound (in use, not this computer's).
    """

    def __init__(
        self,
        app: Any,
        host: str,
        port: int,
        *,
        name: str,
        limit_concurrency: int,
        backlog: int = 1024,
        **extra: Any,
    ) -> None:
        self.socket = listening_socket(host, port, backlog=backlog)
        config = uvicorn.Config(
            app,
            loop="asyncio",
            http="h11",
            ws="none",
            lifespan="off",
            log_config=None,
            access_log=False,
            server_header=False,
            date_header=False,
            limit_concurrency=limit_concurrency,
            timeout_keep_alive=10,
            timeout_graceful_shutdown=3,
            **extra,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self.socket]}, name=name, daemon=True
        )

    @property
    def port(self) -> int:
        """The port actually bound."""
        return int(self.socket.getsockname()[1])

    def start(self) -> None:
        """Serve (the socket already listens)."""
        self._thread.start()

    def stop(self) -> None:
        """Ask the server to finish, wait for it, close the socket."""
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(STOP_SECONDS)
        self.socket.close()
