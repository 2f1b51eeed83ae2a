"""Who each passage is about: the self, family, partners, authority figures, friends, the therapist, others.

Rules over the spaCy parse, no model: role nouns ("my mum", "my ex-husband", "the boss"), names introduced by a
role ("my husband Tom", "Tom, my husband", "manager (Ruth)") or a title ("Sgt Reyes", "Dr. Levin") and then
reused, other PERSON names, and a light coreference that resolves he/she/they to the most recent compatible
mention in the same or the previous sentence. In session text "you" is the therapist; in a letter ("Dear Sofia,")
its addressee. A name in a therapy session's setting is the therapist. A name known only by name takes the role
the grammar around it gives ("Bex at work", "Theo fired me"; since 1.4.0); a finder of such names by grammar
alone ("Dawit texted me", ``NAMES_BY_GRAMMAR``) keeps, since 1.6.0, only the names whose role the grammar tells
("Kit, the other welder"; ``NAMES_WITHOUT_ROLE`` off). A person the writer calls "my therapist" ("she's my
therapist", since 1.7.0) is the therapist; one they say is not their therapist now ("Sam isn't my therapist",
"my therapist's husband", "my old therapist", "I wish Sam were my therapist"; since 1.7.1; "I don't think Sam is my
therapist", "Sam, my therapist until March"; since 1.7.2, where a past tense alone no longer makes one former) is not. A name apposed to a possessive
role phrase takes the role of the phrase's head, never of the role word that owns it ("Sam, my mum's friend," is
someone else's friend, not the mother; since 1.7.3). The everyday role nouns of ``role_nouns`` ("the skipper",
"the pharmacist", "our plumber"; since 1.8.0) are role words too, never where a device's noun makes one a thing
("the printer driver"). One ``person`` finding per mention (the self: one per sentence
that says I/me/my).

Finding contract: ``Finding(kind="person", label=<role>, spans=(mention span,),
data={"group": ..., "name": str | None, "sentence": int})``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final

from reverie.analysis import role_nouns
from reverie.analysis.findings import Finding, Span
from reverie.analysis.registry import Analyzer, Declaration, register
from reverie.analysis.risk_lexicon import BODY_WORDS

if TYPE_CHECKING:
    from reverie.analysis.document import Document


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# 1.10.0: one modifier rule ("my manager account", "the boss fight"); "nurse practitioner"; a person's helper (h146)
VERSION: Final = "1.10.0"
# People known only by name found by grammar (``_grammar_names``): built and measured in people 1.4.0 and left
# off then (the batches code most such people by a role the context tells; docs/ccrt.md). On since people 1.6.0,
# but only for the names whose role the grammar tells ("Kit, the other welder", "Kit, who plasters with me", "Kit
# introduced me as her oldest friend"): ``NAMES_WITHOUT_ROLE`` keeps the rest off (with them, c11 measured more
# role swaps than matches on the files not read).
NAMES_BY_GRAMMAR: Final = True
NAMES_WITHOUT_ROLE: Final = False
# A business's owner as the writer's boss ("the salon owner docked my pay"; ``_owns_a_business``, since 1.6.0): on
# the held files one more episode matched in frozen7 and one more spurious in frozen9 (docs/ccrt.md, c11).
OWNERS_AS_BOSS: Final = True

ROLE_GROUP: Final[dict[str, str]] = {
    "self": "self",
    "mother": "family",
    "father": "family",
    "parents": "family",
    "sibling": "family",
    "child": "family",
    "partner": "partners",
    "ex": "partners",
    "boss": "authority",
    "colleague": "authority",
    "teacher": "authority",
    "friend": "friends",
    "therapist": "therapist",
    "other": "others",
}
ROLES: Final = tuple(ROLE_GROUP)

_WORDS_BY_ROLE: Final[dict[str, str]] = {
    "mother": "mother mom mum mommy mummy mam mama mamma momma stepmother stepmom stepmum ammi amma umma eomma "
    "mami mamá",
    "father": "father dad daddy da papa stepfather stepdad abba abbu baba appa abeoji papá",
    "parents": "parents parent folks",
    "sibling": "brother sister sibling siblings twin sis bro stepbrother stepsister bhaiya bhai didi akka hyung noona "
    "unnie oppa",
    "child": "son daughter kid kids child children baby toddler teenager stepson stepdaughter kiddo boy",
    "partner": "partner husband wife boyfriend girlfriend bf gf fiancé fiancée fiance fiancee spouse hubby lover "
    "fella missus",
    "ex": "ex",
    "boss": "boss manager supervisor employer director ceo superior foreman leader gaffer oga sergeant sarge chief",
    "colleague": "colleague coworker workmate teammate assistant apprentice trainee",
    "teacher": "teacher professor tutor coach lecturer instructor headteacher headmaster headmistress mentor",
    "friend": "friend bestie pal buddy bff mate",
    "therapist": "therapist analyst psychoanalyst counsellor counselor shrink psychotherapist psychologist "
    "psychiatrist psych",
    "other": "grandmother grandma granny nan nana grandfather grandpa granddad grandad aunt auntie uncle cousin "
    "nani dadi nanaji dadaji lola lolo abuela abuelo oma opa halmeoni harabeoji "
    "nephew niece neighbour neighbor doctor nurse landlord landlady stranger roommate flatmate housemate "
    "classmate priest man woman guy lady granddaughter grandson grandchild grandchildren grandkids pastor vicar "
    "rabbi imam officer policeman policewoman cop client customer student students pupil pupils doc gp ob dentist "
    "midwife surgeon receptionist secretary reviewer bloke rando conductor passenger cashier waiter waitress "
    "clerk cabbie shopkeeper caller barista bartender postman salesman saleswoman",
}
# The lexicon's own words, then the everyday role nouns of ``role_nouns`` ("the skipper", "the pharmacist"; since
# people 1.8.0); a word in both keeps the lexicon's role.
ROLE_OF_WORD: Final[dict[str, str]] = {
    **role_nouns.EVERYDAY_ROLES,
    **{w: role for role, words in _WORDS_BY_ROLE.items() for w in words.split()},
}

_FEMALE: Final = (
    _words(
        "mother mom mum mommy mummy mam mama mamma momma stepmother stepmom stepmum sister sis stepsister "
        "daughter stepdaughter wife girlfriend gf fiancée fiancee grandmother grandma granny nan nana aunt "
        "auntie niece landlady headmistress woman lady ammi amma umma eomma mami mamá didi akka noona unnie nani dadi "
        "lola abuela oma halmeoni granddaughter policewoman missus waitress saleswoman"
    )
    | role_nouns.FEMALE
)
_MALE: Final = (
    _words(
        "father dad daddy da papa stepfather stepdad brother bro bf stepbrother son stepson husband boyfriend "
        "fiancé fiance hubby grandfather grandpa granddad grandad uncle nephew landlord headmaster man "
        "guy abba abbu baba appa abeoji papá bhaiya bhai hyung oppa nanaji dadaji lolo abuelo opa harabeoji grandson "
        "policeman fella boy bloke postman salesman"
    )
    | role_nouns.MALE
)
_PLURAL_WORDS: Final = frozenset(
    ["parents", "folks", "kids", "children", "siblings", "grandchildren", "grandkids", "students", "pupils"]
)
# Words that name a person only when "my"/"our" (or "the", for the plural) makes clear who is meant.
_NEEDS_POSSESSOR: Final = _words(
    "kid kids child children baby toddler teenager kiddo mate pal buddy folks bro fella missus assistant boy"
)
_GENERIC_OTHER: Final = frozenset(["man", "woman", "guy", "lady", "bloke", "rando"])
_MY: Final = frozenset({"my", "our"})
# Agent nouns a co- or head- role is made from ("co-writer", "co-pilot", "head keeper"); "co-parent" is no workmate.
_AGENT_ENDINGS: Final = ("er", "or", "ist", "ant", "ent", "pilot", "host", "star", "chair")
_CO_NOT_WORK: Final = frozenset({"parent", "dependent"})
# An article that makes a kinship or authority word someone else's: "a son", "another dad" (people 1.5.0).
_NOT_MINE_ARTICLES: Final = frozenset({"a", "an", "another"})
_KIN_ROLES: Final = frozenset({"mother", "father", "parents", "sibling", "child", "partner"})
_AUTHORITY_ROLES: Final = frozenset({"boss", "teacher"})
_WORKPLACES: Final = _words(
    "work office team department job account accounts accounting finance hr it marketing sales legal payroll pastry "
    "reception admin logistics warehouse dispatch operations ops engineering design support compliance "
    "procurement ward kitchen site shop store factory depot"
)
# A title before a name ("Dr. Levin", "Sgt Reyes", "Mrs Dale"): the name is a person even where the entity
# recogniser misses it, with the title's role (a rank or a head chef is a boss, a coach a teacher).
_TITLES: Final[dict[str, tuple[str, str | None]]] = {
    **dict.fromkeys(("Dr", "Doctor", "Nurse", "Officer", "Pastor", "Reverend", "Rev"), ("other", None)),
    **dict.fromkeys(("Mr", "Mister"), ("other", "m")),
    **dict.fromkeys(("Mrs", "Ms", "Miss"), ("other", "f")),
    **dict.fromkeys(
        ("Sgt", "Sergeant", "Sarge", "Capt", "Captain", "Lt", "Lieutenant", "Major", "Chef", "Dispatcher"),
        ("boss", None),
    ),
    **dict.fromkeys(("Coach", "Professor", "Prof"), ("teacher", None)),
    "Private": ("colleague", None),
}
# A practitioner's word after "to" / "at" names the practice, a place: "took him to the dentist", "went to the
# hairdresser", "at the butcher's" (the shop trades of ``role_nouns``; since people 1.8.0).
_PRACTICES: Final = _words("doctor doc gp dentist vet surgeon midwife") | role_nouns.PRACTICES
# The everyday role nouns the lexicon does not hold itself: read only when written in lower case (people 1.8.0),
# since a capitalised one is a name or a title ("Dean, my manager", "our Dean", "the Prime Minister").
_OWN_ROLE_WORDS: Final = frozenset(w for words in _WORDS_BY_ROLE.values() for w in words.split())
# (``episodes`` asks it of a mention's word too: episodes 1.16.0)
EVERYDAY_ONLY: Final = frozenset(role_nouns.EVERYDAY_ROLES) - _OWN_ROLE_WORDS
# An everyday role noun as an object ("asked my husband to ring the plumber", "reported it to the inspector") is
# the object of someone's act, a weaker antecedent than a person of the lexicon beside it (people 1.8.1, h139):
# "He said leave it with me" is the husband. Alone, it still takes the pronoun ("I rang the plumber. He came").
_OBJECT_DEPS: Final = frozenset({"dobj", "pobj", "dative", "conj"})
_OBJECT_SALIENCE: Final = 1.0
_NO_SESSION: Final = frozenset({"no", "without"})  # "No therapy this week": no session, no setting
_SETTING_SENTENCES: Final = 2  # how far after "Session 14." a name may be the therapist's
# Where a word the tagger reads as a name is a place: "the truck stop in Amarillo", "Chachu in Dubai".
_PLACE_PREPOSITIONS: Final = frozenset({"in", "near", "outside", "inside", "across", "around"})
_OBJECT_WORDS: Final = frozenset({"my", "me", "him", "her", "them", "us", "our", "his", "their"})
_SELF_WORDS: Final = frozenset({"i", "me", "my", "myself", "mine"})
_YOU_WORDS: Final = frozenset({"you", "your", "yours", "yourself"})
_PRONOUNS: Final[dict[str, str]] = {
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "pl"),
}

CONFIDENCE: Final[dict[str, float]] = {
    "self": 0.95,
    "noun": 0.9,
    "name": 0.85,
    "address": 0.75,
    "pronoun": 0.7,
    "pronoun_far": 0.55,
    "unknown_name": 0.6,
    "grammar_name": 0.6,
    "setting": 0.55,
}

FAR_PRONOUN_SENTENCES: Final = 3  # how far back an unambiguous pronoun may still be resolved

MODEL_HASH: Final = (
    "rules-"
    + hashlib.sha256(
        repr(
            (sorted(ROLE_OF_WORD.items()), sorted(_FEMALE), sorted(_MALE), sorted(ROLE_GROUP.items()))
        ).encode()
    ).hexdigest()[:12]
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a person: a role word, a name, a resolved pronoun, "you" in session, or the self."""

    role: str
    span: Span
    sentence: int
    # self | noun | name | unknown_name | grammar_name | pronoun | pronoun_far | address | setting
    source: str
    name: str | None = None
    gender: str | None = None  # "f" | "m" | None (unknown)
    plural: bool = False
    head: int = -1  # token index of the mention's head word
    salience: float = 1.0  # subject 2, object 1.5, possessive 0.5: which earlier mention a pronoun prefers
    # Where a nameless stranger ("a man", "Woman") was first named: a pronoun resolved to one is that stranger
    # (people 1.5.0; before, each such pronoun was a stranger of its own). -1: the mention's own start.
    anchor: int = -1

    @property
    def group(self) -> str:
        return ROLE_GROUP[self.role]

    @property
    def key(self) -> str:
        """Who this is: the role, or for "other" the name or the word, so that two strangers stay apart."""
        if self.role != "other":
            return self.role
        return (self.name or "").lower() or f"other@{self.anchor if self.anchor >= 0 else self.span.start}"

    def to_finding(self) -> Finding:
        return Finding(
            analyzer="people",
            version=VERSION,
            model_hash=MODEL_HASH,
            kind="person",
            label=self.role,
            confidence=CONFIDENCE[self.source],
            spans=(self.span,),
            data={
                "group": self.group,
                "name": self.name,
                "sentence": self.sentence,
                **({"anchor": self.anchor} if self.anchor >= 0 else {}),
            },
        )


