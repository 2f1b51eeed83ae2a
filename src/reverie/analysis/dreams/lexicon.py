"""Word lists behind Reverie's own HVdC character, setting and object rules (written for Reverie; no dream
text is stored here). Feelings are in ``feelings.py``, interactions and fortunes in ``events.py``.

Each table is written as compact ``"words: value"`` lines and parsed once at import.
"""

from __future__ import annotations

from collections.abc import Mapping


def word_table(spec: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in spec.strip().splitlines():
        words, _, value = line.rpartition(":")
        for word in words.split(","):
            if word.strip():
                out[word.strip()] = value.strip()
    return out


def level_table(spec: str) -> dict[str, int]:
    return {word: int(level) for word, level in word_table(spec).items()}


# Person nouns (lemmas) → sex, identity, age (see codes.py). Sex "I" is resolved later when a name or a
# pronoun tells more. A plural noun makes a group (number 2); "people"-like nouns are joint groups.
PERSON_NOUNS: Mapping[str, str] = word_table(
    """
    mother, mom, mum, mommy, mummy, mama: FMA
    father, dad, daddy, papa: MFA
    parent: JXA
    brother: MBA
    sister: FTA
    sibling: IBA
    husband: MHA
    wife: FWA
    son: MAA
    daughter: FDA
    family: JYA
    grandmother, grandma, granny, grandmom, nan, nana, nanna, gran, aunt, auntie, niece, sister-in-law, mother-in-law: FRA
    grandfather, grandpa, granddad, grandad, gramps, uncle, nephew, brother-in-law, father-in-law: MRA
    cousin, relative, grandparent, in-law, grandchild: IRA
    boyfriend, fiance, beau: MKA
    girlfriend, fiancee: FKA
    friend, buddy, pal, roommate, classmate, schoolmate, neighbor, neighbour, colleague, coworker, co-worker, \
    acquaintance, teammate, companion: IKA
    teacher, doctor, nurse, officer, professor, boss, clerk, driver, lawyer, judge, guard, pilot, coach, \
    instructor, worker, employee, attendant, conductor, secretary, servant, maid, janitor, farmer, sailor, \
    soldier, captain, sergeant, lieutenant, colonel, priest, minister, preacher, rabbi, pastor, \
    dentist, surgeon, psychiatrist, therapist, scientist, detective, agent, cop, sheriff, policeman, \
    fireman, mailman, postman, waiter, waitress, salesman, saleslady, salesgirl, cashier, bartender, cook, \
    chef, student, pupil, principal, dean, manager, landlord, landlady, chauffeur, porter, operator, \
    director, actor, actress, singer, musician, player, dancer, athlete, \
    crew, staff, band, nun, monk, stewardess, jailer, hunter, official, marine, lifeguard, referee, umpire, \
    cheerleader, scout, ranger, warden, police, army, troop, navy, deputy, inspector, examiner, lecturer, \
    tutor, librarian, clergyman, foreman, supervisor, speaker, leader, physician, barber, butcher, baker, \
    grocer, merchant, banker, reporter, photographer, artist, painter, writer, author, poet, editor, \
    housekeeper, babysitter, nanny, mechanic, carpenter, plumber, guide, usher, host, hostess, king, \
    queen, prince, princess, president, senator, governor, mayor, pope, emperor, celebrity: IOA
    man, guy, fellow, gentleman, gent, chap, sir, groom, bridegroom, cowboy: MSA
    bride, widow, heroine: FSA
    criminal, prisoner, patient, customer, passenger, spectator, tourist, enemy, killer, murderer, \
    attacker, intruder, spy, villain, crook, bandit, pirate, fiend, maniac, madman, drunk, hobo, tramp, \
    beggar, bum, slave, savage, orphan, hero, twin, lover, sweetheart, escort, traveler, hitchhiker, \
    gangster, thief, robber, burglar, guest, visitor, member, caller, newcomer, owner: ISA
    voice: IUA
    woman, lady, gal, dame: FSA
    boy, lad: MSA
    girl, lass: FSA
    child, kid, youngster: ISC
    teenager, teen, adolescent: IST
    baby, infant, toddler: IIB
    person, stranger, individual, figure, people, crowd, group, gang, mob, couple, folk, audience: ISA
    """
)
GROUP_NOUNS = frozenset(
    [
        "people",
        "crowd",
        "group",
        "gang",
        "mob",
        "couple",
        "folk",
        "audience",
        "family",
        "crew",
        "staff",
        "band",
        "parent",
        "team",
        "police",
        "army",
        "troop",
        "navy",
    ]
)
# Verbs whose subject is a person: an unknown noun that says or asks something is a character.
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "ask",
        "shout",
        "yell",
        "reply",
        "answer",
        "whisper",
        "scream",
        "explain",
        "announce",
        "insist",
        "warn",
        "promise",
        "beg",
        "suggest",
        "remark",
        "exclaim",
        "mutter",
        "call",
    ]
)
NOT_SPEAKERS = frozenset(
    [
        "sign",
        "paper",
        "letter",
        "radio",
        "book",
        "newspaper",
        "note",
        "clock",
        "phone",
        "telephone",
        "television",
        "report",
        "dream",
        "story",
        "article",
        "message",
        "voice",
        "bell",
        "horn",
    ]
)
FAMILY_ROLE_IDENTITIES = frozenset("FMXBTHWADY")
INDEFINITE_PRONOUNS: frozenset[str] = frozenset()  # someone, everyone …: mostly not characters
ETHNIC_WORDS = frozenset(
    [
        "chinese",
        "japanese",
        "korean",
        "negro",
        "black",
        "indian",
        "mexican",
        "italian",
        "german",
        "french",
        "frenchman",
        "englishman",
        "englishwoman",
        "irish",
        "irishman",
        "russian",
        "african",
        "asian",
        "arab",
        "jewish",
        "jew",
        "foreigner",
        "foreign",
        "spanish",
        "gypsy",
        "eskimo",
        "native",
    ]
)
MALE_OCCUPATIONS = frozenset(
    [
        "policeman",
        "fireman",
        "mailman",
        "postman",
        "salesman",
        "king",
        "prince",
        "priest",
        "monk",
        "pope",
        "emperor",
        "waiter",
        "actor",
        "soldier",
        "sailor",
        "captain",
        "sergeant",
        "lieutenant",
        "colonel",
        "sheriff",
        "cop",
        "gangster",
        "chauffeur",
    ]
)
FEMALE_OCCUPATIONS = frozenset(
    [
        "nurse",
        "waitress",
        "actress",
        "saleslady",
        "salesgirl",
        "nun",
        "stewardess",
        "maid",
        "queen",
        "princess",
        "hostess",
        "landlady",
        "housekeeper",
        "babysitter",
        "nanny",
        "secretary",
    ]
)
PROMINENT_WORDS = frozenset(
    [
        "king",
        "queen",
        "prince",
        "princess",
        "president",
        "senator",
        "governor",
        "mayor",
        "pope",
        "emperor",
        "celebrity",
    ]
)
ANIMALS = frozenset(
    [
        "animal",
        "dog",
        "puppy",
        "cat",
        "kitten",
        "horse",
        "pony",
        "bird",
        "snake",
        "serpent",
        "lion",
        "tiger",
        "bear",
        "wolf",
        "fox",
        "cow",
        "bull",
        "calf",
        "pig",
        "sheep",
        "lamb",
        "goat",
        "mouse",
        "mice",
        "rat",
        "rabbit",
        "bunny",
        "squirrel",
        "deer",
        "elephant",
        "monkey",
        "ape",
        "gorilla",
        "fish",
        "shark",
        "whale",
        "dolphin",
        "insect",
        "bug",
        "spider",
        "ant",
        "bee",
        "wasp",
        "fly",
        "mosquito",
        "butterfly",
        "worm",
        "frog",
        "toad",
        "turtle",
        "lizard",
        "alligator",
        "crocodile",
        "chicken",
        "hen",
        "rooster",
        "duck",
        "goose",
        "owl",
        "eagle",
        "hawk",
        "crow",
        "pigeon",
        "parrot",
        "bat",
        "beast",
        "creature",
        "cattle",
        "donkey",
        "mule",
        "camel",
        "giraffe",
        "zebra",
        "kangaroo",
        "octopus",
        "crab",
        "lobster",
        "cockroach",
        "roach",
        "beetle",
        "caterpillar",
        "dinosaur",
        "puppies",
        "kittens",
    ]
)
CREATURES = frozenset(
    [
        "monster",
        "ghost",
        "vampire",
        "alien",
        "dragon",
        "zombie",
        "demon",
        "devil",
        "witch",
        "giant",
        "dwarf",
        "fairy",
        "angel",
        "spirit",
    ]
)
DEAD_WORDS = frozenset(["dead", "deceased", "late"])
FAMILIAR_MARKERS = frozenset(["my", "our", "his", "her", "their", "your"])

