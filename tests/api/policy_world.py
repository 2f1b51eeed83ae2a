"""Random worlds for the policy property test: people, links, entries in every state, and who may see what.

The oracle here is written from the rules as a person would state them, independently of
``reverie.clinic.services.policy``: a client sees and changes their own journal; a therapist reads an entry only
while linked to its writer, while it is shared and not in the trash, and only if it was shared within that link (a
share made before the link began, e.g. to an earlier therapist, never reaches them); nobody else sees anything. Every entry's
title, body, earlier version and attachment carries its own canary word, so a leak is visible in any response.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.test import Client
from hypothesis import strategies as st
from policy_care import build_courses, member, raise_alerts

PNG = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class EntrySpec:
    owner: int  # index among the clients
    kind: str
    shared: bool
    trashed: bool
    edited: bool
    early: bool = False  # written (and shared) before any link began


@dataclass(frozen=True)
class WorldSpec:
    roles: tuple[str, ...]
    links: tuple[tuple[int, int, str], ...]  # (client index, therapist index, "active" | "ended")
    entries: tuple[EntrySpec, ...]
    tokens: tuple[bool, ...]  # per person: call the API with a token (else with the session)
    actor: int
    target: int  # index into entries


@st.composite
def worlds(draw: Any) -> WorldSpec:
    """At least one client and one therapist; links are mostly active; the actor is often a therapist, since
    the interesting cases (linked, entry shared or not, link ended) need one."""
    extra = draw(st.lists(st.sampled_from(["client", "therapist"]), max_size=2))
    roles = ("client", "therapist", *extra)
    clients = [i for i, r in enumerate(roles) if r == "client"]
    therapists = [i for i, r in enumerate(roles) if r == "therapist"]
    links = tuple(
        (c, t, state)
        for c in range(len(clients))
        for t in range(len(therapists))
        if (state := draw(st.sampled_from(["active", "active", "ended", "none"]))) != "none"
    )
    entry = st.builds(
        EntrySpec,
        owner=st.integers(0, len(clients) - 1),
        kind=st.sampled_from(["dream", "reflection", "art"]),
        shared=st.booleans(),
        trashed=st.sampled_from([False, False, True]),
        edited=st.booleans(),
        early=st.sampled_from([False, False, True]),
    )
    entries = tuple(draw(st.lists(entry, min_size=1, max_size=4)))
    tokens = tuple(draw(st.lists(st.booleans(), min_size=len(roles), max_size=len(roles))))
    actor = draw(st.sampled_from([*therapists, *therapists, *clients]))
    target = draw(st.integers(0, len(entries) - 1))
    return WorldSpec(roles, links, entries, tokens, actor, target)


def canary() -> str:
    return f"cnry{secrets.token_hex(6)}"


@dataclass(eq=False)
class Person:
    user: Any
    web: Client
    api: Client
    token_id: int


@dataclass(eq=False)
class Record:
    id: str
    owner: Person
    shared: bool
    trashed: bool
    current: list[str]  # canaries of the current title and body
    earlier: list[str]  # canaries only in an earlier version
    attachment_id: str | None = None
    attachment_canary: str | None = None
    early: bool = False  # shared (if at all) before any link began: no therapist may read it


@dataclass
class World:
    people: list[Person]
    records: list[Record]
    links: list[tuple[Person, Person, Any]] = field(default_factory=list)  # (client, therapist, pair row)
    courses: list[Any] = field(default_factory=list)  # policy_care.Course, one per link
    alerts: dict[Person, str] = field(default_factory=dict)  # client → risk alert id

    def linked(self, client: Person, therapist: Person) -> bool:
        return any(c is client and t is therapist and p.ended_at is None for c, t, p in self.links)

    def reads(self, actor: Person, record: Record) -> bool:
        if actor is record.owner:
            return not record.trashed
        return (
            actor.user.is_therapist
            and record.shared
            and not record.early
            and not record.trashed
            and self.linked(record.owner, actor)
        )

    def readable_canaries(self, actor: Person) -> set[str]:
        seen: set[str] = set()
        for record in self.records:
            if actor is record.owner:
                seen |= {*record.current, *record.earlier, record.attachment_canary or ""}
            elif self.reads(actor, record):
                seen |= {*record.current, record.attachment_canary or ""}
        seen |= {c.goal_canary for c in self.courses if member(c, actor, self.linked)}
        return seen - {""}

    def all_canaries(self) -> set[str]:
        out: set[str] = set()
        for r in self.records:
            out |= {*r.current, *r.earlier, r.attachment_canary or ""}
        out |= {c.goal_canary for c in self.courses}
        return out - {""}

    def pair_of(self, actor: Person, record: Record) -> tuple[Person, Person, Any] | None:
        """The link a pair route is tried on: the actor's own with the writer if any, else another of theirs."""
        theirs = [link for link in self.links if link[0] is record.owner]
        return next(
            (link for link in theirs if any(actor is p for p in link[:2])), theirs[0] if theirs else None
        )

    def course_of(self, actor: Person, record: Record) -> Any:
        """The course a care route is tried on: the writer's course with the actor if any, else another."""
        theirs = [c for c in self.courses if c.client is record.owner]
        return next((c for c in theirs if actor in (c.client, c.therapist)), theirs[0] if theirs else None)

    def allows(self, rule: str, actor: Person, record: Record) -> bool:
        """The oracle: may ``actor`` do what ``rule`` names to ``record``'s entry (or its pair, token, client)?"""
        owner = actor is record.owner
        link = self.pair_of(actor, record)
        rules = {
            "read": self.reads(actor, record),
            "attachment_read": self.reads(actor, record),
            "own_live": owner and not record.trashed,
            "own_trashed": owner and record.trashed,
            "own_any": owner,
            "client_view": owner or (actor.user.is_therapist and self.linked(record.owner, actor)),
            "pair_member": link is not None
            and any(actor is p for p in link[:2])
            and link[2].ended_at is None,
            "token_owner": owner,
            "course_member": (course := self.course_of(actor, record)) is None
            or member(course, actor, self.linked),
            "alert_reader": actor.user.is_therapist and self.linked(record.owner, actor),
        }
        return rules[rule]

    def record_id(self, kind: str, actor: Person, record: Record) -> str | None:
        """The id of the ``kind`` of record that ``record`` stands for (None when there is none)."""
        if kind == "entry":
            return record.id
        if kind == "attachment":
            return record.attachment_id
        if kind == "client":
            return str(record.owner.user.pk)
        if kind == "token":
            return str(record.owner.token_id)
        if kind == "pair":
            link = self.pair_of(actor, record)
            return str(link[2].pk) if link is not None else None
        course = self.course_of(actor, record)
        if kind in ("course", "goal", "response"):
            if course is None:
                return None
            ids: dict[str, str] = {
                "course": str(course.row.id),
                "goal": course.goal_id,
                "response": course.response_id,
            }
            return ids[kind]
        if kind == "alert":
            return self.alerts.get(record.owner)
        raise AssertionError(f"unknown record kind {kind}")

    def snapshot(self) -> list[tuple[Any, ...]]:
        """What a refused request must leave untouched."""
        from reverie.api.models import ApiToken
        from reverie.clinic.models import Attachment, Entry, Pair

        ids = [r.id for r in self.records]
        entries = Entry.objects.filter(pk__in=ids).order_by("pk")
        rows: list[tuple[Any, ...]] = [
            (e.pk, e.shared, e.deleted_at, e.revision, hashlib.sha256(bytes(e.payload)).hexdigest())
            for e in entries
        ]
        pairs = [p.pk for _, _, p in self.links]
        rows += list(Pair.objects.filter(pk__in=pairs).order_by("pk").values_list("pk", "ended_at"))
        tokens = ApiToken.objects.filter(pk__in=[p.token_id for p in self.people])
        rows += [(t,) for t in tokens.order_by("pk").values_list("pk", flat=True)]
        attachments = Attachment.objects.filter(
            entry_id__in=ids
        )  # every file of these entries: none added either
        rows += [(str(a),) for a in attachments.order_by("pk").values_list("pk", flat=True)]
        return rows + self._care_snapshot()

    def _care_snapshot(self) -> list[tuple[Any, ...]]:
        from reverie.care.models import Course, CourseSession, Goal, RiskAlert

        ids = [c.row.id for c in self.courses]
        rows: list[tuple[Any, ...]] = list(
            Course.objects.filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", "formulation_shared", "ipaf_agreed_at", "ended_at")
        )
        sessions = CourseSession.objects.filter(course_id__in=ids).order_by("pk")
        rows += list(sessions.values_list("pk", "attendance", "recorded_at"))
        goals = Goal.objects.filter(pk__in=[c.goal_id for c in self.courses]).order_by("pk")
        rows += list(goals.values_list("pk", "agreed_at"))
        rows += list(
            RiskAlert.objects.filter(pk__in=self.alerts.values()).values_list("pk", "acknowledged_at")
        )
        return rows


