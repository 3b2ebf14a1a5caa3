"""Model adaptation runs: state, progress and provenance (task F)

Revision ID: 0009_adaptation
Revises: 0008_term_proposals
Create Date: 2026-12-03 11:15:00

PLACEHOLDER: no schema change yet; the task named above fills in upgrade()/downgrade().
"""

from __future__ import annotations

revision = "0009_adaptation"
down_revision = "0008_term_proposals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
