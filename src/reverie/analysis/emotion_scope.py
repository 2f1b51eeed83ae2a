"""Whose feeling is it, is it denied, and is it said at all? The journal layer on top of the emotion head.

The head reads a sentence as a whole: "I wasn't happy" looks like joy, "my mother was proud of me" like pride,
"oh great, just what I needed" like admiration. This layer finds the emotion words of a sentence (a small
lexicon per GoEmotions label, matched on spaCy lemmas; the tagger runs on every sentence, no dependency parse
is needed) and, for each, its **holder**, whether it is **negated**, and its **mood**, by scanning back from the
word over what may stand between a subject and its feeling (auxiliaries, copulas and feel-verbs, adverbs,
particles, say-verbs):

* the first nominal reached is the holder ("my mother was proud" → my mother; "it made me happy" → me, since
  the scan stops at the object of *make*; "how disgusted he was" → he); no nominal before a boundary → the
  writer (a journal's default); "nobody" holds a negated feeling ("nobody thanked me");
* a negator on the way (not, n't, never, no longer, hardly …) negates the word, except "couldn't be happier";
* the mood: ``stated``; ``expected`` ("I should be proud": said to be owed, so not felt: a denial);
  ``hypothetical`` (a modal on the way — would, will, might, could —, or inside an if-clause); ``hedged``
  (after maybe, perhaps, not sure, don't know if, can't tell, wonder if, in the same clause, or in a yes/no
  question: "Am I in love with her?"); ``seen`` (an appearance verb: "I seemed anxious", how one looked).

Per sentence, :func:`decide` turns the head's labels into the writer's reading (the mechanisms, in order):

1. **sarcasm** ("oh great", "just what I needed", "loved being ignored"): positive labels are dropped and the
   sentence reads as annoyance unless a negative label is already there;
2. **denial**: a family whose writer's words are all negated or expected is dropped; a denied positive feeling
   reads as disappointment or sadness (whichever the head prefers), a denied negative one as relief when the
   sentence says it has changed ("anymore", "no longer") and otherwise as nothing (neutral); the head's other
   labels of the denied valence are dropped with it (they came from the denied word);
3. **someone else's feeling**: a family whose words are all held by another person becomes ``others`` (the
   finding keeps its sentence with ``scope = "other"``); "nobody thanked me" is a denial, not someone's
   feeling;
4. **hedges and conditionals**: a family whose writer's words are all hedged or hypothetical is dropped
   (uncertain, not felt now); "I'd love …" reads as desire;
5. **stated feelings outrank context**: the writer's own affirmed emotion words (and the cue phrases of
   understatement — "not bad", "not exactly a triumph" — of bodily signs — "heart racing", "hands shaking" —
   and of worry questions — "what if …?") are kept even under the head's threshold, rank first, and drop the
   head's unanchored labels of the opposite valence (unless the sentence holds a contrast: mixed feelings);
6. **rhetorical questions** ("why do I always …?"): curiosity and confusion give way to a negative label;
7. **weak evidence**: once a label was taken away, the head's remaining labels with no word of their own must
   reach twice their threshold; with nothing left the sentence abstains (``neutral``).

Added in 1.3.0 (from the misses of two batches in other voices): sarcasm also from deadpan praise before other
news ("Wonderful." then bad news: the caller passes the next sentence) and praise said three times running;
**the writer set apart** ("everyone laughed except me", "they loved it; I didn't") turns the others' feeling
into its opposite for the writer, as a denial does; an elliptical **fragment** ("Couldn't.") abstains; someone
else's **signs** (laughter, tears) keep to their own label and do not weaken the writer's reading, while the
writer's own sign is read when the head sees nothing; a feeling the writer **names** ranks before one the
layer infers; "I feel okay" drops what others say of the writer; anhedonia ("unable to summon any
enthusiasm") denies the positive word; a disowned denial ("dishonest to claim I was not shaken") affirms it.

Added in 1.4.0 (from the misses of the frozen3 batch): sarcasm from praise that opens a sentence whose news is
a mishap ("Oh joy, a ninety-minute meeting", "Love it when the train is cancelled") or an ironic tag that closes
one ("… again, how thoughtful of him"); bodily signs of embarrassment (a burning face), anger (a clenched jaw),
sadness (a lump in the throat), relief ("could breathe again") and nervousness a few words on ("my hands wouldn't
stop shaking"); hard times and pleasure played down ("a bit rough", "bit of a day", "put out", "which was nice",
"went rather well"); negation over a quantity ("not one ounce of guilt"), through "in love" and before a causer
("didn't make me smile": a withheld sign is no reaction, not a letdown); "don't miss X" denies a longing; a good
feeling that has passed reads as sadness; "miss" names sadness whatever member the head prefers; a feeling word
opening a sentence is no name ("Glad he's gone"); a condition the writer says will not come is no worry
("which he won't"); and a head all but sure of neutral (≥ 0.8) with no word for a feeling credits no weak leftover.

Added in 1.5.0 (from the misses of the frozen4 batch, by mechanism, as general means rather than sentence shapes): a
broader feeling-word map (synonyms and register words — glum, rattled, bummed, besotted —, words that name a feeling
only right after a feel-verb — "I feel awful", "felt weird", "feel safe" —, and adjectives that name what a thing
makes the writer feel — "so frustrating", "she is annoying" —, ``CAUSING``); a body part and its sign up to a few
words on ("my heart was fast", "stomach turn all day"), with dropped g's read as written out ("shakin'",
:func:`plain`); a feeling one was meant or expected to have is owed; a feeling after with/of/for/from is held by
the clause's subject ("my mamma cried of joy"); anyone's temper is held by whoever loses it ("the missus went off
her nut"); regret ("I should have …", "kicking myself"), rumination ("I keep going over it") and "I don't know what
I'll do" read as what they say; the writer wondering is curiosity (the head reads "wonder" as surprise); "fingers
crossed" is hope, not "cross"; a death in the writer's life is grief; "she said yes" is good news; laughter in
other voices ("creased up", "cacking meself"); the upside-down face marks irony; family words of other voices
(missus, tita, kuya) are people.

Added in 1.6.0 (e9: the rules made independent of one head's threshold scale, for the blend with the emotions top
layer, whose thresholds differ from the head's): where no label reaches its threshold the layer reads the label
nearest its own threshold (:func:`nearest`, ``p / threshold``) rather than the most likely one, and a writer's sign
outranks that pick; someone else's feeling named in so many words needs half its threshold from the head, not the
whole (``NAMED_SUPPORT``); a verb said again for emphasis keeps its first mention's holder ("Dad cried at the
wedding, actually cried").

Added in 1.7.0 (e10: frozen6/7/8's misses on new voices, by mechanism): sarcasm from short praise after a sarcastic
sentence ("… again. Great night.", "My favourite."), from praise openers of other Englishes ("Wicked great,",
"Champion,"), "love that/how", thanks to someone named, and mishaps of more kinds (another chore, sent back, an early
hour on a day off, a word in scare quotes); a noun that is furious or terrified is someone, listed or not ("the
registrar was furious"), and one before a person is theirs ("an angry customer"); an opening -ly adverb is no
name, and a feeling word opening a verbless line counts even where the tagger calls it an adverb; a bodily sign on
someone else's body is theirs; words in quotation marks are someone's words; a participle clause after a comma keeps the last feeling's holder ("raging at
me, spitting feathers"); close family hurt by what the writer did reads as the writer's remorse; a feeling admitted
softly ("Maybe I'm a bit jealous", "Might be a bit homesick?") is said, unless the sentence doubts it or it is past,
future or conditional; a label barely over its threshold gives way to the writer's sign; gladness that harm did not
come is relief; "not lonely exactly" softens rather than denies; a wider map (raging, irksome, made up, done with,
stopped trusting, gone from the writer's days, checking over and over, not bad news, clammy palms, cheeks burned).

Added in 1.8.0 (e11: frozen9's misses by mechanism, and feelings carried by a situation with no feeling word):
sarcasm from praise after an interjection ("Ag, lovely, …", "Och brilliant, …"), intensified "nice" ("Very nice of
the council, …"), rain as a mishap after praise of the weather, and praise before an ironic tag said alone as the
next sentence ("Love it when … . Living the dream."); the heart or chest as a drum or hammer and a burning face with
a degree word ("my face very hot") are bodily signs; "less than I hoped" is disappointment; anger acted out ("slammed
the door", "punched the wall", "stormed out") and restlessness ("couldn't sit still", "paced the hallway") are signs
of whoever does them, which never outrank the head's reading; checking a lock or the oven over and over is
nervousness; being left out ("wasn't even invited", "went … without me") and a home gone quiet without someone
("so empty without the boys", "too quiet since Dad moved out") are sadness; South African family words are people.
Measured and not built: showing the blend's own label where the layer abstains on a sentence with no feeling word
(docs/models.md, "Journal layer 1.8.0 (e11)").

Added in 1.9.0 (e12: frozen10's misses, the mechanisms that recur in sets written by other people): negators of
other Englishes ("I'm nae angry", "mi nuh sad"); a lower-case feeling word the tagger took for a name is read; a verb
joined by "and" with no subject of its own keeps the holder of the feeling before it ("the singer was gutted and
cried"); indifference said outright ("not even bothered", "not fussed", "couldn't care less") says there is no
feeling, as "I feel okay" does; one's own thing thrown across or at a place is anger acted out; a heart jumping or
banging in the chest is a sign; a feeling noun naming a kind of the noun after it ("the relief driver", "my love
life") is no feeling; "sorry to see X go", "sorry to leave" is sadness at a parting; a feeling's bare stem after "I
am" ("I am vex", "we were so shock") is the feeling; missing home or "the old flat" is sadness; "Nothin says X like
Y" with its g dropped is sarcasm; an opening softener ("Kinda …") is no one's name.

Added in 1.10.0 (e13: frozen11's misses, the mechanisms that recur in sets written by other people): "ain" without
its apostrophe negates ("I ain sad"); a face becoming red or hot ("my face become red and hot") and eyes wet or
misting up are signs, but a flush beside the writer's own smile is pleasure; any thing not made to be thrown (a
hammer, a mug; not a ball, a rope, a blanket) thrown across or against a place is anger acted out; checking anything
three or more times before what is to come is nervousness; a close one's letter, card or picture read again and again
or kept on the body, and a call made just to hear their voice, are love shown (signs: read only where the head reads
nothing); a feeling whose small amount is said ("a bit worried", "kinda proud") stays said when the only doubt after
it is about its size ("…, I don't know", "not sure yet"), while "Perhaps I'm angry, I can't tell" stays hedged; love
of a doing before an ironic tag alone ("Love getting up at five in the sleet. Living the dream.") and an intensifier
before "love it when" are sarcasm; an in-law ("my mother-in-law", "the in-laws") is the person who holds the feeling;
a step of recovery done without its aid ("walked to the shop without the frame") is joy shown; the writer's own good
news played down ("Got the job. Not too shabby.") is joy, not approval; getting into a school or a team is good news.

Added in 1.16.0 (review r39): the feeling of a relative clause is held by its antecedent ("a man who was terrified
of the dark", "a girl who is grieving": :func:`_antecedent`); a feeling read from a bodily sign ("heart racing")
ranks as a said one but is not marked as said (``Reading.signs``): the writer named the sign, not the feeling.

Added in 1.17.0 (h71, review r60): a feeling verb's holder is its grammatical subject, listed as a person or not
("the whole class was laughing": :func:`_verb_subject`); what a wished act of someone else's would carry is not the
writer's ("I wanted him to say sorry": ``Cues.wished``); a laugh that dismisses ("laughed it off / away") is no
amusement; tears over the writer's good news or named as joy's ("happy tears", "cried with relief") are not sadness.

Added in 1.18.0 (h115, review r99): a sentence that only states an intention to raise or arrange something ("I want
to ask my doctor about the side effects", "I plan to email my manager tomorrow", "I want to bring this to my next
session") gives no feeling the head alone reads (``Cues.intention``): with no feeling word, understatement or bodily
sign of the writer's, its model-only labels go, as a fragment's do; a feeling named beside the plan stays ("I want to
ask her out and I'm terrified"). A first-person claim of delight ("I just love cold showers.", "I'm so thrilled.")
right after a sarcastic sentence ("Oh great, the boiler broke again.") is sarcasm too (:func:`_delight_after`), and a
thing that will not start or work is a mishap. Since 1.18.1 (h121, review r102) only when that sentence tells a mishap:
"Oh great, my sister had her baby! I just love being an aunt." is joy.

Added in 1.19.0 (h130, issue 13): a bodily sign of nervousness in the sentence right after one that only states the
writer's plan ("I'm going to tell him tomorrow. My hands are shaking.") is that plan's nervousness: the plan rule never
swallowed it, but a sign's feeling carried the head's probability for its sentence (0.01 for "My hands are shaking."),
under the entry panel's floor; after a plan it is read at least at the label's threshold (``Reading.ahead``). A sign
with a cause of the body's own beside it ("shaking from the cold", "legs shaking after the run", "from the caffeine")
is no sign (:data:`_BODY_CAUSE`). Deadpan praise alone before a mishap ("Fantastic. The landlord raised the rent
again. Really thrilled.") makes the delight claimed after the mishap sarcasm, as "Fantastic, the landlord raised …"
already did.

Added in 1.20.0 (h182, review r132): a feeling the writer names joined to another they name ("I woke up furious and
also somehow relieved", "angry but relieved", "Relieved and furious") is marked ``together`` (:func:`named_together`):
the head reads the sentence as a whole and the second feeling takes the first one's share (anger 0.025 beside relief
0.155), so the entry panel shows it by the words, not that share (``insights.observations.feeling_shown``).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from reverie.analysis.ambivalence import SENTIMENT
from reverie.analysis.people import ROLE_OF_WORD

LEXICON: Mapping[str, tuple[str, ...]] = {
    "joy": (
        "happy",
        "glad",
        "joyful",
        "cheerful",
        "delighted",
        "content",
        "elated",
        "ecstatic",
        "overjoyed",
        "joy",
        "happiness",
        "bittersweet",
        "chuffed",
        "pleased",
        "jubilant",
        "blissful",
        "elation",
        "contentment",
        "gratified",
        "enjoy",
        # 1.5.0: synonyms and register words
        "gleeful",
        "euphoric",
        "cheery",
        "upbeat",
        "glee",
        "heartwarming",
    ),
    "pride": ("proud", "pride"),
    "love": ("love", "adore", "loving", "smitten", "cherish", "besotted", "infatuated"),
    "gratitude": ("grateful", "thankful", "gratitude", "thank", "thanks", "appreciative"),
    "excitement": (
        "excited",
        "thrilled",
        "excitement",
        "enthusiasm",
        "enthusiastic",
        "stoked",
        "psyched",
        "pumped",
        "hyped",
        "gassed",  # 1.7.0: "lowkey i was gassed" (British youth: thrilled)
        "giddy",
        "exhilarated",
        "exciting",
    ),
    "relief": ("relieved", "relief", "calm", "reassured"),
    "optimism": ("hopeful", "optimistic"),
    "admiration": ("admire", "impressed"),
    "amusement": ("amused", "hilarious"),
    "sadness": (
        "sad",
        "unhappy",
        "depressed",
        "miserable",
        "heartbroken",
        "sadness",
        "sorrowful",
        "lonely",
        "upset",
        "devastated",
        "hopeless",
        "hurt",
        "bittersweet",
        "helpless",
        "distressed",
        "distress",
        "tearful",
        "gloomy",
        "despair",
        "despairing",
        "despondent",
        "bereft",
        "homesick",
        "melancholy",
        "forlorn",
        "dejected",
        "anguish",
        "sorrow",
        # 1.5.0
        "glum",
        "morose",
        "wretched",
        "downcast",
        "downhearted",
        "disconsolate",
        "inconsolable",
        "weepy",
        "teary",
        "lonesome",
        "depressing",
        "heartbreaking",
        "hurtful",
        "saddening",
        "distressing",
    ),
    "grief": ("grief", "grieve", "mourn", "bereaved", "grieving"),
    "disappointment": (
        "disappointed",
        "disappointment",
        "gutted",
        "deflated",
        "disheartened",
        "crestfallen",
        "dismayed",
        "dismay",
        "bummed",
        "underwhelmed",
        "disillusioned",
        "disappointing",
    ),
    "anger": (
        "angry",
        "furious",
        "mad",
        "anger",
        "rage",
        "raging",  # 1.7.0: the tagger's lemma is "rag"
        "livid",
        "enraged",
        "outraged",
        "hate",
        "irate",
        "seething",
        "resentful",
        "resentment",
        "resent",
        "bitter",
        "incensed",
        "indignant",
        "indignation",
        "infuriated",
        "riled",
        "apoplectic",
        "infuriating",
        "maddening",
    ),
    "annoyance": (
        "annoyed",
        "irritated",
        "frustrated",
        "annoyance",
        "frustration",
        "upset",
        "exasperated",
        "irked",
        "irksome",  # 1.7.0
        "irk",
        "vexing",
        "galling",
        "tiresome",
        "peeved",
        "miffed",
        "grumpy",
        "cranky",
        "irritable",
        "vexed",
        "cross",
        "aggravated",
        "narked",
        "impatient",
        "annoying",
        "frustrating",
        "irritating",
    ),
    "disgust": (
        "disgusted",
        "disgust",
        "repulsed",
        "revolted",
        "sickened",
        "appalled",
        "nauseated",
        "disgusting",
    ),
    "fear": (
        "afraid",
        "scared",
        "frightened",
        "terrified",
        "fear",
        "fearful",
        "petrified",
        "panicked",
        "spooked",
        "horrified",
        "alarmed",
        "freaked",
        "unnerved",
        "terrifying",
        "scary",
        "frightening",
        "alarming",
    ),
    "nervousness": (
        "nervous",
        "anxious",
        "worried",
        "anxiety",
        "uneasy",
        "tense",
        "stressed",
        "overwhelmed",
        "worry",
        "apprehensive",
        "apprehension",
        "shaken",
        "jittery",
        "jumpy",
        "panicky",
        "edgy",
        "fretful",
        "restless",
        "trepidation",
        "disquiet",
        # 1.5.0
        "rattled",
        "unsettled",
        "flustered",
        "frazzled",
        "nervy",
        "antsy",
        "wary",
        "fraught",
        "frantic",
        "twitchy",
        "insecure",
        "stressful",
        "overwhelming",
        "unnerving",
        "unsettling",
    ),
    "embarrassment": (
        "embarrassed",
        "ashamed",
        "humiliated",
        "embarrassment",
        "shame",
        "mortified",
        "sheepish",
        "self-conscious",
        "abashed",
        "shamefaced",
        "embarrassing",
        "humiliating",
        "mortifying",
    ),
    "remorse": ("guilty", "remorseful", "remorse", "guilt", "sorry", "regretful", "contrite", "repentant"),
    "surprise": (
        "surprised",
        "shocked",
        "astonished",
        "amazed",
        "stunned",
        "gobsmacked",
        "flabbergasted",
        "startled",
        "speechless",
        "dumbfounded",
        "astounded",
    ),
    "confusion": (
        "confused",
        "puzzled",
        "bewildered",
        "baffled",
        "perplexed",
        "muddled",
        "befuddled",
        "mystified",
    ),
}
# Verbs whose object feels the emotion ("it scared me", "they humiliated me"), by lemma.
VERB_LEXICON: Mapping[str, tuple[str, ...]] = {
    "scare": ("fear",),
    "frighten": ("fear",),
    "terrify": ("fear",),
    "annoy": ("annoyance",),
    "irritate": ("annoyance",),
    "frustrate": ("annoyance",),
    "infuriate": ("anger",),
    "anger": ("anger",),
    "embarrass": ("embarrassment",),
    "humiliate": ("embarrassment",),
    "disgust": ("disgust",),
    "disappoint": ("disappointment",),
    "sadden": ("sadness",),
    "upset": ("sadness", "annoyance"),
    "worry": ("nervousness",),
    "surprise": ("surprise",),
    "shock": ("surprise",),
    "amaze": ("surprise",),
    "confuse": ("confusion",),
    "delight": ("joy",),
    "thrill": ("excitement",),
    "excite": ("excitement",),
    "impress": ("admiration",),
    "amuse": ("amusement",),
    "relieve": ("relief",),
}


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return (lemma + "d", lemma + "s", lemma[:-1] + "ing")
    if lemma.endswith("y"):
        return (lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + "ing")
    return (lemma + "ed", lemma + "s", lemma + "es", lemma + "ing")


VERB_FORMS = frozenset(
    form for lemma in VERB_LEXICON for form in _forms(lemma)
)  # the tagger's lemma may slip
# Words that name a feeling only after a feel-verb ("feeling low", "I feel empty"; not "a low wall").
FEEL_LEXICON: Mapping[str, str] = {
    "low": "sadness",
    "down": "sadness",
    "empty": "sadness",
    "blue": "sadness",
    "hollow": "sadness",
    "flat": "sadness",
    "numb": "neutral",  # "I feel numb", "I feel nothing": said, and no emotion to credit
    "nothing": "neutral",
    "okay": "neutral",  # "I feel okay", "feeling fine": the writer says nothing is wrong
    "ok": "neutral",
    "fine": "neutral",
    "alright": "neutral",
    "meh": "neutral",
    # 1.5.0: "I feel awful", "feeling great", "felt weird", "I feel safe now"
    "awful": "sadness",
    "terrible": "sadness",
    "horrible": "sadness",
    "dreadful": "sadness",
    "rotten": "sadness",
    "rubbish": "sadness",
    "crap": "sadness",
    "lousy": "sadness",
    "bad": "sadness",
    "alone": "sadness",
    "worthless": "sadness",
    "useless": "sadness",
    "invisible": "sadness",
    "lost": "sadness",
    "good": "joy",
    "great": "joy",
    "amazing": "joy",
    "fantastic": "joy",
    "wonderful": "joy",
    "brilliant": "joy",
    "safe": "relief",
    "better": "relief",
    "weird": "confusion",
    "strange": "confusion",
    "odd": "confusion",
    # 1.12.0: being loved or valued, felt ("I felt so loved", "feeling really appreciated"); its lack ("I feel
    # unloved") is sadness
    "loved": "love",
    "appreciated": "gratitude",
    "valued": "gratitude",
    "unloved": "sadness",
    "unwanted": "sadness",
}
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "joy",
            "excitement",
            "amusement",
            "optimism",
            "pride",
            "relief",
            "gratitude",
            "love",
            "admiration",
            "approval",
        }
    ),
    frozenset({"anger", "annoyance", "disapproval", "disgust"}),
    frozenset({"sadness", "grief", "disappointment"}),
    frozenset({"fear", "nervousness"}),
    frozenset({"embarrassment", "remorse"}),
    frozenset({"surprise"}),
    frozenset({"confusion"}),
)
# 1.5.0: adjectives that name the feeling a thing causes ("it was so frustrating", "the wait was scary"): the
# writer feels it, whoever the sentence's subject is ("she is annoying" is the writer's annoyance), unless
# someone finds or thinks it so ("the kids found it scary": theirs).
CAUSING = frozenset(
    {"depressing", "heartbreaking", "disappointing", "infuriating", "annoying", "frustrating", "irritating"}
    | {"disgusting", "terrifying", "scary", "frightening", "embarrassing", "humiliating"}
    | {
        "mortifying",
        "exciting",
        "hurtful",
        "saddening",
        "distressing",
        "alarming",
        "stressful",
        "overwhelming",
    }
    | {"unnerving", "unsettling", "maddening", "heartwarming"}
    | {"irksome", "vexing", "galling", "tiresome", "wearisome"}  # 1.7.0
)
LABELS_OF: Mapping[str, tuple[str, ...]] = {
    word: tuple(label for label, words in LEXICON.items() if word in words)
    for words in LEXICON.values()
    for word in words
}
POSITIVE = SENTIMENT["positive"]
NEGATIVE = SENTIMENT["negative"]
NEUTRAL = "neutral"
# 1.17.0 (r60): what someone else's wished act or feeling carries ("say sorry", "be proud of me", "thank me"): the
# head reads these from the wish's words, but they would be the other person's; the writer's own wanting, care and
# letdown (desire, caring, disappointment, annoyance, sadness) stay readable
WISHED_OF_ANOTHER = frozenset(
    {
        "remorse",
        "gratitude",
        "love",
        "admiration",
        "approval",
        "pride",
        "joy",
        "amusement",
        "relief",
        "excitement",
    }
)
TEARS = frozenset({"sadness", "grief"})
SURE_NEUTRAL = (
    0.8  # the head's neutral probability above which an unanchored leftover needs twice its threshold
)
FAINT = 1.25  # 1.7.0: a label under this many times its threshold, unanchored, gives way to a writer's sign
NAMED_SUPPORT = 0.5  # 1.6.0: the share of its threshold someone else's named feeling needs from the head
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves", "mine"})
NEGATORS = frozenset(
    {"not", "n't", "never", "no", "hardly", "barely", "nt", "neither", "nor", "without"}
    | {"nae", "nuh"}  # 1.9.0: Scots "nae" ("I'm nae angry"), Caribbean "nuh" ("mi nuh sad")
    | {"ain", "aint"}  # 1.10.0: "ain" / "aint" without the apostrophe (Gullah, AAVE, Southern: "I ain sad")
)
NEGATING_HOLDERS = frozenset({"nobody", "noone", "none", "nothing"})
MODALS = frozenset({"would", "will", "might", "could", "shall", "may", "wo"})
EXPECTING = frozenset({"should", "ought", "suppose"})  # "I'm supposed to be happy": owed, not felt
WISHING = frozenset({"love", "like", "adore"})
APPEARANCE = frozenset({"seem", "look", "appear", "sound"})
SAYING = frozenset({"say", "tell", "write", "text"})
LINKING = frozenset(
    {
        "be",
        "feel",
        "seem",
        "look",
        "get",
        "become",
        "sound",
        "appear",
        "grow",
        "go",
        "stay",
        "remain",
        "keep",
        "do",
        "have",
        "make",
        "can",
        "must",
    }
    | MODALS
    | EXPECTING
    | SAYING
)
SKIP_POS = frozenset({"AUX", "PART", "ADV", "DET", "INTJ"})
NOMINAL_POS = frozenset({"PRON", "PROPN", "NOUN"})
OTHER_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "you",
        "everyone",
        "everybody",
        "nobody",
        "someone",
        "somebody",
        "people",
    }
)
# 1.4.0: people named by what they do or are, beside the role words of `people.py` ("the skipper was livid").
PERSON_NOUNS = frozenset(
    {"farmer", "skipper", "captain", "inspector", "officer", "driver", "pilot", "vicar", "postman", "postie"}
    | {
        "cashier",
        "waiter",
        "waitress",
        "receptionist",
        "cleaner",
        "builder",
        "plumber",
        "electrician",
        "mechanic",
    }
    | {
        "lawyer",
        "solicitor",
        "judge",
        "paramedic",
        "surgeon",
        "vet",
        "dentist",
        "pharmacist",
        "chef",
        "clerk",
    }
    | {"guard", "soldier", "policeman", "policewoman", "cop", "customer", "client", "patient", "passenger"}
    | {"girl", "boy", "person", "lad", "lass", "bloke", "fella", "chap", "gentleman", "student", "pupil"}
    | {"player", "referee", "host", "guest", "visitor", "caller", "crowd", "audience", "team", "staff", "fan"}
    | {
        "owner",
        "tenant",
        "midwife",
        "carer",
        "consultant",
        "specialist",
        "engineer",
        "salesman",
        "bride",
        "groom",
    }
    # 1.5.0: family words of other voices beside `people.py`'s ("the missus", "my Tita", "our kuya")
    | {
        "missus",
        "missis",
        "ma",
        "pa",
        "aunty",
        "tita",
        "tito",
        "kuya",
        "ate",
        "nanay",
        "tatay",
        "mamma",
        "papa",
    }
    # 1.8.0: South African family words ("my boet", "Ouma", "Tannie Sue")
    | {"boet", "ouma", "oupa", "tannie", "oom", "sussie"}
)
TIME_WORDS = frozenset(
    {"today", "tonight", "yesterday", "tomorrow", "now", "again", "lately", "morning", "evening", "afternoon"}
)
QUESTION_OPENERS = frozenset(
    {"am", "was", "were", "is", "are", "do", "did", "does", "have", "has", "had", "could", "would", "can"}
    | {"should", "will", "shall", "may", "might", "must"}
)
ENDS = frozenset({".", "!", "?", "...", "!!", "?!", "!?"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "but", "though", "although", "yet"})

_HEDGE = re.compile(
    r"\b(?:maybe|perhaps|possibly|not (?:sure|certain)|unsure|(?:do|did)(?:n't| not) know (?:if|whether)"
    r"|no idea (?:if|whether)|can(?:'t|not) tell|wonder(?:ing)? (?:if|whether)|i doubt|not that|(?:do|did)(?:n't| not) think)\b",
    re.IGNORECASE,
)
# Whom a feeling "for" is about: the people words of `people.py` and of this module, and animals
_CARED_FOR = "|".join(
    sorted(
        {w for w in ROLE_OF_WORD if w.isalpha()}
        | PERSON_NOUNS
        | {"man", "men", "woman", "women", "guy", "guys", "lady", "ladies", "people", "family", "families"}
        | {"girls", "boys", "players", "patients", "students", "kids", "children", "neighbours", "neighbors"}
        | {
            "dog",
            "dogs",
            "cat",
            "cats",
            "animal",
            "animals",
            "puppy",
            "kitten",
            "horse",
            "bird",
            "creature",
            "soul",
        },
        key=lambda w: (-len(w), w),
    )
)
# Figures of speech for a feeling, read like an emotion word (holder, negation and mood from where they start).
_IDIOMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), label)
    for pattern, label in (
        (r"\b(?:over the moon|on cloud nine|on top of the world|walking on air|on a high)\b", "joy"),
        (
            r"\b(?:fed up|sick (?:and tired )?of|tired of|had enough|at my wits'? end|end of my tether)\b",
            "annoyance",
        ),
        (r"\bso done (?:with|w/?)\s", "annoyance"),
        # 1.9.0: indifference said outright ("Not even bothered about the result", "I'm not fussed", "couldn't care
        # less"): the writer says there is no feeling here, as "I feel okay" does; not "can't be bothered to cook"
        (
            r"(?:\bnot|n't|\bnever) (?:even |that |too |really |at all |particularly |overly |remotely )?(?:bothered|fussed)"
            r"\b|\bcould(?:n'?t| not) care less\b",
            "neutral",
        ),
        # 1.7.0: feeling for someone ("I mostly felt for the patient", "I feel so sorry for her"); someone, not
        # something: "felt for my keys", "felt for the light switch" is a hand in the dark (_CARED_FOR)
        (
            r"\b(?:felt|feel|feeling|feels) (?:so |really |very |truly |mostly |just )?(?:sorry )?for (?:him|her|them|you"
            r"|everyone|anyone|(?:the|my|that|those|our|his|her|their) (?:poor |little |old )?(?:"
            + _CARED_FOR
            + r"))\b",
            "caring",
        ),
        # 1.7.0: "not angry, just done with him", "I'm just over it": patience at an end
        (
            r"\b(?:just|so|totally|completely|proper|well|fully) (?:done|finished) with (?:him|her|them|it|this|that|you"
            r"|people|the lot|the \w+)\b|\b(?:just|so|totally|completely) over it\b",
            "annoyance",
        ),
        (
            r"\b(?:i )?could (?:have )?(?:scream|screamed)\b|\b(?:so|totally|completely|really) unfair\b",
            "annoyance",
        ),
        (
            r"\bin (?:a|such a) (?:proper |right |real |bit of a )?(?:state|flap|tizzy|panic)\b|\bworked up\b"
            r"|\bcan(?:'?t|not) stop (?:thinking|worrying) about\b|\bgoing round (?:and round|in my head)\b"
            r"|\bcan(?:'?t|not) stop wondering\b|\bwondering (?:if|whether) (?:i|we)(?:'d| would| will|'ll) (?:still|ever)\b",
            "nervousness",
        ),
        (
            r"\b(?:left|leaves|leaving) (?:a (?:bit of a |big |huge |real )?(?:hole|gap)|an emptiness)\b",
            "sadness",
        ),
        (
            r"\b(?:felt|feel|feeling) sick to (?:my|the pit of my) stomach\b|\b(?:assume|fear|expect) the worst\b",
            "nervousness",
        ),
        # 1.4.0: unsettled, not at home, not knowing how to cope
        (
            r"\b(?:thrown|threw|knocked) me (?:a (?:little|bit)|sideways|for six|off balance)\b|\bshook me up\b"
            r"|\bshaken me\b|\b(?:do|does|did)(?:n'?t| not) know how (?:i'?ll|i will|i'd|i would|i'm going to|to) cope\b"
            # 1.5.0: "I don't know what I'll do", rumination ("I keep going over it", "kept replaying")
            r"|\b(?:do|does|did)(?:n'?t| not) know what (?:i'?ll|i will|i'd|i would|i'm going to|to) do\b"
            r"|\b(?:keep|keeps|kept|keeping) (?:going over|replaying|playing (?:it )?back|running over|rehashing)\b"
            # checking again and again ("can't stop checking the weather", "checked my phone forty times")
            r"|\b(?:can'?t|cannot|couldn'?t|could not) stop (?:checking|refreshing)\b"
            r"|\bcheck(?:ed|ing)? (?:my|the) (?:phone|emails?|inbox|messages|app|tracking) (?:\w+ ){0,2}(?:times|again)\b"
            # 1.7.0: checking anything over and over ("checked the website forty times", "kept checking the drive")
            r"|\bcheck(?:ed|ing)? (?:[\w']+ ){1,3}(?:\d+|ten|twenty|thirty|forty|fifty|sixty|a hundred|a dozen|dozens of"
            r"|hundreds of|a million|a thousand) times\b|\b(?:keep|kept|keeps|keeping) (?:on )?checking\b",
            "nervousness",
        ),
        # 1.8.0: checking a lock, the oven, the gas again and again ("checked the back door three times")
        (
            r"\b(?:(?:double|triple|re)-?)?check(?:ed|ing|s)? (?:that )?(?:the|my) (?:front |back )?(?:locks?|doors?"
            r"|oven|hob|stove|gas|iron|taps?|windows?|plugs?|alarm)\b (?:[\w']+ ){0,3}?(?:again and again|over and over"
            r"|(?:three|four|five|six|seven|eight|nine|\d+) times)\b"
            # 1.10.0: checking anything three or more times before what is to come ("checked the seating plan
            # four times before the guests arrived", "re-checked my notes five times till they called me"):
            # the repeat is for what is ahead; "checked the post three times this week" is not
            r"|\b(?:(?:double|triple|re)-?)?check(?:ed|ing|s)? (?:[\w'-]+ ){1,6}?(?:three|four|five|six|seven|eight|nine"
            r"|ten|a dozen|\d+) times (?:over )?(?:before|till|until|in case|just in case|ahead of)\b",
            "nervousness",
        ),
        # 1.5.0: anyone's temper, held by whoever loses it ("the missus went off her nut", "Dad hit the roof")
        (
            r"\b(?:los(?:t|e|es|ing) (?:his|her|their|my|your|our) (?:temper|rag|cool|head)"
            r"|went off (?:his|her|their|my|your|on) (?:nut|head|rocker|trolley|one)"
            r"|went (?:ballistic|spare|berserk)|hit the roof|flew off the handle"
            r"|blew (?:a|his|her|their|my|your) (?:fuse|gasket|top|stack)"
            # 1.7.0: more tempers of other Englishes ("spitting feathers", "doing her nut", "went mental")
            r"|spitting (?:feathers|nails|blood)|doing (?:his|her|their|my|your) (?:nut|head) in|went mental)\b",
            "anger",
        ),
        # 1.5.0: regret for what one did ("I should have escalated sooner", "kicking myself")
        (
            r"\bi (?:really |honestly |definitely )?(?:should|shouldn'?t|should not)(?:'ve| have) (?!been\b|felt\b|had\b)"
            # a past participle next ("should have said", "known", "left"), not "should have the results"
            r"(?=(?:\w+ )?\w+(?:ed|en|wn|ne|nt|ld|id|ght|ept|eft|ost|ade|ook|ew|ame|ung|ut|et)\b)"
            r"|\b(?:kick(?:ing|ed)?|beat(?:ing)?) myself(?: up)?\b",
            "remorse",
        ),
        (
            r"\b(?:never|n'?t|not) (?:\w+ )?(?:felt|feel|feeling) at home\b|\bfeel(?:ing)? out of place\b"
            # 1.5.0: not belonging ("I just don't feel like I belong here", "I never fit in")
            r"|\b(?:don'?t|do not|didn'?t|did not|never) (?:really |quite )?"
            r"(?:(?:feel|felt|think|thought) (?:like |as if |that )?(?:i |we )?)?(?:belong|belonged|fit in|fitted in)\b",
            "sadness",
        ),
        # 1.4.0: feeling a fraud, owing someone everything, regret for one's words, distrust
        (
            r"\b(?:feel|felt|feeling|feels) like (?:a|an|such a|a total|a complete) (?:fraud|impostor|imposter|idiot|fool)\b",
            "embarrassment",
        ),
        (
            r"\bi (?:owe|owed) (?:her|him|them|you|that \w+) (?:everything|so much|a lot|my life|the world)\b",
            "gratitude",
        ),
        (
            r"\b(?:feel|felt|feeling) (?:so |really |very |pretty )?(?:bad|awful|terrible|dreadful|rotten|horrible|sick)"
            r" (?:about|for) (?:what|how|the way) (?:i|we)\b",
            "remorse",
        ),
        (
            r"\b(?:don'?t|doesn'?t|didn'?t|can'?t|cannot|couldn'?t|(?:do|does|did|could) not) (?:really |fully )?trust\b"
            r"|\bno longer trust\b"
            # 1.7.0: trust ended ("I'm just finished trusting him", "stopped trusting her")
            r"|\b(?:finished|done|stopped|given up|gave up|quit) trusting\b",
            "disappointment",
        ),
        (r"\b(?:tickled pink|pleased as punch|made up (?:for|with)\b)", "joy"),
        # 1.7.0: "I'm made up" (Northern English: delighted); not "made up a story", "I made up my mind"
        (
            r"\b(?:i'?m|i am|aa'?m|am|was|i was|proper|dead|well|so) made up\b(?! (?:a|an|the|my|his|her|some|stor))",
            "joy",
        ),
        (r"\b(?:gets? me down|got me down|getting me down|out of sorts|in the doldrums)\b", "sadness"),
        (r"\b(?:beside myself|my nerves (?:are|were) (?:bad|shot|in tatters)|worried sick)\b", "nervousness"),
        (r"\b(?:up in arms|hot under the collar)\b", "annoyance"),
        (r"\bwell,? i never\b|\bcould(?:n'?t| not) believe (?:my eyes|my ears|it)\b", "surprise"),
        (
            r"\b(?:run(?:ning)?|ran) out of patience\b|\b(?:los(?:e|ing|t)) (?:my |all )?patience\b"
            r"|\bpatience (?:is|was|wearing|wore|worn) (?:wearing |worn )?thin\b",
            "annoyance",
        ),
        (r"\b(?:fine|ok|okay|alright|all right) with (?:it|that|this|them|him|her)\b", "approval"),
        (r"\b(?:fuming|seeing red|blew up at)\b", "anger"),
        (
            r"\b(?:down in the dumps|heavy heart|broken[- ]hearted|in pieces|in tears|burst into tears)\b",
            "sadness",
        ),
        (r"\b(?:heart sank|let down|(?:a bit of a|quite a|such a|a real|a big) blow)\b", "disappointment"),
        (r"\bwhat'?s the point\b", "sadness"),
        (
            r"\b(?:on edge|a nervous wreck|butterflies in my stomach|on tenterhooks|freaking out|stressed out)\b",
            "nervousness",
        ),
        (r"\b(?:dread|dreading|dreaded)\b", "nervousness"),
        (
            r"\b(?:weight off my (?:shoulders|mind)|weight (?:has )?lifted|weight (?:came|fell) off|thank god|thank goodness)\b",
            "relief",
        ),
        (r"\b(?:looking up|light at the end of the tunnel)\b", "optimism"),
        # 1.5.0: hoping ("fingers crossed the scan is clear", "touch wood")
        (
            r"\b(?:fingers (?:are |were |firmly )?crossed|crossing my fingers|touch wood|knock on wood)\b",
            "optimism",
        ),
    )
)
# 1.5.0: people whose death the writer would name ("since Grandad passed", "Mum gone a year now")
_KIN = (
    r"(?:mum|mom|mam|mama|mamma|ma|dad|da|papa|pa|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|grandmother"
    r"|grandfather|husband|wife|partner|brother|sister|son|daughter|baby|uncle|aunt|auntie|aunty|cousin|friend"
    r"|best friend|father|mother|lola|lolo)"
)
# Figures of speech whose object is the writer ("he drives me mad"): felt by the writer, whoever the subject.
_OBJECT_IDIOMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bdriv\w* me (?:mad|crazy|nuts|insane|up the wall|round the bend)\b", re.I), "annoyance"),
    (re.compile(r"\bget(?:s|ting)? on my nerves\b|\bgot on my nerves\b", re.I), "annoyance"),
    (re.compile(r"\bbreaks? my heart\b|\bbroke my heart\b", re.I), "sadness"),
    (re.compile(r"\b(?:made|makes?|making) my (?:day|week|month|year|night|morning)\b", re.I), "joy"),
    # loneliness: "nobody rings me anymore", "no one ever visits me"
    (
        re.compile(
            r"\b(?:nobody|no one|no-one|noone) (?:ever |really )?(?:rings|calls|visits|phones|texts|writes to"
            r"|talks to|asks after|checks on|comes to see"
            # 1.7.0: "nobody said a word to me all shift", "no one spoke to me"
            r"|said (?:a (?:single )?word|hello|hi|goodnight) to|spoke to|speaks to|talked to|noticed) me\b",
            re.I,
        ),
        "sadness",
    ),
    (re.compile(r"\bif only i(?:'d| had)\b|\bi wish i(?:'d| had)\b", re.I), "remorse"),
    # 1.5.0: what gets to the writer, what meant the world to them, being laughed at, tears near the surface
    (
        re.compile(
            r"\b(?:it'?s|that'?s|is|was|really|starting|beginning|finally) (?:\w+ )?(?:getting|got|gets) to me\b",
            re.I,
        ),
        "nervousness",
    ),
    (
        re.compile(
            r"\b(?:meant|means|mean) (?:the world|so much|a lot|everything)(?: to me)?\b",
            re.I,
        ),
        "gratitude",
    ),
    (
        re.compile(
            r"\b(?:laughed|laughing|sniggered|sniggering|smirked|jeered) at (?:me|my)\b"
            r"(?! (?:jokes?|stor(?:y|ies)|impressions?|puns?|sketch|routine|speech)\b)",  # not a joke that landed
            re.I,
        ),
        "embarrassment",
    ),
    (
        re.compile(
            r"\bcould (?:have |just )?(?:wept|weep|cry|cried|sit down and cry)\b"
            r"(?! (?:with|for|of) (?:joy|happiness|relief|pride))",
            re.I,
        ),
        "sadness",
    ),
    # 1.5.0: a death in the writer's family or circle ("since Mum passed", "Granny gone six months now")
    (
        re.compile(
            rf"\b(?:since|after|when) (?:my |our )?{_KIN} (?:died|passed(?: away| on)?)\b|\bpassed (?:away|on)\b"
            rf"|\b{_KIN}(?:'s| has| have)? (?:been )?gone (?:\w+ )?(?:months?|years?|weeks?) (?:now|ago|today)\b"
            rf"|\blost (?:my|our) {_KIN}\b"
            r"|\b(?:first|second|\w+) (?:christmas|birthday|anniversary) without (?:her|him|them|my|our)\b",
            re.I,
        ),
        "grief",
    ),
    # 1.7.0: someone gone from the writer's days ("then I remember she is not here anymore", "he's no longer
    # around"): a loss, whether by death or leaving
    (
        re.compile(
            r"\b(?:she|he|they)(?:'s| is|'re| are) no longer (?:here|around|with (?:me|us))\b"
            r"|\b(?:she|he|they)(?:'s not| is not| isn't|'re not| are not| aren't) (?:here|around|with (?:me|us))"
            r" any ?more\b",
            re.I,
        ),
        "sadness",
    ),
    # 1.8.0: the writer left out ("I wasn't even invited", "they went for drinks without me", "always left out")
    (
        re.compile(
            r"\b(?:(?:was|were|am|is|got|been|get)(?:n'?t| not)|never (?:got |was |been |get )?|not) (?:even |once )?"
            r"(?:invited|asked along|included)\b"
            r"|\b(?:was|were|am|'m|is|got|get|gets|getting|been|being|feel|felt|feeling|always|keep being) (?:\w+ )?left out\b"
            r"|\b(?:went|go|goes|going|gone|met up|headed (?:off|out)|carried on|started) (?:[\w']+ ){0,4}without me\b"
            r"|\b(?:nobody|no one|no-one|noone) (?:\w+ )?(?:invited|included|picked|saved (?:me )?a (?:seat|place) for) me\b",
            re.I,
        ),
        "sadness",
    ),
    # 1.8.0: a home gone quiet or empty without someone ("The flat is so empty without the boys", "too quiet since
    # she moved out", "the bed feels too big now he's gone")
    (
        re.compile(
            r"\b(?:quiet|empty|silent|too big)\b(?: [\w']+){0,3}? (?:without (?:him|her|them|my \w+|our \w+"
            r"|the (?:kids|children|boys|girls|dog|cat|baby|twins))"
            r"|(?:since|after|now(?: that)?) (?:he|she|they|my \w+|our \w+|the (?:kids|children|boys|girls)|\w+)"
            r"(?:'s| is| has|'re| are| have|'ve)? (?:left|gone|moved(?: out| away)?|went (?:back|home|away)|died|passed))\b",
            re.I,
        ),
        "sadness",
    ),
    # someone whose example the writer looks up to: "she makes me want to be a better person"
    (re.compile(r"\bmak(?:es|e|ing) me want to be (?:a )?(?:better|kinder|braver)\b", re.I), "admiration"),
    # helplessness beside someone close: "I cannot go to her", "I can't do anything for him"
    (
        re.compile(
            r"\bi (?:can(?:'|’)?t|cannot|can not|could(?:n'?t| not)) (?:even )?(?:go to|be with|be there for|help"
            r"|do anything for|do a thing for|reach|hold|hug|visit|see) (?:her|him|them|my)\b",
            re.I,
        ),
        "sadness",
    ),
)
# Signs rather than names of a feeling: tears are read as sadness but, as relief or joy can bring them too, they
# are not a stated feeling (mood "seen": they do not outrank what the head reads).
# Good news of the writer's own ("I got the job", "she said yes"): a sign of joy, and the context that makes a
# racing heart excitement (1.5.0).
_GOOD_NEWS = re.compile(
    # 1.7.0: a diary line with its subject dropped ("Won my first race today", "Passed my test!", "Got the job.")
    r"^\W*(?:won(?!['\u2019]|t\b) (?:my|our|the|a|first)|passed (?:my|the|our)|got the (?:job|house|flat|place|part"
    r"|offer|contract|grant|acceptance)\b|got in\b|got accepted|got promoted"
    # 1.10.0: "Got into the nursing programme", "got into uni"; not "got into trouble", "got into the car"
    r"|got into (?:uni\b|university|college|(?:medical|law|art|drama|music|film|grammar|nursing) school"
    r"|(?:the|my|a) (?:[\w-]+ ){0,2}(?:program(?:me)?|course|school|academy|team|squad|band|choir|orchestra|finals?"
    r"|semis?|semi-finals?)\b))"
    r"|\b(?:we|i) (?:won(?!['\u2019]|t\b)|passed|got the (?:job|house|flat|place|part|offer|contract|grant|acceptance)|got in)\b"
    r"|\b(?:she|he|they|the answer|it|the letter|the email) said yes\b"
    r"|\bi (?:got|was|have been) (?:accepted|promoted|offered)\b",
    re.I,
)
# 1.10.0: someone close to the writer (kin, a partner, a child, a named person), and something of theirs kept
_CLOSE_ONE = (
    r"(?:(?:my|our|me|mi|muh|ma) (?:little |baby |eldest |youngest |wee |late |dear |old |big |oldest )?"
    r"(?:"
    + _KIN[3:-1]
    + r"|kids?|children|grandson|granddaughter|grandkids|grandchildren|bairns?|lad|lass|boy|girl"
    r"|wife|husband|fianc[eé]e?|girlfriend|boyfriend|gogo|nanay|tatay|ouma|oupa|missus)"
    r"|the (?:lad|lass|kids?|bairns?|wean|boy|girl|twins)|(?<!\bthe )(?<!\ba )(?-i:[A-Z][a-z]+))"
)
_KEEPSAKE = (
    r"(?:letters?|notes?|cards?|postcards?|messages?|voicemails?|voice ?notes?|texts?|emails?|drawings?|pictures?"
    r"|photos?|photographs?|videos?|scarf|jumper)"
)
_KEPT_CLOSE = re.compile(
    r"\b(?:re-?)?(?:read|reads|reading|looked at|look at|looks at|looking at|listened to|listen to|listening to"
    r"|played|replayed|watched|rewatched|kept|keep|keeps|keeping|carry|carries|carried|carrying|hold|held|holding"
    r"|tucked|stuck|taped|pinned|sleep with|slept with)"
    r" (?:again )?(?:(?:the |a )?"
    + _CLOSE_ONE
    + r"(?:'s|s')? (?:\w+ )?"
    + _KEEPSAKE
    + r"|(?:the|a|that) (?:\w+ )?"
    + _KEEPSAKE
    + r" (?:from|of|by) "
    + _CLOSE_ONE
    + r")\b"
    r"(?:[^.!?;]{0,50}?\b(?:again and again|over and over|(?:three|four|five|six|seven|eight|nine|ten|a dozen|\d+)"
    r" times|all (?:day|night|week)|every (?:night|day|morning)|before (?:sleeping|bed|sleep)"
    r"|(?:in|on|under|against|next to|beside|to|close to) (?:my|me|the) (?:\w+ )?(?:pocket|apron|wallet|purse|pillow"
    r"|chest|heart|bag|handbag|dash|dashboard|visor|mirror|fridge|locket|bedside|bra|body|cheek))\b)"
    # a call made for the voice alone ("rang my gran just to hear her voice")
    r"|\b(?:phoned|phone|phones|phoning|called|call|calls|calling|rang|ring|rings|ringing|rung|facetimed|video called)"
    r" " + _CLOSE_ONE + r"\b[^.!?;]{0,40}?\b(?:just|only) to hear (?:her|his|their) voice\b",
    re.IGNORECASE,
)
# 1.10.0: things made to be thrown, cast or laid across something: throwing one is no temper
_THROWN_BY_DESIGN = (
    r"(?:balls?|frisbees?|sticks?|bones?|toys?|darts?|javelins?|discus|dice|bouquet|ropes?|lines?|nets?|anchors?"
    r"|bait|hooks?|lassos?|confetti|seeds?|grain|feed|bread|crumbs|snowballs?|pebbles?|stones?|blankets?|sheets?"
    r"|towels?|coats?|jackets?|scarf|shawl|cloth|tarp(?:aulin)?|rugs?|throws?|covers?|switch|glance|look|punch"
    r"|party|fit|tantrum|wobbly|strop|shadow|light)\b"
)
_SIGNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"(?<!until we )(?<!until i )(?<!till we )(?<!till i )"  # "laughed until we cried"
            r"\b(?:cry|cried|cries|crying|sobbed|sobbing|wept|weeping)\b"
            r"(?! (?:laughing|with laughter|(?:with|of|for) (?:joy|relief|happiness)|shame)| ?[\U0001f602\U0001f923\U0001f480])",
            re.I,
        ),
        "sadness",
    ),
    (
        re.compile(
            r"\b(?:laugh|laughed|laughing|laughs|giggl\w*|in stitches|in hysterics|crack(?:ing|ed) up|creased up"
            r"|(?:killing|wetting|cacking|pissing) (?:myself|meself)|lmao|lmfao|rofl)\b",
            re.I,
        ),
        "amusement",
    ),
    (re.compile(r"\b(?:smil(?:e|ed|es|ing)|grinn?(?:ing|ed)|beaming)\b", re.I), "joy"),
    # 1.8.0: feelings carried by what one does, signs rather than names (held by whoever does it; like tears they
    # do not outrank what the head reads): anger acted out ("slammed the kitchen door", "punched the wall",
    # "stormed out"); restlessness ("couldn't sit still", "paced the hallway"), which may be excitement too
    (
        re.compile(
            r"\bslamm(?:ed|ing) (?:the|a|my|his|her|their) (?:[\w-]+ )?(?:door|phone|laptop|lid|drawer|cupboard|gate)\b"
            r"|\b(?:punch(?:ed|ing)?|kick(?:ed|ing)?|thump(?:ed|ing)?) (?:the|a) (?:wall|door|bin|table|desk"
            r"|steering wheel)\b|\bthrew (?:my|the|a|his|her|their) (?:[\w-]+ )?\w+ (?:across|at) the (?:room|wall"
            r"|floor|kitchen)\b|\bstorm(?:ed|ing|s)? (?:out|off)\b"
            # 1.9.0: one's own thing thrown, flung or hurled across, at or against any place ("threw my helmet
            # across the yard", "flung his phone at the wall"); not a ball thrown across the park for the dog
            r"|\b(?:threw|throw(?:s|ing)?|flung|fling(?:s|ing)?|hurl(?:ed|s|ing)?|lobb(?:ed|ing)) (?:my|his|her|their)"
            r" (?!(?:[\w-]+ )?" + _THROWN_BY_DESIGN + r")"  # 1.10.0: not "threw my coat across the chair"
            r"(?:[\w-]+ )?\w+ (?:across|at|against) (?:the|a) (?:[\w-]+ )?\w+"
            # 1.10.0: any thing thrown across or against a place ("threw the hammer across the shed", "hurled a
            # mug against the wall"), not one made to be thrown or laid across (a ball for the dog, a rope across
            # the gap, a blanket across the bed)
            r"|\b(?:threw|throw(?:s|ing)?|flung|fling(?:s|ing)?|hurl(?:ed|s|ing)?) (?:the|a|an|that|this)"
            r" (?!(?:[\w-]+ )?"
            + _THROWN_BY_DESIGN
            + r")(?:[\w-]+ )?\w+ (?:across|against) (?:the|a) (?:[\w-]+ )?\w+",
            re.I,
        ),
        "anger",
    ),
    # 1.10.0: a close one's words or picture read again and again, or kept on the body all day, and a close one
    # phoned over and over just to hear them ("read my son's letter four times", "keep the card from my daughter
    # under my pillow", "rang my nan three times today just to hear her voice"): love, shown rather than named
    (_KEPT_CLOSE, "love"),
    (
        re.compile(
            r"\b(?:could(?:n'?t| not)|can(?:'?t|not)) (?:sit|keep|stay|stand) still\b"
            r"|\bpac(?:ed|ing|es?) (?:up and down|back and forth|the (?:room|floor|hall|hallway|kitchen|corridor"
            r"|landing|ward|flat|house|garden))\b",
            re.I,
        ),
        "nervousness",
    ),
    # 1.4.0: good news of one's own, read only where nothing else is ("… but we won", "I got the job")
    (_GOOD_NEWS, "joy"),
    # 1.10.0: a step of recovery done without the aid it needed ("walked to the shop without the frame", "managed
    # the stairs without my stick"): joy, shown; not "couldn't walk without the frame" (negated where it starts)
    (
        re.compile(
            r"\b(?:walked|walk|drove|climbed|managed|made it|went|got|stood|showered|dressed|cooked)\b[^.!?;]{0,60}?"
            r"\bwithout (?:the|my|a|any) (?:zimmer |walking |new )?(?:frame|zimmer|stick|cane|crutch(?:es)?|walker"
            r"|wheelchair|hoist|oxygen|stabili[sz]ers|armbands|rail|handrail|carer|help)\b"
            r"(?! (?:because|cos|as) )",
            re.I,
        ),
        "joy",
    ),
)
# Emoji: the writer's own reaction, whoever the sentence is about; read as signs (the head cannot see them: the
# encoder's vocabulary and the TF-IDF token pattern both drop them).
_EMOJI: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), label)
    for pattern, label in (
        ("[\U0001f602\U0001f923\U0001f480\U0001f606]", "amusement"),  # tears of joy, rolling, skull, squint
        (
            "[\U0001f62d\U0001f622\U0001f614\U0001f61e\U0001f494\U0001f97a]",
            "sadness",
        ),  # sobbing, crying, pensive
        ("[\U0001f621\U0001f620\U0001f92c]", "anger"),
        ("[\U0001f644\U0001f624\U0001f612]", "annoyance"),  # eye roll, huff, unamused
        ("[\u2764\U0001f60d\U0001f970\U0001f618\U0001f495\U0001f496]", "love"),
        ("[\U0001f60a\U0001f600\U0001f601\U0001f604\U0001f603\u263a]", "joy"),
        ("[\U0001f62c\U0001f630\U0001f605\U0001f61f]", "nervousness"),  # grimace, anxious sweat
        ("[\U0001f631\U0001f628]", "fear"),
        ("[\U0001f633]", "embarrassment"),
        ("[\U0001f92e\U0001f922]", "disgust"),
        ("[\U0001f389\U0001f973\U0001f929]", "excitement"),
        ("[\U0001f64f]", "gratitude"),
    )
)
_ANY_EMOJI = re.compile("[\u2600-\u27bf\U0001f300-\U0001faff]")
_SARCASM = re.compile(
    r"\b(?:(?:oh|just|how) (?:great|perfect|brilliant|wonderful|fantastic|marvell?ous)\b"
    r"|(?:just|exactly|because) what i (?:really |totally )?(?:needed|wanted)|yeah,? right|thanks a lot|thanks for nothing|lucky me|love that for me|oh,? sure\b"
    r"|\ball (?:zero|none|nil|0) of (?:you|them|us)\b|\bsaid no ?one\b|\bsaid nobody\b|^\W*nothin[g']? says \w+ like\b"
    r"|^\W*(?:great|perfect|brilliant|fantastic|wonderful|lovely),? (?:another|more)\b"
    r"|(?:loved|love|enjoyed|adored) (?:being|getting) (?:ignored|left|blamed|shouted|yelled|criticis|"
    r"interrupted|lied|forgotten|mocked|laughed|stood up|talked down|told off|dumped|cancelled))",
    re.IGNORECASE,
)
# 1.4.0: praise that opens (or an ironic tag that closes) a sentence whose news is a mishap: "Oh joy, a
# ninety-minute call", "Fantastic news, the car needs a new gearbox", "Love it when the train gets cancelled",
# "the rent is up again, how thoughtful of him". Praise before good news is praise ("Oh good, the bus is here").
_PRAISE_OPENER = re.compile(
    r"^\W*(?:(?:oh|ah),? (?:joy|good|great|goody|lovely|wonderful|fantastic|brilliant|perfect|super|marvell?ous)\b"
    # 1.7.0: praise after an intensifier of the writer's English ("Wicked great, …", "Pure brilliant, …")
    # 1.8.0: an interjection before it ("Ag, lovely, …", "Och, brilliant, …", "Aw great, …")
    r"|(?:(?:oh|ah|ag|och|aw|ooh|eh|well|yeah),? )?"
    r"(?:(?:wicked|pure|dead|well|bloody|just|absolutely|really|so|totally) )?"
    r"(?:great|wonderful|fantastic|fabulous|brilliant|perfect|lovely|marvell?ous|terrific|splendid|super|excellent"
    r"|champion|smashing|cracking|grand|ace|magic|class|mint|sound|sweet|cool"  # 1.7.0: praise of other Englishes
    r"|superb|amazing|awesome|great job|good job|well done|nice one|nice work"
    r"|(?:very|real|really|so|how|too) nice)(?: news)?"  # 1.8.0: "Very nice of the council, …"
    r"(?: \w+){0,4}\s*[,!:\u2014\u2013-]"
    r"|what (?:a|an) (?:treat|joy|delight|pleasure|honour|honor|way to (?:start|end))\b"
    # 1.10.0: an intensifier before "love it when" ("Absolutely love it when …", "Really loving how …")
    r"|(?:(?:i|you) )?(?:just |gotta |got to |have to |absolutely |really |totally |so |truly )?lov(?:e|ing) (?:it )?(?:when|that|how)\b"
    r"|don'?t you (?:just )?love (?:it )?(?:when|that|how)\b"
    r"|thanks? (?:(?:ever )?(?:so |very )?much |a lot |a million )?to (?:whoever|whomever|the (?:person|genius))\b)",
    re.IGNORECASE,
)
# 1.7.0: thanks to someone named before what is thanked for ("Thanks, Dave, for …"): ironic only before a mishap,
# never by a closing tag alone ("Thanks for watering my plants, so considerate of you" is thanks)
_THANKS_NAMED = re.compile(r"^\W*thanks?(?: so much| a lot)?, [\w']+(?: [\w']+)?, for\b", re.IGNORECASE)
_IRONIC_TAG = re.compile(
    r"\b(?:(?:how|very|so|really|most|ever so) (?:thoughtful|helpful|kind|considerate|generous|sweet|nice|lovely)"
    r" of (?:him|her|them|you|it|the \w+)"
    r"|what (?:fun|a treat|a joy|a delight|luck)\s*[.!]*\s*$|(?:the )?hero we (?:needed|deserved?)"
    r"|living the dream|best day ever)",
    re.IGNORECASE,
)
_MISHAP = re.compile(
    r"\b(?:again|cancel\w*|delay\w*|broke|broken|break(?:s|ing)? down|on hold|stuck|queue\w*|late|leak\w*"
    r"|flood\w*|rent|overdraft|parking ticket|without (?:asking|telling|warning|a word)|ate my|stole|nicked|lost"
    r"|los(?:e|ing)|packed (?:in|up)|overdue|fraud|burst|died|gave up|give up|clos(?:ed|ing)|fined"
    r"|forgot|ignored|traffic|puncture|flat tyre|needs? (?:a )?(?:whole |brand )?new|(?:\w+[- ])?(?:minute|hour)s?"
    # 1.7.0: one more of a chore ("another form", "another hen do"), sent back, an early hour on a day off
    r"|another|sent (?:\w+ ){0,3}back"
    # 1.18.0 (r99): a thing that will not go ("the car won't start", "the app wouldn't load")
    r"|(?:won'?t|wouldn'?t|didn'?t|doesn'?t|will not|would not|did not|does not) (?:start|work|load|open|turn on|boot)"
    # 1.8.0: rain after praise of the weather ("Lovely summer, raining again", "chucking it down all day")
    r"|rain(?:ed|ing|s|y)?|drizzl\w*|downpour|(?:pissing|chucking|bucketing|tipping|teeming) (?:it )?down|(?:at|before) (?:[4-8]|four|five|six|seven|eight)(?:[:.]\d\d)? ?(?:am|a\.m\.)?"
    r" (?:on|of) (?:a |the )?(?:saturday|sunday|weekend|day off|bank holiday))\b"
    # 1.7.0: a word in scare quotes ("the landlord 'fixed' it"): the writer does not mean it
    r"|(?:^|\s)['\u2018\"\u201c][^'\u2019\"\u201d]{1,30}['\u2019\"\u201d](?=\W|$)",
    re.IGNORECASE,
)
# 1.7.0: a short line of praise after a sarcastic one ("Oh good, another queue. Great night.", "My favourite.",
# "Truly the highlight of my career.", "10/10 service."): the irony goes on; not with "but", "though", "at least".
_PRAISE_TAIL = re.compile(
    r"^\W*(?:[\w']+ ){0,3}?(?:great|lovely|wonderful|fantastic|brilliant|perfect|marvell?ous|super|fine|thanks?"
    r"|favou?rite|highlight|best|10/10|five stars|living the dream)\b(?:[\w' ]*?)\W*$",
    re.IGNORECASE,
)
_NOT_IRONIC_TAIL = re.compile(r"\b(?:but|though|still|at least|anyway|actually|honestly|really was)\b", re.I)


def _ironic(text: str, may: Gate | None = None) -> bool:
    """Praise opening, or an ironic tag closing, a sentence whose news is a mishap."""
    opener = _search(_PRAISE_OPENER, text, may)
    rest = text[opener.end() :] if opener else text
    if opener and _MISHAP.search(rest):
        return True
    named = _search(_THANKS_NAMED, text, may)
    if named and _MISHAP.search(text[named.end() :]):
        return True
    tag = _search(_IRONIC_TAG, text, may)
    return tag is not None and (opener is not None or bool(_MISHAP.search(text[: tag.start()])))


_TAG_ALONE = re.compile(
    r"^\W*(?:(?:just |truly |really |proper )?living the dream|what (?:fun|a treat|a joy|a delight|luck)"
    r"|(?:so|how|very|ever so) (?:thoughtful|considerate|kind|helpful) of (?:him|her|them|you|it))\W*$",
    re.IGNORECASE,
)


# 1.10.0: love of a doing opening the sentence ("Love queuing in the sleet", "Just adore being on hold"): sarcastic
# only with an ironic tag alone after it ("Love walking in the rain." alone is meant)
_LOVED_DOING = re.compile(
    r"^\W*(?:(?:i|you) )?(?:just |absolutely |really |totally |so |truly )?(?:love|loving|adore|enjoy) \w+ing\b",
    re.IGNORECASE,
)


def _tagged_after(text: str, following: str, may: Gate | None = None) -> bool:
    """1.8.0: praise opening a sentence whose next sentence is an ironic tag alone ("Love it when the lift is out.
    Living the dream.", "Oh lovely, the boiler. What fun."): the tag says the praise was not meant."""
    if not _TAG_ALONE.match(plain(following)):
        return False
    return _found(_PRAISE_OPENER, text, may) or bool(_LOVED_DOING.match(text))


def _sarcastic_before(previous: str) -> bool:
    """1.7.0: the sentence before is sarcastic (for :data:`_PRAISE_TAIL`); a mishap alone is not enough
    ("Grandad died on Sunday. Best grandad ever." is praise)."""
    previous = plain(previous)
    return bool(
        _SARCASM.search(previous)
        or _ironic(previous)
        or _DEADPAN.fullmatch(previous)
        or _INSISTENT.search(previous)
    )


def _ironic_tail(text: str, previous: str) -> bool:
    """1.7.0: short praise after a sarcastic sentence: "Oh good, another queue. My favourite."."""
    return (
        bool(previous.strip())
        and len(text.split()) <= 6
        and bool(_PRAISE_TAIL.match(text))
        and not _NOT_IRONIC_TAIL.search(text)
        and _sarcastic_before(previous)
    )


# 1.18.0 (r99): a first-person claim of delight ("I just love cold showers.", "I'm so thrilled.", "Really thrilled.",
# "Loving life right now.") right after a sarcastic sentence: the irony goes on into it
_DELIGHT_CLAIM = re.compile(
    r"^\W*(?:(?:i|we)(?:'m|'re| am| are)?\s+)?(?:(?:just|so|absolutely|really|totally|truly|simply|completely)\s+)*"
    r"(?:love|loving|adore|adoring|enjoy|enjoying|thrilled|delighted|overjoyed|ecstatic|chuffed|stoked|over the moon"
    r"|(?:so|absolutely|really|totally|truly|simply) (?:happy|pleased|excited|glad))\b",
    re.IGNORECASE,
)


def _delight_after(text: str, previous: str, earlier: str = "") -> bool:
    """1.18.0: the writer's claim of delight after a sarcastic sentence: "Oh brilliant, the boiler broke again. I just
    love cold showers."; not with "but", "though", "at least" ("Great, another queue. But I do love this café.").
    1.18.1 (r102): the sarcastic run before tells a mishap (:data:`_MISHAP`, the reading in-sentence sarcasm uses):
    the sentence before, or the one before it when that is sarcastic too ("Oh great, another Monday. Just what I
    needed. I just love sitting in traffic."); an opener before good news is praise ("Oh great, my sister had her
    baby! I just love being an aunt.").
    1.19.0 (h130): deadpan praise alone before the mishap makes the mishap's sentence sarcastic too ("Fantastic. The
    landlord raised the rent again. Really thrilled."), as the deadpan line itself is read against it."""
    before = plain(previous)
    mishap = bool(_MISHAP.search(before))
    return (
        bool(previous.strip())
        and bool(_DELIGHT_CLAIM.match(text))
        and not _NOT_IRONIC_TAIL.search(text)
        and (
            (_sarcastic_before(previous) and mishap)
            or (_sarcastic_before(earlier) and bool(_MISHAP.search(plain(earlier))))
            or (mishap and bool(_DEADPAN.fullmatch(plain(earlier))))
        )
    )


# 1.18.0 (r99): a sentence that states the writer's intention to raise or arrange something ("I want to ask my doctor
# about …", "I plan to email my manager …", "Need to phone the pharmacy"), with no reason or contrast joined to it
_INTENTION = re.compile(
    r"(?:^\W*(?:[\w']+ ){0,3}?(?:i|we)\b\s*|^\W*)"
    r"(?:(?:really|also|still|definitely|probably|just|first)\s+)?"
    r"(?:want|wanna|plan|intend|mean|need|have|hope|would like|'d like|am going|'m going|m going|are going|'re going"
    r"|will|'ll|shall|should|must|ought|am gonna|'m gonna|gonna|got to|gotta)\s+"
    r"(?:to\s+)?(?:(?:remember|try|make sure|also)\s+(?:to\s+)?)?"
    r"(?:ask|tell|talk|speak|email|e-mail|mail|text|message|call|ring|phone|bring|raise|mention|discuss|book|contact"
    r"|write to|check with|follow up|remind|inform|let \w+ know|chat|go over|run (?:it|this|that) by|arrange"
    r"|schedule|reschedule|enquire|inquire|see about|sort out)\b",
    re.IGNORECASE,
)
_NOT_ONLY_INTENTION = re.compile(
    r"\b(?:because|cause|cos|since|but|though|although|after|so that|when|while|if|even|scared|afraid)\b|;",
    re.I,
)


def intention(text: str) -> bool:
    """1.18.0: the sentence only states an intention to raise or arrange something (no reason, contrast or
    condition joined to it)."""
    return bool(_INTENTION.search(text)) and not _NOT_ONLY_INTENTION.search(text)


# The writer set apart from someone else's feeling: "everyone was laughing except me", "they loved it; I didn't".
_EXCLUDED = re.compile(
    r"\b(?:except|apart from|other than|but not|besides|not) me\b"
    r"|[;,]\s*(?:but |and )?(?:i|me) (?:did(?:n'?t| not)|was(?:n'?t| not)|do(?:n'?t| not)|am not|'m not"
    r"|could(?:n'?t| not)|wasnt|didnt|dont)\s*(?:really|though)?\s*[.!]*\s*$",
    re.IGNORECASE,
)
# 1.12.0: the writer's laugh or smile joined to others' ("I laughed along", "we all smiled along with it", "I
# just played along"): put on for them, not the writer's own amusement or joy; not "I sang along" (no laugh or
# smile), not "they laughed along with me" (theirs)
_PERFORMED = re.compile(
    r"\b(?:i|we)\s+(?:\w+\s+){0,2}?(?:laugh(?:ed|ing)?|smil(?:ed|ing|e)|grinn(?:ed|ing)|giggl(?:ed|ing)"
    r"|chuckl(?:ed|ing)|play(?:ed|ing)?|nodd(?:ed|ing))\s+along\b"
    # 1.17.0 (r60): a laugh that dismisses ("I laughed it away but inside it hurt", "we laughed it off"): to laugh
    # something off or away is to wave it aside, not to be amused
    r"|\b(?:i|we)\s+(?:\w+\s+){0,2}?(?:laugh(?:ed|ing|s)?|giggl(?:ed|ing)|chuckl(?:ed|ing))\s+"
    r"(?:(?:it|that|this|them|him|her|everything|the\s+\w+)\s+)?(?:off|away)\b",
    re.IGNORECASE,
)
# 1.17.0 (r60): a wish for someone else's act or feeling ("I wanted him to just say sorry", "I wish my dad would be
# proud"): the feeling the act would carry (his sorrow, her pride) is wished of them, not felt by the writer
_WISHED_OF_ANOTHER = re.compile(
    r"\b(?i:i|we)\s+(?:(?i:\w+)\s+)?(?i:want(?:ed|s)?|wish(?:ed|es)?|need(?:ed|s)?|would (?:like|love)|'d (?:like|love)"
    r"|expected|hoped for)\s+"
    r"(?:(?i:him|her|them|you|(?:my|his|her|their|our|the) [\w-]+)|[A-Z][a-z]+)\s+(?:(?i:\w+)\s+)?(?i:to|would)\b"
)
# 1.17.0 (r60): tears the sentence says are of joy or relief ("happy tears", "cried with relief", "tears of joy")
_GLAD_TEARS = re.compile(
    r"\b(?:happy|joyful|good|glad|grateful) tears\b|\btears of (?:joy|relief|happiness|gratitude)\b"
    r"|\b(?:cry|cried|cries|crying|sobbed|sobbing|wept|weeping|teared up|welled up)\s+(?:\w+\s+)?"
    r"(?:with|of|for|from) (?:joy|relief|happiness|gratitude|pride)\b",
    re.IGNORECASE,
)
# Deadpan praise, a word alone with a full stop before other news: "Wonderful. My mother-in-law is staying."
_DEADPAN = re.compile(
    r"\W*(?:oh,? )?(?:very |really |just |so |how )?(?:great|perfect|brilliant|wonderful|fantastic|lovely|marvell?ous|super|terrific|splendid"
    r"|fabulous|excellent|cool|fine|nice)\.\s*",
    re.IGNORECASE,
)
# A denial disowned: "it would be dishonest to claim I was not shaken", "I'd be lying if I said I wasn't scared".
_DISOWNED = re.compile(
    r"\b(?:(?:dishonest|a lie|untrue|false|wrong) to (?:say|claim|pretend)|lying if i (?:said|say)"
    r"|can(?:'?t|not) pretend|won'?t pretend|(?:do|did|would)(?:n'?t| not) pretend)\b",
    re.IGNORECASE,
)
# Praise said three times running is not praise: "I'm fine. It's fine. Everything is fine.", "cool cool cool".
# Each time the word ends a clause (or runs into itself): not "lovely weather, lovely walk, lovely to see Ruth".
_ALONE = r"(?=\s*(?:[.,!?;:]|$)|\s+\1\b)"
_INSISTENT = re.compile(
    r"\b(fine|cool|great|ok|okay|perfect|good|lovely|wonderful|brilliant|nice)\b"
    + _ALONE
    + r"(?:\W+\w+){0,3}?\W+\1\b"
    + _ALONE
    + r"(?:\W+\w+){0,3}?\W+\1\b"
    + _ALONE,
    re.IGNORECASE,
)


def insistent_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of a word of praise repeated three times within a few words (read as sarcasm)."""
    return [(m.start(), m.end()) for m in _INSISTENT.finditer(text)]


_CHANGE = re.compile(r"\b(?:any ?more|no longer|not \w+ now)\b", re.IGNORECASE)
_CONTRAST = re.compile(
    r"\b(?:but|yet|although|though|however|part of me|at the same time|all at once|mixed feelings|both)\b",
    re.IGNORECASE,
)
_RHETORICAL = re.compile(
    r"\bwhy\b.*\b(?:always|never|ever|nobody|no one|everyone|everybody|all|even|keep|can't|cannot|just)\b.*\?",
    re.IGNORECASE,
)
_WORRY = re.compile(r"\bwhat if\b", re.IGNORECASE)
_COUNTERFACTUAL = re.compile(
    r"\b(?:would|could|might|should)(?:n't| not)? have\b|'d have\b|^\W*had (?:i|we|she|he|they)\b"
    # 1.4.0: a condition the writer says will not come: "I'd cry if he apologised, which he won't"
    r"|\bwhich (?:he|she|they|it|you|we) (?:won'?t|will not|never will|wouldn'?t|never would|never does)\b"
    r"|\bnot that (?:he|she|they|it|you) (?:will|would|ever)\b",
    re.IGNORECASE,
)
# 1.7.0: the next sentence says the condition will not come ("If we win I'll be so hyped. We won't though.")
_WONT_COME = re.compile(
    r"\W*(?:(?:but|and) )?(?:we|he|she|they|it|i|you) (?:won'?t|will not|wouldn'?t|never will|never would)\b"
    r"(?:[\w ,']{0,20})?\W*$",
    re.IGNORECASE,
)
# No spirit left for what should please: "couldn't muster any enthusiasm", "can't find any joy in it" (the
# positive word inside is denied).
_ANHEDONIA = re.compile(
    r"\b(?:unable|can(?:'?t|not)|could(?:n'?t| not)|fail(?:ed)?) (?:to )?(?:summon|muster|find|feel|work up)"
    r" (?:any|much|the slightest|an ounce of|a shred of)? ?(?:enthusiasm|excitement|joy|interest|pleasure)\b",
    re.I,
)
# Understatement: (pattern, the label it reads as).
_UNDERSTATEMENT: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:not (?:too |that |so |half )?bad(?! news)|could (?:have been|be) worse|can'?t complain"
            r"|not (?:too |that |so |half )?shabby"  # 1.10.0: the same understatement in other words
            r"|(?:was|is|were)(?:n'?t| not) the worst)\b",
            re.I,
        ),
        "approval",
    ),
    (
        re.compile(
            r"\b(?:not (?:exactly|quite|the best|my best|my finest|ideal|great|brilliant|amazing|fun|a success)"
            r"|(?:was|is|were|are)n'?t (?:exactly|the best|my best|my finest|ideal|great|brilliant|amazing|fun)"
            r"|could (?:have gone|have been|be) better|seen better days)\b",
            re.I,
        ),
        "disappointment",
    ),
    (
        re.compile(
            r"(?:n'?t|\bnot|\bnever) (?:\w+ ){0,3}as (?:good|nice|fun|great|exciting) as (?:i|we) (?:had )?"
            r"(?:hoped|expected|thought|imagined)\b",
            re.I,
        ),
        "disappointment",
    ),
    (
        re.compile(r"\bnot what (?:i|we) (?:had )?(?:hoped|wanted|expected)(?: for)?\b", re.I),
        "disappointment",
    ),
    (_ANHEDONIA, "sadness"),
    (
        re.compile(
            r"\b(?:not|n't|never|wasn'?t|isn'?t) (?:quite |such |the |a |as much of a |as big a )*"
            r"(?:disaster|nightmare|ordeal|catastrophe|horror show)\b"
            # 1.7.0: news that was not bad ("the scan wasn't bad news for once", "Not bad news, that.")
            r"|(?:\bnot|n't|\bnever) (?:\w+ )?bad news\b",
            re.I,
        ),
        "relief",
    ),
    (
        re.compile(
            r"\b(?:wouldn'?t|would not|couldn'?t|can'?t) (?:exactly |really )?(?:say|call)\b[^.!?]{0,40}?"
            r"\b(?:a (?:triumph|success|highlight)|great|brilliant|fun)\b",
            re.I,
        ),
        "disappointment",
    ),
    # 1.4.0: a hard time played down ("a bit rough", "bit of a day"), put out, and pleasure played down
    (
        re.compile(
            r"\b(?:(?:a (?:bit|little|tad)|bit of a|rather|somewhat|pretty|quite) (?:rough|grim|bleak|tough|rubbish|crap|pants"
            r"|difficult|trying)"  # 1.7.0: the formal register's "this is somewhat difficult"
            r"|bit of a (?:day|week|night|morning|time)|one of those days)\b",
            re.I,
        ),
        "sadness",
    ),
    (
        re.compile(
            r"\b(?:slightly|a (?:bit|little|tad)|bit|rather|somewhat|quite|feel(?:ing)?|felt|was|am|i'm) put out\b",
            re.I,
        ),
        "disappointment",
    ),
    (
        re.compile(
            r"\b(?:which|that|it|this) (?:was|is) (?:rather |quite |pretty |really |very |so |actually )?nice\b"
            r"|\bwent,? (?:[\w']+,? ){0,3}?well\b",
            re.I,
        ),
        "joy",
    ),
    # courage gone: "I'm not as brave as I was", "no longer confident"
    (
        re.compile(
            r"(?:n'?t|\bnot|\bno longer|\bless) (?:\w+ ){0,2}(?:brave|confident|bold|fearless|courageous)\b",
            re.I,
        ),
        "nervousness",
    ),
    # 1.8.0: less than hoped ("a little less than I hoped", "not quite what I'd hoped for", "fell short of what I
    # wanted"); "hoped" only: "not what I expected" may be good news
    (
        re.compile(
            r"\b(?:less|lower|worse|smaller|fewer) than (?:i|we)(?: had|'d)? (?:hoped|wanted|wished)"
            r"|\bnot (?:\w+ )?what (?:i|we)(?: had|'d)? (?:hoped|wished|wanted) for\b"
            r"|\bf(?:e|a)ll(?:s|en)? (?:a (?:bit|little|long way) )?short of what (?:i|we)(?: had|'d)? (?:hoped|wanted)",
            re.I,
        ),
        "disappointment",
    ),
    # a feared thing that turned out milder than expected: "It didn't hurt as much as I expected"
    (
        re.compile(
            r"(?:(?:n'?t|\bnot|\bnever) (?:\w+ ){0,3}as (?:much|bad|badly|hard|awful|scary|painful|difficult|terrible"
            r"|awkward|horrible)(?: as)? (?:i|we) (?:had )?(?:expected|feared|thought|imagined|dreaded)"
            r"|\b(?:easier|less \w+|better) than (?:i|we) (?:had )?(?:expected|feared|thought|imagined|dreaded))\b",
            re.I,
        ),
        "relief",
    ),
)
_SOMATIC = re.compile(
    r"\b(?:heart (?:was |is |kept )?(?:racing|pounding|hammering|thumping)"
    r"|(?:hands|legs|knees|voice) (?:were |was |are |is |kept )?(?:shaking|trembling)"
    r"|could(?:n'?t| not) (?:breathe|catch my breath)|knots? in my stomach|stomach (?:was )?(?:in knots|churning)"
    r"|chest (?:was |felt |feels )?tight|palms? (?:were |was )?sweat|panic attack"
    # 1.4.0: the sign a few words on ("my hands wouldn't stop shaking", "chest went tight")
    r"|(?:hands|legs|knees|voice|whole body)(?:\s+[\w']+){1,3}\s+(?:shaking|trembling|shook|trembled)"
    r"|chest (?:went|got|going|tightened|was going)(?: \w+)?(?: tight)?|stomach (?:dropped|lurched|flipped|turned over)"
    r"|heart (?:was |is )?(?:going like the clappers|in my mouth|going ten to the dozen)"
    r"|(?:hands|palms) (?:were |was |are |felt )?(?:clammy|sweaty)"
    r"|mouth went dry|(?:could(?:n'?t| not)|would(?:n'?t| not)) stop (?:shaking|trembling)"
    # 1.5.0: a body part and its sign up to two words on, in any word order the writer's English has
    # ("my heart was fast", "stomach turn all day", "hands were shakin'", "knees like jelly")
    r"|heart (?:[\w']+ ){0,3}?(?:racing|pounding|hammering|thumping|fast|skipp(?:ed|ing) a beat)"
    # 1.9.0: the heart jumping or banging in the chest ("my heart was jumping in my chest", "heart banging away")
    r"|heart (?:[\w']+ ){0,2}?(?:jump(?:ing|ed)|bang(?:ing|ed)|thudd(?:ing|ed)|flutter(?:ing|ed))(?: about| around)? (?:in|out of|against|away)\b"
    r"|(?:hands|legs|knees|voice|lips?|whole body) (?:[\w']+ ){0,2}?(?:shak(?:ing|y)|trembl(?:ing|y)|shook|trembled"
    r"|quiver(?:ing|ed)|wobbl(?:y|ing)|(?:like |to |were |went )?jelly)"
    r"|(?:stomach|tummy|belly|gut) (?:[\w']+ ){0,2}?(?:turn(?:ed|ing|s)?|churn(?:ed|ing|s)?|flipp(?:ed|ing)|knott(?:ed|ing)"
    r"|in knots|lurch(?:ed|ing)|somersault\w*|doing (?:flips|somersaults|backflips)"
    r"|(?:making |tied (?:up )?in |twisted in(?:to)? |all )?knots)"  # 1.7.0: "my stomach is making knots"
    r"|(?:palms|forehead) (?:[\w']+ ){0,2}?(?:sweat(?:y|ing)|clammy|damp)"
    r"|chest (?:[\w']+ ){0,3}?(?:tight|tightening)"
    # 1.7.0: the sign before the body part ("clammy palms", "a fluttering gut", "shaky hands", "a racing heart")
    r"|(?:clammy|sweaty|sweating|damp|shaking|shaky|trembling) (?:palms|hands|fingers|knees|legs)"
    r"|(?:fluttering|churning|knotted|queasy|flipping) (?:gut|stomach|tummy|belly)"
    r"|(?:racing|pounding|hammering|thumping) (?:heart|pulse)"
    # 1.8.0: the heart or chest as a drum or hammer ("heart like a kettle drum", "chest a hammer", "heart drumming")
    r"|(?:heart|chest|pulse) (?:[\w']+ ){0,2}?(?:like )?(?:an? )?(?:(?:bass |kettle )?drum(?:ming|med)?|(?:jack|sledge)?hammer)\b)",
    re.IGNORECASE,
)
# 1.19.0 (h130): a cause of the body's own beside the sign ("shaking from the cold", "legs shaking after the run",
# "hands trembling from too much coffee"): the sign tells no feeling
_BODY_CAUSE = re.compile(
    r"\b(?:(?:from|after|because of|with|due to)\s+(?:the\s+|my\s+|a\s+|that\s+|all\s+(?:the|that)\s+|too\s+much\s+"
    r"|so\s+much\s+)?(?:cold|chill|freezing|frost|wind|rain|snow|run|running|jog|jogging|workout|exercise|gym|training"
    r"|lifting|weights|climb|hike|ride|cycle|sprint|swim|match|game|coffee|caffeine|espresso|energy drinks?|fever|flu"
    r"|hunger|low blood sugar|meds|medication|withdrawal|hangover|heat))\b",
    re.IGNORECASE,
)
# 1.5.0: the writer wondering ("I wonder if the label will listen", "Wonder if she's awake"): curiosity, said
# (the head reads "wonder" as surprise); not "wondering if I'd still have a job" (a worry, above).
_CURIOUS = re.compile(
    r"(?:^\W*|\bi (?:just |still |often |sometimes |really )?|\band |\bi'?m (?:just |still )?)"
    r"wonder(?:ed|ing|s)? (?:if|whether|what|how|who|why|when|where)\b"
    r"(?! (?:i|we)(?:'d| would| will|'ll) (?:still|ever)\b)",
    re.IGNORECASE,
)
Gate = Callable[[re.Pattern[str]], bool]  # may this pattern match anywhere in the document? (see cues)


def _search(pattern: re.Pattern[str], text: str, may: Gate | None) -> re.Match[str] | None:
    """``pattern.search(text)``, skipped (None) when the document's gate rules the pattern out."""
    return pattern.search(text) if may is None or may(pattern) else None


def _found(pattern: re.Pattern[str], text: str, may: Gate | None) -> bool:
    return _search(pattern, text, may) is not None


def _finditer(pattern: re.Pattern[str], text: str, may: Gate | None) -> Iterable[re.Match[str]]:
    return pattern.finditer(text) if may is None or may(pattern) else ()


# 1.5.0: dropped g's ("shakin'", "screamin'") read as written out; same length, so offsets stay
_DROPPED_G = re.compile(r"\b(\w{2,})in['\u2019](?=\W|$)")


def plain(text: str) -> str:
    """The text with dropped g's written out ("shakin'" → "shaking"), offsets unchanged."""
    return _DROPPED_G.sub(r"\1ing", text) if "in'" in text or "in\u2019" in text else text


# 1.4.0: bodily signs of other feelings (the writer's, as the nervousness signs above): (pattern, label).
_BODILY: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), label)
    for pattern, label in (
        (
            # 1.8.0: a degree word before the sign, the copula dropped or not ("my face very hot", "cheeks so red")
            r"\b(?:(?:face|cheeks|ears) (?:was |were |went |going |kept |felt )?(?:so |very |really |all |too )?"
            r"(?:burning|bright red|scarlet|flushed|hot"
            r"|burned|burnt|burn|on fire|aflame)"  # 1.7.0: "my cheeks burned", "ears on fire"
            r"|(?:face|cheeks|ears) (?:was |were |went |felt )?(?:so|very|really|all|too) red"
            # 1.10.0: the face becoming red and hot, in any tense the writer's English has ("my face become red
            # and hot", "cheeks got all red", "ears go hot"); the body part named, not "the sky turned red"
            r"|(?:face|cheeks|ears) (?:became|become|becomes|becoming|got|gets|getting|go|goes|turned|turns|turn)"
            r" (?:so |very |really |all |too |bright |proper )?(?:red|hot|scarlet|crimson|flushed|pink)"
            r"|(?:went|turned|going) (?:bright |beet(?:root)? )?red|blush(?:ed|ing)|wanted the (?:ground|floor) to swallow me)\b",
            "embarrassment",
        ),
        (
            r"\b(?:(?:jaw|fists?|teeth) (?:was |were )?(?:clenched|gritted|balled)|clench(?:ed|ing) my (?:jaw|fists?|teeth)"
            r"|gr[ia]tt?(?:ed|ing)? my teeth|grind(?:ing)? my teeth|blood (?:was )?boiling)\b",
            "anger",
        ),
        (
            r"\b(?:lump in my throat|eyes (?:welled|filled) up|throat (?:closed|tightened|went tight)"
            # 1.10.0: the eyes wet, watering or misting up, the verb in any form the writer's English has ("eyes
            # wet up", "my eyes went all misty", "eyes were watering"); not "wet eyes from the wind" (the cause said)
            r"|eyes (?:(?:were|was|went|got|go|goes|are|is|all|started|began|to|kept|just|a|bit|little|so|proper)\s+){0,3}"
            r"(?:wet|watery|watered|watering|water|misty|misted|misting|moist|teary|teared|tearing|well(?:ed|ing|s)?)"
            r"(?: up| over)?\b(?! (?:from|in|with|because of|cos of) (?:the )?(?:wind|cold|smoke|onions?|dust|pollen"
            r"|hay ?fever|chlorine|sun|glare|allergies|drops))"
            r"|\b(?:teared|welled) up)\b",
            "sadness",
        ),
        (r"\b(?:(?:could|can) (?:finally )?breathe again|breathed? a sigh of relief)\b", "relief"),
    )
)


