#!/usr/bin/env python3
"""Compute expected answers for the blind whole-blog question set (blind2).

Reads only the posts folders' frontmatter / file names and writes wholeblog.jsonl next to this
script. Rerun: python3 compute_wholeblog.py   (add --explore to print per-corpus summaries).

Conventions (today = 2026-12-01):
- a post is published unless draft: true or dated after today;
- dates are calendar days (Node.js timestamps: the UTC day); Elixir dates come from the file name;
- sample-blog posts without a frontmatter date take the YYYY-MM-DD- file-name prefix;
- tags compare case-insensitively; a tag string is split on commas (mykal/sample) or spaces (Elixir);
- Node.js authors split on ',', ' and ', '&'; a '(handle)' suffix is dropped; the two posts without a
  category field fall back to their folder;
- latest/list order newest first, first order oldest first; within a day, by timestamp then path.
"""
import datetime as dt, glob, json, os, re, sys
import yaml, tomllib

TODAY = dt.date(2026, 12, 1)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'wholeblog.jsonl')
CORP = {
    'mykal.codes': '/work/shared/corpora/mykal.codes/posts',
    'nodejs.org-blog': '/work/shared/corpora/nodejs.org-blog/posts',
    'elixir-lang-blog': '/work/shared/corpora/elixir-lang-blog/posts',
    'sample': '/work/main/posts',
}

def to_ts(v):
    if isinstance(v, dt.datetime):
        return v.astimezone(dt.timezone.utc).replace(tzinfo=None) if v.tzinfo else v
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day)
    s = str(v).strip().strip('"\'')
    if len(s) == 10:
        return dt.datetime.fromisoformat(s)
    d = dt.datetime.fromisoformat(s.replace('Z', '+00:00'))
    return d.astimezone(dt.timezone.utc).replace(tzinfo=None) if d.tzinfo else d

def read_fm(path):
    text = open(path, encoding='utf-8').read()
    m = re.match(r'^---\s*\n(.*?)\n---\s*(\n|$)', text, re.S)
    if m:
        return yaml.safe_load(m.group(1)) or {}, text
    m = re.match(r'^\+\+\+\s*\n(.*?)\n\+\+\+\s*(\n|$)', text, re.S)
    if m:
        return tomllib.loads(m.group(1)), text
    return {}, text

def tags_of(t, sep):
    if t is None:
        return []
    if isinstance(t, str):
        t = re.split(sep, t)
    return [str(x).strip().lower() for x in t if str(x).strip()]

def authors_of(a):
    if a is None:
        return []
    parts = a if isinstance(a, list) else re.split(r'\s*,\s*|\s+and\s+|\s*&\s*', str(a))
    out = []
    for p in parts:
        p = re.sub(r'\(.*?\)', '', str(p)).strip()
        if p:
            out.append(p)
    return out

def title_of(fm, text, rel):
    if fm.get('title'):
        return str(fm['title'])
    m = re.search(r'^#\s+(.+)$', text, re.M)
    return m.group(1).strip() if m else rel

