"""The actor recognizer: dictionary matches -> abbreviations and compounds -> role composition -> coreference.

1. Aho-Corasick, leftmost-longest, over the Simplified shadow (Chinese names, role words, coreference words and stop
   phrases such as 日本時間 or 朝鮮半島 that hide what would otherwise match) and over the text (English names,
   case-sensitive, word boundaries).
2. One-character abbreviations (美, 日, 韓, 中, 朝, ...) not inside a match are states only in a compound (美日韓, or
   next to a full name: 日韓國), after a verb or preposition that takes a country (訪日, 赴美, 對華) or before a
   suffix (日方); the boundary characters of ``abbreviations.yaml`` rule out 今日, 日前, 王朝, 朝野, 美元, 中東.
3. A role word right after a state composes with it (南韓國防部長 -> KORMIL); a role word or composed role right
   before a person merges into the person (總統李在明).
4. Coreference (兩國, 雙方, 他, 其, 該國, the two countries, he) resolves to earlier actors of the same paragraph.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

from kuroshio.actors.dictionary import Candidate, Dictionary, Entry, Role, document_date, load_dictionary
from kuroshio.config import Options
from kuroshio.model import Block, Document, Mention
from kuroshio.normalize import to_simplified

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SHORT = 200
_LATIN = re.compile(r"[A-Za-z]")
_ZH_GAPS = ("", "的", " ")
_EN_GAPS = (" ", "'s ", "’s ")
_PERSON_GAPS = ("", " ", "、")
STATE_LIKE = ("state", "capital")
_STATIONED = ("驻", "駐")
_AND = {",", ", and", "and", "、", "與", "与", "和", "及", "以及", "，", "&"}
_THE = re.compile(r"\b[Tt]he\b")


@dataclass(slots=True)
class Item:
    """A mention while the recognizer works on it."""

    start: int
    end: int
    entry: Entry
    code: str
    country: str | None
    kind: str
    group: int = -1  # compound group (美日韓) this item belongs to
    members: tuple[str, ...] = ()
    sector: str = ""  # role sector of a role word (GOV, MIL, ...)
    person: bool = False  # the item contains a person's name
    located: bool = False  # an abbreviation after a verb of place (訪日, 留美): no role composes with it
    sent: int = -1  # index of its sentence (set by the coreference step)


def recognize_actors(doc: Document, options: Options) -> Document:
    """The pipeline stage "actors": the document with its actor mentions, sorted by start."""
    dictionary = load_dictionary(tuple(options.dictionaries))
    date = document_date(doc.date or options.date)
    match_text = doc.match_text
    if doc.shadow is None and len(doc.text) <= _SHORT and _HAN.search(doc.text):
        # a short text may hold too few Traditional characters for the script detector: fold it anyway
        match_text = to_simplified(doc.text)
    items = find_items(doc.text, match_text, dictionary, date)
    items = compose(items, doc.text)
    items = resolve_coreference(items, doc, date)
    return replace(doc, mentions=tuple(to_mentions(items, doc)))


# ------------------------------------------------------------------------------------------------------- matching


def choose(dictionary: Dictionary, candidates: tuple[Candidate, ...], date: str | None) -> tuple[Entry, Role | None]:
    """The candidate a pattern means at ``date``: a role-bound alias that holds, an entry with a role that holds,
    else the first plain entry."""
    entries = dictionary.entries
    for c in candidates:
        if c.role >= 0:
            entry = entries[c.entry]
            if entry.roles[c.role].holds(date) or date is None:
                return entry, entry.roles[c.role]
    plain = [entries[c.entry] for c in candidates if c.role < 0]
    if date is not None:
        for entry in plain:
            role = entry.role_at(date)
            if role is not None:
                return entry, role
    if plain:
        return plain[0], plain[0].role_at(date)
    entry = entries[candidates[0].entry]
    return entry, None


def find_items(text: str, match_text: str, dictionary: Dictionary, date: str | None) -> list[Item]:
    items: list[Item] = []
    if _HAN.search(match_text):
        items.extend(_find_chinese(match_text, dictionary, date))
    if dictionary.en_patterns and _LATIN.search(text):
        items.extend(_find_english(text, dictionary, date))
    items.sort(key=_start_end)
    return items


def _start_end(item: Item) -> tuple[int, int]:
    return item.start, item.end


Choice = tuple[Entry, str, "str | None", str, str, bool]  # entry, code, country, kind, sector, person


def _resolver(dictionary: Dictionary, lang: str, date: str | None) -> dict[int, Choice | None]:
    """A per-(language, date) memo of what each pattern id means (stop phrases map to None)."""
    memo: dict[tuple[str, str | None], dict[int, Choice | None]] = dictionary.__dict__.setdefault("_choices", {})
    if len(memo) > 4096:  # a corpus of many dates: start afresh rather than grow without bound
        memo.clear()
    return memo.setdefault((lang, date), {})


def _resolve(dictionary: Dictionary, targets: list[tuple[Candidate, ...]], pid: int, date: str | None,
             memo: dict[int, Choice | None]) -> Choice | None:
    entry, role = choose(dictionary, targets[pid], date)
    kind = entry.kind
    memo[pid] = None if kind == "stop" else (
        entry, role.code if role is not None else entry.code, entry.country, kind,
        entry.code if kind == "role" else "", kind == "person",
    )
    return memo[pid]


def _find_english(text: str, dictionary: Dictionary, date: str | None) -> list[Item]:
    items = []
    n = len(text)
    targets = dictionary.en_targets
    memo = _resolver(dictionary, "en", date)
    locatives = dictionary.locatives_en
    # "People’s", "People‘s", "Peopleʼs" read as "People's": one character for one, so offsets stay valid
    matched = text.translate(_APOSTROPHES) if _CURLY.search(text) else text
    for pid, s, e in dictionary.en_automaton.find_matches_as_indexes(matched):
        if (s > 0 and _word_char(text[s - 1])) or (e < n and _word_char(text[e])):
            continue
        c = memo[pid] if pid in memo else _resolve(dictionary, targets, pid, date, memo)
        if c is None:
            continue
        if c[3] == "capital" and s > 1 and text[s - 1] == " " and text[max(0, s - 4) : s - 1].rsplit(" ", 1)[-1] in (
            locatives
        ):
            continue  # in Tokyo: a place
        items.append(Item(s, e, c[0], c[1], c[2], c[3], -1, (), c[4], c[5]))
    return items


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})
_CURLY = re.compile("[\u2019\u2018\u02bc\u2032`]")


def _word_char(char: str) -> bool:
    """A character that continues a Latin word (a CJK character next to 'G20' does not)."""
    return char.isalnum() and char < "\u2e80"


def _timeless_zh(dictionary: Dictionary) -> dict[int, Choice | None]:
    """The Chinese patterns that mean the same at every date (no role-bound candidate, no entry with roles)."""
    cached: dict[int, Choice | None] | None = dictionary.__dict__.get("_timeless_zh")
    if cached is None:
        cached = {}
        entries, targets = dictionary.entries, dictionary.zh_targets
        for pid, candidates in enumerate(targets):
            if candidates and all(c.role < 0 and not entries[c.entry].roles for c in candidates):
                _resolve(dictionary, targets, pid, None, cached)
        dictionary.__dict__["_timeless_zh"] = cached
    return cached


def _find_chinese(mt: str, dictionary: Dictionary, date: str | None) -> list[Item]:
    items: list[Item] = []
    targets = dictionary.zh_targets
    role_starts: set[int] = set()
    state_edges: list[int] = []
    memo = _resolver(dictionary, "zh", date)
    timeless = _timeless_zh(dictionary)  # patterns whose meaning does not depend on the date: resolved once
    locatives, dateline, clock = dictionary.locatives, dictionary.dateline, dictionary.clock
    matches = dictionary.zh_automaton.find_matches_as_indexes(mt)
    for pid, s, e in matches:
        c = timeless[pid] if pid in timeless else memo[pid] if pid in memo else _resolve(
            dictionary, targets, pid, date, memo
        )
        if c is None:
            continue
        kind = c[3]
        if kind == "role":
            role_starts.add(s)
        elif kind == "state":
            if clock is not None and clock.match(mt, e):
                continue  # 日本當地時間: a time zone
            state_edges.append(s)
            state_edges.append(e)
        elif kind == "capital" and (
            (s > 0 and mt[s - 1] in locatives) or (dateline is not None and dateline.match(mt, e))
        ):
            continue  # 在北京, 東京23日專電: a place
        items.append(Item(s, e, c[0], c[1], c[2], kind, -1, (), c[4], c[5]))
    rules = dictionary.abbreviations
    if not rules:
        return items
    # An abbreviation can only be a state next to another state, a prefix, a suffix, a connector or a role word:
    # the regular expression finds those with a context character; state edges and role words give the others.
    candidates = {m.start() for m in _abbr_regex(dictionary).finditer(mt)}
    n = len(mt)
    for edge in itertools.chain(state_edges, role_starts):
        if edge < n and mt[edge] in rules:
            candidates.add(edge)
        if edge > 0 and mt[edge - 1] in rules:
            candidates.add(edge - 1)
    if not candidates:
        return items
    tokens: list[Item] = []
    entries = dictionary.entries
    hit_starts = [m[1] for m in matches]
    for i in sorted(candidates):
        k = bisect.bisect_right(hit_starts, i) - 1
        if k >= 0 and i < matches[k][2]:
            continue  # inside a dictionary match
        state = entries[rules[mt[i]].state]
        tokens.append(Item(i, i + 1, state, state.code, state.country, "abbr"))
    if not tokens:
        return items
    near = {t.start for t in tokens} | {t.end for t in tokens}
    connectors = dictionary.connectors
    for it in items:  # full names touching an abbreviation (日韓國, 美、日本) may join its compound
        if it.kind == "state" and (
            it.start in near or it.end in near
            or (it.start - 1 in near and mt[it.start - 1] in connectors)
            or (it.end + 1 in near and it.end < len(mt) and mt[it.end] in connectors)
        ):
            tokens.append(it)
    tokens.sort(key=_start_end)
    items.extend(_accept_abbreviations(tokens, mt, dictionary, role_starts))
    return items


def _abbr_regex(dictionary: Dictionary) -> re.Pattern[str]:
    """Abbreviation characters with a context character (another abbreviation, a prefix, suffix or connector)."""
    pattern = dictionary.__dict__.get("_abbr_regex")
    if pattern is None:
        rules = dictionary.abbreviations
        context = set(rules) | set(dictionary.prefixes) | set(dictionary.suffixes) | set(dictionary.connectors)
        context |= {c for r in rules.values() for c in r.prefixes}
        abbr = "[" + re.escape("".join(rules)) + "]"
        ctx = "[" + re.escape("".join(sorted(context))) + "]"
        pattern = re.compile(f"(?<={ctx}){abbr}|{abbr}(?={ctx})")
        dictionary.__dict__["_abbr_regex"] = pattern
    return pattern


def _runs(tokens: list[Item], mt: str, connectors: str) -> list[list[Item]]:
    runs: list[list[Item]] = []
    for tok in tokens:
        if runs:
            last = runs[-1][-1]
            gap = tok.start - last.end
            if gap == 0 or (gap == 1 and mt[last.end] in connectors):
                runs[-1].append(tok)
                continue
        runs.append([tok])
    return runs


def _accept_abbreviations(tokens: list[Item], mt: str, dictionary: Dictionary, role_starts: set[int]) -> list[Item]:
    rules = dictionary.abbreviations
    n = len(mt)
    out: list[Item] = []
    group = 0
    for run in _runs(tokens, mt, dictionary.connectors):
        if not any(t.kind == "abbr" for t in run):
            continue
        # leading abbreviations glued to the word before them (今日, 王朝) or used as prepositions (朝韓國)
        while run and run[0].kind == "abbr":
            rule = rules[mt[run[0].start]]
            before = mt[run[0].start - 1] if run[0].start > 0 else ""
            glued = bool(before) and before in rule.not_after
            prep = rule.preposition and len(run) > 1 and run[1].kind == "state" and run[1].start == run[0].end
            if not (glued or prep):
                break
            run = run[1:]
        # trailing abbreviations glued to the word after them (日前, 美元, 中東), unless a role word follows
        while run and run[-1].kind == "abbr":
            rule = rules[mt[run[-1].start]]
            end = run[-1].end
            after = mt[end] if end < n else ""
            if not after or end in role_starts or after in dictionary.suffixes or after not in rule.not_before:
                break
            before = mt[run[0].start - 1] if run[0].start > 0 else ""
            if len(run) == 1 and after in dictionary.release and before and (
                before in dictionary.prefixes or before in rule.prefixes
            ):
                break
            run = run[:-1]
        if len(run) > 1:
            run = [t for t in run if t.kind != "abbr" or rules[mt[t.start]].compound]
        if not any(t.kind == "abbr" for t in run):
            continue
        if len(run) == 1:
            tok = run[0]
            rule = rules[mt[tok.start]]
            before = mt[tok.start - 1] if tok.start > 0 else ""
            after = mt[tok.end] if tok.end < n else ""
            by_prefix = rule.alone in ("prefix", "both") and bool(before) and (
                before in dictionary.prefixes or before in rule.prefixes
            )
            by_suffix = rule.alone in ("suffix", "both") and (
                (bool(after) and after in dictionary.suffixes) or tok.end in role_starts
            )
            if not (by_prefix or by_suffix):
                continue
            sector = dictionary.suffixes.get(after, "") if by_suffix else ""
            if sector and not (tok.end + 1 < n and mt[tok.end + 1] in dictionary.suffix_stops.get(after, "")):
                tok.end += 1  # 美军 -> USAMIL
                tok.code = f"{tok.country}{sector}"
                tok.kind = "org"
                tok.group = -1
                out.append(tok)
                continue
            tok.located = by_prefix
        group += 1
        codes = tuple(t.code for t in run)
        for tok in run:
            if tok.kind == "abbr":
                tok.kind = "state"
                tok.group = group
                tok.members = codes
                out.append(tok)
            else:  # a full name inside a compound: mark it (it is already among the items)
                tok.group = group
                tok.members = codes
    return out


# ---------------------------------------------------------------------------------------------------- composition


def _gap_ok(text: str, a: Item, b: Item, gaps: tuple[str, ...]) -> bool:
    return b.start >= a.end and text[a.end : b.start] in gaps


def compose(items: list[Item], text: str) -> list[Item]:
    """State + role word -> the state's role code (one item, or each member of a compound); role + person -> person.

    Role words that compose with nothing stay as ``free`` roles for the coreference step (兩國外長), then vanish.
    """
    gaps = _ZH_GAPS + _EN_GAPS
    out: list[Item] = []
    i = 0
    n = len(items)
    while i < n:
        it = items[i]
        nxt = items[i + 1] if i + 1 < n else None
        if nxt is None or nxt.start - it.end > 3:  # every composition needs the next item within 3 characters
            out.append(it)
            i += 1
            continue
        after = items[i + 2] if i + 2 < n else None
        if (
            it.kind in STATE_LIKE
            and it.country
            and nxt is not None
            and nxt.kind in STATE_LIKE
            and text[it.end : nxt.start] in _STATIONED
            and after is not None
            and after.kind == "role"
            and _gap_ok(text, nxt, after, ("",))
        ):  # 南韓駐日大使: the ambassador is Korea's; Japan is where
            it.code = it.country + after.sector
            person = items[i + 3] if i + 3 < n else None
            if person is not None and person.person and person.country == it.country and \
                    _gap_ok(text, after, person, _PERSON_GAPS):  # 中國駐日大使吳江浩: one person, posted in Japan
                out.append(Item(it.start, person.end, person.entry, person.code, person.country, "person", person=True))
                i += 4
                continue
            out.extend([it, nxt])
            i += 3
            continue
        if it.kind in ("org", "igo") and nxt is not None and nxt.kind == "role" and _gap_ok(text, it, nxt, ("", " ")):
            items[i + 1] = Item(it.start, nxt.end, it.entry, it.code, it.country, it.kind, sector="titled")
            i += 1
            continue
        same = nxt.country in (None, it.country) or nxt.code == it.code
        # 國台辦發言人朱鳳蓮, NATO Secretary General Mark Rutte
        if it.sector == "titled" and nxt.person and same and _gap_ok(text, it, nxt, _PERSON_GAPS):
            items[i + 1] = Item(it.start, nxt.end, nxt.entry, nxt.code, nxt.country, "person", person=True)
            i += 1
            continue
        composable = it.kind in STATE_LIKE and bool(it.country) and not it.located
        if composable and nxt is not None and nxt.kind == "role" and _gap_ok(text, it, nxt, gaps):
            code = it.country + nxt.sector
            if it.group >= 0 and it.members and len(it.members) > 1:
                members = [m for m in out if m.group == it.group] + [it]
                new_codes = tuple(m.country + nxt.sector if m.country else m.code for m in members)
                for m in members:
                    m.code = m.country + nxt.sector if m.country else m.code
                    m.members = new_codes
                out.append(it)
                i += 2
                continue
            merged = Item(it.start, nxt.end, nxt.entry, code, it.country, "role", members=())
            items[i + 1] = merged
            i += 1
            continue
        gaps_to_person = ("'s ", "’s ", " ") if text[it.start : it.end] in it.entry.adjectives else ("'s ", "’s ")
        if it.kind in STATE_LIKE and it.country and nxt.person and nxt.country == it.country and (
            _gap_ok(text, it, nxt, gaps_to_person)
        ):
            items[i + 1] = Item(it.start, nxt.end, nxt.entry, nxt.code, nxt.country, "person", person=True)
            i += 1
            continue
        if it.kind == "role" and it.country and nxt is not None and nxt.person and _gap_ok(
            text, it, nxt, _PERSON_GAPS
        ):
            if nxt.country in (None, it.country):
                person_code = nxt.code if nxt.code != nxt.country else it.code
                items[i + 1] = Item(it.start, nxt.end, nxt.entry, person_code, nxt.country, "person", person=True)
                i += 1
                continue
        if it.kind == "role" and not it.country and nxt is not None and nxt.person and _gap_ok(
            text, it, nxt, _PERSON_GAPS
        ):
            items[i + 1] = Item(it.start, nxt.end, nxt.entry, nxt.code, nxt.country, "person", person=True)
            i += 1
            continue
        out.append(it)
        i += 1
    return out


# ---------------------------------------------------------------------------------------------------- coreference


def resolve_coreference(items: list[Item], doc: Document, date: str | None) -> list[Item]:
    """Resolve coreference items against earlier actors of the same paragraph; drop free role words."""
    block_starts = [b.start for b in doc.blocks]
    out: list[Item] = []
    history: list[Item] = []
    earlier: list[Item] = []  # the actors of the paragraphs before this one
    previous: list[Item] = []  # the actors of the paragraph just before this one
    current: int | None = None
    text = doc.text
    para, following = 0, (block_starts[1] if len(block_starts) > 1 else None)
    sentence_starts = [sentence.start for sentence in doc.sentences]
    sent, next_sentence = -1, (sentence_starts[0] if sentence_starts else None)
    for index, it in enumerate(items):
        while next_sentence is not None and it.start >= next_sentence:
            sent += 1
            next_sentence = sentence_starts[sent + 1] if sent + 1 < len(sentence_starts) else None
        it.sent = sent
        if following is not None and it.start >= following:
            para = bisect.bisect_right(block_starts, it.start) - 1
            following = block_starts[para + 1] if para + 1 < len(block_starts) else None
        if para != current:
            earlier.extend(history)
            asked = current is not None and para == current + 1 and _is_question(text, doc.blocks[current])
            previous = history if asked else []  # an answer's "the two navies" may mean the question's pair
            history = []
            current = para
        if it.kind == "role":
            if it.country:  # a composed role (南韓國防部長)
                out.append(it)
                history.append(it)
            continue
        if it.kind != "coref":
            out.append(it)
            # "arrived from London", "Russia's war in Ukraine": a place, not a party "the two sides" could mean
            if not (it.kind in ("capital", "state") and _PLACE_BEFORE.search(text, max(0, it.start - 8), it.start)):
                history.append(it)
            continue
        rule = it.entry.resolve
        if rule == "plural":
            sector = it.entry.sector or ""
            nxt = items[index + 1] if index + 1 < len(items) else None
            if not sector and nxt is not None and nxt.kind == "role" and not nxt.country and _gap_ok(
                text, it, nxt, _ZH_GAPS + _EN_GAPS
            ):
                sector = nxt.sector
            picked = []
            if it.entry.persons:  # "Trump had asked Modi to stop ... from the summit in Canada. The two leaders
                # agreed to meet": the people named, not the last two states
                picked = _plural_antecedents([h for h in history if h.person], it.entry.count, it.start,
                                             sentence_starts, text)
            picked = picked or _plural_antecedents(history, it.entry.count, it.start, sentence_starts, text)
            if not picked and len({h.country for h in previous if h.country}) == it.entry.count:
                # a question names two states and the answer opens with "The two navies": the question's pair
                picked = _distinct(previous, it.entry.count)
            if not picked and earlier and it.entry.count == 2:
                # "The two sides also exchanged views" opening a paragraph: the two states the text is about
                picked = _main_pair(earlier)
            if not picked and earlier and it.entry.count > 2:
                # "The three ministers strongly condemned ..." opening a paragraph: the last three named together
                people = [h for h in earlier if h.person] if it.entry.persons else []
                picked = _coordinated(people, it.entry.count, text) or _coordinated(earlier, it.entry.count, text)
                if not picked and people:  # "Austin hosted Marles, Kihara and Teodoro ... The four leaders"
                    picked = _distinct(people, it.entry.count)
                    picked = picked if len(picked) == it.entry.count else []
            if not picked:
                continue
            picked.sort(key=lambda h: h.start)
            codes = tuple(str(h.country) + sector for h in picked)
            for h, code in zip(picked, codes, strict=True):
                out.append(Item(it.start, it.end, it.entry, code, h.country, "coref", members=codes))
            continue
        target = _antecedent(history, it, rule, sentence_starts)
        if target is None:
            continue
        code = str(target.country) if rule == "state" else target.code
        nxt = items[index + 1] if index + 1 < len(items) else None
        if rule != "person" and target.country and nxt is not None and nxt.kind == "role" and not nxt.country and (
            _gap_ok(text, it, nxt, ("", " "))
        ):  # 其外務省, 該國政府: the role of the resolved state
            code = target.country + nxt.sector
            it.end = nxt.end
        out.append(Item(it.start, it.end, target.entry, code, target.country, "coref", person=target.person))
    return out


def _distinct(items: list[Item], count: int) -> list[Item]:
    """The last ``count`` items of distinct countries (nearest first)."""
    picked: list[Item] = []
    seen: set[str] = set()
    for h in reversed(items):
        if h.country and h.country not in seen:
            seen.add(h.country)
            picked.append(h)
            if len(picked) == count:
                break
    return picked


_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|via)\s+$")


def _is_question(text: str, block: Block) -> bool:
    """A paragraph that ends with a question mark (a question of a press conference transcript)."""
    return text[block.start : block.end].rstrip().endswith(("?", "？"))


def _main_pair(items: list[Item]) -> list[Item]:
    """The first mentions of the two states named most often in ``items`` (ties: the earlier first); [] if fewer."""
    counts: dict[str, int] = {}
    first: dict[str, Item] = {}
    for h in items:
        if h.country:
            counts[h.country] = counts.get(h.country, 0) + 1
            first.setdefault(h.country, h)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c].start))
    return [first[c] for c in ranked[:2]] if len(ranked) >= 2 else []


def _coordinated(items: list[Item], count: int, text: str) -> list[Item]:
    """The latest list of exactly ``count`` states joined by and/、/與 (the United States, the ROK and Japan)."""
    runs: list[list[Item]] = []
    for h in items:
        if not h.country:
            continue
        if runs and " ".join(_THE.sub("", text[runs[-1][-1].end : h.start]).split()) in _AND:
            runs[-1].append(h)
        else:
            runs.append([h])
    for run in reversed(runs):
        if len(run) == count and len({h.country for h in run}) == count:
            return run
    return []


def _plural_antecedents(
    history: list[Item], count: int, position: int, sentence_starts: list[int], text: str
) -> list[Item]:
    """The ``count`` states a plural word (兩國, the three countries) refers to.

    A compound of exactly that size (韓日, 美日韓) in this or the previous sentence wins; else the latest sentence
    that names at least ``count`` distinct states (the United States, the ROK and Japan ...); else the last
    ``count`` distinct states of the paragraph.
    """
    here = bisect.bisect_right(sentence_starts, position) - 1 if sentence_starts else -1
    for h in reversed(history):
        if h.sent < here - 1:
            break
        if h.group >= 0 and len(h.members) == count:
            group = [g for g in history if g.group == h.group]
            if len({g.country for g in group}) == count:
                return group
    by_sentence: dict[int, list[Item]] = {}
    for h in history:
        by_sentence.setdefault(h.sent, []).append(h)
    for number in sorted(by_sentence, reverse=True):
        listed = _coordinated(by_sentence[number], count, text)
        if listed:
            return listed
        picked = _distinct(by_sentence[number], count)
        if len(picked) == count:
            return picked
    picked = _distinct(history, count)
    return picked if len(picked) == count else []


def _fits(h: Item, rule: str, gender: str | None) -> bool:
    if rule == "person":
        return h.person and not (gender and h.entry.gender and h.entry.gender != gender)
    if rule == "state":
        return h.country is not None
    return True


def _antecedent(history: list[Item], it: Item, rule: str | None, sentence_starts: list[int]) -> Item | None:
    """The antecedent of a singular coreference word.

    該國/the country: the last state. 他/她/其/he/she: the subject, i.e. the first fitting actor of the pronoun's
    sentence (when it comes before the pronoun), else of the closest earlier sentence that has one; 她/she prefer a
    woman when one is known.
    """
    gender = it.entry.gender
    if rule == "state":
        return next((h for h in reversed(history) if h.country), None)
    if rule == "person" and gender == "f":
        woman = next((h for h in reversed(history) if h.person and h.entry.gender == "f"), None)
        if woman is not None:
            return woman
    fitting = [h for h in history if _fits(h, rule or "any", gender)]
    if not fitting:
        return None
    if not sentence_starts:
        return fitting[-1]
    sentence = bisect.bisect_right(sentence_starts, it.start) - 1
    latest = max((h.sent for h in fitting if h.sent <= sentence), default=None)
    if latest is None:
        return fitting[-1]
    subjects = [h for h in fitting if h.sent == latest]  # the latest sentence with a fitting actor
    if rule == "any":  # 其: a person's when that sentence names one (其帖文)
        return next((h for h in subjects if h.person), subjects[0])
    return subjects[0]


def to_mentions(items: list[Item], doc: Document) -> list[Mention]:
    starts = [s.start for s in doc.sentences]
    text = doc.text
    mentions = []
    sentence, following = -1, (starts[0] if starts else None)
    count = len(starts)
    for it in items:
        while following is not None and it.start >= following:
            sentence += 1
            following = starts[sentence + 1] if sentence + 1 < count else None
        mentions.append(
            Mention(it.start, it.end, text[it.start : it.end], it.code, it.country, it.kind, it.entry.id, it.members,
                    sentence)
        )
    return mentions