# 1.10.0: a flushed face beside the writer's own smile or grin is pleasure, not shame ("my cheeks went hot and I
# grinned"); not a smile said to be awkward, sheepish, nervous or forced
_PLEASED_BLUSH = re.compile(
    r"\b(?:i|and|then)\s+(?:[\w']+\s+){0,3}?(?<!awkwardly )(?<!nervously )(?<!awkward )(?<!nervous )(?<!sheepish )(?<!forced )(?<!weak )(?:smil(?:e|ed|es|ing)|grinn?(?:ing|ed|s)?"
    r"|beam(?:ed|ing|s)?)\b(?!\s+(?:awkwardly|nervously|sheepishly|weakly|through))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class EmotionWord:
    label: str
    start: int  # character offset in the analysed text
    holder: str  # "writer" or the holder's words
    negated: bool
    mood: str = "stated"  # stated | expected | hypothetical | hedged | seen
    lemma: str = ""

    @property
    def writer(self) -> bool:
        return self.holder == "writer"

    @property
    def affirmed(self) -> bool:
        """Felt, as far as the sentence says: not negated, not owed, not hypothetical, not hedged."""
        return not self.negated and self.mood in {"stated", "seen"}


@dataclass(frozen=True, slots=True)
class Cues:
    """What the sentence says as a whole (from its text), beside its emotion words."""

    sarcasm: bool = False
    change: bool = False  # "anymore", "no longer": a feeling that has passed
    contrast: bool = False  # mixed feelings may stand side by side
    rhetorical: bool = False  # "why do I always …?"
    worry: bool = False  # "what if …?"
    counterfactual: bool = False  # "I would have been furious": the past that did not happen
    excluded: bool = False  # "everyone laughed except me": the writer set apart from others' feeling
    fragment: bool = False  # "Couldn't.": no word of content, nothing for the head to read
    phrases: tuple[str, ...] = ()  # labels read from understatement and bodily signs
    news: bool = (
        False  # 1.5.0: the entry tells good news of the writer's own (a racing heart is excitement then)
    )
    at_writer: bool = (
        False  # 1.7.0: the sentence says the writer did or caused it ("in my marks", "when I …")
    )
    performed: bool = False  # 1.12.0: "I laughed along", "smiled along": a cheer put on, not felt
    signs: tuple[
        str, ...
    ] = ()  # 1.16.0 (r39): the labels of ``phrases`` read from a bodily sign ("heart racing")
    wished: bool = False  # 1.17.0 (r60): "I wanted him to say sorry": a feeling wished of someone else
    glad_tears: bool = False  # 1.17.0 (r60): "happy tears", "cried with relief": tears of a good feeling
    intention: bool = False  # 1.18.0 (r99): "I want to ask my doctor about …": a plan, no feeling said
    # 1.19.0 (h130): "I'm going to tell him tomorrow. My hands are shaking.": a sign of it
    after_plan: bool = False


def good_news(text: str) -> bool:
    """The text tells good news of the writer's own ("I got the job", "she said yes")."""
    return bool(_GOOD_NEWS.search(plain(text)))


# 1.7.0: a body part someone else owns ("his hands were shaking", "her voice is shaking", "Dad's jaw clenched")
_THEIR_BODY = re.compile(r"(?:\b(?:his|her|their|your|its)|\w's|\ws')\s+(?:\w+\s+)?$", re.IGNORECASE)


# 1.7.0: what the writer did or is, as the cause of someone's feeling ("disappointed in my marks", "so scared when I
# didn't pick up", "furious that I read her messages", "worried about my drinking")
_AT_WRITER = re.compile(
    r"\b(?:in|with|at|about|of|by) (?:me|my|myself)\b|\b(?:that|when|because|after|since|cause|cos) i\b", re.I
)
# close family: whose hurt or worry over the writer's doing reads as the writer's remorse
_KIN_ROLES = frozenset({"mother", "father", "parents", "sibling", "child", "partner"})
_KIN_OTHERS = frozenset(
    {"grandmother", "grandma", "granny", "nan", "nana", "grandfather", "grandpa", "grandad", "granddad"}
    | {"gran", "ma", "pa", "papa", "mamma", "missus", "nanay", "tatay"}
)


# the feelings of someone close that the writer's doing can cause and regret (not embarrassment: "my brother was
# embarrassed when I turned up at his school" is comedy more often than remorse)
_HURT = frozenset(
    {"anger", "annoyance", "disapproval", "disappointment", "sadness", "grief", "fear", "nervousness"}
)


def kin(holder: str) -> bool:
    """1.7.0: the holder is the writer's close family ("Papa", "my mama", "Mum"; not "the patient's daughter")."""
    words = holder.lower().split()
    if not words or "'s" in holder or words[0] in {"the", "a", "an", "his", "her", "their", "your", "our"}:
        return False
    last = words[-1]
    return ROLE_OF_WORD.get(last) in _KIN_ROLES or last in _KIN_OTHERS


def _own_sign(pattern: re.Pattern[str], text: str, gate: Gate | None) -> bool:
    """A bodily sign of the writer's: a match not on someone else's body part."""
    return any(not _THEIR_BODY.search(text[: m.start()]) for m in _finditer(pattern, text, gate))


def cues(
    text: str,
    following: str = "",
    *,
    insistent: bool = False,
    previous: str = "",
    earlier: str = "",
    news: bool = False,
    gate: Gate | None = None,
) -> Cues:
    """The sentence's cues; ``following`` is the next sentence of the text, if any (deadpan praise is read
    against the news after it); ``insistent``: the sentence is part of praise said three times running (the
    caller finds it across sentences with :func:`insistent_spans`); ``previous`` and ``earlier``: the one and two
    sentences before (sarcasm read on from them). ``gate``, when given, says for a pattern
    whether it may match in any of the document's texts (``regex_gate.TextGate`` over :func:`plain` of each
    sentence): a pattern it rules out is not scanned, with the same result."""
    text = plain(text)
    phrases = [label for pattern, label in _UNDERSTATEMENT if _found(pattern, text, gate)]
    # 1.19.0 (h130): not with a cause of the body's own ("my hands are shaking from the cold")
    somatic = _own_sign(_SOMATIC, text, gate) and not _found(_BODY_CAUSE, text, gate)
    if somatic:
        phrases.append("nervousness")
    bodily = [label for pattern, label in _BODILY if _own_sign(pattern, text, gate)]
    if "embarrassment" in bodily and _found(_PLEASED_BLUSH, text, gate):
        bodily.remove("embarrassment")  # 1.10.0: "my cheeks went hot and I smiled": a flush of pleasure
    phrases.extend(bodily)
    signs = (["nervousness"] if somatic else []) + bodily
    if _found(_CURIOUS, text, gate):
        phrases.append("curiosity")
    question = text.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")
    alone = len(text) < 24 and (gate is None or gate(_DEADPAN)) and bool(_DEADPAN.fullmatch(text))
    deadpan = alone and bool(following.strip()) and "!" not in following
    # 1.5.0: praise alone after a mishap ("Mum moaned about my cooking again. Very nice.")
    deadpan = deadpan or (alone and bool(_MISHAP.search(previous)))
    return Cues(
        sarcasm=_found(_SARCASM, text, gate)
        or deadpan
        or insistent
        or _found(_INSISTENT, text, gate)
        or _ironic(text, gate)
        or _ironic_tail(text, previous)
        or _tagged_after(text, following, gate)
        or _delight_after(text, previous, earlier)
        or "\U0001f643" in text,  # 1.5.0: the upside-down face says the words are not meant
        excluded=_found(_EXCLUDED, text.rstrip(), gate),
        fragment=_fragment(text),
        change=_found(_CHANGE, text, gate),
        contrast=_found(_CONTRAST, text, gate),
        rhetorical=_found(_RHETORICAL, text, gate),
        worry=question and _found(_WORRY, text, gate),
        counterfactual=_found(_COUNTERFACTUAL, text, gate) or bool(_WONT_COME.match(following)),
        phrases=tuple(dict.fromkeys(phrases)),
        news=news,
        at_writer=_found(_AT_WRITER, text, gate),
        performed=_found(_PERFORMED, text, gate),
        signs=tuple(dict.fromkeys(signs)),
        wished=bool(_WISHED_OF_ANOTHER.search(text)),  # case-sensitive in part: not gated
        glad_tears=_found(_GLAD_TEARS, text, gate),
        intention=intention(text),  # not gated: short patterns
        after_plan=somatic and intention(plain(previous)),
    )


_CONTENTLESS = frozenset(
    {
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "not",
        "no",
        "n't",
        "nt",
        "so",
        "too",
        "either",
        "neither",
        "nor",
    }
    | {
        "did",
        "do",
        "does",
        "was",
        "were",
        "is",
        "are",
        "am",
        "could",
        "would",
        "can",
        "will",
        "should",
        "have",
    }
    | {"has", "had", "might", "must", "shall", "didn't", "couldn't", "wouldn't", "can't", "won't", "wasn't"}
    | {"didnt", "couldnt", "wouldnt", "cant", "wont", "wasnt", "don't", "dont", "doesn't", "isn't", "aren't"}
    | {"probably", "maybe", "perhaps", "really", "definitely", "certainly", "yes", "yeah", "nope", "either"}
)


def _fragment(text: str) -> bool:
    """An elliptical reply with no word of content ("Couldn't.", "I didn't.", "Neither did I.")."""
    words = re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))
    return bool(words) and len(words) <= 4 and all(w in _CONTENTLESS for w in words)


