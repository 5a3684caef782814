"""Markdown to text, and chunks that the real embedder sees whole."""

from __future__ import annotations

import pytest

from localchat.ingest.chunks import chunk_post, heading_anchor, markdown_sections
from localchat.ingest.posts import Post

MARKDOWN = """\
import Callout from '../components/Callout.astro'

Intro paragraph with a [link text](https://example.com/x) and ![a cat](/img/cat.jpg) image.

<Callout type="tip">Water the seedlings daily.</Callout>

## Getting Started!

Press <kbd>Ctrl</kbd> then **bold** and _underscored_ words; keep pg_trgm intact.

{{< figure src="/x.png" caption="hugo shortcode" >}}
<!-- a private html comment -->

```bash
# not a heading
pip install --frobnicate
```

### Wiring & Power

- list item one
- list item two

## Getting Started!

Second section with the same heading.
"""


@pytest.mark.fast
def test_markdown_sections_keep_text_and_drop_markup() -> None:
    sections = markdown_sections(MARKDOWN)
    assert [s.headings for s in sections] == [[], ["Getting Started!"], ["Getting Started!", "Wiring & Power"], ["Getting Started!"]]
    assert [s.anchor for s in sections] == ["", "getting-started", "wiring--power", "getting-started-1"]
    intro, started, wiring, _ = (s.text for s in sections)
    assert "link text" in intro and "https://example.com" not in intro
    assert "cat" not in intro and "/img/" not in intro  # image syntax dropped
    assert "import Callout" not in intro  # MDX import dropped
    assert "Water the seedlings daily." in intro and "<Callout" not in intro
    assert "Press Ctrl then bold and underscored words; keep pg_trgm intact." in started
    assert "figure" not in started and "private html comment" not in started
    assert "# not a heading" in started and "pip install --frobnicate" in started  # code kept verbatim
    assert "- list item one" in wiring


@pytest.mark.fast
def test_heading_anchor_matches_github_style() -> None:
    assert heading_anchor("What's New in 2.0?") == "whats-new-in-20"
    assert heading_anchor("Café au lait") == "café-au-lait"


def post(body: str, title: str = "A Post") -> Post:
    return Post("a.md", None, title, "2024-01-01", [], "post", "", "/posts/a/", False, body, "h")  # type: ignore[arg-type]


def test_chunks_fit_the_embedder_and_carry_title_and_heading(embedder) -> None:
    paragraphs = "\n\n".join(f"Paragraph {i} about sourdough hydration and oven spring. " * 6 for i in range(30))
    sentence_wall = " ".join(f"Sentence {i} goes on about starters." for i in range(300))
    word_wall = " ".join(f"word{i}" for i in range(2000))
    body = f"## Hydration\n\n{paragraphs}\n\n## Wall\n\n{sentence_wall}\n\n## Words\n\n{word_wall}\n\n## Blob\n\n{'x' * 5000}"
    chunks = chunk_post(post(body, "Bread Notes"), embedder.count_tokens, embedder.max_tokens)
    sizes = embedder.count_tokens([c.text for c in chunks])
    assert max(sizes) <= embedder.max_tokens  # nothing silently truncated by the embedder
    assert len(chunks) > 10
    assert all(c.text.startswith("Bread Notes — ") for c in chunks)
    assert {c.heading for c in chunks} == {"Hydration", "Wall", "Words", "Blob"}
    # every word of the long word wall survives, in order
    words = [w for c in chunks if c.heading == "Words" for w in c.body.split()]
    assert words == word_wall.split()
    assert [c.n for c in chunks] == list(range(len(chunks)))


def test_post_without_body_still_gets_a_chunk(embedder) -> None:
    p = post("", "Only A Title")
    p.description = "A photo post."
    chunks = chunk_post(p, embedder.count_tokens, embedder.max_tokens)
    assert len(chunks) == 1 and "Only A Title" in chunks[0].text and "A photo post." in chunks[0].text
