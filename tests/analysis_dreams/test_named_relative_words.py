"""r134 fault 6: a dream about "my sister Lena" was read back as "Your father and your lena appear in the dream.":
the character's label is the name, and the family code put "your" before it, lower-cased. A name stays a name;
"your" goes only before the role word."""

from __future__ import annotations

from typing import Any

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import for_reader, read_entry


def _dreams(text: str, result: dict[str, Any]) -> list[str]:
    return [o.text for o in read_entry(text, result).observations if o.analyzer == "dreams"]


def test_my_sister_lena_is_your_sister_lena() -> None:
    text = "In the dream my father and my sister Lena were on a small boat and the sea was rising."
    said = _dreams(text, analyse(text, "dream").to_json())
    assert "Your father and your sister Lena appear in the dream." in said, said
    assert not any("lena" in s for s in said), said


def test_lena_my_sister_keeps_the_name_after_the_role() -> None:
    text = "In the dream Lena, my sister, was on a small boat."
    assert "Your sister Lena appears in the dream." in _dreams(text, analyse(text, "dream").to_json())


def test_a_name_typed_in_lower_case_is_capitalised_and_the_therapist_reads_their_sister() -> None:
    text = "In the dream my sister lena was on a small boat."
    sister, lena = text.index("sister"), text.index("lena")
    finding = {
        "analyzer": "dreams",
        "version": "test",
        "model_hash": "test",
        "kind": "dream_code",
        "label": "character:1FTA",
        "confidence": 0.9,
        "spans": [[sister, sister + 6], [lena, lena + 4]],
        "data": {"category": "character", "code": "1FTA", "label": "lena"},
    }
    reading = read_entry(text, {"schema": "reverie.analysis/1", "findings": [finding]})
    said = [o for o in reading.observations if o.analyzer == "dreams"]
    assert [o.text for o in said] == ["Your sister Lena appears in the dream."]
    assert for_reader(said[0], own=False).text == "The client's sister Lena appears in the dream."


def test_relatives_without_a_name_are_unchanged() -> None:
    text = "I dreamt my mother and my brothers were at the station with my aunt."
    said = _dreams(text, analyse(text, "dream").to_json())
    assert any(s.startswith("Your mother, your brothers and your aunt appear") for s in said), said
