"""The risk screen's output shape, its level logic, and the person-mode model path."""

from __future__ import annotations

import json
import zlib

import numpy as np
import pytest

from reverie.analysis.document import Document
from reverie.analysis.risk import (
    HASH_DIM,
    LEVELS,
    RULE_FEATURES,
    SENTENCE_FEATURES,
    RiskModel,
    build_risk_analyzer,
    decide,
    model_text,
    model_units,
    screen,
    screen_person,
)
from reverie.analysis.risk_lexicon import read


def _model(threshold: float = 0.5, bias: float = -4.0, boosted: tuple[str, ...] = ()) -> RiskModel:
    weights = np.zeros(HASH_DIM, dtype=np.float32)
    for gram in boosted:
        weights[zlib.crc32(gram.encode("utf-8")) % HASH_DIM] = 40.0
    return RiskModel(weights, np.zeros(len(RULE_FEATURES), dtype=np.float32), bias, threshold, "test-model")


def test_screen_data_has_the_documented_keys_and_json_safe_values() -> None:
    result = screen("My brother said he wanted to die. I want to die too.", model=False)
    data = result.to_data()
    assert set(data) >= {"level", "score", "triggers", "suppressed", "threshold"}
    assert data["level"] == "ideation"
    assert 0.0 <= data["score"] <= 1.0
    json.dumps(data)
    assert {s["reason"] for s in data["suppressed"]} == {"third_person"}


def test_screen_trigger_spans_point_at_the_phrase() -> None:
    text = "Long day. Honestly everyone would be better off without me."
    result = screen(text, model=False)
    phrases = [text[t.span.start : t.span.end] for t in result.triggers]
    assert "better off without me" in phrases


def test_screen_score_is_above_threshold_exactly_when_flagged() -> None:
    for text in ("I want to die", "I feel hopeless", "lovely walk today", "I tried to kill myself in May"):
        for model in (False, _model()):
            result = screen(text, model=model)
            assert (result.score >= result.threshold) == result.flagged


def test_screen_orders_scores_by_level() -> None:
    scores = [
        screen(t, model=False).score
        for t in ("nice day", "I feel hopeless", "I want to die", "I bought a rope")
    ]
    assert scores == sorted(scores)


def test_screen_entry_level_is_not_raised_by_the_person_ngram_model() -> None:
    eager = _model(bias=6.0)  # says "ideation" to everything, but has no sentence model
    result = screen("I feel hopeless about my job.", model=eager)
    assert result.level == "indicator"
    assert result.model_score is not None and result.model_score > 0.99


def _sentence_model(bias: float) -> RiskModel:
    dim = 384 + len(SENTENCE_FEATURES)
    base = _model()
    return RiskModel(
        base.ngram_weights,
        base.rule_weights,
        base.bias,
        0.5,
        "test-sentence-model",
        sentence_weights=np.zeros(dim, dtype=np.float32),
        sentence_bias=bias,
        sentence_threshold=0.5,
    )


def test_the_sentence_model_raises_an_entry_and_names_the_sentence() -> None:
    eager = _sentence_model(6.0)  # every sentence scores ~1.0
    text = "Lunch was fine. Everything is grey."
    result = screen(text, model=eager)
    assert result.level == "ideation" and result.flagged and result.score >= result.threshold
    spans = {text[t.span.start : t.span.end] for t in result.triggers if t.rule == "model"}
    assert spans == {"Lunch was fine.", "Everything is grey."}
    assert len(result.sentence_scores) == 2 and min(result.sentence_scores) > 0.99


def test_the_sentence_model_never_sets_behavior_or_attempt_by_itself() -> None:
    assert screen("Lunch was fine.", model=_sentence_model(6.0)).level == "ideation"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("My friend cut her arms last week.", "third_person"),
        ("In the film the hero jumps from the tower.", "fiction"),
        ("I would never kill myself.", "negation"),
        ("I dreamt my brother fell from a roof.", "dream"),
        ("I overdosed on chocolate.", "figure_of_speech"),
    ],
)
def test_the_sentence_model_is_stopped_only_by_evidence_and_says_why(text: str, reason: str) -> None:
    result = screen(text, model=_sentence_model(6.0))
    assert not result.flagged, result.to_data()
    assert reason in {s.reason for s in result.suppressed}, result.to_data()


def test_a_quiet_sentence_model_leaves_the_lexicon_floor() -> None:
    quiet = _sentence_model(-9.0)
    assert screen("I took the pills.", model=quiet).level == "attempt"
    assert screen("Lunch was fine.", model=quiet).level == "none"


def test_screen_person_lets_the_model_flag_and_names_its_evidence() -> None:
    model = _model(boosted=("darkness",))
    text = "The darkness keeps coming back every night."
    result = screen_person([text, "Work was fine."], model=model)
    assert result.level == "ideation"
    model_triggers = [t for t in result.triggers if t.rule == "model"]
    assert model_triggers and "darkness" in {
        "\n\n".join([text, "Work was fine."])[t.span.start : t.span.end] for t in model_triggers
    }


def test_screen_person_without_model_signal_keeps_the_lexicon_level() -> None:
    result = screen_person(["I feel hopeless.", "Nothing else to say."], model=_model())
    assert result.level == "indicator"


def test_decide_person_mode_floors_lexicon_flags_into_the_band() -> None:
    hits = read("I want to die")
    level, score = decide(hits, 0.01, 0.3, person=True)
    assert LEVELS[level] == "ideation" and score >= 0.3


