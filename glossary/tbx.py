"""TBX import and export (TBX v3 core / TBX-Basic dialect, DCA style; TBX v2 ``martif`` read too).

Mapping, one concept entry per glossary entry:

* ``descrip type="subjectField"`` -> domain; ``descrip type="songngu-kind"`` ->
  kind (term, name, dnt; TBX has no such category, so it is a custom one;
  without it, ``partOfSpeech properNoun`` reads as a name);
* ``note`` on the entry -> note;
* per ``langSec xml:lang`` (``langSet``/``tig``/``ntig`` in v2), each term's
  ``administrativeStatus``: ``preferredTerm-admn-sts`` -> the term,
  ``admittedTerm-admn-sts`` -> a variant, ``deprecatedTerm-admn-sts`` or
  ``supersededTerm-admn-sts`` -> a forbidden form.
* the entry ``id`` carries the external id (``_45`` for id 45: XML ids cannot
  start with a digit).

Untrusted XML is first parsed with defusedxml, which refuses entity
declarations (billion-laughs and external-entity attacks); only then does lxml
re-parse it, with entities and network off, to give line numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException, EntitiesForbidden
from lxml import etree

from glossary.csv_io import export_ids, export_order, storable_text
from glossary.entries import LANGS, RawEntry, TermEntry
from glossary.errors import ImportFormatError, ImportProblem

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
KIND_TYPE = "songngu-kind"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
FORBIDDEN = ("deprecatedTerm-admn-sts", "supersededTerm-admn-sts")
# TBX v2 files sometimes use the older normativeAuthorization values.
_V2_STATUS = {"preferredTerm": PREFERRED, "admittedTerm": ADMITTED, "deprecatedTerm": FORBIDDEN[0]}
_V2_STATUS["supersededTerm"] = FORBIDDEN[1]


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _line_of(data: bytes, needle: bytes) -> int | None:
    pos = data.find(needle)
    return data[:pos].count(b"\n") + 1 if pos >= 0 else None


def _refuse(message: str, *, line: int | None = None, element: int | None = None, source: str = ""):
    return ImportFormatError([ImportProblem(message, line=line, element=element)], source=source)


def _safe_tree(data: bytes, source: str) -> etree._Element:
    try:
        DefusedET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        raise _refuse(
            f"entity declarations are refused (entity {exc.name!r}; a possible entity-expansion attack)",
            line=_line_of(data, b"<!ENTITY"),
            source=source,
        ) from None
    except DefusedXmlException as exc:
        raise _refuse(f"unsafe XML refused: {exc}", source=source) from None
    except DefusedET.ParseError as exc:
        line, column = exc.position
        message = str(exc).split(":")[0]
        raise _refuse(f"not well-formed XML ({message}, column {column})", line=line, source=source) from None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:  # pragma: no cover - defusedxml would have refused first
        raise _refuse(f"not well-formed XML ({exc.msg})", line=exc.lineno, source=source) from None


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def _typed(parent: etree._Element, name: str, type_: str) -> list[etree._Element]:
    return [el for el in parent.iter() if _local(el.tag) == name and el.get("type") == type_]


def _external_id(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = raw.strip()
    if re.match(r"^_\d", raw):
        return raw[1:]
    return raw or None


def _read_terms(lang_sec: etree._Element) -> list[tuple[str, str | None, int | None]]:
    """(term text, administrative status, line) for each term of one language section."""
    out = []
    for el in lang_sec.iter():
        if _local(el.tag) not in ("termSec", "tig", "ntig"):
            continue
        terms = [t for t in el.iter() if _local(t.tag) == "term"]
        if not terms:
            continue
        status = None
        for note in el.iter():
            if _local(note.tag) == "termNote" and note.get("type") in (
                "administrativeStatus",
                "normativeAuthorization",
            ):
                value = _text(note).strip()
                status = _V2_STATUS.get(value, value)
        out.append((_text(terms[0]), status, terms[0].sourceline))
    return out


def parse_tbx(data: bytes, source: str = "") -> list[RawEntry]:
    """Concept entries of a TBX file as unvalidated entries with line and entry numbers."""
    root = _safe_tree(data, source)
    if _local(root.tag) not in ("tbx", "martif"):
        raise _refuse(
            f"root element is <{_local(root.tag)}>, expected <tbx> (TBX v3) or <martif> (TBX v2)",
            line=root.sourceline,
            source=source,
        )
    concepts = [el for el in root.iter() if _local(el.tag) in ("conceptEntry", "termEntry")]
    if not concepts:
        raise _refuse("no <conceptEntry> or <termEntry> elements", line=root.sourceline, source=source)
    problems: list[ImportProblem] = []
    records: list[RawEntry] = []
    for number, concept in enumerate(concepts, start=1):
        line = concept.sourceline

        def problem(message: str, at: int | None = line, number: int = number) -> None:
            problems.append(ImportProblem(message, line=at, element=number))

        fields: dict[str, object] = {}
        domains = [_text(d).strip() for d in _typed(concept, "descrip", "subjectField")]
        fields["domain"] = domains[0] if domains else ""
        kinds = [_text(d).strip() for d in _typed(concept, "descrip", KIND_TYPE)]
        if kinds:
            fields["kind"] = kinds[0]
        elif any(_text(p).strip() == "properNoun" for p in _typed(concept, "termNote", "partOfSpeech")):
            fields["kind"] = "name"
        notes = [_text(n).strip() for n in concept if _local(n.tag) == "note"]
        fields["note"] = " ".join(n for n in notes if n)
        seen_langs: set[str] = set()
        for lang_sec in concept:
            if _local(lang_sec.tag) not in ("langSec", "langSet"):
                continue
            lang = (lang_sec.get(XML_LANG) or "").split("-")[0].split("_")[0].lower()
            if not lang:
                problem("<langSec> without xml:lang", lang_sec.sourceline)
                continue
            if lang not in LANGS:
                continue  # other languages are not this desk's business
            preferred: list[str] = []
            variants: list[str] = []
            forbidden: list[str] = []
            for term, status, term_line in _read_terms(lang_sec):
                if not term.strip():
                    problem(f"empty {lang} <term>", term_line)
                elif status in FORBIDDEN:
                    forbidden.append(term)
                elif status == PREFERRED:
                    preferred.append(term)
                else:
                    variants.append(term)
            if lang in seen_langs:
                problem(f"two <langSec xml:lang='{lang}'> in one entry", lang_sec.sourceline)
                continue
            seen_langs.add(lang)
            if preferred:
                main, extra = preferred[0], preferred[1:]
            elif variants:
                main, extra, variants = variants[0], [], variants[1:]
            else:
                main, extra = "", []
            fields[lang] = main
            fields[f"{lang}_variants"] = extra + variants
            fields[f"{lang}_forbidden"] = forbidden
        for lang in LANGS:
            if lang not in seen_langs:
                problem(f"no {lang} term")
        records.append(
            RawEntry(fields=fields, external_id=_external_id(concept.get("id")), line=line, element=number)
        )
    if problems:
        raise ImportFormatError(problems, source=source)
    return records


def _xml_id(external: str) -> str:
    return f"_{external}" if external[:1].isdigit() else external


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A child element whose text and attributes hold only what XML can (stored rows may predate the rule)."""
    el = etree.SubElement(parent, tag, {k: storable_text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = storable_text(text)
    return el


def export_tbx(entries: Iterable[TermEntry], *, title: str = "songngu glossary") -> bytes:
    """A TBX-Basic (TBX v3, DCA) document holding every given entry."""
    entries = sorted(entries, key=export_order)
    ids = export_ids(entries)
    ns = f"{{{TBX_NS}}}"
    root = etree.Element(f"{ns}tbx", nsmap={None: TBX_NS}, type="TBX-Basic", style="dca")
    root.set(XML_LANG, "en")
    header = etree.SubElement(root, f"{ns}tbxHeader")
    file_desc = etree.SubElement(header, f"{ns}fileDesc")
    source_desc = etree.SubElement(file_desc, f"{ns}sourceDesc")
    _sub(source_desc, f"{ns}p", title)
    body = etree.SubElement(etree.SubElement(root, f"{ns}text"), f"{ns}body")
    for e in entries:
        concept = _sub(body, f"{ns}conceptEntry", id=_xml_id(ids[e.id]))
        _sub(concept, f"{ns}descrip", e.domain, type="subjectField")
        _sub(concept, f"{ns}descrip", e.kind, type=KIND_TYPE)
        if e.note:
            _sub(concept, f"{ns}note", e.note)
        for lang in LANGS:
            lang_sec = etree.SubElement(concept, f"{ns}langSec")
            lang_sec.set(XML_LANG, lang)
            rows = [(e.term(lang), PREFERRED)]
            rows += [(v, ADMITTED) for v in e.variants(lang)]
            rows += [(f, FORBIDDEN[0]) for f in e.forbidden(lang)]
            for term, status in rows:
                term_sec = etree.SubElement(lang_sec, f"{ns}termSec")
                _sub(term_sec, f"{ns}term", term)
                if e.kind in ("name", "dnt") and status != FORBIDDEN[0]:
                    etree.SubElement(term_sec, f"{ns}termNote", type="partOfSpeech").text = "properNoun"
                etree.SubElement(term_sec, f"{ns}termNote", type="administrativeStatus").text = status
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
