"""The bot's fixed sentences — refusals and notes — in the reader's language.

A reader who asks in Chinese is told "我还没有写过关于 Deno 的内容。", not "I haven't written about
Deno.". The language is the question's own (`language_of` in ingest/language.py, told once per
answer by the caller; where its words vote as much for the blog's language, the blog's); English is
the fallback, and an
owner who wrote their own sentence in the settings (`not_covered`, `not_covered_named`,
`not_dictated`) gets theirs in every language.
"""

from __future__ import annotations

from localchat.config import Config

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "not_covered": Config.not_covered,
        "not_covered_named": Config.not_covered_named,
        "not_dictated": Config.not_dictated,
        "not_priced": "I haven't written what that costs.",
        "or": " or ",
        "closest": " The closest posts I have are listed below.",
        "rest": " This is about the rest.",
        "nearest_post": "The post below is the closest I have written on this.",
    },
    "zh": {
        "not_covered": "我还没有写过这方面的内容。",
        "not_covered_named": "我还没有写过关于 {terms} 的内容。",
        "not_dictated": "我只说我的文章里写过的内容，所以不会这样说。",
        "not_priced": "我没有写过这方面的价格。",
        "or": " 或 ",
        "closest": "下面列出了我写过的最相近的文章。",
        "rest": "以下是关于问题其余部分的内容。",
        "nearest_post": "下面这篇文章是我写过的最相近的内容。",
    },
    "ja": {
        "not_covered": "そのことについてはまだ書いていません。",
        "not_covered_named": "{terms} についてはまだ書いていません。",
        "not_dictated": "記事に書いたことだけをお話しするので、それは言えません。",
        "not_priced": "その値段については書いていません。",
        "or": "や",
        "closest": "いちばん近い記事を下に挙げます。",
        "rest": "質問の残りの部分についてはこちらです。",
        "nearest_post": "下の記事がいちばん近い内容です。",
    },
    "pt": {
        "not_covered": "Não escrevi sobre isso.",
        "not_covered_named": "Não escrevi sobre {terms}.",
        "not_dictated": "Só digo o que os meus posts dizem, então não vou dizer isso.",
        "not_priced": "Não escrevi quanto isso custa.",
        "or": " nem ",
        "closest": " Abaixo estão os posts mais próximos que escrevi.",
        "rest": " Isto trata do resto.",
        "nearest_post": "O post abaixo é o mais próximo que escrevi sobre isso.",
    },
    "es": {
        "not_covered": "No he escrito sobre eso.",
        "not_covered_named": "No he escrito sobre {terms}.",
        "not_dictated": "Solo digo lo que dicen mis publicaciones, así que no diré eso.",
        "not_priced": "No he escrito cuánto cuesta eso.",
        "or": " ni ",
        "closest": " Abajo están las publicaciones más cercanas que tengo.",
        "rest": " Esto trata del resto.",
        "nearest_post": "La publicación de abajo es lo más cercano que he escrito sobre esto.",
    },
    "fr": {
        "not_covered": "Je n'ai pas écrit à ce sujet.",
        "not_covered_named": "Je n'ai pas écrit sur {terms}.",
        "not_dictated": "Je ne dis que ce que disent mes articles, donc je ne dirai pas cela.",
        "not_priced": "Je n'ai pas écrit combien cela coûte.",
        "or": " ni ",
        "closest": " Les articles les plus proches que j'ai écrits sont ci-dessous.",
        "rest": " Voici ce qui concerne le reste.",
        "nearest_post": "L'article ci-dessous est ce que j'ai écrit de plus proche à ce sujet.",
    },
    "de": {
        "not_covered": "Darüber habe ich nicht geschrieben.",
        "not_covered_named": "Über {terms} habe ich nicht geschrieben.",
        "not_dictated": "Ich sage nur, was in meinen Beiträgen steht, also sage ich das nicht.",
        "not_priced": "Was das kostet, habe ich nicht geschrieben.",
        "or": " oder ",
        "closest": " Die ähnlichsten Beiträge, die ich habe, stehen unten.",
        "rest": " Das hier betrifft den Rest.",
        "nearest_post": "Der Beitrag unten ist das Nächste, was ich dazu geschrieben habe.",
    },
    "ru": {
        "not_covered": "Об этом я не писал.",
        "not_covered_named": "Про {terms} я не писал.",
        "not_dictated": "Я говорю только то, что написано в моих записях, поэтому так не скажу.",
        "not_priced": "Сколько это стоит, я не писал.",
        "or": " или ",
        "closest": " Ниже — самые близкие к этому записи.",
        "rest": " Это — об остальном.",
        "nearest_post": "Запись ниже — самое близкое, что я писал на эту тему.",
    },
    "ko": {
        "not_covered": "그 주제로는 아직 글을 쓰지 않았습니다.",
        "not_covered_named": "{terms}에 대해서는 아직 글을 쓰지 않았습니다.",
        "not_dictated": "제 글에 쓴 내용만 말씀드리기 때문에 그렇게 말할 수는 없습니다.",
        "not_priced": "그 가격에 대해서는 쓰지 않았습니다.",
        "or": " 또는 ",
        "closest": " 가장 가까운 글을 아래에 모았습니다.",
        "rest": " 나머지 부분에 대한 내용입니다.",
        "nearest_post": "아래 글이 이 주제와 가장 가까운 글입니다.",
    },
    "it": {
        "not_covered": "Non ho scritto su questo argomento.",
        "not_covered_named": "Non ho scritto di {terms}.",
        "not_dictated": "Dico solo ciò che dicono i miei articoli, quindi non lo dirò.",
        "not_priced": "Non ho scritto quanto costa.",
        "or": " né ",
        "closest": " Qui sotto trovi gli articoli più vicini che ho scritto.",
        "rest": " Questo riguarda il resto.",
        "nearest_post": "L'articolo qui sotto è la cosa più vicina che ho scritto su questo.",
    },
    "nl": {
        "not_covered": "Daarover heb ik niet geschreven.",
        "not_covered_named": "Over {terms} heb ik niet geschreven.",
        "not_dictated": "Ik zeg alleen wat er in mijn berichten staat, dus dat zeg ik niet.",
        "not_priced": "Wat dat kost, heb ik niet geschreven.",
        "or": " of ",
        "closest": " Hieronder staan de berichten die er het dichtst bij komen.",
        "rest": " Dit gaat over de rest.",
        "nearest_post": "Het bericht hieronder komt het dichtst bij wat ik hierover geschreven heb.",
    },
    "pl": {  # impersonal: a Polish past tense says whether the writer is a man or a woman
        "not_covered": "Na blogu nie ma nic na ten temat.",
        "not_covered_named": "Na blogu nie ma nic o {terms}.",
        "not_dictated": "Mówię tylko to, co jest w moich wpisach, więc tego nie powiem.",
        "not_priced": "Na blogu nie ma informacji, ile to kosztuje.",
        "or": " ani ",
        "closest": " Poniżej są najbliższe wpisy.",
        "rest": " To dotyczy reszty pytania.",
        "nearest_post": "Wpis poniżej jest najbliższy temu tematowi.",
    },
    "sv": {
        "not_covered": "Det har jag inte skrivit om.",
        "not_covered_named": "Jag har inte skrivit om {terms}.",
        "not_dictated": "Jag säger bara det som står i mina inlägg, så det säger jag inte.",
        "not_priced": "Jag har inte skrivit vad det kostar.",
        "or": " eller ",
        "closest": " Här nedanför finns de inlägg som ligger närmast.",
        "rest": " Det här gäller resten.",
        "nearest_post": "Inlägget nedanför är det närmaste jag har skrivit om det här.",
    },
    "cs": {  # impersonal: a Czech past tense says whether the writer is a man or a woman
        "not_covered": "Na blogu o tomto tématu nic není.",
        "not_covered_named": "Na blogu není nic k tématu {terms}.",
        "not_dictated": "Říkám jen to, co je v mých příspěvcích, takže to neřeknu.",
        "not_priced": "Na blogu není uvedeno, kolik to stojí.",
        "or": " ani ",
        "closest": " Níže jsou nejbližší příspěvky.",
        "rest": " Tohle se týká zbytku otázky.",
        "nearest_post": "Příspěvek níže je tomuto tématu nejblíž.",
    },
    "ro": {
        "not_covered": "Nu am scris despre asta.",
        "not_covered_named": "Nu am scris despre {terms}.",
        "not_dictated": "Spun doar ce scrie în articolele mele, așa că nu voi spune asta.",
        "not_priced": "Nu am scris cât costă.",
        "or": " sau ",
        "closest": " Mai jos sunt articolele cele mai apropiate.",
        "rest": " Asta privește restul întrebării.",
        "nearest_post": "Articolul de mai jos este cel mai apropiat de acest subiect.",
    },
    "tr": {
        "not_covered": "Bu konuda bir şey yazmadım.",
        "not_covered_named": "{terms} hakkında yazmadım.",
        "not_dictated": "Yalnızca yazılarımda yazanları söylüyorum, bu yüzden bunu söylemeyeceğim.",
        "not_priced": "Bunun ne kadar tuttuğunu yazmadım.",
        "or": " ya da ",
        "closest": " Aşağıda en yakın yazılar var.",
        "rest": " Bu, sorunun geri kalanıyla ilgili.",
        "nearest_post": "Aşağıdaki yazı bu konuya en yakın olanı.",
    },
    "el": {
        "not_covered": "Δεν έχω γράψει γι' αυτό.",
        "not_covered_named": "Δεν έχω γράψει για {terms}.",
        "not_dictated": "Λέω μόνο όσα λένε οι αναρτήσεις μου, οπότε αυτό δεν θα το πω.",
        "not_priced": "Δεν έχω γράψει πόσο κοστίζει αυτό.",
        "or": " ή ",
        "closest": " Παρακάτω θα βρείτε τις πιο συναφείς αναρτήσεις που έχω.",
        "rest": " Αυτό αφορά το υπόλοιπο της ερώτησης.",
        "nearest_post": "Η παρακάτω ανάρτηση είναι ό,τι πιο κοντινό έχω γράψει για αυτό.",
    },
    "id": {
        "not_covered": "Saya belum menulis tentang itu.",
        "not_covered_named": "Saya belum menulis tentang {terms}.",
        "not_dictated": "Saya hanya menyampaikan apa yang ada di tulisan saya, jadi saya tidak akan mengatakan itu.",
        "not_priced": "Saya belum menulis berapa harganya.",
        "or": " atau ",
        "closest": " Tulisan saya yang paling mendekati ada di bawah ini.",
        "rest": " Bagian ini membahas sisa pertanyaannya.",
        "nearest_post": "Tulisan di bawah ini adalah yang paling mendekati topik ini dari yang pernah saya tulis.",
    },
    "hu": {
        "not_covered": "Erről még nem írtam.",
        "not_covered_named": "Erről még nem írtam: {terms}.",
        "not_dictated": "Csak azt mondom el, ami a bejegyzéseimben áll, ezért ezt nem fogom mondani.",
        "not_priced": "Nem írtam arról, hogy ez mennyibe kerül.",
        "or": " vagy ",
        "closest": " Lent találhatók a hozzá legközelebb álló bejegyzéseim.",
        "rest": " Ez a kérdés többi részére vonatkozik.",
        "nearest_post": "Az alábbi bejegyzés áll a legközelebb ehhez abból, amit írtam.",
    },
    "fi": {
        "not_covered": "En ole kirjoittanut siitä.",
        "not_covered_named": "En ole kirjoittanut tästä aiheesta: {terms}.",
        "not_dictated": "Kerron vain sen, mitä kirjoituksissani sanotaan, joten en sano sitä.",
        "not_priced": "En ole kirjoittanut, mitä se maksaa.",
        "or": " tai ",
        "closest": " Lähimmät kirjoitukseni ovat alla.",
        "rest": " Tämä koskee kysymyksen muuta osaa.",
        "nearest_post": "Alla oleva kirjoitus on lähimpänä sitä, mitä olen tästä kirjoittanut.",
    },
    "vi": {
        "not_covered": "Tôi chưa viết về điều đó.",
        "not_covered_named": "Tôi chưa viết về {terms}.",
        "not_dictated": "Tôi chỉ nói những gì các bài viết của tôi nói, nên tôi sẽ không nói điều đó.",
        "not_priced": "Tôi chưa viết về giá của thứ đó.",
        "or": " hay ",
        "closest": " Dưới đây là những bài viết gần nhất mà tôi có.",
        "rest": " Phần này nói về phần còn lại của câu hỏi.",
        "nearest_post": "Bài viết dưới đây là nội dung gần nhất tôi đã viết về chủ đề này.",
    },
    "da": {
        "not_covered": "Det har jeg ikke skrevet om.",
        "not_covered_named": "Jeg har ikke skrevet om {terms}.",
        "not_dictated": "Jeg siger kun det, der står i mine indlæg, så det siger jeg ikke.",
        "not_priced": "Jeg har ikke skrevet, hvad det koster.",
        "or": " eller ",
        "closest": " Herunder er de indlæg, der ligger tættest på.",
        "rest": " Svaret herunder handler om resten af spørgsmålet.",
        "nearest_post": "Indlægget herunder er det nærmeste, jeg har skrevet om det her.",
    },
    "uk": {
        "not_covered": "Про це в мене дописів немає.",
        "not_covered_named": "Про {terms} у мене дописів немає.",
        "not_dictated": "Я кажу лише те, що написано в моїх дописах, тож цього не скажу.",
        "not_priced": "Скільки це коштує, у моїх дописах не сказано.",
        "or": " або ",
        "closest": " Нижче — найближчі до цього дописи.",
        "rest": " Нижче — про решту запитання.",
        "nearest_post": "Допис нижче — найближче до цієї теми, що в мене є.",
    },
    "he": {
        "not_covered": "לא כתבתי על זה.",
        "not_covered_named": "לא כתבתי על {terms}.",
        "not_dictated": "התשובות שלי מבוססות רק על מה שכתוב בפוסטים שלי, אז את זה לא אגיד.",
        "not_priced": "לא כתבתי כמה זה עולה.",
        "or": " או ",
        "closest": " למטה מופיעים הפוסטים הקרובים ביותר שכתבתי.",
        "rest": " התשובה שלהלן עוסקת בשאר השאלה.",
        "nearest_post": "הפוסט שלמטה הוא הקרוב ביותר לנושא הזה מבין מה שכתבתי.",
    },
}
OWNER_SETTABLE = ("not_covered", "not_covered_named", "not_dictated")


def phrase(key: str, language: str, config: Config | None = None, **values: str) -> str:
    """The sentence `key` in `language` (English when there is none in it). An owner's own wording
    in the settings wins."""
    if config is not None and key in OWNER_SETTABLE and getattr(config, key) != getattr(Config, key):
        return getattr(config, key).format(**values)
    return PHRASES.get(language, PHRASES["en"])[key].format(**values)


def named(terms: list[str], language: str, config: Config | None = None) -> str:
    """"I haven't written about X or Y." in `language`."""
    joiner = PHRASES.get(language, PHRASES["en"])["or"]
    return phrase("not_covered_named", language, config, terms=joiner.join(terms))
