#!/usr/bin/env python3
"""Compute the expected answers of the blind whole-blog question set from the posts' frontmatter.

Rerun:  python3 scripts/questions/blind1/compute_wholeblog.py   (from /work/main)
Writes scripts/questions/blind1/wholeblog.jsonl next to this file.

Rules (decided before writing the questions, from the corpora's READMEs and frontmatter):
- "today" is 2026-12-01; nothing dated after it is published (sample blog), draft: true is never published.
- mykal.codes: date = pubDate; type = frontmatter type (post/note/photo/link); tags compared case-insensitively.
- nodejs.org-blog: date = frontmatter date read as UTC, calendar day in UTC; category = the folder
  (two uncategorized/ posts have no category field); authors = the author field split on ',', '&',
  ' and '; index.md (layout blog-category, no date) is not a post.
- elixir-lang-blog: date = file name prefix YYYY-MM-DD only; authors = the authors list;
  tags = the space-separated tags string of the case studies.
- sample (/work/main/posts, .md/.mdx only): YAML (---) or TOML (+++) frontmatter, date or pubDate;
  a file without frontmatter takes its date from a YYYY-MM-DD- file-name prefix and its title from
  its first '# ' heading; tags may be a list or a comma-separated string; type defaults to none.
- Periods are inclusive calendar days. Seasons are meteorological (spring = Mar-May, summer = Jun-Aug,
  autumn = Sep-Nov). "last year" = 2025, "this year" = 2026-01-01..2026-12-01, "two years ago" = 2024,
  "past N months" = from the same day N months earlier to today, "since March" = 2026-03-01..today.
- latest/first: newest-first / oldest-first by full timestamp (day for day-granular corpora); a
  question whose cut-off falls inside a same-day tie is rejected (assert) so no expected answer
  depends on an arbitrary tie-break.
- list: every matching post, newest first, ordered false.  count: count + full list, ordered false.
  overview: posts [] and count = all published posts.
"""
import datetime as dt
import glob
import json
import os
import re
import sys
import tomllib

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))          # /work/main
SHARED = os.environ.get('CORPORA', os.path.join(os.path.dirname(ROOT), 'shared', 'corpora'))
TODAY = dt.date(2026, 12, 1)

POSTS_DIRS = {
    'mykal.codes': os.path.join(SHARED, 'mykal.codes', 'posts'),
    'nodejs.org-blog': os.path.join(SHARED, 'nodejs.org-blog', 'posts'),
    'elixir-lang-blog': os.path.join(SHARED, 'elixir-lang-blog', 'posts'),
    'sample': os.path.join(ROOT, 'posts'),
}


def split_fm(text):
    if text.startswith('---'):
        parts = text.split('---', 2)
        return yaml.safe_load(parts[1]) or {}
    if text.startswith('+++'):
        parts = text.split('+++', 2)
        return tomllib.loads(parts[1])
    return None


def as_date(v):
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return v
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day)
    s = str(v).strip()
    if re.fullmatch(r'\d{4}-\d{2}-\d{2}', s):
        return dt.datetime.fromisoformat(s)
    d = dt.datetime.fromisoformat(s.replace('Z', '+00:00'))
    if d.tzinfo is not None:
        d = d.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return d


def tag_list(v):
    if v is None:
        return []
    if isinstance(v, str):
        return [t.strip().lower() for t in re.split(r'[,\s]+' if ',' not in v else r',', v) if t.strip()]
    return [str(t).strip().lower() for t in v]


def split_authors(v):
    if not v:
        return []
    if isinstance(v, list):
        return [str(a).strip() for a in v]
    return [a.strip() for a in re.split(r',|&| and ', str(v)) if a.strip()]


