"""The English trigger lexicon: phrase patterns from ``data/triggers/en.yaml`` compiled into anchored regexes.

A pattern is a sequence of slots (see the header of ``en.yaml``): verb lemmas inflected by a small rule-based
inflector (irregular forms from ``en_irregular.tsv``), nouns in both numbers, alternatives, optional words and short
gaps. Every compiled pattern is indexed by the words it can start with, so a sentence is scanned once: each word is
looked up, and only the patterns that can start there are tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from kuroshio.errors import DictionaryError
from kuroshio.events.ontology import cameo_codes

_FILE = "triggers/en.yaml"
_IRREGULAR = "triggers/en_irregular.tsv"
_ENTRY_KEYS = frozenset(
    {"p", "code", "kind", "subject", "sym", "visit", "host", "intent", "tprep", "refine", "joint", "requires",
     "complement", "governs", "min", "fallback", "ex"}
)
_VOWELS = set("aeiou")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One dictionary entry."""

    pattern: str
    code: str
    root: str
    kind: str = "verb"
    subject: bool = True
    sym: bool = False
    visit: bool = False
    host: bool = False
    intent: bool = False
    tprep: tuple[str, ...] = ()
    refine: tuple[tuple[re.Pattern[str], str], ...] = ()
    joint: str | None = None
    requires: re.Pattern[str] | None = None
    complement: str | None = None
    governs: bool = False
    min_parties: int = 2
    fallback: bool = False  # coded only when no other trigger follows in its clause ("agreed to" + anything)
    example: str | None = None


