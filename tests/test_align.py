"""Projecting inline markup onto translations: right with a good alignment, valid with any."""

from __future__ import annotations

import json
import random
from pathlib import Path

import lxml.html
import pytest

from translate.text.align import project_range, project_spans, word_alignment
from translate.text.markup import VOID_TAGS, InlineSpan, inline_tag_sequence, parse_html, render_inline


def diagonal(rows: int, cols: int, pairs: list[tuple[int, int]]) -> list[list[float]]:
    matrix = [[0.01] * cols for _ in range(rows)]
    for t, s in pairs:
        matrix[t][s] = 0.9
    return matrix


def covered(text: str, span: InlineSpan) -> str:
    return text[span.start:span.end]


def check_guarantees(source: list[InlineSpan], projected: list[InlineSpan], target: str,
                     lo: int = 0, hi: int | None = None) -> None:
    """Same spans, same order and nesting, inside the parent, disjoint siblings, non-empty if the source was."""
    hi = len(target) if hi is None else hi
    assert len(projected) == len(source)
    previous_end = lo
    for src, out in zip(source, projected, strict=True):
        assert (out.tag, out.attrs) == (src.tag, src.attrs)
        assert lo <= out.start <= out.end <= hi
        assert out.start >= previous_end
        previous_end = out.end
        if src.end > src.start and src.tag not in VOID_TAGS and target.strip():
            assert out.end > out.start, f"{src} became empty in {target!r}"
        check_guarantees(src.children, out.children, target, out.start, out.end)


# ---------------------------------------------------------------- word alignment


def test_word_alignment_aggregates_pieces_to_words() -> None:
    source_text = "Hà Nội là thành phố sáng tạo."
    source_tokens = ["▁Hà", "▁Nội", "▁là", "▁thành", "▁phố", "▁sáng", "▁tạo", ".", "</s>"]
    target_text = "Hanoi is a creative city."
    target_tokens = ["▁Ha", "noi", "▁is", "▁a", "▁creative", "▁city", "."]
    attention = diagonal(len(target_tokens), len(source_tokens), [
        (0, 0), (1, 1),      # Ha|noi <- Hà, Nội
        (2, 2),              # is <- là
        (3, 2),              # a <- là
        (4, 5),              # creative <- sáng
        (5, 3), (6, 7)])     # city <- thành ; "." <- "."  (both "tạo." and "city." hold the dot)
    links = word_alignment(source_text, source_tokens, target_text, target_tokens, attention)
    # target word -> best source word, plus each source word's best target word;
    # "phố" got no attention above the noise floor, so it has no link
    assert links == [(0, 0), (1, 0), (2, 1), (2, 2), (3, 4), (5, 3), (6, 4)]


def test_word_alignment_handles_a_bare_word_start_piece_and_an_eos_row() -> None:
    source_tokens = ["▁“", "Go", "”", "▁now", "</s>"]
    target_tokens = ["▁", "“", "Đi", "”", "▁ngay", "</s>"]
    attention = diagonal(len(target_tokens), len(source_tokens), [(0, 0), (1, 0), (2, 1), (3, 2), (4, 3)])
    assert word_alignment("“Go” now", source_tokens, "“Đi” ngay", target_tokens, attention) == [(0, 0), (1, 1)]


@pytest.mark.parametrize(
    ("source_tokens", "target_text", "attention"),
    [
        (["▁one", "▁two", "</s>"], "một", [[0.5, 0.5, 0.0]]),            # 2 source words for a 3-word text
        (["▁a", "▁b", "▁c", "</s>"], "một hai", [[0.5, 0.5, 0.0, 0.0]]),  # fewer rows than target pieces
        (["▁a", "▁b", "▁c", "</s>"], "một", [[0.5, 0.5]]),               # short row
        (["▁a", "▁b", "▁c", "</s>"], "một", None),
    ],
)
def test_word_alignment_refuses_inputs_that_do_not_line_up(source_tokens, target_text, attention) -> None:
    target_tokens = ["▁" + w for w in target_text.split()]
    if attention is not None and len(attention) == 1 and len(target_tokens) == 2:
        target_tokens = ["▁một", "▁hai"]
    assert word_alignment("a b c", source_tokens, target_text, target_tokens, attention) is None


def test_word_alignment_ignores_padding_and_bad_numbers() -> None:
    attention = [[float("nan"), 0.2, 0.0, 0.7, 0.3], [0.9, float("inf"), -1.0, 0.0, 0.3]]
    links = word_alignment("a b", ["▁a", "▁b", "</s>"], "x y", ["▁x", "▁y"], attention)
    assert links == [(0, 1), (1, 0)]
    assert word_alignment("", ["</s>"], "x", ["▁x"], [[1.0]]) == []


# ---------------------------------------------------------------- projection, exact cases


