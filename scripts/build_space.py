"""Assemble a Hugging Face Space for your blog: published posts only, never a draft.

    python scripts/build_space.py OUT [--posts DIR] [--base-url URL] [--url-pattern P]

OUT gets app.py, README.md (the Space's front matter), requirements.txt, the localchat package,
localchat.toml, posts/ — holding only the posts localchat would show a reader, and a snapshot
of each one's URL and git dates (posts/.localchat-site.json: the site config and the blog's git
history do not travel with the copy) — and index/, the index of exactly those posts built here
with the bundled embedder, so a restarted Space embeds nothing (`--no-index` leaves it out; the
Space then builds it at start-up, answering as it goes). A big index wants git LFS:
`git lfs track "index/**"`. Drafts (in any
spelling), broken files and anything else are left behind, because every file in a public Space
is public. Then `cd OUT && git init && git remote add origin https://huggingface.co/spaces/YOU/NAME`
(or clone your Space first and build into the clone), commit and push.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "space"  # the Space's own README.md and app.py
sys.path.insert(0, str(ROOT))

from localchat.ingest.posts import read_posts  # noqa: E402
from localchat.ingest.site import write_snapshot  # noqa: E402

# Prebuilt CPU wheels of llama-cpp-python, so the Space does not compile it on every rebuild.
LLAMA_WHEELS = "--extra-index-url https://abetlen.github.io/llama-cpp-python/whl/cpu"


def requirements() -> str:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return "\n".join([LLAMA_WHEELS, *deps]) + "\n"


def readme() -> str:
    text = (TEMPLATE / "README.md").read_text(encoding="utf-8")
    try:
        version = importlib.metadata.version("gradio")
    except importlib.metadata.PackageNotFoundError:
        return text
    return "\n".join(f"sdk_version: {version}" if line.startswith("sdk_version:") else line
                     for line in text.splitlines()) + "\n"


def build(out: Path, posts_dir: Path, *, base_url: str = "", url_pattern: str = "",
          with_index: bool = True) -> dict[str, object]:
    out.mkdir(parents=True, exist_ok=True)
    for generated in ("posts", "localchat", "index"):  # rebuilt from scratch: a deleted post must go
        shutil.rmtree(out / generated, ignore_errors=True)
    result = read_posts(posts_dir, include_drafts=False, base_url=base_url,
                        **({"url_pattern": url_pattern} if url_pattern else {}))
    for post in result.posts:
        target = out / "posts" / post.id
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(post.path, target)
    # The site's config and git history stay behind: keep the URLs and git dates they gave.
    write_snapshot(out / "posts", result.site, result.posts)
    shutil.copytree(ROOT / "localchat", out / "localchat", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copyfile(TEMPLATE / "app.py", out / "app.py")
    (out / "README.md").write_text(readme(), encoding="utf-8")
    (out / "requirements.txt").write_text(requirements(), encoding="utf-8")
    settings = {"base_url": base_url, **({"url_pattern": url_pattern} if url_pattern else {})}
    (out / "localchat.toml").write_text("".join(f"{k} = {json.dumps(v)}\n" for k, v in settings.items()),
                                        encoding="utf-8")
    report: dict[str, object] = {"posts_copied": len(result.posts), "drafts_left_out": len(result.drafts_skipped),
                                 "errors_left_out": [f"{e.path}: {e.reason}" for e in result.errors], "out": str(out)}
    if with_index:  # from the copy, as the Space will read it: same posts, same hashes, same URLs
        from localchat.index.embed import embedder_name, load_embedder
        from localchat.index.store import sync

        embedder = load_embedder(embedder_name("", out / "posts"))  # as the Space will choose it
        indexed = sync(out / "posts", out / "index", embedder, base_url=base_url, url_pattern=url_pattern)
        report["index_chunks"] = indexed.chunks
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the Space into (your Space's git clone)")
    parser.add_argument("--posts", type=Path, default=ROOT / "posts")
    parser.add_argument("--base-url", default="")
    parser.add_argument("--url-pattern", default="")
    parser.add_argument("--no-index", action="store_true", help="leave the index out (the Space builds it at start-up)")
    args = parser.parse_args(argv)
    if not args.posts.is_dir():
        print(f"build_space: posts folder not found: {args.posts}", file=sys.stderr)
        return 1
    report = build(args.out, args.posts, base_url=args.base_url, url_pattern=args.url_pattern,
                   with_index=not args.no_index)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
