"""The bundled sample releases: public-domain U.S. Government statements only, every era, every file present."""

from urllib.parse import urlsplit

import yaml

from support.sample_warehouse import REPO

BUNDLE = REPO / "samples" / "oir-releases"
GOVERNMENT_HOSTS = (".mil", ".gov", "dvidshub.net")  # DVIDS: the Defense Visual Information Distribution Service


def test_every_manifest_entry_has_its_page_and_a_source_url():
    manifest = yaml.safe_load((BUNDLE / "manifest.yaml").read_text(encoding="utf-8"))
    for item in manifest:
        assert (BUNDLE / item["file"]).is_file()
        assert item["url"].startswith(("http://", "https://")) and item["published"]
    assert {int(item["published"][:4]) for item in manifest} >= set(range(2014, 2021)) | {2023, 2024, 2025}


def test_statements_from_the_pages_corpus_come_from_government_sites():
    pages = yaml.safe_load((REPO / "scripts" / "sample_bundle_pages.yaml").read_text(encoding="utf-8"))
    assert 8 <= len(pages) <= 15
    for page in pages:
        assert urlsplit(page["url"]).hostname.endswith(GOVERNMENT_HOSTS), page["url"]
