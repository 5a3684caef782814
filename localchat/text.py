"""Words as every part of localchat compares them: one stemmer, one fold, one normaliser.

    stem("feeding") == "feed"          # Snowball English: "Dockerfiles" finds "Dockerfile"
    fold("José Valim") == "jose valim" # lower case, accents gone
    normalise("1,000 g  on 2013-12-15")  # lower case, one space, no thousands commas
"""

from __future__ import annotations

import re
import unicodedata

import snowballstemmer

_stem = snowballstemmer.stemmer("english").stemWord
# Chinese and Japanese characters (kana, ideographs): written with no space between words, each one
# counts as a word (ingest/language.py tells a blog's language so) and joins no word to the next
CJK = "\u3040-\u30ff\u3400-\u9fff"


def stem(word: str) -> str:
    return _stem(word)


def fold(text: str) -> str:
    """Lower case without accents: 'José Valim' and 'jose valim' are one name."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def normalise(text: str) -> str:
    """Lower case, single spaces, thin spaces as spaces and no commas: how a fact is looked up
    in an excerpt ("1,000" is "1000")."""
    return " ".join(text.lower().replace("\u2009", " ").replace(",", "").split())


STOPWORDS = frozenset(
    "a an the of to in on at by for with from as into about and or but so if then than that this these those "
    "is are was were be been being am do does did done has have had will would can could should may might must "
    "it its i me my we our us you your he him his she her they them their there here what which who whom whose "
    "when where why how not no also just very more most some any all one such".split())


def content_stems(text: str) -> list[str]:
    """The stems of a text's content words (no function words): what two texts share in meaning."""
    return [stem(w) for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 1]