# Common first names → sex. A name not listed takes its sex from the next he/she, else "I".
_MALE_NAMES = (
    "will drew grant "  # 1.1.7: names spaCy may tag a verb or an auxiliary ("Will Turner"): never trimmed
    "john james robert michael william david richard joseph thomas charles christopher daniel matthew "
    "anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason "
    "jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel "
    "gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam nathan henry douglas "
    "zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean "
    "austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan "
    "juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny bill bob jim "
    "jimmy tom tommy dave mike steve ed eddie fred freddie harry ted tony sam ben dan danny al ernie "
    "hank herb howard lou max mel nick phil ray rick ron stan vic walt chuck chris doug greg jeff ken "
    "larry leo lenny matt pete rob ross roy sid tim todd trevor bernard leonard stanley norman earl "
    "clarence ernest francis herbert lloyd melvin milton morris leon marvin oscar otto karl hans pierre "
    "jean-paul luke kurt neil dean glenn ian colin graham hugh martin malcolm rodney"
)
_FEMALE_NAMES = (
    "may "  # 1.1.7: "May Chen", an auxiliary to spaCy
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret "
    "sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca "
    "sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha "
    "katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie "
    "joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha "
    "jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia "
    "judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie "
    "isabella charlotte rose alexis kayla jane peggy sue sally kathy kate katie liz beth betsy becky "
    "annie nancy jenny jill joanne lucy lucille louise lois mildred edna ethel florence gladys irene "
    "hazel agnes bertha clara elsie esther eleanor emma gertrude harriet ida june marion pearl rita "
    "rosemary sylvia thelma vera viola wanda yvonne connie bonnie carrie cathy dolly ellen eva fay "
    "ginger hilda holly ivy joy lily mae maggie millie molly nell nora polly ruby sadie stella tina "
    "trudy vicky wendy barb pat jo marge madge audrey shelley lynn dawn erin tracy stacy kristen"
)
# Verbs a dream report opens with before the one it met, by lemma and the forms a report writes them in:
# capitalised at the start of a PERSON entity ("Dreamt Sarah came", "Saw Grandma") they are no part of the name.
REPORT_VERBS: Mapping[str, frozenset[str]] = {
    "dream": frozenset({"dream", "dreamt", "dreamed", "dreamnt", "dreaming"}),
    "see": frozenset({"see", "saw", "seen", "seeing"}),
    "meet": frozenset({"meet", "met", "meeting"}),
    "visit": frozenset({"visit", "visited", "visiting"}),
    "remember": frozenset({"remember", "remembered", "remembering"}),
    "hear": frozenset({"hear", "heard", "hearing"}),
    "watch": frozenset({"watch", "watched", "watching"}),
    "find": frozenset({"find", "found", "finding"}),
    "call": frozenset({"call", "called", "calling"}),
    "hug": frozenset({"hug", "hugged", "hugging"}),
    "kiss": frozenset({"kiss", "kissed", "kissing"}),
    "follow": frozenset({"follow", "followed", "following"}),
    "imagine": frozenset({"imagine", "imagined", "imagining"}),
}
REPORT_VERB_FORMS: frozenset[str] = frozenset().union(*REPORT_VERBS.values())
FIRST_NAMES: Mapping[str, str] = {
    **dict.fromkeys(_MALE_NAMES.split(), "M"),
    **dict.fromkeys(_FEMALE_NAMES.split(), "F"),
}
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
DREAMER_PRONOUNS = frozenset({"i", "me", "my", "mine", "myself"})
DREAMER_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})

