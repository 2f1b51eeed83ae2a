"""Where a dream report's dream ends: what comes after the dreamer wakes is waking life, not dream content.

HVdC codes the dream only. An entry often goes on past the dream ("When I woke up my husband was snoring.", "I cried
when I woke up.", "I woke and went to the kitchen."), and every sub-coder would read that as the dream's. So the coder
takes one boundary step before any rule runs (since 1.2.0): ``dream_part`` keeps the report up to where the dreamer
wakes, and only that is coded.

The dreamer wakes where "woke", "awoke", "awakened", "woken" … has the dreamer as subject ("I woke", "then I finally
woke", "I was woken") or object ("the alarm woke me"), or after "on", "upon", "after" ("on waking"). A sentence told
from after waking ("when / after / once / as I woke", "on waking") is cut whole; a waking main clause keeps what the
sentence told before it ("I was startled and woke up", "Just as the train left, I woke up"); a waking with another
subject is cut from the sentence's start. No end: "until / before I woke" (the dream went on to then: that sentence is
kept, what follows cut), a waking that opens the report ("I woke up in a hospital bed.": the dream itself; a first
sentence that ends in waking is kept whole), a waking in the dream ("in the dream I woke", "I dreamt that I woke"),
from a sleep the dream told in that sentence or the one before ("I went to sleep and when I woke up, it was late"),
or brought about by a person of the dream ("my mother woke me and told me …"). The rule reads words and tags, not the
parse, since the pipeline parses only some sentences (``document._spacy_doc``).
"""

from __future__ import annotations

from typing import Any

from reverie.analysis.dreams import lexicon as lx

WAKE_PAST = frozenset(
    {"woke", "awoke", "awakened", "wakened", "awaked", "woken", "awoken"}
)  # told, not to come
WAKE_ING = frozenset({"waking", "awakening", "wakening"})  # only after "on", "upon", "after"
PERSON_PRONOUNS = frozenset({"he", "she", "they", "someone", "somebody", "everyone"})
DREAMER_SUBJECTS = frozenset({"i", "we"})
DREAMER_OBJECTS = frozenset({"me", "us"})
WAKING_PREPOSITIONS = frozenset({"on", "upon", "after"})  # "on waking", "after waking up"
WAKING_MARKS = frozenset(
    {"when", "whenever", "after", "once", "as", "on", "upon"}
)  # "when I woke", "on waking"
SLEEP_WORDS = frozenset(
    {"sleep", "asleep", "nap", "doze", "slept"}
)  # a sleep inside the dream, then a waking
INSIDE_MARKS = frozenset({"until", "till", "til", "before"})  # "until I woke": the dream went on to then
DREAM_VERBS = frozenset({"dreamt", "dreamed", "dreaming", "dream"})
BETWEEN = 3  # words between the dreamer and the verb: "I finally woke", "I had just woken"


def dream_end(doc: Any) -> int:
    """The index of the first token after the dream (``len(doc)`` when the whole report is the dream)."""
    sentences = list(doc.sents)
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1].start if index + 1 < len(sentences) else len(doc)
        for token in sentence:
            if not _dreamer_wakes(token, sentence):
                continue
            if index == 0 and _opens(token, sentence):
                continue  # a report that opens with waking tells the dream ("I woke up in a strange room")
            if _in_dream(token, sentence, sentences[index - 1] if index else None):
                continue  # a waking the dream tells ("I woke up in the dream", from a sleep it told)
            if _until(token, sentence):
                return following  # "I ran until I woke up": the dream went on to then
            start = _clause_start(token, sentence) if _dreamer_subject(token, sentence) else sentence.start
            if start > sentence.start and doc[start - 1].lower_ in WAKING_MARKS:
                # "When I woke up my husband was snoring", "I cried when I woke up", "On waking, I felt sad": the
                # whole sentence is told from after waking (a first sentence stays: the report holds a dream)
                return following if index == 0 else sentence.start
            return (
                start  # "I was startled and woke up", "Just as he reached me, I woke up": the dream to there
            )
    return len(doc)


def _opens(token: Any, sentence: Any) -> bool:
    """The waking opens the report: no verb before it in the first sentence."""
    return not any(t.pos_ in {"VERB", "AUX"} for t in token.doc[sentence.start : token.i])


