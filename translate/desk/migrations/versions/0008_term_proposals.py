"""The glossary learns: proposals from translators' repeated edits (task E)

Revision ID: 0008_term_proposals
Revises: 0007_postedit
Create Date: 2026-12-03 11:14:00

- ``term_proposals``: a glossary change the desk proposes from confirmed segments
  (a new variant, a swap of the preferred form, a new entry) with its evidence,
  open until an admin accepts or rejects it. ``open_key`` is unique and NULL once
  decided, so one change has at most one open proposal.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_term_proposals"
down_revision = "0007_postedit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "term_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("src_lang", sa.String(length=2), nullable=False),
        sa.Column("tgt_lang", sa.String(length=2), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("source_phrase", sa.Text(), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("change_key", sa.String(length=700), nullable=False),
        sa.Column("open_key", sa.String(length=700), nullable=True),
        sa.Column("support", sa.Integer(), nullable=False),
        sa.Column("share", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_by_name", sa.String(length=120), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("glossary_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["glossary_entries.id"],
                                name=op.f("fk_term_proposals_entry_id_glossary_entries"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"],
                                name=op.f("fk_term_proposals_decided_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_term_proposals")),
        sa.UniqueConstraint("open_key", name=op.f("uq_term_proposals_open_key")),
    )
    with op.batch_alter_table("term_proposals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_term_proposals_change_key"), ["change_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_term_proposals_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_term_proposals_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("term_proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_term_proposals_state"))
        batch_op.drop_index(batch_op.f("ix_term_proposals_entry_id"))
        batch_op.drop_index(batch_op.f("ix_term_proposals_change_key"))
    op.drop_table("term_proposals")
