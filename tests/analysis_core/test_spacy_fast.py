"""Issue 16: the attribute ruler by look-up gives every token what spaCy's own component gives it."""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

from reverie.analysis.document import load_spacy
from reverie.analysis.spacy_fast import FastAttributes, tagged

TEXTS = [
    "I ain't gonna lie, y'all gotta come. Let's go!  C'mon   \n\n nothin' doin'.",
    "It's his, isn't it? There is a cat and there were two dogs. I'd've done it, but he'd not.",
    "Gets got GOT gets. That's what I do. Did you? I did. She has had enough; he does too.",
    "My mum Anna said I was overreacting - so I went quiet... whether or not that's fair.",
    "i dont know if i cant or wont, tho. U r right lol :) #sad",
    "",
    "   \n ",
    "The 3rd of May, 2021: £40 for 2 tickets (approx.) and e-mails to Dr. Smith.",
]


def _rows(doc: object) -> list[list[int]]:
    return doc.to_array([POS, TAG, MORPH, LEMMA, DEP]).tolist()  # type: ignore[attr-defined]


def test_same_part_of_speech_tag_morphology_and_lemma_as_spacys_attribute_ruler() -> None:
    nlp = load_spacy()
    with nlp.select_pipes(disable=["parser", "ner"]):
        expected = list(nlp.pipe(TEXTS))
    got = tagged(nlp, TEXTS)
    assert [d.text for d in got] == TEXTS
    assert [_rows(d) for d in got] == [_rows(d) for d in expected]
    assert [[(t.pos_, t.lemma_) for t in d] for d in got] == [
        [(t.pos_, t.lemma_) for t in d] for d in expected
    ]


def test_only_the_rules_that_need_more_than_one_tokens_tag_and_form_go_through_a_matcher() -> None:
    ruler = load_spacy().get_pipe("attribute_ruler")
    fast = FastAttributes(ruler)
    assert len(ruler.patterns) > 150
    assert 0 < fast._complex <= 30  # several tokens, DEP, IS_SPACE or a regular expression


def test_the_matcher_runs_only_where_a_token_can_start_one_of_its_rules() -> None:
    """Both ways: "gonna", "ain't", "nuthin'", "let's" can start a multi-token or regular-expression rule (the
    matcher runs, lemmas as spaCy's); a text with none of them cannot (the matcher is skipped, same result)."""
    nlp = load_spacy()
    fast = FastAttributes(nlp.get_pipe("attribute_ruler"))
    assert fast._openers  # every such rule starts with one token on LOWER and TAG
    # "got" may start "got ta": the matcher runs and finds nothing, as spaCy's
    with_rules = [
        "I'm gonna go.",
        "It ain't fair.",
        "There's nuthin' left.",
        "Let's talk.",
        "And got nothing.",
    ]
    # near misses: "Y'all" stays one token here, "Lets" is one word, "gone" is not "gon"
    without = ["I talked to my mother at dinner.", "Y'all came.", "Gone now.", "Lets go, ya all."]
    with nlp.select_pipes(disable=["parser", "ner"]):
        expected = list(nlp.pipe(with_rules + without))
    for text, spacy_doc in zip(with_rules + without, expected, strict=True):
        with nlp.select_pipes(enable=["tok2vec", "tagger"]):
            doc = nlp(text)
        rows = doc.to_array([LOWER, TAG, IS_SPACE]).tolist()
        assert fast._may_start(doc.vocab.strings, rows) is (text in with_rules), text
        got = tagged(nlp, [text])[0]
        assert _rows(got) == _rows(spacy_doc), text


def test_lemmas_are_asked_once_per_form_part_of_speech_and_morphology() -> None:
    """``FastLemmas`` answers a (form, part of speech, morphology) it has met from memory, and asks the
    component again for the same form with another part of speech ("saw" the verb and "saw" the noun)."""
    from reverie.analysis.spacy_fast import FastLemmas

    nlp = load_spacy()
    component = nlp.get_pipe("lemmatizer")
    asked: list[str] = []

    class Counting:
        overwrite = component.overwrite

        def lemmatize(self, token: Any) -> list[str]:
            asked.append(token.text)
            return list(component.lemmatize(token))

    fast = FastLemmas(Counting())
    texts = ["I saw the saw. I saw it.", "She saw a saw."]
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        docs = list(nlp.pipe(texts))
    with nlp.select_pipes(disable=["parser", "ner"]):
        expected = list(nlp.pipe(texts))
    ruler = FastAttributes(nlp.get_pipe("attribute_ruler"))
    for doc, spacy_doc in zip(docs, expected, strict=True):
        fast(ruler(doc))
        assert [t.lemma_ for t in doc] == [t.lemma_ for t in spacy_doc]
    keys = {(t.pos_, t.morph.key) for d in docs for t in d if t.lower_ == "saw"}
    assert {pos for pos, _ in keys} == {"VERB", "NOUN"}
    assert asked.count("saw") == len(keys)  # five tokens, each reading asked once
    assert {t.lemma_ for d in docs for t in d if t.lower_ == "saw"} == {"see", "saw"}


def test_only_spacys_rule_and_lookup_lemmatizers_are_read_from_memory() -> None:
    from reverie.analysis.spacy_fast import FastLemmas, fast_lemmas

    component = load_spacy().get_pipe("lemmatizer")
    assert isinstance(fast_lemmas(component), FastLemmas)

    class Other:
        mode = "rule"

    other = Other()
    assert (
        fast_lemmas(other) is other
    )  # a lemmatizer of another kind may read more than the key: left as it is
