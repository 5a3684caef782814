"""The three kinds of answer, each built whole in one place:

- `catalog_answer`: lists, counts and the overview, exactly, from the catalog; no model;
- `refusal`: "I haven't written about that." with the nearest posts; no model;
- `generated_answer`: the excerpts that passed the gate, the evidence quoted first, then the
  model's words streamed through the citation filter and checked sentence by sentence.

Grounding does not depend on the model: which sources are shown, whether the blog covers the
question, whether a citation is valid and whether a sentence is supported are decided here, in code.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any, Callable, Iterator, Sequence

from localchat.answer import wholeblog
from localchat.answer.checks import Marked, Released
from localchat.answer.citations import CitationFilter
from localchat.answer.evidence import Passages, best_quote, excerpt_text, passages
from localchat.answer.gate import Verdict
from localchat.answer.phrases import named, phrase
from localchat.answer.prompt import Prompt, TurnMemory, build_prompt
from localchat.answer.router import Route
from localchat.answer.types import Answer, Source, Timings, snippet, to_source
from localchat.config import Config
from localchat.errors import ConfigError, LocalchatError
from localchat.index import catalog as cat
from localchat.index.catalog import Entry
from localchat.index.coverage import as_written
from localchat.index.retrieve import Hit
from localchat.ingest.language import known_language, language_of
from localchat.model.local import Message, Model

EXCERPT_MARGIN = 0.10  # excerpts this far below the gate still help; further below is noise
ACROSS_MIN_POSTS = 3  # "... across your posts": show at least this many posts that passed retrieval
# Below this size a model gets only the best excerpt: with SmolLM2-135M one excerpt beat 2, 3 and 5
# on must-mention, at half the prompt and half the time to first token (docs/benchmarks/answers.md).
# Larger models keep every excerpt that passes the gate (not measured here: no larger model offline).
SMALL_MODEL_PARAMS = 1_000_000_000
READER_ANSWERS = ("auto", "checked", "quote")
Related = Callable[[Sequence[str]], list[Entry]]


def catalog_answer(question: str, route: Route, timings: Timings, entries: Sequence[Entry],
                   related: Related, owner: str = "") -> Answer:
    """Lists, counts and the overview come from the catalog, exactly: the model is not asked."""
    q = route.meta
    assert q is not None
    if q.action == "overview":
        text = wholeblog.render_overview(cat.overview(entries, owner=owner), q.language)
    else:
        text = wholeblog.render(q, route.entries, route.total)
    sources = [Source(i, e.title, e.url, e.date, 1.0, 1.0, snippet(e.description), e.post_id, updated=e.updated)
               for i, e in enumerate(route.entries, 1)]
    answer = Answer(question, sources, refused=not route.entries, text=text, timings=timings)
    answer.debug = {"route": "catalog", "meta": asdict(q), "total": route.total}
    if len(route.entries) == 1:
        answer.related = related([route.entries[0].post_id])
    answer._pieces = iter([text])
    return answer


REFUSALS = {"asked to say": "not_dictated", "no price given": "not_priced"}  # the gate's why -> what is said


def refusal(question: str, route: Route, verdict: Verdict, timings: Timings, config: Config) -> Answer:
    """The blog does not cover it: say so (by name, where a specific term is in no post) and show
    the nearest posts, clearly marked."""
    nearest = [to_source(i + 1, h) for i, h in enumerate(route.hits[:3])]
    language = language_of(question, known_language(config.posts))  # said in the reader's language
    text = phrase(REFUSALS.get(verdict.why, "not_covered"), language, config)
    if verdict.missing:  # say what the blog does not mention, by name
        text = named(as_written(question, verdict.missing), language, config)
    if nearest:
        text += phrase("closest", language)
    answer = Answer(question, nearest, refused=True, text=text, timings=timings)
    answer.debug = {"best_similarity": verdict.best, "threshold": verdict.threshold, "gate": verdict.why,
                    "missing_terms": verdict.missing, "retrieval_query": route.query}
    answer._pieces = iter([text])
    return answer


def kept_excerpts(route: Route, verdict: Verdict, model: Model, config: Config) -> list[Hit]:
    """Only excerpts that are about the question reach the model and the sources list; a small
    model gets only the best one (the prompt diet)."""
    hits, best = route.hits, verdict.best
    floor = verdict.threshold - EXCERPT_MARGIN
    across = route.kind == "opinion"  # several posts asked for: the filter, not the floor, decides
    keep = len(hits) if across and route.meta and route.meta.filtered else ACROSS_MIN_POSTS if across else 0
    hits = [h for i, h in enumerate(hits) if h.similarity >= floor or h.similarity == best or i < keep]
    most = config.max_excerpts or (1 if 0 < model.n_params < SMALL_MODEL_PARAMS else 0)
    return hits[:most] if most and not across else hits


def generated_answer(question: str, history: Sequence[Message], route: Route, verdict: Verdict, *, model: Model,
                     embedder: Any, config: Config, turns: TurnMemory, earlier: Any, related: Related,
                     timings: Timings, started: float, seed: int | None, max_tokens: int | None,
                     reader: bool = False) -> Answer:
    """The excerpts that passed the gate, the quoted evidence before the first token, then the
    model's answer, streamed and checked. For a reader, only supported sentences are shown."""
    model.check()  # a model server says its context length here (once), or that it is down
    hits = kept_excerpts(route, verdict, model, config)
    if reader and quotes_only(config, model):
        return quoted_answer(question, route, verdict, hits, embedder=embedder, related=related, timings=timings,
                             started=started, blog=known_language(config.posts))
    prompt = build_prompt(question, hits, history, model.count, model.n_ctx - config.max_tokens, earlier=earlier)
    if prompt.turn:
        turns.remember(history, question, prompt.turn)
    sources = [to_source(e.n, e.hit) for e in prompt.excerpts]
    answer = Answer(question, sources, refused=False, timings=timings)
    shown = [(e.n, e.hit) for e in prompt.excerpts]
    found = quote_first(answer, shown, embedder)
    answer.debug = {"best_similarity": verdict.best, "prompt_tokens": prompt.tokens, "budget": prompt.budget,
                    "dropped": prompt.dropped, "retrieval_query": route.query, "route": route.kind,
                    "history_with_excerpts": bool(earlier) and prompt.turn is not None and prompt.turn.chained,
                    "excerpt_texts": [excerpt_text(h) for _, h in shown]}  # as the checks read them
    answer.related = related([s.post_id for s in sources])
    answer.debug["max_tokens"] = min(max_tokens or config.max_tokens, config.max_tokens)
    display = Released(found, embedder, question) if reader else Marked(found, embedder, question,
                                                                           drop=config.unsupported == "drop")
    answer._pieces = stream(answer, prompt, model, config, started, seed, answer.debug["max_tokens"], display)
    return answer


