"""Accounts: session generations, user locale, an atomic sign-in throttle, one-time link tokens

Revision ID: 0002_accounts
Revises: 0001_initial
Create Date: 2026-12-03 09:00:00

- ``users.session_generation``: bumped to end every browser session of a user.
- ``users.locale``: the user's interface language (NULL: follow the browser).
- ``login_throttle`` replaces ``login_failures``: one counter row per name and
  address, counted before the password check so parallel guesses cannot pass the
  limit. Recorded failures are not carried over: they only ever mattered for 15 minutes.
- ``one_time_tokens``: password-reset and first-admin set-up links, stored hashed.

Columns are added and dropped with plain ALTER TABLE (SQLite >= 3.35 drops columns
in place), never by rebuilding ``users``: dropping that table to rebuild it would
cascade to every row that references a user.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_accounts"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("session_generation", sa.Integer(), server_default="0", nullable=False))
    op.add_column("users", sa.Column("locale", sa.String(length=8), nullable=True))

    op.create_table(
        "login_throttle",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("remote", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", "remote", name=op.f("pk_login_throttle")),
    )
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_login_failures_name_remote_at")
    op.drop_table("login_failures")

    op.create_table(
        "one_time_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('reset', 'setup')", name=op.f("ck_one_time_tokens_kind")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_one_time_tokens_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_one_time_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_one_time_tokens_token_hash")),
    )
    with op.batch_alter_table("one_time_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_one_time_tokens_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("one_time_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_one_time_tokens_user_id"))
    op.drop_table("one_time_tokens")

    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("remote", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.create_index("ix_login_failures_name_remote_at", ["name", "remote", "at"], unique=False)
    op.drop_table("login_throttle")

    op.drop_column("users", "locale")
    op.drop_column("users", "session_generation")
