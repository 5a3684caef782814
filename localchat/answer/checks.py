"""Every generated sentence checked against the excerpts the model was shown.

A small model blends excerpts and invents details. After it writes, each sentence of its answer
is checked twice:
- **exact support** for what must never be invented: every number (quantities, dates, versions,
  ratios), every name capitalised mid-sentence and every code identifier in the sentence must
  occur in a shown excerpt (or in the reader's own question);
- **semantic support**: the sentence must be close to some sentence of the excerpts (cosine of
  their embeddings at least SUPPORT) and say it mostly in their words: at least COVERAGE of its
  content words (by stem) occur in the shown excerpts or the question. A bi-encoder cannot tell
  "X beat Y" from "Y beat X", nor a negation; the word check catches most invented additions.
  Both chosen on labelled sentences from four corpora (docs/benchmarks/answers.md): they raise
  the share of unmarked sentences that are really supported from 0.55 to 0.76 on written
  paraphrases and distortions, at the cost of marking about half of the faithful ones.
A supported sentence without a citation gets the [n] of the excerpt that supports it (attribution
is computed, not generated). An unsupported one is marked — or dropped, with `unsupported = "drop"`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy as np

from localchat.answer.evidence import Passages, complete
from localchat.answer.sentences import split, without_citations, word_count
from localchat.index.coverage import COMMON, SPECIFIC_SHAPE
from localchat.text import normalise as text_normalise
from localchat.text import CJK, content_stems

# A sentence of an answer is "about" an excerpt when this close to one of its sentences; below
# it, it is the model's own. Chosen on sentence pairs of the four corpora (docs/benchmarks/answers.md).
SUPPORT = 0.65
COVERAGE = 0.8
FILLER_WORDS = 3  # "Sure!", "Hope this helps." — nothing to check
# A letter or digit that joins a number or a name into a longer word. Chinese and Japanese write
# words side by side with no space ("約47万円", "BigQueryの費用"): their characters join nothing.
JOINS = rf"[^\W{CJK}\uac00-\ud7af]"
NUMBER = re.compile(rf"(?<!{JOINS})(?<!\.)\d+(?:[.,:/]\d+)*(?:%|°[CF]?)?(?!{JOINS})")
CITED = re.compile(r"\[(\d+)\]")


UNCONFIRMED = "not confirmed by the posts"  # how a marked sentence is labelled where it stands


@dataclass
class Checked:
    text: str  # the sentence as the model wrote it
    supported: bool
    sources: list[int] = field(default_factory=list)  # the [n] that support it
    why: str = ""  # for an unsupported sentence: what is not in the posts
    score: float = 0.0  # cosine to the closest excerpt sentence
    shown: bool = True  # False: withheld from a reader (reader mode shows supported sentences only)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "supported": self.supported, "sources": self.sources, "why": self.why,
                "score": round(self.score, 3), "shown": self.shown}


MONTHS = {m: i for i, names in enumerate(
    ["january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
     "september sep sept", "october oct", "november nov", "december dec"], 1) for m in names.split()}
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# The common ways of writing one date, each turned into ISO (2013-12-15) before facts are compared:
# the model may write "December 15, 2013" for a post dated 2013-12-15, or the reverse.
DATE_FORMS = [
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b", re.IGNORECASE), lambda m: (m[3], m[1], m[2])),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.IGNORECASE), lambda m: (m[3], m[2], m[1])),
    (re.compile(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b"), lambda m: (m[1], m[2], m[3])),
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+Z?)?\b"), lambda m: (m[1], m[2], m[3])),
    (re.compile(rf"\b{_MONTH},?\s+(\d{{4}})\b", re.IGNORECASE), lambda m: (m[2], m[1], "")),  # "December 2013"
]
ISO_DATE = re.compile(r"(?<![\w.-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])")


def iso_dates(text: str) -> str:
    """Every date written in a common form, rewritten as ISO (2013-12-15); anything else as it was."""
    def to_iso(parts: tuple[str, str, str], original: str) -> str:
        year, month, day = parts
        month_n = MONTHS.get(month.lower().rstrip("."), 0) if not month.isdigit() else int(month)
        if not 1 <= month_n <= 12 or (day and not 1 <= int(day) <= 31):
            return original
        return f"{int(year):04d}-{month_n:02d}" + (f"-{int(day):02d}" if day else "")

    for pattern, parts in DATE_FORMS:
        text = pattern.sub(lambda m, parts=parts: to_iso(parts(m), m[0]), text)
    return text


def normalise(text: str) -> str:
    return text_normalise(iso_dates(text))


def facts(sentence: str) -> list[str]:
    """What a sentence must not invent: numbers, mid-sentence names, identifiers, `code`. A date
    counts once, in ISO form, however it is written ("Dec 15, 2013" is 2013-12-15)."""
    plain = iso_dates(without_citations(sentence))
    found = ISO_DATE.findall(plain)
    plain = ISO_DATE.sub(" ", plain)
    found += [m.group(0) for m in NUMBER.finditer(plain)]
    found += re.findall(r"`([^`]+)`", plain)
    words = re.findall(rf"[A-Za-z](?:{JOINS}|[.+#'-])*(?:{JOINS}|[+#])|[A-Za-z]", plain)
    for i, word in enumerate(words):
        word = re.sub(r"'s$", "", word)
        shaped = bool(SPECIFIC_SHAPE.match(word))
        named = i > 0 and word[:1].isupper() and len(word) > 2 and word.lower() not in COMMON
        if shaped or named:
            found.append(word)
    return list(dict.fromkeys(found))


def occurs(fact: str, text: str) -> bool:
    """Whether a fact is in a (normalised) text as a whole: "3" is not in "2013", "Go" not in
    "Google", "1.5" not in "1.5.2"."""
    return re.search(rf"(?<!{JOINS})(?<!\d[.,]){re.escape(normalise(fact))}(?!{JOINS})(?![.,]\d)", text) is not None


def covered(sentence: str, known: set[str]) -> float:
    """The share of a sentence's content words (by stem) that the excerpts or the question hold."""
    words = content_stems(sentence)
    return sum(w in known for w in words) / len(words) if words else 1.0


