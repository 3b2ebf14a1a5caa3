"""REST API for the CMS webhook's delivery log (admins): list, read one, retry now.

Thin like ``webui.api``: each view calls one ``desk.webhooks`` method as the
token's owner; the service refuses anyone but an administrator.
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import Boolean, Dict, Integer, List, Nested, String
from apiflask.validators import OneOf, Range

from translate.desk.webhooks.deliveries import STATES
from webui.api import row_id
from webui.auth import api_user, csrf, get_desk, token_auth

bp = APIBlueprint("webhooks_api", __name__, url_prefix="/api/v1", tag="Webhooks")
# Bearer tokens only, like the rest of /api/v1: no session cookie is honoured, so CSRF cannot apply.
csrf.exempt(bp)


class DeliveryPath(Schema):
    delivery_id = row_id("delivery")


class DeliveryQuery(Schema):
    state = String(validate=OneOf(STATES), metadata={"description": "Only deliveries in this state."})
    limit = Integer(load_default=50, validate=Range(min=1, max=500))
    offset = Integer(load_default=0, validate=Range(min=0, max=10**9))


class DeliveryOut(Schema):
    id = Integer(required=True)
    event = String(required=True, metadata={"description": "`published` or `unpublished`."})
    document_id = Integer(allow_none=True)
    document_title = String(allow_none=True)
    state = String(required=True, metadata={"description": "`pending`, `sending`, `delivered` or `failed`."})
    attempts = Integer(required=True)
    next_attempt_at = String(allow_none=True, metadata={"description": "UTC; when a pending delivery is tried next."})
    last_attempt_at = String(allow_none=True)
    last_status = Integer(allow_none=True, metadata={"description": "The receiver's last HTTP status."})
    last_error = String(allow_none=True)
    url = String(allow_none=True, metadata={"description": "Where the last attempt went."})
    created_at = String(required=True)
    delivered_at = String(allow_none=True)
    body = Dict(required=True, metadata={"description": "The JSON body POSTed (the same bytes on every attempt)."})


class DeliveryItemOut(DeliveryOut):
    """One delivery in a list: its own class, so the spec does not meet ``DeliveryOut`` twice."""


class DeliveryListOut(Schema):
    items = List(Nested(DeliveryItemOut), required=True)
    total = Integer(required=True)
    counts = Dict(keys=String(), values=Integer(), required=True, metadata={"description": "Deliveries per state."})
    configured = Boolean(required=True, metadata={"description": "Whether SONGNGU_WEBHOOK_URL is set."})


@bp.get("/webhooks/deliveries/<int:delivery_id>")
@bp.auth_required(token_auth)
@bp.input(DeliveryPath, location="path", arg_name="path")
@bp.output(DeliveryOut)
@bp.doc(summary="One webhook delivery with its body (admins)", responses=[400, 401, 403, 404])
def get_delivery(delivery_id: int, path: dict[str, int]) -> dict[str, Any]:
    return get_desk().webhooks.get(api_user(), delivery_id).to_dict()


@bp.post("/webhooks/deliveries/<int:delivery_id>/retry")
@bp.auth_required(token_auth)
@bp.input(DeliveryPath, location="path", arg_name="path")
@bp.output(DeliveryOut)
@bp.doc(summary="Try a pending or failed delivery again now (admins)",
        description="Queues the next attempt at once; a failed delivery gets one more attempt. "
                    "An already delivered one answers 409.",
        responses=[400, 401, 403, 404, 409])
def retry_delivery(delivery_id: int, path: dict[str, int]) -> dict[str, Any]:
    return get_desk().webhooks.retry_now(api_user(), delivery_id).to_dict()


@bp.get("/webhooks/deliveries")
@bp.auth_required(token_auth)
@bp.input(DeliveryQuery, location="query", arg_name="query")
@bp.output(DeliveryListOut)
@bp.doc(summary="The webhook delivery log, newest first (admins)", responses=[400, 401, 403])
def list_deliveries(query: dict[str, Any]) -> dict[str, Any]:
    page = get_desk().webhooks.deliveries(api_user(), state=query.get("state"), limit=query["limit"],
                                          offset=query["offset"])
    return {"items": [d.to_dict() for d in page.items], "total": page.total, "counts": page.counts,
            "configured": page.configured}
