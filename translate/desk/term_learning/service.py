"""``desk.term_proposals``: the glossary learning from translators, and admins deciding what it learned.

``learn`` reads confirmed segments and stores proposals (never touching the
glossary); ``accept`` applies one through the termbase's normal edit path in the
same transaction that closes the proposal, so the glossary version moves, history
is kept, and a refused edit leaves the proposal open; ``reject`` closes it, and the
same evidence does not bring it back. ``most_missed`` lists, per MT model, the
entries its drafts most often miss or get wrong. Every method is for admins.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from glossary.entries import CONTENT_FIELDS, DOMAINS, MAX_ID
from glossary.errors import EntryNotFoundError
from glossary.normalize import form_key
from glossary.termbase import Termbase
from translate.desk.database import Database
from translate.desk.documents import utcnow
from translate.desk.errors import InvalidState, NotFound
from translate.desk.rules import GLOSSARY_CURATORS, check_version, clean_comment, is_id, is_int, require
from translate.desk.term_learning import reading
from translate.desk.term_learning.candidates import Candidate, LearningOptions
from translate.desk.term_learning.cooccurrence import PhraseMiner
from translate.desk.term_learning.missed import MissTally, model_of
from translate.desk.term_learning.replacements import ReplacementFinder
from translate.desk.term_learning.tables import (
    ACCEPTED,
    KIND_ENTRY,
    KIND_PREFERRED,
    KIND_VARIANT,
    OPEN,
    PROPOSAL_STATES,
    REJECTED,
    TermProposal,
)
from translate.desk.views import UserView
from translate.errors import InputError

# The news site's sections, mapped to the glossary domain a new entry from them most likely belongs to.
CATEGORY_DOMAINS = {"cuisine": "cuisine", "handicrafts": "craft", "unesco-network": "unesco",
                    "creative-spaces": "unesco", "urban-architecture": "heritage", "arts": "heritage",
                    "events": "heritage"}
DIRECTIONS = (("vi", "en"), ("en", "vi"))
EXAMPLES = 5


class TermProposalService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _termbase(self) -> Termbase:
        return Termbase(self.db.sessionmaker)

    # --- finding proposals -----------------------------------------------------------------------

    def learn(self, actor: UserView, options: LearningOptions | None = None) -> dict[str, int]:
        """Read the confirmed segments and store what they support; returns what changed.

        An open proposal for the same change is refreshed with the new evidence; a
        decided one comes back only when its evidence has grown ``regrowth``-fold.
        """
        require(actor, GLOSSARY_CURATORS, "look for glossary proposals")
        options = (options or LearningOptions()).checked()
        tb = self._termbase()
        matchers = {d: tb.matcher(*d) for d in DIRECTIONS}
        with self.db.session() as s:
            segments = reading.confirmed_segments(s, options.max_segments)
            owners = reading.form_owners(s)

        def claimed(lang: str, key: str) -> int | None:
            return owners.get((lang, key))

        finder, miner = ReplacementFinder(options, claimed), PhraseMiner(options, claimed)
        for seg in segments:
            matcher = matchers[(seg.src, seg.tgt)]
            finder.add(seg, matcher)
            miner.add(seg, matcher)
        counts = self._store([*finder.candidates(), *miner.candidates()], options)
        return {"segments": len(segments), **counts}

    def _store(self, candidates: list[Candidate], options: LearningOptions) -> dict[str, int]:
        counts = {"created": 0, "refreshed": 0, "held_back": 0}
        now = utcnow()
        try:
            with self.db.transaction() as s:
                for c in candidates:
                    key = c.change_key
                    current = s.scalar(select(TermProposal).where(TermProposal.open_key == key))
                    if current is not None:
                        current.support, current.share, current.evidence = c.support, c.share, c.evidence
                        current.form, current.source_phrase, current.updated_at = c.form, c.source_phrase, now
                        counts["refreshed"] += 1
                        continue
                    last = s.scalar(select(TermProposal).where(TermProposal.change_key.in_(c.decided_keys),
                                                               TermProposal.state != OPEN)
                                    .order_by(TermProposal.id.desc()).limit(1))
                    if last is not None:
                        if c.support < last.support * options.regrowth:
                            counts["held_back"] += 1
                            continue
                        c.evidence["previous"] = {"id": last.id, "state": last.state, "count": last.support}
                    s.add(TermProposal(kind=c.kind, state=OPEN, src_lang=c.src_lang, tgt_lang=c.tgt_lang,
                                       entry_id=c.entry_id, source_phrase=c.source_phrase, form=c.form,
                                       change_key=key, open_key=key, support=c.support, share=c.share,
                                       evidence=c.evidence, created_at=now, updated_at=now))
                    counts["created"] += 1
                counts["open"] = s.scalar(select(func.count()).select_from(TermProposal)
                                          .where(TermProposal.state == OPEN)) or 0
        except IntegrityError:
            raise InvalidState("another search for proposals ran at the same time; try again") from None
        return counts

    # --- reading proposals -----------------------------------------------------------------------

    def list(self, actor: UserView, state: str = OPEN, *, limit: int = 100) -> list[dict[str, Any]]:
        """Proposals in one state, strongest evidence first, each with a few example segments."""
        require(actor, GLOSSARY_CURATORS, "review glossary proposals")
        if state not in PROPOSAL_STATES:
            raise InputError(f"unknown proposal state {state!r}; one of: {', '.join(PROPOSAL_STATES)}")
        if not is_int(limit) or not 1 <= limit <= 500:
            raise InputError("limit must be between 1 and 500")
        order = (TermProposal.support.desc(), TermProposal.id) if state == OPEN else (TermProposal.decided_at.desc(),)
        with self.db.session() as s:
            rows = list(s.scalars(select(TermProposal).where(TermProposal.state == state).order_by(*order)
                                  .limit(limit)))
            return [self._view(s, p, EXAMPLES) for p in rows]

    def get(self, actor: UserView, proposal_id: int) -> dict[str, Any]:
        require(actor, GLOSSARY_CURATORS, "review glossary proposals")
        with self.db.session() as s:
            return self._view(s, self._proposal(s, proposal_id), 20)

    def count_open(self, actor: UserView) -> int:
        require(actor, GLOSSARY_CURATORS, "review glossary proposals")
        with self.db.session() as s:
            return s.scalar(select(func.count()).select_from(TermProposal).where(TermProposal.state == OPEN)) or 0

    @staticmethod
    def _proposal(s, proposal_id: int) -> TermProposal:
        found = s.get(TermProposal, proposal_id) if is_id(proposal_id) else None
        if found is None:
            raise NotFound(f"no glossary proposal {proposal_id}")
        return found

    def _view(self, s, p: TermProposal, examples: int) -> dict[str, Any]:
        evidence = dict(p.evidence or {})
        shown = reading.segment_examples(s, list(evidence.get("segments", []))[:examples])
        names = reading.user_names(s, evidence.get("translators", []))
        entry = None
        if p.entry_id is not None:
            try:
                entry = Termbase(s).get(p.entry_id).to_dict()
            except EntryNotFoundError:
                entry = None
        return {"id": p.id, "kind": p.kind, "state": p.state, "src_lang": p.src_lang, "tgt_lang": p.tgt_lang,
                "entry_id": p.entry_id, "entry": entry, "source_phrase": p.source_phrase, "form": p.form,
                "support": p.support, "share": p.share, "evidence": evidence,
                "examples": [shown[i] for i in evidence.get("segments", [])[:examples] if i in shown],
                "translators": [names.get(i, f"#{i}") for i in evidence.get("translators", [])],
                "suggested": self._suggested_entry(p) if p.kind == KIND_ENTRY else None,
                "created_at": p.created_at, "updated_at": p.updated_at, "decided_by": p.decided_by_name,
                "decided_at": p.decided_at, "decision_note": p.decision_note,
                "glossary_version": p.glossary_version}

    @staticmethod
    def _suggested_entry(p: TermProposal) -> dict[str, str]:
        """The new entry's fields as proposed: the admin may change any of them before accepting."""
        domain = CATEGORY_DOMAINS.get((p.evidence or {}).get("category", ""), DOMAINS[0])
        sides = {p.src_lang: p.source_phrase, p.tgt_lang: p.form}
        return {"vi": sides["vi"], "en": sides["en"], "kind": "term", "domain": domain,
                "note": f"Learned from {p.support} confirmed segments (proposal {p.id})"}

    # --- deciding ------------------------------------------------------------------------------------

    def accept(self, actor: UserView, proposal_id: int, *, expected_revision: int | None = None,
               make_preferred: bool = False, fields: dict[str, Any] | None = None, note: str = "") -> dict[str, Any]:
        """Apply the proposal to the glossary and close it, in one transaction.

        A variant is added to the entry (``make_preferred`` makes it the preferred
        form, the old one staying a variant); a preferred-form review swaps the two; a
        new entry is created approved from the proposal's fields, changed by ``fields``.
        ``expected_revision`` is the entry's revision the admin saw: a newer one is a
        conflict. Glossary rules (duplicate forms, validation) refuse as they always do.
        """
        require(actor, GLOSSARY_CURATORS, "accept glossary proposals")
        note = clean_comment(note)
        if expected_revision is not None:
            check_version(expected_revision, "revision")
        with self.db.transaction() as s:
            p = self._proposal(s, proposal_id)
            if p.state != OPEN:
                raise InvalidState(f"proposal {p.id} was already {p.state}")
            tb = Termbase(s)
            comment = f"accepted proposal {p.id}" + (f": {note}" if note else "")
            with tb.transaction():
                if p.kind == KIND_ENTRY:
                    values = {**self._suggested_entry(p), **self._entry_fields(fields)}
                    entry = tb.add(user=actor.name, status="approved", **values)
                else:
                    if fields:
                        raise InputError("fields are only for proposals of a new entry")
                    entry = tb.update(p.entry_id, user=actor.name, expected_revision=expected_revision,
                                      comment=comment, **self._entry_change(s, p, make_preferred))
                p.entry_id = entry.id
                p.glossary_version = tb.version_in(s)
            self._close(p, actor, ACCEPTED, note)
            s.flush()
            return self._view(s, p, EXAMPLES)

    @staticmethod
    def _entry_fields(fields: dict[str, Any] | None) -> dict[str, Any]:
        if not fields:
            return {}
        unknown = sorted(set(fields) - set(CONTENT_FIELDS))
        if unknown:
            raise InputError(f"cannot set {', '.join(unknown)}; the entry fields are: {', '.join(CONTENT_FIELDS)}")
        return dict(fields)

    @staticmethod
    def _entry_change(s, p: TermProposal, make_preferred: bool) -> dict[str, Any]:
        if p.entry_id is None:
            raise InvalidState(f"the entry of proposal {p.id} no longer exists; reject the proposal")
        try:
            entry = Termbase(s).get(p.entry_id)
        except EntryNotFoundError:
            raise InvalidState(f"the entry of proposal {p.id} no longer exists; reject the proposal") from None
        if entry.status != "approved":
            raise InvalidState(f"entry {entry.id} is {entry.status}; only an approved entry takes a proposal")
        lang, key = p.tgt_lang, form_key(p.form)
        preferred, variants = entry.term(lang), list(entry.variants(lang))
        others = [v for v in variants if form_key(v) != key]
        if p.kind == KIND_VARIANT and not make_preferred:
            if key == form_key(preferred) or len(others) < len(variants):
                raise InvalidState(f"{p.form!r} is already an accepted form of entry {entry.id}")
            return {f"{lang}_variants": [*variants, p.form]}
        if key == form_key(preferred):
            raise InvalidState(f"{p.form!r} is already the preferred form of entry {entry.id}")
        if p.kind == KIND_PREFERRED and len(others) == len(variants):
            raise InvalidState(f"{p.form!r} is no longer a variant of entry {entry.id}; reject the proposal")
        return {lang: p.form, f"{lang}_variants": [preferred, *others]}

    def reject(self, actor: UserView, proposal_id: int, note: str = "") -> dict[str, Any]:
        """Close the proposal without touching the glossary; the same evidence will not bring it back."""
        require(actor, GLOSSARY_CURATORS, "reject glossary proposals")
        note = clean_comment(note)
        with self.db.transaction() as s:
            p = self._proposal(s, proposal_id)
            if p.state != OPEN:
                raise InvalidState(f"proposal {p.id} was already {p.state}")
            self._close(p, actor, REJECTED, note)
            s.flush()
            return self._view(s, p, EXAMPLES)

    @staticmethod
    def _close(p: TermProposal, actor: UserView, state: str, note: str) -> None:
        p.state, p.open_key, p.decision_note = state, None, note
        p.decided_at = p.updated_at = utcnow()
        p.decided_by = actor.id if is_id(actor.id) else None  # the command line's operator has no account
        p.decided_by_name = actor.name

    # --- what MT misses ------------------------------------------------------------------------------

    def most_missed(self, actor: UserView, *, model: str | None = None, limit: int = 20, examples: int = 3,
                    max_segments: int = 5_000) -> list[dict[str, Any]]:
        """Per model, the entries its drafts most often miss or get wrong, with example segments."""
        require(actor, GLOSSARY_CURATORS, "see which glossary entries MT misses")
        for name, value, top in (("limit", limit, 500), ("examples", examples, 20), ("max_segments", max_segments, MAX_ID)):
            if not is_int(value) or not 1 <= value <= top:
                raise InputError(f"{name} must be between 1 and {top:,}")
        tb = self._termbase()
        matchers = {d: tb.matcher(*d) for d in DIRECTIONS}
        tally = MissTally()
        with self.db.session() as s:
            for signature, draft in reading.machine_drafts(s, max_segments):
                name = model_of(signature)
                if name is not None and (model is None or name == model):
                    tally.add(name, draft, matchers[(draft.src, draft.tgt)])
            out = []
            for name in sorted(tally.models):
                rows = sorted((m for m in tally.models[name].values() if m.failed),
                              key=lambda m: (-m.failed, m.entry_id))[:limit]
                shown = reading.segment_examples(s, [i for m in rows for i in m.segments[:examples]])
                entries = []
                for m in rows:
                    try:
                        entry = Termbase(s).get(m.entry_id)
                    except EntryNotFoundError:
                        continue
                    entries.append({"entry_id": m.entry_id, "vi": entry.vi, "en": entry.en, "status": entry.status,
                                    "drafts": m.drafts, "failed": m.failed, "missing": m.missing, "wrong": m.wrong,
                                    "rate": m.failed / m.drafts if m.drafts else 0.0,
                                    "examples": [shown[i] for i in m.segments[:examples] if i in shown]})
                out.append({"model": name, "drafts": tally.drafts[name], "entries": entries})
            return out

