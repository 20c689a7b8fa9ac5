"""The Chinese trigger dictionary and function-word grammar (``data/triggers/zh*.yaml``), loaded once per process.

Patterns are converted to the Simplified shadow script so that one dictionary serves Traditional and Simplified
text; one leftmost-longest Aho-Corasick automaton finds every trigger of a document in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import ahocorasick_rs
import yaml

from kuroshio.errors import DictionaryError
from kuroshio.events.ontology import cameo_codes
from kuroshio.normalize.script import to_simplified

ARG_KINDS = ("directed", "symmetric", "visit", "host", "stop")
TRIGGER_FILE = "triggers/zh.yaml"
GRAMMAR_FILE = "triggers/zh_grammar.yaml"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One dictionary entry: a pattern (Simplified) and what it codes."""

    pattern: str
    cameo: str
    args: str  # directed | symmetric | visit | host | stop
    target: str | None = None  # a state named by the trigger itself (訪日 -> JPN)
    # "partner": coded only with a 與/和/同 partner or a 對/向 target (與日本合作); "target": only with a 對/向
    # target or an object right after the trigger (威脅日本, not 北韓的飛彈威脅); "toward": only with 向/朝 + target
    # (向日本發射飛彈, not 對北韓試射飛彈表達譴責); "adjacent": only with an object right after the trigger
    # (希望美方停止, not 希望扭轉日方的印象)
    requires: str | None = None
    # a symmetric exercise word with one participant only (東部戰區在台島周邊舉行聯合演習: joint services, not
    # allies) codes this directed code instead, aimed at the place named
    solo: str | None = None
    root: str = field(init=False, repr=False, compare=False)  # the CAMEO root (first two digits)
    # Root 03 events are actual even when phrased in the future ('will deepen cooperation')
    intent: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # (read for every trigger found: computed once, not per use)
        object.__setattr__(self, "root", self.cameo[:2])
        object.__setattr__(self, "intent", self.cameo.startswith("03"))


@dataclass(frozen=True, slots=True)
class Grammar:
    clause_breaks: frozenset[str]
    target_prepositions: tuple[str, ...]
    partner_prepositions: tuple[str, ...]
    passive_markers: tuple[str, ...]
    preposition_exceptions: tuple[str, ...]
    location_prepositions: tuple[str, ...]
    topic_prepositions: tuple[str, ...]
    suffix_anchor: tuple[str, ...]
    conjunctions: frozenset[str]
    conditional: tuple[str, ...]
    speculative: tuple[str, ...]
    obligation: tuple[str, ...]
    purpose_prefix: tuple[str, ...]
    purpose_exceptions: tuple[str, ...]
    continuation: tuple[str, ...]
    cause_markers: tuple[str, ...]
    anaphoric_parties: tuple[str, ...]
    causative: tuple[str, ...]
    negation: tuple[str, ...]
    negation_exceptions: tuple[str, ...]
    conditional_exceptions: tuple[str, ...]
    negation_window: int
    denial: tuple[str, ...]
    suffix_negation: tuple[str, ...]
    embedding_roots: frozenset[str]
    listing_roots: frozenset[str]
    wish: tuple[str, ...]
    planned: tuple[str, ...]
    planned_exceptions: tuple[str, ...]
    actual: tuple[str, ...]
    suffix_planned: tuple[str, ...]
    suffix_actual: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    place_roots: frozenset[str]
    territory_places: tuple[tuple[str, str], ...]
    near_words: tuple[str, ...]
    anaphora: tuple[str, ...]
    street_protest: tuple[str, ...]
    civilian_sectors: tuple[str, ...]
    threat_roots: frozenset[str]
    planned_after: tuple[str, ...]
    visiting: tuple[str, ...]
    with_words: frozenset[str]
    quantifier: str
    light_verbs: tuple[str, ...]
    threat_verbs: tuple[str, ...]
    home_bodies: tuple[str, ...]
    home_markers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    automaton: Any  # ahocorasick_rs.AhoCorasick over the trigger patterns
    grammar: Grammar

    def find(self, shadow: str) -> list[tuple[Trigger, int, int]]:
        """Every trigger occurrence in ``shadow`` (leftmost-longest, non-overlapping), stop phrases included."""
        return [(self.triggers[i], s, e) for i, s, e in self.automaton.find_matches_as_indexes(shadow)]