def load(corpus):
    base = POSTS_DIRS[corpus]
    posts = []
    if corpus == 'mykal.codes':
        for p in sorted(glob.glob(os.path.join(base, '*.md'))):
            fm = split_fm(open(p, encoding='utf-8').read())
            posts.append(dict(path=os.path.relpath(p, base), title=fm.get('title'), when=as_date(fm['pubDate']),
                              tags=tag_list(fm.get('tags')), category='', authors=['Mykal Machon'],
                              type=str(fm.get('type') or ''), published=not fm.get('draft')))
    elif corpus == 'nodejs.org-blog':
        for p in sorted(glob.glob(os.path.join(base, '**', '*.md*'), recursive=True)):
            fm = split_fm(open(p, encoding='utf-8').read())
            if fm.get('layout') != 'blog-post' or not fm.get('date'):
                continue
            rel = os.path.relpath(p, base)
            posts.append(dict(path=rel, title=fm.get('title'), when=as_date(fm['date']), tags=[],
                              category=rel.split('/')[0], authors=split_authors(fm.get('author')),
                              type='', published=True))
    elif corpus == 'elixir-lang-blog':
        for p in sorted(glob.glob(os.path.join(base, '*.markdown'))):
            name = os.path.basename(p)
            fm = split_fm(open(p, encoding='utf-8').read())
            posts.append(dict(path=name, title=fm.get('title'), when=dt.datetime.fromisoformat(name[:10]),
                              tags=tag_list(fm.get('tags')), category=fm.get('category') or '',
                              authors=split_authors(fm.get('authors')), type='', published=True))
    elif corpus == 'sample':
        for p in sorted(glob.glob(os.path.join(base, '**', '*'), recursive=True)):
            if not p.endswith(('.md', '.mdx')):
                continue
            text = open(p, encoding='utf-8').read()
            fm = split_fm(text)
            name = os.path.basename(p)
            if fm is None:
                m = re.match(r'(\d{4}-\d{2}-\d{2})-', name)
                h = re.search(r'^# (.+)$', text, re.M)
                fm = {'date': m.group(1) if m else None, 'title': h.group(1) if h else name}
            d = fm.get('date') or fm.get('pubDate')
            if d is None:
                m = re.match(r'(\d{4}-\d{2}-\d{2})-', name)
                d = m.group(1) if m else None
            when = as_date(d)
            posts.append(dict(path=os.path.relpath(p, base), title=fm.get('title'), when=when,
                              tags=tag_list(fm.get('tags')), category=str(fm.get('category') or ''),
                              authors=split_authors(fm.get('author')), type=str(fm.get('type') or ''),
                              published=not fm.get('draft') and when.date() <= TODAY))
    return posts


AUTHOR_ALIASES = {
    # canonical name -> names in the author fields that are the same person
    'Isaac Schlueter': {'isaac schlueter', 'isaac z. schlueter'},
}


def norm_author(a):
    return re.sub(r'\s*\(.*?\)\s*', '', a).strip().lower()


def author_matches(post, name):
    names = AUTHOR_ALIASES.get(name, {name.lower()})
    return any(norm_author(a) in names for a in post['authors'])


def select(posts, f):
    out = []
    for p in posts:
        if not p['published']:
            continue
        d = p['when'].date()
        if f.get('since') and d < dt.date.fromisoformat(f['since']):
            continue
        if f.get('until') and d > dt.date.fromisoformat(f['until']):
            continue
        if f.get('tag') and f['tag'].lower() not in p['tags']:
            continue
        if f.get('category') and f['category'].lower() != p['category'].lower():
            continue
        if f.get('type') and f['type'].lower() != p['type'].lower():
            continue
        if f.get('author') and not author_matches(p, f['author']):
            continue
        out.append(p)
    return out


def key(p, corpus):
    return p['when'] if corpus == 'nodejs.org-blog' else p['when'].date()


WARNINGS = []


