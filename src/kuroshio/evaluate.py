"""Scoring the coder against a gold file (DESIGN.md §5).

Per document, on sets of tuples: gold = {(source, target, root)} of non-optional ``actual`` gold events; predicted =
the same tuples from the coder's ``actual`` events whose both countries are states and differ. A predicted tuple
that the gold has only as optional counts neither way. Micro precision, recall and F1 over all documents at two
levels, root and quad class, plus mode leaks: predicted actual tuples that the gold has only as
hypothetical/planned/negated. A gold document is matched by its corpus id or its file name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kuroshio.config import Options
from kuroshio.errors import IngestError, KuroshioError
from kuroshio.events.ontology import quad_class_of_root
from kuroshio.model import Document, Event

Tuple3 = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc: str
    actual: frozenset[Tuple3]  # non-optional actual (source, target, root)
    optional: frozenset[Tuple3]  # optional actual tuples (count neither way)
    other_modes: frozenset[Tuple3]  # tuples the gold has as hypothetical/planned/negated
    evidence: dict[Tuple3, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class DocResult:
    doc: str
    lang: str | None
    root: Score
    quad: Score
    missed: tuple[Tuple3, ...]  # gold tuples not predicted
    false: tuple[Tuple3, ...]  # predicted tuples not in the gold
    leaks: tuple[Tuple3, ...]  # predicted actual, gold only in another mode
    evidence: dict[Tuple3, str] = field(default_factory=dict)  # gold evidence or the predicted event's sentence

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "lang": self.lang, "root": self.root.to_json(), "quad": self.quad.to_json(),
                "missed": [list(t) for t in self.missed], "false": [list(t) for t in self.false],
                "leaks": [list(t) for t in self.leaks]}


@dataclass(frozen=True)
class Report:
    gold_path: str
    documents: tuple[DocResult, ...]
    failed: int = 0
    unmatched: tuple[str, ...] = ()  # processed documents with no gold record

    @property
    def root(self) -> Score:
        return sum((d.root for d in self.documents), Score())

    @property
    def quad(self) -> Score:
        return sum((d.quad for d in self.documents), Score())

    @property
    def mode_leaks(self) -> int:
        return sum(len(d.leaks) for d in self.documents)

    def by_lang(self) -> dict[str, dict[str, Any]]:
        """Scores per language (zh-Hant, zh-Hans, en, ...), and for all Chinese documents together as 'zh'."""
        out: dict[str, dict[str, Any]] = {}
        langs = sorted({d.lang or "?" for d in self.documents})
        if sum(1 for lang in langs if lang.startswith("zh-")) > 1:
            langs.append("zh")
        for lang in langs:
            docs = [d for d in self.documents if (d.lang or "?") == lang or (lang == "zh" and _chinese(d.lang))]
            out[lang] = {
                "documents": len(docs),
                "root": sum((d.root for d in docs), Score()).to_json(),
                "quad": sum((d.quad for d in docs), Score()).to_json(),
                "mode_leaks": sum(len(d.leaks) for d in docs),
            }
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold_path,
            "documents": len(self.documents),
            "failed": self.failed,
            "unmatched": list(self.unmatched),
            "root": self.root.to_json(),
            "quad": self.quad.to_json(),
            "mode_leaks": self.mode_leaks,
            "by_lang": self.by_lang(),
            "per_document": [d.to_json() for d in self.documents],
        }


def _chinese(lang: str | None) -> bool:
    return bool(lang) and lang.startswith("zh-")  # type: ignore[union-attr]


def read_gold(path: str | Path) -> dict[str, GoldDoc]:
    """The gold file as {doc key: GoldDoc}; raises IngestError naming the file (and line) on bad input."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise IngestError(str(path), "no such gold file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"cannot read gold file: {exc}") from None
    gold: dict[str, GoldDoc] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            key = str(record["doc"])
            events = record.get("events") or []
            actual: set[Tuple3] = set()
            optional: set[Tuple3] = set()
            other: set[Tuple3] = set()
            evidence: dict[Tuple3, str] = {}
            for ev in events:
                t = (str(ev["source"]), str(ev["target"]), str(ev["root"]).zfill(2))
                evidence.setdefault(t, str(ev.get("evidence") or ""))
                if ev.get("mode", "actual") != "actual":
                    other.add(t)
                elif ev.get("optional"):
                    optional.add(t)
                else:
                    actual.add(t)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise IngestError(str(path), f"bad gold record: {exc}", line=number) from None
        gold[key] = GoldDoc(key, frozenset(actual), frozenset(optional - actual), frozenset(other), evidence)
    return gold


def predicted_tuples(events: Iterable[Event]) -> dict[Tuple3, Event]:
    """(source country, target country, root) of actual state-to-state international events, first event each."""
    out: dict[Tuple3, Event] = {}
    for e in events:
        if e.mode != "actual" or not _state(e.source_country) or not _state(e.target_country):
            continue
        if e.source_country == e.target_country:
            continue
        out.setdefault((str(e.source_country), str(e.target_country), e.root), e)
    return out


