"""Command line: `debate-tui [read|parse|topics|export] [CORPUS_DIR]`, `debate-tui add URL...`.

The JSON Lines output of `parse` is a stable contract other tools read. Usage errors go to
stderr with exit code 2, failures with exit code 1, and bad input never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TypeAlias

from debate_tui import __version__
from debate_tui.config import Config, ConfigError, load_config
from debate_tui.corpus_files import CorpusError
from debate_tui.errors import ClusterError, ModelMissingError
from debate_tui.model import Debate
from debate_tui.safe_text import json_safe, visible

EXIT_USAGE = 2
EXIT_FAILURE = 1


def default_corpus() -> Path:
    """The bundled corpus: beside the package in a checkout, else installed under share/."""
    from debate_tui.places import bundled_corpus

    return bundled_corpus()


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=None,
        metavar="CORPUS_DIR",
        help="folder of .txt, .md or .html articles (default: $DEBATE_TUI_CORPUS, else your "
        "corpus from `debate-tui add` once it has articles, else the bundled Blinken vs Lavrov "
        "corpus)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help="TOML file with speakers and topics (default: CORPUS_DIR/debate.toml, else built-in)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="parse every article again, ignoring the cache"
    )


class OneLineParser(argparse.ArgumentParser):
    """Usage errors as the one line README promises (exit code 2), not usage plus error."""

    def error(self, message: str) -> NoReturn:
        _error(f"{message} (see `{self.prog} --help`)")
        raise SystemExit(EXIT_USAGE)


def _formatter(rich_help: bool) -> type[argparse.HelpFormatter]:
    """Rich help when help is asked for; plain otherwise (nothing to import at start-up)."""
    if not rich_help:
        return argparse.HelpFormatter
    from rich_argparse import RichHelpFormatter

    return RichHelpFormatter


def build_parser(*, rich_help: bool = False, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `only` the one subcommand about to run (the others'
    parsers are never looked at then, and building them costs the reader's start-up)."""
    formatter = _formatter(rich_help)
    parser = OneLineParser(
        formatter_class=formatter,
        prog="debate-tui",
        description="Read a debate reported in the news: every statement of two speakers, "
        "credited, traced to its sentence, grouped by topic, side by side.",
        epilog="With no subcommand, `read` opens the reader. "
        "Run `debate-tui SUBCOMMAND --help` for details.",
    )
    parser.add_argument("--version", action="version", version=f"debate-tui {__version__}")
    sub = parser.add_subparsers(
        dest="command",
        metavar="{" + ",".join(SUBCOMMANDS) + "}",
        parser_class=OneLineParser,
    )
    for name in SUBCOMMANDS:
        if only is None or name == only:
            _SUBPARSERS[name](sub, formatter)
    return parser


_Subparsers: TypeAlias = "argparse._SubParsersAction[OneLineParser]"


def _read_parser(sub: _Subparsers, formatter: type[argparse.HelpFormatter]) -> None:
    read = sub.add_parser(
        formatter_class=formatter, name="read", help="open the reader (the default)"
    )
    _add_common(read)


def _parse_parser(sub: _Subparsers, formatter: type[argparse.HelpFormatter]) -> None:
    parse = sub.add_parser(
        formatter_class=formatter,
        name="parse",
        help="print every statement found, as JSON Lines or a table",
    )
    _add_common(parse)
    parse.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="output format: %(choices)s (default: %(default)s)",
    )
    parse.add_argument(
        "--processes",
        type=_positive_int,
        default=1,
        metavar="N",
        help="parse with N processes (default 1)",
    )
    parse.add_argument(
        "--dask",
        metavar="ADDRESS",
        default=None,
        help="parse on the Dask scheduler at ADDRESS (tcp://host:8786), or `local` for a "
        "local cluster with one worker per core",
    )


def _topics_parser(sub: _Subparsers, formatter: type[argparse.HelpFormatter]) -> None:
    topics = sub.add_parser(
        formatter_class=formatter,
        name="topics",
        help="list topics with each speaker's statement count",
    )
    _add_common(topics)


