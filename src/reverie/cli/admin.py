"""Commands that run or look after an installation: serve, users, keys, backup, restore, erase."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from reverie.errors import ConfigurationError, InvalidInput
from reverie.settings import PORTS

user_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
keys_app = typer.Typer(help="Manage the master key.", no_args_is_help=True)

POLL_SECONDS_LOW = 0.1  # `reverie worker --interval`: not a busy loop, and at least once an hour
POLL_SECONDS_HIGH = 3600.0


def check_safe_to_serve(host: str) -> None:
    """Refuse clinic mode without TLS or with default secrets; refuse a public address in embedded mode.

    The clinic-mode refusals are made when the settings load (``reverie.settings.refuse_unsafe_clinic``), for every
    entry point; they are repeated here for settings changed after loading."""
    from django.conf import settings

    from reverie.settings import refuse_unsafe_clinic

    config = settings.REVERIE
    refuse_unsafe_clinic(config)
    if not config.clinic_mode and host not in ("127.0.0.1", "localhost", "::1"):
        raise ConfigurationError(
            "The embedded mode serves this machine only (127.0.0.1). Use clinic mode for more."
        )


def waitress_options() -> dict[str, Any]:
    """The options every waitress server of ``reverie serve`` gets (one process or ``--processes N``).

    Reverie's ``TrustedProxyMiddleware`` is the one judge of forwarded headers: it believes X-Forwarded-Proto and
    X-Forwarded-For only from a peer in REVERIE_TRUSTED_PROXIES (addresses or networks) and removes them from any
    other. Waitress by default removes every X-Forwarded-* header before the application sees it unless it was told
    a ``trusted_proxy`` (one address, or ``*`` for every peer, which would let any client claim HTTPS): so with
    proxies listed, waitress passes the headers through untouched (``clear_untrusted_proxy_headers=False``, no
    ``trusted_proxy``: it rewrites nothing) and the middleware judges them. With none listed, waitress removes them
    too (r130: behind nginx every page answered "HTTPS only")."""
    from django.conf import settings

    options: dict[str, Any] = {"threads": 8, "ident": "reverie", **memory_buffers()}
    if settings.REVERIE["REVERIE_TRUSTED_PROXIES"]:
        options["clear_untrusted_proxy_headers"] = False
    return options


# Responses are never spilled to a temporary file by waitress (a decrypted drawing, an export): each is held at most
# once more beside Django's own copy, and a streamed one is bounded by waitress's high watermark (16 MB a connection).
NEVER = 1 << 62


def memory_buffers() -> dict[str, int]:
    """Waitress spills a request body over ``inbuf_overflow`` (512 KB by its default) and a response over
    ``outbuf_overflow`` (1 MB) into an anonymous temporary file, in plaintext (h199 found it): a picture or recording
    being attached, a long entry, a decrypted file being downloaded. Every request Django reads in memory (an
    attachment and its form: ``DATA_UPLOAD_MAX_MEMORY_SIZE``) stays in memory here too, and no response is spilled.
    Only a web import's body over that (up to ``uploads.import_limit``) may still be buffered to such a file while it
    arrives: an export file the person already holds in plaintext (docs/security.md)."""
    from django.conf import settings

    return {"inbuf_overflow": int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE), "outbuf_overflow": NEVER}


def _listen(application: Any, host: str, port: int) -> Any:
    """Bind the port now, so a busy port is a clear message before anything else starts."""
    import waitress.server

    with _bind_errors(host, port):
        return waitress.server.create_server(application, host=host, port=port, **waitress_options())


@contextlib.contextmanager
def _bind_errors(host: str, port: int) -> Iterator[None]:
    """A port that cannot be bound is a clear message, not an OSError."""
    import errno
    import socket

    try:
        yield
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ConfigurationError(f"port {port} is already in use; choose another with --port.") from None
        if exc.errno == errno.EACCES:
            raise ConfigurationError(
                f"Not allowed to listen on port {port}; choose another with --port."
            ) from None
        if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(exc, socket.gaierror):
            raise ConfigurationError(
                f"Cannot listen on {host}: it is not an address of this machine."
            ) from None
        raise


def _serve_processes(application: Any, host: str, port: int, processes: int, worker: bool) -> None:
    """``--processes N`` (N > 1): the parent binds, N forked children serve, the parent runs the one worker."""
    from reverie.cli import prefork
    from reverie.clinic.services import risk_screen
    from reverie.clinic.services.worker import WorkerChild

    with _bind_errors(host, port):
        sockets = prefork.bind(host, port)
    _stop_on_signals()

    def serve_child(listening: list[Any]) -> None:
        import waitress.server

        server = waitress.server.create_server(application, sockets=listening, **waitress_options())
        risk_screen.warm_up()  # in this web process, after the fork, in the background
        try:
            server.run()  # returns on SIGTERM/SIGINT
        finally:
            server.close()

    with prefork.running(sockets, processes, serve_child) as group:
        child = (
            WorkerChild() if worker else None
        )  # after the fork: one worker in all, started again if it ends
        try:
            shown_port = sockets[0].getsockname()[1]  # --port 0: the port the system chose
            typer.echo(
                f"Reverie is running at http://{host}:{shown_port}/  ({processes} processes; Ctrl+C to stop)"
            )
            group.wait()  # until SIGTERM/SIGINT
        except SystemExit:
            pass  # a signal: stop everything below, then say so
        finally:
            group.terminate()  # the web children stop while the worker finishes its task
            if child is not None:
                child.stop()


def _stop_on_signals() -> None:
    """SIGTERM and SIGINT stop the server cleanly (waitress returns), so the worker child is stopped too."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on (default REVERIE_HOST).")] = None,
    port: Annotated[
        int | None,
        typer.Option(
            help=f"Port, {PORTS.low} to {PORTS.high} (default REVERIE_PORT; 0: any free port).",
            min=PORTS.low,
            max=PORTS.high,
        ),
    ] = None,
    worker: Annotated[
        bool, typer.Option(help="Also start the analysis worker, as a child process of this one.")
    ] = True,
    processes: Annotated[
        str, typer.Option(help="Web server processes sharing the port: 1 to 32, or auto (one per core).")
    ] = "1",
) -> None:
    """Start Reverie's web app (first run: open it in a browser to create the first account)."""
    from django.conf import settings

    from reverie.cli.runtime import django_ready

    django_ready()
    config = settings.REVERIE
    bind_host = host or str(config["REVERIE_HOST"])
    bind_port = port if port is not None else int(config["REVERIE_PORT"])
    check_safe_to_serve(bind_host)
    from reverie.cli.prefork import process_count

    count = process_count(processes)
    from reverie.clinic.services import keys

    if keys.ensure_key_file():
        typer.echo(
            f"Created a new master key at {config.key_file}. Back it up: without it nothing can be read."
        )
    keys.check_master_key()  # a master key that opens none of the stored data keys: refuse to start, say which
    from reverie.clinic.services.worker import WorkerChild
    from reverie.clinic.wsgi import application

    if count > 1:
        _serve_processes(application, bind_host, bind_port, count, worker)
        typer.echo("Stopped.")
        return
    server = _listen(application, bind_host, bind_port)
    _stop_on_signals()
    from reverie.clinic.services import risk_screen

    risk_screen.warm_up()  # the first save's screen loads in the background, never in that save (r128)
    child = WorkerChild() if worker else None  # started again if it ends
    try:
        shown_port = getattr(server, "effective_port", bind_port)  # --port 0: the port the system chose
        typer.echo(f"Reverie is running at http://{bind_host}:{shown_port}/  (Ctrl+C to stop)")
        server.run()  # returns on SIGTERM/SIGINT
    finally:
        server.close()
        if child is not None:
            child.stop()
    typer.echo("Stopped.")