def build(spec: WorldSpec) -> World:
    from reverie.api import tokens
    from reverie.clinic.models import User
    from reverie.clinic.services import people as people_service

    people: list[Person] = []
    for index, role in enumerate(spec.roles):
        user = User.objects.create_user(username=f"p{index}-{secrets.token_hex(3)}", password=None, role=role)
        issued = tokens.issue(user, "property test")
        web = Client()
        web.force_login(user)
        if role == "therapist":  # as if the second factor was passed at sign-in
            session = web.session
            session["otp"] = True
            session.save()
        api = Client(headers={"Authorization": f"Bearer {issued.secret}"}) if spec.tokens[index] else web
        people.append(Person(user, web, api, issued.token.pk))
    clients = [p for p in people if p.user.is_client]
    therapists = [p for p in people if p.user.is_therapist]
    world = World(people, [])
    early = {i: _entry(clients[s.owner], s) for i, s in enumerate(spec.entries) if s.early}
    for c, t, _ in spec.links:
        invitation = people_service.issue_invitation(clients[c].user)
        pair = people_service.accept_invitation(therapists[t].user, invitation)
        world.links.append((clients[c], therapists[t], pair))
    world.courses = build_courses(world.links, canary)
    for (client, _, pair), (_, _, state) in zip(world.links, spec.links, strict=True):
        if state == "ended":
            people_service.end_pair(client.user, pair.pk)
            pair.refresh_from_db()
    world.records = [early[i] if s.early else _entry(clients[s.owner], s) for i, s in enumerate(spec.entries)]
    world.alerts = raise_alerts(clients, world.records)
    return world


