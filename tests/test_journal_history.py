"""h151: ``reverie.journal.history``, the pure comparison behind "Earlier versions": each part in words, which parts
the next version changed, only what both versions kept compared."""

from __future__ import annotations

from typing import Any

from reverie.journal.history import LABELS, NOT_KEPT, changed_words, compare, parts


def _call(**changes: Any) -> dict[str, str]:
    given: dict[str, Any] = {
        "title": "The call",
        "body": "Mum rang.",
        "feelings": (("anger", 5), ("love", 4)),
        "people": ("Mum",),
        "extra": {"choice": "I told her I would call back."},
        "when": "2 Mar 2026, 23:00",
        **changes,
    }
    return parts(**given)


def test_parts_are_words_under_labels_never_keys() -> None:
    words = _call()
    assert words["feelings"] == "anger 5/5, love 4/5" and words["people"] == "Mum"
    assert words["choice"] == "I told her I would call back." and words["situation"] == ""
    assert set(words) == set(LABELS) and "situation" not in LABELS.values()
    assert parts(body="x")["happened_at"] == NOT_KEPT


def test_compare_marks_what_the_next_version_changed() -> None:
    older = _call()
    newer = _call(title="The call, later", feelings=(("anger", 2),), extra={}, when="3 Mar 2026, 00:00")
    compared = compare(older, newer)
    assert compared.changed == ("Title", "When it happened", "Feelings", "The choice I made")
    shown = {p.key: (p.text, p.changed) for p in compared.parts}
    assert shown["body"] == ("Mum rang.", False) and shown["feelings"] == ("anger 5/5, love 4/5", True)
    assert "situation" not in shown  # empty in both: not shown
    added = compare(_call(), _call(tags=("family",)))
    assert [(p.key, p.text, p.changed) for p in added.parts if p.changed] == [("tags", "", True)]
    assert changed_words(compared.changed) == "title, when it happened, feelings and the choice I made"
    assert changed_words(("Text",)) == "text"


def test_compare_counts_only_what_both_versions_kept() -> None:
    undated = _call(when=None)
    assert compare(undated, _call()).changed == ()  # a date not kept is never "changed"
    text_only = parts(body="Mum rang.")
    compared = compare(text_only, _call(title="New"), only_text=True)
    assert [p.key for p in compared.parts] == ["body"] and compared.changed == () and compared.only_text
    assert compare(_call(), parts(body="Other words."), next_only_text=True).changed == ("Text",)
