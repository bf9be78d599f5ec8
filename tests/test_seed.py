"""seed_site: idempotent, never overwrites an editor's work, --force rebuilds."""

import pytest
from cms.models import CMSPlugin, Page, PageContent
from django.core.management import call_command
from djangocms_versioning.models import Version
from filer.models import Image

from references.models import GlossaryTerm, Source

from .conftest import edit_and_publish, first_text_plugin, published_content

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "contents": PageContent.admin_manager.count(),
        "versions": Version.objects.count(),
        "plugins": CMSPlugin.objects.count(),
        "images": Image.objects.count(),
        "glossary terms": GlossaryTerm.objects.count(),
        "sources": Source.objects.count(),
    }


def test_running_the_seed_again_changes_nothing():
    before = counts()
    call_command("seed_site", verbosity=0)
    assert counts() == before


def test_the_seed_keeps_an_editors_change(client, editor):
    edit_and_publish("hfs-causes", editor, "<p>Edited by the neurology team.</p>")
    call_command("seed_site", verbosity=0)
    assert "Edited by the neurology team." in client.get("/hemifacial-spasm/causes/").content.decode()


def test_the_seed_keeps_an_editors_glossary_and_source_changes(client):
    term = GlossaryTerm.objects.get(language="en", slug="brainstem")
    term.definition = "Changed by an editor."
    term.save()
    Source.objects.filter(key="barker-1995").update(title="Corrected by an editor")
    call_command("seed_site", verbosity=0)
    assert GlossaryTerm.objects.get(language="en", slug="brainstem").definition == "Changed by an editor."
    assert Source.objects.get(key="barker-1995").title == "Corrected by an editor"


def test_every_page_is_seeded_in_english_and_spanish():
    for page in Page.objects.all():
        languages = set(PageContent.objects.filter(page=page).values_list("language", flat=True))
        assert languages == {"en", "es"}, page.reverse_id


def test_force_rebuilds_the_seeded_pages(client, editor):
    edit_and_publish("hfs-causes", editor, "<p>Edited by the neurology team.</p>")
    call_command("seed_site", "--force", verbosity=0)
    html = client.get("/hemifacial-spasm/causes/").content.decode()
    assert "Edited by the neurology team." not in html
    assert "The nerve then sends extra signals" in html
    assert Page.objects.filter(reverse_id="hfs-causes").count() == 1
    assert client.get("/hemifacial-spasm/").status_code == 200


def test_every_seeded_page_is_published_with_a_meta_description():
    for page in Page.objects.all():
        content = PageContent.objects.get(page=page, language="en")
        assert len(content.meta_description) >= 50, page
        assert first_text_plugin(content) is not None


def test_seeded_text_is_plain_language():
    """Short sentences: no seeded paragraph sentence runs past 30 words."""
    import re

    for page in Page.objects.all():
        placeholder = published_content(page.reverse_id).get_placeholders().get(slot="content")
        for plugin in placeholder.get_plugins().filter(plugin_type="TextPlugin"):
            blocks = re.split(r"</?(?:p|li|h\d|ul|ol)[^>]*>", plugin.get_bound_plugin().body)
            for block in blocks:
                for sentence in re.split(r"[.!?:]\s", re.sub(r"<[^>]+>", "", block)):
                    assert len(sentence.split()) <= 30, sentence


def test_seeded_text_fits_its_fields_on_every_database():
    """SQLite ignores a CharField's max_length; PostgreSQL refuses longer text. Check it here."""
    from django.db import models

    records = [plugin.get_bound_plugin() for plugin in CMSPlugin.objects.all()]
    records += list(Source.objects.all()) + list(GlossaryTerm.objects.all()) + list(PageContent.admin_manager.all())
    too_long = [
        (type(record).__name__, field.name, len(getattr(record, field.attname)))
        for record in records
        if record is not None
        for field in record._meta.concrete_fields
        if isinstance(field, models.CharField)
        and field.max_length
        and len(getattr(record, field.attname) or "") > field.max_length
    ]
    assert too_long == []
