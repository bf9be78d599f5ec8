"""In a real browser: injections in the spasm diary, the weeks between them, and the chart of the
last 8 weeks with its table. All of it stays in the browser."""

import json
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from .test_accessibility import axe_violations, horizontal_overflow
from .test_decide_and_prepare import DIARY, add_entry

pytestmark = pytest.mark.browser
FIRST_SHOT = date(2026, 1, 5)
SECOND_SHOT = FIRST_SHOT + timedelta(weeks=12)
SIDE_EFFECTS = "Droopy-eyelid-for-a-week-4K"  # typed text that must never leave the browser
HOSTILE = "<img src=x onerror=alert(1)>"


def browser_today(page):
    """Today where the patient is: the browser's own time zone, which may not be this machine's."""
    return date.fromisoformat(page.evaluate("new Date().toLocaleDateString('sv')"))


def long_date(day):
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def add_injection(page, day, helped=None, wore_off=None, side_effects=""):
    page.get_by_label("An injection").check()
    page.get_by_label("Injection date").fill(day.isoformat())
    page.get_by_label("When it started to help").fill(helped.isoformat() if helped else "")
    page.get_by_label("When it wore off").fill(wore_off.isoformat() if wore_off else "")
    page.get_by_label("Side effects").fill(side_effects)
    page.get_by_role("button", name="Save entry").click()


def details(item, label):
    """The value shown for one label (a dt) in a diary item."""
    return item.locator("dt", has_text=label).locator("xpath=following-sibling::dd[1]")


def stored_injections(page):
    return json.loads(page.evaluate("window.localStorage.getItem('hfs-spasm-diary-injections')") or "[]")


def test_two_injections_12_weeks_apart_show_12_weeks_between_them_after_a_reload(site_url, open_page):
    page = open_page(site_url + DIARY, "phone-320")
    add_injection(page, SECOND_SHOT, side_effects="None")  # out of order: the list sorts by date
    add_injection(page, FIRST_SHOT, FIRST_SHOT + timedelta(days=4), FIRST_SHOT + timedelta(weeks=10), SIDE_EFFECTS)
    expect(page.locator(".diary__status")).to_have_text("Entry saved in this browser.")
    page.reload()
    shots = page.locator(".diary__injection")
    expect(shots).to_have_count(2)
    expect(shots.first.locator("h4")).to_have_text("Injection on " + long_date(FIRST_SHOT))
    expect(details(shots.first, "When it started to help")).to_have_text(long_date(FIRST_SHOT + timedelta(days=4)))
    expect(details(shots.first, "When it wore off")).to_have_text(long_date(FIRST_SHOT + timedelta(weeks=10)))
    expect(details(shots.first, "Side effects")).to_have_text(SIDE_EFFECTS)
    expect(details(shots.first, "Weeks since the injection before")).to_have_count(0)
    expect(details(shots.nth(1), "Weeks since the injection before")).to_have_text("12")
    expect(page.locator(".diary__intervals")).to_have_text("Weeks between injections: 12")
    assert horizontal_overflow(page) == 0
    assert axe_violations(page) == []


def test_when_it_wore_off_can_be_added_later_with_change(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop")
    add_injection(page, FIRST_SHOT)
    page.get_by_role("button", name="Change injection on " + long_date(FIRST_SHOT)).click()
    expect(page.get_by_label("Injection date")).to_be_focused()
    expect(page.get_by_label("Injection date")).to_have_value(FIRST_SHOT.isoformat())
    page.get_by_label("When it wore off").fill((FIRST_SHOT + timedelta(weeks=11)).isoformat())
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".diary__status")).to_have_text("Entry changed.")
    expect(page.locator(".diary__injection")).to_have_count(1)
    expect(details(page.locator(".diary__injection"), "When it wore off")).to_have_text(
        long_date(FIRST_SHOT + timedelta(weeks=11))
    )


