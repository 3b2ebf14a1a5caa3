"""The domain dev set: a TSV naming, for every sentence, the glossary terms its translation must hold.

The figure that matters is *unflagged misses*: an expected term that is neither
in the output nor reported by a flag. With the glossary it must be zero for any
model, the random test models included; the share held without a flag is what
a better model improves.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from translate.errors import InputError
from translate.evaluation.testsets import EvalSet, Expected

COLUMNS = ("id", "direction", "source", "reference", "term_ids", "expected_targets")


@dataclass
class DevRow:
    id: str
    src: str
    tgt: str
    source: str
    reference: str
    term_ids: list[int]
    expected: list[str]


@dataclass
class TermReport:
    rows: int = 0
    expected: int = 0
    held: int = 0  # present in the output and not flagged
    flagged: int = 0  # missing but flagged with the entry
    unflagged_misses: int = 0
    misses: list[dict] = field(default_factory=list)
    bleu: dict = field(default_factory=dict)
    signatures: set[str] = field(default_factory=set)

    def to_dict(self) -> dict:
        return {
            "rows": self.rows,
            "expected_terms": self.expected,
            "held_without_flag": self.held,
            "flagged": self.flagged,
            "unflagged_misses": self.unflagged_misses,
            "held_share": round(self.held / self.expected, 4) if self.expected else None,
            "covered_share": round((self.held + self.flagged) / self.expected, 4) if self.expected else None,
            "misses": self.misses,
            "bleu": self.bleu,
            "signatures": sorted(self.signatures),
        }


def read_dev(path: Path) -> list[DevRow]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 (offset {exc.start})") from exc
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise InputError(f"{path}: expected columns {', '.join(COLUMNS)}; got {', '.join(reader.fieldnames or [])}")
    rows = []
    for line, raw in enumerate(reader, start=2):
        try:
            src, tgt = raw["direction"].split("-")
            rows.append(DevRow(raw["id"], src, tgt, raw["source"], raw["reference"],
                               [int(x) for x in raw["term_ids"].split(",") if x.strip()],
                               [x.strip() for x in raw["expected_targets"].split("|") if x.strip()]))
        except (ValueError, AttributeError) as exc:
            raise InputError(f"{path}: line {line}: {exc}") from exc
    return rows


def evaluate_terms(rows: list[DevRow], translator) -> TermReport:
    """Translate every row (batched per direction) and score each expected term."""
    import sacrebleu

    from glossary.matcher import find_in_target

    report = TermReport(rows=len(rows))
    by_dir: dict[tuple[str, str], list[DevRow]] = {}
    for r in rows:
        by_dir.setdefault((r.src, r.tgt), []).append(r)
    for (src, tgt), group in by_dir.items():
        doc = "\n".join(r.source for r in group)
        parsed = translator.parse(doc, src, "text")
        if len(parsed.segments) < len(group):
            raise InputError("a dev row holds no text")
        results = translator.translate_segments(parsed.segments, src, tgt)
        per_line: dict[int, list] = {}
        for seg, res in zip(parsed.segments, results, strict=True):
            per_line.setdefault(seg.block, []).append(res)
        hyps = []
        for n, row in enumerate(group):
            segs = per_line.get(_block_of(parsed, n), [])
            output = " ".join(s.target for s in segs)
            hyps.append(output)
            flagged_entries = {f.get("entry") for s in segs for f in s.flags if f.get("check") in ("missing_term", "forbidden_term", "dnt_altered")}
            accepted = {t["entry"]: t["targets"] for s in segs for t in s.terms}
            report.signatures.update(s.signature for s in segs)
            for entry_id, form in zip(row.term_ids, row.expected, strict=False):
                report.expected += 1
                forms = [form, *accepted.get(entry_id, [])]
                present = bool(find_in_target(output, forms, tgt))
                if present and entry_id not in flagged_entries:
                    report.held += 1
                elif entry_id in flagged_entries:
                    report.flagged += 1
                else:
                    report.unflagged_misses += 1
                    report.misses.append({"id": row.id, "entry": entry_id, "expected": form, "output": output})
        refs = [[r.reference for r in group]]
        bleu, chrf = sacrebleu.BLEU(), sacrebleu.CHRF()
        report.bleu[f"{src}-{tgt}"] = {
            "bleu": round(bleu.corpus_score(hyps, refs).score, 2),
            "chrf": round(chrf.corpus_score(hyps, refs).score, 2),
            "signature": f"{bleu.get_signature()} / {chrf.get_signature()}",
        }
    return report


def _block_of(parsed, n: int) -> int:
    """Block number of the n-th input line (each non-empty line is one block)."""
    blocks = sorted({s.block for s in parsed.segments})
    return blocks[n]


def dev_sets(rows: list[DevRow], name: str) -> list[EvalSet]:
    """The dev rows as one evaluation set per direction, each line with the terms it must hold."""
    sets: dict[tuple[str, str], EvalSet] = {}
    for row in rows:
        ev = sets.setdefault((row.src, row.tgt), EvalSet(name, row.src, row.tgt, [], [], [], [],
                                                         preparation="none (as given)"))
        ev.sources.append(row.source)
        ev.references.append(row.reference)
        ev.ids.append(row.id)
        ev.expected.append([Expected(entry, (form,)) for entry, form in zip(row.term_ids, row.expected, strict=False)])
    return list(sets.values())
