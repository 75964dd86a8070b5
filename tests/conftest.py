# --- feed server fixtures (watchers package; keep this block self-contained) ---------
from collections.abc import Iterator

import pytest

try:  # `python -m pytest` from the repo root; plain `pytest` puts tests/ itself on sys.path
    from tests.feedserver import FeedServer
except ImportError:  # pragma: no cover
    from feedserver import FeedServer  # type: ignore[no-redef]


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A real HTTP server on 127.0.0.1 (free port); see tests/feedserver.py for the API."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


# --- end of feed server fixtures --------------------------------------------------------


# --- Telegram Bot API stand-in (tests/botapi) -------------------------------------------
try:
    from tests.botapi import run_standin
except ImportError:  # pragma: no cover
    from botapi import run_standin  # type: ignore[no-redef]


@pytest.fixture
def telegram_standin():
    """A local Bot API stand-in on 127.0.0.1; see tests/botapi/standin.py for the control API."""
    with run_standin() as tg:  # registers the channel @releasewatch_test / -1001234567890
        yield tg
