"""The API: version 1 under /api/v1/, its OpenAPI schema at /api/v1/openapi.json.

Every operation needs a signed-in person (token or session) unless it says ``auth=None``; the only public ones are
the crisis lines and the schema. Unknown paths and wrong methods answer in the same error shape as everything else.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http.response import HttpResponseBase
from django.urls import URLPattern, URLResolver, path, re_path
from ninja import NinjaAPI
from ninja.openapi.schema import REF_TEMPLATE, OpenAPISchema

from reverie.api import handlers, spec
from reverie.api.auth import SIGNED_IN
from reverie.api.routes import (
    account,
    attachments,
    check_in,
    course,
    entries,
    pairs,
    portability,
    safety,
    trash,
)

PREFIX = "/v1/"
DESCRIPTION = (
    "Reverie's journal, pair, portability and course-of-therapy services over HTTP. Authenticate with a personal access token "
    "(`Authorization: Bearer rv_…`) or the web session cookie plus the `X-CSRFToken` header. Every error is "
    '`{"error": {"code": "E404", "message": "..."}}`.'
)

View = Callable[..., HttpResponseBase]


def unknown_route(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return handlers.error_response(404, "E404", "No such API route. See /api/v1/openapi.json.")


unknown_route.csrf_exempt = True  # type: ignore[attr-defined]


def _in_error_shape(view: View) -> View:
    """Answer a wrong method in the error shape, and never let a response be cached."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = ", ".join(sorted(m.strip() for m in response["Allow"].split(",")))
            response = handlers.error_response(405, "E405", f"This route answers only {allowed}.")
            response["Allow"] = allowed
        response.setdefault("Cache-Control", "no-store")
        return response

    return wrapped


class ReverieAPI(NinjaAPI):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._schemas: dict[str, OpenAPISchema] = {}

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """Built once per prefix (building it takes a noticeable fraction of a second); it never changes."""
        key = path_prefix if path_prefix is not None else self.get_root_path(path_params or {})
        if key not in self._schemas:
            schema = super().get_openapi_schema(path_prefix=key)
            named = schema["components"].setdefault("schemas", {})
            for name, model in spec.COMPONENTS.items():  # answers referenced in an operation's openapi_extra
                named[name] = model.model_json_schema(ref_template=REF_TEMPLATE, mode="serialization")
            self._list_unsupported_media(schema)
            self._schemas[key] = schema
        return self._schemas[key]

    def _list_unsupported_media(self, schema: OpenAPISchema) -> None:
        """Every operation with a JSON body answers 415 to another Content-Type (:func:`handlers.reads_json_body`,
        the parser's own rule): its document says so, in the error shape of its other errors."""
        json_bodies = {
            operation.operation_id or self.get_openapi_operation_id(operation)
            for router in self._get_bound_routers()
            for path_view in router.path_operations.values()
            for operation in path_view.operations
            if handlers.reads_json_body(operation)
        }
        for operations in schema["paths"].values():
            for documented in operations.values():
                answers = documented.get("responses", {})
                if documented.get("operationId") in json_bodies and "415" not in answers:
                    answers["415"] = {
                        "description": "Unsupported Media Type",
                        "content": {
                            "application/json": {"schema": {"$ref": REF_TEMPLATE.format(model="ErrorOut")}}
                        },
                    }

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        out: list[URLResolver | URLPattern] = []
        for pattern in super()._get_urls():
            if isinstance(pattern, URLPattern) and pattern.name == "api-root":
                pattern = path("", unknown_route, name="api-root")
            elif isinstance(pattern, URLPattern):
                pattern = URLPattern(
                    pattern.pattern, _in_error_shape(pattern.callback), pattern.default_args, pattern.name
                )
            out.append(pattern)
        out.append(re_path(r"^.+$", unknown_route, name="api-unknown"))
        return out


api = ReverieAPI(
    title="Reverie API",
    version="1",
    description=DESCRIPTION,
    openapi_url=f"{PREFIX}openapi.json",
    docs_url=None,  # the interactive page loads scripts from a CDN; Reverie never does
    auth=SIGNED_IN,
    urls_namespace="api",
    parser=handlers.JsonOnly(),  # a JSON body only under Content-Type: application/json (else 415)
)
handlers.install(api)
for module in (entries, attachments, trash, portability, pairs, safety, check_in, account, course):
    api.add_router(PREFIX, module.router)
