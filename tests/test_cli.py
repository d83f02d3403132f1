"""The command line as a user meets it: version, help, and usage errors that never crash.

Commands run in a fresh interpreter (`python -m debate_tui`) so that a traceback, a wrong
exit code or stray output would show exactly as a user would see it. Only paths that stop
before parsing articles are exercised here: nothing in this file loads spaCy or Textual.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from debate_tui import __version__
from debate_tui.cli import EXIT_USAGE, default_corpus, main

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "debate_tui", *args],
        cwd=cwd,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    return result


def assert_usage_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == EXIT_USAGE == 2, result.stderr
    assert result.stdout == ""
    assert "error:" in result.stderr
    assert result.stderr.count("\n") == 1, "a usage error is one line"
    for fragment in fragments:
        assert fragment in result.stderr


def test_version_is_printed(tmp_path: Path) -> None:
    result = run_cli("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"debate-tui {__version__}"


def test_version_matches_the_package_metadata() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert __version__ == project["version"]


def test_help_lists_every_subcommand(tmp_path: Path) -> None:
    result = run_cli("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == ""
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.startswith("    ")}
    assert {"read", "parse", "topics", "export"} <= listed
    assert "usage: debate-tui" in result.stdout.lower()


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("read", ["--config", "--no-cache", "CORPUS_DIR"]),
        ("parse", ["--format", "--processes", "--config", "CORPUS_DIR"]),
        ("topics", ["--config", "CORPUS_DIR"]),
        ("export", ["--topic", "--all", "--output", "--format", "--force"]),
    ],
)
def test_each_subcommand_has_help(tmp_path: Path, command: str, options: list[str]) -> None:
    result = run_cli(command, "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.lower().startswith(f"usage: debate-tui {command}")
    for option in options:
        assert option in result.stdout


def test_the_console_script_is_installed(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "debate-tui"
    if not script.exists():
        pytest.skip("the debate-tui script is not installed beside this interpreter")
    result = subprocess.run(
        [str(script), "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"debate-tui {__version__}"


# Usage errors: stderr, exit code 2, no traceback -----------------------------------------


@pytest.mark.parametrize(
    ("args", "unknown"),
    [
        (["--bogus"], "--bogus"),
        (["parse", "--bogus"], "--bogus"),
        (["topics", "--frobnicate", "3"], "--frobnicate"),
    ],
)
def test_an_unknown_option_is_a_one_line_usage_error(
    tmp_path: Path, args: list[str], unknown: str
) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert_usage_error(result, f"unrecognized arguments: {unknown}", "--help")


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-folder"],
        ["read", "no-such-folder"],
        ["parse", "no-such-folder"],
        ["topics", "no-such-folder"],
        ["export", "--all", "no-such-folder"],
    ],
)
def test_a_missing_corpus_folder_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert_usage_error(result, "no-such-folder", "no such corpus folder")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("value", ["0", "-3"])
def test_processes_must_be_at_least_one(tmp_path: Path, value: str) -> None:
    result = run_cli("parse", "--processes", value, cwd=tmp_path)
    assert_usage_error(result, "--processes")


def test_processes_must_be_a_number(tmp_path: Path) -> None:
    result = run_cli("parse", "--processes", "two", cwd=tmp_path)
    assert_usage_error(result, "--processes", "two")


def test_export_needs_a_topic_or_all(tmp_path: Path) -> None:
    result = run_cli("export", cwd=tmp_path)
    assert_usage_error(result, "--topic", "--all")


def test_export_takes_a_topic_or_all_not_both(tmp_path: Path) -> None:
    result = run_cli("export", "--topic", "crimea", "--all", cwd=tmp_path)
    assert_usage_error(result, "not allowed with")


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("parse", "--format", "xml", cwd=tmp_path)
    assert_usage_error(result, "--format", "xml")


# Configuration errors: one line naming the file, exit code 2 -----------------------------


def test_a_missing_config_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("topics", "--config", "missing.toml", cwd=tmp_path)
    assert_usage_error(result, "missing.toml", "not found")
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_toml_in_the_config_file_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('[debate]\nname = "x"\nbroken = \n', "utf-8")
    result = run_cli("parse", "--config", "bad.toml", cwd=tmp_path)
    assert_usage_error(result, "bad.toml", "line 3")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_debate_toml_in_the_corpus_stops_the_reader_before_it_opens(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks\n\nLavrov said the talks failed.\n", "utf-8")
    (corpus / "debate.toml").write_text(
        '[[speakers]]\nid = "lavrov"\nname = "Sergei Lavrov"\n', "utf-8"
    )
    result = run_cli("articles", cwd=tmp_path)
    assert_usage_error(result, str(Path("articles") / "debate.toml") + ":1:", "two [[speakers]]")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_duplicate_topic_is_reported_by_every_subcommand(tmp_path: Path) -> None:
    topic = '[[topics]]\nid = "energy"\nterms = ["gas"]\n'
    (tmp_path / "dup.toml").write_text(topic + "\n" + topic, "utf-8")
    for args in (["read"], ["parse"], ["topics"], ["export", "--all"]):
        result = run_cli(*args, "--config", "dup.toml", cwd=tmp_path)
        assert_usage_error(result, "dup.toml:5:", "given twice")


# In-process: the same contract through main() --------------------------------------------


def test_main_returns_2_for_a_missing_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(tmp_path / "gone")]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("debate-tui: error: ")
    assert str(tmp_path / "gone") in captured.err


def test_main_exits_2_on_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["export"])
    assert excinfo.value.code == EXIT_USAGE
    assert "--topic" in capsys.readouterr().err


def test_the_bundled_corpus_is_the_default() -> None:
    corpus = default_corpus()
    assert (corpus / "sources.toml").is_file()
    assert len(list(corpus.glob("*.txt"))) == 5


@pytest.mark.parametrize(
    ("typed", "meant"), [("exprot", "export"), ("pars", "parse"), ("topic", "topics")]
)
def test_an_unknown_subcommand_suggests_the_nearest_one(
    tmp_path: Path, typed: str, meant: str
) -> None:
    result = run_cli(typed, cwd=tmp_path)
    assert_usage_error(result, f"unknown subcommand '{typed}'; did you mean '{meant}'?")


def test_a_folder_named_like_a_subcommand_is_still_read_as_a_folder(tmp_path: Path) -> None:
    (tmp_path / "exprot").mkdir()
    result = run_cli("topics", "exprot", cwd=tmp_path)
    assert "unknown subcommand" not in result.stderr


@pytest.mark.parametrize(
    ("command", "choices"), [("parse", "jsonl, table"), ("export", "markdown, json")]
)
def test_format_choices_are_in_the_help(tmp_path: Path, command: str, choices: str) -> None:
    result = run_cli(command, "--help", cwd=tmp_path)
    assert f"output format: {choices}" in " ".join(result.stdout.split())


def test_nothing_is_written_to_standard_error_when_it_is_not_a_terminal(tmp_path: Path) -> None:
    result = run_cli("topics", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""


def test_help_is_rendered_by_rich_argparse() -> None:
    from rich_argparse import RichHelpFormatter

    from debate_tui.cli import build_parser

    assert build_parser(rich_help=True).formatter_class is RichHelpFormatter


def test_opening_the_reader_builds_only_the_read_parser(tmp_path: Path) -> None:
    # The other subcommands' parsers (and the add command's module) cost the reader's
    # start-up and are never looked at when `read` runs.
    probe = (
        "import sys\n"
        "from debate_tui import cli\n"
        f"code = cli.main(['read', {str(tmp_path / 'missing')!r}])\n"
        "print(code, 'debate_tui.add_command' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.split() == ["2", "False"], result.stderr