def family(label: str) -> frozenset[str]:
    for group in FAMILIES:
        if label in group:
            return group
    return frozenset({label})


def valence(label: str) -> str:
    return "positive" if label in POSITIVE else "negative" if label in NEGATIVE else "other"


# the figures of speech, signs and emoji emotion_words reads, in this order: (pattern, label, kind)
_FIGURES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    *((pattern, label, "idiom") for pattern, label in _IDIOMS),
    *((pattern, label, "object") for pattern, label in _OBJECT_IDIOMS),
    *((pattern, label, "sign") for pattern, label in _SIGNS),
)
_PICTURES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (pattern, label, "emoji") for pattern, label in _EMOJI
)
# per document gate, the figures it lets through: gone with the gate (and the document's text it holds)
_kept_figures: weakref.WeakKeyDictionary[Gate, tuple[tuple[re.Pattern[str], str, str], ...]] = (
    weakref.WeakKeyDictionary()
)


def _kept(gate: Gate) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The figures the document's gate lets through, in order (worked out once per gate, not per sentence)."""
    kept = _kept_figures.get(gate)
    if kept is None:
        kept = _kept_figures[gate] = tuple(figure for figure in _FIGURES if gate(figure[0]))
    return kept


def words_text(tokens: Sequence[Any]) -> str:
    """The text :func:`emotion_words` scans for figures of speech: the tokens' own text, :func:`plain`."""
    return plain(
        "".join(t.text_with_ws for t in tokens) if tokens and hasattr(tokens[0], "text_with_ws") else ""
    )


