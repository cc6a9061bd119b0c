"""The registry of idea kinds: each kind is one small function, registered with ``@rule``.

A rule reads a ``Meeting`` (me, them, the network, what passed between us, a matcher)
and yields ideas with evidence. Adding a kind means adding one decorated function to a
module under ``netprep.ideas.kinds``; every module there is loaded on first use.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netprep.ideas.meeting import Meeting
    from netprep.models import Direction, Idea, IdeaKind

RuleFunction = Callable[["Meeting"], Iterable["Idea"]]


@dataclass(frozen=True)
class Rule:
    """One idea kind: its direction, its weight in the ranking and the function that finds it."""

    kind: IdeaKind
    direction: Direction
    weight: float
    find: RuleFunction
    concrete: bool = True
    """False for rapport (common ground): welcome, but never above concrete help."""


RULES: dict[str, Rule] = {}


def rule(
    kind: IdeaKind, direction: Direction, *, weight: float, concrete: bool = True
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a function as the finder of one idea kind."""

    def register(fn: RuleFunction) -> RuleFunction:
        if kind in RULES and RULES[kind].find is not fn:
            raise ValueError(f"idea kind {kind!r} is registered twice")
        RULES[kind] = Rule(kind, direction, weight, fn, concrete)
        return fn

    return register


def rules() -> dict[str, Rule]:
    """Every registered kind (importing the modules of ``netprep.ideas.kinds`` once)."""
    from netprep.ideas import kinds

    for module in pkgutil.iter_modules(kinds.__path__):
        importlib.import_module(f"{kinds.__name__}.{module.name}")
    return RULES
