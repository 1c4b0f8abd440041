"""load_sources(): the shipped list is valid; bad entries fail with a message naming source and field."""

from __future__ import annotations

from datetime import date

import pytest

from pressroom.sources import Source, SourceConfigError, get_source, load_sources


def write(tmp_path, text: str):
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_sources_are_valid_and_only_the_bundle_is_enabled(monkeypatch):
    monkeypatch.delenv("PRESSROOM_ENABLE_SOURCES", raising=False)
    sources = load_sources()

    assert [s.name for s in sources if s.enabled] == ["oir_releases_bundle"]
    bundle = get_source("oir_releases_bundle")
    assert (bundle.kind, bundle.path, bundle.official) == ("local", "samples/oir-releases", True)
    web = [s for s in sources if s.kind not in ("local", "warc")]
    assert web and all(not s.allow_private and s.delay >= 1 for s in web)
    assert {s.language for s in sources} <= {"en", "ar", "ckb"}


def test_env_var_enables_named_or_all_sources(monkeypatch):
    web = [s.name for s in load_sources() if not s.enabled]
    monkeypatch.setenv("PRESSROOM_ENABLE_SOURCES", web[0])
    assert [s.name for s in load_sources() if s.enabled] == ["oir_releases_bundle", web[0]]
    monkeypatch.setenv("PRESSROOM_ENABLE_SOURCES", "all")
    assert all(s.enabled for s in load_sources())


def test_full_entry_is_parsed(tmp_path):
    path = write(
        tmp_path,
        """
sources:
  - name: centcom_archive
    kind: archive
    archive_url: "https://www.centcom.mil/MEDIA/PRESS-RELEASES/?Page={page}"
    allow: ['/Press-Release-View/Article/\\d+/']
    official: true
    enabled: false
    backfill_until: 2014-08-01
    delay: 5
    schedule: "@daily"
""",
    )
    [src] = load_sources(path)

    assert src == Source(
        name="centcom_archive",
        kind="archive",
        archive_url="https://www.centcom.mil/MEDIA/PRESS-RELEASES/?Page={page}",
        allow=(r"/Press-Release-View/Article/\d+/",),
        official=True,
        enabled=False,
        backfill_until=date(2014, 8, 1),
        delay=5,
        schedule="@daily",
    )
    assert src.allows("https://www.centcom.mil/MEDIA/PRESS-RELEASES/Press-Release-View/Article/123/x/")
    assert not src.allows("https://www.centcom.mil/About/")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{name: Bad-Name, kind: urls, start_urls: ['https://a.example/']}", "must match [a-z0-9_]+"),
        ("{name: s, kind: ftp, start_urls: ['https://a.example/']}", "kind 'ftp'"),
        ("{name: s, kind: rss}", "needs start_urls"),
        ("{name: s, kind: local}", "needs a path"),
        ("{name: s, kind: rss, start_urls: ['a.example/feed']}", "not an absolute http(s) URL"),
        ("{name: s, kind: rss, start_urls: ['https://a.example/'], allow: ['(']}", "bad regex"),
        ("{name: s, kind: rss, start_urls: ['https://a.example/'], max_pages: 0}", "max_pages"),
        ("{name: s, kind: rss, start_urls: ['https://a.example/'], delay: -1}", "delay"),
        ("{name: s, kind: rss, start_urls: ['https://a.example/'], schedule: 'hourly'}", "schedule"),
        ("{name: s, kind: rss, start_urls: ['https://a.example/'], enabled: 'yes please'}", "enabled"),
        (
            "{name: s, kind: rss, start_urls: ['https://a.example/'], colour: blue}",
            "unknown field(s): colour",
        ),
        ("{name: s, kind: archive, archive_url: 'https://a.example/p'}", "{page}"),
        ("{name: s, kind: archive, start_urls: ['https://a.example/']}", "needs archive_url"),
        (
            "{name: s, kind: rss, start_urls: ['https://a.example/'], archive_url: 'https://a.example/{page}'}",
            "only used by kind archive",
        ),
        ("{name: s, kind: rss, start_urls: ['https://a.example/'], language: English}", "language"),
    ],
)
def test_invalid_entries_name_source_and_field(tmp_path, entry, message):
    path = write(tmp_path, f"sources:\n  - {entry}\n")

    with pytest.raises(SourceConfigError) as error:
        load_sources(path)

    assert message in str(error.value) and str(path) in str(error.value)


