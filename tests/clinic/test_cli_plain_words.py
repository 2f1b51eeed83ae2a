"""The command line in plain words (brief u1): help placeholders, the kinds of entry, numbers typed wrong, and a
recovery copy that can never be saved."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from reverie.cli.main import app
from reverie.cli.reference import _walk

TYPE_NAMES = re.compile(r"<(str|int|float|path|bool|datetime)[^>]*>|list\[")


@pytest.fixture(autouse=True)
def _plain_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "typer.core.HAS_RICH", False
    )  # as `reverie` prints it (reverie.cli sets TYPER_USE_RICH=0)


def _help(*path: str) -> str:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, (path, result.output)
    return result.output


def test_cli_help_shows_plain_placeholders_never_python_types() -> None:
    import typer

    root = typer.main.get_command(app)
    walked = [path for path, command in _walk(root, []) if not getattr(command, "commands", None)]
    assert len(walked) > 30
    for path in walked:
        out = _help(*path)
        assert not TYPE_NAMES.search(out), (path, out)
        assert "{" not in out.split("\n")[0], (path, out)  # the usage line names arguments as Click does
    listed = _help("journal", "list")
    assert "-u, --user NAME" in listed and "--kind KIND" in listed
    shown = _help("journal", "show")
    assert "journal show [OPTIONS] ENTRY_ID" in shown
    assert "--file FILE" in _help("journal", "write") and "--days NUMBER" in _help("user", "invite-therapist")


def test_cli_kind_help_lists_the_kinds_in_words() -> None:
    from reverie.clinic.models import EntryKind

    for command in ("write", "list"):
        out = " ".join(_help("journal", command).split())
        for label in EntryKind.labels:  # the words the web's form shows, from the same table
            assert label.lower().split(" or ")[0] in out, (command, label)
        assert "free_association" not in out.split("--kind KIND")[1].split("--")[0]


@pytest.mark.db
def test_cli_kind_in_words_is_accepted_and_an_unknown_kind_names_the_choices(cli: Any) -> None:
    cli("user", "create", "kira")
    assert cli("journal", "write", "-u", "kira", "--kind", "Free association", input="A walk.")[1].startswith(
        "Saved free association"
    )
    cli("journal", "write", "-u", "kira", "--kind", "mindful-choice", input="Chose tea.")
    for command in (("write",), ("list",)):
        code, _, err = cli("journal", *command, "-u", "kira", "--kind", "nightmare", input="x", check=False)
        assert code == 2 and "Traceback" not in err and "[E100]" in err, err
        assert "Unknown entry kind" in err and "daydream (or fantasy)" in err and "mindful choice" in err
    rows = json.loads(cli("journal", "list", "-u", "kira", "--kind", "Mindful choice", "--json")[1])
    assert [row["kind"] for row in rows] == ["mindful_choice"]
    table = cli("journal", "list", "-u", "kira")[1]
    assert "Free association" in table and "free_association" not in table


@pytest.mark.db
def test_cli_a_number_typed_wrong_is_a_plain_error(cli: Any) -> None:
    cli("user", "create", "nico")
    for args in (
        ("token", "revoke", "abc", "-u", "nico"),
        ("token", "revoke", "1.5", "-u", "nico"),
        ("token", "revoke", "-3", "-u", "nico"),
        ("token", "revoke", "99999999999999999999999", "-u", "nico"),
        ("token", "revoke", "0", "-u", "nico"),
        ("pair", "end", "abc", "-u", "nico"),
        ("insights", "--client", "x", "-u", "nico"),
        ("user", "invite-therapist", "--days", "two"),
        ("journal", "recover", "--discard", "first", "-u", "nico"),
    ):
        code, _, err = cli(*args, check=False)
        assert code == 2, (args, code, err)
        assert err.startswith("error: ") and "[E100]" in err, (args, err)
        for jargon in ("Invalid value", "valid integer", "No such option", "Traceback", "Usage:", "incident"):
            assert jargon not in err, (args, err)
        assert "number" in err, (args, err)


@pytest.mark.db
def test_cli_recover_discard_drops_a_copy_that_can_never_be_saved_after_asking(cli: Any) -> None:
    cli("user", "create", "rosa")
    code, _, err = cli(
        "journal", "write", "-u", "rosa", "--happened-at", "2999-01-01", input="x", check=False
    )
    assert code != 0 and "kept in" in err
    [copy] = list((cli.data_dir / "recovery").glob("*/*.json"))
    copy.write_text("{damaged")  # can never be saved: before, every `journal recover` offered it again
    for _ in range(2):
        code, _, err = cli("journal", "recover", "-u", "rosa", check=False)
        assert code == 1 and "left in place as copy 1" in err and "--discard NUMBER" in err
    code, _, err = cli("journal", "recover", "-u", "rosa", "--discard", "2", check=False)
    assert code == 2 and "no recovery copy 2" in err and copy.exists()
    code, out, _ = cli("journal", "recover", "-u", "rosa", "--discard", "1", input="n\n")
    assert "Kept recovery copy 1" in out and copy.exists()  # never silently
    code, out, _ = cli("journal", "recover", "-u", "rosa", "--discard", "1", "--yes")
    assert f"Deleted recovery copy 1 ({copy.name})" in out and not copy.exists()
    code, out, err = cli("journal", "recover", "-u", "rosa")
    assert "Recovered 0 entries" in out and "left in place" not in err


# --- brief u3: the rest of the command line in plain words ------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_cli_fit_help_says_how_to_answer_in_the_checks_own_words() -> None:
    """Before: "--answers: the five seed questions (yes, no or not_sure), … the twelve preference items d1 d2 d3 e1
    … c3 as numbers −3…3": codes a person could not answer without the source."""
    from reverie.programmes import fit as rules

    out = _flat(_help("fit"))
    for _, question in rules.SEED_QUESTIONS:
        assert question in out
    assert rules.STRUCTURE_QUESTION in out and "open-ended or no preference" in out
    for item in rules.PREFERENCE_ITEMS:  # each pair of statements, from the check's module, numbered in order
        assert f"{item.left} / {item.right}" in out, item.key
    assert "-3: you fully agree with the first; 3: fully with the second" in out
    for code in ("not_sure", "open_ended", "no_preference", "d1", "c3", "−3…3"):
        assert code not in out, code


