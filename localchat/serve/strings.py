"""The page's fixed words — title, placeholder, the blog's overview, example questions — in the
blog's own language.

A reader of a Chinese blog meets "向博客提问" and "你最新的文章是哪篇？", not English. The language is
read from the catalog (titles and descriptions, `ingest/language.py`), so a replica that has only
the index says the same as the owner's machine. The owner's panel stays in English. English is
the fallback for a language with no strings here.
"""

from __future__ import annotations

import functools
import html
from typing import Sequence

from localchat.index import catalog
from localchat.index.catalog import Entry
from localchat.ingest.language import language_of

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Ask the blog",
        "description": "Answers come from the blog's posts, on this machine. Nothing is sent anywhere.",
        "placeholder": "Ask about the blog…",
        "covers": "**What this blog covers** — {n} posts{span}", "topics": "Topics: ", "latest": "Latest posts:",
        "sources_hint": "*Sources for each answer appear here.*", "no_posts": "*No posts are indexed yet.*",
        **catalog.EXAMPLES,
    },
    "zh": {
        "title": "向博客提问", "description": "回答来自博客的文章，在这台机器上生成，不会发送到任何地方。",
        "placeholder": "问问关于这个博客的问题…",
        "covers": "**这个博客写什么** — {n} 篇文章{span}", "topics": "主题：", "latest": "最新文章：",
        "sources_hint": "*每个回答的来源会显示在这里。*", "no_posts": "*还没有索引任何文章。*",
        "q_latest": "你最新的文章是哪篇？", "q_tag": "你写过哪些关于 {tag} 的文章？",
        "q_title": "“{title}”讲了什么？", "q_overview": "这个博客主要写什么？",
    },
    "ja": {
        "title": "ブログに質問する", "description": "回答はこのブログの記事から、このマシンの上で作られます。どこにも送信されません。",
        "placeholder": "ブログについて質問する…",
        "covers": "**このブログの内容** — {n} 件の記事{span}", "topics": "テーマ：", "latest": "最新の記事：",
        "sources_hint": "*回答の出典はここに表示されます。*", "no_posts": "*まだ記事が索引されていません。*",
        "q_latest": "最新の記事はどれですか？", "q_tag": "{tag} についてどんな記事を書きましたか？",
        "q_title": "「{title}」は何について書かれていますか？", "q_overview": "このブログは何について書いていますか？",
    },
    "pt": {
        "title": "Pergunte ao blog",
        "description": "As respostas vêm dos posts do blog, nesta máquina. Nada é enviado para lugar nenhum.",
        "placeholder": "Pergunte sobre o blog…",
        "covers": "**Sobre o que é este blog** — {n} posts{span}", "topics": "Temas: ",
        "latest": "Posts mais recentes:", "sources_hint": "*As fontes de cada resposta aparecem aqui.*",
        "no_posts": "*Ainda não há posts indexados.*",
        "q_latest": "Qual é o seu post mais recente?", "q_tag": "O que você escreveu sobre {tag}?",
        "q_title": "Sobre o que é «{title}»?", "q_overview": "Sobre o que é este blog?",
    },
    "es": {
        "title": "Pregunta al blog",
        "description": "Las respuestas salen de las publicaciones del blog, en esta máquina. No se envía nada a ninguna parte.",
        "placeholder": "Pregunta sobre el blog…",
        "covers": "**De qué trata este blog** — {n} publicaciones{span}", "topics": "Temas: ",
        "latest": "Últimas publicaciones:", "sources_hint": "*Aquí aparecen las fuentes de cada respuesta.*",
        "no_posts": "*Aún no hay publicaciones indexadas.*",
        "q_latest": "¿Cuál es tu publicación más reciente?", "q_tag": "¿Qué has escrito sobre {tag}?",
        "q_title": "¿De qué trata «{title}»?", "q_overview": "¿De qué trata este blog?",
    },
    "fr": {
        "title": "Posez une question au blog",
        "description": "Les réponses viennent des articles du blog, sur cette machine. Rien n'est envoyé nulle part.",
        "placeholder": "Une question sur le blog…",
        "covers": "**Ce dont parle ce blog** — {n} articles{span}", "topics": "Sujets : ",
        "latest": "Derniers articles :", "sources_hint": "*Les sources de chaque réponse s'affichent ici.*",
        "no_posts": "*Aucun article n'est encore indexé.*",
        "q_latest": "Quel est ton dernier article ?", "q_tag": "Qu'as-tu écrit sur {tag} ?",
        "q_title": "De quoi parle « {title} » ?", "q_overview": "De quoi parle ce blog ?",
    },
    "de": {
        "title": "Frag den Blog",
        "description": "Die Antworten stammen aus den Beiträgen des Blogs, auf diesem Rechner. Nichts wird irgendwohin gesendet.",
        "placeholder": "Frag etwas über den Blog…",
        "covers": "**Worüber dieser Blog schreibt** — {n} Beiträge{span}", "topics": "Themen: ",
        "latest": "Neueste Beiträge:", "sources_hint": "*Die Quellen jeder Antwort erscheinen hier.*",
        "no_posts": "*Noch keine Beiträge indexiert.*",
        "q_latest": "Was ist dein neuester Beitrag?", "q_tag": "Was hast du über {tag} geschrieben?",
        "q_title": "Worum geht es in „{title}“?", "q_overview": "Worum geht es in diesem Blog?",
    },
    "ru": {
        "title": "Спросите блог",
        "description": "Ответы берутся из записей блога, на этом компьютере. Ничего никуда не отправляется.",
        "placeholder": "Спросите что-нибудь о блоге…",
        "covers": "**О чём этот блог** — записей: {n}{span}", "topics": "Темы: ", "latest": "Последние записи:",
        "sources_hint": "*Здесь появятся источники каждого ответа.*", "no_posts": "*Пока ни одна запись не проиндексирована.*",
        "q_latest": "Какая у тебя самая новая запись?", "q_tag": "Что ты писал про {tag}?",
        "q_title": "О чём запись «{title}»?", "q_overview": "О чём этот блог?",
    },
    "ko": {
        "title": "블로그에 질문하기", "description": "답변은 이 블로그의 글에서, 이 컴퓨터 안에서 만들어집니다. 어디에도 전송되지 않습니다.",
        "placeholder": "블로그에 대해 물어보세요…",
        "covers": "**이 블로그의 내용** — 글 {n}개{span}", "topics": "주제: ", "latest": "최근 글:",
        "sources_hint": "*각 답변의 출처가 여기에 표시됩니다.*", "no_posts": "*아직 색인된 글이 없습니다.*",
        "q_latest": "가장 최근 글은 뭐예요?", "q_tag": "{tag}에 대해 어떤 글을 썼어요?",
        "q_title": "「{title}」은 어떤 내용이에요?", "q_overview": "이 블로그는 무엇에 대해 쓰나요?",
    },
    "it": {
        "title": "Chiedi al blog",
        "description": "Le risposte vengono dagli articoli del blog, su questa macchina. Non viene inviato nulla da nessuna parte.",
        "placeholder": "Chiedi qualcosa sul blog…",
        "covers": "**Di cosa parla questo blog** — {n} articoli{span}", "topics": "Argomenti: ",
        "latest": "Articoli più recenti:", "sources_hint": "*Qui compaiono le fonti di ogni risposta.*",
        "no_posts": "*Nessun articolo è ancora indicizzato.*",
        "q_latest": "Qual è il tuo articolo più recente?", "q_tag": "Cosa hai scritto su {tag}?",
        "q_title": "Di cosa parla «{title}»?", "q_overview": "Di cosa parla questo blog?",
    },
    "nl": {
        "title": "Vraag het de blog",
        "description": "De antwoorden komen uit de berichten van de blog, op deze machine. Er wordt niets verstuurd.",
        "placeholder": "Stel een vraag over de blog…",
        "covers": "**Waar deze blog over gaat** — {n} berichten{span}", "topics": "Onderwerpen: ",
        "latest": "Nieuwste berichten:", "sources_hint": "*De bronnen van elk antwoord verschijnen hier.*",
        "no_posts": "*Er zijn nog geen berichten geïndexeerd.*",
        "q_latest": "Wat is je nieuwste bericht?", "q_tag": "Wat heb je over {tag} geschreven?",
        "q_title": "Waar gaat ‘{title}’ over?", "q_overview": "Waar gaat deze blog over?",
    },
    "pl": {
        "title": "Zapytaj blog",
        "description": "Odpowiedzi pochodzą z wpisów na blogu i powstają na tym komputerze. Nic nie jest nigdzie wysyłane.",
        "placeholder": "Zapytaj o coś na blogu…",
        "covers": "**O czym jest ten blog** — liczba wpisów: {n}{span}", "topics": "Tematy: ",
        "latest": "Najnowsze wpisy:", "sources_hint": "*Tu pojawią się źródła każdej odpowiedzi.*",
        "no_posts": "*Nie zaindeksowano jeszcze żadnych wpisów.*",
        "q_latest": "Jaki jest najnowszy wpis?", "q_tag": "Co jest na blogu o {tag}?",
        "q_title": "O czym jest „{title}”?", "q_overview": "O czym jest ten blog?",
    },
    "sv": {
        "title": "Fråga bloggen",
        "description": "Svaren kommer från bloggens inlägg, på den här datorn. Inget skickas någonstans.",
        "placeholder": "Fråga något om bloggen…",
        "covers": "**Vad bloggen handlar om** — {n} inlägg{span}", "topics": "Ämnen: ",
        "latest": "Senaste inläggen:", "sources_hint": "*Källorna till varje svar visas här.*",
        "no_posts": "*Inga inlägg är indexerade än.*",
        "q_latest": "Vilket är ditt senaste inlägg?", "q_tag": "Vad har du skrivit om {tag}?",
        "q_title": "Vad handlar ”{title}” om?", "q_overview": "Vad handlar den här bloggen om?",
    },
    "cs": {
        "title": "Zeptejte se blogu",
        "description": "Odpovědi pocházejí z příspěvků blogu a vznikají na tomto počítači. Nic se nikam neodesílá.",
        "placeholder": "Zeptejte se na něco z blogu…",
        "covers": "**O čem je tento blog** — počet příspěvků: {n}{span}", "topics": "Témata: ",
        "latest": "Nejnovější příspěvky:", "sources_hint": "*Zde se zobrazí zdroje každé odpovědi.*",
        "no_posts": "*Zatím nejsou zaindexované žádné příspěvky.*",
        "q_latest": "Jaký je nejnovější příspěvek?", "q_tag": "Co je na blogu k tématu {tag}?",
        "q_title": "O čem je „{title}“?", "q_overview": "O čem je tento blog?",
    },
    "ro": {
        "title": "Întreabă blogul",
        "description": "Răspunsurile vin din articolele blogului și sunt scrise pe acest calculator. Nimic nu este trimis nicăieri.",
        "placeholder": "Întreabă ceva despre blog…",
        "covers": "**Despre ce este acest blog** — număr de articole: {n}{span}", "topics": "Teme: ",
        "latest": "Cele mai noi articole:", "sources_hint": "*Sursele fiecărui răspuns apar aici.*",
        "no_posts": "*Încă nu sunt articole indexate.*",
        "q_latest": "Care este cel mai nou articol?", "q_tag": "Ce ai scris despre {tag}?",
        "q_title": "Despre ce este „{title}”?", "q_overview": "Despre ce este acest blog?",
    },
    "tr": {
        "title": "Bloga sor",
        "description": "Yanıtlar blogun yazılarından gelir ve bu bilgisayarda yazılır. Hiçbir şey bir yere gönderilmez.",
        "placeholder": "Blog hakkında bir şey sor…",
        "covers": "**Bu blog ne hakkında** — {n} yazı{span}", "topics": "Konular: ",
        "latest": "En yeni yazılar:", "sources_hint": "*Her yanıtın kaynakları burada görünür.*",
        "no_posts": "*Henüz dizine eklenmiş yazı yok.*",
        "q_latest": "En yeni yazı hangisi?", "q_tag": "{tag} hakkında ne yazdın?",
        "q_title": "“{title}” ne anlatıyor?", "q_overview": "Bu blog ne hakkında?",
    },
    "el": {
        "title": "Ρωτήστε το ιστολόγιο",
        "description": "Οι απαντήσεις προέρχονται από τις αναρτήσεις του ιστολογίου, σε αυτόν τον υπολογιστή. Τίποτα δεν αποστέλλεται πουθενά.",
        "placeholder": "Ρωτήστε κάτι για το ιστολόγιο…",
        "covers": "**Τι καλύπτει αυτό το ιστολόγιο** — αναρτήσεις: {n}{span}", "topics": "Θέματα: ",
        "latest": "Πιο πρόσφατες αναρτήσεις:", "sources_hint": "*Οι πηγές κάθε απάντησης εμφανίζονται εδώ.*",
        "no_posts": "*Δεν έχουν ευρετηριαστεί ακόμη αναρτήσεις.*",
        "q_latest": "Ποια είναι η πιο πρόσφατη ανάρτησή σου;", "q_tag": "Τι έχεις γράψει για {tag};",
        "q_title": "Τι λέει το «{title}»;", "q_overview": "Για ποια θέματα γράφεις;",
    },
    "id": {
        "title": "Tanya blog ini",
        "description": "Jawaban berasal dari tulisan di blog ini dan dibuat di komputer ini. Tidak ada yang dikirim ke mana pun.",
        "placeholder": "Tanyakan sesuatu tentang blog ini…",
        "covers": "**Isi blog ini** — {n} tulisan{span}", "topics": "Topik: ", "latest": "Tulisan terbaru:",
        "sources_hint": "*Sumber setiap jawaban muncul di sini.*", "no_posts": "*Belum ada tulisan yang diindeks.*",
        "q_latest": "Apa tulisan terbarumu?", "q_tag": "Apa saja yang sudah kamu tulis tentang {tag}?",
        "q_title": "“{title}” membahas tentang apa?", "q_overview": "Kamu menulis tentang apa saja?",
    },
    "hu": {
        "title": "Kérdezd a blogot",
        "description": "A válaszok a blog bejegyzéseiből születnek, ezen a gépen. Semmi sem hagyja el ezt a gépet.",
        "placeholder": "Kérdezz valamit a blogról…",
        "covers": "**Miről szól ez a blog** — {n} bejegyzés{span}", "topics": "Témák: ", "latest": "Legújabb bejegyzések:",
        "sources_hint": "*Itt jelennek meg az egyes válaszok forrásai.*", "no_posts": "*Még nincs indexelt bejegyzés.*",
        "q_latest": "Mi a legújabb bejegyzésed?", "q_tag": "Mit írtál ebben a témában: {tag}?",
        "q_title": "Miről szól ez a bejegyzés: „{title}”?", "q_overview": "Miről írsz?",
    },
    "fi": {
        "title": "Kysy blogilta",
        "description": "Vastaukset tulevat blogin kirjoituksista, tällä koneella. Mitään ei lähetetä minnekään.",
        "placeholder": "Kysy jotain blogista…",
        "covers": "**Mistä tämä blogi kertoo** — kirjoituksia: {n}{span}", "topics": "Aiheet: ",
        "latest": "Uusimmat kirjoitukset:", "sources_hint": "*Kunkin vastauksen lähteet näkyvät tässä.*",
        "no_posts": "*Kirjoituksia ei ole vielä indeksoitu.*",
        "q_latest": "Mikä on uusin kirjoituksesi?", "q_tag": "Mitä olet kirjoittanut aiheesta {tag}?",
        "q_title": "Mistä kirjoitus ”{title}” kertoo?", "q_overview": "Mistä kirjoitat?",
    },
    "vi": {
        "title": "Hỏi blog",
        "description": "Câu trả lời được lấy từ các bài viết của blog, ngay trên máy này. Không có gì được gửi đi đâu cả.",
        "placeholder": "Hỏi về blog…",
        "covers": "**Blog này viết về gì** — {n} bài viết{span}", "topics": "Chủ đề: ", "latest": "Bài viết mới nhất:",
        "sources_hint": "*Nguồn của mỗi câu trả lời sẽ hiện ở đây.*", "no_posts": "*Chưa có bài viết nào được lập chỉ mục.*",
        "q_latest": "Bài viết mới nhất của bạn là bài nào?", "q_tag": "Bạn đã viết gì về {tag}?",
        "q_title": "“{title}” nói về điều gì?", "q_overview": "Bạn viết về những gì?",
    },
    "da": {
        "title": "Spørg bloggen",
        "description": "Svarene kommer fra bloggens indlæg, på denne maskine. Intet bliver sendt nogen steder hen.",
        "placeholder": "Spørg om bloggen…",
        "covers": "**Hvad denne blog handler om** — {n} indlæg{span}", "topics": "Emner: ", "latest": "Seneste indlæg:",
        "sources_hint": "*Kilderne til hvert svar vises her.*", "no_posts": "*Ingen indlæg er indekseret endnu.*",
        "q_latest": "Hvad er dit seneste indlæg?", "q_tag": "Hvad har du skrevet om {tag}?",
        "q_title": "Hvad handler »{title}« om?", "q_overview": "Hvad skriver du om?",
    },
    "uk": {
        "title": "Запитайте блог",
        "description": "Відповіді складаються з дописів блогу просто на цьому комп'ютері. Нічого нікуди не надсилається.",
        "placeholder": "Запитайте щось про блог…",
        "covers": "**Про що цей блог** — дописів: {n}{span}", "topics": "Теми: ", "latest": "Останні дописи:",
        "sources_hint": "*Тут з'являться джерела кожної відповіді.*", "no_posts": "*Поки що жодного допису не проіндексовано.*",
        "q_latest": "Який твій найновіший допис?", "q_tag": "Які в тебе дописи про {tag}?",
        "q_title": "Про що допис «{title}»?", "q_overview": "Про що цей блог?",
    },
    "he": {
        "title": "שאלו את הבלוג",
        "description": "התשובות מגיעות מהפוסטים של הבלוג ונוצרות במחשב הזה. שום דבר לא נשלח לשום מקום.",
        "placeholder": "שאלו על הבלוג…",
        "covers": "**על מה הבלוג הזה** — {n} פוסטים{span}", "topics": "נושאים: ", "latest": "פוסטים אחרונים:",
        "sources_hint": "*המקורות של כל תשובה יופיעו כאן.*", "no_posts": "*עדיין אין פוסטים באינדקס.*",
        "q_latest": "מה הפוסט האחרון שלך?", "q_tag": "מה כתבת על {tag}?",
        "q_title": "על מה הפוסט \"{title}\"?", "q_overview": "על מה הבלוג הזה?",
    },
    "sh": {
        "title": "Pitajte blog",
        "description": "Odgovori dolaze iz objava ovog bloga, na ovom računalu. Ništa se nikamo ne šalje.",
        "placeholder": "Pitajte nešto o blogu…",
        "covers": "**O čemu je ovaj blog** — broj objava: {n}{span}", "topics": "Teme: ", "latest": "Najnovije objave:",
        "sources_hint": "*Ovdje će se prikazati izvori svakog odgovora.*", "no_posts": "*Još nijedna objava nije indeksirana.*",
        "q_latest": "Koja je najnovija objava?", "q_tag": "Koje objave govore o temi „{tag}”?",
        "q_title": "O čemu govori „{title}”?", "q_overview": "O čemu je ovaj blog?",
    },
    "lt": {
        "title": "Klauskite tinklaraščio",
        "description": "Atsakymai sudaromi iš tinklaraščio įrašų šiame kompiuteryje. Niekas niekur nesiunčiama.",
        "placeholder": "Klauskite apie tinklaraštį…",
        "covers": "**Apie ką šis tinklaraštis** — įrašų: {n}{span}", "topics": "Temos: ", "latest": "Naujausi įrašai:",
        "sources_hint": "*Čia bus rodomi kiekvieno atsakymo šaltiniai.*", "no_posts": "*Dar nesuindeksuotas nė vienas įrašas.*",
        "q_latest": "Koks naujausias įrašas?", "q_tag": "Kokie įrašai yra tema „{tag}“?",
        "q_title": "Apie ką įrašas „{title}“?", "q_overview": "Apie ką šis tinklaraštis?",
    },
    "nb": {
        "title": "Spør bloggen",
        "description": "Svarene kommer fra bloggens innlegg, på denne maskinen. Ingenting blir sendt noe sted.",
        "placeholder": "Spør om bloggen…",
        "covers": "**Hva denne bloggen handler om** — {n} innlegg{span}", "topics": "Emner: ", "latest": "Nyeste innlegg:",
        "sources_hint": "*Kildene til hvert svar vises her.*", "no_posts": "*Ingen innlegg er indeksert ennå.*",
        "q_latest": "Hva er ditt nyeste innlegg?", "q_tag": "Hva har du skrevet om {tag}?",
        "q_title": "Hva handler «{title}» om?", "q_overview": "Hva skriver du om?",
    },
}
# The widget's words (widget.js), filled in by the server for the blog's language
WIDGET: dict[str, dict[str, str]] = {
    "en": {"title": "Ask the blog", "placeholder": "Ask about the blog…", "question": "Your question", "send": "Send",
           "stop": "Stop", "close": "Close", "sources": "Sources", "nearest": "Nearest posts", "stopped": "Stopped.",
           "unreachable": "The chat can't be reached right now. Please try again in a moment.",
           "failed": "The chat could not answer ({status}).", "helpful": "Helpful", "unhelpful": "Not helpful",
           "feedback": "Was this helpful?"},
    "zh": {"title": "向博客提问", "placeholder": "问问关于这个博客的问题…", "question": "你的问题", "send": "发送",
           "stop": "停止", "close": "关闭", "sources": "来源", "nearest": "最相近的文章", "stopped": "已停止。",
           "unreachable": "暂时无法连接到聊天服务，请稍后再试。", "failed": "聊天服务无法回答（{status}）。",
           "helpful": "有帮助", "unhelpful": "没有帮助", "feedback": "这个回答有帮助吗？"},
    "ja": {"title": "ブログに質問する", "placeholder": "ブログについて質問する…", "question": "質問", "send": "送信",
           "stop": "停止", "close": "閉じる", "sources": "出典", "nearest": "いちばん近い記事", "stopped": "停止しました。",
           "unreachable": "いまチャットに接続できません。しばらくしてからもう一度お試しください。",
           "failed": "チャットが回答できませんでした（{status}）。", "helpful": "役に立った", "unhelpful": "役に立たなかった",
           "feedback": "この回答は役に立ちましたか？"},
    "pt": {"title": "Pergunte ao blog", "placeholder": "Pergunte sobre o blog…", "question": "Sua pergunta",
           "send": "Enviar", "stop": "Parar", "close": "Fechar", "sources": "Fontes",
           "nearest": "Posts mais próximos", "stopped": "Interrompido.",
           "unreachable": "Não foi possível falar com o chat agora. Tente de novo daqui a pouco.",
           "failed": "O chat não conseguiu responder ({status}).", "helpful": "Útil", "unhelpful": "Não ajudou",
           "feedback": "Isso ajudou?"},
    "es": {"title": "Pregunta al blog", "placeholder": "Pregunta sobre el blog…", "question": "Tu pregunta",
           "send": "Enviar", "stop": "Detener", "close": "Cerrar", "sources": "Fuentes",
           "nearest": "Publicaciones más cercanas", "stopped": "Detenido.",
           "unreachable": "No se puede contactar con el chat ahora mismo. Inténtalo de nuevo en un momento.",
           "failed": "El chat no pudo responder ({status}).", "helpful": "Útil", "unhelpful": "No útil",
           "feedback": "¿Te ha sido útil?"},
    "fr": {"title": "Posez une question au blog", "placeholder": "Une question sur le blog…", "question": "Votre question",
           "send": "Envoyer", "stop": "Arrêter", "close": "Fermer", "sources": "Sources",
           "nearest": "Articles les plus proches", "stopped": "Arrêté.",
           "unreachable": "Le chat est injoignable pour le moment. Réessayez dans un instant.",
           "failed": "Le chat n'a pas pu répondre ({status}).", "helpful": "Utile", "unhelpful": "Pas utile",
           "feedback": "Cette réponse vous a-t-elle aidé ?"},
    "de": {"title": "Frag den Blog", "placeholder": "Frag etwas über den Blog…", "question": "Deine Frage",
           "send": "Senden", "stop": "Stopp", "close": "Schließen", "sources": "Quellen",
           "nearest": "Ähnlichste Beiträge", "stopped": "Gestoppt.",
           "unreachable": "Der Chat ist gerade nicht erreichbar. Bitte versuche es gleich noch einmal.",
           "failed": "Der Chat konnte nicht antworten ({status}).", "helpful": "Hilfreich", "unhelpful": "Nicht hilfreich",
           "feedback": "War das hilfreich?"},
    "ru": {"title": "Спросите блог", "placeholder": "Спросите что-нибудь о блоге…", "question": "Ваш вопрос",
           "send": "Отправить", "stop": "Остановить", "close": "Закрыть", "sources": "Источники",
           "nearest": "Ближайшие записи", "stopped": "Остановлено.",
           "unreachable": "Чат сейчас недоступен. Попробуйте ещё раз чуть позже.",
           "failed": "Чат не смог ответить ({status}).", "helpful": "Полезно", "unhelpful": "Бесполезно",
           "feedback": "Ответ был полезен?"},
    "ko": {"title": "블로그에 질문하기", "placeholder": "블로그에 대해 물어보세요…", "question": "질문", "send": "보내기",
           "stop": "중지", "close": "닫기", "sources": "출처", "nearest": "가장 가까운 글", "stopped": "중지했습니다.",
           "unreachable": "지금은 채팅에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.",
           "failed": "채팅이 답하지 못했습니다({status}).", "helpful": "도움이 됨", "unhelpful": "도움이 안 됨",
           "feedback": "이 답변이 도움이 되었나요?"},
    "it": {"title": "Chiedi al blog", "placeholder": "Chiedi qualcosa sul blog…", "question": "La tua domanda",
           "send": "Invia", "stop": "Ferma", "close": "Chiudi", "sources": "Fonti",
           "nearest": "Articoli più vicini", "stopped": "Interrotto.",
           "unreachable": "La chat non è raggiungibile in questo momento. Riprova tra poco.",
           "failed": "La chat non è riuscita a rispondere ({status}).", "helpful": "Utile", "unhelpful": "Non utile",
           "feedback": "Ti è stato utile?"},
    "nl": {"title": "Vraag het de blog", "placeholder": "Stel een vraag over de blog…", "question": "Je vraag",
           "send": "Versturen", "stop": "Stoppen", "close": "Sluiten", "sources": "Bronnen",
           "nearest": "Meest verwante berichten", "stopped": "Gestopt.",
           "unreachable": "De chat is nu niet bereikbaar. Probeer het zo nog eens.",
           "failed": "De chat kon niet antwoorden ({status}).", "helpful": "Nuttig", "unhelpful": "Niet nuttig",
           "feedback": "Was dit nuttig?"},
    "pl": {"title": "Zapytaj blog", "placeholder": "Zapytaj o coś na blogu…", "question": "Twoje pytanie",
           "send": "Wyślij", "stop": "Zatrzymaj", "close": "Zamknij", "sources": "Źródła",
           "nearest": "Najbliższe wpisy", "stopped": "Zatrzymano.",
           "unreachable": "Czat jest teraz niedostępny. Spróbuj ponownie za chwilę.",
           "failed": "Czat nie mógł odpowiedzieć ({status}).", "helpful": "Pomocne", "unhelpful": "Niepomocne",
           "feedback": "Czy to było pomocne?"},
    "sv": {"title": "Fråga bloggen", "placeholder": "Fråga något om bloggen…", "question": "Din fråga",
           "send": "Skicka", "stop": "Stoppa", "close": "Stäng", "sources": "Källor",
           "nearest": "Närmaste inlägg", "stopped": "Stoppat.",
           "unreachable": "Chatten går inte att nå just nu. Försök igen om en stund.",
           "failed": "Chatten kunde inte svara ({status}).", "helpful": "Till hjälp", "unhelpful": "Inte till hjälp",
           "feedback": "Var det här till hjälp?"},
    "cs": {"title": "Zeptejte se blogu", "placeholder": "Zeptejte se na něco z blogu…", "question": "Vaše otázka",
           "send": "Odeslat", "stop": "Zastavit", "close": "Zavřít", "sources": "Zdroje",
           "nearest": "Nejbližší příspěvky", "stopped": "Zastaveno.",
           "unreachable": "Chat je teď nedostupný. Zkuste to prosím za chvíli.",
           "failed": "Chat nedokázal odpovědět ({status}).", "helpful": "Užitečné", "unhelpful": "Neužitečné",
           "feedback": "Pomohlo vám to?"},
    "ro": {"title": "Întreabă blogul", "placeholder": "Întreabă ceva despre blog…", "question": "Întrebarea ta",
           "send": "Trimite", "stop": "Oprește", "close": "Închide", "sources": "Surse",
           "nearest": "Cele mai apropiate articole", "stopped": "Oprit.",
           "unreachable": "Chatul nu poate fi accesat acum. Încearcă din nou peste puțin timp.",
           "failed": "Chatul nu a putut răspunde ({status}).", "helpful": "Util", "unhelpful": "Nu e util",
           "feedback": "Ți-a fost util?"},
    "tr": {"title": "Bloga sor", "placeholder": "Blog hakkında bir şey sor…", "question": "Soru",
           "send": "Gönder", "stop": "Durdur", "close": "Kapat", "sources": "Kaynaklar",
           "nearest": "En yakın yazılar", "stopped": "Durduruldu.",
           "unreachable": "Sohbete şu anda ulaşılamıyor. Biraz sonra tekrar dene.",
           "failed": "Sohbet yanıt veremedi ({status}).", "helpful": "Faydalı", "unhelpful": "Faydalı değil",
           "feedback": "Bu yanıt faydalı oldu mu?"},
    "el": {
        "title": "Ρωτήστε το ιστολόγιο", "placeholder": "Ρωτήστε κάτι για το ιστολόγιο…", "question": "Η ερώτησή σας",
        "send": "Αποστολή", "stop": "Διακοπή", "close": "Κλείσιμο", "sources": "Πηγές",
        "nearest": "Πιο συναφείς αναρτήσεις", "stopped": "Διακόπηκε.",
        "unreachable": "Η συνομιλία δεν είναι διαθέσιμη αυτή τη στιγμή. Δοκιμάστε ξανά σε λίγο.",
        "failed": "Η συνομιλία δεν μπόρεσε να απαντήσει ({status}).", "helpful": "Χρήσιμο", "unhelpful": "Όχι χρήσιμο",
        "feedback": "Ήταν χρήσιμη η απάντηση;",
    },
    "id": {
        "title": "Tanya blog ini", "placeholder": "Tanyakan sesuatu tentang blog ini…", "question": "Pertanyaan Anda",
        "send": "Kirim", "stop": "Hentikan", "close": "Tutup", "sources": "Sumber",
        "nearest": "Tulisan paling mendekati", "stopped": "Dihentikan.",
        "unreachable": "Chat tidak dapat dihubungi saat ini. Silakan coba lagi sebentar lagi.",
        "failed": "Chat tidak dapat menjawab ({status}).", "helpful": "Membantu", "unhelpful": "Tidak membantu",
        "feedback": "Apakah ini membantu?",
    },
    "hu": {
        "title": "Kérdezd a blogot", "placeholder": "Kérdezz valamit a blogról…", "question": "A kérdésed",
        "send": "Küldés", "stop": "Leállítás", "close": "Bezárás", "sources": "Források",
        "nearest": "Legközelebbi bejegyzések", "stopped": "Leállítva.",
        "unreachable": "A csevegő most nem érhető el. Próbáld újra egy kicsit később.",
        "failed": "A csevegő nem tudott válaszolni ({status}).", "helpful": "Hasznos", "unhelpful": "Nem hasznos",
        "feedback": "Hasznos volt ez a válasz?",
    },
    "fi": {
        "title": "Kysy blogilta", "placeholder": "Kysy jotain blogista…", "question": "Kysymyksesi",
        "send": "Lähetä", "stop": "Pysäytä", "close": "Sulje", "sources": "Lähteet",
        "nearest": "Lähimmät kirjoitukset", "stopped": "Pysäytetty.",
        "unreachable": "Keskusteluun ei juuri nyt saada yhteyttä. Yritä hetken päästä uudelleen.",
        "failed": "Keskustelu ei pystynyt vastaamaan ({status}).", "helpful": "Hyödyllinen", "unhelpful": "Ei hyödyllinen",
        "feedback": "Oliko tästä apua?",
    },
    "vi": {
        "title": "Hỏi blog", "placeholder": "Hỏi về blog…", "question": "Câu hỏi của bạn",
        "send": "Gửi", "stop": "Dừng", "close": "Đóng", "sources": "Nguồn",
        "nearest": "Bài viết gần nhất", "stopped": "Đã dừng.",
        "unreachable": "Hiện không thể kết nối với khung chat. Vui lòng thử lại sau giây lát.",
        "failed": "Khung chat không thể trả lời ({status}).", "helpful": "Hữu ích", "unhelpful": "Không hữu ích",
        "feedback": "Câu trả lời này có hữu ích không?",
    },
    "da": {
        "title": "Spørg bloggen", "placeholder": "Spørg om bloggen…", "question": "Dit spørgsmål",
        "send": "Send", "stop": "Stop", "close": "Luk", "sources": "Kilder",
        "nearest": "Nærmeste indlæg", "stopped": "Stoppet.",
        "unreachable": "Chatten kan ikke nås lige nu. Prøv igen om lidt.",
        "failed": "Chatten kunne ikke svare ({status}).", "helpful": "Nyttigt", "unhelpful": "Ikke nyttigt",
        "feedback": "Var det nyttigt?",
    },
    "uk": {
        "title": "Запитайте блог", "placeholder": "Запитайте щось про блог…", "question": "Ваше запитання",
        "send": "Надіслати", "stop": "Зупинити", "close": "Закрити", "sources": "Джерела",
        "nearest": "Найближчі дописи", "stopped": "Зупинено.",
        "unreachable": "Чат зараз недоступний. Спробуйте ще раз трохи згодом.",
        "failed": "Чат не зміг відповісти ({status}).", "helpful": "Корисно", "unhelpful": "Некорисно",
        "feedback": "Чи була відповідь корисною?",
    },
    "he": {
        "title": "שאלו את הבלוג", "placeholder": "שאלו על הבלוג…", "question": "השאלה שלך",
        "send": "שליחה", "stop": "עצירה", "close": "סגירה", "sources": "מקורות",
        "nearest": "הפוסטים הקרובים ביותר", "stopped": "הופסק.",
        "unreachable": "אי אפשר להתחבר לצ'אט כרגע. נסו שוב עוד מעט.",
        "failed": "הצ'אט לא הצליח לענות ({status}).", "helpful": "מועיל", "unhelpful": "לא מועיל",
        "feedback": "האם זה עזר?",
    },
    "sh": {
        "title": "Pitajte blog", "placeholder": "Pitajte nešto o blogu…", "question": "Vaše pitanje",
        "send": "Pošalji", "stop": "Zaustavi", "close": "Zatvori", "sources": "Izvori",
        "nearest": "Najbliže objave", "stopped": "Zaustavljeno.",
        "unreachable": "Chat trenutačno nije dostupan. Pokušajte ponovno za trenutak.",
        "failed": "Chat nije mogao odgovoriti ({status}).", "helpful": "Korisno", "unhelpful": "Nije korisno",
        "feedback": "Je li ovo bilo korisno?",
    },
    "lt": {
        "title": "Klauskite tinklaraščio", "placeholder": "Klauskite apie tinklaraštį…", "question": "Jūsų klausimas",
        "send": "Siųsti", "stop": "Sustabdyti", "close": "Uždaryti", "sources": "Šaltiniai",
        "nearest": "Artimiausi įrašai", "stopped": "Sustabdyta.",
        "unreachable": "Pokalbių robotas šiuo metu nepasiekiamas. Bandykite dar kartą po akimirkos.",
        "failed": "Pokalbių robotas negalėjo atsakyti ({status}).", "helpful": "Naudinga", "unhelpful": "Nenaudinga",
        "feedback": "Ar tai buvo naudinga?",
    },
    "nb": {
        "title": "Spør bloggen", "placeholder": "Spør om bloggen…", "question": "Ditt spørsmål",
        "send": "Send", "stop": "Stopp", "close": "Lukk", "sources": "Kilder",
        "nearest": "Nærmeste innlegg", "stopped": "Stoppet.",
        "unreachable": "Chatten kan ikke nås akkurat nå. Prøv igjen om litt.",
        "failed": "Chatten kunne ikke svare ({status}).", "helpful": "Nyttig", "unhelpful": "Ikke nyttig",
        "feedback": "Var dette nyttig?",
    },
}
SAMPLE = 200  # entries read to tell the language
# Languages written right to left: the page and the widget are laid out from the right for their blogs
# (each message still runs the way its own text does: an English question on a Hebrew blog)
RTL = frozenset({"he", "ar", "fa", "ur", "yi"})


