"""Post-edit analytics: one record per confirmed segment (task D)

Revision ID: 0007_postedit
Revises: 0006_webhooks
Create Date: 2026-12-03 11:13:00

PLACEHOLDER: no schema change yet; the task named above fills in upgrade()/downgrade().
"""

from __future__ import annotations

revision = "0007_postedit"
down_revision = "0006_webhooks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
