"""Documents as translatable segments, with inline markup carried through.

An article body is HTML: paragraphs, lists, figures with captions, and inline
``<strong>/<em>/<a>`` inside sentences. The engine translates plain sentences,
so each block's text is flattened to one string with the inline elements kept
aside as :class:`InlineSpan` offsets; after translation the spans are projected
onto the target (``translate.text.align``) and the target sentence comes back as a
small inline-HTML fragment. :meth:`ParsedDocument.rebuild` puts those fragments
back into the original block skeleton, so the translated article has exactly the
source's structure and attributes.

Everything that enters is sanitised (the body is user input and is later shown to
other users), and every target fragment is sanitised again on the way back in,
with an inline-only allow-list: a translator's edit can add emphasis or a link,
never a block, a script or an event handler.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import lxml.html
import nh3

from translate.errors import InputError, TooLargeError
from translate.text.html_limits import MAX_HTML_CHARS as MAX_HTML_CHARS  # re-exported: the pipeline's limit
from translate.text.html_limits import MAX_TEXT_CHARS, check_html_input, html_parser
from translate.text.sentences import split_sentences

# What a news article needs, nothing more. <span> is deliberately absent: no
# attribute of it survives sanitising, and a bare <span> wrapping a paragraph
# (common in pasted CMS content) would otherwise force all its sentences into one
# segment; dropping the tag keeps its text.
ALLOWED_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "figure", "figcaption", "img",
    "blockquote", "strong", "em", "b", "i", "u", "a", "br", "sub", "sup", "table", "thead",
    "tbody", "tr", "th", "td", "div", "section",
})
ALLOWED_ATTRIBUTES = {
    # data-media: a picture of the desk's media store (translate/desk/media), named by its SHA-256.
    "img": {"src", "alt", "title", "width", "height", "data-media"},
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
# Removed together with their content, not just unwrapped.
_DROP_WITH_CONTENT = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "title",
    "head", "textarea", "select",
}
INLINE_TAGS = frozenset({"a", "strong", "em", "b", "i", "u", "sub", "sup", "br", "img"})
VOID_TAGS = frozenset({"br", "img"})
# Attributes of an <img> that are text for a reader, so they are translated.
_TRANSLATED_IMG_ATTRS = ("alt", "title")

_WS = re.compile(r"\s+")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")


@dataclass
class InlineSpan:
    """One inline element over ``text[start:end]`` of a segment; void elements have ``start == end``."""

    tag: str
    attrs: dict[str, str]
    start: int
    end: int
    children: list[InlineSpan] = field(default_factory=list)

    def shifted(self, delta: int) -> InlineSpan:
        return InlineSpan(self.tag, dict(self.attrs), self.start + delta, self.end + delta,
                          [c.shifted(delta) for c in self.children])


@dataclass
class SourceSegment:
    """A unit the translator sees: a sentence ("text"), or an image's "alt" or "title" text."""

    index: int
    block: int
    kind: str
    text: str
    spans: list[InlineSpan] = field(default_factory=list)

    @property
    def html(self) -> str:
        """The sentence with its inline markup, as an HTML fragment (escaped)."""
        return render_inline(self.text, self.spans)


# ---------------------------------------------------------------- skeleton nodes


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    children: list[_Node] = field(default_factory=list)
    # attribute name -> index of the segment that translates it
    translated_attrs: dict[str, int] = field(default_factory=dict)


@dataclass
class _Run:
    """A block's inline content, rebuilt from the target fragments of its sentences."""

    segments: list[int]
    # for each <img> inside the run, in order: attribute name -> segment index
    images: list[dict[str, int]]


@dataclass
class _Line:
    """One line of a plain-text document: kept verbatim when it has no segments."""

    prefix: str
    suffix: str
    segments: list[int]


_Node = _Element | _Run | str


