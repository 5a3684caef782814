"""Zero-configuration metadata: dates from wherever a blog keeps them, the URLs its generator
really serves, authors and categories.

The per-generator fixtures under tests/fixtures/sites/ and their expected dates and URLs were
written from the generators' documentation by someone who had not read this code
(expected.json says which doc rule decided each URL)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, write
from helpers import SITES, git

from localchat.index.view import BlogView
from localchat.ingest.git import git_dates
from localchat.ingest.posts import read_posts
from localchat.ingest.site import detect_site

EXPECTED = {name: spec for name, spec in json.loads((SITES / "expected.json").read_text()).items()
            if isinstance(spec, dict) and "posts" in spec} if (SITES / "expected.json").is_file() else {}
CORPORA = ROOT.parent / "shared" / "corpora"
TODAY = dt.date(2026, 12, 1)
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="no git binary")


def build_history(site: Path, commits: list[dict]) -> None:
    """Turn a fixture folder into a git repository with the planned commits (first add, later edits)."""
    posts = {p.relative_to(site).as_posix(): p.read_text() for p in site.rglob("*") if p.is_file()}
    for p in site.rglob("*"):
        if p.is_file():
            p.unlink()
    git(site, "init", "-q")
    for i, commit in enumerate(commits):
        for rel in commit.get("add", []) + commit.get("modify", []):
            target = site / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            body = posts.get(rel, "")
            target.write_text(body if rel in commit.get("add", []) else target.read_text() + f"\nEdit {i}.\n")
        git(site, "add", "-A")
        git(site, "commit", "-q", "-m", f"commit {i}", date=commit["date"])
    for rel, body in posts.items():  # anything the plan never mentioned stays uncommitted
        if not (site / rel).exists():
            write(site, rel, body)


def site_posts(site_name: str, tmp_path: Path):
    spec = EXPECTED[site_name]
    site = tmp_path / site_name
    shutil.copytree(SITES / site_name, site)
    if spec.get("commits"):
        if shutil.which("git") is None:
            pytest.skip("no git binary")
        build_history(site / spec.get("repo_dir", ""), spec["commits"])
    result = read_posts(site / spec["posts_dir"], today=TODAY)
    return spec, result


@pytest.mark.fast
@pytest.mark.skipif(not EXPECTED, reason="no generator fixtures")
@pytest.mark.parametrize("site_name", sorted(EXPECTED))
def test_generator_fixtures(site_name: str, tmp_path: Path) -> None:
    spec, result = site_posts(site_name, tmp_path)
    assert not result.errors
    posts = {p.id: p for p in result.posts}
    for rel, want in spec["posts"].items():
        assert rel in posts, f"{site_name}: {rel} not read"
        got = posts[rel]
        assert (got.date, got.date_source) == (want["date"], want["date_source"]), f"{site_name}/{rel}"
        if "updated" in want:
            assert got.updated == want["updated"], f"{site_name}/{rel}"
        if want.get("url"):
            assert got.url == want["url"], f"{site_name}/{rel}"
        if "authors" in want:
            assert got.authors == want["authors"], f"{site_name}/{rel}"
        if "tags" in want:  # the fixture's tags are its frontmatter's; a folder-sorted blog's top folder adds one
            folder = [rel.split("/")[0]] if "/" in rel and not want["tags"] and spec.get("commits") else []
            assert got.tags == (want["tags"] or folder), f"{site_name}/{rel}"


# --- dates from every place ---------------------------------------------------------------------


@pytest.mark.fast
def test_dates_from_every_place_first_hit_wins(tmp_path: Path) -> None:
    write(tmp_path, "fm.md", "---\ntitle: a\npublished_at: 'March 5, 2021'\nlastmod: 2021-04-01\n---\nx\n")
    write(tmp_path, "2020-02-03-named.md", "---\ntitle: b\n---\nx\n")
    write(tmp_path, "2020-02-04_zola-style.md", "+++\ntitle = 'c'\n+++\nx\n")
    write(tmp_path, "both.md", "---\ndate: 2019-01-01\npermalink: /2018/05/06/both/\n---\nx\n")
    write(tmp_path, "zola.md", '+++\ntitle = "Rust 1.1"\npath = "2015/06/25/Rust-1.1"\n+++\nx\n')
    write(tmp_path, "perma.md", "---\npermalink: /blog/2024/05/perma/\n---\nx\n")
    write(tmp_path, "link.md", "---\ntitle: link\nurl: https://elsewhere.example/2010/01/02/x/\n---\nx\n")
    write(tmp_path, "2019/07/27/deep.md", "x\n")
    write(tmp_path, "2020/01/shallow.md", "x\n")
    write(tmp_path, "2021/yearonly.md", "x\n")
    write(tmp_path, "2022-08-09-bundle/index.md", "x\n")
    posts = {p.id: p for p in read_posts(tmp_path, today=TODAY).posts}
    got = {k: (p.date, p.date_source) for k, p in posts.items()}
    assert got == {
        "fm.md": ("2021-03-05", "frontmatter:published_at"),
        "2020-02-03-named.md": ("2020-02-03", "filename"),
        "2020-02-04_zola-style.md": ("2020-02-04", "filename"),
        "both.md": ("2019-01-01", "frontmatter:date"),
        "zola.md": ("2015-06-25", "path"),
        "perma.md": ("2024-05-01", "url"),
        "link.md": ("", ""),  # a link post's url is another site's page, not this post's date
        "2019/07/27/deep.md": ("2019-07-27", "folders"),
        "2020/01/shallow.md": ("2020-01-01", "folders"),
        "2021/yearonly.md": ("", ""),  # a year alone is no date
        "2022-08-09-bundle/index.md": ("2022-08-09", "filename"),
    }
    assert posts["fm.md"].updated == "2021-04-01"


@pytest.mark.fast
@needs_git
def test_git_dates_first_add_and_last_change(tmp_path: Path) -> None:
    repo = tmp_path / "til"
    write(repo, "python/walrus.md", "# Walrus\n\nx\n")
    write(repo, "git/bisect.md", "# Bisect\n\nx\n")
    write(repo, "dated.md", "---\ndate: 2019-02-03\n---\nx\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "one", date="2020-05-01T12:00:00+00:00")
    (repo / "python/walrus.md").write_text("# Walrus\n\nmore\n")
    (repo / "dated.md").write_text("---\ndate: 2019-02-03\n---\nreformatted\n")
    write(repo, "notes é/ünïcode name.md", "# U\n\nx\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "two", date="2021-06-07T08:00:00+00:00")
    write(repo, "uncommitted.md", "# Not yet\n\nx\n")
    posts = {p.id: p for p in read_posts(repo, today=TODAY).posts}
    assert (posts["python/walrus.md"].date, posts["python/walrus.md"].updated) == ("2020-05-01", "2021-06-07")
    assert (posts["git/bisect.md"].date, posts["git/bisect.md"].updated) == ("2020-05-01", "2020-05-01")
    # a post that writes its date down is updated only when it says so, not on a later commit
    assert (posts["dated.md"].date, posts["dated.md"].updated) == ("2019-02-03", "")
    assert posts["notes é/ünïcode name.md"].date_source == "git"
    assert posts["uncommitted.md"].date == ""
    assert posts["python/walrus.md"].tags == ["python"]  # the top folder of a sorted blog is its category
    # a posts folder inside the repository: paths relative to it
    assert git_dates(repo / "python") == {"walrus.md": (dt.date(2020, 5, 1), dt.date(2021, 6, 7))}


@pytest.mark.fast
@needs_git
def test_no_git_dates_without_a_true_history(tmp_path: Path) -> None:
    assert git_dates(tmp_path) == {}  # not a repository
    repo = tmp_path / "origin"
    for i in range(3):
        write(repo, f"n{i}.md", f"# {i}\n")
        if i == 0:
            git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", str(i), date=f"202{i}-01-01T00:00:00+00:00")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    assert git_dates(shallow) == {}  # its oldest commit is not the first: no dates rather than wrong ones
    env_path = os.environ["PATH"]
    try:
        os.environ["PATH"] = str(tmp_path / "nowhere")  # no git binary at all
        assert git_dates(repo) == {}
    finally:
        os.environ["PATH"] = env_path


@pytest.mark.fast
@needs_git
def test_git_reads_600_files_in_one_log(tmp_path: Path, monkeypatch) -> None:
    """One `git log` for the whole folder, never one per file (the time it takes is in
    docs/benchmarks/metadata.md, not asserted here)."""
    import localchat.ingest.git

    repo = tmp_path / "big"
    for i in range(600):
        write(repo, f"topic{i % 12}/note{i}.md", f"# Note {i}\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "all", date="2022-01-01T00:00:00+00:00")
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counted(args, *rest, **kwargs):  # the real git, counted
        calls.append(list(args))
        return real_run(args, *rest, **kwargs)

    monkeypatch.setattr(localchat.ingest.git.subprocess, "run", counted)
    dates = git_dates(repo)
    assert len(dates) == 600
    assert sum("log" in c for c in calls) == 1 and len(calls) <= 3  # rev-parse twice, log once


# --- site configs: bad input -------------------------------------------------------------------


@pytest.mark.fast
def test_a_broken_site_config_is_one_line_and_the_defaults(tmp_path: Path) -> None:
    write(tmp_path, "_config.yml", "permalink: [unclosed\n  - : :\n")
    write(tmp_path, "_posts/2024-01-02-hello.md", "---\ntitle: Hello\n---\nx\n")
    result = read_posts(tmp_path / "_posts", today=TODAY, base_url="https://b.example")
    assert [p.url for p in result.posts] == ["https://b.example/posts/hello/"]
    assert len(result.site.problems) == 1 and "_config.yml" in result.site.problems[0]
    assert result.posts[0].date == "2024-01-02"


@pytest.mark.fast
def test_flags_win_over_the_site_config(tmp_path: Path) -> None:
    write(tmp_path, "_config.yml", "url: https://jekyll.example\npermalink: /:year/:title/\n")
    write(tmp_path, "_posts/2024-01-02-hello.md", "---\ntitle: Hello\n---\nx\n")
    posts = tmp_path / "_posts"
    assert read_posts(posts, today=TODAY).posts[0].url == "https://jekyll.example/2024/hello/"
    assert read_posts(posts, today=TODAY, base_url="https://mine.example").posts[0].url == "https://mine.example/2024/hello/"
    flagged = read_posts(posts, today=TODAY, base_url="https://mine.example", url_pattern="/p/{slug}.html")
    assert flagged.posts[0].url == "https://mine.example/p/hello.html"


@pytest.mark.fast
def test_authors_and_categories(tmp_path: Path) -> None:
    write(tmp_path, "release/v1.md", "---\ntitle: v1\ndate: 2020-01-01\nauthor: Ada Lovelace\n---\nx\n")
    write(tmp_path, "release/v2.md", "---\ntitle: v2\ndate: 2020-02-01\ncategory: security\nauthors: [Ada Lovelace, Bob]\n---\nx\n")
    write(tmp_path, "posts/plain.md", "---\ntitle: p\ndate: 2020-03-01\ntags: a, b\ncategories: [Notes]\n---\nx\n")
    write(tmp_path, "bundle/index.md", "---\ntitle: b\ndate: 2020-04-01\nauthors:\n  - name: Cy\n---\nx\n")
    posts = {p.id: p for p in read_posts(tmp_path, today=TODAY).posts}
    assert (posts["release/v1.md"].tags, posts["release/v1.md"].authors) == (["release"], ["Ada Lovelace"])
    assert (posts["release/v2.md"].tags, posts["release/v2.md"].authors) == (["security"], ["Ada Lovelace", "Bob"])
    assert posts["posts/plain.md"].tags == ["a", "b", "Notes"]
    assert (posts["bundle/index.md"].tags, posts["bundle/index.md"].authors) == ([], ["Cy"])


# --- the real corpora --------------------------------------------------------------------------


@pytest.mark.fast
@pytest.mark.skipif(not (CORPORA / "elixir-lang-blog" / "posts").is_dir(), reason="elixir corpus not present")
def test_elixir_blog_urls_from_its_jekyll_config_with_no_flags() -> None:
    result = read_posts(CORPORA / "elixir-lang-blog" / "posts")
    posts = {p.id: p for p in result.posts}
    post = posts["2013-12-15-elixir-v0-12-0-released.markdown"]
    assert post.url == "https://elixir-lang.org/blog/2013/12/15/elixir-v0-12-0-released/"
    assert (post.date, post.date_source, post.authors, post.tags) == ("2013-12-15", "filename", ["José Valim"], ["Releases"])
    assert all(p.url.startswith("https://elixir-lang.org/blog/") for p in result.posts)
    assert result.site.generator == "jekyll"


@pytest.mark.fast
@pytest.mark.skipif(not (CORPORA / "nodejs.org-blog" / "posts").is_dir(), reason="nodejs corpus not present")
def test_nodejs_blog_every_post_dated_and_categorised() -> None:
    result = read_posts(CORPORA / "nodejs.org-blog" / "posts")
    assert len(result.posts) == 1049 and not result.errors  # index.md at the top is the listing page
    assert [p.id for p in result.posts if not p.date] == []
    assert [p.id for p in result.posts if not p.tags] == []
    posts = {p.id: p for p in result.posts}
    assert posts["release/v20.0.0.md"].tags == ["release"]
    assert posts["release/v20.0.0.md"].authors == ["Rafael Gonzaga"]


def test_index_json_reports_dates_and_rule(tmp_path: Path) -> None:
    write(tmp_path, "config.toml", 'base_url = "https://zola.example"\ntitle = "z"\n')
    write(tmp_path, "content/blog/2021-03-04-first.md", '+++\ntitle = "First"\n+++\nHello there.\n')
    write(tmp_path, "content/blog/undated.md", '+++\ntitle = "Undated"\n+++\nNo date anywhere.\n')
    write(tmp_path, "content/blog/fm.md", '+++\ntitle = "FM"\ndate = 2022-01-02\n+++\nDated.\n')
    done = run_cli("index", "--posts", str(tmp_path / "content/blog"), "--index", str(tmp_path / "ix"), "--json",
                   cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["undated"] == 1
    assert report["date_sources"] == {"filename": 1, "frontmatter:date": 1}
    assert "zola" in report["url_rule"].lower() and "config.toml" in report["url_rule"]
    said = run_cli("index", "--posts", str(tmp_path / "content/blog"), "--index", str(tmp_path / "ix"), cwd=tmp_path)
    assert "URLs: https://zola.example" in said.stderr and "1 posts undated" in said.stderr
    found = run_cli("search", "hello", "--json", "--index", str(tmp_path / "ix"), cwd=tmp_path)
    urls = {h["url"] for h in json.loads(found.stdout)}
    assert "https://zola.example/blog/first/" in urls


def test_metadata_changes_relabel_without_re_embedding(tmp_path: Path, embedder) -> None:
    from localchat.index import catalog
    from localchat.index.store import TABLE, connect, open_table, sync

    posts = tmp_path / "site" / "_posts"
    write(posts, "2023-05-06-kayaks.md", "---\ntitle: Kayaks\nauthor: Ada\ncategories: outdoors\ntags: [boats]\n---\n"
                 "Paddling a kayak in the fog.\n")
    index = tmp_path / "index"
    first = sync(posts, index, embedder)
    assert first.posts_embedded == 1
    table, _ = open_table(index)
    assert table.to_arrow().column("post_url").to_pylist() == ["/posts/kayaks/"]

    write(tmp_path / "site", "_config.yml", "url: https://j.example\npermalink: pretty\nauthor: Someone Else\n")
    again = sync(posts, index, embedder)
    assert (again.posts_embedded, again.chunks) == (0, first.chunks)
    table, _ = open_table(index)
    assert set(table.to_arrow().column("post_url").to_pylist()) == {"https://j.example/outdoors/2023/05/06/kayaks/"}

    # an index written before date_source/updated/authors/categories existed: filled in, nothing re-embedded
    old = table.to_arrow().drop_columns(["date_source", "updated", "authors", "categories"])
    connect(index).create_table(TABLE, old, mode="overwrite")
    table, _ = open_table(index)
    assert BlogView(table, embedder).entries()[0].categories == []  # read before the sync that adds the column
    upgraded = sync(posts, index, embedder)
    assert upgraded.posts_embedded == 0
    table, _ = open_table(index)
    entries = BlogView(table, embedder).entries()
    assert (entries[0].authors, entries[0].date_source) == (["Ada"], "filename")
    assert (entries[0].tags, entries[0].categories) == (["boats", "outdoors"], ["outdoors"])
    assert catalog.blog_author(entries, "", "Someone Else") == "Ada"
    assert catalog.blog_author(entries, "The Owner", "Someone Else") == "The Owner"


@pytest.mark.fast
def test_pelican_metadata_and_url_rule(tmp_path: Path) -> None:
    write(tmp_path, "pelicanconf.py", "AUTHOR = 'Ana Lima'\nSITEURL = 'https://news.example' if True else ''\n"
                                      "ARTICLE_URL = 'blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/'\n")
    write(tmp_path, "content/2024-03-01-issue-12.md", "Title: Weekly Notes 12\nDate: 2024-03-01 18:46\n"
                                                       "Tags: rust, tooling\nCategory: Newsletter\n\nThe body.\n")
    write(tmp_path, "content/slugged.markdown", "Title: Odd One\nSlug: the-odd-one\nDate: 2023-01-02\n\nText.\n")
    write(tmp_path, "content/unfinished.md", "Title: Not Yet\nDate: 2024-02-01\nStatus: draft\n\nSecret.\n")
    write(tmp_path, "content/plain-note.md", "Note: this line is prose, not metadata.\n\nMore prose.\n")
    write(tmp_path, "content/pages/about.md", "Title: About\n\nWho writes this newsletter.\n")
    result = read_posts(tmp_path / "content", today=TODAY)
    posts = {p.id: p for p in result.posts}
    issue = posts["2024-03-01-issue-12.md"]
    assert (issue.title, issue.date, issue.date_source) == ("Weekly Notes 12", "2024-03-01", "frontmatter:date")
    assert issue.url == "https://news.example/blog/2024/03/01/weekly-notes-12/"
    assert set(issue.tags) >= {"rust", "tooling"} and issue.body.strip() == "The body."
    assert posts["slugged.markdown"].url == "https://news.example/blog/2023/01/02/the-odd-one/"
    assert result.drafts_skipped == ["unfinished.md"]  # Status: draft fails closed, as in frontmatter
    assert "Note: this line is prose" in posts["plain-note.md"].body  # no Title first: no metadata block
    assert result.site.generator == "pelican" and result.site.author == "Ana Lima"
    assert [(p.path, p.reason) for p in result.not_posts] == [("pages/about.md", "a Pelican page (pages/), not a post")]


@pytest.mark.fast
def test_redirect_stubs_and_template_pages_are_not_posts_and_authors_are_people(tmp_path: Path) -> None:
    write(tmp_path, "go1.2.md", "---\ntitle: Go 1.2 is released\nby:\n- Andrew Gerrand\n---\n\nGo 1.2 is out. " * 1)
    write(tmp_path, "go12.md", "---\nredirect: /blog/go1.2\n---\n")
    write(tmp_path, "index.tmpl.md", "---\ntitle: Blog index\n---\n{{range .Posts}}\n{{.Title}} {{.Date}}\n{{end}}\n")
    write(tmp_path, "moved-but-long.md", "---\ntitle: Moved\nredirect_to: /elsewhere\n---\n" + "A real post. " * 40)
    write(tmp_path, "errors.md", "---\ntitle: Errors\nby: [\"Eli Bendersky, on behalf of the Go team\"]\n---\nText.\n")
    write(tmp_path, "history.md", "---\ntitle: History\nby: \"Russ Cox, July 2011; updated by Andrew Gerrand\"\n---\nT.\n")
    write(tmp_path, "pair.md", "---\ntitle: Pair\nauthor: Rob Pike & Robert Griesemer\n---\nText.\n")
    write(tmp_path, "pair-ja.md", "---\ntitle: 二人\nauthor: 田中 美咲、李 明\n---\n本文。\n")
    result = read_posts(tmp_path, today=TODAY)
    assert sorted(p.path for p in result.not_posts) == ["go12.md", "index.tmpl.md"]
    posts = {p.id: p for p in result.posts}
    assert set(posts) == {"go1.2.md", "moved-but-long.md", "errors.md", "history.md", "pair.md", "pair-ja.md"}
    assert posts["go1.2.md"].authors == ["Andrew Gerrand"] and posts["errors.md"].authors == ["Eli Bendersky"]
    assert posts["history.md"].authors == ["Russ Cox"] and posts["pair.md"].authors == ["Rob Pike", "Robert Griesemer"]
    assert posts["pair-ja.md"].authors == ["田中 美咲", "李 明"]  # a Japanese list: 、


@pytest.mark.fast
def test_posts_at_the_site_root_are_the_generators_posts(tmp_path: Path) -> None:
    """--posts at the root of a site repository reads what the generator builds as posts: a Jekyll
    page, a Hugo theme's example site, an archetype, a README are reported, never counted, and the
    URL is the post's own (no _posts/ or content/ in it)."""
    jekyll = tmp_path / "jekyll"
    write(jekyll, "_config.yml", "url: https://tech.example\npermalink: pretty\n")
    write(jekyll, "about.md", "---\nlayout: page\ntitle: チームについて\n---\n私たちのチームです。\n")
    write(jekyll, "_posts/2024-03-04-kome.md", "---\ntitle: Kome\ncategories: design\n---\n本文。\n")
    write(jekyll, "blog/_posts/2024-01-02-start.md", "---\ntitle: Start\n---\nText.\n")
    write(jekyll, "_drafts/unfinished.md", "---\ntitle: 下書き\n---\n本文。\n")
    result = read_posts(jekyll, today=TODAY)
    assert {p.id: p.url for p in result.posts} == {
        "_posts/2024-03-04-kome.md": "https://tech.example/design/2024/03/04/kome/",
        "blog/_posts/2024-01-02-start.md": "https://tech.example/blog/2024/01/02/start/"}
    assert [(p.path, p.reason) for p in result.not_posts] == [("about.md", "a Jekyll page (outside _posts/), not a post")]
    assert result.drafts_skipped == ["_drafts/unfinished.md"]

    hugo = tmp_path / "hugo"
    write(hugo, "hugo.toml", 'baseURL = "https://example.jp/"\n')
    write(hugo, "README.md", "# My site\nBuild with hugo.\n")
    write(hugo, "archetypes/default.md", "---\ntitle: '{{ .Name }}'\ndraft: true\n---\n")
    write(hugo, "themes/simple/exampleSite/content/posts/demo.md", "---\ntitle: Demo\n---\nLorem ipsum.\n")
    write(hugo, "content/about.md", "---\ntitle: このブログについて\n---\n自己紹介。\n")
    write(hugo, "content/posts/2023/miso.md", "---\ntitle: 味噌\ndate: 2023-02-01\n---\n本文。\n")
    result = read_posts(hugo, today=TODAY)
    assert {p.id: p.url for p in result.posts} == {"content/posts/2023/miso.md": "https://example.jp/posts/2023/miso/"}
    assert sorted(p.path for p in result.not_posts) == ["README.md", "archetypes/default.md", "content/about.md",
                                                        "themes/simple/exampleSite/content/posts/demo.md"]
    assert read_posts(hugo / "content" / "posts", today=TODAY).posts[0].url == "https://example.jp/posts/2023/miso/"


