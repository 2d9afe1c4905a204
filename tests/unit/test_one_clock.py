"""No module in chalicelib reads the wall clock but the one clock (``shared/clock.py``): instants come
from ``clock.now()``, business dates from the tenant's calendar. Monotonic timers (cache ages,
latency) are not the wall clock and stay allowed."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "chalicelib"
ALLOWED = {ROOT / "shared" / "clock.py"}
WALL_CLOCK = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
              ("time", "time"), ("time", "time_ns"), ("time", "localtime"), ("time", "gmtime"),
              ("time", "ctime"), ("time", "strftime")}
TIME_FUNCTIONS = {"time", "time_ns", "localtime", "gmtime", "ctime"}


def wall_clock_reads(path: Path) -> list[str]:
    """Every call reading the wall clock in one file, however ``datetime``/``time`` were imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: dict[str, str] = {}  # local name -> "datetime" | "date" | "time" | "time()"
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("datetime", "time"):
            for alias in node.names:
                if node.module == "datetime" and alias.name in ("datetime", "date"):
                    names[alias.asname or alias.name] = alias.name
                if node.module == "time" and alias.name in TIME_FUNCTIONS:
                    names[alias.asname or alias.name] = "time()"
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("datetime", "time"):
                    names[alias.asname or alias.name] = alias.name
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f, what = node.func, None
        if isinstance(f, ast.Name) and names.get(f.id) == "time()":
            what = f"{f.id}()"
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            if (names.get(f.value.id), f.attr) in WALL_CLOCK:
                what = f"{f.value.id}.{f.attr}()"
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Attribute) and (f.value.attr, f.attr) in WALL_CLOCK:
            what = f"{f.value.attr}.{f.attr}()"  # datetime.datetime.now()
        if what:
            found.append(f"{path.name}:{node.lineno} {what}")
    return found


def test_only_the_clock_reads_the_wall_clock():
    offenders = [f"{path.relative_to(ROOT.parent)}: {hit}" for path in sorted(ROOT.rglob("*.py"))
                 if path not in ALLOWED for hit in wall_clock_reads(path)]
    assert offenders == []


def test_the_check_sees_every_spelling_of_the_wall_clock(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import time, datetime\nfrom datetime import date, datetime as dt\nfrom time import time as t\n"
                      "import time as tm\n"
                      "datetime.datetime.now()\ndate.today()\ntime.time()\nt()\ndt.now()\ntm.time_ns()\n"
                      "time.monotonic()\ntime.perf_counter()\ndt.fromisoformat('2026-01-01')\n")
    assert [hit.split(" ")[1] for hit in wall_clock_reads(sample)] == [
        "datetime.now()", "date.today()", "time.time()", "t()", "dt.now()", "tm.time_ns()"]