def group_of(role: str) -> str:
    """The group of a role: family, partners, authority, friends, therapist, self or others."""
    return ROLE_GROUP.get(role, "others")


@dataclass(slots=True)
class _State:
    """What the walk over one document has seen so far."""

    names: dict[
        str, tuple[str, str | None]
    ]  # name -> (role, gender) from introductions like "my husband Tom"
    mentions: list[Mention] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # token indices already part of a mention
    addressee: tuple[str, str | None] | None = None  # a letter's addressee (role, name): whose "you" it is
    self_sentences: set[int] = field(default_factory=set)
    learned_gender: dict[str, str] = field(default_factory=dict)
    # people known only by name, found by grammar: first token -> (last token, name); and their names, for reuse
    by_grammar: dict[int, tuple[int, str]] = field(default_factory=dict)
    grammar_names: set[str] = field(default_factory=set)
    # sentences of a therapy session's cue ("Therapy session.", "In session")
    setting: frozenset[int] = frozenset()


def find_mentions(doc: Document) -> list[Mention]:
    """Every person mention in ``doc``, in text order."""
    if not doc.sentences:
        return []
    tokens = list(doc.spacy)
    starts = [s.span.start for s in doc.sentences]
    by_grammar = _grammar_names(tokens) if NAMES_BY_GRAMMAR else {}
    mentions = _walk(doc, tokens, starts, by_grammar)
    if by_grammar and not NAMES_WITHOUT_ROLE:
        told = {m.name for m in mentions if m.source == "grammar_name" and m.role != "other"}
        kept = {s: f for s, f in by_grammar.items() if f[1] in told or f[1].split()[0] in told}
        if (
            kept != by_grammar
        ):  # again without the names the grammar gives no role, so no pronoun goes to them
            mentions = _walk(doc, tokens, starts, kept)
    return mentions


def _walk(
    doc: Document, tokens: list[Any], starts: list[int], by_grammar: dict[int, tuple[int, str]]
) -> list[Mention]:
    """One walk over the document's tokens, with the people known only by name that ``by_grammar`` gives."""
    state = _State(names=_introduced_names(tokens))
    state.by_grammar = by_grammar
    state.grammar_names = {name for _, name in state.by_grammar.values()}
    state.grammar_names |= {name.split()[0] for name in state.grammar_names}
    state.addressee = _letter_addressee(tokens, doc.kind, state)
    state.setting = frozenset(
        max(0, bisect_right(starts, t.idx) - 1)
        for t in tokens
        if _therapy_cue(t)
        and not (t.i > 0 and t.doc[t.i - 1].lower_ in _NO_SESSION)  # "No therapy this week"
    )
    for token in tokens:
        if token.i in state.consumed or token.idx >= doc.sentences[-1].span.end:
            continue
        sentence = max(0, bisect_right(starts, token.idx) - 1)
        _visit(token, sentence, doc.kind, state)
    named, denied = _therapist_by_naming(tokens, _roles_by_context(tokens, state.mentions))
    return _therapist_by_setting(tokens, starts, named, denied)


# The words by which a writer names their own therapist: "she's my therapist", "Sam is my counsellor".
_THERAPIST_NOUNS: Final = frozenset(
    {"therapist", "counsellor", "counselor", "analyst", "psychotherapist", "psychoanalyst"}
)
# "my old therapist", "my ex therapist", "no longer my therapist", "was my therapist years ago": a therapist the
# writer had (1.7.1). Only these explicit words make one former: a past tense alone does not ("Sam became my
# therapist last year", "Dr Okafor was my therapist today": the therapist now; people 1.7.2, review r35).
_FORMER_WORDS: Final = _words("old former previous past ex last")
_FORMER_ADVERBS: Final = _words("anymore longer ago formerly previously once")
# "my therapist until March", "was my therapist till she retired": a therapist whose time with the writer ended.
_UNTIL: Final = _words("until till til")
# "Sam is hardly my therapist": a negation by degree.
_HARDLY: Final = _words("never hardly barely scarcely")
# "Sam thinks she is my therapist", "Mum says Sam is my therapist": someone else's claim, not the writer's word.
_CLAIM_VERBS: Final = _words(
    "think believe claim say insist pretend reckon assume suppose imagine feel act tell"
)
# ", isn't she?", ", right?": a tag that asks to confirm a statement, which stays the writer's statement.
_TAG_WORDS: Final = _words("right eh innit yeah yes no ok okay")
# "I wish Sam were my therapist", "if only Sam were my therapist": a therapist the writer does not have.
_WISH_VERBS: Final = _words("wish hope want pray imagine pretend dream")


def _is_therapist_noun(token: Any) -> bool:
    word = _role_word(token)
    return word is not None and ROLE_OF_WORD[word] == "therapist"


def _question_tag(sent: Any) -> set[int]:
    """The tokens of a tag question's tag (", isn't she?", ", right?") at the end of a sentence, or none."""
    words = [t for t in sent if not t.is_space]
    if len(words) < 3 or words[-1].text != "?":
        return set()
    comma = next((k for k in range(len(words) - 2, max(-1, len(words) - 6), -1) if words[k].text == ","), -1)
    tail = words[comma + 1 : -1] if comma >= 0 else []
    if len(tail) == 1 and tail[0].lower_ in _TAG_WORDS:
        return {tail[0].i}
    verbal = bool(tail) and tail[0].lemma_.lower() in {"be", "do", "have"} | _words(
        "can could will would should"
    )
    if verbal and 2 <= len(tail) <= 3 and tail[-1].pos_ == "PRON":
        return {t.i for t in tail}
    return set()


