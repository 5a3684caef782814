"""Answer: a question is routed, gated, given evidence and a prompt, generated and checked."""
