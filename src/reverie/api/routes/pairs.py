"""The therapeutic pair: invite, accept an invitation, list and end one's links."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Path, Router, Status

from reverie.api.auth import actor
from reverie.api.schemas import CodeIn, CourseRecordOut, Input, InvitationOut, PairOut, UnreachableOut
from reverie.api.spec import ERRORS, MAX_ID
from reverie.care.services.alerts import THERAPIST_SEES
from reverie.clinic.models import Pair, User
from reverie.clinic.services import people
from reverie.errors import Unconfirmed

router = Router(tags=["pair"])
PairId = Annotated[int, Path(ge=1, le=MAX_ID)]


NOTICE = Field(
    None, description="To a client: what the therapist will see (a level and a date, never the words)."
)


class ClientInvitationOut(InvitationOut):
    therapist_sees: str | None = NOTICE


class PairLinkedOut(PairOut):
    therapist_sees: str | None = NOTICE


def _notice(user: User) -> str | None:
    return THERAPIST_SEES if user.is_client else None


def _out(pair: Pair) -> PairOut:
    return PairOut(
        id=pair.pk,
        client=pair.client.username,
        therapist=pair.therapist.username,
        started_at=pair.started_at,
        ended_at=None,
        notice=None,
    )


@router.post("/pair/invitations", response={201: ClientInvitationOut, **ERRORS}, url_name="pair_invite")
def pair_invite(request: HttpRequest) -> Status[ClientInvitationOut]:
    """A one-time code (shown once) that the other person redeems to link with you. A client is told what the
    therapist will see (``therapist_sees``)."""
    user = actor(request)
    code = people.issue_invitation(user)
    out = ClientInvitationOut(code=code, expires_in_days=people.INVITATION_DAYS, therapist_sees=_notice(user))
    return Status(201, out)


@router.post(
    "/pair/accept", response={200: PairLinkedOut, 201: PairLinkedOut, **ERRORS}, url_name="pair_accept"
)
def pair_accept(request: HttpRequest, payload: CodeIn) -> Status[PairLinkedOut]:
    """Redeem a code. A client is told what the therapist will see (``therapist_sees``). The same code sent again
    by the person who redeemed it (a retry after a lost answer) answers 200 with the link it made; anyone else 404."""
    from reverie.clinic.web.account_views import client_address

    user = actor(request)
    pair, made = people.accept_invitation_once(user, payload.code, client_address(request))
    return Status(
        201 if made else 200, PairLinkedOut(**_out(pair).model_dump(), therapist_sees=_notice(user))
    )


@router.get("/pairs", response={200: list[PairOut], **ERRORS}, url_name="pairs_list")
def pairs_list(request: HttpRequest) -> list[PairOut]:
    """Your open links. A client with none, whose last therapist's account was closed, gets that link, ended
    (``ended_at``), with the web page's words in ``notice`` (h132), instead of an empty list that says nothing."""
    user = actor(request)
    listed = [_out(p) for p in people.active_pairs(user)]
    departed = people.departed_link(user)
    if departed is not None:
        told = {"ended_at": departed.ended_at, "notice": people.DEPARTED_THERAPIST}
        listed.append(_out(departed).model_copy(update=told))
    return listed


class PairEndIn(Input):
    confirm: bool = Field(
        False,
        description="true: end the link. Without it nothing ends: 409, the error naming in `unreachable` what the "
        "end would put out of the therapist's reach (each course record, with where to download it first, and the "
        "client's risk alerts not acknowledged), as the web's question does before \"Yes, end the link\".",
    )


@router.post("/pairs/{pair_id}/end", response={204: None, **ERRORS}, url_name="pair_end")
def pair_end(request: HttpRequest, pair_id: PairId, payload: PairEndIn | None = None) -> Status[None]:
    """End a link; from then on nothing is shared. Either side may end it, and it cannot be undone: only with
    ``{"confirm": true}``. Without it, 409 and nothing ends: ``error.unreachable`` lists what the end closes to the
    therapist, from the same service as the web's question (``course.link_end_closes``)."""
    user = actor(request)
    if payload is None or not payload.confirm:
        raise _unconfirmed(user, people.pair_to_end(user, pair_id))
    people.end_pair(user, pair_id)
    return Status(204, None)


def _unconfirmed(user: User, pair: Pair) -> Unconfirmed:
    """The refusal of an unconfirmed end: the web question's words and facts, the alert lines a reading (audited as
    on the web's question)."""
    from django.urls import reverse

    from reverie.care.services import alerts, course
    from reverie.clinic.services.local_time import zone_of

    zone = zone_of(user)
    closes = course.link_end_closes(user, pair)
    held = closes.courses if closes is not None else []
    dated = closes.dated_alerts(zone) if closes is not None else []
    if closes is not None and closes.alerts:
        alerts.record_read(user, closes.alerts)
    if user.is_client:
        said = (
            f"Ending your link with {pair.therapist.username} cannot be undone: your therapist will no longer see "
            "anything you share, your risk alerts or your course pages, and an open course of therapy between you "
            "ends today, its sessions still to come cancelled."
        )
    else:
        said = (
            f"Ending your link with {pair.client.username} cannot be undone: you will no longer see this client's "
            "shared entries, risk alerts, safety plan or patterns, and an open course of therapy between you ends "
            "today, its sessions still to come cancelled."
        )
    if held:
        said += (
            " Your course records with them become unreachable (the sessions, progress and process notes,"
            " questionnaires, formulation, goals and letter); download each first (record_download)."
        )
    if dated:
        said += (
            f" {len(dated)} risk alert{'s' if len(dated) != 1 else ''} you have not acknowledged close too."
        )
    said += ' Nothing was ended: send {"confirm": true} to end it.'
    unreachable = UnreachableOut(
        courses=[
            CourseRecordOut(
                course_id=k.course.id,
                programme=k.course.programme,
                first_session=k.course.first_start,
                ended_on=k.ended_on,
                sessions_held=k.sessions_held,
                progress_notes=k.progress_notes,
                process_notes=k.process_notes,
                questionnaires=k.questionnaires,
                record_download=reverse("care:record", args=[k.course.id]),
            )
            for k in held
        ],
        open_alerts=dated,
    )
    return Unconfirmed(said, details={"unreachable": unreachable.model_dump(mode="json")})
