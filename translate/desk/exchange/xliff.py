"""XLIFF 2.1 (written and read) and XLIFF 1.2 (written and read): one unit per segment.

Mapping (2.1): ``<file id="d{doc}" original="songngu:document:{doc}" sn:document sn:source-hash>``;
``<unit id="s{segment}" name="{index}" sn:version sn:source-hash sn:field>`` holding
``<notes>`` (QA flags: category "qa"; review comments: category "comment"),
``<originalData>`` (the inline markup, verbatim) and one ``<segment state subState>``.
Inline tags: a start/end pair is ``<pc dataRefStart dataRefEnd>``, a ``<br>`` or an
unpaired tag ``<ph dataRef>``. XLIFF 1.2 carries the same as ``<trans-unit>`` with the
markup inside ``<bpt>``/``<ept>``/``<ph>``; ``<g>``/``<x>`` written by other tools are
read back through the source's tag of the same id (or their ``ctype``).

The ``sn:`` attributes (namespace :data:`SN_NS`) are what an import checks the file
against: the article, each segment's version (stale edits) and source hash (changed
sources).
"""

from __future__ import annotations

import contextlib
import hashlib
import html as html_lib
from dataclasses import dataclass, field

from lxml import etree

from translate.desk.exchange.inline import Pair, parse_inline, tag_ids
from translate.desk.exchange.xml_safety import ExchangeFileError, local, parse_xml, serialize

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
SN_NS = "urn:songngu:exchange:1"
VERSIONS = ("2.1", "1.2")

# Desk segment state -> XLIFF 2 state. The desk state survives as subState.
STATE_2 = {"new": "initial", "machine": "initial", "memory": "initial", "edited": "translated",
           "rejected": "translated", "confirmed": "reviewed", "approved": "final"}
STATE_12 = {"initial": "new", "translated": "translated", "reviewed": "signed-off", "final": "final"}
_CTYPE_TAG = {"bold": "strong", "italic": "em", "underlined": "u", "link": "a", "lb": "br"}


def source_hash(source_html: str) -> str:
    return hashlib.sha256((source_html or "").encode("utf-8")).hexdigest()[:16]


def file_hash(units: list[tuple[int, str]]) -> str:
    """The article's segmentation and sources at export: (segment id, source html) for every segment."""
    joined = "\n".join(f"{sid}:{source_hash(src)}" for sid, src in units)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class UnitOut:
    segment_id: int
    index: int
    field: str
    version: int
    source_html: str
    target_html: str
    state: str
    notes: tuple[tuple[str, str, int], ...] = ()  # (category, text, priority 1..10)


@dataclass(frozen=True)
class ArticleOut:
    document_id: int
    src_lang: str
    tgt_lang: str
    title: str
    units: tuple[UnitOut, ...]


@dataclass
class UnitIn:
    unit_id: str
    segment_id: int | None
    version: int | None
    source_hash: str | None
    source_html: str
    target_html: str | None
    line: int | None


@dataclass
class ArticleIn:
    xliff_version: str
    document_id: int | None
    src_lang: str | None
    tgt_lang: str | None
    source_hash: str | None
    units: list[UnitIn] = field(default_factory=list)


def _sn(name: str) -> str:
    return f"{{{SN_NS}}}{name}"


# ------------------------------------------------------------------------------------------ writing


def export_xliff(article: ArticleOut, version: str = "2.1") -> bytes:
    if version not in VERSIONS:
        raise ValueError(f"XLIFF version must be one of {', '.join(VERSIONS)}")
    return _export_2(article) if version == "2.1" else _export_12(article)


def _file_attrs(article: ArticleOut) -> dict[str, str]:
    return {"original": f"songngu:document:{article.document_id}", _sn("document"): str(article.document_id),
            _sn("source-hash"): file_hash([(u.segment_id, u.source_html) for u in article.units])}


def _unit_attrs(u: UnitOut) -> dict[str, str]:
    return {_sn("version"): str(u.version), _sn("source-hash"): source_hash(u.source_html), _sn("field"): u.field}


