"""TMX 1.4b export and import of the translation memory.

One ``<tu>`` per unit: ``tuid`` (a hash of languages, source and target, so the
same unit keeps its id across instances), ``srclang``, ``creationid`` (the
author's name), ``creationdate``/``changedate`` (``YYYYMMDDThhmmssZ``, UTC), a
``<prop type="x-origin">`` (confirmed | import), and a ``<tuv xml:lang>`` per
language whose ``<seg>`` carries inline tags as ``<bpt>``/``<ept>``/``<ph>``
holding the original markup. Reading accepts region variants (``vi-VN``,
``en-GB``) and ``<hi>``/``<it>``/``<ut>``; anything unmappable refuses the file.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import unicodedata
from datetime import datetime

from lxml import etree

from glossary.entries import bad_character
from translate.desk.exchange.inline import Pair, parse_inline
from translate.desk.exchange.xml_safety import ExchangeFileError, local, parse_xml, serialize
from translate.desk.memory.bulk import ORIGINS, TMRecord
from translate.desk.rules import MAX_TARGET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
WHAT = "TMX file"


def tuid(r: TMRecord) -> str:
    ident = "\x1f".join(r.identity())
    return "h" + hashlib.sha256(ident.encode("utf-8")).hexdigest()[:20]


def export_tmx(records: list[TMRecord]) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {"creationtool": "songngu", "creationtoolversion": "1", "segtype": "sentence",
                                      "o-tmf": "songngu", "adminlang": "en", "srclang": "*all*",
                                      "datatype": "html"})
    body = etree.SubElement(root, "body")
    for r in records:
        attrs = {"tuid": tuid(r), "srclang": r.src_lang, "creationdate": r.created_at.strftime(DATE_FORMAT),
                 "changedate": r.updated_at.strftime(DATE_FORMAT)}
        if r.creator:
            attrs["creationid"] = r.creator
        tu = etree.SubElement(body, "tu", attrs)
        etree.SubElement(tu, "prop", type="x-origin").text = r.origin
        for lang, html in ((r.src_lang, r.source_html), (r.tgt_lang, r.target)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            _fill(etree.SubElement(tuv, "seg"), parse_inline(html), [0])
    return serialize(root)


def _fill(parent: etree._Element, nodes: list, counter: list[int]) -> None:
    for node in nodes:
        if isinstance(node, str):
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + node
            else:
                parent.text = (parent.text or "") + node
        elif isinstance(node, Pair):
            counter[0] += 1
            i = str(counter[0])
            etree.SubElement(parent, "bpt", i=i).text = node.start
            _fill(parent, node.children, counter)
            etree.SubElement(parent, "ept", i=i).text = node.end
        else:
            etree.SubElement(parent, "ph").text = node.markup


def _seg_html(el: etree._Element) -> str:
    out = [html_lib.escape(el.text or "", quote=False)]
    for child in el:
        name = local(child.tag)
        if name in ("bpt", "ept", "ph", "it", "ut"):
            out.append("".join(child.itertext()))
        else:  # hi, sub: keep the text
            out.append(_seg_html(child))
        out.append(html_lib.escape(child.tail or "", quote=False))
    return "".join(out)


def _lang(raw: str | None) -> str | None:
    base = (raw or "").strip().lower().replace("_", "-").split("-")[0]
    return base if base in ("vi", "en") else None


def _date(raw: str | None, what: str, problems: list[str]) -> datetime | None:
    if raw is None:
        return None
    try:
        return datetime.strptime(raw, DATE_FORMAT)
    except ValueError:
        problems.append(f"{what}: date {raw!r} is not YYYYMMDDThhmmssZ")
        return None


def read_tmx(data: bytes, *, now: datetime) -> list[TMRecord]:
    """Every unit of the file, or an :class:`ExchangeFileError` listing every problem (nothing is half-read)."""
    root = parse_xml(data, WHAT)
    if local(root.tag) != "tmx":
        raise ExchangeFileError(WHAT, [f"the root element is <{local(root.tag)}>, not <tmx>"])
    header = root.find("header")
    body = root.find("body")
    if body is None:
        raise ExchangeFileError(WHAT, ["there is no <body>"])
    default_src = _lang(header.get("srclang")) if header is not None else None
    problems: list[str] = []
    out: list[TMRecord] = []
    for n, tu in enumerate(body.iter("tu"), 1):
        where = f"<tu> {n} (line {tu.sourceline})"
        segs: dict[str, str] = {}
        order: list[str] = []
        for tuv in tu.iter("tuv"):
            lang = _lang(tuv.get(XML_LANG) or tuv.get("lang"))
            if lang is None:
                problems.append(f"{where}: language {tuv.get(XML_LANG) or tuv.get('lang')!r} is neither "
                                "Vietnamese nor English")
                continue
            seg = tuv.find("seg")
            html = unicodedata.normalize("NFC", _seg_html(seg)).strip() if seg is not None else ""
            if not html:
                problems.append(f"{where}: the {lang} variant has no text")
                continue
            if lang in segs:
                problems.append(f"{where}: two {lang} variants")
                continue
            if len(html) > MAX_TARGET:
                problems.append(f"{where}: the {lang} text is over {MAX_TARGET:,} characters")
            if (bad := bad_character(html)) is not None:
                problems.append(f"{where}: the {lang} text contains {bad}")
            segs[lang] = html
            order.append(lang)
        if len(segs) != 2:
            if segs:
                problems.append(f"{where}: needs both a Vietnamese and an English variant")
            continue
        src = _lang(tu.get("srclang")) or default_src or order[0]
        tgt = "en" if src == "vi" else "vi"
        origin = next((p.text or "" for p in tu.iter("prop") if p.get("type") == "x-origin"), "import").strip()
        created = _date(tu.get("creationdate"), where, problems)
        changed = _date(tu.get("changedate"), where, problems)
        out.append(TMRecord(src_lang=src, tgt_lang=tgt, source_html=segs[src], target=segs[tgt],
                            origin=origin if origin in ORIGINS else "import",
                            creator=(tu.get("creationid") or "").strip() or None,
                            created_at=created or changed or now, updated_at=changed or created or now))
    if problems:
        raise ExchangeFileError(WHAT, problems)
    return out
