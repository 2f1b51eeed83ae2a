"""HVdC code parsing: characters, participants, hand-coded records, dreamer roles."""

from __future__ import annotations

from reverie.analysis.dreams.codes import (
    Character,
    Interaction,
    coding_from_records,
    is_character_code,
    parse_participants,
    setting_from_code,
)


def test_character_code_parts_and_classes() -> None:
    mother = Character("1FMA")
    assert (mother.number, mother.sex, mother.identity, mother.age) == ("1", "F", "M", "A")
    assert mother.is_human and mother.is_family and mother.is_familiar and not mother.is_unfamiliar
    stranger = Character("2JSA")
    assert stranger.is_unfamiliar and not stranger.is_familiar and stranger.sex == "J"
    dog = Character("1ANI")
    assert dog.is_animal and not dog.is_human and dog.sex == ""
    assert Character("3MKA").is_dead_or_imaginary
    assert Character("1CZZ").is_creature


def test_character_code_validation_accepts_hvdc_shapes_only() -> None:
    assert is_character_code("1MKA") and is_character_code("2ANI") and is_character_code("8FOA")
    assert not is_character_code("D") and not is_character_code("9MKA") and not is_character_code("1XKA")


def test_parse_participants_handles_spacing_variants() -> None:
    assert parse_participants("D + 1FKA") == ("D", "1FKA")
    assert parse_participants("D+1MKA+ 2JSA ") == ("D", "1MKA", "2JSA")
    assert parse_participants(None) == ()
    assert parse_participants("") == ()


def test_dreamer_role_of_interactions() -> None:
    assert Interaction("aggression", 7, ("1MSA",), ("D",)).dreamer_role == "recipient"
    assert Interaction("aggression", 3, ("D", "1MKA"), ("1FSA",)).dreamer_role == "initiator"
    assert Interaction("friendliness", 6, ("D",), ("1FKA",), "=").dreamer_role == "mutual"
    assert Interaction("aggression", 1, ("D",), (), "*").dreamer_role == "self"
    assert Interaction("aggression", 2, ("1MKA",), ("1FKA",)).dreamer_role == "witness"
    assert not Interaction("aggression", 2, ("1MKA",), ("1FKA",)).dreamer_involved


def test_coding_from_records_reads_every_record_type() -> None:
    records = [
        {"type": "char", "code": "1MKA"},
        {"type": "agg", "code": "7>", "init": "1MKA", "rec": "D"},
        {"type": "fri", "code": "2r", "init": "D", "rec": "1MKA"},
        {"type": "sex", "code": "1*", "init": "D"},
        {"type": "emot", "code": "AP", "char": "D"},
        {"type": "mf", "code": "5", "char": "D + 1MKA"},
        {"type": "gf", "char": "D"},
        {"type": "succ", "char": "D"},
        {"type": "fail", "char": "1MKA"},
        {"type": "set", "code": "IF"},
        {"type": "obj", "code": "BT"},
        {"type": "act", "code": "M", "init": "D"},
    ]
    coding = coding_from_records(records, dream_id="x1")
    assert [c.code for c in coding.characters] == ["1MKA"]
    assert [(i.kind, i.level, i.mode) for i in coding.interactions] == [
        ("aggression", 7, ">"),
        ("friendliness", 2, "R"),
        ("sexuality", 1, "*"),
    ]
    assert coding.dreamer_emotions() == frozenset({"AP"})
    assert [(f.kind, f.level, f.characters) for f in coding.fortunes] == [
        ("misfortune", 5, ("D", "1MKA")),
        ("good_fortune", None, ("D",)),
    ]
    assert [o.kind for o in coding.outcomes] == ["success", "failure"]
    assert coding.settings[0].code == "IF"
    assert coding.objects is not None and coding.objects[0].code == "BT"
    assert coding.dream_id == "x1"


def test_setting_codes_round_trip() -> None:
    assert setting_from_code("OU").code == "OU"
    assert setting_from_code("NS").location == "N"
    assert setting_from_code("ns").code == "NS"
