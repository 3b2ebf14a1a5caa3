"""``songngu models``: list, fetch, add, convert and build MT checkpoints."""

from __future__ import annotations

from pathlib import Path

import click

from translate.config import load_settings
from translate.errors import SongnguError


@click.group("models")
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
    from huggingface_hub.utils import enable_progress_bars

    from models.fetch import fetch
    from models.registry import load_registry

    enable_progress_bars()  # `songngu` quiets transformers, which also hides the Hub's download bars
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


def _add_adaptation_commands() -> None:
    from cli.model_adaptation import COMMANDS

    for command in COMMANDS:
        models.add_command(command)


_add_adaptation_commands()
