"""``reverie journal …``: write, list, show, search, export and import one's own journal."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Annotated, Any

import typer

from reverie.cli import editing
from reverie.errors import (
    AccountErased,
    AlreadySaved,
    ConfigurationError,
    DeletedForGood,
    InvalidInput,
    ReverieError,
    StorageRefused,
    disk_full,
    is_disk_full,
)
from reverie.journal.kinds import FIELD_WORDS, field_words, file_word, kind_from, kinds_in_words
from reverie.text import NOT_UTF8, decoded, decoded_western, file_size_words, read_typed

app = typer.Typer(help="Write and read your journal.", no_args_is_help=True)

UserOpt = Annotated[str | None, typer.Option("--user", "-u", help="Your user name (or REVERIE_USER).")]


def _decode(raw: bytes) -> str:
    try:
        return decoded(raw)
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"The text is not valid UTF-8 (bad byte at position {exc.start}). Nothing was saved."
        ) from None


def _read_text(file: Path | None) -> str:
    """The text of a file the person named, or what is piped in (``--file -`` or no terminal)."""
    if file is not None and str(file) != "-":
        from reverie.cli.paths import read_named

        return _decode(read_named(file))
    return _decode(sys.stdin.buffer.read())


# The editor's session (its plain file, its lock, the hang-up and kill signals ignored) from the editor's end until
# what was typed is sealed: `write` lets go of it once a recovery copy exists, `_kept_after` once it has kept the text
# (or found it cannot), and a process that stops on an error in between lets go of it on its way out.
_EDITOR = contextlib.ExitStack()
atexit.register(_EDITOR.close)


def _leave() -> None:
    """What was typed is not sealed: the editor's file stays for the next command's sweep, and the session ends."""
    editing.leave_behind()
    _EDITOR.close()


def _from_editor(folder: Path, options: bytes = b"") -> tuple[str, ReverieError | None, bytes | None]:
    """What the person typed in their editor ($VISUAL, $EDITOR, else nano), and the editor's trouble if it could not
    be started or stopped with an error (then the text is what it had written, perhaps nothing). The file being
    edited is in ``folder`` (the person's own, in the data folder: never the system's shared temporary folder),
    readable by them alone, and removed once the text is sealed or saved (``_EDITOR``); when it could not be sealed (a full disk, an interruption) it stays for the next command's sweep
    (:func:`_leave`). UTF-16 (Windows' "Unicode") is read where it is unambiguous. A text in another encoding (an
    editor set to Windows-1251 or Latin-1) is never deleted and never read as a guess: its bytes are returned (the
    third value) with an :class:`InvalidInput` as its trouble, so they are kept as a recovery copy the person reads
    with `journal recover --show` and saves with the encoding they choose (h103)."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "nano"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    _EDITOR.close()  # an earlier session of this process (its text already sealed or refused)
    # mode 0600; a sweep leaves it alone; the entry's options beside it, for a sweep (review r135 fault 3)
    name = str(_EDITOR.enter_context(editing.session(folder, options)))
    trouble: ReverieError | None = None
    try:
        try:
            with editing.closing_raises():  # a hang-up or a kill still reaches the sealing
                subprocess.run([*shlex.split(editor), name], check=True)  # noqa: S603
        except editing.TerminalClosed as exc:
            trouble = ReverieError(f"{exc} while the editor was open, so nothing was saved.")
        except subprocess.CalledProcessError as exc:
            trouble = ReverieError(
                f"The editor '{editor}' stopped with an error (exit status {exc.returncode}), so nothing was saved."
            )
        except (OSError, ValueError):  # no such program, not runnable, unbalanced quotes in the setting
            trouble = ConfigurationError(
                f"The editor '{editor}' could not be started; set EDITOR to an editor you have, or pipe the text"
                " in (… | reverie journal write)."
            )
        raw = Path(name).read_bytes()
        body = read_typed(raw)
        if body is not None:
            return body, trouble, None
        # never deleted, never guessed: kept as its bytes for the person to choose how they read
        said = "The text is not valid UTF-8, so it was not saved."
        what = InvalidInput(said) if trouble is None else type(trouble)(f"{trouble.message} {said}")
        return "", what, raw
    except BaseException:  # not sealed: the file stays (0600) for the next command's sweep to seal
        _leave()
        raise


# What became of text typed in the editor when no recovery copy could be written: its file stays for the next sweep.
_STAYS = (
    "What you typed stays in the editor's file (readable only by you), which the next reverie command keeps for"
    " you once its recovery folder can be written (`reverie journal recover`)."
)


# How to get back a recovery copy that cannot be saved as an entry as it is (a NUL, over the length limit).
_SHOW_IT = (
    "`reverie journal recover` lists it with its number, `reverie journal recover --show NUMBER` gives it back to"
    " copy and mend, `--discard NUMBER` deletes it."
)


