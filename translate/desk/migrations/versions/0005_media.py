"""Photos: images of an article, content-addressed, with captions and alt text per language (task B)

Revision ID: 0005_media
Revises: 0004_publishing
Create Date: 2026-12-03 11:11:00

PLACEHOLDER: no schema change yet; the task named above fills in upgrade()/downgrade().
"""

from __future__ import annotations

revision = "0005_media"
down_revision = "0004_publishing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
