"""One adaptation run in the MT core: train, convert, score against the current model, install a revision.

Everything is written into a staging folder that no loader reads
(``models.revisions``); only when the weights, the CTranslate2 conversion, the
held-out scores and the manifest are all there is the folder renamed into place.
A crash or a cancel at any point removes the staging folder and leaves the
models as they were. Installing a revision never makes it the default: that
takes an admin's ``accept``, and only for a revision that scored better.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from models.registry import InstalledModel, append_score
from models.revisions import new_revision_id, publish_staging, staging_folder
from translate.adaptation.data import Dataset, Pair
from translate.adaptation.train import TrainConfig, fine_tune
from translate.config import Settings
from translate.errors import SongnguError
from translate.pipeline import Translator

# (stage, done, total, detail): stages are training, converting, evaluating, installing.
Report = Callable[[str, int, int, dict], None]


def adapt_model(current: InstalledModel, dataset: Dataset, config: TrainConfig, settings: Settings, *,
                glossary=None, revision: str | None = None, report: Report | None = None,
                requested_by: str | None = None) -> dict:
    """Fine-tune ``current`` on ``dataset`` and install the result as a new revision; returns its manifest."""
    from models.fetch import convert_model
    from models.registry import write_manifest

    if not current.has_hf:
        raise SongnguError(f"{current.name} has no Marian checkpoint (hf/) to fine-tune; only a CTranslate2 "
                           f"conversion. Install the checkpoint with `songngu models add`")
    if not dataset.train or not dataset.heldout:
        raise SongnguError("adaptation needs training pairs and held-out pairs from at least two articles")
    revision = revision or new_revision_id()
    say = report or (lambda *_: None)
    staging = staging_folder(current, revision)
    try:
        started = datetime.now(UTC)
        provenance = {
            "name": current.name, "src": current.src, "tgt": current.tgt, "test": current.test,
            "repo": current.repo, "revision": revision, "complete": False,
            "base": {"name": current.name, "revision": current.revision, "model_id": current.model_id},
        }
        write_manifest(staging, **provenance)
        result = fine_tune(current.hf_path, staging / "hf", dataset.train, dataset.heldout, config,
                           progress=lambda step, total, point: say("training", step, total, point))
        say("converting", 0, 1, {})
        convert_model(staging)
        candidate = replace(current, root=staging, revision=revision, manifest=provenance)
        say("evaluating", 0, 1, {})
        evaluation = compare_on_heldout(current, candidate, dataset.heldout, settings, glossary)
        say("installing", 0, 1, {})
        manifest = {
            **provenance,
            "note": "adapted from approved post-edits with `songngu models adapt`",
            "adaptation": {
                "data": dataset.describe(), "config": config.to_dict(), "training": result.to_dict(),
                "started_at": started.isoformat(timespec="seconds"),
                "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "requested_by": requested_by,
            },
            "evaluation": evaluation,
        }
        final = publish_staging(staging, manifest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    manifest["root"] = str(final)
    return manifest


def compare_on_heldout(current: InstalledModel, candidate: InstalledModel, heldout: list[Pair],
                       settings: Settings, glossary=None) -> dict:
    """Both models translate the held-out articles with the glossary held; sacrebleu scores and compares.

    ``better`` is what ``accept`` requires: a higher chrF without a lower BLEU. The
    paired bootstrap's p-values are kept for the admin deciding; with a few dozen
    held-out sentences a real gain is often not yet significant.
    """
    from translate.engines.select import choose_backend, get_engine, load_engine
    from translate.evaluation.runner import evaluate_systems, score_records, translate_set
    from translate.evaluation.testsets import EvalSet

    ev = EvalSet("adaptation-heldout", current.src, current.tgt, [p.source for p in heldout],
                 [p.target for p in heldout], ids=[p.group for p in heldout], preparation="none (as approved)")
    old_engine = get_engine(settings, current.src, current.tgt, f"{current.name}@{current.revision}")
    new_engine = load_engine(candidate, choose_backend(candidate, settings.engine), settings.device,
                             settings.threads)
    systems = [translate_set(ev, FixedEngineTranslator(old_engine, settings, glossary), "current"),
               translate_set(ev, FixedEngineTranslator(new_engine, settings, glossary), "adapted")]
    report = evaluate_systems(ev, systems, glossary)
    for root, record in score_records(report, systems, None):
        append_score(root, record)
    old, new = (row["scores"] for row in report["systems"])
    better = new["chrf"]["score"] > old["chrf"]["score"] and new["bleu"]["score"] >= old["bleu"]["score"]
    summary = {name: {m: row["scores"][m]["score"] for m in ("bleu", "chrf", "ter")}
               for name, row in zip(("current", "adapted"), report["systems"], strict=True)}
    for name, row in zip(("current", "adapted"), report["systems"], strict=True):
        terms = row["terms"]
        summary[name]["terms_held"] = None if not terms else terms["held_without_flag"]
        summary[name]["terms_expected"] = None if not terms else terms["expected"]
    p_values = {m: block["systems"][1]["p_value"] for m, block in (report["comparison"] or {}).get(
        "metrics", {}).items()}
    return {"better": better, "rule": "chrF higher and BLEU not lower on the held-out articles",
            "lines": len(ev), "scores": summary, "p_values": p_values,
            "compared_with": {"name": current.name, "revision": current.revision}, "report": report}


class FixedEngineTranslator(Translator):
    """A Translator bound to one loaded engine: a revision still in staging has no name to look up."""

    def __init__(self, engine, settings: Settings, glossary=None) -> None:
        super().__init__(settings, glossary=glossary)
        self.fixed_engine = engine

    def engine(self, src: str, tgt: str):
        return self.fixed_engine