@pytest.mark.fast
def test_four_fixture_blogs_read_from_their_sites_roots() -> None:
    """The Russian Zola, Spanish Astro, German Eleventy and Korean Hexo blogs written for the project
    (tests/fixtures/blogs), read as an owner points at them: the site's root. Each counts its 30 posts
    and no page, draft, template or scaffold; URLs are the generator's own."""
    blogs = ROOT / "tests" / "fixtures" / "blogs"
    read = {name: read_posts(blogs / name, today=TODAY) for name in ("zola-ru", "astro-es", "eleventy-de", "hexo-ko")}
    for name, result in read.items():
        assert (len(result.posts), len(result.drafts_skipped), result.errors) == (30, 2, []), name
    assert sorted(p.path for p in read["zola-ru"].not_posts) == ["content/about.md", "content/projects/telegram-bot.md"]
    assert sorted(p.path for p in read["eleventy-de"].not_posts) == ["content/404.md", "content/about.md"]
    assert sorted(p.path for p in read["hexo-ko"].not_posts) == [
        "scaffolds/draft.md", "scaffolds/page.md", "scaffolds/post.md", "source/about/index.md",
        "source/categories/index.md", "source/tags/index.md", "themes/landscape/README.md"]
    urls = {name: {p.id: p.url for p in result.posts} for name, result in read.items()}
    assert urls["astro-es"]["src/content/blog/mosca-blanca.md"] == "https://huertoabierto.example/blog/mosca-blanca/"
    assert urls["eleventy-de"]["content/blog/saale-radweg.md"] == "https://kettenblatt-krume.de/blog/saale-radweg/"
    assert urls["zola-ru"]["content/blog/elbrus-s-yuga/index.md"].endswith("/blog/elbrus-s-yuga/")
    assert urls["hexo-ko"]["source/_posts/first-10k-race.md"] == \
        "https://blog.jihoon-park.example.com/2019/04/07/first-10k-race/"
    writers = {name: sorted({a for p in result.posts for a in p.authors}) for name, result in read.items()}
    assert writers["zola-ru"] == ["Мария Иванова"]  # Zola's [extra] author
    assert writers["astro-es"] == ["Andrés Gómez", "Lucía Ortega", "María José Fernández"]  # "X y Y": two
    hexo = {p.id: p.tags for p in read["hexo-ko"].posts}
    assert hexo["source/_posts/kotlin-coroutines-at-work.md"] == ["개발", "Kotlin", "백엔드"]  # nested, no "source"


