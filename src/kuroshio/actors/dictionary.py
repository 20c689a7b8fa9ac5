"""The actor dictionary: reviewed YAML files under ``kuroshio/data/actors/`` (plus user files), loaded once per process.

Every file holds a list of entries (see docs/actors.md for the format). ``abbreviations.yaml`` is special: it holds
the rules for the one-character abbreviations used in Chinese compounds (美日韓, 訪日, 日方). User files given through
``Options.dictionaries`` are read after the bundled ones; an entry with an id that already exists replaces it.

Chinese names are folded to Simplified (OpenCC ``t2s``, the same conversion as the document shadow), so one pattern
serves both scripts. English names are matched case-sensitively with word boundaries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kuroshio.errors import DictionaryError
from kuroshio.normalize import to_simplified

NAME_LANGS = ("en", "zh-Hant", "zh-Hans", "ja", "ko")
ZH_LANGS = ("zh-Hant", "zh-Hans", "ja")  # matched against the Simplified shadow
KINDS = ("state", "person", "org", "igo", "capital", "role", "coref", "stop")
ENTRY_KEYS = {"id", "kind", "code", "country", "roles", "abbr", "capital", "seats", "adj", "resolve", "count",
              "sector", "gender", "persons", "note", "test", *NAME_LANGS}
ROLE_KEYS = {"code", "from", "until", "title", "en", "zh-Hant", "zh-Hans", "note"}
COREF_RULES = ("plural", "person", "state", "any")
ABBREVIATIONS = "abbreviations.yaml"

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_key(value: str | None, *, end: bool = False) -> str | None:
    """A comparable YYYY-MM-DD string; partial dates widen to the start (or end) of their period."""
    if value is None:
        return None
    value = str(value)
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-31" if end else "-01")
    return value


def document_date(value: str | None) -> str | None:
    """The comparison date of a document: partial dates (YYYY, YYYY-MM) stand for the middle of their period."""
    if value is None:
        return None
    if len(value) == 4:
        return value + "-07-01"
    if len(value) == 7:
        return value + "-15"
    return value[:10]


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role of a person: the code valid from ``start`` to ``until`` (inclusive, open when None)."""

    code: str
    start: str | None = None
    until: str | None = None
    title: str | None = None
    aliases: tuple[tuple[str, str], ...] = ()  # (lang, name) valid only while the role holds ("President Lee")

    def holds(self, date: str | None) -> bool:
        if date is None:
            return self.until is None
        start = _date_key(self.start)
        until = _date_key(self.until, end=True)
        return (start is None or start <= date) and (until is None or date <= until)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor (or role word, coreference word, stop phrase) of the dictionary."""

    id: str
    kind: str
    code: str
    country: str | None
    names: tuple[tuple[str, str], ...]  # (lang, name)
    roles: tuple[Role, ...] = ()
    abbr: str | None = None
    resolve: str | None = None  # coref: plural | person | state | any
    count: int = 2  # coref plural: how many members
    sector: str | None = None  # coref: role code composed with each member (兩國領袖 -> GOV)
    gender: str | None = None  # person: f | m, when known (used by 她/she, 他/he)
    persons: bool = False  # coref plural: the members are people ("the two leaders"), named ones first
    adjectives: tuple[str, ...] = ()  # state: the English adjectives among its names (South Korean)
    source: str = ""

    @property
    def abbrs(self) -> tuple[str, ...]:
        if not self.abbr:
            return ()
        return tuple(self.abbr.split()) if " " in self.abbr else tuple(self.abbr)

    def role_at(self, date: str | None) -> Role | None:
        """The role valid at ``date``; without a date the current (open) role, else the latest one."""
        for role in self.roles:
            if role.holds(date):
                return role
        if date is None and self.roles:
            return max(self.roles, key=lambda r: _date_key(r.start) or "")
        return None

    def code_at(self, date: str | None) -> str:
        role = self.role_at(date)
        return role.code if role is not None else self.code

    def name(self, lang: str = "en") -> str:
        for name_lang, name in self.names:
            if name_lang == lang:
                return name
        return self.names[0][1] if self.names else self.id


@dataclass(frozen=True, slots=True)
class AbbrRule:
    """How one abbreviation character (Simplified form) may stand for its state."""

    char: str
    state: str  # the state's entry id
    compound: bool = True  # may combine with other states (美日韓)
    alone: str = "both"  # none | prefix | suffix | both: contexts in which it stands alone (訪日, 日方)
    not_after: str = ""  # characters that, before it, make it part of another word (今日, 王朝)
    not_before: str = ""  # characters that, after it, make it part of another word (日前, 韓元)
    preposition: bool = False  # before a full state name it is a preposition (朝韓國 = towards Korea)
    prefixes: str = ""  # extra prefixes for this character only (涉華)


@dataclass(frozen=True, slots=True)
class Candidate:
    """What a pattern may mean: an entry, optionally only while one of its roles holds."""

    entry: str
    role: int = -1


@dataclass
class Dictionary:
    entries: dict[str, Entry]
    abbreviations: dict[str, AbbrRule]
    prefixes: str
    suffixes: dict[str, str]  # suffix character -> sector ('' = the state itself)
    connectors: str
    release: str = ""
    suffix_stops: dict[str, str] = field(default_factory=dict)  # suffix -> characters after it that undo it (台军售)
    locatives: str = ""  # characters before a capital that make it a place (在北京)
    locatives_en: tuple[str, ...] = ()  # words before a capital that make it a place (in Tokyo)
    dateline: re.Pattern[str] | None = None  # text after a capital that makes it a dateline (東京23日專電)
    clock: re.Pattern[str] | None = None  # text after a state that makes it a time zone (日本當地時間)
    files: tuple[str, ...] = ()
    zh_patterns: list[str] = field(default_factory=list)
    zh_targets: list[tuple[Candidate, ...]] = field(default_factory=list)
    en_patterns: list[str] = field(default_factory=list)
    en_targets: list[tuple[Candidate, ...]] = field(default_factory=list)

    def __post_init__(self) -> None:
        zh: dict[str, list[Candidate]] = {}
        en: dict[str, list[Candidate]] = {}
        for entry in self.entries.values():
            for lang, name in entry.names:
                _add(zh if lang in ZH_LANGS else en if lang == "en" else None, name, lang, Candidate(entry.id))
            full_en = [name for lang, name in entry.names if lang == "en" and " " in name]
            for index, role in enumerate(entry.roles):
                for lang, name in role.aliases:
                    _add(zh if lang in ZH_LANGS else en, name, lang, Candidate(entry.id, index))
                    if lang == "en" and role.title:  # "President Lee" also as "President Lee Jae-myung"
                        title = name.rsplit(" ", 1)[0]
                        for full in full_en:
                            _add(en, f"{title} {full}", "en", Candidate(entry.id, index))
        self.zh_patterns = list(zh)
        self.zh_targets = [tuple(v) for v in zh.values()]
        self.en_patterns = list(en)
        self.en_targets = [tuple(v) for v in en.values()]

    @cached_property
    def zh_automaton(self) -> Any:
        return _automaton(self.zh_patterns)

    @cached_property
    def en_automaton(self) -> Any:
        return _automaton(self.en_patterns)

    @cached_property
    def states_by_country(self) -> dict[str, Entry]:
        return {e.country: e for e in self.entries.values() if e.kind == "state" and e.country}


def _add(table: dict[str, list[Candidate]] | None, name: str, lang: str, candidate: Candidate) -> None:
    if table is None:
        return
    keys = [to_simplified(name)] if lang in ZH_LANGS else [name]
    if "'" in name and lang not in ZH_LANGS:  # People's and People’s
        keys.append(name.replace("'", "\u2019"))
    for key in keys:
        bucket = table.setdefault(key, [])
        if candidate not in bucket:
            bucket.append(candidate)


def _automaton(patterns: list[str]) -> Any:
    import ahocorasick_rs

    if not patterns:
        patterns = ["\x00\x00"]
    return ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


# ---------------------------------------------------------------------------------------------------------- loading


def bundled_files() -> list[Path]:
    root = resources.files("kuroshio") / "data" / "actors"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".yaml", ".yml")))


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read dictionary: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise DictionaryError(f"{path}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None


def _with_nationals(adjectives: tuple[str, ...]) -> tuple[str, ...]:
    """The adjectives and, for those in -an, -i or -o, their plurals, which name the nationals ("Afghans",
    "Pakistanis", "Filipinos": "began deporting Afghans" targets Afghanistan), unless listed already."""
    extra = tuple(a + "s" for a in adjectives if a[-1:] in ("n", "i", "o") and a + "s" not in adjectives)
    return adjectives + extra


def _names(raw: dict[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    names: list[tuple[str, str]] = []
    for lang in NAME_LANGS:
        value = raw.get(lang)
        if value is None:
            continue
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise DictionaryError(f"{where}: {lang} must be a name or a list of names")
        names.extend((lang, unicodedata.normalize("NFC", v)) for v in value)
    return tuple(names)


def _roles(raw: Any, where: str) -> tuple[Role, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise DictionaryError(f"{where}: roles must be a list")
    roles = []
    for item in raw:
        if not isinstance(item, dict) or "code" not in item:
            raise DictionaryError(f"{where}: every role needs a code")
        unknown = set(item) - ROLE_KEYS
        if unknown:
            raise DictionaryError(f"{where}: unknown role key(s) {', '.join(sorted(unknown))}")
        for key in ("from", "until"):
            if item.get(key) is not None and not _DATE.match(str(item[key])):
                raise DictionaryError(f"{where}: role {key} must be YYYY[-MM[-DD]], not {item[key]!r}")
        aliases = _names({k: item[k] for k in ("en", "zh-Hant", "zh-Hans") if k in item}, where)
        roles.append(
            Role(
                code=str(item["code"]),
                start=None if item.get("from") is None else str(item["from"]),
                until=None if item.get("until") is None else str(item["until"]),
                title=item.get("title"),
                aliases=aliases,
            )
        )
    return tuple(roles)


def parse_entries(data: Any, source: str) -> list[Entry]:
    """Entries of one dictionary file (a YAML list), with capitals and seats expanded into their own entries."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise DictionaryError(f"{source}: a dictionary file is a list of entries")
    entries: list[Entry] = []
    for number, raw in enumerate(data, 1):
        where = f"{source}: entry {number}"
        if not isinstance(raw, dict) or "id" not in raw:
            raise DictionaryError(f"{where}: every entry is a mapping with an id")
        where = f"{source}: {raw['id']}"
        unknown = set(raw) - ENTRY_KEYS
        if unknown:
            raise DictionaryError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        kind = raw.get("kind", "state")
        if kind not in KINDS:
            raise DictionaryError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        country = raw.get("country", raw["id"] if kind == "state" else None)
        code = str(raw.get("code") or (country if kind in ("state", "person") else ""))
        if not code and kind not in ("coref", "stop"):
            raise DictionaryError(f"{where}: missing code")
        names = _names(raw, where)
        adj = raw.get("adj") or []
        adjectives = _with_nationals(tuple([adj] if isinstance(adj, str) else adj))
        names += tuple(("en", a) for a in adjectives)
        resolve = raw.get("resolve")
        if kind == "coref" and resolve not in COREF_RULES:
            raise DictionaryError(f"{where}: a coref entry needs resolve: {' | '.join(COREF_RULES)}")
        entries.append(
            Entry(
                id=str(raw["id"]),
                kind=kind,
                code=code,
                country=country,
                names=names,
                roles=_roles(raw.get("roles"), where),
                abbr=" ".join(raw["abbr"]) if isinstance(raw.get("abbr"), list) else raw.get("abbr"),
                resolve=resolve,
                count=int(raw.get("count", 2)),
                sector=raw.get("sector"),
                gender=raw.get("gender"),
                persons=bool(raw.get("persons", False)),
                adjectives=adjectives,
                source=source,
            )
        )
        for key, kind2 in (("capital", "capital"), ("seats", "capital")):
            sub = raw.get(key)
            if sub is None:
                continue
            if not isinstance(sub, dict):
                raise DictionaryError(f"{where}: {key} must be a mapping of names")
            entries.append(
                Entry(
                    id=f"{raw['id']}/{key}",
                    kind=kind2,
                    code=str(sub.get("code", f"{country}GOV")),
                    country=country,
                    names=_names(sub, f"{where}/{key}"),
                    source=source,
                )
            )
    return entries