@dataclass
class ParsedDocument:
    """A document cut into segments, able to put one translation per segment back together."""

    kind: Literal["html", "text"]
    segments: list[SourceSegment]
    lang: str
    source: str  # the sanitised HTML, or the NFC-normalised text
    _skeleton: list = field(default_factory=list, repr=False, compare=False)

    def rebuild(self, targets: Sequence[str]) -> str:
        """The translated document: one target per segment, in segment order.

        For HTML documents a "text" target is an inline HTML fragment (it is
        sanitised here); "alt"/"title" targets are plain text. For text documents
        every target is plain text, and the line layout of the source is kept.
        """
        if len(targets) != len(self.segments):
            raise InputError(
                f"the translation has {len(targets)} segments but the document has {len(self.segments)}"
            )
        targets = [unicodedata.normalize("NFC", t or "") for t in targets]
        if self.kind == "text":
            out = []
            for line in self._skeleton:
                if isinstance(line, str):
                    out.append(line)
                    continue
                body = " ".join(_WS.sub(" ", targets[i]).strip() for i in line.segments)
                out.append(line.prefix + _WS.sub(" ", body).strip() + line.suffix)
            return "".join(out)
        out: list[str] = []
        for node in self._skeleton:
            _render_node(node, targets, out)
        return "".join(out)


# ---------------------------------------------------------------- sanitising


