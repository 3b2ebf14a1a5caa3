"""``songngu serve --workers N``: first-run work once, before any fork; jobs in exactly one place.

The forking itself runs in the slow load-run test (tests/test_bench.py), against a
real gunicorn; here the master's part is checked with the server replaced.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from click.testing import CliRunner

import cli.serve
import cli.web_processes
from cli.main import main


@pytest.fixture
def served(monkeypatch) -> list[dict]:
    calls: list[dict] = []

    def fake(make_app, host, port, workers, threads, job_worker):
        calls.append({"host": host, "port": port, "workers": workers, "threads": threads,
                      "job_worker": job_worker, "app": make_app()})

    monkeypatch.setattr(cli.web_processes, "run_web_processes", fake)
    monkeypatch.setattr(cli.serve, "_serve_forever", lambda *a: pytest.fail("one process served instead of N"))
    return calls


def test_several_web_processes_are_set_up_once_and_run_jobs_in_one_worker_process(models_env, served, monkeypatch,
                                                                                 tmp_path):
    monkeypatch.setenv("SONGNGU_WEB_WORKERS", "3")
    res = CliRunner().invoke(main, ["serve", "--port", "8766", "--threads", "5"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    [call] = served
    assert (call["workers"], call["threads"], call["port"], call["job_worker"]) == (3, 5, 8766, True)
    assert "3 web processes x 5 web threads" in res.output
    assert "jobs run in one `songngu worker` process" in res.output
    # The master migrated the database and printed the one-time set-up link before forking.
    assert res.output.count("/setup/") == 1
    assert (tmp_path / "instance" / "secret_key").is_file()  # one key, not one raced per web process
    # Each web process builds its own app and Desk, with no job worker of its own.
    desk = call["app"].extensions["songngu.desk"]
    try:
        assert desk.db.engine.dialect.name == "sqlite"
        assert desk.worker is None
    finally:
        desk.close()


def test_no_job_process_when_jobs_go_elsewhere(models_env, served):
    res = CliRunner().invoke(main, ["serve", "--no-worker", "--workers", "2"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert served[0]["job_worker"] is False and served[0]["workers"] == 2
    assert "none started here" in res.output
    served[0]["app"].extensions["songngu.desk"].close()


def test_workers_must_be_a_positive_number(models_env, served):
    res = CliRunner().invoke(main, ["serve", "--workers", "0"])
    assert res.exit_code != 0 and "--workers" in res.output and not served


# ------------------------------------------------------------------ keeping connections even across processes


def _worker(slots: cli.web_processes.WorkerSlots, arbiter: SimpleNamespace, pid: int):
    from gunicorn.config import Config

    w = cli.web_processes.BalancedThreadWorker(1, 0, [], None, 30, Config(), None)
    slots.give(arbiter, w)  # what the master does before forking it
    arbiter.WORKERS[pid] = w
    return w


def test_a_process_holding_more_connections_than_its_share_sends_one_away():
    """20 kept-alive post-editors once split 16/4 over two processes; the crowded one now sheds its excess."""
    slots = cli.web_processes.WorkerSlots(2)
    arbiter = SimpleNamespace(WORKERS={})
    a, b = _worker(slots, arbiter, 101), _worker(slots, arbiter, 102)
    assert (a.slot, b.slot) == (0, 1)

    a.nr_conns, b.nr_conns = 16, 4
    a._publish(), b._publish()
    assert a.over_its_share() and not b.over_its_share()
    a.nr_conns = 11
    b.nr_conns = 9
    a._publish(), b._publish()
    assert a.over_its_share()  # 11 against 9: still one to move
    a.nr_conns = b.nr_conns = 10
    a._publish(), b._publish()
    assert not a.over_its_share() and not b.over_its_share()  # even: nobody is sent away
    a.nr_conns = 11
    assert not a.over_its_share()  # one over the other is as even as an odd count gets


def test_a_restarted_process_takes_the_slot_of_the_one_it_replaces():
    slots = cli.web_processes.WorkerSlots(2)
    arbiter = SimpleNamespace(WORKERS={})
    a, b = _worker(slots, arbiter, 101), _worker(slots, arbiter, 102)
    b.nr_conns = 7
    b._publish()
    # b dies: the master frees its slot, and a lone process has no one to send connections to.
    del arbiter.WORKERS[102]
    slots.free(arbiter, b)
    a.nr_conns = 12
    a._publish()
    assert list(slots.loads) == [12, cli.web_processes.NO_WORKER]
    assert not a.over_its_share()
    c = _worker(slots, arbiter, 103)
    assert c.slot == 1 and list(slots.loads) == [12, 0]
    assert a.over_its_share()
