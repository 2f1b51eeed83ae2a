"""The therapeutic pair: invite, accept an invitation, list and end one's links."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Path, Router, Status

from reverie.api.auth import actor
from reverie.api.schemas import CodeIn, InvitationOut, PairOut
from reverie.api.spec import ERRORS, MAX_ID
from reverie.care.services.alerts import THERAPIST_SEES
from reverie.clinic.models import Pair, User
from reverie.clinic.services import people

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


@router.post("/pairs/{pair_id}/end", response={204: None, **ERRORS}, url_name="pair_end")
def pair_end(request: HttpRequest, pair_id: PairId) -> Status[None]:
    """End a link; from then on nothing is shared. Either side may end it."""
    people.end_pair(actor(request), pair_id)
    return Status(204, None)
