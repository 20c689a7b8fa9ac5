"""Actor recognition speed: MB of text per second on one core, for Traditional, Simplified and English text.

Texts are the generated benchmark corpus (``gen_corpus.documents``) and, when ``../shared/eval/dev`` is present, the
dev corpus, each repeated to the requested size. Documents are normalized and segmented outside the timing; only
``recognize_actors`` is timed (the dictionary is loaded and its automata built once, before, and reported apart).

    python benchmarks/bench_actors.py [--mb 10] [--no-append]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import documents  # noqa: E402
from results import append_results  # noqa: E402

from kuroshio.actors import recognize_actors  # noqa: E402
from kuroshio.actors.dictionary import load_dictionary  # noqa: E402
from kuroshio.config import Options  # noqa: E402
from kuroshio.model import Document  # noqa: E402
from kuroshio.normalize import normalize_document  # noqa: E402
from kuroshio.segment import segment_document  # noqa: E402

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "dev" / "corpus.jsonl"


def dev_texts() -> dict[str, list[str]]:
    by_lang: dict[str, list[str]] = {"zh-Hant": [], "zh-Hans": [], "en": []}
    if DEV.is_file():
        for line in DEV.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for lang in by_lang:
                if f"_{lang}_" in record["id"]:
                    by_lang[lang].append(record["text"])
    return by_lang


def prepared(texts: list[str], megabytes: float, options: Options) -> tuple[list[Document], int]:
    docs, size = [], 0
    for i, text in enumerate(itertools.cycle(texts)):
        if size >= megabytes * 1e6:
            break
        doc = Document(id=str(i), text=text, date="2025-09-01", blocks=())
        docs.append(segment_document(normalize_document(doc, options), options))
        size += len(text.encode("utf-8"))
    return docs, size


def rate(docs: list[Document], size: int, options: Options) -> tuple[float, float, int]:
    """(MB/s of CPU time, MB/s of wall time, mentions): CPU time is what one core does on a busy machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    mentions = sum(len(recognize_actors(doc, options).mentions) for doc in docs)
    return size / 1e6 / (time.process_time() - cpu), size / 1e6 / (time.perf_counter() - wall), mentions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="MB of text per language (default 10)")
    parser.add_argument("--no-append", action="store_true", help="print only; do not append to RESULTS.md")
    args = parser.parse_args(argv)
    options = Options()
    start = time.perf_counter()
    dictionary = load_dictionary(())
    _ = dictionary.zh_automaton, dictionary.en_automaton
    load = time.perf_counter() - start
    generated = documents("zh", seed=1), documents("en", seed=1)
    gen_zh = [d["text"] for d in itertools.islice(generated[0], 200)]
    gen_en = [d["text"] for d in itertools.islice(generated[1], 200)]
    dev = dev_texts()
    sets = {
        "generated zh-Hant": gen_zh,
        "generated en": gen_en,
        "dev zh-Hant": dev["zh-Hant"],
        "dev zh-Hans": dev["zh-Hans"],
        "dev en": dev["en"],
    }
    rows = [("dictionary load + automata", f"{load:.2f} s ({len(dictionary.entries)} entries, "
             f"{len(dictionary.zh_patterns)} zh + {len(dictionary.en_patterns)} en patterns)")]
    for name, texts in sets.items():
        if not texts:
            continue
        docs, size = prepared(texts, args.mb, options)
        cpu, wall, mentions = rate(docs, size, options)
        rows.append((f"{name} ({size / 1e6:.1f} MB, {len(docs)} docs)",
                     f"{cpu:.1f} MB/s CPU ({wall:.1f} MB/s wall), {mentions} mentions"))
    for name, value in rows:
        print(f"{name:45s} {value}")
    if not args.no_append:
        append_results("bench_actors.py", rows, notes="One process (one core); recognize_actors only, after "
                       "normalize and segment; MB/s of CPU time (process_time) and of wall time; target >= 5 MB/s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
