"""Shared by the benchmark scripts: the machine's description and appending a section to ``RESULTS.md``.

``RESULTS.md`` is append-only: every run adds one section headed by the script, the date and the machine.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def git_revision() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True,
                             cwd=RESULTS.parent)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine() -> str:
    return (
        f"nproc {os.cpu_count()}, CPU {cpu_model()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, git {git_revision()}, load average {load_average()}"
    )


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages when the results are written (other work on a shared machine)."""
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def append_results(script: str, rows: list[tuple[str, str]], *, command: str = "", notes: str = "") -> str:
    """Append a section (a two-column table of ``rows``) to RESULTS.md; returns the section's text."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"## {script} — {now}", "", f"Machine: {machine()}  "]
    lines.append(f"Command: `{command or ' '.join([Path(sys.argv[0]).name, *sys.argv[1:]])}`")
    lines += ["", "| measure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    if notes:
        lines += ["", notes]
    section = "\n".join(lines) + "\n\n"
    if not RESULTS.exists():
        RESULTS.write_text("# Benchmark results\n\nAppend-only: one section per benchmark run (`make bench`).\n\n")
    with open(RESULTS, "a", encoding="utf-8") as fh:
        fh.write(section)
    return section
