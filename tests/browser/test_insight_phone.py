"""Insight on a 360-px phone, in real Chromium, on the demo data: the entry panel (at most five observations, no
raw code, "does this fit?" round trip), the Patterns page (summary first, at most three screens) and chart text
measured in the browser (at least 12 CSS px, inside its picture)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_waits import shown
from test_accessibility import CHECK

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}
RAW_CODE = re.compile(
    r"\b(W|RO|RS)\s?\d\b|\(W\)|\(RO\)|\(RS\)|\bCCRT\b|\bDMRS\b|\bODF\b|\bHVdC\b|\b\d[MFJ][A-Z]{2}\b"
    r"|self_assertion|High-adaptive|[a-z]+_[a-z]+|[a-z]+:\d"
)
CHART_TEXT = """(selector) => {
  const out = [];
  for (const svg of document.querySelectorAll(selector)) {
    const box = svg.getBoundingClientRect();
    if (!box.width) continue;
    const scale = box.width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      out.push({text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
                inside: r.left >= box.left - 1 && r.right <= box.right + 1});
    }
  }
  return out;
}"""


@pytest.fixture
def tall_phone(chromium: Any, live_server: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport=PHONE, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def _sign_in(page: Any, name: str, password: str) -> None:
    page.goto("/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _chart_text_ok(page: Any, selector: str) -> list[Any]:
    measured = page.evaluate(CHART_TEXT, selector)
    assert measured, f"no chart text measured for {selector}"
    small = [m for m in measured if m["px"] < 12]
    clipped = [m for m in measured if not m["inside"]]
    assert not small, small[:5]
    assert not clipped, clipped[:5]
    print(f"{selector}: {len(measured)} labels, smallest {min(m['px'] for m in measured):.1f} CSS px")
    return measured


def test_browser_insight_on_a_phone(tall_phone: Any, shot: Any) -> None:
    from reverie.clinic.models import ObservationFeedback
    from reverie.clinic.services import journal, observations
    from reverie.clinic.services.demo import load_demo

    accounts = load_demo()
    client = accounts.client
    best, most = None, -1
    for view in journal.list_entries(client, limit=100):
        found = observations.noticed(client, view.id)
        if found is not None and len(found.shown) > most:
            best, most = view, len(found.shown)
    assert best is not None and most >= 2
    page = tall_phone
    _sign_in(page, client.username, accounts.password)

    # The entry panel: at most five observations, plain words, how sure, "does this fit?" on each.
    page.goto(f"/journal/{best.id}/")
    page.locator("details.noticed-panel > summary").click()  # r39: closed until the client asks (ask first)
    panel = page.locator("#noticed")
    items = panel.locator("li.observation")
    assert 1 <= items.count() <= 5
    text = page.locator("main").inner_text()
    assert not RAW_CODE.search(text), RAW_CODE.search(text)
    assert shown(items.first.locator("text=Does this fit?"))
    assert page.evaluate(CHECK) == []
    shot(page, "entry-noticed")

    first = items.first.locator(".obs-text").inner_text()
    items.first.locator('button:has-text("Doesn\'t fit")').click()
    page.wait_for_load_state()
    assert first not in page.locator("ol.observations").inner_text()
    folded = page.locator("details.folded")
    folded.locator("summary").click()
    assert first in folded.inner_text()
    folded.locator("button:has-text('Fits')").first.click()
    page.wait_for_load_state()
    assert first in page.locator("ol.observations").inner_text()
    assert page.locator("ol.observations button[aria-pressed=true]:has-text('Fits')").count() == 1
    assert "Across all your entries, you said 1 reading fits." in page.locator("p.agreement").inner_text()
    rows = list(ObservationFeedback.objects.filter(entry_id=best.id).values_list("answer", flat=True))
    assert rows == ["fits"]

    # The Patterns page: summary first, at most three phone screens by default.
    page.goto("/insights/?show=1")
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"Patterns page: {height} px tall on a {PHONE['width']}x{PHONE['height']} phone")
    assert height <= 3 * PHONE["height"], height
    # the demo's strongest patterns: only the one planted in its story (h106: the mother in dreams and in waking
    # entries in the same few days, nowhere else). Its old highlights were what chance gives (h94/h100: the sadness
    # shift, 0 of 6 then 6 of 34, Fisher p 0.57), and are not shown
    patterns = page.locator("ol.summary-patterns > li")
    assert patterns.count() == 1
    assert (
        "Your mother appears in 6 dreams; in 6 of them also in waking entries" in patterns.first.inner_text()
    )
    assert page.locator("p.no-pattern").count() == 0
    assert shown(page.locator("table.heat"))
    body = page.locator("main").inner_text()
    assert not RAW_CODE.search(body), RAW_CODE.search(body)
    assert page.evaluate(CHECK) == []
    shot(page, "patterns")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1

    # Chart text, measured in the browser once the pictures are opened.
    page.locator("summary:has-text('Pictures')").click()
    measured = _chart_text_ok(page, "section.pictures svg")
    assert len(measured) > 10
    page.locator("summary:has-text('Everything Reverie counted')").click()
    opened = page.locator("main").inner_text()
    assert not RAW_CODE.search(opened), RAW_CODE.search(opened)

    # The dream series chart (the demo has enough dreams only with norms chosen: none by default).
    page.goto("/dreams/?norms=female")
    assert page.evaluate(CHECK) == []
    assert "only from 20 dreams on" in page.locator("main").inner_text()  # the demo has fewer
    from reverie.clinic.services import analysis
    from reverie.clinic.services.journal import EntryDraft

    dreams = len([v for v in journal.list_entries(client, limit=200) if v.kind == "dream"])
    for n in range(max(0, 20 - dreams)):
        text = f"I dreamt my mother and a stranger chased me through a school, and I was afraid ({n})."
        made = journal.create_entry(client, EntryDraft(kind="dream", body=text))
        analysis.analyse_stored_entry(made.id, made.revision)
    page.goto("/dreams/")  # the choice (female) is remembered
    page.locator("summary:has-text('Compare with other people')").click()  # shut until opened
    assert "Your dreams beside women's dreams" in page.locator("main").inner_text()
    _chart_text_ok(page, "svg.chart")
