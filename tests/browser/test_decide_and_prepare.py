"""In a real browser: the treatment comparison on a phone, and the spasm diary kept in the browser."""

import pytest
from playwright.sync_api import expect

from .test_accessibility import axe_violations, horizontal_overflow

pytestmark = pytest.mark.browser
CHOOSING = "/hemifacial-spasm/choosing-a-treatment/"
DIARY = "/hemifacial-spasm/your-appointment/"
SECRET = "Spasms-while-reading-7Q"  # diary text that must never leave the browser


def test_on_a_phone_the_comparison_is_one_labelled_card_per_option(site_url, open_page):
    page = open_page(site_url + CHOOSING, "phone-320")
    assert horizontal_overflow(page) == 0
    table = page.locator("table.comparison__table")
    labels = table.locator(".comparison__label")
    expect(labels.first).to_be_visible()
    assert labels.count() == 4 * 6
    assert all(labels.nth(i).is_visible() for i in range(labels.count()))
    # screen readers still get a table: row and column names
    expect(page.get_by_role("rowheader", name="Microvascular decompression (MVD)")).to_have_count(1)
    expect(page.get_by_role("columnheader", name="How well it works")).to_have_count(1)
    # each card sits inside the screen
    width = page.viewport_size["width"]
    for box in [row.bounding_box() for row in table.locator("tbody tr").all()]:
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width


def test_on_a_desktop_the_comparison_is_a_table_with_visible_headers(site_url, open_page):
    page = open_page(site_url + CHOOSING, "desktop")
    assert horizontal_overflow(page) == 0
    expect(page.locator("table.comparison__table thead")).to_be_visible()
    expect(page.locator(".comparison__label").first).to_be_hidden()


def add_entry(page, date, amount):
    page.get_by_label("A day with spasms").check()
    page.get_by_label("Date", exact=True).fill(date)
    page.get_by_label("How many spasms, or how long they lasted").fill(amount)
    page.get_by_label("Eye").check()
    page.get_by_label("What made it worse").fill("Reading late")
    page.get_by_label("How much it got in the way").select_option("A lot")
    page.get_by_role("button", name="Save entry").click()


def test_the_diary_keeps_entries_in_this_browser_only(site_url, open_page):
    page = open_page(site_url + DIARY, "phone-320")
    sent = []
    page.on("request", lambda request: sent.append((request.url, request.post_data or "")))
    expect(page.locator(".diary__app")).to_be_visible()
    expect(page.locator("table.diary__blank")).to_have_count(2)  # spasms, injections
    for blank in page.locator("table.diary__blank").all():
        expect(blank).to_be_hidden()

    add_entry(page, "2026-11-20", SECRET)
    expect(page.locator(".diary__status")).to_have_text("Entry saved in this browser.")
    entries = page.locator(".diary__entry")
    expect(entries).to_have_count(1)
    expect(entries.first).to_contain_text(SECRET)

    page.reload()
    expect(page.locator(".diary__entry")).to_have_count(1)
    expect(page.locator(".diary__entry").first).to_contain_text(SECRET)

    # change it
    page.get_by_role("button", name="Change entry for Friday, November 20, 2026").click()
    expect(page.get_by_label("How many spasms, or how long they lasted")).to_have_value(SECRET)
    page.get_by_label("How many spasms, or how long they lasted").fill(SECRET + " (about 20)")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".diary__entry")).to_have_count(1)
    expect(page.locator(".diary__entry").first).to_contain_text("about 20")
    add_entry(page, "2026-11-21", "Three short ones")
    expect(page.locator(".diary__entry")).to_have_count(2)
    assert axe_violations(page) == []

    # "Delete all" asks once, then clears everything
    page.get_by_role("button", name="Delete all").click()
    expect(page.locator(".diary__confirm")).to_be_visible()
    expect(page.get_by_role("button", name="No, keep them")).to_be_focused()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Yes, delete all").click()
    expect(page.locator(".diary__entry")).to_have_count(0)
    expect(page.locator(".diary__status")).to_have_text("All entries deleted.")
    page.reload()
    expect(page.locator(".diary__entry")).to_have_count(0)
    assert page.evaluate("window.localStorage.getItem('hfs-spasm-diary')") is None

    assert sent, "the page made no requests at all (the listener did not work)"
    leaked = [url for url, body in sent if "Spasms-while-reading" in url + body or "Reading late" in url + body]
    assert leaked == []


def test_the_diary_can_be_used_with_the_keyboard_alone(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop")
    date = page.get_by_label("Date", exact=True)
    expect(date).not_to_have_value("")  # today's date is filled in
    date.focus()
    page.keyboard.type("11202026")  # month, day, year: each part moves on to the next
    expect(date).to_have_value("2026-11-20")
    page.keyboard.press("Tab")  # to the date field's calendar button
    page.keyboard.press("Tab")
    expect(page.get_by_label("How many spasms, or how long they lasted")).to_be_focused()
    page.keyboard.type("Two long spasms")
    page.get_by_role("button", name="Save entry").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".diary__entry")).to_have_count(1)
    expect(page.locator(".diary__entry").first).to_contain_text("Two long spasms")


def test_saving_without_a_date_explains_what_to_fix(site_url, open_page):
    page = open_page(site_url + DIARY, "phone-320")
    page.get_by_label("Date", exact=True).fill("")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("alert")).to_have_text("Enter the date.")
    date = page.get_by_label("Date", exact=True)
    expect(date).to_be_focused()
    expect(date).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".diary__entry")).to_have_count(0)


def test_print_my_diary_prints_the_entries_and_an_empty_diary_prints_the_blank_table(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop")
    page.emulate_media(media="print")
    for blank in page.locator("table.diary__blank").all():  # nothing written yet: blank diaries
        expect(blank).to_be_visible()
    for form in page.locator(".diary__form").all():
        expect(form).to_be_hidden()
    page.emulate_media(media="screen")
    add_entry(page, "2026-11-23", "Four in the evening")
    page.emulate_media(media="print")
    expect(page.locator(".diary__entry")).to_have_count(1)
    expect(page.locator(".diary__entry").first).to_be_visible()
    expect(page.locator(".diary__entry").first).to_contain_text("Four in the evening")
    for blank in page.locator("table.diary__blank").all():
        expect(blank).to_be_hidden()
    for hidden in (".diary__form", ".diary__actions", ".diary__entry button", ".site-header"):
        expect(page.locator(hidden).first).to_be_hidden()