def _clause_start(token: Any, sentence: Any) -> int:
    """Where the waking's own clause begins: back from the verb over its subject, auxiliaries, adverbs and a joining
    "and" or comma ("then I finally woke", "and woke up")."""
    doc, i = token.doc, int(token.i)
    while i > sentence.start:
        before = doc[i - 1]
        if before.lower_ in WAKING_MARKS or before.lower_ in INSIDE_MARKS:
            break
        if not (
            before.lower_ in DREAMER_SUBJECTS
            or before.pos_ in {"AUX", "ADV", "CCONJ", "PUNCT", "PART"}
            or before.lower_ in WAKING_PREPOSITIONS
        ):
            break
        i -= 1
    return i


def dream_part(doc: Any) -> Any:
    """The report's dream as its own ``Doc`` (the same token offsets and character offsets, since it starts at
    0), or ``doc`` itself when nothing comes after waking."""
    end = dream_end(doc)
    return doc if end >= len(doc) else doc[:end].as_doc()


def _is_wake(token: Any) -> bool:
    return token.lower_ in WAKE_PAST or token.lower_ in WAKE_ING


def _dreamer_wakes(token: Any, sentence: Any) -> bool:
    if not _is_wake(token):
        return False
    doc, start = token.doc, sentence.start
    before = [t.lower_ for t in doc[max(start, token.i - BETWEEN - 1) : token.i]]
    after = [t.lower_ for t in doc[token.i + 1 : min(sentence.end, token.i + 3)]]
    if token.lower_ in WAKE_ING:
        return bool(before) and before[-1] in WAKING_PREPOSITIONS  # "on waking", "after waking up"
    if any(w in DREAMER_SUBJECTS for w in before) and not _other_subject_between(doc, token, start):
        return True  # "I woke", "I finally woke up", "I was woken by the phone"
    return (bool(after) and after[0] in DREAMER_OBJECTS) or after[:2] in (["up", "me"], ["up", "us"])


def _dreamer_subject(token: Any, sentence: Any) -> bool:
    """The dreamer is the one who wakes ("I woke"), not its object ("the alarm woke me": the whole sentence is after)."""
    doc = token.doc
    return token.lower_ in WAKE_ING or any(
        t.lower_ in DREAMER_SUBJECTS for t in doc[max(sentence.start, token.i - BETWEEN - 1) : token.i]
    )


def _other_subject_between(doc: Any, token: Any, start: int) -> bool:
    """ "I saw that the baby woke": a person or noun between the dreamer and the verb is the one who wakes."""
    for t in reversed(doc[max(start, token.i - BETWEEN - 1) : token.i]):
        if t.lower_ in DREAMER_SUBJECTS:
            return False
        if t.pos_ in {"NOUN", "PROPN"} or (t.pos_ == "PRON" and t.lower_ not in DREAMER_OBJECTS):
            return True
    return False


def _until(token: Any, sentence: Any) -> bool:
    """The sentence tells the dream up to the waking: "until I woke", "just before I woke"."""
    doc = token.doc
    near = [t.lower_ for t in doc[max(sentence.start, token.i - BETWEEN - 2) : token.i]]
    return any(w in INSIDE_MARKS for w in near)


def _in_dream(token: Any, sentence: Any, previous: Any) -> bool:
    """A waking inside the dream: "I woke up in the dream", "I dreamt that I woke", a waking from a sleep the dream
    told just before ("I went to sleep and when I woke up, it was late"), or one a person of the dream brings about
    ("my mother woke me and told me …")."""
    doc = token.doc
    since = previous.start if previous is not None else sentence.start
    if any(t.lemma_.lower() in SLEEP_WORDS or t.lower_ in SLEEP_WORDS for t in doc[since : token.i]):
        return True
    if any(t.lower_ in DREAM_VERBS and t.pos_ == "VERB" for t in doc[sentence.start : token.i]):
        return True  # "I dreamt that I woke up"
    if token.lower_ not in {"waking", "awakening"} and _woken_by_someone(token, sentence):
        return True
    return any(
        t.lower_ in {"dream", "dreams"}
        and any(w.lower_ == "in" for w in doc[max(sentence.start, t.i - 3) : t.i])
        for t in sentence
    )  # "I woke up in the dream", "in my dream I woke"


def _woken_by_someone(token: Any, sentence: Any) -> bool:
    """ "My mother woke me", "he woke me up": a person (not an alarm, a noise) wakes the dreamer, in the dream."""
    doc = token.doc
    for t in reversed(doc[sentence.start : token.i]):
        if t.lower_ in DREAMER_SUBJECTS:
            return False  # "I woke", "I was woken": the dreamer's own waking
        if t.lower_ in PERSON_PRONOUNS or t.ent_type_ == "PERSON" or t.lemma_.lower() in lx.PERSON_NOUNS:
            return True
    return False