@pytest.mark.fast
@pytest.mark.parametrize("blog, title", [
    ("astro-pl", "Zakwas i Kod"),  # src/consts.ts: export const SITE_TITLE = '…'
    ("astro-tr", "Yokuş ve Maya"),
    ("hugo-ro", "Jurnal de Creastă"),
    ("eleventy-de", "Kettenblatt & Krume"),  # _data/site.json
    ("hexo-ko", "지훈의 느린 기록"),  # _config.yml
    ("hugo-nl", "Trappen & Spitten"),  # hugo.toml
    ("zola-it", "Raggi e Stelle"),  # config.toml
    ("jekyll-de", "Imkerverein Obermain e.V."),  # _config.yml
    ("pelican-fr", "Bidouilles & Lacets"),  # pelicanconf.py SITENAME
    ("notes-pt", ""),  # a folder of notes: no generator, no name
])
def test_the_sites_own_name_is_read_from_its_config(blog: str, title: str) -> None:
    """Readers ask by the site's name ("Chi scrive Raggi e Stelle?"): each generator keeps it in its config."""
    assert detect_site(ROOT / "tests" / "fixtures" / "blogs" / blog).title == title


@pytest.mark.fast
def test_the_sites_name_in_an_astro_config_object_a_pelican_unicode_string_and_a_snapshot(tmp_path: Path) -> None:
    from localchat.ingest.site import SNAPSHOT, write_snapshot  # noqa: PLC0415

    astro = tmp_path / "astro"
    (astro / "src" / "content" / "blog").mkdir(parents=True)
    (astro / "astro.config.mjs").write_text("export default { site: 'https://ex.dev' }\n")
    (astro / "src" / "config.ts").write_text('export const SITE = {\n  website: "https://ex.dev/",\n'
                                             '  title: "Paper Lanterns",\n  author: "Kim",\n};\n')
    assert (detect_site(astro).title, detect_site(astro).author) == ("Paper Lanterns", "Kim")
    (astro / "src" / "config.ts").unlink()
    (astro / "package.json").write_text('{"name": "astro-theme-x", "author": "Theme Maker <t@ex.dev>"}')
    assert detect_site(astro).author == ""  # a forked theme's package names its own author: not the blog's
    (astro / "src" / "consts.ts").write_text('export const SITE_AUTHOR = ""; export const SITE_TITLE = "T";\n')
    assert (detect_site(astro).author, detect_site(astro).title) == ("", "T")  # an empty one is none
    (astro / "src" / "consts.ts").write_text("export const SITE_AUTHOR = 'Kim Lee and Ana Silva';\n")
    assert detect_site(astro).author == "Kim Lee"
    pelican = tmp_path / "pelican"
    pelican.mkdir()
    (pelican / "pelicanconf.py").write_text('AUTHOR = u"TWiR Contributors"\nSITENAME = u"This Week in Rust"\n')
    site = detect_site(pelican)
    assert (site.title, site.author) == ("This Week in Rust", "TWiR Contributors")
    copy = tmp_path / "copy"
    copy.mkdir()
    write_snapshot(copy, site, [])
    assert (copy / SNAPSHOT).is_file() and detect_site(copy).title == "This Week in Rust"


