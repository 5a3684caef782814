"""Load: many readers at once against a real `serve` on 127.0.0.1, through the app and the API.

    python scripts/load.py [--clients 8] [--questions 25] [--max-waiting 8] [--out docs/benchmarks/load]

Each client asks its questions one after another, all clients at once. A request may succeed or be
told "busy" (the bounded line for the model is full); anything else — an error, or no answer
within the timeout — is a failure. Reports time to the model's first token p50/p95 (after the quoted
evidence, which the API sends first) and writes JSON + markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import free_port  # noqa: E402

QUESTIONS = [
    "How do you feed your sourdough starter?", "How do you make cold brew at home?",
    "Which sensor does the weather station use?", "How long is the Cedar Ridge loop?",
    "What do you use restic for?", "How do Postgres indexes speed up queries?",
    "Who won the 1998 football world cup?", "What keyboard switches did you choose?",
]


@dataclass
class Result:
    ok: int = 0
    busy: int = 0
    failures: list[str] = field(default_factory=list)
    ttft_ms: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, object]:
        ttft = sorted(self.ttft_ms)
        pct = (lambda q: round(ttft[min(len(ttft) - 1, int(q * len(ttft)))], 1)) if ttft else (lambda q: None)
        return {"ok": self.ok, "busy": self.busy, "failures": len(self.failures), "failure_examples": self.failures[:5],
                "ttft_p50_ms": pct(0.50), "ttft_p95_ms": pct(0.95),
                "ttft_mean_ms": round(statistics.fmean(ttft), 1) if ttft else None, "seconds": round(self.seconds, 1)}


def api_client(url: str, questions: list[str], result: Result, lock: threading.Lock, timeout: float) -> None:
    for q in questions:
        started = time.perf_counter()
        body = {"messages": [{"role": "user", "content": q}], "stream": True}
        try:
            with httpx.stream("POST", url + "v1/chat/completions", json=body, timeout=timeout) as r:
                if r.status_code == 503:
                    r.read()
                    with lock:
                        result.busy += 1 if "busy" in r.text else 0
                        if "busy" not in r.text:
                            result.failures.append(f"503 without a busy message: {r.text[:200]}")
                    continue
                if r.status_code != 200:
                    r.read()
                    with lock:
                        result.failures.append(f"HTTP {r.status_code}: {r.text[:200]}")
                    continue
                first = None
                lead = False  # the quoted evidence comes before the model's first token: not a token
                for line in r.iter_lines():
                    if line.startswith("data: {"):
                        chunk = json.loads(line[6:])
                        if chunk.get("evidence") or chunk.get("note"):
                            lead = True
                        content = (chunk.get("choices") or [{}])[0].get("delta", {}).get("content")
                        if content and lead:
                            lead = False
                        elif content and first is None:
                            first = time.perf_counter()
                    if line == "data: [DONE]":
                        break
                else:
                    raise RuntimeError("stream ended without [DONE]")
            with lock:
                result.ok += 1
                result.ttft_ms.append(((first or time.perf_counter()) - started) * 1000)
        except Exception as exc:  # noqa: BLE001 - a failure is what we count
            with lock:
                result.failures.append(f"{type(exc).__name__}: {exc}")


def app_client(url: str, questions: list[str], result: Result, lock: threading.Lock, timeout: float) -> None:
    from gradio_client import Client

    try:
        client = Client(url, verbose=False)
    except Exception as exc:  # noqa: BLE001
        with lock:
            result.failures.append(f"connect: {exc}")
        return
    for q in questions:
        started = time.perf_counter()
        try:
            job = client.submit(q, api_name="/chat")
            first = None
            deadline = time.monotonic() + timeout
            while not job.done():
                if first is None and job.outputs():
                    first = time.perf_counter()
                if time.monotonic() > deadline:
                    job.cancel()
                    raise TimeoutError(f"no answer in {timeout:.0f}s")
                time.sleep(0.02)
            text, _ = job.result()
            with lock:
                if "busy" in text or "queue is full" in text.lower():
                    result.busy += 1
                else:
                    result.ok += 1
                    result.ttft_ms.append(((first or time.perf_counter()) - started) * 1000)
        except Exception as exc:  # noqa: BLE001
            with lock:
                if "queue is full" in str(exc).lower() or "busy" in str(exc).lower():
                    result.busy += 1
                else:
                    result.failures.append(f"{type(exc).__name__}: {exc}")


def run_load(url: str, *, clients: int, questions: int, via: str, timeout: float = 300) -> Result:
    result, lock = Result(), threading.Lock()
    target = api_client if via == "api" else app_client
    threads = [threading.Thread(target=target, args=(url, [QUESTIONS[(c + i) % len(QUESTIONS)]
                                                            for i in range(questions)], result, lock, timeout))
               for c in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout * questions + 60)
    hung = sum(t.is_alive() for t in threads)
    if hung:
        result.failures.append(f"{hung} clients still waiting at the end")
    result.seconds = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    from localchat.config import Config
    from localchat.serve.server import serve

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--questions", type=int, default=25)
    parser.add_argument("--max-waiting", type=int, default=8)
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks" / "load")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        config = Config(posts=ROOT / "posts", index=Path(tmp) / "index", port=free_port(), max_tokens=args.max_tokens,
                        max_waiting=args.max_waiting, watch=False)
        running = serve(config, prevent_thread_lock=True)
        running.wait_for_index()
        try:
            report = {"clients": args.clients, "questions_per_client": args.questions, "max_waiting": args.max_waiting,
                      "max_tokens": args.max_tokens, "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                      "command": "python scripts/load.py " + " ".join(argv or sys.argv[1:])}
            for via in ("api", "app"):
                print(f"{via}: {args.clients} clients x {args.questions} questions...", flush=True)
                report[via] = run_load(running.url, clients=args.clients, questions=args.questions, via=via).summary()
                print(json.dumps(report[via]), flush=True)
        finally:
            running.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n")
    rows = "\n".join(f"| {via} | {r['ok']} | {r['busy']} | {r['failures']} | {r['ttft_p50_ms']} | {r['ttft_p95_ms']} | "
                     f"{r['seconds']} |" for via, r in ((v, report[v]) for v in ("api", "app")))
    args.out.with_suffix(".md").write_text(
        f"# Load: {args.clients} clients x {args.questions} questions\n\n`{report['command']}` on the sample blog, "
        f"bundled SmolLM2-135M, max_tokens {args.max_tokens}, max_waiting {args.max_waiting}, "
        f"{report['machine']}.\n\n| via | answered | told busy | failures | TTFT p50 ms | TTFT p95 ms | seconds |\n"
        f"| --- | --- | --- | --- | --- | --- | --- |\n{rows}\n\n"
        "A failure is an error or a request with no answer within the timeout; \"told busy\" is the bounded "
        "line for the one model turning a request away with a message. TTFT includes the wait in line.\n")
    failures = report["api"]["failures"] + report["app"]["failures"]
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
