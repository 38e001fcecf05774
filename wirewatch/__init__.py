"""wirewatch: raw news pages in, sourced event records out.

The public Python API mirrors the command line::

    from wirewatch import extract, ingest, SqliteStore, EventFilter

    for record in extract(["page.html"]):      # ArticleRecord or InputError
        ...
    store = SqliteStore("wirewatch.db")
    ingest(["feeds/"], store)
    for event in store.events(EventFilter(type="AID", country="SOM")):
        ...

The stages live in sub-packages named after them (``sources``, ``articles``, ``nlp``,
``events``, ``merge``, ``store``, ``export``); ``records`` holds the types between them.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["EventFilter", "SqliteStore", "__version__", "extract", "ingest"]


def __getattr__(name: str) -> Any:
    # imported on first use: `import wirewatch.records` stays light (no spaCy)
    if name in ("extract", "ingest"):
        from wirewatch import api

        return getattr(api, name)
    if name in ("SqliteStore", "EventFilter"):
        from wirewatch import store

        return getattr(store, name)
    raise AttributeError(f"module 'wirewatch' has no attribute {name!r}")
