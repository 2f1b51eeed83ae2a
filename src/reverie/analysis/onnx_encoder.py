"""The shared sentence encoder at run time: an int8 ONNX transformer, onnxruntime on the CPU.

``load_encoder()`` reads ``models/encoder/{model.int8.onnx, tokenizer.json, manifest.json}`` (written by
``scripts/export_encoder.py``) once per process. Sentences are tokenised (at most ``max_seq_len`` tokens), run
through the transformer in batches, mean-pooled over the attention mask and L2-normalised. No PyTorch here.

Inside ``shared_sentences()`` (the pipeline opens one per analysis), a sentence encoded once on this thread is
not encoded again: the risk screen's sentence model reads the same sentences as the pipeline's encoder pass, and
gets their vectors from the table instead of a second transformer pass. The table lives only for the block.

A graph of manifest format 2 may carry a second output, ``emotion_token_embeddings``: the emotions head's
fine-tuned copy of the last layer, run on the same layer-5 states in the same pass. :meth:`OnnxEncoder.encode_pair`
returns both sentence vectors (the second pooled and normalised like the first); :meth:`OnnxEncoder.encode`
returns the first, exactly as a one-output graph would. A third output, ``risk_token_embeddings`` (the risk
sentence model's fine-tuned copy of the last layer, ``scripts/graft_risk_layer.py``), is read the same way with
:meth:`OnnxEncoder.encode_output`. Every pass computes every output the graph has, so a sentence is run once
whichever output is asked for first.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from reverie.analysis.encoder import BASE_OUTPUT
from reverie.errors import AnalysisUnavailable

if TYPE_CHECKING:
    import numpy.typing as npt

MODEL_DIR = Path(__file__).resolve().parent / "models" / "encoder"
DEFAULT_THREADS = 2
DEFAULT_BATCH = 32
THREADS_ENV = "REVERIE_ENCODER_THREADS"
TOP_OUTPUT = "emotion_token_embeddings"  # the emotions top layer's token vectors (second output, optional)
RISK_OUTPUT = "risk_token_embeddings"  # the risk sentence model's top layer (third output, optional)

_shared = threading.local()


@contextmanager
def shared_sentences() -> Iterator[dict[tuple[str, str], npt.NDArray[np.float32]]]:
    """Within the block, :meth:`OnnxEncoder.encode` on this thread reuses the vector of any sentence it already
    encoded (keyed by model hash and text). Nested blocks share the outer table."""
    outer = getattr(_shared, "table", None)
    table: dict[tuple[str, str], npt.NDArray[np.float32]] = {} if outer is None else outer
    _shared.table = table
    try:
        yield table
    finally:
        _shared.table = outer


@dataclass(frozen=True, slots=True)
class EncoderManifest:
    name: str
    model_hash: str
    dim: int
    max_seq_len: int
    artefact: str
    outputs: tuple[str, ...] = (BASE_OUTPUT,)


class OnnxEncoder:
    """Implements :class:`reverie.analysis.encoder.Encoder` over an onnxruntime session."""

    def __init__(self, session: Any, tokenizer: Any, manifest: EncoderManifest, batch_size: int) -> None:
        self.name = manifest.name
        self.model_hash = manifest.model_hash
        self.dim = manifest.dim
        self.max_seq_len = manifest.max_seq_len
        self.has_top = TOP_OUTPUT in manifest.outputs
        """Whether the graph also gives the emotions top layer's vectors (:meth:`encode_pair`)."""
        self.outputs = tuple(dict.fromkeys([BASE_OUTPUT, *manifest.outputs]))
        """Every output of the graph, the base first; each pass computes them all."""
        self._session = session
        self._tokenizer = tokenizer
        self._batch_size = batch_size

    def encode(self, sentences: list[str]) -> npt.NDArray[np.float32]:
        """One L2-normalised row per sentence; an empty list gives shape ``(0, dim)``."""
        return self.encode_pair(sentences)[0]

    def encode_pair(
        self, sentences: list[str]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32] | None]:
        """The sentence vectors of both outputs from one pass: (base, emotions top layer); the second is ``None``
        when the graph has no second output."""
        vectors = self._vectors(sentences)
        return vectors[BASE_OUTPUT], vectors.get(TOP_OUTPUT)

    def encode_output(self, sentences: list[str], output: str) -> npt.NDArray[np.float32]:
        """The sentence vectors of one named output (computed in the same pass as every other output).

        Raises :class:`AnalysisUnavailable` when the graph has no such output."""
        if output not in self.outputs:
            raise AnalysisUnavailable(
                f"The sentence encoder has no output {output}; reinstall Reverie to get the matching models."
            )
        return self._vectors(sentences)[output]

    def _vectors(self, sentences: list[str]) -> dict[str, npt.NDArray[np.float32]]:
        if not sentences:
            return {name: np.zeros((0, self.dim), dtype=np.float32) for name in self.outputs}
        table = getattr(_shared, "table", None)
        if table is None:
            return self._encode_all(sentences)
        keys = {name: self._table_key(name) for name in self.outputs}
        missing = list(dict.fromkeys(s for s in sentences if (self.model_hash, s) not in table))
        if missing:
            computed = self._encode_all(missing)
            for name, key in keys.items():
                for k, text in enumerate(missing):
                    table[(key, text)] = computed[name][k]
        return {name: np.stack([table[(key, s)] for s in sentences]) for name, key in keys.items()}

    def _table_key(self, output: str) -> str:
        """The shared table's key for ``output``: the model hash, with ``#output`` after it for every other output."""
        return self.model_hash if output == BASE_OUTPUT else f"{self.model_hash}#{output}"

    def _encode_all(self, sentences: list[str]) -> dict[str, npt.NDArray[np.float32]]:
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))  # less padding per batch
        out = {name: np.empty((len(sentences), self.dim), dtype=np.float32) for name in self.outputs}
        for start in range(0, len(order), self._batch_size):
            chunk = order[start : start + self._batch_size]
            pooled = self._encode_batch([sentences[i] for i in chunk])
            for name, vectors in zip(self.outputs, pooled, strict=True):
                out[name][chunk] = vectors
        return out

    def _encode_batch(self, batch: list[str]) -> list[npt.NDArray[np.float32]]:
        encodings = self._tokenizer.encode_batch(batch)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        tokens = self._session.run(list(self.outputs), {"input_ids": ids, "attention_mask": mask})
        return [mean_pool(np.asarray(t, dtype=np.float32), mask) for t in tokens]