def page_language(entries: Sequence[Entry]) -> str:
    """The language of the blog's titles and descriptions, where the page has strings for it."""
    return _language(tuple(f"{e.title}\n{e.description}" for e in entries[:SAMPLE]))


@functools.lru_cache(maxsize=16)
def _language(texts: tuple[str, ...]) -> str:  # read once per catalog (every page load asks)
    text = "\n".join(texts)
    language = language_of(text) if text.strip() else "en"
    return language if language in STRINGS else "en"


def text(key: str, language: str, **values: object) -> str:
    return STRINGS.get(language, STRINGS["en"])[key].format(**values)


def page_title(language: str, name: str = "") -> str:
    """The chat's heading: the site's own name (site.Site.title) where its config gives one, before
    "Ask the blog" in the blog's language ("Raggi e Stelle · Chiedi al blog")."""
    return f"{html.escape(name.strip())} · {text('title', language)}" if name.strip() else text("title", language)


def rtl(language: str) -> bool:
    """Whether `language` is written right to left."""
    return language in RTL


def widget(language: str) -> dict[str, str]:
    """The widget's words in `language` (English where there are none in it), and its direction."""
    return {**WIDGET.get(language, WIDGET["en"]), "dir": "rtl" if rtl(language) else "ltr"}


def examples(entries: Sequence[Entry], n: int = 4) -> list[str]:
    """The example questions under the chat box, in the blog's language."""
    language = page_language(entries)
    return catalog.example_questions(entries, n, lambda key, **values: text(key, language, **values))