@dataclass(frozen=True, slots=True)
class Complement:
    regex: re.Pattern[str]
    appeal: str
    demand: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled triggers indexed by first word, plus the tables the clause rules need."""

    by_first: dict[str, tuple[tuple[re.Pattern[str], Trigger], ...]]
    triggers: tuple[Trigger, ...]
    complements: tuple[Complement, ...]
    sym_prep: frozenset[str]
    verb_forms: dict[str, str] = field(default_factory=dict)  # inflected form -> lemma (participles marked)
    participles: frozenset[str] = frozenset()


# ---------------------------------------------------------------------------------------------------- inflection


@cache
def _irregular() -> dict[str, tuple[str, str]]:
    text = resources.files("kuroshio.data").joinpath(_IRREGULAR).read_text(encoding="utf-8")
    table: dict[str, tuple[str, str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise DictionaryError(f"{_IRREGULAR}:{n}: expected 3 tab-separated columns, got {len(parts)}")
        table[parts[0]] = (parts[1], parts[2])
    return table


def _doubles(lemma: str) -> bool:
    irregular = _irregular().get(lemma)
    if irregular is not None:
        return irregular[0] == "double"
    # one-syllable consonant-vowel-consonant verbs double (stop, ban, plan); w, x, y never do
    vowels = [i for i, c in enumerate(lemma) if c in _VOWELS]
    return (
        len(lemma) >= 3
        and len(vowels) == 1
        and vowels[0] == len(lemma) - 2
        and lemma[-1] not in _VOWELS | set("wxy")
        and lemma[-3] not in _VOWELS
    )


def verb_forms(lemma: str) -> dict[str, str]:
    """Every form of a verb: ``{form: tag}`` with tags base, s, past, part, ing."""
    if " " in lemma:
        raise DictionaryError(f"{_FILE}: verb lemma {lemma!r} has a space; put the particle in its own token")
    forms: dict[str, str] = {lemma: "base"}
    if re.search(r"(?:s|x|z|ch|sh|o)$", lemma):
        forms[lemma + "es"] = "s"
    elif re.search(r"[^aeiou]y$", lemma):
        forms[lemma[:-1] + "ies"] = "s"
    else:
        forms[lemma + "s"] = "s"
    irregular = _irregular().get(lemma)
    doubled = lemma + lemma[-1] if _doubles(lemma) else lemma
    if lemma.endswith("ie"):
        ing = lemma[:-2] + "ying"
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        ing = lemma[:-1] + "ing"
    else:
        ing = doubled + "ing"
    forms[ing] = "ing"
    if irregular is not None and irregular[0] != "double":
        forms.setdefault(irregular[0], "past")
        forms[irregular[1]] = "part"
    else:
        if lemma.endswith("e"):
            past = lemma + "d"
        elif re.search(r"[^aeiou]y$", lemma):
            past = lemma[:-1] + "ied"
        else:
            past = doubled + "ed"
        forms[past] = "part"
    if re.search(r"[^aeiou][aeiou]l$", lemma) and len(lemma) > 4:  # British doubling: travelled, cancelling
        forms.setdefault(lemma + "led", "part")
        forms.setdefault(lemma + "ling", "ing")
    return forms


def noun_forms(noun: str) -> list[str]:
    if re.search(r"(?:s|x|z|ch|sh)$", noun):
        return [noun, noun + "es"]
    if re.search(r"[^aeiou]y$", noun):
        return [noun, noun[:-1] + "ies"]
    return [noun, noun + "s"]


# ---------------------------------------------------------------------------------------------------- patterns


_TOKEN = re.compile(r"\([^()]*\)\??|[^\s()]+")


def _atom(word: str, verb_table: dict[str, str], participles: set[str]) -> tuple[str, list[str]]:
    """The regex for one word and the plain words it can start with."""
    if word.startswith("="):
        forms = verb_forms(word[1:].lower())
        for form, tag in forms.items():
            verb_table.setdefault(form, word[1:].lower())
            if tag in ("part", "past"):
                participles.add(form)
        alts = sorted(forms, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(a) for a in alts) + ")", list(alts)
    if word.startswith("+"):
        alts = noun_forms(word[1:].lower())
        return "(?:" + "|".join(re.escape(a) for a in sorted(alts, key=len, reverse=True)) + ")", alts
    if word.endswith("*"):
        stem = word[:-1].lower()
        return re.escape(stem) + r"[\w-]*", ["*" + stem]
    return re.escape(word.lower()), [word.lower()]


def _sequence(text: str, verb_table: dict[str, str], participles: set[str]) -> tuple[str, list[str]]:
    pieces: list[str] = []
    first: list[str] = []
    for n, word in enumerate(text.split()):
        regex, starts = _atom(word, verb_table, participles)
        pieces.append(regex)
        if n == 0:
            first = starts
    return r"\s+".join(pieces), first


_SEPARATOR = r"[\"”’]?\s+[\"“‘]?"  # words may be quoted: expressed "concern and regret" over


def compile_pattern(
    pattern: str, verb_table: dict[str, str], participles: set[str]
) -> tuple[re.Pattern[str], set[str]]:
    """The anchored regex of a pattern and the set of words a match can start with."""
    parts: list[str] = []
    starts: set[str] = set()
    leading = True  # still collecting possible first words (optional leading slots)
    for token in _TOKEN.findall(pattern):
        optional = token.endswith("?") and len(token) > 1
        body = token[:-1] if optional else token
        if re.fullmatch(r"~\d*", body):
            if leading:
                raise DictionaryError(f"{_FILE}: pattern {pattern!r} starts with a gap")
            n = int(body[1:] or 3)
            parts.append(rf"(?:\s+(?:[^\s.;:!?]|(?<=\d)\.(?=\d))+){{0,{n}}}")  # ("1.06 billion": a decimal point)
            continue
        alternatives = body[1:-1].split("|") if body.startswith("(") else body.split("|")
        regexes: list[str] = []
        for alt in alternatives:
            if not alt.strip():
                raise DictionaryError(f"{_FILE}: empty alternative in pattern {pattern!r}")
            regex, first = _sequence(alt, verb_table, participles)
            regexes.append(regex)
            if leading:
                if any(w.startswith("*") for w in first):
                    raise DictionaryError(f"{_FILE}: pattern {pattern!r} may start with a prefix word")
                starts.update(first)
        group = "(?:" + "|".join(regexes) + ")"
        if leading:  # the first required word carries no separator; optional leading words carry theirs
            parts.append(f"(?:{group}{_SEPARATOR})?" if optional else group)
        else:
            parts.append(f"(?:{_SEPARATOR}{group})?" if optional else _SEPARATOR + group)
        if not optional:
            leading = False
    if leading:
        raise DictionaryError(f"{_FILE}: pattern {pattern!r} has no required word")
    return re.compile("".join(parts) + r"(?![\w-])"), starts


def _parse_entry(raw: dict[str, object], root: str, defaults: dict[str, object], codes: set[str]) -> Trigger:
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise DictionaryError(f"{_FILE}: root {root}: unknown field(s) {sorted(unknown)} in {raw!r}")
    pattern = raw.get("p")
    code = raw.get("code")
    if not isinstance(pattern, str) or not isinstance(code, str):
        raise DictionaryError(f"{_FILE}: root {root}: every entry needs a pattern `p` and a `code`: {raw!r}")
    if code not in codes:
        raise DictionaryError(f"{_FILE}: {pattern!r}: unknown CAMEO code {code!r}")
    if not code.startswith(root):
        raise DictionaryError(f"{_FILE}: {pattern!r}: code {code} listed under root {root}")
    kind = str(raw.get("kind", "verb"))
    if kind not in ("verb", "noun", "stop"):
        raise DictionaryError(f"{_FILE}: {pattern!r}: kind must be verb, noun or stop")
    refine_raw = raw.get("refine") or {}
    if not isinstance(refine_raw, dict):
        raise DictionaryError(f"{_FILE}: {pattern!r}: refine must be a mapping")
    refine: list[tuple[re.Pattern[str], str]] = []
    for rx, sub in refine_raw.items():
        if sub not in codes:
            raise DictionaryError(f"{_FILE}: {pattern!r}: unknown refine code {sub!r}")
        refine.append((re.compile(str(rx), re.IGNORECASE), str(sub)))
    joint = raw.get("joint")
    if joint is not None and joint not in codes:
        raise DictionaryError(f"{_FILE}: {pattern!r}: unknown joint code {joint!r}")
    requires = raw.get("requires")
    complement = raw.get("complement")
    if complement not in (None, "appeal", "demand"):
        raise DictionaryError(f"{_FILE}: {pattern!r}: complement must be appeal or demand")
    tprep = raw.get("tprep", defaults["tprep"])
    if not isinstance(tprep, list):
        raise DictionaryError(f"{_FILE}: {pattern!r}: tprep must be a list")
    return Trigger(
        pattern=pattern,
        code=code,
        root=code[:2],
        kind=kind,
        subject=bool(raw.get("subject", kind == "verb")),
        sym=bool(raw.get("sym", False)),
        visit=bool(raw.get("visit", False)),
        host=bool(raw.get("host", False)),
        intent=bool(raw.get("intent", False)),
        tprep=tuple(str(p) for p in tprep),
        refine=tuple(refine),
        joint=str(joint) if joint else None,
        requires=re.compile(r"\s*" + str(requires).removeprefix("^"), re.IGNORECASE) if requires else None,
        complement=str(complement) if complement else None,
        governs=bool(raw.get("governs", False)),
        min_parties=int(raw.get("min", 2)),  # type: ignore[call-overload]
        fallback=bool(raw.get("fallback", False)),
        example=str(raw["ex"]) if raw.get("ex") else None,
    )


def build_lexicon(text: str) -> Lexicon:
    """Compile the YAML text of a trigger file (raises DictionaryError naming the entry on a bad one)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{_FILE}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), dict):
        raise DictionaryError(f"{_FILE}: expected a mapping with `triggers`")
    defaults = data.get("defaults") or {}
    defaults.setdefault("tprep", [""])
    codes = set(cameo_codes())
    verb_table: dict[str, str] = {}
    participles: set[str] = set()
    by_first: dict[str, list[tuple[re.Pattern[str], Trigger]]] = {}
    triggers: list[Trigger] = []
    for root, entries in data["triggers"].items():
        root = str(root).zfill(2)
        for raw in entries or []:
            if not isinstance(raw, dict):
                raise DictionaryError(f"{_FILE}: root {root}: entry is not a mapping: {raw!r}")
            trigger = _parse_entry(raw, root, defaults, codes)
            regex, starts = compile_pattern(trigger.pattern, verb_table, participles)
            triggers.append(trigger)
            for word in starts:
                by_first.setdefault(word, []).append((regex, trigger))
    complements: list[Complement] = []
    for row in data.get("complements") or []:
        if not (isinstance(row, list) and len(row) == 3 and row[1] in codes and row[2] in codes):
            raise DictionaryError(f"{_FILE}: bad complement row {row!r}")
        complements.append(Complement(re.compile(r"^(?:" + str(row[0]) + ")", re.IGNORECASE), row[1], row[2]))
    return Lexicon(
        by_first={k: tuple(v) for k, v in by_first.items()},
        triggers=tuple(triggers),
        complements=tuple(complements),
        sym_prep=frozenset(str(p) for p in defaults.get("sym_prep", ["with", "between", "among", "and"])),
        verb_forms=verb_table,
        participles=frozenset(participles),
    )


@cache
def load_lexicon() -> Lexicon:
    """The bundled English lexicon, compiled once per process."""
    text = resources.files("kuroshio.data").joinpath(_FILE).read_text(encoding="utf-8")
    return build_lexicon(text)
