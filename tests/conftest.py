"""Shared fixtures. Everything is real: the bundled embedder and model, LanceDB in temp dirs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import localchat  # noqa: F401 - sets the offline/no-telemetry environment first

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_POSTS = ROOT / "posts"
MYKAL_POSTS = ROOT.parent / "shared" / "corpora" / "mykal.codes" / "posts"

needs_mykal = pytest.mark.skipif(not MYKAL_POSTS.is_dir(), reason="shared mykal.codes corpus not present")


# --- the fast layer -------------------------------------------------------------------------------
# `pytest -m fast` runs the tests marked fast: no model is loaded (under 2 minutes on 2 cores). The
# mark is checked, not trusted: in a fast test, loading the embedder or the chat model fails the
# test, in this process and in the `localchat` processes it starts.


class ModelLoaded(AssertionError):
    pass


def _refuse(*args, **kwargs):
    raise ModelLoaded("a test marked fast loaded a model: drop the mark, or keep the model out of it")


MODEL_FIXTURES = {"embedder", "model", "owner_app", "reader_app", "torch_embedder", "int8_embedder"}


@pytest.fixture(autouse=True)
def _fast_tests_load_no_model(request, monkeypatch):
    if request.node.get_closest_marker("fast") is None:
        return
    # session fixtures are set up before this one can patch anything: refuse them by name (the
    # names are every fixture the test depends on, directly or through another fixture)
    heavy = MODEL_FIXTURES & set(request.fixturenames)
    if heavy:
        raise ModelLoaded(f"a test marked fast uses {', '.join(sorted(heavy))}: drop the mark")
    for module in [request.module, *list(sys.modules.values())]:  # the test's own imports too
        if module is request.module or getattr(module, "__name__", "").startswith("localchat"):
            for name in ("load_embedder", "load_model", "load_torch", "load_onnx"):
                if hasattr(module, name):
                    monkeypatch.setattr(module, name, _refuse)
    # a `localchat` subprocess: an embedder or a model that cannot exist, so loading one fails loudly
    monkeypatch.setenv("LOCALCHAT_EMBEDDER", "/nonexistent/fast-tests-load-no-embedder")
    monkeypatch.setenv("LOCALCHAT_MODEL", "/nonexistent/fast-tests-load-no-model.gguf")


@pytest.fixture(scope="session")
def embedder():
    from localchat.index.embed import load_embedder

    return load_embedder()


@pytest.fixture(scope="session")
def model():
    from localchat.model.local import load_model
    from localchat.model.registry import bundled_model_path

    return load_model(bundled_model_path(), n_ctx=2048)


def search(table, embedder, query: str, *, include_drafts: bool = False, **options):
    """Hybrid search over a table, as a reader (or, with include_drafts, the owner) sees it."""
    from localchat.index.view import BlogView

    return BlogView(table, embedder, include_drafts=include_drafts).search(query, **options)


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 600, env: dict | None = None):
    """Run the real `localchat` command in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "localchat", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env=full_env,
    )


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SMALL_BLOG = {
    "bread.md": "---\ntitle: Sourdough Starter Care\ndate: 2023-02-01\ntags: [baking]\n---\n"
    "## Feeding\n\nFeed the starter equal weights of flour and water every morning.\n\n"
    "## Storage\n\nKeep it in the fridge when you bake only on weekends.\n",
    "garden.md": "---\ntitle: Balcony Tomatoes\ndate: 2024-05-10\ntags: [garden]\n---\n"
    "Cherry tomatoes grow well in large pots on a sunny balcony if you water them daily.\n",
    "weather.md": "---\ntitle: Raspberry Pi Weather Station\ndate: 2024-09-01\ntags: [hardware, python]\n---\n"
    "I wired a QX-7781 sensor to the Pi's I2C pins and log readings every minute to SQLite.\n",
}
APP_POSTS = {
    **SMALL_BLOG,
    "secret.md": "---\ntitle: Private Draft\ndraft: true\n---\n"
    "DRAFTCANARY: my plans to quit my job and move to Lisbon next spring.\n",
}


def record_answers(running) -> list:
    """Keep every Answer a running app hands out, to look at its tokens and stream afterwards."""
    answers: list = []
    ask = running.service.ask
    running.service.ask = lambda *a, **k: answers.append(ask(*a, **k)) or answers[-1]
    return answers


def launch(root: Path, **settings):
    """A real `serve` on a free loopback port over a small blog whose index also holds a draft
    (built with include_drafts, as an owner might): reader mode must still never show it."""
    from localchat.config import Config
    from localchat.serve.server import serve

    posts = root / "posts"
    for rel, text in APP_POSTS.items():
        write(posts, rel, text)
    reader = settings.pop("reader", False)
    auth = settings.pop("auth", None)
    settings = {"n_ctx": 2048, "max_tokens": 40, **settings}
    config = Config(posts=posts, index=root / "index", include_drafts=True, port=free_port(), **settings)
    # the page is built once the small blog is indexed, so its overview and examples are there
    running = serve(config, reader=reader, auth=auth, prevent_thread_lock=True, start_wait=600)
    running.wait_for_index()
    return running


@pytest.fixture(scope="session")
def owner_app(tmp_path_factory):
    running = launch(tmp_path_factory.mktemp("owner"))
    yield running
    running.close()


@pytest.fixture(scope="session")
def reader_app(tmp_path_factory):
    running = launch(tmp_path_factory.mktemp("reader"), reader=True, auth="reader:s3cret", rate_limit=6.0,
                     allowed_origins="https://blog.example")
    yield running
    running.close()


# --- servers the tests talk to ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def s3():
    """A real S3 endpoint (moto's server) on loopback with a bucket "blog", and the standard AWS
    variables pointing at it: LanceDB's own object-storage code runs unchanged against it."""
    moto_server = pytest.importorskip("moto.server", reason="moto[server] is not installed")
    boto3 = pytest.importorskip("boto3")
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    env = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": "testing",
           "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1", "AWS_ALLOW_HTTP": "true"}
    mp = pytest.MonkeyPatch()
    for k, v in env.items():
        mp.setenv(k, v)
    boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"], region_name="us-east-1",
                 aws_access_key_id="testing", aws_secret_access_key="testing").create_bucket(Bucket="blog")
    yield env
    mp.undo()
    server.stop()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
needs_browser = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Debian chromium + chromium-driver not installed")


@pytest.fixture()
def browser():
    """Headless Debian Chromium through its own driver (scripts/report.py, as widget_bench uses it)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from report import headless_chromium

    driver = headless_chromium(CHROMIUM, DRIVER)
    try:
        yield driver
    finally:
        driver.quit()