def parse_abbreviations(
    data: Any, source: str, states: dict[str, Entry]
) -> tuple[dict[str, AbbrRule], str, dict[str, str], str, str, dict[str, str]]:
    if not isinstance(data, dict) or "chars" not in data:
        raise DictionaryError(f"{source}: expected a mapping with prefixes, suffixes, connectors and chars")
    rules: dict[str, AbbrRule] = {}
    by_abbr = {to_simplified(a): e for e in states.values() if e.kind == "state" for a in e.abbrs}
    for char, raw in (data.get("chars") or {}).items():
        char = to_simplified(char)
        state = by_abbr.get(char)
        if state is None:
            raise DictionaryError(f"{source}: abbreviation {char!r} is the abbr of no state entry")
        raw = raw or {}
        alone = raw.get("alone", "both")
        if alone not in ("none", "prefix", "suffix", "both"):
            raise DictionaryError(f"{source}: {char}: alone must be none|prefix|suffix|both")
        rules[char] = AbbrRule(
            char=char,
            state=state.id,
            compound=bool(raw.get("compound", True)),
            alone=alone,
            not_after=to_simplified(str(raw.get("not_after", ""))),
            not_before=to_simplified(str(raw.get("not_before", ""))),
            preposition=bool(raw.get("preposition", False)),
            prefixes=to_simplified(str(raw.get("prefixes", ""))),
        )
    suffixes = {to_simplified(str(k)): str(v or "") for k, v in (data.get("suffixes") or {}).items()}
    stops = {to_simplified(str(k)): to_simplified(str(v or "")) for k, v in (data.get("suffix_stops") or {}).items()}
    return (rules, to_simplified(str(data.get("prefixes", ""))), suffixes, str(data.get("connectors", "")),
            to_simplified(str(data.get("release", ""))), stops)


