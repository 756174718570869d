"""Run the ``aistress`` command line as ``python -m aistress``."""

from __future__ import annotations

import sys

from aistress.cli import main

if __name__ == "__main__":
    sys.exit(main())
