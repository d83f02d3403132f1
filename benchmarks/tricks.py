"""What each start-up trick of debate_tui/tui/startup.py is worth, measured.

The reader is launched warm on 5 synthetic articles with every trick on, and with one
switched off (DEBATE_TUI_TRICKS_OFF), interleaved, best of N each, on a 120x40
pseudo-terminal exactly as `run.py` times the launch. Prints one line per trick:
the best launch with it on and off, and the difference. A trick worth under 5 ms goes.

    python benchmarks/tricks.py [--launches N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import best_of, cache_folder, compile_package, launch, quiet  # noqa: E402
from synth import generate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=20, help="launches of each (best of)")
    args = parser.parse_args(argv)

    from debate_tui.build import build_debate
    from debate_tui.config import load_config
    from debate_tui.tui.startup import TRICKS

    with tempfile.TemporaryDirectory(prefix="debate-tui-tricks-") as tmp:
        corpus, cache = Path(tmp) / "five", Path(tmp) / "cache"
        generate(corpus, 5)
        with cache_folder(cache):
            build_debate(corpus, load_config(None, corpus), warn=quiet)
        env = {**os.environ, "DEBATE_TUI_CACHE": str(cache)}
        env.pop("DEBATE_TUI_TRICKS_OFF", None)
        compile_package()
        launch("reader", corpus, env)  # warm the OS file cache
        for trick in TRICKS:
            off = {**env, "DEBATE_TUI_TRICKS_OFF": trick}
            with_it, without = best_of(
                args.launches,
                lambda: launch("reader", corpus, env).seconds,
                lambda off=off: launch("reader", corpus, off).seconds,  # type: ignore[misc]
            )
            gain = (without - with_it) * 1000
            print(
                f"{trick:14} on {with_it * 1000:6.1f} ms  off {without * 1000:6.1f} ms  "
                f"gain {gain:+6.1f} ms  {'keep' if gain >= 5 else 'under 5 ms'}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