def check(answer: str, found: Passages, embedder: Any, question: str = "") -> list[Checked]:
    """The answer's sentences, each checked against the shown excerpts."""
    sentences = split(answer)
    if not sentences:
        return []
    found = complete(found, embedder)
    corpus = {n: normalise(text) for n, text in found.texts.items()}
    asked = normalise(question)
    known = set(content_stems(" ".join(found.texts.values()) + " " + question))
    vectors = np.asarray(embedder.encode([without_citations(s) for s in sentences]), dtype=np.float32)
    results = []
    for sentence, vector in zip(sentences, vectors):
        plain = without_citations(sentence)
        if (word_count(re.sub(r"[^\w\s]", " ", plain)) <= FILLER_WORDS or plain.endswith(":")) and not facts(plain):
            results.append(Checked(sentence, True, [], "filler"))
            continue
        missing = [f for f in facts(sentence) if not any(occurs(f, text) for text in [*corpus.values(), asked])]
        if found.sentences:
            scores = found.vectors @ vector
            best = int(np.argmax(scores))
            close, n = float(scores[best]), found.numbers[best]
        else:
            close, n = -1.0, 0
        if missing:
            results.append(Checked(sentence, False, [], "not in the posts: " + ", ".join(missing), close))
        elif close < SUPPORT:
            results.append(Checked(sentence, False, [], "not close to any excerpt", close))
        elif (share := covered(plain, known)) < COVERAGE:
            results.append(Checked(sentence, False, [], f"words not in the excerpts ({share:.0%} are)", close))
        else:
            cited = [int(c) for c in CITED.findall(sentence) if int(c) in corpus]
            results.append(Checked(sentence, True, cited or [n], score=close))
    return results


def attributed(answer: str, checked: Iterable[Checked], *, drop: bool = False) -> str:
    """The answer as shown: a supported sentence gets its [n] when the model left it out; an
    unsupported one is struck through and marked as not from the posts, or dropped. Sentences are
    replaced where they stand (across line breaks too), so paragraphs and lists keep their shape;
    if one cannot be found (the model wrote markdown that was rebuilt), the whole answer is shown
    as the checked sentences, so nothing unchecked is ever shown unmarked."""
    checked = list(checked)
    rendered = [render(c, drop) for c in checked]
    out, cursor = [], 0
    for c, text in zip(checked, rendered):
        words = c.text.split()
        pattern = r"\s+".join(re.escape(w) for w in words)
        match = re.compile(pattern).search(answer, cursor) if words else None
        if match is None:
            return " ".join(t for t in rendered if t)
        out.append(answer[cursor:match.start()] + text)
        cursor = match.end()
    out.append(answer[cursor:])
    return re.sub(r"[ \t]+\n", "\n", "".join(out)).strip()


