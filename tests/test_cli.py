"""CLI: every command has help text; usage errors exit 2 with one line."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from releasewatch.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent


def _subcommands(parser: argparse.ArgumentParser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield (*prefix, name), helps.get(name), sub
                yield from _subcommands(sub, (*prefix, name))


def test_every_command_has_help_text():
    found = list(_subcommands(build_parser()))
    names = {" ".join(path) for path, _, _ in found}
    assert {
        "run",
        "once",
        "demo",
        "match",
        "feeds add",
        "feeds list",
        "feeds remove",
        "feeds import",
        "feeds export",
        "rules add",
        "rules test",
        "health",
        "backup",
    } <= names
    for path, help_text, _ in found:
        assert help_text and len(help_text) >= 8, f"{' '.join(path)} has no help"


def test_usage_error_exits_2_with_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["feeds", "add"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "url" in err[0]


def test_bad_url_is_a_usage_error_and_adds_nothing(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "feeds", "add", "not a url"]) == 2
    assert main(["--db", db, "feeds", "add", "file:///etc/passwd"]) == 2
    assert main(["--db", db, "feeds", "list", "--json"]) == 0
    assert capsys.readouterr().out == ""


def test_unknown_id_is_a_runtime_error(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "x.db"), "feeds", "remove", "42"]) == 1
    assert "no feed with id 42" in capsys.readouterr().err


def test_bot_py_help_runs_as_a_script():
    out = subprocess.run(
        [sys.executable, "bot.py", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "match" in out and "once" in out
