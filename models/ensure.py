"""Used by ``make run``: make sure both directions have a model before the desk starts.

A newcomer's first ``make run`` should end with real translations when the
machine can reach the Hugging Face Hub: the default opus-mt checkpoints are
downloaded (with huggingface_hub's progress bars) and converted. Where the Hub
cannot be reached -- no network, a firewall, ``HF_HUB_OFFLINE`` -- the check
gives up within a few seconds, says so in one line, and the tiny random-weight
TEST models are built instead so the desk still starts (every page then says its
drafts are test output).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

from models.registry import installed_models, load_registry
from models.testmodels import PAIRS, make_test_models
from translate.config import load_settings
from translate.errors import SongnguError

# How long the Hub may take to answer one small request before we decide it is unreachable.
HUB_CHECK_TIMEOUT_S = 5.0
FALLBACK = ("cannot reach the Hugging Face Hub: building TEST models (random weights) instead; "
            "copy real ones in with `songngu models add`")
FALLBACK_BUILT = ("cannot reach the Hugging Face Hub: using the TEST models (random weights) already built; "
                  "copy real ones in with `songngu models add`")
_TRUE = ("1", "true", "yes", "on")


def hub_offline() -> bool:
    """Whether the user told huggingface_hub not to use the network."""
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in _TRUE


def _probe(repo: str, timeout_s: float) -> None:
    from huggingface_hub import HfApi

    HfApi().model_info(repo, timeout=timeout_s)


def hub_reachable(repo: str, timeout_s: float = HUB_CHECK_TIMEOUT_S,
                  probe: Callable[[str, float], None] = _probe) -> bool:
    """Whether the Hub answers for ``repo`` within ``timeout_s``.

    The request runs in a daemon thread that we stop waiting for, because a
    resolver without a network can hang longer than any HTTP timeout.
    """
    if hub_offline():
        return False
    answer: list[bool] = []

    def run() -> None:
        try:
            probe(repo, timeout_s)
        except Exception:  # any failure -- DNS, TLS, HTTP, proxy -- means "not reachable now"
            answer.append(False)
        else:
            answer.append(True)

    thread = threading.Thread(target=run, name="songngu-hub-check", daemon=True)
    thread.start()
    thread.join(timeout_s + 1.0)
    return bool(answer and answer[0])


def _say(message: str) -> None:
    print(f"songngu: {message}", file=sys.stderr, flush=True)


def main() -> int:
    from models.fetch import fetch

    settings = load_settings()
    real = {(m.src, m.tgt) for m in installed_models(settings.models_dir) if not m.test}
    missing = [pair for pair in PAIRS if pair not in real]
    if not missing:
        return 0
    entries = [e for e in load_registry() if e.default and e.repo and (e.src, e.tgt) in missing]
    fetched = False
    if entries and hub_reachable(entries[0].repo or ""):
        from huggingface_hub.utils import enable_progress_bars

        enable_progress_bars()  # the CLI quiets libraries; a first download must show its progress
        try:
            for entry in entries:
                _say(f"fetching {entry.repo} ({entry.src}->{entry.tgt}) from the Hugging Face Hub, "
                     "then converting it for CTranslate2")
                root = fetch(entry, settings.models_dir)
                _say(f"installed {entry.name} in {root}")
            fetched = True
        except SongnguError as exc:
            _say(str(exc).split(". ")[0])
    have = {(m.src, m.tgt) for m in installed_models(settings.models_dir)}
    if fetched and all(pair in have for pair in PAIRS):
        return 0
    if all(pair in have for pair in PAIRS):
        _say(FALLBACK_BUILT)
        return 0
    _say(FALLBACK)
    make_test_models(settings.models_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