def test_model_text_blanks_only_set_aside_phrases() -> None:
    text = "My brother wants to die. I want to die."
    masked = model_text(text, read(text))
    assert len(masked) == len(text)
    assert "brother" in masked and masked.count("want") == 1 and masked.endswith("I want to die.")


def test_screen_dream_entry_counts_waking_statements() -> None:
    dream = screen("I was flying over a lake and then I jumped off a bridge.", "dream", model=False)
    waking = screen("I was flying over a lake. I want to die.", "dream", model=False)
    assert not dream.flagged and "dream" in {s.reason for s in dream.suppressed}
    assert waking.level == "ideation"


def test_screen_empty_and_odd_inputs_do_not_fail() -> None:
    for text in ("", "   ", "💀💀💀", "a" * 5000, '"unclosed quote I want to'):
        result = screen(text, model=False)
        assert result.level in LEVELS


def test_analyzer_returns_one_risk_finding_with_provenance() -> None:
    analyzer = build_risk_analyzer()
    doc = Document(text="I can't stop thinking about killing myself.", kind="free_association", sentences=[])
    (finding,) = analyzer.run(doc)
    assert finding.kind == "risk" and finding.analyzer == "risk"
    assert finding.label == "ideation" and finding.confidence == pytest.approx(
        finding.data["score"], abs=1e-4
    )
    assert finding.spans and finding.model_hash == analyzer.model_hash


def test_model_units_read_runs_of_fragments_together() -> None:
    text = "Done. Over it. Want out. Then I went to bed early."
    units = [text[s:e] for s, e in model_units(text)]
    assert units == ["Done. Over it. Want out.", "Then I went to bed early."]


def test_a_long_sentence_is_read_clause_by_clause_in_entry_mode_only() -> None:
    # third round: a rambling sentence whose risk is one clause among many was scored as one embedding and missed
    text = (
        "The meeting ran over and the printer jammed twice and I missed the bus home, and on the walk back I "
        "kept thinking that I would like to stop existing altogether, but then my sister rang about the dog "
        "and we talked for an hour. Short one here."
    )
    units = [text[s:e] for s, e in model_units(text)]
    assert len(units) >= 4 and units[-1] == "Short one here."
    assert any("on the walk back I kept thinking" in u and "sister" not in u for u in units), units
    assert all(len(u.split()) >= 6 for u in units[:-1]), units
    whole = [text[s:e] for s, e in model_units(text, clauses=False)]
    assert len(whole) == 2 and whole[1] == "Short one here."
    short = "I went to the shop, and then I came home and made tea."
    assert [short[s:e] for s, e in model_units(short)] == [short]


def test_a_two_word_fragment_never_raises_an_entry_by_the_model_alone() -> None:
    # regression: the first sentence model scored "Calm session." 0.98 and alerted on a calm progress note
    eager = _sentence_model(6.0)
    result = screen("Talked about work and her sister. Calm session.", "session_note", model=eager)
    reasons = {s.reason for s in result.suppressed if s.rule == "model"}
    assert "too_short" in reasons
    model_triggers = [t for t in result.triggers if t.rule == "model"]
    assert model_triggers and result.level == "ideation"  # the long sentence raises it
    assert not screen("Calm session.", "session_note", model=eager).flagged
    assert screen("Suicidal.", model=eager).flagged  # the lexicon still reads fragments


@pytest.mark.parametrize("text", ["A good walk.", "A quiet coffee.", "Nice weather today.", "A long nap."])
def test_short_everyday_sentences_are_not_flagged_by_the_shipped_model(text: str) -> None:
    # regression (third round): a retrain with many terse risky fragments in the bank scored "A good walk." 0.90;
    # the bank now carries short everyday fragments as negatives too
    result = screen(text, model=True)
    assert not result.flagged, result.to_data()


def test_a_long_everyday_sentence_read_by_clauses_stays_unflagged() -> None:
    # third round: reading long sentences clause by clause scored the film clause of this sentence 0.89 (written
    # for this test); a story's people now keep a clause a story even when the writer watched it
    text = (
        "We watched a film last night where the main character jumps off a bridge at the end, and it stayed "
        "with me all morning, so I went for a long walk by the river and felt better."
    )
    result = screen(text, model=True)
    assert not result.flagged, result.to_data()
    clause = "We watched a film last night where the main character jumps off a bridge at the end"
    from reverie.analysis.risk_lexicon import sentence_reasons

    assert sentence_reasons(clause, "free_association", [(0, len(clause))]) == ["fiction"]
    own = "I watched a film and then I wanted to kill myself all evening."
    assert screen(own, model=True).flagged  # a lexicon phrase of the writer's own still counts


def test_the_screen_scores_every_sentence_in_bounded_encoder_passes() -> None:
    """Review r17: the sentence model used to read only the first ``MAX_SENTENCES`` sentences, so a long entry's
    last sentence was never scored. Now every sentence is, in passes of at most ``MAX_SENTENCES`` sentences."""
    from reverie.analysis import risk

    class Sizes:
        name, model_hash, dim = "double", "double", 384

        def __init__(self) -> None:
            self.sizes: list[int] = []

        def encode(self, sentences: list[str]) -> np.ndarray:
            self.sizes.append(len(sentences))
            return np.zeros((len(sentences), self.dim), dtype=np.float32)

    model = risk.load_model()
    assert model is not None
    text = " ".join(f"On day {i} I made tea and read." for i in range(600))
    enc = Sizes()
    result = risk.screen(text, "reflection", model=model, encoder=enc)
    assert sum(enc.sizes) == len(risk.model_units(text)) == 600 == len(result.sentence_scores)
    assert max(enc.sizes) <= risk.MAX_SENTENCES and len(enc.sizes) == 3
