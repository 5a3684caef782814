"""The engine assembles the components (embedder, model, index view, gate, router) and keeps the
index in step; a question goes one way through it: check -> route -> gate -> build.

    engine = Engine(load_config())
    answer = engine.ask("How do you make cold brew?")   # answer.py: stream it, then read its parts
"""

from __future__ import annotations

import threading
import time
from typing import Any, Sequence

from localchat.answer import wholeblog
from localchat.answer.builders import catalog_answer, generated_answer, refusal
from localchat.answer.gate import Gate, Noise, Verdict, clauses, remembered
from localchat.answer.phrases import named, phrase
from localchat.answer.prompt import Turn, TurnMemory, user_message
from localchat.answer.router import Route, Router, rewriter
from localchat.answer.types import Answer, Timings
from localchat.config import Config
from localchat.errors import IndexProblem, InputTooLong
from localchat.index import catalog as cat
from localchat.index.catalog import Entry
from localchat.index.coverage import as_written
from localchat.index.embed import Embedder, embedder_name, load_embedder
from localchat.index.store import SyncReport, open_table, sync
from localchat.index.view import BlogView
from localchat.ingest.language import blog_language, known_language, language_of
from localchat.ingest.site import Site, detect_site
from localchat.model.local import Message, Model, check_model, open_model

MAX_QUESTION_CHARS = 4000  # about 1,000 tokens: longer is a paste, not a question


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