def _export_2(article: ArticleOut) -> bytes:
    x = f"{{{XLIFF2_NS}}}"
    root = etree.Element(x + "xliff", nsmap={None: XLIFF2_NS, "sn": SN_NS},
                         attrib={"version": "2.1", "srcLang": article.src_lang, "trgLang": article.tgt_lang})
    f = etree.SubElement(root, x + "file", {"id": f"d{article.document_id}", **_file_attrs(article)})
    for u in article.units:
        unit = etree.SubElement(f, x + "unit", {"id": f"s{u.segment_id}", "name": str(u.index), **_unit_attrs(u)})
        if u.notes:
            notes = etree.SubElement(unit, x + "notes")
            for category, text, priority in u.notes:
                etree.SubElement(notes, x + "note", category=category, priority=str(priority)).text = text
        src_nodes, tgt_nodes = parse_inline(u.source_html), parse_inline(u.target_html)
        src_ids, tgt_ids = tag_ids(src_nodes, tgt_nodes)
        data: dict[str, str] = {}
        seg = etree.Element(x + "segment", state=STATE_2.get(u.state, "initial"), subState=f"songngu:{u.state}")
        _fill_2(etree.SubElement(seg, x + "source"), src_nodes, src_ids, data)
        if u.target_html:
            _fill_2(etree.SubElement(seg, x + "target"), tgt_nodes, tgt_ids, data)
        if data:
            od = etree.SubElement(unit, x + "originalData")
            for markup, ref in data.items():
                etree.SubElement(od, x + "data", id=ref).text = markup
        unit.append(seg)
    return serialize(root)


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _fill_2(parent: etree._Element, nodes: list, ids: dict[int, str], data: dict[str, str]) -> None:
    x = f"{{{XLIFF2_NS}}}"

    def ref(markup: str) -> str:
        return data.setdefault(markup, f"d{len(data) + 1}")

    for node in nodes:
        if isinstance(node, str):
            _append_text(parent, node)
        elif isinstance(node, Pair):
            pc = etree.SubElement(parent, x + "pc", id=ids[id(node)], dataRefStart=ref(node.start),
                                  dataRefEnd=ref(node.end))
            _fill_2(pc, node.children, ids, data)
        else:
            etree.SubElement(parent, x + "ph", id=ids[id(node)], dataRef=ref(node.markup))


def _export_12(article: ArticleOut) -> bytes:
    x = f"{{{XLIFF12_NS}}}"
    root = etree.Element(x + "xliff", nsmap={None: XLIFF12_NS, "sn": SN_NS}, attrib={"version": "1.2"})
    f = etree.SubElement(root, x + "file", {"source-language": article.src_lang,
                                            "target-language": article.tgt_lang, "datatype": "html",
                                            **_file_attrs(article)})
    body = etree.SubElement(f, x + "body")
    for u in article.units:
        tu = etree.SubElement(body, x + "trans-unit", {"id": f"s{u.segment_id}", "resname": str(u.index),
                                                        **_unit_attrs(u)})
        src_nodes, tgt_nodes = parse_inline(u.source_html), parse_inline(u.target_html)
        src_ids, tgt_ids = tag_ids(src_nodes, tgt_nodes)
        _fill_12(etree.SubElement(tu, x + "source"), src_nodes, src_ids)
        if u.target_html:
            target = etree.SubElement(tu, x + "target", state=STATE_12[STATE_2.get(u.state, "initial")])
            _fill_12(target, tgt_nodes, tgt_ids)
        for category, text, priority in u.notes:
            etree.SubElement(tu, x + "note", {"from": f"songngu-{category}", "priority": str(priority)}).text = text
    return serialize(root)


def _fill_12(parent: etree._Element, nodes: list, ids: dict[int, str]) -> None:
    x = f"{{{XLIFF12_NS}}}"
    for node in nodes:
        if isinstance(node, str):
            _append_text(parent, node)
        elif isinstance(node, Pair):
            etree.SubElement(parent, x + "bpt", id=ids[id(node)], rid=ids[id(node)]).text = node.start
            _fill_12(parent, node.children, ids)
            etree.SubElement(parent, x + "ept", id=ids[id(node)], rid=ids[id(node)]).text = node.end
        else:
            etree.SubElement(parent, x + "ph", id=ids[id(node)]).text = node.markup