@pytest.mark.fast
@pytest.mark.parametrize("written, names", [
    ("Andrés Gómez y Lucía Ortega", ["Andrés Gómez", "Lucía Ortega"]),
    ("Anna Schmidt und Jonas Weber", ["Anna Schmidt", "Jonas Weber"]),
    ("Иван Петров и Мария Иванова", ["Иван Петров", "Мария Иванова"]),
    ("José Ortega y Gasset", ["José Ortega y Gasset"]),  # one person: "y" between his surnames
])
def test_and_in_other_languages_parts_two_writers(written: str, names: list[str]) -> None:
    from localchat.ingest.site import author_name  # noqa: PLC0415

    assert author_name(written) == names


@pytest.mark.fast
def test_the_site_author_writes_the_posts_that_name_no_writer() -> None:
    """Two guest posts name their writer; the other 28 name none: the site's author writes the blog,
    not its most frequent guest."""
    from localchat.index import catalog as cat  # noqa: PLC0415

    entries = [cat.Entry(f"{i}.md", "t", "/", "2024-01-01", [], "post", "", 1, authors=["Guest"] if i < 2 else [])
               for i in range(30)]
    assert cat.blog_author(entries, "", "Owner") == "Owner"
    assert cat.blog_author(entries[:2], "", "Owner") == "Guest"
    assert cat.blog_author(entries, "Me", "Owner") == "Me"


