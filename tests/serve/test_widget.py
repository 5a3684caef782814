"""The chat on the blog's own pages: /widget.js in a real browser, from a second origin.

A static page on one loopback port (the blog) loads the script from `localchat serve --reader` on
another (the chat server, with that page's origin allowed); a page on a third port is not allowed.
Headless Chromium opens the panel, asks, sees the quoted evidence and then the answer with a link
to the real post, asks a follow-up, gives a thumbs up; a question no post answers reaches
`localchat insights`. Skipped where Debian's chromium and chromium-driver are absent.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from conftest import free_port, launch, needs_browser

from localchat.serve import insights

WIDGET = Path(__file__).resolve().parents[2] / "localchat" / "serve" / "widget.js"
INJECTIONS = ['<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=1</script>",
              "[click](javascript:window.__pwned=1)"]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D102 - keep the test output clean
        pass


def static_site(root: Path, chat_url: str, port: int | None = None) -> tuple[ThreadingHTTPServer, str]:
    """A blog page with the one script tag, on its own loopback port (its own origin)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "index.html").write_text(
        "<!doctype html><html><head><title>My blog</title>"
        "<style>button{background:red!important} *{font-size:40px}</style></head>"  # the host's styles must not leak in
        f"<body><h1>My blog</h1><script src=\"{chat_url}widget.js\" defer></script></body></html>")
    server = ThreadingHTTPServer(("127.0.0.1", port or free_port()), partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("widget")
    blog_port = free_port()
    allowed = f"http://127.0.0.1:{blog_port}"
    app = launch(root / "chat", reader=True, allowed_origins=allowed, rate_limit=0, watch=False)
    blog, _ = static_site(root / "blog", app.url, blog_port)
    other, other_url = static_site(root / "other", app.url)
    yield app, allowed, other_url
    blog.shutdown()
    other.shutdown()
    app.close()


def panel(browser, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(
        lambda d: d.execute_script("var c = document.querySelector('localchat-chat'); return c && c.shadowRoot"))


def ask(browser, root, question: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = root.find_element(By.CSS_SELECTOR, "textarea")
    box.send_keys(question)
    box.send_keys(Keys.ENTER)


def wait_for(predicate, timeout: float = 90, what: str = "") -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.fast
def test_the_widget_is_small_and_builds_no_html_from_the_server() -> None:
    source = WIDGET.read_text()
    assert len(gzip.compress(source.encode(), 9)) < 30_000
    for api in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser", "eval(", "Function(",
                "createContextualFragment", "srcdoc"):
        assert api not in source, api


def test_the_widget_is_served_and_other_sites_are_refused(sites) -> None:
    app, allowed, other = sites
    r = httpx.get(app.url + "widget.js", timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    body = {"model": "localchat", "messages": [{"role": "user", "content": "How often should I feed my starter?"}]}
    refused = httpx.post(app.url + "v1/chat/completions", json=body, headers={"Origin": other}, timeout=60)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "origin_not_allowed"
    assert other in refused.json()["error"]["message"] and "allowed_origins" in refused.json()["error"]["message"]
    granted = httpx.post(app.url + "v1/chat/completions", json=body, headers={"Origin": allowed}, timeout=120)
    assert granted.status_code == 200 and granted.headers["access-control-allow-origin"] == allowed


@needs_browser
def test_a_reader_chats_on_the_blog_page(sites, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    app, allowed, _ = sites
    started = time.monotonic()
    browser.get(allowed)
    root = panel(browser)
    drawn = time.monotonic() - started
    launcher = root.find_element(By.CSS_SELECTOR, ".launcher")
    assert launcher.get_attribute("aria-expanded") == "false" and launcher.get_attribute("aria-label")
    # the host page's `button{background:red}` and `*{font-size:40px}` do not reach the widget
    assert "255, 0, 0" not in launcher.value_of_css_property("background-color")
    launcher.click()
    assert launcher.get_attribute("aria-expanded") == "true"

    asked = time.monotonic()
    ask(browser, root, "How often should I feed my sourdough starter?")
    evidence_after = wait_for(lambda: root.find_elements(By.CSS_SELECTOR, ".bot blockquote"), what="the evidence")
    assert "Feed the starter equal weights" in root.find_element(By.CSS_SELECTOR, ".bot blockquote").text
    wait_for(lambda: root.find_elements(By.CSS_SELECTOR, ".bot .thumbs"), what="the end of the answer")
    links = {a.text: a.get_attribute("href") for a in root.find_elements(By.CSS_SELECTOR, ".bot a.source")}
    post = links.get("Sourdough Starter Care", "")
    assert post.startswith(app.url) and post.endswith("/posts/bread/#feeding"), links  # the chat server's own copy
    assert "Feed the starter" in httpx.get(post, timeout=30).text  # (with base_url set: the blog's own page)
    assert not root.find_elements(By.CSS_SELECTOR, ".error")
    first_answer = time.monotonic() - asked

    ask(browser, root, "And what flour do you use for it?")  # a follow-up, in the same conversation
    wait_for(lambda: len(root.find_elements(By.CSS_SELECTOR, ".bot .thumbs")) == 2, what="the follow-up's answer")
    assert len(root.find_elements(By.CSS_SELECTOR, ".msg.user")) == 2

    root.find_elements(By.CSS_SELECTOR, ".thumb-up")[0].click()
    app.service.insights.flush()
    wait_for(lambda: insights.summary(app.service.engine.config.index, []).feedback["up"] == 1, 10, "the thumbs up")

    # the server unreachable while the panel is open (the network fails the next request): a clear
    # note, and the question after it is answered again
    browser.execute_script("const real = window.fetch; let failed = false; window.fetch = (...a) => "
                           "failed ? real(...a) : (failed = true, Promise.reject(new TypeError('Failed to fetch')));")
    ask(browser, root, "How long should cold brew steep?")
    wait_for(lambda: root.find_elements(By.CSS_SELECTOR, ".error"), what="the note that the chat is unreachable")
    assert "can't be reached" in root.find_element(By.CSS_SELECTOR, ".error").text
    ask(browser, root, "How long should cold brew steep?")
    wait_for(lambda: len(root.find_elements(By.CSS_SELECTOR, ".bot .thumbs")) == 3, what="the answer after recovery")

    for text in INJECTIONS:  # typed into the widget, shown as text, run nowhere
        ask(browser, root, text)
        wait_for(lambda: not root.find_element(By.CSS_SELECTOR, "textarea").get_attribute("disabled"), what="idle")
    assert browser.execute_script("return window.__pwned") is None
    shown = [u.text for u in root.find_elements(By.CSS_SELECTOR, ".msg.user")]
    assert INJECTIONS[0] in shown and INJECTIONS[1] in shown
    assert not root.find_elements(By.CSS_SELECTOR, "img, script:not([src])")

    browser.save_screenshot(str(tmp_path / "widget.png"))
    print(json.dumps({"button_drawn_s": round(drawn, 3), "evidence_s": round(evidence_after, 3),
                      "first_answer_s": round(first_answer, 3)}))


@needs_browser
def test_a_page_from_a_site_not_allowed_gets_nothing(sites, browser) -> None:
    from selenium.webdriver.common.by import By

    app, _, other = sites
    before = len(insights.read_rows(app.service.engine.config.index))
    browser.get(other)
    root = panel(browser)  # a script tag loads anywhere; the API answers only allowed sites
    root.find_element(By.CSS_SELECTOR, ".launcher").click()
    ask(browser, root, "How often should I feed my sourdough starter?")
    wait_for(lambda: root.find_elements(By.CSS_SELECTOR, ".error"), what="the refusal")
    assert not root.find_elements(By.CSS_SELECTOR, ".bot blockquote")
    app.service.insights.flush()
    assert len(insights.read_rows(app.service.engine.config.index)) == before  # nothing was asked


def test_an_unanswered_question_reaches_localchat_insights_within_a_second(sites) -> None:
    app, allowed, _ = sites
    question = "What is your recipe for focaccia?"
    body = {"model": "localchat", "messages": [{"role": "user", "content": question}]}
    r = httpx.post(app.url + "v1/chat/completions", json=body, headers={"Origin": allowed}, timeout=120)
    assert r.status_code == 200 and r.json()["refused"] is True
    index = app.service.engine.config.index
    seen = wait_for(lambda: any(u["question"] == question for u in insights.summary(index, []).unanswered), 5,
                    "the question in the store")
    print(f"in the store {seen:.3f}s after the answer")  # the bar is 1 s (issue 24); timed, not asserted tightly
    assert seen < 10
    out = subprocess.run([sys.executable, "-m", "localchat", "insights", "--json", "--index", str(index)],
                         capture_output=True, text=True, timeout=120, check=True)
    data = json.loads(out.stdout)
    entry = next(u for u in data["unanswered"] if u["question"] == question)
    assert entry["count"] == 1 and "focaccia" in entry["topic"]
    assert data["questions"] >= 1 and set(data) >= {"questions", "unanswered", "top_posts"}
    rows = insights.read_rows(index)  # what is kept: no reader address (the only 127.0.0.1 is the test blog's site)
    assert {k for row in rows for k in row} <= set(insights.SCHEMA.names) | {"_rowid", "_distance"}
    assert not any("127.0.0.1" in json.dumps({k: v for k, v in row.items() if k != "origin"}) for row in rows)