def load(corpus):
    root = CORP[corpus]
    posts = []
    if corpus == 'mykal.codes':
        files = sorted(glob.glob(os.path.join(root, '*.md*')))
    elif corpus == 'nodejs.org-blog':
        files = sorted(glob.glob(os.path.join(root, '*', '*.md*')))  # top-level index.md excluded
    elif corpus == 'elixir-lang-blog':
        files = sorted(glob.glob(os.path.join(root, '*.markdown')))
    else:
        files = sorted(glob.glob(os.path.join(root, '**', '*.md'), recursive=True)
                       + glob.glob(os.path.join(root, '**', '*.mdx'), recursive=True))
    for f in files:
        rel = os.path.relpath(f, root)
        fm, text = read_fm(f)
        if fm.get('draft') is True:
            continue
        base = os.path.basename(f)
        if corpus == 'elixir-lang-blog':
            ts = dt.datetime.fromisoformat(base[:10])
            tags = tags_of(fm.get('tags'), r'\s+')
            cat = str(fm.get('category') or '')
            authors = authors_of(fm.get('authors'))
            typ = ''
        elif corpus == 'nodejs.org-blog':
            ts = to_ts(fm['date'])
            tags = []
            cat = str(fm.get('category') or os.path.dirname(rel))
            authors = authors_of(fm.get('author'))
            typ = ''
        elif corpus == 'mykal.codes':
            ts = to_ts(fm['pubDate'])
            tags = tags_of(fm.get('tags'), r'\s*,\s*')
            cat = ''
            authors = []
            typ = str(fm.get('type') or 'post')
        else:
            v = fm.get('date') or fm.get('pubDate')
            if v is None:
                m = re.match(r'(\d{4}-\d{2}-\d{2})-', base)
                v = m.group(1)
            ts = to_ts(v)
            tags = tags_of(fm.get('tags'), r'\s*,\s*')
            cat = str(fm.get('category') or '')
            authors = authors_of(fm.get('author'))
            typ = str(fm.get('type') or '')
        if ts.date() > TODAY:
            continue
        posts.append(dict(path=rel, ts=ts, day=ts.date(), tags=tags, category=cat,
                          authors=authors, type=typ, title=title_of(fm, text, rel)))
    posts.sort(key=lambda p: (p['ts'], p['path']))
    return posts

DB = {c: load(c) for c in CORP}

def select(corpus, since='', until='', tag='', category='', author='', type=''):
    out = []
    for p in DB[corpus]:
        if since and p['day'] < dt.date.fromisoformat(since):
            continue
        if until and p['day'] > dt.date.fromisoformat(until):
            continue
        if tag and tag.lower() not in p['tags']:
            continue
        if category and category.lower() != p['category'].lower():
            continue
        if author and author.lower() not in [a.lower() for a in p['authors']]:
            continue
        if type and type.lower() != p['type'].lower():
            continue
        out.append(p)
    return out  # oldest first

# ---------------------------------------------------------------- periods (today = 2026-12-01)
def Y(y):
    return dict(since=f'{y}-01-01', until=f'{y}-12-31')
def YY(a, b):
    return dict(since=f'{a}-01-01', until=f'{b}-12-31')
def M(y, m):
    import calendar
    return dict(since=f'{y}-{m:02d}-01', until=f'{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}')
def SEASON(name, y):
    """spring/summer/autumn of year y; winter = Dec y .. Feb y+1."""
    import calendar
    if name == 'winter':
        return dict(since=f'{y}-12-01', until=f'{y+1}-02-{calendar.monthrange(y+1, 2)[1]:02d}')
    a = {'spring': 3, 'summer': 6, 'autumn': 9}[name]
    b = a + 2
    return dict(since=f'{y}-{a:02d}-01', until=f'{y}-{b:02d}-{calendar.monthrange(y, b)[1]:02d}')
THIS_YEAR = Y(2026)
LAST_YEAR = Y(2025)
THREE_YEARS_AGO = Y(2023)
PAST_3_MONTHS = dict(since='2026-09-01')
PAST_YEAR = dict(since='2025-12-01')          # "over the last year", "past 12 months"
LAST_TWO_YEARS = dict(since='2024-12-01')
THIS_SUMMER = SEASON('summer', 2026)
SINCE_JUNE = dict(since='2026-06-01')

SPECS = []
def Q(corpus, question, intent, n=None, hist=None, **filters):
    SPECS.append(dict(corpus=corpus, question=question, intent=intent, n=n, hist=hist or [],
                      filters=filters))
def H(question, intent, n=None, **filters):
    """an earlier user turn; its assistant reply is rendered from the computed answer."""
    return dict(question=question, intent=intent, n=n, filters=filters)

