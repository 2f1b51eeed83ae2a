"""CCRT clusters (Luborsky, Edition 3, in DOMAIN.md order) with our own short labels and phrases.

Short labels are for tables and pictures; phrases slot into plain sentences ("The wish to be close and
accepted, met by rejection, followed by withdrawal, appears ..."). Groups are the person groups the episode
analyzer assigns; roles are the person roles.
"""

from __future__ import annotations

COMPONENTS = ("w", "ro", "rs")
COMPONENT_NAMES = {"w": "wish", "ro": "response of others", "rs": "response of self"}
CLUSTERS = tuple(range(1, 9))

SHORT_LABELS: dict[str, dict[int, str]] = {
    "w": {
        1: "assert self, be independent",
        2: "oppose, hurt, control others",
        3: "be controlled, not responsible",
        4: "be distant, avoid conflict",
        5: "be close and accepting",
        6: "be loved and understood",
        7: "feel good and comfortable",
        8: "achieve and help others",
    },
    "ro": {
        1: "strong",
        2: "controlling",
        3: "upset",
        4: "bad",
        5: "rejecting and opposing",
        6: "helpful",
        7: "likes me",
        8: "understanding",
    },
    "rs": {
        1: "helpful",
        2: "unreceptive",
        3: "respected and accepted",
        4: "opposing and hurting others",
        5: "self-controlled, self-confident",
        6: "helpless",
        7: "disappointed and depressed",
        8: "anxious and ashamed",
    },
}

PHRASES: dict[str, dict[int, str]] = {
    "w": {
        1: "the wish to assert yourself and be independent",
        2: "the wish to oppose or control others",
        3: "the wish to be guided and not responsible",
        4: "the wish to keep a distance and avoid conflict",
        5: "the wish to be close and accepted",
        6: "the wish to be loved and understood",
        7: "the wish to feel good and at ease",
        8: "the wish to achieve and help others",
    },
    "ro": {
        1: "an other who seems strong",
        2: "control",
        3: "an upset other",
        4: "an other who seems bad",
        5: "rejection",
        6: "help",
        7: "being liked",
        8: "understanding",
    },
    "rs": {
        1: "helping",
        2: "withdrawal",
        3: "feeling respected and accepted",
        4: "opposing or hurting the other",
        5: "self-control and confidence",
        6: "helplessness",
        7: "disappointment and low mood",
        8: "anxiety and shame",
    },
}

OTHERS_ACTING = {
    1: "others coming across as strong",
    2: "others taking control",
    3: "others getting upset",
    4: "others coming across as bad",
    5: "others rejecting",
    6: "others helping",
    7: "others being warm",
    8: "others understanding",
}


def component_words(component: str, cluster: int) -> str:
    """A W, RO or RS cluster as a noun phrase ('the wish to ...', 'others rejecting', 'responding with')."""
    if component == "w":
        return PHRASES["w"][cluster]
    if component == "ro":
        return OTHERS_ACTING[cluster]
    return f"responding with {PHRASES['rs'][cluster]}"


# The responses of others (RO) whose repeated pattern the Patterns page puts into words; any other RO is left
# out of the words (its code stays in the statements, with the codes, for the therapist). A cluster is here only
# when its repeated pattern is more likely right than wrong on every frozen vignette batch: in synthetic
# histories of 24 episodes drawn from one batch and coded as the nested grouped cross-validation codes that batch
# (``scripts/train_ccrt.py``, ``repeated_patterns`` in ``analysis/models/ccrt/manifest.json``), on each frozen
# batch where the cluster makes at least ``RO_PATTERN_MIN`` patterns, the pattern's codes right more than half the
# time and the pattern the history's most frequent expected RO more than half the time. Episodes 1.6.0 (the RO
# head reads where the other acts): none passes. Rejecting (RO5) comes closest: codes right 0.71 / 0.71 / 0.56 on
# frozen, frozen2 and frozen4 (0.41 on frozen4 in 1.5.0), 0.38 on frozen3 (docs/ccrt.md), so no RO is worded.
RO_WORDED: frozenset[int] = frozenset()
RO_PATTERN_MIN = 10
RO_PATTERN_BATCHES = (
    "vignettes_frozen.jsonl",
    "vignettes_frozen2.jsonl",
    "vignettes_frozen3.jsonl",
    "vignettes_frozen4.jsonl",
)

