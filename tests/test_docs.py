"""The README stays true: its quickstart, and every bot command with its help line."""

from __future__ import annotations

import re
from pathlib import Path

from tgbot.commands import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quickstart_is_exactly_two_commands():
    block = README.split("## Quickstart", 1)[1].split("```", 2)[1]
    assert [line for line in block.splitlines() if line.strip()] == ["make demo", "make test"]


def test_ci_runs_the_readme_test_command():
    assert re.search(r"^make test$", (ROOT / ".ci/run").read_text(), re.MULTILINE)


def test_every_bot_command_is_documented():
    for cmd in COMMANDS.values():
        assert f"| `{cmd.usage}` | {cmd.summary} |" in README, cmd.name
