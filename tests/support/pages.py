"""Realistic pages built at test time from texts that may not be committed (news excerpts in ../shared)."""

from __future__ import annotations

import html
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
BUNDLE = REPO / "samples" / "oir-releases"
SEED = SHARED / "seed" / "rudaw-2020-06-20-wadi-al-shai.txt"


def news_page(text: str, *, title: str, published: str, site: str = "Rudaw") -> str:
    """Wrap an article text in a news page: navigation, related links, and the comments block after the
    article (in the seed the comment boilerplate follows the line 'Comments')."""
    article, _, comments = text.partition("\nComments\n")
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.splitlines() if p.strip())
    comment_lines = "\n".join(f"<p>{html.escape(p)}</p>" for p in comments.splitlines() if p.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {site}</title>
<meta property="article:published_time" content="{published}T10:00:00+03:00">
<meta property="og:site_name" content="{site}"></head>
<body>
<header><nav><a href="/english">Home</a> <a href="/english/kurdistan">Kurdistan</a>
<a href="/english/middleeast">Middle East</a> <a href="/english/world">World</a></nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
<div class="article-date">{published}</div>
<div class="article-body">
{paragraphs}
</div>
</article>
<aside class="related"><h3>Related</h3><ul>
<li><a href="/english/a">Kurdish leaders renew calls for joint security coordination</a></li>
<li><a href="/english/b">Iraqi forces launch new operation in disputed territories</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
{comment_lines}
<form><textarea name="comment"></textarea><button>Post a comment</button></form>
</section></main>
<footer><p>Copyright {site} Media Network</p></footer>
</body></html>"""


def seed_page() -> bytes:
    """The seed article (../shared/seed) as a realistic Rudaw page."""
    text = SEED.read_text(encoding="utf-8")
    title = "Coalition destroys ISIS camps south of Kirkuk"
    return news_page(text, title=title, published="2020-06-20").encode("utf-8")


def release_pages() -> dict[str, tuple[int, str, bytes]]:
    """The bundled public-domain releases as a site: {path: (status, content type, body)}."""
    return {f"/releases/{p.name}": (200, "text/html; charset=utf-8", p.read_bytes()) for p in BUNDLE.glob("*.html")}
