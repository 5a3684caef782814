"""Reading posts: every frontmatter flavour, every draft spelling, every kind of bad input."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from conftest import write

from localchat.errors import PostsNotFound
from localchat.ingest.posts import read_posts

pytestmark = pytest.mark.fast  # no test here loads a model

TODAY = dt.date(2025, 6, 1)


def read(root: Path, **kw):
    return read_posts(root, today=TODAY, **kw)


def by_id(result):
    return {p.id: p for p in result.posts}


def test_frontmatter_flavours(tmp_path: Path) -> None:
    write(tmp_path, "yaml.md", """
        ---
        title: "YAML post"
        date: 2023-04-05
        tags: [coffee, "home barista"]
        description: About beans.
        ---
        Body text.
    """)
    write(tmp_path, "toml.md", """
        +++
        title = "TOML post"
        date = 2022-01-02
        tags = ["garden"]
        +++
        Hugo style.
    """)
    write(tmp_path, "json.md", '{\n  "title": "JSON post",\n  "date": "2021-03-04",\n  "tags": ["a", "b"]\n}\nBody.\n')
    write(tmp_path, "bare.md", "# Heading Title\n\nNo frontmatter here.\n")
    write(tmp_path, "2024-01-05-jekyll-style.md", "Just text.\n")
    write(tmp_path, "2018/07/27/dated-path.md", "---\ntitle: Dated by path\n---\nText\n")
    (tmp_path / "bom.md").write_bytes("\ufeff---\ntitle: BOM post\ndraft: false\ntags: x, y\n---\nBody\n".encode())
    write(tmp_path, "strtags.md", "---\ntitle: S\npubDate: '2020-02-02'\ntags: rust programming\ncategories: [notes]\n---\nB\n")
    (tmp_path / "latin1.md").write_bytes(b"---\ntitle: Caf\xe9\n---\nna\xefve text\n")

    result = read(tmp_path)
    assert result.errors == []
    posts = by_id(result)
    assert posts["yaml.md"].title == "YAML post"
    assert posts["yaml.md"].date == "2023-04-05"
    assert posts["yaml.md"].tags == ["coffee", "home barista"]
    assert posts["yaml.md"].description == "About beans."
    assert (posts["toml.md"].title, posts["toml.md"].date, posts["toml.md"].tags) == ("TOML post", "2022-01-02", ["garden"])
    assert (posts["json.md"].title, posts["json.md"].tags) == ("JSON post", ["a", "b"])
    assert posts["bare.md"].title == "Heading Title"
    assert posts["2024-01-05-jekyll-style.md"].date == "2024-01-05"
    assert posts["2024-01-05-jekyll-style.md"].title == "2024 01 05 jekyll style"
    assert posts["2018/07/27/dated-path.md"].date == "2018-07-27"
    assert posts["bom.md"].title == "BOM post"  # the BOM did not hide the frontmatter
    assert posts["bom.md"].tags == ["x", "y"]
    assert posts["strtags.md"].tags == ["rust", "programming", "notes"]
    assert posts["strtags.md"].date == "2020-02-02"
    assert posts["latin1.md"].title.startswith("Caf")  # decoded with replacement, not dropped
    assert "ve text" in posts["latin1.md"].body


def test_urls_follow_pattern_and_permalinks(tmp_path: Path) -> None:
    write(tmp_path, "plain.md", "---\ntitle: P\ndate: 2024-03-09\n---\nx\n")
    write(tmp_path, "sub/bundle/index.md", "---\ntitle: B\n---\nx\n")
    write(tmp_path, "custom.md", "---\ntitle: C\nslug: my-slug\n---\nx\n")
    write(tmp_path, "perma.md", "---\ntitle: D\npermalink: /notes/d/\n---\nx\n")
    write(tmp_path, "2024-01-05-jek.md", "x\n")
    posts = by_id(read(tmp_path, base_url="https://blog.example/"))
    assert posts["plain.md"].url == "https://blog.example/posts/plain/"
    assert posts["sub/bundle/index.md"].url == "https://blog.example/posts/bundle/"
    assert posts["custom.md"].url == "https://blog.example/posts/my-slug/"
    assert posts["perma.md"].url == "https://blog.example/notes/d/"
    assert posts["2024-01-05-jek.md"].url == "https://blog.example/posts/jek/"
    dated = by_id(read(tmp_path, base_url="https://b.example", url_pattern="/{year}/{month}/{slug}.html"))
    assert dated["plain.md"].url == "https://b.example/2024/03/plain.html"


def test_a_dated_series_in_a_bare_folder_gets_one_url_per_issue(tmp_path: Path) -> None:
    """/posts/{slug}/ drops a file name's date: a weekly series would share one URL."""
    for day in ("07", "14"):
        write(tmp_path, f"2021-07-{day}-this-week.md", f"# Issue {day}\n\ntext\n")
    write(tmp_path, "2021-07-01-hello.md", "# Hello\n\ntext\n")
    posts = by_id(read(tmp_path, base_url="https://blog.example"))
    assert posts["2021-07-07-this-week.md"].url == "https://blog.example/posts/2021-07-07-this-week/"
    assert posts["2021-07-14-this-week.md"].url == "https://blog.example/posts/2021-07-14-this-week/"
    assert posts["2021-07-01-hello.md"].url == "https://blog.example/posts/hello/"  # unique: as before
    write(tmp_path, "2021-08-01-hello.md", "---\ndraft: true\n---\n# Hello again\n")
    with_draft = by_id(read(tmp_path, base_url="https://blog.example", include_drafts=True))
    assert with_draft["2021-07-01-hello.md"].url == "https://blog.example/posts/hello/"  # a draft changes no URL
    assert with_draft["2021-08-01-hello.md"].url == "https://blog.example/posts/2021-08-01-hello/"


