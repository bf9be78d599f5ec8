"""Staff pages in a real Chromium: content health on a 1280 px screen, and the callback list on
a coordinator's 375 px phone, each checked with axe."""

import pytest

from .conftest import COORDINATOR, EDITOR, VIEWPORTS
from .test_accessibility import AXE_TAGS, horizontal_overflow

pytestmark = pytest.mark.browser


def signed_in(browser, site_url, account, viewport):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", account[0])
    page.fill("#id_password", account[1])
    with page.expect_navigation():
        page.click("input[type=submit]")
    return page


def report_violations(page):
    """axe on the page's own content; the admin theme's header and menus are not ours."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    results = Axe().run(page, context={"include": [["#content"]]}, options=options)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


def test_content_health_fits_a_1280_pixel_screen(site_url, browser):
    page = signed_in(browser, site_url, EDITOR, "desktop")
    page.goto(f"{site_url}/admin/editorial/contenthealth/")
    assert horizontal_overflow(page) <= 0
    box = page.locator("table.health").bounding_box()
    assert box["x"] + box["width"] <= 1280
    page.context.close()


def test_content_health_passes_axe(site_url, browser):
    page = signed_in(browser, site_url, EDITOR, "desktop")
    page.goto(f"{site_url}/admin/editorial/contenthealth/")
    assert report_violations(page) == []
    page.context.close()


@pytest.fixture(scope="module")
def referred_request(site_url, browser):
    """A coordinator makes a referral link; a patient follows it and asks for a callback."""
    coordinator = signed_in(browser, site_url, COORDINATOR, "desktop")
    coordinator.goto(f"{site_url}/admin/referrals/referrallink/add/")
    coordinator.fill("#id_label", "Riverside Family Clinic letters")
    pages = coordinator.locator("#id_page option").all_inner_texts()
    coordinator.select_option("#id_page", label=next(name for name in pages if name.strip() == "Hemifacial spasm"))
    with coordinator.expect_navigation():
        coordinator.click("input[name=_save]")
    code = coordinator.locator("#result_list td.field-code").first.inner_text().strip()
    coordinator.context.close()

    patient = browser.new_context().new_page()
    patient.goto(f"{site_url}/r/{code}/")
    patient.goto(f"{site_url}/callback/")
    patient.fill("#id_name", "Ana María Fernández-Gutiérrez")
    patient.fill("#id_phone", "(555) 010-2233")
    patient.check("#id_consent")
    with patient.expect_navigation():
        patient.click("main button[type=submit], main input[type=submit]")
    patient.context.close()
    return code


@pytest.fixture
def callback_list_on_a_phone(site_url, browser, referred_request):
    page = signed_in(browser, site_url, COORDINATOR, "phone-375")
    page.goto(f"{site_url}/admin/coordinators/callbackrequest/")
    yield page
    page.context.close()


def test_the_callback_list_does_not_scroll_sideways_on_a_phone(callback_list_on_a_phone):
    assert horizontal_overflow(callback_list_on_a_phone) <= 0


def test_the_requests_in_the_list_do_not_scroll_sideways_on_a_phone(callback_list_on_a_phone):
    hidden = callback_list_on_a_phone.evaluate(
        "() => { const list = document.querySelector('#changelist .results');"
        " return list.scrollWidth - list.clientWidth; }"
    )
    assert hidden <= 0


@pytest.mark.parametrize(
    "field, text",
    [
        ("name", "Ana María Fernández-Gutiérrez"),
        ("asked_on", "Asked on:"),
        ("best_time_to_call", "Best time: Any time"),
        ("call_in", "Call in: English"),
        ("heard_from", "Heard about us from: Riverside Family Clinic letters"),
    ],
)
def test_each_request_reads_on_a_phone_without_scrolling(callback_list_on_a_phone, field, text):
    cell = callback_list_on_a_phone.locator(f"#result_list .field-{field}").first
    assert text in cell.inner_text()
    box = cell.bounding_box()
    assert box["x"] + box["width"] <= 375


def test_the_referral_code_is_not_shown_in_the_list(callback_list_on_a_phone, referred_request):
    assert referred_request not in callback_list_on_a_phone.locator("#result_list").inner_text()


def test_the_callback_list_passes_axe_on_a_phone(callback_list_on_a_phone):
    assert report_violations(callback_list_on_a_phone) == []


def test_a_coordinator_adds_a_note_from_a_phone_and_it_joins_the_history(callback_list_on_a_phone):
    page = callback_list_on_a_phone
    with page.expect_navigation():
        page.locator("#result_list .field-name a", has_text="Ana María").click()
    assert horizontal_overflow(page) <= 0
    assert report_violations(page) == []
    page.fill("#id_history-0-text", "Left a voicemail in Spanish.")  # the box for a new note
    with page.expect_navigation():
        page.click("input[name=_continue]")
    history = page.locator("#history-group").inner_text()
    assert "Left a voicemail in Spanish." in history
    assert COORDINATOR[0] in history  # who wrote it (the account has no full name)