@pytest.mark.db
def test_cli_fit_takes_answers_in_words_and_names_a_wrong_one_by_its_question(cli: Any) -> None:
    code, _, err = cli("fit", "--answers", "yes,no", check=False)
    assert code == 2 and "[E100]" in err
    assert "it has 2" in err and "Are healthy relationships difficult or rare for me?" in err, err
    assert "not_sure" not in err and "−3…3" not in err
    words = "yes,yes,not sure,no,Yes,open-ended,-2,1,0,2,-1,1,+3,−2,2,0,0,-1"
    _, out, _ = cli("fit", "--answers", words)
    assert "not a diagnosis" in out
    code, _, err = cli("fit", "--answers", words.replace("open-ended", "loose"), check=False)
    assert code == 2 and "structured or an open-ended approach" in err, err
    code, _, err = cli("fit", "--answers", words[: -len("-1")] + "9", check=False)
    assert code == 2 and "I want to be questioned about how I see the world" in err and "c3" not in err, err


def test_cli_check_in_takes_the_buttons_words_and_its_help_says_them() -> None:
    """Before: `--answer` took only the codes safe, need_help, misunderstood; "I'm safe for now" was refused."""
    from reverie.care.models.safety import ANSWER_LABELS

    out = _flat(_help("journal", "check-in"))
    for label in ANSWER_LABELS.values():
        assert f'"{label}"' in out, label
    assert "need_help" not in out
    from reverie.cli.journal_cmds import answer_from
    from reverie.errors import InvalidInput

    for typed, code in (
        ("I'm safe for now", "safe"),
        ("I’m safe for now.", "safe"),
        ("safe", "safe"),
        ("Safe for now", "safe"),
        ("I need help now", "need_help"),
        ("need help", "need_help"),
        ("need_help", "need_help"),
        ("You misunderstood", "misunderstood"),
        ("misunderstood", "misunderstood"),
    ):
        assert answer_from(typed, ANSWER_LABELS) == code, typed
    with pytest.raises(InvalidInput, match="I'm safe for now") as caught:
        answer_from("maybe", ANSWER_LABELS)
    assert "need_help" not in str(caught.value)


def test_cli_export_says_what_a_person_needs_to_know_not_the_format() -> None:
    """Before: "Export your whole journal, decrypted: … (format reverie.export/4)"."""
    from reverie.cli.main import app
    from reverie.cli.reference import markdown

    out = _flat(_help("journal", "export"))
    section = markdown(app).split("### `reverie journal export`")[1].split("\n### ")[0]
    for text in (out, _flat(section)):
        assert "anyone who gets it can read" in text and "keep it safe" in text
        for jargon in ("decrypted", "reverie.export", "0600"):
            assert jargon not in text, jargon
    assert "`reverie.export/10`" in markdown(app).split("## For developers")[1]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("token", "revoke"), "reverie token revoke needs TOKEN_ID (the token's number"),
        (("journal", "list", "--bogus"), "reverie journal list has no option --bogus."),
        (
            ("journal", "list", "two words"),
            "reverie journal list did not expect “two words”. Text with spaces",
        ),
        (("journal", "list", "-u"), "-u needs a value right after it."),
        (("journal", "nope"), "reverie journal has no command “nope”."),
        (("course", "create"), "reverie course create needs --client (the linked client's user name)."),
    ],
)
def test_cli_usage_errors_are_in_plain_words(cli: Any, args: tuple[str, ...], said: str) -> None:
    """Before: Click's "Usage: … Try '… --help' for help. Error: Missing argument 'TOKEN_ID'." (and "No such option",
    "Got unexpected extra argument(s)"), in another form than every other error."""
    code, out, err = cli(*args, check=False)
    assert code == 2 and out == "", (args, out)
    assert err.startswith(f"error: {said}") and err.rstrip().endswith("[E100]"), (args, err)
    assert err.count("\n") == 1, err  # one line
    for jargon in ("Usage:", "Try '", "Error:", "Missing argument", "No such option", "unexpected extra"):
        assert jargon not in err, (args, jargon)
    if args == ("journal", "nope"):  # the near miss: a group named alone still shows its help, as before
        code, _, err = cli("journal", check=False)
        assert "Usage: reverie journal" in err and "error:" not in err


