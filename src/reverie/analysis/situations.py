"""Feelings implied by a situation with no feeling word (emotions 1.11.0, e14; ``docs/models.md``, "Implied-feeling
head on a larger bank (e14)").

Journal sentences often carry their feeling in the event alone ("Lost a patient at 4am"); the journal layer then
abstains. This head, a softmax over 15 situation labels (``neutral`` for routine lines) fitted by
``scripts/train_situations.py`` on Reverie's own situation banks, reads the vector the pipeline's one encoder pass
already has (``features``: the emotions top layer's, the base one, or both side by side). The emotions analyzer asks
it only where it abstained on the whole entry with nothing denied, hedged, owed, foreseen or someone else's, and
only on sentences that tell a situation of the writer's; the best sentence's label is shown as a **sign** at or
over the gate.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from reverie.analysis.emotion_scope import EmotionWord, Reading, intention
from reverie.errors import AnalysisUnavailable

MODEL_DIR = Path(__file__).resolve().parent / "models" / "situations"
NEUTRAL = "neutral"
FEATURES = ("base", "top", "both")
# the writer is in the situation: a first-person word, or a clause opening on its verb with the subject left out
# ("Lost a patient at 4am"); a plain third-person situation ("The new guy got the corner office") is not read
_FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself|we|we're|we've|us|our|ours|ourselves)\b",
    re.IGNORECASE,
)
_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP", "VB"})
# emotions 1.14.0 (g2): a sentence that only says how long something took ("Took three weeks.", "It took me all
# afternoon.") tells no situation of its own: after "Finished the jigsaw puzzle." the head read it as
# disappointment (0.98), a letdown nothing in the entry says
_AMOUNT = (
    r"(?:\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|hundred|a few|few|several|a couple(?: of)?|couple(?: of)?|many|all|the whole|"
    r"a whole|half an?|the better part of(?: an?)?)"
)
_UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?|weekends?|months?|years?|decades?|"
    r"mornings?|afternoons?|evenings?|summers?|winters?|springs?|autumns?|falls?|term|semester|season)"
)
# review r21: the task whose duration is said ("It took me three weeks to finish the tax forms."): a verb of doing
# a task to its end, then its object, with no second clause (nothing after a comma, "and", "but" or "because")
_TASK = (
    r"to\s+(?:finish|complete|get\s+through|do|fill\s+(?:in|out)|sort(?:\s+out)?|write|read|build|fix|paint|clean"
    r"|learn|make|put\s+together|assemble|set\s+up|pack|unpack|file|submit|knit|sew|plant|tidy|clear|mark|grade"
    r"|edit|translate|finish\s+off|wrap\s+up)\b(?:(?!\s(?:and|but|because|so|then)\b)[^,;:!?.])*"
)
_HOW_LONG = re.compile(
    rf"(?:(?:it|that|this|which|the whole thing|all of it)\s+)?(?:took|takes|has taken|had taken|taking|took up)"
    rf"(?:\s+(?:me|us|him|her|them|the two of us))?"
    rf"(?:\s+(?:about|around|almost|nearly|only|just|over|under|exactly|roughly|at least|more than|less than|"
    rf"a good|close to|well over))?"
    rf"\s+{_AMOUNT}(?:\s+(?:and\s+)?(?:a\s+half\s+)?{_UNIT}|\s*{_UNIT})"
    rf"(?:\s*(?:,|and)?\s*(?:{_AMOUNT}\s+)?{_UNIT})*"
    rf"(?:\s+(?:in total|total|altogether|(?:from )?start to finish|all told))?"
    rf"(?:\s+{_TASK})?[\s.!]*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SituationHead:
    """Multinomial logistic regression: ``softmax(x @ weight.T + bias)``; ``x`` as ``features`` names it."""

    labels: tuple[str, ...]
    weight: npt.NDArray[np.float32]  # (n_labels, dim)
    bias: npt.NDArray[np.float32]
    features: str
    gate: float
    digest: str = ""  # the artefact's sha256, as findings carry it

    @classmethod
    def load(cls, path: Path, features: str, gate: float, digest: str = "") -> SituationHead:
        with np.load(path, allow_pickle=False) as raw:
            labels = bytes(raw["labels"].tobytes()).decode("utf-8").split("\n")
            weight = raw["weight"].astype(np.float32)
            bias = raw["bias"].astype(np.float32)
        return cls(tuple(labels), weight, bias, features, gate, digest)

    def probabilities(
        self, base: npt.NDArray[np.float32], top: npt.NDArray[np.float32] | None
    ) -> npt.NDArray[np.float32]:
        logits = join_features(base, top, self.features) @ self.weight.T + self.bias
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        out: npt.NDArray[np.float32] = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        return out


def join_features(
    base: npt.NDArray[np.float32], top: npt.NDArray[np.float32] | None, features: str
) -> npt.NDArray[np.float32]:
    """The head's input from the encoder's two vectors of the same pass."""
    if features == "base":
        return base
    if top is None:
        raise ValueError("this head reads the top layer's vectors, which the encoder did not give")
    return top if features == "top" else np.hstack([base, top]).astype(np.float32)


def writers_situation(sentence: str, tags: Sequence[str]) -> bool:
    """The sentence tells a situation of the writer's: a first-person word, or it opens on its verb; not one that
    only says how long something took ("Took three weeks.": emotions 1.14.0), nor one that only states an intention to
    raise or arrange something ("I want to ask my doctor about …": emotions 1.18.0)."""
    if _HOW_LONG.fullmatch(sentence.strip()):
        return False
    if intention(
        sentence
    ):  # emotions 1.18.0 (r99): "I plan to email my manager tomorrow" tells a plan, not a plight
        return False
    return bool(_FIRST_PERSON.search(sentence)) or bool(tags and tags[0] in _VERB_TAGS)


def implied(
    head: SituationHead, probs: npt.NDArray[np.float32], eligible: Sequence[bool]
) -> tuple[int, str, float] | None:
    """The best sentence's implied feeling ``(index, label, p)``: the most probable non-neutral top label over the
    eligible sentences at or over the gate; ``None`` where there is none."""
    best: tuple[int, str, float] | None = None
    for i, row in enumerate(probs):
        j = int(np.argmax(row))
        p = float(row[j])
        if eligible[i] and head.labels[j] != NEUTRAL and p >= head.gate and (best is None or p > best[2]):
            best = (i, head.labels[j], p)
    return best


@lru_cache(maxsize=2)
def load_situations(model_dir: Path = MODEL_DIR, encoder_hash: str = "") -> SituationHead:
    """The shipped head; its manifest must name this encoder (``encoder_hash``) and its artefact's digest."""
    try:
        manifest = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
        path = model_dir / str(manifest["artefact"])
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except (OSError, ValueError, KeyError) as exc:
        raise AnalysisUnavailable("The situation head is missing or unreadable; reinstall Reverie.") from exc
    if digest != manifest.get("artefact_sha256") or manifest.get("encoder_model_hash") != encoder_hash:
        raise AnalysisUnavailable("The situation head does not match its manifest; reinstall Reverie.")
    return SituationHead.load(path, str(manifest["features"]), float(manifest["gate"]), digest)


# a word the writer does not say they feel now; 1.21.0 (h184): wished, and regarded (another's look at the writer)
_DOUBTED = frozenset({"hedged", "hypothetical", "expected", "wished", "regarded"})


def untouched(reading: Reading, words: Sequence[EmotionWord]) -> bool:
    """The layer read nothing in the sentence that the head must not contradict: no one else's feeling, nothing
    denied, hedged, owed or foreseen, no label removed, and no feeling the writer says is absent ("I feel fine",
    "I feel nothing much")."""
    if reading.others or reading.dropped:
        return False
    return all(w.writer and not w.negated and w.mood not in _DOUBTED and w.label != NEUTRAL for w in words)
