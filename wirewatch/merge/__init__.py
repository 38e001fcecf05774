"""Merging: event mentions into events, articles into stories."""

from wirewatch.merge.keys import (
    STORY_SIMILARITY,
    event_key,
    fingerprint,
    has_parties,
    similarity,
)

__all__ = ["STORY_SIMILARITY", "event_key", "fingerprint", "has_parties", "similarity"]
