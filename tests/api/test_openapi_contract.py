"""Review r36: the OpenAPI document says what the API answers, as docs/api.md does (export headers and words, 500/503)."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client


def _schema() -> dict[str, Any]:
    return json.loads(Client().get("/api/v1/openapi.json").content)


def _resolved(node: Any, schema: dict[str, Any]) -> Any:
    """``node`` with every ``$ref`` to the document's components replaced by what it names."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].removeprefix("#/components/schemas/")
            return _resolved(schema["components"]["schemas"][name], schema)
        return {key: _resolved(value, schema) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolved(value, schema) for value in node]
    return node


def test_openapi_export_documents_its_count_headers() -> None:
    """The export's 200 in the OpenAPI document names the Reverie-Left-Out and Reverie-Dates-Moved headers it sends."""
    ok = _schema()["paths"]["/api/v1/export"]["get"]["responses"]["200"]
    assert {"Reverie-Left-Out", "Reverie-Dates-Moved"} <= set(ok.get("headers", {}))
    for header in ("Reverie-Left-Out", "Reverie-Dates-Moved"):
        assert ok["headers"][header]["schema"]["type"] == "integer" and ok["headers"][header]["description"]


def test_openapi_export_documents_the_dates_moved_fields() -> None:
    """The OpenAPI document describes ?format=left_out's answer, dates_moved and dates_moved_message included."""
    schema = _schema()
    operation = json.dumps(_resolved(schema["paths"]["/api/v1/export"]["get"], schema))
    assert "dates_moved_message" in operation
    answer = schema["components"]["schemas"]["ExportLeftOut"]
    assert set(answer["properties"]) == {"left_out", "message", "dates_moved", "dates_moved_message"}
    assert set(answer["required"]) == {"left_out", "message"}  # the dates_moved pair only when there are some


def test_openapi_lists_the_500_and_503_answers_docs_api_md_lists() -> None:
    """Every operation answering in the error shape documents 500 (E999/E500/E600) and 503 (E510/E700) as docs/api.md does."""
    missing = [
        f"{method.upper()} {path} {status}"
        for path, operations in _schema()["paths"].items()
        for method, op in operations.items()
        if "401" in op["responses"]
        for status in ("500", "503")
        if status not in op["responses"]
    ]
    assert missing == []


def test_openapi_findings_documents_the_never_show_status_and_its_message() -> None:
    """GET /entries/{id}/findings: the OpenAPI document names ``hidden_by_your_choice`` (the client chose "never show"
    in Settings) beside ready and pending, and the ``message`` that says where to change it."""
    schema = _schema()
    ok = _resolved(schema["paths"]["/api/v1/entries/{entry_id}/findings"]["get"]["responses"]["200"], schema)
    answer = ok["content"]["application/json"]["schema"]
    assert set(answer["properties"]["status"]["enum"]) == {"ready", "pending", "hidden_by_your_choice"}
    assert "Settings" in answer["properties"]["status"]["description"]
    assert "Settings" in answer["properties"]["message"]["description"]
    assert "hidden_by_your_choice" in answer["description"] and "never show" in answer["description"]


def _probe_path(path: str) -> str:
    """A path of the document with each parameter filled (an id no row has: the body is read before the view)."""
    import re

    return re.sub(r"\{[^}]+\}", "1", path)


def test_openapi_lists_the_refusals_each_route_really_answers(make_user: Any, settings: Any) -> None:
    """h63: every operation documents each refusal of what was sent that it really answers: 415 (a body under
    another Content-Type), 400 (a body that is not JSON), 422 (JSON that does not match), 413 (too large). Asked
    of the running API, route by route, not of the code that writes the document."""
    from api_client import as_token

    api = as_token(make_user(role="client"))
    sent = {
        "415": ('{"body": "x"}', "text/plain"),
        "400": ("{", "application/json"),
        "422": ("[1]", "application/json"),
        "413": ("x" * 2048, "application/json"),
    }
    missing: list[str] = []
    for path, operations in _schema()["paths"].items():
        for method, documented in operations.items():
            if method not in {"post", "put", "patch", "delete"}:
                continue
            for status, (body, content_type) in sent.items():
                settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 if status == "413" else 10_000_000
                call = getattr(api.client, method)
                answered = call(_probe_path(path), body, content_type=content_type).status_code
                if str(answered) == status and status not in documented["responses"]:
                    missing.append(f"{method.upper()} {path} {status}")
    assert missing == []
