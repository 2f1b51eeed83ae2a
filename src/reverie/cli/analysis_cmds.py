"""``reverie analyse``, ``reanalyse``, ``eval …`` and ``bench …``: the analysis engine from the command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from reverie.analysis.kinds import analysis_kind
from reverie.errors import InvalidInput
from reverie.journal.kinds import kinds_in_words

eval_app = typer.Typer(
    help="Measure the analyzers against human-coded data (prints JSON last).", no_args_is_help=True
)
bench_app = typer.Typer(help="Benchmarks (print figures, JSON last).", no_args_is_help=True)
train_app = typer.Typer(
    help="Train local research models from data you hold (they stay on this machine).", no_args_is_help=True
)


def _read(source: str) -> str:
    from reverie.cli.paths import read_named

    raw = sys.stdin.buffer.read() if source == "-" else read_named(Path(source))
    from reverie.text import decoded

    try:
        return decoded(raw)
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"The text is not valid UTF-8 (bad byte at position {exc.start}).") from None


def print_readable(text: str, result: dict[str, Any]) -> None:
    """The findings in words. What comes from the text (a quote, a name in a finding's line) is printed literally,
    never read as Rich markup: "[laughs]" in a transcript is kept, "[/i]" is only characters."""
    from reverie.analysis.summary import KIND_TITLES, summarise
    from reverie.cli.rich_text import console as rich_console
    from reverie.cli.rich_text import shown

    console = rich_console()  # ":cry:" in a person's words stays ":cry:"
    for note in result.get("notes", []):
        console.print(f"[yellow]note:[/] {shown(note)}")
    groups = summarise(text, result, per_kind=30)
    for kind, lines in groups.items():
        console.print(f"\n[bold]{shown(KIND_TITLES.get(kind, kind))}[/]")
        for line in lines:
            quote = f"“{line.evidence}”" if line.evidence else ""
            console.print(f"  {shown(line.text)}  ({line.confidence:.2f})  {shown(quote)}", highlight=False)
    if not groups and not result.get("notes"):
        console.print("Nothing found.")


KIND_HELP = (
    f"What the text is: one of the journal's kinds, {kinds_in_words()} (free association if not given); or"
    " session, for the notes or a transcript of a therapy session, read as a conversation in which 'you' is the"
    " therapist."
)


def analyse(
    source: Annotated[
        str | None, typer.Argument(help="A text file, or '-' for stdin (omit with --jsonl).")
    ] = None,
    kind: Annotated[str, typer.Option(help=KIND_HELP, show_default=False)] = "free_association",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    jsonl: Annotated[
        str | None,
        typer.Option(
            "--jsonl",
            metavar="FILE",
            help='Batch: a JSON-lines file (or \'-\'), one {"id", "text", "kind"} per line; '
            "writes one JSON line of findings per input line, loading the models once.",
        ),
    ] = None,
    only: Annotated[str, typer.Option(help="Comma-separated analyzer names to run (default: all).")] = "",
) -> None:
    """Analyse a text on this machine and print the findings with their evidence."""
    chosen = [name.strip() for name in only.split(",") if name.strip()] or None
    kind = analysis_kind(kind)
    if jsonl is not None:
        if source is not None:
            raise InvalidInput("Give either a text file or --jsonl, not both.")
        from reverie.analysis.batch import analyse_jsonl

        with _stderr_progress("Analysing") as progress:
            analyse_jsonl(_read(jsonl), sys.stdout, only=chosen, progress=progress)
        return
    if source is None:
        raise InvalidInput("Name a text file, '-' for stdin, or --jsonl FILE.")
    from reverie.analysis.pipeline import analyse as run

    text = _read(source)
    with _stderr_progress("Analysing") as progress:  # the encoder pass, then each analyzer
        result = run(text, kind, only=chosen, progress=progress).to_json()
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        print_readable(text, result)


@contextmanager
def _stderr_progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A spinner and count on stderr (only when stderr is a terminal; stdout stays clean for JSON)."""
    from rich.progress import SpinnerColumn, TextColumn

    from reverie.cli.rich_text import progress

    columns = (SpinnerColumn(), TextColumn("{task.description} {task.completed}/{task.total}"))
    with progress(*columns) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def reanalyse() -> None:
    """Analyse the entries still waiting and recompute the stored analyses made by older analyzer versions, risk
    first. An entry that fails keeps its earlier findings; the run goes on, and exits non-zero if any failed."""
    from reverie.cli.rich_text import progress
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.services.analysis import reanalyse as run

    with progress() as bar:  # on stderr, only on a terminal: `reverie reanalyse > log` holds what it says
        task = bar.add_task("Re-analysing", total=None)
        outcome = run(lambda i, n: bar.update(task, completed=i, total=n))
    typer.echo(f"Re-analysed {outcome.done} entries.")
    if outcome.failed:
        typer.echo(
            f"{outcome.failed} entries could not be re-analysed; they keep their earlier findings. The log names"
            " the error; run `reverie reanalyse` again once it is fixed."
        )
        raise typer.Exit(1)


def _progress_run(label: str, fn: Callable[..., dict[str, Any]], path: Path, takes_progress: bool) -> None:
    from reverie.cli.rich_text import progress

    if not path.exists():
        raise InvalidInput(f"No file at {path}.")
    if takes_progress:
        with progress() as bar:  # on stderr, only on a terminal: stdout holds the JSON report alone
            task = bar.add_task(label, total=None)
            report = fn(path, progress=lambda i, n: bar.update(task, completed=i, total=n))
    else:
        report = fn(path)
    typer.echo(json.dumps(report, ensure_ascii=False))


@eval_app.command("emotions")
def eval_emotions(
    goemotions: Annotated[Path | None, typer.Option(help="A GoEmotions-format TSV.")] = None,
    journal: Annotated[
        list[Path] | None,
        typer.Option(
            help='Journal check set: JSON lines {"text", "plausible": [...], "not": [...]}; '
            "repeat for several files."
        ),
    ] = None,
) -> None:
    """Emotions against GoEmotions labels (macro/micro F1, per-label F1; head_only without the journal
    layer), or on journal check sets (top label plausible, abstained, denied or others' feelings credited)."""
    from reverie.analysis.evaluation.emotions import evaluate_emotions, evaluate_journal_emotions

    journals = list(journal or [])
    if goemotions is None and not journals:
        raise InvalidInput("Give --goemotions FILE, --journal FILE, or both.")
    if goemotions is not None and not journals:
        _progress_run("Emotions", evaluate_emotions, goemotions, True)
        return
    for path in journals:
        if not path.is_file():
            raise InvalidInput(f"No file at {path}.")
    report: dict[str, Any] = {}
    if goemotions is not None:
        if not goemotions.is_file():
            raise InvalidInput(f"No file at {goemotions}.")
        report["goemotions"] = evaluate_emotions(goemotions)
    results = [evaluate_journal_emotions(path) for path in journals]
    if len(results) == 1:
        report["journal"] = results[0]
    else:
        report["journals"] = results
    typer.echo(json.dumps(report, ensure_ascii=False))


@eval_app.command("episodes")
def eval_episodes(vignettes: Annotated[Path, typer.Option(help="Vignettes as JSON lines.")]) -> None:
    """Relationship episodes against hand-coded vignettes: found, expected, W/RO/RS accuracy."""
    from reverie.analysis.evaluation.episodes import evaluate_episodes

    _progress_run("Episodes", evaluate_episodes, vignettes, False)


@eval_app.command("defenses")
def eval_defenses(
    psydefconv: Annotated[Path | None, typer.Option(help="PsyDefConv JSON lines.")] = None,
    journal: Annotated[
        Path | None,
        typer.Option(help="Optional JSON lines with a 'text' per line: share of its sentences per level."),
    ] = None,
    key: Annotated[
        list[Path] | None,
        typer.Option(
            help='A key file, JSON lines {"text", "level"} (repeatable): how many sentences the head gets '
            "right, e.g. tests/fixtures/defense_key_frozen2.jsonl."
        ),
    ] = None,
) -> None:
    """Defense levels against PsyDefConv labels: macro F1 (and the shared task's macro_f1_official over
    levels 1–8), abstention rate, high-adaptive share, the held part of Reverie's own bank; and any key
    files named with --key (scored alone when --psydefconv is not given)."""
    from functools import partial

    from reverie.analysis.evaluation.defenses import evaluate_defense_keys, evaluate_defenses

    keys = list(key or [])
    for path in [*keys, *([journal] if journal is not None else [])]:
        if not path.is_file():
            raise InvalidInput(f"No file at {path}.")
    if psydefconv is None:
        if not keys:
            raise InvalidInput("Give --psydefconv FILE, --key FILE, or both.")
        typer.echo(json.dumps(evaluate_defense_keys(keys), ensure_ascii=False))
        return
    _progress_run("Defenses", partial(evaluate_defenses, journal=journal, keys=keys), psydefconv, False)


@train_app.command("defenses")
def train_defenses(
    psydefconv: Annotated[Path, typer.Option(help="Your own copy of PsyDefConv (JSON lines or a folder).")],
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: models/defenses-local in the data folder)."),
    ] = None,
    cv_repeats: Annotated[
        int,
        typer.Option(
            help="Times the grouped 5-fold cross-validation is repeated with new folds, 1-20 (figures: mean)."
        ),
    ] = 5,
) -> None:
    """Fit a local research defense model on PsyDefConv (CC BY-NC). It stays on this machine, outside the
    package; Reverie's shipped analysis never loads it. Prints the cross-validated figures as JSON."""
    from reverie.analysis.evaluation.defenses import (
        cross_validate_local_defense_model,
        train_local_defense_model,
    )
    from reverie.settings import load

    if not psydefconv.exists():
        raise InvalidInput(f"No file at {psydefconv}.")
    if not 1 <= cv_repeats <= 20:
        raise InvalidInput("--cv-repeats takes a whole number from 1 to 20.")
    target_dir = out if out is not None else load().data_dir / "models" / "defenses-local"
    target = train_local_defense_model(psydefconv, target_dir)
    report = cross_validate_local_defense_model(psydefconv, repeats=cv_repeats)
    report["model"] = str(target)
    typer.echo(json.dumps(report, ensure_ascii=False))


