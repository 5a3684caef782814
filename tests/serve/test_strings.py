"""The page's fixed words in the blog's language, and its example questions understood as asked."""

from __future__ import annotations

import datetime as dt

import pytest

from localchat.answer import wholeblog
from localchat.index import catalog as cat
from localchat.serve import strings
from localchat.serve.api import widget_script  # imported here: a module first imported inside a fast test
# would keep the guard's stand-in for load_embedder (tests/conftest.py) after the test

ZH = [cat.Entry(f"{n}.md", f"Rust 官方周报 {n} 期", f"/{n}/", f"2021-07-{n - 380:02d}", [], "post",
                "本周 Rust 1.53.0 发布，数组实现了 IntoIterator，社区讨论了异步编程的未来。", 100) for n in (399, 398, 397)]
EN = [cat.Entry("a.md", "Cold Brew at Home", "/a/", "2024-01-02", ["coffee"], "post",
                "How I make cold brew coffee with a jar and a filter.", 100)]


@pytest.mark.fast
def test_a_chinese_blog_gets_a_chinese_page_and_examples_it_understands():
    assert strings.page_language(ZH) == "zh"
    assert strings.text("placeholder", "zh") == "问问关于这个博客的问题…"
    examples = strings.examples(ZH)
    assert examples[0] == "你最新的文章是哪篇？" and examples[-1] == "这个博客主要写什么？"
    latest = wholeblog.understand(examples[0], [], ZH, "", dt.date(2026, 12, 1))
    assert latest is not None and [e.post_id for e in latest[1][:1]] == ["399.md"]
    overview = wholeblog.understand(examples[-1], [], ZH, "", dt.date(2026, 12, 1))
    assert overview is not None and overview[0].action == "overview"


IT = [cat.Entry("a.md", "Restauro della Bianchi (parte 1)", "/a/", "2020-01-12", ["restauro"], "post",
                "Ho comprato una Bianchi del 1972 e ho deciso di restaurarla da solo, pezzo per pezzo, in officina.", 300)]


