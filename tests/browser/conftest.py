"""Real-browser fixtures: the seeded site served by gunicorn, and Debian's Chromium.

The site runs in its own processes on a fresh SQLite file (migrated and seeded here), so the
browser sees exactly what a visitor would. Without Chromium these tests are skipped with a
message that says how to install it.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROME = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
VIEWPORTS = {"phone-320": (320, 640), "phone-375": (375, 812), "desktop": (1280, 800)}
EDITOR = ("editor", "browser-test-password-1")  # a Content editor account in the test site
SECOND_EDITOR = ("editor2", "browser-test-password-2")  # another one, for two people at once
EDITOR_NAMES = {EDITOR[0]: ("Robin", "Lee"), SECOND_EDITOR[0]: ("Sam", "Diaz")}
COORDINATOR = ("coordinator", "browser-test-password-3")  # a Care coordinator account
CREATE_EDITOR = f"""
from django.contrib.auth.models import Group, User
for (name, password), (first, last) in zip([{EDITOR!r}, {SECOND_EDITOR!r}], {list(EDITOR_NAMES.values())!r}):
    user = User.objects.create_user(name, password=password, is_staff=True, first_name=first, last_name=last)
    user.groups.add(Group.objects.get(name="Content editor"))
user = User.objects.create_user({COORDINATOR[0]!r}, password={COORDINATOR[1]!r}, is_staff=True)
user.groups.add(Group.objects.get(name="Care coordinator"))
"""


def pytest_collection_modifyitems(config, items):
    if Path(CHROME).exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROME}. Install it with `sudo apt-get install chromium` "
        "(Debian/Ubuntu) or set CHROME_PATH; `.ci/run` installs it in CI."
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """Migrate and seed a fresh database, then serve it with gunicorn on a free local port."""
    data = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hfs_site.settings.test",
        "HFS_DATA_DIR": str(data),
        "MEDIA_ROOT": str(data / "media"),
        "HFS_SHARED_CACHE": "1",
    }
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["seed_site"], ["shell", "-c", CREATE_EDITOR]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    env["PUBLIC_BASE_URL"] = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hfs_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 - local test server
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("The test site did not start") from None
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


def crawl(start_url):
    """Every page reachable by links from the home page, like a visitor clicking around."""
    origin = urlparse(start_url)
    seen, queue = [], ["/"]
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        with urllib.request.urlopen(urljoin(start_url, path), timeout=10) as response:  # noqa: S310
            parser = _Links()
            parser.feed(response.read().decode())
        for href in parser.hrefs:
            target = urlparse(urljoin(start_url + path, href))
            if target.netloc != origin.netloc or target.path.startswith(("/admin/", "/media/", "/static/")):
                continue
            if target.path not in seen and target.path not in queue:
                queue.append(target.path)
    return seen


@pytest.fixture(scope="session")
def site_pages(site_url):
    return crawl(site_url)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROME,
            args=[
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """open_page(url, viewport_name) -> a Playwright page at that size; closed after the test."""
    contexts = []

    def _open(url, viewport="desktop", **context_options):
        width, height = VIEWPORTS[viewport]
        context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
        contexts.append(context)
        page = context.new_page()
        response = page.goto(url)
        assert response is not None
        return page

    yield _open
    for context in contexts:
        context.close()


def sign_in(browser, site_url, account, path):
    """A new browser window with this editor signed in, showing the page at path (close its
    context when done)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/admin/login/?next={path}")
    page.fill("#id_username", account[0])
    page.fill("#id_password", account[1])
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")
    return page