def emotion_words(tokens: Sequence[Any], *, gate: Gate | None = None) -> list[EmotionWord]:
    """Emotion words of one sentence (spaCy tokens with ``lemma_``, ``lower_``, ``pos_``, ``tag_``, ``idx``).

    ``gate``, when given, says for a pattern whether it may match in any sentence of the document
    (``regex_gate.TextGate`` over :func:`words_text` of each): a pattern it rules out is not scanned, with the
    same result."""
    out: list[EmotionWord] = []
    offset = int(tokens[0].idx) if tokens else 0
    text = words_text(tokens)
    hedges = [offset + m.end() for m in _finditer(_HEDGE, text, gate)]
    disowned = [offset + m.end() for m in _finditer(_DISOWNED, text, gate)]
    spiritless = [(offset + m.start(), offset + m.end()) for m in _finditer(_ANHEDONIA, text, gate)]
    softened = bool(_SOFTENER.search(text))
    # 1.10.0: each doubt's offset, and whether it doubts only how much ("…, I don't know", "not sure yet")
    doubts = (
        [(offset + m.start(), bool(_SIZE_DOUBT.fullmatch(m.group(0)))) for m in _DOUBT.finditer(text)]
        if softened
        else []
    )
    admitting = softened and not doubts
    # 1.7.0: words in quotation marks are someone's words, not the writer's feeling ("I said 'calm down'", "she
    # was 'so proud' of me"): held by whoever the scan finds, or by the quoted voice
    quoted = [(offset + m.start(1), offset + m.end(1)) for m in _finditer(_QUOTED, text, gate)]
    starts = [int(t.idx) for t in tokens]
    # per token, (label, kind): a figure of speech, one whose object is the writer, a sign, an emoji
    idioms: dict[int, list[tuple[str, str]]] = {}
    pictures = _PICTURES if _ANY_EMOJI.search(text) else ()  # most sentences have none: one scan, not twelve
    figures = _FIGURES if gate is None else _kept(gate)
    for pattern, label, kind in (*figures, *pictures):
        for match in pattern.finditer(text):
            at = next((i for i, start in enumerate(starts) if start >= offset + match.start()), None)
            if at is not None:
                idioms.setdefault(at, []).append((label, kind))
    mine = {at for at, found in idioms.items() if any(kind == "object" for _, kind in found)}
    inside = {i for at in mine for i in range(at, min(len(tokens), at + 4))}
    held: dict[int, str] = {}  # token index -> holder of the feeling read there
    for k, token in enumerate(tokens):
        voiced = bool(quoted) and any(a <= int(token.idx) < b for a, b in quoted)
        if k in idioms:
            holder, negated, mood = _scan_back(tokens, k, idiom=True)
            holder = held.setdefault(k, _echoed(tokens, k, held) or _continued(tokens, k, held) or holder)
            holder = QUOTED_VOICE if voiced and holder == "writer" else holder
            mood = _mood(tokens, k, mood, hedges)
            # 1.5.0: each figure by its own kind ("they laughed at me": their laughter, the writer's embarrassment)
            for lab, kind in idioms[k]:
                own = "writer" if kind in {"object", "emoji"} else holder
                seen = "seen" if kind in {"sign", "emoji"} and mood == "stated" else mood
                out.append(EmotionWord(lab, int(token.idx), own, negated, seen, ""))
        labels = () if k in inside else _labels(tokens, k)
        if not labels:
            continue
        if token.lower_ in _GLAD and _RELIEF_AFTER.match(text[int(token.idx) - offset + len(token.text) :]):
            labels = ("relief",)  # 1.7.0: "just glad nobody got hurt": gladness that harm did not come
        holder, negated, mood = _scan_back(tokens, k)
        if token.lower_ in CAUSING and token.pos_ == "ADJ" and not _found_so(tokens, k):
            holder = "writer"  # "she is so annoying": the writer's annoyance
        holder = held.setdefault(k, _echoed(tokens, k, held) or _continued(tokens, k, held) or holder)
        holder = QUOTED_VOICE if voiced and holder == "writer" else holder
        mood = _mood(tokens, k, mood, hedges)
        if (
            mood in {"hedged", "hypothetical"}
            and holder == "writer"
            and not negated
            and (admitting or _sized(tokens, k, doubts))
        ):
            mood = (
                "stated" if _admitted(tokens, k) else mood
            )  # 1.7.0: "Maybe I'm a bit jealous": said, softly
        negated = negated and mood != "hedged"  # "not that I don't love him": uncertain, not denied
        if negated and set(labels) <= NEGATIVE and _inexact(tokens, k):
            negated = False  # 1.7.0: "I'm not lonely exactly, I just …": the word softened, not denied
        if negated and any(end <= int(token.idx) for end in disowned):
            negated, mood = False, "stated"  # "dishonest to claim I was not shaken": shaken
        if any(a <= int(token.idx) < b for a, b in spiritless):
            negated = True  # "unable to summon any enthusiasm": no enthusiasm
        for label in labels:
            out.append(EmotionWord(label, int(token.idx), holder, negated, mood, token.lemma_.lower()))
    return out + _reported_praise(tokens, {w.start for w in out})


