"""Treatment programmes as data: session counts, frequency, phases with their purpose and artefacts.

Every format Reverie offers is one frozen ``Programme`` in ``PROGRAMMES``; code asks the data, never
branches on a programme's name.
Sources: DOMAIN.md §1 (formats); Lemma, Target & Fonagy (2011) for the DIT phases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from reverie.errors import InvalidInput


class ProgrammeId(StrEnum):
    BRIEF = "brief_psychodynamic"
    DIT = "dit"
    MEDIUM_TERM = "medium_term"
    LONG_TERM = "long_term"
    ART = "art_therapy"
    MUSIC = "music_therapy"


@dataclass(frozen=True, slots=True)
class Artefact:
    """A document the pair produces during a phase (e.g. the IPAF, the goodbye letter)."""

    key: str
    name: str
    description: str
    client_name: str = ""  # the words the client reads, when the therapist's are clinical; else ``name``
    client_description: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "client_name", self.client_name or self.name)
        object.__setattr__(self, "client_description", self.client_description or self.description)


@dataclass(frozen=True, slots=True)
class Phase:
    """A phase of a course.

    A phase starts at session ``starts_at`` counted from the beginning, or — when ``from_end`` — at the
    ``starts_at``-th session before the end (``from_end`` phases exist only once the end is agreed). A phase
    runs until the next phase starts.
    """

    key: str
    name: str
    purpose: str
    starts_at: int
    from_end: bool = False
    artefacts: tuple[Artefact, ...] = ()
    client_purpose: str = ""  # the purpose in the client's words, when ``purpose`` is clinical

    def __post_init__(self) -> None:
        object.__setattr__(self, "client_purpose", self.client_purpose or self.purpose)

    def purpose_for(self, *, therapist: bool) -> str:
        """What the phase is for, in its reader's words: clinical for the course's therapist, plain for anyone else.

        The one rule every reader of a course uses (web page, API, CLI), so a client never meets "IPAF"."""
        return self.purpose if therapist else self.client_purpose

    def first_session(self, total: int | None) -> int | None:
        if not self.from_end:
            return self.starts_at
        return None if total is None else max(1, total - self.starts_at + 1)


@dataclass(frozen=True, slots=True)
class Programme:
    """A treatment format. ``sessions_min``/``sessions_max`` bound an agreed total; None means open count."""

    id: ProgrammeId
    name: str
    summary: str
    per_week: tuple[int, int]
    duration_text: str
    phases: tuple[Phase, ...]
    open_label: str
    sessions_default: int | None = None
    sessions_min: int | None = None
    sessions_max: int | None = None
    materials: tuple[str, ...] = ("words",)
    session_minutes: int = 50

    @property
    def open_ended(self) -> bool:
        return self.sessions_default is None

    def phase(self, key: str) -> Phase:
        for phase in self.phases:
            if phase.key == key:
                return phase
        raise InvalidInput(f"The {self.name} programme has no phase with that key.")


IPAF = Artefact(
    "ipaf",
    "Interpersonal-affective focus (IPAF)",
    "The recurring relational pattern agreed in the first sessions: how the person sees themselves, how they "
    "see the other, the feeling that links them, and what the pattern protects against.",
    client_name="The pattern you and your therapist agreed to work on",
    client_description="A pattern in your relationships that keeps coming back, agreed in the first sessions: how "
    "you see yourself, how you see the other person, the feeling that links them, and what the pattern protects "
    "you from.",
)
GOODBYE_LETTER = Artefact(
    "goodbye_letter",
    "Goodbye letter",
    "The therapist's letter near the end: what was understood together, the pattern and how it changed, and "
    "what to keep working on.",
)


def _initial(purpose: str, artefacts: tuple[Artefact, ...] = (), client_purpose: str = "") -> Phase:
    return Phase("initial", "initial", purpose, 1, artefacts=artefacts, client_purpose=client_purpose)


def _middle(starts_at: int, purpose: str) -> Phase:
    return Phase("middle", "middle", purpose, starts_at)


def _ending(starts_at: int, purpose: str, *, from_end: bool, artefacts: tuple[Artefact, ...] = ()) -> Phase:
    return Phase("ending", "ending", purpose, starts_at, from_end=from_end, artefacts=artefacts)


_ENDING_OPEN = (
    "Once an end is agreed: look back at what changed, and work through the feelings the ending stirs."
)
_ART_MUSIC_MIDDLE = (
    "Make and look at the work together; link what appears in it to feelings and relationships."
)

DIT = Programme(
    id=ProgrammeId.DIT,
    name="Dynamic Interpersonal Therapy (DIT)",
    summary="16 weekly 50-minute sessions (about 5 months) built for depression and anxiety.",
    per_week=(1, 1),
    duration_text="about 5 months",
    sessions_default=16,
    sessions_min=16,
    sessions_max=16,
    open_label="DIT",
    phases=(
        _initial(
            "Get to know the difficulties and agree the IPAF: the relational pattern to work on.",
            (IPAF,),
            client_purpose="Get to know the difficulties and agree the pattern in your relationships that you "
            "and your therapist will work on.",
        ),
        _middle(5, "Track the pattern in current relationships and with the therapist; link it to symptoms."),
        _ending(
            13,
            "Work through the ending; the therapist writes a goodbye letter.",
            from_end=False,
            artefacts=(GOODBYE_LETTER,),
        ),
    ),
)

BRIEF = Programme(
    id=ProgrammeId.BRIEF,
    name="Brief psychodynamic therapy",
    summary="A number of sessions agreed by the pair (usually 25–30), once or twice a week over 6–8 months.",
    per_week=(1, 2),
    duration_text="6–8 months",
    sessions_default=28,
    sessions_min=25,
    sessions_max=30,
    open_label="brief psychodynamic",
    phases=(
        _initial("Get to know each other and agree a focus: the pattern or conflict to work on."),
        _middle(5, "Explore the focus as it shows up in daily life, in the past and in the sessions."),
        _ending(
            4, "Prepare for the agreed end: review what changed and what the ending stirs.", from_end=True
        ),
    ),
)

MEDIUM_TERM = Programme(
    id=ProgrammeId.MEDIUM_TERM,
    name="Medium-term psychodynamic therapy",
    summary="Usually 6–12 months, once or twice a week; the number of sessions stays open.",
    per_week=(1, 2),
    duration_text="6–12 months",
    open_label="medium-term, open count",
    phases=(
        _initial("Get to know each other and what brings you; build a working relationship."),
        _middle(5, "Explore feelings, patterns, dreams and the relationship with the therapist."),
        _ending(6, _ENDING_OPEN, from_end=True),
    ),
)

LONG_TERM = Programme(
    id=ProgrammeId.LONG_TERM,
    name="Long-term psychodynamic therapy",
    summary="Open-ended work over at least 2 years, once or twice a week.",
    per_week=(1, 2),
    duration_text="2 years or more",
    open_label="long-term, open-ended",
    phases=(
        _initial("Get to know each other and what brings you; build a working relationship."),
        _middle(9, "Work through long-standing patterns as they appear in life and with the therapist."),
        _ending(12, _ENDING_OPEN, from_end=True),
    ),
)

ART = Programme(
    id=ProgrammeId.ART,
    name="Psychodynamic art therapy",
    summary="Weekly sessions where images you make are material next to words; the number stays open.",
    per_week=(1, 1),
    duration_text="open",
    open_label="art therapy, open-ended",
    materials=("images", "words"),
    phases=(
        _initial("Get used to the materials and the space; notice what you are drawn to make."),
        _middle(5, _ART_MUSIC_MIDDLE),
        _ending(4, _ENDING_OPEN, from_end=True),
    ),
)

MUSIC = Programme(
    id=ProgrammeId.MUSIC,
    name="Psychodynamic music therapy",
    summary="Weekly sessions where music you play or record is material next to words; open count.",
    per_week=(1, 1),
    duration_text="open",
    open_label="music therapy, open-ended",
    materials=("recordings", "words"),
    phases=(
        _initial("Get used to the instruments and the space; play freely and notice what comes."),
        _middle(5, _ART_MUSIC_MIDDLE),
        _ending(4, _ENDING_OPEN, from_end=True),
    ),
)

PROGRAMMES: tuple[Programme, ...] = (BRIEF, DIT, MEDIUM_TERM, LONG_TERM, ART, MUSIC)


def get_programme(programme_id: str) -> Programme:
    """Look a programme up by id; unknown ids raise InvalidInput."""
    for programme in PROGRAMMES:
        if programme.id.value == programme_id:
            return programme
    known = ", ".join(p.id.value for p in PROGRAMMES)
    raise InvalidInput(f"Unknown programme; expected one of: {known}.")


@dataclass(frozen=True, slots=True)
class CoursePosition:
    """Where a session falls in its course, with a ready-made line of text for the screen."""

    programme_id: ProgrammeId
    session: int
    total: int | None
    phase: Phase
    text: str

    @property
    def artefacts(self) -> tuple[Artefact, ...]:
        return self.phase.artefacts


def no_set_total(programme: Programme, *, rule: bool = False) -> str:
    """The refusal of a number of sessions (``rule``: a recurrence rule's COUNT or UNTIL) for an open-ended format,
    in plain words, pointing to the way the product agrees an end: ending the course on its last day."""
    what = (
        "leave COUNT and UNTIL out of the recurrence rule (e.g. FREQ=WEEKLY;BYDAY=MO,TH)"
        if rule
        else "leave the number of sessions empty"
    )
    return (
        f"{programme.name} has no set number of sessions: {what}. Its sessions are planned ahead as it runs; "
        "when you and your client agree an end, end the course on its last day with “End the course” on the "
        "course page."
    )


def check_total(programme: Programme, total: int | None) -> int | None:
    """The agreed total for a course: the default when None for fixed formats; range-checked. An open-ended format
    (``sessions_default`` None) has no total: any number given is refused (:func:`no_set_total`), never kept as a
    fixed length that would put its end-anchored ending phase in the middle of the work (review r100)."""
    if total is not None and programme.open_ended:
        raise InvalidInput(no_set_total(programme))
    return _in_range(programme, total)


def course_total(programme: Programme, stored: int | None) -> int | None:
    """The total a stored course runs to, as its position reads it: None for an open-ended format. A number stored
    with such a course was only ever a count typed at set-up (accepted before review r100), never an agreed end, so
    the course reads ``Session 15 · long-term, open-ended`` in its middle phase, not ``Session 15 of 26 · ending
    phase``; no data migration is needed."""
    return None if programme.open_ended else stored


def _in_range(programme: Programme, total: int | None) -> int | None:
    if total is None:
        return programme.sessions_default
    if isinstance(total, bool) or not isinstance(total, int) or total < 1:
        raise InvalidInput("The number of sessions must be a whole number from 1.")
    low, high = programme.sessions_min or 1, programme.sessions_max
    if total < low or (high is not None and total > high):
        raise InvalidInput(f"{programme.name} has {sessions_words(programme)}, {meets_words(programme)}.")
    return total


_TIMES = {1: "once", 2: "twice"}


def meets_words(programme: Programme) -> str:
    """How often the format meets, as a person says it: "once a week", "once or twice a week" (never "1–1
    time(s)", review r129)."""
    low, high = programme.per_week
    said = _TIMES.get(low, f"{low} times")
    if high != low:
        said += f" or {_TIMES.get(high, f'{high} times')}"
    return f"{said} a week"


def sessions_words(programme: Programme) -> str:
    """How many sessions the format has: "16 sessions", "25–30 sessions", "at least 6 sessions" (never "16–16")."""
    low, high = programme.sessions_min or 1, programme.sessions_max
    if high is None:
        return f"at least {low} sessions"
    return f"{low} sessions" if low == high else f"{low}–{high} sessions"


def where(programme: Programme | str, session_number: int, total: int | None = None) -> CoursePosition:
    """Place ``session_number`` in its course: ``Session 7 of 16 · middle phase``.

    Without a total, fixed formats use their default (DIT 16, brief 28); open-ended formats say e.g.
    ``Session 40 · long-term, open-ended``, and their end-anchored ending phase is not reached (with an agreed end
    as ``total``, it is; a course's stored count is not one: :func:`course_total`).
    """
    chosen = get_programme(programme) if isinstance(programme, str) else programme
    agreed = _in_range(chosen, total)
    if isinstance(session_number, bool) or not isinstance(session_number, int) or session_number < 1:
        raise InvalidInput("A session number must be a whole number from 1.")
    if agreed is not None and session_number > agreed:
        raise InvalidInput(f"Session {session_number} is after the last session ({agreed}).")
    phase = phase_at(chosen, session_number, agreed)
    text = (
        f"Session {session_number} of {agreed} · {phase.name} phase"
        if agreed is not None
        else f"Session {session_number} · {chosen.open_label}"
    )
    return CoursePosition(chosen.id, session_number, agreed, phase, text)


def ended(programme: Programme | str, session_number: int, total: int | None, day: date) -> CoursePosition:
    """An ended course's place: ``Ended on 9 Feb 2026``, in its ending phase however early it ended (a DIT course
    ended at session 6 too: its goodbye letter can still be written), ``session_number`` being its last session
    held. The one answer for every door (the course page, the API's ``position`` and ``phase``, the CLI)."""
    chosen = get_programme(programme) if isinstance(programme, str) else programme
    spot = where(chosen, session_number, total)
    ending = next((p for p in chosen.phases if p.key == "ending"), chosen.phases[-1])
    return CoursePosition(chosen.id, spot.session, spot.total, ending, f"Ended on {day:%-d %b %Y}")


def phase_at(programme: Programme, session_number: int, total: int | None) -> Phase:
    """The phase holding ``session_number``: the last phase, in course order, that has started by then.

    In a short course an end-anchored ending can start before the middle would; the ending then wins.
    """
    current = programme.phases[0]
    for phase in programme.phases:
        first = phase.first_session(total)
        if first is not None and first <= session_number:
            current = phase
    return current


def required_artefacts(programme: Programme | str) -> dict[str, tuple[Artefact, ...]]:
    """Artefacts each phase asks for, keyed by phase key (empty phases left out)."""
    chosen = get_programme(programme) if isinstance(programme, str) else programme
    return {phase.key: phase.artefacts for phase in chosen.phases if phase.artefacts}
