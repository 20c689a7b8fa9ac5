"""The English event coder: a shallow, rule-based coder in the spirit of TABARI.

Per sentence, in order:

1. Actor slots: the actor recognizer's mentions (identical spans merged, nested ones dropped), pronouns
   (first person -> the speaker, third person -> the nearest subject before, plural ones -> the nearest group) and
   names or titles seen earlier ("Spokesperson Guo Jiakun" ... "Guo said", "the Secretary").
2. Groups: slots joined by "and", "&", hyphens or a comma list ending in "and" ("Japan, the ROK, and the United
   States"); titles and names between them are skipped. A group's members are expanded when events are built.
3. Triggers: each word is looked up in the lexicon index, and the patterns that start there are tried (longest match
   wins). Verb entries take the clause subject (the nearest group on the left that is not inside a prepositional
   phrase) and the first object group on the right whose preposition the entry allows; passives ("was condemned by
   X") swap them. Noun entries take the words attached to them (possessive, compound, "between/of/by/with X").
4. Mode from the words before the trigger (negated > hypothetical > planned > actual; a cooperative act announced
   as an intention is an actual root-03 event), date from the nearest date expression in the clause (relative to a
   dateline or the publication date), else the publication date.
5. Symmetric codes give every ordered pair, visits give visitor -> host 042 and host -> visitor 043.

Everything the rules know about words lives in ``data/triggers/en.yaml`` and ``data/triggers/en_rules.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from itertools import permutations

import yaml

from kuroshio.config import Options
from kuroshio.errors import DictionaryError
from kuroshio.events.build import build_event, dedupe
from kuroshio.events.en_dates import DateMention, date_matches, find_dates, nearest_date, parse_date
from kuroshio.events.en_lexicon import Lexicon, Trigger, load_lexicon, verb_forms
from kuroshio.model import Document, Event, Mention, Sentence

__all__ = ["code_english", "code_sentence_texts"]

# hot-path regexes, compiled once
_NAME_GAP = re.compile(r"\s*\(?\s*(?:[A-Z][\w.'’\-]*\s+)*")
_STRONG_CONNECTOR = re.compile(r"\band\b|&|^[-–/]$")
_LATIN_WORD = re.compile(r"[a-zA-Z][a-zA-Z\-]*")
_COMPLEMENT_WORD = re.compile(r"\b(?:to|that|of|for|from|against|on|with)\b")
_SERIES_BEFORE = re.compile(r",\s+(?:(?:also|then|\w+ly)\s+)*$")
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:(?:has|have|had|also|then|\w+ly)\s+)*$")
_BY_AFTER = re.compile(r"\s+by\b")
_MODIFIER_GAP = re.compile(r"(?:['’]s?)?(?:\s*[\w\-]+){0,3}\s*[\"“]?")
_NOT_RULE_OUT = re.compile(r"\b(?:not|never|n't)\s+(?:\w+\s+)?(?:rule|ruling|ruled)\s+out\b")
_RULED_OUT = re.compile(r"\brul(?:e|ed|es|ing) out\s*$")
# an infinitive coordinated with an earlier one: "agreed to meet every year ... and to start sharing data"
_COORDINATED_TO = re.compile(r"(?:,|\band|\bor)\s+to\s+(?:start\s+|begin\s+)?$")
_IF_AFTER = re.compile(r"\s(?:if|unless)\s")
# where a condition after the trigger stops being the trigger's: a relative or another clause ("signed a treaty under
# which Canberra will come to Tuvalu's aid if it is attacked": the signing is no condition)
_CONDITION_END = re.compile(
    r";|\s(?:which|who|whom|whose|where|while|whereas|but|although|because|after|before|when|since)\s"
)
_SPEAKER_LABEL = re.compile(r"[\w\s.,'’\-]{0,40}")
_RELEASED_BY = re.compile(r"\b(?:released|issued|delivered|made)\b.{0,4}\bby\b")
_WORDS_THEN_VERB = re.compile(r"(?:[\s,]+(?:[A-Za-z][\w.'’\-]*|\d+)){0,6}?\s+(\w+)")
_CAPITALIZED = re.compile(r"[A-Z][a-z]+")
_TITLE_TAIL = re.compile(r"(?:\s+(?:[A-Z][\w.'’\-]*|[a-z]+(?=\s+[A-Z])))+")
_NAME_WORD = re.compile(r"[A-Za-z][\w'’\-]*")
_JOINT_WORDS = re.compile(r"\b(?:joint|combined|trilateral|bilateral)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+(?:[.,]\d+)*|[;:,()\"“”]")


@dataclass(frozen=True, slots=True)
class Rules:
    """The word classes of ``en_rules.yaml``, as sets and compiled regexes."""

    speech_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    titles: frozenset[str]
    quantifiers: frozenset[str]
    prepositions: frozenset[str]
    determiners: frozenset[str]
    clause_openers: frozenset[str]
    first_person: frozenset[str]
    third_person: frozenset[str]
    party_nouns: frozenset[str]
    noun_markers: frozenset[str]
    from_titles: frozenset[str]
    modifiers: frozenset[str]
    verbs_with_of: frozenset[str]
    gerund_preps: frozenset[str]
    causatives: frozenset[str]
    negation: re.Pattern[str]
    negation_ascii: re.Pattern[str]  # the same words in lower case, case-sensitive: for lower-case ASCII text (faster)
    negation_window: int
    hypothetical: re.Pattern[str]
    hypothetical_window: int
    hypothetical_clause: re.Pattern[str]
    hypothetical_not: re.Pattern[str]
    planned: re.Pattern[str]
    planned_ascii: re.Pattern[str]  # the same words in lower case, case-sensitive: for lower-case ASCII text (faster)
    planned_window: int
    targetless_roots: frozenset[str]
    force_nouns: re.Pattern[str]
    meeting_object: re.Pattern[str]
    accusation_object: re.Pattern[str]
    proposal_object: re.Pattern[str]
    decision_object: re.Pattern[str]
    intent_frame: re.Pattern[str]
    intent_frame_any: re.Pattern[str]  # the same frames anywhere ("agreed to meet, to open ... and to start ...")
    openers: re.Pattern[str] = re.compile("")
    speaker_words: re.Pattern[str] = re.compile("(?!)")
    speech_at: re.Pattern[str] = re.compile("(?!)")  # a lower-case speech verb as a whole word before a space
    statement_by: re.Pattern[str] = re.compile("")
    statement_end: re.Pattern[str] = re.compile("(?!)")  # "the speech" right before a name: "the speech X gave"
    statement_of: re.Pattern[str] = re.compile("(?!)")  # "X's policy speech"
    future_after: re.Pattern[str] = re.compile("(?!)")  # "later this year" after a trigger
    will_verb_before: re.Pattern[str] = re.compile("(?!)")  # "will attend the ... " before a noun trigger
    on_the_way: frozenset[str] = frozenset()  # "heads to": a trip under way, its visit still ahead
    time_phrase: re.Pattern[str] = re.compile("(?!)")  # "after / during the ..." right before a noun trigger
    it_clause: re.Pattern[str] = re.compile("(?!)")  # "announced it", "decided it": "it" opens a clause
    noun_quantifier: re.Pattern[str] = re.compile("(?!)")  # "any ... dialogue": no particular event
    pronoun: re.Pattern[str] = re.compile("")
    inverted: re.Pattern[str] = re.compile(r"(?!)")
    frame_fillers: frozenset[str] = frozenset()
    planned_after_noun: re.Pattern[str] = re.compile(r"(?!)")
    negated_after_noun: re.Pattern[str] = re.compile(r"(?!)")
    context_names: tuple[tuple[str, re.Pattern[str], str, frozenset[str]], ...] = ()
    dateline: re.Pattern[str] = re.compile("(?!)")
    infinitive: re.Pattern[str] = re.compile("(?!)")  # "to" + a verb; not "to both X and Y", "to the"
    qualifiers: str = ""  # a regex: the words that may stand between "the" and a title ("the Foreign Minister")
    the_title: re.Pattern[str] = re.compile("(?!)")
    pair_adjectives: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = ()
    speaking_verbs: frozenset[str] = frozenset()
    venue_verbs: frozenset[str] = frozenset()
    relationship: re.Pattern[str] = re.compile("(?!)")
    repeat: re.Pattern[str] = re.compile("(?!)")
    approximators: tuple[str, ...] = ()
    auxiliaries: frozenset[str] = frozenset()
    reciprocal: re.Pattern[str] = re.compile("(?!)")
    separately: re.Pattern[str] = re.compile("(?!)")
    target_prepositions: tuple[str, ...] = ()
    time_opener: re.Pattern[str] = re.compile("(?!)")
    denied_that: re.Pattern[str] = re.compile("(?!)")
    denial_end: re.Pattern[str] = re.compile("(?!)")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_Node = dict[str, "_Node"]


def _trie(words: list[str]) -> str:
    """The words as one regex alternation factored by common prefixes ("plan(?:s|ned) to"): it matches the same
    strings as ``_alternation`` and is much faster to search, as only one branch is tried at each character."""
    root: _Node = {}
    for word in words:
        node = root
        for char in str(word):
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        alts = [(r"\s+" if c == " " else re.escape(c)) + emit(node[c]) for c in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or "(?!)"


def _planned(words: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Future markers as words; a marker that starts with an apostrophe ("'ll") follows a word ("we'll")."""
    plain = [w for w in words if str(w)[:1].isalnum()]
    clitic = [w for w in words if not str(w)[:1].isalnum()]
    return re.compile(r"\b(?:" + _trie(plain) + r")\b|(?<=\w)(?:" + _trie(clitic) + r")\b", flags)


