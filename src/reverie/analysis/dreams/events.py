"""Words behind Reverie's interaction, fortune and outcome rules (written for Reverie; no dream text here)."""

from __future__ import annotations

from collections.abc import Mapping

from reverie.analysis.dreams.lexicon import level_table

# Interaction verbs (lemmas) → HVdC level. Phrasal particles are appended with "_" ("beat_up").
AGGRESSION_VERBS: Mapping[str, int] = level_table(
    """
    kill, murder, strangle, slay, execute, assassinate, massacre, behead, drown: 8
    hit, beat, punch, kick, slap, stab, shoot, attack, bite, choke, strike, hurt, wound, injure, assault, \
    whip, spank, torture, fight, push, shove, knock, throw_at, beat_up, rape, smash, scratch, claw, \
    wrestle, club, poison, grab, throttle, tackle, trample, burn, bomb, sting, pinch, jab, swing_at: 7
    chase, pursue, capture, catch, trap, kidnap, arrest, imprison, lock_up, tie_up, hunt, corner, seize, \
    hold_down, chase_after, run_after, confine, lock_in, jail, abduct, stalk: 6
    steal, rob, destroy, wreck, break_into, vandalize, burglarize, damage, take_away, snatch: 5
    threaten, menace, dare: 4
    reject, refuse, accuse, blame, disobey, ignore, exclude, fire, dismiss, deny, forbid, punish, \
    kick_out, throw_out, order, demand, betray, cheat, trick, deceive, lie_to, snub, expel, evict, \
    abandon, desert, leave_behind, spy_on, suspect, interrogate: 3
    yell, scream_at, shout_at, yell_at, argue, quarrel, curse, swear_at, insult, criticize, scold, tease, \
    mock, ridicule, laugh_at, nag, bawl_out, bicker, glare, sneer, berate, reprimand, humiliate, \
    embarrass, belittle, make_fun, bully, boo, jeer, taunt, hiss, complain: 2
    hate, resent, dislike, despise, loathe, detest, envy: 1
    """
)
FRIENDLINESS_VERBS: Mapping[str, int] = level_table(
    """
    marry, wed, propose, engage: 7
    hug, embrace, cuddle, caress_friendly, hold_hand: 6
    invite, date, ask_out, take_out, visit, entertain: 5
    help, rescue, save, protect, assist, aid, comfort, support, defend, console, nurse, shelter, feed, \
    guide, carry, care_for, look_after, take_care, free, release, heal, cure, teach, pick_up, drive: 4
    give, lend, offer, present, buy, bring, hand, share, donate, treat, pay_for, loan: 3
    greet, wave, smile, thank, praise, compliment, congratulate, welcome, hello, encourage, apologize, \
    reassure, cheer, introduce, shake_hand, kid, joke, chat, flatter, forgive, agree, wink, nod: 2
    like, love, admire, miss, adore, trust, respect, pity: 1
    """
)
SEXUALITY_VERBS: Mapping[str, int] = level_table(
    """
    make_love, sleep_with, have_sex, intercourse, seduce: 5
    undress, strip: 4
    kiss, fondle, caress, make_out: 3
    flirt, proposition, court: 2
    desire, lust, attract: 1
    """
)
# Misfortunes (misfortune level) not caused by a character; "lost the race" is a failure instead.
MISFORTUNE_WORDS: Mapping[str, int] = level_table(
    """
    die, dead, death, drown, perish, corpse: 6
    injure, injured, injury, bleed, blood, wound, sick, ill, illness, disease, faint, pain, cancer, \
    fever, bruise, fracture, paralyze, paralyzed, crippled, blind, poison, limp: 5
    lose, lost, break, broken, ruin, ruined, missing, spill, tear, damage, wreck, burn: 4
    accident, crash, fall, slip, trip, collide, tumble, stumble, sink, overturn, explode, explosion, flood: 3
    late, miss, stuck, delay, lock_out, block, obstacle, fail_to_start, trap, trapped, confuse, forget: 2
    danger, dangerous, storm, fire, threat, peril, emergency, hurricane, tornado, earthquake, war, \
    bomb, unsafe: 1
    """
)
# Misfortune words that count only with this part of speech ("a fire", not "fired a gun").
MISFORTUNE_POS: Mapping[str, str] = {"fire": "NOUN", "blind": "ADJ", "bomb": "NOUN", "storm": "NOUN"}
GOOD_FORTUNE_WORDS = frozenset(
    [
        "luckily",
        "fortunately",
        "lucky",
        "luck",
        "windfall",
        "inherit",
        "inheritance",
        "jackpot",
        "lottery",
        "sweepstakes",
        "miracle",
        "miraculously",
    ]
)
SUCCESS_WORDS = frozenset(
    ["succeed", "success", "manage", "accomplish", "achieve", "solve", "win", "pass", "finish", "complete"]
)
# 1.2.0: what one passes as a success ("passed the exam"); "pass" alone is also death ("passed away"), going by or time.
TRIALS = frozenset(
    ["exam", "examination", "test", "course", "class", "inspection", "audition", "interview", "quiz", "bar"]
)
FAILURE_WORDS = frozenset(["fail", "failure", "flunk", "lose_game", "unable", "give_up", "vain", "vainly"])
TRY_WORDS = frozenset(["try", "attempt", "struggle", "strive", "endeavor"])
