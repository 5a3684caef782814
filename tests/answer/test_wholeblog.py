"""Questions about the blog as a whole: the catalog, the rule-based parser, lists, counts, related posts.

Expected answers are computed from the posts' own frontmatter (posts.read_posts), never from the
catalog, so a wrong catalog, a wrong filter or a leaked draft fails these tests.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import MYKAL_POSTS, ROOT, SAMPLE_POSTS, needs_mykal, write

from localchat.answer import wholeblog
from localchat.config import Config
from localchat.engine import Engine
from localchat.evaluate import evaluate, load_questions
from localchat.index import catalog as cat
from localchat.ingest.posts import Post, read_posts

NO_MODEL = "/nonexistent/model.gguf"  # catalog answers must never load the model


def published(posts_dir: Path) -> list[Post]:
    return read_posts(posts_dir).posts


def blog_engine(tmp: Path, posts_dir: Path, embedder, *, model=None, **settings) -> Engine:
    """An index built WITH drafts, read by a reader-mode engine: drafts must still never show."""
    config = Config(posts=posts_dir, index=tmp / "index", include_drafts=True, n_ctx=2048, max_tokens=48, **settings)
    Engine(config, embedder=embedder).sync()
    if model is None:
        config = config.replace(model=NO_MODEL)
    return Engine(config, embedder=embedder, model=model, reader=True)


@pytest.fixture(scope="module")
def sample(tmp_path_factory, embedder) -> Engine:
    return blog_engine(tmp_path_factory.mktemp("sample"), SAMPLE_POSTS, embedder)


@pytest.fixture(scope="module")
def mykal(tmp_path_factory, embedder) -> Engine:
    if not MYKAL_POSTS.is_dir():
        pytest.skip("shared mykal.codes corpus not present")
    return blog_engine(tmp_path_factory.mktemp("mykal"), MYKAL_POSTS, embedder)


def source_ids(answer) -> list[str]:
    return [s.post_id for s in answer.sources]


# --- the parser alone ------------------------------------------------------------------------------

ENTRIES = [cat.Entry("a.md", "A", "/a/", "2023-05-01", ["docker"], "post", "", 10),
           cat.Entry("b.md", "B", "/b/", "2025-08-29", ["coffee"], "note", "", 10),
           cat.Entry("c.md", "C", "/c/", "2022-12-01", ["advent-of-code"], "photo", "", 10)]
TODAY = dt.date(2025, 3, 10)


@pytest.mark.fast
@pytest.mark.parametrize("question, action", [
    ("Who writes Shavings and Strings?", "overview"),
    ("What is shavings & strings about?", "overview"),  # any case; "&" written as "and" or "&"
    ("What's the newest post on Shavings and Strings?", "list"),
    ("¿Cuántas entradas tiene Shavings and Strings?", "count"),
])
def test_the_sites_configured_name_is_the_blog(question: str, action: str) -> None:
    """The site's name in its config (site.Site.title) is the blog: without it, its words are a
    subject no post has, and the question is searched."""
    from localchat.answer import intents  # noqa: PLC0415

    assert intents.understand(question, [], ENTRIES, "Nia", None, TODAY)[0] is None
    found, _ = intents.understand(question, [], ENTRIES, "Nia", None, TODAY, title="Shavings and Strings")
    assert found is not None and found[0].action == action


@pytest.mark.fast
def test_a_sites_name_of_one_word_counts_only_as_the_site_writes_it() -> None:
    assert wholeblog.as_the_blog("Who writes Overreacted?", "Overreacted") == "Who writes this blog ?"
    assert wholeblog.as_the_blog("Which notes mention docker?", "Notes") == "Which notes mention docker?"
    assert wholeblog.as_the_blog("Kdo píše Med a kilometry — a proč?", "Med a kilometry: zápisky") == \
        "Kdo píše blog — a proč?"  # the part before a subtitle; "blog", the question not being English
    assert wholeblog.as_the_blog("Which posts did Jane Doe write?", "Jane Doe", ["Jane Doe", "Guest"]) == \
        "Which posts did Jane Doe write?"  # a blog named after its owner: her name stays hers
    assert wholeblog.as_the_blog("Which posts are about Docker?", "Docker", ["docker"]) == \
        "Which posts are about Docker?"  # a tag's name stays the tag's
    assert wholeblog.as_the_blog("Who was Crate of the Week in This Week in Rust 238?", "This Week in Rust",
                                 ["this week in rust"]) == "Who was Crate of the Week in This Week in Rust 238?"  # an issue
    assert wholeblog.as_the_blog("墨川的后端与山野有多少篇文章？", "墨川的后端与山野") == "blog 有多少篇文章？"  # no spaces
    assert wholeblog.as_the_blog("any datascience posts?", "Data Science") == "any datascience posts?"  # inside a word


@pytest.mark.parametrize("question, expected", [
    ("What's your latest post?", {"action": "list", "order": "newest", "limit": 1}),
    ("What was the very first post on this blog?", {"action": "list", "order": "oldest", "limit": 1}),
    ("What are your three most recent posts?", {"action": "list", "order": "newest", "limit": 3}),
    ("List all your posts, oldest first", {"action": "list", "order": "oldest", "limit": None}),  # every one
    ("How many posts in Q2 2023 (April to June)?", {"action": "count", "since": "2023-04-01", "until": "2023-06-30"}),
    ("From all your posts, what's the oldest?", {"action": "list", "order": "oldest", "limit": 1}),
    ("How many posts in the second quarter?", {"action": "count", "yearless": True}),  # not "Q4 planning"
    ("When did you start posting?", {"action": "list", "order": "oldest", "limit": 1}),
    ("When were your latest posts published?", {"action": "list", "order": "newest", "limit": 5}),
    ("Which is the latest of all your posts?", {"action": "list", "order": "newest", "limit": 1}),
    ("Of your posts on the blog, which is the latest post?", {"action": "list", "order": "newest", "limit": 1}),
    ("Which posts did you publish in 2023?", {"since": "2023-01-01", "until": "2023-12-31"}),
    ("What did you write last year?", {"since": "2024-01-01", "until": "2024-12-31"}),
    ("Show me your notes since May", {"since": "2024-05-01", "until": "", "types": ["note"]}),  # the last May
    ("Posts from February 2024?", {"since": "2024-02-01", "until": "2024-02-29"}),
    ("Any posts before 2023?", {"since": "", "until": "2022-12-31"}),
    ("List your posts tagged Advent of Code", {"action": "list", "tags": ["advent-of-code"]}),
    ("How many posts are about coffee?", {"action": "count", "tags": ["coffee"]}),
    ("What photos have you posted?", {"types": ["photo"]}),
    ("What do you write about?", {"action": "overview"}),
    ("What do you think about docker?", {"action": "opinion", "tags": ["docker"]}),
    ("What have you written about coffee?", {"action": "opinion", "tags": ["coffee"]}),
    ("Which posts are about coffee?", {"action": "list", "tags": ["coffee"]}),
    ("What is your take on AI across your posts?", {"action": "opinion", "tags": []}),
    ("List your posts on gardening", {"action": "list", "topic": "gardening", "tags": []}),
])
@pytest.mark.fast
def test_parse_recognises_questions_about_the_blog(question: str, expected: dict) -> None:
    q = wholeblog.parse(question, ENTRIES, today=TODAY)
    assert q is not None, question
    assert {k: getattr(q, k) for k in expected} == expected


@pytest.mark.parametrize("question", [
    "How do you feed your sourdough starter?",
    "What have you written about your cats?",  # a subject, not a tag: ordinary retrieval
    "Who won the football world cup in 1998?",
    "When are you handing in your notice?",
    "What is “Rust Ownership Finally Clicked” about?",
    "How long did the hike take in 2022?",
    # a word the rules do not account for: this asks about one post's content, not the catalog
    "How many posts did you publish in 2022 according to your year-end retrospective?",
    "How many posts in Q2 2023 (April to June, not May)?",  # an aside that says more is no period said again
    "How many posts in 2023 (since May)?", "How many posts in 2023 (before July)?",  # asides that narrow
])
@pytest.mark.fast
def test_parse_leaves_ordinary_questions_to_retrieval(question: str) -> None:
    assert wholeblog.parse(question, ENTRIES, today=TODAY) is None


# --- the sample blog -------------------------------------------------------------------------------


def test_catalog_is_every_published_post_and_nothing_else(sample: Engine) -> None:
    posts = {p.id: p for p in published(SAMPLE_POSTS)}
    entries = sample.catalog()
    assert {e.post_id for e in entries} == set(posts)
    for e in entries:
        p = posts[e.post_id]
        assert (e.title, e.url, e.date, e.tags, e.type) == (p.title, p.url, p.date, p.tags, p.type)
        assert e.words == len(p.body.split()) and e.description
        assert e.description == p.description or e.description[:40] in " ".join(p.body.split())
    dated = [e.date for e in entries if e.date]
    assert dated == sorted(dated, reverse=True)


def test_latest_post_is_the_newest_published_one(sample: Engine) -> None:
    newest = max((p for p in published(SAMPLE_POSTS) if p.date), key=lambda p: p.date)
    drafts = [p for p in read_posts(SAMPLE_POSTS, include_drafts=True).posts if p.draft]
    assert any(d.date > newest.date for d in drafts)  # the sample's draft is newer: it must be skipped
    answer = sample.ask("What's your latest post?").finish()
    assert source_ids(answer) == [newest.id] and not answer.refused
    assert newest.title in answer.text and newest.url in answer.text and newest.date in answer.text
    assert answer.related and all(r.post_id != newest.id and not r.draft for r in answer.related)


def test_posts_from_a_year_are_exactly_that_years_posts(sample: Engine) -> None:
    expected = {p.id for p in published(SAMPLE_POSTS) if p.date.startswith("2023")}
    answer = sample.ask("Which posts did you publish in 2023?").finish()
    assert set(source_ids(answer)) == expected and len(answer.sources) == len(expected)
    assert f"({len(expected)})" in answer.text
    for p in published(SAMPLE_POSTS):
        assert (p.title in answer.text) == (p.id in expected)


def test_tag_question_lists_exactly_the_tagged_posts(sample: Engine) -> None:
    counts = Counter(t for p in published(SAMPLE_POSTS) for t in p.tags)
    tag = max(counts, key=lambda t: (counts[t], t))
    expected = {p.id for p in published(SAMPLE_POSTS) if tag in p.tags}
    answer = sample.ask(f"List your posts tagged {tag}").finish()
    assert set(source_ids(answer)) == expected
    count = sample.ask(f"How many posts are tagged {tag}?").finish()
    assert f"published {len(expected)} posts tagged {tag}" in count.text


def test_counts_are_exact_and_drafts_never_counted(sample: Engine) -> None:
    n = len(published(SAMPLE_POSTS))
    answer = sample.ask("How many posts have you written?").finish()
    assert f"published {n} posts" in answer.text
    # The draft is tagged `personal` like one published post: only the published one is listed.
    expected = {p.id for p in published(SAMPLE_POSTS) if "personal" in p.tags}
    personal = sample.ask("Which posts are tagged personal?").finish()
    assert set(source_ids(personal)) == expected
    assert "Northwind" not in personal.text and "leaving my job" not in personal.text.lower()


def test_drafts_never_appear_in_reader_mode_even_when_indexed(sample: Engine) -> None:
    draft_ids = {p.id for p in read_posts(SAMPLE_POSTS, include_drafts=True).posts if p.draft}
    assert draft_ids and not draft_ids & {e.post_id for e in sample.catalog()}
    for question in ("What's your latest post?", "What did you write in 2025?", "What do you write about?",
                     "List your posts tagged personal", "Show me your five latest posts"):
        answer = sample.ask(question).finish()
        shown = set(source_ids(answer)) | {r.post_id for r in answer.related}
        assert not shown & draft_ids, question
    owner = Engine(sample.config, embedder=sample.embedder)  # the owner's own view may include them
    assert draft_ids <= {e.post_id for e in owner.catalog()}


def test_opinion_question_across_posts_cites_several_posts(sample: Engine, model) -> None:
    tagged = {p.id for p in published(SAMPLE_POSTS) if "hardware" in p.tags}
    assert len(tagged) >= 2
    engine = Engine(sample.config.replace(model=""), embedder=sample.embedder, model=model, reader=True)
    answer = engine.ask("What do you think about hardware?", seed=1).finish()
    assert answer.debug["route"] == "opinion" and not answer.refused
    cited = source_ids(answer)
    assert len(set(cited)) >= 2 and set(cited) <= tagged  # one excerpt per post, only the tagged posts
    assert not {r.post_id for r in answer.related} & set(cited)
    assert [r["title"] for r in answer.to_dict()["related"]] == [r.title for r in answer.related]


def test_overview_and_example_questions_come_from_the_catalog(sample: Engine) -> None:
    entries = sample.catalog()
    summary = cat.overview(entries)
    posts = published(SAMPLE_POSTS)
    assert summary["posts"] == len(posts)
    assert summary["last"] == max(p.date for p in posts) and summary["first"] == min(p.date for p in posts if p.date)
    counts = Counter(cat.norm_tag(t) for p in posts for t in p.tags)
    assert summary["tags"][0] == min(counts.items(), key=lambda kv: (-kv[1], kv[0]))  # most used, ties by name
    questions = cat.example_questions(entries)
    assert 1 <= len(questions) <= 4 and len(set(questions)) == len(questions)
    answer = sample.ask("What do you write about?").finish()
    assert f"{len(posts)} published posts" in answer.text and summary["tags"][0][0] in answer.text


def test_catalog_follows_an_incremental_sync(tmp_path: Path, embedder) -> None:
    posts = tmp_path / "posts"
    shutil.copytree(SAMPLE_POSTS, posts)
    engine = blog_engine(tmp_path, posts, embedder)
    before = {e.post_id for e in engine.catalog()}
    write(posts, "brand-new.md", f"""\
        ---
        title: A Brand New Post
        date: {dt.date.today().isoformat()}
        tags: [news]
        ---
        Something happened today and I wrote it down, as one does on a blog.
        """)
    (posts / "rust-ownership.md").unlink()
    engine.sync()
    latest = engine.ask("What is your most recent post?").finish()
    assert source_ids(latest) == ["brand-new.md"]
    assert {e.post_id for e in engine.catalog()} == before - {"rust-ownership.md"} | {"brand-new.md"}


# --- the real blog ---------------------------------------------------------------------------------


@needs_mykal
def test_mykal_latest_first_and_year(mykal: Engine) -> None:
    posts = published(MYKAL_POSTS)
    newest = max(posts, key=lambda p: p.date)
    oldest = min((p for p in posts if p.date), key=lambda p: p.date)
    assert source_ids(mykal.ask("What is the most recent post on the blog?").finish()) == [newest.id]
    assert source_ids(mykal.ask("What was the very first post you published?").finish()) == [oldest.id]
    expected = {p.id for p in posts if p.date.startswith("2023")}
    answer = mykal.ask("Which posts are from 2023?").finish()
    assert set(source_ids(answer)) == expected and f"({len(expected)})" in answer.text


@needs_mykal
def test_mykal_tags_counts_and_drafts(mykal: Engine) -> None:
    posts = published(MYKAL_POSTS)
    drafts = {p.id for p in read_posts(MYKAL_POSTS, include_drafts=True).posts if p.draft}
    assert len(drafts) == 10 and not drafts & {e.post_id for e in mykal.catalog()}
    def stem(tag: str) -> str:  # tags match ignoring case, separators and a plural s ("recipe" = "Recipes")
        return cat.norm_tag(tag).rstrip("s")

    counts = Counter(stem(t) for p in posts for t in set(p.tags))
    for tag in [t for t, n in counts.items() if n >= 2]:
        expected = {p.id for p in posts if tag in {stem(t) for t in p.tags}}
        answer = mykal.ask(f"List all the posts tagged {tag}.").finish()
        assert set(source_ids(answer)) == expected, tag
        count = mykal.ask(f"How many posts are tagged {tag}?").finish()
        assert f"published {len(expected)} post" in count.text, tag
    total = mykal.ask("How many posts have you written?").finish()
    assert f"published {len(posts)} posts" in total.text


@needs_mykal
def test_mykal_related_posts_are_the_neighbours_a_reader_would_expect(mykal: Engine) -> None:
    days = [e.post_id for e in mykal.catalog() if e.post_id.startswith("aoc-2022-solution")]
    related = [r.post_id for r in mykal.related([days[0]])]
    assert len(related) == 3 and set(related) <= set(days) - {days[0]}  # the other Advent of Code days
    assert "cauliflower-fried-rice-wraps.md" in [r.post_id for r in mykal.related(["peanut-bowl-recipe.md"])]
    drafts = {p.id for p in read_posts(MYKAL_POSTS, include_drafts=True).posts if p.draft}
    for e in mykal.catalog():
        assert not {r.post_id for r in mykal.related([e.post_id])} & (drafts | {e.post_id})


@needs_mykal
def test_mykal_meta_and_multi_questions_reach_hit_at_5(mykal: Engine) -> None:
    questions = [q for q in load_questions(ROOT / "scripts" / "questions" / "mykal.jsonl") if q["kind"] in ("meta", "multi")]
    report = evaluate(mykal, questions, k=5, retrieval_only=True)
    assert report["by_kind"]["meta"]["hit@k"] >= 0.9 and report["by_kind"]["multi"]["hit@k"] >= 0.9


# --- the parser on a blog it was not written for: authors, categories, the blog's own name --------


def authored_blog() -> list:
    """A made-up multi-author project blog: categories, authors, and titles that all say 'Zed'."""
    rows = [
        ("r1.md", "Zed 1.0 released", "2021-01-10", ["releases"], ["Ana Lima"]),
        ("r2.md", "Zed 1.1 released", "2022-03-02", ["releases"], ["Ana Lima"]),
        ("r3.md", "Zed 1.2 released", "2023-05-20", ["releases"], ["Bo Chen"]),
        ("s1.md", "March security fixes for Zed", "2022-03-15", ["vulnerability"], ["Bo Chen"]),
        ("s2.md", "June security fixes for Zed", "2023-06-01", ["vulnerability"], ["Bo Chen"]),
        ("s3.md", "Zed security fixes, winter edition", "2024-01-12", ["vulnerability"], ["José Núñez"]),
        ("c1.md", "Meet the Zed community", "2024-02-02", ["community"], ["José Núñez"]),
        ("c2.md", "Zed at the spring meetup", "2024-04-20", ["community"], ["Ana Lima"]),
    ]
    entries = [cat.Entry(pid, title, f"/{pid}/", date, tags, "post", "", 100, authors=authors)
               for pid, title, date, tags, authors in rows]
    return sorted(entries, key=lambda e: e.date, reverse=True)


@pytest.mark.parametrize("question, ids", [
    ("How many posts did Bo Chen write?", {"r3.md", "s1.md", "s2.md"}),
    ("What did josé núñez publish?", {"s3.md", "c1.md"}),  # accents and case do not matter
    ("Which release posts came out after 2021?", {"r2.md", "r3.md"}),  # category by its stem
    ("List the security fixes posts", {"s1.md", "s2.md", "s3.md"}),  # a category by the title words that mark it
    ("What's the latest post on the Zed blog?", {"c2.md"}),  # the blog's own name filters nothing
    ("newest zed post?", {"c2.md"}),
    ("What was Ana Lima's first post?", {"r1.md"}),
    ("What went up in the community category this spring?", set()),  # spring 2026: nothing yet
])
@pytest.mark.fast
def test_parse_uses_what_the_blog_itself_says(question: str, ids: set) -> None:
    entries = authored_blog()
    found = wholeblog.understand(question, [], entries, "", dt.date(2026, 12, 1))
    assert found is not None, question
    q, chosen, _ = found
    assert {e.post_id for e in wholeblog.shown(q, chosen, len(chosen))} == ids, (question, q)


@pytest.mark.fast
def test_follow_ups_change_the_previous_whole_blog_question() -> None:
    entries, today = authored_blog(), dt.date(2026, 12, 1)
    history = [{"role": "user", "content": "How many release posts were there in 2022?"},
               {"role": "assistant", "content": "1."}]
    q, chosen, total = wholeblog.understand("and in 2023?", history, entries, "", today)
    assert (q.action, q.tags, total) == ("count", ["releases"], 1) and chosen[0].post_id == "r3.md"
    q, chosen, _ = wholeblog.understand("which ones were by Ana Lima?", history[:1] + history[1:], entries, "", today)
    assert q.action == "list" and q.authors == ["Ana Lima"] and [e.post_id for e in chosen] == ["r2.md"]
    assert wholeblog.understand("How do I install it?", history, entries, "", today) is None


@pytest.mark.parametrize("question", [
    "Where is that file on Windows?",
    "What's new in Zed 1.2?",
    "Did Ana Lima fix the parser bug in 1.1?",
    "How long did the security fixes take to ship in 2023?",
])
@pytest.mark.fast
def test_parse_leaves_content_questions_to_retrieval_on_an_authored_blog(question: str) -> None:
    found = wholeblog.understand(question, [], authored_blog(), "", dt.date(2026, 12, 1))
    assert found is None or found[0].action == "opinion", (question, found and found[0])
