"""The decision aid on the choosing page: key figures typed once and drawn as pictures of 100
people, every option in the same format, how old the evidence is, and a worksheet that sends
nothing. (The browser behaviour is in tests/browser/test_decision_aid.py.)"""

import re

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from django.core.exceptions import ValidationError
from djangocms_versioning.models import Version
from lxml import html as lxml_html

from conditions.icon_arrays import icon_array
from conditions.models import KeyFigure
from references.models import Source
from seed.fingerprints import page_lines

from .conftest import page_by_id, published_content

pytestmark = pytest.mark.django_db
CHOOSING = {"en": "/hemifacial-spasm/choosing-a-treatment/", "es": "/es/espasmo-hemifacial/elegir-un-tratamiento/"}
TREATMENT = {"en": "/hemifacial-spasm/treatment/", "es": "/es/espasmo-hemifacial/tratamiento/"}


def people(blocks, group):
    return sum(block.width * block.height for block in blocks if block.group == group) // 100


def cells(blocks):
    return {(x, y) for b in blocks for x in range(b.x, b.x + b.width, 10) for y in range(b.y, b.y + b.height, 10)}


@pytest.mark.parametrize(("low", "high"), [(0, None), (1, None), (10, None), (91, None), (2, 5), (73, 98), (100, None)])
def test_a_picture_shows_exactly_the_figure_out_of_100_people(low, high):
    blocks = icon_array(low, high)
    assert people(blocks, "yes") == low
    assert people(blocks, "maybe") == (high - low if high else 0)
    assert people(blocks, "no") == 100 - (high or low)
    assert len(cells(blocks)) == 100  # no person drawn twice, none missing
    assert all(b.x >= 0 and b.x + b.width <= 100 and b.y + b.height <= 100 for b in blocks)
    assert len(blocks) <= 9  # small SVG: at most three rectangles a group


def with_class(root, name, tag="*"):
    return root.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def by_id(root, element_id):
    return root.xpath(f".//*[@id='{element_id}']")[0]


def aid(client, language):
    page = lxml_html.fromstring(client.get(CHOOSING[language]).content)
    return with_class(page, "decision-aid")[0]


def key_figures(language):
    content = published_content("hfs-treatment", language)
    plugins = content.get_placeholders().get(slot="content").get_plugins()
    return list(KeyFigure.objects.filter(option__in=plugins.filter(plugin_type="TreatmentOptionPlugin")))


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_key_figure_is_a_picture_whose_text_alternative_states_the_number(client, language):
    root = aid(client, language)
    pictures = with_class(root, "icon-array__picture", "svg")
    figures = key_figures(language)
    assert len(pictures) >= 3
    assert len(pictures) == len(figures)
    captions = []
    for svg in pictures:
        assert svg.get("role") == "img"
        caption = by_id(root, svg.get("aria-labelledby"))
        captions.append(caption.text_content().strip())
    for figure in figures:
        assert any(caption.startswith(figure.caption()) for caption in captions), figure.caption()
    assert any(re.search(r"\b2\b.*\b5\b.*100", caption) for caption in captions), "hearing loss"


def test_the_pictures_count_what_the_records_say(client):
    root = aid(client, "en")
    hearing = next(f for f in key_figures("en") if "hearing" in f.outcome)
    svg = next(s for s in with_class(root, "icon-array__picture", "svg") if "hearing" in s.getparent().text_content())
    drawn = {}
    for rect in svg.xpath("./rect"):  # the picture's rectangles, not the patterns' own
        group = rect.get("fill", "").rsplit("-", 1)[-1].rstrip(")")
        drawn[group] = drawn.get(group, 0) + int(rect.get("width")) * int(rect.get("height")) // 100
    assert drawn == {"yes": hearing.low, "maybe": hearing.high - hearing.low, "no": 100 - hearing.high}


