"""The widget's budget, measured in a real browser: size, time to draw the button, time to evidence.

    python scripts/widget_bench.py [--rounds 10] [--json docs/benchmarks/widget.json]

`localchat serve --reader` on the sample posts (bundled model, reader mode: the quote, no model
generation) and a static page on a second loopback port with the one script tag. Headless
Chromium (Debian's chromium + chromium-driver) loads the page `--rounds` times; each time the
browser itself times (performance.now) how long after the script finished loading the button was
drawn (the widget's `localchat-drawn` mark), then asks a question and times from the submit to the
quoted evidence appearing in the panel. Prints medians and worst cases; budgets from issue 24:
30 kB gzipped, 100 ms, 0.5 s.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import finish, free_port, headless_chromium  # noqa: E402

QUESTIONS = ["How do you feed your sourdough starter?", "How long should cold brew steep?",
             "How do you wire the BME280 sensor?", "How do you back up your server?"]
WATCH = """
const root = document.querySelector('localchat-chat').shadowRoot;
window.__asked = null; window.__evidence = null;
root.querySelector('form').addEventListener('submit', () => { window.__asked = performance.now(); }, true);
new MutationObserver(() => {
  if (window.__asked && !window.__evidence && root.querySelectorAll('.bot blockquote').length) window.__evidence = performance.now();
}).observe(root.querySelector('.log'), {childList: true, subtree: true});
"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--screenshot", type=Path, help="save the last round's page, answer complete, as a PNG")
    args = parser.parse_args(argv)
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        print("needs Debian's chromium and chromium-driver", file=sys.stderr)
        return 2
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from localchat.config import Config
    from localchat.serve.server import serve

    tmp = Path(tempfile.mkdtemp(prefix="widget-bench-"))
    blog_port = free_port()
    site = f"http://127.0.0.1:{blog_port}"
    config = Config(posts=ROOT / "posts", index=tmp / "index", port=free_port(), allowed_origins=site, rate_limit=0,
                    watch=False, insights=False)
    app = serve(config, reader=True, prevent_thread_lock=True, start_wait=600)
    app.wait_for_index()
    (tmp / "blog").mkdir()
    (tmp / "blog" / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><title>A blog</title><body style="font-family:Georgia,serif;'
        'max-width:40em;margin:3em auto;color:#333"><h1>A blog</h1><p>A post about bread, coffee and sensors, '
        'with the chat in the corner.</p>'
        f'<script src="{app.url}widget.js" defer></script></body>')
    blog = ThreadingHTTPServer(("127.0.0.1", blog_port), partial(Quiet, directory=str(tmp / "blog")))
    threading.Thread(target=blog.serve_forever, daemon=True).start()
    browser = headless_chromium(chromium, driver_path)
    drawn, evidence = [], []
    try:
        for i in range(args.rounds):
            browser.get(site)
            deadline = time.monotonic() + 30
            while not browser.execute_script("return performance.getEntriesByName('localchat-drawn').length"):
                if time.monotonic() > deadline:
                    raise SystemExit("the widget never drew its button")
                time.sleep(0.01)
            drawn.append(browser.execute_script(
                "const s = performance.getEntriesByType('resource').find(e => e.name.endsWith('/widget.js'));"
                "return performance.getEntriesByName('localchat-drawn')[0].startTime - s.responseEnd;"))
            browser.execute_script(WATCH)
            root = browser.execute_script("return document.querySelector('localchat-chat').shadowRoot")
            root.find_element(By.CSS_SELECTOR, ".launcher").click()
            box = root.find_element(By.CSS_SELECTOR, "textarea")
            box.send_keys(QUESTIONS[i % len(QUESTIONS)])
            box.send_keys(Keys.ENTER)
            deadline = time.monotonic() + 60
            while not browser.execute_script("return window.__evidence"):
                if time.monotonic() > deadline:
                    raise SystemExit("no evidence shown")
                time.sleep(0.01)
            evidence.append(browser.execute_script("return window.__evidence - window.__asked"))
        if args.screenshot:
            deadline = time.monotonic() + 60
            while not root.find_elements(By.CSS_SELECTOR, ".bot .thumbs") and time.monotonic() < deadline:
                time.sleep(0.05)
            browser.save_screenshot(str(args.screenshot))
    finally:
        browser.quit()
        blog.shutdown()
        app.close()
    size = len(gzip.compress((ROOT / "localchat" / "serve" / "widget.js").read_bytes(), 9))
    result = {"ok": True, "rounds": args.rounds, "gzipped_bytes": size,
              "button_drawn_ms": {"median": round(statistics.median(drawn), 1), "max": round(max(drawn), 1)},
              "evidence_ms": {"median": round(statistics.median(evidence), 1), "max": round(max(evidence), 1),
                              "each": [round(e) for e in evidence]}}
    print(f"widget.js {size / 1000:.1f} kB gzipped (budget 30 kB); button drawn {result['button_drawn_ms']} ms "
          f"after the script loaded (budget 100); evidence {result['evidence_ms']} ms after the question (budget 500)",
          file=sys.stderr)
    return finish(result, args.json) if args.json else 0


if __name__ == "__main__":
    sys.exit(main())
