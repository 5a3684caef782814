"""The ending the check scripts share: print the result, save it with --json, exit by its verdict."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def finish(result: dict[str, Any], json_path: Path | None) -> int:
    """Print `result` as JSON and write it to `json_path` if given; 0 when result["ok"], else 1."""
    text = json.dumps(result, indent=2)
    print(text)
    if json_path:
        json_path.write_text(text)
    return 0 if result["ok"] else 1
