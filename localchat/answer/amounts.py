"""Questions that ask for an amount, and whether an excerpt gives one.

A near miss often matches the right post and asks what the post never says: "How much does HeroDevs
charge for Node.js 18 support?" finds the HeroDevs announcement, which gives no price. The gate's
similarity cannot tell it from "How much did the server cost you?" on a post that says "$350". What
can is the kind of answer asked for: a price needs a sum of money in one of the first excerpts
(a currency sign or word, or "free"). In any language the bot has words for, and on no blog's words.

Measured and not used (scripts/amount_gate_loo.py, one corpus left out): a sum anywhere in the first
posts, or only in a sentence that shares a word with the question; and the same test for a count
("how many people attended"): excerpts hold numbers of every kind, and where a count rule was
chosen it refused more answerable questions on the corpus left out than near misses.
"""

from __future__ import annotations

import re
from typing import Iterable

# Asking a price takes two things: a question for an amount ("how much", "what does X cost", "what's
# the fee") and money in its words ("charge", "pay", "tickets", "cost you", "cost to attend", 钱, 费):
# on a technical blog "how much does a context switch cost?" and "how much time did you spend?" ask
# no price. Said in the languages with refusals of their own (phrases.py).
ASKS_AMOUNT = re.compile(
    r"\bhow (?:much|expensive|cheap)\b|\bwhat (?:does|do|did|would|will)\b[^.?!;]{0,50}?\b(?:cost|charge)\b"
    r"|\bwhat(?:'s| is| was| are| were)?\b[^.?!;]{0,50}?\b(?:price|prices|pricing|fee|fees|salary|salaries)\b"
    r"|多少|几多|幾多|いくら|\bcu[aá]nt[oa]s?\b|\bcombien\b|\bwie ?viel|얼마|сколько|почём|почем", re.I)
MONEY_WORDS = re.compile(
    r"\b(?:pay|paid|paying|pays)\b(?!\s+attention)|(?<!in )\bcharg(?:e|es|ed|ing)\b(?!\s+(?:of|in)\b)|\bfees?\b"
    r"|\btickets?\b|\bsalar(?:y|ies)\b|\bearn(?:s|ed|ing)?\b|\bpric(?:e|es|ed|ing)\b(?!\s+tag)|\bmoney\b|\bbuy\b"
    r"|\bbought\b|\bpurchas\w*|\bsubscription\b|\bdonat\w*|\bfunding\b|\bsponsor\w*|\bdollars?\b|\beuros?\b|[$€£¥]"
    r"|\bcost\s+(?:you|me|him|her|them|us)\b|\bcosts?\s+(?:per|a|each)\s+(?:month|year|seat|user|ticket)\b"
    r"|\bcosts?\s+to\s+(?:buy|attend|sit|register|join|subscribe|enter|hire|rent|sponsor|advertise|go)\b"
    r"|\bexpensive\b|\bcheap\b|钱|錢|费|費|价|價|票|元|円|料金|値段"
    r"|\bcuesta|\bcuestan|\bcost[oó]\b|\bcobra|\bpag[oóa]|\bprecio|\bentradas?\b"
    r"|\bco[uû]te|\bprix\b|\bpay[ée]|\bfactur|\bbillets?\b"
    r"|\bkoste[tn]?\b|\bpreis|\bzahl|\bbezahl|\bverdien|\beintritt"
    r"|가격|비용|값|요금|돈|구입|구매|결제|유료|샀|\d\s*원|만\s*원"
    r"|сто(?:ит|ил|ила|ило|или|имость)|цен[аыуе]|заплат|обош[её]л|обошл|руб|₽|платн|дорог|дешев", re.I)
# A sum of money as posts write it: "$350", "350 USD", "EUR 20", "€20", "twenty dollars", "free", "100 元".
CURRENCIES = r"usd|eur|gbp|chf|cad|aud|jpy|cny|rmb|inr"
MONEY = re.compile(
    rf"[$€£¥₹￥]\s*\d|\d\s*(?:[$€£¥₹￥]|(?:{CURRENCIES}|dollars?|euros?|pounds?|bucks|cents?)\b)|\b(?:{CURRENCIES})\s*\d"
    r"|\b(?:dollars?|euros?|bucks|free|gratis|no cost|paid|unpaid|gratuit|kostenlos|umsonst)\b"
    r"|[\d一二两三四五六七八九十百千万]\s*(?:元|美元|欧元|歐元|块|塊|円|万円)|人民币\s*\d|人民幣\s*\d|免费|免費|無料|零元"
    r"|\d\s*(?:원|만\s*원|₩|₽|руб)|₩\s*\d|무료|бесплатн", re.I)


def asks_price(question: str) -> bool:
    return bool(ASKS_AMOUNT.search(question) and MONEY_WORDS.search(question))


def gives_money(texts: Iterable[str]) -> bool:
    return any(MONEY.search(t) for t in texts)
