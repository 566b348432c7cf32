"""Run one measurement in a child process and report its result, wall time and peak memory.

Peak memory is read two ways. `ru_maxrss` (getrusage) is the largest resident set of any single
process: the child itself (RUSAGE_SELF, reported by the child) and the largest of its own children,
i.e. the extraction workers (RUSAGE_CHILDREN, reported by the child after its pool has exited).
Processes that run at the same time add up, so the parent also samples the summed proportional set
size (PSS) of the whole process tree every SAMPLE_S seconds: that is the machine's real peak for the run.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# A sample reads smaps_rollup of every process in the tree (about 30 ms for a GiB-sized tree while the
# run competes for the same 2 cores): sampling five times a second took ~7% of the CPU it was measuring.
SAMPLE_S = 1.0


class ChildFailed(RuntimeError):
    pass


def _pss_kib(pid: int) -> int:
    """Proportional set size: shared pages split among the processes sharing them (forked workers
    share the parent's pages, so summing plain RSS would count those pages several times)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(root: int) -> set[int]:
    """`root` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                parents[int(entry.name)] = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in tree:
                tree.add(child)
                frontier.append(child)
    return tree


def tree_memory_kib(root: int) -> int:
    return sum(_pss_kib(pid) for pid in _tree(root))


def run_child(module_args: list[str], timeout_s: float | None = None, env: dict | None = None) -> dict:
    """`python -m benchmarks.child ARGS --result FILE` in a fresh process; its JSON result plus memory."""
    with tempfile.TemporaryDirectory(prefix="tahqiq-bench-") as tmp:
        result_path = Path(tmp) / "result.json"
        command = [sys.executable, "-m", "benchmarks.child", *module_args, "--result", str(result_path)]
        peak = {"kib": 0}
        started = time.perf_counter()
        process = subprocess.Popen(
            command, env={**os.environ, **(env or {})}, stderr=subprocess.PIPE, text=True
        )
        stderr_chunks: list[str] = []
        reader = threading.Thread(target=lambda: stderr_chunks.append(process.stderr.read()), daemon=True)
        reader.start()
        while process.poll() is None:
            peak["kib"] = max(peak["kib"], tree_memory_kib(process.pid))
            if timeout_s and time.perf_counter() - started > timeout_s:
                process.kill()
                process.wait()
                raise ChildFailed(f"{' '.join(module_args[:1])} took longer than {timeout_s:.0f}s; killed")
            time.sleep(SAMPLE_S)
        reader.join(timeout=5)
        wall = time.perf_counter() - started
        if process.returncode != 0 or not result_path.exists():
            tail = "".join(stderr_chunks).strip().splitlines()[-12:]
            raise ChildFailed(f"child {module_args[:1]} exited {process.returncode}: " + " | ".join(tail))
        result = json.loads(result_path.read_text(encoding="utf-8"))
    result["process_wall_s"] = wall
    result["load_after"] = os.getloadavg()[0]
    result["peak_tree_pss_mib"] = peak["kib"] / 1024
    return result


def own_peaks_mib() -> dict:
    """Called inside a child at its end: its own and its largest child's ru_maxrss (KiB on Linux), and
    the CPU seconds it and its workers used (on a shared machine, wall time alone hides contention)."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "maxrss_self_mib": own.ru_maxrss / 1024,
        "maxrss_children_mib": workers.ru_maxrss / 1024,
        "cpu_s": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
    }
