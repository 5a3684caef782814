"""What the check scripts share: a free loopback port, and the ending — print the result, save it
with --json, exit by its verdict."""

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

