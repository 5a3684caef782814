"""What a reader is shown, made inert: the model's words, quoted posts, titles and links as
markdown with no HTML, no images and no links but http(s) and mailto — for the app and the HTTP
API alike, whatever the model or a poisoned post writes."""

import html
import re
from typing import Any
from urllib.parse import quote, unquote

from localchat.answer.types import Answer

TAG = re.compile(r"</?[A-Za-z][^<>]*>")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
IMAGE = re.compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:\([^)]*\)|\[[^\]]*\])?")  # nested brackets too
# Where a link's URL starts, inline `[t](url)` or a reference definition `[t]: url`, and the
# scheme before its first colon (backslashes included: `java\script\:` still counts). A scheme
# with a space in it is no scheme to a browser (tabs, which browsers drop, are spaces by then),
# so prose like "[1]: see the post: …" is left alone.
LINK_SCHEME = re.compile(r"(\][(:]\s*<?\s*)([^:/?#()<>\[\]\"'\s]{0,256})(:)")
SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*")
SAFE_SCHEMES = {"http", "https", "mailto"}


def safe_markdown(text: str) -> str:
    """Model output as inert markdown: no images (an image URL can carry data out), no HTML,
    no links but http(s) and mailto — whatever the model or a poisoned post writes.

    Rather than list the bad spellings, it undoes every disguise first (entities, control and
    zero-width characters, tags that hide inside tags) and then removes what is left: every
    `![` (inline, reference-style or nested images alike) and every link scheme not allowed.
    """
    previous = None
    while text != previous:  # until nothing decodes or strips any more: `&amp;#58;`, `<scr<b>ipt>`
        previous = text
        text = html.unescape(text)
        text = CONTROL.sub("", text).replace("\t", "    ")
        text = TAG.sub("", text)
        text = IMAGE.sub("[image removed]", text)  # in the loop: "<a ![<]:>" is a tag once its image is gone
    text = text.replace("![", "!\\[")  # any image syntax left (reference-style, odd brackets) is text
    return LINK_SCHEME.sub(_defang_link, text)


def _defang_link(match: re.Match[str]) -> str:
    scheme = re.sub(r"[\s\\]", "", unquote(match.group(2))).lower()
    if SCHEME.fullmatch(scheme) and scheme not in SAFE_SCHEMES:
        return match.group(1) + "#"  # `[t](javascript:alert(1))` -> `[t](#alert(1))`
    return match.group(0)


def safe_url(url: str) -> str:
    """A post's URL as a markdown link target: http(s) or relative, nothing that ends the link."""
    if re.match(r"\s*[A-Za-z][\w+.-]*:", url) and not re.match(r"https?://", url):
        return "#"
    return quote(url, safe="/:?#[]@!$&'*+,;=%~")


def link(title: str, url: str) -> str:
    """A markdown link to a post whose title and URL come from files we don't control."""
    return f"[{safe_markdown(title).replace('[', '(').replace(']', ')')}]({safe_url(url)})"


def evidence_markdown(answer: Answer) -> str:
    """The quoted passage that answers (and a note, while indexing runs), shown above the model's
    answer before its first token."""
    note = f"*{safe_markdown(answer.note)}*\n\n" if answer.note else ""
    if not answer.evidence:
        return note
    e = answer.evidence[0]
    where = e.title + (f" › {e.heading}" if e.heading else "")
    quote = safe_markdown(e.quote).replace("\n", " ")
    return f"{note}> {quote}\n>\n> — [{e.n}] {link(where, e.url)}\n\n"


def shown_answer(answer: Answer, streamed: str = "") -> str:
    """What the reader sees once the answer is complete: the evidence, then the answer checked
    sentence by sentence (a computed [n]; a sentence the posts do not support struck through)."""
    return evidence_markdown(answer) + safe_markdown(answer.checked_text or answer.text or streamed)


def message_text(content: Any) -> str:
    """A chat message's text, whatever shape the client sent (Gradio's or OpenAI's)."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):  # a multimodal message {"text": ..., "files": [...]}
        return str(content.get("text", ""))
    if isinstance(content, list):  # Gradio 6 may send [{"type": "text", "text": ...}]
        return " ".join(str(c.get("text", "")) if isinstance(c, dict) else str(c) for c in content)
    return str(content or "")
