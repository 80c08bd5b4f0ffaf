"""A real browser (Debian's chromium, driven by chromedriver) writes a post-it on the page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Table
from facilitator_app.services.room import RoomServer, RoomSettings, phone_post_ids
from facilitator_app.storage.database import EventStore

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def _browser(profile: Path, *, javascript: bool) -> webdriver.Chrome:
    if CHROMIUM is None or DRIVER is None:
        pytest.skip("chromium or chromedriver missing: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--lang=it-IT",
    ):
        options.add_argument(flag)
    prefs: dict[str, object] = {"intl.accept_languages": "it-IT,it"}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    try:
        # The driver's path is given: Selenium Manager (which would go online) never runs.
        return webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    except WebDriverException as error:
        pytest.skip(f"chromium cannot run here: {error.msg}")


@pytest.fixture
def table(demo_path: Path) -> Table:
    with EventStore.open(demo_path, read_only=True) as store:
        return store.tables()[1]


@pytest.fixture
def server(demo_path: Path, table: Table, clock: FixedClock) -> Iterator[RoomServer]:
    room = RoomServer(demo_path, RoomSettings(table.id, 1), clock=clock)
    room.start()
    try:
        yield room
    finally:
        room.stop()


@pytest.mark.slow
@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
def test_a_browser_writes_a_post_it_and_sees_ricevuto(
    server: RoomServer, demo_path: Path, table: Table, tmp_path: Path, javascript: bool
) -> None:
    browser = _browser(tmp_path / "profile", javascript=javascript)
    text = f"Scritto dal browser ({'con' if javascript else 'senza'} JavaScript) <b>àè</b>"
    try:
        browser.get(server.url)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "it"
        label = browser.find_element(By.CSS_SELECTOR, "label[for=text]")
        assert "post-it" in label.text
        box = browser.find_element(By.ID, "text")
        box.send_keys(text)
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(browser, 20).until(lambda b: b.current_url.endswith("/ricevuto"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Ricevuto, grazie!"
        # The stylesheet came from the server itself and applied (large text).
        size = browser.find_element(By.TAG_NAME, "html").value_of_css_property("font-size")
        assert size == "20px"
    finally:
        browser.quit()
    with EventStore.open(demo_path, read_only=True) as store:
        posts = store.contributions(table.id, 1)
        assert posts[-1].text == text
        assert posts[-1].id in phone_post_ids(store, table.id, 1)
