"""Ingest: a blog's files become posts (frontmatter, dates, URLs, drafts) and posts become chunks."""
