"""Bad input never crashes: fuzzed post files, hostile frontmatter, huge messages, long histories.

The full-size runs are scripts/fuzz_ingest.py (10,000 examples) and the timings in
docs/benchmarks/fuzz.md; here the same properties at a size CI can afford.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import run_cli, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localchat.answer.prompt import SYSTEM_PROMPT, build_prompt, user_message
from localchat.config import Config
from localchat.engine import Engine
from localchat.errors import InputTooLong
from localchat.index.retrieve import Hit
from localchat.index.store import open_table, sync
from localchat.ingest.posts import read_posts

# A YAML "billion laughs": 9 levels of 10 aliases, a 1 KB file that expands to 10^9 items.
LAUGHS = "---\na: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 10)}]\n" for a, b in zip("abcdefgh", "bcdefghi")
)


@pytest.mark.fast
def test_alias_bomb_frontmatter_is_read_in_bounded_time(tmp_path: Path) -> None:
    write(tmp_path, "bomb_draft.md", LAUGHS + "draft: *i\n---\nboom\n")
    write(tmp_path, "bomb_published.md", LAUGHS + "published: *i\n---\nboom\n")
    write(tmp_path, "bomb_date.md", LAUGHS + "date: *i\n---\nboom\n")
    write(tmp_path, "bomb_title.md", LAUGHS + "title: *i\ntags: *i\n---\nboom\n")
    write(tmp_path, "good.md", "---\ntitle: Good\n---\nfine\n")
    started = time.perf_counter()
    result = read_posts(tmp_path)
    # Not a timing assertion about speed, a guard against a hang: expanding the bomb takes hours.
    assert time.perf_counter() - started < 60
    fates = [p.id for p in result.posts] + result.drafts_skipped + [e.path for e in result.errors]
    assert sorted(fates) == sorted(p.name for p in tmp_path.iterdir())
    assert "bomb_draft.md" in result.drafts_skipped  # an unclear draft value means draft
    assert sorted(e.path for e in result.errors) == ["bomb_date.md", "bomb_published.md"]  # not a date
    assert all(len(e.reason) < 300 for e in result.errors)


def test_lone_surrogates_in_json_frontmatter_do_not_break_the_sync(tmp_path: Path, embedder) -> None:
    posts = tmp_path / "posts"
    write(posts, "surrogate.md", '{\n  "title": "bad \\ud800 title",\n  "tags": ["\\udc80x"],\n'
                                 '  "description": "\\udfff"\n}\nThe body about kayaks.\n')
    write(posts, "good.md", "---\ntitle: Good\n---\nA post about canoes.\n")
    report = sync(posts, tmp_path / "ix", embedder)
    assert (report.posts_indexed, report.errors) == (2, [])
    table, _ = open_table(tmp_path / "ix")
    titles = set(table.to_arrow().column("title").to_pylist())
    assert "Good" in titles and any(t.startswith("bad ") for t in titles)


# --- fuzzing ingestion: the CI-sized run; scripts/fuzz_ingest.py runs 10,000 -------------------

KEYS = ["title", "date", "draft", "published", "pubDate", "tags", "categories", "slug", "permalink",
        "description", "type", "publishDate"]
SCALARS = st.one_of(
    st.sampled_from(["true", "false", "yes", "no", "1", "0", "maybe", "~", "null", "''", '""', "[", "]", "{",
                     "}", ":", "- a", "2023-13-45", "2999-01-01", "1999-12-31T25:61:00", "0000-00-00",
                     "9999999999999999999999", "1e400", "-.inf", ".nan", "!!binary aGk=", "!!set {a, b}",
                     "&x [1, *x]", "*missing", "|", ">-", "'unterminated", '"\\uD800"', "\t", "%YAML 1.1",
                     "!!python/object:os.system ls", "{{ .Title }}", "/../../etc/passwd"]),
    st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=30),  # printable: YAML may parse it
    st.text(max_size=30),
)


@st.composite
def frontmatter_posts(draw: st.DrawFn) -> bytes:
    """Frontmatter that is nearly right: real keys, hostile values, wrong fences, mangled bytes."""
    fence_open, fence_close = draw(st.sampled_from([("---", "---")] * 3 + [("+++", "+++")] * 2 + [
        ("---", "+++"), ("---", ""), ("", "---"), ("\ufeff---", "---"), ("\n\n---", "---")]))
    # mostly the right separator for the fence, so many examples parse and reach the draft logic
    right = " = " if fence_open == "+++" else ": "
    separators = st.sampled_from([right, right, right, ": ", " = ", ":", ""])
    lines = [f"{draw(st.sampled_from(KEYS))}{draw(separators)}{draw(SCALARS)}" for _ in range(draw(st.integers(0, 6)))]
    body = draw(st.text(max_size=200))
    text = "\n".join([fence_open, *lines, fence_close, body])
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # byte-level damage: truncate, splice in junk, CR line ends
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(max_size=12)) + raw[at:]
    if draw(st.booleans()):
        raw = raw.replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\n"])))
    return raw


ANY_POST = st.one_of(st.binary(max_size=300), frontmatter_posts())


def check_fates(root: Path, names: list[str]) -> None:
    """Each file is a post, a skipped draft, a page that is no post (a template, a redirect stub) or
    one {path, reason} error, and the good file is a post."""
    result = read_posts(root)
    fates = ([p.id for p in result.posts] + result.drafts_skipped + [e.path for e in result.errors]
             + [e.path for e in result.not_posts])
    assert sorted(fates) == sorted(names)
    assert "good.md" in [p.id for p in result.posts]
    assert all(e.reason and "\n" not in e.reason for e in result.errors)


@pytest.mark.fast
def test_fuzzed_files_each_get_one_fate(tmp_path_factory) -> None:
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(ANY_POST, min_size=1, max_size=4))
    def check(files: list[bytes]) -> None:
        root = tmp_path_factory.mktemp("fuzz")
        names = [f"f{i}.md" for i in range(len(files))] + ["good.md"]
        for name, raw in zip(names, files):
            (root / name).write_bytes(raw)
        (root / "good.md").write_text("---\ntitle: Good\n---\nfine\n")
        check_fates(root, names)

    check()


# --- long input ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder, model) -> Engine:
    root = tmp_path_factory.mktemp("long")
    write(root / "posts", "bread.md", "---\ntitle: Sourdough Starter Care\n---\n"
                                      "Feed the starter equal weights of flour and water every morning.\n")
    eng = Engine(Config(posts=root / "posts", index=root / "ix", n_ctx=2048, max_tokens=32), embedder=embedder,
                 model=model)
    eng.sync()
    return eng


def test_a_one_megabyte_message_is_refused_with_a_friendly_message(engine: Engine) -> None:
    huge = "Tell me about sourdough. " * 42_000  # ~1 MB
    assert len(huge) > 1_000_000
    with pytest.raises(InputTooLong) as info:
        engine.ask(huge)
    message = str(info.value)
    assert "please keep it under" in message and "\n" not in message and len(message) < 200


@pytest.mark.fast
def test_cli_refuses_a_long_question_without_a_traceback(tmp_path: Path) -> None:
    # argv caps one argument at 128 KiB on Linux, so the CLI gets the largest that exec allows.
    write(tmp_path / "posts", "a.md", "---\ntitle: A\n---\nText about kayaks.\n")
    result = run_cli("ask", "kayak " * 20_000, "--posts", str(tmp_path / "posts"), "--index", str(tmp_path / "ix"),
                     cwd=tmp_path, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("localchat: That question is")


def hit(n: int, words: int) -> Hit:
    body = " ".join(f"word{i % 97} sourdough starter feeding notes" for i in range(words // 5 + 1))
    return Hit(f"p{n}#0", f"p{n}.md", f"Post {n}", f"/posts/p{n}/", f"/posts/p{n}/", "2024-01-01", [], "post", "",
               body, 1.0 / (n + 1), 0.5, n, n)


def test_assembled_prompt_never_exceeds_the_budget(model) -> None:
    """Random histories, excerpt sizes, questions and budgets, counted with the model's own tokenizer:
    either the prompt fits n_ctx - max_tokens exactly as llama.cpp will run it, or InputTooLong."""

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(st.integers(0, 3000), max_size=8),  # words per history message
        st.lists(st.integers(1, 3000), min_size=0, max_size=6),  # words per excerpt
        st.integers(1, 1500),  # words in the question
        st.sampled_from([256, 512, 1024, 2048]),  # n_ctx
        st.sampled_from([16, 64, 200]),  # max_tokens
    )
    def check(history_words: list[int], excerpt_words: list[int], question_words: int, n_ctx: int,
              max_tokens: int) -> None:
        history = [{"role": ("user", "assistant")[i % 2], "content": "previous turn text " * (w // 3)}
                   for i, w in enumerate(history_words)]
        hits = [hit(i, w) for i, w in enumerate(excerpt_words)]
        question = "how do I feed a starter " * (question_words // 6 + 1)
        budget = n_ctx - max_tokens
        try:
            prompt = build_prompt(question, hits, history, model.count, budget)
        except InputTooLong:
            # refused only when the system prompt and the bare question alone do not fit
            alone = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user_message(question, [])}]
            assert model.count(alone) > budget
            return
        tokens, _ = model.render(prompt.messages)
        assert len(tokens) == prompt.tokens <= budget
        assert prompt.messages[-1]["content"].endswith(question)  # the question is never cut

    check()


def test_a_huge_history_is_fitted_with_few_token_counts(model) -> None:
    """A client can send any history. Fitting it must cost a handful of token counts, not one
    per turn: 400 turns used to mean 200 re-counts of the whole prompt (49 s on 2 cores)."""
    calls: list[int] = []

    def count(messages):
        calls.append(sum(len(m["content"]) for m in messages))
        return model.count(messages)

    budget = 2048 - 512
    history = [{"role": ("user", "assistant")[i % 2], "content": f"turn {i} " + "some words here " * 16}
               for i in range(400)]
    prompt = build_prompt("how do I feed a starter?", [hit(0, 50)], history, count, budget)
    assert prompt.tokens <= budget
    kept = prompt.messages[1:-1]
    assert kept and kept[-1]["content"] == history[-1]["content"]  # the newest turns are the ones kept
    assert all(a["role"] != b["role"] for a, b in zip(kept, kept[1:]))  # user and assistant alternate
    assert kept[0]["role"] == "user"
    assert prompt.dropped[0] == f"{400 - len(kept)} oldest conversation message(s)"
    assert len(calls) <= 12  # about log2(200 exchanges), not 200

    calls.clear()
    megabyte = [{"role": "user", "content": "x " * 500_000}, {"role": "assistant", "content": "ok"}]
    prompt = build_prompt("how do I feed a starter?", [hit(0, 50)], megabyte, count, budget)
    assert prompt.messages[1:-1] == [] and prompt.tokens <= budget
    assert max(calls) < 100_000  # the megabyte was never tokenized
