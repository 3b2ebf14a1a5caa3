"""Line-aligned evaluation data: named public test sets, plain file pairs, hypothesis files.

Named sets live in one folder given by ``SONGNGU_EVAL_DIR`` (the product never
ships them); each knows its file names and the detokenisation its text needs
before sacrebleu sees it. Every line is NFC-normalised on the way in and
stripped of trailing whitespace exactly as sacrebleu's command line strips it,
so a score here equals ``sacrebleu REF -i HYP`` on NFC files.
"""

from __future__ import annotations

import html
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from translate.errors import InputError

EVAL_DIR_ENV = "SONGNGU_EVAL_DIR"


@dataclass(frozen=True)
class Expected:
    """A glossary entry whose target form the translation of a line must contain."""

    entry: int
    forms: tuple[str, ...]  # any of these counts, the preferred first


@dataclass
class EvalSet:
    """One direction of a test set, ready to translate and score.

    ``expected`` is None when the data names no terms: the glossary terms found
    in each source line then become the expectation.
    """

    name: str
    src: str
    tgt: str
    sources: list[str]
    references: list[str]
    ids: list[str] = field(default_factory=list)
    expected: list[list[Expected]] | None = None
    preparation: str = "none"

    def __len__(self) -> int:
        return len(self.sources)

    def head(self, limit: int | None) -> EvalSet:
        """The first ``limit`` lines (a quick run); the whole set when ``limit`` is None."""
        if limit is None or limit >= len(self):
            return self
        return EvalSet(self.name, self.src, self.tgt, self.sources[:limit], self.references[:limit],
                       self.ids[:limit], None if self.expected is None else self.expected[:limit],
                       self.preparation)


def moses_detokeniser(lang: str) -> Callable[[str], str]:
    """Undo Moses tokenisation and its HTML entities (``&quot;``, ``&apos;``, ``&amp;``)."""
    from sacremoses import MosesDetokenizer

    detok = MosesDetokenizer(lang=lang)
    return lambda line: detok.detokenize(html.unescape(line).split(), unescape=False)


@dataclass(frozen=True)
class KnownSet:
    folder: str
    pattern: str  # file name with {lang}
    moses: bool = False  # Moses-tokenised with HTML entities

    @property
    def preparation(self) -> str:
        return "html.unescape + sacremoses detokenise" if self.moses else "none (plain text)"


KNOWN_SETS: dict[str, KnownSet] = {
    "flores200-devtest": KnownSet("flores200", "devtest.{lang}"),
    "tatoeba": KnownSet("tatoeba", "test-v2021-08-07.{lang}"),
    "iwslt15-tst2012": KnownSet("iwslt15", "tst2012.{lang}", moses=True),
}


def read_lines(path: Path, what: str = "file") -> list[str]:
    """The lines of a UTF-8 file, NFC, trailing whitespace removed (as sacrebleu reads them)."""
    try:
        with path.open(encoding="utf-8-sig") as fh:
            return [unicodedata.normalize("NFC", line.rstrip()) for line in fh]
    except OSError as exc:
        raise InputError(f"cannot read {what} {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{what} {path} is not valid UTF-8 (byte offset {exc.start})") from exc


def check_aligned(name: str, count: int, other: list[str], what: Path) -> None:
    if len(other) != count:
        raise InputError(f"{what} has {len(other):,} lines but {name} has {count:,}: the files must be line-aligned")


def eval_dir() -> Path:
    raw = os.environ.get(EVAL_DIR_ENV, "").strip()
    if not raw:
        raise InputError(f"set {EVAL_DIR_ENV} to the folder holding the test sets "
                         f"({', '.join(sorted({k.folder for k in KNOWN_SETS.values()}))})")
    folder = Path(raw).expanduser()
    if not folder.is_dir():
        raise InputError(f"{EVAL_DIR_ENV} is {folder}, which is not a folder")
    return folder


def load_known_set(name: str, src: str, tgt: str) -> EvalSet:
    """A named test set in one direction, prepared for sacrebleu by the set's own rules."""
    spec = KNOWN_SETS.get(name)
    if spec is None:
        raise InputError(f"unknown test set {name!r}; known: {', '.join(KNOWN_SETS)}")
    root = eval_dir() / spec.folder
    src_path, ref_path = (root / spec.pattern.format(lang=lang) for lang in (src, tgt))
    sources, references = read_lines(src_path, "source file"), read_lines(ref_path, "reference file")
    check_aligned(str(src_path), len(sources), references, ref_path)
    if spec.moses:
        detok_src, detok_tgt = moses_detokeniser(src), moses_detokeniser(tgt)
        sources = [detok_src(line) for line in sources]
        references = [detok_tgt(line) for line in references]
    return EvalSet(name, src, tgt, sources, references, preparation=spec.preparation)


def load_file_pair(src_file: Path, ref_file: Path, src: str, tgt: str) -> EvalSet:
    """A source file and its line-aligned reference, used as they are."""
    sources, references = read_lines(src_file, "source file"), read_lines(ref_file, "reference file")
    check_aligned(str(src_file), len(sources), references, ref_file)
    if not sources:
        raise InputError(f"{src_file} is empty: nothing to evaluate")
    return EvalSet(f"file:{src_file.name}", src, tgt, sources, references, preparation="none (as given)")
