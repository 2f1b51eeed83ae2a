from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.clinic.services import analysis, journal
from reverie.clinic.services.dreams import series_for
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

DREAMS = [
    "I was in my childhood house and my mother was shouting at me. I was scared and ran outside.",
    "A stranger chased me through a dark forest. I fell and hurt my leg.",
    "My mother and I were at the beach. She hugged me and I felt happy.",
]


def test_dream_series_shows_indicators_warnings_recurring_and_waking_links(
    make_user: Any, web_as: Any
) -> None:
    alice = make_user()
    start = timezone.now() - timedelta(days=20)
    for i, text in enumerate(DREAMS):
        view = journal.create_entry(
            alice, EntryDraft(kind="dream", body=text, happened_at=start + timedelta(days=i * 3))
        )
        analysis.analyse_stored_entry(view.id, 1)
    waking = journal.create_entry(
        alice,
        EntryDraft(
            kind="reflection",
            body="My mother called and I felt scared again.",
            happened_at=start + timedelta(days=1),
        ),
    )
    analysis.analyse_stored_entry(waking.id, 1)
    series = series_for(alice)
    assert len(series.codings) == 3
    assert series.profile.warnings  # three dreams are far too few to compare with the norms
    assert any(link.entry_id == str(waking.id) for link in series.continuity.links)
    page = web_as(alice).get("/dreams/?norms=female")
    text = page.content.decode()
    assert page.status_code == 200 and "does not say what they mean" in text
    # Regression: a new dreamer saw 25 indicators with large effect sizes; below 20 dreams nothing is compared.
    assert "<svg" not in text and "Cohen" not in text and "only from 20 dreams on" in text


