"""Loading a corpus folder: the bundled articles, hand-made HTML, metadata and bad input."""

from __future__ import annotations

import hashlib
import os
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from debate_tui.corpus import CorpusError, is_furniture, load_corpus
from debate_tui.model import Article

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SEEDS = REPO.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

GOOD_ARTICLE = (
    "Lavrov Says Talks Are Dead\n"
    "\n"
    "Sergei Lavrov said on Thursday that Moscow saw no point in further talks.\n"
    "\n"
    "Antony Blinken told reporters that the door to diplomacy remained open.\n"
)


def load(directory: Path) -> tuple[list[Article], list[str]]:
    """Load a corpus and collect the warnings a user would see."""
    warnings: list[str] = []
    return load_corpus(directory, warnings.append), warnings


def by_source(articles: list[Article]) -> dict[str, Article]:
    return {article.source: article for article in articles}


def paragraphs(article: Article) -> list[str]:
    return [article.text[start:end] for start, end in article.paragraphs]


def flagged(article: Article) -> list[str]:
    return [text for index, text in enumerate(paragraphs(article)) if index in article.boilerplate]


def kept(article: Article) -> list[str]:
    return [
        text for index, text in enumerate(paragraphs(article)) if index not in article.boilerplate
    ]


def paragraph_starting(article: Article, prefix: str) -> int:
    matches = [i for i, text in enumerate(paragraphs(article)) if text.startswith(prefix)]
    assert len(matches) == 1, f"{prefix!r} found {len(matches)} times in {article.source}"
    return matches[0]


