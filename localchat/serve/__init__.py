"""Serve: the Gradio app, the HTTP API, the posts' own pages, limits and the posts watcher."""
