"""How fast the analysis pipeline runs on this machine, next to a bare encoder pass over the same sentences.

``bench_analysis()`` writes nothing and reads no data set: by default it analyses ~40 synthetic first-person
entries of ~300 words, generated from a template with a fixed seed.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections.abc import Sequence
from typing import Any

SEED = 7
ENTRIES = 40
WORDS_PER_ENTRY = 300

_PEOPLE = (
    "my mother",
    "my father",
    "my sister",
    "my partner",
    "my boss",
    "my friend Sam",
    "my therapist",
    "my ex",
)
_FEELINGS = (
    "angry",
    "grateful",
    "anxious",
    "relieved",
    "ashamed",
    "hopeful",
    "sad",
    "proud",
    "confused",
    "lonely",
)
_PLACES = (
    "at work",
    "on the phone",
    "at dinner",
    "in the car",
    "at the station",
    "in the kitchen",
    "after the session",
)
_TEMPLATES = (
    "This morning I woke up {feeling} and I could not say why.",
    "I talked to {person} {place} and it went badly.",
    "When {person} said I was overreacting, I felt {feeling} and went quiet.",
    "I keep thinking about what {person} told me last week.",
    "Part of me wanted to call {person}, but I was too {feeling} to do it.",
    "I am so {feeling} that I can hardly sleep!",
    "It reminds me of how things were when I was a child and {person} shouted {place}.",
    "Maybe I expect people to leave before they actually do.",
    "I wrote this down {place} because I did not want to forget the feeling.",
    "Later I felt a bit {feeling}, which surprised me.",
    "I love {person} but I am really {feeling} with them right now.",
    "I dreamt that {person} was waiting for me {place} and I could not reach them.",
    "Tomorrow I will try to tell {person} what I need, even if it is hard.",
)


def synthetic_entries(count: int = ENTRIES, words: int = WORDS_PER_ENTRY, seed: int = SEED) -> list[str]:
    """First-person journal entries of about ``words`` words each, deterministic for a seed."""
    rng = random.Random(seed)
    entries = []
    for _ in range(count):
        sentences: list[str] = []
        while sum(len(s.split()) for s in sentences) < words:
            template = rng.choice(_TEMPLATES)
            sentence = template.format(
                person=rng.choice(_PEOPLE), feeling=rng.choice(_FEELINGS), place=rng.choice(_PLACES)
            )
            sentences.append(sentence[0].upper() + sentence[1:])
        entries.append(" ".join(sentences))
    return entries


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench_analysis(texts: Sequence[str] | None = None) -> dict[str, Any]:
    """Throughput and latency of ``analyse`` per entry, and its ratio to the bare encoder on the same sentences.

    Keys: entries, sentences, words_per_entry, sentences_per_s, entries_per_s, p50_ms, p95_ms, peak_rss_mb,
    encoder_sentences_per_s, ratio_to_encoder, analyzers.
    """
    from reverie.analysis.document import prepare
    from reverie.analysis.onnx_encoder import load_encoder
    from reverie.analysis.pipeline import analyse

    entries = list(texts) if texts is not None else synthetic_entries()
    encoder = load_encoder()
    warm = analyse(entries[0], encoder=encoder)  # loads spaCy, the analyzers and their artefacts
    sentences = [[s.text for s in prepare(text).sentences] for text in entries]
    encoder_seconds = _time_encoder(encoder, sentences)
    latencies = []
    for text in entries:
        started = time.perf_counter()
        analyse(text, encoder=encoder)
        latencies.append(time.perf_counter() - started)
    total_sentences = sum(len(s) for s in sentences)
    pipeline_seconds = sum(latencies)
    return {
        "entries": len(entries),
        "sentences": total_sentences,
        "words_per_entry": round(sum(len(t.split()) for t in entries) / len(entries), 1),
        "sentences_per_s": round(total_sentences / pipeline_seconds, 1),
        "entries_per_s": round(len(entries) / pipeline_seconds, 2),
        "p50_ms": round(_percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(_percentile(latencies, 0.95) * 1000, 1),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "encoder_sentences_per_s": round(total_sentences / encoder_seconds, 1),
        "ratio_to_encoder": round(encoder_seconds / pipeline_seconds, 3),
        "analyzers": sorted(k for k in warm.analyzers if k != "encoder"),
    }


def _time_encoder(encoder: Any, sentences: list[list[str]]) -> float:
    """Seconds for the bare encoder over each entry's sentences, one call per entry (as the pipeline does)."""
    started = time.perf_counter()
    for batch in sentences:
        encoder.encode(batch)
    return time.perf_counter() - started


if __name__ == "__main__":
    import json

    print(json.dumps(bench_analysis(), indent=2))