@user_app.command("create")
def user_create(
    username: Annotated[
        str,
        typer.Argument(help="The new account's user name: small letters, digits and . _ - @ + (no spaces)."),
    ],
    role: Annotated[str, typer.Option(help="client or therapist.")] = "client",
) -> None:
    """Create an account (the password is asked for, or read from REVERIE_PASSWORD)."""
    from reverie.cli.runtime import django_ready, password_from
    from reverie.clinic.services import keys, people

    django_ready()
    keys.ensure_key_file()
    user = people.create_user(username, password_from("New password: "), role)
    typer.echo(f"Created {user.role} account '{user.username}'.")


@user_app.command("deactivate")
def user_deactivate(
    username: Annotated[
        str, typer.Argument(help="The user name of the account to close (a therapist who leaves).")
    ],
) -> None:
    """Operator: close an account (its records stay). Its open links end as if it had ended them (courses end,
    shares that now reach no one are taken back), its pairing codes stop, it is signed out everywhere and its API
    tokens are revoked; audited. Its clients are told on their link list that what they share reaches no one until
    they link with another therapist. Nothing reopens the ended links later."""
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.services import people

    ended = people.deactivate_user(username)
    links = "link" if ended == 1 else "links"
    typer.echo(f"Closed the account '{username.strip().lower()}'; {ended} open {links} ended.")


