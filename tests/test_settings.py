"""Settings: one table, validated, documented in the README, token never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from releasewatch.errors import ConfigError
from releasewatch.settings import SPECS, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_defaults():
    s = load_settings(env={})
    assert (
        s.poll_interval_min == 10
        and s.telegram_token == ""
        and s.db_path.endswith("releasewatch.db")
    )
    assert s.telegram_api_base == "https://api.telegram.org"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"RELEASEWATCH_POLL_INTERVAL": "0"}, "RELEASEWATCH_POLL_INTERVAL"),
        ({"RELEASEWATCH_POLL_INTERVAL": "ten"}, "whole number"),
        ({"TELEGRAM_ADMIN_IDS": "12,abc"}, "TELEGRAM_ADMIN_IDS"),
        ({"TELEGRAM_API_BASE": "ftp://x"}, "http"),
        ({"RELEASEWATCH_LOG_FORMAT": "xml"}, "kv, json"),
        ({"TELEGRAM_BOT_TOKEN": "1:abc"}, "TELEGRAM_CHAT_ID"),
    ],
)
def test_invalid_values_name_the_variable(env, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(env=env)


def test_admin_ids_and_admin_chat_default():
    s = load_settings(env={"TELEGRAM_ADMIN_IDS": "11, 22"})
    assert s.telegram_admin_ids == (11, 22) and s.admin_chat == "11"


def test_token_is_never_in_repr():
    s = load_settings(env={"TELEGRAM_BOT_TOKEN": "123456:SECRETSECRET", "TELEGRAM_CHAT_ID": "@c"})
    assert "SECRET" not in repr(s)


def test_token_file_must_be_private(tmp_path):
    f = tmp_path / "token"
    f.write_text("123:abc\n")
    f.chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_settings(env={"TELEGRAM_BOT_TOKEN_FILE": str(f), "TELEGRAM_CHAT_ID": "@c"})
    f.chmod(0o600)
    assert (
        load_settings(
            env={"TELEGRAM_BOT_TOKEN_FILE": str(f), "TELEGRAM_CHAT_ID": "@c"}
        ).telegram_token
        == "123:abc"
    )


def test_every_setting_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for spec in SPECS.values():
        assert f"`{spec.env}`" in readme, f"{spec.env} missing from README configuration table"
