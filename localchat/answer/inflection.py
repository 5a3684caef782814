"""Whole-blog questions in languages whose words change their endings: Russian, Korean, and the
other forms of any table's words.

glossary.py says a question's plain words in English by looking each word up in a table. That is
enough where a word keeps its form ("latest" is "latest", "最新" is "最新"), not where its ending
says its role in the sentence:

- Russian declines: "последний пост", "последнюю статью", "последних записей" are one word each
  time. Each word is looked up as written first, then by its Snowball stem ("последн"), so the
  table holds one form of a word and every ending finds it. Short words (и, в, с, как) are read
  only as written: their stems collide ("какие" and "как" share one).
- Korean glues particles to its words: "글은", "블로그에서", "러닝을". A word the table does not
  know is read again without its particle where what is left is a word the table knows; verbs are
  read by their stems ("썼어요", "올렸나요": wrote, published).

- Any language with a Snowball stemmer: a table's word in another form is found by its stem, where
  the stem is that word's alone ("escribisteis": escribiste; "publicado" and "publicación" share
  one, so neither); and a tag or a writer the reader names in another case or number, or by a
  first name no other writer has, is written as the blog writes it ("Buch-Beiträge": Bücher,
  "Марии Ивановой": Мария Иванова, "Andrés": Andrés Gómez) before the parser reads it.

What neither table knows stays a word the parser does not know either (its code points, as
glossary writes a Chinese run it does not know), so "последний пост про Go" keeps "Go" and a
Russian subject as subjects, and goes to search, as "latest post about X" would in English.
"""

from __future__ import annotations

import functools
import re
from typing import Callable

import snowballstemmer

from localchat.index.coverage import MONTHS


def table(text: str) -> dict[str, str]:
    """A glossary table: "key=value" pairs, "_" joining the words of either, "" dropping a word."""
    pairs = {}
    for key, value in re.findall(r'(\S+)=("[^"]*"|[^=]+?)(?=\s+\S+=|\s*$)', text.replace("\n", " ").strip()):
        pairs[key.replace("_", " ")] = value.strip().strip('"').replace("_", " ")
    return pairs


def unknown(word: str) -> str:
    """A word no table knows, as the parser's word for it (wholeblog.UNKNOWN_RUN)."""
    return "x" + "".join(f"{ord(c):x}" for c in word[:4])


NON_LATIN_WORD = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]+")


def unknown_words(text: str) -> str:
    """Every word left in a script the parser cannot read, as a word it does not know."""
    return NON_LATIN_WORD.sub(lambda m: f" {unknown(m[0])} ", text)


# --- Spanish, French, German…: a table's word in another form, by its stem ---------------------

# Languages with a Snowball stemmer that ingest/language.py tells apart (Polish since snowballstemmer 3)
SNOWBALL = {code: name for code, name in {
    "es": "spanish", "fr": "french", "de": "german", "pt": "portuguese", "it": "italian", "ru": "russian",
    "nl": "dutch", "sv": "swedish", "pl": "polish", "cs": "czech", "tr": "turkish", "id": "indonesian",
    "ro": "romanian", "hu": "hungarian", "da": "danish", "nb": "norwegian", "fi": "finnish", "el": "greek",
    "ca": "catalan", "lt": "lithuanian", "ar": "arabic", "fa": "persian"}.items()
    if name in snowballstemmer.algorithms()}
LATIN_TOKEN = re.compile(r"[^\W\d_][\w'-]*")


@functools.cache
def stemmer(language: str) -> Callable[[str], str]:
    """The Snowball stemmer of a language of SNOWBALL, made once."""
    return snowballstemmer.stemmer(SNOWBALL[language]).stemWord


@functools.lru_cache(maxsize=8)
def _stem_index(language: str, items: frozenset[tuple[str, str]]) -> dict[str, str]:
    """A stem of each one-word key of a table -> the key, where the stem is the key's alone: "publicado"
    (published) and "publicación" (post) share "public", so neither is found by it."""
    stem = stemmer(language)
    table = dict(items)
    found: dict[str, set[str]] = {}
    for key in table:
        if " " not in key and len(key) > SHORT:
            found.setdefault(stem(key), set()).add(key)
    return {s: min(k) for s, k in found.items() if len({_kind(table[key]) for key in k}) == 1}


