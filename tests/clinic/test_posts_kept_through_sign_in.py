"""Every signed-in form that sends a person's words or answers keeps its POST through the sign-in (h84, after r73).

A view that takes a POST and is not wrapped in ``drafts.keeps_text`` answers a POST arriving after the idle timeout
with ``login_required``'s bare redirect: what was written or answered is dropped before anything reads it (r73: a
PHQ-9 with item 9 answered, "I need help now"). This walks the URL resolver: each view that accepts POST is either
wrapped or named below with the reason it carries no one's words.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

import reverie
from reverie.clinic.web.drafts import KEEPS_TEXT_ATTR

# Views that accept a POST and carry no words or answers of a person through a sign-in, each with why.
EXEMPT = {
    # signed out by design: these pages are the sign-in, the sign-out or open to anyone
    "reverie.clinic.web.views.setup": "the first account: nobody is signed in yet",
    "reverie.clinic.web.views.signup": "open to anyone: nobody is signed in",
    "reverie.clinic.web.demo_views.demo": "the demo, open to anyone",
    "reverie.clinic.web.views.login_view": "the sign-in itself (it carries the drafts)",
    "reverie.clinic.web.views.login_code": "the sign-in's second step (it carries the drafts)",
    "reverie.clinic.web.views.logout_view": "signing out: a button",
    "reverie.care.web.public_views.fit_page": "the public fit self-check: no sign-in needed, answered in place",
    # secrets: never carried in a page (drafts.SECRET)
    "reverie.clinic.web.account_views.totp_setup": "a one-time code",
    "reverie.clinic.web.account_views.password_change": "passwords",
    "reverie.clinic.web.views.erase": "the user name and password that confirm an erasure",
    "reverie.clinic.web.views.pair": "an invitation code, or a button ending a pair",
    # a button or a choice on a thing already stored: pressed again after the sign-in, nothing typed is lost
    "reverie.clinic.web.local_time.account_settings": "a time zone or a preference chosen from a list",
    "reverie.clinic.web.views.save_again": "a button: save a stored entry's words again",
    "reverie.clinic.web.views.share": "a button: share or stop sharing an entry",
    "reverie.clinic.web.views.trash": "a button",
    "reverie.clinic.web.views.empty_trash": "a confirmation",
    "reverie.clinic.web.views.restore": "a button",
    "reverie.clinic.web.views.purge": "a confirmation",
    "reverie.clinic.web.views.attachment_remove": "a button, then a confirmation",
    "reverie.clinic.web.views.export": "a choice of format: a download",
    "reverie.clinic.web.views.import_page": "a file chosen again from the device: no words typed",
    "reverie.clinic.web.views.revert_version": "a confirmation: the version it saves is stored already",
    "reverie.clinic.web.views.journal_list": (
        "a search (POST so its words stay out of addresses): nothing written is lost, and a therapist's search words"
        " must not travel as readable hidden fields of the sign-in page"
    ),
    "reverie.care.web.notice_views.erasure_notice_read": "a button",
    "reverie.care.web.course_views.course_end": "a date and a confirmation",
    "reverie.care.web.formulation_views.formulation_share": "a button",
    "reverie.care.web.formulation_views.ipaf_agree": "a button",
    # a file alone: it cannot travel through a sign-in page (drafts.FILE), and nothing is typed beside it
    "reverie.care.web.public_views.directory_import": "a CSV file",
}


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, Callable[..., Any]]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _methods(view: Callable[..., Any]) -> tuple[str, ...] | None:
    """The methods a ``require_http_methods`` layer of the view allows (Django keeps them in its wrapper's
    closure, ``request_method_list``); None when no layer limits them (every method, POST too)."""
    seen: set[int] = set()
    layer: Any = view
    while layer is not None and id(layer) not in seen:
        seen.add(id(layer))
        code = getattr(layer, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = layer.__closure__[code.co_freevars.index("request_method_list")]
            return tuple(cell.cell_contents)
        layer = getattr(layer, "__wrapped__", None)
    return None


def _name(view: Callable[..., Any]) -> str:
    return f"{view.__module__}.{view.__name__}"


def test_every_post_view_with_words_keeps_them_through_the_sign_in() -> None:
    web_routes = [
        (path, view) for path, view in _routes(get_resolver().url_patterns) if not path.startswith("api/")
    ]  # the API answers a signed-out call in JSON (401), its client keeps its own request
    posting = [(path, view) for path, view in web_routes if "POST" in (_methods(view) or ("POST",))]
    assert len(posting) > 20, (
        "the walk found too few POST views: the resolver or the methods' reading changed"
    )
    unwrapped = sorted(
        f"/{path} ({_name(view)})"
        for path, view in posting
        if not getattr(view, KEEPS_TEXT_ATTR, False) and _name(view) not in EXEMPT
    )
    assert not unwrapped, (
        "these views take a POST and drop it when it arrives signed out: wrap them in drafts.keeps_text, or name "
        f"them in EXEMPT with the reason they carry no one's words: {unwrapped}"
    )
    stale = sorted(set(EXEMPT) - {_name(view) for _, view in posting})
    assert not stale, f"EXEMPT names views that no longer take a POST: {stale}"
    for path, view in posting:  # an exempt view is one that takes no words: never wrapped and exempt at once
        assert not (getattr(view, KEEPS_TEXT_ATTR, False) and _name(view) in EXEMPT), path


# POST forms whose action is a variable: the page builds its own hidden fields (the writer's mark among them).
_ACTION_FROM_CONTEXT = {
    "reverie/draft_back.html": "the words shown back: its view adds the writer's mark of the draft's owner",
    "reverie/csrf_failed.html": "the refused form sent again: its view carries the fields as they came",
}
_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
_URL_NAME = re.compile(r"""action="\{% url '([\w:]+)'""")


