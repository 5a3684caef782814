"""The blog's own posts, served by the app at their site-relative paths.

Every source, evidence and related-post link points at a post's URL. When the blog's address is
known (its generator config or `base_url`), that is the real post. When it is not (a bare folder of
notes, the sample posts), the link is site-relative (`/posts/cold-brew/`) and would open nothing:
the app then serves the post itself at that path, from the index, so every link it shows opens.

Only published posts are served, in owner and reader mode alike: the page is read through the
view's `post_sections`, which holds published posts only, whatever the index holds. Behind `--auth` a page needs the same login as
the app (Gradio's session cookie) or the API (`Authorization`); without it the path is passed on
to the app like any other, so an anonymous request cannot tell a post's path from any other.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Any, Callable, Sequence
from urllib.parse import unquote

from starlette.concurrency import run_in_threadpool

from localchat.errors import LocalchatError
from localchat.index.catalog import Entry
from localchat.index.view import published

log = logging.getLogger("localchat")
# Gradio's own routes and the API: never a post, so never a look at the catalog
APP_PATHS = ("/gradio_api", "/assets", "/static", "/config", "/file=", "/theme", "/info", "/queue", "/upload",
             "/login", "/logout", "/heartbeat", "/manifest.json", "/favicon", "/api/", "/v1/", "/svelte", "/custom_component")

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 17px/1.6 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
header p {{ color: #666; margin-top: 0; }} h2 {{ margin-top: 2rem; }} a {{ color: #2457a6; }}
</style></head>
<body><header><h1>{title}</h1><p>{byline}</p></header>
<main>
{body}
</main>
<footer><p><a href="/">Ask the blog</a></p></footer>
</body></html>
"""


def path_key(path: str) -> str:
    """A URL path as posts are matched by it: decoded, without the trailing slash or index.html."""
    path = unquote(path.split("#", 1)[0].split("?", 1)[0])
    for suffix in ("index.html", ".html"):
        if path.endswith("/" + suffix) or (suffix == ".html" and path.endswith(suffix)):
            path = path[: -len(suffix)]
    return path.rstrip("/") or "/"


def find_post(entries: Sequence[Entry], path: str) -> Entry | None:
    """The published post whose own (site-relative) URL is this path; never a draft."""
    key = path_key(path)
    if key == "/":
        return None
    for entry in published(entries):
        if entry.url.startswith("/") and path_key(entry.url) == key:
            return entry
    return None


def render(entry: Entry, sections: Sequence[dict[str, Any]]) -> str:
    """The post as a plain page: its title, date, and its text under its headings (with the same
    anchors the deep links use)."""
    parts: list[str] = []
    heading = ""
    for row in sections:
        if row["heading"] and row["heading"] != heading:
            heading = row["heading"]
            innermost = heading.split(" > ")[-1]
            anchor = f' id="{html.escape(row["anchor"], quote=True)}"' if row["anchor"] else ""
            parts.append(f"<h2{anchor}>{html.escape(innermost)}</h2>")
        parts += [block(paragraph) for paragraph in (row["body"] or "").split("\n\n") if paragraph.strip()]
    byline = " · ".join(html.escape(x) for x in (entry.date, ", ".join(entry.authors)) if x)
    return PAGE.format(title=html.escape(entry.title), byline=byline, body="\n".join(parts))


ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def block(paragraph: str) -> str:
    """A paragraph of the post's text: a list where its lines are items, else one wrapped paragraph
    (markdown sources are often hard-wrapped)."""
    items: list[str] = []
    for line in paragraph.strip().splitlines():
        if ITEM.match(line):
            items.append(ITEM.sub("", line))
        elif items:
            items[-1] += " " + line.strip()
        else:
            return f"<p>{html.escape(' '.join(paragraph.split()))}</p>"
    return "<ul>" + "".join(f"<li>{html.escape(' '.join(i.split()))}</li>" for i in items) + "</ul>"


class PostPages:
    """ASGI middleware in front of the app: a GET for a published post's path is answered with
    the post; everything else goes on to Gradio and the API unchanged."""

    def __init__(self, app: Any, entries: Callable[[], Sequence[Entry]], view: Callable[[], Any],
                 allowed: Callable[[dict[str, str]], bool]) -> None:
        self.app = app
        self.entries = entries
        self.view = view
        self.allowed = allowed

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"].startswith(APP_PATHS):
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if not self.allowed(headers):  # not logged in: the app answers as for any path (no oracle)
            return await self.app(scope, receive, send)
        # the catalog may read the index (a new version, object storage): never on the event loop
        page = await run_in_threadpool(self.page, scope["path"])
        if page is None:
            return await self.app(scope, receive, send)
        await respond(send, 200, page, "text/html; charset=utf-8", head=scope["method"] == "HEAD")

    def page(self, path: str) -> bytes | None:
        if path_key(path) == "/":  # the app's own page
            return None
        try:
            entry = find_post(self.entries(), path)
            return render(entry, self.view().post_sections(entry.post_id)).encode("utf-8") if entry else None
        except LocalchatError:  # no index yet
            return None
        except Exception as exc:  # noqa: BLE001 - a page that cannot be read must not break the app's own paths
            log.warning("post page %s: %s", path, exc)
            return None


async def respond(send: Any, status: int, body: bytes, kind: str, *, head: bool = False) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind.encode()), (b"content-length", str(len(body)).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-cache")]})
    await send({"type": "http.response.body", "body": b"" if head else body})


def install(app: Any, service: Any, authorized: Callable[[dict[str, str]], bool]) -> None:
    """Put PostPages in front of an already running Starlette app (as api.apply_origin_policy)."""
    if app.middleware_stack is None:
        app.middleware_stack = app.build_middleware_stack()
    engine = service.engine
    app.middleware_stack = PostPages(app.middleware_stack, engine.catalog, lambda: engine.view, authorized)
