"""``songngu evaluate``: BLEU, chrF and TER (sacrebleu) and glossary term accuracy of a model.

Data: a named test set (``--set``, from ``SONGNGU_EVAL_DIR``), a line-aligned file
pair (``--src-file``/``--ref-file``) or the domain dev TSV (``--terms``). Systems:
the configured model with and without the glossary (both by default, compared
with sacrebleu's paired bootstrap), or finished outputs (``--hyp-file``). Scores of
songngu's own translations are kept beside the model for the models page.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from translate.config import load_settings
from translate.errors import InputError

SET_NAMES = ("flores200-devtest", "tatoeba", "iwslt15-tst2012")  # translate.evaluation.testsets.KNOWN_SETS


def _load_sets(set_name, src_file, ref_file, dev_file, src, tgt, limit) -> tuple[list, list[int]]:
    """The evaluation sets the options name, cut to ``limit``, with their full lengths."""
    from translate.engines.select import check_pair
    from translate.evaluate import dev_sets, load_file_pair, load_known_set, read_dev

    given = [name for name, value in (("--set", set_name), ("--src-file/--ref-file", src_file or ref_file),
                                      ("--terms", dev_file)) if value]
    if len(given) != 1:
        raise InputError("name the data with exactly one of --set, --src-file with --ref-file, or --terms"
                         + (f" (got {' and '.join(given)})" if given else ""))
    if bool(src) != bool(tgt):
        raise InputError("give --src and --tgt together")
    if src:
        check_pair(src, tgt)
    if dev_file:
        sets = [s for s in dev_sets(read_dev(dev_file), f"terms:{dev_file.name}")
                if not src or (s.src, s.tgt) == (src, tgt)]
        if not sets:
            raise InputError(f"{dev_file} has no {src}-{tgt} rows")
    else:
        if not src:
            raise InputError("say which direction to evaluate with --src and --tgt")
        if set_name:
            sets = [load_known_set(set_name, src, tgt)]
        else:
            if not (src_file and ref_file):
                raise InputError("--src-file and --ref-file go together: the source and its line-aligned reference")
            sets = [load_file_pair(src_file, ref_file, src, tgt)]
    return [s.head(limit) for s in sets], [len(s) for s in sets]


@click.command("evaluate")
@click.option("--set", "set_name", type=click.Choice(SET_NAMES), help="a known test set under $SONGNGU_EVAL_DIR")
@click.option("--src-file", type=click.Path(path_type=Path), help="line-aligned source text")
@click.option("--ref-file", type=click.Path(path_type=Path), help="its line-aligned reference translation")
@click.option("--terms", "dev_file", type=click.Path(path_type=Path),
              help="dev TSV (id, direction, source, reference, term_ids, expected_targets)")
@click.option("--src", default=None, help="source language (vi or en)")
@click.option("--tgt", default=None, help="target language (en or vi)")
@click.option("--hyp-file", "hyp_files", multiple=True, type=click.Path(path_type=Path),
              help="score this finished output instead of translating (repeat to compare systems)")
@click.option("--glossary/--no-glossary", "use_glossary", default=None,
              help="only with the glossary held / only the engine alone (default: both, side by side)")
@click.option("--model", "model_name", default=None, help="evaluate this installed model instead of the default")
@click.option("--term-strategy", type=click.Choice(["repair", "decode", "both"]), default=None,
              help="how missing glossary terms get in: written over the aligned words (repair), placed by the "
                   "model (decode), or both side by side on the same input (default: SONGNGU_TERM_STRATEGY)")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="only the first N lines (a quick run)")
@click.option("--json", "as_json", is_flag=True, help="print the JSON report instead of the table")
@click.option("--report", "report_path", type=click.Path(path_type=Path), help="also write the JSON report here")
@click.option("--no-save", is_flag=True, help="do not keep the scores beside the model")
def evaluate(set_name, src_file, ref_file, dev_file, src, tgt, hyp_files, use_glossary, model_name, term_strategy,
             limit, as_json: bool, report_path: Path | None, no_save: bool) -> None:
    """Score a model (or finished outputs) with sacrebleu and glossary term accuracy."""
    from models.registry import append_score
    from translate.desk.database import open_glossary
    from translate.evaluate import evaluate_systems, read_system, score_records, translate_set
    from translate.evaluation.report import format_report
    from translate.evaluation.runner import stderr_progress
    from translate.pipeline import Translator

    if hyp_files and (use_glossary is not None or model_name or term_strategy):
        raise InputError("--hyp-file scores finished outputs; --glossary/--no-glossary, --model and "
                         "--term-strategy choose what songngu translates")
    if term_strategy and use_glossary is False:
        raise InputError("--term-strategy says how glossary terms are held; it needs the glossary "
                         "(drop --no-glossary)")
    sets, full_lengths = _load_sets(set_name, src_file, ref_file, dev_file, src, tgt, limit)
    if hyp_files and len(sets) > 1:
        raise InputError("--hyp-file needs one direction: add --src and --tgt")
    settings = load_settings()
    strategies = ["repair", "decode"] if term_strategy == "both" else [term_strategy or settings.term_strategy]
    glossary = open_glossary(settings)  # also the expectation for plain sets: its terms found in the source
    reports, failed = [], False
    for ev, full_length in zip(sets, full_lengths, strict=True):
        if hyp_files:
            systems = [read_system(ev, path, full_length) for path in hyp_files]
        else:
            modes = [False, True] if use_glossary is None else [use_glossary]
            if term_strategy == "both" and use_glossary is None:
                modes = [True]  # the comparison is between the strategies; the engine alone adds nothing
            systems = []
            for held in modes:
                for strategy in strategies if held else strategies[:1]:
                    name = "engine alone" if not held else (
                        f"glossary, {strategy}" if len(strategies) > 1 else "with glossary")
                    translator = Translator(settings, glossary=glossary if held else None, model_name=model_name,
                                            term_strategy=strategy)
                    systems.append(translate_set(ev, translator, name, progress=stderr_progress))
        report = evaluate_systems(ev, systems, glossary)
        if not no_save:
            for root, record in score_records(report, systems, limit):
                append_score(root, record)
        reports.append(report)
        failed |= any(s["glossary"] and s["terms"] and s["terms"]["unflagged_misses"] for s in report["systems"])
    document = {"evaluations": reports}
    if report_path is not None:
        try:
            report_path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write the report to {report_path}: {exc.strerror or exc}") from exc
    if as_json:
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(format_report(r) for r in reports))
    if failed:  # the glossary promises every expected term is in the output or flagged
        click.echo("songngu: unflagged term misses with the glossary held (see the report)", err=True)
        sys.exit(1)
