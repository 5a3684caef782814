"""Time to first token, this checkout against another one, side by side in one run.

    python scripts/ttft_compare.py --other /path/to/old/checkout [--rounds 3]

Each round runs the same questions on the sample blog once with each checkout (a fresh process
each, alternating, so machine noise falls on both), with the bundled model, the first question of
each process discarded as warm-up. Prints the median TTFT and evidence time of each, and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["How do you wire the BME280 sensor?", "How do you feed your sourdough starter?",
             "How long should cold brew steep?", "Which switches did you pick for your Keychron Q1?",
             "How do you back up your server?", "What does the pg_trgm extension do?",
             "How long is the Cedar Ridge Loop?", "How did the balcony tomatoes do?"]
CHILD = """
import json, sys
from pathlib import Path
from localchat.config import Config
from localchat.engine import Engine
engine = Engine(Config(posts=Path(sys.argv[1]), index=Path(sys.argv[2]), max_tokens=8))
engine.sync()
out = []
for q in json.loads(sys.argv[3]):
    a = engine.ask(q, seed=1)
    a.finish()
    if not a.refused:  # a refusal has no first token
        out.append({"ttft": a.timings.ttft_ms, "evidence": getattr(a.timings, "evidence_ms", 0.0)})
print(json.dumps(out[1:]))
"""


def run(checkout: Path, index: Path) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "posts"), str(index), json.dumps(QUESTIONS)],
                          capture_output=True, text=True, env=env, cwd=tempfile.gettempdir(), check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    results: dict[str, list[dict]] = {"this": [], "other": []}
    for _ in range(args.rounds):
        results["this"] += run(ROOT, work / "this")
        results["other"] += run(args.other, work / "other")
    summary = {name: {"ttft_ms": statistics.median(r["ttft"] for r in rows if r["ttft"] is not None),
                      "evidence_ms": statistics.median(r["evidence"] for r in rows), "n": len(rows)}
               for name, rows in results.items()}
    summary["ratio"] = summary["this"]["ttft_ms"] / summary["other"]["ttft_ms"]
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