# ------------------------------------------------------------------------------------------ reading


def read_xliff(data: bytes) -> ArticleIn:
    """The file's article, units and texts as segment HTML; refuses anything that is not an XLIFF file we can map."""
    root = parse_xml(data, "XLIFF file")
    if local(root.tag) != "xliff":
        raise ExchangeFileError("XLIFF file", [f"the root element is <{local(root.tag)}>, not <xliff>"])
    ns = etree.QName(root).namespace
    if ns == XLIFF2_NS:
        return _read_2(root)
    if ns == XLIFF12_NS or (ns is None and root.get("version") == "1.2"):
        return _read_12(root)
    raise ExchangeFileError("XLIFF file", [f"unsupported XLIFF namespace {ns!r} (version {root.get('version')!r}); "
                                           "XLIFF 2.0/2.1 and 1.2 are read"])


def _int_attr(el: etree._Element, name: str, problems: list[str], what: str) -> int | None:
    raw = el.get(name)
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        problems.append(f"{what}: {etree.QName(name).localname} {raw!r} is not a number")
        return None


def _one_file(root: etree._Element, problems: list[str]) -> etree._Element | None:
    files = [el for el in root if local(el.tag) == "file"]
    if len(files) != 1:
        problems.append(f"expected one <file> (one article), found {len(files)}")
        return None
    return files[0]


def _document_id(f: etree._Element, problems: list[str]) -> int | None:
    doc = _int_attr(f, _sn("document"), problems, "<file>")
    if doc is None and (f.get("original") or "").startswith("songngu:document:"):
        with contextlib.suppress(ValueError):
            doc = int(f.get("original").rsplit(":", 1)[1])
    return doc


def _finish(out: ArticleIn, problems: list[str]) -> ArticleIn:
    if problems:
        raise ExchangeFileError("XLIFF file", problems)
    return out


def _read_2(root: etree._Element) -> ArticleIn:
    problems: list[str] = []
    out = ArticleIn(xliff_version=root.get("version") or "2.0", document_id=None, src_lang=root.get("srcLang"),
                    tgt_lang=root.get("trgLang"), source_hash=None)
    f = _one_file(root, problems)
    if f is None:
        return _finish(out, problems)
    out.document_id, out.source_hash = _document_id(f, problems), f.get(_sn("source-hash"))
    for unit in f.iter(f"{{{XLIFF2_NS}}}unit"):
        uid = unit.get("id") or ""
        data = {d.get("id"): d.text or "" for d in unit.iter(f"{{{XLIFF2_NS}}}data")}
        segments = [s for s in unit if local(s.tag) == "segment"]
        sources = [s.find(f"{{{XLIFF2_NS}}}source") for s in segments]
        targets = [s.find(f"{{{XLIFF2_NS}}}target") for s in segments]
        if any(s is None for s in sources) or not segments:
            problems.append(f"unit {uid!r} (line {unit.sourceline}) has no <segment> with a <source>")
            continue
        # A tool that split a unit into several segments: the texts are joined back.
        src_by_id: dict[str, tuple[str, str]] = {}
        source_html = "".join(_html_2(s, data, src_by_id, collect=True) for s in sources)
        target_html = None
        if any(t is not None for t in targets):
            target_html = "".join(_html_2(t, data, src_by_id) for t in targets if t is not None)
        out.units.append(UnitIn(uid, _segment_id(uid), _int_attr(unit, _sn("version"), problems, f"unit {uid!r}"),
                                unit.get(_sn("source-hash")), source_html, target_html, unit.sourceline))
    return _finish(out, problems)


def _segment_id(unit_id: str) -> int | None:
    return int(unit_id[1:]) if unit_id[:1] == "s" and unit_id[1:].isdigit() else None


