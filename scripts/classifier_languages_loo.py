"""Would the classifier of whole-blog questions (answer/intents.py) read a language no table reads
better had it seen more languages? One corpus left out in turn, each read with its language's table
removed (as a language no one wrote a table for), by a classifier trained on every other set, with
and without the sets of the French, Portuguese, German club, Mexican, Dutch, Italian, Polish,
Swedish and Czech blogs (blind77–87) and their content sets. Measured and not taken
(docs/benchmarks/languages.md).

    python scripts/classifier_languages_loo.py            # every fold, both trainings (about an hour here)
    python scripts/classifier_languages_loo.py hugo-nl    # one fold
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_intents as ti  # noqa: E402

from localchat.answer import intents  # noqa: E402
from localchat.index.embed import MULTILINGUAL, load_embedder  # noqa: E402

NEW = [f"blind{n}" for n in range(77, 88)]  # the sets the shipped classifier never saw
HOLD_OUT = {"blind23", "blind88", "blind89", "blind90", "blind91", "blind92", "blind93", "blind94", "blind95", "blind96", "blind97", "blind98", "blind99"}
FOLDS = {"pelican-fr": "fr", "notes-pt": "pt", "astro-es": "es", "hugo-es": "es", "eleventy-de": "de",
         "jekyll-de": "de", "hugo-nl": "", "zola-it": "", "astro-pl": "", "jekyll-sv": "", "eleventy-cs": ""}
READ = """import sys, os
from pathlib import Path
sys.path.insert(0, {root!r}); sys.path.insert(0, {scripts!r}); os.chdir({root!r})
from localchat.answer import glossary, intents
if {lang!r}:
    glossary.TABLES.pop({lang!r}, None); glossary.INFLECTED.pop({lang!r}, None)
intents.WEIGHTS = Path({weights!r})
import wholeblog_eval
sys.exit(wholeblog_eval.main(sys.argv[1:]))
"""


def rows() -> list[dict]:
    """train_intents' questions, and the content sets named by their corpus (pelican-fr.jsonl)."""
    found = ti.questions(HOLD_OUT)
    for path in sorted(ti.QUESTIONS.glob("blind*/*.jsonl")):
        if path.parent.name in HOLD_OUT or path.stem in ti.SHORT or path.stem not in ti.we.CORPORA:
            continue
        for line in path.read_text().splitlines():
            q = json.loads(line) if line.strip() else None
            if q and not q.get("history") and q.get("kind") not in ("claim", "meta"):
                found.append(q | {"set": path.parent.name, "corpus": path.stem, "label": "content"})
    return found


def main(argv: list[str]) -> int:
    data = rows()
    x = load_embedder(MULTILINGUAL).encode([r["question"] for r in data]).astype(np.float64)
    y = np.array([intents.CLASSES.index(r["label"]) for r in data])
    corpus, texts = np.array([r["corpus"] for r in data]), np.array([r["question"] for r in data])
    new = np.isin(np.array([r["set"] for r in data]), NEW)
    shipped = json.loads(intents.WEIGHTS.read_text())
    for name in argv or list(FOLDS):
        held = corpus == name
        for label, seen in (("without", ~new), ("with", np.ones_like(new))):
            keep = ~held & ~np.isin(texts, texts[held]) & seen
            model = copy.deepcopy(shipped)
            model[MULTILINGUAL]["weights"] = [[round(v, 5) for v in row] for row in ti.fit(x[keep], y[keep]).tolist()]
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump(model, f)
            code = READ.format(root=str(ROOT), scripts=str(ROOT / "scripts"), lang=FOLDS[name], weights=f.name)
            for s in sorted({r["set"] for r in data if r["corpus"] == name and "intent" in r}):
                content = ROOT / "scripts" / "questions" / s / f"{name}.jsonl"
                args = [f"scripts/questions/{s}/wholeblog.jsonl"] + (
                    ["--ordinary", f"{name}={content}"] if content.exists() else [])
                done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
                out = (done.stdout + done.stderr).splitlines()
                exact = next((line.split()[-1] for line in out if line.startswith("all")), "?")
                sent = next((line.split()[1] for line in out if "routed to the catalog" in line), "-")
                print(f"{name:12} {s:8} {label:8} exact {exact:6} to the catalog {sent}", flush=True)
            os.unlink(f.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
