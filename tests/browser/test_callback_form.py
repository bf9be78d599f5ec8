"""The callback form, used with the keyboard only, checked with axe in each state."""

import pytest

from .test_accessibility import axe_violations, horizontal_overflow

pytestmark = pytest.mark.browser


def tab_to(page, element_id, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


@pytest.mark.parametrize("viewport", ["phone-320", "desktop"])
def test_a_patient_can_ask_for_a_callback_with_the_keyboard_only(site_url, open_page, viewport):
    page = open_page(site_url + "/callback/", viewport)
    assert axe_violations(page) == []

    tab_to(page, "id_name")
    page.keyboard.type("Ana Silva")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_phone"
    page.keyboard.type("(555) 010-2233")
    # Submit without ticking the consent box: the error state
    tab_to(page, "id_consent")
    tab_to(page, "")  # the submit button has no id
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.title().startswith("Error:")
    assert page.evaluate("document.activeElement.className") == "error-summary"  # focus moves to the summary
    assert axe_violations(page) == []
    assert horizontal_overflow(page) <= 0
    assert page.locator("#id_name").input_value() == "Ana Silva"  # nothing typed is lost
    assert page.locator("#id_consent").get_attribute("aria-invalid") == "true"

    # The summary links to the field that needs fixing
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_consent"
    page.keyboard.press("Enter")
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    assert page.locator("#id_consent").is_checked()
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text() == "We have your request"
    assert axe_violations(page) == []
    page.reload()  # a reload shows the page again and sends nothing twice
    assert page.locator("h1").inner_text() == "We have your request"
