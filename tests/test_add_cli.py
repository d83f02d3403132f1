"""`debate-tui add` on the command line: what it writes, what it says, and its exit codes."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_site import LocalSite, Route, article_html, serving
from rich.console import Console

from debate_tui.add_command import result_line
from debate_tui.cli import EXIT_USAGE, main
from debate_tui.ingest import Added, Failed, Present
from debate_tui.places import bundled_corpus, reading_corpus, user_corpus

PAGES = {
    "/g20": article_html("Blinken at the G20", ["Blinken said Russia must end the war."]),
    "/osce": article_html("Lavrov at the OSCE", ["Lavrov said NATO was expanding."]),
    "/geneva": article_html("Talks in Geneva", ["Lavrov said the talks were useful."]),
}


@pytest.fixture
def site() -> Iterator[LocalSite]:
    for local in serving():  # one server, stopped when the test ends
        for path, html in PAGES.items():
            local.page(path, html)
        yield local


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user data folder of this test's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("DEBATE_TUI_CORPUS", raising=False)
    return tmp_path / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["add", *argv])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if line.strip()]


def test_add_writes_pages_and_says_what_it_did(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "mine"
    code, lines = run(capsys, site.url("/g20"), site.url("/osce"), "--corpus", str(corpus))
    assert code == 0
    assert sorted(p.name for p in corpus.glob("*.html")) == [
        "blinken-at-the-g20.html",
        "lavrov-at-the-osce.html",
    ]
    assert "added blinken-at-the-g20.html  “Blinken at the G20” (The Test Herald, 2023-03-02)" in (
        lines
    )
    assert lines[-1] == f"2 added, 0 already present, 0 failed in {corpus}"


def test_several_urls_show_a_progress_bar_on_a_terminal(
    site: LocalSite,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich draws live progress only on a terminal
    main(["add", *(site.url(p) for p in PAGES), "--corpus", str(tmp_path)])
    err = capsys.readouterr().err
    assert "adding" in err
    assert "3/3" in err


def test_a_second_add_finds_everything_already_present(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, site.url("/g20"), "--corpus", str(tmp_path))
    code, lines = run(capsys, site.url("/g20") + "/", "--corpus", str(tmp_path))
    assert code == 0
    assert lines[0] == f"already present {site.url('/g20')}/ (as blinken-at-the-g20.html)"
    assert lines[-1].startswith("0 added, 1 already present, 0 failed")


def test_failures_are_one_line_each_and_exit_1(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(
        capsys, site.url("/gone"), site.url("/g20"), "not-a-url", "--corpus", str(tmp_path)
    )
    assert code == 1
    assert f"failed {site.url('/gone')}: HTTP 404 Not Found" in lines
    assert "failed not-a-url: not an http:// or https:// address" in lines
    assert lines[-1].startswith("1 added, 0 already present, 2 failed")


def test_urls_come_from_a_list_file_with_comments(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "links.txt"
    listing.write_text(f"# my links\n{site.url('/g20')}\n\n{site.url('/osce')}  # OSCE\n", "utf-8")
    code, lines = run(capsys, "--from", str(listing), "--corpus", str(tmp_path / "c"))
    assert (code, lines[-1].split(" in ")[0]) == (0, "2 added, 0 already present, 0 failed")


def test_a_dash_reads_urls_from_standard_input(
    site: LocalSite,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(site.url("/geneva") + "\n"))
    code, _ = run(capsys, "--from", "-", "--corpus", str(tmp_path))
    assert code == 0
    assert (tmp_path / "talks-in-geneva.html").is_file()


def test_a_list_without_end_is_refused_after_its_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(capsys, "--from", "/dev/zero", "--corpus", str(tmp_path / "c"))
    assert code == EXIT_USAGE
    assert lines == ["debate-tui: error: /dev/zero: longer than 8 MB; split the list"]
    assert not (tmp_path / "c").exists()


def test_an_address_with_a_password_is_refused_and_never_recorded(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = site.url("/g20").replace("http://", "http://me:hunter2@")
    code, lines = run(capsys, secret, site.url("/osce"), "--corpus", str(tmp_path))
    assert code == 1
    assert any("carries a user name or password" in line for line in lines)
    assert "hunter2" not in (tmp_path / "sources.toml").read_text("utf-8")
    assert [p.name for p in tmp_path.glob("*.html")] == ["lavrov-at-the-osce.html"]


def test_a_feed_adds_its_items_that_match(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site.page(
        "/feed.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        "<item><title>Blinken at the G20</title><link>/g20</link></item>"
        "<item><title>Lavrov at the OSCE</title><link>/osce</link></item>"
        "<item><title>Weather</title><link>/weather</link></item></channel></rss>",
        content_type="application/rss+xml",
    )
    code, _ = run(
        capsys, "--feed", site.url("/feed.xml"), "--match", "G20", "--corpus", str(tmp_path)
    )
    assert code == 0
    assert [p.name for p in tmp_path.glob("*.html")] == ["blinken-at-the-g20.html"]


def test_a_broken_feed_is_a_failure_line(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(capsys, "--feed", site.url("/g20"), "--corpus", str(tmp_path))
    assert code == 1
    assert lines[0] == f"failed {site.url('/g20')}: feed: not an RSS or Atom feed"


def test_a_malformed_url_is_a_failure_line_and_the_others_go_on(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "sources.toml").write_text('["old.html"]\nurl = "https://[news.test/old"\n')
    code, lines = run(capsys, "http://[::1", site.url("/g20"), "--corpus", str(corpus))
    assert code == 1
    assert "failed http://[::1: not a valid web address" in lines
    assert (corpus / "blinken-at-the-g20.html").is_file()


def test_a_malformed_feed_address_is_a_failure_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(capsys, "--feed", "http://[::1", "--corpus", str(tmp_path))
    assert code == 1
    assert lines[0] == "failed http://[::1: feed: not a valid web address"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "add: give URLs, --from FILE or --feed URL"),
        (("http://x.test/a", "--match", "G20"), "add: --match filters feed items"),
        (("--feed", "http://x.test/f", "--match", " "), "add: --match needs a word"),
    ],
)
def test_usage_errors_exit_2(
    argv: tuple[str, ...], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(capsys, *argv, "--corpus", str(tmp_path))
    assert code == EXIT_USAGE
    assert lines[0].startswith(f"debate-tui: error: {message}")


def test_the_bundled_corpus_is_never_written(
    site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in bundled_corpus().iterdir())
    code, lines = run(capsys, site.url("/g20"), "--corpus", str(bundled_corpus()))
    assert code == EXIT_USAGE
    assert "the bundled corpus belongs to the installation" in lines[0]
    assert sorted(p.name for p in bundled_corpus().iterdir()) == before
    assert site.requests == []


def test_a_broken_sources_toml_is_one_line_and_exit_2(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sources.toml").write_text("title = \n", "utf-8")
    code, lines = run(capsys, site.url("/g20"), "--corpus", str(tmp_path))
    assert code == EXIT_USAGE
    assert len(lines) == 1
    assert "sources.toml: not valid TOML" in lines[0]


# --- the default corpus ---------------------------------------------------------------------------


def test_add_defaults_to_a_folder_in_the_user_data_directory(
    site: LocalSite, data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run(capsys, site.url("/g20"))
    assert code == 0
    assert (data_home / "debate-tui" / "blinken-at-the-g20.html").is_file()
    assert user_corpus() == data_home / "debate-tui"


def test_debate_tui_corpus_names_the_folder(
    site: LocalSite,
    data_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEBATE_TUI_CORPUS", str(tmp_path / "chosen"))
    run(capsys, site.url("/g20"))
    assert (tmp_path / "chosen" / "blinken-at-the-g20.html").is_file()
    assert reading_corpus() == tmp_path / "chosen"


def test_a_missing_debate_tui_corpus_folder_says_how_to_make_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBATE_TUI_CORPUS", str(tmp_path / "not-yet"))
    assert main(["topics"]) == EXIT_USAGE
    assert capsys.readouterr().err.strip() == (
        f"debate-tui: error: {tmp_path / 'not-yet'}: no such corpus folder; set by "
        "DEBATE_TUI_CORPUS; `debate-tui add URL` creates it"
    )


def test_the_reader_opens_the_bundled_corpus_until_the_user_adds_one(
    site: LocalSite, data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reading_corpus() == bundled_corpus()
    (data_home / "debate-tui").mkdir(parents=True)
    assert reading_corpus() == bundled_corpus()  # an empty folder is no corpus yet
    run(capsys, site.url("/g20"))
    assert reading_corpus() == data_home / "debate-tui"


def test_sources_toml_records_every_page(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, *(site.url(p) for p in PAGES), "--corpus", str(tmp_path))
    data = tomllib.loads((tmp_path / "sources.toml").read_text("utf-8"))
    assert {entry["url"] for entry in data.values()} == {site.url(p) for p in PAGES}


# --- strangers' text on the terminal --------------------------------------------------------------


def rendered(line: object) -> str:
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system=None, width=300).print(line)
    return out.getvalue()


def test_titles_and_reasons_never_drive_the_terminal() -> None:
    hostile = "[bold red]Owned[/] \x1b]0;new window title\x07 \x1b[2J\u202e"
    for result in (
        Added("http://x.test/a", "a.html", hostile, hostile, None),
        Present(f"http://x.test/{hostile}", hostile),
        Failed(f"http://x.test/{hostile}", hostile),
    ):
        text = rendered(result_line(result))  # type: ignore[arg-type]
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        assert "[bold red]Owned[/]" in text  # shown as written, not obeyed as markup
        assert "\n" not in text.rstrip("\n")


def test_ctrl_c_ends_add_at_once_while_servers_are_slow(site: LocalSite, tmp_path: Path) -> None:
    # Neither server answers before the test ends; the read timeout is 20 s.
    site.routes["/slow-1"] = Route(body=b"", delay=600)
    site.routes["/slow-2"] = Route(body=b"", delay=600)
    command = [sys.executable, "-m", "debate_tui", "add", "--corpus", str(tmp_path / "mine")]
    process = subprocess.Popen(
        [*command, site.url("/slow-1"), site.url("/slow-2")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):  # until both downloads wait on the server
            if len(site.requests) == 2:
                break
            time.sleep(0.05)
        assert len(site.requests) == 2
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 130
    assert "Traceback" not in err
    assert not list((tmp_path / "mine").glob("*.html"))
