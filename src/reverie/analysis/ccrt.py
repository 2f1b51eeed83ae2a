"""The Core Conflictual Relationship Theme (Luborsky): categories, coding lexicons and pervasiveness.

A relationship episode is scored for the Wish (W), the Response of the Other (RO) and the Response of the Self
(RS), each in one of eight standard clusters (Barber, Crits-Christoph & Luborsky 1990), numbered 1–8 in the order
of docs/ccrt.md. Labels are the published short names; every description here is Reverie's own wording (the
manual's definitions are copyrighted). The lexicons are hand-written from these descriptions.

Lexicon entry syntax (one per ``;``): ``words[:weight][@self|@other][~negated_cluster]``. Words are lemmas or
surface forms matched in order with at most two words between them; "not" matches n't/not/never/no.
``@self``/``@other``: only where the acting person is the writer / someone else (a passive "be understood"
counts as someone else acting on the writer). ``~N``: what the entry means when its clause is negated ("she
didn't reject me" is not rejecting); without it a negated clause does not count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

COMPONENTS: Final = ("w", "ro", "rs")


@dataclass(frozen=True, slots=True)
class Cluster:
    component: str  # "w" | "ro" | "rs"
    number: int  # 1-8
    label: str
    description: str
    valence: str | None  # RO and RS: "positive" | "negative"; W: None


def _clusters(component: str, rows: Sequence[tuple[str, str, str | None]]) -> tuple[Cluster, ...]:
    return tuple(
        Cluster(component, n, label, text, val) for n, (label, text, val) in enumerate(rows, start=1)
    )


W_CLUSTERS: Final = _clusters(
    "w",
    [
        (
            "assert self and be independent",
            "to make my own choices, speak up for myself, have my own way",
            None,
        ),
        ("oppose, hurt and control others", "to push back, get even, put the other in their place", None),
        ("be controlled, hurt and not responsible", "to have someone else decide and carry the blame", None),
        ("be distant and avoid conflicts", "to keep out of trouble, be left alone, keep the peace", None),
        ("be close and accepting", "to be near the other, belong, get along, share a life", None),
        ("be loved and understood", "to be heard, noticed, taken seriously, cared for and loved", None),
        ("feel good and comfortable", "to feel safe, at ease, rested and untroubled", None),
        ("achieve and help others", "to do well, succeed, be capable and be of use to others", None),
    ],
)
RO_CLUSTERS: Final = _clusters(
    "ro",
    [
        ("strong", "the other comes across as capable, successful, self-assured", "positive"),
        ("controlling", "the other decides for me, gives orders, pressures or checks up on me", "negative"),
        ("upset", "the other is angry, shouting, in tears, anxious or hurt", "negative"),
        ("bad", "the other lies, steals, lets me down or cannot be relied on", "negative"),
        (
            "rejecting and opposing",
            "the other ignores, dismisses, criticises, refuses or leaves me",
            "negative",
        ),
        ("helpful", "the other helps, gives, supports, encourages or looks after me", "positive"),
        ("likes me", "the other is warm, affectionate, glad of me, proud of me, stays with me", "positive"),
        ("understanding", "the other listens, gets it, respects my view and does not judge", "positive"),
    ],
)
RS_CLUSTERS: Final = _clusters(
    "rs",
    [
        ("helpful", "I help, comfort, give or reach out to the other", "positive"),
        ("unreceptive", "I withdraw, go quiet, stop answering, shut the other out", "negative"),
        ("respected and accepted", "I feel accepted, cared for, understood, relieved, at home", "positive"),
        ("opposing and hurting others", "I get angry, shout, argue, lash out or hit back", "negative"),
        (
            "self-controlled and self-confident",
            "I stay calm, stand my ground, feel capable and proud",
            "positive",
        ),
        ("helpless", "I give in, freeze, feel powerless, trapped or lost", "negative"),
        ("disappointed and depressed", "I feel let down, sad, empty, lonely; I cry", "negative"),
        ("anxious and ashamed", "I feel afraid, nervous, guilty, embarrassed or small", "negative"),
    ],
)
CLUSTERS: Final[dict[str, tuple[Cluster, ...]]] = {"w": W_CLUSTERS, "ro": RO_CLUSTERS, "rs": RS_CLUSTERS}


def cluster(component: str, number: int) -> Cluster:
    """The cluster ``number`` (1-8) of ``component`` ("w", "ro" or "rs")."""
    return CLUSTERS[component][number - 1]


# ---- Coding lexicons ---------------------------------------------------------------------------------------
# What the writer wishes for: matched over the complement of "I wanted / needed / hoped / longed …".
W_LEXICON: Final[dict[int, str]] = {
    1: "own; independent; independence; decide for myself; make my choice; choose@self; stand up; speak up; "
    "say no@self; boundary; freedom; free; control over; on my own; by myself; my decision; my choice; "
    "follow my; live my life; assert; my way; not push around; not be tell what",
    2: "hurt:1.2@self; pay for; get back at; revenge; punish@self; put in place; teach lesson; get even; "
    "make suffer; control:0.8@self; yell at@self; tell off@self; humiliate@self; show who; beat@self; win:0.6",
    3: "tell me what to do@other; decide for me; make decision@other; decide@other; take charge@other; "
    "take over@other; plan everything@other; do it for me; not have to; not be my fault; not my fault; "
    "not take responsibility; take care of everything; rescue@other; be tell what",
    4: "avoid; stay out; leave me alone; alone:0.8; keep peace; no trouble; not trouble; invisible; stay home; "
    "not deal; fight:0.8; argument:0.8; conflict; scene; drama; distance; space:0.8; escape; hide; "
    "keep quiet@self; not upset anyone; stay away; not want a scene",
    5: "close; closer; near; spend time; together; connect; connected; get along; fit in; part of; belong; "
    "intimate; build life; share@self; make up@self; reconcile; include; accept:0.8@self; be with; "
    "work well together; honest; bond",
    6: "understand@other; listen@other; hear@other; notice@other; see@other; recognise@other; "
    "recognize@other; appreciate@other; proud of me; approval; approve@other; love@other; care@other; "
    "comfort@other; reassure@other; take me seriously; believe@other; respect; accept@other; look after@other; "
    "hold me; want me; remember@other; ask about@other; feel important; matter; validate@other; "
    "praise@other; talk to someone; not judge@other; not give up on me; comfort@self; trust:0.5",
    7: "relax; relaxed; rest; calm; safe; peaceful; comfortable; enjoy; fun; good time; feel good@self; "
    "feel better@self; recover; quiet evening; sleep; break:0.6; at ease; happy:0.8",
    8: "good job; do well; succeed; success; achieve; pass; prove; good mark; grade; promotion; capable; "
    "competent; good at; help@self; useful; support@self; look after@self; protect@self; impress; "
    "do it right; finish@self",
}
# What the other does or is: matched over clauses whose actor is the other.
RO_LEXICON: Final[dict[int, str]] = {
    1: "achievement:0.7; successful:0.7; confident:0.7; brag:0.7; boast:0.7; perfectly:0.7; handle everything:0.7; "
    "powerful:0.7; strong:0.7; impressive:0.7; talk about his own:0.7; talk about her own:0.7; in control:0.6",
    2: "decide everything~8; decide for me~8; control~8; controlling; tell me what~8; tell me how to~8; tell me to; "
    "insist; demand; pressure~8; push~8; force~8; make me; order; boss around; check my; check up; monitor; "
    "dictate; forbid; not let me; take over; nag; interfere; dump on; without ask; plan every; "
    "want me to:0.6; need me at; should:0.6; have to:0.5; must:0.6",
    3: "angry~7; furious; upset~7; cry; crying; tear; rage; shout~7; yell~7; scream; fight; lose temper; "
    "anxious; worried; worry; stress; stressed; sad; devastated; depressed; annoyed~7; irritated; "
    "frustrated; mad; panic; break down; snap; slam; storm off; sulk; hurt:0.6; excluded:0.6",
    4: "lie; cheat; steal; betray; hide; deny; take credit; forget; break promise; not turn up; not show up; "
    "cancel; unreliable; selfish; drunk; drink; abuse; hit; manipulate; gamble; debt; not call; late:0.6",
    5: "reject~7; ignore~8; criticise~8; criticize~8; blame~8; judge~8; laugh at~8; make fun~8; mock~8; "
    "dismiss~8; refuse~6; leave:0.9~7; walk out; abandon; exclude; without invite; shut door; put phone down; "
    "hang up; change subject; turn away; pull away~7; cold; distant; busy; sarcastic; say no:0.8; fail:0.8; "
    "shrug; humiliate; insult; lock; no contact; scroll; barely look; barely speak; not listen; not look; "
    "not speak; not care; not help; not support; not understand; not love; not want; not invite; "
    "not ask; not answer; not reply; not notice; not come; stop bother; dramatic; overreact; "
    "ungrateful; stupid; lazy; useless; wrong:0.6; fault; ridiculous; too sensitive; pathetic; baby; "
    "nothing to say; not need; firmly:0.5; mutter:0.6",
    6: "help; support; encourage; give me; offer; make me tea; make me a; cook; drive; come round; "
    "come over; stay with; sit with; talk me through; check on; defend; cover for; show me; approve; clean; "
    "fuss over; stay late; explain; instruction; bring; teach; lend; look after; take care of; chance; "
    "guide; reassure; comfort",
    7: "love; hug; kiss; smile; warm; warmly; welcome; invite; miss me; glad; proud of me; proud; like me; "
    "hold my hand; hold me; affectionate; friendly; laugh with; praise; make me laugh; open arms; "
    "stay:0.6; little helper; kind; happy to see",
    8: "understand; listen~5; respect; accept~5; take me seriously; hear~5; believe me; ask how; "
    "ask what i; let me decide; empathise; empathize; validate; my choice; my life:0.6; see how hard; "
    "sorry; apologise; apologize; thank:0.6; not do anything wrong; not wrong; clear:0.6; ask about me; "
    "respect that",
}
# What the writer does or feels: matched over clauses whose actor is the writer.
RS_LEXICON: Final[dict[int, str]] = {
    1: "help@self; comfort@self; hold her hand; hold his hand; stroke; hug:0.8@self; listen to him; listen to her; "
    "support@self; look after@self; drive over; sit with; offer; reassure; cook for; forgive; thank:0.6; "
    "help her; help him; kindly:0.6",
    2: "withdraw; pull away; go quiet; stay quiet; shut down; shut out; stop talk; stop show; stop answer; "
    "walk out; walk away; leave the room; ignore@self; not reply; not answer; not respond; not speak; "
    "not call back; block; avoid; keep inside; keep to myself; keep everything inside; hide:0.6; "
    "stay in bed:0.8; delete; numb; detached; distant; close off; by myself:0.6; alone:0.5; "
    "not a word:0.8; without a word:0.8; stop; quiet:0.7; not look at",
    3: "accept; accepted; loved; understood; respected; cared for; welcome; included; liked; seen; "
    "safe; relieved; grateful; at home; special; valued; less alone; better:0.7; lighter; close to; "
    "connected; supported; heard; believed; appreciated; happy:0.7; calmer:0.7; warm:0.7",
    4: "yell@self; shout@self; scream@self; snap@self; argue; fight back; lose my temper; hang up; slam; throw; "
    "call him a; call her a; insult@self; criticise@self; criticize@self; blame@self; angry; furious; irritated; "
    "annoyed; rage; resent; hit@self; storm; tell off; swear; attack@self; frustrated:0.8; ground:0.6; mad",
    5: "calm; calmly; stay calm; confident; proud; capable; strong; stand my ground; stand up for myself; "
    "say no:0.8; explain my reason; firm; firmly; take a breath; boundary; in control; competent; "
    "determined; pride",
    6: "helpless; powerless; trapped; stuck; lost; confused; overwhelmed; give in; go along; let her; "
    "let him; let them; agree:0.6; not know what to do; freeze; frozen; paralysed; paralyzed; nod:0.6; "
    "comply; obey; give up; worn out:0.6; can not do",
    7: "sad; cry; tear:0.8; disappointed; let down; hurt; heartbroken; crushed; empty; hollow; hopeless; "
    "lonely; alone:0.6; abandoned; depressed; miserable; devastated; flat; defeated; rejected; unwanted; "
    "unloved; sob; grief; deflated; worthless; invisible; down:0.6",
    8: "anxious; nervous; afraid; scared; terrified; frightened; panic; worry; ashamed; shame; embarrassed; "
    "humiliated; guilty; stupid; small; fault; blush; hot; tremble; shake; dread; awkward; self conscious; "
    "foolish; inadequate; insecure; apologise:0.6; apologize:0.6; not put my hand up:0.8; sorry:0.6",
}
LEXICONS: Final[dict[str, dict[int, str]]] = {"w": W_LEXICON, "ro": RO_LEXICON, "rs": RS_LEXICON}


@dataclass(frozen=True, slots=True)
class Entry:
    """One parsed lexicon entry."""

    component: str
    cluster: int
    words: tuple[str, ...]
    weight: float
    agent: str | None  # "self" | "other" | None (anyone)
    negated_cluster: int | None

    @property
    def needs_negation(self) -> bool:
        return "not" in self.words


def _parse_entry(component: str, number: int, raw: str) -> Entry:
    text, _, neg = raw.partition("~")
    text, _, agent = text.partition("@")
    text, _, weight = text.partition(":")
    words = tuple(text.split())
    # More specific (longer) phrases outweigh single words: "on my own" over "prove".
    default = 1.0 + 0.15 * (len(words) - 1)
    return Entry(
        component,
        number,
        words,
        float(weight) if weight else default,
        agent or None,
        int(neg) if neg else None,
    )


@cache
def entries(component: str) -> tuple[Entry, ...]:
    """All lexicon entries of one component, parsed."""
    out: list[Entry] = []
    for number, raw_entries in LEXICONS[component].items():
        for raw in raw_entries.split(";"):
            if raw.strip():
                out.append(_parse_entry(component, number, raw.strip()))
    return tuple(out)


# ---- Matching ---------------------------------------------------------------------------------------------
NEGATORS: Final = frozenset({"not", "n't", "never", "no", "barely", "hardly", "rarely", "nobody", "nothing"})
MATCH_GAP: Final = 2  # words allowed between two words of an entry
NEGATED_WEIGHT: Final = 0.5  # an entry read through a negation ("didn't reject") counts half
_SKIPPABLE_POS: Final = frozenset({"PRON", "DET", "ADV", "PART", "AUX", "ADJ", "NUM"})
_SKIPPABLE_DEPS: Final = frozenset({"compound", "amod", "poss", "det", "advmod", "neg", "aux", "nummod"})


def match(
    component: str, tokens: Sequence[Any], context: Callable[[Any], tuple[str | None, bool]]
) -> list[tuple[int, float, Any]]:
    """Non-overlapping lexicon matches in spaCy ``tokens`` (longest entries first).

    ``context(token)`` gives the actor kind ("self", "other" or None) and negation of the token's clause.
    Returns ``(cluster, weight, anchor token)`` per match.
    """
    ordered = sorted(tokens, key=lambda t: t.i)
    forms = [_forms(t) for t in ordered]
    candidates = [(e, p) for e in entries(component) if (p := _find(e.words, forms, ordered)) is not None]
    candidates.sort(key=lambda c: (-len(c[0].words), -c[0].weight))
    used: set[int] = set()
    out: list[tuple[int, float, Any]] = []
    for entry, positions in candidates:
        if used & set(positions):
            continue
        anchor = next((ordered[p] for p in positions if "not" not in forms[p]), ordered[positions[0]])
        result = _apply(entry, *context(anchor))
        if result is not None:
            used.update(positions)
            out.append((*result, anchor))
    return out


def _forms(token: Any) -> set[str]:
    lower = str(token.lower_)
    if lower in NEGATORS:
        return {"not", lower}
    return {lower, str(token.lemma_).lower()}


def _find(words: tuple[str, ...], forms: list[set[str]], tokens: list[Any]) -> list[int] | None:
    for start, token_forms in enumerate(forms):
        if words[0] not in token_forms:
            continue
        positions = [start]
        for word in words[1:]:
            nxt = _next(word, positions[-1] + 1, forms, tokens)
            if nxt is None:
                break
            positions.append(nxt)
        if len(positions) == len(words):
            return positions
    return None


def _next(word: str, begin: int, forms: list[set[str]], tokens: list[Any]) -> int | None:
    """Where ``word`` comes next, skipping at most MATCH_GAP modifiers ("spend more time", "shut his door")."""
    for i in range(begin, min(len(forms), begin + 1 + MATCH_GAP)):
        if word in forms[i]:
            return i
        if not _skippable(tokens[i]):
            return None
    return None


def _skippable(token: Any) -> bool:
    return bool(token.pos_ in _SKIPPABLE_POS or token.dep_ in _SKIPPABLE_DEPS)


def _apply(entry: Entry, agent: str | None, negated: bool) -> tuple[int, float] | None:
    """The cluster and weight an entry gives in its clause, after the actor constraint and negation."""
    if entry.agent is not None and agent != entry.agent:
        return None
    if entry.needs_negation or not negated:
        return entry.cluster, entry.weight
    if entry.negated_cluster is None:
        return None
    return entry.negated_cluster, entry.weight * NEGATED_WEIGHT


# ---- Aggregation -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EpisodeCode:
    """The coded clusters of one relationship episode (None: that component was not scored)."""

    other: str
    w: int | None = None
    ro: int | None = None
    rs: int | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> EpisodeCode:
        """From an ``episode`` finding's ``data``."""

        def number(part: Any) -> int | None:
            return int(part["cluster"]) if isinstance(part, Mapping) and part.get("cluster") else None

        return cls(
            str(data.get("other", "other")),
            number(data.get("w")),
            number(data.get("ro")),
            number(data.get("rs")),
        )

    def get(self, component: str) -> int | None:
        return {"w": self.w, "ro": self.ro, "rs": self.rs}[component]


def pervasiveness(episodes: Sequence[EpisodeCode]) -> dict[str, Any]:
    """Share of scored episodes in which each W, RO and RS cluster appears; the CCRT is the most pervasive of each.

    Returns ``{"scored": n, "w": [row, …], "ro": [...], "rs": [...], "ccrt": {"w": row | None, "ro": …, "rs": …}}``
    where a row is ``{"cluster": int, "label": str, "count": int, "share": float}``, rows sorted by share
    (ties: lower cluster number first). An episode counts as scored when at least one component is coded.
    """
    scored = [e for e in episodes if any(e.get(c) is not None for c in COMPONENTS)]
    out: dict[str, Any] = {"scored": len(scored), "ccrt": {}}
    for component in COMPONENTS:
        counts = Counter(e.get(component) for e in scored if e.get(component) is not None)
        rows = [
            {
                "cluster": number,
                "label": cluster(component, number).label,
                "count": count,
                "share": round(count / len(scored), 4),
            }
            for number, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] or 0))
            if number is not None
        ]
        out[component] = rows
        out["ccrt"][component] = rows[0] if rows else None
    return out
