"""Sentences: markdown prose cut into sentences, for quoting evidence and checking answers.

Code blocks and HTML are not prose and are left out; headings, list items and table rows stand alone.
A full stop ends a sentence unless it belongs to a number (1.5, v0.4.4), an abbreviation (e.g.,
i.e., Mr.) or an initial; 。！？ end one with no space after them, as Chinese and Japanese write.
The cut keeps the exact text, so a quote is verbatim.
"""

from __future__ import annotations

import re

from localchat.text import CJK

ABBREVIATIONS = {"e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "st", "no", "fig", "approx", "cf", "al", "inc", "ltd"}
_END = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“'(\[]?[A-Z0-9])|(?<=[。！？])[」』）\"”')\]]*\s*(?=\S)")
# A word as a reader counts it: a Chinese or Japanese character is one (ingest/language.py counts so),
# any other run of letters, digits or signs between spaces is one
_WORD = re.compile(rf"[{CJK}]|[^\s{CJK}]+")
_CITATION = re.compile(r"\s*\[\d+\]")
TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")  # |---|:---:|


def prose_lines(markdown: str) -> list[str]:
    """The prose of a markdown text as lines: fenced code, HTML and images removed, list markers and
    heading hashes stripped, soft-wrapped lines of a paragraph joined; a table's row is a line of its
    own without its outer bars ("航空券（往復） | 52,300円": facts are often only in a table)."""
    text = re.sub(r"^(```|~~~).*?^\1[^\n]*$", "", markdown, flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"<[^>]+>", " ", text)
    blocks: list[str] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line.startswith("|") or re.match(r"^[-*_]{3,}$", line):
            if current:
                blocks.append(" ".join(current))
                current = []
            if line.startswith("|") and not TABLE_RULE.match(line):  # a table's row stands alone, as a list item does
                blocks.append(line.strip("|").strip())
            continue
        item = re.match(r"^(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)", line)
        if item:  # a heading, a list item or a quote line starts a block of its own
            if current:
                blocks.append(" ".join(current))
            current = [line[item.end():].strip()]
            if line.startswith("#"):
                blocks.append(" ".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append(" ".join(current))
    return [b for b in blocks if b]


def split(text: str) -> list[str]:
    """Sentences of plain text (or of an answer), verbatim, in order."""
    sentences: list[str] = []
    for block in prose_lines(text):
        start = 0
        for match in _END.finditer(block):
            before = block[start: match.start()].rstrip("\"”')]")
            word = re.search(r"(\S+)$", before)
            last = word.group(1).rstrip(".!?") if word else ""
            if last.lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", last):  # e.g. / J. R. R. Tolkien
                continue
            sentences.append(block[start: match.start()].strip())
            start = match.end()
        tail = block[start:].strip()
        if tail:
            sentences.append(tail)
    return [s for s in sentences if re.search(r"\w", s)]


def word_count(text: str) -> int:
    """Words in a text; "BigQueryの費用は47万円" is 9, not 1."""
    return len(_WORD.findall(text))


def without_citations(sentence: str) -> str:
    return _CITATION.sub("", sentence).strip()
