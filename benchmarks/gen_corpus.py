"""Generate a JSONL corpus of a given size for the benchmarks (DESIGN.md §2 records: id, text, date, lang).

Paragraphs come from the project's own sample texts (``examples/samples/``); when there are none (or too few of a
language) sentences are generated from templates written for this script. Documents are shuffled recombinations,
so every document has its own content (and id) and the corpus can be scaled to any size.

    python benchmarks/gen_corpus.py --mb 100 --out benchmarks/data/corpus.jsonl [--lang mixed|zh|en] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "samples"

# Template vocabulary (our own; facts only: state names, capitals, offices).
ZH_STATES = [
    ("日本", "東京"), ("韓國", "首爾"), ("南韓", "首爾"), ("美國", "華盛頓"), ("中國", "北京"), ("北韓", "平壤"),
    ("台灣", "台北"), ("俄羅斯", "莫斯科"), ("菲律賓", "馬尼拉"), ("越南", "河內"),
    ("澳洲", "坎培拉"), ("印度", "新德里"),
]
ZH_ROLES = ["", "政府", "外交部", "國防部", "總統", "總理", "外長", "軍方", "海警", "國會"]
ZH_VERBS = [
    "會見了{t}代表團", "批評{t}的軍事演習", "譴責{t}試射飛彈", "訪問{t}並舉行會談", "與{t}簽署經濟合作協議",
    "向{t}提出抗議", "威脅對{t}實施制裁", "宣布向{t}提供人道援助", "呼籲{t}恢復對話", "拒絕{t}的要求",
    "將於下月訪問{t}", "否認曾與{t}秘密接觸", "對{t}表示感謝", "同意與{t}舉行峰會", "指責{t}侵犯領空",
]
ZH_TIMES = ["昨天", "週一", "本月初", "上週", "今天上午", "三日", "日前"]
EN_STATES = [
    ("Japan", "Tokyo"), ("South Korea", "Seoul"), ("the United States", "Washington"), ("China", "Beijing"),
    ("North Korea", "Pyongyang"), ("Taiwan", "Taipei"), ("Russia", "Moscow"), ("the Philippines", "Manila"),
    ("Vietnam", "Hanoi"), ("Australia", "Canberra"), ("India", "New Delhi"),
]
EN_ROLES = ["", "the government of ", "the foreign ministry of ", "the defence ministry of ", "the president of ",
            "the prime minister of ", "the navy of "]
EN_VERBS = [
    "met a delegation from {t}", "criticized the military drills of {t}", "condemned the missile test by {t}",
    "visited {t} for talks", "signed an economic agreement with {t}", "protested to {t}",
    "threatened sanctions against {t}", "announced humanitarian aid to {t}", "urged {t} to resume dialogue",
    "rejected the demands of {t}", "will visit {t} next month", "denied secret contacts with {t}",
    "thanked {t}", "agreed to hold a summit with {t}", "accused {t} of violating its airspace",
]
EN_TIMES = ["on Monday", "yesterday", "earlier this month", "last week", "on Tuesday morning", "this week"]


def zh_sentence(rng: random.Random) -> str:
    (a, city), (b, _) = rng.sample(ZH_STATES, 2)
    return f"{a}{rng.choice(ZH_ROLES)}{rng.choice(ZH_TIMES)}在{city}{rng.choice(ZH_VERBS).format(t=b)}。"


def en_sentence(rng: random.Random) -> str:
    (a, city), (b, _) = rng.sample(EN_STATES, 2)
    role = rng.choice(EN_ROLES)
    actor = f"{role}{a}" if role else a
    actor = actor[0].upper() + actor[1:]
    return f"{actor} {rng.choice(EN_VERBS).format(t=b)} in {city} {rng.choice(EN_TIMES)}."


_CJK = re.compile(r"[\u4e00-\u9fff]")


def sample_paragraphs(samples: Path = SAMPLES) -> dict[str, list[str]]:
    """Paragraphs of the sample texts (.txt, .md, .jsonl 'text' fields), by language (zh or en)."""
    found: dict[str, list[str]] = {"zh": [], "en": []}
    if not samples.is_dir():
        return found
    for path in sorted(samples.rglob("*")):
        texts: list[str] = []
        if path.suffix in (".txt", ".md"):
            texts = [path.read_text(encoding="utf-8", errors="replace")]
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and isinstance(record.get("text"), str):
                    texts.append(record["text"])
        for text in texts:
            for para in re.split(r"\n\s*\n", text):
                para = " ".join(para.split()) if not _CJK.search(para) else "".join(para.split())
                if len(para) >= 20:
                    found["zh" if len(_CJK.findall(para)) > len(para) / 4 else "en"].append(para)
    return found


def paragraphs(lang: str, rng: random.Random, pool: dict[str, list[str]]) -> Iterator[str]:
    """Endless paragraphs of one language: sample paragraphs, or generated ones when there are too few."""
    own = pool.get(lang, [])
    make = zh_sentence if lang == "zh" else en_sentence
    sep = "" if lang == "zh" else " "
    while True:
        if len(own) >= 5 and rng.random() < 0.7:
            yield rng.choice(own)
        else:
            yield sep.join(make(rng) for _ in range(rng.randint(2, 6)))


def documents(lang: str = "mixed", seed: int = 1, samples: Path = SAMPLES) -> Iterator[dict[str, str]]:
    """Endless corpus records; ``lang`` is zh, en or mixed (alternating)."""
    rng = random.Random(seed)
    pool = sample_paragraphs(samples)
    streams = {code: paragraphs(code, rng, pool) for code in ("zh", "en")}
    number = 0
    while True:
        code = lang if lang in ("zh", "en") else ("zh", "en")[number % 2]
        text = "\n\n".join(next(streams[code]) for _ in range(rng.randint(3, 8)))
        date = f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield {"id": f"bench-{seed}-{number}", "date": date, "text": text}
        number += 1


def write_corpus(out: Path, megabytes: float, *, lang: str = "mixed", seed: int = 1) -> int:
    """Write about ``megabytes`` MB of records to ``out``; returns the number of documents."""
    out.parent.mkdir(parents=True, exist_ok=True)
    limit = int(megabytes * 1_000_000)
    written = 0
    count = 0
    with open(out, "w", encoding="utf-8") as fh:
        for record in documents(lang, seed):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            count += 1
            if written >= limit:
                break
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100.0, help="corpus size in MB (default 100)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "data" / "corpus.jsonl")
    parser.add_argument("--lang", choices=("mixed", "zh", "en"), default="mixed")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    count = write_corpus(args.out, args.mb, lang=args.lang, seed=args.seed)
    sys.stderr.write(f"{count} documents, {args.out.stat().st_size / 1e6:.1f} MB -> {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
