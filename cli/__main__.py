"""``python -m cli``: the same commands as the ``songngu`` console script (used by tests that start workers)."""

from cli.main import main

main()