def sha256_set(paths: list[Path]) -> set[str]:
    return {hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


# The bundled corpus ----------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed articles are not present")
def test_bundled_articles_are_byte_identical_to_the_seed_articles() -> None:
    bundled = sha256_set(sorted(CORPUS.glob("*.txt")))
    seeds = sha256_set(sorted(path for path in SEEDS.iterdir() if path.is_file()))
    assert len(bundled) == 5
    assert bundled == seeds


def test_bundled_corpus_loads_every_article_without_warnings() -> None:
    articles, warnings = load(CORPUS)
    assert warnings == []
    assert sorted(a.source for a in articles) == sorted(p.name for p in CORPUS.glob("*.txt"))


def test_sidecar_titles_and_occasions_are_attached_to_the_bundled_articles() -> None:
    sidecar = tomllib.loads((CORPUS / "sources.toml").read_text("utf-8"))
    articles = by_source(load(CORPUS)[0])
    assert set(sidecar) == set(articles)
    for name, meta in sidecar.items():
        assert articles[name].meta.title == meta["title"]
        assert articles[name].meta.occasion == meta["occasion"]
        # The articles name neither outlet nor date, and nothing is invented for them.
        assert articles[name].meta.outlet is None
        assert articles[name].meta.date is None


def test_article_text_is_the_unmodified_file_text_and_offsets_are_true() -> None:
    for article in load(CORPUS)[0]:
        file_text = (CORPUS / article.source).read_text("utf-8")
        assert article.text == file_text
        lines = [line.strip() for line in file_text.splitlines() if line.strip()]
        assert paragraphs(article) == lines
        for start, end in article.paragraphs:
            assert article.paragraph_of(start) == article.paragraphs.index((start, end))


def test_first_line_is_the_headline_when_no_metadata_gives_a_title(tmp_path: Path) -> None:
    for path in CORPUS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    articles = by_source(load(tmp_path)[0])
    assert articles["blinken-vs-lavrov-osce-meeting.txt"].meta.title == (
        "Blinken Vs Lavrov: Ukraine Tensions Flare At OSCE Meeting"
    )
    # Site furniture above the headline is not taken for it.
    assert articles["blinken-meets-russian-counterpart.txt"].meta.title == (
        "Blinken Meets With Russian Counterpart"
    )
    assert articles["g20-new-delhi-high-level-talks.txt"].meta.title == (
        "High-Level Talks Between Blinken and Lavrov Since Ukrainian Invasion"
    )
    assert all(article.meta.occasion is None for article in articles.values())


def test_a_headline_ending_in_a_full_stop_is_not_taken_for_a_caption(tmp_path: Path) -> None:
    (tmp_path / "warning.txt").write_text(
        "Advertisement\nBlinken Warns Russia.\n\nBlinken warned Russia against escalation.\n"
        "Blinken in Brussels.\n",
        "utf-8",
    )
    article = load(tmp_path)[0][0]
    assert article.meta.title == "Blinken Warns Russia."
    assert flagged(article) == ["Advertisement", "Blinken in Brussels."]


@pytest.mark.parametrize(
    ("lines", "caption"),
    [
        (  # irregular past tenses: only "-ed" ones counted as verbs
            "Talks in Jakarta\nBlinken spoke to reporters in Jakarta.\n"
            "Lavrov gave his own version.\nMusk hit back on X.\n",
            "Secretary Blinken and Foreign Minister Lavrov in Jakarta.",
        ),
        (  # "set" and "laid" setting out a position
            "Talks in Geneva\nBlinken set out his position on the treaty.\n"
            "Lavrov laid out his terms.\n",
            "Sergei Lavrov, at the opening of the forum in Geneva.",
        ),
    ],
)
def test_a_short_sentence_with_a_verb_is_not_taken_for_a_caption(
    tmp_path: Path, lines: str, caption: str
) -> None:
    """These lines were dropped as photo captions; the verbless line after them is one."""
    (tmp_path / "short.txt").write_text(f"{lines}{caption}\n", "utf-8")
    article = load(tmp_path)[0][0]
    assert flagged(article) == [caption]


BUNDLED_FURNITURE = [
    # tracking token
    ("blinken-meets-russian-counterpart.txt", "fbpx"),
    # photo caption with its credit
    ("blinken-meets-russian-counterpart.txt", "U.S. Secretary of State Antony Blinken makes a"),
    ("blinken-meets-russian-counterpart.txt", "Support our non-profit journalism"),
    ("blinken-meets-russian-counterpart.txt", "Submit a Comment"),
    ("blinken-meets-russian-counterpart.txt", "Your email address will not be published"),
    ("blinken-meets-russian-counterpart.txt", "Continue reading on the app"),
    ("blinken-meets-russian-counterpart.txt", "Expand article"),
    ("g20-new-delhi-high-level-talks.txt", "Fastest News Updates around the World"),
    ("g20-new-delhi-high-level-talks.txt", "- Advertisement -"),
    ("g20-new-delhi-high-level-talks.txt", "Leave a Reply"),
    ("g20-new-delhi-high-level-talks.txt", "This website uses cookies"),
    # subscription prompt
    ("osce-malta-ministerial-accusations.txt", "Already a subscriber?"),
    # photo captions without a credit
    ("g20-first-fleeting-meeting.txt", "Spanish Leopard 2A4 tank."),
    ("g20-first-fleeting-meeting.txt", "Javier Solana, at the meeting on Defense organized"),
]


@pytest.mark.parametrize(("source", "prefix"), BUNDLED_FURNITURE)
def test_site_furniture_in_the_bundled_articles_is_flagged(source: str, prefix: str) -> None:
    article = by_source(load(CORPUS)[0])[source]
    assert paragraph_starting(article, prefix) in article.boilerplate


def test_paragraphs_reporting_the_speakers_are_never_flagged() -> None:
    """Furniture rules must not eat the news: only the photo credit line may name a speaker."""
    flagged_mentions = []
    kept_mentions = 0
    for article in load(CORPUS)[0]:
        for index, text in enumerate(paragraphs(article)):
            if "Blinken" in text or "Lavrov" in text:
                if index in article.boilerplate:
                    flagged_mentions.append(text)
                else:
                    kept_mentions += 1
    assert len(flagged_mentions) == 1
    assert "| Image by Alexandros Michailidis, Shutterstock" in flagged_mentions[0]
    assert kept_mentions >= 45


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Sponsored content",
        "Subscribe now to keep reading.",
        "Already a subscriber? Sign in to your account.",
        "We use cookies to give you the best experience.",
        "This site uses cookies. Accept all cookies",
        "Leave a comment",
        "Submit a Comment",
        "12 Comments",
        "Comments are closed.",
        "Continue reading on the app",
        "Read more",
        "Share this:",
        "Photo: Reuters/Evelyn Hockstein",
        "Antony Blinken in Brussels | Image via Getty Images",
        "Image credit: Shutterstock",
        "© 2023 The Daily Ledger",
        "Copyright 2023 The Daily Ledger. All rights reserved.",
        "utm_source_x",
        "Sergei Lavrov, Russia's foreign minister, in New Delhi.",
    ],
)
def test_generic_site_furniture_is_recognised(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Lavrov said Moscow would not subscribe to any plan drafted in Washington.",
        "Blinken told reporters that the photo of the two men proved nothing.",
        "Lavrov disagreed.",
        "He refused.",
        "Blinken, meanwhile, refused.",
        "“No.”",
        "Lavrov accused the West of blackmail and threats.",
        "Here’s what Secretary Blinken said: Russia must end the war.",
        "Blinken Meets With Russian Counterpart",
        "Lavrov rejects the plan.",
    ],
)
def test_sentences_are_not_mistaken_for_furniture(line: str) -> None:
    assert not is_furniture(line)


