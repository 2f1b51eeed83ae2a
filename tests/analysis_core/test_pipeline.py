from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from reverie.analysis import pipeline
from reverie.analysis.document import Document
from reverie.analysis.findings import Finding, Span
from reverie.analysis.onnx_encoder import OnnxEncoder
from reverie.analysis.registry import _REGISTRY, register, registrations
from reverie.errors import InvalidInput


class _Probe:
    """A test analyzer that records one finding per sentence, and whether embeddings were present."""

    name = "probe"
    version = "1"
    model_hash = "none"
    requires = frozenset({"sentences", "embeddings"})
    produces = frozenset({"probe"})
    applies_to: frozenset[str] | None = frozenset({"free_association"})

    def run(self, doc: Document) -> list[Finding]:
        assert doc.embeddings is not None and len(doc.embeddings) == len(doc.sentences)
        return [
            Finding(self.name, self.version, self.model_hash, "probe", "s", 1.0, (s.span,))
            for s in doc.sentences
        ]


class _Broken:
    name = "broken"
    version = "1"
    model_hash = "none"
    requires = frozenset({"sentences"})
    produces = frozenset({"nothing"})
    applies_to = None

    def run(self, doc: Document) -> list[Finding]:
        raise RuntimeError("boom")


@pytest.fixture()
def probes() -> Iterator[None]:
    register("probe", order=1)(_Probe)
    register("broken", order=2)(_Broken)  # type: ignore[arg-type]
    yield
    for name in ("probe", "broken"):
        _REGISTRY.pop(name, None)
        pipeline._built.pop(name, None)


def test_pipeline_runs_registered_analyzers_with_embeddings(probes: None, encoder: OnnxEncoder) -> None:
    text = "I called my sister. She did not answer. I felt alone."
    result = pipeline.analyse(text, encoder=encoder, only={"probe"})
    probes_found = result.of_kind("probe")
    assert [f.spans[0].text(text) for f in probes_found] == [
        "I called my sister.",
        "She did not answer.",
        "I felt alone.",
    ]
    assert result.analyzers["probe"] == "1:none"
    assert result.analyzers[pipeline.ENCODER_KEY].endswith(encoder.model_hash)


def test_pipeline_failing_analyzer_is_noted_and_others_still_run(probes: None, encoder: OnnxEncoder) -> None:
    result = pipeline.analyse("I woke up early today.", encoder=encoder, only={"probe", "broken"})
    assert "The broken analyzer could not run." in result.notes
    assert len(result.of_kind("probe")) == 1
    assert "broken" not in result.analyzers


def test_pipeline_respects_applies_to(probes: None, encoder: OnnxEncoder) -> None:
    result = pipeline.analyse("I was flying over a city.", "dream", encoder=encoder, only={"probe"})
    assert result.of_kind("probe") == []


def test_pipeline_unknown_analyzer_name_is_invalid_input() -> None:
    with pytest.raises(InvalidInput):
        pipeline.analyse("Some words here.", only={"no-such-analyzer"})


@pytest.mark.parametrize(
    ("text", "kind", "said"),
    [
        (
            "My friend \ud800 called. I want to die.",
            "free_association",
            "Text 2 contains characters that are not",
        ),
        (b"I want to die.", "free_association", "Text 2 is bytes, not str: decode it first."),
        (None, "free_association", "Text 2 is NoneType, not str."),
        ("I was sad today.", None, "The kind of text 2 is NoneType, not str."),
    ],
)
def test_pipeline_text_no_analyzer_can_read_is_refused_up_front(
    text: object, kind: object, said: str
) -> None:
    """The Python API took a lone surrogate and returned a result with no risk finding (the screen failed inside
    the run, "analyzer risk failed (TypeError)" its only trace); bytes or None failed with a bare TypeError. Each
    is refused before anything runs, naming the text by its place, never its words."""
    texts = [("I was fine today.", "free_association"), (text, kind)]
    with pytest.raises(InvalidInput) as refused:
        pipeline.analyse_many(texts, only={"risk"})  # type: ignore[list-item]
    assert str(refused.value).startswith(said)
    assert "friend" not in str(refused.value) and "die" not in str(refused.value)


