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
