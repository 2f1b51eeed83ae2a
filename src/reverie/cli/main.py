"""``reverie``: one entry point, one place where errors become messages and exit codes."""

from __future__ import annotations

import os
import sys

import typer

from reverie.cli import (
    account_cmds,
    admin,
    analysis_cmds,
    audit_cmds,
    care_cmds,
    doctor_cmds,
    insights_cmds,
    journal_cmds,
    pair_cmds,
    plain,
    recovery_cmds,
    token_cmds,
)
from reverie.errors import ReverieError

plain.install()  # NAME, NUMBER, FILE in help instead of Typer's <str>, <int>, <path>
app = typer.Typer(
    name="reverie",
    help="Reverie: a local-first psychodynamic therapy workbench. It supports therapy; it is not a therapist.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(journal_cmds.app, name="journal")
app.add_typer(admin.user_app, name="user")
app.add_typer(admin.keys_app, name="keys")
app.add_typer(token_cmds.app, name="token")
app.add_typer(pair_cmds.app, name="pair")
admin.register(app)
analysis_cmds.register(app)
insights_cmds.register(app)
care_cmds.register(app)
audit_cmds.register(app)
doctor_cmds.register(app)
recovery_cmds.register(app)
account_cmds.register(admin.user_app)


STOPPED = 130  # exit status after Ctrl-C (128 + SIGINT), as shells report it
UNEXPECTED = 70  # exit status of a fault of Reverie's own (EX_SOFTWARE), with an incident number


def _show_usage_error(exc: typer.TyperException) -> None:
    """Click's plain usage error ("No such option: --x" with the usage line), never an incident."""
    show = getattr(exc, "show", None)
    if callable(show):
        show()
    else:
        print(f"Error: {exc.format_message()}", file=sys.stderr)


def run() -> None:
    """Console entry point. ``--debug`` anywhere shows tracebacks."""
    os.umask(
        0o077
    )  # every file Reverie creates (database, WAL, exports, backups) is readable by its owner only
    args = sys.argv[1:]
    debug = "--debug" in args
    args = [a for a in args if a != "--debug"]
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="reverie", standalone_mode=False)
    except typer.Abort:
        print("Stopped.", file=sys.stderr)
        sys.exit(STOPPED)
    except typer.TyperException as exc:  # Typer ≥ 0.20 raises its own copy of Click's; Click is never loaded
        said = plain.usage_error(exc)
        if said is None:
            _show_usage_error(exc)
            sys.exit(exc.exit_code)
        print(f"error: {said}", file=sys.stderr)
        sys.exit(said.exit_code)
    except ReverieError as exc:
        if debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        sys.exit(STOPPED)
    except Exception as exc:
        if debug:
            raise
        from reverie.errors import failure_of

        plain_words = failure_of(
            exc
        )  # a full disk, a busy or damaged database: plainly, with their exit codes
        if plain_words is not None:
            print(f"error: {plain_words}", file=sys.stderr)
            sys.exit(plain_words.exit_code)
        import secrets  # only here: `reverie --help` need not load it (bench/cli_help_bench.py)

        incident = secrets.token_hex(4)
        print(
            f"error: unexpected {type(exc).__name__} (incident {incident}); run with --debug.",
            file=sys.stderr,
        )
        sys.exit(UNEXPECTED)
    if result == STOPPED:  # Typer ≥ 0.20 turns Ctrl-C into a silent exit code instead of KeyboardInterrupt
        print("Stopped.", file=sys.stderr)
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    run()