def _is_question(noun: Any) -> bool:
    """ "Is Sam my therapist?": the sentence asks, and not only in a tag ("Sam is my therapist, isn't she?")."""
    sent = noun.sent
    return sent.text.rstrip().endswith("?") and not _question_tag(sent)


def _said_otherwise(verb: Any) -> bool:
    """The clauses above a copula's ("I don't think Sam is my therapist", "Sam thinks she is my therapist"): one
    negated, or someone other than the writer thinks or says it. A tag question's verb is no such clause."""
    tag = _question_tag(verb.sent)
    while verb.dep_ == "ccomp" and verb.head.i != verb.i:
        verb = verb.head
        if verb.i in tag:
            return False
        if any(c.dep_ == "neg" for c in verb.children) or any(c.lower_ in _HARDLY for c in verb.children):
            return True  # "I don't think Sam is my therapist"
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if verb.lemma_.lower() in _CLAIM_VERBS and not any(c.lower_ in {"i", "we"} for c in subjects):
            return True  # "Sam thinks she is my therapist"
    return False


def _ended(noun: Any, verb: Any | None) -> bool:
    """ "my therapist until March", "was my therapist till she retired": an end given to the time as therapist,
    except with a present or future copula ("Sam is my therapist until June")."""
    if verb is not None and (verb.tag_ in {"VBZ", "VBP"} or any(c.tag_ == "MD" for c in verb.children)):
        return False
    heads = {noun.i} | ({verb.i} if verb is not None else set())
    for token in noun.sent:
        if token.lower_ not in _UNTIL:
            continue
        if token.head.i in heads or (token.dep_ == "mark" and token.head.head.i in heads):
            return True
    return False


def _names_my_current_therapist(noun: Any) -> bool:
    """Whether the phrase around a therapist's role word of the writer's ("my therapist") says the writer's
    current therapist: the one place that decides it (people 1.7.1, review r32; 1.7.2, review r35). Not "Sam isn't
    my therapist", "will never be my therapist", "is hardly my therapist", "I don't think Sam is my therapist"
    (negated, in its clause or one above); "Sam thinks she is my therapist" (someone else's claim); "X is my
    therapist's husband", "Sam, my therapist's husband" (the therapist's someone); "my old / former / ex(-)
    therapist", "no longer my therapist", "not my therapist anymore", "was my therapist years ago", "used to be my
    therapist", "my therapist until March" (former: explicit words only, never a past tense alone: "Sam became my
    therapist last year", "was my therapist today" are current); "I wish Sam were my therapist", "Is Sam my
    therapist?", "Sam would be my therapist" (not real; a tag question, "…, isn't she?", still asserts)."""
    if not _is_therapist_noun(noun) or _possessor(noun) not in _MY:
        return False
    doc = noun.doc
    if noun.dep_ == "poss" or (noun.i + 1 < len(doc) and doc[noun.i + 1].dep_ == "case"):
        return False  # "my therapist's husband"
    if any(c.dep_ == "amod" and c.lower_ in _FORMER_WORDS for c in noun.children):
        return False  # "my old therapist"
    before = [t.lower_ for t in doc[max(0, noun.i - 2) : noun.i]]
    if noun.lower_.startswith("ex") or set(before) & {"ex", "former", "old", "previous"}:
        return False  # "my ex-therapist", "my ex therapist", "my old therapist" (however parsed)
    if _is_question(noun):
        return False  # "Is Sam my therapist?"
    if noun.dep_ != "attr":
        return not _ended(
            noun, None
        )  # "my therapist Tom", "Tom, my therapist": not "Sam, my therapist until May"
    verb = noun.head
    clause = [verb, *(g for c in verb.children if c.dep_ in {"advmod", "neg", "npadvmod"} for g in c.subtree)]
    words = {t.lower_ for t in clause}
    if any(c.dep_ == "neg" and c.i < noun.i for c in verb.children) or words & _HARDLY:
        return False  # "isn't my therapist", "is no longer my therapist", "will never be", "is hardly"
    if _said_otherwise(verb):
        return False  # "I don't think Sam is my therapist", "Sam thinks she is my therapist"
    if words & _FORMER_ADVERBS or (words >= {"any", "more"}) or _ended(noun, verb):
        return False  # "not my therapist anymore", "was my therapist years ago", "was my therapist until May"
    if verb.head.lemma_ == "use" and verb.dep_ == "xcomp":
        return False  # "used to be my therapist"
    if verb.lower_ == "were" and not any(c.lower_ in {"you", "we", "they"} for c in verb.children):
        return False  # "Sam were my therapist": a wish's or a condition's subjunctive
    if (
        verb.tag_ == "VBD"
        and verb.lemma_ == "be"
        and any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.children)
    ):
        return False  # "was my therapist, but …": a contrast with now
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False  # "would be my therapist", "will be my therapist"
    wished = verb.dep_ in {"ccomp", "advcl"} and (
        verb.head.lemma_.lower() in _WISH_VERBS
        or any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children)
    )
    return not wished  # not "I wish Sam were my therapist", "if Sam were my therapist"


def _therapist_subject(noun: Any) -> Any | None:
    """The subject a copula ties to a therapist's role word: "Sam" of "Sam is (not) my therapist", of "Sam is my
    therapist's husband", and of "Dr Lee, who is my analyst"; None where no "is" ties one."""
    phrase = noun.head if noun.dep_ == "poss" else noun
    if phrase.dep_ != "attr":
        return None
    verb = phrase.head
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "expl"}):
        if subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
            return verb.head  # "Dr Lee, who is my analyst"
        return subject
    return None


def _therapist_by_naming(tokens: list[Any], mentions: list[Mention]) -> tuple[list[Mention], set[str]]:
    """ "Dr Okafor said … she's my therapist not my mother", "Sam is my counsellor", "Dr Lee, who is my analyst":
    a person known by name whom the writer calls "my therapist" (the predicate of "is", its subject that person's
    name, a pronoun resolved to it, or "who" of a clause about it) is the therapist in every mention of that name
    (since people 1.7.0, review r30). With the names the writer says are NOT their current therapist ("Sam isn't
    my therapist", "X is my therapist's husband", "my old therapist": ``_names_my_current_therapist``), which no
    setting makes the therapist either (people 1.7.1, review r32)."""
    called: set[str] = set()
    denied: set[str] = set()
    by_head = {m.head: m for m in mentions if m.name}
    for token in tokens:
        if not _is_therapist_noun(token) or _possessor(token) not in _MY:
            continue
        current = _names_my_current_therapist(token)
        subject = _therapist_subject(token)
        heads = [subject.i] if subject is not None else []
        if not current:
            name, _ = _name_after(token)
            heads += [m.head for m in mentions if name and m.name == name]
            before = _name_before(token)
            heads += [m.head for m in mentions if before and m.name == before]
        for head in heads:
            found = by_head.get(head)
            if found is None or not found.name:
                continue
            if current and found.role == "other" and token.lower_ in _THERAPIST_NOUNS:
                called.add(found.name)
            elif not current:
                denied.add(found.name)
    called -= denied
    if not called:
        return mentions, denied
    marked = [replace(m, role="therapist") if m.role == "other" and m.name in called else m for m in mentions]
    return marked, denied


def _therapist_by_setting(
    tokens: list[Any],
    starts: list[int],
    mentions: list[Mention],
    denied: frozenset[str] | set[str] = frozenset(),
) -> list[Mention]:
    """ "Session with Mark today", "Weds. Session 14. … Wanted Dr Amara to …", "Perinatal therapist today. I
    wanted to tell Dr. Osei …": the first person known only by name in the sentence of a therapy session (or the
    therapist's bare role word) or the two sentences after it is the therapist, unless the text names its therapist
    already. A session of something else ("training session", "jam session") is no such setting, nor one that only
    dates what follows ("after my session I met Tom"). Nor is a person the writer says is not their current
    therapist (``denied``), nor a therapist's role word that is not theirs now ("my old therapist"; 1.7.1)."""
    if any(m.role == "therapist" and m.name for m in mentions):
        return mentions
    cues = {max(0, bisect_right(starts, t.idx) - 1) for t in tokens if _therapy_cue(t)}
    cues |= {
        m.sentence
        for m in mentions
        if m.role == "therapist"
        and m.source == "noun"
        and not (
            0 <= m.head < len(tokens)
            and _possessor(tokens[m.head]) in _MY
            and not _names_my_current_therapist(tokens[m.head])
        )
    }
    if not cues:
        return mentions
    named = next(
        (
            m
            for m in mentions
            if m.role == "other"
            and m.name
            and m.name not in denied
            and m.source in {"name", "unknown_name", "grammar_name"}
            and m.name[:1].isupper()
        ),
        None,
    )
    if named is None or not any(c <= named.sentence <= c + _SETTING_SENTENCES for c in cues):
        return mentions
    return [
        replace(m, role="therapist") if m.role == "other" and m.name == named.name else m for m in mentions
    ]


def _therapy_cue(token: Any) -> bool:
    lemma = token.lemma_.lower()
    if lemma in {"therapy", "counselling", "counseling", "psychotherapy"}:
        return True
    if lemma != "session":
        return False
    if token.head.lower_ in {"after", "before", "since", "until", "till"}:
        return False  # "after my session I met Tom": the session only dates what follows
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        before is None or before.pos_ not in {"NOUN", "PROPN"} or before.lower_ in {"therapy", "counselling"}
    )