DRAFTS = {
    "d_true.md": "---\ntitle: a\ndraft: true\n---\nCANARY\n",
    "d_yes.md": "---\ntitle: a\ndraft: yes\n---\nCANARY\n",
    "d_one.md": "---\ntitle: a\ndraft: 1\n---\nCANARY\n",
    "d_str.md": "---\ntitle: a\ndraft: \"true\"\n---\nCANARY\n",
    "d_Upper.md": "---\ntitle: a\ndraft: 'TRUE'\n---\nCANARY\n",
    "d_unclear.md": "---\ntitle: a\ndraft: maybe\n---\nCANARY\n",
    "d_published_false.md": "---\ntitle: a\npublished: false\n---\nCANARY\n",
    "d_published_no.md": "---\ntitle: a\npublished: 'no'\n---\nCANARY\n",
    "d_future.md": "---\ntitle: a\ndate: 2999-01-01\n---\nCANARY\n",
    "d_future_pub.md": "---\ntitle: a\npublishDate: 2025-06-02\n---\nCANARY\n",
    "_drafts/in_folder.md": "---\ntitle: a\n---\nCANARY\n",
    "d_toml.md": "+++\ntitle = \"a\"\ndraft = true\n+++\nCANARY\n",
}


def test_every_draft_spelling_is_excluded(tmp_path: Path) -> None:
    for rel, text in DRAFTS.items():
        write(tmp_path, rel, text)
    write(tmp_path, "published.md", "---\ntitle: ok\ndraft: false\npublished: true\ndate: 2025-06-01\n---\nfine\n")
    write(tmp_path, "draft_no.md", "---\ntitle: ok2\ndraft: 'no'\n---\nfine\n")
    result = read(tmp_path)
    assert sorted(p.id for p in result.posts) == ["draft_no.md", "published.md"]
    assert sorted(result.drafts_skipped) == sorted(DRAFTS)
    assert result.errors == []
    assert all("CANARY" not in p.body for p in result.posts)

    with_drafts = read(tmp_path, include_drafts=True)
    assert len(with_drafts.posts) == len(DRAFTS) + 2
    assert {p.id for p in with_drafts.posts if p.draft} == set(DRAFTS)


