"""`localchat serve`: the chat page and the HTTP API on one port, open at once while the index syncs.

Owner mode (the default) binds 127.0.0.1 and watches the posts folder. Reader mode (`--reader`,
implied by `--share`) never shows drafts, hides the owner's controls, caps question length and
rate-limits each reader. `--share` puts the app on the internet, so it needs `--auth` unless
`--public` says that is really meant.
"""

from __future__ import annotations

import errno
import logging
import re
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from starlette.requests import cookie_parser

from localchat.config import Config
from localchat.engine import MAX_QUESTION_CHARS, Engine
from localchat.errors import ConfigError, LocalchatError
from localchat.index.store import exists as index_exists
from localchat.index.store import is_remote
from localchat.ingest.posts import check_folder
from localchat.model.registry import downloaded, resolve_model
from localchat.serve import pages
from localchat.serve.api import apply_origin_policy, authorized, mount_api
from localchat.serve.app import CSS, build_app
from localchat.serve.insights import Insights
from localchat.serve.limits import Admission, RateLimiter
from localchat.serve.service import Service
from localchat.serve.upgrade import Upgrade
from localchat.serve.watch import PostsWatcher, summary

log = logging.getLogger("localchat")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
START_WAIT = 3.0  # seconds the page waits for the start-up sync of a small blog before it opens anyway
SMALL_BLOG_POSTS = 100  # more posts to embed than this: the page opens without waiting


@dataclass
class Running:
    """A launched app: `url` to open, `close()` to stop the server and the watcher."""

    demo: Any
    service: Service
    url: str
    share_url: str | None
    watcher: PostsWatcher | None
    syncing: threading.Thread | None = None  # the start-up sync, running beside the app

    def wait_for_index(self, timeout: float = 600) -> None:
        """Block until the start-up sync is done (tests and benchmarks that need the whole blog)."""
        if self.syncing:
            self.syncing.join(timeout)
            if self.syncing.is_alive():
                raise TimeoutError(f"the start-up sync did not finish in {timeout:.0f}s")

    def close(self) -> None:
        if self.watcher:
            self.watcher.stop()
        if self.service.insights:
            self.service.insights.flush(5)  # the last questions asked reach the store
        self.demo.close()


def parse_auth(auth: str | None) -> tuple[str, str] | None:
    if auth is None:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        raise ConfigError("--auth needs USER:PASS, both non-empty")
    return user, password


def check_exposure(config: Config, *, share: bool, auth: str | None, public: bool) -> None:
    """Refuse to put the app on the internet by accident; warn when it is on purpose."""
    if share and not auth and not public:
        raise ConfigError("--share makes the app reachable from the internet: add --auth USER:PASS, "
                          "or --public if you really mean it")
    if share and public and not auth:
        log.warning("--public: anyone with the share link can ask questions (reader mode, no drafts)")
    if config.host not in LOOPBACK and not auth:
        log.warning("binding %s without --auth: every machine that can reach this one can use the app",
                    config.host)


def check_port(host: str, port: int) -> None:
    """One line naming --port when the address is taken, before anything is indexed (Gradio
    would say so only after the start-up sync, and in terms of its own launch() and variables)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT is no conflict
        try:
            probe.bind((host, port))
        except OSError as exc:
            reason = "is already in use" if exc.errno == errno.EADDRINUSE else f"cannot be used ({exc.strerror})"
            raise ConfigError(f"port {port} on {host} {reason}: start with another one, e.g. "
                              f"`localchat serve --port {port + 1}` (or stop what runs there)") from None


def logged_in(app: Any, headers: dict[str, str], credentials: tuple[str, str] | None) -> bool:
    """The app's own login: the API's credentials, or the session cookie Gradio's login page set."""
    if credentials is None or authorized(headers.get("authorization"), credentials):
        return True
    cookies = cookie_parser(headers.get("cookie", ""))  # lenient, as Gradio's own: one odd cookie spoils nothing
    cookie_id = getattr(app, "cookie_id", "")
    return any(getattr(app, "tokens", {}).get(cookies.get(name, ""))
               for name in (f"access-token-{cookie_id}", f"access-token-unsecure-{cookie_id}"))


def allowed_origins(setting: str) -> set[str]:
    """`https://Example.com/` as the browser sends it: https://example.com. A site with a path
    (`https://example.com/blog`) is one line, since an Origin never has one."""
    origins = set()
    for raw in (o.strip() for o in setting.split(",")):
        if not raw:
            continue
        match = re.fullmatch(r"(https?)://([^/\s]+)/?", raw, re.I)
        if not match:
            raise ConfigError(f"allowed_origins: {raw!r} is not a site: give scheme and host only, "
                              "e.g. https://example.com (no path)")
        origins.add(f"{match[1].lower()}://{match[2].lower()}")
    return origins


