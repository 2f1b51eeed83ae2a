"""``reverie doctor``: check that every sealed record opens; move aside the ones that never can."""

from __future__ import annotations

from typing import Annotated

import typer

from reverie.text import counted


def doctor(
    quarantine: Annotated[
        bool,
        typer.Option(
            "--quarantine",
            help="Move records sealed under a data key that no row holds (they can never be opened) into "
            "quarantine, so lists, exports and the therapist's pages work again.",
        ),
    ] = False,
) -> None:
    """Open every sealed record and report, per person, how many cannot be opened (never their content); finish
    what an earlier erasure still owes (emptying the database's write-ahead log, removing a backup key), and say
    so when it finishes an erasure that a stopped process left (person ids only); retry the risk alerts a save
    still owes and say how many entries were risk-screened on the lexicon alone, how many wait for their analysis
    or whose analysis failed (by error type; given up after three tries, or a task that stopped its worker three
    times), and how many wait for re-analysis (analysed by an older analyzer version) or whose re-analysis failed.

    Exits non-zero when any record cannot be opened (after --quarantine: when any is left that was not moved), when
    an erasure is still not finished (said in plain words), when a risk alert is still owed (by a save, or by an
    analysis whose after-analysis hooks failed and were given up: analyses waiting or retried exit 0), or when the
    backup key file (backup-keys.json) may be read by group or others (as the key file is refused), or when a record
    of what was deleted for good (purged-entries.json, purged-files.json) cannot be read (named, to repair; E510).
    """
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.models import User
    from reverie.clinic.services import backup_keys, erasure_owed, purged
    from reverie.clinic.services import doctor as service
    from reverie.errors import IntegrityError, KeyUnavailable
    from reverie.insights.statements import unit_words

    try:  # readable by others: reported, and exits non-zero (E510) as keys.json does, never used silently
        backup_keys.check()
        shared_backup_keys = None
    except KeyUnavailable as exc:
        shared_backup_keys = exc
        typer.echo(exc.message)
    damaged_records = purged.unreadable()  # every save under a client-chosen id is refused until repaired
    for said in damaged_records:
        typer.echo(
            f"{said} Saves under an id the client chose are refused until it is repaired (or restored from a copy)."
        )
    owed_before = erasure_owed.current()
    try:
        owed = erasure_owed.settle()
    except OSError as exc:  # the record cannot be moved aside or written: said plainly, exits non-zero below
        typer.echo(
            "What an earlier erasure still owes could not be checked: erasure-owed.json beside the key file"
            f" cannot be read, moved or written ({type(exc).__name__}). Check that folder can be written, then"
            " run `reverie doctor` again."
        )
        owed = erasure_owed.Owed(wal_truncation=True)
    if owed_before and not owed:
        typer.echo(
            "Finished what an earlier erasure still owed (nothing of the erased person is left to remove)."
        )
    for line in erasure_owed.describe_completed(owed):
        typer.echo(line)
    for line in erasure_owed.describe(owed):
        typer.echo(line)
    risk_owed = (
        _risk_screen_health()
    )  # before any failing exit: a lost record elsewhere keeps no alert unraised
    hooks_owed = _analysis_health()
    _reanalysis_health()
    report = service.check()
    names = dict(User.objects.values_list("pk", "username"))
    failed = report.failed_by_person()
    checked, people = report.checked, len(report.per_person)
    typer.echo(
        f"Checked {checked} {unit_words('sealed records', checked)} of {people} {unit_words('people', people)}."
    )
    for person, columns in sorted(report.per_person.items(), key=lambda kv: kv[0] or 0):
        bad = failed.get(person, 0)
        name = names.get(person or 0, "?")
        records = sum(columns.values())
        typer.echo(
            f"  person {person} ({name}): {records} {unit_words('records', records)}, {bad} cannot be opened"
        )
    reasons: dict[str, int] = {}
    for failure in report.failures:
        reasons[failure.reason] = reasons.get(failure.reason, 0) + 1
    for reason, count in sorted(reasons.items()):
        typer.echo(f"  {count} × {reason}: {service.EXPLAIN[reason]}")
    if report.header_only:
        typer.echo(f"  header (key id) checked only: {', '.join(sorted(report.header_only))}")
    if report.ownerless:
        typer.echo(f"  not checked (no owner found): {', '.join(sorted(report.ownerless))}")
    if report.erased_skipped:
        skipped = report.erased_skipped
        typer.echo(
            f"  {skipped} {unit_words('records', skipped)} of erased people skipped (unreadable by design)"
        )
    remaining = len(report.failures)
    if quarantine and remaining:
        moved = service.quarantine(report)
        remaining = len(service.check().failures)
        typer.echo(
            f"Moved {moved} {unit_words('rows', moved)} into quarantine;"
            f" {remaining} {unit_words('records', remaining)} still cannot be opened."
        )
    if remaining:
        raise IntegrityError(
            f"{remaining} {unit_words('sealed records', remaining)} cannot be opened (see above; docs/security.md, 'reverie doctor')."
        )
    if owed:
        raise IntegrityError(
            "Every sealed record opens, but an erasure is not finished (see above; docs/security.md, 'Erasure')."
        )
    typer.echo("Every sealed record opens.")
    if shared_backup_keys is not None:
        raise shared_backup_keys
    if damaged_records:
        raise KeyUnavailable(
            f"{len(damaged_records)} {unit_words('records', len(damaged_records))} of what was deleted for good"
            " cannot be read (see above; docs/security.md)."
        )
    alerts_owed = " ".join(said for said in (risk_owed, hooks_owed) if said)
    if alerts_owed:
        raise IntegrityError(alerts_owed)