@pytest.mark.fast
def test_pelican_tags_part_at_commas_or_semicolons_never_at_spaces(tmp_path: Path) -> None:
    """Pelican's ensure_metadata_list: "Tags: rang tại nhà" is one tag (Jekyll's "tags: a b" is two)."""
    write(tmp_path, "content/a.md", "Title: Mẻ rang đầu\nDate: 2020-04-05 08:00\nTags: rang tại nhà\n\nMẻ đầu tiên.\n")
    write(tmp_path, "content/b.md", "Title: Phin\nDate: 2020-05-05 08:00\nTags: cà phê phin, đồ nghề\n\nPha phin.\n")
    write(tmp_path, "content/c.md", "Title: Col\nDate: 2021-05-05 08:00\nTags: col alpin; vélo\n\nMonté.\n")
    tags = {p.id: p.tags for p in read_posts(tmp_path, today=TODAY).posts}
    assert tags == {"content/a.md": ["rang tại nhà"], "content/b.md": ["cà phê phin", "đồ nghề"],
                    "content/c.md": ["col alpin", "vélo"]}


@pytest.mark.fast
def test_pelican_pages_from_the_site_root_by_its_page_paths(tmp_path: Path) -> None:
    write(tmp_path, "pelicanconf.py", "AUTHOR = 'Bea Prost'\nPATH = 'content'\nPAGE_PATHS = ['pages', 'legal']\n")
    write(tmp_path, "content/velo/col.md", "Title: Un col\nDate: 2024-06-08 09:00\nTags: col, alpes\n\nMonté en 1 h 12.\n")
    write(tmp_path, "content/pages/a-propos.md", "Title: À propos\n\nQui écrit ici.\n")
    write(tmp_path, "content/legal/mentions.md", "Title: Mentions légales\n\nHébergeur.\n")
    write(tmp_path, "README.md", "# Le dépôt du blog\n\nComment le construire.\n")
    result = read_posts(tmp_path, today=TODAY)
    assert [p.id for p in result.posts] == ["content/velo/col.md"]
    assert sorted((p.path, p.reason) for p in result.not_posts) == [
        ("README.md", "a README (what a folder holds), not a post"),
        ("content/legal/mentions.md", "a Pelican page (PAGE_PATHS), not a post"),
        ("content/pages/a-propos.md", "a Pelican page (PAGE_PATHS), not a post")]


