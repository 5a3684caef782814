"""Posts: find the markdown files of a blog, read their frontmatter, decide what is published.

Nothing here raises for a bad file: each one becomes a `PostError(path, reason)` and the rest
carry on. Drafts fail closed: if we cannot tell that a post is published, it is a draft.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import reprlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

import frontmatter
from frontmatter.default_handlers import BaseHandler, JSONHandler, YAMLHandler

from localchat.errors import PostsNotFound
from localchat.ingest import dates
from localchat.ingest.dates import DATE_KEYS, to_date
from localchat.ingest.git import git_dates
from localchat.ingest.site import (
    DEFAULT_PATTERN,
    PostInfo,
    Site,
    author_name,
    merge_spellings,
    detect_site,
    file_stem,
    pattern_path,
    site_path,
    strip_date,
)
from localchat.text import fold

SUFFIXES = {".md", ".markdown", ".mdx"}
SKIP_DIRS = {"node_modules"}
MAX_BYTES = 5 * 1024 * 1024  # a post longer than ~1M words is not a post
# Keys are matched case-insensitively (Hugo does: `Draft: true` is a draft there).
EXPIRY_KEYS = ("expirydate", "expiry_date", "unpublishdate", "unpublish_date")  # Hugo: gone after this day
PUBLISHED_STATUS = {"published", "publish", "public", "live", "active"}
TRUE_WORDS = {"true", "yes", "y", "on", "1"}
FALSE_WORDS = {"false", "no", "n", "off", "0"}
# A top folder that names no category: the posts folder itself, one inside it, or a year (passed over:
# Pelican's content/cuisine/ is the category cuisine, as content/ is its posts folder)
GENERIC_FOLDERS = {"posts", "post", "blog", "articles", "content", "notes", "entries", "src", "pages", "source"}
# Frontmatter values shown in a reason are cut short: YAML aliases can nest a tiny file into a
# structure with billions of elements, and a plain repr() of it would never finish.
_short = reprlib.Repr()
_short.maxlevel, _short.maxlist, _short.maxdict, _short.maxstring, _short.maxother = 2, 4, 4, 60, 60


@dataclass
class Post:
    id: str  # path under the posts folder, POSIX style: stable across machines
    path: Path
    title: str
    date: str  # ISO yyyy-mm-dd, or "" when the post has none
    tags: list[str]  # tags, then categories
    type: str
    description: str
    url: str
    draft: bool
    body: str  # markdown without frontmatter
    hash: str  # changes whenever anything we embed from this post changes
    date_source: str = ""  # where the date came from: frontmatter:<key>, filename, path, url, folders, git
    updated: str = ""  # ISO, or ""
    authors: list[str] = field(default_factory=list)
    not_a_post: str = ""  # why this file is not a post (a redirect stub, a template page): never indexed
    categories: list[str] = field(default_factory=list)  # the categories alone (also in tags): "in the category X"


@dataclass
class PostError:
    path: str
    reason: str


@dataclass
class ReadResult:
    posts: list[Post] = field(default_factory=list)  # published posts (and drafts if asked for)
    drafts_skipped: list[str] = field(default_factory=list)  # ids only: a draft's text goes nowhere
    errors: list[PostError] = field(default_factory=list)
    not_posts: list[PostError] = field(default_factory=list)  # redirect stubs, templates, site pages: never counted
    site: Site = field(default_factory=Site)  # the generator and URL rule found for this blog


class TOMLHandler(BaseHandler):
    """Hugo/Zola `+++` frontmatter, parsed with the standard library."""

    FM_BOUNDARY = re.compile(r"^\+{3}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: Any) -> dict[str, Any]:
        return tomllib.loads(fm)

    def export(self, metadata: dict[str, Any], **kwargs: Any) -> str:  # pragma: no cover - unused
        raise NotImplementedError


HANDLERS = [YAMLHandler(), TOMLHandler(), JSONHandler()]


def find_post_files(root: Path) -> Iterator[Path]:
    """Every post file under root, sorted, skipping hidden folders, node_modules, section pages
    (_index.md) and the listing page at the top (index.md there is the blog's index, not a post).
    Skipped folders are never entered (watch mode lists the tree every second, and --posts may
    point at a whole site repository)."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS]
        for name in files:
            if name.startswith(".") or name.startswith("_index."):
                continue
            if folder == str(root) and Path(name).stem.lower() == "index":  # the blog's own listing page
                continue
            path = Path(folder) / name
            if path.suffix.lower() in SUFFIXES:
                found.append(path)
    yield from sorted(found)


def check_folder(root: Path) -> None:
    """Fail fast, one line, on a posts folder that is not there (before a sync would)."""
    if not Path(root).is_dir():
        raise PostsNotFound(f"posts folder not found: {root}")


def read_posts(
    root: Path,
    *,
    include_drafts: bool = False,
    base_url: str = "",
    url_pattern: str = "",
    today: dt.date | None = None,
) -> ReadResult:
    """Read every post under root. Raises only when root itself is unusable.
    An empty base_url or url_pattern means: take it from the site's generator config."""
    root = Path(root)
    if not root.is_dir():
        raise PostsNotFound(f"posts folder not found: {root}")
    today = today or dt.date.today()
    result = ReadResult(site=detect_site(root))
    site = result.site
    history = site.git_dates if site.git_dates is not None else git_dates(root)
    for path in find_post_files(root):
        post_id = path.relative_to(root).as_posix()
        try:
            post = read_post(path, post_id, site=result.site, git=history.get(post_id), base_url=base_url,
                             url_pattern=url_pattern, today=today)
        except PostProblem as exc:
            # what the generator never builds as a post (a Hexo scaffold's "{{ title }}") is reported as such
            page = site.not_a_post(PurePosixPath(post_id)) if site.not_a_post else ""
            (result.not_posts if page else result.errors).append(PostError(post_id, page or str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - nothing raises out of ingestion
            result.errors.append(PostError(post_id, f"unexpected error: {type(exc).__name__}: {exc}"))
            continue
        if post.not_a_post:
            result.not_posts.append(PostError(post_id, post.not_a_post))
        elif post.draft and not include_drafts:
            result.drafts_skipped.append(post_id)
        else:
            result.posts.append(post)
    merged = merge_spellings([p.authors for p in result.posts])
    named = accented_spellings([p.tags for p in result.posts])
    for post in result.posts:
        post.authors = list(dict.fromkeys(merged.get(a, a) for a in post.authors))
        post.tags = list(dict.fromkeys(named.get(t, t) for t in post.tags))
        post.categories = list(dict.fromkeys(named.get(c, c) for c in post.categories))
    if not url_pattern and site.path_for is None:
        distinct_urls(result.posts)
    return result


def distinct_urls(posts: list[Post]) -> None:
    """With no generator's rule to follow, /posts/{slug}/ drops the file name's date, so a weekly
    series ("2021-07-14-this-week-in-rust.md", "2021-07-07-this-week-in-rust.md") would get one
    URL for all its issues: those posts keep the date (the whole file name) in theirs. Published
    posts are compared among themselves: a draft never changes a published post's URL (it would
    tell readers a draft exists); a draft that shares one keeps its date."""
    published = [p for p in posts if not p.draft]
    taken = {p.url for p in published}
    for group in (published, [p for p in posts if p.draft]):
        by_url: dict[str, list[Post]] = {}
        for post in group:
            by_url.setdefault(post.url, []).append(post)
        for url, shared in by_url.items():
            if len(shared) > 1 or (group is not published and url in taken):
                for post in shared:
                    rel = PurePosixPath(post.id)
                    slug, name = strip_date(file_stem(rel)), file_stem(rel)
                    if name != slug and post.url.endswith(f"/{slug}/"):
                        post.url = post.url[: -len(slug) - 1] + name + "/"


REDIRECT_KEYS = ("redirect", "redirect_to", "redirect_url", "redirecturl", "external_url")
TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def not_a_post(metadata: dict[str, Any], body: str, rel: PurePosixPath, site: Site) -> str:
    """Why a markdown file is not a post ("" when it is one): a redirect or alias stub (a redirect
    key and next to no text), a listing or template page (more template tags than sentences), or
    a Pelican site page (content/pages/: About, Privacy, by Pelican's own rule), or what the site's
    generator does not build as a post (Site.not_a_post: a Jekyll page, a Hugo theme's files)."""
    words = len(TEMPLATE_TAG.sub(" ", body).split())
    if any(isinstance(metadata.get(k), str) and metadata[k].strip() for k in REDIRECT_KEYS) and words < 30:
        return "a redirect stub, not a post"
    tags = len(TEMPLATE_TAG.findall(body))
    if tags >= 3 and tags * 10 > words:
        return "a listing or template page, not a post"
    if metadata.get("eleventyexcludefromcollections") is True and parse_bool(metadata.get("draft")) is not True:
        # (a draft excluded from the collections too is said to be a draft: drafts_skipped, not not_posts)
        return "excluded from Eleventy's collections (eleventyExcludeFromCollections), not a post"
    if site.generator == "pelican" and rel.parts[:1] == ("pages",):
        return "a Pelican page (pages/), not a post"
    if rel.stem.lower() == "readme":
        return "a README (what a folder holds), not a post"
    return site.not_a_post(rel) if site.not_a_post else ""


class PostProblem(Exception):
    """One post cannot be read; the message is the reason shown to the user."""


def read_post(
    path: Path, post_id: str, *, site: Site | None = None, git: tuple[dt.date, dt.date] | None = None,
    base_url: str = "", url_pattern: str = "", today: dt.date,
) -> Post:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PostProblem(f"file too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
        raw = path.read_bytes()
    except OSError as exc:
        raise PostProblem(f"cannot read file: {exc.strerror or exc}") from None
    if b"\x00" in raw[:8192]:
        raise PostProblem("binary file, not markdown")
    text = decode(raw)
    original, body = split_frontmatter(text)
    metadata = lower_keys(original)
    rel = PurePosixPath(post_id)

    site = site or Site()
    draft = draft_reason(original, rel, today) is not None
    title = clean_str(metadata.get("title")) or first_heading(body) or rel.stem.replace("-", " ").strip()
    site_base = (base_url or site.base_url).rstrip("/")
    try:
        date, date_source, updated = dates.post_dates(metadata, rel, site_base, git)
    except dates.BadDate as exc:
        raise PostProblem(f"invalid date in {exc.args[0]!r}: {short_repr(metadata.get(exc.args[0]))}") from None
    categories = post_categories(metadata, rel)
    info = PostInfo(rel, metadata, title, date, categories)
    url = post_url(info, site, site_base, url_pattern)
    taxonomies = lower_keys(metadata["taxonomies"]) if isinstance(metadata.get("taxonomies"), dict) else {}
    tags = as_list(metadata.get("tags")) + as_list(taxonomies.get("tags")) + categories + hashtags(body)
    tags = list(dict.fromkeys(t for t in tags if t))  # de-duplicate, keep order
    # Zola keeps a page's own fields under [extra], Hugo under params
    own = [metadata] + [lower_keys(metadata[k]) for k in ("extra", "params") if isinstance(metadata.get(k), dict)]
    authors = list(dict.fromkeys(a for fields in own for key in ("authors", "author", "by")
                                 for a in author_name(fields.get(key)))) or byline(body)
    description = clean_str(metadata.get("description") or metadata.get("summary") or metadata.get("excerpt"))
    post_type = clean_str(metadata.get("type")) or "post"
    # What the embeddings depend on: the file's bytes. A new base URL or a git date re-links, never re-embeds.
    digest = hashlib.sha256(raw + f"\0{draft}".encode()).hexdigest()[:32]
    return Post(post_id, path, title, date, tags, post_type, description, url, draft, body, digest,
                date_source, updated, [clean_str(a) for a in authors if clean_str(a)],
                not_a_post(metadata, body, rel, site), [c for c in categories if c])


# A line of hashtags alone ("#cerveja #receitas"), as a folder of notes (Obsidian, Bear) tags a note;
# not in a code block, and a word after "#" with no space is no heading in CommonMark
HASHTAG_LINE = re.compile(r"^ {0,3}(#[^\W\d][\w/-]*(?:[ \t]+#[^\W\d][\w/-]*)*)[ \t]*$", re.MULTILINE)
FENCED = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.MULTILINE | re.DOTALL)


def accented_spellings(names_per_post: list[list[str]]) -> dict[str, str]:
    """Each spelling of a tag or category -> the blog's: case and spacing as most posts write it
    ("cuisine" -> "Cuisine"), and a name without its accents as the blog's one spelling with them
    (Pelican's folder `content/auto-hebergement/` is the category "Auto-hébergement": Pelican merges
    them by slug). Two spellings with different accents are never merged."""
    counts: dict[str, dict[str, int]] = {}
    for names in names_per_post:
        for name in names:
            spellings = counts.setdefault(spelling_key(name.lower()), {})  # "C++" is not "C"
            spellings[name] = spellings.get(name, 0) + 1
    usual = {name: max(spellings, key=lambda s: (spellings[s], len(s))) for spellings in counts.values() for name in spellings}
    accented: dict[str, set[str]] = {}
    for name in set(usual.values()):
        # a Latin name with accents only: "Rust入門" folds to "rust" and "походы" to nothing, no spelling of theirs
        if not name.isascii() and len(fold(name)) == len(name):
            accented.setdefault(slug_key(name), set()).add(name)
    return {name: next(iter(accented[slug_key(spelling)])) if spelling.isascii() and len(accented.get(slug_key(spelling), ())) == 1
            else spelling for name, spelling in usual.items()}


def spelling_key(name: str) -> str:
    return re.sub(r"[\s_-]+", "-", name).strip("-")


def slug_key(name: str) -> str:
    return spelling_key(fold(name))


def hashtags(body: str) -> list[str]:
    return [tag[1:] for line in HASHTAG_LINE.findall(FENCED.sub("", body)) for tag in line.split()]


def post_categories(metadata: dict[str, Any], rel: PurePosixPath) -> list[str]:
    """`category`/`categories`; else the top folder of a blog sorted into folders (release/x.md),
    unless that folder is a page bundle, a date, or a generic name like posts/."""
    taxonomies = lower_keys(metadata["taxonomies"]) if isinstance(metadata.get("taxonomies"), dict) else {}
    # `category: Elixir in Production` is one category; `categories: a b` is two (Jekyll splits them)
    single = metadata.get("category")
    single = [clean_str(c) for c in single] if isinstance(single, list) else [clean_str(single)] if single else []
    named = as_list(metadata.get("categories")) + [c for c in single if c] + as_list(taxonomies.get("categories"))
    if named:
        return list(dict.fromkeys(named))
    bundle = rel.stem.lower() == "index"
    folders = rel.parts[:-2] if bundle else rel.parts[:-1]
    while folders and folders[0].lower() in GENERIC_FOLDERS:  # a site read from its root: content/cuisine/x.md
        folders = folders[1:]
    if folders and not folders[0].isdigit() and not folders[0].startswith("_") \
            and folders[0].lower() not in GENERIC_FOLDERS:
        return [folders[0]]
    return []


def decode(raw: bytes) -> str:
    """UTF-8 (a BOM must not hide the frontmatter), else replace what is not UTF-8."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


METADATA_LINE = re.compile(r"^([A-Za-z][\w-]*):[ \t]*(.*)$")


def metadata_block(text: str) -> tuple[dict[str, Any], str] | None:
    """Pelican's metadata (and MultiMarkdown's): `Key: value` lines from the top of the file to the
    first blank line, the first of them `Title:`. Keys are read like frontmatter keys, so `Date`,
    `Tags: a, b`, `Author`, `Slug` and `Status: draft` mean what they mean there."""
    lines = text.lstrip("\n").split("\n")
    metadata: dict[str, Any] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            break
        match = METADATA_LINE.match(line)
        if match is None:
            return None
        metadata[match.group(1)] = match.group(2).strip()
    else:
        i = len(lines)
    if not metadata or next(iter(metadata)).lower() != "title":
        return None
    for key, value in metadata.items():  # Pelican's lists part at ";" or ",", never at a space: "Tags: rang tại nhà" is one tag
        if key.lower() in LISTED:
            metadata[key] = [v.strip() for v in value.split(";" if ";" in value else ",") if v.strip()]
    return metadata, "\n".join(lines[i + 1:])


LISTED = ("tags", "keywords")  # Pelican's ensure_metadata_list (authors are parted where writers are read)


def split_frontmatter(text: str) -> tuple[dict[str, Any], str]:
    # Blank lines before the fence still make frontmatter: a draft flag must not turn into body text.
    lead = text.lstrip(" \t\n")
    handler = frontmatter.detect_format(lead, HANDLERS)
    if handler is None:
        return metadata_block(text) or ({}, text)
    try:
        # handler.split + load rather than frontmatter.parse, which silently drops non-mapping metadata
        raw_fm, body = handler.split(lead)
    except ValueError:
        raise PostProblem("frontmatter is never closed (no second fence line)") from None
    try:
        metadata = handler.load(raw_fm) if raw_fm.strip() else {}
    except Exception as exc:  # YAML, TOML and JSON errors, and ValueError for bad dates
        kind = {YAMLHandler: "YAML", TOMLHandler: "TOML", JSONHandler: "JSON"}[type(handler)]
        reason = " ".join(str(exc).split())[:200]
        if type(exc) is ValueError:  # YAML parses `2023-13-45` as a date and fails there
            raise PostProblem(f"invalid date in {kind} frontmatter: {reason}") from None
        raise PostProblem(f"broken {kind} frontmatter: {reason}") from None
    if not isinstance(metadata, dict):
        raise PostProblem("frontmatter is not a mapping of keys to values")
    return metadata, body


def parse_bool(value: Any) -> bool | None:
    """True/False for any common spelling, None when it cannot be told."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    return None


def lower_keys(metadata: dict[str, Any]) -> dict[str, Any]:
    """Keys in lower case; of `Title` and `title`, the first one written wins."""
    lowered: dict[str, Any] = {}
    for key, value in metadata.items():
        lowered.setdefault(str(key).lower(), value)
    return lowered


def draft_reason(metadata: dict[str, Any], rel: PurePosixPath, today: dt.date) -> str | None:
    """Why this post is unpublished, or None if it is clearly published. Unclear means draft.
    Every spelling of a key counts: `draft: false` and `Draft: true` together make a draft."""
    if "_drafts" in rel.parts:
        return "in a _drafts folder"
    values: dict[str, list[Any]] = {}
    for key, value in metadata.items():
        values.setdefault(str(key).lower(), []).append(value)
    for name in ("draft", "private"):
        for value in values.get(name, []):
            flag = parse_bool(value)
            if flag is None:
                return f"{name} value {short_repr(value)} is unclear"
            if flag:
                return f"{name}: true"
    for value in values.get("published", []):
        # `published: 2024-01-01` is a publish date (checked below); otherwise it must say yes
        if to_date(value) is None and parse_bool(value) is not True:
            return f"published: {short_repr(value)}"
    for value in values.get("status", []):  # Pelican, WordPress and Ghost exports
        if clean_str(value).lower() not in PUBLISHED_STATUS:
            return f"status: {short_repr(value)}"
    for value in values.get("permalink", []):  # Eleventy: `permalink: false` means never built
        if value is False:
            return "permalink: false"
    for value in values.get("headless", []):  # Hugo: a headless bundle is never rendered as a page
        flag = parse_bool(value)
        if flag is None:
            return f"headless value {short_repr(value)} is unclear"
        if flag:
            return "headless: true"
    for key in ("_build", "build"):  # Hugo build options (`build` since 0.145): render never/false
        for value in values.get(key, []):
            render = lower_keys(value).get("render") if isinstance(value, dict) else None
            if render is not None and (render is False or clean_str(render).lower() in ("never", "false")):
                return f"{key}.render: {short_repr(render)}"
    for key in DATE_KEYS:
        for value in values.get(key, []):
            day = to_date(value)
            if day and day > today:
                return f"{key} {day.isoformat()} is in the future"
    for key in EXPIRY_KEYS:
        for value in values.get(key, []):
            day = to_date(value)
            if day is None and value not in (None, ""):
                return f"{key} {short_repr(value)} is unclear"
            if day and day <= today:
                return f"{key} {day.isoformat()} has passed"
    return None


def post_url(info: PostInfo, site: Site, base: str, url_pattern: str) -> str:
    """The post's own link wins (permalink, path, or a site-relative url); then --url-pattern when
    the owner set one; then the generator's rule; then /posts/{slug}/."""
    if url_pattern or site.path_for is None:
        own = info.metadata.get("permalink") or info.metadata.get("path")
        if isinstance(own, str) and re.match(r"https?://", own.strip()):
            return own.strip()
        path = site_path(own, base) or site_path(info.metadata.get("url"), base)
        path = path or pattern_path(url_pattern or DEFAULT_PATTERN, info)
    else:
        path = site.path_for(info)
    return path if re.match(r"https?://", path) else base + "/" + path.lstrip("/")


def as_list(value: Any) -> list[str]:
    """Tags as a YAML list, or a comma- or space-separated string."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):  # Hexo's nested categories, "- [개발, 백엔드]": both
        flat = [w for v in value for w in (v if isinstance(v, (list, tuple)) else [v])]
        return [clean_str(v) for v in flat if clean_str(v)]
    text = clean_str(value)
    parts = text.split(",") if "," in text else text.split()
    return [p.strip() for p in parts if p.strip()]


def clean_str(value: Any) -> str:
    if value is None or isinstance(value, (dict, list, set)):
        return ""
    # JSON frontmatter may hold a lone surrogate ("\ud800"), which no encoder downstream accepts.
    text = str(value).encode("utf-8", "replace").decode("utf-8")
    return " ".join(text.split())


def short_repr(value: Any) -> str:
    text = _short.repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


# A byline at the top of a post that names no author in its metadata ("Texto de Henrique Sobral",
# "*By Ana Lima*", "Autor: Иван Петров"): the words that introduce one, in the languages read here
BYLINE = re.compile(
    r"^[ \t]*[*_]{0,2}(?i:(?:guest post |written |posted )?by|escrito por|texto (?:de|por)|por|écrit par|texte de|par|"
    r"geschrieben von|text von|von|scritto da|testo di|di|autor(?:a|in)?|author|автор|текст|作者|文|글|작성자)"
    r"(?:[ \t]*[:：／/][ \t]*|[ \t]+)([A-ZÀ-ÞА-Я][\w'’.\-]+(?:[ \t]+(?:(?:da|de|do|dos|das|du|van|von|der|di|del|la|le)[ \t]+)?"
    r"[A-ZÀ-ÞА-Я][\w'’.\-]+){1,3}|[\u3400-\u9fff\uac00-\ud7af]{2,4})[ \t]*[*_]{0,2}[ \t]*$",
    re.MULTILINE)
BYLINE_LINES = 4  # the title, a date, the byline: it stands before the text begins


def byline(body: str) -> list[str]:
    lines = [line for line in body.strip().split("\n") if line.strip()][:BYLINE_LINES]
    for line in lines:
        match = BYLINE.match(line)
        if match and not match[1].isupper():
            return author_name(match[1])
    return []


def first_heading(body: str) -> str:
    prose = re.sub(r"^(```|~~~).*?^\1", "", body, flags=re.MULTILINE | re.DOTALL)  # not `# comments`
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", prose, re.MULTILINE)
    return match.group(1).strip() if match else ""

