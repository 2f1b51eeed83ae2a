"""h66 point 2: a character the report states is absent is not a character present, read by the negation's scope
over the character's own phrase and clause, wherever the parser hangs the negator: a negator right before the
character's phrase ("nobody called, not even my father": the parser hangs "not" on the verb and the father on
nothing), a conjunct of a subject that shares its first conjunct's clause ("my mother and my father weren't there",
"neither my mother nor my father came"), the object of "without" and the "of" of "none of". Written for this check,
in voices other than the r39 lines. Each line also has someone who is there, so that the rule is seen not to drop
people beside a negation ("not only", "without shoes", a new clause the parser joined to the absent one)."""

from __future__ import annotations

import pytest

from reverie.analysis.dreams.coder import code_dream


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Nobody called, not even my father. My aunt sat with me.", "father", "aunt"),
        ("No one was there, not even my mother. Then a policeman knocked.", "mother", "policeman"),
        ("No one came to help, not even Anna. My brother carried me.", "Anna", "brother"),
        ("My mother and my father weren't there, but my teacher was.", "father", "teacher"),
        (
            "Neither my mother nor my father came to the station. Not only my aunt came, my cousin too.",
            "mother",
            "aunt",
        ),
        ("Neither my mother nor my father came to the station. I met a stranger.", "father", "stranger"),
        ("I went to school without my brother and my teacher yelled at me.", "brother", "teacher"),
        ("None of my family came to the wedding. The priest was late.", "family", "priest"),
    ],
)
def test_a_character_stated_absent_is_not_coded_and_one_there_is(
    text: str, absent: str, present: str
) -> None:
    labels = [c.label for c in code_dream(text).characters]
    assert absent not in labels, labels
    assert present in labels, labels