@cache
def load_rules() -> Rules:
    """The bundled clause-rule word classes, compiled once per process (DictionaryError when malformed)."""
    name = "triggers/en_rules.yaml"
    try:
        data = yaml.safe_load(resources.files("kuroshio.data").joinpath(name).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{name}: not valid YAML: {str(exc).splitlines()[0]}") from None
    try:
        speech: set[str] = set()
        for verb in data["speech_verbs"]:
            head, _, rest = str(verb).partition(" ")
            speech.update(f"{form} {rest}".strip() for form in verb_forms(head))
        neg, hyp, plan = data["negation"], data["hypothetical"], data["planned"]
        speech_words = sorted(w for w in speech if re.fullmatch("[a-z]+", w))
        words = [str(w) for w in data.get("title_qualifiers") or ()]
        qualifiers = r"(?:(?-i:" + _alternation(words) + r")\s+){0,2}" if words else ""
        speaker_words = sorted({  # searched in the lower-case text
            w for w in [*speech, *data["statement_nouns"], "released", "issued", "gave", "delivered", "made",
                        "read", "conference", "statement"] if re.fullmatch("[a-z]+", str(w))
        })
        return Rules(
            speech_verbs=frozenset(speech),
            statement_nouns=frozenset(data["statement_nouns"]),
            titles=frozenset(data["titles"]),
            quantifiers=frozenset(data["quantifiers"]),
            prepositions=frozenset(data["prepositions"]),
            determiners=frozenset(data["determiners"]),
            clause_openers=frozenset(data["clause_openers"]),
            first_person=frozenset(data["pronouns"]["first"]),
            third_person=frozenset(data["pronouns"]["third"]),
            party_nouns=frozenset(str(w).lower() for w in data["pronouns"].get("parties") or ()),
            noun_markers=frozenset(data["noun_markers"]),
            from_titles=frozenset(data["from_titles"]),
            modifiers=frozenset(data["modifiers"]),
            verbs_with_of=frozenset(data["verbs_with_of"]),
            gerund_preps=frozenset(data["gerund_preps"]),
            causatives=frozenset(form for verb in data.get("causatives") or () for form in verb_forms(str(verb))),
            negation=re.compile(r"(?<![\w'’])(?:" + _trie(neg["words"]) + r")(?![\w])", re.IGNORECASE),
            negation_ascii=re.compile(r"(?<![\w'’])(?:" + _trie([str(w).lower() for w in neg["words"]]) + r")(?![\w])"),
            negation_window=int(neg["window"]),
            hypothetical=re.compile(r"\b(?:" + _trie(hyp["words"]) + r")\b"),
            hypothetical_window=int(hyp["window"]),
            hypothetical_clause=re.compile(r"\b(?:" + _trie(hyp["clause_words"]) + r")\b", re.IGNORECASE),
            hypothetical_not=re.compile(r"\b(?:" + _trie(hyp["not_after"]) + r")\b", re.IGNORECASE),
            planned=_planned(plan["words"]),
            # on ASCII text, a case-insensitive match is a match of the lower-case words in the lower-case text
            planned_ascii=_planned([str(w).lower() for w in plan["words"]], flags=0),
            planned_window=int(plan["window"]),
            targetless_roots=frozenset(str(r) for r in data["targetless_roots"]),
            force_nouns=re.compile(r"\b(?:" + _alternation(data["force_nouns"]) + r")", re.IGNORECASE),
            proposal_object=re.compile(
                r"\s+(?:\w+\s+){0,2}?(?:the|such|these|those|this|that)\s+(?:[\w-]+\s+)?(?:"
                + _alternation(data.get("proposal_nouns") or ["(?!)"]) + r")\b",
            ),
            decision_object=re.compile(
                r"\s+(?:\w+\s+){0,2}?(?:the|such|these|those|this|that|its|their)\s+(?:[\w-]+\s+)?(?:"
                + _alternation(data.get("decision_nouns") or ["(?!)"]) + r")\b",
            ),
            accusation_object=re.compile(
                r"\s+(?:\w+\s+){0,2}?(?:the|such|these|those|its|their)\s+(?:[\w-]+\s+)?(?:"
                + _alternation(data.get("accusation_nouns") or ["(?!)"]) + r")\b",
            ),
            meeting_object=re.compile(
                r"\s+(?:\w+\s+){0,2}?the\s+(?:" + _alternation(data.get("meeting_nouns") or ["(?!)"]) + r")\b",
                re.IGNORECASE,
            ),
            intent_frame=re.compile(r"\b(?:" + _trie(data["intent_frames"]) + r")\s*$", re.IGNORECASE),
            intent_frame_any=re.compile(r"\b(?:" + _trie(data["intent_frames"]) + r")\s", re.IGNORECASE),
            openers=re.compile(r"[;:]|\s(?:" + _alternation(data["clause_openers"]) + r")\s"),
            speaker_words=re.compile(r"\b(?:" + _trie(speaker_words) + r")\b"),
            speech_at=re.compile(r"\b(?:" + _trie(speech_words) + r")(?:\s+that)?\s"),
            statement_by=re.compile(r"\b(?:" + _alternation(data["statement_nouns"]) + r")\b.{0,20}\b(?:by|of|from)\b"),
            statement_end=re.compile(r"\b(?:" + _alternation(data["statement_nouns"]) + r")$"),
            statement_of=re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:" + _alternation(data["statement_nouns"]) + r")\b"),
            noun_quantifier=re.compile(
                r"\b(?:" + _alternation(hyp.get("noun_quantifiers") or ["(?!)"]) + r")\s+(?:[\w.'’-]+\s+){0,3}$",
                re.IGNORECASE,
            ),
            future_after=re.compile(r"\b(?:" + _trie(plan.get("after_trigger") or ["(?!)"]) + r")\b", re.IGNORECASE),
            on_the_way=frozenset(str(w).lower() for w in plan.get("on_the_way") or ()),
            will_verb_before=re.compile(
                r"\b(?:will|shall)\s+(?:\w+ly\s+)?(?:" + _alternation(plan.get("will_verbs") or ["(?!)"])
                + r")\s+(?:[\w'’-]+\s+){0,6}$"
            ),
            time_phrase=re.compile(
                r"\b(?i:" + _alternation(data.get("time_phrase_preps") or ["(?!)"])
                + r")\s+(?:(?:the|their|a|an|his|her|its|two|three)\s+)?(?:[\w-]+\s+){0,3}$"
            ),
            it_clause=re.compile(r"\b(?:" + _trie(speech_words + sorted(
                form for verb in data.get("it_clause_verbs") or () for form in verb_forms(str(verb)))) + r")\s+$"),
            negated_after_noun=re.compile(
                r"[^;:.]{0,120}?\b(?:" + _trie(data["negation"].get("after_noun", [])) + r")\b", re.IGNORECASE
            ),
            planned_after_noun=re.compile(
                r"[^,;:]{0,80}?\b(?:" + _trie(plan.get("after_noun", [])) + r")\b", re.IGNORECASE
            ),
            frame_fillers=frozenset(str(w) for w in data.get("frame_fillers") or ()),
            inverted=re.compile(
                r"\W*(?:" + "|".join(str(w).capitalize() for w in hyp.get("inverted", ["(?!)"])) + r")\s+[^,;:]*$"
            ),
            dateline=_dateline([str(w) for w in data.get("wire_services") or ()]),
            infinitive=re.compile(r"\bto\s+(?!(?:" + _alternation(sorted(
                {str(w) for w in [*data["determiners"], *data["quantifiers"], *data["modifiers"]]}
            )) + r")\b)[a-z]+\b"),
            qualifiers=qualifiers,
            the_title=re.compile(
                r"\b[Tt]he\s+" + qualifiers + "(" + "|".join(sorted(_TITLE_ALIASES)) + r")\b(?!\s+(?:of\s+)?[A-Z])"
            ),
            context_names=tuple(
                (str(c["cue"]), re.compile(str(c["pattern"])), str(c["code"]), frozenset(str(n) for n in c["needs"]))
                for c in data.get("context_names") or ()
            ),
            pair_adjectives=tuple(
                (re.compile(r"\b" + re.escape(str(word)) + r"\b", re.IGNORECASE), frozenset(str(c) for c in codes))
                for word, codes in (data.get("pair_adjectives") or {}).items()
            ),
            speaking_verbs=frozenset(str(w) for w in data.get("speaking_verbs") or ()),
            venue_verbs=frozenset(str(w) for w in data.get("venue_verbs") or ()),
            relationship=re.compile(r"\b(?:" + _alternation(data.get("relationship_nouns") or ["(?!)"]) + r")\b",
                                    re.IGNORECASE),
            repeat=re.compile(r"\b(?:" + _alternation(data.get("repeat_words") or ["(?!)"]) + r")\b"),
            approximators=tuple(str(w) for w in data.get("approximators") or ()),
            auxiliaries=frozenset(str(w) for w in data.get("auxiliaries") or ()),
            reciprocal=re.compile(r"\b(?:" + _alternation(data.get("reciprocals") or ["(?!)"]) + r")\b", re.IGNORECASE),
            separately=re.compile(r"\b(?:" + _alternation(data.get("separately") or ["(?!)"]) + r")\b", re.IGNORECASE),
            target_prepositions=tuple(" " + str(w) for w in data.get("target_prepositions") or ()),
            time_opener=re.compile(r"\b(?:" + _alternation(data.get("time_openers") or ["(?!)"]) + r")\s*$"),
            denied_that=re.compile(  # "denied (reports) that ...": what follows is denied
                r"\b(?:" + _alternation(data.get("denial") or ["(?!)"]) + r")\s+(?:reports\s+|claims\s+)?that\b"
            ),
            denial_end=re.compile(r";|\b(?:" + _alternation(data.get("denial_ends") or ["(?!)"]) + r")\b"
                                  r"|,\s*(?:and\s+)?(?:saying|adding)\b"),
            pronoun=re.compile(r"\b(?:" + _trie(["I"] + [form for w in sorted(
                set(data["pronouns"]["first"]) | set(data["pronouns"]["third"])
                | set(data["pronouns"].get("parties") or ())) if w != "i"
                for form in (w, w.capitalize())]) + r")\b"),
        )
    except (KeyError, TypeError) as exc:
        raise DictionaryError(f"{name}: missing or malformed section {exc}") from None


# ------------------------------------------------------------------------------------------------ slots and groups


@dataclass(slots=True)
class Slot:
    """An actor position in a sentence: one span, one or more member mentions (coreference gives several)."""

    start: int
    end: int
    members: tuple[Mention, ...]
    pronoun: str | None = None  # "first" | "third": a pronoun to resolve; "alias": a name or title seen before


@dataclass(slots=True)
class Group:
    """Coordinated slots ("Japan, the ROK, and the United States") that act together."""

    slots: list[Slot]
    start: int
    end: int
    prep: str = ""  # the preposition governing the group ("" for a subject or direct object)
    used: bool = False  # consumed as an argument of a noun trigger


@dataclass(slots=True)
class _State:
    """What the coder remembers across the sentences of one document."""

    speaker: tuple[Mention, ...] = ()
    speaker_at: int = -1  # the start of the sentence that named the speaker
    authors: tuple[Mention, ...] = ()
    last_subject: tuple[Mention, ...] = ()
    last_person: tuple[Mention, ...] = ()  # the last subject that is a person: what "he" and "she" refer to
    questions: tuple[tuple[int, int], ...] = ()  # the spans of a press conference's questions ("Q: ...")
    aliases: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    low: str = ""  # the document text in lower case
    day_anchor: bool = True  # the publication date (or dateline) gives a day
    alias_rx: re.Pattern[str] | None = None
    aggressor: tuple[int, tuple[Mention, ...]] = (-10, ())  # sentence index and source of the last force event
    # country -> (sentence index, target) of its last conflictual event: "The DPRK denounced the U.S. ... The DPRK
    # will take countermeasures" threatens the U.S.
    adversary: dict[str | None, tuple[int, tuple[Mention, ...]]] = field(default_factory=dict)
    # country -> (sentence index, source) of the last conflictual event against it: whom its rejection answers
    accuser: dict[str | None, tuple[int, tuple[Mention, ...]]] = field(default_factory=dict)
    proposer: tuple[int, tuple[Mention, ...]] = (-10, ())  # sentence index and source of the last appeal or offer
    # (sentence index, trigger start, sources) of the last trigger that coded an event: whom "welcomed the step" praises
    doers: tuple[int, int, tuple[Mention, ...]] = (-10, -1, ())
    # (sentence index, target) of the last criticism, protest or rejection with a target, by anyone: "Washington
    # criticized China's drills. Japan also voiced concern" criticizes China too
    criticized: tuple[int, tuple[Mention, ...]] = (-10, ())
    # (sentence index, parties) of the last meeting or joint statement of two or more states: "they" and "the
    # ministers" after it
    met: tuple[int, tuple[Mention, ...]] = (-10, ())
    pending_joint: list[tuple[Sentence, tuple[int, int], str, str, str | None, str | None]] = field(
        default_factory=list
    )


def _unique(members: list[Mention] | tuple[Mention, ...]) -> tuple[Mention, ...]:
    if len(members) < 2:  # (most slots and groups hold one actor)
        return tuple(members)
    seen: set[str] = set()
    out: list[Mention] = []
    for m in members:
        if m.code not in seen:
            seen.add(m.code)
            out.append(m)
    return tuple(out)


def _specific(members: list[Mention]) -> tuple[Mention, ...]:
    """One mention per country, the most specific code ("South Korean" + "President Lee" -> KORGOV)."""
    best: dict[str | None, Mention] = {}
    for m in members:  # organizations (no country) count as one: "United Nations Security Council" -> IGOUNOSEC
        if m.country not in best or len(m.code) > len(best[m.country].code):
            best[m.country] = m
    return tuple(best.values())


def _slots(
    text: str, sentence: Sentence, mentions: list[Mention], rules: Rules, state: _State, *, pronouns: bool
) -> list[Slot]:
    """Actor slots of one sentence: mentions, names seen before, pronouns (only when a trigger needs them)."""
    spans: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        spans.setdefault((m.start, m.end), []).append(m)
    slots: list[Slot] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if slots and start < slots[-1].end:  # nested or overlapping: the longer, earlier span wins
            continue
        slots.append(Slot(start, end, _unique(spans[(start, end)])))
    extra: list[Slot] = []
    if pronouns:
        for w in rules.pronoun.finditer(text, sentence.start, sentence.end):
            low = w.group(0).lower()
            kind = "first" if w.group(0) == "I" or (low in rules.first_person and low != "i") else "third"
            extra.append(Slot(w.start(), w.end(), (), pronoun=kind))
    if state.aliases:
        if state.alias_rx is None:  # names learnt so far, as one regex (rebuilt when a name is learnt)
            names = sorted(state.aliases, key=len, reverse=True)
            state.alias_rx = re.compile(
                r"\b(?:" + "|".join(_alias_pattern(n, rules) for n in names) + r")\b", re.IGNORECASE
            )
        for w in state.alias_rx.finditer(text, sentence.start, sentence.end):
            name = w.group(0)
            if name.lower().startswith("the "):
                if not (rules.the_title.match(text, w.start()) or _THE_BODY.match(text, w.start())):
                    continue  # "the Secretary of State of Japan" names someone else
                key = "the " + name.split()[-1].lower()
            elif name[:1].isupper():
                key = name
            else:
                continue
            members = state.aliases.get(key)
            if members:
                extra.append(Slot(w.start(), w.end(), members, pronoun="alias"))
    if extra:
        covered = [(sl.start, sl.end) for sl in slots]
        extra = [x for x in extra if not any(a <= x.start < b for a, b in covered)]
    ordered_slots = sorted(slots + extra, key=lambda s: s.start) if extra else slots  # (slots are in order)
    kept: list[Slot] = []
    for i, slot in enumerate(ordered_slots):  # "his Chinese counterpart": the possessive only determines the actor
        nxt = ordered_slots[i + 1] if i + 1 < len(ordered_slots) else None
        if slot.pronoun in ("first", "third") and nxt is not None and not text[slot.end : nxt.start].strip() and \
                text[slot.start : slot.end].lower() in ("its", "their", "his", "her", "our", "my"):
            continue
        if slot.pronoun == "third" and text[slot.start : slot.end].lower() in rules.party_nouns:
            if (text[slot.end : slot.end + 1].isspace() or not text[slot.start : slot.start + 4].lower() == "the ") \
                    and not _verb_follows(text, slot.end, rules):
                continue  # "the three Chinese ships", "the leaders of both parties", "the first leaders' meeting": a
                # noun follows, no party noun
        kept.append(slot)
    return kept


_COORD_FILL = re.compile(
    r"^(?:[\s,]|and\b|&|of\b|the\b|de\b|his\b|her\b|its\b|their\b|\(|\)|[A-Z][\w.'’\-]*|H\.E\.|Mr\.|Ms\.|Dr\.)*$"
    r"|^[-–/]$"
)
_AND_OTHERS = re.compile(  # "the United States, Japan and other like-minded partners": one group
    r",?\s+(?:and|or|as well as)\s+(?:\w+\s+)?(?:other|another|several|many|fellow|like-minded|various)\b"
)
_WORDS_ONLY = re.compile(r"[a-z]+")
_CAPITAL_NEXT = re.compile(r"\s+(?:[A-Z]|[a-z]+\s+[A-Z])")
_NEXT_WORD = re.compile(r"\s+(?:\w+ly\s+)?([a-z]+)\b")
_CONNECTOR = re.compile(r",|\band\b|&|^[-–/]$")


