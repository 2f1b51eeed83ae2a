"""Reverie's character rules: find the people, animals and creatures of a dream report in a spaCy parse.

Rules (Reverie's own reading of the public HVdC character categories):
* a character is a person noun, a personal name, an indefinite pronoun (someone), an animal or a creature;
  the dreamer (I, me, we) is never a character;
* each character is counted once per dream: repeated mentions of the same role, name or noun are merged,
  and "another man" starts a new one;
* a plural noun or a group noun (people, crowd) makes a group (number 2), "dead" or "late" a dead one (3);
* sex comes from the noun (mother, man), a name list, a title (Mr., Mrs.) or the next he/she; mixed
  groups are J (joint), unknown sex I (indefinite);
* identity comes from the noun: family and relatives, known (friend, a named person), prominent (king,
  president), occupational (teacher), ethnic (an ethnic adjective), stranger (a man, a woman) or
  uncertain (someone, people); "my" before a stranger-type noun makes it known;
* age: baby B, child C (boy, girl, kid, or "little"), teenager T, otherwise adult A;
* 1.1.3: a character the report says is not there is not a character of the dream (HVdC codes the characters
  present): one whose every mention is absent ("no father", "nobody, not even my father", "she was not there",
  "he never came", "she was nowhere to be found", "Grandma was missing", "I couldn't find my dog") or only
  sought ("I was looking for my mother", "waited for my brother"), read on the dependency parse; one mention
  that shows them present ("found her in the kitchen", "visited her") keeps them.
* 1.1.4: absence is read by the negation's scope, wherever the parser hangs the negator: "not" or "never" right
  before the character's own phrase, over "even" ("nobody called, not even my father": "not" on the verb, the father
  on nothing; "not only" and "not just" widen, never deny); "neither" on the first of "neither ... nor"; a conjunct
  of a subject shares its first conjunct's clause ("my mother and my father weren't there"); the object of
  "without" and the "of" of "none of" ("none of my family came").
* 1.1.6: contrastive negation denies only the one it stands before: "my mother, not my father" (the parser hangs
  "not" on the mother) and "not my father but my mother" (the mother a conjunct of the negated father) keep the
  mother, the father left out.
* 1.2.0 (r78): the dreamer in another body is the dreamer, never a character: the predicate noun of "I was / am /
  became a N" ("I was a little boy again", "I was an old man") or what "I turned into"; a possessive owner of a place
  or thing ("my grandmother's house", "my dad's car") is not placed in the dream by that alone (kept when another
  mention puts them there); a relative clause "who passed away / passed on / we lost" makes the character dead (3),
  like "who died"; "Mum", "Dad", "Nan", "Grandma" read as a name (spaCy's PERSON) are the family member.
* 1.2.1 (h95): a character is coded when some mention puts them there: one only looked, searched or waited for
  ("waiting for my friend", "someone I was looking for", "the man I sought") is left out like an owner, unless
  another mention shows them ("found her", "the girl I was waiting for arrived").

``Cast.by_token`` maps every token that refers to a character (or to the dreamer, ``D``) to its code, so
interaction, emotion and fortune rules can find who does what to whom.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reverie.analysis.dreams import lexicon as lx
from reverie.analysis.dreams.codes import DREAMER, Character
from reverie.analysis.findings import Span

CONTRAST_WORDS = frozenset({"but"})
NEW_CHARACTER_WORDS = frozenset({"another", "other", "second", "third", "different", "new"})
CHILD_WORDS = frozenset({"little", "young", "small", "baby"})
CHILD_NOUNS = frozenset({"boy", "girl", "lad", "lass"})  # adults unless "little"/"young"/"small"
KNOWN_GROUP_WORDS = frozenset({"fraternity", "sorority", "lodge", "club"})
MALE_TITLES = frozenset({"mr", "mr.", "sir", "uncle", "father", "brother", "king", "prince", "lord"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "miss", "ms", "ms.", "aunt", "sister", "queen", "princess", "lady"})
SKIP_WORDS = frozenset({"nobody", "no one", "noone"})
# 1.1.3: absence (see the module docstring)
NEGATORS = frozenset({"not", "n't", "no", "never", "neither", "nor"})
NOBODY_WORDS = frozenset({"nobody", "noone", "none"})
PRESENCE_VERBS = frozenset(
    {"be", "appear", "come", "show", "arrive", "turn", "exist", "attend", "return", "stay"}
)
PLACE_ADVERBS = frozenset({"there", "here", "around", "home", "anywhere", "present", "in", "inside"})
ABSENT_WORDS = frozenset({"absent", "missing", "nowhere", "gone"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
WIDENING_WORDS = frozenset({"only", "just", "merely", "simply"})  # h66: "not only my mother" keeps her
FINDING_VERBS = frozenset({"find", "see", "meet", "spot", "locate", "reach"})
COPULAS = frozenset({"be", "become", "remain", "stay"})  # 1.2.0: "I was a little boy", "I became a man"
TURNING_VERBS = frozenset({"turn", "change", "transform", "morph"})  # "I turned into a bird"
# 1.2.0: what shows its owner there ("her voice", "his smile"), unlike a place or a thing ("her house").
PERCEIVED_OF_SOMEONE = frozenset(
    {
        "voice",
        "face",
        "smile",
        "laugh",
        "laughter",
        "touch",
        "presence",
        "shadow",
        "footsteps",
        "breath",
        "kiss",
    }
)
DEATH_PARTICLES = frozenset({"away", "on"})  # 1.2.0: "who passed away", "who passed on"
SEEKING_VERBS = frozenset(
    {"look", "search", "wait", "call", "ask", "hunt", "seek", "shout", "yell", "scream"}
)


@dataclass
class _Draft:
    key: str
    number: str
    sex: str
    identity: str
    age: str
    label: str
    spans: list[Span] = field(default_factory=list)
    animal: bool = False
    creature: bool = False

    def code(self) -> str:
        if self.animal:
            return f"{self.number}ANI"
        if self.creature:
            return f"{self.number}CZZ"
        sex = self.sex
        if self.number in {"2", "4", "6"} and sex == "I":
            sex = "J"
        return f"{self.number}{sex}{self.identity}{self.age}"


@dataclass
class Cast:
    """The characters of one dream and which tokens refer to them."""

    drafts: list[_Draft] = field(default_factory=list)
    token_draft: dict[int, int] = field(default_factory=dict)  # token index → index into drafts
    dreamer_tokens: set[int] = field(default_factory=set)

    def code_at(self, token_index: int) -> str | None:
        if token_index in self.dreamer_tokens:
            return DREAMER
        draft = self.token_draft.get(token_index)
        return None if draft is None else self.drafts[draft].code()

    def characters(self) -> tuple[Character, ...]:
        return tuple(Character(code=d.code(), spans=tuple(d.spans), label=d.label) for d in self.drafts)


def find_cast(doc: Any, *, second_person: bool = False) -> Cast:
    """All characters of the parsed report, with pronouns resolved to the nearest fitting character."""
    cast = Cast()
    dreamer_words = lx.DREAMER_PRONOUNS | lx.DREAMER_PLURAL
    if second_person:
        dreamer_words = dreamer_words | {"you", "your", "yours", "yourself"}
    by_key: dict[str, int] = {}
    named_by_role: dict[int, int] = {}  # 1.2.2: the token of a lower-case name → its role's draft
    for token in doc:
        lower = token.lower_
        if (token.pos_ == "PRON" and lower in dreamer_words) or _dreamer_as(token, dreamer_words):
            cast.dreamer_tokens.add(token.i)
            continue
        if token.i in named_by_role:  # "my sister lena": the name is the sister, no one else
            index = named_by_role[token.i]
            cast.drafts[index].spans.append(Span(token.idx, token.idx + len(token.text)))
            cast.token_draft[token.i] = index
            continue
        draft = _draft_for(token)
        if draft is None:
            continue
        if not _join_apposition(cast, token, draft):
            _merge(cast, by_key, token, draft)
            if token.dep_ == "compound":  # only a role before a lower-case name is drafted so
                named_by_role[token.head.i] = cast.token_draft[token.i]
    _resolve_pronouns(doc, cast)
    return _without_absent(cast, doc)


def _dreamer_as(token: Any, dreamer_words: frozenset[str] | set[str]) -> bool:
    """1.2.0 (r78): the dreamer in another body is the dreamer: the predicate noun of a copula whose subject is the
    dreamer ("I was a little boy again", "I was an old man", "I became a soldier", "I am a woman in the dream"), or
    its conjunct ("I was a doctor and a father"), or what the dreamer turned into ("I turned into a bird")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "into" and head.head.lemma_.lower() in TURNING_VERBS:
        head = head.head
    elif token.dep_ not in {"attr", "acomp", "oprd"} or head.lemma_.lower() not in COPULAS:
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in dreamer_words and c.pos_ == "PRON"
        for c in head.children
    )


