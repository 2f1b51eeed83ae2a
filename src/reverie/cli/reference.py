"""The command-line reference, generated from the commands themselves (``docs/cli.md`` is checked against it)."""

from __future__ import annotations

from typing import Any

import typer

# Typer may bring its own click, so commands are recognised by shape, not by class.


def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    out = [(path, command)]
    for name in sorted(getattr(command, "commands", {}) or {}):
        out.extend(_walk(command.commands[name], [*path, name]))
    return out


def _options(command: Any) -> list[str]:
    rows = []
    for param in command.params:
        if getattr(param, "param_type_name", "") == "option":
            names = ", ".join(f"`{o}`" for o in param.opts)
            rows.append(f"- {names}: {getattr(param, 'help', '') or ''}".rstrip())
        else:
            said = getattr(param, "help", "") or ""
            rows.append(f"- argument `{(param.name or '').upper()}`: {said}".rstrip(": "))
    return rows


def markdown(app: typer.Typer) -> str:
    root = typer.main.get_command(app)
    lines = [
        "# `reverie` command reference",
        "",
        "Generated from the code by `reverie.cli.reference`; a test keeps it current.",
        "",
    ]
    for path, command in _walk(root, ["reverie"])[1:]:
        if getattr(command, "commands", None):
            lines += [f"## `{' '.join(path)}`", "", (command.help or "").strip(), ""]
            continue
        lines += [f"### `{' '.join(path)}`", "", (command.help or "").strip().split("\n\n")[0], ""]
        options = _options(command)
        if options:
            lines += [*options, ""]
    lines += _for_developers()
    return "\n".join(lines).rstrip() + "\n"


def _for_developers() -> list[str]:
    """The formats behind the plain words of the help, for whoever writes a program that reads them."""
    from reverie.journal.interchange import SCHEMA

    return [
        "## For developers",
        "",
        f"- `reverie journal export --format json` writes `{SCHEMA}` (JSON Schema:"
        f" `docs/export-schema-v{SCHEMA.rpartition('/')[2]}.json`);"
        " `reverie journal import` reads it and the older versions.",
        "- `reverie journal check-in --answer` takes the codes `safe`, `need_help` and `misunderstood` as well as"
        " the buttons' words.",
        "- `reverie fit --answers` takes the web form's codes too (`not_sure`, `open_ended`, `no_preference`).",
        "- Every usage error is `error: … [E100]` on stderr with exit status 2.",
        "",
        *_exit_statuses(),
    ]


def _exit_statuses() -> list[str]:
    """Each exit status a command can end with, read from the one error family (``reverie.errors``) and the
    single exit point (``reverie.cli.main``), so the list cannot drift from what the commands do."""
    import re

    from reverie.cli.main import STOPPED, UNEXPECTED
    from reverie.errors import ReverieError

    def family(cls: type[ReverieError]) -> list[type[ReverieError]]:
        return [cls, *(c for sub in cls.__subclasses__() for c in family(sub))]

    said = {0: "done."}
    for cls in family(ReverieError):
        if "exit_code" in cls.__dict__ and cls is not ReverieError:
            doc = " ".join((cls.__doc__ or cls.__name__).split()).replace("``", "`")
            first = re.split(r"\.(?:\s|$)", doc, maxsplit=1)[0]  # its first sentence, to its first clause
            head, colon, tail = first.partition(": ")
            first = head + (colon + re.split(r",| \(", tail, maxsplit=1)[0] if colon else "")
            said[cls.exit_code] = f"{first[0].lower()}{first[1:]} (`{cls.code}`)."
    said[ReverieError.exit_code] = (
        "any other error Reverie reports, or a result that is not whole (an export or import that left entries"
        " out, named on stderr)."
    )
    said[UNEXPECTED] = (
        "a fault in Reverie itself: `error: unexpected … (incident …)`; run again with `--debug`."
    )
    said[STOPPED] = "stopped with Ctrl-C (`Stopped.`)."
    return ["### Exit statuses", "", *(f"- {code}: {said[code]}" for code in sorted(said)), ""]


if __name__ == "__main__":
    from reverie.cli.main import app

    print(markdown(app), end="")
