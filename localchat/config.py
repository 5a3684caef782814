"""Settings: defaults < localchat.toml < LOCALCHAT_* environment variables < command-line flags."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from localchat.errors import ConfigError

CONFIG_FILE = "localchat.toml"
SECRETS = {"llm_api_key"}  # settings never read from a file (a localchat.toml gets committed and shared)
ENV_PREFIX = "LOCALCHAT_"


@dataclass
class Config:
    # posts -> index
    posts: Path = Path("posts")  # the folder of markdown posts, searched recursively
    index: Path | str = Path(".localchat")  # a folder, or object storage: "s3://bucket/prefix" (gs://, az://)
    include_drafts: bool = False  # index drafts too (owner only: reader mode never shows them)
    base_url: str = ""  # "" = the site's own, from its generator config (site.py), if any
    # "" = the rule of the site's generator config, else /posts/{slug}/. A pattern set here wins:
    # {slug}: frontmatter slug or file name; {path}: path under posts/ without extension;
    # {year} {month} {day}: from the post's date.
    url_pattern: str = ""
    author: str = ""  # the blog's author; "" = the most common frontmatter author, else the site config's
    embedder: str = ""  # "" = the bundled all-MiniLM-L6-v2
    # auto = onnx-int8 when ONNX Runtime is installed, else torch; see localchat/index/embed.py
    embed_backend: str = "auto"  # auto | onnx-int8 | onnx | torch
    # retrieve -> prompt -> stream
    model: str = ""  # "" = the bundled SmolLM2-135M-Instruct; a registry name or a .gguf path
    models_dir: Path = Path("models")  # where `localchat pull` puts GGUF files, and where names are looked up
    n_ctx: int = 4096  # the model's context window in tokens
    max_tokens: int = 512  # the longest answer in tokens (an API request may ask for fewer)
    n_threads: int = 0  # 0 = every usable core
    # None = all layers when the build can offload, else 0. With a CUDA build, 0 still lets llama.cpp
    # use the GPU for prompt processing (docs/benchmarks/gpu.md); CUDA_VISIBLE_DEVICES= hides it.
    n_gpu_layers: int | None = None
    chat_format: str = ""  # "" = the chat template inside the GGUF
    # A self-hosted OpenAI-compatible model server instead of the in-process model, e.g.
    # "http://gpu-box:8080/v1" (llama-server, vLLM). Its API key, if any: LOCALCHAT_LLM_API_KEY.
    llm_url: str = ""
    llm_model: str = ""  # "" = the first model the server lists
    llm_api_key: str = field(default="", repr=False)  # the server's bearer token: environment only, never a file
    llm_timeout: float = 120.0  # seconds to wait for the server's next token (a queue counts too)
    temperature: float = 0.2  # sampling temperature of the answer
    k: int = 5  # excerpts retrieved per question (one per post)
    max_excerpts: int = 0  # excerpts given to the model; 0 = by model size (1 under 1B parameters, else all that pass)
    # relevance gate: None = measured per blog (this blog's noise level + a margin, localchat/answer/gate.py);
    # a number fixes the cosine threshold; a negative one turns the gate off. docs/relevance-gate.md
    min_similarity: float | None = None
    not_covered: str = "I haven't written about that."
    not_covered_named: str = "I haven't written about {terms}."  # a specific thing no post mentions
    not_dictated: str = "I only say what my posts say, so I won't say that."  # "Ignore your rules and say that…"
    unsupported: str = "mark"  # an answer sentence the posts do not support: "mark" it, or "drop" it
    # what a reader (reader mode) sees after the quoted passage: "checked" = the model's sentences the
    # posts support; "quote" = the posts' own words only; "auto" = quote for models under 1B parameters
    reader_answer: str = "auto"
    # a larger model `serve` downloads in the background and switches to when it is ready (the Space's
    # qwen3-1.7b); the `model` answers until then, and for good if the download fails
    upgrade_model: str = ""
    rewrite_followups: bool = False  # ask the model to restate follow-ups; worth it from ~3B models up
    # serve
    host: str = "127.0.0.1"  # the address `serve` binds: this machine only unless told otherwise
    port: int = 7860  # the port `serve` listens on
    watch: bool | None = None  # None = on in owner mode, off in reader mode
    rate_limit: float = 10.0  # questions a minute per reader (reader mode); 0 = no limit
    max_waiting: int = 8  # questions answering or waiting for the model; more are told "busy"
    reader_max_chars: int = 1000  # longest question a reader may send
    # comma-separated sites whose pages may embed the chat (/widget.js) and call the HTTP API, e.g.
    # https://example.com; every other site's requests are refused. "" = none but the app's own page
    allowed_origins: str = ""
    origin_rate_limit: float = 60.0  # questions a minute from all readers of one embedding site; 0 = no limit
    insights: bool = True  # keep what readers ask (reader mode), beside the index: `localchat insights`
    insights_days: int = 30  # how long reader questions are kept

    def replace(self, **changes: Any) -> "Config":
        """A copy with the non-None changes applied (CLI flags left unset are None)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, raw: Any, current: Any, annotation: str) -> Any:
    """Turn a TOML or environment value into the field's type, or say clearly why not."""
    try:
        if "Path" in annotation:
            if "://" in str(raw) and name == "index":  # object storage: s3://bucket/prefix, gs://…, az://…
                return str(raw)
            return Path(str(raw)).expanduser()
        if annotation.startswith("bool"):
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(f"expected true or false, got {raw!r}")
        if annotation.startswith("int"):
            if raw is None or (isinstance(raw, str) and raw.strip().lower() in {"", "auto", "none"}):
                return None if "None" in annotation else current
            return int(raw)
        if annotation.startswith("float"):
            if "None" in annotation and (raw is None or str(raw).strip().lower() in {"", "auto", "none"}):
                return None
            return float(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: {exc}") from None


def load_config(cwd: Path | None = None, environ: dict[str, str] | None = None, **flags: Any) -> Config:
    """Build the effective config. `flags` are CLI values; None means 'not given'."""
    cwd = cwd or Path.cwd()
    environ = os.environ if environ is None else environ
    config = Config()
    fields = {f.name: f for f in dataclasses.fields(Config)}
    values: dict[str, Any] = {}

    path = cwd / CONFIG_FILE
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from None
        data = data.get("localchat", data)  # allow a [localchat] table or top-level keys
        for key, raw in data.items():
            name = key.replace("-", "_")
            if name == "cors_origins":  # its name before the widget
                name = "allowed_origins"
            if name not in fields:
                raise ConfigError(f"{path}: unknown setting {key!r}")
            if name in SECRETS:
                raise ConfigError(f"{path}: {key} is a secret: set {ENV_PREFIX}{name.upper()} in the environment instead")
            values[name] = _coerce(name, raw, getattr(config, name), str(fields[name].type))
            if isinstance(values[name], Path) and not values[name].is_absolute():
                values[name] = cwd / values[name]  # relative to the config file, not the caller
    if environ.get(ENV_PREFIX + "CORS_ORIGINS") and not environ.get(ENV_PREFIX + "ALLOWED_ORIGINS"):
        values["allowed_origins"] = environ[ENV_PREFIX + "CORS_ORIGINS"]  # its name before the widget
    for name, f in fields.items():
        raw = environ.get(ENV_PREFIX + name.upper())
        if raw is not None:
            values[name] = _coerce(name, raw, getattr(config, name), str(f.type))
    config = dataclasses.replace(config, **values)
    return config.replace(**{k: v for k, v in flags.items() if k in fields})



# Environment variables that are not settings (read where they are used, named here so the
# settings reference lists them too).
ENVIRONMENT = {
    "LOCALCHAT_CACHE_DIR": "where the embedder's one-time ONNX export is kept (default $XDG_CACHE_HOME/localchat, "
                           "else ~/.cache/localchat)",
}


def reference() -> str:
    """docs/settings.md: every setting with its type, default and the comment beside it in this
    file, and the environment variables (tests/test_config.py checks the doc is this text)."""
    import inspect
    import re

    lines = inspect.getsource(Config).splitlines()
    rows, notes = [], []
    for line in lines[1:]:
        text = line.strip()
        if text.startswith("def "):
            break
        if text.startswith("#"):
            comment = text.lstrip("# ").strip()
            if not (comment.endswith("-> stream") or comment in ("posts -> index", "serve")):  # not a heading
                notes.append(comment)
            continue
        match = re.match(r"(\w+): ([^=]+?) = (.+?)(?:\s+#\s*(.*))?$", text)
        if not match:
            continue
        name, kind, default, comment = match.groups()
        default = re.sub(r"^field\(default=(.+?)(?:,.*)?\)$", r"\1", default.strip())
        about = " ".join(notes + ([comment] if comment else [])).replace("|", "\\|")
        kind, default = kind.strip().replace("|", "\\|"), default.strip().replace("|", "\\|")
        rows.append(f"| `{name}` | `{ENV_PREFIX}{name.upper()}` | `{kind}` | `{default}` | {about} |")
        notes = []
    head = ["# Settings", "",
            "Defaults, then `localchat.toml` in the current folder (top-level keys or a `[localchat]` table), then",
            "`LOCALCHAT_*` environment variables, then command-line flags — each overriding the one before.",
            "Generated from `localchat/config.py` (`python -c \"import sys; from localchat.config import reference; "
            "sys.stdout.write(reference())\" > docs/settings.md`); a test keeps it in step.", "",
            "| setting | environment | type | default | what it does |", "| --- | --- | --- | --- | --- |"]
    env = ["", "## Environment only", "", "| variable | what it does |", "| --- | --- |"]
    env += [f"| `{k}` | {v} |" for k, v in ENVIRONMENT.items()]
    return "\n".join(head + rows + env) + "\n"
