"""Defenses: each sentence classified into a DMRS level (0–8), with the specific defense when supported.

"No defense identified" is the default. With the shipped head (``models/defenses/head.npz``, trained by
``scripts/train_defenses.py`` on Reverie's own journal-voice bank ``models/defenses/bank.jsonl`` and the DMRS
examples; never on PsyDefConv), a sentence is given a level 1–7 only when the head's probability for that
level reaches ``threshold``, chosen on out-of-fold predictions so that shown levels are right more often than
wrong; otherwise it is level 0 with ``data["abstained"] = True``. Without the head the older method below runs.

Older method (nothing here is trained on PsyDefConv, which is CC BY-NC): the sentence's embedding from the shared
encoder (``doc.embeddings``; in sessions and dialogues blended with the preceding sentence's) is compared with
Reverie's own example sentences for each level (:mod:`reverie.analysis.dmrs`); a few hand-written cues add
evidence for specific defenses (humor markers, "it doesn't matter anyway", "it's all their fault", "I just want
to scream at everyone" …); and a prior leans toward high-adaptive and no-defense, the commonest labels.
A specific defense is named only when a cue for it fired or its example was the nearest one by a margin.
Per entry, an ``odf`` finding gives overall defensive functioning over the coded sentences.

The risk guard (fifth round): a sentence the risk screen's lexicon reads as the writer's own risk at ideation or
above (a wish to die, burdensomeness with death, no point in living, self-harm, a plan or an attempt; after its
negations, quotations, other people, figures of speech and dreams are set aside) is never given a defense level,
whatever the head or the older method says: it is "No defense identified" with ``data["risk_guard"] = True``.
Despair stated plainly is no defense; the risk screen reads it, and ODF must not. Since 2.7.0 (tenth round) the risk
denied is set aside too ("I will never take my own life" was shown as omnipotence): a plain statement about one's
safety or risk, affirmed or denied, is no defense.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from reverie.analysis import dmrs
from reverie.analysis import risk_lexicon as risk_lex
from reverie.analysis.findings import Finding
from reverie.analysis.regex_gate import TextGate, fold, may_match_folded
from reverie.analysis.registry import Declaration, file_sha256, register

if TYPE_CHECKING:
    import numpy.typing as npt

    from reverie.analysis.document import Document
    from reverie.analysis.encoder import Encoder

VERSION = "2.7.0"
HEAD_DIR = Path(__file__).resolve().parent / "models" / "defenses"
HEAD_SCHEMA = "reverie.defense-head/1"
LABELS = tuple(range(9))
NO_DEFENSE_IDENTIFIED = "No defense identified"
MIN_CODED_FOR_ODF = 3  # coded defense sentences an entry needs before its ODF is given
DIALOGUE_KINDS = frozenset({"session", "session_note", "session_transcript", "dialogue", "transcript"})
CONTEXT_WEIGHT = 0.25  # how much of the preceding sentence is blended in, in dialogues and sessions
# The three weights and the prior's offset were chosen on the staged PsyDefConv rows (see docs/defenses.md):
# the figure on those rows is therefore optimistic; the untuned first setting is reported next to it.
SIMILARITY_WEIGHT = 2.0
CUE_WEIGHT = 1.2
NAME_MARGIN = 0.04  # the nearest example's defense is named only this far ahead of the level's runner-up
# Leaning toward the commonest labels (high-adaptive is about half of coded utterances, no-defense a sixth).
PRIOR = {0: -0.15, 1: -0.75, 2: -0.95, 3: -0.7, 4: -0.8, 5: -1.05, 6: -0.55, 7: 0.0, 8: -1.8}


@dataclass(frozen=True, slots=True)
class Cue:
    level: int
    defense: str | None
    pattern: re.Pattern[str]


def _cue(level: int, defense: str | None, pattern: str) -> Cue:
    return Cue(level, defense, re.compile(pattern, re.IGNORECASE))


CUES: tuple[Cue, ...] = (
    _cue(
        0,
        None,
        r"^\W*(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening|night))\b[^.?!]{0,25}[.?!]*\W*$",
    ),
    _cue(
        0,
        None,
        r"^\W*(?:ok(?:ay)?|thanks?(?:\s+you)?(?:\s+so\s+much)?|thx|ty|bye|goodbye|you\s+too|same\s+to\s+you)",
    ),
    _cue(0, None, r"\b(?:thank\s+you|thanks)\b.{0,40}\b(?:help|time|advice|chat|talking|listening)\b"),
    _cue(0, None, r"^\W*(?:how\s+are\s+you|are\s+you\s+there|you\s+there)\b"),
    _cue(7, "humor", r"\b(?:haha+|lol|lmao|hehe)\b|(?:😂|🤣|😅)"),
    _cue(
        7,
        "affiliation",
        r"\b(?:talk(?:ed|ing)?|reach(?:ed)?\s+out|open(?:ed)?\s+up)\s+to\s+(?:my|a)\s+\w+"
        # eighth round: telling someone how bad it is ("told him straight I was struggling"), talking it through
        r"|\b(?:told|tell)\s+(?:him|her|them)\s+(?:straight\s+|honestly\s+)?(?:that\s+)?(?:i\s+(?:was|am|'m)\s+"
        r"(?:in\s+a\s+dark\s+place|frightened|scared|struggling|not\s+coping)|i\s+couldn'?t\s+cope|how\s+"
        r"(?:low|bad|scared|frightened))|\bwe\s+talked\s+it\s+through\b",
    ),
    _cue(
        7,
        "self_assertion",
        # "I told him I need …", not "I told my flatmate I was fine with it" (a report, no assertion)
        r"\bi\s+(?:told|let)\s+(?:him|her|them|my\s+\w+)\s+(?:know\s+)?(?:that\s+)?i\s+(?:need|want|won'?t|will\s+not|"
        r"(?:don'?t|didn'?t|do\s+not|did\s+not)\s+(?:like|want|agree|accept)|am\s+not\s+(?:ok|okay|happy|willing)|"
        r"wasn'?t\s+(?:ok|okay|happy|willing)|(?:can'?t|cannot)\s+(?:keep|take\s+on|accept|carry\s+on)|felt|feel|"
        r"disagree|expect|deserve)"
        # eighth round: the refusal said to anyone ("the foreman", "my team lead"), with or without "I" before
        # "told", with the manner said ("calmly", "politely but firmly"), "said to … that I do not agree"
        r"|\b(?:told|informed|said\s+to)\s+(?:him|her|them|(?:my|the|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+"
        r"(?:(?:calmly|firmly|politely|directly|straight|clearly|plainly)(?:\s+but\s+(?:firmly|calmly|clearly))?\s+)?"
        r"(?:that\s+)?[^.;]{0,30}\bi\s+(?:won'?t|will\s+not|do\s+not\s+agree|don'?t\s+agree)\b",
    ),
    _cue(
        7,
        "self_observation",
        r"\bi\s+(?:notice|realis|realiz|see\s+now|think\s+i\s+(?:do|get|am))"
        # eighth round: "I've noticed (that) I …", "I can see that I …": the writer's own pattern seen
        r"|\bi(?:'ve|\s+have)\s+(?:noticed|realised|realized)\s+(?:that\s+)?i\b|\bi\s+can\s+see\s+(?:now\s+)?that\s+i\b",
    ),
    _cue(
        7,
        "anticipation",
        r"\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|i\s+plan\s+to|planning\s+to)\s+(?:try|start|prepare|look\s+into|make\s+a\s+plan)"
        # eighth round: what I'll say or do written down beforehand; someone warned ahead; the blow foreseen
        r"|\b(?:written|wrote|made\s+a\s+list\s+of)\s+(?:down\s+)?what\s+i'?ll\s+(?:say|do)\b"
        r"|\bwarned\s+\w+\s+(?:ahead|in\s+advance|beforehand)\b"
        r"|\bi\s+(?:know|knew)\b[^.;]{0,60}\b(?:will|would|'ll)\s+get\s+(?:to\s+me|under\s+my\s+skin)",
    ),
    _cue(
        7,
        "sublimation",
        r"\b(?:work\s*out|exercise|run|running|paint|painting|write|writing|music|yoga|meditat\w*)\b.{0,30}\b(?:relieve|helps?|calm|release|stress)"
        # eighth round: the anger or grief put into a made thing ("all the fury went into the song")
        r"|\b(?:anger|rage|fury|grief)\b[^.;]{0,40}\b(?:went|goes|gone|put|poured|channel\w*)\s+(?:it\s+)?into\s+"
        r"(?:the|a|my|\w+ing)\b|\bput\s+all\s+(?:the|my)\s+(?:anger|rage|fury|grief)\b[^.;]{0,40}\binto\b",
    ),
    _cue(
        7,
        "suppression",
        r"\b(?:try(?:ing)?\s+not\s+to\s+think\s+about|put(?:ting)?\s+it\s+(?:aside|out\s+of\s+my\s+mind)|deal\s+with\s+it\s+(?:later|tomorrow))"
        # eighth round: the worry set aside until a time chosen ("decided to park it until Friday")
        r"|\bdecided\s+(?:not\s+to\s+think\s+about|to\s+(?:set|put|park)\s+it\s+aside|to\s+park\s+it)"
        r"|\bi'?ll\s+deal\s+with\s+it\s+when\b",
    ),
    _cue(
        6,
        "intellectualization",
        r"\b(?:statistic\w*|logically|technically|in\s+general|generally\s+speaking|from\s+a\s+\w+\s+(?:point\s+of\s+view|perspective)|it'?s\s+(?:a\s+)?(?:common|normal)\s+(?:thing|phenomenon))\b",
    ),
    _cue(
        6,
        "isolation_of_affect",
        r"\b(?:i\s+(?:don'?t|do\s+not)\s+(?:really\s+)?feel\s+(?:anything|much)|it\s+is\s+what\s+it\s+is|i\s+feel\s+nothing)\b"
        # eighth round: an event told or handled "and felt nothing at all" (after the act: "I've felt nothing for
        # weeks" is low mood, not this)
        r"|\band\s+felt\s*,?\s*(?:if\s+i'?m\s+honest\s*,\s*)?(?:nothing|no\s+(?:emotion|feeling))\s*(?:at\s+all|much|whatsoever)",
    ),
    _cue(
        6,
        "undoing",
        r"\b(?:i\s+didn'?t\s+mean\s+(?:it|that)|i\s+take\s+(?:it|that)\s+back|make\s+it\s+up\s+to)\b"
        # eighth round: an act done to cancel a hurtful one ("… to cancel it out", "as if that would undo it")
        r"|\b(?:cancel(?:led|s)?\s+(?:it|that|this|the\s+\w+(?:\s+\w+)?)\s+out|to\s+cancel\s+(?:it|that|this)\b|as\s+if\s+"
        r"(?:that|it|this|the\s+\w+)\s+(?:would|could)\s+(?:cancel|undo|unsay|unpick|take\s+back|wipe)|(?:like|as\s+if)\s+i\s+"
        r"never\s+said\s+it)",
    ),
    _cue(
        5,
        "dissociation",
        r"\b(?:zon(?:e|ed|ing)\s+out|watch(?:ing|ed)\s+myself|felt\s+unreal|feel\s+unreal|like\s+a\s+dream|numb\s+to\s+everything"
        # eighth round: the self seen from outside ("like watching somebody else", "floated up above")
        r"|like\s+(?:i\s+was\s+)?watching\s+(?:some(?:body|one)\s+else|some\s+other)|float(?:ed|ing)\s+(?:up\s+to|(?:up\s+)?above)"
        r"|happening\s+to\s+some(?:body|one)?\s+(?:else|other))\b",
    ),
    _cue(
        5,
        "repression",
        r"\b(?:can'?t\s+remember\s+(?:why|what)|no\s+idea\s+why\s+i|don'?t\s+know\s+why\s+i)\b(?!\s+(?:even\s+)?bother)"
        # eighth round: a whole stretch of the past gone ("no memory of that whole week", "only a blank")
        r"|\b(?:(?:no|not\s+a|not\s+one)\s+(?:memory|memories)\s+of\s+(?:that|the\s+whole|those)|can'?t\s+(?:bring\s+back|"
        r"pull\s+up|get\s+back)\s+(?:any|one|a\s+single|anything)|(?:just|only)\s+a\s+blank|(?:gone|missing)\s+from\s+my\s+"
        r"(?:head|memory))",
    ),
    _cue(
        5,
        "displacement",
        r"\b(?:took\s+it\s+out\s+on|snapp?(?:ed)?\s+at\s+(?:the|my)\s+(?:dog|cat|kids?|cashier|waiter))\b"
        # eighth round: an outburst at a bystander after something else ("… then shouted at the dog", "came home
        # and had a go at the kids"); without what came before ("I shouted at the kids") it is no displacement
        r"|\b(?:then|home\s+and|so\s+i)\b[^.;]{0,40}\b(?:shout(?:ed)?|yell(?:ed)?|bawl(?:ed)?|scream(?:ed)?|had\s+a\s+go)"
        r"\s+at\s+(?:the|my|a|our)\s+(?:dog|cat|kids?|cashier|waiter|postman|neighbou?r)\b",
    ),
    _cue(
        5,
        "reaction_formation",
        r"\b(?:extra\s+(?:nice|sweet|kind)|over(?:ly)?\s+nice)\b"
        # eighth round: the writer's own kindness overdone ("I'm ever so fond of") or said with its opposite; another's
        # kindness praised ("my nan is ever so kind") is not it
        r"|\bi(?:'m|\s+am)\s+(?:always\s+)?(?:extra|over(?:ly)?|ever\s+so|so\s+very|very\s+very)\s+"
        r"(?:nice|sweet|kind|polite|friendly|fond|generous)\b|\b(?:although|though|but)\s+(?:the\s+truth\s+is\s+)?i\s+"
        r"(?:can'?t|cannot)\s+stand\s+(?:her|him|them)",
    ),
    _cue(
        4,
        "devaluation_self",
        r"\bi'?m\s+(?:so\s+|such\s+an?\s+|just\s+)?(?:stupid|useless|worthless|a\s+failure|an\s+idiot|pathetic|a\s+loser)\b",
    ),
    _cue(
        4,
        "devaluation_other",
        r"\b(?:he|she|they|my\s+\w+)\s+(?:is|are|was|were)\s+(?:so\s+|such\s+an?\s+)?(?:useless|stupid|idiots?|clueless|pathetic|a\s+loser|incompetent)\b",
    ),
    _cue(
        4,
        "idealization_other",
        r"\b(?:is|was)\s+(?:so\s+)?(?:perfect|the\s+best\s+\w+\s+(?:ever|in\s+the\s+world))\b"
        # eighth round: "a saint" (once a splitting cue) and "never made one mistake" idealise; they do not split
        r"|\b(?:she|he)\s+(?:is|was)\s+(?:like\s+)?a\s+saint\b|\bnever\s+(?:once\s+)?(?:said|made|makes|did)\s+(?:one|a\s+"
        r"single|even\s+one)\s+(?:wrong|mistake|bad)",
    ),
    _cue(
        4,
        "omnipotence",
        r"\b(?:i\s+don'?t\s+need\s+(?:anyone|anybody|help)|i\s+can\s+handle\s+(?:it|anything|everything)\s+(?:on\s+my\s+own|myself|alone)?)"
        # eighth round: a need waved off with a claim of strength ("I don't need the X, I can …"), or the writer
        # above everyone ("sharper than all of them")
        r"|\bi\s+(?:don'?t|do\s+not)\s+need\s+(?:the\s+|a\s+|any\s+)?[\w']+(?:\s+[\w']+)?\s*[,;]\s*i(?:'ve|\s+have|\s+can|"
        r"\s+am|'m)\b[^.;]{0,60}\b(?:stronger|tougher|better|worse|anything|just\s+by)\b"
        r"|\bi(?:'m|\s+am|\s+can)\b[^.;]{0,60}\b(?:better|sharper|stronger)\s+than\s+(?:any(?:one|body)|all\s+of\s+them)",
    ),
    _cue(
        3,
        "denial",
        r"^\W*(?:i'?m\s+(?:fine|ok(?:ay)?|good)|it'?s\s+(?:fine|nothing))\b|\b(?:doesn'?t|does\s+not)\s+bother\s+me\b"
        # eighth round: the trouble named and waved away ("but I feel fine", "not a problem", "not worried at all")
        r"|\b(?:but|so)\s+i\s+feel\s+(?:completely\s+|perfectly\s+)?fine\b|\bbut\s+(?:it|this|that)(?:'s|\s+is)\s+(?:really\s+|"
        r"genuinely\s+)?not\s+a\s+problem\b|\b(?:genuinely|honestly)\s+not\s+a\s+problem\b|\b(?:i\s+am|i'?m)\s+not\s+"
        r"(?:worried|bothered|sad|upset)\s*,?\s*(?:really\s*,?\s*)?(?:at\s+all|one\s+bit)",
    ),
    _cue(
        3,
        "rationalization",
        r"\b(?:doesn'?t\s+matter\s+anyway|for\s+the\s+best|i\s+guess\s+it'?s\s+(?:ok|fine|normal))"
        # eighth round: an avoidance given a good-sounding reason ("skipped it, but only because …, anyway")
        # (ninth round: "was better than ever" is a comparison, not a reason: "I skipped lunch and dinner was better
        # than ever" is none; the change reads no bank row, key sentence or DMRS example differently)
        r"|\b(?:skipped|missed|didn'?t\s+(?:go|apply|ring|call)|did\s+not\s+(?:go|apply))\b[^.;]{0,100}\b(?:anyway|"
        r"only\s+because|(?:was|is)\s+(?:better(?!\s+than)|sensible|for\s+the\s+best))\b|\bbut\s+it'?s\s+fine\s*,[^.;]{0,80}"
        r"\banyway\b",
    ),
    _cue(
        3,
        "projection",
        r"\b(?:(?:it'?s|it\s+is)\s+(?:all\s+)?(?:their|his|her|your)\s+fault|(?:she|he|they)'?(?:s|re)\s+the\s+(?:one|ones)\s+who|(?:everyone|they)\s+(?:is|are)\s+(?:jealous|out\s+to\s+get))"
        # eighth round: the feeling disowned and given to others ("I'm not the angry one, it's them"), or a hidden
        # hostile motive read in others ("they are secretly hoping I fail"; not the writer's own "I was secretly …")
        r"|\b(?:i'?m|i\s+am)\s+not\s+(?:the\s+one|angry|jealous)\b[^.;]{0,60}\b(?:it'?s|it\s+is)\s+(?:the|them|they|him|"
        r"her|my)\b[^.;]{0,40}\b(?:who|that|always)\b|(?<!\bi\s)\b(?:is|are|was|were)\s+(?:so\s+)?(?:secretly|obviously)\s+(?:waiting|envious|jealous|hoping)",
    ),
    _cue(
        3,
        "autistic_fantasy",
        r"\b(?:daydream\w*|fantasi[sz]\w*\s+about|imagin(?:e|ing)\s+a\s+(?:different|better)\s+life)\b"
        # eighth round: a task left for an imagined scene ("instead of phoning … I spent the evening picturing …")
        r"|\binstead\s+of\b[^.;]{0,80}\b(?:imagining|picturing|dreaming)\b"
        r"|\bspent\s+the\s+(?:whole\s+)?\w+\s+(?:\w+\s+){0,3}(?:imagining|picturing)\b",
    ),
    _cue(
        2,
        "splitting_other",
        # "a saint" moved to idealization (eighth round): praise without its opposite is not splitting
        r"\b(?:no\s*one|nobody)\s+(?:ever|never)\b|\b(?:everyone|everybody)\s+(?:always|hates|is\s+against)\b|\b(?:pure\s+evil|dead\s+to\s+me)\b",
    ),
    _cue(
        2,
        "splitting_self",
        r"\b(?:nothing\s+good\s+(?:in|about)\s+me|totally\s+(?:rotten|worthless)|completely\s+worthless)\b",
    ),
    # eighth round: all good, then all bad ("was the best … now the worst"; "either brilliant or nothing"), of the
    # self or of others: named by the nearest example
    _cue(
        2,
        None,
        r"\b(?:was|were)\s+(?:the\s+)?(?:best|kindest|greatest|finest|a\s+hero|heaven|gods?|angels?|wonderful|perfect)\b"
        r"[^.;]{0,100}\b(?:now|since|until|after|then)\b[^.;]{0,80}\b(?:worst|devils?|snakes?|hell|rotten|a\s+fake|"
        r"a\s+fraud|not\s+one\s+good|never\s+cared)|\b(?:one\s+(?:day|week|minute)|either)\b[^.;]{0,80}\b(?:brilliant|"
        r"finest|genius|perfect|best|angels?|heaven|good)\b[^.;]{0,80}\b(?:or|next|the\s+next)\b[^.;]{0,60}\b(?:nothing|"
        r"garbage|rubbish|rotten|fraud|fake|disgrace|worthless|enemies|devils?|hell)",
    ),
    _cue(
        1,
        "acting_out",
        r"\b(?:scream\s+at|smash(?:ed)?|punch(?:ed)?\s+(?:the\s+)?wall|threw\s+(?:(?:a|the|my|his|her|their)\s+)?(?:plates?|glass(?:es)?|cups?|mugs?|phone|chairs?|bottles?|things|stuff|everything|it)\b|stormed\s+out|blacked\s+out|got\s+(?:so\s+)?drunk|binge\w*|addict\w*)\b"
        # eighth round: a reckless act with the consequence waved off ("… and didn't care what happened")
        r"|\b(?:didn'?t|did\s+not)\s+care\s+what\s+happen\w*",
    ),
    _cue(
        1,
        "help_rejecting_complaining",
        r"\b(?:tried\s+everything|nothing\s+(?:works|helps)|that\s+won'?t\s+work|yes\s*,?\s*but|no\s+use|won'?t\s+help)\b"
        # eighth round: the help offered, listed and turned down as useless ("everyone gives me advice but none of
        # it will work", "every idea is useless", "so why do they bother"); the writer's own ideas are no help offered
        r"|(?<!my\s)\b(?:advice|suggest\w*|ideas?|tips|offers?)\b[^.;]{0,120}\b(?:none\s+of\s+(?:it|them)\s+(?:will|would|ever|"
        r"works?|helps?|is\s+any)|nothing\s+(?:will|would|ever)\s+(?:work|help)|(?:every|each)\s+(?:one|idea)\s+(?:is|was)\s+"
        r"(?:useless|pointless|no\s+good)|why\s+(?:do\s+)?(?:they|she|he)\s+(?:even\s+)?bother|what'?s\s+the\s+point\s+of\s+"
        r"(?:her|him|them))",
    ),
    _cue(
        1,
        "passive_aggression",
        r"\b(?:fine\s*,?\s*whatever|let\s+(?:him|her|them)\s+wonder|didn'?t\s+(?:reply|answer)\s+on\s+purpose|whatever\s+you\s+say)\b"
        # eighth round: agreed to, then not done or done badly ("said of course, then forgot"; "just happen to
        # forget")
        r"|\b(?:said|say|says)\s+['\"‘]?(?:yes|yeah|of\s+course|sure|fine|no\s+bother|no\s+problem|i'?d\s+\w+)\b[^.;]{0,80}"
        r"\b(?:then|but)\b[^.;]{0,60}\b(?:didn'?t|never|forgot|forget|left\s+(?:it|them)|slowly|late|wrong|took\s+(?:my|"
        r"ages|forever))|\b(?:just\s+happen(?:ed)?\s+to\s+forget|somehow\s+forgot|conveniently\s+forg[eo]t)\b",
    ),
    # Ninth round (d9): constructions the nine seen key files still missed, each in >= 2 files by different writers
    # (docs/defenses.md, "Ninth round (d9)"). Separate cues, so that a sentence an older cue of the same level already
    # reads counts twice; each scoped against the look-alikes in tests/analysis_defenses/test_defense_round9.py.
    _cue(
        1,
        "passive_aggression",
        # agreed to, then done so as to defeat it ("said no bother, and it'll get done very slowly", "agreed with a smile
        # and sent them … in the wrong format", "sent it in the one format her software can't read", "sent them, slowly")
        r"\b(?:agreed|said\s+['\"‘]?(?:yes|yeah|of\s+course|sure|fine|no\s+bother|no\s+problem))\b[^.;]{0,80}\b(?:"
        r"(?:get|be|got)\s+done\s+(?:very\s+)?slowly|(?:in|at)\s+the\s+wrong\s+(?:format|scale|size|order)|"
        r"(?:format|version|file)\s+(?:that\s+)?(?:her|his|their)\s+(?:\w+\s+)?(?:can'?t|cannot|won'?t)\s+(?:read|open))"
        r"|\b(?:sent|did|handed\s+(?:in|over)|delivered)\s+(?:it|them)\s*,\s*(?:very\s+)?slowly\b",
    ),
    _cue(
        1,
        "acting_out",
        # a blow, then drink or money past sense ("After the rejection email I went out, drank eleven pints", "drove
        # straight to the bar and drank until they took my keys", "got his text and … booked a flight … on money I don't
        # have", "blew my whole week's wages")
        r"\b(?:after|when|got|instead\s+of)\b[^.;]{0,80}\b(?:went|drove|walked|headed)\b[^.;]{0,60}\bdrank\s+(?:until|till|"
        r"the\s+[\w-]+\s+money|(?:\w+teen|ten|eleven|twelve|twenty|too\s+many)\s+pints)\b"
        r"|\bblew\s+(?:my|the|our)\s+whole\s+[\w']+(?:\s+[\w']+)?\s+(?:wages|pay|savings|rent)\b"
        r"|\b(?:got|after|when)\b[^.;]{0,60}\bbooked\s+a\s+flight\b[^.;]{0,60}\b(?:on\s+the\s+spot|money\s+i\s+(?:don'?t|"
        r"didn'?t)\s+have)",
    ),
    _cue(
        1,
        "help_rejecting_complaining",
        # the help offered by name, listed, and turned down ("they give me doctors, exercises, a massage, but … nothing
        # will work", "the vet says …, the bank says …, and none of it is any use", "sent me to physio … and every one of
        # them was useless")
        r"\b(?:says?|give\s+me|gave\s+me|(?:has\s+|have\s+)?sent\s+me\s+to|tells?\s+me\s+to|told\s+me\s+to)\b[^.;]{0,120}\b(?:"
        r"none\s+of\s+(?:it|them)\s+(?:is|was|will|would)\s+(?:any\s+(?:use|good)|work|help)|nothing\s+(?:will|would|ever)\s+"
        r"(?:work|help)(?!\s+(?:except|but|apart|unless))|every\s+one\s+of\s+them\s+(?:was|is|were)\s+(?:useless|no\s+good|"
        r"pointless)|why\s+(?:do\s+)?(?:they|she|he)\s+(?:even\s+)?bother)",
    ),
    _cue(
        2,
        None,
        # all good, then all bad after a turn the eighth round's cue missed ("; now", "; one dropped card", "an angel …
        # now … evil", "one good day … one bad day", "On Monday … on Tuesday", "when I win … when I lose"); two groups,
        # one all good and one all bad ("the best lads on earth and red watch are scum"). Named by the nearest example.
        r"\b(?:was|were)\s+(?:the\s+|an?\s+)?(?:best|kindest|greatest|finest|hero|heaven|gods?|angels?|genius|wonderful|"
        r"perfect)\b[^.;]{0,100};\s*(?:now|since|then|one)\b[^.;]{0,80}\b(?:worst|devils?|snakes?|hell|rotten|fake|fraud|"
        r"evil|poison|scum|worthless|never\s+cared)\b"
        r"|\b(?:was|were)\s+an?\s+(?:angel|hero|saint|genius)\b[^.;]{0,100}\bnow\b[^.;]{0,80}\b(?:evil|poison|scum|devils?|"
        r"rotten|fake|fraud|worthless|all\s+bad)\b"
        r"|\b(?:one\s+good\s+(?:day|week|night|game)|on\s+\w+day|when\s+i\s+win)\b[^.;]{0,80}\b(?:brilliant|genius|greatest|"
        r"gods?|hero)\b[^.;]{0,80}\b(?:one\s+bad\s+(?:day|week|night|game)|on\s+\w+day|when\s+i\s+lose)\b[^.;]{0,80}\b"
        r"(?:nothing|rubbish|trash|fraud|fake|failure|worthless)\b"
        r"|\b(?:are|were)\s+(?:the\s+best\b|gods?\b|angels?\b|heroes\b)[^.;]{0,60}\band\s+(?:the\s+)?[\w\s]{0,30}?\b(?:are|"
        r"were)\s+(?:scum|devils?|vermin|evil|snakes?)\b",
    ),
    _cue(
        2,
        "projective_identification",
        # the hostility read in the other, provoked until it shows, and taken as proof ("I knew my wife had gone cold on
        # me, so I kept picking at her … until she finally screamed …, which proves …"; "I was certain … despised me, so I
        # was cold … until she lost her temper …, and there it was")
        r"\bi\s+(?:knew|was\s+(?:certain|sure|convinced))\b[^.;]{0,60}\bso\s+i\b[^.;]{0,80}\buntil\s+(?:she|he|they)\b"
        r"[^.;]{0,80}\b(?:proves?|proved|there\s+it\s+was|just\s+as\s+i|as\s+i\s+(?:knew|said))\b",
    ),
    _cue(
        3,
        "denial",
        # the trouble named by others, then waved away ("The bank says I'm overdrawn … but … there's nothing wrong with
        # my finances", "Everyone keeps pointing out … but … there's nothing wrong with me", "My doctor said … but I am
        # fine", "Everybody says … but … nothing has changed")
        r"\b(?:says?|said|keeps?\s+(?:saying|pointing\s+out|telling\s+me)|swears?|tells\s+me)\b[^.;]{0,100}\bbut\b[^.;]{0,80}\b"
        r"(?:i(?:'m|\s+am)\s+(?:perfectly\s+|completely\s+)?fine\b(?!\s+now)|there(?:'s|\s+is)\s+nothing\s+wrong\s+with\s+"
        r"(?:me|my\s+(?:finances|health|eating|drinking|body|heart|money|marriage))\b|nothing\s+has\s+changed)",
    ),
    _cue(
        3,
        "projection",
        # the anger given to others, the writer calm ("it is Anke who is always furious with me, I am completely calm",
        # "It's the sopranos who are angry and critical …, I'm perfectly calm"; "My sister is the one who's angry, not me")
        r"\bwho\s+(?:is|are|'s|'re)\s+(?:always\s+)?(?:angry|furious|critical|jealous|hostile)\b[^.;]{0,100}\bi(?:'m|\s+am)\s+"
        r"(?:perfectly|completely|totally)\s+calm\b|\bthe\s+one\s+who(?:'s|\s+is)\s+(?:always\s+)?(?:angry|furious|jealous|"
        r"critical|hostile)\s*,\s*not\s+me\b",
    ),
    _cue(
        3,
        "rationalization",
        # the avoidance made a kindness or good sense ("Skipped Mum's call …, so really it was the kind thing to do", "so
        # staying home was the sensible call really", "but really it's better for her"); the shout made a lesson ("I only
        # shouted because the kids need to learn")
        r"\b(?:skipped|missed|didn'?t\s+(?:go|apply|ring|call)|did\s+not\s+(?:go|apply))\b[^.;]{0,120}\b(?:was|is|it'?s)\s+"
        r"(?:the\s+|a\s+)?(?:better|sensible|kind|right|kindest)\s+(?:thing|call|choice|for\s+(?:her|him|them|everyone))\b"
        r"|\bi\s+only\s+(?:shouted|snapped|yelled|smacked|hit)(?:\s+at\s+(?:the\s+|my\s+)?\w+)?\s+because\s+(?:she|he|they|the\s+\w+)\s+"
        r"needs?\s+to\b",
    ),
    _cue(
        3,
        "autistic_fantasy",
        # a whole other life made up in the head ("make up a whole other life where …", "I go away in my head to my own
        # farm")
        r"\b(?:make|made|making)\s+up\s+a\s+(?:whole\s+)?(?:other|different|new)\s+life\s+(?:where|in\s+which)\b"
        r"|\bgo(?:es)?\s+away\s+in\s+my\s+head\b",
    ),
    _cue(
        4,
        None,
        # another (or the writer) made a nothing in a string of put-downs ("a nobody, a complete zero", "a total
        # nothing, zero skills", "a nothing person, no brain"); "not worth the air / the horsehair", "worth less than
        # fish guts"; "I'm a useless fraud". Named by the nearest example.
        r"\b(?:is|was|are|were)\s+(?:simply\s+|just\s+)?an?\s+(?:(?:complete|total|absolute|useless)\s+)?(?:nobody|"
        r"nothing(?:\s+person)?|zero)\s*,\s*(?:an?|no|zero|not)\b"
        r"|\b(?:not|nothing|isn'?t|aren'?t)\b[^.;]{0,50}\bworth\s+the\s+(?:air|breath|oxygen|horsehair|stone|space)\b"
        r"|\bworth\s+less\s+than\s+(?:\w+\s+)?(?:guts|dirt|muck|nothing)\b"
        r"|\bi'?m\s+(?:just\s+)?an?\s+(?:useless|talentless|worthless|hopeless)\s+(?:fraud|failure|idiot|waste|fool|mess)\b",
    ),
    _cue(
        4,
        None,
        # above everyone, never wrong ("I am simply better than them", "I never get a decision wrong", "never once laid a
        # letter that wasn't perfect"); another without equal ("the strongest and wisest person alive", "no woman alive
        # could compare with her"). Named by the nearest example.
        r"\bi(?:'m|\s+am)\s+(?:simply\s+|just\s+)?(?:better|sharper|stronger|smarter)\s+than\s+(?:them(?:\s+all)?|the\s+"
        r"(?:rest|lot)(?:\s+of\s+them)?)\b(?!\s+at\b)|\bi\s+(?:have\s+)?never\s+(?:once\s+)?(?:get|got|made|make|laid|put)\s+"
        r"(?:a|one)\s+\w+\s+(?:wrong|that\s+(?:wasn'?t|isn'?t)\s+perfect)\b|\bno\s+(?:one|man|woman|person)\s+alive\s+"
        r"(?:could|can)\s+(?:compare|match|touch)\b|\b(?:strongest|wisest|kindest|bravest|finest)\s+(?:and\s+\w+\s+)?"
        r"(?:person|man|woman)\s+alive\b",
    ),
    _cue(
        5,
        "reaction_formation",
        # the hostile feeling named, then overdone kindness to its object ("furious that my sister got the house, so I
        # threw her the loveliest party", "I resent the new manager so much that I keep volunteering to help her")
        r"\b(?:furious|resent\w*|hate|livid|jealous|envious|can'?t\s+stand)\b[^.;]{0,60}\bso\s+(?:much\s+that\s+)?i\b"
        r"[^.;]{0,30}\b(?:(?:threw|bake|baked|bought|made)\s+(?:her|him|them)\s+the\s+(?:loveliest|biggest|best|nicest)|"
        r"keep\s+(?:volunteering|offering|praising))",
    ),
    _cue(
        5,
        "repression",
        # the feeling there, its object gone ("had no idea what I was upset about", "bothering me all week but I can't
        # for the life of me think what it is"); the past a blank ("when I try to think of it there is only a white
        # wall", "nothin in my head from that whole week")
        r"\bno\s+idea\s+what\s+i\s+was\s+(?:so\s+)?(?:upset|crying|angry|sad|scared)\s+about\b|\bbothering\s+me\b[^.;]{0,60}"
        r"\bcan'?t\b[^.;]{0,25}\b(?:think|remember|say)\s+what\s+it\s+(?:is|was)\b|\b(?:think|remember)\b[^.;]{0,40}\b"
        r"(?:only|just)\s+a\s+(?:white|blank|grey)\s+(?:wall|space|page)\b|\bnothin(?:g|')?\s+in\s+my\s+head\s+from\s+that\b",
    ),
    _cue(
        5,
        "dissociation",
        # the self seen from outside ("watched my own hand keep inking as if it belonged to someone else", "like I was up
        # in the gantry, commentating on some other bloke's match")
        r"\bwatch(?:ed|ing)\s+my\s+own\s+(?:hands?|body|face|feet|mouth)\b|\bas\s+if\s+(?:it|they|my\s+\w+)\s+belonged\s+to\s+"
        r"some(?:one|body)\s+else\b|\blike\s+i\s+was\b[^.;]{0,60}\bsome\s+other\s+(?:bloke|man|woman|person|guy|girl)'s\b",
    ),
    _cue(
        6,
        "undoing",
        # the words taken back by a deed ("so it would be as if I'd never said it", "as if that would take the words
        # back", "… light a candle for her, to take it back", "tell him three times he is clever, to erase what I said")
        r"\b(?:like|as\s+if)\s+i(?:'d|\s+had)\s+never\s+said\s+it\b|\bas\s+if\s+(?:that|it|this)\s+(?:would|could)\s+take\s+"
        r"(?:the\s+words|it|that|them)\s+back\b|\b(?:say|said|snapped|shouted|told|called)\b[^.;]{0,160},\s*(?:just\s+|"
        r"only\s+)?to\s+(?:take\s+(?:it|that|the\s+words)\s+back|erase\s+what\s+i\s+(?:said|did))\b",
    ),
    _cue(
        6,
        "isolation_of_affect",
        # the event told, the feeling noted as absent ("and there is no feeling attached", "and noticed I had no feeling
        # about it whatsoever", "and felt nothing in particular about any of it")
        r"\band\s+(?:noticed\s+(?:that\s+)?)?(?:there\s+(?:is|was)|i\s+(?:had|have|felt))\s+no\s+(?:feeling|emotion)s?\s+"
        r"(?:attached|about\s+(?:it|any\s+of\s+it))|\band\s+felt\s+nothing\s+in\s+particular\b",
    ),
    _cue(
        6,
        "intellectualization",
        # the loss turned into a subject of study ("a fascinating case of neural plasticity", "the amygdala findings are
        # fascinating"; "a clean process", "a sociological process more than a thing of me")
        r"\b(?:is|was)\s+(?:really\s+)?a\s+fascinating\s+(?:case|example|study)\s+of\b|\bfindings\s+(?:are|were)\s+"
        r"fascinating\b|\b(?:was|is)\s*,?\s*(?:on\s+reflection\s*,\s*)?a\s+(?:clean|sociological|natural|biological|"
        r"administrative)\s+process\b",
    ),
    _cue(
        6,
        "isolation_of_affect",
        # the horror told flatly ("told the whole story … like I was reading out a shopping list", "described finding the
        # body … in a flat, step-by-step way")
        r"\b(?:told|described|read\s+out|recounted)\b[^.;]{0,100}\b(?:like\s+i\s+was\s+reading\s+(?:out\s+)?a\s+(?:shopping\s+)?"
        r"list|in\s+a\s+flat\s*,?\s+(?:step-by-step|matter-of-fact|calm|level|even)\b|in\s+a\s+flat\s+voice\b)",
    ),
    _cue(
        3,
        "denial",
        # the trouble made nothing, talk of it closed ("the bank letters are nothing, the farm is fine, there's no need for
        # anyone to talk about selling", "it's just a cyst …, so there's nowt to talk about")
        r"\b(?:fine|nothing|just\s+a\s+\w+)\b[^.;]{0,60}\bthere'?s\s+(?:no\s+need\s+(?:for\s+anyone\s+)?to\s+talk|nowt\s+to\s+"
        r"talk|nothing\s+to\s+talk)\s+about\b",
    ),
    _cue(
        7,
        "altruism",
        # helping others, and what it gives back ("helping other families gives the grief somewhere to go", "watching them
        # walk out taller gives me back something", "making her comfortable makes my heart lighter", "doing them steadies me")
        r"\b(?:helping|volunteer\w*|for\s+other\s+(?:families|people)|making\s+(?:her|him|them)\s+comfortable|watching\s+"
        r"(?:them|those\s+\w+))\b[^.;]{0,80}\b(?:gives?\s+(?:me\s+(?:back\s+)?something|the\s+grief\s+somewhere)|gave\s+me\s+"
        r"(?:back\s+)?something|(?:steadies|steadied|settles)\s+me|makes?\s+my\s+heart\s+lighter)\b",
    ),
    _cue(
        7,
        "affiliation",
        # reaching someone, and that it helped ("told her all of it …, and that helped more than anything", "rang my sister
        # … and talking it through with her made the evening bearable", "texted my brother and he kept me company")
        r"\b(?:told|rang|texted|called|asked|phoned)\s+\w+\b[^.;]{0,100}\b(?:and\s+(?:that|it|talking|saying)\b[^.;]{0,60}\b"
        r"(?:helped\s+(?:me|more|a\s+lot|so\s+much)|let\s+me\s+sleep|made\s+(?:the\s+\w+|it)\s+bearable)|kept\s+me\s+company)\b",
    ),
    _cue(
        7,
        "self_assertion",
        # the need or limit said to someone, with its manner, further on in the sentence ("told the manager plainly that I
        # need the agenda in advance", "informed my team lead politely but firmly that from next month Sundays are for my
        # family, I will not be logging in")
        r"\b(?:told|informed|said\s+to)\s+(?:him|her|them|(?:my|the|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:calmly|firmly|politely|"
        r"directly|straight|clearly|plainly)(?:\s+but\s+(?:firmly|calmly|clearly))?\s+(?:that\s+)?[^.;]{0,60}\bi\s+(?:won'?t|"
        r"will\s+not|need|expect)\b",
    ),
    _cue(
        7,
        "suppression",
        # the feeling set aside until a time chosen ("felt the fear come up …, parked it on purpose until the shift ended",
        # "decided to leave it for my session on Tuesday")
        r"\b(?:fear|worry|worries|panic|grief|anger|sadness|feeling)\b[^.;]{0,40}\bparked\s+it\b|\bdecided\s+to\s+(?:leave|save|"
        r"keep)\s+it\s+(?:for|until)\s+(?:my\s+)?(?:session|appointment|later|tomorrow|the\s+weekend|\w+day)\b",
    ),
    _cue(
        7,
        "humor",
        # the joke that owns the hurt ("and yes, it still stings", "you'd laugh if it didn't sting so much", "it still
        # stings but we both laughed")
        r"\band\s+yes\s*,\s*it\s+still\s+(?:hurts|stings)\b|\byou'?d\s+laugh\s+if\s+it\s+(?:didn'?t|wasn'?t)\b|\bit\s+still\s+"
        r"(?:hurts|stings)\s*,?\s+but\s+(?:we|i)\s+(?:both\s+)?laughed\b",
    ),
    # Tenth round (d10): constructions the eight read key files (frozen … frozen8) still missed, each in >= 2 files by
    # different writers (docs/defenses.md, "Tenth round (d10)"); scoped against the look-alikes in
    # tests/analysis_defenses/test_defense_round10.py.
    _cue(
        2,
        "splitting_self",
        # the self all good, then all bad on one event ("this morning I was a genius, and by four, when she frowned, I was
        # a worthless fraud"; "after one bad review I am nothing, a fake"; "every good thing I ever did was a lie")
        r"\bi\s+(?:was|am|'m)\s+(?:a\s+|the\s+)?(?:genius|brilliant|star|hero|best|king|queen)\b[^.;]{0,100}\b(?:and|but|"
        r"then|by|when|after)\b[^.;]{0,80}\bi\s+(?:was|am|'m)\s+(?:nothing\b|an?\s+(?:(?:worthless|total|complete|utter)\s+)?"
        r"(?:fraud|fake|failure|nobody|disgrace|joke)\b)"
        r"|\b(?:after|because\s+of|with)\s+(?:one|a\s+single)\s+(?:bad|poor|lousy|rotten|wrong)\s+\w+(?:\s+[\w']+){0,4}?\s*,?\s*i\s+"
        r"(?:am|'m|was)\s+(?:nothing|an?\s+(?:total\s+|complete\s+)?(?:fake|fraud|failure|nobody|joke))\b"
        r"|\bevery\s+good\s+thing\s+i\s+(?:ever\s+)?\w+\s+(?:was|is)\s+(?:a\s+lie|fake|a\s+fluke|worthless)\b",
    ),
    _cue(
        4,
        "omnipotence",
        # the help or preparation waved off, the writer's own power put in its place ("I don't need to prep, I can walk
        # on and kill with whatever comes into my head, I always do"; "I don't need the doctor's tablets, … I can bring
        # my blood pressure down just by deciding to")
        r"\bi\s+(?:don'?t|do\s+not)\s+need\s+(?:to\s+)?[\w'\s]{0,25}?\b(?:tablets|pills|meds|medication|doctors?|help|"
        r"prep|prepare|practi[sc]e|rehears\w*|notes|training|physio|therapy|advice)\b[^.;]{0,80}\bi\s+(?:can|could)\b"
        r"[^.;]{0,80}\b(?:just\s+by\s+(?:deciding|willing|thinking)|whatever\s+comes|i\s+always\s+do)\b",
    ),
    _cue(
        1,
        "passive_aggression",
        # the time demanded, kept to the letter and defeated ("the trainer wants me in the yard at five, so I turn up at
        # five past every day, smiling"; "wants me on deck at five, fine, I'll be there at five, just very slowly")
        r"\b(?:wants?|wanted|asked|expects?|expected)\s+me\b[^.;]{0,40}\bat\s+(?:\d{1,2}|one|two|three|four|five|six|"
        r"seven|eight|nine|ten|eleven|twelve)\b[^.;]{0,80}\b(?:(?:five|ten|twenty)\s+past\b[^.;]{0,40}\b(?:every|always|"
        r"smiling)|just\s+very\s+slowly|mysteriously)\b",
    ),
    _cue(
        1,
        "acting_out",
        # the blow answered on property or the road ("drove to his flat at midnight and keyed his car"; "walked out and
        # put my fist through the bus shelter glass"; "floored the truck …, no seatbelt, lights off")
        r"\bkeyed\s+(?:his|her|their|the|my\s+\w+'s)\s+(?:\w+\s+)?(?:car|van|truck|motor)\b"
        r"|\b(?:put|punched|rammed|shoved)\s+my\s+(?:fist|head|boot)\s+through\b"
        r"|\bfloored\s+(?:it|the\s+\w+)\b[^.;]{0,60}\b(?:no\s+seat\s*belt|lights\s+off|without\s+(?:a\s+)?(?:seat\s*belt|"
        r"lights))",
    ),
    _cue(
        4,
        "devaluation_other",
        # disbelief that anyone (the writer once included) values the person put down ("I can't believe anyone pays to
        # eat his food", "I can't believe I ever gave him the time of day")
        r"\bi\s+can'?t\s+believe\s+(?:anyone|anybody|people)\s+(?:actually\s+|still\s+|even\s+|ever\s+)?(?:pays?|listens?|"
        r"votes?|voted|buys?|eats?|watch(?:es)?|reads?|hires?|hired|likes?|fancies|trusts?)\s+(?:to\s+\w+\s+)?(?:his|her|"
        r"their|him|them|to\s+(?:him|her|them)|for\s+(?:him|her|them))\b"
        r"|\bi\s+can'?t\s+believe\s+i\s+ever\s+gave\s+(?:him|her|them)\s+the\s+time\s+of\s+day\b",
    ),
)


@dataclass(frozen=True, slots=True)
class DefenseCall:
    level: int
    defense: str | None
    confidence: float
    abstained: bool = False
    risk_guard: bool = False  # set aside because the risk screen reads the writer's own risk in the sentence


GUARDED = DefenseCall(0, None, 1.0, abstained=True, risk_guard=True)

# Tenth round: a plain safety statement, denied harm to oneself, that the risk lexicon has no phrase for ("I would never
# hurt myself", "he won't harm himself", "I'm not going to do anything stupid tonight", "I'm keeping myself safe").
# Harm to another ("I would never hurt him") is not one; nor a promise about anything else ("I will never forgive him").
SAFETY_STATEMENT = re.compile(
    r"(?:\bnever|\bnot|n't|\bno\s+(?:plans?|intentions?)\s+(?:of|to))\s+(?:(?:ever|going\s+to|gonna|even|really|try\s+to|"
    r"want\s+to)\s+){0,3}(?:(?:hurt|harm|kill|cut|injure|end|take)(?:ing)?\s+(?:myself|himself|herself|themselves|"
    r"yourself|(?:my|his|her)\s+(?:own\s+)?life|their\s+(?:own\s+)?lives?)|do(?:ing)?\s+(?:anything|something)\s+"
    r"(?:stupid|silly|daft|drastic|dangerous))\b"
    r"|\b(?:i'?m|i\s+am|i'?ve\s+been)\s+(?:keeping\s+(?:myself\s+)?safe|safe\s+(?:tonight|now|for\s+now|today))\b",
    re.IGNORECASE,
)


def risk_guarded(
    text: str,
    spans: Sequence[tuple[int, int]],
    kind: str = "free_association",
    *,
    hits: Sequence[risk_lex.Hit] | None = None,
) -> list[bool]:
    """For each sentence (``spans``: offsets into ``text``), whether the risk screen's lexicon reads in it the
    writer's own risk at ideation or above: a hit that still counts at that level once the lexicon has set
    aside negations, hypotheticals, quotations, other people, fiction, dreams, figures of speech and recovery
    (:func:`reverie.analysis.risk_lexicon.read`, called, never copied). Such a sentence is never given a
    defense level. Indicator-level hits ("worthless", "I hate myself", talk of someone else's suicide) do not
    guard: the lexicon's indicator rule mixes hopelessness with self-criticism, which is devaluation of self.
    Since 2.7.0 (tenth round) the risk *denied* guards too: a phrase at ideation or above that the lexicon set aside
    only as negated ("I will never take my own life", "I'm not suicidal"), and a plain safety statement the lexicon
    has no phrase for (:data:`SAFETY_STATEMENT`: "I would never hurt myself", "I'm not going to do anything stupid").
    A plain statement about one's safety or risk, affirmed or denied, is no defense (it was shown as omnipotence).
    ``hits``: the lexicon's reading of this ``text`` and ``kind`` when already made (the pipeline's, shared with the
    risk screen: :func:`reverie.analysis.risk_lexicon.document_reading`)."""
    if not spans:
        return []
    read = hits if hits is not None else risk_lex.read(text, kind)
    counted = [
        (h.start, h.end)
        for h in read
        if h.level >= risk_lex.IDEATION or (h.rule_level >= risk_lex.IDEATION and h.reason == "negation")
    ]
    plain = text.replace("’", "'")
    return [
        any(start < e and s < end for s, e in counted)
        or SAFETY_STATEMENT.search(plain, start, end) is not None
        for start, end in spans
    ]


def risk_guarded_text(text: str) -> bool:
    """:func:`risk_guarded` for one sentence or utterance read alone (the evaluations' unit)."""
    return risk_guarded(text, [(0, len(text))])[0]


@dataclass(frozen=True, slots=True)
class DefenseHead:
    """Softmax regression over [sentence embedding ⊕ cue counts per level ⊕ 1] → levels 0–8."""

    weights: npt.NDArray[np.float32]  # (dim + 10, 9)
    threshold: float
    encoder_hash: str
    digest: str
    # Per level 1–7 (index 0 = level 1), when the manifest gives ``level_thresholds``; else ``threshold`` for all.
    level_thresholds: tuple[float, ...] | None = None

    def probabilities(
        self, embedding: npt.NDArray[np.float32], fired: Sequence[Cue]
    ) -> npt.NDArray[np.float64]:
        """The nine levels' probabilities for a sentence: its ``embedding`` and the cues that ``fired`` in it
        (:func:`fired_cues`, found once by the caller, which also names the defense from them)."""
        x = head_features(embedding, fired)
        z = (x @ self.weights).astype(np.float64)
        p = np.exp(z - z.max())
        return np.asarray(p / p.sum(), dtype=np.float64)


def cue_levels(text: str, cues: Sequence[Cue] = CUES) -> npt.NDArray[np.float32]:
    """How many cues of each level (0–8) fire in ``text`` (``cues``: all, or those :func:`live_cues` leaves)."""
    return level_counts(fired_cues(text, cues))


def level_counts(fired: Sequence[Cue]) -> npt.NDArray[np.float32]:
    """How many of the ``fired`` cues (:func:`fired_cues`) are of each level (0–8)."""
    out = np.zeros(len(LABELS), dtype=np.float32)
    for cue in fired:
        out[cue.level] += 1.0
    return out


def fired_cues(text: str, cues: Sequence[Cue] = CUES) -> tuple[Cue, ...]:
    """The ``cues`` whose pattern matches in ``text`` (curly apostrophes read as straight), in order. A cue whose
    necessary literals the sentence lacks is not scanned: it cannot match (exact, :mod:`regex_gate`), and most
    cues of a sentence's document are absent from the sentence itself."""
    plain = text.replace("’", "'")
    folded = fold(plain)
    return tuple(cue for cue in cues if may_match_folded(cue.pattern, folded) and cue.pattern.search(plain))


def live_cues(texts: Sequence[str]) -> tuple[Cue, ...]:
    """The cues that may fire in any of ``texts`` (a document's sentences), in order: a cue left out has a
    literal none of them holds, so it fires in none of them (:class:`reverie.analysis.regex_gate.TextGate`,
    exact). Every reading of a sentence then gives what it gives with all the cues, at a fraction of the scans."""
    gate = TextGate([text.replace("’", "'") for text in texts])
    return tuple(cue for cue in CUES if gate(cue.pattern))


def head_features(embedding: npt.NDArray[np.float32], fired: Sequence[Cue]) -> npt.NDArray[np.float32]:
    """The head's input: [``embedding`` ⊕ the ``fired`` cues (:func:`fired_cues`) counted per level ⊕ 1]."""
    return np.concatenate([embedding.astype(np.float32), level_counts(fired), np.ones(1, dtype=np.float32)])


def load_head(directory: Path = HEAD_DIR) -> DefenseHead | None:
    """The shipped head, or None when its files are missing."""
    weights, manifest = directory / "head.npz", directory / "manifest.json"
    if not weights.is_file() or not manifest.is_file():
        return None
    meta = json.loads(manifest.read_text(encoding="utf-8"))
    if meta.get("schema") != HEAD_SCHEMA:
        return None
    with np.load(weights) as data:
        w = np.asarray(data["weights"], dtype=np.float32)
    digest = _head_digest(hashlib.sha256(weights.read_bytes()).hexdigest()[:16], meta)
    return DefenseHead(w, float(meta["threshold"]), str(meta["encoder"]), digest, _levels(meta))


def _levels(meta: dict[str, Any]) -> tuple[float, ...] | None:
    per_level = meta.get("level_thresholds")
    return tuple(float(per_level[str(level)]) for level in range(1, 8)) if per_level else None


def _head_digest(file_digest: str, meta: dict[str, Any]) -> str:
    """The head's digest: its file's, and its per-level thresholds where it has them (findings change with them:
    so does the analyzer's model hash)."""
    levels = _levels(meta)
    return (
        file_digest if levels is None else hashlib.sha256(f"{file_digest}:{levels}".encode()).hexdigest()[:16]
    )


@lru_cache(maxsize=1)
def shared_head() -> DefenseHead | None:
    return load_head()


def classify_with_head(
    text: str,
    embedding: npt.NDArray[np.float32] | None,
    head: DefenseHead | None,
    prototypes: Prototypes | None,
    cues: Sequence[Cue] = CUES,
) -> DefenseCall | None:
    """Level 1–7 when the head is sure enough, else level 0 ("no defense identified", abstained); None when
    the head cannot run (no head, or no embedding of its dimension). ``cues``: all, or those :func:`live_cues`
    leaves for the sentence's document."""
    if head is None or embedding is None or head.weights.shape[0] != embedding.shape[0] + len(LABELS) + 1:
        return None
    fired = fired_cues(text, cues)  # scanned once: the head's counts and the named defense both read them
    probs = head.probabilities(embedding, fired)
    level = head_decision(probs, head.threshold, head.level_thresholds)
    if level == dmrs.NO_DEFENSE:
        return DefenseCall(dmrs.NO_DEFENSE, None, float(1.0 - probs[1:8].max()), abstained=True)
    named = _cued_defense(fired, level)
    if named is None and prototypes is not None and prototypes.vectors.shape[1] == embedding.shape[0]:
        _, nearest = _similarities(embedding, prototypes)
        named = _named(level, {}, nearest)
    return DefenseCall(level, named, float(probs[level]))


def head_decision(
    probs: npt.NDArray[np.float64], threshold: float, level_thresholds: Sequence[float] | None = None
) -> int:
    """A level 1–7 only when it is the most likely of all nine and its probability reaches ``threshold`` (or,
    given ``level_thresholds``, that level's own: index 0 for level 1); otherwise 0, "no defense identified"."""
    level = int(np.argmax(probs))
    if not 1 <= level <= 7:
        return dmrs.NO_DEFENSE
    bar = level_thresholds[level - 1] if level_thresholds is not None else threshold
    return level if probs[level] >= bar else dmrs.NO_DEFENSE


def _cued_defense(fired: Sequence[Cue], level: int) -> str | None:
    """The defense the first of the ``fired`` cues (:func:`fired_cues`) at ``level`` names, if any: no second scan."""
    return next((cue.defense for cue in fired if cue.level == level and cue.defense is not None), None)


@dataclass(frozen=True, slots=True)
class Prototypes:
    vectors: npt.NDArray[np.float32]  # one L2-normalised row per example sentence
    labels: tuple[int, ...]
    defenses: tuple[str | None, ...]
    encoder_hash: str


def prototype_texts() -> tuple[list[str], list[int], list[str | None]]:
    texts: list[str] = []
    labels: list[int] = []
    keys: list[str | None] = []
    for d in dmrs.DEFENSES:
        for example in d.examples:
            texts.append(example)
            labels.append(d.level)
            keys.append(d.key)
    for label, examples in dmrs.OTHER_EXAMPLES.items():
        for example in examples:
            texts.append(example)
            labels.append(label)
            keys.append(None)
    return texts, labels, keys


def build_prototypes(encoder: Encoder) -> Prototypes:
    texts, labels, keys = prototype_texts()
    return Prototypes(encoder.encode(texts), tuple(labels), tuple(keys), encoder.model_hash)


@lru_cache(maxsize=1)
def shared_prototypes() -> Prototypes:
    from reverie.analysis.onnx_encoder import load_encoder

    return build_prototypes(load_encoder())


def method_hash(encoder_hash: str) -> str:
    """Changes whenever the examples, cues, weights or encoder change."""
    texts, labels, _ = prototype_texts()
    parts = [VERSION, encoder_hash, *texts, *map(str, labels), *(c.pattern.pattern for c in CUES)]
    parts += [f"{k}:{v}" for k, v in sorted(PRIOR.items())] + [str(SIMILARITY_WEIGHT), str(CUE_WEIGHT)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def classify(
    text: str,
    embedding: npt.NDArray[np.float32] | None,
    prototypes: Prototypes | None,
    context: npt.NDArray[np.float32] | None = None,
    cues: Sequence[Cue] = CUES,
) -> DefenseCall:
    """Level 0–8 for one sentence or utterance, the named defense where the evidence supports one (``cues``:
    all, or those :func:`live_cues` leaves for its document)."""
    scores = np.array([PRIOR[label] for label in LABELS], dtype=np.float64)
    named: dict[int, str] = {}
    for cue in fired_cues(text, cues):
        scores[cue.level] += CUE_WEIGHT
        if cue.defense is not None:
            named.setdefault(cue.level, cue.defense)
    nearest: dict[int, tuple[float, str | None, float]] = {}
    if embedding is not None and prototypes is not None and prototypes.vectors.shape[1] == embedding.shape[0]:
        sims, nearest = _similarities(_blend(embedding, context), prototypes)
        scores += SIMILARITY_WEIGHT * (sims - sims.mean())
    level = int(np.argmax(scores))
    probs = np.exp(scores - scores.max())
    confidence = float(probs[level] / probs.sum())
    return DefenseCall(level, _named(level, named, nearest), confidence)


def _blend(
    embedding: npt.NDArray[np.float32], context: npt.NDArray[np.float32] | None
) -> npt.NDArray[np.float32]:
    if context is None:
        return embedding
    mixed = embedding + CONTEXT_WEIGHT * context
    return (mixed / (np.linalg.norm(mixed) or 1.0)).astype(np.float32)


def _similarities(
    vector: npt.NDArray[np.float32], prototypes: Prototypes
) -> tuple[npt.NDArray[np.float64], dict[int, tuple[float, str | None, float]]]:
    """Per label, the mean of the two highest example similarities; and the nearest example's defense with
    its lead over the nearest example of another defense at that level."""
    cos = prototypes.vectors @ vector
    near = cos.tolist()  # the same floats as float(cos[i]), in one call
    sims = np.zeros(len(LABELS))
    nearest: dict[int, tuple[float, str | None, float]] = {}
    for label, idx in _rows_by_label(prototypes.labels).items():
        ranked = sorted(idx, key=lambda i: -near[i])
        sims[label] = float(np.mean([cos[i] for i in ranked[:2]]))
        best = ranked[0]
        rival = [near[i] for i in ranked if prototypes.defenses[i] != prototypes.defenses[best]]
        lead = near[best] - (rival[0] if rival else 0.0)
        nearest[label] = (near[best], prototypes.defenses[best], lead)
    return sims, nearest


@lru_cache(maxsize=4)
def _rows_by_label(labels: tuple[int, ...]) -> dict[int, list[int]]:
    """The prototype rows of each label, in ``LABELS`` order (worked out once, not per sentence and label)."""
    return {label: [i for i, lab in enumerate(labels) if lab == label] for label in LABELS}


def _named(
    level: int, cued: dict[int, str], nearest: dict[int, tuple[float, str | None, float]]
) -> str | None:
    if level in (dmrs.NO_DEFENSE, dmrs.NEEDS_MORE_INFORMATION):
        return None
    if level in cued:
        return cued[level]
    if level in nearest and nearest[level][2] >= NAME_MARGIN:
        return nearest[level][1]
    return None


def declared_model_hash(directory: Path = HEAD_DIR) -> str:
    """The model hash :func:`build_defense_analyzer`'s analyzer carries, without encoding the prototypes or
    loading the head: the encoder's recorded hash, and the head's file hash (cached by modification time) and
    thresholds. Raises :class:`~reverie.errors.AnalysisUnavailable` without an encoder (no analyzer is built)."""
    from reverie.analysis.onnx_encoder import installed_manifest

    encoder_hash = installed_manifest().model_hash
    base = method_hash(encoder_hash)
    digest = _declared_head_digest(directory, encoder_hash)
    return base if digest is None else hashlib.sha256(f"{base}:{digest}".encode()).hexdigest()[:16]


def _declared_head_digest(directory: Path, encoder_hash: str) -> str | None:
    weights, manifest = directory / "head.npz", directory / "manifest.json"
    if not weights.is_file() or not manifest.is_file():
        return None
    meta = json.loads(manifest.read_text(encoding="utf-8"))
    if meta.get("schema") != HEAD_SCHEMA or str(meta["encoder"]) != encoder_hash:
        return None  # trained on another encoder: the analyzer is built without it
    return _head_digest(file_sha256(weights)[:16], meta)


# The analyzer as the registry knows it without building it (see registry.Declaration).
DECLARED = Declaration(
    version=VERSION,
    model_hash=declared_model_hash,
    applies_to=None,
    requires=frozenset({"sentences", "embeddings"}),
)


class DefenseAnalyzer:
    name = "defenses"
    version = DECLARED.version
    requires = DECLARED.requires
    produces = frozenset({"defense", "odf"})
    applies_to: frozenset[str] | None = DECLARED.applies_to

    def __init__(self, prototypes: Prototypes | None, head: DefenseHead | None = None) -> None:
        self._prototypes = prototypes
        self._head = head
        base = method_hash(prototypes.encoder_hash if prototypes else "no-encoder")
        self.model_hash = (
            base if head is None else hashlib.sha256(f"{base}:{head.digest}".encode()).hexdigest()[:16]
        )

    def run(self, doc: Document) -> list[Finding]:
        calls = self.calls(doc)
        findings = [self._finding(doc, i, call) for i, call in enumerate(calls)]
        return [*findings, self._odf(doc, calls)]

    def calls(self, doc: Document) -> list[DefenseCall]:
        vectors = doc.embeddings
        dialogue = doc.kind in DIALOGUE_KINDS
        spans = [(s.span.start, s.span.end) for s in doc.sentences]
        guarded = risk_guarded(doc.text, spans, doc.kind, hits=risk_lex.document_reading(doc).hits)
        cues = live_cues([s.text for s in doc.sentences])
        out = []
        for i, sentence in enumerate(doc.sentences):
            if guarded[i]:
                out.append(GUARDED)
                continue
            vec = vectors[i] if vectors is not None and i < len(vectors) else None
            ctx = vectors[i - 1] if dialogue and vectors is not None and 0 < i < len(vectors) else None
            headed = classify_with_head(sentence.text, vec, self._head, self._prototypes, cues)
            out.append(headed or classify(sentence.text, vec, self._prototypes, ctx, cues))
        return out

    def _finding(self, doc: Document, i: int, call: DefenseCall) -> Finding:
        return Finding(
            analyzer=self.name,
            version=self.version,
            model_hash=self.model_hash,
            kind="defense",
            label=NO_DEFENSE_IDENTIFIED if call.abstained else dmrs.LEVELS[call.level].name,
            confidence=call.confidence,
            spans=(doc.sentences[i].span,),
            data={
                "level": call.level,
                "defense": call.defense,
                "sentence": i,
                "abstained": call.abstained,
                "risk_guard": call.risk_guard,
            },
        )

    def _odf(self, doc: Document, calls: Sequence[DefenseCall]) -> Finding:
        counts = Counter(call.level for call in calls)
        coded = tuple(doc.sentences[i].span for i, c in enumerate(calls) if 1 <= c.level <= 7)
        # One or two coded sentences are no measure of overall functioning ("ODF 7.0" from a single
        # high-adaptive sentence in an entry about wanting to die): below MIN_CODED_FOR_ODF it is left open.
        value = dmrs.odf(counts) if len(coded) >= MIN_CODED_FOR_ODF else None
        return Finding(
            analyzer=self.name,
            version=self.version,
            model_hash=self.model_hash,
            kind="odf",
            label="odf",
            confidence=1.0 if value is not None else 0.0,
            spans=coded,
            data={"odf": value, "counts": {str(level): counts.get(level, 0) for level in LABELS}},
        )


@register("defenses", order=30, declared=DECLARED)
def build_defense_analyzer() -> DefenseAnalyzer:
    prototypes = shared_prototypes()
    head = shared_head()
    if head is not None and head.encoder_hash != prototypes.encoder_hash:
        head = None  # trained on another encoder: its weights would read the wrong space
    return DefenseAnalyzer(prototypes, head)
