"""Dependencies as named aliases (``StoreDep``, ``ExecutorDep`` …), read from ``app.state``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from kg.api.executor import QueryExecutor
from kg.api.settings import Settings
from kg.store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_executor(request: Request) -> QueryExecutor:
    return request.app.state.executor


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates


StoreDep = Annotated[Store, Depends(get_store)]
ExecutorDep = Annotated[QueryExecutor, Depends(get_executor)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]
