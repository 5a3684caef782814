"""Answers a reader can check: evidence quoted before the answer, every sentence checked against
the excerpts shown (real embedder, real index of the sample blog; the real model where it writes)."""

from __future__ import annotations

import dataclasses
import re
from types import SimpleNamespace

import pytest
from conftest import SAMPLE_POSTS

from localchat.answer.checks import attributed, check, facts, normalise, occurs
from localchat.answer.evidence import best_quote, passages
from localchat.answer.sentences import split, word_count
from localchat.config import Config
from localchat.engine import Engine
from localchat.errors import ConfigError


@pytest.fixture(scope="module")
def blog(tmp_path_factory, embedder, model) -> Engine:
    engine = Engine(Config(posts=SAMPLE_POSTS, index=tmp_path_factory.mktemp("blog") / "ix", n_ctx=2048,
                           max_tokens=64), embedder=embedder, model=model)
    engine.sync()
    return engine


def shown(engine: Engine, question: str):
    hits = engine.retrieve(question).hits[:3]
    return [(i + 1, h) for i, h in enumerate(hits)]


@pytest.mark.fast
def test_sentences_are_cut_where_a_reader_would() -> None:
    text = "Feed it at 1:5:5, e.g. 10 g to 50 g. It peaks in 4.5 hours [1]. Version v0.4.4 shipped.\n\n- One.\n- Two."
    assert split(text) == ["Feed it at 1:5:5, e.g. 10 g to 50 g.", "It peaks in 4.5 hours [1].",
                           "Version v0.4.4 shipped.", "One.", "Two."]
    assert facts("I use Gateron Brown switches and 62 grams per litre [2].") == ["62", "Gateron", "Brown"]


@pytest.mark.fast
def test_chinese_and_japanese_sentences_end_at_their_own_full_stops() -> None:
    text = "航空券は往復で198,000円でした。内訳は「燃油」が大半です！本当ですか？ Then English. Done."
    assert split(text) == ["航空券は往復で198,000円でした。", "内訳は「燃油」が大半です！", "本当ですか？", "Then English.", "Done."]
    assert word_count("航空券は往復で198,000円でした。") == 13  # a character is a word, as the blog's language is told
    assert word_count("The quick brown fox jumps over") == 6


@pytest.mark.fast
def test_a_tables_rows_are_sentences_its_rule_is_not() -> None:
    text = "Costs below.\n\n| Item | Cost |\n|---|:---:|\n| Flights (return) | 52,300 yen |\n\nThat was all."
    assert split(text) == ["Costs below.", "Item | Cost", "Flights (return) | 52,300 yen", "That was all."]


@pytest.mark.fast
def test_numbers_and_names_inside_japanese_text_are_facts() -> None:
    """Chinese and Japanese write words with no space between: "約47万円" holds the number 47, and
    "BigQueryの費用" the name BigQuery (a sentence had been one "name" that no post held verbatim)."""
    assert facts("BigQueryの月額費用を約47万円に減らしている。") == ["47", "BigQuery"]
    posts = normalise("4月の費用を約47万円まで下げました。BigQueryの月額費用が約124万円")
    assert occurs("47", posts) and occurs("BigQuery", posts) and not occurs("12", posts)


def test_a_japanese_post_gives_a_quote(embedder) -> None:
    """Evidence needs sentences of six words or more: counted by spaces, no Japanese sentence had one,
    and a Japanese blog was shown no quote at all (39 of 46 answerable questions of blind61/63)."""
    body = ("6月3日から7日まで、台湾に行ってきました。海外旅行は約4年ぶりです。\n\n"
            "航空券は往復で52,000円、ホテルは4泊で38,000円でした。全部で126,800円かかりました。")
    hit = SimpleNamespace(body=body, title="台湾4泊5日", heading="費用", url="/posts/taiwan/", date="2023-06-11")
    question = "台湾旅行の費用は全部でいくらでしたか？"
    found, vector = passages([(1, hit)], embedder, question)
    evidence = best_quote(found, vector, [(1, hit)])
    assert evidence is not None
    assert all(sentence in body for sentence in split(evidence.quote))  # whole sentences, verbatim


@pytest.mark.fast
def test_a_date_counts_as_the_same_date_however_it_is_written() -> None:
    from localchat.answer.checks import iso_dates, normalise

    for written in ("December 15, 2013", "Dec. 15 2013", "15 December 2013", "15th of December, 2013",
                    "2013/12/15", "2013-12-15", "2013-12-15T10:00:00Z"):
        assert iso_dates(f"released on {written}.") == "released on 2013-12-15.", written
    assert facts("Elixir v0.12.0 was released on December 15, 2013 [1].") == ["2013-12-15", "v0.12.0"]
    assert iso_dates("in May 2020") == "in 2020-05" and iso_dates("on 31 Foo 2020") == "on 31 Foo 2020"
    excerpt = normalise("Elixir v0.12.0 released\n\n2013-12-15\nElixir v0.12.0 is out.")
    assert all(normalise(f) in excerpt for f in facts("It came out on Dec 15, 2013."))


