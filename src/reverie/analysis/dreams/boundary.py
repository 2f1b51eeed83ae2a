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
or one the dreamer only thought ("I thought I woke up"). Since 1.2.1 (r79) a waking the report undoes is no end
either, and the dream goes on to the next waking that is not undone: words after it, to the end of the next
sentence, that say the dream went on ("but I was still dreaming", "it was another dream", "or so I thought", "I
wasn't really awake", "the dream went on", a sleep again with a dream after it: "I woke at 3, fell back asleep and
dreamt …"), or a later waking the report calls the real one ("then I really woke up"). "Still dreaming" counts only
as the dreamer's fact, not a likeness ("I thought I was still dreaming", "he was still asleep" end nothing). Someone
else waking the dreamer ("my husband woke me") is a waking like an alarm (before 1.2.1 it was read as the dream's).
The rule reads words and tags, not the parse, since the pipeline parses only some sentences
(``document._spacy_doc``).
"""

from __future__ import annotations

from typing import Any

WAKE_PAST = frozenset(
    {"woke", "awoke", "awakened", "wakened", "awaked", "woken", "awoken"}
)  # told, not to come
WAKE_ING = frozenset({"waking", "awakening", "wakening"})  # only after "on", "upon", "after"
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
# 1.2.1 (r79): words after a waking that say the dream went on (a false awakening, a dream resumed)
DREAMING_ON: tuple[tuple[str, ...], ...] = (
    ("still", "dreaming"),
    ("still", "asleep"),
    ("still", "sleeping"),
    ("still", "in", "the", "dream"),
    ("still", "in", "a", "dream"),
    ("still", "in", "my", "dream"),
    ("still", "a", "dream"),
    ("or", "so", "i", "thought"),
    ("not", "really", "awake"),
    ("n't", "really", "awake"),
    ("not", "actually", "awake"),
    ("n't", "actually", "awake"),
    ("false", "awakening"),
    ("dream", "within", "a", "dream"),
    ("dream", "went", "on"),
    ("dream", "carried", "on"),
    ("dream", "continued"),
    ("dream", "resumed"),
    ("back", "into", "the", "dream"),
    ("back", "in", "the", "dream"),
)
ANOTHER_DREAM: tuple[tuple[str, ...], ...] = (  # "it was another dream", "into a new dream"
    ("was", "another", "dream"),
    ("was", "a", "new", "dream"),
    ("into", "another", "dream"),
    ("into", "a", "new", "dream"),
    ("was", "part", "of", "the", "dream"),
    ("was", "still", "the", "dream"),
)
ASLEEP_AGAIN: tuple[tuple[str, ...], ...] = (
    ("back", "asleep"),
    ("back", "to", "sleep"),
    ("asleep", "again"),
    ("to", "sleep", "again"),
)
LIKENESS_WORDS = frozenset({"if", "though", "like", "thought", "felt", "wondered", "whether", "seemed"})
REALLY_WORDS = frozenset(
    {"really", "actually", "truly"}
)  # "then I really woke up": the earlier waking was dreamt
THINKING_WORDS = frozenset({"thought", "imagined", "believed"})  # "I thought I woke up"
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
            if _undone(token, sentences, index):
                continue  # 1.2.1: a false awakening, or a dream resumed: the dream goes on to a later waking
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
    told just before ("I went to sleep and when I woke up, it was late"), or one only thought ("I thought I woke")."""
    doc = token.doc
    since = previous.start if previous is not None else sentence.start
    if any(t.lemma_.lower() in SLEEP_WORDS or t.lower_ in SLEEP_WORDS for t in doc[since : token.i]):
        return True
    if any(t.lower_ in DREAM_VERBS and t.pos_ == "VERB" for t in doc[sentence.start : token.i]):
        return True  # "I dreamt that I woke up"
    if any(t.lower_ in THINKING_WORDS for t in doc[max(sentence.start, token.i - BETWEEN - 1) : token.i]):
        return (
            True  # 1.2.1: "I thought I woke up", "I imagined I had woken": a waking the dreamer only thought
        )
    return any(
        t.lower_ in {"dream", "dreams"}
        and any(w.lower_ == "in" for w in doc[max(sentence.start, t.i - 3) : t.i])
        for t in sentence
    )  # "I woke up in the dream", "in my dream I woke"


def _words(doc: Any, start: int, end: int) -> list[str]:
    return [t.lower_ for t in doc[start:end]]


def _has(words: list[str], phrase: tuple[str, ...]) -> int:
    """Where ``phrase`` starts in ``words`` (-1 when absent)."""
    n = len(phrase)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) == phrase:
            return i
    return -1


def _undone(token: Any, sentences: list[Any], index: int) -> bool:
    """1.2.1 (r79): a waking the report undoes, so the dream goes on past it. Read after the waking, to the end of
    the next sentence: the dreamer "still dreaming" / "still asleep" / "still in the dream" (not "I thought I was
    still dreaming": a waking that felt like a dream is a waking), "it was another dream", "or so I thought", "not
    really awake", "the dream went on / continued / resumed", "a false awakening", or a sleep again with a dream
    after it ("fell back asleep and dreamt …"); or a later waking the report calls the real one ("then I really
    woke up", "I woke up for real"): every waking before it was dreamt."""
    doc = token.doc
    end = sentences[index + 1].end if index + 1 < len(sentences) else len(doc)
    after = _words(doc, token.i + 1, end)
    for phrase in DREAMING_ON:
        at = _has(after, phrase)
        if at < 0:
            continue
        if phrase[0] == "still" and not _dreamer_still(after, at):
            continue  # "my husband was still asleep", "as if I was still dreaming"
        return True
    if any(_has(after, phrase) >= 0 for phrase in ANOTHER_DREAM):
        return True
    again = min((at for at in (_has(after, p) for p in ASLEEP_AGAIN) if at >= 0), default=-1)
    if again >= 0 and any(w in DREAM_VERBS or w == "dreams" for w in after[again:]):
        return True  # "I woke at 3, fell back asleep and dreamt the same thing"
    return any(
        _real_waking(later)
        for later in doc[token.i + 1 :]
        if _is_wake(later) and _dreamer_wakes(later, later.sent)
    )


def _dreamer_still(after: list[str], at: int) -> bool:
    """ "(but) I was still dreaming": the dreamer is the one still asleep, said as a fact, not as a likeness ("it
    felt as if I was still dreaming", "I thought I was still asleep")."""
    before = after[max(0, at - 4) : at]
    if not any(w in DREAMER_SUBJECTS for w in before):
        return False
    return not any(w in LIKENESS_WORDS for w in after[max(0, at - 6) : at])


def _real_waking(token: Any) -> bool:
    """ "then I really woke up", "I actually woke", "I woke up for real", "I woke up properly this time"."""
    doc = token.doc
    before = _words(doc, max(token.sent.start, token.i - BETWEEN - 1), token.i)
    after = _words(doc, token.i + 1, min(token.sent.end, token.i + 5))
    return bool(set(before) & REALLY_WORDS) or _has(after, ("for", "real")) >= 0 or "properly" in after