def test_changing_a_key_figure_once_changes_the_picture_the_comparison_and_the_treatment_page(client, editor):
    treatment = published_content("hfs-treatment")
    version = Version.objects.get_for_content(treatment).copy(editor)
    plugins = version.content.get_placeholders().get(slot="content").get_plugins()
    figure = KeyFigure.objects.get(option__in=plugins, outcome__contains="face for good")
    assert figure.sources.exists()  # the copy kept its sources
    figure.low, figure.about, figure.detail = 3, False, "a new figure from the team"
    figure.save()
    assert "a new figure from the team" not in client.get(CHOOSING["en"]).content.decode()  # a draft changes nothing
    version.publish(editor)
    choosing = client.get(CHOOSING["en"]).content.decode()
    assert "3 in 100 people have weakness of the face for good (a new figure from the team)." in choosing
    table = re.search(r'<table class="comparison__table".*?</table>', choosing, re.DOTALL).group(0)
    assert "a new figure from the team" in table
    assert "a new figure from the team" in client.get(TREATMENT["en"]).content.decode()
    svg = next(s for s in aid(client, "en").iter("svg") if "new figure" in s.getparent().text_content())
    assert sum(int(r.get("width")) for r in svg.iter("rect") if r.get("fill", "").endswith("-yes)")) == 30


def test_hostile_words_in_a_key_figure_are_shown_as_text(client, editor):
    treatment = published_content("hfs-treatment")
    version = Version.objects.get_for_content(treatment).copy(editor)
    plugins = version.content.get_placeholders().get(slot="content").get_plugins()
    figure = KeyFigure.objects.filter(option__in=plugins).first()
    figure.outcome = 'get <img src=x onerror="alert(1)"> "quoted"'
    figure.detail = "</svg><script>alert(2)</script>"
    figure.save()
    version.publish(editor)
    html = client.get(CHOOSING["en"]).content.decode()
    assert "<script>alert(2)" not in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=" in html


def test_every_option_including_waiting_has_benefits_and_harms_in_the_same_format(client):
    root = aid(client, "en")
    options = with_class(root, "decision-option")
    names = [option.xpath(".//h3")[0].text_content() for option in options]
    assert names == [
        "Botulinum toxin injections",
        "Medicines taken by mouth",
        "Microvascular decompression (MVD)",
        "Choosing not to treat for now",
    ]
    for option in options:
        parts = [h.text_content() for h in option.xpath(".//h4")]
        assert parts == ["How well it works", "Risks and side effects"], option.xpath(".//h3")[0].text_content()
        for part in with_class(option, "decision-option__part"):
            assert part.text_content().strip() != part.xpath(".//h4")[0].text_content(), "an empty part"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_says_how_old_the_evidence_is_and_that_it_is_not_this_hospitals(client, language):
    note = with_class(aid(client, language), "decision-aid__evidence")[0].text_content()
    years = sorted(s.year for s in Source.objects.filter(year__isnull=False))
    cited = {"en": "from 1995 to 2021", "es": "entre 1995 y 2021"}[language]
    assert cited in note
    assert str(years[0]) in note
    assert {"en": "not this hospital's own results", "es": "No son los resultados de este hospital"}[language] in note


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_values_exercise_is_fieldsets_with_radios_and_no_form_to_send(client, language):
    root = aid(client, language)
    assert root.xpath(".//form") == []
    fieldsets = root.xpath(".//fieldset")
    assert len(fieldsets) >= 4
    for fieldset in fieldsets:
        assert fieldset.xpath("./legend")[0].text_content().strip()
        radios = fieldset.xpath(".//input[@type='radio']")
        assert len(radios) >= 3
        assert len({radio.get("name") for radio in radios}) == 1
        for radio in radios:
            assert root.xpath(f".//label[@for='{radio.get('id')}']")[0].text_content().strip()
    assert (
        with_class(root, "decision-aid__print")[0].text_content()
        == {"en": "Print my summary", "es": "Imprimir mi resumen"}[language]
    )


