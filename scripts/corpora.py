"""The blogs every study here runs on, by name: the sample posts, the corpora in ../shared/corpora
(absent on a machine without them: each study skips what is not there) and the blogs written for the
project in Japanese, Russian, Spanish, German, Korean, French, Chinese, Portuguese and English (tests/fixtures/blogs/README.md)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
POSTS = {
    "sample": ROOT / "posts",
    "mykal.codes": SHARED / "mykal.codes" / "posts",
    "elixir-lang-blog": SHARED / "elixir-lang-blog" / "posts",
    "nodejs.org-blog": SHARED / "nodejs.org-blog" / "posts",
    "svelte-blog": SHARED / "svelte-blog" / "posts",
    "this-week-in-rust": SHARED / "this-week-in-rust" / "content",
    "twir-zh-cn": SHARED / "twir-zh-cn" / "zh-cn",
    "hugo-ja": ROOT / "tests" / "fixtures" / "blogs" / "hugo-ja" / "content" / "posts",
    "jekyll-ja": ROOT / "tests" / "fixtures" / "blogs" / "jekyll-ja" / "_posts",
    # written for the project in a later round, each read from the site's root, as an owner would point at it
    "zola-ru": ROOT / "tests" / "fixtures" / "blogs" / "zola-ru",
    "astro-es": ROOT / "tests" / "fixtures" / "blogs" / "astro-es",
    "eleventy-de": ROOT / "tests" / "fixtures" / "blogs" / "eleventy-de",
    "hexo-ko": ROOT / "tests" / "fixtures" / "blogs" / "hexo-ko",
    # and in French, Chinese and Portuguese, measured once with sets no one tuning had read (blind77–79)
    "pelican-fr": ROOT / "tests" / "fixtures" / "blogs" / "pelican-fr",
    "hugo-zh": ROOT / "tests" / "fixtures" / "blogs" / "hugo-zh",
    "notes-pt": ROOT / "tests" / "fixtures" / "blogs" / "notes-pt",
    # and a German club, a Mexican and an English blog, measured the same way (blind80–82)
    "jekyll-de": ROOT / "tests" / "fixtures" / "blogs" / "jekyll-de",
    "hugo-es": ROOT / "tests" / "fixtures" / "blogs" / "hugo-es",
    "eleventy-en": ROOT / "tests" / "fixtures" / "blogs" / "eleventy-en",
    "hugo-nl": ROOT / "tests" / "fixtures" / "blogs" / "hugo-nl",
    "zola-it": ROOT / "tests" / "fixtures" / "blogs" / "zola-it",
    "astro-pl": ROOT / "tests" / "fixtures" / "blogs" / "astro-pl",
    # and a Swedish and a Czech blog, each with its own name in its config (blind86–87)
    "jekyll-sv": ROOT / "tests" / "fixtures" / "blogs" / "jekyll-sv",
    "eleventy-cs": ROOT / "tests" / "fixtures" / "blogs" / "eleventy-cs",
    # and a Romanian and a Turkish blog (blind88–89)
    "hugo-ro": ROOT / "tests" / "fixtures" / "blogs" / "hugo-ro",
    "astro-tr": ROOT / "tests" / "fixtures" / "blogs" / "astro-tr",
    # and an Indonesian and a Hungarian blog (blind90–91)
    "jekyll-id": ROOT / "tests" / "fixtures" / "blogs" / "jekyll-id",
    "zola-hu": ROOT / "tests" / "fixtures" / "blogs" / "zola-hu",
    # and a Vietnamese, a Finnish and a Greek blog (blind92–94)
    "pelican-vi": ROOT / "tests" / "fixtures" / "blogs" / "pelican-vi",
    "hugo-fi": ROOT / "tests" / "fixtures" / "blogs" / "hugo-fi",
    "astro-el": ROOT / "tests" / "fixtures" / "blogs" / "astro-el",
    # and a Danish, a Ukrainian and a Hebrew blog (blind95–97)
    "eleventy-da": ROOT / "tests" / "fixtures" / "blogs" / "eleventy-da",
    "hugo-uk": ROOT / "tests" / "fixtures" / "blogs" / "hugo-uk",
    "jekyll-he": ROOT / "tests" / "fixtures" / "blogs" / "jekyll-he",
    # and a Croatian and a Lithuanian blog (blind98–99)
    "hugo-hr": ROOT / "tests" / "fixtures" / "blogs" / "hugo-hr",
    "jekyll-lt": ROOT / "tests" / "fixtures" / "blogs" / "jekyll-lt",
}
