"""The signed-in person, and their personal access tokens."""

from __future__ import annotations

from typing import Annotated

from django.contrib.auth import update_session_auth_hash
from django.http import HttpRequest
from ninja import Path, Router, Schema, Status

from reverie.api import tokens
from reverie.api.auth import actor, session_auth
from reverie.api.models import ApiToken
from reverie.api.schemas import Input, MeOut, TokenCreatedOut, TokenIn, TokenOut
from reverie.api.spec import ERRORS, MAX_ID

router = Router(tags=["account"])
TokenId = Annotated[int, Path(ge=1, le=MAX_ID)]


class PasswordIn(Input):
    current_password: str
    new_password: str


class PasswordOut(Schema):
    revoked_tokens: int


def _out(token: ApiToken) -> TokenOut:
    return TokenOut(
        id=token.pk,
        name=token.name,
        prefix=token.prefix,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
    )


@router.get("/me", response={200: MeOut, **ERRORS}, url_name="me")
def me(request: HttpRequest) -> MeOut:
    user = actor(request)
    return MeOut(id=user.pk, username=user.username, role=user.role)


@router.get("/tokens", response={200: list[TokenOut], **ERRORS}, url_name="tokens_list")
def tokens_list(request: HttpRequest) -> list[TokenOut]:
    return [_out(t) for t in tokens.owned(actor(request))]


@router.post(
    "/tokens", auth=[session_auth], response={201: TokenCreatedOut, **ERRORS}, url_name="token_create"
)
def token_create(request: HttpRequest, payload: TokenIn) -> Status[TokenCreatedOut]:
    """Create a named token. Needs the signed-in web session (a token cannot mint more tokens).

    The token is in this response only; Reverie keeps just its hash.
    """
    issued = tokens.issue(actor(request), payload.name)
    return Status(201, TokenCreatedOut(**_out(issued.token).model_dump(), token=issued.secret))


@router.post(
    "/account/password",
    auth=[session_auth],
    response={200: PasswordOut, **ERRORS},
    url_name="password_change",
)
def password_change(request: HttpRequest, payload: PasswordIn) -> PasswordOut:
    """Change your password with the current one. Needs the signed-in web session (a token cannot change it).

    This session stays signed in; every other session ends and every API token of yours is revoked.
    """
    from reverie.clinic.services import passwords
    from reverie.clinic.web.account_views import client_address

    user = actor(request)
    revoked = passwords.change_password(
        user, payload.current_password, payload.new_password, address=client_address(request)
    )
    update_session_auth_hash(request, user)
    return PasswordOut(revoked_tokens=revoked)


@router.delete("/tokens/{token_id}", response={204: None, **ERRORS}, url_name="token_revoke")
def token_revoke(request: HttpRequest, token_id: TokenId) -> Status[None]:
    tokens.revoke(actor(request), token_id)
    return Status(204, None)
