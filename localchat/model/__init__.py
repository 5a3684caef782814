"""Model: the language model, in-process (a GGUF through llama.cpp) or the owner's model server."""
