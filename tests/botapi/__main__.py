"""Run the Telegram Bot API stand-in as a process.

Usage::

    python -m tests.botapi --port 0 --token 123:ABC [--control-port 0] [--no-default-channel]
                           [--rate-limit] [--user 42:Admin]

First stdout line: the root URL (``http://127.0.0.1:PORT``).  Second line: JSON
with ``url``, ``base_url``, ``base_file_url``, ``control_url`` and ``token``.
The process runs until SIGTERM/SIGINT or ``POST {control_url}/shutdown``.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from types import FrameType

from .standin import DEFAULT_TOKEN, StandIn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.botapi", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="API port (0 = any free port)")
    parser.add_argument(
        "--control-port",
        type=int,
        default=0,
        help="separate control port that stays up during down() (0 = any free port)",
    )
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument(
        "--no-default-channel", action="store_true", help="don't register @releasewatch_test"
    )
    parser.add_argument(
        "--rate-limit", action="store_true", help="enable Telegram's flood limits from the start"
    )
    parser.add_argument(
        "--user",
        action="append",
        default=[],
        metavar="ID[:NAME]",
        help="register a user (repeatable)",
    )
    args = parser.parse_args(argv)

    standin = StandIn(
        args.token,
        host=args.host,
        port=args.port,
        control_port=args.control_port,
        default_channel=not args.no_default_channel,
    )
    for spec in args.user:
        user_id, _, name = spec.partition(":")
        standin.add_user(int(user_id), name or "Test")
    if args.rate_limit:
        standin.set_rate_limit()
    standin.start()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        standin.shutdown()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    print(standin.url, flush=True)
    print(json.dumps(standin.info()), flush=True)
    try:
        while not standin._stopping.wait(0.2):
            pass
    finally:
        standin.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
