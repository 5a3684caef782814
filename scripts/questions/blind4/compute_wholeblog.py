#!/usr/bin/env python3
"""Compute expected answers for the blind whole-blog question set (blind4).

Reads only frontmatter / file names of the four corpora, applies the question
filters and writes wholeblog.jsonl next to this script.  "Today" is 2026-12-01.
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
    "sample": "/work/main/posts",
}
POST_EXT = (".md", ".mdx", ".markdown")


# ---------------------------------------------------------------- parsing
def frontmatter(text):
    if text.startswith("---"):
        m = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|$)", text, re.S)
        if m:
            return yaml.safe_load(m.group(1)) or {}
    if text.startswith("+++"):
        m = re.match(r"^\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(\r?\n|$)", text, re.S)
        if m:
            return tomllib.loads(m.group(1))
    return {}


def to_utc_day(value):
    """Calendar day (UTC) of a frontmatter date value."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
        return value.date(), value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value, dt.datetime(value.year, value.month, value.day)
    s = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        d = dt.date.fromisoformat(s)
        return d, dt.datetime(d.year, d.month, d.day)
    t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    return to_utc_day(t)


def split_tags(value):
    if value is None:
        return []
    if isinstance(value, str):
        parts = re.split(r"[,\s]+", value) if "," not in value else value.split(",")
        return [p.strip() for p in parts if p.strip()]
    return [str(t).strip() for t in value if str(t).strip()]


def split_authors(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(a).strip() for a in value]
    parts = re.split(r",|&|\band\b", str(value))
    return [p.strip() for p in parts if p.strip()]


def h1_title(text):
    m = re.search(r"^#\s+(.+)$", text, re.M)
    return m.group(1).strip() if m else None


def load(corpus):
    root = ROOTS[corpus]
    posts = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if not name.endswith(POST_EXT):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if corpus == "nodejs.org-blog" and rel == "index.md":
                continue  # listing page, not a post
            text = open(path, encoding="utf-8").read()
            fm = frontmatter(text)
            fname_date = re.match(r"(\d{4})-(\d{2})-(\d{2})-", name)
            if corpus == "elixir-lang-blog":
                d = dt.date(*map(int, fname_date.groups()))
                day, stamp = d, dt.datetime(d.year, d.month, d.day)
            else:
                raw = fm.get("date", fm.get("pubDate"))
                if raw is None and fname_date:
                    raw = dt.date(*map(int, fname_date.groups()))
                day, stamp = to_utc_day(raw)
            draft = fm.get("draft") is True or str(fm.get("draft")).lower() == "true"
            if draft or day > TODAY:
                continue
            category = fm.get("category")
            if corpus == "nodejs.org-blog" and not category:
                category = rel.split("/")[0]
            if corpus == "elixir-lang-blog":
                authors = split_authors(fm.get("authors"))
            elif corpus == "nodejs.org-blog":
                authors = split_authors(fm.get("author"))
            else:
                authors = []
            posts.append({
                "path": rel,
                "title": fm.get("title") or h1_title(text) or name,
                "day": day,
                "stamp": stamp,
                "tags": split_tags(fm.get("tags")),
                "type": fm.get("type") or "",
                "category": category or "",
                "authors": authors,
            })
    return posts


# ---------------------------------------------------------------- querying
def match(post, f):
    if f.get("since") and post["day"] < dt.date.fromisoformat(f["since"]):
        return False
    if f.get("until") and post["day"] > dt.date.fromisoformat(f["until"]):
        return False
    if f.get("tag"):
        want = f["tag"].lower()
        if want not in [t.lower() for t in post["tags"]]:
            return False
    if f.get("category") and post["category"].lower() != f["category"].lower():
        return False
    if f.get("type") and post["type"].lower() != f["type"].lower():
        return False
    if f.get("author"):
        want = f["author"].lower()
        if not any(want in a.lower() for a in post["authors"]):
            return False
    return True


def select(posts, f):
    return [p for p in posts if match(p, f)]


def newest_first(ps):
    return sorted(ps, key=lambda p: (p["stamp"], p["path"]), reverse=True)


def oldest_first(ps):
    return sorted(ps, key=lambda p: (p["stamp"], p["path"]))


class Tie(Exception):
    pass