def _kept_after(
    actor: Any, draft: Any, trouble: ReverieError, undecoded: bytes | None = None
) -> ReverieError:
    """``trouble`` (the editor's), saying what became of the text: kept as a recovery copy when there is one. A text
    an entry would refuse (a NUL, over the length limit) is kept all the same, as the leftover sweep keeps it
    (``editing._seal_or_delete``): it is the only copy of what was typed; the person is told how to get it back.
    ``undecoded``: the bytes typed when they are not UTF-8 text, kept as they are (the options were checked
    before the editor opened)."""
    from reverie.clinic.services import journal, recovery

    said = trouble.message
    if undecoded is None and not draft.body.strip():
        return type(trouble)(f"{said} Nothing had been typed.")
    try:
        refused = ""
        if undecoded is None:
            journal.validate(replace(draft, happened_at=None))
    except InvalidInput as exc:  # kept all the same, as the leftover sweep keeps it: the only copy (h99)
        refused = f" It cannot be saved as an entry as it is ({exc.message.rstrip('.')}): {_SHOW_IT}"
    try:
        recovery.keep(actor, draft, undecoded=undecoded)
    except AccountErased:
        _nothing_kept(actor)
        raise
    except OSError as exc:
        why = (
            "the disk is full."
            if is_disk_full(exc)
            else _copy_refused(exc, recovery.folder_of(actor.pk), "").message
        )
        _leave()  # not sealed: the editor's file stays for the next command's sweep
        return type(trouble)(f"{said} What you typed could not be kept as a recovery copy: {why} {_STAYS}")
    except BaseException:
        _leave()
        raise
    if undecoded is not None:  # ``said`` tells how to look at it and save it
        return type(trouble)(f"{said} What you typed is kept as it is. {NOT_UTF8}")
    if refused:
        return type(trouble)(f"{said} What you typed is kept as a recovery copy.{refused}")
    return type(trouble)(f"{said} What you typed is kept: `reverie journal recover` saves it.")


def _feelings(values: list[str]) -> tuple[Any, ...]:
    from reverie.clinic.services.journal import Feeling

    out = []
    for value in values:
        name, _, level = value.rpartition(":")
        if not name:
            name, level = level, "3"
        if not level.isdigit():
            raise InvalidInput("Give feelings as NAME:INTENSITY, e.g. --feeling love:4 --feeling anger:3.")
        out.append(Feeling(name, int(level)))
    return tuple(out)


def _when(raw: str | None, zone: tzinfo) -> datetime | None:
    """A typed time: with an offset as given; without one in the person's own zone (as the web's form reads it)."""
    from reverie.cli.local_times import read

    return read(raw, zone) if raw else None


