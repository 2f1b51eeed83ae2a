"""Keyboard focus after a refused form: it starts on the first box the refusal names, never at the page top.

Every Django form renders its fields through :class:`RefusalFocus` (the project's form renderer,
``FORM_RENDERER``): on a form with field errors, the first visible field holding one carries ``autofocus`` and every
other field's ``autofocus`` is dropped (one per page). The care pages' hand-written boxes do the same through
``reverie/_invalid.html``; the summary on top links to the box (``reverie/_form_errors.html``,
``reverie/_error.html``)."""

from __future__ import annotations

from typing import Any

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates


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
            built["autofocus"] = self.name == refused
        return built


class Renderer(DjangoTemplates):
    """Django's own renderer, its fields bound as :class:`RefusalFocus`."""

    bound_field_class = RefusalFocus
