"""Error responses: a short JSON message for the client, never a stack trace; details go to the log."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kg.api.executor import Busy, ClientBusy, QueryTimeout, Unavailable
from kg.api.guard import Refused
from kg.remote import RemoteError, RemoteTimeout

log = logging.getLogger("budgetkg.api")


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.message)

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused):
        return error_response(403, str(exc))

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout):
        return error_response(503, str(exc), {"Retry-After": "5"})

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy):
        return error_response(503, str(exc), {"Retry-After": "2"})

    @app.exception_handler(ClientBusy)
    async def client_busy(request: Request, exc: ClientBusy):
        return error_response(429, str(exc), {"Retry-After": "5"})

    @app.exception_handler(Unavailable)
    async def unavailable(request: Request, exc: Unavailable):
        return error_response(503, str(exc), {"Retry-After": "30"})

    # the remote store (serve --sparql-endpoint) behind a page or a dump: its failure, not ours
    @app.exception_handler(RemoteTimeout)
    async def remote_timeout(request: Request, exc: RemoteTimeout):
        return error_response(503, str(exc), {"Retry-After": "5"})

    @app.exception_handler(RemoteError)
    async def remote_error(request: Request, exc: RemoteError):
        log.warning("remote store: %s", exc)
        return error_response(502, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_response(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal server error")
