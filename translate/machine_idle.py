"""Was the machine idle while the benchmark measured? A busy core ruins the figures silently.

With another process holding one core of two, torch's threads wait on each
other and the transformers baseline drops several-fold while CTranslate2
barely moves, so the ratios come out absurd without any error. We therefore
record the load average and how much CPU time *other* processes took during a
run: the whole machine's busy time from ``/proc/stat`` minus the CPU time of
this process and the children it has waited for (``resource.getrusage``), so
the benchmark's own server subprocess does not count against it.
"""

from __future__ import annotations

import contextlib
import os
import resource
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Other processes using more than this many cores on average make a run "not idle".
OTHER_CORES_LIMIT = 0.3
PROC_STAT = Path("/proc/stat")
# /proc/stat columns after "cpu": user nice system idle iowait irq softirq steal guest guest_nice.
# guest time is already counted in user, so it is left out; idle and iowait are not busy.
_BUSY_COLUMNS = (0, 1, 2, 5, 6, 7)


@dataclass(frozen=True)
class CpuSample:
    wall_s: float
    busy_s: float | None  # CPU seconds every process on the machine has spent busy; None when unknown
    own_s: float  # CPU seconds of this process and its reaped children
    loadavg: tuple[float, float, float] | None


def busy_seconds(proc_stat: str, ticks_per_s: float) -> float | None:
    """Busy CPU seconds summed over all cores, from the text of ``/proc/stat``."""
    for line in proc_stat.splitlines():
        parts = line.split()
        if parts and parts[0] == "cpu":
            values = [int(v) for v in parts[1:]]
            return sum(values[i] for i in _BUSY_COLUMNS if i < len(values)) / ticks_per_s
    return None


def own_cpu_seconds() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def parse_pid_stat(text: str) -> tuple[int, float]:
    """(parent pid, user+system ticks) from the text of ``/proc/<pid>/stat``; the name may hold spaces."""
    rest = text[text.rindex(")") + 2:].split()
    return int(rest[1]), float(rest[11]) + float(rest[12])


def process_tree_cpu_seconds(root_pid: int, proc: Path = Path("/proc")) -> float | None:
    """CPU seconds used so far by a live process and all its descendants; None when /proc cannot tell."""
    stats: dict[int, tuple[int, float]] = {}
    try:
        for entry in proc.iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError, ValueError, IndexError):
                    stats[int(entry.name)] = parse_pid_stat((entry / "stat").read_text(encoding="utf-8", errors="replace"))
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None
    if root_pid not in stats:
        return None
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _) in stats.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(stats[pid][1] for pid in tree) / ticks


def sample() -> CpuSample:
    """The machine's and our own CPU counters now."""
    busy = None
    # Not Linux: other processes' share is unknown, only the load average is recorded.
    with contextlib.suppress(OSError, ValueError):
        busy = busy_seconds(PROC_STAT.read_text(encoding="ascii"), os.sysconf("SC_CLK_TCK"))
    try:
        load = tuple(round(v, 2) for v in os.getloadavg())
    except OSError:
        load = None
    return CpuSample(time.monotonic(), busy, own_cpu_seconds(), load)  # type: ignore[arg-type]


def assess(before: CpuSample, after: CpuSample, cores: int, limit_cores: float = OTHER_CORES_LIMIT) -> dict[str, Any]:
    """How busy others kept the machine between two samples, and whether that counts as idle.

    ``machine_idle`` is None when the machine's busy time cannot be read.
    """
    wall = max(after.wall_s - before.wall_s, 1e-9)
    own = after.own_s - before.own_s
    result: dict[str, Any] = {
        "machine_idle": None,
        "wall_s": round(wall, 2),
        "own_cpu_s": round(own, 2),
        "other_cpu_s": None,
        "other_cores": None,
        "limit_cores": limit_cores,
        "cores": cores,
        "loadavg_before": list(before.loadavg) if before.loadavg else None,
        "loadavg_after": list(after.loadavg) if after.loadavg else None,
    }
    if before.busy_s is not None and after.busy_s is not None:
        # Tick-sampled busy time and exact rusage disagree by a few ticks; never below zero.
        other = max(0.0, (after.busy_s - before.busy_s) - own)
        result["other_cpu_s"] = round(other, 2)
        result["other_cores"] = round(other / wall, 3)
        result["machine_idle"] = other / wall <= limit_cores
    return result


def warning(result: dict[str, Any], what: str = "this run") -> str | None:
    """A loud, one-paragraph warning when ``result`` says others were busy; None when idle or unknown."""
    if result.get("machine_idle") is not False:
        return None
    load = result.get("loadavg_before")
    return (
        f"WARNING: the machine was NOT idle during {what}: other processes used "
        f"{result['other_cpu_s']:.1f} CPU-s in {result['wall_s']:.0f} s "
        f"({result['other_cores']:.2f} of {result['cores']} cores; limit {result['limit_cores']:g}); "
        f"load average {load} -> {result.get('loadavg_after')}. These figures are NOT comparable: a core "
        "taken by another process slows torch several-fold (CTranslate2 barely) and stretches every "
        "latency. Rerun on an idle machine before reporting them."
    )


class IdleWatch:
    """``with IdleWatch(cores) as w: ...`` then ``w.result`` (see :func:`assess`)."""

    def __init__(self, cores: int | None = None, limit_cores: float = OTHER_CORES_LIMIT) -> None:
        self.cores = cores or os.cpu_count() or 1
        self.limit_cores = limit_cores
        self.before: CpuSample | None = None
        self.result: dict[str, Any] = {}

    def __enter__(self) -> IdleWatch:
        self.before = sample()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.before is not None
        self.result = assess(self.before, sample(), self.cores, self.limit_cores)
