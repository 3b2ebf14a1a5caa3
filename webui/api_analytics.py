"""REST API for post-edit analytics: the dashboard's figures as JSON (editors and admins).

Thin like ``webui.api``: one call to ``desk.postedit.summary`` as the token's owner;
the same filters as the dashboard page, checked here for the API description and
again by the service.
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import Boolean, Dict, Float, Integer, List, Nested, String
from apiflask.validators import Length, OneOf, Regexp

from translate.desk.documents import CATEGORIES
from translate.desk.postedit.queries import DIRECTIONS
from webui.auth import api_user, csrf, get_desk, token_auth

bp = APIBlueprint("analytics_api", __name__, url_prefix="/api/v1", tag="Analytics")
csrf.exempt(bp)  # bearer tokens only, like the rest of /api/v1
MONTH = Regexp(r"^\d{4}-(0[1-9]|1[0-2])$", error="a month written YYYY-MM")


class SummaryQuery(Schema):
    direction = String(validate=OneOf(DIRECTIONS))
    section = String(validate=OneOf([c.slug for c in CATEGORIES]))
    model = String(validate=Length(max=200), metadata={"description": "A model id as the summary names it."})
    from_ = String(data_key="from", validate=MONTH, metadata={"description": "First month, YYYY-MM (UTC)."})
    to = String(validate=MONTH, metadata={"description": "Last month, YYYY-MM (UTC), inclusive."})


class StatsOut(Schema):
    segments = Integer(required=True, metadata={"description": "Confirmed segments that had a machine draft."})
    hter = Float(allow_none=True, metadata={"description": "All edits over all reference words, percent."})
    mean = Float(allow_none=True)
    median = Float(allow_none=True)
    q1 = Float(allow_none=True)
    q3 = Float(allow_none=True)
    min = Float(allow_none=True)
    max = Float(allow_none=True)
    unchanged = Integer(metadata={"description": "Drafts confirmed without a change."})
    unchanged_share = Float(allow_none=True)


class GroupOut(StatsOut):
    group = String(required=True)


class ByOut(Schema):
    model = List(Nested(GroupOut))
    direction = List(Nested(GroupOut))
    section = List(Nested(GroupOut))
    month = List(Nested(GroupOut))


class BinOut(Schema):
    bin = String(required=True, metadata={"description": "HTER band in percent: 0, 0–10, …, >100."})
    segments = Integer(required=True)


class RateOut(Schema):
    translator = String(metadata={"description": "Only in the per-translator list (admins)."})
    segments = Integer()
    words = Integer(metadata={"description": "Source words of segments with a measured editing time."})
    active_ms = Integer(metadata={"description": "Measured editing time, milliseconds."})
    hours = Float(allow_none=True)
    words_per_hour = Float(allow_none=True)
    keystrokes = Integer()


class ThroughputOut(Schema):
    total = Nested(RateOut, required=True)
    translators = List(Nested(RateOut), metadata={"description": "Per translator: admins only."})


class HeavyOut(Schema):
    segment_id = Integer()
    document_id = Integer()
    title = String()
    number = Integer(metadata={"description": "Segment N in the workspace."})
    field = String()
    translator = String()
    direction = String()
    section = String()
    model = String()
    origin = String()
    hter = Float(allow_none=True)
    char_distance = Integer(allow_none=True)
    unchanged = Boolean()
    source_words = Integer()
    active_ms = Integer(allow_none=True)
    keystrokes = Integer(allow_none=True)
    confirms = Integer()
    memory_used = Boolean()
    memory_pct = Float(allow_none=True)
    terms_held = Integer()
    terms_changed = Integer()
    terms_flagged = Integer()
    terms_fixed = Integer()
    draft_flags = Integer()
    final_flags = Integer()
    flags_resolved = Integer()
    confirmed_at = String()


class UnchangedOut(Schema):
    segments = Integer()
    unchanged = Integer()
    share = Float(allow_none=True)


class SummaryOut(Schema):
    filters = Dict(required=True)
    records = Integer(required=True, metadata={"description": "Confirmed segments matching the filters."})
    hter_signature = String(metadata={"description": "sacrebleu's signature of the TER used for HTER."})
    overall = Nested(StatsOut, required=True)
    histogram = List(Nested(BinOut), required=True)
    by = Nested(ByOut, required=True)
    throughput = Nested(ThroughputOut, required=True)
    heaviest = List(Nested(HeavyOut), required=True, metadata={"description": "Highest HTER first, at most 20."})
    unchanged = Nested(UnchangedOut, required=True)


@bp.get("/analytics/summary")
@bp.auth_required(token_auth)
@bp.input(SummaryQuery, location="query", arg_name="query")
@bp.output(SummaryOut)
@bp.doc(summary="Post-edit analytics: HTER by model, direction, section and month; throughput; heaviest edits",
        description="HTER is sacrebleu's TER of the machine draft against the translator's final text. "
                    "Editors and admins; per-translator throughput for admins only.",
        responses=[400, 401, 403])
def summary(query: dict[str, Any]) -> dict[str, Any]:
    args = {("from" if k == "from_" else k): v for k, v in query.items()}
    return get_desk().postedit.summary(api_user(), args)
