"""Open WebUI, unmodified, talking to `localchat serve` through an OpenAI connection: the blog shows
up as a model and answers with its sources. A check for docs/clients.md, not a test: Open WebUI
is a 3 GB install of its own.

    python -m venv /tmp/owui && /tmp/owui/bin/pip install torch==2.13.0 open-webui
    python scripts/open_webui.py --open-webui /tmp/owui/bin/open-webui [--screenshot docs/screenshots/open-webui.png]

It starts `localchat serve --reader` on the sample posts and Open WebUI (no login, Ollama off, offline,
its data in a temporary folder) with OPENAI_API_BASE_URL pointing at localchat, then asks Open
WebUI's own API which models it offers and asks the blog a question through it, and with
--screenshot drives the page in headless Chromium (Debian's chromium and chromium-driver) to ask
the same question in its chat box.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Which sensor did you wire to the Raspberry Pi?"


def wait(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=3).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


def start(args: argparse.Namespace, work: Path) -> list[subprocess.Popen]:
    chat = subprocess.Popen([sys.executable, "-m", "localchat", "serve", "--reader", "--posts", str(ROOT / "posts"),
                             "--index", str(work / "index"), "--port", str(args.port)],
                            stdout=open(work / "localchat.log", "w"), stderr=subprocess.STDOUT)
    env = {**os.environ, "DATA_DIR": str(work / "owui"), "WEBUI_AUTH": "False", "ENABLE_OLLAMA_API": "False",
           "OPENAI_API_BASE_URL": f"http://127.0.0.1:{args.port}/v1", "OPENAI_API_KEY": "unused",
           "HF_HUB_OFFLINE": "1", "OFFLINE_MODE": "true", "ANONYMIZED_TELEMETRY": "False", "DO_NOT_TRACK": "true",
           "SCARF_NO_ANALYTICS": "true", "RAG_EMBEDDING_MODEL_AUTO_UPDATE": "False"}
    (work / "owui").mkdir()
    webui = subprocess.Popen([args.open_webui, "serve", "--host", "127.0.0.1", "--port", str(args.webui_port)],
                             env=env, cwd=work, stdout=open(work / "open-webui.log", "w"),  # its secret key file lands there
                             stderr=subprocess.STDOUT)
    return [chat, webui]


def through_the_api(base: str) -> dict:
    # with WEBUI_AUTH=False, Open WebUI signs everyone in as its one admin (what its page does)
    token = httpx.post(f"{base}/api/v1/auths/signin", json={"email": "", "password": ""}, timeout=60).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    models = httpx.get(f"{base}/api/models", headers=headers, timeout=60).json()["data"]
    ids = [m["id"] for m in models]
    assert "localchat" in ids, f"Open WebUI offers {ids}, not localchat"
    reply = httpx.post(f"{base}/api/chat/completions", headers=headers, timeout=600, json={
        "model": "localchat", "stream": False, "messages": [{"role": "user", "content": QUESTION}]}).json()
    text = reply["choices"][0]["message"]["content"]
    return {"models": ids, "answer": text, "sources": [s["title"] for s in reply.get("sources", [])]}


def screenshot(base: str, path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(base)
        box = WebDriverWait(driver, 120).until(lambda d: d.find_element(By.ID, "chat-input"))
        time.sleep(3)  # the page settles (a "what's new" dialog on first start)
        webdriver.ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        driver.execute_script("arguments[0].focus()", box)
        webdriver.ActionChains(driver).send_keys(QUESTION).send_keys(Keys.ENTER).perform()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            WebDriverWait(driver, 300).until(lambda d: "Weather Station" in d.find_element(By.TAG_NAME, "body").text)
            time.sleep(3)  # the last tokens
        finally:
            driver.save_screenshot(str(path))
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--open-webui", required=True, help="the open-webui command of its own virtual environment")
    parser.add_argument("--port", type=int, default=7871)
    parser.add_argument("--webui-port", type=int, default=8089)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        processes = start(args, work)
        try:
            wait(f"http://127.0.0.1:{args.port}/api/health", 600)
            base = f"http://127.0.0.1:{args.webui_port}"
            wait(f"{base}/health", 600)
            print(json.dumps(through_the_api(base), indent=1))
            if args.screenshot:
                screenshot(base, args.screenshot)
                print(f"screenshot: {args.screenshot}")
        finally:
            for p in processes:
                p.terminate()
                p.wait(30)


if __name__ == "__main__":
    main()