def quotes_only(config: Config, model: Model) -> bool:
    """Whether a reader sees the posts' own words only. With the bundled SmolLM2-135M, 84 % of the
    model sentences the checks let through were really supported (162 labelled by hand on seven
    blogs), and the quote alone held every must-mention term as often as quote and sentences
    together (docs/benchmarks/owners-words.md): below 1B parameters the model adds nothing a reader
    can trust. Larger models were not measured here."""
    if config.reader_answer not in READER_ANSWERS:
        raise ConfigError(f"reader_answer must be one of {', '.join(READER_ANSWERS)}, not {config.reader_answer!r}")
    if config.reader_answer == "auto":
        return 0 < model.n_params < SMALL_MODEL_PARAMS
    return config.reader_answer == "quote"


def quote_first(answer: Answer, shown: Sequence[tuple[int, Hit]], embedder: Any) -> Passages:
    """Evidence first: the passage that answers, before the model writes. Its sentence vectors are
    returned, kept for checking the answer afterwards."""
    quoted = time.perf_counter()
    found, question_vector = passages(shown, embedder, answer.question)
    answer.evidence = [e for e in [best_quote(found, question_vector, shown)] if e]
    answer.timings.evidence_ms = (time.perf_counter() - quoted) * 1000
    return found


def quoted_answer(question: str, route: Route, verdict: Verdict, hits: Sequence[Hit], *, embedder: Any,
                  related: Related, timings: Timings, started: float, blog: str = "") -> Answer:
    """A reader's answer in the posts' own words: the passage that answers, quoted with its link,
    and the sources; the model writes nothing. `blog`: the blog's language
    (ingest.language.known_language), which a question whose words vote as much for it is read in."""
    shown = list(enumerate(hits, 1))
    answer = Answer(question, [to_source(n, h) for n, h in shown], refused=False, timings=timings)
    quote_first(answer, shown, embedder)
    timings.ttft_ms = timings.total_ms = (time.perf_counter() - started) * 1000
    if not answer.evidence:
        answer.add_note(phrase("nearest_post", language_of(question, blog)))
    answer.debug = {"best_similarity": verdict.best, "reader_answer": "quote", "retrieval_query": route.query,
                    "route": route.kind, "prompt_tokens": 0, "excerpt_texts": [excerpt_text(h) for _, h in shown]}
    answer.related = related([s.post_id for s in answer.sources])
    answer._pieces = iter(())
    return answer


def stream(answer: Answer, prompt: Prompt, model: Model, config: Config, started: float, seed: int | None,
           max_tokens: int, display: Marked | Released) -> Iterator[str]:
    """The model's pieces, through the citation filter, shown as `display` decides: every piece,
    checked and marked at the end (the owner), or only the supported sentences, each once it is
    complete (a reader). A model server that dies mid-answer ends it with a note."""
    citations = CitationFilter([e.n for e in prompt.excerpts])
    first_at = None
    pieces: Iterator[str] = iter(())
    try:
        try:
            pieces = model.stream(prompt.messages, max_tokens=max_tokens, temperature=config.temperature, seed=seed)
            for piece in pieces:
                if first_at is None:
                    first_at = time.perf_counter()
                    answer.timings.ttft_ms = (first_at - started) * 1000
                answer.timings.tokens += 1  # llama-cpp-python streams one token per piece
                now = display.feed(citations.feed(piece))
                if now:
                    answer.text = display.text
                    yield now
            tail = display.feed(citations.flush()) + display.flush()
            if tail:
                yield tail
        except LocalchatError as exc:  # a model server down or gone mid-answer: say so, keep what came
            stopped = f"⚠️ The answer stopped: {exc}"
            answer.add_note(stopped)
            yield f"\n\n{stopped}"
        display.finish(answer)
    finally:
        getattr(pieces, "close", lambda: None)()
        display.settle(answer, citations.cited)
        answer.debug["citations_removed"] = citations.removed
        end = time.perf_counter()
        answer.timings.total_ms = (end - started) * 1000
        if first_at is not None and answer.timings.tokens > 1:
            answer.timings.tok_per_s = (answer.timings.tokens - 1) / max(end - first_at, 1e-6)
