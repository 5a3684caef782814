"""localchat: a fully local chatbot for a markdown blog.

The data path, a folder each: ingest (files -> posts -> chunks) -> index (embed, store, the
reader's view) -> answer (route, gate, evidence, prompt, generate, check) -> serve (the app, the
API, the pages). engine.py assembles them; docs/architecture.md is the map.
"""

import os as _os

# Privacy first, before any library that phones home is imported: no telemetry, no hub calls.
# `localchat pull` is the one command that goes online, and it says so.
for _key, _value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "LANCEDB_LOG": "error",  # its Rust log warns about normal events (a new table, say)
}.items():
    _os.environ.setdefault(_key, _value)

__version__ = "0.1.0"
