"""The owner head (emotions 1.22.0, h186): is a candidate label the writer's own, asserted feeling in this sentence?

The journal layer's rules, each fitted to a batch's misses, did not carry to new voices (docs/models.md, "1.22.0
(h186)"). This fits a small learned re-scorer instead: for a (sentence, label) pair, the probability that the
sentence asserts that feeling as the writer's own (not someone else's, not negated, not hoped or conditional, not
asked, not said in irony). It reads the vectors the pipeline's one encoder pass already has (the base sentence vector
and the emotions top layer's, side by side) and the label as a one-hot, through one ReLU layer.

Data, all shippable:

* GoEmotions train (Apache-2.0): each sentence with its gold labels (not neutral) is a positive pair;
* a bank written here, programmatically (``bank``): subjects, tenses, intensifiers, contexts, registers (lower
  case, dropped apostrophes and stops, stretched vowels) and typos recombined, seeded: the writer's own asserted
  feelings (positive), and the same feelings held by someone else, negated, hoped or conditional, asked, or praise
  said over a mishap (negative); minimal pairs share their context.

No journal evaluation file is read. A seeded quarter of the bank (by template family and context) is held out and
scored once; the gate is where held pairs are best told apart (Youden's J, each kind of pair weighing alike). Run:

    .venv/bin/python scripts/train_emotion_owner.py [--out src/reverie/analysis/models/emotions]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("REVERIE_GOEMOTIONS", "/work/shared/data/goemotions"))
SEED = 186

# --- the bank ----------------------------------------------------------------------------------------------------

WORDS: dict[str, list[str]] = {
    "joy": ["happy", "glad", "delighted", "cheerful", "over the moon", "chuffed", "elated"],
    "excitement": ["excited", "pumped", "hyped", "buzzing", "thrilled"],
    "amusement": ["amused", "entertained", "tickled"],
    "admiration": ["impressed", "in awe", "blown away"],
    "pride": ["proud", "so proud of myself"],
    "gratitude": ["grateful", "thankful"],
    "relief": ["relieved"],
    "love": ["in love", "smitten"],
    "optimism": ["hopeful", "optimistic"],
    "caring": ["worried for them", "protective"],
    "sadness": ["sad", "down", "miserable", "heartbroken", "gutted", "low", "blue"],
    "grief": ["grieving", "devastated", "bereft"],
    "disappointment": ["disappointed", "let down", "deflated"],
    "anger": ["angry", "furious", "livid", "mad", "pissed off", "raging"],
    "annoyance": ["annoyed", "irritated", "fed up", "irked"],
    "fear": ["scared", "terrified", "afraid", "frightened"],
    "nervousness": ["nervous", "anxious", "on edge", "jittery", "stressed"],
    "embarrassment": ["embarrassed", "mortified", "ashamed"],
    "remorse": ["sorry", "guilty", "remorseful"],
    "disgust": ["disgusted", "grossed out", "repulsed"],
    "confusion": ["confused", "baffled", "lost"],
    "surprise": ["surprised", "shocked", "stunned", "amazed"],
    "curiosity": ["curious", "intrigued"],
}
POSITIVE = [
    "joy",
    "excitement",
    "amusement",
    "admiration",
    "pride",
    "gratitude",
    "relief",
    "love",
    "optimism",
]
CONTEXTS = [
    "about the interview",
    "after the call with my sister",
    "when the results came in",
    "at work today",
    "about the move",
    "this morning",
    "all weekend",
    "since Tuesday",
    "about the school thing",
    "after the meeting",
    "when the landlord texted",
    "about the wedding",
    "after the appointment",
    "about the new job",
    "at dinner",
    "on the drive home",
    "about the exam",
    "after practice",
    "when the email came",
    "about the house",
    "at the party",
    "after the scan",
    "about the holiday",
    "during the presentation",
    "about the baby",
    "after the funeral",
    "about money",
    "at the match",
    "about the breakup",
    "after therapy",
    "about the promotion",
    "when we got the keys",
    "about my dad's surgery",
    "after the school run",
    "about the trip",
    "about the test results",
    "at the hospital",
    "this evening",
    "tonight",
    "about the audition",
]
OTHERS = [
    "Mia",
    "Tom",
    "Priya",
    "Jess",
    "Kev",
    "Raj",
    "Lena",
    "Sam",
    "Dad",
    "Mum",
    "my mother",
    "my boss",
    "my sister",
    "the kids",
    "my partner",
    "Grandma",
    "the neighbour",
    "my roommate",
    "he",
    "she",
    "they",
    "the whole team",
    "my brother",
    "Ama",
    "Luis",
    "my husband",
    "my wife",
    "Coach",
    "the twins",
    "my friend",
]
PLURAL = {"the kids", "they", "the whole team", "the twins"}
OWN_ACTS = [
    "I just smiled and nodded",
    "I just nodded",
    "I made tea",
    "I went home early",
    "I said nothing",
    "I stayed out of it",
    "I smiled for the photos",
    "I kept my head down",
    "I changed the subject",
    "I did the dishes",
]
MISHAPS = [
    "the boiler broke again",
    "got a parking ticket outside my own house",
    "the train got cancelled twice",
    "spilled coffee all over my laptop",
    "my flight got delayed six hours",
    "getting laid off on my birthday",
    "the dog ate my glasses",
    "locked myself out in the rain",
    "the printer jammed right before the deadline",
    "the ceiling started leaking",
    "my car got towed",
    "the kid threw up in the car",
    "lost my wallet on the bus",
    "stuck on hold for two hours",
    "my shift got doubled with no notice",
    "the landlord raised the rent again",
]
GOOD_NEWS = [
    "got the job",
    "the scan came back clear",
    "my sister had her baby",
    "finally finished the thesis",
    "the kids slept through the night",
    "we sold the house",
    "passed my driving test",
    "the adoption went through",
    "got the keys to the flat",
    "my dad came home from hospital",
]
IRONIC: dict[str, list[str]] = {
    "joy": ["so happy right now", "what joy", "living the dream"],
    "gratitude": ["so grateful", "truly blessed", "thanks universe", "really appreciate it"],
    "admiration": ["amazing", "brilliant", "what a wonderful day", "fantastic", "10/10 would recommend"],
    "approval": ["great", "perfect", "very normal and fine", "love that"],
    "excitement": ["can't wait for more", "so exciting"],
    "amusement": ["haha cool cool", "lol great", "hilarious"],
    "love": ["love that for me", "loving life"],
}
SINCERE: dict[str, list[str]] = {
    "joy": ["so happy", "over the moon"],
    "gratitude": ["so grateful", "thankful"],
    "admiration": ["amazing", "what a day"],
    "excitement": ["so excited", "can't wait"],
    "relief": ["such a relief", "so relieved"],
}
CONDITIONS = [
    "the landlord fixed the heater",
    "they called back",
    "the test came back clear",
    "he apologised",
    "I got the place",
    "the loan went through",
    "things calmed down",
    "she answered my texts",
]
INTENS = [
    "",
    "so ",
    "really ",
    "super ",
    "kinda ",
    "pretty ",
    "incredibly ",
    "sooo ",
    "low key ",
    "honestly ",
]


def _be(subject: str, past: bool) -> str:
    if subject in ("I", "i"):
        return "was" if past else "am"
    if subject in PLURAL:
        return "were" if past else "are"
    return "was" if past else "is"


def _pron(subject: str) -> str:
    return "they" if subject in PLURAL else random.choice(["she", "he"])


def own(label: str, word: str, ctx: str) -> str:
    i = random.choice(["I", "i"])
    forms = [
        f"{i} {_be('I', True)} {random.choice(INTENS)}{word} {ctx}",
        f"{i}'m {random.choice(INTENS)}{word} {ctx}",
        f"Felt {random.choice(INTENS)}{word} {ctx}",
        f"{i} feel {random.choice(INTENS)}{word} {ctx}",
        f"{i} felt {random.choice(INTENS)}{word} {ctx}",
        f"{i}'ve been {random.choice(INTENS)}{word} {ctx}",
        f"honestly {word} {ctx}",
        f"{i} got {random.choice(['', 'so ', 'really '])}{word} {ctx}",
        f"still {word} {ctx} tbh",
    ]
    return random.choice(forms)


def other(label: str, word: str, ctx: str) -> str:
    who = random.choice(OTHERS)
    w = who[0].upper() + who[1:]
    forms = [
        f"{w} {_be(who, True)} {random.choice(INTENS)}{word} {ctx}",
        f"{w} {_be(who, False)} {random.choice(INTENS)}{word} {ctx}",
        f"{w} seemed {word} {ctx}",
        f"{w} looked {random.choice(INTENS)}{word} {ctx}",
        f"{w} {_be(who, True)} so {word} {ctx}, {random.choice(OWN_ACTS)}",
        f"{w} told me {_pron(who)} {_be(who, True)} {word} {ctx}",
        f"{w} keeps saying how {word} {_pron(who)} {_be(who, False)}",
        f"Everyone was so {word} for {who} {ctx}",
        f"{w} got {random.choice(['', 'really ', 'so '])}{word} {ctx} and {random.choice(OWN_ACTS)}",
    ]
    return random.choice(forms)


def negated(label: str, word: str, ctx: str) -> str:
    forms = [
        f"I {random.choice(['wasnt', 'wasn', 'was not', 'wasn’t'])} {word} {ctx}".replace("wasn ", "wasn't "),
        f"I'm not {word} {ctx}",
        f"im not {word} {ctx}, weirdly",
        f"I didn't feel {word} {ctx}",
        f"I don't feel {word} {ctx} at all",
        f"Never felt {word} {ctx}",
        f"Not {word} {ctx}, weirdly",
        f"not even a little {word} {ctx}",
        f"I thought I'd be {word} {ctx} but I'm not",
        f"i dont feel {word} {ctx}",
    ]
    return random.choice(forms)


def hoped(label: str, word: str, ctx: str) -> str:
    forms = [
        f"I'd be so {word} if {random.choice(CONDITIONS)}",
        f"I would be {word} if {random.choice(CONDITIONS)}",
        f"I hope I feel {word} {ctx}",
        f"I want to feel {word} again",
        f"I wish I was {word} {ctx}",
        f"I'm supposed to be {word} {ctx}",
        f"I should be {word} {ctx}",
        f"maybe I'll be {word} once {random.choice(CONDITIONS)}",
        f"I'll probably be {word} {ctx} tomorrow",
        f"I just want to be {word} for once",
    ]
    return random.choice(forms)


def asked(label: str, word: str, ctx: str) -> str:
    forms = [
        f"Why am I not {word} {ctx}?",
        f"Am I supposed to be {word} {ctx}??",
        f"Should I be {word} {ctx}?",
        f"is it weird that im not {word} {ctx}",
        f"why don't I feel {word} {ctx}?",
        f"Was I {word} {ctx}? I can't tell",
        f"how am I meant to be {word} {ctx}?",
        f"Everyone keeps asking if I'm {word} {ctx}",
        f"whats wrong with me that I'm not {word} {ctx}",
    ]
    return random.choice(forms)


def ironic(label: str, phrase: str, mishap: str) -> str:
    forms = [
        f"{mishap}, {phrase}",
        f"{mishap}. {phrase}",
        f"Great, {mishap}, {phrase}",
        f"oh {phrase}, {mishap}",
        f"{mishap} so that's {phrase}",
        f"{mishap} {phrase} lol",
    ]
    return random.choice(forms)


def sincere(label: str, phrase: str, news: str) -> str:
    forms = [f"{news}, {phrase}", f"{news}!! {phrase}", f"{news} and I'm {phrase}", f"{news}. {phrase}!"]
    return random.choice(forms)


def register(text: str) -> str:
    """Voices: case, apostrophes, stops, stretched vowels, one swapped letter now and then."""
    r = random.random()
    if r < 0.3:
        text = text.lower()
    if random.random() < 0.25:
        text = text.replace("'", "").replace("’", "")
    if random.random() < 0.15:
        text = re.sub(r"\bso\b", random.choice(["sooo", "soo", "SO"]), text)
    if random.random() < 0.1:
        words = text.split()
        k = random.randrange(len(words))
        w = words[k]
        if len(w) > 4:
            j = random.randrange(1, len(w) - 2)
            words[k] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        text = " ".join(words)
    end = random.random()
    if end < 0.5:
        text = text.rstrip("?!.") + "." if not text.endswith(("?", "!")) else text
    elif end < 0.6:
        text = text + "!"
    return text[0].upper() + text[1:] if random.random() < 0.6 else text


def bank(seed: int = SEED) -> list[tuple[str, str, int, str, str]]:
    """``(text, label, own, kind, group)`` rows; ``group`` keeps a context (or mishap) on one side of the split."""
    random.seed(seed)
    rows: list[tuple[str, str, int, str, str]] = []
    for label, words in WORDS.items():
        for word in words:
            for ctx in CONTEXTS:
                rows.append((register(own(label, word, ctx)), label, 1, "own", ctx))
                rows.append((register(other(label, word, ctx)), label, 0, "other", ctx))
                kind = random.choice(["negated", "hoped", "asked"])
                make = {"negated": negated, "hoped": hoped, "asked": asked}[kind]
                rows.append((register(make(label, word, ctx)), label, 0, kind, ctx))
                if random.random() < 0.5:
                    # mixed: someone else's feeling beside the writer's own, label by label
                    o_label = random.choice([x for x in WORDS if x != label])
                    who = random.choice(OTHERS)
                    w = who[0].upper() + who[1:]
                    o_word = random.choice(WORDS[o_label])
                    text = register(f"{w} {_be(who, True)} {o_word} {ctx} but I {_be('I', True)} {word}")
                    rows.append((text, label, 1, "mixed_own", ctx))
                    rows.append((text, o_label, 0, "mixed_other", ctx))
    for label, phrases in IRONIC.items():
        for phrase in phrases:
            for mishap in MISHAPS:
                rows.append((register(ironic(label, phrase, mishap)), label, 0, "ironic", mishap))
    for label, phrases in SINCERE.items():
        for phrase in phrases:
            for news in GOOD_NEWS:
                for _ in range(2):
                    rows.append((register(sincere(label, phrase, news)), label, 1, "sincere", news))
    seen: set[tuple[str, str]] = set()
    out = []
    for row in rows:
        if (row[0], row[1]) not in seen:
            seen.add((row[0], row[1]))
            out.append(row)
    return out


# --- training ----------------------------------------------------------------------------------------------------


def goemotions(labels: list[str], limit: int, seed: int) -> list[tuple[str, str]]:
    lines = (DATA / "train.tsv").read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)
    rng.shuffle(lines)
    out: list[tuple[str, str]] = []
    for line in lines:
        parts = line.split("\t")
        ids = [int(x) for x in parts[1].split(",")]
        for j in ids:
            if labels[j] != "neutral":
                out.append((parts[0], labels[j]))
        if len(out) >= limit:
            break
    return out


def encode(texts: list[str]) -> np.ndarray:
    sys.path.insert(0, str(ROOT / "src"))
    from reverie.analysis.encoder import encode_both
    from reverie.analysis.onnx_encoder import load_encoder

    enc = load_encoder()
    base_parts, top_parts = [], []
    for start in range(0, len(texts), 256):
        base, top = encode_both(enc, texts[start : start + 256])
        assert top is not None
        base_parts.append(base)
        top_parts.append(top)
        print(f"encoded {start + len(base)} / {len(texts)}", file=sys.stderr, flush=True)
    return np.hstack([np.vstack(base_parts), np.vstack(top_parts)]).astype(np.float32)


def cached(texts: list[str], name: str) -> np.ndarray:
    """The texts' vectors; each text encoded once (``build/owner-cache/NAME.npy`` with its texts beside it)."""
    folder = ROOT / "build" / "owner-cache"
    known: dict[str, np.ndarray] = {}
    if (folder / f"{name}.npy").exists():
        done = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        known = dict(zip(done, np.load(folder / f"{name}.npy"), strict=True))
    missing = [t for t in texts if t not in known]
    if missing:
        known.update(zip(missing, encode(missing), strict=True))
        folder.mkdir(parents=True, exist_ok=True)
        order = sorted(known)
        np.save(folder / f"{name}.npy", np.vstack([known[t] for t in order]))
        (folder / f"{name}.json").write_text(json.dumps(order), encoding="utf-8")
    return np.vstack([known[t] for t in texts]).astype(np.float32)


