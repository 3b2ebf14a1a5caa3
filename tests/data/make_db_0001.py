"""Build a database with the code at 4bdb1aa (revision 0001) and dump it as SQL."""
import json, os, sqlite3, sys
from pathlib import Path
inst = Path(sys.argv[1]); models = sys.argv[2]
os.environ["SONGNGU_INSTANCE"] = str(inst); os.environ["SONGNGU_MODELS_DIR"] = models
from translate.desk import Desk
desk = Desk()
ed = desk.create_user("ed", "editor", "correct horse battery")
tr = desk.create_user("tran", "translator", "correct horse battery")
ad = desk.create_user("root", "admin", "correct horse battery")
art = json.loads(Path("../shared/data/articles/vi-04-nghe-thu-cong.json").read_text())
doc = desk.create_document(ed, source_lang="vi", category=art["category"], title=art["title"],
                           summary=art["summary"], body_html=art["body_html"])
job = desk.request_translation(ed, doc.id); desk.run_queued_jobs()
d = desk.get_document(ed, doc.id)
s0 = d.segments[0]
desk.save_segment(tr, s0.id, "Bat Trang pottery village", s0.version)
desk.confirm_segment(tr, s0.id)
desk.glossary_propose(tr, vi="gốm men lam", en="blue-glazed ceramics", kind="term", domain="craft")
tok = desk.create_token("ed", "CMS")
desk.close()
con = sqlite3.connect(inst / "songngu.db")
Path(sys.argv[3]).write_text("\n".join(con.iterdump()) + "\n", encoding="utf-8")
Path(sys.argv[3]).with_suffix(".json").write_text(json.dumps({"document_id": doc.id, "segments": len(d.segments), "token": tok, "password": "correct horse battery", "made_by": "4bdb1aa"}, indent=1) + "\n")
