"""The Chinese event coder: triggers -> CAMEO events with source, target, mode, date and evidence spans.

How one document is coded, stage by stage:

1. One leftmost-longest Aho-Corasick pass over the Simplified shadow finds every trigger (``lexicon.py``); stop
   phrases consume their span and code nothing.
2. The actor mentions of each sentence are grouped: mentions joined by 、/和/與/及 or sharing a span (美日韓, 兩國)
   form one group, and the word right before a group gives its role: 對/向 + group is a target, 與/和/同 + group a
   partner, 被/遭 + group an agent, anything else a subject.
3. Each trigger takes its arguments from its clause (the text between ，；： inside the sentence): the subject is the
   nearest subject group to its left, else the first subject group of the nearest earlier clause of the sentence
   (reported speech: X表示，譴責Y); the target is a 對/向 group, else the first group right after the trigger, else
   a partner; a passive agent reverses the roles. Symmetric triggers give every ordered pair of participants, visit
   and host triggers give 042 and 043.
4. The mode comes from function words before the trigger (conditional, speculative, negation, planned), from the
   word right after it (訪美前) and from a date later than the publication date; the date from the nearest date
   expression in the sentence, else the publication date.
5. Events are built by :func:`kuroshio.events.build.build_event` and deduplicated by (sentence, source, target,
   code, mode).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import permutations
from operator import attrgetter

from kuroshio.config import Options
from kuroshio.events.build import build_event, dedupe
from kuroshio.events.dates import LazyDates, dateline_date, is_after
from kuroshio.events.lexicon import Grammar, Lexicon, Trigger, chinese_lexicon
from kuroshio.model import Document, Event, Mention, Sentence
from kuroshio.normalize.script import to_simplified

OBJECT_GAP = 3  # at most this many characters between a trigger and its object (訪問了日本, 會見來訪的)
COMPLEMENT_TARGET_ROOTS = frozenset({"03", "08", "12", "16"})  # 同意解除對日本的限制: the target is in the complement
MUTUAL_ROOTS = frozenset({"16", "19"})  # a plural subject with no target reduces relations or fights mutually
MAX_GROUP = 16  # mentions in one conjunction group at most (a longer run is a list, split into groups)
CONTEXT_CHARS = 300  # ... and at most this many characters away
CONTEXT_CLAUSES = 8  # how many clauses back speakers, causes and 'the parties concerned' are looked for
COMPLEMENT_GAP = 6  # a trigger this close after a complement-taking one is its content (中斷定期對話)
MAX_WALK_BACK = 2  # a clause without a subject looks at most this many clauses back for one
VERBAL_ROOTS = frozenset({"02", "10", "11", "12", "13", "14"})  # reactions whose target an earlier clause may name
CARRY_ROOTS = VERBAL_ROOTS | {"16"}  # directed events whose target the next verb of the same source may share
REACTION_ROOTS = frozenset({"11", "12", "13"})  # a reaction without a target answers the actor of the clause before


@dataclass(slots=True)  # (not frozen: built for every actor of every coded sentence, and never changed)
class Group:
    """Actor mentions that act together (one conjunction, one compound, one coreferent plural)."""

    start: int
    end: int
    members: tuple[Mention, ...]
    role: str  # subject | target | partner | agent
    clause: int


def code_chinese(doc: Document, options: Options, lexicon: Lexicon | None = None) -> Document:
    """The pipeline stage for Chinese documents: a copy of ``doc`` with its events."""
    return replace(doc, events=tuple(code_document(doc, lexicon or chinese_lexicon())))


def code_document(doc: Document, lexicon: Lexicon) -> list[Event]:
    # Simplified text may still carry Traditional characters (quotes, names, short texts detected as zh-Hans):
    # t2s is length-preserving and leaves Simplified text unchanged, so always match the converted text.
    shadow = doc.shadow if doc.shadow is not None else to_simplified(doc.text)
    triggers = lexicon.triggers  # (lexicon.find without its stop phrases, in one pass)
    found = lexicon.automaton.find_matches_as_indexes(shadow)
    matches = [(triggers[i], s, e) for i, s, e in found if triggers[i].args != "stop"]
    if not matches:
        return []
    anchor = dateline_date(shadow, doc.date)
    if anchor is not None and anchor != doc.date:
        doc = replace(doc, date=anchor)  # "新华社首尔9月3日电": 当天 and 3日 count from the dateline
    sentences = doc.sentences or (Sentence(index=0, start=0, end=len(doc.text)),)
    mentions = sorted(
        (m for m in doc.mentions if m.code and not (m.kind == "state" and _sea_name(shadow, m))), key=_START_END
    )
    first_actor = _first_actor(mentions)
    grammar = lexicon.grammar
    home = next((country for word, country in grammar.home_markers if word in shadow), None)
    cuts = [m.end() for m in _break_pattern(grammar.clause_breaks).finditer(shadow)]  # clause ends, whole text
    events: list[Event] = []
    mi = ti = 0
    previous_actor: list[Mention] = []  # the first actor of the sentence before (此舉 points back to it)
    match_starts = [s for _, s, _ in matches]  # (both sorted: each sentence's share found by bisection)
    mention_starts = [m.start for m in mentions]
    for sentence in sentences:
        ti = bisect_left(match_starts, sentence.start, ti)
        tj = bisect_left(match_starts, sentence.end, ti)
        mi = bisect_left(mention_starts, sentence.start, mi)
        mj = bisect_left(mention_starts, sentence.end, mi)
        if tj == ti or (mj == mi and home is None):
            # no trigger; or no actor and no home state for a bare 外交部: no subject, so nothing can be coded
            previous_actor = [m for m in mentions[mi:mj] if m.kind != "coref"][:1]
            continue
        spans = [(s, e) for _, s, e in matches[ti:tj]]
        coder = _SentenceCoder(doc, shadow, sentence, mentions[mi:mj], grammar, spans, first_actor, cuts)
        coder.previous_actor = previous_actor
        coder.home = home
        opener: int | None = None  # the clause of the last complement-taking trigger (呼籲, 要求, 希望與)
        listing = False  # whether that trigger is an appeal or demand, whose content may list several clauses
        sentence_matches = matches[ti:tj]
        for k, (trigger, start, end) in enumerate(sentence_matches):
            clause = coder.clause_of(start)
            if opener == clause or coder.question(clause):
                continue  # the content of an appeal, demand, wish or warning; or a question, which asserts nothing
            if listing and opener == clause - 1 and coder.content_goes_on(clause, start):
                opener = clause
                continue  # 敦促日方立即糾正錯誤，撤回惡劣言論: the demand's content goes on
            found = coder.code(trigger, start, end, clause)
            events.extend(found)
            following = sentence_matches[k + 1][1] if k + 1 < len(sentence_matches) else None
            takes_next = following is not None and following - end <= COMPLEMENT_GAP and not coder.not_a_verb
            if (found or takes_next) and trigger.root in lexicon.grammar.embedding_roots:
                opener, listing = clause, trigger.root in lexicon.grammar.listing_roots
        previous_actor = coder.first_subject()
        ti = tj
    return dedupe(events)


_ARGUMENT_ROLES = frozenset({"subject", "target", "partner", "agent"})
_SEA_ACTOR = set("警军上空域关事运洋外峡岸产鲜")
_START_END = attrgetter("start", "end")


def _first_actor(mentions: list[Mention]) -> dict[str, int]:
    """Country -> where it is first named as an actor (not as a venue or a plural)."""
    first: dict[str, int] = {}
    for m in mentions:
        if m.country and m.kind not in ("capital", "coref") and m.country not in first:
            first[m.country] = m.end - 1
    return first


def _sea_name(shadow: str, mention: Mention) -> bool:
    """日本海 and 南中國海 name seas; 中國海警 and 日本海上自衛隊 name actors."""
    after = shadow[mention.end : mention.end + 2]
    return mention.kind == "state" and after[:1] == "海" and after[1:2] not in _SEA_ACTOR


class _SentenceCoder:
    """Argument, mode and date assignment for the triggers of one sentence."""

    def __init__(
        self,
        doc: Document,
        shadow: str,
        sentence: Sentence,
        mentions: list[Mention],
        grammar: Grammar,
        trigger_spans: list[tuple[int, int]],
        first_actor: dict[str, int] | None = None,
        cuts: list[int] | None = None,
    ) -> None:
        self.doc = doc
        self.shadow = shadow
        self.sentence = sentence
        self.grammar = grammar
        self.mentions = mentions
        self.first_actor = first_actor if first_actor is not None else _first_actor(mentions)
        self.trigger_spans = trigger_spans
        self.quantifier = _quantifier_pattern(grammar.quantifier)
        self.words = _grammar_patterns(grammar)
        self.clauses = self._clauses(cuts)
        self.clause_starts = [s for s, _ in self.clauses]
        self.mention_starts = [m.start for m in mentions]
        self.sorted_spans = sorted(trigger_spans)
        self.trigger_starts = [s for s, _ in self.sorted_spans]
        self.trigger_ends = {e for _, e in trigger_spans}
        self.groups = self._groups()
        self.by_clause: list[list[Group]] = [[] for _ in self.clauses]
        for g in self.groups:
            self.by_clause[g.clause].append(g)
        self.nearby_cache: dict[int, list[Group]] = {}
        self.questions: dict[int, bool] = {}
        self.clause_group_starts: dict[int, list[int]] = {}  # clause -> its group starts, for crowded clauses
        self.dates: LazyDates | None = None
        self.date_clauses: list[int] = []
        self.last_directed: tuple[list[Mention], list[Mention]] | None = None
        self.last_subject: Group | None = None
        self.last_clause = -1
        self.not_a_verb = False
        self.previous_actor: list[Mention] = []
        self.anaphor_at: int | None = None
        self.home: str | None = None

    def first_subject(self) -> list[Mention]:
        """The members of the sentence's first subject group (what 此舉 in the next sentence points back to)."""
        group = next((g for g in self.groups if g.role == "subject"), None)
        return _members(group)

    # -- structure -------------------------------------------------------------------------------------------------

    def _clauses(self, cuts: list[int] | None = None) -> list[tuple[int, int]]:
        """The clauses of the sentence; ``cuts`` are the ends of the clause breaks of the whole text when known."""
        s, e = self.sentence.start, self.sentence.end
        spans: list[tuple[int, int]] = []
        pos = s
        if cuts is None:
            cuts = [s + m.end() for m in _break_pattern(self.grammar.clause_breaks).finditer(self.shadow[s:e])]
        else:  # (a break is one character: those ending in (s, e] are the sentence's own)
            cuts = cuts[bisect_right(cuts, s) : bisect_right(cuts, e)]
        for cut in cuts:
            spans.append((pos, cut))
            pos = cut
        if pos < e:
            spans.append((pos, e))
        return spans or [(s, e)]

    def clause_of(self, pos: int) -> int:
        i = bisect_right(self.clause_starts, pos) - 1
        return i if i > 0 else 0

    def head(self, clause: int, pos: int) -> str:
        """The clause's text before ``pos`` (at most CONTEXT_CHARS of it)."""
        return self.shadow[max(self.clauses[clause][0], pos - CONTEXT_CHARS) : pos]

    def nearby(self, clause: int, pos: int | None = None) -> list[Group]:
        """The groups of a clause and of the few before it, at most CONTEXT_CHARS before ``pos`` (bounded, so that
        a sentence of a thousand clauses or a clause of a thousand names stays linear). Shared: do not modify it."""
        cached = self.nearby_cache.get(clause)
        if cached is not None:
            return cached
        out: list[Group] = []
        crowded = False  # without a clause of more than 16 groups the answer does not depend on pos: kept
        for c in range(max(0, clause - CONTEXT_CLAUSES), clause + 1):
            groups = self.by_clause[c]
            crowded = crowded or len(groups) > 16
            if pos is not None and len(groups) > 16:
                starts = self.clause_group_starts.get(c)
                if starts is None:
                    starts = self.clause_group_starts[c] = [g.start for g in groups]
                groups = groups[bisect_left(starts, pos - CONTEXT_CHARS) : bisect_right(starts, pos + CONTEXT_CHARS)]
            out.extend(groups)
        if not crowded:
            self.nearby_cache[clause] = out
        return out

    def _groups(self) -> list[Group]:
        conj = self.grammar.conjunctions
        runs: list[list[Mention]] = []
        end = -1
        for m in self.mentions:
            if runs and m.start - end <= 2:  # (a longer gap never joins)
                gap = self.shadow[end : m.start]
                if gap[:1] == "方" and len(gap) == 2 and gap[1] in "、和及暨":
                    gap = gap[1:]  # 德方和澳方 (but 韓方同中方 is 'with'): the side word is not in the gap
                with_word = not self.grammar.with_words.isdisjoint(gap)
                compound_after_with = len(m.members) >= 2 and m.start >= end and with_word
                place_before_with = with_word and self._role(runs[-1][0].start) in ("location", "topic")
                joins = m.start < end or (
                    len(gap) <= 2 and conj.issuperset(gap) and not compound_after_with and not place_before_with
                )
                if joins and len(runs[-1]) < MAX_GROUP:
                    runs[-1].append(m)
                    end = max(end, m.end)
                    continue
            runs.append([m])
            end = m.end
        groups: list[Group] = []
        explicit: list[Mention] = []  # the last explicit group of two or more states in the sentence
        for run in runs:
            if len(run) == 1 and run[0].kind != "coref":  # the common case, one named actor: no list to resolve
                m = run[0]
                groups.append(Group(m.start, m.end, (m,), self._role(m.start), self.clause_of(m.start)))
                continue
            states = _unique([m for m in run if m.kind != "coref"])
            corefs = [m for m in run if m.kind == "coref"]
            if corefs and len(explicit) >= 2 and not states:
                run = list(explicit)  # 美國、日本、韓國……舉行三國高峰會: 三國 is the list just given
            elif corefs:
                run = states + [m for m in corefs if self._seen_as_actor(m)]
            if len(states) >= 2:
                explicit = states
            if not run:
                continue
            start = run[0].start
            groups.append(
                Group(
                    start=start,
                    end=max(m.end for m in run),
                    members=tuple(run),
                    role=self._role(start),
                    clause=self.clause_of(start),
                )
            )
        return groups

    def _seen_as_actor(self, mention: Mention) -> bool:
        """A state that a plural (兩國, 三國) may stand for: one named earlier as an actor, not only as a venue."""
        first = self.first_actor.get(mention.country or "")
        return first is not None and first < mention.start

    def _role(self, start: int) -> str:
        i = bisect_right(self.trigger_starts, start) - 1
        if i >= 0 and start < self.sorted_spans[i][1]:
            return "internal"  # the 日 of 訪日 is the trigger's own target, no one's subject
        g = self.grammar
        first = self.sentence.start
        counted = self.quantifier.search(self.shadow, first if start - 8 < first else start - 8, start)  # (endpos: $)
        if counted is not None:  # 對多名中國官員: the preposition is before the counted phrase
            start -= len(counted.group(0))
        before = self.shadow[first if start - 3 < first else start - 3 : start]
        exception = (
            next(w for w in g.preposition_exceptions if before.endswith(w))
            if before.endswith(g.preposition_exceptions) else None
        )
        if exception is not None and not self._mention_covers(start - len(exception)):
            return "subject"  # 應對, 方向 (but 中方向美方: the 方 is the end of 中方, 向 a preposition)
        if before.endswith(g.location_prepositions):
            return "location"
        if before.endswith(g.topic_prepositions):
            return "topic"
        for role, words in (("agent", g.passive_markers), ("target", g.target_prepositions)):
            if before.endswith(words):
                return role
        if before.endswith(g.partner_prepositions):
            return "partner"
        return "subject"

    # -- arguments -------------------------------------------------------------------------------------------------

    def code(self, trigger: Trigger, start: int, end: int, clause: int | None = None) -> list[Event]:
        """The events of one trigger (``clause``: its clause, when the caller knows it)."""
        self.not_a_verb = False  # set when the trigger is used as a noun or lacks the partner it requires
        i = bisect_right(self.mention_starts, start)
        for m in self.mentions[max(0, i - 8) : i]:
            if m.end >= end:
                return []  # the trigger is part of a name (六方會談 as an organisation, say)
        if clause is None:
            clause = self.clause_of(start)
        if self.words.suffix_anchor.search(self.shadow, end, min(end + 8, self.clauses[clause][1])):
            return []  # 建交以來, 邦交正常化60年來: a time anchor, not a reported event
        if trigger.args != "directed" and self.words.about.search(self.head(clause, start)):
            return []  # 關於今年由中國主辦的部長會議: the meeting is a topic, not a reported event
        pool = self.nearby(clause, start)
        left = [g for g in pool if g.end <= start]
        here = [g for g in left if g.clause == clause]
        first_right = next(
            (g for g in pool
             if g.start >= end and g.clause == clause and self._object_gap(self.shadow[end : g.start])
             and (not self._trigger_between(end, g.start) or self._coordinated_verb(end))),
            None,
        )  # 出席峰會並訪問韓國: 韓國 is 訪問's object (but 奉勸並敦促日本: both verbs take it)

        # the nearest group of each argument role: the last of ``here`` with that role that fits (one scan from the
        # right for all four roles)
        nearest: dict[str, Group] = {}
        for g in reversed(here):
            role = g.role
            if role in nearest or role not in _ARGUMENT_ROLES:
                continue
            if role == "subject" and self._coordinated_object(g, start):
                continue
            if (role == "target" or role == "partner") and start - g.end > 20:
                continue
            if role == "partner" and self._trigger_between(g.end, start):
                continue  # the partner of an earlier verb is not ours
            nearest[role] = g
            if len(nearest) == 4:
                break

        subject = nearest.get("subject")
        relative = self._relative_head(subject, here)
        if relative is not None:  # 對三家向俄羅斯提供零件的中國企業實施制裁: the head noun is the target
            subject = relative[0]
        from_earlier = subject is None
        if subject is None and self.last_subject is not None and self.last_clause == clause - 1 and self._continues(
            clause
        ):
            subject = self.last_subject  # 不但指責南韓……，還批評首爾: the same subject goes on
        if subject is None:  # 共機擾台，外交部對此表達抗議: the ministry of the document's state, in this clause
            subject = self._bare_body(self.clauses[clause][0], start)
        if subject is None:
            subject = self._earlier_subject(clause, left)
        if subject is None:
            subject = self._bare_body(self.sentence.start, start)  # 外交部今天表示，譴責……
        target, partner, agent = nearest.get("target"), nearest.get("partner"), nearest.get("agent")
        if relative is not None:
            target = relative[1]
        obj = first_right if first_right is not None and first_right.role in ("subject", "partner", "target") else None
        implicit = self._implicit_target(trigger, start, end)
        if trigger.requires == "partner" and partner is None and target is None:
            self.not_a_verb = True
            return []
        if trigger.requires == "target" and target is None and obj is None and not implicit and agent is None and not (
            trigger.root in self.grammar.place_roots and self._place_target(here, clause, start, end, trigger.root)
        ):  # (在釣魚島領海內巡航: the place names the target)
            self.not_a_verb = True
            return []
        if trigger.requires == "adjacent":
            if obj is None or obj.start - end > 1:
                self.not_a_verb = True
                return []
            target = partner = None
        if trigger.requires == "toward":
            if target is None or self.shadow[target.start - 1 : target.start] not in ("向", "朝"):
                return []
            obj = partner = None  # 向日本發射飛彈: only the 向 phrase names the target

        pairs: list[tuple[Mention, Mention, str]] = []
        if trigger.args == "directed":
            passive = agent is not None and (subject is None or agent.start > subject.start)
            causer = self._causer(subject, here)
            if causer is not None and subject is not None:
                sources, targets = _members(subject), _members(causer)  # 答詢內容引發中國不滿: CHN -> JPN
            elif passive:
                sources, targets = _members(agent), _members(subject)
            elif self._agentless_passive(start, subject):
                return []
            else:
                possessed = self.shadow[start - 1 : start] == "的"
                modifier = self.shadow[end : end + 1] == "的" and obj is None
                if (possessed or modifier) and not (target or implicit):
                    self.not_a_verb = True
                    return []  # a noun (中國的威脅, 美國的關稅措施, 威脅的部隊), not a predicate
                if target is not None and not implicit and self._inside_target_phrase(trigger, target, start, end):
                    self.not_a_verb = True
                    return []  # 日本對北韓的軍演表示抗議: the drills are the object of the protest, not JPN's
                sources = _members(subject)
                target, obj, partner = (None if self._topic(g) else g for g in (target, obj, partner))
                targets = implicit or _members(target) or _members(obj) or _members(partner)
                if not targets and "对此" in self.head(clause, start):
                    targets = _members(self._previous_subject(clause, sources))  # 北韓試射飛彈，日本對此表示抗議
                if not targets and self._anaphoric(clause):  # 韓國譴責此舉: the actor of the sentence before
                    countries = {m.country for m in sources}
                    targets = [m for m in self.previous_actor if m.country and m.country not in countries]
                if not targets and trigger.root in REACTION_ROOTS and clause > 0 and not from_earlier:
                    targets = _members(self._previous_subject(clause, sources))  # 美國批准軍售，中方表示譴責
                if not targets and trigger.root in VERBAL_ROOTS:
                    targets = _members(self._cause(clause, sources))
                if not targets and trigger.root in VERBAL_ROOTS:
                    targets = _members(self._open_target(clause, left, sources))  # 外交部對北韓……，再次表達譴責
                if not targets and _has(self.head(clause, min(self.clauses[clause][1], end + CONTEXT_CHARS)),
                                        self.grammar.anaphoric_parties):
                    targets = self._parties(start, sources)
                if not targets and trigger.root in self.grammar.place_roots:  # 在日本大使館前示威, 在台島周邊演習
                    targets = self._place_target(here, clause, start, end, trigger.root)
                if not targets and trigger.root in COMPLEMENT_TARGET_ROOTS:
                    targets = _members(self._complement_target(end, clause))
                if not targets and sources and self.last_directed is not None and trigger.root in CARRY_ROOTS:
                    last_sources, last_targets = self.last_directed
                    if {m.country for m in last_sources} == {m.country for m in sources}:
                        targets = last_targets  # 北韓譴責美國，警告將採取行動: the same target
            if sources and targets:
                self.last_directed = (sources, targets)
            cameo = trigger.cameo
            if cameo == "114" and self._street(sources, start):
                cameo = "141"  # 韓國民眾在首爾街頭集會，抗議日本: a demonstration, not an official complaint
            pairs = [(s, t, cameo) for s in sources for t in targets]
            if not targets and len(sources) >= 2 and trigger.root in MUTUAL_ROOTS:
                pairs = [(a, b, trigger.cameo) for a, b in permutations(sources, 2)]  # 日韓中斷穿梭外交
        elif trigger.args == "symmetric":
            if trigger.root == "04" and self._wished(start):
                trigger = _WISH_TO_MEET  # 希望與金正恩會晤: an intent to meet, from the one who wishes it
            partner_side = partner or (target if trigger.intent else None)  # 向北韓提議舉行會談
            if partner_side is not None and obj is not None and self.shadow[end : obj.start].strip("了"):
                obj = None  # 與美韓合作應對北韓: the actor after a verb is that verb's object, not a partner
            found = self._symmetric(subject, here, partner_side, obj, implicit, start, intent=trigger.intent)
            pairs = [(a, b, trigger.cameo) for a, b in found]
            if not pairs and trigger.solo and subject is not None and partner_side is None and obj is None:
                sources = _members(subject)
                if len(sources) == 1:  # 東部戰區在台島周邊舉行聯合演習: joint services, aimed at the place
                    countries = {m.country for m in sources}
                    places = self._place_target(here, clause, start, end, trigger.solo)
                    places = [m for m in places if m.country not in countries]
                    pairs = [(sources[0], t, trigger.solo) for t in places]
        elif trigger.args == "visit":
            hosts = implicit[:1] or _members(obj) or _members(target)[:1]  # 訪問日本和韓國: each host
            for v in _members(subject):
                for h in hosts:
                    pairs += [(v, h, "042"), (h, v, "043")]
        elif trigger.args == "host":
            for h in _members(subject):
                for v in _members(obj) or _members(target):
                    pairs += [(h, v, "043"), (v, h, "042")]
        if not pairs:
            return []
        if subject is not None:
            self.last_subject, self.last_clause = subject, clause
        mode = self.mode(trigger, start, end, pool, clause)
        date, precision = self.date(start, end)
        if mode == "actual" and date is not None and is_after(date, self.doc.date) and not trigger.intent:
            mode = "planned"
        confidence = 0.6 + (0.2 if (target or obj or implicit) else 0.0) - (0.15 if from_earlier else 0.0)
        events: list[Event] = []
        span = (start, end)
        for source, tgt, cameo in pairs:
            if _same_actor(source, tgt):
                continue
            events.append(
                build_event(
                    self.doc, self.sentence, source, tgt, cameo, mode=mode, date=date, date_precision=precision,
                    trigger=span, confidence=confidence,
                )
            )
        return events

    def _symmetric(
        self,
        subject: Group | None,
        here: list[Group],
        partner: Group | None,
        obj: Group | None,
        implicit: list[Mention],
        start: int,
        *,
        intent: bool = False,
    ) -> list[tuple[Mention, Mention]]:
        """Ordered pairs of a symmetric event: a compound right before the trigger (日韓領袖會談) among itself;
        else the subject side with its partner or object (與日本會談), both ways (one way for an intent to
        cooperate: 韓方願同中方發展關係 is KOR -> CHN); else a plural subject (兩國)."""
        modifier = next(
            (g for g in reversed(here)
             if (g.role == "subject" and start - g.end <= 8) or (g.role == "target" and start - g.end <= 1)),
            None,
        )
        if modifier is not None and len(_members(modifier)) >= 2 and (partner is None or partner.end < modifier.start):
            people = _members(modifier)
            return list(permutations(people, 2))
        others = _unique(_members(partner) + _members(obj) + implicit)
        sides = [m for m in _members(subject) if not _venue(m, subject, start)]
        if not others and intent and len(sides) == 1:
            others = _members(self._complement_target(start, self.clause_of(start)))
        if others:
            if not sides:
                return list(permutations(others, 2)) if len(others) >= 2 else []
            forward = [(a, b) for a in sides for b in others]
            return forward if intent else forward + [(b, a) for a, b in forward]
        return list(permutations(sides, 2)) if len(sides) >= 2 else []

    def _open_target(self, clause: int, left: list[Group], sources: list[Mention]) -> Group | None:
        """對 + a noun phrase running over clauses (對北韓肆意試射飛彈，破壞和平的行徑，表達譴責): the 對 actor of an
        earlier clause, when no other actor comes after it."""
        countries = {m.country for m in sources}
        for g in reversed(left):
            if g.clause >= clause:
                continue
            if g.role == "target" and self.shadow[g.start - 1 : g.start] == "对":
                return None if countries & {m.country for m in g.members} else g
            return None
        return None

    def content_goes_on(self, clause: int, start: int) -> bool:
        """A clause without an actor of its own before the trigger and without 並/還/也 continues the content of the
        appeal or demand of the clause before."""
        if self._continues(clause):
            return False
        return not any(g.clause == clause and g.start < start for g in self.groups)

    def _coordinated_verb(self, end: int) -> bool:
        """奉勸並敦促, 致賀電祝賀: a trigger joined to the next one directly or by a conjunction shares its object."""
        i = bisect_left(self.trigger_starts, end)
        if i >= len(self.trigger_starts):
            return False
        gap = self.trigger_starts[i] - end
        return gap == 0 or (gap == 1 and (self.shadow[end] in self.grammar.conjunctions or self.shadow[end] == "并"))

    def _bare_body(self, begin: int, start: int) -> Group | None:
        """A government body named without its state earlier in the sentence (外交部, 國防部): the document's home
        state, when its wording shows one (中央社, 國軍: a Taiwan outlet; 新華社: a PRC one)."""
        if self.home is None:
            return None
        head = self.shadow[begin:start]
        found = None
        for m in self.words.home_bodies.finditer(head):
            pos = begin + m.start()
            if not self._mention_covers(pos) and not self._mention_covers(pos - 1):
                found = (pos, pos + len(m.group()))
        if found is None:
            return None
        country = self.home
        if country is None:
            return None
        s, e = found
        mention = Mention(start=s, end=e, text=self.doc.text[s:e], code=country + "GOV", country=country,
                          kind="org", sentence=self.sentence.index)
        return Group(start=s, end=e, members=(mention,), role="subject", clause=self.clause_of(s))

    def _inside_target_phrase(self, trigger: Trigger, target: Group, start: int, end: int) -> bool:
        """對北韓的軍演表示抗議, 對中國軍演表達不滿, 對北韓的網路攻擊展開調查, 對日方的要求予以拒絕: a trigger inside a
        對 phrase and followed in its clause by another trigger is the object of that one, not an act of the 對
        phrase's actor (a verbal one only when possessed and a light verb introduces the reaction)."""
        gap = self.shadow[target.end : start]
        if gap[:2] == "方的":
            gap = gap[1:]  # 日方的: the side word of an abbreviation
        possessed = gap[:1] == "的" and len(gap) <= 5 and not self._trigger_between(target.end, start)
        if len(gap) > 12 or (not possessed and trigger.root in VERBAL_ROOTS):
            return False
        clause_end = self.clauses[self.clause_of(start)][1]
        i = bisect_right(self.trigger_starts, end - 1)
        if i >= len(self.trigger_starts) or self.trigger_starts[i] >= clause_end or self.trigger_starts[i] - end > 8:
            return False
        light = _has(self.shadow[end : self.trigger_starts[i] + 2], self.grammar.light_verbs)
        if trigger.root in VERBAL_ROOTS:
            return light  # 對日方的無理要求予以拒絕
        return possessed or light  # 對中國在台灣周邊舉行軍演表示不滿

    def _anaphoric(self, clause: int) -> bool:
        """此舉, 此次發射 in the sentence up to the clause's end: the reaction is aimed at the actor of what was told
        just before."""
        if self.anaphor_at is None:  # found once per sentence
            m = self.words.anaphora.search(self.shadow, self.sentence.start, self.sentence.end)
            self.anaphor_at = m.start() if m else self.sentence.end
        return self.anaphor_at < self.clauses[clause][1]

    def _place_target(
        self, here: list[Group], clause: int, start: int, end: int, root: str = "14"
    ) -> list[Mention]:
        """The state whose territory the clause names as the place of the act (在日本大使館前, 在台島周邊, 台灣海峽); a
        force posture only around a state (在台島周邊, 在日本附近海域), not in it (美軍在日本部署: an ally's base)."""
        def fits(g: Group) -> bool:
            return g.role == "location" and (root != "15" or self.shadow.startswith(self.grammar.near_words, g.end))

        place = next((g for g in reversed(here) if fits(g)), None)
        if place is None:
            later = (g for g in self.by_clause[clause] if g.start >= end and g.start - end <= 12)
            place = next((g for g in later if fits(g)), None)
        if place is not None:
            return _members(place)
        s, e = self.clauses[clause]
        text = self.shadow[s:e]
        for word, country in self.grammar.territory_places:
            pos = text.find(word)
            if pos >= 0:
                return [
                    Mention(start=s + pos, end=s + pos + len(word), text=self.doc.text[s + pos : s + pos + len(word)],
                            code=country, country=country, kind="state", sentence=self.sentence.index)
                ]
        return []

    def _street(self, sources: list[Mention], start: int) -> bool:
        """A protest by citizens, or with street words before it in the sentence: 14, not an official 114."""
        if any(m.code and m.code[3:] in self.grammar.civilian_sectors for m in sources):
            return True
        return _has(self.shadow[self.sentence.start : start], self.grammar.street_protest)

    def _causer(self, subject: Group | None, here: list[Group]) -> Group | None:
        """X引發Y不滿: when the subject follows a causative verb, the clause's first actor caused the reaction."""
        if subject is None:
            return None
        before = self.shadow[max(self.sentence.start, subject.start - 2) : subject.start]
        if not before.endswith(self.grammar.causative):
            return None
        countries = {m.country for m in subject.members}
        return next((g for g in here if g.start < subject.start and g.role == "subject"
                     and not countries & {m.country for m in g.members}), None)

    def _parties(self, start: int, sources: list[Mention]) -> list[Mention]:
        """有關方面: the states named before in the sentence, other than the source's."""
        countries = {m.country for m in sources}
        candidates = self.nearby(self.clause_of(start))
        for g in reversed([g for g in candidates if g.end <= start and g.role not in ("location", "internal")]):
            members = [m for m in _members(g) if m.country not in countries]
            if members:
                return members
        return []

    def _cause(self, clause: int, sources: list[Mention]) -> Group | None:
        """由於北韓試射飛彈，日本表示抗議: the actor right after a cause marker in an earlier clause."""
        countries = {m.country for m in sources}
        for g in self.nearby(clause):
            if g.clause < clause and not countries & {m.country for m in g.members}:
                before = self.shadow[max(self.sentence.start, g.start - 2) : g.start]
                if before.endswith(self.grammar.cause_markers):
                    return g
        return None

    def _previous_subject(self, clause: int, sources: list[Mention]) -> Group | None:
        """The actor of the clause that 對此 ('to this') points back to."""
        countries = {m.country for m in sources}
        for c in range(clause - 1, max(-1, clause - 1 - CONTEXT_CLAUSES), -1):
            for g in self.by_clause[c]:
                if g.role == "subject" and not countries & {m.country for m in g.members} and any(
                    m.country for m in g.members
                ):
                    return g
        return None

    def _complement_target(self, end: int, clause: int) -> Group | None:
        """同意解除對日本的限制: the state named early in the complement of a complement-taking trigger."""
        for g in self.by_clause[clause]:
            if g.start >= end and g.start - end <= 10 and g.role in ("subject", "target"):
                return g
        return None

    def question(self, clause: int) -> bool:
        found = self.questions.get(clause)
        if found is None:  # (asked for every trigger of the clause: answered once)
            s, e = self.clauses[clause]
            found = self.questions[clause] = self.shadow[s:e].rstrip("」』”’）) ").endswith(("？", "?"))
        return found

    def _object_gap(self, gap: str) -> bool:
        """Text between a trigger and its object: a few characters (訪問了, 會見來訪的), or a counted noun phrase
        (扣押一艘涉嫌非法捕撈的中國漁船)."""
        if "、" in gap or "和" in gap:
            return False
        if len(gap) <= OBJECT_GAP:
            return True
        if len(gap) <= 8 and gap.endswith("的") and any(w in gap for w in self.grammar.visiting):
            return True  # 會見了來訪的美國國務卿
        return len(gap) <= 14 and gap.endswith("的") and _COUNTED.match(gap) is not None

    def _relative_head(self, subject: Group | None, here: list[Group]) -> tuple[Group | None, Group] | None:
        """對 [……的] 中國企業 實施制裁: a subject right after 的, inside an open 對 phrase, is the target; the subject
        is the actor before the 對."""
        if subject is None or self.shadow[subject.start - 1 : subject.start] != "的":
            return None
        head = self.shadow[self.clauses[subject.clause][0] : subject.start]
        opener = max(head.rfind(w) for w in ("对", "针对", "向"))
        if opener < 0:
            return None
        opener += self.clauses[subject.clause][0]
        before = [g for g in here if g.end <= opener and g.role == "subject"]
        return (before[-1] if before else None), subject

    def _trigger_between(self, a: int, b: int) -> bool:
        i = bisect_left(self.trigger_starts, a)
        return i < len(self.trigger_starts) and self.trigger_starts[i] < b

    def _coordinated_object(self, group: Group, start: int) -> bool:
        """防禦台灣和牽制中國: 台灣 ends the previous verb phrase, it is not the subject of 牽制."""
        gap = self.shadow[group.end : start]
        return len(gap) == 1 and gap in self.grammar.conjunctions

    def _wished(self, start: int) -> bool:
        return _has(self.head(self.clause_of(start), start), self.grammar.wish)

    def _topic(self, group: Group | None) -> bool:
        """中韓關係: a relationship named by its parties is a topic, not a target."""
        return group is not None and self.shadow.startswith("关系", group.end)

    def _earlier_subject(self, clause: int, left: list[Group]) -> Group | None:
        """The source of a clause without a subject: the last speaker of the sentence (X表示，譴責Y), else the first
        subject of the nearest earlier clause that has one."""
        speakers = [g for g in left if g.role == "subject" and g.clause < clause and self._speaks(g)]
        if speakers:
            return speakers[-1]
        for c in range(clause - 1, max(-1, clause - 1 - MAX_WALK_BACK), -1):
            earlier = [g for g in left if g.clause == c and g.role == "subject" and not self._object_of_trigger(g)]
            if earlier:
                return earlier[0]
        return None

    def _continues(self, clause: int) -> bool:
        text = self.shadow[self.clauses[clause][0] : self.clauses[clause][0] + 12].lstrip()
        return text.startswith(self.grammar.continuation)

    def _object_of_trigger(self, group: Group) -> bool:
        """遏制中國: a group right after a trigger is that trigger's object, not a later clause's subject."""
        return not self.trigger_ends.isdisjoint(range(group.start - OBJECT_GAP, group.start + 1))

    def _speaks(self, group: Group) -> bool:
        """Whether a verb of saying follows the group within its clause (李在明23日表示 ...)."""
        clause_end = self.clauses[group.clause][1]
        after = self.shadow[group.end : min(clause_end, group.end + 12)]
        return self.words.speech_verbs.search(after) is not None

    def _agentless_passive(self, start: int, subject: Group | None) -> bool:
        """被批評 with no agent: the source is unknown, so nothing is coded."""
        lo = max(subject.end if subject else self.sentence.start, start - 3)
        before = self.shadow[lo:start]
        return before.endswith(self.grammar.passive_markers)

    def _implicit_target(self, trigger: Trigger, start: int, end: int) -> list[Mention]:
        if trigger.target is None:
            return []
        inside = [m for m in self.mentions if start <= m.start and m.end <= end and m.country == trigger.target]
        if inside:
            return inside[:1]
        return [
            Mention(start=start, end=end, text=self.doc.text[start:end], code=trigger.target,
                    country=trigger.target, kind="state", sentence=self.sentence.index)
        ]

    # -- mode and date ---------------------------------------------------------------------------------------------

    def mode(
        self, trigger: Trigger, start: int, end: int, pool: list[Group] | None = None, clause: int | None = None
    ) -> str:
        g = self.grammar
        if clause is None:
            clause = self.clause_of(start)
        clause_start = max(self.clauses[clause][0], start - CONTEXT_CHARS)
        head_start = max(self.clauses[max(0, clause - CONTEXT_CLAUSES)][0], start - CONTEXT_CHARS)
        clause_head = self.shadow[clause_start:start]
        # a threat's content (將採取反制措施, 付出代價) is a threat made now, whatever it is conditioned on; a verb of
        # threatening (將威脅斷交) keeps the mode of its clause
        threat = self.words.threat(trigger)
        words = self.words
        if not threat and words.conditional_any.search(self.shadow, head_start, start) and _outside(
            self.shadow[head_start:start], words.conditional_any, words.conditional
        ):  # (the words alone are searched in place first: most heads hold none)
            return "hypothetical"
        window = self.shadow[max(clause_start, start - g.negation_window) : start]
        here = pool if pool is not None else self.nearby(clause, start)  # (code() has it already)
        prep = next((x for x in here if x.role in ("target", "partner") and 0 <= start - x.end <= 3), None)
        if prep is not None:  # 沒有向烏克蘭提供武器: the negator comes before the prepositional phrase
            window += " " + self.shadow[max(clause_start, prep.start - 1 - g.negation_window) : prep.start - 1]
        if _outside(window, words.negation_any, words.negation) or (
            clause_head and self.words.denial.search(clause_head)
        ):
            return "negated"
        if trigger.args != "directed" and self.shadow.startswith(g.suffix_negation, end):
            return "negated"  # 對話並未恢復
        purpose = clause_head.endswith(g.purpose_prefix) and not clause_head.endswith(g.purpose_exceptions)
        if (clause_head and self.words.speculative.search(clause_head)) or purpose:
            return "hypothetical"
        if trigger.intent or threat:
            return "actual"
        if clause_head and self.words.obligation.search(clause_head):
            return "hypothetical"
        after = self.shadow[end : end + 2]
        if self._planned(clause_head, clause_start):
            return "planned"
        earlier = self.shadow[max(self.sentence.start, start - 20) : start]
        if "再" in self.shadow[start - 1 : start + 1] and "先" in earlier:
            return "planned"  # 先在日本停留2天，再訪問美國: the second leg is still ahead
        if trigger.args != "directed" and self.words.planned_after.search(self.shadow, end, end + 4):
            return "planned"  # 首腦會談即將舉行
        if after.startswith(g.suffix_planned) and not after.startswith(g.suffix_actual):
            return "planned"
        return "actual"

    def _planned(self, clause_head: str, clause_start: int) -> bool:
        g = self.grammar
        if not self.words.planned.search(clause_head):
            return False  # no planned word at all (most clauses): skip the per-word scan
        last_planned = -1
        for word in g.planned:
            if word not in clause_head:
                continue
            for pos in _occurrences(clause_head, word):
                if any(clause_head.startswith(x, pos - x.index(word)) for x in g.planned_exceptions if word in x):
                    continue
                if word == "将" and self._mention_at(clause_start + pos + len(word)):
                    continue  # 將日本視為: 將 is 把 here
                last_planned = max(last_planned, pos)
        if last_planned < 0:
            return False
        last_actual = max((clause_head.rfind(w) for w in g.actual), default=-1)
        return last_planned > last_actual

    def _mention_covers(self, pos: int) -> bool:
        i = bisect_right(self.mention_starts, pos) - 1
        return i >= 0 and self.mentions[i].start <= pos < self.mentions[i].end

    def _mention_at(self, pos: int) -> bool:
        i = bisect_left(self.mention_starts, pos)
        return i < len(self.mention_starts) and self.mention_starts[i] == pos

    def date(self, start: int, end: int) -> tuple[str | None, str | None]:
        """The last date before the trigger in its clause, else the last before it in the sentence, else the first
        after it in its clause (each expression resolved only when it is the one looked at)."""
        if self.dates is None:
            self.dates = LazyDates(self.shadow, self.sentence.start, self.sentence.end, self.doc.date)
            self.date_clauses = [self.clause_of(m.start()) for m in self.dates.matches]
        matches = self.dates.matches
        if not matches:
            return None, None
        clause = self.clause_of(start)
        dates, clauses = self.dates, self.date_clauses
        before = [i for i, m in enumerate(matches) if m.end() <= start]
        for i in reversed(before):  # the last before the trigger in its clause
            if clauses[i] == clause and (chosen := dates.value(i)) is not None:
                return chosen
        for i in reversed(before):  # the last before it in the sentence
            if (chosen := dates.value(i)) is not None:
                return chosen
        for i, m in enumerate(matches):  # the first after it in its clause
            if m.start() >= end and clauses[i] == clause and (chosen := dates.value(i)) is not None:
                return chosen
        return None, None


