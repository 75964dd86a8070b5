#!/usr/bin/env python3
"""releasewatch: thin entry point. See `python bot.py --help`."""

import sys

from releasewatch.cli import main

if __name__ == "__main__":
    sys.exit(main())
