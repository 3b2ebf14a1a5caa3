"""The glossary pages' forms and the names of kinds, domains, statuses and history actions.

The forms only parse what a person typed (and say in their language when a
field is empty or far too long); every rule about entries -- valid forms,
duplicates, who may do what -- is the glossary service's.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

try:
    from wtforms.fields.choices import SelectChoice
except ImportError:  # WTForms before 3.3 takes (value, label) tuples
    SelectChoice = None  # type: ignore[assignment,misc]

from glossary.entries import DOMAINS, KINDS, LIST_FIELDS, MAX_ID, MAX_TERM_CHARS, STATUSES
from translate.desk.rules import MAX_COMMENT

KIND_LABELS: dict[str, Any] = {
    "term": lazy_gettext("term"), "name": lazy_gettext("proper name"), "dnt": lazy_gettext("do not translate"),
}
DOMAIN_LABELS: dict[str, Any] = {
    "unesco": lazy_gettext("UNESCO"), "craft": lazy_gettext("crafts"), "heritage": lazy_gettext("heritage"),
    "org": lazy_gettext("organisations"), "place": lazy_gettext("places"), "policy": lazy_gettext("policy"),
    "cuisine": lazy_gettext("cuisine"),
}
STATUS_LABELS: dict[str, Any] = {
    "proposed": lazy_gettext("proposed"), "approved": lazy_gettext("approved"),
    "deprecated": lazy_gettext("deprecated"),
}
ACTION_LABELS: dict[str, Any] = {
    "created": lazy_gettext("created"), "updated": lazy_gettext("edited"), "approved": lazy_gettext("approved"),
    "deprecated": lazy_gettext("deprecated"), "reverted": lazy_gettext("reverted"),
    "imported": lazy_gettext("imported"),
}
FIELD_LABELS: dict[str, Any] = {
    "vi": lazy_gettext("Vietnamese"), "en": lazy_gettext("English"), "kind": lazy_gettext("Kind"),
    "domain": lazy_gettext("Domain"), "vi_variants": lazy_gettext("Vietnamese variants"),
    "en_variants": lazy_gettext("English variants"), "vi_forbidden": lazy_gettext("Forbidden Vietnamese forms"),
    "en_forbidden": lazy_gettext("Forbidden English forms"), "note": lazy_gettext("Note"),
}
MAX_NOTE = 2_000
MAX_LIST = 20 * (MAX_TERM_CHARS + 1)


def label(table: dict[str, Any], value: str) -> str:
    """A stored code as the reader's language names it; an unknown code shows as stored."""
    found = table.get(value)
    return str(found) if found is not None else value


def choice(value: Any, text: Any) -> Any:
    """A select option: a ``SelectChoice`` where WTForms has it (3.3 deprecates tuples), else a tuple."""
    return SelectChoice(value, text) if SelectChoice is not None else (value, text)


def _choices(values: tuple[str, ...], table: dict[str, Any]) -> list[Any]:
    return [choice(v, table.get(v, v)) for v in values]


def lines(text: str | None) -> list[str]:
    """One form per line, as the list fields are typed; blank lines dropped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class EntryForm(FlaskForm):
    vi = StringField(lazy_gettext("Vietnamese"), validators=[
        DataRequired(lazy_gettext("Enter the Vietnamese term.")), Length(max=MAX_TERM_CHARS)])
    en = StringField(lazy_gettext("English"), validators=[
        DataRequired(lazy_gettext("Enter the English term.")), Length(max=MAX_TERM_CHARS)])
    kind = SelectField(lazy_gettext("Kind"), choices=_choices(KINDS, KIND_LABELS), default="term")
    domain = SelectField(lazy_gettext("Domain"), choices=_choices(DOMAINS, DOMAIN_LABELS))
    vi_variants = TextAreaField(lazy_gettext("Vietnamese variants"), validators=[Length(max=MAX_LIST)])
    en_variants = TextAreaField(lazy_gettext("English variants"), validators=[Length(max=MAX_LIST)])
    vi_forbidden = TextAreaField(lazy_gettext("Forbidden Vietnamese forms"), validators=[Length(max=MAX_LIST)])
    en_forbidden = TextAreaField(lazy_gettext("Forbidden English forms"), validators=[Length(max=MAX_LIST)])
    note = TextAreaField(lazy_gettext("Note"), validators=[Length(max=MAX_NOTE)])

    def content(self) -> dict[str, Any]:
        """The entry's fields as the service takes them."""
        fields: dict[str, Any] = {"vi": self.vi.data or "", "en": self.en.data or "", "kind": self.kind.data,
                                  "domain": self.domain.data, "note": self.note.data or ""}
        for name in LIST_FIELDS:
            fields[name] = lines(getattr(self, name).data)
        return fields

    def fill(self, entry: dict[str, Any]) -> None:
        """Show an entry's current content in the form (list fields one form per line)."""
        for name in ("vi", "en", "kind", "domain", "note"):
            getattr(self, name).data = entry.get(name, "")
        for name in LIST_FIELDS:
            getattr(self, name).data = "\n".join(entry.get(name) or [])


class EditForm(EntryForm):
    comment = StringField(lazy_gettext("Comment for the history (optional)"), validators=[Length(max=MAX_COMMENT)])
    revision = HiddenField(validators=[InputRequired()])


class DecisionForm(FlaskForm):
    decision = HiddenField(validators=[InputRequired()])
    revision = HiddenField(validators=[InputRequired()])
    comment = StringField(lazy_gettext("Comment"), validators=[Length(max=MAX_COMMENT)])


class RevertForm(FlaskForm):
    revision = IntegerField(validators=[InputRequired(), NumberRange(min=1, max=MAX_ID)])
    comment = StringField(lazy_gettext("Comment"), validators=[Optional(), Length(max=MAX_COMMENT)])


class ImportForm(FlaskForm):
    file = FileField(lazy_gettext("Glossary file (CSV or TBX)"),
                     validators=[FileRequired(lazy_gettext("Choose a file to import."))])
    status = SelectField(lazy_gettext("New entries become"), default="approved", choices=[
        choice("approved", lazy_gettext("approved")), choice("proposed", lazy_gettext("proposed"))])


class CommitImportForm(FlaskForm):
    pending = HiddenField(validators=[InputRequired()])
    sha256 = HiddenField(validators=[InputRequired()])
    version = HiddenField(validators=[InputRequired()])


class SearchArgs:
    """The list page's query string, read leniently: a bad value is dropped, never a 500."""

    PER_PAGE = 50

    def __init__(self, args: Any) -> None:
        self.q = (args.get("q") or "").strip()[:400]
        self.domain = args.get("domain") if args.get("domain") in DOMAINS else ""
        self.kind = args.get("kind") if args.get("kind") in KINDS else ""
        self.status = args.get("status") if args.get("status") in STATUSES else ""
        self.ignore_tones = args.get("tones") == "ignore"
        page = args.get("page", "1")
        number = int(page) if page.isascii() and page.isdigit() else 0
        self.page = min(number, MAX_ID // self.PER_PAGE) if number > 0 else 1

    def query(self, **override: Any) -> dict[str, Any]:
        """The query string for a link to another page of the same search."""
        values = {"q": self.q, "domain": self.domain, "kind": self.kind, "status": self.status,
                  "tones": "ignore" if self.ignore_tones else "", "page": self.page}
        values.update(override)
        return {k: v for k, v in values.items() if v not in ("", None) and not (k == "page" and v == 1)}
