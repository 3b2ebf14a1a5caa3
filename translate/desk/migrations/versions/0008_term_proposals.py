"""The glossary learns: proposals from translators' repeated edits (task E)

Revision ID: 0008_term_proposals
Revises: 0007_postedit
Create Date: 2026-12-03 11:14:00

PLACEHOLDER: no schema change yet; the task named above fills in upgrade()/downgrade().
"""

from __future__ import annotations

revision = "0008_term_proposals"
down_revision = "0007_postedit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