@pytest.mark.fast
@pytest.mark.fast
def test_a_fact_is_found_whole_never_inside_another() -> None:
    text = normalise("Released in 2013 as version 1.5.2 by Google on Dec 15, 2013, for 1,000 users.")
    assert all(occurs(f, text) for f in ["2013", "1.5.2", "Google", "1000", "1,000", "December 15, 2013"])
    assert not any(occurs(f, text) for f in ["3", "1.5", "Go", "100", "15.2"])


def test_prompt_markup_never_reaches_the_reader() -> None:
    from localchat.answer.citations import CitationFilter, check_citations

    text, cited = check_citations('It shipped <excerpt n="1">2013-12-15</excerpt> [1]. And a < b.', 1)
    assert text == "It shipped 2013-12-15 [1]. And a < b." and cited == [1]
    f = CitationFilter(2)  # a tag split across streamed tokens
    out = "".join(f.feed(p) for p in ["On ", "<", "exc", 'erpt n="2', '">', "May 1", "</", "excerpt", ">", " [2]."])
    assert out + f.flush() == "On May 1 [2]."


def test_a_sentence_with_the_posts_own_date_is_supported(blog: Engine) -> None:
    hits = blog.retrieve("What ratio do you feed your sourdough starter at?").hits[:1]
    post = hits[0]
    month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"][int(post.date[5:7]) - 1]
    found, _ = passages([(1, post)], blog.embedder, "When did you write about your starter?")
    spelled = f"I wrote about feeding the starter on {month} {int(post.date[8:])}, {post.date[:4]} [1]."
    checked = check(spelled, found, blog.embedder, "When did you write about your starter?")
    assert not any("not in the posts" in c.why for c in checked), checked


def test_evidence_is_the_answering_sentence_quoted_verbatim(blog: Engine) -> None:
    question = "What ratio do you feed your sourdough starter at?"
    excerpts = shown(blog, question)
    found, vector = passages(excerpts, blog.embedder, question)
    evidence = best_quote(found, vector, excerpts)
    assert evidence is not None and evidence.n == 1 and "1:5:5" in evidence.quote
    assert evidence.url.startswith("/posts/sourdough-starter/")
    body = excerpts[0][1].body
    assert all(sentence in " ".join(body.split()) for sentence in split(evidence.quote))  # verbatim


def test_a_planted_wrong_number_is_marked_and_a_supported_sentence_gets_its_citation(blog: Engine) -> None:
    question = "What ratio do you feed your sourdough starter at?"
    excerpts = shown(blog, question)
    found, _ = passages(excerpts, blog.embedder, question)
    answer = ("I feed my starter at a 1:5:5 ratio of starter, flour and water. "
              "It then needs 40 grams of honey every morning [1].")
    checked = check(answer, found, blog.embedder, question)
    assert [c.supported for c in checked] == [True, False]
    assert checked[0].sources == [1] and "40" in checked[1].why
    shown_text = attributed(answer, checked)
    assert shown_text.startswith("I feed my starter at a 1:5:5 ratio of starter, flour and water [1].")
    assert "~~It then needs 40 grams of honey every morning.~~ *(not confirmed by the posts)*" in shown_text
    dropped = attributed(answer, checked, drop=True)
    assert "honey" not in dropped and "1:5:5" in dropped


def test_a_sentence_across_lines_is_marked_where_it_stands(blog: Engine) -> None:
    question = "How often do you feed your sourdough starter?"
    excerpts = shown(blog, question)
    found, _ = passages(excerpts, blog.embedder, question)
    answer = "Sourdough Starter Care / Feeding (2023-01-29)\nFeed the starter 5 times a week.\nIt likes rye."
    checked = check(answer, found, blog.embedder, question)
    text = attributed(answer, checked)
    unmarked = re.sub(r"~~.*?~~", "", text, flags=re.DOTALL)
    assert "5 times" not in unmarked and "2023-01-29" not in unmarked  # never shown unmarked, once


def test_no_unsupported_number_is_ever_shown_unmarked(blog: Engine) -> None:
    """With the real model: whatever it writes, a number the excerpts do not hold is marked."""
    questions = ["How do you feed your sourdough starter?", "How long should cold brew steep?",
                 "How do you back up your server with restic?", "How long is the Cedar Ridge Loop?"]
    for question in questions:
        answer = blog.ask(question, seed=1).finish()
        assert not answer.refused and answer.evidence and answer.sentences, question
        excerpts = " ".join(f"{s.title} {s.snippet}" for s in answer.sources)
        for c in answer.sentences:
            if c.supported:
                for number in re.findall(r"(?<![\w.])\d+(?:[.,:/]\d+)*", re.sub(r"\[\d+\]", "", c.text)):
                    assert number in answer.checked_text or number in excerpts, (question, c)
        unmarked = " ".join(re.sub(r"~~.*?~~", "", answer.checked_text, flags=re.DOTALL).split())
        for c in answer.sentences:
            if not c.supported:
                assert " ".join(c.text.split()) not in unmarked, (question, c)


