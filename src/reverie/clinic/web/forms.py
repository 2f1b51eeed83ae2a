"""Forms turn posted fields into service inputs. Validation of meaning stays in the services."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.fields import BaseTemporalField
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from reverie.clinic.models import EntryKind
from reverie.clinic.services.journal import (
    AttachmentDraft,
    EntryDraft,
    Feeling,
    feelings_without_commas,
    ordinal,
)
from reverie.clinic.services.local_time import wall_clock
from reverie.clinic.services.media import check_size
from reverie.clinic.services.picture_metadata import REMOVED_WORDS as PICTURE_METADATA_REMOVED
from reverie.errors import InvalidInput
from reverie.journal.kinds import FIELD_WORDS
from reverie.versions import version_number

COMMON_FEELINGS = (
    "love",
    "tenderness",
    "joy",
    "relief",
    "hope",
    "pride",
    "longing",
    "sadness",
    "grief",
    "loneliness",
    "anger",
    "resentment",
    "envy",
    "fear",
    "anxiety",
    "shame",
    "guilt",
    "disgust",
    "confusion",
    "numbness",
)


# What each field is, for the browser's and the password manager's filling (r73): the sign-in's password is the
# current one, the sign-up's a new one (a manager offers a strong password there, never the stored one).
USERNAME = {"autocomplete": "username"}


class SignupForm(forms.Form):
    username = forms.CharField(max_length=150, label="User name", widget=forms.TextInput(attrs=USERNAME))
    # A password is exactly what was typed, spaces included, here and everywhere else (services/people.py).
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        label="Password (10 characters or more)",
        strip=False,
    )
    role = forms.ChoiceField(
        choices=[("client", "I am in therapy (or thinking about it)"), ("therapist", "I am a therapist")],
        widget=forms.RadioSelect,
        initial="client",
    )
    # Filled by static/reverie/timezone.js from the browser; changeable later in the account settings.
    time_zone = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


class JoinForm(SignupForm):
    """The public sign-up: a client account; with a therapist's code, linked with that therapist; a therapist signs
    up with the operator's invitation code. One box takes either code, its label naming both."""

    role = None  # type: ignore[assignment]
    invitation = forms.CharField(
        required=False,
        max_length=64,
        label=(
            "Invitation code, if you have one: your therapist's code links you with them; "
            "a code from the operator of this Reverie makes a therapist's account"
        ),
    )


class PasswordChangeForm(forms.Form):
    """Changing one's password: each refusal on the box it is about (the current password not right, the new one
    refused by the rules or the same as the current one, the two new ones differing), marked invalid and described
    by its message. Passwords are exactly what was typed (``strip=False``) and never sent back in the page."""

    current_password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        label="Current password",
        strip=False,
    )
    new_password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "minlength": "10"}),
        label="New password (10 characters or more)",
        strip=False,
    )
    new_password_again = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "minlength": "10"}),
        label="The new password again",
        strip=False,
    )

    def __init__(self, *args: Any, forced: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if forced:
            self.fields["current_password"].label = "The one-time password you were given"


# The change-password service's names for its inputs, as the form's fields.
PASSWORD_FIELDS = {"password": "new_password", "current": "current_password"}


class LoginForm(forms.Form):
    username = forms.CharField(max_length=150, label="User name", widget=forms.TextInput(attrs=USERNAME))
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        label="Password",
        strip=False,
    )


# A hidden version field that is not a version: said alike by every edit form (the care forms too).
DAMAGED_VERSION = "The form is damaged (its version is not a number); open it again."


class LocalDateTimeField(forms.DateTimeField):
    """A date and time typed in the person's zone (the one the page has active), read by
    :func:`reverie.clinic.services.local_time.wall_clock`: the hour that occurs twice when clocks go back is its
    first occurrence; a time the clocks skipped is refused in plain words (Django's own field refuses both)."""

    def to_python(self, value: Any) -> datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            result = value
        elif isinstance(value, date):
            result = datetime(value.year, value.month, value.day)
        else:
            try:
                parsed = parse_datetime(str(value).strip())
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
            if parsed is None:  # the field's own input formats (an unreadable value is refused there)
                parsed = BaseTemporalField.to_python(self, value)
            if not isinstance(parsed, datetime):
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            result = parsed
        try:
            return wall_clock(result, timezone.get_current_timezone())
        except InvalidInput as exc:
            raise ValidationError(exc.message, code="did_not_exist") from None