def _without_absent(cast: Cast, doc: Any) -> Cast:
    """1.1.3: the cast less the characters the report says are not there (every mention absent or sought, at
    least one absent); 1.2.0: or only named as the owner of a place or thing ("my grandmother's house"), never put
    there by the text; 1.2.1: or only sought ("waiting for my friend"): no mention that is "present"."""
    mentions: dict[int, list[str]] = {}
    for token_index, draft_index in cast.token_draft.items():
        mentions.setdefault(draft_index, []).append(_presence(doc[token_index]))
    absent = {i for i, kinds in mentions.items() if "present" not in kinds}  # 1.2.1: sought only is not there
    if not absent:
        return cast
    kept = [i for i in range(len(cast.drafts)) if i not in absent]
    renumber = {old: new for new, old in enumerate(kept)}
    return Cast(
        drafts=[cast.drafts[i] for i in kept],
        token_draft={t: renumber[d] for t, d in cast.token_draft.items() if d in renumber},
        dreamer_tokens=cast.dreamer_tokens,
    )


def _negated(token: Any) -> bool:
    return any(
        (
            (c.dep_ == "neg" or c.lower_ in NEGATORS)
            and c.dep_ in {"neg", "advmod", "det"}
            and not _negates_contrast(token, c)
        )
        or (c.dep_ == "preconj" and c.lower_ == "neither")  # h66: "neither my mother (nor ...)"
        for c in token.children
    )