class _GrammarPatterns:
    """The grammar's word lists compiled once per grammar, and what each trigger is to it (looked up per trigger)."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.suffix_anchor = _word_pattern(grammar.suffix_anchor, ())
        self.about = _word_pattern(("关于", "有关"), ())
        self.home_bodies = _word_pattern(grammar.home_bodies, ())
        self.anaphora = _word_pattern(grammar.anaphora, ())
        self.speech_verbs = _word_pattern(grammar.speech_verbs, ())
        self.denial = _word_pattern(grammar.denial, ())
        self.speculative = _word_pattern(grammar.speculative, ())
        self.obligation = _word_pattern(grammar.obligation, ())
        self.planned_after = _word_pattern(grammar.planned_after, ())
        self.planned = _word_pattern(grammar.planned, ())
        self.conditional_any = _word_pattern(grammar.conditional, ())
        self.conditional = _word_pattern(grammar.conditional, grammar.conditional_exceptions)
        self.negation_any = _word_pattern(grammar.negation, ())
        self.negation = _word_pattern(grammar.negation, grammar.negation_exceptions)
        self.threats: dict[int, tuple[Trigger, bool]] = {}

    def threat(self, trigger: Trigger) -> bool:
        """A threat's content (將採取反制措施, 付出代價) rather than a verb of threatening (將威脅斷交)."""
        hit = self.threats.get(id(trigger))
        if hit is not None and hit[0] is trigger:
            return hit[1]
        g = self.grammar
        value = trigger.root in g.threat_roots and not any(v in trigger.pattern for v in g.threat_verbs)
        if len(self.threats) > 65536:
            self.threats.clear()
        self.threats[id(trigger)] = (trigger, value)  # (the entry holds the trigger: its id is not reused)
        return value