class EntryForm(forms.Form):
    # Set once when the form is shown: a replayed or double-clicked submission finds the entry it already made.
    entry_id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    # Editing: the revision the form was filled from; a save made elsewhere since is then caught, never overwritten.
    # (read by reverie.versions, as every version number is: a damaged or forged one gets the care forms' sentence)
    base_revision = forms.CharField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=EntryKind.choices, label="Kind of entry")
    happened_at = LocalDateTimeField(
        required=False,
        label="When it happened (a dream belongs to its night)",
        error_messages={
            "invalid": "When it happened: that is not a date and time Reverie can read"
            " (for example 4 Dec 2026, 21:30); your text is still here."
        },
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    title = forms.CharField(required=False, max_length=200, label="Title (optional)")
    # The person's writing is kept exactly as typed (a poem's indented first line, trailing spaces): strip=False.
    # A text of only white space is still empty: the service's one rule (reverie.text.is_blank) says so.
    body = forms.CharField(
        required=False,
        strip=False,
        label="Write whatever comes to mind",
        widget=forms.Textarea(attrs={"rows": 14, "autofocus": True}),
    )
    situation = forms.CharField(
        required=False, strip=False, label=FIELD_WORDS["situation"], widget=forms.Textarea(attrs={"rows": 2})
    )
    urge = forms.CharField(
        required=False, strip=False, label=FIELD_WORDS["urge"], widget=forms.Textarea(attrs={"rows": 2})
    )
    choice = forms.CharField(
        required=False, strip=False, label=FIELD_WORDS["choice"], widget=forms.Textarea(attrs={"rows": 2})
    )
    people = forms.CharField(required=False, label="People (comma-separated, optional)")
    tags = forms.CharField(required=False, label="Tags (comma-separated, optional)")
    other_feelings = forms.CharField(
        required=False, label="Other feelings (e.g. 'awe 3, dread 4')", max_length=2000
    )
    attachment = forms.FileField(
        required=False,
        label="Image (art) or recording (music)",
        help_text=PICTURE_METADATA_REMOVED,
    )

    def clean_base_revision(self) -> int | None:
        raw = str(self.cleaned_data.get("base_revision") or "")
        try:
            return (
                version_number(raw, least=1, message=DAMAGED_VERSION) if raw else None
            )  # revisions start at 1
        except InvalidInput as error:
            raise forms.ValidationError(error.message) from None


# A person's words may be Arabic, Hebrew or Persian: every box they type words in follows the words' own
# direction (dir="auto"), as every template's textarea does (tests/browser/test_r25_phone.py, tests/clinic/test_r25_client_pages.py).
for _field in EntryForm.base_fields.values():
    if type(_field.widget) in (forms.Textarea, forms.TextInput):
        _field.widget.attrs["dir"] = "auto"


# Where a service's name for an input differs from the write form's field: the typed feelings ("awe 9") are in
# "Other feelings" (the common ones are chosen from 1 to 5 and cannot be out of range).
ENTRY_FIELDS = {"feelings": "other_feelings"}


def refusal_on_field(
    form: forms.BaseForm, exc: InvalidInput, fields: dict[str, str] | None = None
) -> str | None:
    """The one way a service's refusal reaches a form: one that names its input (``InvalidInput.field``, mapped to
    this form's field through ``fields`` where the names differ) becomes that field's error, so the page shows it
    next to the field, marked ``aria-invalid`` and described by it (``reverie/_form_errors.html`` names the field
    in the summary at the top); None is returned then. Any other refusal is the page's own: its message."""
    name = (fields or {}).get(exc.field or "", exc.field)
    if name and name in form.fields and not form.fields[name].widget.is_hidden:
        form.add_error(name, exc.message)
        return None
    return exc.message


def _split(raw: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in raw.split(",") if p.strip())


def feelings_from_post(post: QueryDict, other: str) -> tuple[Feeling, ...]:
    """Ticked common feelings with their intensity, plus free 'name intensity' pairs: several at once.

    The tick box alone says a feeling is there (review r126): its strength only qualifies a ticked feeling, so a
    strength left in the select of a feeling unticked (on second thoughts, or on the edit page to take it off) is
    not a feeling. The server decides this alone, with or without JavaScript. A person who picks a strength without
    ticking is helped by ``static/reverie/feelings.js``, which ticks the box as the strength is chosen (and clears
    the strength as the box is unticked); without JavaScript nothing is refused: the strength alone is not saved,
    as the fieldset's hint says above the boxes (write.html)."""
    out: list[Feeling] = []
    for name in COMMON_FEELINGS:
        if post.get(f"feel_{name}"):
            out.append(Feeling(name, _intensity(post.get(f"int_{name}") or "3", len(out) + 1)))
    for item in _split(other):
        out.append(_typed_feeling(item, len(out) + 1))
    return tuple(out)


# A typed feeling: its name, then its strength as a number alone ("awe 4") or out of 5 ("awe 4/5", the way every
# entry page writes a feeling, review r126); anything else is a name alone, at 3.
TYPED_FEELING = re.compile(r"^(?P<name>.*?\S)\s+(?P<level>\d+)(?:\s*/\s*(?P<scale>\d+))?$")
OUT_OF_5 = "The strength of the {} feeling is out of 5: write it as 'awe 4' or 'awe 4/5'."


def _typed_feeling(item: str, position: int) -> Feeling:
    """One "Other feelings" item; a strength out of anything but 5 ("awe 4/10") is refused on the field, by the
    feeling's place, as one out of range is by the service ("awe 9/5": 1 to 5)."""
    found = TYPED_FEELING.match(item)
    if found is None:
        return Feeling(item, 3)
    if found["scale"] is not None and int(found["scale"]) != 5:
        raise InvalidInput(OUT_OF_5.format(ordinal(position)), field="feelings")
    return Feeling(found["name"], _intensity(found["level"], position))


def _intensity(raw: str | None, position: int) -> int:
    """The chosen intensity; a refusal names the feeling by its place, never by what was typed (review r40)."""
    try:
        return int(raw or "3")
    except ValueError:
        raise InvalidInput(
            f"The intensity of the {ordinal(position)} feeling must be a number from 1 to 5.",
            field="feelings",
        ) from None


@dataclass(frozen=True, slots=True)
class FeelingRow:
    """One common feeling as the write form shows it: ticked or not, and the chosen intensity ('' = not chosen)."""

    name: str
    ticked: bool
    intensity: str


def feeling_rows(data: Any | None, feelings: tuple[Feeling, ...] = ()) -> list[FeelingRow]:
    """The feelings fieldset: from posted data after an error (as sent: ticks and strengths, nothing dropped, read
    again as the save reads them, :func:`feelings_from_post`), else from a stored entry."""
    if data is not None:
        return [
            FeelingRow(name, bool(data.get(f"feel_{name}")), str(data.get(f"int_{name}", "") or ""))
            for name in COMMON_FEELINGS
        ]
    stored = {f.name: f.intensity for f in feelings}
    return [
        FeelingRow(name, name in stored, str(stored[name]) if name in stored else "")
        for name in COMMON_FEELINGS
    ]


def _minute(moment: datetime) -> datetime:
    """The wall-clock minute the form shows for ``moment`` in the active zone."""
    return timezone.localtime(moment).replace(tzinfo=None, second=0, microsecond=0)


def other_feelings_text(feelings: tuple[Feeling, ...]) -> str:
    """The stored feelings that are not among the common ones, for the 'Other feelings' field (a name stored before
    commas were refused through ``without_commas``: the field is split on commas)."""
    kept = feelings_without_commas(feelings)
    return ", ".join(f"{f.name} {f.intensity}" for f in kept if f.name not in COMMON_FEELINGS)


def draft_from_form(form: EntryForm, post: QueryDict, *, was: datetime | None = None) -> EntryDraft:
    """The entry the form describes. Editing, ``was`` is the stored time: shown to the minute in the person's zone,
    it is kept as it is when the form gives that minute back (the second 01:30 of the night clocks go back stays the
    second; its seconds stay)."""
    data: dict[str, Any] = form.cleaned_data
    happened: datetime | None = data.get("happened_at")
    if happened is not None and timezone.is_naive(happened):
        happened = timezone.make_aware(happened)
    if happened is not None and was is not None and _minute(happened) == _minute(was):
        happened = was
    return EntryDraft(
        kind=data["kind"],
        body=data.get("body") or "",
        happened_at=happened,
        title=data.get("title") or "",
        feelings=feelings_from_post(post, data.get("other_feelings") or ""),
        people=_split(data.get("people") or ""),
        tags=_split(data.get("tags") or ""),
        extra={k: data.get(k) or "" for k in ("situation", "urge", "choice")},
    )


def attachment_from_form(form: EntryForm) -> list[AttachmentDraft]:
    """The form's attachment; one over the limit raises the plain refusal (:class:`InvalidInput`) before it is read."""
    upload = form.cleaned_data.get("attachment")
    if not upload:
        return []
    check_size(upload.size or 0)
    return [AttachmentDraft(upload.name or "upload", upload.content_type or "", upload.read())]
