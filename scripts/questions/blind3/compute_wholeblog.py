#!/usr/bin/env python3
"""Compute expected answers for the blind whole-blog question set (blind3).

Loads the frontmatter / file names of the four corpora, normalises each post to
(path, day, title, tags, category, authors, type), drops unpublished posts, and
evaluates every question spec in QUESTIONS (defined in wholeblog_specs below)
to produce wholeblog.jsonl next to this file.
"""
import datetime as dt
import json
import os
import re
import sys
import tomllib

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = dt.date(2026, 12, 1)
ROOTS = {
    "mykal.codes": "/work/shared/corpora/mykal.codes/posts",
    "nodejs.org-blog": "/work/shared/corpora/nodejs.org-blog/posts",
    "elixir-lang-blog": "/work/shared/corpora/elixir-lang-blog/posts",
    "sample": os.path.normpath(os.path.join(HERE, "../../../posts")),
}


def split_frontmatter(text):
    if text.startswith("---"):
        m = re.match(r"---\s*\n(.*?)\n---\s*(\n|$)", text, re.S)
        if m:
            return yaml.safe_load(m.group(1)) or {}, text[m.end():]
    if text.startswith("+++"):
        m = re.match(r"\+\+\+\s*\n(.*?)\n\+\+\+\s*(\n|$)", text, re.S)
        if m:
            return tomllib.loads(m.group(1)), text[m.end():]
    return {}, text


def to_day(v):
    """Calendar day (UTC for timestamps) of a frontmatter date value."""
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(dt.timezone.utc)
        return v.date()
    if isinstance(v, dt.date):
        return v
    s = str(v).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return dt.date.fromisoformat(s)
    s2 = s.replace("Z", "+00:00")
    d = dt.datetime.fromisoformat(s2)
    if d.tzinfo is not None:
        d = d.astimezone(dt.timezone.utc)
    return d.date()


def norm_tags(v):
    if v is None:
        return []
    if isinstance(v, str):
        parts = re.split(r"[,\s]+", v) if "," in v else v.split()
    else:
        parts = [str(x) for x in v]
    return [p.strip().lower() for p in parts if p and p.strip()]


def split_authors(v):
    if v is None:
        return []
    items = v if isinstance(v, list) else [v]
    out = []
    for it in items:
        for a in re.split(r",|&|\band\b", str(it)):
            a = a.strip()
            if a:
                out.append(a)
    return out


def load(corpus):
    root = ROOTS[corpus]
    posts = []
    for dirpath, _, files in os.walk(root):
        for fn in sorted(files):
            if not re.search(r"\.(md|mdx|markdown)$", fn) or fn == "README.md":
                continue
            full = os.path.join(dirpath, fn)
            rel = os.path.relpath(full, root)
            if corpus == "nodejs.org-blog" and rel == "index.md":
                continue  # listing page, not a post
            with open(full, encoding="utf-8") as fh:
                text = fh.read()
            fm, body = split_frontmatter(text)
            m = re.match(r"(\d{4}-\d{2}-\d{2})-", fn)
            if corpus == "elixir-lang-blog":
                day = dt.date.fromisoformat(m.group(1))
            else:
                day = to_day(fm.get("date", fm.get("pubDate")))
                if day is None and m:
                    day = dt.date.fromisoformat(m.group(1))
            title = fm.get("title")
            if not title:
                h = re.search(r"^#\s+(.+)$", body, re.M)
                title = h.group(1).strip() if h else fn
            category = fm.get("category")
            if corpus == "nodejs.org-blog" and not category:
                category = rel.split("/")[0]
            authors = split_authors(fm.get("authors", fm.get("author")))
            ptype = fm.get("type") or "post"
            draft = fm.get("draft") is True
            published = not draft and day is not None and day <= TODAY
            posts.append(dict(path=rel, day=day, title=str(title), tags=norm_tags(fm.get("tags")),
                              category=(str(category) if category else ""), authors=authors,
                              type=str(ptype).lower(), published=published))
    return posts


# ---------------------------------------------------------------- evaluation

