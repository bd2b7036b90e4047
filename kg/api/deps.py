"""Dependencies as named aliases (``StoreDep``, ``ExecutorDep`` …), read from ``app.state``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kg.api.executor import QueryExecutor
from kg.api.settings import Settings


def get_store(request: Request):
    return request.app.state.store


def get_executor(request: Request) -> QueryExecutor:
    return request.app.state.executor


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_templates(request: Request):
    return request.app.state.templates


StoreDep = Annotated[object, Depends(get_store)]
ExecutorDep = Annotated[QueryExecutor, Depends(get_executor)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
TemplatesDep = Annotated[object, Depends(get_templates)]