def test_catalog_and_refusal_answers_carry_no_evidence(blog: Engine) -> None:
    assert blog.ask("What's your latest post?").finish().evidence == []
    assert blog.ask("Who won the 1998 football world cup?").finish().evidence == []


def test_evidence_is_ready_when_ask_returns(blog: Engine) -> None:
    """Before the first token is asked for, the quote is there and its cost recorded (the
    benchmark, docs/benchmarks/answers.md, holds the number)."""
    answer = blog.ask("How do you wire the BME280 sensor?", max_tokens=4)
    try:
        assert answer.evidence and answer.timings.evidence_ms > 0 and answer.timings.ttft_ms is None
    finally:
        answer.close()


class ScriptedModel:
    """A model that writes a fixed answer token by token (a few characters a piece): what the
    reader is shown must not depend on what a real model happens to write."""

    n_ctx, n_params = 2048, 135_000_000

    def __init__(self, text: str) -> None:
        self.text = text

    def check(self) -> None:
        pass

    def count(self, messages) -> int:
        return sum(len(m["content"]) for m in messages) // 4

    def stream(self, messages, **_):
        for i in range(0, len(self.text), 3):
            yield self.text[i:i + 3]


SCRIPTED = ("I feed my starter at a 1:5:5 ratio of starter, flour and water. "
            "It then needs 40 grams of honey every morning [1]. Grandma Zelda taught me that in Oslo.")


def test_a_reader_is_shown_only_supported_sentences_even_while_it_streams(blog: Engine) -> None:
    question = "What ratio do you feed your sourdough starter at?"
    checked = dataclasses.replace(blog.config, reader_answer="checked")  # a 135M model would get quotes only
    reader = Engine(checked, embedder=blog.embedder, model=ScriptedModel(SCRIPTED), reader=True)
    answer = reader.ask(question)
    pieces = list(answer)
    streamed = "".join(pieces)
    assert "1:5:5" in streamed and "honey" not in streamed and "Zelda" not in streamed
    assert answer.text == answer.checked_text == "I feed my starter at a 1:5:5 ratio of starter, flour and water [1]."
    withheld = [c for c in answer.sentences if not c.shown]
    assert len(withheld) == 2 and all(c.why for c in withheld) and answer.debug["withheld"] == 2
    assert [c["shown"] for c in answer.to_dict()["sentences"]] == [True, False, False]  # the API says which
    # the owner sees everything, marked
    owner = Engine(blog.config, embedder=blog.embedder, model=ScriptedModel(SCRIPTED))
    full = owner.ask(question).finish()
    assert "honey" in full.text and "not confirmed by the posts" in full.checked_text
    assert all(c.shown for c in full.sentences)


def test_a_reader_whose_answer_is_all_unsupported_sees_the_quoted_passage_and_a_note(blog: Engine) -> None:
    reader = Engine(dataclasses.replace(blog.config, reader_answer="checked"), embedder=blog.embedder, reader=True,
                    model=ScriptedModel("Grandma Zelda feeds it 40 grams of honey in Oslo."))
    answer = reader.ask("What ratio do you feed your sourdough starter at?")
    assert "".join(answer) == "" and answer.text == ""
    assert answer.evidence and "not confirmed by the posts" in answer.note


def test_with_a_small_model_a_reader_sees_the_posts_own_words_only(blog: Engine) -> None:
    question = "What ratio do you feed your sourdough starter at?"
    reader = Engine(blog.config, embedder=blog.embedder, model=blog.model, reader=True)  # the bundled 135M model
    answer = reader.ask(question)
    assert "".join(answer) == "" and answer.text == "" and answer.sentences == []  # the model wrote nothing
    assert answer.debug["reader_answer"] == "quote" and answer.debug["prompt_tokens"] == 0
    assert "1:5:5" in answer.evidence[0].quote and answer.sources[0].title == "Keeping a Sourdough Starter Alive"
    checked = Engine(dataclasses.replace(blog.config, reader_answer="checked"), embedder=blog.embedder,
                     model=blog.model, reader=True)
    assert "reader_answer" not in checked.ask(question, max_tokens=8).finish().debug  # the model's checked sentences
    with pytest.raises(ConfigError, match="reader_answer"):
        Engine(dataclasses.replace(blog.config, reader_answer="all"), embedder=blog.embedder, model=blog.model,
               reader=True).ask(question)
