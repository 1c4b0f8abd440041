"""Rebuild samples/oir-releases/ from public-domain U.S. government releases: those of ../shared/corpus/dev
(2014-2018) and the 2019-2025 statements of scripts/sample_bundle_pages.yaml (from the search tool's pages corpus).

The release texts (DoD / CJTF-OIR / CENTCOM, public domain under 17 U.S.C. 105) are wrapped in a plain
HTML page with their title, publication date and source URL; the CENTCOM page is kept whole.
News texts are never bundled. Run: .venv/bin/python scripts/build_sample_bundle.py
"""

import html
import json
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
OUT = ROOT / "samples" / "oir-releases"
PAGES = ROOT / "scripts" / "sample_bundle_pages.yaml"
# Documents whose SOURCES.md licence column says "U.S. Government work".
PUBLIC_DOMAIN = ("dev-001", "dev-009", "dev-012", "dev-014", "dev-017", "dev-020", "dev-022", "dev-024", "dev-026")
CRAWL_MARK = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")


def page(title: str, published: str | None, url: str, text: str) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())
    date_meta = f'<meta name="date" content="{published}">\n' if published else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n{date_meta}"
        f'<link rel="canonical" href="{html.escape(url)}">\n</head><body>\n'
        f"<nav><a href=\"/\">Home</a> | <a href=\"/News/\">News</a> | <a href=\"/News/Releases/\">Releases</a></nav>\n"
        f"<article>\n<h1>{html.escape(title)}</h1>\n{paragraphs}\n</article>\n"
        "<footer><p>Public domain U.S. Government work (17 U.S.C. 105).</p></footer>\n</body></html>\n"
    )


def main() -> None:
    gold = {d["doc"]: d for d in map(json.loads, (CORPUS / "gold.jsonl").read_text().splitlines()) if d}
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    (OUT / ".gitattributes").write_text("*.html -text\n", encoding="utf-8")
    manifest = []
    for doc_id in PUBLIC_DOMAIN:
        doc = gold[doc_id]
        source = CORPUS / doc["file"]
        name = f"{doc.get('published') or 'undated'}_{doc_id}.html"
        if source.suffix == ".html":
            shutil.copyfile(source, OUT / name)
        else:
            text = CRAWL_MARK.sub("", source.read_text(encoding="utf-8"))
            (OUT / name).write_text(page(doc["title"], doc.get("published"), doc["url"], text), encoding="utf-8")
        manifest.append({"url": doc["url"], "file": name, "published": doc.get("published"),
                         "title": doc["title"], "origin": f"shared/corpus/dev/{doc['file']}"})
    for doc in yaml.safe_load(PAGES.read_text(encoding="utf-8")):
        slug = doc["url"].rstrip("/").rsplit("/", 1)[-1][:60]
        name = f"{doc['published']}_{slug}.html"
        (OUT / name).write_text(page(doc["title"], doc["published"], doc["url"], doc["text"]), encoding="utf-8")
        manifest.append({"url": doc["url"], "file": name, "published": doc["published"], "title": doc["title"],
                         "origin": "search tool, pages corpus"})
    lines = ["# Public-domain U.S. Government releases (17 U.S.C. 105), built by scripts/build_sample_bundle.py.",
             "# url: the release's original address; file: the page served for it."]
    for item in manifest:
        lines.append(f"- url: {json.dumps(item['url'])}")
        for key in ("file", "published", "title", "origin"):
            lines.append(f"  {key}: {json.dumps(item[key])}")
    (OUT / "manifest.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(manifest)} pages to {OUT}")


if __name__ == "__main__":
    main()
