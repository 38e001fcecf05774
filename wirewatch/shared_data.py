"""Where the shared evaluation and training material lives.

Evaluation gates, benchmarks and knowledge-building scripts read it from
``../shared/data`` beside the project, or from ``$WIREWATCH_SHARED`` when set.
Nothing in the engine itself depends on it.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "WIREWATCH_SHARED"


def shared_root() -> Path:
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under the shared folder; raises FileNotFoundError naming it when absent."""
    path = shared_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"shared material not found: {path} (set {ENV_VAR} to the folder holding "
            "data/, acceptance/ and seed/)"
        )
    return path
