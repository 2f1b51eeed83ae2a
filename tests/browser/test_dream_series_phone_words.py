"""The dream series page on a 360-px phone in real Chromium, with the real coder on short dreams written
for this review (no DreamBank text): a client with 20 dreams chooses to compare with women's dreams by tapping,
then opens the numbers behind the chart."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from browser_phone import PHONE, sign_in
from phone_measure import measure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DREAMS = (
    "My sister and I were fighting in the car. She hit me and I was furious.",
    "A man at the station gave me a ticket and smiled. I felt happy.",
    "I was lost in a big hotel looking for my room. I was scared.",
    "My mother hugged me in the garden and I felt calm.",
)


@pytest.fixture
def small_phone(chromium: Any, live_server: Any) -> Any:
    context = chromium.new_context(viewport=PHONE, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def _chosen_comparison(page: Any, make_user: Any) -> dict[str, Any]:
    from django.utils import timezone

    from reverie.clinic.services import analysis, journal
    from reverie.clinic.services.journal import EntryDraft

    client = make_user("r78-dreamer")
    start = timezone.now() - timedelta(days=30)
    for i in range(20):
        made = journal.create_entry(
            client,
            EntryDraft(kind="dream", body=DREAMS[i % len(DREAMS)], happened_at=start + timedelta(days=i)),
        )
        analysis.analyse_stored_entry(made.id, made.revision)
    sign_in(page, "r78-dreamer")
    page.goto("/dreams/")
    page.locator("summary:has-text('Compare with other people')").click()
    page.get_by_label("Women's dreams").check()
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    assert "beside women" in page.locator("main").inner_text()
    page.locator("summary:has-text('The numbers behind the chart')").click()
    return measure(page)


def test_the_dream_comparison_has_no_coder_words_on_a_phone(small_phone: Any, make_user: Any) -> None:
    """r78-i. The same page, every fold-out opened, read in the browser: it shows "undefined" for an indicator the
    series cannot count and the coder's names ("A/C index"). The client should read words. Cause believed:
    ``clinic/templates/reverie/dreams.html`` ("undefined") and ``analysis/dreams/indicators.py``'s names printed by
    ``chart.py`` and ``profile.describe``."""
    found = _chosen_comparison(small_phone, make_user)
    text = found["text"]
    assert not found["jargon"] and "A/C index" not in text, (found["jargon"][:5], "A/C index" in text)
