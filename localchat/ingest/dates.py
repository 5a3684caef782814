"""Dates: where a post's publication date is written, read the way blogs write it.

A post's date is the first of these that has one (`date_source` says which):
  frontmatter:<key>  a date key in the frontmatter (date, pubDate, published, created, …)
  filename           a YYYY-MM-DD prefix of the file name (Jekyll, Zola, Eleventy) or of a bundle's folder
  path               a date inside the frontmatter `path` or `slug` (Zola: path = "2015/06/25/rust-1.1")
  url                a date inside the frontmatter `url` or `permalink` (site-relative)
  folders            dated folders above the file: 2019/07/27/title.md, 2020/01/title.md
  git                the commit that first added the file (git.py)
`updated` comes from updated/lastmod/modified keys, else (for a post only git dates) from a later commit.
Free-form values ("March 5, 2021") go through dateutil; paths are matched by pattern because
a path is not prose: 2015/06/25 is a date there, and "25" alone never is.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath
from typing import Any

from dateutil import parser as dateparser

# Keys are lower-cased before lookup. Order matters: the first key present wins.
DATE_KEYS = ("date", "pubdate", "publishdate", "published", "publish_date", "published_at", "publishedat",
             "published_date", "pub_date", "created", "created_at", "createdat", "date_published", "posted")
UPDATED_KEYS = ("updated", "lastmod", "modified", "updateddate", "updated_at", "updatedat", "last_modified",
                "lastmodified", "date_modified", "modified_date", "updated_date")
PATH_KEYS = ("path", "slug")
URL_KEYS = ("url", "permalink")

# YYYY-MM-DD at the start of a name, followed by a separator or the end (2021-03-04-title, 2021-03-04_title)
NAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?=$|[-_T. ])")
# A date made of path segments (2015/06/25, 2024/05) or written whole (2015-06-25) inside a path
SEGMENT_DATE = re.compile(r"(?:^|/)((?:19|20)\d\d)/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?(?=/|$)"
                          r"|(?:^|[/_-])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=$|[/_\-.T])")
HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)")


class BadDate(ValueError):
    """A date key whose value is not a date."""


def to_date(value: Any) -> dt.date | None:
    """A date from a frontmatter value: YAML/TOML dates, ISO strings, or prose like 'March 5, 2021'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if not HAS_YEAR.search(text):  # dateutil would fill a missing year with this year's: never guess
        return None
    try:
        return dateparser.parse(text, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _ymd(year: str, month: str, day: str | None) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        return None


def from_name(rel: PurePosixPath) -> dt.date | None:
    """2021-03-04-title.md, or a bundle 2021-03-04-title/index.md."""
    name = rel.parent.name if rel.stem.lower() == "index" and len(rel.parts) > 1 else rel.name
    match = NAME_DATE.match(name)
    return _ymd(*match.groups()) if match else None


def from_path_text(text: str) -> dt.date | None:
    """A date inside a path or URL: /blog/2024/05/title/, 2015/06/25/rust-1.1, /2015-06-25-title/."""
    text = re.sub(r"^[a-z]+://[^/]+", "", text.strip())
    match = SEGMENT_DATE.search(text)
    if not match:
        return None
    groups = match.groups()
    return _ymd(*groups[:3]) if groups[0] else _ymd(*groups[3:])


def from_folders(rel: PurePosixPath) -> dt.date | None:
    """Dated folders above the file: 2019/07/27/title.md or 2020/01/title.md (a year alone is no date)."""
    folders = "/".join(rel.parts[:-1])
    if rel.stem.lower() == "index":  # a bundle: its own folder is the post, not a date
        folders = "/".join(rel.parts[:-2])
    match = SEGMENT_DATE.search(folders) if folders else None
    if not match or not match.group(1):
        return None
    return _ymd(*match.groups()[:3])


def frontmatter_date(metadata: dict[str, Any], keys: tuple[str, ...]) -> tuple[dt.date, str] | None:
    """The first date key present, as (date, key). A key that holds no date raises BadDate;
    `published: true` is a flag, not a date, and is passed over."""
    for key in keys:
        value = metadata.get(key)
        if value is None or value == "" or isinstance(value, bool):
            continue
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            continue
        day = to_date(value)
        if day is None:
            raise BadDate(key)
        return day, key
    return None


def site_relative(value: Any, base_url: str) -> str:
    """A frontmatter url/permalink as a path on this site, or "" when it points elsewhere
    (a link post's `url` is the page it links to, not where the post lives)."""
    if not isinstance(value, str) or not value.strip():
        return ""
    text = value.strip()
    match = re.match(r"^([a-z][a-z0-9+.-]*:)?//([^/]+)(.*)$", text, re.IGNORECASE)
    if match:
        host = re.sub(r"^[a-z]+://", "", base_url.lower()).split("/")[0]
        return match.group(3) or "/" if host and match.group(2).lower() == host else ""
    if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.IGNORECASE):  # mailto:, javascript:, …
        return ""
    return text


def git_updated(found: tuple[dt.date, str] | None, git: tuple[dt.date, dt.date] | None) -> dt.date | None:
    """The last commit as the day a post was updated — only for a post that git also dates (a note
    with no date written anywhere; a note never changed since reads updated = date, which nothing
    shows as an update). A blog that
    writes its dates down says `updated:` when it means it: there, a commit is a migration, a
    reformat or the import of the whole blog (every sample post read "updated" on the day it was
    committed), never an edit a reader should be told about."""
    if not git or found is None or found[1] != "git":
        return None
    return git[1]


def post_dates(
    metadata: dict[str, Any], rel: PurePosixPath, base_url: str, git: tuple[dt.date, dt.date] | None
) -> tuple[str, str, str]:
    """(date, date_source, updated) as ISO strings ("" when unknown)."""
    found: tuple[dt.date, str] | None = None
    hit = frontmatter_date(metadata, DATE_KEYS)
    if hit:
        found = (hit[0], f"frontmatter:{hit[1]}")
    if found is None and (day := from_name(rel)):
        found = (day, "filename")
    if found is None:
        for key in PATH_KEYS:
            if isinstance(metadata.get(key), str) and (day := from_path_text(metadata[key])):
                found = (day, "path")
                break
    if found is None:
        for key in URL_KEYS:
            if (link := site_relative(metadata.get(key), base_url)) and (day := from_path_text(link)):
                found = (day, "url")
                break
    if found is None and (day := from_folders(rel)):
        found = (day, "folders")
    if found is None and git:
        found = (git[0], "git")
    try:
        updated_hit = frontmatter_date(metadata, UPDATED_KEYS)
    except BadDate:
        updated_hit = None  # a broken `updated` costs the post its updated date, nothing more
    updated = updated_hit[0] if updated_hit else git_updated(found, git)
    if found is None:
        return "", "", updated.isoformat() if updated else ""
    return found[0].isoformat(), found[1], updated.isoformat() if updated else ""