class Engine:
    def __init__(self, config: Config, *, embedder: Embedder | None = None, model: Model | None = None,
                 reader: bool = False) -> None:
        self.config, self.reader = config, reader  # reader mode: drafts never, whatever the index holds
        self._embedder, self._model, self._table, self._view = embedder, model, None, None
        self._load_lock = threading.Lock()
        self._catalog: tuple[Any, list[Entry]] = (None, [])  # (index version, entries)
        self._vectors: tuple[Any, cat.PostVectors] = (None, cat.PostVectors())
        self._noise: tuple[int, Noise] | None = None  # (index rows when measured, the gate's noise level)
        self._site: Site | None = None  # the blog's generator config, read when first needed
        self.messages: list[str] = []  # things the user should be told (index restored, rebuilt)
        self.turns = TurnMemory()  # earlier questions as the model saw them, for llama.cpp's prefix cache

    @property
    def include_drafts(self) -> bool:
        return self.config.include_drafts and not self.reader

    @property
    def embedder(self) -> Embedder:
        self._embedder = self._embedder or load_embedder(embedder_name(self.config.embedder, self.config.posts),
                                                         self.config.embed_backend)
        return self._embedder

    @property
    def model(self) -> Model:
        with self._load_lock:
            self._model = self._model or open_model(self.config)
            return self._model

    def use_model(self, model_setting: str, model: Model) -> None:
        """Answer with `model` from the next question on (serve/upgrade.py: the larger model, once
        downloaded and loaded). Answers already streaming finish with the model they started with."""
        with self._load_lock:
            self.config = self.config.replace(model=model_setting)
            self._model = model
            self.turns = TurnMemory()  # the old model's prompts are no prefix of the new one's

    def check_model(self) -> None:
        """A missing model file or a model server that does not answer: one line, before any question."""
        check_model(self.config, self.model if self.config.llm_url else self._model)  # a server: checked once

    @property
    def table(self) -> Any:
        if self._table is None:
            self._table, messages = open_table(self.config.index)
            self.messages.extend(messages)
        return self._table

    @property
    def view(self) -> BlogView:
        """The index as this engine's reader may see it (a new table gets a new view)."""
        if self._view is None or self._view.table is not self.table:
            self._view = BlogView(self.table, lambda: self.embedder, include_drafts=self.include_drafts)
        return self._view

    def catalog(self) -> list[Entry]:
        """Every post the reader may see, newest first; re-read whenever the index changed."""
        version = (self.table, self.table.version, self.include_drafts)  # a re-opened table restarts its numbers
        if self._catalog[0] != version:
            self._catalog = (version, self.view.entries())
            self.turns = TurnMemory()  # a post may have been edited, deleted or made a draft: forget its excerpts
        return self._catalog[1]

    def gate(self) -> Gate:
        """The relevance gate; its noise level is measured once per blog size (gate.remembered)."""
        gate = Gate(self.view, self.config.min_similarity, blog_language(self.config.posts))
        if self.config.min_similarity is None:
            self._noise = remembered(self._noise, self.table.count_rows(), gate)
        return gate

    @property
    def author(self) -> str:
        """The `author` setting, else the most common frontmatter author, else the site config's (also
        where more posts name no writer than the most common one wrote: catalog.blog_author)."""
        return cat.blog_author(self.catalog(), self.config.author, self.site.author)

    @property
    def site(self) -> Site:
        """The blog's generator config (its author, its name), read once from the posts folder."""
        self._site = self._site or detect_site(self.config.posts)
        return self._site

    def related(self, post_ids: Sequence[str], n: int = 3) -> list[Entry]:
        if self._vectors[0] != (self.table, self.table.version):
            self._vectors = ((self.table, self.table.version), self.view.post_vectors())
        return cat.related(self.catalog(), self._vectors[1], post_ids, n)

    def judge(self, question: str, route: Route) -> Verdict:
        """The gate's verdict on a routed question (the blog's own names are never missing terms)."""
        known = wholeblog.known_names(question, self.catalog(), self.author, self.config.base_url, self.site.title)
        return self.gate().judge(question, route.hits, known, newest=cat.newest_date(self.catalog()))

    def router(self) -> Router:
        rewrite = rewriter(lambda *a, **kw: self.model.stream(*a, **kw)) if self.config.rewrite_followups else None
        return Router(self.view, self.catalog, author=self.author, title=self.site.title, k=self.config.k,
                      threshold=lambda: self.gate().threshold(), rewrite=rewrite)

    def sync(self, progress: Any = None) -> SyncReport:
        c = self.config
        report = sync(c.posts, c.index, self.embedder, include_drafts=c.include_drafts, base_url=c.base_url,
                      url_pattern=c.url_pattern, progress=progress)
        self._table = None  # reopen: the sync replaced the table
        self.messages.extend(report.messages)
        return report

    def ensure_index(self, progress: Any = None) -> SyncReport | None:
        try:
            self.table
            return None
        except IndexProblem:
            return self.sync(progress)

    def retrieve(self, question: str, history: Sequence[Message] = (), *, k: int | None = None) -> Route:
        return self.router().route(question, history, k=k)  # the blog as a whole: the catalog; else search

    def ask(self, question: str, history: Sequence[Message] = (), *, k: int | None = None,
            seed: int | None = None, max_tokens: int | None = None) -> Answer:
        """Check, route, gate, build: a streaming Answer (InputTooLong for no question or a paste)."""
        question = check_question(question)
        started = time.perf_counter()
        route = self.retrieve(question, history, k=k)
        timings = Timings(retrieve_ms=(time.perf_counter() - started) * 1000)
        earlier = self.turns.recall(history)  # after retrieve(): a changed index emptied the memory
        unprompted = Turn(user_message(question, []), [], earlier is not None)  # a catalog answer or a refusal
        if route.kind == "catalog":
            self.turns.remember(history, question, unprompted)
            return catalog_answer(question, route, timings, self.catalog(), self.related, self.author)
        verdict = self.judge(question, route)
        asked, uncovered = question, []
        if not verdict.covered and verdict.missing:  # "X, and how does it compare to Y?": answer X, name Y
            part = self.covered_part(question, history, verdict.missing, k)
            if part:
                uncovered, (asked, route, verdict) = verdict.missing, part
        if not verdict.covered:
            self.turns.remember(history, question, unprompted)
            return refusal(question, route, verdict, timings, self.config)
        answer = generated_answer(asked, history, route, verdict, model=self.model, embedder=self.embedder,
                                  config=self.config, turns=self.turns, earlier=earlier, related=self.related,
                                  timings=timings, started=started, seed=seed, max_tokens=max_tokens, reader=self.reader)
        if uncovered:
            language = language_of(question, known_language(self.config.posts))
            answer.add_note(named(as_written(question, uncovered), language, self.config) + phrase("rest", language))
            answer.debug["uncovered"] = uncovered
        return answer

    def covered_part(self, question: str, history: Sequence[Message], missing: Sequence[str],
                     k: int | None) -> tuple[str, Route, Verdict] | None:
        """The first part of a two-part question that names nothing missing and that the gate passes."""
        for part in clauses(question, missing):
            route = self.retrieve(part, history, k=k)
            if route.kind != "catalog":
                verdict = self.judge(part, route)
                if verdict.covered:
                    return part, route, verdict
        return None


__all__ = ["Engine", "MAX_QUESTION_CHARS", "check_question"]
