"""The explorer: a read-only HTTP API and web pages over a store (`wirewatch serve`)."""

from wirewatch.web.app import create_app, serve

__all__ = ["create_app", "serve"]
