"""The routes, one module per page family; each route parses, calls one function, renders."""

from __future__ import annotations

from netprep.web.routes import (
    api,
    auth,
    brief,
    duplicates,
    health,
    home,
    ideas,
    imports,
    me,
    people,
    person,
    review,
    steps,
)

ROUTERS = (
    auth.router,
    home.router,
    people.router,
    person.router,
    ideas.router,
    review.router,
    steps.router,
    brief.router,
    imports.router,
    duplicates.router,
    health.router,
    me.router,
    api.router,
)
