"""The catalog: one entry per post in the index — title, link, date, tags, type, description, length.

It is read from the index table itself (the first chunk of every post carries the post's
metadata; view.BlogView.entries reads it), so it can never disagree with the index: a crash, an
incremental sync or a re-link changes both in the same commit. Drafts are left out by the view,
exactly as in retrieval.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

DESCRIPTION_CHARS = 240
# Related = close in text or in the author's own grouping. On mykal.codes whole-post cosine
# similarities of unrelated pairs sit around 0.1 (median) to 0.3 (90th percentile).
RELATED_MIN = 0.35
TAG_BONUS = 0.1  # per shared tag, when ranking


@dataclass
class Entry:
    post_id: str
    title: str
    url: str
    date: str  # ISO yyyy-mm-dd or ""
    tags: list[str]
    type: str
    description: str  # the frontmatter description, else the post's first paragraph
    words: int
    draft: bool = False
    updated: str = ""
    date_source: str = ""  # where the date came from (dates.py); "" when undated
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # the categories alone; tags holds them too

    @classmethod
    def from_post(cls, post: Any) -> "Entry":
        """The entry a sync would write for this post (posts.Post), without an index."""
        return cls(post.id, post.title, post.url, post.date, list(post.tags), post.type,
                   post.description or first_paragraph(post.body), len(post.body.split()), post.draft,
                   post.updated, post.date_source, list(post.authors), list(getattr(post, "categories", [])))

    def to_dict(self) -> dict[str, Any]:
        return {"post_id": self.post_id, "title": self.title, "url": self.url, "date": self.date,
                "updated": self.updated, "date_source": self.date_source, "authors": self.authors,
                "tags": self.tags, "categories": self.categories, "type": self.type, "description": self.description, "words": self.words}


def norm_tag(tag: str) -> str:
    """'Advent of Code', 'advent_of_code' and 'advent-of-code' are one tag."""
    return re.sub(r"[\s_]+", "-", tag.strip().lower())


def first_paragraph(body: str, limit: int = DESCRIPTION_CHARS) -> str:
    for paragraph in re.split(r"\n\s*\n", body or ""):
        text = " ".join(paragraph.split())
        if len(text) >= 20:  # skip a stray caption or a one-word line
            return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return " ".join((body or "").split())[:limit]


def entry_from_row(r: dict[str, Any]) -> Entry:
    """A post's entry from its first chunk's row (view.BlogView.entries reads them)."""
    return Entry(r["post_id"], r["title"], r["post_url"], r["date"] or "", list(r["tags"] or []), r["type"] or "post",
                 r["description"] or first_paragraph(r["body"]), int(r["words"] or 0), bool(r["draft"]),
                 r.get("updated") or "", r.get("date_source") or "", list(r.get("authors") or []),
                 list(r.get("categories") or []))


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Newest first, undated posts last."""
    return sorted(entries, key=lambda e: (e.date, e.post_id), reverse=True)


def newest_date(entries: Sequence[Entry]) -> str:
    """The date of the newest dated post ("" when none is dated)."""
    return max((e.date for e in entries if e.date), default="")


# --- related posts: whole-post vectors are the mean of the post's chunk vectors (no re-embedding)


@dataclass
class PostVectors:
    ids: list[str] = field(default_factory=list)
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))


def unit_means(rows: list[dict[str, Any]]) -> PostVectors:
    """Unit mean vectors per post of chunk rows {post_id, vector}."""
    sums: dict[str, np.ndarray] = {}
    for row in rows:
        vector = np.asarray(row["vector"], dtype=np.float32)
        sums[row["post_id"]] = sums[row["post_id"]] + vector if row["post_id"] in sums else vector
    if not sums:
        return PostVectors()
    ids = sorted(sums)
    matrix = np.stack([sums[i] for i in ids])
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    return PostVectors(ids, matrix)


