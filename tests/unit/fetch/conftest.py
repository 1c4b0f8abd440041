"""Fixtures for the fetch tests: see localserver.py."""

from localserver import fetcher, server, settings, sleeps

__all__ = ["fetcher", "server", "settings", "sleeps"]
