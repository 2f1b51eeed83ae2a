"""Does fine-tuning the encoder sharpen the risk sentence model? A measured experiment (issue 12), not shipped.

Runs on a GPU machine or the CPU. It needs only numpy, torch, onnx and tokenizers: the encoder is rebuilt in
PyTorch from the int8 weights of the shipped graph (``models/encoder/model.int8.onnx``, dequantised: the same
numbers the runtime multiplies by), so no other copy of the weights has to travel.

Training lines: the written risk bank (``scripts/risk_paraphrases.jsonl``, each line and a lower-case variant;
label: level != none). With ``--batches-to N`` also the seen challenge batches frozen3..frozenN.

Compared on the same lines, the encoder pass fixed or fine-tuned:
- ``lr-base``: a logistic regression on the base sentence vector (the shipped model's embedding part, without its
  lexicon features);
- ``top1``: a trainable copy of the last layer on the fixed output of layer 5 (what a second graph output costs:
  one more layer per pass, as the emotions top layer);
- ``top2``: copies of the last two layers;
- ``full``: all six layers and the embeddings (a second encoder: twice the pass).

Figures (entry = the highest sentence score; regex sentences):
- the threshold is chosen on the three tuning batches (``challenge_tune``, ``challenge_frozen``,
  ``challenge_frozen2``) as the lowest with at most 5 % of their non-genuine entries flagged, as the shipped
  threshold is chosen on them;
- on the held batches (frozen3..frozen21, or those after ``--batches-to``): recall of genuine entries and the
  share of non-genuine entries flagged at that threshold, and the AUC;
- ``--cssrs FILE``: user-level AUC (ideation or worse) of the highest and the top-3 mean sentence score on the
  C-SSRS users, none of whom is trained on here (a transfer figure, not the project's cross-validated one).

Writes ``OUT/summary.json`` and, for each variant, its trained layers and head (``OUT/<variant>.pt``).

    python scripts/risk_encoder_finetune.py --out /tmp/rft [--cssrs ../shared/data/cssrs/users.csv] [--device cuda]
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import math
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "src" / "reverie" / "analysis" / "models" / "encoder" / "model.int8.onnx"
TOKENIZER = ROOT / "src" / "reverie" / "analysis" / "models" / "encoder" / "tokenizer.json"
BANK = ROOT / "scripts" / "risk_paraphrases.jsonl"
BATCHES = ROOT / "tests" / "analysis_risk"
TUNE = ("challenge_tune", "challenge_frozen", "challenge_frozen2")
SEED = 20261204
MAX_LEN = 128
HIDDEN, HEADS = 384, 12
TUNE_FALSE_ALARMS = 0.05
POSITIVE = {"Ideation", "Behavior", "Attempt"}
SMOKE = False
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


# ------------------------------------------------------------------------------------------------------------
# The encoder, rebuilt from the int8 graph
# ------------------------------------------------------------------------------------------------------------


def dequantised(graph: Path) -> dict[str, np.ndarray]:
    """Every float tensor of the graph by name, the int8 ones multiplied back by their per-channel scales."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(graph))
    init = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    out = {k: v for k, v in init.items() if v.dtype == np.float32}
    for node in model.graph.node:
        if node.op_type != "DequantizeLinear":
            continue
        q, scale = init[node.input[0]].astype(np.float32), init[node.input[1]]
        axis = next((a.i for a in node.attribute if a.name == "axis"), 1)
        out[node.output[0]] = q * (scale[:, None] if axis == 0 else scale[None, :])
    matmuls = {}
    for node in model.graph.node:  # the MatMul weights of each base layer, in graph order: attn-out, in, out
        if node.op_type == "MatMul" and node.output[0].startswith("/body/encoder/layer."):
            layer = int(node.output[0].split("layer.")[1].split("/")[0])
            matmuls.setdefault(layer, []).append(node.input[1])
    for layer, names in matmuls.items():
        for role, name in zip(("attn_out", "inter", "output"), names, strict=True):
            out[f"L{layer}.{role}"] = out[name]
    return out


