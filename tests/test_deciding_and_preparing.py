"""The pages that help patients decide and prepare: treatment comparison, after surgery, living
with HFS, the appointment and its spasm diary, the glossary and the sources."""

import re

import pytest
from djangocms_versioning.models import Version

from coordinators.models import CareCoordinator
from references.linking import Term, link_terms
from references.models import GlossaryTerm

from .conftest import published_content

pytestmark = pytest.mark.django_db
CHOOSING = "/hemifacial-spasm/choosing-a-treatment/"
OPTIONS = [
    "Botulinum toxin injections",
    "Medicines taken by mouth",
    "Microvascular decompression (MVD)",
    "Choosing not to treat for now",
]
COLUMNS = [
    "Treatment",
    "What it involves",
    "How soon it works",
    "How long it lasts",
    "How well it works",
    "Main risks",
    "Recovery",
]


def main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def comparison(html):
    return re.search(r'<table class="comparison__table".*?</table>', html, re.DOTALL).group(0)


def text(fragment):
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def test_the_comparison_is_a_real_table_with_caption_and_headers(client):
    table = comparison(client.get(CHOOSING).content.decode())
    assert re.search(r"<caption>[^<]+</caption>", table)
    assert [text(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)] == COLUMNS
    rows = re.findall(r'<th scope="row"[^>]*>(.*?)</th>', table, re.DOTALL)
    assert [text(r) for r in rows] == OPTIONS
    # each option's name links to its section on the treatment page
    assert 'href="/hemifacial-spasm/treatment/#microvascular-decompression"' in table
    # on a phone each value shows its label (hidden from screen readers, which hear the header)
    cells = re.findall(r'<td role="cell">(.*?)</td>', table, re.DOTALL)
    assert len(cells) == len(OPTIONS) * (len(COLUMNS) - 1)
    for cell in cells:
        assert re.match(r'<span class="comparison__label" aria-hidden="true">[^<]+</span> \S', cell), cell


def test_the_figures_cite_the_numbered_sources_on_the_page(client):
    html = client.get(CHOOSING).content.decode()
    sources = re.search(r'<div class="sources">.*?</div>', html, re.DOTALL).group(0)
    numbered = re.findall(r'<li id="source-([a-z0-9-]+)">', sources)
    assert numbered
    assert "barker-1995" in numbered
    citations = re.findall(
        r'<a class="citation" href="#source-([a-z0-9-]+)"><span class="visually-hidden">Source </span>\[(\d+)\]</a>',
        comparison(html),
    )
    assert citations, "the comparison cites no source"
    for key, number in citations:
        assert numbered[int(number) - 1] == key


def mvd_option(content):
    plugins = content.get_placeholders().get(slot="content").get_plugins().filter(plugin_type="TreatmentOptionPlugin")
    return next(p.get_bound_plugin() for p in plugins if p.get_bound_plugin().anchor == "microvascular-decompression")


def page_text(client, url):
    return text(main(client.get(url).content.decode()))


def test_changing_a_figure_once_changes_the_treatment_page_and_the_comparison(client, editor):
    treatment = published_content("hfs-treatment")
    seeded = mvd_option(treatment).success
    assert seeded in page_text(client, CHOOSING)
    assert seeded in page_text(client, "/hemifacial-spasm/treatment/")

    version = Version.objects.get_for_content(treatment).copy(editor)
    draft_option = mvd_option(version.content)
    draft_option.success = "About 8 in 10 people (a new figure from the team)"
    draft_option.save()
    assert "a new figure from the team" not in page_text(client, CHOOSING)  # a draft changes nothing yet
    version.publish(editor)
    for url in (CHOOSING, "/hemifacial-spasm/treatment/"):
        shown = page_text(client, url)
        assert "About 8 in 10 people (a new figure from the team)" in shown, url
        assert seeded not in shown, url


def test_the_treatment_page_shows_each_option_at_a_glance(client):
    html = client.get("/hemifacial-spasm/treatment/").content.decode()
    assert html.count('<div class="at-a-glance">') == len(OPTIONS)
    assert '<h2 id="no-treatment">Choosing not to treat for now</h2>' in html


def test_after_surgery_has_a_timeline_and_the_coordinators_number_from_the_record(client):
    html = main(client.get("/hemifacial-spasm/after-surgery/").content.decode())
    timeline = re.search(r"<ol>(.*?)</ol>", html, re.DOTALL).group(1)
    steps = [text(h) for h in re.findall(r"<li>\s*<h3[^>]*>(.*?)</h3>", timeline, re.DOTALL)]
    assert steps == [
        "Day of surgery",
        "The first days",
        "The first weeks",
        "Going back to work",
        "The months after",
    ]
    assert "Call the care team the same day if" in html
    assert 'href="tel:5550104477"' in html
    assert "(555) 010-4477" in html
    assert re.search(r"callout--emergency.*?911", html, re.DOTALL)

    coordinator = CareCoordinator.objects.get()
    coordinator.phone = "(555) 010-9999"
    coordinator.save()
    html = main(client.get("/hemifacial-spasm/after-surgery/").content.decode())
    assert "(555) 010-9999" in html
    assert "(555) 010-4477" not in html