# ================================================================ mykal.codes
C = 'mykal.codes'
Q(C, "So what does Mykal usually blog about?", 'overview')
Q(C, "What's the newest thing on mykal.codes?", 'latest')
Q(C, "What was the very first post Mykal ever published here?", 'first')
Q(C, "how many posts are on this site altogether", 'count')
Q(C, "Give me the three most recent posts.", 'latest', n=3)
Q(C, "List the five oldest posts on the site, oldest first.", 'first', n=5)
Q(C, "How many posts did Mykal put out in 2022?", 'count', **Y(2022))
Q(C, "What did you write in 2021?", 'list', **Y(2021))
Q(C, "Did anything go up during spring 2023?", 'list', **SEASON('spring', 2023))
Q(C, "How many photo posts are there?", 'count', type='photo')
Q(C, "Which links has Mykal shared on the blog?", 'list', type='link')
Q(C, "what's his most recent note?", 'latest', type='note')
Q(C, "What was the first link post he ever shared?", 'first', type='link')
Q(C, "How many devops posts has Mykal written?", 'count', tag='devops')
Q(C, "Show me everything tagged docker.", 'list', tag='docker')
Q(C, "What's the latest coffee post?", 'latest', tag='coffee')
Q(C, "How many Advent of Code write-ups are there on the blog?", 'count', tag='advent-of-code')
Q(C, "Which was the earliest post tagged python?", 'first', tag='python')
Q(C, "What did Mykal blog about last year?", 'list', **LAST_YEAR)
Q(C, "How many entries were published three years ago?", 'count', **THREE_YEARS_AGO)
Q(C, "What has been posted over the last two years?", 'list', **LAST_TWO_YEARS)
Q(C, "Has anything been published this year?", 'count', **THIS_YEAR)
Q(C, "any new posts in the past 3 months?", 'count', **PAST_3_MONTHS)
Q(C, "posts from between 2019 and 2020?", 'list', **YY(2019, 2020))
Q(C, "How many posts are there from before 2022?", 'count', until='2021-12-31')
Q(C, "After 2023, how many posts did he publish?", 'count', since='2024-01-01')
Q(C, "How much did he write during the second half of 2022? Just the number.", 'count',
  since='2022-07-01', until='2022-12-31')
Q(C, "What came out in April 2023?", 'list', **M(2023, 4))
Q(C, "what did you post in summer 2022", 'list', **SEASON('summer', 2022))
Q(C, "What was the last thing he posted in fall 2022?", 'latest', **SEASON('autumn', 2022))
Q(C, "How many things went up over the winter of 2022-23?", 'count', **SEASON('winter', 2022))
Q(C, "Three newest webdev posts?", 'latest', n=3, tag='webdev')
Q(C, "what about 2022?", 'list',
  hist=[H("What did Mykal post in 2024?", 'list', **Y(2024))], **Y(2022))
Q(C, "Which of them are from 2023?", 'list',
  hist=[H("How many photo posts are there?", 'count', type='photo')], type='photo', **Y(2023))
Q(C, "and the first one?", 'first',
  hist=[H("Latest post tagged personal?", 'latest', tag='personal')], tag='personal')
Q(C, "how many of those came out in 2022?", 'count',
  hist=[H("Show me the self-hosting posts", 'list', tag='self-hosting')], tag='self-hosting', **Y(2022))
Q(C, "latest?", 'latest')
Q(C, "2021 posts", 'list', **Y(2021))
Q(C, "What's the most recent entry about AI?", 'latest', tag='ai')
Q(C, "Has he written anything about WSL?", 'list', tag='wsl')
Q(C, "When did he first blog about Docker?", 'first', tag='docker')
Q(C, "How many notes did I publish in 2023?", 'count', type='note', **Y(2023))
Q(C, "What have I blogged since the start of 2024?", 'list', since='2024-01-01')
Q(C, "Give me the 2 oldest photo posts", 'first', n=2, type='photo')
Q(C, "Did Mykal drop anything in June 2025?", 'list', **M(2025, 6))

