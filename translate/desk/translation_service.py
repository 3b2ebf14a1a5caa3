"""Suggestions on demand: a direct machine translation of a snippet, and translation-memory lookups."""

from __future__ import annotations

from typing import Any

from translate.config import Settings
from translate.desk import jobs, memory
from translate.desk.database import Database
from translate.desk.documents import check_lang
from translate.desk.rules import ANY_ROLE, SYNC_LIMIT, check_characters, require
from translate.desk.views import UserView
from translate.errors import InputError, TooLargeError


class TranslationService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def translate(self, actor: UserView, src: str, tgt: str, *, text: str | None = None,
                  html: str | None = None) -> dict:
        """Translate up to ``SYNC_LIMIT`` characters now, held to the current glossary; longer texts are documents."""
        require(actor, ANY_ROLE, "translate")
        src, tgt = check_lang(src, "src"), check_lang(tgt, "tgt")
        if (text is None) == (html is None):
            raise InputError("give exactly one of text or html")
        content = text if text is not None else html
        if not isinstance(content, str):
            raise InputError("text/html must be a string")
        check_characters(content, "text" if text is not None else "html")
        if len(content) > SYNC_LIMIT:
            raise TooLargeError(f"input is {len(content):,} characters; the synchronous limit is {SYNC_LIMIT:,} "
                             f"(create a document for longer texts)")
        with self.db.session() as s:
            translator = jobs.default_translator(s, self.settings)
            result = translator.translate_html(content, src, tgt) if html is not None \
                else translator.translate_text(content, src, tgt)
        out: dict[str, Any] = {"segments": [r.to_dict() for r in result.segments], "signature": result.signature,
                               "test_model": result.test_model}
        if html is not None:
            out["html"] = result.output
        else:
            out["text"] = result.output
        return out

    def lookup_memory(self, actor: UserView, src: str, tgt: str, text: str, limit: int = 5) -> list[dict]:
        require(actor, ANY_ROLE, "search the translation memory")
        src, tgt = check_lang(src, "src"), check_lang(tgt, "tgt")
        if isinstance(text, str):
            check_characters(text, "q")
        with self.db.session() as s:
            return [m.to_dict() for m in memory.lookup(s, src, tgt, text, limit=limit)]
