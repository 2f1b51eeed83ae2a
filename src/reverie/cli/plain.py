"""Plain words for what the command line itself says: placeholders in ``--help`` and its usage errors.

Typer (0.29, pinned) shows each value by its Python type: ``-u, --user <str>``, ``ENTRY <int>``, ``<path>``, and
refuses a bad number with "Input should be a valid integer, unable to parse string as an integer". This module is
the one place that says instead what a value looks like, for every command at once:

* an option's placeholder is its own ``metavar`` when it has one, else the one its name says (``PLACEHOLDERS``:
  ``--user NAME``, ``--kind KIND``), else the one its type says (``NUMBER``, ``FILE``, ``TEXT``);
* an argument is shown by its name in capitals, as Click does (``reverie journal show ENTRY_ID``), with no type;
* a value that should be a whole number and is not, or a negative number where ids and counts start at 1, is an
  :class:`~reverie.errors.InvalidInput` in the project's words (``error: … [E100]``, exit 2), never Typer's.

Nothing here imports Django or Rich: ``reverie --help`` stays light (``tests/test_cli_startup.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer import core

from reverie.errors import InvalidInput

# By the parameter's name (its Python name), before its type: what a person types there.
PLACEHOLDERS = {
    "user": "NAME",
    "username": "NAME",
    "client": "NAME",
    "kind": "KIND",
    "happened_at": "DATE",
    "start": "DATE",
    "fmt": "FORMAT",
    "tz": "ZONE",
    "zone": "ZONE",
    "answer": "ANSWER",
    "answers": "ANSWERS",
    "feeling": "FEELING",
    "person": "NAME",
    "tag": "TAG",
    "title": "TITLE",
    "host": "ADDRESS",
    "processes": "NUMBER",
    "only": "NAMES",
    "role": "ROLE",
    "programme": "PROGRAMME",
    "schedule": "SCHEDULE",
    "rrule": "RULE",
    "confirm": "NAME",
}
_BY_TYPE: dict[Any, str] = {int: "NUMBER", float: "NUMBER", Path: "FILE", str: "TEXT"}
# Commands that read an entry's text from the editor, a file or a pipe: words typed after them are likely that
# text, so a usage error never repeats them.
TAKES_ENTRY_TEXT = frozenset({"reverie journal write"})
MAX_ID = 2**63 - 1  # the largest id a database stores; a bigger number names nothing


def placeholder(param: Any) -> str:
    """The placeholder ``param`` is shown with in help: its metavar, its name's (text only), or its type's."""
    if param.metavar:
        return str(param.metavar)
    annotation = param.type_descriptor.annotation
    element = getattr(annotation, "__args__", (annotation,))[0]  # list[Path] -> Path
    if element is str and param.name in PLACEHOLDERS:
        return PLACEHOLDERS[str(param.name)]
    return _BY_TYPE.get(element, "TEXT")


def _option_type(self: Any, ctx: Any) -> str | None:
    return None if self.is_flag or self.count else placeholder(self)  # a flag takes no value


def _argument_type(self: Any, ctx: Any) -> str | None:
    return None  # an argument's name (in capitals) already says what goes there


def _argument_name(self: Any) -> str:
    return str(self.metavar or (self.name or "").upper())


def _argument_usage(self: Any) -> str:
    name = str(self.display_name_raw)
    if not self.required:
        name = f"[{name}]"
    return f"{name}..." if self.nargs != 1 else name


def install() -> None:
    """Put the plain placeholders in place of Typer's type names (once; the main module calls it on import)."""
    setattr(core.TyperOption, "display_type", _option_type)  # noqa: B010 - replaces a method of a pinned library
    setattr(core.TyperArgument, "display_type_rich", _argument_type)  # noqa: B010
    setattr(core.TyperArgument, "display_name_raw", property(_argument_name))  # noqa: B010
    setattr(core.TyperArgument, "_usage_display_name", _argument_usage)  # noqa: B010


def lazy_help(build: Callable[[], str]) -> type[core.TyperCommand]:
    """A command class whose help is ``build()``, made only when it is shown (``reverie fit --help``), so a help
    built from a module's own texts costs nothing to every other command. Give the command a ``short_help`` too:
    the list of commands then does not build it either."""

    class LazyHelpCommand(core.TyperCommand):
        @property
        def help(self) -> str:
            return build()

        @help.setter
        def help(self, value: str | None) -> None:
            pass  # the help is build()'s

    return LazyHelpCommand