def _groups(
    text: str, slots: list[Slot], rules: Rules, floor: int = 0, verbs: Mapping[str, str] | None = None
) -> list[Group]:
    """Slots joined by coordination into groups (chains of commas only are split again). ``verbs``: verb forms; a
    slot after ", and" followed by one of them starts a clause of its own ("will visit Russia, and Putin met Xi")."""
    groups: list[Group] = []
    chain: list[Slot] = []
    connectors: list[str] = []

    def close() -> None:
        if not chain:
            return
        strong = len(chain) == 1 or "and" in connectors or bool(_AND_OTHERS.match(text, chain[-1].end))
        parts = [chain] if strong else [[s] for s in chain]  # (connectors hold "and" or ",")
        for part in parts:
            groups.append(Group(slots=list(part), start=part[0].start, end=part[-1].end))

    for slot in slots:
        if chain:
            prev = chain[-1]
            between = text[prev.end : slot.start]
            same = bool(prev.members and slot.members) and (
                prev.members[0].code == slot.members[0].code if len(prev.members) == len(slot.members) == 1
                else {m.code for m in prev.members} == {m.code for m in slot.members}
            )
            if prev.pronoun is None and slot.pronoun is None and prev.members and slot.members and (
                (same and _NAME_GAP.fullmatch(between))  # "Secretary Antony J. Blinken"
                or (_titles_only(between, rules)  # "South Korean counterpart Cho Tae-yul"
                    and {m.country for m in prev.members} == {m.country for m in slot.members})
                or not between.strip()  # "United Nations Security Council": one name
            ):
                prev.end = max(prev.end, slot.end)
                prev.members = _specific(list(prev.members) + list(slot.members))
                continue
            if same:  # "Russia and North Korea, North Korea has ...": the same actor again starts anew
                close()
                chain = [slot]
                connectors = []
                continue
            said = _NEXT_WORD.match(text, slot.end)
            clause = (
                verbs is not None and len(chain) == 1 and said is not None and "," in between and "and" in between
                and (said.group(1) in rules.auxiliaries or said.group(1) in verbs)
                and any(w in verbs for w in _WORDS_ONLY.findall(text, floor, prev.start))
            )  # "Kim will visit Russia, and Putin met Xi": the object of one clause, the subject of the next
            joined = (
                slot.pronoun != "third" and prev.pronoun != "third" and _COORD_FILL.match(between)
                and _CONNECTOR.search(between) and not clause
                and not (said and said.group(1) in rules.speech_verbs and "and" not in between)  # "..., X said"
                and not (slot.members and all(m.kind == "coref" for m in slot.members))  # "..., and the two leaders"
            )
            if joined and "\n" not in between and len(between) < 80:
                connectors.append("and" if _STRONG_CONNECTOR.search(between) else ",")
                chain.append(slot)
                continue
            close()
        chain = [slot]
        connectors = []
    close()
    for g in groups:
        first = g.slots[0]
        if first.pronoun is not None and text[first.start : first.end].lower() in ("we", "they", "he", "she", "i"):
            continue  # a subject pronoun: "since they signed" has a conjunction, not a preposition
        g.prep = _prep_before(text, g.start, rules, floor)
    return groups


def _titles_only(between: str, rules: Rules) -> bool:
    words = between.split()
    return 0 < len(words) <= 4 and all(w.lower() in rules.titles for w in words)


def _words_before(text: str, pos: int, n: int, floor: int = 0) -> list[str]:
    """The last ``n`` words before ``pos`` (lower case, punctuation kept as words)."""
    return [w.lower() for w in _WORD.findall(text, max(floor, pos - 12 * n), pos)[-n:]]  # (as in the slice)


def _last_words(text: str, left: int, right: int, n: int, reach: int) -> list[str]:
    """The last ``n`` words of ``_WORD.findall(text[left:right])``, read from ``reach`` characters back when that
    holds ``n + 2`` words: a window cut inside a word changes at most its first two words ("1,234" -> ",", "234")."""
    near = max(left, right - reach)
    words = _WORD.findall(text[near:right])
    if near > left and len(words) < n + 2:
        words = _WORD.findall(text[left:right])
    return words[-n:]


_COUNT = re.compile(r"\d{1,3}(?:,\d{3})*")


def _prep_before(text: str, pos: int, rules: Rules, floor: int = 0) -> str:
    """The preposition governing an actor at ``pos``; "" when it is a subject or direct object.

    "of X" after a title ("the Ministers of Foreign Affairs of Japan", "each of our governments") names the actor
    itself, so the preposition before the title phrase decides ("released by the Governments of Japan" -> "by").
    """
    raw = _last_words(text, max(floor, pos - 150), pos, 12, 96)
    words = [w.lower() for w in raw]
    i = len(words) - 1
    if i >= 0 and words[i] == "(":  # "by the Democratic People's Republic of Korea (DPRK": skip the spelled-out name
        i -= 1
        while i >= 0 and (raw[i][:1].isupper() or words[i] in ("of", "'s", "’s", "the")):
            i -= 1
    while i >= 0 and (words[i] in rules.determiners or words[i] in rules.modifiers or _COUNT.fullmatch(words[i])):
        if _COUNT.fullmatch(words[i]):  # "on 28 U.S. entities": a count is a modifier too (a year is not: "In 2024")
            before = " ".join(words[max(0, i - 2) : i])
            i -= next((len(a.split()) for a in rules.approximators if before.endswith(a)), 0)
        i -= 1
    if i < 0:
        return ""
    if words[i] in ("of", "from"):  # "the Ministers of Foreign Affairs of X", "officials from X"
        j = i - 1
        if words[i] == "from" and not (j >= 0 and words[j] in rules.from_titles):
            return "from"
        if j >= 0 and (words[j] in rules.quantifiers or words[j] in rules.titles or raw[j][:1].isupper()):
            while j >= 0 and (words[j] in rules.titles or words[j] in rules.determiners or words[j] == "of"
                              or raw[j][:1].isupper() or words[j] in rules.quantifiers
                              or (words[j] == "for" and j > 0 and words[j - 1] in rules.titles)):
                j -= 1
            return words[j] if j >= 0 and words[j] in rules.prepositions else ""
        return "of"
    if words[i] in ("'s", "’s"):
        return ""
    return words[i] if words[i] in rules.prepositions else ""


# ------------------------------------------------------------------------------------------------ the coder


def code_english(doc: Document, options: Options) -> Document:
    """The events stage for an English document: a copy of ``doc`` with ``events`` filled."""
    return replace(doc, events=tuple(_code(doc)))


def code_sentence_texts(texts: list[str]) -> int:
    """Run the trigger scan alone over raw sentences; returns the number of trigger matches (for benchmarks)."""
    lexicon = load_lexicon()
    return sum(len(_matches(t, 0, len(t), lexicon, load_rules())) for t in texts)


def _dateline(wire_services: list[str]) -> re.Pattern[str]:
    """ "BEIJING, Jan. 3 (Xinhua) --", "TOKYO, June 30 Kyodo -", "BOGOR, Indonesia, Jan. 11 (Kyodo) --": a place
    (with its country), a day, an agency and a dash."""
    return re.compile(
        r"[A-Z][A-Za-z .'’\-]{1,40},\s+(?:[A-Z][A-Za-z .'’\-]{1,30},\s+)?"
        r"((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)"
        r"\s*(?:\([^)]{1,30}\)\s*|(?:" + _alternation(wire_services) + r")\s+)?(?:--|—|–|-)\s*"
    )


def _code(doc: Document) -> list[Event]:
    lexicon, rules = load_lexicon(), load_rules()
    anchor = parse_date(doc.date)
    state = _State(low=lower_same_length(doc.text), day_anchor=bool(doc.date and len(doc.date) == 10),
                   questions=_questions(doc))
    events: list[Event] = []
    sentences = doc.sentences or (Sentence(0, 0, len(doc.text)),)
    mentions = sorted(doc.mentions + _context_mentions(doc, rules), key=lambda m: m.start)
    starts = [m.start for m in mentions]
    for sentence in sentences:
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        inside = [m for m in mentions[lo:hi] if m.end <= sentence.end and m.end > m.start]
        dateline = rules.dateline.match(doc.text, sentence.start, sentence.end)
        floor = sentence.start
        if dateline:  # "BEIJING, Jan. 3 (Xinhua) --": relative dates from here on count from the dateline
            found = find_dates(dateline.group(1), anchor)
            if found:
                anchor = parse_date(found[0].value) or anchor
                state.day_anchor = True
            floor = dateline.end()
            inside = [m for m in inside if m.start >= floor]  # "(Kyodo)": the agency is no actor of the sentence
        events.extend(_code_sentence(doc, sentence, inside, lexicon, rules, state, (anchor, floor)))
    if state.pending_joint and len(state.authors) >= 2:
        for sentence, span, code, mode, date, precision in state.pending_joint:
            for a, b in permutations(state.authors, 2):
                if a.code != b.code:
                    events.append(build_event(doc, sentence, a, b, code, mode=mode, date=date,
                                              date_precision=precision, trigger=span, confidence=0.5,
                                              source_code=a.code, target_code=b.code))
    return dedupe(_drop_untargeted_twins(events))


def _drop_untargeted_twins(events: list[Event]) -> list[Event]:
    """An event with no target whose source has an event of the same root with a target in the same sentence is
    the same event told twice ("resumed imports of Japanese seafood, lifting a ban"): keep the targeted one."""
    targeted = {(e.sentence_index, e.source, e.root) for e in events if e.target is not None}
    return [e for e in events if e.target is not None or (e.sentence_index, e.source, e.root) not in targeted]


def _context_mentions(doc: Document, rules: Rules) -> tuple[Mention, ...]:
    """Names that stand for an actor only in context ("the North" in a text about Korea -> PRK), as mentions."""
    if not rules.context_names or not doc.mentions:
        return ()
    countries = {m.country for m in doc.mentions}
    taken = [(m.start, m.end) for m in doc.mentions]
    out: list[Mention] = []
    text = doc.text
    for cue, regex, code, needs in rules.context_names:
        if needs.isdisjoint(countries):
            continue
        pos = text.find(cue)
        while pos >= 0:  # the pattern is tried from up to 8 characters before each occurrence of its cue
            for begin in range(max(0, pos - 8), pos + 1):
                w = regex.match(text, begin)
                if w is not None:
                    if not any(a < w.end() and w.start() < b for a, b in taken):
                        out.append(Mention(w.start(), w.end(), w.group(0), code, code, "state"))
                    break
            pos = text.find(cue, pos + len(cue))
    return tuple(out)


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    trigger: Trigger
    head: str  # the first matched word, lower case
    replaced: _Match | None = None  # the fallback trigger this one stands in for ("agreed to" before "resume ...")


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character for character (offsets stay valid: "İ" is left alone)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _matches(
    text: str, start: int, end: int, lexicon: Lexicon, rules: Rules, low: str | None = None
) -> list[_Match]:
    """Trigger matches in ``text[start:end]``: at each word the longest pattern that starts there; no overlaps.
    ``low`` is ``text`` in lower case (computed once per document by the caller)."""
    low = lower_same_length(text) if low is None else low
    found: list[_Match] = []
    taken_until = start
    by_first, verb_forms = lexicon.by_first, lexicon.verb_forms
    words = list(_LATIN_WORD.finditer(low, start, end))  # (no lookaround: the same words as in low[start:end])
    for i, w in enumerate(words):
        head = w.group()
        candidates = by_first.get(head)  # most words start no pattern: this test first
        if not candidates:
            continue
        pos = w.start()
        if pos < taken_until:
            continue
        if verb_forms.get(head) == "have" and i + 1 < len(words) and words[i + 1].group() in lexicon.participles:
            continue  # "had refused talks": an auxiliary, not "have talks"
        best: _Match | None = None
        for regex, trigger in candidates:
            m = regex.match(low, pos, end)
            if m is None or (best is not None and m.end() <= best.end):
                continue
            if trigger.kind == "verb":
                if i > 0:
                    prev = words[i - 1].group()
                    if (prev in rules.noun_markers and not low[words[i - 1].end() : pos].strip()) or (
                            prev == "s" and low[pos - 3 : pos - 2] in ("'", "’")):
                        continue  # "the meeting", "his visit": a noun, not the verb
                    if prev in rules.gerund_preps and head.endswith("ing"):
                        continue  # "in attacking": a gerund with no subject of its own
                    if head.endswith("ing") and _NOUN_MODIFIER_BEFORE.search(low, max(0, pos - 30), pos):
                        continue  # "the 90-minute meeting", "the Forum's summer meeting": a noun
                if low.startswith(" of ", pos + len(head)) and verb_forms.get(head) not in rules.verbs_with_of and \
                        not head.endswith("ed"):
                    continue  # "the transfer of arms" is a noun
                if low[m.end() : m.end() + 2] in ("'s", "’s"):
                    continue  # "strengthen the Alliance's posture": the last word is a possessor, not the object
            if trigger.requires is not None and not trigger.requires.match(text, m.end(), end):
                continue
            best = _Match(pos, m.end(), trigger, head)
        if best is not None:
            if found and found[-1].trigger.fallback and best.trigger.kind != "noun" and _FALLBACK_GAP.fullmatch(
                    low, found[-1].end, pos):
                # "agreed to resume shuttle diplomacy": the specific verb says what was agreed; the general trigger
                # is kept aside in case the specific one codes nothing ("agreed to increase mutual visits"). A noun
                # replaces nothing: "agreed to speed up negotiations" is an agreement, not yet the negotiations.
                best.replaced = found.pop()
            found.append(best)
            taken_until = best.end
    return found