def render(c: Checked, drop: bool) -> str:
    if c.supported:
        if c.sources and not CITED.search(c.text):
            return re.sub(r"([.!?。！？]*)\s*$", lambda m: f" [{c.sources[0]}]{m.group(1)}", c.text, count=1)
        return c.text
    return "" if drop else f"~~{' '.join(without_citations(c.text).split())}~~ *({UNCONFIRMED})*"


# --- how a checked answer is shown: everything marked (the owner), or what is supported (a reader) ---
# Both take the model's text piece by piece (`feed`, then `flush`), say what to show now, and at the
# end put the sentences, the shown text and its citations on the answer (`finish`, `settle`).

WITHHELD = "The model's own words were not confirmed by the posts, so only the passage that answers is shown."


class Marked:
    """Owner mode: every piece is shown as it comes; when the answer is complete each sentence is
    checked, and an unsupported one is marked where it stands (or dropped, with `drop`)."""

    def __init__(self, found: Passages | None, embedder: Any, question: str, *, drop: bool = False) -> None:
        self.found, self.embedder, self.question, self.drop = found, embedder, question, drop
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def feed(self, text: str) -> str:
        if text:
            self.parts.append(text)
        return text

    def flush(self) -> str:
        return ""

    def finish(self, answer: Any) -> None:
        """The whole answer is there: check it, sentence by sentence."""
        if self.found is not None:
            answer.sentences = check(self.text.strip(), self.found, self.embedder, answer.question)
            answer.checked_text = attributed(self.text.strip(), answer.sentences, drop=self.drop)

    def settle(self, answer: Any, cited: list[int]) -> None:
        """However the stream ended (finished, failed, closed): what was shown, and its citations."""
        answer.text = self.text.strip()
        answer.citations = cited


# A sentence is complete once the next one has begun, or at a line break.
COMPLETE = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“'(\[]?[A-Z0-9*_-])|\n+")


class Released:
    """Reader mode: the answer a sentence at a time, each shown only once it is checked and
    supported; an unsupported one is withheld (kept in `sentences` with `shown=False` and why).
    The bundled 135M model writes mostly what the posts do not say (11-24 % of its sentences were
    supported on four blogs): a reader should never see that as the owner's words, even while it
    streams."""

    def __init__(self, found: Passages, embedder: Any, question: str) -> None:
        self.found, self.embedder, self.question = found, embedder, question
        self.buffer = ""
        self.sentences: list[Checked] = []
        self.shown: list[str] = []

    def feed(self, text: str) -> str:
        self.buffer += text
        cut = max((m.end() for m in COMPLETE.finditer(self.buffer)), default=0)
        complete, self.buffer = self.buffer[:cut], self.buffer[cut:]
        return self._release(complete)

    def flush(self) -> str:
        complete, self.buffer = self.buffer, ""
        return self._release(complete).rstrip()

    @property
    def text(self) -> str:
        return "".join(self.shown)

    def finish(self, answer: Any) -> None:
        if self.sentences and not self.shown:  # nothing supported: the quoted passage stands alone
            answer.add_note(WITHHELD)  # after a note naming what no post covers

    def settle(self, answer: Any, cited: list[int]) -> None:
        answer.sentences = self.sentences
        answer.text = answer.checked_text = " ".join(self.shown).strip()
        answer.citations = [n for n in cited if any(f"[{n}]" in s for s in self.shown)]
        answer.debug["withheld"] = sum(not c.shown for c in self.sentences)

    def _release(self, text: str) -> str:
        if not text.strip():
            return ""
        checked = check(text, self.found, self.embedder, self.question)
        for c in checked:
            c.shown = c.supported
        self.sentences += checked
        shown = [render(c, drop=True) for c in checked if c.supported]
        self.shown += shown
        if not shown:
            return ""
        return " ".join(shown) + ("\n\n" if text.rstrip(" ").endswith("\n") else " ")