def test_dream_series_compares_only_when_chosen_and_enough(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    start = timezone.now() - timedelta(days=60)
    for i in range(20):
        view = journal.create_entry(
            alice, EntryDraft(kind="dream", body=DREAMS[i % 3], happened_at=start + timedelta(days=i))
        )
        analysis.analyse_stored_entry(view.id, 1)
    web = web_as(alice)
    default = web.get("/dreams/").content.decode()
    assert "You chose not to compare" in default and "<svg" not in default  # no norm group unless chosen
    chosen = web.get("/dreams/?norms=male").content.decode()
    assert (
        "<svg" in chosen
        and "size of the difference" in chosen
        and "Your dreams beside men&#x27;s dreams" in chosen
    )
    assert "<svg" in web.get("/dreams/").content.decode()  # the choice is remembered
    assert "<svg" not in web.get("/dreams/?norms=none").content.decode()


def _dreams(alice: Any, count: int) -> None:
    start = timezone.now() - timedelta(days=60)
    for i in range(count):
        view = journal.create_entry(
            alice, EntryDraft(kind="dream", body=DREAMS[i % 3], happened_at=start + timedelta(days=i))
        )
        analysis.analyse_stored_entry(view.id, 1)


def _main(page: str) -> str:
    return page.split("<main", 1)[1].split("</main>", 1)[0]


def test_dream_page_leads_with_the_clients_own_dreams_and_folds_the_comparison_away(
    make_user: Any, web_as: Any
) -> None:
    """Before: "Compare with published norms? Women's norms / Men's norms" and a paragraph of sampling statistics
    ("… about 8 points from the value a larger sample would give …") came before the person's own dreams."""
    alice = make_user()
    _dreams(alice, 3)
    page = _main(web_as(alice).get("/dreams/?norms=female").content.decode())
    fold = page.index('<details class="compare"')
    assert page.index("What comes back in your dreams") < fold  # their own dreams first
    assert page.index("Your dreams and your days") < fold
    assert "Mother (a person): in 2 of your dreams" in page, page  # no coder's kind ("character")
    assert "character:" not in page and "norms" not in page[:fold].lower()
    outside = page[:fold] + page[page.index("</details>", fold) :]
    assert "norm" not in outside.lower() and "sample" not in outside
    inside = page[fold:]
    assert "It is not a judgement" in inside and "Women&#x27;s dreams" in inside
    assert "Women&#x27;s norms" not in page and "larger sample" not in page  # no statistics below 20 dreams
    assert '<details class="compare" open>' in page  # just chosen: shown open
    assert '<details class="compare">' in _main(web_as(alice).get("/dreams/").content.decode())  # later: shut


def test_dream_series_with_no_dreams_has_no_division_errors(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    assert series_for(alice).codings == []
    assert b"No analysed dreams yet" in web_as(alice).get("/dreams/").content


def test_a_daydream_is_not_counted_as_a_night_dream(make_user: Any) -> None:
    alice = make_user()
    start = timezone.now() - timedelta(days=5)
    for i, (kind, text) in enumerate([("dream", DREAMS[1]), ("daydream", DREAMS[0])]):
        view = journal.create_entry(
            alice, EntryDraft(kind=kind, body=text, happened_at=start + timedelta(days=i))
        )
        analysis.analyse_stored_entry(view.id, 1)
    series = series_for(alice)
    assert len(series.codings) == 1  # the daydream got no HVdC coding and is not in the series
    assert series.not_analysed == 0


def _r39_store(client: Any, kind: str, body: str, day: int, findings: list[dict[str, Any]]) -> str:
    import json
    from datetime import UTC, datetime

    from reverie.clinic.models import StoredAnalysis
    from reverie.clinic.services import keys

    view = journal.create_entry(
        client, EntryDraft(kind=kind, body=body, happened_at=datetime(2026, 1, day, 20, tzinfo=UTC))
    )
    result = {"schema": "reverie.analysis/1", "kind": kind, "truncated": False, "notes": [], "analyzers": {}}
    result["findings"] = [
        {"analyzer": "x", "version": "1", "model_hash": "x", "spans": [[0, len(body)]], **f} for f in findings
    ]
    sealed = keys.seal_for(
        client, analysis._result_id(view.id, 1), analysis.RESULT_PURPOSE, json.dumps(result).encode()
    )
    StoredAnalysis.objects.create(entry_id=view.id, revision=1, analyzers={}, payload=sealed)
    return str(view.id)


@pytest.mark.django_db
def test_the_dream_series_links_a_dream_only_to_feelings_an_entry_page_would_show(make_user: Any) -> None:
    """The dream series' links to waking life use the one findings rule: 'A colleague was furious in the meeting'
    (anger at 0.24, someone else's) is not "the same feeling" as the anger felt in last night's dream."""
    from reverie.clinic.services import dreams

    client = make_user("r39dreamer")
    _r39_store(
        client,
        "dream",
        "I was shouting at a dog and I was furious.",
        5,
        [
            {"kind": "dream_code", "label": "coding", "confidence": 1.0, "data": {"category": "coding"}},
            {
                "kind": "dream_code",
                "label": "emotion:AN",
                "confidence": 0.6,
                "data": {"category": "emotion", "code": "AN", "characters": ["D"]},
            },
        ],
    )
    _r39_store(
        client,
        "reflection",
        "A colleague was furious in the meeting today.",
        6,
        [
            {
                "kind": "emotion",
                "label": "anger",
                "confidence": 0.24,
                "data": {"scope": "other", "sentence": 0},
            }
        ],
    )
    links = dreams.series_for(client).continuity.links
    # before: one link, "anger" (feeling): dream <-> entry, 1 day later
    assert [link for link in links if link.kind == "emotion"] == [], links


@pytest.mark.django_db
def test_the_dream_series_links_a_named_person_but_never_an_unnamed_someone_else(make_user: Any) -> None:
    """People link through a specific role or a name: an unnamed "someone else" in an entry is no one to link."""
    from reverie.clinic.services import dreams

    client = make_user("r39namer")
    dream_codes = [
        {"kind": "dream_code", "label": "coding", "confidence": 1.0, "data": {"category": "coding"}},
        {
            "kind": "dream_code",
            "label": "character:Tom",
            "confidence": 0.9,
            "data": {"category": "character", "code": "1MKA", "label": "Tom", "identity": "K"},
        },
        {
            "kind": "dream_code",
            "label": "character:other",
            "confidence": 0.9,
            "data": {"category": "character", "code": "1MSA", "label": "other", "identity": "S"},
        },
    ]
    _r39_store(client, "dream", "Tom was there, and a stranger.", 5, dream_codes)
    person = {"kind": "person", "label": "other", "confidence": 0.9}
    _r39_store(client, "reflection", "Lunch with Tom.", 6, [{**person, "data": {"name": "Tom"}}])
    _r39_store(client, "reflection", "Someone spoke to me.", 7, [{**person, "data": {"name": None}}])
    links = [(link.kind, link.label) for link in dreams.series_for(client).continuity.links]
    assert links == [("person", "tom")], links