# an "-ing" word after a hyphenated modifier or a possessor is a noun: "the 90-minute meeting", "the Forum's summer
# meeting"
_NOUN_MODIFIER_BEFORE = re.compile(r"(?:\w-\w+|['’]s(?:\s+[\w-]+){0,2})\s+$")
# what may stand between a fallback trigger and the trigger that replaces it: a few words, no clause break
_FALLBACK_GAP = re.compile(r"[^,;:.!?\"“”]{0,40}")


_RIGHT_BOUND = re.compile(
    r";|”\s*,|,\s*[\"”]|\s(?:which|who|while|whereas|but|although|because|after|before|when|since|unless)\s"
)


def _clause_bounds(text: str, s_start: int, s_end: int, pos: int, rules: Rules) -> tuple[int, int]:
    """The clause around ``pos``: cut at ; : quotes, clause openers and after speech verbs."""
    left = s_start
    for m in rules.openers.finditer(text, s_start, pos):
        left = m.end()
    for w in rules.speech_at.finditer(text, s_start, pos):  # lower case only: "the United States" is no speech verb
        left = max(left, w.end())
    right = s_end
    bound = _RIGHT_BOUND.search(text, pos, s_end)
    if bound:
        right = bound.start()
    return left, right


_POSSESSIVE = re.compile(r"['’]s?\s+([a-z]+)")


def _possessor(text: str, end: int, rules: Rules, *, event: bool = False) -> bool:
    """An actor that only owns the next thing ("China's aggressive activities"), not one that names a body ("North
    Korea's defence ministry"): the first is no antecedent of a pronoun. With ``event`` (the pronoun is "it"), the
    owner of a show of force is one ("North Korea's launch ... Seoul condemned it": the launch's actor)."""
    m = _POSSESSIVE.match(text, end)
    return m is not None and m.group(1) not in rules.titles and not (
        event and rules.force_nouns.match(text, m.start(1), m.start(1) + 20))


def _resolve_pronouns(text: str, groups: list[Group], state: _State, rules: Rules, index: int = 0) -> None:
    """Give each pronoun slot its antecedent: first person -> the speaker; third person -> the nearest subject
    before it in the sentence, else the last subject of the document."""
    for group in groups:
        for slot in group.slots:
            if slot.pronoun is None and len(slot.members) == 2 and all(m.kind == "coref" for m in slot.members) \
                    and not group.prep and _verb_follows(text, group.end, rules):  # a subject
                # "Heine welcomed Lai, and the two leaders pledged ...": the recognizer gives the paragraph's last
                # two states; as a subject, the two named before in the sentence come first
                named = _named_before(groups, group, slot.start)
                if len({m.country for m in named}) == 2:
                    slot.members = named
            elif slot.pronoun == "first":
                slot.members = state.speaker or state.last_subject
            elif slot.pronoun == "third":
                antecedent: tuple[Mention, ...] = ()
                word = text[slot.start : slot.end].lower()
                plural = word in ("they", "their", "them")
                owner = word in ("its", "their", "his", "her")  # "the DPRK's launches and its cooperation"
                found: list[tuple[Mention, ...]] = []
                subject: set[str] = set()  # the codes of the last subject before the pronoun
                for g in groups:
                    if g.end <= slot.start and g is not group and (
                            owner or not _possessor(text, g.end, rules, event=word == "it")):
                        members = tuple(m for sl in g.slots for m in sl.members)
                        if members and (not g.prep or (plural and len({m.code for m in members}) >= 2)):
                            found.append(members)
                        if members and not g.prep:
                            subject = {m.code for m in members}
                if (word in ("him", "them") or (word == "it" and _ED_BEFORE.search(text, 0, slot.start) and not
                                                rules.it_clause.search(text, max(0, slot.start - 30), slot.start))) \
                        and subject:
                    # an object pronoun is not its own clause's subject: "Putin thanked him" is someone else
                    earlier = [members for g in groups if g.end <= slot.start and g is not group
                               and (members := tuple(m for sl in g.slots for m in sl.members))
                               and {m.code for m in members}.isdisjoint(subject)]
                    last = state.last_subject if {m.code for m in state.last_subject} != subject else ()
                    antecedent = earlier[-1] if earlier else last
                    slot.members = antecedent
                    continue
                if word in _PERSONAL:  # "he", "she": a person named before in the sentence, else its subject
                    persons = [members for members in found if _personal(members)]  # ("Its spokesman ..., and he
                    # accused"), else the last person (not "Beijing", told in between)
                    antecedent = persons[-1] if persons else found[-1] if found else state.last_person
                antecedent = antecedent or (found[-1] if found else ()) or state.last_subject
                if word in rules.party_nouns:
                    # "Muizzu held talks with Xi, and the two signed 20 agreements": the parties named before in
                    # the sentence, when they are of two states or more
                    named = _named_before(groups, group, slot.start)
                    if len({m.country for m in named}) >= 2:
                        slot.members = named
                        continue
                if (plural or word in rules.party_nouns) and index - state.met[0] <= 3 and (
                    word in rules.party_nouns or len({m.country for m in antecedent}) < 2
                ) and {m.country for m in antecedent} <= {m.country for m in state.met[1]}:
                    antecedent = state.met[1]  # "Rubio met Iwaya and Cho. They condemned ...": all three
                if word in rules.party_nouns and len({m.country for m in antecedent}) < 2 and \
                        len({m.country for m in state.authors}) >= 2 and not _COUNTED.search(word):
                    antecedent = state.authors  # "Ministers agreed ..." in a joint statement: its authors
                slot.members = antecedent


_PERSONAL = frozenset(("he", "she", "his", "her", "him"))
_COUNTED = re.compile(r"\b(?:two|three|trio|both)\b")  # "the two" names its count: not a statement's authors
_QUOTE_MARKS = frozenset('"“”')
_ED_BEFORE = re.compile(r"[a-z]ed\s+$")  # "condemned it": an object, not the clause's own subject


def _personal(members: tuple[Mention, ...]) -> bool:
    """A named person (the recognizer's own mentions, not ``_members``' copies for pronouns)."""
    return any(m.kind == "person" for m in members)


def _verb_follows(text: str, pos: int, rules: Rules) -> bool:
    """The next word after ``pos`` is an auxiliary or a past form ("the two leaders pledged", "both sides have")."""
    after = _NEXT_WORD.match(text, pos)
    return after is not None and (after.group(1) in rules.auxiliaries or after.group(1).endswith("ed"))


def _named_before(groups: list[Group], group: Group, pos: int) -> tuple[Mention, ...]:
    """The actors named (not pronouns, not "the two sides"; a short name told before counts: "Shin ... with Kihara")
    in the sentence before ``pos``, outside ``group``."""
    return _unique([m for g in groups if g.end <= pos and g is not group
                    for sl in g.slots if sl.pronoun in (None, "alias") for m in sl.members if m.kind != "coref"])


def _members(group: Group | None, text: str) -> tuple[Mention, ...]:
    """The member mentions of a group; a resolved pronoun gets the pronoun's own span as evidence."""
    if group is None:
        return ()
    if len(group.slots) == 1 and group.slots[0].pronoun is None:  # (the common case: one named actor)
        return _unique(group.slots[0].members)
    out: list[Mention] = []
    for slot in group.slots:
        if slot.pronoun is not None:
            out.extend(
                replace(m, start=slot.start, end=slot.end, text=text[slot.start : slot.end], kind="pronoun")
                for m in slot.members
            )
        else:
            out.extend(slot.members)
    return _unique(out)


def _codes(group: Group) -> set[str]:
    return {m.code for slot in group.slots for m in slot.members}


def _code_sentence(
    doc: Document, sentence: Sentence, mentions: list[Mention], lexicon: Lexicon, rules: Rules, state: _State,
    anchor: tuple[date | None, int],
) -> list[Event]:
    text = doc.text
    s_start, s_end = sentence.start, sentence.end
    matches = _matches(text, s_start, s_end, lexicon, rules, state.low)
    if not mentions and not matches:
        return []
    speaks = text.find(":", s_start, s_end) >= 0 or rules.speaker_words.search(state.low, s_start, s_end) is not None
    slots = _slots(text, sentence, mentions, rules, state, pronouns=bool(matches))
    _learn_aliases(text, slots, rules, state, s_end)
    if not matches and not speaks and (state.authors or len(slots) < 2):  # fast path: only remember the subject
        for slot in slots:
            if slot.members and not _prep_before(text, slot.start, rules, s_start):
                state.last_subject = slot.members
                if _personal(slot.members):
                    state.last_person = slot.members
                break
        return []
    groups = _groups(text, slots, rules, s_start, lexicon.verb_forms)
    if speaks and not any(a <= s_start < b for a, b in state.questions):  # a journalist's question reports others'
        # words: it names no new speaker
        _update_speaker(text, s_start, s_end, groups, rules, state)
    if not state.authors:
        for g in groups:  # a plural subject is the likely author of a statement ("The Ministers of A, B and C affirm")
            if g.prep or (len(g.slots) == 1 and len(g.slots[0].members) < 2):
                continue  # (a cheap test first: most groups are one actor)
            members = tuple(m for slot in g.slots if slot.pronoun in (None, "alias") for m in slot.members)
            if len({m.code for m in members}) >= 2:
                state.authors = _unique(list(members))
                break
    _resolve_pronouns(text, groups, state, rules, sentence.index)
    events: list[Event] = []
    subject_seen = False
    if matches:
        subject_seen = _code_matches(doc, sentence, matches, groups, lexicon, rules, state, anchor, events)
        unused = [m.replaced for m in matches if m.replaced is not None and not any(
            e.spans["trigger"] is not None and e.spans["trigger"][0] < m.end and m.start < e.spans["trigger"][1]
            for e in events)]
        if unused:  # a specific trigger that coded nothing leaves the general one its place
            _code_matches(doc, sentence, unused, groups, lexicon, rules, state, anchor, events)
    for g in groups:  # the main clause's subject: the next sentence's "it" (when no trigger had a subject), "he"
        members = _members(g, text) if not g.prep else ()
        if members:
            if not subject_seen:
                state.last_subject = members
            named = tuple(m for slot in g.slots for m in slot.members)  # a pronoun's antecedent as it was named
            if _personal(named):
                state.last_person = named
            break
    return events