@functools.lru_cache(maxsize=8)
def _phrase_words(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(w for key in keys if " " in key for w in key.split())


WRITING = {"wrote", "written", "write", "writes", "published", "publish", "publishes"}


def _kind(value: str) -> str:
    """What a table's English says, with every form of writing one ("escribió", "escritos")."""
    return "wrote" if value in WRITING else value


def respelled(text: str, table: dict[str, str], language: str, names: frozenset[str] = frozenset()) -> str:
    """Each word of `text` the table does not hold, as the table's word with its stem where there is
    one: "escribisteis" -> "escribiste", "veröffentlichten" -> "veröffentlicht". `names` (lower
    case) stay as written: "Dani" (Sandoval) shares its stem with "dans"."""
    if language not in SNOWBALL:
        return text
    stem = stemmer(language)
    index = _stem_index(language, frozenset(table.items()))

    phrased = _phrase_words(frozenset(table))

    def one(m: re.Match[str]) -> str:
        word = m[0]
        if word in table or word in phrased or len(word) <= SHORT:  # "trata" of "de qué trata este blog" stays
            return word
        found = index.get(stem(word), word)
        # a month is capitalised as a name is in some languages ("τον Σεπτέμβριο"): it is read still
        return word if word in names and table.get(found) not in MONTHS else found

    return LATIN_TOKEN.sub(one, text)


# --- Russian ------------------------------------------------------------------------------------

RU = """
об_этом=about_that на_эту_тему=about_that_topic только=only тоже=also также=also гость=guest гостья=guest гостевой=guest гостевые=guest гостевых=guest гостевого=guest гостевым=guest хочу="" хотел="" хотела="" прочитать="" почитать="" там="" серия=series серии=series серию=series цикл=series цикла=series части=parts частей=parts
самый_последний=latest самая_последняя=latest самые_последние=latest самый_новый=newest самая_новая=newest
самые_новые=newest самый_свежий=latest самая_свежая=latest самый_первый=first самая_первая=first
самые_первые=first самый_старый=oldest самая_старая=oldest самые_старые=oldest самый_ранний=earliest
самая_ранняя=earliest последний=latest последние=latest свежий=latest свежие=latest новый=new новые=new
недавний=recent недавно=recently первый=first первые=first старый=old ранний=earliest
сколько=how_many количество=number_of число=number_of всего=total всех=all все=all всё=all весь=all
поста=posts статья=post статью=post статьи=posts статей=posts статьях=posts запись=post записью=post записи=posts записей=posts
записях=posts пост=post посты=posts постов=posts постах=posts заметка=post заметку=post заметки=posts заметок=posts
публикация=post публикацию=post публикации=posts публикаций=posts материал=post материалы=posts материалов=posts
выпуск=issue выпуски=posts выпусков=posts текст=post тексты=posts
блог=blog блоге=blog блога=blog сайт=site сайте=site
пишешь=write пишете=write пишу=write пишет=writes писать=write публикуешь=publish публикуете=publish
выкладываешь=publish выходят=come_out выходит=comes_out
написал=wrote написала=wrote написали=wrote написано=written писал=wrote писала=wrote писали=wrote
опубликовал=published опубликовала=published опубликовали=published опубликовано=published
опубликованы=published публиковал=published публиковала=published выложил=published выложила=published
вышел=came_out вышла=came_out вышли=came_out вышло=came_out появился=came_out появилась=came_out
появились=came_out было=were были=were был=was была=was есть=there_are ли="" же="" вообще="" уже=""
какой=which какая=which какое=which какие=which какую=which каких=which каком=which какой-нибудь=any
который=which которая=which которые=which что=what чём=what чем=what когда=when кто=who
как_часто=how_often как=how где=where почему=why
покажи=show_me покажите=show_me перечисли=list перечислите=list список=list списком=list дай=give_me
дайте=give_me скажи=tell_me скажите=tell_me подскажи=tell_me подскажите=tell_me назови=name назовите=name
расскажи=tell_me расскажите=tell_me выведи=list
тег=tag теги=tags тегом=tag тега=tag тегами=tags тэг=tag тэгом=tag метка=tag меткой=tag метки=tags
категория=category категории=category категорией=category рубрика=category рубрики=category
на_тему=about тема=topic темы=topics тему=topic темой=topic автор=author автора=author авторы=authors
год=year году=year года=year лет=years месяц=month месяца=month неделя=week неделю=week
в_месяц=per_month в_неделю=per_week в_год=per_year каждый_месяц=per_month каждую_неделю=per_week
каждый_год=per_year ежемесячно=per_month еженедельно=per_week
в_прошлом_году=last_year прошлый_год=last_year за_прошлый_год=last_year в_этом_году=this_year этот_год=this_year
в_прошлом_месяце=last_month
о_чём_этот_блог=what_is_this_blog_about о_чем_этот_блог=what_is_this_blog_about о_чём_блог=what_is_this_blog_about
о_чем_блог=what_is_this_blog_about чему_посвящён_блог=what_is_this_blog_about о_чём_ты_пишешь=what_do_you_write_about
о_чем_ты_пишешь=what_do_you_write_about о_чём_пишешь=what_do_you_write_about о_чем_пишешь=what_do_you_write_about
о_чём_пишет=what_is_this_blog_about о_чем_пишет=what_is_this_blog_about
и=and или=or в=in во=in на=on о=about об=about обо=about про=about с=with со=with по=until до=before
после=after между=between за=in от=from из=of у="" для=for
ты=you тебя=you тобой=you вы=you вас=you твой=your твои=your твоих=your твоя=your твоё=your ваш=your
ваши=your я=i мне=me меня=me мой=my мои=my этот=this этом=this этого=this эта=this эту=this это=this
у_вас="" у_тебя="" у_него="" у_нее="" у_неё="" раздел=category разделе=category раздела=category
разделу=category самый="" самая="" самое="" самые="" самым="" самой="" самого="" самый_недавний=latest
самая_недавняя=latest самое_недавнее=latest по_порядку=oldest_first начинается=first начинался=first начался=first
началась=first начиналась=first отчет=post отчёт=post отчеты=posts отчёты=posts
отчетов=posts отчётов=posts обычно="" в_основном="" разбираются="" разбираешь="" про_что_блог=what_is_this_blog_about
про_что_этот_блог=what_is_this_blog_about про_что_в_основном_блог=what_is_this_blog_about
ведет=runs ведёт=runs ведут=run кто_ведет=who_runs кто_ведёт=who_runs
гостевую=guest освещаются="" освещаешь="" затрагиваются="" рассказывается="" пишется=""
самое_новое=the_latest_one самое_последнее=the_latest_one самое_первое=the_first_one что_нового=what_is_new
пожалуйста="" спасибо="" привет="" здравствуйте="" а="" ну="" вот="" тут=here здесь=here
один=one одна=one одну=one два=two две=two три=three четыре=four пять=five шесть=six семь=seven
восемь=eight девять=nine десять=ten
январь=january февраль=february март=march апрель=april май=may мая=may мае=may июнь=june июль=july
август=august сентябрь=september октябрь=october ноябрь=november декабрь=december
"""
RU_TABLE = table(RU)
RU_MONTH_STEMS = {stemmer("ru")(k) for k, v in RU_TABLE.items() if v in MONTHS}
SHORT = 3  # words of this many letters or fewer are read only as written
RU_YEAR = re.compile(r"(?<!\d)(\d{4})(?:-?(?:м|ом|й|го|е)(?!\w))?(?:\s*(?:год[ауе]?(?!\w)|гг?\.))?(?!\d)")
RU_TOKEN = re.compile(r"[\w-]+|[^\w\s]")


# The table's phrases as written (ё as е) and by their stems (phrases of long words only)
RU_EXACT = {tuple(k.replace("ё", "е").split()): v for k, v in RU_TABLE.items()}
RU_STEMS = {tuple(stemmer("ru")(w) for w in key.split()): value
            for key, value in sorted(RU_TABLE.items(), key=lambda kv: -len(kv[0])) if all(len(w) > SHORT for w in key.split())}


def russian(question: str) -> str:
    """A Russian question with its plain words in English, every other word one the parser does not know."""
    text = RU_YEAR.sub(r" \1 ", question.lower().replace("ё", "е").replace("«", " ").replace("»", " "))
    words = RU_TOKEN.findall(text)
    stem = stemmer("ru")
    out, i = [], 0
    while i < len(words):
        if words[i] in ("с", "со", "начиная") and i + 1 < len(words) and (words[i + 1].isdigit() or words[i + 1] == "с"
                                                                          or stem(words[i + 1]) in RU_MONTH_STEMS):
            out.append("since" if words[i] != "начиная" else "")  # "с 2021 года", "начиная с мая"
            i += 1
            continue
        for n in range(min(5, len(words) - i), 0, -1):
            span = tuple(words[i:i + n])
            value = RU_EXACT.get(span)
            if value is None and all(len(w) > SHORT for w in span):
                value = RU_STEMS.get(tuple(stem(w) for w in span))
            if value is not None:
                out.append(value)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(unknown_words(" ".join(out)).split())


# The letters of a language not written in Latin ones, whose forms its stemmer reads
ALPHABETS = {"ru": r"[\u0400-\u04ff]", "el": r"[\u0370-\u03ff\u1f00-\u1fff]", "ar": r"[\u0600-\u06ff]",
             "fa": r"[\u0600-\u06ff]"}


def as_written(question: str, forms: dict[str, str], language: str) -> str:
    """A question with the blog's names and tags as the blog writes them, whatever their case or
    number in the question's language (its Snowball stems): "статьи Марии Ивановой", "о походах",
    "Buch-Beiträge", "la receta" name "Мария Иванова", "походы", "Bücher", "recetas". `forms`: how a
    question may name each (a tag, a writer, a writer's first name) -> what the blog writes."""
    if language not in SNOWBALL:
        return question
    stem = stemmer(language)
    alphabet = ALPHABETS.get(language, r"[A-Za-z\u00c0-\u024f]")
    # a hyphen parts words on both sides: "Meadows-Jönsson" is two, as in "Eric Meadows-Jönsson"; "Buch-Beiträge" too
    known = {tuple(stem(w.lower().replace("ё", "е")) for w in re.split(r"[\s-]+", f) if w): written
             for f, written in forms.items() if re.search(alphabet, f) and f.split()}
    if not known:
        return question
    words = list(re.finditer(r"[^\W\d_]+", question))
    out, at, i = [], 0, 0
    while i < len(words):
        for n in range(min(3, len(words) - i), 0, -1):
            span = words[i:i + n]
            written = known.get(tuple(stem(w[0].lower().replace("ё", "е")) for w in span))
            if written is not None and (n > 1 or len(span[0][0]) > SHORT):
                out += [question[at:span[0].start()], written]
                at, i = span[-1].end(), i + n
                break
        else:
            i += 1
    return "".join(out) + question[at:]


# --- Korean -------------------------------------------------------------------------------------

KO = """
시리즈=series 연재=series 링크=links 게스트=guest 알려_줄래요=show_me 알려_줄래=show_me 보여_줄래요=show_me
가장_최근=latest 제일_최근=latest 가장_최신=latest 제일_최신=latest 가장_새로운=newest 최신=latest 최근=latest
마지막=last 요즘=recently 새=new 새로=new 최신순=newest_first 최신순으로=newest_first 최근순=newest_first
최근_순=newest_first 오래된_순=oldest_first 오래된_순으로=oldest_first 오래된_순서=oldest_first 오래된_순서로=oldest_first
날짜순=oldest_first 순서대로=oldest_first 차례대로=oldest_first 하나=one 하나만=one 지금까지=so_far 여태=so_far
여태까지=so_far 들어서=in 동안="" 얘기=posts 이야기=posts 후기=posts 붙은=tagged 달린=tagged 가장="" 제일="" 맨=""
한_해_동안="" 한_해="" 상반기=first_half 하반기=second_half
가장_마지막=latest 제일_마지막=latest 맨_마지막=latest 주세요="" 줘="" 줘요="" 주실래요="" 보고_싶은데=show_me
보고_싶어요=show_me 보고_싶어=show_me 읽고_싶은데=show_me 읽고_싶어요=show_me
붙어_있는=tagged 달려_있는=tagged 거="" 것="" 게="" 주로="" 여기=this_blog 여기서=this_blog 이곳=this_blog
가장_오래된=oldest 제일_오래된=oldest 가장_처음=first 맨_처음=first 제일_처음=first 가장_먼저=first 제일_먼저=first
첫=first 첫번째=first 첫_번째=first 처음=first 최초=first 오래된=old 옛날=old
몇=how_many 몇_개=how_many 몇_편=how_many 몇_개나=how_many 몇_편이나=how_many 개수=number_of 수=number_of
총=total 전부=all 모두=all 다=all 전체=all 모든=all
글=post 글들=posts 포스트=post 포스트들=posts 포스팅=post 게시물=post 게시글=post 아티클=post 기사=post 님="" 씨=""
편=posts 개=posts 건=posts 블로그=this_blog 사이트=this_site 이_블로그=this_blog 이_사이트=this_site
태그=tag 태그가=tag 카테고리=category 분류=category 주제=topics 작성자=author 글쓴이=author 저자=author 필자=author
뭐=what 뭐야=what 뭐예요=what 뭔가요=what 뭘까요=what 무엇=what 무엇인가요=what 무슨=what 어떤=which 어느=which
어떤_거=which 어떤_것=which 뭐가=what 언제=when 누가=who 누구=who 얼마나_자주=how_often 자주=often
알려줘=show_me 알려주세요=show_me 알려_줘=show_me 알려_주세요=show_me 알려줄래=show_me 보여줘=show_me
보여주세요=show_me 찾아줘=show_me 찾아주세요=show_me 목록=list 리스트=list 정리해줘=list 정리해_줘=list
나열해줘=list 나열해_줘=list 궁금해요="" 궁금합니다="" 궁금해="" 있어=there_are 있어요=there_are 있나요=there_are
있어?=there_are 있습니까=there_are 있니=there_are 됐어=were 되나요=are 되나=are 돼=are 인가요="" 이에요="" 예요=""
입니까="" 이야="" 야="" 요="" 좀="" 혹시="" 그냥="" 혹시요="" 안녕하세요="" 부탁해요="" 부탁드려요="" 감사합니다=""
한_달에=per_month 달에=per_month 매달=per_month 매월=per_month 한달에=per_month 일주일에=per_week 한_주에=per_week
매주=per_week 일_년에=per_year 1년에=per_year 한_해에=per_year 매년=per_year 평균=on_average 평균적으로=on_average
무엇_대해=what_is_this_blog_about 뭐_대해=what_is_this_blog_about 무엇_관해=what_is_this_blog_about
대해=about 대한=about 관해=about 관한=about 관련=about 관련된=about 무슨_내용=what_is_this_blog_about 어떤_내용=what_is_this_blog_about 무엇에_대해=what_is_this_blog_about
뭐에_대해=what_is_this_blog_about 어떤_블로그=what_is_this_blog_about 뭘_다루는=what_is_this_blog_about
무엇을_다루는=what_is_this_blog_about 어떤_주제=what_topics
작년=last_year 지난해=last_year 올해=this_year 금년=this_year 재작년=two_years_ago 지난달=last_month 이번_달=this_month
이후=since 부터=since 이전=before 전=before 까지=until 사이=between 그리고=and 또는=or 이나="" 과=and 와=and
나=i 내=my 제=my 저=i 너=you 당신=you 이=this 이번=this
한=one 두=two 세=three 네=four 다섯=five 여섯=six 일곱=seven 여덟=eight 아홉=nine 열=ten
"""
KO_TABLE = table(KO)
# Words by their stem, whatever ending follows ("뭐였어요", "알려주실", "궁금해요", "있을까요")
KO_STEMS = [(re.compile(p), english) for p, english in (
    (r"^(?:뭐|뭔|뭘|무엇|무슨)", "what"), (r"^(?:어떤|어느)", "which"), (r"^언제", "when"), (r"^몇", "how many"),
    (r"^(?:누가|누구)", "who"), (r"^(?:알려|보여|찾아)\s*(?:줘|주|줄)", "show me"), (r"^(?:모아|나열|정리|리스트)", "list"),
    (r"^(?:궁금|부탁|감사|고마)", ""), (r"^(?:있|없)(?:어|나|니|을|습|죠|지|냐)", "there are"), (r"^(?:있|없)는$", ""),
    (r"^(?:되|돼|됐|된)", ""), (r"^(?:이|였|이었)(?:에요|예요|었|죠|지|나요|야|냐|에|가요|까)", ""),
)]
# Particles and copulas a word may carry, longest first: dropped where the word before them is known
PARTICLES = sorted("은 는 이 가 을 를 의 에 에서 에게 로 으로 와 과 도 만 부터 까지 이랑 랑 하고 께서 요 이나 나 에는 에서는 "
                   "으로는 로는 이에요 예요 인가요 이야 야 중에 중에서 중 에서도 에도 들 들은 들이 들을 쯤 정도 "
                   "였어요 이었어요 였나요 였죠 였지 였을까요 일까요 임 이죠 죠 이고 이랑은 만요 은요 는요 요".split(),
                   key=len, reverse=True)
# What a post was done: "썼어요", "쓴", "올렸나요", "작성한", "발행된", "나온" (the stem, any ending after it)
KO_WROTE = re.compile(r"^(?:썼|쓴|쓰신|쓰셨|써|쓰(?:고|나|는|세|시|니|지|냐|던)|쓸|작성(?!자)|올렸|올린|올리|올려|올라오|올라온|올라왔|올라와|올라간"
                      r"|게시(?!물|글)|발행|공개|발표|포스팅한|나온|나왔|나오|업로드|업데이트|적은|적었|다루|다뤄|다뤘|다룬)")
KO_COPULA = re.compile(r"(?:이)?(?:었|였|에요|예요|죠|지요|입니다|인가|인지|일까|임|이야|니|냐)\S*$")
KO_WRITES = re.compile(r"^(?:쓰|올리|다루)(?:는|나|세|시|니|냐)")  # the present: "누가 쓰는 블로그": who writes it
KO_DATE = re.compile(r"(\d{4})\s*년(?:도)?(?:\s*(\d{1,2})\s*월)?|(?<!\d)(\d{1,2})\s*월")
KO_COUNT = re.compile(r"(\d+)\s*(?:개|편|건)")


KO_MONTHS = re.compile(r"(?:(\d{4})\s*년\s*)?(?<!\d)(\d{1,2})\s*[~\-–]\s*(\d{1,2})\s*월")


def _ko_months(m: re.Match[str]) -> str:
    first, last = int(m[2]), int(m[3])
    if not (1 <= first <= 12 and 1 <= last <= 12):
        return m[0]
    year = f" {m[1]}" if m[1] else ""
    return f" from {MONTHS[first - 1]}{year} to {MONTHS[last - 1]}{year} "


def _ko_date(m: re.Match[str]) -> str:
    year, month = m[1], m[2] or m[3]
    said = MONTHS[int(month) - 1] if month and 1 <= int(month) <= 12 else ""
    return f" {said} {year or ''} "


MONTH_OR_YEAR = rf"(?:(?:{'|'.join(MONTHS)})(?:\s+\d{{4}})?|\d{{4}})"
# "2021년부터", "3월 이후", "2022년까지": the English parser reads the word before the date
KO_SIDE = re.compile(rf"({MONTH_OR_YEAR})\s*(부터|이후로?|까지|이전|전에?|후에?|이래|사이에?)(?=\s|$)")
KO_SIDES = {"사이": "until", "사이에": "until", "부터": "since", "이후": "since", "이후로": "since", "이래": "since", "까지": "until", "이전": "before",
            "전": "before", "전에": "before", "후": "since", "후에": "since"}


# What the blog is about, or who writes it, asked the Korean way (the object first: "주로 다루는 주제가 뭐예요?",
# "어떤 블로그예요?", "운영하시는 분이 누구세요?"); not where a tag or a name of the blog is named (a list)
KO_ABOUT = re.compile(r"(?:어떤|무슨)\s*(?:블로그|곳|사이트)|주로\s*(?:\S+\s*){0,2}?(?:다루|쓰|써|올라|올리)"
                      r"|(?:블로그|여기|이곳|사이트)\S*\s*(?:\S+\s*){0,2}?(?:(?:주제|내용)(?:가|는|이|은|들이|들은)?\s*(?:뭐|무엇|어떤|어떻게)"
                      r"|(?:어떤|무슨)\s*(?:주제|내용))"
                      r"|소개(?:해|를|좀)?\s*(?:줘|주세요|주실|주시|줄|부탁)|블로그\s*(?:소개|설명|요약)|요약해"
                      r"|(?:무엇|뭐|뭘)에?\s*(?:관한|대한)\s*블로그"
                      r"|(?:무엇|뭐|뭘)에?\s*(?:대해|대해서|관해)\s*(?:\S+\s*)?(?:쓰|써|다루|올리)")
KO_WHO = re.compile(r"(?:누가|누구)\s*(?:\S+\s*){0,2}?(?:쓰|써|운영)|(?:운영|쓰|쓰시|운영하시|운영하)는\s*(?:분|사람|이)\S*\s*(?:누구|누가)"
                    r"|(?:운영자|주인장|블로거|글쓴이|작성자)(?:는|가|이|님은|님이)?\s*(?:누구|누가)")


def korean(question: str) -> str:
    """A Korean question with its plain words in English, every other word one the parser does not know."""
    if not re.search(r"\bx[0-9a-f]{4,}", question):  # no tag or writer of the blog named
        if KO_WHO.search(question):
            return "who writes this blog ?"
        if KO_ABOUT.search(question):
            return "what is this blog about ?"
    text = re.sub(r"([?!.,;:~()])", r" \1 ", question.lower())
    text = re.sub(r"\s수\s*(?:있|없)\S*", " ", text)  # "보여줄 수 있나요": can you
    text = re.sub(r"(?<!\d)\d{1,2}\s*년\s*(?:동안|간)", " ", text)  # "2년 동안": the span said again
    text = re.sub(r"(?:올해|작년|지난해)\s*\(\s*(\d{4})\s*년?\s*\)", r" \1년 ", text)  # "올해(2026년)": the year it names
    text = KO_MONTHS.sub(_ko_months, text)  # "2024년 1~6월": January to June 2024
    text = KO_COUNT.sub(r" \1 posts ", KO_DATE.sub(_ko_date, text))
    text = re.sub(r"(\d{4}|" + "|".join(MONTHS) + r")\s*(?:에서|에는|에|의|도)(?=\s|$)", r"\1", text)
    text = KO_SIDE.sub(lambda m: f" {KO_SIDES[m[2]]} {m[1]} ", text)
    words = [_ko_word(w) for w in text.split()]
    text = " " + " ".join(words) + " "
    keys = "|".join(re.escape(k) for k in sorted(KO_TABLE, key=len, reverse=True))
    text = re.sub(rf"(?<!\S)({keys})(?!\S)", lambda m: f" {KO_TABLE[m[1]]} ", text)
    return " ".join(unknown_words(text).split())


def _ko_word(word: str) -> str:
    """A word as the table knows it: as written, its stem before a particle ("글은": 글 은), a verb by its
    stem ("썼어요"), or a noun before the copula ("글이었나요")."""
    if word in KO_TABLE or not re.search(r"[\uac00-\ud7af]", word):
        return word
    if word in PARTICLES:
        return ""
    for particle in PARTICLES:
        stem = word[:-len(particle)]
        if word.endswith(particle) and stem and (stem in KO_TABLE or not re.search(r"[\uac00-\ud7af]", stem)):
            return stem if particle not in ("부터", "까지") else f"{stem} {particle}"
    if KO_WROTE.match(word):
        return "writes" if KO_WRITES.match(word) else "wrote"
    said = next((english for pattern, english in KO_STEMS if pattern.match(word)), None)
    if said is not None:
        return said
    copula = KO_COPULA.search(word)
    if copula and word[:copula.start()] in KO_TABLE:
        return word[:copula.start()]
    return word
