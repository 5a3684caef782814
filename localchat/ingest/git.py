"""Git history as dates: for notes with no date written anywhere, the commit that first added a
file is when it was published and the last commit that touched it is when it was updated (as
Hugo's enableGitInfo and simonw/til do).

One `git log` for the whole posts folder, read through the git command itself. Anything that
stops git from giving a true answer — no git binary, not a repository, a shallow clone (its
oldest commit is not the first), an error, a timeout — means no git dates, never a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

TIMEOUT_S = 30


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=folder, capture_output=True, timeout=TIMEOUT_S,
            env=_environ(),
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _environ() -> dict[str, str]:
    """The caller's environment, less what would point git at another repository."""
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
    return env | {"GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}


def git_dates(folder: Path) -> dict[str, tuple[dt.date, dt.date]]:
    """{path under folder (POSIX): (first commit's author date, last commit's author date)}."""
    folder = Path(folder)
    if shutil.which("git") is None or not folder.is_dir():
        return {}
    if (_git(folder, "rev-parse", "--is-inside-work-tree") or "").strip() != "true":
        return {}
    if (_git(folder, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return {}
    # \x01 starts a commit, then its author date, then NUL-separated paths relative to the folder
    out = _git(folder, "log", "-z", "--format=%x01%aI", "--name-only", "--relative", "--no-renames", "--", ".")
    if not out:
        return {}
    dates: dict[str, tuple[dt.date, dt.date]] = {}
    for record in out.split("\x01")[1:]:  # newest commit first
        stamp, _, names = record.partition("\0")
        try:
            day = dt.datetime.fromisoformat(stamp.strip()).date()
        except ValueError:
            continue
        for name in names.strip("\n").split("\0"):
            name = name.strip("\n")
            if not name:
                continue
            newest = dates[name][1] if name in dates else day
            dates[name] = (day, newest)  # older commits overwrite the first date, keep the last
    return dates