def _risk_screen_health() -> str | None:
    """The save-time risk screen: retry the alerts saves still owe and say what is left, and the screens made on
    rules alone. Runs before any check that may exit; returns the failing exit's message when alerts are still
    owed (raised last, so the sealed records are still checked and reported)."""
    from reverie.clinic.services import risk_screen

    state = risk_screen.health()
    if state.model_missing:
        typer.echo(
            "The risk sentence model or the sentence encoder is not installed: saved words are risk-screened on"
            " the lexicon alone, which misses what no phrase names. Reinstall Reverie to get the models."
        )
    if state.model_damaged is not None:
        typer.echo(
            f"The risk model file is damaged: {state.model_damaged}. Saved words are risk-screened on the"
            " lexicon alone, which misses what no phrase names (each such screen says so). Reinstall Reverie to"
            " restore it."
        )
    if state.support_damaged:
        typer.echo(
            "The risk support file is damaged: the sentence model's flags all stand (more false alarms, none"
            " missed). Reinstall Reverie to restore it."
        )
    if state.rules_only:
        typer.echo(
            f"{state.rules_only} saved entries were risk-screened on the lexicon alone (the sentence model was not"
            " installed when they were saved)."
        )
    if not state.owed:
        return None
    said = (
        f"{state.owed} saved texts still owe their risk alert (it could not be written when they were saved"
        " and retrying failed); their words are kept. Run `reverie doctor` again once the database is well."
    )
    typer.echo(said)
    return said


def _analysis_health() -> str | None:
    """Say how many entries wait for their analysis, and whose analysis (or re-analysis) failed, in plain words
    with the command that retries them (counts and error type names only, never words). Returns the failing
    exit's message when an analysed entry's risk alert (its after-analysis hooks) is owed and its retries were
    given up: an alert that never reached the therapist, as an owed save-time alert."""
    from django.conf import settings

    from reverie.clinic.services import analysis

    try:
        state = analysis.health()
    except Exception as exc:  # never fatal to the record check
        typer.echo(f"Could not check which entries wait for their analysis ({type(exc).__name__}).")
        return None
    errors = ", ".join(f"{name} × {count}" for name, count in sorted(state.errors.items()))
    reerrors = ", ".join(f"{name} × {count}" for name, count in sorted(state.reanalysis_errors.items()))
    failed = state.retrying + state.given_up
    if failed:
        typer.echo(
            f"{counted(failed, 'entry', 'entries')} could not be analysed: their analysis failed ({errors})."
            f" {state.retrying} will be retried by the worker; {counted(state.given_up, 'was', 'were')} given up"
            f" after {analysis.MAX_TRIES} tries (or stopped the worker as often). Their words are kept;"
            " `reverie reanalyse` tries them all again now."
        )
    others = state.waiting - failed
    if others and settings.REVERIE["REVERIE_ANALYSIS"] != "off":
        typer.echo(
            f"{counted(others, 'entry waits', 'entries wait')} for their analysis: a running `reverie worker`"
            " (or `reverie serve`) analyses them; `reverie reanalyse` analyses them all now."
        )
    if state.reanalysis_given_up:
        typer.echo(
            f"{counted(state.reanalysis_given_up, 'entry', 'entries')} could not be re-analysed by the analyzers"
            f" installed now: it failed {analysis.MAX_TRIES} times ({reerrors}); they keep their older findings and the worker goes on"
            " with the others. `reverie reanalyse` tries them again now."
        )
    if not state.hooks_given_up:
        return None
    said = (
        f"{counted(state.hooks_given_up, 'analysed entry still owes its', 'analysed entries still owe their')}"
        " risk alert: the steps after their analysis (the alert to the therapist) failed {analysis.MAX_TRIES} times and the worker gave up; their words and"
        " findings are kept. Run `reverie reanalyse` to raise the alerts now, once the database is well."
    )
    typer.echo(said)
    return said


def _reanalysis_health() -> None:
    """Say how many entries wait for re-analysis (analysed by an older analyzer version, after an upgrade)."""
    from reverie.clinic.models import StoredAnalysis
    from reverie.clinic.services import analysis

    if not StoredAnalysis.objects.exists():
        return
    try:
        waiting = analysis.outdated_count()
    except Exception as exc:  # the analyzers cannot be loaded: said, never fatal to the record check
        typer.echo(f"Could not check which entries wait for re-analysis ({type(exc).__name__}).")
        return
    if waiting:
        typer.echo(
            f"{waiting} entries wait for re-analysis (analysed by an older analyzer version): the worker redoes"
            " them a batch at a time, after new saves; `reverie reanalyse` redoes them all now."
        )


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor)
