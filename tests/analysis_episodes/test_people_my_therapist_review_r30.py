"""Review r30 (moved next to the people analyzer): a person the writer calls "my therapist" is the therapist.

Read as "other", the entry's episode, the therapist corner of the triangles and the transference mirror all missed
her (people 1.7.0 reads it: ``people._therapist_by_naming``)."""

from __future__ import annotations

from reverie.analysis.pipeline import analyse

# r30-14: the writer names her as the therapist in the same entry.
SAID_TO_BE_THE_THERAPIST = (
    "Dr Okafor said she'd be away for two weeks in March. I said that's great, you deserve a holiday. On the way "
    "home I felt abandoned, which is ridiculous, she's my therapist not my mother."
)


def test_a_doctor_the_writer_calls_my_therapist_is_read_as_the_therapist() -> None:
    """A named person the entry itself calls 'my therapist' is read with the role therapist, not other."""
    people = analyse(SAID_TO_BE_THE_THERAPIST, "reflection", only=["people"]).of_kind("person")
    roles = {f.label for f in people if f.data.get("name") == "Okafor"}
    assert roles == {"therapist"}, roles


def test_a_name_the_writer_calls_my_analyst_in_a_clause_is_read_as_the_therapist() -> None:
    """ "Dr Lee, who is my analyst, ...": the clause about her names her role."""
    text = "Dr Lee, who is my analyst, said nothing for a long time."
    people = analyse(text, "reflection", only=["people"]).of_kind("person")
    assert {f.label for f in people if f.data.get("name") == "Lee"} == {"therapist"}
