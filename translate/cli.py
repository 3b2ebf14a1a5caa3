"""The ``songngu`` command line: translate, manage models, benchmark, evaluate.

Errors a user can fix print one line and exit non-zero; tracebacks are for bugs.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from glossary.errors import GlossaryError
from translate.config import load_settings
from translate.errors import SongnguError

EXIT_ERROR = 1


class SongnguGroup(click.Group):
    """Turns user errors raised anywhere below into one-line messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (SongnguError, GlossaryError) as exc:
            click.echo(f"songngu: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=SongnguGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="songngu")
def main() -> None:
    """songngu: Vietnamese<->English translation held to a managed glossary."""
    _quiet_libraries()


def _quiet_libraries() -> None:
    import logging
    import os
    import warnings

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    warnings.filterwarnings("ignore", module="transformers")
    logging.getLogger("transformers").setLevel(logging.ERROR)
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


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


@main.command("translate")
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
    from translate.terms import open_glossary

    return open_glossary(settings)


# -- models -----------------------------------------------------------------
@main.group()
def models() -> None:
    """List, fetch, add, convert and build MT checkpoints."""


@models.command("list")
def models_list() -> None:
    """Show installed checkpoints, where they are, their size and backends."""
    from models.registry import installed_models, load_registry

    settings = load_settings()
    found = installed_models(settings.models_dir)
    click.echo(f"models folder: {settings.models_dir}")
    if not found:
        click.echo("no models installed: run `songngu models fetch` or `songngu models make-test`")
    for m in found:
        label = "TEST (random weights)" if m.test else m.model_id
        click.echo(
            f"{m.name:<18} {m.src}->{m.tgt}  {','.join(m.backends):<25} {m.size_bytes() / 1e6:8.1f} MB  "
            f"rev {m.revision[:12]:<12}  {label}  {m.root}"
        )
    installed = {m.name for m in found}
    for e in load_registry():
        if e.name not in installed and e.repo:
            click.echo(f"{e.name:<18} {e.src}->{e.tgt}  not installed ({e.repo}@{e.revision})")


@models.command("fetch")
@click.argument("names", nargs=-1)
@click.option("--no-convert", is_flag=True)
def models_fetch(names: tuple[str, ...], no_convert: bool) -> None:
    """Download the default checkpoints (or NAMES) from the Hub and convert them."""
    from models.fetch import fetch
    from models.registry import load_registry

    settings = load_settings()
    entries = [e for e in load_registry() if (e.name in names if names else e.default) and e.repo]
    unknown = set(names) - {e.name for e in entries}
    if unknown:
        raise SongnguError(f"not in the registry: {', '.join(sorted(unknown))}")
    for e in entries:
        click.echo(f"fetching {e.repo}@{e.revision} …", err=True)
        root = fetch(e, settings.models_dir, convert=not no_convert)
        click.echo(f"installed {e.name} in {root}")


@models.command("add")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--src", required=True)
@click.option("--tgt", required=True)
@click.option("--name", default=None)
@click.option("--revision", default="local", help="the commit or version the folder came from")
def models_add(folder: Path, src: str, tgt: str, name: str | None, revision: str) -> None:
    """Install a Marian checkpoint folder copied from another machine."""
    from models.fetch import add_local
    from translate.engines.select import check_pair

    check_pair(src, tgt)
    root = add_local(folder, load_settings().models_dir, src, tgt, name, revision)
    click.echo(f"installed {root.name} in {root}")


@models.command("convert")
@click.argument("names", nargs=-1)
def models_convert(names: tuple[str, ...]) -> None:
    """Convert installed checkpoints (all, or NAMES) to CTranslate2 int8."""
    from models.fetch import convert_model
    from models.registry import installed_models

    found = [m for m in installed_models(load_settings().models_dir) if not names or m.name in names]
    missing = set(names) - {m.name for m in found}
    if missing:
        raise SongnguError(f"not installed: {', '.join(sorted(missing))}")
    for m in found:
        convert_model(m.root)
        click.echo(f"converted {m.name} -> {m.ct2_path}")


@models.command("make-test")
@click.option("--no-ct2", is_flag=True, help="skip the CTranslate2 conversion")
def models_make_test(no_ct2: bool) -> None:
    """Build tiny random-weight Marian models for both directions (tests, CI, demos)."""
    from models.testmodels import make_test_models

    for root in make_test_models(load_settings().models_dir, ct2=not no_ct2):
        click.echo(f"built test model {root.name} in {root}")


# -- benchmark & evaluation -------------------------------------------------
@main.command("bench")
@click.option("--quick", is_flag=True, help="smaller model and inputs (a smoke run, not the reported figures)")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("bench/results"), show_default=True)
@click.option("--only", multiple=True, help="run only these parts: engine, matcher, memory")
def bench_cmd(quick: bool, out_dir: Path, only: tuple[str, ...]) -> None:
    """Measure engines, pipeline, glossary matcher and memory; print a table; write JSON."""
    from translate.bench import run_bench

    run_bench(out_dir=out_dir, quick=quick, only=set(only))


def _add_commands() -> None:
    """Command groups that live beside the modules they drive."""
    from glossary.cli import glossary, use_session_factory
    from translate.evaluate import evaluate
    from translate.service_cli import db, tokens, users, worker

    for cmd in (glossary, evaluate, users, tokens, db, worker):
        main.add_command(cmd)
    use_session_factory(_migrated_sessionmaker)


def _migrated_sessionmaker():
    from translate.database import open_database

    return open_database(load_settings()).sessionmaker


_add_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