def norm_author(a):
    return re.sub(r"\s*\(.*?\)\s*", " ", a).strip().lower()


def matches(p, f):
    if f.get("since") and p["day"] < dt.date.fromisoformat(f["since"]):
        return False
    if f.get("until") and p["day"] > dt.date.fromisoformat(f["until"]):
        return False
    if f.get("tag") and f["tag"].lower() not in p["tags"]:
        return False
    if f.get("category") and f["category"].lower() != p["category"].lower():
        return False
    if f.get("author") and norm_author(f["author"]) not in [norm_author(a) for a in p["authors"]]:
        return False
    if f.get("type") and f["type"].lower() != p["type"]:
        return False
    return True


_CACHE = {}


def published(corpus):
    if corpus not in _CACHE:
        _CACHE[corpus] = [p for p in load(corpus) if p["published"]]
    return _CACHE[corpus]


def evaluate(corpus, intent, f, n=1):
    """Return (posts, count, ordered, matching-post-records) for one question."""
    pool = [p for p in published(corpus) if matches(p, f)]
    if intent == "overview":
        return [], len(published(corpus)), False, []
    if intent in ("latest", "first"):
        srt = sorted(pool, key=lambda p: p["day"], reverse=(intent == "latest"))
        assert len(srt) >= n, (corpus, intent, f, n, len(srt))
        head = srt[: n + 1]
        days = [p["day"] for p in head]
        # no tie on one calendar day inside the answer or at its boundary
        assert len(set(days)) == len(days), ("tie", corpus, intent, f, n, [(str(p["day"]), p["path"]) for p in head])
        sel = srt[:n]
        return [p["path"] for p in sel], n, True, sel
    srt = sorted(pool, key=lambda p: (p["day"], p["path"]), reverse=True)
    if intent == "list":
        assert 0 < len(srt) <= 50, ("list size", corpus, f, len(srt))
    return [p["path"] for p in srt], len(srt), False, srt


def render_answer(corpus, intent, f, n, label):
    """A plausible assistant turn for a history entry, built from the computed answer."""
    posts, count, _, recs = evaluate(corpus, intent, f, n)
    def item(p):
        return f'"{p["title"]}" ({p["day"].isoformat()})'
    if intent == "count":
        return f"There are {count} {label}."
    if intent in ("latest", "first"):
        word = "most recent" if intent == "latest" else "earliest"
        if n == 1:
            return f"The {word} {label} is {item(recs[0])}."
        return f"The {word} {n} {label} are: " + "; ".join(item(p) for p in recs) + "."
    if intent == "list":
        return f"I found {count} {label}: " + "; ".join(item(p) for p in recs) + "."
    raise ValueError(intent)


FILTER_KEYS = ("since", "until", "tag", "category", "author", "type")


def build(specs):
    rows = []
    for i, s in enumerate(specs, 1):
        corpus, intent = s["corpus"], s["intent"]
        f = {k: s.get("f", {}).get(k, "") for k in FILTER_KEYS}
        n = s.get("n", 1)
        posts, count, ordered, _ = evaluate(corpus, intent, f, n)
        row = {"id": f"y{i:03d}", "corpus": corpus, "question": s["q"], "intent": intent,
               "expected": {"posts": posts, "count": count, "ordered": ordered},
               "filters": f}
        if s.get("history"):
            hist = []
            for turn in s["history"]:
                if turn[0] == "user":
                    hist.append({"role": "user", "content": turn[1]})
                else:
                    _, hintent, hf, hn, label = turn
                    hf = {k: hf.get(k, "") for k in FILTER_KEYS}
                    hist.append({"role": "assistant", "content": render_answer(corpus, hintent, hf, hn, label)})
            row["history"] = hist
        rows.append(row)
    return rows


# ------------------------------------------------------------------ question specs
# f: filters; n: how many for latest/first; history: ("user", text) or
# ("assistant", intent, filters, n, label) rendered from the computed answer.

def Y(a, b=None):
    """Filters for a calendar year (or a span of years)."""
    return {"since": f"{a}-01-01", "until": f"{b or a}-12-31"}


