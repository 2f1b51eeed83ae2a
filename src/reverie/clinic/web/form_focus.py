"""Keyboard focus after a refused form: it starts on the first box the refusal names, never at the page top.

Every Django form renders its fields through :class:`RefusalFocus` (the project's form renderer,
``FORM_RENDERER``): on a form with field errors, the first visible field holding one carries ``autofocus`` and every
other field's ``autofocus`` is dropped (one per page). The care pages' hand-written boxes do the same through
``reverie/_invalid.html``; the summary on top links to the box (``reverie/_form_errors.html``,
``reverie/_error.html``).

Except on a page that carries crisis content above its form (review r90): a PHQ-9 refused after question 9 was
answered above 0 (its words and the crisis lines, ``care/measure_fill.html``), the check-in banner (``base.html``),
the crisis lines or the safety plan anywhere. There the refused box takes no focus, so the page opens at its top,
on the help, and a screen reader starts there; the summary, after the crisis content, still links to the box. One
decision, :func:`refused_box_takes_focus`, read by the renderer below and by ``reverie/_invalid.html`` (the
``refused_focus`` tag); the crisis content marks the page as it is rendered (the ``crisis_first`` tag,
:func:`crisis_on_page`), before the form below it. The mark lasts one request (:class:`PageFocusMiddleware`)."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.http import HttpRequest, HttpResponse

_crisis: ContextVar[bool] = ContextVar("reverie_crisis_on_page", default=False)


def crisis_on_page() -> None:
    """This page carries crisis content, rendered now, above whatever form comes after it."""
    _crisis.set(True)


def refused_box_takes_focus() -> bool:
    """Whether a refused form's first box takes focus (``autofocus``): not on a page carrying crisis content,
    which must stay in view and first in reading order (r90)."""
    return not _crisis.get()


class PageFocusMiddleware:
    """The crisis mark of :func:`crisis_on_page` lasts one request: cleared before, put back after."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _crisis.set(False)
        try:
            return self.get_response(request)
        finally:
            _crisis.reset(token)


def first_refused(form: Any) -> str | None:
    """The name of the form's first visible field with an error, in the form's order; None when there is none."""
    errors = form.errors  # an unbound form: empty, nothing cleaned
    for name, field in form.fields.items():
        if errors.get(name) and not field.widget.is_hidden:
            return str(name)
    return None


class RefusalFocus(BoundField):
    def build_widget_attrs(self, attrs: Any, widget: Any = None) -> Any:
        built = super().build_widget_attrs(attrs, widget)
        refused = first_refused(self.form)
        if refused is not None:
            built["autofocus"] = self.name == refused and refused_box_takes_focus()
        return built


class Renderer(DjangoTemplates):
    """Django's own renderer, its fields bound as :class:`RefusalFocus`."""

    bound_field_class = RefusalFocus
