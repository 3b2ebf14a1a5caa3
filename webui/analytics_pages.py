"""Post-edit analytics pages: the dashboard (editors, admins), its CSV exports, the per-article report.

Thin: the figures come from ``desk.postedit`` (which also refuses translators); this
module turns them into chart geometry (``webui/analytics_charts.py``) and pages.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request
from flask_babel import format_decimal, lazy_gettext
from flask_login import login_required

from webui import analytics_charts as charts
from webui.auth import get_desk, session_user
from webui.desk_pages import direction_label, section_choices, section_label

bp = Blueprint("analytics_pages", __name__)

DIMENSION_TITLES: dict[str, Any] = {
    "model": lazy_gettext("HTER by model"),
    "direction": lazy_gettext("HTER by direction"),
    "section": lazy_gettext("HTER by section"),
    "month": lazy_gettext("HTER by month"),
}


def group_label(dimension: str, value: str) -> str:
    """A group's name as readers know it: directions and sections translated, models and months as they are."""
    if dimension == "direction" and "-" in value:
        return direction_label(*value.split("-", 1))
    if dimension == "section":
        return section_label(value)
    return value


def _query() -> dict[str, str]:
    return {k: v for k, v in request.args.items() if k in ("direction", "section", "model", "from", "to") and v}


@bp.get("/analytics")
@login_required
def dashboard() -> Any:
    desk, actor = get_desk(), session_user()
    data = desk.postedit.dashboard(actor, request.args)
    by = {name: [dict(g, label=group_label(name, g["group"])) for g in groups]
          for name, groups in data["by"].items()}
    box_charts = {name: charts.boxes([dict(g, group=g["label"]) for g in groups]) for name, groups in by.items()}
    translators = data["throughput"].get("translators")
    throughput_chart = charts.bars([(t["translator"], t["words_per_hour"]) for t in translators]) \
        if translators else None
    unchanged_chart = charts.bars([(g["label"], 100 * (g["unchanged_share"] or 0)) for g in by["model"]
                                   if g["segments"]], top=100)
    return render_template(
        "analytics/dashboard.html", data=data, by=by, titles=DIMENSION_TITLES, query=_query(),
        options=desk.postedit.options(actor), sections=section_choices(),
        histogram_chart=charts.histogram(data["histogram"]), box_charts=box_charts,
        throughput_chart=throughput_chart, unchanged_chart=unchanged_chart, group_label=group_label,
    )


@bp.get("/analytics/export/<chart>.csv")
@login_required
def export(chart: str) -> Response:
    text = get_desk().postedit.export_csv(session_user(), chart, request.args)
    return Response("\ufeff" + text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="postedit-{chart}.csv"', "Cache-Control": "no-store"})


@bp.get("/articles/<int:doc_id>/post-edit-report")
@login_required
def article_report(doc_id: int) -> Any:
    report = get_desk().postedit.article_report(session_user(), doc_id)
    chart = charts.bars([(str(line["number"]), line["hter"]) for line in report["lines"]
                         if line["hter"] is not None])
    return render_template("analytics/report.html", report=report, chart=chart)


@bp.app_template_global()
def edit_time(ms: int | None) -> str:
    """Editing time as H:MM:SS (the same in every language); a dash when nothing was measured."""
    if ms is None:
        return "–"
    seconds = round(ms / 1000)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"



@bp.app_template_global()
def one_decimal(value: float | None) -> str:
    """A figure with one decimal in the reader's locale (43,8 in Vietnamese); a dash when there is none."""
    return "–" if value is None else format_decimal(value, format="#,##0.0")