def build_encoder(weights: dict[str, np.ndarray]) -> Any:
    import torch
    from torch import nn

    def linear(w: np.ndarray, b: np.ndarray) -> nn.Linear:  # ONNX MatMul weights are [in, out]
        lin = nn.Linear(w.shape[0], w.shape[1])
        lin.weight.data = torch.tensor(w.T.copy())
        lin.bias.data = torch.tensor(b.copy())
        return lin

    def norm(w: np.ndarray, b: np.ndarray) -> nn.LayerNorm:
        ln = nn.LayerNorm(HIDDEN, eps=1e-12)
        ln.weight.data, ln.bias.data = torch.tensor(w.copy()), torch.tensor(b.copy())
        return ln

    class Layer(nn.Module):
        def __init__(self, i: int) -> None:
            super().__init__()
            p = f"body.encoder.layer.{i}."
            self.qkv = linear(weights[f"Attention_{i}_qkv_weight"], weights[f"Attention_{i}_qkv_bias"])
            self.attn_out = linear(weights[f"L{i}.attn_out"], weights[p + "attention.output.dense.bias"])
            self.ln1 = norm(
                weights[p + "attention.output.LayerNorm.weight"],
                weights[p + "attention.output.LayerNorm.bias"],
            )
            self.inter = linear(weights[f"L{i}.inter"], weights[p + "intermediate.dense.bias"])
            self.output = linear(weights[f"L{i}.output"], weights[p + "output.dense.bias"])
            self.ln2 = norm(weights[p + "output.LayerNorm.weight"], weights[p + "output.LayerNorm.bias"])

        def forward(self, x: Any, additive: Any) -> Any:
            b, n, _ = x.shape
            q, k, v = (
                t.view(b, n, HEADS, HIDDEN // HEADS).transpose(1, 2)
                for t in self.qkv(x).split(HIDDEN, dim=-1)
            )
            ctx = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=additive)
            h = self.ln1(self.attn_out(ctx.transpose(1, 2).reshape(b, n, HIDDEN)) + x)
            return self.ln2(self.output(torch.nn.functional.gelu(self.inter(h))) + h)

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding.from_pretrained(
                torch.tensor(weights["body.embeddings.word_embeddings.weight"]), freeze=False
            )
            self.position = nn.Embedding.from_pretrained(
                torch.tensor(weights["body.embeddings.position_embeddings.weight"]), freeze=False
            )
            self.segment = nn.Parameter(
                torch.tensor(weights["body.embeddings.token_type_embeddings.weight"][0])
            )
            self.ln = norm(
                weights["body.embeddings.LayerNorm.weight"], weights["body.embeddings.LayerNorm.bias"]
            )
            self.layers = nn.ModuleList(Layer(i) for i in range(6))

        def states(self, ids: Any, mask: Any, upto: int) -> tuple[Any, Any]:
            """The input of layer ``upto`` (0: the embeddings) and the additive attention mask."""
            positions = torch.arange(ids.shape[1], device=ids.device)[None, :]
            x = self.ln(self.word(ids) + self.position(positions) + self.segment)
            additive = (1.0 - mask[:, None, None, :].float()) * -10000.0
            for layer in self.layers[:upto]:
                x = layer(x, additive)
            return x, additive

    return Encoder()


def pooled(tokens: Any, mask: Any) -> Any:
    import torch

    m = mask.unsqueeze(-1).float()
    return torch.nn.functional.normalize((tokens * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=-1)


def tokenise(texts: list[str]) -> list[list[int]]:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(TOKENIZER))
    tok.enable_truncation(MAX_LEN)
    tok.no_padding()
    return [e.ids for e in tok.encode_batch(texts)]


def padded(ids: list[list[int]], device: str) -> tuple[Any, Any]:
    import torch

    width = max(len(i) for i in ids)
    a = np.zeros((len(ids), width), np.int64)
    m = np.zeros((len(ids), width), np.int64)
    for k, row in enumerate(ids):
        a[k, : len(row)] = row
        m[k, : len(row)] = 1
    return torch.from_numpy(a).to(device), torch.from_numpy(m).to(device)


