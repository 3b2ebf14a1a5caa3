"""The evaluation report as a table a person reads in a terminal (the JSON is the full record)."""

from __future__ import annotations

from translate.evaluation.scoring import LABELS, METRICS


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def format_report(report: dict) -> str:
    """Scores and term accuracy per system, the signatures, and the paired test when there is one."""
    lines = [f"{report['set']}  {report['src']}->{report['tgt']}  {report['lines']:,} lines  "
             f"(preparation: {report['preparation']}; {report['normalisation']})"]
    width = max(14, *(len(s["name"]) for s in report["systems"]))
    header = f"  {'system':<{width}}  {'BLEU':>6}  {'chrF':>6}  {'TER':>6}"
    has_terms = report["terms_expected_from"] is not None
    if has_terms:
        header += f"  {'terms':>6}  {'held':>6}  {'flagged':>7}  {'UNFLAGGED':>9}  {'held %':>7}"
    has_run = any(s.get("seconds") is not None for s in report["systems"])
    if has_run:
        header += f"  {'model score':>11}  {'time s':>7}"
    lines.append(header)
    for s in report["systems"]:
        row = f"  {s['name']:<{width}}" + "".join(f"  {s['scores'][m]['score']:6.2f}" for m in METRICS)
        t = s["terms"]
        if t is not None:
            flagged = str(t["flagged"]) if t["flags_known"] else "n/a"
            row += (f"  {t['expected']:6d}  {t['held_without_flag']:6d}  {flagged:>7}  {t['unflagged_misses']:9d}"
                    f"  {_pct(t['held_share']):>7}")
        if has_run:
            score = s.get("model_score")
            seconds = s.get("seconds")
            row += (f"  {'-' if score is None else f'{score:.3f}':>11}"
                    f"  {'-' if seconds is None else f'{seconds:.2f}':>7}")
        lines.append(row)
    if has_terms:
        lines.append(f"  terms expected: {report['terms_expected_from']}")
    for s in report["systems"]:
        placed = s.get("segments_placed_by")
        if s.get("term_strategy") and placed:
            lines.append(f"  {s['name']}: segments with a missing term placed by "
                         + ", ".join(f"{k}: {v}" for k, v in sorted(placed.items())))
    if has_run:
        lines.append("  model score: mean log-probability per piece of the final outputs (higher is better)")
    first = report["systems"][0]["scores"]
    lines.append("sacrebleu signatures:")
    lines.extend(f"  {LABELS[m]:<5} {first[m]['signature']}" for m in METRICS)
    lines.append("made by:")
    for s in report["systems"]:
        lines.append(f"  {s['name']}: {s['songngu_signature'] or 'file ' + str(s['file'])}")
    comparison = report.get("comparison")
    if comparison:
        lines.append(f"{comparison['test']}, {comparison['samples']} resamples, "
                     f"baseline: {comparison['baseline']}")
        for m in METRICS:
            block = comparison["metrics"][m]
            for row in block["systems"]:
                if row["p_value"] is None:
                    verdict = "(baseline)"
                else:
                    verdict = f"{row['difference']:+.2f}, p = {row['p_value']:.4f}, " + (
                        "significant at 0.05" if row["significant"] else
                        "no difference" if abs(row["difference"]) < 0.005 else "not significant")
                lines.append(f"  {LABELS[m]:<5} {row['system']:<{width}}  {row['score']:6.2f}  "
                             f"(mean {row['mean']:.2f} ± {row['ci95']:.2f})  {verdict}")
            lines.append(f"        {block['signature']}")
    return "\n".join(lines)
