"""Phrases that signal suicide or self-harm risk, and the contexts that set them aside.

Everything here is data plus the small amount of matching that reads it. Patterns run over
:func:`normalise` text (lower case, straight quotes, same length as the original, so offsets carry over).
Levels follow the C-SSRS-aligned scale in :mod:`reverie.analysis.risk`: 1 indicator, 2 ideation,
3 behavior (self-harm, preparation, aborted or interrupted acts), 4 attempt.

A rule decides whose words these are in one of two ways: a named group ``who`` inside the pattern
(``kill myself`` against ``kill himself``), or, without one, by looking back for the nearest subject.
"""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

# ``re``'s API with patterns compiled on first use: the lexicon's few hundred patterns are compiled only when a text may
# match them (their gates are stored, scripts/regex_gate_literals.py; every match is re's, see regex_gate)
from reverie.analysis import lazy_re as re
from reverie.analysis import regex_gate

if TYPE_CHECKING:
    from reverie.analysis.document import Document

INDICATOR, IDEATION, BEHAVIOR, ATTEMPT = 1, 2, 3, 4

TO = r"(?:to|2|t)"
SELF = r"(?P<who>myself|my\s?self|myslef|mysef|meself|miself|mi\s+self|masel|mysel|ourselves|himself|herself|themselves|themself|yourself|yourselves|urself)"
WANT = (
    r"(?:want|wants|wanted|wanting|wanna|wana|wish|wished|need|needed|going|gonna|planning|plan|planned|"
    r"ready|tempted|urge|urges|decided|deciding|try|trying|about|considering|considered)"
)
THINK = (
    r"(?:(?:thinking|thought|think|thoughts|fantasi[sz]ing|fantasi[sz]e|dreaming|obsessing)\s+(?:about|of)|"
    r"consider(?:ing|ed)?|contemplat(?:e|ing|ed)|research(?:ing|ed)?)"
)
# h3 (risk 2.5.0): a plan told as intent with a time or the means at hand (``intent_with_time_or_means``). The
# intent is the writer's own and unhedged: "I'm going to", "gonna", "I'll", "I will", "I've decided to", then an act
# on the writer's own self (not "herself": someone else's) or their life.
MY_SELF = r"(?:myself|my\s?self|myslef|mysef|meself|miself|mi\s+self|masel|mysel)"
# "kill myself" for hard work or a laugh ("at the gym", "trying to finish", "over this essay", "laughing")
NOT_AN_EFFORT = (
    r"(?!\s+(?:\w+ing|for|over|with|to|trying|at\s+(?:the\s+)?(?:gym|work|office|job|school|uni|college|practice|training|"
    r"session|match|game|party|concert|show))\b)"
)
PLAN_INTENT = (
    r"\b(?:(?:i'?m|im|i\s+am)\s+(?:really\s+|actually\s+|definitely\s+|finally\s+)?(?:going\s+to|goin\s+to|gonna|gunna|"
    r"about\s+to|planning\s+to)|(?:i'?ll|i\s+will|i\s+shall|ima|imma)|(?<=^)gonna|(?<=[.!?\n]\s)gonna|"
    r"(?:i'?ve|i\s+have|i)\s+decided\s+to|i\s+plan\s+to)\s+(?:just\s+|finally\s+|actually\s+|really\s+|definitely\s+)?"
    r"(?:(?:kill|off|hang|shoot|poison|drown|gas|end)\s+"
    + MY_SELF
    + NOT_AN_EFFORT
    + r"|end\s+(?:my\s+(?:own\s+)?life|it\s+all)|"
    r"take\s+my\s+(?:own\s+)?life|commit\s+suicide|overdose|od)\b"
)
# a time set: tonight, tomorrow, a named day or hour, after or when something that will happen
PLAN_TIME = (
    r"\b(?:tonight|tonite|2nite|2night|tomorrow|tmrw|tmr|2moro|2morrow|this\s+(?:weekend|evening|afternoon|morning|"
    r"week|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|(?:on|this|next|by)\s+(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|my\s+birthday|the\s+\d{1,2}(?:st|nd|rd|th)?)|at\s+(?:\d{1,2}|midnight|"
    r"dawn)|after\s+(?:my\s+shift|work|school|dinner|the\s+funeral|they|everyone|he|she|my\s+(?:mum|mom|dad|wife|husband|"
    r"partner|kids))|(?:when|once)\s+(?:they|everyone|everybody|he|she|my\s+\w+)\s+(?:are|is|'re|'s|go|goes|leave|"
    r"leaves|fall|falls|gets|get)\b|in\s+(?:an\s+hour|a\s+few\s+hours|\d+\s+(?:hours|minutes|days))|right\s+now|"
    r"this\s+time\s+for\s+real)\b"
)
# the means at hand: had, bought or ready ("I have the pills", "the rope's in the shed", "the gun is loaded")
PLAN_MEANS_THING = (
    r"(?:"
    + r"pills|tablets|meds|medication|painkillers|paracetamol|sleeping\s+pills|rope|noose|gun|pistol|rifle|"
    r"shotgun|knife|blade|razor|razors|belt|cord|ligature|charcoal|bleach|poison|insulin|hose|tubing|helium)"
)
PLAN_MEANS = (
    r"\b(?:(?:i\s+)?(?:have|'ve\s+got|ve\s+got|have\s+got|got|bought|picked\s+up|saved|kept|found)\s+(?:the|my|a|an|some|"
    r"enough|all\s+(?:the|my)|(?:a|the)\s+(?:whole\s+)?(?:box|bottle|pack|packet|strip)s?\s+of)\s+(?:\w+\s+)?"
    + PLAN_MEANS_THING
    + r"|(?:the|my)\s+(?:\w+\s+)?"
    + PLAN_MEANS_THING
    + r"\s*(?:is|are|'s|r|s)\s+(?:already\s+|all\s+)?(?:ready|here|right\s+here|next\s+to\s+me|beside\s+me|in\s+my|"
    r"in\s+the|on\s+the|loaded|set\s+up|tied|counted|laid\s+out|lined\s+up))\b"
)
# Drug names are an open class: beside the common words and names, a generic or brand name is read by the endings
# of its drug classes (amitriptyline, diazepam, quetiapine, oxycodone, pentobarbital, co-codamol …). Ninth round,
# after the eighth frozen batch: its overdoses named amitriptyline, Panadol, co-codamol and pentobarbital, none known.
DRUG_NAME = (
    r"(?:panadol|nurofen|advil|anadin|calpol|tylenol|xanax|valium|prozac|zoloft|lexapro|seroquel|ambien|"
    r"zopiclone|zolpidem|pregabalin|gabapentin|propranolol|morphine|fentanyl|oxycontin|naproxen|co-?codamol|"
    # 2.16.2 (h185, frozen38): common medicines no ending above reads, checked in "took 40 x" and "took all my x"
    r"acetaminophen|co-?dydramol|dihydrocodeine|venlafaxine|bupropion|aripiprazole|haloperidol|lamotrigine|"
    r"valproate|carbamazepine|promethazine|phenergan|diphenhydramine|benadryl|nytol|sominex|melatonin|atenolol|"
    r"bisoprolol|amlodipine|metformin|warfarin|digoxin|levothyroxine|methadone|buprenorphine|cetirizine|loratadine|"
    r"chlorpromazine|piriton|nyquil|solpadeine|lustral|cipralex|efexor|mogadon|sodium\s+valproate|"
    r"[a-z]{2,}(?:triptyline|azepam|azolam|barbital|codamol|cetamol|oxetine|alopram|traline|apine|peridone|"
    r"codone|morphone|profen|pramine|razodone|azodone))"
)
PILLS = (
    r"(?:pills|tablets|meds|medication|medicine|painkillers|pain\s+killers|paracetamol|tylenol|sleeping\s+pills|"
    r"sleeping\s+tablets|antidepressants|prescriptions|insulin|sertraline|citalopram|fluoxetine|lithium|codeine|"
    r"tramadol|ibuprofen|aspirin|benzos|opioids|medicaments|medicamentos|pastillas|comprimidos|tabletten|"
    + DRUG_NAME
    + r")"
)
NUMBER = (
    r"(?:[1-9]\d+|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\s+hundred|dozens\s+of|loads\s+of|every\s+one\s+of|"
    r"a\s+(?:whole\s+)?(?:load|lot|pile|fistful)\s+of)"
)
DIE = (
    r"(?:die(?!\s+(?:my|your|his|her|their|our|the|a|it|them|some)\s+(?:\w+\s+)?(?:hair|fringe|roots|beard|clothes|"
    r"jeans|shirt|t-shirt|top|dress|shoes|trainers|eggs|wool|fabric|sheets|curtains)\b)|dye(?!\s+(?:my|your|his|her|their|our|the|a|an|it|them|this|that|some|hair|clothes)\b)|be\s+dead|dead|"
    r"not\s+(?:exist|be\s+(?:alive|here|around))|stop\s+existing(?!\s+on\b)|cease\s+to\s+exist|"
    r"stop\s+living)"
)


BODY = (
    r"(?:arm|arms|forearm|forearms|hand|hands|leg|legs|wrist|wrists|thigh|thighs|face|head|skin|chest|stomach|belly|"
    r"knuckles|palm|palms|fingers|cheek|cheeks)"
)
BODY_WORDS = frozenset(BODY[3:-1].split("|"))  # the same words as a set
# 2.10.2 (h143, review r119): the exact follow-set of a bare "i cut again": the end of the sentence, unless the next
# sentence names the thing cut ("i cut again today. my hair i mean"), or a tail of how it went or felt
CUT_THINGS = (
    r"(?:hair|fringe|bangs|beard|onions?|veg|vegetables|grass|lawn|hedges?|nails|roses|fabric|paper|wood|bread|cake|"
    r"carrots?|potatoes|meat|tomatoes|pattern|coupons?|class|classes|lessons?|sugar|carbs|caffeine)"
)
CUT_AGAIN_END = r"(?:[.!;\n]|$)(?![^\n]{0,40}?\b" + CUT_THINGS + r"\b)"
CUT_AGAIN_TAIL = (
    r"(?:(?:and\s+)?(?:it'?s\s+|it\s+was\s+)?(?:worse|deeper|harder|longer|more|badly|bad)\b|lol\b|lmao\b|ugh\b|"
    r"whatever\b|and\s+i\s+(?:dont|don't|do\s+not|didnt|didn't)\s+care\b|and\s+(?:it|i)\s+(?:hurt|bled|feel|felt)\b|"
    r"(?:so\s+much\s+)?(?:blood|bled|bleeding)\b)"
)
# sixth round: the two halves of a preparation written with no risk word (see "preparation_cluster")
FINAL_ACT = (
    r"\b(?:(?:wrote|written|writing|drafted)\s+(?:\w+\s+){0,3}?(?:letters|notes|goodbye\s+\w+|a\s+letter\s+(?:for|to)\s+"
    r"(?:each|every)\w*)|(?:wrote|written|made|drew\s+up)\s+(?:a|the|my)\s+list\s+of\s+who\s+gets|who\s+gets\s+my|"
    r"gave\s+away\s+my|(?:put|got)\s+my\s+affairs\s+in\s+order|(?:saved|saving|gathered|collected|stockpiled)\s+"
    r"(?:up\s+)?(?:the\s+|my\s+)?" + PILLS + r"|"
    # seventeenth round: a will made or sorted, one's things given or sold to someone, funeral wishes written down,
    # passwords or accounts left for someone, accounts deleted
    r"(?:wrote|written|writing|made|making|did|done|sorted|signed|executed|rewrote|rewritten|updated|changed)\s+(?:out\s+|"
    r"up\s+)?(?:my|me|mi|ma|the)\s+(?:own\s+)?(?:will|testament|last\s+will)|(?:gave|give|gied|given|sold|handed|"
    r"rehomed)\s+(?:away\s+)?(?:my|me|mi|ma)\s+(?:\w+\s+){1,3}?(?:to|tae)\s+(?:my|me|ma|mi|the|a|our|\w+)|"
    r"(?:music|songs?|hymns?|readings?|flowers)\s+(?:\w+\s+){0,3}?(?:at|for)\s+my\s+funeral|(?:wrote|left|gave|"
    r"emailed|put)\s+(?:\w+\s+){0,3}?(?:my\s+)?passwords|deleted\s+(?:my|all\s+my|every)\s+(?:\w+\s+)?accounts?)\b"
)
DATE_PICKED = (
    r"\b(?:(?:picked|chose|chosen|set|decided\s+on|selected|settled\s+on|fixed|pick|choose)\s+(?:the\s+|a\s+|di\s+|de\s+|"
    r"da\s+)?(?:date|day|anniversary|week\s+after|night\s+after|weekend\s+after|\d{1,2}(?:st|nd|rd|th)|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|tomorrow|tonight)\s+(?:is\s+the\s+day|will\s+do|it\s+(?:is|will\s+be))\b"
    # seventeenth round: the date told as picked ("the date is already picked", "I've picked the week", "date: set")
    r"|\b(?:the\s+|a\s+|my\s+)?date\s*(?:is\s+|was\s+|'s\s+|:\s*)(?:already\s+|now\s+)?(?:picked|set|chosen|fixed|"
    r"decided)\b|\b(?:picked|chose|chosen|set)\s+(?:the|a)\s+(?:week|night|weekend)\b)"
    r"(?!\s+(?:for|of|to\s+(?:move|fly|travel|start|sign|visit|see|meet|celebrate|book|get|marry|finish|open))\b)"
)

# Tenth round: the intent said with an act ("meaning to drown", "so I wouldn't wake up", "wanted it over") and the
# acts whose method the writer names without a usual risk word. ``INTENT_TO_DIE`` never reads "drown my sorrows" or
# "end it with him".
NOT_BACK = r"(?:wake\s+up|survive|come\s+(?:back|home|out|up)|make\s+it|be\s+found)"
INTENT_TO_DIE = (
    r"(?:(?:meaning|meant|intending|intended|trying|wanting|wanted|hoping|hoped|planning|planned|determined)\s+"
    r"(?:(?:(?!not\b|never\b)\w+\s+)?to\s+(?:drown(?!\s+(?:my|our|the|his|her)\s+(?:sorrows|worries|troubles|"
    r"thoughts))|die|jump|end\s+(?:it(?:\s+all)?|my\s+life|things|everything)(?!\s+(?:with|between))|kill\s+myself|"
    r"be\s+(?:dead|gone|hit)|get\s+hit|(?:not|never)\s+"
    + NOT_BACK
    + r")|(?:not|never)\s+to\s+"
    + NOT_BACK
    + r")"
    r"|wanted\s+(?:it\s+(?:all\s+)?|everything\s+)(?:over|to\s+(?:end|stop|be\s+over))"
    r"|so\s+(?:that\s+)?i\s+(?:wouldn'?t|would\s+not|wouldnt|won'?t|didn'?t|would\s+never|'d\s+never)\s+"
    r"(?:wake\s+up|have\s+to\s+wake|come\s+back|come\s+up|survive)"
    r"|(?<!not\s)(?<!never\s)to\s+(?:die|drown(?!\s+(?:my|our|the)\s+)|end\s+it\s+all|end\s+my\s+life|kill\s+myself|"
    r"not\s+come\s+back|end\s+it(?!\s+(?:with|between|for|all\s+(?:with|between)))))\b"
)
PURPOSE = r"(?:on\s+purpose|deliberately|purposely|intentionally|" + INTENT_TO_DIE + r")"
# Sixteenth round: the intent said as a plain "meant it" or a wish to die beside the act ("drank the sheep dip,
# meaning it", "proper meant it", "because I want to die", "wanted tae die"), or the act's cover story denied
# ("It wasn't an accident"). Read only after one of the acts of ``ACTS_WITH_INTENT``.
# a wish to die said beside the act
WISH_TO_DIE = (
    r"(?:because\s+i\s+(?:want|wanted|wantid)\s+(?:to\s+)?die|(?:i\s+)?wanted\s+(?:to|tae|ta|2)\s+(?:die|be\s+dead|"
    r"never\s+wake\s+up)|fi\s+dead|meant\s+(?:it\s+)?to\s+be\s+the\s+(?:end|last))"
)
NOT_AN_ACCIDENT = r"it\s+(?:wasn'?t|was\s+not|wasnt)\s+(?:an?\s+)?(?:accident|slip|fall|dare|mistake)"
MEANT = (
    r"(?:(?:i\s+|proper\s+|really\s+|fully\s+)?(?:meant|meaning|meanin'?)\s+it\b(?!\s+(?:as|when|like|for|about|to\s+be\s+"
    r"(?:funny|a\s+joke|kind)))|"
    + WISH_TO_DIE
    + r"|(?:i\s+)?wanted\s+(?:to|tae|ta|2)\s+break\s+my\s+neck|to\s+bleed\s+out|"
    + NOT_AN_ACCIDENT
    + r")"
)
# "on purpose" for an everyday end ("on purpose to get the shot", "deliberately, to scare them") is no intent to die
PLAIN_PURPOSE = (
    r"(?:on\s+purpose|deliberately|purposely|intentionally)(?!,?\s+(?:to|so|for)\s+(?!(?:die|end|bleed|kill|drown|"
    r"not|never|be\s+dead|go)\b))"
)
# not a swim, a dare or a rescue ("jumped into the lake on purpose to cool off")
NOT_FOR_FUN = (
    r"(?![^.!?\n]{0,60}\b(?:for\s+a\s+(?:swim|dip|dare|bet|laugh|photo|paddle)|to\s+(?:cool|swim|wash|rescue|save|"
    r"fetch|help|grab|catch|flag|stop|film)|for\s+charity|for\s+a\s+(?:video|film|scene)))"
)
# Sixteenth round: what a cover story says of a fall or a crash ("told everyone the brakes went", "everyone thinks I
# slipped", "the police wrote it as an accident"): the writer's own word that the act was no accident.
COVER_STORY_OF_ACT = (
    r"(?:(?:told|tell|telling|said|say|says)\s+(?:\w+\s+){0,3}?(?:it\s+was\s+(?:an?\s+|just\s+an?\s+)?(?:accident|fall|slip|"
    r"dare|blackout)|i\s+(?:had\s+)?(?:slipped|fell|nodded\s+off|fell\s+asleep|had\s+a\s+funny\s+turn)|(?:the|my)\s+brakes\s+"
    r"(?:went|failed))|(?:thinks?|thought|believes?|called\s+it|calls\s+it|wrote\s+it(?:\s+up|\s+down)?\s+as|put\s+it\s+down\s+"
    r"(?:as|to))\s+(?:(?:it\s+was\s+|that\s+)?(?:a|an|the|just)\s+)?(?:\w+\s+)?(?:accident|(?:i\s+)?(?:slipped|fell|nodded\s+off|"
    r"fell\s+asleep)|black\s+ice|blackout|brake\s+failure|bad\s+luck|fall|slip))\b"
)
# what a person swallows or injects to die: a medicine (``PILLS``), a poison, or a whole supply
POISON = (
    r"(?:bleach|poison(?!\s+(?:ivy|oak|sumac|dart|frog|pen|pill|apple))|rat\s+poison|pesticide|pesticides|weed\s*killer|paraquat|sheep\s+dip|antifreeze|anti-freeze|"
    r"insecticide|cyanide|arsenic|slug\s+pellets|drain\s+cleaner|oven\s+cleaner|cleaning\s+(?:liquid|fluid|stuff)|"
    r"nail\s+(?:varnish|polish)\s+remover|dudu\s+dust|"
    # twenty-first round: more household and workshop chemicals
    r"degreaser|paint\s+stripper|white\s+spirit|lighter\s+fluid|caustic\s+soda|descaler|brake\s+fluid|methanol|"
    r"turps|turpentine|lye|battery\s+acid|toilet\s+cleaner)"
)
DRUG = r"(?:" + PILLS + r"|" + POISON + r"|pill|tablet|painkiller|capsules?|patch|patches)"
# a container or a whole supply: what it held is unsaid, so only an intent to die makes it an overdose
SUPPLY = r"(?:bottle|box|strip|strips|pack|packet|stash|pen|the\s+lot|everything)"
# carried somewhere, not swallowed ("took two boxes of paracetamol to my mum's")
NOT_CARRIED = r"(?!\s+(?:back\s+|round\s+|over\s+|down\s+|up\s+|in\s+)?(?:to|into|for|from)\s)"
NOT_ABOUT_TO = r"(?<!to\s)(?<!gonna\s)(?<!will\s)(?<!'ll\s)(?<!could\s)(?<!would\s)(?<!might\s)(?<!should\s)(?<!almost\s)(?<!nearly\s)"
# a place to fall from or into, or to drive at
DROP = (
    r"(?:bridge|roof|rooftop|cliff|cliffs|window|tower|scaffold|viaduct|ravine|gorge|stern|platform|pillar|rail|railing|"
    r"railings|guardrail|parapet|tree|ledge|balcony|building|overpass|flyover|freight|train|tracks|grade|gap|"
    r"(?:first|second|third|fourth|fifth|sixth|top|\d+(?:st|nd|rd|th))\s+(?:floor|storey)|car\s+park|multi-storey|"
    r"embankment)"
)
# water and ice: walked into or onto for fun as often as not, so "on purpose" alone is not enough
WATER = r"(?:lake|river|sea|harbour|harbor|quarry|creek|ice|loch|reservoir|canal|estuary|bay)"
# a learner's present told of a past time ("In 2017 I jump from …", "Back in '19 I run my truck off …"); without the
# time it may be a wish ("maybe I'll just jump off …")
PAST_TIME_BEFORE = (
    r"\b(?:in\s+(?:19|20)\d\d|(?:years?|months?|weeks?|days?)\s+(?:ago|back)|last\s+(?:year|month|week|spring|summer|"
    r"autumn|fall|winter|night)|back\s+in|when\s+i\s+was|once)\b[^.!?\n]{0,60}?"
)
# the writer's own fall or crash ("drove my truck off", "went over the rail", "took my rig off the grade")
FALL_ACT = (
    r"(?:"
    + NOT_ABOUT_TO
    + r"\b(?:jumped|threw\s+myself|went|rolled|drove|ran|rode|aimed|steered|stepped|walked|"
    r"took\s+(?:my|the|our)\s+(?:\w+\s+)?(?:rig|truck|car|van|ute|lorry|bike|motorbike|wagon|jeep|4x4))"
    r"|" + PAST_TIME_BEFORE + r"\b(?:jump|drive|run))\s+"
    r"(?:[\w']+\s+){0,3}?(?:off|from|over|into|in\s+front\s+of|at|onto|out\s+on|out\s+onto|through|under)\s+"
    r"(?:[\w'-]+\s+){0,4}?"
)
# said after the act's sentence, only the writer's own word that it was meant or no accident, or its cover story:
# a wish to die or a purpose said sentences later may be about something else
MEANT_AFTER = r"(?:i\s+|proper\s+|really\s+)?meant\s+it\b(?!\s+(?:as|when|like|for|about))|i\s+wanted\s+to\s+die(?!\s+of\b)"
SAID_AFTER = r"(?:" + MEANT_AFTER + r"|" + NOT_AN_ACCIDENT + r"|" + COVER_STORY_OF_ACT + r")"
# the intent said in the act's clause or in one of the next two sentences
THEN = (
    r"(?:[^.!?\n]{0,80}?|[^.!?\n]{0,80}[.!?]+\s+[^.!?\n]{0,80}?|[^.!?\n]{0,80}[.!?]+\s+[^.!?\n]{0,80}[.!?]+\s+"
    r"[^.!?\n]{0,80}?)\b"
)
# Sixteenth round: into water "on purpose" or "deliberately" alone is a swim or a dare as often as not ("ran into the
# sea on purpose, screaming, at New Year"); the intent to die or "meant it" must be said.
WATER_PURPOSE = r"(?:" + INTENT_TO_DIE + r"|" + MEANT + r")"
# the intent said with an act, in its clause
SAID_WITH = r"(?:" + PLAIN_PURPOSE + r"|" + INTENT_TO_DIE + r"|" + MEANT + r")"
# swallowed, drunk or injected by the writer (a learner's present too), up to the thing taken
INGESTED = (
    NOT_ABOUT_TO
    + r"\b(?:swallowed|swallow|drank|drink|downed|necked|ate|eat|took|take|injected|inject|shot\s+up)\s+"
    r"[^.!?\n]{0,50}?\b"
)
# the writer's words before an act of theirs ("I", "been", "kept", "and", "then" …)
WRITER_WORDS = r"(?:i|i've|ive|i'd|id|been|keep|kept|still|again|then|just|and|&|n)"
# the writer as the doer: "I", a subjectless clause, or after "and"/"then"/"been" ("The dog bit my hand" is not)
BY_THE_WRITER = (
    r"(?:\b"
    + WRITER_WORDS
    + r"\s+(?:(?!(?:never|not|nearly|almost|didnt|dont|wont|cant|couldnt|wouldnt|shouldnt|hardly)\b)\w+\s+)?"
    r"|(?<![a-z]\s)(?<![a-z'-]))"
)
# a self-harm act's first word, done by the writer (not wished or about to be)
BY_THE_WRITER_NOW = NOT_ABOUT_TO + BY_THE_WRITER + r"\b"
# The verbs of the acts of ``self_harm_composed``: something taken to the body, an attack on it, a bite or a burn, the
# body held on something, the writer burned, a wall punched.
TAKEN_TO = (
    r"(?:used|using|took|taking|put|pressed|pressing|held|scraped|scraping|ran|dragged|dragging|laid|stuck|jabbed|"
    r"stabbed|dug|digging|snapped|snapping|picked|picking)"
)
WENT_AT = r"(?:had\s+a\s+go\s+at|went\s+at)"
BITTEN = (
    r"(?:bit|bite|bitten|biting|burned|burnt|burn|burning|scalded|scratched|scratching|scratchin'?|scratch|scraped|"
    r"scraping|gouged|gouging)"
)
HELD_ON = r"(?:held|pressed|put|stuck|kept)"
# Twenty-first round: the place a wall or a floor is in, said after it ("hit my head on the wall of the kitchen many
# times")
OF_THE_ROOM = (
    r"(?:\s+(?:of|in)\s+(?:the|my|our|his|her)\s+(?:\w+\s+)?(?:kitchen|bedroom|bathroom|room|hall|hallway|flat|house|"
    r"cell|shed|garage|toilet|loo|corridor|landing|office|car|stairs|stairwell))?"
)
# Twenty-first round: a part of a body part ("scratched the back of my hand raw")
PART_OF = r"(?:the\s+(?:back|backs|side|sides|inside|insides|top|tops|palm|palms|skin)\s+of\s+)?"
# Twenty-first round: a hurt done again and again to the writer's own body, told by its habit ("kept jabbing the point
# of a dart into my thigh", "been punching my own legs", "been using the craft knife on my hips"): a sharp act on a
# site where a cut is seldom an accident (``CUT_SITES``), a blunt one only on "my own" body, a sharp thing used on
# such a site; not an injection, an itch or a shave
HABIT = r"\b(?:kept|keep|keeps|been|started|start|i\s+keep)\s+(?:on\s+)?"
SHARP_ING = r"(?:jabbing|stabbing|digging|gouging|carving|cutting|slicing|scoring)"
BLUNT_ING = (
    r"(?:punching|hitting|slapping|pinching|burning|biting|scratching|scraping|bashing|thumping|smacking)"
)
SHARP_THING = (
    r"(?:knife|knives|blade|blades|scalpel|scissors|nippers|compass|pin|pins|needle|needles|shard|glass|box\s+cutter|"
    r"stanley|lighter|dart|darts|sharpener|safety\s+pin|tweezers)"
)
NOT_A_HABIT_HURT = (
    r"(?![^.!?\n]{0,120}\b(?:insulin|injection|injections|jab|vaccine|epipen|pen|itch\w*|eczema|rash|hives|bites|mosquito\w*|"
    r"allerg\w*|psoriasis|chickenpox|sunburn|shav\w*|wax\w*|tattoo\w*|massage\w*|foam\s+roller|physio\w*|cramp\w*)\b)"
)
BURNED_SELF = r"(?:burned|burnt|scalded)"
PUNCHED = r"(?:punched|hit|headbutted|kicked|smashed)"
# What every alternative of ``self_harm_composed`` starts with: the writer's word of ``BY_THE_WRITER`` or an act's verb.
# A necessary condition only (it changes no match), checked once per position instead of once per alternative: the
# rule's scan of a plain text is several times cheaper. Built from the same verbs, so the two cannot drift apart.
SELF_HARM_OPENING = (
    r"(?="
    + WRITER_WORDS
    + r"\s|(?:"
    + "|".join((TAKEN_TO, WENT_AT, BITTEN, HELD_ON, BURNED_SELF, PUNCHED))
    + r")\b)"
)
# where a cut is self-harm far more often than an accident (not a hand or a finger, cut in every kitchen)
CUT_SITES = (
    r"(?:arm|arms|forearm|forearms|wrist|wrists|thigh|thighs|leg|legs|stomach|belly|tummy|hip|hips|skin|chest|"
    r"shoulder|shoulders)"
)
HARM_BODY = (
    r"(?:arm|arms|forearm|forearms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|palm|palms|"
    r"knuckles|fingers|ankle|ankles|shin|shins|ribs|chest|neck|face|cheek|cheeks|scalp|feet|foot)"
)
CARE_THINGS = (
    r"(?:cream|creams|lotion|plaster|plasters|bandage|bandages|ice|aloe|oil|moisturiser|moisturizer|sunscreen|suncream|"
    r"balm|gel|spray|dressing|cast|splint|watch|bracelet|ring|tattoo|henna|make-?up|paint|glitter|hand|hands|arm|head|"
    r"plate|bag|baby|coat|jacket|kid|child|dog|cat|phone|tape|chalk|brush|comb|towel|flannel|sponge|soap|shampoo|drops|"
    r"brace|glove|gloves|hairdryer|dryer|pen|biro|marker|needle\s+and\s+thread)"
)
# Sixteenth round: what a self-harm act done with any instrument did, or why it was done, said in its sentence or the
# next ("till it bled", "four lines", "not deep", "to feel something", "on purpose", "three times", "raw")
HARM_SAID = (
    r"(?![^.!?\n]{0,60}?\bto\s+(?:warm|dry|clean|wash|cool|test|check|soothe|numb|heal|stop\s+the\s+bleeding)\b)(?=[^.!?\n]{0,80}?\b(?:till|until)\s+(?:it|they|the\s+(?:skin|blood)|my\s+\w+)\s+(?:\w+\s+)?(?:bled|blistered|went|split|broke|"
    r"came|come|burst|ran|opened|bleed)|[^.!?\n]{0,80}?\b(?:till|until)\s+(?:it\s+|they\s+|i\s+had\s+|it\s+left\s+|the\s+"
    r"\w+\s+was\s+)?(?:bleed|bled|bleeding|welts|bruises)|[^.!?\n]{0,80}?\b(?:lines|cuts|not\s+deep|to\s+feel|needed\s+to|just\s+needed|raw|"
    r"bled|till\s+(?:the\s+)?blood|on\s+purpose|deliberately|(?:two|three|four|five|six|\d+)\s+times(?!\s+round)|twice|"
    r"every\s+night|"
    r"deserved\s+it|to\s+punish|to\s+hurt\s+me|wanted\s+it\s+to\s+hurt)\b|[^.!?\n]{0,80}[.!?]+\s+[^.!?\n]{0,60}?\b(?:not\s+deep|"
    r"(?:two|three|four|five|\d+)\s+times|(?:second|third|fourth|fifth)\s+time\s+(?:this|that|today|tonight)|lines|cuts|"
    r"felt\s+right|felt\s+better|on\s+purpose|did\s+it\s+on\s+purpose|"
    r"nobody\s+(?:noticed|knows|saw)|deserved\s+it)\b)"
)
# A word that every self-harm act of ``self_harm_composed`` needs said beside it, in ``HARM_SAID`` or after a wall
# punched ("till", "lines", "on purpose", "deserved", "hurt"): the rule's guard, so a text without any is not scanned.
HARM_SAID_WORDS = re.compile(
    r"\b(?:till|until|lines|cuts|deep|feel|needed|raw|bled|purpose|deliberately|times|time|twice|night|deserved|punish|"
    r"hurt|felt|nobody)\b"
)
# One pattern per act, so the regex gate (``regex_gate``) can skip each when its words are absent.
ACTS_WITH_INTENT = (
    # into water, with the purpose said
    r"\b(?:walked|waded|went|swam|threw\s+myself|jumped|ran|stepped)\s+(?:out\s+|straight\s+|right\s+|slowly\s+)?"
    r"into\s+(?:the\s+)?(?:\w+\s+)?(?:sea|river|lake|loch|canal|reservoir|water|waves|ocean|quarry|tide|surf|pond|"
    r"estuary|harbour|harbor|bay|dam)\b" + NOT_FOR_FUN + r"[^.!?\n]{0,60}?\b" + WATER_PURPOSE,
    # in front of (or under) a vehicle, with the purpose said, before or after
    r"\b(?:stepped|walked|ran|threw\s+myself|jumped|lay\s+down|laid\s+down|lay)\s+(?:out\s+)?(?:in\s+front\s+of|"
    r"under|onto|on)\s+(?:a|an|the|that|this)\s+(?:\w+\s+)?(?:train|van|lorry|bus|car|truck|tram|coach|tractor|"
    r"traffic|tracks|motorway|railway\s+line)\b" + NOT_FOR_FUN + r"[^.!?\n]{0,60}?\b" + PURPOSE,
    r"\b(?:deliberately|purposely|intentionally)\s+(?:stepped|walked|ran|threw\s+myself|jumped|lay\s+down|"
    r"drove)\s+(?:out\s+)?(?:in\s+front\s+of|under|into|off)\s+(?:a|an|the|that|this)\s+(?:\w+\s+)?(?:train|van|"
    r"lorry|bus|car|truck|tram|coach|traffic|sea|river|lake|wall|tree|bridge|cliff)\b",
    # a head in the gas oven, the writer's own act (not wished, not a tray in it, nor cleaning it)
    r"(?<!could\s)(?<!would\s)(?<!might\s)(?<!should\s)(?<!will\s)(?<!can\s)(?<!to\s)(?<!never\s)(?<!'d\s)"
    r"(?<!'ll\s)(?<!just\s)(?<!wanna\s)\b(?:put|stuck|laid|placed)\s+my\s+head\s+in(?:to|side)?\s+(?:the|a|our|my|"
    r"mum'?s|mom'?s)\s+(?:gas\s+)?oven\b(?![^.!?\n]{0,40}\bto\s+(?:clean|check|scrub|look|see|reach|get|wipe|"
    r"degrease|light|fix))",
    # another act on one's body with the intent to die said
    r"\b(?:swallowed|drank|downed|injected|inhaled|slashed|hanged|hung|tied|jumped\s+(?:off|from|into)|"
    r"drove\s+(?:\w+\s+){0,2}?(?:into|off)|lay\s+down|went\s+under|breathed\s+in|took\s+(?:all\s+|every\s+|the\s+|"
    r"my\s+)(?:\w+\s+){0,2}?" + PILLS + r")\b[^.!?\n]{0,60}?\b(?:" + INTENT_TO_DIE + r")",
    # sixteenth round: a medicine or a poison swallowed or injected with the intent said in its clause, or a
    # container or a whole supply with a wish to die said
    INGESTED + DRUG + r"\b" + NOT_CARRIED + r"[^.!?\n]{0,60}?\b" + SAID_WITH,
    INGESTED
    + SUPPLY
    + r"\b"
    + NOT_CARRIED
    + r"[^.!?\n]{0,60}?\b(?:"
    + INTENT_TO_DIE
    + r"|"
    + WISH_TO_DIE
    + r")",
    # a fall from a height or a crash of the writer's own making, with the intent said in its sentence, or the
    # writer's "meant it" or cover story in one of the next two
    FALL_ACT
    + DROP
    + r"\b"
    + NOT_FOR_FUN
    + r"(?:[^.!?\n]{0,80}?\b"
    + SAID_WITH
    + r"|"
    + THEN
    + SAID_AFTER
    + r")",
    # into water or onto ice, with the intent said, or "on purpose" and then a cover story (neither alone: a swim, a
    # dare, a fall-in owned up to)
    FALL_ACT
    + WATER
    + r"\b"
    + NOT_FOR_FUN
    + r"(?:[^.!?\n]{0,80}?\b(?:"
    + INTENT_TO_DIE
    + r"|"
    + MEANT
    + r")|"
    + THEN
    + r"(?:"
    + MEANT_AFTER
    + r"))",
    FALL_ACT + WATER + r"\b" + NOT_FOR_FUN + r"[^.!?\n]{0,60}?\b" + PLAIN_PURPOSE + THEN + COVER_STORY_OF_ACT,
    # a cut to the throat, neck or veins, or a hand through glass or on the mains, with the intent said
    NOT_ABOUT_TO
    + r"\b(?:(?:cut|slit|slashed|opened)\s+my\s+(?:neck|throat|veins|wrists?)|put\s+my\s+(?:arm|fist|hand)\s+through\s+"
    r"(?:\w+\s+){0,2}?(?:window|glass)|grabbed\s+the\s+(?:mains|live\s+wire))\b[^.!?\n]{0,60}?\b" + SAID_WITH,
)
# the act turned back ("… meaning to drown, but I turned back"): a behavior, not an attempt
TURNED_BACK = (
    r"[^.!?\n]{0,80}\bbut\s+(?:then\s+|at\s+the\s+last\s+(?:minute|second)\s+)?(?:i\s+)?(?:\w+\s+)?(?:turned\s+back|"
    r"came\s+back|came\s+out|got\s+out|walked\s+back|swam\s+back|stepped\s+back|pulled\s+(?:back|out)|stopped|"
    r"couldn'?t|could\s+not|didn'?t|did\s+not|changed\s+my\s+mind|bottled|chickened|froze|lost\s+my\s+nerve)"
)

# Seventeenth round: an act set up by the writer and then turned back or interrupted, read by composition whatever its
# words: a ligature fixed to a beam, a fan or a tree; the writer on the wrong side of a railing or with a leg over a
# parapet; a gun or a blade to the mouth, the head or a wrist; a hose fitted to an exhaust; pills in the mouth; stones
# in the pockets; then, in that sentence or one of the next two, the writer got down, took it off, couldn't, went home,
# or someone knocked, rang or shouted. An aborted or interrupted attempt is a behavior (C-SSRS).
LIGATURE = (
    r"(?:rope|ropes|belt|cord|cable|flex|dupatta|scarf|sheet|bedsheet|strap|noose|chain|cloth|tie|tights|"
    r"ligature|lanyard|dressing\s+gown\s+cord|charger\s+cable|extension\s+(?:cord|lead|cable))"
)
FIXING_POINT = (
    r"(?:beam|beams|rafter|rafters|fan|banister|bannister|banisters|bannisters|hook|door|tree|branch|pipe|joist|"
    r"hatch|stairs|staircase|ceiling|loft|rail|bunk|bed\s+frame|wardrobe|coat\s+hook|light\s+fitting|bars)"
)
# a ligature up for play, work or chores (a swing, a hammock, a washing line, a dog's lead)
NOT_A_CHORE = (
    r"(?![^.!?\n]{0,60}\b(?:swing|swings|hammock|washing|laundry|clothes|lights|bunting|tyre|tire|decorations?|plants?|"
    r"pinata|punch\s*bag|punching\s+bag|boat|kayak|canoe|dog|horse|goat|tent|tarp|load|ladder|harness|climb|climbing|"
    r"gym|pull-?ups?|yoga|stretch|banner|flag|sign|hanging\s+basket|bird\s*feeder|net|ball|bike)\b)"
)
# Seventeenth round: preparations told by composition. Things given away or sold, with the writer's word that they
# will not be needed, in that sentence or one of the next two ("gied awa ma rods … tellt him I'd hae nae need o
# them", "won't be needing either after this week"); not a need that ends with a place, a time or a reason ("won't
# need them in Spain", "when I move", "because I bought new ones").
GIVEN_AWAY = (
    r"\b(?:gave|give|gives|giving|given|gied|gived|sold|selling|sell|handed|passed|passing|rehomed|donated|left)\s+"
    r"(?:\w+\s+)?(?:away\s+|on\s+|over\s+|out\s+)?(?:my|me|ma|mi|all\s+my|the|our)\s+"
)
# Twentieth round: things the writer calls old, spare or outgrown are given away for that reason ("I give my old
# clothes and shoes to the new boys at the church, I don't need them anymore"); the things given away before an act
# are kept ones (a guitar, rods, a watch, a dog).
WORN_OUT = r"(?!(?:old|older|spare|outgrown|used|worn|unwanted|surplus|leftover|extra)\b)"
NO_NEED = (
    r"(?:\b(?:i|i'd|id|i'll|ill|i'm|im|ah|a)\s+|(?<=[.!?]\s))(?:won'?t|wont|wouldn'?t|wouldnt|will\s+not|would\s+not|"
    r"don'?t|dont|do\s+not|no\s+longer|'d\s+hae\s+nae|hae\s+nae|have\s+no|had\s+no|'d\s+have\s+no)\s+(?:be\s+)?(?:need|"
    r"needing|needin'?|need\s+o|need\s+of|use\s+for)\s+(?>(?:for\s+)?(?:them|it|either|any\s+of\s+(?:it|them|this)|"
    r"these|those|this|that|o\s+them)(?:\s+(?:anymore|any\s+more|where\s+i'?m\s+going|where\s+i\s+am\s+going))?)"
    r"(?!\s+(?:in|at|for|on|when|until|till|during|next|there|while|because|since|as|once|now|at\s+uni|with)\b)"
)
# a means kept back or saved up with the writer's word of what it is for or that it is enough ("I know what they're
# for", "forty-one now", "when there are enough I shall take the lot", "not taking", "told myself it's for the
# bindweed. It isn't"); not a medicine kept where children can't reach it
MEANS_KEPT = (
    r"(?:" + PILLS[3:-1] + r"|" + POISON[3:-1] + r"|hose|charcoal|helium|rope|rounds|ammo|ammunition|shells|"
    r"cartridges|gun|rifle|shotgun|pistol|sedative|morphine|ampoules?|vials?|syringes?|pens|gel|detonators?|"
    r"explosives?|chain|stick|sticks)"
)
KEPT_BACK = (
    r"\b(?:kept|keep|keeping|keepin|saved|saving|savin|stashed|stashing|hid|hidden|hiding|hide|put\s+(?:by|aside|"
    r"away)|putting\s+(?:by|aside|away)|set\s+aside|hoarded|hoarding|collect|collected|collecting|gathered|"
    r"gathering|scooping|scooped|took|taken|bought|got|picked\s+up|brought)\s+"
)
KEPT_FOR_IT = (
    r"(?:i\s+know\s+(?:exactly\s+)?(?:what|where)\s+(?:it'?s|its|they'?re|theyre|it\s+is|they\s+are|i'?d|i\s+would|"
    r"i'?ll|i\s+will)\s+(?:for|do|walk|go|use)|(?:forty|fifty|sixty|seventy|thirty|twenty|\d\d+)(?:[\s-]\w+)?\s+now\b|"
    r"when\s+there\s+(?:are|is)\s+enough|(?:i\s+)?(?:am\s+|i'?m\s+)?(?:not\s+taking|instead\s+of\s+taking)\b|"
    r"told\s+myself\s+(?:it'?s|its|it\s+is|they'?re)\s+(?:for|just|insurance)|i\s+know\s+what\s+is\s+enough|"
    r"one\s+day\s+i\s+(?:will|'ll)\s+take|i\s+shall\s+take\s+the\s+lot|not\s+for\s+(?:any|using|signalling|the\s+"
    r"(?:animals?|garden|weeds?|rats?|car|job)))"
)
# a letter or a note left for after the writer's death ("for when", "where she'll find it after", "explaining why I
# had to go", an envelope marked 'after'); not a letter for after the wedding
NOTE_FOR_AFTER = (
    r"\b(?:letter|letters|note|notes|envelope|envelopes|card|cards|message|messages|testament|video)\b"
    r"(?=[^.!?\n]{0,80}?(?:\bfor\s+(?:when|after)(?=\s*(?:[.!?,;]|$))|\b(?:find|read|open|get)\s+(?:it|them)\s+after"
    r"(?=\s*(?:[.!?,;]|$))|\bafter\s+i'?m\s+gone\b|\bafter\s+i\s+(?:am|have)\s+gone\b|\bexplaining\s+why\s+i\s+"
    r"(?:had\s+to\s+go|did\s+it|couldn'?t\s+(?:stay|go\s+on))|['‘\"]after['’\"]|\bfor\s+when\s+i'?m\s+not\b))"
)
# at a railing for a photo, a view or a ball, not to fall
NOT_AN_OUTING = (
    r"(?![^.!?\n]{0,60}\b(?:photo|photos|selfie|picture|pictures|view|ball|kite|frisbee|drone|sunset|sunrise|to\s+(?:get|"
    r"take|fetch|grab|reach|rescue|save|help|film|see|look|watch|feed|pick|catch|paint|fix|check|clean))\b)"
)
ABORT_SETUP = (
    NOT_ABOUT_TO + BY_THE_WRITER + r"\b(?:"
    # a ligature tied, rigged or looped to a fixing point
    r"(?:tied|tie|tying|rigged|rig|hung|hang|looped|knotted|fixed|fastened|put|got|had|threw|slung)\s+"
    + NOT_A_CHORE
    + r"(?:[\w'-]+\s+){0,4}?"
    + LIGATURE
    + r"\s+(?:[\w'-]+\s+){0,4}?(?:to|off|from|over|round|around|on|onto|ower|tae|across)\s+(?:the\s+|a\s+|my\s+|our\s+|"
    r"that\s+)?(?:[\w'-]+\s+){0,2}?"
    + FIXING_POINT
    + r"\b"
    + NOT_A_CHORE
    # the writer past a railing or a parapet, or at a drop's very edge
    + r"|(?:stood|stand|standing|sat|sit|sitting|climbed|climb|got|swung|put|had|hung)\s+(?:\w+\s+){0,3}?(?:on|onto|over|"
    r"to|at|past|across)\s+(?:the\s+)?(?:wrong\s+side\s+of|other\s+side\s+of|outside\s+of|outer\s+edge\s+of|outer\s+side\s+"
    r"of|far\s+side\s+of)\s+(?:the\s+|"
    r"a\s+)?(?:[\w'-]+\s+)?(?:railings?|barrier|barriers|fence|parapet|rail|rails|guardrail|balustrade|safety\s+net)\b"
    + NOT_AN_OUTING
    + r"|(?:one|both|a|my)\s+legs?\s+(?:over|across)\s+(?:the\s+|a\s+)?(?:[\w'-]+\s+)?(?:parapet|railings?|barrier|edge|"
    r"side|rail|balcony|ledge|wall)\b"
    + NOT_AN_OUTING
    + r"|(?:stood|stand|standing|sat|sit|sitting|climbed|climb)\s+(?:out\s+)?(?:on|onto|up\s+on)\s+(?:the|a|our)\s+"
    r"(?:[\w'-]+\s+)?(?:parapet|ledge|railings?|guardrail|balustrade)\b"
    + NOT_AN_OUTING
    + r"|(?:stood|stand|standing|lay|lie|lying|sat|sit|sitting)\s+(?:down\s+)?(?:\w+\s+)?between\s+the\s+(?:rails|tracks)\b"
    # a gun or a blade to the mouth, the head, a wrist or the throat
    r"|(?:had|held|put|pressed|stuck|pointed|placed|rested)\s+(?:the\s+|a\s+|my\s+|de\s+|da\s+|dad'?s\s+|his\s+)?"
    r"(?:[\w'-]+\s+)?(?:gun|pistol|rifle|shotgun|barrel|muzzle|revolver|razor|blade|knife|stanley)\s+(?:\w+\s+)?(?:in|to|"
    r"against|on|under|into)\s+(?:my|me|muh|ma|mah|mi)\s+(?:own\s+)?(?:mouth|mout|head|temple|wrist|wrists|throat|"
    r"chest|heart)\b"
    # a hose fitted to an exhaust
    r"|(?:fitted|fixed|put|taped|attached|ran|run|connected|fed|pushed|stuck|had|got)\s+(?:[\w'-]+\s+){0,4}?hose\b"
    r"[^.!?\n]{0,40}?\bexhaust\b"
    # pills in the mouth or poured out in a hand
    r"|(?:had|held|put|poured|tipped|shoved|stuffed|emptied)\s+(?:a\s+|the\s+|all\s+(?:the\s+|my\s+)?|my\s+)?"
    r"(?:handful|fistful|mouthful|lot|whole\s+\w+|\w+)\s+(?:of\s+)?(?:the\s+|my\s+|them\s+)?(?:\w+\s+)?(?:"
    + PILLS[3:-1]
    + r")\s+(?:in|into)\s+(?:my|me|ma)\s+(?:mouth|gob)\b"
    # weights to drown
    r"|(?:pockets?|coat|rucksack|backpack)\s+(?:\w+\s+){0,2}?(?:full\s+of|filled\s+with|loaded\s+with|of)\s+"
    r"(?:stones|rocks|bricks|weights)\b"
    r"|(?:filled|loaded|stuffed|weighted|weighed)\s+(?:down\s+)?(?:my\s+|me\s+)?(?:\w+\s+)?(?:pockets|coat|rucksack|"
    r"backpack|jacket)\s+with\s+(?:\w+\s+)?(?:stones|rocks|bricks|weights)\b"
    r"|(?:anchor\s+)?(?:chain|rope|weights?|anchor)\s+(?:\w+\s+){0,2}?(?:wrapped|knotted|tied|round|around)\s+"
    r"(?:\w+\s+)?(?:round|around|to)?\s*my\s+(?:ankles?|boots|feet|legs|waist)\b"
    r")"
)
# the last word of every set-up of ``ABORT_SETUP`` (a fixing point, a railing, a body part, an exhaust, stones): the
# guard of ``aborted_composed``, so a text with none of them is not scanned
ABORT_SETUP_ENDS = re.compile(
    r"\b(?:"
    + FIXING_POINT
    + r"|railings?|barriers?|fence|parapet|rails?|guardrail|balustrade|net|edge|side|balcony|ledge|wall|tracks|mouth|"
    r"mout|head|temple|wrists?|throat|chest|heart|exhaust|gob|stones|rocks|bricks|weights|ankles?|boots|feet|legs|waist)\b"
)
# then turned back, or interrupted, told by the writer
TURNED_BACK_THEN = (
    r"(?:(?:i\s+|and\s+|then\s+|so\s+i\s+)?(?:got|came|climbed|stepped|jumped|clambered)\s+(?:back\s+)?(?:down|off|back|"
    r"over|in)\b|(?:took|pulled|cut)\s+(?:it|them)\s+(?:down|off|away)|untied\s+(?:it|them)|(?:put|threw|chucked|"
    r"binned)\s+(?:it|them)\s+(?:back|away|in\s+the\s+bin)|binned\s+(?:it|them)|spat\s+(?:it|them)\s+out|flushed\s+"
    r"(?:it|them)|(?:couldn'?t|could\s+not|couldnae|cudnt|didn'?t|did\s+not|didn|never)\s+(?:do\s+it|go\s+through|"
    r"pull|load|turn|jump|step|let\s+go|kick|swallow\s+them)|bottled\s+it|chickened\s+out|lost\s+my\s+nerve|"
    r"(?:went|came|go|drove|walked|rode|cycled)\s+(?:back\s+)?home|turned\s+(?:round|around|back)|stepped\s+(?:back|off|"
    r"away|down)|(?:then|till|until|when|before)\s+(?:my\s+|a\s+|the\s+|our\s+|some\s+)?(?:[\w'-]+\s+){0,3}?(?:knocked|knock|"
    r"rang|phoned|called|came|shouted|barked|started|walked|asked|pinged|went\s+off|opened|found|stopped))\b"
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    level: int
    pattern: re.Pattern[str]
    immune: frozenset[str] = frozenset()  # suppression reasons that never apply to this rule
    # a pattern that matches somewhere in every text the rule matches in (e.g. the bare act every match begins
    # with); shared by rules, searched once per text: where it matches nowhere, the rule is not scanned (an exact
    # short cut, it changes no match)
    guard: re.Pattern[str] | None = None
    # thirty-third round: the text kinds the rule reads (empty: every kind); the reported forms of a therapist's note
    # are read only in session text (:data:`SESSION_KINDS`)
    kinds: frozenset[str] = frozenset()


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _rule(
    name: str,
    level: int,
    pattern: str,
    immune: tuple[str, ...] = (),
    guard: re.Pattern[str] | None = None,
    kinds: frozenset[str] = frozenset(),
) -> Rule:
    return Rule(name, level, re.compile(pattern), frozenset(immune), guard, kinds)


# Thirty-third round (h120, review r103): the kinds of a therapist's session text, where "she", "he", "they" or "the
# client" usually mean the person in therapy (``care.services.alerts.screen_at_save`` reads a therapist's text as
# ``session_note``; a progress note's own screen as ``session``).
SESSION_KINDS = frozenset({"session", "session_note"})
# the client named in the third person, as a therapist's note does (not a relative or a friend of theirs); 2.12.0
# (h157): "cl", a note's shorthand for the client, as "pt" is for the patient
CLIENT = r"(?:he|she|they|the\s+client|client|the\s+patient|patient|pt|cl|the\s+young\s+person|yp)"
THEIR = r"(?:his|her|their)"
THEMSELF = r"(?:himself|herself|themselves|themself)"
# a reporting verb of clinical shorthand; "denies" is read, and set aside as a negation (``DENIED``)
REPORTS = (
    r"\b(?:reports?|reported|reporting|admits?|admitted|admitting|disclosed|discloses|disclosing|endorsed|endorses|"
    r"endorsing|expressed|expresses|expressing|describes|described|describing|voiced|voices|acknowledged|"
    r"acknowledges|presents\s+with|presented\s+with|denies|denied|denying)\s+"
)
SHORTHAND_SI = (
    r"(?:(?:passive|active|ongoing|current|fleeting|intermittent|some|recent)\s+)?(?:si|suicidal\s+(?:ideation|ideas|"
    r"thoughts|feelings|intent|urges)|thoughts\s+of\s+(?:suicide|death|dying|ending\s+"
    + THEIR
    + r"\s+(?:own\s+)?life|"
    r"killing\s+" + THEMSELF + r"))"
)
# 2.8.3 (h127): a bare "SI" that a heading answers ("SI: denies", "SI/HI - none", "SI/SH: n/a") or that is itself a
# heading ("SI:"); read by `noted_ideation` only (a bare "SH" is not read: see that rule)
NOTED_ANSWERED = (
    r"(?!\s*/\s*(?:hi|sh|si)\b\s*[:\-\u2013]?\s*(?:denie[sd]|deny|none|no|nil|negative|neg|absent|n/?a)\b)"
    r"(?!\s*[:\-\u2013]?\s*(?:denie[sd]|deny|none|no|nil|negative|neg|absent|n/?a|not\s+present)\b)(?!\s*:)"
)
SELF_HARM_WORD = r"(?:sh|self[\s-]?harm(?:ing|ed)?|self[\s-]?injury|self[\s-]?injuring)"
# 2.13.0 (h160): a side or a part may qualify the place ("her upper arms", "his left forearm")
SIDE = r"(?:(?:upper|lower|inner|outer|left|right)\s+)?"
HARM_SITES = (
    r"(?:"
    + THEMSELF
    + r"|"
    + THEIR
    + r"\s+"
    + SIDE
    + r"(?:arms?|forearms?|wrists?|legs?|thighs?|skin|stomach|hips?|body))"
)
HARMED = (
    r"(?:cut|cutting|burned|burnt|burning|scratched|scratching|carved|carving|hit|hitting|punched|punching)"
)
# the means a preparation sets ready (not "meds" or "medication" alone: an everyday dose is set ready too)
READY_MEANS = (
    r"(?:pills|tablets|painkillers|pain\s+killers|paracetamol|sleeping\s+(?:pills|tablets)|rope|noose|blade|blades|"
    r"razor|razors|gun|ligature|charcoal|helium|insulin)"
)
# ready, and no purpose, place or pick-up after it ("pills ready for the morning dose", "ready at the pharmacy")
READY = (
    r"(?:all\s+|already\s+|now\s+)?(?:ready|sorted|lined\s+up|laid\s+out|counted\s+out|set\s+aside|within\s+reach)\b"
    r"(?!\s+(?:for|to|at|from|by|in|when|on)\b)"
)


# Each act told with its intent is read twice, as an attempt (not turned back) and as an aborted act (turned back):
# both begin with the bare act, so the bare act is searched once per text and guards both.
_ACTS = tuple(re.compile(act) for act in ACTS_WITH_INTENT)


RULES: tuple[Rule, ...] = (
    # --- attempt -------------------------------------------------------------------------------
    _rule(
        "attempt_tried_to_die",
        ATTEMPT,
        r"\b(?:tried|attempted|attemped|tryed|(?:am|was|did|have|has)\s+try)\s+(?:\w+\s+)?(?:to\s+)?(?:kill|hang|drown|"
        r"poison|shoot|off|unalive|end|gas)\s+" + SELF,
    ),
    _rule(
        "attempt_tried_to_end_life",
        ATTEMPT,
        r"\b(?:tried|attempted|attemped)\s+(?:\w+\s+)?to\s+(?:end\s+(?:it\s+all|my\s+(?:own\s+)?life|(?:it|things|"
        r"everything)"
        # 2.16.2 (h185, frozen38-197): "tried to end things with Marcus" is a relationship; "… with pills" is not
        r"(?!\s+(?:with|between)\s+(?!(?:(?:a|an|the|my|some|all|his|her|of\s+my)\s+)?(?:[\w']+\s+){0,2}?(?:pills|tablets|"
        r"rope|knife|blade|razor|belt|overdose|od|car|gun|" + DRUG + r")\b)\w))"
        r"|take\s+my\s+(?:own\s+)?life|die|commit\s+suicide|overdose|od|bleed\s+out)\b",
    ),
    _rule(
        "attempt_count",
        ATTEMPT,
        # a past attempt told by how often or when ("I've attempted twice before"), not "attempted the exam twice"
        r"\b(?:i'?ve|ive|i\s+have|i\s+had|i)\s+(?:already\s+|actually\s+)?(?:attempted|attemted)\s+(?:suicide\s+)?"
        r"(?:once|twice|three\s+times|several\s+times|many\s+times|a\s+few\s+times|before)\b(?!\s+(?:to|at|on|with)\b)",
    ),
    _rule(
        "attempt_poison",
        ATTEMPT,
        # plain and non-native past forms: "I drank bleach", "I was drink poison"
        r"\b(?:drank|drunk|was\s+drink|did\s+drink|have\s+drink|swallowed)\s+(?:the\s+|some\s+|a\s+bottle\s+of\s+)?"
        r"(?:poison(?!\s+(?:ivy|oak|sumac|dart|frog|pen|pill|apple))|bleach|antifreeze|weedkiller|weed\s+killer|rat\s+poison|"
        r"pesticide)\b"
        # sixteenth round: any poison of ``POISON`` swallowed, drunk or eaten, in the past or a learner's present
        # ("Took rat poison", "Last month I drink the bleach", "drank the sheep dip", "drank Sniper"), not by accident
        r"|"
        + NOT_ABOUT_TO
        + r"\b(?:drank|drink|drunk|swallowed|swallow|downed|necked|ate|took)\s+(?:the\s+|some\s+|di\s+|"
        r"(?:half\s+)?a\s+(?:bottle|cup|glass|mug|can|tin|capful|bit|jug)\s+(?:of\s+)?(?:the\s+)?)?(?:\w+\s+)?(?:"
        + POISON
        + r"|(?<=drank\s|drink\s)sniper|(?<=drank\sthe\s)sniper)\b"
        r"(?![^.!?\n]{0,60}\b(?:by\s+(?:accident|mistake)|accidentally|as\s+a\s+(?:kid|child|toddler|baby)|"
        r"when\s+i\s+was\s+(?:a\s+)?(?:kid|little|toddler|baby|small|[1-6]\b)))",
    ),
    _rule(
        "attempt_named",
        ATTEMPT,
        # (not what one reads or learns "about a suicide attempt")
        r"(?<!about\sa\s)(?<!about\sthe\s)(?<!about\shis\s)(?<!about\sher\s)"
        r"\b(?:suicide\s+attempts?|attempted\s+suicide|attempting\s+suicide|survived\s+(?:a|my|an)\s+"
        r"(?:suicide\s+)?attempt|(?:my|last|previous|first|second|third)\s+attempts?\b(?=\s+(?:to\s+(?:die|end|kill)|"
        r"on\s+my\s+life|at\s+suicide)))",
    ),
    _rule(
        "attempt_overdose",
        ATTEMPT,
        r"\b(?:overdosed|od'd|od'ed|o\.d\.'?d|took\s+an\s+overdose|(?:took|swallowed|downed)\s+everything\s+in\s+(?:the|my)\s+(?:medicine\s+)?(?:cabinet|cupboard|drawer|box)"
        # 2.16.1 (h183, frozen37-179): "injected all my insulin at once"
        r"|(?:took|taken|swallowed|downed|drank|necked|injected)\s+(?:like\s+|about\s+|around\s+|maybe\s+|nearly\s+|almost\s+|over\s+)?"
        r"(?:all|a\s+bunch|a\s+handful|" + NUMBER + r"|(?:the|a)\s+"
        r"(?:whole|full|entire)\s+(?:bottle|pack|box|packet|card|strip|blister\s+pack|tub|jar|sheet)|too\s+many|[1-9]\d+)"
        r"\s+(?:of\s+)?(?:my\s+|the\s+|me\s+)?(?:(?:mum'?s|mom'?s|dad'?s|"
        r"nan'?s|gran'?s|ma'?s|da'?s|[a-z]+'s|heart|sleeping|blood\s+pressure|pressure|bp|grandma|nan|mum|mom|dad|"
        r"pain|diet|sleep|anxiety|nerve)\s+){0,2}"
        + PILLS
        # sixteenth round: a whole supply told with a learner's or a dialect's quantity ("a hale box o paracetamol",
        # "one whole strip of Panadol", "a month of my pain meds at once", "my whole stash of zopiclone"), or every
        # pill of a box ("every painkiller in the first-aid box")
        # twenty-first round: "all the box of …" (a learner's whole box), and a medicine named in three words
        + r"|(?:took|swallowed|swallow|downed|necked|ate|eat)\s+(?:(?:a|one|two|three|half\s+a|all\s+(?:the|my|a))\s+"
        r"(?:whole\s+|hale\s+|full\s+)?"
        r"(?:bottle|box|boxes|strip|strips|pack|packs|packet|packets|month|months|week|weeks)|my\s+(?:whole|entire)\s+"
        r"(?:stash|supply|stock|prescription))\s+(?:of|o|ae)\s+(?:my\s+|the\s+|me\s+)?(?:[a-z]+(?:'s)?\s+){0,3}?"
        + PILLS
        + NOT_CARRIED
        + r"|(?:took|swallowed|downed|necked)\s+every\s+(?:single\s+)?(?:\w+\s+)?(?:pill|tablet|painkiller|capsule)s?\s+"
        r"(?:in|from|out\s+of)\s+(?:the|my|our)\s+(?:[\w-]+\s+){0,3}?(?:box|cabinet|cupboard|drawer|bag|kit|house|flat|packet|"
        r"bottle)\b"
        + r"|stomach\s+pumped|(?:i|i've|ive)\s+(?:finally\s+|just\s+|actually\s+)?(?:took|swallowed|downed)\s+(?:all\s+)?"
        r"the\s+"
        + PILLS
        + r"(?=\s*(?:[.!;…]|$|and\s+(?:waited|lay|laid|went|called|passed)|i'?d\s+(?:saved|been|hidden|"
        r"stashed|collected|hoarded)))|(?:took|swallowed|downed)\s+(?:all|every\s+one\s+of|the\s+rest\s+of)\s+my\s+(?:\w+\s+)?"
        + PILLS
        + r")",
    ),
    _rule(
        "attempt_act",
        ATTEMPT,
        r"\b(?:i|i've|ive)\s+(?:\w+\s+)?(?:slit|cut|slashed)\s+my\s+(?:wrists?|throat|veins?)\b|\b(?:hanged|hung)\s+"
        + SELF
        + r"|\bjumped\s+(?:off|from|in\s+front\s+of)\s+(?:a|the|my)\s+(?:bridge|building|roof|balcony|cliff|train|"
        r"bus|car|truck)"
        # sixteenth round: a gun put to the head and the trigger pulled; a car run in a shut garage
        r"|"
        + NOT_ABOUT_TO
        + r"\b(?:put|held|pressed|stuck)\s+(?:[a-z]+(?:'s)?\s+){0,2}?(?:pistol|gun|rifle|shotgun|revolver|"
        r"barrel|handgun)\s+(?:\w+\s+){0,2}?(?:to|in|into|under|against)\s+my\s+(?:head|mouth|chin|temple)\b[^.!?\n]{0,60}?"
        r"\b(?:pulled|squeezed)\b"
        r"|"
        + NOT_ABOUT_TO
        + r"\b(?:ran|run|left|started)\s+the\s+(?:\w+\s+)?(?:car|van|engine|truck|ute|motor)\s+"
        r"(?:engine\s+)?(?:\w+\s+){0,4}?(?:garage|lock-?up)\b[^.!?\n]{0,40}?\b(?:hose|shut|closed|shutter|sealed|taped)\b"
        r"|\b(?:sat|lay|laid)\s+(?:down\s+)?in\s+the\s+(?:\w+\s+)?(?:garage|lock-?up)\s+with\s+the\s+(?:car|engine|van|"
        r"motor)\s+(?:running|runnin'?|on)\b",
    ),
    # --- behavior: self-harm, preparation, aborted or interrupted acts --------------------------
    _rule(
        "self_harm_act",
        BEHAVIOR,
        r"\b(?:i|i've|ive|i'm|im|been|keep|kept|started|still|again)\s+(?:\w+\s+){0,2}(?:cut|cutting|cuttin|cuts|burned|"
        r"burnt|burning|scratched|scratching|scratch|carved|carving|bit|biting|harmed|harming)\s+"
        r"(?:myself|my\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|body))\b"
        # hurting or hitting a body part is self-harm unless the clause tells of an accident ("I fell and hurt my leg")
        r"|\b(?:i|i've|ive|i'm|im|been|keep|kept|started|still|again)\s+"
        r"(?:(?!(?:fell|fall|falling|tripped|trip|slipped|slip|crashed|crash|twisted|sprained|broke|banged)\b)\w+\s+){0,2}"
        r"(?:hit|hitting|punched|punching|hurting|hurt)\s+"
        r"(?:myself|my\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|body))\b"
        r"|\b(?:carved|carving|carve|etched|etching|scratched|cut)\s+(?:\w+\s+){0,2}into\s+my\s+(?:arms?|wrists?|legs?|"
        r"thighs?|skin|stomach|hips?|body)\b",
    ),
    # seventeenth round: a cut, a slash or a carving on the writer's own arm, thigh, stomach or skin, in any tense or
    # spelling and with or without "I" ("Cut up my arms with a razor", "mi cut up mi arm", "cuted my arm agian",
    # "been cuttin on my thighs", "made cuts on the arm", "went at my own arm with the Stanley knife"); an accident's
    # context sets it aside (``INJURIES``: "cut my arm on the barbed wire", "shaving"), and so does a work accident
    _rule(
        "self_harm_cut",
        BEHAVIOR,
        NOT_ABOUT_TO
        + r"(?:\b(?:mi|me|ah)\s+|"
        + BY_THE_WRITER
        + r")\b(?:(?:cut|cuts|cutting|cuttin'?|cuted|cutted|sliced|slicing|slashed|slashing|scored|scoring|scarified|"
        r"carved|carving)\s+(?:up\s+|on\s+|at\s+|into\s+)?(?:my|mi|me|ma|mah)\s+(?:own\s+)?"
        r"|made\s+(?:\w+\s+)?cuts\s+(?:on|in|into|across)\s+(?:my|the|mi)\s+"
        r"|(?:went|had\s+a\s+go)\s+at\s+(?:my|me|ma)\s+(?:own\s+)?(?=(?:\w+\s+)?"
        + CUT_SITES
        + r"\s+with\s+(?:a|the|my|an|me)\s+(?:[\w'-]+\s+)?(?:knife|blade|razor|glass|scissors|compass|stanley|scalpel|"
        r"box\s+cutter)\b))(?:left\s+|right\s+|upper\s+|inner\s+|lower\s+)?"
        + CUT_SITES
        # not cut off ("dreamt I cut my own arm off to get out of a trap")
        + r"\b(?!\s+off\b)(?![^.!?\n]{0,60}\b(?:at\s+work|on\s+(?:the|a)\s+(?:job|site|shift)|by\s+accident|accidentally|by\s+mistake|"
        r"when\s+(?:the|a|my)\s+\w+\s+(?:slipped|broke|smashed)|open\s+(?:a|the)\s+(?:tin|can|box|parcel|package)))",
    ),
    # sixteenth round: a self-harm act told by composition, whatever the instrument — something taken to, pressed on
    # or dragged across the writer's own body, the body held on something, or a wall punched — with what it did or
    # why said beside it ("till it bled", "four lines", "not deep", "to feel something", "on purpose", "three times")
    _rule(
        "self_harm_composed",
        BEHAVIOR,
        SELF_HARM_OPENING + r"(?:" + BY_THE_WRITER_NOW + TAKEN_TO + r"\s+"
        r"(?!(?:the\s+|some\s+|a\s+|my\s+)?(?:\w+\s+)?" + CARE_THINGS + r"\b)(?:[\w'-]+\s+){1,6}?"
        r"(?:to|on|across|into|against|along|over|at|through)\s+(?:my|me|ma|mah)\s+(?:own\s+)?"
        + HARM_BODY
        + r"\b"
        r"|" + BY_THE_WRITER_NOW + WENT_AT + r"\s+(?:my|me|ma)\s+(?:own\s+)?" + HARM_BODY + r"\b"
        r"|"
        + BY_THE_WRITER_NOW
        + BITTEN
        + r"\s+"
        + PART_OF
        + r"(?:my|me|ma|mah)\s+(?:own\s+)?"
        + HARM_BODY
        + r"\b"
        r"|" + BY_THE_WRITER_NOW + HELD_ON + r"\s+(?:my|me|ma|mah)\s+(?:own\s+)?" + HARM_BODY + r"\s+"
        r"(?:on|against|in|into|over|under)\s+(?:[\w'-]+\s+){0,3}?(?:hot|heat|fire|flame|hob|stove|iron|candle|lighter|"
        r"radiator|kettle|boiling|element)\b"
        r"|"
        + BY_THE_WRITER_NOW
        + BURNED_SELF
        + r"\s+(?:myself|meself|masel|mysel)\s+(?:on|with)\b)"
        + HARM_SAID
        # a wall punched: only with the hurt said ("till my knuckles split", "because I wanted it to hurt me")
        + r"|"
        + BY_THE_WRITER_NOW
        + PUNCHED
        + r"\s+(?:the|a)\s+(?:\w+\s+){0,2}?(?:wall|door|mirror|window|brick|"
        r"bricks)\b(?=[^.!?\n]{0,80}?\b(?:(?:till|until)\s+(?:it|they|my\s+\w+)\s+(?:\w+\s+)?(?:bled|split|broke|cracked|opened)|"
        r"to\s+hurt\s+(?:me|myself)|wanted\s+it\s+to\s+hurt|deserved\s+it|to\s+punish\s+(?:me|myself))\b)",
        guard=HARM_SAID_WORDS,
    ),
    _rule(
        "self_harm_named",
        BEHAVIOR,
        r"\b(?:i|i've|ive|i'm|im|my)\s+(?:\w+\s+){0,2}(?:self[\s-]?harm(?:ed|ing)?|self[\s-]?injur(?:y|ed|ing)|"
        r"relapsed\s+(?:on|into)\s+(?:self[\s-]?harm|cutting))\b"
        # long past, and said to be over ("I used to self-harm but it's been three years")
        r"(?![^.!?\n]{0,40}\b(?:(?:it'?s|it\s+has|it\s+is)\s+been\s+(?:\w+\s+){0,2}(?:years|months)|"
        r"(?:clean|free)\s+(?:for|since)|haven'?t\s+(?:\w+\s+){0,2}(?:for|since|in)\s+(?:a\s+long|years|months|ages)))|\bsh\s+relapse\b|\b(?:fresh|new)\s+(?:cuts|wounds)\b|"
        r"\bfresh\s+scars\b|\b(?:make|made|making)\s+(?:\w+\s+)?cuts\s+(?:on|in|into)\s+my\b"
        r"|(?:(?<=^)|(?<=[.!?\n])|(?<=[.!?\n]\s))(?:cut|cutting|burned|burnt|self[\s-]?harmed|relapsed)\s+(?:again|tonight|"
        r"last\s+night|today|deeper|myself)\b"
        # 2.9.0 (review r113): "i cut again" with no object, ended or followed by where ("on my bed", "in my room")
        # 2.10.1 (h140, review r117): the follow-set is exact: the end of the sentence, a place of the writer's that
        # ends the phrase ("on my bed", "in my room"), or a time; not an object after a comma ("i cut again, the
        # roses") and not "on my own"
        # 2.10.2 (h143, review r119): after the time, only the end (with no thing cut named in the next sentence: "i cut
        # again today. my hair i mean") or a tail of how it was or felt ("worse than before", "deeper this time", "lol
        # whatever", "and i dont care"); a comma and an object after the time ("today, my fringe") is not this rule
        r"|\b(?:i|i've|ive)\s+(?:just\s+)?(?:cut|burned|burnt)\s+again\b(?=\s*(?:"
        + CUT_AGAIN_END
        + r"|(?:on|in)\s+(?:my|the)\s+(?:bed|room|bedroom|bathroom|floor|arms?|legs?|wrists?|thighs?|stomach)\s*(?:[,.!;\n]|$)|"
        r",?\s*" + CUT_AGAIN_TAIL + r"|"
        r",?\s*(?:tonight|last\s+night|today|this\s+(?:morning|afternoon|evening|week)|yesterday)\s*(?:"
        + CUT_AGAIN_END
        + r"|,?\s*"
        + CUT_AGAIN_TAIL
        + r")))",
    ),
    _rule(
        "preparation_means",
        BEHAVIOR,
        r"\b(?:bought|buying|buy|got|ordered|order|getting|tied|tying|made|making|have|hid|hidden|hiding)\s+"
        r"(?:a\s+|the\s+|some\s+)?(?:(?:length|piece|coil)\s+of\s+)?(?:rope(?!\s+(?:swing|ladder|lights?|course|bridge|toy|licorice|liquorice|sweets|candy|laces))|noose)\b|\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|"
        r"collecting|collected|stashing|stashed)\s+(?:up\s+)?(?:my\s+|some\s+|all\s+|the\s+)?(?:\w+\s+)?"
        + PILLS
        + r"(?!\s+(?:from|at)\s+(?:the\s+)?(?:chemist|pharmacy|doctor|gp|surgery|hospital))|\b"
        + PILLS
        + r"\s+(?:saved|stashed|hidden|hoarded|stockpiled|put\s+aside|set\s+aside)\b|\b(?:hid|hidden|hiding|stashed)\s+"
        r"(?:\w+\s+)?" + PILLS + r"\b",
    ),
    _rule(
        "preparation_note",
        BEHAVIOR,
        r"\b(?:suicide\s+(?:note|notes|letter|letters|video|message)|goodbye\s+(?:note|notes|letter|letters|video|message)"
        r"(?![^.!?\n]{0,30}\b(?:team|colleagues|class|students|coworkers|co-workers|neighbours|neighbors|office|staff|"
        r"changing\s+jobs|leaving\s+(?:the|my)\s+job|moving|retir\w+)))\b|\bsaid\s+my\s+(?:last\s+)?goodbyes\b",
    ),
    _rule(
        "preparation_giving_away",
        BEHAVIOR,
        r"\b(?:giv(?:e|es|ing|en)|gave)\s+(?:\w+\s+){0,3}(?:things|stuff|belongings|possessions)\s+away\b|"
        r"\b(?:giv(?:e|es|ing|en)|gave)\s+away\s+(?:all\s+|most\s+)?(?:of\s+)?my\s+(?:things|stuff|belongings|possessions)",
    ),
    _rule(
        "preparation_research",
        BEHAVIOR,
        r"\b(?:looked|looking|look|searched|searching|search|googled|googling|google|researched|researching|"
        r"research|read|reading|checked|checking)"
        # the dose for an everyday ailment is not research into a method ("… ibuprofen I can take for a headache")
        r"(?![^.!?\n]{0,80}\bfor\s+(?:a|my|the|her|his|this)\s+(?:\w+\s+)?(?:headache|migraine|toothache|backache|"
        r"fever|cold|flu|period|cramps|pain|sore\s+throat|hangover)\b)"
        # … nor research for a course, an essay or a job ("… for my nursing course"), nor dying of old age
        r"(?![^.!?\n]{0,80}\bfor\s+(?:a|my|the|our|her|his|this|an)\s+(?:\w+\s+){0,2}(?:course|essay|assignment|"
        r"class|exam|dissertation|thesis|module|lecture|homework|job|shift|degree|training|revision|project|"
        r"presentation|article|book|novel|patients?|residents?|work)\b)"
        r"(?![^.!?\n]{0,80}\b(?:from|of)\s+(?:old\s+age|natural\s+causes)\b)"
        r"\s+(?:up\s+|on\s+|online\s+)?(?:\w+\s+){0,2}(?:how\s+(?:many|much)\s+"
        r"(?:\w+\s+){0,3}(?:"
        + PILLS[3:-1]
        + r"|mg|it\s+takes|would\s+kill|to\s+(?:die|overdose|od))|how\s+to\s+"
        r"(?:kill|hang|overdose|od|die|end\s+it|tie\s+a\s+noose|slit)|(?:painless\s+)?ways\s+to\s+(?:die|kill|end)|"
        r"painless\s+(?:ways|methods|death)|lethal\s+doses?|suicide\s+methods|how\s+long\s+(?:it\s+)?(?:takes?|would\s+take)\s+"
        r"to\s+die)|\b(?:height|drop|depth)\s+of\s+(?:the\s+|my\s+|that\s+)?(?:bridge|building|roof|cliff|car\s+park|tower|"
        r"balcony|fall|window|flats?|block|multi-storey|viaduct)[^.!?\n]{0,40}\b(?:whether|if)\s+"
        r"(?:it'?s|it\s+is|it\s+would\s+be|it'?d\s+be|that'?s|they'?d\s+be|they\s+would\s+be)\s+(?:high\s+|deep\s+)?enough\b|"
        r"\bhow\s+(?:high|tall|deep|far\s+down)\s+(?:the\s+|a\s+|that\s+|our\s+)?(?:\w+\s+){0,2}(?:is|was|would\s+be)\b"
        r"[^.!?\n]{0,50}\b(?:whether|if)\s+(?:it|that|the\s+fall)\s+(?:would|'d|will|could)\s+be\s+enough\b|"
        r"\b(?:whether|if|how\s+much)\s+(?:drowning|hanging|overdosing|bleeding\s+out|jumping)\s+(?:hurts|is\s+"
        r"painful|would\s+hurt)\b",
    ),
    _rule(
        "aborted_attempt",
        BEHAVIOR,
        r"\b(?:almost|nearly|was\s+about\s+to|was\s+going\s+to|came\s+close\s+to|got\s+close\s+to|so\s+close\s+to)\s+"
        r"(?:i\s+(?=jumped))?(?:jump(?:ed|ing)?(?=\s*(?:[.,;!?…]|$|\s+(?:off|from|in\s+front|tonight|last\s+night|yesterday|today|but|and)\b))|"
        r"kill(?:ed|ing)?\s+" + SELF + r"|end(?:ed|ing)?\s+(?:it|it\s+all|my\s+life|things)|"
        r"hang(?:ed|ing)?|overdos(?:e|ed|ing)|swallow(?:ed|ing)?\s+(?:\w+\s+){0,2}" + PILLS + r"|"
        r"(?:did|do|doing|go\s+through\s+with)\s+it\s+(?:tonight|last\s+night|yesterday|today))\b"
        r"|\b(?:kill\s+myself|end\s+(?:my\s+life|it(?:\s+all)?)|die)\b[^.!?\n]{0,30}\b(?:and|but)\s+(?:i\s+)?(?:almost|"
        r"nearly)\s+(?:did|went\s+through\s+with\s+it)\b"
        r"|\bclimbed\s+(?:over|onto|on)\s+(?:the\s+)?(?:railings?|parapet|barrier|ledge)\b[^.!?\n]{0,50}\b(?:climbed|stepped|"
        r"came|got)\s+back\b"
        r"|\b(?:held|holding|put|pressed)\s+(?:a|the|my)\s+(?:knife|blade|razor|gun|pistol)\s+(?:to|against|in)\s+my\b"
        # not a razor to the chin to shave
        r"(?!\s+(?:chin|face|legs?|beard|jaw|cheeks?|lip|armpits?|underarms?|moustache|mustache)\b)(?![^.!?\n]{0,40}\bshav)"
        r"|\b(?:stood|standing|sat|sitting)\s+(?:on|at)\s+(?:the\s+)?(?:(?:train\s+|railway\s+)?tracks|ledge|railing|edge"
        r"(?!\s+of\s+(?:the\s+|a\s+|my\s+)?(?:\w+\s+)?(?:path|road|pool|bed|stage|field|town|water|sea|lake|sofa|"
        r"seat|chair|lawn|pitch|platform\s+waiting)))\b"
        # 2.15.0 (h175): at a platform's or a drop's edge and stepping back, or pulled back from it ("Pt stood on
        # platform edge …, stepped back as train approached", "Pulled back from the edge of the platform by a stranger")
        r"|\b"
        + NOT_AN_OUTING
        + r"(?:stood|standing|stand|sat|sitting)\s+(?:right\s+)?(?:on|at|by)\s+(?:the\s+)?(?:very\s+)?(?:platform|track|"
        r"roof|cliff|bridge|quay)\s+edge\b[^.!?\n]{0,80}?\b(?:stepped|pulled|moved|stepping|pulling)\s+back\b"
        + NOT_AN_OUTING
        + r"|\bpulled\s+back\s+from\s+the\s+(?:very\s+)?edge\s+of\s+the\s+(?:platform|roof|cliff|bridge|tracks)\b"
        + NOT_AN_OUTING,
    ),
    _rule(
        "plan",
        BEHAVIOR,
        r"\b(?:a|the|my)\s+plan\s+(?:to|for\s+how\s+to|of\s+how\s+to)\s+(?:die|kill|end\s+(?:it|my)|do\s+it|overdose)|"
        r"\bplann(?:ed|ing)\s+(?:out\s+)?(?:how|when|where)\s+(?:i'?ll|i\s+will|i\s+would|i'?d|to)\s+(?:do\s+it|die|"
        r"kill|end)|\b(?:picked|chose|set|chosen)\s+(?:a|the)\s+(?:date|day)\s+(?:to|for|when)\s+(?:i\s+)?(?:die|do\s+"
        r"it|kill|end|finish)|\b(?:formulated|made|have|got|worked\s+out|came\s+up\s+with|had)\s+(?:a|the|my)\s+"
        r"(?:\w+\s+)?plan\s+(?:including|with|covering|that\s+includes)\s+(?:the\s+)?(?:time|place|method|means|date)\b",
    ),
    # h3 (risk 2.5.0): a plan told as the writer's intent to kill themselves with a time set or the means at hand, in
    # that sentence or the next ("I'm going to kill myself tonight, I have the pills", "I'll end my life on Friday when
    # they're at work", "gonna hang myself tomorrow, the rope's in the shed"): a plan with a time or means is
    # behaviour (docs/risk.md). Only "I" as the doer ("she's going to kill herself tonight" is someone else's), never
    # negated ("I'm not going to …" does not match), and a figure of speech overlapping it ("kill myself laughing")
    # sets it aside as it does the bare phrase.
    _rule(
        "intent_with_time_or_means",
        BEHAVIOR,
        PLAN_INTENT + r"[^.!?\n]{0,60}?(?:" + PLAN_TIME + r"|" + PLAN_MEANS + r")"
        r"|" + PLAN_INTENT + r"[^.!?\n]{0,60}?[.!?]+\s*[^.!?\n]{0,60}?" + PLAN_MEANS,
    ),
    _rule(
        "counting_means",
        BEHAVIOR,
        # counting, lining up or weighing out a supply is preparation, not only a thought ("counted the pills…
        # wondered if it would be enough")
        r"\b(?:count(?:ed|ing|s)?|line[ds]?\s+up|lined\s+up|lining\s+up|laid\s+out|laying\s+out|lay\s+out|sorted|"
        r"emptied|tipped\s+out|poured\s+out)\s+(?:out\s+|up\s+)?(?:(?:all\s+)?(?:the|my|them|those|these)\s+|how\s+many\s+)?"
        r"(?:\w+\s+)?"
        + PILLS
        + r"\b(?!\s+(?:into|in\s+to|for)\s+(?:the\s+|my\s+)?(?:weekly\s+)?(?:organi[sz]er|dosette|"
        r"pill\s*box|box|week|days))"
        # checking what the pharmacy dispensed is not preparation ("counted the pills … the pharmacy gave me")
        # nor counting them out for someone else ("… forty tablets for a patient's prescription")
        r"(?![^.!?\n]{0,40}\bfor\s+(?:a|the|my|our|his|her|their)\s+(?:patient|customer|client|resident|mum|mom|dad|"
        r"mother|father|nan|gran|grandma|grandad|husband|wife|son|daughter)\b)"
        r"(?![^.!?\n]{0,60}\b(?:pharmacy|chemist|pharmacist|prescription)\s+(?:had\s+)?(?:gave|given|dispensed|sent)\b"
        r"(?![^.!?\n]*\benough\b))"
        r"|\b(?:would|will|'d|'ll)\s+be\s+enough\s+to\s+(?:kill|die|end|do\s+it|not\s+wake)"
        r"|\b" + PILLS + r"\s+(?:\w+\s+)?(?:counted|lined\s+up|laid\s+out)\b",
    ),
    _rule(
        "blade_in_hand",
        BEHAVIOR,
        r"\b(?:holding|held|hold|grabbed|grabbing|picked\s+up|picking\s+up|got\s+out|took\s+out|taking\s+out|"
        r"sharpened|hid|hidden|keep|kept|unscrewed|broke\s+open)\s+(?:the|a|my|some|those|these|new)?\s*"
        r"(?:razor\s+)?(?:blade|blades|razor\s+blades?|sharpener\s+blade)\b",
    ),
    # --- ideation ----------------------------------------------------------------------------------
    _rule(
        "death_preferred",
        IDEATION,
        r"\b(?:dying|death|being\s+dead)\s+(?:would\s+be|is|seems|feels|sounds)\s+(?:\w+\s+)?(?:easier|better|preferable|"
        r"a\s+relief|the\s+answer|peaceful|like\s+(?:a\s+)?relief)\b|\bbetter\s+(?:if\s+)?i\s+(?:am|was|were|be)\s+dead\b|"
        r"\b(?:'d|would|i\s+would|i'd)\s+(?:really\s+)?like\s+to\s+(?:die|be\s+dead|stop\s+living|not\s+exist|not\s+be\s+"
        r"(?:alive|here))\b|\b(?:courage|guts|nerve|strength)\s+to\s+(?:end\s+it|kill\s+myself|go\s+through\s+with\s+it|"
        r"end\s+my\s+life|die)\b|\b(?:disappointed|gutted|upset|annoyed|angry|sad)\s+(?:that\s+i'?m\s+|that\s+i\s+am\s+|to\s+)"
        r"(?:still\s+)?(?:be\s+)?(?:alive|woke\s+up|wake\s+up|waking\s+up|have\s+woken)\b|\blet\s+me\s+not\s+wake\b|"
        r"\b(?:happily|gladly|rather)\s+not\s+wake\b|\b(?:can'?t|cannot|don'?t)\s+see\s+(?:me|myself)\s+(?:living|being\s+"
        r"alive|alive|making\s+it|surviving)\s+(?:past|beyond|through|to|until)\b|\b(?:had|have\s+had|'ve\s+had)\s+"
        r"enough\s+of\s+(?:living|life|being\s+alive|existing)\b|\btired\s+of\s+(?:fighting|trying|struggling)\s+to\s+"
        r"(?:stay|keep)\s+(?:alive|living|going)\b|\b(?:wouldn'?t|would\s+not|'d\s+not|not)\s+be\s+sorry\s+if\s+(?:\w+\s+){0,3}"
        r"(?:took\s+me|i\s+died|i\s+didn'?t\s+wake)",
    ),
    _rule(
        "no_longer_needed",
        BEHAVIOR,
        # giving things away "because I won't need them" (not "in Spain", "this winter", "until June"), the writer's
        # own need ("we won't need it", "the kids won't need it" give away a cot)
        r"\b(?:gave|give|giving|given)\b[^.!?\n]{0,60}\b(?:i|i'm|im)\s+(?:\w+\s+)?(?:won'?t|will\s+not|wont)\s+(?:be\s+)?need(?:ing)?\s+(?:them|it|any\s+of\s+"
        r"(?:it|them|this)|these|those|this)(?:\s+(?:anymore|any\s+more|soon|where\s+i'?m\s+going))?"
        r"(?!\s+(?:in|at|for|on|when|until|till|during|this|next|there|after|while|because|since|as|now)\b)\b",
    ),
    _rule(
        "death_welcome",
        IDEATION,
        r"\b(?:hit\s+by\s+a\s+(?:bus|car|train|truck|lorry)|got\s+(?:cancer|sick|ill)|died|didn'?t\s+wake\s+up|"
        # twenty-first round: a death that befalls the writer ("if my heart gave up right here", "if a pallet dropped on
        # my head"), welcomed as a relief or gladly ("I'd be glad of it")
        r"(?:my|the)\s+heart\s+(?:just\s+)?(?:gave|gives|give|stopped|stops|packed)(?:\s+(?:up|out|in))?|"
        r"(?:a|an|the)\s+(?:\w+\s+)?\w+\s+(?:dropped|fell|landed|came\s+down)\s+on\s+(?:me|my\s+head))[^.!?\n]{0,30}"
        r"\b(?:i'?d|i\s+would|i\s+will|i'?ll)\s+(?:say\s+|just\s+say\s+)?(?:thank\s+you|thanks|be\s+(?:grateful|thankful|"
        r"relieved|happy|glad))\b(?!\s+(?:for|to|that|of(?!\s+it\b)|if|when|about|it\s+(?:was|wasn'?t|didn'?t)))|"
        # twenty-first round: the writer's own heart hoped to stop ("hoping the heart gives out in the night"); not
        # someone else's ("my dad's heart"), nor a heart that holds out
        r"\b(?:hop(?:e|es|ing|ed)|pray(?:s|ing|ed)?|wish(?:es|ing|ed)?)\s+(?:that\s+)?(?:my|the)\s+(?:own\s+|old\s+|tired\s+)?heart\s+"
        r"(?:just\s+|will\s+|would\s+|might\s+)?(?:gives?|gave|give|stops?|stopped|stop|packs?)\s*(?:up|out|in)?\b"
        r"(?![^.!?\n]{0,30}\b(?:beating\s+so\s+fast|racing|pounding|fluttering)\b)|\b(?:my\s+(?:own\s+)?death|dying|being\s+dead|not\s+existing|not\s+being\s+alive)\s+"
        r"(?:brings|gives|is|would\s+be)\s+(?:me\s+)?(?:peace|comfort|a\s+comfort|relief|a\s+relief)\b|\bdaydream(?:s|ing|ed)?\s+"
        r"about\s+(?:not\s+existing|being\s+dead|dying|my\s+(?:own\s+)?(?:death|funeral)|killing\s+myself)\b",
    ),
    _rule(
        "death_wish_indirect",
        IDEATION,
        # wishes said sideways (found missed on the challenge set's tuning halves)
        r"\b(?:picture|imagine|think\s+about|thinking\s+about)\s+my\s+(?:own\s+)?funeral\b[^.!?\n]{0,40}\b(?:relie\w+|"
        r"peace\w*|calm|comfort\w*|glad)\b"
        r"|\b(?:fall\s+asleep|go\s+to\s+sleep|sleep)\s+and\s+(?:for\s+)?(?:that|it)\s+(?:to\s+)?be\s+the\s+end\b"
        r"|\b(?:would|'d|will|'ll)\s+(?:\w+\s+){0,2}(?:throw\s+a\s+party|celebrate|be\s+(?:happier|relieved|glad))\s+"
        r"(?:if|when|once)\s+i\s+(?:died|was\s+dead|were\s+dead|was\s+gone|were\s+gone|killed\s+myself)\b"
        r"|\bgoodbye\b[^.!?\n]{0,60}\b(?:won'?t|will\s+not|wont)\s+be\s+(?:around|here)\s+(?:much\s+|for\s+)?"
        r"(?:longer|long)\b"
        # 2.9.0 (review r113): a farewell after kisses or an apology to someone close, nothing after it but kisses
        # ("xx sorry mum xx i wont be here tomorrow"), not an absence with a reason ("won't be here tomorrow, off to Leeds")
        r"|(?:\bx{2,}\b|\bsorry\s+(?:mum|mam|mom|mummy|dad|daddy|everyone|all|guys|love|babe|nan|gran)\b)[^.!?\n]{0,40}?"
        r"\b(?:i\s+)?(?:won'?t|wont|will\s+not)\s+be\s+(?:here|around)\s+(?:tomorrow|anymore|any\s+more)\b"
        r"(?=\s*(?:x+\s*)*(?:[.!\n]|$))",
    ),
    _rule(
        "death_wish_said_plainly",
        IDEATION,
        # more wishes found missed on the challenge set's tuning halves
        r"\b(?:wish|want|wanna)\s+(?:i\s+could\s+|to\s+)?(?:just\s+)?(?:go\s+to\s+sleep|fall\s+asleep)\s+(?:forever|for\s+good)\b"
        r"|\b(?:i'?d|i\s+would)\s+(?:much\s+)?rather\s+not\s+(?:survive|live|be\s+alive|exist|be\s+here|wake\s+up)\b"
        r"|\b(?:full\s+of|my)\s+death\s+wish(?:es)?\b"
        r"|\bvoices?\s+(?:\w+\s+){0,3}(?:telling|tells|told|saying)\s+(?:me\s+)?(?:to\s+)?(?:jump|die|kill\s+myself|"
        r"end\s+it|just\s+die)\b"
        r"|\b(?:the\s+)?(?:river|bridge|edge|tracks|railway|rope|pills)\s+(?:is|are|keeps|keep|was|were)\s+calling\s+"
        r"(?:to\s+)?me\b",
    ),
    _rule(
        "preparation_supply",
        BEHAVIOR,
        r"\b(?:different|several|two|three|four|multiple|various)\s+(?:chemists|pharmacies|shops|supermarkets)\b"
        r"[^.!?\n]{0,40}\benough\s+(?:of\s+)?(?:my\s+|the\s+|them\b)?(?:\w+\s+)?" + PILLS + r"\b"
        r"|\b(?:have|got|made|had)\s+(?:a|the)\s+plan\s+and\s+(?:the\s+)?means\b"
        r"|\bhad\s+(?:the|my|all\s+the|all\s+my)\s+(?:pills|tablets|blade|razor|rope)\s+in\s+my\s+hands?\b",
    ),
    _rule(
        "past_attempt_mine",
        ATTEMPT,
        # ("two years since my last attempt" tells of recovery, not of a new risk: set aside by the duration)
        r"(?<!years\s)(?<!year\s)(?<!months\s)(?<!month\s)(?<!weeks\s)\b(?:since|after|before)\s+my\s+"
        r"(?:last\s+|first\s+|second\s+|suicide\s+)?attempt\b(?!\s+(?:at|to|on)\b)",
    ),
    _rule(
        "death_wish_swap",
        IDEATION,
        # "anyone in a coffin" names the dead, not another person who wishes it
        r"\b(?:i'?d|i\s+would|i'?ll|i\s+will|i\s+want\s+to|i\s+wanna)\s+(?:\w+\s+){0,2}(?:swap|trade|switch)\s+places\s+"
        r"with\s+(?:\w+\s+){0,2}(?:in\s+(?:a|the)\s+(?:coffin|grave|casket|morgue)|(?:who'?s|who\s+is|that'?s)\s+dead)\b",
        immune=("third_person",),
    ),
    _rule(
        "self_harm_urge",
        IDEATION,
        r"\b(?:urges?|urging|craving|cravings|itch|itching|temptation|tempted|pull|need)\s+(?:to\s+|for\s+)?"
        r"(?:cut|cutting|self[\s-]?harm|burn\s+myself|hurt\s+myself|harm\s+myself|relapse|bleed|scratch\s+myself)\b"
        # (not a need to cut something else: "I need to cut my nails", "… cut the hedge", "… cut down on sugar")
        r"(?!\s+(?:the|a|an|some|down|back|out|off|up|it|costs?|ties|corners|class|school|hair|grass|nails|"
        r"hedge|lawn)\b)(?!\s+(?:my|his|her|your)\s+(?!arms?|wrists?|legs?|thighs?|skin|stomach|hips?|body|forearms?)"
        r"\w)"
        # twenty-first round: an urge to hold a hand or an arm on heat ("the urge to put my hand flat on the hot plate
        # and keep it there"); not to warm it ("… by the fire to warm it")
        r"|\b(?:urges?|urging|temptation|tempted)\s+to\s+(?:put|hold|press|keep|stick|lay)\s+my\s+(?:\w+\s+)?(?:hand|hands|"
        r"arm|arms|fingers|palm|palms|wrist|wrists|forearm|leg|thigh)\s+(?:\w+\s+)?(?:on|against|in|into|over|under)\s+"
        r"(?:the|a|an)\s+(?:\w+\s+)?(?:hot|hob|hotplate|stove|fire|flame|iron|kettle|oven|grill|element|candle|boiling|"
        r"radiator|lighter)\b(?![^.!?\n]{0,40}\bto\s+(?:warm|dry|thaw|test|check)\b)",
    ),
    _rule(
        "kill_self",
        IDEATION,
        r"\b(?:kill|kills|killed|killing|kil|kiling|off|offing|offed|unalive|unaliving|end|ending|ended|drown|drowned|"
        r"finish|finishing|"
        r"drowning|poison|poisoned|shoot|shot|stab|stabbed|stabs)\s+" + SELF,
    ),
    _rule(
        "hurt_self_intent",
        IDEATION,
        r"\b(?:"
        + WANT
        + r"|feel\s+like|felt\s+like|might|could|will|gonna)\s+(?:to\s+)?(?:just\s+)?(?:hurt|harm|"
        r"cut|burn|punish)(?:ing)?\s+(?:myself|my\s+(?:arms?|wrists?|legs?|thighs?|skin))\b",
    ),
    _rule("kms", IDEATION, r"\b(?:kms|kmn|unalive|unaliving|un-alive|sewerslide|su1c1de|suic1de)\b"),
    _rule(
        "want_to_die",
        IDEATION,
        r"\b(?:want|wants|wanted|wanting|wanna|wana|wish|wished|wishing|need|needed|ready|prepared|deserve|deserves)\s+"
        r"(?:to\s+|2\s+)?(?:just\s+|really\s+|so\s+(?:bad(?:ly)?|much)\s+)?(?:to\s+|2\s+)?" + DIE + r"\b",
    ),
    _rule(
        "wish_dead",
        IDEATION,
        r"\bwish(?:ed|es|ing)?\s+(?:that\s+)?(?P<who>i|i'd|id)\s+(?:was|were|had|would|could|'d|wasn't|weren't)\s+"
        r"(?:\w+\s+)?"
        r"(?:dead|died|never\s+been\s+born|not\s+(?:been\s+)?born|not\s+wake|not\s+exist|gone|"
        r"(?:disappear|vanish)(?!\s+(?:from|at|for|into|to|under|off)\b))\b",
    ),
    _rule(
        "dont_want_to_live",
        IDEATION,
        # review r21: the gerund too, as a feeling or a tag is written ("not wanting to wake up")
        r"\b(?:don'?t|dont|do\s+not|no\s+longer|didn'?t|never|am\s+not|(?<=i\s)not|not(?=\s+wanting\b))\s+"
        r"(?:really\s+|even\s+|think\s+i\s+(?:really\s+|even\s+|still\s+)?)?"
        r"(?:want|wanting|wanna|wish)\s+(?:to\s+)?"
        r"(?:live|be\s+alive|exist|wake\s+up|be\s+here\s+(?:anymore|any\s+more)|be\s+around\s+(?:anymore|any\s+more)|"
        r"keep\s+living|keep\s+going|go\s+on(?!\s+(?:the|a|this|that|with|holiday|vacation|trip|date|about)))\b",
    ),
    _rule(
        "death_wish_phrase",
        IDEATION,
        r"\b(?:i\s+should\s+(?:just\s+)?(?:die|be\s+dead)|rather\s+be\s+dead|(?:hope|hoping|pray|praying|wish)\s+"
        r"(?:that\s+)?i\s+(?:just\s+|simply\s+|will\s+)?(?:die|get\s+hit|(?:don'?t|won'?t|will\s+not|do\s+not|never)\s+wake"
        r"(?!\s+(?:up\s+)?(?:late|early|in\s+time|on\s+time|too|before|after|till|until|the|my|anyone|him|her|them|"
        r"everyone|the\s+baby))|just\s+die|pass\s+away|don'?t\s+make\s+it)|let\s+me\s+die|"
        r"can'?t\s+wait\s+to\s+(?:die(?!\s+(?:my|the|her|his|your)\s+(?:\w+\s+)?(?:hair|fringe|roots|clothes|jeans))|be\s+dead)|die\s+in\s+my\s+sleep|welcome\s+death|pray(?:ing)?\s+for\s+death|"
        r"don'?t\s+(?:deserve|want)\s+to\s+(?:live|be\s+alive)|(?:wouldn'?t|would\s+not)\s+mind\s+(?:dying|being\s+"
        r"dead|not\s+waking|if\s+i\s+died)|don'?t\s+care\s+if\s+i\s+(?:die|live|wake|survive)|(?:wish|want|need)\s+"
        r"(?:\w+\s+){0,3}(?:to|would)\s+(?:just\s+)?kill\s+me|(?:please|pls|plz|someone|somebody|god)\s+(?:just\s+)?"
        r"kill\s+me|take\s+my\s+(?:own\s+)?life|commit\s+suicide|comit\s+suicide|committing\s+suicide)\b",
    ),
    _rule(
        "end_it_all",
        IDEATION,
        r"\b(?:(?:end(?:ing)?|finish(?:ing)?)\s+(?:it\s+all|my\s+(?:own\s+)?life|my\s+existence|everything\s+now)|"
        + WANT
        + r"\s+"
        r"(?:to\s+)?end(?:ing)?\s+(?:it|things)\b(?!\s+(?:with|between|there|here|early|for|on))|"
        r"(?:should|could|might|must)\s+(?:just\s+|really\s+)?end\s+it(?:\s+all)?\b(?!\s+(?:with|between|there|here|early|for|on))|"
        r"(?:want|wanna|need|would\s+like|'d\s+like)\s+(?:it\s+all|everything|my\s+life)\s+to\s+(?:end|stop|be\s+over))",
    ),
    _rule(
        "burden_without_me",
        IDEATION,
        r"\b(?:better\s+off\s+(?:without\s+me|if\s+i\s+(?:was|were|wasn'?t|weren'?t|died|didn'?t|never|disappeared)|"
        r"with\s+me\s+(?:dead|gone))|better\s+off\s+dead|(?:no\s*one|nobody|noone|no-one)\s+(?:would|will|'d|'ll)\s+"
        r"(?:even\s+)?(?:miss\s+me|care\s+if\s+i|notice\s+if\s+i|cry\s+if\s+i|care\s+when\s+i)|world\s+(?:would\s+be|"
        r"is)\s+better\s+without\s+me|(?:no\s*one|nobody|noone|no-one|nobody'?d|no\s+one'?d)\s+(?:\w+\s+){0,2}(?:care|cares|"
        r"cared|miss|notice|cry|mourn)\s+(?:if|when|whether|once)\s+i\s+(?:\w+\s+)?(?:die|died|dead|gone|disappear\w*|"
        r"kill\w*|didn'?t\s+wake|wasn'?t\s+here|was\s+gone|were\s+gone)|world\s+(?:would\s+be|"
        r"is)\s+better\s+without\s+me|(?:would|will)\s+(?:not|n't)\s+miss\s+me)",
    ),
    # h3 (risk 2.5.0): a passive wish to be dead told as what others or the world would gain from the writer's absence
    # ("the world would be lighter if I just wasn't in it", "everyone would be happier with me gone", "easier for
    # everybody when I'm not here anymore"); the gain named for everyone, the world or the writer's people, not a team,
    # a meeting or a rota ("the team would be better off without me at the meeting" is no wish)
    _rule(
        "world_lighter_without_me",
        IDEATION,
        r"\b(?:the\s+world|this\s+world|world|everyone|everybody|every1|evry1|everyone\s+else|everybody\s+else|"
        r"my\s+(?:family|kids|children|parents|mum|mom|dad|wife|husband|partner)|people|the\s+people\s+i\s+love|"
        r"everything|things|life|it)\s+(?:would|will|'d|'ll|wud|wld)\s+(?:\w+\s+)?(?:be|feel|get|go)\s+(?:so\s+|a\s+lot\s+|"
        r"much\s+|way\s+|far\s+|a\s+bit\s+|just\s+)?(?:better|lighter|easier|happier|brighter|calmer|simpler|kinder|"
        r"freer|a\s+(?:better|lighter|happier|brighter|kinder|nicer)\s+place)(?:\s+for\s+(?:everyone|everybody|"
        r"them|all|all\s+of\s+them|my\s+\w+))?\s+"
        r"(?:without\s+me(?:\s+in\s+it|\s+around|\s+here)?(?!\s+(?:at|on|in|for|there|tonight|today|tomorrow|this|next|"
        r"as|doing)\b)|with\s+me\s+(?:gone|dead|out\s+of\s+the\s+way)|(?:once|when|if)\s+(?:i'?m|im|i\s+am|i\s+was|i\s+were|i)\s+(?:just\s+|simply\s+)?"
        r"(?:(?:not|wasn'?t|weren'?t|was\s+not|were\s+not|didn'?t|did\s+not|no\s+longer|never)\s+(?:\w+\s+)?(?:here|"
        r"around|alive|in\s+it|in\s+(?:this|the)\s+world|exist|existed|existing|breathing|born)|gone|dead|died|"
        r"disappeared|stopped\s+(?:existing|breathing))(?:\s+(?:anymore|any\s+more|for\s+good))?\b"
        r"(?!\s+(?:to|for|at|on|this|next|tonight|today|tomorrow)\b))",
    ),
    _rule(
        "never_wake_up",
        IDEATION,
        r"\b(?:(?:go\s+to\s+sleep|fall\s+asleep|sleep|sleeping|close\s+my\s+eyes)\s+(?:and\s+|&\s+|n\s+)?(?:never|not)\s+"
        r"(?:wake|waking|wakeup|open\s+my\s+eyes|open\s+(?:them|my\s+eyes)\s+again)"
        # h3 (risk 2.5.0): not coming back from sleep ("fall asleep and never come back", "go to sleep n just not come
        # back"), not a return to a place or a time ("… not come back to work till Monday")
        r"|(?:go\s+to\s+sleep|fall\s+asleep|drift\s+off|sleep|close\s+my\s+eyes)\s+(?:and\s+|&\s+|n\s+)(?:just\s+|simply\s+)?"
        r"(?:never|not)\s+(?:\w+\s+)?(?:come|coming|wake|waking)\s+(?:back|round|up)\b"
        r"(?!\s+(?:to\s+(?:work|school|uni|class|bed|the\s+(?:office|party|group|meeting))|till|til|until|before|in\s+time|on\s+time|"
        r"early|late|at\s+\d|for\s+(?:work|school|breakfast|lunch|dinner)))"
        r"|(?:hope|hoping|wish|want|pray|praying)\s+"
        r"(?:that\s+)?(?:i\s+)?(?:would\s+|could\s+|"
        r"will\s+|'d\s+)?never\s+wake\s+up|not\s+(?:to\s+)?wake\s+up\s+(?:tomorrow|again|in\s+the\s+morning|ever))",
    ),
    _rule(
        "no_point_living",
        IDEATION,
        r"\b(?:no|don'?t\s+see\s+(?:a|the|any)|can'?t\s+see\s+(?:a|the|any)|there'?s\s+no|there\s+is\s+no|what'?s\s+the|"
        r"what\s+is\s+the|lost\s+(?:the|my|all)|without\s+a|not\s+(?:a|any))\s+(?:point|reason|purpose|will)\s*"
        r"(?:for\s+me\s+)?(?:in\s+|of\s+|to\s+|for\s+)?(?:living|going\s+on|life|being\s+alive|existing|live|anymore|"
        r"any\s+more|staying\s+alive|keep\s+living|to\s+live|carrying\s+on|carry\s+on(?:\s+living)?|be\s+alive|"
        r"stay\s+alive|keep\s+going)\b|\bnothing\s+(?:left\s+)?to\s+live\s+for\b",
    ),
    _rule(
        "tired_of_living",
        IDEATION,
        r"\b(?:tired|sick|exhausted|done|weary)\s+(?:of|with|from)\s+(?:living|being\s+alive|life|existing|this\s+life|my\s+life)"
        r"\b|\bdone\s+living\b|\b(?:life|living)\s+(?:isn'?t|is\s+not|ain'?t|not)\s+worth\s+(?:living|it)\b|\bnot\s+"
        r"worth\s+living\b",
    ),
    _rule("suicidal", IDEATION, r"\bsuicidal\b|\bsuicidality\b"),
    _rule(
        "still_alive_reason",
        IDEATION,
        r"\b(?:only|one)\s+(?:reason|thing)\s+(?:why\s+|that\s+)?(?:i'?m|i\s+am|im|i\s+was|i'?ve|keeps\s+me|kept\s+me)\s+"
        r"(?:still\s+|been\s+|going\s+)?(?:alive|here|living|around|going)\b|\bonly\s+(?:reason|thing)\s+(?:why\s+|that\s+)?i\s+"
        r"(?:didn'?t|haven'?t|did\s+not|have\s+not|won'?t|don'?t)\b|\b(?:haven'?t|didn'?t|have\s+not)\s+(?:\w+\s+){0,2}"
        r"(?:killed|kill|ended|end)\s+(?:myself|it)\s+yet\b",
    ),
    _rule(
        "unsure_to_live",
        IDEATION,
        r"\b(?:not\s+sure|don'?t\s+know\s+(?:if|whether)|no\s+idea\s+(?:if|whether)|not\s+certain)\s+(?:that\s+)?"
        r"(?:i|i'?ll)\s+"
        r"(?:still\s+)?(?:want|wanna|can|will)\s+(?:to\s+)?(?:live|be\s+alive|keep\s+living|go\s+on|be\s+here|survive)\b",
    ),
    _rule(
        "gone_would_be_easier",
        IDEATION,
        r"\b(?:easier|better|happier|simpler)\s+(?:for\s+\w+\s+|off\s+)?(?:\w+\s+){0,2}if\s+i\s+(?:just\s+)?"
        r"(?:disappeared|died|was\s+(?:gone|dead)|were\s+(?:gone|dead)|wasn'?t\s+(?:here|around|alive)|weren'?t\s+"
        r"(?:here|around|alive)|didn'?t\s+exist|never\s+existed)\b|\bdisappear\s+forever\b|\bwish(?:ed)?\s+i\s+"
        r"(?:hadn'?t|had\s+not|didn'?t|did\s+not|wouldn'?t|would\s+not)\s+(?:wake|woken|waken|waking)\b",
    ),
    _rule(
        "suicide_thoughts",
        IDEATION,
        # (not when the thoughts "have gone")
        r"\b" + THINK + r"\s+(?:suicide|killing\s+" + SELF + r"|ending\s+(?:it|my\s+life|things|everything)"
        r"(?!\s+(?:have|has|had)\s+(?:gone|stopped|faded|eased|passed|lifted))|"
        r"not\s+being\s+(?:here|alive|around)|taking\s+my\s+(?:own\s+)?life|swallowing\s+(?:all\s+)?(?:\w+\s+)?"
        + PILLS
        + r"|"
        r"overdosing)|\bsuicide\s+(?:is|seems|feels)\s+(?:like\s+)?(?:the|my)\s+only\b|"
        r"\bonly\s+way\s+out\s+is\s+(?:death|dying|suicide|to\s+die)\b",
    ),
    _rule(
        "method_ideation",
        IDEATION,
        r"\b(?:jump|jumping)\s+(?:off|from)\s+(?:a|the|my)\s+(?:bridge|building|roof|balcony|cliff)|\b(?:jump|step|"
        r"walk|jumping|stepping)\s+in\s+front\s+of\s+(?:a|the)\s+(?:train|bus|car|truck|lorry)|\bdriv(?:e|ing)\s+(?:my\s+car\s+)?"
        r"(?:into|off)\s+(?:a|the)\s+(?:tree|wall|river|bridge|cliff|oncoming)|\b(?:slit|slitting)\s+my\s+(?:wrists?|"
        r"throat)|\boverdose\b(?!\s+(?:management|prevention|awareness|risk|training|protocol|kits?|guidelines|"
        r"unit|rates?|deaths|crisis|antidote|reversal))|\blethal\s+dose\b|\bhang\s+" + SELF,
    ),
    # --- third round: voices the bank and the lexicon did not cover (older, younger, second-language, clinical,
    # terse, long sentences), found on the tune, first frozen and second frozen batches; written as mechanisms
    _rule(
        "aborted_named",
        BEHAVIOR,
        r"\b(?:aborted|interrupted)\s+(?:suicide\s+)?attempts?\b|\b(?:made|tied|had|have|got|prepared|bought)\s+"
        r"(?:a\s+|the\s+|my\s+)?ligature\b|\bligature\s+(?:ready|tied|made|prepared)\b"
        r"|\bgarage\s+with\s+the\s+engine\s+(?:running|on)\b"
        # 2.10.2 (h143, review r119): the engine running in the garage with the door shut, no car named; the follow-set
        # is the door shut or sealed, or waiting for it to take the writer, in the same sentence
        r"|\bengine\s+(?:running|on)\s+in\s+the\s+(?:garage|lock-?up)\b(?=[^.!?\n]{0,60}?\b(?:(?:door|doors|shutter)\s+"
        r"(?:shut|closed|sealed|locked|taped)|waiting\s+for\s+it\s+to\s+(?:take|end|finish)\s+me)\b)"
        # 2.9.0 (review r113): in the car with the engine running, and a garage or a hose in the same sentence
        r"|\b(?:sat|sitting|sit|lay|lying|waited|waiting)\s+in\s+the\s+(?:car|van|motor)\s+with\s+the\s+engine\s+"
        r"(?:running|on)\b(?=[^.!?\n]{0,60}\b(?:garage|lock-?up|hose|hosepipe)\b)",
    ),
    _rule(
        "preparation_hidden_means",
        BEHAVIOR,
        # a supply bought or hidden for later ("the razor is under my mattress", "putting my tablets aside each
        # evening", "many sleeping pill from different pharmacy", "a lethal quantity of my medication")
        r"\b(?:razor|razors|blade|blades|pills|tablets|rope)\s+(?:is|are)\s+(?:still\s+)?(?:hidden\s+|taped\s+)?"
        r"(?:under|inside|behind)\s+my\s+(?:mattress|pillow|bed|wardrobe)\b"
        r"|\b(?:put|putting|set|setting|kept|keeping)\s+(?:my\s+|the\s+|some\s+|a\s+few\s+)?(?:\w+\s+)?"
        + PILLS
        + r"\s+(?:aside|by)\s+(?:each|every|so)\b"
        r"|\b(?:buy|bought|buying|collect|collected|collecting|got|get|getting)\s+(?:many|lots\s+of|a\s+lot\s+of|so\s+many|"
        r"extra)\s+(?:\w+\s+)?(?:pills?|tablets?)\s+(?:from|at|in)\s+(?:different|several|many|multiple|two|three)\b"
        r"|\b(?:acquired|obtained|bought|got|gathered|collected|have|saved\s+up)\s+(?:a\s+|the\s+)?(?:lethal|fatal)\s+"
        r"(?:quantity|amount|dose|number|supply)\b",
    ),
    _rule(
        "preparation_goodbyes",
        BEHAVIOR,
        # goodbye letters and messages, and who gets what "after I'm gone"
        r"\b(?:wrote|written|writing|write|typed|recorded)\s+(?:\w+\s+){0,6}?(?:letters?|notes?|messages?|texts?|cards?)"
        r"\s+(?:\w+\s+){0,6}?(?:saying|to\s+say)\s+goodbye\b|\b(?:wrote|written|writing|typed)\s+my\s+goodbyes?\b"
        r"(?![^.!?\n]{0,30}\b(?:team|colleagues|class|students|card|speech|leaving\s+do))"
        r"|\bwho\s+(?:gets|will\s+get|should\s+get|should\s+have|would\s+get|can\s+have|will\s+have)\s+(?:\w+\s+){0,6}?"
        r"(?:when|after|once)\s+i'?m\s+gone\b",
    ),
    _rule(
        "self_harm_bare",
        BEHAVIOR,
        # the act told without "I" at a clause's start ("cut my arm again in the school toilets", "… and burned my wrist
        # with the lighter"), and scratching or hitting "till I bleed"
        r"(?:(?<=^)|(?<=[.!?\n,;:]\s)|(?<=[.!?\n,;:])|(?<=\band\s)|(?<=\bthen\s)|(?<=\bso\s)|(?<=\bjust\s))"
        r"(?:cut|burned|burnt|scratched|carved|sliced)\s+(?:my|me)\s+(?:\w+\s+)?(?:arms?|wrists?|legs?|thighs?|skin|stomach|"
        r"hips?|forearms?|body)\b"
        r"|\b(?:scratch|scratched|scratching|pick|picked|picking|bite|bit|biting|hit|hitting|punch|punched)\s+"
        r"(?:myself\s+|my\s+\w+\s+)?(?:till|until|til|'til)\s+(?:i|it)\s+(?:bleed|bled|bleeds|bruise|bruised|bruises)\b"
        r"|(?:(?<=^)|(?<=[.!?\n]\s)|(?<=[.!?\n]))(?:cut|cutting|burned|burnt)[.,!]+\s+(?:again|deeper|deep)\b",
    ),
    _rule(
        "death_wish_older",
        IDEATION,
        # older and plainer voices: "I pray the Lord takes me soon", "no wish to carry on", "my life has gone on too
        # long", "I've lived long enough", "she would manage far better once I am gone", "not intend to be here by
        # Christmas", "imagining being dead", "disappear for good", "throw myself down the stairs"
        r"\b(?:pray|praying|prayed|hope|hoping|wish|asking|ask)\s+(?:that\s+)?(?:the\s+(?:good\s+)?lord|god|jesus|he)\s+"
        r"(?:will\s+|would\s+|just\s+|jus\s+|to\s+)?(?:takes?|calls?|tek|teks|tak|taks)\s+(?:me|mi)\b"
        r"(?!\s+(?:to|through|back|out|with)\b)"
        r"|\bno\s+(?:wish|desire|will|reason|energy)\s+(?:left\s+)?to\s+(?:carry\s+on|go\s+on|live|keep\s+going|stay\s+alive)\b"
        r"(?!\s+(?:\w+ing|with|at|in)\b)"
        r"|\bmy\s+life\s+has\s+(?:gone\s+on|lasted)\s+(?:too\s+long|long\s+enough)\b|\bi'?ve\s+lived\s+(?:long\s+enough|"
        r"too\s+long)\b|\bi\s+have\s+lived\s+(?:long\s+enough|too\s+long)\b"
        r"|\b(?:better|happier|easier|simpler|freer)\b[^.!?\n]{0,25}\b(?:once|when|after)\s+i(?:\s+am|'m|\s+was|\s+were)\s+"
        r"(?:gone|dead|not\s+here|no\s+longer\s+here|out\s+of\s+the\s+way)\b(?!\s+(?:to|on|for|from|away)\b)"
        r"|\b(?:don'?t|do\s+not|won'?t|will\s+not)\s+(?:intend|plan|expect|mean)\s+to\s+(?:still\s+)?be\s+(?:here|around|"
        r"alive)\s+(?:by|at|for|past|after|next|when)\b"
        r"|\b(?:imagining|imagine|picturing|picture|fantasi[sz]ing\s+about|dreaming\s+of)\s+(?:myself\s+)?being\s+dead\b"
        r"|\bdisappear\s+for\s+good\b"
        r"|\b(?:throw|throwing|threw|fling|hurl)\s+" + SELF + r"\s+(?:down|off|from|in\s+front|under|into)\b",
    ),
    _rule(
        "death_welcome_road",
        IDEATION,
        # "if one of those lorries just swerved into me that would be fine"
        r"\b(?:bus|buses|car|cars|lorry|lorries|truck|trucks|train|van|vans)\b[^.!?\n]{0,40}\b(?:hit|hits|swerved\s+into|"
        r"swerve\s+into|ran\s+over|run\s+over|ploughed\s+into|crashed\s+into|mowed\s+down|knocked\s+down)\s+me\b"
        r"[^.!?\n]{0,30}\b(?:fine|ok|okay|good|a\s+relief|a\s+blessing|wouldn'?t\s+mind|would\s+not\s+mind|"
        r"wouldn'?t\s+care|don'?t\s+care)\b",
    ),
    _rule(
        "self_talk",
        IDEATION,
        # an intrusive thought in the second person is the writer's own ("the old thought: just kill yourself")
        r"\b(?:thought|thoughts|voice|head|brain|mind)\s*(?:says?|saying|tells?\s+me|telling\s+me|again|is|was)?\s*"
        r"[:,-]\s*(?:just\s+)?(?:kill\s+yourself|kys|end\s+it|die|you\s+should\s+die)\b"
        r"|(?:(?<=^)|(?<=[.!?\n]\s)|(?<=[.!?\n]))(?:just\s+)?kill\s+me[.,!]*\s+(?:please|pls|plz)\b",
        immune=("third_person", "quotation"),
    ),
    _rule(
        "kill_me_reflexive",
        IDEATION,
        # second-language "me" for "myself" after the writer's own wish ("I am think how to kill me without pain"),
        # and the terse "Ending it." as a fragment of its own (not "my mum will kill me if …", an idiom)
        r"\b(?:how\s+(?:to|i\s+can|can\s+i)|i\s+(?:am\s+)?(?:want|wanna|think|thinking|try|trying|going|plan|planning)\s+"
        r"(?:to\s+)?)\s*(?:kill|hang|poison|finish)\s+me\b(?!\s+(?:if|when|for|because|cos|cause))"
        r"|(?:(?<=^)|(?<=[.!?\n]\s)|(?<=[.!?\n]))(?:ending|end)\s+it(?:\s+all)?(?:\s+(?:tonight|today|now|soon|"
        r"tomorrow|this\s+weekend))?\s*(?=[.!\n]|$)",
    ),
    _rule(
        "jump_from_height",
        IDEATION,
        # going to jump from a height ("gonna jump off the multistorey after school")
        r"\b(?:jump|jumping)\s+(?:off|from)\s+(?:a|the|my|our|that)\s+(?:multi-?storey|multistory|car\s*park|"
        r"tower(?:\s+block)?|block\s+of\s+flats|flats|overpass|motorway\s+bridge|viaduct|rooftop|top\s+floor|"
        r"window|ledge|pier\s+at\s+night)\b(?!\s+into\s+(?:the\s+)?(?:water|lake|sea|river|pool))",
    ),
    # --- indicator: hopelessness, burden, distress, and talk of suicide that is not the writer's own wish ---
    _rule(
        "hopelessness",
        INDICATOR,
        r"\b(?:hopeless|hopelessness|no\s+hope|lost\s+(?:all\s+)?hope|no\s+way\s+out|no\s+future|worthless|"
        r"i'?m\s+(?:a|such\s+a)\s+burden|burden\s+(?:to|on|for)\s+(?:everyone|everybody|my|them|others)|"
        r"i\s+hate\s+(?:myself|my\s+life)|hate\s+being\s+alive|can'?t\s+(?:take|do|handle|stand|cope\s+with)\s+"
        r"(?:it|this|any\s*thing|life)\s+(?:anymore|any\s+more)|can'?t\s+go\s+on|can'?t\s+keep\s+going|give\s+up\s+"
        r"on\s+(?:life|everything|myself)|giving\s+up\s+on\s+(?:life|everything|myself)|nothing\s+matters|"
        r"empty\s+inside|(?:want|wish|need)\s+(?:the\s+)?pain\s+to\s+(?:stop|end)|(?:want|wanna|wish\s+i\s+could)\s+"
        r"(?:to\s+)?disappear(?!\s+(?:to|into)\s+(?:a|the|my|our)\s)|death\s+wish|thinking\s+about\s+(?:death|dying)|(?:depression|anxiety|loneliness|"
        r"this\s+pain|the\s+pain|my\s+life|life|living|my\s+thoughts|being\s+alone|grief)\s+(?:is|are|'s)\s+"
        r"(?:slowly\s+|literally\s+)?killing\s+me)\b",
        immune=("figure_of_speech",),
    ),
    _rule(
        "note_ready",
        INDICATOR,
        r"\b(?:note|notes|letter|letters)\s+(?:is\s+|are\s+|all\s+)?(?:written|ready|done|finished|sealed|left)\b",
    ),
    # fourth round: a terse "letter done" followed by nothing but a day or a time is a date chosen ("Letter done.
    # Sunday."), not "Letter done. Sunday lunch at Mum's."
    _rule(
        "note_and_date",
        BEHAVIOR,
        r"\b(?:note|notes|letter|letters)\s+(?:is\s+|are\s+|all\s+)?(?:written|ready|done|finished|sealed|left|"
        r"posted)\s*[.;,]\s*(?:(?:on\s+|this\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"weekend)|tonight|tomorrow(?:\s+night)?)\s*(?:[.!]|$)",
    ),
    # fourth round: death or not waking welcomed ("I would welcome not waking tomorrow")
    _rule(
        "death_welcomed",
        IDEATION,
        r"\b(?:would|'d|i\s+will|i'?ll)\s+(?:(?!never\b|not\b|hardly\b)\w+\s+)?(?:welcome|be\s+glad\s+of|be\s+"
        r"grateful\s+for)\s+(?:not\s+(?:waking|being\s+alive|being\s+here|existing)|death|dying)\b",
    ),
    # fourth round: the wish to join the dead, said as a wish and with the death in the words ("I want to join my late
    # husband", "I pray to be reunited with her in heaven soon", "all I want is to go where my son went"); not grief's
    # consolation ("I know I'll see her again in heaven") nor the living ("I want to join my brother in Spain")
    _rule(
        "join_the_dead",
        IDEATION,
        r"\b(?:want|wanna|wish|ready|pray|praying|time\s+i\s+went)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:go\s+and\s+)?"
        r"(?:(?:join|be\s+with|be\s+reunited\s+with|follow|go\s+to)\s+(?:him|her|them|my\s+(?:\w+\s+)?\w+|the\s+lads)"
        r"(?:\s+again)?(?:\s+soon)?,?\s+(?:in\s+heaven|on\s+the\s+other\s+side|up\s+there|in\s+the\s+(?:ground|grave)|"
        r"wherever\s+(?:he|she|they)\s+(?:is|are|went))|(?:join|be\s+with|follow)\s+my\s+(?:late|dead|deceased)\s+\w+|"
        r"go\s+where\s+(?:he|she|they|my\s+\w+)\s+(?:went|has\s+gone|have\s+gone|is\s+now|are\s+now))\b",
    ),
    # fourth round: second-language burdensomeness, "for them is better I am not living", "better if I am no more
    # alive" (not "better I'm not here when he comes": only living, alive, existing, in this world)
    _rule(
        "better_not_living",
        IDEATION,
        r"\bbetter\s+(?:if\s+|that\s+|when\s+)?i\s+(?:am|was|were|be|'m|will\s+be)\s+(?:not|no)\s+(?:more\s+|longer\s+)?"
        r"(?:living(?!\s+(?:with|in|at|near|next|together|by|on|alone|there|here|abroad|so|like))|alive|existing|in\s+this\s+"
        r"world|on\s+this\s+earth)\b",
    ),
    # fourth round: death given as the answer to what one looks forward to ("Journal prompt says '…' and the honest
    # answer is not being alive"): the answer is the writer's even after someone else's (or a prompt's) question
    _rule(
        "death_as_answer",
        IDEATION,
        r"\b(?:answer|truth)\s+is\s+(?:not\s+(?:being\s+alive|existing|waking\s+up|being\s+here)|being\s+dead)\b",
        immune=("third_person", "quotation"),
    ),
    # sixth round: a second-language attempt ("I made a tentative of suicide", "an intent of suicide", "a suicide
    # try"); not "a tentative to bake a tarte" (the act named must be suicide or ending one's life)
    _rule(
        "l2_attempt",
        ATTEMPT,
        r"\b(?:made|did|had|make|do)\s+(?:a|an|one|my)\s+(?:first\s+|second\s+)?(?:tentative|intent|intention|try)\s+"
        r"(?:of|to|at|for)\s+(?:suicide|suicid|suicidio|suic[ií]dio|finish\s+(?:my\s+life|myself|with\s+my\s+life)|"
        r"end\s+(?:my\s+life|with\s+(?:my\s+life|myself))|kill\s+myself)\b|\bsuicide\s+(?:try|tentative|intent)\b",
    ),
    # sixth round: self-injury said with its intent and no risk word: a hurt done to one's own body "on purpose",
    # "as punishment" or "till it bled" ("burned the back of my hand with the kettle on purpose"); not the accident
    # ("burned my hand on the kettle", "cut my finger on the mandolin": no intent, no wound kept going)
    _rule(
        "self_injury_on_purpose",
        BEHAVIOR,
        r"(?:(?<=^)|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<=\band\s)|(?<=\bthen\s)|\bi\s+(?:\w+\s+)?)"
        r"(?:burn(?:ed|t)?|cut|hit|punch(?:ed)?|scratch(?:ed)?|bit|bite|slapp?(?:ed)?|beat|bang(?:ed)?|stabb?(?:ed)?|"
        r"pinch(?:ed)?|skelp(?:it|ed)?|belt(?:ed)?|whipp?(?:ed)?|flogg?(?:ed)?|(?:dug|pressed|dig|press)\s+my\s+nails\s+into)\s+"
        r"(?:myself|masel|mysel|(?:the\s+(?:back|inside|palm)\s+of\s+)?my\s+(?:own\s+)?"
        + BODY
        + r")\b[^.!?\n]{0,80}?\b"
        r"(?:on\s+purpose|deliberately|as\s+(?:a\s+)?punishment|to\s+punish\s+myself|(?:till|until|til)\s+(?:it|they|i|"
        r"there)\s+(?:bled|bleed|was\s+bleeding|were\s+bleeding|welted|blistered|bruised|(?:wis|was|had|were)\s+welts))",
        immune=("third_person",),
    ),
    # sixth round: self-directed violence with the writer's verdict that it was earned ("punched the wall till my
    # knuckles split … felt like I deserved it", "belted myself, had it coming"); the verdict may follow in the
    # next sentence; not "the lad punched the wall" (another person) nor "my knee, had it coming" (no violence)
    _rule(
        "self_violence_deserved",
        BEHAVIOR,
        r"(?:(?<=^)|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<=\band\s)|(?<=\bthen\s)|\bi\s+(?:\w+\s+)?)"
        r"(?:punch(?:ed)?|hit|smash(?:ed)?|bang(?:ed)?|batter(?:ed)?|slapp?(?:ed)?|beat|skelp(?:it|ed)?|belt(?:ed)?|"
        r"burn(?:ed|t)|cut|scratch(?:ed)?|starv(?:ed|ing))\s+(?:myself|masel|mysel|my\s+(?:own\s+)?"
        + BODY
        + r"|"
        r"(?:the|a|my)\s+(?:\w+\s+){0,2}(?:wall|wa|door|mirror)\s+(?:on\s+purpose\s+)?(?:till|until|til)\s+(?:my|ma|me|mi)\s+(?:knuckles|hands?|fists?)\s+"
        r"(?:split|bled|broke|cracked|opened))\b[^\n]{0,120}?\b(?:deserved?\s+(?:it|that|this|every\s+(?:one|wan|bit))|"
        r"had\s+it\s+coming|what\s+i\s+(?:deserve|deserved)|(?:earned|earnt)\s+(?:it|that)|needed\s+(?:it\s+)?to\s+"
        r"(?:hurt|learn))\b",
        immune=("third_person",),
    ),
    # sixth round: food refused as a punishment ("didn't eat all day because I don't deserve food", "starved myself
    # as punishment"); the refusal is itself a negation, so negation does not set it aside; not fasting for a test
    # or a skipped lunch (no punishment named)
    _rule(
        "food_refused_as_punishment",
        BEHAVIOR,
        r"\b(?:eat|eaten|ate|eating|food|scran|meal|meals|starv(?:ed|ing|e))\b[^.!?\n]{0,50}?\b(?:as\s+(?:a\s+)?(?:punishment|"
        r"penalty|sanction)|to\s+punish\s+myself|(?:i|because\s+i)\s+(?:don'?t|do\s+not|didn'?t|dinnae|disnae)\s+deserve\s+"
        r"(?:it|food|to\s+eat))\b",
        immune=("negation",),
    ),
    # sixth round: preparations written with no risk word: a final act (letters to several people, who gets one's
    # things, giving things away, affairs put in order, pills saved up) together with a date picked ("I chose the
    # date, the 14th", "Friday will do"), in either order; or letters left "for after" / "so they're found after";
    # not thank-you letters before a trip, nor a date picked for a party with nothing given away
    _rule(
        "preparation_cluster",
        BEHAVIOR,
        # the match is the first half only (the second is looked ahead to), so who did it is read from the first
        r"(?:"
        + FINAL_ACT
        + r")(?=[^\n]{0,250}?"
        + DATE_PICKED
        + r")|(?:"
        + DATE_PICKED
        + r")(?=[^\n]{0,250}?"
        + FINAL_ACT
        + r")|\b(?:letter|letters|note|notes|envelope|envelopes|card|cards)\b(?:[^.!?\n]{0,100}?\bfor\s+"
        r"after(?:wards)?(?=\s*(?:[.!,;]|too\b|$))|(?=[^.!?\n]{0,100}?\b(?:so\s+)?(?:they'?re|their|theyre|it'?s|its|"
        r"they\s+are|they\s+will\s+be|they'?ll\s+be)\s+found\s+after\b(?!\s+(?:the|a|my|we|i|lunch|dinner|school|"
        r"work)\b)))",
    ),
    # sixth round: pills saved up until there are enough ("gathering the tablets small small … they are complete
    # now", "saving my prescriptions instead of taking them"); not a prescription collected to last a holiday, nor
    # someone else's pills (the match is the saving; what makes it a stockpile is looked ahead to)
    _rule(
        "stockpile",
        BEHAVIOR,
        r"\b(?:saved|saving|gathered|gathering|collected|collecting|stockpiled|stockpiling|hoarded|hoarding|savin)\s+"
        r"(?:up\s+)?(?:the\s+|my\s+|all\s+(?:the|my)\s+|my\s+own\s+|me\s+)?(?:(?!his\b|her\b|their\b)\w+\s+)?"
        + PILLS
        + r"\b(?=[^\n]{0,100}?(?:\benough\b(?!\s+(?:to\s+last|for\s+(?:the|a|my|our)\s+(?:holiday|trip|week|month|"
        r"fortnight|journey)))|\b(?:are|is)\s+complete\b|\bso\s+(?:that\s+)?(?:nobody|no\s+one|noone)\b|\binstead\s+of\s+"
        r"taking\b))",
    ),
    # sixth round: a train that will not stop, timed, and a place to stand ("the express which does not stop at my
    # station … the exact time now and where to stand"); not a timetable looked up to catch the slow train
    _rule(
        "train_timed",
        BEHAVIOR,
        r"\b(?:train|express|freight|timetable)\b[^\n]{0,120}?\b(?:does\s+not|doesn'?t|won'?t|will\s+not)\s+stop\b"
        r"[^\n]{0,150}?\b(?:where\s+to\s+stand|exact\s+time)\b",
    ),
    # seventh round: self-injury told plainly with its reason said after it, in the same sentence or the next
    # ("hit my head on the wall many times … I was punishing myself", "slammed my hand in the lid … wanted it to
    # hurt", "pressed my thumb into the burn so it wouldn't heal"); an act on one's own body, at a sentence's start
    # or after "I"; not an accident ("banged my head on the cupboard"), which gives no such reason
    _rule(
        "self_injury_reason_said",
        BEHAVIOR,
        r"(?:(?<=^)|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<=\band\s)|(?<=\bthen\s)|\b(?:i|mi|ah)\s+(?:\w+\s+)?)"
        r"(?:burn(?:ed|t|s)?|hit|hitting|punch(?:ed|ing)?|slamm?(?:ed|ing)?|smash(?:ed|ing)?|bang(?:ed|ing)?|"
        r"scratch(?:ed|ing)?|pinch(?:ed|ing)?|bit|bite|slapp?(?:ed|ing)?|press(?:ed|ing)?|dug|dig|jamm?(?:ed|ing)?|"
        r"twist(?:ed|ing)?|beat|cut)\s+(?:myself|masel|mysel|meself|miself|(?:the\s+(?:back|inside|palm|side)\s+of\s+)?"
        r"(?:my|mi|me)\s+(?:own\s+)?(?:\w+\s+)?" + BODY + r"|(?:my|mi|me)\s+(?:own\s+)?(?:\w+\s+)?thumb)\b"
        r"[^\n]{0,140}?\b(?:(?:i\s+was|was|i'?m|i\s+am|am|mi\s+did)\s+punish(?:ing)?\s+(?:myself|me|miself)|"
        r"to\s+punish\s+(?:myself|me)|for\s+punish\s+me|as\s+(?:a\s+)?punishment|(?:wanted|want|needed|need)\s+(?:it|them)\s+"
        r"to\s+hurt|so\s+(?:it|they)\s+(?:wouldn'?t|would\s+not|won'?t|will\s+not|doesn'?t|don'?t|can'?t|couldn'?t)\s+heal)\b",
        immune=("third_person",),
    ),
    # seventh round: the hurt named as what helps ("Hurting myself is the only thing that helps"); not the therapy
    # register's "punishing myself" for mistakes (that verb is left out), nor a negation ("hurting myself is not …")
    _rule(
        "self_harm_helps",
        BEHAVIOR,
        r"\b(?:hurting|harming|cutting|burning|hitting)\s+myself\s+(?:is|was|'s)\s+(?:the\s+only|all\s+that|what|how\s+i)\b"
        r"|\b(?:hurting|harming|cutting|burning|hitting)\s+myself\s+(?:helps|helped|works|worked|calms|calmed)\b",
    ),
    # seventh round: burns with a lighter or a cigarette on the arm, leg or skin ("I burn my arm with the lighter",
    # "put a cigarette out on my wrist") are never kitchen accidents; not the iron or the kettle (those can be), nor a
    # finger burned lighting a candle (the hand and fingers are left out)
    _rule(
        "self_burn_means",
        BEHAVIOR,
        r"\b(?:burn(?:ed|t|s|ing)?|brand(?:ed|ing)?)\s+(?:myself|my\s+(?:own\s+)?(?:arms?|forearms?|wrists?|legs?|thighs?|"
        r"skin|stomach|chest|hips?|belly))\s+(?:again\s+)?with\s+(?:a\s+|the\s+|my\s+|some\s+)?(?:(?:car|cigarette|zippo|"
        r"gas|bic|clipper|plastic|kitchen|candle|jet|torch)\s+)?(?:lighter|cigarettes?|cigs?|"
        r"fags?|matches|match|lit\s+\w+|hot\s+(?:spoon|knife|coin|metal|wire))\b"
        r"|\b(?:put|putting|stubbed|stubbing)\s+(?:a|the|my)\s+(?:cigarette|cig|fag|joint)\s+out\s+on\s+(?:my\s+(?:own\s+)?"
        r"(?:\w+\s+)?(?:arms?|forearms?|wrists?|legs?|thighs?|skin|stomach|chest|hand|hips?|belly)|myself)\b",
        immune=("third_person",),
    ),
    # seventh round: the head beaten against a wall again and again ("hit my head on the wall many times"); not the
    # idiom ("like banging my head against a brick wall"), nor a single knock on a cupboard door
    _rule(
        "head_against_wall",
        BEHAVIOR,
        r"(?<!like\s)\b(?:hit|hitting|bang(?:ed|ing)?|smash(?:ed|ing)?|slamm?(?:ed|ing)?|knock(?:ed|ing)?|beat(?:ing)?)\s+"
        r"(?:my|mi|ma)\s+(?:own\s+)?head\s+(?:on|against|into|off)\s+(?:the|a|my)\s+(?!brick\b)(?:\w+\s+)?(?:wall|floor|door|"
        r"desk|table|mirror|headboard|sink)s?"
        + OF_THE_ROOM
        + r"\s*,?\s*(?:many|several|a\s+lot\s+of|so\s+many|lots\s+of|loads\s+of|\d+|three|"
        r"four|five|ten|twenty|multiple)\s+times\b"
        r"|(?<!like\s)\b(?:hit|hitting|bang(?:ed|ing)?|smash(?:ed|ing)?|slamm?(?:ed|ing)?|beat(?:ing)?)\s+(?:my|mi|ma)\s+"
        r"(?:own\s+)?head\s+(?:on|against|into|off)\s+(?:the|a|my)\s+(?!brick\b)(?:\w+\s+)?(?:wall|floor|door|mirror)s?"
        + OF_THE_ROOM
        + r"\s+"
        r"(?:over\s+and\s+over|again\s+and\s+again|repeatedly|(?:till|until|til)\s+(?:i|it|my))\b",
        immune=("third_person",),
    ),
    # seventh round: how many of a medicine would be enough, looked up or counted ("looked up how many of my ma's
    # sleeping tablets it would take", "the pills in my hand, counting how many it would take"); not how many to
    # last a trip or to fill a box
    _rule(
        "lethal_amount",
        BEHAVIOR,
        r"\bhow\s+(?:many|much)\s+(?:of\s+)?(?:(?:my|the|his|her|their|these|those|them|mi)\s+)?(?:[\w']+\s+){0,2}?"
        + PILLS
        + r"\s+(?:it\s+would|it'?d|would\s+it|it\s+will|will\s+it|it\s+takes|does\s+it|you'?d|you\s+would|i'?d|i\s+would)"
        r"\s+(?:take|need|be)\b(?!\s+(?:to\s+(?:last|get\s+through|cover|fill|treat)|for\s+(?:the|a|my|our)\s+(?:trip|holiday|"
        r"week|month|journey|fortnight)))"
        r"|\b"
        + PILLS
        + r"\b[^.!?\n]{0,80}?\bhow\s+many\s+(?:it\s+would|it'?d|would\s+it|i'?d\s+need|i\s+would\s+need)\s+"
        r"(?:take|need|be)\b(?!\s+(?:to\s+(?:last|get\s+through|cover|fill)|for\s+(?:the|a|my|our)\s+(?:trip|holiday|week)))",
    ),
    # seventh round: a supply bought so that nobody asks, or kept "for when I'm ready" ("bought 3 packs of
    # paracetamol from different shops so they wouldn't ask", "hiding them in my drawer for when I'm ready"); not a
    # shop out of stock, nor the champagne kept "for when I'm ready to celebrate"
    _rule(
        "supply_bought_apart",
        BEHAVIOR,
        r"\b(?:bought|buying|buy|got|getting|picked\s+up)\s+(?:[\w']+\s+){0,4}?"
        + PILLS
        + r"\b(?!\s+for\s+(?:my|the|his|her|our|a|their)\s+\w+)[^.!?\n]{0,60}?\b"
        r"(?:(?:from|frm|at|in|across)\s+(?:diff|different|several|separate|multiple|two|three|four|five|\d+)\s+(?:shops|"
        r"chemists|pharmacies|stores|places|supermarkets|garages)(?![^.!?\n]{0,40}\b(?:because|cos|as|since)\s+(?:one|the\s+"
        r"first|it|they|the\s+other|ours))|so\s+(?:they|nobody|no\s+one|noone|the\s+\w+)\s+"
        r"(?:wouldn'?t|wdnt|wouldnt|won'?t|wont|didn'?t|would\s+not)\s+(?:ask|notice|question|suspect))"
        r"|\b(?:"
        + PILLS
        + r"|blades?|razors?|rope|cord|charcoal|hose)\b[^\n]{0,150}?\b(?:hid|hide|hiding|hidin|hidden|"
        r"stashed|stash|stashing)\b[^.!?\n]{0,60}?\b(?:for|4)\s+when\s+(?:i'?m|im|i\s+am|mi)\s+ready\b(?!\s+(?:to|for)\b)",
    ),
    # seventh round: the wish not to wake, prayed or hoped ("some nights I pray not to wake"); not the baby ("hoping
    # not to wake the baby") nor an early start ("hope not to wake up at five")
    _rule(
        "pray_not_to_wake",
        IDEATION,
        r"\b(?:pray|praying|prayed|prays|hope|hoping|hoped|wish|wishing)\s+(?:(?:i|mi|ah)\s+)?(?:not|never|nae|no)\s+"
        r"(?:to\s+|tae\s+)?wake(?:\s+up)?\b(?!\s+(?:late|early|in\s+time|on\s+time|too|before|after|till|until|at|the|my|"
        r"anyone|him|her|them|everyone|anybody|up\s+(?:late|early|at|before|with|in\s+a|grumpy|sore|tired|hungover)))",
    ),
    # seventh round: being dead as a relief, said with "it would be" ("it would be a relief to just be dead"); not
    # "it would be easier to just be gone for the weekend"
    _rule(
        "dead_would_be_relief",
        IDEATION,
        r"\b(?:it\s+would|it'?d|would|it\s+will|it'?ll)\s+be\s+(?:\w+\s+)?(?:a\s+relief|easier|better|peaceful|kinder|"
        r"simpler)\s+(?:for\s+(?:everyone|everybody|them|all)\s+)?(?:if\s+i\s+(?:was|were)\s+|to\s+(?:just\s+)?)"
        r"(?:be\s+dead|dead|die|not\s+(?:exist|wake\s+up)|stop\s+existing|be\s+gone|gone)\b(?!\s+(?:for|on|by|from|till|"
        r"until|at|to|away)\b)",
    ),
    # seventh round: self-harm with a second-language reflexive "me" ("I am cutting me in the legs again"); not
    # another's act ("he hurt me in the arm": the subject must be "I"), and an accident sets it aside (injury rules)
    _rule(
        "l2_reflexive_self_harm",
        BEHAVIOR,
        r"\b(?:i|i'm|im|i\s+am|i\s+was|i\s+have\s+been|i\s+been)\s+(?:\w+\s+)?(?:cut|cutting|burn|burning|burned|burnt|"
        r"scratch|scratching|scratched|hit|hitting)\s+me\s+(?:again\s+)?(?:in|on)\s+(?:the|my)\s+(?:\w+\s+)?"
        + BODY
        + r"\b",
    ),
    # seventh round: a fixing point tested for one's weight ("looked at the beam to see if it'd take my weight"); not
    # a hammock, a swing or a pull-up bar
    _rule(
        "weight_tested",
        BEHAVIOR,
        r"\b(?:beam|beams|rafter|rafters|hook|banister|bannister|joist|joists|loft\s+hatch|pipe|light\s+fitting|railing|"
        r"door\s+frame|"
        # twenty-first round: a rope, a cord or a belt tested for one's weight ("tried the bell rope … to see if it
        # would take my weight"); not a rope swing, a ladder or a climbing rope
        r"(?<!climbing\s)(?<!tow\s)(?<!skipping\s)(?<!tug\s)(?:rope|cord|flex|cable|strap|belt|scarf|sheet|tie)"
        r"(?!\s+(?:swing|ladder|bridge|course|lights?)))\b[^.!?\n]{0,80}?\b(?:to\s+see|see|check(?:ed|ing)?|test(?:ed|ing)?|wonder(?:ed|ing)?)\s+(?:if|whether)\s+"
        r"(?:it'?d|they'?d|(?:it|they|the\s+\w+)\s+(?:would|will|could|can))\s+(?:take|hold|bear|support)\s+my\s+weight\b"
        r"(?![^.!?\n]{0,60}\b(?:hammock|swing|aerial|hoop|pull-?ups?|chin-?ups?|yoga|silks|climbing|bar|punchbag|bag)\b)",
    ),
    # seventh round: a weapon named, then using it on oneself ("thinkin' bout usin' it on myself"); not a massage
    # gun or clippers (only weapons are named)
    _rule(
        "means_on_myself",
        IDEATION,
        r"(?<!massage\s)(?<!glue\s)(?<!nail\s)(?<!heat\s)(?<!nerf\s)(?<!water\s)(?<!spray\s)(?<!paint\s)(?<!staple\s)"
        r"\b(?:gun|guns|rifle|shotgun|pistol|revolver|handgun|knife|blade|razor|firearm|weapon)\b[^\n]{0,150}?\b(?:use|using|"
        r"usin'?|used|turn|turning|turned|point|pointing|pointed)\s+(?:it|that|them|one)\s+on\s+(?:myself|meself|masel|"
        r"miself)\b"
        r"|\b(?:use|using|usin'?|used|turn|turning|turned|point|pointing|pointed)\s+(?:the|a|my|his|dad'?s|daddy'?s)\s+"
        r"(?:(?!massage|glue|nail|heat|nerf|water|spray|paint|staple|tattoo|butter|palette|putty)\w+\s+)?"
        r"(?:gun|rifle|shotgun|pistol|revolver|handgun|knife|blade|razor)\s+on\s+(?:myself|meself|masel|miself)\b",
    ),
    # tenth round: acts told with their intent or their method and no usual risk word ("walked into the river meaning
    # to drown", "put my head in the gas oven", "stepped in front of the van on purpose, wanted it over"); an attempt
    # when told as the writer's own act, a behavior when it was turned back or rehearsed (tests both ways in
    # tests/analysis_risk/test_lexicon_tenth_round.py)
    *(
        _rule("attempt_with_intent", ATTEMPT, r"(?:" + act.pattern + r")(?!" + TURNED_BACK + r")", guard=act)
        for act in _ACTS
    ),
    *(
        _rule("aborted_with_intent", BEHAVIOR, r"(?:" + act.pattern + r")" + TURNED_BACK, guard=act)
        for act in _ACTS
    ),
    # seventeenth round: preparations by composition — things given away with the writer's word they will not be
    # needed, a means kept back with what it is for, a letter left for after (tests both ways in
    # tests/analysis_risk/test_lexicon_seventeenth_round.py)
    _rule(
        "given_away_not_needed",
        BEHAVIOR,
        NOT_ABOUT_TO + GIVEN_AWAY + WORN_OUT + r"(?=" + THEN + NO_NEED + r")",
    ),
    _rule(
        "means_kept_for_it",
        BEHAVIOR,
        NOT_ABOUT_TO
        + KEPT_BACK
        + r"(?:[\w'-]+\s+){0,5}?"
        + MEANS_KEPT
        + r"\b(?="
        + THEN
        + KEPT_FOR_IT
        + r")",
    ),
    _rule("note_for_after", BEHAVIOR, NOTE_FOR_AFTER),
    # seventeenth round: an act set up, then turned back or interrupted (tests both ways in
    # tests/analysis_risk/test_lexicon_seventeenth_round.py)
    _rule(
        "aborted_composed",
        BEHAVIOR,
        ABORT_SETUP + r"(?=" + THEN + r"(?:" + TURNED_BACK_THEN + r"))",
        guard=ABORT_SETUP_ENDS,
    ),
    _rule(
        "aborted_with_intent",
        BEHAVIOR,
        r"\b(?:practised|practiced|rehearsed|rehearsing|practising|practicing)\s+(?:\w+\s+){0,2}?(?:putting\s+my\s+head\s+"
        r"in|stepping\s+(?:out\s+)?in\s+front\s+of|walking\s+into\s+the\s+(?:sea|river|lake|water)|tying\s+the\s+(?:rope|noose)"
        r"|the\s+(?:jump|noose|drop))\b"
        # gone to a place of a method with the intent said ("went to the bridge meaning to jump"): no act yet
        r"|\b(?:walked|went|drove|cycled|headed|climbed|took\s+(?:a|the)\s+(?:bus|train|car|taxi))\s+(?:\w+\s+){0,3}?"
        r"(?:to|up\s+to|onto|down\s+to|out\s+to)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:sea|river|bridge|cliffs?|station|"
        r"tracks|lake|beach|coast|edge|quarry|car\s+park|multi-storey|roof|viaduct|motorway|railway|pier|loch|canal)\b"
        r"[^.!?\n]{0,60}?\b" + INTENT_TO_DIE,
    ),
    # tenth round: "check out" said of one's life ("I want to check out for good", "checking out permanently"); not
    # a hotel, a shop or a library book (those take "of" or an object)
    _rule(
        "check_out_for_good",
        IDEATION,
        r"\b(?:check|checks|checking|checked)\s+out\s+(?:of\s+(?:life|this\s+(?:life|world)|here|everything)\s+)?"
        r"(?:for\s+good|for\s+ever|forever|permanently|for\s+real|once\s+and\s+for\s+all|early\s+from\s+life)\b",
    ),
    # twenty-first round: a hurt told by its habit (see ``HABIT``)
    _rule(
        "self_harm_habit",
        BEHAVIOR,
        NOT_ABOUT_TO
        + HABIT
        + NOT_A_HABIT_HURT
        + r"(?:"
        + SHARP_ING
        + r"\s+(?:at\s+)?(?:[\w'-]+\s+){0,6}?(?:into|on|at|across|in)\s+(?:my|me)\s+(?:own\s+)?"
        + CUT_SITES
        + r"|"
        + SHARP_ING
        + r"\s+(?:at\s+)?(?:my|me)\s+(?:own\s+)?"
        + CUT_SITES
        + r"|"
        + BLUNT_ING
        + r"\s+(?:at\s+)?(?:my|me)\s+own\s+"
        + HARM_BODY
        + r"|using\s+(?:the|a|my|some)\s+(?:[\w'-]+\s+){0,2}?"
        + SHARP_THING
        + r"(?:\s+[\w'-]+){0,4}?\s+on\s+(?:my|me)\s+(?:own\s+)?"
        + CUT_SITES
        + r")\b"
        + NOT_A_HABIT_HURT
        + r"|"
        + NOT_ABOUT_TO
        + r"\b(?:used|use|uses)\s+"
        + NOT_A_HABIT_HURT
        + r"(?:the|a|my|some)\s+(?:[\w'-]+\s+){0,2}?"
        + SHARP_THING
        + r"(?:\s+[\w'-]+){0,4}?\s+on\s+(?:my|me)\s+own\s+"
        + CUT_SITES
        + r"\b"
        + NOT_A_HABIT_HURT,
    ),
    # twenty-first round: a gun put to the writer's head or chin and no trigger pulled (``attempt_act`` when it was)
    # is an interrupted act; not a toy, a glue or a massage gun
    _rule(
        "gun_to_head",
        BEHAVIOR,
        NOT_ABOUT_TO
        + r"\b(?:put|held|pressed|stuck|rested)\s+(?:[a-z]+(?:'s)?\s+){0,2}?(?<!water\s)(?<!nerf\s)(?<!toy\s)(?<!glue\s)"
        r"(?<!heat\s)(?<!massage\s)(?<!spray\s)(?<!staple\s)(?<!paint\s)(?<!squirt\s)(?<!cap\s)(?<!bb\s)"
        r"(?:pistol|gun|rifle|shotgun|revolver|barrel|handgun)\s+(?:\w+\s+){0,2}?(?:to|in|into|under|against)\s+my\s+"
        r"(?:head|mouth|chin|temple|throat)\b",
    ),
    # twenty-first round: every pill the writer has set out ("had every one of my tablets set out on the table in
    # rows"); not a week's doses in an organiser or laid out for a review
    _rule(
        "means_set_out",
        BEHAVIOR,
        r"\b(?:all|every\s+one\s+of|each\s+of|every\s+last\s+one\s+of)\s+my\s+(?:\w+\s+)?(?:"
        + PILLS
        + r"|pills|tablets)\s+(?:\w+\s+)?(?:set\s+out|laid\s+out|lined\s+up|in\s+rows|spread\s+out|poured\s+out|"
        r"counted\s+out)\b"
        r"(?![^.!?\n]{0,60}\b(?:organi[sz]er|dosette|pill\s*box|blister|weekly|for\s+the\s+(?:week|pharmacist|review|"
        r"nurse|doctor|gp|trip|holiday))\b)",
    ),
    # twenty-first round: a cloth or a strap tied to a fixing point and put round the neck, or pulled tight round it
    # until something happened ("tied my scarf to the window bars and put it round my neck", "pulled the strap of my
    # bag tight round my neck until everything went sparkly"); not a scarf worn against the wind
    _rule(
        "ligature_tried",
        BEHAVIOR,
        NOT_ABOUT_TO
        + r"\b(?:tied|knotted|fixed|hooked)\s+(?:[\w'-]+\s+){1,4}?(?:to|onto|round|around)\s+(?:the|a|my)\s+(?:\w+\s+)?"
        r"(?:bars|bar|rail|railing|banister|bannister|door|handle|hook|beam|pipe|tree|branch|wardrobe|bed|frame|"
        r"radiator|curtain\s+pole)\b[^.!?\n]{0,40}?\b(?:put|pulled|slipped|looped)\s+(?:it|them)\s+(?:round|around|over)\s+"
        r"my\s+(?:neck|head)\b"
        r"|"
        + NOT_ABOUT_TO
        + r"\b(?:pulled|tightened|yanked|twisted)\s+(?:the\s+|my\s+|a\s+)?(?:[\w'-]+\s+){0,4}?(?:tight\s+)?(?:round|around)\s+"
        r"my\s+(?:own\s+)?neck\b[^.!?\n]{0,30}?\b(?:until|till|til)\b",
    ),
    _rule(
        "help_seeking",
        INDICATOR,
        r"\b(?:suicide\s+(?:hotline|helpline|line|prevention\s+line)|crisis\s+(?:line|text\s+line|team|center|centre)|"
        r"samaritans|safety\s+plan|988|psych\s+ward|psychiatric\s+(?:ward|hospital|unit)|sectioned|involuntary\s+hold|"
        r"5150)\b",
    ),
    _rule(
        "self_harm_mention",
        INDICATOR,
        r"\bself[\s-]?(?:harm|harming|injury|injuring|mutilation)\b|\bcutting\b",
    ),
    _rule("suicide_mention", INDICATOR, r"\bsuicides?\b|\b(?P<who>kys|kill\s+yourself|kill\s+urself)\b"),
    # --- thirty-third round (h120, review r103 fault 3): a preparation made beside the plan ---------------------
    # a note or a letter written in the sentence that tells the writer's plan or intent to die ("I have written a
    # note and plan to hang myself on Sunday"); "I wrote my suicide note" is ``preparation_note``
    _rule(
        "preparation_note_with_plan",
        BEHAVIOR,
        r"\b(?:written|wrote|writing|write|left|leaving|finished)\s+(?:(?:a|the|my|some|all\s+(?:the|my)|(?:a\s+)?few)\s+)?"
        r"(?:\w+\s+)?(?:note|notes|letter|letters)\b[^.!?\n]{0,60}?\b(?:plan|plans|planning|going|gonna|will|'ll|intend|"
        r"intending|decided|about)\s+(?:to\s+)?(?:just\s+|finally\s+)?(?:(?:kill|hang|shoot|drown|poison|gas|off)\s+"
        + MY_SELF
        + r"|end\s+(?:my\s+(?:own\s+)?life|it\s+all)|take\s+my\s+(?:own\s+)?life|overdose|od)\b",
    ),
    # the means set ready ("I want to die. I have the pills ready.", "the rope is ready"); not for a purpose named
    # after it ("… ready for the morning dose")
    _rule(
        "preparation_means_ready",
        BEHAVIOR,
        r"\b(?:have|'ve\s+got|ve\s+got|have\s+got|got|had|put|set|keep|kept)\s+(?:the|my|some|enough|all\s+(?:the|my)|"
        r"(?:a|the)\s+(?:box|bottle|pack|packet|strip)s?\s+of)\s+(?:\w+\s+)?"
        + READY_MEANS
        + r"\s+"
        + READY
        + r"|"
        r"\b(?:the|my)\s+(?:\w+\s+)?" + READY_MEANS + r"\s*(?:is|are|'s|r)\s+" + READY,
    ),
    # --- thirty-third round (h120, review r103 fault 2): ideation and self-harm reported in a therapist's note ---
    # read only in session text; the client is the subject in the third person, or the shorthand follows a reporting
    # verb ("Client reports SI."); "denies SI" is read and set aside as a negation
    _rule(
        "reported_wish_to_die",
        IDEATION,
        r"\b"
        + CLIENT
        + r"\s+(?:still\s+|really\s+|now\s+|just\s+)?(?:wants|wanted|wishes|wished|is\s+wanting|was\s+wanting|would\s+like|"
        r"feels\s+like\s+(?:he|she|they)\s+(?:wants|want)|talked\s+about\s+wanting|spoke\s+about\s+wanting|"
        r"spoke\s+of\s+wanting)\s+(?:to\s+)?(?:just\s+)?(?:die|be\s+dead|end\s+(?:"
        + THEIR
        + r"\s+(?:own\s+)?life|"
        r"it\s+all)|kill\s+"
        + THEMSELF
        + r"|take\s+"
        + THEIR
        + r"\s+(?:own\s+)?life|not\s+(?:be\s+alive|exist|wake\s+up))\b"
        r"|\b(?:wishes|wished)\s+(?:that\s+)?" + CLIENT + r"\s+(?:was|were|had\s+been|could\s+be)\s+dead\b"
        r"|\b(?:wishes|wished)\s+(?:that\s+)?"
        + CLIENT
        + r"\s+(?:had\s+never\s+been\s+born|would\s+(?:just\s+)?die|"
        r"(?:would|could)\s+not\s+wake\s+up|wouldn'?t\s+wake\s+up)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "reported_not_wanting_to_live",
        IDEATION,
        r"\b"
        + CLIENT
        + r"\s+(?:does\s+not|doesn'?t|did\s+not|didn'?t|no\s+longer)\s+(?:really\s+)?(?:want|wants|wish|wishes)\s+(?:to\s+)?"
        r"(?:live|be\s+alive|exist|wake\s+up|be\s+here\s+(?:anymore|any\s+more)|go\s+on\s+living|keep\s+living)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "reported_ideation",
        IDEATION,
        REPORTS
        + r"(?:(?:having|having\s+had|experiencing|some|to|of|new|increased|increasing)\s+){0,2}"
        + SHORTHAND_SI
        + r"\b"
        r"|"
        + REPORTS
        + r"(?:(?:having|experiencing|some|new|increased|increasing)\s+){0,2}(?:thoughts|urges?|ideas)\s+"
        r"(?:of|to|about)\s+(?:" + SELF_HARM_WORD + r"|cutting|hurting\s+" + THEMSELF + r")\b"
        # 2.9.0 (review r113): the client has had self-harm urges ("She has had SH urges.")
        r"|\b"
        + CLIENT
        + r"\s+(?:has\s+had|had|has|have|is\s+having|was\s+having|has\s+been\s+having|continues\s+to\s+have)\s+"
        r"(?:(?:some|ongoing|recent|new|increased|strong|frequent)\s+)?"
        + SELF_HARM_WORD
        + r"\s+(?:urges?|thoughts)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "reported_self_harm",
        BEHAVIOR,
        REPORTS
        + r"(?:(?:to|further|more|recent|new|ongoing|continued|episodes?\s+of|an?\s+episode\s+of|having)\s+){0,2}"
        r"(?:" + SELF_HARM_WORD + r"|" + HARMED + r"\s+" + HARM_SITES + r")\b"
        r"|\b"
        + CLIENT
        + r"\s+(?:has\s+|had\s+|have\s+|is\s+|was\s+|has\s+been\s+|had\s+been\s+|again\s+|also\s+|still\s+)?"
        r"(?:"
        + HARMED
        + r"|cuts|burns|self[\s-]?harmed|self[\s-]?harming)\s+(?:again\s+)?"
        + HARM_SITES
        + r"\b",
        kinds=SESSION_KINDS,
    ),
    # 2.9.0 (review r113): someone else's self-harm going on now, told in the writer's text ("he still cuts
    # himself"): at most an indicator, as someone else's risk is in a journal (`third_person`); a session note's client
    # is read by `reported_self_harm`; not an accident ("he cuts himself shaving")
    _rule(
        "someone_else_self_harm",
        INDICATOR,
        r"\b(?:he|she|they)\s+(?:still\s+|keeps\s+|often\s+|sometimes\s+|is\s+|'s\s+|has\s+been\s+)?(?:cuts|cutting|burns|"
        r"burning|self[\s-]?harms|self[\s-]?harming)\s+(?:himself|herself|themselves|themself)\b"
        r"(?![^.!?\n]{0,60}\b(?:shaving|by\s+accident|accidentally|by\s+mistake|cooking|chopping|at\s+work)\b)",
    ),
    # 2.8.3 (h127, review r112): the shorthand alone is a note's report too ("SI at age 15, now again."), read with the
    # reported forms' negation and history; not a heading that answers it ("SI: denies", "SI/HI: none"). A bare "SH"
    # is not read (the lead, after probing h127's rule: "SH urges", "SH history: … none since", "SH noncontributory"
    # (social history) all read `behavior`); "reports SH" and the other reported forms still are
    _rule(
        "noted_ideation",
        IDEATION,
        r"(?<!\bno\s)(?<!\bnil\s)\b(?:si|suicidal\s+ideation)\b" + NOTED_ANSWERED,
        kinds=SESSION_KINDS,
    ),
)

# 2.10.0 (h134, review r114): current acts told in shorthand or as history resumed; kept apart from the rounds above.
# a cut told bare, then resumed in the next clause or sentence ("used to cut, started again last night", "i used to
# cut in school; started again"); not a thing cut ("used to cut the grass, started again": an object stops it)
RESUMED = r"(?:started|starting|began|begun|restarted)\s+(?:it\s+)?again|again\s+(?:now|since|last|this|tonight)|resumed|relapsed"
CUT_RESUMED = (
    r"\bused\s+to\s+(?:cut|self[\s-]?harm|sh)(?:\s+myself)?(?:\s+(?:in|at|as|when|during)\s+(?:\w+\s+){0,2}?\w+)?"
    r"\s*[,;.]+\s*(?:but\s+|and\s+|now\s+|i\s+|i'?ve\s+)?(?:" + RESUMED + r")\b"
    # "cutting resumed", "pt reports cutting again since tuesday", "relapsed on self harm"
    r"|\b(?:cutting|self[\s-]?harm(?:ing)?)\s+(?:has\s+)?(?:resumed|restarted|started\s+again|again\s+since)\b"
    r"(?!\s+(?:at|in|on)\s+(?:the|a|our|my)\b)"
    r"|\brelapsed\s+(?:on|with|into)\s+(?:self[\s-]?harm(?:ing)?|sh|cutting)\b"
    # a cut "deep" on the writer's own wrist or arm
    r"|\bi\s+cut\s+(?:deep|deeply|hard)\s+(?:on|into|across)\s+my\s+(?:wrists?|arms?|thighs?|legs?|stomach)\b"
)
# a note's count of self-harm episodes ("SH x3 this wk", "self-harm x3 this week")
# 2.10.2 (h143, review r119): "cutting thighs x3", "cutting her arms x2": a body part between the act and its count
SELF_HARM_COUNT = (
    r"\b(?:sh|self[\s-]?harm(?:ing)?|cutting(?:\s+(?:her\s+|his\s+|their\s+)?" + BODY + r")?)\s*x\s*\d+\b"
)
# 2.10.2 (h143, review r119): the time phrases of a note's bare act; each is closed (``\b`` then no "'s")
ACT_TIME = (
    r"(?:last\s+night|yesterday|today|tonight|this\s+(?:morning|afternoon|evening|week|weekend)|"
    r"(?:over|at)\s+the\s+weekend|(?:on|last)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+night)?)\b(?!')"
)
SUCCESS = r"(?:passed|got\s+(?:her|his|their|a|an|the)|won|completed|finished|aced|nailed|succeeded|managed\s+it|loved\s+it)"
CUT_MEANS = r"(?:razor|razors|blade|blades|knife|scissors|glass|lighter|cigarette|compass|sharpener)"
# 2.10.2 (h143, review r119): a note's act or preparation told in the third person or without a subject, read where
# it stands after a denial's stop ("Denies SI/SH; but cut her wrists on Monday."). Each follow-set is exact: a body
# part cut or burned, then the end of the clause, a time that ends it, or a means; a number of pills bought or
# stockpiled, then the end or a time; a note written and the date chosen; pets, savings or possessions given away
# (not when moving house or decluttering).
NOTED_ACT = (
    r"\b(?:cut|cuts|slashed|burned|burnt|burns)\s+(?:her|his|their)\s+(?:own\s+)?(?:\w+\s+)?"
    + BODY
    + r"\b(?=\s*(?:[.;!,\n]|$)|\s+"
    + ACT_TIME
    + r"\s*(?:[.;!,\n]|$)|\s+(?:with|using)\s+(?:a\s+|the\s+)?"
    + CUT_MEANS
    # 2.10.3 (review r121): the means ends the clause, or a time that ends it ("with a lighter lighting the BBQ",
    # "with a knife while cooking" are not read)
    + r"(?:\s+blades?)?(?=\s*(?:[.;!,\n]|$)|\s+"
    + ACT_TIME
    + r"\s*(?:[.;!,\n]|$)))"
    r"|\b(?:bought|buys|buying|stockpiled|stockpiling|hoarded|hoarding|saved\s+up)\s+"
    + NUMBER
    + r"\s+(?:\w+\s+)?"
    + PILLS
    + r"(?=\s*(?:[.;!,\n]|$)|\s+"
    + ACT_TIME
    + r"\s*(?:[.;!,\n]|$))"
    r"|\b(?:wrote|written)\s+a\s+(?:suicide\s+|goodbye\s+)?note\s+and\s+(?:chose|picked|set|planned)\s+(?:the|a)\s+"
    r"(?:date|day)(?=\s*(?:[.;!,\n]|$)|\s+(?:for\s+it|to\s+(?:do\s+it|die|end\s+it))\b)"
    r"|\b(?:gave|given|giving)\s+away\s+(?:all\s+(?:of\s+)?)?(?:her|his|their)\s+(?:cat|cats|dog|dogs|pets?|savings|"
    r"belongings|possessions|things|jewel(?:le)?ry)\b(?![^.!?\n]{0,60}\b(?:mov(?:e|ed|ing)\s+(?:house|flat|home|out)|"
    r"downsiz\w*|declutter\w*|allerg\w*)\b)"
)
NOTE_AND_RESUMED_RULES: tuple[Rule, ...] = (
    _rule("self_harm_resumed", BEHAVIOR, CUT_RESUMED),
    _rule("noted_self_harm_count", BEHAVIOR, SELF_HARM_COUNT, kinds=SESSION_KINDS),
    # "attempted ligature", "ligature attempt"; a ligature found or made with a plan to use it
    _rule(
        "attempt_ligature",
        ATTEMPT,
        r"\b(?:attempted|attempting|tried)\s+(?:a\s+)?ligature\b|\bligature\s+attempts?\b"
        r"|\b(?:new|recent|another|further|current)\s+(?:suicide\s+)?attempt\s+(?:by|via|with)\s+(?:hanging|ligature|"
        r"overdose|od|jumping|drowning|strangulation|cutting)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "preparation_ligature",
        BEHAVIOR,
        r"\bligatures?\s+(?:was\s+|were\s+)?(?:found|made|prepared|tied|discovered|hidden)\b(?=[^.!?\n]{0,80}?\b(?:plan\w*|"
        # 2.10.1 (h140, review r117): a time or an intent named with it ("for tonight", "was going to use it")
        # (the client's: "she said", "pt was going to use it"; not "maintenance were going to use it")
        r"for\s+(?:tonight|later|tomorrow|the\s+weekend)\b(?!')|(?:she|he|they|pt|cl|client|patient)\s+(?:\w+\s+){0,3}?"
        r"(?:was|were|is|had\s+been)\s+(?:going\s+to|meaning\s+to|planning\s+to)\s+use|"
        r"(?:meant|intended|planned)\s+to\s+use)\b)",
    ),
    # 2.10.1 (h140, review r117): a bare "attempted" with the client as its subject, ended or followed by a time
    # ("Pt attempted last night.", "pt attempted; brother called 999"); a relative as the subject stays theirs
    # (`RELATIVE_SUBJECT`); "attempted to call", "attempted the exam" have an object
    _rule(
        "noted_attempt_bare",
        ATTEMPT,
        # 2.10.2 (h143, review r119): exact: the time phrase ends the clause ("at the weekend.", "this morning,
        # taken to A&E"), or "attempted" itself ends it (not at a comma: "attempted, with support, to reach her GP");
        # not a possessive ("yesterday's homework"), an object after ":" "-" "=", "and got …", and no success word
        # after it in the sentence ("pt attempted; passed her driving test")
        r"\b(?:pt|cl|patient|client|she|he|they)\s+(?:has\s+)?attempted(?=(?:\s+again)?(?:\s+"
        + ACT_TIME
        + r"\s*[,.;!\n]|"
        r"\s*(?:[.;!\n]|$)|\s+" + ACT_TIME + r"\s*$)(?![^.!?\n]*?\b" + SUCCESS + r"\b))",
        kinds=SESSION_KINDS,
    ),
    _rule("noted_act", BEHAVIOR, NOTED_ACT, kinds=SESSION_KINDS),
    # 2.10.1 (h140, review r117): a note's "SH" (or "s/h", normalised to "sh") with the time of the act
    # ("SH last night on his arms", "self-harm yesterday")
    _rule(
        "noted_self_harm_recent",
        BEHAVIOR,
        # 2.10.2 (h143, review r119): exact: the time ends the clause ("SH last night.") or a body part or means
        # follows ("SH last night on his arms", "… with a razor"); not "SH today: supervised hours", "SH yesterday =
        # staff handover", "at SH last night, the Sheffield Hallam pub quiz"
        r"(?<!\bno\s)(?<!\bnil\s)(?<!\bat\s)\b(?:sh|self[\s-]?harm(?:ed)?)\s+"
        + ACT_TIME
        + r"(?=\s*(?:[.;!\n]|$)|"
        r",?\s+(?:(?:on|to)\s+(?:her|his|their|the|both)\s+(?:\w+\s+)?"
        + BODY
        + r"|(?:with|using)\s+(?:a\s+|the\s+|her\s+|"
        r"his\s+)?" + CUT_MEANS + r")\b)",
        kinds=SESSION_KINDS,
    ),
    # a note's report of the wish in the client's words ("reports wanting to sleep forever and not wake up")
    _rule(
        "reported_wanting_to_die",
        IDEATION,
        REPORTS
        + r"(?:wanting|wishing|a\s+wish|wishes)\s+(?:to\s+)?(?:die|be\s+dead|sleep\s+forever|not\s+(?:wake\s+up|exist|"
        r"be\s+alive|be\s+here)|end\s+(?:it\s+all|" + THEIR + r"\s+life)|kill\s+" + THEMSELF + r")\b",
        kinds=SESSION_KINDS,
    ),
)
RULES = RULES + NOTE_AND_RESUMED_RULES

# the words that only qualify an act named by its noun ("first", "last", "failed", "2019"; 2.12.0, h157, read by
# ``RELATIVE_POSSESSIVE`` too)
ACT_QUALIFIERS = (
    r"(?:first|second|third|last|latest|recent|previous|prior|earlier|past|old|failed|serious|repeated|ongoing|"
    r"near[\s-]?fatal|nearly\s+fatal|own|\d{4}|teenage|childhood|years?[\s-]?old)"
)
# "on" and a day or a date is when ("my attempt on Sunday", "cl's overdose on the 3rd"), not what
A_DAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|boxing|new\s+year|the\s+\d|\d|"
    r"my\s+birthday|her\s+birthday|his\s+birthday)\w*|the\s+(?:weekend|night|day|anniversary)\b)"
)
# 2.13.0 (h160): the writer's own past attempt named with a possessive and its noun ("my attempt last year", "since my
# OD", "my failed attempt", "after my overdose in May"), an attempt as "I attempted suicide two years ago" is; in a note
# the client's ("cl's OD", "her attempt" where the pronoun refers back to the client: ``note_owner``). Not an attempt
# at or to something ("my attempt at baking bread", "my attempt to call her": "to end it" is ``attempt_named``), an
# overdose of what is no drug ("my overdose of coffee"), nor a plan ("planning my overdose", "my overdose plan").
OWN_ACT_NOUN = (
    r"\s+(?:(?:" + ACT_QUALIFIERS + r")\s+){0,2}(?:suicide\s+)?(?:attempts?\b(?!\s+(?:at|of|to|for)\b)"
    r"(?!\s+on\s+(?!" + A_DAY + r"))|"
    r"(?:overdoses?|ods?|o\.d)\b(?!\s+(?:of|on)\s+(?!(?:\w+\s+){0,2}?"
    + DRUG
    + r"|"
    + A_DAY
    + r"))(?!\s+plan))"
    r"(?!\s+(?:will|is\s+going|would|plan|planned)\b)"
)
NOT_PLANNED = r"(?<!plan\s)(?<!plans\s)(?<!planning\s)(?<!planned\s)(?<!next\s)"
POSSESSED_RULES: tuple[Rule, ...] = (
    _rule("attempt_possessed", ATTEMPT, NOT_PLANNED + r"\b(?P<who>my)" + OWN_ACT_NOUN),
    _rule(
        "noted_attempt_possessed",
        ATTEMPT,
        NOT_PLANNED + r"\b(?:(?P<who>her|his|their)|(?:cl|pt|client|patient)'s)" + OWN_ACT_NOUN,
        kinds=SESSION_KINDS,
    ),
)
RULES = RULES + POSSESSED_RULES

# 2.14.0 (h167, rule in docs/risk.md written before frozen32 is read): a note's shorthand for the client's own act,
# self-harm resumed told by its verb, an interrupted hanging, and a preparation told without a risk word where its
# context reads as an ending. Someone else's act is theirs through ``note_owner`` and the existing readings.
# an overdose or an ingestion qualified as meant, or counted ("intentional OD", "deliberate overdose", "OD x2")
MEANT_ACT = r"(?:intentional|intentionally|deliberate|deliberately|purposeful|purposefully|intended)"
OD_NOUN = r"(?:od|o\.d|overdose|ingestion|self[\s-]?poisoning)"
# a note's own words for self-harm ("DSH", "NSSI", "SIB", "SH", "self-harm")
NOTE_SELF_HARM = r"(?:dsh|nssi|sib|sh|self[\s-]?harm(?:ing)?)"
INJURY_NOUNS = r"(?:lacerations?|cuts|wounds?|burns|scratches|abrasions|injur(?:y|ies)|scars)"
# the acts of self-harm a verb of resuming reads, and the exact follow-set after them: the end of the clause, a time,
# "again", "after", "since", a means, a body part of one's own, the self
RESUMED_ACTS = (
    r"(?:cutting|burning|scratching|self[\s-]?harm(?:ing)?|sh|dsh|nssi|head[\s-]?banging|banging\s+(?:my|her|his|their)"
    r"\s+head)"
)
WEEKDAY_SHORT = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?"
RESUMED_FOLLOW = (
    r"(?=\s*(?:[.,;:!\n)]|-\s|\((?=[^)\n]{0,30}\)\s*(?:[.,;:!\n]|$|after\b|since\b|again\b))|$)|"
    r"\s+(?:again|after|since|following|last|this|tonight|today|yesterday|"
    + WEEKDAY_SHORT
    + r"|x\s*\d+|with|using|on\s+(?:my|her|his|their)\s+(?:\w+\s+)?"
    + BODY
    + r"|(?:my|her|his|their)\s+(?:\w+\s+)?"
    + BODY
    + r"|myself|herself|himself|themselves|self)\b)"
)
RESUME_VERB = (
    r"(?:back\s+to|went\s+back\s+to|gone\s+back\s+to|resumed|resuming|restarted|restarting|relapsed\s+(?:into|to|with)|"
    r"relapse\s+(?:into|to))"
)
# a rope, a belt, a cord or a noose round one's own neck; taken off or cut down
NECK_THING = r"(?:rope|belt|cord|noose|ligature|sheet|bedsheet|scarf|cable|flex|lead|tie|tights|strap)"
NECK_OWNER = r"(?:my|her|his|their|the)\s+(?:own\s+)?"
SHORTHAND_RULES: tuple[Rule, ...] = (
    _rule(
        "attempt_shorthand",
        ATTEMPT,
        r"(?<!\bnot\s)(?<!\bnon\s)(?<!\bnon-)\b" + MEANT_ACT + r"\s+" + OD_NOUN + r"s?\b"
        r"|(?<!\baccidental\s)(?<!\bunintentional\s)(?<!\bhx\sof\s)(?<!\bhistory\sof\s)(?<!\bhx\s)"
        r"\b(?:od|ods|overdoses?)\s*x\s*\d+\b"
        r"(?![^.;\n]{0,40}\b(?:accidental|accidentally|no\s+intent|unintentional|by\s+mistake)\b)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "self_harm_shorthand",
        BEHAVIOR,
        r"(?<!\bno\s)(?<!\bnil\s)\b(?:dsh|nssi|sib)\s*(?:x\s*\d+|\+\+)"
        r"|(?<!\bno\s)(?<!\bnil\s)\bfresh\s+(?:" + NOTE_SELF_HARM + r"|" + INJURY_NOUNS + r")\b"
        r"|(?<!\bno\s)(?<!\bnil\s)\b" + NOTE_SELF_HARM + r"\s+(?:relapse|relapsed|resumed|restarted)\b"
        r"(?!\s+(?:of|on|in)\s+(?:the|a|an|my|her|his)\b)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "noted_self_harm_label",
        BEHAVIOR,
        r"\b" + INJURY_NOUNS + r"\b[^.;\n]{0,60}?(?<!\bnot\s)(?<!\bnon-)(?<!\bnon\s)\bself[\s-]?inflicted\b"
        r"|(?<!\bnot\s)(?<!\bnon-)(?<!\bnon\s)\bself[\s-]?inflicted\s+(?:\w+\s+)?" + INJURY_NOUNS + r"\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "self_harm_resumed_verb",
        BEHAVIOR,
        r"\b"
        + RESUME_VERB
        + r"\s+"
        + RESUMED_ACTS
        + r"\b"
        + RESUMED_FOLLOW
        + r"|\b(?:started|starting|began|begun)\s+"
        + RESUMED_ACTS
        + r"\s+again\b"
        # a note's bare "cut again" with its time ("Cut again Fri after an argument", "cut again tonight.")
        r"|(?:^|(?<=[.;:\n]\s)|(?<=[.;:\n])|(?<=\bpt\s)|(?<=\bcl\s)|(?<=\bclient\s)|(?<=\bhas\s)|(?<=\bhad\s)|(?<=\byp\s)|(?<=\bpatient\s))"
        r"cut\s+again\b(?=\s*(?:[.!;\n]|$)|\s+(?:tonight|today|yesterday|last\s+night|this\s+(?:morning|afternoon|evening|"
        r"week)|" + WEEKDAY_SHORT + r"|on\s+(?:my|her|his|their)\s+(?:\w+\s+)?" + BODY + r")\b)",
    ),
    _rule(
        "attempt_interrupted",
        ATTEMPT,
        r"\b" + NECK_THING + r"\s+(?:\w+\s+){0,2}?(?:round|around)\s+(?:" + NECK_OWNER + r")?neck\b"
        r"|\b(?:took|taken|pulled|cut|untied|got)\s+(?:the\s+)?"
        + NECK_THING
        + r"\s+(?:off|from)\s+(?:round\s+)?"
        r"(?:her|him|them|me|my|his|their)\b(?:\s+neck\b)?"
        r"|\bcut\s+(?:her|him|them|me)\s+down\b(?!\s+(?:to\s+size|a\s+peg))"
        r"|\bcut\s+down\s+(?:within|after|by|before)\b(?=[^.!?\n]{0,80}\b(?:ligature|hanging|noose|neck)\b)"
        r"|(?<=\bneck\b)[^.!?\n]{0,80}?\bcut\s+down\b",
    ),
)
RULES = RULES + SHORTHAND_RULES

# 2.14.0 (h167): a preparation told without a risk word (``preparation_ending``), read only where its sentence or the
# next holds an ending cue (``ENDING_CUES``) and no everyday purpose (``EVERYDAY_CUES``): a prescription stockpiled,
# letters or notes written or left for someone, a pet or a cherished thing given away or rehomed, a height or a drop
# looked up.
PREP_ACTS = (
    r"\b(?:stockpil(?:e|es|ed|ing)|hoard(?:s|ed|ing)?|saving\s+up|saved\s+up|been\s+saving|keeping\s+back|kept\s+back|"
    r"putting\s+by|put\s+by)\s+(?:(?:my|her|his|their|the|some|all|all\s+(?:of\s+)?(?:my|her|his|their))\s+)?"
    r"(?:[a-z'-]+\s+){0,2}?(?:" + DRUG + r"|prescriptions?|boxes|supply|supplies)\b"
    r"|\b(?:wrote|written|writing|write|writes|left|leaving|sealed|sealing|finished|drafted|drafting)\s+"
    r"(?:[a-z'-]+\s+){0,2}?(?:letters?|notes?|envelopes?|cards?)\s+(?:for|to)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+"
    r"|\b(?:the|an?|my|her|his)\s+(?:envelope|letter|note)\s+for\s+(?:my\s+|her\s+|his\s+)?[a-z'-]+"
    r"|\b(?:gave|given|giving|give|gives|rehomed|rehoming|rehome|re-homed)\s+(?:away\s+)?(?:[a-z'-]+\s+){0,2}?"
    r"(?:cat|cats|dog|dogs|pets?|fish|rabbits?|hamsters?|guinea\s+pigs?|budgie|parrot|tortoise|horse|guitar|camera|"
    r"bike|watch|ring|jewel(?:le)?ry|savings|records|tools)\b"
    r"|\b(?:looked\s+up|looking\s+up|look\s+up|checked|checking|researched|researching|googled|googling|measured)\s+"
    r"(?:the\s+)?(?:height|drop|how\s+(?:high|tall|far\s+down|deep))\s+(?:of\s+|is\s+)?(?:the\s+|that\s+)?"
    r"(?:[a-z'-]+\s+){0,3}?(?:bridge|building|multi[\s-]?storey|car\s+park|cliff|cliffs|tower|viaduct|flyover|roof|"
    r"block|quarry|overpass)\b"
)
ENDING_CUES = re.compile(
    r"\b(?:for\s+after(?=\s*(?:[.!?,;)]|$)|\s+(?:too|as\s+well|and)\b)|for\s+afterwards|after\s+i'?m\s+gone|when\s+i'?m\s+(?:gone|not\s+here|not\s+around)|for\s+(?:if|when)\s+it\s+"
    r"gets\s+(?:bad|worse|too\s+much)|for\s+good|won'?t\s+(?:need|be\s+needing)|(?:no|not\s+any)\s+point\s+(?:in\s+)?"
    r"(?:paying|keeping|renewing|planning|saving)|(?:sorted|put|got)\s+everything\s+(?:in\s+place|in\s+order|sorted)|"
    r"sorted\s+everything|everything'?s\s+(?:now\s+)?(?:in\s+place|sorted|in\s+order|ready)|everything\s+is\s+"
    r"(?:now\s+)?(?:in\s+place|sorted|in\s+order|ready)|nothing\s+left\s+(?:to\s+do|hanging)|(?:just\s+)?the\s+"
    r"(?:letter|letters|note|notes)\s+left|last\s+(?:one|time|letter|thing)|so\s+(?:they|nobody|no\s+one)\s+"
    r"(?:don'?t|won'?t|doesn'?t|can'?t)\s+(?:clock|notice|twig|suspect)|nobody\s+(?:will|would)\s+notice|before\s+i\s+"
    r"go(?!\s+(?:back|to|home|on|away|abroad|out|into|in|off|for)\b)|when\s+it'?s\s+time)\b"
)
EVERYDAY_CUES = re.compile(
    r"\b(?:holiday|holidays|closure|closed|shut|bank\s+holiday|trip|travel|travelling|traveling|trek|"
    r"hike|hiking|climb|climbing|birth|born|baby|babies|twins|wedding|moving\s+(?:house|home|out|abroad|in)|house\s+"
    r"move|new\s+(?:house|flat|home|job|place)|bought\s+(?:the|a|our)\s+(?:house|flat|home)|declutter\w*|time\s+"
    r"capsule|retir\w+|dissertation|course|coursework|project|allerg\w*|vet|charity\s+shop|landlord|abroad|"
    r"operation|christening|solicitor|(?:a|my|our|the)\s+wills?|wills)\b"
)
TOLD_IN_CONTEXT = {
    "preparation_ending": lambda ctx, m: _ending_told(ctx, m),
    "attempt_interrupted": lambda ctx, m: _hanging_told(ctx, m),
    "note_act_with_intent": lambda ctx, m: _intent_told(ctx, m),
    "note_attempt_register": lambda ctx, m: _not_assault(ctx, m),
    "note_aborted_register": lambda ctx, m: _not_assault(ctx, m),
    "note_self_harm_register": lambda ctx, m: _not_music(ctx, m),
    "preparation_combined": lambda ctx, m: _two_preparations(ctx, m),
}
# a stockpile verb: an existing rule's saved-up medicine is read by ``_no_ending`` too ("saving up my tablets before
# the pharmacy's holiday closure" is everyday where no ending cue is told)
STOCKPILE_VERB = re.compile(
    r"\b(?:stockpil\w+|hoard\w*|saving\s+up|saved\s+up|been\s+saving|putting\s+by|put\s+by)\b"
)
PREP_RULES: tuple[Rule, ...] = (_rule("preparation_ending", BEHAVIOR, PREP_ACTS),)
RULES = RULES + PREP_RULES

# 2.15.0 (h175, rule in docs/risk.md written before frozen33 is read): a note's clinical register for the client's own
# act (session kinds; someone else's is theirs through ``note_owner``): the abbreviation "SA" with a year, a count, a
# method or an ordinal ("Previous SA x3", "SA 2017 (hanging …)"), "attempted" before a method noun ("YP attempted
# hanging"), "attempt x1"; an ingestion told by its count ("Ingestion ~30 x quetiapine", "24 co-codamol with vodka"); an
# act beside a stated intent to die; a risk field naming a method ("Plan: car exhaust"); self-harm told with a bare
# "self" or as a compound ("burning self", "self-cut"), head-banging with its count or bruise, biting to break the
# skin, and the urge to harm "self".
METHOD_NOUN = (
    r"(?:hanging|overdose|od|strangulation|drowning|suffocation|asphyxiation|self[\s-]?poisoning|jump|jumping|ligature|"
    r"co\s+poisoning|carbon\s+monoxide|car\s+exhaust|exhaust|firearm|shooting|gunshot|train|rail)"
)
NOTE_DRUG = (
    r"(?:"
    + DRUG
    + r"|quetiapine|co-?codamol|codeine|amitriptyline|sertraline|citalopram|fluoxetine|mirtazapine|"
    r"paracetamol|ibuprofen|aspirin|diazepam|zopiclone|tramadol|lithium|venlafaxine|olanzapine|propranolol|insulin|"
    r"tabs|tablets|pills)"
)
ASSAULT_TOLD = re.compile(
    r"\b(?:sexual\w*|assault\w*|rape\w*|abus\w*|perpetrator\w*|csa|sexually|molest\w*|isva|sarc|groom\w*)\b"
)
# "SA by her uncle", "SA (2015) by ex-partner": an assault, someone did it to the client
SA_BY = re.compile(r"(?:\s*\([^)\n]{0,40}\))?\s+(?:aged\s+\d+\s+)?by\b")
NOTE_REGISTER_RULES: tuple[Rule, ...] = (
    _rule(
        "note_attempt_register",
        ATTEMPT,
        r"\b(?:previous|prior|first|last|recent|further|interrupted|\d+(?:st|nd|rd|th)|hx\s+of|hx|history\s+of)\s+sas?\b"
        r"|\bsas?\s*(?:x\s*\d+\b|\(?(?:19|20)\d\d\b|\((?=[^)\n]{0,60}\b" + METHOD_NOUN + r"\b))"
        r"|\b(?:\d+\s*x\s*)?attempted\s+" + METHOD_NOUN + r"\b(?<!jump)(?<!jumping)"
        r"|\b(?:\d+\s*x\s*)?attempted\s+(?:jump|jumping)\b(?=\s*(?:from|off|in\s+front|[.,;:(]|$))"
        r"|\b(?:od|overdose)\s+(?:19|20)\d\d\b"
        r"|\b(?:previous|prior)\s+(?:suicide\s+)?attempts?\b(?!\s+(?:at|to|of|on|with|in\s+(?:therapy|treatment))\b)"
        r"|\b(?:hanging|od|ods|overdose|ligature|strangulation|drowning|self[\s-]?poisoning|jump|jumping|co)\s+attempts?\b"
        r"(?!\s+(?:at|to|on)\b)"
        r"|\b(?:suicide\s+)?attempts?\s*x\s*\d+\b(?!\s+(?:to|at)\b)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_aborted_register",
        BEHAVIOR,
        r"\baborted\s+(?:sa|sas)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_ingestion_count",
        ATTEMPT,
        r"(?<!\baccidental\s)(?<!\bunintentional\s)"
        r"\b(?:ingestion|ingested|took|taken|swallowed|od|od'd|overdose|overdosed|self[\s-]?poisoning)\b(?:\s+of)?\s+"
        r"(?:~\s*|approx\.?\s*|approximately\s+|about\s+|around\s+|c\.\s*|circa\s+)?(?:[1-9]\d|\d{3})\s*(?:x\s*)?"
        r"(?:[a-z0-9-]+\s+){0,2}?" + NOTE_DRUG + r"\b(?!\s*\d*\s*mg\s+(?:daily|od|bd|tds|nocte|prescribed))"
        r"|(?<!\bprescribed\s)(?<!\bdispensed\s)\b(?:[1-9]\d|\d{3})\s*(?:x\s*)?(?:[a-z0-9-]+\s+)?"
        + NOTE_DRUG
        + r"\s+(?:\w+\s+)?with\s+(?:vodka|alcohol|wine|beer|whisky|whiskey|gin|cider|etoh|spirits)\b"
        r"(?![^.;\n]{0,40}\b(?:accidental|accidentally|no\s+intent|unintentional|by\s+mistake)\b)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_act_with_intent",
        ATTEMPT,
        r"\b(?:self[\s-]?poisoning|ingestion|ingested|overdose|overdosed|od|od'd|hanging|ligature|(?:jumped|jump)\s+"
        r"(?:from|off)\s+(?:(?:a|an|the|her|his|their)\s+)?(?:[a-z0-9'-]+\s+){0,2}?" + DROP + r")\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_plan_field",
        BEHAVIOR,
        r"(?<!\bsafety\s)(?<!\bcare\s)(?<!\bcrisis\s)(?<!\btreatment\s)(?<!\bmanagement\s)(?<!\bdischarge\s)"
        r"(?<!\baction\s)(?<!\bsupport\s)\bplan(?:\s+(?:disclosed|described|reported|identified|stated|voiced|"
        r"endorsed))?\s*(?::|-|–)\s*(?:to\s+|via\s+|by\s+)?(?:hanging|hang|od|overdose|jump|jumping|car\s+exhaust|"
        r"exhaust\s+fumes|co|carbon\s+monoxide|drowning|drown|ligature|firearm|shooting|gun)\b"
        r"(?!\s+(?:risk|discussed|plan|awareness|safety|prevention|management|advice|leaflet|info\w*)\b)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_self_harm_register",
        BEHAVIOR,
        r"\b(?:cutting|cuts|burning|burns|burnt|burned|scratching|scratches|scratched|hitting|hits|punching|punches|"
        r"biting|bites|carving|carves|carved|ligaturing|strangling)\s+self\b(?!\s+(?:off|down|out|short|free|loose|away|"
        r"up)\b)(?![\s-]?(?:esteem|care|worth|image|talk|"
        r"doubt|help|soothe|soothing|harm|confidence|belief))"
        r"|\bself[\s-]?(?:cut|cuts|cutting|burn|burns|burned|burnt|burning|hit|hits|hitting)\b"
        r"|\bhead[\s-]?bang(?:ing|ed|s)?\b(?=[^.;\n]{0,40}?\b(?:x\s*\d+|daily|nightly|today|every|bruis\w*|forehead|"
        r"again|\d+\s*times)\b)"
        r"|\b(?:bites?|biting|bit)\s+(?:(?:her|his|their)\s+)?(?:own\s+)?(?:hands?|arms?|fingers?|wrists?)\s+(?:to|until|"
        r"till)\s+(?:it\s+|they\s+)?(?:break|breaks|broke|bleed\w*|draw\w*\s+blood)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_self_harm_urge",
        IDEATION,
        r"\burges?\s+to\s+(?:cut|burn|harm|hurt|hit|scratch|ligature)\s+self\b(?![\s-]?(?:esteem|care|worth|image|talk|doubt|help|soothe|"
        r"soothing|harm|confidence|belief|off|down|out|up)\b)",
        kinds=SESSION_KINDS,
    ),
)
RULES = RULES + NOTE_REGISTER_RULES

# 2.15.0 (h175): two different preparatory acts told in one text, each without a risk word (``preparation_combined``):
# a will made or changed (or its beneficiaries, a life policy), passwords or accounts written out or left for someone,
# a pet or a cherished thing given away, letters or goodbye messages written for people, a funeral planned. Not where
# an everyday purpose is named (``COMBINED_EVERYDAY``: 2.14.0's everyday cues less the will's own words), not someone
# else's (the existing readings).
PREP_KINDS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(?:made|making|wrote|written|writing|changed|changing|updated|updating|drafted|drafting|sorted|sorting|redid|"
        r"redone|signed|finished|rewrote|rewritten)\s+(?:out\s+)?(?:(?:my|a|her|his|the|their)\s+)?(?:new\s+)?will\b"
        r"(?!\s+(?:be|have|not|go|get|do|make|need|take)\b)|\b(?:the|my|her|his)\s+will\s+(?:is|was)\s+(?:done|signed|made|"
        r"sorted|in\s+the\s+\w+|drafted|updated|witnessed)\b|\bwill\s+updated\b|\bwill\s+(?:i|i've|she|he)\s+(?:just\s+)?"
        r"(?:drafted|made|wrote|changed|updated|signed)\b|\b(?:changed|updated|changing|updating)\s+"
        r"(?:the\s+|my\s+|her\s+|his\s+)?(?:life\s+(?:insurance|policy)\s+)?beneficiar(?:y|ies)\b|\b(?:life\s+insurance|"
        r"life\s+policy)\s+beneficiar(?:y|ies)\b",
        r"\b(?:wrote|written|writing|typed|listed|left|leaving|sorted|sorting|emailed|gave)\s+(?:out\s+|down\s+|up\s+)?"
        r"(?:all\s+)?(?:(?:my|her|his|the|their)\s+)?(?:[a-z'-]+\s+)?(?:passwords?|pins?|pin\s+numbers|bank\s+details|"
        r"logins?)\b|\bpasswords?\s+(?:in|into)\s+(?:the|an)\s+envelope\b|\bpasswords?\s+(?:written|typed|left|listed)\s+"
        r"(?:out|down|for)\b",
        r"\b(?:gave|given|giving|give|gives|rehomed|rehoming|re-homed)\s+(?:away\s+)?(?:[a-z'-]+\s+){0,2}?(?:cat|cats|dog|"
        r"dogs|pets?|fish|rabbits?|guitar|camera|bike|watch|ring|jewel(?:le)?ry|records|tools|belongings|possessions)\b"
        r"|\b(?:cat|cats|dog|dogs|pets?|fish)\s+rehomed\b",
        r"\b(?:wrote|written|writing|drafted|drafting|typed|left)\s+(?:[a-z'-]+\s+){0,2}?(?:letters|goodbye\s+(?:messages?|"
        r"letters?|notes?)|a\s+letter|a\s+card|cards)\s+(?:to|for)\b|\bletters\s+written\b",
        r"\b(?:planned|planning|arranged|arranging|paid\s+for|chose|chosen)\s+(?:(?:my|her|his|the)\s+)?(?:own\s+)?funeral\b"
        r"|\bfuneral\s+plan\b",
    )
)
COMBINED_EVERYDAY = re.compile(
    r"\b(?:holiday|holidays|trip|travel|travelling|traveling|trek|hike|hiking|climb|climbing|birth|born|baby|babies|"
    r"twins|wedding|married|marriage|divorce|moving\s+(?:house|home|out|abroad|in)|house\s+move|new\s+(?:house|flat|"
    r"home|job|place)|emigrat\w*|declutter\w*|retir\w+|solicitor\w*|lawyer|on\s+leave|maternity|paternity|"
    r"password\s+manager|vault|hospital\s+for|operation|surgery|charity\s+shop|landlord|abroad|christening|"
    r"every\s+parenting)\b"
)
PREP_COMBINED_RULES: tuple[Rule, ...] = (
    _rule("preparation_combined", BEHAVIOR, "|".join(f"(?:{p.pattern})" for p in PREP_KINDS)),
)
RULES = RULES + PREP_COMBINED_RULES

# 2.16.0 (h180, rule in docs/risk.md written before frozen37 is read). (i) An attempt on one's (own) life, in notes and
# journals ("made an attempt on her life", "attempt on his own life", "tried to take her own life"): the writer's or the
# client's; someone else's by the person readings; not an attempt on someone's life by another (a murder: "an attempt
# was made on his life", "by", "assassination"). (ii) A wish not to wake up told by a gain or a hope ("It would be
# easier if I just didn't wake up", "Part of me hopes I don't wake up", "I just want to never wake up"); not a told
# morning ("I didn't wake up when the alarm went"), an object ("hope I don't wake up the baby") or a time ("till noon",
# "so early", "at 3am").
WAKE_NOT_AN_EVENT = (
    r"(?!\s+(?:(?:so\s+|too\s+)?(?:early|late)|in\s+time|on\s+time|too|before|after|till|til|'til|until|every|each|"
    r"at(?!\s+all\b(?!\s+(?:during|in|through|overnight|at|last|tonight|this|for|until|till)\b))|"
    r"in(?!\s+the\s+morning\b)|during|when|while|whilst|because|as|once|for|with|to|from|on|by|the|my|his|her|him|"
    r"them|anyone|anybody|everyone|everybody|you|us|a|an|this|that|these|those|our|your|their|mum|mom|dad|baby|"
    r"babies|kids?|child|children|properly|fully|feeling|refreshed|groggy|hungover|hungry|sweating|screaming|crying|"
    r"so|twice|three|several|constantly|repeatedly|often|drenched|soaked|coughing|needing|panicking|panicked|"
    r"shaking|shivering|starving|thirsty|anxious|exhausted|tired|sore|stiff|overnight|halfway|midway)\b)"
)
WAKE_SUBJECT = r"(?:i|she|he|they|pt|cl|client|yp|the\s+client|the\s+patient)"
WAKE_NOT = (
    r"(?:just\s+|simply\s+|never\s+)?(?:didn'?t|did\s+not|don'?t|do\s+not|wouldn'?t|would\s+not|won'?t|will\s+not|"
    r"never|couldn'?t|could\s+not)\s+(?:ever\s+|just\s+)?(?:wake|waken|woke)(?:\s+up\b|\b(?!\s+up\b))"
)
H180_RULES: tuple[Rule, ...] = (
    _rule(
        "attempt_on_life",
        ATTEMPT,
        r"\b(?:attempts?|attempted)\s+on\s+(?:my|her|his|their|your|me\s+own|mi)\s+(?:own\s+)?life\b(?!\s+by\b)"
        r"|\b(?:tried|attempted|attemped|tryed)\s+(?:\w+\s+)?to\s+take\s+(?:her|his|their|your)\s+(?:own\s+)?life\b",
    ),
    _rule(
        "wish_not_to_wake",
        IDEATION,
        r"\b(?:easier|better|simpler|kinder|nicer|best|relief|peaceful|peace|"
        r"great|good|lovely|happier|happy|(?:wouldn'?t|wouldnt|would\s+not|'d\s+not|don'?t)\s+mind)\s+(?:\w+\s+){0,3}?if\s+"
        + WAKE_SUBJECT
        + r"\s+"
        + WAKE_NOT
        + WAKE_NOT_AN_EVENT
        + r"|\b(?:hope|hopes|hoping|hoped|wish|wishes|wishing|wished|pray|prays|praying|prayed)\s+(?:that\s+)?"
        + WAKE_SUBJECT
        + r"\s+"
        + WAKE_NOT
        + WAKE_NOT_AN_EVENT
        + r"|\b(?:want|wants|wanted|wanna|wish|wishes|would\s+like|'d\s+like|like)\s+(?:to\s+)?(?:just\s+|simply\s+)?"
        r"(?:never|not)\s+(?:to\s+)?(?:ever\s+)?wake\s+up\b" + WAKE_NOT_AN_EVENT,
    ),
)
RULES = RULES + H180_RULES
# 2.16.0 (h180): (iv) "took too much X on purpose": an overdose told by its amount and its intent, whatever X is named
# (brand, generic or street: "Took too much Benadryl on purpose"), as the overdose reading errs toward the alarm for
# an unknown name; never a thing taken that is no substance ("took too much time/credit/leave on purpose") or a kind of
# thing never a drug (:data:`NEVER_A_DRUG_HEADS`)
TOO_MUCH_ON_PURPOSE = (
    r"\b(?:took|taken|take|takes|taking|swallowed|injected|snorted|popped|necked|downed)\s+(?:way\s+|far\s+)?too\s+"
    r"(?:much|many)\s+(?:of\s+)?(?:(?:my|the|his|her|their|mum'?s|mom'?s|dad'?s|some|those|these)\s+)?"
    r"(?P<x>[a-z0-9'-]+(?:\s+[a-z0-9'-]+){0,2}?)\s+(?:on\s+purpose|deliberately|intentionally|purposely|"
    r"to\s+(?:die|end\s+it|not\s+wake\s+up|kill\s+(?:myself|herself|himself|themselves)))\b"
)
NOT_TAKEN_IN = words(
    "time space credit leave risk risks notice care weight off on interest responsibility money effort pride shifts "
    "hours days breaks photos pictures notes classes blame control charge advantage liberty liberties part turns "
    "turn sides attention offence offense stock selfies pics screenshots steps chances"
)
TOO_MUCH_RULES: tuple[Rule, ...] = (_rule("attempt_too_much_on_purpose", ATTEMPT, TOO_MUCH_ON_PURPOSE),)
RULES = RULES + TOO_MUCH_RULES


def _taken_in(ctx: Context, m: re.Match[str]) -> bool:
    """2.16.0 (h180): the thing taken "too much" of is one that can be swallowed: not a word of time, credit or care
    (:data:`NOT_TAKEN_IN`) nor a kind of thing never a drug."""
    thing = WORD.findall(m.group("x"))
    return bool(thing) and not (set(thing) & NOT_TAKEN_IN) and not _never_a_drug(thing)


TOLD_IN_CONTEXT["attempt_too_much_on_purpose"] = _taken_in

# 2.16.0 (h180): (iii) a risk heading on its own line above the act. In a session note a line that is only a risk
# heading or field name ("Risk:", "Risk hx", "Suicide risk assessment", "Hx of SA:", "Self-harm:") carries its sense to
# the lines under it, up to a blank line or the next heading: a bare "attempt x2", a year with a method ("2019 —
# tablets"), a count ("x2"), a bare year, an affirmation with a time ("Yes, last month") are read at the heading's
# level (an attempt or SA heading: `attempt`; a self-harm heading: `behavior`; a heading of risk alone reads an
# attempt or a method with its year only). A nil return under it ("Nil", "None", "Denies") is a denial, and so is a
# heading answered by one, on its line or the next ("Hx of SA: none", "Suicide attempts:\nNil").
HEADING_ATTEMPT = (
    r"(?:(?:hx|history|previous|prior|past)\s+(?:of\s+)?(?:sas?|suicide\s+attempts?|attempts?|ods?|overdoses?)|"
    r"sas?(?:\s+(?:hx|history))?|(?:(?:most\s+recent|last|latest|first|previous|prior|past)\s+)?(?:suicide\s+)?"
    r"attempts?(?:\s+(?:hx|history))?|suicidal\s+behaviou?r)"
)
HEADING_SELF_HARM = (
    r"(?:(?:hx|history|previous|prior|past)\s+(?:of\s+)?(?:self[\s-]?harm|sh|dsh)|(?:deliberate\s+)?self[\s-]?harm"
    r"(?:\s+(?:hx|history))?|sh|dsh|nssi)"
)
HEADING_RISK = (
    r"(?:(?:suicide\s+|current\s+)?risk(?:\s+(?:to\s+self|hx|history|assessment|summary|screen|review|factors))?|"
    r"suicid(?:e|ality)\s+(?:risk\s+)?(?:assessment|screen|review))"
)
HEADING_LINE = re.compile(
    r"[ \t]*(?:[-*\u2022#][ \t]*)?(?:(?P<attempt>"
    + HEADING_ATTEMPT
    + r")|(?P<self_harm>"
    + HEADING_SELF_HARM
    + r")|(?P<risk>"
    + HEADING_RISK
    + r"))[ \t]*(?:[:\-\u2013\u2014][ \t]*)?(?:yes\b[ \t]*)?$"
)
ANY_HEADING_LINE = re.compile(r"[ \t]*[a-z][a-z /&()'-]{0,40}:[ \t]*$")
HEADING_MEANS = (
    r"(?:tablets?|tabs|pills?|ods?|overdose\w*|paracetamol|hang\w*|ligatures?|cut|cutting|cuts|burn\w*|jump\w*|"
    r"drown\w*|co|carbon\s+monoxide|exhaust|bleach|antifreeze|knife|blade|belt|cord|firearm|gun|train|rail|bridge|"
    r"noose|rope|poison\w*|strangul\w*|suffocat\w*|self[\s-]?poisoning|" + NOTE_DRUG + r")"
)
HEADING_TIME = (
    r"(?:last\s+(?:week|month|year|night|weekend|\w+day)|\d+\s*(?:days?|weeks?|wks?|months?|mths?|years?|yrs?)\s+ago|"
    r"(?:19|20)\d\d|x\s*\d+|\d+\s*x\b|recently|this\s+(?:week|month|year)|yesterday|in\s+(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|sept|oct|nov|dec)\w*)"
)
# 2.16.1 (h183, frozen37): a heading's answer with no verb. A month with its year in short ("May '23", "Jan 2019") is a
# year; under a self-harm heading a body site with a time, a count or a wound's care ("Last night, L forearm, x4
# superficial, dressed by GP.") is the act (``site``, read under a self-harm heading only).
SHORT_DATE = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:(?:19|20)\d\d|(?:'|\u2019)?\d\d)\b|"
    r"(?:'|\u2019)\d\d\b)"
)
WOUND_SITE = (
    r"(?:(?:l|r|left|right|lt|rt|both|bilateral|inner|upper|lower)\s+)?(?:forearms?|wrists?|arms?|thighs?|legs?|"
    r"stomach|abdomen|hips?|ankles?|shins?|calf|calves|hands?|chest|neck)"
)
WOUND_TOLD = (
    r"x\s*\d+|\d+\s*x|superficial|deep|cuts?|lacerations?|scratch\w*|burns?|dressed|dressing|steri|sutur\w*|"
    r"glued|stitch\w*|wounds?|last\s+night|yesterday|this\s+morning|last\s+week|\d+\s+days?\s+ago"
)
HEADED_ACT = (
    r"(?m)^[ \t]*(?:[-*\u2022>][ \t]*)?(?:"
    r"(?P<bare>(?:\d+\s*x\s*|x\s*\d+\s*|\d+\s+)?(?:previous\s+|prior\s+|past\s+)?attempts?\b"
    r"(?!\s+(?:at|to|of|on|with|in\s+(?:therapy|treatment))\b)(?:\s*(?:x\s*\d+|\(?\s*(?:19|20)\d\d|\d+))?)"
    r"|(?P<means>(?:(?:19|20)\d\d|"
    + SHORT_DATE
    + r")\s*(?:[:\-\u2013\u2014,(]\s*)?(?:[a-z']+\s+){0,2}?"
    + HEADING_MEANS
    + r"\b"
    r"|" + HEADING_MEANS + r"\s*(?:[:\-\u2013\u2014,(]\s*)?(?:19|20)\d\d\b)"
    r"|(?P<count>x\s*\d+\b|\d+\s*x\b|(?:once|twice|three\s+times|\d+\s+times)\b)"
    r"|(?P<site>(?:[a-z'0-9]+[ \t,]+){0,5}?(?:" + WOUND_SITE + r")\b(?=[^\n]*\b(?:" + WOUND_TOLD + r")))"
    r"|(?P<yes>(?:yes|y)\b\s*[,:\-\u2013\u2014]?\s*(?:[a-z'(),]+\s+){0,4}?" + HEADING_TIME + r")"
    r"|(?P<year>(?:19|20)\d\d)\b(?!\s*[-\u2013]\s*(?:19|20)?\d\d\b\s*(?:course|academic|school))"
    r")"
)
HEADING_ANSWER_NO = re.compile(
    r"\s*(?:[-*\u2022][ \t]*)?(?:nil|none|no|nope|denies|denied|deny|n/?a|negative|neg|never|not\s+known|nil\s+known|"
    r"none\s+known|none\s+reported|nkh|-|\u2013|\u2014)(?![a-z])"
)
HEADING_ANSWER_TOLD = re.compile(
    r"\d|\b(?:but|however|except|since|previous|prior|past|hx|history|once|twice|attempts?|sa|od|overdose\w*|ago|"
    r"last|yes)\b"
)


HEADED_INJURY = re.compile(
    r"\b(?:accident|accidental|accidentally|injury|injured|cooking|chopping|shaving|gardening|baking|ironing|diy|"
    r"sport|football|rugby|work\s+injury|fell|fall|slipped)\b"
)


def _line_of(norm: str, at: int) -> tuple[int, int]:
    start = norm.rfind("\n", 0, at) + 1
    end = norm.find("\n", at)
    return start, len(norm) if end < 0 else end


def heading_above(norm: str, at: int) -> str | None:
    """2.16.0 (h180): the kind of the risk heading (``attempt``, ``self_harm`` or ``risk``) on a line of its own above
    the line of ``at``, within its block (no blank line between, at most four lines up, no other heading first)."""
    start, _ = _line_of(norm, at)
    for _ in range(4):
        if start == 0:
            return None
        start, end = _line_of(norm, start - 1)
        line = norm[start:end]
        if not line.strip():
            return None
        heading = HEADING_LINE.fullmatch(line)
        if heading is not None:
            return heading.lastgroup
        if ANY_HEADING_LINE.fullmatch(line) is not None:
            return None
    return None


def _headed_act(ctx: Context, m: re.Match[str], level: int) -> bool:
    """2.16.0 (h180): the form ``m`` (:data:`HEADED_ACT`) under a heading that reads it at ``level``, not a nil return
    and not another sense of "attempt"."""
    kind = heading_above(ctx.norm, m.start())
    if kind is None:
        return False
    line_start, line_end = _line_of(ctx.norm, m.start())
    if HEADING_ANSWER_NO.match(ctx.norm, line_start) is not None:
        return False
    if OTHER_ATTEMPT.search(ctx.norm, line_start, line_end) is not None:
        return False
    if HEADED_INJURY.search(ctx.norm, line_start, line_end) is not None or any(
        _overlaps((line_start, line_end), injury) for injury in ctx.injuries
    ):
        return False  # "Self-harm:\n2019 - burnt hand cooking, accident": an injury, read as every injury is
    form = m.lastgroup
    if level == ATTEMPT:
        return form != "site" and (kind == "attempt" or (kind == "risk" and form in ("bare", "means")))
    return kind == "self_harm" and form != "bare"


def _heading_answer(ctx: Context, m: re.Match[str]) -> str | None:
    """2.16.0 (h180): where ``m`` is a heading (at most three words before it on its line, no digit), its answer: the
    rest of its line after a colon or a dash, or, when nothing follows, the next line of its block."""
    line_start, line_end = _line_of(ctx.norm, m.start())
    if len(WORD.findall(ctx.norm, line_start, m.start())) > 3 or re.search(
        r"\d", ctx.norm[line_start : m.start()]
    ):
        return None
    rest = ctx.norm[m.end() : line_end]
    # 2.16.3 (h190, frozen39-111): the heading's own last word after the phrase ("Suicidal ideation\nNo")
    after = re.match(
        r"[ \t]*(?:\(s\)|hx|history|(?:ideation|thoughts|intent|intention|plans?|risk)(?:[ \t]+(?:hx|history))?)?"
        r"[ \t]*(?:[:\-\u2013\u2014][ \t]*|$)",
        rest,
    )
    if after is None:
        return None  # no field: the phrase is told in a sentence, not a heading
    answer = rest[after.end() :]
    if answer.strip():
        return answer
    next_start = line_end + 1
    if next_start >= len(ctx.norm):
        return None
    answer = ctx.norm[next_start : _line_of(ctx.norm, next_start)[1]]
    return answer if answer.strip() else None


def _heading_answered_no(ctx: Context, m: re.Match[str]) -> bool:
    """2.16.0 (h180): ``m`` is a heading answered by a nil return ("Hx of SA: none", "Suicide attempts:\nNil"); the
    answer tells of no act (no year, count, "since", "previous" …)."""
    answer = _heading_answer(ctx, m)
    return answer is not None and nil_answer(
        answer
    )  # 2.16.1 (h183): "I want to die - no one would notice" is no field


def _heading_answered_accident(ctx: Context, m: re.Match[str]) -> bool:
    """2.16.0 (h180): ``m`` is a heading whose answer is told as an accident in a clinician's words ("Hx of SA:\n2019 —
    tablets, accidental dosing error"), with no word of intent: the heading reads as its answer does."""
    answer = _heading_answer(ctx, m)
    return (
        answer is not None
        and (ACCIDENT_CLINICAL.search(answer) is not None or ACCIDENT.search(answer) is not None)
        and ACCIDENT_INTENT.search(answer) is None
        and re.search(r"\b(?:not|n't|never|no)\b", answer) is None
    )


# 2.16.1 (h183, frozen37): a note's heading or field name on its own line decides nothing by itself; its answer does.
# "Risk assessment / Suicidal ideation: / Denies, current and lifetime.", "C-SSRS screen / Q1 wish to be dead: No",
# "RISK / Self: no concerns": a field whose name is only the words of a risk heading or a screen's item, answered nil
# (the nil word, then only words that qualify it up to the sentence's end), is a denial (every rule, every kind); a
# unit of the sentence model made only of such headings, nil fields and nil answers never raises the entry by itself
# (``heading_only``). A heading answered with an act is read as before.
HEADING_WORDS = words(
    "risk risks assessment assessments screen screening review summary formulation suicide suicidal suicidality "
    "ideation ideations si sh dsh nssi self harm selfharm hx history attempts attempt sa sas previous prior past "
    "lifetime current recent overdose overdoses od ods ligature ligatures plan plans planning intent intention means "
    "access method methods protective factors factor safety mse mental state thoughts thought of to others other "
    "and or wish wishes dead death die c ssrs cssrs columbia phq item harming behaviour behavior behaviours "
    "behaviors preparatory acts act aborted interrupted actual self-harm passive active with without the a any "
    "question questions risky urges urge cutting hanging be being better off hurting hurt yourself killing kill life "
    "ending end alive live living wake waking up how some way in on"
)
NIL_QUALIFIERS = words(
    "current currently lifetime known reported concerns concern recent recently hx history today evident disclosed "
    "elicited plan plans intent intention thoughts ever at present presently of note and or any active passive past "
    "previous prior both all identified expressed voiced apparent noted to date endorsed this session time "
    # 2.16.2 (h185, frozen38-006, -083, -129): what a nil answer denies ("no current risk to self identified", "Nil
    # personal.", "No thoughts of ending life.")
    "risk self others personal personally ending life suicide suicidal harm self-harm si sh death dying wish ideation"
)
NIL_ANSWER = re.compile(
    r"[ \t]*(?:[-*\u2022][ \t]*)?(?:nil|none|no|nope|denies|denied|deny|n/?a|negative|neg|never|not\s+known|"
    r"not\s+asked|not\s+applicable|nkh|-|\u2013|\u2014)(?![a-z/])"
)
# 2.16.2 (h185, frozen38-117): a denial of both times ("current and past", "past or present") tells no past act
NIL_BOTH_TIMES = re.compile(
    r"\b(?:current(?:ly)?|recent|present|now)\s*(?:,|and|or|/|&|\+)\s*(?:past|previous|prior|historic(?:al)?|"
    r"historically|lifetime|ever)\b|\b(?:past|previous|prior|lifetime|historic(?:al)?)\s*(?:,|and|or|/|&|\+)\s*"
    r"(?:current(?:ly)?|recent|present|now)\b"
)
FIELD_LINE = re.compile(
    r"[ \t]*(?:[-*\u2022#>][ \t]*|\d+[.)][ \t]*)?(?P<name>[^:\n]{1,60}?)[ \t]*:[ \t]*(?P<answer>[^\n]*)"
)


# 2.16.4 (h191, frozen40-017): a field left unasked, with its reason at most ("Suicidal ideation:\nNot asked - pt left
# early."): nothing is told of the client's risk
UNASKED_ANSWER = re.compile(
    r"[ \t]*(?:[-*\u2022][ \t]*)?(?:not\s+(?:asked|assessed|explored|screened|covered|completed|discussed|done)|"
    r"deferred|unable\s+to\s+(?:assess|ask|complete))\b[\s\-\u2013\u2014,;:(]*(?:(?:as|because|due\s+to|since)\s+)?"
    r"(?:(?:pt|client|cl|she|he|they|yp)\s+)?(?:left\s+(?:the\s+)?(?:session\s+)?early|had\s+to\s+leave(?:\s+early)?|"
    # 2.16.5 (h195, frozen41-157, -125): "pt left session early; to follow up", "interpreter unavailable"
    r"(?:interpreter|translator)\s+(?:unavailable|not\s+available)|ran\s+out\s+of\s+time|"
    r"time\s+ran\s+out|(?:session\s+)?(?:ended|cut\s+short)(?:\s+early)?|declined\s+to\s+continue|to\s+follow|"
    r"next\s+(?:session|time|appt|appointment)|time|lack\s+of\s+time)?"
    r"(?:[\s;,.]+(?:to\s+)?(?:follow[\s-]?up|f/u|review)(?:\s+next\s+(?:session|time|appt|appointment))?)?[\s.)]*$"
)


def nil_answer(answer: str) -> bool:
    """2.16.1 (h183): ``answer`` (normalised) opens with a nil return and tells nothing more in its first sentence
    than words that qualify it ("Denies, current and lifetime.", "No.", "N/A", "no concerns")."""
    first_line = answer.split("\n", 1)[0]
    if UNASKED_ANSWER.match(first_line) is not None:
        return True
    m = NIL_ANSWER.match(answer)
    if m is None:
        return False
    first = re.split(r"[.;!?\n]", answer[m.end() :], maxsplit=1)[0]
    first = NIL_BOTH_TIMES.sub(" current ", first)  # 2.16.2 (h185): "Denies, current and past." denies both
    return all(w in NIL_QUALIFIERS for w in WORD.findall(first)) and HEADING_ANSWER_TOLD.search(first) is None


def _heading_tokens(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name)


def heading_name(name: str) -> bool:
    """2.16.1 (h183): ``name`` (normalised, a line or a field's name) is only the words of a risk heading or of a
    screen's item ("Suicidal ideation", "Q1 wish to be dead", "C-SSRS screen", "Suicide/SH"), at most seven words."""
    tokens = _heading_tokens(name)
    return 0 < len(tokens) <= 7 and all(
        t in HEADING_WORDS or re.fullmatch(r"q?\d{1,2}[a-z]?", t) for t in tokens
    )


def heading_line(line: str) -> bool:
    """2.16.1 (h183): a line that is only a heading: a risk heading's words (with or without a colon), or a field's
    name of at most five words with a colon and nothing after it ("Overdose:", "Most recent attempt:")."""
    stripped = re.sub(r"^[ \t]*(?:[-*\u2022#>][ \t]*|\d+[.)][ \t]*)?", "", line).strip()
    if not stripped:
        return False
    if stripped.endswith(":") and 0 < len(_heading_tokens(stripped)) <= 5:
        return True
    return heading_name(stripped.rstrip(":-\u2013\u2014 \t"))


def _field_answered_nil(ctx: Context, m: re.Match[str]) -> bool:
    """2.16.1 (h183): ``m`` is in a field's name made only of a risk heading's words, answered nil on its line or,
    when nothing follows the colon, on the next line ("Suicidal ideation:\nDenies, current and lifetime.", "Q1 wish to
    be dead: No"); session notes and journals alike."""
    line_start, line_end = _line_of(ctx.norm, m.start())
    field = FIELD_LINE.fullmatch(ctx.norm, line_start, line_end)
    if field is None or m.end() > field.end("name") or not heading_name(field.group("name")):
        return False
    answer = field.group("answer")
    if not answer.strip():
        next_start = line_end + 1
        if next_start >= len(ctx.norm):
            return False
        answer = ctx.norm[next_start : _line_of(ctx.norm, next_start)[1]]
    return nil_answer(answer)


def heading_only(norm: str, start: int, end: int) -> bool:
    """2.16.1 (h183): every line (or part of a line) of ``norm[start:end]`` is a heading alone
    (:func:`heading_line`), a field answered nil ("Self: no concerns", "Q1 wish to be dead: No") or a nil answer under a
    heading line ("None.", "Denies, current and lifetime."): the sentence model's unit decides nothing by itself."""
    found = False
    pos = start
    while pos < end:
        line_start, line_end = _line_of(norm, pos)
        part = norm[pos : min(end, line_end)]
        pos = min(end, line_end) + 1
        if not part.strip():
            continue
        line = norm[line_start:line_end]
        nil_field = _nil_field_line(line)
        under_heading = (
            nil_answer(part)
            and line_start > 0
            and heading_line(norm[_line_of(norm, line_start - 1)[0] : line_start - 1])
        )
        heading = heading_line(line) and (not _act_heading(line) or _answered_nil_below(norm, line_end))
        if not (
            heading
            or nil_field
            or under_heading
            or _denial_only(part)
            or nil_answer(part)
            or _admin_only(part)
            or _history_closed(part)
            or _question_unasked(line)
        ):
            return False
        found = True
    return found


# 2.16.5 (h195, frozen41-157): a question written out and left unasked on its line ("Q: Any thoughts of ending your
# life? - not asked, pt left session early; to follow up."): nothing is told of the client's risk
QUESTION_THEN = re.compile(r"[ \t]*(?:q\d{0,2}[ \t]*[:.)][ \t]*)?[^?\n]{3,160}\?[ \t]*[\-\u2013\u2014:]?")


def _question_unasked(part: str) -> bool:
    m = QUESTION_THEN.match(part)
    return m is not None and UNASKED_ANSWER.match(part, m.end()) is not None


# a heading naming an act or a wish (its answer decides whether its unit is read); a heading of none of these words
# ("FHx:", "Access to means:", "Risk assessment") never raises its unit by itself
ACT_HEADING_WORDS = words(
    "death dead die suicide suicidal suicidality ideation si sh dsh nssi self harm selfharm self-harm attempts attempt "
    "sa sas overdose overdoses od ods ligature ligatures cutting hanging kill killing wish wishes thoughts thought "
    "plan plans planning intent intention urges urge hurting hurt alive live living ending end wake"
)
# a note's denial standing alone ("Denies any similar thoughts.", "Denied."): nothing more told (no "but")
DENIAL_ONLY = re.compile(
    r"[ \t]*(?:(?:pt|client|she|he|they|cl)\s+)?(?:denies|denied|denying)\b(?P<rest>[^\n]*)"
)
DENIAL_TURN = re.compile(
    r"\b(?:but|however|although|though|yet|except|apart\s+from|other\s+than|until|admits?|reports?)\b"
)


# 2.16.2 (h185, frozen38-182, -174): a note's administrative line ("DNA'd today. Letter sent.", "Rebooked for
# Tues.") or its signposting ("Given Samaritans number and crisis card at end of session."): told by the clinician of
# the service, never of the client's risk; the sentence model's alarm on it alone decides nothing (the lexicon still
# reads a helpline at `indicator`)
ADMIN_ONLY = re.compile(
    r"[ \t]*(?:(?:pt|client|cl|she|he|they)\s+)?(?:dna'?d|dna|did\s+not\s+attend|letter\s+sent|(?:appt|appointment)\s+"
    r"(?:re)?(?:booked|offered|sent|cancelled)|rebooked|re-booked|cancelled|no\s+show|(?:given|provided|gave|offered|"
    r"shared)\s+(?:the\s+|a\s+|her\s+|his\s+|them\s+)?(?:samaritans|crisis|shout|helpline|safety\s+plan|leaflets?|"
    r"contact)\b(?:[\s,&/]+(?:and\s+)?(?:the\s+|a\s+)?(?:samaritans|crisis|shout|helpline|line|card|cards|number|"
    r"numbers|leaflets?|team|details|plan|safety|contact|\d+))*"
    # 2.16.4 (h191, frozen40-155): an item awaited from elsewhere ("Collateral from school pending.")
    r"|(?:collateral|records|report|reports|letter|bloods|results?|referral|notes|information|info)\s+(?:from|to)\s+"
    r"(?:the\s+)?(?:[a-z]+\s+){1,2}?(?:pending|requested|awaited|to\s+follow|chased|outstanding)"
    r"|(?:collateral|records|report|bloods|results?|referral)\s+(?:pending|requested|awaited|to\s+follow|outstanding))"
    r"(?P<rest>[^\n]*)"
)
ADMIN_REST = words(
    "today yesterday letter sent rebooked re-booked booked for at end of the session mon tues wed thurs fri next week "
    "weekly gp copy to cc a an and appt appointment phone call text voicemail left message offered new date dna'd dna"
)


def _admin_only(part: str) -> bool:
    """2.16.2 (h185): ``part`` is a note's administrative or signposting line alone (:data:`ADMIN_ONLY`), nothing
    more than its own words after it."""
    m = ADMIN_ONLY.match(part)
    return m is not None and all(w in ADMIN_REST for w in WORD.findall(m.group("rest")))


# 2.16.4 (h191, frozen40-029): a note's history told and closed by the years without it ("Remote hx DSH (cutting) age
# 15, none in 20 yrs.", "Hx of OD 2010, nil since"), nothing of now in it: the sentence model's alarm on it alone
# decides nothing (the lexicon still reads its phrase, as history)
HISTORY_TOLD = re.compile(
    r"[ \t]*(?:(?:remote|distant|old|past|previous|prior|historic(?:al)?|childhood)\s+)?(?:hx|history)\b"
    # 2.16.5 (h195, frozen41-160): "Historic SH as teenager …" opens on its history too
    r"|[ \t]*(?:remote|distant|historic(?:al)?|childhood)\s+(?:sh|dsh|self[\s-]?harm|nssi|cutting)\b"
)


def _history_closed(part: str) -> bool:
    """``part`` opens on a history ("Remote hx …") closed by the time without it (:data:`HISTORY_CLOSED`: "none in 20
    yrs", "nil since"), told in one sentence, nothing of now in it (:data:`REPORTED_NOW`)."""
    return (
        HISTORY_TOLD.match(part) is not None
        and HISTORY_CLOSED.search(part) is not None
        and len(re.findall(r"[.;!?](?=\s+\S)", part)) == 0
        and REPORTED_NOW.search(part) is None
    )


def _act_heading(line: str) -> bool:
    return any(t in ACT_HEADING_WORDS for t in _heading_tokens(line))


def _denial_only(part: str) -> bool:
    """2.16.1 (h183): ``part`` is a note's denial standing alone ("Denies any similar thoughts."), nothing turned."""
    m = DENIAL_ONLY.match(part)
    return (
        m is not None
        and DENIAL_TURN.search(m.group("rest")) is None
        and len(WORD.findall(m.group("rest"))) <= 8
    )


def _nil_field_line(line: str) -> bool:
    field = FIELD_LINE.fullmatch(line)
    return (
        field is not None
        and len(_heading_tokens(field.group("name"))) <= 5
        and nil_answer(field.group("answer"))
    )


def _answered_nil_below(norm: str, line_end: int) -> bool:
    """2.16.1 (h183): the heading line ending at ``line_end`` is answered nil: its next line (another heading's lines
    passed over, at most four) is a nil answer or a field answered nil. A heading answered otherwise, or not at all,
    keeps its unit's reading ("Thoughts of death:\nDaily. …", "Hx self-harm\nCutting since 14.")."""
    pos = line_end
    for _ in range(4):
        if pos >= len(norm):
            return False
        start, end = _line_of(norm, pos + 1)
        line = norm[start:end]
        if nil_answer(line) or _nil_field_line(line):
            return True
        if not heading_line(line):
            return False
        pos = end
    return False


HEADED_RULES: tuple[Rule, ...] = (
    _rule("note_headed_attempt", ATTEMPT, HEADED_ACT, kinds=SESSION_KINDS),
    _rule("note_headed_self_harm", BEHAVIOR, HEADED_ACT, kinds=SESSION_KINDS),
)
RULES = RULES + HEADED_RULES
# 2.16.1 (h183, frozen37): a wish or a method's thought reported in a note ("Pt reports wishing she were dead most
# days", "clarified he has been wishing he were dead", "Reports she has been thinking about taking all her lithium at
# once"): the client's, read at `ideation` in session kinds (a journal's "she" is someone else; the writer's own
# "wishing I were dead" is `wish_dead`'s). Every set-aside reading applies (denial, someone else named, hypothetical).
NOTE_WISH_RULES: tuple[Rule, ...] = (
    _rule(
        "note_wish_dead",
        IDEATION,
        r"\bwish(?:es|ing|ed)?\s+(?:that\s+)?(?:she|he|they|pt|the\s+client|client)\s+(?:was|were|could\s+be|"
        r"would\s+be|'d\s+be|had\s+died|had\s+never\s+been\s+born)\s*(?:\w+\s+)?(?:dead|gone|born)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_method_thought",
        IDEATION,
        r"\b(?:think|thinks|thinking|thought|considering|considered|contemplat\w+|fantasi[sz]\w+)\s+(?:about|of)\s+"
        r"(?:taking|swallowing|downing|overdosing\s+on)\s+(?:all|the\s+lot|the\s+whole\s+(?:box|pack|packet|bottle)|"
        r"every\s+one)\s+(?:of\s+)?(?:(?:my|her|his|their|the|them|those)\s+)?(?:\w+\s+)?(?:"
        + NOTE_DRUG
        + r"|meds|medication|medicines?|prescription)\b",
        kinds=SESSION_KINDS,
    ),
)
RULES = RULES + NOTE_WISH_RULES
# 2.16.1 (h183, frozen37-006): a note's bare "self" as the reflexive of an attempt ("admitted after trying to hang self
# in school toilets"): read at `attempt` in session kinds; every set-aside reading applies
NOTE_SELF_ATTEMPT_RULES: tuple[Rule, ...] = (
    _rule(
        "note_tried_self",
        ATTEMPT,
        r"\b(?:tried|trying|attempted|attempting)\s+(?:\w+\s+)?to\s+(?:kill|hang|drown|poison|strangle|suffocate|gas|"
        r"shoot)\s+self\b",
        kinds=SESSION_KINDS,
    ),
)
RULES = RULES + NOTE_SELF_ATTEMPT_RULES
# 2.16.1 (h183, frozen37): an attempt told in a euphemism or with its means in brackets: "tried to check out / go /
# do myself in / top myself", "did myself in with quetiapine, or tried to", "made a (serious) attempt in 2019
# (propranolol)"; "tried to top / off / do myself (in)" has no other sense and is read as it stands; the others are
# read at `attempt` only where their sentence or the next names the means or its aftermath (a drug, "took
# all", ICU, A&E, hospital, scars, a ligature: ``EUPHEMISM_TOLD``), and never before an everyday object ("check out of
# the hotel", "tried to go to the gym"). Every set-aside reading applies (denial, someone else, hypothetical, fiction).
EUPHEMISM_TOLD = re.compile(
    r"\b(?:"
    + NOTE_DRUG
    + r"|digoxin|warfarin|meds|medication|took\s+all|swallowed|overdos\w*|ods?|icu|itu|a&e|a\s*and\s*e|hospital|"
    r"resus|stomach\s+pumped|scars?|ligature|rope|noose|bridge|intensive\s+care|renal\s+team|charcoal|parvolex)\b"
)
EUPHEMISM_RULES: tuple[Rule, ...] = (
    _rule(
        "attempt_euphemism",
        ATTEMPT,
        r"\b(?:tried|trying|attempted|try)\s+(?:to\s+)?(?:check\s+out(?!\s+(?:of|the|a|an|this|that|some|my|our|your|how|"
        r"what|at\s+(?:the\s+)?(?:till|desk|counter|reception))\b)|(?:do|top|off)\s+myself(?:\s+in)?|go(?=(?:"
        r"\s+(?:in|back\s+in)\s+(?:19|20)\d\d|\s+(?:last|that)\s+(?:year|time|month|winter|summer|spring|autumn)|"
        r"\s+at\s+(?:new\s+year|christmas|easter))))"
        r"|\bdid\s+myself\s+in\b"
        r"|\bmade\s+a\s+(?:(?:serious|real|proper|genuine|first|second|third|last|near[\s-]?fatal)\s+)?attempt\s+"
        r"(?:(?:back\s+)?in|last)\s+(?:(?:19|20)\d\d|year|month|week|"
        + SHORT_DATE
        + r")(?=\s*\(\s*"
        + NOTE_DRUG
        + r"|[^.!?\n]{0,40}\b(?:icu|itu|intensive\s+care|a&e|resus|overdos\w*|hospital)\b)",
    ),
)
RULES = RULES + EUPHEMISM_RULES


def _euphemism_told(ctx: Context, m: re.Match[str]) -> bool:
    """2.16.1 (h183): the means or the aftermath named in the sentence of ``m`` or the next one, and no other sense of
    "attempt" in its sentence."""
    s, e = ctx.sentences[_sentence_of(ctx, m.start())] if ctx.sentences else (0, len(ctx.norm))
    following = _sentence_of(ctx, m.start()) + 1
    if ctx.sentences and following < len(ctx.sentences):
        e = ctx.sentences[following][1]
    if OTHER_ATTEMPT.search(ctx.norm, s, e) is not None and "attempt" in m.group():
        return False
    if re.match(r"(?:tried|trying|attempted|try)\s+(?:to\s+)?(?:top|off|do)\s+myself", m.group()) is not None:
        return True  # "tried to top myself at 19": the euphemism has no other sense
    return EUPHEMISM_TOLD.search(ctx.norm, s, e) is not None


TOLD_IN_CONTEXT["attempt_euphemism"] = _euphemism_told

# 2.16.1 (h183, frozen37): self-harm acts told without the word, each read at `behavior` only with its evidence in its
# sentence or the next (``UNNAMED_TOLD``): a wound reopened with intent ("picked my scabs till they bled again, on
# purpose"; scabs, wounds, cuts, stitches, scars: skin picked is read by the sentence model, as the bank trains it); fresh cuts the client admits doing ("Fresh linear cuts R wrist. Admits she did them last night");
# punching walls with the pain deserved ("says he 'deserves the pain'"); burns to a body site done with an object or
# when distressed ("Burns to inner thighs, pt states done w/ hair straighteners when distressed"); a rehearsal with a
# ligature ("Practised with the belt tonight. Took it off before it went too far."); a ligature found or removed
# ("Found with ligature in bathroom 03:10, removed by staff"). Every set-aside reading applies.
UNNAMED_SITE = (
    r"(?:(?:l|r|left|right|lt|rt|inner|outer|upper|lower|both|bilateral)\s+)*(?:thighs?|arms?|forearms?|wrists?|"
    r"stomach|abdomen|legs?|hips?|chest|hands?|ankles?|shins?|calf|calves)"
)
UNNAMED_SELF_HARM = (
    r"\b(?P<pick>(?:picked|picking|pick|scratched|scratching|scratch|dug|digging|gouged|gouging|tore|tearing)\s+"
    r"(?:at\s+)?(?:my|her|his|their)\s+(?:own\s+)?(?:\w+\s+)?(?:scabs?|wounds?|cuts|stitches|scars?))\b"
    r"|\b(?P<fresh>(?:fresh|new|recent)\s+(?:\w+\s+){0,2}(?:cuts|lacerations|wounds|scratches|burns)(?:\s+(?:to|on))?"
    r"(?:\s+(?:her|his|their|my|the))?\s+" + UNNAMED_SITE + r")\b"
    r"|\b(?P<punch>(?:punch\w*|hit|hitting|smash\w*|bang\w*)\s+(?:the\s+|a\s+)?(?:walls?|doors?))\b"
    r"|\b(?P<burn>burns?\s+(?:to|on)\s+(?:(?:her|his|their|my|the|both)\s+)?" + UNNAMED_SITE + r")\b"
    r"|\b(?P<rehearse>(?:practi[sc]ed|practi[sc]ing|practi[sc]e|rehears\w+|tried\s+out)\s+(?:with\s+)?(?:the|a|my)\s+"
    r"(?:belt|rope|cord|ligature|noose|scarf|cable|dressing\s+gown\s+cord))\b"
    r"|\b(?P<ligature>found\s+with\s+(?:a\s+)?ligature|ligature\s+(?:was\s+)?removed|removed\s+(?:a\s+|the\s+)?ligature)\b"
)
UNNAMED_TOLD = {
    "pick": re.compile(
        r"\b(?:on\s+purpose|deliberately|intentionally|punish\w*|deserved?|to\s+feel\s+(?:something|it|the\s+pain))\b"
    ),
    "fresh": re.compile(
        r"\b(?:admit\w*|states?|stated|says?|said|reports?|reported|disclos\w*|acknowledg\w*)\s+(?:that\s+)?"
        r"(?:she|he|they|pt|client|i)?\s*(?:did|had\s+done|made|caused|inflicted|done)\b|self[\s-]?inflicted|"
        r"on\s+purpose|deliberate\w*|with\s+a\s+(?:razor|blade|knife|sharpener)"
    ),
    "punch": re.compile(
        r"\bdeserv\w*\s+(?:the\s+|to\s+(?:feel\s+)?(?:the\s+)?)?(?:pain|hurt)|\bpunish\w*\s+(?:myself|himself|"
        r"herself|themselves|themself)|\bto\s+feel\s+(?:the\s+)?pain\b|\bwanted\s+(?:it\s+)?to\s+hurt\b|"
        r"\bon\s+purpose\b"
    ),
    "burn": re.compile(
        r"\b(?:done|did|made|caused|inflicted)\s+(?:it\s+|them\s+|herself\s+|himself\s+)?(?:with|w/|using)\s|"
        r"\bwhen\s+(?:distressed|upset|overwhelmed|angry|dysregulated)\b|self[\s-]?inflicted|\bon\s+purpose\b|"
        r"\bdeliberate\w*"
    ),
    "rehearse": re.compile(
        r"\b(?:took\s+it\s+off|too\s+far|neck|tighten\w*|pass(?:ed)?\s+out|black(?:ed)?\s+out|let\s+go|"
        r"stopped\s+(?:myself|herself|himself)|lost\s+my\s+nerve|chickened\s+out)\b"
    ),
    "ligature": re.compile(r"."),
}
UNNAMED_EVERYDAY = re.compile(
    r"\b(?:climb\w*|knots?|scouts?|sail\w*|boat\w*|karate|judo|martial|yoga|stretch\w*|skipping|jump\s+rope|"
    r"gym|class|lesson|show|play|stage|circus|aerial|rescue|belay\w*|abseil\w*|horse|dog|lasso|magic|trick)\b"
)
UNNAMED_RULES: tuple[Rule, ...] = (_rule("self_harm_unnamed", BEHAVIOR, UNNAMED_SELF_HARM),)
RULES = RULES + UNNAMED_RULES


def _unnamed_told(ctx: Context, m: re.Match[str]) -> bool:
    """2.16.1 (h183): the evidence of the form ``m`` names (``UNNAMED_TOLD``) in its sentence or the next."""
    form = m.lastgroup
    if form is None:
        return False
    index = _sentence_of(ctx, m.start())
    s, e = ctx.sentences[index] if ctx.sentences else (0, len(ctx.norm))
    if ctx.sentences and index + 1 < len(ctx.sentences):
        e = ctx.sentences[index + 1][1]
    if form == "rehearse" and UNNAMED_EVERYDAY.search(ctx.norm, s, e) is not None:
        return False  # "practised with the rope at climbing": a skill, not a rehearsal
    return UNNAMED_TOLD[form].search(ctx.norm, s, e) is not None


TOLD_IN_CONTEXT["self_harm_unnamed"] = _unnamed_told
TOLD_IN_CONTEXT["note_headed_attempt"] = lambda ctx, m: _headed_act(ctx, m, ATTEMPT)
TOLD_IN_CONTEXT["note_headed_self_harm"] = lambda ctx, m: _headed_act(ctx, m, BEHAVIOR)
# 2.16.2 (h185, frozen38): acts, preparations, self-harm and wishes the lexicon did not read, each by its mechanism,
# each read only with its evidence (``H185_TOLD``) in its sentence or the next two where it names one; every set-aside
# reading applies (denial, someone else, hypothetical, fiction, history).
# 1. an attempt: an overdose's shorthand ("ODed on", "O/D'd on", "x2 ODs this yr", "took an OD"); an ingestion of a
# named drug with a quantity ("took a large amount of her amitriptyline", "ingested unknown qty of pregabalin",
# "swallowed a strip of co-codamol"); "tried to take herself out" (never before an outing's object); walking into the
# sea or a river with a rescue told; "I jumped." with the fall's injury told.
H185_ATTEMPT_RULES: tuple[Rule, ...] = (
    _rule(
        "attempt_od_shorthand",
        ATTEMPT,
        r"\b(?:oded|od-ed|o/d'?d|o/ded|o\.d\.'?ed)(?=\s+(?:on|with|in|last|at|again|x\s*\d|\d)\b)"
        r"|\b(?:x\s*\d+|\d+\s*x|two|three|several|multiple|\d+)\s+ods\b(?!\s+(?:of|on)\s+(?:chocolate|sugar|caffeine))"
        r"|\bods\s*x\s*\d+\b"
        r"|\btook\s+an\s+od\b(?!\s+(?:dose|tablet|prescription))",
    ),
    _rule(
        "attempt_ingestion_amount",
        ATTEMPT,
        r"\b(?:took|taken|swallowed|ingested|downed|necked)\s+(?:an?\s+)?(?:large|huge|unknown|excessive|excess|"
        r"significant|massive|lethal|dangerous|unknown\s+but\s+large)\s+(?:amount|quantity|qty|number|no\.?|"
        r"amounts)\s+(?:of\s+)?(?:(?:my|her|his|their|the|mum'?s|dad'?s|nan'?s|[a-z]+'s)\s+)?(?:[a-z'-]+\s+){0,2}?"
        + NOTE_DRUG
        + r"\b"
        r"|\b(?:ingested|swallowed|downed|necked)\s+(?:an?|one|two|a\s+couple\s+of)\s+(?:strips?|blister\s+packs?|packs?|"
        r"packets?|boxes|box|bottles?)\s+(?:of\s+)?(?:(?:my|her|his|their|the|mum'?s|dad'?s|nan'?s|[a-z]+'s)\s+)?"
        r"(?:[a-z'-]+\s+){0,2}?" + NOTE_DRUG + r"\b",
    ),
    _rule(
        "attempt_take_self_out",
        ATTEMPT,
        r"\b(?:tried|trying|attempted|try)\s+to\s+take\s+(?:myself|herself|himself|themselves|themself)\s+out\b"
        r"(?=\s*(?:['\"’”.,;:!?)\n]|$|(?:after|in\s+(?:19|20)\d\d|last|when|before|but|back\s+in|years?\s+ago|"
        r"with\s+(?:pills|tablets|a\s+rope|the\s+car))\b))",
    ),
    _rule(
        "attempt_water_rescued",
        ATTEMPT,
        r"\b(?:walked|waded|jumped|threw\s+(?:myself|herself|himself|themselves))\s+(?:out\s+)?into\s+(?:the\s+)?"
        r"(?:\w+\s+)?(?:sea|river|lake|loch|canal|reservoir|quarry|harbour|harbor|estuary|ocean|surf|waves)\b",
    ),
    _rule(
        "attempt_jumped_injured",
        ATTEMPT,
        r"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n]))\s*(?:i|then\s+i|so\s+i|and\s+i|she|he)\s+jumped(?=\s*[.!…]|\s*$)"
        # 2.16.4 (h191, frozen40-101): the jump as a time clause ("after I jumped, I spent 6 weeks in hospital")
        r"|\b(?:after|since|when|the\s+day|the\s+night)\s+(?:i|she|he)\s+jumped(?=\s*,)",
    ),
)
# the same ingestion told with its intent to die denied ("to 'switch off' — not to die, per pt"): self-poisoning
# without that intent, `behavior` (C-SSRS: a self-injurious act without suicidal intent)
H185_ATTEMPT_RULES = (
    *H185_ATTEMPT_RULES,
    _rule("self_poisoning_no_intent", BEHAVIOR, H185_ATTEMPT_RULES[1].pattern.pattern),
)
RULES = RULES + H185_ATTEMPT_RULES
# 2. a preparatory or an interrupted act, read with its object: a pet given away "for a while" with loose ends tied;
# a note or letters for someone "after" or hidden; a date picked then an event ("Picked the date. After Leah's
# wedding."); a hosepipe in the car with the car sat in; a height looked up and driven to, sat there; a stash added to;
# found in a place with a ligature's means; talked down from a height; the means and the time chosen ("the tablets …
# once the house is empty"); a note's own "preparatory behaviour".
H185_PREP_RULES: tuple[Rule, ...] = (
    _rule(
        "prep_given_away",
        BEHAVIOR,
        r"\b(?:gave|given|giving|rehomed|rehoming|handed\s+over)\s+(?:away\s+)?(?:the|my|our|her|his|their)\s+"
        r"(?:cat|cats|dog|dogs|puppy|kitten|rabbit|hamster|budgie|parrot|pets?|fish|tortoise|guinea\s+pigs?|snake)\b",
    ),
    _rule(
        "prep_note_after",
        BEHAVIOR,
        r"\b(?:wrote|written|writing|write|left|leaving|hidden|hid|hiding|tucked|drafted)\s+(?:\w+\s+){0,2}?"
        r"(?:a\s+|the\s+|some\s+)?(?:note|letters?|goodbye\s+(?:letters?|notes))\b(?!\s+(?:on|about|from)\b)",
    ),
    _rule(
        "prep_date_event",
        BEHAVIOR,
        r"\b(?:picked|chose|chosen|set|fixed|decided\s+on|settled\s+on)\s+(?:the|a|my)\s+(?:date|day)\s*[.!…]+\s*"
        r"(?:after|once|when)\s+(?:[\w']+\s+){0,4}?[\w']+\s*[.!…]?(?=\s*$|\s*\n)",
    ),
    _rule(
        "prep_hose_car",
        BEHAVIOR,
        r"\bhose\s?(?:pipe)?\s+(?:in|into)\s+(?:the|my|his|her|their)\s+(?:boot|car|trunk|back\s+seat)\b",
    ),
    _rule(
        "prep_height_visited",
        BEHAVIOR,
        r"\b(?:looked\s+up|researched|googled|scoped\s+out|checked\s+out)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}?"
        r"(?:viaduct|bridge|cliffs?|multi-storey|railway\s+bridge|tracks|level\s+crossing|tower\s+block)\b",
    ),
    _rule(
        "prep_stash_added",
        BEHAVIOR,
        r"\b(?:bought|got|picked\s+up|buying|getting)\s+(?:another|more|a\s+few\s+more|extra|two\s+more|one\s+more)\s+"
        r"(?:packs?|packets?|boxes|box|bottles?|strips?)\s+(?:of\s+)?(?:\w+\s+)?(?:" + NOTE_DRUG + r")\b",
    ),
    _rule(
        "prep_found_with_means",
        BEHAVIOR,
        r"\bfound\s+(?:(?:him|her|them|me|pt|the\s+client)\s+)?(?:in|at|on)\s+(?:the\s+|a\s+|his\s+|her\s+|my\s+)?"
        r"(?:\w+\s+)?(?:garage|loft|attic|shed|woods|garden|bathroom|bedroom|stairwell|barn|park|car|cellar|basement|"
        r"wardrobe)\s+with\s+(?:a\s+|the\s+)?(?:rope|noose|belt|cord|ligature|hose\s?(?:pipe)?|flex|cable|"
        r"dressing\s+gown\s+cord)\b",
    ),
    _rule(
        "prep_talked_down",
        BEHAVIOR,
        r"\btalked\s+(?:(?:me|him|her|them|pt)\s+)?down\s+(?:from|off)\s+(?:a|the|an)\s+(?:\w+\s+){0,2}?(?:bridge|railings?|"
        r"roof|rooftop|parapet|viaduct|cliff|cliff\s+edge|platform|balcony|car\s+park|tracks|overpass|flyover)\b",
    ),
    _rule(
        "prep_time_chosen",
        BEHAVIOR,
        r"\b(?:once|when|while)\s+(?:the\s+house|the\s+flat|everyone|the\s+kids|they|he|she)\s+(?:is|are|'s|'re|has|"
        r"have)\s+(?:\w+\s+)?(?:empty|out|away|gone|asleep|left)\b",
    ),
    _rule(
        "note_preparatory",
        BEHAVIOR,
        r"\bpreparatory\s+(?:behaviou?rs?|acts?|actions?)\b",
        kinds=SESSION_KINDS,
    ),
)
RULES = RULES + H185_PREP_RULES
# 3. self-harm acts: a streak "clean from cutting" ended; skin scratched or cut with an object or until it bled;
# "cutting again" with a wound told; a self-harm history heading answered with a site and an object.
H185_HARM_SITE = (
    r"(?:(?:l|r|left|right|lt|rt|inner|outer|upper|lower|both)\s+)*(?:wrists?|arms?|forearms?|legs?|thighs?|skin|"
    r"stomach|hips?|shins?|ankles?|belly)"
)
# skin scratched or cut with a tool, or until it bled: "my" in any kind (a journal's "his arm" is someone else's),
# "her/his/their" in a note (the client)
H185_WITH_OBJECT = (
    r"\b(?:scratch\w*|scrach\w*|scrat\w*|scrap(?:ed|ing|e)|carv\w*|cut|cuts|cutting|dug|digging|gouged?|picked|"
    r"picking)\s+(?:at\s+)?{who}\s+(?:own\s+)?"
    + H185_HARM_SITE.replace("{", "{{").replace("}", "}}")
    + r"\s+(?:(?:\w+\s+){{0,2}}?(?:with|w/)\s+(?:a|the|my|her|his|their|an)\s+(?:\w+\s+)?(?:compass|compas|"
    r"scissors|razor|blade|knife|pin|needle|glass|sharpener|nail\s+file|penknife|paperclip|safety\s+pin|shard)\b"
    r"|(?:\w+\s+){{0,5}}?(?:until|till|til|untill)\s+(?:it|they|there|i|she|he)\s+(?:was\s+)?(?:bleed|bled|bleeds|"
    r"bleeding|blood)\b)"
)
H185_HARM_RULES: tuple[Rule, ...] = (
    _rule(
        "self_harm_relapse",
        BEHAVIOR,
        r"\b(?:\d+|a\s+few|two|three|\w+)\s+(?:days?|weeks?|months?|years?)\s+(?:clean|free|sober)\s+(?:from|of|off)\s+"
        r"(?:cutting|self[\s-]?harm\w*|sh|burning|scratching)\b",
    ),
    _rule("self_harm_with_object", BEHAVIOR, H185_WITH_OBJECT.format(who="(?P<who>my)")),
    _rule(
        "note_self_harm_with_object",
        BEHAVIOR,
        H185_WITH_OBJECT.format(who="(?:her|his|their)"),
        kinds=SESSION_KINDS,
    ),
    _rule(
        "self_harm_cutting_again",
        BEHAVIOR,
        r"\b(?:cutting|cut|scratching)\s+again\b(?!\s+" + CUT_THINGS + r")",
    ),
    _rule(
        "note_self_harm_history_site",
        BEHAVIOR,
        r"\b(?:hx\s+of\s+|history\s+of\s+)?(?:self[\s-]?harm|sh|dsh)(?:\s+hx|\s+history)?\s*:?\s*\n\s*(?:(?:l|r|left|right|"
        r"both|bilateral)\s+)?(?:forearms?|wrists?|arms?|thighs?|legs?|stomach|abdomen)\s+(?:w/|with|using|by)\s+"
        r"(?:a\s+)?(?:razor|blade|knife|scissors|compass|sharpener|glass|lighter)\b",
        kinds=SESSION_KINDS,
    ),
)
RULES = RULES + H185_HARM_RULES
# 4. ideation in typos and reported speech: "want to be ded", "i just wnt to die", "wants to be gone" made plain
# ("gone gone", "for good"), an urge to burn or cut herself, a sleep welcomed as the end ("If I fall asleep tonight
# and that's it, honestly, good"), a note's field of self-harm or suicidal thoughts answered yes.
H185_WISH_RULES: tuple[Rule, ...] = (
    _rule(
        "want_to_die_typo",
        IDEATION,
        r"\b(?:want|wants|wanna|wnt|wnat|wamt|wan|waant|wont)\s+(?:to\s+|2\s+)?(?:just\s+|so\s+)?be\s+(?:ded|deaad)\b"
        r"|\b(?:i|i\s+just|i\s+really|i\s+so)\s+(?:wnt|wnat|wamt|waant|wan)\s+(?:to\s+|2\s+)?die\b",
    ),
    _rule(
        "wish_gone_for_good",
        IDEATION,
        r"\b(?:want|wants|wanted|wanting|wish|wishes|wishing)\s+(?:to\s+)?be\s+gone\b",
    ),
    _rule(
        "self_harm_urge_self",
        IDEATION,
        r"\burges?\s+to\s+(?:burn|cut|hurt|harm|hit|punch|strangle|choke)\s+(?:herself|himself|themselves|"
        r"themself|myself)\b",
    ),
    _rule(
        "wish_not_wake_welcomed",
        IDEATION,
        r"\bif\s+i\s+(?:fall\s+asleep|go\s+to\s+sleep|go\s+to\s+bed|sleep)\s+(?:tonight\s+)?(?:and\s+)?(?:that'?s\s+it|"
        r"(?:don'?t|never|do\s+not)\s+wake\s+up)\s*,?\s*(?:\w+\s*,?\s*){0,2}?(?:good|fine|great|so\s+be\s+it|"
        r"i\s+(?:wouldn'?t|won'?t|don'?t)\s+(?:mind|care)|(?:that\s+)?(?:would|'d)\s+be\s+(?:a\s+relief|ok|okay|fine|"
        r"good|nice))\b(?!\s+(?:luck|night|morning|for))",
    ),
    _rule(
        "note_thoughts_field_yes",
        IDEATION,
        r"\b(?:thoughts\s+of\s+(?:self[\s-]?harm|sh|suicide|death|dying|harming\s+(?:self|herself|himself))|"
        r"self[\s-]?harm\s+thoughts|suicidal\s+thoughts|si)\s*[:\-–]\s*(?:yes|y|present|positive|endorsed|\+ve|\+)\b"
        r"(?![\s,]+(?:but\s+)?(?:historic|past|in\s+the\s+past|previously)\b)",
        kinds=SESSION_KINDS,
    ),
)
RULES = RULES + H185_WISH_RULES
# 2.16.3 (h190, frozen39 seen on 2.16.2): its unflagged genuine lines, by mechanism (form × voice), each read only with
# its object or its act. 1. ideation told as thoughts of killing oneself ("thoughts of killing self", "keep thinkin bout
# killin myself"), one's funeral wished near, a death by a vehicle welcomed, one's own words told to someone and
# affirmed ("Told my sister '…' and I meant every word"), a note's reported wish not to be here; 2. attempts told by
# their aftermath in a note: an intentional OD with its drug between ("intentional insulin OD"), "took all her
# <drug>", found hanging and cut down or revived, in front of a vehicle "w/ intent" without an article, CO poisoning
# with its intent; 3. preparatory acts: over a railing at a height, stood at a height with a practice run or not
# jumping, practised with a ligature, a ligature tied to a fixing point with its purpose, a pet given to someone with a
# cover story or savings signed over; 4. a note's burns from a cigarette with their intent.
H190_SELF = r"(?:self|myself|my\s?self|(?:my)\s+(?:own\s+)?life)"
H190_THEIR_SELF = r"(?:herself|himself|themselves|themself|(?:her|his|their)\s+(?:own\s+)?life)"
H190_THOUGHTS = (
    r"\b(?:thoughts?|thinking|thinkin|thinkn|thought|thinks?)\s+(?:of|about|abt|bout|'bout|abot|abut)\s+"
    r"(?:killing|killin|ending|endin)\s+"
)
H190_HEIGHT = (
    r"(?:bridge|viaduct|roof|rooftop|multi-?storey|cliffs?|cliff\s+edge|balcony|overpass|flyover|car\s+park|"
    r"parapet|tower\s+block)"
)
# a morning told, not a death ("I wouldn't mind if I didn't wake up so early": h180's guard)
H190_NOT_A_MORNING = (
    r"(?!\s+(?:so|too|that|this|till|until|til|before|at|for|early|late|on\s+time|in\s+time)\b)"
)
H190_RULES: tuple[Rule, ...] = (
    _rule("thoughts_killing_self", IDEATION, H190_THOUGHTS + H190_SELF + r"\b"),
    _rule(
        "note_thoughts_killing_self", IDEATION, H190_THOUGHTS + H190_THEIR_SELF + r"\b", kinds=SESSION_KINDS
    ),
    _rule(
        "wish_own_death_pictured",
        IDEATION,
        r"\b(?:picturing|imagining|picture|imagine|pictured|imagined|fantasi[sz]ing\s+about)\s+my\s+(?:own\s+)?"
        r"(?:funeral|death|dying)\b[^.!?\n]{0,40}?\b(?:(?:wish\w*|hop\w*|want\w*)\s+(?:it|that\s+it)\s+(?:was|were|"
        r"would|'d|could|came|to\s+be|will|is)|relief|relieved|peace|peaceful|comfort\w*)\b",
    ),
    _rule(
        "wish_vehicle_welcomed",
        IDEATION,
        r"\b(?:i'?d|i\s+would|id)\s+(?:be\s+)?(?:fine|glad|happy|relieved|ok|okay)\s+if\s+(?:a|the|some)\s+"
        r"(?:bus|car|lorry|truck|train|van)\s+(?:hit\s+me|hits\s+me|ran\s+me\s+over|ran\s+over\s+me|"
        r"knocked\s+me\s+(?:down|over))\b"
        r"|\bi\s+(?:wouldn'?t|would\s+not|wouldnt)\s+mind\s+if\s+(?:a|the|some)\s+(?:bus|car|lorry|truck|train|van)\s+"
        r"(?:hit\s+me|hits\s+me|ran\s+me\s+over|ran\s+over\s+me|knocked\s+me\s+(?:down|over))\b",
    ),
    _rule(
        "quoted_wish_meant",
        IDEATION,
        r"\b(?:told|said\s+to|texted|messaged)\s+(?:my\s+|the\s+)?[\w']+(?:\s+[\w']+){0,2}?\s*,?\s*:?\s*"
        r"[\"'\u201c\u2018][^\"\u201d\u2019\n]{0,40}?\b(?:die|dead|alive|kill\s+myself|end\s+it|be\s+here|wake\s+up)\b"
        r"[^\"\u201d\u2019\n]{0,60}[\"'\u201d\u2019][^\n]{0,20}?\b(?:and|&)\s+i\s+(?:really\s+|truly\s+|fully\s+)?"
        r"meant\s+(?:it|every\s+word)\b",
    ),
    _rule(
        "note_wish_not_here",
        IDEATION,
        r"\b(?:wants?|wanting|wishes|wish)\s+to\s+[\"'\u201c\u2018]?(?:[\w']+\s+){0,5}?not\s+(?:to\s+)?be\s+here\s+"
        r"any\s?more\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "attempt_intentional_drug_od",
        ATTEMPT,
        r"\b(?:intentional|deliberate|purposeful)\s+(?:[\w-]+\s+){1,2}?(?:od|o/d|overdose|ingestion)\b",
        kinds=SESSION_KINDS,  # a journal's "placement notes: 17F, deliberate paracetamol overdose" is a patient's
    ),
    _rule(
        "note_took_all_their_drug",
        ATTEMPT,
        r"\btook\s+all\s+(?:of\s+)?(?:her|his|their)\s+(?:\w+\s+)?" + NOTE_DRUG + r"\b"
        r"(?![^.\n]{0,30}\b(?:as\s+prescribed|with\s+(?:her|him|them)|on\s+holiday|back)\b)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "attempt_found_hanging",
        ATTEMPT,
        r"\b(?:pt|cl|client|patient|yp|she|he|they|i)\s+(?:was\s+|were\s+|got\s+)?found\s+hanging\b"
        r"(?=[^\n]{0,80}\b(?:cut\s+(?:\w+\s+)?down|cpr|survived|resus\w*|revived|icu|itu)\b)",
    ),
    _rule(
        "attempt_vehicle_intent",
        ATTEMPT,
        r"\b(?:stepped|stepping|walked|walking|ran|running|threw\s+(?:myself|herself|himself|themselves|self)|jumped|"
        r"lay\s+down)\s+(?:out\s+)?"
        r"(?:in\s+front\s+of|into)\s+(?:a\s+|an\s+|the\s+|oncoming\s+)?(?:\w+\s+)?(?:lorry|truck|bus|car|train|van|"
        r"traffic|tram)\b[^.\n]{0,20}?(?:(?:\bw/\s*|\bwith\s+)intent\b|\b(?:deliberately|on\s+purpose|"
        r"intentionally)\b(?!\s+(?:slow\w*|late|badly|loud\w*)))",
    ),
    _rule(
        "attempt_co_intent",
        ATTEMPT,
        r"\b(?:co|carbon\s+monoxide)\s+poisoning\b(?=[^\n]{0,100}\b(?:wanted\s+it\s+to\s+work|meant\s+it|w/\s*intent|"
        r"with\s+intent|on\s+purpose|intentional|deliberate|to\s+die)\b)",
    ),
    # the wound of one's own act with its intent said after it ("the stitches on my wrist itch. … i meant it tho")
    _rule(
        "attempt_wound_meant",
        ATTEMPT,
        r"\b(?:stitches|sutures|steri-?strips|staples|bandages?|dressings?)\s+(?:in|on|round|around)\s+my\s+"
        r"(?:(?:left|right|l|r|inner)\s+)?(?:wrists?|forearms?|neck|throat)\b(?=[^\n]{0,100}\b"
        + MEANT_AFTER
        + r")",
    ),
    # a death welcomed if it came ("wouldn't mind if I died in my sleep"; a note's "would not mind if she died")
    _rule(
        "wish_death_welcomed",
        IDEATION,
        r"\b(?:i\s+)?(?:wouldn'?t|would\s+not|wouldnt)\s+(?:mind|care)\s+if\s+i\s+(?:died|didn'?t\s+wake\s+up|"
        r"never\s+woke\s+up|just\s+died)\b"
        + H190_NOT_A_MORNING
        + r"|\b(?:i'?d|i\s+would|id)\s+be\s+(?:glad|relieved|"
        r"happy)\s+if\s+i\s+(?:died|didn'?t\s+wake\s+up|never\s+woke\s+up)\b" + H190_NOT_A_MORNING,
    ),
    _rule(
        "note_death_welcomed",
        IDEATION,
        r"\b(?:she|he|they|pt|client|cl)\s+(?:wouldn'?t|would\s+not|wouldnt)\s+(?:mind|care)\s+if\s+(?:she|he|they)\s+"
        r"(?:died|didn'?t\s+wake\s+up|never\s+woke\s+up)\b" + H190_NOT_A_MORNING,
        kinds=SESSION_KINDS,
    ),
    # pulled from water, with the intent said after
    _rule(
        "attempt_pulled_from_water",
        ATTEMPT,
        r"\b(?:pulled|dragged|rescued|recovered|fished)\s+(?:out\s+)?(?:from|of|out\s+of)\s+(?:the\s+|a\s+)?(?:\w+\s+)?"
        r"(?:canal|river|sea|lake|reservoir|harbour|harbor|quarry|loch|estuary|dock|docks)\b(?=[^\n]{0,100}\b(?:wanted\s+"
        r"to\s+(?:drown|die)|" + MEANT_AFTER + r"|w/\s*intent|with\s+intent|on\s+purpose|deliberately)\b)"
        r"(?![^\n]{0,100}\b(?:swim\w*|race|triathlon|charity|paddl\w*|kayak\w*|canoe\w*|fell\s+in|slipped|"
        r"lifeguards?)\b)",
    ),
    # all of one's pills taken, told by where one woke
    _rule(
        "attempt_all_pills_woke",
        ATTEMPT,
        r"\b(?:took|swallowed|downed|necked)\b[^.\n]{0,40}?\ball\s+(?:of\s+)?my\s+(?:\w+\s+)?(?:pills|tablets|meds|"
        r"medication|tabs)\b(?!\s+with\s+me)(?=[^\n]{0,80}\b(?:woke\s+up\s+in|a&e|a\s+and\s+e|icu|ambulance|"
        r"stomach\s+pumped|charcoal)\b)",
    ),
    # a height visited and its drop checked
    _rule(
        "prep_drop_checked",
        BEHAVIOR,
        r"\b(?:cliffs?|bridge|viaduct|multi-?storey|car\s+park|roof|rooftop|tower\s+block|quarry)\b[^\n]{0,60}?"
        r"\b(?:checked|measured|tested|looked\s+at|looked\s+over)\s+(?:the\s+)?(?:drop|height|fall)\b"
        r"(?![^\n]{0,60}\b(?:abseil\w*|climb\w*|bungee|zip\s?wire|survey\w*|photo\w*)\b)",
    ),
    # goodbye messages written and kept, not a card for someone leaving
    _rule(
        "prep_goodbye_messages",
        BEHAVIOR,
        r"\b(?:wrote|written|writing|drafted|drafting|typed|typing)\s+(?:\w+\s+)?goodbye\s+(?:texts|messages|emails|"
        r"letters|notes|posts|videos)\b(?![^\n]{0,40}\b(?:card|leaving|retir\w*|farewell|party|colleague\w*|class|"
        r"team|students|pupils)\b)",
    ),
    # the means laid out and looked at
    _rule(
        "prep_pills_laid_out",
        BEHAVIOR,
        r"\b(?:lined\s+up|laid\s+out|counted\s+out|set\s+out|spread\s+out|put)\s+(?:all\s+)?(?:the|my|her|his)\s+"
        r"(?:\w+\s+)?(?:pills|tablets|tabs|meds)\s+(?:out\s+)?(?:in\s+(?:a\s+)?(?:line|row|rows|piles?)|on\s+the\s+"
        r"(?:table|bed|floor|counter|desk))\b(?![^\n]{0,40}\b(?:for\s+the\s+week|dosette|organi[sz]er|blister|"
        r"pharmacy|pharmacist|nurse|carer)\b)",
    ),
    # a note's head-banging with its distress or its injury
    _rule(
        "note_head_banging",
        BEHAVIOR,
        r"\b(?:banging|bangs|banged|hitting|hits|hit|punching|punches|punched)\s+(?:her\s+|his\s+|their\s+)?"
        r"(?:head|fists?)\s+(?:on|against|into)\s+(?:the\s+|a\s+)?walls?\b(?=[^\n]{0,60}\b(?:when\s+"
        r"(?:distressed|upset|angry|overwhelmed)|bruis\w*|injur\w*|to\s+cope|to\s+feel|swelling|lump)\b)",
        kinds=SESSION_KINDS,
    ),
    # methods looked up, told with where or which
    _rule(
        "prep_methods_researched",
        BEHAVIOR,
        r"\b(?:researched|researching|looked\s+up|looking\s+up|googled|googling|searched(?:\s+for)?|searching(?:\s+for)?|"
        r"read\s+up\s+on)\s+(?:suicide\s+|overdose\s+)?methods\b(?=\s*(?:online|on\s+(?:the\s+)?(?:internet|web|google|"
        r"reddit|tiktok|forums?)|\(|of\s+(?:suicide|dying|ending)))(?![^\n]{0,60}\b(?:dissertation|essay|course\w*|"
        r"placement|research|study|studies|project|assignment|work|teaching|statistic\w*|analysis|thesis|class|"
        r"module|exam\w*|revision|cooking|recipes?|training)\b)",
    ),
    # a ligature made or tied (never a surgeon's)
    _rule(
        "prep_ligature_made",
        BEHAVIOR,
        r"\b(?:tied|tying|made|making|fashioned|fashioning|put|putting)\s+(?:a|the|her|his|my|their)\s+(?:\w+\s+)?"
        r"ligature\b(?![^\n]{0,60}\b(?:surgeon|vessel|artery|arteries|vein|suture\w*|theatre|umbilical|cord\s+clamp)\b)",
    ),
    # a plastic bag over one's head
    _rule(
        "prep_bag_over_head",
        BEHAVIOR,
        r"\bplastic\s+bag\s+over\s+(?:her|his|my|their)\s+(?:own\s+)?head\b",
    ),
    # a cord tied to a fixing point, then stopped or found
    _rule(
        "prep_cord_tied_stopped",
        BEHAVIOR,
        r"\b(?:tied|tying|attached|fixed|fastened)\s+(?:(?:a|the|her|his|my|their)\s+)?(?:\w+\s+){0,2}?(?:cord|belt|rope|"
        r"scarf|ligature|cable|flex|sheet)\s+(?:to|round|around|onto|on)\s+(?:a|the|her|his|my)\s+(?:\w+\s+)?"
        r"(?:door\s?handle|door|banister|bannister|beam|hook|rail|pipe|bed\s?frame|wardrobe|loft\s+hatch|stairs)\b"
        r"(?=[^\n]{0,80}\b(?:stopped|interrupted|walked\s+in|removed\s+it|took\s+it\s+off|couldn'?t\s+go\s+through|"
        r"didn'?t\s+go\s+through|neck|to\s+die|ready|intent)\b)",
    ),
    # a note's cut to a site, with its count, its tool or its register
    _rule(
        "note_cut_site",
        BEHAVIOR,
        r"\b(?:cut|cuts|cutting|lacerated|slashed)\s+(?:her\s+|his\s+|their\s+|own\s+)?(?:(?:l|r|left|right|lt|rt|both|"
        r"bilateral|inner|upper|lower)\s+)*(?:forearms?|wrists?|thighs?|arms?|legs?|stomach|abdomen)\b"
        r"(?!\s+on\s+(?:a|the|some|broken)\b)(?=[^\n]{0,80}\b(?:lacs?|lacerations?|razor|blade|x\s?\d+|\d+\s?x|"
        r"superficial|self[\s-]?harm\w*|weekly|daily|nightly|last\s+episode|with\s+(?:a\s+)?(?:knife|scissors|glass|"
        r"sharpener)))",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "prep_over_railing",
        BEHAVIOR,
        r"(?:\b(?:climbed|climbing|got|stepped|went)\s+(?:over|onto|on\s+to|up\s+on|past)\s+(?:the|a)\s+(?:\w+\s+)?"
        r"(?:railings?|parapet|barrier|ledge)\b(?=[^\n]{0,40}\b" + H190_HEIGHT + r"\b)"
        r"|\b" + H190_HEIGHT + r"\b[^\n]{0,40}?\bclimbed\s+(?:over|onto|on\s+to)\s+(?:the|a)\s+(?:\w+\s+)?"
        r"(?:railings?|parapet|barrier|ledge)\b)"
        r"(?![^\n]{0,60}\b(?:photo\w*|picture|selfie\w*|view|ball|kite|frisbee|hat|phone|dog|cat|"
        r"rescue\w*|abseil\w*|bungee)\b)",
    ),
    _rule(
        "prep_stood_at_height",
        BEHAVIOR,
        r"\b(?:stood|standing|sat|sitting)\s+(?:on|at)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:bridge|viaduct|cliff\s+edge|"
        r"cliffs?|ledge|roof|rooftop|parapet|platform\s+edge|tracks|railway\s+line)\b(?=[^\n]{0,80}\b(?:practice\s+run|"
        r"dry\s+run|rehearsal|to\s+see\s+if\s+i\s+could|(?:did\s+not|didn'?t|couldn'?t|could\s+not)\s+(?:climb|jump|"
        r"do\s+it|go\s+through))\b)(?![^\n]{0,100}\b(?:with\s+the\s+others|with\s+(?:my\s+)?(?:mates|friends)|too\s+cold|"
        r"swim\w*|photo\w*|selfie\w*|bungee)\b)",
    ),
    _rule(
        "prep_practised_ligature",
        BEHAVIOR,
        r"\b(?:practi[sc]ed|practi[sc]ing|rehearsed|rehearsing|tried\s+out)\s+(?:it\s+|hanging\s+)?(?:with|using)\s+"
        r"(?:the|a|my|her|his|their)\s+(?:\w+\s+){0,2}?(?:belt|rope|cord|ligature|noose|scarf|cable|flex|sheet)\b"
        r"(?![^\n]{0,40}\b(?:climb\w*|abseil\w*|sail\w*|knots?|scouts?|rescue|skipping|gym|class|lesson|belay\w*|"
        r"boat|rigging|karate|judo|grade|belt\s+test)\b)",
    ),
    _rule(
        "prep_ligature_tied",
        BEHAVIOR,
        r"\b(?:rope|cord|belt|noose|ligature|flex|cable)\s+(?:tied|fixed|attached|hung|fastened|knotted|secured)\s+"
        r"(?:to|on|from|round|around|over)\s+(?:the\s+|a\s+|his\s+|her\s+|my\s+)?(?:\w+\s+)?(?:beam|banister|"
        r"bannister|rafters?|hook|stairs|pipe)\b(?=[^\n]{0,80}\b(?:ready|in\s+case|to\s+use|for\s+(?:himself|"
        r"herself|myself|themselves)|intent|to\s+die|kill\w*|suicid\w*|admits|admitted|put\s+it\s+there)\b)",
    ),
    # in a note, found by someone else, the client's own act when the client says they put it there
    _rule(
        "note_ligature_tied_admitted",
        BEHAVIOR,
        r"\b(?:rope|cord|belt|noose|ligature|flex|cable)\s+(?:tied|fixed|attached|hung|fastened|knotted|secured)\s+"
        r"(?:to|on|from|round|around|over)\s+(?:the\s+|a\s+|his\s+|her\s+|my\s+)?(?:\w+\s+)?(?:beam|banister|"
        r"bannister|rafters?|hook|stairs|pipe)\b[^\n]{0,80}?\b(?:pt|client|cl|patient|yp)\s+(?:admits|"
        r"admitted|confirms|confirmed|says|said|states|stated)\b[^\n]{0,40}?\b(?:put|tied|placed|left|hung)\s+it\b",
        immune=("third_person",),
        kinds=SESSION_KINDS,
    ),
    _rule(
        "prep_pet_given_cover",
        BEHAVIOR,
        r"\b(?:gave|given|giving|handed|rehomed)\s+(?:the\s+|my\s+|our\s+|her\s+|his\s+|their\s+)?[a-z]+\s+to\s+"
        r"(?:my\s+|her\s+|his\s+|their\s+|the\s+|a\s+)?[a-z]+\b(?![^\n]{0,30}\bfor\s+(?:a|the|two|three|\d+|a\s+few)\s+"
        r"(?:weeks?|weekend|nights?|days|months?))(?=[^\n]{0,100}(?:\b(?:transferred|signed\s+over|"
        r"gave\s+away)\s+(?:\w+\s+){0,2}?(?:savings|money|car|flat|house|belongings)\b|\bi'?m\s+not\s+(?:really\s+)?"
        r"(?:travelling|traveling|going\s+(?:away|anywhere)|on\s+holiday)\b(?!\s+(?:far|long|much|abroad))|\bloose\s+ends\b))",
    ),
    _rule(
        "note_cigarette_burns",
        BEHAVIOR,
        r"(?=[^\n]*\b(?:admits\s+(?:to\s+)?(?:using\s+)?(?:a\s+)?(?:cigarettes?|lighter)|deliberate\w*|"
        r"self[\s-]?inflicted|on\s+purpose|intentional\w*|to\s+feel\s+something|to\s+punish\s+(?:herself|himself|"
        r"themselves|myself))\b)(?![^\n]*\b(?:accident\w*|cooking|oven|iron|kettle|pan|stove|hob|bbq|barbecue)\b)\bburns?\s+(?:to|on)\s+(?:[\w/]+\s+){0,3}?(?:hand|hands|arm|arms|forearms?|wrists?|"
        r"thighs?|legs?|chest|stomach)\b[^\n]{0,60}?\b(?:cigarettes?|lighter)\b",
        kinds=SESSION_KINDS,
    ),
)
RULES = RULES + H190_RULES
# 2.16.4 (h191, frozen40 seen on 2.16.3): its unflagged genuine lines and its attempts read below their level, by
# mechanism (form × voice), each read only with its object or its act. 1. attempts told by their method and what came
# after: a car's exhaust tried, a poison ingested, self-inflicted wounds with the intent to die, found unresponsive
# beside empty packs, an act owned and meant ("I did it. I meant it. I'm still here."), "tried to go" and found,
# woken in intensive care from the drug one took, a note's attempt field answered yes; 2. preparatory acts: found with
# a ligature or a rope tied, talked down from a height or climbed back over, the tallest heights looked up with no
# fence, letters to each of them kept back, a gift with a cover story denied, means carried "just in case" or
# stockpiled in a count, a date set beside affairs settled or picked so as not to spoil another's day; 3. self-harm
# acts: self-inflicted wounds, a note's act under a self-harm label, a sharpener's blade taken out again.
H191_HEIGHT = (
    r"(?:bridge|viaduct|roof|rooftop|multi-?storey|cliffs?|cliff\s+edge|balcony|overpass|flyover|car\s+park|"
    r"parapet|tower\s+block|ledge)"
)
H191_WOUND = r"(?:lacs?|lacerations?|wounds?|cuts?|incisions?|stab\s+wounds?|burns?|injur(?:y|ies))"
H191_RULES: tuple[Rule, ...] = (
    _rule(
        "attempt_exhaust_tried",
        ATTEMPT,
        r"\b(?:tried|attempted|attempt|attempting|trying)\b[^.\n]{0,20}?\b(?:with|via|using|by)\s+(?:the\s+|a\s+|my\s+|"
        r"her\s+|his\s+|their\s+)?(?:car'?s?\s+)?(?:exhaust(?:\s+fumes)?|hose(?:pipe)?\s+(?:from|on|to)\s+(?:the\s+)?"
        r"exhaust)\b(?!\s+(?:clamp|pipe\s+(?:fix|repair)|system|repair|fix|bracket|gasket|tape|paste))",
    ),
    _rule(
        "attempt_poison_ingested",
        ATTEMPT,
        r"\b(?:ingest(?:ed|ing)?|drank|drinking|drunk|swallowed|swallowing|downed)\s+(?:some\s+|a\s+(?:bottle|cup|"
        r"glass|mouthful)\s+of\s+|the\s+|a\s+lot\s+of\s+)?(?:antifreeze|anti-freeze|bleach|weedkiller|weed\s+killer|"
        r"paraquat|rat\s+poison|pesticide|insecticide|drain\s+cleaner|screenwash|methanol|ethylene\s+glycol|"
        r"white\s+spirit)\b(?![^\n]{0,80}\b(?:accident\w*|by\s+mistake|mistook|thought\s+it\s+was|toddler|"
        r"child|baby|kid|dog|cat|puppy)\b)",
    ),
    _rule(
        "attempt_self_inflicted_intent",
        ATTEMPT,
        r"(?<!\bnot\s)\bself[\s-]?inflicted\s+(?:\w+\s+){0,3}?"
        + H191_WOUND
        + r"\b(?=[^\n]{0,100}\b(?:intent\s+to\s+die|"
        r"suicidal\s+intent|wanted\s+to\s+die|intended\s+to\s+die|to\s+end\s+(?:her|his|their|my)\s+life|"
        r"(?:states?|stated|said|reports?)\s+(?:\w+\s+)?intent)\b)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "self_inflicted_wounds",
        BEHAVIOR,
        r"(?<!\bnot\s)(?<!\?\s)\bself[\s-]?inflicted\s+(?:\w+\s+){0,3}?" + H191_WOUND + r"\b"
        r"|\b" + H191_WOUND + r"\b[^.\n]{0,50}?(?<!\bnot\s)(?<!\?\s)\bself[\s-]?inflicted\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_harm_label_act",
        BEHAVIOR,
        r"(?<![^\n])[ \t]*(?:dsh|sh|self[\s-]?harm|nssi)[ \t]*[:\-\u2013][ \t]*(?:\w+\s+){0,2}?(?:burns?|burning|burnt|"
        r"cuts?|cutting|lacs?|lacerations?|scratch\w*|scald\w*)\s+(?:(?:to|on|of|across)\s+)?(?:(?:l|r|left|right|both|"
        r"inner|outer|upper|lower|bilateral)\s+)*(?:forearms?|wrists?|thighs?|arms?|legs?|stomach|abdomen|hands?|"
        r"chest|ankles?|hips?)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "harm_sharpener_opened",
        BEHAVIOR,
        r"\b(?:opened|took\s+apart|broke\s+(?:open|apart)|unscrewed|took\s+the\s+blade\s+out\s+of)\s+(?:the\s+|a\s+|my\s+)?"
        r"(?:pencil\s+)?sharpener\b(?=[^\n]{0,80}\b(?:again|back\s+to\s+(?:zero|day\s+(?:one|1|0))|days?\s+"
        r"(?:gone|clean|wasted)|relaps\w*|streak)\b)",
    ),
    _rule(
        "attempt_found_unresponsive_means",
        ATTEMPT,
        r"\b(?:found|discovered)\s+(?:\w+\s+){0,2}?(?:unresponsive|unconscious|collapsed|obtunded|not\s+breathing)\b"
        r"(?=[^\n]{0,80}\b(?:empty\s+(?:blister\s+)?(?:packs?|packets?|bottles?|boxes)|blister\s+packs|"
        r"(?:pill|tablet)\s+(?:packets?|bottles?)|ligature|note\s+beside)\b)",
    ),
    _rule(
        "found_with_ligature",
        BEHAVIOR,
        r"\bfound\s+(?:pt|cl|client|patient|yp|her|him|them|me)\s+(?:\w+\s+){0,4}?(?:w/|with)\s+(?:a\s+|the\s+|her\s+|"
        r"his\s+|my\s+|their\s+)?(?!(?:skipping|jump|jumping|tow|climbing|washing|bungee|dog|karate|judo|seat)\s)"
        r"(?:\w+\s+)?(?:ligature|noose|rope|belt|cord|flex)\b"
        r"(?![^\n]{0,40}\b(?:swing|ladder|course|climbing|toy|gym|exercis\w*|class|game|play\w*|trousers|jeans)\b)"
        r"|\b(?:pt|cl|client|patient|yp|she|he|they|i)\s+(?:was\s+|were\s+|got\s+)?found\s+(?:\w+\s+){0,4}?"
        r"(?:w/|with)\s+(?:a\s+|the\s+|her\s+|his\s+|my\s+|their\s+)?(?:\w+\s+)?(?:ligature|noose)\b",
    ),
    _rule(
        "attempt_tried_to_go_found",
        ATTEMPT,
        r"\b(?:tried|attempted)\s+to\s+(?:go|do\s+it|end\s+it|check\s+out|not\s+be\s+here)\b"
        r"(?!\s+(?:to|out|home|back|for|and|there|in|on|up|down|away|shopping|with|through))"
        r"(?=[^\n]{0,80}\b(?:found\s+me|called\s+(?:911|999|112|000|an\s+ambulance|the\s+ambulance)|"
        r"woke\s+up\s+in\s+(?:hospital|icu|a&e|the\s+er|resus))\b)",
    ),
    _rule(
        "attempt_woke_from_drug",
        ATTEMPT,
        r"\bwoke\s+(?:up\s+)?in\s+(?:icu|itu|intensive\s+care|resus|hospital|a&e|the\s+er)\b(?=[^\n]{0,100}\b"
        r"(?:from|after)\s+(?:the|all\s+the|my|all\s+my)\s+(?:\w+\s+)?(?:insulin|pills|tablets|meds|"
        + NOTE_DRUG
        + r")\s+"
        r"i\s+(?:took|injected|swallowed|had\s+taken|had\s+injected|downed)\b)"
        r"(?![^\n]{0,100}\b(?:accident\w*|by\s+mistake|wrong\s+dose|hypo)\b)",
    ),
    _rule(
        "attempt_owned_meant",
        ATTEMPT,
        r"\bi\s+did\s+it\b[\s.,!;\-]*(?:and\s+)?i\s+(?:really\s+)?meant\s+it\b[^\n]{0,40}?\b(?:i'?m\s+still\s+here|"
        r"still\s+alive|i\s+survived|i\s+woke\s+up)\b",
    ),
    _rule(
        "note_attempt_field_yes",
        ATTEMPT,
        r"(?<![^\n])[ \t]*(?:[-*\u2022][ \t]*|q?\d{1,2}[.)][ \t]*)?(?:actual\s+|suicide\s+|suicidal\s+)?attempts?"
        r"(?:[ \t]+(?:in|within)[ \t]+(?:the[ \t]+)?(?:last|past)[ \t]+\w+[ \t]+(?:days?|weeks?|wks?|months?|mths?|"
        r"years?|yrs?)|[ \t]+since[ \t]+last[ \t]+(?:review|appt|appointment|contact|session))?[ \t]*[:?\-][ \t]*"
        r"\n?[ \t]*(?:yes|y|positive|\+ve|endorsed)\b",
        kinds=SESSION_KINDS,
    ),
    # talked down from a height or climbed back over: the writer's own ("talked me down", "I climbed back over"),
    # never someone else talked down ("I talked him down"); in a note the client ("talked down by officer")
    _rule(
        "prep_talked_down_height",
        BEHAVIOR,
        r"\b"
        + H191_HEIGHT
        + r"\b[^\n]{0,80}?\b(?:talked\s+me\s+(?:down|back|round|off)|(?:i\s+was|i\s+got|got)\s+"
        r"talked\s+down|talked\s+to\s+me\s+(?:until|till|til)\s+i\s+(?:climbed|got|stepped|came)\s+back|i\s+"
        r"(?:climbed|got|stepped|came)\s+back\s+over)\b"
        r"(?![^\n]{0,60}\b(?:cat|kitten|ball|kite|photo\w*|gutter|tiles|aerial|repair\w*|price)\b)",
    ),
    _rule(
        "note_talked_down_height",
        BEHAVIOR,
        r"\b" + H191_HEIGHT + r"\b[^\n]{0,80}?\b(?:talked\s+(?:pt|cl|client|patient|yp|her|him|them)\s+down|"
        r"talked\s+down\s+by|(?:pt|cl|client|she|he|they)\s+(?:climbed|got|stepped|came)\s+back\s+over)\b"
        r"(?![^\n]{0,60}\b(?:cat|kitten|ball|kite|photo\w*|gutter|tiles|aerial|repair\w*|price)\b)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "prep_heights_looked_up",
        BEHAVIOR,
        r"\b(?:looked\s+up|looking\s+up|googled|googling|searched(?:\s+for)?|researched|checked\s+out)\s+(?:the\s+)?"
        r"(?:tallest|highest)\s+(?:bridges?|car\s+parks?|buildings?|multi-?storeys?|cliffs?|towers?|blocks?|roofs?)\b"
        r"(?=[^\n]{0,80}\b(?:no\s+(?:fence|fencing|barrier|railings?|netting|bars)|near\s+me|in\s+town|nearby|round\s+"
        r"here|local|drop|how\s+high)\b)(?![^\n]{0,80}\b(?:in\s+the\s+world|photo\w*|drone|project|view|skyline)\b)",
    ),
    _rule(
        "prep_letters_kept_back",
        BEHAVIOR,
        r"\b(?:wrote|written|writing|write)\s+(?:a\s+)?(?:letters?|notes?|cards?)(?=\s+(?:to|for)\s+(?:each\s+of\s+(?:them|"
        r"my\s+\w+)|everyone|all\s+of\s+them|(?:my|her|his|their)\s+(?:kids|children|family|parents|mum|dad|"
        r"sisters?|brothers?|partner|wife|husband|sons?|daughters?))\b)(?=[^\n]{0,140}\b(?:not\s+sending|won'?t\s+send|"
        r"not\s+(?:going\s+)?to\s+send|not\s+sent|for\s+(?:after|when\s+i'?m\s+gone)|hid|hidden|under\s+(?:my|her|his)|"
        r"to\s+be\s+found|when\s+i'?m\s+gone)\b)(?![^\n]{0,100}\b(?:thank\w*|christmas|birthday|santa|pen\s?pal|"
        r"complaint|council|application)\b)",
    ),
    _rule(
        "prep_gift_cover_story",
        BEHAVIOR,
        r"\b(?:gave|given|giving|handed|rehomed)\s+(?:away\s+)?(?:the\s+|my\s+|our\s+|her\s+|his\s+)?[a-z]+\s+to\s+"
        r"[a-z]+\b[^\n]{0,60}?\btold\s+(?:her|him|them|everyone|my\s+\w+)\s+(?:it\s+was|that\s+it\s+was|it'?s)\s+"
        r"(?:because|for|due)\b[^\n]{0,60}?\b(?:it\s+wasn'?t|it\s+isn'?t|it\s+was\s+not|that'?s\s+not\s+(?:true|why|"
        r"the\s+reason)|not\s+the\s+(?:real\s+)?reason|a\s+lie|i\s+lied)\b",
    ),
    _rule(
        "prep_means_kept",
        BEHAVIOR,
        r"\b(?:carrying|carries|carried|been\s+carrying|keeping|keeps|kept|hiding|hid|hidden|stashed|stashing)\s+"
        r"(?:around\s+)?(?:a|an|the|her|his|my|their)\s+(?:\w+\s+)?(?:bag|box|bottle|packet|pack|stash|supply|tub)\s+of\s+"
        r"(?:\w+\s+)?(?:pills|tablets|tabs|meds|medication|"
        + NOTE_DRUG
        + r")\b(?=[^\n]{0,40}\b(?:just\s+in\s+case|"
        r"in\s+case)\b)"
        r"|\b(?:stockpiled|stockpiling|hoarded|hoarding|stashed|saved\s+up)\s+(?:approx\.?\s+|approximately\s+|about\s+|"
        r"around\s+|~\s*|over\s+)?(?:[1-9]\d|\d{3})\s*(?:x\s*)?(?:\w+\s+){0,2}?(?:meds|medication|"
        + NOTE_DRUG
        + r")\b"
        r"(?![^\n]{0,60}\b(?:for\s+(?:the\s+)?(?:shop|stall|pharmacy|clinic|ward)|as\s+prescribed|dosette|stickers|"
        r"cards|coins|tins|cans|toilet\s+roll|masks)\b)",
    ),
    _rule(
        "prep_date_set_affairs",
        BEHAVIOR,
        r"\b(?=rehomed|paid|gave|made|wrote|updated)"
        r"(?![^\n]{0,160}\b(?:wedding|holiday|moving|house\s+move|party|retirement|completion)\b)"
        r"(?:rehomed|paid\s+off\s+(?:\w+\s+)?debts?|gave\s+away\s+(?:\w+\s+)?(?:belongings|possessions|things)|"
        r"made\s+a\s+will|wrote\s+a\s+will|updated\s+(?:her|his|my|their)\s+will)\b[^\n]{0,60}?\b(?:set|picked|chosen|"
        r"chose|decided\s+on)\s+(?:a\s+|the\s+)?date\b"
        r"|\b(?=set|picked|chose|decided)"
        r"(?![^\n]{0,160}\b(?:wedding|holiday|moving|house\s+move|party|retirement|completion)\b)"
        r"(?:set|picked|chosen|chose|decided\s+on)\s+(?:a\s+|the\s+)?date\b[^\n]{0,60}?\b(?:rehomed|paid\s+off\s+"
        r"(?:\w+\s+)?debts?|gave\s+away\s+(?:\w+\s+)?(?:belongings|possessions|things)|made\s+a\s+will|wrote\s+a\s+will)\b"
        r"(?![^\n]{0,120}\b(?:wedding|holiday|moving|house\s+move|party|retirement|completion)\b)",
    ),
    _rule(
        "prep_date_picked_spare",
        BEHAVIOR,
        r"\b(?=picked|chose|set|decided)"
        r"(?![^\n]{0,140}\b(?:party|wedding|holiday|trip|flight|booking|dinner|move|moving|interview|surprise)\b)"
        r"(?:picked|chose|chosen|set|decided\s+on)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|date|day)\b[^\n]{0,60}?\b"
        r"(?:so\s+(?:i|it)\s+(?:don'?t|dont|won'?t|wont|doesn'?t|doesnt)\s+(?:ruin|spoil|wreck)|so\s+(?:it|i)\s+"
        r"(?:doesn'?t|doesnt|don'?t|dont)\s+(?:land|fall)\s+on)\b"
        r"(?![^\n]{0,60}\b(?:party|wedding|holiday|trip|flight|booking|dinner|move|moving|interview|surprise)\b)",
    ),
)
RULES = RULES + H191_RULES
# 2.16.5 (h195, frozen41 seen on 2.16.4): its unflagged genuine lines and its attempts read below their level, by
# mechanism (form × voice), each read only with its object or its act, the client's own. 1. attempts: an act told with
# its intent said ("jump from 2nd floor window … intended to end life", "cut intending to die"), an overdose told as
# the time after it ("day 2 post paracetamol OD", "admitted following OD", "staggered OD"), a jump from a height with
# its injury, a crash told as meant, every tablet of someone's swallowed, pills taken "on purpose" or found after,
# woken in intensive care after the drug taken, "trying to end it" as the reason one is on a ward; 2. preparatory acts
# (`behavior`): a ligature fashioned or a rope tied in a loop, heights researched, a goodbye message drafted and kept,
# letters kept back to be read later, a second rope bought, standing in a river at night, affairs settled "tying things
# off"; 3. self-harm acts (`behavior`): a blade taken from a sharpener, cuts on one's body deeper or hidden, a note's
# wounds owned ("pt states used blade", "acknowledged self-inflicted"); 4. ideation: a C-SSRS item answered yes, a
# writer who thinks about dying most days.
H195_INTENT = (
    r"(?<!\bno\s)(?<!\bnot\s)(?<!\bdenies\s)(?<!\bdenied\s)(?<!n't\s)(?<!\bnt\s)(?<!\bwithout\s)(?<!\bdenys\s)"
    r"(?<!\bdeny\s)(?<!\bdenying\s)(?<!\bnil\s)"
    r"(?:intend(?:ed|ing|s)?\s+to\s+(?:end\s+(?:(?:her|his|their|my)\s+)?life|die|kill\s+(?:her|him|my|them)self)|"
    r"intent\s+to\s+(?:die|end\s+(?:(?:her|his|their|my)\s+)?life)|wanting\s+to\s+die|wanted\s+to\s+die|"
    r"meaning\s+to\s+die|to\s+end\s+(?:her|his|their|my)\s+life)\b"
)
H195_HEIGHT = (
    r"(?:foot\s?bridge|bridge|viaduct|overpass|flyover|car\s+park|multi-?storey|parking\s+(?:garage|structure)|"
    r"(?:\d(?:st|nd|rd|th)\s+|first\s+|second\s+|third\s+|fourth\s+|top\s+)?(?:floor\s+)?window|balcony|roof|"
    r"rooftop|cliff|building|tower\s+block|block\s+of\s+flats|pier|ledge)"
)
H195_BODY = (
    r"(?:(?:l|r|left|right|both|inner|outer|upper|lower|bilat|bilateral|bil)\s+)*(?:forearms?|wrists?|thighs?|arms?|"
    r"legs?|stomach|abdomen|hips?|ankles?|upper\s+arms?|chest)"
)
H195_RULES: tuple[Rule, ...] = (
    _rule(
        "attempt_act_intent_said",
        ATTEMPT,
        r"\b(?:jump(?:ed|ing)?\s+(?:from|off)|fell\s+from|cut\s+(?:her|his|my|their)?|cutting|lacs?|lacerations?|"
        r"od|overdosed?|ligature|hang(?:ing|ed)|drove\s+into|stepped\s+in\s+front)\b"
        r"[^\n]{0,120}?\b" + H195_INTENT + r"(?![^\n]{0,40}\b(?:accident\w*|by\s+mistake)\b)",
    ),
    _rule(
        "note_post_od",
        ATTEMPT,
        r"\b(?:(?:day|d)\s*\d{1,2}\s+)?(?:post|following|s/p|after|admitted\s+(?:with|after|following|post))[\s-]+"
        r"(?:an?\s+|her\s+|his\s+|their\s+)?(?:(?:deliberate|intentional|staggered|compound|mixed|large|significant)\s+)?"
        r"(?:"
        + NOTE_DRUG
        + r"\s+)?(?:od|overdose)\b(?![^\n]{0,60}\b(?:accident\w*|by\s+mistake|unintentional)\b)"
        r"|\bstaggered\s+(?:\w+\s+)?(?:od|overdose)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "attempt_jumped_height_injured",
        ATTEMPT,
        r"\b(?:i\s+|pt\s+|she\s+|he\s+)?jumped\s+(?:off|from)\s+(?:the|a|my|our|that)\s+(?:\w+\s+)?"
        + H195_HEIGHT
        + r"\b"
        r"(?=[^\n]{0,80}\b(?:broke|broken|fractur\w*|shattered|snapped|#|icu|surgery|survived|think\s+it\s+was\s+"
        r"(?:a\s+|an\s+)?(?:fall|accident)|on\s+purpose|wheelchair|in\s+traction)\b)"
        r"(?![^\n]{0,60}\b(?:into\s+the\s+(?:pool|sea|water|lake|river)|for\s+fun|dare|parkour|bungee|parachute|"
        r"skydiv\w*|tombstoning|kid|child)\b)",
    ),
    _rule(
        "attempt_crash_meant",
        ATTEMPT,
        r"(?<!\bnearly\s)(?<!\balmost\s)(?<!\bwanted\sto\s)(?<!n't\s)\b(?:drove|crashed|steered|swerved|aimed)\s+"
        r"(?:my\s+car\s+|the\s+car\s+|my\s+van\s+|it\s+)?(?:in)?to\s+(?:a|the|an)\s+(?:\w+\s+)?(?:wall|tree|lorry|"
        r"truck|bridge|river|barrier|pillar|bus|lamppost|lamp\s+post|oncoming\s+\w+)\b[^\n]{0,30}?\b(?:on\s+purpose|"
        r"deliberately|intentionally|meaning\s+to)\b",
    ),
    _rule(
        "attempt_swallowed_all_of",
        ATTEMPT,
        # "took all my tablets" is also a day's doses taken ("with breakfast like the GP said"): "took" reads only
        # someone else's supply or the whole box
        r"(?:\b(?:swallow|swallowed|downed|necked)\s+(?:all|every\s+one\s+of|the\s+whole\s+(?:box|bottle|pack|"
        r"packet)\s+of)\s+(?:of\s+)?(?:his|her|their|my|mum'?s|dad'?s|nan'?s|gran'?s|the)"
        r"|\btook\s+(?:all|every\s+one\s+of)\s+(?:of\s+)?(?:his|her|their|mum'?s|dad'?s|nan'?s|gran'?s)"
        r"|\btook\s+the\s+whole\s+(?:box|bottle|pack|packet)\s+of\s+(?:his|her|their|my|mum'?s|dad'?s|nan'?s|"
        r"gran'?s|the))\s+(?:\w+\s+){0,2}?(?:tablets|pills|meds|medication|painkillers|capsules|"
        + NOTE_DRUG
        + r")\b"
        r"(?![^\n]{0,60}\b(?:accident\w*|by\s+mistake|as\s+prescribed|as\s+directed|the\s+dog|toddler|child|"
        r"breakfast|on\s+time|with\s+food|like\s+the\s+(?:gp|doctor|nurse)\s+said|bedtime|in\s+a\s+row)\b)",
    ),
    _rule(
        "attempt_pills_on_purpose",
        ATTEMPT,
        r"\bon\s+purpose\b['\"\u2019\u201d]?\s+with\s+(?:a|an|the|my|some)\s+(?:\w+\s+)?(?:bottle|box|packet|pack|"
        r"handful|load|stash)\s+of\s+(?:\w+\s+)?(?:pills|tablets|meds|painkillers|" + NOTE_DRUG + r")\b"
        r"|\b(?:bottle|box|packet|pack|handful|load|stash)\s+of\s+(?:\w+\s+)?(?:pills|tablets|meds|painkillers)\b"
        r"[^\n]{0,80}?\b(?:mum|dad|she|he|they|someone|my\s+\w+)\s+found\s+me\b",
    ),
    _rule(
        "attempt_woke_icu_took",
        ATTEMPT,
        r"\bwoke\s+(?:up\s+)?in\s+(?:icu|itu|intensive\s+care|resus|hospital|a&e|the\s+er|the\s+icu)\b"
        r"(?=[^\n]{0,120}\b(?:taking|took|swallowing|swallowed|downing|downed)\s+(?:all\s+(?:of\s+)?)?(?:the|my|his|"
        r"her)\s+(?:\w+\s+)?(?:pills|tablets|meds|"
        + NOTE_DRUG
        + r")\b[^\n]{0,30}?\b(?:all\s+of\s+(?:it|them)|"
        r"every\s+(?:one|last)|the\s+lot|then\s+nothing|whole)\b)"
        r"(?![^\n]{0,160}\b(?:accident\w*|by\s+mistake|wrong\s+dose|hypo)\b)",
    ),
    _rule(
        "attempt_trying_end_it_ward",
        ATTEMPT,
        r"\b(?:me|my)\s+(?:trying|tryin|attempting|try)\s+to\s+(?:end\s+it|end\s+my\s+life|kill\s+myself|die)\b"
        r"[^\n]{0,40}?\b(?:is|was)\s+(?:why|how)\s+(?:i'?m|im|i\s+am|i\s+ended\s+up|i\s+got)\b",
    ),
    _rule(
        "attempt_wrist_cut_waiting",
        ATTEMPT,
        r"\b(?:cut|slit|sliced|opened)\s+(?:my|her|his|their)\s+(?:wrists?|veins?|arm)\s+(?:open\s+|deep\s+)?"
        r"(?:[^\n]{0,60}?\b(?:sat|lay|laid|got|waited|sitting|lying)\s+(?:down\s+)?in\s+the\s+(?:bath|tub|shower)|"
        r"[^\n]{0,60}?\bwaiting\s+(?:to\s+(?:die|bleed|go|pass\s+out)|for\s+it\s+to\s+(?:end|be\s+over))|"
        r"[^\n]{0,60}?\bbleed\s+out)\b"
        r"(?![^\n]{0,60}\b(?:accident\w*|by\s+mistake|glass\s+broke|on\s+a\s+(?:tin|can|knife))\b)",
    ),
    _rule(
        "note_ingestion_intent",
        ATTEMPT,
        r"\b(?:ingest(?:ed|ing)?|took|taking|swallowed|swallowing)\s+(?:approx\.?\s+|~\s*|about\s+|around\s+)?"
        r"(?:[1-9]\d|\d{3})\s*(?:x\s*)?(?:\w+\s+){0,2}?(?:" + NOTE_DRUG + r"|pills|tablets|tabs|capsules)\b"
        r"[^\n]{0,40}?\b(?:with\s+(?:suicidal\s+)?intent|intending\s+to\s+die|to\s+end\s+(?:her|his|their|my)\s+"
        r"life|meaning\s+to\s+die)\b",
    ),
    _rule(
        "prep_height_visited_edge",
        BEHAVIOR,
        r"\b(?:went|go|going|climbed|walked|drove|got)\s+(?:up\s+)?(?:to\s+)?the\s+(?:top|roof|top\s+floor|top\s+deck)\s+"
        r"of\s+(?:the|a)\s+(?:\w+\s+)?(?:car\s+park|multi-?storey|parking\s+(?:garage|structure)|bridge|"
        r"building|tower|block)\b[^\n]{0,60}?\b(?:looked|stared|staring|looking|leaned|leaning|peered)\s+"
        r"(?:over|down|off)\b(?:\s+the\s+(?:edge|side|railing|barrier|drop))?"
        r"(?![^\n]{0,60}\b(?:view|sunset|sunrise|photo\w*|fireworks|skyline|parked|find\s+(?:my|the)\s+car)\b)",
    ),
    _rule(
        "ligature_fashioned",
        BEHAVIOR,
        r"\bligatures?\s+(?:\w+\s+)?(?:fashioned|made|improvised|fabricated|constructed|tied|created)\s+(?:from|out\s+of|"
        r"with|using)\b"
        r"|\b(?:rope|cord|belt|sheet|bedsheet|flex|cable|scarf|dressing\s+gown\s+cord|lead)\b[^\n.]{0,40}?\b(?:tied|"
        r"knotted|fashioned|made)\s+(?:in|into)\s+(?:a\s+|the\s+)?(?:loop|noose|ligature)\b"
        r"(?![^\n]{0,60}\b(?:boat|sail\w*|scouts?|climb\w*|craft\w*|macrame|knots?\s+class|swing|dog|horse|tent|"
        r"washing|curtain)\b)",
    ),
    _rule(
        "prep_heights_researched",
        BEHAVIOR,
        r"\b(?:research(?:ed|ing)?|search(?:ed|ing)?|googl(?:ed|ing)|look(?:ed|ing)\s+up|check(?:ed|ing)(?:\s+out)?)\s+"
        r"(?:online\s+)?(?:for\s+)?(?:how\s+(?:high|tall|far\s+down)|the\s+heights?\s+of|heights?\s+of|the\s+drop\s+"
        r"(?:from|of|off)|how\s+far\s+the\s+drop)\s+(?:\w+\s+){0,3}?(?:car\s+parks?|parking\s+(?:garage|structure|"
        r"lot)s?|multi-?storeys?|bridges?|foot\s?bridges?|buildings?|cliffs?|towers?|blocks?|roofs?|overpass\w*|"
        r"flyovers?|viaducts?)\b"
        r"(?![^\n]{0,80}\b(?:photo\w*|drone|project|homework|view|skyline|architect\w*|survey\w*|quiz|van|lorry|"
        r"truck|clearance|climb\w*|trip|hik\w*|holiday|walk\w*|abseil\w*|route|geography|class|bungee|zip\s?line)\b)",
    ),
    _rule(
        "prep_goodbye_drafted",
        BEHAVIOR,
        r"(?:\b(?:typed|wrote|written|drafted|writing|drafting|recorded|composed)\s+(?:out\s+|up\s+)?(?:a\s+|my\s+)?"
        r"goodbye\s+(?:msgs?|messages?|texts?|txts?|posts?|emails?|vids?|videos?|notes?|letters?)\b"
        r"(?=[^\n]{0,100}\b(?:drafts?|saved|not\s+sent|haven'?t\s+sent|havent\s+sent|unsent|scheduled|kept\s+it|"
        r"keeping\s+it|still\s+there|ready\s+to\s+(?:send|go)|for\s+when)\b)"
        r"|\b(?:scheduled|queued|set\s+up|timed)\s+(?:a\s+|my\s+)?goodbye\s+(?:msgs?|messages?|texts?|posts?|emails?|"
        r"tweets?|vids?|videos?)\b)"
        r"(?![^\n]{0,100}\b(?:team|colleagues|class|students|coworkers|co-workers|office|staff|leaving\s+do|new\s+job|"
        r"moving|retir\w+|last\s+day|farewell)\b)",
    ),
    _rule(
        "prep_letters_left_unread",
        BEHAVIOR,
        r"\b(?:wrote|written|writing|write)\s+(?:a\s+|some\s+)?(?:letters?|notes?|cards?)\s+(?:to|for)\s+[^\n]{0,60}?"
        r"(?=[^\n]{0,120}\b(?:(?:nobody|no\s+one|no-one)\s+(?:needs?|has|is)\s+(?:to\s+)?(?:read|see|find|open)\s+"
        r"(?:them|it)\s+yet|(?:read|open|find)\s+(?:them|it)\s+(?:until|till|til)\s+after|for\s+after\s+i'?m|"
        r"(?:under|behind)\s+(?:my|the)\s+bed)\b)"
        r"(?![^\n]{0,140}\b(?:thank\w*|christmas|birthday|santa|pen\s?pal|complaint|council|application|valentine\w*|"
        r"love\s+letters?|time\s+capsule|anniversary|wedding|baby)\b)",
    ),
    _rule(
        "prep_rope_again",
        BEHAVIOR,
        r"\b(?:bought|buying|got|ordered|picked\s+up)\s+(?:a\s+|some\s+)?(?:second|another|2nd|new|spare|stronger|thicker|"
        r"longer)\s+(?:length\s+of\s+|piece\s+of\s+)?(?:rope|noose)\b"
        r"(?![^\n]{0,80}\b(?:boat|tent|climb\w*|washing|clothes\s*line|swing|dog|tow\w*|garden|camp\w*|sail\w*|gym|"
        r"skipping|tug|allotment|hammock|pulley)\b)",
    ),
    _rule(
        "prep_water_night",
        BEHAVIOR,
        r"\b(?:standing|stood|waded|wading|walked|walking)\s+(?:out\s+)?(?:in|into)\s+the\s+(?:river|sea|lake|canal|"
        r"reservoir|loch|estuary|quarry)\b(?=[^\n]{0,60}\b(?:up\s+to\s+my\s+(?:waist|chest|neck|chin|shoulders)|"
        r"at\s+[1-5]\s*(?:am|a\.m\.)|in\s+the\s+(?:dark|middle\s+of\s+the\s+night))\b)"
        r"(?![^\n]{0,80}\b(?:swim\w*|paddl\w*|fishing|dog|kayak\w*|surf\w*|wetsuit|holiday|beach\s+day|photo\w*|"
        r"baptis\w*|kids?)\b)",
    ),
    _rule(
        "prep_affairs_tied_off",
        BEHAVIOR,
        r"\b(?:sold|gave\s+away|paid\s+back|paid\s+off|rehomed|cancelled)\b[^\n]{0,120}?\b(?:tying\s+(?:things|it\s+all|"
        r"everything)\s+(?:off|up)|tied\s+(?:things|it\s+all|everything)\s+(?:off|up)|(?:my\s+)?affairs\s+in\s+order|"
        r"(?:putting|put)\s+(?:things|everything)\s+in\s+order|so\s+(?:nobody|no\s+one)\s+(?:has|needs|is\s+left)\s+to)\b"
        r"(?![^\n]{0,120}\b(?:moving|move|emigrat\w*|new\s+job|wedding|business|holiday|travel\w*|gap\s+year|uni|"
        r"divorce|baby|mortgage|flat|house)\b)",
    ),
    _rule(
        "harm_sharpener_blade",
        BEHAVIOR,
        r"\b(?:opened|took|got|pulled|broke|prised|prized|removed|taken)\s+(?:out\s+)?(?:the\s+|a\s+)?(?:razor|blade)s?\s+"
        r"(?:out\s+of|from)\s+(?:the\s+|a\s+|my\s+)?(?:pencil\s+)?sharpener\b"
        r"(?![^\n]{0,80}\b(?:art|craft|model|project|class|lesson|school\s+project)\b)",
    ),
    _rule(
        "harm_marks_hidden",
        BEHAVIOR,
        r"\b(?:the\s+)?(?:lines|cuts|slashes|scratches|burns|marks)\s+on\s+my\s+" + H195_BODY + r"\b"
        r"(?=[^\n]{0,60}\b(?:deeper|fresh|new\s+ones|(?:nobody|no\s+one|no-one)\s+(?:sees|can\s+see|will\s+see|"
        r"notices)|under\s+(?:my\s+)?(?:jeans|sleeves|long\s+sleeves|hoodie|trousers|tights)|keep\s+(?:them\s+)?"
        r"hidden|hide\s+them)\b)"
        r"(?![^\n]{0,80}\b(?:stretch|tan|pen|marker|sharpie|tattoo|eczema|cat|kitten|dog|bramble|rash|sunburn|"
        r"surgery|operation)\b)",
    ),
    _rule(
        "note_wound_owned",
        BEHAVIOR,
        r"\b(?:lacs?|lacerations?|cuts|incisions|scratches|burns|wounds)\s+(?:\w+\s+){0,2}?(?:to\s+|on\s+|of\s+)?"
        + H195_BODY
        + r"\b(?=[^\n]{0,100}\b(?:(?:pt|cl|client|patient|she|he|they)\s+(?:\w+\s+)?(?:states?|stated|reports?|"
        r"reported|admits?|admitted|acknowledg\w*|confirms?|confirmed|says|said|disclosed)\s+(?:\w+\s+){0,2}?"
        r"(?:used|using|self[\s-]?inflicted|did\s+(?:it|this)|with\s+(?:a\s+)?(?:blade|razor|knife|glass|scissors))|"
        r"used\s+(?:a\s+)?(?:blade|razor|knife|glass|scissors))\b)"
        r"(?![^\n]{0,120}\b(?:accident\w*|fell|fall|dog|cat|work\s+injury|not\s+self|denies\s+self)\b)",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_cssrs_item_yes",
        IDEATION,
        r"\bc-?ssrs\b[^\n:]{0,12}?\b(?:q|item|question)\s*[1-5]\b[^\n:]{0,60}[:\-\u2013]\s*(?:yes|y|endorsed|positive|"
        r"\+ve)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_cssrs_screen_positive",
        IDEATION,
        r"\bc-?ssrs\s+(?:screen(?:ing)?\s+|score\s+)?(?:was\s+|is\s+|:\s*)?(?:positive|\+ve|pos)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "note_cssrs_behaviour_yes",
        BEHAVIOR,
        r"\bc-?ssrs\b[^\n:]{0,12}?\b(?:q|item|question)\s*6\b[^\n:]{0,60}[:\-\u2013]\s*(?:yes|y|endorsed|positive|"
        r"\+ve)\b",
        kinds=SESSION_KINDS,
    ),
    _rule(
        "think_about_dying_often",
        IDEATION,
        r"\bi(?:\s+(?:still\s+|often\s+|just\s+)?think|\s+keep\s+thinking|'?m\s+(?:still\s+)?thinking|\s+am\s+thinking)\s+"
        r"about\s+(?:dying|being\s+dead|killing\s+myself|suicide|"
        r"ending\s+it|ending\s+my\s+life|not\s+being\s+here|not\s+being\s+alive)\b(?=[^\n]{0,30}\b(?:most\s+days|"
        r"every\s+day|everyday|all\s+the\s+time|a\s+lot|daily|constantly|every\s+night|nightly|most\s+nights)\b)"
        r"(?![^\n]{0,80}\b(?:passed|died|funeral|what\s+happens|afterlife|heaven|getting\s+old|ageing|aging|"
        r"grandad|grandma|nan|my\s+(?:mum|dad|mother|father)\s+(?:is|was)|podcast|book|essay|but\s+(?:that|now)|"
        r"now\s+i|not\s+anymore|no\s+longer)\b)",
    ),
)
RULES = RULES + H195_RULES
# 2.16.2 (h185): the rules the shipped sentence and level models were not trained with. Their hits raise the entry's
# level as any rule does, but the models read each text as the lexicon without them gave it (its blanks, features
# and blocks: ``risk.model_hits``), in training and at screening alike, so the models read what they were trained on
# (``test_artefact.py``: the bank's training inputs unchanged) until the next retrain takes them in.
UNTRAINED_RULES = frozenset(
    r.name
    for r in (
        *H185_ATTEMPT_RULES,
        *H185_PREP_RULES,
        *H185_HARM_RULES,
        *H185_WISH_RULES,
        *H190_RULES,
        *H191_RULES,
        *H195_RULES,
    )
)


def _h185_window(ctx: Context, m: re.Match[str], after: int = 1, before: int = 0) -> tuple[int, int]:
    """2.16.2 (h185): the sentence of ``m``, the ``before`` sentences before it and the ``after`` ones following it."""
    if not ctx.sentences:
        return 0, len(ctx.norm)
    index = _sentence_of(ctx, m.start())
    s, e = ctx.sentences[index]
    s = min(s, ctx.sentences[max(index - before, 0)][0])
    last = min(index + after, len(ctx.sentences) - 1)
    return s, max(e, ctx.sentences[last][1], m.end())


H185_TOLD: dict[str, tuple[re.Pattern[str], int]] = {
    # the drug is named and no "accidental" in its sentence: the rule's own words are the quantity
    "attempt_water_rescued": (
        re.compile(
            r"\b(?:pulled\s+(?:me|him|her|them)?\s*out|(?:was|got)\s+pulled\s+out|rescued|dragged\s+(?:me|him|her|"
            r"them)?\s*out|coastguard|lifeboat|rnli|hypotherm\w*|to\s+(?:die|drown|end\s+it)|attempt|icu|resus|"
            r"wanted\s+(?:to\s+)?(?:die|drown)|meaning\s+to|meant\s+to|intending\s+to|weights|stones\s+in\s+"
            r"(?:my|her|his|their)\s+pockets)\b"
        ),
        1,
    ),
    "attempt_jumped_injured": (
        re.compile(
            r"\b(?:(?:don'?t|didn'?t|do\s+not|can'?t)\s+remember\s+(?:landing|hitting|the\s+(?:fall|landing|ground))|"
            r"pins\s+in\s+(?:my|her|his)|metal\s?work|(?:fractur\w*|broke|broken|shattered|smashed)\s+(?:my\s+|her\s+|"
            r"his\s+|both\s+)?(?:pelvis|spine|back|vertebra\w*|legs|ankles|heels|hips)|asking\s+(?:me\s+)?why|"
            r"why\s+i\s+jumped|wheelchair|icu|intensive\s+care|survived|"
            # 2.16.4 (h191, frozen40-101): "both legs in metal frames", "6 weeks in hospital"
            r"(?:legs?|arms?|pelvis|ankles?)\s+in\s+(?:metal\s+)?(?:frames?|fixators?|casts?|plaster)|"
            r"external\s+fixators?|\d+\s+(?:weeks|months)\s+in\s+hospital)\b"
        ),
        2,
    ),
    "prep_given_away": (
        re.compile(
            r"\b(?:loose\s+ends|tying\s+up|tidying\s+up|affairs\s+in\s+order|won'?t\s+(?:need|be\s+(?:here|around))|"
            r"for\s+after|when\s+i'?m\s+gone|cancell?ed\s+(?:the|my)\s+(?:gym|membership|subscriptions?|"
            r"phone|contract))\b"
        ),
        2,
    ),
    "prep_note_after": (
        re.compile(
            r"\bfor\s+(?:\w+\s+){0,3}['\"‘’“”]?after\b(?!\s+(?:school|work|dinner|lunch|the|class|christmas|"
            r"the\s+\w+))|\bafter\s+i'?m\s+gone\b|\bwhen\s+i'?m\s+(?:gone|dead)\b|\bsuicide\s+note\b|"
            # hidden or kept on one, with the family it is for
            r"(?=[^\n]{0,120}\b(?:hidden|hid|tucked|they'?re\s+in|it'?s\s+in|in\s+(?:my|his|her)\s+(?:wallet|bag)))"
            r"[^\n]{0,120}\b(?:to|for)\s+(?:the|my|his|her|their)\s+(?:kids|children|son|daughter|boys|girls|mum|"
            r"mom|mother|mam|dad|father|nan|gran|grandma|wife|husband|partner|boyfriend|girlfriend|sister|brother|"
            r"family|parents)\b"
            # left where someone will find it
            r"|\bwhere\s+(?:my|his|her|their|the)\s+(?:\w+\s+)?(?:will|would|'ll|is\s+going\s+to)\s+find\s+it\b|"
            r"\bfor\s+(?:him|her|them|my\s+\w+)\s+to\s+find\b"
        ),
        1,
    ),
    "prep_date_event": (re.compile(r"."), 0),
    "prep_hose_car": (
        re.compile(
            r"\b(?:sat|sitting|parked\s+up|exhaust|fumes|tape|taped|engine\s+running|running\s+the\s+engine)\b"
        ),
        1,
    ),
    "prep_height_visited": (
        re.compile(
            r"\b(?:drove|went|walked|cycled|got\s+the\s+bus)\s+(?:there|to\s+it|up\s+there|out\s+there)\b"
            r"(?![^\n]{0,120}\b(?:photos?|pics?|view|sunset|sunrise|hike|hiking|picnic|tour|trains?|walk\s+the\s+dog|"
            r"lovely|beautiful|gorgeous)\b)"
            r"[^\n]{0,80}\b(?:sat|stood|waited|went\s+home|came\s+home|couldn'?t|didn'?t)\b"
        ),
        1,
    ),
    "prep_stash_added": (
        re.compile(
            r"\b(?:add(?:ed|ing)?\s+(?:them\s+|it\s+)?to\s+(?:the\s+ones|my\s+(?:stash|pile|collection|supply)|the\s+"
            r"(?:stash|pile|others|rest))|with\s+the\s+(?:others|rest|ones)\s+(?:under|in|behind)|under\s+(?:my|the|his|"
            r"her)\s+(?:bed|mattress|pillow)|hidden|hid|stash|the\s+ones\s+(?:under|in|behind))\b"
        ),
        1,
    ),
    "prep_found_with_means": (re.compile(r"."), 0),
    "prep_talked_down": (re.compile(r"."), 0),
    "prep_time_chosen": (
        re.compile(
            r"\b(?:it\s+(?:will|would|'ll)\s+be\s+(?:the\s+)?(?:tablets|pills|rope|" + NOTE_DRUG + r")|"
            r"(?:take|taking|use|using)\s+(?:the\s+|my\s+|all\s+(?:the\s+|my\s+)?)(?:tablets|pills|"
            r"rope|" + NOTE_DRUG + r"))\b"
        ),
        0,
    ),
    "self_harm_relapse": (
        re.compile(
            r"\b(?:relapsed?|relapsing|gone\s+(?:tonight|today|now)|it'?s\s+gone|broke\s+(?:it|my\s+streak)|"
            r"back\s+to\s+(?:day\s+)?(?:0|zero|one|1)|reset|streak\s+(?:is\s+)?(?:over|gone|broken|ended)|"
            r"cut\s+(?:again|tonight|today|last\s+night)|ruined\s+it)\b"
        ),
        1,
    ),
    "self_harm_cutting_again": (
        re.compile(
            r"\b(?:lacs?|lacerations?|superficial|sutures?|steri|stitches|bled|bleeding|blood|wounds?|x\s*\d+)\b"
        ),
        0,
    ),
    "wish_gone_for_good": (
        re.compile(
            r"\b(?:gone\s+gone|for\s+good|forever|permanently|from\s+(?:this|the)\s+(?:world|earth)|from\s+everything|"
            r"not\s+(?:be\s+)?(?:here|alive|around)|dead|die|dying)\b"
        ),
        1,
    ),
}


# an everyday use over time or for pain ("took a large amount of ibuprofen for my back over the week")
H185_FOR_PAIN = re.compile(
    r"\bfor\s+(?:the|my|her|his|a|their)\s+(?:\w+\s+)?(?:pain|ache|headache|migraine|cramps|period|cold|flu|fever|"
    r"toothache|back|knee|tooth)\b|\bover\s+(?:the|a)\s+(?:week|month|fortnight|few\s+(?:days|weeks))\b|\bprescribed\b"
)
H185_NOT_TO_DIE = re.compile(
    r"\b(?:not\s+to\s+die|not\s+(?:trying|wanting|meaning)\s+to\s+die|didn'?t\s+(?:want|mean|intend)\s+to\s+die|"
    r"no\s+(?:suicidal\s+)?intent(?:\s+to\s+die)?|denies\s+(?:suicidal\s+)?intent)\b"
)


# an itch's scratching ("scratching again, eczema's flared, bleeding") is no self-harm act
H185_ITCH = re.compile(r"\b(?:eczema|itch\w*|rash|hives|psoriasis|bites?|chicken\s?pox|dermatitis|scabies)\b")


# an act turned back by the writer ("… to end it, but I turned back at the slipway") is an aborted act, read by the
# rules of aborted acts (`behavior`), never as this attempt
H185_TURNED_BACK = re.compile(TURNED_BACK)


def _h185_told(ctx: Context, m: re.Match[str], rule: str) -> bool:
    pattern, after = H185_TOLD[rule]
    s, e = _h185_window(ctx, m, after, 1 if rule == "self_harm_relapse" else 0)
    if rule == "self_harm_cutting_again" and H185_ITCH.search(ctx.norm, s, e) is not None:
        return False
    if rule == "attempt_water_rescued" and H185_TURNED_BACK.match(ctx.norm, m.end(), e) is not None:
        return False
    return pattern.search(ctx.norm, s, e) is not None


def _h185_intent_denied(ctx: Context, m: re.Match[str]) -> bool:
    s, e = _h185_window(ctx, m, 1)
    return H185_NOT_TO_DIE.search(ctx.norm, s, e) is not None and H185_FOR_PAIN.search(ctx.norm, s, e) is None


def _h185_told_by(rule: str) -> Callable[[Context, re.Match[str]], bool]:
    def told(ctx: Context, m: re.Match[str]) -> bool:
        return _h185_told(ctx, m, rule)

    return told


def _h185_intent_not_denied(ctx: Context, m: re.Match[str]) -> bool:
    s, e = _h185_window(ctx, m, 0)
    return not _h185_intent_denied(ctx, m) and H185_FOR_PAIN.search(ctx.norm, s, e) is None


H185_NOT_BY_SELF = re.compile(
    r"\b(?:cat|cats|kitten|dog|dogs|puppy|rabbit|hamster|bird|parrot|brambles?|thorns?|rose\s+bush|barbed\s+wire|"
    r"fence|branches?)\b"
)
H185_WRITER_BEFORE = words(
    "i i've ive and then so just been was have had keep kept started again also still even literally basically "
    "finally accidentally today yesterday tonight"
)


def _h185_not_a_task(ctx: Context, m: re.Match[str]) -> bool:
    """A cut or a scratch with a tool in an everyday task or an accident ("cut my hand with a knife chopping onions"),
    or by an animal or a thorn ("The cat scratched my arms till they bled"), is no self-harm act; in a journal the word
    before the verb, if any in its sentence, is the writer's ("I", "and", "been", "kept" …)."""
    s, e = _h185_window(ctx, m, 0)
    if (
        EVERYDAY_TASK.search(ctx.norm, s, e) is not None
        or H185_NOT_BY_SELF.search(ctx.norm, s, e) is not None
    ):
        return False
    if ctx.kind in SESSION_KINDS:
        return True
    before = WORD.findall(ctx.norm, s, m.start())
    return not before or before[-1] in H185_WRITER_BEFORE


for _name in H185_TOLD:
    TOLD_IN_CONTEXT[_name] = _h185_told_by(_name)
TOLD_IN_CONTEXT["attempt_ingestion_amount"] = _h185_intent_not_denied
TOLD_IN_CONTEXT["self_harm_with_object"] = _h185_not_a_task
TOLD_IN_CONTEXT["note_self_harm_with_object"] = _h185_not_a_task
TOLD_IN_CONTEXT["self_poisoning_no_intent"] = _h185_intent_denied
ATTEMPT_ON_LIFE_BY_OTHER = re.compile(
    r"\b(?:was|were|been|being)\s+made\s+on\b|\b(?:murder\w*|assassin\w*|gunm[ae]n|hitm[ae]n|shot\s+at|ambush\w*|"
    r"hit\s+job|contract\s+on)\b"
)
OTHER_AGENTS = words(
    "someone somebody they he she gunman attacker stranger ex husband wife partner boyfriend girlfriend"
)


def _own_attempt_on_life(ctx: Context, m: re.Match[str]) -> bool:
    """2.16.0 (h180): "an attempt on my life" is the writer's act, not another's on them: no murder told in its
    sentence, and for "my" life no other agent before it without the writer ("someone made an attempt on my life")."""
    s, e = ctx.sentences[_sentence_of(ctx, m.start())] if ctx.sentences else (0, len(ctx.norm))
    if ATTEMPT_ON_LIFE_BY_OTHER.search(ctx.norm, s, e) is not None:
        return False
    if " my " not in f" {m.group()} ":
        return True
    before = set(WORD.findall(ctx.norm, s, m.start()))
    return not (before & OTHER_AGENTS) or bool(before & words("i i've ive i'd"))


TOLD_IN_CONTEXT["attempt_on_life"] = _own_attempt_on_life
# the intent to die stated in the act's sentence or the next two (not denied: "denies intent", "no intent")
INTENT_TOLD = re.compile(
    r"(?<!\bno\s)(?<!\bnil\s)(?<!\bdenies\s)(?<!\bdenied\s)(?<!\bwithout\s)\b(?:intent\s+(?:was\s+)?to\s+die|"
    r"intended\s+to\s+die|intending\s+to\s+(?:die|end\s+(?:her|his|their|my)\s+life|kill\s+(?:herself|himself|"
    r"themselves|myself))|with\s+(?:clear\s+|suicidal\s+)?intent|meant\s+it|wanted\s+to\s+die|wanting\s+to\s+die|"
    r"intent\s+(?:to\s+die\s+)?confirmed|suicidal\s+intent|wanted\s+to\s+end\s+(?:it|her\s+life|his\s+life|their\s+"
    r"life))\b"
)
INTENT_DENIED = re.compile(r"\b(?:denies|denied|denying|no|nil|not|without|never)\s+(?:\w+\s+)?$")


def _intent_told(ctx: Context, m: re.Match[str]) -> bool:
    """2.15.0 (h175): ``note_act_with_intent``'s act is read where its sentence or the next two state an intent to die
    that is not denied."""
    if not ctx.sentences:
        return False
    sentence = _sentence_of(ctx, m.start())
    start = ctx.sentences[sentence][0]
    end = ctx.sentences[min(sentence + 2, len(ctx.sentences) - 1)][1]
    return any(
        INTENT_DENIED.search(ctx.norm[max(start, i.start() - 30) : i.start()]) is None
        for i in INTENT_TOLD.finditer(ctx.norm, start, end)
    )


MUSIC_TOLD = re.compile(r"\b(?:concerts?|gigs?|mosh\w*|music|metal|band|festival|dance|dancing|rave|song)\b")


def _two_preparations(ctx: Context, m: re.Match[str]) -> bool:
    """2.15.0 (h175): ``preparation_combined`` is read where the text tells a second preparatory act of another kind
    (:data:`PREP_KINDS`) and names no everyday purpose (:data:`COMBINED_EVERYDAY`)."""
    if COMBINED_EVERYDAY.search(ctx.norm) is not None:
        return False
    return sum(1 for kind in PREP_KINDS if kind.search(ctx.norm) is not None) >= 2


def _not_music(ctx: Context, m: re.Match[str]) -> bool:
    """2.15.0 (h175): head-banging is self-harm where its sentence tells of no music."""
    if "bang" not in m.group():
        return True
    s, e = ctx.sentences[_sentence_of(ctx, m.start())] if ctx.sentences else (0, len(ctx.norm))
    return MUSIC_TOLD.search(ctx.norm, s, e) is None


def _not_assault(ctx: Context, m: re.Match[str]) -> bool:
    """2.15.0 (h175): "SA" is a suicide attempt only in a sentence that names no sexual assault; a note's history of an
    attempt is read only where its sentence does not close it ("hx of OD 2015, none since": the recovery reading of
    a note's history, h134's)."""
    s, e = ctx.sentences[_sentence_of(ctx, m.start())] if ctx.sentences else (0, len(ctx.norm))
    if HISTORY_CLOSED.search(ctx.norm, s, e) is not None:
        return False
    if BARE_ATTEMPT.fullmatch(m.group()) is not None and not _attempt_sense(ctx, m, s, e):
        return False
    if not re.search(r"\bsas?\b", m.group()):
        return True
    return ASSAULT_TOLD.search(ctx.norm, s, e) is None and SA_BY.match(ctx.norm, m.end()) is None


# 2.15.3 (h179, rule in docs/risk.md written before frozen36 is read; frozen35-091, "Hx: IVF attempts x2
# unsuccessful"): a bare "attempt(s)" (a count, "previous", "prior") is read only where its sentence or the heading of
# its line names a suicide or self-harm sense, or under a risk heading; an attempt at or of something, or named by its
# object (IVF, an exam, a driving test, quitting …), is another sense, under a risk heading too.
BARE_ATTEMPT = re.compile(r"(?:previous|prior)\s+attempts?|attempts?\s*x\s*\d+")
ATTEMPT_SENSE = re.compile(
    r"\b(?:sas?|si|suicid\w*|od|ods|od'd|overdos\w*|hang\w*|ligature\w*|self[\s-]?harm\w*|sh|dsh|life|lives|kill\w*|"
    r"cut|cutting|cuts|tablets|pills|paracetamol|poison\w*|jump\w*|drown\w*|strangul\w*|suffocat\w*|asphyxi\w*|"
    r"exhaust|carbon\s+monoxide|co|charcoal|gas|bleach|antifreeze|knife|blade|belt|cord|firearm|gun\w*|train|rail|"
    r"bridge|noose|rope|means|method)\b"
)
RISK_HEADING = re.compile(
    r"(?:^|\n)\s*(?:risk(?:\s+(?:hx|history|assessment|summary))?|hx\s+of\s+sas?|previous\s+attempts|"
    r"suicide\s+attempts?|self[\s-]?harm(?:\s+hx)?)\s*:[^\n]*$"
)
OTHER_ATTEMPT = re.compile(
    r"\b(?:ivf|icsi|iui|embryo|conceiv\w*|conception|pregnan\w*|fertility|exams?|test|tests|record|quit\w*|stop\w*"
    r"|smoking|recipe|recipes|task|tasks|job|jobs|interview\w*|course|degree|marathon|rehab|detox|sobriety|abstinence|"
    r"diet\w*|weight\s+loss|adoption|reconciliation|retake\w*|resit\w*|application\w*|driving)\b"
)


def _attempt_sense(ctx: Context, m: re.Match[str], s: int, e: int) -> bool:
    """2.15.3 (h179): whether a bare "attempt(s)" is an attempt on one's life: no other sense named by its object (the
    three words before it, or "at"/"of" after it), and a suicide or self-harm word in its sentence or its line's
    heading, or a risk heading above it."""
    before = ctx.norm[max(0, m.start() - 40) : m.start()]
    if OTHER_ATTEMPT.search(" ".join(before.split()[-3:])) is not None:
        return False
    if re.match(r"\s+(?:at|of)\b", ctx.norm[m.end() :]) is not None:
        return False
    line_start = ctx.norm.rfind("\n", 0, m.start()) + 1
    if ATTEMPT_SENSE.search(ctx.norm, min(s, line_start), e) is not None:
        return True
    return (
        RISK_HEADING.search(ctx.norm[: m.start()]) is not None
        or heading_above(ctx.norm, m.start()) is not None
    )


HISTORY_CLOSED = re.compile(
    r"\b(?:(?:none|nil|nothing|no\s+(?:further\s+|more\s+)?(?:attempts?|episodes?|ods?|overdoses?|sa|sh|self[\s-]?harm))"
    r"\s+(?:since|in\s+(?:the\s+)?(?:last\s+|past\s+)?\d+\s*(?:yrs?|years?|months?|mths?))|(?:none|nil)\s+for\s+\d+"
    # 2.16.5 (h195, frozen41-160): "10 yrs abstinent", "6 years clean", "sh-free for 5 years"
    r"|\d+\s*(?:yrs?|years?)\s+(?:abstinent|clean|sh[\s-]?free|harm[\s-]?free|free\s+of\s+(?:it|sh|self[\s-]?harm)))\b"
)


def _no_ending(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    """2.14.0 (h167): medicine saved up ("saving up my tablets", an existing rule's reading) for an everyday purpose
    named in its sentence ("before the pharmacy's holiday closure"), with no ending cue, is everyday."""
    if rule.name != "preparation_means" or not ctx.sentences or STOCKPILE_VERB.search(m.group()) is None:
        return False
    start, end = ctx.sentences[sentence]
    window = ctx.norm[start:end]
    return ENDING_CUES.search(window) is None and EVERYDAY_CUES.search(window) is not None


# 2.14.0 (h167): a thing round one's neck is a hanging only where its sentence tells of one (a chair, a knot, a pull, a
# fixing point, being found, cut down or stopping); a scarf or a tie worn against the cold or at a wedding is not
HANGING_TOLD = re.compile(
    r"\b(?:chair|stool|ladder|pull|pulled|pulling|tighten\w*|tied|tying|knot\w*|hook|beam|rafter|loft|hatch|rail|"
    r"banister|bannister|bar|bars|door|wardrobe|stood|standing|stand|got\s+down|get\s+down|stopped|stop|hang\w*|"
    r"hung|cut\s+(?:me|her|him|them|it)|cut\s+down|took\s+it\s+off|take\s+it\s+off|knocked|found|find|walked\s+in|"
    r"interrupted|ligature|noose|suicid\w*|die|dying|end\s+it)\b"
)


# a thing worn round the neck against the weather or for an occasion ("put my scarf round my neck, freezing")
NECK_WORN = re.compile(
    r"\b(?:freezing|cold|chilly|wind|windy|snow|snowing|rain|raining|warmth|fashion|outfit|costume|uniform|wedding|"
    r"interview|photo|photos|selfie|medal|lanyard|necklace)\b"
)


def _hanging_told(ctx: Context, m: re.Match[str]) -> bool:
    """2.14.0 (h167): ``attempt_interrupted``'s thing round a neck is read where its sentence tells of a hanging and
    not of a thing worn against the weather or for an occasion."""
    if "neck" not in m.group():
        return True
    start, end = ctx.sentences[_sentence_of(ctx, m.start())] if ctx.sentences else (0, len(ctx.norm))
    return (
        HANGING_TOLD.search(ctx.norm, start, end) is not None
        and NECK_WORN.search(ctx.norm, start, end) is None
    )


def _ending_told(ctx: Context, m: re.Match[str]) -> bool:
    """2.14.0 (h167): ``preparation_ending`` is read only where its sentence or the next holds an ending cue (after
    the act for "for good": "gave the cat away for good", not "leave Italy for good, … given the tools") and names
    no everyday purpose; otherwise the act is not read at all (no set-aside phrase: the sentence model reads the
    sentence as before)."""
    if not ctx.sentences:
        return False
    sentence = _sentence_of(ctx, m.start())
    start = ctx.sentences[sentence][0]
    end = ctx.sentences[min(sentence + 1, len(ctx.sentences) - 1)][1]
    window = ctx.norm[start:end]
    if EVERYDAY_CUES.search(window) is not None:
        return False
    return any(
        cue.group() != "for good" or cue.start() >= m.end()
        for cue in ENDING_CUES.finditer(ctx.norm, start, end)
    )


# 2.14.0 (h167): a figure of speech is never an act. A note's quoted description of a thing ("describes the mortgage
# as 'a noose round my neck'", "calls work 'a rope round her neck'", "says the job is 'a death sentence'"), a simile
# ("like a noose", "as if a rope were round my neck", "feels like drowning") and a metaphor whose subject is a thing
# ("the mortgage is a noose round my neck", "debt has become the noose") are set aside (``figurative``), each only
# where it holds an image of an act; the figure's own words are the evidence.
FIGURE_IMAGE = (
    r"(?:noose|nooses|rope|ropes|ligature|millstone|chain|chains|death\s+sentence|albatross|belt|cord|gallows|"
    r"drowning|suffocating|strangl\w+|killing\s+(?:me|her|him|them)|kill\s+(?:me|her|him|them)|hanging|hanged|"
    r"(?:dead|die|dying)\s+inside)"
)
FIGURE_IMAGE_WORDS = re.compile(r"\b" + FIGURE_IMAGE + r"\b")
FIGURE_THINGS = (
    r"(?:mortgage|mortgages|job|jobs|work|debt|debts|deadline|deadlines|loan|loans|rent|bills|exam|exams|course|degree|"
    r"business|contract|marriage|relationship|house|flat|tenancy|workload|overdraft|caring\s+role|role|boss|"
    r"office|career|dissertation|thesis|phd|finances|money|arrears|repayments|commute|shifts?|rota|situation|"
    r"diagnosis|benefits|universal\s+credit|court\s+case|divorce|inheritance|business\s+loan|credit\s+card)"
)
QUOTED = r"(?P<q>'[^'\n]{1,160}'|\"[^\"\n]{1,160}\"|“[^”\n]{1,160}”)"
# who or what a quotation describes: not a person, the self, nor a means ("describes herself as …", "calls the pills
# …" are read as they are)
NOT_A_THING = words(
    "herself himself themselves themself myself yourself her him them me she he they i you us we self pills tablets "
    "meds medication rope blade blades razor razors noose ligature belt cord knife gun plan plans note letter thoughts "
    "urges feelings wish wishes intent"
)
FIGURATIVE = (
    re.compile(
        r"\b(?:describes?|described|describing|calls?|called|calling|refers?\s+to|referred\s+to|referring\s+to|"
        r"likens?|likened|compares?|compared)\s+(?P<x>(?:[a-z0-9'-]+\s+){0,4}?)(?:as\s+|to\s+)?(?:being\s+)?"
        + QUOTED
    ),
    re.compile(
        r"\b(?:says?|said|saying|feels?|felt|thinks?|thought)\s+(?:that\s+)?(?P<x>(?:[a-z0-9'-]+\s+){1,3}?)(?:is|was|"
        r"'s|are|were|feels\s+like|felt\s+like|has\s+become|had\s+become|became)\s+(?:like\s+)?" + QUOTED
    ),
    re.compile(
        r"(?<!\bwould\s)(?<!'d\s)(?<!\bi\s)(?<!\bwe\s)(?<!\bthey\s)(?<!\bshe\s)(?<!\bhe\s)(?<!\bdon't\s)(?<!\bdidn't\s)"
        r"\b(?:like|as\s+if|as\s+though)\s+(?:there\s+(?:is|was|were)\s+)?(?:['\"]\s*)?(?:an?|the|some|my|her|his)\s+"
        r"(?:[a-z'-]+\s+)?(?:noose|rope|ligature|millstone|chain|belt|cord|death\s+sentence|gallows)\b"
        r"(?:[^.!?\n;]{0,40}?\bneck\b)?"
        r"|\b(?:feels?|felt|feeling)\s+like\s+(?:i'?m\s+|i\s+am\s+|i\s+was\s+|she'?s\s+|he'?s\s+|they'?re\s+|"
        r"(?:she|he|they)\s+(?:is|are|was|were)\s+)?(?:drowning|suffocating|being\s+(?:strangled|hanged|choked))\b"
    ),
    re.compile(
        r"\b(?:the\s+|this\s+|that\s+|my\s+|her\s+|his\s+|their\s+|our\s+)?(?:[a-z'-]+\s+)?"
        + FIGURE_THINGS
        + r"\s+(?:is|was|'s|are|were|feels\s+like|felt\s+like|has\s+become|had\s+become|became|like|as)\s+"
        r"(?:['\"]\s*)?(?:(?:an?|the|my|her|his|their)\s+)?(?:[a-z'-]+\s+)?(?:noose|rope|ligature|millstone|chain|"
        r"death\s+sentence|albatross|gallows)\b(?:[^.!?\n;]{0,40}?\bneck\b)?"
    ),
)


# 2.15.0 (h175, rule in docs/risk.md written before frozen33 is read): the image of any method — a jump, leap or fall
# off a height, drowning, poison, a gun, a bullet, an overdose — is a figure where it is told with joy or excitement
# ("could've jumped off a cliff with joy", "so happy I could jump off a bridge"), as a decision about a job or a plan
# ("handing in my notice felt like jumping off a cliff", "jumped off a cliff and quit my job") or quoted as a phrase in
# a note ("used the phrase 'jumped off a cliff' re leaving her job"); never where its sentence holds a real act's or
# wish's words (``REAL_ACT_WORDS``)
HEIGHT = r"(?:cliff|cliffs|bridge|roof|rooftop|building|balcony|window|ledge|tower|pier|edge|multi[\s-]?storey|top\s+floor)"
JUMP_IMAGE = (
    r"(?:jump|jumps|jumped|jumping|leap|leaps|leapt|leaped|leaping|fall|falls|fell|falling|dive|dived|diving|"
    r"(?:throw|throws|threw|throwing)\s+(?:myself|herself|himself|themselves))\s+(?:off|from|out\s+of)\s+"
    r"(?:(?:a|an|the|my|that|this)\s+)?(?:[a-z'-]+\s+)?" + HEIGHT
)
METHOD_IMAGE = (
    r"(?:" + JUMP_IMAGE + r"|drown|drowns|drowned|drowning|poison|poisoned|poisoning|gun|guns|bullet|bullets|"
    r"overdos(?:e|ed|es|ing))"
)
METHOD_IMAGE_WORDS = re.compile(r"\b" + METHOD_IMAGE + r"\b")
JOY = r"(?:joy|happiness|excitement|glee|delight|pride|relief|elation)"
JOY_STATE = (
    r"(?:happy|excited|thrilled|chuffed|elated|giddy|ecstatic|overjoyed|buzzing|hyped|pumped|stoked|delighted|proud|"
    r"relieved|made\s+up|over\s+the\s+moon)"
)
# a decision about a job or a plan as the image's subject
DECISION = (
    r"(?:quitting|resigning|leaving|handing\s+in\s+(?:my|her|his|their|the)\s+notice|moving|going\s+(?:freelance|"
    r"self-employed|part-time)|signing|starting|(?:the|that|this|my|her|his)\s+(?:decision|move|leap|resignation|"
    r"career\s+change)|" + FIGURE_THINGS + r")"
)
DECISION_VERB = (
    r"(?:quit|resigned|handed\s+in|left|signed|booked|bought|moved|started|enrolled|applied|went\s+freelance|said\s+"
    r"yes|took\s+the\s+job|accepted)"
)
METHOD_FIGURES = (
    re.compile(
        r"\b"
        + METHOD_IMAGE
        + r"\b[^.!?;\n]{0,30}?\b(?:with|for|from|out\s+of)\s+(?:sheer\s+|pure\s+)?"
        + JOY
        + r"\b"
    ),
    re.compile(
        r"\b(?:so|too|that|really)\s+(?:\w+\s+)?"
        + JOY_STATE
        + r"\b[^.!?;\n]{0,30}?\b(?:could|could've|coulda|could\s+have|"
        r"nearly|almost|might\s+have|might've)\s+(?:\w+\s+)?" + METHOD_IMAGE + r"\b"
    ),
    re.compile(
        r"\b"
        + DECISION
        + r"(?:\s+(?!(?:i|i'm|im|i've|me|she|he|they|we|you|and|but|so|then)\b)[a-z'-]+){0,4}?"
        r"(?:\s+|'s\s+)(?:is|was|felt|feels|seemed|seems)?\s*(?:just\s+)?(?:like|as\s+if|"
        r"as\s+though)\s+(?:[a-z'-]+\s+){0,3}?" + METHOD_IMAGE + r"\b"
    ),
    re.compile(r"\b" + JUMP_IMAGE + r"\s+and\s+(?:just\s+|then\s+)?" + DECISION_VERB + r"\b"),
    re.compile(
        r"\b(?:used|uses|using|use)\s+the\s+(?:\w+\s+)?(?:phrase|expression|words?|term|image|metaphor|idiom|saying)\s+"
        r"(?:of\s+)?" + QUOTED
    ),
)
QUOTED_SELF = words("i i'll i'm i'd i've im ill id ive me myself")
REAL_ACT_WORDS = re.compile(
    r"\b(?:die|dies|died|dying|dead|death|kill|kills|killed|killing|suicid\w*|end\s+it|end\s+(?:my|her|his|their)\s+"
    r"life|intent|intended|intending|meant\s+it|tried|try|trying|attempt\w*|si|wish|wished|wanted\s+to\s+go|for\s+real|"
    r"really\s+did)\b"
)


def _real_act_told(norm: str, start: int, end: int) -> bool:
    """2.15.0 (h175): the sentence of a figure's span holds a real act's or wish's words, not denied ("no SI", "denies
    intent" tell of none)."""
    s = max(norm.rfind(c, 0, start) for c in ".!?\n") + 1
    found = [i for i in (norm.find(c, end) for c in ".!?\n") if i >= 0]
    return any(
        REAL_DENIED.search(norm, max(s, w.start() - 16), w.start()) is None
        for w in REAL_ACT_WORDS.finditer(norm, s, min(found) if found else len(norm))
    )


REAL_DENIED = re.compile(r"\b(?:no|nil|denies|denied|denying|not|never|without)\s+(?:\w+\s+)?$")


def figurative_spans(norm: str) -> tuple[tuple[int, int], ...]:
    """The figures of speech of :data:`FIGURATIVE` in ``norm``: a quotation only where it describes a thing (not a
    person, the self or a means) and holds an image of an act; a simile and a thing's metaphor as matched. 2.15.0
    (h175): a method told as a figure (:data:`METHOD_FIGURES`), and a quotation of a thing holding a method image, only
    where its sentence tells no real act or wish."""
    spans = []
    for pattern in FIGURATIVE:
        for m in regex_gate.finditer(pattern, norm):
            if "q" in m.groupdict() and m.group("q") is not None:
                head = WORD.findall(m.group("x"))[-1:]  # "her overdraft": the overdraft; "her": a person
                if set(head) & NOT_A_THING:
                    continue
                if not FIGURE_IMAGE_WORDS.search(m.group("q")) and not (
                    METHOD_IMAGE_WORDS.search(m.group("q")) and not _real_act_told(norm, m.start(), m.end())
                ):
                    continue
            spans.append((m.start(), m.end()))
    for pattern in METHOD_FIGURES:
        for m in regex_gate.finditer(pattern, norm):
            if "q" in m.groupdict() and m.group("q") is not None:
                quote = m.group("q")
                if not (FIGURE_IMAGE_WORDS.search(quote) or METHOD_IMAGE_WORDS.search(quote)):
                    continue
                if set(WORD.findall(quote)) & QUOTED_SELF:  # the client's own words: "I'll just jump …"
                    continue
            if not _real_act_told(norm, m.start(), m.end()):
                spans.append((m.start(), m.end()))
    return tuple(spans)


# Contexts where a would-be trigger means something else. A figure-of-speech match also suppresses any
# trigger it overlaps; it is reported even when nothing overlaps, so the reader sees what was set aside.
NOT_A_DRUG = (
    r"(?:chocolate|sugar|candy|sweets|caffeine|coffee|cake|cakes|cookies|biscuits|pizza|carbs|netflix|tv|television|"
    r"telly|sunshine|sun|cheese|ice\s+cream|crisps|chips|junk\s+food|snacks|cuteness|nostalgia|love|drama|work|"
    r"episodes|podcasts|memes|true\s+crime|christmas|tea|energy\s+drinks|red\s+bull|garlic|carols|kindness|"
    r"screen\s+time|social\s+media|tiktok|youtube|anime|k-?dramas?|music|taylor\s+swift|fries|pasta|bread|popcorn|"
    r"halloween\s+candy|easter\s+eggs|mince\s+pies|fudge|donuts|doughnuts|cereal|gossip|news|studying|revision|"
    r"games|gaming|self[\s-]?help|motivation|positivity|cheesy\s+\w+|rom-?coms|sequels|spreadsheets|meetings|"
    # found on the second frozen batch after its one measurement ("I overdosed on box sets" read as an attempt)
    r"box\s*sets?|boxsets?|series|shows|films|movies|dramas|reality\s+tv|soaps|crime\s+dramas|"
    # the lead's amendment to 2.15.1 (an overdose of a thing is a figure only for a thing on this list)
    r"fresh\s+air|sea\s+air|country\s+air|mountain\s+air|"
    # 2.16.2 (h185, frozen38-127, frozen37-011): sweets and flavours by a sweet shop's or a café's own names
    r"pick\s*(?:n|'n'|'n|n'|and|&)\s*mix|haribo|skittles|starburst|maltesers|jelly\s+babies|jelly\s+beans|"
    r"marshmallows|pumpkin\s+spice(?:\s+\w+)?|sushi|cupcakes|toffee|sherbet|lollies|lollipops)"
)

# 2.15.1 (h177, rule in docs/risk.md written before frozen34 is read; frozen33-014, -190): an overdose of or on a thing
# that is no drug ("took an overdose of sun", "overdosed on true-crime podcasts", "OD'd on box sets") is a figure of
# speech, whatever the thing: never where its first three words name a drug, a medicine, a poison or a substance
# (``DRUG``, ``NOTE_DRUG``, a drug name's ending), a count or a supply, a thing that may be a drug ("something",
# "whatever", "them"), or, after "on", a time, a place or a manner ("on Sunday", "on the ward", "on purpose"); nor in
# a sentence that tells of a real act's care or intent (``OVERDOSE_REAL``).
OVERDOSE_OF = re.compile(
    # 2.16.4 (h191, frozen40-077): the verb in quotes ("toddler 'overdosed' on Halloween sweets")
    r"\b(?:overdos(?:e|ed|es|ing)|od'd|od'ed|od'ing|oding|od|oded|o/d'?d)['\"‘’“”]?\s+(?P<prep>on|of)\s+['\"‘’“”]?"
    r"(?P<x>(?:[^.!?;,:\n()]|\.(?=\S)){1,60})"
)
OVERDOSE_NOT_A_THING = words(
    "something anything everything whatever stuff it them those these that this what all whole lot rest half "
    "some enough more most loads lots lot bunch bottle bottles box boxes pack packs packet packets strip strips "
    "blister supply stash month's week's months weeks worth dose doses handful few several dozen pills tablets "
    "meds medication medications medicine medicines drug drugs substance substances tabs caps capsules pill tablet "
    "painkillers prescription prescribed sleeping heroin cocaine coke crack ketamine mdma ecstasy spice xanax "
    "benzos opiates opioids methadone fentanyl alcohol vodka booze drink gin whisky whiskey wine beer cider spirits "
    "insulin paracetamol purpose impulse accident mistake own ward floor bathroom bedroom kitchen street bed "
    "sofa couch night weekend morning evening afternoon day birthday anniversary holiday christmas date days nights "
    "shift shifts leave break lunch vacation trip way approx approximately about around roughly nearly almost over "
    "oxy percs percocet vicodin norco fent lean molly "
    "one two three four five six seven eight nine ten twenty thirty forty fifty hundred"
)
OVERDOSE_DRUG = re.compile(
    r"\b(?:"
    + DRUG
    + r"|"
    + NOTE_DRUG
    + r"|lustral|cipralex|efexor|zispin|stilnoct|solpadeine|nytol|sominex|kalms|piriton|phenergan|promethazine|"
    r"diphenhydramine|antihistamines?|hay\s*fever|baclofen|methadone|buprenorphine|subutex|lamotrigine|valproate|"
    r"depakote|carbamazepine|tegretol|topiramate|haloperidol|clozapine|metformin|warfarin|digoxin|iron|vitamins?|"
    r"cough\s+(?:medicine|mixture|syrup)|calpol|laxatives?|[a-z]{3,}(?:olol|pril|sartan|statin|idone|azine|zepam|"
    r"zolam|xetine|pramine|pine|mazepine|done))\b"
)
OVERDOSE_DRUG_WORDS = words(
    "pills tablets meds medication medications medicine medicines drug drugs substance substances tabs caps capsules "
    "pill tablet painkillers prescription prescribed sleeping heroin cocaine coke crack ketamine mdma ecstasy spice "
    "xanax benzos opiates opioids methadone fentanyl alcohol vodka booze gin whisky whiskey wine beer cider spirits "
    "insulin paracetamol poison bleach"
)
SHORT_DAYS = words("mon tue tues wed weds thu thur thurs fri sat sun")
# The lead's amendment before frozen34 is read (a probe of drug names: "I overdosed on Benadryl / acetaminophen /
# NyQuil / melatonin / Adderall / GHB last night" were set aside as figures by the open rule, a real attempt silently
# dismissed): the thing must be one known to be no drug (:data:`NOT_A_DRUG`, the list the older figure readings use),
# so a name missing from every list errs toward the alarm, never toward silence.
OVERDOSE_FIGURE_THING = re.compile(NOT_A_DRUG + r"\b")
OVERDOSE_REAL = re.compile(
    r"\b(?:die|died|dying|dead|death|kill\w*|suicid\w*|intent\w*|hospital\w*|a\s*&\s*e|ae|ed|icu|ambulance|paramedics?|"
    r"pumped|admitted|bloods|antidote|parvolex|acetylcysteine|naloxone|narcan|toxbase|poisons|unconscious|"
    r"end\s+it|attempt\w*)\b"
)


# 2.16.0 (h180, frozen36-013 "Overdosed on mini eggs again"): the kinds of thing that are never a drug, read by the
# head noun of the thing's phrase (its last word before a word that ends the phrase: "mini eggs again" -> "eggs",
# "true crime podcasts" -> "podcasts", "Mario Kart all weekend" -> "kart"): foods and sweets, drinks other than
# alcohol, media and screens, hobbies and games, weather and nature, work and chores, people and social things. A word
# list, never an open "unknown = figure": a head on no list errs toward the alarm, as the lead's amendment to 2.15.1
# has it. Left out on purpose, for the street names they share: snow, ice, crystal, grass, weed, pot, coke, candy
# (already listed), brownies, gummies, mushrooms, beans, jellies, sherbet, juice, lean, syrup, salts, balloons, gas.
NEVER_A_DRUG_HEADS = words(
    # foods and sweets
    "egg eggs chocolates sweet sweets cake cakes cupcake cupcakes biscuit biscuits cookie cookies crisp crisps chip "
    "chips fries pizza pizzas pasta bread toast cheese sandwich sandwiches burger burgers sushi noodles ramen curry "
    "curries dumplings donut donuts doughnut doughnuts muffin muffins pancake pancakes waffle waffles pie pies pudding "
    "puddings dessert desserts gelato icecream cream mochi popcorn nachos tacos burritos chilli hummus olives fruit "
    "strawberries grapes apples bananas mango mangoes oranges cherries berries blueberries watermelon avocado "
    "avocados carbs sugar marshmallows haribo skittles smarties maltesers twix kitkat kitkats snickers nutella jam "
    "honey custard trifle meringue meringues croissant croissants pastries pastry scones crumpets bagels cereal "
    "porridge granola leftovers takeaway takeaways food snacks snack treats junk sprouts turkey roast gravy stuffing "
    "brie halloumi sprinkles frosting icing lollies lolly fudge toffee toffees caramel truffles cheesecake flapjacks "
    "gingerbread stollen panettone crackers peanuts nuts cashews bacon sausages steak chicken wings kebab kebabs fish "
    "salad soup veg vegetables broccoli kale spinach rice potatoes mash yoghurt yogurt dips chocolate carrots "
    # drinks other than alcohol
    "coffee coffees tea teas latte lattes espresso espressos cappuccino cappuccinos matcha smoothie smoothies "
    "lemonade soda sodas squash milkshake milkshakes milk water kombucha cocoa pepsi fanta sprite lucozade redbull "
    "boba frappuccino frappuccinos chai "
    # media and screens
    "netflix tv telly youtube tiktok instagram insta reels podcasts podcast audiobooks audiobook books book novels "
    "novel films film movies movie documentaries documentary series episodes episode shows show sitcoms sitcom "
    "soaps anime manga kdramas kdrama dramas drama news doomscrolling scrolling memes meme music songs song albums "
    "album playlists playlist spotify radio crime set sets romcoms romcom horror marvel disney content twitter "
    "reddit facebook media internet wikipedia gossip celebrity eurovision kpop reruns trailers videos video clips "
    "vlogs streams streaming twitch "
    # hobbies and games
    "games game gaming kart minecraft fortnite sudoku crosswords crossword wordle puzzles puzzle jigsaws jigsaw "
    "knitting crochet baking cooking gardening reading running exercise gym yoga pilates cardio football cricket "
    "rugby tennis golf shopping painting drawing lego chess karaoke dancing singing cycling swimming hiking walking "
    "camping crafts crafting sewing sims zelda pokemon tetris bingo quizzes trivia monopoly scrabble netball hockey "
    "skiing climbing bouldering parkrun "
    # weather and nature
    "sun sunshine rain heat air nature flowers stars sunsets sunset autumn leaves beach waves sea ocean sunlight "
    "daylight "
    # work and chores
    "work meetings meeting emails email spreadsheets spreadsheet overtime admin paperwork homework revision studying "
    "essays deadlines zoom calls chores cleaning laundry ironing diy housework marking "
    # people and social things
    "people socialising socializing family relatives talk parties party weddings cheer peopling hugs cuddles romance "
    "dating puppies kittens cats dogs cuteness nostalgia kindness positivity motivation optimism compliments praise "
    "attention christmas festivities"
)
# the words that end the thing's phrase, after its head noun
THING_PHRASE_ENDS = words(
    "again all this last at on in over during today tonight yesterday lol and with for zero so like till until every "
    "because since after before while which that when haha lmao omg tbh the then now too lately recently already or "
    "but yet as x just literally honestly this these those my her his their our whole entire whilst tho though"
)
# a word before the head that makes the thing a drug's form ("weed cookies", "space cake", "magic mushrooms")
DRUG_MODIFIERS = words(
    "weed pot hash cannabis thc cbd space magic special ganja skunk edible edibles ket mdma acid shroom shrooms "
    "sleeping cough diet slimming caffeine iron vitamin vitamins herbal melatonin valerian kratom opium poppy codeine "
    "sleep laced spiked dosed pill pills tablet tablets"
)


def _never_a_drug(thing: Sequence[str]) -> bool:
    """2.16.0 (h180): the thing's head noun (:data:`THING_PHRASE_ENDS`) is one of :data:`NEVER_A_DRUG_HEADS` (or its
    last two words are one of ``NOT_A_DRUG``'s), and no word before it makes it a drug's form."""
    phrase: list[str] = []
    for word in thing:
        if word in THING_PHRASE_ENDS and phrase:
            break
        phrase.append(word)
    if not phrase or any(w in DRUG_MODIFIERS or w in OVERDOSE_DRUG_WORDS for w in phrase):
        return False
    head = phrase[-1]
    if OVERDOSE_FIGURE_THING.fullmatch(" ".join(phrase[-2:])) or OVERDOSE_FIGURE_THING.fullmatch(head):
        return True
    return head in NEVER_A_DRUG_HEADS


def overdose_of_things(norm: str) -> tuple[tuple[int, int], ...]:
    """2.15.1 (h177): the spans of an overdose of or on a thing that is no drug (:data:`OVERDOSE_OF`): its first three
    words, hyphens and quote marks read as word breaks, name no drug, count, supply, vague thing or (after "on") time,
    place or manner, and its sentence tells of no real act's care or intent (:data:`OVERDOSE_REAL`)."""
    spans = []
    for m in OVERDOSE_OF.finditer(norm):
        thing = re.findall(r"[a-z0-9']+", m.group("x"))
        thing = [w for w in thing if w not in ("a", "an", "the", "my", "her", "his", "their", "your", "our")][
            :3
        ]
        if not thing or thing[0] in OVERDOSE_NOT_A_THING or any(c.isdigit() for c in m.group("x")):
            continue
        if any(w.endswith("'s") or w.endswith("s'") for w in thing):
            continue  # "overdosed on her mum's", "my brother's oxy": someone's supply, a medicine
        joined = " ".join(thing)
        if not OVERDOSE_FIGURE_THING.match(joined) and not _never_a_drug(thing):
            continue  # a thing not known to be no drug may be one ("overdosed on Benadryl"): read as an overdose
        if m.group("prep") == "on" and (re.match(A_DAY, joined) or thing[0] in SHORT_DAYS):
            continue  # "overdosed on Sat": when
        s = max(norm.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        ends = [i for i in (norm.find(c, m.end()) for c in ".!?\n") if i >= 0]
        sentence = norm[s : min(ends) if ends else len(norm)]
        if PLAYED_FRAME.match(sentence) or GAME_WORDS.search(sentence):
            continue  # "In the game I overdosed on potions": the played reading (``fiction``) tells it
        if OVERDOSE_REAL.search(sentence) or OVERDOSE_DRUG.search(sentence):
            continue  # a real act's care or intent, or a drug named in its sentence ("… the blue and white capsules")
        # 2.16.2 (h185, frozen37-011): "pumpkin spice" is a flavour, not Spice the drug
        if any(
            w in OVERDOSE_DRUG_WORDS
            for w in re.findall(r"[a-z0-9']+", sentence.replace("pumpkin spice", " "))
        ):
            continue
        spans.append((m.start(), m.start() + len(m.group()) - len(m.group("x")) + len(m.group("x").rstrip())))
    return tuple(spans)


# 2.16.1 (h183, frozen37): an overdose or a poisoning of a thing never a drug, told noun first ("total sugar overdose",
# "screen time overdose", "hot chocolate overdose", "Garden overdose: 40 tomato plants", "Cheese poisoning") or with
# the thing as the poison's means ("Poisoned myself with my own chilli"): a figure, read by the head noun as 2.16.0
# reads "overdosed on X" (``NEVER_A_DRUG_HEADS``, with the heads a noun-first figure names: time, garden, plants);
# never where a word before the head makes it a drug's form or the sentence tells a real act's care, intent or drug.
NOUN_FIRST_HEADS = NEVER_A_DRUG_HEADS | words("time garden plants plant tomatoes tomato screen")
OVERDOSE_NOUN_FIRST = re.compile(
    r"\b(?P<x>(?:[a-z']+[ \t-]+){0,2}[a-z']+)[ \t-]+(?:overdose|od|poisoning)\b"
    r"|\bpoison(?:ed|ing)?\s+(?:myself|me|himself|herself|themselves|themself)\s+(?:with|w/?)\s+"
    r"(?:(?:my|our|the|some|that|this|his|her|their)\s+)?(?:own\s+)?"
    r"(?P<y>(?:[a-z']+\s+){0,2}[a-z']+)\b"
)


def overdose_before_things(norm: str) -> tuple[tuple[int, int], ...]:
    """2.16.1 (h183): the spans of an overdose or a poisoning of a thing never a drug told noun first, or of a
    poisoning of oneself with one (:data:`OVERDOSE_NOUN_FIRST`)."""
    spans = []
    for m in OVERDOSE_NOUN_FIRST.finditer(norm):
        # 2.16.2 (h185, frozen38-017): a quote mark before the thing is no part of its word ("joked 'sugar overdose")
        phrase = re.findall(r"[a-z]+(?:'[a-z]+)?", m.group("x") or m.group("y"))
        if not phrase:
            continue
        head = phrase[-1] if m.group("x") else next((w for w in phrase if w in NOUN_FIRST_HEADS), "")
        if head not in NOUN_FIRST_HEADS or any(
            w in DRUG_MODIFIERS or w in OVERDOSE_DRUG_WORDS for w in phrase
        ):
            continue
        s = max(norm.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        ends = [i for i in (norm.find(c, m.end()) for c in ".!?\n") if i >= 0]
        sentence = norm[s : min(ends) if ends else len(norm)]
        if OVERDOSE_REAL.search(sentence) or OVERDOSE_DRUG.search(sentence):
            continue
        spans.append((m.start(), m.end()))
    return tuple(spans)


NOT_A_DRUG_FORM = r"(?!(?:" + "|".join(sorted(DRUG_MODIFIERS)) + r")\b)"
# ... nor before a word that makes it a medicine's form ("caffeine pills")
NOT_A_DRUG_THEN = r"(?![\s-]+(?:pills?|tablets?|tabs|capsules?|caps|gummies|supplements?|drops)\b)"
FIGURES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(?:is|are|was|were|'s|'re|keeps|kept)\s+(?:\w+\s+)?killing\s+me\b",
        r"\b(?:would|could|'d)\s+(?:literally\s+)?kill\s+for\b",
        r"\bkill(?:ed|ing|s)?\s+(?:it|time|the\s+(?:lights|engine|mood|vibe|music|process|app|game))\b",
        r"\b(?:will|would|is\s+going\s+to|gonna|'ll|'d|going\s+to)\s+(?:literally\s+)?kill\s+me\s+(?:if|when|for)\b",
        r"\bdying\s+(?:to|for)\s+(?:see|know|try|meet|get|go|hear|read|watch|tell|have|eat|visit|find|do|an?|some)\b",
        # 2.16.5 (h195, frozen41-058): and "killing himself laughing", someone else's laugh in a note
        r"\b(?:dying|died|dead|die|kill(?:ing|ed)?\s+(?:myself|himself|herself|themselves|themself))\s+"
        r"(?:(?:of|from|with)\s+(?:laugh\w*|embarrassment|shame|"
        r"boredom|cuteness|thirst|hunger|heat|the\s+heat|cringe|love|heartbreak|a\s+broken\s+heart)|laughing|laughter)\b",
        r"\b(?:bored|scared|worried|sick|tired|frightened|loved?)\s+to\s+death\b",
        # 2.16.5 (h195, frozen41-067): words quoted and told as a joke or a figure ("jokingly said she'd 'jump off a
        # bridge' if her team lost", "'…'; clarified as a figure of speech"): the quote only
        r"\b(?:jokingly|in\s+jest|laughingly)\s+(?:said|says|saying|stated|states|remarked|quipped|commented)\s+"
        r"(?:that\s+)?(?:[\w']+\s+){0,2}?['\"\u2018\u201c][^'\"\u2019\u201d\n]{1,60}['\"\u2019\u201d]",
        r"['\"\u2018\u201c][^'\"\u2019\u201d\n]{1,60}['\"\u2019\u201d](?=[^\n]{0,80}\b(?:clarified|confirmed|described|"
        r"explained)\s+(?:as|to\s+be)\s+(?:a\s+|just\s+a\s+|only\s+a\s+)?(?:figure\s+of\s+speech|joke|turn\s+of\s+phrase|"
        r"expression|hyperbole|exaggeration)\b)",
        r"\bto\s+die\s+for\b|\bover\s+my\s+dead\s+body\b|\brather\s+die\s+than\b|\bdie[\s-]?hard\b",
        r"\b(?:battery|phone|laptop|car|plant|plants|engine|conversation|party|wifi|signal)\s+(?:\w+\s+)?(?:died|dies|"
        r"is\s+dead|was\s+dead|dying)\b",
        r"\bkmsl\b|\bi'?m\s+dead\s*(?:lol|lmao|haha|😂|💀)|\bdead\s*(?:😂|💀)",
        r"\bsuicide\s+(?:gene|genes|squad|doors?|bomb\w*|mission|run|runs|drill|drills|king|squeeze|pact\s+song|"
        r"rates?|statistics|stats|prevention\s+(?:week|day|month|training|course|research)|research)\b|"
        r"\b(?:cell|cellular|cell's|programmed|career|political|social|electoral)\s+suicide\b",
        r"\bshoot\s+me\s+(?:a|an|the)\s+(?:text|message|email|line)\b",
        # 2.15.0 (h175): a gun told of a thing, the fixed idiom ("I shot myself in the foot with that email")
        r"\b(?:shoot|shoots|shot|shooting)\s+(?:myself|herself|himself|themselves|yourself|ourselves)\s+in\s+the\s+foot\b"
        r"(?!\s+(?:with\s+(?:a|an|the|my|his|her|dad's)\s+(?:\w+\s+)?(?:gun|rifle|pistol|shotgun)|literally)\b)",
        # a lie-in with a clock time or a day: "sleep and not wake up til mon", "… till noon" (never "until it's over")
        r"\b(?:not|never)\s+(?:wake|waking)\s+up\s+(?:till|til|until|'til|before)\s+(?:mon|tue|tues|wed|thu|thur|thurs|"
        r"fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|noon|midday|lunch|lunchtime|the\s+afternoon|"
        r"the\s+weekend|\d{1,2}(?::\d\d)?\s*(?:am|pm)?)\b",
        # eighth round: a passing discomfort said as a death wish ("so hot today I want to die only", "so embarrassed
        # I wanna die"); not tiredness, sadness or life ("so tired I want to die" stays a wish)
        r"\bso\s+(?:\w+\s+)?(?:hot|humid|cold|freezing|embarrass(?:ed|ing)|awkward|cringe|cringey|hungry|full|stuffed|"
        r"sweaty|jet-?lagged|malu|paiseh)\b(?:\s+\w+){0,3}?\s+(?:(?:i|i'm|im)\s+)?(?:\w+\s+)?(?:want\s+(?:to\s+)?|"
        r"wanna\s+|could\s+(?:just\s+)?|gonna\s+|going\s+to\s+)die\b",
        # seventh round: hunger and tiredness said violently ("I'd murder a fry", "I'm killed after the match")
        r"\b(?:could|would|'d|i'd|id|gonna|going\s+to)\s+(?:\w+\s+)?murder\s+(?:a|an|some|the)\s+(?:\w+\s+)?(?:pint|pints|fry|"
        r"fry-up|curry|kebab|burger|brew|cuppa|tea|coffee|pizza|chippy|drink|sandwich|butty|sarnie|beer|takeaway|"
        r"roast|pie|steak|chips|cake|biscuit|bacon|breakfast|fry\s+up|cold\s+one)\b",
        r"\b(?:i'?m|i\s+am|im|i\s+was|i\s+was\s+just)\s+(?:absolutely\s+|pure\s+|only\s+)?(?:killed|kilt)\b(?!\s+(?:myself|me))",
        # seventh round: games and errands ("went to shoot some pool", "shot 2 the shops")
        r"\b(?:shoot|shooting|shot)\s+(?:some\s+|a\s+few\s+|a\s+game\s+of\s+|a\s+round\s+of\s+)?(?:pool|hoops|baskets|"
        r"snooker|darts|the\s+breeze|the\s+shit|clays|clay\s+pigeons|a\s+video|a\s+film|photos|pics|pictures|goals)\b",
        r"\bshot\s+(?:to|2|over\s+to|into|in\s+to|down\s+to|round\s+to|up\s+to|out\s+to)\s+(?:the\s+)?(?:shops?|town|"
        r"tesco|store|garage|pub|offy|bakery|chemist|supermarket|bank|post\s+office|petrol\s+station)\b",
        r"\bcut(?:ting)?\s+myself\s+(?:some\s+slack|a\s+break|off\s+from)\b",
        r"\bcutting\s+(?:board|edge|back|down|corners|costs|ties|it\s+close|class|school|hair|grass|carbs|sugar)\b",
        r"\bhurt\s+myself\s+(?:at|playing|during|while|in)\s+(?:the\s+)?(?:gym|football|soccer|training|practice|"
        r"workout|game|match|run|running|yoga|fall|accident|garden|kitchen)\b",
        r"\b(?:a|my|the)\s+(?:workout|run|exam|test|class|meeting|shift)\s+(?:almost|nearly)\s+killed\s+me\b",
        r"\b(?:jump|jumping)\s+off\s+(?:a|the)\s+(?:cliff|bridge)\s+into\s+(?:the\s+)?(?:water|lake|sea|river|pool)\b",
        # "overdosed on chocolate": an overdose of something that is not a drug
        # 2.16.0 (h180): not after a word that makes the thing a drug's form ("weed cookies", "space cake")
        r"\b(?:overdos(?:ed|ing|e)|od'd|od'ing|oding)\s+on\s+(?:"
        + NOT_A_DRUG_FORM
        + r"\w+\s+){0,2}?"
        + NOT_A_DRUG
        + r"\b"
        + NOT_A_DRUG_THEN,
        r"\b(?:an?\s+|the\s+)?overdose\s+of\s+(?:"
        + NOT_A_DRUG_FORM
        + r"\w+\s+){0,2}?"
        + NOT_A_DRUG
        + r"\b"
        + NOT_A_DRUG_THEN,
        r"\b(?:killing|killed|kill|slaying|slayed|slay|smashed|smashing|nailed|nailing)\s+it\b",
        # 2.16.2 (h185, frozen38-136): "lethal dose of taylor swift today": a lethal dose of a thing known to be no
        # drug (``NOT_A_DRUG``, as "an overdose of" reads it); an unknown name errs toward the alarm
        r"\b(?:a\s+)?(?:lethal|fatal|deadly)\s+dose\s+of\s+(?:"
        + NOT_A_DRUG_FORM
        + r"\w+\s+){0,2}?"
        + NOT_A_DRUG
        + r"\b"
        + NOT_A_DRUG_THEN,
        r"\b(?:could|would|'d|might|gonna|going\s+to)\s+(?:\w+\s+)?(?:die|have\s+died)\s+(?:of|from)\s+"
        r"(?:embarrassment|shame|boredom|happiness|joy|cuteness|laughter|envy|jealousy)\b",
        r"\b(?:dead|die|died|dying)\s+(?:tired|on\s+my\s+feet|serious|set|certain|last|end|line|lines|heat|weight|giveaway)\b",
        # everyday endings and jumps (found as sentence-model false alarms on the challenge set's first two halves)
        r"\b(?:jump|jumped|jumping)\s+out\s+of\s+my\s+skin\b",
        r"\b(?:jump|jumped|jumping)\s+(?:off|from)\s+(?:a|the)\s+(?:wall|rocks?|pier|jetty|diving\s+board|board|boat|swing)\s+"
        r"into\s+(?:the\s+)?(?:water|lake|sea|river|pool)\b",
        r"\bready\s+to\s+drop\b",
        r"\b(?:disappear|vanish|escape|run\s+away|run\s+off)\s+(?:to|into)\s+(?:a|the|my|our)\s+(?:\w+\s+)?(?:cabin|cottage|"
        r"country|countryside|coast|beach|mountains|hills|island|woods|forest|caravan|tent|shed|garden|library|spa)\b",
        # a wish to live, said as one, is not a risk (a negation before it leaves the phrase to the rules that read it)
        r"(?<!n't\s)(?<!not\s)(?<!dont\s)(?<!never\s)(?<!longer\s)\b(?:want|wanna|going|determined|choose|choosing|"
        r"chose|decided|learning|ready)\s+to\s+(?:really\s+|finally\s+|properly\s+)?live\s+(?:fully|well|more|"
        r"properly|freely|again|life\s+to\s+the\s+full|(?:a|my)\s+(?:bigger|fuller|good|long|happy|full|better)\s+life)\b",
        r"\bnote\b[^.!?\n]{0,30}\bfor\s+the\s+(?:plumber|postman|milkman|cleaner|builders?|neighbou?rs?|babysitter|"
        r"teacher|school|delivery\s+driver|courier|landlord|electrician)\b",
        r"\bend\s+(?:the|my|our|this)\s+(?:lease|contract|tenancy|subscription|membership|phone\s+call|call|meeting|"
        r"argument|term|mortgage|loan)\b",
        r"\b(?:this|the)\s+(?:week|day|month|term|shift|meeting|semester|heatwave)\s+to\s+(?:end|be\s+over)\b",
    )
)

# An injury, not self-harm: a cut or burn "on the bread knife", "while chopping", "by accident". Three constructions
# name the hurt part (``{obj}``, ``{part}``, ``{own}``): the writer's own in every text, and (2.8.1, review r108) the
# client's in a therapist's note (``REPORTED_INJURIES``: "She burned her arms on the oven at work, an accident").
# 2.8.2 (h126, review r111): a place or a self-harm instrument tells nothing of an accident
HARM_PLACES_TOOLS = (
    r"(?:floor|floors|bathroom|bedroom|room|bed|toilet|toilets|loo|sofa|couch|carpet|stairs|shower|bath|car|"
    r"razor|razors|razorblade|razorblades|blade|blades|lighter|lighters)"
)
# 2.8.3 (h127, review r112): ... and it is a place only when it ends the noun phrase: a part of it named after it ("on
# the car door", "on the bed frame", "on the car exhaust") is what the cut or burn was made on
PLACE_PARTS = (
    r"(?:door|doors|seat|seats|seatbelt|exhaust|frame|frames|handle|handles|bumper|bumpers|boot|bonnet|hood|post|posts|"
    r"rail|rails|railing|railings|corner|corners|edge|edges|spring|springs|slat|slats|hinge|hinges|latch|lock|wheel|"
    r"wheels|tyre|tyres|tire|tires|engine|radiator|mirror|window|windscreen|windshield|roof|trunk|lid|tap|taps|"
    r"screen|head|base|step|key|keys|aerial|antenna|jack|buckle|heater|panel|tray|dashboard|grille|bolt|bracket|"
    r"mechanism|ladder|board|leg|legs|tile|tiles|grout|wick)"
)
# a part named within the next two words is what it was made on ("on the bathroom floor tile": review r113)
HARM_PLACE = r"(?:" + HARM_PLACES_TOOLS + r")(?!\s+(?:\w+\s+)?" + PLACE_PARTS + r"\b)"
# ... nor a self-harm instrument held "with" ("cut my arms with a razor while crying"), unless the sentence names an
# everyday task or an accident ("cut my finger on my razor while shaving")
SELF_HARM_TOOL = re.compile(
    r"\bwith\s+(?:a|an|the|my|me|his|her|their|some)\s+(?:(?:new|old|sharp|broken|disposable|safety)\s+)?"
    r"(?:razor|razors|razorblade|razorblades|razor\s+blades?|blade|blades|lighter|lighters|scissors|knife|"
    r"box\s+cutter|stanley\s+blade|compass|shard|piece\s+of\s+glass)\b"
)
EVERYDAY_TASK = re.compile(
    r"\b(?:chopping|slicing|shaving|cooking|opening|peeling|carving|dicing|grating|gardening|baking|ironing|fixing|"
    r"by\s+accident|accidentally|accidently|by\s+mistake|accidental|an\s+accident|pruning|trimming|sewing|unpacking|"
    r"washing\s+up|cutting\s+(?:the|some|a|an)\s+\w+|crafting|wrapping|lighting|smoking)\b"
)
INJURED_PARTS = (
    r"(?:finger|fingers|thumb|thumbs|hand|hands|palm|arm|arms|leg|legs|foot|feet|knee|knees|lip|chin|face|wrist|wrists|"
    r"shin|ankle|toe|toes|tongue|forearm|skin)"
)
_INJURY_TEMPLATES = (
    r"\b(?:cut|cuts|cutting|sliced|slicing|nicked|nicking|burn(?:ed|t|ing|s)?|scald(?:ed|ing)?|scratched|grazed|hurt|"
    r"stabbed|jabbed|pricked)\s+{obj}\s+(?:\w+\s+){{0,6}}?"
    r"(?:on\s+(?:a|an|the|some|that|this|our|his|her|their|broken|sharp|rusty|jagged|hot|barbed)\b"
    # seventeenth round: "on the arm" says where, not what it was cut or burned on; 2.8.2 (review r111): nor is a
    # place ("on the bathroom floor") or a self-harm instrument ("on the razor")
    r"(?!\s+(?:\w+\s+)?(?:"
    + HARM_BODY
    + r"{places})\b)|against|while|whilst|when\s+(?:i\s+was\s+)?\w+ing|chopping|"
    r"slicing|shaving|cooking|opening|peeling|carving|dicing|grating|gardening|baking|ironing|fixing|"
    r"by\s+accident|accidentally|by\s+mistake|playing|climbing|pruning|trimming|sewing|unpacking|washing\s+up|"
    r"lifting|carrying|moving|shifting|lugging|pushing|pulling|dancing|skiing|skating|cycling|jogging|running|"
    r"exercising|hiking|stretching|training|digging|decorating|lighting|smoking)",
    r"\b(?:accidentally|accidently|by\s+accident|by\s+mistake|clumsily)\s+(?:\w+\s+)?(?:cut|cuts|sliced|nicked|"
    r"burn(?:ed|t)|scalded|hurt|stabbed|scratched)\s+{part}",
    # seventeenth round: a cut at work, or when a tool or a ladder gave way
    r"\b(?:cut|sliced|slashed|burned|burnt|scalded|hurt|gashed)\s+{own}\s+(?:\w+\s+){{0,2}}?"
    r"(?:at|on)\s+(?:work|the\s+job|shift|site)\b|\b(?:cut|sliced|slashed|gashed|burned|burnt)\s+{own}"
    r"[^.!?\n]{{0,30}}\bwhen\s+(?:the|a|my)\s+(?:\w+\s+)?(?:slipped|broke|smashed|gave\s+way|snapped|fell|"
    r"shattered|went)\b",
)


def _injury_patterns(obj: str, part: str, own: str, places: str = "|" + HARM_PLACE) -> tuple[str, ...]:
    return tuple(t.format(obj=obj, part=part, own=own, places=places) for t in _INJURY_TEMPLATES)


_FIRST_INJURY = _injury_patterns(
    r"(?:myself|meself|(?:my|me|mi)\s+(?:\w+\s+)?" + INJURED_PARTS + r")",
    r"(?:myself|my\s+\w+)",
    r"(?:myself|my\s+(?:\w+\s+)?\w+)",
)
INJURIES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        _FIRST_INJURY[0],
        _FIRST_INJURY[1],
        # a fall or a slip first, then the cut ("fell off the ladder and cut my leg on the fence")
        r"\b(?:fell|fallen|tripped|slipped|crashed|came\s+off|skidded)\b[^.!?\n]{0,50}\b(?:and|then)\s+(?:i\s+)?(?:cut|hurt|"
        r"burned|burnt|scraped|grazed|scratched|bruised)\s+(?:myself|my\s+\w+)",
        # seventh round: a hand caught in a door or a machine, a needlestick, a tool named with what was being done
        r"\b(?:(?:caught|trapped|jammed|shut)\s+my\s+(?:\w+\s+)?(?:hand|finger|fingers|thumb|arm|foot)|(?:got|had|get)\s+my\s+"
        r"(?:\w+\s+)?(?:hand|finger|fingers|thumb|arm|foot)\s+(?:caught|trapped|stuck|jammed))\s+in\s+(?:the|a)\s+"
        r"(?:\w+\s+)?(?:door|drawer|auger|machine|gate|hinge|window|mangle|press|conveyor|belt)\b",
        r"\bneedle\s*-?\s*stick(?:\s+injury)?\b|\b(?:sharps|work|workplace|farm|kitchen)\s+(?:injury|accident)\b",
        r"\b(?:stabbed|burned|burnt|cut|scalded|jabbed)\s+myself\s+with\s+(?:a|the|my)\s+(?:fork|iron|skewer|pin|needle|"
        r"kettle|pan|tray|grater|peeler|scissors|secateurs|chisel|screwdriver|drill)\b",
        _FIRST_INJURY[2],
        r"\bpaper\s+cuts?\b|\bshaving\s+cuts?\b|\b(?:bread|kitchen|vegetable|steak|butter|stanley|pen)\s+knife\s+"
        r"(?:slipped|went\s+in)",
    )
)
# 2.8.1 (review r108): the same constructions with the client's hurt part, read in session text only
_REPORTED_PARTS = (
    r"(?:himself|herself|themselves|themself|(?:his|her|their)\s+(?:\w+\s+)?" + INJURED_PARTS + r")",
    r"(?:himself|herself|themselves|themself|(?:his|her|their)\s+\w+)",
    r"(?:himself|herself|themselves|themself|(?:his|her|their)\s+(?:\w+\s+)?\w+)",
)
REPORTED_INJURIES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p) for p in _injury_patterns(*_REPORTED_PARTS)
)
# 2.8.3 (h127, review r112): the same with a place or a tool allowed ("cut her leg on the bathroom floor"), which
# :func:`_injury` takes only with an explicit accident word after the act and no doubt (h126's rule)
REPORTED_INJURIES_PLACED: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p) for p in _injury_patterns(*_REPORTED_PARTS, places="")
)
# Eighth round: a recovery line, a self-harm act or a wish told as history the writer has come through ("two years
# since I last burned myself", "clean from cutting for 14 months", "I'm glad I didn't die back then", "I used to
# self-harm but it's been three years"). Evidence: a time since, a clean or free stretch, gladness at having
# survived, "used to … but". Never for an attempt (C-SSRS counts a past attempt however it is told), never in a
# sentence that tells a relapse or a wish now (``RELAPSE``); the phrase then counts at most as an indicator.
DURATION = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|a\s+few|few|several|many|"
    r"(?:a\s+)?couple\s+(?:of\s+)?|over\s+a|almost\s+a|nearly\s+a|more\s+than\s+a)\s+(?:whole\s+)?(?:full\s+)?"
    r"(?:days?|weeks?|months?|years?|yrs?|decades?)"
)
RECOVERY = re.compile(
    r"\b"
    + DURATION
    + r"\s+(?:now\s+|today\s+)?since\s+(?:i\s+(?:last|ever)\b|my\s+last\b|the\s+last\s+time\b)"
    r"|\b" + DURATION + r"\s+(?:now\s+|today\s+)?since\s+i\s+(?:\w+\s+){0,3}?(?:cut|burned|burnt|hurt|harmed|"
    r"scratched|hit|punched|self[\s-]?harmed|tried|wanted|thought)\b"
    r"|\bthe\s+last\s+time\s+i\s+(?:[\w']+\s+){1,5}?was\s+(?:\w+\s+){0,3}?(?:ago|in\s+(?:19|20)\d\d|when\s+i\s+was|"
    r"back\s+in|before)\b"
    r"|\b(?:clean|free|sober)\s+(?:from|of)\s+(?:[\w'-]+\s+){1,3}?(?:for|since)\s+(?:over\s+|almost\s+|nearly\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a\s+few|the\s+last|"
    r"(?:19|20)\d\d|last|january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\b" + DURATION + r"\s+(?:[\w'-]+\s+){0,2}?(?:clean|free|sober)\b"
    r"|\b(?:self[\s-]?harm|sh|cutting|cut|harm|scratch(?:ing)?|burn(?:ing)?)[\s-]free\b"
    r"|(?<!not\s)(?<!n't\s)(?<!never\s)\b(?:glad|grateful|thankful|happy|relieved|lucky)\s+(?:that\s+)?"
    r"(?:i|it|the\s+attempt|my\s+attempt)\s+(?:didn'?t\s+(?:die|work|succeed|go\s+through)|did\s+not\s+"
    r"(?:die|work|succeed|go\s+through)|wasn'?t\s+successful|failed|survived|lived|made\s+it|pulled\s+through|"
    r"got\s+help|was\s+found|woke\s+up)\b"
    r"|\bused\s+to\s+(?:[\w'-]+\s+){1,6}?but\s+(?:it'?s\s+been|its\s+been|i\s+(?:haven'?t|have\s+not|stopped|quit|"
    r"don'?t)|not\s+(?:any\s*more|since)|i'?m\s+(?:clean|better|past\s+it))\b"
    # eleventh round: the time of the wish named as over ("the suicidal time is behind me")
    r"|\b(?:suicidal|darkest|dark|worst)\s+(?:time|times|period|phase|days|years|patch|spell|thoughts|feelings)\s+"
    r"(?:is|are|was|were)\s+(?:well\s+|long\s+|all\s+|now\s+)?(?:behind\s+me|over|in\s+the\s+past|gone)\b"
)
RELAPSE = re.compile(
    r"\b(?:relaps\w*|slipped\s+up|slip[\s-]?up|broke\s+(?:my|the)\s+(?:streak|clean)|again|until|till|til|"
    r"but\s+(?:then|now|last|yesterday|tonight|today|this)|now\s+i\s+(?:want|wanna|need|keep|feel\s+like)|"
    r"(?:is|are|came|coming|come)\s+back|wish\s+(?:it|i)\s+(?:had|hadn'?t|did|didn'?t|would|wasn'?t)|"
    # a pull now, whatever its words: "… and I'm planning another", "… and I'm tempted tonight"
    r"another|tempted|urges?|planning|plan\s+to|thinking\s+(?:about|of)\s+(?:it|doing|another|going\s+back)|"
    r"want\s+to\s+(?:again|do\s+it|go\s+back)|"
    # eleventh round: "it's back", and a recovery only believed ("I thought the suicidal time was behind me")
    r"(?:it|they)'?s\s+back|they'?re\s+back|(?:thought|hoped|believed)\s+(?:the|that|it|my)|for\s+now|"
    r"but\s+(?:they|it|sometimes|some))\b"
)


def recovery_evidence(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of recovery constructions inside ``norm[start:end]`` (one sentence), or none when the sentence also
    tells of a relapse or a wish now (``RELAPSE``)."""
    if RELAPSE.search(norm, start, end):
        return []
    return [(m.start(), m.end()) for m in RECOVERY.finditer(norm, start, end)]


# 2.13.0 (h160): a possessive and a bare "attempt" read inside the recovery construction that names it ("two years
# since my last attempt and today I bought a plant") is the recovery's own words, as it was before the rule read them;
# an attempt named as one ("since my last suicide attempt") keeps its level
RECOVERY_OWN_WORDS = words("attempt_possessed noted_attempt_possessed")


def _recovery(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    """The phrase is part of a recovery construction (it overlaps the evidence, or follows it closely in the same
    clause: "two years since I last | burned myself"), and it is not an attempt."""
    if (rule.level >= ATTEMPT and rule.name not in RECOVERY_OWN_WORDS) or not ctx.sentences:
        return False
    if rule.name == "self_harm_relapse":
        return False  # 2.16.2 (h185): the streak is read only with its end told (``H185_TOLD``)
    s, e = ctx.sentences[sentence]
    for a, b in recovery_evidence(ctx.norm, s, e):
        if m.start() < b + 2 and a < m.end():
            return True
        gap = ctx.norm[b : m.start()]
        if b <= m.start() <= b + 30 and not CLAUSE_BREAK.search(gap) and " but " not in f" {gap} ":
            return True
    return False


# Eleventh round: a past wish told with its time and turned to the present ("A year ago I wanted to die. Today I …",
# "Last year I wanted to end my life; now I go to the group …", "… when I wanted to die. It was long ago, now I am
# only sad."): a wish (an ideation phrase, never an act) in the past tense, after a time in the past in its sentence,
# followed in that sentence or the next by the present ("now", "today", "these days") or by "it was long ago", and no
# relapse or wish now in either (``RELAPSE``, "still"). A past act keeps its level (C-SSRS attempt history).
PAST_TIME = re.compile(
    r"\b(?:(?:last|that)\s+(?:year|spring|summer|autumn|fall|winter)|(?:a|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|\d+|many|several|a\s+few|some)\s+(?:years?|months?)\s+ago|(?:long|years|ages)\s+ago|back\s+then|"
    r"(?:in|during)\s+the\s+war|when\s+i\s+was\s+(?:young|younger|little|a\s+(?:kid|child|teenager|teen|student)|"
    r"\d+|at\s+school|in\s+\w+)|as\s+a\s+(?:teenager|teen|kid|child|student)|in\s+(?:19|20)\d\d)\b"
)
PAST_WISH = re.compile(r"\b(?:wanted|wished|hoped|prayed|was|were|felt|thought|used\s+to)\b")  # 2.16.0: hoped
PRESENT_TURN = re.compile(
    r"\b(?:now|today|these\s+days|nowadays|(?:it|that)\s+(?:was|is)\s+(?:long|years|ages)\s+ago)\b"
)
STILL = re.compile(r"\b(?:still|again|sometimes|some\s+days|some\s+nights|tonight|lately|recently)\b")


def _past_wish_over(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    """A past wish told with its time and turned to the present (see :data:`PAST_TIME`)."""
    if rule.level != IDEATION or not ctx.sentences:
        return False
    s, e = ctx.sentences[sentence]
    clause = ctx.norm[s : m.end()]
    if not PAST_TIME.search(clause) or not PAST_WISH.search(clause):
        return False
    after = ctx.norm[m.end() : e]
    if sentence + 1 < len(ctx.sentences):
        after += " " + ctx.norm[slice(*ctx.sentences[sentence + 1])]
    whole = ctx.norm[s:e] + " " + after
    if RELAPSE.search(whole) or STILL.search(whole):
        return False
    return PRESENT_TURN.search(after) is not None


# 2.8.1 (h124, review r108 fault 2): a therapist's reported form bounded to the past is history, read as the recovery
# line above reads it (at most an indicator): "She reported SI in 2019, none since.", "reported SI at age 15",
# "reported SI during her last admission in 2019, resolved", "reports SH as a teenager".
# 2.8.2 (h126, review r111): the bound counts only when it is the phrase's own modifier, right after it
# (``REPORTED_PAST``: "SI in 2019", "SI at age 15", "SI as a teenager", "SI during her admission", "SI, resolved",
# "SI, none since", "SI in the past, no longer"), never "since 2019" (a span that goes on) and never a bound on another
# verb ("She no longer takes her meds and reports SI."); and any sign of now in the phrase's part of the sentence (up to
# a ";") keeps it current (``REPORTED_NOW``: "daily", "never stopped", "ongoing", "with a plan", "began", "still",
# "again", "last month"). When unsure, it stays current.
REPORTED_RULES = words(
    "reported_wish_to_die reported_not_wanting_to_live reported_ideation reported_self_harm noted_ideation "
    "noted_self_harm noted_self_harm_count"  # 2.10.1 (h140, review r117): "Hx of SH x2 as a teenager, none since"
    # 2.15.2 (h178): 2.15.0's note register of self-harm and its urge are reported forms too ("Burning self as a
    # teenager, none since"); a plan field is not (a "Plan:" is a current field, and "plan" is a word of now)
    " note_self_harm_register note_self_harm_urge"
)
REPORTED_PAST = re.compile(
    r"\s*(?:"
    r"(?:in|during|back\s+in)\s+(?:19|20)\d\d\b(?!\s*(?:and|but|until|till|to|onwards?|on)\b)"
    r"|(?:at|from)\s+(?:the\s+)?age\s+(?:of\s+)?\d+\b(?!\s*(?:and|but|until|till|to|onwards?|on)\b)|aged\s+\d+\b"
    r"|as\s+an?\s+(?:teenager|teen|adolescent|kid|child|student|young\s+(?:person|adult|man|woman|girl|boy))\b"
    # 2.16.4 (h191, frozen40-102): a time of life by its place ("Past SI in college, treated, …")
    r"|(?:in|at|during)\s+(?:college|university|uni|high\s+school|secondary\s+school|sixth\s+form)\b"
    r"|in\s+(?:his|her|their)\s+(?:teens|teenage\s+years|youth|childhood|twenties|early\s+twenties)\b"
    r"|when\s+(?:he|she|they)\s+(?:was|were)\s+(?:young|younger|little|a\s+(?:kid|child|teenager|teen|student)|\d+|"
    r"at\s+school)\b"
    r"|during\s+(?:(?:his|her|their|the|a|an|previous|prior|last|first|earlier|an\s+earlier)\s+){0,2}"
    r"(?:\w+\s+){0,2}?(?:admissions?|hospitali[sz]ations?|inpatient\s+stays?|stays?\s+in\s+hospital)\b"
    # 2.10.1 (h140): a closed span of years ("SH x3 (2014-2016)")
    r"|\(?\s*(?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)?\d\d\b(?!\s*[-\u2013])\s*\)?"
    r"|in\s+the\s+past\b|historically\b|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|many|several|"
    r"a\s+few)\s+years\s+ago\b|years\s+ago\b"
    r"|,?\s*(?:none|nothing|not|nil)\s+since\b|,?\s*(?:since\s+|now\s+|fully\s+|long\s+)?resolved\b"
    r"|,?\s*no\s+longer\b(?!\s+\w)"
    r")"
)
REPORTED_NOW = re.compile(
    # 2.16.4 (h191, frozen40-102): "no current thoughts" denies now, it tells nothing of now
    r"(?<!\bno\s)(?<!\bnil\s)\b(?:again|still|currently|current|today|tonight|this\s+(?:week|month|morning|afternoon|evening|session)|"
    r"recent|recently|lately|ongoing|active|returned|relaps\w*|increasing|increased|worsening|worse|yesterday|"
    r"(?:last|past|this)\s+(?:few\s+)?(?:night|nights|week|weeks|month|months|weekend)|"
    r"daily|nightly|weekly|constant|constantly|continu\w*|persist\w*|frequent|frequently|every\s+(?:day|night|week)|"
    r"most\s+(?:days|nights)|all\s+the\s+time|never\s+(?:stopped|went\s+away|left|ended|resolved)|"
    r"(?:has|have|had)\s+not\s+(?:stopped|resolved|gone)|hasn'?t\s+(?:stopped|resolved|gone)|"
    r"began|begun|started|starting|onset|ever\s+since|(?<!\bnot\s)(?<!\bnone\s)(?<!\bnothing\s)(?<!\bnever\s)"
    r"since\s+(?:then|(?:19|20)\d\d|(?:the\s+)?age)|"
    r"plan|plans|planned|planning|intent|intention|means|at\s+present|presently|present|these\s+days|"
    r"on\s+and\s+off|comes?\s+and\s+goes?|until\s+now|to\s+(?:this\s+day|date)|"
    # 2.8.3 (h127, review r112)
    r"recurr\w*|recurs|(?:come|comes|came|coming)\s+back|back\s+again|resurfac\w*|re-?emerg\w*)\b"
    r"|\bnow\b(?!\s+(?:resolved|gone|over)\b)"
)


def _reported_history(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    """A session note's reported form whose own modifier bounds it to the past (:data:`REPORTED_PAST`, right after
    the phrase), and nothing of now (:data:`REPORTED_NOW`) in its part of the sentence (between ";")."""
    if rule.name not in REPORTED_RULES or ctx.kind not in SESSION_KINDS or not ctx.sentences:
        return False
    s, e = ctx.sentences[sentence]
    if REPORTED_PAST.match(ctx.norm, m.end(), e) is None:
        return False
    # 2.8.3 (h127, review r112): a sign of now anywhere in the sentence keeps it current, after a ";" too ("Reported SI
    # in 2019; current SI."), except in another ";" part that is itself a denial ("denies SI today; reported SI at
    # age 15.")
    before = ctx.norm.rfind(";", s, m.start())
    stop = ctx.norm.find(";", m.end(), e)
    own = (s if before < 0 else before + 1, e if stop < 0 else stop)
    parts = [own]
    if before >= 0:
        parts += _semicolon_parts(ctx.norm, s, before)
    if stop >= 0:
        parts += _semicolon_parts(ctx.norm, stop + 1, e)
    return not any(
        REPORTED_NOW.search(ctx.norm, a, b) is not None
        and ((a, b) == own or DENIES.search(ctx.norm, a, b) is None)
        for a, b in parts
    )


def _semicolon_parts(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, a = [], start
    while (cut := norm.find(";", a, end)) >= 0:
        parts.append((a, cut))
        a = cut + 1
    parts.append((a, end))
    return parts


# Eighth round: means or a dose looked up for an everyday purpose the writer names as their own ("bought a length of
# rope at the hardware shop to tie the kayak", "rope and a tarp … for the hay bales", "how many ibuprofen I'd need …
# for the trip"): the purpose is an everyday thing or errand (``EVERYDAY_THINGS``), in the same clause, and not a cover
# story someone was told ("told the guy at the till it was for the boat", "told the man it was for a tire swing").
EVERYDAY_THINGS = (
    r"(?:kayaks?|canoes?|boats?|dinghy|dinghies|yacht|sail|sailing|anchor|jetty|tents?|tarps?|guy\s+lines|camping|"
    r"camp|campsite|trip|holiday|holidays|journey|flight|flights|travel|travelling|traveling|hike|hiking|climb|"
    r"climbing|climbing\s+gym|gym|swing|tire\s+swing|tyre\s+swing|hammock|washing|washing\s+line|clothes\s+line|"
    # 2.16.5 (h195, frozen41-171): the line's word in one ("clothesline", "washline") and its pegs
    r"clotheslines?|washlines?|washing\s+lines|pegs|"
    r"laundry|clothes|garden|allotment|hay|hay\s+bales|bales|sheep|sheep\s+pens|pens|cattle|calves|horse|horses|"
    r"goats|dog|dogs|fence|fences|gate|trailer|roof\s+rack|car|van|truck|ute|load|luggage|suitcase|woodpile|firewood|"
    r"logs|tree\s+house|treehouse|boxes|move|removal|furniture|runner\s+beans|beans|tomatoes|plants|tug\s+of\s+war|"
    r"skipping|kids|grandkids|grandbabies|children|scouts|festival|marquee|bunting|christmas\s+tree|crafts?|"
    r"macrame|knots|engine|tractor|headache|migraine|fever|cold|flu|period|back|knee|tooth|toothache|cramps|"
    r"hangover|jet\s+lag|long\s+haul|weekend\s+away|conference)"
)
EVERYDAY_PURPOSE = re.compile(
    r"\b(?:to\s+(?:tie|tie\s+down|hold|hold\s+down|secure|fix|lash|strap|hang|lift|tow|pull|moor|hoist|build|make|"
    r"mend|repair|carry|drag|dry|pack|take)\s+(?:up\s+|down\s+|on\s+)?(?:\w+\s+){0,2}?|for\s+(?:\w+\s+){0,3}?)"
    r"(?:the|a|an|my|our|his|her|their|some|this|that)\s+(?:\w+\s+){0,2}?" + EVERYDAY_THINGS + r"\b"
    # 2.16.3 (h190, frozen39-187): an outdoor pursuit named without an article ("bought rope and a headtorch for
    # camping saturday")
    r"|\bfor\s+(?:(?:a|the|our|my)\s+)?(?:camping|climbing|hiking|sailing|boating|abseiling|bouldering|caving|"
    r"scouts|guides|cubs|brownies|kayaking|canoeing)\b"
)
COVER_STORY = re.compile(
    r"\b(?:told|tell|telling|tells|said|say|saying|says|pretend\w*|claimed|lied)\b[^.!?\n]{0,40}$"
)
EVERYDAY_RULES = words("preparation_means preparation_research lethal_amount preparation_means_ready")


# 2.10.1 (h140, review r117): a car run with the engine on in a garage for an everyday purpose named in its sentence
# ("to warm it up", "before work", "waiting for the rain to stop", "to charge", "defrost"), with nothing shut or
# sealed and no hose: no preparation
CAR_PURPOSE = re.compile(
    r"\bto\s+(?:warm|heat)\s+(?:it|her|the\s+(?:car|van|engine))\s+up\b|\b(?:warm|warming|heat|heating)\s+(?:it|the\s+"
    r"(?:car|van|engine))\s+up\b|\bbefore\s+(?:work|school|the\s+school\s+run|my\s+shift|leaving)\b|"
    r"\bwait(?:ing|ed)?\s+for\s+the\s+(?:rain|storm|snow|hail|shower)\b|\bto\s+charge\b|\bcharging\b|"
    r"\bde-?(?:frost|ic)\w*|\bto\s+(?:listen\s+to|hear)\s+the\s+(?:radio|match|end\s+of)\b"
)
CAR_SEALED = re.compile(r"\b(?:hose\w*|shut|closed|sealed|taped|locked|die|dying|end\s+it|suicid\w*)\b")


def _car_everyday(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    if rule.name != "aborted_named" or "engine" not in m.group() or not ctx.sentences:
        return False
    s, e = ctx.sentences[sentence]
    return CAR_PURPOSE.search(ctx.norm, s, e) is not None and CAR_SEALED.search(ctx.norm, s, e) is None


def _everyday_purpose(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    """The means or the dose is for an everyday purpose named later in its clause, not as a cover story."""
    if _car_everyday(ctx, rule, m, sentence):
        return True
    if rule.name not in EVERYDAY_RULES or not ctx.sentences:
        return False
    end = ctx.sentences[sentence][1]
    if sentence + 1 < len(ctx.sentences) and re.match(
        r"\s*(?:for|to)\b", ctx.norm[slice(*ctx.sentences[sentence + 1])]
    ):
        end = ctx.sentences[sentence + 1][
            1
        ]  # a purpose as the next fragment: "Bought a rope. For the hammock."
    for p in EVERYDAY_PURPOSE.finditer(ctx.norm, m.end(), min(end, m.end() + 120)):
        between = ctx.norm[m.end() : p.start()]
        if re.search(
            r"[;:()\[\]–—]|\bbut\b|\bjust\s+in\s+case\b|\bfor\s+(?:me|myself|later|after|when)\b", between
        ):
            return False
        return COVER_STORY.search(ctx.norm, m.start(), p.start()) is None
    return False


# Twenty-ninth round (risk 2.4.2): a jump off a bridge or a cliff told as a sport or a thrill ("bungee jumped off the
# bridge over the gorge", "jumped off the cliff on a paraglider", "off the bridge on the rope swing", "for a laugh")
# is no attempt. Not when the sentence says the jump was meant to kill or puts something round the writer's neck
# ("jumped off the bridge with the bungee cord round my neck"), nor when a "but" stands between the sport and the jump.
RECREATION = re.compile(
    r"\b(?:bunge{1,2}|bungy|bungie)(?:[\s-]?(?:jump\w*|cord|rope|harness))?\b|\bbase[\s-]?jump\w*|"
    r"\bcliff[\s-]?(?:div\w*|jump\w*)|\btombston\w*|\bzip[\s-]?(?:lin\w*|wire)|\bpara(?:glid\w*|chut\w*|sail\w*)|"
    r"\bsky[\s-]?div\w*|\bhang[\s-]?glid\w*|\bwing[\s-]?suit|\b(?:rope|tyre|tire)[\s-]?swing|"
    r"\bfor\s+(?:fun|kicks|charity|a\s+(?:laugh|dare|bet|swim|dip|paddle)|the\s+(?:thrill|craic|buzz|rush|fun\s+of\s+it))\b|"
    r"\bon\s+a\s+dare\b"
)
NOT_A_SPORT = re.compile(
    r"\b(?:(?:round|around|on)\s+my\s+neck|noose|suicide)\b|\b"
    + INTENT_TO_DIE
    + r"|\b"
    + MEANT
    + r"|\bwanted\s+to\s+die\b"
)
JUMPS = re.compile(r"jumped\s+(?:off|from)\b")


def _recreational_jump(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    """The jump of ``attempt_act`` is told as a sport in its sentence, and the sentence says nothing of dying."""
    if rule.name != "attempt_act" or not ctx.sentences or not JUMPS.match(ctx.norm, m.start()):
        return False
    s, e = ctx.sentences[sentence]
    if NOT_A_SPORT.search(ctx.norm, s, e):
        return False
    for sport in RECREATION.finditer(ctx.norm, s, e):
        between = ctx.norm[min(sport.end(), m.start()) : max(sport.start(), m.end())]
        if not re.search(r"\bbut\b", between):
            return True
    return False


# Sixteenth round: a swallowed medicine or poison told as an accident ("drank bleach by accident when I was four") or a
# day's doses taken as prescribed ("took all my morning pills like the nurse said") is no attempt. Not when the
# accident is the cover story ("told them it was an accident", "it wasn't an accident") or the doses were taken at once.
SWALLOWING_RULES = words(
    "attempt_poison attempt_overdose attempt_shorthand note_ingestion_count note_act_with_intent"  # 2.15.0 (h175)
)  # 2.14.0 (h167): its shorthand
ACCIDENT = re.compile(
    r"\b(?:by\s+(?:accident|mistake)|accidentally|without\s+(?:realising|realizing|knowing))\b"
)
ACCIDENT_DENIED = re.compile(
    r"\b(?:not|n't|never|wasn'?t|told|tell|said|say|says|pretend\w*|claimed|claim|thinks?|thought|called|lied|lie|"
    r"version|story|supposedly)\b|(?<![a-z])['\u2018\u2019\"]|['\u2018\u2019\"](?![a-z])"
)  # 2.15.2 (h178): a quote mark, not an apostrophe inside a word ("Pt OD'd on paracetamol by accident")
AS_PRESCRIBED = re.compile(
    r"\b(?:as\s+prescribed|like\s+(?:the|my)\s+(?:\w+\s+)?(?:nurse|doctor|gp|psychiatrist|pharmacist|chemist|mum|mom)\s+"
    r"(?:said|says|told\s+me)|on\s+time|as\s+directed|over\s+(?:the|a|several|two|three)\s+(?:\w+\s+)?(?:week|weeks|days|"
    r"month)|with\s+(?:my\s+)?(?:breakfast|lunch|dinner|tea|food)|(?:morning|evening|night|"
    r"nightly|daily|usual|regular|normal|prescribed)\s+(?:pills|meds|tablets|medication|medicine|dose|doses))\b"
)
AT_ONCE = re.compile(
    r"\b(?:at\s+once|all\s+at\s+once|in\s+one\s+go|at\s+the\s+same\s+time|together|with\s+(?:vodka|wine|whisky|whiskey|"
    r"alcohol|beer|gin|rum)|to\s+(?:die|end)|overdose|hospital|a\s*&\s*e|er\b|pumped)"
)


# 2.15.2 (h178, rule in docs/risk.md written before frozen35 is read; frozen34-184, "Insulin OD 2019 – accidental
# dosing error"): every rule 2.15.0 added passes through the accident reading where its act can be one. A note's
# register of an attempt is a swallowing where its words name one ("OD 2019", "hx of overdose attempts"), and so is a
# note's self-harm told with a bare "self" ("burning self – accidental, cooking"); a plan, an urge, an aborted act or
# a preparation cannot be an accident (held out, named in the test matrix). A clinical accident is read as well as
# the plain words: "accidental" or "unintentional" or "inadvertent" (as an adjective only before the act's own words,
# an error, or the clause's end: "accidental fall" is another event), a dosing, medication or drug error, "no
# intent", "not intentional", "without intent"; its scope is its ";" part of the sentence. Never where the sentence
# also says the act was meant (``ACCIDENT_INTENT``: intentional, deliberate, on purpose, to die, suicidal …, outside
# the accident's own words): a sentence that names both is read as an act (err upward).
ACCIDENT_RULES = SWALLOWING_RULES | words(
    "note_attempt_register note_self_harm_register note_headed_attempt note_headed_self_harm"  # 2.16.0 (h180)
)
SWALLOWING_WORDS = re.compile(r"\b(?:od|ods|od'd|overdos\w*|ingest\w*|self[\s-]?poison\w*|poison\w*)\b")
ACCIDENT_ACT_WORDS = (
    r"(?:dosing|dose|doses|double|overdose|od|ingestion|poisoning|error|mistake|medication|drug|insulin|intake|"
    r"injury|burn|burns|cut|cuts|self[\s-]?(?:harm|burn|cut)|act|event|episode|in\s+nature)"
)
ACCIDENT_CLINICAL = re.compile(
    r"\b(?:accidentally|unintentionally|inadvertently)\b"
    r"|\b(?:accidental|unintentional|inadvertent)\b(?=\s*(?:$|[.,;:)\u2013\u2014-]|(?:\w+\s+)?"
    + ACCIDENT_ACT_WORDS
    + r"\b))"
    r"|\b(?:dosing|medication|drug|prescribing|insulin)\s+errors?\b"
    r"|\bnot\s+(?:intentional|deliberate|intended)\b"
)
# a bare "no intent" tells an accident only of a swallowing: never "no suicidal intent", "no intent to die" (an act
# without the wish to die is still self-harm), never "denies intent" (a current state), never of self-harm
ACCIDENT_NO_INTENT = re.compile(r"\b(?:no|nil|without)\s+intent(?:ion)?\b(?!\s+(?:to|of)\b)")
ACCIDENT_INTENT = re.compile(
    r"\b(?:intentional(?:ly)?|intended|intending|deliberate(?:ly)?|on\s+purpose|to\s+die|to\s+end\s+(?:my|her|his|"
    r"their|it)|suicidal|wanted\s+to|meant\s+(?:to|it)|with\s+(?:\w+\s+)?intent)\b"
)


def _accident_applies(rule: Rule, m: re.Match[str]) -> bool:
    """2.15.2 (h178): whether the accident reading can apply to the hit: a swallowing rule, or a rule 2.15.0 added
    whose hit names an act that can be an accident (:data:`ACCIDENT_RULES`)."""
    if rule.name in SWALLOWING_RULES:
        return True
    if rule.name == "note_attempt_register":
        return SWALLOWING_WORDS.search(m.group()) is not None
    return rule.name in ACCIDENT_RULES


def _clinical_accident(ctx: Context, m: re.Match[str], sentence: int, swallowing: bool) -> bool:
    """2.15.2 (h178): a clinical accident word (:data:`ACCIDENT_CLINICAL`) in the hit's ";" part of its sentence, not
    a story told to others, and no word of intent (:data:`ACCIDENT_INTENT`) in the sentence outside an accident's own
    words; a bare "no intent" (:data:`ACCIDENT_NO_INTENT`) only of a swallowing."""
    s, e = ctx.sentences[sentence]
    before = ctx.norm.rfind(";", s, m.start())
    after = ctx.norm.find(";", m.end(), e)
    part = (s if before < 0 else before + 1, e if after < 0 else after)
    words_said = [ACCIDENT_CLINICAL] + ([ACCIDENT_NO_INTENT] if swallowing else [])
    found = [a for pattern in words_said if (a := pattern.search(ctx.norm, *part)) is not None]
    if not found:
        return False
    said = min(found, key=lambda a: a.start())
    if ACCIDENT_DENIED.search(ctx.norm, part[0], said.start()) is not None:
        return False
    if REPORTED_DOUBT.search(ctx.norm, said.end(), part[1]) is not None:
        return False  # "not intentional, she says", "accidental but collateral unsure": doubted, err upward
    spans = [(a.start(), a.end()) for p in (*words_said, ACCIDENT) for a in p.finditer(ctx.norm, s, e)]
    return not _intent_said(ctx, s, e, spans)


def _accidental(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    """The swallowing is told as an accident in its own sentence, and the accident is not a story told to others.
    2.15.2 (h178): for every rule whose act can be an accident (:func:`_accident_applies`), in a clinician's words too
    (:func:`_clinical_accident`), and never in a sentence that says the act was meant (:func:`_intent_said`)."""
    if not ctx.sentences or not _accident_applies(rule, m):
        return False
    s, e = ctx.sentences[sentence]
    said = ACCIDENT.search(ctx.norm, s, e)
    if said is not None and ACCIDENT_DENIED.search(ctx.norm, s, said.start()) is None:
        spans = [
            (a.start(), a.end()) for p in (ACCIDENT, ACCIDENT_CLINICAL) for a in p.finditer(ctx.norm, s, e)
        ]
        return not _intent_said(ctx, s, e, spans)
    return _clinical_accident(ctx, m, sentence, rule.name != "note_self_harm_register")


def _intent_said(ctx: Context, s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    """2.15.2 (h178): a word of intent (:data:`ACCIDENT_INTENT`) in the sentence ``s``–``e``, outside an accident's own
    words (``spans``) and not denied ("no suicidal intent", "denies intent to die")."""
    return any(
        not any(_overlaps((i.start(), i.end()), span) for span in spans)
        and INTENT_DENIED.search(ctx.norm[max(s, i.start() - 30) : i.start()]) is None
        for i in ACCIDENT_INTENT.finditer(ctx.norm, s, e)
    )


def _as_prescribed(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    """A day's medicine taken as prescribed, not a supply taken at once."""
    if rule.name not in ("attempt_overdose", "note_ingestion_count") or not ctx.sentences:
        return False
    s, e = ctx.sentences[sentence]
    return AS_PRESCRIBED.search(ctx.norm, s, e) is not None and AT_ONCE.search(ctx.norm, s, e) is None


# The first words of a clause that make what follows a hypothetical ("if I ever wanted to die, I would call …").
HYPOTHETICAL = re.compile(
    r"(?<!what\s)(?<!as\s)\b(?:if\s+(?:i\s+)?ever|if\s+i\s+were\s+(?:ever\s+)?(?:to\s+)?|if\s+i\s+was\s+ever|"
    r"hypothetically|in\s+theory|supposing|suppose|imagine\s+if|in\s+case\s+i\s+ever|even\s+if\s+i\s+(?:ever\s+)?)\b"
)

MEDIA = re.compile(
    # 2.16.3 (h190): a clinician's "last episode", "one episode of SH" is no television episode
    r"\b(?:film|films|movie|movies|book|books|novel|novels|tv\s+show|show|series|"
    r"(?<!last\s)(?<!recent\s)(?<!latest\s)(?<!previous\s)(?<!prior\s)(?<!single\s)"
    # 2.16.5 (h195, frozen41-200): a clinician's "depressive episode", "manic episode" is no television episode
    r"(?<!depressive\s)(?<!manic\s)(?<!psychotic\s)(?<!hypomanic\s)(?<!mixed\s)(?<!dissociative\s)"
    r"(?<!depression\s)(?<!mood\s)"
    r"episode(?!\s+of\s+(?:sh|dsh|self[\s-]?harm\w*|cutting|low\s+mood|depression|psychosis|mania|"
    r"overdose|od|ideation))|netflix|documentary|play|"
    r"opera|poem|poems|song|songs|lyrics|lyric|album|video\s+game|game|story|stories|fiction|character|characters|"
    r"protagonist|hero|heroine|villain|plot|scene|chapter|article|news|headline|study|studies|research|paper|"
    r"podcast|lecture|textbook|essay|shakespeare|hamlet|ophelia|juliet|romeo|anime|manga|comic|comics|sitcom|"
    r"drama|thriller|trailer|screenplay|script|lecture|seminar|training|musical|musicals|sings|sang|singer|singers|"
    r"band|rapper|lead\s+singer)\b"
)
# A night dream's words, as whole tokens. "Day" right before one, apart or hyphenated ("day dream", "day-dreaming"),
# makes the pair one word, a daydream: waking imagery, never a dream's content (:func:`mentions_dream`).
DREAM = re.compile(
    r"\b(?:(?P<day>day)(?:\s+|\s*[-\u2010\u2011]\s*))?(?:dreamt|dreamed|dreaming|dream|dreams|nightmare|nightmares)\b"
)


def mentions_dream(text: str) -> bool:
    """Whether :func:`normalise`-d ``text`` speaks of a night dream: a dream word that is not the second half of
    "day dream" / "day-dream" ("daydream" is one token and never a dream word)."""
    return any(m["day"] is None for m in DREAM.finditer(text))


WAKING = re.compile(
    r"\b(?:woke|wake\s+up|waking|awake|in\s+real\s+life|irl|this\s+morning|today|tonight|right\s+now|lately|"
    r"these\s+days|since\s+then|in\s+waking\s+life|nowadays|anymore|any\s+more)\b"
)
FIRST_PERSON_SPEECH = re.compile(
    r"\b(?:i|i've|ive|i'd|i'm|im)\s+(?:\w+\s+)?(?:said|say|told|tell|texted|text|wrote|write|typed|screamed|yelled|"
    r"whispered|keep\s+saying|kept\s+saying|thought|think|cried|sobbed|posted|messaged|was\s+like|am\s+like)"
    r"(?:\s+(?!i\b)\w+){0,3}\s*[,:]?\s*$"
)
QUOTES = re.compile(
    r"\"[^\"\n]{1,400}\"|“[^”\n]{1,400}”|(?<![a-z0-9])'(?:[^'\n]|(?<=[a-z])'(?=[a-z])){2,300}'(?![a-z])"
)
PAST = re.compile(
    r"\b(?:wanted|wished|needed|tried|attempted|was|were|had|did|killed|jumped|took|felt|thought|decided|went|"
    r"hanged|hung|overdosed|swallowed|ended|fell|ran|cut|hurt|hit|bit|burnt|burned|broke|saw|got|came|stood|"
    r"\w+ed)\b"
)

NEGATIONS = words(
    "not never no nor don't dont doesn't doesnt didn't didnt won't wont wouldn't wouldnt can't cant "
    "cannot couldn't couldnt shouldn't shouldnt isn't isnt aren't arent wasn't wasnt haven't havent "
    "hasn't hasnt hadn't hadnt ain't aint"
)
# A negation followed by one of these governs something else: "I can't stop thinking about …".
NEGATION_RELEASE = words(
    "stop help wait know sure tell understand explain remember believe deny lie pretend hide admit say "
    "shake escape ignore seem"
)
# Words that start a new clause inside the negation window.
CLAUSE_WORDS = words("and but so because cause cuz coz or then yet though although when if that without")
INTENSIFIER_AFTER = re.compile(
    r"^\W*(?:\w+\s+){0,2}(?:more\s+than|than\s+ever|so\s+much|as\s+much|this\s+much|like\s+(?:this|now|today|tonight))"
)

REPORTING = frozenset(
    ["said", "say", "says", "told", "tell", "meant", "mean", "claimed", "claim", "wrote", "texted", "implied"]
)
SUBJECTS = frozenset(
    ["i", "i'm", "im", "i've", "ive", "i'd", "i'll"]
)  # a new first-person clause ends a negation's reach
FIRST_WORDS = frozenset(
    [
        *("i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "we", "we're", "us", "our", "ourselves"),
        # seventh round: first person in dialect and text-speak (Caribbean "mi", Scots "masel", "ah'm", "imma")
        *("mi", "masel", "mysel", "meself", "miself", "ah'm", "a'm", "ahm", "imma", "ima", "i'ma"),
    ]
)
OTHER_WORDS = words(
    "he she they him them he's she's they're hes shes theyre he'd she'd they'd he'll she'll they'll "
    "they've you you're youre your u ur someone somebody people everyone everybody anyone person one"
)
OTHER_NOUNS = words(
    "mom mum mother dad father brother sister friend friends boyfriend girlfriend husband wife son "
    "patients clients parents cousins colleagues nurse doctor teacher "
    "daughter partner client patient character characters protagonist hero heroine villain narrator "
    "author singer actor actress cousin aunt uncle grandma grandpa grandmother grandfather colleague "
    "coworker boss roommate flatmate kid kids child children teen teenager man woman guy girl boy "
    "neighbour neighbor classmate student students ex fiance fiancee bf gf bestie sibling niece nephew "
    "lad lads lass lasses bloke blokes fella fellas chap chaps"  # eleventh round: everyday words for a person
)
PERSON_WORDS = OTHER_WORDS | OTHER_NOUNS  # a word that may name someone other than the writer
# "one" is a person only as a subject ("one would think"), not as a number ("one prior attempt"); a person noun
# that only qualifies another word ("patient-style self-report", "child-like") names nobody.
ONE_VERBS = words(
    "would could can should might must may will is was has had does did feels felt wants wanted needs needed "
    "thinks thought says said tries tried of"
)
COMPOUND_TAILS = words(
    "style like led centred centered facing friendly reported rated focused proof free sized safe based report"
)
THIRD_PERSON_VERBS = frozenset(
    ["wants", "needs", "wishes", "tries", "attempts", "kills", "hangs", "deserves", "thinks", "plans", "cuts"]
)
SELF_NOUNS = frozenset(
    ["life", "self", "mind", "body", "brain", "head", "heart", "soul", "own", "thoughts", "depression"]
)
REFLEXIVE_FIRST = frozenset(
    [
        *("myself", "my", "self", "myslef", "mysef", "meself", "ourselves", "i", "i'd", "id"),
        *("miself", "misef", "mi", "masel", "mysel"),  # seventh round: Caribbean and Scots reflexives
    ]
)
WORD = re.compile(r"[a-z0-9']+")
TOKEN = re.compile(r"[a-z0-9]+(?:['.]+[a-z0-9]+)*'?|[^\sa-z0-9]")
# Rules whose phrase can describe an accident ("I cut myself on the bread knife"): an injury context sets them aside.
INJURY_RULES = frozenset(
    [
        *(
            "self_harm_act",
            "self_harm_composed",
            "self_harm_cut",
            "self_harm_named",
            "hurt_self_intent",
            "kill_self",
            "attempt_act",
            "self_harm_bare",
        ),
        "l2_reflexive_self_harm",  # seventh round
        "reported_self_harm",  # 2.8.1 (review r108): a session note's injury passes the same guard
    ]
)
# "It's not that I want to die, …": the phrase is denied by what comes before it in its clause.
NOT_THAT = re.compile(
    r"\b(?:not|isn'?t|wasn'?t)\s+(?:that|like|because)\s+(?:i\s+|i'm\s+|im\s+)?(?:\w+\s+)?$"
)


def normalise(text: str) -> str:
    """Lower-case ``text`` and straighten apostrophes, keeping its length (offsets stay valid).

    Each character is lower-cased on its own, and kept as it is where its lower case is longer than one
    character ("İ"). ``str.lower`` over the whole text gives exactly that when no character grows and there is
    no capital sigma (the one character whose lower case depends on its neighbours, "ς" at a word's end), so
    that case (every ASCII text among them) takes one call instead of a loop over the characters."""
    if text.isascii():
        return text.lower().replace("`", "'")
    low = text.lower()
    if len(low) == len(text) and "\u03a3" not in text:
        return low.replace("’", "'").replace("‘", "'").replace("`", "'")
    return _normalise_by_character(text)


# Characters that print as nothing: soft hyphen, zero-width space, non-joiner and joiner, word joiner, byte-order mark.
# Pasted text carries them ("our\u200b drummer", "over\u00addosed"); inside or beside a word they hide it from the
# lexicon's token-aligned phrases, so the screen reads the text without them (:func:`visible`).
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def visible(text: str) -> tuple[str, tuple[int, ...] | None]:
    """``text`` without its :data:`INVISIBLE` characters, and the index in ``text`` of each character kept; ``None``
    (and ``text`` itself) when it holds none, the usual case."""
    if text.isascii() or INVISIBLE.isdisjoint(text):
        return text, None
    where = tuple(i for i, ch in enumerate(text) if ch not in INVISIBLE)
    return "".join(text[i] for i in where), where


def span_in_original(start: int, end: int, where: Sequence[int], length: int) -> tuple[int, int]:
    """A span ``[start, end)`` of the text :func:`visible` made, moved back into the original text (``where``: that
    function's indices; ``length``: the original's length). The span keeps any invisible character inside it."""
    first = where[start] if start < len(where) else length
    return first, (where[end - 1] + 1 if end > start else first)


def _normalise_by_character(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out).replace("’", "'").replace("‘", "'").replace("`", "'")


# ---------------------------------------------------------------------------------------------------
# Reading the lexicon: find the phrases, decide whose words they are, and set aside what is not a risk.
# ---------------------------------------------------------------------------------------------------

SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|told\s+\w+|tell\s+\w+|tells\s+\w+|texted|wrote|writes|typed|screamed|yelled|whispered|"
    r"saying|posted|messaged\s+\w+|asked|asks|sang|sings|goes)\s*(?:to\s+\w+\s*)?[,:]?\s*$"
)
CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]|\s-\s")
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Rules whose phrase carries its own negation ("don't want to live"): only words before it can negate it.
OWN_NEGATION = words(
    "dont_want_to_live death_wish_phrase burden_without_me never_wake_up no_point_living tired_of_living "
    "hopelessness unsure_to_live gone_would_be_easier still_alive_reason death_preferred no_longer_needed "
    "reported_not_wanting_to_live"
)
# Rules with free filler words inside ("I would never hurt myself"): a negation inside them counts too.
FILLER_RULES = words(
    "self_harm_act self_harm_named attempt_tried_to_die attempt_tried_to_end_life attempt_act "
    "preparation_giving_away preparation_research preparation_note_with_plan reported_ideation reported_self_harm"
)
RESIDUAL = {
    "third_person": INDICATOR,
    "dream": INDICATOR,
    "recovery": INDICATOR,
    "accident": 0,
}  # the most a set-aside phrase may still count for


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched phrase: ``level`` is what it counts for after suppression (0 when set aside entirely)."""

    start: int
    end: int
    rule: str
    level: int
    rule_level: int
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    original: str
    norm: str
    kind: str
    sentences: tuple[tuple[int, int], ...]
    dream: frozenset[int]
    quotes: tuple[tuple[int, int], ...]
    figures: tuple[tuple[int, int], ...]
    injuries: tuple[tuple[int, int], ...] = ()
    placed_injuries: tuple[tuple[int, int], ...] = ()
    # the writer doubts an accident anywhere in the text (``ACCIDENT_DOUBTED``): read once per text, not per phrase,
    # and only in a text with an injury construction (no other reads it)
    accident_doubted: bool = False
    # 2.14.0 (h167): the figures of speech of ``FIGURATIVE`` (:func:`figurative_spans`)
    figurative: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Reading:
    """One text read by the lexicon: its context (normalised text, sentences, quotations, figures …) and every
    hit (:func:`read`). Within one analysis the defense analyzer's risk guard and the risk screen read the same
    reading of a document (:func:`document_reading`), so the lexicon reads each text once."""

    text: str
    kind: str
    context: Context
    hits: tuple[Hit, ...]


def read(text: str, kind: str = "free_association") -> list[Hit]:
    """Every risk phrase in ``text`` with the level it counts for and, if set aside, why."""
    return list(reading(text, kind).hits)


def reading(text: str, kind: str = "free_association") -> Reading:
    """:func:`read`'s hits with the context they were read in (which :func:`sentence_reasons` reads too). A text
    with :data:`INVISIBLE` characters is read without them, its hits moved back into ``text``, so every reader of
    the lexicon (the defense analyzer's risk guard among them) reads it as it prints."""
    ctx = _context(text, kind)
    shown, where = visible(text)
    if where is None:
        return Reading(text, kind, ctx, tuple(_hits(ctx)))
    hits = _hits(_context(shown, kind))
    return Reading(text, kind, ctx, tuple(_moved(hit, where, len(text)) for hit in hits))


def _moved(hit: Hit, where: Sequence[int], length: int) -> Hit:
    start, end = span_in_original(hit.start, hit.end, where, length)
    return replace(hit, start=start, end=end)


_READING = "risk_lexicon.reading"  # the key of a document's reading in ``Document.shared``


def document_reading(doc: Document) -> Reading:
    """The lexicon's reading of ``doc`` (its text and kind), made once per document by the first analyzer that
    asks and held by the document for the others: the same object, so the same hits."""
    held = doc.shared.get(_READING)
    if isinstance(held, Reading) and held.kind == doc.kind and held.text == doc.text:
        return held
    made = reading(doc.text, doc.kind)
    doc.shared[_READING] = made
    return made


def _prep_kind(ctx: Context, hit: Hit) -> int:
    """2.15.2 (h178): which of :data:`PREP_KINDS` a ``preparation_combined`` hit is (-1: none)."""
    return next((i for i, kind in enumerate(PREP_KINDS) if kind.match(ctx.norm, hit.start) is not None), -1)


def _combined_read_together(ctx: Context, hits: list[Hit]) -> list[Hit]:
    """2.15.2 (h178): ``preparation_combined`` is two acts read together, so each act passes through every reading:
    where fewer than two kinds of its acts are still read and another kind's act was set aside (someone else's, a
    hypothetical, a film's: "Her sister has written letters to each child and updated her will"), the acts still read
    after it take the set-aside act's reason."""
    combined = [h for h in hits if h.rule == "preparation_combined"]
    read = {_prep_kind(ctx, h) for h in combined if h.reason is None}
    if not read or len(read) >= 2:
        return hits
    # only a frame set on the first act carries to the acts after it ("Her sister has written letters … and updated
    # her will"); an act read first is not taken back by a later one set aside (frozen33-156, genuine, kept)
    first_read = min(h.start for h in combined if h.reason is None)
    aside = [
        h
        for h in combined
        if h.reason is not None and _prep_kind(ctx, h) not in read and h.start < first_read
    ]
    if not aside:
        return hits
    reason = next(h.reason for h in aside if h.reason is not None)
    return [
        replace(h, level=min(h.rule_level, RESIDUAL.get(reason, 0)), reason=reason)
        if h.rule == "preparation_combined" and h.reason is None
        else h
        for h in hits
    ]


def _hits(ctx: Context) -> list[Hit]:
    starts, ends = _token_edges(ctx.norm)
    guards: dict[int, bool] = {}
    hits = [
        _judge(ctx, rule, m)
        for rule in RULES
        if not rule.kinds or ctx.kind in rule.kinds
        if _guard_holds(rule, ctx.norm, guards)
        for m in regex_gate.finditer(rule.pattern, ctx.norm)  # exactly finditer, no scan when it cannot match
        if _aligned(ctx.norm, m.start(), m.end(), starts, ends)
        if rule.name not in TOLD_IN_CONTEXT or TOLD_IN_CONTEXT[rule.name](ctx, m)
    ]
    hits = _negated_inside(ctx.norm, [h for h in hits if h.end > h.start])
    kept = _combined_read_together(ctx, _without_overlaps(hits))
    kept_spans = sorted((h.start, h.end) for h in kept)
    figures = [
        Hit(s, e, "figure_of_speech", 0, 0, "figure_of_speech")
        for s, e in ctx.figures
        if _aligned(ctx.norm, s, e, starts, ends) and not _overlaps_any((s, e), kept_spans)
    ]
    figures += [
        Hit(s, e, "figurative", 0, 0, "figurative")
        for s, e in ctx.figurative
        if _aligned(ctx.norm, s, e, starts, ends) and not _overlaps_any((s, e), kept_spans)
    ]
    return sorted(kept + _without_overlaps(figures), key=lambda h: (h.start, h.end))


def _guard_holds(rule: Rule, norm: str, guards: dict[int, bool]) -> bool:
    """False only when the rule cannot match: its guard matches nowhere in ``norm`` (each guard searched once)."""
    if rule.guard is None:
        return True
    held = guards.get(id(rule.guard))
    if held is None:
        guard = rule.guard
        held = guards[id(guard)] = regex_gate.may_match(guard, norm) and guard.search(norm) is not None
    return held


# "I haven't tried to … since March", "… again": a negation of the time since, which tells of a past act.
NOT_SINCE = re.compile(
    r"\W*(?:since|again|for\s+(?:\w+\s+)?(?:days|weeks|months|years)|in\s+(?:\w+\s+)?(?:weeks|months|years))\b"
)


def _negated_inside(norm: str, hits: list[Hit]) -> list[Hit]:
    """Eleventh round: a counted word inside a negated phrase is negated with it ("never in my life I thought about
    suicide": "suicide" alone would otherwise outrank the set-aside phrase it sits in); not when what follows the
    phrase is a time since ("I haven't tried to commit suicide since 2013" tells of a past act)."""
    negated = [h for h in hits if h.reason == "negation" and not NOT_SINCE.match(norm, h.end)]
    out = []
    for h in hits:
        inside = h.reason is None and any(
            n.start <= h.start and h.end <= n.end and n.rule_level >= h.rule_level and n is not h
            for n in negated
        )
        level = min(h.rule_level, RESIDUAL.get("negation", 0))
        out.append(Hit(h.start, h.end, h.rule, level, h.rule_level, "negation") if inside else h)
    return out


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Word tokens of :func:`normalise`-d ``text`` with their offsets: letters and digits, with inner apostrophes
    and dots kept ("od'd", "o.d.'d", "don't"). Every rule match must begin and end on these edges, so "odd",
    "oddly" and "odds" are one token each and never contain "od'd"."""
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(normalise(text))]


def _token_edges(norm: str) -> tuple[frozenset[int], frozenset[int]]:
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(norm)]
    return frozenset(s for s, _ in tokens), frozenset(e for _, e in tokens)


def _aligned(norm: str, start: int, end: int, starts: frozenset[int], ends: frozenset[int]) -> bool:
    """Whether a match covers whole tokens (trailing spaces and punctuation ignored)."""
    while end > start and not (norm[end - 1].isalnum() or norm[end - 1] in "'"):
        end -= 1
    while start < end and not (norm[start].isalnum() or norm[start] in "'"):
        start += 1
    if start >= end:
        return False
    # a pattern may begin at a contraction's tail ("'d kill for" inside "i'd kill for")
    # 2.10.0 (h134): a closing quote is no part of the quoted word ("states 'no point going on'")
    return (start in starts or norm[start] == "'") and (
        end in ends or (norm[end : end + 1] == "'" and end + 1 in ends)
    )


# 2.10.0 (h134, review r114 fault 3): a note's slashed or dotted shorthand ("S/I", "S.I.", "s.i.", "S/H") read as
# "SI" / "SH", in one place; the same length, so offsets carry over
SLASHED_SHORTHAND = re.compile(r"(?<![a-z0-9/])s\s?[/.]\s?([ih])\.?(?![a-z0-9/])")


def clinical_shorthand(norm: str) -> str:
    """``norm`` with "s/i", "s.i.", "s/h" … written "si", "sh" (padded with spaces to the same length)."""
    return SLASHED_SHORTHAND.sub(lambda m: ("s" + m.group(1)).ljust(len(m.group())), norm)


def _context(text: str, kind: str) -> Context:
    norm = clinical_shorthand(normalise(text))
    sentences = tuple((m.start(), m.end()) for m in SENTENCE.finditer(norm) if m.group().strip())
    injuries = tuple(
        (m.start(), m.end())
        for p in (INJURIES + REPORTED_INJURIES if kind in SESSION_KINDS else INJURIES)
        for m in regex_gate.finditer(p, norm)
        if not _with_harm_tool(norm, m.start())
    )
    placed_injuries = tuple(
        (m.start(), m.end())
        for p in (REPORTED_INJURIES_PLACED if kind in SESSION_KINDS else ())
        for m in regex_gate.finditer(p, norm)
    )
    return Context(
        original=text,
        norm=norm,
        kind=kind,
        sentences=sentences,
        dream=_dream_sentences(norm, sentences, kind),
        quotes=tuple((m.start(), m.end()) for m in QUOTES.finditer(norm)),
        figures=tuple((m.start(), m.end()) for p in FIGURES for m in regex_gate.finditer(p, norm))
        + overdose_of_things(norm)
        + overdose_before_things(norm),
        injuries=injuries,
        placed_injuries=placed_injuries,
        # :func:`_injury` reads it only for a phrase inside one of these: none, nothing to search
        accident_doubted=bool(injuries or placed_injuries) and ACCIDENT_DOUBTED.search(norm) is not None,
        figurative=figurative_spans(norm),
    )


def _dream_sentences(norm: str, sentences: tuple[tuple[int, int], ...], kind: str) -> frozenset[int]:
    """Indices of sentences that narrate a dream (a whole dream entry; otherwise from a dream mention on)."""
    inside, out, left = kind == "dream", set(), 0
    for i, (s, e) in enumerate(sentences):
        piece = norm[s:e]
        if i and PARAGRAPH_BREAK.search(norm[sentences[i - 1][1] : s]) and kind != "dream":
            inside = False
        if mentions_dream(piece):
            inside, left = True, 6
        elif WAKING.search(piece):
            inside = False
            continue
        if inside and (kind == "dream" or left > 0):
            out.add(i)
            left -= 1
    return frozenset(out)


MIN_MODEL_WORDS = 3  # the sentence model does not raise a fragment shorter than this on its own

# h152 (review r126): the closed class of words that set a scene and say nothing of the writer (a clock time, a
# number, a day, a date, "again", "now", "tonight", a greeting, "ok", an article, a preposition). A unit made of these
# alone ("Two in the morning.", "4am on a Tuesday.") is never raised by the sentence model by itself (the model read
# "Two in the morning." at ideation); the entry is still read whole, so "2am. i want it to stop." is flagged by its
# second sentence, and the lexicon reads every word as before. Closed on purpose: words that carry a meaning of
# their own in a crisis line stay out ("time", "day", "last", "then", "it's", "good", "over", "out", "up", "down",
# "off", "away", "still", "just", "no", "may"), so do the abbreviations that are words ("sat", "sun", "wed"), and an
# emergency number (999, 911, 112, 111, 000) is content.
SCENE_WORDS = words(
    # articles, a demonstrative of time ("this morning"), conjunctions
    "a an the this and or "
    # prepositions
    "in on at of to for from by after before until till til since past around about near into through during "
    "between "
    # times of day and the words of a clock
    "again now tonight today tomorrow yesterday morning mornings afternoon evening night nights midnight noon midday "
    "dawn am pm a.m p.m o'clock oclock half quarter hour hours hr hrs minute minutes min mins "
    # days and months (not "may": a verb)
    "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays "
    "saturdays sundays january february march april june july august september october november december "
    # numbers in words
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty hundred first second third fourth fifth "
    # greetings, "ok"
    "hi hello hey hiya ok okay"
)
# a number, a clock time or a date ("3", "2am", "2.30am", "3.15", "14th", "1990s", "4ish"; "14:00" is two tokens)
SCENE_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:am|pm|a\.m|p\.m|h|hrs?|st|nd|rd|th|s|ish)?")
EMERGENCY_NUMBERS = words("999 911 112 111 000")


def scene_only(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` (normalised text) holds a word and every word in it is of the closed class
    :data:`SCENE_WORDS` or a number, a clock time or a date (:data:`SCENE_NUMBER`; not an emergency number). Any
    other token (a content word, a letter of another script, an emoji) makes it not a scene; punctuation is read
    as nothing."""
    found = False
    for m in TOKEN.finditer(norm, start, end):
        token = m.group()
        if len(token) == 1 and not token.isalnum():
            if unicodedata.category(token).startswith(("P", "Z")):
                continue
            return False  # a symbol or an emoji: content (a letter of another script is content below)
        if token in SCENE_WORDS or (SCENE_NUMBER.fullmatch(token) and token not in EMERGENCY_NUMBERS):
            found = True
            continue
        return False
    return found


def _judge(ctx: Context, rule: Rule, m: re.Match[str]) -> Hit:
    start, end = m.start(), m.end()
    reason = _reason(ctx, rule, m)
    if ctx.kind in SESSION_KINDS:
        sentence_start = ctx.sentences[_sentence_of(ctx, start)][0] if ctx.sentences else 0
        if reason in ("third_person", "quotation"):
            # In a therapist's session text "she" or "the client" is usually the person in therapy: err upward; not
            # someone of theirs named as the subject ("She said her friend wants to die": thirty-third round).
            reason = "third_person" if _someone_of_theirs(ctx.norm, sentence_start, start) else None
            if reason is None and any(_overlaps((start, end), f) for f in ctx.figures):
                reason = "figure_of_speech"  # 2.15.1 (h177): "Pt 'took an overdose of sun'": the quoted words' figure
        if reason is None and (
            _relative_acts_in_note(ctx.norm, sentence_start, start)
            or _relative_possessive(ctx.norm, sentence_start, m)
            or note_owner(ctx, m) == "other"
            or _others_telling_or_bracketed(ctx.norm, sentence_start, start)
        ):
            # 2.10.0 (h134, review r114 fault 8): "Client's brother attempted suicide", "mother OD'd when pt was 12";
            # 2.12.0 (h157): "Cl discussed brother's suicide attempt", "pt's sister's self-harm"; 2.13.0 (h160):
            # "Cl says Priya took an overdose", "one of the residents attempted", "Cl's friend Sam …; he had cut"
            reason = "third_person"
        if reason is None and _asked_unanswered_in_note(ctx, m):
            # 2.16.1 (h183, frozen37-129): "Asked re SI, declined to answer": the clinician's question left unanswered,
            # read as a journal reads someone else's question (indicator at most)
            reason = "third_person"
        if reason is None and _denied_in_note(ctx, m):
            # thirty-third round: a therapist's "denies SI", "denied wanting to die"
            reason = "negation"
    if reason == "third_person" and _found_by_someone(ctx, rule, m):
        # 2.14.0 (h167): "Her husband cut her down", "Mum found me with the belt round my neck"; 2.16.3 (h190), folded
        # here by 2.16.4 (h191): "Mother found rope tied to loft beam; pt admits he put it there"
        reason = None
    level = rule.level if reason is None else min(rule.level, RESIDUAL.get(reason, 0))
    if reason == "dream" and rule.level < IDEATION:
        level = 0
    return Hit(start, end, rule.name, level, rule.level, reason)


# 2.14.0 (h167): someone who finds, cuts down or stops the client is the subject, the client the object ("Housemate
# found her with a belt round her neck", "Her husband cut her down", "partner took the belt off her"): the hanging
# is the client's, not the finder's
FOUND_BY = re.compile(
    r"\b(?:found|finds|discovered|saw|caught|walked\s+in\s+on|cut|took|taken|pulled|stopped|untied)\s+"
    r"(?:(?:the\s+)?[a-z'-]+\s+(?:off|from)\s+)?(?:her|him|them|me|pt|cl|client|patient|yp)\b"
)


# 2.16.4 (h191): the rules of an act or its means found by someone else. Found with the client named as the object
# ("Sister found pt in garage w/ rope tied to beam", ``FOUND_BY``), or the means found and the client's own word for
# it in the rule's match ("Mother found rope tied to loft beam; pt admits he put it there": ``FOUND_OWNED_RULES``,
# 2.16.3's ``H190_OWN_IN_NOTE`` folded here): the act is the client's, not the finder's.
FOUND_RULES = frozenset(
    {
        "attempt_interrupted",
        "found_with_ligature",
        "attempt_found_unresponsive_means",
        "note_ligature_tied_admitted",
    }
)
FOUND_OWNED_RULES = frozenset({"note_ligature_tied_admitted"})
FOUND_THE_MEANS = re.compile(
    r"\b(?:found|finds|discovered|saw)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:rope|cord|belt|noose|ligature|flex|cable)\b"
)


def _found_by_someone(ctx: Context, rule: Rule, m: re.Match[str]) -> bool:
    """The act or the means ``m`` is told with someone finding, cutting down or stopping its person, named as the
    object, or finding the means the client owns in ``m``'s own words (:data:`FOUND_OWNED_RULES`)."""
    if rule.name not in FOUND_RULES:
        return False
    sentence_start = ctx.sentences[_sentence_of(ctx, m.start())][0] if ctx.sentences else 0
    if FOUND_BY.search(ctx.norm, sentence_start, m.end()) is not None:
        return True
    return (
        rule.name in FOUND_OWNED_RULES
        and FOUND_THE_MEANS.search(ctx.norm, sentence_start, m.end()) is not None
    )


# Thirty-third round: in a therapist's note a relative or a friend of the client's, named with a possessive, as the
# subject nearest before the phrase ("her friend wants to die", "his brother cut himself") is someone else's.
THEIRS = words("his her their my your a an the")
NOT_SOMEONE_ELSE = words("client clients patient patients")
DENIES = re.compile(r"\b(?:denies|denied|denying|deny|no\s+(?:current\s+|active\s+|passive\s+)?(?:si|sh)\b)")


# 2.10.0 (h134, review r114 fault 8): a relative or friend named (with or without "client's", "pt's", "his" …) as the
# subject right before an act in a note is that person's history; "pt attempted", "she OD'd" stay the client's
RELATIVE_SUBJECT = re.compile(
    r"(?:^|[.;:!?\n]\s*|\b(?:client'?s|clients|pt'?s|cl'?s|patient'?s|his|her|their|the|a)\s+)(?:(?:older|younger|"
    r"late|step|half|best|ex|twin)[\s-]?)?(?:brother|sister|mother|mum|mom|father|dad|friend|partner|cousin|uncle|aunt|"
    r"son|daughter|husband|wife|boyfriend|girlfriend|grandmother|grandfather|grandma|grandpa|nan|sibling|parent|"
    r"stepmother|stepfather|stepdad|stepmum|niece|nephew|colleague|roommate|flatmate)s?\s+(?:\w+\s+){0,1}$"
    # 2.16.4 (h191, frozen40-077): a client's child, owned ("Pt's toddler 'overdosed' on …", "her baby"; never "the
    # baby", an object as often as a subject), the act's verb in quotes
    r"|\b(?:client'?s|clients|pt'?s|cl'?s|patient'?s|his|her|their)\s+(?:toddler|baby|infant|newborn|child|kid|"
    r"stepson|stepdaughter|grandson|granddaughter)s?\s+(?:\w+\s+){0,1}['\"\u2018\u201c]?$"
)
# 2.12.0 (h157, frozen28-162): a relative's or a friend's possessive right before the act's noun ("brother's suicide
# attempt", "her mum's overdose", "pt's sister's self-harm", "my best friend's cutting", "dad's recent OD") names that
# person's act, in a note and in a journal; at most a few words that only qualify the act may stand between
# (``ACT_QUALIFIERS``), and the act must open on its noun (``ACT_NOUNS``: "dad's pills" or "mum's rope" are things,
# not acts, and stay read as they are). "client's attempt", "pt's overdose", "her attempt", "my overdose" are not a
# relative's and stay the writer's (or, in a note, the client's). "'s" for "is" or "has" keeps the relative the
# subject ("her brother's cutting again").
RELATIVE_NOUN = (
    r"(?:(?:older|younger|late|step|half|best|ex|twin|big|little|baby|eldest|oldest|youngest)[\s-]?)?"
    r"(?:brother|bro|sister|sis|mother|mum|mom|mam|mummy|mommy|father|dad|daddy|papa|friend|mate|pal|bestie|partner|"
    r"cousin|uncle|aunt|auntie|aunty|son|daughter|husband|wife|boyfriend|girlfriend|bf|gf|fiance|fiancee|"
    r"grandmother|grandfather|grandma|grandpa|granny|gran|grandad|granddad|nan|nana|sibling|parent|stepmother|"
    r"stepfather|stepdad|stepmum|stepmom|stepbrother|stepsister|niece|nephew|colleague|coworker|roommate|flatmate|"
    r"housemate|classmate|neighbou?r|ex)"
)
RELATIVE_POSSESSIVE = re.compile(
    r"(?<![a-z0-9'])" + RELATIVE_NOUN + r"(?:s'|'s|s's)\s+(?:" + ACT_QUALIFIERS + r"\s+){0,2}$"
)
ACT_NOUNS = words(
    "attempt attempts attempted suicide suicides overdose overdoses overdosing od od'd ods self selfharm sh cutting "
    "cuts hanging"
)


def _relative_possessive(norm: str, sentence_start: int, m: re.Match[str]) -> bool:
    """2.12.0 (h157): whether the act ``m`` opens on its noun right after a relative's or a friend's possessive."""
    head = WORD.match(norm, m.start())
    if head is None or head.group() not in ACT_NOUNS:
        return False
    return RELATIVE_POSSESSIVE.search(norm, sentence_start, m.start()) is not None


# 2.16.1 (h183, frozen37): someone else in a note. (i) Another's telling of an act is theirs: "a group member's
# disclosure of a suicide attempt", "her friend's account of an overdose" (a person's possessive, then disclosure,
# account, story … of the act). (ii) A relation with a name or an initial in brackets opening the act's clause
# ("Partner (J.) threatened to kill himself"), the initial's full stop read as no sentence's end.
OTHER_PERSON_NOUN = (
    r"(?:"
    + RELATIVE_NOUN
    + r"|(?:group\s+|fellow\s+|peer\s+)?member|peer|fellow\s+patient|another\s+patient|"
    r"(?:other|another)\s+(?:client|resident|service\s+user)|resident|inmate)"
)
OTHERS_TELLING = re.compile(
    r"(?<![a-z0-9'])"
    + OTHER_PERSON_NOUN
    + r"(?:s'|'s)\s+(?:disclosure|account|story|report|description|mention|"
    r"telling|news|history|experience|memory|memories)\s+(?:of|about)\s+(?:(?:a|an|the|his|her|their)\s+)?"
    r"(?:" + ACT_QUALIFIERS + r"\s+){0,2}$"
)
BRACKETED_OPENER = re.compile(
    r"(?:^|\n|[.;!?]\s+)[ \t]*(?:(?:her|his|their|pt's|client's|cl's)\s+)?"
    + RELATIVE_NOUN
    + r"\s*\([^()\n]{1,24}\)\s+"
    r"(?:(?!(?:she|he|pt|cl|client|i|they|her|him|them)\b)[a-z']+\s+){0,5}$"
)


def _others_telling_or_bracketed(norm: str, sentence_start: int, start: int) -> bool:
    """2.16.1 (h183): the act at ``start`` is told by another as theirs, or its clause opens on a relation with a
    bracketed name or initial (:data:`OTHERS_TELLING`, :data:`BRACKETED_OPENER`)."""
    if OTHERS_TELLING.search(norm, sentence_start, start) is not None:
        return True
    line_start = norm.rfind("\n", 0, start) + 1
    return BRACKETED_OPENER.search(norm, max(line_start, start - 160), start) is not None


def _relative_acts_in_note(norm: str, sentence_start: int, start: int) -> bool:
    return RELATIVE_SUBJECT.search(norm[sentence_start:start]) is not None


def _someone_of_theirs(norm: str, sentence_start: int, start: int) -> bool:
    # 2.15.0 (h175): a quotation's opening mark is no part of its first word ("'My sister keeps talking about killing
    # herself'"); a possessive ("client's", "pt's") owns the noun as "his", "her" do; one word may stand between
    # ("Client's ex partner", "his AA sponsor"); a sponsor, a mentor, a coach are person nouns
    opening = WORD.match(norm, start)
    if opening is not None and opening.group().removesuffix("'s") in CLIENT_WORDS:
        return False  # the act names the client as its subject ("… after cl cut her arms")
    raw = [t.group() for t in WORD.finditer(norm, sentence_start, start)]
    tokens = [t.strip("'") for t in raw]
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i]
        if raw[i] in FIRST_WORDS or raw[i] in OTHER_WORDS or word in CLIENT_WORDS:
            return False
        # "mother found her after she attempted": "her" is the client, the object, not the owner of a person noun
        if word in ("her", "him", "them") and i + 1 < len(tokens) and tokens[i + 1] not in NOTE_PERSON_NOUNS:
            return False
        if (word in OTHER_NOUNS or word in NOTE_OTHER_NOUNS) and word not in NOT_SOMEONE_ELSE:
            return any(i > gap and _owner_word(tokens[i - 1 - gap]) for gap in (0, 1))
    return False


NOTE_OTHER_NOUNS = words("sponsor mentor coach tutor carer housemate peer cellmate inmate")
NOTE_PERSON_NOUNS = OTHER_NOUNS | NOTE_OTHER_NOUNS | words("own best older younger late ex step")


def _owner_word(word: str) -> bool:
    """2.15.0 (h175): a word that owns the person noun after it: "his", "her", "my" …, or a possessive ("client's")."""
    return word in THEIRS or (word.endswith("'s") and len(word) > 2)


# The words that turn a sentence after a denial; `DENIAL_STOP` here, `risk.DENIAL_TURN` (the model's clauses) read
# the same list
DENIAL_TURN_WORDS = r"(?:but|however|yet|although|though)"
DENIAL_STOP = re.compile(r"\b" + DENIAL_TURN_WORDS + r"\b|;")


def denial_cut(norm: str, start: int, end: int) -> int | None:
    """2.10.1 (h140, review r117): where a sentence's denial ends (its first :data:`DENIAL_STOP` after a
    :data:`DENIES`), so the sentence model reads the denied clause and the rest apart ("Denies current SI; yet admits
    thinking about dying every day."): the denial lowers its own clause only. ``None``: no denial, or no stop."""
    denial = DENIES.search(norm, start, end)
    if denial is None:
        return None
    stop = DENIAL_STOP.search(norm, denial.end(), end)
    return stop.start() if stop is not None else None


def _denied_in_note(ctx: Context, m: re.Match[str]) -> bool:
    """A therapist's denial governs the phrase: "denies" / "denied" opens it ("denies SI") or stands in its clause
    before it ("She denied that she wants to die", "denies wanting to die")."""
    sentence = _sentence_of(ctx, m.start())
    clause_start = _clause_start(ctx, sentence, m.start())
    if DENIES.match(ctx.norm, m.start()) is not None:
        return True
    denials = list(DENIES.finditer(ctx.norm, clause_start, m.start()))
    denial = denials[-1] if denials else None
    # 2.10.0 (h134, review r114 fault 7): a denial's scope stops at "but", "however" or ";"
    return denial is not None and DENIAL_STOP.search(ctx.norm, denial.end(), m.start()) is None


# 2.16.0 (h180): "I don't want to be here anymore. Not at this job I mean.": the next sentence, opening "Not …" or "I
# mean …" and naming a place, a job, a relationship or a town, narrows "here" to it (so a wish to leave, not to die);
# only with that evidence, and not where it or a later sentence re-affirms ("Not just the job. Anywhere.")
HERE_WISH = re.compile(r"\bbe\s+(?:here|around)\b")
NARROWING_OPENS = re.compile(
    r"\s*(?:[-\u2013\u2014,;(]\s*)?(?:(?:well|i\s+mean|i\s+meant|meaning)\s*,?\s*)?(?:not|i\s+mean|i\s+meant|meaning)\b"
)
NARROWED_TO = re.compile(
    r"\b(?:job|jobs|work|workplace|office|company|firm|team|department|shift|career|school|uni|university|college|"
    r"class|classes|course|house|flat|home|houseshare|digs|city|town|village|country|area|place|neighbourhood|"
    r"neighborhood|street|estate|relationship|marriage|group|club|ward|hospital|unit|party|meeting|family|household|"
    r"london|manchester|here\s+in\s+\w+|in\s+this\s+(?:\w+\s+)?(?:house|flat|town|city|job|place|country|relationship)|"
    r"with\s+(?:him|her|them|my\s+\w+))\b"
)
REAFFIRMED = re.compile(
    r"\b(?:anywhere|everywhere|at\s+all|in\s+general|alive|on\s+(?:this\s+)?earth|in\s+this\s+world|full\s+stop|"
    r"period|not\s+just|not\s+only|exist|existing|living|life|anymore\s+full\s+stop|die|dead|gone|here[\s,]+here|"
    r"really\s+here|literally|as\s+in\s+(?:here|alive|at\s+all))\b"
)


def _here_narrowed(ctx: Context, m: re.Match[str], sentence: int) -> bool:
    """2.16.0 (h180): a wish "not to be here" narrowed by what follows it to a place, a job, a relationship or a town
    (:data:`NARROWED_TO`), in the rest of its sentence after a dash or a comma, or in the next sentence opening "Not
    …" / "I mean …"; not where that or a later sentence re-affirms (:data:`REAFFIRMED`)."""
    if HERE_WISH.search(m.group()) is None or not ctx.sentences:
        return False
    tail = re.sub(r"^\s*(?:anymore|any\s+more)\b", "", ctx.norm[m.end() : ctx.sentences[sentence][1]])
    if re.match(r"\s*[-\u2013\u2014,;(]", tail) is not None and NARROWING_OPENS.match(tail) is not None:
        narrowing = tail
        later_from = sentence + 1
    elif sentence + 1 < len(ctx.sentences):
        start, end = ctx.sentences[sentence + 1]
        narrowing = ctx.norm[start:end]
        if NARROWING_OPENS.match(narrowing) is None:
            return False
        later_from = sentence + 2
    else:
        return False
    if NARROWED_TO.search(narrowing) is None or REAFFIRMED.search(narrowing) is not None:
        return False
    return all(REAFFIRMED.search(ctx.norm, s, e) is None for s, e in ctx.sentences[later_from:])


# 2.16.1 (h183, frozen37): a wish narrowed in its own line by an ordinary object named right after it: a fragment ("I
# want to die. Of embarrassment.", "I want out. Out of this lease", "I wish I didn't exist... on Mondays."), an
# apposition ("Wish I could just end it. The relationship, I mean."), "meant …" / "clarified: …" ("then clarified: the
# marriage, not her life"), a joke with the thing it was about ("Joking, it's only the tax return"); never where the
# rest of the line re-affirms ("just kidding, I mean it", "Kidding. Not kidding.", "alive", "life", "everything").
# Read as `everyday` on a wish's phrase (``WISH_NARROWABLE``) and on a unit the sentence model raises alone.
WISH_NARROWABLE = words(
    "want_to_die kill_self end_it_all death_wish_phrase wish_dead dont_want_to_live death_preferred death_welcome "
    "death_wish_said_plainly death_wish_indirect death_wish_swap kms never_wake_up no_point_living join_the_dead "
    "better_not_living check_out_for_good burden_without_me"
)
NARROW_OPENS = re.compile(
    r"[\s'\"\u2018\u2019\u201c\u201d,;:\-\u2013\u2014(\[]*(?:"
    r"(?:of|from)\s+(?!(?:an?\s+)?(?:overdose|cancer|pills|tablets|suicide|sleep|old\s+age|natural)\b)[a-z]"
    r"|out\s+of\s+(?:this|that|the|my|here)\b"
    r"|on\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|weekdays|monday|tuesday|wednesday|thursday|friday|"
    r"sunday\s+nights?|sundays|work\s+days|school\s+days)\b"
    r"|(?:(?:at|in|on|with|from|about)\s+)?(?:the|this|that|my|our|her|his|their)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+\s*,?\s*"
    r"(?:(?:i|she|he|they)\s+(?:mean|meant)|that\s+is|that'?s\s+what\s+i\s+mean)\b"
    # 2.16.4 (h191, frozen40-187): a span of an ordinary task right after ("kill me now. three hours of tax forms")
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|another|more)\s+(?:more\s+)?(?:hours?|hrs?|days?|"
    r"pages?|meetings?|minutes?|mins?)\s+of\s+(?!(?:this|that|it|life|living|pain|hell|everything)\b)[a-z]"
    # 2.16.2 (h185, frozen38-075, -087): a wish not to wake told of sleep ("on weekends", "Best sleep in months")
    r"|on\s+(?:weekends|the\s+weekend|days\s+off|my\s+days\s+off|rest\s+days)\b"
    # 2.16.2 (h185, frozen38-021): "kill me. jk. but the group project is killing me"
    r"|but\s+(?:the|this|that|my|our)\s+(?:[a-z'-]+\s+){0,3}?(?:is|was|are|were)\s+(?:\w+\s+)?killing\s+me\b"
    r"|(?:best|good|great|amazing|lovely|deepest|longest)\s+(?:\w+\s+)?(?:sleep|nap|lie-?in|night'?s?\s+sleep)\b"
    # 2.16.5 (h195, frozen41-180): "'I want it all to end' re: custody proceedings", "regarding the move"
    r"|(?:re\s*:|re\b|regarding|in\s+relation\s+to|in\s+respect\s+of)\s*(?:the\s+|her\s+|his\s+|their\s+|my\s+)?"
    r"(?!(?:life|living|everything|death|dying|suicid\w*|self|herself|himself|themselves|myself)\b)[a-z]"
    # 2.16.3 (h190, frozen39-063): "ready to end it all - this relationship with sugar"
    r"|(?:this|that|the|my)\s+(?:relationship|habit|diet|addiction|streak|affair|love\s+affair|obsession)\s+with\s+"
    r"(?!(?:life|living|myself|everything|everyone|you|him|her|them)\b)[a-z])"
)
NARROW_RECURRING = re.compile(
    r"[\s'\"\u2018\u2019\u201c\u201d]*on\s+(?:weekends|mondays|tuesdays|wednesdays|thursdays|fridays|weekdays|"
    r"work\s+days|school\s+days|days\s+off|my\s+days\s+off|rest\s+days)\b"
)
NARROW_SAID = re.compile(
    r"\b(?:(?:then\s+)?clarified|explained|meant|meaning|i\s+mean|i\s+meant)\b\s*[:,\-\u2013\u2014]?\s*"
    r"(?:(?:she|he|they|i)\s+)?(?:(?:only|just|talking\s+about|referring\s+to|meant|out\s+of)\s+)*"
    r"(?:the|this|that|my|her|his|their|our)\s+(?!(?:life|world|end|pain|whole\s+thing|everything)\b)[a-z]"
    # 2.16.3 (h190, frozen39-122): "I wish I didn't exist... I mean at this party"; never "at this point"
    r"|\bi\s+mean\s*,?\s*(?:at|in|on|with|around|from|out\s+of|about)\s+(?:this|that|the|my|our)\s+"
    r"(?!(?:life|world|end|pain|point|moment|stage|rate|time|whole\s+thing|everything)\b)[a-z]"
    # 2.16.3 (h190, frozen39-177): "kill me now. jk the printer jammed again": the thing that was meant, and its mishap
    r"|\b(?:joking|kidding|jk)\b[\s.!,:;\-\u2013\u2014]*(?:the|this|that|my|our)\s+"
    r"(?!(?:life|world|end|pain|whole\s+thing|everything)\b)[a-z'-]+\s+(?:[a-z'-]+\s+)?(?:jammed|broke|crashed|"
    r"froze|died|is\s+broken|won'?t\s+(?:work|load|start)|keeps\s+crashing)\b"
    # a joke about the thing the wish was of ("Joking, it's only the tax return"), not a joke about something else
    # ("Just kidding about the party": the wish stands)
    # 2.16.2 (h185, frozen38-021): "kill me. jk. but the group project is killing me"
    r"|\b(?:joking|kidding|jk)\b[\s.!,:;\-\u2013\u2014]*but\s+(?:the|this|that|my|our)\s+(?:[a-z'-]+\s+){0,3}?"
    r"(?:is|was|are|were)\s+(?:\w+\s+)?killing\s+me\b"
    # 2.16.2 (h185, frozen38-188): "'better off without me' as he leaves for a new role"
    r"|\bas\s+(?:she|he|they|i)\s+(?:leaves?|leaving|moves?|moving|starts?|starting|retires?|retiring|heads?\s+off)\s+"
    r"(?:for|to|on)\s+(?:a\s+|the\s+|his\s+|her\s+|my\s+|their\s+)?(?:new\s+)?(?:role|job|post|position|team|"
    r"company|school|uni|university|course|career|secondment|firm|practice|contract)\b"
    # 2.16.4 (h191, frozen40-168): "Clarified: means to a cabin for a week"; (frozen40-030) "not in a dark way"
    r"|\b(?:clarified|explained|clarifies|explains)\b\s*[:,\-\u2013\u2014]?\s*(?:(?:she|he|they|pt|cl|client)\s+)?"
    r"(?:means|meant|meaning)\s+(?:to\s+go\s+)?(?:to|at|in|from|away\s+to|off\s+to)\s+(?:a|an|the|this|that|her|his|"
    r"their|my)\s+(?!(?:life|world|end|grave|other\s+side)\b)[a-z]"
    r"|\bnot\s+in\s+an?\s+(?:dark|suicidal|bad|morbid|scary|weird|serious|depressing|concerning|sad|worrying|"
    r"worrisome)\s+way\b"
    r"|\b(?:joking|kidding|jk)\b\s*[:,\-\u2013\u2014]?\s*(?:it'?s|it\s+is|it\s+was|that'?s|that\s+was)\s+"
    r"(?:(?:only|just|about|all\s+about)\s+)*(?:the|this|that|my|her|his|their|our)\s+"
    r"(?!(?:life|world|end|pain|whole\s+thing|everything)\b)[a-z]"
)
NARROW_REAFFIRMED = re.compile(
    r"\b(?:i\s+mean\s+it|not\s+(?:kidding|joking)|no\s+joke|seriously|for\s+real|serious|literally|alive|living|"
    r"life|lives|everything|all\s+of\s+it|myself|forever|anywhere|at\s+all|not\s+just|not\s+only|die|dying|dead|"
    # 2.16.5 (h195, frozen41-028): "not actually" takes the wish back ("(of my cold, not actually, just sick of …)")
    r"death|suicid\w*|kill\w*|overdose|pills|tablets|plan|exist|existing|but\s+also|(?<!\bnot\s)actually)\b"
)
OWN_LIFE_DENIED = re.compile(
    r"\bnot\s+(?:her|his|my|their|your)\s+(?:own\s+)?life\b"
    # 2.16.5 (h195, frozen41-180): a clinician's denial after it ("no thoughts of death on exploration") re-affirms
    # nothing
    r"|\b(?:no|nil|denies|denied)\s+(?:(?:further|other|active|passive|current)\s+)?(?:thoughts?|ideas?|wish|intent)\s+"
    r"(?:of|about|to)\s+(?:death|dying|die|suicide|ending\s+(?:her|his|their)\s+life)\b"
    # a thing's death ("it's just dead": the relationship) re-affirms nothing of the writer's
    r"|\b(?:it'?s|it\s+is|its|it\s+was|that'?s)\s+(?:just\s+|so\s+|totally\s+|completely\s+|basically\s+)?dead\b"
    # 2.16.2 (h185): a figure of a thing killing one, and the clinician's "no death wish" re-affirm nothing
    r"|\b(?:is|are|was|were|'s|keeps|kept)\s+(?:\w+\s+)?killing\s+me\b"
    r"|\bno\s+(?:death\s+wish|wish\s+to\s+die|suicidal\s+(?:intent|ideation|thoughts))\b"
)


def wish_narrowed(norm: str, at: int, *, unit: bool = False) -> bool:
    """2.16.1 (h183): what follows ``at`` (a wish's end) on its line narrows the wish to an ordinary object
    (:data:`NARROW_OPENS` right after it or after its sentence, :data:`NARROW_SAID` in the rest of its line) and
    nothing after it re-affirms it (:data:`NARROW_REAFFIRMED`; "not her life" is no re-affirmation). ``unit``: ``at``
    ends a unit of the sentence model, so what follows is the next sentence."""
    end = norm.find("\n", at)
    tail = norm[at : len(norm) if end < 0 else end]
    if (
        not unit
    ):  # 2.16.2 (h185, frozen38-004): "end it | all. (the season, i mean …)"; never "… | All of them."
        # 2.16.5 (h195): and before a closing quote ("'… end it all' re: the tenancy")
        tail = re.sub(r"^\s+all\b(?=\s*(?:[.!?,;:()\-\u2013\u2014\u2026'\"\u2019\u201d]|$))", "", tail)
    if NARROW_REAFFIRMED.search(OWN_LIFE_DENIED.sub(" ", tail)) is not None:
        return False
    pieces = re.split(r"[.!?\u2026]+", tail)
    rest = "" if unit else pieces[0]
    following = next((p for p in (pieces if unit else pieces[1:]) if p.strip()), "")
    if not re.search(r"\w", rest) and not re.search(r"\w", following) and end >= 0:
        # 2.16.4 (h191, frozen40-013, -168): nothing more on the wish's line, and the next line narrows it ("I want to
        # end it.\nI mean the lease.", "'I want to disappear.'\nClarified: means to a cabin for a week")
        next_end = norm.find("\n", end + 1)
        tail = norm[end + 1 : len(norm) if next_end < 0 else next_end]
        if NARROW_REAFFIRMED.search(OWN_LIFE_DENIED.sub(" ", tail)) is not None:
            return False
        following = next((p for p in re.split(r"[.!?\u2026]+", tail) if p.strip()), "")
    if rest.strip():
        # 2.16.3 (h190, frozen39-135): a bracket opens it too ("want to die (of embarrassment, …)")
        opens = (
            re.match(
                # 2.16.5 (h195, frozen41-180): after a closing quote, "re:" or "regarding" opens it too
                r"\s*['\"\u2019\u201d]?\s*(?:[,;:\-\u2013\u2014(\[]|re\s*:|regarding\b|in\s+relation\s+to\b)",
                rest,
            )
            is not None
            and NARROW_OPENS.match(rest) is not None
        )
        # 2.16.2 (h185, frozen38-075): a wish told of a recurring time right after it ("'don't want to wake up' on
        # weekends"), never of one day ("on Monday" may be a plan's)
        opens = opens or NARROW_RECURRING.match(rest) is not None
    else:
        opens = NARROW_OPENS.match(following) is not None and len(WORD.findall(following)) <= 10
    return opens or NARROW_SAID.search(tail, 0, 160) is not None


def _wish_narrowed(ctx: Context, rule: Rule, m: re.Match[str]) -> bool:
    return rule.name in WISH_NARROWABLE and wish_narrowed(ctx.norm, m.end())


# 2.16.4 (h191, frozen40-076): things given away, one of them a book or an album ("gave away my guitar and all my
# books"): the media word is the act's own object (the match, or a list of objects joined to it), not a frame of
# fiction around it
GIVEN_OBJECTS = re.compile(
    r"(?:\s*(?:,|and|&|\+)\s*(?:all\s+|some\s+|most\s+)?(?:of\s+)?(?:my|her|his|their|the)\s+[\w'-]+)+"
)


# 2.16.4 (h191, frozen40-130): a screen's result told negative right after its name ("SI screen negative", "suicide
# risk screening: negative"), or before it ("negative SI screen"): a denial
SCREEN_NEGATIVE_AFTER = re.compile(
    r"[ \t]*(?:risk[ \t]+)?(?:screen(?:ing)?|screen[ \t]+result|check|enquiry|inquiry|questions?)[ \t]*(?:was[ \t]+|is[ \t]+|"
    r":[ \t]*)?(?:negative|neg|-ve|clear|nil)\b"
    # 2.16.5 (h195, frozen41-125): a screen not done tells nothing of the client ("SI screen not completed -
    # interpreter unavailable"); never "not completed but pt said …"
    r"|[ \t]*(?:risk[ \t]+)?(?:screen(?:ing)?|assessment|questions?)[ \t]+(?:was[ \t]+)?(?:not[ \t]+(?:completed|done|"
    r"asked|attempted|possible)|deferred|incomplete)\b(?![^\n]{0,80}\b(?:but|however|though|although)\b)"
)
SCREEN_NEGATIVE_BEFORE = re.compile(r"\b(?:negative|neg|-ve)[ \t]+$")
SCREENABLE = words("si suicidal suicide suicidality sh self-harm ideation risk dsh")


# 2.16.5 (h195, frozen41-136): a wish set down as a checklist's item and answered no after it ("sad yes, wanting to
# die no.", "thoughts of dying: no"): a denial. The item opens its clause (line start, a comma, a colon or a semicolon
# before it) and "no" closes it; never "I want to die, no joke", never "want to die. No one cares".
ITEM_ANSWER_NO = re.compile(
    r"[ \t]*[,:\-\u2013]?[ \t]*(?:no|nope|nah|never|n)\b[ \t]*(?:[.!;,]|$)", re.MULTILINE
)
ITEM_OPENS = re.compile(r"(?:^|[,;:][ \t]*)$", re.MULTILINE)


def _item_answered_no(ctx: Context, rule: Rule, m: re.Match[str]) -> bool:
    if rule.name not in WISH_NARROWABLE or rule.level > IDEATION:
        return False
    line_start = ctx.norm.rfind("\n", 0, m.start()) + 1
    before = ctx.norm[line_start : m.start()]
    opens = (
        ITEM_OPENS.search(before) is not None
        or re.search(r"(?:^|[,;:]\s*)(?!i\b)\w+\s*$", before) is not None
    )
    return opens and ITEM_ANSWER_NO.match(ctx.norm, m.end()) is not None


def _screened_negative(ctx: Context, m: re.Match[str]) -> bool:
    last = WORD.findall(ctx.norm, m.start(), m.end())[-1:]
    if not last or last[0] not in SCREENABLE:
        return False
    return SCREEN_NEGATIVE_AFTER.match(ctx.norm, m.end()) is not None or (
        SCREEN_NEGATIVE_BEFORE.search(ctx.norm, max(0, m.start() - 12), m.start()) is not None
        and re.match(r"[ \t]+(?:screen(?:ing)?|check)\b", ctx.norm[m.end() :]) is not None
    )


# 2.16.4 (h191, frozen40-007): a name given to a song, a book, a band, a film ("our band's new single … it's called
# Overdose"): the word is a title, not an act or a wish
TITLED = re.compile(r"\b(?:called|titled|entitled|named)\s*[:\-]?\s*['\"\u2018\u201c]?\s*$")


def _titled(ctx: Context, start: int) -> bool:
    """The phrase at ``start`` is a name given right after "called", "titled" …, in capitals or quotes as a title is
    written ("it's called Overdose", "titled 'Kill Me Now'"), never a lower-case word after "called" ("called 999")."""
    before = TITLED.search(ctx.norm, max(0, start - 16), start)
    if before is None:
        return False
    quoted = re.search(r"['\"\u2018\u201c]\s*$", before.group()) is not None
    return quoted or ctx.original[start : start + 1].isupper()


def _media_frame(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    s, e = ctx.sentences[sentence]
    text = ctx.norm[s:e]
    if rule.name == "preparation_ending" or rule.name.startswith("prep_"):
        objects = GIVEN_OBJECTS.match(ctx.norm, m.end(), e)
        end = objects.end() if objects is not None else m.end()
        text = ctx.norm[s : m.start()] + " " * (end - m.start()) + ctx.norm[end:e]
    return MEDIA.search(text) is not None


def _reason(ctx: Context, rule: Rule, m: re.Match[str]) -> str | None:
    start, end = m.start(), m.end()
    sentence = _sentence_of(ctx, start)
    person = _person(ctx, m, sentence)
    quoted = _quote_speaker(ctx, start, end)
    asked = _asked(ctx, m, sentence)
    checks: tuple[tuple[str, bool], ...] = (
        ("figurative", any(_overlaps((start, end), f) for f in ctx.figurative)),
        # 2.16.1 (h183): a wish narrowed in its own line is read before its quotation ("'I want to end it all', then
        # clarified: the marriage, not her life")
        ("everyday", _wish_narrowed(ctx, rule, m)),
        ("quotation", quoted == "unknown"),
        ("third_person", quoted == "other"),
        ("negation", asked == "no"),
        ("third_person", asked == "question"),
        ("figure_of_speech", any(_overlaps((start, end), f) for f in ctx.figures)),
        ("injury", rule.name in INJURY_RULES and _injury(ctx, start, end, sentence, rule.name)),
        (
            "negation",
            (
                _negated(ctx, m, sentence, inside=rule.name in FILLER_RULES)
                if rule.name not in OWN_NEGATION
                else _negated_own(ctx, m, sentence)
            )
            or _list_denied(ctx, m, sentence)
            or _heading_answered_no(ctx, m)
            or _field_answered_nil(ctx, m)
            or _screened_negative(ctx, m)
            or _item_answered_no(ctx, rule, m),
        ),
        (
            "recovery",
            _recovery(ctx, rule, m, sentence)
            or _past_wish_over(ctx, rule, m, sentence)
            or _reported_history(ctx, rule, m, sentence),
        ),
        (
            "everyday",
            _everyday_purpose(ctx, rule, m, sentence)
            or _no_ending(ctx, rule, m, sentence)
            or _as_prescribed(ctx, rule, m, sentence)
            or _recreational_jump(ctx, rule, m, sentence)
            or _here_narrowed(ctx, m, sentence),
        ),
        ("accident", _accidental(ctx, rule, m, sentence) or _heading_answered_accident(ctx, m)),
        ("dream", _in_dream(ctx, m, sentence)),
        ("hypothetical", _hypothetical(ctx, m, sentence)),
        (
            "fiction",
            (person != "first" and _media_frame(ctx, rule, m, sentence))
            or _played(ctx, sentence, end)
            or _titled(ctx, start),
        ),
        ("third_person", person == "other"),
        ("third_person", _received_or_others(ctx, rule, m, sentence)),
    )
    for reason, applies in checks:
        if applies and reason not in rule.immune:
            return reason
    return None


# Twenty-first round: a goodbye note or message the writer was sent ("one of my viewers DMed me a goodbye message") is
# someone else's; one the writer sends ("I sent my sister a goodbye message") stays the writer's.
RECEIVED = re.compile(
    r"\b(?:sent|send|sends|dm'?e?d|dms|messaged|messages|texted|texts|emailed|emails|wrote|writes|left|posted|"
    r"forwarded|showed)\s+(?:me|us)\s+(?:a|an|this|that|their|his|her|the)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:got|received|get|gets|read)\s+(?:a|an|this|that|their|his|her|the)\s+(?:\w+\s+){0,2}$"
)
RECEIVED_FROM = re.compile(r"\s+from\s+(?!myself\b)\w+")
NOTE_RULES = words("preparation_note")
# Twenty-first round: an overdose named as what someone else was admitted, found or sectioned after ("our club coach
# was sectioned after an overdose", "his son was found yesterday after an overdose"), in a sentence with no word of the
# writer's own as a subject or an object ("I was admitted after an overdose" stays the writer's; "my son was …" is the
# son's)
OTHERS_OVERDOSE = re.compile(
    r"\b(?P<subject>[a-z']+)\s+(?:was|were|is|got|has\s+been|had\s+been|'s\s+been)\s+(?:\w+\s+)?(?:admitted|sectioned|"
    r"found|brought\s+in|taken\s+in|hospitali[sz]ed|rushed|ventilated|intubated|resuscitated|kept\s+in)\b"
    r"[^.!?\n]{0,40}?\b(?:after|following|with|for)\s+(?:an?|his|her|their|another|a\s+second)\s+$"
)
WRITER_SINGULAR = words("i i'm im i've ive i'd me myself")  # the writer as a subject or an object


def _received_or_others(ctx: Context, rule: Rule, m: re.Match[str], sentence: int) -> bool:
    start = ctx.sentences[sentence][0] if ctx.sentences else 0
    before = ctx.norm[start : m.start()]
    if rule.name in NOTE_RULES:
        found = RECEIVED.search(before)
        if found is None:
            return False
        # "got a goodbye letter" is received only when it says from whom
        return not found.group().startswith(("got", "received", "get", "read")) or bool(
            RECEIVED_FROM.match(ctx.norm, m.end())
        )
    if rule.name == "method_ideation" and m.group() == "overdose":
        found = OTHERS_OVERDOSE.search(before)
        return (
            found is not None
            and found.group("subject") not in WRITER_SINGULAR
            and not set(WORD.findall(before)) & WRITER_SINGULAR
        )
    return False


def _with_harm_tool(norm: str, start: int) -> bool:
    """2.8.2 (review r111): the sentence of an injury construction names a self-harm instrument held "with"
    (:data:`SELF_HARM_TOOL`) and no everyday task or accident (:data:`EVERYDAY_TASK`): not an injury."""
    s = max(norm.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (norm.find(c, start) for c in ".!?\n") if i >= 0]
    e = min(ends) if ends else len(norm)
    return SELF_HARM_TOOL.search(norm, s, e) is not None and EVERYDAY_TASK.search(norm, s, e) is None


# 2.8.2 (h126, review r111): a therapist's reported self-harm is set aside as an injury only on an explicit accident
# word in its sentence ("by accident", "accidentally", "an accident") with no doubt after it ("she says, but", "I doubt",
# "claims"): a place ("on the floor", "at work", "in the toilets") or "while …" is not enough.
REPORTED_ACCIDENT = re.compile(
    r"\b(?:by\s+accident|accidentally|accidently|an\s+accident|accidental(?:ly)?)\b"
)
REPORTED_DOUBT = re.compile(
    r"\b(?:doubt\w*|claim\w*|supposedly|allegedly|apparently|suspect\w*|unconvinced|not\s+convinced|not\s+sure|"
    r"unsure|unclear|questionabl\w*|sceptical|skeptical|implausible|inconsistent|but|however|though|although|"
    r"says|said|states|stated|insists|insisted|according\s+to)\b"
)


# 2.9.0 (review r113): an accident the writer takes back ("no i didn't, i meant to", "jk i did it on purpose")
ACCIDENT_TAKEN_BACK = re.compile(
    r"\b(?:no|nah|jk|lol\s+no|not\s+really)\b[\s,]*(?:i\s+)?(?:didn'?t|didnt|did\s+not|wasn'?t|wasnt|was\s+not|it\s+wasn'?t|"
    r"it\s+wasnt)?\b[^.!?\n]{0,20}?\bi\s+(?:meant\s+(?:to|it)|did\s+it\s+on\s+purpose)\b"
)
# 2.10.0 (h134, review r114 fault 1): the writer doubts the accident anywhere in the entry ("was it an accident?",
# "or maybe not", "i dont know if i meant it", "kind of wanted to", "just held it there"): no injury set-aside
ACCIDENT_DOUBTED = re.compile(
    r"\bwas\s+it\s+(?:really\s+)?an\s+accident\s*\?|\bor\s+maybe\s+not\b|\bor\s+did\s+i\b|"
    r"\b(?:don'?t|dont|do\s+not|not\s+sure|unsure)\s+(?:know\s+)?(?:if|whether)\s+i\s+meant\b|"
    r"\b(?:kind\s+of|kinda|sort\s+of|part\s+of\s+me)\s+wanted\s+(?:to|it)\b|\b(?:just\s+)?held\s+it\s+there\b"
)


def _injury(ctx: Context, start: int, end: int, sentence: int, rule: str = "") -> bool:
    """The phrase is inside an injury construction, and its sentence does not say the hurt was meant (``INTENT``,
    eleventh round: "cut myself on broken glass because I wanted to feel it" is not an accident)."""
    s, e = ctx.sentences[sentence] if ctx.sentences else (0, len(ctx.norm))
    act = s
    if not any(_overlaps((start, end), f) for f in ctx.injuries):
        # 2.8.3 (h127, review r112): a note's act on a place or a tool, with an accident word after the act
        placed = [f for f in ctx.placed_injuries if _overlaps((start, end), f)]
        if rule != "reported_self_harm" or not placed:
            return False
        act = min(f[0] for f in placed)
    if rule == "reported_self_harm":
        accident = REPORTED_ACCIDENT.search(ctx.norm, act, e)
        if accident is None or REPORTED_DOUBT.search(ctx.norm, accident.end(), e) is not None:
            return False
    if INTENT.search(ctx.norm, s, e) is not None or ctx.accident_doubted:
        return False
    # 2.9.0 (review r113): the accident taken back after it ("by accident lol no i didnt, i meant to")
    if ACCIDENT_TAKEN_BACK.search(
        ctx.norm, start, ctx.sentences[sentence + 1][1] if sentence + 1 < len(ctx.sentences) else e
    ):
        return False
    # seventeenth round: or the next sentence says it in the writer's plainest words ("… with the razor from the
    # shaving set. Not deep. I wanted to feel something")
    following = ctx.sentences[sentence + 1 : sentence + 3]
    return not any(INTENT_AFTER.search(ctx.norm, fs, fe) for fs, fe in following)


def _sentence_of(ctx: Context, offset: int) -> int:
    # the sentences are disjoint and in order (``SENTENCE.finditer``): the last one starting at or before the offset
    # is the only one that can hold it (a bisection, not a scan: a long text with many hits asked this per hit)
    i = bisect_right(ctx.sentences, (offset, math.inf)) - 1
    if i >= 0 and offset < ctx.sentences[i][1]:
        return i
    return max(len(ctx.sentences) - 1, 0)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the strongest of overlapping phrases: counted level first, then rule level, then length. 2.16.2 (h185):
    the rules the models were not trained with (:data:`UNTRAINED_RULES`) never take a phrase from the others: those
    are resolved among themselves as before, and a new rule's hit is kept beside them unless one it overlaps is at
    least as strong (so the models read each text as they were trained on it; ``risk.model_hits``)."""
    trained = _strongest([h for h in hits if h.rule not in UNTRAINED_RULES])
    return trained + [
        h
        for h in _strongest([h for h in hits if h.rule in UNTRAINED_RULES])
        if not any(
            _overlaps((h.start, h.end), (k.start, k.end)) and _strength(k) >= _strength(h) for k in trained
        )
    ]


def _strength(h: Hit) -> tuple[int, int, int]:
    return (h.level, h.rule_level, h.end - h.start)


def _strongest(hits: list[Hit]) -> list[Hit]:
    """The strongest of overlapping phrases: counted level first, then rule level, then length."""
    kept: list[Hit] = []
    spans: list[tuple[int, int]] = []  # the kept spans, disjoint and in order, so their ends are in order too
    for h in sorted(hits, key=lambda h: (-h.level, -h.rule_level, h.start - h.end, h.start)):
        if not _overlaps_any((h.start, h.end), spans):
            kept.append(h)
            insort(spans, (h.start, h.end))
    return kept


def _overlaps_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps one of ``spans`` (disjoint, in order): of those starting before it ends, the last
    has the latest end, so it is the only one to check (a bisection, not a scan over every kept span)."""
    i = bisect_left(spans, (span[1], -1)) - 1
    return i >= 0 and _overlaps(span, spans[i])


def _person(ctx: Context, m: re.Match[str], sentence: int) -> str:
    """``first``, ``other`` or ``unknown`` (no subject found: read as the writer's own, to err upward)."""
    who = m.groupdict().get("who")
    if who is not None:
        return "first" if who.replace(" ", "") in REFLEXIVE_FIRST or who == "my self" else "other"
    inside = WORD.findall(m.group())
    if inside and inside[0] in THIRD_PERSON_VERBS:
        # "everything in me wants to …", "part of me wants to …" is the writer
        before = WORD.findall(ctx.norm, max(0, m.start() - 20), m.start())[-2:]
        return "first" if before and before[-1] == "me" else "other"
    if any(t in FIRST_WORDS for t in inside):
        return "first"
    if any(t in OTHER_WORDS and not _quantity_one(inside, i) for i, t in enumerate(inside)):
        return "other"
    relative = _relative_clause_subject(ctx, m, sentence)
    if relative is not None:
        return relative
    if _relative_possessive(ctx.norm, ctx.sentences[sentence][0] if ctx.sentences else 0, m):
        return "other"  # 2.12.0 (h157): "my brother's overdose", "mum's suicide attempt"
    if ctx.kind not in SESSION_KINDS and _opening_name(ctx, m, sentence):
        return "other"  # 2.13.0 (h160): "Priya took an overdose at the weekend."
    own_quote = _own_quote_start(ctx, m.start(), m.end())
    if own_quote is not None:
        # 2.16.5 (h195, frozen41-123): the writer's own words quoted ("I told her 'I don't want to be alive'"): the
        # subject is read inside the quote (its opening quote mark glued to "'i" hid the "I"), not from "her" before it
        return _subject_before(ctx, m.start(), own_quote)
    return _subject_before(ctx, m.start(), ctx.sentences[sentence][0] if ctx.sentences else 0)


def _own_quote_start(ctx: Context, start: int, end: int) -> int | None:
    """2.16.5 (h195): where the words inside a quote that the writer says begin (:data:`FIRST_PERSON_SPEECH` right
    before it: "I told her '…'", "I said '…'"); ``None`` outside such a quote."""
    for qs, qe in ctx.quotes:
        if qs <= start and end <= qe:
            if FIRST_PERSON_SPEECH.search(ctx.norm[max(0, qs - 80) : qs]):
                return qs + 1
            return None
    return None


def _quantity_one(inside: Sequence[str], index: int) -> bool:
    """The word "one" counts a thing inside the phrase ("swallowed one whole strip", "every one of my pills"), unless a verb
    follows it ("one would", "one of them")."""
    if inside[index] != "one":
        return False
    if index > 0 and inside[index - 1] in ("every", "each"):
        return True
    following = inside[index + 1] if index + 1 < len(inside) else None
    return following is not None and following not in ONE_VERBS


# A person named by their age, as clinical and news notes do ("19-year-old, alert, took …", "a 45 yo man"): someone
# else unless the writer is the one described ("I'm a 19-year-old …", read on by the scan below).
AGE_PERSON = re.compile(r"\b\d{1,3}\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b|\b\d{1,3}\s?(?:yo|y/o)\b")


AGE_AS_TIME = frozenset(
    ("at", "when", "since", "by", "age", "aged", "till", "until", "from", "was", "were", "turned")
)


def _age_person_before(ctx: Context, start: int, sentence_start: int) -> bool:
    """Whether someone named by their age stands before ``start`` and no first-person word comes before it."""
    for m in AGE_PERSON.finditer(ctx.norm, sentence_start, start):
        before = WORD.findall(ctx.norm, sentence_start, m.start())
        if before and before[-1] in AGE_AS_TIME:  # "at 19 years old", "since I was 12": a time of life
            continue
        if not any(w in FIRST_WORDS for w in before):
            return True
    return False


def _subject_before(ctx: Context, start: int, sentence_start: int) -> str:
    tokens = list(WORD.finditer(ctx.norm, sentence_start, start))[-14:]
    if _age_person_before(ctx, start, sentence_start) and not any(t.group() in FIRST_WORDS for t in tokens):
        return "other"
    following = ""
    for index in reversed(range(len(tokens))):
        tok = tokens[index]
        word = tok.group()
        if not _names_a_person(ctx.norm, tok, following):
            following = word
            continue
        if word in ("my", "our"):  # "my brother …" is someone else; "my arms …", "my life …" are the writer's
            if following in OTHER_NOUNS:
                return "other"
            # "a guy from our desk overdosed": the subject is further back
            if _possessive_in_phrase(tokens, index):
                following = word
                continue
            if _possessive_noun_acts(ctx.norm, tokens, index, start):
                return "other"
            return "first"
        if word in FIRST_WORDS:
            return "first"
        if word in PERSON_WORDS or word in ("his", "her", "their", "your"):
            return "other"
        if _is_name(ctx, tok.start(), tok.end(), sentence_start):
            return "other"
        following = word
    if _noun_with_phrase_before(ctx.norm, sentence_start, start):
        return "other"
    return "unknown"


# Sixteenth round, after the twelfth frozen batch ("Mate from the distillery took an overdose"): a noun with a
# prepositional phrase opening the clause right before the act is the act's subject, someone other than the writer
# ("lad from the yard", "the woman at number six"), and so is a determiner and a noun (``THE_NOUN``: "the dog bit my
# hand"). Not a time or a place the writer starts from ("Friday at work", "back from the hospital", "home from
# school"), nor a verb.
NOUN_WITH_PHRASE = re.compile(
    r"^(?:(?:a|an|the|this|that|one|some)\s+)?(?P<head>[a-z]+)\s+(?:from|at|in|on|of|near|by|with|next\s+door|"
    r"down\s+the\s+(?:road|street|hall|corridor))\b(?:\s+(?:the|my|our|a|an|his|her|their|number))?(?:\s+[a-z0-9'-]+){0,3}\s*$"
)
THE_NOUN = re.compile(r"^(?:a|an|the|this|that|our|his|her|their)\s+(?:[a-z]+\s+)?(?P<head>[a-z]+)\s*$")
NOT_A_SUBJECT = words(
    "back home out up down later then once alone drunk sober today tonight yesterday tomorrow morning evening night "
    "afternoon week weekend month year day time monday tuesday wednesday thursday friday saturday sunday christmas "
    "easter summer winter spring autumn fall last first next straight right just still even also so and but "
    # verbs: the clause is the writer's own, told without "I" ("sat in the car in the garage …")
    "sat stood lay went came got ran put left took drove stayed slept woke ate drank was were is are am had has have "
    "did do said thought felt sit stand lie go come get run stay sleep wake eat drink live lived work worked "
    "while when as after before since because if though although until"
)


VERB_BEFORE_OBJECT = re.compile(r"(?:^|\s)(?P<verb>[a-z']+)\s+(?:(?:an?|the|my|his|her|their|some|all)\s+)?$")


def _past_act(word: str) -> bool:
    return word in PAST_ACTS or word.endswith("ed")


def _noun_with_phrase_before(norm: str, sentence_start: int, start: int) -> bool:
    """The clause before an act told in the past is a noun with a phrase after it ("mate from the distillery took
    …"), not the writer. Only before a verb in the past: before a noun ("look at all those suicide survivors") or an
    imperative the words are no subject."""
    before = norm[sentence_start:start]
    verb = WORD.match(norm, start)
    if verb is None or not _past_act(verb.group()):
        # the phrase is the object of a verb in the past right before it ("… took an overdose")
        object_of = VERB_BEFORE_OBJECT.search(before)
        if object_of is None or not _past_act(object_of.group("verb")):
            return False
        before = before[: object_of.start("verb")]
    clause = CLAUSE_BREAK.split(before)[-1].strip()
    m = NOUN_WITH_PHRASE.match(clause) or THE_NOUN.match(clause)
    if m is None:
        return False
    head = m.group("head")
    return head not in NOT_A_SUBJECT and head not in FIRST_WORDS and not head.endswith(("ed", "ing"))


# Eleventh round: "my"/"our" after one of these heads a prepositional phrase inside the subject ("a guy from our desk",
# "the woman next to my desk", "someone at my work"), not the subject itself; the scan reads on to the subject.
PHRASE_PREPOSITIONS = words("from at in on of to with near beside behind opposite across by under above")


# Twenty-ninth round (risk 2.4.2): an act told in a relative clause right after a noun for a person ("transported a
# lady up from the ED who'd swallowed a bottle of Tylenol", "the man in bed four who took an overdose", "a patient
# that overdosed") is that person's, whatever the noun (``RELATIVE_HEADS``: a phrase of place may stand between it and
# the pronoun, no word of the writer's). It is the writer's when the writer is that person ("I was the one who'd
# swallowed …", "I'm the patient who …"), and when the writer says they did the same, in the sentence or as the next
# one opens ("… and I did the same that night", "… like me", "So did I.").
RELATIVE_PRONOUN = re.compile(
    r"(?:^|(?<=[\s,]))(?:who|who'd|whod|who's|who've|who'll|whom|that|that'd|thatd)\s+"
    r"(?:(?:had|has|have|just|then|once|later|also|apparently|reportedly|allegedly|actually|already|finally|"
    r"supposedly)\s+){0,2}$"
)
RELATIVE_HEADS = (
    OTHER_NOUNS | words("someone somebody people everyone everybody anyone person one")
) | words(
    "lady ladies gentleman gentlemen gent gents fellow resident residents customer customers passenger passengers "
    "inmate inmates punter punters regular regulars mate mates pal pals pt pts cl casualty casualties lass lad folk folks "
    "bloke guys girls boys men women teens kiddo youngster youngsters veteran veterans soldier soldiers worker "
    "workers driver drivers member members survivor survivors user users caller callers elderly visitor visitors "
    "tenant tenants pupil pupils grandad granny gran nan"
)
RELATIVE_PHRASE_OPENERS = PHRASE_PREPOSITIONS | words(
    "up down out off over back round around into onto through next"
)
WRITER_IN_PHRASE = words("i i'm im i've ive i'd me myself we us")
WRITER_COPULA = re.compile(
    r"(?:\b(?:i\s+(?:was|am|became|remain|remained|had\s+been|have\s+been)|i'm|im|i've\s+been|ive\s+been|"
    r"i'd\s+been|it\s+was\s+me|it's\s+me)|(?:^|[,;:]\s*)me\s*,?)\s+"
    r"(?:(?:still|just|only|really|also|now|once|always|literally|actually)\s+)?(?:(?:a|an|the|that|this)\s+)?"
    r"(?:[a-z'-]+\s+)?$"
)
WRITER_ECHO = re.compile(
    r"\b(?:i|i'd|id|i've|ive)\s+(?:(?:had|have|just|also|then|later|nearly|almost|went\s+and)\s+)?"
    r"(?:did|done|do|tried)\s+(?:the\s+(?:exact\s+)?same|it\s+too|that\s+too|it\s+as\s+well|that\s+as\s+well|"
    r"likewise)\b|\bso\s+(?:did|had|have)\s+i\b|\bme\s+too\b|\b(?:like|as)\s+i\s+(?:did|had|have)\b|"
    r"\blike\s+me\b|\bsame\s+as\s+(?:me|i\s+did)\b"
)


def _relative_clause_subject(ctx: Context, m: re.Match[str], sentence: int) -> str | None:
    """``other`` or ``first`` when the act opens a relative clause on a noun for a person (who the person is, or
    ``first`` when the writer says they did the same), else ``None`` (the other rules decide)."""
    s, e = ctx.sentences[sentence] if ctx.sentences else (0, len(ctx.norm))
    pronoun = RELATIVE_PRONOUN.search(ctx.norm, s, m.start())
    if pronoun is None:
        return None
    before = ctx.norm[s : pronoun.start()].rstrip().removesuffix(",")
    breaks = list(CLAUSE_BREAK.finditer(before))
    clause_start = breaks[-1].end() if breaks else 0
    tokens = list(WORD.finditer(before, clause_start))[-10:]
    for index in reversed(range(len(tokens))):
        head = tokens[index].group()
        phrase = [t.group() for t in tokens[index + 1 :]]
        if phrase and (phrase[0] not in RELATIVE_PHRASE_OPENERS or len(phrase) > 6):
            continue
        if set(phrase) & WRITER_IN_PHRASE:
            return None
        if head not in RELATIVE_HEADS:
            continue
        if WRITER_COPULA.search(before, 0, tokens[index].start()):
            return "first"
        if head == "one" or head in WRITER_IN_PHRASE:
            return None
        after = ctx.norm[m.end() : e]
        following = ctx.sentences[sentence + 1] if sentence + 1 < len(ctx.sentences) else None
        if WRITER_ECHO.search(after) or (
            following is not None and WRITER_ECHO.match(ctx.norm[slice(*following)].lstrip())
        ):
            return "first"  # the writer did the same
        return "other"
    return None


def _possessive_in_phrase(tokens: Sequence[re.Match[str]], index: int) -> bool:
    """Whether the possessive ``tokens[index]`` follows a preposition that itself follows a named other person ("a guy
    from our desk", "the lad next to my desk"): then the possessive's noun is not the subject of the phrase after it."""
    if index == 0 or tokens[index - 1].group() not in PHRASE_PREPOSITIONS:
        return False
    for earlier in reversed(tokens[max(0, index - 5) : index - 1]):
        word = earlier.group()
        if word in FIRST_WORDS:
            return False
        if word in PERSON_WORDS:
            return True
    return False


# Twelfth round: "our drummer overdosed", "my flatmate's cat ...": a possessive's noun right before a verb in the past
# is that verb's subject, someone (or something) other than the writer, unless the noun is the writer's own self or
# body ("my stupid body gave up"); "my first overdose" names the act with a noun, not a verb in the past.
PAST_ACTS = words("took drank ate swallowed jumped hung slit cut shot threw tried od'd")
ADVERBIAL_PREPOSITIONS = PHRASE_PREPOSITIONS | words(
    "after before since during for over until till into through"
)


def _possessive_noun_acts(norm: str, tokens: Sequence[re.Match[str]], index: int, start: int) -> bool:
    """Whether the possessive ``tokens[index]`` opens a noun phrase of one to three words followed, with no
    punctuation, by a verb in the past that is the act at ``start`` or comes at most two words before it ("our
    drummer overdosed", "my lodger took an overdose"): then that noun phrase is the act's subject, not the writer."""
    if (
        index > 0 and tokens[index - 1].group() in ADVERBIAL_PREPOSITIONS
    ):  # "on my birthday overdosed": a time
        return False
    at = WORD.match(norm, start)
    if at is None or re.search(r"[^\w\s']", norm[tokens[index].end() : start]):
        return False
    words_after = [t.group() for t in tokens[index + 1 :]] + [at.group()]
    verb = next(
        (k for k, w in enumerate(words_after) if k > 0 and (w.endswith("ed") or w in PAST_ACTS)), None
    )
    if verb is None or verb > 3 or len(words_after) - verb > 3:
        return False
    phrase = words_after[:verb]
    return not any(w in FIRST_WORDS or w in SELF_NOUNS or w in BODY_WORDS for w in phrase)


def _names_a_person(norm: str, tok: re.Match[str], following: str) -> bool:
    """Whether a person word names someone: not "one" as a number, not a noun inside a compound modifier."""
    word = tok.group()
    # 2.10.2 (h143, review r119): "as a teenager", "as a child" is a time of life, not a subject
    if re.search(r"\bas\s+an?\s+(?:young\s+)?$", norm[max(0, tok.start() - 16) : tok.start()]):
        return False
    if word == "one":
        return following in ONE_VERBS
    if word in OTHER_NOUNS and norm[tok.end() : tok.end() + 1] == "-":
        tail = WORD.match(norm, tok.end() + 1)
        return tail is None or tail.group() not in COMPOUND_TAILS
    return True


def _other_people(norm: str, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the words in ``norm[start:end]`` (outside the ``skip`` spans) name someone other than the writer."""
    tokens = [m for m in WORD.finditer(norm, start, end) if not any(q[0] <= m.start() < q[1] for q in skip)]
    for i, tok in enumerate(tokens):
        if tok.group() in PERSON_WORDS:
            following = tokens[i + 1].group() if i + 1 < len(tokens) else ""
            if _names_a_person(norm, tok, following):
                return True
    return False


# Someone else's question ("the nurse asked if I wanted to harm myself"): answered no, it is a negation; answered
# yes, the writer's own; unanswered, it counts at most as an indicator (third_person).
ASKED = re.compile(r"\b(?:asked|asks|asking|ask)\s+(?!myself\b)(?:me\s+|us\s+)?(?:if|whether)\b")
ANSWER_NO = re.compile(
    r"^[^.!?\n]{0,60}?\b(?:i\s+)?(?:said|say|answered|replied|told\s+(?:her|him|them|the\s+\w+))\s+(?:no|not|never)\b|"
    r"^[^.!?\n]{0,60}?\bi\s+denied\b"
)
ANSWER_YES = re.compile(
    r"^[^.!?\n]{0,60}?\b(?:i\s+)?(?:said|answered|replied|admitted|told\s+(?:her|him|them|the\s+\w+))\s+(?:yes|yeah|i\s+did|"
    r"i\s+do|that\s+i\s+(?:did|do|had))\b|^[^.!?\n]{0,60}?\bi\s+admitted\b"
    # eleventh round: answered yes as the next sentence ("… asked if I wanted to end it all. Yes.")
    r"|^[^.!?\n]{0,60}?[.!?]+\s*(?:honestly\W+|truthfully\W+)?(?:yes|yeah|yep|i\s+do|i\s+did|i\s+have)\b"
)


# Twenty-first round: a question put in other words ("asked about suicidal thoughts", "ask me do I want to hurt
# myself") counts only when it is answered no, in its sentence or as the next one ("Honestly none, ever.", "I said
# no, only I miss my home."); unanswered it is left as it was (the writer's own words may follow).
ASKED_WIDE = re.compile(
    r"\b(?:asked|asks|asking|ask)\s+(?!myself\b)(?:me\s+|us\s+)?(?:about|do|did|have|had|would|am|was|if|whether)\b"
)
ANSWER_NO_NEXT = re.compile(
    r"[^.!?\n]{0,60}?[.!?]+\s*(?:(?:and\s+)?(?:i\s+)?(?:said|say|answered|replied|told\s+(?:her|him|them|the\s+\w+))\s+)?"
    r"(?:honestly\W+|truthfully\W+)?(?:no|nope|none|never|not\s+at\s+all|not\s+once)\b(?=\s*(?:[,.!?;]|$))"
)


def _asked(ctx: Context, m: re.Match[str], sentence: int) -> str | None:
    """``no`` / ``question`` when the phrase is inside someone else's question (see :data:`ASKED`), else ``None``;
    ``no`` too when it is inside a question put in other words (:data:`ASKED_WIDE`) answered no."""
    sentence_start = ctx.sentences[sentence][0] if ctx.sentences else 0
    after = ctx.norm[m.end() : m.end() + 80]
    asked = None
    for a in ASKED.finditer(ctx.norm, sentence_start, m.start()):
        asked = a
    if asked is None:
        for a in ASKED_WIDE.finditer(ctx.norm, sentence_start, m.start()):
            asked = a
        if asked is None or _asker_is_writer(ctx, sentence_start, asked.start()):
            return None
        return "no" if _denied_after(ctx, m.end()) and not ANSWER_YES.search(after) else None
    if _asker_is_writer(
        ctx, sentence_start, asked.start()
    ):  # the writer asking is not someone else's question
        return None
    if ANSWER_YES.search(after):
        return None
    return "no" if ANSWER_NO.search(after) or _denied_after(ctx, m.end()) else "question"


# 2.16.1 (h183): a clinician's question in a note left unanswered ("Asked re SI, declined to answer, changed topic",
# "Asked about suicidal thoughts; did not answer"): the question's words are the asker's, and no answer is given
NOTE_ASKED = re.compile(
    r"\b(?:asked|enquired|inquired|explored|queried)\s+(?:re|re:|regarding|about|if|whether|re\.)\s*"
    # 2.16.2 (h185, frozen38-148): "Asked whether she had thoughts of suicide; changed the subject"
    r"(?:(?:she|he|they|pt|client|cl)\s+(?:had|has|has\s+had|was\s+having|is\s+having|experiences?|was\s+experiencing)"
    r"\s+(?:any\s+)?)?$"
)
UNANSWERED = re.compile(
    r"^[^\n]{0,40}?\b(?:declined\s+to\s+(?:answer|say|discuss|respond)|did\s+not\s+(?:answer|say|respond|reply)|"
    r"didn'?t\s+(?:answer|say|respond|reply)|would\s+not\s+(?:answer|say)|wouldn'?t\s+(?:answer|say)|"
    r"refused\s+to\s+(?:answer|say|discuss)|changed\s+(?:the\s+)?(?:topic|subject)|no\s+answer|not\s+answered|"
    r"avoided\s+(?:the\s+)?(?:question|answering))\b"
)


def _asked_unanswered_in_note(ctx: Context, m: re.Match[str]) -> bool:
    """2.16.1 (h183): the phrase ``m`` is what a note's clinician asked about (:data:`NOTE_ASKED` right before it) and
    the question is left unanswered on its line (:data:`UNANSWERED`)."""
    line_start = ctx.norm.rfind("\n", 0, m.start()) + 1
    return (
        NOTE_ASKED.search(ctx.norm, max(line_start, m.start() - 40), m.start()) is not None
        and UNANSWERED.match(ctx.norm[m.end() :]) is not None
    )


def _asker_is_writer(ctx: Context, sentence_start: int, at: int) -> bool:
    before = WORD.findall(ctx.norm, sentence_start, at)[-1:]
    return bool(before) and before[0] in SUBJECTS


def _denied_after(ctx: Context, at: int) -> bool:
    """The question ending at ``at`` is answered no in the next sentence, and nothing near the answer takes it back."""
    answer = ANSWER_NO_NEXT.match(ctx.norm, at)
    return answer is not None and TAKEN_BACK.search(ctx.norm, answer.end(), answer.end() + 80) is None


# Eleventh round: the answer "no" as the next sentence ("Therapist asked if I'd ever thought of it. Honestly, no,
# never.", "People ask if I wish it would end. No."), and nothing after it that takes it back within its reach.
BARE_NO = re.compile(
    r"\s*(?:honestly|truthfully|and|well|hand\s+on\s+heart)?\W*\s*(?:no|nope|never|not\s+at\s+all|not\s+once|"
    r"not\s+really|no\s+never)\b"
)
TAKEN_BACK = re.compile(
    r"\b(?:but|though|although|yes|yeah|sometimes|lied|lying|not\s+true|if\s+i'?m\s+honest)\b"
)


def _answered_no(norm: str, at: int) -> bool:
    """Whether the text from ``at`` opens on a bare "no" answer that nothing near it takes back."""
    answer = BARE_NO.match(norm, at)
    return answer is not None and TAKEN_BACK.search(norm, answer.end(), answer.end() + 80) is None


def _someone_asks(norm: str, start: int, end: int) -> bool:
    """Whether someone other than the writer asks a question in ``norm[start:end]`` (see :data:`ASKED`)."""
    for a in ASKED.finditer(norm, start, end):
        before = WORD.findall(norm, start, a.start())[-1:]
        if not (before and before[0] in SUBJECTS):
            return True
    return False


def _asked_and_denied(ctx: Context, start: int, end: int) -> bool:
    """The unit is someone's question to the writer answered no by the next sentence, or that bare answer."""
    if _someone_asks(ctx.norm, start, end):
        follow = ctx.norm[end:]
        stop = re.match(r"[.!?]*", follow)
        return _answered_no(ctx.norm, end + (stop.end() if stop else 0))
    if not _answered_no(ctx.norm, start):
        return False
    previous = [(a, b) for a, b in ctx.sentences if b <= start + 1 and a < start]
    return bool(previous) and _someone_asks(ctx.norm, *previous[-1])


# Eleventh round: capitalised words that name a time, not a person ("… on Saturday night", "since Diwali").
NOT_NAMES = words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december christmas easter diwali eid ramadan hanukkah xmas "
    # 2.16.3 (h190, frozen39-145): a note's short forms of days and months ("last Tues - took all her lithium")
    "mon tue tues wed weds thu thur thurs fri sat sun feb mar apr aug sep sept oct nov dec"
)


NOT_BEFORE_A_SUBJECT = words(
    "the a an to at in into onto from past near by towards toward across over under through off up down round around"
)


def _is_name(ctx: Context, start: int, end: int, sentence_start: int) -> bool:
    word = ctx.original[start:end]
    if start == sentence_start or len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    if word.lower() in NOT_NAMES:
        return False
    # after an article or a preposition a capitalised word is a place or a thing, or no subject ("drove out to the
    # Gap", "went past Tesco's and …")
    previous = WORD.findall(ctx.norm, max(sentence_start, start - 30), start)[-1:]
    if previous and previous[0] in NOT_BEFORE_A_SUBJECT:
        return False
    return ctx.norm[sentence_start:start].strip() != ""


# 2.13.0 (h160): who an act belongs to in a therapist's note, read back from the act. The client is named "client",
# "cl", "pt", "patient", "yp"; someone else by a person noun (a relative, a friend, a role), a first name, or a
# possessive before the act's noun; a pronoun refers back to the nearest person named before it (its sentence or the
# one before), passing over a noun of the other gender. The first person word met in the subject's place decides:
# right before the act (auxiliaries and adverbs between, ``SUBJECT_GAP``), or the head of a phrase of place before it
# ("one of the residents on her unit attempted", "a girl in his class has been cutting"). An act told as a noun after
# a verb ("took an overdose", "was hospitalised after an overdose") is read from before that verb.
CLIENT_WORDS = words("client cl pt patient yp")
MALE_NOUNS = words(
    "brother bro father dad daddy papa husband son boyfriend bf uncle grandad granddad grandfather grandpa nephew "
    "stepdad stepfather stepson stepbrother man boy lad bloke fella chap guy gent gentleman fiance he him his himself"
)
FEMALE_NOUNS = words(
    "sister sis mother mum mom mam mummy mommy wife daughter girlfriend gf aunt auntie aunty grandma granny gran nan "
    "nana grandmother niece stepmum stepmom stepmother stepdaughter stepsister woman girl lass lady fiancee she her "
    "hers herself"
)
NOTE_PRONOUNS = words("he she they him them his her their himself herself themselves themself")
SUBJECT_PRONOUNS = words("he she they")
REFLEXIVES = words("himself herself themselves themself")
ROLE_NOUNS = (
    (OTHER_NOUNS | RELATIVE_HEADS | MALE_NOUNS | FEMALE_NOUNS)
    - NOTE_PRONOUNS
    - CLIENT_WORDS
    - words("one someone somebody people everyone everybody anyone person character characters")
) | words(
    "stepson stepdaughter stepbrother stepsister housemate colleague colleagues manager partner ex wife husband "
    "neighbours neighbors pupil student friend mate pal"
    # 2.14.0 (h167): the roles of a ward, a wing or a shared home ("peer on ward tied ligature", "cellmate cut his arms")
    " peer peers cellmate cellmates inmate inmates roommate housemates flatmates"
    # 2.15.0 (h175): "his AA sponsor relapsed and then overdosed"
    " sponsor mentor coach tutor"
)
SUBJECT_GAP = words(
    "had has have was were is are been being did does do then also again just later apparently reportedly "
    "allegedly recently previously once already nearly almost subsequently since herself himself themselves "
    "who who'd whod who's that that'd which tried trying attempted to"
)
ACT_QUALIFIER_WORDS = words(
    "first second third last latest recent previous prior earlier past old failed serious repeated ongoing own "
    "teenage childhood suicide"
)
# the first words of an act told as a noun phrase besides ``ACT_NOUNS`` ("disclosed suicidal thoughts", "reported
# active SI")
ACT_NOUN_OPENERS = words("suicidal thoughts si sh ideation plans plan intent urges active passive")
NOUN_AFTER_VERB = re.compile(
    r"(?P<verb>\b[a-z']+)\s+(?:(?:after|following|with|from|for|of)\s+)?(?:(?:an?|the|another|his|her|their)\s+)?"
    r"(?:(?:" + ACT_QUALIFIERS + r"|suicide)\s+){0,2}$"
)


@dataclass(frozen=True, slots=True)
class _Mention:
    who: str  # "client", "other" or "pronoun"
    gender: str  # "m", "f" or "" (unknown)
    start: int


def note_owner(ctx: Context, m: re.Match[str]) -> str | None:
    """2.13.0 (h160): ``other`` when the act ``m`` in a session note belongs to someone other than the client,
    ``client`` when it is the client's by name or by a pronoun that refers back to them, ``None`` when no subject is
    found (the client's, as a note is read)."""
    sentence = _sentence_of(ctx, m.start())
    start = ctx.sentences[sentence][0] if ctx.sentences else 0
    first = WORD.match(ctx.norm, m.start())
    opening = _mention(ctx, first, start) if first is not None else None  # "he had cut his wrists"
    subject = opening or _subject_in_place(ctx, start, _act_opening(ctx.norm, start, m.start()))
    if subject is None or subject.who != "pronoun":
        return None if subject is None else subject.who
    return _referent(ctx, subject, sentence)


# an act named after "after" or "following" ("daughter admitted to CAMHS after ligature attempt")
AFTER_AN_ACT = re.compile(
    r"\b(?:after|following)\s+(?:(?:an?|the|another|his|her|their)\s+)?(?:[a-z'-]+\s+){0,2}$"
)


def _act_opening(norm: str, sentence_start: int, start: int) -> int:
    """Where the act's clause opens: before the verb an act told as a noun follows ("took an overdose"), or before
    the clause's verb in the past that "after" an act follows with no person as its object ("sister was hospitalised
    after an overdose"; not "mum found pt after an overdose")."""
    after = AFTER_AN_ACT.search(norm, sentence_start, start)
    verb_after = _verb_before_after(norm, sentence_start, after.start()) if after is not None else None
    if verb_after is not None:
        return verb_after
    head = WORD.match(norm, start)
    if head is None or (head.group() not in ACT_NOUNS and head.group() not in ACT_NOUN_OPENERS):
        return start
    verb = NOUN_AFTER_VERB.search(norm, sentence_start, start)
    if verb is not None and (_told_past(verb.group("verb")) or verb.group("verb") in ("took", "had", "made")):
        return verb.start("verb")
    return start


def _verb_before_after(norm: str, sentence_start: int, after: int) -> int | None:
    """The first verb in the past of the clause that ends at ``after``, when no person follows it before there."""
    breaks = [b.end() for b in CLAUSE_BREAK.finditer(norm, sentence_start, after)]
    tokens = list(WORD.finditer(norm, max([sentence_start, *breaks]), after))
    index = next((i for i, t in enumerate(tokens) if _told_past(t.group())), None)
    people = CLIENT_WORDS | ROLE_NOUNS | NOTE_PRONOUNS
    if index is None or any(t.group().removesuffix("'s") in people for t in tokens[index + 1 :]):
        return None
    return tokens[index].start()


def _subject_in_place(ctx: Context, sentence_start: int, at: int) -> _Mention | None:
    """The first person word met back from ``at`` that stands in the subject's place (or owns the act's noun)."""
    tokens = list(WORD.finditer(ctx.norm, sentence_start, at))[-12:]
    for index in reversed(range(len(tokens))):
        mention = _mention(ctx, tokens[index], sentence_start)
        if mention is not None and _in_subject_place(ctx.norm, tokens, index, at):
            return _head_of_client(ctx, tokens, index) or mention
    return None


def _head_of_client(ctx: Context, tokens: Sequence[re.Match[str]], index: int) -> _Mention | None:
    """2.14.0 (h167): the person noun heading "N of (the) YP/client/pt" ("Friend of YP attempted suicide", "mother of
    pt OD'd"): the act is N's, not the client's."""
    if tokens[index].group().removesuffix("'s") not in CLIENT_WORDS:
        return None
    before = [t.group() for t in tokens[max(0, index - 3) : index]]
    if before[-1:] == ["the"]:
        before = before[:-1]
    if len(before) < 2 or before[-1] != "of":
        return None
    head = before[-2].removesuffix("'s")
    if head in ROLE_NOUNS:
        return _Mention("other", _gender(head), tokens[index - 2].start())
    return None


def _in_subject_place(norm: str, tokens: Sequence[re.Match[str]], index: int, at: int) -> bool:
    between = [t.group() for t in tokens[index + 1 :]]
    gap = norm[tokens[index].end() : at]
    # 2.16.0 (h180): a person noun with a name in brackets ("Husband (Tom) overdosed"), a bed or a room by its number
    # ("Bed 6 attempted"): the bracket and the number are part of the subject
    head = tokens[index].group().removesuffix("'s")
    bracket = NAME_BRACKET.match(gap) if head in ROLE_NOUNS else None
    if bracket is not None:
        between = [t.group() for t in tokens[index + 1 :] if t.start() >= tokens[index].end() + bracket.end()]
        gap = gap[bracket.end() :]
    elif head in DESIGNATED_PLACES and between[:1] and DESIGNATION.fullmatch(between[0]):
        between = between[1:]
        gap = gap[gap.index(tokens[index + 1].group()) + len(tokens[index + 1].group()) :]
    # 2.14.0 (h167): a history told in shorthand stands between ("Mum hx of SH", "mother has hx of intentional OD")
    between = [w for i, w in enumerate(between) if not _history_words(between, i)]
    # 2.16.4 (h191, frozen40-061): a count of the acts stands between ("Mother has hx of 3 suicide attempts")
    between = [w for w in between if not COUNT_WORD.fullmatch(w)]
    if all(w in SUBJECT_GAP or w in ACT_QUALIFIER_WORDS for w in between):
        # 2.14.0 (h167): a heading right before a colon or a dash is the act's subject ("Cousin of cl: OD x2")
        return not re.search(r"[;:()]", gap) or (
            not between and re.fullmatch(r"\s*[:\-\u2013]\s*", gap) is not None
        )
    # a phrase of place after the noun ("one of the residents on her unit", "a lad from football")
    return (
        0 < len(between) <= 6
        and between[0] in PHRASE_PREPOSITIONS
        and not (set(between) & (CLAUSE_WORDS | CLIENT_WORDS | FIRST_WORDS))
        and not re.search(r"[,;:()]", gap)
    )


COUNT_WORD = re.compile(
    r"\d{1,2}|x\d{1,2}|\d{1,2}x|two|three|four|five|six|several|multiple|many|numerous|repeated|recurrent"
)


def _history_words(between: Sequence[str], i: int) -> bool:
    """The words of a note's "hx (of)", "history of" at ``i``."""
    word = between[i]
    return (
        word == "hx"
        or (word == "history" and between[i + 1 : i + 2] == ["of"])
        or (word == "of" and i > 0 and between[i - 1] in ("hx", "history"))
    )


# 2.16.0 (h180, frozen35-119, frozen36-156): another person in a note designated by a bed, a room or a bay and its
# number ("Bed 6 attempted to hang herself"), by a client word after "another", "a fellow" … ("another patient", "a
# fellow resident"), or by a person noun with a name in brackets ("Husband (Tom) overdosed"); then a pronoun of theirs
DESIGNATED_PLACES = words("bed beds room bay cubicle cell")
DESIGNATION = re.compile(r"\d{1,3}[a-z]?|[a-z]\d{0,2}")
NAME_BRACKET = re.compile(r"\s*\((?:[a-z'-]+\s*){1,3}\)")
OTHER_OF_KIND = words("another fellow other a one different new second")
OTHER_CLIENT_NOUNS = CLIENT_WORDS | words("resident residents inpatient inpatients patients clients")
NOT_BEFORE_A_BED = words("in on to into from at by near beside off out under onto her his their my own")


# 2.16.4 (h191, frozen40-099): a bed and its number as the note's own label, at the start of its line or after a
# heading's colon and followed by a comma, a colon or a dash ("Handover: bed 12, admitted after deliberate OD …"): the
# note's subject, the client, not another patient ("Bed 6 attempted to hang herself" stays another's)
BED_LABEL_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[a-z/&-]+(?:[ \t]+[a-z/&-]+)?[ \t]*:[ \t]*)?$")
BED_LABEL_AFTER = re.compile(r"[ \t]*[,:\-\u2013\u2014]")


def _bed_label(norm: str, start: int, end: int) -> bool:
    line_start = norm.rfind("\n", 0, start) + 1
    return (
        BED_LABEL_BEFORE.search(norm[line_start:start]) is not None
        and BED_LABEL_AFTER.match(norm, end) is not None
    )


def _designated_other(ctx: Context, tok: re.Match[str], bare: str) -> bool:
    """2.16.0 (h180): ``tok`` names another person of the ward or the service: "another patient", "a fellow
    resident", "Bed 6" (a bed, a room, a bay with its number, not after "in", "on", "her" …: "pt in bed 4")."""
    before = WORD.findall(ctx.norm, max(0, tok.start() - 20), tok.start())[-1:]
    if bare in OTHER_CLIENT_NOUNS:
        return bool(before) and before[0] in OTHER_OF_KIND
    if bare in DESIGNATED_PLACES:
        after = WORD.match(ctx.norm, tok.end() + 1) if ctx.norm[tok.end() : tok.end() + 1] == " " else None
        if after is not None and _bed_label(ctx.norm, tok.start(), after.end()):
            return False
        return (
            after is not None
            and DESIGNATION.fullmatch(after.group()) is not None
            and not (before and before[0] in NOT_BEFORE_A_BED)
        )
    return False


def _mention(ctx: Context, tok: re.Match[str], sentence_start: int) -> _Mention | None:
    word = tok.group()
    bare = word.removesuffix("'s").removesuffix("'").lstrip("'")  # 2.15.0 (h175): "'my" opens a quotation
    if (bare in OTHER_CLIENT_NOUNS or bare in DESIGNATED_PLACES) and _designated_other(ctx, tok, bare):
        return _Mention("other", "", tok.start())
    if bare in CLIENT_WORDS:
        return _Mention("client", "", tok.start())
    if word in NOTE_PRONOUNS:
        return _Mention("pronoun", _gender(word), tok.start())
    if bare in ROLE_NOUNS:
        return _Mention("other", _gender(bare), tok.start())
    if _is_name(ctx, tok.start(), tok.start() + len(bare), sentence_start):
        return _Mention(_named_who(ctx, tok.start()), "", tok.start())
    return None


def _gender(word: str) -> str:
    return "m" if word in MALE_NOUNS else "f" if word in FEMALE_NOUNS else ""


def _named_who(ctx: Context, start: int) -> str:
    """A first name is someone else where the note names the client by a client word anywhere ("Cl says Priya …",
    "Discussed Oliver's overdose and how cl …") or names another person before it; it is the client's own name where
    the note has no client word and it is the first person named ("Session with Sam. Sam reports …"), or where it
    stands beside a client word ("Client, Sam, reports …", "Sam (client)")."""
    before = [t.group().removesuffix("'s") for t in WORD.finditer(ctx.norm, max(0, start - 12), start)][-1:]
    after = WORD.findall(ctx.norm, start, start + 40)[1:2]
    if (before and before[0] in CLIENT_WORDS) or (after and after[0] in CLIENT_WORDS):
        return "client"
    if _talked_about_first(ctx, start):
        return "other"  # 2.15.0 (h175): "Talked about Marcus again. He tried to hang himself …"
    if any(w.removesuffix("'s") in CLIENT_WORDS for w in WORD.findall(ctx.norm)):
        return "other"
    for tok in WORD.finditer(ctx.norm, 0, start):
        word = tok.group().removesuffix("'s")
        if word in SUBJECT_PRONOUNS or word in ROLE_NOUNS:
            return "other"
    return "client"


# 2.15.0 (h175): a name first met as what the client talked about, discussed or worried about is someone else
TALKED_ABOUT = re.compile(
    r"\b(?:(?:talked|talks|talk|talking|spoke|speaks|speaking|thinking|thought|worried|worries|worrying|concerned|"
    r"upset|grieving|angry|anxious)\s+(?:\w+\s+)?(?:about|of|for|over)|discussed|discusses|discussing|explored|"
    r"explores|exploring|mentioned|mentions|mentioning|brought\s+up|missing|misses|missed|focus\s+on|focused\s+on)\s+$"
)


def _talked_about_first(ctx: Context, start: int) -> bool:
    """The name at ``start`` is first met in the note right after a verb of talk or concern (:data:`TALKED_ABOUT`)."""
    name = WORD.match(ctx.norm, start)
    if name is None:
        return False
    first = re.search(r"\b" + re.escape(name.group().removesuffix("'s")) + r"\b", ctx.norm)
    at = first.start() if first is not None else start
    return TALKED_ABOUT.search(ctx.norm[max(0, at - 40) : at]) is not None


def _referent(ctx: Context, pronoun: _Mention, sentence: int) -> str | None:
    """Who the pronoun refers back to: the nearest person named before it in its sentence or the one before, passing
    over a noun of the other gender. Another pronoun met first leaves it open (the client's, to err upward): "Cl's
    mum found her after she took an overdose" is not read as the mother's."""
    for index in (sentence, sentence - 1):
        if index < 0 or not ctx.sentences:
            break
        start, end = ctx.sentences[index]
        for tok in reversed(
            list(WORD.finditer(ctx.norm, start, pronoun.start if index == sentence else end))
        ):
            if index != sentence and tok.group() in REFLEXIVES:
                continue  # 2.16.0 (h180): "Bed 3 tried to kill herself. She had …": the reflexive's subject decides
            mention = _mention(ctx, tok, start)
            if mention is None or (mention.gender and pronoun.gender and mention.gender != pronoun.gender):
                continue
            return None if mention.who == "pronoun" else mention.who
    return None


def _quote_speaker(ctx: Context, start: int, end: int) -> str | None:
    """``None`` outside quotes; inside, who speaks: ``first``, ``other`` or ``unknown`` (lyrics, titles)."""
    for qs, qe in ctx.quotes:
        if qs <= start and end <= qe:
            before = ctx.norm[max(0, qs - 80) : qs]
            if FIRST_PERSON_SPEECH.search(before):
                return None
            speech = SPEECH_VERB.search(before)
            if speech is None or MEDIA.search(before[: speech.start()]):
                return "unknown"
            speaker = _subject_before(ctx, max(0, qs - 80) + speech.start(), max(0, qs - 80))
            return None if speaker == "first" else "other" if speaker == "other" else "unknown"
    return None


# Twentieth round: a denial told as a belief the writer once held, then turned in the same sentence ("I thought I would
# never take my own life, but last night I planned how", "I swore I'd never cut again until Friday") is no denial.
PAST_BELIEF = re.compile(
    r"\b(?:thought|believed|swore|promised(?:\s+myself)?|told\s+myself|used\s+to\s+think|always\s+said)\s+"
    r"(?:that\s+)?i(?:'d|\s+would|'ll|\s+will|\s+could)?\s+never\b"
)
TURNED = re.compile(r"\b(?:but|until|till|yet|now)\b")
# A denial itself denied ("I am not saying that I wouldn't commit suicide", "can't say I'd never do it") is none.
DENIAL_DENIED = re.compile(
    r"\b(?:not|never|can'?t|cannot|won'?t)\s+(?:\w+\s+)?(?:saying|say|said|claiming|claim|promising|promise)\s+"
    r"(?:that\s+)?i(?:'d)?\s+(?:\w+\s+)?(?:couldn'?t|wouldn'?t|won'?t|can'?t|would\s+not|could\s+not|will\s+not|never)\b"
)


def _clause_start(ctx: Context, sentence: int, at: int) -> int:
    """Where the clause holding ``at`` begins: after the last clause break (comma, dash, bracket …) in its
    sentence before ``at``, else the sentence's start."""
    sentence_start = ctx.sentences[sentence][0] if ctx.sentences else 0
    breaks = list(CLAUSE_BREAK.finditer(ctx.norm, sentence_start, at))
    return breaks[-1].end() if breaks else sentence_start


# 2.15.1 (h177, rule in docs/risk.md written before frozen34 is read; frozen33-163): a denial reaches every item of a
# list after it ("Denied intent, plan or previous attempts", "Denies SI/SH/prev attempts", "No plan, intent, or hx of
# OD", "Nil previous attempts"), items joined by commas, slashes, "or", "nor", "and", up to the sentence's end, ";" or a
# turn. An item is at most four words with no subject or finite verb of its own; the phrase's own item tells no real
# event (a year, a count, a bracket, a time: "Denies current SI, SA 2019 (OD)" keeps the history).
LIST_DENIAL = re.compile(
    r"\b(?:denies|denied|denying|deny|no|nil|not|never|negative\s+for|neg\s+for)\b(?!\s+(?:one|longer|"
    r"doubt|matter|idea|wonder|sooner|less|more\s+than)\b)"
)
LIST_JOIN = re.compile(r"\s*(?:,|/|\bor\b|\bnor\b|\band\b|&)\s*")
LIST_STOP = re.compile(
    r";|\b(?:"
    + DENIAL_TURN_WORDS
    + r"|except|apart\s+from|other\s+than|although|whereas|while|though|since)\b"
)
LIST_NOT_AN_ITEM = words(
    "i i'm im i've ive i'd i'll me my myself we she he they her him them his their pt cl client patient yp "
    "reports reported states stated disclosed discloses said says admits admitted describes described endorses "
    "endorsed took taken take cut cutting has had have is was are were did does do found tried went got felt feels "
    "then now today yesterday tonight"
)
LIST_EVENT = re.compile(
    r"\(|\b(?:19|20)\d\d\b|\bx\s*\d|\d|\b(?:last|since|ago|again|once|twice|one|two|three|four|five|several|"
    r"recent|recently|yesterday|today|tonight|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|reviewed|completed|agreed|discussed|given|provided|offered|"
    r"shared|signposted|explored|encouraged|advised|in\s+place)\b"
)


def _list_denied(ctx: Context, m: re.Match[str], sentence: int) -> bool:
    """2.15.1 (h177): a denial before a coordinated list reaches the phrase at the list's end (:data:`LIST_DENIAL`);
    every item between is short, with no subject or verb of its own, and the phrase's own item tells no real event
    (:data:`LIST_EVENT`)."""
    s, e = ctx.sentences[sentence] if ctx.sentences else (0, len(ctx.norm))
    start = m.start()
    denials = [d for d in LIST_DENIAL.finditer(ctx.norm, s, start) if d.end() <= start]
    if not denials:
        return False
    between = ctx.norm[denials[-1].end() : start]
    if LIST_STOP.search(between):
        return False
    if denials[-1].group() in ("no", "not", "never"):
        # a plain negation reaches across a list only where it is one ("no plan, intent, or hx of OD", "no SI/SH/
        # prev attempts"); a comma alone may be a correction ("not sleepy tired, tired of being alive"), and a phrase
        # right after it is the clause negation's (``_negated``)
        joins = [j.group().strip() for j in LIST_JOIN.finditer(between)]
        if not any(j in ("or", "nor", "/") for j in joins):
            return False
    for item in LIST_JOIN.split(between):
        item_words = WORD.findall(item)
        if len(item_words) > 4 or any(w in LIST_NOT_AN_ITEM for w in item_words):
            return False
    join = LIST_JOIN.search(ctx.norm, m.end(), e)
    stop = LIST_STOP.search(ctx.norm, m.end(), e)
    item_end = min(x for x in (join.start() if join else e, stop.start() if stop else e, e))
    own = ctx.norm[start:item_end]
    if LIST_EVENT.search(own) or any(w in FIRST_WORDS or w == "myself" for w in WORD.findall(own)):
        return False
    # the phrase's own words hold no subject ("... and she took 30 tablets")
    return not any(w in LIST_SUBJECTS for w in WORD.findall(m.group()))


LIST_SUBJECTS = words("i i'm im i've ive i'd i'll we she he they pt cl client patient yp")


def _words_before(ctx: Context, clause_start: int, at: int) -> list[str]:
    """The last six words of the clause before ``at``: the reach of a negation."""
    return WORD.findall(ctx.norm, clause_start, at)[-6:]


def _negated(ctx: Context, m: re.Match[str], sentence: int, inside: bool) -> bool:
    """A negation governs the phrase: in its clause just before it, or (for most rules) inside it."""
    start, end = m.start(), m.end()
    sentence_start = ctx.sentences[sentence][0] if ctx.sentences else 0
    if PAST_BELIEF.search(ctx.norm, sentence_start, start) and TURNED.search(
        ctx.norm, end, ctx.sentences[sentence][1] if ctx.sentences else len(ctx.norm)
    ):
        return False
    if DENIAL_DENIED.search(ctx.norm, sentence_start, start):
        return False
    clause_start = _clause_start(ctx, sentence, start)
    if NOT_THAT.search(ctx.norm, clause_start, start):
        return True
    # a phrase that opens with a conjunction ("… with no harness and sat on the parapet") starts a clause of its own:
    # a negation before it does not reach it
    lead = WORD.match(ctx.norm, start)
    before = (
        [] if lead is not None and lead.group() in CLAUSE_WORDS else _words_before(ctx, clause_start, start)
    )
    window = before + (WORD.findall(m.group())[:-1] if inside else [])
    for i in range(len(window) - 1, -1, -1):
        if window[i] in CLAUSE_WORDS:
            window = _coordinated(window, i) or window[i + 1 :]
            break
    for i, word in enumerate(window):
        if word in NEGATIONS and _governs(window[i + 1 :]):
            return not INTENSIFIER_AFTER.match(ctx.norm[end : end + 40])
    return False


# Twentieth round: one negation over a short list ("not depressed or suicidal", "never sad or suicidal", "neither
# hopeless nor suicidal"): "or" and "nor" after a negation and one or two words of the list do not start a new clause.
LIST_OR = words("or nor")
LIST_NEGATIONS = NEGATIONS | {"neither"}
# A negated ability to act ("haven't got the guts to kill myself", "wasn't able to commit suicide") tells of the wish
# or of an act tried: the negation does not deny it (``_negated_own``).
INABILITY = words("able guts courage nerve strength balls brave bring")


def _coordinated(window: list[str], at: int) -> list[str] | None:
    """The window kept across the list word at ``at`` ("or", "nor") when a negation stands one or two words before
    it and nothing between is a subject or a clause word; else None (the list word starts a new clause)."""
    if window[at] not in LIST_OR or window[at + 1 :]:
        return None
    for k in (2, 3):
        items = window[at - k + 1 : at]
        if (
            at - k >= 0
            and window[at - k] in LIST_NEGATIONS
            and not any(w in SUBJECTS or w in CLAUSE_WORDS or w in NEGATIONS for w in items)
        ):
            return window[at - k : at]
    return None


def _negated_own(ctx: Context, m: re.Match[str], sentence: int) -> bool:
    """Twentieth round: a rule that may carry its own negation (:data:`OWN_NEGATION`) is negated from before, as every
    other rule is, when the phrase matched holds no negation of its own ("I will never take my own life", "I would
    never commit suicide"; not "I don't want to live"). A phrase that opens on the writer's own subject ("I should
    just die") is a clause of its own: a negation before it reaches it only as :func:`_governs` lets it past a new
    "I" ("I don't know why I should just die" is not negated)."""
    own = WORD.findall(m.group())
    if any(w in NEGATIONS for w in own) or NOT_SINCE.match(ctx.norm, m.end()):  # "… since March": a past act
        return False
    if not _negated(ctx, m, sentence, inside=False):
        return False
    before = _words_before(ctx, _clause_start(ctx, sentence, m.start()), m.start())
    negations = [i for i, w in enumerate(before) if w in NEGATIONS]
    between = before[negations[-1] + 1 :] if negations else []
    if any(w in INABILITY for w in between + own):  # "haven't got the guts to kill myself" tells of the wish
        return False
    if not own or own[0] not in SUBJECTS:
        return True
    return bool(negations) and _governs(between + own[:1])


def _governs(rest: list[str]) -> bool:
    """Whether a negation still reaches past ``rest``: not released, and no new clause of the writer's own
    (a new "I" ends it, unless it is the complement of a verb of saying: "I never said I …")."""
    if any(w in NEGATION_RELEASE for w in rest):
        return False
    for j, w in enumerate(rest):
        if w in SUBJECTS:
            return any(v in REPORTING for v in rest[:j]) or _fronted_adverbial(rest[:j])
    return True


# Eleventh round: a negation fronted with a time adverbial before its subject ("never in my life I thought about
# it", "not once in all these years I …") still governs the clause that follows.
FRONTED_ADVERBIAL = words("in my all these those the life years once ever even")
FRONTED_ANCHOR = words("in once ever")


def _fronted_adverbial(between: list[str]) -> bool:
    return (
        bool(between)
        and all(w in FRONTED_ADVERBIAL for w in between)
        and not FRONTED_ANCHOR.isdisjoint(between)
    )


STORY_PEOPLE = words("character characters protagonist hero heroine villain narrator")
# A first-person act inside a played or performed work is the player's or the actor's, not the writer's (nineteenth
# round's probe: "In the game I overdosed on potions" read as an attempt, "In the play I hang myself at the end of act
# two" as ideation): the sentence opens on such a work (``PLAYED_FRAME``: "in the game", not "during the film", which
# is the writer's own time) or holds a word only games use (``GAME_WORDS``; not "checkpoint", "avatar" or "game over",
# which real days use too). A wish, thought or urge before the act keeps it the writer's ("In the game I just wanted to
# die"), and so does a sentence that says it is real.
PLAYED_FRAME = re.compile(
    r"\s*in\s+(?:(?:the|my|a|this|that|our|tonight's|last\s+night's)\s+)?(?:school\s+)?"
    r"(?:video\s+game|game|play|musical|panto|pantomime|film|movie|show|scene|level|campaign|quest|roleplay|raid)\b"
)
GAME_WORDS = re.compile(r"\b(?:respawn(?:ed|s|ing)?|my\s+sim|npc|playthrough|speedrun)\b")
PLAYED_REAL = re.compile(r"\b(?:for\s+real|irl|in\s+real\s+life|not\s+in\s+the\s+game)\b")
PLAYED_WISH = re.compile(
    r"\b(?:want|wanted|wants|wanna|wish|wished|wishing|thought|think|thinking|feel\s+like|felt\s+like|urge|urges|"
    r"tempted|considered|considering|plan|planned|planning)\b"
)


def _played(ctx: Context, sentence: int, at: int) -> bool:
    """Sentence ``sentence`` (an index into ``ctx.sentences``) narrates a played or performed work, and nothing
    between its start and ``at`` (the act) is a wish, thought or urge of the writer's; it does not say it is real."""
    s, e = ctx.sentences[sentence]
    if not (PLAYED_FRAME.match(ctx.norm, s) or GAME_WORDS.search(ctx.norm, s, e)):
        return False
    return PLAYED_REAL.search(ctx.norm, s, e) is None and PLAYED_WISH.search(ctx.norm, s, max(s, at)) is None


# A sentence that opens on one of these is a hypothetical as a whole ("If I were ever in that place again, I would
# tell my GP"); the sentence model may not raise it on its own (a lexicon phrase at ideation or above still counts).
SENTENCE_HYPOTHETICAL = re.compile(
    r"\s*(?:if\s+(?:i\s+)?ever|if\s+i\s+(?:were|was)\s+ever|in\s+case\s+i\s+ever|hypothetically|in\s+theory)\b"
)


def sentence_reasons(
    text: str, kind: str, spans: Sequence[tuple[int, int]], *, context: Context | None = None
) -> list[str | None]:
    """For each sentence span, why the sentence model may not raise it on its own: ``too_short`` (fewer than
    three words: "Calm session." carries too little for an embedding; the lexicon still reads it), ``hypothetical``
    (it opens on "if I ever", "if I were ever", "in case I ever", "hypothetically"), ``dream`` (it
    narrates a dream), ``fiction`` (a story, film, song… and no first person), ``third_person`` (only other
    people are its subjects; not in a therapist's session text, where "she" is the client), or ``None``.
    ``context``: the lexicon's context of this ``text`` and ``kind`` when already made (:attr:`Reading.context`)."""
    ctx = context if context is not None else _context(text, kind)
    out: list[str | None] = []
    for start, end in spans:
        sentence = _sentence_of(ctx, start)
        words = set(WORD.findall(ctx.norm, start, end))
        first = bool(words & FIRST_WORDS) or "myself" in words
        # words quoted inside the sentence ("the prompt says 'what are you looking forward to'") are not its subjects
        others = _other_people(ctx.norm, start, end, ctx.quotes) or any(
            _is_name(ctx, m.start(), m.end(), start)
            and ctx.norm[start : m.start()].rstrip()[-1:] not in ".!?…"
            for m in WORD.finditer(ctx.norm, start, end)
        )
        if others and not first and _subject_dropped_others_only_objects(ctx, start, end):
            others = False
        if len(WORD.findall(ctx.norm, start, end)) < MIN_MODEL_WORDS:
            out.append("too_short")
        elif sentence in ctx.dream:
            out.append("dream")
        elif SENTENCE_HYPOTHETICAL.match(ctx.norm, start):
            out.append("hypothetical")
        elif _asked_and_denied(ctx, start, end):
            # eleventh round: someone's question answered no in the next sentence, and that answer
            out.append("negation")
        elif _played(ctx, sentence, end):
            # nineteenth round: the player's or the actor's act, wish words nowhere in the sentence
            out.append("fiction")
        elif MEDIA.search(ctx.norm, start, end) and (not first or words & STORY_PEOPLE):
            # a story's people keep it a story even when the writer watched it ("we watched a film where the main
            # character jumps off a bridge")
            out.append("fiction")
        elif recovery_evidence(ctx.norm, start, end):
            # eighth round: a recovery line ("two years since I last burned myself", "glad I didn't die back then")
            out.append("recovery")
        elif any(a < end and start < b for a, b in ctx.injuries) and not INTENT.search(ctx.norm, start, end):
            # seventh round: an everyday injury told as an accident (the lexicon already sets its words aside)
            out.append("injury")
        elif not first and others and kind not in SESSION_KINDS:
            out.append("third_person")
        else:
            out.append(None)
    return out


# What makes a hurt intended rather than an accident (an injury sentence with one of these stays the model's to read)
# the hurt said to be meant, in the writer's plainest words: in an injury's sentence (``INTENT``) or one of the next
# two (``INTENT_AFTER``)
HURT_MEANT = (
    r"on\s+purpose|deliberately|wanted\s+(?:it|them)\s+to\s+hurt|to\s+feel\s+(?:something|it|the\s+pain)"
)
INTENT_AFTER = re.compile(
    r"\b(?:not\s+deep|"
    + HURT_MEANT
    + r"|punish(?:ing|ed)?\s+(?:myself|meself|me)|i\s+did\s+it\s+(?:myself|to\s+myself))\b"
)
INTENT = re.compile(
    r"\b(?:"
    + HURT_MEANT
    + r"|punish\w*|deserved?|so\s+(?:it|they)\s+(?:wouldn'?t|won'?t|would\s+not)\s+heal|again\s+and\s+again|over\s+and\s+over|"
    r"(?:till|until|til)\s+(?:it|they|i)\s+(?:bled|bleed)|wanted\s+to\s+die|to\s+die|kill\s+myself|end\s+it)\b"
)


# Seventh round: a diary sentence that drops its subject ("Swallowed them all.", "Gave my keys to my cousin.") is
# the writer's own; other people in it are then only objects ("them all", "to my cousin", "to Miss Ruby"), not
# subjects, and do not make it someone else's sentence. Not "Found him …" ("him" may be the one it is about), nor a
# sentence that opens on a noun or a pronoun ("Dad gave …", "They swallowed …").
SUBJECTLESS_OPENERS = words(
    "gave give took take put swallowed swallow bought buy wrote write told sat went drove got left hid kept saved "
    "counted count sorted lined rang called texted posted sent packed made picked chose set tied hung filled "
    "emptied deleted cleared finished stood walked parked waited"
)
SKIPPED_OPENERS = words("then just finally so and also already today tonight yesterday again still")
OBJECT_THEM = re.compile(
    r"(?:them|'em|em)\b(?=\s*(?:$|[.!?,;]|all\b|both\b|in\b|into\b|out\b|away\b|up\b|down\b|"
    r"together\b|under\b|behind\b))"
)
OBJECT_PREPOSITIONS = words("to for with from at by off near beside behind onto into fi")
OBJECT_DETERMINERS = words("my the a an miss mr mrs ms dr old little our mi di me")


INDEFINITE_OBJECTS = words("anyone anybody someone somebody everyone everybody")
TELLING = words("told tell telling asked ask rang ring called call texted text warned warn let")


def _subject_dropped_others_only_objects(ctx: Context, start: int, end: int) -> bool:
    """Whether the sentence opens on a verb with no subject (a diary's "Gave …", "Swallowed …") and every other
    person in it is an object ("them all", "to my cousin"), so it speaks of the writer (seventh round)."""
    tokens = [
        m
        for m in WORD.finditer(ctx.norm, start, end)
        if not any(q[0] <= m.start() < q[1] for q in ctx.quotes)
    ]
    i = 0
    while i < len(tokens) and tokens[i].group() in SKIPPED_OPENERS:
        i += 1
    if i >= len(tokens):
        return False
    opener = tokens[i].group()
    if opener not in SUBJECTLESS_OPENERS and not (opener.endswith("ed") and len(opener) > 5):
        return False
    for j in range(i + 1, len(tokens)):
        tok = tokens[j]
        word = tok.group()
        person = word in PERSON_WORDS or _is_name(ctx, tok.start(), tok.end(), start)
        if not person:
            continue
        if word in ("one", "u") or (word in OTHER_NOUNS and ctx.norm[tok.end() : tok.end() + 1] == "-"):
            continue
        if word in ("them", "em") and OBJECT_THEM.match(ctx.norm, tok.start()):
            continue
        k = j - 1
        while k > i and (
            tokens[k].group() in OBJECT_DETERMINERS
            or _is_name(ctx, tokens[k].start(), tokens[k].end(), start)
        ):
            k -= 1
        after_preposition = k >= i and tokens[k].group() in OBJECT_PREPOSITIONS
        # "to my cousin", "to Miss Ruby", "with the lads": an object; a bare pronoun after it ("to him") is not counted
        if after_preposition and (k < j - 1 or word not in OTHER_WORDS):
            continue
        # eleventh round: the opener's own object ("Emailed my ex …", "Rang our Sharon …"), or nobody in particular
        # after a verb of telling ("haven't told anyone")
        if k == i and k < j - 1:
            continue
        if word in INDEFINITE_OBJECTS and tokens[j - 1].group() in TELLING:
            continue
        return False
    return True


# A first-person main clause after the "if …" clause: the phrase after it is the consequent, a stated intent
# ("If I ever get out of this hospital I will end my life"), not part of the hypothetical.
CONSEQUENT = re.compile(
    r"\bi(?:\s+will|\s*'ll|\s+would|\s*'d|\s+am\s+going\s+to|\s*'m\s+going\s+to|\s*'m\s+gonna|\s+shall)\b"
)


# 2.15.2 (h178): in a note the client is "she", "he", "pt": "If she ever wrote letters to her family and updated her
# will, she would tell her GP first" is the note's hypothetical, read for every rule (2.15.0's among them)
NOTE_HYPOTHETICAL = re.compile(
    r"\bif\s+(?:she|he|they|pt|cl|client|patient|yp)\s+(?:(?:was|were)\s+)?ever\b"
    r"|\bin\s+case\s+(?:she|he|they|pt|cl|client|patient|yp)\s+ever\b"
)


def _hypothetical(ctx: Context, m: re.Match[str], sentence: int) -> bool:
    """The phrase sits in an "if I ever …" clause (the clause that starts at the last comma before it), and not
    in a first-person consequent that follows it without a comma."""
    clause_start = _clause_start(ctx, sentence, m.start())
    hyp = HYPOTHETICAL.search(ctx.norm, clause_start, m.start() + 1)
    if hyp is None and ctx.kind in SESSION_KINDS:
        hyp = NOTE_HYPOTHETICAL.search(ctx.norm, clause_start, m.start() + 1)
    if hyp is None:
        return False
    return CONSEQUENT.search(ctx.norm, hyp.end(), m.start()) is None


def _in_dream(ctx: Context, m: re.Match[str], sentence: int) -> bool:
    if sentence not in ctx.dream:
        return False
    s, e = ctx.sentences[sentence]
    if mentions_dream(ctx.norm[s:e]):
        return True
    before = " ".join(WORD.findall(ctx.norm, max(s, m.start() - 30), m.start())[-3:])
    return bool(PAST.search(m.group()) or PAST.search(before))


# Tenth round: an everyday construction around an ambiguous particle ("took the dog out", "ran out of milk", "out
# all night", "the match is over"). The sentence model scored such short sentences as ideation with no risk word in
# them; the screen sets such a model-alone alarm aside (reason ``everyday_word``) only when a construction below
# holds the particle and no word of ``EVERYDAY_GUARD`` is in the sentence ("I want out", "take myself out",
# "checking out for good", "I want it all to be over" keep their alarm). Each construction is named.
EVERYDAY_WORD: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        # 2.16.4 (h191, frozen40): model-alone alarms on everyday constructions. A video game's deaths ("died 40 times to
        # the same boss"); an operation's organ taken out ("appendix out on tuesday"); the idiom "hang in there" (told
        # or asked about); a future denied only in a place or a job ("no future for me in this country"); a thing
        # thrown in frustration ("gonna throw my controller"); a term that ends ("My visa ends")
        (
            "game_deaths",
            r"\b(?:died|dying|dead|killed|wiped)\s+(?:\d+|a\s+(?:few|dozen|hundred|million)|like\s+\d+|so\s+many|"
            r"twenty|thirty|forty|fifty|a\s+hundred|hundreds\s+of|ten)\s+times\s+(?:to|on|at|in|against)\s+"
            r"(?:the|this|that|one|a)\s+(?:same\s+|stupid\s+|final\s+|last\s+)?(?:\w+\s+)?(?:boss|level|map|raid|"
            r"stage|round|dungeon|mission|checkpoint|bit|part|enemy)\b",
        ),
        (
            "organ_out",
            r"\b(?:appendix|tonsils|gallbladder|gall\s+bladder|wisdom\s+(?:teeth|tooth)|stitches|cast|splint|drain|"
            r"catheter|staples|coil|implant|cyst|mole|ovary|kidney\s+stone)\s+(?:out|removed|taken\s+out)\b",
        ),
        ("hang_in_there", r"\bhang\s+in\s+(?:there|where|here)\b"),
        # 2.16.5 (h195, frozen41-098): a supply cut off ("Battery's out again", "the power was out all night")
        (
            "supply_out",
            r"\b(?:battery|batteries|power|electricity|electrics|lights|wifi|wi-fi|internet|signal|boiler|heating|"
            r"fuse|hot\s+water)(?:'s|\s+is|\s+was|\s+went|\s+are|\s+were)?\s+out\b",
        ),
        (
            "future_in_a_place",
            r"\b(?:no|any|a)\s+future\s+(?:for\s+me\s+)?(?:in|at|with)\s+(?:this|that|the|my)\s+"
            r"(?!(?:world|life|body|head|family)\b)(?:country|city|town|job|company|career|industry|field|team|place|"
            r"firm|department|band|club|relationship|school|uni|university|course|sport|league|flat|area)\b",
        ),
        (
            "thing_thrown",
            r"\b(?:throw|threw|throwing|chuck|chucked|chucking|smash|smashed|smashing|snap|snapped|yeet|yeeted)\s+"
            r"(?:my|the|this|that)\s+(?:\w+\s+)?(?:controller|keyboard|mouse|headset|phone|laptop|console|remote|pad)\b",
        ),
        (
            "term_ends",
            r"\b(?:my|the|our|her|his|their)\s+(?:\w+\s+)?(?:visa|contract|lease|tenancy|permit|subscription|"
            r"placement|internship|probation|secondment)\s+(?:ends|expires|runs\s+out|is\s+up|finishes|ran\s+out)\b",
        ),
        (
            # a phrasal verb with a concrete object: "took the dog out", "put the cat out", "let the dog out"
            "out_errand",
            r"\b(?:took|take|takes|taking|put|puts|putting|let|lets|letting|threw|throw|throws|throwing|brought|bring|"
            r"brings|bringing|walked|walk|walks|walking|hung|hang|hangs|hanging|carried|carry|carries|carrying|left|"
            r"leave|leaving|wheeled|dragged|set|sets|got|get|gets|getting)\s+(?:the|a|an|our|his|her|their|some|those|"
            r"these|all\s+the|my)\s+(?!(?:self|life|lives)\b)(?:\w+\s+){0,2}?out\b",
        ),
        (
            # the same errand with the particle first: "taking out the trash", "took out the bins", "brought out a
            # cake" (twenty-seventh round: a QA tester's "Taking out the trash." read as ideation at 0.84)
            "out_errand_first",
            r"\b(?:took|take|takes|taking|brought|bring|brings|bringing|wheeled|wheel|wheeling|dragged|drag|"
            r"dragging)\s+out\s+(?:the|a|an|our|his|her|their|some|those|these|all\s+the|my)\s+"
            r"(?!(?:self|life|lives)\b)\w+",
        ),
        (
            # out of a supply or a thing: "ran out of milk", "we're out of bread"
            "out_of_thing",
            r"\bout\s+of\s+(?:the\s+|some\s+|our\s+|my\s+)?(?!(?:it|this|that|here|there|life|living|existence|hope|"
            r"reasons?|options|ways?|chances|strength|will|fight|time|road|me|world|picture|misery|pain|control|"
            r"mind|head|body|skin|everything|anything|all|window|windows|balcony)\b)[a-z]+",
        ),
        (
            # out at a time or a place, or doing something: "out all night", "out with friends", "out for dinner"
            "out_time_place",
            r"\bout\s+(?:all\s+(?:night|day|evening|morning|afternoon|weekend)|late|last\s+night|tonight|today|"
            r"(?:till|until|til)\s+\w+|with\s+\w+|for\s+(?:a|an|dinner|lunch|breakfast|drinks|tea|coffee|brunch|"
            r"food|some)\b|at\s+(?:the|a|my|our|work)\b|in\s+the\s+(?:garden|rain|sun|yard|car|cold|park|field|"
            r"street)\b|on\s+the\s+(?:town|lash|razz|bike|boat|water)\b|and\s+about|shopping|walking|running|"
            r"cycling|drinking|partying|clubbing)",
        ),
        (
            # a state said with "out": fainted, exhausted, stressed
            "out_state",
            r"\b(?:passed|blacked|zonked|conked|crashed|flaked|worn|tired|stressed|freaked|chilled|zoned|spaced)\s+out\b",
        ),
        (
            # 2.10.2 (h143, review r119): a task attempted ("she attempted the climb last night"). 2.10.3 (review
            # r121): the object must be a named everyday task (an exact list, at most one word before it), not any
            # noun: "attempted the bridge", "the railway line", "the river" are places of suicide and stay read
            "attempted_task",
            r"\b(?:attempted|attempting)\s+(?:the|a|an|her|his|their|my|our)\s+(?:[a-z]+\s+)?(?:climb|crossword|"
            r"puzzle|sudoku|recipe|homework|exam|test|quiz|question|task|assignment|essay|route|hike|trek|walk|run|"
            r"race|marathon|course|level|match|game|song|piece|solo|drawing|painting|repair|job|interview|bake|cake|"
            r"knot|lift|squat|deadlift|sheet|worksheet|form|application|exercise|drill|lap|climbs)\b",
        ),
        (
            # an event that is over: "the match is over", "the meeting was finally over"
            "over_event",
            r"\b(?:the|our|my|this|that|his|her|their)\s+(?:\w+\s+)?(?:match|game|meeting|party|holiday|term|exams?|"
            r"shift|class|lesson|film|show|season|week|weekend|wedding|concert|race|semester|storm|rain|heatwave|"
            r"appointment|interview|call|trip|visit|tournament|festival|election|strike|course|play|gig|"
            r"school\s+year)\s+(?:is|was|'s|are|were|has\s+been|had\s+been)\s+(?:all\s+|finally\s+|now\s+|nearly\s+|"
            r"almost\s+)?over\b",
        ),
        (
            # 2.16.3 (h190, review r134): a hope that tomorrow is better, told as a whole sentence of its own and
            # nothing after it but a mark or an emoji ("Maybe tomorrow is better 🌱" read at ideation, 0.907): no
            # condition, no absence, no waking ("maybe tomorrow will be better if I'm not here", "maybe tomorrow I
            # won't wake up" are no such sentence and keep their alarm)
            "hopeful_tomorrow",
            r"(?:^|(?<=[\s(\[\"'\u201c\u2018]))(?:(?:maybe|hopefully|perhaps|fingers\s+crossed|here'?s\s+hoping|i\s+hope|"
            r"hope)\s*,?\s*)+(?:tomorrow|tmrw|tmr|tomoz|the\s+weekend|next\s+week)\s+(?:is|will\s+be|'ll\s+be|'s|might\s+be|"
            r"could\s+be|would\s+be|goes|will\s+go)\s+(?:a\s+)?(?:bit\s+|little\s+|lot\s+)?(?:better|kinder|easier|"
            r"brighter|calmer|good|nicer)(?:\s+(?:day|one))?(?:\s*[.!,~:;)\]\u2026]|\s*[^\w\s])*\s*$",
        ),
    )
)
# Words that keep a model-alone alarm whatever construction holds the particle.
EVERYDAY_GUARD = re.compile(
    r"\b(?:want\w*|wanna|wish\w*|need\w*|way|check\w*|myself|life|living|alive|die|dying|dead|death|end|ending|"
    r"everything|for\s+good|for\s+ever|forever|permanently|kill\w*|suicid\w*|gone|tired\s+of|done|hurt\w*|goodbye|"
    r"anymore|no\s+more|never|nothing|pointless|hopeless|over\s+it|over\s+with|disappear\w*|"
    # a time picked for when the others are out, a prayer, weariness of living (genuine lines of the bank)
    r"picked|pick|chose|chosen|plan\w*|ready|alone|liv\w*|pray\w*|lord|god|heaven|"
    # a means taken out is not an errand ("took the gun out of the safe and sat with it in the car")
    r"guns?|rifles?|shotgun|pistol|revolver|ammo|rounds|bullets?|knife|knives|blades?|razors?|rope|noose|belt|cord|"
    r"charcoal|poison|bleach|car\s+exhaust|hose|" + PILLS[3:-1] + r")\b"
)


# Twenty-first round: constructions whose own word is a guard word ("end", "gone", "done"), so the guard is read in
# the rest of the sentence only: a body part worn out by work or play ("my hands are finished", "now my arms are
# gone", "two teeth gone"), and a span of time or a task come to its end, told as a clause of its own ("The end of the
# week is the best of it.", "…; a very satisfying end to the week", "The end of two years of cold calling."); not
# "make it to the end of the month" (the end is then an object), nor "the end of the line", "of my days".
BODY_SPENT = r"(?:hands?|arms?|legs?|feet|back|knees?|shoulders?|fingers?|thumbs?|eyes|voice|thighs|calves|quads|lungs)"
PERIOD = (
    r"(?:week|weekend|day|month|year|years|months|weeks|season|term|shift|shifts|job|era|tour|holiday|trip|project|"
    r"book|series|course|semester|match|game|decade|contract|lease|summer|winter|spring|autumn|evening|morning|"
    r"afternoon|calling|calls|exams?|placement|rotation|harvest|tenancy)"
)
EVERYDAY_OWN_WORD: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            # 2.16.3 (h190, frozen39-081): a note's prescription line ("Repeat Rx sertraline 100mg x28."): a drug, its
            # dose and its count prescribed, not taken; the guard (a drug's name) is read outside it
            "prescription_line",
            r"\b(?:repeat\s+)?(?:rx|prescription|prescribed|script)\s*:?\s+(?:for\s+)?[a-z-]+\s+\d+(?:\.\d+)?\s?"
            r"(?:mg|mcg|micrograms|ml|g)\b(?:\s+(?:od|bd|tds|qds|on|nocte|mane|prn|daily|x\s?\d+|\d+\s?(?:tabs|"
            r"tablets|days)))*",
        ),
        (
            # 2.16.3 (h190, frozen39-140): a quoted wish narrowed to a thing and denied of life in the clinician's
            # words ('States "I'm done" re physio exercises, not re life.'); the quoted words are its own
            "quoted_re_narrowed",
            r"[\"'\u201c\u2018][^\"\u201d\n]{1,30}[\"'\u201d\u2019]\s+re\s+(?!(?:life|living|self|suicid\w*|death|"
            r"dying)\b)[a-z][a-z\s'-]{0,40}?,?\s+not\s+re\s+(?:life|living|(?:her|his|their)\s+life|dying|suicide|self)\b",
        ),
        (
            # 2.16.1 (h183, frozen37-069, -082): body art done to be worn ("Got my ears pierced again", "Has tattoos
            # x4, professionally done"); the guard is read outside it ("done" is its own word)
            "body_art",
            r"(?![^\n]*\b(?:cut|cuts|cutting|scars?|scarring|burn\w*|bled|bleed\w*|blood|harm\w*|wounds?)\b)"
            r"\b(?:got|get|gets|getting|had|has|have)\s+(?:my|her|his|their|a|an|the)?\s*(?:\w+\s+){0,2}?pierced\b"
            r"|(?![^\n]*\b(?:cut|cuts|cutting|scars?|scarring|burn\w*|bled|bleed\w*|blood|harm\w*|wounds?)\b)"
            r"\b(?:tattoos?|piercings?)\b[^.!?\n]{0,40}\b(?:professionally(?:\s+done)?|(?:at\s+a\s+)?(?:studio|parlou?r)|"
            r"by\s+an?\s+artist|done\s+at\s+a\s+\w+)",
        ),
        (
            "body_spent",
            r"\b(?:(?:my|our|me)\s+(?:\w+\s+)?)?"
            + BODY_SPENT
            + r"\s+(?:are|is|were|was|'re|'s|feel|feels|felt)\s+"
            r"(?:(?:all|totally|completely|absolutely|just|now|proper)\s+)?(?:finished|gone|dead|done|shot|wrecked|"
            r"destroyed|knackered)\b|\b(?:\w+\s+)?(?:teeth|tooth)\s+(?:(?:are|is)\s+)?gone\b",
        ),
        (
            # 2.10.2 (h143, review r119): an attempt that succeeded at a task, the rest of the sentence being the task
            # ("attempted again yesterday and got her black belt", "attempted; passed her driving test"); not an
            # attempt at suicide or at dying
            "attempted_success",
            r"\b(?:attempted|attempting)\b(?!\s+(?:suicide|to\s+(?:kill|end|hang|die|overdose|od)))[^.!?\n]{0,60}?\b"
            + SUCCESS
            + r"\b[^.!?\n]*",
        ),
        (
            "end_of_period",
            r"(?<![\w'])(?<![\w']\s)(?:the|a|an)\s+(?:\w+\s+){0,2}?end\s+(?:of|to)\s+(?:the|this|that|a|an|my|our|his|her|"
            r"their|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:\w+\s+){0,2}?"
            + PERIOD
            + r"\b",
        ),
    )
)


def everyday_word(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The everyday construction (its name and span) that holds the ambiguous word of ``text[start:end]``, or
    ``None`` when there is none or a guard word keeps the sentence's alarm (see ``EVERYDAY_WORD``; for
    ``EVERYDAY_OWN_WORD`` the guard is read outside the construction)."""
    norm = normalise(text)
    starts, ends = _token_edges(norm)
    if not EVERYDAY_GUARD.search(norm, start, end):
        for name, pattern in EVERYDAY_WORD:
            for m in pattern.finditer(norm, start, end):
                if _aligned(norm, m.start(), m.end(), starts, ends):
                    return name, m.start(), m.end()
    for name, pattern in EVERYDAY_OWN_WORD:
        for m in pattern.finditer(norm, start, end):
            rest = norm[start : m.start()] + " " * (m.end() - m.start()) + norm[m.end() : end]
            if _aligned(norm, m.start(), m.end(), starts, ends) and not EVERYDAY_GUARD.search(rest):
                return name, m.start(), m.end()
    return None


# 2.13.0 (h160): in a journal, a capitalised word opening the sentence right before the act told in the past is a
# name ("Priya took an overdose at the weekend", "Lucy overdosed last night"), unless it is a word a writer opens a
# sentence with when they drop their "I" ("Then took …", "Basically took …", "Yesterday took …", "Never again …").
OPENING_NOT_A_NAME = (
    NOT_A_SUBJECT
    | SKIPPED_OPENERS
    | SUBJECTLESS_OPENERS
    | NOT_NAMES
    | CLAUSE_WORDS
    | NEGATIONS
    | SUBJECT_GAP
    | FIRST_WORDS
    | words(
        "the a an this that these those my your his her their our its it there here what who when where why how all "
        "some any every each no ok okay lol lmao omg yeah yes yep nope well anyway anyways somehow maybe perhaps never ever twice almost "
        "nearly soon later tonight then finally still also even only kinda sorta prolly def deffo gonna wanna "
        "gotta idk tbh ngl smh ugh oops whoops sigh welp meh damn shit fuck hmm"
    )
)


def _opening_name(ctx: Context, m: re.Match[str], sentence: int) -> bool:
    start = ctx.sentences[sentence][0] if ctx.sentences else 0
    tokens = list(WORD.finditer(ctx.norm, start, _act_opening(ctx.norm, start, m.start())))
    if not tokens or tokens[0].start() != start + len(ctx.norm[start:]) - len(ctx.norm[start:].lstrip()):
        return False
    word, original = tokens[0].group(), ctx.original[tokens[0].start() : tokens[0].end()]
    if not original[:1].isupper() or original.isupper() or len(word) < 3 or word.endswith("ly"):
        return False
    if word in OPENING_NOT_A_NAME or word in PERSON_WORDS:
        return False
    following = WORD.match(ctx.norm, _act_opening(ctx.norm, start, m.start()))
    verb = following.group() if following is not None else ""
    return all(t.group() in SUBJECT_GAP for t in tokens[1:]) and (_told_past(verb) or verb in SUBJECT_GAP)


NOT_PAST = words("need feed seed bleed speed breed weed exceed proceed succeed embed shed bed red")


def _told_past(word: str) -> bool:
    return word in PAST_ACTS or (word.endswith("ed") and word not in NOT_PAST)
