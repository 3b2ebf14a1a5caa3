"""Machine-translation checkpoints: which to use, where they are, how to get them.

Weights live under the models folder (``SONGNGU_MODELS_DIR``, default
``models/checkpoints``) and are never committed.
"""