def test_a_key_figure_must_be_a_number_out_of_100_and_a_range_must_go_up():
    option = key_figures("en")[0].option
    with pytest.raises(ValidationError) as error:
        KeyFigure(option=option, low=5, high=3, outcome="have it").full_clean(exclude=["sources"])
    assert "high" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        KeyFigure(option=option, low=120, outcome="have it").full_clean(exclude=["sources"])
    assert "low" in error.value.message_dict


def test_an_editor_changing_only_a_key_figure_changes_the_pages_fingerprint(editor):
    treatment = published_content("hfs-treatment")
    version = Version.objects.get_for_content(treatment).copy(editor)
    before = page_lines(version.content)
    plugins = version.content.get_placeholders().get(slot="content").get_plugins()
    figure = KeyFigure.objects.filter(option__in=plugins).first()
    figure.low += 1
    figure.save()
    assert page_lines(version.content) != before


def plugin_form(client, url):
    """The CMS's edit-plugin form as a browser would send it back, unchanged."""
    page = lxml_html.fromstring(client.get(url).content)
    form = page.xpath("//form[@id='treatmentoption_form']")[0]
    values = {}
    for name, value in form.form_values():
        values.setdefault(name, []).append(value)
    return values


def test_a_content_editor_changes_a_key_figure_in_the_treatment_options_form(editor):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.urls import reverse

    from editorial.roles import CONTENT_EDITOR

    user = get_user_model().objects.create_user("figures-editor", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=CONTENT_EDITOR))
    client = Client()
    client.force_login(user)
    version = Version.objects.get_for_content(published_content("hfs-treatment")).copy(user)
    plugins = version.content.get_placeholders().get(slot="content").get_plugins()
    figure = KeyFigure.objects.get(option__in=plugins, outcome__contains="hearing")
    url = reverse("admin:cms_placeholder_edit_plugin", args=[figure.option_id])
    html = client.get(url).content.decode()
    assert "Key figures, drawn as pictures of 100 people in the decision aid" in html
    assert "lose some or all of the hearing on that side for good" in html

    values = plugin_form(client, url)
    row = next(
        key.rsplit("-", 1)[0] for key, value in values.items() if key.endswith("-id") and value == [str(figure.pk)]
    )
    values[f"{row}-low"], values[f"{row}-high"] = ["9"], ["4"]  # a range that goes down
    response = client.post(url, values)
    assert response.status_code == 200
    assert "Make this more than “how many in 100”, or leave it empty." in response.content.decode()
    figure.refresh_from_db()
    assert (figure.low, figure.high) == (2, 5)  # nothing saved

    values[f"{row}-low"], values[f"{row}-high"] = ["3"], ["6"]
    response = client.post(url, values)
    assert response.status_code == 200
    assert "errorlist" not in response.content.decode()
    figure.refresh_from_db()
    assert (figure.low, figure.high) == (3, 6)


def test_a_decision_aid_on_a_page_of_its_own_shows_a_figure_published_on_the_treatment_page(client, editor):
    """The aid draws another page's records: publishing that page refreshes every page with an
    aid, not only those that also hold a comparison."""
    page = create_page("Your choice", "content_page.html", "en", slug="your-choice", created_by=editor)
    content = PageContent.admin_manager.get(page=page, language="en")
    placeholder = content.get_placeholders().get(slot="content")
    add_plugin(placeholder, "DecisionAidPlugin", "en", treatment_page=page_by_id("hfs-treatment"))
    Version.objects.get_for_content(content).publish(editor)
    assert "weakness of the face for good" in client.get("/your-choice/").content.decode()
    version = Version.objects.get_for_content(published_content("hfs-treatment")).copy(editor)
    plugins = version.content.get_placeholders().get(slot="content").get_plugins()
    figure = KeyFigure.objects.get(option__in=plugins, outcome__contains="face for good")
    figure.low, figure.about, figure.detail = 3, False, "a new figure from the team"
    figure.save()
    version.publish(editor)
    assert "(a new figure from the team)" in client.get("/your-choice/").content.decode()