def _negates_contrast(token: Any, negator: Any) -> bool:
    """1.1.6 (r59): "my mother, not my father": a negator after the mention that opens the phrase of one of its
    appositions or conjuncts denies that one ("Y, not X"), never the mention the parser hangs it on. "Not even"
    stays with the mention ("nobody, not even my father")."""
    doc = token.doc
    if negator.i <= token.i or negator.i + 1 >= len(doc) or doc[negator.i + 1].lower_ == "even":
        return False
    return any(c.dep_ in {"appos", "conj"} and c.left_edge.i == negator.i + 1 for c in token.children)


def _contrasted(token: Any) -> bool:
    """1.1.6 (r59): a conjunct joined by "but" to the one before it ("not my father but my mother", "nobody but my
    mother") is that one's contrast: it takes none of its negation, its presence read on its own."""
    head = token.head
    return token.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS and head.i < c.i < token.i for c in head.children
    )


def _phrase_negated(token: Any) -> bool:
    """h66: a negator right before the mention's own phrase, over "even" ("nobody called, not even my father"): its
    scope is that phrase wherever the parser hangs it (often on the verb, with the noun on nothing). "Not only" and
    "not just" widen, never deny."""
    doc = token.doc
    i = token.left_edge.i  # "even" may open the phrase ("even" on the noun) or stand just before it
    if doc[i].lower_ != "even" and i > 0 and doc[i - 1].lower_ == "even":
        i -= 1
    return i > 0 and doc[i - 1].lower_ in {"not", "never"} and doc[i].lower_ not in WIDENING_WORDS


