"""Real-browser tests: headless Debian Chromium through Playwright, against uvicorn serving the fixture store.

Each page is loaded, checked for what it must draw, and photographed into test-artifacts/. Every request a page makes
must go to our own server (nothing from a CDN), and no page may log a JavaScript error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _shot(page: Any, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def test_overview_shows_counts_top_dyads_with_sparklines(page, live_server, artifacts):
    page.goto(live_server + "/")
    assert page.locator("#n-documents").inner_text() == "5"
    assert page.locator("#n-events").inner_text() == "9"
    assert page.locator("table.dyads tr.dyad").count() >= 3
    assert page.locator("svg.spark .spark-point").count() > 0
    assert page.locator("table.events tr.event").count() == 9
    # Stylesheet and script came from our server and took effect.
    assert page.evaluate("getComputedStyle(document.querySelector('header.top')).display") == "flex"
    _shot(page, artifacts, "overview")


def test_dyad_chart_is_drawn_and_period_is_selectable(page, live_server, artifacts):
    page.goto(live_server + "/dyad/KOR/JPN")
    points = page.locator("svg.trajectory circle.point")
    assert points.count() == 3  # 2025-07, 2025-08, 2025-10 have events; 2025-09 has none
    assert points.first.get_attribute("data-period") == "2025-07"
    assert page.locator("svg.trajectory rect.bar").count() == 3
    assert page.locator("table.events tr.event").count() == 4
    _shot(page, artifacts, "dyad-month")
    page.select_option("select[name=freq]", "quarter")  # app.js submits the form on change
    page.wait_for_url("**freq=quarter**")
    assert "since=" not in page.url  # empty filters stay out of the URL
    periods = [points.nth(i).get_attribute("data-period") for i in range(points.count())]
    assert periods == ["2025-Q3", "2025-Q4"]
    _shot(page, artifacts, "dyad-quarter")


def test_dyad_filters_change_the_table_and_stay_in_the_url(page, live_server):
    page.goto(live_server + "/dyad/KOR/JPN?direction=ab")
    assert page.locator("table.events tr.event").count() == 3
    page.fill("input[name=code]", "057")
    page.click("form#filters button[type=submit]")
    page.wait_for_url("**code=057**")
    assert "direction=ab" in page.url
    rows = page.locator("table.events tr.event")
    assert rows.count() == 1
    assert rows.first.get_attribute("data-code") == "057"
    page.reload()
    assert page.locator("input[name=code]").input_value() == "057"


def test_document_highlights_carry_code_mode_and_date(page, live_server, artifacts):
    page.goto(live_server + "/doc/hant-summit")
    trigger = page.locator("mark.trigger", has_text="抵達")
    assert trigger.count() == 1
    assert trigger.get_attribute("data-code") == "042"
    assert trigger.get_attribute("data-mode") == "actual"
    assert trigger.get_attribute("data-date") == "2025-08-20"
    assert "042" in (trigger.get_attribute("title") or "")
    mention = page.locator("mark.mention", has_text="韓國總統").first
    assert mention.get_attribute("data-code") == "KORGOV"
    assert page.locator("h3.block-heading").inner_text() == "各方反應"
    assert page.locator("article.document").get_attribute("lang") == "zh-Hant"
    assert page.locator(".doc-events li.doc-event").count() == 3
    # Hovering an event in the list lights its trigger up in the text.
    page.hover("#event-0")
    assert "active" in (trigger.get_attribute("class") or "")
    _shot(page, artifacts, "document-zh-hant")


def test_document_shows_planned_mode_in_simplified_chinese(page, live_server, artifacts):
    page.goto(live_server + "/doc/hans-protest")
    trigger = page.locator("mark.trigger", has_text="反制措施")
    assert trigger.get_attribute("data-code") == "163"
    assert trigger.get_attribute("data-mode") == "planned"
    _shot(page, artifacts, "document-zh-hans")


def test_events_page_filters_change_the_table(page, live_server, artifacts):
    page.goto(live_server + "/events")
    rows = page.locator("table.events tr.event")
    assert rows.count() == 9
    page.fill("input[name=source]", "KOR")
    page.select_option("select[name=mode]", "actual")  # submits
    page.wait_for_url("**source=KOR**")
    assert rows.count() == 3
    assert {rows.nth(i).get_attribute("data-source") for i in range(3)} <= {"KOR", "KORGOV"}
    assert page.locator(".pager .total").inner_text() == "3"
    _shot(page, artifacts, "events-filtered")
    page.fill("form#filters input[name=q]", "東京")
    page.click("form#filters button[type=submit]")
    page.wait_for_url("**q=**")
    assert rows.count() == 2


def test_event_row_links_to_its_highlighted_trigger(page, live_server):
    page.goto(live_server + "/events?code=057")
    page.click("table.events a.doclink")
    page.wait_for_url("**/doc/en-accord#trigger-**")
    assert page.locator("mark.trigger:target").inner_text() == "signed"


def test_network_is_drawn(page, live_server, artifacts):
    page.goto(live_server + "/network")
    assert page.locator("svg.network g.node").count() >= 4
    assert page.locator("svg.network path.edge").count() >= 3
    assert page.locator("svg.network g.node[data-id=KOR]").count() == 1
    _shot(page, artifacts, "network")


def test_actor_page_lists_partners_and_events(page, live_server, artifacts):
    page.goto(live_server + "/actor/PRK")
    assert page.locator("#n-source").inner_text() == "2"
    assert page.locator("table.partners").inner_text().count("KOR") >= 1
    assert page.locator("table.events tr.event").count() == 2
    _shot(page, artifacts, "actor")


def test_api_docs_page_is_local(page, live_server, artifacts):
    page.goto(live_server + "/docs")
    assert page.locator("section.endpoint").count() >= 8
    assert page.locator("#schema-EventRecord").count() == 1
    _shot(page, artifacts, "api-docs")
