"""Whether the inline tags of a translation, as typed, pair up.

Saving cleans a target with nh3, which mends a broken pair without a word: an
unclosed ``<strong>`` is closed at the end of the sentence, a stray ``</em>`` is
dropped. The stored text is then valid HTML but the bold may cover the wrong
words. So the text as typed is looked at before cleaning, and a broken pair is
reported as a blocking ``tags`` flag the translator sees while the tag can still
be put where it belongs.
"""

from __future__ import annotations

import re

from glossary.checks import BLOCKING, Flag
from translate.desk.rules import INLINE_TAGS

_TAG = re.compile(r"<\s*(/)?\s*([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/)?\s*>")
_VOID = frozenset({"br", "img", "wbr"})


def tag_pair_flags(html: str) -> list[dict]:
    """One flag per inline tag left open or closed without an opening, in text order."""
    if not isinstance(html, str) or "<" not in html:
        return []
    open_tags: list[tuple[str, int, int]] = []
    problems: list[tuple[int, int, str]] = []
    for m in _TAG.finditer(html):
        closing, name, self_closing = bool(m.group(1)), m.group(2).lower(), bool(m.group(3))
        if name not in INLINE_TAGS or name in _VOID or self_closing:
            continue
        if not closing:
            open_tags.append((name, m.start(), m.end()))
            continue
        if not any(n == name for n, _s, _e in open_tags):
            problems.append((m.start(), m.end(), f"inline tag </{name}> closes a tag that was never opened"))
            continue
        # Closing an outer tag while inner ones are open leaves those inner ones unclosed.
        while open_tags[-1][0] != name:
            inner, start, end = open_tags.pop()
            problems.append((start, end, f"inline tag <{inner}> is not closed before </{name}>"))
        open_tags.pop()
    for name, start, end in open_tags:
        problems.append((start, end, f"inline tag <{name}> is opened but never closed"))
    problems.sort()
    return [Flag("tags", BLOCKING, message, start, end).to_dict() for start, end, message in problems]
