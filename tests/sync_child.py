"""Child process for the crash-safety test and benchmark: sync two posts folders into one index,
alternately, forever, until the parent kills it with SIGKILL.

usage: python tests/sync_child.py POSTS_A POSTS_B INDEX_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import localchat  # noqa: E402,F401 - offline environment first
from localchat.index.embed import load_embedder  # noqa: E402
from localchat.index.store import sync  # noqa: E402


def main() -> None:
    posts_a, posts_b = map(Path, sys.argv[1:3])
    index_dir = sys.argv[3] if "://" in sys.argv[3] else Path(sys.argv[3])  # a folder, or s3://bucket/prefix
    embedder = load_embedder()
    print("ready", flush=True)
    while True:
        for posts in (posts_a, posts_b):
            sync(posts, index_dir, embedder)
            print("synced", posts.name, flush=True)


if __name__ == "__main__":
    main()