def compute(corpus, intent, f, n=None):
    posts = load_cached(corpus)
    sel = select(posts, f)
    newest = sorted(sel, key=lambda p: (key(p, corpus), p['path']), reverse=True)
    oldest = list(reversed(newest))
    if intent in ('latest', 'first'):
        seq = newest if intent == 'latest' else oldest
        k = n or 1
        chosen = seq[:k]
        if len(seq) > k:
            assert key(seq[k - 1], corpus) != key(seq[k], corpus), \
                f'tie at the cut-off: {corpus} {intent} {f} {seq[k-1]["path"]} {seq[k]["path"]}'
        return dict(posts=[p['path'] for p in chosen], count=len(chosen), ordered=True), chosen
    if intent == 'list':
        return dict(posts=[p['path'] for p in newest], count=len(newest), ordered=False), newest
    if intent == 'count':
        return dict(posts=[p['path'] for p in newest], count=len(newest), ordered=False), newest
    if intent == 'overview':
        return dict(posts=[], count=len(newest), ordered=False), newest
    raise ValueError(intent)


_CACHE = {}


def load_cached(corpus):
    if corpus not in _CACHE:
        _CACHE[corpus] = load(corpus)
    return _CACHE[corpus]


def boundary_check(corpus, f, qid):
    """Warn where a nodejs post sits within 14 h of a period boundary (time-zone sensitive)."""
    if corpus != 'nodejs.org-blog':
        return
    edges = []
    if f.get('since'):
        edges.append(dt.datetime.fromisoformat(f['since']))
    if f.get('until'):
        edges.append(dt.datetime.fromisoformat(f['until']) + dt.timedelta(days=1))
    for p in load_cached(corpus):
        for e in edges:
            if abs((p['when'] - e).total_seconds()) < 14 * 3600:
                ff = dict(f, since='', until='')
                if select([p], ff):
                    WARNINGS.append(f'{qid}: {p["path"]} at {p["when"]} is within 14h of boundary {e}')


def fmt_answer(corpus, intent, chosen, exp):
    def item(p):
        return f'"{p["title"]}" ({p["when"].date().isoformat()})'
    if intent == 'count':
        return f'{exp["count"]} posts.' if exp['count'] != 1 else '1 post: ' + item(chosen[0]) + '.'
    if intent == 'overview':
        return f'The blog has {exp["count"]} published posts.'
    if not chosen:
        return 'There are no posts in that period.'
    shown = chosen[:10]
    more = '' if len(chosen) <= 10 else f' and {len(chosen) - 10} more'
    return '; '.join(item(p) for p in shown) + more + '.'


FILTER_KEYS = ('since', 'until', 'tag', 'category', 'author', 'type')

# --------------------------------------------------------------------------------------------------
# Questions.  Each: (corpus, question, intent, filters, extra) where extra may hold n (how many asked
# for in latest/first) and history: a list of (user question, intent, filters[, n]) earlier turns
# whose assistant replies are generated from the same computation.
# --------------------------------------------------------------------------------------------------
Y = lambda y: dict(since=f'{y}-01-01', until=f'{y}-12-31')
M = 'mykal.codes'
N = 'nodejs.org-blog'
E = 'elixir-lang-blog'
S = 'sample'
THIS_YEAR = dict(since='2026-01-01', until='2026-12-01')
LAST_YEAR = Y(2025)
SINCE_MARCH = dict(since='2026-03-01', until='2026-12-01')
PAST_6M = dict(since='2026-06-01', until='2026-12-01')
PAST_YEAR = dict(since='2025-12-01', until='2026-12-01')
PAST_2Y = dict(since='2024-12-01', until='2026-12-01')
THIS_SPRING = dict(since='2026-03-01', until='2026-05-31')
LAST_MONTH = dict(since='2026-11-01', until='2026-11-30')

