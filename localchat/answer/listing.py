"""Catalog answers — lists, counts, the overview — in a reader's language other than English.

wholeblog.render writes English with its nuances (notes, photos, "from 2023"); a question asked in
Chinese, Japanese, Korean, Spanish, French, German, Russian, Portuguese, Italian, Dutch, Polish,
Swedish, Czech, Romanian, Turkish, Indonesian, Hungarian, Finnish, Vietnamese, Greek, Danish, Norwegian,
Ukrainian or Hebrew gets the same
exact list from the same catalog, said
with these templates. Dates are the catalog's ISO dates; a whole year or month is said the
language's way ("2021年5月", "mayo de 2021").
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from localchat.answer.cadence import amount
from localchat.index.catalog import Entry

T: dict[str, dict[str, str]] = {
    "zh": {
        "rate": "从 {first} 到 {last}，我共发表了 {n} 篇{desc}文章，平均每{unit}约 {rate} 篇。",
        "rate_in": "我共发表了 {n} 篇{desc}文章，平均每{unit}约 {rate} 篇。",
        "u_week": "周", "u_month": "月", "u_quarter": "季度", "u_year": "年",
        "no_number": "没有第 {number} 期：现有的是第 {first}–{last} 期。",
        "none": "我还没有发表过{desc}文章。", "count": "我共发表了 {n} 篇{desc}文章：",
        "one_newest": "我最新的{desc}文章是 {link}{date}。", "one_oldest": "我的第一篇{desc}文章是 {link}{date}。",
        "some_newest": "我最新的 {n} 篇{desc}文章：", "some_oldest": "我最早的 {n} 篇{desc}文章：",
        "list": "{desc}文章（{n} 篇），{order}：", "more": "……还有 {n} 篇。", "date": "，发表于 {date}",
        "newest": "最新的在前", "oldest": "最早的在前", "relevant": "最相关的在前", "number": "第 {number} 期：{link}{date}。",
        "issues": "第 {a}–{b} 期的", "tag": "标签为 {x} 的", "category": "分类为 {x} 的", "author": "{x} 写的", "topic": "关于 {x} 的", "series": "「{x}」系列的", "guests": "客座作者写的", "when": "{x}的",
        "year": "{y}年", "month": "{y}年{m}月", "since": "{x}以来", "until": "{x}以前", "range": "{a}至{b}",
        "ov_head": "这个博客共有 {n} 篇文章（{first}–{last}）。", "ov_tags": "我写得最多的主题：{tags}。",
        "ov_writers": "作者：{w}。", "ov_latest": "最新文章：", "ov_empty": "还没有发表任何文章。", "or": "或",
    },
    "ja": {
        "rate": "{first}〜{last}に{desc}記事を {n} 件公開しました。平均で{unit}に約 {rate} 件です。",
        "rate_in": "{desc}記事は {n} 件です。平均で{unit}に約 {rate} 件です。",
        "u_week": "1週間", "u_month": "1か月", "u_quarter": "四半期", "u_year": "1年",
        "no_number": "第 {number} 号はありません（第 {first}〜{last} 号まで）。",
        "none": "{desc}記事はまだありません。", "count": "{desc}記事は {n} 件あります：",
        "one_newest": "最新の{desc}記事は {link}{date} です。", "one_oldest": "最初の{desc}記事は {link}{date} です。",
        "some_newest": "最新の{desc}記事 {n} 件：", "some_oldest": "最初の{desc}記事 {n} 件：",
        "list": "{desc}記事（{n} 件、{order}）：", "more": "…ほか {n} 件。", "date": "（{date} 公開）",
        "newest": "新しい順", "oldest": "古い順", "relevant": "関連の高い順", "number": "第 {number} 号：{link}{date}。",
        "issues": "第 {a}〜{b} 号の", "tag": "タグ「{x}」の", "category": "カテゴリ「{x}」の", "author": "{x} の", "topic": "{x} についての", "series": "シリーズ「{x}」の", "guests": "ゲストの", "when": "{x}の",
        "year": "{y}年", "month": "{y}年{m}月", "since": "{x}以降", "until": "{x}まで", "range": "{a}〜{b}",
        "ov_head": "このブログには {n} 件の記事があります（{first}–{last}）。", "ov_tags": "よく書くテーマ：{tags}。",
        "ov_writers": "書いている人：{w}。", "ov_latest": "最新の記事：", "ov_empty": "公開された記事はまだありません。", "or": "・",
    },
    "pt": {
        "decimal": ",",
        "rate": "Publiquei {n} posts{desc} de {first} a {last}: cerca de {rate} por {unit}.",
        "rate_in": "Publiquei {n} posts{desc}: cerca de {rate} por {unit}.",
        "u_week": "semana", "u_month": "mês", "u_quarter": "trimestre", "u_year": "ano",
        "no_number": "Não há número {number}: os números vão de {first} a {last}.",
        "none": "Não publiquei nenhum post{desc}.", "count": "Publiquei {n} posts{desc}:",
        "one_newest": "Meu post{desc} mais recente é {link}{date}.", "one_oldest": "Meu primeiro post{desc} é {link}{date}.",
        "some_newest": "Meus {n} posts{desc} mais recentes:", "some_oldest": "Meus {n} primeiros posts{desc}:",
        "list": "Posts{desc} ({n}), {order}:", "more": "…e mais {n}.", "date": ", publicado em {date}",
        "newest": "os mais recentes primeiro", "oldest": "os mais antigos primeiro", "relevant": "os mais relevantes primeiro",
        "number": "Número {number}: {link}{date}.",
        "issues": " dos números {a}–{b}", "tag": " com a tag {x}", "category": " da categoria {x}", "author": " de {x}", "topic": " sobre {x}", "series": " da série «{x}»", "guests": " de convidados", "when": " {x}",
        "year": "de {y}", "month": "de {month} de {y}", "since": "desde {x}", "until": "até {x}", "range": "de {a} a {b}",
        "ov_head": "Este blog tem {n} posts ({first}–{last}).", "ov_tags": "Os temas sobre os quais mais escrevo: {tags}.",
        "ov_writers": "Escrito por {w}.", "ov_latest": "Posts mais recentes:", "ov_empty": "Ainda não há posts publicados.", "or": " ou ",
        "months": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    },
    "es": {
        "decimal": ",",
        "rate": "He publicado {n} publicaciones{desc} del {first} al {last}: unas {rate} por {unit}.",
        "rate_in": "He publicado {n} publicaciones{desc}: unas {rate} por {unit}.",
        "u_week": "semana", "u_month": "mes", "u_quarter": "trimestre", "u_year": "año",
        "no_number": "No hay número {number}: los números van del {first} al {last}.",
        "none": "No he publicado ninguna publicación{desc}.", "count": "He publicado {n} publicaciones{desc}:",
        "one_newest": "Mi publicación{desc} más reciente es {link}{date}.", "one_oldest": "Mi primera publicación{desc} es {link}{date}.",
        "some_newest": "Mis {n} publicaciones{desc} más recientes:", "some_oldest": "Mis {n} primeras publicaciones{desc}:",
        "list": "Publicaciones{desc} ({n}), {order}:", "more": "…y {n} más.", "date": ", publicada el {date}",
        "newest": "primero las más recientes", "oldest": "primero las más antiguas", "relevant": "primero las más relevantes",
        "number": "Número {number}: {link}{date}.",
        "issues": " de los números {a}–{b}", "tag": " con la etiqueta {x}", "category": " de la categoría {x}", "author": " de {x}", "topic": " sobre {x}", "series": " de la serie «{x}»", "guests": " de invitados", "when": " {x}",
        "year": "de {y}", "month": "de {month} de {y}", "since": "desde {x}", "until": "hasta {x}", "range": "del {a} al {b}",
        "ov_head": "Este blog tiene {n} publicaciones ({first}–{last}).", "ov_tags": "Temas sobre los que más escribo: {tags}.",
        "ov_writers": "Escrito por {w}.", "ov_latest": "Últimas publicaciones:", "ov_empty": "Aún no hay publicaciones.", "or": " o ",
        "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    },
    "fr": {
        "decimal": ",",
        "rate": "J'ai publié {n} articles{desc} du {first} au {last} : environ {rate} par {unit}.",
        "rate_in": "J'ai publié {n} articles{desc} : environ {rate} par {unit}.",
        "u_week": "semaine", "u_month": "mois", "u_quarter": "trimestre", "u_year": "an",
        "no_number": "Il n'y a pas de numéro {number} : les numéros vont de {first} à {last}.",
        "none": "Je n'ai publié aucun article{desc}.", "count": "J'ai publié {n} articles{desc} :",
        "one_newest": "Mon article{desc} le plus récent est {link}{date}.", "one_oldest": "Mon premier article{desc} est {link}{date}.",
        "some_newest": "Mes {n} articles{desc} les plus récents :", "some_oldest": "Mes {n} premiers articles{desc} :",
        "list": "Articles{desc} ({n}), {order} :", "more": "…et {n} de plus.", "date": ", publié le {date}",
        "newest": "du plus récent au plus ancien", "oldest": "du plus ancien au plus récent",
        "relevant": "les plus pertinents d'abord", "number": "Numéro {number} : {link}{date}.",
        "issues": " des numéros {a}–{b}", "tag": " avec l'étiquette {x}", "category": " de la catégorie {x}", "author": " de {x}", "topic": " sur {x}", "series": " de la série « {x} »", "guests": " d'invités", "when": " {x}",
        "year": "de {y}", "month": "de {month} {y}", "since": "depuis le {x}", "until": "jusqu'au {x}", "range": "du {a} au {b}",
        "ov_head": "Ce blog compte {n} articles ({first}–{last}).", "ov_tags": "Les sujets que j'aborde le plus : {tags}.",
        "ov_writers": "Écrit par {w}.", "ov_latest": "Derniers articles :", "ov_empty": "Aucun article publié pour l'instant.", "or": " ou ",
        "months": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    },
    "de": {
        "decimal": ",",
        "rate": "Ich habe vom {first} bis zum {last} {n} Beiträge{desc} veröffentlicht: etwa {rate} pro {unit}.",
        "rate_in": "Ich habe {n} Beiträge{desc} veröffentlicht: etwa {rate} pro {unit}.",
        "u_week": "Woche", "u_month": "Monat", "u_quarter": "Quartal", "u_year": "Jahr",
        "no_number": "Es gibt keine Nummer {number}: die Nummern reichen von {first} bis {last}.",
        "none": "Ich habe keine Beiträge{desc} veröffentlicht.", "count": "Ich habe {n} Beiträge{desc} veröffentlicht:",
        "one_newest": "Mein neuester Beitrag{desc} ist {link}{date}.", "one_oldest": "Mein erster Beitrag{desc} ist {link}{date}.",
        "some_newest": "Meine {n} neuesten Beiträge{desc}:", "some_oldest": "Meine ersten {n} Beiträge{desc}:",
        "list": "Beiträge{desc} ({n}), {order}:", "more": "…und {n} weitere.", "date": ", veröffentlicht am {date}",
        "newest": "neueste zuerst", "oldest": "älteste zuerst", "relevant": "relevanteste zuerst",
        "number": "Nummer {number}: {link}{date}.",
        "issues": " der Ausgaben {a}–{b}", "tag": " mit dem Tag {x}", "category": " der Kategorie {x}", "author": " von {x}", "topic": " über {x}", "series": " der Serie „{x}“", "guests": " von Gastautoren", "when": " {x}",
        "year": "aus {y}", "month": "aus {month} {y}", "since": "seit {x}", "until": "bis {x}", "range": "vom {a} bis {b}",
        "ov_head": "Dieser Blog hat {n} Beiträge ({first}–{last}).", "ov_tags": "Themen, über die ich am meisten schreibe: {tags}.",
        "ov_writers": "Geschrieben von {w}.", "ov_latest": "Neueste Beiträge:", "ov_empty": "Noch keine Beiträge veröffentlicht.", "or": " oder ",
        "months": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    },
    "ru": {
        "decimal": ",",
        "rate": "Записей{desc} с {first} по {last}: {n} — примерно {rate} в {unit}.",
        "rate_in": "Записей{desc}: {n} — примерно {rate} в {unit}.",
        "u_week": "неделю", "u_month": "месяц", "u_quarter": "квартал", "u_year": "год",
        "no_number": "Выпуска № {number} нет: есть выпуски с {first} по {last}.",
        "none": "Записей{desc} пока нет.", "count": "Всего записей{desc}: {n}.",
        "one_newest": "Самая новая запись{desc} — {link}{date}.", "one_oldest": "Первая запись{desc} — {link}{date}.",
        "some_newest": "Последние записи{desc} ({n}):", "some_oldest": "Первые записи{desc} ({n}):",
        "list": "Записи{desc} ({n}), {order}:", "more": "…и ещё {n}.", "date": ", опубликована {date}",
        "newest": "сначала новые", "oldest": "сначала старые", "relevant": "сначала самые подходящие",
        "number": "Выпуск № {number}: {link}{date}.",
        "issues": " из выпусков {a}–{b}", "tag": " с тегом «{x}»", "category": " из рубрики «{x}»", "author": " (автор: {x})", "topic": " на тему «{x}»", "series": " из серии «{x}»", "guests": " гостевых авторов",
        "when": " {x}", "year": "за {y} год", "month": "за {month} {y}", "since": "с {x}", "until": "до {x}",
        "range": "с {a} по {b}",
        "ov_head": "Записей в блоге: {n} ({first}–{last}).", "ov_tags": "Основные темы: {tags}.",
        "ov_writers": "Авторы: {w}.", "ov_latest": "Последние записи:", "ov_empty": "Записей пока нет.", "or": " или ",
        "months": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    },
    "ko": {
        "rate": "{first}부터 {last}까지 {desc}글을 {n}개 올렸습니다. 평균 {unit}에 약 {rate}개입니다.",
        "rate_in": "{desc}글은 {n}개입니다. 평균 {unit}에 약 {rate}개입니다.",
        "u_week": "한 주", "u_month": "한 달", "u_quarter": "한 분기", "u_year": "1년",
        "no_number": "{number}호는 없습니다({first}~{last}호까지 있습니다).",
        "none": "{desc}글은 아직 없습니다.", "count": "{desc}글은 {n}개입니다:",
        "one_newest": "가장 최근 {desc}글은 {link}{date}입니다.", "one_oldest": "첫 {desc}글은 {link}{date}입니다.",
        "some_newest": "최근 {desc}글 {n}개:", "some_oldest": "처음 {desc}글 {n}개:",
        "list": "{desc}글 ({n}개, {order}):", "more": "…외 {n}개.", "date": " ({date} 게시)",
        "newest": "최신순", "oldest": "오래된 순", "relevant": "관련도순", "number": "{number}호: {link}{date}.",
        "issues": "{a}~{b}호의 ", "tag": "'{x}' 태그의 ", "category": "'{x}' 카테고리의 ", "author": "{x} 님이 쓴 ", "topic": "{x}에 관한 ", "series": "'{x}' 시리즈의 ", "guests": "게스트가 쓴 ", "when": "{x}의 ",
        "year": "{y}년", "month": "{y}년 {m}월", "since": "{x} 이후", "until": "{x}까지", "range": "{a}~{b}",
        "ov_head": "이 블로그에는 글이 {n}개 있습니다({first}–{last}).", "ov_tags": "자주 쓰는 주제: {tags}.",
        "ov_writers": "글쓴이: {w}.", "ov_latest": "최근 글:", "ov_empty": "아직 공개된 글이 없습니다.", "or": " 또는 ",
    },
    "it": {
        "decimal": ",",
        "rate": "Dal {first} al {last} ho pubblicato {n} articoli{desc}: circa {rate} a {unit}.",
        "rate_in": "Ho pubblicato {n} articoli{desc}: circa {rate} a {unit}.",
        "u_week": "settimana", "u_month": "mese", "u_quarter": "trimestre", "u_year": "anno",
        "no_number": "Non c'è il numero {number}: i numeri vanno dal {first} al {last}.",
        "none": "Non ho pubblicato articoli{desc}.", "count": "Articoli{desc}: {n}.",
        "one_newest": "Il mio articolo{desc} più recente è {link}{date}.", "one_oldest": "Il mio primo articolo{desc} è {link}{date}.",
        "some_newest": "I miei articoli{desc} più recenti ({n}):", "some_oldest": "I miei primi articoli{desc} ({n}):",
        "list": "Articoli{desc} ({n}), {order}:", "more": "…e altri {n}.", "date": ", pubblicato il {date}",
        "newest": "dal più recente", "oldest": "dal più vecchio", "relevant": "i più pertinenti prima",
        "number": "Numero {number}: {link}{date}.",
        "issues": " dei numeri {a}–{b}", "tag": " con il tag {x}", "category": " della categoria {x}", "author": " di {x}", "topic": " su {x}", "series": " della serie «{x}»", "guests": " di autori ospiti", "when": " {x}",
        "year": "del {y}", "month": "di {month} {y}", "since": "dal {x}", "until": "fino al {x}", "range": "dal {a} al {b}",
        "ov_head": "Questo blog ha {n} articoli ({first}–{last}).", "ov_tags": "Gli argomenti di cui scrivo di più: {tags}.",
        "ov_writers": "Scritto da {w}.", "ov_latest": "Articoli più recenti:", "ov_empty": "Nessun articolo pubblicato per ora.", "or": " o ",
        "months": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    },
    "nl": {
        "decimal": ",",
        "rate": "Van {first} tot {last} heb ik {n} berichten{desc} gepubliceerd: ongeveer {rate} per {unit}.",
        "rate_in": "Ik heb {n} berichten{desc} gepubliceerd: ongeveer {rate} per {unit}.",
        "u_week": "week", "u_month": "maand", "u_quarter": "kwartaal", "u_year": "jaar",
        "no_number": "Er is geen nummer {number}: de nummers lopen van {first} tot {last}.",
        "none": "Ik heb geen berichten{desc} gepubliceerd.", "count": "Berichten{desc}: {n}.",
        "one_newest": "Mijn nieuwste bericht{desc} is {link}{date}.", "one_oldest": "Mijn eerste bericht{desc} is {link}{date}.",
        "some_newest": "Mijn nieuwste berichten{desc} ({n}):", "some_oldest": "Mijn eerste berichten{desc} ({n}):",
        "list": "Berichten{desc} ({n}), {order}:", "more": "…en nog {n}.", "date": ", gepubliceerd op {date}",
        "newest": "nieuwste eerst", "oldest": "oudste eerst", "relevant": "meest relevante eerst",
        "number": "Nummer {number}: {link}{date}.",
        "issues": " uit de nummers {a}–{b}", "tag": " met de tag {x}", "category": " in de categorie {x}", "author": " van {x}", "topic": " over {x}", "series": " uit de serie ‘{x}’", "guests": " van gastschrijvers", "when": " {x}",
        "year": "uit {y}", "month": "uit {month} {y}", "since": "sinds {x}", "until": "tot {x}", "range": "van {a} tot {b}",
        "ov_head": "Dit blog heeft {n} berichten ({first}–{last}).", "ov_tags": "Onderwerpen waar ik het meest over schrijf: {tags}.",
        "ov_writers": "Geschreven door {w}.", "ov_latest": "Nieuwste berichten:", "ov_empty": "Nog geen berichten gepubliceerd.", "or": " of ",
        "months": "januari februari maart april mei juni juli augustus september oktober november december",
    },
    "pl": {  # said without agreeing with the number ("Liczba wpisów: 3"): Polish has three plural forms
        "decimal": ",",
        "rate": "Wpisy{desc} od {first} do {last}: {n}, średnio około {rate} na {unit}.",
        "rate_in": "Wpisy{desc}: {n}, średnio około {rate} na {unit}.",
        "u_week": "tydzień", "u_month": "miesiąc", "u_quarter": "kwartał", "u_year": "rok",
        "no_number": "Nie ma numeru {number}: numery są od {first} do {last}.",
        "none": "Nie ma jeszcze wpisów{desc}.", "count": "Liczba wpisów{desc}: {n}.",
        "one_newest": "Najnowszy wpis{desc} to {link}{date}.", "one_oldest": "Pierwszy wpis{desc} to {link}{date}.",
        "some_newest": "Najnowsze wpisy{desc} ({n}):", "some_oldest": "Pierwsze wpisy{desc} ({n}):",
        "list": "Wpisy{desc} ({n}), {order}:", "more": "…i jeszcze {n}.", "date": ", opublikowany {date}",
        "newest": "od najnowszych", "oldest": "od najstarszych", "relevant": "od najtrafniejszych",
        "number": "Numer {number}: {link}{date}.",
        "issues": " z numerów {a}–{b}", "tag": " z tagiem „{x}”", "category": " z kategorii „{x}”", "author": " (autor: {x})", "topic": " o „{x}”", "series": " z serii „{x}”", "guests": " autorów gościnnych", "when": " {x}",
        "year": "z {y} roku", "month": "z {month} {y}", "since": "od {x}", "until": "do {x}", "range": "od {a} do {b}",
        "ov_head": "Liczba wpisów na blogu: {n} ({first}–{last}).", "ov_tags": "Tematy, o których piszę najczęściej: {tags}.",
        "ov_writers": "Autorzy: {w}.", "ov_latest": "Najnowsze wpisy:", "ov_empty": "Nie ma jeszcze żadnych wpisów.", "or": " lub ",
        "months": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    },
    "sv": {  # "inlägg" is one word in the singular and the plural
        "decimal": ",",
        "rate": "Från {first} till {last} har jag publicerat {n} inlägg{desc}: ungefär {rate} per {unit}.",
        "rate_in": "Jag har publicerat {n} inlägg{desc}: ungefär {rate} per {unit}.",
        "u_week": "vecka", "u_month": "månad", "u_quarter": "kvartal", "u_year": "år",
        "no_number": "Det finns inget nummer {number}: numren går från {first} till {last}.",
        "none": "Jag har inte publicerat några inlägg{desc}.", "count": "Inlägg{desc}: {n}.",
        "one_newest": "Mitt senaste inlägg{desc} är {link}{date}.", "one_oldest": "Mitt första inlägg{desc} är {link}{date}.",
        "some_newest": "Mina senaste inlägg{desc} ({n}):", "some_oldest": "Mina första inlägg{desc} ({n}):",
        "list": "Inlägg{desc} ({n}), {order}:", "more": "…och {n} till.", "date": ", publicerat {date}",
        "newest": "nyast först", "oldest": "äldst först", "relevant": "mest relevanta först",
        "number": "Nummer {number}: {link}{date}.",
        "issues": " från nummer {a}–{b}", "tag": " med taggen {x}", "category": " i kategorin {x}", "author": " av {x}", "topic": " om {x}", "series": " i serien ”{x}”", "guests": " av gästskribenter", "when": " {x}",
        "year": "från {y}", "month": "från {month} {y}", "since": "sedan {x}", "until": "till {x}", "range": "från {a} till {b}",
        "ov_head": "Den här bloggen har {n} inlägg ({first}–{last}).", "ov_tags": "Det jag skriver mest om: {tags}.",
        "ov_writers": "Skrivet av {w}.", "ov_latest": "Senaste inläggen:", "ov_empty": "Inga publicerade inlägg än.", "or": " eller ",
        "months": "januari februari mars april maj juni juli augusti september oktober november december",
    },
    "cs": {  # as Polish: said without agreeing with the number ("Počet příspěvků: 3"), and impersonal
        "decimal": ",",
        "rate": "Příspěvky{desc} od {first} do {last}: {n}, v průměru asi {rate} za {unit}.",
        "rate_in": "Příspěvky{desc}: {n}, v průměru asi {rate} za {unit}.",
        "u_week": "týden", "u_month": "měsíc", "u_quarter": "čtvrtletí", "u_year": "rok",
        "no_number": "Číslo {number} neexistuje: čísla jsou od {first} do {last}.",
        "none": "Zatím tu nejsou žádné příspěvky{desc}.", "count": "Počet příspěvků{desc}: {n}.",
        "one_newest": "Nejnovější příspěvek{desc} je {link}{date}.", "one_oldest": "První příspěvek{desc} je {link}{date}.",
        "some_newest": "Nejnovější příspěvky{desc} ({n}):", "some_oldest": "První příspěvky{desc} ({n}):",
        "list": "Příspěvky{desc} ({n}), {order}:", "more": "…a ještě {n}.", "date": ", zveřejněno {date}",
        "newest": "od nejnovějších", "oldest": "od nejstarších", "relevant": "od nejrelevantnějších",
        "number": "Číslo {number}: {link}{date}.",
        "issues": " z čísel {a}–{b}", "tag": " se štítkem „{x}“", "category": " z kategorie „{x}“", "author": " (autor: {x})", "topic": " o „{x}“", "series": " ze série „{x}“", "guests": " hostujících autorů", "when": " {x}",
        "year": "z roku {y}", "month": "z {month} {y}", "since": "od {x}", "until": "do {x}", "range": "od {a} do {b}",
        "ov_head": "Počet příspěvků na blogu: {n} ({first}–{last}).", "ov_tags": "Témata, o kterých píšu nejčastěji: {tags}.",
        "ov_writers": "Autoři: {w}.", "ov_latest": "Nejnovější příspěvky:", "ov_empty": "Zatím tu nejsou žádné příspěvky.", "or": " nebo ",
        "months": "ledna února března dubna května června července srpna září října listopadu prosince",
    },
    "ro": {  # said without agreeing with the number ("Număr de articole: 3"), as for Polish and Czech
        "decimal": ",",
        "rate": "Articole{desc} de la {first} până la {last}: {n}, în medie cam {rate} pe {unit}.",
        "rate_in": "Articole{desc}: {n}, în medie cam {rate} pe {unit}.",
        "u_week": "săptămână", "u_month": "lună", "u_quarter": "trimestru", "u_year": "an",
        "no_number": "Nu există numărul {number}: numerele merg de la {first} la {last}.",
        "none": "Nu am publicat niciun articol{desc}.", "count": "Număr de articole{desc}: {n}.",
        "one_newest": "Cel mai nou articol{desc} este {link}{date}.", "one_oldest": "Primul articol{desc} este {link}{date}.",
        "some_newest": "Cele mai noi articole{desc} ({n}):", "some_oldest": "Primele articole{desc} ({n}):",
        "list": "Articole{desc} ({n}), {order}:", "more": "…și încă {n}.", "date": ", publicat pe {date}",
        "newest": "de la cele mai noi", "oldest": "de la cele mai vechi", "relevant": "în ordinea relevanței",
        "number": "Numărul {number}: {link}{date}.",
        "issues": " din numerele {a}–{b}", "tag": " cu eticheta „{x}”", "category": " din categoria „{x}”", "author": " de {x}", "topic": " despre „{x}”", "series": " din seria „{x}”", "guests": " ale autorilor invitați", "when": " {x}",
        "year": "din {y}", "month": "din {month} {y}", "since": "începând cu {x}", "until": "până la {x}", "range": "de la {a} până la {b}",
        "ov_head": "Număr de articole pe blog: {n} ({first}–{last}).", "ov_tags": "Temele despre care scriu cel mai des: {tags}.",
        "ov_writers": "Autori: {w}.", "ov_latest": "Cele mai noi articole:", "ov_empty": "Nu există încă articole publicate.", "or": " sau ",
        "months": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    },
    "tr": {  # what a post is (tag, writer, period) in brackets after it: no suffix to harmonise with a name
        "decimal": ",",
        "rate": "{first} ile {last} arasındaki yazılar{desc}: {n}, {unit} başına ortalama {rate}.",
        "rate_in": "Yazılar{desc}: {n}, {unit} başına ortalama {rate}.",
        "u_week": "hafta", "u_month": "ay", "u_quarter": "çeyrek", "u_year": "yıl",
        "no_number": "{number} numaralı bir sayı yok: sayılar {first} ile {last} arasında.",
        "none": "Hiç yazı yok{desc}.", "count": "Yazı sayısı{desc}: {n}.",
        "one_newest": "En yeni yazı{desc}: {link}{date}.", "one_oldest": "İlk yazı{desc}: {link}{date}.",
        "some_newest": "En yeni yazılar{desc} ({n}):", "some_oldest": "İlk yazılar{desc} ({n}):",
        "list": "Yazılar{desc} ({n}), {order}:", "more": "…ve {n} yazı daha.", "date": ", yayın tarihi {date}",
        "newest": "yeniden eskiye", "oldest": "eskiden yeniye", "relevant": "en alakalıdan başlayarak",
        "number": "Sayı {number}: {link}{date}.",
        "parts": " ({x})", "sep": "; ",
        "issues": "{a}–{b} numaralı sayılar", "tag": "etiket: {x}", "category": "kategori: {x}", "author": "yazar: {x}", "topic": "konu: {x}", "series": "seri: {x}", "guests": "konuk yazarlar", "when": "{x}",
        "year": "{y}", "month": "{month} {y}", "since": "{x} ve sonrası", "until": "{x} ve öncesi", "range": "{a} – {b}",
        "ov_head": "Bu blogda {n} yazı var ({first}–{last}).", "ov_tags": "En çok yazdığım konular: {tags}.",
        "ov_writers": "Yazarlar: {w}.", "ov_latest": "En yeni yazılar:", "ov_empty": "Henüz yayımlanmış yazı yok.", "or": " veya ",
        "months": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    },
    "el": {
        "decimal": ",",
        "rate": "Αναρτήσεις{desc} από {first} έως {last}: {n}, κατά μέσο όρο περίπου {rate} ανά {unit}.",
        "rate_in": "Αναρτήσεις{desc}: {n}, κατά μέσο όρο περίπου {rate} ανά {unit}.",
        "u_week": "εβδομάδα", "u_month": "μήνα", "u_quarter": "τρίμηνο", "u_year": "έτος",
        "no_number": "Δεν υπάρχει τεύχος {number}: τα τεύχη είναι από {first} έως {last}.",
        "none": "Δεν έχω δημοσιεύσει καμία ανάρτηση{desc}.", "count": "Αναρτήσεις{desc}: {n}.",
        "one_newest": "Η πιο πρόσφατη ανάρτησή μου{desc} είναι {link}{date}.",
        "one_oldest": "Η πρώτη μου ανάρτηση{desc} είναι {link}{date}.",
        "some_newest": "Οι πιο πρόσφατες αναρτήσεις μου{desc} ({n}):", "some_oldest": "Οι πρώτες αναρτήσεις μου{desc} ({n}):",
        "list": "Αναρτήσεις{desc} ({n}), {order}:", "more": "…και {n} ακόμη.", "date": ", που δημοσιεύτηκε στις {date}",
        "newest": "πρώτα οι πιο πρόσφατες", "oldest": "πρώτα οι παλαιότερες", "relevant": "πρώτα οι πιο σχετικές",
        "number": "Τεύχος {number}: {link}{date}.",
        "issues": " των τευχών {a}–{b}", "tag": " με ετικέτα «{x}»", "category": " στην κατηγορία «{x}»",
        "author": " (συγγραφέας: {x})", "topic": " σχετικά με «{x}»", "series": " της σειράς «{x}»",
        "guests": " από φιλοξενούμενους συγγραφείς", "when": " ({x})",
        "year": "{y}", "month": "{month} {y}", "since": "από {x}", "until": "έως {x}", "range": "από {a} έως {b}",
        "ov_head": "Αναρτήσεις σε αυτό το ιστολόγιο: {n} ({first}–{last}).",
        "ov_tags": "Τα θέματα για τα οποία γράφω περισσότερο: {tags}.",
        "ov_writers": "Συγγραφή: {w}.", "ov_latest": "Πιο πρόσφατες αναρτήσεις:",
        "ov_empty": "Δεν υπάρχουν ακόμη δημοσιευμένες αναρτήσεις.", "or": " ή ",
        "months": "Ιανουάριος Φεβρουάριος Μάρτιος Απρίλιος Μάιος Ιούνιος Ιούλιος Αύγουστος Σεπτέμβριος Οκτώβριος Νοέμβριος Δεκέμβριος",
    },
    "id": {
        "decimal": ",",
        "rate": "Dari {first} sampai {last}, saya telah menerbitkan {n} tulisan{desc}: rata-rata sekitar {rate} per {unit}.",
        "rate_in": "Saya telah menerbitkan {n} tulisan{desc}: rata-rata sekitar {rate} per {unit}.",
        "u_week": "minggu", "u_month": "bulan", "u_quarter": "kuartal", "u_year": "tahun",
        "no_number": "Tidak ada edisi {number}: edisinya mulai dari {first} sampai {last}.",
        "none": "Saya belum pernah menerbitkan tulisan{desc}.", "count": "Saya telah menerbitkan {n} tulisan{desc}:",
        "one_newest": "Tulisan terbaru saya{desc} adalah {link}{date}.",
        "one_oldest": "Tulisan pertama saya{desc} adalah {link}{date}.",
        "some_newest": "{n} tulisan terbaru saya{desc}:", "some_oldest": "{n} tulisan pertama saya{desc}:",
        "list": "Tulisan{desc} ({n}), {order}:", "more": "…dan {n} lagi.", "date": ", diterbitkan {date}",
        "newest": "dari yang terbaru", "oldest": "dari yang terlama", "relevant": "dari yang paling relevan",
        "number": "Edisi {number}: {link}{date}.",
        "issues": " dari edisi {a}–{b}", "tag": " dengan tag {x}", "category": " dalam kategori {x}", "author": " oleh {x}",
        "topic": " tentang {x}", "series": " dalam seri “{x}”", "guests": " oleh penulis tamu", "when": " {x}",
        "year": "pada tahun {y}", "month": "pada {month} {y}", "since": "sejak {x}", "until": "hingga {x}",
        "range": "dari {a} sampai {b}",
        "ov_head": "Blog ini memiliki {n} tulisan ({first}–{last}).", "ov_tags": "Topik yang paling sering saya tulis: {tags}.",
        "ov_writers": "Ditulis oleh {w}.", "ov_latest": "Tulisan terbaru:", "ov_empty": "Belum ada tulisan yang diterbitkan.",
        "or": " atau ",
        "months": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    },
    "hu": {
        "decimal": ",",
        "rate": "Közzétett bejegyzéseim{desc} {first} és {last} között: {n}, vagyis {unit} átlagosan nagyjából {rate} bejegyzés.",
        "rate_in": "Közzétett bejegyzéseim{desc}: {n}, vagyis {unit} átlagosan nagyjából {rate} bejegyzés.",
        "u_week": "hetente", "u_month": "havonta", "u_quarter": "negyedévente", "u_year": "évente",
        "no_number": "Nincs {number}. szám: a meglévő számok {first} és {last} között vannak.",
        "none": "Még nem tettem közzé bejegyzést{desc}.", "count": "Közzétett bejegyzéseim{desc}: {n}.",
        "one_newest": "A legújabb bejegyzésem{desc}: {link}{date}.", "one_oldest": "Az első bejegyzésem{desc}: {link}{date}.",
        "some_newest": "A legújabb bejegyzéseim{desc} ({n}):", "some_oldest": "Az első bejegyzéseim{desc} ({n}):",
        "list": "Bejegyzések{desc} ({n}), {order}:", "more": "…és még {n}.", "date": ", közzétéve: {date}",
        "newest": "a legújabbtól kezdve", "oldest": "a legrégebbitől kezdve", "relevant": "a legrelevánsabbtól kezdve",
        "number": "{number}. szám: {link}{date}.",
        "parts": " ({x})", "sep": "; ",
        "issues": "számok: {a}–{b}", "tag": "címke: {x}", "category": "kategória: {x}", "author": "szerző: {x}",
        "topic": "téma: {x}", "series": "sorozat: {x}", "guests": "vendégszerzők", "when": "{x}",
        "year": "{y}", "month": "{y}. {month}", "since": "{x} óta", "until": "legkésőbb {x}", "range": "{a} – {b}",
        "ov_head": "Ezen a blogon {n} bejegyzés van ({first}–{last}).", "ov_tags": "Amiről a legtöbbet írok: {tags}.",
        "ov_writers": "Írta: {w}.", "ov_latest": "Legújabb bejegyzések:", "ov_empty": "Még nincs közzétett bejegyzés.",
        "or": " vagy ",
        "months": "január február március április május június július augusztus szeptember október november december",
    },
    "fi": {
        "decimal": ",",
        "rate": "Julkaisemiani kirjoituksia{desc} aikavälillä {first} – {last}: {n}, eli keskimäärin noin {rate} {unit}.",
        "rate_in": "Julkaisemiani kirjoituksia{desc}: {n}, eli keskimäärin noin {rate} {unit}.",
        "u_week": "viikossa", "u_month": "kuukaudessa", "u_quarter": "vuosineljänneksessä", "u_year": "vuodessa",
        "no_number": "Numeroa {number} ei ole: numerot ovat {first}–{last}.",
        "none": "En ole julkaissut yhtään kirjoitusta{desc}.", "count": "Julkaisemiani kirjoituksia{desc}: {n}.",
        "one_newest": "Uusin kirjoitukseni{desc} on {link}{date}.", "one_oldest": "Ensimmäinen kirjoitukseni{desc} on {link}{date}.",
        "some_newest": "Uusimmat kirjoitukseni{desc} ({n}):", "some_oldest": "Ensimmäiset kirjoitukseni{desc} ({n}):",
        "list": "Kirjoitukset{desc} ({n}), {order}:", "more": "…ja {n} lisää.", "date": ", julkaistu {date}",
        "newest": "uusimmat ensin", "oldest": "vanhimmat ensin", "relevant": "osuvimmat ensin",
        "number": "Numero {number}: {link}{date}.",
        "parts": " ({x})", "sep": "; ",
        "issues": "numerot {a}–{b}", "tag": "tunniste: {x}", "category": "kategoria: {x}", "author": "kirjoittaja: {x}",
        "topic": "aihe: {x}", "series": "sarja: {x}", "guests": "vierailevat kirjoittajat", "when": "{x}",
        "year": "{y}", "month": "{month} {y}", "since": "{x} alkaen", "until": "{x} asti", "range": "{a} – {b}",
        "ov_head": "Kirjoituksia tässä blogissa: {n} ({first}–{last}).", "ov_tags": "Aiheet, joista kirjoitan eniten: {tags}.",
        "ov_writers": "Kirjoittanut: {w}.", "ov_latest": "Uusimmat kirjoitukset:", "ov_empty": "Julkaistuja kirjoituksia ei ole vielä.",
        "or": " tai ",
        "months": "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu marraskuu joulukuu",
    },
    "vi": {
        "decimal": ",",
        "rate": "Từ {first} đến {last}, tôi đã đăng {n} bài viết{desc}: trung bình khoảng {rate} bài mỗi {unit}.",
        "rate_in": "Tôi đã đăng {n} bài viết{desc}: trung bình khoảng {rate} bài mỗi {unit}.",
        "u_week": "tuần", "u_month": "tháng", "u_quarter": "quý", "u_year": "năm",
        "no_number": "Không có số {number}: chỉ có từ số {first} đến số {last}.",
        "none": "Tôi chưa đăng bài viết nào{desc}.", "count": "Tôi đã đăng {n} bài viết{desc}:",
        "one_newest": "Bài viết mới nhất{desc} là {link}{date}.", "one_oldest": "Bài viết đầu tiên{desc} là {link}{date}.",
        "some_newest": "{n} bài viết mới nhất{desc}:", "some_oldest": "{n} bài viết đầu tiên{desc}:",
        "list": "Các bài viết{desc} ({n}), {order}:", "more": "…và {n} bài khác.", "date": ", đăng ngày {date}",
        "newest": "xếp từ mới đến cũ", "oldest": "xếp từ cũ đến mới", "relevant": "xếp theo mức độ liên quan",
        "number": "Số {number}: {link}{date}.",
        "issues": " thuộc các số {a}–{b}", "tag": " có thẻ {x}", "category": " thuộc chuyên mục {x}", "author": " do {x} viết",
        "topic": " về {x}", "series": " thuộc loạt bài “{x}”", "guests": " của tác giả khách mời", "when": " {x}",
        "year": "trong năm {y}", "month": "trong tháng {month} năm {y}", "since": "từ {x}", "until": "cho đến {x}",
        "range": "từ {a} đến {b}",
        "ov_head": "Blog này có {n} bài viết ({first}–{last}).", "ov_tags": "Những chủ đề tôi viết nhiều nhất: {tags}.",
        "ov_writers": "Tác giả: {w}.", "ov_latest": "Bài viết mới nhất:", "ov_empty": "Chưa có bài viết nào được đăng.",
        "or": " hoặc ",
        "months": "1 2 3 4 5 6 7 8 9 10 11 12",
    },
    "da": {  # "indlæg" is one word in the singular and the plural
        "decimal": ",",
        "rate": "Fra {first} til {last} har jeg udgivet {n} indlæg{desc}: cirka {rate} pr. {unit}.",
        "rate_in": "Jeg har udgivet {n} indlæg{desc}: cirka {rate} pr. {unit}.",
        "u_week": "uge", "u_month": "måned", "u_quarter": "kvartal", "u_year": "år",
        "no_number": "Der er intet nummer {number}: numrene går fra {first} til {last}.",
        "none": "Jeg har ikke udgivet nogen indlæg{desc}.", "count": "Indlæg{desc}: {n}.",
        "one_newest": "Mit seneste indlæg{desc} er {link}{date}.", "one_oldest": "Mit første indlæg{desc} er {link}{date}.",
        "some_newest": "Mine seneste indlæg{desc} ({n}):", "some_oldest": "Mine første indlæg{desc} ({n}):",
        "list": "Indlæg{desc} ({n}), {order}:", "more": "…og {n} mere.", "date": ", udgivet {date}",
        "newest": "nyeste først", "oldest": "ældste først", "relevant": "mest relevante først",
        "number": "Nummer {number}: {link}{date}.",
        "issues": " fra nummer {a}–{b}", "tag": " med tagget {x}", "category": " i kategorien {x}", "author": " af {x}",
        "topic": " om {x}", "series": " i serien »{x}«", "guests": " af gæsteskribenter", "when": " {x}",
        "year": "fra {y}", "month": "fra {month} {y}", "since": "siden {x}", "until": "indtil {x}", "range": "fra {a} til {b}",
        "ov_head": "Denne blog har {n} indlæg ({first}–{last}).", "ov_tags": "Det, jeg skriver mest om: {tags}.",
        "ov_writers": "Skrevet af {w}.", "ov_latest": "Seneste indlæg:", "ov_empty": "Ingen udgivne indlæg endnu.",
        "or": " eller ",
        "months": "januar februar marts april maj juni juli august september oktober november december",
    },
    "uk": {  # as Russian: the count after a colon, with no agreement to make
        "decimal": ",",
        "rate": "Дописів{desc} з {first} по {last}: {n} — приблизно {rate} на {unit}.",
        "rate_in": "Дописів{desc}: {n} — приблизно {rate} на {unit}.",
        "u_week": "тиждень", "u_month": "місяць", "u_quarter": "квартал", "u_year": "рік",
        "no_number": "Випуску № {number} немає: є випуски з {first} по {last}.",
        "none": "Дописів{desc} немає.", "count": "Усього дописів{desc}: {n}.",
        "one_newest": "Найновіший допис{desc} — {link}{date}.", "one_oldest": "Перший допис{desc} — {link}{date}.",
        "some_newest": "Останні дописи{desc} ({n}):", "some_oldest": "Перші дописи{desc} ({n}):",
        "list": "Дописи{desc} ({n}), {order}:", "more": "…і ще {n}.", "date": ", опубліковано {date}",
        "newest": "спершу нові", "oldest": "спершу старі", "relevant": "спершу найдоречніші",
        "number": "Випуск № {number}: {link}{date}.",
        "issues": " з випусків {a}–{b}", "tag": " з тегом {x}", "category": " з рубрики «{x}»", "author": " (автор: {x})",
        "topic": " на тему «{x}»", "series": " із серії «{x}»", "guests": " гостьових авторів",
        "when": " {x}", "year": "за {y} рік", "month": "за {month} {y} року", "since": "з {x}", "until": "до {x}",
        "range": "з {a} по {b}",
        "ov_head": "Дописів у блозі: {n} ({first}–{last}).", "ov_tags": "Основні теми: {tags}.",
        "ov_writers": "Авторство: {w}.", "ov_latest": "Останні дописи:", "ov_empty": "Дописів поки немає.", "or": " або ",
        "months": "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень",
    },
    "he": {  # "ב" joins the word after it ("ב{unit}": "בשבוע", a week); a count after a colon ("1 פוסטים" is wrong)
        "rate": "פוסטים{desc} מ־{first} עד {last}: {n}, בערך {rate} ב{unit}.",
        "rate_in": "פוסטים{desc}: {n}, בערך {rate} ב{unit}.",
        "u_week": "שבוע", "u_month": "חודש", "u_quarter": "רבעון", "u_year": "שנה",
        "no_number": "אין גיליון מספר {number}: הגיליונות ממוספרים מ־{first} עד {last}.",
        "none": "לא פרסמתי פוסטים{desc}.", "count": "פוסטים{desc}: {n}.",
        "one_newest": "הפוסט האחרון שלי{desc} הוא {link}{date}.", "one_oldest": "הפוסט הראשון שלי{desc} הוא {link}{date}.",
        "some_newest": "הפוסטים האחרונים שלי{desc} ({n}):", "some_oldest": "הפוסטים הראשונים שלי{desc} ({n}):",
        "list": "פוסטים{desc} ({n}), {order}:", "more": "…ועוד {n}.", "date": ", פורסם ב־{date}",
        "newest": "מהחדש לישן", "oldest": "מהישן לחדש", "relevant": "לפי רלוונטיות",
        "number": "גיליון {number}: {link}{date}.",
        "issues": " מגיליונות {a}–{b}", "tag": " עם התגית {x}", "category": " בקטגוריה {x}", "author": " מאת {x}",
        "topic": " על {x}", "series": " בסדרה \"{x}\"", "guests": " מאת כותבים אורחים", "when": " {x}",
        "year": "ב־{y}", "month": "ב{month} {y}", "since": "מאז {x}", "until": "עד {x}", "range": "מ־{a} עד {b}",
        "ov_head": "פוסטים בבלוג: {n} ({first}–{last}).", "ov_tags": "הנושאים שכתבתי עליהם הכי הרבה: {tags}.",
        "ov_writers": "נכתב על ידי {w}.", "ov_latest": "פוסטים אחרונים:", "ov_empty": "עדיין לא פורסמו פוסטים.", "or": " או ",
        "months": "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
    },
    "sh": {  # Croatian words: a count after a colon, no number to agree with "objava"; an impersonal voice, no gender
        "decimal": ",",
        "rate": "Objave{desc} od {first} do {last}: {n}, prosječno oko {rate} po {unit}.",
        "rate_in": "Objave{desc}: {n}, prosječno oko {rate} po {unit}.",
        "u_week": "tjednu", "u_month": "mjesecu", "u_quarter": "tromjesečju", "u_year": "godini",
        "no_number": "Broja {number} nema: brojevi idu od {first} do {last}.",
        "none": "Još nema objava{desc}.", "count": "Broj objava{desc}: {n}.",
        "one_newest": "Najnovija objava{desc} je {link}{date}.", "one_oldest": "Prva objava{desc} je {link}{date}.",
        "some_newest": "Najnovije objave{desc} ({n}):", "some_oldest": "Prve objave{desc} ({n}):",
        "list": "Objave{desc} ({n}), {order}:", "more": "…i još {n}.", "date": " ({date})",
        "newest": "od najnovijih", "oldest": "od najstarijih", "relevant": "od najrelevantnijih",
        "number": "Broj {number}: {link}{date}.",
        "issues": " iz brojeva {a}–{b}", "tag": " s oznakom „{x}”", "category": " iz kategorije „{x}”", "author": " (autor: {x})",
        "topic": " o temi „{x}”", "series": " iz serije „{x}”", "guests": " gostujućih autora", "when": " {x}",
        "year": "iz {y}.", "month": "iz {month} {y}.", "since": "od {x}", "until": "do {x}", "range": "od {a} do {b}",
        "ov_head": "Broj objava na blogu: {n} ({first}.–{last}.).", "ov_tags": "Teme o kojima se najčešće piše: {tags}.",
        "ov_writers": "Autori: {w}.", "ov_latest": "Najnovije objave:", "ov_empty": "Još nema nijedne objave.",
        "or": " ili ",
        "months": "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga prosinca",
    },
    "lt": {  # a count after a colon, in the genitive plural ("įrašų"), no number to agree with
        "decimal": ",",
        "rate": "Įrašų{desc} nuo {first} iki {last}: {n}, vidutiniškai apie {rate} per {unit}.",
        "rate_in": "Įrašų{desc}: {n}, vidutiniškai apie {rate} per {unit}.",
        "u_week": "savaitę", "u_month": "mėnesį", "u_quarter": "ketvirtį", "u_year": "metus",
        "no_number": "Numerio {number} nėra: numeriai yra nuo {first} iki {last}.",
        "none": "Įrašų{desc} dar nėra.", "count": "Įrašų{desc}: {n}.",
        "one_newest": "Naujausias įrašas{desc} – {link}{date}.", "one_oldest": "Pirmasis įrašas{desc} – {link}{date}.",
        "some_newest": "Naujausi įrašai{desc} ({n}):", "some_oldest": "Pirmieji įrašai{desc} ({n}):",
        "list": "Įrašai{desc} ({n}), {order}:", "more": "…ir dar {n}.", "date": " ({date})",
        "newest": "nuo naujausių", "oldest": "nuo seniausių", "relevant": "nuo tinkamiausių",
        "number": "Numeris {number}: {link}{date}.",
        "issues": " iš numerių {a}–{b}", "tag": " su žyma „{x}“", "category": " iš kategorijos „{x}“", "author": " (parašė {x})",
        "topic": " tema „{x}“", "series": " iš serijos „{x}“", "guests": " (svečių autorių)", "when": " {x}",
        "year": "{y} m.", "month": "{y} m. {month} mėn.", "since": "nuo {x}", "until": "iki {x}", "range": "nuo {a} iki {b}",
        "ov_head": "Įrašų tinklaraštyje: {n} ({first}–{last} m.).", "ov_tags": "Dažniausios temos: {tags}.",
        "ov_writers": "Autoriai: {w}.", "ov_latest": "Naujausi įrašai:", "ov_empty": "Įrašų dar nėra.",
        "or": " arba ",
        "months": "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio",
    },
    "nb": {  # Bokmål: "innlegg" is one word in the singular and the plural, as Danish "indlæg"
        "decimal": ",",
        "rate": "Fra {first} til {last} har jeg publisert {n} innlegg{desc}: omtrent {rate} per {unit}.",
        "rate_in": "Jeg har publisert {n} innlegg{desc}: omtrent {rate} per {unit}.",
        "u_week": "uke", "u_month": "måned", "u_quarter": "kvartal", "u_year": "år",
        "no_number": "Det finnes ikke noe nummer {number}: numrene går fra {first} til {last}.",
        "none": "Jeg har ikke publisert noen innlegg{desc}.", "count": "Innlegg{desc}: {n}.",
        "one_newest": "Mitt nyeste innlegg{desc} er {link}{date}.", "one_oldest": "Mitt første innlegg{desc} er {link}{date}.",
        "some_newest": "Mine nyeste innlegg{desc} ({n}):", "some_oldest": "Mine første innlegg{desc} ({n}):",
        "list": "Innlegg{desc} ({n}), {order}:", "more": "…og {n} til.", "date": ", publisert {date}",
        "newest": "nyeste først", "oldest": "eldste først", "relevant": "mest relevante først",
        "number": "Nummer {number}: {link}{date}.",
        "issues": " fra nummer {a}–{b}", "tag": " med taggen {x}", "category": " i kategorien {x}", "author": " av {x}",
        "topic": " om {x}", "series": " i serien «{x}»", "guests": " av gjesteskribenter", "when": " {x}",
        "year": "fra {y}", "month": "fra {month} {y}", "since": "siden {x}", "until": "fram til {x}", "range": "fra {a} til {b}",
        "ov_head": "Denne bloggen har {n} innlegg ({first}–{last}).", "ov_tags": "Det jeg skriver mest om: {tags}.",
        "ov_writers": "Skrevet av {w}.", "ov_latest": "Nyeste innlegg:", "ov_empty": "Ingen publiserte innlegg ennå.",
        "or": " eller ",
        "months": "januar februar mars april mai juni juli august september oktober november desember",
    },
}


def speaks(language: str) -> bool:
    return language in T


def render(q: Any, chosen: Sequence[Entry], total: int) -> str:
    """wholeblog.render's answer, in q.language."""
    t = T[q.language]
    desc = describe(q, t)
    if not chosen and q.number is not None and q.numbers:
        return t["no_number"].format(number=q.number, first=q.numbers[0], last=q.numbers[1])
    if not chosen:
        return t["none"].format(desc=desc)
    if q.number is not None and q.through is None and q.action != "count":
        e = chosen[0]
        return t["number"].format(number=q.number, link=link(e), date=published(e, t))
    more = total - len(chosen) if q.action == "count" or not q.limit else 0
    if q.action == "count" and q.rate:
        rate, unit, first, last = q.rate
        key = "rate_in" if q.since or q.until else "rate"  # the period is said in desc
        return t[key].format(n=total, desc=desc, first=first, last=last, rate=amount(rate).replace(".", t.get("decimal", ".")), unit=t["u_" + unit])
    if q.action == "count":
        head = t["count"].format(n=total, desc=desc)
    elif q.limit == 1:
        e = chosen[0]
        text = t["one_" + q.order].format(desc=desc, link=link(e), date=published(e, t))
        return text + (f"\n\n{e.description}" if e.description else "")
    elif q.limit:
        head = t["some_" + q.order].format(n=len(chosen), desc=desc)
    else:
        head = t["list"].format(desc=desc, n=total, order=t["relevant" if q.topic else q.order])
    tail = [t["more"].format(n=more)] if more > 0 else []
    return "\n".join([head, *(line(e) for e in chosen), *tail])