def _code_matches(
    doc: Document, sentence: Sentence, matches: list[_Match], groups: list[Group], lexicon: Lexicon, rules: Rules,
    state: _State, anchor: tuple[date | None, int], events: list[Event],
) -> bool:
    text = doc.text
    s_start, s_end = sentence.start, sentence.end
    found: dict[str, list[DateMention]] = {}
    scanned: list[list[tuple[re.Match[str], bool]]] = []  # the sentence's date expressions, read once

    def dates_for(future: bool, past: bool = False) -> list[DateMention]:
        key = "future" if future else "past" if past else "near"
        if key not in found:
            day, floor = anchor
            if not scanned:
                scanned.append(date_matches(text[floor:s_end]))
            found[key] = find_dates(text[floor:s_end], day, offset=floor, future=future, past=past,
                                    day_known=state.day_anchor, matches=scanned[0])
        return found[key]

    governed: tuple[int, int, str] = (-1, -1, "")  # (end of a governing trigger, end of its clause, its root)
    previous: tuple[int, tuple[Mention, ...]] | None = None  # (trigger end, source) of the last verb trigger
    verb_mode = "actual"  # the mode of the last verb trigger of the sentence
    plan_ends: list[int] = []  # the ends of the sentence's planned triggers, as their events are dated
    taken: set[int] = set()
    subject_seen = False
    verb_starts = [m.start for m in matches if m.trigger.kind == "verb"]
    all_starts = [m.start for m in matches]
    subjects = {  # groups right before a verb trigger are its subject, never an earlier verb's object
        g.start for g in groups for v in verb_starts if v > g.end and _AUXILIARIES.fullmatch(text, g.end, v)
    }
    for match in matches:
        trig = match.trigger
        if trig.kind == "stop":
            continue  # "advised its citizens to avoid travel to X": the words are taken, no event is coded
        if match.start < governed[1] and not any(  # ", and Russia criticized ..." starts anew
            governed[0] <= g < match.start and not _THAT.search(text, governed[0], g) for g in subjects
        ):
            between = text[governed[0] : match.start]
            if trig.kind == "noun" and (governed[2] in ("02", "10", "13") or (
                    governed[2] == "12" and trig.code[:2] == "04") or (
                    governed[2] in ("11", "12") and rules.relationship.search(text, match.start, match.end)
            )) and not _AND_BEFORE.search(between):
                # "threatened sanctions", "refused talks", "condemned the military cooperation between X and Y": the
                # content, not an event of its own ("opposes arms sales", "condemned the drills" are)
                continue
            if _COMPLEMENT_WORD.search(between) and (
                not _AND_BEFORE.search(between)
                or (trig.kind == "verb" and lexicon.verb_forms.get(match.head, "") == match.head)
            ) and not (trig.kind == "verb" and match.head.endswith("ed") and _SERIES_BEFORE.search(between)):
                # ("condemned the attack as a breach of its sovereignty, recalled its envoy": a series of acts)
                # the content of an appeal, demand, accusation or threat, not an event of its own; "demanded that X
                # correct ... and retract ...": a verb in its base form after "and" continues the content
                continue
        c_left, c_right = _clause_bounds(text, s_start, s_end, match.start, rules)
        bound = c_right
        for v in verb_starts:
            if match.start < v < bound and (not trig.governs or _AND_BEFORE.search(text, match.end, v)):
                bound = v  # the content may hold verbs; only a coordinated verb ("and urged") ends the object
        for g in subjects:
            if match.end < g < bound and not _THAT.search(text, match.end, g):
                bound = g
        inside = match.start + len(match.head)
        next_verb = next((v for v in verb_starts if v > match.start), None)  # "accused X and warned ... if": the
        mode = _mode(text, c_left, match, rules, s_end, s_start, next_verb=next_verb)  # condition is the warning's
        if mode == "planned":  # "Kim will visit Russia, and Putin met Xi": "will" is not Putin's
            own = max((g.start for g in groups if g.start in subjects and c_left < g.start and g.end <= match.start
                       and _AUXILIARIES.fullmatch(text, g.end, match.start)), default=c_left)
            if own > c_left:
                mode = _mode(text, own, match, rules, s_end, s_start)
        if mode == "actual" and verb_mode != "actual" and previous is not None and \
                _PURPOSE.search(text, previous[0], match.start):
            mode = verb_mode  # "will visit North Korea on Thursday for talks with Kim": the talks are planned too
        if mode == "actual" and trig.kind == "verb" and _present(match.head, lexicon) and (
            (verb_mode == "planned" and previous is not None and _CHAINED.fullmatch(text, previous[0], match.start))
            or (c_left > s_start and rules.time_opener.search(text, max(s_start, c_left - 12), c_left)
                and _mode(text, s_start, _Match(c_left, c_left, match.trigger, ""), rules, s_end, s_start) == "planned")
        ):
            # "will travel to Gyeongju to attend APEC and meet Lee", "is expected to raise it when he meets Wang":
            # the infinitive or the time clause of a plan is planned too
            mode = "planned"
        if mode == "planned" and trig.code[:2] == "12" and trig.kind == "verb" and \
                _WILL_BEFORE.search(text, max(c_left, match.start - 30), match.start):
            mode = "actual"  # "will firmly reject any attempt": a refusal stated now is made now
        if trig.kind == "verb":
            verb_mode = mode
        code = _refine(trig, text, match, c_left, c_right)
        framed = code[:2] in _INTENT_OF and not trig.intent and rules.intent_frame.search(
            " ".join(w for w in _last_words(text, c_left, match.start, 7, 60)
                     if not w.endswith("ly") and w.lower() not in rules.frame_fillers))
        if trig.visit or trig.host:
            if framed and mode == "actual":  # "agreed to host Lee", "intends to visit Washington": a plan
                mode = "planned"
        elif code[:2] in _INTENT_OF and not trig.intent and (framed or (
                _COORDINATED_TO.search(text, max(c_left, match.start - 20), match.start)
                and rules.intent_frame_any.search(text, c_left, match.start)
        ) or (mode == "planned" and code[:2] in ("05", "06", "07", "08") and code != "057"
              and _WILL_BEFORE.search(text, max(c_left, match.start - 30), match.start))):
            # "vowed to / will continue to / agreed to" + a cooperative act, "Japan will invest in X" (the annotation
            # guide: "X said it will deepen cooperation with Y" is an actual 03 event): a statement of intent
            code = _INTENT_OF.get(code, _INTENT_OF[code[:2]])
            if mode in ("planned", "hypothetical"):  # "said Tokyo would continue to stand with Ukraine"
                mode = _mode(text, c_left, match, rules, s_end, s_start, intent=True, next_verb=next_verb)
        src: tuple[Mention, ...] = ()
        tgt: tuple[Mention, ...] = ()
        tgt_group: Group | None = None
        participants: tuple[Mention, ...] = ()
        if trig.kind == "verb":
            caused: Group | None = None
            after_aside = False
            subject_group = _subject(groups, c_left, match.start, taken, text)
            if subject_group is None:  # "Lavrov, who is visiting"; "Wong, attending a retreat since May, was hosted"
                subject_group = _who_antecedent(text, groups, s_start, c_left)
                if subject_group is None:
                    subject_group = _subject_before_aside(text, groups, s_start, c_left, match.start, taken, rules)
                    if subject_group is not None:  # the trigger's clause (its dates and mode) starts after the aside
                        c_left = text.rfind(",", c_left, match.start) + 1
                        after_aside = True
            if _is_passive(text, c_left, match, lexicon):
                tgt_group = subject_group
                src = _members(_after(groups, text, rules, inside, match.end, bound, ("by",)), text)
            else:
                src = _members(subject_group, text)
                if previous is not None and previous[1] and _SAME_SUBJECT.search(text[previous[0] : match.start]):
                    src = previous[1]  # "condemned the launch and urged X": one subject, two verbs
                lead = text[c_left : match.start]
                tail = _tail_start(lead)  # the last two chunks, where the coordination and "to" tests look
                participle = match.head.endswith("ing") and lead.rstrip().endswith(",")
                coordinated = previous is None and _COORDINATED_VERB.search(lead, tail) is not None
                caused = _caused(text, groups, c_left, match.start, rules) if lead.endswith(" ") else None
                if caused is not None:  # "prompting Seoul to lodge a complaint": Seoul lodges it
                    src = _members(caused, text)
                elif previous is None and not after_aside and (coordinated or (
                        _INFINITIVE_LEAD.search(lead, tail) and not _subject_of_verb(
                        text, groups, c_left, match.start, taken))):
                    # "The Government ... expresses regret that Japan ..., and urges Japan to": the main subject;
                    # "The Ministry summoned X to lodge a protest": the subject of the clause, not its object
                    first = _first_subject(groups, s_start if coordinated else c_left,
                                           match.start, taken, used=coordinated)  # ("witnessed the signing of
                    # X and agreed": the subject the noun took is the coordinated verb's too)
                    src = _members(first, text) if first is not None else ()
                elif not src and (not lead.strip() or participle):
                    src = _members(_subject(groups, s_start, match.start, taken), text)
                if not src and match.head.endswith("ing") and not _INFINITIVE_LEAD.search(lead, tail):
                    # "X and Y issued a joint statement condemning the launch": the participle's subject is the
                    # clause's, even when a noun before took it as its own participants
                    src = _members(_first_subject(groups, c_left, match.start, taken, used=True), text)
                exclude = {m.code for m in src}
                tgt_group = _after(groups, text, rules, inside, match.end, bound, trig.tprep, exclude, subjects)
                if tgt_group is not None and trig.sym and len({m.country for m in src}) >= 2 and \
                        _NEAR_OBJECT.fullmatch(text, match.end, tgt_group.start) is None:
                    tgt_group = None  # "A and B discussed X's cooperation with Russia": the topic, not a party
                if tgt_group is None:  # "deplores and firmly opposes the U.S. move": both verbs share the object
                    nxt = next((m for m in matches if m.start >= match.end and m.trigger.kind == "verb"), None)
                    if nxt is not None and _SHARED_OBJECT.fullmatch(text, match.end, nxt.start):
                        tgt_group = _after(groups, text, rules, nxt.start + len(nxt.head), nxt.end, c_right, trig.tprep,
                                           exclude, subjects)
            if tgt_group is None and code[:2] in ("11", "12"):
                tgt_group = _deep_object(groups, text, match.end, c_right, {m.code for m in src}, subjects)
            if tgt_group is None and caused is not None and "10" <= code[:2] <= "14":
                # "Chinese ships entered the waters, prompting Japan to lodge a protest": against the cause's actor
                cause = _first_subject(groups, s_start, caused.start, taken, used=True)
                if cause is not None and {m.country for m in _members(cause, text)}.isdisjoint(
                        m.country for m in src):
                    tgt_group = cause
            tgt = _members(tgt_group, text)
            if not tgt and src and len({m.country for m in src}) == 1:
                tgt = _other_of_pair(text, match.start, c_right, src, rules)  # "suspended the inter-Korean pact"
            if not tgt and src and not (trig.visit or trig.host or code[:2] == "04") and \
                    state.low.endswith(rules.target_prepositions, max(0, match.end - 9), match.end):
                tgt = _place_after(text, match.end, c_right, src)  # "hit back at Seoul": a capital read as a place
            if not tgt and src and trig.visit and state.low.endswith((" in", " at"), max(0, match.end - 3), match.end):
                tgt = _arrival_place(text, match, c_right, src, groups, matches)
            if not tgt and trig.sym and code[:2] == "04" and src and not match.head.startswith("attend"):
                tgt = _host(text, match.end, bound, src)
            if tgt_group is not None:
                taken.add(tgt_group.start)
            previous = (match.end, src)
        else:
            noun_right = min([bound] + [v for v in all_starts if v > match.start])
            noun_left = max([c_left] + [v.end for v in matches if v.trigger.kind == "verb" and v.end <= match.start])
            # (a verb trigger before the noun ends its modifiers: "Pyongyang denounced the joint drills")
            src, tgt, participants = _noun_arguments(text, groups, match, noun_left, noun_right, trig,
                                                              rules.venue_verbs)
            if not src and trig.subject and not trig.sym and not _YEAR_BEFORE.search(text, noun_left, match.start):
                # ("victims of the 1945 atomic bombing": a dated past event is not the clause subject's own)
                subj = _subject(groups, c_left, match.start, taken, text)
                if subj is None and c_left > s_start:  # "Beijing said its drills were a warning to Taiwan"
                    subj = _subject(groups, s_start, c_left, taken)
                src = _members(subj, text)
            elif trig.sym and len({m.code for m in participants}) < 2 and not (
                match.start < governed[1] and governed[2] in ("10", "11", "12", "13")
            ):  # "Seoul and Tokyo condemned the meeting": the critics are no parties of what they condemn
                # "Russia and Ukraine have carried out dozens of prisoner exchanges": the subject group takes part
                subj = _subject(groups, c_left, match.start, taken, text) if trig.subject else None
                if subj is None:  # "After summit talks, Yoon and Marcos agreed": the main clause's subject
                    subj = _time_phrase_subject(text, groups, s_start, s_end, match.start, taken, rules)
                if subj is not None and not rules.venue_verbs.isdisjoint(state.low[subj.end : match.start].split()) \
                        and len({m.country for m in _members(subj, text)}) > 2:
                    subj = None  # "A, B, C and D attend the alliance's summits": in one room, no summit of theirs
                    # ("Lee and Trump attended a summit" is theirs)
                participants = _unique(list(participants) + list(_members(subj, text)))
        if src and trig.kind == "verb":
            subject_seen = True
            state.last_subject = src
        if trig.governs:
            governed = (match.end, c_right, code[:2])
        timing: list[tuple[str, str | None, str | None]] = []  # (mode, date, precision), found at the first event

        def when(
            mode: str = mode, match: _Match = match, c_left: int = c_left, c_right: int = c_right,
            trig: Trigger = trig, code: str = code, src: tuple[Mention, ...] = src,
            timing: list[tuple[str, str | None, str | None]] = timing,
        ) -> tuple[str, str | None, str | None]:
            if timing:
                return timing[0]
            # a later part of a plan told earlier in the sentence: "flies to Wellington on Thursday for talks ..., then
            # to Canberra for consultations", "... before meeting Nakatani", "flies to Washington on Sunday for his
            # first summit with Trump"
            if mode == "actual" and plan_ends and (_THEN.search(text, plan_ends[-1], match.start) or (
                    match.head.endswith("ing") and _BEFORE_ING.search(text, plan_ends[-1], match.start)) or (
                    _PURPOSE.search(text, plan_ends[-1], match.start))):
                mode = "planned"
            comma = text.find(",", match.end, c_right)  # "resumed imports, lifting a ban imposed in 2023"
            right = comma if comma >= 0 else c_right
            if code[:2] == "03":
                right = match.start  # "invited Lee to visit China next year": the invitation is not next year
            # a present tense with a weekday tells a schedule ("Li flies to Malaysia on Tuesday"): the next one
            scheduled = mode == "actual" and trig.kind == "verb" and match.head.endswith("s") and \
                _present(match.head, lexicon) and not trig.intent
            date, precision = _date(dates_for(mode == "planned" or scheduled), match.start, c_left, right)
            if date is None and scheduled and trig.visit:  # "Blinken heads to Tokyo, where he will hold talks on
                date, precision = _date(dates_for(True), match.start, c_left, c_right)  # Sunday": the trip's day
            if trig.visit and match.head in rules.on_the_way and (scheduled or (
                    mode == "actual" and _BE_BEFORE.search(text, max(c_left, match.start - 12), match.start))):
                mode = "planned"  # "Hegseth ... heads to Japan": on the way, the visit is still ahead
            if mode == "actual" and not trig.intent and code[:2] != "03":
                day = anchor[0]
                reference = (day.isoformat() if state.day_anchor else doc.date) if day else None
                headline = trig.kind == "verb" and src and any(
                    g.end <= match.start and _TO_BETWEEN.fullmatch(text, g.end, match.start)
                    and not any(v < g.start for v in verb_starts)  # "summoned X to protest": a purpose
                    for g in groups
                ) and _caused(text, groups, c_left, match.start, rules) is None
                shared = min(len(date or ""), len(reference or ""))
                if not headline and date and reference and date[:shared] > reference[:shared] and \
                        trig.kind == "verb" and match.head in lexicon.participles and \
                        not _WILL_BEFORE.search(text, max(c_left, match.start - 30), match.start):
                    # "lodged a protest in July", told in June: the July before, not a plan
                    date, precision = _date(dates_for(False, past=True), match.start, c_left, right)
                    shared = min(len(date or ""), len(reference or ""))
                    if date and date[:shared] > reference[:shared] and match.head.endswith("ed") and \
                            _date(dates_for(False), match.start, c_left, match.start)[0] is None:
                        # "denounced the U.S. for preparing drills next month": the later date is the drills'
                        date, precision = None, None
                if headline or (date and reference and date[:shared] > reference[:shared]) or \
                        rules.future_after.search(text, match.end, right):
                    # "Lee to visit Japan", "Lee visits Japan next week", "to hold an exercise later this year":
                    # announced, not yet done
                    mode = "planned"
                    if date is None or headline:
                        date, precision = _date(dates_for(True), match.start, c_left, c_right)
            timing.append((mode, date, precision))
            if mode == "planned":
                plan_ends.append(match.end)
            return timing[0]

        span = (match.start, match.end)
        conf = 0.8 if trig.kind == "verb" else 0.7

        def emit(
            a: Mention, b: Mention | None, cameo: str, confidence: float, span: tuple[int, int] = span,
            when: Callable[[], tuple[str, str | None, str | None]] = when, trig: Trigger = trig, c_left: int = c_left,
            match: _Match = match,
        ) -> None:
            if b is not None and (a.code == b.code or (a.country == b.country and b.country in (a.code, b.code))):
                return  # no event of an actor with itself, nor of a state with its own government
            if b is None and cameo[:2] not in rules.targetless_roots:
                return
            mode, date, precision = when()  # dates are only read for a sentence that yields an event
            if cameo[:2] == "07" and mode == "planned" and trig.kind == "verb" and _PLEDGE_BEFORE.search(
                    text, max(c_left, match.start - 40), match.start):
                # "China said it would send emergency cash aid": a pledge of aid, made now (033x), as the annotation
                # guide reads statements of intent
                cameo, mode = _PLEDGED[cameo[:3]], "actual"
            if b is not None and cameo[:2] in _CLAIMED_ROOTS and mode == "actual" and state.speaker_at == s_start and \
                    c_left > s_start and any(m.country == b.country != a.country for m in state.speaker):
                # "China's foreign ministry said the Philippine vessel had entered Chinese waters": the victim's own
                # account is its accusation (CHN>PHL 112), not a fact the text asserts
                a, b, cameo = next(m for m in state.speaker if m.country == b.country), a, "112"
            if state.doers[:2] != (sentence.index, span[0]):
                state.doers = (sentence.index, span[0], (a,))
            elif a not in state.doers[2]:
                state.doers = (sentence.index, span[0], state.doers[2] + (a,))
            events.append(build_event(doc, sentence, a, b, cameo, mode=mode, date=date, date_precision=precision,
                                      trigger=span, confidence=confidence))

        if trig.sym:
            parties = participants if trig.kind == "noun" else _unique(list(src) + list(tgt))
            if len({m.code for m in parties}) >= trig.min_parties:
                pairs = list(permutations(parties, 2))
                if trig.kind == "verb" and not tgt and not rules.venue_verbs.isdisjoint(
                        state.low[match.start : match.end].split()):
                    pairs = []  # "Qin and Lavrov also attended the meeting": in one room, not meeting each other
                elif trig.kind == "verb" and src and tgt and code[:2] == "03" and not _AGREED.search(
                    text, max(c_left, match.start - 40), match.end
                ):
                    # "Washington will keep working with Seoul": one side's intent, towards each object (an
                    # agreement is both sides')
                    pairs = [(a, b) for a in src for b in tgt]
                elif trig.kind == "verb" and src and tgt and (
                    code[:2] != "04" or code.startswith("041") or match.head in rules.speaking_verbs
                    or rules.separately.search(text, match.start, c_right)
                ):
                    # "Japan will coordinate with the US and the ROK": Japan with each, not the US with the ROK;
                    # "spoke with the leaders of Thailand and Cambodia", "held separate calls": not those two together
                    objects = {m.code for m in tgt} - {m.code for m in src}
                    pairs = [(a, b) for a, b in pairs if not (a.code in objects and b.code in objects)]
                if trig.kind == "verb" and not src:
                    # "[he] met the prime ministers of Cambodia and Laos", "X held separate calls with his U.S. and
                    # Japanese counterparts": the objects met the subject, not each other
                    pairs = []
                for a, b in pairs:
                    emit(a, b, code, conf)
                if code[:2] in ("04", "05") and len({m.country for m in parties}) >= 2:
                    state.met = (sentence.index, parties)
                if code[:2] in ("02", "03", "04") and src:
                    state.proposer = (sentence.index, src)
                if code.startswith("062") and rules.force_nouns.search(text, span[0], span[1]):
                    state.aggressor = (sentence.index, parties)  # "X condemned the drills" then targets the allies
            elif code == "050" and trig.kind == "noun" and not parties and "joint" in text[span[0] : span[1]].lower():
                state.pending_joint.append((sentence, span, code, *when()))
            continue
        if trig.joint and src:
            joint_words = _JOINT_WORDS.search(text[match.start : match.end])
            if joint_words or not tgt or code[:2] == "03":  # "agreed to share X with Y": both agree
                near = _nth_word_end(text, match.end, 2)  # "joint drill as both spar with China": not a party
                with_group = _after(groups, text, rules, inside, match.end, bound, ("with",))
                if with_group is not None and not _WITH.search(text, match.start, near):
                    with_group = None
                if with_group is None and _WITH.search(text, match.end, near):  # "with the forces of X and Y"
                    with_group = _after(groups, text, rules, inside, match.end, bound, ("of",))
                parties = _unique(list(src) + list(_members(with_group, text)))
                if len({m.code for m in parties}) >= 2:
                    for a, b in permutations(parties, 2):
                        emit(a, b, code if code[:2] == "03" else trig.joint, conf)  # "agreed to share": intent
                    if code[:2] == "15":  # "staged joint drills near X": each ally shows force to X as well
                        members = {m.code for m in parties}
                        for b in tgt:
                            if b.code not in members:
                                for a in parties:
                                    emit(a, b, code, conf)
                    state.aggressor = (sentence.index, parties)  # the allies who hold the drills
                    continue
        if trig.visit or trig.host:
            for a in src:
                for b in tgt:
                    visitor, host = (a, b) if trig.visit else (b, a)
                    emit(visitor, host, "042", conf)
                    emit(host, visitor, "043", conf)
            continue
        if trig.complement:
            code = _complement(text, trig, code, tgt_group.end if tgt_group else match.end, c_right, lexicon)
        inferred = False
        if not tgt and src:
            tgt, inferred = _context_target(code, src, text, match, (c_left, c_right), groups, taken, sentence, rules,
                                            state)
            if inferred:
                conf = 0.5
        if code[:2] in ("15", "16", "17", "18", "19", "20") and src and not (code[:2] == "15" and inferred):
            state.aggressor = (sentence.index, src)  # also a launch with no target: reactions may follow
        if code[:2] in ("02", "03", "04") and src and not inferred:
            state.proposer = (sentence.index, src)  # an appeal, offer or proposed talks: what a welcome answers
        if tgt and "10" <= code[:2] <= "20":  # a conflictual event: remembered as the actor's adversary
            for a in src:
                state.adversary[a.country] = (sentence.index, tgt)
            for b in tgt:
                state.accuser[b.country] = (sentence.index, src)
            if code[:2] in ("11", "12") and not inferred:
                state.criticized = (sentence.index, tgt)
        if not tgt and len({m.country for m in src}) >= 2 and rules.reciprocal.search(text, match.end, c_right):
            for a, b in permutations(src, 2):  # "slashing their tariffs on each other's goods": both ways
                emit(a, b, code, conf)
            continue
        for a in src:
            if tgt:
                for b in tgt:
                    emit(a, b, code, conf)
            else:
                emit(a, None, code, conf - 0.2)
    return subject_seen


