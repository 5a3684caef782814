"""The sample blog in posts/ indexes cleanly and answers what the README promises."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SAMPLE_POSTS, run_cli

from localchat.ingest.posts import read_posts


@pytest.mark.fast
def test_sample_posts_read_cleanly() -> None:
    result = read_posts(SAMPLE_POSTS)
    assert result.errors == []
    assert result.drafts_skipped == ["leaving-my-job-draft.md"]
    posts = {p.id: p for p in result.posts}
    assert len(posts) == 11
    assert posts["balcony-tomatoes.md"].tags == ["garden"]  # TOML frontmatter
    assert posts["2024-03-09-cold-brew.md"].title == "Cold Brew at Home"  # no frontmatter at all
    assert posts["2024-03-09-cold-brew.md"].date == "2024-03-09"
    assert posts["rust-ownership.md"].tags == ["rust", "programming"]  # comma string, pubDate
    assert posts["rust-ownership.md"].date == "2024-02-04"
    assert posts["2023/lisbon-photos.md"].type == "photo"


def test_sample_blog_through_the_cli(tmp_path: Path) -> None:
    index = str(tmp_path / "ix")
    report = json.loads(run_cli("index", "--posts", str(SAMPLE_POSTS), "--index", index, "--json").stdout)
    assert (report["posts_indexed"], report["drafts_skipped"], report["errors"]) == (11, 1, [])
    hits = json.loads(run_cli("search", "pg_trgm", "--index", index, "--json").stdout)
    assert hits[0]["post_id"] == "postgres-indexing.md"
    hits = json.loads(run_cli("search", "how much water for cold brew", "--index", index, "--json").stdout)
    assert hits[0]["post_id"] == "2024-03-09-cold-brew.md"
    for query in ("blue heron", "Northwind Analytics notice", "leaving my job"):
        found = json.loads(run_cli("search", query, "--index", index, "--json").stdout)
        assert all(h["post_id"] != "leaving-my-job-draft.md" for h in found)
    # one score, and it orders the rows as shown (a post lifted into the top k shows the next row's)
    for query in ("how much water for cold brew", "backups", "what keyboard do you use", "tomatoes on a balcony"):
        found = json.loads(run_cli("search", query, "--index", index, "--json").stdout)
        assert [h["score"] for h in found] == sorted((h["score"] for h in found), reverse=True), query
        text = run_cli("search", query, "--index", index).stdout
        shown = [float(s) for s in re.findall(r"score (-?[\d.]+)\)", text)]
        assert len(shown) == len(found) and shown == sorted(shown, reverse=True) and "similarity" not in text
