"""Review r60 (branch r60): 40 new entries through the entry page's findings with the real models, judged by hand
(``tests/fixtures/README_shown_findings_r60.md``). Dream characters were right 6 of 6, but one was worded with the
verb of its sentence as a name."""

from __future__ import annotations

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import read_entry


def test_a_mother_named_after_dreamt_is_your_mum_not_a_person_called_dreamt_mum() -> None:
    """r60-18. A person grieving their mother writes "Dreamt Mum was alive and we were in the garden …" and sees
    "Dreamt Mum appears in the dream.", as if "Dreamt Mum" were someone's name (coded a known person, 1FKA, not the
    mother). They should see "Your mum appears in the dream." Cause believed: ``reverie/analysis/dreams/
    characters.py: _draft_for`` takes a spaCy PERSON entity ("Dreamt Mum", the sentence's capitalised verb swept
    into it) as a name (``_named``) before the family noun "Mum" is looked up, so the label keeps "Dreamt"."""
    text = (
        "Dreamt Mum was alive and we were in the garden planting bulbs like nothing had happened. She was laughing "
        "at something on the radio. I knew in the dream she was dead but I didn't say it because I didn't want her "
        "to go. Woke up and lay there for a long time."
    )
    said = [o.text for o in read_entry(text, analyse(text, "dream").to_json()).observations]
    assert not any("Dreamt" in s for s in said), said
    assert "Your mum appears in the dream." in said, said
