"""The web app: netprep at a desk (FastAPI, server-rendered pages, a JSON API under /api)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netprep.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from netprep.web.app import create_app

        return create_app
    raise AttributeError(name)