def make_service(config: Config, *, reader: bool) -> Service:
    engine = Engine(config, reader=reader)
    if config.llm_url:  # a model server: reached once now, so one that is down is one line at start
        engine.check_model()
        name = engine.model.describe()
    else:
        name = resolve_model(config.model or None, config.models_dir).stem  # fails fast, one line, if missing
    return Service(
        engine, reader=reader,
        rate=RateLimiter(config.rate_limit if reader else 0),
        origin_rate=RateLimiter(config.origin_rate_limit, burst=max(3, int(config.origin_rate_limit // 6))),
        insights=Insights(config.index, config.insights_days) if reader and config.insights else None,
        admission=Admission(max(1, config.max_waiting)),
        max_question_chars=min(config.reader_max_chars, MAX_QUESTION_CHARS) if reader else MAX_QUESTION_CHARS,
        model_name=name,
    )


def serve(config: Config, *, share: bool = False, auth: str | None = None, public: bool = False,
          reader: bool = False, prevent_thread_lock: bool = False, start_wait: float = START_WAIT,
          progress: Callable[[int, int], None] | None = None) -> Running:
    check_exposure(config, share=share, auth=auth, public=public)
    credentials = parse_auth(auth)
    check_port(config.host, config.port)
    if is_remote(config.index):
        index_exists(config.index)  # object storage that cannot be reached: one line, before anything loads
    reader = reader or share
    upgrade = None
    if config.upgrade_model and not config.llm_url:
        present = downloaded(config.upgrade_model, config.models_dir)
        if present:  # downloaded on an earlier start (a Space's persistent storage)
            config = config.replace(model=str(present))
        else:
            upgrade = Upgrade(config.upgrade_model, config.models_dir)
    service = make_service(config, reader=reader)
    if service.insights:
        service.insights.start()  # past the retention period: deleted now, not at the first question
    if upgrade:
        service.upgrade = upgrade
        upgrade.start(service)

    def synced(report: Any) -> None:
        print(f"index: {summary(report)} in {report.seconds:.1f}s", flush=True)
        for message in service.engine.messages:
            print(f"index: {message}", flush=True)

    # The page and the API open now; the sync runs beside them, answering from what is indexed.
    # A reader replica of an index on object storage only reads it: one writer (`localchat index`,
    # or the owner's serve) keeps it in step, and replicas see each commit within seconds.
    shared = reader and is_remote(config.index)
    syncing = None
    if not shared:
        check_folder(config.posts)
        syncing = service.sync_in_background(progress, synced)

    if syncing:  # a small blog is indexed in this time: its page opens with its overview and examples
        waited = time.monotonic()
        while syncing.is_alive() and time.monotonic() - waited < start_wait:
            indexing = service.indexing
            if indexing and indexing[1] > SMALL_BLOG_POSTS:
                break  # a big sync: open now, it reports its progress on the page
            syncing.join(0.05)
    watch = (config.watch if config.watch is not None else not reader) and not shared
    watcher = PostsWatcher(config.posts, service.sync).start() if watch else None

    demo = build_app(service)
    demo.queue(max_size=service.admission.max_waiting, default_concurrency_limit=1)
    blocked = [str(Path(p).resolve()) for p in (config.posts, config.index, config.models_dir) if "://" not in str(p)]
    try:
        _, url, share_url = demo.launch(
            server_name=config.host, server_port=config.port, share=share, auth=credentials,
            blocked_paths=blocked, max_file_size="1mb", prevent_thread_lock=True, footer_links=[],
            quiet=True, show_error=False,  # Gradio's own banner talks about launch(share=True): we say it ourselves
            css=CSS,
        )
    except OSError as exc:  # the port is taken, the address is not this machine's, no share tunnel
        if watcher:
            watcher.stop()
        raise LocalchatError(f"cannot start the app on {config.host}:{config.port}: {exc}") from None
    mount_api(demo.app, service, auth=credentials)
    pages.install(demo.app, service, lambda headers: logged_in(demo.app, headers, credentials))
    apply_origin_policy(demo.app, allowed_origins(config.allowed_origins))
    running = Running(demo, service, url, share_url, watcher, syncing)
    mode = "reader mode" if reader else "owner mode"
    print(f"localchat: {mode} on {url}" + (" (watching posts for changes)" if watcher else ""), flush=True)
    if share_url:
        print(f"localchat: shared at {share_url} (reader mode)", flush=True)
    if not prevent_thread_lock:
        try:
            demo.block_thread()
        finally:
            if watcher:
                watcher.stop()
    return running
