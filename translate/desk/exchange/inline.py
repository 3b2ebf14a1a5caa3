"""Segment HTML (text plus inline tags only) as a small tree, so formats can carry tags as their own elements.

A start tag with its end tag becomes a :class:`Pair` (XLIFF ``<pc>``, TMX
``<bpt>``/``<ept>``); a ``<br>`` or an unpaired tag becomes a :class:`Single`
(``<ph>``). Both keep the original markup verbatim, so it can be recovered
exactly; whatever comes back is re-sanitised by the segment save anyway.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"br", "img", "wbr", "hr"}


@dataclass
class Pair:
    tag: str
    start: str
    end: str
    children: list = field(default_factory=list)


@dataclass
class Single:
    markup: str


Node = str | Pair | Single


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list[Node] = []
        self.stack: list[tuple[Pair, list[Node]]] = []

    def _out(self) -> list[Node]:
        return self.stack[-1][0].children if self.stack else self.root

    def handle_data(self, data: str) -> None:
        out = self._out()
        if out and isinstance(out[-1], str):
            out[-1] += data
        else:
            out.append(data)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        markup = self.get_starttag_text() or f"<{tag}>"
        if tag in VOID:
            self._out().append(Single(markup))
            return
        pair = Pair(tag, markup, "")
        self._out().append(pair)
        self.stack.append((pair, self._out()))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._out().append(Single(self.get_starttag_text() or f"<{tag}/>"))

    def handle_endtag(self, tag: str) -> None:
        if any(p.tag == tag for p, _ in self.stack):
            while self.stack:
                pair, _ = self.stack.pop()
                if pair.tag == tag:
                    pair.end = f"</{tag}>"
                    return
                # An inner tag left open: the text keeps its tag as a lone start.
                self._unpair(pair)
        else:
            self._out().append(Single(f"</{tag}>"))

    def _unpair(self, pair: Pair) -> None:
        out = self._out()
        at = out.index(pair)
        out[at:at + 1] = [Single(pair.start), *pair.children]

    def finish(self) -> list[Node]:
        self.close()
        while self.stack:
            pair, _ = self.stack.pop()
            self._unpair(pair)
        return self.root


def parse_inline(html: str) -> list[Node]:
    builder = _Builder()
    builder.feed(html or "")
    return builder.finish()


def render_html(nodes: list[Node]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(html_lib.escape(node, quote=False))
        elif isinstance(node, Pair):
            out.append(node.start + render_html(node.children) + node.end)
        else:
            out.append(node.markup)
    return "".join(out)


def tag_ids(source: list[Node], target: list[Node]) -> tuple[dict[int, str], dict[int, str]]:
    """Inline ids for the tags of both sides: a target tag with the same markup as a source one shares its id.

    Keyed by ``id(node)``; CAT tools use shared ids to let the translator copy tags across.
    """
    src_ids: dict[int, str] = {}
    by_key: dict[tuple, list[str]] = {}
    counter = 0

    def key(node: Pair | Single) -> tuple:
        return (node.start, node.end) if isinstance(node, Pair) else (node.markup,)

    for node in walk(source):
        counter += 1
        src_ids[id(node)] = str(counter)
        by_key.setdefault(key(node), []).append(str(counter))
    tgt_ids: dict[int, str] = {}
    used: dict[tuple, int] = {}
    for node in walk(target):
        k = key(node)
        n = used.get(k, 0)
        if n < len(by_key.get(k, [])):
            tgt_ids[id(node)] = by_key[k][n]
            used[k] = n + 1
        else:
            counter += 1
            tgt_ids[id(node)] = str(counter)
    return src_ids, tgt_ids


def walk(nodes: list[Node]):
    """Every tag node, depth first in document order."""
    for node in nodes:
        if isinstance(node, Pair):
            yield node
            yield from walk(node.children)
        elif isinstance(node, Single):
            yield node