def render_overview(summary: dict[str, Any], language: str) -> str:
    t = T[language]
    if not summary["posts"]:
        return t["ov_empty"]
    text = t["ov_head"].format(n=summary["posts"], first=summary["first"][:4], last=summary["last"][:4])
    if summary.get("writers"):
        text += " " + t["ov_writers"].format(w=writers(summary["writers"]))
    if summary["tags"]:
        text += " " + t["ov_tags"].format(tags=", ".join(f"{tag} ({n})" for tag, n in summary["tags"]))
    if summary["latest"]:
        text += "\n\n" + t["ov_latest"] + "\n" + "\n".join(line(e) for e in summary["latest"])
    return text


def writers(counted: Sequence[tuple[str, int]]) -> str:
    """"高橋 健太 (8), 李 明 (7)"; one writer alone is named without a count."""
    if len(counted) == 1:
        return counted[0][0]
    return ", ".join(f"{name} ({n})" for name, n in counted)


def describe(q: Any, t: dict[str, str]) -> str:
    parts = []
    if q.tags:
        parts.append(t["category" if q.category and "category" in t else "tag"].format(x=t["or"].join(q.tags)))
    if q.authors:
        parts.append(t["author"].format(x=t["or"].join(q.authors)))
    if q.series:
        parts.append(t.get("series", t["topic"]).format(x=q.series))
    if q.guest_of and "guests" in t:
        parts.append(t["guests"])
    if q.topic:
        parts.append(t["topic"].format(x=q.topic))
    if q.through is not None:
        parts.append(t["issues"].format(a=q.number, b=q.through))
    if q.since or q.until:
        parts.append(t["when"].format(x=period(q.since, q.until, t)))
    if "sep" in t:  # Turkish: what the posts are in one bracket after them, no suffix to agree with a name
        return t["parts"].format(x=t["sep"].join(parts)) if parts else ""
    return "".join(parts)


def period(since: str, until: str, t: dict[str, str]) -> str:
    """'2021年', '2021年5月', 'de mayo de 2021', 'desde 2021-05-01', '2021-05-01至2021-06-30'."""
    if since and until:
        a, b = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
        if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
            return t["year"].format(y=a.year)
        if a.day == 1 and (a.year, a.month) == (b.year, b.month) and (b + dt.timedelta(days=1)).day == 1:
            months = t.get("months", "").split()
            return t["month"].format(y=a.year, m=a.month, month=months[a.month - 1] if months else a.month)
        return t["range"].format(a=since, b=until)
    return t["since"].format(x=since) if since else t["until"].format(x=until)


def link(e: Entry) -> str:
    return f"[{e.title}]({e.url})"


def published(e: Entry, t: dict[str, str]) -> str:
    return t["date"].format(date=e.date) if e.date else ""


def line(e: Entry) -> str:
    return f"- {link(e)}" + (f" — {e.date}" if e.date else "")