# 1.14.0 (g2): praise someone else says ("My boss said great work on the report", "The teacher told my son his essay
# was excellent", "Even Marcus, who never says anything nice, said good job"): the head reads the praise as
# admiration, but the admiration is the speaker's, not the writer's (who may be proud, glad or unmoved)
PRAISE_SAYING = SAYING | frozenset({"reply", "comment", "add"})
_PRAISE = re.compile(
    r"\b(?:good|great|nice|excellent|brilliant|amazing|wonderful|beautiful|outstanding|fantastic|superb|"
    r"impressive|perfect|lovely|incredible|awesome|terrific|marvell?ous|splendid|stunning|gorgeous|well done|"
    r"bravo|spot on)\b",
    re.IGNORECASE,
)
_RELATIVE = frozenset({"who", "that", "which", "whom", "whose"})
_THINGS = frozenset({"anything", "something", "nothing", "everything", "it", "this", "that", "what"})


def _speaker(tokens: Sequence[Any], j: int) -> str | None:
    """The person who says the verb at ``j``: the nearest person before it in the sentence, over a relative
    clause ("Marcus, who never says anything nice, said"); ``None`` for the writer or where no person is found."""
    for i in range(j - 1, -1, -1):
        t = tokens[i]
        if t.text in ENDS:
            return None
        if t.pos_ not in NOMINAL_POS or t.tag_ == "PRP$" or t.lower_ in _RELATIVE or t.lower_ in _THINGS:
            continue
        if t.lower_ in FIRST_PERSON:
            return None
        holder = _holder(tokens, i)
        if holder != "writer":
            return holder
    return None