# HTML ------------------------------------------------------------------------------------


def test_html_article_keeps_the_main_text_and_drops_navigation_cookies_and_footer() -> None:
    articles, warnings = load(FIXTURES / "html")
    assert warnings == []
    article = by_source(articles)["ledger-lavrov-rejects-talks.html"]
    for site_text in ("Politics", "Accept all cookies", "Privacy policy", "All rights reserved"):
        assert site_text not in article.text
    assert "<p>" not in article.text
    assert paragraphs(article)[0] == "Lavrov Rejects Talks Offer"
    assert kept(article)[1:] == [
        "Russian Foreign Minister Sergei Lavrov said on Thursday that Moscow saw no basis for "
        "negotiations with Washington while sanctions remained in place across Europe.",
        '"They invite us for talks, but nobody calls Ukraine for talks," Lavrov told reporters '
        "in New Delhi after the meeting of foreign ministers ended without agreement.",
        "U.S. Secretary of State Antony Blinken said the United States would continue to support "
        "Ukraine for as long as it takes, and urged Russia to return to the New START treaty.",
        "Blinken added that the sideline conversation with Lavrov had lasted about ten minutes "
        "and had produced no breakthrough on any of the questions between them.",
    ]
    assert flagged(article) == ["Advertisement"]


def test_html_metadata_gives_title_outlet_date_and_url() -> None:
    meta = by_source(load(FIXTURES / "html")[0])["ledger-lavrov-rejects-talks.html"].meta
    assert meta.title == "Lavrov Rejects Talks Offer"
    assert meta.outlet == "The Daily Ledger"
    assert meta.date == "2023-03-02"
    assert meta.url == "https://ledger.example.com/world/lavrov-talks"


def test_html_offsets_refer_to_the_extracted_text() -> None:
    article = by_source(load(FIXTURES / "html")[0])["ledger-lavrov-rejects-talks.html"]
    quote = '"They invite us for talks, but nobody calls Ukraine for talks,"'
    start = article.text.index(quote)
    index = article.paragraph_of(start)
    para_start, para_end = article.paragraphs[index]
    assert article.text[para_start:para_end].startswith(quote)
    assert article.text[start : start + len(quote)] == quote


