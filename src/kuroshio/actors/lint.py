"""The dictionary linter: ``python -m kuroshio.actors.lint [FILE...]`` (``make lint`` runs it).

Checks every bundled dictionary file (and the user files given): valid CAMEO codes, unique ids, role date ranges
that are ordered and do not overlap, normalized names (NFC, no stray spaces, Simplified names really Simplified),
at least one name per language an entry claims, and names shared by two entries that dates cannot tell apart.
Exits 1 when there is a problem, printing one line per problem.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from kuroshio.actors.dictionary import (
    ABBREVIATIONS,
    NAME_LANGS,
    ZH_LANGS,
    Entry,
    _date_key,
    build_dictionary,
    bundled_files,
    parse_entries,
    read_yaml,
)
from kuroshio.errors import DictionaryError
from kuroshio.normalize import to_simplified

ROLE_CODES = {"GOV", "MIL", "OPP", "LEG", "JUD", "MED", "BUS", "CVL", "PTY", "COP", "SPY", "REB", "ELI", "EDU", "LAB",
              "REF", "IGO", "NGO", "MNC", "HLH", "HRI", "ENV", "RAD", "CRM", "AGR", "DEV", "SEC"}
_CODE = re.compile(r"^(?:[A-Z0-9]{3})+$")
_IGO = re.compile(r"^IGO(?:[A-Z0-9]{3})+$")


def _check_names(entry: Entry, problems: list[str]) -> None:
    where = f"{entry.source}: {entry.id}"
    for lang, name in entry.names:
        if name != name.strip() or "  " in name:
            problems.append(f"{where}: name {name!r} has stray spaces")
        if unicodedata.normalize("NFC", name) != name:
            problems.append(f"{where}: name {name!r} is not NFC")
        if lang in ZH_LANGS and " " in name:
            problems.append(f"{where}: Chinese name {name!r} contains a space")
        if lang in ZH_LANGS and not any("\u4e00" <= c <= "\u9fff" for c in name):
            problems.append(f"{where}: Chinese name {name!r} has no Han character (list it under en)")
        if lang == "zh-Hans" and to_simplified(name) != name:
            problems.append(f"{where}: zh-Hans name {name!r} is not Simplified ({to_simplified(name)})")
    if entry.kind in ("state", "person", "org", "igo", "capital") and not entry.names:
        problems.append(f"{where}: no names")


def _check_codes(entry: Entry, states: set[str], problems: list[str]) -> None:
    where = f"{entry.source}: {entry.id}"
    codes = [entry.code] + [r.code for r in entry.roles]
    if entry.kind == "role":
        if entry.code not in ROLE_CODES:
            problems.append(f"{where}: role code {entry.code!r} is not a CAMEO role code")
        return
    if entry.kind in ("coref", "stop"):
        if entry.sector and entry.sector not in ROLE_CODES:
            problems.append(f"{where}: sector {entry.sector!r} is not a CAMEO role code")
        return
    if entry.country is not None and entry.country not in states:
        problems.append(f"{where}: country {entry.country!r} is no state of the dictionary")
    for code in codes:
        if not _CODE.match(code):
            problems.append(f"{where}: code {code!r} is not a CAMEO code (groups of three capitals)")
            continue
        if entry.kind == "igo" or code.startswith("IGO"):
            if not _IGO.match(code):
                problems.append(f"{where}: IGO code {code!r} must start with IGO")
            continue
        if entry.country is None and code[:3] not in states:
            problems.append(f"{where}: code {code!r} starts with no state of the dictionary")
            continue
        if entry.country and not code.startswith(entry.country):
            problems.append(f"{where}: code {code!r} does not start with its country {entry.country}")
            continue
        for i in range(3, len(code), 3):
            if code[i : i + 3] not in ROLE_CODES:
                problems.append(f"{where}: code {code!r} has an unknown role {code[i:i + 3]!r}")


def _check_roles(entry: Entry, problems: list[str]) -> None:
    where = f"{entry.source}: {entry.id}"
    spans = []
    for role in entry.roles:
        start, until = _date_key(role.start), _date_key(role.until, end=True)
        if start and until and until < start:
            problems.append(f"{where}: role {role.code} ends ({role.until}) before it starts ({role.start})")
        spans.append((start or "0000-00-00", until or "9999-99-99", role.code))
    spans.sort()
    for (_s1, e1, c1), (s2, _e2, c2) in zip(spans, spans[1:], strict=False):
        if s2 <= e1:
            problems.append(f"{where}: roles {c1} and {c2} overlap ({s2} <= {e1})")


def lint_files(paths: list[Path]) -> list[str]:
    """Problems found in the given dictionary files (empty when all is well)."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    entries: list[Entry] = []
    for path in paths:
        if path.name == ABBREVIATIONS:
            continue
        try:
            raw = read_yaml(path)
            parsed = parse_entries(raw, str(path))
        except DictionaryError as exc:
            problems.append(str(exc))
            continue
        for item in raw or []:
            if isinstance(item, dict):
                for lang in NAME_LANGS:
                    if lang in item and not item[lang]:
                        problems.append(f"{path}: {item.get('id')}: claims {lang} but lists no name")
        for entry in parsed:
            if entry.id in seen:
                problems.append(f"{path}: duplicate id {entry.id} (first in {seen[entry.id]})")
            seen[entry.id] = str(path)
            entries.append(entry)
    try:
        build_dictionary(paths)
    except DictionaryError as exc:
        problems.append(str(exc))
    states = {e.country for e in entries if e.kind == "state" and e.country}
    owners: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        _check_names(entry, problems)
        _check_codes(entry, states, problems)
        _check_roles(entry, problems)
        for lang, name in entry.names:
            key = ("zh", to_simplified(name)) if lang in ZH_LANGS else (lang, name)
            if entry not in owners[key]:
                owners[key].append(entry)
    for (_, name), owning in owners.items():
        if len(owning) > 1 and sum(1 for e in owning if not e.roles) > 1:
            ids = ", ".join(e.id for e in owning)
            problems.append(f"{owning[0].source}: name {name!r} belongs to several undated entries: {ids}")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = bundled_files() + [Path(a) for a in args]
    problems = lint_files(paths)
    for problem in problems:
        print(problem)
    count = sum(1 for p in paths)
    print(f"{len(problems)} problem(s) in {count} dictionary file(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
