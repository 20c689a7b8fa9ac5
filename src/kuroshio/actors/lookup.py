"""Look a name (any script) or an actor code up in the dictionary, resolving roles at a date."""

from __future__ import annotations

import re
from typing import Any

from kuroshio.actors.dictionary import Entry, Role, document_date, load_dictionary
from kuroshio.config import Options
from kuroshio.errors import UsageError
from kuroshio.normalize import to_simplified

_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")


def _fold(name: str) -> str:
    return to_simplified(name).casefold().strip()


def _row(entry: Entry, role: Role | None, matched: str) -> dict[str, Any]:
    return {
        "code": role.code if role is not None else entry.code,
        "country": entry.country,
        "name": entry.name("en"),
        "matched": matched,
        "valid_from": role.start if role is not None else None,
        "valid_until": role.until if role is not None else None,
    }


def lookup(query: str, *, date: str | None, options: Options) -> list[dict[str, Any]]:
    """Entries whose name or code is ``query``, each with the code valid at ``date`` (DESIGN.md §2).

    Names match exactly after folding script (Traditional -> Simplified) and case; a query that is no name is
    recognized as text (南韓國防部長 -> KORMIL). Role words, coreference words and stop phrases are not actors.
    """
    if not query.strip():
        raise UsageError("actors: the query is empty")
    dictionary = load_dictionary(tuple(options.dictionaries))
    when = document_date(date)
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(entry: Entry, role: Role | None, matched: str) -> None:
        row = _row(entry, role, matched)
        key = (entry.id, row["code"])
        if key not in seen:
            seen.add(key)
            rows.append(row)

    folded = _fold(query)
    actors = [e for e in dictionary.entries.values() if e.kind not in ("role", "coref", "stop")]
    for entry in actors:
        for _, name in entry.names:
            if _fold(name) == folded:
                add(entry, entry.role_at(when), name)
                break
        for role in entry.roles:
            if any(_fold(alias) == folded for _, alias in role.aliases) and (when is None or role.holds(when)):
                add(entry, role, query)
    if _CODE.match(query):
        for entry in actors:
            role = entry.role_at(when)
            current = role.code if role is not None else entry.code
            if current == query or (entry.kind != "person" and entry.code == query):
                add(entry, role, entry.name("en"))
    if not rows:
        from kuroshio.actors.recognizer import compose, find_items

        for item in compose(find_items(query, to_simplified(query), dictionary, when), query):
            if item.kind in ("role", "coref") and not item.country:
                continue
            rows.append(
                {
                    "code": item.code,
                    "country": item.country,
                    "name": item.entry.name("en"),
                    "matched": query[item.start : item.end],
                    "valid_from": None,
                    "valid_until": None,
                }
            )
    return rows
