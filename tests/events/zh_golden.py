"""Reading and scoring the golden cases (shared by the gate test and the `benchmarks/` accuracy report)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kuroshio.config import Options
from kuroshio.events.chinese import code_chinese
from kuroshio.model import Event

CASES = Path(__file__).resolve().parent / "cases"
Tuple4 = tuple[str, str, str, str]


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    text: str
    expected: frozenset[Tuple4]
    date: str | None


def parse_expected(field: str) -> frozenset[Tuple4]:
    field = field.strip()
    if field in ("", "-"):
        return frozenset()
    out = set()
    for item in field.split(","):
        pair, root, mode = item.split()
        source, target = pair.split(">")
        out.add((source, target, root, mode))
    return frozenset(out)


def load_cases(directory: Path = CASES) -> list[Case]:
    cases = []
    for path in sorted(directory.glob("zh_*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            date = parts[2].strip() if len(parts) > 2 and parts[2].strip() else "2025-08-23"
            cases.append(Case(path.name, number, parts[0], parse_expected(parts[1] if len(parts) > 1 else "-"), date))
    return cases


def tuples(events: tuple[Event, ...]) -> frozenset[Tuple4]:
    return frozenset(
        (e.source_country, e.target_country, e.root, e.mode)
        for e in events
        if e.source_country and e.target_country and e.source_country != e.target_country
    )  # type: ignore[misc]


def code_case(case: Case) -> frozenset[Tuple4]:
    from zh_actors_stub import prepare

    return tuples(code_chinese(prepare(case.text, date=case.date), Options()).events)


@dataclass(frozen=True)
class GoldenScore:
    cases: int
    exact: int
    tp: int
    fp: int
    fn: int
    failures: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def exact_share(self) -> float:
        return self.exact / self.cases if self.cases else 1.0


def score(cases: list[Case]) -> GoldenScore:
    exact = tp = fp = fn = 0
    failures = []
    for case in cases:
        got = code_case(case)
        tp += len(got & case.expected)
        fp += len(got - case.expected)
        fn += len(case.expected - got)
        if got == case.expected:
            exact += 1
        else:
            extra = sorted(got - case.expected)
            missing = sorted(case.expected - got)
            failures.append(f"{case.file}:{case.line} {case.text} | missing {missing} | extra {extra}")
    return GoldenScore(len(cases), exact, tp, fp, fn, tuple(failures))
