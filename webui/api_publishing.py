"""REST API for the published site: withdraw an article, its publication log, its public addresses, a rebuild.

Publishing itself stays ``POST /documents/{id}/publish`` in ``webui.api`` (its JSON
unchanged); it goes through the same service, ``desk.publishing``.
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import Boolean, Dict, Integer, List, Nested, String

from webui.api import ERRORS_READ, ERRORS_WRITE, DocumentOut, DocumentPath
from webui.auth import api_user, csrf, get_desk, token_auth

bp = APIBlueprint("publishing_api", __name__, url_prefix="/api/v1", tag="Publishing")
# Bearer tokens only, like the rest of /api/v1: no session cookie is honoured, so CSRF cannot apply.
csrf.exempt(bp)


class UnpublishIn(Schema):
    reason = String(allow_none=True, metadata={"description": "Why it is withdrawn; kept in the log."})


class PublicationOut(Schema):
    id = Integer(required=True)
    action = String(required=True, metadata={"description": "published | unpublished"})
    at = String(required=True, metadata={"description": "UTC, ISO 8601."})
    user = String(required=True, metadata={"description": "Who did it (the account name at the time)."})
    override_reason = String(allow_none=True, metadata={"description": "Why blocking checks were overridden."})
    blocking = List(Dict(), required=True, metadata={"description": "The blocking checks overridden."})
    reason = String(allow_none=True, metadata={"description": "Why it was withdrawn."})
    texts = Dict(allow_none=True, metadata={
        "description": "Exactly what was published: {vi: {title, summary, body_html}, en: {...}}."})
    release = String(required=True, metadata={"description": "The site release this change produced."})


class PublicationLogOut(Schema):
    entries = List(Nested(PublicationOut), required=True, metadata={"description": "Newest first."})


class SiteLinksOut(Schema):
    live = Boolean(required=True, metadata={"description": "Whether the article is on the site now."})
    vi = String(allow_none=True, metadata={"description": "The Vietnamese page's public URL."})
    en = String(allow_none=True, metadata={"description": "The English page's public URL."})


class SiteBuildOut(Schema):
    release = String(required=True)
    articles = Integer(required=True)
    path = String(required=True)


@bp.post("/documents/<int:doc_id>/unpublish")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.input(UnpublishIn, arg_name="body")
@bp.output(DocumentOut)
@bp.doc(summary="Take both languages off the site together (editor)",
        description="Both pages go; every index, feed and the sitemap are rewritten. 409 if it is not on the site.",
        responses=[*ERRORS_WRITE, 503])
def unpublish_document(doc_id: int, path: dict[str, int], body: dict[str, Any]) -> dict[str, Any]:
    return get_desk().publishing.unpublish(api_user(), doc_id, body.get("reason")).to_dict()


@bp.get("/documents/<int:doc_id>/publications")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.output(PublicationLogOut)
@bp.doc(summary="The article's publication log: who, when, the exact texts, overrides and withdrawals",
        responses=ERRORS_READ)
def publication_log(doc_id: int, path: dict[str, int]) -> dict[str, Any]:
    return {"entries": get_desk().publishing.log(api_user(), doc_id)}


@bp.get("/documents/<int:doc_id>/site-links")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.output(SiteLinksOut)
@bp.doc(summary="The article's public addresses in both languages while it is on the site",
        description="From SONGNGU_SITE_URL (else the local preview of `songngu site serve`).",
        responses=ERRORS_READ)
def site_links(doc_id: int, path: dict[str, int]) -> dict[str, Any]:
    links = get_desk().publishing.links(api_user(), doc_id)
    return {"live": links is not None, "vi": (links or {}).get("vi"), "en": (links or {}).get("en")}


@bp.post("/site/build")
@bp.auth_required(token_auth)
@bp.output(SiteBuildOut)
@bp.doc(summary="Rebuild the whole site from the database into a fresh release (editor)",
        responses=[401, 403, 409, 503])
def build_site() -> dict[str, Any]:
    return get_desk().publishing.build_site(api_user())
