"""Errors the glossary raises for problems a user can fix.

They live here rather than in ``translate.errors`` because ``glossary`` sits
below ``translate`` and must not import it. Each carries a stable ``code`` so the
CLI, the REST API and the review UI can report it without parsing messages.
"""

from __future__ import annotations

from dataclasses import dataclass


class GlossaryError(Exception):
    """Base of every glossary error whose message is meant for a person."""

    code = "glossary_error"


class EntryValidationError(GlossaryError):
    """An entry's fields are unusable (empty term, unknown domain, contradictory forms...)."""

    code = "invalid_entry"


class EntryNotFoundError(GlossaryError):
    code = "entry_not_found"


class DuplicateEntryError(GlossaryError):
    """Another live entry already claims the same term, so matching would be ambiguous."""

    code = "duplicate_entry"

    def __init__(self, message: str, *, existing_id: int | None = None) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class StaleRevisionError(GlossaryError):
    """Someone else changed the entry since the caller read it; reload before editing."""

    code = "stale_revision"


class InvalidTransitionError(GlossaryError):
    code = "invalid_transition"


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with an import file, located so the user can go and fix it."""

    message: str
    line: int | None = None
    element: int | None = None

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.element is not None:
            where.append(f"entry #{self.element}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ImportFormatError(GlossaryError):
    """An import file was refused as a whole; ``problems`` lists every located reason.

    ``line`` and ``element`` repeat the first problem's location for callers that
    only show one.
    """

    code = "bad_import"
    MAX_LISTED = 10

    def __init__(self, problems: list[ImportProblem], *, source: str = "") -> None:
        if not problems:
            raise ValueError("ImportFormatError needs at least one problem")
        self.problems = list(problems)
        self.line = problems[0].line
        self.element = problems[0].element
        self.source = source
        shown = "; ".join(str(p) for p in problems[: self.MAX_LISTED])
        more = len(problems) - self.MAX_LISTED
        if more > 0:
            shown += f"; and {more} more"
        prefix = f"{source}: " if source else ""
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        super().__init__(f"{prefix}import refused, nothing was changed ({count}): {shown}")