_GRAMMARS: dict[int, _GrammarPatterns] = {}


def _grammar_patterns(grammar: Grammar) -> _GrammarPatterns:
    found = _GRAMMARS.get(id(grammar))
    if found is None or found.grammar is not grammar:
        if len(_GRAMMARS) > 64:
            _GRAMMARS.clear()
        found = _GRAMMARS[id(grammar)] = _GrammarPatterns(grammar)
    return found


_COUNTED = re.compile(r"[一二两三四五六七八九十数几多0-9]+[名艘架个位批辆枚座家条]")
_WISH_TO_MEET = Trigger(pattern="", cameo="036", args="symmetric")


@lru_cache(maxsize=8)
def _break_pattern(breaks: frozenset[str]) -> re.Pattern[str]:
    """The clause-break character class, compiled once per grammar (not once per sentence)."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(breaks)) + "]")


@lru_cache(maxsize=8)
def _quantifier_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern or "(?!)")


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Start offsets of the non-overlapping occurrences of ``word``, left to right (as ``re.finditer`` finds them)."""
    pos = text.find(word)
    while pos >= 0:
        yield pos
        pos = text.find(word, pos + max(len(word), 1))


def _has(text: str, words: tuple[str, ...], exclude: tuple[str, ...] = ()) -> bool:
    """Whether one of ``words`` occurs in ``text`` outside every occurrence of the ``exclude`` words."""
    if not text:
        return False
    pattern = _word_pattern(words, exclude)
    if not exclude:
        return pattern.search(text) is not None  # (the only group is the words: any match is one)
    for m in pattern.finditer(text):
        if m.lastgroup == "w":
            return True
    return False


