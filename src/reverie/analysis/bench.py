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

    The bare encoder pass and the pipeline alternate entry by entry, so a busy machine slows both alike; the
    ratio is given in wall time and in CPU time of this process (steadier on a shared machine). ``per_analyzer_s``
    holds the pipeline's seconds per stage (``prepare``, ``encoder``, ``spacy``, then each analyzer).

    Keys: entries, sentences, parsed_sentences, words_per_entry, sentences_per_s, entries_per_s, p50_ms, p95_ms,
    peak_rss_mb, encoder_sentences_per_s, ratio_to_encoder, ratio_to_encoder_cpu, per_analyzer_s, analyzers.
    """
    from reverie.analysis.document import prepare
    from reverie.analysis.onnx_encoder import load_encoder
    from reverie.analysis.pipeline import analyse_many

    entries = list(texts) if texts is not None else synthetic_entries()
    encoder = load_encoder()
    warm = None
    for text in entries[:3]:  # loads spaCy, the analyzers and their artefacts (prototype vectors included)
        warm = analyse_many([(text, "free_association")], encoder=encoder)[0]
    timings: dict[str, float] = {}
    latencies: list[float] = []
    encoder_wall = encoder_cpu = pipeline_cpu = 0.0
    total_sentences = parsed = 0
    for text in entries:
        doc = prepare(text)
        sentences = [s.text for s in doc.sentences]
        total_sentences += len(sentences)
        wall, cpu = time.perf_counter(), time.process_time()
        encoder.encode(sentences)
        encoder_wall += time.perf_counter() - wall
        encoder_cpu += time.process_time() - cpu
        wall, cpu = time.perf_counter(), time.process_time()
        analyse_many([(text, "free_association")], encoder=encoder, timings=timings)
        latencies.append(time.perf_counter() - wall)
        pipeline_cpu += time.process_time() - cpu
        doc.spacy  # noqa: B018 - counts the sentences the parser reads (outside the timing)
        parsed += doc.parsed_sentences
    pipeline_seconds = sum(latencies)
    return {
        "entries": len(entries),
        "sentences": total_sentences,
        "parsed_sentences": parsed,
        "words_per_entry": round(sum(len(t.split()) for t in entries) / len(entries), 1),
        "sentences_per_s": round(total_sentences / pipeline_seconds, 1),
        "entries_per_s": round(len(entries) / pipeline_seconds, 2),
        "p50_ms": round(_percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(_percentile(latencies, 0.95) * 1000, 1),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "encoder_sentences_per_s": round(total_sentences / encoder_wall, 1),
        "ratio_to_encoder": round(encoder_wall / pipeline_seconds, 3),
        "ratio_to_encoder_cpu": round(encoder_cpu / pipeline_cpu, 3),
        "per_analyzer_s": {k: round(v, 3) for k, v in sorted(timings.items(), key=lambda kv: -kv[1])},
        "analyzers": sorted(k for k in (warm.analyzers if warm else {}) if k != "encoder"),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(bench_analysis(), indent=2))
