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

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from reverie.analysis.findings import Span

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
    "follow my; live my life; assert; my way; not push around; not be tell what; privacy; trust; "
    "speak my mind; for myself:0.8; "
    "like an adult; adult:0.8; mine:0.8; have say",
    2: "hurt:1.2@self; pay for; get back at; revenge; punish@self; put in place; teach lesson; get even; "
    "make suffer; control:0.8@self; yell at@self; tell off@self; humiliate@self; show who; beat@self; win:0.6; "
    "admit:0.8@other; "
    "get revenge; prove him wrong; prove her wrong; win the argument; shout at@self; scream at@self; "
    "make pay; pay back; get my own back; make sorry@self; slap@self; hit@self; smash@self",
    3: "tell me what to do@other; decide for me; make decision@other; decide@other; take charge@other; "
    "take over@other; plan everything@other; do it for me; not have to; not be my fault; not my fault; "
    "not take responsibility; take care of everything; rescue@other; be tell what; "
    "save me@other; fix it for me; sort it out for me; be rescued",
    4: "avoid; stay out; leave me alone; alone:0.8; keep peace; no trouble; not trouble; invisible; stay home; "
    "not deal; fight:0.8; argument:0.8; conflict; scene; drama; distance; space:0.8; escape; hide; "
    "keep quiet@self; not upset anyone; stay away; not want a scene; "
    "get away; run away; keep my head down; not rock the boat; keep out of; quiet life; no drama; not make a fuss; "
    "swallow me up; out of my life; disappear@self; vanish@self; anywhere but; anywhere else; walk out@self; "
    "cut off@self; never see again; be alone; out of there; out of the room",
    5: "close; closer; near; spend time; together; connect; connected; get along; fit in; part of@self; "
    "belong; intimate; build life; share@self; make up@self; reconcile; include; accept:0.8@self; "
    "work well together; honest; bond; two of us; come back@other; "
    "reconnect; make amends; closeness; feel close; be friends; hug@self",
    6: "understand@other; listen@other; hear@other; notice@other; see@other; recognise@other; "
    "recognize@other; appreciate@other; proud of me; approval; approve@other; love@other; care@other; "
    "comfort@other; reassure@other; take me seriously; believe@other; respect; accept@other; look after@other; "
    "hold me; want me; remember@other; ask about@other; feel important; matter; validate@other; "
    "praise@other; talk to someone; not judge@other; not give up on me; comfort@self; call me:0.8@other; "
    "text me:0.8@other; visit me:0.8@other; interested in me; take an interest; interest in my; back me up; "
    "on my side; be there for me; turn up:0.8@other; show up:0.8@other; part of my life; miss me@other; "
    "not leave me; not disappear; explain:0.8@self; serious:0.8; equal; "
    "be valued; valued; feel wanted; cared for; support me; reassurance; attention; affection; thank me@other; say sorry@other; apologise@other; apologize@other; acknowledge@other; validation; "
    "recognition; sit with me@other; hear that; hear it",
    7: "relax; relaxed; rest; calm; safe; peaceful; comfortable; enjoy; fun; good time; feel good@self; "
    "feel better@self; recover; quiet evening; sleep; break:0.6; at ease; happy:0.8; peace:0.8; "
    "switch off; unwind; peace and quiet; stop worrying; breathe; treat myself; feel at home",
    8: "good job; do well; succeed; success; achieve; pass; prove; good mark; grade; promotion; capable; "
    "competent; good at; help@self; useful; support@self; look after@self; protect@self; impress; "
    "do it right; finish@self; make proud; show i could; show i can; show that i; handle:0.6; "
    "be there for her; be there for him; be there for them; "
    "do my best; get it right; improve; earn; get promoted; make a difference; good enough; contribute; care for@self; good mother; good father; good parent; good daughter; good son; good friend; good partner",
}
# What the other does or is: matched over clauses whose actor is the other, and over what the other says.
RO_LEXICON: Final[dict[int, str]] = {
    1: "achievement:0.7; successful:0.7; confident:0.7; brag:0.7; boast:0.7; perfectly:0.7; "
    "handle everything:0.7; powerful:0.7; strong:0.7; impressive:0.7; talk about his own:0.7; "
    "talk about her own:0.7; in control:0.6",
    2: "decide everything~8; decide for me~8; control~8; controlling; tell me what~8; tell me how to~8; "
    "tell me to; insist; demand; pressure~8; push~8; force~8; make me; order; boss around; check my; "
    "check up; monitor; dictate; forbid; not let me; take over; nag; interfere; dump on; plan every; "
    "want me to:0.6; want us to:0.6; ask me to:0.8; need me at; should:0.6; have to:0.5; must:0.6; "
    "read my; go through my; "
    "track; control my; decide what; not allow; ban; guilt trip; make me feel guilty; lecture:0.8; micromanage; bossy; boss me; "
    "take charge; tell everyone",
    3: "angry~7; furious; upset~7; cry; crying; tear; rage; shout~7; yell~7; scream; fight; lose temper; "
    "anxious; worried; worry; stress; stressed; sad; devastated; depressed; annoyed~7; irritated; "
    "frustrated; mad; panic; break down; snap; slam; storm off; sulk; hurt:0.6; excluded:0.6; "
    "sob; weep; freak out; blow up; explode; lose it; distressed; tense; irritable; moody; grumpy; throw:0.6",
    4: "lie; cheat; steal; betray; hide; deny; take credit; forget; break promise; not turn up; not show up; "
    "cancel; unreliable; selfish; drunk; drink; abuse; hit; manipulate; gamble; debt; late:0.6; "
    "only call:0.8; "
    "let me down; take advantage; use me; behind my back; gossip; spread rumour; flake; bail:0.6; mess up:0.8; two faced",
    5: "reject~7; ignore~8; criticise~8; criticize~8; blame~8; judge~8; laugh at~8; make fun~8; mock~8; "
    "dismiss~8; refuse~6; leave:0.9~7; walk out; abandon; exclude; without invite; shut door; put phone down; "
    "hang up; change subject; turn away; pull away~7; cold; distant; busy; sarcastic; say no:0.8; fail:0.8; "
    "shrug; humiliate; insult; lock; no contact; scroll; not listen; not look; not speak; not care; "
    "not help; not support; not understand; not love; not want; not invite; not ask; not answer; "
    "not reply; not notice; not come; not call; not tell me; stop bother; dramatic; overreact; "
    "ungrateful; stupid; lazy; useless; wrong:0.6; fault; ridiculous; too sensitive; pathetic; baby; "
    "childish; careless; accuse; nothing to say; not need; firmly:0.5; mutter:0.6; glance:0.8; "
    "go back to:0.8; interrupt; yawn; without ask:0.8; without explanation; joke about; make a joke; "
    "joke:0.8; be away:0.8; go silent:0.8; "
    "roll eyes; sigh:0.8; tut; scoff; sneer; belittle; put me down; tell me off; snub; blank; cut me off; silent treatment; stonewall; dismissive; brush off; brush aside; wave away; ghost; leave me out; bully; shut me out; turn his back; turn her back; look away:0.8; condescend; patronise; patronize; "
    "not have time; no time for; not say anything:0.8; say nothing:0.8; nonsense:0.8",
    6: "help@other; support@other; encourage@other; give me; offer@other; make me tea; make me a; "
    "be there for me@other; "
    "cook@other; drive@other; come round; come over; stay with@other; sit with@other; talk me through; "
    "check on; defend@other; cover for; show me; approve; clean@other; fuss over; stay late@other; "
    "explain@other; instruction; bring@other; teach@other; lend@other; look after@other; "
    "take care of@other; chance; guide@other; reassure@other; comfort@other; cover:0.8@other; "
    "send:0.6@other; flowers:0.8; "
    "give me a lift; pick me up; drive me; advice; advise; cook for me; take me to; look out for; stick up for; stand up for me; back me up; have my back; "
    "suggest:0.6",
    7: "love; hug; kiss; smile; warm; warmly; welcome; invite; miss me; glad; proud of me; proud; like me; "
    "hold my hand; hold me; affectionate; friendly; laugh with; praise; make me laugh; open arms; "
    "stay:0.6@other; little helper; kind; happy to see; best:0.8; brilliant:0.8; well done; favourite; "
    "favorite; remember:0.8; ask how; ask about:0.8; arms around; "
    "compliment; cuddle; delighted; excited to see; adore; cherish; admire; joke with",
    8: "understand; listen~5; respect; accept~5; take me seriously; hear~5; believe me; "
    "ask what i; let me decide; empathise; empathize; validate; my choice; my life:0.6; see how hard; "
    "sorry; apologise; apologize; thank:0.6; not do anything wrong; not wrong; clear:0.6; ask about me; "
    "respect that; "
    "get it; acknowledge; hear me out; let me finish; ask for my opinion; patient; give me time; make space; respect my decision; "
    "ask what:0.8",
}
# What the writer does or feels: matched over clauses whose actor is the writer.
RS_LEXICON: Final[dict[int, str]] = {
    1: "help@self; comfort@self; hold her hand; hold his hand; stroke; hug:0.8@self; listen to him; "
    "listen to her; support@self; look after@self; drive over; sit with; offer; reassure; cook for; forgive; "
    "thank:0.6; help her; help him; kindly:0.6; bring him:0.8; bring her:0.8; bring them:0.8; talk to him:0.6; talk to her:0.6; "
    "reach out; cheer her up; cheer him up; calm her down; calm him down; make up with; visit:0.6@self",
    2: "withdraw; pull away; go quiet; stay quiet; shut down; shut out; stop talk; stop show; stop answer; "
    "walk out; walk away; leave the room; ignore@self; not reply; not answer; not respond; not speak; "
    "not call back; block; avoid; keep inside; keep to myself; keep everything inside; hide:0.6; "
    "stay in bed:0.8; delete; numb; detached; distant; close off; by myself:0.6; alone:0.5; "
    "not a word:0.8; without a word:0.8; quiet:0.7; not look at; hang up:0.8; voicemail; "
    "bite my tongue:0.8; stop:0.6; "
    "switch off; tune out; zone out; go silent; clam up; sulk; stay away; keep my distance; pretend nothing; leave early:0.6; go to my room; lock myself; headphones; not tell anyone; "
    "to myself:0.8",
    3: "accept; accepted; loved; understood; respected; cared for; welcome; included; liked; seen; "
    "safe; relieved; grateful; at home; special; valued; less alone; better:0.7; lighter; close to; "
    "connected; supported; heard; believed; appreciated; happy:0.7; calmer:0.7; warm:0.7; feel held; "
    "weight lift; weight off; matter; "
    "feel touched; feel moved; thankful; reassured; comforted; feel wanted; feel important; glad:0.7; hopeful:0.6; "
    "lucky; relief; peaceful; at peace; unclench; breathe again",
    4: "yell@self; shout@self; scream@self; snap@self; argue; fight back; lose my temper; hang up on; "
    "lose it; slam; throw; call him a; call her a; insult@self; criticise@self; criticize@self; "
    "blame@self; angry; furious; irritated; annoyed; rage; resent; resentful; hurtful; hit@self; storm; "
    "tell off; swear; attack@self; frustrated:0.8; ground:0.6; mad; "
    "seethe; fume; livid; pissed off; cross:0.7; punch@self; kick@self; smash; lash out; bite back; retaliate; hate:0.8; sarcastic@self; cruel; "
    "lecture@self",
    5: "calm; calmly; stay calm; confident; proud; capable; strong; stand my ground; stand up for myself; "
    "say no:0.8; explain my reason; firm; firmly; take a breath; boundary; in control; competent; "
    "determined; pride; work hard:0.8; "
    "assertive; composed; hold my ground; stick to my guns; keep my cool; brave; sure of myself; steady; good about myself; clearly:0.6; "
    "feet tall; solid:0.8; good at something; grown up:0.7",
    6: "helpless; powerless; trapped; stuck; lost; confused; overwhelmed; give in; go along; let:0.8@self; "
    "agree:0.6; not know what to do; freeze; frozen; paralysed; paralyzed; nod:0.6; comply; obey; "
    "give up; worn out:0.6; can not do; "
    "go blank; mind go blank; not say no; back down; give way; cave; at a loss; speechless; tongue tied",
    7: "sad; cry; tear:0.8; disappointed; let down; hurt; heartbroken; crushed; empty; hollow; hopeless; "
    "lonely; alone:0.6; abandoned; depressed; miserable; devastated; flat; defeated; rejected; unwanted; "
    "unloved; sob; grief; deflated; worthless; invisible; down:0.6; forgotten; heart sink; exhausted:0.6; "
    "stop eat; stop sleep; "
    "gutted; feel low; feel blue; tearful; weep; feel broken; feel heavy; feel worse; unimportant; not important; insignificant",
    8: "anxious; nervous; afraid; scared; terrified; frightened; panic; worry; ashamed; shame; embarrassed; "
    "humiliated; guilty; stupid; small; fault; blush; hot; tremble; shake; dread; awkward; self conscious; "
    "foolish; inadequate; insecure; apologise:0.6; apologize:0.6; not put my hand up:0.8; sorry:0.6; "
    "feel terrible; feel awful; "
    "on edge; tense; jumpy; feel sick:0.8; shaky; sweat:0.8; mortified; like a burden; exposed; judged; like a failure; "
    "stammer; apology:0.6",
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


@cache
def _by_first_word(component: str) -> dict[str, tuple[int, ...]]:
    """Where each first word begins entries of one component: their positions in :func:`entries`, in order."""
    out: dict[str, list[int]] = {}
    for i, entry in enumerate(entries(component)):
        out.setdefault(entry.words[0], []).append(i)
    return {word: tuple(found) for word, found in out.items()}


# ---- Prototypes --------------------------------------------------------------------------------------------
# Reverie's own example sentences per cluster, for nearest-prototype coding on the shared sentence encoder when
# the lexicon finds nothing. Separated by "|".
PROTOTYPES: Final[dict[str, dict[int, str]]] = {
    "w": {
        1: "I wanted to make my own decisions | I wanted to be free to live my own way | I wanted to stand up "
        "for myself | I wanted to do it on my own | I wanted to say no and mean it | I wanted to be independent | "
        "I wanted space to choose for myself | I wanted them to stop running my life",
        2: "I wanted to get back at him | I wanted to make her pay for what she did | I wanted to hurt him the way "
        "he hurt me | I wanted to win and put her in her place | I wanted to tell him off in front of everyone | "
        "I wanted to control what she did | I wanted revenge | I wanted to make him feel small",
        3: "I wanted someone to tell me what to do | I wanted her to decide for me | I wanted not to be "
        "responsible | I wanted him to take charge of everything | I wanted to be taken care of so I didn't have "
        "to choose | I wanted someone else to carry the blame | I wanted to follow orders and not think | "
        "I wanted to be punished",
        4: "I wanted to avoid a fight | I wanted to be left alone | I wanted to stay out of it | I wanted to keep "
        "the peace | I wanted to get away from them | I didn't want any trouble | I wanted some distance from "
        "her | I wanted to hide until it blew over",
        5: "I wanted to be close to her | I wanted us to spend time together | I wanted to feel connected to him | "
        "I wanted to be part of the group | I wanted to get along with everyone | I wanted us to be a family "
        "again | I wanted to share my life with him | I wanted to make up with my sister",
        6: "I wanted him to understand me | I wanted her to listen to me | I wanted to be loved | I wanted someone "
        "to notice how hard I was trying | I wanted to be taken seriously | I wanted her to comfort me | "
        "I wanted him to be proud of me | I wanted to matter to someone",
        7: "I wanted to relax | I wanted to feel safe | I wanted a quiet, peaceful evening | I wanted to feel "
        "comfortable in my own home | I wanted to rest and recover | I wanted to have fun | I wanted to feel "
        "calm again | I wanted to enjoy myself without worrying",
        8: "I wanted to do a good job | I wanted to succeed | I wanted to prove I was capable | I wanted to help "
        "her | I wanted to be useful to them | I wanted to pass the exam | I wanted to look after my family | "
        "I wanted to get the promotion",
    },
    "ro": {
        1: "She always seems so confident and successful | He handled everything perfectly | She talked about "
        "her achievements | He is strong and in control | She had it all together | He was calm and capable | "
        "She is so independent | He boasted about his new job",
        2: "He told me what to do | She decided everything for me | He kept checking up on me | She pressured me "
        "into it | He insisted I do it his way | She reads my messages | He ordered me around | She wouldn't "
        "let me go out",
        3: "She was furious | He started shouting | She burst into tears | He was anxious and upset | She lost "
        "her temper | He was hurt and sulking | She got really stressed | He slammed the door and stormed off",
        4: "He lied to me | She cheated on me | He didn't turn up as promised | She stole from me | He was drunk "
        "again | She broke her promise | He hid the truth from me | She let me down again",
        5: "He ignored me | She criticised me | He rejected me | She laughed at me | He said I was being stupid | "
        "She walked out on me | He refused to talk | She shut me out",
        6: "She helped me | He supported me | She gave me advice | He drove me to the hospital | She made me "
        "dinner | He covered for me | She showed me how to do it | He encouraged me to keep going",
        7: "She hugged me | He said he loved me | She was happy to see me | He told me he was proud of me | She "
        "smiled warmly at me | He missed me | She invited me in | He held my hand",
        8: "He listened to me | She understood | He respected my choice | She took me seriously | He didn't judge "
        "me | She accepted me as I am | He apologised | She asked what I needed",
    },
    "rs": {
        1: "I helped her | I comforted him | I looked after her | I offered to help | I sat with him and "
        "listened | I hugged her | I made him something to eat | I reached out to her",
        2: "I went quiet | I withdrew | I walked away | I stopped talking to him | I ignored her messages | I shut "
        "down | I kept it all inside | I didn't answer",
        3: "I felt accepted | I felt loved | I felt understood | I felt relieved | I felt cared for | I felt safe "
        "with her | I felt respected | I felt at home",
        4: "I shouted at him | I got angry | I snapped at her | I argued back | I slammed the door | I told her to "
        "get lost | I lost my temper | I said something cruel",
        5: "I stayed calm | I felt confident | I stood my ground | I felt proud | I calmly said no | I explained "
        "my position clearly | I felt capable | I set a boundary",
        6: "I gave in | I felt helpless | I didn't know what to do | I froze | I went along with it | I felt "
        "trapped | I felt powerless | I felt confused and lost",
        7: "I felt sad | I cried | I felt let down | I felt empty | I felt lonely | I was heartbroken | I felt "
        "hopeless | I felt rejected",
        8: "I felt anxious | I was scared | I felt ashamed | I felt guilty | I was embarrassed | I felt small and "
        "stupid | I panicked | I felt nervous",
    },
}
PROTOTYPE_MIN_SIMILARITY: Final = 0.45  # below this the nearest prototype is not trusted
PROTOTYPE_MIN_MARGIN: Final = 0.03  # nor when the second-best cluster is this close


def prototype_sentences(component: str) -> list[tuple[int, str]]:
    """(cluster, sentence) for every prototype of one component."""
    return [
        (number, text.strip())
        for number, joined in PROTOTYPES[component].items()
        for text in joined.split("|")
        if text.strip()
    ]


def prototype_hash(encoder_hash: str) -> str:
    """The coder's model hash on the encoder of this hash (the prototypes' texts and the encoder)."""
    digest = hashlib.sha256(repr(sorted(PROTOTYPES.items())).encode()).hexdigest()[:12]
    return f"{encoder_hash[:12]}+proto-{digest}"


class PrototypeCoder:
    """Nearest-prototype coding of short texts on a sentence encoder (an :class:`~reverie.analysis.encoder.Encoder`)."""

    def __init__(self, encoder: Any) -> None:
        self.encoder = encoder
        self._matrices: dict[str, tuple[list[int], Any]] = {}

    @property
    def model_hash(self) -> str:
        return prototype_hash(self.encoder.model_hash)

    def _matrix(self, component: str) -> tuple[list[int], Any]:
        if component not in self._matrices:
            rows = prototype_sentences(component)
            vectors = self.encoder.encode([text for _, text in rows])
            self._matrices[component] = ([number for number, _ in rows], vectors)
        return self._matrices[component]

    def best(self, component: str, texts: Sequence[str]) -> tuple[int, float, int] | None:
        """The most similar cluster over ``texts``: (cluster, similarity, index of the text), or None when no
        prototype is close enough or the best two clusters are too close to call."""
        if not texts:
            return None
        return self.best_of_vectors(component, self.encoder.encode(list(texts)))

    def best_of_vectors(self, component: str, vectors: Any) -> tuple[int, float, int] | None:
        """:meth:`best` over vectors already encoded (one row per candidate: the sentence vectors the pipeline
        has, so no extra encoder pass)."""
        if len(vectors) == 0:
            return None
        numbers, prototypes = self._matrix(component)
        similarities = vectors @ prototypes.T
        per_cluster: dict[int, tuple[float, int]] = {}
        for index, row in enumerate(similarities):
            for number, value in zip(numbers, row, strict=True):
                if number not in per_cluster or value > per_cluster[number][0]:
                    per_cluster[number] = (float(value), index)
        ranked = sorted(per_cluster.items(), key=lambda kv: -kv[1][0])
        (number, (top, index)), (_, (second, _)) = ranked[0], ranked[1]
        if top < PROTOTYPE_MIN_SIMILARITY or top - second < PROTOTYPE_MIN_MARGIN:
            return None
        return number, top, index


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
    # an entry whose first word is nowhere in the clause cannot match: it is not scanned (nor even looked at:
    # the entries are found by their first word, then taken in the lexicon's order, as a scan would meet them)
    present = set().union(*forms)
    table, by_first = entries(component), _by_first_word(component)
    chosen = sorted(i for word in present for i in by_first.get(word, ()))
    candidates = [(table[i], p) for i in chosen if (p := _find(table[i].words, forms, ordered)) is not None]
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


# ---- Scoring ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Code:
    """One coded component: the cluster, its evidence and how sure the coding is."""

    cluster: int
    span: Span
    confidence: float


def best_per_cluster(matches: list[tuple[int, float, Any]]) -> list[tuple[int, float, Any]]:
    """One piece of evidence per cluster per clause: its strongest match."""
    best: dict[int, tuple[int, float, Any]] = {}
    for found in matches:
        if found[0] not in best or found[1] > best[found[0]][1]:
            best[found[0]] = found
    return list(best.values())


class Tally:
    """Scores per cluster with the strongest evidence span of each."""

    def __init__(self) -> None:
        self.scores: dict[int, float] = {}
        self.evidence: dict[int, tuple[float, Span]] = {}
        self.first: dict[int, int] = {}

    def add(self, number: int, score: float, span: Span, at: int | None = None) -> None:
        """Add evidence; ``at`` (the matched word's offset) orders ties, else the span's start."""
        self.scores[number] = self.scores.get(number, 0.0) + score
        self.first[number] = min(self.first.get(number, 1 << 62), span.start if at is None else at)
        if number not in self.evidence or score > self.evidence[number][0]:
            self.evidence[number] = (score, span)

    def decide(self) -> Code | None:
        """The best cluster (ties: the earliest evidence); confidence grows with the score and with the lead
        over the runner-up."""
        if not self.scores:
            return None
        ranked = sorted(self.scores.items(), key=lambda kv: (-kv[1], self.first[kv[0]]))
        best, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        confidence = 0.3 + 0.4 * min(top, 1.5) / 1.5 + 0.25 * (top - second) / top
        return Code(best, self.evidence[best][1], max(0.05, min(0.95, confidence)))


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