def _read(name: str) -> Any:
    path = resources.files("kuroshio.data").joinpath(name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"{name}: cannot read: {exc}") from None


def _words(data: dict[str, Any], key: str, name: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DictionaryError(f"{name}: {key} must be a list of words")
    return tuple(to_simplified(v) for v in value)


def parse_grammar(data: Any, name: str = GRAMMAR_FILE) -> Grammar:
    if not isinstance(data, dict):
        raise DictionaryError(f"{name}: expected a mapping")
    return Grammar(
        clause_breaks=frozenset(str(data.get("clause_breaks", ""))),
        target_prepositions=_words(data, "target_prepositions", name),
        partner_prepositions=_words(data, "partner_prepositions", name),
        passive_markers=_words(data, "passive_markers", name),
        preposition_exceptions=_words(data, "preposition_exceptions", name),
        location_prepositions=_words(data, "location_prepositions", name),
        topic_prepositions=_words(data, "topic_prepositions", name),
        suffix_anchor=_words(data, "suffix_anchor", name),
        conjunctions=frozenset(to_simplified(str(data.get("conjunctions", "")))),
        conditional=_words(data, "conditional", name),
        speculative=_words(data, "speculative", name),
        obligation=_words(data, "obligation", name),
        purpose_prefix=_words(data, "purpose_prefix", name),
        purpose_exceptions=_words(data, "purpose_exceptions", name),
        continuation=_words(data, "continuation", name),
        cause_markers=_words(data, "cause_markers", name),
        anaphoric_parties=_words(data, "anaphoric_parties", name),
        causative=_words(data, "causative", name),
        negation=_words(data, "negation", name),
        negation_exceptions=_words(data, "negation_exceptions", name),
        conditional_exceptions=_words(data, "conditional_exceptions", name),
        negation_window=int(data.get("negation_window", 5)),
        denial=_words(data, "denial", name),
        suffix_negation=_words(data, "suffix_negation", name),
        embedding_roots=frozenset(str(r) for r in data.get("embedding_roots") or ()),
        listing_roots=frozenset(str(r) for r in data.get("listing_roots") or ()),
        wish=_words(data, "wish", name),
        planned=_words(data, "planned", name),
        planned_exceptions=_words(data, "planned_exceptions", name),
        actual=_words(data, "actual", name),
        suffix_planned=_words(data, "suffix_planned", name),
        suffix_actual=_words(data, "suffix_actual", name),
        speech_verbs=_words(data, "speech_verbs", name),
        place_roots=frozenset(str(r) for r in data.get("place_roots") or ()),
        territory_places=_places(data, "territory_places", name),
        near_words=_words(data, "near_words", name),
        anaphora=_words(data, "anaphora", name),
        street_protest=_words(data, "street_protest", name),
        civilian_sectors=tuple(str(s) for s in data.get("civilian_sectors") or ()),
        threat_roots=frozenset(str(r) for r in data.get("threat_roots") or ()),
        planned_after=_words(data, "planned_after", name),
        visiting=_words(data, "visiting", name),
        with_words=frozenset(to_simplified(str(data.get("with_words", "")))),
        quantifier=str(data.get("quantifier", "")),
        light_verbs=_words(data, "light_verbs", name),
        threat_verbs=_words(data, "threat_verbs", name),
        home_bodies=_words(data, "home_bodies", name),
        home_markers=_markers(data, "home_markers", name),
    )


def _markers(data: dict[str, Any], key: str, name: str) -> tuple[tuple[str, str], ...]:
    value = data.get(key) or {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and len(k) == 3 and isinstance(v, list) and all(isinstance(w, str) for w in v)
        for k, v in value.items()
    ):
        raise DictionaryError(f"{name}: {key} must map 3-letter state codes to lists of words")
    return tuple((to_simplified(w), k) for k, v in value.items() for w in v)


def _places(data: dict[str, Any], key: str, name: str) -> tuple[tuple[str, str], ...]:
    value = data.get(key) or {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and len(v) == 3 and v.isupper() for k, v in value.items()
    ):
        raise DictionaryError(f"{name}: {key} must map place words to 3-letter state codes")
    return tuple(sorted(((to_simplified(k), v) for k, v in value.items()), key=lambda kv: -len(kv[0])))


def parse_triggers(data: Any, name: str = TRIGGER_FILE) -> list[Trigger]:
    """The trigger entries of a dictionary file; raises DictionaryError naming the file and the bad entry."""
    if not isinstance(data, dict) or not isinstance(data.get("codes"), dict):
        raise DictionaryError(f"{name}: expected a mapping with 'codes'")
    known = cameo_codes()
    seen: dict[str, str] = {}
    triggers: list[Trigger] = []

    def add(raw: str, cameo: str, args: str, requires: str | None = None, solo: str | None = None) -> None:
        text, _, target = str(raw).partition("@")
        pattern = to_simplified(text.strip())
        if not pattern:
            raise DictionaryError(f"{name}: empty pattern under {cameo}")
        if target and not (len(target) == 3 and target.isalpha() and target.isupper()):
            raise DictionaryError(f"{name}: pattern {raw!r}: target must be a 3-letter state code")
        if pattern in seen:
            if seen[pattern] == cameo:
                return  # the same pattern written in both scripts
            raise DictionaryError(f"{name}: pattern {raw!r} is under both {seen[pattern]} and {cameo}")
        seen[pattern] = cameo
        triggers.append(
            Trigger(pattern=pattern, cameo=cameo, args=args, target=target or None, requires=requires, solo=solo)
        )

    for raw in data.get("stop") or []:
        add(raw, "stop", "stop")
    for cameo, entries in data["codes"].items():
        cameo = str(cameo)
        if cameo not in known:
            raise DictionaryError(f"{name}: unknown CAMEO code {cameo!r}")
        for entry in entries if isinstance(entries, list) else [entries]:
            if not isinstance(entry, dict) or entry.get("args") not in ARG_KINDS[:-1]:
                raise DictionaryError(f"{name}: {cameo}: args must be one of {', '.join(ARG_KINDS[:-1])}")
            requires = entry.get("requires")
            if requires not in (None, "partner", "target", "toward", "adjacent"):
                raise DictionaryError(f"{name}: {cameo}: requires must be 'partner', 'target', 'toward' or 'adjacent'")
            solo = entry.get("solo")
            if solo is not None and (str(solo) not in known or entry["args"] != "symmetric"):
                raise DictionaryError(f"{name}: {cameo}: solo must be a known CAMEO code on a symmetric entry")
            patterns = entry.get("patterns")
            if not isinstance(patterns, list) or not patterns:
                raise DictionaryError(f"{name}: {cameo}: patterns must be a non-empty list")
            for raw in patterns:
                add(raw, cameo, entry["args"], requires, None if solo is None else str(solo))
    return triggers


def build_lexicon(trigger_data: Any, grammar_data: Any) -> Lexicon:
    triggers = tuple(parse_triggers(trigger_data))
    automaton = ahocorasick_rs.AhoCorasick(
        [t.pattern for t in triggers], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
    )
    return Lexicon(triggers=triggers, automaton=automaton, grammar=parse_grammar(grammar_data))


@cache
def chinese_lexicon() -> Lexicon:
    """The bundled Chinese lexicon (cached per process)."""
    return build_lexicon(_read(TRIGGER_FILE), _read(GRAMMAR_FILE))
