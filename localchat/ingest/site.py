"""The site: which generator builds this blog, and the URL it serves each post at.

`detect_site(posts_dir)` looks upward from the posts folder (to the repository root, at most a
few folders) for a generator's config and reads its URL rule:
  Jekyll    _config.yml: url + baseurl + permalink (global, or `defaults:` scoped to posts;
            the :year :month :day :title :slug :categories … tokens and the built-in styles)
  Hugo      hugo.toml|yaml|json or config.*: baseURL + [permalinks] (default /section/slug/)
  Zola      config.toml with base_url: section path + slug, or the page's own `path`
  Eleventy  .eleventy.js / eleventy.config.*: the input folder's layout (/dir/file-name/),
            base URL from _data/metadata.json or site.json
  Astro     astro.config.*: `site` + `base` + the route of src/pages/…/[...slug].astro
Each also reads the site's own name, which readers ask by ("Chi scrive Raggi e Stelle?"): `title`
(Jekyll, Hexo, Hugo, Zola, Eleventy's data file), SITENAME (Pelican), SITE_TITLE or a SITE object's
`title` in src/consts.ts or src/config.ts (Astro's templates).
A post's own `permalink` / `path` / `url` (site-relative) / `slug` overrides the rule. Nothing
found means the old default, /posts/{slug}/. A config that cannot be read is one line in
`problems` and the defaults; it never stops indexing.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable
from urllib.parse import quote

import yaml

from localchat.ingest.dates import site_relative

DEFAULT_PATTERN = "/posts/{slug}/"
MAX_LEVELS = 4  # posts folder, content/, src/, site root, one above (a monorepo's website/)
JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
ASTRO_ROUTES = ("[...slug].astro", "[slug].astro", "[...id].astro", "[id].astro", "[...post].astro", "[post].astro")


@dataclass
class PostInfo:
    """What a URL rule may use of one post."""

    rel: PurePosixPath  # path under the posts folder
    metadata: dict[str, Any]  # frontmatter, keys lower-cased
    title: str
    date: str  # ISO or ""
    categories: list[str] = field(default_factory=list)


UrlRule = Callable[[PostInfo], str]  # -> a path on the site ("/blog/2024/05/x/")
PageRule = Callable[[PurePosixPath], str]  # a path under the posts folder -> why it is no post ("" if it is one)


@dataclass
class Site:
    generator: str = ""  # jekyll | hexo | hugo | zola | eleventy | astro | pelican | "" (none found)
    config: Path | None = None
    base_url: str = ""
    rule: str = DEFAULT_PATTERN  # the rule in words, for the one line said at index time
    author: str = ""  # the site's author, when its config names one
    problems: list[str] = field(default_factory=list)
    path_for: UrlRule | None = None
    # --posts at the site's root: what the generator does not build as a post (a Jekyll page, a theme's files)
    not_a_post: PageRule | None = None
    # a snapshot (SNAPSHOT) carries the git dates of a blog whose history did not travel with it
    git_dates: dict[str, tuple[dt.date, dt.date]] | None = None
    title: str = ""  # the site's own name ("Raggi e Stelle"), when its config names one: readers ask by it

    def describe(self, base_url: str = "", url_pattern: str = "") -> str:
        """One line: the rule, and where it comes from. The owner's settings win over the config."""
        base = base_url.rstrip("/") or self.base_url
        if url_pattern:
            return f"URLs: {base}{url_pattern} (url_pattern setting)"
        where = f"{self.generator.capitalize()}, from {self.config}" if self.config else "the default: no site config found"
        return f"URLs: {base}{self.rule} ({where}" + (", base URL from base_url setting)" if base_url else ")")


# --- helpers -------------------------------------------------------------------------------------


def lower(data: Any) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}