def _reported_praise(tokens: Sequence[Any], taken: set[int]) -> list[EmotionWord]:
    """1.14.0: praise words after another person's say-verb are that person's admiration (see above), up to the
    end of the reported words: a sentence end, "but", ";", or the writer speaking again (", I", "and I")."""
    out: list[EmotionWord] = []
    for j, verb in enumerate(tokens):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in PRAISE_SAYING:
            continue
        if any(t.lower_ in NEGATORS for t in tokens[max(0, j - 3) : j]):
            continue  # "never says anything nice", "didn't say it was good"
        speaker = _speaker(tokens, j)
        if speaker is None:
            continue
        for k in range(j + 1, len(tokens)):
            t = tokens[k]
            if t.text in ENDS or t.lower_ in {"but", ";"}:
                break
            if t.lower_ in {"i", "we"} and k > j + 1 and tokens[k - 1].lower_ in {",", "and", "so"}:
                break
            if k - 1 > j and tokens[k - 1].lower_ in NEGATORS:
                continue  # "said it was not good"
            if int(t.idx) not in taken and _PRAISE.fullmatch(t.lower_):
                out.append(EmotionWord("admiration", int(t.idx), speaker, False, "stated", ""))
                break
            if t.lower_ == "well" and k + 1 < len(tokens) and tokens[k + 1].lower_ == "done":
                out.append(EmotionWord("admiration", int(t.idx), speaker, False, "stated", ""))
                break
        quoted = _quoted_before(tokens, j)  # review r21: '"Great work," my boss said.'
        if quoted is not None:
            out += _praise_in(tokens, range(*quoted), speaker, taken)
    return out + _according_praise(tokens, taken)


QUOTES = frozenset({'"', "“", "”", "``", "''"})


def _quoted_before(tokens: Sequence[Any], j: int) -> tuple[int, int] | None:
    """The token range of the words quoted just before the say-verb at ``j`` in its sentence ('"Great work," my
    boss said.'), a sentence end inside the quotation included; ``None`` where nothing is quoted before it."""
    marks: list[int] = []
    for i in range(j - 1, -1, -1):
        t = tokens[i]
        if t.text in QUOTES:
            marks.append(i)
            if len(marks) == 2:
                return marks[1] + 1, marks[0]
        elif t.text in ENDS and not marks:
            return None
    return None


def _praise_in(tokens: Sequence[Any], span: range, speaker: str, taken: set[int]) -> list[EmotionWord]:
    """The first word of praise in ``span`` (not already read, not after a negator), as ``speaker``'s."""
    for k in span:
        t = tokens[k]
        if k > span.start and tokens[k - 1].lower_ in NEGATORS:
            continue
        if int(t.idx) not in taken and (
            _PRAISE.fullmatch(t.lower_)
            or (t.lower_ == "well" and k + 1 < len(tokens) and tokens[k + 1].lower_ == "done")
        ):
            return [EmotionWord("admiration", int(t.idx), speaker, False, "stated", "")]
    return []


def _according_praise(tokens: Sequence[Any], taken: set[int]) -> list[EmotionWord]:
    """Review r21: praise reported with "according to" another person ("According to my boss, it was brilliant
    work.", "It was brilliant work, according to my boss.") is that person's admiration, within the sentence."""
    out: list[EmotionWord] = []
    for i in range(len(tokens) - 1):
        if tokens[i].lower_ != "according" or tokens[i + 1].lower_ != "to":
            continue
        speaker, end_of_name = None, i + 2
        for k in range(i + 2, min(len(tokens), i + 6)):
            t = tokens[k]
            if t.text in ENDS or t.text == ",":
                break
            end_of_name = k + 1
            if t.pos_ in NOMINAL_POS and t.tag_ != "PRP$" and t.lower_ not in FIRST_PERSON:
                holder = _holder(tokens, k)
                speaker = holder if holder != "writer" else None
        if speaker is None:
            continue
        start = i
        while start > 0 and tokens[start - 1].text not in ENDS:
            start -= 1
        stop = end_of_name
        while stop < len(tokens) and tokens[stop].text not in ENDS:
            stop += 1
        words = [k for k in range(start, stop) if not i <= k < end_of_name]
        for k in words:
            found = _praise_in(tokens, range(k, k + 1), speaker, taken)
            if found:
                out += found
                break
    return out


# 1.7.0: a feeling admitted softly ("Maybe I'm a little jealous", "Perhaps I am feeling hopeful", "Might be a
# bit homesick?", "I think I'm in love"): the writer names a present feeling and softens the saying of it. Not
# where the sentence doubts the feeling ("I'm not sure I'm angry", "perhaps I'm angry, I can't tell", "maybe,
# maybe not"), nor a past, future or conditional one ("Maybe I was nervous about nothing", "I might be angry if
# he calls"): those stay hedged or hypothetical.
_SOFTENER = re.compile(r"\b(?:maybe|perhaps|possibly|probably|might|may|i think|i guess|i suppose)\b", re.I)
_DOUBT = re.compile(
    r"\b(?:not (?:sure|certain)|unsure|(?:do|did)(?:n'?t| not) know|dunno|no idea|can'?t tell|cannot tell"
    r"|who knows|maybe not|or not|wonder\w*|i doubt|not that|(?:do|did)(?:n'?t| not) think|if|unless|whether"
    r"|tomorrow|next|later|soon|one day|someday)\b",
    re.I,
)
# 1.10.0: a doubt that leaves the feeling there and questions only its size, said after a feeling whose amount
# the writer already played down ("Perhaps I'm a bit lonely, I don't know", "Kinda maybe homesick, not sure yet"):
# the writer names a small feeling and is unsure how much of it there is. "Perhaps I'm angry, I can't tell" (no
# amount: whether there is any anger at all is what is doubted), "maybe I'm a bit sad, maybe not", "who knows",
# "if", past and future feelings stay hedged.
_SIZE_DOUBT = re.compile(
    r"not (?:sure|certain)|unsure|do(?:n'?t| not) know|dunno|no idea|can'?t tell|cannot tell", re.I
)
_SMALL_AMOUNT = frozenset(
    {"bit", "little", "kinda", "sorta", "slightly", "somewhat", "tad", "touch", "wee", "mildly", "smidge"}
)


def _sized(tokens: Sequence[Any], k: int, doubts: Sequence[tuple[int, bool]]) -> bool:
    """1.10.0: the feeling at ``k`` has a small amount said before it and every doubt of the sentence comes
    after it and questions only its size."""
    if not doubts or not all(size and at > int(tokens[k].idx) for at, size in doubts):
        return False
    before = [t.lower_ for t in tokens[max(0, k - 3) : k]]
    small = any(w in _SMALL_AMOUNT for w in before)
    small = small or any(a in {"kind", "sort"} and b == "of" for a, b in pairwise(before))
    return small and _admitted(tokens, k)


_NOT_NOW = frozenset(
    {
        "was",
        "were",
        "would",
        "will",
        "'ll",
        "'d",
        "could",
        "should",
        "wo",
        "did",
        "had",
        "been",
        "used",
        "gonna",
    }
)


def _admitted(tokens: Sequence[Any], k: int) -> bool:
    """The softened feeling at ``k`` is the writer's now: its clause has no past, future or conditional verb,
    and the sentence asks no yes/no question of it."""
    start = k
    while start > 0 and tokens[start - 1].text not in ENDS and tokens[start - 1].lower_ not in CLAUSE_BREAKS:
        start -= 1
    clause = tokens[start:k]
    if any(t.lower_ in _NOT_NOW or t.tag_ in {"VBD"} for t in clause) or tokens[k].tag_ == "VBD":
        return False
    for j, t in enumerate(clause):  # "might", "may" only as "might be" ("I might cry" is still to come)
        if t.lower_ in {"might", "may"} and not (
            j + 1 < len(clause) and clause[j + 1].lemma_.lower() == "be"
        ):
            return False
    return not _yes_no_question(tokens, k)


QUOTED_VOICE = (
    "someone quoted"  # 1.7.0: the holder of a feeling word inside quotation marks, when no one is named
)
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))['\u2018\"\u201c]([^'\u2019\"\u201d]{1,60})['\u2019\"\u201d](?=\W|$)")


_GLAD = frozenset({"glad", "happy", "thankful", "grateful", "pleased"})
_RELIEF_AFTER = re.compile(
    r"\s+(?:that\s+)?(?:nobody|no one|no-one|none of us|nothing (?:bad|worse|broke|happened)|it'?s (?:all )?over"
    r"|that'?s (?:all )?over|it'?s (?:all )?done|that'?s done|we (?:all )?got out|everyone(?:'s| is| was) (?:ok|okay|safe"
    r"|fine|alright|all right)|it wasn'?t (?:worse|serious))",
    re.IGNORECASE,
)


def _inexact(tokens: Sequence[Any], k: int) -> bool:
    """1.7.0: "not lonely exactly", "not angry as such": the writer says the word is not quite right."""
    after = [t.lower_ for t in tokens[k + 1 : k + 3]]
    return after[:1] == ["exactly"] or after == ["as", "such"]


def _continued(tokens: Sequence[Any], k: int, held: Mapping[int, str]) -> str | None:
    """1.7.0: a participle clause after a comma goes on with the last feeling's holder ("the manager was raging,
    spitting feathers", "Mum was proud, crying, telling everyone"): it has no subject of its own."""
    # 1.9.0: or a verb joined by "and" with no subject of its own ("the singer was gutted and cried", "Mum was
    # furious and stormed out"): the same person does it
    joined = k >= 2 and tokens[k - 1].lower_ in {"and", "then"} and tokens[k].tag_ in {"VBD", "VBZ", "VBG"}
    if k < 2 or not (joined or (tokens[k].tag_ == "VBG" and tokens[k - 1].text == ",")):
        return None
    before = [j for j in held if j < k - 1]
    if not before or held[max(before)] == "writer":
        return None
    j = max(before)
    if any(t.lower_ in {"i", "we", "i'm", "im"} for t in tokens[j + 1 : k]):
        return None  # "she was furious, I was shaking": the writer's clause ("at me" is no subject)
    return held[j]


def _echoed(tokens: Sequence[Any], k: int, held: Mapping[int, str]) -> str | None:
    """1.6.0: the holder of a verb said again for emphasis ("Dad cried at the wedding, actually cried"): the
    repeat has no subject of its own (only adverbs or adjectives between it and the comma before it), so it is
    the first mention's feeling, not the writer's."""
    if tokens[k].pos_ != "VERB":
        return None
    i = k - 1
    while i >= 0 and k - i <= 3 and tokens[i].pos_ in {"ADV", "ADJ"}:
        i -= 1
    if i < 1 or tokens[i].text != "," or i == k - 1:
        return None
    lemma = tokens[k].lemma_.lower()
    first = next((j for j in range(i) if tokens[j].lemma_.lower() == lemma and j in held), None)
    return None if first is None else held[first]


_DEGREE = frozenset({"a", "bit", "little", "kind", "sort", "of", "so", "too", "very", ",", "lot"})


def _found_so(tokens: Sequence[Any], k: int) -> bool:
    """'the kids found it scary', 'she thinks it's embarrassing': someone else's judgement of a thing."""
    for t in reversed(tokens[max(0, k - 5) : k]):
        if t.lower_ in CLAUSE_BREAKS or t.text in ENDS:
            return False
        if t.lemma_.lower() in OBJECT_COMPLEMENT:
            return True
    return False


def _mood(tokens: Sequence[Any], k: int, mood: str, hedges: list[int]) -> str:
    if mood == "stated" and (_yes_no_question(tokens, k) or _after_hedge(tokens, k, hedges)):
        return "hedged"
    if mood == "stated" and _in_if_clause(tokens, k):
        return "hypothetical"
    return mood


def _labels(tokens: Sequence[Any], k: int) -> tuple[str, ...]:
    token = tokens[k]
    lower, lemma = token.lower_, token.lemma_.lower()
    if token.pos_ in {"ADJ", "ADV", "NOUN", "PRON"} and lower in FEEL_LEXICON:
        for j in range(k - 1, max(-1, k - 5), -1):
            if tokens[j].lemma_.lower() == "feel":
                return (FEEL_LEXICON[lower],)
            if (
                tokens[j].pos_ not in {"ADV", "PART", "AUX", "ADJ", "CCONJ"}
                and tokens[j].lower_ not in _DEGREE
            ):
                break  # 1.5.0: "feel safe in this flat" names no flatness
        return ()
    if lemma == "miss" and token.pos_ == "VERB":
        if _missed_someone(tokens, k):
            return ("sadness",)
        # "I don't miss the city at all": a longing denied, whatever is (not) missed; not "didn't miss the bus"
        present = token.tag_ in {"VB", "VBP", "VBZ"} and "did" not in {
            t.lower_ for t in tokens[max(0, k - 3) : k]
        }
        return ("sadness",) if present and _negated_near(tokens, k) else ()
    labels = LABELS_OF.get(lower) or LABELS_OF.get(lemma) or ()
    if not labels and lower in {"funny", "amusing"}:
        # 1.12.0: "funny" is amusement only as a judgement ("found it funny", "didn't find the joke funny");
        # not "a funny smell", nor "funny how he never calls" (odd)
        following = tokens[k + 1].lower_ if k + 1 < len(tokens) else ""
        return ("amusement",) if following not in _ODD_AFTER and _judged_by(tokens, k) is not None else ()
    if not labels and token.pos_ == "VERB":
        labels = VERB_LEXICON.get(lemma, ())
    if not labels and _bare_participle(tokens, k):
        return _participle_labels(lower)  # 1.9.0: "I am vex", "I was so shock": the participle's -ed dropped
    if not labels:
        return ()
    if lemma in {"thank", "thanks"} or lower in {"thank", "thanks"}:
        following = tokens[k + 1].lower_ if k + 1 < len(tokens) else ""
        return () if following == "to" else labels  # "thanks to the rain" is a cause, not gratitude
    # 1.7.0: a feeling word opening a verbless line, which the tagger calls an adverb ("Proud I got the kid out")
    opening = k == 0 and token.pos_ == "ADV" and lower not in NAMES_TOO and len(tokens) > 1
    if (
        token.pos_ not in {"ADJ", "NOUN", "VERB"}
        and not (token.pos_ == "PROPN" and _not_a_name(tokens, k))
        and not opening
    ):
        return ()  # shouted words are tagged as names: "I'M SO ANGRY"; so is a word alone: "Chuffed, I suppose."
    if lower == "sorry" and _sympathy(tokens, k):
        return ()
    # 1.9.0: "sorry to see the old clock go", "sorry to leave": a parting, not remorse
    if lower == "sorry" and _parting(tokens, k):
        return ("sadness",)
    if lower in {"content", "cross"} and token.pos_ != "ADJ":  # not "cross the road", "the content"
        return ()
    if lower in {"pumped", "hyped"} and token.pos_ != "ADJ" and token.tag_ != "VBN":
        return ()  # 1.5.0: "pumped up the tyres" is no excitement
    if lower in {"overwhelming", "alarming", "unsettled"} and _attributive(tokens, k):
        return ()  # 1.5.0: "an overwhelming majority", "unsettled weather": degree, not a feeling
    if lemma == "cross" and lower != "cross":
        return ()  # 1.5.0: "fingers crossed", "crossing the road": not cross as angry
    if lower == "bitter" and k + 1 < len(tokens) and tokens[k + 1].pos_ == "NOUN":
        return ()  # "a bitter wind", "bitter coffee"
    if _modifier(tokens, k):
        return ()  # 1.9.0: "the relief man", "anger management", "my love life": a kind of thing, no feeling
    if lower == "hurt" and not (token.pos_ == "ADJ" or token.tag_ == "VBN"):
        return ()  # "I'm hurt", "feeling hurt"; not "it hurt my back"
    if (
        lower == "mad"
        and k > 0
        and tokens[k - 1].lower_ in {"go", "went", "gone", "drive", "drives", "driving"}
    ):
        return ()
    return labels


# 1.9.0: softeners and asides of chat English that the tagger may take for a name when they open a line
SOFTENING_WORDS = frozenset({"kinda", "sorta", "kindof", "sortof", "lowkey", "ngl", "tbh", "defo"})
# Lexicon words that are also given names: at the start of a sentence they stay names ("Joy rang me at noon").
NAMES_TOO = frozenset(
    {"joy", "hope", "grace", "faith", "mercy", "patience", "content", "pride", "love", "mad"}
)


def _not_a_name(tokens: Sequence[Any], k: int) -> bool:
    """A lexicon word the tagger took for a name: shouted ("ANGRY"), or alone at the start before a comma or
    full stop ("Chuffed, I suppose.", "Gutted.")."""
    token = tokens[k]
    if token.text.isupper():
        return True
    if k == 0 and token.lower_ in LABELS_OF and token.lower_ not in NAMES_TOO:
        return True  # 1.4.0: "Glad he's moving out": an adjective opening a sentence, not a name
    # 1.9.0: a name is written with a capital ("jist worried aboot him" took "worried" for one)
    if token.text.islower() and token.lower_ not in NAMES_TOO:
        return True
    return k == 0 and (k + 1 == len(tokens) or tokens[k + 1].text in {",", ".", "!", "...", ";", "-", "—"})


def _sympathy(tokens: Sequence[Any], k: int) -> bool:
    """'sorry for your loss', 'sorry to hear', 'sorry it happened to you': sympathy, not remorse."""
    after = [t.lower_ for t in tokens[k + 1 : k + 6]]
    if after[:2] == ["to", "hear"]:
        return True
    if after and after[0] in {"for", "about"} and len(after) > 1:
        return after[1] in {"your", "his", "her", "their", "you", "him", "them", "the"}
    return "you" in after or "your" in after


def _participle_labels(lower: str) -> tuple[str, ...]:
    """The labels of the -ed participle of a bare stem ("vex" → "vexed", "scare" → "scared", "worry" → "worried")."""
    forms = (lower + "d", lower + "ed", lower[:-1] + "ied" if lower.endswith("y") else "")
    return next((LABELS_OF[form] for form in forms if form in LABELS_OF), ())


def _bare_participle(tokens: Sequence[Any], k: int) -> bool:
    """1.9.0: the copula and a feeling's bare stem, the -ed dropped as many Englishes drop it ("I am vex with my
    landlord", "we were so shock", "I'm worry for him"); only with "I" or "we" before the copula, since the stem
    alone is a noun or verb ("the worry is", "a shock to us")."""
    token = tokens[k]
    if (
        token.pos_ not in {"ADJ", "VERB", "NOUN"}
        or token.tag_ in {"VBD", "VBN", "VBG"}
        or not token.text.islower()
    ):
        return False
    i = k - 1
    while i >= 0 and tokens[i].lower_ in _DEGREE | {"really", "proper", "well", "real", "bare"}:
        i -= 1
    if i < 1 or tokens[i].lemma_.lower() != "be" or tokens[i - 1].lower_ not in {"i", "we"}:
        return False
    return bool(_participle_labels(token.lower_))


# nouns after a feeling noun that say the feeling is had ("an anxiety attack", "my anger issues", "a guilt trip")
FELT_AS = frozenset(
    {"attack", "issue", "problem", "spiral", "fit", "bout", "episode", "wave", "rush", "surge"}
) | {
    "trip",
    "pang",
    "twinge",
    "tear",
    "level",
}


def _modifier(tokens: Sequence[Any], k: int) -> bool:
    """1.9.0: a feeling noun naming a kind of the noun after it ("the relief driver", "a fear factor", "anger
    management", "my love life"), not a feeling felt ("a relief today", "relief all round", "such joy")."""
    if tokens[k].pos_ != "NOUN" or k + 1 >= len(tokens):
        return False
    after = tokens[k + 1]
    return (
        after.pos_ == "NOUN"
        and after.lower_ not in TIME_WORDS
        and after.lemma_.lower() not in LABELS_OF
        and after.lemma_.lower() not in FELT_AS
        and (k == 0 or tokens[k - 1].pos_ in {"DET", "ADJ"} or tokens[k - 1].tag_ == "PRP$")
    )


def _parting(tokens: Sequence[Any], k: int) -> bool:
    """1.9.0: 'sorry to see X go', 'sorry to leave', 'sorry to say goodbye', 'sorry to lose': sad at a parting."""
    after = [t.lower_ for t in tokens[k + 1 : k + 9]]
    if after[:1] != ["to"] or len(after) < 2:
        return False
    verb = after[1]
    if verb in {"leave", "lose", "part"} or after[1:3] == ["say", "goodbye"]:
        return True
    return verb == "see" and any(w in {"go", "leave", "goes", "gone"} for w in after[2:])


# 1.9.0: what one misses by name after "the old" ("missing the old flat"): a place or a time of life
OLD_PLACES = frozenset(
    {"house", "flat", "place", "days", "life", "town", "city", "village", "neighbourhood"}
) | {
    "school",
    "job",
    "team",
    "crowd",
    "gang",
    "routine",
    "street",
    "home",
}


def _missed_someone(tokens: Sequence[Any], k: int) -> bool:
    """'I miss her', 'missing my grandmother', 'I miss being …' (not 'I missed the bus')."""
    if k + 1 >= len(tokens):
        return False
    after = tokens[k + 1]
    if after.tag_ == "VBG" or (
        after.pos_ in {"PRON", "PROPN"} and after.lower_ not in {"it", "this", "that"}
    ):
        return after.lower_ not in {"out"}
    # 1.9.0: "I miss home", "missing the old flat" (not "missed the bus")
    if after.lower_ == "home" or (
        after.lower_ in {"the", "my", "our"}
        and k + 3 < len(tokens)
        and tokens[k + 2].lower_ == "old"
        and tokens[k + 3].lower_ in OLD_PLACES
    ):
        return True
    if after.tag_ == "PRP$" and k + 2 < len(tokens):
        nxt = tokens[k + 2]
        return nxt.lower_ in ROLE_OF_WORD or nxt.lemma_.lower() in ROLE_OF_WORD or nxt.pos_ == "PROPN"
    return False


