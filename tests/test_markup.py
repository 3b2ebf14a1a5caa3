"""Documents in, segments out, translated document back: structure and markup must survive."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import lxml.html
import pytest

from translate.errors import InputError, UnknownPairError
from translate.text.markup import (
    InlineSpan,
    ParsedDocument,
    inline_tag_sequence,
    parse_html,
    parse_text,
    render_inline,
    sanitize_html,
)


def canonical(html: str) -> list[tuple]:
    """Tags, attributes and text of an HTML fragment, whitespace ignored: what a reader would see."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    events: list[tuple] = []

    def text(value: str | None) -> None:
        words = " ".join((value or "").split())
        if words:
            if events and events[-1][0] == "text":
                events[-1] = ("text", events[-1][1] + " " + words)
            else:
                events.append(("text", words))

    def walk(el) -> None:
        text(el.text)
        for child in el:
            events.append(("start", child.tag, tuple(sorted(child.attrib.items()))))
            walk(child)
            events.append(("end", child.tag))
            text(child.tail)

    walk(root)
    return events


def identity_targets(doc: ParsedDocument) -> list[str]:
    return [seg.html if seg.kind == "text" else seg.text for seg in doc.segments]


def articles(shared_dir: Path) -> list[dict]:
    paths = sorted((shared_dir / "data" / "articles").glob("*.json"))
    assert paths, "no sample articles"
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


# ---------------------------------------------------------------- sanitising


def test_sanitize_strips_scripts_styles_and_handlers_but_keeps_article_markup() -> None:
    dirty = (
        '<p onclick="steal()" style="color:red">Hello <strong>world</strong>'
        '<script>alert(1)</script><style>p{}</style><!-- note --></p>'
        '<a href="javascript:alert(1)">bad</a> <a href="https://example.org" target="_blank">good</a>'
        '<figure><img src="/a.jpg" alt="A" onerror="x()" width="10"><figcaption>Cap</figcaption></figure>'
        '<iframe src="https://evil"></iframe><table><tr><td colspan="2">c</td></tr></table>'
    )
    clean = sanitize_html(dirty)
    for gone in ("onclick", "style", "script", "alert", "<!--", "onerror", "javascript", "iframe", "target"):
        assert gone not in clean
    assert '<a href="https://example.org" rel="noopener noreferrer">good</a>' in clean
    assert '<img src="/a.jpg" alt="A" width="10">' in clean
    assert "<strong>world</strong>" in clean and "<figcaption>Cap</figcaption>" in clean
    assert '<td colspan="2">c</td>' in clean


def test_sanitize_normalises_to_nfc_and_unwraps_unknown_tags() -> None:
    decomposed = unicodedata.normalize("NFD", "<p>Hà Nội <font>đẹp</font> <span>lắm</span></p>")
    assert sanitize_html(decomposed) == "<p>Hà Nội đẹp lắm</p>"


def test_sanitize_refuses_huge_input() -> None:
    with pytest.raises(InputError, match="too large"):
        sanitize_html("<p>" + "a" * 2_000_001 + "</p>")


# ---------------------------------------------------------------- parsing HTML


def test_blocks_become_sentence_segments_with_inline_spans() -> None:
    doc = parse_html(
        "<h2>Tiêu đề</h2><p>Sáng nay, <strong>TP. Hà Nội</strong> khai mạc lễ hội. "
        'Xem <a href="https://example.org/le-hoi">chi tiết</a>.</p><ul><li>Mục <em>một</em></li><li>Mục hai</li></ul>',
        "vi",
    )
    assert [(s.block, s.kind, s.text) for s in doc.segments] == [
        (0, "text", "Tiêu đề"),
        (1, "text", "Sáng nay, TP. Hà Nội khai mạc lễ hội."),
        (1, "text", "Xem chi tiết."),
        (2, "text", "Mục một"),
        (3, "text", "Mục hai"),
    ]
    strong = doc.segments[1].spans[0]
    assert (strong.tag, doc.segments[1].text[strong.start:strong.end]) == ("strong", "TP. Hà Nội")
    assert doc.segments[2].html == (
        'Xem <a href="https://example.org/le-hoi" rel="noopener noreferrer">chi tiết</a>.')
    assert [s.index for s in doc.segments] == list(range(5))


def test_whitespace_is_collapsed_and_rebuild_joins_sentences_with_one_space() -> None:
    doc = parse_html("<p>\n   First   sentence\n here.\n\n   Second\tone.  </p>", "en")
    assert [s.text for s in doc.segments] == ["First sentence here.", "Second one."]
    assert doc.rebuild(["Câu một.", "Câu hai."]) == "<p>Câu một. Câu hai.</p>"