def parity(encoder: Any, device: str) -> float:
    """Largest absolute difference between this rebuild's base sentence vectors and onnxruntime's."""
    import onnxruntime as ort
    import torch

    texts = [
        "I'm so grateful my sister called me tonight.",
        "Sometimes I want to disappear and not deal with anything.",
        "The meeting went better than I expected, and then the train was late again.",
        "no",
    ]
    ids = tokenise(texts)
    a, m = padded(ids, "cpu")
    options = ort.SessionOptions()
    options.add_session_config_entry("session.disable_quant_qdq", "1")  # as the runtime: int8 folded to float
    session = ort.InferenceSession(str(GRAPH), options, providers=["CPUExecutionProvider"])
    ref = session.run(["token_embeddings"], {"input_ids": a.numpy(), "attention_mask": m.numpy()})[0]
    ref_pooled = pooled(torch.tensor(ref), m).numpy()
    with torch.no_grad():
        x, _ = encoder.states(a.to(device), m.to(device), 6)
        mine = pooled(x, m.to(device)).cpu().numpy()
    return float(np.abs(mine - ref_pooled).max())


# ------------------------------------------------------------------------------------------------------------
# Data
# ------------------------------------------------------------------------------------------------------------


def lower_variant(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum() or ch in " '")


def batch_items(name: str) -> list[dict[str, Any]]:
    path = BATCHES / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def batch_names() -> list[str]:
    numbered = sorted(
        (int(p.stem.removeprefix("challenge_frozen")), p.stem)
        for p in BATCHES.glob("challenge_frozen*.jsonl")
        if p.stem.removeprefix("challenge_frozen").isdigit()
    )
    return [name for n, name in numbered if n >= 3]


def sentences_of(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()] or ["."]


