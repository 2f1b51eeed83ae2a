"""Review r60 (branch r60): 40 new entries (``tests/fixtures/shown_findings_r60.jsonl``) through the entry page's
findings (``observations.seen_by``) with the real local models, every shown finding judged by hand
(``tests/fixtures/README_shown_findings_r60.md``). Feelings were right 22 times of 28 judged; these are the wrong
ones that would hurt a person: a feeling the page credits to the writer ("Your words carry …") that belongs to
someone else in the entry, or that reads the opposite of what the writer says. Each goes through the whole pipeline
and the entry panel (``insights.observations.read_entry``, what ``observations.noticed`` shows)."""

from __future__ import annotations

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import read_entry


def _said(text: str, kind: str) -> list[str]:
    return [o.text for o in read_entry(text, analyse(text, kind).to_json()).observations]


def test_a_class_laughing_at_the_dreamer_is_not_the_dreamers_amusement() -> None:
    """r60-31. A person sees "Your words carry amusement." for a dream in which the teacher shouted at them, the
    whole class laughed and they were "so ashamed"; the laughter is the class's. They should see no amusement
    credited to them (the shame is theirs and is shown). Cause believed: ``reverie/analysis/emotion_scope.py:
    emotion_words`` gives "laughing" the holder ``writer`` though its subject is "the whole class" (a "my son was
    terrified" subject is already someone else's)."""
    text = (
        "I was back at school sitting an exam I hadn't studied for. My old maths teacher was shouting at me and "
        "the whole class was laughing. I was so ashamed. Then suddenly I was at my current office and it was fine."
    )
    said = _said(text, "dream")
    assert "Your words carry amusement." not in said, said


def test_an_apology_the_writer_wanted_from_their_partner_is_not_the_writers_remorse() -> None:
    """r60-06. A person whose partner forgot their anniversary and brushed them off writes "I wanted him to just
    say sorry and mean it", and sees "Your words carry remorse.", as if they were the one who was sorry. They
    should see no remorse credited to them (the sorry is wished of him). Cause believed: ``reverie/analysis/
    emotions.py: EmotionsAnalyzer._sentence_findings`` (with ``apply_scope``) keeps a sentence-model reading as
    the writer's (scope ``sentence``) when the sentence has no feeling word, so a feeling wished of another person
    ("wanted him to say sorry") is credited to the writer."""
    text = (
        "Dev forgot our anniversary again. Not even a text. When I brought it up he said I was making a big deal "
        "out of nothing and went back to his game. I wanted him to just say sorry and mean it. Instead I went "
        "quiet and did the dishes so hard I chipped a plate."
    )
    said = _said(text, "reflection")
    assert "Your words carry remorse." not in said, said


def test_laughing_off_a_hurtful_remark_is_not_amusement() -> None:
    """r60-16. A person whose mother remarked on their weight before the family writes "I laughed it away but
    inside it hurt very much", and sees "Your words carry amusement." beside sadness. They should see the sadness
    alone: "laughed it away" says the laugh was a cover. Cause believed: ``reverie/analysis/emotion_scope.py:
    emotion_words`` reads "laughed" as the writer's amusement without its particle "away" (to laugh something
    away: to dismiss it) or the "but inside it hurt" that follows; the sentence model then agrees (0.62)."""
    text = (
        "Yesterday was the birthday of my brother. The whole family was there and my mother again made comments "
        "about my weight before everybody. I laughed it away but inside it hurt very much. On the way home I was "
        "crying in the train."
    )
    said = _said(text, "reflection")
    assert "Your words carry amusement." not in said, said


def test_tears_of_joy_over_good_news_are_not_shown_as_sadness() -> None:
    """r60-13. A person who got into nursing school writes that they cried in the car park and that it was the best
    day in ages, and sees "Your words carry sadness." ("Reverie is fairly sure"). They should not be told their
    words carry sadness on their best day. Cause believed: ``reverie/analysis/emotion_scope.py: emotion_words``
    gives "cried" sadness to the writer whatever the entry around it says (``good_news`` sees the news, but a
    crying word is not read against it), and the sentence model alone reads "I cried in the car park." as sadness
    at 0.85."""
    text = (
        "Got the acceptance letter!!! Nursing school in September. I cried in the car park. Called my nan first "
        "and she screamed down the phone. Best day in ages."
    )
    said = _said(text, "reflection")
    assert "Your words carry sadness." not in said, said
