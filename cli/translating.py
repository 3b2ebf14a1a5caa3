"""``songngu translate``: text or an HTML fragment from a file or stdin, held to the glossary."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from translate.config import load_settings
from translate.errors import SongnguError


def detect_kind(name: str | None, content: str) -> str:
    """html or text, from the file name, else from whether the content starts with a tag."""
    if name:
        suffix = Path(name).suffix.lower()
        if suffix in (".html", ".htm", ".xhtml"):
            return "html"
        if suffix in (".txt", ".text", ".md"):
            return "text"
    head = content.lstrip()[:200].lower()
    return "html" if re.match(r"<(!doctype|html|body|p|div|h[1-6]|ul|ol|figure|section|article|blockquote|table)\b", head) else "text"


def _read_input(file: str) -> tuple[str | None, bytes]:
    if file == "-":
        return None, sys.stdin.buffer.read()
    path = Path(file)
    try:
        return file, path.read_bytes()
    except OSError as exc:
        raise SongnguError(f"cannot read {file}: {exc.strerror or exc}") from exc


def _note_test_model(result) -> None:
    models = sorted({s.model for s in result.segments if s.test_model})
    if models:
        click.echo(
            f"songngu: note: translated with TEST model(s) {', '.join(models)} "
            f"(random weights: the output is nonsense); install real models with `songngu models fetch`",
            err=True,
        )


@click.command("translate")
@click.option("--src", required=True, help="source language (vi or en)")
@click.option("--tgt", required=True, help="target language (en or vi)")
@click.option("--input", "input_kind", type=click.Choice(["auto", "text", "html"]), default="auto", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "html", "json"]), default=None,
              help="output: the same kind as the input (default), or json with one object per segment")
@click.option("--no-glossary", is_flag=True, help="translate without holding glossary terms (to compare)")
@click.option("--model", "model_name", default=None, help="installed model name (see `songngu models list`)")
@click.argument("file", default="-")
def translate_cmd(src: str, tgt: str, input_kind: str, fmt: str | None, no_glossary: bool,
                  model_name: str | None, file: str) -> None:
    """Translate text or an HTML fragment from FILE (or stdin)."""
    from translate.engines.select import check_pair
    from translate.pipeline import Translator, normalize_input

    src, tgt = src.strip().lower(), tgt.strip().lower()
    check_pair(src, tgt)
    name, raw = _read_input(file)
    content = normalize_input(raw, name or "standard input")
    kind = detect_kind(name, content) if input_kind == "auto" else input_kind
    settings = load_settings()
    glossary = None if no_glossary else _glossary(settings)
    translator = Translator(settings, glossary=glossary, model_name=model_name)
    result = translator.translate_document(content, src, tgt, kind)
    _note_test_model(result)
    fmt = fmt or kind
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == kind:
        click.echo(result.output)
    elif fmt == "text":  # html in, text out: the plain translated text, one block per line
        click.echo("\n".join(s.target for s in result.segments))
    else:  # text in, html out: each paragraph a <p>, lines kept with <br>
        import html

        paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", result.output) if p.strip()]
        click.echo("\n".join("<p>" + "<br>".join(html.escape(x) for x in p.split("\n")) + "</p>" for p in paragraphs))


def _glossary(settings):
    from translate.desk.database import open_glossary

    return open_glossary(settings)