def _entry(owner: Person, spec: EntrySpec) -> Record:
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

    title, body, first = canary(), canary(), canary()
    attachments: list[AttachmentDraft] = []
    attachment_canary = None
    if spec.kind == "art":
        attachment_canary = canary()
        attachments.append(AttachmentDraft("picture.png", "image/png", PNG + attachment_canary.encode()))
    user = owner.user
    view = journal.create_entry(user, EntryDraft(spec.kind, f"{first} first words", title=title), attachments)
    earlier: list[str] = []
    if spec.edited:
        journal.update_entry(user, view.id, EntryDraft(spec.kind, f"{body} second words", title=title))
        earlier.append(first)
    else:
        body = first
    shared = spec.shared and _share(user, view.id, spec.early)
    if spec.trashed:
        journal.trash_entry(user, view.id)
    attachment_id = str(view.attachments[0].id) if view.attachments else None
    return Record(
        str(view.id),
        owner,
        shared,
        spec.trashed,
        [title, body],
        earlier,
        attachment_id,
        attachment_canary,
        spec.early,
    )


def _share(user: Any, entry_id: Any, early: bool) -> bool:
    """Share as the client does; whether the entry is shared now. With no link open the share is refused (there is
    no one to share with) and the entry stays unshared. An ``early`` share, made before any link began, can no
    longer be made: it is stored as a database kept from before that rule holds it (shared, ``shared_at`` before
    every link; the first link then takes it back), so the oracle still checks that such a share reaches no
    therapist."""
    from django.utils import timezone

    from reverie.clinic.models import Entry
    from reverie.clinic.services import journal
    from reverie.errors import Conflict

    if early:
        Entry.objects.filter(pk=entry_id).update(shared=True, shared_at=timezone.now())
        return True
    try:
        return journal.set_shared(user, entry_id, True).shared
    except Conflict:
        return False