M, N, E, S = "mykal.codes", "nodejs.org-blog", "elixir-lang-blog", "sample"

SPECS = [
    # ---------------------------------------------------------- mykal.codes
    dict(corpus=M, intent="latest", q="What's the newest thing on Mykal's blog?"),
    dict(corpus=M, intent="latest", n=3, f={"type": "link"},
         q="show me the last three links mykal shared"),
    dict(corpus=M, intent="latest", f={"type": "photo"}, q="When did he last post a photo?"),
    dict(corpus=M, intent="latest", f={"tag": "devops"}, q="most recent devops post?"),
    dict(corpus=M, intent="latest", f=Y(2023), q="What was the last thing Mykal wrote in 2023?"),
    dict(corpus=M, intent="latest", f={"type": "note"},
         q="Which of Mykal's notes came out most recently?"),
    dict(corpus=M, intent="latest", f={"tag": "webdev"}, q="ok, which of those is the newest one?",
         history=[("user", "Has Mykal written anything tagged webdev?"),
                  ("assistant", "list", {"tag": "webdev"}, 1, "posts tagged webdev")]),
    dict(corpus=M, intent="first", q="Which post kicked off mykal.codes?"),
    dict(corpus=M, intent="first", f={"type": "link"},
         q="What was the very first link post Mykal ever shared on the site?"),
    dict(corpus=M, intent="first", f={"tag": "advent-of-code"}, q="earliest advent of code post"),
    dict(corpus=M, intent="first", n=3, f=Y(2022),
         q="What were the first 3 things he published in 2022?"),
    dict(corpus=M, intent="first", f={"tag": "self-hosting"},
         q="When did Mykal first blog about self-hosting?"),
    dict(corpus=M, intent="first", f={"tag": "devops"}, q="which one of them came first?",
         history=[("user", "Show me Mykal's devops posts"),
                  ("assistant", "list", {"tag": "devops"}, 1, "posts tagged devops")]),
    dict(corpus=M, intent="count", f={"type": "link"}, q="How many link posts are there on mykal.codes?"),
    dict(corpus=M, intent="count", f=Y(2022), q="how many posts did mykal put out in 2022"),
    dict(corpus=M, intent="count", f={"tag": "personal"}, q="How many of your posts are tagged personal, Mykal?"),
    dict(corpus=M, intent="count", f={"since": "2022-06-01", "until": "2022-08-31"},
         q="How many things went up on the blog during summer 2022?"),
    dict(corpus=M, intent="count", f={"tag": "python"}, q="number of python posts?"),
    dict(corpus=M, intent="count", f={"type": "note"}, q="How many notes has Mykal written?"),
    dict(corpus=M, intent="count", f={**Y(2024), "type": "link"}, q="And how many of those were links?",
         history=[("user", "What did Mykal post in 2024?"),
                  ("assistant", "list", Y(2024), 1, "posts from 2024")]),
    dict(corpus=M, intent="list", f={"type": "photo"}, q="List all of Mykal's photo posts."),
    dict(corpus=M, intent="list", f={"tag": "ai"}, q="What has Mykal posted about AI? Anything tagged ai."),
    dict(corpus=M, intent="list", f=Y(2025), q="What did he publish in 2025?"),
    dict(corpus=M, intent="list", f={"tag": "docker"}, q="show me everything tagged docker"),
    dict(corpus=M, intent="list", f={"since": "2022-12-01", "until": "2022-12-31"},
         q="Which posts came out in December 2022?"),
    dict(corpus=M, intent="list", f={"tag": "javascript"}, q="javascript posts?"),
    dict(corpus=M, intent="list", f={**Y(2023), "type": "link"}, q="What links did Mykal share in 2023?"),
    dict(corpus=M, intent="list", f={"since": "2024-12-01"},
         q="Anything new on the blog in the last two years? List it all."),
    dict(corpus=M, intent="list", f=Y(2021), q="which ones?",
         history=[("user", "How many posts did Mykal write in 2021?"),
                  ("assistant", "count", Y(2021), 1, "posts from 2021")]),
    dict(corpus=M, intent="overview", q="Give me a quick overview of Mykal's blog."),

    # ---------------------------------------------------------- nodejs.org-blog
    dict(corpus=N, intent="latest", q="What's the newest post on the Node.js blog?"),
    dict(corpus=N, intent="latest", f={"category": "vulnerability"},
         q="When was the last security vulnerability post published?"),
    dict(corpus=N, intent="latest", f={"category": "release"},
         q="Which release post came out most recently?"),
    dict(corpus=N, intent="latest", f={"author": "Danielle Adams"},
         q="What did Danielle Adams post most recently?"),
    dict(corpus=N, intent="latest", n=3, f={"category": "announcements"},
         q="latest 3 announcements from the node team"),
    dict(corpus=N, intent="latest", f={"author": "Ryan Dahl"},
         q="When did Ryan Dahl last write something for the blog?"),
    dict(corpus=N, intent="latest", f={"author": "Joyee Cheung"}, q="Which of those is the most recent?",
         history=[("user", "What has Joyee Cheung written for the blog?"),
                  ("assistant", "list", {"author": "Joyee Cheung"}, 1, "posts by Joyee Cheung")]),
    dict(corpus=N, intent="first", f={"category": "release"},
         q="What was the first release post on the Node blog?"),
    dict(corpus=N, intent="first", f={"category": "vulnerability"}, q="first vulnerability post?"),
    dict(corpus=N, intent="first", f={"category": "weekly"},
         q="When did the weekly updates start? Which was the earliest one?"),
    dict(corpus=N, intent="first", f={"author": "Rafael Gonzaga"},
         q="When did Rafael Gonzaga first publish something on the Node.js blog?"),
    dict(corpus=N, intent="first", n=3, f={"category": "announcements"},
         q="What were the first three announcements posted?"),
    dict(corpus=N, intent="first", f=Y(2016), q="Which post opened 2016 on the blog?"),
    dict(corpus=N, intent="first", f={"category": "npm"}, q="which one came first?",
         history=[("user", "List the npm posts"),
                  ("assistant", "list", {"category": "npm"}, 1, "posts in the npm category")]),
    dict(corpus=N, intent="count", f={"category": "release"}, q="How many release posts are there?"),
    dict(corpus=N, intent="count", f=Y(2016), q="How many posts did the Node.js blog publish in 2016?"),
    dict(corpus=N, intent="count", f={**Y(2022), "category": "vulnerability"},
         q="how many vulnerability posts came out in 2022"),
    dict(corpus=N, intent="count", f={"category": "weekly"}, q="How many weekly updates were there in total?"),
    dict(corpus=N, intent="count", f={"author": "Antoine du Hamel"},
         q="How many posts has Antoine du Hamel written?"),
    dict(corpus=N, intent="count", f={"since": "2025-12-01"}, q="How many posts went up in the past year?"),
    dict(corpus=N, intent="count", f={**Y(2026), "author": "Marco Ippolito"},
         q="how many of them are from this year?",
         history=[("user", "Which posts did Marco Ippolito write?"),
                  ("assistant", "list", {"author": "Marco Ippolito"}, 1, "posts by Marco Ippolito")]),
    dict(corpus=N, intent="list", f={"category": "events"}, q="List all the event posts."),
    dict(corpus=N, intent="list", f={"category": "migrations"}, q="What migration guides are on the blog?"),
    dict(corpus=N, intent="list", f={"category": "community"}, q="Show me the community posts."),
    dict(corpus=N, intent="list", f={"since": "2026-08-01", "until": "2026-08-31"},
         q="What did Node put out in August 2026?"),
    dict(corpus=N, intent="list", f={**Y(2025), "category": "vulnerability"},
         q="Which vulnerability posts came out in 2025?"),
    dict(corpus=N, intent="list", f={"author": "Matteo Collina"}, q="posts by Matteo Collina"),
    dict(corpus=N, intent="list", f={**Y(2011), "author": "Ryan Dahl"},
         q="Which posts did Ryan Dahl write in 2011?"),
    dict(corpus=N, intent="list", f={"since": "2025-12-01", "until": "2026-02-28"},
         q="What was posted over the winter of 2025-26?"),
    dict(corpus=N, intent="overview", q="What's the Node.js blog about? Quick overview please."),

    # ---------------------------------------------------------- elixir-lang-blog
    dict(corpus=E, intent="latest", q="What's new on the Elixir blog?"),
    dict(corpus=E, intent="latest", f={"category": "Releases"},
         q="What's the latest Elixir release announcement?"),
    dict(corpus=E, intent="latest", n=3, f={"category": "Elixir in Production"},
         q="Give me the three newest Elixir in Production case studies."),
    dict(corpus=E, intent="latest", f={"author": "Andrea Leopardi"},
         q="When did Andrea Leopardi last write a post?"),
    dict(corpus=E, intent="latest", f={"tag": "phoenix"}, q="most recent post tagged phoenix"),
    dict(corpus=E, intent="latest", f=Y(2024), q="Which post was the last one published in 2024?"),
    dict(corpus=E, intent="latest", n=2, f={"category": "Internals"}, q="which two are the newest?",
         history=[("user", "show me the Internals posts"),
                  ("assistant", "list", {"category": "Internals"}, 1, "posts in the Internals category")]),
    dict(corpus=E, intent="first", q="What was the very first post on the Elixir blog?"),
    dict(corpus=E, intent="first", f={"category": "Elixir in Production"},
         q="Which Elixir in Production story came out first?"),
    dict(corpus=E, intent="first", f={"author": "Hugo Baraúna"},
         q="When did Hugo Baraúna first post on the blog?"),
    dict(corpus=E, intent="first", n=3, f={"category": "Announcements"},
         q="What were the earliest three announcements?"),
    dict(corpus=E, intent="first", f=Y(2020), q="first post published in 2020?"),
    dict(corpus=E, intent="first", f={"tag": "otp"}, q="What's the earliest post tagged otp?"),
    dict(corpus=E, intent="count", f={"category": "Releases"},
         q="How many release posts have been published on the Elixir blog?"),
    dict(corpus=E, intent="count", f={"author": "José Valim"}, q="how many posts has jose valim written"),
    dict(corpus=E, intent="count", f=Y(2025), q="How many posts came out in 2025?"),
    dict(corpus=E, intent="count", f={"category": "Internals"}, q="How many Internals articles are there?"),
    dict(corpus=E, intent="count", f={"since": "2025-12-01"},
         q="How many posts went up in the last 12 months?"),
    dict(corpus=E, intent="count", f=Y(2015, 2019),
         q="How many posts were published between 2015 and 2019?"),
    dict(corpus=E, intent="count", f={**Y(2021), "category": "Elixir in Production"},
         q="How many of those came out in 2021?",
         history=[("user", "List the Elixir in Production posts"),
                  ("assistant", "list", {"category": "Elixir in Production"}, 1,
                   "posts in the Elixir in Production category")]),
    dict(corpus=E, intent="list", f={"author": "Andrea Leopardi"},
         q="Which posts has Andrea Leopardi written?"),
    dict(corpus=E, intent="list", f={"since": "2026-01-01"}, q="What's been posted so far this year?"),
    dict(corpus=E, intent="list", f=Y(2023), q="What did the Elixir team publish in 2023?"),
    dict(corpus=E, intent="list", f={"tag": "broadway"}, q="Which posts are tagged broadway?"),
    dict(corpus=E, intent="list", f={**Y(2025), "category": "Announcements"},
         q="show me the announcements from 2025"),
    dict(corpus=E, intent="list", f={"since": "2025-06-01", "until": "2025-08-31"},
         q="What went up on the blog in summer 2025?"),
    dict(corpus=E, intent="list", f={"tag": "nerves"}, q="List the posts tagged nerves."),
    dict(corpus=E, intent="list", f=Y(2013), q="Which posts came out in 2013?"),
    dict(corpus=E, intent="list", f={"author": "Hugo Baraúna"}, q="List all of his posts.",
         history=[("user", "When did Hugo Baraúna first post?"),
                  ("assistant", "first", {"author": "Hugo Baraúna"}, 1, "post by Hugo Baraúna")]),
    dict(corpus=E, intent="overview", q="Can you give me an overview of this blog?"),

    # ---------------------------------------------------------- sample
    dict(corpus=S, intent="latest", q="what's new?"),
    dict(corpus=S, intent="latest", n=3, q="Show me your last three posts."),
    dict(corpus=S, intent="latest", f=Y(2023), q="What was the most recent thing you posted in 2023?"),
    dict(corpus=S, intent="latest", f={"since": "2024-03-01", "until": "2024-05-31"},
         q="What did you put out most recently in spring 2024?"),
    dict(corpus=S, intent="latest", f={"type": "photo"}, q="When did you last share a photo post?"),
    dict(corpus=S, intent="latest", f={"tag": "python"}, q="What's the newest post tagged python?"),
    dict(corpus=S, intent="latest", f=Y(2024), q="Which of those is the most recent?",
         history=[("user", "What did you write in 2024?"),
                  ("assistant", "list", Y(2024), 1, "posts from 2024")]),
    dict(corpus=S, intent="first", q="Which post started the blog?"),
    dict(corpus=S, intent="first", n=2, f=Y(2023), q="first two posts of 2023?"),
    dict(corpus=S, intent="first", f={"tag": "hardware"}, q="What's your earliest hardware post?"),
    dict(corpus=S, intent="first", f=Y(2024), q="What was the first post you published in 2024?"),
    dict(corpus=S, intent="first", f={"since": "2023-09-01", "until": "2023-11-30"},
         q="Which post was the first to go up in autumn 2023?"),
    dict(corpus=S, intent="first", n=3, q="What are the three oldest posts on here?"),
    dict(corpus=S, intent="count", f=Y(2023), q="How many posts did you write in 2023?"),
    dict(corpus=S, intent="count", f={"tag": "hardware"}, q="how many posts are tagged hardware"),
    dict(corpus=S, intent="count", f=Y(2026), q="How many posts have you published this year?"),
    dict(corpus=S, intent="count", f={"since": "2022-06-01", "until": "2022-08-31"},
         q="How many posts went up in summer 2022?"),
    dict(corpus=S, intent="count", f={"since": "2024-01-01"}, q="How many posts since the start of 2024?"),
    dict(corpus=S, intent="count", f={"type": "photo"}, q="How many photo posts are there?"),
    dict(corpus=S, intent="count", f=Y(2024), q="And how many in 2024?",
         history=[("user", "What did you write in 2023?"),
                  ("assistant", "list", Y(2023), 1, "posts from 2023")]),
    dict(corpus=S, intent="list", f={"since": "2024-12-01"}, q="What have you written in the last two years?"),
    dict(corpus=S, intent="list", f={"tag": "hardware"}, q="Posts tagged hardware?"),
    dict(corpus=S, intent="list", f={"since": "2024-06-01"}, q="List everything published since June 2024."),
    dict(corpus=S, intent="list", f={"since": "2024-01-01", "until": "2024-06-30"},
         q="Which posts came out in the first half of 2024?"),
    dict(corpus=S, intent="list", f={"tag": "personal"}, q="anything tagged personal?"),
    dict(corpus=S, intent="list", f={"since": "2023-10-01", "until": "2024-03-31"},
         q="list the posts published between October 2023 and March 2024"),
    dict(corpus=S, intent="list", f=Y(2024), q="Show me all your posts from 2024."),
    dict(corpus=S, intent="list", f={"since": "2023-12-01", "until": "2024-02-29"},
         q="What did you blog about over the winter of 2023-24?"),
    dict(corpus=S, intent="list", f=Y(2022), q="and in 2022?",
         history=[("user", "What did you write in 2023?"),
                  ("assistant", "list", Y(2023), 1, "posts from 2023")]),
    dict(corpus=S, intent="overview", q="What's this blog about?"),
]


def main():
    rows = build(SPECS)
    out = os.path.join(HERE, "wholeblog.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} questions to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
