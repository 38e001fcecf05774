"""Errors, in one place.

``InputError`` is a value, not an exception: readers yield it for a bad input and the
batch goes on. ``WirewatchError`` stops a command with a one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InputError:
    """A document or input that could not be read, and why."""

    input: str
    reason: str

    def __str__(self) -> str:
        return f"wirewatch: skipped {self.input}: {self.reason}"


class WirewatchError(Exception):
    """A failure that ends a command: bad arguments, an unusable store, a missing model."""
