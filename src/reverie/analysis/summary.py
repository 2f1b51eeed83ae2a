"""Plain-language lines for findings, shared by the command line and the web pages. Descriptive, never diagnostic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reverie.analysis import dmrs
from reverie.analysis.dreams.codes import EMOTION_NAMES, setting_words

KIND_TITLES = {
    "emotion": "Feelings the words suggest",
    "ambivalence": "Mixed feelings",
    "unexplained_feeling": "Feelings that don't make sense yet",
    "person": "Who it is about",
    "time": "When",
    "episode": "Relationship episodes (wish, response of the other, response of self)",
    "defense": "Ways of handling distress",
    "odf": "Overall defensive functioning",
    "risk": "Safety",
    "dream_code": "Dream content (Hall–Van de Castle)",
}


# Every code in words from the one table of its module: HVdC emotions and settings (``analysis.dreams.codes``),
# DMRS levels and defenses (``analysis.dmrs``).
HVDC_EMOTIONS = EMOTION_NAMES


def _who(codes: Sequence[str]) -> str:
    return ", ".join("you" if c == "D" else c for c in codes) or "someone"


def describe_dream_code(data: Mapping[str, Any]) -> str:
    """A Hall–Van de Castle code in words, with the code itself for those who know the system."""
    category = data.get("category")
    code = str(data.get("code", ""))
    if category == "character":
        return f"character: {data.get('label') or 'someone'} ({code})"
    if category == "interaction":
        return (
            f"{data.get('kind', 'interaction')} (level {data.get('level', '?')}) "
            f"from {_who(data.get('initiators', []))} to {_who(data.get('recipients', []))}"
        )
    if category == "emotion":
        return f"{HVDC_EMOTIONS.get(code, code)}, felt by {_who(data.get('characters', []))}"
    if category == "setting" and code:
        return f"setting: {setting_words(code)}"
    return f"{category}: {code}".strip(": ").replace("_", " ")


def dream_element_words(label: str) -> str:
    """A coded dream element's label ("setting:IQ", "emotion:AP") in words ("setting: indoors, questionable"), from
    the same tables as the details (``describe_dream_code``); a label with no table is said without underscores."""
    category, _, code = label.partition(":")
    if category in ("setting", "emotion") and code:
        return describe_dream_code({"category": category, "code": code}).split(", felt by")[0]
    if category == "misfortune" and code:
        return f"misfortune (level {code})"
    return label.replace("_", " ").replace(":", " ")


def level_words(level: int) -> str:
    """A DMRS level with its name ("level 5 (Neurotic)") from ``dmrs.LEVELS``; never a bare number."""
    known = dmrs.LEVELS.get(level)
    return f"level {level} ({known.name})" if known else f"level {level}"


def defense_name(key: object) -> str:
    """A DMRS defense by its name in ``dmrs.DEFENSES`` ("reaction_formation" -> "Reaction formation")."""
    try:
        return dmrs.defense(str(key)).name
    except KeyError:
        return str(key).replace("_", " ")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    confidence: float
    evidence: str


def describe(finding: Mapping[str, Any]) -> str:
    """One plain line per finding, with its most telling details."""
    data = finding.get("data", {}) or {}
    label = str(finding["label"])
    kind = finding["kind"]
    if kind == "episode":
        parts = [f"with {data.get('other', label)}"]
        for key, name in (("w", "wish"), ("ro", "other"), ("rs", "self")):
            code = data.get(key)
            if code:
                parts.append(f"{name}: {code.get('label', code.get('cluster'))}")
        return "; ".join(parts)
    if kind == "ambivalence":
        positive, negative = ", ".join(data.get("positive", [])), ", ".join(data.get("negative", []))
        return f"toward {label}: {positive} and {negative}"
    if kind == "defense" and data.get("defense"):
        return f"{label} ({defense_name(data['defense'])})"
    if kind == "dream_code":
        return describe_dream_code(data)
    if kind == "odf":
        # too few sentences with a defense to measure (defenses.MIN_CODED_FOR_ODF): said in words, not as the code
        if data.get("odf") is None:
            return "not measured: too few sentences with a defense"
        return f"{float(data['odf']):.1f} on the 1–7 scale"
    return label.replace("_", " ")


QUOTE_CHARS = 110
TIME_WORDS = {
    "past_childhood": "childhood",
    "past": "the past",
    "present": "the present",
    "future": "the future",
}


def quote(text: str, start: int, end: int, limit: int = QUOTE_CHARS) -> str:
    """``text[start:end]`` widened to whole words, at most ``limit`` characters, cut only between words."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    piece = " ".join(text[start:end].split())
    if len(piece) <= limit:
        return piece
    cut = piece.rfind(" ", 0, limit)
    return piece[: cut if cut > 0 else limit].rstrip(" ,;:") + " …"


def _evidence(text: str, spans: Sequence[Sequence[int]]) -> str:
    quotes = [quote(text, int(s), int(e), 90) for s, e in spans[:2]]
    return " … ".join(dict.fromkeys(q for q in quotes if q))


def _merged(text: str, kind: str, findings: list[Mapping[str, Any]]) -> list[Line]:
    """People and time frames: one line per role or frame with how often, not one per pronoun or sentence."""
    by_label: dict[str, list[Mapping[str, Any]]] = {}
    for f in findings:
        by_label.setdefault(str(f["label"]), []).append(f)
    unit = "mention" if kind == "person" else "sentence"
    lines = []
    for label, rows in sorted(by_label.items(), key=lambda kv: -len(kv[1])):
        firsts = [(int(f["spans"][0][0]), int(f["spans"][0][1])) for f in rows if f["spans"]]
        mentions = list(dict.fromkeys(quote(text, start, end, 40) for start, end in firsts))
        name = TIME_WORDS.get(label, label.replace("_", " ")) if kind == "time" else label
        count = f"{len(rows)} {unit}{'s' if len(rows) != 1 else ''}"
        lines.append(
            Line(f"{name} ({count})", max(float(f["confidence"]) for f in rows), " / ".join(mentions[:3]))
        )
    return lines


def summarise(text: str, result: Mapping[str, Any], *, per_kind: int = 12) -> dict[str, list[Line]]:
    """Findings grouped by kind (in a fixed, readable order), each with its evidence quoted from ``text``."""
    grouped: dict[str, list[Line]] = {}
    merged: dict[str, list[Mapping[str, Any]]] = {}
    for finding in result.get("findings", []):
        kind = finding["kind"]
        if kind == "emotion" and (finding.get("data") or {}).get("scope") == "sentence":
            continue
        if kind == "person" and finding["label"] == "self":
            continue
        if kind == "dream_code" and (finding.get("data") or {}).get("category") == "coding":
            continue
        if kind in ("person", "time"):
            merged.setdefault(kind, []).append(finding)
            continue
        lines = grouped.setdefault(kind, [])
        if len(lines) < per_kind:
            lines.append(
                Line(describe(finding), float(finding["confidence"]), _evidence(text, finding["spans"]))
            )
    for kind, rows in merged.items():
        grouped[kind] = _merged(text, kind, rows)[:per_kind]
    order = list(KIND_TITLES)
    return {
        k: grouped[k] for k in sorted(grouped, key=lambda k: order.index(k) if k in order else len(order))
    }