def text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def slugify(value: str) -> str:
    """Lower case ASCII words joined by hyphens (Zola's slugify, Hugo's urlize, Astro's slugger)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def urlize(value: str) -> str:
    """Hugo's urlize, which its `:title` and `:slug` use: letters of any script kept ("2021 年终：回顾"
    is /2021-年终回顾/), spaces as hyphens, other punctuation dropped, lower case."""
    kept = ("-" if c.isspace() else c for c in value.strip()
            if c.isspace() or c.isalnum() or unicodedata.category(c).startswith("M") or c in "._-/#+~%")
    return "".join(kept).lower()


def join_url(*parts: str) -> str:
    """Join path pieces, collapsing the double slashes that empty tokens leave (as Jekyll does)."""
    joined = "/".join(p for p in parts if p)
    return "/" + re.sub(r"/{2,}", "/", joined).lstrip("/")


def strip_date(name: str) -> str:
    return re.sub(r"^\d{4}-\d{2}-\d{2}(?:T[\d:]+)?[-_]?", "", name) or name


def file_stem(rel: PurePosixPath) -> str:
    """The post's own name: the file's stem, or the folder of a page bundle (my-post/index.md)."""
    if rel.stem.lower() in ("index", "_index") and len(rel.parts) > 1:
        return rel.parent.name
    return rel.stem


def author_name(value: Any) -> list[str]:
    """`author`/`authors`/`by` as names: a string, a list of strings, or mappings with a name.
    A string may hold several ("X and Y", "X & Y", "X, Y") and more than names: "Eli Bendersky, on
    behalf of the Go team" and "Russ Cox, July 2011; updated by Andrew Gerrand" give the author
    alone (what follows a ";" is an editor's note; a lower-case phrase or a date is not a name).
    Chinese and Japanese lists are separated with 、 or a full-width comma: "田中 美咲、李 明"."""
    items = value if isinstance(value, (list, tuple)) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            item = lower(item).get("name")
        if isinstance(item, str):
            parts = re.split(r"\s*(?:[,&、，＆]|\band\b|\b(?:prepared|written|edited|translated) by\b)\s*", item.split(";")[0])
            parts = [name for part in parts for name in two_people(part)]
            names += [n for n in (person(p) for p in parts) if n]
    return names


# "and" in other languages: "Andrés Gómez y Lucía Ortega", "Anna Schmidt und Jonas Weber", "Иван Петров и
# Мария Иванова". Only between two names of two words or more: "José Ortega y Gasset" is one person.
AND_ELSEWHERE = re.compile(r"\s+(?:y|e|und|et|en|och|og|i|и|і|та|και|ve)\s+")


def two_people(text: str) -> list[str]:
    parts = AND_ELSEWHERE.split(text.strip())
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return parts
    return [text]


NOT_A_NAME = re.compile(r"^(?:on behalf of|for|of|from|with|by|via|updated|edited|and)\b|\b(?:1[89]|20)\d\d\b", re.I)  # or a year


def person(text: str) -> str:
    """A name, or "" for what is not one ("on behalf of the Go team", "July 2011"). A handle after
    the name is not part of it: "Yosuke Furukawa (@yosuke-furukawa)" is Yosuke Furukawa."""
    text = re.sub(r"\s*[(<\[][^()<>\[\]]*[)>\]]\s*$", "", text.strip()).strip().strip(".")
    if not text or NOT_A_NAME.search(text):
        return ""
    return text


def person_key(name: str) -> str:
    """Two spellings of one person, as one key: case, accents and middle initials aside
    ("Isaac Z. Schlueter" and "Isaac Schlueter"; "Ulises Gascón" and "Ulises Gascon")."""
    import unicodedata  # noqa: PLC0415

    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", folded)
    if not words or len("".join(words)) * 2 < len(re.sub(r"\W", "", name)):  # 张汉东, Иван Петров: the name itself
        return " ".join(name.casefold().split())
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


def merge_spellings(names_per_post: list[list[str]]) -> dict[str, str]:
    """Each spelling -> the one the blog uses most for that person (ties: the longest)."""
    counts: dict[str, dict[str, int]] = {}
    for names in names_per_post:
        for name in names:
            spellings = counts.setdefault(person_key(name), {})
            spellings[name] = spellings.get(name, 0) + 1
    return {name: max(spellings, key=lambda s: (spellings[s], len(s)))
            for spellings in counts.values() for name in spellings}


def date_parts(date: str) -> dict[str, str]:
    if not date:
        return dict.fromkeys(("year", "month", "day", "i_month", "i_day", "short_year", "y_day", "monthname",
                              "weekday", "week", "short_day"), "")
    day = dt.date.fromisoformat(date)
    return {"year": f"{day.year:04d}", "month": f"{day.month:02d}", "day": f"{day.day:02d}",
            "i_month": str(day.month), "i_day": str(day.day), "short_year": f"{day.year % 100:02d}",
            "y_day": f"{day.timetuple().tm_yday:03d}", "monthname": day.strftime("%B").lower(),
            "weekday": str(day.isoweekday() % 7), "week": f"{day.isocalendar()[1]:02d}",
            "short_day": day.strftime("%a")}


def fill_tokens(pattern: str, values: dict[str, str]) -> str:
    """Replace :token with its value, longest names first (:short_year before :year)."""
    names = sorted(values, key=len, reverse=True)
    return re.sub(r":(" + "|".join(map(re.escape, names)) + r")(?![a-z_])", lambda m: values[m.group(1)], pattern)


# --- finding the config --------------------------------------------------------------------------


def candidate_folders(posts_dir: Path) -> list[Path]:
    """The posts folder and its parents, up to the repository root and at most MAX_LEVELS up."""
    folders = []
    folder = posts_dir.resolve()
    for _ in range(MAX_LEVELS + 1):
        folders.append(folder)
        if (folder / ".git").exists() or folder.parent == folder:
            break
        folder = folder.parent
    return folders


def read_data(path: Path) -> dict[str, Any]:
    """A YAML, TOML or JSON config as a dict; raises ValueError with a short reason."""
    raw = path.read_text(encoding="utf-8-sig")
    try:
        if path.suffix == ".toml":
            data = tomllib.loads(raw)
        elif path.suffix == ".json":
            data = json.loads(raw)
        else:
            data = yaml.safe_load(raw)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        raise ValueError(" ".join(str(exc).split())[:160]) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("not a mapping of settings")
    return data


def detect_site(posts_dir: Path) -> Site:
    posts_dir = Path(posts_dir)
    problems: list[str] = []
    if (posts_dir / SNAPSHOT).is_file():
        return snapshot_site(posts_dir / SNAPSHOT)
    for folder in candidate_folders(posts_dir):
        for reader in (jekyll_site, hugo_or_zola_site, eleventy_site, astro_site, pelican_site):
            try:
                site = reader(folder, posts_dir.resolve())
            except ValueError as exc:  # a broken config: say so, keep looking, default if nothing else
                problems.append(str(exc))
                site = None
            if site is not None:
                site.problems = problems + site.problems
                return site
    return Site(problems=problems)


# --- Jekyll --------------------------------------------------------------------------------------


def jekyll_site(root: Path, posts_dir: Path) -> Site | None:
    path = next((root / n for n in ("_config.yml", "_config.yaml", "_config.toml") if (root / n).is_file()), None)
    if path is None:
        return None
    try:
        config = lower(read_data(path))
    except (ValueError, OSError) as exc:
        raise ValueError(f"{path}: unreadable Jekyll config ({exc}); using the default URLs") from None
    url = text(config.get("url")).rstrip("/")
    baseurl = "/" + text(config.get("baseurl")).strip("/") if text(config.get("baseurl")).strip("/") else ""
    style = text(config.get("permalink")) or "date"
    rel_posts = posts_dir.relative_to(root).as_posix() if posts_dir.is_relative_to(root) else ""
    for default in config.get("defaults") or []:  # the last matching scope wins, as in Jekyll
        default = lower(default)
        scope, values = lower(default.get("scope")), lower(default.get("values"))
        scope_path = text(scope.get("path")).strip("/")
        type_ok = text(scope.get("type")) in ("", "posts")
        path_ok = not scope_path or rel_posts.startswith(scope_path) or scope_path.endswith("_posts")
        if type_ok and path_ok and text(values.get("permalink")):
            style = text(values.get("permalink"))
    pattern = JEKYLL_STYLES.get(style, style)
    to_root = PurePosixPath(rel_posts)
    # Jekyll builds posts from _posts/ (and collections_dir/_posts/); every other page is a page
    has_posts = "_posts" in to_root.parts or any((d / "_posts").is_dir() for d in [posts_dir, *posts_dir.iterdir()]
                                                 if d.is_dir())

    # Hexo keeps Jekyll's _config.yml, _posts/ and _drafts/, under its source folder (source/_posts/);
    # its scaffolds/ are templates, and source/ is no category
    hexo = (root / "scaffolds").is_dir() or "new_post_name" in config or "source_dir" in config
    generator = "Hexo" if hexo else "Jekyll"
    source = text(config.get("source_dir")) or "source" if hexo else ""

    def not_a_post(rel: PurePosixPath) -> str:
        parts = (to_root / rel).parts
        if has_posts and "_posts" not in parts and "_drafts" not in parts:
            return f"a {generator} page (outside _posts/), not a post"
        return ""

    def path_for(post: PostInfo) -> str:
        own = text(post.metadata.get("permalink"))
        stem = strip_date(file_stem(post.rel))
        slug = text(post.metadata.get("slug"))
        categories = [c.lower() for c in post.categories]
        # folders above _posts are categories too (blog/_posts/x.md), as in Jekyll; _posts and below are not
        parts = (to_root / post.rel).parts
        above = parts[:parts.index("_posts")] if "_posts" in parts else ()
        above = above[above.index(source) + 1:] if source in above else above
        categories = list(dict.fromkeys([p.lower() for p in above] + categories))
        values = date_parts(post.date) | {
            "title": slug or stem, "slug": slugify(slug or stem), "name": slugify(stem),
            "categories": "/".join(quote(c) for c in categories), "output_ext": ".html",
        }
        return join_url(fill_tokens(own or pattern, values))

    return Site("hexo" if hexo else "jekyll", path, url + baseurl, pattern, (author_name(config.get("author")) or [""])[0],
                path_for=path_for, not_a_post=not_a_post, title=text(config.get("title")))


# --- Hugo and Zola -------------------------------------------------------------------------------


HUGO_NAMES = [f"{stem}.{ext}" for stem in ("hugo", "config") for ext in ("toml", "yaml", "yml", "json")]


def hugo_or_zola_site(root: Path, posts_dir: Path) -> Site | None:
    for name in HUGO_NAMES + [f"config/_default/{n}" for n in HUGO_NAMES]:
        path = root / name
        if not path.is_file():
            continue
        try:
            config = lower(read_data(path))
        except (ValueError, OSError) as exc:
            kind = "Zola or Hugo" if name == "config.toml" else "Hugo"
            raise ValueError(f"{path}: unreadable {kind} config ({exc}); using the default URLs") from None
        if name == "config.toml" and "base_url" in config:
            return zola_site(root, path, config, posts_dir)
        if "baseurl" in config or name.startswith("hugo.") or "permalinks" in config or (root / "archetypes").is_dir():
            return hugo_site(root, path, config, posts_dir)
    return None


def content_rel(root: Path, content_dir: str, posts_dir: Path, rel: PurePosixPath) -> PurePosixPath:
    """The post's path under the site's content folder (Hugo and Zola sections come from it)."""
    content = (root / content_dir).resolve()
    if posts_dir.is_relative_to(content):
        return PurePosixPath(posts_dir.relative_to(content).as_posix()) / rel
    full = posts_dir / rel
    if full.is_relative_to(content):  # --posts at the site's root: content/posts/x.md is /posts/x/
        return PurePosixPath(full.relative_to(content).as_posix())
    return rel


FRONT_DATE = re.compile(rb"^\s*(?:date|pubdate|publishdate|published|pubDate)\s*[:=]", re.M | re.I)


def dated_page(path: Path) -> bool:
    """Whether a page's front matter gives a date (its first 2 KB are read)."""
    try:
        with path.open("rb") as f:
            return bool(FRONT_DATE.search(f.read(2048)))
    except OSError:
        return False


def content_pages(root: Path, content_dir: str, posts_dir: Path, generator: str) -> PageRule:
    """Hugo and Zola build posts from the content folder's sections: with --posts at the site's
    root, a theme's example site, archetypes and READMEs are no posts; nor is a page at the top of
    content/ (about.md) when the sections hold the posts."""
    content = (root / content_dir).resolve()
    folders = [d for d in content.iterdir() if d.is_dir() and not d.name.startswith((".", "_")) and d.name != "node_modules"
               ] if content.is_dir() else []
    dated = {d.name: [dated_page(f) for f in d.rglob("*.md") if not f.name.startswith("_index.")] for d in folders}
    sections = any(dated.values())
    # a section none of whose pages has a date, beside one whose pages have (projects/ beside blog/): pages
    undated = {name for name, pages in dated.items() if pages and not any(pages)} if any(map(any, dated.values())) else set()

    def not_a_post(rel: PurePosixPath) -> str:
        full = posts_dir / rel
        if not full.is_relative_to(content):
            return f"outside {generator}'s content folder ({content_dir}/), not a post"
        if sections and full.parent == content:
            return f"a page at the top of {content_dir}/, not in a section: not a post"
        section = full.relative_to(content).parts[0]
        if section in undated:
            return f"a page of {content_dir}/{section}/, a section with no dated page (the posts are dated): not a post"
        return ""

    return not_a_post


def hugo_site(root: Path, path: Path, config: dict[str, Any], posts_dir: Path) -> Site:
    base = text(config.get("baseurl")).rstrip("/")
    content_dir = text(config.get("contentdir")) or "content"
    to_lower = not config.get("disablepathtolower", False)
    permalinks = lower(config.get("permalinks"))
    permalinks = lower(permalinks.get("page")) | {k: v for k, v in permalinks.items() if isinstance(v, str)}

    def path_for(post: PostInfo) -> str:
        own = site_path(post.metadata.get("url"), base)
        if own:
            return own
        rel = content_rel(root, content_dir, posts_dir, post.rel)
        bundle = rel.stem.lower() == "index" and len(rel.parts) > 1
        sections = list((rel.parent.parent if bundle else rel.parent).parts)
        name = file_stem(rel)
        slug = text(post.metadata.get("slug"))
        pattern = permalinks.get("/".join(sections)) or (permalinks.get(sections[0]) if sections else None)
        if pattern:
            values = date_parts(post.date) | {
                "section": sections[0] if sections else "", "sections": "/".join(sections),
                "title": urlize(post.title), "slug": slug or urlize(post.title), "filename": name,
                "contentbasename": name, "slugorfilename": slug or name, "slugorcontentbasename": slug or name,
            }
            url = join_url(fill_tokens(pattern, values))
        else:
            url = join_url(*sections, slug or name) + "/"
        return url.lower() if to_lower else url

    rule = "; ".join(f"{k} = {v}" for k, v in permalinks.items()) or "/:sections/:slugorfilename/"
    return Site("hugo", path, base, rule, first_author(config), path_for=path_for,
                not_a_post=content_pages(root, content_dir, posts_dir, "Hugo"), title=text(config.get("title")))


def first_author(config: dict[str, Any]) -> str:
    for key in ("author", "authors"):
        names = author_name(config.get(key))
        if names:
            return names[0]
    params = lower(config.get("params")) | lower(config.get("extra"))
    for key in ("author", "authors"):
        names = author_name(params.get(key))
        if names:
            return names[0]
    return ""


def zola_site(root: Path, path: Path, config: dict[str, Any], posts_dir: Path) -> Site:
    base = text(config.get("base_url")).rstrip("/")

    def path_for(post: PostInfo) -> str:
        own = text(post.metadata.get("path"))
        if own:
            return join_url(own.strip("/")) + "/"
        rel = content_rel(root, "content", posts_dir, post.rel)
        bundle = rel.stem.lower() == "index" and len(rel.parts) > 1
        sections = [slugify(p) for p in (rel.parent.parent if bundle else rel.parent).parts]
        slug = text(post.metadata.get("slug")) or slugify(strip_date(file_stem(rel)))
        return join_url(*sections, slug) + "/"

    return Site("zola", path, base, "/:section/:slug/ (or the page's path)", first_author(config), path_for=path_for,
                not_a_post=content_pages(root, "content", posts_dir, "Zola"), title=text(config.get("title")))


# --- Eleventy ------------------------------------------------------------------------------------


def js_config(root: Path, names: tuple[str, ...]) -> tuple[Path, dict[str, str]] | None:
    """A JavaScript config file and its plain string settings (`site: 'https://…'`, `input: "src"`):
    read as text, never run."""
    path = next((root / n for n in names if (root / n).is_file()), None)
    if path is None:
        return None
    source = path.read_text(encoding="utf-8", errors="replace")
    return path, {m.group(1): m.group(2) for m in re.finditer(r"""\b(\w+)\s*:\s*["'`]([^"'`]+)["'`]""", source)}


def eleventy_site(root: Path, posts_dir: Path) -> Site | None:
    found = js_config(root, (".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs",
                             "eleventy.config.ts"))
    if found is None:
        return None
    path, settings = found
    input_dir = (root / settings["input"]).resolve() if "input" in settings else root.resolve()
    data_dir = (input_dir / settings.get("data", "_data")).resolve()  # `data: "../_data"` is relative to the input
    base, author, title = "", "", ""
    for name in ("metadata.json", "site.json", "meta.json"):
        data_file = data_dir / name
        if data_file.is_file():
            try:
                data = lower(json.loads(data_file.read_text(encoding="utf-8-sig")))
            except (ValueError, OSError):
                continue
            base = text(data.get("url")).rstrip("/")
            author = (author_name(data.get("author")) or [""])[0]
            title = text(data.get("title"))
            break

    def path_for(post: PostInfo) -> str:
        full = (posts_dir / post.rel).resolve()
        rel = PurePosixPath(full.relative_to(input_dir).as_posix()) if full.is_relative_to(input_dir) else post.rel
        own = post.metadata.get("permalink") or directory_data(input_dir, rel).get("permalink")
        if isinstance(own, str) and own.strip():
            values = {"page.fileSlug": strip_date(file_stem(rel)), "page.filePathStem": "/" + str(rel.with_suffix("")),
                      "title | slugify": slugify(post.title), "title | slug": slugify(post.title)}
            filled = re.sub(r"\{\{\s*(.+?)\s*\}\}", lambda m: values.get(m.group(1), m.group(0)), own.strip())
            if "{{" not in filled and "{%" not in filled:
                return join_url(filled.removesuffix("index.html"))
        parent = rel.parent if rel.stem == "index" or rel.stem == rel.parent.name else rel.with_suffix("")
        return join_url(*parent.parts) + "/"

    input_name = input_dir.relative_to(root.resolve()).as_posix() if input_dir.is_relative_to(root.resolve()) else "."
    return Site("eleventy", path, base, "/:folders/:file-name/ (or the post's permalink)", author, path_for=path_for,
                not_a_post=content_pages(root, input_name, posts_dir, "Eleventy"), title=title)


def directory_data(input_dir: Path, rel: PurePosixPath) -> dict[str, Any]:
    """Eleventy's directory data files (posts/posts.json, posts/posts.11tydata.json), the deepest
    folder first; JavaScript data files cannot be read without running them and are left alone."""
    data: dict[str, Any] = {}
    for depth in range(1, len(rel.parts)):
        folder = input_dir.joinpath(*rel.parts[:depth])
        for name in (f"{folder.name}.json", f"{folder.name}.11tydata.json"):
            try:
                found = lower(json.loads((folder / name).read_text(encoding="utf-8-sig")))
            except (OSError, ValueError):
                continue
            data |= found
    return data


# --- Astro ---------------------------------------------------------------------------------------


def astro_site(root: Path, posts_dir: Path) -> Site | None:
    found = js_config(root, ("astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts",
                             "astro.config.cjs"))
    if found is None:
        return None
    path, settings = found
    base = settings.get("base", "").strip("/")
    base_url = settings.get("site", "").rstrip("/") + (f"/{base}" if base else "")
    pages = root / "src" / "pages"
    # glob.escape: "[...slug]" is a pattern of one character otherwise
    routes = sorted(p for n in ASTRO_ROUTES for p in pages.rglob(glob.escape(n))) if pages.is_dir() else []
    content = (root / "src" / "content").resolve()
    at_root = content.is_dir() and content.is_relative_to(posts_dir.resolve()) and content != posts_dir.resolve()

    def collection(rel: PurePosixPath) -> tuple[str, PurePosixPath]:
        """The post's collection and its path inside it (--posts at the site's root: src/content/blog/x.md)."""
        full = (posts_dir / rel).resolve()
        if at_root and full.is_relative_to(content) and len(full.relative_to(content).parts) > 1:
            inner = PurePosixPath(full.relative_to(content).as_posix())
            return inner.parts[0], PurePosixPath(*inner.parts[1:])
        return posts_dir.name, rel

    def prefix_for(name: str) -> str:
        # the route whose folder is named like the collection (src/pages/blog/ for src/content/blog/)
        route = next((r for r in routes if r.parent.name == name), routes[0] if len(routes) == 1 else None)
        return route.parent.relative_to(pages).as_posix() if route else name

    def path_for(post: PostInfo) -> str:
        name, rel = collection(post.rel)
        slug = text(post.metadata.get("slug"))
        if not slug:
            rel = rel.parent if rel.stem.lower() == "index" and len(rel.parts) > 1 else rel.with_suffix("")
            slug = "/".join(slugify(part) for part in rel.parts)
        return join_url(prefix_for(name), slug) + "/"

    def not_a_post(rel: PurePosixPath) -> str:
        if at_root and not (posts_dir / rel).resolve().is_relative_to(content):
            return "outside Astro's content collections (src/content/), not a post"
        return ""

    prefix = prefix_for(collection(PurePosixPath("x.md"))[0] if not at_root else
                        next((d.name for d in sorted(content.iterdir()) if d.is_dir()), posts_dir.name))
    rule = f"/{prefix}/:slug/" + ("" if routes else " (no [...slug] route found; guessed from the folder name)")
    sources = astro_sources(root)
    return Site("astro", path, base_url, rule, astro_author(sources), path_for=path_for, not_a_post=not_a_post,
                title=astro_title(sources))


# Astro keeps the site's name in code, by the templates' convention: `export const SITE_TITLE = '…'`
# (the official blog template's src/consts.ts), or `title: "…"` in a SITE object (src/config.ts)
ASTRO_TITLE_FILES = [f"src/{stem}.{ext}" for stem in ("consts", "config", "site.config", "site")
                     for ext in ("ts", "js", "mjs")]
ASTRO_SITE_TITLE = re.compile(r"""\bSITE_TITLE\s*[:=]\s*(["'`])((?:(?!\1)[^\n])+)\1""")  # not past an empty one
ASTRO_SITE_OBJECT = re.compile(r"""\bSITE\b[^={]*=\s*\{(.*?)\n\s*\}""", re.DOTALL)
ASTRO_OBJECT_TITLE = re.compile(r"""^\s*title\s*:\s*(["'`])((?:(?!\1)[^\n])+)\1""", re.MULTILINE)


def astro_title(sources: list[str]) -> str:
    """The site's name as an Astro template keeps it, read as text (never run): SITE_TITLE in any of
    the files first, then a SITE object's title; "" where none says, or where it is built in code
    (`${AUTHOR}'s blog`)."""
    return astro_setting(sources, ASTRO_SITE_TITLE, ASTRO_OBJECT_TITLE)


ASTRO_SITE_AUTHOR = re.compile(r"""\bSITE_AUTHOR\s*[:=]\s*(["'`])((?:(?!\1)[^\n])+)\1""")
ASTRO_OBJECT_AUTHOR = re.compile(r"""^\s*author\s*:\s*(["'`])((?:(?!\1)[^\n])+)\1""", re.MULTILINE)


def astro_author(sources: list[str]) -> str:
    """The site's author as an Astro site keeps it: SITE_AUTHOR, else a SITE object's author (the
    first of "A and B"); "" where none says. Not package.json's `author`: a starter or theme forked
    names its own author there."""
    return (author_name(astro_setting(sources, ASTRO_SITE_AUTHOR, ASTRO_OBJECT_AUTHOR)) or [""])[0]


def astro_sources(root: Path) -> list[str]:
    """The text of each of ASTRO_TITLE_FILES the site has, read once for its name and its author."""
    sources = []
    for name in ASTRO_TITLE_FILES:
        try:
            sources.append((root / name).read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return sources


def astro_setting(sources: list[str], constant: re.Pattern[str], in_object: re.Pattern[str]) -> str:
    """A string constant (SITE_TITLE) in any of the files first, then the key of a SITE object; ""
    where none says, or where it is built in code (`${AUTHOR}'s blog`)."""
    for source in sources:
        found = constant.search(source)
        if found and "${" not in found[2]:
            return found[2].strip()
    for source in sources:
        for site in ASTRO_SITE_OBJECT.finditer(source):
            found = in_object.search(site[1])
            if found and "${" not in found[2]:
                return found[2].strip()
    return ""


# --- Pelican -------------------------------------------------------------------------------------

PELICAN_SETTING = re.compile(r"^(SITEURL|SITENAME|ARTICLE_URL|AUTHOR|PATH)\s*=\s*[uU]?(['\"])(.*?)\2", re.MULTILINE)
PELICAN_PAGE_PATHS = re.compile(r"^PAGE_PATHS\s*=\s*[\[(]([^\])]*)[\])]", re.MULTILINE)  # default: ['pages']
PELICAN_LIST = re.compile(r"['\"]([^'\"]+)['\"]")
PELICAN_DATE = re.compile(r"\{date:([^}]*)\}")


class Blank(dict):  # type: ignore[type-arg]
    """A URL pattern's unknown `{field}` is empty, never an error."""

    def __missing__(self, key: str) -> str:
        return ""


def pelican_site(root: Path, posts_dir: Path) -> Site | None:
    """pelicanconf.py, read as text (never run): SITEURL, ARTICLE_URL (`{slug}`, `{date:%Y}`,
    `{category}`, `{lang}`) and AUTHOR; the default rule is Pelican's `{slug}.html`."""
    path = root / "pelicanconf.py"
    if not path.is_file():
        return None
    try:
        source = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ValueError(f"{path}: unreadable Pelican config ({exc}); using the default URLs") from None
    settings = {m.group(1): m.group(3) for m in PELICAN_SETTING.finditer(source)}
    pattern = settings.get("ARTICLE_URL", "{slug}.html")

    def path_for(post: PostInfo) -> str:
        slug = text(post.metadata.get("slug")) or slugify(post.title or strip_date(file_stem(post.rel)))
        when = dt.datetime.fromisoformat(post.date) if post.date else None

        def date(match: re.Match[str]) -> str:
            return when.strftime(match.group(1)) if when else ""

        values = {"slug": slug, "category": slugify(post.categories[0]) if post.categories else "misc",
                  "lang": text(post.metadata.get("lang")) or "en"}
        try:
            return join_url(PELICAN_DATE.sub(date, pattern).format_map(Blank(values)))
        except (ValueError, IndexError):  # a pattern Python's format cannot read: Pelican's default
            return join_url(f"{slug}.html")

    # PATH unset: `pelican content`, as the quickstart's Makefile runs it, where there is a content/
    content = (root / (settings.get("PATH") or ("content" if (root / "content").is_dir() else "."))).resolve()
    page_paths = PELICAN_PAGE_PATHS.search(source)
    pages = [content / p for p in PELICAN_LIST.findall(page_paths[1])] if page_paths else [content / "pages"]

    def not_a_post(rel: PurePosixPath) -> str:
        full = (posts_dir / rel).resolve()
        if any(full.is_relative_to(folder) for folder in pages):
            return "a Pelican page (PAGE_PATHS), not a post"
        return ""

    return Site("pelican", path, settings.get("SITEURL", "").rstrip("/"), "/" + pattern.lstrip("/"),
                settings.get("AUTHOR", ""), path_for=path_for, not_a_post=not_a_post, title=settings.get("SITENAME", ""))


# --- a snapshot: the URLs and git dates of a copied blog (the Space build writes one) -------------

SNAPSHOT = ".localchat-site.json"


def write_snapshot(posts_dir: Path, site: Site, posts: list[Any]) -> None:
    """Keep what a copy of the posts would lose: each post's URL under the original site's rule,
    and its git dates (the copy's own history is not the blog's)."""
    data = {"generator": site.generator, "config": str(site.config or ""), "base_url": site.base_url,
            "rule": site.rule, "author": site.author, "title": site.title,
            "posts": {p.id: {"url": p.url, "git": [p.date, p.updated] if p.date_source == "git" else None}
                      for p in posts}}
    (posts_dir / SNAPSHOT).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


def snapshot_site(path: Path) -> Site:
    try:
        data = lower(json.loads(path.read_text(encoding="utf-8")))
        posts = {str(k): lower(v) for k, v in lower(data.get("posts")).items()}
    except (OSError, ValueError, AttributeError) as exc:
        return Site(problems=[f"{path}: unreadable snapshot ({exc}); using the default URLs"])
    urls = {pid: text(v.get("url")) for pid, v in posts.items()}
    dates = {}
    for pid, v in posts.items():
        if isinstance(v.get("git"), list) and len(v["git"]) == 2:
            try:
                dates[pid] = (dt.date.fromisoformat(v["git"][0]), dt.date.fromisoformat(v["git"][1] or v["git"][0]))
            except (TypeError, ValueError):
                continue

    def path_for(post: PostInfo) -> str:
        return urls.get(post.rel.as_posix()) or join_url(pattern_path(DEFAULT_PATTERN, post))

    generator = text(data.get("generator"))
    return Site(generator or "snapshot", path, text(data.get("base_url")), text(data.get("rule")) or DEFAULT_PATTERN,
                text(data.get("author")), path_for=path_for, git_dates=dates, title=text(data.get("title")))


# --- no generator: the configurable pattern ------------------------------------------------------


def site_path(value: Any, base_url: str) -> str:
    own = site_relative(value, base_url)
    return join_url(own) if own else ""


def pattern_path(pattern: str, post: PostInfo) -> str:
    """--url-pattern: {slug} {path} {year} {month} {day}."""
    slug = text(post.metadata.get("slug")) or re.sub(r"^\d{4}-\d{2}-\d{2}-", "", file_stem(post.rel))
    parts = date_parts(post.date)
    try:
        return pattern.format(slug=slug, path=str(post.rel.with_suffix("")), year=parts["year"], month=parts["month"],
                              day=parts["day"])
    except (KeyError, IndexError, ValueError):
        return DEFAULT_PATTERN.format(slug=slug)
