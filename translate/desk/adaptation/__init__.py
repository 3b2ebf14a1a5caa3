"""``desk.adaptation``: model adaptation runs from the desk's approved translations (see service.py)."""
