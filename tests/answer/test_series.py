"""A series the titles name (answer/series.py), found in any language and asked for by its words."""

from __future__ import annotations

import datetime as dt

import pytest

from localchat.answer import series, wholeblog
from localchat.index import catalog as cat

TODAY = dt.date(2026, 12, 1)


def entry(post_id: str, title: str, date: str, tags: list[str] | None = None) -> cat.Entry:
    return cat.Entry(post_id, title, f"/{post_id}/", date, tags or [], "post", "", 100)


@pytest.mark.fast
@pytest.mark.parametrize("title, name", [
    ("Riego automático con ESP32 (parte 2): el código", "Riego automático con ESP32"),
    ("Monter un serveur maison (2/3) : Proxmox, VM et conteneurs", "Monter un serveur maison"),
    ("Mit dem Rad zur Ostsee, Teil 2: Berlin – Neustrelitz", "Mit dem Rad zur Ostsee"),
    ("Алтай: поход к Шавлинским озёрам. Часть 2 — озёра", "Алтай: поход к Шавлинским озёрам"),
    ("홈 NAS 구축기 2편: FreeNAS 설치와 RAIDZ1 구성", "홈 NAS 구축기"),
    ("订单服务从 MySQL 迁到 PostgreSQL（二）：双写与数据校验", "订单服务从 MySQL 迁到 PostgreSQL"),
    ("Rust入門 その2：借用とライフタイム", "Rust入門"),
    ("Building a bandsaw jig, Part 3", "Building a bandsaw jig"),
    # after a comma, a part numbered with a word of any language, before or after its number
    ("Fietsen naar Rome, deel 2", "Fietsen naar Rome"),
    ("Likya Yolu Günlüğü, 2. Bölüm: Kabak'tan Alınca'ya", "Likya Yolu Günlüğü"),
    ("Traversarea Făgărașului, partea a II-a: de la Negoiu la Moldoveanu", "Traversarea Făgărașului"),
    ("Tokyo, 2019", ""),  # a year
    ("Sourdough, 80% hydration", ""),  # a share, no part
    # no part numbered: a version, a year, a count, a word that holds "teil"
    ("ESP32 und Home Assistant", ""),
    ("What's new in Svelte: August 2025", ""),
    ("10 things I learned", ""),
    ("Die Vorteile 2 neuer Räder", ""),
    ("Part 2", ""),  # no name before the part
])
def test_the_name_a_title_gives_its_series(title: str, name: str) -> None:
    assert series.name_of(title) == name


@pytest.mark.fast
def test_a_series_is_two_or_more_parts_or_a_shared_name_before_a_colon() -> None:
    entries = [entry("p3", "Riego automático con ESP32 (parte 3): datos", "2023-09-01"),
               entry("p2", "Riego automático con ESP32 (parte 2): el código", "2023-06-01"),
               entry("p1", "Riego automático con ESP32 (parte 1): el hardware", "2023-05-01"),
               entry("lone", "Compost (parte 1)", "2022-05-01"),  # one part alone is no series
               entry("n2", "Shop notes: the bandsaw", "2022-03-01"),
               entry("n1", "Shop notes: sharpening", "2021-03-01"),
               entry("x", "Alpes : le col", "2021-01-01"), entry("y", "Alpes : la descente", "2020-01-01")]
    assert series.titled(entries) == {"Riego automático con ESP32": ("p3", "p2", "p1"), "Shop notes": ("n2", "n1")}


BLOG = [entry("ostsee-3.md", "Mit dem Rad zur Ostsee, Teil 3: Neustrelitz – Stralsund", "2023-08-20", ["Fahrrad"]),
        entry("ostsee-2.md", "Mit dem Rad zur Ostsee, Teil 2: Berlin – Neustrelitz", "2023-08-10", ["Fahrrad"]),
        entry("ostsee-1.md", "Mit dem Rad zur Ostsee, Teil 1: Leipzig – Berlin", "2023-08-01", ["Fahrrad"]),
        entry("brot.md", "Roggenbrot mit Sauerteig", "2023-05-01", ["Brot"]),
        entry("rad.md", "Ein neues Rad", "2022-05-01", ["Fahrrad"]),
        entry("nas-2.md", "홈 NAS 구축기 2편: RAIDZ1", "2021-05-01", ["NAS"]),
        entry("nas-1.md", "홈 NAS 구축기 1편: 하드웨어", "2021-04-01", ["NAS"]),
        entry("nas-x.md", "NAS 전력 측정", "2021-06-01", ["NAS"]),
        entry("pg-2.md", "订单服务从 MySQL 迁到 PostgreSQL（二）：双写", "2020-05-01", ["PostgreSQL"]),
        entry("pg-1.md", "订单服务从 MySQL 迁到 PostgreSQL（一）：为什么要迁", "2020-04-01", ["PostgreSQL"]),
        entry("pg-x.md", "PostgreSQL 16 升级", "2020-06-01", ["PostgreSQL"]),
        entry("altai-2.md", "Алтай: поход к Шавлинским озёрам. Часть 2 — озёра", "2019-08-01"),
        entry("altai-1.md", "Алтай: поход к Шавлинским озёрам. Часть 1 — дорога", "2019-07-01")]
BLOG.sort(key=lambda e: e.date, reverse=True)