def test_pipeline_analyse_many_matches_analyse(probes: None, encoder: OnnxEncoder) -> None:
    texts = [("I was angry at work.", "free_association"), ("We went home. It rained.", "free_association")]
    many = pipeline.analyse_many(texts, encoder=encoder, only={"probe"})
    single = [pipeline.analyse(t, k, encoder=encoder, only={"probe"}) for t, k in texts]
    assert [r.to_json() for r in many] == [r.to_json() for r in single]


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("", "Nothing to analyse"),
        ("   \n\t ", "Nothing to analyse"),
        ("😀😢🎉🔥", "Nothing to analyse"),
        ("Heute war ein schwieriger Tag, ich habe mit meiner Mutter gestritten.", "Language not supported"),
        ("Je suis très fatigué et je ne sais pas pourquoi.", "Language not supported"),
    ],
)
def test_pipeline_unanalysable_text_gives_clear_note(text: str, note: str, encoder: OnnxEncoder) -> None:
    result = pipeline.analyse(text, encoder=encoder)
    assert any(n.startswith(note) for n in result.notes)
    # only the risk screen reads such a text (any text that is not blank: docs/risk.md), and finds nothing here
    assert [(f.kind, f.label) for f in result.findings] == ([("risk", "none")] if text.strip() else [])


def test_pipeline_huge_paste_is_truncated_not_crashed(encoder: OnnxEncoder) -> None:
    text = "I keep thinking about the argument with my father. " + "1234 5678 " * 100_000  # 1 MB
    result = pipeline.analyse(text, encoder=encoder)
    assert result.truncated
    assert any("first 100,000 characters" in n for n in result.notes)


@pytest.mark.parametrize(
    "text",
    [
        "def f(x):\n    return {k: v for k, v in x.items() if v}\n\nprint(f({'a': 1}))\n",
        "| day | mood | sleep |\n|-----|------|-------|\n| Mon | 3 | 6h |\n| Tue | 2 | 5h |\n" * 30,
        "I feel fine.\n\n\n" + "-" * 5000 + "\nstill here",
    ],
)
def test_pipeline_code_or_table_never_crashes(text: str, encoder: OnnxEncoder) -> None:
    result = pipeline.analyse(text, encoder=encoder)
    assert all(0 <= s.start <= s.end <= len(text) for f in result.findings for s in f.spans)
    assert not {"The emotions analyzer could not run.", "The ambivalence analyzer could not run."} & set(
        result.notes
    )


def test_pipeline_missing_encoder_notes_embedding_analyzers(probes: None) -> None:
    class _Gone:
        name = "gone"
        model_hash = "x"
        dim = 3

        def encode(self, sentences: list[str]) -> np.ndarray:
            from reverie.errors import AnalysisUnavailable

            raise AnalysisUnavailable("The sentence encoder is missing.")

    result = pipeline.analyse("I woke up early today.", encoder=_Gone(), only={"probe"})
    assert "The probe analyzer could not run." in result.notes
    assert "The sentence encoder is missing." in result.notes


def test_pipeline_findings_spans_point_into_text(encoder: OnnxEncoder) -> None:
    text = "My boss shouted at me. I said nothing. Later I cried."
    result = pipeline.analyse(text, encoder=encoder)
    for finding in result.findings:
        for span in finding.spans:
            assert isinstance(span, Span) and 0 <= span.start < span.end <= len(text)


def test_pipeline_builds_each_analyzer_once(encoder: OnnxEncoder) -> None:
    built: list[int] = []

    def factory() -> _Probe:
        built.append(1)
        return _Probe()

    register("counted", order=3)(factory)
    try:
        pipeline.analyse("One sentence here.", encoder=encoder, only={"counted"})
        pipeline.analyse_many(
            [("Two.", "free_association"), ("Three more.", "dream")], encoder=encoder, only={"counted"}
        )
        assert built == [1]
    finally:
        _REGISTRY.pop("counted", None)
        pipeline._built.pop("counted", None)


def test_pipeline_skips_analyzer_modules_that_do_not_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        pipeline, "ANALYZER_MODULES", ("reverie.analysis.no_such_module", "no_such_package.x")
    )
    monkeypatch.setattr(pipeline, "_imported", False)
    pipeline.load_analyzer_modules()
    assert pipeline._imported


def test_pipeline_default_registry_includes_emotions_and_ambivalence() -> None:
    pipeline.load_analyzer_modules()
    names = [r.name for r in registrations()]
    assert names.index("emotions") < names.index("ambivalence")
    if "people" in names:
        assert names.index("people") < names.index("ambivalence")
