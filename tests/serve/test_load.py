"""Several readers at once (CI size; scripts/load.py runs 8 x 25): every request is answered or
told "busy", none errors, none hangs."""

from __future__ import annotations

import sys

from conftest import ROOT, launch

sys.path.insert(0, str(ROOT / "scripts"))
from load import run_load  # noqa: E402


def test_concurrent_readers_get_answers_or_a_busy_message_never_a_hang(tmp_path) -> None:
    app = launch(tmp_path, max_tokens=16, max_waiting=2, watch=False)
    try:
        api = run_load(app.url, clients=4, questions=3, via="api", timeout=300)
        assert api.failures == [] and api.ok + api.busy == 12
        assert api.ok >= 3  # (that "busy" comes with a message is proven in test_api)
        ui = run_load(app.url, clients=3, questions=2, via="app", timeout=300)
        assert ui.failures == [] and ui.ok + ui.busy == 6 and ui.ok >= 2
        assert app.service.admission.inside == 0  # every place given back
    finally:
        app.close()
