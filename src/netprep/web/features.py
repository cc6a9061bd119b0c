"""Which features the pages can offer: each is a library function that may not exist yet.

A page asks ``get("ideas")`` and shows an honest "not available yet" section when the
function is missing, instead of a fake. Looking a feature up imports its module once.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class Feature:
    """A library function a page builds on."""

    key: str
    label: str
    issue: int
    module: str
    name: str

    def load(self) -> Callable[..., Any] | None:
        try:
            module = importlib.import_module(self.module)
        except ImportError:  # the package is not there (yet)
            return None
        found = getattr(module, self.name, None)
        return found if callable(found) else None


FEATURES: dict[str, Feature] = {
    f.key: f
    for f in (
        Feature("ideas", "Ideas for the meeting", 4, "netprep.ideas.engine", "meeting_ideas"),
    )
}
"""Features still being built; everything else the pages use has landed and is imported."""


@cache
def get(key: str) -> Callable[..., Any] | None:
    """The feature's function, or None while it has not landed."""
    return FEATURES[key].load()


def available() -> dict[str, bool]:
    """Every feature key with whether it can be used (for templates)."""
    return {key: get(key) is not None for key in FEATURES}


def require(key: str) -> Callable[..., Any]:
    """The feature's function, or a clear error naming what is missing."""
    found = get(key)
    if found is None:
        from netprep.errors import NotFound

        feature = FEATURES[key]
        raise NotFound(f"{feature.label} is not available yet in this version of netprep.")
    return found