@pytest.mark.fast
def test_a_folder_of_notes_tagged_by_hashtag_lines(tmp_path: Path) -> None:
    write(tmp_path, "2021/2021-03-14-ipa.md", "# Minha IPA\n\n*14 de março de 2021*\n\nRendeu 19 litros.\n\n"
                                             "```\n#nao-e-tag\n```\n\n#cerveja #receitas\n")
    write(tmp_path, "2022/2022-01-02-c.md", "# C\n\n#include <stdio.h>\n\n## Um título\n\n#1 da lista\n")
    write(tmp_path, "index.md", "# Índice\n\n- [Minha IPA](2021/2021-03-14-ipa.md)\n")
    result = read_posts(tmp_path, today=TODAY)
    posts = {p.id: p for p in result.posts}
    assert set(posts) == {"2021/2021-03-14-ipa.md", "2022/2022-01-02-c.md"}  # index.md at the top lists them
    assert posts["2021/2021-03-14-ipa.md"].tags == ["cerveja", "receitas"]
    assert posts["2021/2021-03-14-ipa.md"].date == "2021-03-14"
    assert posts["2022/2022-01-02-c.md"].tags == []  # code, a heading and "#1" are no hashtags


@pytest.mark.fast
def test_french_chinese_and_portuguese_fixture_blogs_read_from_their_roots() -> None:
    """The Pelican (French), Hugo (Chinese) and notes-folder (Portuguese) blogs written for the
    project: 30 posts each; Pelican's pages, Hugo's about page and archetype, a README are none."""
    blogs = ROOT / "tests" / "fixtures" / "blogs"
    read = {name: read_posts(blogs / name, today=TODAY) for name in ("pelican-fr", "hugo-zh", "notes-pt")}
    for name, result in read.items():
        assert (len(result.posts), result.errors) == (30, []), name
    assert (len(read["pelican-fr"].drafts_skipped), len(read["hugo-zh"].drafts_skipped)) == (3, 2)  # hidden: not shown
    assert sorted(p.path for p in read["pelican-fr"].not_posts) == ["content/pages/a-propos.md", "content/pages/contact.md"]
    assert sorted(p.path for p in read["hugo-zh"].not_posts) == ["archetypes/default.md", "content/about.md"]
    assert [p.path for p in read["notes-pt"].not_posts] == ["README.md"]
    writers = {name: sorted({a for p in result.posts for a in p.authors}) for name, result in read.items()}
    assert writers["pelican-fr"] == ["Bastien Verrier", "Claire Mounier"]  # `Authors: a, b` is two
    # three posts take their category from the folder (content/auto-hebergement/): Pelican's one category by slug
    categories = [c for p in read["pelican-fr"].posts for c in p.categories]
    assert (categories.count("Auto-hébergement"), categories.count("Cuisine"), len(categories)) == (12, 8, 30)
    assert writers["hugo-zh"] == ["何志鹏", "苏晓棠", "陈墨川"]
    hugo = {p.id: p.url for p in read["hugo-zh"].posts}
    assert hugo["content/posts/2021-review.md"] == "https://mochuan.example.com/2021/12/2021-年终三把键盘两次出行一次搬家/"
    notes = {p.id: p for p in read["notes-pt"].posts}
    assert notes["2022/2022-01-16-ipa-citra-mosaic.md"].tags == ["cerveja", "receitas"]


