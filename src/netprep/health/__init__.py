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

__all__ = ["Health", "PlanItem", "chart_svg", "network_health", "weekly_plan"]


def chart_svg(kind: str, db: Database, today: date, person: str | None = None) -> str:
    """One chart as an SVG document (see ``netprep.health.charts.CHART_KINDS``)."""
    from netprep.health.charts import chart_svg as draw

    return draw(kind, db, today, person)