def check_id(value: int | None) -> int | None:
    """Callback of id parameters: an id is a whole number from 1 to :data:`MAX_ID` (a bigger one names nothing)."""
    if value is not None and not 1 <= value <= MAX_ID:
        raise InvalidInput("An id is a whole number from 1 up, as the list commands show it.")
    return value


_NEGATIVE = re.compile(r"-\d+(\.\d*)?")


def _what(param: Any) -> str:
    if getattr(param, "param_type_name", "") == "option" and param.opts:
        return str(max(param.opts, key=len))
    return str(param.name or "the value").replace("_", " ")


def _is(exc: Exception, name: str) -> bool:
    # Typer raises its own copy of Click's exceptions: they are recognised by name, as either library's.
    return name in {cls.__name__ for cls in type(exc).__mro__}


def usage_error(exc: Exception) -> InvalidInput | None:
    """The project's own message for a usage error: a number typed wrong, a missing argument, an unknown option, an
    extra word; ``None`` for what is not a usage error (Click shows it)."""
    option = getattr(exc, "option_name", None)
    if _is(exc, "NoSuchOption") and isinstance(option, str) and _NEGATIVE.fullmatch(option):
        return InvalidInput(f"{option} is not accepted: ids and counts are whole numbers from 1 up.")
    exc_param = getattr(exc, "param", None)
    if _is(exc, "BadParameter") and not _is(exc, "MissingParameter") and exc_param is not None:
        descriptor = getattr(exc_param, "type_descriptor", None)
        annotation = getattr(descriptor, "annotation", None)
        what = _what(exc_param)
        if getattr(exc_param, "param_type_name", "") != "option":
            what = f"The {what}"
        if annotation is int:
            return InvalidInput(f"{what} takes a whole number, like 12 (digits only).")
        if annotation is float:
            return InvalidInput(f"{what} takes a number, like 2.5.")
    return _usage_in_words(exc)


def _command(exc: Exception) -> str:
    ctx = getattr(exc, "ctx", None)
    return str(getattr(ctx, "command_path", "") or "")


def _needs(param: Any) -> str:
    """What a missing parameter is, as its help says it ("TOKEN_ID (the token's number, as token list shows it)")."""
    if getattr(param, "param_type_name", "") == "option" and param.opts:
        name = str(max(param.opts, key=len))
    else:
        name = str(param.name or "a value").upper()
    said = str(getattr(param, "help", "") or "").strip().rstrip(".")
    return f"{name} ({said[:1].lower()}{said[1:]})" if said else name


def _usage_in_words(exc: Exception) -> InvalidInput | None:
    """Click's other usage errors ("Missing argument 'TOKEN_ID'.", "No such option: --x", "Got unexpected extra
    argument(s)") in the project's words, with where to read more; ``None`` for what is not a usage error (the
    help shown for a bare group stays as it is)."""
    if not _is(exc, "UsageError") or _is(exc, "NoArgsIsHelpError"):
        return None
    command = _command(exc) or "The command"
    see = f" See: {command} --help." if _command(exc) else " The command's --help says what it takes."
    message = str(getattr(exc, "message", "") or "")
    param = getattr(exc, "param", None)
    if _is(exc, "MissingParameter") and param is not None:
        return InvalidInput(f"{command} needs {_needs(param)}.{see}")
    if _is(exc, "NoSuchOption"):
        option = str(getattr(exc, "option_name", "") or "")
        close = sorted(getattr(exc, "possibilities", None) or ())
        hint = f" Did you mean {' or '.join(close)}?" if close else ""
        return InvalidInput(f"{command} has no option {option}.{hint}{see}")
    if message.startswith("Got unexpected extra argument"):
        if command in TAKES_ENTRY_TEXT:
            return InvalidInput(
                f"{command} does not take the entry's text as words on the command line, so those words were"
                " not saved or kept (and are not repeated here). Give the text in your editor (run the command"
                " alone), from a file (--file FILE) or piped in (… | reverie journal write)."
                f"{see}"
            )
        extra = message.partition("(s) (")[2].rpartition(")")[0]
        return InvalidInput(
            f'{command} did not expect “{extra}”. Text with spaces goes in quotes ("like this"); '
            f"each option's value goes right after it.{see}"
        )
    option = str(getattr(exc, "option_name", "") or "")
    if _is(exc, "BadOptionUsage") and message.endswith(("requires an argument.", "arguments.")):
        return InvalidInput(f"{option} needs a value right after it.{see}")
    if message.startswith("No such command"):
        name = message.partition("'")[2].rpartition("'")[0]
        return InvalidInput(f"{command} has no command “{name}”.{see}")
    return InvalidInput(f"{message.rstrip('.')}.{see}")  # any other usage error: Click's words, our form