@pytest.mark.fast
def test_a_byline_names_the_writer_of_a_post_with_no_author_metadata(tmp_path: Path) -> None:
    write(tmp_path, "2022/2022-04-03-agua.md", "# Água\n\n*3 de abril de 2022*\n\nTexto de Henrique Sobral\n\nTexto.\n")
    write(tmp_path, "2022/2022-05-01-x.md", "# X\n\nBy the way, nothing here names a writer.\n")
    write(tmp_path, "2022/2022-06-01-y.md", "# Y\n\nPor favor, leia.\n")
    write(tmp_path, "2022/2022-07-01-z.md", "---\nauthor: Lívia Campolina\n---\nTexto de Henrique Sobral\n")
    posts = {p.id: p.authors for p in read_posts(tmp_path, today=TODAY).posts}
    assert posts == {"2022/2022-04-03-agua.md": ["Henrique Sobral"], "2022/2022-05-01-x.md": [],
                     "2022/2022-06-01-y.md": [], "2022/2022-07-01-z.md": ["Lívia Campolina"]}
    from localchat.index import catalog  # noqa: PLC0415

    entries = [catalog.Entry.from_post(p) for p in read_posts(tmp_path, today=TODAY).posts]
    assert catalog.blog_author(entries[:3]) == ""  # two unsigned notes and a guest's: the owner is not the guest


@pytest.mark.fast
def test_german_club_mexican_and_english_fixture_blogs_read_from_their_roots() -> None:
    """The Jekyll club blog (German), Hugo (Mexican Spanish) and Eleventy (English) blogs written for
    the project: 30 posts each; pages, a `published: false` post, drafts and excluded files are none."""
    blogs = ROOT / "tests" / "fixtures" / "blogs"
    read = {name: read_posts(blogs / name, today=TODAY) for name in ("jekyll-de", "hugo-es", "eleventy-en")}
    for name, result in read.items():
        assert (len(result.posts), result.errors) == (30, []), name
    assert (len(read["jekyll-de"].drafts_skipped), len(read["hugo-es"].drafts_skipped)) == (3, 2)
    assert sorted(p.path for p in read["jekyll-de"].not_posts) == ["about.md", "impressum.md", "termine.md"]
    assert sorted(p.path for p in read["hugo-es"].not_posts) == ["content/about.md", "content/search.md"]
    assert [p.path for p in read["eleventy-en"].not_posts] == ["src/about.md"]
    assert len(read["eleventy-en"].drafts_skipped) == 2  # `draft: true` and excluded from collections: drafts
    writers = {name: sorted({a for p in result.posts for a in p.authors}) for name, result in read.items()}
    assert writers["jekyll-de"] == ["Gudrun Hümmer", "Lena Dietz", "Matthias Pfadenhauer"]  # "X und Y": two
    assert (read["hugo-es"].site.author, read["eleventy-en"].site.author) == ("Rodrigo Villaseñor", "Nia Gwilym")


@pytest.mark.fast
def test_italian_dutch_and_polish_fixture_blogs_read_from_their_roots() -> None:
    """Zola (Italian), Hugo (Dutch) and Astro (Polish) blogs written for the project: 30 posts each;
    an about page, Zola's undated project pages, a Hugo archetype and search page, drafts are none."""
    blogs = ROOT / "tests" / "fixtures" / "blogs"
    read = {name: read_posts(blogs / name, today=TODAY) for name in ("zola-it", "hugo-nl", "astro-pl")}
    for name, result in read.items():
        assert (len(result.posts), result.errors, len(result.drafts_skipped)) == (30, [], 2), name
    assert sorted(p.path for p in read["zola-it"].not_posts) == [
        "content/about.md", "content/progetti/bianchi-specialissima-1972.md", "content/progetti/dobson-200.md"]
    assert sorted(p.path for p in read["hugo-nl"].not_posts) == ["archetypes/default.md", "content/over-mij.md",
                                                                 "content/zoeken.md"]
    assert [p.path for p in read["astro-pl"].not_posts] == ["src/pages/about.md"]
    writers = {name: sorted({a for p in result.posts for a in p.authors}) for name, result in read.items()}
    assert writers == {"zola-it": ["Chiara Pesenti", "Tommaso Rota"],
                       "hugo-nl": ["Ahmed El Amrani", "Jeroen Hoogendijk", "Lotte Verbeek", "Sanne Kuipers"],
                       "astro-pl": ["Karolina Nowak", "Paweł Dudek"]}
    assert (read["zola-it"].site.author, read["hugo-nl"].site.author) == ("Davide Locatelli", "Jeroen Hoogendijk")


