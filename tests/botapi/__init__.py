"""A local stand-in for the Telegram Bot API, for tests.

See :mod:`tests.botapi.standin` for the full documentation and a usage example.
"""

from .standin import (
    DEFAULT_CHANNEL_ID,
    DEFAULT_CHANNEL_USERNAME,
    DEFAULT_TOKEN,
    ApiError,
    Call,
    HtmlParseError,
    Post,
    RemoteStandIn,
    StandIn,
    parse_html,
    run_standin,
    run_standin_process,
    utf16_len,
)

__all__ = [
    "DEFAULT_CHANNEL_ID",
    "DEFAULT_CHANNEL_USERNAME",
    "DEFAULT_TOKEN",
    "ApiError",
    "Call",
    "HtmlParseError",
    "Post",
    "RemoteStandIn",
    "StandIn",
    "parse_html",
    "run_standin",
    "run_standin_process",
    "utf16_len",
]
