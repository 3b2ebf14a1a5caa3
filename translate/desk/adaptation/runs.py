"""The ``adaptation_runs`` table: one row per ``models adapt`` request, the truth about its state.

As with translation jobs, the queue only says "look at run N"; the row says what
the run is doing (stage, step of total), who runs it (``owner``: host and pid,
so a run whose process died is recognised), whether an admin asked it to stop,
and what came out of it (the revision, the held-out scores).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from glossary.db import Base
from translate.desk.documents import utcnow

QUEUED, RUNNING, DONE, FAILED, CANCELLED = "queued", "running", "done", "failed", "cancelled"
ACTIVE = (QUEUED, RUNNING)
FINISHED = (DONE, FAILED, CANCELLED)


class AdaptationRun(Base):
    __tablename__ = "adaptation_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    src: Mapped[str] = mapped_column(String(2))
    tgt: Mapped[str] = mapped_column(String(2))
    model_name: Mapped[str | None] = mapped_column(String(120), nullable=True)  # --from-model, None: the default
    base_revision: Mapped[str | None] = mapped_column(String(120), nullable=True)
    state: Mapped[str] = mapped_column(String(10), default=QUEUED, index=True)
    stage: Mapped[str] = mapped_column(String(20), default="")
    step: Mapped[int] = mapped_column(Integer, default=0)
    total_steps: Mapped[int] = mapped_column(Integer, default=0)
    min_pairs: Mapped[int] = mapped_column(Integer, default=0)
    learning_rate: Mapped[float] = mapped_column(Float, default=5e-5)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    owner: Mapped[str | None] = mapped_column(String(120), nullable=True)
    revision: Mapped[str | None] = mapped_column(String(120), nullable=True)
    train_pairs: Mapped[int | None] = mapped_column(Integer, nullable=True)
    heldout_pairs: Mapped[int | None] = mapped_column(Integer, nullable=True)
    train_loss: Mapped[float | None] = mapped_column(Float, nullable=True)
    heldout_loss: Mapped[float | None] = mapped_column(Float, nullable=True)
    evaluation: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # scores of current and adapted
    better: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
