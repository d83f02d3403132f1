"""What each start-up trick of debate_tui/tui/startup.py is worth, measured.

The reader is launched warm on 5 synthetic articles with every trick on, and with one
switched off (DEBATE_TUI_TRICKS_OFF), interleaved, best of N each, on a 120x40
pseudo-terminal exactly as `run.py` times the launch. Prints one line per trick:
the best launch with it on and off, and the difference; and the difference in the median
CPU time the launches took (steadier than the wall clock when other work shares the
machine). A trick worth under 5 ms goes.

    python benchmarks/tricks.py [--launches N]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
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
            cpu: dict[str, list[float]] = {"on": [], "off": []}

            def timed(
                which: str, environment: dict[str, str], cpu: dict[str, list[float]] = cpu
            ) -> float:
                started = launch("reader", corpus, environment)
                cpu[which].append(cpu_ms(started.ready))
                return started.seconds

            with_it, without = best_of(
                args.launches,
                lambda: timed("on", env),
                lambda off=off: timed("off", off),  # type: ignore[misc]
            )
            gain = (without - with_it) * 1000
            cpu_gain = statistics.median(cpu["off"]) - statistics.median(cpu["on"])
            print(
                f"{trick:14} on {with_it * 1000:6.1f} ms  off {without * 1000:6.1f} ms  "
                f"gain {gain:+6.1f} ms (CPU, median: {cpu_gain:+6.1f} ms)  "
                f"{'keep' if max(gain, cpu_gain) >= 5 else 'under 5 ms'}",
                flush=True,
            )
    return 0


def cpu_ms(ready: str) -> float:
    """The CPU time the probe reports on its READY line: on a machine shared with other
    work it moves far less than the wall clock."""
    found = re.search(r"cpu_ms=([\d.]+)", ready)
    return float(found.group(1)) if found else float("nan")


if __name__ == "__main__":
    raise SystemExit(main())
