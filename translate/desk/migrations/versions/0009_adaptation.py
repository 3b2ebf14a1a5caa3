"""Model adaptation runs: state, progress and provenance (task F)

Revision ID: 0009_adaptation
Revises: 0008_term_proposals
Create Date: 2026-12-03 11:15:00

- ``adaptation_runs``: one row per ``songngu models adapt`` request (or the models
  page's Adapt form): direction, base model and revision, state and stage, step of
  total, the cancel flag the run checks between steps, the process running it, and
  what came out (revision, data sizes, losses, held-out scores).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_adaptation"
down_revision = "0008_term_proposals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "adaptation_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("src", sa.String(length=2), nullable=False),
        sa.Column("tgt", sa.String(length=2), nullable=False),
        sa.Column("model_name", sa.String(length=120), nullable=True),
        sa.Column("base_revision", sa.String(length=120), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("total_steps", sa.Integer(), nullable=False),
        sa.Column("min_pairs", sa.Integer(), nullable=False),
        sa.Column("learning_rate", sa.Float(), nullable=False),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=True),
        sa.Column("revision", sa.String(length=120), nullable=True),
        sa.Column("train_pairs", sa.Integer(), nullable=True),
        sa.Column("heldout_pairs", sa.Integer(), nullable=True),
        sa.Column("train_loss", sa.Float(), nullable=True),
        sa.Column("heldout_loss", sa.Float(), nullable=True),
        sa.Column("evaluation", sa.JSON(), nullable=True),
        sa.Column("better", sa.Boolean(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["requested_by"], ["users.id"],
                                name=op.f("fk_adaptation_runs_requested_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adaptation_runs")),
    )
    with op.batch_alter_table("adaptation_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_adaptation_runs_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("adaptation_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_adaptation_runs_state"))
    op.drop_table("adaptation_runs")
