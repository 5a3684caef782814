"""The series a blog's titles name, in any language: posts whose titles share a name and then
number their part, or share a name before a colon.

    titled(entries) == {"Riego automático con ESP32": ("…parte-3.md", "…parte-2.md", "…parte-1.md")}

"Riego automático con ESP32 (parte 2): el código", "Monter un serveur maison (2/3) : Proxmox",
"Mit dem Rad zur Ostsee, Teil 2", "Алтай: поход к Шавлинским озёрам. Часть 2 — озёра",
"홈 NAS 구축기 2편", "订单服务从 MySQL 迁到 PostgreSQL（二）", "Rust入門 その2", "Fietsen naar Rome, deel 2"
are parts of one series each. A blog's numbered issues ("This Week in Rust 500") are wholeblog.numbered_series, not these.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

from localchat.index.catalog import Entry

NUMBER = r"(?:\d{1,2}|[ivx]{1,4}|one|two|three|four|five|[一二三四五六七八九十]{1,3})"
# the word a title numbers its part with, in the languages a glossary table reads and English
PART_WORDS = (r"part|parte|partie|teil|часть|episode|épisode|episodio|episódio|folge|capítulo|capitulo|chapitre"
              r"|chapter|kapitel|глава|выпуск|vol\.?|volume|band|tome|その|第")
PART = re.compile(
    rf"(?<![^\W\d_])(?:{PART_WORDS})\s*{NUMBER}(?![^\W\d_])"  # "parte 2", "Teil 3", "Часть 1", "その2", "第1回"
    rf"|[(（\[]\s*(?:(?:{PART_WORDS})\s*)?{NUMBER}\s*(?:/\s*\d{{1,2}}\s*)?[)）\]]"  # "(2/3)", "（二）", "(parte 1)"
    r"|(?<![\w.])\d{1,2}\s*/\s*\d{1,2}(?![\w/])"  # "2/3"
    r"|(?<![\w.])\d{1,2}\s*(?:편|부|화|회|篇|回|部|话|話)"  # "2편", "3篇"
    r"|前編|中編|後編|前篇|中篇|后篇|後篇|上篇|下篇|[(（][上中下][)）]",
    re.IGNORECASE)
# a part numbered after a comma, with a word of any language before or after its number, ending the title
# or its name: "Fietsen naar Rome, deel 2", "Szlak Orlej Perci, część 3", "Likya Yolu Günlüğü, 2. Bölüm: …",
# "Traversarea Făgărașului, partea a II-a: …"
COMMA_PART = re.compile(r",\s*(?:[^\W\d_]+\s+(?:a\s+)?)?(?:\d{1,2}|[IVX]{1,4})(?:\.|-a)?(?:\s+[^\W\d_]+)?\s*(?=[:：]|$)")
COLON = re.compile(r"\s*[:：]\s+|\s+[—–]\s+")  # "Shop notes: …", "Vereinsporträt — …"
ASIDE = re.compile(r"\s*[(（\[][^)）\]]*[)）\]]\s*$")  # an aside in brackets after a name before its colon
TRIM = " \t,.;:：、·-–—(（[「『\"'«»„“”"
MIN_LETTERS = 4  # a name shorter than this ("Part 2", "Día 3") names no series


def name_of(title: str) -> str:
    """The series name a title gives before its part number, or "" where it numbers none."""
    m = PART.search(title) or COMMA_PART.search(title)
    if m is None:
        return ""
    name = title[:m.start()].strip(TRIM)
    return name if sum(c.isalpha() for c in name) >= MIN_LETTERS else ""


def key(name: str) -> str:
    return " ".join(name.casefold().split())


def titled(entries: Sequence[Entry]) -> dict[str, tuple[str, ...]]:
    """Series name (as the first part writes it) -> its posts' ids, in the catalog's order: two or
    more posts whose titles number their parts after one name, or two or more that share a name of
    two words or more before a colon ("Shop notes: the bandsaw")."""
    numbered: dict[str, list[Entry]] = defaultdict(list)
    coloned: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        name = name_of(e.title)
        if name:
            numbered[key(name)].append(e)
        head = colon_name(e.title)
        if head:
            coloned[key(head)].append(e)
    found: dict[str, tuple[str, ...]] = {}
    for group in (numbered, coloned):
        for members in group.values():
            ids = tuple(e.post_id for e in members)
            if len(ids) >= 2 and ids not in found.values():
                oldest = min(members, key=lambda e: (e.date or "9999", e.post_id))
                found.setdefault(name_of(oldest.title) or colon_name(oldest.title), ids)
    return found


def colon_name(title: str) -> str:
    """The name a title gives before a colon or a dash, without an aside in brackets ("Jig of the Month
    (yes, I know): fret press cauls"): two words or more, or "" where it gives none."""
    head = COLON.split(title, maxsplit=1)
    name = ASIDE.sub("", head[0])
    if len(head) == 2 and len(name.split()) >= 2 and sum(c.isalpha() for c in name) >= MIN_LETTERS:
        return name.strip(TRIM)
    return ""
