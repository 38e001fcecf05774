"""Rebuild the shipped gazetteer file, ``wirewatch/knowledge/gazetteer.sqlite``.

    python scripts/build_gazetteer.py            # rewrite the file from the installed libraries
    python scripts/build_gazetteer.py --check    # exit 1 when the shipped file is stale

See ``wirewatch.gazetteer_build`` for what goes in and where it comes from.
"""

from __future__ import annotations

import sys

from wirewatch.gazetteer_build import main

if __name__ == "__main__":
    sys.exit(main())