def _letter_addressee(tokens: list[Any], kind: str, state: _State) -> tuple[str, str | None] | None:
    """A letter ("Dear Sofia, …", "Dad, I'm never sending this", "Dear Dr. Whitfield, …"): the role and name of
    the person it opens by addressing, whose "you" it is. None for other texts (and in session text, where "you"
    is the therapist)."""
    if kind == "session" or not tokens:
        return None
    start = 1 if tokens[0].lower_ == "dear" else 0
    comma = next((t.i for t in tokens[start : start + 5] if t.text == ","), None)
    if comma is None or comma == start or not any(t.lower_ in _YOU_WORDS for t in tokens[comma:]):
        return None
    words = [t for t in tokens[start:comma] if t.text != "."]
    if not all(t.text[:1].isupper() for t in words):
        return None
    roles = [ROLE_OF_WORD[w] for t in words if (w := _role_word(t)) is not None]
    if roles:
        return roles[-1], None
    titled = [_TITLES[t.text.rstrip(".")] for t in words if t.text.rstrip(".") in _TITLES]
    names = [t for t in words if t.text.rstrip(".") not in _TITLES]
    if not names or (start == 0 and not titled and any(t.pos_ != "PROPN" for t in names)):
        return None
    name = " ".join(t.text for t in names)
    if name in state.names:
        return state.names[name][0], (name if state.names[name][0] == "other" else None)
    return (titled[0][0] if titled else "other"), name


def _visit(token: Any, sentence: int, kind: str, state: _State) -> None:
    lower = token.lower_
    if lower in _SELF_WORDS:
        if sentence not in state.self_sentences:
            state.self_sentences.add(sentence)
            state.mentions.append(Mention("self", _token_span(token), sentence, "self", head=token.i))
        return
    mention = (
        (
            _address(token, sentence, state.addressee if kind != "session" else ("therapist", None))
            if lower in _YOU_WORDS and (kind == "session" or state.addressee is not None)
            else None
        )
        or _titled_name(token, sentence, state)
        or _role_noun(token, sentence, state)
    )
    if mention is None and (
        token.pos_ == "PROPN"
        or (token.text in state.names and token.text[:1].isupper())
        or (token.text in state.grammar_names and token.pos_ in {"NOUN", "X", "ADJ"})
    ):
        mention = _name(token, sentence, state)
    if mention is None and lower in _PRONOUNS and token.pos_ == "PRON":
        mention = _pronoun(token, sentence, state)
    if mention is not None:
        state.mentions.append(mention)


def _token_span(token: Any) -> Span:
    return Span(token.idx, token.idx + len(token.text))


def _address(token: Any, sentence: int, addressee: tuple[str, str | None] | None) -> Mention | None:
    """Session text: "you" is the therapist; a letter's "you" is its addressee (since people 1.2.0). Never in
    fillers such as "you know," and "you see,"."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if addressee is None or (
        nxt is not None and nxt.lower_ in {"know", "see"} and (after is None or after.is_punct)
    ):
        return None
    role, name = addressee
    return Mention(
        role, _token_span(token), sentence, "address", name, head=token.i, salience=salience_of(token)
    )


def _title_at(token: Any) -> tuple[str, str | None] | None:
    return _TITLES.get(token.text.rstrip(".")) if token.text[:1].isupper() else None


def _titled_words(token: Any) -> list[Any]:
    """The capitalised words of the name after a title ("Dr. Levin", "Sgt Reyes"); empty if none follows."""
    doc = token.doc
    j = token.i + 1
    if j < len(doc) and doc[j].text == "." and not token.text.endswith("."):
        j += 1
    out: list[Any] = []
    while j < len(doc) and _capitalised(doc[j]) and len(out) < 2:
        out.append(doc[j])
        j += 1
    return out


def _capitalised(token: Any) -> bool:
    text = token.text
    return bool(
        token.pos_ in {"PROPN", "NOUN", "ADJ", "X"}
        and text[:1].isupper()
        and text.isalpha()
        and not text.isupper()
        and _role_word(token) is None
        and token.lower_ not in _NOT_NAMES
        and text.rstrip(".") not in _TITLES
    )


def _titled_name(token: Any, sentence: int, state: _State) -> Mention | None:
    """A title and the name after it: one person, with the role the name was given or the title's."""
    title = _title_at(token)
    words = _titled_words(token) if title is not None else []
    if not words or title is None:
        return None
    name = " ".join(t.text for t in words)
    role, gender = state.names.get(name, title)
    state.consumed.update(range(token.i, words[-1].i + 1))
    span = Span(token.idx, words[-1].idx + len(words[-1].text))
    gender = gender or state.learned_gender.get(name.lower())
    head = words[-1]
    return Mention(role, span, sentence, "name", name, gender, False, head.i, salience_of(head))


def _role_word(token: Any) -> str | None:
    if token.pos_ not in {"NOUN", "PROPN", "PRON", "ADJ", "X"}:  # the small model tags "stepdad" PRON
        return None
    if token.lower_ == "worker" and _hyphen_prefix(token) == "co":
        return "coworker"
    if token.lower_ == "lead" and any(c.lower_ == "team" for c in token.children):
        return "leader"
    made = _role_by_word_form(token)
    if made is not None:
        return made
    for form in (str(token.lower_), str(token.lemma_).lower()):
        if form in ROLE_OF_WORD:
            if form in EVERYDAY_ONLY and not str(token.text).islower():
                return None  # a capitalised everyday role noun is a name or a title: "Dean, my manager", "our Dean"
            return form
    return None


def _role_by_word_form(token: Any) -> str | None:
    """A workplace role made by word formation (people 1.5.0), for nouns outside the lexicon: "my co-writer", "my
    co-interpreter" (a co- agent noun) and "my crewmate", "my bandmate" (a -mate compound) are colleagues; "the
    head keeper", "the head roaster" (a trade under "head") are the boss. The lexicon's own words come first
    ("flatmate", "headteacher")."""
    word = str(token.lower_)
    if token.pos_ != "NOUN" or word in _OWN_ROLE_WORDS or str(token.lemma_).lower() in _OWN_ROLE_WORDS:
        return None  # the everyday role nouns are formed on too: "the head baker" is the boss (people 1.8.0)
    if _hyphen_prefix(token) == "co" and word.endswith(_AGENT_ENDINGS) and word not in _CO_NOT_WORK:
        return "coworker"
    if len(word) > 6 and word.endswith("mate") and _possessor(token) in _MY:
        return "workmate"
    if word.endswith(_AGENT_ENDINGS) and any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lower_ == "head" for c in token.children
    ):
        return "boss"
    if word == "owner" and OWNERS_AS_BOSS and _owns_a_business(token):
        return "boss"
    return None


# What a boss owns (people 1.6.0): "the salon owner", "the owner of the bakery" is the writer's boss; the owner of
# a dog, a flat or a car is no role.
_BUSINESSES: Final = _words(
    "shop salon garage factory bakery cafe café restaurant bar pub firm company business store warehouse workshop "
    "yard farm studio gym hotel kitchen takeaway chippy stall site agency practice"
)


def _owns_a_business(token: Any) -> bool:
    """ "Salon owner", "the owner of the cheese factory": an owner of a business, by compound or "of"."""
    if any(c.dep_ in {"compound", "nmod"} and c.lemma_.lower() in _BUSINESSES for c in token.children):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and g.dep_ == "pobj" and g.lemma_.lower() in _BUSINESSES
        for c in token.children
        for g in c.children
    )


def _role_noun(token: Any, sentence: int, state: _State) -> Mention | None:
    word = _role_word(token)
    if word is None and token.lower_ == "ex" and _possessor(token) in _MY and not _role_follows(token):
        word = "ex"
    helper = word is None and _owned_helper_acts(token)  # "the landlord's agent rang" (people 1.10.0)
    if helper:
        word = str(token.lower_)
    if word is None or _not_a_person_use(token, word) or (word == "ex" and _role_follows(token)):
        return None
    role = "other" if helper else ROLE_OF_WORD[word]
    base_role = role
    doc = token.doc
    prefix = _hyphen_prefix(token)
    start = token.i - 2 if prefix else token.i
    former = not prefix and token.i >= 1 and doc[token.i - 1].lower_ == "former" and role == "partner"
    if prefix == "ex" or former:  # "my ex-husband", "my former wife"; a former pupil is no ex
        role, start = "ex", token.i - (2 if prefix else 1)
    possessor = _possessor(token) or (_possessor(doc[start]) if start != token.i else None)
    in_law = _is_in_law(token)
    someone_elses = (
        possessor is not None and possessor not in _MY and not _my_childs_teacher(token, role)
    ) or (possessor is None and _someone_elses(token, role))
    if in_law or someone_elses:
        role = "other"
    if (
        word in _NEEDS_POSSESSOR
        and possessor not in _MY
        and not _plural_with_the(token)
        and not (word in role_nouns.HELPERS and _person_owner(token) is not None)
    ):
        return None  # "my boss's assistant" is a person, the boss's (people 1.10.0)
    if possessor in _MY and start > 0 and doc[start - 1].lower_ in _MY:
        start -= 1
    elif possessor in _MY and start == token.i:
        start = _possessor_index(token)
    name, end = _name_after(token)
    pair_end = _other_parent_after(token, base_role) if name is None else -1
    if pair_end >= 0:  # "Mum and Dad", "my mom and my dad": the two together are the parents (people 1.5.0);
        role, end = ("parents" if role != "other" else role), pair_end  # "his mum and dad" are someone else's
    if in_law:
        name, end = doc[token.i : token.i + 5].text.replace(" ", ""), token.i + 4
    if (
        role == "therapist"
        and name is not None
        and possessor in _MY
        and not _names_my_current_therapist(token)
    ):
        role = "other"  # "my old therapist Dr Okafor": a person who was the writer's therapist (people 1.7.1)
    gender = "f" if word in _FEMALE else "m" if word in _MALE else None
    if role == "other" and name is None:
        name = word if word not in _GENERIC_OTHER else None
    state.consumed.update(range(start, end + 1))
    span = Span(doc[start].idx, doc[end].idx + len(doc[end].text))
    plural = token.tag_ in {"NNS", "NNPS"} or token.lower_ in _PLURAL_WORDS or pair_end >= 0
    if pair_end >= 0:
        gender = None
    salience = salience_of(token)
    if word in EVERYDAY_ONLY and token.dep_ in _OBJECT_DEPS:
        salience = min(salience, _OBJECT_SALIENCE)
    return Mention(role, span, sentence, "noun", name, gender, plural, token.i, salience)