def _outside(text: str, any_word: re.Pattern[str], pattern: re.Pattern[str]) -> bool:
    """:func:`_has` with its two patterns compiled: the words alone, then the words with their exclusions (most
    texts hold none of the words, and the first search says so at once)."""
    if not text or any_word.search(text) is None:
        return False
    for m in pattern.finditer(text):
        if m.lastgroup == "w":
            return True
    return False


_PATTERNS: dict[tuple[int, int], tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str]]] = {}


def _word_pattern(words: tuple[str, ...], exclude: tuple[str, ...]) -> re.Pattern[str]:
    """The compiled pattern of a word list, found by the identity of the (long-lived, grammar-owned) tuples: hashing
    a tuple of words on every call costs more than the search it serves. The entry holds the tuples, so their ids
    cannot be reused while it is cached."""
    hit = _PATTERNS.get((id(words), id(exclude)))
    if hit is not None and hit[0] is words and hit[1] is exclude:
        return hit[2]
    if len(_PATTERNS) > 1024:
        _PATTERNS.clear()
    pattern = _compile_words(words, exclude)
    _PATTERNS[(id(words), id(exclude))] = (words, exclude, pattern)
    return pattern


@lru_cache(maxsize=256)
def _compile_words(words: tuple[str, ...], exclude: tuple[str, ...]) -> re.Pattern[str]:
    """One regex per word list: exclusions first (so 不斷 is consumed before 不 is tried), longest words first."""
    def alternation(items: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))

    words_re = f"(?P<w>{alternation(words)})"
    if not exclude:
        return re.compile(words_re)  # (re finds the first characters of a plain alternation fast by itself)
    body = f"(?P<x>{alternation(exclude)})|{words_re}"
    if words and all(words) and all(exclude):  # a lookahead on the first characters skips every other position at once
        body = f"(?=[{''.join(re.escape(c) for c in sorted({w[0] for w in words + exclude}))}])(?:{body})"
    return re.compile(body)


def _members(group: Group | None) -> list[Mention]:
    if group is None:
        return []
    if len(group.members) == 1:  # (most groups: nothing to deduplicate)
        return [group.members[0]]
    return _unique(list(group.members))


def _unique(mentions: list[Mention]) -> list[Mention]:
    if len(mentions) <= 1:
        return list(mentions)
    seen: set[str] = set()
    out: list[Mention] = []
    for m in mentions:
        key = m.country or m.code
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _venue(mention: Mention, group: Group | None, trigger_start: int) -> bool:
    """A city right before a meeting word is its venue (廣島峰會), not a participant."""
    return mention.kind == "capital" and group is not None and trigger_start - group.end <= 6


def _same_actor(a: Mention, b: Mention) -> bool:
    if a.country and b.country:
        return a.country == b.country
    return a.code == b.code
