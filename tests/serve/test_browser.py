"""A real browser on the real page: type a question, see the quoted evidence first, watch the answer
stream, see the source links.

Uses Debian's chromium and chromium-driver (.ci/run installs them); skipped where they are absent.
The screenshot is saved in the test's temp folder, to be looked at.
"""

from __future__ import annotations

import time
from pathlib import Path

from conftest import needs_browser

pytestmark = needs_browser  # the `browser` fixture: conftest.py


def test_a_reader_asks_and_sees_the_answer_stream_with_source_links(owner_app, browser, tmp_path: Path) -> None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(owner_app.url)
    box = WebDriverWait(browser, 60).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
    box.send_keys("How often should I feed my sourdough starter?")
    box.send_keys(Keys.ENTER)

    lengths: list[int] = []  # the bot message's length over time: several values means it streamed
    deadline = time.monotonic() + 120
    href, changed, first_text = None, time.monotonic(), ""
    while time.monotonic() < deadline:
        try:  # the page re-renders as text streams in: an element read a moment ago may be gone
            bots = browser.find_elements(By.CSS_SELECTOR, "#chat [data-testid='bot']")
            n = len(bots[-1].text) if bots else None
            links = {a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#sources a")}
        except StaleElementReferenceException:
            continue
        if n is not None and (not lengths or n != lengths[-1]):
            lengths.append(n)
            changed = time.monotonic()
            first_text = first_text or (bots[-1].text if n else "")
        href = links.get("Sourdough Starter Care", href)
        if href and "#" in href and lengths and time.monotonic() - changed > 3:  # answer and sources settled
            break
        time.sleep(0.05)
    browser.save_screenshot(str(tmp_path / "chat.png"))
    assert href, "no source link to the post"
    assert href.endswith("/posts/bread/#feeding")
    assert len([n for n in lengths if n]) > 2, f"the answer did not stream: {lengths}"
    # the passage that answers is on the page first, before the model's words, with its post link
    assert first_text.startswith("Feed the starter equal weights"), first_text
    quote = browser.find_elements(By.CSS_SELECTOR, "#chat [data-testid='bot'] blockquote")
    assert quote and "Sourdough Starter Care" in quote[-1].text
    assert (tmp_path / "chat.png").stat().st_size > 10_000


def test_a_newcomers_first_page_has_examples_and_every_link_opens_a_post(browser, tmp_path: Path) -> None:
    """`localchat serve` on the sample posts with no index yet: the very first page shows example
    questions, and the source links of an answer open the post (served by the app itself, since the
    sample blog has no address)."""
    from conftest import SAMPLE_POSTS, free_port
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from localchat.config import Config
    from localchat.serve.server import serve

    running = serve(Config(posts=SAMPLE_POSTS, index=tmp_path / "ix", port=free_port(), max_tokens=16),
                    prevent_thread_lock=True, start_wait=0)
    try:
        browser.get(running.url)
        WebDriverWait(browser, 60).until(ec.text_to_be_present_in_element((By.ID, "chat"), "latest post"))
        browser.save_screenshot(str(tmp_path / "first-page.png"))
        assert "Half-finished" not in browser.find_element(By.ID, "chat").text  # the draft's title
        running.wait_for_index()
        browser.refresh()
        box = WebDriverWait(browser, 60).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#question textarea")))
        box.send_keys("How do you wire the BME280 sensor?\n")
        link = WebDriverWait(browser, 300).until(
            ec.presence_of_element_located((By.PARTIAL_LINK_TEXT, "Raspberry Pi Weather Station")))
        hrefs = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#sources a")}
        assert link.get_attribute("href") in hrefs
        for href in sorted(hrefs):
            browser.get(href)
            heading = WebDriverWait(browser, 30).until(ec.presence_of_element_located((By.TAG_NAME, "h1")))
            assert heading.text and "404" not in browser.title, href
        browser.save_screenshot(str(tmp_path / "post.png"))
        assert (tmp_path / "first-page.png").stat().st_size > 10_000
    finally:
        running.close()
