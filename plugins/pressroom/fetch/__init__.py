"""HTTP fetching and file-backed sources: `Fetcher.get(url, source=...) -> FetchResult`."""

from pressroom.fetch.fetcher import Fetcher

__all__ = ["Fetcher"]