def _named_views(patterns: list[Any], space: str = "") -> Iterator[tuple[str, Callable[..., Any]]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{space}{pattern.namespace}:" if pattern.namespace else space
            yield from _named_views(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield space + pattern.name, pattern.callback


def _templates() -> Iterator[tuple[str, str]]:
    for root in sorted(Path(reverie.__file__).parent.glob("*/templates")):
        for file in sorted(root.rglob("*.html")):
            yield file.relative_to(root).as_posix(), file.read_text(encoding="utf-8")


def _rendering(view: Callable[..., Any]) -> str:
    """The source of a view, every decorator layer peeled off: the templates it names are the pages it renders."""
    inner = inspect.unwrap(view)
    return inspect.getsource(inner) if inspect.isfunction(inner) else ""  # a partial, a class view: none here


def test_every_form_kept_through_the_sign_in_carries_its_writers_mark() -> None:
    """A kept form without the writer's mark (``reverie/_writer.html``) posts words that a sign-in as another
    account would take as its own (h92: the alert note, the directory profile, new course, the course record
    had none). Each POST form of every template is tied to the view it posts to: its ``{% url %}`` action, or,
    with none, every view whose source names the template; a form posting to a kept view must include the mark."""
    views = dict(_named_views(get_resolver().url_patterns))
    kept = {name: view for name, view in views.items() if getattr(view, KEEPS_TEXT_ATTR, False)}
    sources = {name: _rendering(view) for name, view in views.items()}
    unmarked: list[str] = []
    checked = 0
    for template, text in _templates():
        for form in _FORM.finditer(text):
            attrs, body = form.group(1), form.group(2)
            if 'method="post"' not in attrs.lower() or template in _ACTION_FROM_CONTEXT:
                continue
            named = _URL_NAME.search(attrs)
            if named:
                assert named.group(1) in views, f"{template}: a form posts to {named.group(1)}, no such view"
                targets = [named.group(1)]
            else:
                assert "action=" not in attrs, f"{template}: a form's action this check cannot read: {attrs}"
                targets = [name for name, source in sources.items() if f'"{template}"' in source]
            if any(name in kept for name in targets):
                checked += 1
                if '{% include "reverie/_writer.html" %}' not in body:
                    unmarked.append(f"{template} → {', '.join(t for t in targets if t in kept)}")
    assert checked > 15, "the walk found too few kept forms: the templates' reading changed"
    assert not unmarked, f"these kept forms lack the writer's mark (reverie/_writer.html): {sorted(unmarked)}"


_NAME = re.compile(r'\bname="([^"]+)"')
_DJANGO_FIELD = re.compile(r"\{\{\s*form\.(\w+)")
# sample arguments of a kept path, for a view whose labels are made from them (a questionnaire's questions)
_SAMPLE_KWARGS: dict[str, tuple[str, ...]] = {"questionnaire_id": ("phq9", "gad7")}


def _rendering_deep(view: Callable[..., Any]) -> str:
    """A view's source and that of its module's helpers it calls (``_plan_page``): the pages it renders."""
    inner = inspect.unwrap(view)
    if not inspect.isfunction(inner):
        return ""
    source = inspect.getsource(inner)
    helpers = inner.__globals__
    called = {name for name in re.findall(r"\b(_\w+)\(", source) if inspect.isfunction(helpers.get(name))}
    return source + "".join(inspect.getsource(helpers[name]) for name in sorted(called))


def _declared_labels(view: Callable[..., Any], path: str) -> list[dict[str, str]]:
    """The labels a kept view declares, for each sample of its path's arguments."""
    from reverie.clinic.web.drafts import LABELS_ATTR

    declared = getattr(view, LABELS_ATTR, None)
    if declared is None:
        return []
    if not callable(declared):
        return [dict(declared)]
    params = re.findall(r"<(?:\w+:)?(\w+)>", path)
    samples = [_SAMPLE_KWARGS.get(p, ("1",)) for p in params]
    out = []
    for values in __import__("itertools").product(*samples):
        out.append(dict(declared(**dict(zip(params, values, strict=True)))))
    return out


def test_every_field_of_every_kept_form_has_the_label_its_form_shows() -> None:
    """h99: "Save it now" (the words carried through a sign-in, shown back) named many fields by their raw names
    (``q9``, ``note_text``): its own map of labels lacked them. Each kept view now declares its fields' labels once
    (``keeps_text(labels=...)``), the words its form shows; this walk reads every POST form of every template that
    posts to a kept view and fails on a field with no label."""
    from reverie.clinic.web.drafts import HIDDEN

    routes = {_name(view): path for path, view in _routes(get_resolver().url_patterns)}
    views = dict(_named_views(get_resolver().url_patterns))
    kept = {name: view for name, view in views.items() if getattr(view, KEEPS_TEXT_ATTR, False)}
    sources = {name: _rendering_deep(view) for name, view in kept.items()}
    templates = dict(_templates())
    missing: list[str] = []
    undeclared = sorted(
        name for name, view in kept.items() if not _declared_labels(view, routes[_name(view)])
    )
    assert not undeclared, f"these kept views declare no labels (keeps_text(labels=...)): {undeclared}"
    checked = 0
    for template, text in templates.items():
        for form in _FORM.finditer(text):
            attrs, body = form.group(1), form.group(2)
            if 'method="post"' not in attrs.lower() or template in _ACTION_FROM_CONTEXT:
                continue
            named = _URL_NAME.search(attrs)
            # a form with no action posts back to the page's own address: a view that serves it (GET too)
            targets = (
                [named.group(1)]
                if named
                else [
                    n
                    for n, s in sources.items()
                    if f'"{template}"' in s and "GET" in (_methods(kept[n]) or ("GET",))
                ]
            )
            for target in (t for t in targets if t in kept):
                names = set(_NAME.findall(body)) | set(_DJANGO_FIELD.findall(body))
                for labels in _declared_labels(kept[target], routes[_name(kept[target])]):
                    for field in sorted(names):
                        if "{{" in field and HIDDEN.match(field.split("{{")[0] + "a"):
                            continue  # carried as it was, not shown (a feeling's tick box, its intensity)
                        if (
                            "{{" in field
                        ):  # a name the page makes (a question, a day's time): some label fits it
                            pattern = (
                                re.escape(field.split("{{")[0]) + r".+" + re.escape(field.split("}}")[-1])
                            )
                            ok = any(re.fullmatch(pattern, key) for key in labels)
                        elif HIDDEN.match(field) or field == "csrfmiddlewaretoken":
                            continue
                        else:
                            label = labels.get(field, "")
                            ok = bool(label.strip()) and label != field
                        checked += 1
                        if not ok:
                            missing.append(f"{template} → {target}: {field}")
    assert checked > 40, "the walk found too few kept fields: the templates' reading changed"
    assert not missing, (
        f"these kept fields have no label (or one their page does not show): {sorted(set(missing))}"
    )
