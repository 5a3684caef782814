"""Citations: check every [n] the model writes against the sources we showed it, as it streams.

A citation that points nowhere is dropped; "[1, 3]" and "[1][3]" are normalised. The prompt's
own markup (`<excerpt n="1">`, which a small model sometimes echoes) never reaches the reader.
Text is held back only while a "[" might still turn into a citation, or a "<" into a tag, so
streaming stays smooth.
"""

from __future__ import annotations

import re
from typing import Collection

CITATION = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
PARTIAL = re.compile(r"\[[\d\s,;]*$")  # an unfinished "[1, 2" at the end of the buffer
PROMPT_TAG = re.compile(r"</?\s*excerpts?\b[^<>]{0,80}>", re.IGNORECASE)  # prompt.render_excerpt's markup
PARTIAL_TAG = re.compile(r"<\s*/?\s*(?:e(?:x(?:c(?:e(?:r(?:p(?:t(?:s?\b[^<>]{0,80})?)?)?)?)?)?)?)?$", re.IGNORECASE)


class CitationFilter:
    def __init__(self, valid: int | Collection[int]) -> None:
        # The numbers the model may cite: 1..n, or the exact set a later turn of a conversation
        # shows (excerpts keep their number across turns, so it can have gaps).
        self.valid = set(range(1, valid + 1)) if isinstance(valid, int) else set(valid)
        self.buffer = ""
        self.cited: list[int] = []  # valid citations, in order of first use
        self.removed: list[str] = []  # what we took out, for the debug info

    def _fix(self, match: re.Match[str]) -> str:
        numbers = [int(x) for x in re.split(r"\s*[,;]\s*", match.group(1).strip())]
        valid = [n for n in numbers if n in self.valid]
        if len(valid) < len(numbers):
            self.removed.append(match.group(0))
        for n in valid:
            if n not in self.cited:
                self.cited.append(n)
        return "".join(f"[{n}]" for n in dict.fromkeys(valid))

    def feed(self, text: str) -> str:
        """Take a piece of model output; return what is safe to show now."""
        self.buffer = PROMPT_TAG.sub("", self.buffer + text)
        held = [m.start() for m in (PARTIAL.search(self.buffer), PARTIAL_TAG.search(self.buffer))
                if m and len(self.buffer) - m.start() < 96]
        cut = min(held) if held else len(self.buffer)
        ready, self.buffer = self.buffer[:cut], self.buffer[cut:]
        return CITATION.sub(self._fix, ready)

    def flush(self) -> str:
        ready, self.buffer = PROMPT_TAG.sub("", self.buffer), ""
        return CITATION.sub(self._fix, ready)


def check_citations(text: str, valid: int | Collection[int]) -> tuple[str, list[int]]:
    """Whole-text version: the repaired text and the valid citation numbers."""
    f = CitationFilter(valid)
    out = f.feed(text) + f.flush()
    return out, f.cited