def _presence(token: Any) -> str:
    """How one mention places its character: "absent", "sought" (looked or waited for), "owner" (1.2.0: only the
    owner of a place or thing, "my grandmother's house", "his car") or "present"."""
    if _owner_only(token):
        return "owner"
    if _negated(token) or token.lower_ in NOBODY_WORDS or _phrase_negated(token):
        return "absent"  # "no father", "not even a lifeguard", "nobody called, not even my father"
    head = token.head
    if token.dep_ == "pobj" and (
        head.lower_ == "without" or (head.lower_ == "of" and head.head.lower_ in NOBODY_WORDS)
    ):
        return "absent"  # h66: "without my mother", "none of my family"
    contrast = _contrasted(token)  # r59: "not my father but my mother": the mother takes her own reading
    if (
        token.dep_ == "conj"
        and not contrast
        and head.pos_ in {"NOUN", "PROPN"}
        and _first_conjunct(head).dep_ in SUBJECTS
    ):
        return _presence(
            head
        )  # h66: one subject's conjuncts share its clause ("my mother and my father weren't")
    if (
        token.dep_ in {"appos", "conj"}
        and head is not token
        and not contrast
        and (head.lower_ in NOBODY_WORDS or head.lower_ in SKIP_WORDS or _negated(head))
    ):
        return "absent"  # "no one in it, not even my father", "nobody, not even my father"
    if token.dep_ in {"nsubj", "nsubjpass"}:
        lemma = head.lemma_.lower()
        words = {c.lower_ for c in head.children}
        if words & ABSENT_WORDS or head.lower_ in ABSENT_WORDS:
            return "absent"  # "she was nowhere to be found", "he was absent", "he was gone"
        if (
            lemma == "miss"
            and not any(c.dep_ == "dobj" for c in head.children)
            and "be" in {c.lemma_.lower() for c in head.children if c.dep_ == "aux"}
        ):
            return "absent"  # "Grandma was missing (from the wedding)"
        if _negated(head) and lemma in PRESENCE_VERBS:
            located = words & PLACE_ADVERBS or any(c.dep_ == "prep" for c in head.children)
            if lemma != "be" or (located and not any(c.dep_ in {"acomp", "attr"} for c in head.children)):
                return "absent"  # "she was not there", "he never came", "wasn't at the party"
    if token.dep_ == "dobj" and head.lemma_.lower() in FINDING_VERBS and _negated(head):
        return "absent"  # "I couldn't find my dog", "I never saw him"
    if token.dep_ == "dobj" and head.lemma_.lower() in {"seek", "miss"}:
        return "sought"
    if token.dep_ == "pobj" and head.lower_ == "for" and _verb_above(head).lemma_.lower() in SEEKING_VERBS:
        return "sought"  # "looking for my mother", "waited (at the station) for my brother"
    if _sought_by_relative(token):
        return "sought"  # 1.2.1: "someone I was looking for", "the man we were waiting for"
    return "present"


def _sought_by_relative(token: Any) -> bool:
    """1.2.1: the mention is what a relative clause looks or waits for, its "for" left at the end ("someone I was
    looking for", "the friend we were waiting for") or its verb taking it ("the man I sought"); not when the mention
    does something itself ("the girl I was waiting for arrived": she is there)."""
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() != "be":
        return False
    for clause in token.children:
        if clause.dep_ != "relcl":
            continue
        lemma = clause.lemma_.lower()
        if lemma in {"seek", "miss"} and not any(c.dep_ == "dobj" for c in clause.children):
            return True
        if lemma in SEEKING_VERBS and any(
            c.dep_ == "prep" and c.lower_ == "for" and not list(c.children) for c in clause.children
        ):
            return True
    return False


