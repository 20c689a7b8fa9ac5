"""Documentation stays true: every CLI command has help and a section in docs/cli.md; README's commands exist."""

import re
from pathlib import Path

import pytest

from kuroshio.cli import app

REPO = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_contract_commands_exist():
    assert {"doc", "code", "ingest", "events", "actors", "eval"} <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_a_docs_section(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    assert f"## kuroshio {command}\n" in (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


def test_readme_quick_start_is_two_make_commands_that_exist():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(make \w+)$", quick, flags=re.M)
    assert commands == ["make demo", "make test"]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for command in commands:
        assert re.search(rf"^{command.split()[1]}:", makefile, flags=re.M)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
