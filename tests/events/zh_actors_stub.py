"""A small, fixed actor recognizer for the event-coder tests.

The golden cases test the event coder, not the actor dictionary (which has its own tests and changes on its own), so
they get their mentions from this stub: a gazetteer of names, compounds of state abbreviations (美日韓, 日韓) with one
mention per member, single abbreviations after a preposition or a visit verb (對台, 訪日), and plural coreference
(兩國, 雙方) resolved to the two states named last.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kuroshio.config import Options
from kuroshio.model import Document, Mention
from kuroshio.normalize import normalize_document
from kuroshio.normalize.script import to_simplified
from kuroshio.segment import segment_document

CAPITALS = {
    "首尔": "KOR", "平壤": "PRK", "东京": "JPN", "华府": "USA", "华盛顿": "USA", "北京": "CHN", "台北": "TWN",
    "莫斯科": "RUS", "基辅": "UKR", "马尼拉": "PHL", "伦敦": "GBR", "巴黎": "FRA", "柏林": "DEU", "新德里": "IND",
    "河内": "VNM", "德黑兰": "IRN", "广岛": "JPN", "大阪": "JPN", "釜山": "KOR", "上海": "CHN", "金边": "KHM",
}
STATES = {
    "KOR": "韩国 南韩 韩方 首尔 青瓦台 大韩民国",
    "PRK": "北韩 朝鲜 朝方 平壤 北韩方面 朝鲜方面",
    "JPN": "日本 日方 东京 日本政府",
    "USA": "美国 美方 华府 华盛顿 白宫 美国政府",
    "CHN": "中国 中方 北京 中共 中国大陆 中华人民共和国",
    "TWN": "台湾 台湾方面 台北 中华民国 台岛",
    "RUS": "俄罗斯 俄方 莫斯科 克里姆林宫",
    "UKR": "乌克兰 基辅",
    "PHL": "菲律宾 马尼拉",
    "AUS": "澳大利亚 澳洲",
    "GBR": "英国 伦敦",
    "FRA": "法国 巴黎",
    "DEU": "德国 柏林",
    "IND": "印度 新德里",
    "VNM": "越南 河内",
    "IRN": "伊朗 德黑兰",
    "ISR": "以色列",
    "MNG": "蒙古",
    "PRY": "巴拉圭",
}
PEOPLE = {
    "KORGOV": "李在明 尹锡悦 赵兑烈 朴振 韩国总统 韩国外长",
    "JPNGOV": "石破茂 石破 高市早苗 高市 岸田文雄 岸田 茂木敏充 林芳正 日本首相 日相 日本外相",
    "USAGOV": "川普 特朗普 拜登 卢比奥 布林肯 美国总统 美国国务卿",
    "PRKGOV": "金正恩 金与正 崔善姬 朝鲜外务省",
    "CHNGOV": "习近平 李强 王毅 毛宁 林剑 中国外交部",
    "RUSGOV": "普京 普廷 拉夫罗夫 俄罗斯总统",
    "TWNGOV": "赖清德 林佳龙 台湾外交部 陆委会 总统府",
    "UKRGOV": "泽连斯基",
    "CHNMIL": "解放军 共军 共机 共舰 东部战区 南部战区 中共军机 中国海警",
    "USAMIL": "驻韩美军 美军 驻日美军 印太司令部",
    "JPNMIL": "自卫队",
    "KORMIL": "韩军 韩国军方",
    "RUSMIL": "俄军",
    "PRKMIL": "朝鲜人民军 北韩军方",
    "TWNMIL": "国军",
    "KORCVL": "韩国民众 韩国市民",
    "TWNCVL": "台湾民众",
    "JPNCVL": "日本民众",
}
ABBREVIATIONS = {"美": "USA", "日": "JPN", "韩": "KOR", "中": "CHN", "朝": "PRK", "俄": "RUS", "台": "TWN", "华": "CHN",
                 "乌": "UKR", "菲": "PHL", "澳": "AUS", "英": "GBR", "法": "FRA", "德": "DEU"}
COREF = ("两国", "双方", "两国领导人", "两国领袖", "三国", "彼此")
# A single abbreviation counts when one of these comes right before it (對台, 訪日, 赴美, 與韓).
SINGLE_AFTER = "对向与和同访赴驻抵跟"


@cache
def _names() -> list[tuple[str, str, str, str]]:
    rows = [(name, code, code, "state") for code, names in STATES.items() for name in names.split()
            if name not in CAPITALS]
    rows += [(name, code, code, "capital") for name, code in CAPITALS.items()]
    rows += [(name, code, code[:3], "person") for code, names in PEOPLE.items() for name in names.split()]
    return sorted(rows, key=lambda r: -len(r[0]))


@cache
def _pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n, *_ in _names())
    abbr = "".join(ABBREVIATIONS)
    coref = "|".join(sorted(COREF, key=len, reverse=True))
    return re.compile(
        f"(?P<name>{names})|(?P<compound>[{abbr}]{{2,4}})(?![洲部央心文语国])"
        f"|(?<=[{SINGLE_AFTER}])(?P<single>[{abbr}])|(?P<coref>{coref})"
    )


def mentions_of(text: str) -> list[Mention]:
    """The stub's mentions of ``text`` (any script)."""
    shadow = to_simplified(text)
    table = {n: (c, k, kind) for n, c, k, kind in _names()}
    found: list[Mention] = []
    recent: list[str] = []
    for m in _pattern().finditer(shadow):
        s, e = m.span()
        if m.group("name"):
            code, country, kind = table[m.group("name")]
            found.append(Mention(s, e, text[s:e], code, country, kind))
            recent = [c for c in recent if c != country] + [country]
        elif m.group("compound"):
            codes = [ABBREVIATIONS[c] for c in m.group("compound")]
            if len(set(codes)) != len(codes):
                continue
            for i, code in enumerate(codes):
                found.append(Mention(s + i, s + i + 1, text[s + i], code, code, "state", members=tuple(codes)))
                recent = [c for c in recent if c != code] + [code]
        elif m.group("single"):
            code = ABBREVIATIONS[m.group("single")]
            found.append(Mention(s, e, text[s:e], code, code, "state"))
            recent = [c for c in recent if c != code] + [code]
        elif m.group("coref") and len(recent) >= 2:
            n = 3 if m.group("coref") == "三国" and len(recent) >= 3 else 2
            members = tuple(recent[-n:])
            for code in members:
                found.append(Mention(s, e, text[s:e], code, code, "coref", members=members))
    return found


def prepare(text: str, *, date: str | None = "2025-08-23", doc_id: str = "case") -> Document:
    """A normalized, segmented document with the stub's mentions, ready for the events stage."""
    doc = Document(id=doc_id, text=text, date=date)
    options = Options()
    doc = segment_document(normalize_document(doc, options), options)
    mentions = mentions_of(text)
    with_sentence = []
    for m in mentions:
        index = next((s.index for s in doc.sentences if s.start <= m.start < s.end), -1)
        with_sentence.append(replace(m, sentence=index))
    return replace(doc, mentions=tuple(with_sentence))
