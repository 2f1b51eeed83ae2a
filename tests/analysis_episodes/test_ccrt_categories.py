"""CCRT categories, lexicon entries, prototype coding and pervasiveness."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from reverie.analysis import ccrt
from reverie.analysis.ccrt import EpisodeCode, PrototypeCoder, cluster, entries, pervasiveness


def test_ccrt_has_eight_clusters_per_component_in_domain_order() -> None:
    for component in ccrt.COMPONENTS:
        assert [c.number for c in ccrt.CLUSTERS[component]] == list(range(1, 9))
    assert cluster("w", 6).label == "be loved and understood"
    assert cluster("ro", 5).label == "rejecting and opposing"
    assert cluster("rs", 8).label == "anxious and ashamed"


def test_ccrt_valences_split_positive_and_negative() -> None:
    ro = {c.number for c in ccrt.RO_CLUSTERS if c.valence == "positive"}
    rs = {c.number for c in ccrt.RS_CLUSTERS if c.valence == "positive"}
    assert ro == {1, 6, 7, 8}
    assert rs == {1, 3, 5}
    assert all(c.valence is None for c in ccrt.W_CLUSTERS)


def test_ccrt_lexicon_entries_parse_weight_actor_and_negation() -> None:
    reject = next(e for e in entries("ro") if e.words == ("reject",))
    assert (reject.cluster, reject.negated_cluster, reject.weight) == (5, 7, 1.0)
    help_self = next(e for e in entries("w") if e.words == ("help",) and e.agent == "self")
    assert help_self.cluster == 8
    longer = next(e for e in entries("w") if e.words == ("on", "my", "own"))
    assert longer.weight > 1.0  # a longer phrase outweighs a single word
    assert all(1 <= e.cluster <= 8 for c in ccrt.COMPONENTS for e in entries(c))


def test_ccrt_prototypes_exist_for_every_cluster() -> None:
    for component in ccrt.COMPONENTS:
        numbers = {number for number, _ in ccrt.prototype_sentences(component)}
        assert numbers == set(range(1, 9))


class WordEncoder:
    """A tiny deterministic stand-in for the sentence encoder: a normalised bag of words."""

    name = "words"
    model_hash = "words-0"
    dim = 64

    def encode(self, sentences: list[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            for word in sentence.lower().split():
                out[row, sum(map(ord, word)) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.asarray(out / np.clip(norms, 1e-9, None), dtype=np.float32)


def test_ccrt_prototype_coder_picks_the_nearest_cluster() -> None:
    coder = PrototypeCoder(WordEncoder())
    found = coder.best("rs", ["blah", "I felt trapped and powerless"])
    assert found is not None
    number, similarity, index = found
    assert (number, index) == (6, 1)
    assert similarity > ccrt.PROTOTYPE_MIN_SIMILARITY
    assert coder.model_hash.startswith("words-0+proto-")


def test_ccrt_prototype_coder_abstains_when_nothing_is_close() -> None:
    coder = PrototypeCoder(WordEncoder())
    assert coder.best("ro", ["zebra quantum xylophone"]) is None
    assert coder.best("ro", []) is None


def test_ccrt_pervasiveness_shares_and_core_theme() -> None:
    episodes = [
        EpisodeCode("partner", 6, 5, 7),
        EpisodeCode("mother", 6, 5, 2),
        EpisodeCode("boss", 8, 5, 7),
        EpisodeCode("friend", None, None, None),  # not scored
    ]
    result = pervasiveness(episodes)
    assert result["scored"] == 3
    assert result["w"][0] == {"cluster": 6, "label": "be loved and understood", "count": 2, "share": 0.6667}
    assert result["ccrt"]["ro"]["cluster"] == 5
    assert result["ccrt"]["ro"]["share"] == 1.0
    assert [row["cluster"] for row in result["rs"]] == [7, 2]


def test_ccrt_pervasiveness_ties_go_to_the_lower_cluster_and_empty_is_none() -> None:
    result = pervasiveness([EpisodeCode("partner", 8, None, None), EpisodeCode("boss", 1, None, None)])
    assert result["ccrt"]["w"]["cluster"] == 1
    assert result["ccrt"]["ro"] is None
    assert pervasiveness([])["scored"] == 0


def test_ccrt_episode_code_from_finding_data() -> None:
    data = {"other": "boss", "w": {"cluster": 8}, "ro": None, "rs": {"cluster": 5, "valence": "positive"}}
    assert EpisodeCode.from_data(data) == EpisodeCode("boss", 8, None, 5)


@pytest.mark.parametrize("component", ccrt.COMPONENTS)
def test_ccrt_descriptions_are_our_own_short_text(component: str) -> None:
    for item in ccrt.CLUSTERS[component]:
        assert 10 < len(item.description) < 120
