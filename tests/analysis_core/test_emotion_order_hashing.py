"""The emotion layer's output does not depend on Python's string hashing (PYTHONHASHSEED): two processes that
read the same sentence list others' feelings in the same order. Before the fix the layer walked a set of labels,
so the order of other people's feelings changed from one process to the next."""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = """
from reverie.analysis.emotion_scope import Cues, EmotionWord, decide
labels = ["admiration", "amusement", "anger", "joy", "pride", "sadness", "fear", "gratitude", "love", "neutral"]
probs = {lab: 0.9 for lab in labels}
thresholds = {lab: 0.5 for lab in labels}
words = [EmotionWord(label=lab, start=i, holder="my mother", negated=False) for i, lab in enumerate(labels[:-1])]
print(",".join(decide(probs, thresholds, labels, words, Cues()).others))
"""


def _others_in_a_process(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


def test_others_feelings_come_in_the_same_order_whatever_the_hash_seed() -> None:
    orders = {_others_in_a_process(seed) for seed in ("0", "1", "2", "3", "4", "5")}
    assert len(orders) == 1, orders
    (order,) = orders
    assert order.split(",") == sorted(order.split(",")) and len(order.split(",")) >= 5