def _owner_only(token: Any) -> bool:
    """1.2.0 (r78): a possessive owner of a place or thing ("my grandmother's house", "my dad's car", "her garden")
    is not placed in the dream by being named (HVdC codes the characters who appear); the owner of a body part, a
    voice or another person is ("my mother's hand on my shoulder", "her voice", "my sister's boyfriend")."""
    if token.dep_ != "poss":
        return False
    owned = token.head
    lemma = owned.lemma_.lower()
    return not (
        lemma in lx.BODY_PARTS
        or lemma in PERCEIVED_OF_SOMEONE
        or lemma in lx.PERSON_NOUNS
        or lemma in lx.ANIMALS
        or owned.ent_type_ == "PERSON"
    )


def _first_conjunct(token: Any) -> Any:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _verb_above(token: Any) -> Any:
    """The verb a preposition belongs to, over the prepositional phrases the parse may hang it on ("waited at the
    station for my brother": "for" on "station")."""
    verb = token.head
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb or verb.dep_ not in {"pobj", "prep"}:
            break
        verb = verb.head
    return verb


def _join_apposition(cast: Cast, token: Any, draft: _Draft) -> bool:
    """``my friend Anna`` / ``Anna, my friend``: one character; the name gives the label and the sex."""
    if token.dep_ not in {"appos", "compound"}:
        return False
    index = cast.token_draft.get(token.head.i)
    if index is None:
        return False
    target = cast.drafts[index]
    if _two_roles(target, draft):
        return False  # "my grandmother, my mother and a dog": a list the parser read as apposition
    if target.sex == "I" and draft.sex in {"M", "F"}:
        target.sex = draft.sex
    if draft.key.startswith("name:"):
        target.label = draft.label
    elif draft.identity not in {"S", "U"}:
        target.identity, target.age = draft.identity, draft.age  # "Anna, my cousin"
    target.spans.append(Span(token.idx, token.idx + len(token.text)))
    cast.token_draft[token.i] = index
    return True


def _two_roles(target: _Draft, draft: _Draft) -> bool:
    """Two nouns that each name a different family or relative role are two people, never one in apposition.

    "Anna, my cousin" and "my friend Anna" join (one side is a name); "a woman, my teacher" joins (the first only
    says who, not what role).
    """
    roles = lx.FAMILY_ROLE_IDENTITIES | {"R"}
    named = target.key.startswith("name:") or draft.key.startswith("name:")
    return not named and target.identity in roles and draft.identity in roles and target.key != draft.key


def _merge(cast: Cast, by_key: dict[str, int], token: Any, draft: _Draft) -> None:
    span = Span(token.idx, token.idx + len(token.text))
    if draft.key in by_key and not _starts_new(token):
        index = by_key[draft.key]
        cast.drafts[index].spans.append(span)
    else:
        index = len(cast.drafts)
        draft.spans.append(span)
        cast.drafts.append(draft)
        by_key[draft.key] = index
    cast.token_draft[token.i] = index
    for part in _name_parts(token):
        cast.token_draft[part] = index


def _starts_new(token: Any) -> bool:
    return any(child.lower_ in NEW_CHARACTER_WORDS for child in token.children)


def _name_parts(token: Any) -> list[int]:
    if token.ent_type_ != "PERSON":
        return []
    return [t.i for t in _name_tokens(token)[:-1]]


def _name_tokens(token: Any) -> list[Any]:
    """The PERSON entity's tokens up to ``token`` (at most three before it), less the words the entity swept in
    at its start (1.1.5, r60: "Dreamt Mum was alive", where spaCy reads "Dreamt Mum" as a name): a verb or an
    article, or a capitalised word opening the sentence that is no known first name right before a family or person
    word ("Dreamt Mum", "Saw Grandma"); since 1.1.7 (r63) a report's verb (``lx.REPORT_VERBS``: "dreamt", "saw",
    "met", …) before a first name too ("Dreamt Sarah"), and never a known first name, whatever spaCy tags it
    ("Will Turner", "May Chen")."""
    parts = [t for t in token.doc[max(0, token.i - 3) : token.i + 1] if t.ent_type_ == "PERSON"]
    while len(parts) > 1 and _swept_in(parts[0], parts[1]):
        parts = parts[1:]
    return parts


