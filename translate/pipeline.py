"""From a document to signed, checked translations, segment by segment.

The pipeline owns the order of work the design describes: parse and segment,
find glossary terms, translate in batches, hold the terms, put inline tags back,
run the checks, and sign every output with what made it.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import asdict, dataclass, field

from translate import __version__
from translate.batching import Batcher, LRUCache
from translate.config import Settings, load_settings
from translate.engines.base import DecodingSettings, Engine
from translate.engines.select import check_pair, get_engine
from translate.errors import InputError, TooLargeError
from translate.text.markup import MAX_HTML_CHARS, MAX_TEXT_CHARS

MAX_INPUT_CHARS = max(MAX_HTML_CHARS, MAX_TEXT_CHARS)  # the parsers enforce their own limit too

_caches: dict[int, LRUCache] = {}


@dataclass
class SegmentResult:
    index: int
    block: int
    kind: str
    source: str
    source_html: str
    target: str
    target_html: str
    engine: str
    model: str
    revision: str
    decoding: str
    glossary_version: int | None
    signature: str
    ms: float
    origin: str = "mt"
    test_model: bool = False
    terms: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)
    # How missing glossary terms get in (SONGNGU_TERM_STRATEGY) and, when one was missing, what placed it
    # ({"strategy", "missing", "placed_by": "model" | "repair", "reason", ...}; translate/term_placement.py).
    term_strategy: str = "repair"
    term_placement: dict | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class DocumentResult:
    kind: str
    src: str
    tgt: str
    segments: list[SegmentResult]
    output: str
    signature: str
    ms: float

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "src": self.src,
            "tgt": self.tgt,
            "signature": self.signature,
            "ms": round(self.ms, 1),
            "segments": [s.to_dict() for s in self.segments],
            "output": self.output,
        }

    @property
    def test_model(self) -> bool:
        return any(s.test_model for s in self.segments)


def normalize_input(content: str | bytes, what: str = "input") -> str:
    """Decode (UTF-8 only, BOM allowed) and NFC-normalise; refuse empty or huge input."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{what} is not valid UTF-8 (byte 0x{content[exc.start]:02x} at offset {exc.start}); "
                f"convert it to UTF-8 first"
            ) from exc
    if len(content) > MAX_INPUT_CHARS:
        raise TooLargeError(f"{what} is too large: {len(content):,} characters (limit {MAX_INPUT_CHARS:,})")
    content = unicodedata.normalize("NFC", content.lstrip("\ufeff"))
    if not content.strip():
        raise InputError(f"{what} is empty: nothing to translate")
    return content