@keys_app.command("rotate")
def keys_rotate() -> None:
    """Add a new master key and re-wrap every client's data key under it."""
    from django.conf import settings

    from reverie.cli.runtime import django_ready
    from reverie.clinic.services import keys
    from reverie.vault.keys import rotate_key_file

    django_ready()
    if settings.REVERIE["REVERIE_MASTER_KEY"]:
        raise ConfigurationError(
            "The master key comes from REVERIE_MASTER_KEY; rotate it in your secret store."
        )
    kid = rotate_key_file(settings.REVERIE.key_file)
    keys.forget_cached_keys()
    count = keys.rewrap_all()
    typer.echo(f"New master key {kid} is active; re-wrapped {count} data keys.")


@keys_app.command("rewrap")
def keys_rewrap() -> None:
    """Re-wrap every client's data key under the active master key (no new key; after a rotation whose re-wrap
    did not finish, before retiring the old key)."""
    from reverie.cli.runtime import django_ready
    from reverie.clinic.services import keys

    django_ready()
    count = keys.rewrap_all()
    typer.echo(f"Re-wrapped {count} data keys under the active master key {keys.keyring().active}.")


@keys_app.command("list")
def keys_list() -> None:
    """List the master keys: which one is active and how many data keys each still wraps (never key material)."""
    from reverie.cli.runtime import django_ready
    from reverie.clinic.services import keys

    django_ready()
    for use in keys.master_key_uses():
        state = "active " if use.active else "old    "
        line = f"{use.kid}  {state} wraps {use.data_keys} data keys"
        if use.recovery_copies:
            line += f", seals {use.recovery_copies} recovery copies"
        typer.echo(line)


@keys_app.command("retire")
def keys_retire(
    kid: Annotated[str, typer.Argument(help="The id of the old master key (see `reverie keys list`).")],
) -> None:
    """Remove an old master key from the key file; refused while anything still needs it, or if it is active."""
    from reverie.cli.runtime import django_ready
    from reverie.clinic.services import keys

    django_ready()
    keys.retire_master_key(kid)
    typer.echo(f"Retired master key {kid}; it no longer opens anything. Back up the key file again.")


def backup(
    path: Annotated[Path, typer.Argument(help="The backup file to write (only you can open it here).")],
) -> None:
    """Write a backup of the whole database (ciphertext stays ciphertext). Keep the two key files apart from it:
    keys.json and backup-keys.json; a restore needs both (and purged-entries.json beside them, which keeps out of a
    restore the entries deleted for good after its backup was taken)."""
    from django.conf import settings

    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.cli.paths import writing_to
    from reverie.clinic.services import backup_keys, purged
    from reverie.clinic.services.backup import create_backup

    with writing_to(path):
        count = create_backup(path)
    typer.echo(f"Backed up {count} records to {path}.")
    typer.echo(
        _keys_to_keep(
            settings.REVERIE.key_file, backup_keys.path(), bool(settings.REVERIE["REVERIE_MASTER_KEY"])
        )
    )
    if purged.path().exists():
        typer.echo(
            f"Keep {purged.path()} with them (current, not with the backup): it names the entries deleted for good,"
            " which a restore leaves out."
        )
    if purged.path(purged.FILES).exists():
        typer.echo(
            f"Keep {purged.path(purged.FILES)} with them too (current): it names the files removed for good,"
            " which a save sent again must not bring back."
        )