@pytest.mark.fast
@pytest.mark.parametrize("question, action, want", [
    ("Welche Teile hat die Serie über die Radtour zur Ostsee?", "list", ["ostsee-3.md", "ostsee-2.md", "ostsee-1.md"]),
    ("Wie viele Teile hat die Ostsee-Serie?", "count", ["ostsee-3.md", "ostsee-2.md", "ostsee-1.md"]),
    ("NAS 구축기 시리즈 전부 링크 좀 모아 주세요.", "list", ["nas-2.md", "nas-1.md"]),  # not the NAS tag's three
    ("订单服务从 MySQL 迁 PostgreSQL 那个系列有哪几篇？", "list", ["pg-2.md", "pg-1.md"]),  # not the PostgreSQL tag's
    ("Дайте все части отчёта о походе к Шавлинским озёрам", "list", ["altai-2.md", "altai-1.md"]),
    ("What's the first part of the Ostsee series?", "list", ["ostsee-1.md"]),
])
def test_a_series_is_asked_for_by_its_words(question: str, action: str, want: list[str]) -> None:
    found = wholeblog.understand(question, [], BLOG, "", TODAY)
    assert found is not None, question
    q, chosen, _total = found
    assert q.action == action and q.series
    assert [e.post_id for e in wholeblog.shown(q, chosen, len(chosen))] == want


@pytest.mark.fast
@pytest.mark.parametrize("question, action", [
    ("Welche Beiträge gibt es zu Mit dem Rad zur Ostsee?", "list"),
    ("Which posts are in Mit dem Rad zur Ostsee?", "list"),
    ("Wie viele Beiträge hat Mit dem Rad zur Ostsee?", "count"),
])
def test_a_series_named_whole_needs_no_word_for_series(question: str, action: str) -> None:
    """Its name written whole, two words or more besides function words, is the series: not the posts
    of the Fahrrad tag that one of its words ("Rad") also reads."""
    found = wholeblog.understand(question, [], BLOG, "", TODAY)
    assert found is not None and found[0].action == action and found[0].series == "Mit dem Rad zur Ostsee"
    assert [e.post_id for e in found[1]] == ["ostsee-3.md", "ostsee-2.md", "ostsee-1.md"]


@pytest.mark.fast
def test_an_aside_after_a_series_name_is_no_part_of_it() -> None:
    entries = [entry("j3", "Jig of the Month (yes, I know): fret press cauls", "2022-03-01"),
               entry("j2", "Jig of the Month: bridge caul", "2021-03-01"),
               entry("j1", "Jig of the Month: fret slot insert", "2020-03-01")]
    assert series.titled(entries) == {"Jig of the Month": ("j3", "j2", "j1")}


@pytest.mark.fast
def test_a_tag_told_beside_a_series_that_all_its_parts_carry() -> None:
    """What the reader tells (the Fahrrad tag) is what the series asked for has: it is asked alone."""
    found = wholeblog.understand("Which was the first post of Mit dem Rad zur Ostsee? I'm looking for something tagged Fahrrad.",
                                 [], BLOG, "", TODAY)
    assert found is not None and found[0].series and [e.post_id for e in found[1][:1]] == ["ostsee-1.md"]


@pytest.mark.fast
def test_one_word_of_a_series_name_is_no_series() -> None:
    found = wholeblog.understand("Welche Beiträge sind über die Ostsee?", [], BLOG, "", TODAY)
    assert found is None or not found[0].series


@pytest.mark.fast
@pytest.mark.parametrize("question", [
    "Wie viele Beiträge sind mit Fahrrad getaggt?",  # no series asked for: the tag
    "Which series of tests did the NAS pass?",  # series, but the words name none of them alone
])
def test_no_series_where_none_is_named(question: str) -> None:
    found = wholeblog.understand(question, [], BLOG, "", TODAY)
    assert found is None or not found[0].series


@pytest.mark.fast
def test_a_series_is_named_in_the_answer_in_the_readers_language() -> None:
    q, chosen, total = wholeblog.understand("Welche Teile hat die Serie über die Radtour zur Ostsee?", [], BLOG, "", TODAY)
    text = wholeblog.render(q, chosen, total)
    assert "Serie „Mit dem Rad zur Ostsee“" in text and text.count("](/ostsee-") == 3


# --- categories: a taxonomy of their own ---------------------------------------------------------

def categorised(post_id: str, date: str, tags: list[str], categories: list[str]) -> cat.Entry:
    e = entry(post_id, post_id, date, tags + [c for c in categories if c not in tags])
    e.categories = categories
    return e


KO = sorted([categorised("marathon.md", "2024-04-01", ["러닝", "마라톤"], ["러닝"]),
             categorised("10k.md", "2023-04-01", ["러닝"], ["러닝"]),
             categorised("jeonju.md", "2025-04-01", ["러닝", "여행"], ["여행"]),  # ran on a trip: tagged, not filed
             categorised("kotlin.md", "2022-04-01", ["Kotlin"], ["개발", "백엔드"])],
            key=lambda e: e.date, reverse=True)


@pytest.mark.fast
@pytest.mark.parametrize("question, want", [
    ("러닝 카테고리에 있는 글 전부요", ["marathon.md", "10k.md"]),  # the category's posts
    ("러닝 태그 글 전부요", ["jeonju.md", "marathon.md", "10k.md"]),  # the tag's
    ("러닝 글 전부요", ["jeonju.md", "marathon.md", "10k.md"]),  # either: both
    ("백엔드 카테고리 글 알려줘", ["kotlin.md"]),  # a nested category is one of the post's
    ("Kotlin 카테고리 글 알려줘", ["kotlin.md"]),  # no category of that name: the tag
])
def test_a_category_asked_for_is_the_categorys_posts(question: str, want: list[str]) -> None:
    q, chosen, _total = wholeblog.understand(question, [], KO, "", TODAY)
    assert [e.post_id for e in chosen] == want


@pytest.mark.fast
def test_a_category_is_named_so_in_the_answer() -> None:
    q, chosen, total = wholeblog.understand("Which posts are in the category 러닝?", [], KO, "", TODAY)
    assert "in the category 러닝" in wholeblog.render(q, chosen, total) and total == 2