def test_clean_diagonal_alignment_puts_spans_on_the_translated_words() -> None:
    source = "The UNESCO Creative Cities Network invited member cities to share practices."
    target = "Mạng lưới Các thành phố Sáng tạo UNESCO mời các thành phố thành viên chia sẻ thực tiễn."
    # The Network UNESCO Creative Cities ... -> Mạng lưới | Các thành phố | Sáng tạo | UNESCO
    links = [(0, 2), (1, 7), (2, 5), (2, 6), (3, 2), (3, 3), (3, 4), (4, 0), (4, 1), (5, 8),
             (6, 12), (6, 13), (7, 9), (7, 10), (7, 11), (8, 14), (8, 15), (9, 14), (9, 15), (10, 16)]
    start = source.index("UNESCO")
    link_start = source.index("member")
    spans = [
        InlineSpan("strong", {}, start, start + len("UNESCO Creative Cities Network")),
        InlineSpan("a", {"href": "https://e.org"}, link_start, link_start + len("member cities")),
    ]
    out = project_spans(source, spans, target, links)
    assert [covered(target, s) for s in out] == [
        "Mạng lưới Các thành phố Sáng tạo UNESCO", "các thành phố thành viên"]
    assert render_inline(target, out) == (
        "<strong>Mạng lưới Các thành phố Sáng tạo UNESCO</strong> mời "
        '<a href="https://e.org">các thành phố thành viên</a> chia sẻ thực tiễn.')


def test_monotone_alignment_keeps_nesting_and_void_elements() -> None:
    source = "Read the full report online today."
    target = "Đọc toàn bộ báo cáo trực tuyến hôm nay."
    links = [(0, 0), (1, 1), (2, 1), (2, 2), (3, 3), (3, 4), (4, 5), (4, 6), (5, 7), (5, 8)]
    a = source.index("the")
    spans = [InlineSpan("a", {"href": "/r"}, a, source.index(" online"), [
        InlineSpan("em", {}, source.index("full"), source.index(" report"))]),
        InlineSpan("br", {}, source.index(" today"), source.index(" today"))]
    out = project_spans(source, spans, target, links)
    assert covered(target, out[0]) == "toàn bộ báo cáo"
    assert covered(target, out[0].children[0]) == "toàn bộ"
    assert (out[1].start, out[1].end) == (len("Đọc toàn bộ báo cáo trực tuyến"),) * 2
    assert render_inline(target, out) == (
        'Đọc <a href="/r"><em>toàn bộ</em> báo cáo</a> trực tuyến<br> hôm nay.')


def test_reordering_keeps_source_order_of_siblings() -> None:
    # "red house" -> "nhà đỏ": the alignment crosses, the siblings must not
    source = "a red house"
    target = "một ngôi nhà đỏ"
    links = [(0, 0), (1, 3), (2, 1), (2, 2)]
    spans = [InlineSpan("b", {}, 2, 5), InlineSpan("i", {}, 6, 11)]
    out = project_spans(source, spans, target, links)
    check_guarantees(spans, out, target)
    assert covered(target, out[0]) and covered(target, out[1])
    # a lone span still follows the alignment across the reordering
    assert covered(target, project_spans(source, spans[1:], target, links)[0]) == "ngôi nhà"
    assert covered(target, project_spans(source, spans[:1], target, links)[0]) == "đỏ"


def test_without_alignment_spans_keep_their_relative_position() -> None:
    source = "one two three four five six seven eight"
    target = "một hai ba bốn năm sáu bảy tám"
    spans = [InlineSpan("b", {}, 0, 7), InlineSpan("a", {"href": "/x"}, source.index("seven"), len(source))]
    out = project_spans(source, spans, target, None)
    assert [covered(target, s) for s in out] == ["một hai", "bảy tám"]


def test_spans_stay_non_empty_when_words_run_out() -> None:
    spans = [InlineSpan("b", {}, 0, 1), InlineSpan("i", {}, 2, 3), InlineSpan("u", {}, 4, 5)]
    out = project_spans("a b c", spans, "xyz", [(0, 0), (1, 0), (2, 0)])
    assert [covered("xyz", s) for s in out] == ["x", "y", "z"]
    check_guarantees(spans, out, "xyz")


def test_empty_target_gives_empty_spans_in_range() -> None:
    spans = [InlineSpan("b", {}, 0, 3, [InlineSpan("i", {}, 0, 1)])]
    out = project_spans("abc def", spans, "", None)
    assert (out[0].start, out[0].end, out[0].children[0].start) == (0, 0, 0)


def test_project_range_for_a_glossary_term() -> None:
    source = "Hà Nội là Thành phố Sáng tạo của UNESCO."
    target = "Hanoi is a UNESCO Creative City."
    links = [(0, 0), (1, 0), (2, 1), (3, 5), (4, 5), (5, 4), (6, 4), (7, 3), (8, 3)]
    start = source.index("Thành phố Sáng tạo")
    a, b = project_range(source, start, start + len("Thành phố Sáng tạo"), target, links)
    assert target[a:b] == "Creative City."
    a, b = project_range(source, 0, len("Hà Nội"), target, None)
    assert target[a:b] == "Hanoi"
    assert project_range(source, 0, 6, "", links) == (0, 0)


