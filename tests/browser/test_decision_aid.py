"""In a real browser: the decision aid's pictures, its "What matters to you" exercise (by
keyboard, kept across a reload, never sent) and "Print my summary"."""

import re

import pytest
from playwright.sync_api import expect

from .test_accessibility import axe_violations, horizontal_overflow

pytestmark = pytest.mark.browser
CHOOSING = {"en": "/hemifacial-spasm/choosing-a-treatment/", "es": "/es/espasmo-hemifacial/elegir-un-tratamiento/"}
HEARING_QUESTION = {
    "en": "The operation can cause hearing loss for good in the ear on that side. The pictures show how often. "
    "How do you feel about that risk?",
    "es": "La operación puede causar pérdida de audición para siempre en el oído de ese lado. Los dibujos muestran "
    "con qué frecuencia. ¿Qué piensa de ese riesgo?",
}


@pytest.mark.parametrize("viewport", ["phone-320", "desktop"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_pictures_have_names_that_state_the_numbers_and_the_page_passes_axe(
    site_url, open_page, language, viewport
):
    page = open_page(site_url + CHOOSING[language], viewport)
    pictures = page.locator(".decision-aid svg[role=img]")
    assert pictures.count() >= 3
    for i in range(pictures.count()):
        picture = pictures.nth(i)
        expect(picture).to_be_visible()
        name = picture.evaluate("svg => document.getElementById(svg.getAttribute('aria-labelledby')).textContent")
        assert re.search(r"\d+ (in|de cada) 100", name), name
        expect(picture).to_have_accessible_name(re.compile(re.escape(name.strip()[:40])))
        box = picture.bounding_box()
        assert box["width"] >= 100, "too small to count"
    assert horizontal_overflow(page) == 0
    assert axe_violations(page) == []


def answer_by_keyboard(page, question, answers_down):
    """Tab to the question's first choice, then move down with the arrow keys (as a radio group works)."""
    group = page.get_by_role("group", name=question)
    group.get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    for _ in range(answers_down):
        page.keyboard.press("ArrowDown")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_values_exercise_works_by_keyboard_is_kept_across_a_reload_and_sends_nothing(site_url, open_page, language):
    page = open_page(site_url + CHOOSING[language], "phone-320")
    sent = []
    page.on("request", lambda request: sent.append((request.method, request.url, request.post_data or "")))
    summary = page.locator(".decision-summary")
    expect(summary.locator(".decision-summary__empty")).to_be_visible()

    answer_by_keyboard(page, HEARING_QUESTION[language], 2)  # the third answer: avoid any risk
    chosen = page.get_by_role("group", name=HEARING_QUESTION[language]).get_by_role("radio").nth(2)
    expect(chosen).to_be_checked()
    expect(chosen).to_be_focused()
    hearing = summary.locator("[data-summary-question=hearing]")
    expect(hearing).to_be_visible()
    expect(hearing.locator("dd:visible")).to_have_count(1)
    expect(hearing.locator("dd:visible")).to_contain_text(
        {"en": "Hearing loss is a risk of the operation.", "es": "Perder la audición es un riesgo de la operación."}[
            language
        ]
    )
    expect(summary.locator("[data-ask-for='hearing=avoid']")).to_be_visible()
    expect(summary.locator("[data-ask-for='hearing=accept']")).to_be_hidden()
    assert axe_violations(page) == []

    page.reload()
    chosen = page.get_by_role("group", name=HEARING_QUESTION[language]).get_by_role("radio").nth(2)
    expect(chosen).to_be_checked()
    expect(page.locator("[data-summary-question=hearing]")).to_be_visible()

    # no request carries an answer: only GETs for the page and its files, none naming a question
    assert sent, "the reload was not seen"
    for method, url, body in sent:
        assert method == "GET", (method, url)
        assert "hearing" not in url, url
        assert "avoid" not in url, url
        assert body == "", url

    page.get_by_role("button", name={"en": "Delete my answers", "es": "Borrar mis respuestas"}[language]).click()
    expect(chosen).not_to_be_checked()
    expect(page.locator(".decision-summary__empty")).to_be_visible()
    page.reload()
    expect(page.get_by_role("group", name=HEARING_QUESTION[language]).get_by_role("radio").nth(2)).not_to_be_checked()


def test_print_my_summary_prints_the_answers_figures_and_questions_on_one_page(site_url, open_page):
    page = open_page(site_url + CHOOSING["en"], "desktop")
    for group in page.locator(".decision-aid fieldset").all():
        group.get_by_role("radio").first.check()
    page.evaluate("window.print = () => { window.printed = true; }")  # no print dialog in a test
    page.get_by_role("button", name="Print my summary").click()
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    summary = page.locator(".decision-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("[data-summary-question]:visible")).to_have_count(
        page.locator(".decision-aid fieldset").count()
    )
    expect(summary.locator(".decision-summary__figures li").first).to_be_visible()
    expect(summary.locator(".decision-summary__ask li:visible").first).to_be_visible()
    expect(page.get_by_role("button", name="Print my summary")).to_be_hidden()
    for elsewhere in ("h1", ".comparison__table", ".site-header", ".decision-aid fieldset", ".contact-band"):
        assert not page.locator(elsewhere).first.is_visible(), elsewhere
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1

    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("h1")).to_be_visible()  # the whole page prints again afterwards


def test_without_javascript_the_exercise_is_a_worksheet_to_print(site_url, open_page):
    page = open_page(site_url + CHOOSING["en"], "phone-320", java_script_enabled=False)
    fieldsets = page.locator(".decision-aid fieldset")
    assert fieldsets.count() >= 4
    expect(fieldsets.first.get_by_role("radio").first).to_be_visible()
    expect(page.get_by_role("button", name="Print my summary")).to_be_hidden()  # needs the script
    expect(page.locator(".decision-summary__ask li:visible")).not_to_have_count(0)
    page.emulate_media(media="print")
    expect(fieldsets.first).to_be_visible()
    expect(page.locator(".decision-aid svg[role=img]").first).to_be_visible()
