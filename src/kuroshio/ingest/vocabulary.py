"""The ingest vocabularies (``data/ingest.yaml``), loaded once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from kuroshio.errors import DictionaryError


@dataclass(frozen=True, slots=True)
class Vocabulary:
    note_prefixes: tuple[str, ...]
    caption_markers: tuple[str, ...]
    publisher_patterns: tuple[re.Pattern[str], ...]
    roles: tuple[str, ...]  # longest first
    organization_markers: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    byline_patterns: tuple[re.Pattern[str], ...]
    editor_lines: tuple[re.Pattern[str], ...]
    page_numbers: tuple[re.Pattern[str], ...]
    hyphen_keep_prefixes: frozenset[str]
    word_suffixes: tuple[str, ...]
    caption_patterns: tuple[re.Pattern[str], ...]
    byline_noise: frozenset[str]
    byline_roles: tuple[str, ...]  # longest first
    surnames: tuple[str, ...]  # longest first
    inline_bylines: tuple[re.Pattern[str], ...]
    not_names: frozenset[str]


def _strings(data: dict[str, object], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DictionaryError(f"ingest.yaml: {key} must be a list of non-empty strings")
    return tuple(value)


def _regexes(data: dict[str, object], key: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for pattern in _strings(data, key):
        try:
            out.append(re.compile(pattern))
        except re.error as exc:
            raise DictionaryError(f"ingest.yaml: {key}: bad regex {pattern!r}: {exc}") from None
    return tuple(out)


def parse_vocabulary(text: str) -> Vocabulary:
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise DictionaryError("ingest.yaml: not a mapping")
    return Vocabulary(
        note_prefixes=_strings(data, "note_prefixes"),
        caption_markers=_strings(data, "caption_markers"),
        publisher_patterns=_regexes(data, "publisher_patterns_regex"),
        roles=tuple(sorted(_strings(data, "roles"), key=len, reverse=True)),
        organization_markers=_strings(data, "organization_markers"),
        byline_prefixes=_strings(data, "byline_prefixes"),
        byline_patterns=_regexes(data, "byline_patterns_regex"),
        editor_lines=_regexes(data, "editor_line_regex"),
        page_numbers=_regexes(data, "page_number_regex"),
        hyphen_keep_prefixes=frozenset(s.lower() for s in _strings(data, "hyphen_keep_prefixes")),
        word_suffixes=tuple(sorted(_strings(data, "word_suffixes"), key=len, reverse=True)),
        caption_patterns=_regexes(data, "caption_regex"),
        byline_noise=frozenset(_strings(data, "byline_noise")),
        byline_roles=tuple(sorted(_strings(data, "byline_roles"), key=len, reverse=True)),
        surnames=tuple(sorted(set(_surnames(data)), key=len, reverse=True)),
        inline_bylines=_regexes(data, "inline_byline_regex"),
        not_names=frozenset(_strings(data, "not_names")),
    )


def _surnames(data: dict[str, object]) -> list[str]:
    value = data.get("surnames")
    if not isinstance(value, str) or not value.split():
        raise DictionaryError("ingest.yaml: surnames must be a space-separated string")
    return value.split()


@cache
def vocabulary() -> Vocabulary:
    text = resources.files("kuroshio.data").joinpath("ingest.yaml").read_text(encoding="utf-8")
    return parse_vocabulary(text)