def test_bad_input_is_reported_and_the_rest_indexed(tmp_path: Path) -> None:
    write(tmp_path, "good.md", "---\ntitle: Good\n---\nGood text.\n")
    write(tmp_path, "broken_yaml.md", "---\ntitle: [unclosed\ntags: : :\n---\nCANARY\n")
    write(tmp_path, "bad_date.md", "---\ntitle: x\ndate: 2023-13-45\n---\nCANARY\n")
    write(tmp_path, "word_date.md", "---\ntitle: x\ndate: next tuesday\n---\nCANARY\n")
    write(tmp_path, "broken_toml.md", "+++\ntitle = \n+++\nCANARY\n")
    write(tmp_path, "list_fm.md", "---\n- just\n- a list\n---\nCANARY\n")
    write(tmp_path, "binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    big = tmp_path / "huge.md"
    with big.open("wb") as f:
        f.write(b"---\ntitle: huge\n---\n")
        f.write(b"lorem ipsum " * (50 * 1024 * 1024 // 12))
    (tmp_path / "dangling.md").symlink_to(tmp_path / "does-not-exist.md")
    if os.geteuid() != 0:  # root reads anything, so this case only bites for normal users
        locked = write(tmp_path, "locked.md", "---\ntitle: locked\n---\nx\n")
        locked.chmod(0)

    result = read(tmp_path)
    assert [p.id for p in result.posts] == ["good.md"]
    reasons = {e.path: e.reason for e in result.errors}
    assert len(result.errors) == len(reasons)  # one record per bad file
    assert "YAML" in reasons["broken_yaml.md"]
    assert "date" in reasons["bad_date.md"]
    assert "date" in reasons["word_date.md"]
    assert "TOML" in reasons["broken_toml.md"]
    assert "mapping" in reasons["list_fm.md"]
    assert "binary" in reasons["binary.md"]
    assert "too large" in reasons["huge.md"]
    assert "cannot read" in reasons["dangling.md"]
    if os.geteuid() != 0:
        assert "cannot read" in reasons["locked.md"]


def test_skips_section_pages_hidden_folders_and_node_modules(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "A\n")
    write(tmp_path, "b.markdown", "B\n")
    write(tmp_path, "c.mdx", "C\n")
    write(tmp_path, "notes.txt", "not markdown\n")
    write(tmp_path, "_index.md", "section page\n")
    write(tmp_path, "blog/_index.md", "section page\n")
    write(tmp_path, ".obsidian/x.md", "hidden\n")
    write(tmp_path, "node_modules/pkg/README.md", "dependency\n")
    assert sorted(p.id for p in read(tmp_path).posts) == ["a.md", "b.markdown", "c.mdx"]


def test_missing_posts_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PostsNotFound, match="posts folder not found"):
        read(tmp_path / "nope")


def test_nothing_raises_out_of_ingestion(tmp_path_factory) -> None:
    """Arbitrary bytes and mangled frontmatter: always a post or one error record, never an exception."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    frontmatters = st.sampled_from(["---\n", "+++\n", "{\n", "\ufeff---\n", ""])
    bodies = st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(frontmatters, bodies, st.booleans())
    def check(opening: str, body: bytes, close: bool) -> None:
        root = tmp_path_factory.mktemp("fuzz")
        raw = opening.encode() + body + ((b"\n" + opening.strip().encode() + b"\n") if close else b"")
        (root / "fuzzed.md").write_bytes(raw)
        (root / "good.md").write_text("---\ntitle: Good\n---\nfine\n")
        result = read(root)
        assert "good.md" in [p.id for p in result.posts]
        fates = [p.id for p in result.posts] + result.drafts_skipped + [e.path for e in result.errors]
        assert sorted(fates) == ["fuzzed.md", "good.md"]  # each file accounted for exactly once

    check()


def test_one_person_under_several_spellings_is_one_author(tmp_path: Path) -> None:
    posts = {"a.md": "Isaac Z. Schlueter", "b.md": "Isaac Schlueter", "c.md": "Isaac Schlueter",
             "d.md": "Yosuke Furukawa (@yosuke-furukawa)", "e.md": "Yosuke Furukawa",
             "f.md": "Juan José prepared by Ulises Gascon", "g.md": "Ulises Gascón",
             "h.md": "Ulises Gascón", "i.md": "Isaac Newton"}
    for name, author in posts.items():
        write(tmp_path, name, f"---\ntitle: {name}\ndate: 2024-01-0{len(name)}\nauthor: {author}\n---\nText.\n")
    authors = {p.id: p.authors for p in read_posts(tmp_path).posts}
    assert authors["a.md"] == authors["b.md"] == ["Isaac Schlueter"]  # the blog's usual spelling
    assert authors["d.md"] == ["Yosuke Furukawa"]  # a handle is not part of the name
    assert authors["f.md"] == ["Juan José", "Ulises Gascón"]
    assert authors["i.md"] == ["Isaac Newton"]  # another person, however alike


def test_names_in_other_scripts_are_never_merged(tmp_path: Path) -> None:
    for name, author in {"a.md": "张汉东", "b.md": "李四", "c.md": "Иван Петров", "d.md": "张汉东"}.items():
        write(tmp_path, name, f"---\ntitle: {name}\ndate: 2024-01-02\nauthor: {author}\n---\nText.\n")
    authors = {p.id: p.authors for p in read_posts(tmp_path).posts}
    assert authors == {"a.md": ["张汉东"], "b.md": ["李四"], "c.md": ["Иван Петров"], "d.md": ["张汉东"]}
