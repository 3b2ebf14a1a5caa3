"""``songngu models adapt|runs|cancel|revisions|accept|rollback``: adapt a model to the site, then decide.

Adapting fine-tunes the direction's model on the desk's approved translations
and installs the result as a new revision; it becomes the default only when it
scored better on held-out articles and an admin accepts it.
"""

from __future__ import annotations

import time

import click

from cli.accounts import OPERATOR, open_desk
from translate.errors import SongnguError

POLL_S = 2.0


def _describe(run) -> str:
    line = f"run {run.id} {run.src}->{run.tgt}: {run.state}"
    if run.active:
        line += f" ({run.stage}, step {run.step}/{run.total_steps}, {run.percent}%)"
    if run.revision:
        line += f"; revision {run.revision}"
    if run.error:
        line += f"; {run.error}"
    return line


def _scores(run) -> list[str]:
    ev = run.evaluation or {}
    lines = []
    for name in ("current", "adapted"):
        s = (ev.get("scores") or {}).get(name)
        if s:
            terms = f"  terms held {s['terms_held']}/{s['terms_expected']}" if s.get("terms_expected") else ""
            lines.append(f"  {name:<8} BLEU {s['bleu']:6.2f}  chrF {s['chrf']:6.2f}  TER {s['ter']:6.2f}{terms}")
    if ev:
        p = ev.get("p_values") or {}
        lines.append(f"  held-out: {ev.get('lines')} sentences; paired bootstrap p: "
                     + ", ".join(f"{m} {v}" for m, v in p.items()))
        lines.append("  better: yes (accept it with `songngu models accept`)" if ev.get("better")
                     else "  better: no (it cannot become the default)")
    return lines


@click.command("adapt")
@click.option("--src", required=True, help="source language (vi or en)")
@click.option("--tgt", required=True, help="target language (en or vi)")
@click.option("--from-model", default=None, help="the installed model to start from (default: the direction's)")
@click.option("--min-pairs", default=200, show_default=True, type=click.IntRange(min=2),
              help="refuse to start with fewer usable approved sentence pairs")
@click.option("--steps", default=1000, show_default=True, type=click.IntRange(1, 100_000),
              help="training steps at most (early stopping on the held-out articles may end sooner)")
@click.option("--learning-rate", "--lr", "learning_rate", default=5e-5, show_default=True, type=float,
              help="peak learning rate (linear warm-up, then linear decay)")
@click.option("--wait", is_flag=True, help="run it in this process and wait, instead of queueing it")
def models_adapt(src: str, tgt: str, from_model: str | None, min_pairs: int, steps: int, learning_rate: float,
                 wait: bool) -> None:
    """Fine-tune a direction's model on the desk's approved translations; install it as a new revision."""
    with open_desk() as desk:
        run = desk.adaptation.request(OPERATOR, src, tgt, from_model=from_model, min_pairs=min_pairs,
                                      steps=steps, learning_rate=learning_rate, enqueue=not wait)
        click.echo(f"run {run.id}: {run.train_pairs} training pairs, {run.heldout_pairs} held out "
                   f"(by article), up to {run.total_steps} steps", err=True)
        if not wait:
            click.echo(f"run {run.id} queued: the desk's worker (or `songngu worker`) runs it; follow it with "
                       f"`songngu models runs` or on the models page")
            return
        run = desk.adaptation.run_here(OPERATOR, run.id)
    click.echo(_describe(run))
    for line in _scores(run):
        click.echo(line)
    if run.state != "done":
        raise SongnguError(f"adaptation run {run.id} {run.state}" + (f": {run.error}" if run.error else ""))


@click.command("runs")
@click.option("--follow", "follow_id", type=int, default=None, help="wait for this run, printing its progress")
def models_runs(follow_id: int | None) -> None:
    """Recent adaptation runs, newest first, with their held-out scores."""
    with open_desk() as desk:
        if follow_id is not None:
            run = desk.adaptation.get(OPERATOR, follow_id)
            while run.active:
                click.echo(_describe(run), err=True)
                time.sleep(POLL_S)
                run = desk.adaptation.get(OPERATOR, follow_id)
            runs = [run]
        else:
            runs = desk.adaptation.list_runs(OPERATOR)
    if not runs:
        click.echo("no adaptation runs yet: `songngu models adapt --src vi --tgt en`")
    for run in runs:
        click.echo(_describe(run))
        for line in _scores(run):
            click.echo(line)


@click.command("cancel")
@click.argument("run_id", type=int)
def models_cancel(run_id: int) -> None:
    """Stop an adaptation run (before its next step); the current model stays the default."""
    with open_desk() as desk:
        run = desk.adaptation.cancel(OPERATOR, run_id)
    click.echo(f"run {run.id}: " + ("cancelled" if run.state == "cancelled" else "stopping before its next step"))


@click.command("revisions")
@click.argument("name")
def models_revisions(name: str) -> None:
    """The base checkpoint and the adapted revisions of a model; * marks the default."""
    with open_desk() as desk:
        rows = desk.adaptation.revisions(OPERATOR, name)
    for row in rows:
        mark = "*" if row["default"] else " "
        what = "base" if row["base"] else f"adapted from {row['base_revision']}, {row['steps']} steps"
        scores = row.get("scores") or {}
        adapted = scores.get("adapted")
        figures = (f"  held-out BLEU {scores['current']['bleu']:.2f} -> {adapted['bleu']:.2f}, "
                   f"chrF {scores['current']['chrf']:.2f} -> {adapted['chrf']:.2f}"
                   f"{'' if row['better'] else ' (not better)'}") if adapted else ""
        click.echo(f"{mark} {row['revision']:<28} {what}{figures}")


@click.command("accept")
@click.argument("name")
@click.argument("revision")
def models_accept(name: str, revision: str) -> None:
    """Make an adapted revision the default (only one that scored better on the held-out articles)."""
    with open_desk() as desk:
        result = desk.adaptation.accept(OPERATOR, name, revision)
    click.echo(f"{name}: default revision is now {result['revision']} (was {result['previous'] or 'the base'})")


@click.command("rollback")
@click.argument("name")
def models_rollback(name: str) -> None:
    """Restore the default revision that came before the current one."""
    with open_desk() as desk:
        result = desk.adaptation.rollback(OPERATOR, name)
    click.echo(f"{name}: default revision is now {result['revision'] or 'the base checkpoint'} "
               f"(was {result['previous']})")


COMMANDS = (models_adapt, models_runs, models_cancel, models_revisions, models_accept, models_rollback)
