"""Publishing: the publication log with the exact texts published, site slugs, unpublishing (task A)

Revision ID: 0004_publishing
Revises: 0003_review
Create Date: 2026-12-03 11:10:00

PLACEHOLDER: no schema change yet; the task named above fills in upgrade()/downgrade().
"""

from __future__ import annotations

revision = "0004_publishing"
down_revision = "0003_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
