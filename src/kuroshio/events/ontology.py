"""The CAMEO event ontology (codes, names, Goldstein values, quad classes, PLOVER types) from ``data/cameo.tsv``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    level: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """All CAMEO codes by code string ('042', '0312', '19')."""
    text = resources.files("kuroshio.data").joinpath("cameo.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        table[row["code"]] = CameoCode(
            code=row["code"],
            root=row["root"],
            level=row["level"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"] or None,
            plover_mode=row["plover_mode"] or None,
        )
    return table


def lookup(code: str) -> CameoCode:
    """The entry for ``code``; raises KeyError for an unknown code."""
    return cameo_codes()[code]


def quad_class_of_root(root: str) -> int:
    """Quad class by root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4."""
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4
