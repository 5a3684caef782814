"""Scale-out benchmark: one `localchat serve` against two reader replicas sharing a model server.

    python scripts/scale.py --llama-server PATH/TO/llama-server [--clients 8] [--questions 25] [--slots 8]

Side by side in one run, the same questions through the HTTP API (streamed), each client asking
one after another and all clients at once:
  (a) today's default: one `localchat serve` process, the bundled model in-process;
  (b) two `localchat serve --reader` replicas, the index on object storage (moto's S3 server on
      loopback), both streaming from one llama.cpp `llama-server` with parallel slots and
      continuous batching; clients alternate between the replicas (the API needs no affinity).
Reports answers/min and time to the model's first token p50/p95 (after the quoted evidence) for each, and writes
docs/benchmarks/scale.json + scale.md. Build llama-server from the llama.cpp that llama-cpp-python
vendors (MIT): `cmake -B build && cmake --build build --target llama-server`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import QUESTIONS, Result, api_client, free_port  # noqa: E402


def wait_for(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            r = httpx.get(url, timeout=3)
            if r.status_code == 200 and (not url.endswith("/api/health") or r.json()["posts"]):
                return
        except (httpx.HTTPError, ValueError, KeyError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up")


def serve(args: list[str], env: dict[str, str], cwd: Path, log: Path | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    out = log.open("w") if log else subprocess.DEVNULL
    proc = subprocess.Popen([sys.executable, "-m", "localchat", "serve", "--port", str(port), *args], cwd=cwd,
                            env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    wait_for(url + "api/health")
    return proc, url


def load(urls: list[str], clients: int, questions: int) -> dict[str, object]:
    result, lock = Result(), threading.Lock()
    threads = [threading.Thread(target=api_client, args=(urls[c % len(urls)], [QUESTIONS[(c + i) % len(QUESTIONS)]
                                                                               for i in range(questions)],
                                                         result, lock, 600))
               for c in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - started
    summary = result.summary()
    summary["answers_per_min"] = round(result.ok / result.seconds * 60, 1)
    return summary


def main(argv: list[str] | None = None) -> int:
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's server logs every request

    from localchat.index.embed import load_embedder
    from localchat.index.store import sync
    from localchat.model.registry import bundled_model_path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llama-server", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--questions", type=int, default=25)
    parser.add_argument("--slots", type=int, default=8)
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks" / "scale")
    parser.add_argument("--logs", type=Path, help="keep each process's output in this folder")
    args = parser.parse_args(argv)
    common = {"LOCALCHAT_MAX_TOKENS": str(args.max_tokens), "LOCALCHAT_MAX_WAITING": str(args.clients),
              "LOCALCHAT_RATE_LIMIT": "0", "LOCALCHAT_WATCH": "false"}
    report: dict[str, object] = {"clients": args.clients, "questions_per_client": args.questions,
                                 "max_tokens": args.max_tokens, "slots": args.slots,
                                 "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                                 "command": "python scripts/scale.py " + " ".join(argv or sys.argv[1:])}
    procs: list[subprocess.Popen] = []
    moto_port = free_port()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        try:
            # (a) one process, the model in it
            logs = args.logs
            if logs:
                logs.mkdir(parents=True, exist_ok=True)
            proc, url = serve(["--posts", str(ROOT / "posts"), "--index", str(work / "index")], common, work,
                              logs / "single.log" if logs else None)
            procs.append(proc)
            print("(a) one process...", flush=True)
            report["single"] = load([url], args.clients, args.questions)
            print(json.dumps(report["single"]), flush=True)
            proc.terminate()
            proc.wait(30)

            # (b) the index on S3, a model server with parallel slots, two reader replicas
            moto.start()
            s3 = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{moto_port}", "AWS_ACCESS_KEY_ID": "x",
                  "AWS_SECRET_ACCESS_KEY": "x", "AWS_REGION": "us-east-1", "AWS_ALLOW_HTTP": "true"}
            os.environ.update(s3)
            import boto3

            boto3.client("s3", endpoint_url=s3["AWS_ENDPOINT_URL"], region_name="us-east-1", aws_access_key_id="x",
                         aws_secret_access_key="x").create_bucket(Bucket="blog")
            sync(ROOT / "posts", "s3://blog/index", load_embedder())  # the one writer
            port = free_port()
            threads = max(1, os.cpu_count() or 1)
            server = subprocess.Popen([str(args.llama_server), "-m", str(bundled_model_path()), "--host", "127.0.0.1",
                                       "--port", str(port), "-c", str(2048 * args.slots), "-np", str(args.slots),
                                       "-t", str(threads), "--cont-batching"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            procs.append(server)
            wait_for(f"http://127.0.0.1:{port}/health")
            replica_env = {**common, **s3, "LOCALCHAT_LLM_URL": f"http://127.0.0.1:{port}/v1"}
            urls = []
            for i in range(2):
                proc, url = serve(["--reader", "--posts", str(ROOT / "posts"), "--index", "s3://blog/index"],
                                  replica_env, work, logs / f"replica{i}.log" if logs else None)
                procs.append(proc)
                urls.append(url)
            print("(b) two replicas + llama-server...", flush=True)
            report["replicas"] = load(urls, args.clients, args.questions)
            print(json.dumps(report["replicas"]), flush=True)
        finally:
            for p in procs:
                if p.poll() is None:
                    p.terminate()
                    p.wait(30)
            try:
                moto.stop()
            except Exception:  # noqa: BLE001 - never started
                pass
    single, replicas = report["single"], report["replicas"]
    ratio = replicas["answers_per_min"] / single["answers_per_min"] if single["answers_per_min"] else None
    report["ratio"] = round(ratio, 2) if ratio else None
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n")
    rows = "\n".join(f"| {name} | {r['ok']} | {r['busy']} | {r['failures']} | {r['answers_per_min']} | "
                     f"{r['ttft_p50_ms']} | {r['ttft_p95_ms']} | {r['seconds']} |"
                     for name, r in (("(a) one `serve`, model in-process", single),
                                     (f"(b) 2 replicas + llama-server ({args.slots} slots)", replicas)))
    print(f"\nratio (b)/(a) answers/min: {report['ratio']}")
    args.out.with_suffix(".md").write_text(
        f"# Scale-out: {args.clients} clients x {args.questions} questions over the HTTP API\n\n"
        f"`{report['command']}` on the sample blog, bundled SmolLM2-135M, max_tokens {args.max_tokens}, "
        f"{report['machine']}.\n\n| setup | answered | told busy | failures | answers/min | TTFT p50 ms | "
        f"TTFT p95 ms | seconds |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n{rows}\n\n"
        f"(b) / (a) answers per minute: **{report['ratio']}x**.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