def _person_owner(token: Any) -> Any:
    """The person who owns this word by "'s" ("my boss's", "the landlord's", "Tom's"), also where the parse hangs
    the owner elsewhere ("the landlord's agent rang", read as a noun "agent rang"); or None."""
    doc = token.doc
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if (
        owner is None
        and token.i >= 2
        and doc[token.i - 1].dep_ == "case"
        and doc[token.i - 1].lower_ in {"'s", "’s"}
    ):
        owner = doc[token.i - 2]
    if owner is None or (owner.pos_ != "PROPN" and _role_word(owner) is None):
        return None
    return owner


def _owned_helper_acts(token: Any) -> bool:
    """ "The landlord's agent rang and shouted", "my boss's PA told me": a helper's word outside the lexicon
    (``role_nouns.OWNED_HELPERS_ONLY``) is a person when a person owns it and it acts, as the subject of a verb or
    before a verb the parse reads as the noun it modifies ("agent rang")."""
    if token.lower_ not in role_nouns.OWNED_HELPERS_ONLY or _person_owner(token) is None:
        return False
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return True
    head = token.head
    return bool(token.dep_ == "compound" and head.i == token.i + 1 and head.dep_ == "ROOT")


def _other_parent_after(token: Any, role: str) -> int:
    """The last token of "and Dad" / "and my mum" right after a mother or father word, or -1."""
    if role not in {"mother", "father"}:
        return -1
    doc = token.doc
    i = token.i + 1
    if i >= len(doc) or doc[i].lower_ not in {"and", "&"}:
        return -1
    i += 1
    if i < len(doc) and doc[i].lower_ in _MY:
        i += 1
    other = _role_word(doc[i]) if i < len(doc) else None
    wanted = "father" if role == "mother" else "mother"
    return i if other is not None and ROLE_OF_WORD[other] == wanted else -1


def _someone_elses(token: Any, role: str) -> bool:
    """ "a son at the meeting", "another dad", "the mother of the family", "a professor": a kinship or authority
    word with an article and no "my" is someone else's (since people 1.5.0). "A friend", "a colleague", "a
    therapist" stay the writer's; "the wife", "the boss" and "the kids" (the writer's, in many voices) too."""
    article = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
    if article in _NOT_MINE_ARTICLES:
        return role in _KIN_ROLES or role in _AUTHORITY_ROLES
    return article == "the" and role in _KIN_ROLES and role != "partner" and token.tag_ == "NN"


def _my_childs_teacher(token: Any, role: str) -> bool:
    """ "my son's teacher", "our daughter's coach": the writer deals with the child's teacher as a teacher."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if role != "teacher" or owner is None or _role_word(owner) is None:
        return False
    return ROLE_OF_WORD[_role_word(owner) or ""] == "child" and _possessor(owner) in _MY


def _hyphen_prefix(token: Any) -> str:
    """ "ex" in "ex-husband", "co" in "co-worker": the word before a hyphen glued to this one."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        return str(doc[token.i - 2].lower_)
    return ""


def _role_follows(token: Any) -> bool:
    doc = token.doc
    return (
        token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and _role_word(doc[token.i + 2]) is not None
    )


def _not_a_person_use(token: Any, word: str) -> bool:
    """ "as a mother", "when I was a kid", "mother tongue", "took him to the dentist": the word does not point at
    a person here."""
    if token.dep_ in {"attr", "acomp"}:
        return True
    if word in _PRACTICES and token.dep_ == "pobj" and token.head.lower_ in {"to", "at"}:
        return True  # the practice, a place: "took Lily to the dentist", "at the GP's"
    if token.dep_ == "pobj" and token.head.lower_ in {"as", "like"}:
        return True
    if word in role_nouns.EVERYDAY_ROLES and any(  # "the printer driver" is a program (people 1.8.0)
        c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in role_nouns.OBJECT_MODIFIERS
        for c in token.children
    ):
        return True
    if _owns_a_thing(token):
        return True
    return word != "ex" and _modifies_a_noun(token)


def _modifies_a_noun(token: Any) -> bool:
    """ "my coach trip", "my manager account", "the boss fight", "the nurse practitioner": a role noun before the
    noun it modifies is no person of its own (people 1.10.0, h146; one rule, with or without "my"). The noun is the
    one the parse makes the role noun a compound of, or, where the parse misses the compound ("the boss fight",
    read as two subjects), the next noun if it is one of ``role_nouns.THING_HEADS`` and the sentence has a verb
    (in one without, left unparsed, the noun may be the verb misread: "me and my boyfriend fight about money"). Before a thing (``_a_thing``)
    the role noun is a modifier, unless the "thing" is a verb read as a noun (``_verb_read_as_noun``: "my mum
    rang", "me and my boyfriend fight about money") or, where "my" owns the pair, a third person then acts ("my
    coach trip got moved and they said sorry"; h145: "my coach" may be the person, "the client file" may not).
    Before one of ``role_nouns.PERSON_HEADS`` ("the nurse practitioner", "the nurse manager") the two words are one
    person, the head, found on its own. Before another role word ("my friend Dad"), both stay people."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.dep_ == "compound":
        head = token.head
    elif (
        after is not None
        and after.pos_ == "NOUN"
        and after.lemma_.lower() in role_nouns.THING_HEADS
        and any(t.pos_ in {"VERB", "AUX"} for t in token.sent)  # with no verb, "fight" may be the verb
    ):
        head = after
    else:
        return False
    if head.lower_ in role_nouns.PERSON_HEADS and head.i == token.i + 1:
        return True  # "the nurse practitioner": one person, the head
    if head.pos_ != "NOUN" or not _a_thing(head) or _verb_read_as_noun(head):
        return False
    return _possessor(token) is None or not _person_acts_after(token)


# Where a verb the parse reads as a noun stands: the head of a clause, not an argument ("my mum rang", "me and my
# boyfriend fight about money").
_CLAUSE_DEPS: Final = frozenset({"ROOT", "conj", "ccomp", "parataxis", "advcl", "xcomp"})


def _verb_read_as_noun(token: Any) -> bool:
    """A "noun" heading a clause with no determiner or owner of its own: "rang" in "my mum rang", "fight" in "me
    and my boyfriend fight about money"; "my coach trip got moved" has its trip as the subject."""
    return token.dep_ in _CLAUSE_DEPS and not any(c.dep_ in {"det", "poss"} for c in token.children)


_ARTICLES: Final = _words("a an the")
_THIRD_PERSON: Final = _words("he she they")
# Nouns for a number of people together: "my friend group", "her work crowd", "the family circle" are people, and
# a role noun before one names who they are (h145).
_PEOPLE_TOGETHER: Final = _words("group groups circle crowd gang lot crew squad team bunch set clique")


def _a_thing(token: Any) -> bool:
    """A noun that is neither a person (a role word), a number of people together ("group", "crowd") nor a part of
    a body: "tea", "seat", "trip", "van"."""
    word = token.lower_
    return (
        token.pos_ == "NOUN"
        and _role_word(token) is None
        and word not in BODY_WORDS
        and word not in _PEOPLE_TOGETHER
        and word not in role_nouns.PERSON_HEADS
        and word not in role_nouns.HELPERS
    )


def _owns_a_thing(token: Any) -> bool:
    """ "a builder's tea", "the manager's special", "the driver's seat" (people 1.9.0, h144): a role noun with an
    article and no owner of its own, in the possessive "'s" before a thing, names a kind of thing, not a person in
    the writer's day; unless a third person then acts ("the builder's van was outside and he shouted"). "My dad's
    car", "Mum's cooking" and "the builder's hand" stay people."""
    if token.dep_ != "poss" or not any(c.dep_ == "case" for c in token.children) or not _a_thing(token.head):
        return False
    if _possessor(token) is not None or not any(
        c.dep_ == "det" and c.lower_ in _ARTICLES for c in token.children
    ):
        return False
    return not _person_acts_after(token)


def _person_acts_after(token: Any) -> bool:
    """A "he", "she" or "they" as the subject of a later verb, in this sentence or the next."""
    doc = token.doc
    last = token.sent.end
    if last < len(doc):
        last = doc[last].sent.end
    return any(
        t.lower_ in _THIRD_PERSON and t.dep_ in {"nsubj", "nsubjpass"} for t in doc[token.i + 1 : last]
    )


def _possessor(token: Any) -> str | None:
    """ "my", "her", "Tom's" … owning this word (or right before it, where the parse hangs it elsewhere)."""
    index = _possessor_index(token)
    return str(token.doc[index].lower_) if index >= 0 else None


def _possessor_index(token: Any) -> int:
    owners = [child.i for child in token.children if child.dep_ == "poss"]
    if owners:
        return int(min(owners))
    before = token.doc[token.i - 1] if token.i > 0 else None
    return int(before.i) if before is not None and before.dep_ == "poss" and before.pos_ == "PRON" else -1


