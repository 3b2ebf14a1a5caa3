"""Publishing: the publication log with the exact texts published, site slugs, unpublishing (task A)

Revision ID: 0004_publishing
Revises: 0003_review
Create Date: 2026-12-03 11:10:00

- ``site_articles``: each published (or once published) article's stable slugs per
  language, its section and the texts readers see while ``live``.
- ``site_publications``: the publication log (who, when, both languages' exact texts,
  override reasons, withdrawals with their reason, the site release written).
- ``site_releases``: site releases whose database change committed (crash recovery).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_publishing"
down_revision = "0003_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_articles",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("slug_vi", sa.String(length=120), nullable=False),
        sa.Column("slug_en", sa.String(length=120), nullable=False),
        sa.Column("live", sa.Boolean(), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("first_published_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("published_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_site_articles_document_id_documents"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["published_by"], ["users.id"],
                                name=op.f("fk_site_articles_published_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_site_articles")),
        sa.UniqueConstraint("slug_vi", name=op.f("uq_site_articles_slug_vi")),
        sa.UniqueConstraint("slug_en", name=op.f("uq_site_articles_slug_en")),
    )
    with op.batch_alter_table("site_articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_articles_live"), ["live"], unique=False)
    op.create_table(
        "site_publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=120), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("blocking", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("texts", sa.JSON(), nullable=True),
        sa.Column("release", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_site_publications_document_id_documents"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_site_publications_user_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_publications")),
    )
    with op.batch_alter_table("site_publications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_publications_document_id"), ["document_id"], unique=False)
    op.create_table(
        "site_releases",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_releases")),
    )


def downgrade() -> None:
    op.drop_table("site_releases")
    with op.batch_alter_table("site_publications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_publications_document_id"))
    op.drop_table("site_publications")
    with op.batch_alter_table("site_articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_articles_live"))
    op.drop_table("site_articles")
