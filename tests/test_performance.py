"""The performance budget, as tests (nothing here is timed: tools/bench.py measures speed)."""

import gzip
import re
import urllib.request

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from django.db import connection
from django.test.utils import CaptureQueriesContext
from djangocms_versioning.models import Version

from tools.prodserver import ProductionServer

from .conftest import edit_and_publish, page_by_id

PAGES = [
    "/",
    "/hemifacial-spasm/",
    "/hemifacial-spasm/causes/",
    "/hemifacial-spasm/treatment/",
    "/hemifacial-spasm/choosing-a-treatment/",
    "/hemifacial-spasm/your-appointment/",
    "/accessibility/",
    "/glossary/",
    "/es/",
    "/es/espasmo-hemifacial/tratamiento/",
    "/es/espasmo-hemifacial/elegir-un-tratamiento/",
]
GUIDE_PAGE = "/hemifacial-spasm/treatment/"


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def miss_queries(client, url, n):
    """Queries for a page-cache miss once the other caches are warm (a new query string misses)."""
    client.get(f"{url}?warm={n}")
    return queries(client, f"{url}?miss={n}")


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_a_page_cache_hit_runs_no_queries_and_a_miss_three_at_most(client, url):
    """A miss asks only django CMS's own page lookup: the page's content is a fragment, and a
    seeded page states its X-Frame-Options (none is looked up among its ancestors)."""
    assert miss_queries(client, url, 1) <= 3
    assert queries(client, f"{url}?miss=1") == 0


@pytest.mark.django_db
def test_a_miss_costs_the_same_with_60_pages_and_more_plugins(client, editor):
    before = miss_queries(client, GUIDE_PAGE, 1)
    guide = page_by_id("hemifacial-spasm")
    for n in range(52):  # 8 seeded + 52 = 60 pages, half of them inside the guide's contents list
        page = create_page(
            f"Extra page {n}",
            "guide_page.html",
            "en",
            slug=f"extra-{n}",
            parent=guide if n % 2 else None,
            created_by=editor,
        )
        Version.objects.get_for_content(PageContent.admin_manager.get(page=page)).publish(editor)
    draft = edit_and_publish("hfs-treatment", editor, "<p>More text.</p>", publish=False)
    placeholder = draft.get_placeholders().get(slot="content")
    for n in range(20):
        add_plugin(placeholder, "TextPlugin", "en", body=f"<h2>Extra section {n}</h2><p>Words.</p>")
    Version.objects.get_for_content(draft).publish(editor)
    html = client.get(GUIDE_PAGE).content.decode()
    assert "Extra section 19" in html
    assert 'href="/hemifacial-spasm/extra-51/"' in html
    assert miss_queries(client, GUIDE_PAGE, 2) == before


@pytest.mark.django_db
def test_publishing_replaces_the_cached_page(client, editor):
    assert "A brand new first line." not in client.get(GUIDE_PAGE).content.decode()
    assert queries(client, GUIDE_PAGE) == 0  # served from the page cache
    edit_and_publish("hfs-treatment", editor, "<p>A brand new first line.</p>")
    assert "A brand new first line." in client.get(GUIDE_PAGE).content.decode()