@eval_app.command("risk")
def eval_risk(
    cssrs: Annotated[Path, typer.Option(help="C-SSRS users CSV.")],
    challenge: Annotated[
        Path | None,
        typer.Option(
            help="Folder of challenge_<name>.jsonl batches, each reported by name "
            "(default: the source tree's tests/analysis_risk)."
        ),
    ] = None,
) -> None:
    """Risk screening against C-SSRS user labels: AUC, recall, precision, confusion; and every challenge batch."""
    from functools import partial

    from reverie.analysis.evaluation.risk import evaluate_risk

    run = evaluate_risk if challenge is None else partial(evaluate_risk, challenge_dir=challenge)
    _progress_run("Risk", run, cssrs, False)


@eval_app.command("dreams")
def eval_dreams(
    hvdc: Annotated[Path, typer.Option(help="Hall–Van de Castle coded dreams (JSON lines).")],
) -> None:
    """Dream coding against hand codes: emotion F1, characters, counts, indicator error."""
    from reverie.analysis.evaluation.dreams import evaluate_dreams

    _progress_run("Dreams", evaluate_dreams, hvdc, True)


@bench_app.command("analysis")
def bench_analysis(
    texts: Annotated[Path | None, typer.Option(help="Optional file: one text per paragraph.")] = None,
) -> None:
    """Throughput and latency of the whole pipeline, and its ratio to a bare encoder pass."""
    from reverie.analysis.bench import bench_analysis as run

    chosen = None
    if texts is not None:
        chosen = [t.strip() for t in _read(str(texts)).split("\n\n") if t.strip()]
        if not chosen:
            raise InvalidInput("The texts file holds no text.")
    report = run(chosen)
    typer.echo(json.dumps(report))


def register(app: typer.Typer) -> None:
    app.command()(analyse)
    app.command()(reanalyse)
    app.add_typer(eval_app, name="eval")
    app.add_typer(bench_app, name="bench")
    app.add_typer(train_app, name="train")