def _export_parser(sub: _Subparsers, formatter: type[argparse.HelpFormatter]) -> None:
    export = sub.add_parser(
        formatter_class=formatter,
        name="export",
        help="write one topic's pairing (or all) to Markdown or JSON",
    )
    _add_common(export)
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--topic", metavar="TOPIC_ID", help="topic to export (see `debate-tui topics`)"
    )
    which.add_argument("--all", action="store_true", help="export every topic into one document")
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default=None,
        help="output file, or - for standard output (default: TOPIC_ID.md, TOPIC_ID.json with "
        "--format json, debate.md with --all, in the current folder)",
    )
    export.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="output format: %(choices)s (default: %(default)s)",
    )
    export.add_argument("--force", action="store_true", help="overwrite an existing output file")


def _add_parser(sub: _Subparsers, formatter: type[argparse.HelpFormatter]) -> None:
    from debate_tui.add_command import add_arguments

    add = sub.add_parser(
        formatter_class=formatter,
        name="add",
        help="download articles by URL or from a feed into your corpus",
    )
    add_arguments(add)


_SUBPARSERS: dict[str, Callable[[_Subparsers, type[argparse.HelpFormatter]], None]] = {
    "read": _read_parser,
    "parse": _parse_parser,
    "topics": _topics_parser,
    "export": _export_parser,
    "add": _add_parser,
}
# The subcommands in the order help lists them: the table above is their one list.
SUBCOMMANDS = tuple(_SUBPARSERS)


