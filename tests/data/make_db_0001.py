"""How ``db-0001.sql`` was made: run once at commit 4bdb1aa, with that commit's API (``Desk.create_user`` ...).

Kept as the record of what the fixture holds, not to be run again: today's code
must read the database it made, which ``tests/test_migrations.py`` checks.

    python tests/data/make_db_0001.py INSTANCE MODELS OUT.sql
"""

import json
import os
import sqlite3
import sys
from pathlib import Path

inst, models, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
os.environ["SONGNGU_INSTANCE"] = str(inst)
os.environ["SONGNGU_MODELS_DIR"] = models
from translate.desk import Desk  # noqa: E402  (after the environment is set)

desk = Desk()
ed = desk.create_user("ed", "editor", "correct horse battery")
tr = desk.create_user("tran", "translator", "correct horse battery")
ad = desk.create_user("root", "admin", "correct horse battery")
art = json.loads(Path("../shared/data/articles/vi-04-nghe-thu-cong.json").read_text())
doc = desk.create_document(ed, source_lang="vi", category=art["category"], title=art["title"],
                           summary=art["summary"], body_html=art["body_html"])
job = desk.request_translation(ed, doc.id)
desk.run_queued_jobs()
d = desk.get_document(ed, doc.id)
s0 = d.segments[0]
desk.save_segment(tr, s0.id, "Bat Trang pottery village", s0.version)
desk.confirm_segment(tr, s0.id)
desk.glossary_propose(tr, vi="gốm men lam", en="blue-glazed ceramics", kind="term", domain="craft")
tok = desk.create_token("ed", "CMS")
desk.close()
con = sqlite3.connect(inst / "songngu.db")
out.write_text("\n".join(con.iterdump()) + "\n", encoding="utf-8")
out.with_suffix(".json").write_text(json.dumps(
    {"document_id": doc.id, "segments": len(d.segments), "token": tok, "password": "correct horse battery",
     "made_by": "4bdb1aa"}, indent=1) + "\n")
