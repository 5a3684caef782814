"""What the check scripts (and the browser tests) share: a free loopback port, a headless Chromium,
and the ending — print the result, save it with --json, exit by its verdict."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any


def finish(result: dict[str, Any], json_path: Path | None) -> int:
    """Print `result` as JSON and write it to `json_path` if given; 0 when result["ok"], else 1."""
    text = json.dumps(result, indent=2)
    print(text)
    if json_path:
        json_path.write_text(text)
    return 0 if result["ok"] else 1


def free_port() -> int:
    """A port nothing listens on now, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def headless_chromium(binary: str, driver: str) -> Any:
    """Debian's Chromium, headless, through its own driver (selenium would download one otherwise)."""
    from selenium import webdriver  # noqa: PLC0415 - a test dependency, for the browser checks only

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver))
