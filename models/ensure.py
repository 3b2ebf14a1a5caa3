"""Used by ``make run``: make sure some model exists for both directions before serving.

Real checkpoints are preferred; without them (no network here) the tiny TEST
models are built so the desk starts, and the user is told loudly.
"""

from __future__ import annotations

import sys

from models.registry import installed_models
from models.testmodels import PAIRS, make_test_models
from translate.config import load_settings


def main() -> int:
    settings = load_settings()
    have = {(m.src, m.tgt): m for m in installed_models(settings.models_dir)}
    if all(p in have for p in PAIRS):
        for (src, tgt), m in sorted(have.items()):
            if m.test:
                print(f"songngu: {src}->{tgt} uses TEST model {m.name} (random weights, nonsense output); "
                      f"`make models` fetches real ones", file=sys.stderr)
        return 0
    print("songngu: no MT model installed for both directions; building tiny TEST models "
          "(random weights: drafts will be nonsense). Run `make models` where the Hugging Face Hub "
          "is reachable, or see README 'Models'.", file=sys.stderr)
    make_test_models(settings.models_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