def test_no_sentence_boundary_inside_an_inline_element() -> None:
    doc = parse_html("<p>Intro. <strong>Bold one. Bold two.</strong> Outro.</p>", "en")
    assert [s.text for s in doc.segments] == ["Intro.", "Bold one. Bold two.", "Outro."]
    assert doc.segments[1].html == "<strong>Bold one. Bold two.</strong>"


def test_image_alt_and_title_are_their_own_segments_and_get_translated() -> None:
    doc = parse_html(
        '<figure>\n <img src="/m/a.jpg" alt="Một  nghệ nhân" title="Gốm" width="600">\n'
        "<figcaption>Nghệ nhân làm gốm. Ảnh: Minh Đức</figcaption></figure>",
        "vi",
    )
    assert [(s.kind, s.text) for s in doc.segments] == [
        ("alt", "Một nghệ nhân"), ("title", "Gốm"), ("text", "Nghệ nhân làm gốm."), ("text", "Ảnh: Minh Đức")]
    out = doc.rebuild(["An artisan", "Pottery", "An artisan makes pottery.", "Photo: Minh Duc"])
    assert canonical(out) == canonical(
        '<figure><img src="/m/a.jpg" alt="An artisan" title="Pottery" width="600">'
        "<figcaption>An artisan makes pottery. Photo: Minh Duc</figcaption></figure>")


def test_images_inside_sentences_and_links_keep_their_place_and_get_translated_alt() -> None:
    doc = parse_html(
        '<p>Nhấn <a href="/map"><img src="/i.png" alt="biểu tượng bản đồ"></a> để xem. Hết.</p>'
        '<a href="/big"><img src="/hero.jpg" alt="Ảnh lớn"></a>', "vi")
    assert [(s.block, s.kind, s.text) for s in doc.segments] == [
        (0, "text", "Nhấn để xem."), (0, "alt", "biểu tượng bản đồ"), (0, "text", "Hết."), (1, "alt", "Ảnh lớn")]
    targets = identity_targets(doc)
    targets[1] = "map icon"
    targets[3] = "Big picture"
    out = doc.rebuild(targets)
    assert 'alt="map icon"' in out and 'alt="Big picture"' in out
    assert canonical(out) == canonical(doc.source.replace("biểu tượng bản đồ", "map icon").replace(
        "Ảnh lớn", "Big picture"))


def test_line_breaks_and_nested_inline_elements_round_trip() -> None:
    doc = parse_html("<p>Line one.<br>Line two <strong>bold <em>and italic</em></strong> end.</p>", "en")
    assert doc.segments[1].html == "Line two <strong>bold <em>and italic</em></strong> end."
    assert canonical(doc.rebuild(identity_targets(doc))) == canonical(doc.source)


def test_text_directly_in_containers_is_translated_in_place() -> None:
    doc = parse_html(
        "<div>Loose text. <p>Paragraph.</p> Tail text.</div><section>Section <u>text</u>.</section>"
        "<table><tr><th>Head</th><td>Cell one. Cell two.</td></tr></table><blockquote>Quote <p>inside</p></blockquote>",
        "en")
    assert [s.text for s in doc.segments] == [
        "Loose text.", "Paragraph.", "Tail text.", "Section text.", "Head", "Cell one.", "Cell two.", "Quote", "inside"]
    out = doc.rebuild([f"T{i}." for i in range(len(doc.segments))])
    assert canonical(out) == canonical(
        "<div>T0. <p>T1.</p> T2.</div><section>T3.</section>"
        "<table><tbody><tr><th>T4.</th><td>T5. T6.</td></tr></tbody></table><blockquote>T7. <p>T8.</p></blockquote>")


def test_malformed_html_is_repaired_not_rejected() -> None:
    doc = parse_html("<p>Hello <b>world<p>Second <i>para", "en")
    assert [s.text for s in doc.segments] == ["Hello world", "Second para"]
    out = doc.rebuild(identity_targets(doc))
    assert out.count("<p>") == out.count("</p>") == 2
    assert canonical(out) == canonical(doc.source)


@pytest.mark.parametrize("html", ["", "   ", "<p> </p><img src='/a.png'>", "<script>x()</script>", "<br><br>"])
def test_html_without_text_is_a_clear_user_error(html: str) -> None:
    with pytest.raises(InputError, match="no translatable text"):
        parse_html(html, "vi")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UnknownPairError):
        parse_html("<p>Bonjour.</p>", "fr")


def test_rebuild_sanitises_target_fragments() -> None:
    doc = parse_html("<p>Một <strong>hai</strong>.</p>", "vi")
    out = doc.rebuild(['One <strong onclick="x()">two</strong><script>bad()</script><p>para</p> &amp; <b>three'])
    assert "onclick" not in out and "script" not in out and "bad()" not in out
    assert out == "<p>One <strong>two</strong>para &amp; <b>three</b></p>"


def test_rebuild_needs_one_target_per_segment() -> None:
    doc = parse_html("<p>One. Two.</p>", "en")
    with pytest.raises(InputError, match="2"):
        doc.rebuild(["Một."])


