"""Assemble a Hugging Face Space for your blog: published posts only, never a draft.

    python scripts/build_space.py OUT [--posts DIR] [--base-url URL] [--url-pattern P] [--model NAME]

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

`--model` (default qwen3-1.7b) is the model the Space downloads on its first start and switches to
once it is loaded; the bundled SmolLM2-135M answers until then. `--model bundled` keeps the bundled
one only. The Space's README names the model that answers and its licence.
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

from localchat.errors import LocalchatError  # noqa: E402
from localchat.ingest.posts import read_posts  # noqa: E402
from localchat.model.registry import BUNDLED, parse_ref  # noqa: E402
from localchat.ingest.site import write_snapshot  # noqa: E402

# Prebuilt CPU wheels of llama-cpp-python, so the Space does not compile it on every rebuild.
LLAMA_WHEELS = "--extra-index-url https://abetlen.github.io/llama-cpp-python/whl/cpu"


def requirements() -> str:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return "\n".join([LLAMA_WHEELS, *deps]) + "\n"


# qwen3-1.7b for the free CPU hardware (2 vCPU, 16 GB): 1.28 GB at Q4_K_M, so it downloads in
# about a minute and runs in ~2.5 GB of the 16; Apache-2.0, so any blog may use it; and among the
# registry's models under 2B parameters the one recommended for grounded answers (it runs with
# thinking off). 4B models would fit the memory too, but at twice the bytes per token they should
# generate at about half the speed on 2 vCPUs (CPU decoding is bound by memory reads; not measured
# here, where the hub cannot be reached).
SPACE_MODEL = "qwen3-1.7b"


def model_section(model: str) -> str:
    """What the Space's README says about the model that answers."""
    if model == BUNDLED:
        return ("The language model is the bundled SmolLM2-135M-Instruct (Apache-2.0), small enough to start at "
                "once; it writes little that the posts support, so readers see the posts' own words.")
    spec = parse_ref(model)
    size = f", {spec.size_bytes / 1e9:.1f} GB" if spec.size_bytes else ""
    licence = spec.licence or "see its model page"
    return (f"The language model is **{spec.name}** (`{spec.repo_id}`, {spec.params or 'size unknown'}{size}; "
            f"licence: {licence}), downloaded by the Space on its first start at a pinned revision and checked "
            "against its sha256. Until it is loaded (and if the download fails) the bundled SmolLM2-135M-Instruct "
            "answers, and the page says so.")


def readme(model: str = SPACE_MODEL) -> str:
    text = (TEMPLATE / "README.md").read_text(encoding="utf-8").replace("{model}", model_section(model))
    try:
        version = importlib.metadata.version("gradio")
    except importlib.metadata.PackageNotFoundError:
        return text
    return "\n".join(f"sdk_version: {version}" if line.startswith("sdk_version:") else line
                     for line in text.splitlines()) + "\n"


def build(out: Path, posts_dir: Path, *, base_url: str = "", url_pattern: str = "",
          with_index: bool = True, model: str = SPACE_MODEL) -> dict[str, object]:
    model = BUNDLED if model in ("", "bundled") else model
    if model != BUNDLED:
        parse_ref(model)  # an unknown name: one line, before anything is written
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
    (out / "README.md").write_text(readme(model), encoding="utf-8")
    (out / "requirements.txt").write_text(requirements(), encoding="utf-8")
    settings = {"base_url": base_url, **({"url_pattern": url_pattern} if url_pattern else {}),
                **({"upgrade_model": model} if model != BUNDLED else {})}
    (out / "localchat.toml").write_text("".join(f"{k} = {json.dumps(v)}\n" for k, v in settings.items()),
                                        encoding="utf-8")
    report: dict[str, object] = {"model": model, "posts_copied": len(result.posts), "drafts_left_out": len(result.drafts_skipped),
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
    parser.add_argument("--model", default=SPACE_MODEL,
                        help=f"the model the Space downloads and switches to (default {SPACE_MODEL}; 'bundled': none)")
    args = parser.parse_args(argv)
    if not args.posts.is_dir():
        print(f"build_space: posts folder not found: {args.posts}", file=sys.stderr)
        return 1
    try:
        report = build(args.out, args.posts, base_url=args.base_url, url_pattern=args.url_pattern,
                       with_index=not args.no_index, model=args.model)
    except LocalchatError as exc:
        print(f"build_space: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
