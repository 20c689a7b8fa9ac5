"""Would compiling the English coder reach 10,000 sentences/s? The same code, pure Python and compiled, in one run.

mypyc (in the ``mypy`` package, which is not a Kuroshio dependency: ``pip install mypy``) compiles typed Python into
a C extension. This script copies the package into a temporary folder, compiles ``events/english.py`` (the clause
rules, 80 % of the English time) and ``events/en_dates.py`` there with mypyc (gcc and the Python headers are needed),
and codes the same English text (``bench_code.py``'s corpus) with the pure-Python copy and the compiled copy, each in
a child process of its own, interleaved, the fastest of ``--repeat`` runs counting. Without mypy or a C compiler it
says so and skips (exit 0), so that ``make bench`` still runs.

    python benchmarks/bench_compiled.py [--mb 1.0] [--repeat 3] [--no-append]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import append_results  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "kuroshio"
COMPILED = ("kuroshio/events/english.py", "kuroshio/events/en_dates.py")

# run in a child process with PYTHONPATH set to one copy of the package: code the corpus once, print the timing
CHILD = """
import json, sys, time
sys.path.insert(0, {benchmarks!r})
from bench_code import texts
from kuroshio.config import Options
from kuroshio.events import english
from kuroshio.ingest import document_from_text
from kuroshio.pipeline import Pipeline
options = Options()
pipeline = Pipeline(options)
records = texts("en", {mb}, {seed})
pipeline.process(document_from_text(records[0]["text"], options=options, id="warm", date=records[0]["date"]))
start = time.process_time()
sentences = events = 0
for r in records:
    doc = pipeline.process(document_from_text(r["text"], options=options, id=r["id"], date=r["date"]))
    sentences += len(doc.sentences)
    events += len(doc.events)
print(json.dumps({{"cpu": time.process_time() - start, "sentences": sentences, "events": events,
                  "compiled": not english.__file__.endswith(".py")}}))
"""


def missing_tools() -> str | None:
    """Why the compiled copy cannot be built here, or None."""
    if importlib.util.find_spec("mypyc") is None:
        return "mypy (with mypyc) is not installed: pip install mypy"
    compiler = (sysconfig.get_config_var("CC") or "gcc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler}) on PATH"
    return None


def build(folder: Path) -> float:
    """Compile the English coder's modules inside ``folder`` (a copy of the package); returns the seconds taken."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mypyc", "--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
                   cwd=folder, check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def run(folder: Path, mb: float, seed: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(folder))
    code = CHILD.format(benchmarks=str(Path(__file__).resolve().parent), mb=mb, seed=seed)
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="MB of English text (default 1.0)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each copy; the fastest counts (default 3)")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args(argv)
    why = missing_tools()
    if why:
        print(f"bench_compiled.py: skipped: {why}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        pure, compiled = Path(tmp) / "pure", Path(tmp) / "compiled"
        for folder in (pure, compiled):
            shutil.copytree(PACKAGE, folder / "kuroshio", ignore=shutil.ignore_patterns("__pycache__"))
        try:
            seconds = build(compiled)
        except subprocess.CalledProcessError as exc:
            print(f"bench_compiled.py: skipped: mypyc failed: {(exc.stdout + exc.stderr).strip()[-300:]}")
            return 0
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.repeat):  # interleaved, so that a burst of load hits both alike
            for name, folder in (("pure", pure), ("compiled", compiled)):
                result = run(folder, args.mb, args.seed)
                if name not in best or result["cpu"] < best[name]["cpu"]:
                    best[name] = result
    p, c = best["pure"], best["compiled"]
    if not c["compiled"]:
        print("bench_compiled.py: skipped: the compiled module was not the one imported")
        return 0
    rows = [
        ("en: text", f"{p['sentences']:.0f} sentences ({args.mb:.2f} MB)"),
        ("mypyc build (english.py, en_dates.py)", f"{seconds:.0f} s"),
        ("en: pure Python", f"CPU {p['cpu']:.2f} s = {p['sentences'] / p['cpu']:,.0f} sentences/s "
                            f"({p['events']:.0f} events)"),
        ("en: compiled with mypyc", f"CPU {c['cpu']:.2f} s = {c['sentences'] / c['cpu']:,.0f} sentences/s "
                                    f"({c['events']:.0f} events)"),
        ("compiled / pure Python speed", f"**{p['cpu'] / c['cpu']:.2f}x** (target 10,000 sentences/s)"),
    ]
    for name, value in rows:
        print(f"{name:40s} {value}")
    if not args.no_append:
        append_results("bench_compiled.py", rows, notes=(
            f"One core; each copy in its own process, fastest of {args.repeat} interleaved runs; the whole pipeline "
            "(reading, normalizing, segmenting, actors, events) with only the English coder's two modules compiled."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
