"""The goals of issue 12 on the written challenge set, with the shipped model (sentence model + lexicon).

``challenge_tune.jsonl`` was used to choose the sentence model's threshold and to fix the lexicon;
``challenge_frozen.jsonl`` was measured once, at the end of the first round, and then became tuning material too
(threshold, lexicon, hard negatives for the bank) in the second. ``challenge_frozen2.jsonl`` was written before the
second round's tuning (older adults, teenagers, non-native English, clinical self-report, terse and rambling voices)
and measured once, at its end, for the model it replaced and the one shipped (docs/risk.md has every figure); in the
third round all three were tuning material (lexicon mechanisms, the sentence threshold, hard negatives of their kinds
written anew for the bank), so their figures below are tuning figures. A new held-back batch
(``challenge_frozen3.jsonl``, written by someone else during the third round) was measured once, by
``reverie eval risk``, at the end of that round (71 of 107 genuine flagged, 14 of 223 false alarms); in the fourth
round all four batches were seen (tuning material: the bank was grown knowing frozen3's misses, frozen3 left out of
the threshold choice), so every figure below is a seen figure; the next unseen figure is the lead's. Items
were written for Reverie in voices different from the training bank (``scripts/risk_paraphrases.jsonl``); none come
from a data set.

The goal "100 % of genuine cases flagged" is asserted as it stands and marked as a known miss where it was missed
(strict: the mark must be removed once it passes); the figures measured at the end are asserted as floors, so the
screen cannot silently get worse. False alarms ≤ 2 % and never ``attempt`` on a hard negative are asserted plainly.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from reverie.analysis.evaluation.risk import challenge_figures, read_challenge
from reverie.analysis.risk import LEVELS, load_model, screen

HERE = Path(__file__).resolve().parent
HALVES = (
    "tune",
    "frozen",
    "frozen2",
    "frozen3",
    "frozen4",
    "frozen5",
    "frozen6",
    "frozen7",
    "frozen8",
    "frozen9",
    "frozen10",
    "frozen11",
    "frozen12",
    "frozen13",
    "frozen14",
    "frozen15",
    "frozen16",
    "frozen17",
    "frozen18",
    "frozen19",
    "frozen20",
    "frozen21",
    "frozen22",
    "frozen23",
    "frozen24",
    "frozen25",
    "frozen26",
    "frozen27",
    "frozen28",
    "frozen29",
    "frozen30",
    "frozen31",
    "frozen32",
    "frozen33",
    "frozen34",
    "frozen35",
    "frozen36",
    "frozen37",
    "frozen38",
    "frozen39",
    "frozen40",
    "frozen41",
    "frozen42",
    "frozen43",
)
# figures of speech (idioms; frozen31's figures in notes; frozen32's quoted figures and similes) and everyday injuries
# frozen33's writer named its figures "figure_of_speech"
FIGURE_GROUPS = frozenset(
    {"idiom", "note_figure_of_speech", "figure_quoted", "simile", "injury", "figure_of_speech"}
)
# The goal "never attempt on a figure of speech" where a batch missed it when measured once (a strict expected
# failure: the mark must go the day it passes); its lines at attempt are in KNOWN_ATTEMPT_ERRORS too.
FIGURES_MISSED: dict[str, str] = {
    # frozen32's two figures of speech at attempt (a cliff jump told with joy, the phrase quoted in a note) were read as
    # figures by mechanism in risk 2.15.0 (h175, seen; README_frozen32.md); frozen33's two (frozen33-014 a note's
    # 'overdose of sun', frozen33-190 overdosed on podcasts; at attempt on 2.14.0 and h175's 2.15.0 when measured once)
    # by risk 2.15.1 (h177, seen: an overdose of a thing that is no drug is a figure, quoted or not)
    # frozen36's (frozen36-013, overdosed on mini eggs: at attempt when measured once on 2.14.0 and 2.15.3 alike) by
    # risk 2.16.0 (h180, seen: a kind of thing never a drug, read by its head noun)
    # frozen38's (frozen38-127, overdosed on pick n mix: at attempt when measured once, on 2.15.3 and 2.16.1 alike) by
    # risk 2.16.2 (h185, seen: a sweet shop's names are things never a drug)
}
# Genuine cases flagged, as measured with the shipped model. Fourth round (docs/risk.md): all four batches are seen
# (tuning material); frozen3 was measured once, unseen, at the end of the third round (71 of 107, 14 of 223 false
# alarms) and was left out of the fourth round's threshold choice, but the bank was grown knowing its misses.
# Fifth round: the sentence threshold 0.700 (docs/risk.md). frozen4 was written during the fifth round by another
# engineer and measured once at its end with the model as built (threshold 0.800: 88 of 126, 25 of 259 false alarms);
# the threshold was then lowered to 0.700 knowing that figure, so frozen4's figures below are no longer unseen.
# Sixth round (docs/risk.md): bank lines and lexicon rules by mechanism, knowing frozen4's misses; threshold 0.750
# by the same rule. Seen recall overall 400 -> 411 of 465, false alarms 52 -> 41 of 864; frozen loses one case.
# Seventh round (docs/risk.md): bank lines, lexicon rules and sentence reasons by mechanism, knowing frozen5's misses
# and false alarms (frozen5 is seen since); threshold 0.700 by the same rule. All six batches: genuine flagged
# 473 -> 497 of 545, false alarms 52 -> 50 of 1024; tune loses one case.
MEASURED_FLAGGED = {
    "tune": 81 / 85,
    "frozen": 79 / 83,
    "frozen2": 63 / 64,
    "frozen3": 93 / 107,  # 93 on 2.16.2 (h185, seen)
    # frozen4: 115 since the sixteenth round (acts told with their intent), 116 on 2.14.0 (h167; seen)
    # frozen4: 118 flagged on 2.16.5 (h195, seen)
    "frozen4": 118 / 126,  # 116 -> 117 on 2.16.0 (h180, seen: a wish not to wake up)
    # frozen5: written during the sixth round by another engineer, kept outside the repository, measured once at its
    # end with the shipped model (never tuned on): 62 of 80, 11 of 160 false alarms. Seen since the seventh round.
    "frozen5": 76 / 80,  # 74 -> 76 on 2.14.0 (h167, seen)
    # frozen6: written during the seventh round by another engineer (30 new voices), kept outside the repository,
    # measured once at its end with the shipped model: 71 of 94 (the model before the round 68 of 94), 21 of 184
    # false alarms (before 23), one of them at "attempt" (a paramedic's note about a patient named by age, in both
    # models; fixed after by mechanism, test_age_named_person.py). Seen since.
    "frozen6": 74 / 94,  # 74 since the sixteenth round (seen)
    # frozen7: written during the eighth round by another engineer (28 new voices), kept outside the repository,
    # measured once at its end: 65 of 100 with the eighth round's code and with the code before it (16 and 17 of
    # 183 false alarms, none at "attempt"). Seen since.
    # frozen7: 72 flagged on 2.16.5 (h195, seen)
    "frozen7": 72 / 100,  # 67 since the tenth and eleventh rounds, 71 since the sixteenth (seen)
    # frozen8: written during the ninth round by another engineer (29 new voices), kept outside the repository,
    # measured once at its end: 59 of 100 with the ninth round's code and with the code before it (the risk screen
    # did not change; 11 of 186 false alarms, none at "attempt"). Seen since; after it, overdoses named by any drug
    # name or by the container (test_lexicon_ninth_round.py): 64 of 100, false alarms unchanged.
    "frozen8": 68 / 100,  # 66 since the tenth and eleventh rounds, 68 since the sixteenth (seen)
    # frozen9: written during the tenth round by two engineers who tuned nothing (README_frozen9.md), kept outside
    # the repository, measured once at the start and at the end of that round: 70 of 104 at both (30 of 183 false
    # alarms, one at "attempt": someone else's attempt told with "our"). Seen since; the eleventh round (docs/risk.md)
    # worked by mechanism on its misses and false alarms: 74 of 104, 20 of 183, none at "attempt".
    "frozen9": 80 / 104,  # 79 since the sixteenth round, 80 with its composed self-harm acts (seen)
    # frozen10: written during the twelfth round by an engineer who tuned nothing (README_frozen10.md), kept outside
    # the repository, measured once at the start (0d1aed3: the eleventh round merged) and at the end of that round
    # (the risk screen unchanged): 76 of 106 both, 24 of 186 false alarms, two at "attempt". Seen since.
    # frozen10: 81 since the sixteenth round, 85 with its composed self-harm acts, 88 on 2.14.0 (h167; seen)
    "frozen10": 88 / 106,
    # frozen11: 83 flagged on 2.16.3 (h190, seen)
    "frozen11": 83
    / 108,  # 69 when measured once, unseen; 75 since the sixteenth round (seen); 82 on 2.16.2 (h185, seen)
    # frozen12: written at the start of the sixteenth round by an engineer who tuned nothing (README_frozen12.md), kept
    # outside the repository, measured once at the start (bfb32e7) and the end (d967aa1) of the round: 71 and 73 of
    # 107 flagged, 25 of 192 false alarms both times. Seen since.
    # frozen12: 73 at the end of its round; 77 with the composed self-harm acts, 79 on 2.14.0 (h167; seen)
    "frozen12": 79 / 107,
    # frozen13: written at the start of the seventeenth round by an engineer who tuned nothing (README_frozen13.md,
    # emphasis on self-harm acts, preparations and aborted acts), kept outside the repository, measured once at the
    # start (1c20fed) and the end (31dd23f) of the round: 85 of 117 flagged both times. Seen since.
    "frozen13": 86 / 117,  # 85 when measured once; 86 on 2.16.1 (h183, seen)
    # frozen14: written at the start of the eighteenth round by an engineer who tuned nothing (README_frozen14.md; 150
    # short lines and 50 long journal entries, ``length``), kept outside the repository, measured once (c81c42c); no
    # risk change shipped that session, so it is the figure of the code at its start and its end. Seen since.
    "frozen14": 61 / 80,
    # frozen15: the same shape, written during the nineteenth round by another engineer who tuned nothing
    # (README_frozen15.md), measured once on the shipped screen (4f31df8). Seen since.
    "frozen15": 74 / 80,  # 72 -> 73 on 2.14.0 (h167, seen); 74 on 2.16.0 (h180: an attempt on one's life)
    # frozen16: the same shape, written at the start of the twentieth round by another engineer who tuned nothing,
    # with at least 25 plain everyday lines whose words sound like an act (README_frozen16.md); measured once on the
    # shipped screen (af1832d). Seen since; 62 since the twenty-first round (risk 2.4.0, docs/risk.md).
    "frozen16": 62 / 80,
    # frozen17: the same shape, written during the twentieth round by another engineer who tuned nothing
    # (README_frozen17.md), measured once before and after risk 2.3.0 (the same). Seen since; 60 since the
    # twenty-first round (risk 2.4.0, docs/risk.md).
    "frozen17": 60 / 80,
    # frozen18: the same shape, written at the start of the twenty-first round by another engineer who tuned nothing
    # (README_frozen18.md), measured once before and after risk 2.4.0 (every line the same). Seen since.
    "frozen18": 61 / 80,
    # frozen19: the same shape, written at the start of the twenty-third round by another engineer who tuned nothing
    # (README_frozen19.md), measured once on risk 2.4.0. Seen since.
    "frozen19": 53 / 80,
    # frozen20: the same shape, written during the twenty-fifth round by another engineer who tuned nothing
    # (README_frozen20.md), measured once on risk 2.4.0. Seen since; 60 since risk 2.6.0 (h38: one genuine model-alone
    # line resembles no written crisis line at 0.35; the seen batches together 1,730 -> 1,728, docs/risk.md)
    # frozen20: 61 flagged on 2.16.5 (h195, seen)
    "frozen20": 61 / 80,
    # frozen21: the same shape, written during the twenty-sixth round by another engineer who tuned nothing
    # (README_frozen21.md), measured once on risk 2.4.0. Seen since.
    "frozen21": 54 / 80,
    # frozen22, frozen23: measured once, unseen (README_frozen22.md, README_frozen23.md; twenty-eighth round)
    "frozen22": 54 / 80,
    "frozen23": 56 / 80,
    # frozen24: measured once, unseen, on risk 2.5.2 and on h38's candidate (2.6.0, the support floor at 0.35) in the
    # same run: 58 both (README_frozen24.md, docs/risk.md "h38: the floor")
    "frozen24": 58 / 80,
    # frozen25: measured once, unseen, on risk 2.6.1 and on k29's candidate (2.6.2, a wish taken back) in the same run:
    # 59 both (README_frozen25.md, docs/risk.md "The twenty-fifth frozen batch")
    "frozen25": 59 / 80,
    # frozen26: 44 noisy genuine lines, measured once, unseen, on 2.6.3 and h111's guard candidate: 39 both
    # (README_frozen26.md, docs/risk.md "Thirty-second round (h111)"); seen since risk 2.9.0
    "frozen26": 39 / 44,
    # frozen27: measured once, unseen, on risk 2.8.4 (the start of the day) and 2.10.3 in the same run: 65 both
    # (README_frozen27.md, docs/risk.md "The twenty-seventh frozen batch")
    "frozen27": 65 / 80,
    # frozen28: measured once, unseen, on risk 2.10.3 (ca0a807, the start of the day's risk work) and 2.11.0 (h152's
    # scene-only gate) in the same run: 66 both (README_frozen28.md, docs/risk.md "The twenty-eighth frozen batch")
    # frozen28: 68 flagged on 2.16.3 (h190, seen)
    # frozen28: 69 flagged on 2.16.4 (h191, seen)
    "frozen28": 69 / 80,
    # frozen29: measured once, unseen, on risk 2.11.0 and 2.12.0 (h157) in one run, its session notes read as notes
    # (the batch's `kind`): 61 both (README_frozen29.md; 49 both if its notes were read as journal entries); 62 since
    # 2.13.0 (h160: a note's "her upper arms" read as a place of self-harm, frozen29-048; seen)
    # frozen29: 64 flagged on 2.16.3 (h190, seen)
    "frozen29": 64 / 80,  # 62 -> 63 on 2.14.0 (h167, seen)
    # frozen30: measured once, unseen, on risk 2.12.0 and 2.13.0 (h160) in one run, notes read as notes: 63 and 65
    # (README_frozen30.md, docs/risk.md "The thirtieth frozen batch")
    "frozen30": 71
    / 80,  # 65 -> 69 on 2.14.0 (h167, seen); 70 on 2.15.0 (h175, seen); 71 on 2.16.2 (h185, seen)
    # frozen31: measured once, unseen, on risk 2.13.0 (main) and h166's 2.14.0 (not shipped: it failed its decision
    # rule) in one run, notes read as notes: 48 and 52 (README_frozen31.md)
    # frozen31: 65 flagged on 2.16.5 (h195, seen)
    "frozen31": 65
    / 80,  # 48 -> 57 on 2.14.0 (h167, seen); 63 on 2.15.0 (h175, seen); 64 on 2.16.2 (h185, seen)
    # frozen32: measured once, unseen, on risk 2.13.0 (main) and 2.14.0 (h167, shipped: its decision rule met) in one
    # run, notes read as notes: 44 and 47 (README_frozen32.md)
    # frozen32: 63 flagged on 2.16.3 (h190, seen)
    # frozen32: 64 flagged on 2.16.5 (h195, seen)
    "frozen32": 64 / 80,  # 47 when measured once on 2.14.0; 62 on 2.15.0 (h175, seen)
    # frozen33: measured once, unseen, on risk 2.14.0 (main, shipped) and h175's 2.15.0 (not shipped: its decision
    # rule not met) in one run, notes read as notes: 54 and 56 (README_frozen33.md)
    # frozen33: 58 flagged on 2.16.4 (h191, seen)
    # frozen33: 60 flagged on 2.16.5 (h195, seen)
    "frozen33": 60 / 80,  # 54 when measured once on 2.14.0; 56 on 2.15.1 (h177, seen)
    # frozen34: measured once, unseen, on risk 2.14.0 (main, shipped) and h177's 2.15.1 (not shipped: its decision
    # rule not met) in one run, notes read as notes: 54 and 56 (README_frozen34.md)
    # frozen34: 59 flagged on 2.16.3 (h190, seen)
    # frozen34: 62 flagged on 2.16.4 (h191, seen)
    # frozen34: 63 flagged on 2.16.5 (h195, seen)
    "frozen34": 63
    / 80,  # 54 on 2.14.0 when measured once; 56 on 2.15.1 (this candidate); 58 on 2.16.2 (h185, seen)
    # frozen35: measured once, unseen, on risk 2.14.0 (main, shipped) and h178's 2.15.2 (not shipped: its decision
    # rule not met) in one run, notes read as notes: 56 and 60 (README_frozen35.md)
    # frozen35: 62 flagged on 2.16.3 (h190, seen)
    "frozen35": 62
    / 80,  # 56 on 2.14.0 when measured once; 60 on 2.15.2 (this candidate); 61 on 2.16.0 (h180)
    # frozen36: measured once, unseen, on risk 2.14.0 and 2.15.3 (shipped: its decision rule met) in one run, notes read
    # as notes: 61 and 66 (README_frozen36.md)
    # frozen36: 68 flagged on 2.16.3 (h190, seen)
    # frozen36: 69 flagged on 2.16.4 (h191, seen)
    "frozen36": 69 / 80,
    # frozen37: measured once, unseen, on risk 2.15.3 and h180's 2.16.0 (not shipped: its decision rule's (a) missed)
    # in one run, notes read as notes: 62 and 64 (README_frozen37.md)
    "frozen37": 79 / 80,  # 62 on 2.15.3 when measured once; 64 on 2.16.0; 79 on 2.16.1 (h183, seen)
    # frozen38: measured once, unseen, on risk 2.15.3 and 2.16.1 (shipped: its decision rule met) in one run, notes read
    # as notes: 57 and 60 (README_frozen38.md)
    "frozen38": 80 / 80,  # 80 on 2.16.2 (h185, seen)
    # frozen39: measured once, unseen, on risk 2.16.1 and h185's 2.16.2 (not shipped: its decision rule's (a) missed)
    # in one run, notes read as notes: 57 and 59 (README_frozen39.md)
    # frozen39: 80 flagged on 2.16.3 (h190, seen)
    "frozen39": 80 / 80,
    # frozen40: measured once, unseen, on risk 2.16.1 and h190's 2.16.3 (shipped: its decision rule met) in one run,
    # notes read as notes: 59 and 64 (README_frozen40.md)
    # frozen40: 80 flagged on 2.16.4 (h191, seen)
    "frozen40": 80 / 80,
    # frozen41: measured once, unseen, on risk 2.16.3 and h191's 2.16.4 (not shipped: its decision rule's (a) missed)
    # in one run, notes read as notes: 61 and 63 (README_frozen41.md)
    # frozen41: 80 flagged on 2.16.5 (h195, seen)
    "frozen41": 80 / 80,
    # frozen42: measured once, unseen, on risk 2.16.3 and h195's 2.16.5 (shipped: its decision rule met) in one run,
    # notes read as notes: 57 and 63 (README_frozen42.md)
    "frozen42": 63 / 80,
    # frozen43: measured once, unseen, on risk 2.16.5 and h197's 2.16.6 (not shipped: its decision rule missed) in one
    # run, notes read as notes: 68 and 69 (README_frozen43.md)
    "frozen43": 68 / 80,
}
GOAL_MISSED = {
    "tune": "goal missed: 81 of 85 genuine tune cases flagged, seen (docs/risk.md)",
    "frozen": "goal missed: 79 of 83 genuine cases of the first frozen half flagged, seen (docs/risk.md)",
    "frozen2": "goal missed: 63 of 64 genuine cases of the second frozen batch flagged, seen since the third round "
    "(38 of 64 when measured once) (docs/risk.md)",
    "frozen3": "goal missed: 89 of 107 genuine cases of the third frozen batch flagged, seen since the fourth round "
    "(71 of 107 when measured once, unseen) (docs/risk.md)",
    "frozen4": "goal missed: 111 of 126 genuine cases of the fourth frozen batch flagged, seen (88 of 126 when measured "
    "once with the model as built; the model before that round 94 of 126) (docs/risk.md)",
    "frozen5": "goal missed: 74 of 80 genuine cases of the fifth frozen batch flagged, seen since the seventh round (62 "
    "of 80 when measured once, unseen) (docs/risk.md)",
    "frozen6": "goal missed: 71 of 94 genuine cases of the sixth frozen batch flagged when measured once, unseen "
    "(docs/risk.md)",
    "frozen7": "goal missed: 65 of 100 genuine cases of the seventh frozen batch flagged when measured once, unseen "
    "(docs/risk.md)",
    "frozen8": "goal missed: 59 of 100 genuine cases of the eighth frozen batch flagged when measured once, unseen; 14 "
    "of its 25 attempts missed (docs/risk.md)",
    "frozen9": "goal missed: 70 of 104 genuine cases of the ninth frozen batch flagged when measured once, unseen; 9 "
    "of its 25 attempts missed; 74 of 104 since the eleventh round, seen (docs/risk.md)",
    "frozen10": "goal missed: 76 of 106 genuine cases of the tenth frozen batch flagged when measured once, unseen; 6 "
    "of its 28 attempts missed, 34 of its 41 behaviors under their level (docs/risk.md)",
    "frozen11": "goal missed: 69 of 108 genuine cases of the eleventh frozen batch flagged when measured once, unseen; "
    "7 of its 29 attempts missed, 36 of its 42 behaviors under their level (docs/risk.md)",
    "frozen12": "goal missed: 73 of 107 genuine cases of the twelfth frozen batch flagged when measured once, unseen "
    "(71 at the start of its round); 4 of its 28 attempts missed, 31 of its 42 behaviors under their level "
    "(docs/risk.md)",
    "frozen13": "goal missed: 85 of 117 genuine cases of the thirteenth frozen batch flagged when measured once, unseen, "
    "at the start and the end of its round; 42 of its 55 behaviors under their level (docs/risk.md)",
    "frozen14": "goal missed: 61 of 80 genuine cases of the fourteenth frozen batch flagged when measured once, unseen "
    "(short lines 32 of 50, long entries 29 of 30); 30 of its 50 behaviors under their level (docs/risk.md)",
    "frozen15": "goal missed: 72 of 80 genuine cases of the fifteenth frozen batch flagged when measured once, unseen "
    "(short lines 43 of 50, long entries 29 of 30); 30 of its 50 behaviors under their level (docs/risk.md)",
    "frozen16": "goal missed: 57 of 80 genuine cases of the sixteenth frozen batch flagged when measured once, unseen "
    "(short lines 32 of 50, long entries 25 of 30); 31 of its 50 behaviors under their level (docs/risk.md)",
    "frozen17": "goal missed: 46 of 80 genuine cases of the seventeenth frozen batch flagged when measured once, "
    "unseen (short lines 25 of 50, long entries 21 of 30); 41 of its 50 behaviors under their level (docs/risk.md)",
    "frozen18": "goal missed: 61 of 80 genuine cases of the eighteenth frozen batch flagged when measured once, "
    "unseen (short lines 34 of 50, long entries 27 of 30); 32 of its 50 behaviors under their level (docs/risk.md)",
    "frozen19": "goal missed: 53 of 80 genuine cases of the nineteenth frozen batch flagged when measured once, "
    "unseen (short lines 26 of 50, long entries 27 of 30); 41 of its 50 behaviors under their level (docs/risk.md)",
    "frozen20": "goal missed: 61 of 80 genuine cases of the twentieth frozen batch flagged when measured once, "
    "unseen (short lines 34 of 50, long entries 27 of 30); 37 of its 50 behaviors under their level (docs/risk.md)",
    "frozen21": "goal missed: 54 of 80 genuine cases of the twenty-first frozen batch flagged when measured once, "
    "unseen (short lines 31 of 50, long entries 23 of 30); 36 of its 50 behaviors under their level (docs/risk.md)",
    "frozen22": "goal missed: 54 of 80 genuine cases of the twenty-second frozen batch flagged when measured once, "
    "unseen (short lines 30 of 50, long entries 24 of 30) (README_frozen22.md)",
    "frozen23": "goal missed: 56 of 80 genuine cases of the twenty-third frozen batch flagged when measured once, "
    "unseen (short lines 31 of 50, long entries 25 of 30) (README_frozen23.md)",
    "frozen24": "goal missed: 58 of 80 genuine cases of the twenty-fourth frozen batch flagged when measured once, "
    "unseen, on risk 2.5.2 and 2.6.0 (short lines 37 of 50, long entries 21 of 30) (README_frozen24.md)",
    "frozen25": "goal missed: 59 of 80 genuine cases of the twenty-fifth frozen batch flagged when measured once, "
    "unseen, on risk 2.6.1 and 2.6.2 (short lines 33 of 50, long entries 26 of 30) (README_frozen25.md)",
    "frozen26": "goal missed: 39 of 44 noisy genuine lines of the twenty-sixth frozen batch flagged when measured once, "
    "unseen, on risk 2.6.3 and h111's guard candidate (README_frozen26.md)",
    "frozen27": "goal missed: 65 of 80 genuine cases of the twenty-seventh frozen batch flagged when measured once, "
    "unseen, on risk 2.8.4 and 2.10.3 (short lines 37 of 50, long entries 28 of 30) (README_frozen27.md)",
    "frozen28": "goal missed: 66 of 80 genuine cases of the twenty-eighth frozen batch flagged when measured once, "
    "unseen, on risk 2.10.3 and 2.11.0 (short lines 39 of 50, long entries 27 of 30) (README_frozen28.md)",
    "frozen29": "goal missed: 61 of 80 genuine cases of the twenty-ninth frozen batch flagged when measured once, "
    "unseen, on risk 2.11.0 and 2.12.0, its session notes read as notes (short lines 19 of 23, long entries 42 of 57; "
    "session notes 13 of 17) (README_frozen29.md)",
    "frozen30": "goal missed: 63 of 80 genuine cases of the thirtieth frozen batch flagged on risk 2.12.0, 65 on "
    "2.13.0, when measured once, unseen, its session notes read as notes (session notes 25 of 36 both; journal lines "
    "38 and 40 of 44) (README_frozen30.md)",
    "frozen31": "goal missed: 48 of 80 genuine cases of the thirty-first frozen batch flagged on risk 2.13.0 when "
    "measured once, unseen, its session notes read as notes (session notes 20 of 36; journal lines 28 of 44) "
    "(README_frozen31.md)",
    "frozen32": "goal missed: 47 of 80 genuine cases of the thirty-second frozen batch flagged on risk 2.14.0, 44 on "
    "2.13.0, when measured once, unseen, its session notes read as notes (session notes 15 of 38; journal lines 32 of "
    "42) (README_frozen32.md)",
    "frozen33": "goal missed: 54 of 80 genuine cases of the thirty-third frozen batch flagged on risk 2.14.0, 56 on "
    "h175's 2.15.0 (not shipped), when measured once, unseen, its session notes read as notes (session notes 25 of "
    "40; journal lines 29 of 40) (README_frozen33.md)",
    "frozen34": "goal missed: 54 of 80 genuine cases of the thirty-fourth frozen batch flagged on risk 2.14.0, 56 on "
    "h177's 2.15.1 (not shipped), when measured once, unseen, its session notes read as notes (session notes 24 of "
    "40; journal lines 30 of 40) (README_frozen34.md)",
    "frozen35": "goal missed: 56 of 80 genuine cases of the thirty-fifth frozen batch flagged on risk 2.14.0, 60 on "
    "h178's 2.15.2 (not shipped), when measured once, unseen, its session notes read as notes (session notes 22 of "
    "40; journal lines 34 of 40) (README_frozen35.md)",
    "frozen36": "goal missed: 66 of 80 genuine cases of the thirty-sixth frozen batch flagged on risk 2.15.3, 61 on "
    "2.14.0, when measured once, unseen, its session notes read as notes (session notes 31 of 40; journal lines 35 of "
    "40) (README_frozen36.md)",
    "frozen37": "goal missed: 62 of 80 genuine cases of the thirty-seventh frozen batch flagged on risk 2.15.3, 64 on "
    "h180's 2.16.0 (not shipped), when measured once, unseen, its session notes read as notes (session notes 27 of 40; "
    "journal lines 35 of 40); 79 on h183's 2.16.1, seen (README_frozen37.md)",
    # frozen38: 60 of 80 flagged on risk 2.16.1, 57 on 2.15.3, when measured once, unseen (session notes 25 of 40;
    # journal lines 35 of 40; README_frozen38.md); all 80 on h185's 2.16.2, seen: the goal is met on a seen batch
    "frozen38": "",
    # frozen39: 57 of 80 flagged on risk 2.16.1, 59 on h185's 2.16.2 (not shipped), when measured once, unseen (session
    # notes 25 of 40; journal lines 32 of 40; README_frozen39.md); all 80 on h190's 2.16.3, seen: the goal is met on a
    # seen batch
    "frozen39": "",
    # frozen40: 64 of 80 flagged on risk 2.16.3, 59 on 2.16.1, when measured once, unseen (session notes 30 of 40; journal
    # lines 34 of 40; README_frozen40.md); all 80 on h191's 2.16.4, seen: the goal is met on a seen batch
    "frozen40": "",
    # frozen41: 61 of 80 flagged on risk 2.16.3, 63 on h191's 2.16.4 (not shipped), when measured once, unseen (session
    # notes 29 of 40; journal lines 32 of 40; README_frozen41.md); all 80 on h195's 2.16.5, seen: the goal is met on a
    # seen batch
    "frozen41": "",
    "frozen42": "goal missed: 63 of 80 genuine cases of the forty-second frozen batch flagged on risk 2.16.5, 57 on "
    "2.16.3, when measured once, unseen, its session notes read as notes (session notes 32 of 40; journal lines 31 of 40) "
    "(README_frozen42.md)",
    "frozen43": "goal missed: 68 of 80 genuine cases of the forty-third frozen batch flagged on risk 2.16.5, 69 on h197's "
    "2.16.6 (not shipped), when measured once, unseen, its session notes read as notes (session notes 32 of 40; journal "
    "lines 36 of 40) (README_frozen43.md)",
}
# False alarms on hard negatives: the goal (<= 2 %) is met on tune and frozen (seen; frozen2: 8 of 110
# when it was measured once, in the second round), not on frozen3 (seen since the fourth round; 14 of 223 unseen).
ALARMS_MISSED = {
    "tune": "",
    "frozen": "",
    "frozen2": "goal missed: 3 of 110 hard negatives of the second frozen batch flagged (2.7 %), seen, at the seventh "
    "round's threshold 0.700 (docs/risk.md)",
    "frozen3": "goal missed: 14 of 223 hard negatives of the third frozen batch flagged (6.3 %), seen since the "
    "fourth round (14 of 223, 6.3 %, when measured once, unseen) (docs/risk.md)",
    "frozen4": "goal missed: 18 of 259 hard negatives of the fourth frozen batch flagged (6.9 %), seen (25 of 259 when "
    "measured once with the model as built, 35 of 259 with the model before that round) (docs/risk.md)",
    "frozen5": "goal missed: 11 of 160 hard negatives of the fifth frozen batch flagged (6.9 %), seen since the seventh "
    "round (11 of 160 when measured once, unseen) (docs/risk.md)",
    "frozen6": "goal missed: 21 of 184 hard negatives of the sixth frozen batch flagged (11.4 %) when measured once, "
    "unseen (docs/risk.md)",
    "frozen7": "goal missed: 16 of 183 hard negatives of the seventh frozen batch flagged (8.7 %) when measured once, "
    "unseen (docs/risk.md)",
    "frozen8": "goal missed: 11 of 186 hard negatives of the eighth frozen batch flagged (5.9 %) when measured once, "
    "unseen (docs/risk.md)",
    "frozen9": "goal missed: 30 of 183 hard negatives of the ninth frozen batch flagged (16.4 %, one at attempt) when "
    "measured once, unseen; 20 of 183 (10.9 %) since the eleventh round, seen (docs/risk.md)",
    "frozen10": "goal missed: 24 of 186 hard negatives of the tenth frozen batch flagged (12.9 %, two at attempt) when "
    "measured once, unseen; 23 of 186 since the twelfth round's attribution fix, seen (docs/risk.md)",
    "frozen11": "goal missed: 20 of 188 hard negatives of the eleventh frozen batch flagged (10.6 %, none at attempt) "
    "when measured once, unseen (docs/risk.md)",
    "frozen12": "goal missed: 25 of 192 hard negatives of the twelfth frozen batch flagged (13.0 %, one at attempt: "
    "someone else's overdose) when measured once, unseen; 24 of 192, none at attempt, since that line's attribution "
    "was fixed by mechanism; 25 since the seventeenth round (a model false alarm no longer hidden) (docs/risk.md)",
    "frozen13": "goal missed: 21 of 212 hard negatives of the thirteenth frozen batch flagged (9.9 %, none at attempt) "
    "when measured once, unseen (20 at the start of its round) (docs/risk.md)",
    "frozen14": "goal missed: 16 of 120 hard negatives of the fourteenth frozen batch flagged (13.3 %, none at behavior "
    "or attempt; long entries 3 of 20) when measured once, unseen (docs/risk.md)",
    "frozen15": "goal missed: 10 of 120 hard negatives of the fifteenth frozen batch flagged (8.3 %, none at behavior "
    "or attempt; long entries 2 of 20) when measured once, unseen (docs/risk.md)",
    "frozen16": "goal missed: 26 of 120 hard negatives of the sixteenth frozen batch flagged (21.7 %, 3 at behavior, "
    "none at attempt; long entries 6 of 20) when measured once, unseen (docs/risk.md)",
    "frozen17": "goal missed: 28 of 120 hard negatives of the seventeenth frozen batch flagged (23.3 %, 1 at behavior, "
    "none at attempt; long entries 9 of 20) when measured once, unseen (docs/risk.md)",
    "frozen18": "goal missed: 19 of 120 hard negatives of the eighteenth frozen batch flagged (15.8 %, 1 at behavior, "
    "none at attempt; long entries 6 of 20) when measured once, unseen (docs/risk.md)",
    "frozen19": "goal missed: 17 of 120 hard negatives of the nineteenth frozen batch flagged (14.2 %, 1 at behavior, "
    "none at attempt; long entries 6 of 20) when measured once, unseen (docs/risk.md)",
    "frozen20": "goal missed: 17 of 120 hard negatives of the twentieth frozen batch flagged (14.2 %, 1 at behavior, "
    "none at attempt; long entries 5 of 20) when measured once, unseen (docs/risk.md)",
    "frozen21": "goal missed: 27 of 120 hard negatives of the twenty-first frozen batch flagged (22.5 %, none at "
    "behavior or attempt; long entries 11 of 20) when measured once, unseen (docs/risk.md)",
    "frozen22": "goal missed: 15 of 120 hard negatives of the twenty-second frozen batch flagged (12.5 %, one at "
    "attempt; long entries 5 of 20) when measured once, unseen (README_frozen22.md)",
    "frozen23": "goal missed: 18 of 120 hard negatives of the twenty-third frozen batch flagged (15.0 %, one at "
    "attempt; long entries 5 of 20) when measured once, unseen (README_frozen23.md)",
    "frozen24": "goal missed: 22 of 120 hard negatives of the twenty-fourth frozen batch flagged on risk 2.6.0 (18.3 %; "
    "23 on 2.5.2; none at behavior or attempt; long entries 5 of 20) when measured once, unseen (README_frozen24.md)",
    "frozen25": "goal missed: 11 of 120 hard negatives of the twenty-fifth frozen batch flagged on risk 2.6.1 and 2.6.2 "
    "(9.2 %; all at ideation, all the sentence model alone; long entries 2 of 20) when measured once, unseen "
    "(README_frozen25.md)",
    # frozen26: 1 of 65 placeholder and keyboard-noise negatives (1.5 %) when measured once, under the goal; 2 since
    # risk 2.8.1 (below, MEASURED_ALARMS)
    "frozen26": "goal missed: 2 of 65 placeholder and keyboard-noise negatives of the twenty-sixth frozen batch flagged "
    "since risk 2.8.1 (3.1 %; 1 when measured once on h111's guard candidate; both at ideation, the sentence model "
    "alone) (README_frozen26.md)",
    "frozen27": "goal missed: 11 of 120 hard negatives of the twenty-seventh frozen batch flagged on risk 2.8.4 and "
    "2.10.3 (9.2 %; one at attempt, a past attempt its writer labelled recovery) when measured once, unseen "
    "(README_frozen27.md)",
    "frozen28": "goal missed: 6 of 120 hard negatives of the twenty-eighth frozen batch flagged on risk 2.10.3 and "
    "2.11.0 (5.0 %; one at attempt, a brother's attempt in a session note read as the client's: "
    "KNOWN_ATTEMPT_ERRORS) when measured once, unseen; 5 of 120, none at attempt, since risk 2.12.0 read that line "
    "by mechanism, seen (README_frozen28.md)",
    "frozen29": "goal missed: 24 of 120 hard negatives of the twenty-ninth frozen batch flagged on risk 2.11.0, 20 on "
    "2.12.0 (16.7 %; 57 of the 120 tell of someone else's risk; two session notes of someone else's act at attempt: "
    "KNOWN_ATTEMPT_ERRORS) when measured once, unseen; 15 of 120, none at attempt, since risk 2.13.0 read who the act in a "
    "note belongs to, seen (README_frozen29.md)",
    "frozen30": "goal missed: 26 of 120 hard negatives of the thirtieth frozen batch flagged on risk 2.12.0 (8 at "
    "attempt), 12 on 2.13.0 (10.0 %; 2 session notes of someone else's act at attempt: KNOWN_ATTEMPT_ERRORS) when "
    "measured once, unseen (README_frozen30.md)",
    "frozen31": "goal missed: 19 of 120 hard negatives of the thirty-first frozen batch flagged on risk 2.13.0 "
    "(15.8 %; one session note of someone else's act at attempt: KNOWN_ATTEMPT_ERRORS) when measured once, unseen "
    "(README_frozen31.md)",
    "frozen32": "goal missed: 19 of 120 hard negatives of the thirty-second frozen batch flagged on risk 2.14.0, 20 on "
    "2.13.0 (15.8 %; two figures of speech at attempt, on both: KNOWN_ATTEMPT_ERRORS) when measured once, unseen "
    "(README_frozen32.md)",
    "frozen33": "goal missed: 14 of 120 hard negatives of the thirty-third frozen batch flagged on risk 2.14.0, 12 on "
    "h175's 2.15.0 (11.7 %; two figures of speech at attempt, on both: KNOWN_ATTEMPT_ERRORS) when measured once, "
    "unseen (README_frozen33.md)",
    "frozen34": "goal missed: 17 of 120 hard negatives of the thirty-fourth frozen batch flagged on risk 2.14.0, 15 on "
    "h177's 2.15.1 (14.2 %; none at attempt on 2.14.0) when measured once, unseen (README_frozen34.md)",
    "frozen35": "goal missed: 22 of 120 hard negatives of the thirty-fifth frozen batch flagged on risk 2.14.0, 18 on "
    "h178's 2.15.2 (18.3 %; one note of someone else's act at attempt) when measured once, unseen; 17, none at "
    "attempt, since risk 2.16.0 read a bed's number as another person, seen (README_frozen35.md)",
    "frozen36": "goal missed: 15 of 120 hard negatives of the thirty-sixth frozen batch flagged on risk 2.15.3, 21 on "
    "2.14.0 (12.5 %; a figure of speech and a note of someone else's act at attempt) when measured once, unseen; 13, "
    "none at attempt, on risk 2.16.0, seen (README_frozen36.md)",
    "frozen37": "goal missed: 33 of 120 hard negatives of the thirty-seventh frozen batch flagged on risk 2.15.3, 31 on "
    "h180's 2.16.0 (27.5 %; four notes of someone else's act and a journal's overdose of a television series at "
    "attempt: KNOWN_ATTEMPT_ERRORS) when measured once, unseen; 6, one at attempt (frozen37-093), on h183's 2.16.1, "
    "seen (README_frozen37.md)",
    "frozen38": "goal missed: 22 of 120 hard negatives of the thirty-eighth frozen batch flagged on risk 2.16.1, 30 on "
    "2.15.3 (18.3 %; a figure of speech and an ended relationship at attempt: KNOWN_ATTEMPT_ERRORS) when measured "
    "once, unseen; 3, none at attempt, on h185's 2.16.2, seen (README_frozen38.md)",
    "frozen39": "goal missed: 17 of 120 hard negatives of the thirty-ninth frozen batch flagged on risk 2.16.1 and on "
    "h185's 2.16.2 alike (14.2 %; none at attempt) when measured once, unseen; 9, none at attempt, on h190's 2.16.3, "
    "seen (README_frozen39.md)",
    # frozen40: 18 of 120 flagged on risk 2.16.3, 20 on 2.16.1 (two notes at attempt on both) when measured once, unseen
    # (README_frozen40.md); none on h191's 2.16.4, seen: the goal is met on a seen batch
    "frozen40": "",
    "frozen41": "goal missed: 18 of 120 hard negatives of the forty-first frozen batch flagged on risk 2.16.3 and on "
    "h191's 2.16.4 alike (15.0 %; one at attempt on both, a past attempt told as over: POLICY_DISAGREEMENTS) when "
    "measured once, unseen (README_frozen41.md); 8 on h195's 2.16.5, seen (the same one at attempt)",
    "frozen42": "goal missed: 10 of 120 hard negatives of the forty-second frozen batch flagged on risk 2.16.5, 12 on "
    "2.16.3 (8.3 %; none at attempt on either) when measured once, unseen (README_frozen42.md)",
    "frozen43": "goal missed: 18 of 120 hard negatives of the forty-third frozen batch flagged on risk 2.16.5 and on "
    "h197's 2.16.6 alike (15.0 %; two session notes at attempt on both, a denial under a history heading and a son's "
    "act: KNOWN_ATTEMPT_ERRORS) when measured once, unseen (README_frozen43.md)",
}
MEASURED_ALARMS = {
    "tune": 2 / 139,
    "frozen": 2 / 133,
    "frozen2": 3 / 110,
    "frozen3": 14 / 223,
    # frozen4: 17 false alarms on 2.16.5 (h195, seen)
    "frozen4": 17 / 259,
    "frozen5": 11 / 160,
    "frozen6": 21 / 184,
    # frozen7: 14 false alarms on 2.16.5 (h195, seen)
    "frozen7": 14 / 183,
    "frozen8": 11 / 186,
    "frozen9": 20 / 183,
    "frozen10": 23 / 186,
    "frozen11": 20 / 188,
    # frozen12: 25 when measured once, unseen; 24 since "mate from the distillery took …" (seen); 25 again since the
    # seventeenth round: a capitalised word after an article is no person ("jumped in the Grab and go home"), so the
    # sentence model's reading of that line is no longer set aside as someone else's (a model false alarm the wrong
    # attribution hid; moved under decision_rules13 rule 4: false alarms on all seen batches together +1)
    # frozen12: 24 false alarms on 2.16.5 (h195, seen)
    "frozen12": 24 / 192,
    # frozen13: 20 at the start of the seventeenth round, 21 at its end, unseen (README_frozen13.md)
    # frozen13: 18 false alarms on 2.16.5 (h195, seen)
    "frozen13": 18 / 212,
    # frozen14: measured once, unseen (README_frozen14.md)
    "frozen14": 16 / 120,
    # frozen15: measured once, unseen (README_frozen15.md)
    # frozen15: 9 false alarms on 2.16.5 (h195, seen)
    "frozen15": 9 / 120,
    # frozen16: 26 measured once, unseen (README_frozen16.md); 22 with risk 2.3.0, 19 since the twenty-first round (seen)
    "frozen16": 19 / 120,
    # frozen17: 28 measured once, unseen (README_frozen17.md); 22 since the twenty-first round (seen)
    "frozen17": 22 / 120,
    # frozen18: measured once before and after the twenty-first round, unseen (README_frozen18.md)
    "frozen18": 19 / 120,
    # frozen19: measured once, unseen (README_frozen19.md)
    "frozen19": 17 / 120,
    # frozen20: measured once, unseen (README_frozen20.md)
    # frozen20: 16 false alarms on 2.16.5 (h195, seen)
    "frozen20": 16 / 120,
    # frozen21: measured once, unseen (README_frozen21.md)
    "frozen21": 27 / 120,
    # frozen22, frozen23: 15 and 18 measured once, unseen (README_frozen22.md, README_frozen23.md); 14 and 17 since risk
    # 2.4.2 (the two negatives at attempt no longer flagged; seen)
    "frozen22": 14 / 120,
    "frozen23": 17 / 120,
    # frozen24: measured once, unseen: 23 on risk 2.5.2, 22 on 2.6.0 (README_frozen24.md)
    "frozen24": 22 / 120,
    # frozen25: measured once, unseen: 11 on risk 2.6.1 and on 2.6.2 (README_frozen25.md)
    "frozen25": 11 / 120,
    # frozen26: measured once, unseen: 2 on risk 2.6.3, 1 on h111's guard candidate (README_frozen26.md). 2 again
    # since 2.8.1 (review r108: a unit the guard cuts to fewer than three words is read as written, so kisses and
    # screams are read again; "record 203 zzzz zzzz zzzz" is read with its z's, ideation by the sentence model
    # alone): found when the batch became seen (2.9.0), a trade 2.8.1 made for genuine lines, kept as the ceiling
    "frozen26": 2 / 65,
    # frozen27: measured once, unseen: 11 on risk 2.8.4 and on 2.10.3 (README_frozen27.md)
    "frozen27": 11 / 120,
    # frozen28: measured once, unseen: 6 on risk 2.10.3 and on 2.11.0 (README_frozen28.md); 5 since 2.12.0 (h157:
    # frozen28-162, a brother's attempt in a session note, read as his by mechanism; seen)
    "frozen28": 5 / 120,
    # frozen29: measured once, unseen: 24 on risk 2.11.0, 20 on 2.12.0 (README_frozen29.md); 15 since 2.13.0 (h160:
    # someone else's act in a session note named by a role, a pronoun or after "after" read as theirs; seen)
    "frozen29": 11
    / 120,  # 15 -> 13 on 2.15.0 (h175, seen: someone else named, then a pronoun); 12 on 2.15.1 (h177); 11 on 2.16.2 (h185, seen)
    # frozen30: measured once, unseen: 26 on risk 2.12.0, 12 on 2.13.0 (README_frozen30.md)
    "frozen30": 9 / 120,  # 12 -> 9 on 2.15.0 (h175, seen)
    # frozen31: measured once, unseen: 19 on risk 2.13.0 (README_frozen31.md)
    "frozen31": 14 / 120,  # 19 -> 18 on 2.14.0 (h167, seen); 15 on 2.15.0 (h175, seen); 14 on 2.15.1 (h177)
    # frozen32: measured once, unseen: 20 on risk 2.13.0, 19 on 2.14.0 (README_frozen32.md)
    "frozen32": 13 / 120,  # 19 when measured once on 2.14.0; 16 on 2.15.0 (h175, seen); 13 on 2.16.1 (h183)
    # frozen33: measured once, unseen: 14 on risk 2.14.0, 12 on h175's 2.15.0 (README_frozen33.md)
    # frozen33: 6 false alarms on 2.16.3 (h190, seen)
    "frozen33": 6 / 120,  # 14 when measured once on 2.14.0; 8 on 2.15.1 (h177, seen); 7 on 2.16.1 (h183)
    # frozen34: measured once, unseen: 17 on risk 2.14.0, 15 on h177's 2.15.1 (README_frozen34.md)
    "frozen34": 12 / 120,  # 17 on 2.14.0 when measured once; 15 on 2.15.1; 14 on 2.15.2 (h178); 12 on 2.16.1
    # frozen35: measured once, unseen: 22 on risk 2.14.0, 18 on h178's 2.15.2 (README_frozen35.md)
    "frozen35": 12
    / 120,  # 22 on 2.14.0 when measured once; 18 on 2.15.2; 17 on 2.16.0 (h180); 14 on 2.16.1 (h183); 12 on 2.16.2 (h185, seen)
    # frozen36: measured once, unseen: 21 on risk 2.14.0, 15 on 2.15.3 (README_frozen36.md)
    "frozen36": 11 / 120,  # 15 on 2.15.3 when measured once; 13 on 2.16.0 (h180, seen); 11 on 2.16.1 (h183)
    # frozen37: measured once, unseen: 33 on risk 2.15.3, 31 on h180's 2.16.0 (README_frozen37.md)
    "frozen37": 6 / 120,  # 33 on 2.15.3 when measured once; 31 on 2.16.0; 6 on 2.16.1 (h183, seen)
    # frozen38: measured once, unseen: 30 on risk 2.15.3, 22 on 2.16.1 (README_frozen38.md)
    "frozen38": 3 / 120,  # 3 on 2.16.2 (h185, seen)
    # frozen39: measured once, unseen: 17 on risk 2.16.1 and on h185's 2.16.2 (README_frozen39.md)
    # frozen39: 9 false alarms on 2.16.3 (h190, seen)
    # frozen39: 8 false alarms on 2.16.4 (h191, seen)
    "frozen39": 8 / 120,
    # frozen40: measured once, unseen: 20 on risk 2.16.1, 18 on 2.16.3 (README_frozen40.md)
    # frozen40: 0 false alarms, none at attempt, on 2.16.4 (h191, seen)
    "frozen40": 0 / 120,
    # frozen41: measured once, unseen: 18 on risk 2.16.3 and on h191's 2.16.4 (README_frozen41.md)
    # frozen41: 8 false alarms on 2.16.5 (h195, seen)
    "frozen41": 8 / 120,
    # frozen42: measured once, unseen: 12 on risk 2.16.3, 10 on 2.16.5 (README_frozen42.md)
    "frozen42": 10 / 120,
    # frozen43: measured once, unseen: 18 on risk 2.16.5 and on h197's 2.16.6 (README_frozen43.md)
    "frozen43": 18 / 120,
}
# Genuine cases at (or over) their expected level, with the shipped model: no floor existed before the fourteenth round
# (docs/risk.md, "Fourteenth round"). Its level model was not shipped (the lead's check on long real texts), so these
# are the screen's figures without it, all seen (with the candidate: 81, 79, 60, 73, 102, 72, 61, 56, 61, 68, 65; 778
# of 1,049 in all against 621).
MEASURED_AT_LEVEL = {
    "tune": 79 / 85,
    "frozen": 80 / 83,
    "frozen2": 59 / 64,
    # frozen3 on: since the seventeenth round (aborted acts and preparations by composition; docs/risk.md); at the
    # sixteenth round 57, 87, 60, 45, 45, 46, 59, 60, 56, 60 (tune 78, frozen 79); before it 56, 79, 59, 40, 35, 40, 51,
    # 45, 38; all seen
    "frozen3": 65 / 107,  # 61 -> 63 on 2.14.0 (h167, seen); 65 on 2.16.2 (h185, seen)
    # frozen4: 97 at level on 2.16.5 (h195, seen)
    "frozen4": 97 / 126,  # 92 -> 93 on 2.14.0 (h167, seen); 94 on 2.16.0 (h180)
    "frozen5": 65 / 80,  # 63 -> 65 on 2.14.0 (h167, seen)
    "frozen6": 50 / 94,  # 50 on 2.16.2 (h185, seen)
    "frozen7": 48 / 100,
    "frozen8": 51 / 100,
    "frozen9": 64 / 104,
    # frozen10: 68 at level on 2.16.5 (h195, seen)
    "frozen10": 68 / 106,  # 64 -> 65 on 2.14.0 (h167, seen); 67 on 2.15.0 (h175, seen)
    # frozen11: 68 at level on 2.16.3 (h190, seen)
    "frozen11": 68 / 108,  # 38 when measured once, unseen (README_frozen11.md); 67 on 2.16.2 (h185, seen)
    # frozen12: 52 at the start of the sixteenth round, 55 at its end, unseen (README_frozen12.md); 60 with the composed
    # self-harm acts after it, 62 since the seventeenth round (seen)
    "frozen12": 64 / 107,  # 62 -> 63 on 2.14.0 (h167, seen); 64 on 2.16.2 (h185, seen)
    # frozen13: 57 at the start of the seventeenth round, 58 at its end, unseen (README_frozen13.md)
    "frozen13": 59 / 117,  # 58 when measured once; 59 on 2.16.1 (h183, seen)
    # frozen14: 45 when measured once, unseen (README_frozen14.md)
    "frozen14": 47 / 80,  # 45 -> 47 on 2.14.0 (h167, seen)
    # frozen15: 50 when measured once, unseen (README_frozen15.md)
    # frozen15: 55 at level on 2.16.5 (h195, seen)
    "frozen15": 55 / 80,  # 50 -> 51 on 2.14.0 (h167, seen); 52 on 2.16.0 (h180); 53 on 2.16.1 (h183)
    # frozen16: 43 when measured once, unseen (README_frozen16.md); 49 since the twenty-first round (seen)
    # frozen16: 50 at level on 2.16.5 (h195, seen)
    "frozen16": 50 / 80,
    # frozen17: 34 when measured once, unseen (README_frozen17.md); 48 since the twenty-first round (seen)
    "frozen17": 48 / 80,
    # frozen18: 45 when measured once, unseen (README_frozen18.md)
    "frozen18": 46 / 80,  # 46 on 2.16.2 (h185, seen)
    # frozen19: 29 when measured once, unseen (README_frozen19.md)
    "frozen19": 30 / 80,  # 29 -> 30 on 2.14.0 (h167, seen)
    # frozen20: 38 when measured once, unseen (README_frozen20.md)
    # frozen20: 40 at level on 2.16.5 (h195, seen)
    "frozen20": 40 / 80,
    # frozen21: 39 when measured once, unseen (README_frozen21.md)
    "frozen21": 39 / 80,
    # frozen22: 35 as README_frozen22.md counts it (the writer's expected level), 37 as challenge_figures counts it
    # (at or over); frozen23: 39 (README_frozen23.md)
    "frozen22": 37 / 80,
    "frozen23": 41 / 80,  # 39 -> 40 on 2.14.0 (h167, seen); 41 on 2.16.2 (h185, seen)
    # frozen24: 40 when measured once, unseen, on 2.5.2 and 2.6.0 (README_frozen24.md)
    # frozen24: 41 at level on 2.16.5 (h195, seen)
    "frozen24": 41 / 80,
    # frozen25: 42 when measured once, unseen, on 2.6.1 and 2.6.2 (README_frozen25.md)
    # frozen25: 44 at level on 2.16.5 (h195, seen)
    "frozen25": 44 / 80,  # 42 -> 43 on 2.14.0 (h167, seen)
    # frozen26: 36 when measured once, unseen, on 2.6.3 and h111's candidate (README_frozen26.md)
    "frozen26": 36 / 44,
    # frozen27: 43 when measured once, unseen, on 2.8.4 and 2.10.3 (README_frozen27.md)
    # frozen27: 45 at level on 2.16.3 (h190, seen)
    "frozen27": 45 / 80,  # 43 -> 44 on 2.15.0 (h175, seen)
    # frozen28: 49 when measured once, unseen, on 2.10.3 and 2.11.0 (README_frozen28.md)
    # frozen28: 50 at level on 2.16.4 (h191, seen)
    "frozen28": 50 / 80,
    # frozen29: 42 when measured once, unseen, on 2.11.0 and 2.12.0 (README_frozen29.md); 44 since 2.13.0 (h160: the
    # client's own cutting "her upper arms", "her forearm" read at behavior; seen)
    # frozen29: 50 at level on 2.16.3 (h190, seen)
    "frozen29": 50 / 80,  # 44 -> 46 on 2.14.0 (h167, seen); 49 on 2.15.0 (h175, seen)
    # frozen30: 46 on 2.12.0 and 56 on 2.13.0 when measured once, unseen (README_frozen30.md)
    # frozen30: 65 at level on 2.16.3 (h190, seen)
    "frozen30": 65
    / 80,  # 56 -> 60 on 2.14.0 (h167, seen); 63 on 2.15.0 (h175, seen); 64 on 2.16.2 (h185, seen)
    # frozen31: 29 on 2.13.0 when measured once, unseen (README_frozen31.md)
    # frozen31: 51 at level on 2.16.5 (h195, seen)
    "frozen31": 51
    / 80,  # 29 -> 42 on 2.14.0 (h167, seen); 49 on 2.15.0 (h175, seen); 50 on 2.16.2 (h185, seen)
    # frozen32: 33 on 2.13.0 and 37 on 2.14.0 when measured once, unseen (README_frozen32.md)
    # frozen32: 53 at level on 2.16.3 (h190, seen)
    # frozen32: 54 at level on 2.16.5 (h195, seen)
    "frozen32": 54 / 80,  # 37 when measured once on 2.14.0; 52 on 2.15.0 (h175, seen)
    # frozen33: 46 on 2.14.0 and 48 on h175's 2.15.0 when measured once, unseen (README_frozen33.md)
    # frozen33: 50 at level on 2.16.4 (h191, seen)
    # frozen33: 52 at level on 2.16.5 (h195, seen)
    "frozen33": 52 / 80,  # 46 when measured once on 2.14.0; 48 on 2.15.1 (h177, seen)
    # frozen34: 42 on 2.14.0 and 45 on h177's 2.15.1 when measured once, unseen (README_frozen34.md)
    # frozen34: 48 at level on 2.16.3 (h190, seen)
    # frozen34: 51 at level on 2.16.4 (h191, seen)
    # frozen34: 53 at level on 2.16.5 (h195, seen)
    "frozen34": 53
    / 80,  # 42 on 2.14.0 when measured once; 45 on 2.15.1 (this candidate); 47 on 2.16.2 (h185, seen)
    # frozen35: 40 on 2.14.0 and 46 on h178's 2.15.2 when measured once, unseen (README_frozen35.md)
    # frozen35: 48 at level on 2.16.3 (h190, seen)
    # frozen35: 49 at level on 2.16.4 (h191, seen)
    # frozen35: 50 at level on 2.16.5 (h195, seen)
    "frozen35": 50
    / 80,  # 40 on 2.14.0 when measured once; 46 on 2.15.2 (this candidate); 47 on 2.16.0 (h180)
    # frozen36: 49 on 2.14.0 and 58 on 2.15.3 when measured once, unseen (README_frozen36.md)
    # frozen36: 61 at level on 2.16.3 (h190, seen)
    # frozen36: 64 at level on 2.16.4 (h191, seen)
    "frozen36": 64 / 80,
    # frozen37: 50 on 2.15.3 and 52 on h180's 2.16.0 when measured once, unseen (README_frozen37.md)
    # frozen37: 72 at level on 2.16.4 (h191, seen)
    "frozen37": 72
    / 80,  # 50 on 2.15.3 when measured once; 52 on 2.16.0; 70 on 2.16.1 (h183, seen); 71 on 2.16.2 (h185, seen)
    # frozen38: 47 on 2.15.3 and 50 on 2.16.1 when measured once, unseen (README_frozen38.md)
    "frozen38": 80 / 80,  # 80 on 2.16.2 (h185, seen)
    # frozen39: 44 on 2.16.1 and 46 on h185's 2.16.2 when measured once, unseen (README_frozen39.md)
    # frozen39: 67 at level on 2.16.3 (h190, seen)
    # frozen39: 69 at level on 2.16.4 (h191, seen)
    # frozen39: 70 at level on 2.16.5 (h195, seen)
    "frozen39": 70 / 80,
    # frozen40: 48 on 2.16.1 and 54 on 2.16.3 when measured once, unseen (README_frozen40.md)
    # frozen40: 80 at level on 2.16.4 (h191, seen)
    "frozen40": 80 / 80,
    # frozen41: 49 on 2.16.3 and 52 on h191's 2.16.4 when measured once, unseen (README_frozen41.md)
    # frozen41: 79 at level on 2.16.5 (h195, seen)
    "frozen41": 79 / 80,
    # frozen42: 44 on 2.16.3 and 51 on 2.16.5 when measured once, unseen (README_frozen42.md)
    "frozen42": 51 / 80,
    # frozen43: 61 on 2.16.5 and 62 on h197's 2.16.6 when measured once, unseen (README_frozen43.md)
    "frozen43": 61 / 80,
}
# Lines whose writer's label and the screen's written policy disagree. They stay as written and count in every
# figure; only the "never attempt on a negative" check reads them apart, each with its reason.
POLICY_DISAGREEMENTS = {
    "frozen10-101": "a past attempt told as over keeps attempt (C-SSRS lifetime attempt history; docs/risk.md, "
    "`recovery`: never for an attempt); the writer labelled the line recovery (none)",
    # sixteenth round: "walked into the sea meaning it" is an act told with its intent, now read as an attempt
    "frozen10-165": "a past attempt (walking into the sea, meaning it) told as over keeps attempt, as frozen10-101; "
    "the writer labelled the line recovery (none)",
    "frozen27-107": "a past attempt told as over (treatment, now well) keeps attempt, as frozen10-101; the writer "
    "labelled the line recovery (none)",
    "frozen41-046": "a past attempt told as over ('Two years since my attempt', tomatoes planted) keeps attempt, as "
    "frozen10-101; the writer labelled the line resolved history (none); read so when frozen41 was measured once, on "
    "2.16.3 and h191's 2.16.4 alike (README_frozen41.md)",
}
# How many of ``POLICY_DISAGREEMENTS`` were already false alarms when a batch's ``MEASURED_ALARMS`` was set: the
# false alarms outside the disagreements may not rise above the rest of that figure.
POLICY_ALARMS_AT_MEASUREMENT = {"frozen10": 1, "frozen27": 1, "frozen41": 1}
# Negatives read at ``attempt`` that are plain errors, not policy, seen when their batch was measured once and not
# fixed yet. The "never attempt" check reads them apart; ``test_known_attempt_errors_are_fixed`` (a strict expected
# failure) turns red the day one is fixed, and the id then leaves this list. Twenty-ninth round (risk 2.4.2):
# frozen22-058 (a bungee jump) and frozen23-146 (a lady's overdose in a relative clause) fixed by mechanism in the
# lexicon; none is left.
# frozen28-162 (a session note of a brother's attempt last month, the client denying SI/intent, read at attempt as the
# client's own) was listed here from frozen28's measurement until risk 2.12.0 (h157) read a relative's possessive
# before the act's noun as that person's
# frozen29-119 and frozen29-125 (session notes of a daughter's and a son's act read at attempt as the client's, when
# frozen29 was measured once, 2.11.0 and 2.12.0 alike) were listed here until risk 2.13.0 (h160) read who an act in a
# note belongs to (``risk_lexicon.note_owner``)
# frozen31-102 (a session note of a friend's attempt, "Friend of YP attempted suicide", read at attempt as the client's
# when frozen31 was measured once on 2.13.0) was listed here until risk 2.14.0 (h167) read the person noun heading "N of
# YP" as the act's owner
KNOWN_ATTEMPT_ERRORS: dict[str, str] = {
    # 2.15.2 (h178): frozen34-184 (a session note of an accidental insulin overdose, "Insulin OD 2019 - accidental
    # dosing error", read at attempt by 2.15.0's note register when frozen34 was measured once on 2.15.1: the reason
    # 2.15.1 was not shipped) is read as an accident: every rule 2.15.0 added passes through the accident reading,
    # which reads a clinician's words too (seen)
    # 2.15.0 (h175): frozen30-096 and -118 (someone else named in a note, then a pronoun; a sponsor's act after "and
    # then") and frozen32-088 and -109 (a cliff jump told with joy, the phrase quoted in a note) are no longer at attempt
    # 2.15.1 (h177): frozen33-014 (a note: the client 'took an overdose of sun') and frozen33-190 (a journal line:
    # overdosed on true-crime podcasts), at attempt when frozen33 was measured once on 2.14.0 and h175's 2.15.0, are
    # read as figures of speech (README_frozen33.md)
    # 2.16.0 (h180): frozen35-119 (a note of another patient's act, "Bed 6 attempted to hang herself on the ward"; the
    # client witnessed it; at attempt when frozen35 was measured once, on 2.14.0 and h178's 2.15.2 alike) is read as
    # someone else's: a bed or a room with its number, "another patient", names another person in a note (seen)
    # 2.15.3 (h179): frozen35-091 (a session note of another sense of 'attempt', "Hx: IVF attempts x2 unsuccessful",
    # read at attempt by 2.15.0's note register when frozen35 was measured once on 2.15.2: the reason 2.15.2 was not
    # shipped) is no longer at attempt: a bare "attempt(s)" needs a suicide or self-harm sense (seen)
    # 2.16.0 (h180): frozen36-013 (a journal line, overdosed on mini eggs) and frozen36-156 (a note of a husband's
    # deliberate insulin overdose, "Husband (Tom) overdosed …"), at attempt when frozen36 was measured once on 2.14.0
    # and 2.15.3 alike, are read as a figure (a kind of thing never a drug, by its head noun) and as someone else's (a
    # person noun with a name in brackets) (seen)
    # 2.16.1 (h183): frozen37-033 (a group member's disclosure of a suicide attempt: another's telling is theirs),
    # frozen37-096 and -191 (someone else's act, already indicator on 2.16.0) and frozen37-132 (another patient's
    # overdose on the unit; its "Denies any similar thoughts." no longer raises by the model) are no longer at attempt
    # (seen); frozen37-093 stays: an unknown title ("overdosed on Gilmore Girls") errs toward the alarm, by the rule
    "frozen37-093": "a journal line of a television series 'overdosed on' over a weekend read at attempt when frozen37 was "
    "measured once, on 2.15.3 and h180's 2.16.0 alike: a name on no list errs toward the alarm (README_frozen37.md)",
    "frozen43-074": "a session note's history heading ('Hx of SH/suicide attempts:') answered on the next line 'None "
    "reported, confirmed by mother' read at attempt when frozen43 was measured once, on 2.16.5 and h197's 2.16.6 alike: "
    "a denial answered with who confirmed it is not read as a nil answer (README_frozen43.md)",
    "frozen43-097": "a session note of the client's son who 'took a load of pills' at a party read at attempt when "
    "frozen43 was measured once, on 2.16.5 and h197's 2.16.6 alike: someone else's act in quotes (README_frozen43.md)",
    # 2.16.4 (h191): frozen40-061 (a note of the client's mother's history of 3 suicide attempts beside "Pt has no
    # personal hx": a count of the acts between a kinship noun and the act is read as "hx of" is) and frozen40-077 (a
    # note of a toddler who "overdosed" on sweets: the quoted verb before a thing never a drug is a figure, and a
    # client's child is someone else) are no longer at attempt, at attempt when frozen40 was measured once on 2.16.1 and
    # 2.16.3 alike (seen)
    # 2.16.2 (h185): frozen38-127 (a journal line of sweets, "overdosed on pick n mix", at attempt when frozen38 was
    # measured once, on 2.15.3 and 2.16.1 alike) is read as a figure: a sweet shop's names are things never a drug (seen)
    # 2.16.2 (h185): frozen38-197 (a journal line of trying to end things with a named person, a relationship, read at
    # attempt when frozen38 was measured once, on 2.15.3 and 2.16.1 alike) is no longer at attempt: "end things / it with
    # <someone>" is no act on one's life unless a means follows "with" (seen)
}


def _screen(item: dict[str, Any]) -> Any:
    """The shipped screen on one line, read as its kind (a session note as a note; no kind: an entry)."""
    return screen(str(item["text"]), str(item.get("kind", "free_association")), model=True)


@cache
def _items(half: str) -> tuple[dict[str, Any], ...]:
    return tuple(read_challenge(HERE / f"challenge_{half}.jsonl"))


@cache
def _figures(half: str) -> dict[str, Any]:
    return challenge_figures(list(_items(half)), model=True)


@pytest.fixture(scope="module", autouse=True)
def _shipped() -> None:
    model = load_model()
    assert model is not None and model.sentence_weights is not None, "the shipped sentence model is installed"


def test_the_set_is_large_enough_and_split_in_two() -> None:
    tune, frozen = _items("tune"), _items("frozen")
    both = tune + frozen
    genuine = [i for i in both if i["group"] == "genuine"]
    assert len(both) >= 400 and len(genuine) >= 150 and len(both) - len(genuine) >= 250
    assert {i["text"] for i in tune}.isdisjoint({i["text"] for i in frozen})
    assert {"idiom", "injury", "other", "fiction", "dream", "grief"} <= {str(i["group"]) for i in both}


def test_the_second_frozen_batch_is_large_enough_and_new() -> None:
    batch = _items("frozen2")
    genuine = [i for i in batch if i["group"] == "genuine"]
    assert len(genuine) >= 60 and len(batch) - len(genuine) >= 100
    earlier = {str(i["text"]).lower() for i in _items("tune") + _items("frozen")}
    assert not [i["text"] for i in batch if str(i["text"]).lower() in earlier]
    assert {"idiom", "injury", "other", "fiction", "grief", "everyday"} <= {str(i["group"]) for i in batch}
    assert len({i["id"] for i in batch}) == len(batch)


def test_the_set_is_not_in_the_training_bank() -> None:
    # the bank and the twelfth round's lines kept beside it (scripts/risk_paraphrases_r12.jsonl, not yet trained on)
    bank = {
        json.loads(line)["text"].lower()
        for path in sorted((HERE.parents[1] / "scripts").glob("risk_paraphrases*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert len(bank) > 3000
    for half in HALVES:
        assert not [
            i["text"]
            for i in _items(half)
            if str(i["text"]).lower() in bank and i.get("id") not in IN_THE_BANK_BY_CHANCE
        ]
    assert all(
        str(i["text"]).lower() in bank
        for half in HALVES
        for i in _items(half)
        if i.get("id") in IN_THE_BANK_BY_CHANCE
    )


# Challenge lines that a bank line holds word for word by chance: their writer could not read the bank (w32's brief
# forbade scripts/). Named, so the figure they are in is read knowing it (a seen line there).
IN_THE_BANK_BY_CHANCE = {
    "frozen29-138": "a five-word idiom, a hard negative, also a bank line; read `none` on 2.11.0 and 2.12.0 when "
    "frozen29 was measured once (README_frozen29.md)",
}


# Challenge lines written after the twelfth round's paraphrases (the support lines) that share eight words with one by
# chance (their writer checked tests/**/*.jsonl, not scripts/): named, so the figure they are in is read knowing it.
WRITTEN_AFTER_SUPPORT = {
    "frozen27-041": "a long entry whose last sentence shares 'my family would be better off with the insurance money' "
    "with a support line (README_frozen27.md, Measured)",
    "frozen36-179": "an everyday look-alike that shares 'walked to the top of the multi-storey to find the car' with a "
    "support line by chance (its writer, w40, read no file; README_frozen36.md)",
    "frozen38-107": "an everyday panic attack that shares 'panic attack on the bus. Got off two stops early' with a "
    "support line by chance (its writer, w43, read no file; README_frozen38.md)",
}


def test_the_twelfth_round_lines_share_no_eight_words_with_a_challenge_line() -> None:
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9']+", text.lower())
        return {tuple(words[k : k + 8]) for k in range(len(words) - 7)}

    path = HERE.parents[1] / "scripts" / "risk_paraphrases_r12.jsonl"
    lines = [
        json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    seen = set().union(
        *(
            shingles(str(i["text"]))
            for half in HALVES
            for i in _items(half)
            if i["id"] not in WRITTEN_AFTER_SUPPORT
        )
    )
    assert len(lines) >= 250
    assert not [text for text in lines if shingles(text) & seen]


@pytest.mark.parametrize(
    "half",
    [
        pytest.param(h, marks=pytest.mark.xfail(strict=True, reason=GOAL_MISSED[h])) if GOAL_MISSED[h] else h
        for h in HALVES
    ],
)
def test_goal_every_genuine_case_is_flagged(half: str) -> None:
    assert _figures(half)["genuine_flagged"] == 1.0, _figures(half)


@pytest.mark.parametrize("half", HALVES)
def test_genuine_cases_flagged_do_not_fall_below_the_measured_figure(half: str) -> None:
    assert _figures(half)["genuine_flagged"] >= MEASURED_FLAGGED[half] - 1e-9, _figures(half)


@pytest.mark.parametrize("half", HALVES)
def test_genuine_cases_at_their_level_do_not_fall_below_the_measured_figure(half: str) -> None:
    assert _figures(half)["genuine_at_expected_level"] >= MEASURED_AT_LEVEL[half] - 1e-9, _figures(half)


@pytest.mark.parametrize(
    "half",
    [
        pytest.param(h, marks=pytest.mark.xfail(strict=True, reason=ALARMS_MISSED[h]))
        if ALARMS_MISSED[h]
        else h
        for h in HALVES
    ],
)
def test_goal_false_alarms_stay_at_or_under_two_percent(half: str) -> None:
    assert _figures(half)["false_alarm_rate"] <= 0.02, _figures(half)


@pytest.mark.parametrize("half", HALVES)
def test_false_alarms_do_not_rise_above_the_measured_figure_and_never_reach_attempt(half: str) -> None:
    figures = _figures(half)
    flagged = {str(i["id"]) for i in _items(half) if i["group"] != "genuine" and _screen(i).flagged}
    ceiling = round(MEASURED_ALARMS[half] * figures["n_negative"]) - POLICY_ALARMS_AT_MEASUREMENT.get(half, 0)
    assert len(flagged - set(POLICY_DISAGREEMENTS)) <= ceiling, figures
    at_attempt = {
        str(i["id"]) for i in _items(half) if i["group"] != "genuine" and _screen(i).level == "attempt"
    }
    assert len(at_attempt) == figures["negatives_at_attempt"], figures
    allowed = set(POLICY_DISAGREEMENTS) | set(KNOWN_ATTEMPT_ERRORS)
    assert at_attempt <= allowed, at_attempt - allowed


@pytest.mark.parametrize(
    "half",
    [
        pytest.param(h, marks=pytest.mark.xfail(strict=True, reason=FIGURES_MISSED[h]))
        if h in FIGURES_MISSED
        else h
        for h in HALVES
    ],
)
def test_never_attempt_on_a_figure_of_speech_or_an_injury(half: str) -> None:
    for item in _items(half):
        if item["group"] in FIGURE_GROUPS:
            assert _screen(item).level != "attempt", item["text"]


@pytest.mark.parametrize("half", HALVES)
def test_flagged_genuine_cases_name_the_words_behind_their_level(half: str) -> None:
    for item in _items(half):
        if item["group"] == "genuine":
            result = _screen(item)
            top = [t for t in result.triggers if LEVELS.index(t.level) == LEVELS.index(result.level)]
            assert top or not result.flagged, (item["text"], result.to_data())


@pytest.mark.xfail(strict=True, reason="known errors at attempt, not fixed yet (KNOWN_ATTEMPT_ERRORS)")
@pytest.mark.parametrize(
    "line",
    sorted(KNOWN_ATTEMPT_ERRORS)
    or [
        pytest.param(
            "none", marks=pytest.mark.skip(reason="no known attempt errors (KNOWN_ATTEMPT_ERRORS is empty)")
        )
    ],
)
def test_known_attempt_errors_are_fixed(line: str) -> None:
    half = line.split("-")[0]
    item = next(i for i in _items(half) if i["id"] == line)
    assert _screen(item).level != "attempt"
