"""Translate a test set with songngu (or take finished outputs), score each system, compare them.

A *system* is one way of producing the hypotheses: the configured model with the
glossary held, the same model alone, or a file of outputs made elsewhere. Every
system of a report is scored on the same lines against the same references, and
when there are two or more, sacrebleu's paired bootstrap says how sure a
difference is.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from translate.evaluation.scoring import METRICS, corpus_scores, paired_bootstrap
from translate.evaluation.testsets import EvalSet, Expected, check_aligned, read_lines

# The flags that mean "this term is not as the glossary says" for the segment's reader.
TERM_CHECKS = frozenset({"missing_term", "forbidden_term", "dnt_altered"})
CHUNK_SEGMENTS = 256
MISSES_KEPT = 20
MAX_SCORED_PIECES = 500  # Marian models have 512 positions


@dataclass
class SystemOutput:
    """The hypotheses of one system, one per line, with what is known about how they were made."""

    name: str
    hypotheses: list[str]
    flagged: list[set[int]] | None = None  # entries flagged per line; None: not known (a file)
    signature: str | None = None  # songngu's signature of what translated
    glossary: bool | None = None
    model: object | None = None  # models.registry.InstalledModel when songngu translated
    engine: str | None = None
    source_file: str | None = None
    extra: dict = field(default_factory=dict)

    def describe(self) -> dict:
        model = self.model
        return {
            "name": self.name,
            "kind": "songngu" if model is not None else "file",
            "glossary": self.glossary,
            "songngu_signature": self.signature,
            "model": None if model is None else {
                "name": model.name, "id": model.model_id, "revision": model.revision, "test": model.test,
                "engine": self.engine},
            "file": self.source_file,
        }


def translate_set(ev: EvalSet, translator, name: str,
                  progress: Callable[[str], None] | None = None) -> SystemOutput:
    """Translate every line (blank lines stay blank), batched across lines, keeping flags per line."""
    segments, owner = [], []
    for i, line in enumerate(ev.sources):
        if line.strip():
            parsed = translator.parse(line, ev.src, "text")
            segments.extend(parsed.segments)
            owner.extend([i] * len(parsed.segments))
    results = []
    translator.engine(ev.src, ev.tgt)  # load the model first: the time is the translating, not the loading
    t0 = time.perf_counter()
    for start in range(0, len(segments), CHUNK_SEGMENTS):
        results.extend(translator.translate_segments(segments[start:start + CHUNK_SEGMENTS], ev.src, ev.tgt))
        if progress is not None:
            progress(f"{name}: {min(start + CHUNK_SEGMENTS, len(segments))}/{len(segments)} segments")
    seconds = time.perf_counter() - t0
    parts: list[list[str]] = [[] for _ in ev.sources]
    flagged: list[set[int]] = [set() for _ in ev.sources]
    for i, res in zip(owner, results, strict=True):
        parts[i].append(res.target)
        flagged[i].update(f.get("entry") for f in res.flags if f.get("check") in TERM_CHECKS)
    engine = translator.engine(ev.src, ev.tgt)
    placed: dict[str, int] = {}
    for res in results:
        if res.term_placement:
            by = res.term_placement["placed_by"]
            placed[by] = placed.get(by, 0) + 1
    extra = {"seconds": round(seconds, 3), "model_score": model_score(engine, results),
             "term_strategy": translator.term_strategy if translator.glossary is not None else None,
             "segments_placed_by": placed}
    return SystemOutput(name, [" ".join(p) for p in parts], flagged,
                        signature=translator.signature(engine, ev.src, ev.tgt),
                        glossary=translator.glossary is not None, model=engine.model,
                        engine=f"{engine.name}-{engine.version}", extra=extra)


def model_score(engine, results: list) -> float | None:
    """The model's mean length-normalised log-probability of the final outputs (terms held and all).

    How much the model itself likes what was delivered: a term forced over its words
    typically costs more here than one the model placed. None if the engine cannot score.
    """
    from translate.errors import EngineError

    pairs = [(engine.tokenize(r.source), engine.target_pieces(r.target)) for r in results if r.target.strip()]
    # A long sentence translated in pieces can outgrow the model's positions: it is left out, not cut.
    pairs = [(s, t) for s, t in pairs if len(s) <= MAX_SCORED_PIECES and len(t) < MAX_SCORED_PIECES]
    if not pairs:
        return None
    try:
        scores = engine.score_batch([s for s, _ in pairs], [t for _, t in pairs])
    except EngineError:
        return None
    return round(sum(scores) / len(scores), 4)


def read_system(ev: EvalSet, path: Path, full_length: int | None = None) -> SystemOutput:
    """Finished outputs from a file, line-aligned with the set.

    A file for the whole set (``full_length`` lines) is cut to the lines a
    ``--limit`` run keeps.
    """
    hyps = read_lines(path, "hypothesis file")
    if full_length is not None and len(hyps) == full_length:
        hyps = hyps[:len(ev)]
    check_aligned(f"the {ev.name} set", len(ev), hyps, path)
    return SystemOutput(path.name, hyps, None, source_file=str(path))


def expectations(ev: EvalSet, glossary) -> list[list[Expected]] | None:
    """Which target terms each line must hold: as the data says, else the glossary terms in the source.

    Forms the glossary accepts for an expected entry count too. None when neither
    the data nor a glossary says anything.
    """
    matcher = glossary.matcher(ev.src, ev.tgt) if glossary is not None else None
    if ev.expected is None and matcher is None:
        return None
    out = []
    for n, line in enumerate(ev.sources):
        found: dict[int, tuple[str, ...]] = {}
        if matcher is not None and line.strip():
            for m in matcher.find(line):
                found.setdefault(m.entry_id, tuple(m.targets))
        if ev.expected is not None:
            out.append([Expected(e.entry, (*e.forms, *found.get(e.entry, ()))) for e in ev.expected[n]])
        else:
            out.append([Expected(entry, forms) for entry, forms in found.items()])
    return out


def term_accuracy(ev: EvalSet, expected: list[list[Expected]], system: SystemOutput) -> dict:
    """Expected terms present without a flag, missing but flagged, and missing unflagged."""
    from glossary.matcher import find_in_target

    held = flagged = unflagged = total = 0
    misses = []
    for n, (terms, hyp) in enumerate(zip(expected, system.hypotheses, strict=True)):
        flags = system.flagged[n] if system.flagged is not None else set()
        for term in terms:
            total += 1
            present = bool(find_in_target(hyp, term.forms, ev.tgt))
            if present and term.entry not in flags:
                held += 1
            elif term.entry in flags:
                flagged += 1
            else:
                unflagged += 1
                if len(misses) < MISSES_KEPT:
                    misses.append({"line": n + 1, "id": ev.ids[n] if ev.ids else None, "entry": term.entry,
                                   "expected": term.forms[0], "output": hyp})
    return {
        "expected": total, "held_without_flag": held, "flagged": flagged, "unflagged_misses": unflagged,
        "held_share": round(held / total, 4) if total else None,
        "covered_share": round((held + flagged) / total, 4) if total else None,
        "flags_known": system.flagged is not None, "misses": misses,
    }


def evaluate_systems(ev: EvalSet, systems: list[SystemOutput], glossary=None) -> dict:
    """The report for one set and direction: each system's scores and term accuracy, and their comparison."""
    expected = expectations(ev, glossary)
    rows = []
    for system in systems:
        row = system.describe()
        row["scores"] = corpus_scores(system.hypotheses, ev.references)
        row["terms"] = None if expected is None else term_accuracy(ev, expected, system)
        row.update(system.extra)  # seconds, model score, term strategy when songngu translated
        rows.append(row)
    comparison = None
    if len(systems) > 1:
        comparison = paired_bootstrap((systems[0].name, systems[0].hypotheses),
                                      [(s.name, s.hypotheses) for s in systems[1:]], ev.references)
    return {
        "set": ev.name, "src": ev.src, "tgt": ev.tgt, "lines": len(ev),
        "preparation": ev.preparation, "normalisation": "NFC, trailing whitespace stripped",
        "terms_expected_from": None if expected is None else (
            "the data" if ev.expected is not None else "glossary terms found in the source"),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "systems": rows, "comparison": comparison,
    }


def score_records(report: dict, systems: list[SystemOutput], limit: int | None) -> list[tuple[Path, dict]]:
    """What to keep beside each model that translated: one record per songngu system."""
    records = []
    for system, row in zip(systems, report["systems"], strict=True):
        model = system.model
        if model is None:
            continue
        terms = row["terms"]
        records.append((model.root, {
            "model": model.name, "model_id": model.model_id, "revision": model.revision, "test": model.test,
            "engine": system.engine, "set": report["set"], "direction": f"{report['src']}-{report['tgt']}",
            "lines": report["lines"], "limit": limit, "glossary": system.glossary,
            "figures": {m: row["scores"][m]["score"] for m in METRICS},
            "signatures": {m: row["scores"][m]["signature"] for m in METRICS},
            "songngu_signature": system.signature,
            "term_strategy": system.extra.get("term_strategy"),
            "model_score": system.extra.get("model_score"),
            "terms": None if terms is None else {k: terms[k] for k in (
                "expected", "held_without_flag", "flagged", "unflagged_misses")},
            "date": report["date"],
        }))
    return records


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