def mean_pool(tokens: npt.NDArray[np.float32], mask: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
    """Average token vectors where the mask is 1, then scale each row to unit length."""
    weights = mask[..., None].astype(np.float32)
    pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    unit: npt.NDArray[np.float32] = (pooled / norms).astype(np.float32)
    return unit


@lru_cache(maxsize=4)
def load_encoder(
    model_dir: Path = MODEL_DIR, threads: int | None = None, batch_size: int = DEFAULT_BATCH
) -> OnnxEncoder:
    """Build the shared encoder once per process (cached per argument set).

    Raises :class:`AnalysisUnavailable` when the artefact is missing or does not match its manifest.
    """
    manifest = read_manifest(model_dir)
    artefact = model_dir / manifest.artefact
    tokenizer_file = model_dir / "tokenizer.json"
    for path in (artefact, tokenizer_file):
        if not path.is_file():
            raise AnalysisUnavailable(
                f"The sentence encoder file {path.name} is missing from {model_dir}; "
                "reinstall Reverie or run scripts/export_encoder.py."
            )
    if _sha256(artefact) != manifest.model_hash:
        raise AnalysisUnavailable(
            f"The sentence encoder in {model_dir} does not match its manifest; "
            "reinstall Reverie or run scripts/export_encoder.py."
        )
    session = _session(artefact, threads if threads is not None else _default_threads())
    return OnnxEncoder(session, _tokenizer(tokenizer_file, manifest.max_seq_len), manifest, batch_size)


def installed_manifest(model_dir: Path = MODEL_DIR) -> EncoderManifest:
    """The manifest of the encoder :func:`load_encoder` would load, read without loading it (the artefact's hash
    is the manifest's record, which :func:`load_encoder` checks). Raises :class:`AnalysisUnavailable` when its
    files are missing, as :func:`load_encoder` would."""
    manifest = read_manifest(model_dir)
    for path in (model_dir / manifest.artefact, model_dir / "tokenizer.json"):
        if not path.is_file():
            raise AnalysisUnavailable(f"The sentence encoder file {path.name} is missing from {model_dir}.")
    return manifest


def read_manifest(model_dir: Path = MODEL_DIR) -> EncoderManifest:
    path = model_dir / "manifest.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return EncoderManifest(
            name=str(raw["name"]),
            model_hash=str(raw["model_hash"]),
            dim=int(raw["dim"]),
            max_seq_len=int(raw["max_seq_len"]),
            artefact=str(raw["artefact"]),
            outputs=tuple(str(o) for o in raw.get("outputs", [raw.get("output", BASE_OUTPUT)])),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AnalysisUnavailable(
            f"The sentence encoder manifest in {model_dir} is missing or unreadable; "
            "reinstall Reverie or run scripts/export_encoder.py."
        ) from exc


def encoder_threads() -> int:
    """The intra-op threads the shared encoder runs on (``REVERIE_ENCODER_THREADS``, else ``DEFAULT_THREADS``)."""
    return _default_threads()


def _default_threads() -> int:
    raw = os.environ.get(THREADS_ENV, "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_THREADS


def _session(artefact: Path, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.add_session_config_entry("session.disable_quant_qdq", "1")  # fold int8 weights to float once
    # Threads wait without spinning: on a busy shared machine a spinning thread burns the CPU the other one needs
    # (small batches at load 14 on 2 cores: about half the wall time, 40% less CPU; test_encoder_no_spin.py).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(artefact), options, providers=["CPUExecutionProvider"])


def _tokenizer(path: Path, max_seq_len: int) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_seq_len)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a vocabulary token
    return tokenizer


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
