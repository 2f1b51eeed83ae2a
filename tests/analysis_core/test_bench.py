from __future__ import annotations

from reverie.analysis.bench import bench_analysis, synthetic_entries


def test_bench_synthetic_entries_are_deterministic_first_person_and_about_300_words() -> None:
    entries = synthetic_entries(5)
    assert entries == synthetic_entries(5)
    assert all(300 <= len(e.split()) <= 340 for e in entries)
    assert all(" I " in e for e in entries)
    assert synthetic_entries(5, seed=8) != entries


def test_bench_analysis_reports_every_key() -> None:
    result = bench_analysis(["I was so angry at my boss today. Then I felt ashamed.", "I love my sister."])
    assert result["entries"] == 2 and result["sentences"] == 3
    for key in ("sentences_per_s", "entries_per_s", "p50_ms", "p95_ms", "peak_rss_mb", "ratio_to_encoder"):
        assert result[key] > 0
    assert result["p50_ms"] <= result["p95_ms"]
    assert "emotions" in result["analyzers"]