def test_a_wore_off_date_before_the_injection_is_refused_and_what_was_saved_stays(site_url, open_page):
    page = open_page(site_url + DIARY, "phone-320")
    add_injection(page, FIRST_SHOT, side_effects="First one")
    add_injection(page, SECOND_SHOT, wore_off=SECOND_SHOT - timedelta(days=3))
    message = "The date it wore off cannot be before the injection date."
    expect(page.get_by_role("alert")).to_have_text(message)
    wore_off = page.get_by_label("When it wore off")
    expect(wore_off).to_be_focused()
    expect(wore_off).to_have_attribute("aria-invalid", "true")
    expect(wore_off).to_have_accessible_description(message + " " + page.locator("#diary-later-hint").inner_text())
    expect(page.locator(".diary__injection")).to_have_count(1)
    assert [shot["sideEffects"] for shot in stored_injections(page)] == ["First one"]
    assert axe_violations(page) == []

    # the same mistake while changing a saved injection changes nothing
    page.get_by_role("button", name="Change injection on " + long_date(FIRST_SHOT)).click()
    expect(page.get_by_role("alert")).to_have_count(0)  # the old message goes with the old form
    expect(page.get_by_label("When it wore off")).not_to_have_attribute("aria-invalid", "true")
    page.get_by_label("When it started to help").fill((FIRST_SHOT - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("alert")).to_have_text("The date it started to help cannot be before the injection date.")
    page.reload()
    expect(details(page.locator(".diary__injection"), "When it started to help")).to_have_text("–")


def test_a_date_typed_only_in_part_is_refused_with_a_clear_message(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop")
    page.get_by_label("An injection").check()
    helped = page.get_by_label("When it started to help")
    helped.focus()
    page.keyboard.type("03")  # the month only
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("alert")).to_have_text("This is not a whole date. Choose the month, day and year.")
    expect(helped).to_be_focused()
    expect(helped).to_have_attribute("aria-invalid", "true")
    assert stored_injections(page) == []


def test_the_chart_and_its_table_give_the_days_with_spasms_per_week(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop")
    today = browser_today(page)
    expect(page.locator(".diary__chart")).to_be_hidden()  # nothing dated yet
    for days_ago, amount in [(1, "Two"), (2, "One"), (2, "Another one that day"), (10, "Many"), (70, "Old")]:
        add_entry(page, (today - timedelta(days=days_ago)).isoformat(), amount)
    add_injection(page, today - timedelta(days=9))
    expect(page.get_by_role("img", name="Bar chart of the days with spasms in each of the last 8 weeks")).to_have_count(
        1
    )
    table = page.get_by_role("table", name="Days with spasms in each of the last 8 weeks")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(8)
    counts = [rows.nth(i).locator("td").first.inner_text() for i in range(8)]
    assert counts == ["0", "0", "0", "0", "0", "0", "1", "2"]  # the same day twice counts once; 70 days ago is out
    shot = today - timedelta(days=9)
    expect(rows.nth(6).locator("td").nth(1)).to_have_text(f"{shot:%B} {shot.day}")
    expect(rows.nth(7).locator("td").nth(1)).to_have_text("–")
    expect(table.get_by_role("columnheader", name="Days with spasms")).to_have_count(1)
    expect(page.locator(".diary__chart-key")).to_have_text("▲ marks a week with an injection.")
    assert axe_violations(page) == []


def test_on_a_320_px_phone_the_chart_and_table_fit_the_screen(site_url, open_page):
    page = open_page(site_url + DIARY, "phone-320")
    today = browser_today(page)
    add_entry(page, (today - timedelta(days=3)).isoformat(), "Three")
    add_injection(page, today - timedelta(days=30), side_effects="A dry eye")
    expect(page.locator(".diary__chart svg")).to_be_visible()
    chart = page.locator(".diary__chart svg").bounding_box()
    table = page.locator(".diary__chart-table").bounding_box()
    assert chart["x"] + chart["width"] <= 320
    assert table["x"] + table["width"] <= 320
    assert horizontal_overflow(page) == 0
    assert axe_violations(page) == []


def test_entries_saved_before_the_date_field_still_show_and_are_left_out_of_the_chart(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop")
    today = browser_today(page)
    old = [{"id": "1", "date": "Monday, November 23", "amount": "Four in the evening", "parts": ["Eye"]}]
    page.evaluate("entries => window.localStorage.setItem('hfs-spasm-diary', JSON.stringify(entries))", old)
    page.reload()
    expect(page.locator(".diary__entry")).to_have_count(1)
    expect(page.locator(".diary__entry h4")).to_have_text("Monday, November 23")
    expect(page.locator(".diary__entry")).to_contain_text("Four in the evening")
    expect(page.locator(".diary__chart")).to_be_hidden()  # no entry with a calendar date yet

    add_entry(page, today.isoformat(), "One today")
    expect(page.locator(".diary__undated")).to_have_text(
        "Entries with a date typed as words are not in the chart. To add one, choose Change and pick its date."
    )
    expect(page.locator(".diary__chart-table tbody tr").last.locator("td").first).to_have_text("1")

    # Change shows the date as it was typed, so the patient can pick it
    page.get_by_role("button", name="Change entry for Monday, November 23").click()
    date_field = page.get_by_label("Date", exact=True)
    expect(date_field).to_have_value("")
    expect(date_field).to_have_accessible_description("You wrote the date as: Monday, November 23")
    date_field.fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".diary__chart-table tbody tr").last.locator("td").first).to_have_text("2")
    expect(page.locator(".diary__undated")).to_be_hidden()
    expect(page.locator(".diary__entry")).to_have_count(2)


def test_nothing_typed_in_the_diary_leaves_the_browser(site_url, open_page):
    page = open_page(site_url + DIARY, "phone-320")
    sent = []
    page.on("request", lambda request: sent.append(request.url + (request.post_data or "")))
    add_entry(page, "2026-11-20", "Spasms-at-the-bus-stop-9Z")
    add_injection(page, FIRST_SHOT, FIRST_SHOT + timedelta(days=5), SECOND_SHOT, SIDE_EFFECTS)
    expect(page.locator(".diary__injection")).to_have_count(1)
    page.reload()
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Print my diary").click()
    assert sent, "the page made no requests at all (the listener did not work)"
    typed = ["Spasms-at-the-bus-stop", SIDE_EFFECTS, "2026-11-20", FIRST_SHOT.isoformat(), SECOND_SHOT.isoformat()]
    assert [request for request in sent if any(value in request for value in typed)] == []


def test_printing_shows_the_chart_table_and_injections_without_the_form_controls(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop")
    today = browser_today(page)
    add_entry(page, (today - timedelta(days=2)).isoformat(), "Two")
    add_injection(page, today - timedelta(days=5), side_effects="Tired eye")
    page.emulate_media(media="print")
    expect(page.locator(".diary__chart svg")).to_be_visible()
    expect(page.locator(".diary__chart-table")).to_be_visible()
    expect(page.locator(".diary__injection")).to_be_visible()
    expect(page.locator(".diary__injection")).to_contain_text("Tired eye")
    controls = page.locator(".diary").locator("input, select, textarea, button")
    assert controls.count() > 0
    assert [i for i in range(controls.count()) if controls.nth(i).is_visible()] == []


def test_side_effects_that_look_like_html_are_shown_as_text(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    add_injection(page, FIRST_SHOT, side_effects=HOSTILE)
    expect(details(page.locator(".diary__injection"), "Side effects")).to_have_text(HOSTILE)
    page.reload()
    expect(details(page.locator(".diary__injection"), "Side effects")).to_have_text(HOSTILE)
    expect(page.locator(".diary img")).to_have_count(0)
    assert dialogs == []


def test_an_injection_can_be_added_with_the_keyboard_alone(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop")
    today = browser_today(page)
    page.get_by_label("A day with spasms").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("An injection")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Injection date")).to_be_focused()
    expect(page.get_by_label("Injection date")).to_have_value(today.isoformat())  # today, to start with
    page.get_by_label("Side effects").focus()
    page.keyboard.type("None")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Save entry")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".diary__injection")).to_have_count(1)
    expect(page.locator(".diary__injection h4")).to_have_text("Injection on " + long_date(today))


def test_without_javascript_there_is_a_blank_injection_diary_to_print(site_url, open_page):
    page = open_page(site_url + DIARY, "desktop", java_script_enabled=False)
    table = page.get_by_role("table", name="Injection diary (to fill in by hand)")
    expect(table).to_be_visible()
    headers = ["Injection date", "When it started to help", "When it wore off", "Side effects"]
    expect(table.get_by_role("columnheader")).to_have_text(headers)
    expect(page.get_by_role("table", name="Spasm diary (to fill in by hand)")).to_be_visible()
    expect(page.locator(".diary__app")).to_be_hidden()
