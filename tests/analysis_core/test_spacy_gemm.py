"""spaCy's matrix products through numpy's OpenBLAS on one thread: the same Docs as with thinc's blis."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from thinc.api import NumpyOps

from reverie.analysis.bench import synthetic_entries
from reverie.analysis.document import load_spacy, prepare
from reverie.analysis.spacy_fast import _openblas_threads

TESTS = Path(__file__).resolve().parents[1]
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]

needs_openblas = pytest.mark.skipif(
    _openblas_threads() is None, reason="numpy's own OpenBLAS is not here: blis stays (nothing changes)"
)


def _set_ops(nlp: Any, ops: Any) -> None:
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


def _docs(texts: list[tuple[str, str]]) -> list[list[list[int]]]:
    out = []
    for text, kind in texts:
        doc = prepare(text, kind)
        out.append(doc.spacy.to_array(COLUMNS).tolist() if doc.sentences else [])
    return out


def _texts() -> list[tuple[str, str]]:
    texts = [(t, "free_association") for t in synthetic_entries(count=12)]
    for name in ("vignettes_frozen2.jsonl", "hvdc_odd_codes.jsonl", "emotion_journal_dev2.jsonl"):
        for line in (TESTS / "fixtures" / name).read_text(encoding="utf-8").splitlines()[:40]:
            row = json.loads(line)
            text = row.get("text") or row.get("report")
            texts.append((text, "dream" if "report" in row else "free_association"))
    return texts


@needs_openblas
def test_the_pipeline_multiplies_with_numpy_and_gives_the_same_docs_as_blis() -> None:
    nlp = load_spacy()
    ops = nlp.get_pipe("tok2vec").model.ops
    assert type(ops).__name__ == "NumpyGemmOps"
    texts = _texts()
    with_numpy = _docs(texts)
    try:
        _set_ops(nlp, NumpyOps())  # thinc's default: blis
        with_blis = _docs(texts)
    finally:
        _set_ops(nlp, ops)
    assert with_numpy == with_blis
    assert sum(map(len, with_blis)) > 5_000  # tokens compared


@needs_openblas
def test_one_blas_thread_while_inside_and_the_count_before_restored_after_the_last() -> None:
    one_thread = _openblas_threads()
    assert one_thread is not None
    before = one_thread._get()
    inside: list[int] = []
    entered, release = threading.Barrier(2), threading.Event()

    def other() -> None:
        with one_thread:
            entered.wait()
            release.wait()

    worker = threading.Thread(target=other)
    worker.start()
    entered.wait()
    with one_thread:
        inside.append(one_thread._get())
    inside.append(one_thread._get())  # the other thread is still inside
    release.set()
    worker.join()
    assert inside == [1, 1]
    assert one_thread._get() == before
