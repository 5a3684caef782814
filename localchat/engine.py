"""The engine: one Python API over the whole path. The CLI, the app and the HTTP API sit on it.

    engine = Engine(load_config())
    answer = engine.ask("How do you make cold brew?")
    for piece in answer:          # streams; closing early stops the model
        print(piece, end="")
    answer.sources, answer.refused, answer.timings

Grounding does not depend on the model: which sources are shown, whether the blog covers the
question at all, and whether a citation is valid are all decided here, in code.
"""

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterator, Sequence

from . import catalog as cat
from . import meta
from .catalog import Entry
from .citations import CitationFilter
from .config import Config
from .checks import Checked, attributed, check
from .embed import Embedder, load_embedder
from .evidence import Evidence, Passages, best_quote, passages
from .errors import IndexProblem, InputTooLong, LocalchatError, PostsNotFound
from .gate import Gate, Noise, Verdict
from .index import SyncReport, open_table, sync
from .llm import Message, Model, load_model
from .models import resolve_model
from .remote import ServerModel
from .prompt import SYSTEM_PROMPT, Prompt, Turn, TurnMemory, build_prompt, user_message
from .retrieve import Hit, build_where, search
from .site import Site, detect_site

MAX_QUESTION_CHARS = 4000  # about 1,000 tokens: longer is a paste, not a question
SNIPPET_CHARS = 280
EXCERPT_MARGIN = 0.10  # excerpts this far below the gate still help; further below is noise
ACROSS_MIN_POSTS = 3  # "... across your posts": show at least this many posts that passed retrieval
COUNT_SHOWN = 10  # "how many posts ...": the number, and the newest few as links
# Below this size a model gets only the best excerpt: with SmolLM2-135M one excerpt beat 2, 3 and 5
# on must-mention, at half the prompt and half the time to first token (docs/benchmarks/answers.md).
# Larger models keep every excerpt that passes the gate (not measured here: no larger model offline).
SMALL_MODEL_PARAMS = 1_000_000_000


@dataclass
class Source:
    n: int
    title: str
    url: str
    date: str
    score: float
    similarity: float
    snippet: str
    post_id: str
    heading: str = ""
    updated: str = ""  # when the post was last changed, if the blog says (frontmatter or git)


@dataclass
class Timings:
    retrieve_ms: float = 0.0
    evidence_ms: float = 0.0
    ttft_ms: float | None = None
    tokens: int = 0
    tok_per_s: float | None = None
    total_ms: float = 0.0


@dataclass
class Answer:
    """A streaming answer. Iterate it for text pieces; afterwards `text` holds the whole answer."""

    question: str
    sources: list[Source]
    refused: bool
    text: str = ""
    citations: list[int] = field(default_factory=list)
    timings: Timings = field(default_factory=Timings)
    debug: dict[str, Any] = field(default_factory=dict)
    related: list[Entry] = field(default_factory=list)  # other posts near the sources, never drafts
    evidence: list[Evidence] = field(default_factory=list)  # the quoted passage, known before the first token
    sentences: list[Checked] = field(default_factory=list)  # the answer checked sentence by sentence, at the end
    checked_text: str = ""  # the answer as shown: computed [n], unsupported sentences marked (or dropped)
    note: str = ""  # one line for the reader about the answer itself ("indexing is still running")
    _pieces: Iterator[str] | None = None

    def __iter__(self) -> Iterator[str]:
        if self._pieces is None:
            return iter(())
        return self._pieces

    def close(self) -> None:
        """Stop generating now (the reader left or pressed stop); frees the model for the next one."""
        if self._pieces is not None and hasattr(self._pieces, "close"):
            self._pieces.close()

    def on_close(self, release: Callable[[], None]) -> None:
        """Call `release` exactly once, when the stream ends or is closed: a server gives the
        answer's place in line back this way."""
        self._pieces = Held(iter(self), release)

    def finish(self) -> "Answer":
        """Consume the rest of the stream (for non-streaming callers)."""
        for _ in self:
            pass
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "sources": [
                {"n": s.n, "title": s.title, "url": s.url, "date": s.date, "updated": s.updated, "score": round(s.score, 5),
                 "similarity": round(s.similarity, 4), "snippet": s.snippet}
                for s in self.sources
            ],
            "refused": self.refused,
            "citations": self.citations,
            "related": [{"title": e.title, "url": e.url, "date": e.date} for e in self.related],
            "evidence": [e.to_dict() for e in self.evidence],
            "sentences": [c.to_dict() for c in self.sentences],
            "note": self.note,
            "timings": {k: (round(v, 1) if isinstance(v, float) else v) for k, v in asdict(self.timings).items()},
        }