QUESTIONS = [
    # ---------------------------------------------------------------- mykal.codes
    (M, "What's the latest post on mykal.codes?", 'latest', {}, {}),
    (M, 'newest?', 'latest', {}, {}),
    (M, 'What did Mykal write most recently?', 'latest', {}, {}),
    (M, 'anything new lately?', 'latest', {}, {}),
    (M, "What's my newest article?", 'latest', {}, {}),
    (M, 'What was the very first post Mykal ever published?', 'first', {}, {}),
    (M, 'oldest post on the blog', 'first', {}, {}),
    (M, "Show me Mykal's three most recent posts.", 'latest', {}, {'n': 3}),
    (M, 'What were the first five things posted on this blog?', 'first', {}, {'n': 5}),
    (M, 'How many posts has Mykal published in total?', 'count', {}, {}),
    (M, 'What does this blog cover?', 'overview', {}, {}),
    (M, 'Give me a quick overview of what Mykal Machon writes about on his site.', 'overview', {}, {}),
    (M, 'What did Mykal write last year?', 'list', LAST_YEAR, {}),
    (M, 'How many posts went up in 2022?', 'count', Y(2022), {}),
    (M, 'Anything new on the blog this year?', 'list', THIS_YEAR, {}),
    (M, 'Has Mykal posted anything since March?', 'list', SINCE_MARCH, {}),
    (M, 'What did he publish two years ago?', 'list', Y(2024), {}),
    (M, 'Which posts came out between 2019 and 2021?', 'list', dict(since='2019-01-01', until='2021-12-31'), {}),
    (M, 'Was anything posted before 2021?', 'list', dict(until='2020-12-31'), {}),
    (M, 'What came out on the blog in December 2022?', 'list', dict(since='2022-12-01', until='2022-12-31'), {}),
    (M, 'What did Mykal blog about in March 2023?', 'list', dict(since='2023-03-01', until='2023-03-31'), {}),
    (M, "What did Mykal put out in the summer of 2022?", 'list', dict(since='2022-06-01', until='2022-08-31'), {}),
    (M, 'List the posts from May through August 2025.', 'list', dict(since='2025-05-01', until='2025-08-31'), {}),
    (M, 'How many posts has he published in the past two years?', 'count', PAST_2Y, {}),
    (M, 'How many posts did I write in 2021?', 'count', Y(2021), {}),
    (M, 'Did I publish anything in 2020?', 'list', Y(2020), {}),
    (M, 'what happened on the blog in 2021?', 'list', Y(2021), {}),
    (M, 'Show me the posts tagged devops.', 'list', dict(tag='devops'), {}),
    (M, 'How many posts are tagged webdev?', 'count', dict(tag='webdev'), {}),
    (M, 'List everything tagged AI.', 'list', dict(tag='ai'), {}),
    (M, 'Which posts are tagged coffee?', 'list', dict(tag='coffee'), {}),
    (M, 'posts tagged wsl?', 'list', dict(tag='wsl'), {}),
    (M, "What's the most recent post tagged docker?", 'latest', dict(tag='docker'), {}),
    (M, 'What was the first post Mykal tagged python?', 'first', dict(tag='python'), {}),
    (M, 'How many Advent of Code posts are on your blog?', 'count', dict(tag='advent-of-code'), {}),
    (M, 'What were the last 5 posts tagged webdev?', 'latest', dict(tag='webdev'), {'n': 5}),
    (M, 'Which photo posts has Mykal shared?', 'list', dict(type='photo'), {}),
    (M, 'How many link posts are there?', 'count', dict(type='link'), {}),
    (M, 'How many notes has he published?', 'count', dict(type='note'), {}),
    (M, "What's the most recent note on the site?", 'latest', dict(type='note'), {}),
    (M, 'When did Mykal last share a link post, and which one was it?', 'latest', dict(type='link'), {}),
    (M, 'What was the first photo post?', 'first', dict(type='photo'), {}),
    (M, 'and in 2023?', 'list', Y(2023),
     {'history': [('What did Mykal publish in 2024?', 'list', Y(2024))]}),
    (M, 'Which of those came out in 2023?', 'list', dict(Y(2023), tag='personal'),
     {'history': [('How many posts are tagged personal?', 'count', dict(tag='personal'))]}),
    (M, 'and the oldest one?', 'first', {},
     {'history': [("what's the newest post on the blog?", 'latest', {})]}),
    # ---------------------------------------------------------------- nodejs.org-blog
    (N, "What's the latest post on the Node.js blog?", 'latest', {}, {}),
    (N, 'newest node blog post?', 'latest', {}, {}),
    (N, 'What is the most recent thing the Node.js team published?', 'latest', {}, {}),
    (N, 'What was the very first post on the Node.js blog?', 'first', {}, {}),
    (N, 'How many posts are on the Node.js blog altogether?', 'count', {}, {}),
    (N, 'What does the Node.js blog cover?', 'overview', {}, {}),
    (N, 'How many release posts were published in 2016?', 'count', dict(Y(2016), category='release'), {}),
    (N, 'and in 2017?', 'count', dict(Y(2017), category='release'),
     {'history': [('How many release posts were published in 2016?', 'count', dict(Y(2016), category='release'))]}),
    (N, 'What has the Node.js team announced this year?', 'list', dict(THIS_YEAR, category='announcements'), {}),
    (N, 'What did the Node.js team announce in 2025?', 'list', dict(LAST_YEAR, category='announcements'), {}),
    (N, 'and 2024?', 'list', dict(Y(2024), category='announcements'),
     {'history': [('What did the Node.js team announce in 2025?', 'list', dict(LAST_YEAR, category='announcements'))]}),
    (N, 'How many security release posts came out last year?', 'count', dict(LAST_YEAR, category='vulnerability'), {}),
    (N, 'List the vulnerability posts from 2022.', 'list', dict(Y(2022), category='vulnerability'), {}),
    (N, "What's the most recent security release announcement?", 'latest', dict(category='vulnerability'), {}),
    (N, 'When was the first post in the vulnerability category?', 'first', dict(category='vulnerability'), {}),
    (N, 'What was the first weekly update?', 'first', dict(category='weekly'), {}),
    (N, 'When did the last weekly update come out?', 'latest', dict(category='weekly'), {}),
    (N, 'How many weekly updates were there?', 'count', dict(category='weekly'), {}),
    (N, 'How many posts did Ryan Dahl write?', 'count', dict(author='Ryan Dahl'), {}),
    (N, "What was Ryan Dahl's last post on the blog?", 'latest', dict(author='Ryan Dahl'), {}),
    (N, 'What was the first post by Myles Borins?', 'first', dict(author='Myles Borins'), {}),
    (N, "Rafael Gonzaga's most recent post?", 'latest', dict(author='Rafael Gonzaga'), {}),
    (N, 'How many posts has Antoine du Hamel published this year?', 'count', dict(THIS_YEAR, author='Antoine du Hamel'), {}),
    (N, 'What has Joyee Cheung written for the blog?', 'list', dict(author='Joyee Cheung'), {}),
    (N, 'Which posts did Tierney Cyren write?', 'list', dict(author='Tierney Cyren'), {}),
    (N, "How many posts are credited to 'The Node.js Project'?", 'count', dict(author='The Node.js Project'), {}),
    (N, 'Show me the events posts.', 'list', dict(category='events'), {}),
    (N, 'Are there any migration guides on the blog?', 'list', dict(category='migrations'), {}),
    (N, 'What got posted in the community category?', 'list', dict(category='community'), {}),
    (N, 'posts in the npm category', 'list', dict(category='npm'), {}),
    (N, 'What video posts are there?', 'list', dict(category='video'), {}),
    (N, "What's the oldest announcement on the blog?", 'first', dict(category='announcements'), {}),
    (N, "What's the most recent event write-up?", 'latest', dict(category='events'), {}),
    (N, 'What happened on the Node.js blog in 2014?', 'list', Y(2014), {}),
    (N, 'How many posts were published in 2015?', 'count', Y(2015), {}),
    (N, 'What was published in March 2026?', 'list', dict(since='2026-03-01', until='2026-03-31'), {}),
    (N, 'How many posts came out this spring?', 'count', THIS_SPRING, {}),
    (N, "What's been posted in the past 6 months?", 'list', PAST_6M, {}),
    (N, 'anything new in the last month?', 'list', LAST_MONTH, {}),
    (N, 'Which announcements were made between 2020 and 2022?', 'list', dict(since='2020-01-01', until='2022-12-31', category='announcements'), {}),
    (N, 'Show me the three latest release posts.', 'latest', dict(category='release'), {'n': 3}),
    (N, 'Was anything filed under uncategorized after 2012?', 'list', dict(since='2013-01-01', category='uncategorized'), {}),
    (N, 'Before 2012, how many release posts were there?', 'count', dict(until='2011-12-31', category='release'), {}),
    (N, 'What was the first post of 2020?', 'first', Y(2020), {}),
    (N, 'How many posts has the blog put out since 2024?', 'count', dict(since='2024-01-01'), {}),
    (N, 'What did they write in January 2026?', 'list', dict(since='2026-01-01', until='2026-01-31'), {}),
    # ---------------------------------------------------------------- elixir-lang-blog
    (E, "What's the latest post on the Elixir blog?", 'latest', {}, {}),
    (E, 'newest elixir post', 'latest', {}, {}),
    (E, 'When did the Elixir team last release a blog post, and what was it?', 'latest', {}, {}),
    (E, 'What was the first post on the Elixir blog?', 'first', {}, {}),
    (E, 'How many posts are on the Elixir blog?', 'count', {}, {}),
    (E, 'What does the Elixir blog cover?', 'overview', {}, {}),
    (E, 'What did José Valim write in 2025?', 'list', dict(LAST_YEAR, author='José Valim'), {}),
    (E, 'How many posts has José Valim written?', 'count', dict(author='José Valim'), {}),
    (E, 'What has Hugo Baraúna written?', 'list', dict(author='Hugo Baraúna'), {}),
    (E, "Andrea Leopardi's posts?", 'list', dict(author='Andrea Leopardi'), {}),
    (E, "What was Andrea Leopardi's first post?", 'first', dict(author='Andrea Leopardi'), {}),
    (E, 'What did Peter Minten write?', 'list', dict(author='Peter Minten'), {}),
    (E, 'Has Wojtek Mach written anything on the blog?', 'list', dict(author='Wojtek Mach'), {}),
    (E, 'Which internals posts did José Valim write?', 'list', dict(category='Internals', author='José Valim'), {}),
    (E, "What's the latest release announcement?", 'latest', dict(category='Releases'), {}),
    (E, 'What were the first three release posts?', 'first', dict(category='Releases'), {'n': 3}),
    (E, 'How many release posts are there?', 'count', dict(category='Releases'), {}),
    (E, 'Which of them came out after 2020?', 'list', dict(since='2021-01-01', category='Releases'),
     {'history': [('How many release posts are there?', 'count', dict(category='Releases'))]}),
    (E, 'What was the first "Elixir in Production" case study?', 'first', dict(category='Elixir in Production'), {}),
    (E, 'When was the last Elixir in Production post?', 'latest', dict(category='Elixir in Production'), {}),
    (E, 'How many Elixir in Production case studies have been published?', 'count', dict(category='Elixir in Production'), {}),
    (E, 'List the Internals posts.', 'list', dict(category='Internals'), {}),
    (E, "What's the oldest internals post?", 'first', dict(category='Internals'), {}),
    (E, 'How many announcements have there been?', 'count', dict(category='Announcements'), {}),
    (E, 'most recent announcement?', 'latest', dict(category='Announcements'), {}),
    (E, 'Which posts are tagged phoenix?', 'list', dict(tag='phoenix'), {}),
    (E, 'posts tagged nerves', 'list', dict(tag='nerves'), {}),
    (E, 'What was published on the Elixir blog in 2020?', 'list', Y(2020), {}),
    (E, 'What happened on the blog in 2013?', 'list', Y(2013), {}),
    (E, 'Which posts came out between 2014 and 2016?', 'list', dict(since='2014-01-01', until='2016-12-31'), {}),
    (E, 'Anything published before 2013?', 'list', dict(until='2012-12-31'), {}),
    (E, 'What has the Elixir team published this year?', 'list', THIS_YEAR, {}),
    (E, 'What did they put out last year?', 'list', LAST_YEAR, {}),
    (E, 'Anything posted since March?', 'list', SINCE_MARCH, {}),
    (E, 'Any new posts in the past 6 months?', 'list', PAST_6M, {}),
    (E, 'What came out in the past year?', 'list', PAST_YEAR, {}),
    (E, 'How many posts were published two years ago?', 'count', Y(2024), {}),
    (E, 'What did they post in October 2020?', 'list', dict(since='2020-10-01', until='2020-10-31'), {}),
    (E, 'How many posts appeared in 2020 and 2021 combined?', 'count', dict(since='2020-01-01', until='2021-12-31'), {}),
    (E, 'What was published in the first half of 2023?', 'list', dict(since='2023-01-01', until='2023-06-30'), {}),
    (E, 'Show me the three most recent posts.', 'latest', {}, {'n': 3}),
    (E, 'and 2022?', 'list', Y(2022),
     {'history': [('What came out on the Elixir blog in 2021?', 'list', Y(2021))]}),
    # ---------------------------------------------------------------- sample
    (S, "What's your latest post?", 'latest', {}, {}),
    (S, "What's my newest post?", 'latest', {}, {}),
    (S, 'newest?', 'latest', {}, {}),
    (S, "What's the most recent thing you shared?", 'latest', {}, {}),
    (S, 'What was your very first post?', 'first', {}, {}),
    (S, 'oldest post?', 'first', {}, {}),
    (S, 'How many posts have you published?', 'count', {}, {}),
    (S, "What's this blog about?", 'overview', {}, {}),
    (S, 'Give me an overview of the blog.', 'overview', {}, {}),
    (S, 'What did you post in 2023?', 'list', Y(2023), {}),
    (S, 'and in 2024?', 'list', Y(2024),
     {'history': [('What did you post in 2023?', 'list', Y(2023))]}),
    (S, 'How many posts went up in 2024?', 'count', Y(2024), {}),
    (S, 'which ones?', 'list', Y(2024),
     {'history': [('How many posts did you publish in 2024?', 'count', Y(2024))]}),
    (S, 'how many posts did I write in 2023?', 'count', Y(2023), {}),
    (S, 'What did you write last year?', 'list', LAST_YEAR, {}),
    (S, 'Anything new this year?', 'list', THIS_YEAR, {}),
    (S, 'How many posts in the last six months?', 'count', PAST_6M, {}),
    (S, 'What did you publish two years ago?', 'list', Y(2024), {}),
    (S, 'Posts from 2022?', 'list', Y(2022), {}),
    (S, 'What happened on the blog in 2022?', 'list', Y(2022), {}),
    (S, 'What came out in March 2024?', 'list', dict(since='2024-03-01', until='2024-03-31'), {}),
    (S, 'Did you post anything in February 2025?', 'list', dict(since='2025-02-01', until='2025-02-28'), {}),
    (S, 'How many posts between 2022 and 2023?', 'count', dict(since='2022-01-01', until='2023-12-31'), {}),
    (S, 'What did you put out in the second half of 2023?', 'list', dict(since='2023-07-01', until='2023-12-31'), {}),
    (S, 'What have you posted since 2024?', 'list', dict(since='2024-01-01'), {}),
    (S, 'What was posted in the past two years?', 'list', PAST_2Y, {}),
    (S, 'Anything from before 2023?', 'list', dict(until='2022-12-31'), {}),
    (S, 'What did you blog in spring 2023?', 'list', dict(since='2023-03-01', until='2023-05-31'), {}),
    (S, 'What did you write in the summer of 2023?', 'list', dict(since='2023-06-01', until='2023-08-31'), {}),
    (S, 'Which posts came out in autumn 2023?', 'list', dict(since='2023-09-01', until='2023-11-30'), {}),
    (S, 'Show me the posts tagged hardware.', 'list', dict(tag='hardware'), {}),
    (S, 'posts tagged personal', 'list', dict(tag='personal'), {}),
    (S, 'Anything tagged rust?', 'list', dict(tag='rust'), {}),
    (S, 'Which posts are tagged self-hosting?', 'list', dict(tag='self-hosting'), {}),
    (S, 'How many posts are tagged python?', 'count', dict(tag='python'), {}),
    (S, "What's your latest hardware post?", 'latest', dict(tag='hardware'), {}),
    (S, 'When did you first write something tagged hardware?', 'first', dict(tag='hardware'), {}),
    (S, 'When did you last post something tagged personal?', 'latest', dict(tag='personal'), {}),
    (S, 'Do you have any photo posts?', 'list', dict(type='photo'), {}),
    (S, 'What are your three latest posts?', 'latest', {}, {'n': 3}),
    (S, 'List your first three posts.', 'first', {}, {'n': 3}),
    (S, 'and the first one?', 'first', {},
     {'history': [("what's your latest post?", 'latest', {})]}),
    (S, 'Give me a rundown of everything you posted in 2024.', 'list', Y(2024), {}),
]