GROUPS = ("partners", "family", "authority", "friends", "therapist", "others", "self")
MIRROR_GROUPS = ("partners", "family", "authority", "friends")
ROLES = frozenset(
    {
        "self",
        "mother",
        "father",
        "parents",
        "sibling",
        "partner",
        "ex",
        "child",
        "friend",
        "boss",
        "colleague",
        "teacher",
        "therapist",
        "other",
    }
)
PARENT_ROLES = frozenset({"mother", "father", "parents"})
# The catch-all role: "someone else", anyone not named by a specific role. Two mentions of it are not one person
# (a man in a dream, Tom in an entry; Tom and a waiter), so no line links or pairs mentions through it (r39).
CATCH_ALL_ROLE = "other"
ROLE_GROUPS = {
    "self": "self",
    "mother": "family",
    "father": "family",
    "parents": "family",
    "sibling": "family",
    "child": "family",
    "partner": "partners",
    "ex": "partners",
    "friend": "friends",
    "boss": "authority",
    "teacher": "authority",
    "colleague": "authority",
    "therapist": "therapist",
    "other": "others",
}

_GROUP_WORDS = {
    "partners": ("your partner", "the client's partner"),
    "family": ("your family", "the client's family"),
    "authority": ("people in authority", "people in authority"),
    "friends": ("your friends", "the client's friends"),
    "therapist": ("your therapist", "you as therapist"),
    "others": ("other people", "other people"),
    "self": ("yourself", "the client themself"),
}

_ROLE_WORDS = {
    "self": "yourself",
    "parents": "your parents",
    "ex": "a former partner",
    "other": "someone else",
}


def group_words(group: str, audience: str) -> str:
    """How a person group reads in a sentence for this audience ("your partner" / "the client's partner")."""
    client, therapist = _GROUP_WORDS.get(group, ("other people", "other people"))
    return client if audience == "client" else therapist


def role_words(role: str, audience: str) -> str:
    """How a person role reads in a sentence ("your mother" / "the client's mother")."""
    words = _ROLE_WORDS.get(role, f"your {role}")
    if audience == "client":
        return words
    if role == "therapist":
        return "you as therapist"
    return words.replace("yourself", "the client themself").replace("your ", "the client's ")


def role_appears(role: str, audience: str) -> str:
    """A person role as the subject of "appear", the verb agreeing: "Your mother appears", and on the therapist's
    page, about themself, "You (as their therapist) appear" (not "You as therapist appears", r41)."""
    if role == "therapist" and audience != "client":
        return "You (as their therapist) appear"
    return f"{role_words(role, audience).capitalize()} appears"


def group_of(role: str, declared: object = None) -> str:
    """The person group: the analyzer's declared group when known, else derived from the role."""
    if isinstance(declared, str) and declared in GROUPS:
        return declared
    return ROLE_GROUPS.get(role, "others")


def cluster_of(raw: object) -> int | None:
    """The cluster (1-8) of an episode component, or None when it was not scored."""
    if not isinstance(raw, dict):
        return None
    cluster = raw.get("cluster")
    if isinstance(cluster, int) and not isinstance(cluster, bool) and 1 <= cluster <= 8:
        return cluster
    return None


def triple_phrase(w: int | None, ro: int | None, rs: int | None) -> str:
    """'The wish to ..., met by ..., followed by ...' for the components that are known."""
    parts: list[str] = []
    if w is not None:
        parts.append(PHRASES["w"][w])
    if ro is not None:
        parts.append(f"met by {PHRASES['ro'][ro]}")
    if rs is not None:
        parts.append(f"followed by {PHRASES['rs'][rs]}")
    text = ", ".join(parts) if parts else "this pattern"
    return text[0].upper() + text[1:]