def _keys_to_keep(key_file: Path, backup_keys_file: Path, key_from_environment: bool) -> str:
    """What a restore of this backup needs besides it, naming only files that exist (r130: backup-keys.json was
    named before any backup had made it); the master key by its variable when it comes from REVERIE_MASTER_KEY
    (then the key file, if any, is not the one in use)."""
    files = [
        str(f)
        for f in (key_file, backup_keys_file)
        if f.exists() and not (f == key_file and key_from_environment)
    ]
    things = ["this file" if len(files) == 1 else "these two files"] if files else []
    if key_from_environment:
        things.append("the master key you set in REVERIE_MASTER_KEY")
    if not things:
        return "No key file is needed to restore this backup yet."
    needed = len(files) + key_from_environment
    named = f" {' and '.join(files)}." if files else ""
    return (
        f"Keep {' and '.join(things)} safe too, apart from the backup: a restore needs"
        f" {'both' if needed > 1 else 'it'}.{named}"
    )


def restore(
    path: Annotated[Path, typer.Argument(help="The backup file, as `reverie backup` wrote it.")],
    without_backup_keys: Annotated[
        bool,
        typer.Option(
            "--without-backup-keys",
            help="Restore even though backup-keys.json is missing: only what the key file alone opens;"
            " every person whose journal needs it is left out (and counted); the others are kept, with two-step"
            " sign-in to set up again where it was on.",
        ),
    ] = False,
) -> None:
    """Restore a backup into an empty database. Needs keys.json and backup-keys.json in the data folder. A backup
    made by a newer Reverie is refused; one made by an older Reverie is migrated forward, as an upgrade would. The
    backup may come through a pipe (`... | reverie restore /dev/stdin`): its size is counted as it is read."""
    from reverie.cli.runtime import django_ready
    from reverie.clinic.services.backup import restore_backup
    from reverie.text import counted

    django_ready()
    from reverie.clinic.services import backup_keys, purged

    missing = not backup_keys.path().exists()
    done = restore_backup(path, without_backup_keys=without_backup_keys)
    typer.echo(
        f"Restored {counted(done.records, 'record', 'records')} ({counted(done.people, 'person', 'people')})."
    )
    if done.left_out_people:
        why = (
            f"their keys are in backup-keys.json, which was not at {backup_keys.path()}"
            if missing
            else "no key for them in backup-keys.json: erased since the backup, or the file is older than it"
        )
        typer.echo(
            f"Not restored: {counted(done.left_out_people, 'person', 'people')} with their"
            f" {counted(done.left_out_entries, 'entry', 'entries')} and"
            f" {counted(done.left_out_attachments, 'attachment', 'attachments')} ({why})."
        )
    if done.two_step_cleared:
        typer.echo(
            f"Two-step sign-in was turned off for {counted(done.two_step_cleared, 'person', 'people')} (therapists,"
            " say): their"
            " authenticator secret is sealed under a key kept in backup-keys.json, which was not there or held no"
            " key for them (a copy older than their key). Their"
            " accounts are restored; each sets two-step sign-in up again (a therapist at the next sign-in). The audit"
            " trail records it."
        )
    if done.queued:
        from django.conf import settings

        typer.echo(
            f"Queued for analysis: {done.queued} entries that were waiting for it when the backup was taken."
            if settings.REVERIE["REVERIE_ANALYSIS"] != "off"
            else f"{done.queued} entries wait for analysis (REVERIE_ANALYSIS is off here)."
        )
    if done.purged_entries:
        when = (
            "after this backup was taken"
            if not done.purged_undated
            else f"here ({done.purged_undated} of them at a moment this backup or the record does not give, so"
            " perhaps before this backup was taken)"
        )
        typer.echo(
            f"Left out {done.purged_entries} entries (and their {done.purged_attachments} attachments) deleted for"
            f" good {when} ({purged.path()})."
        )
    if done.audit_restored:
        typer.echo(
            f"The {done.audit_restored} audit events in the backup cannot be checked in full here (keyed under"
            " another key file's master key: their links only). The audit trail was re-anchored at this restore"
            " (an audit event says why) and verifies from there: `reverie audit verify`."
        )
    if done.audit_altered is not None:
        where = f"Audit event {done.audit_altered}" if done.audit_altered else "The audit trail's head"
        typer.echo(
            f"{where} in the backup was altered: this backup (reverie.backup/4 or older) kept each audit time to the"
            " millisecond, and no time within its millisecond gives that event's digest. The audit trail was not"
            " re-anchored and fails its check: `reverie audit verify`."
        )


