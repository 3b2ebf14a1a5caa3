"""Review: comment threads per segment (and per article) for sending work back

Revision ID: 0003_review
Revises: 0002_accounts
Create Date: 2026-12-10 09:00:00

- ``segment_comments``: a reviewer's "send back" reasons and the replies to them,
  per segment (``segment_id``) or about the whole article (``segment_id`` NULL),
  threaded by ``parent_id``, resolved with ``resolved_at``/``resolved_by``.

The "rejected" segment state (a segment sent back) needs no schema change: the
state column is a 12-character string.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_review"
down_revision = "0002_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "segment_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_segment_comments_document_id_documents"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["segment_id"], ["segments.id"],
                                name=op.f("fk_segment_comments_segment_id_segments"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_segment_comments_user_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["parent_id"], ["segment_comments.id"],
                                name=op.f("fk_segment_comments_parent_id_segment_comments"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["resolved_by"], ["users.id"],
                                name=op.f("fk_segment_comments_resolved_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segment_comments")),
    )
    with op.batch_alter_table("segment_comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_segment_comments_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_segment_comments_segment_id"), ["segment_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("segment_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_segment_comments_segment_id"))
        batch_op.drop_index(batch_op.f("ix_segment_comments_document_id"))
    op.drop_table("segment_comments")
