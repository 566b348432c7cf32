"""The Dagster UI as an analyst sees it: asset graph with every stage, and asset check results.

Starts `dagster-webserver` on a free port against a warehouse and instance built from data/samples,
drives it with headless Chromium (Debian's, through Playwright) and saves screenshots in tests/artifacts/.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
BIN = Path(sys.executable).parent
# Each stage's asset group and its assets, as the graph must show them.
STAGES = {
    "ingest": ["raw_articles", "quarantine"],
    "normalize": ["articles"],
    "extract": ["extracted_mentions", "event_frames"],
    "reconcile": ["mentions", "entities", "entity_aliases", "events", "event_reports", "event_participants"],
    "quality": ["conflicts"],
    "publish": ["sql_views", "data_quality_report"],
}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip(
            "no chromium on PATH: `make browser` (or `apt-get install chromium`) installs Debian's; "
            "the UI test needs it"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the playwright package is missing: run `make test`, which installs the dev dependencies")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, log: Path, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"dagster-webserver exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"dagster-webserver did not answer {url} within {timeout_s:.0f}s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def dagster_ui(tmp_path_factory: pytest.TempPathFactory):
    chromium = chromium_path()
    root = tmp_path_factory.mktemp("ui")
    home = root / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    docs_port = free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "TAHQIQ_WAREHOUSE": str(root / "warehouse.duckdb"),
        "TAHQIQ_INBOX": str(root / "inbox"),
        "TAHQIQ_DOCS_URL": f"http://127.0.0.1:{docs_port}",
    }
    built = subprocess.run(
        [str(BIN / "tahqiq"), "run", "--input", str(REPO / "data" / "samples"), "--batch-id", "samples"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, f"the sample run failed:\n{built.stderr[-3000:]}"

    docs = subprocess.Popen([str(BIN / "tahqiq"), "docs", "--port", str(docs_port)], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = free_port()
    log = root / "webserver.log"
    with log.open("w") as sink:
        server = subprocess.Popen(
            [
                str(BIN / "dagster-webserver"),
                "-w",
                str(REPO / "workspace.yaml"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
            ],
            cwd=REPO,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/server_info", server, log)
        yield base, chromium, root
    finally:
        docs.terminate()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        docs.wait(timeout=30)


@pytest.fixture
def page(dagster_ui):
    from playwright.sync_api import sync_playwright

    _, chromium, root = dagster_ui
    profile = root / f"chromium-profile-{time.monotonic_ns()}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1800, "height": 1000},
        )
        # The first visit opens a "join the community" dialog over the page; mark it as seen.
        browser.add_init_script("window.localStorage.setItem('communityNux', '\"1\"')")
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_asset_graph_shows_every_stage(dagster_ui, page):
    base, _, _ = dagster_ui
    page.goto(f"{base}/asset-groups", wait_until="domcontentloaded")
    page.get_by_text("reconcile", exact=True).last.wait_for(timeout=60_000)

    # With several groups the graph starts collapsed to one box per group: a click opens a group,
    # and the opened groups are remembered, so a reload lays the whole graph out to fit the screen.
    # Only nodes inside the viewport are drawn, so a group counts as open once any of its assets is.
    def opened(assets: list[str]) -> bool:
        return any(page.get_by_text(name, exact=True).count() for name in assets)

    # Once reconcile's two table families are open the graph is larger than the screen: zoom out until
    # what is looked for is drawn.
    zoom_out = page.locator("button:has([aria-label='zoom_out'])")

    def zoomed_out_until(shown) -> None:
        for _ in range(6):
            if shown():
                return
            zoom_out.click()
            page.wait_for_timeout(700)

    for group, assets in STAGES.items():
        if not opened(assets):
            box = page.get_by_text(group, exact=True).last
            if not box.is_visible():  # off the screen: the page laid out afresh, zoomed out
                page.reload(wait_until="domcontentloaded")
                page.get_by_text("reconcile", exact=True).last.wait_for(timeout=60_000)
                page.wait_for_timeout(1500)
                zoomed_out_until(box.is_visible)
            box.click()
            page.wait_for_timeout(1500)  # the graph animates to its new layout; click once it has settled
            assert opened(assets), f"clicking group {group} did not open it"
    page.reload(wait_until="domcontentloaded")
    page.get_by_text("reconcile", exact=True).last.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    for assets in STAGES.values():
        for name in assets:
            # Long names are cut in the middle on the node (data_quali…_report).
            shown_as = re.compile(f"^{re.escape(name)}$|^{re.escape(name[:6])}.*….*{re.escape(name[-6:])}$")
            zoomed_out_until(lambda shown_as=shown_as: page.get_by_text(shown_as).count() > 0)
            page.get_by_text(shown_as).first.wait_for(state="attached", timeout=60_000)
    page.wait_for_timeout(1500)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "asset_graph.png"))
    shown = page.inner_text("body")
    for group in STAGES:
        assert group in shown, f"asset group {group} not shown"


def test_asset_checks_show_results_with_offending_ids(dagster_ui, page):
    base, _, root = dagster_ui
    page.goto(f"{base}/assets/conflicts?view=checks", wait_until="domcontentloaded")
    check = page.get_by_text("no_conflict_rests_on_one_article", exact=True).first
    check.wait_for(timeout=60_000)
    assert page.get_by_text("conflicts_meet_integrity_expectations", exact=True).count() > 0
    check.click()
    page.get_by_text("Latest execution").first.wait_for(timeout=30_000)
    page.get_by_text("offending_ids", exact=True).first.wait_for(timeout=30_000)
    body = page.inner_text("body")
    assert "Succeeded" in body, "the integrity check's result is not shown"
    assert "Failed" in body or "Passed" in body, "the consistency check's result is not shown"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "conflict_checks.png"))


def test_events_page_shows_row_count_columns_and_pictures_in_place(dagster_ui, page):
    base, _, _ = dagster_ui
    page.goto(f"{base}/assets/events", wait_until="domcontentloaded")
    # Dagster's standard metadata: the row count in the status, the column schema with the warehouse's
    # own column descriptions
    page.get_by_text("Row count", exact=True).first.wait_for(timeout=60_000)
    page.get_by_text("Stable id: unchanged when new batches arrive or a batch is re-run.").first.wait_for(
        timeout=30_000)
    body = page.inner_text("body")
    assert re.search(r"Row count\s+7\b", body), "the row count of events is not shown"
    for column in ("event_id", "event_date", "n_outlets"):
        assert page.get_by_text(column, exact=True).count() > 0, f"column {column} is not listed"
    # the timeline and the map are drawn in the metadata table, no click needed
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for picture in ("event_timeline", "event_map"):
        image = page.locator(f"img[src*='/reports/by_content/{picture}-']").first
        image.wait_for(timeout=30_000)
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(),
                               timeout=30_000)
        assert image.evaluate("img => img.naturalWidth") > 200, f"the {picture} picture did not render"
    page.screenshot(path=str(ARTIFACTS / "events_metadata.png"), full_page=True)


def test_data_docs_read_offline_with_their_styles(dagster_ui, page):
    _, _, root = dagster_ui
    blocked = []
    page.route("http*://**", lambda route: (blocked.append(route.request.url), route.abort()))
    page.goto((root / "data_docs" / "index.html").as_uri(), wait_until="load")
    # Bootstrap's rules apply (they came from the site's own folder) and the index lists the validations
    assert page.evaluate("getComputedStyle(document.querySelector('.navbar')).display") == "flex"
    assert page.locator("table tbody tr").count() >= 9
    page.locator("table tbody tr").first.click()
    page.wait_for_load_state("load")
    assert "/validations/" in page.url
    assert page.evaluate("getComputedStyle(document.querySelector('.navbar')).display") == "flex"
    assert page.get_by_text("Succeeded").count() + page.get_by_text("Failed").count() > 0
    assert blocked == [], f"the docs asked the network for {blocked}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "data_docs_offline.png"))