def take(ordered, n, label):
    """First n posts; refuse when a calendar-day tie makes the answer ambiguous."""
    if len(ordered) < n:
        raise Tie(f"{label}: only {len(ordered)} posts, {n} asked")
    head = ordered[: n + 1]
    days = [p["day"] for p in head]
    if len(set(days[:n])) != n or (len(ordered) > n and days[n] == days[n - 1]):
        raise Tie(f"{label}: calendar-day tie {[(p['path'], str(p['day'])) for p in head]}")
    return ordered[:n]


EMPTY_FILTERS = {"since": "", "until": "", "tag": "", "category": "", "author": "", "type": ""}


def expected_for(posts, spec):
    f = dict(EMPTY_FILTERS)
    f.update(spec.get("filters", {}))
    intent = spec["intent"]
    chosen = select(posts, f)
    label = spec["question"]
    if intent == "latest":
        got = take(newest_first(chosen), spec.get("n", 1), label)
        return f, {"posts": [p["path"] for p in got], "count": len(got), "ordered": True}
    if intent == "first":
        got = take(oldest_first(chosen), spec.get("n", 1), label)
        return f, {"posts": [p["path"] for p in got], "count": len(got), "ordered": True}
    if intent in ("count", "list"):
        got = newest_first(chosen)
        if intent == "list" and len(got) > 50:
            raise Tie(f"{label}: list too long ({len(got)})")
        if intent == "list" and not got:
            raise Tie(f"{label}: empty list")
        return f, {"posts": [p["path"] for p in got], "count": len(got), "ordered": False}
    if intent == "overview":
        return f, {"posts": [], "count": len(posts), "ordered": False}
    raise ValueError(intent)


# ---------------------------------------------------------------- questions

def Q(corpus, intent, question, n=None, history=None, **filters):
    spec = {"corpus": corpus, "intent": intent, "question": question, "filters": filters}
    if n:
        spec["n"] = n
    if history:
        spec["history"] = [{"role": r, "content": c} for r, c in history]
    return spec


MY, NODE, EX, SA = "mykal.codes", "nodejs.org-blog", "elixir-lang-blog", "sample"
Y = lambda y: {"since": f"{y}-01-01", "until": f"{y}-12-31"}  # noqa: E731