def test_cli_analyse_kind_in_words_and_what_session_is_for() -> None:
    """Before: "--kind: Entry kind: free_association, dream, session, …" (codes, `session` unexplained)."""
    out = _flat(_help("analyse"))
    option = out.split("--kind KIND")[1].split("--json")[0]
    assert "mindful choice" in option and "daydream (or fantasy)" in option
    assert "session, for the notes or a transcript of a therapy session" in option
    assert "free_association" not in option
    from reverie.cli.analysis_cmds import analysis_kind
    from reverie.errors import InvalidInput

    assert analysis_kind("Mindful choice") == "mindful_choice" and analysis_kind("free-association") == (
        "free_association"
    )
    assert analysis_kind("session") == "session" and analysis_kind("Session note") == "session_note"
    with pytest.raises(InvalidInput, match="or session"):
        analysis_kind("nightmare")


def test_cli_course_create_help_in_words_and_every_argument_has_a_help_line() -> None:
    """Before: "ISO 8601", the programme and schedule codes, "[default: every_session]", "(mode 0600)", and no
    help line on the arguments of backup, restore, directory import, user create and user reset-password."""
    import typer

    out = _flat(_help("course", "create"))
    for jargon in ("ISO 8601", "brief_psychodynamic", "every_session", "every_other_session"):
        assert jargon not in out, jargon
    assert "Example: reverie course create" in out and "Dynamic Interpersonal Therapy" in out
    from reverie.programmes.formats import ProgrammeId

    for programme in ProgrammeId:  # every programme, in the words it is accepted in
        assert programme.value.replace("_", " ") in out, programme
    root = typer.main.get_command(app)
    for path, command in _walk(root, []):
        for param in getattr(command, "params", []):
            assert param.name == "help" or getattr(param, "help", None), (path, param.name)
        if not getattr(command, "commands", None):
            assert "0600" not in _help(*path), path
    from reverie.cli.care_cmds import _code

    assert _code("brief psychodynamic") == "brief_psychodynamic" and _code("every-other session") == (
        "every_other_session"
    )


# --- brief u4: the questionnaires' own words on the command line ----------------------------------------------


def test_cli_measure_fill_help_shows_each_question_and_what_0_to_3_mean() -> None:
    """Before: "--answers: Answers 0–3 in item order, comma-separated.": no question, no meaning of a number."""
    from reverie.measures.questionnaires import QUESTIONNAIRES

    out = _flat(_help("measure", "fill"))
    for questionnaire in QUESTIONNAIRES:
        assert questionnaire.stem in out
        for item in questionnaire.items:  # from the measures' own texts, numbered in order
            assert f"{item.number}. {item.text}" in out, item
    assert "0: not at all; 1: several days; 2: more than half the days; 3: nearly every day" in out
    assert "item order" not in out


def test_cli_measure_answers_name_a_wrong_one_by_its_question() -> None:
    from reverie.cli.care_cmds import _answers
    from reverie.errors import InvalidInput

    assert _answers("gad7", "1, 2,0,1,0,0,3") == [1, 2, 0, 1, 0, 0, 3]
    # spaces separate answers as commas do (r125: "0 0 0 …" was one answer, refused as "has 1")
    assert _answers("gad7", " 1 2\t0 , 1  0 0 3 ") == [1, 2, 0, 1, 0, 0, 3]
    for typed, said in (
        ("0,0,0,9,0,0,0", "Question 4, “Trouble relaxing”, takes one of 0 (not at all)"),
        (
            "0,,0,0,0,0,0",
            "Question 2, “Not being able to stop or control worrying”",
        ),  # no answer: never skipped
        ("0,0,x,0,0,0,0", "Question 3, “Worrying too much about different things”"),
        ("0,0", "has 2: answer 3 would be for “Worrying too much about different things”"),
        ("0,0,0,0,0,0,0,0", "has 8: the last one would answer no question"),
    ):
        with pytest.raises(InvalidInput) as caught:
            _answers("gad7", typed)
        assert said in str(caught.value), str(caught.value)
        assert "9" not in str(caught.value)  # never the value typed