def _context_target(
    code: str, src: tuple[Mention, ...], text: str, match: _Match, clause: tuple[int, int], groups: list[Group],
    taken: set[int], sentence: Sentence, rules: Rules, state: _State,
) -> tuple[tuple[Mention, ...], bool]:
    """The target of an event whose clause names none, and whether it was inferred from the sentences before:

    - a threat on a condition targets the condition's subject ("will take countermeasures if Washington persists");
    - a conflictual statement targets the actor's adversary of the last three sentences ("The DPRK denounced the U.S.
      ... The DPRK will take countermeasures");
    - a reaction to force ("The drills were condemned by Taiwan"), a bare reaction ("Japan expressed concern as
      well") and a show of force with no target ("Taiwan scrambled jets") answer the actor of the force or sanctions
      told just before.
    """
    c_left, c_right = clause
    countries = {m.country for m in src}
    root = code[:2]
    if root == "13":
        cond = _IF_AFTER.search(text, match.end, c_right)
        if cond is not None:
            found = _members(_first_subject(groups, cond.end() - 1, c_right, taken), text)
            found = tuple(m for m in found if m.country not in countries)
            if found:
                return found, False
    if root in ("03", "05", "12") and sentence.index - state.proposer[0] <= 3 and rules.proposal_object.match(
            text, match.end):  # "Washington welcomed the proposal": whoever proposed it
        found = tuple(m for m in state.proposer[1] if m.country not in countries)
        if found:
            return found, True
    if root in ("05", "11", "12") and sentence.index - state.doers[0] <= 2 and rules.decision_object.match(
            text, match.end):
        # "Seoul announced a compensation plan ... Tokyo welcomed the step": whoever took it ("regretted the
        # decision" too)
        found = tuple(m for m in state.doers[2] if m.country not in countries)
        if found:
            return found, True
    if root in ("11", "12") and len(countries) == 1 and rules.accusation_object.match(text, match.end):
        last = state.accuser.get(next(iter(countries)))  # "China rejected the accusation": whoever accused China
        if last is not None and sentence.index - last[0] <= 3:
            found = tuple(m for m in last[1] if m.country not in countries)
            if found:
                return found, True
    if root in ("10", "11", "12", "13") and len(countries) == 1:
        last = state.adversary.get(next(iter(countries)))
        if last is not None and sentence.index - last[0] <= 3:
            return last[1], True
    near = sentence.index - state.aggressor[0]
    if near <= 3 and (
        (root in ("11", "12", "13", "14") and (
            rules.force_nouns.search(text, c_left, c_right)
            or (near <= 2 and _BARE_REACTION.fullmatch(text, match.end, c_right))
        ))
        or (root == "15" and near <= 2 and countries.isdisjoint(m.country for m in state.aggressor[1]))
    ):
        return tuple(m for m in state.aggressor[1] if m.country not in countries), True
    if root in ("11", "12", "13") and sentence.index - state.met[0] <= 3 and \
            rules.meeting_object.match(text, match.end):  # "China condemned the meeting": its parties
        found = tuple(m for m in state.met[1] if m.country not in countries)
        if found:
            return found, True
    if root in ("11", "12") and sentence.index - state.criticized[0] <= 2 and (
        _BARE_REACTION.fullmatch(text, match.end, c_right) and rules.repeat.search(text, c_left, c_right)
    ):  # "Japan and the European Union also voiced concern": about what the last critic criticized
        found = tuple(m for m in state.criticized[1] if m.country not in countries)
        if found:
            return found, True
    return (), False


def _subject(groups: list[Group], left: int, pos: int, taken: set[int], text: str = "") -> Group | None:
    """The nearest group before ``pos`` in the clause that is not in a prepositional phrase nor an object.

    A group opening the clause is its subject even after a conjunction that can be a preposition ("after Beijing
    imposed ...")."""
    best = None
    for g in groups:
        if g.start >= left and g.end <= pos and not g.used and g.start not in taken and (not g.prep or (
                text and g.prep in _CONJUNCTIONS and not text[left : g.start].strip())):  # (the opener test last)
            if any(slot.members for slot in g.slots):
                best = g
    return best




_WHO_LEAD = re.compile(r"\s*,?\s*who\s+$")


def _who_antecedent(text: str, groups: list[Group], s_start: int, c_left: int) -> Group | None:
    """The subject of a relative clause opened by "who": the group just before it ("Blinken, who held talks with
    Marape"; "Trump, who was greeted by Anwar")."""
    if c_left - s_start < 5 or not text.endswith("who ", 0, c_left):
        return None
    before = [g for g in groups if s_start <= g.start and g.end <= c_left - 4]
    if not before:
        return None
    last = max(before, key=lambda g: g.end)  # (in a phrase too: "talks with Wang Yi, who cautioned Washington")
    return last if _WHO_LEAD.fullmatch(text, last.end, c_left) else None


_AUXILIARIES_ONLY = re.compile(r"\s*(?:(?:has|have|had|is|are|was|were|will|would|also|then|later|\w+ly)\s+)*")
# after a time clause set off by commas, an infinitive keeps the subject before it too ("Yoon and Marcos, after talks
# in Manila, agreed to upgrade ties"; "agreed Monday, after talks, to upgrade ties")
_INFINITIVE_AFTER_ASIDE = re.compile(_AUXILIARIES_ONLY.pattern + r"(?:[a-z]+(?:ed|s)\s+)?to\s+(?:\w+ly\s+)?")


def _time_phrase_subject(
    text: str, groups: list[Group], s_start: int, s_end: int, pos: int, taken: set[int], rules: Rules
) -> Group | None:
    """The parties of a meeting noun in a time phrase ("after / during the talks") are the main clause's subject:
    the one after the phrase when it opens the sentence ("During the meeting, the two leaders agreed"), else the
    one before it ("Yoon and Marcos agreed Monday, after summit talks, to ...")."""
    phrase = rules.time_phrase.search(text, max(s_start, pos - 40), pos)
    if phrase is None:
        return None
    if not text[s_start : phrase.start()].strip(" \t\n\"“"):
        comma = text.find(",", pos, s_end)
        return _first_subject(groups, comma, s_end, taken) if comma >= 0 else None
    return _subject(groups, s_start, phrase.start(), taken)


