"""Photos: images of an article, content-addressed, with captions and alt text per language (task B)

Revision ID: 0005_media
Revises: 0004_publishing
Create Date: 2026-12-03 11:11:00

- ``article_images``: one row per distinct picture (by SHA-256 of the stored bytes) of an
  article: type, size, order in the body, alt text per language, original file name, who
  added it and when, and ``removed_at`` once taken out of the body (kept for the texts
  already published). The bytes live in the media folder (``SONGNGU_MEDIA_DIR``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_media"
down_revision = "0004_publishing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("ext", sa.String(length=5), nullable=False),
        sa.Column("mime", sa.String(length=20), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("alt_vi", sa.Text(), nullable=False),
        sa.Column("alt_en", sa.Text(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_article_images_document_id_documents"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"],
                                name=op.f("fk_article_images_created_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_images")),
        sa.UniqueConstraint("document_id", "sha256", name="uq_article_images_document_sha256"),
    )
    with op.batch_alter_table("article_images", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_images_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_article_images_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("article_images", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_images_sha256"))
        batch_op.drop_index(batch_op.f("ix_article_images_document_id"))
    op.drop_table("article_images")