@dataclass
class Route:
    """What ask() will show, decided before any model runs (the eval measures exactly this).
    kind: "retrieval" (hybrid search), "catalog" (an exact list from the catalog, no model),
    "opinion" (retrieval restricted to the posts a question names, one excerpt per post)."""

    kind: str
    query: str
    meta: meta.Query | None = None
    hits: list[Hit] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    total: int = 0  # catalog matches before the list was cut

    @property
    def post_ids(self) -> list[str]:
        return [e.post_id for e in self.entries] if self.kind == "catalog" else [h.post_id for h in self.hits]


class Held:
    """An answer's stream that gives its place back exactly once: when it ends or is closed."""

    def __init__(self, pieces: Iterator[str], release: Callable[[], None]) -> None:
        self.pieces = pieces
        self.release = release
        self.closed = False

    def __iter__(self) -> "Held":
        return self

    def __next__(self) -> str:
        try:
            return next(self.pieces)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            close = getattr(self.pieces, "close", None)
            if close:
                close()
        finally:
            self.release()


def check_question(question: str) -> str:
    """The question, stripped; InputTooLong if it is empty or longer than any question is."""
    question = question.strip()
    if len(question) > MAX_QUESTION_CHARS:
        raise InputTooLong(
            f"That question is {len(question):,} characters long; please keep it under {MAX_QUESTION_CHARS:,}."
        )
    if not question:
        raise InputTooLong("Please type a question.")
    return question


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def to_source(n: int, hit: Hit) -> Source:
    return Source(n, hit.title, hit.url, hit.date, hit.score, hit.similarity, snippet(hit.body), hit.post_id, hit.heading,
                  hit.updated)


# Words that lean on an earlier turn: "how long does *it* take?", "*and* the second one?"
FOLLOW_UP = re.compile(
    r"\b(it|its|that|this|these|those|they|them|their|there|he|she|him|her|his|one|ones|same|else|also|more)\b"
    r"|^\s*(and|but|so|then|what about|how about)\b",
    re.IGNORECASE,
)


def is_follow_up(question: str) -> bool:
    return bool(FOLLOW_UP.search(question)) or len(question.split()) <= 3


def retrieval_query(question: str, history: Sequence[Message]) -> str:
    """A follow-up ("and how long does it take?") is retrieved together with the previous
    question; a question that stands on its own is retrieved alone, so a change of topic
    is judged on its own merits by the relevance gate."""
    previous = [m["content"] for m in history if m.get("role") == "user"]
    if previous and is_follow_up(question):
        return f"{previous[-1]}\n{question}"
    return question


