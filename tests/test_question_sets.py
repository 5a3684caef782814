"""The blind question sets (scripts/questions/blind*/), written from the posts by helpers who had
not read the code, run here with thresholds: whole-blog questions understood exactly on every
corpus present, and no ordinary question taken for a whole-blog one."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import wholeblog_eval  # noqa: E402

SETS = sorted((ROOT / "scripts" / "questions").glob("blind*/wholeblog.jsonl"))
ORDINARY = {"mykal.codes": ["mykal.jsonl"], "sample": ["sample.jsonl"],
            "nodejs.org-blog": ["blind*/nodejs.jsonl"], "elixir-lang-blog": ["blind*/elixir.jsonl"]}


@pytest.mark.parametrize("path", SETS, ids=[p.parent.name for p in SETS])
def test_whole_blog_questions_are_understood_exactly(path: Path, tmp_path: Path) -> None:
    ordinary = [f"{corpus}={p}" for corpus, globs in ORDINARY.items() if wholeblog_eval.CORPORA[corpus].is_dir()
                for g in globs for p in sorted((ROOT / "scripts" / "questions").glob(g))]
    out = tmp_path / "result.json"
    assert wholeblog_eval.main([str(path), "--json", str(out), "--ordinary", *ordinary]) == 0
    result = json.loads(out.read_text())
    for corpus, row in result["by_corpus"].items():
        exact, n = row["all"]
        assert exact >= 0.95 * n, f"{corpus}: {exact}/{n} whole-blog questions understood exactly"
    assert result["misrouted"] == {c: [] for c in result["misrouted"]}
