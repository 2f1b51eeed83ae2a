"""The fit result names formats in the directory's words (qa34 point 7), while links keep the identifiers."""

from __future__ import annotations

from typing import Any

from django.test import Client

SEEDS = (
    "understand_self",
    "repeating_patterns",
    "relationships_hard",
    "feeling_emotions",
    "unhelpful_decisions",
)
ITEMS = ("d1", "d2", "d3", "e1", "e2", "e3", "p1", "p2", "p3", "c1", "c2", "c3")


def _fit_form(structure: str) -> dict[str, str]:
    form = {f"seed_{k}": "yes" for k in SEEDS}
    return {**form, "structure": structure, **{f"pref_{k}": "0" for k in ITEMS}}


def test_fit_result_names_formats_in_words_like_the_directory(db: Any) -> None:
    page = Client().post("/fit/", _fit_form("structured")).content.decode()
    assert '<span class="chip">Dynamic Interpersonal Therapy (DIT)</span>' in page
    assert '<span class="chip">dit</span>' not in page and '<span class="chip">cbt</span>' not in page
    assert '<span class="chip">brief psychodynamic therapy</span>' in page


def test_fit_result_links_keep_the_identifiers(db: Any) -> None:
    page = Client().post("/fit/", _fit_form("structured")).content.decode()
    assert "format=dit" in page and "format=brief_psychodynamic" in page


def test_words_knows_every_directory_format() -> None:
    from reverie.care.templatetags.words import WORDS
    from reverie.programmes.directory import FORMATS

    assert all(f in WORDS for f in FORMATS)
    assert WORDS["cbt"] == "cognitive behavioural therapy (CBT)"