def test_the_symptoms_page_says_what_else_it_could_be(client):
    html = main(client.get("/hemifacial-spasm/symptoms/").content.decode())
    assert re.search(r"<h2[^>]*>Could it be something else\?</h2>", html)
    for condition in ("Bell", "blepharospasm", "tic"):
        assert condition.lower() in html.lower()
    emergency = re.search(r'<div class="callout callout--emergency">.*?</div>\s*</div>', html, re.DOTALL).group(0)
    assert "911" in emergency
    assert "FAST" in emergency


def test_the_diary_is_a_printable_blank_table_without_javascript_and_says_it_stays_private(client):
    html = client.get("/hemifacial-spasm/your-appointment/").content.decode()
    blank = re.search(r'<table class="diary__blank">.*?</table>', html, re.DOTALL).group(0)
    headers = [text(h) for h in re.findall(r'<th scope="col">(.*?)</th>', blank)]
    assert headers == [
        "Date",
        "How many, or how long",
        "Which parts of the face",
        "What made it worse",
        "How much it got in the way",
    ]
    assert "never sent to us" in html
    # the interactive diary is hidden until its script runs; the script is a deferred static file
    assert '<div class="diary__app" hidden>' in html
    scripts = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "ld+json" not in tag]
    assert len(scripts) == 1
    assert re.fullmatch(r'<script src="/static/js/diary[^"]*\.js" defer>', scripts[0])
    assert client.get(re.search(r'src="(/static/js/diary[^"]*)"', html).group(1)).status_code == 200


def test_the_glossary_lists_every_term_a_to_z_with_stable_ids(client):
    html = client.get("/glossary/").content.decode()
    ids = re.findall(r'<dt id="([a-z0-9-]+)">', html)
    assert len(ids) >= 20
    assert len(set(ids)) == len(ids)
    for slug in (
        "facial-nerve",
        "brainstem",
        "microvascular-decompression",
        "botulinum-toxin",
        "electromyography",
        "mri-scan",
        "angiogram",
        "cerebrospinal-fluid",
    ):
        assert slug in ids, slug
    terms = [text(t) for t in re.findall(r'<dt id="[^"]+">(.*?)</dt>', html)]
    assert terms == sorted(terms, key=str.lower)
    spanish = client.get("/es/glosario/").content.decode()
    assert len(re.findall(r'<dt id="[a-z0-9-]+">', spanish)) >= 20


def test_the_first_use_of_a_glossary_term_on_a_guide_page_links_to_it(client):
    html = main(client.get("/hemifacial-spasm/causes/").content.decode())
    links = re.findall(r'<a class="glossary-link" href="/glossary/#([a-z0-9-]+)">', html)
    assert "facial-nerve" in links
    assert "brainstem" in links
    assert len(links) == len(set(links)), "a term is linked more than once"
    for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html, re.DOTALL):
        assert "glossary-link" not in heading
    for glossary_id in set(links):
        assert f'<dt id="{glossary_id}">' in client.get("/glossary/").content.decode()
    spanish = main(client.get("/es/espasmo-hemifacial/causas/").content.decode())
    assert re.search(r'<a class="glossary-link" href="/es/glosario/#[a-z0-9-]+">', spanish)


def test_a_new_glossary_term_is_linked_at_once(client):
    assert 'href="/glossary/#twitch"' not in client.get("/hemifacial-spasm/").content.decode()
    GlossaryTerm.objects.create(
        language="en",
        term="Twitch",
        slug="twitch",
        matches="twitch\ntwitches",
        definition="A small movement you do not mean to make.",
    )
    assert 'href="/glossary/#twitch"' in client.get("/hemifacial-spasm/").content.decode()
    assert '<dt id="twitch">Twitch</dt>' in client.get("/glossary/").content.decode()


TERMS = [Term("facial-nerve", ("facial nerve",)), Term("mri", ("mri scan", "mri"))]


def test_linking_marks_only_the_first_use():
    html = link_terms("<p>The facial nerve. The facial nerve again.</p>", TERMS, "/glossary/")
    assert html == (
        '<p>The <a class="glossary-link" href="/glossary/#facial-nerve">facial nerve</a>. The facial nerve again.</p>'
    )


def test_linking_never_touches_headings_links_or_callout_titles():
    source = (
        '<h2>The facial nerve</h2><p><a href="/x">an MRI scan</a></p>'
        '<h2 class="callout__title">MRI</h2><p>Then an MRI.</p>'
    )
    html = link_terms(source, TERMS, "/glossary/")
    assert html.startswith(
        '<h2>The facial nerve</h2><p><a href="/x">an MRI scan</a></p><h2 class="callout__title">MRI</h2>'
    )
    assert html.endswith('<p>Then an <a class="glossary-link" href="/glossary/#mri">MRI</a>.</p>')


def test_linking_leaves_unknown_words_and_parts_of_words_alone():
    source = "<p>Primrise and a facialnerve and a nerve.</p>"
    assert link_terms(source, TERMS, "/glossary/") == source


def test_an_editor_finds_the_figures_in_the_treatment_options_form(editor_client, editor):
    from django.urls import reverse

    version = Version.objects.get_for_content(published_content("hfs-treatment")).copy(editor)
    option = mvd_option(version.content)
    html = editor_client.get(reverse("admin:cms_placeholder_edit_plugin", args=[option.pk])).content.decode()
    assert "At a glance (also shown in the treatment comparison)" in html
    for field in ("works_in", "lasts", "success", "main_risks", "recovery_time", "sources"):
        assert f'name="{field}"' in html, field
