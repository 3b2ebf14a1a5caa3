"""Words with their offsets, the shared footing of the replacement finder and the phrase miner.

A word is a run of letters/digits (a Vietnamese syllable, an English word, a
hyphenated or apostrophised compound); its key is the glossary's normalised form
(``glossary.normalize.form_key``: NFC, case, tone-mark placement), so two
spellings a reader cannot tell apart count as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossary.normalize import form_key

WORD = re.compile(r"\w+(?:['’\-]\w+)*")
# What may sit between two words of one phrase: spaces (and the dashes the matcher treats as spaces).
JOINER = re.compile(r"[\s\-‐-―]*")

# Function words a proposed phrase may neither start nor end with: a term is content, not glue.
_STOPWORDS = {
    "en": ("""a an the of in on at to for and or but with by from into onto as is are was were be been being
        this that these those it its their his her our your my we they he she you i not no so than then there here
        which who whom whose what when where why how also very more most such other some any each all about over
        under after before between during while has have had do does did will would can could may might must
        shall should s"""),
    "vi": ("""và của là các những một có được cho với trong tại đã sẽ này đó kia không từ về để thì mà khi
        cũng rất đang như theo nhiều ở ra vào lên xuống nên nhưng hay hoặc bởi vì do nếu thế cả mỗi mọi đều chỉ
        còn lại đến qua trên dưới sau trước giữa bị hơn nhất ai gì nào đây ấy họ ta chúng tôi bạn anh chị em
        ông bà nó việc cái con chiếc người"""),
}
STOPWORDS = {lang: frozenset(form_key(w) for w in text.split()) for lang, text in _STOPWORDS.items()}


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    key: str


def words(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), form_key(m.group())) for m in WORD.finditer(text)]


def joined(text: str, left: Word, right: Word) -> bool:
    """True when nothing but spaces separates two neighbouring words: a phrase never crosses a comma."""
    return JOINER.fullmatch(text, left.end, right.start) is not None


def is_stopword(key: str, lang: str) -> bool:
    return key in STOPWORDS.get(lang, frozenset()) or key.isdigit()


def has_letter(key: str) -> bool:
    return any(ch.isalpha() for ch in key)
