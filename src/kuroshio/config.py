"""One frozen options object: packaged defaults <- user TOML file <- explicit overrides (CLI flags).

The user file is ``./kuroshio.toml`` or the file named by ``$KUROSHIO_CONFIG``; keys are the field names below.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from kuroshio.errors import ConfigError

LANGS = ("auto", "zh-Hant", "zh-Hans", "en")


@dataclass(frozen=True, slots=True)
class Options:
    db: str = "kuroshio.duckdb"
    lang: str = "auto"  # auto | zh-Hant | zh-Hans | en
    date: str | None = None  # publication date used when a document has none (YYYY-MM-DD)
    dictionaries: tuple[str, ...] = ()  # user actor dictionary files, extending/overriding the bundled ones
    max_bytes: int = 50_000_000  # inputs larger than this are refused
    max_pages: int = 500  # PDF pages read per document
    engine: str = "local"  # local | dask
    workers: int | None = None  # default: number of cores
    scheduler: str | None = None  # Dask scheduler address
    stages: tuple[str, ...] = ("normalize", "segment", "actors", "events")

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ConfigError(f"lang must be one of {', '.join(LANGS)}, not {self.lang!r}")
        if self.date is not None and not _is_date(self.date):
            raise ConfigError(f"date must look like YYYY-MM-DD, not {self.date!r}")
        if self.engine not in ("local", "dask"):
            raise ConfigError(f"engine must be local or dask, not {self.engine!r}")

    def with_overrides(self, **overrides: Any) -> Options:
        """A copy with the given fields replaced; ``None`` values mean 'not given' and are ignored."""
        given = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(given) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(f"unknown option(s): {', '.join(sorted(unknown))}")
        for key in ("dictionaries", "stages"):
            if key in given:
                given[key] = tuple(given[key])
        return replace(self, **given)

    def coding_hash(self) -> str:
        """A hash of the options that change what is coded (for run provenance)."""
        keep = {k: v for k, v in asdict(self).items() if k in ("lang", "date", "dictionaries", "stages")}
        return hashlib.sha256(json.dumps(keep, sort_keys=True).encode()).hexdigest()[:16]


def _is_date(value: str) -> bool:
    parts = value.split("-")
    return 1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4


def load_options(path: str | os.PathLike[str] | None = None, **overrides: Any) -> Options:
    """Build the options: defaults, then the user TOML file (if any), then ``overrides``."""
    options = Options()
    if path is None:
        env = os.environ.get("KUROSHIO_CONFIG")
        path = env if env else ("kuroshio.toml" if Path("kuroshio.toml").is_file() else None)
    if path is not None:
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from None
        options = options.with_overrides(**data.get("kuroshio", data))
    if "db" not in overrides or overrides.get("db") is None:
        env_db = os.environ.get("KUROSHIO_DB")
        if env_db:
            overrides["db"] = env_db
    return options.with_overrides(**overrides)
