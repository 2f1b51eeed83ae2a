"""Template tags for pages outside the care app: the navigation links and the check-in banner."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def care_nav(user: Any) -> dict[str, Any]:
    """What the navigation needs: open alerts (therapist) or a pending check-in (client)."""
    from reverie.care.services import alerts
    from reverie.clinic.models import User

    if not isinstance(user, User) or not user.is_authenticated:
        return {}
    if user.is_therapist:
        return {"open_alerts": len(_open_alerts(user, marked=False))}  # a count: no line shown
    return {"check_in": _pending_check_in(user, alerts) is not None}


@register.simple_tag(takes_context=True)
def check_in_banner_for(context: Any, user: Any) -> dict[str, Any]:
    """The banner at the top of every page while a check-in waits ({} when none): ``check_in``, and ``full`` with
    the crisis lines (``crisis``: ``lines_for_person``'s, the one choice, their plan's country's first) when the
    client was never shown it in full, a smaller reminder otherwise. It shows the check-in through
    ``alerts.show_check_in``, whose record of the full showing is kept only once the page is answered good
    (``clinic/web/shown.py``: a page that fails after drawing it leaves it unseen, h116)."""
    from reverie.care.services import alerts
    from reverie.care.services.safety import lines_for_person
    from reverie.clinic.web.shown import record_when_shown

    request = context.get("request")
    pending = _pending_check_in(user, alerts)  # the menu's reading, when it came first on this page
    if pending is None:
        return {}
    shown = alerts.show_check_in(user, pending, when_shown=lambda record: record_when_shown(request, record))
    if shown is None:
        return {}
    return {
        "check_in": shown.check_in,
        "full": shown.full,
        "crisis": lines_for_person(user) if shown.full else None,  # the one choice of lines: theirs first
        "told": alerts.check_in_told(shown.check_in),
        "says_saved": says_saved(context, shown),
    }


def says_saved(context: Any, shown: Any) -> bool:
    """Whether the banner says what became of what raised it ("Your entry was saved."): only on the page right after
    the save that raised it (review r135 fault 4: it was on every page while the check-in waited, above "Not saved
    yet" and "deleted for good"). A journal entry's: its full showing, on that entry's own page; any other source's
    (a goal, a cancellation note, a questionnaire): its full showing, the page its save lands on."""
    if not shown.full:
        return False
    alert = shown.check_in.alert
    if alert is None or alert.source != "journal":
        return True
    entry = context.get("entry")
    return entry is not None and str(getattr(entry, "id", "")) == str(alert.record_id)


@register.filter
def tel_href(number: str) -> str:
    """``tel:`` and the number as it is dialled (``programmes.safety.dialled``, the one form of every tel: link)."""
    from reverie.programmes.safety import tel_href as href

    return href(str(number))


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    """``mapping[key]`` for dicts and QueryDicts; None when absent."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def cluster_of(version: Any, key: str) -> str:
    """The CCRT cluster label a formulation version holds for ``key`` (ccrt_w, ccrt_ro, ccrt_rs)."""
    return str(version.cluster_label(key))


@register.filter
def answer_of(values: Any, number: int) -> Any:
    """The posted answer to item ``number`` of a questionnaire form (kept when the form is shown again)."""
    return values.get(f"item{number}") if hasattr(values, "get") else None


@register.simple_tag
def open_alerts_for(user: Any) -> list[Any]:
    """Risk alerts a therapist has still to acknowledge (for the therapist's home page), their reading audited once
    per page (``alerts.record_read``)."""
    from reverie.care.services import alerts
    from reverie.clinic.models import User

    if not isinstance(user, User):
        return []
    found = _open_alerts(user)
    if found and not getattr(user, _READ, False):
        alerts.record_read(user, found)
        setattr(user, _READ, True)
    return found


_READ = "_reverie_open_alerts_read"
_PENDING = "_reverie_pending_check_in"


def _pending_check_in(user: Any, alerts: Any) -> Any:
    """The client's pending check-in (``alerts.pending_check_in``), read once per page: the menu's "Check-in
    waiting" and the banner share it (issue 16: two identical queries on every client page), kept on the request's
    user object, which lives for one request. Read while the page is drawn, after the view did its work."""
    from reverie.clinic.models import User

    if not isinstance(user, User):  # no one signed in (or a page drawn without a request): none waits
        return None
    if hasattr(user, _PENDING):
        return getattr(user, _PENDING)
    found = alerts.pending_check_in(user)
    setattr(user, _PENDING, found)
    return found


def _open_alerts(user: Any, *, marked: bool = True) -> list[Any]:
    """The therapist's open alerts, read once per page: the menu count, the home page's list and its caseload share
    them (``alerts.open_alerts_on_page``; ``marked``: each line's shared entry looked up, for a list)."""
    from reverie.care.services import alerts

    return alerts.open_alerts_on_page(user, marked=marked)