# ================================================================ sample blog (the owner asks as "I")
C = 'sample'
Q(C, "What is this blog about, broadly?", 'overview')
Q(C, "What's the most recent article?", 'latest')
Q(C, "Which post kicked the blog off?", 'first')
Q(C, "How many posts have been published so far?", 'count')
Q(C, "The last three posts, please.", 'latest', n=3)
Q(C, "What were the first three things posted here?", 'first', n=3)
Q(C, "How many posts went up in 2023?", 'count', **Y(2023))
Q(C, "What did I write in 2024?", 'list', **Y(2024))
Q(C, "2022 posts?", 'list', **Y(2022))
Q(C, "Was anything published last year?", 'list', **LAST_YEAR)
Q(C, "how many posts so far this year", 'count', **THIS_YEAR)
Q(C, "What was posted three years ago?", 'list', **THREE_YEARS_AGO)
Q(C, "What have you put out in the last two years?", 'list', **LAST_TWO_YEARS)
Q(C, "Did you release any posts in the summer of 2023?", 'list', **SEASON('summer', 2023))
Q(C, "Was there anything new in spring 2024?", 'list', **SEASON('spring', 2024))
Q(C, "Which articles did the blog publish in autumn 2023?", 'list', **SEASON('autumn', 2023))
Q(C, "Posts from the winter of 2024-25?", 'list', **SEASON('winter', 2024))
Q(C, "How many articles appeared during the second half of 2023?", 'count',
  since='2023-07-01', until='2023-12-31')
Q(C, "Which posts are about hardware?", 'list', tag='hardware')
Q(C, "How many personal posts are there?", 'count', tag='personal')
Q(C, "Are there any photo posts?", 'list', type='photo')
Q(C, "Did I ever write about Rust?", 'list', tag='rust')
Q(C, "Show me the travel posts.", 'list', tag='travel')
Q(C, "Anything tagged baking?", 'list', tag='baking')
Q(C, "Which posts carry the python tag?", 'list', tag='python')
Q(C, "Have you covered databases at all?", 'list', tag='databases')
Q(C, "How many posts predate 2023?", 'count', until='2022-12-31')
Q(C, "After 2023, how many posts were published?", 'count', since='2024-01-01')
Q(C, "How many posts between 2022 and 2023?", 'count', **YY(2022, 2023))
Q(C, "What went up in March 2024?", 'list', **M(2024, 3))
Q(C, "Did I post anything in February 2025?", 'count', **M(2025, 2))
Q(C, "and 2022?", 'list',
  hist=[H("What did I write in 2023?", 'list', **Y(2023))], **Y(2022))
Q(C, "which of those were tagged linux?", 'list',
  hist=[H("How many posts in 2024?", 'count', **Y(2024))], tag='linux', **Y(2024))
Q(C, "which one is the oldest?", 'first',
  hist=[H("posts about hardware", 'list', tag='hardware')], tag='hardware')
Q(C, "What was the first post of 2024?", 'first', **Y(2024))
Q(C, "What was the last thing published in 2023?", 'latest', **Y(2023))
Q(C, "Latest outdoors post?", 'latest', tag='outdoors')
Q(C, "newest?", 'latest')
Q(C, "What's been published since June 2023?", 'list', since='2023-06-01')
Q(C, "anything on self-hosting?", 'list', tag='self-hosting')
Q(C, "And the oldest?", 'first',
  hist=[H("What's the newest post?", 'latest')])
Q(C, "the two most recent posts from 2023", 'latest', n=2, **Y(2023))
Q(C, "How many posts did the blog put out in 2025?", 'count', **Y(2025))

# ================================================================ nodejs.org blog
C = 'nodejs.org-blog'
Q(C, "What sort of things does the Node.js blog publish?", 'overview')
Q(C, "What's the newest post on the Node.js blog?", 'latest')
Q(C, "Show me the two latest entries.", 'latest', n=2)
Q(C, "How many posts have the Node.js folks published this year?", 'count', **THIS_YEAR)
Q(C, "What's gone up on the blog since June?", 'list', **SINCE_JUNE)
Q(C, "Anything new in the past 3 months?", 'count', **PAST_3_MONTHS)
Q(C, "How many blog posts did Node.js put out last year?", 'count', **LAST_YEAR)
Q(C, "How many security advisories are on the blog?", 'count', category='vulnerability')
Q(C, "What was the most recent security release post?", 'latest', category='vulnerability')
Q(C, "When did they publish their first vulnerability post, and which one was it?", 'first',
  category='vulnerability')