def _positive_int(value: str) -> int:
    """argparse type for --processes: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _with_default_command(argv: Sequence[str]) -> list[str]:
    """`read` unless a subcommand is named. A first word that is no folder but reads like a
    subcommand mistyped ("exprot") is a usage error naming the nearest one."""
    args = list(argv)
    if args and (args[0] in SUBCOMMANDS or args[0] in ("-h", "--help", "--version")):
        return args
    if args and not args[0].startswith("-") and not Path(args[0]).exists():
        import difflib

        near = difflib.get_close_matches(args[0], SUBCOMMANDS, n=1, cutoff=0.6)
        if near:
            _error(
                f"unknown subcommand {args[0]!r}; did you mean {near[0]!r}? "
                "(see `debate-tui --help`)"
            )
            raise SystemExit(EXIT_USAGE)
    return ["read", *args]


def _progress_build(
    corpus: Path, config: Config, *, use_cache: bool, processes: int = 1, dask: str | None = None
) -> Debate:
    """Build the debate with a Rich progress bar on stderr while articles are parsed."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )

    from debate_tui.build import build_debate

    console = Console(stderr=True)
    progress = Progress(
        TextColumn("{task.fields[what]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),  # file names are text, not markup
        console=console,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def show(what: str, done: int, total: int, label: str = "") -> None:
        if not console.is_terminal:  # a log or a pipe gets no bar, and no stray newline
            return
        if not tasks:
            progress.start()
        if what not in tasks:
            tasks[what] = progress.add_task("", total=total, what=what)
        progress.update(tasks[what], completed=done, total=total, description=label)

    def report(done: int, total: int, label: str) -> None:
        show("parsing articles", done, total, visible(label, one_line=True))

    def stage(name: str, done: int, total: int) -> None:
        show(name, done, total)

    def warn(message: str) -> None:
        from rich.text import Text  # a Text, never markup: file names may hold "[/bold]"

        line = Text.assemble(("warning:", "yellow"), " ", visible(message, one_line=True))
        console.print(line, highlight=False, soft_wrap=True)

    try:
        return build_debate(
            corpus,
            config,
            use_cache=use_cache,
            processes=processes,
            progress=report,
            warn=warn,
            dask=dask,
            stage=stage,
        )
    finally:
        if tasks:  # stopping a display never started writes a stray newline
            progress.stop()


def _json_value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _cmd_parse(debate: Debate, fmt: str) -> int:
    if fmt == "jsonl":
        out = sys.stdout
        for st in debate.statements:
            record = {
                "speaker": st.speaker,
                "text": st.text,
                "topics": list(st.topics),
                "source": st.source,
                "start": st.start,
                "end": st.end,
                "kind": st.kind,
                "paragraph": st.paragraph,
                "cue": st.cue,
                "via": st.via,
                "confidence": round(st.confidence, 3),
                "reason": st.reason,
                "evidence": {key: _json_value(value) for key, value in st.evidence},
                "occasion": st.occasion,
                "sources": [
                    {"source": st.source, "start": st.start, "end": st.end},
                    *({"source": r.source, "start": r.start, "end": r.end} for r in st.reports),
                ],
                "variants": [r.text for r in st.reports],
            }
            out.write(json_safe(json.dumps(record, ensure_ascii=False)) + "\n")
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(visible(f"{debate.name}: {len(debate.statements)} statements")),
        show_lines=True,
    )
    table.add_column("speaker", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("statement", ratio=4, overflow="fold")
    table.add_column("topics · source", ratio=1, overflow="fold")
    names = {s.id: s.short_name for s in debate.speakers}
    for st in debate.statements:
        where = Text(visible(", ".join(st.topics)) + "\n")
        where.append(visible(f"{st.source}:{st.start}-{st.end}", one_line=True), style="dim")
        # Text cells, never markup (article text may hold "[brackets]"), and no control
        # character reaches the terminal raw
        speaker = visible(names.get(st.speaker, st.speaker), one_line=True)
        table.add_row(Text(speaker), Text(st.kind), Text(visible(st.text)), where)
    Console().print(table)
    return 0


def _cmd_topics(debate: Debate) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    left, right = debate.speakers
    # Text everywhere: names and labels come from user configuration, never markup
    table = Table(title=Text(visible(f"{debate.name}: topics")))
    table.add_column("id")
    table.add_column("topic")
    table.add_column(Text(visible(left.name)), justify="right")
    table.add_column(Text(visible(right.name)), justify="right")
    for topic in debate.all_topics():
        a, b = debate.counts(topic.id)
        table.add_row(Text(visible(topic.id)), Text(visible(topic.label)), str(a), str(b))
    Console().print(table)
    return 0


def _output(args: argparse.Namespace, debate: Debate) -> int:
    """Run the subcommand that prints or writes the debate."""
    if args.command == "parse":
        return _cmd_parse(debate, args.format)
    if args.command == "topics":
        return _cmd_topics(debate)
    from debate_tui.export import run_export

    return run_export(
        debate,
        topic=args.topic,
        all_topics=args.all,
        fmt=args.format,
        output=args.output,
        force=args.force,
    )


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush of what is
    still buffered cannot fail a second time (with a message of its own) at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (tests)
        pass


def _error(message: str) -> None:
    """One line on standard error; names in it are shown, never obeyed by the terminal."""
    print(f"debate-tui: error: {visible(message, one_line=True)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    words = _with_default_command(given)
    named = words[0] if words and words[0] in SUBCOMMANDS else None
    parser = build_parser(rich_help="-h" in given or "--help" in given, only=named)
    args = parser.parse_args(words)
    if args.command == "add":
        from debate_tui.add_command import run_add

        return run_add(args)
    from debate_tui.places import reading_corpus

    corpus: Path = args.corpus or reading_corpus()
    if not corpus.exists():
        hint = "pass a folder of .txt, .md or .html articles"
        if args.corpus is None:  # DEBATE_TUI_CORPUS names a folder not made yet
            hint = "set by DEBATE_TUI_CORPUS; `debate-tui add URL` creates it"
        _error(f"{corpus}: no such corpus folder; {hint}")
        return EXIT_USAGE
    try:
        config = load_config(args.config, corpus if corpus.is_dir() else corpus.parent)
        if args.command != "read":  # the reader lists them with the corpus's warnings (w)
            for warning in config.warnings:
                print(f"warning: {visible(warning, one_line=True)}", file=sys.stderr)
        if args.command == "read":
            from debate_tui.tui import startup  # no Textual: the start-up switches only

            startup.pause_collector()
            try:
                from debate_tui.tui.app import run_reader

                return run_reader(
                    corpus, config, use_cache=not args.no_cache, config_file=args.config
                )
            finally:
                startup.resume_collector()
        debate = _progress_build(
            corpus,
            config,
            use_cache=not args.no_cache,
            processes=getattr(args, "processes", 1),
            dask=getattr(args, "dask", None),
        )
        try:
            code = _output(args, debate)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk or /dev/full under standard output
            _silence_stdout()
            reason = (exc.strerror or exc.__class__.__name__).lower()
            _error(f"cannot write the output ({reason}); free some space or write elsewhere")
            return EXIT_FAILURE
        return code
    except (ConfigError, CorpusError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    except (ModelMissingError, ClusterError) as exc:
        _error(str(exc))
        return EXIT_FAILURE
    except BrokenPipeError:  # the reader of the pipe went away (`| head`): stay silent
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
