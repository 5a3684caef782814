"""Index: chunks are embedded and stored in LanceDB; view.BlogView is what a reader may see of it."""