def _swept_in(first: Any, following: Any) -> bool:
    if first.lower_ in lx.FIRST_NAMES:
        return False  # 1.1.7: "Will Turner", "May Chen": a known first name opens the name, whatever its tag
    if first.lower_ in lx.REPORT_VERB_FORMS and (
        following.lower_ in lx.FIRST_NAMES or following.lower_ in lx.PERSON_NOUNS
    ):
        return True  # 1.1.7: "Dreamt Sarah", "Saw Grandma": a report's verb before the one it met
    if first.pos_ in {"VERB", "AUX", "DET"}:
        return True  # "Met Anna", "the Jung Society": a verb or an article is no part of a name
    if first.pos_ != "PROPN":
        return False  # "Russian Orthodox": an adjective may be a name's own word
    return (
        bool(first.is_sent_start)
        and following.lower_ in lx.PERSON_NOUNS
        and following.pos_ in {"PROPN", "NOUN"}
    )


def _draft_for(token: Any) -> _Draft | None:
    if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"}:
        return _role_before_name(token)
    lemma = token.lemma_.lower()
    if token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
        if len(_name_tokens(token)) == 1 and _family_word(token.lower_):
            return _from_noun(
                token, token.lower_
            )  # 1.1.5: "Dreamt Mum"; 1.2.0: "Mum was in the kitchen", "Dad"
        swept = token.i > 0 and token.doc[token.i - 1].ent_type_ == "PERSON" and len(_name_tokens(token)) == 1
        if swept and token.lower_ in lx.PERSON_NOUNS:
            return _from_noun(token, token.lower_)  # 1.1.5: a person word swept into a name
        return _named(token)
    if token.pos_ == "PRON" and lemma in lx.INDEFINITE_PRONOUNS and not _negated_quantity(token):
        return _from_noun(token, lemma)
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if lemma in lx.ANIMALS:
        return _Draft(f"animal:{lemma}", _number(token), "", "", "", lemma, animal=True)
    if lemma in lx.CREATURES:
        return _Draft(f"creature:{lemma}", _number(token), "", "", "", lemma, creature=True)
    if lemma in lx.PERSON_NOUNS and not _group_of_people(token):
        return _from_noun(token, lemma)
    if _speaks(token, lemma):
        return _Draft(f"noun:{lemma}:{_number(token)}", _number(token), "I", "S", "A", lemma)
    return None


def _role_before_name(token: Any) -> _Draft | None:
    """1.2.2 (review r134): a person noun the parser hangs as a compound on a lower-case name ("my sister lena",
    "my brother kai", "my friend tom"): the character is the role, named by the name ("Lena"), as "my sister
    Lena" is. Read on the name's own phrase ("my", "little", "late", a relative clause), where the parser hangs
    them. A compound before a common word ("mother nature", "baby shower", "sister ship") stays no character."""
    lemma = token.lemma_.lower()
    name = token.head
    if lemma not in lx.PERSON_NOUNS or lemma in lx.GROUP_NOUNS or not _lower_case_name(name):
        return None
    draft = _from_noun(name, lemma)
    draft.label = name.text[:1].upper() + name.text[1:]
    if draft.identity == "S":  # "a man tom": a named person is known
        draft.identity = "K"
    if draft.sex == "I":
        draft.sex = lx.FIRST_NAMES.get(name.lower_, "I")
    return draft