def situations() -> list[tuple[str, str]]:
    """Reverie's own situation banks (written for the situation head; no feeling word in a line): each line's
    feeling is the writer's, implied by what happened (neutral lines left out)."""
    out = []
    for name in ("situation_bank.jsonl", "situation_bank_w17s.jsonl"):
        for line in (ROOT / "scripts" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["label"] != "neutral":
                    out.append((str(row["text"]), str(row["label"])))
    return out


def features(vectors: np.ndarray, label_ids: np.ndarray, n_labels: int) -> np.ndarray:
    onehot = np.zeros((len(label_ids), n_labels), dtype=np.float32)
    onehot[np.arange(len(label_ids)), label_ids] = 1.0
    return np.hstack([vectors, onehot])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "reverie" / "analysis" / "models" / "emotions"
    )
    parser.add_argument("--goemotions", type=int, default=9000)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--dry", action="store_true", help="print the bank's counts and exit")
    args = parser.parse_args()
    import torch

    manifest = json.loads((args.out / "manifest.json").read_text(encoding="utf-8"))
    labels: list[str] = manifest["labels"]
    rows = bank()
    held_situations = random.Random(SEED + 1)
    for text, label in situations():
        rows.append((text, label, 1, "situation", f"situation-{held_situations.randrange(4)}"))
    kinds: dict[str, int] = {}
    for r in rows:
        kinds[r[3]] = kinds.get(r[3], 0) + 1
    print(json.dumps({"bank": len(rows), "kinds": kinds}))
    if args.dry:
        for r in random.Random(1).sample(rows, 40):
            print(r[2], r[1], "|", r[0])
        return
    groups = sorted({r[4] for r in rows})
    held_groups = set(random.Random(SEED).sample(groups, len(groups) // 4))
    go = goemotions(labels, args.goemotions, SEED)
    texts = [r[0] for r in rows] + [t for t, _ in go]
    uniq = sorted(set(texts))
    index = {t: i for i, t in enumerate(uniq)}
    vectors = cached(uniq, "owner")
    lab = {name: j for j, name in enumerate(labels)}
    y = np.array([r[2] for r in rows] + [1] * len(go), dtype=np.float32)
    ids = np.array([lab[r[1]] for r in rows] + [lab[g] for _, g in go])
    rows_v = vectors[[index[t] for t in texts]]
    held = np.array([r[4] in held_groups for r in rows] + [False] * len(go))
    # a seeded tenth of GoEmotions rows held too
    go_held = np.random.default_rng(SEED).random(len(go)) < 0.1
    held[len(rows) :] = go_held
    x = features(rows_v, ids, len(labels))
    torch.manual_seed(SEED)
    xt, yt = torch.tensor(x[~held]), torch.tensor(y[~held])
    # each kind weighs as much as GoEmotions' positives in all: the bank's own and non-own rows balance
    weight = np.ones(len(y), dtype=np.float32)
    weight[: len(rows)] = len(go) / max(1, len(rows))
    wt = torch.tensor(weight[~held])
    model = torch.nn.Sequential(
        torch.nn.Linear(x.shape[1], args.hidden), torch.nn.ReLU(), torch.nn.Linear(args.hidden, 1)
    )
    opt = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_f = torch.nn.BCEWithLogitsLoss(reduction="none")
    gen = torch.Generator().manual_seed(SEED)
    for epoch in range(30):
        perm = torch.randperm(len(yt), generator=gen)
        total = 0.0
        for s in range(0, len(perm), 256):
            b = perm[s : s + 256]
            opt.zero_grad()
            loss = (loss_f(model(xt[b]).squeeze(1), yt[b]) * wt[b]).mean()
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(b)
        if epoch % 5 == 4:
            print(f"epoch {epoch + 1} loss {total / len(perm):.4f}", file=sys.stderr)
    with torch.no_grad():
        p = torch.sigmoid(model(torch.tensor(x)).squeeze(1)).numpy()
    kind_of = np.array([r[3] for r in rows] + ["goemotions"] * len(go))
    # the gate: where held pairs are best told apart (Youden's J: kept positives minus kept negatives, each kind of
    # pair weighing alike within its side), on a grid of 0.05
    pos_kinds = sorted({k for k, v in zip(kind_of[held], y[held], strict=True) if v == 1})
    neg_kinds = sorted({k for k, v in zip(kind_of[held], y[held], strict=True) if v == 0})

    def kept(kinds: list[str], g: float, label: int) -> float:
        rates = [float((p[held & (kind_of == k) & (y == label)] >= g).mean()) for k in kinds]
        return sum(rates) / len(rates)

    grid = [round(0.05 * i, 2) for i in range(1, 20)]
    youden = {g: kept(pos_kinds, g, 1) - kept(neg_kinds, g, 0) for g in grid}
    gate = max(grid, key=lambda g: (round(youden[g], 6), -g))
    print(json.dumps({"youden": {str(g): round(v, 3) for g, v in youden.items()}}))
    report: dict[str, object] = {"gate": round(gate, 4), "held_rows": int(held.sum())}
    for kind in sorted(set(kind_of)):
        m = held & (kind_of == kind)
        if m.any():
            keep = float((p[m] >= gate).mean())
            report[kind] = {"n": int(m.sum()), "kept": round(keep, 3)}
    print(json.dumps(report))
    state = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    artefact = args.out / "owner.npz"
    np.savez(
        artefact,
        w1=state["0.weight"].T.copy(),
        b1=state["0.bias"],
        w2=state["2.weight"].T.copy(),
        b2=state["2.bias"],
        gate=np.float32(gate),
        labels=np.frombuffer("\n".join(labels).encode(), dtype=np.uint8),
    )
    digest = hashlib.sha256(artefact.read_bytes()).hexdigest()
    previous = manifest.get("owner_head") or {}
    manifest["owner_head"] = {
        "format_version": 1,
        # switched on by hand, after a measurement, never here
        "enabled": bool(previous.get("enabled", False)),
        "artefact": "owner.npz",
        "artefact_sha256": digest,
        "features": "base sentence vector + emotions top layer vector (one encoder pass) + label one-hot",
        "script": "scripts/train_emotion_owner.py",
        "seed": SEED,
        "data": {
            "goemotions_train_pairs": len(go),
            "bank_pairs": len(rows),
            "bank_kinds": kinds,
            "licence": "GoEmotions Apache-2.0; the bank is written by the script",
        },
        "hidden": args.hidden,
        "gate": round(gate, 4),
        "held_out": report,
        "gate_rule": "Youden's J on the held bank and GoEmotions pairs, each kind of pair weighing alike, grid 0.05",
    }
    if "why_off" in previous:
        manifest["owner_head"]["why_off"] = previous["why_off"]
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"artefact": str(artefact.relative_to(ROOT)), "sha256": digest}))


if __name__ == "__main__":
    main()