def _subject_before_aside(
    text: str, groups: list[Group], s_start: int, c_left: int, pos: int, taken: set[int], rules: Rules
) -> Group | None:
    """The subject before an aside set off by commas, when the aside holds a clause opener ("Wong, attending his
    first retreat since taking office, was hosted by Anwar")."""
    close = text.rfind(",", c_left, pos)
    if close < 0:
        return None
    if not _AUXILIARIES_ONLY.fullmatch(text, close + 1, pos) and not (
            _INFINITIVE_AFTER_ASIDE.fullmatch(text, close + 1, pos)
            and rules.time_opener.search(text, max(s_start, c_left - 12), c_left)):
        return None
    opening = text.rfind(",", s_start, c_left)
    return _subject(groups, s_start, opening, taken, text) if opening >= 0 else None


_VERB_TO = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were|also|\w+ly)\s+)*[a-z]+(?:ed|s)\s+"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+)?to\s+$"
)


def _subject_of_verb(text: str, groups: list[Group], left: int, pos: int, taken: set[int]) -> bool:
    """The nearest subject before an infinitive trigger is followed by its own verb ("China has decided to resume"),
    so it is the trigger's subject too (not an object as in "summoned X to lodge")."""
    g = _subject(groups, left, pos, taken)
    return g is not None and _VERB_TO.fullmatch(text, g.end, pos) is not None


def _caused(text: str, groups: list[Group], left: int, pos: int, rules: Rules) -> Group | None:
    """The object of a causative verb right before an infinitive trigger ("prompted Seoul to lodge"), else None."""
    for g in groups:
        if g.start >= left and g.end <= pos and _TO_BETWEEN.fullmatch(text, g.end, pos):
            words = _words_before(text, g.start, 2, left)
            while words and words[-1] in rules.determiners:
                words.pop()
            return g if words and words[-1] in rules.causatives else None
    return None


def _first_subject(
    groups: list[Group], left: int, pos: int, taken: set[int], *, used: bool = False
) -> Group | None:
    """The first group of ``[left, pos)`` that is not in a prepositional phrase (the main clause's subject); with
    ``used``, also one a noun trigger took as its arguments."""
    for g in groups:
        if g.start >= left and g.end <= pos and not g.prep and (used or not g.used) and g.start not in taken:
            if any(slot.members for slot in g.slots):
                return g
    return None


def _after(
    groups: list[Group], text: str, rules: Rules, inside: int, pos: int, right: int, preps: tuple[str, ...],
    exclude: set[str] | frozenset[str] = frozenset(), subjects: set[int] | frozenset[int] = frozenset(),
) -> Group | None:
    """The first group after the trigger (or inside its gap) introduced by one of ``preps`` ("" = direct object).

    A group with no preposition between the trigger and itself is a direct object even when the trigger ends in
    one ("called on X", "met with X"); groups whose actors are all the source's own are skipped ("met his X").
    """
    for g in groups:
        if g.used or g.end > right or g.start < inside or text.startswith(_BASED, g.end):
            continue  # "U.S.-based subsidiaries of Hanwha": a location, not the actor
        if g.start in subjects and not _THAT.search(text, pos, g.start):
            continue  # "urged all sides ..., and Russia criticized": Russia starts a clause ("demanded that X" may)
        if g.start >= pos:
            span = rules.infinitive.sub(" ", text[pos : g.start])  # "threatened to strike X": "to" is no preposition
            words = _WORD.findall(span)
            between = [w.lower() for w in words if w.lower() in rules.prepositions]
            prep = g.prep if between else ""
            if not prep and len(words) > 8:
                continue  # a direct object follows its verb closely, not a dozen words on
        else:
            prep = ""
        if prep in preps and _codes(g) and not _codes(g) <= exclude:
            return g
    return None


_DEEP_OBJECT = re.compile(r"[\"”’]?\s+(?:(?:over|about|at|regarding|against|on|to|of)\s+)?(?:[\w\-'’\"“”]+\s+){1,6}")


def _deep_object(
    groups: list[Group], text: str, pos: int, right: int, exclude: set[str], subjects: set[int]
) -> Group | None:
    """The actor of the thing criticized or rejected, when the object names no actor itself: "expressed concern over
    military cooperation between the DPRK and Russia", "lodged a protest over a post by a Chinese diplomat"."""
    for g in groups:
        if g.start < pos or g.end > right or g.start in subjects or g.used:
            continue
        at = text.rfind(f" {g.prep} ", pos, g.start) if g.prep in ("between", "by", "of", "from", "among") else -1
        if at >= 0 and _DEEP_OBJECT.fullmatch(text, pos, at + 1) and _codes(g) and not _codes(g) <= exclude:
            return g
        return None  # only the first group after the trigger
    return None


_IN_PLACE = re.compile(r"(?:\s+[\w.'’\-]+){0,4}?\s+in\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)\b")


def _host(text: str, pos: int, right: int, src: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The host of a meeting held "in <capital or state>" by one side ("Blinken wrapped up talks in Seoul"): the
    actor recognizer reads "in Seoul" as a place, so the name is looked up here; () when there is none."""
    if len({m.country for m in src}) != 1:
        return ()  # "the US and China held talks in Tokyo": Tokyo is only the venue
    return _place_mention(_IN_PLACE.match(text, pos, right), src)


def _place_mention(m: re.Match[str] | None, src: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The state of the capital or state named by group 1 of ``m`` (a name the actor recognizer read as a place),
    as a mention; () when there is no match, the name is no state or capital, or it is the source's own."""
    place = _place(m.group(1)) if m is not None else None
    if m is None or place is None or place[1] in {s.country for s in src}:
        return ()
    return (Mention(m.start(1), m.end(1), m.group(1), place[0], place[1], "capital"),)


def _other_of_pair(
    text: str, pos: int, right: int, src: tuple[Mention, ...], rules: Rules
) -> tuple[Mention, ...]:
    """The other state of a pair adjective ("inter-Korean", "cross-Strait") in the object of one of the two, as a
    mention of that word; () when there is none."""
    country = src[0].country
    for regex, pair in rules.pair_adjectives:
        if country in pair:
            m = regex.search(text, pos, right)
            if m is not None:
                other = next(iter(pair - {country}))
                return (Mention(m.start(), m.end(), m.group(0), other, other, "state"),)
    return ()


_PLACE_NEXT = re.compile(r"\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)\b(?!['’]s)")


def _arrival_place(
    text: str, match: _Match, right: int, src: tuple[Mention, ...], groups: list[Group], matches: list[_Match]
) -> tuple[Mention, ...]:
    """The state visited by "arrived in <capital>" ("Kishida arrived in Kyiv on Tuesday"), which the recognizer reads
    as a place; () when the clause names an international body ("arrived in Kuala Lumpur for the ASEAN meetings": a
    gathering, no visit to the host) or a visit told right after ("arrived in Hanoi on a state visit to Vietnam")."""
    if any(m.code.startswith("IGO") for g in groups if match.end <= g.start < right for sl in g.slots
           for m in sl.members):
        return ()
    for later in matches:
        if later.trigger.visit and match.end <= later.start < right and not _AND_WORD.search(
                text, match.end, later.start) and any(0 <= g.start - later.end <= 5 for g in groups):
            return ()
    return _place_after(text, match.end, right, src)


def _place_after(text: str, pos: int, right: int, src: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The state of a capital named right after a trigger that ends in a preposition ("hit back at Seoul"), which the
    actor recognizer reads as a place; () when none, or the source's own."""
    return _place_mention(_PLACE_NEXT.match(text, pos, right), src)


@cache
def _place(name: str) -> tuple[str, str] | None:
    """(code, country) of a state or capital named ``name`` in the bundled dictionary, else None (states and
    capitals have no dated roles: one look-up per name and process)."""
    from kuroshio.actors.lookup import lookup

    for row in lookup(name, date=None, options=Options()):
        if row["matched"] == name and row["country"] and row["code"] in (row["country"], row["country"] + "GOV"):
            return row["code"], row["country"]
    return None


def _is_passive(text: str, left: int, match: _Match, lexicon: Lexicon) -> bool:
    if match.head not in lexicon.participles:
        return False
    if text.startswith(" of ", match.start + len(match.head)) and match.end == match.start + len(match.head):
        return True  # "three companies accused of helping Russia": a reduced passive without its agent
    before = _words_before(text, match.start, 3, left)
    if any(w in ("is", "are", "was", "were", "be", "been", "being", "get", "got") for w in before):
        return True
    return bool(_BY_AFTER.match(text[match.end : match.end + 5]))


def _noun_arguments(
    text: str, groups: list[Group], match: _Match, left: int, right: int, trig: Trigger,
    venue_verbs: frozenset[str] = frozenset(),
) -> tuple[tuple[Mention, ...], tuple[Mention, ...], tuple[Mention, ...]]:
    """(source, target, participants) of a noun trigger from the words attached to it: a possessive or compound
    right before it ("Russia's war", "the Japan-ROK summit"; no verb of ``venue_verbs`` between: "X and Y attend the
    alliance's summits"), "by/from X" (source), "between/among/of/with X" (participants of a symmetric noun) and the
    target prepositions of the entry."""
    pre = None
    for g in groups:  # with at most three modifier words between the actor and the noun
        if g.end <= match.start and g.start >= left:
            between = _PAIRED_MODIFIERS.sub("x", text[g.end : match.start])  # "Russian missile and drone attack"
            if _MODIFIER_GAP.fullmatch(between) and not _NOT_MODIFIER.search(between) and \
                    venue_verbs.isdisjoint(between.lower().split()):
                pre = g
    src: list[Mention] = []
    tgt: list[Mention] = []
    parts: list[Mention] = []
    if pre is not None:
        pre.used = True
        members = _members(pre, text)
        src.extend(members)
        parts.extend(members)
    window_end = min(right, _nth_word_end(text, match.end, 18))
    for g in groups:
        if g.start < match.start + 1 or g.end > window_end or g.used:
            continue
        members = _members(g, text)
        if not members:
            continue
        inside = g.start < match.end
        if not inside and "," not in text[match.end : g.start] and \
                not any(w.lower() in _NOUN_LINK_PREPS for w in _WORD.findall(text[match.end : g.start])):
            inside = True  # right after the pattern's own preposition: "visit to Japan", "talks between A and B"
        if g.prep in ("by", "from") and not src and not inside:
            src.extend(members)
            parts.extend(members)
            g.used = True
        elif trig.sym and (g.prep in ("between", "among", "of", "with", "by") or inside or (
                not g.prep and not parts and "," not in text[match.end : g.start])):  # "the summit opened, X": not
            parts.extend(members)
            g.used = True
        elif not trig.sym and (inside or (g.prep in trig.tprep and g.prep not in ("by", "from"))) and not tgt:
            tgt.extend(members)
            g.used = True
    return _unique(src), _unique(tgt), _unique(parts)


_NOUN_LINK_PREPS = frozenset({"of", "in", "to", "with", "from", "against", "on", "by", "for", "at", "about", "over",
                              "toward", "towards", "between", "among", "into", "around", "near"})
_PAIRED_MODIFIERS = re.compile(r"\b[a-z]+(?:-[a-z]+)? (?:and|or) [a-z]+(?:-[a-z]+)?\b")
_NOT_MODIFIER = re.compile(r"\b(?:and|or|to|with|by|of|in|on|for|is|was|are|were|has|have|had|said|says|will)\b")


@cache
def _first_words(n: int) -> re.Pattern[str]:
    return re.compile(rf"(?:\W*\w+){{1,{n}}}")


def _nth_word_end(text: str, pos: int, n: int) -> int:
    m = _first_words(n).match(text, pos)  # no copy of the rest of the text
    return m.end() if m else pos


def _refine(trig: Trigger, text: str, match: _Match, left: int, right: int) -> str:
    """The entry's code, or a more specific one when a refine regex matches around the trigger."""
    if not trig.refine:
        return trig.code
    scope = text[max(left, match.start - 25) : right]
    best: tuple[int, str] | None = None
    for regex, code in trig.refine:  # the refinement named first in the text wins
        m = regex.search(scope)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), code)
    return best[1] if best else trig.code


def _complement(text: str, trig: Trigger, code: str, after: int, right: int, lexicon: Lexicon) -> str:
    """Appeals and demands: the verb after the target ("urged X to exercise restraint", "demanded that X retract")
    refines the code."""
    rest = text[after:right]
    m = _COMPLEMENT_HEAD.match(rest)
    tail = rest[m.end() :] if m else rest
    for comp in lexicon.complements:
        if comp.regex.match(tail):
            return comp.demand if trig.complement == "demand" else comp.appeal
    return code




