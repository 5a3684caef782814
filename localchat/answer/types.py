"""An answer and what it carries: the types every front end reads. No heavy imports here.

    answer = engine.ask("How do you make cold brew?")
    for piece in answer:          # streams; closing early stops the model
        print(piece, end="")
    answer.sources, answer.evidence, answer.sentences, answer.refused, answer.timings
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterator

from localchat.answer.checks import Checked
from localchat.answer.evidence import Evidence
from localchat.index.catalog import Entry
from localchat.index.retrieve import Hit

SNIPPET_CHARS = 280


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
    id: str = ""  # set by serve: the id the API, the widget and the insights store know it by
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

    def add_note(self, text: str) -> None:
        """One more line for the reader, after any note already there."""
        self.note = f"{self.note} {text}".strip()

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


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def to_source(n: int, hit: Hit) -> Source:
    return Source(n, hit.title, hit.url, hit.date, hit.score, hit.similarity, snippet(hit.body), hit.post_id, hit.heading,
                  hit.updated)