def test_duplicate_names_are_refused(tmp_path):
    entry = "{name: s, kind: urls, start_urls: ['https://a.example/']}"
    with pytest.raises(SourceConfigError, match="duplicate source names: s"):
        load_sources(write(tmp_path, f"sources:\n  - {entry}\n  - {entry}\n"))


def test_unreadable_file(tmp_path):
    with pytest.raises(SourceConfigError, match="cannot read"):
        load_sources(tmp_path / "missing.yaml")
    with pytest.raises(SourceConfigError, match="top-level 'sources:' list"):
        load_sources(write(tmp_path, "- name: s\n"))


def test_unknown_source_name():
    with pytest.raises(SourceConfigError, match="no source named 'nope'"):
        get_source("nope")


@pytest.mark.parametrize(
    ("name", "url", "allowed"),
    [
        (
            "centcom_releases",
            "https://www.centcom.mil/MEDIA/PRESS-RELEASES/Press-Release-View/Article/3001234/centcom-strikes/",
            True,
        ),
        ("centcom_releases", "https://www.centcom.mil/ABOUT-US/", False),
        (
            "dod_releases",
            "https://www.defense.gov/News/Releases/Release/Article/1250324/inherent-resolve-strikes/",
            True,
        ),
        ("dod_releases", "https://www.war.gov/News/Releases/Release/Article/4301234/statement/", True),
        ("dod_releases", "https://www.defense.gov/News/Contracts/Contract/Article/4301234/", False),
        (
            "dod_news",
            "https://www.defense.gov/News/News-Stories/Article/Article/604239/airstrikes-continue-against-isil/",
            True,
        ),
        (
            "oir_releases",
            "https://www.inherentresolve.mil/NEWSROOM/SOJTF-Releases/Article/3154425/coalition-welcomes-new-command-team/",
            True,
        ),
        ("rudaw_english", "https://www.rudaw.net/english/middleeast/iraq/260820204", True),
        ("rudaw_english", "https://www.rudaw.net/english/kurdistan/04062025", True),
        ("rudaw_english", "https://www.rudaw.net/english/opinion", False),
        (
            "kurdistan24_english",
            "https://www.kurdistan24.net/en/story/889716/israel-syria-move-toward-deal",
            True,
        ),
        ("kurdistan24_english", "https://www.kurdistan24.net/en/live", False),
    ],
)
def test_real_source_patterns(name, url, allowed):
    assert get_source(name).allows(url) is allowed


def test_set_enabled_rewrites_only_that_line(tmp_path):
    from pressroom.sources import set_enabled

    path = tmp_path / "sources.yaml"
    path.write_text("# keep me\nsources:\n  - name: a\n    kind: urls\n    start_urls: ['https://a.example/']\n"
                    "    enabled: false  # off for now\n  - name: b\n    kind: urls\n"
                    "    start_urls: ['https://b.example/']\n")
    set_enabled("a", True, path)
    set_enabled("b", False, path)
    text = path.read_text()
    assert text.startswith("# keep me\n")
    assert [s.enabled for s in load_sources(path)] == [True, False]
    assert text.count("enabled:") == 2


def test_next_run_follows_the_cron_schedule():
    from datetime import UTC, datetime

    from pressroom.sources import Source, next_run

    after = datetime(2026, 11, 26, 14, 50, tzinfo=UTC)
    assert next_run(Source(name="a", kind="urls", schedule="5 * * * *"), after) == datetime(2026, 11, 26, 15, 5,
                                                                                           tzinfo=UTC)
    assert next_run(Source(name="a", kind="urls", enabled=False), after) is None
