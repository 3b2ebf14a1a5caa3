"""The checks every piece of user HTML passes before a parser or the sanitiser sees it.

Two parsers read user HTML: nh3 (html5ever) sanitises it, lxml (libxml2) splits
it into segments. Neither is safe on arbitrary input as is: html5ever scans its
stack of open elements for many start tags, so deeply nested markup costs time
quadratic (or worse) in its size -- 100,000 nested ``<div>`` (500 KB) take
minutes -- and libxml2 without its "huge" option silently drops a text node
over 10 MB and everything nested deeper than 256 elements. So the size and the
nesting depth are checked first, in linear time, and refused with an error that
names the limit; the parsers used afterwards run with ``huge_tree`` so that
nothing under the limits can be dropped without a word.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from translate.errors import InputError, TooLargeError

MAX_HTML_CHARS = 2_000_000
MAX_TEXT_CHARS = 2_000_000
# Real articles nest a dozen levels; Word's "web page" output perhaps thirty.
MAX_HTML_DEPTH = 100

# Characters no XML tree can hold, so lxml refuses them mid-parse: C0 controls other than HTML's
# whitespace, and the two non-characters. A form feed is whitespace in HTML and becomes a space.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
# An element MAX_HTML_DEPTH levels below <body> (libxml2 always puts <html><body> around a fragment).
_TOO_DEEP = etree.XPath("boolean(/*/*/" + "*/" * MAX_HTML_DEPTH + "*)")


def check_html_input(html: object, what: str = "the HTML body") -> str:
    """``html`` if it is text within the size and depth limits (form feeds as spaces); else a user error.

    The error names the limit, or the character and where it is.
    """
    if not isinstance(html, str):
        raise InputError(f"{what} must be text")
    if len(html) > MAX_HTML_CHARS:
        raise TooLargeError(f"{what} is too large ({len(html):,} characters; at most {MAX_HTML_CHARS:,})")
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{what} is not valid Unicode (an unpaired surrogate at character {exc.start})") from None
    bad = control_character(html)
    if bad:
        raise InputError(f"{what} contains {bad}; remove it")
    html = html.replace("\x0c", " ")
    if _nested_too_deep(data):
        raise InputError(f"{what} nests elements too deeply (more than {MAX_HTML_DEPTH} levels); "
                         "simplify the markup")
    return html


def control_character(text: str) -> str | None:
    """The first character of ``text`` that XML cannot hold, described with its position; None if none."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    kind = "a non-character" if found.group() in "\ufffe\uffff" else "a control character"
    return f"U+{ord(found.group()):04X} ({kind}) at character {found.start() + 1:,}"


def _nested_too_deep(data: bytes) -> bool:
    # Not huge_tree: libxml2 stops at 256 levels, which is already past the limit, so a
    # hostile file costs no more than a shallow one. Linear: one parse, one XPath walk.
    if b"<" not in data:
        return False
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                                  remove_pis=True, huge_tree=False)
    root = etree.fromstring(data, parser)
    return root is not None and bool(_TOO_DEEP(root))


def html_parser(encoding: str | None = None) -> lxml.html.HTMLParser:
    """A parser for HTML already within the limits: ``huge_tree`` so libxml2 never drops text or depth.

    A new parser per call: lxml parsers must not be shared between threads.
    """
    return lxml.html.HTMLParser(huge_tree=True, no_network=True, encoding=encoding)