QUESTIONS = [
    # ------------------------------------------------------------ mykal.codes
    Q(MY, "latest", "what's the newest thing on mykal.codes?"),
    Q(MY, "latest", "When did Mykal last share a photo post, and which one was it?", type="photo"),
    Q(MY, "latest", "last link he dropped on the site?", type="link"),
    Q(MY, "latest", "Show me the 3 most recent posts tagged devops", n=3, tag="devops"),
    Q(MY, "latest", "Which note did Mykal publish most recently?", type="note"),
    Q(MY, "latest", "I'm into web dev stuff — what's the latest webdev post he wrote?", tag="webdev"),
    Q(MY, "latest", "What was the final post Mykal put out in 2023?", **Y(2023)),
    Q(MY, "latest", "his two latest personal posts pls", n=2, tag="personal"),
    Q(MY, "first", "What was the very first post on Mykal's blog?"),
    Q(MY, "first", "Which of his notes came out first?", type="note"),
    Q(MY, "first", "oldest photo post?", type="photo"),
    Q(MY, "first", "What were the first three things he posted in 2023?", n=3, since="2023-01-01", until="2023-12-31"),
    Q(MY, "first", "When did Mykal first blog about self-hosting?", tag="self-hosting"),
    Q(MY, "first", "earliest post tagged python", tag="python"),
    Q(MY, "first", "What were the first two links Mykal ever shared on his blog?", n=2, type="link"),
    Q(MY, "count", "How many posts did Mykal publish in 2022?", **Y(2022)),
    Q(MY, "count", "How many notes has he posted?", type="note"),
    Q(MY, "count", "how many times has he written about webdev", tag="webdev"),
    Q(MY, "count", "Has Mykal posted anything this year? How many?", since="2026-01-01", until="2026-12-31"),
    Q(MY, "count", "Number of link posts he shared in 2023?", type="link", **Y(2023)),
    Q(MY, "count", "How many Advent of Code write-ups are on the blog?", tag="advent-of-code"),
    Q(MY, "count", "How many posts went up in 2024?", **Y(2024)),
    Q(MY, "count", "how many posts did he put out in summer 2022", since="2022-06-01", until="2022-08-31"),
    Q(MY, "count", "How many of Mykal's posts are tagged personal?", tag="personal"),
    Q(MY, "list", "What did Mykal publish last year?", **Y(2025)),
    Q(MY, "list", "Which posts are tagged docker?", tag="docker"),
    Q(MY, "list", "What did he write before 2021?", until="2020-12-31"),
    Q(MY, "list", "list everything from December 2022", since="2022-12-01", until="2022-12-31"),
    Q(MY, "list", "What are all of Mykal's notes?", type="note"),
    Q(MY, "list", "Show me the posts he's tagged ai", tag="ai"),
    Q(MY, "list", "What came out on the blog in spring 2023?", since="2023-03-01", until="2023-05-31"),
    Q(MY, "list", "Which posts have the coffee tag?", tag="coffee"),
    Q(MY, "list", "javascript posts?", tag="javascript"),
    Q(MY, "list", "What went up between October and December 2024?", since="2024-10-01", until="2024-12-31"),
    Q(MY, "list", "What did he blog about in the first half of 2024?", since="2024-01-01", until="2024-06-30"),
    Q(MY, "overview", "Give me a quick overview of Mykal's blog — what's on it and how much has he written?"),
    Q(MY, "latest", "And the one before that?", until="2025-08-28", history=[
        ("user", "What's the latest post on mykal.codes?"),
        ("assistant", "The latest post is \"Copying to the Windows Clipboard from WSL\", published on 29 August 2025.")]),
    Q(MY, "list", "ok, list them", type="photo", history=[
        ("user", "How many photo posts has Mykal shared?"),
        ("assistant", "He has published 6 photo posts.")]),
    Q(MY, "list", "Which of those were link posts?", type="link", **Y(2024), history=[
        ("user", "What did Mykal write in 2024?"),
        ("assistant", "In 2024 he published 10 posts: MDChat, Building /follows, Using VS Code as an SSH Client, "
                      "PICO-Snake, The Twelve-Factor App, How to test NGINX configs locally, Bots on Bluesky, "
                      "Dither It!, Debugging Crashing Containers and My first latte leaf.")]),
    Q(MY, "first", "and his first one tagged devops?", tag="devops", history=[
        ("user", "What was Mykal's first ever post?"),
        ("assistant", "His first post is \"Preparing for Battlesnake\", from 18 February 2019.")]),

    # ------------------------------------------------------------ nodejs.org-blog
    Q(NODE, "latest", "What's the most recent post on the Node.js blog?"),
    Q(NODE, "latest", "latest security/vulnerability post?", category="vulnerability"),
    Q(NODE, "latest", "What are the three newest announcements the Node.js team has put out?", n=3, category="announcements"),
    Q(NODE, "latest", "Which release post went up most recently?", category="release"),
    Q(NODE, "latest", "What's the last thing Joyee Cheung wrote for the blog?", author="Joyee Cheung"),
    Q(NODE, "latest", "two latest posts in the events category", n=2, category="events"),
    Q(NODE, "latest", "When did Ryan Dahl last post on the blog?", author="Ryan Dahl"),
    Q(NODE, "latest", "Show me the 2 most recent community posts", n=2, category="community"),
    Q(NODE, "first", "What was the first post published in 2012?", **Y(2012)),
    Q(NODE, "first", "When did the blog post its first vulnerability notice?", category="vulnerability"),
    Q(NODE, "first", "first weekly update?", category="weekly"),
    Q(NODE, "first", "What was Myles Borins' first post here?", author="Myles Borins"),
    Q(NODE, "first", "Which was the earliest post in announcements?", category="announcements"),
    Q(NODE, "first", "What was the first community post?", category="community"),
    Q(NODE, "first", "What were Rafael Gonzaga's first three posts on the blog?", n=3, author="Rafael Gonzaga"),
    Q(NODE, "count", "How many release posts are there in total?", category="release"),
    Q(NODE, "count", "How many posts came out in 2016?", **Y(2016)),
    Q(NODE, "count", "how many vulnerability posts were published in 2022", category="vulnerability", **Y(2022)),
    Q(NODE, "count", "How many posts has Rafael Gonzaga written?", author="Rafael Gonzaga"),
    Q(NODE, "count", "How many posts has the Node.js blog published so far this year?", since="2026-01-01", until="2026-12-31"),
    Q(NODE, "count", "Number of announcements since 2020?", category="announcements", since="2020-01-01"),
    Q(NODE, "count", "how many posts did Ryan Dahl write", author="Ryan Dahl"),
    Q(NODE, "count", "How many posts went up last summer?", since="2026-06-01", until="2026-08-31"),
    Q(NODE, "count", "Did anything get posted last month? How many posts?", since="2026-11-01", until="2026-11-30"),
    Q(NODE, "list", "Which posts are in the npm category?", category="npm"),
    Q(NODE, "list", "List the vulnerability posts from 2025", category="vulnerability", **Y(2025)),
    Q(NODE, "list", "What was published in August 2026?", since="2026-08-01", until="2026-08-31"),
    Q(NODE, "list", "What announcements did they put out in 2025?", category="announcements", **Y(2025)),
    Q(NODE, "list", "Show me everything Joyee Cheung has written", author="Joyee Cheung"),
    Q(NODE, "list", "community posts — list them all", category="community"),
    Q(NODE, "list", "Which migration guides have been published?", category="migrations"),
    Q(NODE, "list", "What has Matteo Collina posted?", author="Matteo Collina"),
    Q(NODE, "list", "Which posts did Claudio Wunder co-author?", author="Claudio Wunder"),
    Q(NODE, "list", "security posts from this year?", category="vulnerability", since="2026-01-01", until="2026-12-31"),
    Q(NODE, "list", "What's in the events category?", category="events"),
    Q(NODE, "overview", "What is this blog, and roughly how many posts does it have?"),
    Q(NODE, "latest", "And the one before that?", category="vulnerability", until="2026-07-28", history=[
        ("user", "What's the latest security post on the Node.js blog?"),
        ("assistant", "The most recent one is \"Wednesday, July 29, 2026 Security Releases\" in the vulnerability "
                      "category, published on 29 July 2026.")]),
    Q(NODE, "list", "list them", category="video", history=[
        ("user", "How many posts are in the video category?"),
        ("assistant", "There are 3 posts in the video category.")]),
    Q(NODE, "count", "how many of those were written by The Node.js Project?", category="announcements",
      author="The Node.js Project", since="2026-01-01", until="2026-12-31", history=[
        ("user", "Show me the announcements from 2026"),
        ("assistant", "Four announcements came out in 2026: New HackerOne Signal Requirement for Vulnerability "
                      "Reports (19 Feb), Evolving the Node.js Release Schedule (10 Mar), Security Bug Bounty "
                      "Program Paused Due to Loss of Funding (2 Apr) and Check out the New Node.js API "
                      "Documentation Preview (24 Jul).")]),
    Q(NODE, "latest", "ok and when did they stop? which was the last one?", category="weekly", history=[
        ("user", "When did the weekly updates start?"),
        ("assistant", "The first weekly update is \"Weekly Update - Feb 6th, 2015\", published on 6 February 2015.")]),

    # ------------------------------------------------------------ elixir-lang-blog
    Q(EX, "latest", "What's the newest post on the Elixir blog?"),
    Q(EX, "latest", "Which Elixir release was announced most recently on the blog?", category="Releases"),
    Q(EX, "latest", "latest Elixir in Production case study?", category="Elixir in Production"),
    Q(EX, "latest", "What's the last thing Andrea Leopardi wrote on the blog?", author="Andrea Leopardi"),
    Q(EX, "latest", "Show me the three latest announcements", n=3, category="Announcements"),
    Q(EX, "latest", "most recent post tagged phoenix?", tag="phoenix"),
    Q(EX, "latest", "What was the final post of 2023?", **Y(2023)),
    Q(EX, "latest", "Hugo Baraúna's two most recent posts?", n=2, author="Hugo Baraúna"),
    Q(EX, "first", "What was the first ever post on the Elixir blog?"),
    Q(EX, "first", "Which release post came first?", category="Releases"),
    Q(EX, "first", "When did the Elixir in Production series start — what was its first post?", category="Elixir in Production"),
    Q(EX, "first", "first post of 2025?", **Y(2025)),
    Q(EX, "first", "What was the first post Hugo Baraúna wrote for the blog?", author="Hugo Baraúna"),
    Q(EX, "first", "Give me the first three Internals posts", n=3, category="Internals"),
    Q(EX, "first", "earliest post tagged otp", tag="otp"),
    Q(EX, "count", "How many posts are in the Releases category?", category="Releases"),
    Q(EX, "count", "How many posts has José Valim written or co-written?", author="José Valim"),
    Q(EX, "count", "how many posts were published in 2021", **Y(2021)),
    Q(EX, "count", "How many posts have come out this year?", since="2026-01-01", until="2026-12-31"),
    Q(EX, "count", "How many announcements did the Elixir team make in 2025?", category="Announcements", **Y(2025)),
    Q(EX, "count", "How many posts carry the phoenix tag?", tag="phoenix"),
    Q(EX, "count", "How many Internals posts have gone up since the start of 2024?", category="Internals", since="2024-01-01"),
    Q(EX, "count", "How many posts did the blog publish last year?", **Y(2025)),
    Q(EX, "count", "how many posts in summer 2025?", since="2025-06-01", until="2025-08-31"),
    Q(EX, "list", "List all the Internals posts", category="Internals"),
    Q(EX, "list", "What was posted in 2024?", **Y(2024)),
    Q(EX, "list", "Which posts did Andrea Leopardi write?", author="Andrea Leopardi"),
    Q(EX, "list", "posts tagged broadway", tag="broadway"),
    Q(EX, "list", "What went up on the blog in 2013?", **Y(2013)),
    Q(EX, "list", "Which announcements have been made since 2024?", category="Announcements", since="2024-01-01"),
    Q(EX, "list", "Are there posts about nerves? Which ones?", tag="nerves"),
    Q(EX, "list", "What has been published in the last 12 months?", since="2025-12-01"),
    Q(EX, "list", "Which Elixir in Production stories came out in 2021?", category="Elixir in Production", **Y(2021)),
    Q(EX, "list", "Which release announcements were published before September 2014?", category="Releases", until="2014-08-31"),
    Q(EX, "list", "What did the blog release in autumn 2020?", since="2020-09-01", until="2020-11-30"),
    Q(EX, "overview", "Can you give me an overview of the Elixir blog?"),
    Q(EX, "latest", "and the one before it?", category="Releases", until="2025-10-15", history=[
        ("user", "What's the latest Elixir release post?"),
        ("assistant", "The latest is \"Elixir v1.19 released: enhanced type checking and up to 4x faster "
                      "compilation for large projects\", published on 16 October 2025.")]),
    Q(EX, "list", "Which ones are from 2020?", category="Elixir in Production", **Y(2020), history=[
        ("user", "How many Elixir in Production case studies are there?"),
        ("assistant", "There are 16 posts in the Elixir in Production category.")]),
    Q(EX, "count", "How many of those are case studies?", author="Hugo Baraúna", category="Elixir in Production", history=[
        ("user", "What has Hugo Baraúna written?"),
        ("assistant", "Hugo Baraúna wrote 4 posts: Cheatsheets and other 8 ExDoc features that improve the developer "
                      "experience (2022), Embedded and cloud Elixir for grid-management at Sparkmeter (2023), "
                      "Scaling a streaming service to hundreds of thousands of concurrent viewers at Veeps (2024) "
                      "and Remote: growing from zero to unicorn with Elixir (2025).")]),
    Q(EX, "first", "What was the first one in 2020?", **Y(2020), history=[
        ("user", "What was the first post on the Elixir blog?"),
        ("assistant", "The first post is \"A peek inside Elixir's Parallel Compiler\", from 24 April 2012.")]),

    # ------------------------------------------------------------ sample blog
    Q(SA, "latest", "What's your newest post?"),
    Q(SA, "latest", "What are the three latest posts?", n=3),
    Q(SA, "latest", "What was the last thing you wrote in 2023?", **Y(2023)),
    Q(SA, "latest", "newest post tagged linux", tag="linux"),
    Q(SA, "latest", "What was the most recent post you put out in spring 2024?", since="2024-03-01", until="2024-05-31"),
    Q(SA, "latest", "last photo post?", type="photo"),
    Q(SA, "latest", "Your two most recent posts from 2022?", n=2, **Y(2022)),
    Q(SA, "latest", "When did you last post about python?", tag="python"),
    Q(SA, "first", "What was the first post you ever published here?"),
    Q(SA, "first", "first post of 2024?", **Y(2024)),
    Q(SA, "first", "What was the first thing you blogged in autumn 2023?", since="2023-09-01", until="2023-11-30"),
    Q(SA, "first", "Which hardware post came first?", tag="hardware"),
    Q(SA, "first", "Show me the oldest three posts on the blog", n=3),
    Q(SA, "first", "earliest post tagged personal?", tag="personal"),
    Q(SA, "first", "What was the first post you published in the second half of 2024?", since="2024-07-01", until="2024-12-31"),
    Q(SA, "count", "How many posts have you published in total?"),
    Q(SA, "count", "how many posts in 2023", **Y(2023)),
    Q(SA, "count", "How many posts did you write in 2024?", **Y(2024)),
    Q(SA, "count", "How many posts came out in 2025?", **Y(2025)),
    Q(SA, "count", "How many hardware posts are there?", tag="hardware"),
    Q(SA, "count", "How many photo posts have you shared?", type="photo"),
    Q(SA, "count", "How many posts went up in summer 2022?", since="2022-06-01", until="2022-08-31"),
    Q(SA, "count", "Have you posted anything this year? How many?", since="2026-01-01", until="2026-12-31"),
    Q(SA, "count", "How many posts did you publish before 2024?", until="2023-12-31"),
    Q(SA, "list", "List all your posts", ),
    Q(SA, "list", "What did you post across 2023 and 2024?", since="2023-01-01", until="2024-12-31"),
    Q(SA, "list", "Which posts are tagged hardware?", tag="hardware"),
    Q(SA, "list", "what did you write in 2022?", **Y(2022)),
    Q(SA, "list", "What did you publish in the second half of 2023?", since="2023-07-01", until="2023-12-31"),
    Q(SA, "list", "What went up over the winter of 2024/25?", since="2024-12-01", until="2025-02-28"),
    Q(SA, "list", "Which posts are tagged personal?", tag="personal"),
    Q(SA, "list", "What did you write in spring 2023?", since="2023-03-01", until="2023-05-31"),
    Q(SA, "list", "Show me everything since September 2024", since="2024-09-01"),
    Q(SA, "list", "Which posts came out between June 2023 and May 2024?", since="2023-06-01", until="2024-05-31"),
    Q(SA, "list", "What did you post in the first quarter of 2024?", since="2024-01-01", until="2024-03-31"),
    Q(SA, "overview", "Tell me about this blog — what do you write about and how many posts are there?"),
    Q(SA, "latest", "and before that?", until="2025-01-18", history=[
        ("user", "What's your latest post?"),
        ("assistant", "The latest post is \"Review: The Keychron Q1 Mechanical Keyboard\", published on 19 January 2025.")]),
    Q(SA, "list", "Which ones?", **Y(2023), history=[
        ("user", "How many posts did you write in 2023?"),
        ("assistant", "Four posts were published in 2023.")]),
    Q(SA, "first", "And the first one from 2023?", **Y(2023), history=[
        ("user", "What was your first post?"),
        ("assistant", "The first post is \"Keeping a Sourdough Starter Alive\", from 12 March 2022.")]),
    Q(SA, "count", "How many of those came out in the first half of the year?", since="2024-01-01", until="2024-06-30", history=[
        ("user", "What did you post in 2024?"),
        ("assistant", "Four posts came out in 2024: Rust Ownership Finally Clicked, Cold Brew at Home, "
                      "Self-Hosted Backups with restic and 2024 in Review.")]),
]


def main():
    cache = {c: load(c) for c in ROOTS}
    out = []
    errors = []
    for i, spec in enumerate(QUESTIONS, 1):
        posts = cache[spec["corpus"]]
        try:
            filters, expected = expected_for(posts, spec)
        except Tie as e:
            errors.append(str(e))
            continue
        row = {
            "id": f"z{i:03d}",
            "corpus": spec["corpus"],
            "question": spec["question"],
            "intent": spec["intent"],
            "expected": expected,
            "filters": filters,
        }
        if spec.get("history"):
            row["history"] = spec["history"]
        out.append(row)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    with open(os.path.join(HERE, "wholeblog.jsonl"), "w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} questions")


if __name__ == "__main__":
    main()