@app.command()
def write(
    user: UserOpt = None,
    kind: Annotated[
        str,
        typer.Option(
            help=f"What kind of entry: {kinds_in_words()}. Default: free association.", show_default=False
        ),
    ] = "free_association",
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the text from a file ('-': what is piped in).")
    ] = None,
    title: Annotated[str, typer.Option(help="Optional title.")] = "",
    feeling: Annotated[
        list[str] | None, typer.Option(help="NAME:INTENSITY (1–5); repeat for several.")
    ] = None,
    person: Annotated[list[str] | None, typer.Option(help="Someone the entry is about; repeat.")] = None,
    tag: Annotated[list[str] | None, typer.Option(help="A tag; repeat.")] = None,
    happened_at: Annotated[
        str | None,
        typer.Option(
            help="When it happened, as 2026-03-02 or 2026-03-02T21:30, in your time zone. Default: now."
        ),
    ] = None,
) -> None:
    """Write an entry: in your text editor, from a file, or from what is piped in. The text is kept safe until it is
    saved."""
    from reverie.cli.local_times import zone_for
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import journal, keys, recovery
    from reverie.clinic.services.journal import EntryDraft

    kind = kind_from(kind)  # a mistyped kind is refused before the password
    # A master key that opens none of the stored data keys (a mistyped REVERIE_MASTER_KEY, another folder's key
    # file), or a key file missing while data keys are stored, is refused here, as `serve` refuses it at start (E510):
    # before the password is asked, the editor opens or a pipe or file is read, so nothing is typed that could not be
    # saved. A key that goes wrong once the text is taken still leaves a recovery copy (`recovery.keep`).
    keys.check_at_start()
    actor = sign_in(user)
    when = _when(happened_at, zone_for(actor))
    draft = EntryDraft(
        kind=kind,
        body=".",
        happened_at=when,
        title=title,
        feelings=_feelings(feeling or []),
        people=tuple(person or ()),
        tags=tuple(tag or ()),
    )
    # A mistyped option is refused before anyone types a text for it. The date is left to the save: a copy
    # refused only for its date is recovered with today's (`journal recover`).
    journal.validate(replace(draft, happened_at=None))
    typed = (file is None or str(file) == "-") and sys.stdin.isatty()  # held nowhere else
    in_editor = file is None and sys.stdin.isatty()
    trouble, undecoded = None, None
    if in_editor:
        body, trouble, undecoded = _from_editor(recovery.folder_of(actor.pk), recovery.options_of(draft))
    else:
        body = _read_text(file)
    draft = replace(draft, body=body)
    if trouble is not None:
        with _EDITOR:  # the editor's file goes once what was typed is kept (or cannot be)
            raise _kept_after(actor, draft, trouble, undecoded)
    if not journal.has_content(draft):  # the service's own words name the web form's tick boxes
        raise InvalidInput(
            "The entry is empty: write something, or give a feeling with --feeling NAME:INTENSITY. Nothing was saved."
        )
    if not typed or not draft.body.strip():
        # A file or a pipe still holds the text, and an empty one holds nothing: a recovery copy of a text that
        # can never be saved (empty, NUL, too long) would only make every later `journal recover` fail.
        journal.validate(replace(draft, happened_at=None))
    try:
        copy = recovery.keep(actor, draft)  # sealed with the writer's own key, in their own folder
    except AccountErased:  # erased while the text came: nothing of it is kept (review r124)
        _nothing_kept(actor)
        raise
    except OSError as exc:
        if is_disk_full(exc):
            if in_editor:
                _leave()  # not sealed: the editor's file stays for the next command's sweep
            said = "What you typed could not be kept either." if typed else _not_kept(file)
            raise disk_full(_STAYS if in_editor else said) from None
        if not typed:  # the file still holds the text; a pipe's sender can give it again
            raise _copy_refused(exc, recovery.folder_of(actor.pk), _not_kept(file)) from None
        # Typed in the editor, held nowhere else: save it without a copy rather than drop it.
        typer.echo(
            f"{_copy_refused(exc, recovery.folder_of(actor.pk), '').message} Saving without one.", err=True
        )
        copy = None
    except BaseException:
        if in_editor:
            _leave()  # not sealed: the editor's file stays for the next command's sweep
        raise
    if copy is not None:
        _EDITOR.close()  # a sealed copy exists: the editor's plain file goes, the signals act again
    try:
        view = journal.create_entry(
            actor, draft, entry_id=recovery.entry_id_of(actor, copy) if copy is not None else None
        )
    except AlreadySaved as done:  # its copy was saved meanwhile (`journal recover` at the same moment): saved
        view = journal.get_entry(actor, done.entry_id)
    except AccountErased:  # erased between the copy and the save: the copy goes too, nothing is said kept
        _nothing_kept(actor, copy)
        raise
    except BaseException:  # Ctrl-C too (KeyboardInterrupt): the person is told the text is kept
        if copy is not None:
            typer.echo(
                f"Not saved. Your text is kept in {copy} (readable only by you): `reverie journal recover` saves"
                " it.",
                err=True,
            )
        elif file is None:  # typed in the editor: its file stays for the next command's sweep to seal
            _leave()
            typer.echo(
                "Not saved, and no recovery copy could be kept: what you typed stays in the editor's file, which"
                " the next reverie command keeps for you once its recovery folder can be written (`reverie journal recover`).",
                err=True,
            )
        else:
            typer.echo(
                "Not saved, and no recovery copy could be kept: what you typed was not kept.", err=True
            )
        raise
    _EDITOR.close()  # saved: the editor's plain file (if any) goes
    if copy is not None:
        recovery.discard(copy)
    typer.echo(f"Saved {view.kind_label.lower()} {view.id}.")
    _check_in(actor)


def _nothing_kept(actor: Any, copy: Path | None = None) -> None:
    """The account was erased while this was being written (``AccountErased``): nothing of the text stays. The
    recovery copy made before the erasure (its folder's removal, after the erasure's commit, may not have reached
    it yet) and the editor's file are deleted, never left for a sweep, and the folder if nothing else is in it."""
    from reverie.clinic.services import recovery

    if copy is not None:
        recovery.discard(copy)
    _EDITOR.close()  # the editor's plain file is deleted (no ``leave_behind``)
    with contextlib.suppress(OSError):
        recovery.folder_of(actor.pk).rmdir()


def _copy_refused(exc: OSError, folder: Path, kept: str) -> StorageRefused:
    """A recovery copy the disk refused for a reason other than space (permission denied, a read-only file system):
    the folder and the reason, never the text; ``kept`` says where the text is."""
    why = (exc.strerror or "refused").lower()
    tail = f" Nothing was saved. {kept}" if kept else ""
    return StorageRefused(f"Reverie cannot write its recovery copy in {folder} ({why}).{tail}")


def _not_kept(file: Path | None) -> str:
    """What became of a text read from a file or a pipe when no recovery copy could be written."""
    if file is not None and str(file) != "-":
        return f"Your text was not kept here; it is still in {file}."
    return "The text piped in was not kept: give it again once there is space."


def _check_in(actor: Any, full: bool = False) -> None:
    """The save was screened before it returned: if a check-in waits, say so calmly, with the crisis lines. When
    every waiting one has already been shown to the person in full (here or on the web's check-in page) it is only
    recalled, in one line; one they never saw in full (raised by this save, by the background analysis after an
    earlier one, or by a recover or an import that failed before its display) is shown in full. ``full`` (the
    check-in command itself) always shows it in full."""
    from reverie.care.services import alerts, safety
    from reverie.cli.crisis import echo_lines

    if alerts.pending_check_in(actor) is None:
        return
    # read before the showing is recorded (a failure here leaves it unshown), and only for a full one (the plan's
    # country is a sealed read)
    lines = safety.lines_in_words(actor) if full or alerts.unseen_check_ins(actor) else []
    shown = alerts.show_check_in(actor, full=full)
    if shown is None:
        return
    if not shown.full:
        typer.echo("A question from Reverie is still waiting: run `reverie journal check-in`.")
        return
    typer.echo(f"\n{shown.check_in.question}")
    echo_lines(lines or safety.lines_in_words(actor))
    typer.echo(
        "Your safety plan is on the Safety page. Answer the check-in there when you open Reverie, or here:"
        ' reverie journal check-in --answer safe (or "need help", or "misunderstood" if Reverie misread you).'
        f" {alerts.check_in_told(shown.check_in).seen}"
    )


