"""``songngu glossary``: what a user types and sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.glossary import glossary
from glossary.io import SEED_PATH


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SONGNGU_DATABASE_URL", raising=False)
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("SONGNGU_USER", "tester")
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(glossary, list(args), catch_exceptions=False)

    return invoke


def test_first_use_loads_the_seed_into_the_instance_database(run, tmp_path: Path) -> None:
    result = run("version")
    assert result.exit_code == 0 and result.output.strip() == "1"
    assert (tmp_path / "instance" / "songngu.db").exists()


def test_match_shows_offsets_entries_and_targets(run) -> None:
    result = run("match", "Năm 2019, Hà Nội trở thành Thành phố Sáng tạo Thiết kế.", "--src", "vi")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split("\t")[:3] == ["10-16", "Hà Nội", "entry 112 (name)"]
    assert lines[0].endswith("-> Hanoi | Ha Noi")
    assert lines[1].startswith("27-54\tThành phố Sáng tạo Thiết kế\tentry 4 (term)")
    assert "not: Design Creative City" in lines[1]
    assert run("match", "nothing here", "--src", "en").output.strip() == "no glossary terms found"


def test_export_csv_is_the_seed(run, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert run("export", "--format", "csv", "-o", str(out)).exit_code == 0
    assert out.read_bytes() == SEED_PATH.read_bytes()
    assert run("export", "--format", "tbx").output.startswith("<?xml")


def test_import_reports_counts_and_is_recorded_under_the_user(run, tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text(
        "id,domain,kind,vi,en,vi_variants,en_variants,en_forbidden,note\n"
        "500,craft,term,gốm men lam,blue-glazed ceramics,,,,\n",
        encoding="utf-8",
    )
    result = run("import", str(path), "--status", "proposed")
    assert result.exit_code == 0
    assert result.output.strip() == "imported new.csv: 1 created, 0 updated, 0 unchanged; glossary version 2"
    listed = run("list", "--status", "proposed").output.splitlines()
    assert listed == ["500\tproposed\tcraft\tterm\tgốm men lam\tblue-glazed ceramics"]


def test_bad_file_gives_one_line_error_and_nonzero_exit(run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tbx"
    bad.write_bytes(b"<tbx><text><body><conceptEntry></body></text></tbx>")
    result = run("import", str(bad))
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1
    assert "bad.tbx" in result.output and "line 1" in result.output
    assert "Traceback" not in result.output
    assert run("version").output.strip() == "1"


def test_unknown_format_and_missing_file_are_plain_errors(run, tmp_path: Path) -> None:
    odd = tmp_path / "terms.txt"
    odd.write_text("x")
    result = run("import", str(odd))
    assert result.exit_code != 0 and "--format" in result.output
    result = run("import", str(tmp_path / "nope.csv"))
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_list_filters_by_domain(run) -> None:
    lines = run("list", "--domain", "cuisine").output.splitlines()
    assert len(lines) == 7 and all("\tcuisine\t" in line for line in lines)


def test_database_url_takes_precedence(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SONGNGU_DATABASE_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    assert run("version").output.strip() == "1"
    assert (tmp_path / "elsewhere.db").exists()
    assert not (tmp_path / "instance" / "songngu.db").exists()
