"""Chunks: markdown -> plain-text sections under their headings -> pieces the embedder sees whole.

Each chunk starts with the post title and heading path, so a chunk read alone (by the embedder,
BM25 or the model) still says what it is about. Chunks are sized with the embedder's own
tokenizer so nothing is silently truncated at its sequence limit.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Sequence

from localchat.ingest.language import CJK
from localchat.ingest.posts import Post

CHUNKER_VERSION = "3"  # bump when chunk text (or what is embedded of it) changes: every post is re-embedded

# A chunk with little prose (checksums, signatures, download lists, code, logs) is embedded by its
# title and heading alone: a dense vector of a hash says nothing, and BM25 still finds every token
# of it. Prose share = words that look like words (letters, optional punctuation) over all
# whitespace-separated tokens. Below 0.4 on four blogs: nodejs.org's SHASUMS, PGP blocks and
# download lists (46 % of its chunks), and a few percent of code and logs on the others
# (docs/benchmarks/bench.md, "what is embedded").
MIN_PROSE = 0.4
# Tokens that mean nothing to a dense model — URLs, commit hashes, issue numbers — are left out of
# what is embedded (BM25 still indexes them in `text`): a changelog line keeps its words, and the
# word pieces to embed on nodejs.org fall by 29 %.
NOISE = re.compile(r"https?://\S+|\b(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b|(?<!\w)#\d{2,}\b")
PROSE_WORD = re.compile(r"^[(\"'“]?(?:[A-Za-z][a-z]+|[aAI])(?:'[a-z]+)?[,.;:!?)\"'”]*$")
# Prose in other scripts: a word of letters beyond ASCII (Russian, Greek), and Chinese or Japanese,
# whose characters, not spaces, separate words. Before this, a Chinese post's body counted as no
# prose at all, and only its title was embedded.
OTHER_SCRIPT_WORD = re.compile(r"^\W*(?:[^\W\d_\x00-\x7f]\W*){2,}$")

CountTokens = Callable[[Sequence[str]], list[int]]


@dataclass
class Section:
    headings: list[str]  # the heading path, outermost first; [] before the first heading
    anchor: str  # slug of the innermost heading, for deep links ("" = top of the post)
    text: str


@dataclass
class Chunk:
    post_id: str
    n: int  # position in the post
    heading: str  # "Setup > Wiring"
    anchor: str
    body: str  # the chunk's own text, shown as a snippet or an excerpt
    text: str  # title + heading path + body: what BM25 searches (and, for prose, what is embedded)
    embedded: str = ""  # what the embedder sees: `text`, or only title + heading for a chunk with no prose


def prose_share(body: str) -> float:
    words = body.split()
    if words and len(CJK.findall(body)) >= len(words):
        return 1.0
    return sum(1 for w in words if PROSE_WORD.match(w) or OTHER_SCRIPT_WORD.match(w)) / len(words) if words else 0.0


def embedded_text(prefix: str, body: str) -> str:
    if prose_share(body) < MIN_PROSE:
        return prefix.strip()
    return prefix + re.sub(r"[ \t]{2,}", " ", NOISE.sub("", body))


# --- markdown -> text -------------------------------------------------------------------------

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})(.*)$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|!\[([^\]]*)\]\[[^\]]*\]")
LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
SHORTCODE = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}", re.DOTALL)  # Hugo and Liquid
SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
COMMENT = re.compile(r"<!--.*?-->|\{/\*.*?\*/\}", re.DOTALL)  # HTML and MDX comments
TAG = re.compile(r"</?[A-Za-z][\w.:-]*(?:\s+[^<>]*?)?/?>")
MDX_IMPORT = re.compile(r"^\s*(import|export)\s.+$")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
EMPHASIS = re.compile(r"(\*{1,3}|(?<!\w)_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
INLINE_CODE = re.compile(r"`([^`]+)`")


def heading_anchor(text: str) -> str:
    """GitHub/Astro-style slug: lower case, punctuation dropped, spaces to dashes."""
    slug = re.sub(r"[^\w\- ]", "", text.lower(), flags=re.UNICODE)
    return slug.replace(" ", "-")


def inline_text(line: str) -> str:
    line = IMAGE.sub("", line)
    line = LINK.sub(r"\1", line)
    line = REF_LINK.sub(r"\1", line)
    line = AUTOLINK.sub(r"\1", line)
    line = TAG.sub("", line)
    line = INLINE_CODE.sub(r"\1", line)
    line = EMPHASIS.sub(r"\2", line)
    return html.unescape(line).replace("\xa0", " ")


def markdown_sections(body: str) -> list[Section]:
    """Split markdown into sections of readable text, one per heading."""
    body = COMMENT.sub("", SCRIPT_STYLE.sub("", SHORTCODE.sub("", body)))
    sections = [Section([], "", "")]
    lines: list[str] = []
    path: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    fence: str | None = None

    def close() -> None:
        sections[-1].text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        lines.clear()

    for line in body.split("\n"):
        if fence is not None:  # inside a code block: keep the code as it is
            if line.strip().startswith(fence):
                fence = None
                lines.append("")
            else:
                lines.append(line)
            continue
        match = FENCE.match(line)
        if match:
            fence = match.group(1)
            lines.append("")
            continue
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            title = inline_text(heading.group(2)).strip()
            close()
            path = [(lvl, t) for lvl, t in path if lvl < level] + [(level, title)]
            anchor = heading_anchor(title)
            if anchor in seen:  # repeated headings get -1, -2 like GitHub
                seen[anchor] += 1
                anchor = f"{anchor}-{seen[anchor]}"
            else:
                seen[anchor] = 0
            sections.append(Section([t for _, t in path], anchor, ""))
            continue
        if MDX_IMPORT.match(line) or LINK_DEF.match(line):
            continue
        text = inline_text(re.sub(r"^\s{0,3}>\s?", "", line))  # blockquote marker
        if text.strip() == "" and line.strip() != "":
            continue  # the line was only markup (an image, a tag)
        lines.append(text.rstrip())
    close()
    return [s for s in sections if s.text or s.headings]


# --- sections -> chunks -----------------------------------------------------------------------


def chunk_post(post: Post, count_tokens: CountTokens, max_tokens: int) -> list[Chunk]:
    """Cut a post into chunks whose full text (with prefix) fits `max_tokens` word pieces."""
    chunks: list[Chunk] = []
    for section in markdown_sections(post.body):
        if section.headings[:1] == [post.title]:  # a "# Title" heading repeats the title: not a section
            section = Section(section.headings[1:], section.anchor if len(section.headings) > 1 else "", section.text)
        heading = " > ".join(section.headings)
        prefix = post.title + (f" — {heading}" if heading else "") + "\n\n"
        budget = max_tokens - count_tokens([prefix])[0]
        if budget < 32:  # an absurdly long title or heading: keep a short form of it
            prefix = prefix[:120] + "\n\n"
            budget = max_tokens - count_tokens([prefix])[0]
        for body in pack(split_units(section.text), count_tokens, budget):
            chunks.append(Chunk(post.id, len(chunks), heading, section.anchor, body, prefix + body,
                                embedded_text(prefix, body)))
    if not chunks:  # a post with only a title still deserves to be found
        text = post.title + "\n\n" + post.description
        chunks.append(Chunk(post.id, 0, "", "", post.description, text, text))
    return chunks


def split_units(text: str) -> list[str]:
    """Paragraphs, the natural unit of packing."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def pack(units: list[str], count_tokens: CountTokens, budget: int) -> list[str]:
    """Greedily join units into pieces of at most `budget` tokens, splitting units that are too long."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    sizes = count_tokens(units) if units else []
    for unit, size in zip(units, sizes):
        if size > budget:
            if current:
                pieces.append("\n\n".join(current))
                current, used = [], 0
            pieces.extend(split_long(unit, count_tokens, budget))
            continue
        if used + size > budget and current:
            pieces.append("\n\n".join(current))
            current, used = [], 0
        current.append(unit)
        used += size + 1  # the joining blank line costs about one token
    if current:
        pieces.append("\n\n".join(current))
    return pieces


def split_long(text: str, count_tokens: CountTokens, budget: int) -> list[str]:
    """A paragraph too long for one chunk: split at sentences (or lines), then at words."""
    parts = re.split(r"(?<=[.!?])\s+|\n", text)
    parts = [p for p in parts if p.strip()]
    if len(parts) > 1:
        return pack(parts, count_tokens, budget)
    # WordPiece counts add up across whitespace, so one batched call sizes every word.
    words = text.split()
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for word, size in zip(words, count_tokens(words)):
        if size > budget:  # one "word" longer than a chunk (a base64 blob): cut by characters
            pieces.extend(word[i : i + budget] for i in range(0, len(word), budget))
            continue
        if used + size > budget and current:
            pieces.append(" ".join(current))
            current, used = [], 0
        current.append(word)
        used += size
    if current:
        pieces.append(" ".join(current))
    return pieces