@pytest.mark.fast
@pytest.mark.parametrize("entries, language, title, send", [
    (IT, "it", "Chiedi al blog", "Invia"),
    ([cat.Entry("b.md", "Fietsen naar Rome, deel 1", "/b/", "2019-05-04", [], "post",
                "Ik fietste in drie weken van Utrecht naar Rome, met een tent en veel te veel bagage.", 300)], "nl",
     "Vraag het de blog", "Versturen"),
    ([cat.Entry("c.md", "Szlak Orlej Perci, część 1", "/c/", "2020-08-15", [], "post",
                "W sobotę rano wyszliśmy z Zakopanego na najtrudniejszy szlak w polskich Tatrach.", 300)], "pl",
     "Zapytaj blog", "Wyślij"),
    ([cat.Entry("d.md", "Kungsleden, del 1: Abisko till Alesjaure", "/d/", "2021-07-12", [], "post",
                "Vi gick från Abisko i regn och kom fram till stugan vid Alesjaure efter tre långa dagar.", 300)], "sv",
     "Fråga bloggen", "Skicka"),
    ([cat.Entry("e.md", "Stavíme včelín – 1. díl", "/e/", "2020-01-12", [], "post",
                "Na zahradě za domem jsme začali stavět dřevěný včelín pro čtyři úly.", 300)], "cs",
     "Zeptejte se blogu", "Odeslat"),
    ([cat.Entry("f.md", "Pe creasta Pietrei Craiului, partea a doua", "/f/", "2022-06-18", [], "post",
                "Am plecat din Plaiul Foii la cinci dimineața și am ajuns pe creastă după patru ore de urcuș.", 300)],
     "ro", "Întreabă blogul", "Trimite"),  # Romanian read as Spanish or French until MORE_LATIN
    ([cat.Entry("g.md", "Likya Yolu, 2. bölüm", "/g/", "2023-04-09", [], "post",
                "Sabah erkenden Faralya'dan yola çıktık ve akşamüstü Kabak koyuna vardık.", 300)], "tr",
     "Bloga sor", "Gönder"),
    ([cat.Entry("h.md", "Haven gøres vinterklar", "/h/", "2026-10-18", [], "post",
                "I weekenden klippede vi hindbærrene ned og dækkede bedene med blade fra æbletræet.", 300)], "da",
     "Spørg bloggen", "Send"),
    ([cat.Entry("k.md", "Sykkeltur langs Telemarkskanalen", "/k/", "2024-06-01", [], "post",
                "I sommer syklet vi hele Telemarkskanalen fra Skien til Dalen, med telt og altfor mye bagasje.", 300)],
     "nb", "Spør bloggen", "Send"),  # Bokmål, not Danish
    ([cat.Entry("i.md", "Тисяча кілометрів за літо", "/i/", "2026-09-06", [], "post",
                "Цього літа я проїхав на велосипеді понад тисячу кілометрів, переважно вихідними.", 300)], "uk",
     "Запитайте блог", "Надіслати"),  # not Russian's
    ([cat.Entry("j.md", "לילות ארוכים עם גלקסיית המשולש", "/j/", "2026-11-07", [], "post",
                "בלילה שבין שישי לשבת צילמתי את גלקסיית המשולש מהחצר, עם הטלסקופ הקטן.", 300)], "he",
     "שאלו את הבלוג", "שליחה"),
    ([cat.Entry("l.md", "Tri dana uz obalu, 1. dio: plan i pakiranje", "/l/", "2020-05-24", [], "post",
                "Prije puta sve sam složila na pod dnevnog boravka: šator, vreću za spavanje i dvadeset litara vode.", 300)],
     "sh", "Pitajte blog", "Pošalji"),  # Croatian: wordfreq's Serbo-Croatian in Latin letters
    ([cat.Entry("m.md", "Kaip stačiau duonkepę krosnį (1 dalis)", "/m/", "2023-03-18", [], "post",
                "Pavasarį nusprendžiau pagaliau pastatyti kiemo duonkepę krosnį, kokią turėjo mano senelė.", 300)],
     "lt", "Klauskite tinklaraščio", "Siųsti"),
])
def test_blogs_in_other_languages_get_their_own_page(entries, language, title, send):
    assert strings.page_language(entries) == language
    assert strings.text("title", language) == title and strings.widget(language)["send"] == send


@pytest.mark.fast
def test_a_hebrew_blogs_page_and_widget_run_right_to_left():
    assert strings.rtl("he") and strings.widget("he")["dir"] == "rtl"
    assert not strings.rtl("uk") and strings.widget("uk")["dir"] == "ltr" and strings.widget("th")["dir"] == "ltr"
    from localchat.serve.api import _widget_script  # noqa: PLC0415
    script = _widget_script("he")
    assert '"dir": "rtl"' in script and "dir: S.dir" in script and "margin-left" not in script


@pytest.mark.fast
def test_english_and_unknown_languages_get_english():
    assert strings.page_language(EN) == "en" and strings.page_language([]) == "en"
    assert strings.examples(EN)[0] == "What's your latest post?"
    assert strings.text("title", "th") == "Ask the blog"  # no Thai strings: English


@pytest.mark.fast
def test_the_chat_is_headed_by_the_sites_own_name():
    assert strings.page_title("it", "Raggi e Stelle") == "Raggi e Stelle · Chiedi al blog"
    assert strings.page_title("en", "") == "Ask the blog"  # no name in the site's config
    assert strings.page_title("en", "<b>Me</b>") == "&lt;b&gt;Me&lt;/b&gt; · Ask the blog"  # shown as written


@pytest.mark.fast
def test_the_widget_speaks_the_blogs_language():
    import json
    import re

    class Engine:
        def __init__(self, entries):
            self.entries = entries

        def catalog(self):
            return self.entries

    class Service:
        def __init__(self, entries):
            self.engine = Engine(entries)

    for entries, title, send in ((ZH, "向博客提问", "发送"), (EN, "Ask the blog", "Send")):
        script = widget_script(Service(entries))
        words = json.loads(re.search(r"var S = (\{.*?\});", script, re.S)[1])
        assert words["title"] == title and words["send"] == send
        assert "/*STRINGS*/" not in script and script.count("customElements.define") == 1
