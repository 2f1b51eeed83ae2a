"""How much would fine-tuning the encoder give the emotions head on GoEmotions? A measured answer (issue 13, §1).

Runs on a GPU machine (or the CPU, slowly). The encoder is rebuilt in PyTorch from the shipped int8 graph
(``risk_encoder_finetune.build_encoder``: the dequantised weights the run time multiplies by). Variants, each with a
28-way sigmoid head on the mean-pooled, L2-normalised sentence vector (x 10, as the shipped head), trained on
GoEmotions ``train.tsv`` (43,410 rows, Apache-2.0) and scored on ``dev.tsv`` (never trained on):
- ``head``: the encoder fixed, a linear head alone (what the shipped head is);
- ``top1`` / ``top2``: copies of the last one / two layers trained with the head (the shipped emotions top layer is a
  ``top1`` trained on the CPU for one epoch from cached states);
- ``full``: every layer (a second encoder at run time).

Figure: dev macro-F1 with per-label thresholds tuned on one half of dev and scored on the other, pooled
(``train_emotions.cross_fitted_macro_f1``), seeds 1234 and 7, as ``emotion_layer_halves.py`` reports the shipped
figure. Writes ``OUT/summary.json``; keeps no weights (a measurement, not an artefact).

    python scripts/emotions_encoder_finetune.py --data DIR_WITH_train.tsv_dev.tsv_emotions.txt --out OUT [--device cuda]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from risk_encoder_finetune import (
    GRAPH,
    build_encoder,
    dequantised,
    pooled,
    sigmoid_scores,
    tokenise,
    train_epochs,
)
from train_emotions import cross_fitted_macro_f1, read_labels, read_split

SEED = 1234
HEAD_SCALE = 10.0
PLAN = {"head": (6, 0.0, 6), "top1": (5, 1e-4, 3), "top2": (4, 5e-5, 3), "full": (0, 3e-5, 3)}


class Model:
    def __init__(self, encoder: Any, train_from: int, n_labels: int, device: str) -> None:
        import torch

        self.device, self.train_from = device, train_from
        self.base = encoder
        self.full = train_from == 0
        self.body = copy.deepcopy(encoder).to(device) if self.full else None
        layers = self.body.layers if self.body is not None else encoder.layers[train_from:]
        self.trainable = layers if self.full else torch.nn.ModuleList(copy.deepcopy(layers)).to(device)
        self.head = torch.nn.Linear(384, n_labels).to(device)
        for p in self.parameters():
            p.requires_grad_(True)

    def parameters(self) -> list[Any]:
        body = list(self.body.parameters()) if self.body is not None else list(self.trainable.parameters())
        return body + list(self.head.parameters())

    def logits(self, ids: Any, mask: Any) -> Any:
        import torch

        if self.body is not None:
            x, add = self.body.states(ids, mask, 0)
        else:
            with torch.no_grad():
                x, add = self.base.states(ids, mask, self.train_from)
        for layer in self.trainable:
            x = layer(x, add)
        return self.head(pooled(x, mask) * HEAD_SCALE)

    def fit(
        self, ids: list[list[int]], y: np.ndarray, lr: float, epochs: int, batch: int = 64
    ) -> list[float]:
        head = list(self.head.parameters())
        body = [p for p in self.parameters() if all(p is not h for h in head)]
        return train_epochs(
            lambda a, m: self.logits(a, m), head, body, lr, ids, y, epochs, self.device, batch, seed=SEED
        )

    def probabilities(self, ids: list[list[int]], batch: int = 256) -> np.ndarray:
        return sigmoid_scores(lambda a, m: self.logits(a, m), ids, self.device, batch)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--variants", default="head,top1,top2,full")
    args = parser.parse_args(argv)
    import torch

    torch.manual_seed(SEED)
    args.out.mkdir(parents=True, exist_ok=True)
    labels = read_labels(args.data)
    train_x, train_y = read_split(args.data / "train.tsv", len(labels))
    dev_x, dev_y = read_split(args.data / "dev.tsv", len(labels))
    train_ids, dev_ids = tokenise(train_x), tokenise(dev_x)
    encoder = build_encoder(dequantised(GRAPH)).to(args.device).eval()
    for p in encoder.parameters():
        p.requires_grad_(False)
    summary: dict[str, Any] = {"train": len(train_x), "dev": len(dev_x), "device": args.device}
    for name in args.variants.split(","):
        train_from, lr, epochs = PLAN[name]
        started = time.time()
        model = Model(encoder, train_from, len(labels), args.device)
        losses = model.fit(train_ids, train_y, lr, epochs)
        model.trainable.eval()
        probs = model.probabilities(dev_ids)
        summary[name] = {
            "dev_macro_f1_halves": [round(cross_fitted_macro_f1(dev_y, probs, s), 4) for s in (1234, 7)],
            "losses": losses,
            "lr": lr,
            "epochs": epochs,
            "seconds": round(time.time() - started, 1),
        }
        print(json.dumps({name: summary[name]}), flush=True)
        (args.out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
        del model
        if args.device == "cuda":
            torch.cuda.empty_cache()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