def test_furniture_inside_an_html_article_never_stays_as_article_text() -> None:
    article = by_source(load(FIXTURES / "html")[0])["furniture-inside-article.html"]
    furniture = (
        "We use cookies",
        "Photo: Reuters",
        "Advertisement",
        "Subscribe now",
        "Leave a Reply",
        "Your email address will not be published",
    )
    for text in kept(article):
        assert not any(piece in text for piece in furniture), text
    assert kept(article) == [
        "Blinken Urges Return to Treaty",
        "U.S. Secretary of State Antony Blinken urged Russia on Thursday to return to the New "
        "START treaty, saying mutual compliance was in the interest of both countries.",
        "Lavrov said the West had turned exclusively to blackmail and threats, and accused "
        "Washington of blocking any talks on ending the conflict in Ukraine.",
    ]


def test_sidecar_metadata_overrides_and_completes_html_metadata(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "html" / "ledger-lavrov-rejects-talks.html", tmp_path / "a.html")
    (tmp_path / "sources.toml").write_text(
        '["a.html"]\ntitle = "Lavrov on talks"\noccasion = "G20, New Delhi"\n', "utf-8"
    )
    meta = load(tmp_path)[0][0].meta
    assert meta.title == "Lavrov on talks"
    assert meta.occasion == "G20, New Delhi"
    assert meta.outlet == "The Daily Ledger"


# Text and Markdown metadata --------------------------------------------------------------


def test_markdown_front_matter_gives_metadata_and_is_never_article_text(tmp_path: Path) -> None:
    source = (
        "---\n"
        "title: Blinken and Lavrov Meet in Malta\n"
        "outlet: The Daily Ledger\n"
        'date: "2024-12-05"\n'
        "url: https://ledger.example.com/malta\n"
        "occasion: OSCE ministerial, Malta\n"
        "---\n"
        "Malta Meeting Ends in Acrimony\n"
        "\n"
        "Lavrov accused the West of provoking tensions in Europe.\n"
    )
    (tmp_path / "malta.md").write_text(source, "utf-8")
    article = load(tmp_path)[0][0]
    assert article.text == source
    assert article.meta.title == "Blinken and Lavrov Meet in Malta"
    assert article.meta.outlet == "The Daily Ledger"
    assert article.meta.date == "2024-12-05"
    assert article.meta.url == "https://ledger.example.com/malta"
    assert article.meta.occasion == "OSCE ministerial, Malta"
    assert kept(article) == [
        "Malta Meeting Ends in Acrimony",
        "Lavrov accused the West of provoking tensions in Europe.",
    ]


def test_crlf_and_byte_order_mark_keep_offsets_true(tmp_path: Path) -> None:
    source = "\ufeffTalks in Geneva\r\n\r\nLavrov said the talks were useful.\r\n"
    (tmp_path / "geneva.txt").write_bytes(source.encode("utf-8"))
    article = load(tmp_path)[0][0]
    assert article.text == source
    assert article.meta.title == "Talks in Geneva"
    assert paragraphs(article) == ["Talks in Geneva", "Lavrov said the talks were useful."]


def test_a_single_file_can_be_read_as_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(GOOD_ARTICLE, "utf-8")
    (tmp_path / "sources.toml").write_text('["one.txt"]\noccasion = "Press call"\n', "utf-8")
    articles, warnings = load(tmp_path / "one.txt")
    assert warnings == []
    assert [a.meta.occasion for a in articles] == ["Press call"]
    assert articles[0].meta.title == "Lavrov Says Talks Are Dead"