def _plural_with_the(token: Any) -> bool:
    return token.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _is_in_law(token: Any) -> bool:
    doc = token.doc
    window = " ".join(t.lower_ for t in doc[token.i + 1 : token.i + 5])
    return window.startswith("- in - law")


def _name_after(token: Any) -> tuple[str | None, int]:
    """The name right after a role word ("my husband Tom", "my friend, Anna,"), and the mention's last token."""
    doc = token.doc
    i = token.i + 1
    bracket = i + 1 < len(doc) and doc[i].text == "("
    apposed = (
        i + 1 < len(doc) and doc[i].text == "," and (doc[i + 1].dep_ == "appos" or _title_at(doc[i + 1]))
    )
    if bracket or apposed:
        i += 1
    if i < len(doc) and _title_at(doc[i]) is not None and _titled_words(doc[i]):
        words = _titled_words(doc[i])  # "the unit counselor, Capt. Byrne", "my professor (Dr Kim)"
        return " ".join(t.text for t in words), words[-1].i
    j = i
    while j < len(doc) and (_looks_like_name(doc[j]) or (bracket and _capitalised(doc[j]))):
        j += 1
    if j == i or (bracket and (j >= len(doc) or doc[j].text != ")")):
        return None, token.i
    return " ".join(t.text for t in doc[i:j]), j - 1


# Everyday words the small tagger reads as names when they open a sentence ("Lunch was awful."): never a person.
_NOT_NAMES: Final = _words(
    "breakfast brunch lunch dinner supper tea coffee drinks work school college uni gym church therapy yoga "
    "class practice rehearsal training shopping chores homework today tonight yesterday tomorrow morning "
    "afternoon evening night weekend monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december christmas easter "
    "thanksgiving halloween ramadan eid diwali hanukkah birthday holiday holidays vacation rain snow sun "
    "home bed sleep dream dreams nothing everything anyway whatever okay ok fine great ugh wow god lord jesus allah"
)


# A person known only by name, by grammar (since people 1.4.0): the small entity recogniser misses or mislabels
# many first names ("Dawit" as an organisation, "Zoltan" as a place), so a capitalised proper noun is a person
# where the sentence makes it act or be acted on as people are ("Dawit texted me", "told Joss", "with Hamish",
# "Ugo's mum", "Bex and I"), not where it only opens the sentence, names a place ("in Leeds", "Elm Street"), a
# brand or an event ("Netflix", "Tesco", "Brexit"), or a pet walked in passing ("walked Biscuit").
# Verbs whose subject is a person: speech, contact, thought and the acts of one person towards another.
_HUMAN_VERBS: Final = _words(
    "say tell ask shout yell scream snap laugh cry sob smile grin sigh text texted message call ring phone email reply "
    "answer insist promise apologise apologize admit explain complain moan whinge joke tease mock hug kiss thank "
    "blame ignore refuse agree disagree nod shrug whisper mutter lie listen notice decide forget remember mention "
    "suggest offer invite forgive argue interrupt stare glare criticise criticize accuse scold lecture comfort "
    "reassure pick collect help hang storm cancel ghost dump block unfriend swear nag point wave wink roll"
)
# Their past forms the small tagger may leave as proper nouns in a diary's dropped-subject sentence ("Rang Priti").
_CONTACT_FORMS: Final = _words(
    "told asked rang called texted messaged phoned emailed met hugged kissed thanked blamed invited visited warned "
    "reminded forgave helped collected picked tell ask ring call text message phone email meet hug kiss thank "
    "blame invite visit warn remind forgive help collect pick confront convince persuade beg comfort reassure "
    "cuddle dump ghost block unfriend"
)
# Verbs whose "to X" is a person spoken or written to.
_SPEECH_TO: Final = _words(
    "say talk speak explain apologise apologize lie complain write reply confess vent moan admit mention send "
    "whisper shout yell snap listen"
)
# "come round", "turn up": the subject is a visitor.
_VISIT_PARTICLES: Final = frozenset({"round", "over", "by", "up", "back"})
_VISIT_VERBS: Final = _words("come pop drop turn show")
# What only a person has: "Ugo's mum", "Keeley's birthday".
_PERSONAL_NOUNS: Final = _words(
    "birthday wedding funeral party house flat place room bedroom car phone text texts message messages voice face "
    "hand hands eyes idea plan fault turn mood advice reply answer number kids family wife husband"
)
# Capitalised words that are brands, platforms, shops, public bodies or events, never a person here.
_NOT_PEOPLE: Final = _words(
    "netflix tesco asda aldi lidl sainsbury sainsburys waitrose morrisons amazon google apple microsoft facebook "
    "instagram insta twitter tiktok whatsapp snapchat youtube spotify uber deliveroo ikea primark starbucks costa "
    "greggs mcdonald mcdonalds nando nandos zoom teams slack brexit covid nhs bbc itv chatgpt siri alexa xbox "
    "playstation nintendo tinder hinge bumble reddit linkedin discord ebay paypal argos boots bake off"
)
# Words after a name that make it a place: "Elm Street", "Clapham Common", "Hyde Park".
_PLACE_WORDS: Final = _words(
    "street st road rd lane avenue ave close drive way park square hill common green station airport bridge "
    "terrace crescent place gardens market centre center mall hospital school college university church"
)


def _name_word(token: Any) -> bool:
    """A capitalised proper noun (or a noun the recogniser calls a person: "Theo" opening a sentence) that could be
    a first or last name (not a role word, month, brand …)."""
    text = token.text
    return bool(
        (token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.ent_type_ == "PERSON"))
        and text[:1].isupper()
        and text.isalpha()
        and not (len(text) > 1 and text.isupper())
        and _role_word(token) is None
        and token.lower_ not in _NOT_NAMES
        and token.lower_ not in _NOT_PEOPLE
        and text.rstrip(".") not in _TITLES
    )


def _opens_sentence(token: Any) -> bool:
    doc = token.doc
    i = token.i
    while (
        i > 0 and doc[i - 1].is_punct and not doc[i - 1].is_sent_start and doc[i - 1].text in {'"', "'", "("}
    ):
        i -= 1
    return bool(token.is_sent_start or i == 0 or doc[i].is_sent_start or doc[i - 1].text in {".", "!", "?"})


def _verb_forms(verb: Any) -> set[str]:
    return {str(verb.lemma_).lower(), str(verb.lower_)}


def _acts_as_person(token: Any) -> bool:
    """The grammar of a person: the subject of a verb of speech, contact or thought (or of "came round", or of
    "had the day planned"), the object of "told / asked / met / texted …", the one spoken to, "with X", "X's mum",
    "X and I"."""
    head = token.head
    dep = token.dep_
    if _apposed_role(token) is not None:
        return True  # "Kit, the other welder,", "Kit, who plasters with me," (people 1.6.0)
    if dep in {"nsubj", "nsubjpass"}:
        verbs = [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        if any(_on_my_things(verb) for verb in verbs):
            return True  # "Kit ate my lunch", "Kit borrowed my van" (people 1.6.0)
        for verb in verbs:
            forms = _verb_forms(verb)
            if forms & _HUMAN_VERBS:
                return True
            if forms & _VISIT_VERBS and any(c.lower_ in _VISIT_PARTICLES for c in verb.children):
                return True
        if any(_towards_writer(verb) for verb in verbs):
            return True  # "Theo fired me", "Ines works with me": acts towards the writer
        if head.lemma_ == "have" and any(
            c.dep_ in {"ccomp", "xcomp", "oprd"} and c.tag_ == "VBN" for c in head.children
        ):
            return True  # "had the whole day planned"
    if dep in {"dobj", "dative"} and _verb_forms(head) & _CONTACT_FORMS:
        return True
    if dep == "pobj" and head.lower_ == "to" and _verb_forms(head.head) & _SPEECH_TO:
        return True
    if dep == "pobj" and head.lower_ == "with" and not any(c.dep_ == "det" for c in token.children):
        return True
    if dep == "poss":
        return _role_word(head) is not None or head.lemma_.lower() in _PERSONAL_NOUNS
    conj_people = [c for c in token.children if c.dep_ == "conj"]
    if dep == "conj":
        conj_people.append(head)
    return any(
        c.lower_ in {"i", "me"} or (_role_word(c) is not None and _possessor(c) in _MY) for c in conj_people
    )


def _on_my_things(verb: Any) -> bool:
    """ "ate my lunch", "borrowed my van", "docked my pay": the verb's direct object is the writer's."""
    return any(c.dep_ == "dobj" and _possessor(c) == "my" for c in verb.children)


def _towards_writer(verb: Any) -> bool:
    """ "fired me", "gave me", "shouted at me", "works with me": the verb's object is the writer."""
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"} and child.lower_ == "me":
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ == "me" for g in child.children):
            return True
    return False


def _grammar_names(tokens: list[Any]) -> dict[int, tuple[int, str]]:
    """First pass: the people known only by name whose grammar shows them to be people, as the first token's
    index -> (last token's index, name). The name is the run of capitalised proper nouns ending at its head."""
    found: dict[int, tuple[int, str]] = {}
    for token in tokens:
        if not _name_word(token) or (
            token.ent_iob_ == "B" and token.ent_type_ == "PERSON" and token.pos_ == "PROPN"
        ):
            continue  # the entity recogniser's people are read as before
        if token.dep_ in {"compound", "flat"} and token.head.i == token.i + 1 and _name_word(token.head):
            continue  # "Joss Whitley": the run's head decides
        before = tokens[token.i - 1] if token.i > 0 else None
        compound = before is not None and before.dep_ == "compound" and before.head.i == token.i
        start = token.i - 1 if compound and before is not None and _name_word(before) else token.i
        after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
        if after is not None and after.lower_ in _PLACE_WORDS and after.text[:1].isupper():
            continue
        if _title_before_name(token):
            continue
        if not _acts_as_person(token):
            continue
        if _opens_sentence(tokens[start]) and token.dep_ not in {"nsubj", "nsubjpass", "poss", "conj"}:
            continue
        found[start] = (token.i, " ".join(t.text for t in tokens[start : token.i + 1]))
    return found


