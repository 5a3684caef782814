"""`localchat eval` on the sample blog's question set: the thresholds we promise, via the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_POSTS, run_cli

QUESTIONS = ROOT / "scripts" / "questions" / "sample.jsonl"


def test_eval_on_the_sample_blog(tmp_path: Path) -> None:
    result = run_cli("eval", str(QUESTIONS), "--posts", str(SAMPLE_POSTS), "--index", str(tmp_path / "ix"),
                     "--max-tokens", "48", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"overall", "by_kind", "k", "questions"} and report["k"] == 5
    overall = report["overall"]
    assert overall["n"] == 20
    assert overall["hit@k"] >= 0.9 and overall["hit@1"] >= 0.8
    assert report["by_kind"]["out_of_scope"]["refusal_rate"] == 1.0
    assert report["by_kind"]["draft_only"]["refusal_rate"] == 1.0
    assert overall["leaks"] == 0
    assert overall["citation_validity"] == 1.0
    first = report["questions"][0]
    assert first["ranked"][0]["post_id"] == "sourdough-starter.md" and "answer" in first


@pytest.mark.fast
def test_eval_rejects_a_malformed_question_file(tmp_path: Path) -> None:
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"id": "x", "kind": "trivia", "question": "?", "sources": [], "must_mention": []}\n')
    result = run_cli("eval", str(bad), "--posts", str(SAMPLE_POSTS), "--index", str(tmp_path / "ix"),
                     "--retrieval-only", cwd=tmp_path)
    assert result.returncode == 1 and "unknown kind 'trivia'" in result.stderr and "Traceback" not in result.stderr


def test_eval_as_a_reader_sees_only_supported_sentences(tmp_path: Path) -> None:
    result = run_cli("eval", str(QUESTIONS), "--posts", str(SAMPLE_POSTS), "--index", str(tmp_path / "ix"),
                     "--max-tokens", "48", "--reader", "--json", env={"LOCALCHAT_TEMPERATURE": "0"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    overall = report["overall"]
    # the bundled 135M model: a reader sees the quoted passage only, so no model sentence is shown
    assert overall["leaks"] == 0 and overall["shown_rate"] is None and overall["mentions_all"] is not None
    quoted = [q for q in report["questions"] if q["route"] != "catalog" and not q["refused"]]
    assert quoted and all(q["answer"] == "" for q in quoted)  # the model wrote nothing a reader sees
    for q in report["questions"]:  # a reader's answer text holds no sentence the checks withheld
        assert "not confirmed by the posts" not in q.get("answer", "")
