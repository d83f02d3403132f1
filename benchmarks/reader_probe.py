"""Instrumented entries for the reader figures, each run in a fresh interpreter by run.py.

    python benchmarks/reader_probe.py reader  --corpus DIR   # the real `debate-tui read DIR`
    python benchmarks/reader_probe.py minimal --corpus DIR   # a minimal Textual app
    python benchmarks/reader_probe.py switch  --corpus DIR --articles 5000 --rounds 2
    python benchmarks/reader_probe.py switch  --corpus DIR --warm --rounds 2

`reader` and `minimal` print `READY ...` on stdout the moment the first frame holding the
full screen has been painted (the reader's first topic with its statement cards and its
key line; the minimal app's one label), then quit; the parent times spawn-to-READY. Textual draws on
stderr, so the parent can give these a pseudo-terminal there and keep stdout a clean pipe.

`switch` builds a debate of N articles from the warm statement cache of DIR (replicating
its statements under new article names past the size of DIR), presses `n` in the real
reader under `run_test` through every topic, and prints JSON: the mean switch time over
topics and the peak memory of the process. With `--warm` it reads DIR's own debate from its
warm corpus entry instead, exactly as the reader's warm start does (`cached_debate`), and
prints how long that load took: the scale rows build a real corpus of that size first.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Any

# Only what both launch entries need is imported up here: the reader and the minimal app
# must start on equal terms.

SIZE = (120, 40)


def _signal(kind: str) -> None:
    """Tell the parent the first full screen is up, then let the app quit."""
    spacy = "yes" if "spacy" in sys.modules else "no"
    out = sys.__stdout__  # Textual captures sys.stdout while it runs
    assert out is not None
    # CPU time too: on a shared machine it moves far less than the wall clock
    cpu = time.process_time() * 1000
    out.write(f"READY {kind} spacy={spacy} cpu_ms={cpu:.1f}\n")
    out.flush()


def _hook_reader(app_module: Any) -> None:
    """Print READY after the first frame that shows the reader's full screen."""
    from debate_tui.tui.screens.reader import ReaderScreen
    from debate_tui.tui.widgets.key_bar import KeyBar
    from debate_tui.tui.widgets.statement_card import StatementCard

    debate_app = app_module.DebateApp
    display = debate_app._display

    def hooked(self: Any, screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if getattr(self, "_probe_done", False) or not isinstance(screen, ReaderScreen):
            return
        # The full screen: statement cards (a row's cells can be laid out frames after the
        # row's group label) and the key line (a Footer fills in frames after the screen).
        cards = any(card.region.area for card in screen.pairing_view.query(StatementCard))
        keys = screen.query(KeyBar)
        if cards and keys and keys.first().region.area:
            self._probe_done = True
            _signal("reader")
            self.exit(0)

    debate_app._display = hooked


class _AfterImport:
    """A meta path finder that runs `then(module)` once `name` has been imported, so the
    probe imports nothing before `main()` that the console script would not."""

    def __init__(self, name: str, then: Any) -> None:
        self.name, self.then = name, then

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != self.name:
            return None
        import importlib.util

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.loader is not None
        loader, then = spec.loader, self.then

        class Loader:  # importlib asks only for these two
            def create_module(self, spec: Any) -> Any:
                return loader.create_module(spec)

            def exec_module(self, module: Any) -> None:
                loader.exec_module(module)
                then(module)

        spec.loader = Loader()
        return spec


def run_reader(corpus: Path) -> int:
    """`debate-tui read CORPUS`, exactly as the console script runs it, with one hook,
    installed when the reader's app module is imported (inside `main()`, as for a user)."""
    sys.meta_path.insert(0, _AfterImport("debate_tui.tui.app", _hook_reader))
    from debate_tui import cli

    return cli.main(["read", str(corpus)])


def run_minimal() -> int:
    """The smallest Textual app that shows something, started the same way as the reader."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App[int]):
        def compose(self) -> ComposeResult:
            yield Static("debate-tui")

        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if getattr(self, "_probe_done", False):
                return
            if any(w.region.area for w in screen.query(Static)):
                self._probe_done = True
                _signal("minimal")
                self.exit(0)

    Minimal().run()
    return 0


def scaled_debate(corpus: Path, articles: int) -> Any:
    """The corpus's debate (from the warm cache), replicated up to `articles` articles.

    Copies keep every statement and metadata field and only rename the article, so each
    topic grows in proportion, as it would with a corpus that size.
    """
    from dataclasses import replace

    from debate_tui.build import build_debate
    from debate_tui.config import load_config
    from debate_tui.model import Debate

    base = build_debate(corpus, load_config(None, corpus), warn=lambda _m: None)
    if not base.articles:
        raise SystemExit(f"{corpus}: no articles to replicate")
    metas: list[Any] = []
    statements: list[Any] = []
    by_source: dict[str, list[Any]] = {}
    for st in base.statements:
        by_source.setdefault(st.source, []).append(st)
    copy = 0
    while len(metas) < articles:
        for meta in base.articles:
            if len(metas) >= articles:
                break
            source = meta.source if copy == 0 else f"{Path(meta.source).stem}~{copy}.txt"
            metas.append(meta._replace(source=source))
            statements += [replace(st, source=source) for st in by_source.get(meta.source, [])]
        copy += 1
    return Debate(
        name=base.name,
        corpus=base.corpus,
        speakers=base.speakers,
        topics=base.topics,
        articles=metas,
        statements=statements,
    )


async def measure_switches(debate: Any, rounds: int) -> dict[str, Any]:
    """Press `n` through every topic, `rounds` times over.

    A switch lasts from the key press to the last frame it caused. Each topic keeps its
    best time over the rounds (noise only ever adds), and the figure is the mean over
    topics, so one big topic counts as much as it would for a reader going through them all.
    """
    from debate_tui.tui.app import DebateApp

    frames: list[float] = []
    app = DebateApp(debate=debate)
    display = app._display

    def timed_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        frames.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]
    started = time.perf_counter()
    best: dict[str, float] = {}
    first_visit: dict[str, float] = {}
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await pilot.wait_for_scheduled_animations()
        first = (frames[-1] if frames else time.perf_counter()) - started
        topics = len(app.screen.topics)  # type: ignore[attr-defined]
        for _ in range(rounds * topics):
            frames.clear()
            start = time.perf_counter()
            await pilot.press("n")
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            elapsed = (frames[-1] if frames else time.perf_counter()) - start
            topic = app.screen.topic.id  # type: ignore[attr-defined]
            best[topic] = min(best.get(topic, elapsed), elapsed)
            first_visit.setdefault(topic, elapsed)
    slowest = max(best, key=lambda t: best[t])
    return {
        "first_screen_ms": first * 1000,
        "switch_ms": sum(best.values()) / len(best) * 1000,
        "first_visit_ms": sum(first_visit.values()) / len(first_visit) * 1000,
        "slowest_topic": slowest,
        "slowest_ms": best[slowest] * 1000,
        "topics": len(best),
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB.

    On Linux this is VmHWM, the high-water mark of this program's own address space:
    `ru_maxrss` survives `exec` and so reports the parent's peak when the parent (here, the
    benchmark with spaCy loaded) is the bigger one. Elsewhere, `ru_maxrss`.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes on macOS


def warm_debate(corpus: Path) -> Any:
    """The corpus's debate as a warm start reads it: from its corpus entry, no parse."""
    from debate_tui.build import cached_debate
    from debate_tui.config import load_config

    debate = cached_debate(corpus, load_config(None, corpus))
    if debate is None:
        raise SystemExit(f"{corpus}: no warm corpus entry in the cache")
    return debate


def run_switch(corpus: Path, articles: int, rounds: int, *, warm: bool = False) -> int:
    import asyncio
    import json

    started = time.perf_counter()
    debate = warm_debate(corpus) if warm else scaled_debate(corpus, articles)
    load = time.perf_counter() - started
    gc.freeze()  # as debate_tui.tui.app.run_reader does once the debate is loaded
    result = asyncio.run(measure_switches(debate, rounds))
    result.update(
        load_ms=load * 1000,
        articles=len(debate.articles),
        statements=len(debate.statements),
        peak_mb=peak_rss_mb(),
        spacy_imported="spacy" in sys.modules,
    )
    print(json.dumps(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Instrumented reader entries for run.py")
    parser.add_argument("kind", choices=("reader", "minimal", "switch"))
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2, help="times through every topic")
    parser.add_argument(
        "--warm", action="store_true", help="switch: the corpus's own warm entry, not copies"
    )
    args = parser.parse_args(argv)
    if args.kind == "reader":
        return run_reader(args.corpus)
    if args.kind == "minimal":
        return run_minimal()
    return run_switch(args.corpus, args.articles, args.rounds, warm=args.warm)


if __name__ == "__main__":
    sys.exit(main())