def _mode(
    text: str, left: int, match: _Match, rules: Rules, s_end: int, s_start: int = 0, *, intent: bool = False,
    next_verb: int | None = None,
) -> str:
    """negated > hypothetical > planned > actual, from the words before the trigger in its clause (and a
    condition after it: "will visit China if invited"). ``intent``: the event was read as a statement of intent."""
    intent = intent or match.trigger.intent
    start = match.start
    words = [w for w in _WORD.findall(text, max(left, start - 90), start)  # the window words are near the trigger;
             if w not in _QUOTE_MARKS]  # quotation marks take no place in it ('he would "come back" to meet Kim')
    tail = " ".join(words[-rules.negation_window - 2 :]).lower()
    if "out" in tail:
        if _NOT_RULE_OUT.search(tail):
            return "hypothetical"  # "did not rule out meeting Kim"
        if _RULED_OUT.search(tail):
            return "negated"
    if _found_in(" ".join(words[-rules.negation_window :]), rules.negation, rules.negation_ascii):
        return "negated"
    if match.trigger.kind == "noun" and rules.negated_after_noun.match(text, match.end, s_end):
        return "negated"  # "A meeting between Lee and Trump, which both sides had been arranging, did not take place"
    if text.find(" that", s_start, start) >= 0:  # (a cheap test first: most clauses have no "that" before)
        denial = rules.denied_that.search(text, s_start, start)
        if denial is not None and not rules.denial_end.search(text, denial.end(), start):
            return "negated"  # "Seoul denied that it had agreed to share intelligence": all of the denied clause
    stop = _CONDITION_END.search(text, match.end, s_end)
    threat = match.trigger.code[:2] == "13"  # a conditional threat is made all the same ("will retaliate if ...")
    found = rules.hypothetical.findall(" ".join(words[-rules.hypothetical_window :]))
    would_only = bool(found) and all(w.lower() == "would" for w in found)
    # reported speech: "said he would visit China" tells a plan (the future of the past), not a condition; for a
    # statement of intent (and a threat), reported "would" is its future ("said Washington would keep working")
    reported = would_only and left > s_start and rules.speech_at.search(text, s_start, left) is not None
    if (
        (not threat and rules.hypothetical_clause.search(
            text, left if text.find(",", left, start) >= 0 else max(s_start, left - 9), start))  # its opener too
        or (not threat and _IF_AFTER.search(text, match.end, min(
            stop.start() + 1 if stop else s_end, next_verb if next_verb is not None else s_end)))
        or (
            found and not (would_only and (intent or threat or reported))
            and not rules.hypothetical_not.search(" ".join(words[-4:]) + " ")
        )
    ):
        return "hypothetical"
    if rules.inverted.match(text, s_start, start):
        return "hypothetical"  # "Were Beijing to attack Taiwan, ...": an inverted condition
    if match.trigger.kind == "noun" and rules.noun_quantifier.search(text, max(left, start - 50), start):
        return "hypothetical"  # "would support any U.S.-North Korea dialogue"
    end = s_end
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end > 0 and text[end - 1] == "?":
        return "hypothetical"  # a question asks whether it happens
    if intent:
        return "actual"
    if reported or _found_in(" ".join(words[-rules.planned_window :]), rules.planned, rules.planned_ascii):
        return "planned"
    if match.trigger.kind == "noun" and (
            rules.planned_after_noun.match(text, match.end, s_end) or _RELATIVE_WILL.search(text, left, start)
            or rules.will_verb_before.search(text, max(left, start - 80), start)):
        return "planned"  # "The summit between X and Y is expected to take place", "a trip that will take him to a
    return "actual"  # summit"


# a relative clause in the future: the nouns in it are planned
_RELATIVE_WILL = re.compile(r"\b(?:that|which)\s+(?:\w+ly\s+|also\s+)?will\b")


def _found_in(window: str, pattern: re.Pattern[str], lower_ascii: re.Pattern[str]) -> bool:
    """``pattern`` (case-insensitive) found in ``window``; an ASCII window is searched in lower case with
    ``lower_ascii`` (the same words in lower case, case-sensitive), which finds the same and is faster."""
    if window.isascii():
        return lower_ascii.search(window.lower()) is not None
    return pattern.search(window) is not None


def _date(dates: list[DateMention], pos: int, left: int, right: int) -> tuple[str | None, str | None]:
    chosen = nearest_date(dates, pos, left, right)
    if chosen is None:
        return None, None
    return chosen.value, chosen.precision


_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}$")
_GAVE_VERBS = "gave|delivered|made|issued|released|read"
_GAVE = re.compile(r"\s+(?:\w+ly\s+)?(?:" + _GAVE_VERBS + r")\b")  # "the speech X gave"
_GAVE_STATEMENT = re.compile(
    r"[\w\s.,'’\-]{0,40}?\b(?:" + _GAVE_VERBS + r"|holds|held)\b(?:\s+\S+){0,3}?\s+"
    r"(?:statement|remarks|speech|address|message|press conference|news conference|briefing)\b"
)


_QUESTION = re.compile(r"\s*Q\s*[:.]")


def _questions(doc: Document) -> tuple[tuple[int, int], ...]:
    """The spans of a transcript's questions: the paragraphs that open with "Q:"."""
    return tuple((b.start, b.end) for b in doc.blocks if _QUESTION.match(doc.text, b.start))


def _update_speaker(text: str, s_start: int, s_end: int, groups: list[Group], rules: Rules, state: _State) -> None:
    """Who "we" and "I" refer to: "X:" opening a sentence, "statement by X", "released by X", "X said"."""
    candidates: list[tuple[Mention, ...]] = []
    colon = text.find(":", s_start, s_end)
    statement = rules.statement_by
    for g in groups:
        members = tuple(m for slot in g.slots if slot.pronoun in (None, "alias") for m in slot.members)
        if not members:
            continue
        if 0 <= colon - s_start < 90 and g.end <= colon and _SPEAKER_LABEL.fullmatch(text[g.end : colon]):
            candidates.append(members)
            continue
        before = " ".join(_words_before(text, g.start, 8, s_start))
        if statement.search(before) or _RELEASED_BY.search(before) or (
                not g.prep and rules.statement_of.match(text, g.end)) or (  # "X's speech"
                rules.statement_end.search(before) and _GAVE.match(text, g.end)):  # "the speech X gave"
            candidates.append(members)
            continue
        after = text[g.end : min(s_end, g.end + 80)]
        m = _WORDS_THEN_VERB.match(after)
        if not g.prep and m and m.group(1) in rules.speech_verbs:
            candidates.append(members)
        elif not g.prep and _GAVE_STATEMENT.match(after):
            candidates.append(members)
    if candidates:
        state.speaker = _unique(list(candidates[-1]))
        state.speaker_at = s_start
    for c in candidates:
        if len({m.code for m in c}) >= 2 and not state.authors:
            state.authors = _unique(list(c))


# the intent code (root 03) for a cooperative act announced as an intention
_INTENT_OF = {"04": "036", "05": "032", "06": "031", "062": "0312", "061": "0311", "064": "0314", "07": "033",
              "070": "033", "071": "0331", "072": "0332", "073": "0333", "08": "035"}

_NEAR_OBJECT = re.compile(r"\s*(?:\w+\s+){0,2}?(?:with|and|to)?\s*(?:the\s+)?")
_BASED = ("-based", "–based")
_PLEDGE_BEFORE = re.compile(
    r"\b(?:will|would|shall|pledged to|pledges to|promised to|promises to|vowed to|vows to)\s+"
    r"(?:\w+ly\s+|also\s+|further\s+|soon\s+|continue to\s+|keep\s+)*$"
)
_PLEDGED = {"070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033"}  # aid -> its pledge
_CLAIMED_ROOTS = frozenset({"15", "17", "18", "19", "20"})  # acts a victim's account accuses (sanctions are public)
_AND_WORD = re.compile(r"\band\b")
_BE_BEFORE = re.compile(r"\b(?:is|are)\s+$")  # "Putin is heading to Vietnam": on the way
_BEFORE_ING = re.compile(r"\b(?:before|after|then)\s+$")  # "flies to Japan on Saturday ... before meeting Nakatani"
_THEN = re.compile(r",\s*(?:and\s+)?then\s+(?:on\s+)?(?:to|in|at|for)\b[^.;:]*$")  # a later leg of the same plan
_PURPOSE = re.compile(r"\b(?:for|to\s+(?:hold|attend|join))\s+(?:[\w\-]+\s+){0,3}$")
_WITH = re.compile(r"\bwith\b")
_WILL_BEFORE = re.compile(r"(?:\b(?:will|shall)|['’]ll)\s+(?:\w+ly\s+|also\s+|further\s+|soon\s+)*$", re.IGNORECASE)
_BARE_REACTION = re.compile(r"(?:\s+(?:\w+ly|as well|too|also|again|on \w+day|today|yesterday))*\s*[.,!]?\s*")
_AGREED = re.compile(r"\bagre(?:e|es|ed|eing)\b", re.IGNORECASE)
_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "as", "while", "when", "if", "unless", "because"})
_THAT = re.compile(r"\bthat\b")
_AUXILIARIES = re.compile(r"\s+(?:(?:has|have|had|will|would|also|then|later|\w+ly)\s+)*")
_SHARED_OBJECT = re.compile(r"\s*,?\s+(?:and|or)\s+(?:\w+ly\s+)?")
_TO_BETWEEN = re.compile(r"\s+to\s+(?:\w+ly\s+)?")  # a headline's "Lee to visit Japan", "China to gradually resume"
_INFINITIVE_LEAD = re.compile(r"\bto\s+(?:\w+ly\s+)?$")
_COMPLEMENT_HEAD = re.compile(
    r"[\s,]*(?:(?:[\w'’]+\s+){0,2}?(?:to|should|must)\s+)?[\"“]?\s*(?:\w+ly\s+)?"
)  # "urged the U.S. side to stop ...", "demanded that Japan retract ..."
_SAME_SUBJECT = re.compile(
    r"(?:,|\band|\bor|\bbut|\bthen)\s+(?:(?:has|have|had|will|would|also|then|later|\w+ly)\s+)*$"
)  # "condemned the launch and urged X": the second verb has the first one's subject
_COORDINATED_VERB = re.compile(r"(?:,|\band|\bor|\bbut)\s+(?:\w+ly\s+)?$")


_CHAINED = re.compile(r"[^;:]*\b(?:to|and)\s+(?:\w+ly\s+)?")  # "... to attend the forum and meet"


def _present(head: str, lexicon: Lexicon) -> bool:
    """A verb form in the present or the base form ("meets", "meet"), not a past or a participle."""
    return head in lexicon.verb_forms and head not in lexicon.participles and not head.endswith("ing")


def _tail_start(text: str) -> int:
    """Where the last two whitespace-separated chunks of ``text`` begin (0 when it has fewer). A pattern anchored at
    the end whose match lies in them and their spaces (``_COORDINATED_VERB``, ``_INFINITIVE_LEAD``) is found by
    searching from there: ``pattern.search(text, _tail_start(text))`` is ``pattern.search(text)``, faster."""
    cut = len(text)
    for _ in range(2):
        head = text[:cut].rstrip()
        if not head:
            cut = 0
            break
        cut = len(head) - len(head.rsplit(None, 1)[-1])
    return cut

_TITLE_ALIASES = frozenset({"Secretary", "President", "Minister", "Premier", "Chancellor", "Spokesperson",
                            "Ambassador", "Chairman", "Envoy"})
def _alias_pattern(name: str, rules: Rules) -> str:
    """A learnt name as a regex: "the minister" also matches "the Foreign Minister"."""
    if name.startswith("the "):
        return r"the\s+" + rules.qualifiers + re.escape(name[4:])
    return re.escape(name)
_BODY_ALIASES = frozenset({"ministry", "embassy", "government", "spokesperson", "spokesman", "spokeswoman"})
_THE_BODY = re.compile(r"\b[Tt]he\s+(?i:(" + "|".join(sorted(_BODY_ALIASES)) + r"))\b(?!\s+(?:of\s+)?[A-Z])")


def _learn_aliases(text: str, slots: list[Slot], rules: Rules, state: _State, s_end: int) -> None:
    """Names after an actor and its title ("Japanese Defense Minister Nakatani Gen") stand for it later."""
    titles = rules.titles
    for slot in slots:
        if slot.pronoun is not None or not slot.members:
            continue
        person = any(m.kind in ("person", "role") for m in slot.members)
        own = _NAME_WORD.findall(text, slot.start, slot.end)  # (no lookaround: as in the slice, without a copy)
        words = list(own)
        limit = min(s_end, slot.end + 60)
        after = _NAME_WORD.search(text, slot.end, limit)  # word by word: most stop at once
        while after is not None and after.group().lower() in titles:
            words.append(after.group())  # "Chinese foreign ministry spokesperson": the title chain after the actor
            after = _NAME_WORD.search(text, after.end(), limit)
        for word in words:  # "the Secretary" / "the ministry" later means this actor
            title = word if (person and word in _TITLE_ALIASES) or word.lower() in _BODY_ALIASES else ""
            if title and state.aliases.get("the " + title.lower()) != slot.members:
                state.aliases["the " + title.lower()] = slot.members
                state.alias_rx = None
        if not person and not _CAPITAL_NEXT.match(text, slot.end):
            continue  # neither a person nor followed by a title or name: nothing to learn
        names: list[str] = []
        if any(m.kind == "person" for m in slot.members):
            names.extend(_CAPITALIZED.findall(text, slot.start, slot.end))
        tail = _TITLE_TAIL.match(text, slot.end, min(s_end, slot.end + 80))  # (its lookahead stops there too)
        if tail:
            words = _NAME_WORD.findall(tail.group())
            titled = any(w.lower() in titles for w in words) or bool(own and own[-1].lower() in titles)
            if titled:
                for w in words:
                    if w.lower() in rules.prepositions and w.lower() != "of":
                        break  # "Korean Counterparts in Munich": a place after the title, not a name
                    if w[:1].islower() and w != "of" and w not in titles:
                        break  # "Taiwan Affairs Office accused Lai": a verb ends the title, what follows is no name
                    if w[:1].isupper() and w.lower() not in titles and len(w) > 2:
                        names.append(w)
        for name in names:
            if name.lower() in rules.titles or name.lower() in rules.determiners or name.lower() in rules.prepositions:
                continue
            if state.aliases.get(name) != slot.members:
                state.aliases[name] = slot.members
                state.alias_rx = None