Q(C, "Which security posts came out in 2022?", 'list', category='vulnerability', **Y(2022))
Q(C, "What announcements did the project make in 2025?", 'list', category='announcements', **LAST_YEAR)
Q(C, "How many posts has the announcements section got in total?", 'count', category='announcements')
Q(C, "Show me the events posts.", 'list', category='events')
Q(C, "How many migration guides are there?", 'count', category='migrations')
Q(C, "Which posts are filed under npm?", 'list', category='npm')
Q(C, "Are there any video posts on the blog?", 'list', category='video')
Q(C, "How many weekly updates did they publish?", 'count', category='weekly')
Q(C, "What was the last weekly update?", 'latest', category='weekly')
Q(C, "When did the weekly updates start? Which one was first?", 'first', category='weekly')
Q(C, "List the community posts.", 'list', category='community')
Q(C, "How many release notes have dropped this year?", 'count', category='release', **THIS_YEAR)
Q(C, "How many posts did Ryan Dahl write?", 'count', author='Ryan Dahl')
Q(C, "What's the latest thing Rafael Gonzaga posted?", 'latest', author='Rafael Gonzaga')
Q(C, "How many posts is Myles Borins credited on?", 'count', author='Myles Borins')
Q(C, "What has Marco Ippolito written for the blog?", 'list', author='Marco Ippolito')
Q(C, "Which posts did Joyee Cheung author or co-author?", 'list', author='Joyee Cheung')
Q(C, "Show me Matteo Collina's posts", 'list', author='Matteo Collina')
Q(C, "How many posts has Bethany Nicolle Griggs put her name to?", 'count',
  author='Bethany Nicolle Griggs')
Q(C, "What happened on the Node.js blog in 2014?", 'list', **Y(2014))
Q(C, "How many posts were published between 2015 and 2017?", 'count', **YY(2015, 2017))
Q(C, "how many posts are there from before 2012", 'count', until='2011-12-31')
Q(C, "What was posted in April 2024?", 'list', **M(2024, 4))
Q(C, "How many posts went up during the second half of 2022?", 'count',
  since='2022-07-01', until='2022-12-31')
Q(C, "How many vulnerability posts went out three years ago?", 'count',
  category='vulnerability', **THREE_YEARS_AGO)
Q(C, "what about 2025?", 'list',
  hist=[H("Which security posts were there in 2024?", 'list', category='vulnerability', **Y(2024))],
  category='vulnerability', **Y(2025))
Q(C, "and his first one?", 'first',
  hist=[H("How many posts did Ryan Dahl write?", 'count', author='Ryan Dahl')], author='Ryan Dahl')
Q(C, "which of those were by Richard Lau?", 'list',
  hist=[H("What announcements came out in 2022?", 'list', category='announcements', **Y(2022))],
  category='announcements', author='Richard Lau', **Y(2022))
Q(C, "and how many of them did Rafael Gonzaga write?", 'count',
  hist=[H("How many vulnerability posts have there been since 2020?", 'count',
          category='vulnerability', since='2020-01-01')],
  category='vulnerability', author='Rafael Gonzaga', since='2020-01-01')
Q(C, "latest release?", 'latest', category='release')
Q(C, "2016 announcements", 'list', category='announcements', **Y(2016))
Q(C, "Which security advisories went out over the last year?", 'list', category='vulnerability', **PAST_YEAR)
Q(C, "What have the Node.js maintainers announced in the last two years?", 'list',
  category='announcements', **LAST_TWO_YEARS)
Q(C, "After 2021, how many community posts were there?", 'count', category='community', since='2022-01-01')
Q(C, "How many posts were published in the winter of 2022-23?", 'count', **SEASON('winter', 2022))
Q(C, "What was the first announcement they ever posted?", 'first', category='announcements')
Q(C, "the two newest security posts", 'latest', n=2, category='vulnerability')
Q(C, "How many release notes came out this summer?", 'count', category='release', **THIS_SUMMER)
Q(C, "What security advisories were published in 2018?", 'list', category='vulnerability', **Y(2018))
Q(C, "How many release posts did the Node.js team put out in 2019?", 'count', category='release', **Y(2019))