def _check_in_despite(actor: Any) -> None:
    """A recover or an import stopped by an error after some of its saves committed: show the check-ins they raised
    before the error is reported. A failure here too leaves them unshown, so the next save shows them in full."""
    with contextlib.suppress(Exception):  # the first error is the one to report
        _check_in(actor)


ANSWER_REPLIES = {
    "safe": "Thank you for letting us know. Your plan stays on the Safety page whenever you need it.",
    "need_help": "Please reach out now: call one of the lines below or your local emergency number. If you can,"
    " tell someone near you. Reverie does not contact anyone for you.",
}  # "misunderstood": alerts.misunderstood_reply, which promises a therapist only while a link is open


_SAID_BY = re.compile(r"^(i'm|i am|im|i|you)\s+")
_SAID_WHEN = re.compile(r"\s+(for now|now)$")


def _core(said: str) -> str:
    """What an answer says, without its person and time: "I'm safe for now" -> "safe", "need_help" -> "need help"."""
    words = " ".join(said.lower().replace("’", "'").replace("_", " ").replace("-", " ").strip(" .!").split())
    return _SAID_WHEN.sub("", _SAID_BY.sub("", words))


def answer_from(raw: str, labels: dict[str, str]) -> str:
    """The check-in answer's code for what a person typed: the code, or the button's words ("I'm safe for now",
    "safe", "I need help now", "need help", "You misunderstood"); :class:`InvalidInput` in those words otherwise."""
    said = _core(raw)
    for code, label in labels.items():
        if said in (_core(code), _core(label)):
            return code
    buttons = ", ".join(f"“{label}”" for label in labels.values())
    raise InvalidInput(f"Answer with the words of one of the buttons: {buttons}.")


@app.command("check-in")
def check_in(
    answer: Annotated[
        str | None,
        typer.Option(
            help='Your answer, as on the web page\'s buttons: "I\'m safe for now" (or just safe), "I need help'
            ' now" (or need help), or "You misunderstood" if Reverie misread what you wrote.'
        ),
    ] = None,
    user: UserOpt = None,
) -> None:
    """The check-in a risky save left: show it, or answer it (the same answers as the web page; audited)."""
    from reverie.cli.runtime import django_ready, sign_in

    django_ready()  # the care services import models
    from reverie.care.services import alerts, safety
    from reverie.cli.crisis import echo_lines

    if answer is not None:
        answer = answer_from(answer, alerts.ANSWERS)
    actor = sign_in(user)
    pending = alerts.pending_check_in(actor)
    if pending is None:
        typer.echo("No check-in is waiting.")
        return
    if answer is None:
        _check_in(actor, full=True)
        words = alerts.check_in_words(actor, pending)
        if words:
            about = (
                "your questionnaire asked about thoughts of being better off dead or of hurting yourself"
                if pending.alert is not None and pending.alert.source == "phq9_item9"
                else "Reverie noticed these words; they do not say it outright, but they can sound like not wanting"
                " to live or like wanting to hurt yourself"
                if pending.alert is not None and pending.alert.model_alone
                else "these words can be about not wanting to live or about hurting yourself"
            )
            typer.echo(f"\nWhat Reverie read ({about}):")
            for sentence in words:
                typer.echo(f"  > {sentence}")
            typer.echo(
                "Reverie reads words, not people, and it can be wrong. If it misread you: --answer misunderstood."
            )
        return
    alerts.answer_check_in(actor, pending.id, answer)
    typer.echo(alerts.misunderstood_reply(actor) if answer == "misunderstood" else ANSWER_REPLIES[answer])
    if answer == "need_help":
        echo_lines(safety.lines_in_words(actor))


def _print_rows(rows: list[Any], as_json: bool, zone: tzinfo) -> None:
    from rich.table import Table

    from reverie.cli.local_times import clock, zone_label
    from reverie.cli.rich_text import console, shown

    if as_json:
        typer.echo(json.dumps([_row_json(v, zone) for v in rows], ensure_ascii=False, indent=2))
        return
    table = Table(show_lines=False, caption=f"Times in {zone_label(zone)}")
    for column in ("id", "kind", f"happened ({zone_label(zone)})", "feelings", "beginning"):
        table.add_column(column)
    for v in rows:
        feelings = ", ".join(f"{f.name} {f.intensity}" for f in v.feelings)
        table.add_row(
            str(v.id)[:8], v.kind_label, clock(v.happened_at, zone), shown(feelings), shown(v.body[:50])
        )
    console().print(table)


