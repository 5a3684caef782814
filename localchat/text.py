"""Words as every part of localchat compares them: one stemmer, one fold, one normaliser.

    stem("feeding") == "feed"          # Snowball English: "Dockerfiles" finds "Dockerfile"
    fold("José Valim") == "jose valim" # lower case, accents gone
    normalise("1,000 g  on 2013-12-15")  # lower case, one space, no thousands commas
"""

from __future__ import annotations

import unicodedata

import snowballstemmer

_stem = snowballstemmer.stemmer("english").stemWord


def stem(word: str) -> str:
    return _stem(word)


def fold(text: str) -> str:
    """Lower case without accents: 'José Valim' and 'jose valim' are one name."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def normalise(text: str) -> str:
    """Lower case, single spaces, thin spaces as spaces and no commas: how a fact is looked up
    in an excerpt ("1,000" is "1000")."""
    return " ".join(text.lower().replace("\u2009", " ").replace(",", "").split())
