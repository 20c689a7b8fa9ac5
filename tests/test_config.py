import pytest

from kuroshio.config import Options, load_options
from kuroshio.errors import ConfigError


def test_defaults_then_file_then_overrides(tmp_path, monkeypatch):
    monkeypatch.delenv("KUROSHIO_DB", raising=False)
    config = tmp_path / "kuroshio.toml"
    config.write_text('db = "from-file.duckdb"\nlang = "zh-Hant"\n', encoding="utf-8")
    options = load_options(config, lang="en")
    assert options.db == "from-file.duckdb"  # file beats default
    assert options.lang == "en"  # flag beats file


def test_env_db_used_when_no_flag(monkeypatch):
    monkeypatch.setenv("KUROSHIO_DB", "/tmp/env.duckdb")
    assert load_options(None).db == "/tmp/env.duckdb"
    assert load_options(None, db="flag.duckdb").db == "flag.duckdb"


@pytest.mark.parametrize("bad", [{"lang": "fr"}, {"date": "20 Aug"}, {"engine": "spark"}, {"nonsense": 1}])
def test_bad_options_are_config_errors(bad):
    with pytest.raises(ConfigError):
        Options().with_overrides(**bad)


def test_options_are_frozen():
    with pytest.raises(AttributeError):
        Options().lang = "en"  # type: ignore[misc]


def test_coding_hash_tracks_what_changes_coding():
    base = Options()
    assert base.coding_hash() == base.with_overrides(db="other.duckdb").coding_hash()
    assert base.coding_hash() != base.with_overrides(lang="en").coding_hash()