def _row_json(v: Any, zone: tzinfo) -> dict[str, Any]:
    from reverie.cli.local_times import iso, zone_label

    return {
        "id": str(v.id),
        "kind": v.kind,
        "happened_at": iso(v.happened_at, zone),
        "written_at": iso(v.written_at, zone),
        "time_zone": zone_label(zone),
        "title": v.title,
        "body": v.body,
        "feelings": [[f.name, f.intensity] for f in v.feelings],
        "people": list(v.people),
        "tags": list(v.tags),
        "shared": v.shared,
    }


@app.command("list")
def list_(
    user: UserOpt = None,
    kind: Annotated[str | None, typer.Option(help=f"Only entries of this kind: {kinds_in_words()}.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    analysis: Annotated[
        bool,
        typer.Option(
            "--analysis",
            help="With --json: include what Reverie noticed, as on the entry page (your Settings choice applies).",
        ),
    ] = False,
) -> None:
    """List your entries, newest first."""
    from reverie.cli.local_times import zone_for
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import journal
    from reverie.clinic.services.observations import seen_by

    wanted = kind_from(kind) if kind is not None else None  # a mistyped kind is refused before the password
    actor = sign_in(user)
    zone = zone_for(actor)
    rows = journal.list_entries(actor, kind=wanted)
    if as_json and analysis:
        out = []
        for view in rows:
            # the one rule of the entry page and the API: plain words (reverie.noticed/1) under the writer's choice
            seen = seen_by(actor, view.id)
            row = _row_json(view, zone)
            result = seen.result_json()
            row["analysis"] = (
                {"status": seen.status, "revision": seen.revision, **result}
                | ({"message": seen.message} if seen.message else {})
                if result is not None
                else None
            )
            out.append(row)
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    _print_rows(rows, as_json, zone)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="The words to look for.")],
    user: UserOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search your entries (decrypted in memory only)."""
    from reverie.cli.local_times import zone_for
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import journal

    if not query.strip():
        raise InvalidInput("Give something to search for.")
    actor = sign_in(user)
    _print_rows(journal.list_entries(actor, query=query), as_json, zone_for(actor))


def _resolve(actor: Any, entry_id: str) -> str:
    """Accept a full id or an unambiguous prefix of one of the actor's visible entries."""
    from reverie.clinic.services.policy import visible_entries
    from reverie.errors import NotFound

    if not entry_id.strip():
        raise InvalidInput("Give an entry id (the first characters shown by `reverie journal list` will do).")
    if len(entry_id) >= 36:
        return entry_id
    matches = [
        str(pk) for pk in visible_entries(actor).values_list("id", flat=True) if str(pk).startswith(entry_id)
    ]
    if len(matches) != 1:
        raise NotFound("No such entry." if not matches else "That id prefix matches several entries.")
    return matches[0]