def _title_before_name(token: Any) -> bool:
    """ "Brygadzista on the site, Marek, shouted": a capitalised word with a name after it in apposition (or parsed
    as a second subject after a comma) is a title, in another language or none, not a person (people 1.6.0)."""
    if any(c.dep_ == "appos" and _name_word(c) for c in token.children):
        return True
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return any(
        s.dep_ == token.dep_ and s.i > token.i + 1 and token.doc[s.i - 1].text == "," and _name_word(s)
        for s in token.head.children
    )


def _looks_like_name(token: Any) -> bool:
    return bool(
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and _role_word(token) is None
        and token.lower_ not in _NOT_NAMES
    )


def _introduced_names(tokens: list[Any]) -> dict[str, tuple[str, str | None]]:
    """First pass: names tied to a role by "my husband Tom", "Tom, my husband", "Sophie is my friend" or
    "Ben from work"."""
    names: dict[str, tuple[str, str | None]] = {}
    for token in tokens:
        if _looks_like_name(token) and _from_work(token):
            names.setdefault(token.text, ("colleague", None))
        word = _role_word(token)
        if word is None or _possessor(token) not in _MY:
            apposed = word is not None and _possessor(token) is None and _apposed_name(token)
            if not apposed or word is None:
                continue
        role = ROLE_OF_WORD[word]
        if role == "therapist" and _possessor(token) in _MY and not _names_my_current_therapist(token):
            continue  # "Sam isn't my therapist", "my old therapist Dr Lee" (people 1.7.1)
        gender = "f" if word in _FEMALE else "m" if word in _MALE else None
        name, _ = _name_after(token)
        for found in (name, _name_before(token), _name_is(token)):
            if found and found not in names:
                names[found] = (role, gender)
                names.setdefault(found.split()[0], (role, gender))
    for token in tokens:  # "Dr. Levin", "Mrs Dale": the title's role, unless a role word gave the name one
        title = _title_at(token)
        words = _titled_words(token) if title is not None else []
        if words and title is not None:
            name = " ".join(t.text for t in words)
            tied = names.get(name) or names.get(words[-1].text)
            names.setdefault(name, tied or title)
            names.setdefault(words[-1].text, tied or title)
    return names


def _apposed_name(token: Any) -> bool:
    """ "the unit counselor, Capt. Byrne", "manager (Ruth)", "Bro (Dev)": a role word with no possessor whose name
    follows it in apposition or in brackets (not "the boss Tom")."""
    doc = token.doc
    return (
        token.i + 1 < len(doc) and doc[token.i + 1].text in {",", "("} and _name_after(token)[0] is not None
    )


def _owns_a_noun(token: Any) -> bool:
    """ "mum's" in "my mum's friend": a role word in the possessive, so the noun it owns heads its phrase."""
    return token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children)


def _name_is(token: Any) -> str | None:
    """ "Sophie is my closest friend": the name that is the subject of "be" with this role as attribute."""
    if token.dep_ != "attr" or token.head.lemma_ != "be":
        return None
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    return str(subject.text) if subject is not None and _looks_like_name(subject) else None


def _from_work(token: Any) -> bool:
    """ "Ben from work", "Priya from the office"."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "from":
        return False
    place = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
    return place is not None and place.lemma_.lower() in _WORKPLACES


def _name_before(token: Any) -> str | None:
    """ "Tom, my husband": a name, a comma, then the possessive role phrase. The phrase's head names the person: a
    role word that owns the head ("Sam, my mum's friend,", "Jo (my friend's mum)") is that person's someone, not
    the name's role (people 1.7.3)."""
    if _owns_a_noun(token):
        return None
    doc = token.doc
    poss = _possessor_index(token)
    if poss >= 2 and doc[poss - 1].text in {",", "("} and _looks_like_name(doc[poss - 2]):
        return str(doc[poss - 2].text)
    return None


def _name(token: Any, sentence: int, state: _State) -> Mention | None:
    text = token.text
    if text in state.names:
        role, gender = state.names[text]
        learned = state.learned_gender.get(text.lower())
        return Mention(
            role,
            _token_span(token),
            sentence,
            "name",
            text,
            gender or learned,
            False,
            token.i,
            salience_of(token),
        )
    if _is_place(token):
        return None
    if token.i in state.by_grammar or (token.text in state.grammar_names and not _is_place_word_after(token)):
        return _grammar_name(token, sentence, state)
    if token.ent_type_ != "PERSON" or not _looks_like_name(token) or token.ent_iob_ != "B":
        return None
    ent = next(e for e in token.doc.ents if e.start == token.i)
    if any(t.lower_ in _NOT_PEOPLE for t in ent):
        return None  # "Brexit", "Bake Off": the recogniser's person is a brand or an event
    state.consumed.update(range(ent.start, ent.end))
    span = Span(ent.start_char, ent.end_char)
    learned = state.learned_gender.get(ent.text.lower())
    return Mention(
        "other", span, sentence, "unknown_name", ent.text, learned, False, token.i, salience_of(token)
    )


# The role the sentence gives a person known only by name (since people 1.4.0), read from the grammar around the
# name, never from the encoder: "Bex at work", "I work with Bex", "Theo fired me", "our wedding", "picked Ollie up
# from school", "Keeley and I have been friends since school".
_CONTEXT_WORKPLACES: Final = _WORKPLACES | _words("shift")
_BOSS_VERBS: Final = _words("fire sack promote hire appraise manage supervise demote discipline")
_PARTNER_NOUNS: Final = _words("wedding anniversary marriage mortgage honeymoon engagement")
_PARTNER_VERBS: Final = _words("marry propose")
_CHILD_NOUNS: Final = _words("nursery homework bedtime nappy nappies playdate pram buggy cot")
_SCHOOL_WORDS: Final = _words("school nursery creche daycare")
_FRIEND_WORDS: Final = _words("friend friends mate mates")