def test_translated_text_with_markup_characters_is_escaped() -> None:
    doc = parse_html('<p>A &amp; B.</p><img src="/x.png" alt="x">', "en")
    assert doc.segments[0].text == "A & B."
    out = doc.rebuild(["A &amp; B &lt;3.", 'ảnh "x" <b>'])
    assert out == '<p>A &amp; B &lt;3.</p><img src="/x.png" alt="ảnh &quot;x&quot; &lt;b&gt;">'


def test_articles_round_trip(shared_dir: Path) -> None:
    for article in articles(shared_dir):
        doc = parse_html(article["body_html"], article["source_lang"])
        assert doc.segments
        assert all(s.text == s.text.strip() and "  " not in s.text for s in doc.segments)
        rebuilt = doc.rebuild(identity_targets(doc))
        assert canonical(rebuilt) == canonical(sanitize_html(article["body_html"]))


def test_reference_translations_rebuild_into_the_reference_article(shared_dir: Path) -> None:
    """The sample references are sentence-parallel: source segmentation + reference sentences = reference."""
    for article in articles(shared_dir):
        target_lang = "en" if article["source_lang"] == "vi" else "vi"
        source = parse_html(article["body_html"], article["source_lang"])
        reference = parse_html(article["reference"]["body_html"], target_lang)
        assert [(s.block, s.kind) for s in source.segments] == [(s.block, s.kind) for s in reference.segments]
        for src, ref in zip(source.segments, reference.segments, strict=True):
            assert inline_tag_sequence(src.html) == inline_tag_sequence(ref.html)
        rebuilt = source.rebuild(identity_targets(reference))
        assert canonical(rebuilt) == canonical(reference.source)


# ---------------------------------------------------------------- inline rendering


def test_render_inline_nests_escapes_and_keeps_attributes() -> None:
    text = "Tom & Jerry <3 cats"
    spans = [
        InlineSpan("a", {"href": 'https://x.org/?a=1&b="2"', "title": "T"}, 0, 11,
                   [InlineSpan("em", {}, 6, 11)]),
        InlineSpan("br", {}, 11, 11),
    ]
    assert render_inline(text, spans) == (
        '<a href="https://x.org/?a=1&amp;b=&quot;2&quot;" title="T">Tom &amp; <em>Jerry</em></a>'
        "<br> &lt;3 cats")


def test_render_inline_never_produces_overlapping_tags() -> None:
    spans = [InlineSpan("b", {}, 0, 6, [InlineSpan("i", {}, 4, 20)]), InlineSpan("u", {}, 3, 9)]
    html = render_inline("abcdefghij", spans)
    assert html == "<b>abcd<i>ef</i></b><u>ghi</u>j"


def test_render_inline_rejects_tag_names_that_would_inject_markup() -> None:
    with pytest.raises(ValueError):
        render_inline("x", [InlineSpan("b onmouseover=alert(1)", {}, 0, 1)])


def test_inline_tag_sequence() -> None:
    fragment = 'Xem <strong>gốm</strong> tại <a href="https://e.org" rel="noopener">đây</a><br><img src="/a.png">'
    assert inline_tag_sequence(fragment) == ["strong", "a[href=https://e.org]", "br", "img[src=/a.png]"]
    assert inline_tag_sequence("plain text & more") == []
    assert inline_tag_sequence("") == []


# ---------------------------------------------------------------- plain text


def test_plain_text_keeps_lines_and_blank_lines_exactly() -> None:
    text = "Tiêu đề bài viết\n\n  Đoạn một. Câu hai.\r\nDòng   tiếp theo.  \n\n\nĐoạn cuối"
    doc = parse_text(text, "vi")
    assert [(s.block, s.text) for s in doc.segments] == [
        (0, "Tiêu đề bài viết"), (1, "Đoạn một."), (1, "Câu hai."), (2, "Dòng tiếp theo."), (3, "Đoạn cuối")]
    assert doc.kind == "text"
    assert doc.rebuild([s.text for s in doc.segments]) == text.replace("Dòng   tiếp", "Dòng tiếp")
    assert doc.rebuild(["Title", "Para one.", "Sentence\ntwo.", "Next line.", "Last"]) == (
        "Title\n\n  Para one. Sentence two.\r\nNext line.  \n\n\nLast")


def test_plain_text_is_normalised_to_nfc() -> None:
    doc = parse_text(unicodedata.normalize("NFD", "Hà Nội đẹp."), "vi")
    assert doc.segments[0].text == "Hà Nội đẹp."
    assert doc.segments[0].html == "Hà Nội đẹp."


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_empty_plain_text_is_a_user_error(text: str) -> None:
    with pytest.raises(InputError, match="no translatable text"):
        parse_text(text, "en")