@app.command()
def show(
    entry_id: Annotated[
        str,
        typer.Argument(help="The entry's id: its first characters, as `journal list` shows them, will do."),
    ],
    user: UserOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one entry: everything the person wrote in it, as the entry page shows it (a mindful choice's parts and
    where it was written under their plain labels, "The reflexive urge: …", never a stored key), its people and
    tags, and a line for each picture or recording it holds ("Picture: harbour at night.jpg, 632 bytes"; the files
    themselves are in `journal export --format json`). With --json, its fields as `extra` and its files as
    `attachments`: name, kind, type and size, never their bytes."""
    from reverie.cli.local_times import stamp, zone_for
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import journal

    actor = sign_in(user)
    zone = zone_for(actor)
    view = journal.get_entry(actor, _resolve(actor, entry_id))
    if as_json:
        shown = _row_json(view, zone) | {
            "extra": dict(view.extra),
            "attachments": [_file_json(a) for a in view.attachments],
        }
        typer.echo(json.dumps(shown, ensure_ascii=False, indent=2))
        return
    feelings = ", ".join(f"{f.name} {f.intensity}/5" for f in view.feelings) or "—"
    typer.echo(f"{view.kind_label} · {stamp(view.happened_at, zone)} · feelings: {feelings}")
    if view.title:
        typer.echo(f"# {view.title}")
    typer.echo(view.body)
    for label, value in _fields_in_words(view.extra):
        typer.echo(f"\n{label}: {value}")
    for a in view.attachments:
        typer.echo(f"{file_word(a.media_type).capitalize()}: {a.filename}, {file_size_words(a.size)}")
    for label, values in (("People", view.people), ("Tags", view.tags)):
        if values:
            typer.echo(f"{label}: {', '.join(values)}")


def _fields_in_words(extra: Mapping[str, str]) -> list[tuple[str, str]]:
    """An entry's other fields (a mindful choice's parts, where a Day One entry was written) as (label, value), each
    under its plain label (``journal.kinds.FIELD_WORDS``, the entry page's), in that table's order; an empty one
    left out."""
    order = {key: n for n, key in enumerate(FIELD_WORDS)}
    keys = sorted((k for k, v in extra.items() if v), key=lambda k: (order.get(k, len(order)), k))
    return [(field_words(key), extra[key]) for key in keys]


def _file_json(a: Any) -> dict[str, Any]:
    """One file of an entry as `journal show --json` prints it: what it is, never its bytes."""
    return {
        "filename": a.filename,
        "kind": file_word(a.media_type),
        "media_type": a.media_type,
        "size": a.size,
    }


@app.command()
def export(
    user: UserOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", help="json (to import again) or markdown (to read).")
    ] = "json",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The file to write (only you can open it here); without it, it is printed."
        ),
    ] = None,
) -> None:
    """Everything you wrote, in one file that anyone who gets it can read: keep it safe. As json (the default),
    Reverie can import it again, here or on another computer; as markdown, it is for reading. An entry that cannot
    be opened is left out and named (date, kind, title), and the command exits 1. The trash is not in it: the
    command says how many entries are there."""
    from reverie.cli.rich_text import progress
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import portability
    from reverie.journal.interchange import dump_markdown, dump_reverie_json

    if fmt not in ("json", "markdown"):
        raise InvalidInput("The format must be json or markdown.")
    actor = sign_in(user)
    with progress() as bar:
        task = bar.add_task("Exporting", total=None)
        exported = portability.export_with_report(actor, lambda i, n: bar.update(task, completed=i, total=n))
    from reverie.cli.local_times import zone_for

    zone = zone_for(actor)
    journal = exported.journal
    data = dump_reverie_json(journal) if fmt == "json" else dump_markdown(journal, zone=zone).encode()
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from reverie.cli.paths import write_named
        from reverie.text import counted

        write_named(output, data)
        typer.echo(
            f"Exported {counted(len(journal.entries), 'entry', 'entries')} to {output}. Anyone who gets this file"
            " can read everything in it: keep it safe, and delete it when you no longer need it."
        )
    from reverie.clinic.services.journal import trash_count

    trash = trash_count(actor)  # never in an export: said, as the web page says it
    if trash:
        one = trash == 1
        typer.echo(
            f"{trash} {'entry' if one else 'entries'} in your trash {'is' if one else 'are'} not in this export.",
            err=True,
        )
    for line in [
        *portability.left_out_words(exported.left_out, zone),
        *portability.moved_words(exported.dates_moved, zone),
    ]:
        typer.echo(line if line.endswith(":") else f"  {line}", err=True)
    if portability.needs_confirming(exported.left_out):
        raise typer.Exit(1)  # the file holds everything else; the exit status says it is not everything


@app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="The file to import.")],
    user: UserOpt = None,
    all_or_nothing: Annotated[
        bool, typer.Option("--all-or-nothing", help="Refuse the whole file if one entry is bad.")
    ] = False,
) -> None:
    """Import Reverie's export, jrnl's JSON export or plain-text journal file, or Day One's zip or JSON export.

    A bad entry is reported and left out (its number and the reason, never its text), unless --all-or-nothing.
    Importing the same file again adds nothing, and neither does an entry whose content is already here (a round
    trip between two installations); entries that differ from the ones here with their id are counted and the
    ones here kept, those already here in your trash are counted (restore them there), and an entry whose copy
    here no longer opens is imported as a new entry beside it. A safety plan in the file is restored when you have none; check-ins and the course record
    are not imported. A jrnl plain-text file over the journal cap (ten times the attachment limit, 100 MiB by default,
    as on the web) is refused before it is read (a pipe, once that much is read): split it and import each part. Any
    other file (a Reverie export with its pictures and recordings, a JSON file, a zip) over 1.4 GB (the journal cap
    and 1 GiB of files in base64) is refused the same way.
    """
    from reverie.cli.paths import read_named_checked
    from reverie.cli.rich_text import progress
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import import_check, portability

    # opened and read once (a pipe, `… | reverie journal import /dev/stdin`, can be read only once: r59), the journal
    # cap (every file's, h78) checked before a regular file is read, and on a pipe as it is read (h64)
    data = read_named_checked(path, import_check.refuse_oversized, import_check.HEAD_BYTES)
    actor = sign_in(user)
    try:
        with progress() as bar:
            task = bar.add_task("Importing", total=None)
            report = portability.import_journal(
                actor,
                data,
                lambda i, n: bar.update(task, completed=i, total=n),
                all_or_nothing=all_or_nothing,
                media_in_all=import_check.LOCAL_MEDIA_IN_ALL,  # this machine's memory, not a server's: 1 GB
            )
    except BaseException:
        _check_in_despite(actor)  # the batches committed before the failure were screened as they were saved
        raise
    from reverie.text import counted

    typer.echo(
        f"Imported {counted(report.created, 'entry', 'entries')}; {counted(report.skipped, 'was', 'were')}"
        " already here."
    )
    for note in report.notes:
        typer.echo(note)
    if report.problems:
        typer.echo(f"Left out {len(report.problems)}:")
        for line in report.problems:
            typer.echo(f"  {line}")
    if report.created:
        _check_in(actor)  # each imported entry was screened as it was saved
    if report.problems:  # what was taken is kept; the status says the file was not taken whole
        raise typer.Exit(1)


def _copy_path(actor: Any, number: int) -> Path:
    """Recovery copy ``number`` of the person's own (as `journal recover` numbers them), or a plain error."""
    from reverie.clinic.services import recovery

    copies = recovery.pending(actor)
    if not 1 <= number <= len(copies):
        held = f"you have {len(copies)}, numbered from 1" if copies else "you have none"
        raise InvalidInput(
            f"There is no recovery copy {number}: {held} (`reverie journal recover` lists them)."
        )
    return copies[number - 1]


def _show(actor: Any, number: int, encoding: str | None = None) -> None:
    """``journal recover --show N``: copy N's kind, title and text on stdout (it opens only for its owner). A copy
    that is not UTF-8 text is shown in the readings it may have, each named, for the person to choose: as UTF-8
    with replacement marks and as Western European (Windows-1252), or only as the ``encoding`` they name."""
    from reverie.clinic.services import recovery
    from reverie.journal.kinds import KIND_WORDS

    kept = recovery.read(_copy_path(actor, number), actor)
    draft = kept.draft
    typer.echo(f"{KIND_WORDS.get(draft.kind, draft.kind)}" + (f" · {draft.title}" if draft.title else ""))
    if kept.undecoded is None and encoding is None:
        typer.echo(draft.body)
    elif encoding is not None:
        typer.echo(f"\nRead as {encoding}:")
        typer.echo(kept.with_encoding(encoding).body)  # one that is text already is refused, saying so
        typer.echo(f"\nSave it read so with: reverie journal recover {number} --encoding {encoding}")
    else:
        raw = kept.undecoded or b""
        typer.echo(
            "\nThis copy is not UTF-8 text: your editor saved it in another encoding, and Reverie does not guess"
            " which. Two readings follow; if neither is right, try --encoding NAME (e.g. cp1251 for Russian,"
            " koi8-r, cp1250 for Central European, cp1253 for Greek)."
        )
        typer.echo("\nRead as UTF-8 (\ufffd marks a byte that is not UTF-8):")
        typer.echo(raw.decode("utf-8", "replace"))
        typer.echo("\nRead as Western European (Windows-1252):")
        typer.echo(decoded_western(raw))
        typer.echo(
            f"\nSave it with the right one: reverie journal recover {number} --encoding NAME (e.g. cp1252)"
        )
    # everything else the person wrote, so nothing is lost once the copy is discarded
    if draft.happened_at is not None:
        from reverie.cli.local_times import zone_for

        typer.echo(f"\nWhen: {draft.happened_at.astimezone(zone_for(actor)).strftime('%Y-%m-%d %H:%M %Z')}")
    labelled = [
        ("Feelings", ", ".join(f"{f.name} ({f.intensity})" for f in draft.feelings)),
        ("People", ", ".join(draft.people)),
        ("Tags", ", ".join(draft.tags)),
        *((field_words(key), value) for key, value in draft.extra.items()),
    ]
    for label, value in labelled:
        if value:
            typer.echo(f"\n{label}: {value}")


def _drop(actor: Any, number: int, yes: bool) -> None:
    """``journal recover --discard N``: delete copy N for good, after asking (or with --yes); says what it did."""
    from reverie.clinic.services import recovery

    path = _copy_path(actor, number)
    question = f"Delete recovery copy {number} ({path.name}) for good? Its text cannot be brought back."
    if not yes and not typer.confirm(question, default=False):
        typer.echo(f"Kept recovery copy {number}.")
        return
    recovery.discard(path)
    typer.echo(f"Deleted recovery copy {number} ({path.name}).")


SAVED_OTHER_WORDS = (
    "an entry was already saved under this copy's token with different words (the copy may hold a newer text);"
    " nothing was deleted. Compare them (--show NUMBER and `reverie journal list`), then save this copy as a new"
    " entry beside it (reverie journal recover NUMBER --as-new) or delete it (--discard NUMBER)."
)


def _recover_all(
    actor: Any,
    problems: list[tuple[Path, str]],
    only: Path | None = None,
    encoding: str | None = None,
    undecided: list[Path] | None = None,
    as_new: bool = False,
) -> tuple[int, int]:
    """Save each of the person's recovery copies (or ``only`` that one, its bytes read as ``encoding`` when given):
    (saved, already saved); a copy that cannot be saved is added to ``problems`` with the reason. A copy that is
    not UTF-8 text is never saved without the person's encoding: it is added to ``undecided`` (and ``problems``).
    An error that is not the copy's (the database) stops it, raised.

    A copy is discarded as already saved only when the entry stored under its token holds exactly its words and
    fields (:func:`journal.saved_as`); one whose entry holds other words (a newer text kept under the same token)
    is left in place and said so, for the person to choose (``as_new``: saved as a new entry beside it), never
    deleted unasked (h109)."""
    from reverie.clinic.services import journal, recovery

    saved, already = 0, 0
    for path in [only] if only is not None else recovery.pending(actor):
        try:
            kept = recovery.read(path, actor)
            draft = kept.draft if encoding is None else kept.with_encoding(encoding)
            entry_id = None if as_new else recovery.entry_id_of(actor, path)
            try:
                saved_before = entry_id is not None and journal.already_saved(actor, entry_id) is not None
            except DeletedForGood:  # saved, then deleted for good: the deletion stands
                saved_before = True
                entry_id = None  # nothing stored to compare with
            if saved_before and entry_id is not None and not journal.saved_as(actor, entry_id, draft):
                problems.append((path, SAVED_OTHER_WORDS))
                continue
            if saved_before:
                already += 1  # its save committed, then the process stopped before removing the copy
                recovery.discard(path)
                continue
            if kept.undecoded is not None and encoding is None:  # no guess saved as the person's words
                problems.append((path, "it is not UTF-8 text; choose how it reads (below)."))
                if undecided is not None:
                    undecided.append(path)
                continue
            try:
                journal.create_entry(actor, draft, entry_id=entry_id)
            except (
                DeletedForGood
            ):  # saved by another command at the same moment, then deleted for good since:
                already += 1  # the deletion stands
                recovery.discard(path)
                continue
            except AlreadySaved:  # saved by another command at the same moment, after the check above
                if entry_id is not None and not journal.saved_as(actor, entry_id, draft):
                    problems.append((path, SAVED_OTHER_WORDS))
                    continue
                already += 1
                recovery.discard(path)
                continue
            except InvalidInput as exc:
                if draft.happened_at is None:
                    raise
                journal.create_entry(actor, replace(draft, happened_at=None), entry_id=entry_id)
                typer.echo(f"{path.name}: saved with today's date ({exc.message})", err=True)
        except ReverieError as exc:
            problems.append((path, exc.message))
            continue
        recovery.discard(path)
        saved += 1
    return saved, already


@app.command()
def recover(
    number: Annotated[
        int | None,
        typer.Argument(
            metavar="NUMBER",
            help="Save only this one copy (the number `journal recover` gave it); with --encoding for a copy that"
            " is not UTF-8 text.",
            show_default=False,
        ),
    ] = None,
    user: UserOpt = None,
    discard: Annotated[
        int | None,
        typer.Option(
            metavar="NUMBER",
            help="Delete this one copy for good instead (the number `journal recover` gave it): for a copy that"
            " can never be saved. Asks first.",
        ),
    ] = None,
    show: Annotated[
        int | None,
        typer.Option(
            metavar="NUMBER",
            help="Print this one copy's kind, title and text, then its date, feelings, people, tags and"
            " mindful-choice fields, instead (the number `journal recover` gave it), to keep it elsewhere before"
            " --discard. Only your own copies.",
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="With --discard: delete without asking.")] = False,
    as_new: Annotated[
        bool,
        typer.Option(
            "--as-new",
            help="With NUMBER: save this copy as a new entry, for a copy whose token an entry was already saved"
            " under with different words (a newer text kept after a save that failed).",
        ),
    ] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="For a copy that is not UTF-8 text (an editor set to another encoding): read its bytes as this"
            " encoding, e.g. cp1251 (Russian), cp1252 (Western European), koi8-r, utf-16. With --show NUMBER to"
            " look, with NUMBER to save it so.",
        ),
    ] = None,
) -> None:
    """Save your texts kept from earlier saves that did not complete (only your own). A copy that cannot be saved
    is left in place with a number and the reason; see its text with --show NUMBER, delete it with --discard
    NUMBER. A copy that is not UTF-8 text is never saved as a guess: look at it with --show NUMBER, then save it
    with NUMBER --encoding NAME. A copy whose entry was saved already is removed only when that entry holds the
    same words; one saved with other words is left in place for you to choose (NUMBER --as-new, or --discard)."""
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import recovery

    if encoding is not None and show is None and number is None:
        raise InvalidInput(
            "Give the copy's number with --encoding: reverie journal recover NUMBER --encoding NAME (or --show"
            " NUMBER --encoding NAME to look first)."
        )
    if as_new and number is None:
        raise InvalidInput("Give the copy's number with --as-new: reverie journal recover NUMBER --as-new.")
    actor = sign_in(user)
    if show is not None:
        _show(actor, show, encoding)
        return
    if discard is not None:
        _drop(actor, discard, yes)
        return
    problems: list[tuple[Path, str]] = []
    undecided: list[Path] = []
    only = _copy_path(actor, number) if number is not None else None
    try:
        saved, already = _recover_all(actor, problems, only, encoding, undecided, as_new)
    except BaseException:
        _check_in_despite(actor)  # the copies saved before the failure were screened as they were saved
        raise
    typer.echo(f"Recovered {saved} {'entry' if saved == 1 else 'entries'}.")
    if already:
        typer.echo(f"{already} had been saved already; their copies are removed.")
    if saved:
        _check_in(actor)  # each recovered text was screened as it was saved
    left = recovery.pending(actor)  # numbered as `--discard` will count them
    for path, message in problems:
        number = left.index(path) + 1 if path in left else 0
        typer.echo(f"Not recovered, left in place as copy {number}: {message}", err=True)
    if undecided:
        typer.echo(
            f"{'A copy is' if len(undecided) == 1 else f'{len(undecided)} copies are'} kept as typed and not"
            f" saved. {NOT_UTF8}",
            err=True,
        )
    if len(problems) > len(undecided):
        typer.echo(
            "If a copy can never be saved, see its text with: reverie journal recover --show NUMBER, then delete"
            " it with: reverie journal recover --discard NUMBER",
            err=True,
        )
    old = len(recovery.legacy())
    if old:
        typer.echo(
            f"{old} older recovery copies ({recovery.LEGACY_FORMAT}) name no owner and are not restored into any "
            "journal; the operator can list or delete them with: reverie recovery-legacy",
            err=True,
        )
    if problems:
        raise typer.Exit(1)
