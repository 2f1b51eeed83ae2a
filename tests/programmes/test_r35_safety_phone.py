"""Review r35 of h23 (safety-plan phones): numbers the refusal message says are allowed are refused, so the
message "may hold only digits, spaces, +, - and brackets" is untrue for them: a no-break space (what French
formatting and many phones' copy give), a bracketed country code "(+44)", an Arabic-script number wrapped in the
invisible left-to-right marks an Arabic keyboard or a copy from RTL text adds, and a number of only digits that is
too short ("12"). A client at risk typing a trusted contact is told something they cannot act on."""

from __future__ import annotations

import pytest

from reverie.errors import InvalidInput
from reverie.programmes.safety import safety_plan_from_dict

ALLOWED_BY_THE_MESSAGE = {
    "no_break_space": ("07700\u00a0900123", "07700900123"),
    "narrow_no_break_space": ("07700\u202f900123", "07700900123"),
    "bracketed_plus": ("(+44) 7700 900123", "+447700900123"),
    "lrm_wrapped_arabic": ("\u200e٠٧٧٠٠ ٩٠٠١٢٣\u200e", "07700900123"),
}


@pytest.mark.parametrize("case", sorted(ALLOWED_BY_THE_MESSAGE))
def test_r35_a_number_of_digits_spaces_plus_and_brackets_is_accepted_and_dialled(case: str) -> None:
    """A phone holding only what the message allows (any space, a + in brackets, invisible marks) is kept and dials."""
    typed, dialled = ALLOWED_BY_THE_MESSAGE[case]
    plan = safety_plan_from_dict({"trusted_contacts": [{"name": "Ana", "phone": typed}]})
    assert plan.trusted_contacts[0].links == (("Call", f"tel:{dialled}"), ("Text", f"sms:{dialled}"))


def test_r35_a_too_short_number_is_refused_for_its_length_not_its_characters() -> None:
    """A number of digits only that is too short is refused with a message about its length, not its characters."""
    with pytest.raises(InvalidInput) as caught:
        safety_plan_from_dict({"trusted_contacts": [{"name": "Ana", "phone": "12"}]})
    assert "may hold only digits" not in str(caught.value)
