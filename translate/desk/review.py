"""Review comments: threads a reviewer and a translator keep per segment (or about the whole article).

A reviewer who sends a segment back says why in a comment of kind ``send_back``;
anyone working on the article may reply (``parent_id``) or mark the thread
resolved. Bodies are plain text, stored as typed (NFC) and escaped wherever
they are shown.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from glossary.db import Base
from translate.desk.documents import utcnow

COMMENT = "comment"
SEND_BACK = "send_back"
COMMENT_KINDS = (COMMENT, SEND_BACK)


class SegmentComment(Base):
    __tablename__ = "segment_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # None: a comment on the whole article (an article sent back as a whole).
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"), nullable=True,
                                                   index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("segment_comments.id", ondelete="CASCADE"),
                                                  nullable=True)
    kind: Mapped[str] = mapped_column(String(12), default=COMMENT)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