# ================================================================ elixir-lang.org blog
C = 'elixir-lang-blog'
Q(C, "What's the Elixir blog about in general?", 'overview')
Q(C, "What's the most recent post on the Elixir blog?", 'latest')
Q(C, "What's the oldest thing on the Elixir blog?", 'first')
Q(C, "Show me the 3 latest posts", 'latest', n=3)
Q(C, "What were the first three posts the Elixir team published?", 'first', n=3)
Q(C, "How many release announcements has the Elixir core team published?", 'count', category='Releases')
Q(C, "Which release post is the newest?", 'latest', category='Releases')
Q(C, "Which was the earliest release announcement on the blog?", 'first', category='Releases')
Q(C, "List the stories about companies running Elixir in production.", 'list',
  category='Elixir in Production')
Q(C, "What's the most recent Elixir in Production case study?", 'latest', category='Elixir in Production')
Q(C, "When did the first case study come out?", 'first', category='Elixir in Production')
Q(C, "Which posts are in the Internals category?", 'list', category='Internals')
Q(C, "How many posts sit in the Announcements category?", 'count', category='Announcements')
Q(C, "Which posts are tagged phoenix?", 'list', tag='phoenix')
Q(C, "Show me the posts tagged otp.", 'list', tag='otp')
Q(C, "How many posts carry the nerves tag?", 'count', tag='nerves')
Q(C, "anything tagged broadway?", 'list', tag='broadway')
Q(C, "Which posts have the web tag?", 'list', tag='web')
Q(C, "How many posts has José Valim written?", 'count', author='José Valim')
Q(C, "What has Andrea Leopardi written on the blog?", 'list', author='Andrea Leopardi')
Q(C, "Which posts are by Hugo Baraúna?", 'list', author='Hugo Baraúna')
Q(C, "Did Guillaume Duboc write anything here?", 'list', author='Guillaume Duboc')
Q(C, "What has come out this year?", 'list', **THIS_YEAR)
Q(C, "What did the Elixir team publish over the past year?", 'list', **PAST_YEAR)
Q(C, "What went up on the blog last year?", 'list', **LAST_YEAR)
Q(C, "What did the Elixir blog put out three years ago?", 'list', **THREE_YEARS_AGO)
Q(C, "How many posts in the last two years?", 'count', **LAST_TWO_YEARS)
Q(C, "What happened on the Elixir blog in 2020?", 'list', **Y(2020))
Q(C, "Which posts appeared between 2015 and 2017?", 'list', **YY(2015, 2017))
Q(C, "How many posts were written before 2014?", 'count', until='2013-12-31')
Q(C, "After 2021, how many posts went up?", 'count', since='2022-01-01')
Q(C, "What did they post during the second half of 2022?", 'list', since='2022-07-01', until='2022-12-31')
Q(C, "What came out in summer 2024?", 'list', **SEASON('summer', 2024))
Q(C, "How many posts were published in autumn 2020?", 'count', **SEASON('autumn', 2020))
Q(C, "anything posted in the past 3 months?", 'count', **PAST_3_MONTHS)
Q(C, "which of those were case studies?", 'list',
  hist=[H("What came out in 2021?", 'list', **Y(2021))], category='Elixir in Production', **Y(2021))
Q(C, "And the first one?", 'first',
  hist=[H("What's the latest internals post?", 'latest', category='Internals')], category='Internals')
Q(C, "what about Andrea Leopardi?", 'count',
  hist=[H("How many posts did José Valim write?", 'count', author='José Valim')], author='Andrea Leopardi')
Q(C, "what about 2014?", 'list',
  hist=[H("posts in 2013", 'list', **Y(2013))], **Y(2014))
Q(C, "2019 posts", 'list', **Y(2019))
Q(C, "latest?", 'latest')
Q(C, "What was José Valim's first post?", 'first', author='José Valim')
Q(C, "What went up in December 2025?", 'list', **M(2025, 12))
Q(C, "How many release posts came out between 2018 and 2019?", 'count', category='Releases', **YY(2018, 2019))
Q(C, "Newest post filed under Announcements?", 'latest', category='Announcements')

# ================================================================ computing the answers
FILTER_KEYS = ('since', 'until', 'tag', 'category', 'author', 'type')

