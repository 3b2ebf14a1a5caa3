"""Post-edit analytics: one record per confirmed segment (task D)

Revision ID: 0007_postedit
Revises: 0006_webhooks
Create Date: 2026-12-03 11:13:00

- ``postedit_records`` (``translate/desk/postedit/records.py``): for each confirmed
  segment, the machine draft and the final text, HTER and its parts, character edit
  distance, editing time and keystrokes summed over confirms, memory use, the draft's
  signature and model, glossary term outcomes and QA flag counts, and the direction,
  section, translator and times the dashboards group by.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_postedit"
down_revision = "0006_webhooks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "postedit_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("source_lang", sa.String(length=2), nullable=False),
        sa.Column("target_lang", sa.String(length=2), nullable=False),
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("field", sa.String(length=10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=12), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("draft", sa.Text(), nullable=True),
        sa.Column("final", sa.Text(), nullable=False),
        sa.Column("source_words", sa.Integer(), nullable=False),
        sa.Column("hter", sa.Float(), nullable=True),
        sa.Column("ter_edits", sa.Float(), nullable=True),
        sa.Column("ref_words", sa.Float(), nullable=True),
        sa.Column("char_distance", sa.Integer(), nullable=True),
        sa.Column("unchanged", sa.Boolean(), nullable=False),
        sa.Column("active_ms", sa.Integer(), nullable=True),
        sa.Column("keystrokes", sa.Integer(), nullable=True),
        sa.Column("confirms", sa.Integer(), nullable=False),
        sa.Column("memory_used", sa.Boolean(), nullable=False),
        sa.Column("memory_pct", sa.Float(), nullable=True),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("terms_held", sa.Integer(), nullable=False),
        sa.Column("terms_changed", sa.Integer(), nullable=False),
        sa.Column("terms_flagged", sa.Integer(), nullable=False),
        sa.Column("terms_fixed", sa.Integer(), nullable=False),
        sa.Column("draft_flags", sa.Integer(), nullable=False),
        sa.Column("final_flags", sa.Integer(), nullable=False),
        sa.Column("flags_resolved", sa.Integer(), nullable=False),
        sa.Column("first_confirmed_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_postedit_records_document_id_documents"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["segment_id"], ["segments.id"],
                                name=op.f("fk_postedit_records_segment_id_segments"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_postedit_records_user_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_postedit_records")),
        sa.UniqueConstraint("segment_id", name=op.f("uq_postedit_records_segment_id")),
    )
    with op.batch_alter_table("postedit_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_postedit_records_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_postedit_records_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_postedit_records_confirmed_at"), ["confirmed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("postedit_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_postedit_records_confirmed_at"))
        batch_op.drop_index(batch_op.f("ix_postedit_records_user_id"))
        batch_op.drop_index(batch_op.f("ix_postedit_records_document_id"))
    op.drop_table("postedit_records")