def sanitize_html(html: str) -> str:
    """Reduce user HTML to the article allow-list, NFC-normalised.

    Scripts, styles, comments and event handlers disappear; unknown tags are
    unwrapped (their text stays); links get ``rel="noopener noreferrer"``.
    Size and nesting depth are checked first (``html_limits``): past them the
    sanitiser's cost grows faster than the input.
    """
    html = unicodedata.normalize("NFC", check_html_input(html))
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        clean_content_tags=_DROP_WITH_CONTENT,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def _sanitize_fragment(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=set(INLINE_TAGS),
        attributes={"a": {"href", "title"}, "img": set(ALLOWED_ATTRIBUTES["img"])},
        clean_content_tags=_DROP_WITH_CONTENT,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


# ---------------------------------------------------------------- rendering


def _escape_text(text: str) -> str:
    # A no-break space stays visible as &nbsp; so an editor can see it is there.
    return html_lib.escape(text, quote=False).replace("\xa0", "&nbsp;")


def _open_tag(tag: str, attrs: dict[str, str]) -> str:
    if not _NAME.match(tag):
        raise ValueError(f"not an HTML tag name: {tag!r}")
    parts = [tag]
    for name, value in attrs.items():
        if not _NAME.match(name):
            raise ValueError(f"not an HTML attribute name: {name!r}")
        parts.append(f'{name}="{html_lib.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + ">"


def render_inline(text: str, spans: Sequence[InlineSpan]) -> str:
    """``text`` with ``spans`` as escaped, properly nested HTML.

    Out-of-range or overlapping spans are clamped (a child to its parent, a
    sibling to after the previous one) rather than trusted, so whatever a
    projection produced, the output is well-formed.
    """
    out: list[str] = []
    _render_spans(text, 0, len(text), spans, out)
    return "".join(out)


def _render_spans(text: str, lo: int, hi: int, spans: Sequence[InlineSpan], out: list[str]) -> None:
    pos = lo
    for span in sorted(spans, key=lambda s: s.start):
        start = min(max(span.start, pos), hi)
        end = min(max(span.end, start), hi)
        out.append(_escape_text(text[pos:start]))
        out.append(_open_tag(span.tag, span.attrs))
        pos = start
        if span.tag in VOID_TAGS:
            continue
        _render_spans(text, start, end, span.children, out)
        out.append(f"</{span.tag}>")
        pos = end
    out.append(_escape_text(text[pos:hi]))


def _render_node(node: _Node, targets: list[str], out: list[str]) -> None:
    if isinstance(node, str):
        out.append(_escape_text(node))
    elif isinstance(node, _Run):
        fragments = [_sanitize_fragment(targets[i]).strip() for i in node.segments]
        joined = " ".join(f for f in fragments if f)
        _render_fragment(joined, node.images, targets, out)
    else:
        attrs = dict(node.attrs)
        for name, index in node.translated_attrs.items():
            attrs[name] = _WS.sub(" ", targets[index]).strip()
        out.append(_open_tag(node.tag, attrs))
        if node.tag in VOID_TAGS:
            return
        for child in node.children:
            _render_node(child, targets, out)
        out.append(f"</{node.tag}>")


def _render_fragment(fragment: str, images: list[dict[str, int]], targets: list[str], out: list[str]) -> None:
    """Re-serialise a sanitised inline fragment, giving its images their translated alt/title."""
    if not fragment:
        return
    root = lxml.html.fragment_fromstring(fragment, create_parent="div", parser=html_parser())
    image_attrs = iter(images)

    def walk(el) -> None:
        if el.text:
            out.append(_escape_text(el.text))
        for child in el:
            if isinstance(child.tag, str):
                attrs = {k: v for k, v in child.attrib.items()}
                if child.tag == "img":
                    for name, index in next(image_attrs, {}).items():
                        attrs[name] = _WS.sub(" ", targets[index]).strip()
                out.append(_open_tag(child.tag, attrs))
                if child.tag not in VOID_TAGS:
                    walk(child)
                    out.append(f"</{child.tag}>")
            if child.tail:
                out.append(_escape_text(child.tail))

    walk(root)


def inline_tag_sequence(html_fragment: str) -> list[str]:
    """The opening inline tags of a fragment in order, e.g. ``["strong", "a[href=https://x]"]``.

    Links and images carry their target (href/src) because a link pointing
    elsewhere after translation is as wrong as a missing one. Used by QA checks
    that compare a source sentence's markup with its translation's.
    """
    if not html_fragment or "<" not in html_fragment:
        return []
    root = lxml.html.fragment_fromstring(unicodedata.normalize("NFC", html_fragment), create_parent="div",
                                         parser=html_parser())
    sequence = []
    for el in root.iterdescendants():
        if not isinstance(el.tag, str) or el.tag not in INLINE_TAGS:
            continue
        if el.tag == "a":
            sequence.append(f"a[href={el.get('href', '')}]")
        elif el.tag == "img":
            sequence.append(f"img[src={el.get('src', '')}]")
        else:
            sequence.append(el.tag)
    return sequence


# ---------------------------------------------------------------- parsing HTML


class _Collector:
    """Flattens a run of inline nodes to whitespace-collapsed text plus span offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.last_space = True  # drops leading whitespace
        self.images: list[InlineSpan] = []

    def add_text(self, text: str | None) -> None:
        if not text:
            return
        text = _WS.sub(" ", text)
        if self.last_space and text.startswith(" "):
            text = text[1:]
        if text:
            self.parts.append(text)
            self.length += len(text)
            self.last_space = text.endswith(" ")

    def add_element(self, el) -> InlineSpan:
        span = InlineSpan(el.tag, {k: v for k, v in el.attrib.items()}, self.length, self.length)
        if el.tag == "img":
            self.images.append(span)
            return span
        if el.tag == "br":
            self.add_text(" ")  # a line break separates words
            return span
        self.add_text(el.text)
        for child in el:
            if isinstance(child.tag, str):
                span.children.append(self.add_element(child))
            self.add_text(child.tail)
        span.end = self.length
        return span


def _tighten(spans: list[InlineSpan], text: str, lo: int, hi: int) -> None:
    """Clamp spans into ``[lo, hi]`` and trim whitespace off their edges, children inside parents."""
    for span in spans:
        span.start = min(max(span.start, lo), hi)
        span.end = min(max(span.end, span.start), hi)
        if span.tag not in VOID_TAGS:
            while span.start < span.end and text[span.start].isspace():
                span.start += 1
            while span.end > span.start and text[span.end - 1].isspace():
                span.end -= 1
        _tighten(span.children, text, span.start, span.end)


def _is_inline(el) -> bool:
    return el.tag in INLINE_TAGS and all(
        not isinstance(d.tag, str) or d.tag in INLINE_TAGS for d in el.iterdescendants()
    )


class _HtmlBuilder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.segments: list[SourceSegment] = []
        self.blocks = 0

    def _segment(self, block: int, kind: str, text: str, spans: list[InlineSpan] | None = None) -> int:
        index = len(self.segments)
        self.segments.append(SourceSegment(index, block, kind, text, spans or []))
        return index

    def _image_segments(self, attrs: dict[str, str], block: int) -> dict[str, int]:
        translated = {}
        for name in _TRANSLATED_IMG_ATTRS:
            value = _WS.sub(" ", attrs.get(name, "")).strip()
            if value:
                translated[name] = self._segment(block, name, value)
        return translated

    def container(self, el) -> list[_Node]:
        """Skeleton children of a block-level element: nested blocks recurse, inline runs become segments."""
        nodes: list[_Node] = []
        run: list = []
        items: list = [el.text] if el.text else []
        for child in el:
            if isinstance(child.tag, str):
                items.append(child)
            if child.tail:
                items.append(child.tail)
        for item in items:
            if isinstance(item, str) or _is_inline(item):
                run.append(item)
                continue
            nodes.extend(self.run(run))
            run = []
            element = _Element(item.tag, {k: v for k, v in item.attrib.items()})
            element.children = self.container(item)
            nodes.append(element)
        nodes.extend(self.run(run))
        return nodes

    def structural(self, item) -> _Node:
        """A run with no text (whitespace, a lone image, a linked image) is kept as markup."""
        if isinstance(item, str):
            return item
        attrs = {k: v for k, v in item.attrib.items()}
        element = _Element(item.tag, attrs)
        if item.tag == "img":
            translated_block = self.blocks
            element.translated_attrs = self._image_segments(attrs, translated_block)
            if element.translated_attrs:
                self.blocks += 1
            return element
        element.children = self.container(item)
        return element

    def run(self, items: list) -> list[_Node]:
        if not items:
            return []
        collector = _Collector()
        spans: list[InlineSpan] = []
        for item in items:
            if isinstance(item, str):
                collector.add_text(item)
            else:
                spans.append(collector.add_element(item))
        text = "".join(collector.parts)
        if text.endswith(" "):
            text = text[:-1]
        if not text.strip():
            return [self.structural(item) for item in items]
        _tighten(spans, text, 0, len(text))
        block = self.blocks
        self.blocks += 1
        protected = [(s.start, s.end) for s in spans if s.end > s.start]
        sentences = split_sentences(text, self.lang, protected=protected) or [(0, len(text))]
        per_sentence: list[list[InlineSpan]] = [[] for _ in sentences]
        for span in spans:
            k = _sentence_of(sentences, span.start)
            s, e = sentences[k]
            if span.start < s or span.end > e:  # cannot happen with protected ranges; never drop markup
                _tighten([span], text, s, e)
            per_sentence[k].append(span.shifted(-s))
        images_by_sentence: list[list[InlineSpan]] = [[] for _ in sentences]
        for image in collector.images:
            images_by_sentence[_sentence_of(sentences, image.start)].append(image)
        run = _Run(segments=[], images=[])
        for k, (s, e) in enumerate(sentences):
            run.segments.append(self._segment(block, "text", text[s:e], per_sentence[k]))
            for image in images_by_sentence[k]:
                run.images.append(self._image_segments(image.attrs, block))
        return [run]


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    """The sentence an offset belongs to; an offset in the gap after a sentence belongs to it."""
    for k, (_s, e) in enumerate(sentences):
        if pos <= e:
            return k
    return len(sentences) - 1


def parse_html(html: str, lang: str) -> ParsedDocument:
    """Sanitise an article body and cut it into segments, keeping its block structure."""
    split_sentences("", lang)  # unknown language: fail before doing any work
    clean = sanitize_html(html)
    builder = _HtmlBuilder(lang)
    skeleton: list[_Node] = []
    if clean.strip():
        root = lxml.html.fragment_fromstring(clean, create_parent="div", parser=html_parser())
        skeleton = builder.container(root)
    if not builder.segments:
        raise InputError("no translatable text in the HTML (only markup, whitespace or images without alt text)")
    return ParsedDocument("html", builder.segments, lang, clean, skeleton)


# ---------------------------------------------------------------- parsing text


def parse_text(text: str, lang: str) -> ParsedDocument:
    """Cut plain text into segments: each non-empty line is a block, blank lines stay as they are."""
    split_sentences("", lang)
    if not isinstance(text, str):
        raise InputError("the text must be a string")
    if len(text) > MAX_TEXT_CHARS:
        raise TooLargeError(f"the text is too large ({len(text):,} characters; at most {MAX_TEXT_CHARS:,})")
    text = unicodedata.normalize("NFC", text)
    segments: list[SourceSegment] = []
    skeleton: list[_Line | str] = []
    block = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        ending = raw[len(content):]
        body = content.strip()
        if not body:
            skeleton.append(raw)
            continue
        prefix = content[: len(content) - len(content.lstrip())]
        suffix = content[len(content.rstrip()):] + ending
        line = _Line(prefix, suffix, [])
        for s, e in split_sentences(content, lang):
            line.segments.append(len(segments))
            segments.append(SourceSegment(len(segments), block, "text", _WS.sub(" ", content[s:e])))
        skeleton.append(line)
        block += 1
    if not segments:
        raise InputError("no translatable text: the input is empty or only whitespace")
    return ParsedDocument("text", segments, lang, text, skeleton)