class Translator:
    """Translates documents with the best installed engine, held to the glossary when one is given."""

    def __init__(
        self,
        settings: Settings | None = None,
        glossary=None,
        decoding: DecodingSettings | None = None,
        model_name: str | None = None,
        term_strategy: str | None = None,
    ) -> None:
        from translate.config import TERM_STRATEGIES

        self.settings = settings or load_settings()
        self.term_strategy = term_strategy or self.settings.term_strategy
        if self.term_strategy not in TERM_STRATEGIES:
            raise InputError(f"unknown term strategy {self.term_strategy!r}; use {' or '.join(TERM_STRATEGIES)}")
        self.glossary = glossary
        self.decoding = decoding or DecodingSettings(beam_size=self.settings.beam_size)
        self.model_name = model_name
        self._engines: dict[tuple[str, str], Engine] = {}

    # -- parsing -------------------------------------------------------------
    def parse(self, content: str | bytes, src: str, kind: str = "html"):
        from translate.text import markup

        text = normalize_input(content)
        if kind == "html":
            return markup.parse_html(text, src)
        if kind == "text":
            return markup.parse_text(text, src)
        raise InputError(f"unknown input kind {kind!r}; use html or text")

    # -- translation ---------------------------------------------------------
    def engine(self, src: str, tgt: str) -> Engine:
        """The engine for a direction, looked up once per Translator (the lookup scans the models folder)."""
        if (src, tgt) not in self._engines:
            self._engines[(src, tgt)] = get_engine(self.settings, src, tgt, self.model_name)
        return self._engines[(src, tgt)]

    def batcher(self, engine: Engine) -> Batcher:
        cache = _caches.setdefault(id(engine), LRUCache())
        return Batcher(engine, self.decoding, max_batch_tokens=self.settings.max_batch_tokens, cache=cache)

    def glossary_version(self) -> int | None:
        return None if self.glossary is None else int(self.glossary.version)

    def signature(self, engine: Engine, src: str, tgt: str) -> str:
        gv = self.glossary_version()
        return "|".join(
            [
                f"songngu:{__version__}",
                f"pair:{src}-{tgt}",
                engine.signature(),
                self.decoding.signature(),
                f"glossary:{'none' if gv is None else f'v{gv}'}",
                f"terms:{self.term_strategy}",
            ]
        )

    def translate_segments(self, segments: list, src: str, tgt: str) -> list[SegmentResult]:
        """Translate parsed segments; every result is checked and signed."""
        from translate.term_placement import hold_by_strategy
        from translate.terms import TermHolder
        from translate.text import align, markup

        check_pair(src, tgt)
        if not segments:
            return []
        engine = self.engine(src, tgt)
        batcher = self.batcher(engine)
        holder = TermHolder(self.glossary, src, tgt)
        texts = [seg.text for seg in segments]
        matches = [holder.find(t) for t in texts]
        constraints = [holder.constraints(m) for m in matches]
        t0 = time.perf_counter()
        outputs = batcher.translate(texts, constraints, with_attention=True)
        per_segment_ms = (time.perf_counter() - t0) * 1000 / len(segments)
        signature = self.signature(engine, src, tgt)
        model = engine.model
        results = []
        held = hold_by_strategy(self.term_strategy, engine, self.decoding, tgt, texts, [h for h, _ in outputs],
                                constraints)
        for seg, found, cons, (_, cached), (hyp, links, placement) in zip(segments, matches, constraints, outputs,
                                                                         held, strict=True):
            target = unicodedata.normalize("NFC", hyp.text)
            spans = align.project_spans(seg.text, seg.spans, target, links) if seg.spans else []
            target, spans = holder.hold(seg.text, target, cons, links, spans, seg.spans)
            target_html = markup.render_inline(target, spans) if seg.kind == "text" else target
            flags = holder.check(seg, target, target_html, found)
            results.append(
                SegmentResult(
                    index=seg.index,
                    block=seg.block,
                    kind=seg.kind,
                    source=seg.text,
                    source_html=seg.html if seg.kind == "text" else seg.text,
                    target=target,
                    target_html=target_html,
                    engine=f"{engine.name}-{engine.version}",
                    model=model.model_id,
                    revision=model.revision,
                    decoding=self.decoding.signature(),
                    glossary_version=self.glossary_version(),
                    signature=signature,
                    ms=round(per_segment_ms, 2),
                    origin="cache" if cached else "mt",
                    test_model=model.test,
                    terms=[holder.term_dict(m) for m in found],
                    flags=flags,
                    term_strategy=self.term_strategy,
                    term_placement=placement,
                )
            )
        return results

    def translate_document(self, content: str | bytes, src: str, tgt: str, kind: str = "html") -> DocumentResult:
        check_pair(src, tgt)
        t0 = time.perf_counter()
        doc = self.parse(content, src, kind)
        segments = self.translate_segments(doc.segments, src, tgt)
        output = doc.rebuild([s.target_html for s in segments])
        engine = self.engine(src, tgt)
        return DocumentResult(
            kind=kind,
            src=src,
            tgt=tgt,
            segments=segments,
            output=output,
            signature=self.signature(engine, src, tgt),
            ms=(time.perf_counter() - t0) * 1000,
        )

    def translate_html(self, html: str | bytes, src: str, tgt: str) -> DocumentResult:
        return self.translate_document(html, src, tgt, "html")

    def translate_text(self, text: str | bytes, src: str, tgt: str) -> DocumentResult:
        return self.translate_document(text, src, tgt, "text")
