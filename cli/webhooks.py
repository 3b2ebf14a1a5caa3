"""``songngu webhooks``: the CMS webhook's delivery log from the command line, and retrying a delivery.

The command line is the server's operator (admin rights). ``retry --send``
attempts the delivery in this process, for set-ups where no worker is running.
"""

from __future__ import annotations

import json
import sys

import click

from cli.accounts import OPERATOR, open_desk
from translate.desk.webhooks.deliveries import STATES


@click.group("webhooks", help="The webhook delivery log (SONGNGU_WEBHOOK_URL): list deliveries, retry one now.")
def webhooks() -> None:
    pass


@webhooks.command("list")
@click.option("--state", type=click.Choice(STATES), help="Only deliveries in this state.")
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with each delivery's body).")
def list_cmd(state: str | None, limit: int, as_json: bool) -> None:
    with open_desk() as desk:
        page = desk.webhooks.deliveries(OPERATOR, state=state, limit=limit)
    if as_json:
        json.dump({"items": [d.to_dict() for d in page.items], "total": page.total, "counts": page.counts,
                   "configured": page.configured}, sys.stdout, ensure_ascii=False, indent=2)
        click.echo()
        return
    if not page.configured:
        click.echo("no webhook is configured (SONGNGU_WEBHOOK_URL, SONGNGU_WEBHOOK_SECRET)", err=True)
    for d in page.items:
        answer = d.last_error or (f"HTTP {d.last_status}" if d.last_status else "-")
        due = f" next {d.next_attempt_at:%Y-%m-%d %H:%M:%S}Z" if d.state == "pending" and d.next_attempt_at else ""
        click.echo(f"#{d.id}\t{d.event}\tdoc {d.document_id or '-'}\t{d.state}\t{d.attempts} attempt(s)\t"
                   f"{answer}{due}")
    click.echo(" ".join(f"{k}={v}" for k, v in page.counts.items()), err=True)


@webhooks.command("retry")
@click.argument("delivery_id", type=int)
@click.option("--send", is_flag=True, help="Attempt it now in this process instead of queueing it for a worker.")
def retry_cmd(delivery_id: int, send: bool) -> None:
    """Make a pending or failed delivery due now (a failed one gets one more attempt)."""
    with open_desk() as desk:
        view = desk.webhooks.retry_now(OPERATOR, delivery_id)
        state = desk.webhooks.deliver(delivery_id) if send else view.state
        after = desk.webhooks.get(OPERATOR, delivery_id)
    click.echo(f"#{delivery_id}: {state}" + (f" ({after.last_error})" if send and after.last_error else ""))
    if send and state != "delivered":
        sys.exit(2)
