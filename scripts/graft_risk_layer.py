"""Graft the risk sentence model's fine-tuned last layer onto the shipped encoder graph as a third output.

The checkpoint is a ``top1`` fit of ``scripts/risk_encoder_finetune.py`` (a copy of layer 6 trained on the fixed
output of layer 5 of the shipped int8 graph, on the written risk bank). This script turns it into a BERT layer,
exports it alone, grafts it onto ``models/encoder/model.int8.onnx`` beside the emotions top layer (its input is the
same layer-5 states; output ``risk_token_embeddings``), quantises its weights like the rest (weight-only int8), and
checks that the two outputs already there are unchanged, bit for bit, on the parity sentences. One pass still gives
every output; the pass costs one more layer.

    python scripts/graft_risk_layer.py build/risk-top1.pt [--recipe "…"]
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_encoder import (
    BASE_OUTPUT,
    DEFAULT_OUT,
    TOP_OUTPUT,
    batched_onnx,
    export_top_fp32,
    graft_top_layer,
    load_transformer,
    package_source,
    parity_sentences,
    quantize_weights,
    sha256_file,
)

RISK_OUTPUT = "risk_token_embeddings"
PREFIX = "risk"


def bert_layer(checkpoint: Path) -> Any:
    """The checkpoint's layer as a ``transformers`` BERT layer (the packed q/k/v split back into three)."""
    import torch

    saved = torch.load(checkpoint, map_location="cpu", weights_only=False)
    if saved.get("train_from") != 5:
        raise SystemExit("the checkpoint is not a one-layer (top1) fit")
    state = {k.removeprefix("0."): v for k, v in saved["layers"].items()}
    q, k, v = state["qkv.weight"].split(384, dim=0)
    qb, kb, vb = state["qkv.bias"].split(384, dim=0)
    mapped = {
        "attention.self.query.weight": q,
        "attention.self.query.bias": qb,
        "attention.self.key.weight": k,
        "attention.self.key.bias": kb,
        "attention.self.value.weight": v,
        "attention.self.value.bias": vb,
        "attention.output.dense.weight": state["attn_out.weight"],
        "attention.output.dense.bias": state["attn_out.bias"],
        "attention.output.LayerNorm.weight": state["ln1.weight"],
        "attention.output.LayerNorm.bias": state["ln1.bias"],
        "intermediate.dense.weight": state["inter.weight"],
        "intermediate.dense.bias": state["inter.bias"],
        "output.dense.weight": state["output.weight"],
        "output.dense.bias": state["output.bias"],
        "output.LayerNorm.weight": state["ln2.weight"],
        "output.LayerNorm.bias": state["ln2.bias"],
    }
    body = load_transformer(package_source()[0], attention="eager")
    layer = copy.deepcopy(body.encoder.layer[-1])
    layer.load_state_dict(mapped)
    return layer.eval()


def checkpoint_vectors(checkpoint: Path, graph: Path, sentences: tuple[str, ...]) -> np.ndarray:
    """The risk vectors as the training script computes them (PyTorch on the dequantised graph)."""
    import torch
    from risk_encoder_finetune import Variant, build_encoder, dequantised, padded, tokenise

    encoder = build_encoder(dequantised(graph)).eval()
    variant = Variant("top1", encoder, 5, 0.0, 0, "cpu")
    saved = torch.load(checkpoint, map_location="cpu", weights_only=False)
    variant.trainable.load_state_dict(saved["layers"])
    variant.trainable.eval()
    ids = tokenise(list(sentences))
    out = []
    with torch.no_grad():
        for start in range(0, len(ids), 64):
            a, m = padded(ids[start : start + 64], "cpu")
            out.append(variant.vectors(a, m).numpy())
    return np.concatenate(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--recipe", default=None, help="the training command, recorded in the manifest")
    args = parser.parse_args(argv)
    graph = args.out / "model.int8.onnx"
    tokenizer = args.out / "tokenizer.json"
    manifest = json.loads((args.out / "manifest.json").read_text(encoding="utf-8"))
    if RISK_OUTPUT in manifest.get("outputs", []):
        raise SystemExit("the graph already has a risk output: graft onto the graph without it")
    sentences = parity_sentences(316)
    with tempfile.TemporaryDirectory() as tmp:
        before = Path(tmp) / "before.onnx"
        shutil.copyfile(graph, before)
        layer_fp32, grafted, int8 = (Path(tmp) / n for n in ("risk.fp32.onnx", "grafted.onnx", "int8.onnx"))
        export_top_fp32(bert_layer(args.checkpoint), layer_fp32, output_name=RISK_OUTPUT)
        graft_top_layer(before, layer_fp32, grafted, prefix=PREFIX, output_name=RISK_OUTPUT)
        quantised = quantize_weights(grafted, int8, only_prefix=f"{PREFIX}/")
        unchanged = {
            name: float(
                np.abs(
                    batched_onnx(before, tokenizer, sentences, name)
                    - batched_onnx(int8, tokenizer, sentences, name)
                ).max()
            )
            for name in (BASE_OUTPUT, TOP_OUTPUT)
        }
        if any(unchanged.values()):
            raise SystemExit(f"an existing output moved: {unchanged}")
        exported = batched_onnx(int8, tokenizer, sentences, RISK_OUTPUT)
        reference = checkpoint_vectors(args.checkpoint, before, sentences)
        cosine = (exported * reference).sum(1) / (
            np.linalg.norm(exported, axis=1) * np.linalg.norm(reference, axis=1)
        )
        shutil.copyfile(int8, graph)
    manifest.update(
        {
            "model_hash": sha256_file(graph),
            "artefact_bytes": graph.stat().st_size,
            "outputs": [*manifest["outputs"], RISK_OUTPUT],
            "risk_layer": {
                "output": RISK_OUTPUT,
                "what": "a fine-tuned copy of layer 6 on the same layer-5 states (the written risk bank), for the "
                "risk sentence model",
                "checkpoint_sha256": sha256_file(args.checkpoint),
                "recipe": args.recipe,
                "data": "scripts/risk_paraphrases.jsonl (written for Reverie); no data-set row",
                "matrices_quantised": quantised,
                "existing_outputs_max_abs_change": unchanged,
                "agreement": {
                    "sentences": len(sentences),
                    "against": "the checkpoint in PyTorch on the dequantised graph",
                    "mean_cosine": round(float(cosine.mean()), 6),
                    "min_cosine": round(float(cosine.min()), 6),
                },
            },
        }
    )
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: manifest[k] for k in ("model_hash", "artefact_bytes", "risk_layer")}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
