"""Parsing untrusted exchange files: no DOCTYPE, no entities, no network, bounded size.

A DOCTYPE is refused outright (XLIFF and TMX never need one, and it is where
entity-expansion and external-entity attacks live); only then does lxml parse,
with entities and network off and its own depth/size guards on.
"""

from __future__ import annotations

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException
from lxml import etree

from translate.errors import InputError, TooLargeError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PROBLEMS = 10


class ExchangeFileError(InputError):
    """An exchange file was refused whole; ``problems`` lists every reason found (first ten in the message)."""

    code = "bad_exchange_file"

    def __init__(self, what: str, problems: list[str]) -> None:
        shown = "; ".join(problems[:MAX_PROBLEMS])
        more = f" (and {len(problems) - MAX_PROBLEMS} more)" if len(problems) > MAX_PROBLEMS else ""
        super().__init__(f"{what} refused, nothing was imported: {shown}{more}")
        self.problems = list(problems)


def parse_xml(data: bytes, what: str) -> etree._Element:
    """The root element of ``data``, or an :class:`ExchangeFileError` saying why the file is unsafe or broken."""
    if not isinstance(data, bytes | bytearray):
        raise InputError(f"{what} must be bytes")
    if len(data) > MAX_FILE_BYTES:
        raise TooLargeError(f"{what} is too large: {len(data):,} bytes (limit {MAX_FILE_BYTES:,})")
    if not data.strip():
        raise ExchangeFileError(what, ["the file is empty"])
    try:
        DefusedET.fromstring(bytes(data), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ExchangeFileError(what, [f"a DOCTYPE or entity declaration is not allowed ({type(exc).__name__}); "
                                       "XLIFF and TMX files never need one"]) from None
    except DefusedET.ParseError as exc:
        line, column = exc.position
        raise ExchangeFileError(what, [f"not well-formed XML at line {line}, column {column} "
                                       f"({str(exc).split(':')[0]})"]) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(bytes(data), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ExchangeFileError(what, [f"not well-formed XML at line {exc.lineno} ({exc.msg})"]) from None


def local(tag: object) -> str:
    """An element's name without its namespace ('' for comments and the like)."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