def related(entries: Sequence[Entry], vectors: PostVectors, post_ids: Sequence[str], n: int = 3) -> list[Entry]:
    """Up to n other published posts closest to the given ones, by whole-post embedding and shared tags."""
    index = {pid: i for i, pid in enumerate(vectors.ids)}
    anchors = [index[p] for p in dict.fromkeys(post_ids) if p in index]
    if not anchors:
        return []
    by_id = {e.post_id: e for e in entries}
    anchor_tags = {norm_tag(t) for p in post_ids if p in by_id for t in by_id[p].tags}
    closeness = (vectors.matrix @ vectors.matrix[anchors].T).max(axis=1)
    scored = []
    for pid, similarity in zip(vectors.ids, closeness):
        entry = by_id.get(pid)
        shared = len(anchor_tags & {norm_tag(t) for t in entry.tags}) if entry else 0
        if entry is None or pid in post_ids or (similarity < RELATED_MIN and not shared):  # vectors: published only
            continue
        scored.append((float(similarity) + TAG_BONUS * shared, entry))
    scored.sort(key=lambda s: s[0], reverse=True)
    return [entry for _, entry in scored[:n]]


# --- what the app shows before the first question ----------------------------------------------


def top_tags(entries: Sequence[Entry], n: int = 8) -> list[tuple[str, int]]:
    counts = Counter(t for e in entries for t in dict.fromkeys(norm_tag(t) for t in e.tags))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def blog_author(entries: Sequence[Entry], configured: str = "", site_author: str = "") -> str:
    """Who writes this blog: the owner's setting, else the most common frontmatter author, else
    the author in the site generator's config. Where more posts name no writer than the most common
    one wrote, those are the site's author's and the others guests' ("[extra] author" on a Zola
    blog's two guest posts): the site's author, or no one known where no config names one (a folder
    of notes with one guest's byline)."""
    if configured:
        return configured
    counted = top_writers(entries, 1)
    unsigned = sum(1 for e in entries if not e.authors)
    if not counted or unsigned > counted[0][1]:
        return site_author  # "" where no config names one: a guest's byline does not make them the owner
    return counted[0][0]


def top_writers(entries: Sequence[Entry], n: int = 6) -> list[tuple[str, int]]:
    """The frontmatter's writers with their posts, most posts first (ties by name), the first n."""
    counts = Counter(a for e in entries for a in dict.fromkeys(e.authors))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def overview(entries: Sequence[Entry], *, tags: int = 8, latest: int = 5, writers: int = 6,
             owner: str = "") -> dict[str, Any]:
    """What this blog covers: post count, date span, types, top tags with counts, latest posts, and
    who writes it (the frontmatter's writers, most posts first; none where the posts name none).
    The `owner` (blog_author) writes the posts that name no writer, where some others do name one: a
    Zola blog's two guest posts name their writer, its 28 others are the owner's."""
    dates = sorted(e.date for e in entries if e.date)
    counted = top_writers(entries, len(entries))
    unsigned = sum(1 for e in entries if not e.authors)
    if counted and unsigned and owner and owner not in dict(counted):
        counted = sorted(counted + [(owner, unsigned)], key=lambda kv: (-kv[1], kv[0]))
    return {
        "writers": counted[:writers],
        "posts": len(entries),
        "undated": sum(1 for e in entries if not e.date),
        "first": dates[0] if dates else "",
        "last": dates[-1] if dates else "",
        "types": dict(Counter(e.type for e in entries).most_common()),
        "tags": top_tags(entries, tags),
        "latest": [e for e in entries if e.date][:latest],
    }


def example_questions(entries: Sequence[Entry], n: int = 4, say: Any = None) -> list[str]:
    """Questions a visitor might ask, made from this blog's own recent titles and top tags.
    `say(key, **values)` words them (serve/strings.py, in the blog's language); English without it."""
    say = say or (lambda key, **v: EXAMPLES[key].format(**v))
    questions = [say("q_latest")]
    questions += [say("q_tag", tag=tag) for tag, count in top_tags(entries, 2) if count > 1]
    questions += [say("q_title", title=e.title) for e in entries[:2]]
    questions.append(say("q_overview"))
    return list(dict.fromkeys(questions))[:n]


EXAMPLES = {"q_latest": "What's your latest post?", "q_tag": "What have you written about {tag}?",
            "q_title": "What is “{title}” about?", "q_overview": "What do you write about?"}