def training_lines(batches_to: int, banks: list[Path] | None = None) -> tuple[list[str], np.ndarray]:
    texts, y = [], []
    lines = [line for bank in banks or [BANK] for line in bank.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if not line.strip():
            continue
        item = json.loads(line)
        label = int(item["level"] != "none")
        for t in dict.fromkeys([item["text"], lower_variant(item["text"])]):
            texts.append(t)
            y.append(label)
    for name in batch_names():
        if int(name.removeprefix("challenge_frozen")) > batches_to:
            continue
        for item in batch_items(name):  # a genuine entry's sentences all count as genuine (weak)
            for s in sentences_of(item["text"]):
                texts.append(s)
                y.append(int(item["group"] == "genuine"))
    return texts, np.array(y, dtype=np.float32)


def cssrs_users(path: Path) -> list[tuple[list[str], bool]]:
    csv.field_size_limit(2**31 - 1)
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                posts = [str(p) for p in ast.literal_eval(row["Post"])]
            except (ValueError, SyntaxError):
                posts = [row["Post"]]
            sentences = [s for p in posts for s in sentences_of(p)][:400]
            out.append((sentences, row["Label"] in POSITIVE))
    return out


# ------------------------------------------------------------------------------------------------------------
# Variants
# ------------------------------------------------------------------------------------------------------------


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):  # ties: mean rank
        same = scores == value
        ranks[same] = ranks[same].mean()
    n_pos, n_neg = positive.sum(), (~positive).sum()
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def train_epochs(
    logits: Any,
    head: list[Any],
    body: list[Any],
    lr: float,
    ids: list[list[int]],
    y: np.ndarray,
    epochs: int,
    device: str,
    batch: int = 64,
    pos_weight: Any = None,
    seed: int = SEED,
) -> list[float]:
    """Seeded AdamW (the head at 1e-2, ``body`` at ``lr``; 10 % warm-up, then linear decay) with a sigmoid cross
    entropy on ``logits(ids, mask)``; the mean loss of each epoch. Shared with ``emotions_encoder_finetune.py``."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    groups = [{"params": head, "lr": 1e-2}] + ([{"params": body, "lr": lr}] if body and lr else [])
    opt = torch.optim.AdamW(groups, weight_decay=0.01)
    steps = epochs * math.ceil(len(ids) / batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, steps // 10)) * max(0.0, (steps - s) / steps)
    )
    losses = []
    for _ in range(epochs):
        order = rng.permutation(len(ids))
        total = 0.0
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            a, m = padded([ids[r] for r in rows], device)
            target = torch.tensor(y[rows], device=device)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits(a, m), target, pos_weight=pos_weight
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(rows)
        losses.append(round(total / len(ids), 4))
    return losses


def sigmoid_scores(logits: Any, ids: list[list[int]], device: str, batch: int = 256) -> np.ndarray:
    """``sigmoid(logits(ids, mask))`` for every row, in batches sorted by length; rows in the order given."""
    import torch

    out: np.ndarray | None = None
    order = np.argsort([len(i) for i in ids], kind="stable")
    with torch.no_grad():
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            a, m = padded([ids[r] for r in rows], device)
            values = torch.sigmoid(logits(a, m)).float().cpu().numpy()
            if out is None:
                out = np.zeros((len(ids), *values.shape[1:]))
            out[rows] = values
    return out if out is not None else np.zeros(0)


class Variant:
    """A trainable part of the encoder (``train_from``: the first layer trained; 6: none, a logistic head only)."""

    def __init__(self, name: str, encoder: Any, train_from: int, lr: float, epochs: int, device: str) -> None:
        import copy

        import torch

        self.name, self.train_from, self.lr, self.epochs, self.device = name, train_from, lr, epochs, device
        self.base = encoder
        self.trainable = torch.nn.ModuleList(copy.deepcopy(encoder.layers[train_from:])).to(device)
        self.full = train_from == 0
        if self.full:
            self.embed = copy.deepcopy(encoder).to(device)
            self.trainable = self.embed.layers
        self.head = torch.nn.Linear(HIDDEN, 1).to(device)
        for p in self.parameters():
            p.requires_grad_(True)

    def vectors(self, ids: Any, mask: Any) -> Any:
        import torch

        if self.full:
            x, add = self.embed.states(ids, mask, 0)
        else:
            with torch.no_grad():
                x, add = self.base.states(ids, mask, self.train_from)
        for layer in self.trainable:
            x = layer(x, add)
        return pooled(x, mask)

    def logits(self, ids: Any, mask: Any) -> Any:
        return self.head(self.vectors(ids, mask) * 8.0).squeeze(-1)

    def parameters(self) -> list[Any]:
        params = list(self.head.parameters())
        if self.train_from < 6:
            params += list(self.embed.parameters()) if self.full else list(self.trainable.parameters())
        return params

    def fit(self, ids: list[list[int]], y: np.ndarray, batch: int = 64) -> list[float]:
        import torch

        head = list(self.head.parameters())
        body = [p for p in self.parameters() if all(p is not h for h in head)]
        pos = float(y.mean())
        weight = torch.tensor([(1 - pos) / max(pos, 1e-6)], device=self.device)
        return train_epochs(
            lambda a, m: self.logits(a, m),
            head,
            body,
            self.lr,
            ids,
            y,
            self.epochs,
            self.device,
            batch,
            weight,
        )

    def scores(self, ids: list[list[int]], batch: int = 256) -> np.ndarray:
        return sigmoid_scores(lambda a, m: self.logits(a, m), ids, self.device, batch)

    def state(self) -> dict[str, Any]:
        trained = self.embed.state_dict() if self.full else self.trainable.state_dict()
        return {"train_from": self.train_from, "layers": trained, "head": self.head.state_dict()}


def entry_scores(variant: Variant, items: list[dict[str, Any]]) -> np.ndarray:
    sentences, owner = [], []
    for n, item in enumerate(items):
        for s in sentences_of(item["text"]):
            sentences.append(s)
            owner.append(n)
    scores = variant.scores(tokenise(sentences))
    best = np.zeros(len(items))
    np.maximum.at(best, np.array(owner), scores)
    return best


def threshold_for(scores: np.ndarray, negative: np.ndarray) -> float:
    neg = np.sort(scores[negative])[::-1]
    allowed = math.floor(TUNE_FALSE_ALARMS * len(neg))
    return float(neg[allowed] + 1e-9) if allowed < len(neg) else 0.0


def measure(variant: Variant, held: list[str], cssrs: list[tuple[list[str], bool]] | None) -> dict[str, Any]:
    tune = [item for name in TUNE for item in batch_items(name)][: 60 if SMOKE else None]
    s_tune = entry_scores(variant, tune)
    genuine_tune = np.array([i["group"] == "genuine" for i in tune])
    t = threshold_for(s_tune, ~genuine_tune)
    figures: dict[str, Any] = {"threshold": round(t, 4), "held": {}}
    if not held:  # everything seen was trained on: the tune figure only
        figures["tune"] = {"auc": round(auc(s_tune, genuine_tune), 4)}
        return figures
    all_s, all_g = [], []
    for name in held:
        items = batch_items(name)
        s = entry_scores(variant, items)
        g = np.array([i["group"] == "genuine" for i in items])
        all_s.append(s)
        all_g.append(g)
        figures["held"][name] = {
            "recall": round(float((s[g] >= t).mean()), 3),
            "false_alarms": round(float((s[~g] >= t).mean()), 3),
        }
    s, g = np.concatenate(all_s), np.concatenate(all_g)
    figures["pooled"] = {
        "entries": len(s),
        "auc": round(auc(s, g), 4),
        "recall": round(float((s[g] >= t).mean()), 4),
        "false_alarms": round(float((s[~g] >= t).mean()), 4),
    }
    newest = held[-3:]
    ns = np.concatenate([entry_scores(variant, batch_items(n)) for n in newest])
    ng = np.concatenate([np.array([i["group"] == "genuine" for i in batch_items(n)]) for n in newest])
    figures["newest3"] = {
        "batches": newest,
        "recall": round(float((ns[ng] >= t).mean()), 4),
        "false_alarms": round(float((ns[~ng] >= t).mean()), 4),
        "auc": round(auc(ns, ng), 4),
    }
    if cssrs:
        flat, owner = [], []
        for n, (sent, _) in enumerate(cssrs):
            flat.extend(sent)
            owner.extend([n] * len(sent))
        sc = variant.scores(tokenise(flat))
        owner_a = np.array(owner)
        mx = np.zeros(len(cssrs))
        top3 = np.zeros(len(cssrs))
        for n in range(len(cssrs)):
            mine = np.sort(sc[owner_a == n])[::-1]
            mx[n] = mine[0] if len(mine) else 0.0
            top3[n] = mine[:3].mean() if len(mine) else 0.0
        y = np.array([p for _, p in cssrs])
        figures["cssrs_transfer"] = {
            "users": len(cssrs),
            "auc_max": round(auc(mx, y), 4),
            "auc_top3": round(auc(top3, y), 4),
        }
    return figures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--cssrs", type=Path, default=None)
    parser.add_argument(
        "--bank", type=Path, nargs="+", default=None, help="bank files (default: the written bank)"
    )
    parser.add_argument("--batches-to", type=int, default=2, help="also train on frozen3..frozenN (2: none)")
    parser.add_argument("--variants", default="lr-base,top1,top2,full")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument(
        "--smoke", action="store_true", help="a few lines and one held batch (a check of the code)"
    )
    args = parser.parse_args(argv)
    import torch

    global SMOKE
    SMOKE = args.smoke

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    encoder = build_encoder(dequantised(GRAPH)).to(args.device).eval()
    for p in encoder.parameters():
        p.requires_grad_(False)
    summary: dict[str, Any] = {"parity_max_abs": parity(encoder, args.device), "device": args.device}
    print(json.dumps(summary), flush=True)
    texts, y = training_lines(args.batches_to, args.bank)
    ids = tokenise(texts)
    held = [n for n in batch_names() if int(n.removeprefix("challenge_frozen")) > args.batches_to]
    if args.smoke:
        keep = np.random.default_rng(SEED).permutation(len(ids))[:200]
        ids, y, held = [ids[k] for k in keep], y[keep], held[-3:]
    cssrs = cssrs_users(args.cssrs) if args.cssrs else None
    summary.update({"training_lines": len(texts), "positive_share": round(float(y.mean()), 3), "held": held})
    plan = {
        "lr-base": (6, 0.0, 20),
        "top1": (5, 1e-4, args.epochs),
        "top2": (4, 5e-5, args.epochs),
        "full": (0, 3e-5, args.epochs),
    }
    for name in args.variants.split(","):
        train_from, lr, epochs = plan[name]
        t0 = time.time()
        variant = Variant(name, encoder, train_from, lr, epochs, args.device)
        losses = variant.fit(ids, y)
        variant.trainable.eval()
        if variant.full:
            variant.embed.eval()
        figures = measure(variant, held, cssrs)
        figures.update({"losses": losses, "seconds": round(time.time() - t0, 1), "lr": lr, "epochs": epochs})
        summary[name] = figures
        if not variant.full:  # the full copy (90 MB) is a reference figure, not kept
            torch.save(variant.state(), args.out / f"{name}.pt")
        print(json.dumps({name: {k: v for k, v in figures.items() if k != "held"}}), flush=True)
        (args.out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    summary["seconds"] = round(time.time() - started, 1)
    (args.out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(json.dumps({k: summary[k] for k in ("seconds", "parity_max_abs")}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
