"""The ideas engine: concrete ways for the owner and a person to help each other.

Library entry points (the brief, the weekly plan and the web app call these):
``ideas_for(db, person_ref, limit, today)``, ``meeting_ideas`` (ideas plus a hint for
a thin profile), ``generate_ideas(me, them, network, history)`` (pure, no database),
``intros(db, limit)`` (pairs across the whole network) and ``prepare`` (embed everything).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netprep.models import Idea
    from netprep.store import Database


def ideas_for(
    db: Database, person_ref: str, limit: int | None = 10, today: Any = None
) -> list[Idea]:
    """Ranked ideas for meeting the person named ``person_ref`` (id or name), best first."""
    from netprep.ideas.engine import ideas_for as find

    return find(db, person_ref, limit, today)


def intros(db: Database, limit: int = 20) -> list[Idea]:
    """The best introductions across the whole network (``intro_offer`` ideas)."""
    from netprep.ideas.network import intros as find

    return find(db, limit)