def erase(
    user: Annotated[str | None, typer.Option("--user", "-u", help="Your user name.")] = None,
    confirm: Annotated[str, typer.Option(help="Type your user name again to confirm.")] = "",
) -> None:
    """Erase your account and everything you wrote, for good (your data key is destroyed). Asks for your password
    (or REVERIE_PASSWORD); linked therapists lose their records of the course and are told on their caseload."""
    import os

    from reverie.cli.runtime import django_ready, password_from
    from reverie.errors import AuthenticationFailed

    django_ready()
    from reverie.clinic.models import User
    from reverie.clinic.services import portability
    from reverie.insights.statements import unit_words

    name = (user or os.environ.get("REVERIE_USER") or "").strip().lower()
    if not name:
        raise AuthenticationFailed("Say who you are with --user NAME (or REVERIE_USER).")
    if not confirm:
        raise InvalidInput("Erasing cannot be undone. Repeat with --confirm YOUR-USER-NAME.")
    password = password_from()
    actor = User.objects.filter(username=name, is_active=True).first()
    wrong = AuthenticationFailed("Wrong user name or password. Nothing was erased.")
    if actor is None:
        raise wrong
    try:
        count = portability.erase_client(actor, confirm, password, address="cli")
    except AuthenticationFailed as exc:  # here the user name typed was checked too: one answer for both
        raise (wrong if exc.message == portability.WRONG_PASSWORD else exc) from None
    said = f"{count} {unit_words('entries', count)}"
    typer.echo(f"Erased the account and {said}. Old backups can no longer be read for this person.")


def worker(
    interval: Annotated[
        float,
        typer.Option(
            help=f"Seconds between polls for new tasks ({POLL_SECONDS_LOW} to {POLL_SECONDS_HIGH:g}).",
            min=POLL_SECONDS_LOW,
            max=POLL_SECONDS_HIGH,
        ),
    ] = 1.0,
    batch: Annotated[bool, typer.Option("--batch", help="Run what is queued now, then stop.")] = False,
    parent_pid: Annotated[
        int | None, typer.Option(hidden=True, help="Stop when this process is gone.")
    ] = None,
    worker_id: Annotated[
        str | None, typer.Option(hidden=True, help="This worker's id (given by `reverie serve`).")
    ] = None,
) -> None:
    """Run background tasks (analysis of saved entries). Several workers may share one PostgreSQL database;
    a worker that dies leaves no task stuck (leases: REVERIE_TASK_LEASE_SECONDS)."""
    from reverie.cli.runtime import django_ready
    from reverie.clinic.services import keys
    from reverie.clinic.services.worker import run_worker

    django_ready()
    keys.check_at_start()  # a wrong master key: refused here, as `serve` refuses it, not task by task (r130)
    run_worker(interval=interval, batch=batch, parent_pid=parent_pid, worker_id=worker_id)


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(worker)
    app.command()(backup)
    app.command()(restore)
    app.command()(erase)
