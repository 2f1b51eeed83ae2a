"""r59 review of dreams 1.1.4, fixed in 1.1.6 (h73) (h66 point 2, a character stated absent read by the
negation's scope): the lines next to the ones tested, where the negation contrasts two people ("my mother, not my father"; "not my father but my
mother"), lose the one who was there as well as the one who was not. Both lines coded no character at all on
1.1.4 (and already on 1.1.3): the scope of "not" is taken to cover the whole phrase it sits in, not only the
character it stands before (``analysis.dreams.characters._presence``). 1.1.5: a negator after a mention that opens
its apposition's phrase denies the apposition alone (``_negates_contrast``), and a conjunct joined by "but" takes
its own reading (``_contrasted``)."""

from __future__ import annotations

import pytest

from reverie.analysis.dreams.coder import code_dream


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("My mother, not my father, picked me up from school.", "father", "mother"),
        ("Not my father but my mother came to get me.", "father", "mother"),
    ],
)
def test_the_person_contrasted_with_an_absent_one_is_still_coded(
    text: str, absent: str, present: str
) -> None:
    """A client's dream report "My mother, not my father, picked me up from school." is coded with no characters at
    all (its character counts and indicators computed without anyone): the mother who picked them up is gone
    with the father who did not. They should see the mother, and not the father."""
    labels = [c.label for c in code_dream(text).characters]
    assert present in labels, labels
    assert absent not in labels, labels
