"""Corpus scores and the paired significance test, all computed by sacrebleu itself.

Each figure travels with sacrebleu's own signature (tokeniser, casing, version …)
so that a number can be reproduced with ``sacrebleu REF -i HYP -m bleu chrf ter``;
nothing here re-implements a metric or the bootstrap.
"""

from __future__ import annotations

from collections.abc import Sequence

METRICS = ("bleu", "chrf", "ter")
LABELS = {"bleu": "BLEU", "chrf": "chrF", "ter": "TER"}
BOOTSTRAP_SAMPLES = 1000
SIGNIFICANCE = 0.05


def _metrics(references: Sequence[str] | None = None) -> dict:
    """Fresh sacrebleu metric objects with sacrebleu's defaults (those of its command line)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    refs = None if references is None else [list(references)]
    return {"bleu": BLEU(references=refs), "chrf": CHRF(references=refs), "ter": TER(references=refs)}


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> dict[str, dict]:
    """BLEU, chrF and TER of one system against one reference, each with its sacrebleu signature."""
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses for {len(references)} references")
    out = {}
    for name, metric in _metrics().items():
        score = metric.corpus_score(list(hypotheses), [list(references)])
        out[name] = {"score": round(score.score, 4), "signature": metric.get_signature().format()}
    return out


def paired_bootstrap(baseline: tuple[str, Sequence[str]], systems: list[tuple[str, Sequence[str]]],
                     references: Sequence[str], samples: int = BOOTSTRAP_SAMPLES) -> dict:
    """sacrebleu's paired bootstrap resampling of each system against the baseline.

    Returns, per metric, the test's signature (with seed and resample count) and
    for every system its score, the bootstrap mean with its 95% confidence
    half-width and, for the non-baseline systems, the p-value of the difference.
    """
    from sacrebleu.significance import PairedTest

    named = [(baseline[0], list(baseline[1])), *((n, list(h)) for n, h in systems)]
    metrics = _metrics(references)
    test = PairedTest(named, metrics, references=None, test_type="bs", n_samples=samples)
    signatures, table = test()
    # sacrebleu keys its table by the metric's display name ("BLEU", "chrF2", "TER").
    by_display = {name: key for key in table if key != "System" for name in METRICS
                  if key.lower().startswith(name)}
    result: dict = {"test": "paired bootstrap resampling (sacrebleu)", "samples": test.n_samples,
                    "baseline": baseline[0], "metrics": {}}
    for name in METRICS:
        key = by_display[name]
        rows = []
        base_score = table[key][0].score
        for system_name, res in zip(table["System"], table[key], strict=True):
            p = None if res.p_value is None else round(float(res.p_value), 4)
            diff = res.score - base_score
            rows.append({
                "system": system_name,
                "score": round(res.score, 2),
                "mean": None if res.mean is None else round(float(res.mean), 2),
                "ci95": None if res.ci is None else round(float(res.ci), 2),
                "difference": None if p is None else round(diff, 2),
                "p_value": p,
                # sacrebleu gives p = 1/(n+1) even for equal scores; no difference is never "significant"
                "significant": None if p is None else bool(p < SIGNIFICANCE and abs(diff) > 1e-9),
            })
        result["metrics"][name] = {"signature": signatures[key].format(), "systems": rows}
    return result