def _role_from_context(name_token: Any) -> str | None:
    """The role the grammar around one mention of a name-only person gives it, or None."""
    doc = name_token.doc
    after = doc[name_token.i + 1] if name_token.i + 1 < len(doc) else None
    if after is not None and after.lower_ in {"at", "from", "in", "on"}:
        place = next((c for c in after.children if c.dep_ == "pobj"), None)
        if place is not None and place.lemma_.lower() in _CONTEXT_WORKPLACES:
            return "colleague"  # "Bex at work", "Nadia in accounts", "Ollie on my team"
    apposed = _apposed_role(name_token)
    if apposed is not None:
        return apposed
    head = name_token.head
    if name_token.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ == "work":
        return "colleague"  # "I work with Bex"
    if (
        name_token.dep_ == "pobj"
        and head.lower_ == "with"
        and (head.head.lemma_ == "date" or (head.head.lower_ == "in" and head.head.head.lemma_ == "move"))
    ):
        return "partner"  # "moved in with Sam", "a date with Sam"
    subject = name_token.dep_ in {"nsubj", "nsubjpass"}
    verb = head if subject else None
    if (
        verb is not None
        and verb.lemma_ == "work"
        and any(c.lower_ == "with" and any(g.lower_ == "me" for g in c.children) for c in verb.children)
    ):
        return "colleague"  # "Bex works with me"
    if (
        verb is not None
        and verb.lemma_.lower() in _BOSS_VERBS
        and any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"me", "i"} for c in verb.children)
    ):
        return "boss"  # "Theo fired me"
    objects = [c for c in verb.children if c.dep_ == "dobj"] if verb is not None else []
    if any(o.lemma_ == "shift" and _possessor(o) in _MY for o in objects):
        return "colleague"  # "Bex covered my shift"
    if verb is not None and any(
        g.lemma_ == "office" and _possessor(g) in {"his", "her", "their"}
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "into"
        for g in c.children
    ):
        return "boss"  # "Theo called me into his office"
    if (verb is not None and verb.lemma_.lower() in _PARTNER_VERBS) or (
        name_token.dep_ == "dobj" and head.lemma_.lower() == "marry"
    ):
        return "partner"  # "Sam proposed", "I married Sam"
    sentence = name_token.sent
    ours = [t for t in sentence if t.dep_ == "poss" and t.lower_ == "our"]
    if any(t.head.lemma_.lower() in _PARTNER_NOUNS for t in ours):
        return "partner"  # "Sam forgot our anniversary"
    if name_token.dep_ == "poss" and head.lemma_.lower() in _CHILD_NOUNS | _SCHOOL_WORDS:
        return "child"  # "Ollie's homework", "Ollie's nursery"
    if name_token.dep_ == "dobj" and head.lemma_ in {"pick", "drop", "take", "collect"}:
        places = [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if any(p.lemma_.lower() in _SCHOOL_WORDS for p in places):
            return "child"  # "picked Ollie up from school"
    if verb is not None and _introduces_me_as_friend(verb):
        return "friend"  # "Keeley introduced me as her oldest friend" (people 1.6.0)
    if subject and verb is not None and verb.lemma_ == "be":
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        together = any(c.dep_ == "conj" and c.lower_ == "i" for c in name_token.children)
        if attr is not None and attr.lower_ in _FRIEND_WORDS and together:
            return "friend"  # "Keeley and I have been friends since school"
    return None


def _introduces_me_as_friend(verb: Any) -> bool:
    """ "introduced me to her mates as her oldest friend", "calls me her best mate": the subject names the writer as
    a friend of its own."""
    if not any(c.dep_ in {"dobj", "dative"} and c.lower_ == "me" for c in verb.children):
        return False
    return any(
        g.dep_ == "pobj" and g.lower_ in _FRIEND_WORDS and _possessor(g) in {"her", "his", "their"}
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
    )


def _apposed_role(name_token: Any) -> str | None:
    """ "Theo, a colleague,", "Ines, the new manager,", "Bex, who I work with": the role a name's apposition
    gives (a role word after "a", "an" or "the"; a relative clause of working together)."""
    doc = name_token.doc
    i = name_token.i + 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    nxt = doc[i + 1]
    # "Kit, the other welder on the crew,": one of the writer's own trade (people 1.6.0)
    other_one = i + 3 < len(doc) and doc[i + 2].lower_ == "other" and doc[i + 3].pos_ == "NOUN"
    if nxt.lower_ == "the" and other_one:
        return "colleague"
    if nxt.lower_ in {"my", "our"}:
        word = _role_word(doc[i + 2]) if i + 2 < len(doc) else None
        if word is None or (i + 3 < len(doc) and doc[i + 3].dep_ == "case"):
            return (
                None  # "Sam, my therapist's husband,": the role word's someone, not its person (people 1.7.2)
            )
        if ROLE_OF_WORD[word] == "therapist" and not _names_my_current_therapist(doc[i + 2]):
            return None  # "Sam, my therapist until March,", "Sam, my ex therapist," (people 1.7.2)
        return ROLE_OF_WORD[word]  # "Kit, our apprentice,"
    if nxt.lower_ in {"a", "an", "the"}:
        for token in doc[i + 2 : i + 5]:
            word = _role_word(token)
            if word is not None:
                return ROLE_OF_WORD[word] if word not in _GENERIC_OTHER else None
            if token.pos_ not in {"ADJ", "NOUN", "PROPN"} or token.text == ",":
                return None
        return None
    if nxt.lower_ == "who":
        words = [t.lower_ for t in doc[i + 2 : i + 6]]
        if words[:3] == ["i", "work", "with"] or words[:3] == ["works", "with", "me"]:
            return "colleague"
        verb = doc[i + 2] if i + 2 < len(doc) else None
        if (
            verb is not None
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() not in _NOT_WORK_WITH
            and words[1:3] == ["with", "me"]
        ):
            return "colleague"  # "Kit, who plasters with me most summers,": works beside the writer (people 1.6.0)
    return None


# "who lives with me", "who came with me": a relative clause "with me" that tells no shared work.
_NOT_WORK_WITH: Final = _words("live stay sleep come go be move travel walk eat drink talk argue fight play")


def _roles_by_context(tokens: list[Any], mentions: list[Mention]) -> list[Mention]:
    """Give a person known only by name (an unknown name, `other`) the role the grammar around one of its
    mentions gives; every mention with that name (resolved pronouns included) takes it."""
    roles: dict[str, str] = {}
    names = {m.name for m in mentions if m.source in {"unknown_name", "grammar_name"} and m.role == "other"}
    for m in mentions:
        if (
            (m.source in {"unknown_name", "grammar_name"} or (m.source == "pronoun" and m.name in names))
            and m.role == "other"
            and m.name
            and m.name not in roles
        ):
            role = _role_from_context(tokens[m.head])
            if role is not None:
                roles[m.name] = role
    if not roles:
        return mentions
    return [replace(m, role=roles[m.name]) if m.role == "other" and m.name in roles else m for m in mentions]


def _grammar_name(token: Any, sentence: int, state: _State) -> Mention:
    """A person known only by name (since people 1.4.0), `other` with an unknown name's confidence."""
    end, name = state.by_grammar.get(token.i, (token.i, token.text))
    doc = token.doc
    state.consumed.update(range(token.i, end + 1))
    span = Span(token.idx, doc[end].idx + len(doc[end].text))
    learned = state.learned_gender.get(name.lower())
    head = doc[end]
    return Mention("other", span, sentence, "grammar_name", name, learned, False, head.i, salience_of(head))


def _is_place_word_after(token: Any) -> bool:
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.lower_ in _PLACE_WORDS and after.text[:1].isupper()


def _is_place(token: Any) -> bool:
    """ "the truck stop in Amarillo", "Chachu in Dubai": a name after "in" is a place, not a person. And a
    diary's opening verb the tagger reads as a name ("Rang my husband", "Texted her"): not a person either."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ in _PLACE_PREPOSITIONS and before.whitespace_:
        return True
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    opens = token.is_sent_start or before is None or before.is_punct
    return bool(opens and nxt is not None and nxt.lower_ in _OBJECT_WORDS)


def _pronoun(token: Any, sentence: int, state: _State) -> Mention | None:
    """The most recent compatible mention in this or the previous sentence; failing that, the only
    compatible person in the three sentences before (lower confidence)."""
    kind = _PRONOUNS[token.lower_]
    near = _candidates(state, kind, sentence - 1)
    if near and near[0].salience >= 1.0:
        return _resolved(near[0], token, sentence, kind, state, "pronoun")
    pair = _they_for_pair(token, sentence, state) if kind == "pl" else None
    if pair is not None:
        return pair
    far = [m for m in _candidates(state, kind, sentence - FAR_PRONOUN_SENTENCES) if m.salience >= 1.0]
    if far and len({m.key for m in far}) == 1:
        return _resolved(far[0], token, sentence, kind, state, "pronoun_far")
    # only a possessive modifier nearby ("my husband's family"): a weak antecedent, used as a last resort
    if near:
        return _resolved(near[0], token, sentence, kind, state, "pronoun")
    return _therapist_by_pronoun(token, sentence, kind, state)


def _therapist_by_pronoun(token: Any, sentence: int, kind: str, state: _State) -> Mention | None:
    """ "Therapy session. She said I was avoiding things.", "In session I … told her": a "she" or "he" with no
    antecedent, in a therapy session's sentence or the two after it, in a text that names no one else before it,
    is the therapist (people 1.5.0; the name-only therapist of a session is ``_therapist_by_setting``'s)."""
    if kind not in {"f", "m"} or not any(c <= sentence <= c + _SETTING_SENTENCES for c in state.setting):
        return None
    if any(m.source != "self" for m in state.mentions):
        return None
    return Mention(
        "therapist", _token_span(token), sentence, "setting", None, kind, False, token.i, salience_of(token)
    )


def _candidates(state: _State, kind: str, first_sentence: int) -> list[Mention]:
    """Compatible earlier mentions from ``first_sentence`` on: latest sentence first, then subjects before
    objects before possessives ("My brother takes Dad's side. He …" is the brother), then the most recent."""
    found: list[Mention] = []
    for earlier in reversed(state.mentions):
        if earlier.sentence < first_sentence:
            break
        if earlier.source not in {"self", "address"} and _compatible(earlier, kind, state):
            found.append(earlier)
    return sorted(
        found, key=lambda m: (m.sentence, m.salience >= 1.0, m.salience, m.span.start), reverse=True
    )


def salience_of(token: Any) -> float:
    """How prominent a mention's head word is in its clause."""
    dep = token.dep_
    if dep in {"nsubj", "nsubjpass"}:
        return 2.0
    if dep in {"dobj", "pobj", "dative", "appos"}:
        return 1.5
    return 0.5 if dep == "poss" else 1.0


def _resolved(earlier: Mention, token: Any, sentence: int, kind: str, state: _State, source: str) -> Mention:
    if earlier.gender is None and kind in {"f", "m"}:
        state.learned_gender[_gender_key(earlier)] = kind
    gender = earlier.gender or (kind if kind != "pl" else None)
    anchor = earlier.anchor if earlier.anchor >= 0 else earlier.span.start
    found = replace(
        earlier, span=_token_span(token), sentence=sentence, source=source, head=token.i, anchor=anchor
    )
    return replace(found, gender=gender, salience=salience_of(token))


def _they_for_pair(token: Any, sentence: int, state: _State) -> Mention | None:
    """ "my mom and Dad … They": a plural pronoun after two people of one kind (or mother and father)."""
    recent = [
        m
        for m in state.mentions
        if m.sentence >= sentence - 1 and m.source not in {"self", "address", "pronoun"}
    ]
    roles = {m.role for m in recent}
    if len({m.key for m in recent}) < 2:
        return None
    if {"mother", "father"} <= roles:
        role = "parents"
    elif len(roles) == 1:
        role = roles.pop()
    else:
        return None
    return Mention(
        role, _token_span(token), sentence, "pronoun", None, None, True, token.i, salience_of(token)
    )


def _gender_key(mention: Mention) -> str:
    return (mention.name or mention.role).lower()


def _compatible(mention: Mention, kind: str, state: _State) -> bool:
    gender = mention.gender or state.learned_gender.get(_gender_key(mention))
    if kind == "pl":
        return mention.plural or (gender is None and mention.role != "other")
    return not mention.plural and gender in {None, kind}


# The analyzer as the registry knows it without building it (see registry.Declaration).
DECLARED = Declaration(
    version=VERSION,
    model_hash=lambda: MODEL_HASH,
    applies_to=None,
    requires=frozenset({"sentences", "spacy"}),
)


class PeopleAnalyzer:
    name = "people"
    version = DECLARED.version
    model_hash = MODEL_HASH
    requires = DECLARED.requires
    produces = frozenset({"person"})
    applies_to: frozenset[str] | None = DECLARED.applies_to

    def run(self, doc: Document) -> list[Finding]:
        return [mention.to_finding() for mention in find_mentions(doc)]


@register("people", order=20, declared=DECLARED)
def _build() -> Analyzer:
    return PeopleAnalyzer()
