"""Webhooks: deliveries of publications and withdrawals to a CMS, with attempts (task C)

Revision ID: 0006_webhooks
Revises: 0005_media
Create Date: 2026-12-03 11:12:00

PLACEHOLDER: no schema change yet; the task named above fills in upgrade()/downgrade().
"""

from __future__ import annotations

revision = "0006_webhooks"
down_revision = "0005_media"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
