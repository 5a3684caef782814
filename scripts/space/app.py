"""Hugging Face Space entry point: reader mode over ./posts with the bundled models.

Spaces run `python app.py` and route traffic to GRADIO_SERVER_NAME:GRADIO_SERVER_PORT. The index
ships in ./index, built with the Space (scripts/build_space.py), so a restart embeds nothing; the
start-up sync only checks it against ./posts. Without it, the index is built at start-up into a
temporary folder while the app already answers from what is indexed so far. It serves /widget.js
too (docs/widget.md): set LOCALCHAT_ALLOWED_ORIGINS in the Space's settings to your blog's address
to put the chat on your pages. It keeps no reader's questions.
"""

import os
import tempfile
from pathlib import Path

from localchat.config import load_config
from localchat.serve.server import serve

HERE = Path(__file__).resolve().parent
# A Space's persistent storage (when enabled) is /data: the larger model downloaded there survives
# restarts; without it the download is repeated after each restart.
PERSISTENT = Path("/data")


def models_dir() -> Path:
    if os.environ.get("LOCALCHAT_MODELS_DIR"):
        return Path(os.environ["LOCALCHAT_MODELS_DIR"])
    if PERSISTENT.is_dir() and os.access(PERSISTENT, os.W_OK):
        return PERSISTENT / "models"
    return HERE / "models"


if __name__ == "__main__":
    config = load_config(
        cwd=HERE,
        posts=HERE / "posts",
        index=Path(os.environ.get("LOCALCHAT_INDEX") or (HERE / "index" if (HERE / "index").is_dir()
                                                          else Path(tempfile.gettempdir()) / "localchat-index")),
        host=os.environ.get("GRADIO_SERVER_NAME", "0.0.0.0"),
        port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        include_drafts=False,
        models_dir=models_dir(),
        insights=False,  # a public demo keeps no reader's questions
    )
    serve(config, reader=True)
