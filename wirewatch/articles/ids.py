"""Stable identifiers: the same content always gets the same id."""

from __future__ import annotations

import hashlib


def stable_id(*parts: str | None, length: int = 16) -> str:
    digest = hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def article_id(title: str | None, body: str) -> str:
    return stable_id("article", " ".join((title or "").split()), " ".join(body.split()))
