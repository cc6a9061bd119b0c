"""Charts render as SVG whose ids and text carry the series and the data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from netprep.errors import InvalidInput, NotFound
from netprep.health import chart_svg
from netprep.store import Database

TODAY = date(2026, 11, 26)
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> tuple[set[str], list[str]]:
    """The element ids and the texts of an SVG document."""
    root = ET.fromstring(svg)
    ids = {e.get("id", "") for e in root.iter() if e.get("id")}
    texts = ["".join(e.itertext()).strip() for e in root.iter(f"{SVG}text")]
    return ids, texts


def labelled(svg: str, prefix: str) -> dict[str, str]:
    """The text inside each element whose id starts with ``prefix``, by id."""
    root = ET.fromstring(svg)
    return {
        e.get("id", ""): "".join(e.itertext()).strip()
        for e in root.iter()
        if e.get("id", "").startswith(prefix)
    }


def test_relationships_by_state(network: Database) -> None:
    svg = chart_svg("states", network, TODAY)
    ids, texts = parse(svg)
    assert {"state-never_met", "state-met_no_next_step", "state-active", "state-dormant"} <= ids
    assert "state-passed" in ids  # Jo
    assert "Relationships by state" in texts
    for label in ("Never met", "Met, no next step", "Active", "Dormant", "Passed"):
        assert label in texts
    counts = {k: v for k, v in labelled(svg, "state-").items() if k.endswith("-count")}
    assert counts == {
        "state-never_met-count": "4",
        "state-met_no_next_step-count": "3",
        "state-active-count": "3",
        "state-dormant-count": "4",
        "state-passed-count": "1",
    }


def test_interactions_over_time(network: Database) -> None:
    svg = chart_svg("interactions", network, TODAY)
    ids, texts = parse(svg)
    assert "interactions-meeting-2026-11" in ids  # Cara, Nov 1
    assert "interactions-call-2026-10" in ids  # Dan and Kim
    assert "interactions-email-2026-08" in ids  # Lea
    assert "interactions-meeting-2026-07" not in ids  # nothing that month
    assert "interactions-meeting-2024-10" not in ids  # Gus's first meeting is too old
    assert {"meeting", "call", "email"} <= set(texts)  # the legend
    assert "Interactions over the last 24 months" in texts
    totals = labelled(svg, "interactions-total-")
    assert totals["interactions-total-2026-10"] == "2"  # Dan's call and Kim's
    assert totals["interactions-total-2026-11"] == "2"  # Cara, and Olga at an event
    assert "interactions-event-2026-11" in ids
    assert "interactions-meeting-2026-12" not in ids  # Olga's planned meeting
    assert "interactions-total-2026-07" not in totals


def test_give_and_take(network: Database) -> None:
    ids, texts = parse(chart_svg("balance", network, TODAY))
    assert {"gave-p-hal", "gave-p-dan", "received-p-gus", "received-p-max"} <= ids
    assert any("you gave 3 times, received 5" in t for t in texts)
    assert {"Hal Holt", "Max Moss", "Gus Gray", "Dan Dorn"} <= set(texts)
    assert "Cara Costa" not in texts  # no help either way


def test_who_knows_whom_around_a_person(network: Database) -> None:
    ids, texts = parse(chart_svg("knows", network, TODAY, person="Ana Alves"))
    assert {"node-p-ana", "node-p-ben", "node-p-cara"} <= ids
    assert {"edge-p-ana-p-ben", "edge-p-ana-p-cara", "edge-p-ben-p-cara"} <= ids
    assert "Who knows whom around Ana Alves" in texts
    assert {"Never met", "Active"} <= set(texts)  # the legend: Ben's and Cara's states
    assert "Dormant" not in texts


def test_overview_holds_three_charts(network: Database) -> None:
    ids, _ = parse(chart_svg("overview", network, TODAY))
    assert "state-dormant" in ids and "interactions-call-2026-10" in ids and "gave-p-hal" in ids


def test_svg_is_deterministic_and_text_stays_text(network: Database) -> None:
    first = chart_svg("overview", network, TODAY)
    assert first == chart_svg("overview", network, TODAY)
    assert "<dc:date>" not in first
    assert "Relationships by state" in first  # not turned into glyph paths


def test_empty_network_charts_say_so(db: Database) -> None:
    _, texts = parse(chart_svg("overview", db, TODAY))
    assert "Nobody in your network yet." in texts
    assert "No interactions recorded yet." in texts
    assert "No help given or received recorded yet." in texts


def test_bad_requests(network: Database) -> None:
    with pytest.raises(InvalidInput):
        chart_svg("pie", network, TODAY)
    with pytest.raises(InvalidInput):
        chart_svg("knows", network, TODAY)
    with pytest.raises(NotFound):
        chart_svg("knows", network, TODAY, person="Nobody Atall Zzyzx")


def test_charts_drawn_at_once_from_several_threads_are_all_whole(network: Database) -> None:
    from concurrent.futures import ThreadPoolExecutor

    kinds = ["overview", "states", "interactions", "balance"] * 2
    with ThreadPoolExecutor(max_workers=4) as pool:
        drawn = list(pool.map(lambda kind: chart_svg(kind, network, TODAY), kinds))
    for kind, svg in zip(kinds, drawn, strict=True):
        assert svg == chart_svg(kind, network, TODAY)


PHONE_PX = 340
"""The width a phone leaves a chart: 390 px less the page's margins."""


@pytest.mark.parametrize("kind", ["states", "interactions", "balance"])
def test_page_charts_keep_text_readable_on_a_phone(network: Database, kind: str) -> None:
    import re

    svg = chart_svg(kind, network, TODAY, web=True)
    width = float(ET.fromstring(svg).get("viewBox", "").split()[2])
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
    assert sizes, "no text in the chart"
    smallest = min(sizes) * PHONE_PX / width  # the page draws it at the phone's width
    assert smallest >= 12, f"{kind}: {smallest:.1f} px text on a phone"
    # The same chart for a file keeps its full size and period.
    assert "last 24 months" in chart_svg("interactions", network, TODAY)


def test_each_page_chart_says_its_numbers_in_words(network: Database) -> None:
    from netprep.health import network_health
    from netprep.health.charts import describe
    from netprep.health.states import STATE_LABELS

    report = network_health(network, TODAY)
    states = describe("states", network, TODAY, report.states)
    for state, count in report.states.items():
        if count:
            assert f"{STATE_LABELS[state]}: {count}" in states
    assert "busiest month was Nov 2026" in describe("interactions", network, TODAY)
    assert "you gave help 3 times and received it 5 times" in describe("balance", network, TODAY)