@pytest.mark.django_db
def test_html_is_compressed_when_the_browser_asks_and_cached_only_briefly(client):
    plain = client.get(GUIDE_PAGE)
    packed = client.get(GUIDE_PAGE, HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2
    max_age = int(re.search(r"max-age=(\d+)", packed["Cache-Control"]).group(1))
    assert 0 < max_age <= 60


# The pages with a script, and the one deferred static file each has (their tools keep answers
# in the browser); every other page has none.
SCRIPTS = {
    "/hemifacial-spasm/your-appointment/": "/static/js/diary",
    "/es/espasmo-hemifacial/su-cita/": "/static/js/diary",
    "/hemifacial-spasm/choosing-a-treatment/": "/static/js/decision-aid",
    "/es/espasmo-hemifacial/elegir-un-tratamiento/": "/static/js/decision-aid",
}


def scripts_on(html):
    return [tag for tag in re.findall(r"<script\b[^>]*>", html) if "ld+json" not in tag]


@pytest.mark.django_db
def test_every_image_has_its_size_and_no_page_has_web_fonts_or_scripts_beyond_its_tool(client):
    for url in [*PAGES, "/hemifacial-spasm/symptoms/", "/hemifacial-spasm/diagnosis/", "/care-team/"]:
        html = client.get(url).content.decode()
        for img in re.findall(r"<img\b[^>]*>", html):
            assert re.search(r'\swidth="\d+"', img), (url, img)
            assert re.search(r'\sheight="\d+"', img), (url, img)
        assert len(scripts_on(html)) == (1 if url in SCRIPTS else 0), url
        assert len(re.findall(r'<link rel="stylesheet"', html)) == 1, url
        assert "<style" not in html, url


@pytest.mark.django_db
def test_the_diary_and_the_decision_aid_have_one_script_each_that_never_blocks_rendering(client):
    for url, script in SCRIPTS.items():
        scripts = scripts_on(client.get(url).content.decode())
        assert len(scripts) == 1, url
        assert " defer" in scripts[0], url
        assert script in scripts[0], url


@pytest.fixture(scope="module")
def production():
    with ProductionServer(workers=1, threads=2) as server:
        yield server


def fetch(url, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:  # noqa: S310
        return response.headers, response.read()


def test_static_files_are_hashed_compressed_and_cached_for_a_year(production):
    seen = set()
    for url in PAGES:
        _, body = fetch(production.url + url)
        seen |= set(re.findall(r'(?:href|src)="(/static/[^"]+)"', body.decode()))
    assert seen
    for path in seen:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", path), path
        headers, _ = fetch(production.url + path, **{"Accept-Encoding": "gzip"})
        assert "immutable" in headers["Cache-Control"], path
        assert "max-age=315360000" in headers["Cache-Control"], path
    headers, _ = fetch(production.url + next(p for p in seen if p.endswith(".css")), **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    css = fetch(production.url + next(p for p in seen if p.endswith(".css")))[1].decode()
    assert "@font-face" not in css
    assert "@import" not in css


def test_a_page_with_its_styles_and_scripts_weighs_less_than_30_kb_compressed(production):
    for url in PAGES:
        headers, html = fetch(production.url + url, **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip"
        total = len(html)
        page = gzip.decompress(html).decode()
        files = re.findall(r'<link rel="stylesheet" href="(/static/[^"]+)"', page)
        files += re.findall(r'<script src="(/static/[^"]+)"', page)
        for path in files:
            total += len(fetch(production.url + path, **{"Accept-Encoding": "gzip"})[1])
        assert total < 30_000, (url, total)


@pytest.mark.django_db
def test_the_hot_cache_replays_the_same_page_and_headers_and_skips_signed_in_editors(editor_client):
    from django.test import Client

    client = Client()  # anonymous (editor_client is a signed-in one)
    first = client.get(GUIDE_PAGE, HTTP_ACCEPT_ENCODING="gzip")
    with CaptureQueriesContext(connection) as captured:
        again = client.get(GUIDE_PAGE, HTTP_ACCEPT_ENCODING="gzip")
    assert captured.captured_queries == []
    assert again.content == first.content
    for header in ("Content-Encoding", "X-Frame-Options", "Content-Type", "Vary"):
        assert again[header] == first[header], header
    assert 0 < int(re.search(r"max-age=(\d+)", again["Cache-Control"]).group(1)) <= 60
    editor_view = editor_client.get(GUIDE_PAGE)
    assert b"cms-toolbar" in editor_view.content
    assert editor_view["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_cached_pages_do_not_depend_on_the_host_name_they_were_first_asked_for(settings):
    from django.test import Client

    settings.PUBLIC_BASE_URL = "https://hfs.example.org"
    first = Client().get(GUIDE_PAGE, HTTP_HOST="localhost").content.decode()
    again = Client().get(GUIDE_PAGE).content.decode()  # host "testserver", from the caches
    assert first == again
    assert "localhost" not in first
    assert "testserver" not in first
    assert "Printed from https://hfs.example.org/hemifacial-spasm/treatment/" in first


@pytest.mark.django_db
def test_each_worker_reads_the_content_version_at_most_once_per_recheck(settings, monkeypatch):
    """With HOT_PAGE_CACHE_RECHECK > 0 (production) a worker keeps its reading of the version
    that long, then sees another worker's change (here written straight to the shared cache)
    and builds its fragments afresh."""
    from django.core.cache import cache

    from caching import fragments, versions

    settings.HOT_PAGE_CACHE_RECHECK = 5
    clock = [1000.0]
    monkeypatch.setattr(versions.time, "monotonic", lambda: clock[0])
    built = []

    def build():
        built.append(1)
        return f"fragment {len(built)}"

    assert fragments.cached("test", 1, build=build) == "fragment 1"
    cache.set(versions.KEY, "another worker's change", timeout=None)
    clock[0] += 4
    assert fragments.cached("test", 1, build=build) == "fragment 1"  # within the recheck time
    clock[0] += 2
    assert fragments.cached("test", 1, build=build) == "fragment 2"  # the change is seen
