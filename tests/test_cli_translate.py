"""`songngu translate` end to end on the test models, and its one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main
from translate.text.markup import inline_tag_sequence, parse_html

pytestmark = pytest.mark.slow


def run(args: list[str], stdin: bytes | str | None = None):
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


def _tags(html: str) -> list[str]:
    import lxml.html

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [(el.tag, tuple(sorted((k, v) for k, v in el.attrib.items() if k not in ("alt", "title"))))
            for el in root.iter() if el is not root]


def test_html_article_keeps_tags_and_signs_every_segment(models_env: Path, shared_dir: Path, tmp_path: Path) -> None:
    article = json.loads((shared_dir / "data/articles/vi-04-nghe-thu-cong.json").read_text(encoding="utf-8"))
    src_file = tmp_path / "article.html"
    src_file.write_text(article["body_html"], encoding="utf-8")
    html_out = run(["translate", "--src", "vi", "--tgt", "en", "--format", "html", "--no-glossary", str(src_file)])
    assert html_out.exit_code == 0, html_out.output
    assert "TEST model" in html_out.stderr
    from translate.text.markup import sanitize_html

    assert _tags(html_out.stdout) == _tags(sanitize_html(article["body_html"]))
    as_json = run(["translate", "--src", "vi", "--tgt", "en", "--format", "json", str(src_file)])
    assert as_json.exit_code == 0, as_json.output
    doc = json.loads(as_json.stdout)
    parsed = parse_html(article["body_html"], "vi")
    assert [s["source"] for s in doc["segments"]] == [s.text for s in parsed.segments]
    for seg, src in zip(doc["segments"], parsed.segments, strict=True):
        assert seg["target"].strip()
        assert seg["engine"].startswith("ctranslate2-") and seg["model"] == "test-vi-en"
        assert seg["revision"].startswith("random-seed") and seg["test_model"] is True
        assert "beam:4" in seg["decoding"] and "glossary:v" in seg["signature"]
        assert inline_tag_sequence(seg["target_html"]) == inline_tag_sequence(src.html)
    assert _tags(doc["output"]) == _tags(sanitize_html(article["body_html"]))


def test_plain_text_paragraphs_stay_paragraphs(models_env: Path) -> None:
    text = "Hà Nội là Thành phố Sáng tạo. Làng gốm Bát Tràng rất đẹp.\n\nNghề sơn mài đòi hỏi sự kiên nhẫn.\n"
    res = run(["translate", "--src", "vi", "--tgt", "en", "--no-glossary", "-"], text.encode())
    assert res.exit_code == 0, res.output
    paragraphs = res.stdout.strip("\n").split("\n\n")
    assert len(paragraphs) == 2 and all(p.strip() and "\n" not in p for p in paragraphs)
    as_json = json.loads(run(["translate", "--src", "vi", "--tgt", "en", "--format", "json", "--no-glossary", "-"],
                             text.encode()).stdout)
    assert len(as_json["segments"]) == 3 and as_json["kind"] == "text"


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--src", "vi", "--tgt", "fr"], "Xin chào", "unsupported language pair vi->fr"),
        (["--src", "vi", "--tgt", "en"], "   \n\n", "empty"),
        (["--src", "vi", "--tgt", "en"], "Xin ch\xe0o".encode("latin-1"), "not valid UTF-8"),
        (["--src", "vi", "--tgt", "en", "/nonexistent/file.txt"], None, "cannot read /nonexistent/file.txt"),
    ],
)
def test_bad_input_gives_one_line_error(models_env: Path, args, stdin, message: str) -> None:
    res = run(["translate", *args], stdin)
    assert res.exit_code == 1
    assert message in res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert res.stdout == ""


def test_missing_model_is_a_one_line_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SONGNGU_MODELS_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    res = run(["translate", "--src", "en", "--tgt", "vi", "--no-glossary", "-"], "Hello.")
    assert res.exit_code == 1
    assert "no en->vi model installed" in res.stderr and "songngu models fetch" in res.stderr
    assert "Traceback" not in res.stderr


def test_models_list_shows_test_models(models_env: Path) -> None:
    res = run(["models", "list"])
    assert res.exit_code == 0
    assert "test-vi-en" in res.stdout and "TEST (random weights)" in res.stdout and "ctranslate2" in res.stdout


def test_real_cli_process_exits_non_zero_without_traceback(models_env: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "cli", "translate", "--src", "xx", "--tgt", "en"],
                          input=b"hi", capture_output=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.decode().strip().startswith("songngu: error: unsupported language pair xx->en")
    assert b"Traceback" not in proc.stderr


def test_text_in_html_out_gives_one_paragraph_per_paragraph(models_env: Path) -> None:
    text = "Dòng một.\nDòng hai.\n\n\nĐoạn ba."
    res = run(["translate", "--src", "vi", "--tgt", "en", "--format", "html", "--no-glossary", "-"], text.encode())
    assert res.exit_code == 0, res.output
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 2 and all(x.startswith("<p>") and x.endswith("</p>") for x in lines)
    assert lines[0].count("<br>") == 1 and "<p><br>" not in res.stdout