def answer(corpus, intent, n, filters):
    sel = select(corpus, **filters)          # oldest first
    if intent == 'overview':
        return [], len(DB[corpus]), False, sel
    if intent in ('latest', 'first'):
        seq = list(reversed(sel)) if intent == 'latest' else sel
        k = n or 1
        head = seq[:k + 1]
        days = [p['day'] for p in head]
        if len(set(days)) != len(days):
            raise SystemExit(f'tie on a calendar day for {corpus} {intent} n={n} {filters}: '
                             + ', '.join(f"{p['day']} {p['path']}" for p in head))
        picked = seq[:k]
        return picked, len(picked), bool(n and n > 1), sel
    if intent == 'list':
        if len(sel) > 50:
            raise SystemExit(f'list longer than 50 for {corpus} {filters}')
        return list(reversed(sel)), len(sel), False, sel
    if intent == 'count':
        return list(reversed(sel)), len(sel), False, sel
    raise SystemExit('bad intent ' + intent)

def render_reply(corpus, h):
    posts, count, _, sel = answer(corpus, h['intent'], h['n'], h['filters'])
    fmt = lambda p: f"\u201c{p['title']}\u201d ({p['day'].isoformat()})"
    if h['intent'] == 'count':
        head = f"{count} post{'s' if count != 1 else ''}"
        if not posts:
            return 'None that I can find.'
        shown = posts[:8]
        more = f", and {count - len(shown)} more" if count > len(shown) else ''
        return head + ': ' + '; '.join(fmt(p) for p in shown) + more + '.'
    if h['intent'] in ('latest', 'first'):
        if not posts:
            return 'None that I can find.'
        if len(posts) == 1:
            return ('The most recent one is ' if h['intent'] == 'latest' else 'The first one is ') + fmt(posts[0]) + '.'
        return '\n'.join(f"{i+1}. {fmt(p)}" for i, p in enumerate(posts))
    if not posts:
        return 'None that I can find.'
    return f"{count} post{'s' if count != 1 else ''}:\n" + '\n'.join('- ' + fmt(p) for p in posts)

def build():
    rows = []
    for i, s in enumerate(SPECS, 1):
        f = {k: s['filters'].get(k, '') for k in FILTER_KEYS}
        posts, count, ordered, _ = answer(s['corpus'], s['intent'], s['n'], s['filters'])
        row = dict(id=f'x{i:03d}', corpus=s['corpus'], question=s['question'], intent=s['intent'],
                   expected=dict(posts=[p['path'] for p in posts], count=count, ordered=ordered),
                   filters=f)
        if s['hist']:
            hist = []
            for h in s['hist']:
                hist.append(dict(role='user', content=h['question']))
                hist.append(dict(role='assistant', content=render_reply(s['corpus'], h)))
            row['history'] = hist
        rows.append(row)
    return rows

def validate(path):
    import collections
    per = collections.Counter(); per_intent = collections.Counter()
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            r = json.loads(line)
            root = CORP[r['corpus']]
            for p in r['expected']['posts']:
                assert os.path.isfile(os.path.join(root, p)), p
            assert set(r['filters']) == set(FILTER_KEYS)
            if r['intent'] != 'overview':
                assert r['expected']['count'] == len(r['expected']['posts']), r['id']
            per[r['corpus']] += 1; per_intent[(r['corpus'], r['intent'])] += 1
    return per, per_intent

if __name__ == '__main__':
    rows = build()
    with open(OUT, 'w', encoding='utf-8') as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    per, per_intent = validate(OUT)
    print(len(rows), 'questions ->', OUT)
    for c in CORP:
        print(c, per[c], {k[1]: v for k, v in sorted(per_intent.items()) if k[0] == c})
    if '--review' in sys.argv:
        for r in rows:
            print(f"\n{r['id']} [{r['corpus']}] {r['intent']} {r['question']}  {{{', '.join(f'{k}={v}' for k, v in r['filters'].items() if v)}}}")
            for h in r.get('history', []):
                print('   H', h['role'], h['content'].replace('\n', ' | ')[:300])
            byp = {p['path']: p for p in DB[r['corpus']]}
            print('   count', r['expected']['count'], 'ordered', r['expected']['ordered'])
            for p in r['expected']['posts'][:12]:
                q = byp[p]; print('     ', q['day'], p, q['tags'] or q['category'] or q['type'], q['authors'])
            if len(r['expected']['posts']) > 12: print('      ...')