def _lower_case_name(token: Any) -> bool:
    """A word typed in lower case that reads as a name, not as a common word: a known first name, one spaCy's
    entity reader takes for a person, or a word no English word list holds (spaCy's lemmatizer's, from WordNet);
    never a person noun, an animal, a creature, a place, a body part or a stop word."""
    word = token.lower_
    if not (token.text.isalpha() and token.text.islower() and token.pos_ in {"NOUN", "PROPN"}):
        return False
    if token.is_stop or any(
        word in words for words in (lx.PERSON_NOUNS, lx.ANIMALS, lx.CREATURES, lx.PLACES, lx.BODY_PARTS)
    ):
        return False
    if word in lx.FIRST_NAMES or _person_entity(token):
        return True
    return token.lemma_.lower() == word and word not in _english_words()


def _person_entity(token: Any) -> bool:
    """Whether spaCy's entity reader takes the token for a person. The analysis runs it only on sentences holding
    a proper noun (``document._entities``), and a lower-case name is no proper noun to the tagger ("my sister
    lena": "lena" a NOUN), so a sentence it did not read is read here, alone, as the whole-text pipeline would."""
    if token.ent_type_:
        return bool(token.ent_type_ == "PERSON")
    from reverie.analysis.document import load_spacy

    sentence = token.sent
    try:
        read = load_spacy().get_pipe("ner")(sentence.as_doc())
    except (KeyError, ValueError, OSError):
        return False
    return bool(read[token.i - sentence.start].ent_type_ == "PERSON")


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Every word of the shared spaCy model's lemmatizer index (WordNet's nouns, verbs, adjectives and adverbs):
    what counts as a common word, so that only an unknown one is read as a name. Empty without that table."""
    from reverie.analysis.document import load_spacy

    try:
        index = load_spacy().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, OSError):
        return frozenset()
    return frozenset(word for words in index.values() for word in words)


def _family_word(word: str) -> bool:
    """1.2.0 (r78): "Mum", "Dad", "Nan", "Grandma" as a name (spaCy tags a capitalised one opening a sentence PERSON)
    are still the family member: a family or relative role word is read as one, never as a friend's name."""
    code = lx.PERSON_NOUNS.get(word)
    return code is not None and (code[1] in lx.FAMILY_ROLE_IDENTITIES or code[1] == "R")


def _speaks(token: Any, lemma: str) -> bool:
    """An unlisted noun that is the subject of a speech verb (``the jailer said``) is a person."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "nsubj"
        and token.head.lemma_.lower() in lx.SPEECH_VERBS
        and lemma not in lx.NOT_SPEAKERS
        and lemma not in lx.PLACES
        and lemma not in lx.BODY_PARTS
    )


def _group_of_people(token: Any) -> bool:
    """``a group of people``: the people make the character, not the group."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(c.lemma_.lower() in lx.PERSON_NOUNS for c in child.children if c.dep_ == "pobj")
        for child in token.children
    )


def _negated_quantity(token: Any) -> bool:
    return any(child.lower_ in {"no", "not"} for child in token.children) or token.lower_ in SKIP_WORDS


def _named(token: Any) -> _Draft | None:
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_type_ == "PERSON":
        return None  # only the last token of a multi-word name makes the character
    parts = _name_tokens(token)
    first = parts[0].lower_ if parts else token.lower_
    sex = lx.FIRST_NAMES.get(first, "I")
    before = token.doc[parts[0].i - 1].lower_ if parts and parts[0].i > 0 else ""
    if before in MALE_TITLES:
        sex = "M"
    elif before in FEMALE_TITLES:
        sex = "F"
    identity = (
        "P" if any(t.lower_ in lx.PROMINENT_WORDS for t in token.doc[max(0, token.i - 4) : token.i]) else "K"
    )
    label = " ".join(t.text for t in parts) or token.text
    return _Draft(f"name:{token.lower_}", "1", sex, identity, "A", label)


