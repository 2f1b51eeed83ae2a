"""Feeling words behind Reverie's HVdC emotion rules (written for Reverie; no dream text is stored here)."""

from __future__ import annotations

from collections.abc import Mapping

from reverie.analysis.dreams.lexicon import word_table

# Emotion words (lemmas of adjectives, nouns and verbs) → HVdC emotion.
# Left out after counting, on the development series norms-m and norms-f (never emma), how often the hand
# coders gave the dreamer that emotion when the word fired for the dreamer: "upset" (6 of 14 dreams SD, 5 AP),
# "blue" (2 of 6), "gloomy" and "confusion" (1 of 6; a scene's confusion, not the dreamer's). Each raised that
# emotion's F1 on the development series (SD 0.69 → 0.74, CO 0.77 → 0.78).
EMOTION_WORDS: Mapping[str, str] = word_table(
    """
    angry, mad, furious, annoyed, irritated, irritate, irked, enraged, rage, anger, angered, resentful, \
    indignant, exasperated, livid, infuriated, infuriate, fury, annoyance, irritation, resentment, \
    disgusted, disgust, hostile, cross, outraged, outrage, temper, aggravated, peeved, vexed, irate, \
    angrily: AN
    afraid, scared, scare, frightened, frighten, terrified, terrify, fear, fearful, worried, worry, \
    anxious, anxiety, nervous, nervousness, panic, panicky, panicked, alarmed, horrified, horror, dread, \
    uneasy, apprehensive, apprehension, tense, terror, embarrassed, embarrass, embarrassment, ashamed, \
    shame, guilty, guilt, uncomfortable, fright, petrified, shaken, jittery, timid, self-conscious, \
    insecure, distressed, frantic, desperate, frustrated, frustration, disturbing, disturbed, \
    terrifying, frightening, scary, horrifying, sweat, nervously, anxiously: AP
    sad, sadness, unhappy, depressed, disappointed, disappoint, disappointment, lonely, loneliness, \
    grief, grieve, miserable, heartbroken, sorrow, sorry, homesick, despair, remorse, regret, \
    dejected, downcast, hurt, cry, weep, sob, tears, mourn, melancholy, hopeless, \
    discouraged, forlorn, bitter, pity, sadly: SD
    confused, confuse, puzzled, puzzle, puzzling, bewildered, bewilder, surprised, surprise, \
    amazed, amaze, amazement, astonished, astonish, astonishment, shocked, shock, stunned, dumbfounded, \
    perplexed, baffled, mystified, bewilderment, disbelief, dazed, awe, incredulous, unsure, \
    disoriented, startled, doubtful, amazing: CO
    happy, happiness, glad, pleased, please, delighted, delight, joy, joyful, enjoy, enjoyment, \
    thrilled, thrill, relieved, relief, elated, satisfied, proud, pride, cheerful, ecstatic, grateful, \
    thankful, eager, overjoyed, jubilant, merry, elation, bliss, blissful, gratified, amused, contented, \
    peaceful, happily: HA
    """
)
# Words that name a feeling only after "feel" ("I felt bad", "I felt cheated").
FEEL_ONLY: Mapping[str, str] = {
    "bad": "SD",
    "cheated": "SD",
    "terrible": "SD",
    "awful": "SD",
    "heartsick": "SD",
    "outrage": "AN",
    "silly": "AP",
    "foolish": "AP",
    "wonderful": "HA",
    "good": "HA",
    "great": "HA",
    "strange": "CO",
    "odd": "CO",
}
# Senses that are not feelings: the word counts only with this part of speech.
EMOTION_POS: Mapping[str, str] = {
    "cross": "ADJ",
    "tears": "NOUN",
    "blue": "ADJ",
    "please": "VERB",
    "sweat": "NOUN",
}
# Verbs that carry the emotion onto their object ("it frightened me").
EMOTION_CAUSE_VERBS = frozenset(
    [
        "scare",
        "frighten",
        "terrify",
        "worry",
        "alarm",
        "horrify",
        "embarrass",
        "anger",
        "annoy",
        "irritate",
        "infuriate",
        "upset",
        "sadden",
        "disappoint",
        "hurt",
        "confuse",
        "puzzle",
        "bewilder",
        "surprise",
        "amaze",
        "astonish",
        "shock",
        "stun",
        "please",
        "delight",
        "excite",
        "thrill",
        "amuse",
        "relieve",
    ]
)
# Words that only count when a first-person experiencer is explicit (too ambiguous otherwise).
WEAK_EMOTION_WORDS = frozenset(["cross", "cry", "hurt", "tense", "amazing", "sweat", "bitter"])
