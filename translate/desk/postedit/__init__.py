"""Post-edit analytics: what translators did to the machine drafts, measured at every confirm.

``records.py`` holds the table (one row per confirmed segment), ``metrics.py`` the
measures (HTER with sacrebleu, character distance, glossary term outcomes),
``recorder.py`` writes a record inside the confirm's transaction, ``queries.py``
aggregates records for the dashboard and the per-article report, and
``service.py`` is ``desk.postedit`` with the role checks.
"""
