"""Adapting an MT checkpoint to the site's language from its own approved translations.

``data`` turns plain pairs into a deduplicated, filtered training set with a
held-out split by article; ``train`` fine-tunes the Marian checkpoint with PyTorch;
``revision`` converts the result to CTranslate2, scores it against the current
model on the held-out articles and installs it as a new revision beside the old
one (``models.revisions``). Nothing here knows the desk: it takes pairs and callbacks.
"""
