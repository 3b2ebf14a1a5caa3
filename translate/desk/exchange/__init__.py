"""Exchange formats for other CAT tools: XLIFF 2.1 / 1.2 per article, TMX 1.4b for the memory.

Pure conversion (bytes <-> plain data); the database side lives in
:mod:`translate.desk.exchange_service`.
"""
