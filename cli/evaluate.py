"""``songngu evaluate``: term accuracy of glossary-held translation on a dev set."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from translate.config import load_settings


@click.command("evaluate")
@click.option("--terms", "dev_file", type=click.Path(path_type=Path), required=True,
              help="dev TSV (id, direction, source, reference, term_ids, expected_targets)")
@click.option("--no-glossary", is_flag=True, help="measure the engine alone")
@click.option("--json", "as_json", is_flag=True)
def evaluate(dev_file: Path, no_glossary: bool, as_json: bool) -> None:
    """Term accuracy of glossary-held translation on a dev set (0 unflagged misses expected)."""
    from translate.desk.database import open_glossary
    from translate.evaluate import evaluate_terms, read_dev
    from translate.pipeline import Translator

    settings = load_settings()
    glossary = None if no_glossary else open_glossary(settings)
    report = evaluate_terms(read_dev(dev_file), Translator(settings, glossary=glossary))
    data = report.to_dict()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(f"rows {data['rows']}, expected terms {data['expected_terms']}")
        click.echo(f"held without a flag   {data['held_without_flag']:5d}  ({data['held_share']:.1%})")
        click.echo(f"missing but flagged   {data['flagged']:5d}")
        click.echo(f"UNFLAGGED misses      {data['unflagged_misses']:5d}")
        click.echo(f"present or flagged    {data['covered_share']:.1%}")
        for pair, b in data["bleu"].items():
            click.echo(f"{pair}: BLEU {b['bleu']}  chrF {b['chrf']}  ({b['signature']})")
        for sig in data["signatures"]:
            click.echo(f"signature: {sig}")
    if data["unflagged_misses"]:
        sys.exit(1)