def _state(code: str | None) -> bool:
    return bool(code) and len(code) == 3 and code.isalpha() and code.isupper()  # type: ignore[union-attr]


def _quad(tuples: Iterable[Tuple3]) -> set[Tuple3]:
    return {(s, t, str(quad_class_of_root(r))) for s, t, r in tuples}


def score_document(gold: GoldDoc, events: Iterable[Event], lang: str | None = None) -> DocResult:
    """The §5 score of one document."""
    predicted = predicted_tuples(events)
    pred = set(predicted)
    counted = pred - gold.optional
    root = Score(len(counted & gold.actual), len(counted - gold.actual), len(gold.actual - pred))
    gq, oq, pq = _quad(gold.actual), _quad(gold.optional) - _quad(gold.actual), _quad(pred)
    pq_counted = pq - oq
    quad = Score(len(pq_counted & gq), len(pq_counted - gq), len(gq - pq))
    any_actual = gold.actual | gold.optional
    leaks = sorted(t for t in pred if t in gold.other_modes and t not in any_actual)
    evidence = dict(gold.evidence)
    for t, e in predicted.items():
        if t not in evidence:
            evidence[t] = e.sentence
    return DocResult(
        doc=gold.doc, lang=lang, root=root, quad=quad, missed=tuple(sorted(gold.actual - pred)),
        false=tuple(sorted(counted - gold.actual)), leaks=tuple(leaks), evidence=evidence,
    )


def gold_key(doc: Document, gold: dict[str, GoldDoc]) -> str | None:
    """The gold record of a document: by its id (corpus documents), else by its file name."""
    if doc.id in gold:
        return doc.id
    if doc.source_path:
        name = Path(doc.source_path).name
        if name in gold:
            return name
    return None


def evaluate_documents(gold: dict[str, GoldDoc], documents: Iterable[Document], gold_path: str = "") -> Report:
    results: list[DocResult] = []
    unmatched: list[str] = []
    for doc in documents:
        key = gold_key(doc, gold)
        if key is None:
            unmatched.append(doc.id)
            continue
        lang = doc.script if doc.lang == "zh" else doc.lang
        results.append(score_document(gold[key], doc.events, lang))
    return Report(gold_path=gold_path, documents=tuple(results), unmatched=tuple(unmatched))


def evaluate_paths(
    gold_path: str,
    paths: Iterable[str],
    options: Options,
    *,
    on_error: Callable[[KuroshioError], None] | None = None,
) -> Report:
    """Code every document under ``paths`` and score it against ``gold_path``.

    Documents that fail to read or process are passed to ``on_error`` and counted in ``Report.failed``.
    """
    from dataclasses import replace

    from kuroshio.pipeline import Pipeline

    gold = read_gold(gold_path)
    pipeline = Pipeline(options)
    documents: list[Document] = []
    failed = 0
    for outcome in pipeline.run(paths):
        if outcome.error is not None:
            failed += 1
            if on_error is not None:
                on_error(outcome.error)
        elif outcome.document is not None:
            documents.append(outcome.document)
    report = evaluate_documents(gold, documents, str(gold_path))
    return replace(report, failed=failed)


def render_report(report: Report, console: Any, *, verbose: bool = False) -> None:
    """Print the report as Rich tables (the CLI's `eval` output)."""
    from rich.table import Table

    table = Table(title=f"kuroshio eval: {report.gold_path} ({len(report.documents)} documents)")
    for name in ("level", "subset", "docs", "tp", "fp", "fn", "precision", "recall", "F1", "mode leaks"):
        table.add_column(name, justify="right" if name not in ("level", "subset") else "left")
    rows = [("all", len(report.documents), report.root, report.quad, report.mode_leaks)]
    by_lang = report.by_lang()
    if len(by_lang) > 1:
        for lang, data in by_lang.items():
            rows.append((lang, data["documents"], Score(*(data["root"][k] for k in ("tp", "fp", "fn"))),
                         Score(*(data["quad"][k] for k in ("tp", "fp", "fn"))), data["mode_leaks"]))
    for subset, n, root, quad, leaks in rows:
        for level, s in (("root", root), ("quad", quad)):
            table.add_row(level, subset, str(n), str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}",
                          f"{s.recall:.3f}", f"{s.f1:.3f}", str(leaks) if level == "root" else "")
    console.print(table)
    if report.failed:
        console.print(f"{report.failed} document(s) failed", markup=False)
    if report.unmatched:
        console.print(f"{len(report.unmatched)} document(s) without a gold record: "
                      f"{', '.join(report.unmatched[:10])}", markup=False)
    if not verbose:
        return
    for d in report.documents:
        if not (d.missed or d.false or d.leaks):
            continue
        console.print(f"\n{d.doc}  root P={d.root.precision:.2f} R={d.root.recall:.2f}", markup=False)
        for label, items in (("missed", d.missed), ("false", d.false), ("leak", d.leaks)):
            for t in items:
                console.print(f"  {label:6} {t[0]}->{t[1]} {t[2]}  {d.evidence.get(t, '')[:80]}", markup=False)