def build_dictionary(paths: Iterable[Path]) -> Dictionary:
    entries: dict[str, Entry] = {}
    abbreviation_data: tuple[Any, str] | None = None
    files = []
    for path in paths:
        files.append(str(path))
        data = read_yaml(path)
        if path.name == ABBREVIATIONS:
            abbreviation_data = (data, str(path))
            continue
        for entry in parse_entries(data, str(path)):
            entries[entry.id] = entry  # later files (user dictionaries) override
    if abbreviation_data is None:
        return Dictionary(entries, {}, "", {}, "", files=tuple(files))
    rules, prefixes, suffixes, connectors, release, stops = parse_abbreviations(*abbreviation_data, entries)
    data, source = abbreviation_data
    try:
        dateline = re.compile(data["capital_dateline"]) if data.get("capital_dateline") else None
        clock = re.compile(data["state_clock"]) if data.get("state_clock") else None
    except re.error as exc:
        raise DictionaryError(f"{source}: capital_dateline or state_clock is no regular expression: {exc}") from None
    return Dictionary(entries, rules, prefixes, suffixes, connectors, release, stops,
                      locatives=to_simplified(str(data.get("capital_locatives", ""))),
                      locatives_en=tuple(data.get("capital_locatives_en") or ()), dateline=dateline, clock=clock,
                      files=tuple(files))


@cache
def load_dictionary(user_files: tuple[str, ...] = ()) -> Dictionary:
    """The bundled dictionary extended by ``user_files``; built once per process for each tuple of user files."""
    paths = bundled_files()
    for name in user_files:
        path = Path(name)
        if not path.is_file():
            raise DictionaryError(f"{name}: dictionary file not found")
        paths.append(path)
    return build_dictionary(paths)
