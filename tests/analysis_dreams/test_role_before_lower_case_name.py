"""Coder 1.2.2 (h193, review r134 fault 6): a name typed in lower case after a kinship or role noun still codes the
character. "my sister lena" coded no character at all (the parser hangs "sister" as a compound on "lena", and a
compound was never read), where "my sister Lena" coded the sister named Lena. Now the role is coded, named by the
name; a role before a common word stays no character. Short texts written for Reverie (no DreamBank text)."""

from __future__ import annotations

from reverie.analysis.dreams import code_dream


def _cast(text: str) -> list[tuple[str, str]]:
    return [(c.code, c.label) for c in code_dream(text).characters]


def test_my_sister_lena_codes_the_sister_as_my_sister_Lena_does() -> None:
    lower = _cast("In the dream my father and my sister lena were on a small boat.")
    upper = _cast("In the dream my father and my sister Lena were on a small boat.")
    assert lower == upper == [("1MFA", "father"), ("1FTA", "Lena")]


def test_other_roles_before_lower_case_names() -> None:
    assert _cast("My brother kai was driving the bus.") == [("1MBA", "Kai")]
    assert _cast("My friend tom came over to our flat.") == [("1MKA", "Tom")]


def test_the_name_and_the_role_are_one_character() -> None:
    cast = code_dream("My sister lena was laughing. Then my sister hugged me.").characters
    assert [(c.code, c.label) for c in cast] == [("1FTA", "Lena")]
    assert len(cast[0].spans) == 3  # sister, lena, sister


def test_a_role_before_a_common_word_is_no_character() -> None:
    assert _cast("My sister car broke down on the road.") == []
