"""Network health and the weekly plan: counts, whom to contact this week, charts.

The web app and the CLI call these three; charts import matplotlib only when drawn.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from netprep.health.plan import PlanItem, weekly_plan
from netprep.health.states import Health, network_health

if TYPE_CHECKING:
    from netprep.store import Database

__all__ = ["Health", "PlanItem", "chart_svg", "network_health", "overview", "weekly_plan"]


def overview(
    db: Database, today: date, plan_size: int, *, with_ideas: bool = True
) -> tuple[Health, list[PlanItem]]:
    """The health report and the weekly plan from one reading of the network, so that the
    home page and the health page count with the same facts (and read them once)."""
    from netprep.health.plan import attach_ideas, plan_items
    from netprep.health.states import Thresholds, build_health, dormant_months
    from netprep.store.health import overdue_steps, relationship_facts

    conn = db.sql
    thresholds = Thresholds(today, dormant_months(conn))
    facts, overdue = relationship_facts(conn, today), overdue_steps(conn, today)
    report = build_health(facts, overdue, thresholds)
    items = plan_items(conn, facts, overdue, thresholds, plan_size) if facts else []
    if with_ideas:
        attach_ideas(db, items, today)
    return report, items


def chart_svg(
    kind: str, db: Database, today: date, person: str | None = None, *, web: bool = False
) -> str:
    """One chart as an SVG document (see ``netprep.health.charts.CHART_KINDS``); ``web``
    draws it to be read on a page, a phone's included."""
    from netprep.health.charts import chart_svg as draw

    return draw(kind, db, today, person, web=web)
