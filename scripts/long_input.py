"""Long input: how fast a 1 MB message is refused, and what fitting a huge history costs.

- Engine.ask with a 1 MB question, on a cold engine (nothing loaded) and a warm one (model and
  index loaded): time to the InputTooLong, median and worst of 20; the message it gives.
- `localchat ask` with the longest question Linux lets one argument carry (128 KiB): exit
  status, stderr, wall time of the whole process (imports included).
- build_prompt with a 1 MB history message, and with 400 turns of 2 KB: time and token counts.

    python scripts/long_input.py [--json out.json]

Results: docs/benchmarks/long-input.md. CI asserts the behaviour, not the time
(tests/test_security_input.py).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import localchat  # noqa: E402,F401 - offline environment first
from localchat.config import Config  # noqa: E402
from localchat.engine import Engine  # noqa: E402
from localchat.errors import InputTooLong  # noqa: E402
from localchat.answer.prompt import build_prompt  # noqa: E402
from report import finish  # noqa: E402 - scripts/report.py, beside this file

MEGABYTE = "Tell me about sourdough. " * 42_000  # 1,050,000 characters


def refusal_ms(engine: Engine, question: str, runs: int = 20) -> tuple[list[float], str]:
    times, message = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        try:
            engine.ask(question)
        except InputTooLong as exc:
            message = str(exc)
        else:
            raise SystemExit("a 1 MB question was not refused")
        times.append((time.perf_counter() - started) * 1000)
    return times, message


def summary(times: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(times), 3), "max_ms": round(max(times), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result: dict = {"question_chars": len(MEGABYTE)}
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(posts=ROOT / "posts", index=Path(tmp) / "ix", max_tokens=32)
        cold = Engine(config)
        times, message = refusal_ms(cold, MEGABYTE)
        result["engine_cold"] = {**summary(times), "loaded_anything": cold._model is not None or cold._table is not None}
        result["message"] = message

        warm = Engine(config)
        warm.sync()
        warm.ask("How do you feed your sourdough starter?").finish()  # model and index now loaded
        result["engine_warm"] = summary(refusal_ms(warm, MEGABYTE)[0])

        started = time.perf_counter()
        cli = subprocess.run([sys.executable, "-m", "localchat", "ask", "kayak " * 21_000, "--posts",
                              str(config.posts), "--index", str(config.index)], capture_output=True, text=True,
                             cwd=tmp)
        result["cli_128k"] = {"exit": cli.returncode, "stderr": cli.stderr.strip()[-300:],
                              "traceback": "Traceback" in cli.stderr,
                              "wall_ms": round((time.perf_counter() - started) * 1000)}
        started = time.perf_counter()
        nothing = subprocess.run([sys.executable, "-c", "import localchat.cli"], capture_output=True, cwd=tmp)
        result["cli_import_only_ms"] = round((time.perf_counter() - started) * 1000)
        assert nothing.returncode == 0

        model = warm.model
        budget = config.n_ctx - config.max_tokens
        for label, history in {
            "history_1mb_message": [{"role": "user", "content": "x " * 500_000}, {"role": "assistant", "content": "ok"}],
            "history_400_turns_2kb": [{"role": ("user", "assistant")[i % 2], "content": "some words here " * 128}
                                      for i in range(400)],
        }.items():
            hits = warm.view.search("sourdough starter", k=3)
            started = time.perf_counter()
            prompt = build_prompt("How do you feed your sourdough starter?", hits, history, model.count, budget)
            result[label] = {"ms": round((time.perf_counter() - started) * 1000, 1), "tokens": prompt.tokens,
                             "budget": budget, "dropped": prompt.dropped}
    result["ok"] = (result["engine_cold"]["max_ms"] < 100 and result["engine_warm"]["max_ms"] < 100
                    and not result["cli_128k"]["traceback"] and result["cli_128k"]["exit"] == 1)
    return finish(result, args.json)


if __name__ == "__main__":
    sys.exit(main())
