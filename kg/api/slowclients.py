"""A deadline for receiving a whole request: slow clients are timed out.

uvicorn times out a connection only while it is idle *between* requests, and any byte resets that
timer, so a client that sends its request one byte at a time (Slowloris) holds a connection — and a
coroutine, and a file descriptor — for as long as it likes; ASGI middleware cannot help, as it runs
only once the headers are in.  This wraps uvicorn's HTTP protocol: from the first byte of a request
the client has ``read_timeout`` seconds to send all of it, headers and body; past that it gets
``408 Request Timeout`` and the connection is closed.  The deadline ends when the request is in,
so a slow *query* or a big download is never cut by it.

Use: ``uvicorn.run(app, http=request_deadline_protocol(settings.read_timeout))``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

log = logging.getLogger("budgetkg.api")

_BODY = b'{"error": "request not received in time"}'
_TIMEOUT_RESPONSE = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
    b"content-length: %d\r\n\r\n%s" % (len(_BODY), _BODY)
)


def request_deadline_protocol(read_timeout: float) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol class (httptools if installed, else h11) with the deadline."""
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    base: Any = AutoHTTPProtocol  # chosen at import time by uvicorn: a variable, not a type, to mypy

    class RequestDeadlineProtocol(base):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._arm()  # a connection that sends nothing at all is timed out too

        def data_received(self, data: bytes) -> None:
            if self._deadline is None and self._between_requests():
                self._arm()  # the first byte of the next request on a kept-alive connection
            super().data_received(data)
            if self._deadline is not None and self._request_received():
                self._disarm()

        def connection_lost(self, exc) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _between_requests(self) -> bool:
            cycle = getattr(self, "cycle", None)
            return cycle is None or cycle.response_complete

        def _request_received(self) -> bool:
            cycle = getattr(self, "cycle", None)
            return cycle is not None and not cycle.response_complete and not cycle.more_body

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(read_timeout, self._expired)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _expired(self) -> None:
            self._deadline = None
            if self.transport.is_closing():
                return
            cycle = getattr(self, "cycle", None)
            if cycle is None or cycle.response_complete or not cycle.response_started:
                self.transport.write(_TIMEOUT_RESPONSE)
            log.warning("closed a connection from %s: request not received within %g s", self.client, read_timeout)
            self.transport.close()

    return RequestDeadlineProtocol