def _from_noun(token: Any, lemma: str) -> _Draft:
    code = lx.PERSON_NOUNS[lemma]
    sex, identity, age = code[0], code[1], code[2]
    modifiers = {child.lower_ for child in token.children}
    number = _number(token)
    if lemma in lx.GROUP_NOUNS and lemma not in {"couple"}:
        number = "2"
    if modifiers & lx.DEAD_WORDS or _relative_clause_died(token):
        number = {"1": "3", "2": "4"}.get(number, number)
    if lemma in lx.MALE_OCCUPATIONS:
        sex = "M"
    elif lemma in lx.FEMALE_OCCUPATIONS:
        sex = "F"
    identity = _identity(lemma, identity, modifiers)
    if modifiers & KNOWN_GROUP_WORDS:
        identity = "K"  # fraternity brothers are friends, not family
    if (identity in {"A", "D", "C", "B", "T", "R", "K"} or lemma in CHILD_NOUNS) and modifiers & CHILD_WORDS:
        age = "C" if lemma not in {"baby", "infant"} else "B"
    key = f"role:{identity}:{sex}" if identity in lx.FAMILY_ROLE_IDENTITIES else f"noun:{lemma}:{number}"
    return _Draft(key, number, sex, identity, age, lemma)


def _identity(lemma: str, identity: str, modifiers: set[str]) -> str:
    if modifiers & lx.ETHNIC_WORDS or lemma in lx.ETHNIC_WORDS:
        return "E"
    if lemma in lx.PROMINENT_WORDS:
        return "P"
    if identity in {"S", "U"} and modifiers & lx.FAMILIAR_MARKERS:
        return "K"
    if identity == "S" and lemma in {"person", "someone", "somebody", "people", "crowd", "group", "everyone"}:
        return "U"
    return identity


def _relative_clause_died(token: Any) -> bool:
    """ "my mother who died", and since 1.2.0 (r78) "who passed away", "who passed on", "who we lost": a relative
    clause that tells the character is dead in waking life (HVdC number 3)."""
    return any(child.dep_ == "relcl" and died(child) for child in token.children)


def died(verb: Any) -> bool:
    """The verb tells a death: "died", "passed away" / "passed on" (never "passed the exam" or "passed by"), and in a
    relative clause with the dreamer as subject "lost" ("my father, who we lost last year")."""
    lemma = verb.lemma_.lower()
    if lemma == "die":
        return True
    if lemma == "pass":
        return any(c.dep_ in {"prt", "advmod"} and c.lower_ in DEATH_PARTICLES for c in verb.children)
    return (
        lemma == "lose"
        and verb.dep_ == "relcl"
        and any(
            c.dep_ == "nsubj" and c.lower_ in lx.DREAMER_PRONOUNS | lx.DREAMER_PLURAL for c in verb.children
        )
    )


def _number(token: Any) -> str:
    return "2" if token.tag_ in {"NNS", "NNPS"} else "1"


def _resolve_pronouns(doc: Any, cast: Cast) -> None:
    recent: list[int] = []  # draft indexes of characters, most recent last
    for token in doc:
        draft_index = cast.token_draft.get(token.i)
        if draft_index is not None:
            recent.append(draft_index)
            continue
        if token.pos_ != "PRON":
            continue
        target = _pronoun_target(token.lower_, cast, recent)
        if target is not None:
            cast.token_draft[token.i] = target


def _pronoun_target(word: str, cast: Cast, recent: list[int]) -> int | None:
    if word in lx.MALE_PRONOUNS:
        wanted = "M"
    elif word in lx.FEMALE_PRONOUNS:
        wanted = "F"
    elif word in {"they", "them", "their", "theirs", "themselves"}:
        return next((i for i in reversed(recent) if cast.drafts[i].number in {"2", "4", "6"}), None)
    elif word in {"it", "its"}:
        return recent[-1] if recent and cast.drafts[recent[-1]].animal else None
    else:
        return None
    if recent and cast.drafts[recent[-1]].animal:
        return recent[-1]  # "the dog … he"
    for index in reversed(recent):
        draft = cast.drafts[index]
        if draft.number not in {"1", "3", "5", "7", "8"} or draft.creature or draft.animal:
            continue
        if draft.sex == wanted:
            return index
        if draft.sex == "I":
            draft.sex = wanted  # the pronoun tells the sex of an indefinite character
            return index
    return None
