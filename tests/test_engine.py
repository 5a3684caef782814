"""The answer engine, with the real bundled model through llama-cpp-python and a real index."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from conftest import MYKAL_POSTS, needs_mykal, run_cli
from helpers import make_posts

from localchat.answer.citations import CitationFilter, check_citations
from localchat.answer.prompt import Turn, TurnMemory, build_prompt
from localchat.answer.router import rewriter
from localchat.config import Config
from localchat.engine import Engine
from localchat.errors import InputTooLong
from localchat.model.local import load_model
from localchat.model.registry import bundled_model_path


@pytest.fixture(scope="module")
def blog(tmp_path_factory, embedder) -> Config:
    root = tmp_path_factory.mktemp("blog")
    config = Config(posts=make_posts(root / "posts"), index=root / "index", n_ctx=2048, max_tokens=48)
    Engine(config, embedder=embedder).sync()
    return config


@pytest.fixture(scope="module")
def engine(blog: Config, embedder, model) -> Engine:
    return Engine(blog, embedder=embedder, model=model)


def test_answer_streams_with_retrieved_sources(engine: Engine) -> None:
    answer = engine.ask("How often should I feed my sourdough starter?", seed=1)
    assert not answer.refused
    assert answer.sources[0].post_id == "bread.md"  # chosen by retrieval, not by the model
    assert answer.sources[0].url.endswith("#feeding")
    pieces = list(answer)
    assert len(pieces) > 3  # it streamed, it did not arrive in one piece
    assert answer.text == "".join(pieces).strip() and answer.text
    assert answer.timings.ttft_ms is not None and answer.timings.tokens >= len(pieces)
    assert all(1 <= n <= len(answer.sources) for n in answer.citations)


def test_out_of_scope_is_refused_without_the_model(blog: Config, embedder) -> None:
    # A model path that does not exist: if the engine tried to load it, ask() would raise.
    engine = Engine(blog.replace(model="/nonexistent/model.gguf"), embedder=embedder)
    answer = engine.ask("Who won the football world cup in 1998?")
    assert answer.refused
    assert answer.text.startswith("I haven't written about that.")
    assert list(answer) == [answer.text]
    assert engine._model is None  # never loaded
    assert answer.sources and len(answer.sources) <= 3  # the nearest posts are still offered


def test_follow_up_is_retrieved_with_the_previous_question(engine: Engine) -> None:
    history = [
        {"role": "user", "content": "Tell me about hiking the Cedar Ridge Loop"},
        {"role": "assistant", "content": "It climbs through cedar forest [1]."},
    ]
    follow_up = "How many metres does it climb?"
    with_context = engine.ask(follow_up, history, seed=1)
    assert "Cedar Ridge" in with_context.debug["retrieval_query"]
    assert with_context.sources[0].post_id == "hike.md"
    with_context.close()
    # A new topic is judged on its own: the earlier hiking question does not carry it past the gate.
    switched = engine.ask("Who won the football world cup in 1998?", history)
    assert switched.refused and switched.debug  # and the model was not needed for that


def test_follow_up_rewrite_by_the_model_when_enabled(blog: Config, embedder, model) -> None:
    engine = Engine(blog.replace(rewrite_followups=True), embedder=embedder, model=model)
    history = [{"role": "user", "content": "Tell me about hiking the Cedar Ridge Loop"},
               {"role": "assistant", "content": "It climbs through cedar forest [1]."}]
    rewrite = rewriter(model.stream)
    rewritten = rewrite("How long does it take?", history)
    assert rewritten and rewritten != "How long does it take?"  # the model restated it (or we fell back)
    assert rewrite("What sensor is in the weather station?", history) == "What sensor is in the weather station?"
    answer = engine.ask("How long does it take?", history, seed=1)
    assert answer.debug["retrieval_query"] == rewritten  # retrieval used the model's rewrite
    answer.close()


def test_huge_question_is_refused_before_any_work(blog: Config, embedder) -> None:
    engine = Engine(blog.replace(model="/nonexistent/model.gguf"), embedder=embedder)
    with pytest.raises(InputTooLong, match="characters long"):
        engine.ask("why " * 20_000)
    assert engine._model is None and engine._table is None  # refused before retrieval or the model


def test_prompt_never_exceeds_the_context(engine: Engine, model) -> None:
    hits = engine.view.search("starter tomatoes hiking sensor keyboard", k=5)
    long_hits = [type(h)(**{**h.__dict__, "body": h.body + " filler words" * 300}) for h in hits]
    history = [{"role": r, "content": f"turn {i} " + "blah " * 150} for i in range(8) for r in ("user", "assistant")]
    budget = 1024 - 256
    prompt = build_prompt("What sensor did you use?", long_hits, history, model.count, budget)
    tokens, _ = model.render(prompt.messages)
    assert len(tokens) == prompt.tokens <= budget
    assert prompt.dropped  # and it says what did not fit
    assert any("oldest" in d for d in prompt.dropped)
    assert prompt.excerpts and prompt.excerpts[0].hit.post_id == long_hits[0].post_id  # best kept
    # A question that cannot fit alone is an error, never silently truncated.
    with pytest.raises(InputTooLong):
        build_prompt("word " * 2000, hits, [], model.count, budget)


def test_next_turn_starts_with_the_first_prompt_token_for_token(engine: Engine, model) -> None:
    # llama.cpp reuses the longest token prefix it has already evaluated: the second turn's prompt
    # must begin with the whole first prompt (excerpts included), or the first turn is prefilled again.
    budget = 2048 - 48
    question = "How often should I feed my sourdough starter?"
    first = build_prompt(question, engine.view.search(question, k=2), [], model.count, budget)
    assert first.turn and first.turn.chained
    history = [{"role": "user", "content": question}, {"role": "assistant", "content": "Twice a day [1]."}]
    follow_up = "And what about the bread dough and the hike?"
    hits = engine.view.search(f"{question} bread dough hike", k=5)
    second = build_prompt(follow_up, hits, history, model.count, budget, earlier=[first.turn])
    tokens_first, _ = model.render(first.messages)
    tokens_second, _ = model.render(second.messages)
    assert tokens_second[: len(tokens_first)] == tokens_first  # the generation prompt too: the reply follows it
    assert len(tokens_second) == second.tokens <= budget

    before = {e.hit.id: e.n for e in first.excerpts}
    again = [e for e in second.excerpts if e.hit.id in before]
    new = [e for e in second.excerpts if e.hit.id not in before]
    assert again and new  # the test covers both cases
    assert all(e.n == before[e.hit.id] for e in again)  # an excerpt keeps its number in the conversation
    assert sorted(e.n for e in new) == list(range(len(before) + 1, len(before) + len(new) + 1))
    last = second.messages[-1]["content"]
    assert all(f'<excerpt n="{e.n}">' not in last for e in again)  # not shown twice...
    assert f"[{again[0].n}]" in last  # ...but pointed at
    assert second.turn and second.turn.excerpts == new and second.turn.chained

    # When the conversation with its excerpts does not fit, history goes back to plain text and
    # the numbering starts again at 1; that turn cannot be built on later.
    tight = build_prompt(follow_up, hits, history, model.count, first.tokens, earlier=[first.turn])
    assert [e.n for e in tight.excerpts] == list(range(1, len(tight.excerpts) + 1))
    assert tight.tokens <= first.tokens and tight.turn and not tight.turn.chained


@pytest.mark.fast
def test_turn_memory_recalls_only_a_whole_known_conversation() -> None:
    memory = TurnMemory(size=2)
    one, two = Turn("q1 with excerpts", [], True), Turn("q2 with excerpts", [], True)
    memory.remember([], "q1", one)
    history = [{"role": "user", "content": "q1"}, {"role": "assistant", "content": "a1"}]
    memory.remember(history, "q2", two)
    longer = history + [{"role": "user", "content": "q2"}, {"role": "assistant", "content": "a2"}]
    assert memory.recall([]) == []
    assert memory.recall(longer) == [one, two]
    edited = [history[0], {"role": "assistant", "content": "a1, edited"}] + longer[2:]
    assert memory.recall(edited) is None  # the second question was asked after another reply
    memory.remember(longer, "q3", Turn("q3", [], False))
    assert memory.recall(history) is None  # the oldest entry was forgotten (size 2)
    memory.remember([], "q1", one)
    assert memory.recall(longer + [{"role": "user", "content": "q3"}, {"role": "assistant", "content": "a3"}]) is None


def test_engine_keeps_excerpts_in_the_conversation(engine: Engine) -> None:
    first = engine.ask("How often should I feed my sourdough starter?", seed=1).finish()
    history = [{"role": "user", "content": first.question}, {"role": "assistant", "content": first.text}]
    second = engine.ask("How much flour does it get?", history, seed=1).finish()
    assert second.debug["history_with_excerpts"] is True
    shown = {(s.post_id, s.heading, s.snippet): s.n for s in first.sources}
    for s in second.sources:  # a source shown again keeps its number; a new one gets a new number
        key = (s.post_id, s.heading, s.snippet)
        assert s.n == shown[key] if key in shown else s.n > len(first.sources)
    assert set(second.citations) <= {s.n for s in second.sources}
    # A client that sends a question this engine never answered gets the plain prompt.
    unknown = [{"role": "user", "content": "Tell me about your sourdough starter"}, {"role": "assistant", "content": "Daily."}]
    other = engine.ask("How much flour does it get?", unknown)
    assert other.debug["history_with_excerpts"] is False
    assert [s.n for s in other.sources] == list(range(1, len(other.sources) + 1))
    other.close()


def test_a_changed_index_forgets_the_excerpts_of_earlier_turns(tmp_path: Path, embedder, model) -> None:
    # A post unpublished after the first turn must not come back through the remembered prompt.
    config = Config(posts=make_posts(tmp_path / "posts"), index=tmp_path / "index", n_ctx=2048, max_tokens=8)
    engine = Engine(config, embedder=embedder, model=model)
    engine.sync()
    first = engine.ask("How often should I feed my sourdough starter?", seed=1).finish()
    assert first.sources[0].post_id == "bread.md"
    history = [{"role": "user", "content": first.question}, {"role": "assistant", "content": first.text}]
    again = engine.ask("How much flour does it get?", history, seed=1)
    assert again.debug["history_with_excerpts"] is True
    again.close()
    bread = tmp_path / "posts" / "bread.md"
    bread.write_text(bread.read_text().replace("---\n", "---\ndraft: true\n", 1))
    assert engine.sync().drafts_skipped == 2
    after = engine.ask("And how often do you water the tomatoes?", history, seed=1)
    assert not after.refused and after.sources[0].post_id == "garden.md"
    assert after.debug["history_with_excerpts"] is False  # the first turn goes back as plain text
    assert "bread.md" not in {s.post_id for s in after.sources}
    after.close()


def test_two_threads_share_one_model_safely(engine: Engine) -> None:
    spans: dict[str, tuple[float, float]] = {}
    errors: list[BaseException] = []

    def ask(name: str, question: str) -> None:
        try:
            answer = engine.ask(question, seed=2)
            pieces = []
            for piece in answer:
                pieces.append((time.perf_counter(), piece))
            assert answer.text
            spans[name] = (pieces[0][0], pieces[-1][0])
        except BaseException as exc:  # noqa: BLE001 - surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=("a", "How do I grow balcony tomatoes?")),
               threading.Thread(target=ask, args=("b", "How often should I feed the starter?"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    (a0, a1), (b0, b1) = spans["a"], spans["b"]
    assert a1 < b0 or b1 < a0  # the lock serialised the two streams


def test_cancelling_a_stream_frees_the_model_at_once(blog: Config, embedder, model) -> None:
    engine = Engine(blog.replace(max_tokens=400), embedder=embedder, model=model)
    answer = engine.ask("Describe the Cedar Ridge Loop hike in detail.", seed=3)
    stream = iter(answer)
    next(stream), next(stream)
    answer.close()
    assert answer.timings.tokens < 10  # generation stopped, it did not run on to max_tokens
    assert model.lock.acquire(blocking=False)  # the model is free for the next question right away
    model.lock.release()
    second = engine.ask("How do I grow balcony tomatoes?", seed=3)
    assert next(iter(second))
    second.close()


@pytest.mark.fast
def test_citations_are_checked_against_the_sources() -> None:
    text, cited = check_citations("Feed daily [1]. Wrong [7]. Both [1, 2]. Again [2][9].", 2)
    assert text == "Feed daily [1]. Wrong . Both [1][2]. Again [2]."
    assert cited == [1, 2]
    f = CitationFilter(3)  # streamed in awkward pieces
    out = "".join(f.feed(p) for p in ["See [", "1", "] and [4", "2] and [", "3]."]) + f.flush()
    assert out == "See [1] and  and [3]."
    # Later turns of a conversation may show numbers with gaps: [2] was shown in an earlier turn only.
    assert check_citations("Old [2], new [6], kept [1].", [1, 6]) == ("Old , new [6], kept [1].", [6, 1])


def test_corrupt_model_file_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\x00" * 64)
    from localchat.errors import ModelError

    with pytest.raises(ModelError, match="cannot load model bad.gguf"):
        load_model(bad)
    result = run_cli("ask", "hello?", "--model", str(bad), "--posts", str(tmp_path / "none"), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bundled_model_has_a_chat_template() -> None:
    model = load_model(bundled_model_path(), n_ctx=512)
    assert "chat template" in model.template and model.n_ctx == 512


@needs_mykal
def test_ask_json_on_the_real_blog(tmp_path: Path) -> None:
    common = ["--posts", str(MYKAL_POSTS), "--index", str(tmp_path / "ix"), "--max-tokens", "64", "--json"]
    result = run_cli("ask", "What coffee gear do you use at home?", *common, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"answer", "note", "evidence", "sentences", "sources", "refused", "related", "timings"}
    assert not data["refused"] and data["answer"]
    assert data["evidence"] and set(data["evidence"][0]) == {"n", "quote", "url"}
    assert data["sentences"] and all(set(c) == {"text", "supported", "sources", "why", "score", "shown"}
                                     for c in data["sentences"])
    source_urls = {s["url"].split("#")[0] for s in data["sources"]}
    assert all(r["url"] not in source_urls for r in data["related"])  # related posts are other posts
    titles = " ".join(s["title"].lower() for s in data["sources"])
    assert "coffee" in titles or "latte" in titles or "cappuccino" in titles
    assert set(data["timings"]) == {"retrieve_ms", "ttft_ms", "tokens", "tok_per_s"}

    refused = json.loads(run_cli("ask", "How do I change the tyre on a car?", *common, cwd=tmp_path).stdout)
    assert refused["refused"] is True and refused["answer"].startswith("I haven't written about that.")