def _html_2(el: etree._Element, data: dict[str, str], by_id: dict[str, tuple[str, str]],
            collect: bool = False) -> str:
    """Segment HTML from an XLIFF 2 source/target; ``by_id`` maps inline ids of the source to their markup."""
    out = [html_lib.escape(el.text or "", quote=False)]
    for child in el:
        name, cid = local(child.tag), child.get("id") or ""
        if name == "pc":
            start = data.get(child.get("dataRefStart"), by_id.get(cid, ("", ""))[0])
            end = data.get(child.get("dataRefEnd"), by_id.get(cid, ("", ""))[1])
            if collect:
                by_id[cid] = (start, end)
            out.append(start + _html_2(child, data, by_id, collect) + end)
        elif name in ("ph", "sc", "ec"):
            markup = data.get(child.get("dataRef"), by_id.get(cid, ("", ""))[0])
            if collect:
                by_id[cid] = (markup, "")
            out.append(markup)
        elif name == "cp":
            with contextlib.suppress(ValueError):
                out.append(html_lib.escape(chr(int(child.get("hex") or "", 16)), quote=False))
        else:  # mrk, sm/em annotations and anything unknown: keep the text
            out.append(_html_2(child, data, by_id, collect))
        out.append(html_lib.escape(child.tail or "", quote=False))
    return "".join(out)


def _read_12(root: etree._Element) -> ArticleIn:
    problems: list[str] = []
    f = _one_file(root, problems)
    out = ArticleIn(xliff_version="1.2", document_id=None, src_lang=None, tgt_lang=None, source_hash=None)
    if f is None:
        return _finish(out, problems)
    out.src_lang, out.tgt_lang = f.get("source-language"), f.get("target-language")
    out.document_id, out.source_hash = _document_id(f, problems), f.get(_sn("source-hash"))
    for tu in f.iter():
        if local(tu.tag) != "trans-unit":
            continue
        uid = tu.get("id") or ""
        source = next((c for c in tu if local(c.tag) == "source"), None)
        target = next((c for c in tu if local(c.tag) == "target"), None)
        if source is None:
            problems.append(f"trans-unit {uid!r} (line {tu.sourceline}) has no <source>")
            continue
        by_id: dict[str, tuple[str, str]] = {}
        source_html = _html_12(source, by_id, collect=True)
        target_html = _html_12(target, by_id) if target is not None else None
        out.units.append(UnitIn(uid, _segment_id(uid), _int_attr(tu, _sn("version"), problems, f"unit {uid!r}"),
                                tu.get(_sn("source-hash")), source_html, target_html, tu.sourceline))
    return _finish(out, problems)


def _ctype_markup(ctype: str | None) -> tuple[str, str]:
    tag = _CTYPE_TAG.get(ctype or "") or ((ctype or "")[7:] if (ctype or "").startswith("x-html-") else "")
    if not tag.isalpha():
        return "", ""
    return (f"<{tag}>", "") if tag == "br" else (f"<{tag}>", f"</{tag}>")


def _html_12(el: etree._Element, by_id: dict[str, tuple[str, str]], collect: bool = False) -> str:
    out = [html_lib.escape(el.text or "", quote=False)]
    for child in el:
        name, cid = local(child.tag), child.get("id") or ""
        code = "".join(child.itertext())
        if name in ("bpt", "ept", "ph", "it"):
            if collect:
                start, end = by_id.get(cid, ("", ""))
                by_id[cid] = (code, end) if name != "ept" else (start, code)
            out.append(code)
        elif name == "g":
            start, end = by_id.get(cid) or _ctype_markup(child.get("ctype"))
            if collect:
                by_id[cid] = (start, end)
            out.append(start + _html_12(child, by_id, collect) + end)
        elif name in ("x", "bx", "ex"):
            start, end = by_id.get(cid) or _ctype_markup(child.get("ctype"))
            out.append(end if name == "ex" else start)
        else:  # mrk, sub and anything unknown: keep the text
            out.append(_html_12(child, by_id, collect))
        out.append(html_lib.escape(child.tail or "", quote=False))
    return "".join(out)


__all__ = ["ArticleIn", "ArticleOut", "UnitIn", "UnitOut", "VERSIONS", "export_xliff", "file_hash", "read_xliff",
           "source_hash"]