def test_links_out_of_range_are_ignored() -> None:
    spans = [InlineSpan("b", {}, 0, 3)]
    out = project_spans("abc def", spans, "uvw xyz", [(0, 1), (5, 9), (-1, 0), ("x", 1)])
    assert covered("uvw xyz", out[0]) == "xyz"


# ---------------------------------------------------------------- property-style checks


def random_spans(rng: random.Random, lo: int, hi: int, depth: int = 0) -> list[InlineSpan]:
    spans = []
    pos = lo
    for _ in range(rng.randint(0, 3 if depth == 0 else 2)):
        if pos >= hi:
            break
        start = rng.randint(pos, hi)
        if rng.random() < 0.2:
            spans.append(InlineSpan(rng.choice(["br", "img"]), {"src": "/i.png"}, start, start))
            pos = start
            continue
        end = rng.randint(start, min(hi, start + 25))
        tag = rng.choice(["strong", "em", "a", "b"] if depth == 0 else ["strong", "em", "b", "sup"])
        attrs = {"href": f"/link{rng.randint(0, 9)}"} if tag == "a" else {}
        children = random_spans(rng, start, end, depth + 1) if depth < 2 and end > start else []
        spans.append(InlineSpan(tag, attrs, start, end, children))
        pos = end
    return spans


def on_word_boundaries(target: str, start: int, end: int) -> bool:
    return (start == 0 or target[start - 1] == " ") and (end == len(target) or target[end] == " ")


def check_word_boundaries(spans: list[InlineSpan], target: str, lo: int, hi: int) -> None:
    """Siblings sit on whole words whenever their parent holds at least one word per sibling."""
    words = len(target[lo:hi].split())
    full = [s for s in spans if s.end > s.start]
    if on_word_boundaries(target, lo, hi) and len(full) <= words:
        for span in full:
            assert on_word_boundaries(target, span.start, span.end), (span, target)
    for span in spans:
        check_word_boundaries(span.children, target, span.start, span.end)


def random_sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n))


@pytest.mark.parametrize("seed", range(300))
def test_random_attention_still_gives_valid_markup(seed: int) -> None:
    rng = random.Random(seed)
    vocab_vi = ["Hà", "Nội", "làng", "nghề", "gốm", "Bát", "Tràng", "“sáng", "tạo”", "di", "sản.", "2024,", "x"]
    vocab_en = ["Hanoi", "craft", "village", "pottery", "creative", "heritage.", "UNESCO", "city,", "a", "I"]
    source = random_sentence(rng, vocab_vi, rng.randint(1, 20))
    target = random_sentence(rng, vocab_en, rng.randint(0, 25)) if rng.random() > 0.05 else ""
    src_words, tgt_words = source.split(), target.split()
    source_tokens = [p for w in src_words for p in ("▁" + w[:2], w[2:]) if p] + ["</s>"]
    target_tokens = [p for w in tgt_words for p in ("▁" + w[:3], w[3:]) if p]
    attention = [[rng.random() ** 4 for _ in source_tokens] for _ in target_tokens]
    links = word_alignment(source, source_tokens, target, target_tokens, attention)
    assert links is not None
    assert all(0 <= s < len(src_words) and 0 <= t < len(tgt_words) for s, t in links)
    spans = random_spans(rng, 0, len(source))
    for choice in (links, None, [(rng.randint(-2, 30), rng.randint(-2, 30)) for _ in range(8)]):
        out = project_spans(source, spans, target, choice)
        check_guarantees(spans, out, target)
        html = render_inline(target, out)
        assert inline_tag_sequence(html) == inline_tag_sequence(render_inline(source, spans))
        check_word_boundaries(out, target, 0, len(target))
        a, b = rng.randint(0, len(source)), rng.randint(0, len(source))
        start, end = project_range(source, min(a, b), max(a, b), target, choice)
        assert 0 <= start <= end <= len(target)
        if a != b and target:
            assert end > start


def test_article_markup_survives_projection_onto_reference_sentences(shared_dir: Path) -> None:
    """Real sentences, no alignment: every link and emphasis reaches the translated article intact."""
    for path in sorted((shared_dir / "data" / "articles").glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        target_lang = "en" if article["source_lang"] == "vi" else "vi"
        source = parse_html(article["body_html"], article["source_lang"])
        reference = parse_html(article["reference"]["body_html"], target_lang)
        targets = []
        for src, ref in zip(source.segments, reference.segments, strict=True):
            if src.kind != "text":
                targets.append(ref.text)
                continue
            projected = project_spans(src.text, src.spans, ref.text, None)
            check_guarantees(src.spans, projected, ref.text)
            targets.append(render_inline(ref.text, projected))
        rebuilt = source.rebuild(targets)
        tags = [el.tag for el in lxml.html.fragment_fromstring(rebuilt, create_parent="div").iter()]
        assert tags == [el.tag for el in lxml.html.fragment_fromstring(reference.source, create_parent="div").iter()]
        assert inline_tag_sequence(rebuilt) == inline_tag_sequence(reference.source)
