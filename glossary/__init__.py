"""songngu's termbase: entries, Vietnamese-aware normalisation, matcher, constraints, QA checks, TBX/CSV.

Imports nothing from Flask or from ``translate``: the dependency direction is
webui -> translate -> glossary.
"""
