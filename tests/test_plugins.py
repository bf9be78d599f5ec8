"""The guide's plugins, rendered through the real CMS renderer."""

import pytest
from cms.api import add_plugin
from cms.models import Placeholder
from cms.plugin_rendering import ContentRenderer
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from filer.models import Image

from conditions.models import Callout, Figure
from conditions.sections import add_section_ids

pytestmark = pytest.mark.django_db


def render(plugin):
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    request.session = {}
    return ContentRenderer(request=request).render_plugin(plugin, {"request": request})


@pytest.fixture
def placeholder():
    return Placeholder.objects.create(slot="test")


def test_each_callout_kind_is_named_in_words_for_screen_readers(placeholder):
    for variant, word in [("information", "Information"), ("warning", "Warning"), ("emergency", "Emergency")]:
        plugin = add_plugin(placeholder, "CalloutPlugin", "en", variant=variant, title="Call now", body="<p>x</p>")
        html = render(plugin)
        assert f'class="callout callout--{variant}"' in html
        assert f'{word}<span class="visually-hidden">:</span></span> Call now' in html


def test_treatment_option_uses_the_same_headings_and_its_anchor(placeholder):
    plugin = add_plugin(
        placeholder,
        "TreatmentOptionPlugin",
        "en",
        name="Nerve blocks",
        summary="<p>a</p>",
        how_it_works="<p>b</p>",
        benefits="<p>c</p>",
        risks="<p>d</p>",
        recovery="<p>e</p>",
    )
    html = render(plugin)
    assert '<h2 id="nerve-blocks">Nerve blocks</h2>' in html
    headings = ["How it works", "How well it works", "Risks and side effects", "Recovery"]
    assert [h for h in headings if f"<h3>{h}</h3>" in html] == headings


def test_html_typed_into_a_plugin_is_sanitised(placeholder):
    plugin = add_plugin(
        placeholder,
        "CalloutPlugin",
        "en",
        title="t",
        body='<p onclick="steal()">Hi<script>alert(1)</script><img src=x onerror="alert(2)"></p>',
    )
    html = render(Callout.objects.get(pk=plugin.pk))  # as stored, then shown to a visitor
    assert "<p>Hi" in html
    assert "<script" not in html
    assert "onerror" not in html
    assert "onclick" not in html


def test_a_picture_needs_alt_text_or_to_be_marked_decorative():
    image = Image.objects.first()
    with pytest.raises(ValidationError) as missing:
        Figure(image=image, alt_text=" ").clean()
    assert "alternative text" in str(missing.value)
    with pytest.raises(ValidationError):
        Figure(image=image, alt_text="A diagram", decorative=True).clean()
    Figure(image=image, decorative=True).clean()
    Figure(image=image, alt_text="A diagram").clean()


def test_a_decorative_picture_has_empty_alt(placeholder):
    plugin = add_plugin(placeholder, "FigurePlugin", "en", image=Image.objects.first(), decorative=True, width=300)
    html = render(plugin)
    assert 'alt=""' in html
    assert 'width="300"' in html


def test_section_ids_are_unique_and_keep_existing_ids():
    html, sections = add_section_ids(
        '<h2>Risks</h2><h2 id="mvd">MVD</h2><h2>Risks</h2><h2 class="x">Living <em>well</em></h2>'
    )
    assert [s["id"] for s in sections] == ["risks", "mvd", "risks-2", "living-well"]
    assert '<h2 id="risks-2">Risks</h2>' in html
    assert '<h2 id="living-well" class="x">' in html