def test_nested_hidden_and_foreign_files(tmp_path: Path) -> None:
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "delhi.txt").write_text(GOOD_ARTICLE, "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(GOOD_ARTICLE, "utf-8")
    (tmp_path / ".draft.md").write_text(GOOD_ARTICLE, "utf-8")
    (tmp_path / "data.json").write_text("{}", "utf-8")
    (tmp_path / "sources.toml").write_text('["2023/delhi.txt"]\ntitle = "Delhi"\n', "utf-8")
    articles, warnings = load(tmp_path)
    assert warnings == []
    assert [(a.source, a.meta.title) for a in articles] == [("2023/delhi.txt", "Delhi")]


def test_article_listing_keeps_path_order_and_never_enters_a_linked_folder(tmp_path: Path) -> None:
    from debate_tui.corpus_files import article_paths

    for rel in ("b.txt", "B.TXT", "a b/c.markdown", "z/x.md", "Z/y.htm", "z/.old/w.txt", "n.pdf"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(GOOD_ARTICLE, "utf-8")
    (tmp_path / "sub.txt").mkdir()  # a folder with an article's name is no article
    (tmp_path / "sub.txt" / "inner.html").write_text(GOOD_ARTICLE, "utf-8")
    os.symlink(tmp_path / "z", tmp_path / "linked")  # a linked folder is not walked again
    os.symlink(tmp_path / "b.txt", tmp_path / "l.md")  # a linked file is an article
    listed = article_paths(tmp_path)
    assert listed == sorted(listed)
    assert [p.relative_to(tmp_path).as_posix() for p in listed] == [
        "B.TXT",
        "Z/y.htm",
        "a b/c.markdown",
        "b.txt",
        "l.md",
        "sub.txt/inner.html",
        "z/x.md",
    ]


# Bad input -------------------------------------------------------------------------------


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _blank(path: Path) -> None:
    path.write_bytes(b"  \n\n\t\n")


def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 4)


def _unreadable(path: Path) -> None:
    # A dangling link cannot be read even by root, unlike a file without permissions.
    os.symlink(path.parent / "gone-for-good.txt", path)


def _no_article_in_html(path: Path) -> None:
    shutil.copy(FIXTURES / "bad" / "navigation-only.html", path)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("empty.txt", _empty),
        ("blank.md", _blank),
        ("picture.txt", _binary),
        ("broken-link.txt", _unreadable),
        ("index.html", _no_article_in_html),
    ],
)
def test_a_bad_file_gives_one_warning_and_the_rest_still_loads(
    tmp_path: Path, name: str, make: Callable[[Path], None]
) -> None:
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, "utf-8")
    make(tmp_path / name)
    articles, warnings = load(tmp_path)
    assert [a.source for a in articles] == ["good.txt"]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{name}: ")
    assert "\n" not in warnings[0]


def test_non_utf8_file_is_decoded_as_far_as_possible_with_one_warning(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, "utf-8")
    (tmp_path / "latin1.txt").write_bytes(
        "Caf\xe9 Talks\n\nLavrov said the talks in the caf\xe9 had failed.\n".encode("latin-1")
    )
    articles, warnings = load(tmp_path)
    assert sorted(a.source for a in articles) == ["good.txt", "latin1.txt"]
    assert len(warnings) == 1
    assert warnings[0].startswith("latin1.txt: ")
    assert "UTF-8" in warnings[0]
    assert "\n" not in warnings[0]
    latin = by_source(articles)["latin1.txt"]
    assert paragraphs(latin) == [
        "Caf\ufffd Talks",
        "Lavrov said the talks in the caf\ufffd had failed.",
    ]


def test_warnings_go_to_stderr_one_line_each_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    articles = load_corpus(tmp_path)
    captured = capsys.readouterr()
    assert [a.source for a in articles] == ["good.txt"]
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("warning: empty.txt: ")


def test_a_broken_sidecar_is_one_warning_and_articles_still_load(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, "utf-8")
    (tmp_path / "sources.toml").write_text('["good.txt"]\ntitle = \n', "utf-8")
    articles, warnings = load(tmp_path)
    assert [a.meta.title for a in articles] == ["Lavrov Says Talks Are Dead"]
    assert len(warnings) == 1
    assert "sources.toml" in warnings[0]
    assert "\n" not in warnings[0]


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-corpus"
    with pytest.raises(CorpusError) as excinfo:
        load_corpus(missing, lambda _message: None)
    message = str(excinfo.value)
    assert str(missing) in message
    assert "no such corpus folder" in message