def _scan_back(tokens: Sequence[Any], k: int, *, idiom: bool = False) -> tuple[str, bool, str]:
    """(holder, negated, mood) of the emotion word (or the first word of a figure of speech) at ``k``."""
    word = tokens[k]
    before = tokens[k - 1] if k > 0 else None
    if not idiom and word.pos_ == "NOUN" and before is not None and before.tag_ == "PRP$":  # "her anger"
        return ("writer" if before.lower_ in FIRST_PERSON else before.text), False, "stated"
    if not idiom and _attributive(tokens, k):
        # 1.7.0: before a person it is that person's ("I calmed an angry customer"); else "a happy day", "not a happy day"
        person = _holder(tokens, k + 1)
        return person if person != "writer" else "writer", _negated_near(tokens, k), "stated"
    judged = None if idiom else _judged_by(tokens, k)
    if judged is not None:  # 1.12.0: "didn't find his joke funny": the judge's feeling, denied with the verb
        holder, negated = _judge(tokens, judged)
        return holder, negated, "stated"
    # "how angry he was", "it scared me"
    inverted = None if idiom else _inverted_holder(tokens, k) or _experiencer_object(tokens, k)
    negated = False
    comparative = word.tag_ in {"JJR", "RBR"}
    degree = before is not None and before.lower_ in {"this", "so", "that", "as"} and _never_been(tokens, k)
    mood = "stated"
    coordinated = False
    i = k - 1
    quantity = _negated_quantity(tokens, k)
    if quantity is not None:  # "not one ounce of guilt", "without a shred of regret"
        negated, i = True, quantity - 1
    elif k > 0 and tokens[k - 1].lower_ == "in" and word.lemma_.lower() == "love":
        i = k - 2  # "not in love with him": "in" belongs to the feeling
    elif (
        not idiom and word.pos_ == "NOUN" and k > 0 and tokens[k - 1].lower_ in {"with", "of", "for", "from"}
    ):
        subject = _clause_subject(tokens, k - 1)  # "the kids were bouncing with excitement": the kids'
        if subject is not None:
            i = k - 2
            inverted = None
            holder = _holder(tokens, subject)
            if holder != "writer":
                return holder, False, mood
    while i >= 0:
        t = tokens[i]
        lower, lemma = t.lower_, t.lemma_.lower()
        if lower == "no" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "longer":
            pass  # counted at "longer"
        elif lower in {"bit", "tad"} and i > 0 and tokens[i - 1].lower_ in {"a", "little", "wee"}:
            pass  # "wasn't even a little bit homesick": a degree, not a holder
        elif lower in NEGATORS or lemma in NEGATORS:
            # "couldn't be happier", "never been this sad": intensifiers, not denials; "not not happy": two cancel
            negated = (not negated) and not (comparative or degree)
        elif lower == "longer" and i > 0 and tokens[i - 1].lower_ == "no":
            negated = not negated
        elif (
            lower in NEGATING_HOLDERS
            or lemma in NEGATING_HOLDERS
            or (lower == "one" and i > 0 and tokens[i - 1].lower_ == "no")
        ):
            return inverted or "nobody", True, mood  # "nobody thanked me", "no one", "nothing scares me"
        elif i == 0 and t.pos_ == "PROPN" and _labels(tokens, 0):
            break  # "Glad he's leaving and dreading …": a feeling word opening the sentence is no holder
        elif inverted is None and (antecedent := _antecedent(tokens, i)) is not None:
            # 1.16.0 (r39): the feeling of a relative clause is its antecedent's ("a man who was terrified of the
            # dark", "a girl who is grieving"); "I, who was terrified" stays the writer's
            holder = _holder(tokens, antecedent)
            if holder == "writer" and tokens[antecedent].lower_ not in FIRST_PERSON:
                holder = _noun_phrase(tokens, antecedent)
            return holder, negated, mood
        elif t.pos_ in NOMINAL_POS and t.tag_ != "PRP$":
            head = _before_prepositional_phrase(tokens, i)
            if head is not None:  # "everyone at work seemed happy": the holder is before "at work"
                i = head
                continue
            if inverted is not None:
                return inverted, negated, mood
            owner = _owner_of_thing(tokens, i)
            if owner is not None:  # "the lady next door was upset", "the kids found it hilarious"
                i = owner
            if (
                coordinated
            ):  # "I texted him and was furious": "him" is the object; the subject leads the clause
                subject = _clause_subject(tokens, i)
                i = i if subject is None else subject
            holder = "writer" if _with_the_writer(tokens, i) else _holder(tokens, i)
            if holder == "writer" and (_sentient_subject(tokens, i, k) or _verb_subject(tokens, i, k)):
                holder = _noun_phrase(tokens, i)  # 1.7.0: "the registrar was furious": the registrar's
            negated = negated or _negated_causer(tokens, i)
            if (
                holder == "writer"
                and mood == "stated"
                and (_appearance_between(tokens, i, k) or _reported_by_another(tokens, i))
            ):
                mood = "seen"  # "I seemed anxious", "my therapist thinks I'm depressed"
            return holder, negated or _inverted_negation(tokens, i), mood
        elif lemma in {"mean", "expect"} and i + 1 < len(tokens) and tokens[i + 1].lower_ == "to":
            mood = "expected" if mood == "stated" else mood  # 1.5.0: "I was meant to be happy": owed
        elif t.pos_ in SKIP_POS or lemma in LINKING or t.tag_ == "PRP$" or t.text in QUOTES:
            # 1.7.0: a quote mark is no boundary ("she was 'so proud' of me": hers)
            if mood == "stated":
                if lemma in EXPECTING or lower in EXPECTING:
                    mood = "expected"
                elif (
                    (lemma in MODALS or lower in {"'d", "'ll"})
                    and word.lemma_.lower() not in WISHING
                    and not comparative  # "couldn't be happier" is said, not supposed
                ):
                    mood = "hypothetical"  # not "I'd love a week off": a wish, read as love in GoEmotions
        elif lower in {"and", "or", "nor"} or t.pos_ == "ADJ":
            coordinated = coordinated or t.pos_ != "ADJ"  # "Mum was tired and angry": one subject
        elif coordinated and t.pos_ == "VERB":
            subject = _clause_subject(tokens, i)  # "Mum called and was furious": the clause's subject
            return (_holder(tokens, subject) if subject is not None else "writer"), negated, mood
        else:
            break
        i -= 1
    if inverted is not None:
        return inverted, negated, mood
    return "writer", negated, mood


QUANTITIES = frozenset(
    {"ounce", "shred", "bit", "scrap", "trace", "hint", "flicker", "grain", "iota", "drop", "speck", "pang"}
    | {"twinge", "sign", "jot", "morsel", "sliver", "moment", "second"}
)


QUOTES = frozenset({"'", '"', "\u2018", "\u2019", "\u201c", "\u201d", "`", "``", "''"})
# Nouns that are not someone: a feeling said of them is the writer's or a figure ("the day was sad").
NOT_SOMEONE = frozenset(
    {
        "day",
        "week",
        "weekend",
        "month",
        "year",
        "night",
        "news",
        "weather",
        "result",
        "results",
        "thing",
        "things",
    }
    | {"situation", "place", "house", "room", "atmosphere", "mood", "music", "song", "film", "movie", "book"}
    | {
        "story",
        "ending",
        "end",
        "start",
        "meeting",
        "trip",
        "holiday",
        "party",
        "life",
        "world",
        "sky",
        "food",
    }
    | {"heart", "head", "mind", "soul", "body", "stomach", "gut", "chest", "face", "voice", "hands", "eyes"}
    | {
        "part",
        "bit",
        "side",
        "self",
        "whole",
        "everything",
        "something",
        "anything",
        "nothing",
        "lot",
        "rest",
    }
)
# A feeling word whose subject must be someone who feels it: a participle or adjective of feeling, not one that
# names what a thing causes ("annoying", "scary": CAUSING).
_SUBJECT_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "his", "her", "their", "your", "our", "one"}
)


def _sentient_subject(tokens: Sequence[Any], i: int, k: int) -> bool:
    """1.7.0: the noun at ``i`` is the subject of the feeling at ``k`` said of it with a copula ("The registrar
    was furious", "the intern was terrified"): only someone can be furious, so the noun names a person even when
    no list holds it. Not the writer's own ("my boss" is a role word already; "my heart was heavy" is the
    writer's), not a thing ("the day was sad"), not a word naming what a thing causes ("the wait was scary")."""
    noun, word = tokens[i], tokens[k]
    if noun.pos_ != "NOUN" or noun.lower_ in NOT_SOMEONE or noun.lemma_.lower() in NOT_SOMEONE:
        return False
    if noun.lower_ in TIME_WORDS or word.lower_ in CAUSING or word.lower_.endswith("ing"):
        return False
    if not (word.pos_ == "ADJ" or word.tag_ == "VBN"):
        return False
    between = tokens[i + 1 : k]
    if not between or not any(
        t.lemma_.lower() in {"be", "feel", "get", "become", "seem", "look"} for t in between
    ):
        return False
    if not all(t.pos_ in {"AUX", "ADV", "PART", "VERB"} or t.text in QUOTES for t in between):
        return False
    j = i - 1
    while j >= 0 and tokens[j].pos_ in {"NOUN", "ADJ"}:
        j -= 1  # "the head keeper", "the new intern"
    return j < 0 or tokens[j].lower_ in _SUBJECT_DETERMINERS or tokens[j].text in ENDS | {",", ";"}


# 1.17.0 (r60): verbs that show a feeling by doing it (laughter, tears, a smile), held by whoever does them
FEELING_VERBS = frozenset(
    {"laugh", "giggle", "chuckle", "snigger", "cackle", "smile", "grin", "beam", "cry", "sob", "weep", "bawl"}
)


def _verb_subject(tokens: Sequence[Any], i: int, k: int) -> bool:
    """1.17.0 (r60): the noun at ``i`` is the grammatical subject of the feeling verb at ``k`` ("the whole class was
    laughing", "the crowd cried"): a feeling verb's holder is its subject, and a subject that is not the writer's
    own thing ("my face was smiling") is someone else, though no list names it a person. On a parsed sentence the
    parse says so (``nsubj`` of the verb); on a flat one, only auxiliaries, adverbs and particles stand between."""
    noun, word = tokens[i], tokens[k]
    if word.pos_ != "VERB" or word.lemma_.lower() not in FEELING_VERBS or noun.pos_ != "NOUN" or i >= k:
        return False
    if noun.lower_ in NOT_SOMEONE or noun.lemma_.lower() in NOT_SOMEONE or noun.lower_ in TIME_WORDS:
        return False
    if not all(t.pos_ in {"AUX", "ADV", "PART"} for t in tokens[i + 1 : k]):
        return False
    if noun.dep_ not in {"dep", ""} and not (noun.dep_ == "nsubj" and noun.head.i == word.i):
        return False
    j = i - 1
    while j >= 0 and tokens[j].pos_ in {"NOUN", "ADJ"}:
        j -= 1  # "the whole class", "the new intern"
    return j < 0 or tokens[j].lower_ not in FIRST_PERSON


def _noun_phrase(tokens: Sequence[Any], i: int) -> str:
    j = i
    while j > 0 and tokens[j - 1].pos_ in {"NOUN", "ADJ", "DET"} | (
        {"PRON"} if tokens[j - 1].tag_ == "PRP$" else set()
    ):
        j -= 1
    return " ".join(t.text for t in tokens[j : i + 1])


def _negated_quantity(tokens: Sequence[Any], k: int) -> int | None:
    """'not one ounce of guilt', 'without a shred of regret', 'no hint of fear': the index of the negator."""
    if k < 3 or tokens[k - 1].lower_ != "of" or tokens[k - 2].lower_ not in QUANTITIES:
        return None
    j = k - 3
    if tokens[j].lower_ in {"a", "an", "one", "single", "the", "any", "even", "slightest", "smallest"}:
        j -= 1
    if j >= 0 and tokens[j].lower_ in {"single", "one", "a", "even"}:
        j -= 1
    if j >= 0 and (tokens[j].lower_ in NEGATORS | {"zero"} or tokens[j].lemma_.lower() in NEGATORS):
        return j
    return None


def _negated_causer(tokens: Sequence[Any], i: int) -> bool:
    """The writer as the object of a causer that is negated: 'it didn't even make me smile', 'never made me
    happy' (the scan stops at 'me'; the negation stands before 'make')."""
    if i < 1 or tokens[i - 1].lemma_.lower() not in {"make", "let", "get"}:
        return False
    for t in reversed(tokens[max(0, i - 5) : i - 1]):
        if t.lower_ in CLAUSE_BREAKS or t.text in ENDS:
            return False
        if t.lower_ in NEGATORS or t.lemma_.lower() in NEGATORS:
            return True
    return False


def _never_been(tokens: Sequence[Any], k: int) -> bool:
    window = [t.lower_ for t in tokens[max(0, k - 5) : k]]
    return "never" in window and ("been" in window or "felt" in window)


def _with_the_writer(tokens: Sequence[Any], i: int) -> bool:
    """A subject that names the writer beside others ("me and my friend laughed"): the writer shares it."""
    j = i
    seen_and = False
    while j >= 0 and (tokens[j].pos_ in {"NOUN", "PROPN", "PRON", "DET"} or tokens[j].lower_ in {"and", "&"}):
        if tokens[j].lower_ in {"and", "&"}:
            seen_and = True
        elif seen_and and tokens[j].lower_ in {"i", "me", "we", "us"}:
            return True
        j -= 1
    return False


OBJECT_COMPLEMENT = frozenset({"find", "think", "consider", "call"})
# 1.12.0: a judgement of a thing is the judge's feeling: "I didn't find the joke funny", "Did not find his rant
# hilarious at all", "I thought the sketch was hilarious" (the verb's subject holds it, its negation denies it)
JUDGING = frozenset({"find", "think", "consider"})
_JUDGED = frozenset({"it", "that", "this", "them", "him", "her", "the", "a", "an", "his", "their", "its"})
_SUBJECTS = frozenset({"i", "we", "he", "she", "they", "you", "everyone", "everybody", "someone", "nobody"})
_ODD_AFTER = frozenset({"how", "that", "when", "what", "why", "because"})


def _judged_by(tokens: Sequence[Any], k: int) -> int | None:
    """1.12.0: for a feeling adjective at ``k`` that completes "find / think / consider + object (+ be)", the
    index of that verb ("didn't find his joke funny", "thought it was hilarious"); None otherwise. The object
    is at most four words of a noun phrase ("the punter's tantrum")."""
    if tokens[k].pos_ != "ADJ":
        return None
    j, seen = k - 1, 0
    if j >= 0 and tokens[j].lemma_.lower() == "be":
        j -= 1
    while j >= 0 and seen < 5:
        t = tokens[j]
        if t.pos_ == "VERB" and t.lemma_.lower() in JUDGING:
            return j if seen else None  # an object must stand between: not "I think funny"
        if not (t.pos_ in {"DET", "NOUN", "PROPN", "PRON", "ADJ", "PART"} or t.lower_ in _JUDGED):
            return None
        if t.lower_ in _SUBJECTS:
            return None  # a clause of its own: "I think she is funny" (a person's wit, or odd), not read
        j, seen = j - 1, seen + 1
    return None


def _judge(tokens: Sequence[Any], j: int) -> tuple[str, bool]:
    """(holder, negated) of the judging verb at ``j``: its clause's subject (the writer when left out:
    "Didn't find it funny") and a negator among the words just before it ("didn't", "did not", "never")."""
    negated = False
    i = j - 1
    while i >= 0 and (tokens[i].pos_ in {"AUX", "PART", "ADV"} or tokens[i].lower_ in NEGATORS):
        if tokens[i].lower_ in NEGATORS or tokens[i].lemma_.lower() in NEGATORS:
            negated = not negated
        i -= 1
    subject = _clause_subject(tokens, j)
    holder = "writer" if subject is None else _holder(tokens, subject)
    return holder, negated


def _owner_of_thing(tokens: Sequence[Any], i: int) -> int | None:
    """For a nominal that names no person, the person whose feeling it is, when the phrase says so: a person
    noun before a post-modifier ("the lady next door", "the man upstairs") or the subject of a verb whose
    object takes the feeling ("the kids found the whole thing hilarious"). None otherwise."""
    t = tokens[i]
    if t.lower_ in FIRST_PERSON or _holder(tokens, i) != "writer":
        return None  # already a person (or the writer)
    j = i - 1
    if t.pos_ == "NOUN":
        while j >= 0 and tokens[j].pos_ in {"ADJ", "ADV"} and j >= i - 2:
            j -= 1
        if j < i - 1 and j >= 0 and tokens[j].pos_ == "NOUN" and _holder(tokens, j) != "writer":
            return j  # "lady [next] door"
        j = i - 1
    while j >= 0 and tokens[j].pos_ in {"DET", "ADJ"}:
        j -= 1
    if j >= 0 and tokens[j].pos_ == "VERB" and tokens[j].lemma_.lower() in OBJECT_COMPLEMENT:
        subject = _clause_subject(tokens, j)
        if (
            subject is not None
            and tokens[subject].lower_ not in FIRST_PERSON
            and _holder(tokens, subject) != "writer"
        ):
            return subject
    return None


def _antecedent(tokens: Sequence[Any], i: int) -> int | None:
    """1.16.0 (r39): for a relative pronoun at ``i`` ("who", "that"), the person it stands for: the nominal before
    it, over a comma and a prepositional phrase ("a man in the film who …"). ``who`` always stands for someone;
    ``that`` only for a word that names a person ("the nurse that …", not "the film that …"). None otherwise."""
    t = tokens[i]
    if not (t.lower_ in {"who", "whom"} and t.tag_ == "WP") and not (t.lower_ == "that" and t.tag_ == "WDT"):
        return None
    j = i - 1
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    if j < 0 or tokens[j].pos_ not in NOMINAL_POS or tokens[j].tag_ == "PRP$":
        return None
    while _thing(tokens[j]):
        head = _before_prepositional_phrase(tokens, j)
        if head is None:
            return None  # "the kind of day that is sad", "the film that made me cry"
        j = head
    if tokens[j].lower_ in FIRST_PERSON:
        return j
    if t.lower_ == "that" and _holder(tokens, j) == "writer":
        return None
    return j


def _thing(token: Any) -> bool:
    return token.lower_ in NOT_SOMEONE or token.lemma_.lower() in NOT_SOMEONE or token.lower_ in TIME_WORDS


def _before_prepositional_phrase(tokens: Sequence[Any], i: int) -> int | None:
    """For a noun inside a prepositional phrase ("at work", "in the office"), the index just before the
    preposition, where the phrase's head may stand; None when the noun is not in one."""
    if tokens[i].pos_ not in {"NOUN", "PROPN"}:
        return None
    j = i - 1
    while j >= 0 and tokens[j].pos_ in {"DET", "ADJ", "NUM"} | (
        {"PRON"} if tokens[j].tag_ == "PRP$" else set()
    ):
        j -= 1
    if j > 0 and tokens[j].pos_ == "ADP" and tokens[j - 1].pos_ in NOMINAL_POS:
        return j - 1
    return None


def _attributive(tokens: Sequence[Any], k: int) -> bool:
    """An adjective before its noun ("a happy day"), not a predicate before a time word ("anxious today")."""
    if tokens[k].pos_ != "ADJ" or k + 1 >= len(tokens) or tokens[k + 1].pos_ != "NOUN":
        return False
    if tokens[k + 1].lower_ in TIME_WORDS:
        return False
    return k == 0 or tokens[k - 1].lemma_.lower() not in LINKING


def _inverted_holder(tokens: Sequence[Any], k: int) -> str | None:
    """'how angry she was', 'so proud he was': the holder follows the feeling after how/so."""
    if k == 0 or tokens[k - 1].lower_ not in {"how", "so"} or k + 2 >= len(tokens):
        return None
    after, verb = tokens[k + 1], tokens[k + 2]
    if after.pos_ in NOMINAL_POS and verb.lemma_.lower() in {"be", "feel", "get"}:
        return _holder(tokens, k + 1)
    return None


def _experiencer_object(tokens: Sequence[Any], k: int) -> str | None:
    """'they humiliated me', 'it annoyed her': an emotion verb in the active voice is felt by its object."""
    word = tokens[k]
    if word.pos_ != "VERB" or word.tag_ == "VBN" or k + 1 >= len(tokens):
        return None
    if word.lemma_.lower() not in VERB_LEXICON and word.lower_ not in VERB_FORMS:
        return None  # "I love", "they mourn", "gutted" (read as a verb in chat): felt by the subject
    after = tokens[k + 1]
    if after.tag_ == "PRP$":
        return _holder(tokens, k + 2) if k + 2 < len(tokens) and tokens[k + 2].pos_ == "NOUN" else None
    if after.pos_ in {"PRON", "PROPN"} or (after.pos_ == "NOUN" and after.lower_ in ROLE_OF_WORD):
        return _holder(tokens, k + 1)
    return None


def _clause_subject(tokens: Sequence[Any], i: int) -> int | None:
    """The first nominal of the clause that holds token ``i`` (after the last comma, semicolon or sentence end)."""
    start = i
    while start > 0 and tokens[start - 1].text not in ENDS | {",", ";", ":"}:
        start -= 1
    for j in range(start, i):
        if j == 0 and tokens[j].pos_ == "PROPN" and _labels(tokens, 0):
            continue  # "Glad the week is over and dreading Monday": a feeling word, not the subject
        if tokens[j].pos_ in NOMINAL_POS and tokens[j].tag_ != "PRP$":
            return j
    return None


def _inverted_negation(tokens: Sequence[Any], i: int) -> bool:
    """'Not once did I feel afraid', 'Never have I been so happy' (negation before an inverted auxiliary)."""
    if i == 0 or tokens[i - 1].pos_ != "AUX":
        return False
    before = [t.lower_ for t in tokens[max(0, i - 4) : i - 1]]
    return (bool(before) and before[0] in {"not", "never", "nowhere"}) or (
        "no" in before[:2] and "point" in before
    )


