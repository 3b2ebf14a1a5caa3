"""``songngu glossary learn`` and ``songngu glossary missed``: the glossary learning from translators.

``learn`` stores proposals for an admin to accept or reject in the glossary admin;
it never changes the glossary itself. ``missed`` lists, per MT model, the entries
its drafts most often miss. The command line is the server's operator (admin).
"""

from __future__ import annotations

import json

import click

from cli.accounts import OPERATOR, open_desk
from translate.desk.term_learning import LearningOptions

DEFAULTS = LearningOptions()


@click.command("learn")
@click.option("--min-segments", type=int, default=DEFAULTS.min_segments, show_default=True,
              help="Confirmed segments that must show the same change.")
@click.option("--min-translators", type=int, default=DEFAULTS.min_translators, show_default=True,
              help="Distinct translators who must have made it.")
@click.option("--min-dice", type=float, default=DEFAULTS.min_dice, show_default=True,
              help="How consistently a new phrase and its translation occur together (0-1).")
@click.option("--preferred-share", type=float, default=DEFAULTS.preferred_share, show_default=True,
              help="Share of drafts where translators swap the preferred form for the same variant (0-1).")
@click.option("--max-segments", type=int, default=DEFAULTS.max_segments, show_default=True,
              help="Most recent confirmed segments to read.")
@click.option("--json", "as_json", is_flag=True, help="Print the open proposals as JSON.")
def learn_cmd(min_segments: int, min_translators: int, min_dice: float, preferred_share: float,
              max_segments: int, as_json: bool) -> None:
    """Find glossary proposals in the confirmed segments (an admin decides on each in the web UI)."""
    options = LearningOptions(min_segments=min_segments, min_translators=min_translators, min_dice=min_dice,
                              preferred_share=preferred_share, max_segments=max_segments)
    with open_desk() as desk:
        result = desk.term_proposals.learn(OPERATOR, options)
        proposals = desk.term_proposals.list(OPERATOR, limit=500)
    if as_json:
        click.echo(json.dumps({"result": result, "open": proposals}, ensure_ascii=False, default=str, indent=1))
        return
    click.echo(f"read {result['segments']} confirmed segments; proposals: {result['created']} new, "
               f"{result['refreshed']} refreshed, {result['held_back']} held back (decided before), "
               f"{result['open']} open")
    for p in proposals:
        what = {"variant": f"add variant {p['form']!r} to entry {p['entry_id']}",
                "preferred": f"make {p['form']!r} the preferred form of entry {p['entry_id']}",
                "entry": f"new entry {p['source_phrase']!r} = {p['form']!r}"}[p["kind"]]
        click.echo(f"#{p['id']}\t{what}\t{p['support']} segments, {len(p['translators'])} translators")


@click.command("missed")
@click.option("--model", default=None, help="Only this model (as named in the drafts' signatures).")
@click.option("--limit", type=int, default=20, show_default=True, help="Entries per model.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def missed_cmd(model: str | None, limit: int, as_json: bool) -> None:
    """Per MT model, the glossary entries its drafts most often miss or get wrong."""
    with open_desk() as desk:
        report = desk.term_proposals.most_missed(OPERATOR, model=model, limit=limit)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    if not report:
        click.echo("no machine drafts with glossary misses")
    for group in report:
        click.echo(f"{group['model']} ({group['drafts']} drafts)")
        for e in group["entries"]:
            click.echo(f"  entry {e['entry_id']}\t{e['vi']} = {e['en']}\tfailed in {e['failed']} of "
                       f"{e['drafts']} drafts (missing {e['missing']}, wrong form {e['wrong']})")
