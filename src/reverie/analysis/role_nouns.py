"""Everyday role nouns: the words people use in daily life for someone they know by role, not by name (people 1.8.0).

"Showed the skipper my repair", "the producer cut my segment", "the pharmacist wouldn't give me my pills": a
writer names many of the people they deal with by what those people do. ``people.py``'s own lexicon holds the
family, partners, friends, the therapist and the commonest work and service roles; this module adds the wider
vocabulary of work, services, the community and social life, so that the people finder sees these people at all
(issue 13: a response of a "skipper" or a "producer" was lost because nobody was found to respond).

The lists are general, written from the kinds of people a journal writer meets (a workplace's ranks, the trades
and services that come to the house or that one queues for, community and faith roles, social ties), not from
any vignette file's answers. Each word maps to a role of ``people.ROLE_GROUP``:

- ``boss``: whoever directs the writer's work (a skipper, a producer, a forewoman, a proprietor);
- ``colleague``: someone working beside the writer (an intern, a deckhand, a deputy);
- ``teacher``: someone who trains or examines the writer as a learner (a dean, an examiner, an invigilator);
- ``friend``: an acquaintance;
- ``other``: everyone else met by role (a pharmacist, a plumber, a referee, a tenant, a godmother).

Words with a common non-person sense in everyday writing are left out on purpose: "host", "server", "agent" (read
only as a person's helper who acts, "the landlord's agent rang"; ``HELPERS``),
"editor", "judge", "vendor", "buyer", "seller" (a firm as often as a person), "guard" (a shin guard), "trainer" (a shoe), "cleaner" (a product), "super", "sub", "date", "lead", "head", "partner" (kept as the
partner). A word here that a machine or a program also bears ("driver", "operator", "inspector") is no person
where a noun for a device or a piece of software modifies it ("the printer driver"; ``OBJECT_MODIFIERS``).

The people finder reads these words as its own, with two limits: only in lower case (a capitalised one is a name
or a title: "Dean, my manager", "the Prime Minister"), and a trade of ``PRACTICES`` after "to"/"at" is its shop
("went to the hairdresser"). Otherwise with a possessor, an article or alone, never in "as a …", "like a …", after "is"/"was" (an attribute) or as a modifier of another noun ("the plumber's van" is the
plumber; "plumber rates" is no one).
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BY_ROLE: Final[dict[str, str]] = {
    "boss": "skipper producer forewoman overseer proprietor proprietress superintendent commander manageress "
    "guvnor guv taskmaster matron chargehand ganger",
    "colleague": "intern deckhand deputy shipmate crewmate understudy",
    "teacher": "examiner dean principal sensei choirmaster bandleader invigilator",
    "friend": "acquaintance",
    "other": "pharmacist optician optometrist vet physio physiotherapist paramedic consultant registrar carer "
    "caretaker janitor plumber electrician builder mechanic courier driver bouncer steward stewardess "
    "attendant referee umpire magistrate solicitor lawyer barrister accountant inspector interviewer recruiter "
    "tenant lodger chaplain minister monk nun godmother godfather goddaughter godson hairdresser "
    "barber butcher baker florist porter usher teller operator adviser advisor councillor babysitter nanny "
    "childminder gardener handyman decorator locksmith ranger warden lifeguard firefighter fireman "
    "gentleman practitioner specialist technician aide",
}

EVERYDAY_ROLES: Final[dict[str, str]] = {w: role for role, words in _BY_ROLE.items() for w in words.split()}

FEMALE: Final = _words("forewoman proprietress manageress matron stewardess nun godmother goddaughter")
MALE: Final = _words("guvnor monk godfather godson handyman fireman gentleman")

# Nouns for a device, a program or a vehicle that make a role word a thing: "the printer driver", "the phone
# operator" is still a person, but "the graphics driver", "the boolean operator" is not.
OBJECT_MODIFIERS: Final = _words(
    "printer graphics device video audio sound usb software screw golf network disk boolean logical "
    "comparison assignment"
)

# Trades whose word also names their shop or practice: after "to" / "at" it is a place, not a person ("went to the
# hairdresser", "at the butcher's", "picked it up from the pharmacist" stays a person).
PRACTICES: Final = _words(
    "pharmacist optician optometrist physio physiotherapist hairdresser barber butcher baker florist locksmith"
)

# A role noun directly before one of these nouns is a modifier of a thing, not a person (people 1.10.0, h146): "my
# manager account", "the boss fight", "the coach trip". The parse's compound says so where spaCy gives it; these
# heads decide where it does not ("the boss fight", parsed as two subjects). A documented few of the things of
# accounts, games and screens, not any vignette's words.
THING_HEADS: Final = _words(
    "account fight level battle mode login portal update app page screen profile dashboard"
)

# Nouns for a person that make one person with a role noun before them (people 1.10.0): "the nurse practitioner",
# "my care worker", "the nurse manager" is one person, the head; the role noun before it is no second person.
PERSON_HEADS: Final = _words(
    "practitioner assistant aide consultant manager specialist officer worker technician"
)

# Someone who works for another person (people 1.10.0): owned by a person ("my boss's assistant", "the nurse's
# aide", "the landlord's agent") the word is that person, never a thing the owner has, and the one of the two who
# acts. "Agent" and "PA" (a firm, a sound system; "my pa") are read only so, owned by a person and acting.
HELPERS: Final = _words("assistant aide secretary pa deputy agent")
OWNED_HELPERS_ONLY: Final = _words("agent pa")