def _reported_by_another(tokens: Sequence[Any], i: int) -> bool:
    """The writer's feeling as someone else says or thinks it is: 'Mum says I'm angry all the time'."""
    j = i - 1
    if j >= 0 and tokens[j].lower_ == "that":
        j -= 1
    if j < 1 or tokens[j].lemma_.lower() not in SAYING | {"think", "believe", "reckon", "claim", "insist"}:
        return False
    for t in reversed(tokens[:j]):
        if t.pos_ in NOMINAL_POS and t.tag_ != "PRP$":
            return t.lower_ not in FIRST_PERSON
    return False


def _appearance_between(tokens: Sequence[Any], i: int, k: int) -> bool:
    return any(t.lemma_.lower() in APPEARANCE for t in tokens[i + 1 : k])


def _negated_near(tokens: Sequence[Any], k: int) -> bool:
    return any(t.lower_ in NEGATORS for t in tokens[max(0, k - 3) : k])


def _after_hedge(tokens: Sequence[Any], k: int, hedges: list[int]) -> bool:
    """A hedge ends before the word, in the same clause ("maybe I'm angry"; not "maybe, but I'm angry")."""
    start = int(tokens[k].idx)
    for end in hedges:
        if end > start:
            continue
        between = [t for t in tokens if end <= int(t.idx) < start]
        if not any(t.lower_ in CLAUSE_BREAKS or t.text in ENDS for t in between[1:]):
            return True
    return False


def _yes_no_question(tokens: Sequence[Any], k: int) -> bool:
    """'Am I in love with her?', 'Was I happy back then?': the feeling is asked about, not said. The word's
    own piece (between . ! ?) must open with an auxiliary and end with a question mark."""
    start = k
    while start > 0 and tokens[start - 1].text not in ENDS:
        start -= 1
    end = k
    while end < len(tokens) and tokens[end].text not in ENDS:
        end += 1
    if end >= len(tokens) or tokens[end].text != "?":
        return False
    words = [t for t in tokens[start:end] if t.pos_ != "PUNCT"]
    # "Am I …?", "Do I …?"; not "Is it normal to feel this lonely?" (the feeling is granted, its normality asked)
    return len(words) > 1 and words[0].lower_ in QUESTION_OPENERS and words[1].lower_ in FIRST_PERSON


def _in_if_clause(tokens: Sequence[Any], k: int) -> bool:
    """The word sits inside an if/unless clause: after the conjunction, before any comma or 'then'."""
    for i in range(k - 1, -1, -1):
        lower = tokens[i].lower_
        if lower in {",", ";", ":", "then"} or lower in ENDS:
            return False
        if lower in {"if", "unless"}:
            return True
    return False


def _in_law(tokens: Sequence[Any], i: int) -> bool:
    """1.10.0: the token at ``i`` ends a hyphenated "X-in-law" or "in-laws", which the tagger splits up."""
    return (
        tokens[i].lower_ in {"law", "laws"}
        and i >= 2
        and tokens[i - 1].text == "-"
        and tokens[i - 2].lower_ == "in"
    )


def _holder(tokens: Sequence[Any], i: int) -> str:
    """The holder named by the nominal at ``i``: "writer" for the first person and for words that are not
    people ("it", "the day"); else the words, with a possessive before them ("my mother")."""
    t = tokens[i]
    lower = t.lower_
    if lower in FIRST_PERSON:
        return "writer"
    if _in_law(tokens, i):
        # 1.10.0: "my mother-in-law was thrilled": the kin word before "-in-law" names the person; "the in-laws"
        if i >= 4 and tokens[i - 3].text == "-":
            kin_word = _holder(tokens, i - 4)
            return (
                kin_word + "-" + "".join(tok.text for tok in tokens[i - 2 : i + 1])
                if kin_word != "writer"
                else "writer"
            )
        if i >= 3 and tokens[i - 3].lower_ in {"the", "my", "our", "his", "her", "their", "your"}:
            return " ".join([tokens[i - 3].text, "".join(tok.text for tok in tokens[i - 2 : i + 1])])
    person = (
        (
            t.pos_ == "PROPN"
            and t.text[:1].isupper()
            and not (len(t.text) > 1 and t.text.isupper())
            # 1.7.0: "Mildly pleased with myself": an opening adverb taken for a name, right before the feeling
            and not (
                i == 0
                and lower.endswith("ly")
                and len(lower) > 5
                and len(tokens) > 1
                and tokens[1].pos_ == "ADJ"
            )
            # 1.9.0: "Kinda maybe proud …", "Sorta gutted": a softener of chat English, not a name
            and lower not in SOFTENING_WORDS
        )
        # "ngl" in lower-case chat and "SO" in shouted text are not names
        or lower in OTHER_PRONOUNS
        or lower in ROLE_OF_WORD
        or t.lemma_.lower() in ROLE_OF_WORD
        or (t.pos_ == "NOUN" and (lower in PERSON_NOUNS or t.lemma_.lower() in PERSON_NOUNS))
    )
    if not person:
        return "writer"
    start = i
    if start > 0 and tokens[start - 1].tag_ in {"PRP$", "POS"}:
        start -= 1
        if tokens[start].tag_ == "POS" and start > 0:
            start -= 1
    return " ".join(tok.text for tok in tokens[start : i + 1])


@dataclass(frozen=True, slots=True)
class Scope:
    denied: frozenset[str]  # labels dropped: denied, owed, hedged or hypothetical feelings, sarcasm's praise
    others: Mapping[str, str]  # label -> holder, for feelings that belong to someone else


@dataclass(frozen=True, slots=True)
class Reading:
    """The writer's labels for one sentence, ranked (stated first, then by probability), and the rest."""

    labels: tuple[str, ...]
    stated: frozenset[str]
    others: Mapping[str, str] = field(default_factory=dict)
    dropped: frozenset[str] = frozenset()
    abstained: bool = False
    signs: frozenset[str] = frozenset()  # 1.16.0: read from a bodily sign, ranked as said but not named
    # 1.19.0 (h130): read from a bodily sign right after the writer's plan ("I'm going to tell him tomorrow. My hands
    # are shaking."): the sign is the plan's nervousness, read at least at its threshold
    ahead: frozenset[str] = frozenset()


def scope_labels(labels: Iterable[str], words: Sequence[EmotionWord]) -> Scope:
    """Per label, whether it is denied (or owed, hedged, hypothetical) or someone else's. A family is denied
    when none of its writer's words is affirmed; a single label when its own words are not affirmed but a
    sibling's are ("not angry, just fed up": anger denied, annoyance kept)."""
    denied: set[str] = set()
    others: dict[str, str] = {}
    for label in labels:
        anchors = [w for w in words if w.label in family(label)]
        if not anchors:
            continue
        mine = [w for w in anchors if w.writer]
        if mine:
            own = [w for w in mine if w.label == label]
            if not any(w.affirmed for w in mine) or (own and not any(w.affirmed for w in own)):
                denied.add(label)  # the family, or this label alone beside an affirmed sibling
            continue
        if all(w.negated for w in anchors):
            denied.add(label)  # someone else's feeling, denied: nothing to credit anyone with
        else:
            own = [w for w in anchors if not w.negated] or anchors
            others[label] = own[0].holder
    return Scope(frozenset(denied), others)


def nearest(probs: Mapping[str, float], thresholds: Mapping[str, float]) -> str:
    """1.6.0: the label whose probability comes nearest its own threshold (``p / threshold``; ties by name).

    The layer's reading of a sentence where no label reaches its threshold. The head's own fallback, its most
    likely label, compares raw probabilities of labels whose thresholds differ, so it favours the label whose
    probabilities run high: neutral, whose threshold is the highest of all under the blend with the top layer
    (0.48 against 0.32 for the head alone), wins there at half its threshold over a feeling at three quarters
    of its own."""
    return min(probs, key=lambda lab: (-probs[lab] / max(1e-6, thresholds.get(lab, 0.5)), lab))


def decide(
    probs: Mapping[str, float],
    thresholds: Mapping[str, float],
    chosen: Iterable[str],
    words: Sequence[EmotionWord],
    sentence: Cues,
) -> Reading:
    """The writer's reading of one sentence from the head's probabilities and chosen labels (module doc)."""
    keep = set(chosen)
    below: set[str] = set()  # 1.6.0: the head's pick where no label reached its threshold (weak evidence)
    if keep and not any(probs.get(lab, 0.0) >= thresholds.get(lab, 0.5) for lab in keep):
        keep = below = {nearest(probs, thresholds)}
    removed: set[str] = set()
    added: set[str] = set()  # labels the layer reads from the words and cues, not from the head's threshold
    anchored = {w.label for w in words}
    if sentence.sarcasm:
        praise = {lab for lab in keep if lab in POSITIVE}
        keep -= praise
        removed |= praise
        words = [w for w in words if w.label not in POSITIVE]
        if not keep & NEGATIVE:
            added.add("annoyance")
    if sentence.performed:
        # 1.12.0: "I laughed along": the cheer is put on; the head's good feelings and the writer's own smile or
        # laugh go (a good feeling the writer names in so many words stays: "I laughed along, happy for her")
        named_good = {w.label for w in words if w.writer and w.affirmed and w.mood == "stated" and w.lemma}
        put_on = {lab for lab in keep if lab in POSITIVE and lab not in named_good}
        keep -= put_on
        removed |= put_on
        words = [w for w in words if not (w.writer and w.mood == "seen" and w.label in POSITIVE)]
    if sentence.wished:
        # 1.17.0 (r60): "I wanted him to just say sorry and mean it": the remorse the head reads is wished of him
        wished = {lab for lab in keep if lab in WISHED_OF_ANOTHER and lab not in anchored}
        keep -= wished
        removed |= wished
    tears = [w for w in words if w.writer and w.label in TEARS and w.mood == "seen" and not w.negated]
    if (
        tears
        and (sentence.glad_tears or sentence.news)
        and not sentence.contrast
        and not any(w.writer and w.affirmed and w.mood == "stated" and w.label in NEGATIVE for w in words)
    ):
        # 1.17.0 (r60): tears over the writer's good news or named as joy's ("Got the letter! I cried in the car
        # park", "happy tears", "cried with relief") are not sadness: the tears and the head's sadness go
        wept = keep & TEARS
        keep -= wept
        removed |= wept
        words = [w for w in words if w not in tears]
    scope = scope_labels(sorted(probs), words)  # sorted: the order of others' feelings never follows hashing
    dropped = set(scope.denied)  # scope_labels saw every label: a denied family is denied label by label
    # Someone else's tears or laughter ("the kids were laughing") are theirs, label by label: they take no
    # other label of the family from the writer and say nothing against the writer's reading.
    signs_only = {
        lab
        for lab in scope.others
        if all(w.mood == "seen" for w in words if w.label in family(lab) and not w.writer)
    }
    shown_by_others = {w.label for w in words if not w.writer}
    # 1.6.0: someone else's feeling named in so many words ("Mum was furious") needs the head's support at
    # half the label's threshold, not the whole: the word anchors it, as an unanchored leftover needs twice.
    # (The whole threshold tied the holder rule to one head's scale: the blend with the top layer gives
    # "furious" anger 0.09 against its 0.12, the head alone 0.20 against 0.16.)
    named_by_others = {
        w.label
        for w in words
        if not w.writer
        and w.affirmed
        and w.mood == "stated"
        and probs.get(w.label, 0.0) >= NAMED_SUPPORT * thresholds.get(w.label, 0.5)
    }
    others = {
        lab: holder
        for lab, holder in scope.others.items()
        if (lab in keep or lab in named_by_others) and (lab not in signs_only or lab in shown_by_others)
    }
    removed |= (keep & dropped) | set(others)
    keep -= dropped | set(others)

    denial = [w for w in words if (w.negated or w.mood == "expected") and w.label in scope.denied]
    denied_positive = any(w.label in POSITIVE for w in denial)
    # An apology withheld ("he wasn't even sorry") is a grievance, like thanks withheld.
    denied_positive = denied_positive or any(w.label == "remorse" and not w.writer for w in denial)
    denied_negative = any(w.label in NEGATIVE for w in denial if w.writer)
    # 1.4.0: a sign withheld ("it didn't even make me smile") is no reaction, not a letdown
    # 1.12.0: a joke or a scene not found funny ("didn't find it funny", "I was not amused") is no letdown either:
    # the head's own reading (disapproval, annoyance) stands
    letdown = any(
        w.mood != "seen"
        for w in denial
        if (w.label in POSITIVE and w.label != "amusement") or w.label == "remorse"
    )

    stated: set[str] = set()
    own_words = {w.label for w in words if w.writer and w.affirmed and w.mood == "stated"} - dropped
    for label in own_words:
        # The word names the family; the head names the member when it chose one ("I hate Mondays": annoyance).
        # 1.7.0: a member the head barely chose (under FAINT times its threshold) does not rename the word
        # 1.13.0: nor one that another of the writer's own words names ("I felt grateful and calm": calm is the
        # relief; grateful stays gratitude instead of being renamed relief and lost)
        members = {
            lab
            for lab in keep & family(label)
            if probs.get(lab, 0.0) >= FAINT * thresholds.get(lab, 0.5)
            and (lab == label or lab not in own_words)
        }
        exact = any(w.label == label and (w.lemma in FEEL_LEXICON or w.lemma in {"miss", ""}) for w in words)
        stated |= {label} if label in keep or not members or exact else members
    numb = NEUTRAL in stated  # "I feel numb", "I feel okay": the writer says there is no feeling to name
    stated.discard(NEUTRAL)
    named = set(stated)  # the writer's own words, ranked before what the layer infers below
    if numb:
        # what others say of the writer ("my husband says I'm stressed, but I feel okay") goes too
        keep -= {lab for lab in keep if lab not in anchored or lab not in stated}
    phrases = set(sentence.phrases)
    signs = set(sentence.signs)
    if (
        sentence.news
        and "nervousness" in phrases
        and not any(w.writer and w.affirmed and w.label in NEGATIVE for w in words)
    ):
        phrases = (phrases - {"nervousness"}) | {"excitement"}  # 1.5.0: "Got in! Hands still shaking."
        signs = signs | {"excitement"} if "nervousness" in signs else signs
    if sentence.news and "approval" in phrases:
        # 1.10.0: the writer's own good news played down ("Got the job. Not too shabby.", "We won. Could have been
        # worse."): the understatement is joy at it, not approval
        phrases = (phrases - {"approval"}) | {"joy"}
    stated |= phrases
    if sentence.worry and not stated:
        stated.add("nervousness")
    # A feeling foreseen ("if she leaves I'll be devastated", "I'd be thrilled if …") is a worry or a hope now.
    foreseen = {valence(w.label) for w in words if w.writer and w.mood == "hypothetical" and not w.negated}
    if foreseen and not stated and not sentence.counterfactual:
        added |= (
            {"nervousness"} if "negative" in foreseen else {"optimism"} if "positive" in foreseen else set()
        )
    if sentence.excluded and scope.others:
        # "everyone was laughing except me": the writer stands apart from the others' feeling
        sides = {valence(lab) for lab in scope.others}
        if "positive" in sides:
            denied_positive = letdown = True
        elif "negative" in sides:
            denied_negative = True
    if denied_negative:
        negatives = {lab for lab in keep if lab in NEGATIVE and lab not in anchored}
        keep -= negatives
        removed |= negatives
        if sentence.change:
            added.add("relief")
    if denied_positive:
        positives = {lab for lab in keep if lab in POSITIVE and lab not in anchored}
        keep -= positives
        removed |= positives
        if letdown:
            # 1.4.0: a good feeling that has passed ("not in love with him any more") is a loss: sadness
            losses = ("sadness",) if sentence.change else ("disappointment", "sadness")
            added.add(max(losses, key=lambda lab: probs.get(lab, 0.0)))
    stated |= added
    if stated:
        keep.discard(NEUTRAL)
        sides = {valence(lab) for lab in stated} - {"other"}
        if len(sides) == 1 and not sentence.contrast:
            opposite = NEGATIVE if sides == {"positive"} else POSITIVE
            against = {lab for lab in keep if lab in opposite and lab not in anchored}
            keep -= against
            removed |= against
    # 1.4.0: the head is all but sure nothing is felt ("Paid the bill and put the bins out") and the sentence
    # names nothing: a leftover label must then reach twice its threshold, as after a removal.
    sure_neutral = probs.get(NEUTRAL, 0.0) >= SURE_NEUTRAL and not stated and not words
    if (removed - signs_only) or scope.denied or (set(scope.others) - signs_only) or sure_neutral:
        weak = {
            lab
            for lab in keep
            if lab not in anchored and probs.get(lab, 0.0) < 2 * thresholds.get(lab, 0.5) and lab != NEUTRAL
        }
        keep -= weak
    if sentence.fragment and not stated:
        keep -= {lab for lab in keep if lab not in anchored}  # "Couldn't.": nothing said for the head to read
    if sentence.intention and not stated and not any(w.writer and w.affirmed for w in words):
        # 1.18.0 (r99): "I want to ask my doctor about the side effects": a plan says no feeling for the head to read
        keep -= {lab for lab in keep if lab not in anchored}
    if sentence.rhetorical and (keep | stated) & NEGATIVE:
        keep -= {"curiosity", "confusion"}
    keep |= stated
    unsure = below - stated - anchored  # 1.6.0: a label under its threshold is no reading against a sign
    # 1.7.0: nor one barely over it with no word of its own ("couldn't stop grinning": relief at 1.15 times its
    # threshold gives way to the grin)
    unsure |= {
        lab for lab in keep - stated - anchored if probs.get(lab, 0.0) < FAINT * thresholds.get(lab, 0.5)
    }
    if not (keep - {NEUTRAL} - unsure) and not numb:
        # the head read nothing, but the writer shows a sign ("can't stop smiling", "crying rn"): read it
        signs = {w.label for w in words if w.writer and not w.negated and w.mood == "seen"} - dropped
        if signs:
            keep = (keep | signs) - {NEUTRAL} - unsure
    # 1.7.0: close family hurt, angry or frightened over what the writer did ("Papa is very disappointed in my
    # marks", "Mum was so scared when I didn't pick up"): the writer's own part is remorse
    hurt = any(lab in _HURT and kin(holder) for lab, holder in others.items())
    if hurt and sentence.at_writer and not (keep - {NEUTRAL} - unsure) and not numb and not stated:
        keep = {"remorse"}
    abstained = not (keep - {NEUTRAL})
    if not keep:
        keep = {NEUTRAL}
    # A feeling the writer names outranks one the layer infers ("I should be proud but I just feel empty":
    # sadness, not the disappointment read from the owed pride): the inferred one is not marked as said.
    shown = stated - (added - named) if named else stated
    ranked = sorted(keep, key=lambda lab: (lab not in shown, -probs.get(lab, 0.0), lab))
    # 1.16.0 (r39): a feeling read from a bodily sign ("heart racing") ranks as before but is not marked as said:
    # the writer named the sign, not the feeling
    said = shown - (signs - named)
    return Reading(
        tuple(ranked),
        frozenset(said & keep),
        others,
        frozenset(removed),
        abstained,
        frozenset((shown - said) & keep),
        frozenset({"nervousness"} & signs & keep) if sentence.after_plan else frozenset(),
    )


# 1.20.0 (h182, review r132): what may stand between two feelings the writer names together ("furious and also
# somehow relieved", "angry but relieved", "sad, grateful"): a coordinator or a comma, adverbs ("also", "somehow",
# "weirdly"), a size ("a bit", "kind of"). Not "or"/"nor": "angry or relieved, I can't tell" names neither for sure.
_JOINERS = frozenset({"and", "but", "yet", "&", ",", "plus"})
_BETWEEN_SIZES = frozenset({"a", "bit", "little", "kind", "sort", "of", "kinda", "sorta", "also", "too"})


def named_together(tokens: Sequence[Any], words: Sequence[EmotionWord]) -> frozenset[str]:
    """The labels of feelings the writer names joined to another feeling they name (1.20.0, h182): "I woke up furious
    and also somehow relieved", "Relieved and furious". Each is the writer's own word, affirmed and stated (never
    denied, someone else's, would-be or hedged); between the two only a coordinator or comma and adverbs or a size
    ("a bit"), at least one joiner. The head reads the sentence as a whole, so the second feeling takes the first
    one's probability (anger 0.025 beside relief 0.155): the words, not that share, say both are felt."""
    own = sorted(
        (w for w in words if w.writer and not w.negated and w.mood == "stated" and w.label != "neutral"),
        key=lambda w: w.start,
    )
    if len(own) < 2 or not tokens:
        return frozenset()
    index = {int(t.idx): i for i, t in enumerate(tokens)}
    out: set[str] = set()
    for first, second in pairwise(own):
        i, j = index.get(first.start), index.get(second.start)
        if i is None or j is None or j <= i + 1 or first.label == second.label:
            continue
        between = tokens[i + 1 : j]
        joined = any(t.lower_ in _JOINERS for t in between)
        plain_in_between = all(
            t.lower_ in _JOINERS or t.lower_ in _BETWEEN_SIZES or t.pos_ == "ADV" for t in between
        )
        if joined and plain_in_between:
            out |= {first.label, second.label}
    return frozenset(out)


def idiom_names(label: str, text: str) -> bool:
    """Whether ``text`` holds a figure of speech this layer reads as naming ``label`` ("fuming": anger; "it breaks my
    heart": sadness), signs of the body aside: what the entry panel's "Named in the entry's own words" may rest on
    besides a feeling word (``insights.observations.names_the_feeling``)."""
    return any(found == label and pattern.search(text) for pattern, found in (*_IDIOMS, *_OBJECT_IDIOMS))
