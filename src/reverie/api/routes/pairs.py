"""The therapeutic pair: invite, accept an invitation, list and end one's links."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from ninja import Path, Router, Status

from reverie.api.auth import actor
from reverie.api.schemas import CodeIn, InvitationOut, PairOut
from reverie.api.spec import ERRORS, MAX_ID
from reverie.clinic.models import Pair
from reverie.clinic.services import people

router = Router(tags=["pair"])
PairId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _out(pair: Pair) -> PairOut:
    return PairOut(
        id=pair.pk, client=pair.client.username, therapist=pair.therapist.username, started_at=pair.started_at
    )


@router.post("/pair/invitations", response={201: InvitationOut, **ERRORS}, url_name="pair_invite")
def pair_invite(request: HttpRequest) -> Status[InvitationOut]:
    """A one-time code (shown once) that the other person redeems to link with you."""
    code = people.issue_invitation(actor(request))
    return Status(201, InvitationOut(code=code, expires_in_days=people.INVITATION_DAYS))


@router.post("/pair/accept", response={201: PairOut, **ERRORS}, url_name="pair_accept")
def pair_accept(request: HttpRequest, payload: CodeIn) -> Status[PairOut]:
    from reverie.clinic.web.account_views import client_address

    return Status(201, _out(people.accept_invitation(actor(request), payload.code, client_address(request))))


@router.get("/pairs", response={200: list[PairOut], **ERRORS}, url_name="pairs_list")
def pairs_list(request: HttpRequest) -> list[PairOut]:
    return [_out(p) for p in people.active_pairs(actor(request))]


@router.post("/pairs/{pair_id}/end", response={204: None, **ERRORS}, url_name="pair_end")
def pair_end(request: HttpRequest, pair_id: PairId) -> Status[None]:
    """End a link; from then on nothing is shared. Either side may end it."""
    people.end_pair(actor(request), pair_id)
    return Status(204, None)