# Settings: place nouns → I (indoor) or O (outdoor).
PLACES: Mapping[str, str] = word_table(
    """
    house, home, room, kitchen, bedroom, bathroom, office, classroom, building, hall, hallway, church, \
    store, shop, restaurant, theater, theatre, cinema, hospital, apartment, flat, basement, cellar, \
    attic, hotel, motel, dorm, dormitory, library, elevator, gym, gymnasium, bar, tavern, museum, \
    prison, jail, cell, barn, garage, closet, lobby, auditorium, cafeteria, lounge, parlor, den, \
    studio, laboratory, lab, factory, warehouse, station, airport, castle, palace, mansion, cabin, \
    cottage, hut, tent, temple, cathedral, chapel, courtroom, court, club, nightclub, shower, toilet, \
    diner, cafe, bank, post_office, supermarket, mall, department_store, corridor, stairway, staircase, \
    stair, cave, tunnel, billet, barracks, ward, locker, plane, airplane, train, bus, subway, ship, \
    boat, car, taxi, truck, elevator, apartment_house, school, college, fraternity, sorority: I
    street, road, highway, field, beach, park, wood, woods, forest, yard, backyard, lawn, garden, \
    mountain, lake, river, ocean, sea, sky, outside, outdoors, campus, farm, desert, hill, sidewalk, \
    parking_lot, playground, bridge, island, countryside, cemetery, graveyard, shore, jungle, valley, \
    meadow, pasture, porch, balcony, roof, rooftop, corner, alley, square, plaza, pool, swimming_pool, \
    track, stadium, pier, dock, harbor, port, cliff, canyon, creek, stream, pond, trail, path, lane, \
    avenue, boulevard, town, city, village, country, downtown, fairground, fair, carnival, circus, \
    zoo, battlefield, front, trench, camp, lot, orchard, vineyard, prairie, swamp, glacier, slope, \
    ski, golf_course, course, ballpark, ball_park, picnic, parade, intersection, crossing, outdoor: O
    """
)
VEHICLES = frozenset(["plane", "airplane", "train", "bus", "subway", "ship", "boat", "car", "taxi", "truck"])
UNFAMILIAR_SETTING_WORDS = frozenset(
    ["strange", "unfamiliar", "unknown", "foreign", "weird", "odd", "mysterious", "new", "never_seen"]
)
DISTORTED_SETTING_WORDS = frozenset(["different", "changed", "distorted"])

# Body parts (objects) → HVdC object code.
BODY_PARTS: Mapping[str, str] = word_table(
    """
    head, face, eye, ear, nose, mouth, lip, tooth, teeth, hair, cheek, chin, forehead, tongue, neck, jaw, \
    brow, eyebrow, beard, mustache, moustache, skull, scalp: BH
    arm, hand, finger, leg, foot, feet, toe, knee, elbow, wrist, ankle, thumb, fist, thigh, heel, nail, \
    fingernail, palm, shin: BE
    chest, back, stomach, belly, shoulder, hip, waist, abdomen, torso, body, breast, buttock, rear, trunk, \
    lap, navel, rib: BT
    heart, blood, bone, brain, lung, liver, kidney, vein, muscle, skin, skeleton, intestine, gut, organ, \
    nerve, flesh: BA
    penis, vagina, genital, genitals, testicle, crotch, groin: BS
    """
)
