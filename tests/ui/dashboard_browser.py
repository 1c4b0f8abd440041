"""Opens the provisioned Superset dashboard in Debian's headless Chromium and prints what each chart showed.

Run by tests/ui/test_dashboard_renders.py with Superset's own virtualenv (its playwright extra drives the
browser; the test's .venv has no playwright):
    .venv-dashboard/bin/python tests/ui/dashboard_browser.py BASE_URL USER PASSWORD SLUG SCREENSHOT.png
Prints one JSON object: {"charts": [{id, name, viz, errors, empty, drawn}], "data": {slice_id: rowcount}}.
Only requests to BASE_URL leave the browser (map tiles and anything else are aborted).
"""

import json
import sys
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
CHART_STATE = """() => [...document.querySelectorAll('[data-test="chart-grid-component"]')].map(c => ({
    id: Number(c.getAttribute('data-test-chart-id')),
    name: c.getAttribute('data-test-chart-name'),
    viz: c.getAttribute('data-test-viz-type'),
    loading: c.querySelectorAll('.loading').length,
    errors: [...c.querySelectorAll('.error-alert, .ant-alert-error, [role="alert"]')].map(e => e.innerText),
    empty: c.querySelectorAll('[data-test="empty-state"]').length > 0,
    drawn: c.querySelectorAll('canvas, svg path, table tbody tr').length,
}))"""


def allowed(url: str, base: str) -> bool:
    """Only Superset itself, and not its event-log beacon: the login page sends one as it unloads, and its
    anonymous answer can arrive after the login's and replace the new session cookie (seen under load)."""
    return url.startswith((base, "data:", "blob:")) and not url.startswith(f"{base}/superset/log/")


def slice_id(request) -> str:
    """The chart a data request is for (form_data in the query string or the JSON body)."""
    query = parse_qs(urlsplit(request.url).query)
    if "form_data" in query:
        return str(json.loads(query["form_data"][0]).get("slice_id"))
    body = request.post_data_json or {}
    form_data = body.get("form_data") or {}
    return str(form_data.get("slice_id"))


def rowcount(payload: dict) -> int:
    if "result" in payload:  # /api/v1/chart/data
        return sum(r.get("rowcount", 0) for r in payload["result"])
    return payload.get("rowcount") or len((payload.get("data") or {}).get("features", []))  # legacy explore_json


def log_in(page, base: str, user: str, password: str) -> None:
    """Through the login form, once the page's own requests are done."""
    page.goto(f"{base}/login/", wait_until="networkidle")
    page.fill("input[name=username], #username", user)
    page.fill("input[name=password], #password", password)
    with page.expect_navigation(url=lambda url: "/login" not in url, timeout=60_000):
        page.click("button[type=submit], input[type=submit]")
    page.wait_for_load_state("networkidle")


def main(base: str, user: str, password: str, slug: str, screenshot: str) -> None:
    data: dict[str, int] = {}

    def on_response(response):
        if "/api/v1/chart/data" in response.url or "/explore_json/" in response.url:
            payload = response.json() if response.ok else {}
            data[slice_id(response.request)] = rowcount(payload) if response.ok else -response.status

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 2600})
        page.route("**/*", lambda route: route.continue_() if allowed(route.request.url, base) else route.abort())
        page.on("response", on_response)
        log_in(page, base, user, password)
        page.goto(f"{base}/superset/dashboard/{slug}/")
        page.wait_for_selector('[data-test="chart-grid-component"]', timeout=60_000)
        page.wait_for_function(f"() => ({CHART_STATE})().every(c => !c.loading && (c.drawn || c.errors.length"
                               " || c.empty))", timeout=90_000)
        page.wait_for_load_state("networkidle")
        charts = page.evaluate(CHART_STATE)
        page.screenshot(path=screenshot, full_page=True)
        browser.close()
    print(json.dumps({"charts": charts, "data": data}))


if __name__ == "__main__":
    main(*sys.argv[1:6])