def main():
    lines = []
    for i, (corpus, question, intent, f, extra) in enumerate(QUESTIONS, 1):
        qid = f'w{i:03d}'
        filters = {k: '' for k in FILTER_KEYS}
        filters.update(f)
        exp, chosen = compute(corpus, intent, filters, extra.get('n'))
        boundary_check(corpus, filters, qid)
        rec = dict(id=qid, corpus=corpus, question=question, intent=intent, expected=exp, filters=filters)
        if extra.get('history'):
            hist = []
            for turn in extra['history']:
                uq, hint, hf = turn[:3]
                hn = turn[3] if len(turn) > 3 else None
                hfilters = {k: '' for k in FILTER_KEYS}
                hfilters.update(hf)
                hexp, hchosen = compute(corpus, hint, hfilters, hn)
                hist.append({'role': 'user', 'content': uq})
                hist.append({'role': 'assistant', 'content': fmt_answer(corpus, hint, hchosen, hexp)})
            rec['history'] = hist
        lines.append(rec)

    # validation
    for rec in lines:
        json.loads(json.dumps(rec, ensure_ascii=False))
        base = POSTS_DIRS[rec['corpus']]
        for p in rec['expected']['posts']:
            assert os.path.isfile(os.path.join(base, p)), (rec['id'], p)
        assert rec['expected']['count'] == (len(rec['expected']['posts']) if rec['intent'] != 'overview'
                                            else rec['expected']['count'])
        if rec['intent'] == 'list':
            assert len(rec['expected']['posts']) <= 50, rec['id']

    out = os.path.join(HERE, 'wholeblog.jsonl')
    with open(out, 'w', encoding='utf-8') as fh:
        for rec in lines:
            fh.write(json.dumps(rec, ensure_ascii=False) + '\n')
    by = {}
    for rec in lines:
        by.setdefault(rec['corpus'], {}).setdefault(rec['intent'], 0)
        by[rec['corpus']][rec['intent']] += 1
    print(f'wrote {len(lines)} questions to {out}')
    for c, d in by.items():
        print(f'  {c}: {sum(d.values())}  {d}')
    for w in WARNINGS:
        print('WARNING', w, file=sys.stderr)


if __name__ == '__main__':
    main()
