"""Crash safety, full size: 50 kill -9s during a sync and 50 during compaction.

Runs the CI tests with more kills and collects where the kills landed:
  tests/index/test_store.py::test_kill_9_mid_sync_leaves_old_or_new_state            (sync)
  tests/test_security_crash.py::test_kill_9_mid_compaction_leaves_a_whole_index  (compaction)

    python scripts/crash_kills.py [--kills 50] [--json out.json]

Results: docs/benchmarks/crash-safety.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import finish  # noqa: E402 - scripts/report.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
RUNS = {
    "sync": ("tests/index/test_store.py::test_kill_9_mid_sync_leaves_old_or_new_state", "LOCALCHAT_CRASH_KILLS",
             "LOCALCHAT_CRASH_REPORT"),
    "compaction": ("tests/test_security_crash.py::test_kill_9_mid_compaction_leaves_a_whole_index",
                   "LOCALCHAT_COMPACT_KILLS", "LOCALCHAT_COMPACT_REPORT"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--only", choices=sorted(RUNS))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (test, kills_var, report_var) in RUNS.items():
            if args.only and name != args.only:
                continue
            report = Path(tmp) / f"{name}.json"
            env = {**os.environ, kills_var: str(args.kills), report_var: str(report)}
            started = time.perf_counter()
            run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", test], cwd=ROOT, env=env,
                                 capture_output=True, text=True)
            result[name] = {"passed": run.returncode == 0, "seconds": round(time.perf_counter() - started, 1),
                            **(json.loads(report.read_text()) if report.exists() else {})}
            if run.returncode:
                result[name]["output"] = run.stdout[-3000:]
    result["ok"] = all(r["passed"] for r in result.values())
    return finish(result, args.json)


if __name__ == "__main__":
    sys.exit(main())