@pytest.mark.fast
@pytest.mark.parametrize("blog, not_posts, writers, title, owner", [
    ("jekyll-sv", ["README.md", "about.md", "utrustning.md"], ["Annika Berglund", "Mattias Lövgren"],
     "Surdeg & Stigar", "Ingrid Almqvist"),
    ("eleventy-cs", ["README.md", "src/kontakt.md", "src/o-blogu.md"], ["Jana Pešková", "Marek Dvořáček"],
     "Med a kilometry", "Radek Kolínský"),
    ("hugo-ro", ["README.md", "archetypes/default.md", "content/about.md", "content/contact.md"],
     ["Sorin Căpățână", "Teodora Nistoroiu"], "Jurnal de Creastă", "Ilinca Dărăbanț"),
    ("astro-tr", ["README.md", "src/pages/ekipman.md"], ["Tarık Demirbağ", "Şule Akyürek"],  # SITE_AUTHOR in src/consts.ts
     "Yokuş ve Maya", "Ilgın Sarıkaya"),
    ("jekyll-id", ["README.md", "perlengkapan.md", "tentang.md"], ["Bayu Kurniawan", "Mega Sitorus"],  # _drafts/, published: false
     "Seduh, Rana, dan Rel", "Larasati Wibisono"),
    ("zola-hu", ["README.md", "content/kapcsolat.md", "content/rolam.md"], ["Fazekas Lili", "Hegedűs Márton"],  # [extra] author
     "Kovász és Csillagpor", "Bakonyi Réka"),
    ("pelican-vi", ["README.md", "content/pages/gioi-thieu.md", "content/pages/lien-he.md"],  # PAGE_PATHS
     ["Trần Minh Khoa", "Đỗ Lan Phương"], "Cà phê và Đèo", "Nguyễn Thu Hà"),
    ("hugo-fi", ["README.md", "archetypes/default.md", "content/tietoa.md", "content/yhteystiedot.md"],
     ["Eero Salminen", "Helmi Koskinen"], "Järvi ja löyly", "Aino Lehtonen"),
    ("astro-el", ["README.md", "src/pages/about.md", "src/pages/kypseli.md"],  # SITE_AUTHOR in src/consts.ts
     ["Δέσποινα Μαυρίδου", "Νίκος Βλαχάκης"], "Μέλι και Αλάτι", "Ελένη Παπαδοπούλου"),
    ("eleventy-da", ["README.md", "src/kontakt.md", "src/om-mig.md"], ["Mette Juul Skov", "Poul Erik Damgaard"],
     "Jord under neglene", "Hanne Bødker Lund"),  # site.json's author
    ("hugo-uk", ["README.md", "archetypes/default.md", "content/marshruty.md", "content/pro-mene.md"],
     ["Максим Дзюба", "Оксана Лелеко"], "Спиця і ланцюг", "Богдан Ярмолюк"),
    ("jekyll-he", ["README.md", "about.md", "gear.md"], ["רונן אבוטבול", "שירה לנדאו"],  # _drafts/
     "שמיים שחורים בנגב", "יואב שחרי"),
])
def test_fixture_blogs_with_a_name_of_their_own_read_from_their_roots(blog, not_posts, writers, title, owner) -> None:
    """Swedish (Jekyll), Czech (Eleventy), Romanian (Hugo), Turkish (Astro), Indonesian (Jekyll),
    Hungarian (Zola), Vietnamese (Pelican), Finnish (Hugo), Greek (Astro), Danish (Eleventy), Ukrainian
    (Hugo) and Hebrew (Jekyll) blogs written for the project: 30 posts each, two drafts; pages are none; two guests; the site's name and owner from
    its config."""
    result = read_posts(ROOT / "tests" / "fixtures" / "blogs" / blog, today=TODAY)
    assert (len(result.posts), result.errors, len(result.drafts_skipped)) == (30, [], 2)
    assert sorted(p.path for p in result.not_posts) == not_posts
    assert sorted({a for p in result.posts for a in p.authors}) == writers
    assert (result.site.title, result.site.author) == (title, owner)


@pytest.mark.fast
def test_eleventys_collection_tag_is_no_tag_of_a_post() -> None:
    """Eleventy's collection tag "posts" (blog.json) is no tag of a post."""
    result = read_posts(ROOT / "tests" / "fixtures" / "blogs" / "eleventy-cs", today=TODAY)
    assert not any("posts" in p.tags for p in result.posts)


@pytest.mark.fast
def test_one_tag_or_category_under_two_spellings_is_one() -> None:
    from localchat.ingest.posts import accented_spellings  # noqa: PLC0415

    named = accented_spellings([["cuisine"], ["Cuisine"], ["Cuisine", "auto-hebergement"], ["Auto-hébergement"],
                                ["bản"], ["bàn"], ["ban"]])
    assert (named["cuisine"], named["auto-hebergement"]) == ("Cuisine", "Auto-hébergement")
    assert (named["bản"], named["bàn"], named["ban"]) == ("bản", "bàn", "ban")  # two accented spellings: three words
    named = accented_spellings([["C++"], ["C"], ["C"], ["C#"], ["Self Hosting"], ["self-hosting"], ["self-hosting"]])
    assert (named["C++"], named["C#"], named["Self Hosting"]) == ("C++", "C#", "self-hosting")
    named = accented_spellings([["Rust"], ["Rust入門"], ["Rust入門"], ["походы"], ["pohody"]])
    assert (named["Rust"], named["pohody"]) == ("Rust", "pohody")  # another script's name is no accented spelling
