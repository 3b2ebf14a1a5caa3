"""Evaluation entry points, kept here for existing callers; the code lives in ``translate.evaluation``."""

from __future__ import annotations

from translate.evaluation.devset import DevRow, TermReport, dev_sets, evaluate_terms, read_dev
from translate.evaluation.runner import (
    SystemOutput,
    evaluate_systems,
    read_system,
    score_records,
    translate_set,
)
from translate.evaluation.testsets import KNOWN_SETS, EvalSet, load_file_pair, load_known_set

__all__ = [
    "KNOWN_SETS", "DevRow", "EvalSet", "SystemOutput", "TermReport", "dev_sets", "evaluate_systems",
    "evaluate_terms", "load_file_pair", "load_known_set", "read_dev", "read_system", "score_records",
    "translate_set",
]