class Engine:
    def __init__(self, config: Config, *, embedder: Embedder | None = None, model: Model | None = None,
                 reader: bool = False) -> None:
        self.config = config
        self.reader = reader  # reader mode: drafts never, whatever the index holds
        self._embedder = embedder
        self._model = model
        self._table: Any = None
        self._load_lock = threading.Lock()
        self._catalog: tuple[Any, list[Entry]] = (None, [])  # (cache key, entries)
        self._vectors: tuple[Any, cat.PostVectors] = (None, cat.PostVectors())
        self.messages: list[str] = []  # things the user should be told (index restored, rebuilt)
        self.turns = TurnMemory()  # earlier questions as the model saw them, for llama.cpp's prefix cache
        self._site: Site | None = None  # the blog's generator config, read when first needed
        self._noise: tuple[int, Noise] | None = None  # (index rows when measured, the gate's noise level)

    # --- components, loaded on first use --------------------------------------------------

    @property
    def include_drafts(self) -> bool:
        return self.config.include_drafts and not self.reader

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self.config.embedder, self.config.embed_backend)
        return self._embedder

    @property
    def model(self) -> Model:
        with self._load_lock:
            if self._model is None:
                c = self.config
                if c.llm_url:
                    self._model = ServerModel(c.llm_url, model=c.llm_model, n_ctx=c.n_ctx, timeout=c.llm_timeout,
                                              api_key=os.environ.get("LOCALCHAT_LLM_API_KEY", ""))
                else:
                    path = resolve_model(c.model or None, c.models_dir)
                    self._model = load_model(path, n_ctx=c.n_ctx, n_threads=c.n_threads,
                                             n_gpu_layers=c.n_gpu_layers, chat_format=c.chat_format)
            return self._model

    def check_model(self) -> None:
        """Fail fast on a missing or non-GGUF model file, or a model server that does not answer,
        before any question needs it."""
        if self.config.llm_url:
            self.model.check()
        elif self._model is None:
            resolve_model(self.config.model or None, self.config.models_dir)

    @property
    def table(self) -> Any:
        if self._table is None:
            self._table, messages = open_table(self.config.index)
            self.messages.extend(messages)
        return self._table

    # --- the data path ------------------------------------------------------------------

    def sync(self, progress: Any = None) -> SyncReport:
        c = self.config
        report = sync(c.posts, c.index, self.embedder, include_drafts=c.include_drafts, base_url=c.base_url,
                      url_pattern=c.url_pattern, progress=progress)
        self._table = None  # reopen: the sync replaced the table
        self.messages.extend(report.messages)
        return report

    def check_posts(self) -> None:
        """Fail fast, one line, on a posts folder that is not there (before a sync would)."""
        if not Path(self.config.posts).is_dir():
            raise PostsNotFound(f"posts folder not found: {self.config.posts}")

    def ensure_index(self, progress: Any = None) -> SyncReport | None:
        try:
            self.table
            return None
        except IndexProblem:
            return self.sync(progress)

    def search(self, query: str, *, k: int | None = None, where: str | None = None, per_post: bool = True) -> list[Hit]:
        return search(self.table, self.embedder, query, k=k or self.config.k, where=where, per_post=per_post,
                      include_drafts=self.include_drafts)

    def catalog(self) -> list[Entry]:
        """Every post the reader may see, newest first; re-read whenever the index changed."""
        table = self.table
        version = (table, table.version, self.include_drafts)  # a re-opened table may restart its numbering
        if self._catalog[0] != version:
            self._catalog = (version, cat.load(table, include_drafts=self.include_drafts))
            # A post may have been edited, deleted or made a draft: never repeat excerpts from before.
            self.turns = TurnMemory()
        return self._catalog[1]

    def gate(self) -> Gate:
        """The relevance gate over the current index. Its noise level is measured once and kept
        while the blog's size stays within a tenth of what it was measured on (an edit does not
        move it; a blog that doubles does)."""
        table = self.table
        gate = Gate(table, self.embedder, build_where(include_drafts=self.include_drafts), self.config.min_similarity)
        if self.config.min_similarity is None:
            size = table.count_rows()
            if self._noise is None or not 0.9 * self._noise[0] <= size <= 1.1 * self._noise[0]:
                self._noise = (max(size, 1), gate.noise)
            gate.noise = self._noise[1]
        return gate

    def known_names(self, question: str) -> set[str]:
        """Words that name the blog itself, never a missing subject: its author, and a person asked
        about where a blog's posts name no authors ("What did Mykal write…")."""
        vocab = meta.vocabulary(self.catalog(), self.author)
        return meta.owner_words(question, vocab) | set(meta.tokens(self.config.base_url.split("//")[-1]))

    @property
    def author(self) -> str:
        """Who writes this blog, so a question may name them: the `author` setting, else the most
        common frontmatter author, else the author in the site generator's config."""
        if self._site is None:
            self._site = detect_site(self.config.posts)
        return cat.blog_author(self.catalog(), self.config.author, self._site.author)

    def related(self, post_ids: Sequence[str], n: int = 3) -> list[Entry]:
        table = self.table
        if self._vectors[0] != (table, table.version):
            self._vectors = ((table, table.version), cat.post_vectors(table))
        return cat.related(self.catalog(), self._vectors[1], post_ids, n)

    def retrieve(self, question: str, history: Sequence[Message] = (), *, k: int | None = None) -> Route:
        """Route the question: a question about the blog as a whole goes to the catalog, the rest to search."""
        k = k or self.config.k
        query = self.rewrite(question, history) if self.config.rewrite_followups else retrieval_query(question, history)
        found = meta.understand(question, history, self.catalog(), self.author)
        if found is None:
            return Route("retrieval", query, hits=self.search(query, k=k))
        q, chosen, total = found
        if q.action == "overview":
            return Route("catalog", query, q, entries=meta.shown(q, chosen), total=total)
        if q.filtered and not chosen:
            return Route("catalog", query, q)  # "I haven't published any posts tagged X": exact, and no model
        only = build_where(include_drafts=True, post_ids=[e.post_id for e in chosen]) if q.filtered else None
        if q.action == "opinion":
            hits = self.search(query, k=k, where=only)
            if hits and max(h.similarity for h in hits) >= self.gate().threshold():
                return Route("opinion", query, q, hits=hits)
            return Route("retrieval", query, hits=self.search(query, k=k))  # the filter guessed wrong
        if q.topic:  # "list your posts on gardening": the matching posts that are about the topic
            by_id = {e.post_id: e for e in chosen}
            hits = self.search(q.topic, k=meta.LIST_LIMIT, where=only)
            limit = self.gate().threshold()
            chosen = [by_id[h.post_id] for h in hits if h.similarity >= limit and h.post_id in by_id]
        return Route("catalog", query, q, entries=meta.shown(q, chosen, COUNT_SHOWN), total=len(chosen))

    def ask(self, question: str, history: Sequence[Message] = (), *, k: int | None = None,
            seed: int | None = None, max_tokens: int | None = None) -> Answer:
        """Retrieve, gate, build the prompt and return a streaming Answer. Raises InputTooLong.
        `max_tokens` can shorten an answer, never lengthen it past the config's (the prompt's
        budget leaves room for that many)."""
        question = check_question(question)
        started = time.perf_counter()
        route = self.retrieve(question, history, k=k)
        query, hits = route.query, route.hits
        timings = Timings(retrieve_ms=(time.perf_counter() - started) * 1000)
        # retrieve() read the catalog, which empties the memory when the index changed
        earlier = self.turns.recall(history)
        unprompted = Turn(user_message(question, []), [], earlier is not None)  # no excerpts: a catalog answer or a refusal
        if route.kind == "catalog":
            self.turns.remember(history, question, unprompted)
            return self._catalog_answer(question, route, timings)

        verdict = self.gate().judge(question, hits, self.known_names(question))
        best = verdict.best
        if not verdict.covered:
            self.turns.remember(history, question, unprompted)
            refusal = self._refusal(question, hits, verdict, timings)
            refusal.debug["retrieval_query"] = query
            return refusal

        # Only excerpts that are about the question reach the model and the sources list.
        floor = verdict.threshold - EXCERPT_MARGIN
        across = route.kind == "opinion"  # several posts asked for: the filter, not the floor, decides
        keep = len(hits) if across and route.meta and route.meta.filtered else ACROSS_MIN_POSTS if across else 0
        hits = [h for i, h in enumerate(hits) if h.similarity >= floor or h.similarity == best or i < keep]
        model = self.model
        model.check()  # a model server says its context length here (once), or that it is down
        most = self.config.max_excerpts or (1 if 0 < model.n_params < SMALL_MODEL_PARAMS else 0)
        if most and not across:  # the prompt diet: a small model does best with the one best excerpt
            hits = hits[:most]
        prompt = build_prompt(question, hits, history, model.count, model.n_ctx - self.config.max_tokens,
                              earlier=earlier)
        if prompt.turn:
            self.turns.remember(history, question, prompt.turn)
        sources = [to_source(e.n, e.hit) for e in prompt.excerpts]
        answer = Answer(question, sources, refused=False, timings=timings)
        # Evidence first: the passage that answers, before the model writes (its sentence vectors
        # are kept for checking the answer afterwards).
        shown = [(e.n, e.hit) for e in prompt.excerpts]
        quoted = time.perf_counter()
        found, question_vector = passages(shown, self.embedder, question)
        answer.evidence = [e for e in [best_quote(found, question_vector, shown)] if e]
        timings.evidence_ms = (time.perf_counter() - quoted) * 1000
        answer.debug = {"best_similarity": best, "prompt_tokens": prompt.tokens, "budget": prompt.budget,
                        "dropped": prompt.dropped, "retrieval_query": query, "route": route.kind,
                        "history_with_excerpts": bool(earlier) and prompt.turn is not None and prompt.turn.chained,
                        "excerpt_texts": [f"{h.title}\n{h.heading}\n{h.body}" for _, h in shown]}
        answer.related = self.related([s.post_id for s in sources])
        answer.debug["max_tokens"] = min(max_tokens or self.config.max_tokens, self.config.max_tokens)
        answer._pieces = self._generate(answer, prompt, model, started, seed, answer.debug["max_tokens"], found)
        return answer

    def rewrite(self, question: str, history: Sequence[Message]) -> str:
        """With a capable model: turn a follow-up into a standalone question for retrieval.
        Falls back to the previous-question heuristic when the model returns nothing usable."""
        fallback = retrieval_query(question, history)
        previous = [m for m in history if m.get("role") in ("user", "assistant")][-4:]
        if not previous or not is_follow_up(question):
            return question
        transcript = "\n".join(f"{m['role']}: {m['content'][:500]}" for m in previous)
        messages = [
            {"role": "system", "content": "Rewrite the user's last question so it can be understood without the "
                                          "conversation. Reply with the question only."},
            {"role": "user", "content": f"Conversation:\n{transcript}\n\nLast question: {question}"},
        ]
        text = "".join(self.model.stream(messages, max_tokens=64, temperature=0.0, seed=0)).strip()
        text = text.splitlines()[0].strip() if text else ""
        return text if 3 <= len(text) <= 300 else fallback

    def _catalog_answer(self, question: str, route: Route, timings: Timings) -> Answer:
        """Lists, counts and the overview come from the catalog, exactly: the model is not asked."""
        q = route.meta
        assert q is not None
        if q.action == "overview":
            text = meta.render_overview(cat.overview(self.catalog()))
        else:
            text = meta.render(q, route.entries, route.total)
        sources = [Source(i, e.title, e.url, e.date, 1.0, 1.0, snippet(e.description), e.post_id, updated=e.updated)
                   for i, e in enumerate(route.entries, 1)]
        answer = Answer(question, sources, refused=not route.entries, text=text, timings=timings)
        answer.debug = {"route": "catalog", "meta": asdict(q), "total": route.total}
        if len(route.entries) == 1:
            answer.related = self.related([route.entries[0].post_id])
        answer._pieces = iter([text])
        return answer

    def _refusal(self, question: str, hits: list[Hit], verdict: Verdict, timings: Timings) -> Answer:
        nearest = [to_source(i + 1, h) for i, h in enumerate(hits[:3])]
        text = self.config.not_covered
        if verdict.missing:  # say what the blog does not mention, by name
            text = self.config.not_covered_named.format(terms=" or ".join(verdict.missing))
        if nearest:
            text += " The closest posts I have are listed below."
        answer = Answer(question, nearest, refused=True, text=text, timings=timings)
        answer.debug = {"best_similarity": verdict.best, "threshold": verdict.threshold, "gate": verdict.why,
                        "missing_terms": verdict.missing}
        answer._pieces = iter([text])
        return answer

    def _generate(self, answer: Answer, prompt: Prompt, model: Model, started: float, seed: int | None,
                  max_tokens: int, found: Passages | None = None) -> Iterator[str]:
        citations = CitationFilter([e.n for e in prompt.excerpts])
        parts: list[str] = []
        first_at = None
        stream: Iterator[str] = iter(())
        try:
            try:
                stream = model.stream(prompt.messages, max_tokens=max_tokens, temperature=self.config.temperature,
                                      seed=seed)
                for piece in stream:
                    if first_at is None:
                        first_at = time.perf_counter()
                        answer.timings.ttft_ms = (first_at - started) * 1000
                    answer.timings.tokens += 1  # llama-cpp-python streams one token per piece
                    shown = citations.feed(piece)
                    if shown:
                        parts.append(shown)
                        answer.text = "".join(parts)
                        yield shown
                tail = citations.flush()
                if tail:
                    parts.append(tail)
                    yield tail
            except LocalchatError as exc:  # a model server down or gone mid-answer: say so, keep what came
                answer.note = f"⚠️ The answer stopped: {exc}"
                yield f"\n\n{answer.note}"
            if found is not None:  # the whole answer is there: check it, sentence by sentence
                answer.sentences = check("".join(parts).strip(), found, self.embedder, answer.question)
                answer.checked_text = attributed("".join(parts).strip(), answer.sentences,
                                                 drop=self.config.unsupported == "drop")
        finally:
            getattr(stream, "close", lambda: None)()
            answer.text = "".join(parts).strip()
            answer.citations = citations.cited
            answer.debug["citations_removed"] = citations.removed
            end = time.perf_counter()
            answer.timings.total_ms = (end - started) * 1000
            if first_at is not None and answer.timings.tokens > 1:
                answer.timings.tok_per_s = (answer.timings.tokens - 1) / max(end - first_at, 1e-6)


__all__ = ["Answer", "Engine", "Route", "Source", "Timings", "SYSTEM_PROMPT"]
